// The embed-code page (`news-widget build` writes it to embed/index.html):
// every kind of code, copied from it and pasted into a fresh host page,
// shows the article its preview shows; copying works by keyboard and is
// announced; axe-core finds nothing in either language; it works at 320 px;
// bad addresses get a clear message. Built for this test's server (e2e/publish.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { launch, outcome, recordEvents } from './browser.mjs';
import { servePartners } from './publish.mjs';
import { AMP_STAND_IN, hostPage, html, query } from './pages.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;

let server;
let browser;
let index;
/** Code pasted into fresh pages, by number (/fresh.html?n=). */
const pasted = [];

before(async () => {
  server = await servePartners({
    routes: {
      '/fresh.html': html((req) => {
        const { code, lang } = pasted[Number(query(req).get('n'))];
        return hostPage(`\n<h1>A partner page</h1>\n${code}\n`, { lang, title: 'A fresh page', script: null });
      }),
    },
  });
  index = JSON.parse(await (await fetch(`${server.embed}index.json`)).text());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page in a context that may use the clipboard; `problems` collects its errors. */
async function newPage({ width = 1200, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await recordEvents(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(`${m.text()} (${m.location().url})`));
  return { page, problems, close: () => context.close() };
}

/** Opens the embed-code page with `query` (url, kind, lang, theme, hl); resolves when its code is written. */
async function openCodePage(page, query) {
  await page.goto(`${server.embed}?${new URLSearchParams(query)}`);
  // The address is found (its status says so) before its code is made: the
  // witness is the code box no longer busy, with a code or a reason.
  await page.waitForFunction(() => {
    const code = /** @type {HTMLTextAreaElement} */ (document.getElementById('code'));
    return !code.hasAttribute('aria-busy') && (code.value !== '' || document.getElementById('address-status').textContent !== '');
  });
}

/** The text of the first widget's article in `frame` (a page or a frame), once it has rendered. */
async function articleIn(frame) {
  assert.equal((await outcome(frame)).type, 'rendered');
  return frame.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('news-article').shadowRoot.querySelector('.nw-article')).innerText.replace(/\s+/g, ' ').trim());
}

/** The frame of `page` (at any depth) whose URL starts with `prefix`, once there is one. */
async function frameOf(page, prefix) {
  const found = () => page.frames().find((f) => f.url().startsWith(prefix));
  // The check and the listener in one turn: no navigation falls between them.
  while (!found()) await page.waitForEvent('framenavigated');
  return found();
}

/** Where the widget of `kind`'s code is, in a page showing that code: the page itself, or its frame of the whole article. */
const widgetOf = (kind, frame) => (kind === 'iframe' || kind === 'amp' ? frameOf(frame.page(), `${server.embed}frame/`) : frame);

describe('each kind of code, pasted into a fresh page, shows the article of the preview', () => {
  const share = () => `${server.embed}share/20122.en.html`;
  for (const [kind, theme] of [['script', 'dark'], ['snippet', 'light'], ['iframe', 'dark'], ['amp', 'auto']]) {
    test(`${kind} (${theme})`, async () => {
      const { page, problems, close } = await newPage();
      await openCodePage(page, { url: share(), kind, theme, hl: 'en' });
      assert.equal(await page.locator('#lang').inputValue(), 'en', "the share page's language");
      const preview = await frameOf(page, 'about:srcdoc');
      const shown = await articleIn(await widgetOf(kind, preview));
      const start = 'THỜI SỰ - CHÍNH TRỊ Hội nghị Ban Chấp hành Đảng bộ tỉnh Thursday, January 20, 2022, 7:35 PM 3,824 views';
      assert.ok(shown.startsWith(start), shown.slice(0, 200));

      await page.locator('#copy').click();
      const code = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(code, await page.locator('#code').inputValue(), 'what is copied is what is shown');
      assert.equal(await page.locator('#copied').textContent(), 'Copied');
      // The preview is a page made of the code (AMP code's stand-in: its frame).
      const made = await page.locator('#preview').getAttribute('srcdoc');
      assert.ok(made.includes(kind === 'amp' ? code.match(/<amp-iframe src="([^"]+)"/)[1] : code.trim()), 'the preview holds the code');

      pasted.push({ code, lang: 'en' });
      const fresh = await newPage();
      if (kind === 'amp') {
        // The AMP runtime is not ours to download: a stand-in answers as <amp-iframe resizable> does.
        await fresh.page.route('https://cdn.ampproject.org/**', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
        pasted.at(-1).code = `${AMP_STAND_IN}\n${code}`;
      }
      const requests = [];
      fresh.page.on('request', (r) => requests.push(r.url()));
      await fresh.page.goto(`${server.url}/fresh.html?n=${pasted.length - 1}`);
      const widget = await widgetOf(kind, fresh.page.mainFrame());
      assert.ok((await articleIn(widget)) === shown, 'the same article, word for word');
      const themed = await widget.evaluate(() => document.querySelector('news-article').getAttribute('theme'));
      assert.equal(themed ?? 'light', theme);
      if (kind === 'iframe' || kind === 'amp') {
        const content = await widget.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        await fresh.page.waitForFunction((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 2, content);
      }
      if (kind === 'script' || kind === 'snippet') {
        const extra = requests.filter((r) => r.includes('/embed/'));
        assert.deepEqual(extra, [], 'a partner page downloads nothing of the partner pages');
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(fresh.problems, []);
      await fresh.close();
      await close();
    });
  }

  test('wordpress: the share page of the language chosen, and the preview shows its card', async () => {
    const { page, problems, close } = await newPage();
    await openCodePage(page, { url: 'https://news.example/tin-tuc/20122', kind: 'wordpress', lang: 'vi' });
    const entry = index.articles.find((a) => a.id === '20122');
    assert.equal(await page.locator('#code').inputValue(), `${new URL(entry.pages.vi.share, `${server.embed}index.json`).href}\n`);
    assert.equal(await page.locator('#theme').isDisabled(), true, 'WordPress shows the card in one theme');
    const card = await frameOf(page, `${server.embed}card/`);
    await card.waitForFunction(() => document.querySelector('.nw-card-host')?.shadowRoot?.querySelector('h2'));
    assert.equal(await card.evaluate(() => document.querySelector('.nw-card-host').shadowRoot.querySelector('h2').textContent), entry.headline);
    await page.locator('#lang').selectOption('en');
    await page.waitForFunction(() => /** @type {HTMLTextAreaElement} */ (document.getElementById('code')).value.includes('.en.html'));
    assert.equal(await page.locator('#code').inputValue(), `${new URL(entry.pages.en.share, `${server.embed}index.json`).href}\n`);
    assert.deepEqual(problems, []);
    await close();
  });
});

describe('by keyboard only', () => {
  for (const [hl, said] of [['vi', 'Đã chép'], ['en', 'Copied']]) {
    test(`the kind is chosen and the code copied, and "${said}" is announced (${hl})`, async () => {
      const { page, problems, close } = await newPage();
      await openCodePage(page, { hl });
      const before = await page.locator('#code').inputValue();
      const focused = () => page.evaluate(() => [document.activeElement.id || document.activeElement.getAttribute('name'), /** @type {HTMLInputElement} */ (document.activeElement).value]);
      // Tab to the kinds (a radio group: one tab stop), then an arrow to the next kind.
      for (let i = 0; i < 20 && (await focused())[0] !== 'kind'; i += 1) await page.keyboard.press('Tab');
      assert.deepEqual(await focused(), ['kind', 'script']);
      await page.keyboard.press('ArrowDown');
      assert.deepEqual(await focused(), ['kind', 'snippet']);
      await page.waitForFunction((before) => /** @type {HTMLTextAreaElement} */ (document.getElementById('code')).value !== before, before);
      for (let i = 0; i < 20 && (await focused())[0] !== 'copy'; i += 1) await page.keyboard.press('Tab');
      assert.equal((await focused())[0], 'copy');
      await page.keyboard.press('Enter');
      await page.waitForFunction((said) => document.getElementById('copied').textContent === said, said);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('#code').inputValue());
      assert.match(await page.locator('#code').inputValue(), /^<news-article src="[^"]+" lang="vi"><template shadowrootmode="open">/);
      assert.equal(await page.locator('#copied').getAttribute('role'), 'status', 'a live region says it');
      assert.deepEqual(problems, []);
      await close();
    });
  }
});

describe('accessibility and small screens', () => {
  for (const hl of ['vi', 'en']) {
    test(`axe-core finds no violations (${hl})`, async () => {
      const { page, close } = await newPage();
      await openCodePage(page, { hl, kind: 'iframe' });
      await articleIn(await widgetOf('iframe', await frameOf(page, 'about:srcdoc')));
      assert.equal(await page.evaluate(() => document.documentElement.lang), hl);
      await page.addScriptTag({ path: AXE });
      const found = await page.evaluate(async (tags) => {
        // The page itself; what the preview shows is the widget, which e2e/a11y.test.mjs checks.
        const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false });
        return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
      }, RULES);
      assert.deepEqual(found, []);
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}embed-code-${hl}.png`, fullPage: true });
      await close();
    });
  }

  test('at 320 px wide nothing scrolls sideways, and the code can be copied', async () => {
    const { page, problems, close } = await newPage({ width: 320, height: 640 });
    await openCodePage(page, { hl: 'en', kind: 'snippet' });
    // Far below the form at this width: the widget, lazy, starts when it comes near.
    await page.locator('#preview').scrollIntoViewIfNeeded();
    await articleIn(await frameOf(page, 'about:srcdoc'));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scrolling');
    for (const id of ['address', 'code', 'copy', 'preview']) {
      const box = await page.locator(`#${id}`).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 320, `#${id} fits`);
    }
    await page.locator('#copy').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('#code').inputValue());
    await page.screenshot({ path: `${SHOTS}embed-code-320.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await close();
  });
});

describe('addresses', () => {
  test('its JSON, its page on the publisher\'s site, or a share page find the article; anything else says why not', async () => {
    const { page, problems, close } = await newPage();
    await openCodePage(page, { hl: 'en' });
    const status = () => page.locator('#address-status').textContent();
    const type = async (text) => {
      await page.locator('#address').fill(text);
      await page.waitForFunction(() => document.getElementById('address-status').textContent !== '');
    };
    const expected = 'Article: Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần';
    for (const address of [`${server.url}/site/articles/20125.json`, 'https://news.example/tin-tuc/20125', `${server.embed}share/20125.vi.html`]) {
      await type(address);
      await page.waitForFunction((text) => document.getElementById('address-status').textContent === text, expected);
      assert.match(await page.locator('#code').inputValue(), /20125\.json/);
      assert.equal(await page.locator('#copy').isDisabled(), false);
    }
    await type('not an address');
    await page.waitForFunction(() => document.getElementById('address-status').textContent.startsWith('This is not'));
    assert.equal(await status(), 'This is not a web address (http:// or https://).');
    assert.equal(await page.locator('#code').inputValue(), '');
    assert.equal(await page.locator('#copy').isDisabled(), true);
    await type('https://news.example/tin-tuc/99999');
    await page.waitForFunction(() => document.getElementById('address-status').textContent.startsWith('No article'));
    assert.equal(await page.locator('#code').inputValue(), '');
    assert.deepEqual(problems, []);
    await close();
  });

  test('the index lists every sample article, and every file it names is there', async () => {
    assert.deepEqual(index.articles.map((a) => a.id).sort(), ['20104', '20110', '20115', '20118', '20121', '20122', '20125']);
    for (const entry of index.articles) {
      for (const pages of Object.values(entry.pages)) {
        for (const path of Object.values(pages)) {
          const response = await fetch(new URL(path, `${server.embed}index.json`));
          assert.equal(response.status, 200, path);
        }
      }
    }
  });
});
