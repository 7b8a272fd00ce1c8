// Deployed like a CDN-hosted embed: a stable loader revalidated on every
// view, immutable versioned files, and no version skew. A second build is
// made the way a deploy makes one (scripts/version.mjs over the module's
// files), with a visible change, its accent colour; both versions' files are
// served side by side, with the headers the README recommends. What a page
// shows runs in every engine (engines.mjs); the browser cache's part, in
// Chromium, where each view can have a cache of its own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serve, cacheControl, manifest, DIST } from './server.mjs';
import { launch } from './browser.mjs';
import { ENGINES, launchEngine } from './engines.mjs';
import { hostPage, html } from './pages.mjs';
import { LOADER, PLACEHOLDER, VERSIONED, version } from '../scripts/version.mjs';

const NEXT = fileURLToPath(new URL('../target/deploy-next/', import.meta.url));
const OLD_ACCENT = 'rgb(179, 38, 30)'; // #b3261e
const NEW_ACCENT = 'rgb(11, 110, 79)'; // #0b6e4f

let server;
let browser;
let old;
let next;
/** Which build's loader /news-widget.js serves now. */
let current = 'old';
/** The statuses the loader was answered with, in order. */
const loaderStatuses = [];

before(async () => {
  old = (await manifest()).version;
  // The next build: the same module with a new accent colour, versioned as a deploy does.
  await rm(NEXT, { recursive: true, force: true });
  await mkdir(NEXT, { recursive: true });
  for (const file of VERSIONED) await cp(`${DIST}v/${old}/${file}`, `${NEXT}${file}`);
  const css = await readFile(`${NEXT}news-widget.css`, 'utf8');
  await writeFile(`${NEXT}news-widget.css`, css.replace('--nw-color-accent: #b3261e', '--nw-color-accent: #0b6e4f'));
  await writeFile(`${NEXT}${LOADER}`, (await readFile(`${DIST}${LOADER}`, 'utf8')).replaceAll(old, PLACEHOLDER));
  next = await version(NEXT);
  const loaders = { old: await readFile(`${DIST}${LOADER}`), next: await readFile(`${NEXT}${LOADER}`) };

  server = await serve({
    routes: {
      // A pre-rendered snippet made with the old version (its stylesheet is the old one's).
      '/prerendered.html': html(
        async () => hostPage(await readFile(`${DIST}embed/20122.vi.html`, 'utf8'), { title: 'partner', script: null }),
        { 'cache-control': 'no-store' },
      ),
      '/host.html': html(hostPage('<news-article loading="eager" src="/site/articles/20122.json"></news-article>', { title: 'partner' }), {
        'cache-control': 'no-store',
      }),
      // The stable URL, as a deploy serves it: revalidated, a 304 while unchanged.
      [`/${LOADER}`]: (req, res) => {
        const body = loaders[current];
        const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
        const headers = { 'content-type': 'text/javascript', 'cache-control': cacheControl(`/${LOADER}`), etag };
        const status = req.headers['if-none-match'] === etag ? 304 : 200;
        loaderStatuses.push(status);
        res.writeHead(status, headers).end(status === 200 ? body : undefined);
      },
    },
    // Both versions' files, as after a deploy that keeps the old ones.
    mounts: { [`/v/${next}/`]: `${NEXT}v/${next}/` },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the partner page in `context` and waits for the widget; what it shows and which build. */
async function view(context) {
  const page = await context.newPage();
  await page.goto(`${server.url}/host.html`);
  const result = await page.waitForFunction(() => {
    const root = document.querySelector('news-article').shadowRoot;
    const category = root?.querySelector('.nw-category');
    return category && { accent: getComputedStyle(category).color, version: customElements.get('news-article').version };
  });
  const seen = await result.jsonValue();
  await page.close();
  return seen;
}

/** The requests for widget code (the loader and versioned files) made while `run` runs. */
async function widgetRequests(run) {
  const start = server.requests.length;
  const result = await run();
  return { result, requests: server.requests.slice(start).filter((p) => p === `/${LOADER}` || p.startsWith('/v/')) };
}

test('the server sends what a deploy should: the loader revalidated with a 304, versioned files immutable', async () => {
  const plain = await serve();
  try {
    const first = await fetch(`${plain.url}/${LOADER}`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'public, no-cache');
    const again = await fetch(`${plain.url}/${LOADER}`, { headers: { 'if-none-match': first.headers.get('etag') } });
    assert.equal(again.status, 304);
    for (const file of VERSIONED) {
      const response = await fetch(`${plain.url}/v/${old}/${file}`);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', file);
    }
    for (const { path, sha256, bytes, cacheControl: header } of (await manifest()).files) {
      const body = Buffer.from(await (await fetch(`${plain.url}/${path}`)).arrayBuffer());
      assert.deepEqual(
        { sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length, header },
        { sha256, bytes, header: cacheControl(`/${path}`) },
        path,
      );
    }
  } finally {
    await plain.close();
  }
});

test('two builds are two versions: different hashes, both served side by side', () => {
  assert.match(old, /^[0-9a-f]{12}$/);
  assert.match(next, /^[0-9a-f]{12}$/);
  assert.notEqual(old, next);
});

test('a page on the stable loader picks up the new version when the loader is revalidated, and a repeat view asks only for the loader', async () => {
  current = 'old';
  const context = await browser.newContext();
  const first = await widgetRequests(() => view(context));
  assert.deepEqual(first.result, { accent: OLD_ACCENT, version: old });
  assert.equal(first.requests.length, 4, `the loader and its three files: ${first.requests.join(' ')}`);

  const statuses = loaderStatuses.length;
  const repeat = await widgetRequests(() => view(context));
  assert.deepEqual(repeat.result, { accent: OLD_ACCENT, version: old });
  assert.deepEqual(repeat.requests, [`/${LOADER}`], 'only the loader, revalidated; the module and stylesheet come from the cache');
  assert.deepEqual(loaderStatuses.slice(statuses), [304], 'the revalidation is a 304');

  current = 'next'; // a deploy: the loader's next revalidation brings the new one
  const deployed = await widgetRequests(() => view(context));
  assert.deepEqual(deployed.result, { accent: NEW_ACCENT, version: next });
  assert.deepEqual(
    deployed.requests.sort(),
    [`/${LOADER}`, ...VERSIONED.map((f) => `/v/${next}/${f}`)].sort(),
    'the new loader and the new version\'s files',
  );
  await context.close();
});

for (const name of ENGINES) {
  describe(name, () => {
    let engine;
    before(async () => {
      engine = await launchEngine(name);
    });
    after(() => engine?.close());

    /** What the partner page shows, and which build it runs, once the widget is there. */
    async function look() {
      const page = await engine.open(`${server.url}/host.html`);
      const seen = await page.until(() => {
        const category = document.querySelector('news-article').shadowRoot?.querySelector('.nw-category');
        return category && { accent: getComputedStyle(category).color, version: customElements.get('news-article').version };
      });
      await page.close();
      return seen;
    }

    test('the old loader, with the new files present, renders with its own version', async () => {
      current = 'old';
      const { result, requests } = await widgetRequests(look);
      assert.deepEqual(result, { accent: OLD_ACCENT, version: old });
      assert.ok(requests.every((p) => !p.startsWith(`/v/${next}/`)), requests.join(' '));
    });

    test('the new loader renders with the new version', async () => {
      current = 'next';
      assert.deepEqual(await look(), { accent: NEW_ACCENT, version: next });
    });

    test('a snippet made before a deploy still renders, and the new version takes it over', async () => {
      current = 'next';
      const page = await engine.open(`${server.url}/prerendered.html`);
      // Its own version's stylesheet is still there (the old v/ folder is kept).
      const before = await page.until(() => {
        const link = document.querySelector('news-article').shadowRoot.querySelector('link');
        // Read before the takeover, which removes it; loaded with the page.
        return link && { href: link.getAttribute('href'), loaded: link.sheet?.cssRules.length > 0 };
      });
      assert.deepEqual(before, { href: `/v/${old}/news-widget.css`, loaded: true });
      await page.until(() => !document.querySelector('news-article').shadowRoot.querySelector('.nw-prerendered'));
      const after = await page.evaluate(() => ({
        headline: document.querySelector('news-article').shadowRoot.querySelector('h2').textContent,
        version: customElements.get('news-article').version,
      }));
      assert.deepEqual(after, { headline: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', version: next });
      await page.close();
    });
  });
}
