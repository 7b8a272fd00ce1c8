// The size guard: what a partner page downloads for the widget (loader,
// bindings, wasm, CSS) must not grow. Sizes only; timings live in `make bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GZIP_BUDGET, GZIP_CEILING, widgetSizes } from '../bench/sizes.mjs';
import { DIST } from './server.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test('the widget files stay under the size ceiling (gzip)', async () => {
  const { files, total } = await widgetSizes(DIST);
  assert.deepEqual(
    files.map((f) => f.file.split('/').pop()),
    ['news-widget.js', 'news_widget.js', 'news_widget_bg.wasm', 'news-widget.css'],
  );
  for (const f of files) assert.ok(f.gzip > 0 && f.gzip < f.raw, `${f.file} compresses`);
  const detail = files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ');
  assert.ok(total.gzip <= GZIP_CEILING, `widget is ${kb(total.gzip)} gzip, over the ${kb(GZIP_CEILING)} ceiling: ${detail}`);
  if (total.gzip > GZIP_BUDGET) {
    console.log(`# size: ${kb(total.gzip)} gzip; the budget of ${kb(GZIP_BUDGET)} is not met yet (${detail})`);
  }
});
