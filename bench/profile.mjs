// A CPU profile of one JSON-only load of the seed (4x CPU, cold), from
// Chromium's sampling profiler: where the main thread's time goes, by
// function, self and total. For finding cuts; `make bench` does not run it.
//
//   node bench/profile.mjs [runs] [click]  (BENCH_DIST=dir for another build; a
//                                      module with its names shows Rust's functions)
import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';
import { prepare, rendered, seed, seedPage } from './lib.mjs';

const runs = Number(process.argv[2] || 5);
/** `click`: profile a click on a prefetched related item instead of the load. */
const click = process.argv[3] === 'click';
/** @type {Record<string, import('./lib.mjs').Route>} */
const routes = {};
const path = seedPage(routes);
const server = await serve({ routes, compress: true });
const browser = await launch();
/** @type {Map<string, { self: number, total: number }>} */
const totals = new Map();
for (let run = 0; run < runs; run += 1) {
  const context = await browser.newContext();
  const page = await prepare(context);
  const session = await context.newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  if (click) {
    await page.goto(`${server.url}${path}`);
    await rendered(page);
    const link = page.locator('news-article .nw-related a').first();
    await link.hover();
    const src = seed.related[0].src.replace(/^(\.\.\/)+/, '/');
    await page.waitForFunction((src) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(src)), src);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))));
    await session.send('Profiler.start');
    await link.evaluate((/** @type {HTMLElement} */ a) => a.click());
    await rendered(page, 2);
  } else {
    await session.send('Profiler.start');
    await page.goto(`${server.url}${path}`);
    await rendered(page);
  }
  const { profile } = await session.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  for (const [id, ms] of self) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url } = byId.get(at).callFrame;
      const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}`;
      const entry = totals.get(name) ?? { self: 0, total: 0 };
      if (at === id) entry.self += ms / runs;
      if (!seen.has(name)) entry.total += ms / runs;
      seen.add(name);
      totals.set(name, entry);
    }
  }
  await context.close();
}
const rows = [...totals].filter(([n]) => !/^\((root|program|idle)\)/.test(n));
console.log('by self time (ms per load, 4x CPU):');
for (const [name, t] of rows.sort((a, b) => b[1].self - a[1].self).slice(0, 40)) console.log(`${t.self.toFixed(1).padStart(8)} ${t.total.toFixed(1).padStart(8)}  ${name.slice(0, 150)}`);
console.log('\nby total time:');
for (const [name, t] of rows.sort((a, b) => b[1].total - a[1].total).slice(0, 60)) console.log(`${t.self.toFixed(1).padStart(8)} ${t.total.toFixed(1).padStart(8)}  ${name.slice(0, 150)}`);
for (const idle of ['(program) ', '(idle) ', '(garbage collector) ']) console.log(idle, totals.get(idle)?.self.toFixed(1));
await browser.close();
await server.close();
