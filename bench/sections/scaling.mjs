// Articles of 500, 1,000 and 2,000 body blocks (with 125, 250 and 500 related
// items) made from the seed's text and photos, each against the same article
// as static HTML: the article's text painted, from the host HTML's arrival, their ratio, the wasm
// linear memory after rendering, and the growth per doubling.
import {
  LOADER,
  band,
  embed,
  html,
  mb,
  median,
  page,
  painted,
  pairs,
  ratio,
  scaled,
  send,
  spread,
  staticOf,
  times,
  underNoise,
  verdict,
  version,
  visit,
} from '../lib.mjs';

// Issue 25's budgets: 500 blocks within 1.5x, 2,000 within 2x; 1,000 between them.
const SCALES = [
  { blocks: 500, related: 125, budget: 1.5 },
  { blocks: 1000, related: 250, budget: 1.75 },
  { blocks: 2000, related: 500, budget: 2 },
];

/**
 * The wasm linear memory in bytes (the bindings module is shared, so init() returns the live instance).
 * @param {import('../lib.mjs').Page} p
 */
const wasmMemory = (p) =>
  p.evaluate(async (version) => (await (await import(`/v/${version}/news_widget.js`)).default()).memory.buffer.byteLength, version);

/** @type {import('../run.mjs').Section} */
export default {
  name: 'scaling',
  noisy: true,
  async run(bench) {
    bench.out('## Scaling: long articles against the same static HTML');
    bench.out();
    bench.out('The paint of the article\'s largest text from the host HTML\'s arrival; "its band": the ratio');
    bench.out('under the A/A noise band at 4x CPU. Static HTML paints while its parser is still reading the article;');
    bench.out('the widget paints its first part (a screenful and more) and appends the rest in the tasks after.');
    bench.out();
    bench.out('| body blocks / related | widget | static HTML | ratio | its band | wasm memory |');
    bench.out('|---|---:|---:|---:|---:|---:|');
    const results = [];
    for (const { blocks, related, budget } of SCALES) {
      const widget = `/bench/scale-${blocks}.html`;
      bench.routes[`/site/articles/scale-${blocks}.json`] ??= send('application/json', JSON.stringify(scaled(blocks, related)));
      bench.routes[widget] ??= page(html(embed(`/site/articles/scale-${blocks}.json`) + LOADER));
      const { path: still, probe } = await staticOf(bench, widget);
      const [widgets, statics] = await pairs(
        () => visit(bench.browser, bench.server, widget, async (p) => ({ lcp: await painted(p, probe), memory: await wasmMemory(p) })),
        () => visit(bench.browser, bench.server, still, (p) => painted(p, probe)),
      );
      const lcps = widgets.map((w) => w.lcp);
      const r = ratio(lcps, statics);
      const interval = underNoise(r.value, bench.noise.cpu);
      const memory = median(widgets.map((w) => w.memory));
      results.push({ blocks, times: lcps, time: median(lcps), memory });
      bench.out(
        `| ${blocks} / ${related} | ${spread(lcps)} | ${spread(statics)} | ${times(r.value)} | ${band(interval)} | ${mb(memory)} |`,
      );
      bench.budget({
        budget: `an article of ${blocks.toLocaleString('en')} blocks painted within ${budget}x of the same static HTML (4x CPU)`,
        figure: `${times(r.value)} (noise band ${band(interval)})`,
        verdict: verdict(interval, budget),
      });
      bench.figure(`scale${blocks}_vs_static`, r.value);
      bench.figure(`scale${blocks}_memory`, memory);
    }
    const growth = results.slice(1).map((at, i) => ({
      time: at.time / results[i].time,
      memory: at.memory / results[i].memory,
      interval: underNoise(at.time / results[i].time, bench.noise.cpu),
    }));
    bench.out();
    bench.out(
      `Growth per doubling (2x is linear): time ${growth.map((g) => times(g.time)).join(', ')}; ` +
        `memory ${growth.map((g) => times(g.memory)).join(', ')}.`,
    );
    bench.out();
    const worst = growth.reduce((a, b) => (b.interval.high > a.interval.high ? b : a));
    const memoryWorst = Math.max(...growth.map((g) => g.memory));
    const timeVerdict = verdict(worst.interval, 2);
    bench.budget({
      budget: 'linear growth with article size (time and memory at most 2x per doubling)',
      figure: `time ${growth.map((g) => times(g.time)).join(', ')} (noise band of the larger ${band(worst.interval)}); memory ${growth.map((g) => times(g.memory)).join(', ')}`,
      // Memory is exact; the time ratio has the noise of any ratio.
      verdict: memoryWorst > 2 ? 'not met' : timeVerdict,
    });
  },
};
