// Browsing inside the widget, in headless Chromium against the built dist/:
// related news and news by date open in place, back and forward, the host's
// history in hash mode, prefetch, late answers, failures and retry.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, DIST } from './server.mjs';
import { launch, outcome, recordEvents } from './browser.mjs';
import { held, hostPage, html, json, status } from './pages.mjs';

let server;
let browser;
let flaky = 0;

const article = (id) => readFile(`${DIST}site/articles/${id}.json`);
/** The answer to 20121, held back by the test of an older load that must not win. */
const late = held(json(() => article('20121')));
late.release();

before(async () => {
  server = await serve({
    routes: {
      '/host/hash.html': html(hostPage('<news-article history="hash" src="/site/articles/20122.json"></news-article>', { title: 'hash' })),
      // The partner snippet of the demo page, alone: the article names its date index.
      '/host/one.html': html(hostPage('<news-article src="/site/articles/20122.json"></news-article>', { title: 'one' })),
      // The partner's date-index attribute overrides the article's own dateIndex.
      '/host/dates.html': html(
        hostPage('<news-article date-index="/partner-dates/{date}.json" src="/site/articles/20122.json"></news-article>', { title: 'dates' }),
      ),
      '/partner-dates/2022-01-19.json': json(async () => {
        const index = JSON.parse(await readFile(`${DIST}site/dates/2022-01-19.json`, 'utf8'));
        return { ...index, items: index.items.slice(0, 1) };
      }),
      '/site/articles/20121.json': late.route,
      // Fails with 503 through the widget's own three tries, then works: the retry button's case.
      '/site/articles/20115.json': (req, res) => (flaky++ < 3 ? status(503)(req, res) : json(() => article('20115'))(req, res)),
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Records, in `window.bodiesRead`, the URL of every response whose body the
 * page has read, once read: what the widget does with an answer follows in
 * the same task's microtasks.
 */
function recordBodies() {
  window.bodiesRead = [];
  for (const method of /** @type {const} */ (['arrayBuffer', 'text', 'json', 'blob', 'bytes'])) {
    const read = Response.prototype[method];
    if (!read) continue;
    /** @type {any} */ (Response.prototype)[method] = function () {
      return read.call(this).then((/** @type {unknown} */ body) => (window.bodiesRead.push(this.url), body));
    };
  }
}

/** Opens a host page and waits for its widget's first article. */
async function open(path = '/host/one.html') {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.addInitScript(recordBodies);
  await recordEvents(page);
  await page.goto(server.url + path);
  assert.equal((await outcome(page)).type, 'rendered');
  return page;
}

/**
 * Waits until the page has read the body of a response for `path`, and a
 * task more: the widget has done what it does with that answer.
 */
const answerRead = (page, path) =>
  page.waitForFunction((path) => window.bodiesRead.some((url) => new URL(url).pathname === path), path).then(() =>
    page.evaluate(() => new Promise((resolve) => setTimeout(resolve))),
  );

const headline = (page) => page.locator('news-article h2').textContent();
const item = (page, id) => page.locator(`news-article .nw-related a[href$="/${id}"]`);
const fetched = (path) => server.requests.filter((p) => p === path).length;

test('a related item opens in place; back and forward return', async () => {
  const page = await open();
  const href = page.url();
  await item(page, '20125').click();
  assert.deepEqual(await outcome(page, { count: 2 }), { type: 'rendered', detail: { id: '20125' } });
  assert.equal(page.url(), href, 'the host page did not navigate');
  assert.equal(await headline(page), 'Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần');
  const focused = await page.evaluate(() => document.querySelector('news-article').shadowRoot.activeElement?.className);
  assert.equal(focused, 'nw-headline', 'focus follows to the new headline');
  assert.equal(
    await page.locator('news-article .nw-announcer').textContent(),
    'Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần',
    'the polite live region announces the new headline',
  );

  await page.locator('news-article .nw-history .nw-back').click();
  assert.deepEqual(await outcome(page, { count: 3 }), { type: 'rendered', detail: { id: '20122' } });
  await page.locator('news-article .nw-history .nw-forward').click();
  assert.deepEqual(await outcome(page, { count: 4 }), { type: 'rendered', detail: { id: '20125' } });
  const navigations = await page.evaluate(() => widgetEvents.filter((e) => e.type === 'navigate').length);
  assert.equal(navigations, 3);
  assert.equal(page.url(), href);
  await page.close();
});

test('the widget scrolls its own top into view when the reader moves on', async () => {
  const page = await open();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const top = () => page.evaluate(() => document.querySelector('news-article').getBoundingClientRect().top);
  assert.ok((await top()) < 0);
  await item(page, '20125').click();
  await outcome(page, { count: 2 });
  const after = await top();
  assert.ok(after >= -1 && after < 800, `widget top at ${after}px`);
  await page.close();
});

test('hovering an item prefetches it; the click then needs no request and shows no loading step', async () => {
  const page = await open();
  const path = '/site/articles/20118.json';
  const before = fetched(path);
  await item(page, '20118').hover();
  // The prefetch's answer is in, read and kept.
  await answerRead(page, path);
  assert.equal(fetched(path), before + 1, 'prefetched on hover');
  // Any render of the old article dimmed as "loading" would show up here.
  await page.evaluate(() => {
    const shadow = document.querySelector('news-article').shadowRoot;
    window.sawLoading = false;
    new MutationObserver(() => (window.sawLoading ||= !!shadow.querySelector('.nw-stale, [aria-busy=true]'))).observe(
      shadow,
      { subtree: true, childList: true, attributes: true },
    );
  });
  await item(page, '20118').click();
  assert.deepEqual(await outcome(page, { count: 2 }), { type: 'rendered', detail: { id: '20118' } });
  assert.equal(fetched(path), before + 1, 'the click used the prefetched article');
  assert.equal(await page.evaluate(() => window.sawLoading), false, 'opened in one render, without a loading step');
  await page.close();
});

test('two quick clicks end on the second article, whatever answers first', async () => {
  const page = await open();
  late.hold();
  await item(page, '20121').click(); // its answer is held
  await late.arrived;
  await item(page, '20110').click();
  assert.deepEqual(await outcome(page, { count: 2 }), { type: 'rendered', detail: { id: '20110' } });
  // The late answer arrives, and the widget has read it: it must change nothing.
  late.release();
  await answerRead(page, '/site/articles/20121.json');
  assert.equal(await headline(page), 'Triển khai nhiệm vụ phát triển ngành công thương năm 2022');
  const rendered = await page.evaluate(() => widgetEvents.filter((e) => e.type === 'rendered').map((e) => e.detail.id));
  assert.deepEqual(rendered, ['20122', '20110']);
  await page.close();
});

test('a failed load shows retry and a way back; retry works', async () => {
  const page = await open();
  // Earlier pages may have prefetched this article on a stray hover: count from here.
  flaky = 0;
  await item(page, '20115').click();
  const failure = await outcome(page, { count: 2 });
  assert.equal(failure.type, 'error');
  assert.equal(failure.detail.code, 'http');
  assert.equal(await page.locator('news-article [role=alert] p').textContent(), 'Không tải được bài viết. Vui lòng thử lại sau.');
  assert.equal(await page.locator('news-article [role=alert] .nw-back').count(), 1);
  assert.equal(flaky, 3, 'tried three times, with backoff, before showing the error');
  await page.locator('news-article .nw-retry').click();
  assert.deepEqual(await outcome(page, { count: 3 }), { type: 'rendered', detail: { id: '20115' } });
  await page.close();
});

test('hash mode: the host URL follows, survives a reload, and the back button returns', async () => {
  const page = await open('/host/hash.html');
  await item(page, '20125').click();
  await outcome(page, { count: 2 });
  const url = new URL(page.url());
  assert.equal(url.hash, `#news-article=${encodeURIComponent(`${server.url}/site/articles/20125.json`)}`);
  await page.reload();
  assert.deepEqual(await outcome(page), { type: 'rendered', detail: { id: '20125' } });
  await page.goBack();
  assert.deepEqual(await outcome(page, { count: 2 }), { type: 'rendered', detail: { id: '20122' } });
  await page.close();
});

test('hash mode refuses an article from another origin', async () => {
  const page = await open(`/host/hash.html#news-article=${encodeURIComponent('http://other.example/a.json')}`);
  assert.deepEqual(await page.evaluate(() => widgetEvents[0].detail), { id: '20122' });
  await page.close();
});

test('without hash mode the host URL and history are never touched', async () => {
  const page = await open();
  const length = await page.evaluate(() => history.length);
  await item(page, '20125').click();
  await outcome(page, { count: 2 });
  assert.equal(await page.evaluate(() => history.length), length);
  assert.equal(new URL(page.url()).hash, '');
  await page.close();
});

/** Chooses `day` in the date picker, as a reader typing a date would. */
/** Chooses `day` (YYYY-MM-DD) as a reader does: opens the calendar, goes to its month, clicks it. */
async function pick(page, day) {
  const calendar = page.locator('news-article .nw-calendar');
  if (!(await calendar.count())) await page.locator('news-article .nw-day').click();
  for (let months = 0; !(await page.locator(`news-article [data-day="${day}"]`).count()); months++) {
    assert.ok(months < 60, `${day} is within reach`);
    const shown = await calendar.locator('[data-day]').first().getAttribute('data-day');
    await calendar.locator(day < shown ? '.nw-previous-month' : '.nw-next-month').click();
  }
  await page.locator(`news-article [data-day="${day}"]`).click();
}

/** The day the date browser shows, as YYYY-MM-DD. */
const shownDay = (page) => page.locator('news-article .nw-day time').getAttribute('datetime');

const dayItems = (page) => page.locator('news-article .nw-dates .nw-summary-headline').allTextContents();
const dayStatus = (page) => page.locator('news-article .nw-day-status').textContent();

test('news by date lists the day and opens an article in place', async () => {
  const page = await open();
  assert.equal(await shownDay(page), '2022-01-20');
  assert.equal(await page.locator('news-article .nw-day time').textContent(), 'Thứ 5, 20/01/2022', "in the widget's language");
  await pick(page, '2022-01-19');
  await page.locator('news-article .nw-dates .nw-summary').first().waitFor();
  assert.deepEqual(await dayItems(page), [
    'Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ',
    'Tổng kết công tác kiểm tra, giám sát năm 2021',
  ]);
  assert.deepEqual(await page.locator('news-article .nw-dates .nw-summary time').allTextContents(), ['16:20', '09:10']);
  await page.locator('news-article .nw-dates .nw-summary a').nth(1).click();
  assert.deepEqual(await outcome(page, { count: 2 }), { type: 'rendered', detail: { id: '20118' } });
  await page.close();
});

test('previous and next day step through the days; an empty day says so', async () => {
  const page = await open();
  await page.locator('news-article .nw-previous-day').click();
  await page.locator('news-article .nw-dates .nw-summary').first().waitFor();
  assert.deepEqual(await dayItems(page), ['Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ', 'Tổng kết công tác kiểm tra, giám sát năm 2021']);
  for (const day of ['2022-01-16', '2022-01-22']) {
    // 01-16 has an empty index file; 01-22 has none at all (404).
    await pick(page, day);
    await page.waitForFunction(
      () => document.querySelector('news-article').shadowRoot.querySelector('.nw-day-status[role=status]')?.textContent.includes('Không'),
    );
    assert.equal(await dayStatus(page), 'Không có tin nào trong ngày này');
  }
  await pick(page, '2022-01-20');
  await page.locator('news-article .nw-dates .nw-summary').first().waitFor();
  await page.locator('news-article .nw-next-day').click();
  await page.waitForFunction(
    () => document.querySelector('news-article').shadowRoot.querySelector('.nw-day time').getAttribute('datetime') === '2022-01-21',
  );
  await page.waitForFunction(
    () => document.querySelector('news-article').shadowRoot.querySelector('.nw-dates .nw-summary-headline')?.textContent.startsWith('Tỉnh ủy'),
  );
  assert.deepEqual(await dayItems(page), ['Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần']);
  await page.close();
});

test('the article names its date index; a date-index attribute overrides it', async () => {
  // This element has no date-index: the browser comes from the article's dateIndex.
  const page = await open();
  assert.equal(await page.locator('news-article nav.nw-dates').count(), 1);
  await page.close();
  const before = server.requests.length;
  const partner = await open('/host/dates.html');
  await pick(partner, '2022-01-19');
  await partner.locator('news-article .nw-dates .nw-summary').first().waitFor();
  assert.deepEqual(await dayItems(partner), ['Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ']);
  const days = server.requests.slice(before).filter((p) => p.endsWith('/2022-01-19.json'));
  assert.deepEqual(days, ['/partner-dates/2022-01-19.json'], 'the attribute wins');
  await partner.close();
});

test('dates in the future cannot be chosen', async () => {
  const page = await open();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const before = server.requests.length;
  await page.locator('news-article .nw-day').click();
  const next = page.locator('news-article .nw-next-month');
  for (let months = 0; !(await next.isDisabled()); months++) {
    assert.ok(months < 120, 'the next-month button stops at the newsroom\'s month');
    await next.click();
  }
  const days = await page.locator('news-article .nw-calendar [data-day]').evaluateAll((buttons) =>
    buttons.map((b) => [b.dataset.day, b.disabled]),
  );
  assert.ok(days.some(([day]) => day === today), `this month has today, ${today}`);
  for (const [day, disabled] of days) assert.equal(disabled, day > today, day);
  // The keyboard cannot pass today either: a move past it stops there.
  await page.locator(`news-article [data-day="${today}"]`).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  const focused = await page.evaluate(() => {
    const el = /** @type {HTMLButtonElement} */ (document.querySelector('news-article').shadowRoot.activeElement);
    return { day: el?.dataset.day, tabbable: el?.tabIndex === 0 && !el.disabled };
  });
  assert.deepEqual(focused, { day: today, tabbable: true });
  assert.equal(server.requests.slice(before).filter((p) => p.includes('/dates/')).length, 0);
  await page.locator(`news-article [data-day="${today}"]`).click();
  await page.locator('news-article .nw-day-status, news-article .nw-dates .nw-summary').first().waitFor();
  assert.equal(await page.locator('news-article .nw-next-day').isDisabled(), true);
  await page.close();
});
