// make bench: the widget's size and speed, measured in Debian's headless
// Chromium against pages served gzipped on 127.0.0.1. Every page load runs in a
// new browser context (cold cache) with the CPU throttled 4x through the
// DevTools protocol. Prints its tables, writes them to bench/results.md with
// the budgets and their verdicts, appends every budget's figure to
// bench/history.tsv, and writes the budget table into README.md (readme.mjs).
//
// A benchmark, not a test: nothing here passes or fails.
//
// Adding a section: write bench/sections/NAME.mjs exporting a `Section`
// (below; lib.mjs has the pages, page loads, pairing and statistics), and add
// it to SECTIONS. It prints with `bench.out`, reports a budget with
// `bench.budget` and a figure for the history with `bench.figure`.
// `BENCH_ONLY=NAME,NAME` runs only those sections (and the A/A noise, if
// they use it) and writes no files.
import { execSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';
import { CPU_SLOWDOWN, RUNS } from './lib.mjs';
import { writeReadme } from './readme.mjs';
import sizes from './sections/sizes.mjs';
import bytes from './sections/bytes.mjs';
import noise from './sections/noise.mjs';
import jsonOnly from './sections/json-only.mjs';
import prerendered from './sections/prerendered.mjs';
import repeatView from './sections/repeat.mjs';
import click from './sections/click.mjs';
import scaling from './sections/scaling.mjs';
import many from './sections/many.mjs';
import trace from './sections/trace.mjs';
import importer from './sections/import.mjs';
import extraction from './sections/extraction.mjs';
import counter from './sections/counter.mjs';

/**
 * One budget of the README, as this run measured it.
 * @typedef {{ budget: string, figure: string, verdict: 'met' | 'not met' | 'within noise' }} Budget
 */

/**
 * What a section gets: the browser, the server and its routes (add pages to
 * `routes` before loading them), the A/A noise bands (once the noise section
 * ran), and where its output goes.
 * @typedef {object} Bench
 * @property {import('./lib.mjs').Browser} browser
 * @property {import('./lib.mjs').Server} server
 * @property {Record<string, import('./lib.mjs').Route>} routes
 * @property {Record<'cpu' | 'slow4g', import('./lib.mjs').Band>} noise
 * @property {(line?: string) => void} out  a line of the results
 * @property {(budget: Budget) => void} budget  a budget's figure and verdict, for the budget table
 * @property {(key: string, value: number) => void} figure  a figure for bench/history.tsv
 */

/**
 * @typedef {object} Section
 * @property {string} name  for BENCH_ONLY
 * @property {boolean} [noisy]  its verdicts need the A/A noise bands
 * @property {(bench: Bench) => Promise<void>} run
 */

/** @type {Section[]} In the order they run; `noise` before every section that uses its bands. */
const SECTIONS = [sizes, bytes, noise, jsonOnly, prerendered, repeatView, click, scaling, many, trace, importer, extraction, counter];

const HERE = fileURLToPath(new URL('.', import.meta.url));
const only = process.env.BENCH_ONLY?.split(',');
const chosen = SECTIONS.filter(
  (s) => !only || only.includes(s.name) || (s === noise && SECTIONS.some((t) => t.noisy && only.includes(t.name))),
);
for (const name of only ?? []) {
  if (!SECTIONS.some((s) => s.name === name)) throw new Error(`BENCH_ONLY: no section ${name} (${SECTIONS.map((s) => s.name)})`);
}

/** @type {Record<string, import('./lib.mjs').Route>} */
const routes = {};
const server = await serve({ routes, compress: true });
const browser = await launch();
/** @type {string[]} */
const lines = [];
/** @type {Budget[]} */
const budgets = [];
/** @type {Record<string, number>} */
const figures = {};
/** @type {Bench} */
const bench = {
  browser,
  server,
  routes,
  noise: /** @type {Bench['noise']} */ ({}),
  out(line = '') {
    lines.push(line);
    console.log(line);
  },
  budget: (b) => void budgets.push(b),
  figure: (key, value) => void (figures[key] = value),
};
// BENCH_DIST (e2e/server.mjs) serves another build; BENCH_LABEL names it in the results.
const commit = process.env.BENCH_LABEL || execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
const dirty = !process.env.BENCH_LABEL && execSync('git status --porcelain --untracked-files=no', { encoding: 'utf8' }).trim() !== '';
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const started = Date.now();

try {
  bench.out(`# news-widget benchmark`);
  bench.out();
  bench.out(
    `${when} UTC, commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}; Chromium headless, ` +
      `CPU throttled ${CPU_SLOWDOWN}x, cold cache, 127.0.0.1.`,
  );
  bench.out(`Timings: median (min–max) of ${RUNS} runs, after one warm-up run.`);
  bench.out();
  for (const section of chosen) await section.run(bench);
  bench.out('## Budgets');
  bench.out();
  bench.out(`Measured on commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}, ${when} UTC.`);
  bench.out('"met": within the budget even at the top of its noise band; "not met": over it even at the bottom;');
  bench.out('"within noise": the band straddles the budget.');
  bench.out();
  bench.out('| budget | this run | verdict |');
  bench.out('|---|---|---|');
  for (const b of budgets) bench.out(`| ${b.budget} | ${b.figure} | **${b.verdict}** |`);
  bench.out();
  bench.out(`The whole run took ${((Date.now() - started) / 60000).toFixed(0)} minutes.`);
  if (!only) {
    await writeFile(`${HERE}results.md`, lines.join('\n') + '\n');
    await appendHistory({ when, commit, ...figures });
    await writeReadme();
    console.log('\nWritten to bench/results.md and README.md; appended to bench/history.tsv.');
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * Appends one run's figures to bench/history.tsv. Its columns are the union
 * of every run's: a figure a run did not measure (an older bench, another
 * probe) is an empty cell, so no figure is ever dropped.
 * @param {Record<string, string | number>} row
 */
async function appendHistory(row) {
  const [header = '', ...old] = (await readFile(`${HERE}history.tsv`, 'utf8').catch(() => '')).trim().split('\n');
  const oldColumns = header ? header.split('\t') : [];
  const columns = [...new Set([...oldColumns, ...Object.keys(row)])];
  const cell = (/** @type {string | number | undefined} */ v) =>
    typeof v === 'number' ? String(Number.isInteger(v) ? v : Number(v.toFixed(3))) : (v ?? '');
  const rows = old.filter(Boolean).map((line) => {
    const cells = line.split('\t');
    return columns.map((c) => cells[oldColumns.indexOf(c)] ?? '').join('\t');
  });
  rows.push(columns.map((c) => cell(row[c])).join('\t'));
  await writeFile(`${HERE}history.tsv`, [columns.join('\t'), ...rows].join('\n') + '\n');
}
