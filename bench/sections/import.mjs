// The importer's speed and memory over the import corpus (the test
// fixtures' 38 real pages), repeated to over 1,000 pages, on every core,
// against trafilatura 2.3.1 on the same files in the same way (one process
// for the whole run, a worker per core), installed from PyPI into a
// throwaway virtualenv in target/bench/ (the bench's only, never a test's).
//
// Both sides stop on the same condition: the process has exited after
// every page went through. Ours writes each copy as a site (`news-widget
// import --offline --out`, a run per copy, as ids repeat across copies, as
// many runs at once as cores);
// trafilatura extracts each page with its metadata to JSON. The A/A row is
// ours against ourselves, in the same pairing.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { band, median, ratio, RUNS } from '../lib.mjs';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = `${ROOT}publisher/tests/fixtures/import/corpus/`;
/** The importer, as `buildImporter` leaves it. */
export const TOOL = `${ROOT}target/release/news-widget`;
const VENV = `${ROOT}target/bench/trafilatura-venv`;
/** The trafilatura release both import sections compare with. */
export const TRAFILATURA = '2.3.1';
/** At least this many pages per run. */
const PAGES = 1000;
/** Each side's runs (trafilatura takes about a minute a run). */
const IMPORT_RUNS = Math.min(RUNS, 3);

/** trafilatura over every file named on stdin, a worker per core, as its docs suggest for many files. */
const EXTRACT = `
import sys, json, multiprocessing, trafilatura
def extract(path):
    with open(path, 'rb') as f:
        return trafilatura.extract(f.read(), output_format='json', with_metadata=True, include_images=True) is not None
if __name__ == '__main__':
    paths = sys.stdin.read().split()
    with multiprocessing.Pool(int(sys.argv[1])) as pool:
        found = sum(pool.map(extract, paths, chunksize=4))
    print(json.dumps({'pages': len(paths), 'found': found}))
`;

/** The corpus pages: [file name, bytes]. */
async function corpusPages() {
  /** @type {[string, Buffer][]} */
  const pages = [];
  for (const name of await readdir(`${CORPUS}en`)) {
    if (name.endsWith('.html.gz')) pages.push([name.replace('.gz', ''), gunzipSync(await readFile(`${CORPUS}en/${name}`))]);
  }
  for (const name of await readdir(`${CORPUS}vi`)) pages.push([`${name}.html`, await readFile(`${CORPUS}vi/${name}/source.html`)]);
  return pages;
}

/** `pages` as files in `dir`, `copies` times over (copy-N/NAME.html); resolves to the folders. */
async function writeCopies(dir, pages, copies) {
  const folders = [];
  for (let i = 0; i < copies; i += 1) {
    const folder = join(dir, `copy-${i}`);
    await mkdir(folder);
    for (const [name, bytes] of pages) await writeFile(join(folder, name), bytes);
    folders.push(folder);
  }
  return folders;
}

/** Wall time (ms) and peak resident memory (KB, the largest process's) of a command, via GNU time. */
async function measured(command, args, input = '') {
  const start = performance.now();
  const child = execFile('/usr/bin/time', ['-f', 'peak-kb %M', command, ...args], { maxBuffer: 64 * 1024 * 1024 });
  child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => (stdout += c));
  child.stderr?.on('data', (c) => (stderr += c));
  const status = await new Promise((resolve) => child.on('close', resolve));
  const ms = performance.now() - start;
  if (status !== 0) throw new Error(`${command} exited with ${status}: ${stderr.slice(-2000)}`);
  const peak = Number(/peak-kb (\d+)/.exec(stderr)?.[1] ?? NaN);
  return { ms, peak, stdout };
}

/** The release importer, built. */
export const buildImporter = () =>
  run('cargo', ['build', '--quiet', '--release', '-p', 'news-widget-publisher'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });

/** The throwaway virtualenv with trafilatura, made if missing; resolves to its python. */
export async function trafilatura() {
  const python = `${VENV}/bin/python`;
  if (!existsSync(python)) {
    await mkdir(`${ROOT}target/bench`, { recursive: true });
    await run('python3', ['-m', 'venv', VENV]);
    // jusText (a trafilatura dependency) imports lxml's cleaner, a package of its own since lxml 5.2.
    // Debian's pip fails to resolve lxml's extras; a current one does.
    await run(`${VENV}/bin/pip`, ['install', '--quiet', '--upgrade', 'pip'], { maxBuffer: 16 * 1024 * 1024 });
    await run(`${VENV}/bin/pip`, ['install', '--quiet', `trafilatura==${TRAFILATURA}`, 'lxml_html_clean'], { maxBuffer: 16 * 1024 * 1024 });
  }
  return python;
}

/** @type {import('../run.mjs').Section} */
export default {
  name: 'import',
  async run(bench) {
    await buildImporter();
    const python = await trafilatura();
    const dir = await mkdtemp(join(tmpdir(), 'nw-bench-import-'));
    try {
      const corpus = await corpusPages();
      const perCopy = corpus.length;
      const copies = Math.ceil(PAGES / perCopy);
      const pages = copies * perCopy;
      const folders = await writeCopies(dir, corpus, copies);
      const files = folders.flatMap((f) => corpus.map(([name]) => join(f, name)));
      const cores = availableParallelism();
      let round = 0;
      const ours = async () => {
        round += 1;
        // A run per copy, as ids repeat across copies, a run per core at once.
        const runs = folders.map((f, i) => `${dir}/out-${round}-${i} ${f}`).join('\n');
        const result = await measured('xargs', ['-P', String(cores), '-L', '1', 'bash', '-c', `"${TOOL}" import --offline --out "$0" "$1" >/dev/null`], runs);
        await Promise.all(folders.map((_, i) => rm(`${dir}/out-${round}-${i}`, { recursive: true, force: true })));
        return result;
      };
      const theirs = async () => {
        const result = await measured(python, ['-c', EXTRACT, String(cores)], files.join('\n'));
        const { pages: seen, found } = JSON.parse(result.stdout);
        if (seen !== pages) throw new Error(`trafilatura saw ${seen} of ${pages} pages`);
        return { ...result, found };
      };
      // A warm-up of each (file cache, the venv's bytecode), then the pairs.
      await ours();
      await theirs();
      const a = [];
      const b = [];
      const t = [];
      for (let i = 0; i < IMPORT_RUNS; i += 1) {
        a.push(await ours());
        t.push(await theirs());
        b.push(await ours());
      }
      const rate = (/** @type {{ ms: number }[]} */ runs) => pages / (median(runs.map((r) => r.ms)) / 1000);
      const speedup = ratio(t.map((r) => r.ms), a.map((r) => r.ms));
      const aa = ratio(b.map((r) => r.ms), a.map((r) => r.ms));
      const peak = (/** @type {{ peak: number }[]} */ runs) => `${(Math.max(...runs.map((r) => r.peak)) / 1024).toFixed(0)} MB`;
      bench.out('## Import');
      bench.out();
      bench.out(
        `The ${perCopy} pages of the import corpus ${copies} times over (${pages} pages), ${cores} cores, ${IMPORT_RUNS} paired runs after a warm-up; ` +
          `peak memory is the largest process's (GNU time).`,
      );
      bench.out();
      bench.out('| importer | pages/s (median) | peak memory | ratio of times (band) |');
      bench.out('|---|---:|---:|---:|');
      bench.out(`| news-widget import (release, a run per copy, a run per core at once) | ${rate(a).toFixed(0)} | ${peak(a)} | |`);
      bench.out(`| trafilatura ${TRAFILATURA} (a worker per core; ${t[0].found} of ${pages} pages with content) | ${rate(t).toFixed(1)} | ${peak(t)} | ${speedup.value.toFixed(1)}x (${band(speedup, 1)}) |`);
      bench.out(`| A/A: news-widget import against itself | ${rate(b).toFixed(0)} | ${peak(b)} | ${aa.value.toFixed(2)}x (${band(aa)}) |`);
      bench.out();
      for (const times of [5, 10]) {
        bench.budget({
          budget: `import at least ${times}x trafilatura’s pages per second`,
          figure: `${speedup.value.toFixed(1)}x (${rate(a).toFixed(0)} against ${rate(t).toFixed(1)} pages/s)`,
          verdict: speedup.low >= times ? 'met' : speedup.high < times ? 'not met' : 'within noise',
        });
      }
      bench.figure('import_pages_per_s', rate(a));
      bench.figure('import_trafilatura_ratio', speedup.value);
      bench.figure('import_peak_kb', Math.max(...a.map((r) => r.peak)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
