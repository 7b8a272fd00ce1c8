// A click on a related item of the JSON-only embed → the new article: its
// headline in the DOM (a MutationObserver on the shadow root), the
// news-article:rendered event, and the frame painted after the DOM changed.
import { TIMEOUT, afterPaints, band, median, middle, ms, rendered, repeat, seed, seedPage, spread, verdict, visit } from '../lib.mjs';

const BUDGET_MS = 16;

/**
 * Clicks the first related item once the seed rendered. `prefetched`: hovered
 * first, and its JSON in and parsed before the click (the witness: its
 * resource timing entry, then two frames, in which the module has parsed it).
 * @param {import('../lib.mjs').Page} page
 * @param {boolean} prefetched
 */
async function relatedClick(page, prefetched) {
  await rendered(page);
  const link = page.locator('news-article .nw-related a').first();
  if (prefetched) {
    await link.hover();
    await page.waitForFunction(
      (src) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(src)),
      seed.related[0].src.replace(/^(\.\.\/)+/, '/'),
      { timeout: TIMEOUT, polling: 5 },
    );
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))));
  }
  const clicked = await link.evaluate((/** @type {HTMLElement} */ a) => {
    const shadow = /** @type {ShadowRoot} */ (a.getRootNode());
    const before = shadow.querySelector('h2').textContent;
    new MutationObserver((_, observer) => {
      if (shadow.querySelector('h2')?.textContent === before) return;
      observer.disconnect();
      window.bench.dom = performance.now();
      window.bench.afterPaint();
    }).observe(shadow, { subtree: true, childList: true, characterData: true });
    const at = performance.now();
    a.click();
    return at;
  });
  await rendered(page, 2);
  await afterPaints(page);
  const { dom, event, painted } = await page.evaluate(() => ({
    dom: window.bench.dom,
    event: window.bench.rendered[1],
    painted: window.bench.painted[0],
  }));
  // The observer runs at the end of the task that changed the DOM, which may come after the event.
  return { dom: Math.min(dom, event) - clicked, event: event - clicked, painted: painted - clicked };
}

/** @type {import('../run.mjs').Section} */
export default {
  name: 'click',
  async run(bench) {
    const widget = seedPage(bench.routes);
    const runs = (/** @type {boolean} */ prefetched, slowdown = 4) =>
      repeat(() => visit(bench.browser, bench.server, widget, (p) => relatedClick(p, prefetched), { slowdown }));
    const warm = await runs(true);
    const cold = await runs(false);
    const unthrottled = await runs(true, 1);
    bench.out('## Click on a related item → the new article');
    bench.out();
    bench.out('"in the DOM": its headline replaced the old one; "rendered": the news-article:rendered event;');
    bench.out('"painted": the frame after the DOM change. From the click, 4x CPU unless said.');
    bench.out();
    bench.out('| related article | in the DOM | rendered | painted |');
    bench.out('|---|---:|---:|---:|');
    const row = (/** @type {string} */ name, /** @type {{ dom: number, event: number, painted: number }[]} */ r) =>
      bench.out(`| ${name} | ${spread(r.map((x) => x.dom))} | ${spread(r.map((x) => x.event))} | ${spread(r.map((x) => x.painted))} |`);
    row(`prefetched (budget ${BUDGET_MS} ms, in the DOM)`, warm);
    row('not prefetched', cold);
    row('prefetched, CPU not throttled', unthrottled);
    bench.out();
    const dom = middle(warm.map((x) => x.dom));
    bench.out(`Prefetched, in the DOM: median ${ms(dom.value)}, its bootstrap band ${band(dom, 1)} ms.`);
    bench.out();
    bench.budget({
      budget: `a prefetched related article in the DOM within ${BUDGET_MS} ms of the click (4x CPU)`,
      figure: `${ms(dom.value)} (band ${band(dom, 1)} ms)`,
      verdict: verdict(dom, BUDGET_MS),
    });
    bench.figure('prefetched_click_ms', dom.value);
    bench.figure('prefetched_click_painted_ms', median(warm.map((x) => x.painted)));
    bench.figure('click_ms', median(cold.map((x) => x.dom)));
  },
};
