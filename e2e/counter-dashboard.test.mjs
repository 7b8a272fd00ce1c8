// The publisher's dashboard (the counter's `/`) in Chromium, on a real
// `news-widget counter` of the sample site that has seen real views: two
// partners, a reader with no known partner, a reload (a view, no reader) and
// a reader met again on the other partner (a view, no reader). A wrong token
// is refused and shows nothing; the right one shows the chart drawn from the
// stats rows, the top articles and partners, one article's days and
// partners, and a CSV of the same rows; English on a click or ?lang=en;
// axe-core clean in both languages and both themes; nothing scrolls sideways
// at 320 px; all of it by keyboard too.
//
// Screenshots go to e2e/screenshots/; with DOCS_SCREENSHOT=1 the test also
// rewrites docs/dashboard.png, the README's picture (off by default, so a
// test run leaves the tree clean).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir, readFile } from 'node:fs/promises';
import { launch } from './browser.mjs';
import { SITE, startCounter, stats, view } from './counter.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const DOCS_SHOT = new URL('../docs/dashboard.png', import.meta.url).pathname;

const PARTNER = 'https://bao-doi-tac.example';
const OTHER = 'https://tin-dia-phuong.example';
/** A reader's browser: the counter tells readers apart by user agent (and address, the same here). */
const reader = (n) => `Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.${n}`;

/**
 * The views, in order: [article, reader, partner's origin or none].
 * @type {[string, number, string | undefined][]}
 */
const VIEWS = [
  ['20122', 1, PARTNER],
  ['20122', 1, PARTNER], // a reload: a view, not a reader
  ['20122', 2, OTHER],
  ['20122', 3, PARTNER],
  ['20122', 2, PARTNER], // reader 2 again, on the other partner: a view for it, the reader stays OTHER's
  ['20115', 1, OTHER],
  ['20115', 4, undefined], // no known partner
];

let counter;
let browser;
/** The stats rows the counter answers after VIEWS. */
let rows;
/** The newsroom's day of the views. */
let today;
/** Each sample article's headline, by id. */
const headlines = new Map();

before(async () => {
  counter = await startCounter();
  for (const [id, n, origin] of VIEWS) {
    const answer = await view(counter.url, id, { userAgent: reader(n), origin });
    assert.equal(answer.status, 200, `view of ${id}: ${JSON.stringify(answer.body)}`);
  }
  rows = await stats(counter);
  today = rows[0].day;
  // What the views above make, spelled out, so the dashboard is checked against what happened.
  assert.deepEqual(
    rows.map((r) => [r.day, r.article, r.partner, r.readers, r.views]),
    [
      [today, '20115', null, 1, 1],
      [today, '20115', OTHER, 1, 1],
      [today, '20122', PARTNER, 2, 4],
      [today, '20122', OTHER, 1, 1],
    ],
  );
  for (const id of ['20115', '20122']) headlines.set(id, JSON.parse(await readFile(`${SITE}articles/${id}.json`, 'utf8')).headline);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await counter?.close();
});

/**
 * A page in a context of its own (its own sessionStorage); `problems`
 * collects page errors and console errors. `refusals`: the test gives a
 * wrong token, and the browser's own line about the 401 is no problem.
 * @param {{ width?: number, height?: number, colorScheme?: 'light' | 'dark', refusals?: boolean }} [options]
 */
async function newPage({ width = 1100, height = 900, colorScheme = 'light', refusals = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    // The counter has no icon: the browser's own request for one is not the page's.
    if (refusals && m.text().includes('status of 401')) return;
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`${m.text()} (${m.location().url})`);
  });
  return { page, problems, close: () => context.close() };
}

/**
 * Types `token` into the sign-in form and sends it; resolves to the
 * counter's first answer (the page asks /stats.json and /articles.json at
 * once, and drops the other after a 401), once the page showed what it made of it.
 */
async function signIn(page, token) {
  await page.locator('#token').fill(token);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => /\/(stats|articles)\.json/.test(r.url())),
    page.locator('#sign-in button[type=submit]').click(),
  ]);
  await page.waitForFunction(() => !document.getElementById('board').hidden || document.getElementById('sign-in-status').textContent !== '');
  return answer;
}

/** Opens the dashboard (`query`: e.g. `?lang=en`) and signs in with the right token; resolves when the chart is drawn. */
async function openSignedIn(page, query = '') {
  await page.goto(`${counter.url}/${query}`);
  await signIn(page, counter.token);
  await page.locator('#chart rect.bar').first().waitFor({ state: 'attached' });
}

/** The cells' text of the rows of table `id`. */
const cells = (page, id) =>
  page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));

/** Sums rows' readers and views by `key`, most readers first, then most views, as the dashboard ranks. */
function ranked(key) {
  const sums = new Map();
  for (const row of rows) {
    const sum = sums.get(row[key]) ?? { readers: 0, views: 0 };
    sums.set(row[key], { readers: sum.readers + row.readers, views: sum.views + row.views });
  }
  return [...sums].sort(([, a], [, b]) => b.readers - a.readers || b.views - a.views);
}

/** A day as the page's browser writes it in `locale` (the dashboard's format). */
const dayIn = (page, day, locale) =>
  page.evaluate(
    ([day, locale]) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`)),
    [day, locale],
  );

/** axe-core's violations on the whole page, as lines. */
async function axe(page) {
  // Evaluated by the driver, as the page's CSP refuses a script tag of ours.
  await page.evaluate(await readFile(AXE, 'utf8'));
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
  }, RULES);
}

describe('the token', () => {
  test('a wrong token is refused with a clear message, forgotten, and shows no data', async () => {
    const { page, problems, close } = await newPage({ refusals: true });
    await page.goto(`${counter.url}/`);
    assert.equal(await page.locator('#board').isHidden(), true, 'nothing but the form before a token');
    assert.equal((await signIn(page, 'not-the-token-at-all')).status(), 401);
    assert.equal(
      await page.locator('#sign-in-status').textContent(),
      'Mã truy cập không đúng, trang đã quên nó. Hãy nhập lại mã trong tệp --token-file.',
    );
    assert.equal(await page.locator('#sign-in-status').getAttribute('role'), 'alert', 'announced');
    assert.equal(await page.locator('#board').isHidden(), true);
    assert.equal(await page.locator('#chart rect.bar').count(), 0, 'no chart');
    assert.equal(await page.locator('#top-articles tbody tr').count(), 0, 'no rows');
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'the wrong token is not kept');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'token', 'back in the field, to type it again');
    await page.screenshot({ path: `${SHOTS}dashboard-refused.png` });
    assert.deepEqual(problems, []);
    await close();
  });

  test('the right token is kept in the tab only: a reload shows the data without asking again', async () => {
    const { page, problems, close } = await newPage();
    await openSignedIn(page);
    assert.equal(await page.locator('#sign-in').isHidden(), true);
    assert.equal(await page.evaluate(() => Object.values(sessionStorage).join()), counter.token);
    assert.equal(await page.evaluate(() => localStorage.length + document.cookie.length), 0, 'nowhere else');
    await page.reload();
    await page.locator('#chart rect.bar').first().waitFor({ state: 'attached' });
    await page.locator('#sign-out').click();
    assert.equal(await page.locator('#board').isHidden(), true);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'signing out forgets it');
    assert.deepEqual(problems, []);
    await close();
  });
});

describe('with the right token', () => {
  test('the chart is drawn from the stats: a bar per day of the period, each as tall as its readers', async () => {
    const { page, problems, close } = await newPage();
    await openSignedIn(page);
    const bars = await page.$$eval('#chart rect.bar', (rects) =>
      rects.map((r) => ({ day: r.dataset.day, readers: Number(r.dataset.readers), views: Number(r.dataset.views), height: Number(r.getAttribute('height')) })),
    );
    assert.equal(bars.length, 30, 'the last 30 days, by default');
    // The period ends on the later of the browser's day and the newsroom's: the views' day, or the day after.
    const seen = bars.findIndex((bar) => bar.day === today);
    assert.ok(seen >= bars.length - 2, `${today} is the last bar or the one before: ${bars.at(-1).day}`);
    for (let i = 1; i < bars.length; i += 1) {
      assert.equal(Date.parse(bars[i].day) - Date.parse(bars[i - 1].day), 86_400_000, 'one bar a day, no gaps');
    }
    const readers = rows.reduce((n, r) => n + r.readers, 0);
    const views = rows.reduce((n, r) => n + r.views, 0);
    assert.deepEqual([readers, views], [5, 7]);
    const [bar] = bars.splice(seen, 1);
    assert.deepEqual(bar, { day: today, readers, views, height: bar.height });
    assert.ok(bar.height > 0, "the views' day shows");
    assert.equal(await page.locator(`#chart text.value[data-day="${today}"]`).textContent(), '5', 'its number on top');
    assert.equal(await page.locator('#chart text.value').count(), 1, 'no number on the empty days');
    for (const bar of bars) assert.deepEqual([bar.readers, bar.views, bar.height], [0, 0, 0], `${bar.day} had no views`);
    // The chart says what it shows, for those who do not see it…
    const desc = await page.locator('#chart-desc').textContent();
    assert.match(desc, /^Tổng cộng 5 người đọc và 7 lượt xem\. Ngày nhiều người đọc nhất: .+, với 5 người đọc\.$/);
    assert.equal(await page.locator('#chart').getAttribute('role'), 'img');
    // …and its table holds the same numbers.
    const table = await cells(page, 'days');
    assert.equal(table.length, 30);
    assert.deepEqual(table[seen], [await dayIn(page, today, 'vi-VN'), '5', '7']);
    assert.deepEqual(await page.locator('#totals dd').allTextContents(), ['5', '7', '2'], 'readers, views, known partners');

    // A shorter period: fewer bars, the same day's numbers.
    const answered = page.waitForResponse((r) => r.url().includes('/stats.json'));
    await page.locator('#period').selectOption('7');
    await answered;
    await page.waitForFunction(() => document.querySelectorAll('#chart rect.bar').length === 7);
    assert.equal(await page.locator(`#chart rect.bar[data-day="${today}"]`).getAttribute('data-readers'), '5');
    assert.deepEqual(problems, []);
    await close();
  });

  test('top articles and top partners give each its readers and views', async () => {
    const { page, problems, close } = await newPage();
    await openSignedIn(page);
    const articles = ranked('article').map(([id, sum]) => [headlines.get(id), String(sum.readers), String(sum.views)]);
    assert.deepEqual(articles, [
      [headlines.get('20122'), '3', '5'],
      [headlines.get('20115'), '2', '2'],
    ]);
    assert.deepEqual(await cells(page, 'top-articles'), articles);
    const partners = ranked('partner').map(([origin, sum]) => [origin === null ? 'Không rõ đối tác' : new URL(origin).host, String(sum.readers), String(sum.views)]);
    assert.deepEqual(partners, [
      ['bao-doi-tac.example', '2', '4'],
      ['tin-dia-phuong.example', '2', '2'],
      ['Không rõ đối tác', '1', '1'],
    ]);
    assert.deepEqual(await cells(page, 'top-partners'), partners);
    assert.deepEqual(problems, []);
    await close();
  });

  test("one article's days and partners: chosen from the top articles or the list", async () => {
    const { page, problems, close } = await newPage();
    await openSignedIn(page);
    const day = await dayIn(page, today, 'vi-VN');
    /** The article's rows as the dashboard should show them. */
    const expected = (id) =>
      rows
        .filter((r) => r.article === id)
        .map((r) => [day, r.partner === null ? 'Không rõ đối tác' : new URL(r.partner).host, String(r.readers), String(r.views)]);
    assert.equal(await page.locator('#article').inputValue(), '20122', 'the most read first');
    assert.deepEqual(await cells(page, 'article-rows'), expected('20122'));

    await page.getByRole('button', { name: headlines.get('20115') }).click();
    assert.equal(await page.locator('#article').inputValue(), '20115');
    assert.deepEqual(await cells(page, 'article-rows'), expected('20115'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'article-heading', 'focus follows to the rows');
    const live = (await view(counter.url, '20115', { method: 'GET' })).body.viewCount;
    assert.equal(await page.locator('#article-count').textContent(), `Số lượt xem bạn đọc đang thấy: ${new Intl.NumberFormat('vi-VN').format(live)}.`);

    await page.locator('#article').selectOption('20122');
    assert.deepEqual(await cells(page, 'article-rows'), expected('20122'));
    await page.locator('#article').selectOption('20104');
    assert.deepEqual(await cells(page, 'article-rows'), [['Chưa có lượt xem nào trong khoảng này.']], 'an article nobody read');
    assert.deepEqual(problems, []);
    await close();
  });

  test('the CSV export downloads the same rows', async () => {
    const { page, problems, close } = await newPage();
    await openSignedIn(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
    assert.match(download.suggestedFilename(), /^stats-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const [head, ...lines] = csv.trimEnd().split('\n');
    assert.equal(head, 'day,article,partner,views,readers');
    assert.deepEqual(
      lines.map((line) => line.split(',')),
      rows.map((r) => [r.day, r.article, r.partner ?? '', String(r.views), String(r.readers)]),
    );
    assert.deepEqual(problems, []);
    await close();
  });

  test('English: on a click, and from ?lang=en', async () => {
    const { page, problems, close } = await newPage();
    await openSignedIn(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    assert.equal(await page.locator('#lang').textContent(), 'English');
    await page.locator('#lang').click();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.title(), 'View statistics · news-widget');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'en', 'the address keeps the choice');
    assert.equal(await page.locator('#lang').textContent(), 'Tiếng Việt');
    assert.deepEqual(await page.locator('h2:visible').allTextContents(), ['Readers per day', 'Top articles', 'Top partners', 'One article']);
    assert.deepEqual(await page.locator('#top-partners tbody tr').last().locator('td').allTextContents(), ['No known partner', '1', '1']);
    const en = await dayIn(page, today, 'en-GB');
    assert.equal(await page.locator('#chart-desc').textContent(), `In all 5 readers and 7 views. The day with the most readers: ${en}, with 5.`);
    assert.ok((await cells(page, 'days')).some(([day]) => day === en), `${en} in the table of days`);

    // A fresh tab asked for English starts in English, the sign-in form too.
    const fresh = await newPage({ refusals: true });
    await fresh.page.goto(`${counter.url}/?lang=en`);
    assert.equal(await fresh.page.locator('label[for=token]').textContent(), "The publisher's token");
    await signIn(fresh.page, 'not-the-token-at-all');
    assert.match(await fresh.page.locator('#sign-in-status').textContent(), /^Wrong token/);
    assert.deepEqual(problems, []);
    assert.deepEqual(fresh.problems, []);
    await fresh.close();
    await close();
  });
});

describe('accessibility and small screens', () => {
  for (const [lang, colorScheme] of /** @type {const} */ ([['vi', 'light'], ['en', 'dark']])) {
    test(`axe-core finds no violations (${lang}, ${colorScheme})`, async () => {
      const { page, problems, close } = await newPage({ colorScheme, refusals: true });
      const query = lang === 'en' ? '?lang=en' : '';
      await page.goto(`${counter.url}/${query}`);
      await signIn(page, 'not-the-token-at-all');
      assert.deepEqual(await axe(page), [], 'the sign-in form, with its message');
      await page.screenshot({ path: `${SHOTS}dashboard-sign-in-${lang}.png` });

      await openSignedIn(page, query);
      await page.locator('#days').evaluate((table) => table.closest('details').setAttribute('open', ''));
      assert.deepEqual(await axe(page), [], 'the dashboard, its table of days open');
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}dashboard-${lang}-${colorScheme}.png`, fullPage: true });
      if (lang === 'vi' && process.env.DOCS_SCREENSHOT) {
        await page.locator('#days').evaluate((table) => table.closest('details').removeAttribute('open'));
        await page.screenshot({ path: DOCS_SHOT, fullPage: true });
      }
      assert.deepEqual(problems, []);
      await close();
    });
  }

  test('at 320 px wide nothing scrolls sideways, and the chart fits', async () => {
    const { page, problems, close } = await newPage({ width: 320, height: 640 });
    await openSignedIn(page);
    await page.locator('#days').evaluate((table) => table.closest('details').setAttribute('open', ''));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scrolling');
    for (const selector of ['#chart', '#top-articles', '#top-partners', '#article', '#article-rows', '#days']) {
      const box = await page.locator(selector).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 320, `${selector} fits`);
    }
    await page.screenshot({ path: `${SHOTS}dashboard-320.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await close();
  });

  test('by keyboard only: sign in, then open an article from the top articles', async () => {
    const { page, problems, close } = await newPage();
    await page.goto(`${counter.url}/`);
    const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.getAttribute('data-article'));
    for (let i = 0; i < 5 && (await focused()) !== 'token'; i += 1) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'token');
    await page.keyboard.type(counter.token);
    await page.keyboard.press('Enter');
    await page.locator('#chart rect.bar').first().waitFor({ state: 'attached' });
    assert.equal(await focused(), 'chart-heading', 'focus moves to the data');
    for (let i = 0; i < 10 && (await focused()) !== '20115'; i += 1) await page.keyboard.press('Tab');
    assert.equal(await focused(), '20115', "the second article's headline");
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'article-heading');
    assert.equal(await page.locator('#article').inputValue(), '20115');
    assert.deepEqual(problems, []);
    await close();
  });
});
