// Accessibility in headless Chromium against the built dist/: axe-core (WCAG
// 2.0-2.2 A and AA rules) over the rendered widget, inside its shadow root,
// for the article, the loading state, an error, the related list and a day's
// list, in both themes and both languages; and keyboard-only use of every
// control.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { serve, DIST } from './server.mjs';
import { launch, openPage, outcome, recordEvents } from './browser.mjs';
import { held, hostPage, html, json, status } from './pages.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server;
let browser;

const host = ({ lang, theme, src = '/site/articles/20122.json' }) =>
  hostPage(
    `<main><news-article loading="eager" lang="${lang}" theme="${theme}" src="${src}" date-index="/site/dates/{date}.json"></news-article></main>`,
    { title: 'a11y' },
  );
/** An article that does not come while the loading state is checked. */
const slow = held(json(() => readFile(`${DIST}site/articles/20122.json`)));

before(async () => {
  server = await serve({
    routes: {
      '/host.html': html((req) => {
        const q = new URL(req.url ?? '/', 'http://x').searchParams;
        return host({ lang: q.get('lang'), theme: q.get('theme'), src: q.get('src') || undefined });
      }),
      '/slow.json': slow.route,
    },
  });
  browser = await launch();
});

after(async () => {
  slow.release();
  await browser?.close();
  await server?.close();
});

/** Opens the host page in a language and theme, by default waiting for the widget's outcome. */
/**
 * @param {{ lang?: string, theme?: string, src?: string }} [options]
 * @param {boolean} [wait]
 */
async function open({ lang = 'vi', theme = 'light', src } = {}, wait = true) {
  const query = new URLSearchParams({ lang, theme, ...(src ? { src } : {}) });
  const { page } = await openPage(browser, `${server.url}/host.html?${query}`);
  if (wait) await outcome(page);
  return page;
}

/** axe-core's WCAG A/AA violations inside the widget. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document.querySelector('news-article'), { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' > ')).slice(0, 3).join(', ')}`);
  }, RULES);
}

test('axe-core sees inside the shadow root (a planted image without alt is caught)', async () => {
  const page = await open();
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = '/site/media/20122-thumb.jpg';
    document.querySelector('news-article').shadowRoot.querySelector('.nw-body').append(img);
  });
  const found = await violations(page);
  assert.ok(found.some((v) => v.startsWith('image-alt')), found.join('\n'));
  await page.close();
});

describe('axe-core finds no violations', () => {
  for (const lang of ['vi', 'en']) {
    for (const theme of ['light', 'dark']) {
      test(`the article with related news and a day's list (${lang}, ${theme})`, async () => {
        const page = await open({ lang, theme });
        assert.deepEqual(await violations(page), []);
        await page.locator('news-article .nw-previous-day').click();
        await page.locator('news-article .nw-dates .nw-summary').first().waitFor();
        assert.deepEqual(await violations(page), []);
        await page.locator('news-article .nw-day').click();
        await page.locator('news-article .nw-calendar').waitFor();
        assert.deepEqual(await violations(page), [], 'with the calendar open');
        await page.close();
      });
    }
  }

  for (const theme of ['light', 'dark']) {
    test(`the loading state (${theme})`, async () => {
      const page = await open({ theme, src: '/slow.json' }, false);
      await page.locator('news-article .nw-skeleton').waitFor();
      assert.deepEqual(await violations(page), []);
      await page.close();
    });

    test(`an error (${theme})`, async () => {
      const page = await open({ theme, lang: 'en', src: '/missing.json' });
      await page.locator('news-article [role=alert]').waitFor();
      assert.deepEqual(await violations(page), []);
      await page.close();
    });
  }
});

describe('keyboard only', () => {
  /** Presses Tab until the focused element inside the widget matches `selector`. */
  async function tabTo(page, selector, limit = 80) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate(
        (selector) => document.querySelector('news-article').shadowRoot.activeElement?.matches(selector) ?? false,
        selector,
      );
      if (hit) return;
    }
    assert.fail(`Tab never reached ${selector}`);
  }

  const focused = (page) =>
    page.evaluate(() => {
      const el = document.querySelector('news-article').shadowRoot.activeElement;
      const style = el && getComputedStyle(el);
      return el && { tag: el.localName, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });

  test('every control is reached with Tab, shows its focus, and works with the keyboard', async () => {
    const page = await open();
    await tabTo(page, 'video');
    await tabTo(page, '.nw-related a');
    assert.deepEqual(await focused(page), { tag: 'a', outline: 'solid 3px' });
    await page.keyboard.press('Enter');
    assert.deepEqual(await outcome(page, { count: 2 }), { type: 'rendered', detail: { id: '20125' } });
    assert.equal((await focused(page)).tag, 'h2', 'focus moved to the new headline');

    await page.keyboard.press('Shift+Tab');
    await tabTo(page, '.nw-history .nw-back');
    assert.deepEqual(await focused(page), { tag: 'button', outline: 'solid 3px' });
    await page.keyboard.press('Enter');
    assert.deepEqual(await outcome(page, { count: 3 }), { type: 'rendered', detail: { id: '20122' } });

    await tabTo(page, '.nw-previous-day');
    await page.keyboard.press('Enter');
    await page.locator('news-article .nw-dates .nw-summary').first().waitFor();
    // The calendar: Enter opens it on the chosen day, arrows move, Enter chooses,
    // and focus comes back to the day button.
    await tabTo(page, '.nw-day');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /** @type {HTMLElement} */ (document.querySelector('news-article').shadowRoot.activeElement)?.dataset.day === '2022-01-19');
    assert.equal((await focused(page)).outline, 'solid 3px');
    const focusOn = (day) =>
      page.waitForFunction((day) => /** @type {HTMLElement} */ (document.querySelector('news-article').shadowRoot.activeElement)?.dataset.day === day, day);
    for (const [key, day] of [['ArrowDown', '2022-01-26'], ['ArrowUp', '2022-01-19'], ['ArrowRight', '2022-01-20']]) {
      await page.keyboard.press(key);
      await focusOn(day);
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const root = document.querySelector('news-article').shadowRoot;
      return root.querySelector('.nw-day time').getAttribute('datetime') === '2022-01-20' && root.activeElement?.classList.contains('nw-day');
    });
    assert.equal(await page.locator('news-article .nw-calendar').count(), 0, 'the calendar closed');
    await page.keyboard.press('Enter');
    await page.locator('news-article .nw-calendar').waitFor();
    // Escape closes from anywhere in the calendar, a month button included.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('news-article').shadowRoot.activeElement?.classList.contains('nw-day'));
    await tabTo(page, '.nw-next-day');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('news-article').shadowRoot.querySelector('.nw-day time').getAttribute('datetime') === '2022-01-21',
    );
    await tabTo(page, '.nw-dates .nw-summary a');
    await page.keyboard.press('Enter');
    assert.equal((await outcome(page, { count: 4 })).type, 'rendered');
    await page.close();
  });

  test('the retry button is reached and works from the keyboard', async () => {
    // A server error that outlasts the widget's own three tries, then recovers.
    let calls = 0;
    const flaky = await serve({
      routes: {
        '/host.html': html(host({ lang: 'vi', theme: 'light', src: '/a.json' })),
        '/a.json': (req, res) => (++calls <= 3 ? status(503)(req, res) : json(() => readFile(`${DIST}site/articles/20122.json`))(req, res)),
      },
    });
    const retry = await browser.newPage();
    await recordEvents(retry);
    await retry.goto(`${flaky.url}/host.html`);
    assert.equal((await outcome(retry)).type, 'error');
    await tabTo(retry, '.nw-retry');
    await retry.keyboard.press('Enter');
    assert.equal((await outcome(retry, { count: 2 })).type, 'rendered');
    await retry.close();
    await flaky.close();
  });
});
