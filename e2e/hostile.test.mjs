// Hostile input against the built dist/ in headless Chromium: XSS vectors in
// every text and URL field, broken and absurd documents, and failing
// networks. Every case runs beside a valid widget, which must stay rendered
// and working through all of them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, DIST } from './server.mjs';
import { frames, launch, outcome, recordEvents } from './browser.mjs';
import { corpus } from './corpus.mjs';
import { held, hostPage, json, status } from './pages.mjs';

const seed = JSON.parse(await readFile(`${DIST}site/articles/20122.json`, 'utf8'));
const copy = () => structuredClone(seed);
const { TEXT_VECTORS, URL_VECTORS, textAttack, URL_FIELDS } = corpus(seed);

// Bad documents: [name, body (string or Buffer), expected code, expected path or null].
const change = (f) => {
  const a = copy();
  f(a);
  return JSON.stringify(a);
};
/** @type {[string, string | Buffer, string, string | null][]} */
const BAD_DATA = [
  ['malformed', '{"id": "1", "headline": ', 'invalid', 'headline'],
  ['wrong-type', change((a) => (a.headline = 42)), 'invalid', 'headline'],
  ['missing-field', change((a) => delete a.published), 'invalid', ''],
  ['negative-views', change((a) => (a.viewCount = -3824)), 'invalid', 'viewCount'],
  ['year-zero', change((a) => (a.published = '0000-01-20T19:35:08+07:00')), 'invalid', 'published'],
  ['huge-headline', change((a) => (a.headline = 'x'.repeat(1_000_000))), 'invalid', 'headline'],
  ['not-utf8', Buffer.concat([Buffer.from('{"id":"1","headline":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]), 'invalid', null],
  ['array', '[1, 2, 3]', 'invalid', ''],
];

/** A slow server's answer, held until the test has seen the widget loading. */
const slow = held(json(seed));

let server;
let other; // another origin, without CORS headers
let browser;
const hits = {};
const counted = (name, handler) => (req, res) => {
  hits[name] = (hits[name] || 0) + 1;
  return handler(req, res);
};

function routes() {
  const r = {};
  TEXT_VECTORS.forEach((v, i) => (r[`/attack/text-${i}.json`] = json(textAttack(v))));
  URL_FIELDS.forEach(([path, set], f) =>
    URL_VECTORS.forEach((v, i) => (r[`/attack/url-${f}-${i}.json`] = json(change((a) => set(a, v))))),
  );
  for (const [name, body] of BAD_DATA) r[`/bad/${name}.json`] = json(body);
  r['/bad/unknown-block.json'] = json(change((a) => a.body.splice(1, 0, { poll: { question: '?' } }, { tweet: 'x' })));
  r['/bad/bom.json'] = json(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(seed))]));
  r['/bad/html-200.json'] = json('<!doctype html><h1>Portal error</h1>', { 'content-type': 'text/html' });
  // 30 MB, declared up front, and the same without a length (chunked).
  const huge = (declared) => (req, res) => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': 30 * chunk.length } : {}) });
    let sent = 0;
    const pump = () => {
      while (sent < 30 && res.write(chunk)) sent++;
      if (sent >= 30) res.end();
      else res.once('drain', () => (sent++, pump()));
    };
    res.on('error', () => {});
    pump();
  };
  r['/bad/huge-declared.json'] = huge(true);
  r['/bad/huge-chunked.json'] = huge(false);
  r['/net/404.json'] = status(404);
  r['/net/410.json'] = status(410);
  r['/net/500.json'] = counted('500', status(500));
  r['/net/503-once.json'] = counted('503-once', (req, res) =>
    hits['503-once'] === 1 ? status(503)(req, res) : json(seed)(req, res),
  );
  r['/net/silent.json'] = () => {}; // never answers
  r['/net/slow.json'] = slow.route;
  r['/net/offline.json'] = json(seed);
  return r;
}

before(async () => {
  server = await serve({ routes: routes() });
  other = await serve({ cors: false }); // no Access-Control-Allow-Origin
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

/**
 * A host page with the valid seed widget first, then `srcs` as widgets;
 * returns the page and the console lines the widget wrote.
 */
async function openHost(srcs) {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await recordEvents(page);
  const lines = [];
  page.on('console', (m) => /^news-article [0-9a-f]{12}: /.test(m.text()) && lines.push(m.text()));
  page.on('dialog', (d) => d.dismiss());
  const widgets = srcs.map((src, i) => `<news-article id="w${i}" loading="eager" src="${src}"></news-article>`).join('\n');
  await page.route('**/host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: hostPage(`<news-article id="valid" loading="eager" src="/site/articles/20122.json"></news-article>${widgets}`, {
        title: 'hostile',
      }),
    }),
  );
  await page.goto(`${server.url}/host.html`);
  return { page, lines };
}

/** The first outcome of each widget w0..wN, in order. */
const outcomes = (page, n) => Promise.all([...Array(n).keys()].map((i) => outcome(page, { selector: `#w${i}`, timeout: 30000 })));

/** The valid widget is rendered, and still works: a related item opens. */
async function validStillWorks(page) {
  assert.equal(await page.locator('#valid h2').textContent(), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
  await page.locator('#valid .nw-related a').first().click();
  await page.waitForFunction(() => widgetEvents.some((e) => e.type === 'rendered' && e.detail.id === '20125' && e.target.id === 'valid'));
  assert.equal(await page.locator('#valid h2').textContent(), 'Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần');
}

/** Nothing in any widget can run script: no handlers, no script-capable elements, only safe URLs. */
/**
 * Waits until every eagerly loaded image in every widget has loaded or failed
 * (an injected <img onerror> would be one), and two frames more.
 */
async function settled(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('news-article')].every((host) =>
      [...host.shadowRoot.querySelectorAll('img')].every((img) => img.loading === 'lazy' || img.complete),
    ),
  );
  await frames(page);
}

async function inert(page) {
  return page.evaluate(() => {
    const problems = [];
    for (const host of document.querySelectorAll('news-article')) {
      for (const el of host.shadowRoot.querySelectorAll('*')) {
        const tag = el.localName;
        if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'noscript', 'form', 'base'].includes(tag)) {
          problems.push(`${host.id}: <${tag}>`);
        }
        for (const { name, value } of el.attributes) {
          if (name.startsWith('on') || name === 'srcdoc' || name === 'style') problems.push(`${host.id}: ${tag}[${name}]`);
          if (['href', 'src', 'poster', 'action', 'formaction'].includes(name) && !/^(https?:|mailto:)/i.test(value)) {
            problems.push(`${host.id}: ${tag}[${name}=${value}]`);
          }
        }
      }
    }
    return { problems, pwned: window.__pwned ?? null };
  });
}

describe('XSS vectors', () => {
  test('in every text field: shown as text, never run, never live markup', async () => {
    const srcs = TEXT_VECTORS.map((_, i) => `/attack/text-${i}.json`);
    const { page } = await openHost(srcs);
    const results = await outcomes(page, srcs.length);
    results.forEach((r, i) => assert.equal(r.type, 'rendered', `vector ${i}`));
    for (const [i, vector] of TEXT_VECTORS.entries()) {
      assert.equal(await page.locator(`#w${i} h2`).textContent(), vector);
      assert.equal(await page.locator(`#w${i} .nw-figure img`).first().getAttribute('alt'), vector);
    }
    // Any handler (onerror, onload, ontoggle) would have fired once every image has settled.
    await settled(page);
    assert.deepEqual(await inert(page), { problems: [], pwned: null });
    await validStillWorks(page);
    await page.close();
  });

  test('in every URL field, in every spelling: refused with the field named', async () => {
    const srcs = [];
    const expected = [];
    URL_FIELDS.forEach(([path], f) =>
      URL_VECTORS.forEach((_, i) => {
        srcs.push(`/attack/url-${f}-${i}.json`);
        expected.push(path);
      }),
    );
    const { page } = await openHost(srcs);
    const results = await outcomes(page, srcs.length);
    results.forEach((r, i) => {
      assert.equal(r.type, 'error', `${srcs[i]} must not render`);
      assert.equal(r.detail.code, 'invalid');
      assert.ok(r.detail.message.includes(`\`${expected[i]}\``), `${srcs[i]}: ${r.detail.message}`);
    });
    await settled(page);
    assert.deepEqual(await inert(page), { problems: [], pwned: null });
    await validStillWorks(page);
    await page.close();
  });
});

test('bad data gets a precise error for developers and a short message for readers', async () => {
  const names = [...BAD_DATA.map(([name]) => name), 'html-200', 'huge-declared', 'huge-chunked'];
  const srcs = names.map((name) => `/bad/${name}.json`);
  const { page, lines } = await openHost(srcs);
  const results = await outcomes(page, srcs.length);
  const expectations = [
    ...BAD_DATA.map(([, , code, path]) => [code, path]),
    ['invalid', ''],
    ['too-large', null],
    ['too-large', null],
  ];
  results.forEach((r, i) => {
    const [code, path] = expectations[i];
    assert.equal(r.type, 'error', names[i]);
    assert.equal(r.detail.code, code, `${names[i]}: ${r.detail.message}`);
    if (path !== null) assert.ok(r.detail.message.includes(`at \`${path}\``), `${names[i]}: ${r.detail.message}`);
  });
  for (const i of names.keys()) {
    const shown = await page.locator(`#w${i} [role=alert] p`).textContent();
    assert.ok(
      ['Dữ liệu bài viết bị lỗi, không thể hiển thị.'].includes(shown),
      `${names[i]}: reader sees "${shown}"`,
    );
  }
  // One clear console line per failed widget.
  assert.equal(lines.length, names.length, lines.join('\n'));
  await validStillWorks(page);
  await page.close();
});

test('unknown block types are skipped and a byte order mark is fine', async () => {
  const { page } = await openHost(['/bad/unknown-block.json', '/bad/bom.json']);
  const results = await outcomes(page, 2);
  assert.deepEqual(results.map((r) => r.type), ['rendered', 'rendered']);
  const blocks = await page.locator('#w0 .nw-body > *').count();
  assert.equal(blocks, seed.body.length);
  await page.close();
});

describe('the network fails', () => {
  test('not found, server errors, HTML pages, no CORS: an error and no endless spinner', async () => {
    /** @type {[string, string, string, boolean][]} */
    const cases = [
      ['/net/404.json', 'not-found', 'Không tìm thấy bài viết này.', false],
      ['/net/410.json', 'not-found', 'Không tìm thấy bài viết này.', false],
      ['/net/500.json', 'http', 'Không tải được bài viết. Vui lòng thử lại sau.', true],
      [`${other.url}/site/articles/20122.json`, 'network', 'Không tải được bài viết. Vui lòng thử lại sau.', true],
    ];
    const { page } = await openHost(cases.map(([src]) => src));
    const results = await outcomes(page, cases.length);
    for (const [i, [src, code, message, retry]] of cases.entries()) {
      assert.equal(results[i].type, 'error', src);
      assert.equal(results[i].detail.code, code, `${src}: ${results[i].detail.message}`);
      assert.equal(await page.locator(`#w${i} [role=alert] p`).textContent(), message);
      assert.equal(await page.locator(`#w${i} .nw-retry`).count(), retry ? 1 : 0, src);
      assert.equal(await page.locator(`#w${i} .nw-skeleton, #w${i} [aria-busy=true]`).count(), 0, `${src}: no spinner left`);
    }
    assert.equal(hits['500'], 3, 'a server error is tried three times, with backoff');
    await validStillWorks(page);
    await page.close();
  });

  test('a server error that passes is retried without the reader noticing', async () => {
    const { page } = await openHost(['/net/503-once.json']);
    const [result] = await outcomes(page, 1);
    assert.deepEqual(result, { type: 'rendered', detail: { id: '20122' } });
    assert.equal(hits['503-once'], 2);
    await page.close();
  });

  test('a slow server: loading first, then the article', async () => {
    slow.hold();
    const { page } = await openHost(['/net/slow.json']);
    await page.locator('#w0 .nw-skeleton[role=status]').waitFor();
    slow.release();
    const [result] = await outcomes(page, 1);
    assert.equal(result.type, 'rendered');
    assert.equal(await page.locator('#w0 [role=status][aria-busy]').count(), 0);
    await page.close();
  });

  test('a server that never answers: a timeout error after 10 s, with retry', async () => {
    const { page } = await openHost(['/net/silent.json']);
    const started = Date.now();
    const [result] = await outcomes(page, 1);
    assert.equal(result.type, 'error');
    assert.equal(result.detail.code, 'timeout');
    assert.ok(Date.now() - started >= 9000);
    assert.equal(await page.locator('#w0 [role=alert] p').textContent(), 'Máy chủ không phản hồi. Vui lòng thử lại.');
    assert.equal(await page.locator('#w0 .nw-retry').count(), 1);
    await validStillWorks(page);
    await page.close();
  });

  test('the reader goes offline: an error with retry, and retry works once back online', async () => {
    const { page } = await openHost([]);
    await outcome(page, { selector: '#valid' });
    await page.context().setOffline(true);
    await page.evaluate(() => {
      const el = document.createElement('news-article');
      el.id = 'w0';
      el.setAttribute('src', '/net/offline.json');
      el.setAttribute('loading', 'eager');
      document.body.append(el);
    });
    const [result] = await outcomes(page, 1);
    assert.equal(result.detail.code, 'network');
    await page.context().setOffline(false);
    await page.locator('#w0 .nw-retry').click();
    assert.deepEqual(await outcome(page, { selector: '#w0', count: 2 }), { type: 'rendered', detail: { id: '20122' } });
    await page.close();
  });
});
