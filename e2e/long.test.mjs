// Long articles (issue 25), in headless Chromium against the built dist/:
// the widget puts the first screenful of the body in the DOM first and
// appends the rest in the tasks after, nothing below the body (credits,
// related news) comes before its last block, and the host hears `rendered`
// only once every block is in, also after a move to another long article.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { hostPage, html, json } from './pages.mjs';
import { scaled } from '../bench/lib.mjs';

/**
 * An article of `blocks` body blocks made from the seed (bench/lib.mjs),
 * headlined `headline`, whose last block is a paragraph saying `last`.
 * @param {string} id
 * @param {number} blocks
 * @param {string} headline
 * @param {string} last
 */
function long(id, blocks, headline, last) {
  const article = scaled(blocks, 6);
  return { ...article, id, headline, body: [...article.body.slice(0, -1), { paragraph: { text: [last] } }] };
}

const A = long('long-a', 1000, 'Bài dài thứ nhất', 'Hết bài dài thứ nhất: chữ cuối cùng');
const B = long('long-b', 600, 'Bài dài thứ hai', 'Hết bài dài thứ hai: chữ cuối cùng');
// A's first related item is B, opened in place.
A.related = [{ ...A.related[0], id: B.id, headline: B.headline, src: 'long-b.json' }, ...A.related.slice(1)];

/**
 * A page script: every time the widget's shadow DOM changes (a
 * MutationObserver on each shadow root, from its start), and when the host
 * hears `rendered`, what the body holds: the headline it belongs to, its
 * blocks, the last block's text and where it ends, the first block's top,
 * and whether the credits and the related news are there. At `rendered`,
 * also whether the browser's find-in-page finds the last block's text.
 */
const WATCH = () => {
  /** @type {{ changes: any[], rendered: any[] }} */
  const seen = { changes: [], rendered: [] };
  Object.assign(window, { longArticle: seen });
  /** @param {ShadowRoot} root */
  const look = (root) => {
    const body = root.querySelector('.nw-body');
    if (!body) return null;
    return {
      headline: root.querySelector('h2')?.textContent,
      blocks: body.childElementCount,
      last: body.lastElementChild?.textContent,
      top: Math.round(body.firstElementChild?.getBoundingClientRect().top ?? NaN),
      bottom: Math.round(body.lastElementChild?.getBoundingClientRect().bottom ?? NaN),
      credits: Boolean(root.querySelector('.nw-credits')),
      related: Boolean(root.querySelector('.nw-related')),
    };
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(() => {
      const now = look(root);
      if (now) seen.changes.push(now);
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
  document.addEventListener('news-article:rendered', (event) => {
    const root = /** @type {Element} */ (event.composedPath()[0]).shadowRoot;
    const now = root && look(root);
    // window.find searches the page as the reader's find-in-page does, into
    // open shadow roots too; it scrolls to what it found, which the reader
    // did not ask for here.
    const at = [scrollX, scrollY];
    const found = Boolean(now?.last) && /** @type {any} */ (window).find(now.last);
    getSelection()?.removeAllRanges();
    scrollTo(at[0], at[1]);
    seen.rendered.push({ id: /** @type {CustomEvent} */ (event).detail.id, found, ...now });
  });
};

let server;
let browser;

before(async () => {
  server = await serve({
    routes: {
      '/site/articles/long-a.json': json(A),
      '/site/articles/long-b.json': json(B),
      '/host/long.html': html(hostPage('<news-article loading="eager" src="/site/articles/long-a.json"></news-article>')),
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Checks one showing of `article` as the page saw it: the first change that
 * put its body in held a first part that fills the screen and not the last
 * block; the body only grew, below a first block that never moved; nothing
 * below it came before its last block; and at `rendered` every block was in,
 * the last one findable.
 * @param {{ changes: any[], rendered: any[] }} seen
 * @param {{ id: string, headline: string, body: any[] }} article
 * @param {number} viewport  the viewport's height
 */
function assertShowing(seen, article, viewport) {
  const total = article.body.length;
  const changes = seen.changes.filter((c) => c.headline === article.headline);
  assert.ok(changes.length > 0, `${article.id}: its body was seen`);
  const [first] = changes;
  assert.ok(first.blocks > 0 && first.blocks < total, `${article.id}: the first part alone came first (${first.blocks} of ${total} blocks)`);
  assert.ok(first.bottom > viewport, `${article.id}: the first part fills the screen (it ends at ${first.bottom} px of ${viewport})`);
  assert.notEqual(first.last, article.body.at(-1).paragraph.text[0], `${article.id}: the last block came later`);
  assert.ok(changes.length > 2, `${article.id}: the rest came in parts (${changes.map((c) => c.blocks)})`);
  for (const [i, change] of changes.entries()) {
    assert.ok(i === 0 || change.blocks >= changes[i - 1].blocks, `${article.id}: the body only grows (${changes.map((c) => c.blocks)})`);
    assert.equal(change.top, first.top, `${article.id}: the first block stays where it was painted`);
    if (change.blocks < total) {
      assert.ok(!change.credits && !change.related, `${article.id}: nothing below the body before its last block (at ${change.blocks})`);
    }
  }
  const rendered = seen.rendered.filter((r) => r.id === article.id);
  assert.equal(rendered.length, 1, `${article.id}: one rendered event`);
  const [at] = rendered;
  assert.equal(at.headline, article.headline);
  assert.equal(at.blocks, total, `${article.id}: every block is in the DOM at rendered`);
  assert.equal(at.last, article.body.at(-1).paragraph.text[0], `${article.id}: the last block is the article's last`);
  assert.ok(at.found, `${article.id}: find-in-page finds the last block's text at rendered`);
  assert.ok(at.credits && at.related, `${article.id}: credits and related news are there at rendered`);
}

test('a long article: the first screenful first, the rest after, rendered once all is in; again after a move', async () => {
  const viewport = 900;
  const page = await browser.newPage({ viewport: { width: 1000, height: viewport } });
  await page.addInitScript(WATCH);
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(`${server.url}/host/long.html`);
    await page.waitForFunction(() => /** @type {any} */ (window).longArticle.rendered.length === 1);
    const seen = await page.evaluate(() => /** @type {any} */ (window).longArticle);
    assertShowing(seen, A, viewport);

    // The reader opens B from A's related news: it starts again from its first part.
    await page.evaluate(() =>
      /** @type {HTMLElement} */ (document.querySelector('news-article').shadowRoot.querySelector('.nw-related a')).click(),
    );
    await page.waitForFunction(() => /** @type {any} */ (window).longArticle.rendered.length === 2);
    const after = await page.evaluate(() => /** @type {any} */ (window).longArticle);
    assertShowing(after, B, viewport);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
