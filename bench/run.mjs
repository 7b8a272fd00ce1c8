// make bench: the widget's size and speed, measured in Debian's headless
// Chromium against pages served gzipped on 127.0.0.1. Every page load runs in a new
// browser context (cold cache) with the CPU throttled 4x through the DevTools
// protocol. Prints a table of medians with their spread (min–max), writes it
// to bench/results.md and appends a line to bench/history.tsv.
//
// A benchmark, not a test: nothing here passes or fails.
import { execSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from '../e2e/browser.mjs';
import { DIST, manifest, serve } from '../e2e/server.mjs';
import { GZIP_BUDGET, widgetSizes } from './sizes.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const CPU_SLOWDOWN = 4;
/** DevTools' "Slow 4G": a phone on a real network, where overlapping downloads pays. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const HERE = fileURLToPath(new URL('.', import.meta.url));
const HISTORY_LINES = 30;

const seed = JSON.parse(await readFile(`${DIST}site/articles/20122.json`, 'utf8'));
/** The build's version: its module's files are in /v/<version>/. */
const { version } = await manifest();
const samples = ['20122', '20125', '20121', '20118', '20115', '20110', '20104'];

// --- pages ------------------------------------------------------------------

const html = (body, head = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title>${head}</head><body>${body}</body></html>`;
const widget = (src, extra = '') => `<news-article src="${src}" loading="eager"${extra}></news-article>`;
const loader = '<script src="/news-widget.js" async></script>';

/** An article of `blocks` body blocks and `related` related items, made from the seed's text and photos. */
function scaled(blocks, related) {
  const pool = seed.body.filter((block) => !block.video);
  return {
    ...seed,
    id: `scale-${blocks}`,
    body: Array.from({ length: blocks }, (_, i) => pool[i % pool.length]),
    related: Array.from({ length: related }, (_, i) => ({
      ...seed.related[i % seed.related.length],
      id: String(900000 + i),
    })),
  };
}

const SCALES = [
  [500, 125],
  [1000, 250],
  [2000, 500],
];

// Generated pages and articles go out gzipped too, like the files (see `serve`).
const send = (type, body) => {
  const zipped = gzipSync(body, { level: 9 });
  return (req, res) => {
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store' });
    res.end(zipped);
  };
};
/** A route answering with a host page of `body`. */
const hostPage = (body, head) => send('text/html; charset=utf-8', html(body, head));

const routes = {
  '/bench/widget.html': hostPage(widget('/site/articles/20122.json') + loader),
  '/bench/many.html': hostPage(
    Array.from({ length: 20 }, (_, i) => widget(`/site/articles/${samples[i % samples.length]}.json`)).join('') +
      loader,
  ),
};
for (const [blocks, related] of SCALES) {
  const json = JSON.stringify(scaled(blocks, related));
  routes[`/site/articles/scale-${blocks}.json`] = send('application/json', json);
  routes[`/bench/scale-${blocks}.html`] = hostPage(widget(`/site/articles/scale-${blocks}.json`) + loader);
}

// --- measuring ----------------------------------------------------------------

/** In every page: when each widget rendered, and every WebAssembly compilation. */
function instrument() {
  window.bench = { rendered: [], painted: [], shown: [], shifts: [], compiles: 0 };
  new PerformanceObserver((list) =>
    window.bench.shifts.push(...list.getEntries().map((e) => ({ at: e.startTime, value: /** @type {any} */ (e).value }))),
  ).observe({ type: 'layout-shift', buffered: true });
  // The frame that shows it: after the next animation frame's style, layout
  // and paint, a task runs (the static page is measured the same way).
  window.bench.afterPaint = (list) =>
    requestAnimationFrame(() => setTimeout(() => list.push(performance.now())));
  document.addEventListener('news-article:rendered', () => {
    window.bench.rendered.push(performance.now());
    window.bench.afterPaint(window.bench.painted);
  });
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      // instantiate(module) only instantiates; instantiate(bytes) compiles too.
      if (name !== 'instantiate' || !(args[0] instanceof WebAssembly.Module)) window.bench.compiles += 1;
      return original.apply(this, args);
    };
  }
}

/**
 * Opens `path` in a fresh context (cold cache) with the CPU slowed down (and
 * optionally the network conditions given), runs `measure(page, requests)`.
 */
async function visit(browser, server, path, measure, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    return await load(context, server, path, measure, options);
  } finally {
    await context.close();
  }
}

/** One page load of `path` in `context` (whose cache it shares), measured by `measure`. */
async function load(context, server, path, measure, { slowdown = CPU_SLOWDOWN, network = null } = {}) {
  const page = await context.newPage();
  try {
    await page.addInitScript(instrument);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url + path);
    return await measure(page, requests);
  } finally {
    await page.close();
  }
}

const renderedCount = (page, n) =>
  page.waitForFunction((n) => window.bench.rendered.length >= n, n, { timeout: 60000, polling: 5 });

/**
 * Time from navigation start to the first news-article:rendered, and to the
 * frame painted after it; and that frame from the host HTML's arrival (its
 * first byte), which leaves out what no embed can change.
 */
async function timeToRendered(page) {
  await page.waitForFunction(() => window.bench.painted.length, null, { timeout: 60000, polling: 5 });
  return page.evaluate(() => {
    const arrived = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).responseStart;
    return { event: window.bench.rendered[0], painted: window.bench.painted[0], fromHtml: window.bench.painted[0] - arrived };
  });
}

/** The wasm linear memory in bytes (the bindings module is shared, so init() returns the live instance). */
const wasmMemory = (page) =>
  page.evaluate(async (version) => (await (await import(`/v/${version}/news_widget.js`)).default()).memory.buffer.byteLength, version);

/** An article as static HTML: the widget's own rendered markup (on `path`) in a declarative shadow root. */
async function staticPage(browser, server, path = '/bench/widget.html') {
  return visit(browser, server, path, async (page) => {
    await renderedCount(page, 1);
    const markup = await page.evaluate(() => document.querySelector('news-article').shadowRoot.querySelector('.nw').outerHTML);
    // Ready when the markup is parsed and its stylesheet applied, like the widget's rendered event.
    const head = `<script>window.ready = new Promise((r) => (window.styled = r));</script>`;
    return html(
      `<news-article><template shadowrootmode="open"><link rel="stylesheet" href="/v/${version}/news-widget.css" onload="styled()">${markup}</template></news-article>` +
        `<script>window.ready.then(() => { window.bench.rendered.push(performance.now()); window.bench.afterPaint(window.bench.painted); });</script>`,
      head,
    );
  });
}


/**
 * Click on the first related item → the new article: its headline in the DOM
 * (a MutationObserver on the shadow root), the news-article:rendered event,
 * and the frame painted after the DOM changed. `prefetched`: hovered first,
 * and its JSON downloaded and parsed before the click.
 */
async function relatedClick(page, prefetched) {
  await renderedCount(page, 1);
  const link = page.locator('news-article .nw-related a').first();
  if (prefetched) {
    const response = page.waitForResponse((r) => r.url().endsWith(seed.related[0].src));
    await link.hover();
    await response;
    await page.waitForTimeout(200); // let the parse finish
  }
  const clicked = await link.evaluate((a) => {
    const shadow = a.getRootNode();
    const before = shadow.querySelector('h2').textContent;
    new MutationObserver((_, observer) => {
      if (shadow.querySelector('h2')?.textContent === before) return;
      observer.disconnect();
      window.bench.dom = performance.now();
      window.bench.afterPaint(window.bench.painted);
    }).observe(shadow, { subtree: true, childList: true, characterData: true });
    const at = performance.now();
    a.click();
    return at;
  });
  await renderedCount(page, 2);
  await page.waitForFunction(() => window.bench.painted.length >= 2, null, { timeout: 60000, polling: 5 });
  const { dom, rendered, painted } = await page.evaluate(() => ({
    dom: window.bench.dom,
    rendered: window.bench.rendered[1],
    painted: window.bench.painted.at(-1),
  }));
  // The observer runs at the end of the task that changed the DOM, which may come after the event.
  return { dom: Math.min(dom, rendered) - clicked, event: rendered - clicked, painted: painted - clicked };
}

/** Runs `once` `runs` times after one discarded warm-up run (the first page load of a browser is slower). */
async function repeat(runs, once) {
  await once();
  const values = [];
  for (let i = 0; i < runs; i += 1) values.push(await once());
  return values;
}

/** Like `repeat` for two measures, alternating them so drift in the machine's load hits both alike. */
async function pairs(runs, a, b) {
  const results = await repeat(runs, async () => [await a(), await b()]);
  return [results.map((r) => r[0]), results.map((r) => r[1])];
}

// --- reporting ----------------------------------------------------------------

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}
const ms = (v) => `${v.toFixed(1)} ms`;
const spread = (values) => {
  const s = stats(values);
  return `${ms(s.median)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;

// --- sections: each prints its table and returns its figures for the history -------

async function sizesSection() {
  const sizes = await widgetSizes(DIST);
  out('## 1. Bytes a partner page downloads for the widget');
  out();
  out('| file | raw | gzip | brotli |');
  out('|---|---:|---:|---:|');
  for (const f of [...sizes.files, sizes.total]) out(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  out();
  out(`Budget ${kb(GZIP_BUDGET)} gzip: ${sizes.total.gzip <= GZIP_BUDGET ? 'met' : 'NOT met'} (${(sizes.total.gzip / GZIP_BUDGET).toFixed(2)}x).`);
  out();
  return { gzip_bytes: sizes.total.gzip };
}

async function firstRenderSection() {
  routes['/bench/static.html'] ??= send('text/html; charset=utf-8', await staticPage(browser, server));
  const both = (options) =>
    pairs(
      RUNS,
      () => visit(browser, server, '/bench/widget.html', timeToRendered, options),
      () => visit(browser, server, '/bench/static.html', timeToRendered, options),
    );
  const [widgetTimes, staticTimes] = await both();
  const [widgetSlow, staticSlow] = await both({ network: SLOW_4G });
  const median = (runs, key) => stats(runs.map((r) => r[key])).median;
  const ratio = median(widgetTimes, 'painted') / median(staticTimes, 'painted');
  const ratioSlow = median(widgetSlow, 'painted') / median(staticSlow, 'painted');
  out('## 2. Navigation start → seed article on screen');
  out();
  out('"ready": the news-article:rendered event, or for the static page its markup parsed and stylesheet loaded.');
  out('"painted": the first frame after that (style, layout and paint of the article included).');
  out();
  out('"from the HTML": the painted frame timed from the host HTML\'s first byte instead of navigation start.');
  out();
  out('| page | ready | painted | painted, from the HTML |');
  out('|---|---:|---:|---:|');
  const row = (name, runs) =>
    out(`| ${name} | ${['event', 'painted', 'fromHtml'].map((k) => spread(runs.map((r) => r[k]))).join(' | ')} |`);
  const ratios = (a, b) => `| | ${(median(a, 'painted') / median(b, 'painted')).toFixed(2)}x | ${(median(a, 'fromHtml') / median(b, 'fromHtml')).toFixed(2)}x |`;
  row('widget', widgetTimes);
  row('static HTML, same markup and CSS', staticTimes);
  out(`| ratio widget / static (budget 1.5x) ${ratios(widgetTimes, staticTimes)}`);
  row('widget, Slow 4G (150 ms, 1.6 Mbit/s)', widgetSlow);
  row('static HTML, Slow 4G', staticSlow);
  out(`| ratio widget / static, Slow 4G ${ratios(widgetSlow, staticSlow)}`);
  out();
  const fromHtml = median(widgetTimes, 'fromHtml') / median(staticTimes, 'fromHtml');
  return { painted_ms: median(widgetTimes, 'painted'), vs_static: ratio, vs_static_html: fromHtml, vs_static_slow4g: ratioSlow };
}

/** The seed's pre-rendered snippet (dist/embed, made by `news-widget build`), its stylesheet's load timed. */
async function prerenderedPage() {
  const snippet = await readFile(`${DIST}embed/20122.vi.html`, 'utf8');
  // "shown": the frame after the snippet's stylesheet loaded, as for the static page.
  return html(snippet.replace('<link rel="stylesheet"', '<link rel="stylesheet" onload="window.bench.afterPaint(window.bench.shown)"'));
}

/**
 * The pre-rendered page: the article painted (from navigation start and from
 * the HTML's arrival), the takeover (the rendered event: from then on a
 * related click opens in place), and the layout shift after the article showed.
 */
async function timePrerendered(page) {
  await page.waitForFunction(() => window.bench.shown.length && window.bench.painted.length, null, { timeout: 60000, polling: 5 });
  return page.evaluate(() => {
    const arrived = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).responseStart;
    const shown = window.bench.shown[0];
    const shift = window.bench.shifts.filter((s) => s.at >= shown - 20).reduce((sum, s) => sum + s.value, 0);
    return { painted: shown, fromHtml: shown - arrived, takeover: window.bench.rendered[0], shift };
  });
}

async function prerenderedSection() {
  routes['/bench/prerendered.html'] = send('text/html; charset=utf-8', await prerenderedPage());
  routes['/bench/static.html'] ??= send('text/html; charset=utf-8', await staticPage(browser, server));
  const both = (options) =>
    pairs(
      RUNS,
      () => visit(browser, server, '/bench/prerendered.html', timePrerendered, options),
      () => visit(browser, server, '/bench/static.html', timeToRendered, options),
    );
  const [pre, still] = await both();
  const [preSlow, stillSlow] = await both({ network: SLOW_4G });
  const median = (runs, key) => stats(runs.map((r) => r[key])).median;
  out('## 3. Pre-rendered embed (the article in the page\'s HTML) against static HTML');
  out();
  out('"painted": the frame after the snippet\'s stylesheet loaded (for static HTML: the same); "takeover": the');
  out('news-article:rendered event of the live widget, from when a related click opens in place; "layout shift":');
  out('the sum of layout-shift values after the article first showed (the takeover included).');
  out();
  out('| page | painted | painted, from the HTML | takeover | layout shift |');
  out('|---|---:|---:|---:|---:|');
  const row = (name, runs, takeover) =>
    out(
      `| ${name} | ${spread(runs.map((r) => r.painted))} | ${spread(runs.map((r) => r.fromHtml))} | ` +
        `${takeover ? spread(runs.map((r) => r.takeover)) : ''} | ${takeover ? stats(runs.map((r) => r.shift)).max.toFixed(4) : ''} |`,
    );
  const ratio = (a, b) => `${(median(a, 'painted') / median(b, 'painted')).toFixed(2)}x | ${(median(a, 'fromHtml') / median(b, 'fromHtml')).toFixed(2)}x`;
  row('pre-rendered embed', pre, true);
  row('static HTML', still, false);
  out(`| ratio pre-rendered / static (budget 1.1x, from the HTML) | ${ratio(pre, still)} | | |`);
  row('pre-rendered embed, Slow 4G', preSlow, true);
  row('static HTML, Slow 4G', stillSlow, false);
  out(`| ratio pre-rendered / static, Slow 4G | ${ratio(preSlow, stillSlow)} | | |`);
  out();
  out('Layout shift: the largest sum over the runs.');
  out();
  return {
    prerendered_vs_static_html: median(pre, 'fromHtml') / median(still, 'fromHtml'),
    prerendered_takeover_ms: median(pre, 'takeover'),
  };
}

async function repeatSection() {
  // A first view, then a repeat view in the same browser profile: the widget's
  // files come from the cache (v/ is immutable), the loader is revalidated.
  const views = (options) =>
    repeat(RUNS, async () => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      try {
        const first = await load(context, server, '/bench/widget.html', timeToRendered, options);
        const again = await load(context, server, '/bench/widget.html', timeToRendered, options);
        return { first: first.fromHtml, repeat: again.fromHtml };
      } finally {
        await context.close();
      }
    });
  const fast = await views();
  const slow = await views({ network: SLOW_4G });
  const median = (runs, key) => stats(runs.map((r) => r[key])).median;
  out('## 4. Repeat view: the JSON-only embed, painted, timed from the HTML\'s arrival');
  out();
  out('| view | 4x CPU | Slow 4G |');
  out('|---|---:|---:|');
  out(`| first view (cold cache) | ${spread(fast.map((r) => r.first))} | ${spread(slow.map((r) => r.first))} |`);
  out(`| repeat view (loader revalidated, the rest cached) | ${spread(fast.map((r) => r.repeat))} | ${spread(slow.map((r) => r.repeat))} |`);
  out(`| ratio repeat / first | ${(median(fast, 'repeat') / median(fast, 'first')).toFixed(2)}x | ${(median(slow, 'repeat') / median(slow, 'first')).toFixed(2)}x |`);
  out();
  return { repeat_view_ms: median(fast, 'repeat'), repeat_view_slow4g_ms: median(slow, 'repeat') };
}

async function clickSection() {
  const [warm, cold] = await pairs(
    RUNS,
    () => visit(browser, server, '/bench/widget.html', (p) => relatedClick(p, true)),
    () => visit(browser, server, '/bench/widget.html', (p) => relatedClick(p, false)),
  );
  const unthrottled = await repeat(RUNS, () =>
    visit(browser, server, '/bench/widget.html', (p) => relatedClick(p, true), { slowdown: 1 }),
  );
  out('## 5. Click on a related item → new article');
  out();
  out('"in the DOM": its headline replaced the old one; "rendered": the news-article:rendered event');
  out('(Yew runs effects after yielding to the browser, so one frame later); "painted": the frame after the DOM change.');
  out();
  out('| related article | in the DOM | rendered | painted |');
  out('|---|---:|---:|---:|');
  const row = (name, runs) =>
    out(`| ${name} | ${['dom', 'event', 'painted'].map((k) => spread(runs.map((r) => r[k]))).join(' | ')} |`);
  row('prefetched (budget 16 ms)', warm);
  row('not prefetched', cold);
  row('prefetched, CPU not throttled', unthrottled);
  out();
  const median = (runs, key) => stats(runs.map((r) => r[key])).median;
  return { prefetched_click_ms: median(warm, 'dom'), click_ms: median(cold, 'dom') };
}

async function scalingSection() {
  out('## 6. Scaling: navigation start → painted, against the same article as static HTML, and wasm memory');
  out();
  out('| body blocks / related | widget | static HTML | ratio (budget 1.3x) | wasm memory |');
  out('|---|---:|---:|---:|---:|');
  const scaling = [];
  for (const [blocks, related] of SCALES) {
    routes[`/bench/scale-${blocks}-static.html`] = send(
      'text/html; charset=utf-8',
      await staticPage(browser, server, `/bench/scale-${blocks}.html`),
    );
    const [runs, statics] = await pairs(
      RUNS,
      () =>
        visit(browser, server, `/bench/scale-${blocks}.html`, async (p) => ({
          time: (await timeToRendered(p)).painted,
          memory: await wasmMemory(p),
        })),
      () => visit(browser, server, `/bench/scale-${blocks}-static.html`, async (p) => (await timeToRendered(p)).painted),
    );
    const time = stats(runs.map((r) => r.time));
    const still = stats(statics);
    const memory = stats(runs.map((r) => r.memory)).median;
    scaling.push({ blocks, time: time.median, memory, ratio: time.median / still.median });
    out(
      `| ${blocks} / ${related} | ${spread(runs.map((r) => r.time))} | ${spread(statics)} | ${(time.median / still.median).toFixed(2)}x | ${mb(memory)} |`,
    );
  }
  const [quarter, half, full] = scaling;
  out();
  out(
    `Growth per doubling (2x is linear): time ${(half.time / quarter.time).toFixed(2)}x, ${(full.time / half.time).toFixed(2)}x; ` +
      `memory ${(half.memory / quarter.memory).toFixed(2)}x, ${(full.memory / half.memory).toFixed(2)}x.`,
  );
  const slope = (key) => (full[key] - quarter[key]) / ((full.blocks - quarter.blocks) / 1000);
  out(`Marginal cost per 1,000 more blocks (and 250 more related): ${ms(slope('time'))}, ${mb(slope('memory'))}.`);
  out();
  return { scale2000_ms: full.time, scale2000_vs_static: full.ratio, scale2000_memory: full.memory };
}

async function manySection() {
  const many = await repeat(RUNS, () =>
    visit(browser, server, '/bench/many.html', async (p, requests) => {
      await renderedCount(p, 20);
      return {
        first: await p.evaluate(() => window.bench.rendered[0]),
        time: await p.evaluate(() => Math.max(...window.bench.rendered.slice(0, 20))),
        fetches: requests.filter((r) => r.endsWith('.wasm')).length,
        compiles: await p.evaluate(() => window.bench.compiles),
      };
    }),
  );
  const once = (key) => [...new Set(many.map((r) => r[key]))].join('/');
  out('## 7. Twenty widgets on one page');
  out();
  out('| measure | value |');
  out('|---|---:|');
  out(`| navigation start → first rendered | ${spread(many.map((r) => r.first))} |`);
  out(`| navigation start → all 20 rendered | ${spread(many.map((r) => r.time))} |`);
  out(`| wasm fetches per page load | ${once('fetches')} |`);
  out(`| wasm compilations per page load | ${once('compiles')} |`);
  out();
  return { widgets20_ms: stats(many.map((r) => r.time)).median };
}

// --- main ----------------------------------------------------------------------

const SECTIONS = [sizesSection, firstRenderSection, prerenderedSection, repeatSection, clickSection, scalingSection, manySection];
// BENCH_ONLY=3 (or 2,3) runs those sections alone, and writes no files.
const only = process.env.BENCH_ONLY?.split(',').map(Number);
const HISTORY = ['gzip_bytes', 'painted_ms', 'vs_static', 'vs_static_html', 'vs_static_slow4g', 'prerendered_vs_static_html', 'prerendered_takeover_ms', 'repeat_view_ms', 'repeat_view_slow4g_ms', 'prefetched_click_ms', 'click_ms', 'scale2000_ms', 'scale2000_vs_static', 'scale2000_memory', 'widgets20_ms'];

const server = await serve({ routes, compress: true });
const browser = await launch();
const lines = [];
function out(line = '') {
  lines.push(line);
  console.log(line);
}
// BENCH_DIST (e2e/server.mjs) serves another build; BENCH_LABEL names it in the results.
const commit = process.env.BENCH_LABEL || execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');

try {
  out(`# news-widget benchmark`);
  out();
  out(`${when} UTC, commit ${commit}; Chromium headless, CPU throttled ${CPU_SLOWDOWN}x, cold cache, 127.0.0.1.`);
  out(`Timings: median (min–max) of ${RUNS} runs, after one warm-up run.`);
  out();
  const figures = {};
  for (const [i, section] of SECTIONS.entries()) {
    if (!only || only.includes(i + 1)) Object.assign(figures, await section());
  }
  if (!only) {
    await writeFile(`${HERE}results.md`, lines.join('\n'));
    const columns = ['when', 'commit', ...HISTORY];
    const figure = (k) => (k.endsWith('_ms') ? figures[k].toFixed(1) : k.includes('vs_') ? figures[k].toFixed(2) : figures[k]);
    const row = [when, commit, ...HISTORY.map(figure)];
    const [oldHeader, ...oldRows] = (await readFile(`${HERE}history.tsv`, 'utf8').catch(() => '')).trim().split('\n');
    // Rows written before a column was added get an empty cell there.
    const oldColumns = (oldHeader || '').split('\t');
    const rows = oldRows
      .filter(Boolean)
      .map((line) => {
        const cells = line.split('\t');
        return columns.map((c) => cells[oldColumns.indexOf(c)] ?? '').join('\t');
      });
    await writeFile(
      `${HERE}history.tsv`,
      [columns.join('\t'), ...rows.slice(1 - HISTORY_LINES), row.join('\t')].join('\n') + '\n',
    );
    console.log('\nWritten to bench/results.md; appended to bench/history.tsv.');
  }
} finally {
  await browser.close();
  await server.close();
}
