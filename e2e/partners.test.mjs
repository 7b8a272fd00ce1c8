// The partner pages of `news-widget build`, built for this test's server
// (e2e/publish.mjs): the share page (its link-preview and search data, and
// the article without script), the oEmbed answer, and the frame pages in
// the hosts they are made for: a page of our own protocol, an
// <amp-iframe resizable>-style host, sandboxed frames with a null origin.
// WordPress itself is e2e/wordpress.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST } from './server.mjs';
import { PUBLISHER, servePartners } from './publish.mjs';
import { launch, openPage, outcome } from './browser.mjs';
import { framePage, hostPage, html, json, query } from './pages.mjs';
import { AMP_RESIZER, RESIZER } from '../publisher/assets/frame-host.js';

let server;
let browser;

/** WordPress reads no more of a page than this, looking for the discovery link. */
const WORDPRESS_READS = 150 * 1024;

/** What each host reads from a frame's messages: those that match `match`, and the height in `height`. */
const PROTOCOLS = {
  ours: { match: { type: 'news-article:height' }, height: 'height' },
  amp: { match: { sentinel: 'amp', type: 'embed-size' }, height: 'height' },
};

before(async () => {
  // 20110 with a link to its category's page, on this server: a link that leaves the widget.
  const article = JSON.parse(await readFile(`${DIST}site/articles/20110.json`, 'utf8'));
  server = await servePartners({
    routes: {
      // ?src= the frame page, ?sandbox= and ?allow= its frame's attributes.
      '/host/ours.html': html((req) => framePage(query(req).get('src'), { sandbox: query(req).get('sandbox'), allow: query(req).get('allow'), resizer: RESIZER })),
      '/host/amp.html': html((req) => framePage(query(req).get('src'), { sandbox: 'allow-scripts allow-same-origin', resizer: AMP_RESIZER })),
      '/site/articles/20110.json': json(
        (req) => ({ ...article, category: { ...article.category, url: `http://${req.headers.host}/category.html` } }),
        { 'access-control-allow-origin': '*' },
      ),
      '/category.html': html(hostPage('<h1>The category</h1>', { title: 'category', script: null })),
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The frame of `page` whose URL contains `part`. */
const frameOf = (page, part) => page.frames().find((f) => f.url().includes(part));

/**
 * The `display` of the fullscreen button of the video's own controls in
 * `frame` (Chromium's user-agent shadow DOM, which only DevTools can read).
 */
async function fullscreenButton(page, frame) {
  // A sandboxed frame runs in a process of its own, with a session of its own.
  const session = await page.context().newCDPSession(frame).catch(() => page.context().newCDPSession(page));
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  const buttons = [];
  const walk = (node) => {
    const attributes = node.attributes ?? [];
    const pseudo = attributes[attributes.indexOf('pseudo') + 1];
    // The button on the control bar (another, in the overflow menu, is hidden while the bar has room).
    if (pseudo === '-webkit-media-controls-fullscreen-button' && !attributes.includes('aria-hidden')) buttons.push(node);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) walk(child);
  };
  walk(root);
  assert.equal(buttons.length, 1, "the video's controls");
  const { computedStyle } = await session.send('CSS.getComputedStyleForNode', { nodeId: buttons[0].nodeId });
  await session.detach();
  return computedStyle.find((p) => p.name === 'display').value;
}

/** The height of a frame page's content, as its frame.js measures it. */
const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** Waits until the host of `page` has had a message of `height` from its frame, in `protocol` (of PROTOCOLS). */
const told = (page, height, protocol) =>
  page.waitForFunction(
    ([height, { match, height: key }]) =>
      window.told.some((m) => m && typeof m === 'object' && Object.entries(match).every(([k, v]) => m[k] === v) && m[key] === height),
    [height, PROTOCOLS[protocol]],
  );

describe('the share page', () => {
  const share = () => `${server.embed}share/20122.vi.html`;

  test('has valid Open Graph, Twitter and JSON-LD NewsArticle data', async () => {
    const { page, problems } = await openPage(browser, share());
    const head = await page.evaluate(() => {
      const meta = {};
      for (const m of document.head.querySelectorAll('meta[property], meta[name]')) meta[m.getAttribute('property') ?? m.getAttribute('name')] = /** @type {HTMLMetaElement} */ (m).content;
      return {
        title: document.title,
        canonical: /** @type {HTMLLinkElement} */ (document.querySelector('link[rel=canonical]')).href,
        meta,
        ld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
      };
    });
    assert.equal(head.title, `Hội nghị Ban Chấp hành Đảng bộ tỉnh · ${PUBLISHER.name}`);
    assert.equal(head.canonical, 'https://news.example/tin-tuc/20122', "the publisher's own page");
    const m = head.meta;
    assert.equal(m['og:type'], 'article');
    assert.equal(m['og:title'], 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
    assert.equal(m['og:url'], head.canonical);
    assert.equal(m['og:site_name'], PUBLISHER.name);
    assert.match(m['og:description'], /^Chiều ngày 20\/1, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị/);
    assert.ok(m['og:description'].length <= 301, 'a preview-sized description');
    assert.equal(m['description'], m['og:description']);
    assert.equal(m['article:published_time'], '2022-01-20T19:35:08+07:00');
    assert.equal(m['twitter:card'], 'summary_large_image');
    assert.equal(m['twitter:title'], m['og:title']);
    assert.equal(m['twitter:image'], m['og:image']);
    // The first photo: absolute, there, and of the size the tags say.
    assert.equal(m['og:image'], `${server.url}/site/media/20122-1.jpg`);
    const photo = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, m['og:image']);
    assert.deepEqual(photo, [Number(m['og:image:width']), Number(m['og:image:height'])]);
    assert.ok(m['og:image:alt'].length > 0);

    assert.equal(head.ld.length, 1);
    const ld = JSON.parse(head.ld[0]);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.headline, m['og:title']);
    for (const date of [ld.datePublished, ld.dateModified]) assert.match(date, /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)$/, 'a date with its offset');
    assert.deepEqual(ld.author, [{ '@type': 'Person', name: 'Đào Quyên' }]);
    assert.deepEqual(ld.image, [{ '@type': 'ImageObject', url: m['og:image'], width: photo[0], height: photo[1] }]);
    assert.deepEqual(ld.publisher, { '@type': 'Organization', name: PUBLISHER.name, url: PUBLISHER.url });
    assert.equal(ld.mainEntityOfPage, head.canonical);
    assert.equal(ld.inLanguage, 'vi');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('names its oEmbed answer early in its head, with an absolute href, and the answer suits WordPress', async () => {
    const html = await (await fetch(share())).text();
    // WordPress's own discovery: the head only, within 150 KB, the type exact, the href absolute.
    const head = html.slice(0, html.indexOf('</head>'));
    const link = [...head.matchAll(/<link([^<>]+)\/?>/gi)].map((l) => l[1]).find((a) => a.includes('type="application/json+oembed"'));
    assert.ok(link, 'a discovery link');
    assert.ok(Buffer.byteLength(html.slice(0, html.indexOf(link))) < WORDPRESS_READS);
    const href = /href="([^"]+)"/.exec(link)[1];
    assert.equal(href, `${server.embed}oembed/20122.vi.json`);
    assert.match(link, /title="Hội nghị Ban Chấp hành Đảng bộ tỉnh"/);

    // WordPress asks with a query string; a static host ignores it.
    const response = await fetch(`${href}?url=${encodeURIComponent(share())}&maxwidth=600&maxheight=1000&dnt=1&format=json`);
    assert.equal(response.status, 200);
    const answer = await response.json();
    assert.equal(answer.version, '1.0');
    assert.equal(answer.type, 'rich');
    assert.equal(answer.title, 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
    assert.equal(answer.author_name, 'Đào Quyên');
    assert.equal(answer.provider_name, PUBLISHER.name);
    assert.equal(answer.provider_url, PUBLISHER.url);
    assert.equal(answer.thumbnail_url, `${server.url}/site/media/20122-1.jpg`);
    assert.deepEqual([answer.thumbnail_width, answer.thumbnail_height], [960, 640]);
    assert.equal(answer.width, 600, "WordPress's default column");
    assert.ok(answer.height >= 200 && answer.height <= 1000, "within WordPress's clamp");
    // What WordPress keeps: the blockquote, then the iframe, nothing around them.
    const shape = /^<blockquote class="wp-embedded-content"><a href="([^"]+)">([^<]+)<\/a><\/blockquote><iframe ([^>]*)><\/iframe>$/.exec(answer.html);
    assert.ok(shape, answer.html);
    assert.equal(shape[1], share());
    assert.equal(shape[2], answer.title);
    assert.match(shape[3], new RegExp(`^src="${server.embed}card/20122\\.vi\\.html" width="600" height="${answer.height}" title="${answer.title}" `));
  });

  test('reads without script: the article is in the page, styled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(share());
    await page.waitForFunction(() => {
      const h2 = document.querySelector('news-article')?.shadowRoot?.querySelector('h2');
      return h2 && getComputedStyle(h2).fontWeight === '700';
    });
    const seen = await page.evaluate(() => {
      const root = document.querySelector('news-article').shadowRoot;
      return {
        headline: root.querySelector('h2').textContent,
        lead: root.querySelector('.nw-lead').textContent.slice(0, 40),
        photos: root.querySelectorAll('figure img').length,
        font: getComputedStyle(root.querySelector('h2')).fontFamily,
        publisher: document.querySelector('.nw-page-header a').textContent,
      };
    });
    assert.deepEqual(seen, {
      headline: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh',
      lead: 'Chiều ngày 20/1, Ban Chấp hành Đảng bộ t',
      photos: 3,
      font: seen.font,
      publisher: PUBLISHER.name,
    });
    assert.match(seen.font, /^"Noto Serif"/);
    assert.ok(!requests.some((r) => r.includes('news_widget')), 'no module was asked for');
    await context.close();
  });

  test('with script, the live widget takes the article over', async () => {
    const { page, problems } = await openPage(browser, share());
    assert.deepEqual(await outcome(page), { type: 'rendered', detail: { id: '20122' } });
    const embed = new URL(await page.locator('.nw-page-footer a').getAttribute('href'), share());
    assert.equal(`${embed.origin}${embed.pathname}`, `${server.embed}index.html`, 'the embed-code page');
    assert.equal(embed.searchParams.get('url'), share(), 'with this page filled in');
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('the frame page of the whole article', () => {
  for (const [name, host] of [
    ['a page of our own protocol, in a sandbox with a null origin', 'ours'],
    ['an <amp-iframe resizable>-style host', 'amp'],
  ]) {
    test(`${name}: the height follows the content, also after a related article opens`, async () => {
      const src = `${server.embed}frame/20122.en.html`;
      const { page, problems } = await openPage(browser, `${server.url}/host/${host}.html?src=${encodeURIComponent(src)}&sandbox=allow-scripts`);
      await page.waitForFunction(() => window.told.length > 0);
      const frame = frameOf(page, '/frame/');
      assert.deepEqual(await outcome(frame), { type: 'rendered', detail: { id: '20122' } }, 'the live widget, in the frame');
      if (host === 'ours') assert.equal(await frame.evaluate(() => self.origin), 'null', 'sandboxed: its origin is null');
      // The captions in the reader's language load or fail: they load (the video asks with CORS).
      const captions = await frame.evaluate(() => {
        const track = /** @type {HTMLTrackElement} */ (document.querySelector('news-article').shadowRoot.querySelector('video track[default]'));
        if (track.readyState >= HTMLTrackElement.LOADED) return track.readyState;
        return new Promise((resolve) => ['load', 'error'].forEach((e) => track.addEventListener(e, () => resolve(track.readyState))));
      });
      assert.equal(captions, 2, 'HTMLTrackElement.LOADED');

      const first = await contentHeight(frame);
      assert.ok(first > 2000, `the whole article (${first} px)`);
      await told(page, first, host);
      const height = () => page.evaluate(() => document.getElementById('frame').getBoundingClientRect().height);
      assert.ok(Math.abs((await height()) - first) <= 2, `frame ${await height()} px, content ${first} px`);

      await frame.locator('news-article .nw-related a').first().click();
      assert.deepEqual(await outcome(frame, { count: 2 }), { type: 'rendered', detail: { id: '20125' } });
      const second = await contentHeight(frame);
      assert.ok(first - second > 300, `a shorter article (${second} px, was ${first} px)`);
      await told(page, second, host);
      assert.ok(Math.abs((await height()) - second) <= 2, `frame ${await height()} px, content ${second} px`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('a link that leaves the widget opens at the top level', async () => {
    const src = `${server.embed}frame/20110.vi.html`;
    const { page } = await openPage(browser, `${server.url}/host/ours.html?src=${encodeURIComponent(src)}`);
    const frame = frameOf(page, '/frame/');
    await outcome(frame);
    await Promise.all([page.waitForURL(`${server.url}/category.html`), frame.locator('news-article a.nw-category').click()]);
    assert.equal(await page.locator('h1').textContent(), 'The category');
    await page.close();
  });

  test("the video's fullscreen button shows only where the frame may go fullscreen", async () => {
    for (const [allow, button] of [[null, 'none'], ['fullscreen', 'block']]) {
      const src = `${server.embed}frame/20122.vi.html`;
      const query = new URLSearchParams({ src, sandbox: 'allow-scripts', ...(allow ? { allow } : {}) });
      const { page } = await openPage(browser, `${server.url}/host/ours.html?${query}`);
      const frame = frameOf(page, '/frame/');
      await outcome(frame);
      assert.equal(await frame.evaluate(() => document.fullscreenEnabled), Boolean(allow));
      assert.equal(await fullscreenButton(page, frame), button, `allow=${allow}`);
      await page.close();
    }
  });

  test('?theme=dark: the widget and the page are dark, with a dark colour scheme', async () => {
    const src = `${server.embed}frame/20122.vi.html?theme=dark`;
    const { page } = await openPage(browser, `${server.url}/host/ours.html?src=${encodeURIComponent(src)}`);
    const frame = frameOf(page, '/frame/');
    await outcome(frame);
    const seen = await frame.evaluate(() => {
      const widget = document.querySelector('news-article');
      const root = widget.shadowRoot.querySelector('.nw');
      return {
        theme: widget.getAttribute('theme'),
        widget: getComputedStyle(root).colorScheme,
        page: getComputedStyle(document.documentElement).colorScheme,
        surface: getComputedStyle(root).backgroundColor,
      };
    });
    assert.deepEqual(seen, { theme: 'dark', widget: 'dark', page: 'dark', surface: 'rgb(27, 29, 33)' });
    await page.close();
  });
});

describe('the card frame (oEmbed)', () => {
  test("every sample article's card is within WordPress's clamp in its 600-px column", async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 800 } });
    const heights = [];
    for (const { id } of JSON.parse(await (await fetch(`${server.embed}index.json`)).text()).articles) {
      await page.goto(`${server.embed}card/${id}.vi.html`);
      await page.waitForFunction(() => document.querySelector('.nw-card-host').shadowRoot.querySelector('img')?.complete);
      heights.push(await contentHeight(page.mainFrame()));
    }
    assert.equal(heights.length, 7);
    for (const height of heights) assert.ok(height >= 200 && height <= 1000, `${height} px`);
    console.log(`card heights at 600 px: ${Math.min(...heights)} to ${Math.max(...heights)} px`);
    await page.close();
  });

  test("fits WordPress's clamp at its column width, and its link opens the share page at the top level", async () => {
    const src = `${server.embed}card/20122.vi.html`;
    const { page, problems } = await openPage(browser, `${server.url}/host/ours.html?src=${encodeURIComponent(src)}&sandbox=allow-scripts allow-top-navigation-by-user-activation`);
    await page.waitForFunction(() => window.told.length > 0);
    const frame = frameOf(page, '/card/');
    await frame.waitForFunction(() => document.querySelector('.nw-card-host').shadowRoot.querySelector('img').complete);
    const card = await frame.evaluate(() => {
      const root = document.querySelector('.nw-card-host').shadowRoot;
      const text = (s) => root.querySelector(s)?.textContent.trim();
      return {
        category: text('.nw-category'),
        headline: text('h2'),
        date: text('time'),
        views: text('.nw-views'),
        lead: text('.nw-lead').slice(0, 20),
        photo: root.querySelector('img').getAttribute('src'),
        links: [...root.querySelectorAll('a')].map((a) => [a.textContent.trim(), a.href, a.target]),
      };
    });
    assert.deepEqual(card, {
      category: 'Thời sự - Chính trị',
      headline: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh',
      date: 'Thứ 5, 20/01/2022 | 19:35',
      views: '3.824 lượt xem',
      lead: 'Chiều ngày 20/1, Ban',
      photo: `${server.url}/site/media/20122-1.jpg`,
      links: [['Đọc toàn bài', `${server.embed}share/20122.vi.html`, '_top']],
    });
    const height = await contentHeight(frame);
    assert.ok(height >= 200 && height <= 1000, `${height} px is within 200-1000`);
    await told(page, height, 'ours');
    await Promise.all([page.waitForURL(`${server.embed}share/20122.vi.html`), frame.locator('.nw-card-link').click()]);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
