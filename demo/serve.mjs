// make demo: the built dist/ (demo page, widget, sample site) on
// http://127.0.0.1:8080, served with the headers the README's "Deploying"
// section recommends, like the tests serve it (e2e/server.mjs), and the view
// counter (`news-widget counter`) of the sample site on
// http://127.0.0.1:8081, its SQLite file and token in target/demo/ (kept
// between runs, ignored by git). The demo's articles name that counter
// (`viewCounter`), so the page shows a live count.
// `make demo SITE=DIR` also serves the site folder DIR (one `news-widget
// import` wrote, say) under /imported/, and prints a demo page for each of
// its articles.
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';
import { countedSite, startCounter } from '../e2e/counter.mjs';

const port = Number(process.env.PORT || 8080);
const site = process.env.SITE ? `${resolve(process.env.SITE)}/` : null;
const dir = fileURLToPath(new URL('../target/demo/', import.meta.url));
await mkdir(dir, { recursive: true });
const token = await readFile(`${dir}token`, 'utf8').then((t) => t.trim(), () => randomBytes(16).toString('hex'));
const counter = await startCounter({ dir, token, port: port + 1 });
const counted = await countedSite(counter.url);
const { url } = await serve({ port, mounts: { '/site/': `${counted}/`, ...(site ? { '/imported/': site } : {}) } });
console.log(`news-widget demo on ${url}/ (Ctrl-C stops it)`);
console.log(`  view counter on ${counter.url}/views/<id>; its dashboard on ${counter.url}/ with the token ${token}`);
if (site) {
  for (const name of (await readdir(`${site}articles`)).filter((n) => n.endsWith('.json')).sort()) {
    console.log(`  ${url}/?article=imported/articles/${encodeURIComponent(name)}`);
  }
}
// The counter writes everything before it stops.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, async () => {
    await counter.stop();
    await rm(counted, { recursive: true, force: true });
    process.exit(0);
  });
}
