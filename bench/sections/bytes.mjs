// Where the module's bytes are: the release build's module made again the way
// Trunk makes it (wasm-bindgen, then wasm-opt with index.html's options), but
// keeping its function names, and read by twiggy (installed for `make bench`
// by scripts/install-tools.sh --bench): the bytes per crate, and the largest items.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from '../../e2e/server.mjs';
import { kb } from '../lib.mjs';
import { widgetSizes } from '../sizes.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What cargo builds for Trunk, before wasm-bindgen and wasm-opt. */
const CARGO_WASM = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'wasm32-unknown-unknown/release/news_widget.wasm');
const TOP_CRATES = 14;
const TOP_ITEMS = 15;

/** wasm-opt's options as Trunk gets them from index.html (`data-wasm-opt`, `data-wasm-opt-params`). */
async function wasmOptOptions() {
  const index = await readFile(join(ROOT, 'index.html'), 'utf8');
  const level = index.match(/data-wasm-opt="(\w+)"/)?.[1];
  const params = index.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '';
  if (!level) throw new Error('index.html: no data-wasm-opt');
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

/**
 * Which crate an item of the module belongs to: the first segment of its
 * path (of the type, for `<Type as Trait>::f`); a generic's copies count to
 * the crate that defines the generic.
 * @param {string} name  twiggy's (demangled) name
 */
function owner(name) {
  if (/subsection$|^custom section/.test(name)) return null; // names and metadata: not in dist's module
  if (name.startsWith('data segment')) return 'data (strings, constants)';
  if (/^code\[\d+\]$|shim$|^__externref|^__wbindgen|^widget_|^(mount|adopt)$/.test(name)) return 'wasm-bindgen glue and exports';
  if (/^(elem|table|type|import|export|global|memory|func)\b|^wasm magic|section headers/.test(name)) return 'module structure (types, imports, tables)';
  const path = name.replace(/^[<&\s]+|^(mut|dyn|const|\*const|\*mut) /g, '').replace(/^[<&\s]+/, '');
  const first = path.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
  return first ? first[1] : 'other (compiler builtins: memcpy, …)';
}

/** @type {import('../run.mjs').Section} */
export default {
  name: 'bytes',
  async run(bench) {
    bench.out('## Where the module\'s bytes are');
    bench.out();
    if (process.env.BENCH_DIST) {
      bench.out('(Not for BENCH_DIST: the named module is made from this checkout\'s cargo build.)');
      bench.out();
      return;
    }
    const dir = await mkdtemp(join(tmpdir(), 'nw-bytes-'));
    try {
      execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', dir, '--out-name', 'news_widget', CARGO_WASM]);
      const named = join(dir, 'named.wasm');
      execFileSync('wasm-opt', [...(await wasmOptOptions()), '-g', join(dir, 'news_widget_bg.wasm'), '-o', named]);
      /** @type {{ name: string, shallow_size: number }[]} */
      const items = JSON.parse(execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'json', named], { encoding: 'utf8', maxBuffer: 1 << 28 }));
      const counted = items.map((item) => ({ ...item, crate: owner(item.name) })).filter((item) => item.crate !== null);
      const total = counted.reduce((sum, item) => sum + item.shallow_size, 0);
      /** @type {Map<string, number>} */
      const crates = new Map();
      for (const item of counted) crates.set(/** @type {string} */ (item.crate), (crates.get(/** @type {string} */ (item.crate)) ?? 0) + item.shallow_size);
      const dist = (await widgetSizes(DIST)).files.find((f) => f.file.endsWith('.wasm'));
      bench.out(
        `twiggy over the release module rebuilt with its names (${(await stat(named)).size} bytes with them; ` +
          `${total} bytes of code and data without, where dist/'s module is ${dist?.raw} bytes). Raw bytes, before gzip.`,
      );
      bench.out('A generic\'s copies count to the crate that defines it: `yew`\'s `CompStateInner<COMP>::view` holds our components\' views.');
      bench.out();
      bench.out('| crate | raw | share |');
      bench.out('|---|---:|---:|');
      const ranked = [...crates].sort((a, b) => b[1] - a[1]);
      for (const [crate, size] of ranked.slice(0, TOP_CRATES)) bench.out(`| ${crate} | ${kb(size)} | ${((size / total) * 100).toFixed(1)}% |`);
      const rest = ranked.slice(TOP_CRATES);
      if (rest.length) {
        const size = rest.reduce((sum, [, s]) => sum + s, 0);
        bench.out(`| ${rest.length} more crates | ${kb(size)} | ${((size / total) * 100).toFixed(1)}% |`);
      }
      bench.out();
      bench.out(`The ${TOP_ITEMS} largest items:`);
      bench.out();
      bench.out('| item | raw |');
      bench.out('|---|---:|');
      for (const item of counted.slice(0, TOP_ITEMS)) {
        // Without the hash rustc appends, which changes with every build.
        bench.out(`| \`${item.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').replaceAll('|', '\\|')}\` | ${kb(item.shallow_size)} |`);
      }
      bench.out();
      for (const [crate, size] of ranked.slice(0, TOP_CRATES)) bench.figure(`wasm_bytes_${crate.replace(/\W+/g, '_')}`, size);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
