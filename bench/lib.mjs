// What every section of `make bench` shares: the pages it serves, one page
// load in a cold browser context with the CPU throttled, the probe every page
// carries (the browser's own paint timing), paired runs, statistics and
// verdicts. Sections (bench/sections/*.mjs) import from here only.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { DIST, manifest } from '../e2e/server.mjs';

/** Runs per figure, after one discarded warm-up run. */
export const RUNS = Number(process.env.BENCH_RUNS || 9);
export const CPU_SLOWDOWN = 4;
/** DevTools' "Slow 4G": a phone on a real network, where overlapping downloads pays. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
/** The timeout of every wait on a page, in ms: a page that never gets there fails the run, loudly. */
export const TIMEOUT = 60000;

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').BrowserContext} Context */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ url: string, close: () => Promise<unknown> }} Server */
/** @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} Route */
/** @typedef {{ offline: boolean, latency: number, downloadThroughput: number, uploadThroughput: number }} Network */
/** @typedef {{ slowdown?: number, network?: Network | null }} Conditions */

// --- the seed and the pages -------------------------------------------------------

/** The seed article, as the build ships it. */
export const seed = JSON.parse(await readFile(`${DIST}site/articles/20122.json`, 'utf8'));
/** The build's version: its module's files are in /v/<version>/. */
export const { version } = await manifest();
/** A whole HTML document around `body`. */
export const html = (body, head = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title>${head}</head><body>${body}</body></html>`;
/** A JSON-only embed of the article at `src`, eager, so every run starts it at once. */
export const embed = (src) => `<news-article src="${src}" loading="eager"></news-article>`;
/** The partner snippet's script tag. */
export const LOADER = '<script src="/news-widget.js" async></script>';

/** A route answering `body` gzipped (like the files, see e2e/server.mjs's `compress`), never cached. */
export function send(type, body) {
  const zipped = gzipSync(body, { level: 9 });
  /** @type {Route} */
  const route = (req, res) =>
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store' }).end(zipped);
  return route;
}
/** A route answering the HTML document `page`. */
export const page = (page) => send('text/html; charset=utf-8', page);

/** An article of `blocks` body blocks and `related` related items, made from the seed's text and photos. */
export function scaled(blocks, related) {
  const pool = seed.body.filter((/** @type {any} */ block) => !block.video);
  return {
    ...seed,
    id: `scale-${blocks}`,
    body: Array.from({ length: blocks }, (_, i) => pool[i % pool.length]),
    related: Array.from({ length: related }, (_, i) => ({ ...seed.related[i % seed.related.length], id: String(900000 + i) })),
  };
}

// --- the probe: what every page records, from before its first script ----------------

/** The user-timing mark the probe makes as it starts: a trace finds the page's thread and clock by it. */
export const PROBE_MARK = 'bench:probe';
/** The binding through which the probe tells node what it saw (see `listen`). */
const BINDING = 'benchTell';

/**
 * In every page: the largest-contentful-paint entries, layout shifts, the
 * widgets' rendered events, and every WebAssembly compilation and
 * instantiation with its start and end (the trace's compile and instantiate).
 * It marks its start (`mark`), and tells node of each paint entry, rendered
 * event and painted frame through the binding `binding`.
 * @param {{ mark: string, binding: string }} names
 */
function probe({ mark, binding }) {
  performance.mark(mark);
  /** @type {any} */
  const bench = (window.bench = { lcp: [], shifts: [], rendered: [], painted: [], wasm: [], compiles: 0, dom: 0 });
  // `document`: this document's, so that node counts a new page load from
  // nothing; only the top page's, as the waits read only its `window.bench`.
  const tell = (/** @type {string} */ kind, /** @type {number} */ value = 0) =>
    window === window.top && /** @type {any} */ (window)[binding]?.(JSON.stringify({ document: performance.timeOrigin, kind, value }));
  new PerformanceObserver((list) => {
    for (const e of /** @type {any[]} */ (list.getEntries())) {
      bench.lcp.push({ at: e.startTime, size: e.size, url: e.url });
      tell('lcp', e.size);
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) =>
    bench.shifts.push(...list.getEntries().map((e) => ({ at: e.startTime, value: /** @type {any} */ (e).value }))),
  ).observe({ type: 'layout-shift', buffered: true });
  bench.arrived = () => /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).responseStart;
  // The frame that shows a change: after the next animation frame's style,
  // layout and paint, a task runs.
  bench.afterPaint = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        bench.painted.push(performance.now());
        tell('painted');
      }),
    );
  document.addEventListener('news-article:rendered', () => {
    bench.rendered.push(performance.now());
    tell('rendered');
  });
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      // instantiate(module) only instantiates; the others compile too.
      const kind = name === 'instantiate' && args[0] instanceof WebAssembly.Module ? 'instantiate' : 'compile';
      if (kind === 'compile') bench.compiles += 1;
      const start = performance.now();
      const result = original.apply(this, args);
      result.then(() => bench.wasm.push({ kind, start, end: performance.now() }), () => {});
      return result;
    };
  }
}

/**
 * What every page of an article is timed by: the browser's first paint of
 * the article's largest text block, as the largest-contentful-paint observer
 * reports it (a text candidate of `size` px², the same element in every page
 * of the article: the widget's, the static HTML's, the pre-rendered one's).
 * Text rather than the final candidate, the first photo: on Slow 4G Chrome
 * left the photo out of some loads of the widget (loaded and complete, but
 * no entry), so that candidate cannot be waited for.
 * @typedef {{ size: number }} Probe
 */

/**
 * Waits for `probe`'s paint; resolves to its time from the host HTML's
 * arrival (its first byte: what no embed can change is left out).
 *
 * A photo whose bytes came before the text's first frame paints in that same
 * frame, and then the observer reports only the photo, the larger of the
 * two: the first entry at least the text's size is the text's paint either way.
 * @param {Page} page
 * @param {Probe} probe
 */
export async function painted(page, { size }) {
  await until(page, (told) => told.lcp.some((s) => s >= size)).catch(async (error) => {
    const seen = await page.evaluate(() => JSON.stringify(window.bench.lcp));
    throw new Error(`${page.url()}: no paint of the article's text (${size} px²); seen ${seen}`, { cause: error });
  });
  return page.evaluate(
    (size) => Math.min(...window.bench.lcp.filter((e) => e.size >= size).map((e) => e.at)) - window.bench.arrived(),
    size,
  );
}

/**
 * Waits until `count` widgets on the page have rendered.
 * @param {Page} page
 */
export const rendered = (page, count = 1) => until(page, (told) => told.rendered >= count);

/**
 * Waits until `count` frames asked for with `window.bench.afterPaint()` have painted.
 * @param {Page} page
 */
export const afterPaints = (page, count = 1) => until(page, (told) => told.painted >= count);

// --- what the probe told node --------------------------------------------------------

/**
 * What a page's probe has told node so far: the sizes of its largest-contentful-paint
 * entries, and how many rendered events and painted frames it has seen.
 * @typedef {{ lcp: number[], rendered: number, painted: number }} Told
 */

/** @type {() => Told} */
const nothingTold = () => ({ lcp: [], rendered: 0, painted: 0 });

/** @type {WeakMap<Page, { document: number, told: Told, changed: Set<() => void> }>} */
const listeners = new WeakMap();

/**
 * Listens to `page`'s probe (through a CDP binding), so that the waits on a
 * page listen rather than poll it: Playwright's waitForFunction runs its
 * injected script in the page, in the middle of the load being timed.
 * @param {Page} page
 * @param {import('playwright-core').CDPSession} cdp
 */
async function listen(page, cdp) {
  const state = { document: 0, told: nothingTold(), changed: new Set() };
  listeners.set(page, state);
  cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name !== BINDING) return;
    const { document, kind, value } = JSON.parse(payload);
    if (document !== state.document) Object.assign(state, { document, told: nothingTold() });
    if (kind === 'lcp') state.told.lcp.push(value);
    else if (kind === 'rendered' || kind === 'painted') state.told[kind] += 1;
    for (const check of state.changed) check();
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: BINDING });
}

/**
 * Resolves once `test` holds of what the probe of `page`'s current document
 * told; rejects after TIMEOUT ms, or at once if the page closes or crashes.
 * @param {Page} page
 * @param {(told: Told) => boolean} test
 */
function until(page, test) {
  const state = listeners.get(page);
  if (!state) return Promise.reject(new Error('until: a page made by `prepare` only'));
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!test(state.told)) return;
      finish();
      resolve(undefined);
    };
    const fail = (/** @type {string} */ why) => () => {
      finish();
      reject(new Error(`${page.url()}: ${why}; the probe told ${JSON.stringify(state.told)}`));
    };
    const timer = setTimeout(fail(`waited ${TIMEOUT} ms`), TIMEOUT);
    const closed = fail('the page closed');
    const crashed = fail('the page crashed');
    const finish = () => {
      clearTimeout(timer);
      state.changed.delete(check);
      page.off('close', closed);
      page.off('crash', crashed);
    };
    page.once('close', closed);
    page.once('crash', crashed);
    state.changed.add(check);
    check();
  });
}

// --- page loads ------------------------------------------------------------------

/**
 * Opens `path` in a fresh context (cold cache) and runs `measure(page, requests)`.
 * @template T
 * @param {Browser} browser
 * @param {Server} server
 * @param {string} path
 * @param {(page: Page, requests: string[]) => Promise<T>} measure
 * @param {Conditions} [conditions]
 */
export async function visit(browser, server, path, measure, conditions) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    return await load(context, server, path, measure, conditions);
  } finally {
    await context.close();
  }
}

/**
 * One page load of `path` in `context` (whose cache it shares), the CPU slowed
 * down and the network as given, measured by `measure(page, requests)`.
 * @template T
 * @param {Context} context
 * @param {Server} server
 * @param {string} path
 * @param {(page: Page, requests: string[]) => Promise<T>} measure
 * @param {Conditions} [conditions]
 */
export async function load(context, server, path, measure, conditions) {
  const page = await prepare(context, conditions);
  try {
    /** @type {string[]} */
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url + path);
    return await measure(page, requests);
  } finally {
    await page.close();
  }
}

/**
 * A new page in `context` with the probe, the CPU slowed down and the network as given.
 * @param {Context} context
 * @param {Conditions} [conditions]
 */
export async function prepare(context, { slowdown = CPU_SLOWDOWN, network = null } = {}) {
  const page = await context.newPage();
  await page.addInitScript(probe, { mark: PROBE_MARK, binding: BINDING });
  const cdp = await context.newCDPSession(page);
  await listen(page, cdp);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  return page;
}

/**
 * Runs `once` `runs` times after one discarded warm-up run (the first page load of a browser is slower).
 * @template T
 * @param {() => Promise<T>} once
 */
export async function repeat(once, runs = RUNS) {
  await once();
  const values = [];
  for (let i = 0; i < runs; i += 1) values.push(await once());
  return values;
}

/**
 * Like `repeat` for two measures, alternating them in pairs so that drift in the machine's load hits both alike.
 * @template A, B
 * @param {() => Promise<A>} a
 * @param {() => Promise<B>} b
 * @returns {Promise<[A[], B[]]>}
 */
export async function pairs(a, b, runs = RUNS) {
  const results = await repeat(async () => /** @type {[A, B]} */ ([await a(), await b()]), runs);
  return [results.map((r) => r[0]), results.map((r) => r[1])];
}

// --- statistics -------------------------------------------------------------------

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A fixed-seed generator (mulberry32): the same runs give the same bands. */
function random(seed = 0x5eed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The 5th and 95th percentiles of `statistic` over 2,000 bootstrap resamples of
 * `samples` (whole pairs are resampled, so a pair's two halves stay together).
 * @template T
 * @param {T[]} samples
 * @param {(resample: T[]) => number} statistic
 */
function bootstrap(samples, statistic) {
  const next = random();
  const values = Array.from({ length: 2000 }, () =>
    statistic(samples.map(() => samples[Math.floor(next() * samples.length)])),
  ).sort((a, b) => a - b);
  return { low: values[Math.floor(values.length * 0.05)], high: values[Math.floor(values.length * 0.95)] };
}

/**
 * The ratio of the medians of paired runs `a` / `b`, with its bootstrap band.
 * @param {number[]} a
 * @param {number[]} b
 */
export function ratio(a, b) {
  const pairs = a.map((x, i) => [x, b[i]]);
  const of = (/** @type {number[][]} */ sample) => median(sample.map((p) => p[0])) / median(sample.map((p) => p[1]));
  return { value: of(pairs), ...bootstrap(pairs, of) };
}

/**
 * The median of `values`, with its bootstrap band.
 * @param {number[]} values
 */
export function middle(values) {
  return { value: median(values), ...bootstrap(values, median) };
}

/**
 * The noise band of a ratio: where an A/A ratio (a page against itself, the
 * same pairing) lands, 5th to 95th percentile of its bootstrap. A ratio `r`
 * measured the same way is the true ratio times noise in [low, high], so the
 * true ratio is within r / high … r / low.
 * @typedef {{ value: number, low: number, high: number }} Band
 */

/**
 * A measured figure against its budget: "met" when even the top of its noise
 * band is within the limit, "not met" when even the bottom is over it, else
 * "within noise".
 * @param {{ low: number, high: number }} interval
 * @param {number} limit
 * @returns {'met' | 'not met' | 'within noise'}
 */
export function verdict({ low, high }, limit) {
  if (high <= limit) return 'met';
  if (low > limit) return 'not met';
  return 'within noise';
}

/**
 * A ratio's interval under the A/A noise band `noise`.
 * @param {number} value
 * @param {Band} noise
 */
export const underNoise = (value, noise) => ({ low: value / noise.high, high: value / noise.low });

// --- formatting -------------------------------------------------------------------

/** @param {number} v */
export const ms = (v) => `${v.toFixed(1)} ms`;
/** @param {number} n */
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
/** @param {number} n */
export const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
/** @param {number} r */
export const times = (r) => `${r.toFixed(2)}x`;
/** The median and the min–max of `values`, in ms. */
export function spread(/** @type {number[]} */ values) {
  return `${ms(median(values))} (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
}
/** A band as text: "0.95–1.06". */
export const band = (/** @type {{ low: number, high: number }} */ b, digits = 2) => `${b.low.toFixed(digits)}–${b.high.toFixed(digits)}`;

// --- the static pages every ratio compares against --------------------------------

/**
 * The article of the widget page at `path` as static HTML: the widget's own
 * rendered markup and stylesheet in a declarative shadow root, and no script;
 * made once per path and served at `${path}.static.html`. Resolves to that
 * path and to the probe that times every page of the article, read from the
 * widget page (its largest text candidate, the frames after its rendered
 * event being out).
 * @param {{ browser: Browser, server: Server, routes: Record<string, Route> }} bench
 * @param {string} path
 * @returns {Promise<{ path: string, probe: Probe }>}
 */
export async function staticOf({ browser, server, routes }, path) {
  const at = `${path}.static.html`;
  const known = probes.get(at);
  if (known) return { path: at, probe: known };
  // The text has no entry of its own when the first photo painted in its
  // frame (see `painted`): another load, another race.
  for (let attempt = 1; ; attempt += 1) {
    const { markup, size } = await visit(browser, server, path, async (page) => {
      await rendered(page);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))));
      return page.evaluate(() => ({
        markup: document.querySelector('news-article').shadowRoot.querySelector('.nw').outerHTML,
        size: Math.max(0, ...window.bench.lcp.filter((e) => !e.url).map((e) => e.size)),
      }));
    });
    if (size) return made(routes, at, markup, { size });
    if (attempt === 5) throw new Error(`${path}: the widget's article painted no text candidate in ${attempt} loads`);
  }
}

/**
 * Serves the article's `markup` as static HTML at `at`, timed by `probe`.
 * @param {Record<string, Route>} routes
 * @param {string} at
 * @param {string} markup
 * @param {Probe} probe
 */
function made(routes, at, markup, probe) {
  const shadow = `<template shadowrootmode="open"><link rel="stylesheet" href="/v/${version}/news-widget.css">${markup}</template>`;
  routes[at] = page(html(`<news-article>${shadow}</news-article>`));
  probes.set(at, probe);
  return { path: at, probe };
}
/** @type {Map<string, Probe>} */
const probes = new Map();

/** The JSON-only embed of the seed, which most sections load. */
export const SEED_PAGE = '/bench/widget.html';

/**
 * Adds the seed's widget page to `routes` (once); resolves to its path.
 * @param {Record<string, Route>} routes
 */
export function seedPage(routes) {
  routes[SEED_PAGE] ??= page(html(embed('/site/articles/20122.json') + LOADER));
  return SEED_PAGE;
}
