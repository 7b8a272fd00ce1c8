// The widget in every engine readers use: Chromium, Firefox ESR and WebKitGTK
// (see engines.mjs), one after another. Each test says once what it checks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve, DIST } from './server.mjs';
import { ENGINES, launchEngine } from './engines.mjs';
import { corpus } from './corpus.mjs';

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

/** Records every widget event in `window.widgetEvents`, before any widget starts. */
const RECORDER = `<script>
  window.widgetEvents = [];
  for (const type of ['rendered', 'error', 'navigate']) {
    document.addEventListener('news-article:' + type, (e) => window.widgetEvents.push({ type, id: e.detail.id, code: e.detail.code, target: e.composedPath()[0].id }));
  }
</script>`;
const hostPage = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${RECORDER}</head><body>${body}</body></html>`;
const loader = '<script src="/news-widget.js" async></script>';

before(async () => {
  const html = (body) => (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(body));
  const snippet = await readFile(`${DIST}embed/20122.vi.html`, 'utf8');
  const json = (body) => (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
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
    routes: {
      ...attacks,
      '/vi.html': html(`<news-article id="w" loading="eager" src="/site/articles/20122.json"></news-article>${loader}`),
      '/en.html': html(`<news-article id="w" loading="eager" lang="en" src="/site/articles/20122.json"></news-article>${loader}`),
      '/many.html': html(
        `<news-article id="a" loading="eager" src="/site/articles/20122.json"></news-article>
         <news-article id="b" loading="eager" lang="en" theme="dark" src="/site/articles/20122.json"></news-article>
         <news-article id="c" loading="eager" src="/site/articles/20121.json"></news-article>${loader}${loader}`,
      ),
      '/prerendered.html': html(snippet.replace('<news-article ', '<news-article id="w" ')),
      '/hash.html': html(`<news-article id="w" loading="eager" history="hash" src="/site/articles/20122.json"></news-article>${loader}`),
      // A host page that attacks the widget's styles, and the same page without the attack.
      '/plain.html': html(`<div style="width: 800px"><news-article id="w" loading="eager" src="/site/articles/20122.json"></news-article></div>${loader}`),
      ...Object.fromEntries(
        Object.entries(HOSTILE_HOSTS).map(([name, { style, dir = 'ltr' }]) => [
          `/host-${name}.html`,
          html(`<style>${style}</style><div dir="${dir}" style="width: 800px"><news-article id="w" loading="eager" src="/site/articles/20122.json"></news-article></div>${loader}`),
        ]),
      ),
      // The corpus sample: every text vector in every text field (the headline and
      // rich text among them), every URL vector in three URL fields.
      '/attacks.html': html(
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
      '/panic.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...seed, id: 'panic', headline: 'PANIC' })),
      '/crash.html': html(
        `<news-article id="a" loading="eager" src="/site/articles/20122.json"></news-article>
         <news-article id="bad" loading="eager" lang="en" src="/panic.json"><a href="/elsewhere">Read it on the site</a></news-article>
         <news-article id="b" loading="eager" src="/site/articles/20118.json"></news-article>${loader}`,
      ),
    },
  });
});

after(async () => {
  await server?.close();
  await crashServer?.close();
});

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
            photos: [...root.querySelectorAll('.nw-figure img')].filter((img) => img.width > 0 && img.alt).length,
            captions: text('.nw-figure:not(.nw-video) figcaption').length,
            video: { sources: root.querySelectorAll('video source').length, tracks: text('video track').length, kinds: [...root.querySelectorAll('video track')].map((t) => t.kind) },
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
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-related a').click());
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 2);
      assert.deepEqual((await events(page)).map((e) => e.id), ['20122', '20125']);
      assert.equal(await page.evaluate(() => location.href), url, 'the host page did not navigate');
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-back').click());
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 3);
      assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('h2').textContent), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-forward').click());
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
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-related a').click());
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
        await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-day').click());
        await page.until(() => document.getElementById('w').shadowRoot.activeElement?.dataset.day === '2022-01-20');
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
          await page.until((day) => document.getElementById('w').shadowRoot.activeElement?.dataset.day === day, day);
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
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-previous-day').click());
      await page.until(() => document.getElementById('w').shadowRoot.querySelector('.nw-dates .nw-summary') !== null);
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-day').click());
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
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-previous-day').click());
      await page.until(() => document.getElementById('w').shadowRoot.querySelectorAll('.nw-dates .nw-summary').length === 2);
      const day = await page.evaluate(() => {
        const root = document.getElementById('w').shadowRoot;
        return [...root.querySelectorAll('.nw-dates .nw-summary')].map((li) => [li.querySelector('.nw-summary-headline').textContent, li.querySelector('time').textContent]);
      });
      assert.deepEqual(day, [
        ['Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ', '16:20'],
        ['Tổng kết công tác kiểm tra, giám sát năm 2021', '09:10'],
      ]);
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-dates .nw-summary a').click());
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
      await page.until(() => document.getElementById('bad').failed === true, null, { timeout: 30000 });
      await page.until(() => ['a', 'b'].every((id) => document.getElementById(id).shadowRoot.querySelector('.nw-headline')), null, { timeout: 30000 });
      const bad = await page.evaluate(() => {
        const el = document.getElementById('bad');
        return { alert: el.shadowRoot.querySelector('[role=alert]')?.textContent, fallback: el.querySelector('a').offsetHeight > 0 };
      });
      assert.deepEqual(bad, { alert: 'Something went wrong while showing the article.', fallback: true });
      await page.close();
    });

    test('a pre-rendered embed shows its article from the HTML, then the widget takes it over', async () => {
      const page = await engine.open(`${server.url}/prerendered.html`);
      const first = await page.evaluate(() => document.getElementById('w').shadowRoot?.querySelector('h2')?.textContent);
      assert.equal(first, 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', 'the declarative shadow root holds the article');
      await page.until(() => window.widgetEvents.some((e) => e.type === 'rendered'));
      await page.until(() => !document.getElementById('w').shadowRoot.querySelector('.nw-prerendered'));
      await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.nw-related a').click());
      await page.until(() => window.widgetEvents.filter((e) => e.type === 'rendered').length === 2);
      assert.equal((await events(page)).length, 2, 'one rendered event for the takeover, one for the move');
      await page.close();
    });
  });
}
