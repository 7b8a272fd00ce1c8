// Writes the budget table of the latest bench/results.md, with the commit it
// was measured on, into README.md between its two `bench:budgets` markers,
// so the README says exactly what the last run measured. `make bench` runs it
// after writing the results; `node bench/readme.mjs` runs it alone.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BEGIN = '<!-- bench:budgets (written by bench/readme.mjs from bench/results.md; do not edit) -->';
const END = '<!-- /bench:budgets -->';

/** The "## Budgets" section of bench/results.md, without its heading. */
async function budgets() {
  const results = await readFile(`${ROOT}bench/results.md`, 'utf8');
  const section = results.split(/^## /m).find((s) => s.startsWith('Budgets\n'));
  if (!section) throw new Error('bench/results.md has no "## Budgets" section: run make bench');
  return section.slice('Budgets\n'.length).trim();
}

/** Puts the latest budgets into README.md. */
export async function writeReadme() {
  const readme = await readFile(`${ROOT}README.md`, 'utf8');
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md: no ${BEGIN} … ${END}`);
  const table = await budgets();
  await writeFile(`${ROOT}README.md`, `${readme.slice(0, start + BEGIN.length)}\n${table}\n${readme.slice(end)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeReadme();
