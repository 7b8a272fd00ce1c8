// A panic is contained: the widget that panicked shows an error and its
// fallback, and the page's other widgets come back on a fresh module instance
// and keep working. Runs against a test build (target/dist-crash, feature
// `crash-test`) in which an article headlined "PANIC" panics while rendering.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, recordEvents } from './browser.mjs';

const CRASH_DIST = fileURLToPath(new URL('../target/dist-crash/', import.meta.url));

let server;
let browser;

before(async () => {
  const seed = JSON.parse(await readFile(`${CRASH_DIST}site/articles/20122.json`, 'utf8'));
  const panic = JSON.stringify({ ...seed, id: 'panic', headline: 'PANIC' });
  server = await serve({
    root: CRASH_DIST,
    routes: {
      '/panic.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(panic),
      // A pre-rendered snippet whose live article panics while the widget takes over.
      '/prerendered.html': async (req, res) => {
        const snippet = (await readFile(`${CRASH_DIST}embed/20122.vi.html`, 'utf8')).replace('/site/articles/20122.json', '/panic.json');
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><meta charset="utf-8"><title>crash</title>${snippet}`);
      },
      '/host.html': (req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end(
          `<!doctype html><meta charset="utf-8"><title>crash</title>
           <news-article id="a" loading="eager" src="/site/articles/20122.json"></news-article>
           <news-article id="bad" loading="eager" lang="en-GB" src="/panic.json"><a href="/elsewhere">Read it on the site</a></news-article>
           <news-article id="b" loading="eager" src="/site/articles/20118.json"></news-article>
           <script src="/news-widget.js" async></script>`,
        ),
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a panicking widget shows an error; the others recover and keep working', async () => {
  const page = await browser.newPage();
  await recordEvents(page);
  const lines = [];
  page.on('console', (m) => /^news-article \S+: internal error/.test(m.text()) && lines.push(m.text()));
  await page.goto(`${server.url}/host.html`);

  await page.waitForFunction(() => document.getElementById('bad').failed === true, null, { timeout: 20000 });
  await page.waitForFunction(
    () => ['a', 'b'].every((id) => document.getElementById(id).shadowRoot.querySelector('.nw-headline')),
    null,
    { timeout: 20000 },
  );

  const bad = await page.evaluate(() => {
    const el = document.getElementById('bad');
    return {
      alert: el.shadowRoot.querySelector('[role=alert]')?.textContent,
      fallbackShown: !el.shadowRoot.querySelector('slot').hidden && el.querySelector('a').offsetHeight > 0,
      codes: widgetEvents.filter((e) => e.target === el && e.type === 'error').map((e) => e.detail.code),
    };
  });
  assert.equal(bad.alert, 'Something went wrong while showing the article.');
  assert.equal(bad.fallbackShown, true);
  assert.ok(bad.codes.length >= 1 && bad.codes.every((c) => c === 'internal'), JSON.stringify(bad.codes));
  assert.ok(lines.length >= 1, 'the panic is reported on the console');
  // The bug report says which build it was: the console line, and every error event.
  const version = await page.evaluate(() => customElements.get('news-article').version);
  assert.match(version, /^[0-9a-f]{12}$/);
  assert.ok(lines.every((line) => line.startsWith(`news-article ${version}: internal error`)), lines.join('\n'));
  const versions = await page.evaluate(() => [...new Set(widgetEvents.filter((e) => e.type === 'error').map((e) => e.detail.version))]);
  assert.deepEqual(versions, [version]);

  // The others are back, and work: a related item opens in place.
  assert.equal(await page.locator('#a h2').textContent(), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
  assert.equal(await page.locator('#a [role=alert]').count(), 0);
  await page.locator('#a .nw-related a').first().click();
  await page.waitForFunction(() =>
    widgetEvents.some((e) => e.type === 'rendered' && e.detail.id === '20125' && e.target.id === 'a'),
  );
  assert.equal(await page.locator('#a h2').textContent(), 'Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần');
  assert.equal(await page.locator('#b h2').textContent(), 'Tổng kết công tác kiểm tra, giám sát năm 2021');
  await page.close();
});

test('a panic while taking over a pre-rendered article leaves that article on screen', async () => {
  const page = await browser.newPage();
  await recordEvents(page);
  await page.goto(`${server.url}/prerendered.html`);
  await page.waitForFunction(() => widgetEvents.some((e) => e.type === 'error' && e.detail.code === 'internal'), null, { timeout: 20000 });
  const seen = await page.evaluate(() => {
    const root = document.querySelector('news-article').shadowRoot;
    return {
      headline: root.querySelector('.nw-prerendered h2')?.textContent,
      visible: root.querySelector('.nw-prerendered').offsetHeight > 0,
      alerts: root.querySelectorAll('[role=alert]').length,
    };
  });
  assert.deepEqual(seen, { headline: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', visible: true, alerts: 0 });
  await page.close();
});
