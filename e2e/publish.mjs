// The sample site's partner pages (`news-widget build`: share pages, frame
// pages, oEmbed answers, the embed-code page), built for a test server's own
// address: WordPress and link previews need absolute URLs, and each test
// server has a port of its own.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { manifest, serve } from './server.mjs';
import { status } from './pages.mjs';

/** The publisher the sample site is built for, as `make build` builds it. */
export const PUBLISHER = { name: 'Tin tức mẫu', url: 'https://news.example/' };
/** The publisher's tool, as `make build` leaves it. */
const TOOL = fileURLToPath(new URL('../target/debug/news-widget', import.meta.url));
const SITE = fileURLToPath(new URL('../site/', import.meta.url));

/**
 * Serves dist/ as `serve` does (same options), with the sample site's
 * partner pages under /embed/, built for this server; resolves to serve's
 * { url, requests, close } and `embed`, the partner pages' absolute URL
 * (`close` also removes them). `site`: another site folder to build them
 * from (served at /site/ by the caller).
 * @param {Parameters<typeof serve>[0] & { site?: string }} [options]
 */
export async function servePartners({ site = SITE, ...options } = {}) {
  const out = await mkdtemp(join(tmpdir(), 'nw-partners-'));
  const routes = {
    // A publisher's site has its icon; without one, every page's console shows a 404.
    '/favicon.ico': status(204),
    ...options.routes,
  };
  const server = await serve({ ...options, routes, mounts: { '/embed/': out, ...options.mounts } });
  const embed = `${server.url}/embed/`;
  const { version } = await manifest();
  try {
    await promisify(execFile)(TOOL, [
      'build', site, '--out', out, '--public', embed, '--publisher', PUBLISHER.name,
      '--publisher-url', PUBLISHER.url, '--stylesheet', `/v/${version}/news-widget.css`,
    ]);
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    ...server,
    embed,
    close: async () => {
      await server.close();
      await rm(out, { recursive: true, force: true });
    },
  };
}
