// A static file server for dist/ on 127.0.0.1, for end-to-end tests and the
// benchmark. Test routes (status codes, delays, CSP headers) are added by the
// caller through `routes`: a map from path to handler (req, res) => void;
// `mounts` serves more folders under path prefixes ({ '/cdn/': DIST }).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Serves `root` on an ephemeral port; resolves to { url, close, requests }. */
export async function serve({ root = DIST, routes = {}, mounts = {}, headers = {} } = {}) {
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
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
