// `news-widget counter` for a test or the benchmark: the real binary (as
// `make build` leaves it) on a port of its own, with a fresh store and token.
// Every test stops what it started: `stop()` sends SIGTERM and waits for the
// exit (the counter writes everything first), `kill()` is `kill -9`.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The publisher's tool. BENCH_TOOL: another build of it (the benchmark's release build). */
export const TOOL = process.env.BENCH_TOOL || fileURLToPath(new URL('../target/debug/news-widget', import.meta.url));
/** The sample site. */
export const SITE = fileURLToPath(new URL('../site/', import.meta.url));

/**
 * @typedef {object} Counter
 * @property {string} url the counter's origin, `http://127.0.0.1:PORT`
 * @property {string} token the publisher's token
 * @property {string} db the store (`--db`)
 * @property {string} dir a folder of its own (the SQLite file, the token)
 * @property {import('node:child_process').ChildProcess} child the process
 * @property {() => string} stderr what it printed on stderr so far
 * @property {() => Promise<number | null>} stop SIGTERM, then its exit code
 * @property {() => Promise<void>} kill SIGKILL (`kill -9`), then its end
 * @property {() => Promise<Counter>} restart a new process on the same store and port
 * @property {() => Promise<void>} close stop it and remove its folder
 */

/**
 * Starts a counter of `site` on `db` (default: a new SQLite file in a folder
 * of its own); `args`: more options (`--client-ip-header`, say).
 * @param {{ site?: string, db?: string, args?: string[], port?: number, dir?: string, token?: string }} [options]
 * @returns {Promise<Counter>}
 */
export async function startCounter({ site = SITE, db, args = [], port = 0, dir, token } = {}) {
  dir ??= await mkdtemp(join(tmpdir(), 'nw-counter-'));
  token ??= randomBytes(16).toString('hex');
  db ??= join(dir, 'views.db');
  const tokenFile = join(dir, 'token');
  await writeFile(tokenFile, `${token}\n`);
  const child = spawn(TOOL, ['counter', '--site', site, '--db', db, '--listen', `127.0.0.1:${port}`, '--token-file', tokenFile, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const ready = /counting views on (http:\/\/[\d.:]+)\//.exec(stderr);
      if (ready) resolve(ready[1]);
    });
    exited.then((code) => reject(new Error(`the counter exited (${code}) before it listened:\n${stderr}`)));
  });
  /** @type {Counter} */
  const counter = {
    url, token, db, dir, child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    restart: async () => {
      await counter.stop();
      return startCounter({ site, db, args, port: Number(new URL(url).port), dir, token });
    },
    close: async () => {
      await counter.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return counter;
}

/**
 * One view or one look at the count, as a widget sends it: a simple CORS
 * request. Resolves to { status, body } (body parsed when it is JSON).
 * @param {string} url the counter's origin
 * @param {string} id the article
 * @param {{ method?: string, userAgent?: string, origin?: string, body?: string, ip?: string }} [options]
 */
export async function view(url, id, { method = 'POST', userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', origin, body, ip } = {}) {
  /** @type {Record<string, string>} */
  const headers = { 'user-agent': userAgent, 'content-type': 'text/plain;charset=UTF-8' };
  if (origin) headers.origin = origin;
  if (ip) headers['x-forwarded-for'] = ip;
  const response = await fetch(`${url}/views/${encodeURIComponent(id)}`, { method, headers, body: method === 'POST' ? body : undefined });
  const text = await response.text();
  let parsed;
  try { parsed = JSON.parse(text); } catch { parsed = text; }
  return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * The stats rows, with the token.
 * @param {Counter} counter
 * @param {string} [query] e.g. `article=20122`
 * @returns {Promise<Array<{ day: string, article: string, partner: string | null, views: number, readers: number }>>}
 */
export async function stats(counter, query = '') {
  const response = await fetch(`${counter.url}/stats.json?${query}`, { headers: { authorization: `Bearer ${counter.token}` } });
  if (!response.ok) throw new Error(`stats: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * A copy of the sample site whose articles name the counter at `url`
 * (`viewCounter`: `url/views/<id>`, as `news-widget import --counter` writes
 * it); resolves to its folder, which the caller removes.
 * @param {string} url the counter's origin
 */
export async function countedSite(url) {
  const dir = await mkdtemp(join(tmpdir(), 'nw-counted-site-'));
  await cp(SITE, dir, { recursive: true });
  const articles = join(dir, 'articles');
  for (const name of await readdir(articles)) {
    const file = join(articles, name);
    const article = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...article, viewCounter: `${url}/views/${article.id}` }, null, 2));
  }
  return dir;
}
