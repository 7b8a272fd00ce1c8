// The bytes a partner page downloads for the widget itself (loader, bindings,
// wasm, CSS), raw, gzip and brotli; the size budgets and the guard of `make test`.
import { DIST } from '../../e2e/server.mjs';
import { kb } from '../lib.mjs';
import { GZIP_BUDGET, GZIP_CEILING, ISSUE_12_BUDGET, widgetSizes } from '../sizes.mjs';

/** @type {import('../run.mjs').Section} */
export default {
  name: 'sizes',
  async run(bench) {
    const sizes = await widgetSizes(DIST);
    bench.out('## Bytes a partner page downloads for the widget');
    bench.out();
    bench.out('| file | raw | gzip | brotli |');
    bench.out('|---|---:|---:|---:|');
    for (const f of [...sizes.files, sizes.total]) bench.out(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
    bench.out();
    bench.out(`The guard in \`make test\` (GZIP_CEILING in bench/sizes.mjs): ${kb(GZIP_CEILING)} gzip.`);
    bench.out();
    const gzip = sizes.total.gzip;
    for (const [limit, why] of /** @type {const} */ ([
      [GZIP_BUDGET, ''],
      [ISSUE_12_BUDGET, ' (issue #12)'],
    ])) {
      bench.budget({
        budget: `the widget's files under ${kb(limit)} gzip${why}`,
        figure: `${kb(gzip)} gzip (${(gzip / limit).toFixed(2)}x)`,
        // Sizes are exact: no noise.
        verdict: gzip <= limit ? 'met' : 'not met',
      });
    }
    bench.figure('gzip_bytes', gzip);
    bench.figure('wasm_gzip_bytes', sizes.files.find((f) => f.file.endsWith('.wasm'))?.gzip ?? 0);
  },
};
