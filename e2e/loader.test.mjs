// The loader decides one thing before the module is there: which article
// to ask for early (src's scheme, and history="hash" with the key in the page
// URL). Those rules are the module's; this test holds the loader's copy to
// them: for each case, the loader asks early exactly when the module then
// uses that very request, and no article is ever fetched twice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { manifest, serve, DIST } from './server.mjs';
import { launch, openPage, outcome } from './browser.mjs';

let server;
let browser;

const page = (attributes, { hash = '' } = {}) => ({ attributes, hash });
const html = (attributes) =>
  `<!doctype html><meta charset="utf-8"><title>loader</title>
   <news-article loading="eager" ${attributes}></news-article>
   <script src="/news-widget.js" async></script>`;

/** Cases: the element's attributes, the page's fragment, and what the module makes of them. */
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
    ...page('history="hash" src="/site/articles/20122.json"', {
      hash: '#news-article=' + encodeURIComponent('ORIGIN/site/articles/20118.json'),
    }),
    module: '/site/articles/20118.json',
    late: true,
  },
];

before(async () => {
  const { version } = await manifest();
  const wasm = await readFile(`${DIST}v/${version}/news_widget_bg.wasm`);
  const routes = {
    // The module arrives late, so what the loader asked for before it is plain to see.
    [`/v/${version}/news_widget_bg.wasm`]: async (req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      server.requests.push('(module sent)');
      res.writeHead(200, { 'content-type': 'application/wasm', 'cache-control': 'no-store' }).end(wasm);
    },
  };
  CASES.forEach((c, i) => {
    routes[`/case/${i}.html`] = (req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(html(c.attributes.replace('ORIGIN', server.url)));
  });
  server = await serve({ routes });
  browser = await launch();
});

after(async () => {
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
      for (const r of records) for (const n of r.addedNodes) if (n.querySelector?.('.nw-skeleton') || n.classList?.contains('nw-skeleton')) window.skeletons += 1;
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
}

test('an article that came in before the module shows without a skeleton', async () => {
  const p = await browser.newPage();
  await p.addInitScript(watchSkeletons);
  await p.goto(`${server.url}/case/0.html`);
  await p.waitForFunction(() => document.querySelector('news-article').shadowRoot?.querySelector('h2'));
  assert.equal(await p.evaluate(() => window.skeletons), 0);
  await p.close();
});

for (const [i, c] of CASES.entries()) {
  test(`the loader and the module agree: ${c.name}`, async () => {
    const start = server.requests.length;
    const { page: p } = await openPage(browser, `${server.url}/case/${i}.html${c.hash.replace('ORIGIN', server.url)}`);
    const result = await outcome(p);
    const requests = server.requests.slice(start);
    const sent = requests.indexOf('(module sent)');
    const articles = requests.filter((r) => r.startsWith('/site/articles/'));
    if (c.module === null) {
      assert.equal(result.type, 'error');
      assert.equal(result.detail.code, 'config', 'the module refuses the src');
      assert.deepEqual(articles, [], 'and the loader asked for nothing');
    } else {
      assert.equal(result.type, 'rendered');
      assert.deepEqual(articles, [c.module], 'one request for the article the module shows');
      const early = requests.indexOf(c.module) < sent;
      assert.equal(early, !c.late, c.late ? 'asked for by the module' : 'asked for by the loader, early');
    }
    await p.close();
  });
}
