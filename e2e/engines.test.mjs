// The widget in every engine readers use: Chromium, Firefox ESR and WebKitGTK
// (see engines.mjs), one after another. Each test says once what it checks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { manifest, serve, DIST } from './server.mjs';
import { ENGINES, launchEngine } from './engines.mjs';
import { corpus } from './corpus.mjs';
import { file, framePage, held, hostPage, html, json, RECORDER, SAMPLE_FRAMES } from './pages.mjs';
import { RESIZER } from '../publisher/assets/frame-host.js';

const CRASH_DIST = fileURLToPath(new URL('../target/dist-crash/', import.meta.url));
const seed = JSON.parse(await readFile(`${DIST}site/articles/20122.json`, 'utf8'));
const { TEXT_VECTORS, URL_VECTORS, textAttack, URL_FIELDS } = corpus(seed);
/** The URL fields of the sample: a rich-text link, a photo, a related item's JSON. */
const SAMPLED_URL_FIELDS = URL_FIELDS.filter(([path]) => ['lead[0].link.href', 'body[0].image.src', 'related[0].src'].includes(path));

/**
 * Host pages that attack the widget's styles: the attacks of e2e/embed.test.mjs,
 * and the reset and base rules of a typical CMS theme (normalize, a reboot,
 * a 62.5 % root font size, global link, image and heading rules).
 */
const HOSTILE_HOSTS = {
  resets: {
    style: `* { margin: 0 !important; padding: 0 !important; border: 0 !important; font: inherit !important;
      line-height: 3 !important; color: magenta !important; box-sizing: content-box !important;
      letter-spacing: 2px !important; text-decoration: line-through !important; }
      img, video { display: none !important; } p { text-indent: 5em !important; }`,
  },
  'root-font-40px': { style: 'html { font-size: 40px; } body { font-size: 2rem; }' },
  'inherited-body': {
    style: `body { font-family: "Comic Sans MS", cursive !important; color: #f0f !important; text-align: right !important;
      letter-spacing: 3px !important; word-spacing: 10px !important; text-transform: uppercase !important;
      line-height: 3 !important; font-style: italic !important; white-space: pre !important; font-weight: 900 !important; }`,
  },
  'important-on-element': {
    style: `news-article { color: red !important; font-size: 30px !important; font-family: monospace !important;
      line-height: 4 !important; text-align: center !important; }`,
  },
  rtl: { style: 'body { direction: rtl; text-align: right; }', dir: 'rtl' },
  'cms-theme': {
    style: `html { font-size: 62.5%; -webkit-text-size-adjust: 100%; } *, *::before, *::after { box-sizing: border-box; }
      body { margin: 0; font-family: Georgia, serif; font-size: 1.6rem; line-height: 1.8; color: #333; }
      a { color: #e60023; text-decoration: none; } a:hover { text-decoration: underline; }
      img { max-width: 100%; height: auto; border: 4px solid #eee; } h2, h3 { font-family: Impact, sans-serif; text-transform: uppercase; }
      ul { padding-left: 3em; list-style: square; } button { border-radius: 0; background: #e60023; color: #fff; }`,
  },
};

/** axe-core, injected as page script text (the same in every engine), and the WCAG A/AA rules. */
const AXE = await readFile(fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server;
let crashServer;

/** A page with the events recorded (RECORDER) and `body`, which brings its own script tags. */
const recorded = (body, head = '') => html(hostPage(body, { head: RECORDER + head, script: null }));
const loader = '<script src="/news-widget.js" async></script>';
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
/** @type {Buffer} */
let wasm;
/** The module under /held/, sent when a test lets it go: the page before the takeover is there to see. */
const module = held(file(() => wasm, 'application/wasm'));

/**
 * A page script: records, in every frame, how far down the page the content
 * below the widget is and how tall the widget is, with how the headline
 * looks, in `window.geometry`, until `window.geometry.stop` is set.
 */
const RECORD_GEOMETRY = () => {
  /** @type {{ frames: { look: string, below: number, height: number }[], stop: boolean }} */
  const geometry = { frames: [], stop: false };
  Object.assign(window, { geometry });
  const frame = () => {
    const el = document.querySelector('news-article');
    const h2 = el?.shadowRoot?.querySelector('h2');
    const below = document.getElementById('below');
    if (el && below) {
      const look = !h2 || !h2.getClientRects().length ? 'not shown' : /^"Noto Serif"/.test(getComputedStyle(h2).fontFamily) ? 'styled' : 'UNSTYLED';
      geometry.frames.push({ look, below: below.getBoundingClientRect().top, height: el.getBoundingClientRect().height });
    }
    if (!geometry.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

before(async () => {
  const { version } = await manifest();
  wasm = await readFile(`${DIST}v/${version}/news_widget_bg.wasm`);
  const snippet = (await readFile(`${DIST}embed/20122.vi.html`, 'utf8')).replace('<news-article ', '<news-article id="w" ');
  const below = '<p id="below">Below the widget.</p>';
  const attacks = {};
  TEXT_VECTORS.forEach((v, i) => (attacks[`/attack/text-${i}.json`] = json(textAttack(v))));
  SAMPLED_URL_FIELDS.forEach(([, set], f) =>
    URL_VECTORS.forEach((v, i) => {
      const article = structuredClone(seed);
      set(article, v);
      attacks[`/attack/url-${f}-${i}.json`] = json(article);
    }),
  );
  server = await serve({
    mounts: { '/held/': DIST },
    routes: {
      ...attacks,
      '/vi.html': recorded(`<news-article id="w" loading="eager" src="/site/articles/20122.json"></news-article>${loader}`),
      '/en.html': recorded(`<news-article id="w" loading="eager" lang="en" src="/site/articles/20122.json"></news-article>${loader}`),
      '/many.html': recorded(
        `<news-article id="a" loading="eager" src="/site/articles/20122.json"></news-article>
         <news-article id="b" loading="eager" lang="en" theme="dark" src="/site/articles/20122.json"></news-article>
         <news-article id="c" loading="eager" src="/site/articles/20121.json"></news-article>${loader}${loader}`,
      ),
      // The snippet with its module held (its loader under /held/), frames recorded.
      '/prerendered.html': recorded(snippet.replace('src="/news-widget.js"', 'src="/held/news-widget.js"') + below, `<script>(${RECORD_GEOMETRY})()</script>`),
      // The snippet with its stylesheet a second late, every frame sampled.
      '/prerendered-slow-css.html': recorded(
        snippet.replace(`href="/v/${version}/news-widget.css"`, 'href="/slow/news-widget.css"') + below,
        `<script>(${SAMPLE_FRAMES})()</script>`,
      ),
      '/slow/news-widget.css': async (req, res) => {
        const css = await readFile(`${DIST}v/${version}/news-widget.css`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        file(css, 'text/css')(req, res);
      },
      // Served with the strict policy, under which no inline script runs: the DOM is the witness.
      '/prerendered-csp.html': html(hostPage(snippet, { script: null }), { 'content-security-policy': STRICT_CSP }),
      [`/held/v/${version}/news_widget_bg.wasm`]: module.route,
      // The partner pages `make build` wrote to dist/embed/: a frame page in a sandboxed frame of our own protocol.
      '/framed.html': html(framePage('/embed/frame/20122.vi.html', { sandbox: 'allow-scripts', resizer: RESIZER })),
      '/hash.html': recorded(`<news-article id="w" loading="eager" history="hash" src="/site/articles/20122.json"></news-article>${loader}`),
      // A host page that attacks the widget's styles, and the same page without the attack.
      '/plain.html': recorded(`<div style="width: 800px"><news-article id="w" loading="eager" src="/site/articles/20122.json"></news-article></div>${loader}`),
      ...Object.fromEntries(
        Object.entries(HOSTILE_HOSTS).map(([name, { style, dir = 'ltr' }]) => [
          `/host-${name}.html`,
          recorded(`<style>${style}</style><div dir="${dir}" style="width: 800px"><news-article id="w" loading="eager" src="/site/articles/20122.json"></news-article></div>${loader}`),
        ]),
      ),
      // The corpus sample: every text vector in every text field (the headline and
      // rich text among them), every URL vector in three URL fields.
      '/attacks.html': recorded(
        [
          ...TEXT_VECTORS.map((v, i) => `<news-article id="t${i}" loading="eager" src="/attack/text-${i}.json"></news-article>`),
          ...SAMPLED_URL_FIELDS.flatMap((field, f) => URL_VECTORS.map((v, i) => `<news-article id="u${f}-${i}" loading="eager" src="/attack/url-${f}-${i}.json"></news-article>`)),
        ].join('') + loader,
      ),
    },
  });
  crashServer = await serve({
    root: CRASH_DIST,
    routes: {
      '/panic.json': json({ ...seed, id: 'panic', headline: 'PANIC' }),
      '/crash.html': recorded(
        `<news-article id="a" loading="eager" src="/site/articles/20122.json"></news-article>
         <news-article id="bad" loading="eager" lang="en" src="/panic.json"><a href="/elsewhere">Read it on the site</a></news-article>
         <news-article id="b" loading="eager" src="/site/articles/20118.json"></news-article>${loader}`,
      ),
    },
  });
});

after(async () => {
  module.release();
  await server?.close();
  await crashServer?.close();
});

/**
 * Clicks the first element matching `selector` in widget "w", as the page's own script would.
 * @param {{ evaluate: (fn: Function, arg?: unknown) => Promise<unknown> }} page
 * @param {string} selector
 */
const click = (page, selector) =>
  page.evaluate((/** @type {string} */ selector) => /** @type {HTMLElement} */ (document.getElementById('w').shadowRoot.querySelector(selector)).click(), selector);

/** The widget `id`'s rendered (or error) events so far. */
const events = (page, type = 'rendered') => page.evaluate((type) => window.widgetEvents.filter((e) => e.type === type), type);

for (const name of ENGINES) {
  describe(name, () => {
    let engine;
    before(async () => {
      engine = await launchEngine(name);
    });
    after(() => engine?.close());

    test('the seed article, all parts, in Vietnamese and English', async () => {
      for (const [lang, dateline, views] of [
        ['vi', 'Thứ 5, 20/01/2022 | 19:35', '3.824 lượt xem'],
        ['en', 'Thursday, January 20, 2022, 7:35\u00a0PM', '3,824 views'],
      ]) {
        const page = await engine.open(`${server.url}/${lang}.html`);
        await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
        const seen = await page.evaluate(() => {
          const root = document.getElementById('w').shadowRoot;
          const text = (s) => [...root.querySelectorAll(s)].map((n) => n.textContent.trim());
          return {
            headline: text('h2'),
            dateline: text('time.nw-published'),
            views: text('.nw-views'),
            photos: /** @type {HTMLImageElement[]} */ ([...root.querySelectorAll('.nw-figure img')]).filter((img) => img.width > 0 && img.alt).length,
            captions: text('.nw-figure:not(.nw-video) figcaption').length,
            video: { sources: root.querySelectorAll('video source').length, tracks: text('video track').length, kinds: [...root.querySelectorAll('track')].map((t) => t.kind) },
            credits: root.querySelectorAll('.nw-credits p').length,
            related: root.querySelectorAll('.nw-related li a[href]').length,
          };
        });
        assert.deepEqual(seen, {
          headline: ['Hội nghị Ban Chấp hành Đảng bộ tỉnh'],
          dateline: [dateline],
          views: [views],
          photos: 3,
          captions: 3,
          video: { sources: 2, tracks: 2, kinds: ['captions', 'subtitles'] },
          credits: 2,
          related: 6,
        });
        await page.screenshot(`e2e/screenshots/engine-${name}-${lang}.png`);
        await page.close();
      }
    });

    test('a related item opens in place; back and forward return', async () => {
      const page = await engine.open(`${server.url}/vi.html`);
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
      const url = await page.evaluate(() => location.href);
      await click(page, '.nw-related a');
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 2);
      assert.deepEqual((await events(page)).map((e) => e.id), ['20122', '20125']);
      assert.equal(await page.evaluate(() => location.href), url, 'the host page did not navigate');
      await click(page, '.nw-back');
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 3);
      assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('h2').textContent), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
      await click(page, '.nw-forward');
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 4);
      assert.deepEqual((await events(page)).map((e) => e.id), ['20122', '20125', '20122', '20125']);
      await page.close();
    });

    test('several widgets on one page, each its own language and theme; a theme change applies at once', async () => {
      const page = await engine.open(`${server.url}/many.html`);
      await page.until(() => new Set(window.widgetEvents.filter((e) => e.type === 'rendered').map((e) => e.target)).size === 3);
      const look = () =>
        page.evaluate(() =>
          ['a', 'b', 'c'].map((id) => {
            const root = document.getElementById(id).shadowRoot;
            return { headline: root.querySelector('h2').textContent, background: getComputedStyle(root.querySelector('.nw')).backgroundColor };
          }),
        );
      const seen = await look();
      assert.deepEqual(seen.map((s) => s.background), ['rgb(255, 255, 255)', 'rgb(27, 29, 33)', 'rgb(255, 255, 255)']);
      assert.equal(seen[2].headline, 'Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ');
      await page.evaluate(() => document.getElementById('a').setAttribute('theme', 'dark'));
      assert.equal((await look())[0].background, 'rgb(27, 29, 33)');
      await page.close();
    });

    test('history="hash": a move is in the page URL, and a reload opens that article', async () => {
      const page = await engine.open(`${server.url}/hash.html`);
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
      await click(page, '.nw-related a');
      await page.until(() => location.hash.includes('news-article='));
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 2);
      await page.reload();
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
      assert.deepEqual((await events(page)).map((e) => e.id), ['20125']);
      await page.close();
    });

    test('the date browser speaks the widget\'s language: the chosen day and its calendar', async () => {
      for (const [lang, day, month, label] of [
        ['vi', 'Thứ 5, 20/01/2022', 'Tháng 1, 2022', 'Thứ 7, 15/01/2022'],
        ['en', 'Thursday, January 20, 2022', 'January 2022', 'Saturday, January 15, 2022'],
      ]) {
        const page = await engine.open(`${server.url}/${lang}.html`);
        await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
        assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-day time').textContent), day);
        await click(page, '.nw-day');
        await page.until(() => /** @type {HTMLElement} */ (document.getElementById('w').shadowRoot.activeElement)?.dataset.day === '2022-01-20');
        const calendar = await page.evaluate(() => {
          const root = document.getElementById('w').shadowRoot;
          return { month: root.querySelector('.nw-calendar-month').textContent, label: root.querySelector('[data-day="2022-01-15"] .nw-visually-hidden').textContent };
        });
        assert.deepEqual(calendar, { month, label });
        // Keyboard: a month back and on, the week's start and end, a week, a day; then choose.
        const moves = [
          ['PageUp', '2021-12-20'],
          ['PageDown', '2022-01-20'],
          ['Home', '2022-01-17'],
          ['End', '2022-01-23'],
          ['ArrowDown', '2022-01-30'],
          ['ArrowLeft', '2022-01-29'],
          ['ArrowUp', '2022-01-22'],
          ['ArrowRight', '2022-01-23'],
        ];
        for (const [key, day] of moves) {
          await page.press(key);
          await page.until((day) => /** @type {HTMLElement} */ (document.getElementById('w').shadowRoot.activeElement)?.dataset.day === day, day);
        }
        await page.press('Enter');
        await page.until(() => document.getElementById('w').shadowRoot.querySelector('.nw-day time').getAttribute('datetime') === '2022-01-23');
        assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.activeElement?.classList.contains('nw-day')), true, 'focus back on the day');
        await page.close();
      }
    });

    test('axe-core finds no violations: the article, a day\'s list and the calendar open', async () => {
      const page = await engine.open(`${server.url}/vi.html`);
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
      await click(page, '.nw-previous-day');
      await page.until(() => document.getElementById('w').shadowRoot.querySelector('.nw-dates .nw-summary') !== null);
      await click(page, '.nw-day');
      await page.until(() => document.getElementById('w').shadowRoot.querySelector('.nw-calendar') !== null);
      await page.evaluate((source) => {
        const script = document.createElement('script');
        script.textContent = source;
        document.head.append(script);
      }, AXE);
      const violations = await page.evaluate(async (rules) => {
        const result = await window.axe.run(document.getElementById('w'), { runOnly: { type: 'tag', values: rules } });
        return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' > ')).slice(0, 3).join(', ')}`);
      }, RULES);
      assert.deepEqual(violations, []);
      await page.close();
    });

    test('the date browser steps to the day before and lists its articles, in place', async () => {
      const page = await engine.open(`${server.url}/vi.html`);
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
      await click(page, '.nw-previous-day');
      await page.until(() => document.getElementById('w').shadowRoot.querySelectorAll('.nw-dates .nw-summary').length === 2);
      const day = await page.evaluate(() => {
        const root = document.getElementById('w').shadowRoot;
        return [...root.querySelectorAll('.nw-dates .nw-summary')].map((li) => [li.querySelector('.nw-summary-headline').textContent, li.querySelector('time').textContent]);
      });
      assert.deepEqual(day, [
        ['Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ', '16:20'],
        ['Tổng kết công tác kiểm tra, giám sát năm 2021', '09:10'],
      ]);
      await click(page, '.nw-dates .nw-summary a');
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 2);
      assert.deepEqual((await events(page)).map((e) => e.id), ['20122', '20121']);
      await page.close();
    });

    test('keyboard only: Tab reaches a related item, Enter opens it in place and focus moves to its headline', async () => {
      const page = await engine.open(`${server.url}/vi.html`);
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
      const onRelated = () => page.evaluate(() => document.getElementById('w').shadowRoot.activeElement?.closest('.nw-related') !== null && document.getElementById('w').shadowRoot.activeElement !== null);
      let presses = 0;
      while (!(await onRelated()) && presses < 40) {
        await page.press('Tab');
        presses += 1;
      }
      assert.ok(await onRelated(), `Tab reached a related item (${presses} presses)`);
      await page.press('Enter');
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 2);
      await page.until(() => document.getElementById('w').shadowRoot.activeElement?.classList.contains('nw-headline'));
      await page.close();
    });

    test('isolation: host pages that attack the widget\'s styles change nothing of its look', async () => {
      const look = async (path) => {
        const page = await engine.open(`${server.url}${path}`);
        await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
        const seen = await page.evaluate(() => {
          const root = document.getElementById('w').shadowRoot;
          const style = (selector) => {
            const s = getComputedStyle(root.querySelector(selector));
            return ['font-family', 'font-size', 'font-weight', 'color', 'line-height', 'letter-spacing', 'text-transform', 'text-align', 'margin-top'].map((p) => s.getPropertyValue(p)).join(' / ');
          };
          return { headline: style('h2'), lead: style('.nw-lead'), related: style('.nw-related a'), width: Math.round(root.querySelector('.nw').getBoundingClientRect().width) };
        });
        await page.close();
        return seen;
      };
      const reference = await look('/plain.html');
      for (const name of Object.keys(HOSTILE_HOSTS)) assert.deepEqual(await look(`/host-${name}.html`), reference, name);
    });

    test('hostile input: no vector runs; text shows as text, bad URLs refuse the document', async () => {
      const page = await engine.open(`${server.url}/attacks.html`);
      await page.until(() => new Set(window.widgetEvents.map((e) => e.target)).size === document.querySelectorAll('news-article').length, null, { timeout: 30000 });
      const seen = await page.evaluate(() => {
        const widgets = [...document.querySelectorAll('news-article')];
        const injected = widgets.flatMap((el) => [...el.shadowRoot.querySelectorAll('script, iframe, math, svg, [onerror], [onload], [ontoggle], a[href^="javascript" i]')]);
        const outcome = (id) => window.widgetEvents.find((e) => e.target === id);
        return {
          pwned: window.__pwned ?? null,
          injected: injected.length,
          texts: widgets.filter((el) => el.id.startsWith('t')).map((el) => [outcome(el.id).type, el.shadowRoot.querySelector('h2')?.textContent]),
          urls: [...new Set(widgets.filter((el) => el.id.startsWith('u')).map((el) => `${outcome(el.id).type} ${outcome(el.id).code}`))],
        };
      });
      assert.equal(seen.pwned, null, 'no vector ran');
      assert.equal(seen.injected, 0, 'no markup from the data');
      assert.deepEqual(seen.texts, TEXT_VECTORS.map((v) => ['rendered', v.trim()]));
      assert.deepEqual(seen.urls, ['error invalid']);
      await page.close();
    });

    test('a panic is contained: that widget shows its error and fallback, the others recover', async () => {
      const page = await engine.open(`${crashServer.url}/crash.html`);
      // Over when the panicking widget has crashed twice (with everyone, then
      // alone while it restarted) and the last widget has rendered after that.
      await page.until(
        () => {
          const crashes = window.widgetEvents.flatMap((e, i) => (e.target === 'bad' && e.code === 'internal' ? [i] : []));
          return crashes.length >= 2 && window.widgetEvents.slice(crashes[1]).some((e) => e.type === 'rendered' && e.target === 'b');
        },
        null,
        { timeout: 30000 },
      );
      const bad = await page.evaluate(() => {
        const el = document.getElementById('bad');
        return {
          alert: el.shadowRoot.querySelector('[role=alert]')?.textContent,
          fallback: el.querySelector('a').offsetHeight > 0,
          rendered: window.widgetEvents.some((e) => e.target === 'bad' && e.type === 'rendered'),
          others: ['a', 'b'].map((id) => document.getElementById(id).shadowRoot.querySelector('h2')?.textContent),
        };
      });
      assert.deepEqual(bad, {
        alert: 'Something went wrong while showing the article.',
        fallback: true,
        rendered: false,
        others: ['Hội nghị Ban Chấp hành Đảng bộ tỉnh', 'Tổng kết công tác kiểm tra, giám sát năm 2021'],
      });
      await page.close();
    });

    test('a pre-rendered embed shows its article from the HTML; the widget takes it over with nothing moving', async () => {
      module.hold();
      const page = await engine.open(`${server.url}/prerendered.html`);
      // The module is held: what shows is the snippet's own article.
      const first = await page.evaluate(() => document.getElementById('w').shadowRoot?.querySelector('.nw-prerendered h2')?.textContent);
      assert.equal(first, 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', 'the declarative shadow root holds the article');
      module.release();
      await page.until(() => !document.getElementById('w').shadowRoot.querySelector('.nw-prerendered'));
      // Two frames more, laid out after the swap.
      const swapped = await page.evaluate(() => window.geometry.frames.length);
      await page.until((n) => window.geometry.frames.length >= n + 2, swapped);
      const seen = await page.evaluate(() => {
        window.geometry.stop = true;
        const styled = window.geometry.frames.filter((f) => f.look !== 'not shown');
        return {
          looks: [...new Set(styled.map((f) => f.look))],
          places: [...new Set(styled.map((f) => `${f.below} ${f.height}`))].length,
          rendered: window.widgetEvents.filter((e) => e.type === 'rendered').length,
        };
      });
      assert.deepEqual(seen, { looks: ['styled'], places: 1, rendered: 1 }, 'styled in every frame, nothing moved, one rendered event');
      await click(page, '.nw-related a');
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered' && e.id === '20125'));
      assert.deepEqual((await events(page)).map((e) => e.id), ['20122', '20125'], 'one rendered event for the takeover, one for the move');
      await page.close();
    });

    test('no flash of unstyled content: in no frame is the pre-rendered article shown unstyled', async () => {
      const page = await engine.open(`${server.url}/prerendered-slow-css.html`);
      const frames = await page.until(() => window.frameSamples.done && window.frameSamples.seen);
      assert.ok(frames.length > 0 && !frames.includes('UNSTYLED'), frames.join(', '));
      await page.close();
    });

    test('under the strict CSP the pre-rendered article is styled, and taken over', async () => {
      const page = await engine.open(`${server.url}/prerendered-csp.html`);
      const styled = () =>
        page.evaluate(() => {
          const h2 = document.querySelector('news-article').shadowRoot.querySelector('h2');
          return `${getComputedStyle(h2).fontFamily.split(',')[0]} ${getComputedStyle(h2).fontWeight}`;
        });
      assert.equal(await styled(), '"Noto Serif" 700');
      await page.until(() => !document.querySelector('news-article').shadowRoot.querySelector('.nw-prerendered'));
      assert.equal(await styled(), '"Noto Serif" 700', 'the live widget, styled');
      await page.close();
    });
    test('a share page shows its article from the HTML, styled, and the widget takes it over', async () => {
      const page = await engine.open(`${server.url}/embed/share/20122.vi.html`);
      const seen = () =>
        page.evaluate(() => {
          const h2 = document.querySelector('news-article').shadowRoot.querySelector('h2');
          return { headline: h2.textContent, look: `${getComputedStyle(h2).fontFamily.split(',')[0]} ${getComputedStyle(h2).fontWeight}`, publisher: document.querySelector('.nw-page-header').textContent };
        });
      const article = { headline: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', look: '"Noto Serif" 700', publisher: 'Tin tức mẫu' };
      assert.deepEqual(await seen(), article, 'the pre-rendered article, styled');
      await page.until(() => !document.querySelector('news-article').shadowRoot.querySelector('.nw-prerendered'));
      assert.deepEqual(await seen(), article, 'the live widget');
      await page.close();
    });

    test('a frame page in a sandboxed frame (origin null): the widget takes it over, and the frame takes its height, also after a related article opens', async () => {
      const page = await engine.open(`${server.url}/framed.html`);
      // The frame's script has spoken: its page is there, and stays.
      await page.until(() => window.told.length > 0);
      const frame = await page.frame('#frame');
      assert.equal(await frame.evaluate(() => self.origin), 'null');
      await frame.until(() => !document.querySelector('news-article').shadowRoot.querySelector('.nw-prerendered'));
      const headline = () => frame.evaluate(() => document.querySelector('news-article').shadowRoot.querySelector('h2').textContent);
      assert.equal(await headline(), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
      const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const fits = (height) => page.until((h) => Math.abs(document.getElementById('frame').getBoundingClientRect().height - h) <= 2, height);
      const first = await content();
      assert.ok(first > 2000, `the whole article (${first} px)`);
      await fits(first);
      await frame.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('news-article').shadowRoot.querySelector('.nw-related a')).click());
      await frame.until(() => document.querySelector('news-article').shadowRoot.querySelector('h2')?.textContent === 'Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần');
      const second = await content();
      assert.ok(first - second > 300, `a shorter article (${second} px, was ${first} px)`);
      await fits(second);
      await page.close();
    });
  });
}
