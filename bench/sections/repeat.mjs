// A repeat view of the JSON-only embed: a first view, then a second in the
// same browser profile, where the widget's files come from the cache (v/ is
// immutable) and the loader is revalidated. The seed's text painted, from the HTML.
import { SLOW_4G, band, load, median, painted, ratio, repeat, seedPage, spread, staticOf, times } from '../lib.mjs';

/** @type {import('../run.mjs').Section} */
export default {
  name: 'repeat',
  async run(bench) {
    const widget = seedPage(bench.routes);
    const { probe } = await staticOf(bench, widget);
    bench.out('## Repeat view of the JSON-only embed');
    bench.out();
    bench.out('The paint of the seed\'s largest text from the host HTML\'s arrival; a first view (cold cache), then a');
    bench.out('repeat view in the same browser profile (the loader revalidated, the rest cached).');
    bench.out();
    bench.out('| conditions | first view | repeat view | ratio repeat / first | its bootstrap band |');
    bench.out('|---|---:|---:|---:|---:|');
    for (const [key, name, network] of /** @type {const} */ ([
      ['cpu', '4x CPU', null],
      ['slow4g', '4x CPU, Slow 4G', SLOW_4G],
    ])) {
      const views = await repeat(async () => {
        const context = await bench.browser.newContext({ viewport: { width: 1000, height: 900 } });
        try {
          const first = await load(context, bench.server, widget, (p) => painted(p, probe), { network });
          const again = await load(context, bench.server, widget, (p) => painted(p, probe), { network });
          return { first, again };
        } finally {
          await context.close();
        }
      });
      const r = ratio(views.map((v) => v.again), views.map((v) => v.first));
      bench.out(`| ${name} | ${spread(views.map((v) => v.first))} | ${spread(views.map((v) => v.again))} | ${times(r.value)} | ${band(r)} |`);
      bench.figure(`repeat_view_${key}_ms`, median(views.map((v) => v.again)));
    }
    bench.out();
  },
};
