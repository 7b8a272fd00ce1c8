// The JSON-only embed against the same article as static HTML: the seed's
// largest contentful paint (the same element, the same probe in both pages),
// from the host HTML's arrival, at 4x CPU and on Slow 4G.
import { SLOW_4G, band, median, painted, pairs, ratio, seedPage, spread, staticOf, times, underNoise, verdict, visit } from '../lib.mjs';

/** The README's budget, and issue #20's goal. */
const BUDGETS = [1.5, 1.3];

/** @type {import('../run.mjs').Section} */
export default {
  name: 'json-only',
  noisy: true,
  async run(bench) {
    const widget = seedPage(bench.routes);
    const { path: still, probe } = await staticOf(bench, widget);
    bench.out('## JSON-only embed against static HTML');
    bench.out();
    bench.out('The paint of the seed\'s largest text (the same element in both pages, as the largest-contentful-paint');
    bench.out('observer reports it), from the host HTML\'s arrival; and, for the widget, its news-article:rendered event.');
    bench.out();
    bench.out('| conditions | widget, painted | static HTML, painted | ratio | its band | widget, rendered event |');
    bench.out('|---|---:|---:|---:|---:|---:|');
    for (const [key, name, network] of /** @type {const} */ ([
      ['cpu', '4x CPU', null],
      ['slow4g', '4x CPU, Slow 4G', SLOW_4G],
    ])) {
      const [widgets, statics] = await pairs(
        () =>
          visit(bench.browser, bench.server, widget, async (page) => ({
            lcp: await painted(page, probe),
            event: await page.evaluate(() => window.bench.rendered[0] - window.bench.arrived()),
          }), { network }),
        () => visit(bench.browser, bench.server, still, (p) => painted(p, probe), { network }),
      );
      const r = ratio(widgets.map((w) => w.lcp), statics);
      const interval = underNoise(r.value, bench.noise[key]);
      bench.out(
        `| ${name} | ${spread(widgets.map((w) => w.lcp))} | ${spread(statics)} | ${times(r.value)} | ` +
          `${band(interval)} | ${spread(widgets.map((w) => w.event))} |`,
      );
      bench.figure(`json_lcp_${key}_ms`, median(widgets.map((w) => w.lcp)));
      bench.figure(`json_vs_static_${key}`, r.value);
      if (key === 'cpu') {
        for (const limit of BUDGETS) {
          bench.budget({
            budget: `JSON-only embed painted within ${limit}x of static HTML (4x CPU, from the host HTML's arrival)`,
            figure: `${times(r.value)} (noise band ${band(interval)})`,
            verdict: verdict(interval, limit),
          });
        }
      }
    }
    bench.out();
    bench.out('"its band": the ratio divided by the A/A noise band of the same conditions.');
    bench.out();
  },
};
