// The publisher's dashboard, at the counter's `/` (counter/src/dashboard.rs
// serves it). It has no data of its own: it asks /stats.json and
// /articles.json with the token the publisher types in, keeps that token in
// the tab's sessionStorage only, and draws everything from the rows.
//
// The page's CSP runs its own script and stylesheet only: nothing here
// writes style markup. The chart's geometry goes in SVG attributes, its
// looks in dashboard.css.

/** @typedef {'vi' | 'en'} Lang */
/**
 * A stats row, as /stats.json answers it: `readers` counted once per reader,
 * article and day; `views` every view, reloads included.
 * @typedef {{ day: string, article: string, partner: string | null, views: number, readers: number }} Row
 */
/** @typedef {{ id: string, headline: string, viewCount: number }} Article */
/** @typedef {{ readers: number, views: number }} Sum */
/**
 * What the dashboard shows: the days asked for and what came back.
 * @typedef {{ from: string, to: string, rows: Row[], articles: Article[], at: Date }} Data
 */
/**
 * Where the last request stands.
 * @typedef {{ kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded' } | { kind: 'refused' } | { kind: 'failed', code: string | null }} Status
 * (`code`: the HTTP status; null when no answer came)
 */

/** Where the token lives: this tab only, forgotten when it closes. */
const TOKEN_KEY = 'news-widget-counter-token';
/** Rows in the top articles and top partners. */
const TOP = 10;
const DAY_MS = 86_400_000;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Every text of the page, Vietnamese first; `{name}`: a value put in. */
const VI = {
  title: 'Số liệu lượt xem · news-widget',
  heading: 'Số liệu lượt xem',
  otherLang: 'English',
  signIn: 'Đăng nhập',
  tokenLabel: 'Mã truy cập của tòa soạn',
  tokenHelp: 'Mã nằm trong tệp --token-file của máy đếm. Trang chỉ giữ mã trong thẻ này, và quên nó khi thẻ đóng.',
  show: 'Xem số liệu',
  emptyToken: 'Hãy nhập mã truy cập.',
  wrongToken: 'Mã truy cập không đúng, trang đã quên nó. Hãy nhập lại mã trong tệp --token-file.',
  period: 'Khoảng thời gian',
  last7: '7 ngày qua',
  last30: '30 ngày qua',
  last90: '90 ngày qua',
  refresh: 'Làm mới',
  csv: 'Tải CSV',
  signOut: 'Đăng xuất',
  loading: 'Đang tải…',
  loaded: 'Số liệu lúc {time}.',
  failed: 'Không tải được số liệu ({code}). Hãy thử lại.',
  offline: 'không kết nối được máy đếm',
  readers: 'Người đọc',
  views: 'Lượt xem',
  partners: 'Đối tác',
  meaning: 'Người đọc: lần xem đầu tiên trong ngày của một người với một bài, tính cho đối tác nơi người ấy đọc trước. Lượt xem: mọi lần xem, kể cả tải lại trang.',
  perDay: 'Người đọc theo ngày',
  chartTitle: 'Người đọc theo ngày, {from} – {to}',
  chartDesc: 'Tổng cộng {readers} người đọc và {views} lượt xem. Ngày nhiều người đọc nhất: {day}, với {max} người đọc.',
  chartEmpty: 'Chưa có lượt xem nào trong khoảng này.',
  barTitle: '{day}: {readers} người đọc, {views} lượt xem',
  eachDay: 'Số liệu từng ngày',
  day: 'Ngày',
  article: 'Bài viết',
  partner: 'Đối tác',
  topArticles: 'Bài được đọc nhiều nhất',
  topPartners: 'Đối tác mang lại người đọc',
  noPartner: 'Không rõ đối tác',
  oneArticle: 'Từng bài viết',
  articleCount: 'Số lượt xem bạn đọc đang thấy: {count}.',
  none: 'Chưa có lượt xem nào trong khoảng này.',
};

/** @type {typeof VI} */
const EN = {
  title: 'View statistics · news-widget',
  heading: 'View statistics',
  otherLang: 'Tiếng Việt',
  signIn: 'Sign in',
  tokenLabel: "The publisher's token",
  tokenHelp: "It is in the counter's --token-file. This page keeps it in this tab only, and forgets it when the tab closes.",
  show: 'Show the stats',
  emptyToken: 'Type the token.',
  wrongToken: "Wrong token: the page has forgotten it. Type the token in the counter's --token-file again.",
  period: 'Period',
  last7: 'Last 7 days',
  last30: 'Last 30 days',
  last90: 'Last 90 days',
  refresh: 'Refresh',
  csv: 'Download CSV',
  signOut: 'Sign out',
  loading: 'Loading…',
  loaded: 'Stats as of {time}.',
  failed: 'The stats did not load ({code}). Try again.',
  offline: 'the counter did not answer',
  readers: 'Readers',
  views: 'Views',
  partners: 'Partners',
  meaning: 'Readers: a reader’s first view of an article in a day, credited to the partner where they read it first. Views: every view, reloads included.',
  perDay: 'Readers per day',
  chartTitle: 'Readers per day, {from} – {to}',
  chartDesc: 'In all {readers} readers and {views} views. The day with the most readers: {day}, with {max}.',
  chartEmpty: 'No views in this period yet.',
  barTitle: '{day}: {readers} readers, {views} views',
  eachDay: "Each day's numbers",
  day: 'Day',
  article: 'Article',
  partner: 'Partner',
  topArticles: 'Top articles',
  topPartners: 'Top partners',
  noPartner: 'No known partner',
  oneArticle: 'One article',
  articleCount: 'The count readers see: {count}.',
  none: 'No views in this period yet.',
};

/** @typedef {keyof typeof VI} Key */
const TEXT = { vi: VI, en: EN };
const LOCALE = { vi: 'vi-VN', en: 'en-GB' };

const state = {
  /** @type {Lang} */
  lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi',
  /** @type {Data | null} */
  data: null,
  /** @type {Status} */
  status: { kind: 'idle' },
  /** The article whose days and partners show. */
  article: '',
};

/** The request under way, aborted when a newer one starts: a stale answer never replaces a newer one. */
let inFlight = new AbortController();

/**
 * The element with `id`; the page's markup has every one this script names.
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @returns {T}
 */
function $(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`dashboard.html has no #${id}`);
  return /** @type {T} */ (found);
}

/**
 * The text `key` in the current language, with `values` put in.
 * @param {Key} key
 * @param {Record<string, string>} [values]
 */
function say(key, values = {}) {
  return TEXT[state.lang][key].replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** @param {number} n */
const number = (n) => new Intl.NumberFormat(LOCALE[state.lang]).format(n);

/**
 * A day (`YYYY-MM-DD`, the newsroom's) as people write it; `short`: day and month only.
 * @param {string} day
 * @param {boolean} [short]
 */
function date(day, short = false) {
  /** @type {Intl.DateTimeFormatOptions} */
  const options = short ? { day: 'numeric', month: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
  // A day is a date, not an instant: format it at UTC midnight, in UTC.
  return new Intl.DateTimeFormat(LOCALE[state.lang], { ...options, timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));
}

/**
 * The day `n` days after `day`.
 * @param {string} day
 * @param {number} n
 */
const addDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Today where the browser is. */
function today() {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
}

/**
 * An element with attributes (`class` included) and children.
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * An SVG element with attributes.
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 */
function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/**
 * Fills `table`'s body with `rows` (cells: text or nodes; numbers go right),
 * or with one row saying there is nothing.
 * @param {string} id the table
 * @param {(Node | string | number)[][]} rows
 */
function fill(id, rows) {
  const body = /** @type {HTMLTableSectionElement} */ ($(id).querySelector('tbody'));
  const columns = $(id).querySelectorAll('thead th').length;
  if (rows.length === 0) {
    body.replaceChildren(el('tr', {}, [el('td', { colspan: String(columns), class: 'empty' }, [say('none')])]));
    return;
  }
  body.replaceChildren(
    ...rows.map((cells) =>
      el('tr', {}, cells.map((cell) => (typeof cell === 'number' ? el('td', { class: 'num' }, [number(cell)]) : el('td', {}, [cell])))),
    ),
  );
}

/**
 * Sums `rows`' readers and views by `keyOf` (a Map keeps first-seen order).
 * @template K
 * @param {Row[]} rows
 * @param {(row: Row) => K} keyOf
 * @returns {Map<K, Sum>}
 */
function sumBy(rows, keyOf) {
  /** @type {Map<K, Sum>} */
  const sums = new Map();
  for (const row of rows) {
    const sum = sums.get(keyOf(row)) ?? { readers: 0, views: 0 };
    sum.readers += row.readers;
    sum.views += row.views;
    sums.set(keyOf(row), sum);
  }
  return sums;
}

/**
 * The entries of `sums`, most readers first (then most views).
 * @template K
 * @param {Map<K, Sum>} sums
 */
const ranked = (sums) => [...sums].sort(([, a], [, b]) => b.readers - a.readers || b.views - a.views);

/** @param {Data} data the days of the period, each with its sums (zero when nothing was seen). */
function days(data) {
  const sums = sumBy(data.rows, (row) => row.day);
  /** @type {({ day: string } & Sum)[]} */
  const list = [];
  for (let day = data.from; day <= data.to; day = addDays(day, 1)) list.push({ day, ...(sums.get(day) ?? { readers: 0, views: 0 }) });
  return list;
}

/**
 * Whole-number ticks from 0 past `max`, at most about five.
 * @param {number} max
 */
function ticks(max) {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough);
  const list = [];
  for (let tick = 0; tick < max + step; tick += step) list.push(tick);
  return list;
}

/**
 * Draws readers per day as bars, as wide as the chart's box. Each bar
 * carries its day and numbers (`data-day`, `data-readers`, `data-views`)
 * and a tooltip; the <title> and <desc> say what the chart shows, and the
 * table under it holds the same numbers.
 * @param {Data} data
 */
function drawChart(data) {
  const list = days(data);
  const chart = /** @type {SVGSVGElement} */ (/** @type {unknown} */ ($('chart')));
  const width = Math.max(240, Math.floor($('chart-box').clientWidth));
  const height = width < 480 ? 180 : 240;
  const yTicks = ticks(Math.max(...list.map((d) => d.readers)));
  const top = yTicks[yTicks.length - 1];
  const pad = { top: 22, right: 18, bottom: 26, left: 14 + 8 * number(top).length };
  const plotWidth = width - pad.left - pad.right;
  const plotBottom = height - pad.bottom;
  /** @param {number} n */
  const y = (n) => plotBottom - (n / top) * (plotBottom - pad.top);
  const band = plotWidth / list.length;
  const gap = band > 6 ? band * 0.25 : 0;

  const plot = svg('g', { class: 'plot' });
  for (const tick of yTicks) {
    plot.append(svg('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick) }));
    const label = svg('text', { x: pad.left - 6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    label.textContent = number(tick);
    plot.append(label);
  }
  // Label every few days, the last one always, so labels never overlap.
  const every = Math.ceil(list.length / Math.max(1, Math.floor(plotWidth / 56)));
  list.forEach((d, i) => {
    const x = pad.left + i * band;
    const bar = svg('rect', {
      class: 'bar', x: x + gap / 2, y: y(d.readers), width: Math.max(1, band - gap), height: plotBottom - y(d.readers),
      'data-day': d.day, 'data-readers': d.readers, 'data-views': d.views,
    });
    const tip = svg('title');
    tip.textContent = say('barTitle', { day: date(d.day), readers: number(d.readers), views: number(d.views) });
    bar.append(tip);
    plot.append(bar);
    // The number on top of the bar, where there is room for it.
    if (d.readers > 0 && band >= 16) {
      const value = svg('text', { class: 'value', x: x + band / 2, y: y(d.readers) - 5, 'text-anchor': 'middle', 'data-day': d.day });
      value.textContent = number(d.readers);
      plot.append(value);
    }
    if ((list.length - 1 - i) % every === 0) {
      const label = svg('text', { x: x + band / 2, y: height - 8, 'text-anchor': 'middle' });
      label.textContent = date(d.day, true);
      plot.append(label);
    }
  });
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(height));
  chart.querySelector('g.plot')?.remove();
  chart.append(plot);

  $('chart-title').textContent = say('chartTitle', { from: date(data.from), to: date(data.to) });
  const best = list.reduce((a, b) => (b.readers > a.readers ? b : a));
  const total = sumBy(data.rows, () => 'all').get('all') ?? { readers: 0, views: 0 };
  $('chart-desc').textContent =
    total.views === 0
      ? say('chartEmpty')
      : say('chartDesc', { readers: number(total.readers), views: number(total.views), day: date(best.day), max: number(best.readers) });
  fill('days', list.map((d) => [date(d.day), d.readers, d.views]));
}

/**
 * A partner as the tables show it: its origin, less `https://` (an `http://`
 * origin keeps its scheme, so nothing is hidden), or "no known partner".
 * @param {string | null} origin
 */
const partnerName = (origin) => (origin === null ? el('i', {}, [say('noPartner')]) : origin.replace(/^https:\/\//, ''));

/** @param {Data} data the totals, top articles and top partners. */
function drawTables(data) {
  const total = sumBy(data.rows, () => 'all').get('all') ?? { readers: 0, views: 0 };
  const partners = sumBy(data.rows, (row) => row.partner);
  $('total-readers').textContent = number(total.readers);
  $('total-views').textContent = number(total.views);
  $('total-partners').textContent = number([...partners.keys()].filter((p) => p !== null).length);

  const headlines = new Map(data.articles.map((a) => [a.id, a.headline]));
  fill(
    'top-articles',
    ranked(sumBy(data.rows, (row) => row.article))
      .slice(0, TOP)
      .map(([id, sum]) => {
        // The headline opens the article's days and partners below.
        const open = el('button', { type: 'button', class: 'link', 'data-article': id }, [headlines.get(id) ?? id]);
        return [open, sum.readers, sum.views];
      }),
  );
  fill(
    'top-partners',
    ranked(partners)
      .slice(0, TOP)
      .map(([partner, sum]) => [partnerName(partner), sum.readers, sum.views]),
  );
}

/** @param {Data} data the article chooser, most read first, and the chosen article's rows. */
function drawArticle(data) {
  const readers = sumBy(data.rows, (row) => row.article);
  const articles = [...data.articles].sort(
    (a, b) => (readers.get(b.id)?.readers ?? 0) - (readers.get(a.id)?.readers ?? 0) || a.headline.localeCompare(b.headline, LOCALE[state.lang]),
  );
  if (!articles.some((a) => a.id === state.article)) state.article = articles[0]?.id ?? '';
  const select = /** @type {HTMLSelectElement} */ ($('article'));
  select.replaceChildren(...articles.map((a) => el('option', { value: a.id }, [a.headline])));
  select.value = state.article;
  const chosen = articles.find((a) => a.id === state.article);
  $('article-count').textContent = chosen ? say('articleCount', { count: number(chosen.viewCount) }) : '';
  fill(
    'article-rows',
    data.rows
      .filter((row) => row.article === state.article)
      .map((row) => [date(row.day), partnerName(row.partner), row.readers, row.views]),
  );
}

/** Shows the state: texts in the language, the sign-in form or the board, and what is known. */
function render() {
  const { lang, data, status } = state;
  document.documentElement.lang = lang;
  document.title = say('title');
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = say(/** @type {Key} */ (/** @type {HTMLElement} */ (node).dataset.t));
  const switcher = $('lang');
  switcher.textContent = say('otherLang');
  switcher.lang = lang === 'vi' ? 'en' : 'vi';

  $('sign-in').hidden = data !== null;
  $('board').hidden = data === null;
  $('sign-in-status').textContent = status.kind === 'refused' ? say('wrongToken') : '';
  $('status').textContent =
    status.kind === 'loading' ? say('loading')
    : status.kind === 'failed' ? say('failed', { code: status.code ?? say('offline') })
    : status.kind === 'loaded' && data ? say('loaded', { time: data.at.toLocaleTimeString(LOCALE[lang]) })
    : '';
  if (data) {
    drawChart(data);
    drawTables(data);
    drawArticle(data);
  }
}

/**
 * `path` asked with `token`; throws `'refused'` on 401, the status on another failure.
 * @param {string} path
 * @param {string} token
 * @param {AbortSignal} [signal]
 */
async function ask(path, token, signal) {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store', signal });
  if (response.status === 401) throw 'refused';
  if (!response.ok) throw String(response.status);
  return response;
}

/** Forgets the token and the data; `refused`: because the counter said the token is wrong. */
function signOut(refused = false) {
  inFlight.abort();
  sessionStorage.removeItem(TOKEN_KEY);
  state.data = null;
  state.status = refused ? { kind: 'refused' } : { kind: 'idle' };
  render();
  $('token').focus();
}

/**
 * Loads the period's stats and the articles with the kept token, then shows them.
 * @param {{ focus?: boolean }} [options] `focus`: then move focus to the board (after signing in)
 */
async function load({ focus = false } = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return;
  inFlight.abort();
  inFlight = new AbortController();
  const { signal } = inFlight;
  const period = Number(/** @type {HTMLSelectElement} */ ($('period')).value);
  // The newsroom's day may be a day ahead of the browser's: ask a day more,
  // then show the period's days up to the later of the two.
  const asked = addDays(today(), -period);
  state.status = { kind: 'loading' };
  $('status').textContent = say('loading');
  try {
    const [rows, articles] = await Promise.all([
      ask(`/stats.json?from=${asked}`, token, signal).then((r) => r.json()),
      ask('/articles.json', token, signal).then((r) => r.json()),
    ]);
    /** @type {Row[]} */
    const list = Array.isArray(rows) ? rows : [];
    const to = list.reduce((latest, row) => (row.day > latest ? row.day : latest), today());
    const from = addDays(to, 1 - period);
    state.data = { from, to, rows: list.filter((row) => row.day >= from), articles: Array.isArray(articles) ? articles : [], at: new Date() };
    state.status = { kind: 'loaded' };
    render();
    if (focus) $('chart-heading').focus();
  } catch (problem) {
    if (!signal.aborted) failed(problem);
  }
}

/**
 * Shows that a request failed: signed out on a wrong token, otherwise why.
 * @param {unknown} problem what `ask` threw, or the network's error
 */
function failed(problem) {
  if (problem === 'refused') return signOut(true);
  state.status = { kind: 'failed', code: typeof problem === 'string' ? problem : null };
  render();
}

/** Downloads the period's rows as CSV, as /stats.csv answers them (with the token, so not a plain link). */
async function downloadCsv() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token || !state.data) return;
  const { from, to } = state.data;
  try {
    const blob = await (await ask(`/stats.csv?from=${from}&to=${to}`, token)).blob();
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: `stats-${from}-${to}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    // The download reads the blob after this task: free it a while later.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (problem) {
    failed(problem);
  }
}

$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = /** @type {HTMLInputElement} */ ($('token'));
  const token = input.value.trim();
  if (!token) {
    $('sign-in-status').textContent = say('emptyToken');
    input.focus();
    return;
  }
  input.value = '';
  sessionStorage.setItem(TOKEN_KEY, token);
  load({ focus: true });
});

$('lang').addEventListener('click', () => {
  state.lang = state.lang === 'vi' ? 'en' : 'vi';
  // The address keeps the choice, so a reload or a shared link shows the same language.
  history.replaceState(null, '', state.lang === 'en' ? '?lang=en' : location.pathname);
  render();
});

$('period').addEventListener('change', () => load());
$('refresh').addEventListener('click', () => load());
$('csv').addEventListener('click', () => downloadCsv());
$('sign-out').addEventListener('click', () => signOut());
$('article').addEventListener('change', (event) => {
  state.article = /** @type {HTMLSelectElement} */ (event.target).value;
  if (state.data) drawArticle(state.data);
});
$('top-articles').addEventListener('click', (event) => {
  const open = /** @type {Element} */ (event.target).closest('button[data-article]');
  if (!open || !state.data) return;
  state.article = open.getAttribute('data-article') ?? '';
  drawArticle(state.data);
  $('article-heading').focus();
});

// The chart is drawn to its box's width, so its text stays readable at any width.
let drawnWidth = 0;
new ResizeObserver(() => {
  const width = $('chart-box').clientWidth;
  if (state.data && width !== drawnWidth) {
    drawnWidth = width;
    drawChart(state.data);
  }
}).observe($('chart-box'));

render();
/** @type {HTMLButtonElement} */ ($('sign-in').querySelector('button[type=submit]')).disabled = false;
load();
