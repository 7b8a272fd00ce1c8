// The built widget (dist/) in real host pages, in headless Chromium: what a
// reader sees of the seed article, the video, the related list, the events,
// and the one-script-tag contract (any path, several elements, late ones).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { manifest, serve, DIST } from './server.mjs';
import { everyWidgetRendered, launch, openPage, outcome } from './browser.mjs';
import { hostPage, html } from './pages.mjs';

let server;
let browser;

before(async () => {
  server = await serve({
    routes: {
      '/host/en.html': html(hostPage('<news-article lang="en" src="/site/articles/20122.json"></news-article>')),
      '/host/many.html': html(
        hostPage(`<news-article loading="eager" src="/site/articles/20122.json"></news-article>
                  <news-article loading="eager" src="/site/articles/20121.json"></news-article>
                  <news-article loading="eager" src="/site/articles/20110.json"></news-article>`),
      ),
      '/host/late.html': html(hostPage('<p>no widget yet</p>')),
      '/host/missing.html': html(
        hostPage('<news-article src="/site/articles/99999.json"><a href="/x">Read it on the site</a></news-article>'),
      ),
      '/host/no-src.html': html(hostPage('<news-article></news-article>')),
      // The same dist/ hosted on a deep CDN-like path.
      '/host/cdn.html': html(
        hostPage('<news-article src="/site/articles/20122.json"></news-article>', { script: '/cdn/v1/news-widget/news-widget.js' }),
      ),
    },
    // The same dist/ again, as a CDN would host it.
    mounts: { '/cdn/v1/news-widget/': DIST },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path) => openPage(browser, server.url + path);

/** The first widget's first outcome (rendered or error). */
const settle = (page) => outcome(page);

const shadow = (page, selector, el = 'news-article') =>
  page.evaluate(
    ([el, selector]) => [...document.querySelector(el).shadowRoot.querySelectorAll(selector)].map((n) => n.textContent.trim()),
    [el, selector],
  );

describe('the demo page shows the seed article', () => {
  let page;
  let problems;
  let requests;
  let result;
  before(async () => {
    ({ page, problems, requests } = await open('/'));
    result = await settle(page);
  });
  after(() => page.close());

  test('it renders and tells the host which article', () => {
    assert.deepEqual(result, { type: 'rendered', detail: { id: '20122' } });
    assert.deepEqual(problems, []);
  });

  test('the page loads the widget only through the partner snippets', async () => {
    // Each snippet (the JSON-only one and the pre-rendered one) brings its
    // script tag; the loader may be fetched for each, the module comes once.
    const tags = await page.evaluate(() => document.querySelectorAll('script[src$="news-widget.js"]').length);
    assert.equal(tags, 2);
    const loaders = requests.filter((url) => url.endsWith('/news-widget.js')).length;
    assert.ok(loaders >= 1 && loaders <= tags, `${loaders} loader requests`);
    assert.equal(requests.filter((url) => url.endsWith('/news_widget_bg.wasm')).length, 1);
  });

  test('header: category, headline, Vietnamese dateline, view count', async () => {
    assert.deepEqual(await shadow(page, '.nw-category'), ['Thời sự - Chính trị']);
    assert.deepEqual(await shadow(page, 'h2'), ['Hội nghị Ban Chấp hành Đảng bộ tỉnh']);
    assert.deepEqual(await shadow(page, 'time.nw-published'), ['Thứ 5, 20/01/2022 | 19:35']);
    assert.deepEqual(await shadow(page, '.nw-views'), ['3.824 lượt xem']);
  });

  test('lead, body paragraphs, byline and photo credit', async () => {
    const [lead] = await shadow(page, '.nw-lead');
    assert.match(lead, /^Chiều ngày 20\/1, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị/);
    const paragraphs = await shadow(page, '.nw-body > p');
    assert.equal(paragraphs.length, 4);
    assert.match(paragraphs.at(-1), /^Tại hội nghị, Ban Chấp hành Đảng bộ tỉnh đã biểu quyết/);
    assert.deepEqual(await shadow(page, '.nw-author'), ['Tác giả: Đào Quyên']);
    assert.deepEqual(await shadow(page, '.nw-photo-credit'), ['Ảnh: Thành Tâm']);
  });

  test('photos carry alt, size, lazy loading and captions', async () => {
    const photos = await page.evaluate(() =>
      /** @type {HTMLImageElement[]} */ ([...document.querySelector('news-article').shadowRoot.querySelectorAll('figure:not(.nw-video) img')]).map((img) => ({
        alt: img.alt,
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.loading,
        caption: img.closest('figure').querySelector('figcaption')?.textContent,
        boxHeight: Math.round(img.getBoundingClientRect().height),
        boxWidth: Math.round(img.getBoundingClientRect().width),
      })),
    );
    assert.equal(photos.length, 3);
    for (const photo of photos) {
      assert.ok(photo.alt.length > 0);
      assert.equal(photo.width, '960');
      assert.equal(photo.height, '640');
      assert.equal(photo.loading, 'lazy');
      assert.ok(photo.caption.length > 0);
      // Space is reserved at the photo's aspect ratio before it loads.
      assert.ok(Math.abs(photo.boxHeight - (photo.boxWidth * 640) / 960) <= 1, JSON.stringify(photo));
    }
    assert.match(photos[0].caption, /^Đồng chí Ngô Đông Hải/);
  });

  test('the video is a native player that plays, with captions on', async () => {
    await page.evaluate(() => {
      const v = document.querySelector('news-article').shadowRoot.querySelector('video');
      v.muted = true;
      return v.play();
    });
    // It plays on: a video that does not play never gets there, and the wait fails.
    await page.waitForFunction(() => document.querySelector('news-article').shadowRoot.querySelector('video').currentTime > 0.3);
    const video = await page.evaluate(() => {
      const v = document.querySelector('news-article').shadowRoot.querySelector('video');
      v.pause();
      return {
        controls: v.controls,
        preload: v.preload,
        poster: v.poster,
        sources: [...v.querySelectorAll('source')].map((s) => s.type),
        currentSrc: v.currentSrc,
        tracks: [...v.textTracks].map((t) => `${t.language}:${t.kind}:${t.mode}`),
        fallback: v.querySelector('.nw-video-fallback a')?.getAttribute('href'),
      };
    });
    assert.equal(video.controls, true);
    assert.equal(video.preload, 'metadata');
    assert.match(video.poster, /\/site\/media\/20122-poster\.jpg$/);
    assert.deepEqual(video.sources, ['video/webm', 'video/mp4']);
    assert.match(video.currentSrc, /\/site\/media\/20122\.(webm|mp4)$/);
    assert.deepEqual(video.tracks, ['vi:captions:showing', 'en:subtitles:disabled']);
    assert.match(video.fallback, /\/site\/media\/20122\.webm$/);
    const played = await page.evaluate(() => widgetEvents.filter((e) => e.type === 'video-play').map((e) => e.detail));
    assert.equal(played.length, 1);
    assert.equal(played[0].id, '20122');
    assert.equal(played[0].src, video.currentSrc);
  });

  test('related news: headline, date and thumbnail per item, as real links', async () => {
    assert.deepEqual(await shadow(page, '.nw-related h3'), ['Tin cùng chuyên mục']);
    const items = await page.evaluate(() =>
      /** @type {HTMLAnchorElement[]} */ ([...document.querySelector('news-article').shadowRoot.querySelectorAll('.nw-summary a')]).map((a) => ({
        href: a.href,
        headline: a.querySelector('.nw-summary-headline').textContent,
        date: a.querySelector('time').textContent,
        thumb: a.querySelector('img')?.getAttribute('src'),
      })),
    );
    assert.equal(items.length, 6);
    assert.deepEqual(items[0], {
      href: 'https://news.example/tin-tuc/20125',
      headline: 'Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần',
      date: '21/01/2022',
      thumb: `${server.url}/site/media/20125-thumb.jpg`,
    });
  });

  test('the partner fallback content is hidden once the article shows', async () => {
    const hidden = await page.evaluate(() => document.querySelector('news-article').shadowRoot.querySelector('slot').hidden);
    assert.equal(hidden, true);
  });

  test('a related item opens in place, without leaving the host page', async () => {
    const before = await page.evaluate(() => location.href);
    await page.evaluate(() =>
      /** @type {HTMLElement} */ (document.querySelector('news-article').shadowRoot.querySelector('.nw-summary a')).click(),
    );
    assert.deepEqual(await outcome(page, { count: 2 }), { type: 'rendered', detail: { id: '20125' } });
    assert.equal(await page.evaluate(() => location.href), before);
    assert.deepEqual(await shadow(page, 'h2'), ['Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần']);
  });
});

test('English interface: dateline, view count and words from the en catalogue', async () => {
  const { page } = await open('/host/en.html');
  assert.equal((await settle(page)).type, 'rendered');
  assert.deepEqual(await shadow(page, 'time.nw-published'), ['Thursday, January 20, 2022, 7:35\u00a0PM']);
  assert.deepEqual(await shadow(page, '.nw-views'), ['3,824 views']);
  assert.deepEqual(await shadow(page, '.nw-related h3'), ['Related news']);
  assert.deepEqual(await shadow(page, '.nw-photo-credit'), ['Photo: Thành Tâm']);
  await page.close();
});

test('every element renders, and the wasm is downloaded once', async () => {
  const { page, requests } = await open('/host/many.html');
  await everyWidgetRendered(page);
  const headlines = await page.evaluate(() =>
    [...document.querySelectorAll('news-article')].map((el) => el.shadowRoot.querySelector('h2').textContent),
  );
  assert.equal(headlines.length, 3);
  assert.equal(new Set(headlines).size, 3);
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1);
  assert.equal(requests.filter((url) => url.endsWith('/news-widget.css')).length, 1);
  await page.close();
});

test('the article downloads alongside the module, once: the loader asks for it and the widget adopts it', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const instantiate = WebAssembly.instantiate;
    /** @type {any} */ (WebAssembly).instantiate = function (/** @type {any} */ ...args) {
      window.instantiatedAt ??= performance.now();
      return instantiate.apply(this, args);
    };
  });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/host/many.html`);
  await everyWidgetRendered(page);
  for (const id of ['20122', '20121', '20110']) {
    assert.equal(requests.filter((p) => p === `/site/articles/${id}.json`).length, 1, `${id} fetched once`);
  }
  const { asked, instantiated } = await page.evaluate(() => ({
    asked: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/20122.json')).startTime,
    instantiated: window.instantiatedAt,
  }));
  assert.ok(asked < instantiated, `article asked for at ${asked} ms, before the module was instantiated at ${instantiated} ms`);
  await page.close();
});

test('an element added later renders too', async () => {
  const { page } = await open('/host/late.html');
  await page.waitForFunction(() => customElements.get('news-article'));
  const result = page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.createElement('news-article');
        el.setAttribute('src', '/site/articles/20118.json');
        el.addEventListener('news-article:rendered', (e) => resolve(/** @type {CustomEvent} */ (e).detail));
        document.body.append(el);
      }),
  );
  assert.deepEqual(await result, { id: '20118' });
  await page.close();
});

test('dist/ works from any path: the loader finds its files next to itself', async () => {
  const { page, problems } = await open('/host/cdn.html');
  const result = await settle(page);
  assert.equal(result.type, 'rendered');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a missing article shows an alert, fires an error, and keeps the fallback', async () => {
  const { page } = await open('/host/missing.html');
  const result = await settle(page);
  assert.equal(result.type, 'error');
  assert.equal(result.detail.code, 'not-found');
  assert.match(result.detail.message, /99999\.json/);
  assert.deepEqual(await shadow(page, '[role=alert] p'), ['Không tìm thấy bài viết này.']);
  const fallback = await page.evaluate(() => {
    const el = document.querySelector('news-article');
    return { hidden: el.shadowRoot.querySelector('slot').hidden, link: el.querySelector('a').offsetHeight > 0 };
  });
  assert.deepEqual(fallback, { hidden: false, link: true });
  await page.close();
});

test('an element without src says what is wrong', async () => {
  const { page } = await open('/host/no-src.html');
  const result = await settle(page);
  const version = await page.evaluate(() => customElements.get('news-article').version);
  assert.deepEqual(result, { type: 'error', detail: { code: 'config', message: 'invalid configuration: "src" is required', version } });
  assert.equal((await shadow(page, '[role=alert]')).length, 1);
  await page.close();
});

test('dist/ has the stable loader, and the files of its version in v/<version>/', async () => {
  const { version, files } = await manifest();
  assert.deepEqual(
    files.map((f) => f.path),
    ['news-widget.js', ...['news_widget.js', 'news_widget_bg.wasm', 'news-widget.css'].map((f) => `v/${version}/${f}`)],
  );
  for (const file of [...files.map((f) => f.path), 'article.schema.json']) await readFile(`${DIST}${file}`);
  assert.ok((await readFile(`${DIST}news-widget.js`, 'utf8')).includes(version), 'the loader names its version');
});
