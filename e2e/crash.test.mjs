// A panic is contained: the widget that panicked shows an error and its
// fallback, and the page's other widgets come back on a fresh module instance
// and keep working, also when widgets come and go while they restart. Runs
// against a test build (target/dist-crash, feature `crash-test`) in which an
// article headlined "PANIC" panics while rendering. The tests watch what a
// page sees (events, the DOM), never the loader's state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, recordEvents } from './browser.mjs';
import { held, hostPage, html, json } from './pages.mjs';

const CRASH_DIST = fileURLToPath(new URL('../target/dist-crash/', import.meta.url));

let server;
let browser;

const seed = JSON.parse(await readFile(`${CRASH_DIST}site/articles/20122.json`, 'utf8'));

/** A widget's element. */
const widget = (id, src, { attributes = '', content = '' } = {}) =>
  `<news-article id="${id}" loading="eager" src="${src}" ${attributes}>${content}</news-article>`;
/** A page with a good widget "a" (its article at `a`), one that panics, and another good one. */
const crashPage = (a) =>
  hostPage(
    widget('a', a) +
      widget('bad', '/panic.json', { attributes: 'lang="en-GB"', content: '<a href="/elsewhere">Read it on the site</a>' }) +
      widget('b', '/site/articles/20118.json'),
  );

/**
 * The article of widget "a" in a race: answered at once the first time (the
 * load before the panic), then held, so the test acts while "a" restarts.
 */
function restartHeld() {
  const hold = held(json(seed));
  let asked = 0;
  return { hold, route: (req, res) => (++asked === 1 ? json(seed)(req, res) : hold.route(req, res)) };
}
const added = restartHeld();
const removed = restartHeld();

before(async () => {
  server = await serve({
    root: CRASH_DIST,
    routes: {
      '/panic.json': json({ ...seed, id: 'panic', headline: 'PANIC' }),
      // A pre-rendered snippet whose live article panics while the widget takes over.
      '/prerendered.html': html(async () =>
        hostPage((await readFile(`${CRASH_DIST}embed/20122.vi.html`, 'utf8')).replace('/site/articles/20122.json', '/panic.json'), { script: null }),
      ),
      '/host.html': html(crashPage('/site/articles/20122.json')),
      // The seed again, where its relative links work, for the races.
      '/site/articles/added.json': added.route,
      '/race/added.html': html(crashPage('/site/articles/added.json')),
      '/site/articles/removed.json': removed.route,
      '/race/removed.html': html(crashPage('/site/articles/removed.json')),
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` with the events recorded; `lines` collects the widget's console lines about the panic. */
async function open(path) {
  const page = await browser.newPage();
  await recordEvents(page);
  const lines = [];
  page.on('console', (m) => /^news-article \S+: internal error/.test(m.text()) && lines.push(m.text()));
  await page.goto(`${server.url}${path}`);
  return { page, lines };
}

/**
 * Waits until the widget `id` renders after event number `from` of the
 * page's record (see `mark`).
 */
const renderedAfter = (page, id, from, timeout = 20000) =>
  page.waitForFunction(
    ([id, from]) => window.widgetEvents.slice(from).some((e) => e.type === 'rendered' && e.target.id === id),
    [id, from],
    { timeout },
  );

/** How many events the page has recorded so far. */
const mark = (page) => page.evaluate(() => window.widgetEvents.length);

/**
 * The restart is over: the panicking widget has crashed twice (once with
 * everyone, once alone while it restarted) and widget `last` rendered
 * after that.
 */
async function restarted(page, last = 'b') {
  const second = await page.waitForFunction(
    () => {
      const crashes = window.widgetEvents.flatMap((e, i) => (e.target.id === 'bad' && e.detail.code === 'internal' ? [i] : []));
      return crashes.length >= 2 && crashes[1];
    },
    null,
    { timeout: 20000 },
  );
  await renderedAfter(page, last, await second.jsonValue());
}

/** What the panicking widget shows, and the codes of its error events. */
const culprit = (page) =>
  page.evaluate(() => {
    const el = document.getElementById('bad');
    return {
      alert: el.shadowRoot.querySelector('[role=alert]')?.textContent,
      fallbackShown: !el.shadowRoot.querySelector('slot').hidden && el.querySelector('a').offsetHeight > 0,
      rendered: window.widgetEvents.some((e) => e.target === el && e.type === 'rendered'),
      codes: [...new Set(window.widgetEvents.filter((e) => e.target === el && e.type === 'error').map((e) => e.detail.code))],
    };
  });

test('a panicking widget shows an error; the others recover and keep working', async () => {
  const { page, lines } = await open('/host.html');
  await restarted(page);
  assert.deepEqual(await culprit(page), {
    alert: 'Something went wrong while showing the article.',
    fallbackShown: true,
    rendered: false,
    codes: ['internal'],
  });
  assert.ok(lines.length >= 2, 'each panic is reported on the console');
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

test('a widget added while the others restart starts too, in its turn', async () => {
  added.hold.hold();
  const { page } = await open('/race/added.html');
  // The first crash: "a" restarts first, and its article is held.
  await added.hold.arrived;
  await page.evaluate(() => {
    const late = document.createElement('news-article');
    late.id = 'late';
    late.setAttribute('loading', 'eager');
    late.setAttribute('src', '/site/articles/20121.json');
    document.body.append(late);
  });
  const from = await mark(page);
  added.hold.release();
  await restarted(page, 'b');
  await renderedAfter(page, 'late', from);
  assert.equal(await page.locator('#late h2').textContent(), 'Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ');
  assert.equal(await page.locator('#a h2').textContent(), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
  await page.close();
});

test('a widget removed while it restarts does not stop the others from restarting', async () => {
  removed.hold.hold();
  const { page } = await open('/race/removed.html');
  await removed.hold.arrived;
  const from = await mark(page);
  await page.evaluate(() => document.getElementById('a').remove());
  removed.hold.release();
  await renderedAfter(page, 'b', from);
  assert.equal(await page.locator('#b h2').textContent(), 'Tổng kết công tác kiểm tra, giám sát năm 2021');
  assert.deepEqual(await culprit(page), {
    alert: 'Something went wrong while showing the article.',
    fallbackShown: true,
    rendered: false,
    codes: ['internal'],
  });
  await page.close();
});

test('a panic while taking over a pre-rendered article leaves that article on screen', async () => {
  const { page } = await open('/prerendered.html');
  await page.waitForFunction(() => widgetEvents.some((e) => e.type === 'error' && e.detail.code === 'internal'), null, { timeout: 20000 });
  const seen = await page.evaluate(() => {
    const root = document.querySelector('news-article').shadowRoot;
    return {
      headline: root.querySelector('.nw-prerendered h2')?.textContent,
      visible: root.querySelector('.nw-prerendered').getClientRects().length > 0,
      alerts: root.querySelectorAll('[role=alert]').length,
    };
  });
  assert.deepEqual(seen, { headline: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', visible: true, alerts: 0 });
  await page.close();
});
