// The counter as a process (`news-widget counter`), from outside: what it
// answers, what survives `kill -9` and a restart, what bad requests do, and
// two processes sharing one real PostgreSQL (e2e/postgres.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SITE, startCounter, stats, view } from './counter.mjs';
import { startPostgres } from './postgres.mjs';

const UA = (n) => `Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0 reader-${n}`;

describe('the view endpoints', () => {
  /** @type {import('./counter.mjs').Counter} */
  let counter;
  before(async () => (counter = await startCounter()));
  after(() => counter?.close());

  test('POST counts a reader once, GET only looks; both answer any origin and set no cookie', async () => {
    const looked = await view(counter.url, '20110', { method: 'GET' });
    assert.equal(looked.status, 200);
    assert.equal(looked.headers.get('access-control-allow-origin'), '*');
    const start = looked.body.viewCount;
    const first = await view(counter.url, '20110', { userAgent: UA(1), origin: 'https://a.example' });
    assert.deepEqual(first.body, { viewCount: start + 1 });
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    assert.equal(first.headers.get('set-cookie'), null);
    assert.deepEqual((await view(counter.url, '20110', { userAgent: UA(1) })).body, { viewCount: start + 1 }, 'a reload');
    assert.deepEqual((await view(counter.url, '20110', { method: 'GET' })).body, { viewCount: start + 1 });
    assert.deepEqual((await view(counter.url, '20110', { userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).body, { viewCount: start + 1 }, 'a crawler is not counted');
  });

  test('bad requests get a clear answer and never touch the counts', async () => {
    const before = (await view(counter.url, '20115', { method: 'GET' })).body.viewCount;
    const unknown = await view(counter.url, 'no-such-article', { userAgent: UA(2) });
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error, /no article "no-such-article"/);
    const big = await view(counter.url, '20115', { userAgent: UA(2), body: 'x'.repeat(1025) });
    assert.equal(big.status, 413);
    const nonsense = await view(counter.url, '20115', { userAgent: UA(2), body: '{"partner": 5' });
    assert.equal(nonsense.status, 400);
    const other = await fetch(`${counter.url}/views/20115`, { method: 'PUT', body: 'x' });
    assert.equal(other.status, 405);
    const denied = await fetch(`${counter.url}/stats.json`);
    assert.equal(denied.status, 401);
    const wrong = await fetch(`${counter.url}/stats.json`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
    assert.equal(wrong.status, 401);
    assert.equal((await view(counter.url, '20115', { method: 'GET' })).body.viewCount, before);
    assert.equal((await stats(counter, 'article=20115')).length, 0);
  });

  test('a flood from one address gets 429; a body that never ends and garbage on the socket are cut off; the counter goes on', async () => {
    const before = (await view(counter.url, '20118', { method: 'GET' })).body.viewCount;
    // A body that never ends: the headers promise more than ever comes.
    const endless = connect(Number(new URL(counter.url).port), '127.0.0.1');
    endless.write('POST /views/20118 HTTP/1.1\r\nHost: x\r\nUser-Agent: slow\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n');
    const endlessAnswer = answerOf(endless);
    // Garbage on the socket.
    const garbage = connect(Number(new URL(counter.url).port), '127.0.0.1');
    garbage.write('\x00\x01\x02 this is not HTTP\r\n\r\n');
    assert.match(await answerOf(garbage), /^HTTP\/1\.1 400/);
    // A flood: 300 views from one address at once, one reader.
    const flood = await Promise.all(Array.from({ length: 300 }, () => view(counter.url, '20118', { userAgent: UA(3) })));
    const statuses = new Set(flood.map((r) => r.status));
    assert.deepEqual([...statuses].sort(), [200, 429]);
    const limited = flood.find((r) => r.status === 429);
    assert.match(limited?.body.error, /too many requests/);
    // The endless body is cut off by the counter's read timeout.
    assert.match(await endlessAnswer, /^HTTP\/1\.1 4\d\d|^$/);
    // Still answering, and the flood's reader counted once.
    const after = await waitFor(async () => {
      const r = await view(counter.url, '20118', { method: 'GET' });
      return r.status === 200 && r;
    });
    assert.equal(after.body.viewCount, before + 1);
    const row = (await stats(counter, 'article=20118'))[0];
    assert.equal(row.readers, 1);
    assert.ok(row.views >= 1 && row.views <= 300);
  });

  test('a new article in the site counts without a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nw-site-'));
    const site = await startCounter({ site: await copySite(dir) });
    try {
      assert.equal((await view(site.url, 'fresh-1', { method: 'GET' })).status, 404);
      const article = JSON.parse(await readFile(join(SITE, 'articles', '20110.json'), 'utf8'));
      await writeFile(join(dir, 'articles', 'fresh-1.json'), JSON.stringify({ ...article, id: 'fresh-1', viewCount: 7 }));
      const counted = await waitFor(async () => {
        const r = await view(site.url, 'fresh-1', { userAgent: UA(4) });
        return r.status === 200 && r;
      });
      assert.deepEqual(counted.body, { viewCount: 8 });
    } finally {
      await site.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('what survives', () => {
  test('kill -9 after views were answered, then a restart: every answered view is there, and today\'s readers are not counted again', async () => {
    let counter = await startCounter();
    try {
      const answered = [];
      for (let n = 0; n < 20; n++) answered.push((await view(counter.url, '20121', { userAgent: UA(100 + n) })).body.viewCount);
      await counter.kill();
      counter = await counter.restart();
      const after = (await view(counter.url, '20121', { method: 'GET' })).body.viewCount;
      assert.equal(after, Math.max(...answered), 'every answered view survived');
      assert.equal((await view(counter.url, '20121', { userAgent: UA(100) })).body.viewCount, after, 'a reader of today is known');
      assert.equal((await view(counter.url, '20121', { userAgent: UA(200) })).body.viewCount, after + 1);
      const row = (await stats(counter, 'article=20121'))[0];
      assert.deepEqual([row.views, row.readers], [22, 21]);
      assert.equal(await counter.stop(), 0, 'SIGTERM: a clean exit');
    } finally {
      await counter.close();
    }
  });

  test('the database holds no IP or user agent of the readers', async () => {
    const counter = await startCounter({ args: ['--client-ip-header', 'X-Forwarded-For'] });
    try {
      for (let n = 0; n < 5; n++) await view(counter.url, '20104', { userAgent: `Mozilla/5.0 Secret-Agent-${n}`, ip: `198.51.100.${n + 10}` });
      assert.equal((await stats(counter, 'article=20104'))[0].readers, 5);
      await counter.stop();
      const files = (await readdir(counter.dir)).filter((f) => f.startsWith('views.db'));
      const bytes = Buffer.concat(await Promise.all(files.map((f) => readFile(join(counter.dir, f)))));
      assert.ok(bytes.length > 0 && bytes.includes('20104'), 'the check reads the store');
      for (let n = 0; n < 5; n++) {
        assert.ok(!bytes.includes(`Secret-Agent-${n}`), 'a user agent');
        assert.ok(!bytes.includes(`198.51.100.${n + 10}`), 'an IP as text');
        assert.ok(!bytes.includes(Buffer.from([198, 51, 100, n + 10])), 'an IP as bytes');
      }
    } finally {
      await counter.close();
    }
  });
});

describe('PostgreSQL', () => {
  /** @type {Awaited<ReturnType<typeof startPostgres>>} */
  let pg;
  before(async () => (pg = await startPostgres()));
  after(() => pg?.stop());

  test('two counter processes on one PostgreSQL agree on the count, and a reader seen by both counts once', async () => {
    const one = await startCounter({ db: pg.url });
    const two = await startCounter({ db: pg.url });
    try {
      const start = (await view(one.url, '20122', { method: 'GET' })).body.viewCount;
      assert.equal((await view(one.url, '20122', { userAgent: UA(1), origin: 'https://a.example' })).body.viewCount, start + 1);
      assert.equal((await view(two.url, '20122', { userAgent: UA(1), origin: 'https://b.example' })).body.viewCount, start + 1, 'seen by both: once');
      assert.equal((await view(two.url, '20122', { userAgent: UA(2) })).body.viewCount, start + 2);
      // Readers at both at once: each counts once, whichever process sees it.
      const both = await Promise.all(Array.from({ length: 40 }, (_, n) => view(n % 2 ? one.url : two.url, '20122', { userAgent: UA(10 + (n >> 1)) })));
      assert.ok(both.every((r) => r.status === 200));
      // Each process reads the other's counts within its tick.
      const agreed = await waitFor(async () => {
        const [x, y] = await Promise.all([one, two].map((c) => view(c.url, '20122', { method: 'GET' })));
        return x.body.viewCount === y.body.viewCount && x.body.viewCount;
      });
      assert.equal(agreed, start + 22);
      const rows = await stats(two, 'article=20122');
      assert.equal(rows.reduce((sum, r) => sum + r.readers, 0), 22);
      assert.equal(rows.reduce((sum, r) => sum + r.views, 0), 43);
      // A restart of both: today's readers are known.
      const again = await one.restart();
      assert.equal((await view(again.url, '20122', { userAgent: UA(2) })).body.viewCount, start + 22);
      await again.close();
    } finally {
      await one.close();
      await two.close();
    }
  });
});

/**
 * What a raw connection is answered, up to its close.
 * @param {import('node:net').Socket} socket
 * @returns {Promise<string>}
 */
function answerOf(socket) {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
  });
}

/**
 * `check()`'s first truthy answer, asked every 50 ms (under the counter's
 * rate limit): for what the counter does within its one-second tick
 * (re-reading the site, reading the other process's counts). Gives up after 10 s.
 * @template T
 * @param {() => Promise<T | false | undefined | 0>} check
 * @returns {Promise<T>}
 */
async function waitFor(check) {
  const end = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A copy of the sample site's articles in `dir`; resolves to `dir`. */
async function copySite(dir) {
  await rm(join(dir, 'articles'), { recursive: true, force: true });
  await mkdir(join(dir, 'articles'));
  for (const name of await readdir(join(SITE, 'articles'))) await copyFile(join(SITE, 'articles', name), join(dir, 'articles', name));
  return dir;
}
