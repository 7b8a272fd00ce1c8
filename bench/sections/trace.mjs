// A trace of one JSON-only load, part by part: when each file arrived, the
// module's compilation and instantiation (the probe's wrappers around
// WebAssembly's), the parts inside the module (user timing that only a
// `bench-marks` build emits, src/marks.rs: mount, JSON parse, render), and
// the main thread's time by kind from a Chromium trace (script, wasm
// compile, style, layout, paint, GC), from the host HTML's arrival to the seed's text painted.
// `make bench` builds that build into target/dist-bench (BENCH_MARKS_DIST).
import { fileURLToPath } from 'node:url';
import { launch } from '../../e2e/browser.mjs';
import { serve } from '../../e2e/server.mjs';
import { LOADER, PROBE_MARK, band, embed, html, median, middle, ms, page, painted, pairs, prepare, rendered, repeat, seedPage, spread, staticOf, verdict, visit } from '../lib.mjs';

const MARKS_DIST = process.env.BENCH_MARKS_DIST || fileURLToPath(new URL('../../target/dist-bench/', import.meta.url));
const PATH = '/bench/trace.html';
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel', 'v8', 'v8.wasm', 'loading'];

/** The main thread's time by kind: trace event names, and the kind they count to. */
const KINDS = {
  style: ['UpdateLayoutTree', 'RecalculateStyles'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'UpdateLayer', 'Commit', 'CompositeLayers'],
  gc: ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase'],
  // The module's compilation on the main thread: streaming, and each function's on its first call (lazy).
  'wasm compile': ['wasm.CompileLazy', 'v8.wasm.compileLazy', 'v8.wasm.compileConsume', 'wasm.OnBytesReceived', 'wasm.SyncCompile', 'v8.wasm.streamFromResponseCallback'],
  script: ['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'RunMicrotasks', 'EventDispatch', 'FireAnimationFrame', 'v8.compile', 'v8.callFunction', 'v8.run', 'ParseHTML'],
  // Committing the navigation and setting up the document: the same for every page.
  navigation: ['DocumentLoader::CommitNavigation', 'DocumentLoader::StartLoadingResponse', 'DocumentLoader::CreateParserPostCommit', 'LocalWindowProxy::Initialize', 'DocumentLoader::HandleData'],
};

/** The parts of a load, by the names the table prints. */
const PART = {
  loader: 'loader (news-widget.js) downloaded',
  loaderRuns: 'evaluation of the loader (its first run)',
  module: 'module (.wasm) downloaded',
  stylesheet: 'stylesheet downloaded',
  json: 'article JSON downloaded',
  compile: 'compile (WebAssembly.compileStreaming)',
  instantiate: 'instantiate',
  mount: 'mount (the app created, its first render)',
  parse: 'JSON parse (serde_json, URLs resolved)',
  render: 'render (the ready article until its rendered effect)',
};

/** @typedef {[number, number]} Span  start and end, in ms */

/** The total length of `spans`, overlaps counted once. */
function covered(/** @type {Span[]} */ spans) {
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/**
 * The main thread's time from `from` to `to` (page time, ms) by kind, each
 * kind without what nests in a kind before it (a forced layout inside a
 * script call counts as layout), and the time it was busy at all.
 * @param {{ events: any[], offset: number, thread: { pid: number, tid: number } }} load  a trace of one load (see `traced`)
 * @param {{ from: number, to: number }} window
 */
function mainThread({ events, offset, thread }, { from, to }) {
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur);
  /** @type {(e: any) => Span} */
  const span = (e) => [(e.ts - offset) / 1000, (e.ts + e.dur - offset) / 1000];
  const inside = (/** @type {Span} */ [s, e]) => /** @type {Span} */ ([Math.max(s, from), Math.min(e, to)]);
  const spans = (/** @type {string[]} */ names) =>
    own.filter((e) => names.includes(e.name)).map((e) => inside(span(e))).filter(([s, e]) => e > s);
  /** @type {Record<string, number>} */
  const kinds = {};
  /** @type {Span[]} */
  let before = [];
  for (const [kind, names] of Object.entries(KINDS)) {
    const mine = spans(names);
    kinds[kind] = covered([...before, ...mine]) - covered(before);
    before = [...before, ...mine];
  }
  const busy = covered([...before, ...spans(['ThreadControllerImpl::RunTask', 'RunTask'])]);
  return { ...kinds, other: busy - covered(before), idle: to - from - busy };
}

/**
 * One traced load of `url` in a fresh context (4x CPU): the trace's events,
 * `offset` (the trace time, in µs, of the host HTML's arrival, from the
 * probe's mark), the page's main thread (where that mark is), when the
 * article's text painted, and what `read(page)` gave.
 * @template T
 * @param {import('../run.mjs').Bench} bench
 * @param {string} url
 * @param {import('../lib.mjs').Probe} probe
 * @param {(page: import('../lib.mjs').Page) => Promise<T>} read
 */
async function traced(bench, url, probe, read) {
  const context = await bench.browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const p = await prepare(context);
    await bench.browser.startTracing(p, { categories: CATEGORIES });
    await p.goto(url);
    const shown = await painted(p, probe);
    const result = await read(p);
    const { arrived, probed } = await p.evaluate((name) => ({ arrived: window.bench.arrived(), probed: performance.getEntriesByName(name)[0].startTime }), PROBE_MARK);
    const trace = JSON.parse((await bench.browser.stopTracing()).toString('utf8'));
    /** @type {any[]} */
    const events = trace.traceEvents ?? trace;
    const mark = events.find((e) => e.name === PROBE_MARK);
    if (!mark) throw new Error(`trace of ${url}: no ${PROBE_MARK} mark`);
    const offset = mark.ts - probed * 1000 + arrived * 1000;
    return { events, offset, thread: { pid: mark.pid, tid: mark.tid }, shown, read: result };
  } finally {
    await context.close();
  }
}

/**
 * Issue #25's three budgets inside one load, each a median of the traced
 * loads with its bootstrap band: the module and the stylesheet asked for
 * soon after the loader runs, no idle gap between the instance and the
 * render of an article already in (the loads where its JSON was in before
 * the instance), and one render of the seed to its paint. Traced loads are
 * slower than untraced ones, so these figures are on the safe side.
 * @param {import('../run.mjs').Bench} bench
 * @param {{ parts: Record<string, [number, number]>, shown: number }[]} runs
 */
function budgets(bench, runs) {
  const lines = [
    {
      budget: 'the .wasm and stylesheet requests within 30 ms of the loader\'s first run (an element in view; 4x CPU, traced)',
      limit: 30,
      runs,
      of: (/** @type {typeof runs[0]} */ r) => Math.max(r.parts[PART.module][0], r.parts[PART.stylesheet][0]) - r.parts[PART.loaderRuns][0],
      key: 'trace_module_asked_ms',
    },
    {
      budget: 'from instantiate to the render of an article already in, at most 20 ms (4x CPU, traced)',
      limit: 20,
      runs: runs.filter((r) => r.parts[PART.json][1] <= r.parts[PART.instantiate][1]),
      of: (/** @type {typeof runs[0]} */ r) => r.parts[PART.render][0] - r.parts[PART.instantiate][1],
      key: 'trace_idle_gap_ms',
    },
    {
      budget: 'one render of the seed, from the ready article to its paint, at most 120 ms (4x CPU, traced)',
      limit: 120,
      runs,
      of: (/** @type {typeof runs[0]} */ r) => r.shown - r.parts[PART.render][0],
      key: 'trace_render_to_paint_ms',
    },
  ];
  bench.out('Budgets read from these loads (median, its bootstrap band):');
  bench.out();
  for (const { budget, limit, runs, of, key } of lines) {
    if (!runs.length) {
      bench.out(`- ${budget}: no load qualified`);
      continue;
    }
    const value = middle(runs.map(of));
    bench.out(`- ${budget}: ${ms(value.value)} (band ${band(value, 1)} ms, ${runs.length} loads)`);
    bench.budget({ budget, figure: `${ms(value.value)} (band ${band(value, 1)} ms)`, verdict: verdict(value, limit) });
    bench.figure(key, value.value);
  }
  bench.out();
}

/** @type {import('../run.mjs').Section} */
export default {
  name: 'trace',
  async run(bench) {
    const server = await serve({ root: MARKS_DIST, routes: { [PATH]: page(html(embed('/site/articles/20122.json') + LOADER)) }, compress: true });
    try {
      const { path: still, probe } = await staticOf(bench, seedPage(bench.routes));
      const runs = await repeat(async () => {
        const widget = await traced(bench, server.url + PATH, probe, async (p) => {
          await rendered(p);
          return p.evaluate((PART) => {
            const arrived = window.bench.arrived();
            /** @type {Record<string, [number, number]>} */
            const parts = {};
            const file = (/** @type {RegExp} */ pattern) =>
              /** @type {PerformanceResourceTiming | undefined} */ (performance.getEntriesByType('resource').find((e) => pattern.test(e.name)));
            for (const [name, pattern] of /** @type {[string, RegExp][]} */ ([
              [PART.loader, /\/news-widget\.js$/],
              [PART.module, /\.wasm$/],
              [PART.stylesheet, /\.css$/],
              [PART.json, /\.json$/],
            ])) {
              const entry = file(pattern);
              if (entry) parts[name] = [entry.startTime - arrived, entry.responseEnd - arrived];
            }
            for (const w of window.bench.wasm) parts[w.kind === 'compile' ? PART.compile : PART.instantiate] = [w.start - arrived, w.end - arrived];
            for (const m of performance.getEntriesByType('measure').filter((m) => m.name.startsWith('nw:'))) {
              // The first of each: the first load's (a later render replaces nothing here).
              const name = /** @type {Record<string, string>} */ ({ 'nw:mount': PART.mount, 'nw:parse': PART.parse, 'nw:render': PART.render })[m.name];
              if (name && !parts[name]) parts[name] = [m.startTime - arrived, m.startTime + m.duration - arrived];
            }
            return { parts, rendered: window.bench.rendered[0] - arrived };
          }, PART);
        });
        const { events, offset, shown, read } = widget;
        if (!events.some((/** @type {any} */ e) => e.name === 'nw:mount')) throw new Error(`trace: no nw:mount: is ${MARKS_DIST} a bench-marks build?`);
        // The loader's first run: the browser's evaluation of its script starts.
        const run = events.find((/** @type {any} */ e) => e.name === 'EvaluateScript' && /\/news-widget\.js$/.test(e.args?.data?.url ?? ''));
        if (!run) throw new Error('trace: no evaluation of news-widget.js');
        read.parts[PART.loaderRuns] = [(run.ts - offset) / 1000, (run.ts + run.dur - offset) / 1000];
        // The same article as static HTML: what the browser's own parse, style, layout and paint of it cost.
        const plain = await traced(bench, bench.server.url + still, probe, async () => null);
        return {
          ...read,
          shown,
          thread: mainThread(widget, { from: 0, to: shown }),
          still: mainThread(plain, { from: 0, to: plain.shown }),
        };
      });
      bench.out('## Trace of one JSON-only load (bench-marks build, 4x CPU)');
      bench.out();
      bench.out(`Medians of ${runs.length} traced loads, in ms from the host HTML's arrival; tracing slows a load, so these`);
      bench.out('times are longer than the untraced ones above. The parts inside the module are user timing of a');
      bench.out('`bench-marks` build (src/marks.rs), which a release build does not contain.');
      bench.out();
      bench.out('| part | starts | ends | takes |');
      bench.out('|---|---:|---:|---:|');
      const names = [...new Set(runs.flatMap((r) => Object.keys(r.parts)))];
      const at = (/** @type {string} */ name, /** @type {0 | 1} */ i) => median(runs.filter((r) => r.parts[name]).map((r) => r.parts[name][i]));
      const ordered = names.sort((a, b) => at(a, 0) - at(b, 0));
      for (const name of ordered) {
        const takes = median(runs.filter((r) => r.parts[name]).map((r) => r.parts[name][1] - r.parts[name][0]));
        bench.out(`| ${name} | ${at(name, 0).toFixed(1)} | ${at(name, 1).toFixed(1)} | ${takes.toFixed(1)} |`);
        bench.figure(`trace_${name.split(' ')[0].toLowerCase()}_ms`, takes);
      }
      bench.out(`| news-article:rendered event | | ${median(runs.map((r) => r.rendered)).toFixed(1)} | |`);
      bench.out(`| the seed's largest text painted | | ${median(runs.map((r) => r.shown)).toFixed(1)} | |`);
      bench.out();
      budgets(bench, runs);
      bench.out('The main thread from the host HTML\'s arrival to the article\'s text painted, by kind (a kind leaves out what nests in one');
      bench.out('above it, so a layout forced inside a script call counts as layout; "other": busy in a task, none of these):');
      bench.out();
      bench.out('| main thread | JSON-only embed | the same article as static HTML |');
      bench.out('|---|---:|---:|');
      for (const kind of [...Object.keys(KINDS), 'other', 'idle']) {
        const value = median(runs.map((r) => /** @type {Record<string, number>} */ (r.thread)[kind]));
        const still = median(runs.map((r) => /** @type {Record<string, number>} */ (r.still)[kind]));
        bench.out(`| ${kind} | ${ms(value)} | ${ms(still)} |`);
        bench.figure(`trace_thread_${kind}_ms`, value);
        bench.figure(`trace_static_${kind}_ms`, still);
      }
      bench.out();
      await lazyCompilation(bench, server, probe);
    } finally {
      await server.close();
    }
  },
};

/**
 * What V8's lazy compilation costs a load: the same untraced loads of the
 * bench-marks build, in pairs, in Chromium as shipped and in a Chromium
 * told to compile the whole module as it streams in (a command-line flag:
 * a page cannot ask for it). As shipped, V8 compiles each function of the
 * module on its first call, on the main thread, in the middle of the
 * module's first render.
 * @param {import('../run.mjs').Bench} bench
 * @param {import('../lib.mjs').Server} server  serving the bench-marks build
 * @param {import('../lib.mjs').Probe} probe
 */
async function lazyCompilation(bench, server, probe) {
  const eager = await launch({ args: ['--js-flags=--no-wasm-lazy-compilation'] });
  try {
    /** @param {import('../lib.mjs').Browser} browser */
    const once = (browser) =>
      visit(browser, server, PATH, async (p) => {
        const shown = await painted(p, probe);
        await rendered(p);
        return p.evaluate((shown) => {
          const instantiated = window.bench.wasm.find((/** @type {any} */ w) => w.kind === 'instantiate').end;
          const render = performance.getEntriesByName('nw:render:start')[0].startTime;
          return { gap: render - instantiated, render: shown + window.bench.arrived() - render, shown };
        }, shown);
      });
    const [shipped, compiled] = await pairs(() => once(bench.browser), () => once(eager));
    bench.out('What V8\'s lazy compilation costs (untraced loads of the same build, in pairs, 4x CPU): Chromium as');
    bench.out('shipped compiles each of the module\'s functions on its first call, on the main thread; with the flag');
    bench.out('`--js-flags=--no-wasm-lazy-compilation` it compiles the whole module while it streams in. A page cannot set it.');
    bench.out();
    bench.out('| Chromium | instantiate → render | render → painted | painted |');
    bench.out('|---|---:|---:|---:|');
    for (const [name, runs] of /** @type {const} */ ([
      ['as shipped', shipped],
      ['lazy compilation off', compiled],
    ])) {
      bench.out(`| ${name} | ${spread(runs.map((r) => r.gap))} | ${spread(runs.map((r) => r.render))} | ${spread(runs.map((r) => r.shown))} |`);
    }
    bench.out();
    bench.figure('lazy_gap_ms', median(shipped.map((r) => r.gap)));
    bench.figure('eager_gap_ms', median(compiled.map((r) => r.gap)));
  } finally {
    await eager.close();
  }
}
