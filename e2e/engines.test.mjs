// The widget in every engine readers use: Chromium, Firefox ESR and WebKitGTK
// (see engines.mjs), one after another. Each test says once what it checks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, DIST } from './server.mjs';
import { ENGINES, launchEngine } from './engines.mjs';

let server;

/** Records every widget event in `window.widgetEvents`, before any widget starts. */
const RECORDER = `<script>
  window.widgetEvents = [];
  for (const type of ['rendered', 'error', 'navigate']) {
    document.addEventListener('news-article:' + type, (e) => window.widgetEvents.push({ type, id: e.detail.id, code: e.detail.code, target: e.composedPath()[0].id }));
  }
</script>`;
const hostPage = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${RECORDER}</head><body>${body}</body></html>`;
const loader = '<script src="/news-widget.js" async></script>';

before(async () => {
  const html = (body) => (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(body));
  const snippet = await readFile(`${DIST}embed/20122.vi.html`, 'utf8');
  server = await serve({
    routes: {
      '/vi.html': html(`<news-article id="w" loading="eager" src="/site/articles/20122.json"></news-article>${loader}`),
      '/en.html': html(`<news-article id="w" loading="eager" lang="en" src="/site/articles/20122.json"></news-article>${loader}`),
      '/many.html': html(
        `<news-article id="a" loading="eager" src="/site/articles/20122.json"></news-article>
         <news-article id="b" loading="eager" lang="en" theme="dark" src="/site/articles/20122.json"></news-article>
         <news-article id="c" loading="eager" src="/site/articles/20121.json"></news-article>${loader}${loader}`,
      ),
      '/prerendered.html': html(snippet.replace('<news-article ', '<news-article id="w" ')),
    },
  });
});

after(() => server?.close());

/** The widget `id`'s rendered (or error) events so far. */
const events = (page, type = 'rendered') => page.evaluate((type) => window.widgetEvents.filter((e) => e.type === type), type);

for (const name of ENGINES) {
  describe(name, () => {
    let engine;
    before(async () => {
      engine = await launchEngine(name);
    });
    after(() => engine?.close());

    test('the seed article, all parts, in Vietnamese and English', async () => {
      for (const [lang, dateline, views] of [
        ['vi', 'Thứ 5, 20/01/2022 | 19:35', '3.824 lượt xem'],
        ['en', 'Thursday, January 20, 2022, 7:35\u00a0PM', '3,824 views'],
      ]) {
        const page = await engine.open(`${server.url}/${lang}.html`);
        await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
        const seen = await page.evaluate(() => {
          const root = document.getElementById('w').shadowRoot;
          const text = (s) => [...root.querySelectorAll(s)].map((n) => n.textContent.trim());
          return {
            headline: text('h2'),
            dateline: text('time.nw-published'),
            views: text('.nw-views'),
            photos: [...root.querySelectorAll('.nw-figure img')].filter((img) => img.width > 0 && img.alt).length,
            captions: text('.nw-figure:not(.nw-video) figcaption').length,
            video: { sources: root.querySelectorAll('video source').length, tracks: text('video track').length, kinds: [...root.querySelectorAll('video track')].map((t) => t.kind) },
            credits: root.querySelectorAll('.nw-credits p').length,
            related: root.querySelectorAll('.nw-related li a[href]').length,
          };
        });
        assert.deepEqual(seen, {
          headline: ['Hội nghị Ban Chấp hành Đảng bộ tỉnh'],
          dateline: [dateline],
          views: [views],
          photos: 3,
          captions: 3,
          video: { sources: 2, tracks: 2, kinds: ['captions', 'subtitles'] },
          credits: 2,
          related: 6,
        });
        await page.screenshot(`e2e/screenshots/engine-${name}-${lang}.png`);
        await page.close();
      }
    });

    test('a related item opens in place; back returns', async () => {
      const page = await engine.open(`${server.url}/vi.html`);
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
      const url = await page.evaluate(() => location.href);
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-related a').click());
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 2);
      assert.deepEqual((await events(page)).map((e) => e.id), ['20122', '20125']);
      assert.equal(await page.evaluate(() => location.href), url, 'the host page did not navigate');
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-back').click());
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 3);
      assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('h2').textContent), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
      await page.close();
    });

    test('several widgets on one page, each its own language and theme; a theme change applies at once', async () => {
      const page = await engine.open(`${server.url}/many.html`);
      await page.until(() => new Set(window.widgetEvents.filter((e) => e.type === 'rendered').map((e) => e.target)).size === 3);
      const look = () =>
        page.evaluate(() =>
          ['a', 'b', 'c'].map((id) => {
            const root = document.getElementById(id).shadowRoot;
            return { headline: root.querySelector('h2').textContent, background: getComputedStyle(root.querySelector('.nw')).backgroundColor };
          }),
        );
      const seen = await look();
      assert.deepEqual(seen.map((s) => s.background), ['rgb(255, 255, 255)', 'rgb(27, 29, 33)', 'rgb(255, 255, 255)']);
      assert.equal(seen[2].headline, 'Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ');
      await page.evaluate(() => document.getElementById('a').setAttribute('theme', 'dark'));
      assert.equal((await look())[0].background, 'rgb(27, 29, 33)');
      await page.close();
    });

    test('a pre-rendered embed shows its article from the HTML, then the widget takes it over', async () => {
      const page = await engine.open(`${server.url}/prerendered.html`);
      const first = await page.evaluate(() => document.getElementById('w').shadowRoot?.querySelector('h2')?.textContent);
      assert.equal(first, 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', 'the declarative shadow root holds the article');
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
      await page.until(() => !document.getElementById('w').shadowRoot.querySelector('.nw-prerendered'));
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-related a').click());
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 2);
      assert.equal((await events(page)).length, 2, 'one rendered event for the takeover, one for the move');
      await page.close();
    });
  });
}
