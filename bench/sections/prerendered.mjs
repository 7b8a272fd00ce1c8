// The pre-rendered embed (the seed's snippet from dist/embed, made by
// `news-widget build`) against the same static HTML: the seed's largest
// contentful paint from the host HTML's arrival, the takeover by the live
// widget, and the layout shift once the article showed.
import { readFile } from 'node:fs/promises';
import { DIST } from '../../e2e/server.mjs';
import { SLOW_4G, afterPaints, band, html, median, page, painted, pairs, ratio, rendered, seedPage, spread, staticOf, times, underNoise, verdict, visit } from '../lib.mjs';

const BUDGET = 1.1;
const PATH = '/bench/prerendered.html';

/**
 * The pre-rendered page: its article painted (`probe`), the takeover (the rendered event: from
 * then on a related click opens in place), and the sum of layout shifts
 * after the article showed, read once the frames after the takeover are out.
 * @param {import('../lib.mjs').Page} p
 * @param {import('../lib.mjs').Probe} probe
 */
async function measure(p, probe) {
  const shown = await painted(p, probe);
  await rendered(p);
  await p.evaluate(() => {
    window.bench.afterPaint();
    window.bench.afterPaint();
  });
  await afterPaints(p, 2);
  return p.evaluate((shown) => {
    const arrived = window.bench.arrived();
    const shift = window.bench.shifts.filter((s) => s.at >= shown + arrived - 1).reduce((sum, s) => sum + s.value, 0);
    return { lcp: shown, takeover: window.bench.rendered[0] - arrived, shift };
  }, shown);
}

/** @type {import('../run.mjs').Section} */
export default {
  name: 'prerendered',
  noisy: true,
  async run(bench) {
    bench.routes[PATH] ??= page(html(await readFile(`${DIST}embed/20122.vi.html`, 'utf8')));
    const { path: still, probe } = await staticOf(bench, seedPage(bench.routes));
    bench.out('## Pre-rendered embed against static HTML');
    bench.out();
    bench.out('The paint of the seed\'s largest text from the host HTML\'s arrival; the takeover: the live widget\'s');
    bench.out('news-article:rendered event on the same clock, from when a related click opens in place; layout shift:');
    bench.out('the sum of layout-shift values after the article showed (the takeover included), the largest over the runs.');
    bench.out();
    bench.out('| conditions | pre-rendered, painted | static HTML, painted | ratio | its band | takeover | layout shift |');
    bench.out('|---|---:|---:|---:|---:|---:|---:|');
    for (const [key, name, network] of /** @type {const} */ ([
      ['cpu', '4x CPU', null],
      ['slow4g', '4x CPU, Slow 4G', SLOW_4G],
    ])) {
      const [pre, statics] = await pairs(
        () => visit(bench.browser, bench.server, PATH, (p) => measure(p, probe), { network }),
        () => visit(bench.browser, bench.server, still, (p) => painted(p, probe), { network }),
      );
      const r = ratio(pre.map((p) => p.lcp), statics);
      const interval = underNoise(r.value, bench.noise[key]);
      bench.out(
        `| ${name} | ${spread(pre.map((p) => p.lcp))} | ${spread(statics)} | ${times(r.value)} | ${band(interval)} | ` +
          `${spread(pre.map((p) => p.takeover))} | ${Math.max(...pre.map((p) => p.shift)).toFixed(4)} |`,
      );
      bench.figure(`prerendered_vs_static_${key}`, r.value);
      bench.figure(`prerendered_takeover_${key}_ms`, median(pre.map((p) => p.takeover)));
      if (key === 'cpu') {
        bench.budget({
          budget: `pre-rendered embed painted within ${BUDGET}x of static HTML (4x CPU, from the host HTML's arrival)`,
          figure: `${times(r.value)} (noise band ${band(interval)}); layout shift ${Math.max(...pre.map((p) => p.shift)).toFixed(4)}`,
          verdict: verdict(interval, BUDGET),
        });
      }
    }
    bench.out();
  },
};
