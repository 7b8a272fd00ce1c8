// Pre-rendered embeds (`news-widget build`, written to dist/embed/ by
// `make build`): the article is in the page's first HTML, inside a
// declarative shadow root, readable with no script; the widget takes it over
// without a visible change and then works as a JSON-only embed does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { manifest, serve, DIST } from './server.mjs';
import { frames, launch, openPage, outcome } from './browser.mjs';
import { file, held, hostPage, html, json, SAMPLE_FRAMES } from './pages.mjs';

const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

let server;
let browser;
/** @type {Buffer} */
let wasm;
/** The module, held back by the tests that look at the page before the takeover. */
const module = held(file(() => wasm, 'application/wasm'));
module.release();

const snippet = (id, lang = 'vi') => readFile(`${DIST}embed/${id}.${lang}.html`, 'utf8');
const ids = (await readdir(`${DIST}site/articles`)).map((f) => f.replace('.json', '')).sort();

/**
 * A route answering a partner page around `body()` (made when asked); no
 * script of its own, as the snippets bring the loader.
 * @param {() => string | Promise<string>} body
 * @param {Record<string, string>} [headers]
 */
const page = (body, headers = {}) =>
  html(async () => hostPage(`<h1>A partner page</h1>${await body()}<p id="below">Below the widget.</p>`, { lang: 'vi', script: null }), headers);

before(async () => {
  const { version } = await manifest();
  wasm = await readFile(`${DIST}v/${version}/news_widget_bg.wasm`);
  const routes = {
    [`/v/${version}/news_widget_bg.wasm`]: module.route,
    // The snippet's article, with the loader blocked: what a reader gets with no script at all.
    '/host/no-script.html': page(async () => (await snippet('20122')).replace(/<script[^>]*><\/script>/, '')),
    '/host/seed.html': page(() => snippet('20122')),
    // The stylesheet arrives a second late.
    '/host/slow-css.html': page(async () => (await snippet('20122')).replace(`href="/v/${version}/news-widget.css"`, 'href="/slow/news-widget.css"')),
    '/slow/news-widget.css': async (req, res) => {
      const css = await readFile(`${DIST}v/${version}/news-widget.css`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      file(css, 'text/css')(req, res);
    },
    '/host/strict-csp.html': page(() => snippet('20122'), { 'content-security-policy': STRICT_CSP }),
    '/host/no-wasm.html': page(() => snippet('20122'), { 'content-security-policy': NO_WASM_CSP }),
    // The JSON changed since the snippet was made.
    '/host/changed.html': page(async () => (await snippet('20122')).replace('/site/articles/20122.json', '/changed/20122.json')),
    '/changed/20122.json': json(async () => {
      const article = JSON.parse(await readFile(`${DIST}site/articles/20122.json`, 'utf8'));
      return { ...article, headline: 'Tin đã cập nhật', related: article.related.map((r) => ({ ...r, src: `../site/articles/${r.src}` })) };
    }),
  };
  for (const id of ids) {
    for (const lang of ['vi', 'en']) {
      routes[`/live/${id}.${lang}.html`] = page(
        async () => `<news-article loading="eager" lang="${lang}" src="/site/articles/${id}.json"></news-article><script src="/news-widget.js" async></script>`,
      );
      routes[`/still/${id}.${lang}.html`] = page(async () => (await snippet(id, lang)).replace(/<script[^>]*><\/script>/, ''));
    }
  }
  server = await serve({ routes });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The text a reader sees in the (first) widget, whitespace normalised. */
const widgetText = (page) =>
  page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('news-article').shadowRoot.querySelector('.nw')).innerText.replace(/[ \n\t]+/g, ' ').trim());

test('with no script at all, the snippet shows the seed article, styled, with working links', async () => {
  const { page, requests } = await openPage(browser, `${server.url}/host/no-script.html`);
  await page.waitForFunction(() => {
    const h2 = document.querySelector('news-article').shadowRoot?.querySelector('h2');
    return h2 && getComputedStyle(h2).fontWeight === '700';
  });
  const seen = await page.evaluate(() => {
    const root = document.querySelector('news-article').shadowRoot;
    const text = (s) => [...root.querySelectorAll(s)].map((n) => n.textContent.trim());
    return {
      headline: text('h2'),
      dateline: text('time.nw-published'),
      views: text('.nw-views'),
      figures: root.querySelectorAll('figure img').length,
      video: root.querySelectorAll('video source').length,
      credits: text('.nw-credits p'),
      related: [...root.querySelectorAll('.nw-related a')].map((a) => a.getAttribute('href')),
      font: getComputedStyle(root.querySelector('h2')).fontFamily,
    };
  });
  assert.deepEqual(seen.headline, ['Hội nghị Ban Chấp hành Đảng bộ tỉnh']);
  assert.deepEqual(seen.dateline, ['Thứ 5, 20/01/2022 | 19:35']);
  assert.deepEqual(seen.views, ['3.824 lượt xem']);
  assert.equal(seen.figures, 3);
  assert.equal(seen.video, 2);
  assert.deepEqual(seen.credits, ['Tác giả: Đào Quyên', 'Ảnh: Thành Tâm']);
  assert.equal(seen.related.length, 6);
  assert.ok(seen.related.every((href) => href.startsWith('https://news.example/tin-tuc/')), 'real links to the pages');
  assert.match(seen.font, /^"Noto Serif"/);
  assert.ok(!requests.some((r) => r.includes('news_widget')), 'no module was asked for');
  await page.close();
});

test('no flash of unstyled content: in no frame until its stylesheet is there is the article shown unstyled', async () => {
  const page = await browser.newPage();
  // Every frame from the first until the article shows styled.
  await page.addInitScript(SAMPLE_FRAMES);
  await page.goto(`${server.url}/host/slow-css.html`);
  const frames = await (await page.waitForFunction(() => window.frameSamples.done && window.frameSamples)).jsonValue();
  assert.ok(frames.seen.length > 0, 'frames were sampled');
  assert.ok(!frames.seen.includes('UNSTYLED'), frames.seen.join(', '));
  await page.close();
});

describe('the snippet reads exactly as the live widget, every sample article in both languages', () => {
  for (const id of ids) {
    for (const lang of ['vi', 'en']) {
      test(`${id} (${lang})`, async () => {
        const live = await openPage(browser, `${server.url}/live/${id}.${lang}.html`);
        assert.equal((await outcome(live.page)).type, 'rendered');
        const still = await openPage(browser, `${server.url}/still/${id}.${lang}.html`);
        // Shown once its stylesheet is there.
        await still.page.waitForFunction(() => document.querySelector('news-article').shadowRoot?.querySelector('h2')?.getClientRects().length);
        assert.equal(await widgetText(still.page), await widgetText(live.page));
        await live.page.close();
        await still.page.close();
      });
    }
  }
});

describe('the takeover', () => {
  let page;
  let earlier;
  before(async () => {
    module.hold();
    ({ page } = await openPage(browser, `${server.url}/host/seed.html`));
    await page.evaluate(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => /** @type {any} */ (e)).filter((e) => !e.hadRecentInput).map((e) => e.value))).observe({ type: 'layout-shift' });
    });
    // Before the module is there: the reader has scrolled, and focused a related link.
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.locator('news-article .nw-related a').nth(2).focus();
    earlier = await page.evaluate(() => ({
      scroll: window.scrollY,
      below: document.getElementById('below').getBoundingClientRect().top,
      focused: document.querySelector('news-article').shadowRoot.activeElement?.getAttribute('href'),
    }));
    module.release();
    await outcome(page);
    // The takeover is over, and a frame has been laid out since: a layout
    // shift would have been reported then.
    await page.waitForFunction(() => !document.querySelector('news-article').shadowRoot.querySelector('.nw-prerendered'));
    await frames(page);
  });
  after(() => page.close());

  test('puts the live widget in place with nothing moving', async () => {
    const after = await page.evaluate(() => ({
      prerendered: document.querySelector('news-article').shadowRoot.querySelectorAll('.nw-prerendered').length,
      shifts: window.shifts,
      scroll: window.scrollY,
      below: document.getElementById('below').getBoundingClientRect().top,
      focused: document.querySelector('news-article').shadowRoot.activeElement?.getAttribute('href'),
    }));
    assert.equal(after.prerendered, 0, 'the pre-rendered article is gone');
    assert.deepEqual(after.shifts, [], 'layout shift 0');
    assert.equal(after.scroll, earlier.scroll, 'scroll position kept');
    assert.equal(after.below, earlier.below, 'the host content below did not move');
    assert.equal(after.focused, earlier.focused, 'focus kept on the same link');
  });

  test('one rendered event, and browsing works afterwards', async () => {
    const rendered = await page.evaluate(() => window.widgetEvents.filter((e) => e.type === 'rendered').length);
    assert.equal(rendered, 1);
    await page.locator('news-article .nw-related a').first().click();
    assert.deepEqual(await outcome(page, { count: 2 }), { type: 'rendered', detail: { id: '20125' } });
    assert.equal(await page.locator('news-article h2').textContent(), 'Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần');
    await page.locator('news-article .nw-back').click();
    assert.deepEqual(await outcome(page, { count: 3 }), { type: 'rendered', detail: { id: '20122' } });
  });
});

test('a video the reader started keeps playing: the takeover waits for it', async () => {
  module.hold();
  const { page } = await openPage(browser, `${server.url}/host/seed.html`);
  await page.evaluate(() => {
    const video = document.querySelector('news-article').shadowRoot.querySelector('video');
    video.muted = true;
    return video.play();
  });
  module.release();
  await outcome(page);
  const during = await page.evaluate(() => {
    const root = document.querySelector('news-article').shadowRoot;
    return { prerendered: root.querySelectorAll('.nw-prerendered').length, playing: !root.querySelector('.nw-prerendered').querySelector('video').paused };
  });
  assert.deepEqual(during, { prerendered: 1, playing: true });
  await page.evaluate(() => document.querySelector('news-article').shadowRoot.querySelector('.nw-prerendered').querySelector('video').pause());
  await page.waitForFunction(() => !document.querySelector('news-article').shadowRoot.querySelector('.nw-prerendered'));
  await page.close();
});

test('when the JSON changed since the snippet was made, the live article wins', async () => {
  const { page } = await openPage(browser, `${server.url}/host/changed.html`);
  assert.equal((await outcome(page)).type, 'rendered');
  await page.waitForFunction(() => !document.querySelector('news-article').shadowRoot.querySelector('.nw-prerendered'));
  assert.equal(await page.locator('news-article h2').textContent(), 'Tin đã cập nhật');
  await page.close();
});

test('WebAssembly blocked by the CSP: the pre-rendered article stays, and an error says why', async () => {
  const { page } = await openPage(browser, `${server.url}/host/no-wasm.html`);
  const result = await outcome(page);
  assert.equal(result.type, 'error');
  assert.equal(result.detail.code, 'unsupported');
  const seen = await page.evaluate(() => {
    const root = document.querySelector('news-article').shadowRoot;
    return {
      headline: root.querySelector('h2')?.textContent,
      visible: root.querySelector('.nw-prerendered').getClientRects().length > 0,
      fallback: !root.querySelector('slot').hidden,
    };
  });
  assert.deepEqual(seen, { headline: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', visible: true, fallback: false });
  await page.close();
});

test('under the strict CSP the pre-rendered article is styled, and taken over', async () => {
  const { page, problems } = await openPage(browser, `${server.url}/host/strict-csp.html`);
  const styled = await page.evaluate(() => {
    const h2 = document.querySelector('news-article').shadowRoot.querySelector('h2');
    return { font: getComputedStyle(h2).fontFamily, weight: getComputedStyle(h2).fontWeight };
  });
  assert.match(styled.font, /^"Noto Serif"/);
  assert.equal(styled.weight, '700');
  assert.equal((await outcome(page)).type, 'rendered');
  await page.waitForFunction(() => !document.querySelector('news-article').shadowRoot.querySelector('.nw-prerendered'));
  assert.deepEqual(problems, []);
  await page.close();
});
