// Embedding on hostile ground, in headless Chromium against the built dist/:
// host pages that attack the widget's styles, a strict CSP served as a
// header, several widgets, elements added and removed, the script included
// twice, lazy loading, widths from 280 to 1200 px. Assertions are on computed
// styles and on the host page being unchanged; screenshots of every host page
// are written to e2e/screenshots/ for a person to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { manifest, serve } from './server.mjs';
import { everyWidgetRendered, launch, openPage, outcome, recordEvents } from './browser.mjs';
import { file, hostPage, html } from './pages.mjs';

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

const widget = (attrs = '') =>
  `<div style="width: 800px"><news-article loading="eager" src="/site/articles/20122.json" ${attrs}>` +
  `<a href="https://news.example/tin-tuc/20122">Hội nghị Ban Chấp hành Đảng bộ tỉnh</a></news-article></div>`;

// Records the host page's own state before the widget's script runs.
const SNAPSHOT = `<script>
  window.hostStyle = (el) => JSON.stringify(['font', 'color', 'background-color', 'line-height', 'direction',
    'text-align', 'margin', 'padding', 'overflow', 'display'].map((p) => getComputedStyle(el).getPropertyValue(p)));
  window.hostBefore = {
    globals: Object.keys(window),
    sheets: document.styleSheets.length,
    head: document.head.children.length,
    html: hostStyle(document.documentElement),
    body: hostStyle(document.body),
  };
</script>`;

/** A partner page with `style` in its head (or `head` instead), and the snapshot before the widgets in `body`. */
const page = (style, { dir = 'ltr', body = widget(), snapshot = true, head = `<style>${style}</style>` } = {}) =>
  hostPage(`<header class="portal">A partner page</header>${snapshot ? SNAPSHOT : ''}${body}`, { dir, head });

const HOSTS = {
  plain: page(''),
  resets: page(`* { margin: 0 !important; padding: 0 !important; border: 0 !important; font: inherit !important;
                    line-height: 3 !important; color: magenta !important; box-sizing: content-box !important;
                    letter-spacing: 2px !important; text-decoration: line-through !important; }
               img, video { display: none !important; } p { text-indent: 5em !important; }`),
  'root-font-40px': page('html { font-size: 40px; } body { font-size: 2rem; }'),
  'inherited-body': page(`body { font-family: "Comic Sans MS", cursive !important; color: #f0f !important;
                    text-align: right !important; letter-spacing: 3px !important; word-spacing: 10px !important;
                    text-transform: uppercase !important; line-height: 3 !important; font-style: italic !important;
                    white-space: pre !important; font-weight: 900 !important; background: #222; }`),
  'important-on-element': page(`news-article { color: red !important; font-size: 30px !important;
                    font-family: monospace !important; line-height: 4 !important; text-align: center !important;
                    visibility: visible !important; }`),
  rtl: page('body { direction: rtl; text-align: right; }', { dir: 'rtl' }),
};

let server;
let browser;

before(async () => {
  const routes = {};
  for (const [name, body] of Object.entries(HOSTS)) routes[`/host/${name}.html`] = html(body);
  // Under the CSP the host's own inline styles are blocked too: its width comes from a file.
  const strict = page('', {
    snapshot: false,
    head: '<link rel="stylesheet" href="/host/width.css">',
    body: widget().replace('<div style="width: 800px">', '<div class="column">'),
  });
  routes['/host/width.css'] = file('.column { width: 800px; }', 'text/css');
  routes['/host/strict-csp.html'] = html(strict, { 'content-security-policy': STRICT_CSP });
  routes['/host/no-wasm.html'] = html(strict, { 'content-security-policy': "default-src 'self'; script-src 'self'" });
  routes['/host/many.html'] = html(
    page('', {
      body: `${widget('id="one"')}${widget('id="two" lang="en" theme="dark"')}${widget('id="three"')}
             <script src="/news-widget.js"></script>`,
    }),
  );
  routes['/host/lazy.html'] = html(
    hostPage(
      `<news-article id="top" src="/site/articles/20122.json"></news-article>
       <div style="height: 6000px"></div>
       <news-article id="far" src="/site/articles/20110.json"></news-article>
       <news-article id="eager" loading="eager" src="/site/articles/20104.json"></news-article>`,
      { title: 'lazy' },
    ),
  );
  // The loader runs once the page is parsed (a deferred script): nothing was preloaded.
  routes['/host/in-view.html'] = html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>in view</title>
     <script src="/news-widget.js" defer></script></head>
     <body><news-article id="top" src="/site/articles/20122.json"></news-article></body></html>`,
  );
  routes['/host/widths.html'] = html(
    hostPage(
      [280, 600, 1200]
        .map((w) => `<div style="width:${w}px"><news-article id="w${w}" loading="eager" src="/site/articles/20122.json" date-index="/site/dates/{date}.json"></news-article></div>`)
        .join(''),
      { title: 'widths' },
    ),
  );
  server = await serve({ routes });
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path, viewport) => openPage(browser, server.url + path, { viewport });

/** What a reader sees of the widget's typography and layout, as computed styles. */
const looks = (page, selector = 'news-article') =>
  page.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot;
    const pick = (el, props) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
    const text = ['font-family', 'font-size', 'font-weight', 'font-style', 'color', 'line-height', 'letter-spacing',
      'word-spacing', 'text-align', 'text-transform', 'text-indent', 'white-space', 'direction', 'text-decoration-line'];
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height) };
    };
    return {
      root: { ...pick(root.querySelector('.nw'), [...text, 'background-color', 'padding-top']), ...box(root.querySelector('.nw')) },
      headline: { ...pick(root.querySelector('h2'), text), ...box(root.querySelector('h2')) },
      lead: pick(root.querySelector('.nw-lead'), text),
      paragraph: { ...pick(root.querySelector('.nw-body > p'), [...text, 'margin-bottom']), ...box(root.querySelector('.nw-body > p')) },
      photo: { ...pick(root.querySelector('.nw-figure img'), ['display']), ...box(root.querySelector('.nw-figure img')) },
      meta: pick(root.querySelector('.nw-meta'), text),
    };
  }, selector);

let reference;

test('a plain host page: the reference look', async () => {
  const { page, problems: errors } = await open('/host/plain.html');
  assert.equal((await outcome(page)).type, 'rendered');
  reference = await looks(page);
  assert.equal(reference.root['font-size'], '17px');
  assert.match(reference.headline['font-family'], /^"Noto Serif", Georgia/);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: `${SHOTS}plain.png`, fullPage: true });
  await page.close();
});

for (const name of ['resets', 'root-font-40px', 'inherited-body', 'important-on-element', 'rtl', 'strict-csp']) {
  test(`host page "${name}": the widget looks the same, the host is unchanged`, async () => {
    const { page, problems: errors } = await open(`/host/${name}.html`);
    assert.equal((await outcome(page)).type, 'rendered');
    // Before the screenshot: taking one leaves `style=""` on a date input.
    const styled = await page.evaluate(() =>
      [...document.querySelector('news-article').shadowRoot.querySelectorAll('[style]')].length,
    );
    assert.equal(styled, 0, 'the widget never sets a style attribute');
    await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
    assert.deepEqual(await looks(page), reference);
    if (name !== 'strict-csp') {
      const host = await page.evaluate(() => ({
        // The test's own: hostBefore, hostStyle (the snapshot) and widgetEvents (the recorder).
        globals: Object.keys(window).filter((k) => !hostBefore.globals.includes(k) && !['hostBefore', 'hostStyle', 'widgetEvents'].includes(k)),
        sheets: document.styleSheets.length - hostBefore.sheets,
        head: document.head.children.length - hostBefore.head,
        html: hostStyle(document.documentElement) === hostBefore.html,
        body: hostStyle(document.body) === hostBefore.body,
        styleAttributes: document.querySelectorAll('[style]:not(div)').length,
      }));
      assert.deepEqual(host, { globals: [], sheets: 0, head: 0, html: true, body: true, styleAttributes: 0 });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('theme="auto" follows the reader\'s colour scheme', async () => {
  const { page } = await open('/host/plain.html');
  await outcome(page);
  const background = () =>
    page.evaluate(() => getComputedStyle(document.querySelector('news-article').shadowRoot.querySelector('.nw')).backgroundColor);
  await page.evaluate(() => document.querySelector('news-article').setAttribute('theme', 'auto'));
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(27, 29, 33)');
  await page.close();
});

test('WebAssembly blocked by the CSP: the fallback stays and an error says why', async () => {
  const { page } = await open('/host/no-wasm.html');
  const result = await outcome(page);
  assert.equal(result.type, 'error');
  assert.equal(result.detail.code, 'unsupported');
  assert.match(result.detail.message, /WebAssembly|wasm|Content Security Policy/i);
  const link = await page.evaluate(() => document.querySelector('news-article a').getBoundingClientRect().height);
  assert.ok(link > 0, 'the partner fallback link is visible');
  await page.screenshot({ path: `${SHOTS}no-wasm.png` });
  await page.close();
});

test('three widgets, the script twice: one module, each its own language and theme', async () => {
  const { page, requests } = await open('/host/many.html');
  await everyWidgetRendered(page);
  const views = await page.evaluate(() =>
    [...document.querySelectorAll('news-article')].map((el) => ({
      views: el.shadowRoot.querySelector('.nw-views').textContent,
      background: getComputedStyle(el.shadowRoot.querySelector('.nw')).backgroundColor,
    })),
  );
  assert.deepEqual(views, [
    { views: '3.824 lượt xem', background: 'rgb(255, 255, 255)' },
    { views: '3,824 views', background: 'rgb(27, 29, 33)' },
    { views: '3.824 lượt xem', background: 'rgb(255, 255, 255)' },
  ]);
  await page.screenshot({ path: `${SHOTS}many.png`, fullPage: true });

  // Live attribute changes: theme at once (CSS), src and lang re-render.
  await page.evaluate(() => {
    const one = document.getElementById('one');
    one.setAttribute('theme', 'dark');
    one.setAttribute('lang', 'en');
    one.setAttribute('src', '/site/articles/20121.json');
  });
  await page.waitForFunction(() => document.getElementById('one').shadowRoot.querySelector('h2').textContent.startsWith('Ban Thường vụ'));
  const one = await page.evaluate(() => {
    const root = document.getElementById('one').shadowRoot;
    return { views: root.querySelector('.nw-views').textContent, background: getComputedStyle(root.querySelector('.nw')).backgroundColor };
  });
  assert.deepEqual(one, { views: '2,117 views', background: 'rgb(27, 29, 33)' });

  // Removed: torn down, its DOM gone (a widget never torn down fails the wait).
  // Added again: renders again.
  await page.evaluate(() => {
    window.removed = document.getElementById('three');
    window.removed.remove();
  });
  await page.waitForFunction(() => window.removed.shadowRoot.querySelector('div').childElementCount === 0);
  const from = await page.evaluate(() => window.widgetEvents.length);
  await page.evaluate(() => document.body.append(window.removed));
  await page.waitForFunction((from) => window.widgetEvents.slice(from).some((e) => e.type === 'rendered' && e.target.id === 'three'), from);
  assert.equal(await page.locator('#three h2').textContent(), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1, 'the module is downloaded once');
  assert.equal(requests.filter((u) => u.endsWith('/news_widget.js')).length, 1);
  await page.close();
});

test('removing an element mid-load aborts its request', async () => {
  /** @type {() => void} */
  let closed = () => {};
  // The article never comes: its request ends only when the page gives it up.
  const aborted = new Promise((resolve) => (closed = () => resolve(undefined)));
  const slow = await serve({
    routes: {
      '/slow.json': (req) => req.on('close', closed),
      '/host.html': html(hostPage('<news-article loading="eager" src="/slow.json"></news-article>')),
    },
  });
  const page = await browser.newPage();
  await page.goto(`${slow.url}/host.html`);
  await page.waitForFunction(() => document.querySelector('news-article').shadowRoot?.querySelector('.nw-skeleton'));
  await page.evaluate(() => document.querySelector('news-article').remove());
  // A request that is never aborted fails the test by its timeout.
  await aborted;
  await page.close();
  await slow.close();
});

test('lazy by default: a widget far below the fold waits until the reader comes near', async () => {
  const page = await browser.newPage();
  await recordEvents(page);
  // Every fetch the page makes, as it makes it.
  await page.addInitScript(() => {
    window.fetched = [];
    const fetch = window.fetch;
    window.fetch = (input, init) => (window.fetched.push(String(input instanceof Request ? input.url : input)), fetch(input, init));
  });
  await page.goto(`${server.url}/host/lazy.html`);
  await outcome(page, { selector: '#top' });
  await outcome(page, { selector: '#eager' });
  // The witness: an observer like the loader's, made after it, has had its
  // first report on the far element, so the loader's has had its own.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const observer = new IntersectionObserver(() => (observer.disconnect(), resolve(undefined)), { rootMargin: '800px 0px' });
        observer.observe(document.getElementById('far'));
      }),
  );
  const far = () => page.evaluate(() => window.fetched.filter((url) => url.endsWith('/20110.json')).length);
  assert.equal(await far(), 0, 'not fetched while far away');
  await page.evaluate(() => document.getElementById('far').scrollIntoView());
  assert.deepEqual(await outcome(page, { selector: '#far' }), { type: 'rendered', detail: { id: '20110' } });
  assert.equal(await far(), 1);
  await page.close();
});

test('lazy, but in view when the loader runs: the article and the module are asked for at once', async () => {
  const page = await browser.newPage();
  await recordEvents(page);
  // What the page has asked for by the end of the loader's run (deferred
  // scripts run before DOMContentLoaded), before any first rendering, which
  // an IntersectionObserver's first report waits for.
  await page.addInitScript(() => {
    window.fetched = [];
    const fetch = window.fetch;
    window.fetch = (input, init) => (window.fetched.push(String(input instanceof Request ? input.url : input)), fetch(input, init));
    document.addEventListener('DOMContentLoaded', () => (window.asked = [...window.fetched]));
  });
  await page.goto(`${server.url}/host/in-view.html`);
  assert.deepEqual(await outcome(page, { selector: '#top' }), { type: 'rendered', detail: { id: '20122' } });
  const asked = await page.evaluate(() => window.asked.map((url) => new URL(url).pathname.split('/').pop()));
  assert.deepEqual(asked.sort(), ['20122.json', 'news-widget.css', 'news_widget_bg.wasm']);
  await page.close();
});

test('from 280 to 1200 px wide without horizontal scrolling', async () => {
  const { page } = await open('/host/widths.html', { width: 1300, height: 900 });
  await everyWidgetRendered(page);
  const fits = await page.evaluate(() =>
    [...document.querySelectorAll('news-article')].map((el) => {
      const nw = el.shadowRoot.querySelector('.nw');
      return { id: el.id, width: Math.round(nw.getBoundingClientRect().width), overflow: nw.scrollWidth > nw.clientWidth };
    }),
  );
  assert.deepEqual(fits, [
    { id: 'w280', width: 280, overflow: false },
    { id: 'w600', width: 600, overflow: false },
    { id: 'w1200', width: 1200, overflow: false },
  ]);
  const columns = await page.evaluate(() =>
    ['w280', 'w1200'].map((id) => getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.nw-summaries')).gridTemplateColumns.split(' ').length),
  );
  assert.deepEqual(columns, [1, 2], 'the related list follows the widget width, not the viewport');
  await page.screenshot({ path: `${SHOTS}widths.png`, fullPage: true });
  await page.close();
});

test('no cookies, no storage, no requests but to the configured URLs', async () => {
  const requests = [];
  const page = await browser.newPage();
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await recordEvents(page);
  await page.goto(`${server.url}/host/plain.html`);
  await outcome(page);
  const storage = await page.evaluate(() => ({ cookies: document.cookie, local: localStorage.length, session: sessionStorage.length }));
  assert.deepEqual(storage, { cookies: '', local: 0, session: 0 });
  const widgetFiles = (await manifest()).files.map((f) => `/${f.path}`);
  const unexpected = requests.filter((p) => p !== '/host/plain.html' && !widgetFiles.includes(p) && !p.startsWith('/site/'));
  assert.deepEqual(unexpected, []);
  await page.close();
});
