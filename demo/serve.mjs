// make demo: the built dist/ (demo page, widget, sample site) on
// http://127.0.0.1:8080, served with the headers the README's "Deploying"
// section recommends, like the tests serve it (e2e/server.mjs).
// `make demo SITE=DIR` also serves the site folder DIR (one `news-widget
// import` wrote, say) under /imported/, and prints a demo page for each of
// its articles.
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serve } from '../e2e/server.mjs';

const port = Number(process.env.PORT || 8080);
const site = process.env.SITE ? `${resolve(process.env.SITE)}/` : null;
const { url } = await serve({ port, mounts: site ? { '/imported/': site } : {} });
console.log(`news-widget demo on ${url}/ (Ctrl-C stops it)`);
if (site) {
  for (const name of (await readdir(`${site}articles`)).filter((n) => n.endsWith('.json')).sort()) {
    console.log(`  ${url}/?article=imported/articles/${encodeURIComponent(name)}`);
  }
}
