// Twenty JSON-only embeds on one page: the first and the last rendered, and
// how many times the module was fetched and compiled (once each).
import { LOADER, embed, html, median, page, rendered, repeat, spread, visit } from '../lib.mjs';

const SAMPLES = ['20122', '20125', '20121', '20118', '20115', '20110', '20104'];
const COUNT = 20;
const PATH = '/bench/many.html';

/** @type {import('../run.mjs').Section} */
export default {
  name: 'many',
  async run(bench) {
    bench.routes[PATH] ??= page(
      html(Array.from({ length: COUNT }, (_, i) => embed(`/site/articles/${SAMPLES[i % SAMPLES.length]}.json`)).join('') + LOADER),
    );
    const runs = await repeat(() =>
      visit(bench.browser, bench.server, PATH, async (p, requests) => {
        await rendered(p, COUNT);
        return {
          ...(await p.evaluate(() => ({
            first: window.bench.rendered[0] - window.bench.arrived(),
            all: Math.max(...window.bench.rendered) - window.bench.arrived(),
            compiles: window.bench.compiles,
          }))),
          fetches: requests.filter((r) => r.endsWith('.wasm')).length,
        };
      }),
    );
    const once = (/** @type {'fetches' | 'compiles'} */ key) => [...new Set(runs.map((r) => r[key]))].join('/');
    bench.out(`## ${COUNT} widgets on one page`);
    bench.out();
    bench.out('| measure | value |');
    bench.out('|---|---:|');
    bench.out(`| host HTML's arrival → first rendered | ${spread(runs.map((r) => r.first))} |`);
    bench.out(`| host HTML's arrival → all ${COUNT} rendered | ${spread(runs.map((r) => r.all))} |`);
    bench.out(`| wasm fetches per page load | ${once('fetches')} |`);
    bench.out(`| wasm compilations per page load | ${once('compiles')} |`);
    bench.out();
    bench.figure('widgets20_ms', median(runs.map((r) => r.all)));
  },
};
