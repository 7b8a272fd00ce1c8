// A static file server for dist/ on 127.0.0.1, for end-to-end tests, the
// benchmark and the demo. It sends the widget's files with the Cache-Control
// headers the README recommends for a deploy (scripts/version.mjs): the
// loader revalidated (ETag, 304), the versioned files immutable; everything
// else no-store; and every file with `Access-Control-Allow-Origin: *`, as a
// deploy serves them for frames whose origin is null (README, "Deploying";
// `cors: false` for a server without it). Test routes (status codes, delays, CSP headers) are added by
// the caller through `routes`: a map from path to handler (req, res) => void;
// `mounts` serves more folders under path prefixes ({ '/cdn/': DIST }).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { CACHE, LOADER } from '../scripts/version.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
};

// BENCH_DIST: another build to serve (the benchmark compares builds with it).
export const DIST = process.env.BENCH_DIST || fileURLToPath(new URL('../dist/', import.meta.url));

/** The build's manifest.json (scripts/version.mjs): its version and its widget files. */
export const manifest = async (dist = DIST) => JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8'));

/** The Cache-Control header of a file served at `path`, as a deploy should send it. */
export function cacheControl(path) {
  if (path.endsWith(`/${LOADER}`)) return CACHE.loader;
  if (/\/v\/[0-9a-f]+\//.test(path)) return CACHE.versioned;
  return 'no-store';
}

/** File bodies gzipped once, for `compress`. */
const gzipped = new Map();
const gzip = (file, bytes) => gzipped.get(file) ?? gzipped.set(file, gzipSync(bytes, { level: 9 })).get(file);

/**
 * Serves `root` on an ephemeral port; resolves to { url, close, requests }.
 * `compress`: files go out gzipped to clients that accept it, as from a CDN
 * (the benchmark's network emulation counts the bytes on the wire).
 */
export async function serve({ root = DIST, routes = {}, mounts = {}, headers = {}, compress = false, cors = true, port = 0 } = {}) {
  if (cors) headers = { 'access-control-allow-origin': '*', ...headers };
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (routes[path]) return routes[path](req, res);
    const [prefix, dir] = Object.entries(mounts).find(([prefix]) => path.startsWith(prefix)) || ['/', root];
    const rest = path.slice(prefix.length - 1);
    const file = normalize(join(dir, rest.endsWith('/') ? rest + 'index.html' : rest));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const body = await readFile(file);
      const zipped = compress && /gzip/.test(req.headers['accept-encoding'] || '') && !/image|video/.test(type);
      const sent = zipped ? gzip(file, body) : body;
      /** @type {Record<string, string>} */
      const cache = { 'cache-control': cacheControl(path), ...(compress ? { vary: 'accept-encoding' } : {}) };
      if (cache['cache-control'] !== 'no-store') {
        // One tag per variant (gzip or not), answered with 304 when the client has it.
        cache.etag = `"${createHash('sha1').update(sent).digest('hex')}"`;
        const tags = (req.headers['if-none-match'] || '').split(',').map((t) => t.trim().replace(/^W\//, ''));
        if (tags.includes(cache.etag) || tags.includes('*')) return res.writeHead(304, { ...cache, ...headers }).end();
      }
      res.writeHead(200, { 'content-type': type, ...(zipped ? { 'content-encoding': 'gzip' } : {}), ...cache, ...headers });
      res.end(sent);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  return {
    url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
