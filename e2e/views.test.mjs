// The live view count in a real browser (Chromium) against the real
// counter (`news-widget counter`, SQLite): two partner pages on two origins,
// readers told apart by their user agents (each a browser context of its
// own), a frame page whose partner is the page that embeds it, a widget
// below the fold, and a counter that is down, slow or talks nonsense.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, outcome, recordEvents } from './browser.mjs';
import { framePage, held, hostPage, html, json } from './pages.mjs';
import { servePartners } from './publish.mjs';
import { serve } from './server.mjs';
import { SITE, countedSite, startCounter, stats, view } from './counter.mjs';

/** A reader's browser: the user agent of a desktop Chrome, numbered. */
const reader = (n) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 reader-${n}`;
const ARTICLE = '/site/articles/20122.json';
const VIEWPORT = { width: 1000, height: 900 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./counter.mjs').Counter} */
let counter;
/** @type {string} */
let site;
/** The partner pages' servers: `a` also serves the publisher's frame pages. */
/** @type {Awaited<ReturnType<typeof servePartners>>} */
let a;
/** @type {Awaited<ReturnType<typeof serve>>} */
let b;
/** Partner A's pages (servePartners copies its routes when it starts). */
const routesA = {
  '/article.html': html(hostPage(`<news-article src="${ARTICLE}"></news-article><p>After.</p>`)),
  // Two widgets: 20125 at the top, 20122 far below the fold.
  '/below.html': html(hostPage(`<news-article src="/site/articles/20125.json" loading="eager"></news-article>
<div style="height: 4000px"></div>
<news-article id="below" src="${ARTICLE}" loading="eager"></news-article>`)),
};
/** @type {Record<string, import('./pages.mjs').Route>} */
const routesB = {};

before(async () => {
  counter = await startCounter();
  site = await countedSite(counter.url);
  const mounts = { '/site/': `${site}/` };
  a = await servePartners({ site, mounts, routes: routesA });
  b = await serve({ mounts, routes: routesB });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await a?.close();
  await b?.close();
  await counter?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

/**
 * A page of `reader` `n` at `url`, recording the widget's events, page
 * errors and console lines.
 * @param {number} n
 * @param {string} url
 */
async function open(n, url) {
  const context = await browser.newContext({ userAgent: reader(n), viewport: VIEWPORT });
  const page = await context.newPage();
  await recordEvents(page);
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} */
  const console = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => console.push(m.text()));
  await page.goto(url);
  return { context, page, problems, console };
}

/**
 * The answer to the widget's next view told to the counter for `id`.
 * @param {import('playwright-core').Page} page
 * @param {'POST'} method
 */
const counterAnswer = (page, method, id = '20122') =>
  page.waitForResponse((r) => r.url() === `${counter.url}/views/${id}` && r.request().method() === method);

/** The count the widget shows (its text, "3.824 lượt xem"), once it shows `text`. */
async function shows(page, text, selector = 'news-article') {
  const views = page.locator(`${selector} .nw-views`);
  await views.filter({ hasText: text }).waitFor();
  return views.textContent();
}

/** The stats row of one partner for 20122 today ({ views, readers }), if any. */
async function row(partner) {
  const rows = (await stats(counter, 'article=20122')).filter((r) => r.partner === partner);
  return rows.length ? { views: rows[0].views, readers: rows[0].readers } : undefined;
}

describe('the live view count', () => {
  test('shows, rises by one when seen, adds nothing on a reload, and tells each partner its readers', async () => {
    routesB['/article.html'] = html(hostPage(`<news-article src="${ARTICLE}" lang="en"></news-article>`));

    const first = await open(1, `${a.url}/article.html`);
    const counted = counterAnswer(first.page, 'POST');
    await outcome(first.page);
    const lead = await first.page.locator('news-article .nw-lead').boundingBox();
    assert.equal((await (await counted).json()).viewCount, 3825, "the counter counted reader 1's view");
    assert.equal(await shows(first.page, '3.825'), '3.825 lượt xem', 'the live count, formatted as before');
    assert.deepEqual(await first.page.locator('news-article .nw-lead').boundingBox(), lead, 'nothing moved');
    assert.deepEqual(await row(a.url), { views: 1, readers: 1 });

    // A reload: a view, the same reader, no new reader.
    const again = counterAnswer(first.page, 'POST');
    await first.page.reload();
    assert.equal((await (await again).json()).viewCount, 3825);
    assert.equal(await shows(first.page, '3.825'), '3.825 lượt xem');
    assert.deepEqual(await row(a.url), { views: 2, readers: 1 });

    // The same reader on partner B: a view there, counted nowhere.
    const elsewhere = await first.context.newPage();
    const there = counterAnswer(elsewhere, 'POST');
    await elsewhere.goto(`${b.url}/article.html`);
    assert.equal((await (await there).json()).viewCount, 3825);
    assert.deepEqual(await row(b.url), { views: 1, readers: 0 });

    // Reader 2 on partner B adds one.
    const second = await open(2, `${b.url}/article.html`);
    const viewed = counterAnswer(second.page, 'POST');
    assert.equal((await (await viewed).json()).viewCount, 3826);
    assert.equal(await shows(second.page, '3,826'), '3,826 views');
    assert.deepEqual(await row(b.url), { views: 2, readers: 1 });
    for (const { problems } of [first, second]) assert.deepEqual(problems, []);
    await first.context.close();
    await second.context.close();
  });

  test('a widget below the fold counts nothing until the reader comes to it', async () => {
    // Both render at once; the top one's view is the witness that a second
    // of seeing has passed, and the one below must not have told of a view.
    const before = (await row(a.url))?.views;
    const context = await browser.newContext({ userAgent: reader(3), viewport: VIEWPORT });
    const page = await context.newPage();
    /** @type {string[]} */
    const posts = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname));
    const start = (await view(counter.url, '20122', { method: 'GET' })).body.viewCount;
    await recordEvents(page);
    const topViewed = counterAnswer(page, 'POST', '20125');
    await page.goto(`${a.url}/below.html`);
    await outcome(page, { selector: '#below' });
    await topViewed;
    assert.deepEqual(posts, ['/views/20125'], 'only the widget in view told of a view');
    assert.equal((await row(a.url))?.views, before);

    // Scrolled to, it counts.
    const belowViewed = counterAnswer(page, 'POST');
    await page.locator('#below').scrollIntoViewIfNeeded();
    assert.equal((await (await belowViewed).json()).viewCount, start + 1);
    await context.close();
  });

  test('a frame page counts the page that embeds it as the partner', async () => {
    const frame = `${a.embed}frame/20122.vi.html`;
    const built = await readFile(join(site, 'articles', '20122.json'), 'utf8');
    assert.match(built, /"viewCount": 3824/);
    routesB['/framed.html'] = html(framePage(frame));
    const before = (await row(b.url)) ?? { views: 0, readers: 0 };
    const start = (await view(counter.url, '20122', { method: 'GET' })).body.viewCount;
    const { page, context, problems } = await open(4, `${b.url}/framed.html`);
    const answer = await counterAnswer(page, 'POST');
    assert.equal((await answer.json()).viewCount, start + 1);
    assert.equal(answer.request().postData(), JSON.stringify({ partner: b.url }), 'the frame says whose page it is on');
    const shown = (start + 1).toLocaleString('vi-VN');
    assert.equal(await shows(page.frameLocator('#frame'), shown), `${shown} lượt xem`);
    assert.deepEqual(await row(b.url), { views: before.views + 1, readers: before.readers + 1 });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('when the counter fails, the article keeps its own count', () => {
  const article = JSON.parse(readFileSync(join(SITE, 'articles', '20122.json'), 'utf8'));
  const slow = held(json({ viewCount: 9999 }));
  /** @type {Record<string, string>} */
  const counters = {
    down: 'http://127.0.0.1:9/views/20122',
    slow: '/slow/views/20122',
    garbage: '/garbage/views/20122',
    error: '/error/views/20122',
  };
  routesB['/slow/views/20122'] = slow.route;
  routesB['/garbage/views/20122'] = json('{"viewCount": "a lot"');
  routesB['/error/views/20122'] = (_req, res) => res.writeHead(500, { 'access-control-allow-origin': '*' }).end();
  after(() => slow.release());

  for (const [kind, viewCounter] of Object.entries(counters)) {
    test(`a counter that is ${kind}`, async () => {
      // Beside the real file, so its relative URLs (photos) resolve as its own.
      routesB[`/site/articles/20122-${kind}.json`] = json({ ...article, viewCounter });
      routesB[`/${kind}.html`] = html(hostPage(`<news-article src="/site/articles/20122-${kind}.json"></news-article>`));
      const { page, context, problems, console } = await open(5, `${b.url}/${kind}.html`);
      if (kind === 'slow') await slow.arrived;
      const { type } = await outcome(page);
      assert.equal(type, 'rendered', 'rendered, without waiting for the counter');
      assert.equal(await shows(page, '3.824'), '3.824 lượt xem');
      assert.equal(await page.locator('news-article .nw-error').count(), 0, 'no error notice');
      assert.deepEqual(problems, []);
      assert.ok(console.length <= 1, `at most one console line: ${console.join(' | ')}`);
      await context.close();
    });
  }
});
