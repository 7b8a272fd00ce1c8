// The loader decides one thing before the module is there: which article
// to ask for early (src's scheme, and history="hash" with an article of
// src's origin in the page URL). Those rules are the module's; this test
// holds the loader's copy to them: for each case, the loader asks early
// exactly when the module then uses that very request, and no article is
// ever fetched twice. "Early" is read from the page's own clock: the
// article's request started before the module was instantiated.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { manifest, serve, DIST } from './server.mjs';
import { launch, outcome, recordEvents } from './browser.mjs';
import { file, held, hostPage, html } from './pages.mjs';

let server;
let browser;
/** @type {Buffer} */
let wasm;
/** The module of the page under /held/, sent only once the test lets it go. */
const module = held(file(() => wasm, 'application/wasm'));

const page = (attributes, { hash = '' } = {}) => ({ attributes, hash });
const fragment = (url) => '#news-article=' + encodeURIComponent(url);

/**
 * Cases: the element's attributes, the page's fragment, and what the module
 * makes of them (the article it shows; `late` when the module, not the loader, asks for it).
 * @type {{ name: string, attributes: string, hash: string, module: string | null, late?: boolean }[]}
 */
const CASES = [
  { name: 'a relative src', ...page('src="/site/articles/20122.json"'), module: '/site/articles/20122.json' },
  { name: 'spaces around src', ...page('src="  /site/articles/20122.json  "'), module: '/site/articles/20122.json' },
  { name: 'an absolute http src', ...page('src="ORIGIN/site/articles/20121.json"'), module: '/site/articles/20121.json' },
  { name: 'a javascript: src', ...page('src="javascript:alert(1)"'), module: null },
  { name: 'a data: src', ...page('src="data:application/json,{}"'), module: null },
  { name: 'an ftp: src', ...page('src="ftp://127.0.0.1/x.json"'), module: null },
  { name: 'no src', ...page('lang="en"'), module: null },
  {
    name: 'history="hash" without the key',
    ...page('history="hash" src="/site/articles/20122.json"', { hash: '#top' }),
    module: '/site/articles/20122.json',
  },
  {
    name: 'history="hash" naming another article',
    ...page('history="hash" src="/site/articles/20122.json"', { hash: fragment('ORIGIN/site/articles/20118.json') }),
    module: '/site/articles/20118.json',
    late: true,
  },
  {
    name: 'history="hash" naming it after another key',
    ...page('history="hash" src="/site/articles/20122.json"', { hash: `#top&${fragment('ORIGIN/site/articles/20118.json').slice(1)}` }),
    module: '/site/articles/20118.json',
    late: true,
  },
  {
    name: 'history="hash" naming an article of another origin',
    ...page('history="hash" src="/site/articles/20122.json"', { hash: fragment('http://other.example/site/articles/20118.json') }),
    module: '/site/articles/20122.json',
  },
  {
    name: 'history="hash" naming a relative URL',
    ...page('history="hash" src="/site/articles/20122.json"', { hash: fragment('/site/articles/20118.json') }),
    module: '/site/articles/20122.json',
  },
  {
    name: 'history="hash" with a broken escape',
    ...page('history="hash" src="/site/articles/20122.json"', { hash: '#news-article=%E0%A4%A' }),
    module: '/site/articles/20122.json',
  },
  {
    name: 'the key without history="hash"',
    ...page('src="/site/articles/20122.json"', { hash: fragment('ORIGIN/site/articles/20118.json') }),
    module: '/site/articles/20122.json',
  },
];

before(async () => {
  const { version } = await manifest();
  wasm = await readFile(`${DIST}v/${version}/news_widget_bg.wasm`);
  const routes = {
    '/held/skeleton.html': html(hostPage('<news-article loading="eager" src="/site/articles/20122.json"></news-article>', { script: '/held/news-widget.js' })),
    [`/held/v/${version}/news_widget_bg.wasm`]: module.route,
  };
  CASES.forEach((c, i) => {
    routes[`/case/${i}.html`] = html(() =>
      hostPage(`<news-article loading="eager" ${c.attributes.replace('ORIGIN', server.url)}></news-article>`, { title: 'loader' }),
    );
  });
  server = await serve({ routes, mounts: { '/held/': DIST } });
  browser = await launch();
});

after(async () => {
  module.release();
  await browser?.close();
  await server?.close();
});

/** Records, in `window.skeletons`, every skeleton that enters a widget's shadow root. */
function watchSkeletons() {
  window.skeletons = 0;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n instanceof Element && (n.matches('.nw-skeleton') || n.querySelector('.nw-skeleton'))) window.skeletons += 1;
        }
      }
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
}

/** Records, in `window.instantiatedAt`, when the page first instantiated a WebAssembly module. */
function watchInstantiation() {
  const instantiate = WebAssembly.instantiate;
  /** @type {any} */ (WebAssembly).instantiate = function (/** @type {any} */ ...args) {
    window.instantiatedAt ??= performance.now();
    return instantiate.apply(this, args);
  };
}

test('an article that came in before the module shows without a skeleton', async () => {
  const p = await browser.newPage();
  await p.addInitScript(watchSkeletons);
  await p.goto(`${server.url}/held/skeleton.html`);
  // The module is sent only once the whole article is in.
  await p.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/20122.json')));
  module.release();
  await p.waitForFunction(() => document.querySelector('news-article').shadowRoot?.querySelector('h2'));
  assert.equal(await p.evaluate(() => window.skeletons), 0);
  await p.close();
});

for (const [i, c] of CASES.entries()) {
  test(`the loader and the module agree: ${c.name}`, async () => {
    const start = server.requests.length;
    const p = await browser.newPage();
    await recordEvents(p);
    await p.addInitScript(watchInstantiation);
    await p.goto(`${server.url}/case/${i}.html${c.hash.replace('ORIGIN', encodeURIComponent(server.url))}`);
    const result = await outcome(p);
    const articles = server.requests.slice(start).filter((r) => r.startsWith('/site/articles/'));
    if (c.module === null) {
      assert.equal(result.type, 'error');
      assert.equal(result.detail.code, 'config', 'the module refuses the src');
      assert.deepEqual(articles, [], 'and the loader asked for nothing');
    } else {
      assert.equal(result.type, 'rendered');
      assert.deepEqual(articles, [c.module], 'one request for the article the module shows');
      const early = await p.evaluate(
        (path) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === path).startTime < window.instantiatedAt,
        c.module,
      );
      assert.equal(early, !c.late, c.late ? 'asked for by the module' : 'asked for by the loader, early');
    }
    await p.close();
  });
}
