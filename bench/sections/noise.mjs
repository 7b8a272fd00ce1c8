// The A/A row: static HTML against itself, paired and alternated exactly as
// every comparison is, so the noise of a ratio is on the page. Every ratio's
// verdict reads these bands (lib.mjs, `verdict`).
import { SLOW_4G, band, painted, pairs, ratio, seedPage, spread, staticOf, times, visit } from '../lib.mjs';

/** @type {import('../run.mjs').Section} */
export default {
  name: 'noise',
  async run(bench) {
    const { path: still, probe } = await staticOf(bench, seedPage(bench.routes));
    bench.out('## Noise: static HTML against itself (A/A)');
    bench.out();
    bench.out('The seed as static HTML, loaded twice per pair, the pairs alternated as in every comparison below; the');
    bench.out('paint of its largest text, from the host HTML\'s arrival. A ratio measured this way is its true value times');
    bench.out('a noise factor in the band (the 5th to 95th percentile of the A/A ratio over bootstrap resamples of the pairs).');
    bench.out();
    bench.out('| conditions | first of the pair | second of the pair | A/A ratio | noise band |');
    bench.out('|---|---:|---:|---:|---:|');
    for (const [key, name, network] of /** @type {const} */ ([
      ['cpu', '4x CPU', null],
      ['slow4g', '4x CPU, Slow 4G (150 ms, 1.6 Mbit/s)', SLOW_4G],
    ])) {
      const once = () => visit(bench.browser, bench.server, still, (p) => painted(p, probe), { network });
      const [a, b] = await pairs(once, once);
      const aa = ratio(a, b);
      bench.noise[key] = aa;
      bench.out(`| ${name} | ${spread(a)} | ${spread(b)} | ${times(aa.value)} | ${band(aa)} |`);
      bench.figure(`aa_${key}_low`, aa.low);
      bench.figure(`aa_${key}_high`, aa.high);
    }
    bench.out();
  },
};
