// Makes a built widget deployable like a CDN-hosted embed (run by
// scripts/post-build.sh on Trunk's staging folder):
//
// - the module's files (bindings, wasm, stylesheet) move into v/<version>/,
//   where <version> is a hash of their contents: immutable, cached forever;
// - the loader, news-widget.js, stays at its stable URL and gets that version
//   written in, so a loader and its module always match;
// - manifest.json lists every widget file with its hash, size and the
//   Cache-Control header it should be served with (see README, "Deploying").
//
// Usage: node scripts/version.mjs DIR   (prints the version)
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The files of one version, in the order they are hashed. */
export const VERSIONED = ['news_widget.js', 'news_widget_bg.wasm', 'news-widget.css'];
/** The loader's stable name, and the placeholder its source carries for the version. */
export const LOADER = 'news-widget.js';
export const PLACEHOLDER = '__NEWS_WIDGET_VERSION__';

/** The Cache-Control headers a deploy should send (README, "Deploying"). */
export const CACHE = {
  // Revalidated on every page view (a 304 when unchanged): a deploy reaches readers at once.
  loader: 'public, no-cache',
  // Named by their contents: never changes, so cached for a year.
  versioned: 'public, max-age=31536000, immutable',
};

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

export async function version(dir) {
  const source = await readFile(join(dir, LOADER), 'utf8');
  // Checked before anything moves: a loader without it would load no version.
  if (!source.includes(PLACEHOLDER)) throw new Error(`${LOADER} has no ${PLACEHOLDER} to replace`);
  const files = await Promise.all(VERSIONED.map((name) => readFile(join(dir, name))));
  const id = sha256(Buffer.concat(files.map((bytes) => Buffer.from(sha256(bytes))))).slice(0, 12);
  await mkdir(join(dir, 'v', id), { recursive: true });
  for (const name of VERSIONED) await rename(join(dir, name), join(dir, 'v', id, name));
  await writeFile(join(dir, LOADER), source.replaceAll(PLACEHOLDER, id));
  const entry = async (path, cacheControl) => {
    const bytes = await readFile(join(dir, path));
    return { path, sha256: sha256(bytes), bytes: bytes.length, cacheControl };
  };
  const manifest = {
    version: id,
    files: [
      await entry(LOADER, CACHE.loader),
      ...(await Promise.all(VERSIONED.map((name) => entry(`v/${id}/${name}`, CACHE.versioned)))),
    ],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return id;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await version(process.argv[2]));
}
