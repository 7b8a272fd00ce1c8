// A private PostgreSQL cluster for a test or the benchmark: Debian's
// PostgreSQL 15 in a temporary folder, on a Unix socket in that folder only
// (no TCP port), started with pg_ctl and stopped by `stop()`. PostgreSQL
// refuses to run as root, so as root it runs as the `postgres` user.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';
const PORT = 5432;

/**
 * Starts a cluster; resolves to { url, stop } where `url` is the
 * `postgres://` URL `news-widget counter --db` takes.
 * @returns {Promise<{ url: string, dir: string, stop: () => Promise<void> }>}
 */
export async function startPostgres() {
  const dir = await mkdtemp(join(tmpdir(), 'nw-postgres-'));
  const root = process.getuid?.() === 0;
  /** @param {string} tool @param {string[]} args */
  const pg = (tool, args) => (root ? run('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]) : run(join(BIN, tool), args));
  if (root) {
    await chmod(dir, 0o755);
    await run('chown', ['postgres:postgres', dir]);
  }
  const data = join(dir, 'data');
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  await pg('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', `-k ${dir} -p ${PORT} -c listen_addresses='' -c fsync=on`, 'start', '-w']);
  let stopped = false;
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${PORT}`,
    dir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg('pg_ctl', ['-D', data, 'stop', '-m', 'fast', '-w']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
