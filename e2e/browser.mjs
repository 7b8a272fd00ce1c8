// Debian's Chromium, headless, driven by playwright-core (no downloaded browsers).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Launches Chromium; `args`: more command-line switches (the bench's what-ifs).
 * @param {{ args?: string[] }} [options]
 */
export function launch({ args = [] } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      ...args,
    ],
  });
}

/**
 * Opens `url` in a new page that records widget events (see `recordEvents`);
 * `problems` collects uncaught page errors, `requests` every URL asked for.
 */
export async function openPage(browser, url, { viewport = { width: 1000, height: 900 } } = {}) {
  const page = await browser.newPage({ viewport });
  await recordEvents(page);
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, problems, requests };
}

/**
 * Two animation frames and a task in `page`: what the page does with an event
 * it got (an answer, an observer's report) is done by then.
 */
export const frames = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))));

/** Waits until every `<news-article>` on the page shows a headline. */
export function everyWidgetRendered(page, timeout = 15000) {
  return page.waitForFunction(
    () => [...document.querySelectorAll('news-article')].every((el) => el.shadowRoot?.querySelector('h2')),
    null,
    { timeout },
  );
}

/** Records every news-article event on a page from its first script on, in `window.widgetEvents`. */
export async function recordEvents(page) {
  await page.addInitScript(() => {
    window.widgetEvents = [];
    for (const type of ['rendered', 'error', 'navigate', 'video-play']) {
      document.addEventListener(`news-article:${type}`, (event) =>
        window.widgetEvents.push({ type, detail: /** @type {CustomEvent} */ (event).detail, target: event.composedPath()[0] }),
      );
    }
  });
}

/**
 * Waits for the `count`th rendered or error event recorded on the page (see
 * `recordEvents`), of the element matching `selector`; resolves to { type, detail }.
 */
export async function outcome(page, { count = 1, selector = 'news-article', timeout = 15000 } = {}) {
  const handle = await page.waitForFunction(
    ([count, selector]) => {
      const seen = window.widgetEvents.filter(
        (e) => (e.type === 'rendered' || e.type === 'error') && e.target === document.querySelector(selector),
      );
      return seen.length >= count && { type: seen[count - 1].type, detail: seen[count - 1].detail };
    },
    [count, selector],
    { timeout },
  );
  return handle.jsonValue();
}
