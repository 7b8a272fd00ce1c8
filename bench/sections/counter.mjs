// The view counter (`news-widget counter`, release build) under load from
// counter/examples/load.rs, both on this machine's cores, on 127.0.0.1:
//
// - views per second sustained, for SQLite, for PostgreSQL (a private
//   cluster, e2e/postgres.mjs) and for the naive baseline (SQLite, one
//   transaction per view: NEWS_WIDGET_COUNTER_MAX_BATCH=1, a bench-only knob
//   of counter/src/writer.rs). Each climbs the same ladder of open-loop rates
//   and stops on the same condition: a rate is sustained when the views
//   answered 200 per second reach 99% of it, with no error and a p99 latency
//   of at most 20 ms (latency from each view's due time: queueing counts).
//   A step not sustained is tried once more (a hiccup of the machine should
//   not end the climb). Between the last rate sustained and the first not,
//   two bisection steps.
// - memory: the server's resident set over 1,000,000 views from 100,000
//   readers (SQLite), sampled from /proc every 250 ms;
// - bytes of database per view after that run, and the stats checked
//   against what the load generator was answered.
//
// The site: the sample site's 7 articles copied to 500 (ids b<k>-<id>, in a
// temporary folder), so views spread over articles as on a real site (Zipf:
// a few articles get most views). The load generator says how views are drawn.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOOL = `${ROOT}target/release/news-widget`;
/** The load generator, built in a target folder of its own: its dev-dependencies
 * change the workspace's features, so building it and the tool in one folder
 * would rebuild both every time. */
const LOAD_TARGET = `${ROOT}target/counter-load`;
const LOAD = `${LOAD_TARGET}/release/examples/load`;
/** Articles in the bench's site. */
const ARTICLES = 500;
/** Each step of the ladder sends this many seconds of views. */
const STEP_SECONDS = 4;
/** The open-loop rates every store climbs, views/s. */
const LADDER = [500, 1000, 2500, 5000, 10000, 15000, 20000, 25000, 30000, 40000, 50000];
/** Sustained: achieved ≥ 99% of the rate, no error, p99 ≤ 20 ms. */
const SUSTAINED = { achieved: 0.99, p99: 20 };
/** The goal: ten times GoatCounter's ~800 views/s, on SQLite. */
const GOAL = 10000;
const MEMORY_VIEWS = 1_000_000;
const MEMORY_READERS = 100_000;

/**
 * What the load generator prints (counter/examples/load.rs).
 * @typedef {object} Load
 * @property {number} targetRate
 * @property {number} achievedRate views answered 200 per second
 * @property {number} views
 * @property {number} answered
 * @property {Record<string, number>} errors answers other than 200 by status, and "io"
 * @property {number} readers distinct (reader, article) pairs: the views that count
 * @property {number} seconds
 * @property {number} p50Ms
 * @property {number} p90Ms
 * @property {number} p99Ms
 * @property {number} maxMs
 * @property {number | null} clientCpuSeconds
 */

/** @typedef {Load & { serverCpu: number, writerCpu: number, restCpu: number, sustained: boolean }} Step */

/** The sample site's articles, `ARTICLES` of them, in `dir`/site; resolves to the site folder. */
async function sampleSite(dir) {
  const from = `${ROOT}site/articles/`;
  const to = join(dir, 'site', 'articles');
  await mkdir(to, { recursive: true });
  const seeds = [];
  for (const name of (await readdir(from)).sort()) {
    if (name.endsWith('.json')) seeds.push(JSON.parse(await readFile(from + name, 'utf8')));
  }
  for (let k = 0; k < ARTICLES; k += 1) {
    const article = seeds[k % seeds.length];
    const id = `b${k}-${article.id}`;
    await writeFile(join(to, `${id}.json`), JSON.stringify({ ...article, id }));
  }
  return join(dir, 'site');
}

/** A process's CPU time, s: every thread's, or only the threads named `thread`. */
async function cpuSeconds(pid, thread) {
  let ticks = 0;
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const line = await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').catch(() => '');
    // Fields after the name, which may hold spaces: ") state ppid ...", utime and stime the 12th and 13th.
    const name = line.slice(line.indexOf('(') + 1, line.lastIndexOf(')'));
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    if (!thread || name === thread) ticks += Number(fields[11]) + Number(fields[12]);
  }
  // Linux's clock ticks in /proc are 1/100 s.
  return ticks / 100;
}

/** The machine's busy CPU time so far, s (every core: /proc/stat's first line, less idle and iowait). */
async function machineCpuSeconds() {
  // cpu  user nice system idle iowait irq softirq steal ...
  const [user, nice, system, , , irq, softirq, steal] = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** A process's resident set, KB. */
async function rssKb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/**
 * Runs the load generator against `counter`.
 * @param {import('../../e2e/counter.mjs').Counter} counter
 * @param {string} site
 * @param {{ rate: number, views: number, readers?: number, seed: number }} options
 * @returns {Promise<Step>}
 */
async function load(counter, site, { rate, views, readers = MEMORY_READERS, seed }) {
  const pid = counter.child.pid;
  const [cpu, writer, machine] = [await cpuSeconds(pid), await cpuSeconds(pid, 'counter-writer'), await machineCpuSeconds()];
  const args = ['--port', new URL(counter.url).port, '--site', site, '--rate', String(rate), '--views', String(views)];
  args.push('--readers', String(readers), '--seed', String(seed));
  // Bounded: a server that answers nothing fails the step, not the bench's clock.
  const { stdout } = await exec(LOAD, args, { timeout: Math.ceil((views / rate + 60) * 1000) });
  /** @type {Load} */
  const result = JSON.parse(stdout);
  const errors = Object.values(result.errors).reduce((a, b) => a + b, 0);
  const serverCpu = (await cpuSeconds(pid)) - cpu;
  return {
    ...result,
    serverCpu,
    writerCpu: (await cpuSeconds(pid, 'counter-writer')) - writer,
    // What else ran meanwhile: PostgreSQL's processes when it is the store,
    // else other work on the machine (the bench's own node is nearly idle).
    restCpu: (await machineCpuSeconds()) - machine - serverCpu - (result.clientCpuSeconds ?? 0),
    sustained: result.achievedRate >= SUSTAINED.achieved * rate && errors === 0 && result.p99Ms <= SUSTAINED.p99,
  };
}

/** One step's line. @param {Step} s */
function stepLine(s) {
  const errors = Object.entries(s.errors).map(([status, n]) => `${n}×${status}`).join(' ') || '0';
  const share = (/** @type {number | null} */ cpu) => (cpu == null ? '?' : `${((cpu / s.seconds) * 100).toFixed(0)}%`);
  return (
    `| ${s.targetRate} | ${s.achievedRate.toFixed(0)} | ${errors} | ${s.p50Ms.toFixed(1)} | ${s.p99Ms.toFixed(1)} | ${s.maxMs.toFixed(0)} | ` +
    `${share(s.serverCpu)} (writer ${share(s.writerCpu)}) | ${share(s.clientCpuSeconds)} | ${share(Math.max(0, s.restCpu))} | ${s.sustained ? 'yes' : 'no'} |`
  );
}

/**
 * Climbs the ladder on `counter` until a rate is not sustained, then bisects
 * twice between the last sustained rate and it. Every step's line is printed.
 * Resolves to the highest sustained step (undefined: not even the first).
 * @param {import('../run.mjs').Bench} bench
 * @param {import('../../e2e/counter.mjs').Counter} counter
 * @param {string} site
 * @param {string} store its name, for `steps`
 */
async function sustained(bench, counter, site, store) {
  bench.out('| target views/s | achieved | errors | p50 ms | p99 ms | max ms | server CPU | load generator CPU | rest of the machine | sustained |');
  bench.out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
  // Each step's own seed: new readers, so every step writes new reader keys.
  let seed = 1;
  // A rate not sustained is tried once more before it counts as not
  // sustained: a moment's hiccup of the machine should not end the climb.
  const step = async (/** @type {number} */ rate) => {
    let s;
    for (let tries = 0; tries < 2 && !s?.sustained; tries += 1) {
      s = await load(counter, site, { rate, views: rate * STEP_SECONDS, seed: seed++ });
      bench.out(stepLine(s));
      steps.push({ ...s, store });
    }
    return s;
  };
  // A warm-up (the day's salt, the tables' first pages), not reported.
  await load(counter, site, { rate: 1000, views: 1000, seed: 0 });
  /** @type {Step | undefined} */
  let best;
  let failed = 0;
  for (const rate of LADDER) {
    const s = await step(rate);
    if (!s.sustained) {
      failed = rate;
      break;
    }
    best = s;
  }
  for (let i = 0; i < 2 && failed && best; i += 1) {
    const rate = Math.round((best.targetRate + failed) / 2 / 100) * 100;
    const s = await step(rate);
    if (s.sustained) best = s;
    else failed = rate;
  }
  bench.out();
  return best;
}

/** Every step run, for the quietness check. @type {(Step & { store: string })[]} */
const steps = [];

/** @param {Step | undefined} s */
const rateOf = (s) => s?.targetRate ?? 0;
/** @param {Step | undefined} s */
const summary = (s) => (s ? `${s.targetRate} views/s, p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms` : 'nothing sustained');

/** Bytes of the SQLite file and its WAL. */
async function sqliteBytes(db) {
  const size = async (/** @type {string} */ file) => (await stat(file).catch(() => ({ size: 0 }))).size;
  return { db: await size(db), wal: await size(`${db}-wal`) };
}

/**
 * The stats rows summed up. Asked as through the load balancer: behind
 * `--client-ip-header` the rate limiter keys every request by that header,
 * and refuses one without it.
 * @param {import('../../e2e/counter.mjs').Counter} counter
 */
async function statsTotal(counter) {
  const response = await fetch(`${counter.url}/stats.json`, {
    headers: { authorization: `Bearer ${counter.token}`, 'x-forwarded-for': '192.0.2.1' },
  });
  if (!response.ok) throw new Error(`stats: ${response.status} ${await response.text()}`);
  /** @type {{ views: number, readers: number }[]} */
  const rows = await response.json();
  return { views: rows.reduce((n, r) => n + r.views, 0), readers: rows.reduce((n, r) => n + r.readers, 0), rows: rows.length };
}

/** @type {import('../run.mjs').Section} */
export default {
  name: 'counter',
  async run(bench) {
    const build = (/** @type {string[]} */ args, env = process.env) =>
      exec('cargo', ['build', '--quiet', '--release', ...args], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
    await build(['-p', 'news-widget-publisher']);
    await build(['-p', 'news-widget-counter', '--example', 'load'], { ...process.env, CARGO_TARGET_DIR: LOAD_TARGET });
    // e2e/counter.mjs starts BENCH_TOOL when set: the release build, here.
    process.env.BENCH_TOOL ??= TOOL;
    const { startCounter } = await import('../../e2e/counter.mjs');
    const { startPostgres } = await import('../../e2e/postgres.mjs');
    const dir = await mkdtemp(join(tmpdir(), 'nw-bench-counter-'));
    const started = Date.now();
    steps.length = 0;
    const site = await sampleSite(dir);
    /** Every counter started, stopped at the end whatever happened. @type {import('../../e2e/counter.mjs').Counter[]} */
    const counters = [];
    /** @param {{ db?: string, naive?: boolean }} [options] */
    const start = async ({ db, naive = false } = {}) => {
      // The naive baseline: the same binary, its writer's batch capped at one view.
      if (naive) process.env.NEWS_WIDGET_COUNTER_MAX_BATCH = '1';
      try {
        const counter = await startCounter({ site, db, args: ['--client-ip-header', 'X-Forwarded-For'] });
        counters.push(counter);
        return counter;
      } finally {
        delete process.env.NEWS_WIDGET_COUNTER_MAX_BATCH;
      }
    };
    try {
      bench.out('## View counter');
      bench.out();
      bench.out(
        `\`news-widget counter\` (release) on a site of ${ARTICLES} articles, and the load generator ` +
          `(counter/examples/load.rs: open loop, 512 keep-alive connections, a reader per X-Forwarded-For address and user agent, ` +
          `20% reloads), on the same machine. Latency runs from each view's due time to its answer. Each step sends ${STEP_SECONDS} s of views; ` +
          `sustained: ≥ ${SUSTAINED.achieved * 100}% of the rate answered, no error, p99 ≤ ${SUSTAINED.p99} ms; a step not sustained is tried once more. ` +
          `CPU: share of one core over the step; the rest of the machine is every other process (PostgreSQL's, with PostgreSQL).`,
      );
      bench.out();

      bench.out('### SQLite, group commit (one transaction per batch of waiting views)');
      bench.out();
      let counter = await start();
      const sqlite = await sustained(bench, counter, site, 'SQLite');
      await counter.close();

      bench.out('### SQLite, naive: one transaction per view (the baseline)');
      bench.out();
      counter = await start({ naive: true });
      const naive = await sustained(bench, counter, site, 'SQLite, naive');
      await counter.close();

      bench.out('### PostgreSQL 15 (a private cluster on this machine, fsync on)');
      bench.out();
      const postgres = await startPostgres();
      /** @type {Step | undefined} */
      let pg;
      try {
        counter = await start({ db: postgres.url });
        pg = await sustained(bench, counter, site, 'PostgreSQL');
        await counter.close();
      } finally {
        await postgres.stop();
      }

      // Memory: a fresh SQLite counter, 1,000,000 views at the rate SQLite
      // sustained (kept between 5,000 and 20,000/s, so the run takes 50 to 200 s).
      const rate = Math.min(20000, Math.max(5000, rateOf(sqlite)));
      counter = await start();
      const pid = counter.child.pid;
      const startKb = await rssKb(pid);
      /** @type {{ at: number, kb: number }[]} */
      const samples = [];
      const t0 = Date.now();
      const sampler = setInterval(async () => samples.push({ at: (Date.now() - t0) / 1000, kb: await rssKb(pid) }), 250);
      let long;
      try {
        long = await load(counter, site, { rate, views: MEMORY_VIEWS, readers: MEMORY_READERS, seed: 1000 });
      } finally {
        clearInterval(sampler);
      }
      steps.push({ ...long, store: 'SQLite' });
      const endKb = await rssKb(pid);
      const peakKb = Math.max(startKb, endKb, ...samples.map((s) => s.kb));
      // The resident set halfway through the views, against the end's: flat if
      // the second half (every reader seen already) grew it by under 5%.
      const half = samples.filter((s) => s.at <= long.seconds / 2).at(-1)?.kb ?? startKb;
      const flat = endKb <= half * 1.05;
      const counted = await statsTotal(counter);
      const running = await sqliteBytes(counter.db);
      await counter.stop();
      const stopped = await sqliteBytes(counter.db);
      await rm(counter.dir, { recursive: true, force: true });
      const perView = (running.db + running.wal) / long.answered;
      const mb = (/** @type {number} */ kb) => `${(kb / 1024).toFixed(1)} MB`;

      bench.out(`### Memory and store over ${MEMORY_VIEWS.toLocaleString('en')} views from ${MEMORY_READERS.toLocaleString('en')} readers (SQLite)`);
      bench.out();
      bench.out('| target views/s | achieved | errors | p50 ms | p99 ms | max ms | server CPU | load generator CPU | rest of the machine | sustained |');
      bench.out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
      bench.out(stepLine(long));
      bench.out();
      bench.out('| measure | value |');
      bench.out('|---|---:|');
      bench.out(`| server resident set: start → halfway → peak → end | ${mb(startKb)} → ${mb(half)} → ${mb(peakKb)} → ${mb(endKb)} (${flat ? 'flat' : 'growing'}) |`);
      bench.out(`| stats: views / readers counted (load generator: answered / distinct reader-article pairs) | ${counted.views} / ${counted.readers} (${long.answered} / ${long.readers}) |`);
      bench.out(`| database at the end of the run: file + WAL | ${(running.db / 1e6).toFixed(1)} MB + ${(running.wal / 1e6).toFixed(1)} MB |`);
      bench.out(`| bytes per view (file + WAL / views answered) | ${perView.toFixed(1)} |`);
      bench.out(`| database after SIGTERM (file + WAL) | ${((stopped.db + stopped.wal) / 1e6).toFixed(1)} MB |`);
      bench.out();
      bench.out(
        `What is kept: a 64-bit key per reader and article for the day (${counted.readers} rows, deleted when the day is over), ` +
          `a stats row per day, article and partner (${counted.rows} rows, kept), a count per article (${ARTICLES}), the day's salt.`,
      );
      bench.out();
      // Undefined when the baseline sustained not even the ladder's first rate.
      const ratio = rateOf(naive) ? rateOf(sqlite) / rateOf(naive) : NaN;
      bench.out('| store | sustained |');
      bench.out('|---|---|');
      bench.out(`| SQLite, group commit | ${summary(sqlite)} |`);
      bench.out(`| SQLite, one transaction per view | ${summary(naive)} |`);
      bench.out(`| PostgreSQL 15 | ${summary(pg)} |`);
      bench.out(`| group commit / one transaction per view | ${Number.isNaN(ratio) ? 'n/a (the baseline sustained nothing)' : `${ratio.toFixed(1)}x`} |`);
      bench.out();
      // Other processes take the cores and the disk from both sides: say so.
      const busiest = Math.max(...steps.filter((s) => s.store !== 'PostgreSQL').map((s) => s.restCpu / s.seconds));
      bench.out(
        busiest > 0.2
          ? `**The machine was not quiet**: other processes took up to ${(busiest * 100).toFixed(0)}% of a core during a SQLite run; these figures are low.`
          : `The machine was quiet: other processes took at most ${(Math.max(0, busiest) * 100).toFixed(0)}% of a core during any SQLite run.`,
      );
      bench.out();
      bench.out(`The counter section took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
      bench.out();

      const met = /** @param {boolean} ok */ (ok) => (ok ? 'met' : 'not met');
      bench.budget({
        budget: `counter: at least ${GOAL.toLocaleString('en')} views/s on SQLite with p99 ≤ ${SUSTAINED.p99} ms`,
        figure: summary(sqlite),
        verdict: met(rateOf(sqlite) >= GOAL),
      });
      bench.budget({
        budget: 'counter: flat memory over 1,000,000 views from 100,000 readers',
        figure: `${mb(startKb)} at start, ${mb(half)} halfway, ${mb(endKb)} at the end (peak ${mb(peakKb)})`,
        verdict: met(flat),
      });
      bench.figure('counter_sqlite_views_per_s', rateOf(sqlite));
      bench.figure('counter_sqlite_p99_ms', sqlite?.p99Ms ?? NaN);
      bench.figure('counter_naive_views_per_s', rateOf(naive));
      bench.figure('counter_group_commit_ratio', ratio);
      bench.figure('counter_postgres_views_per_s', rateOf(pg));
      bench.figure('counter_peak_rss_kb', peakKb);
      bench.figure('counter_end_rss_kb', endKb);
      bench.figure('counter_db_bytes_per_view', perView);
    } finally {
      for (const counter of counters) await counter.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
