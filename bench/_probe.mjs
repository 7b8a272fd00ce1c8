import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';
const html = (body) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>b</title></head><body>${body}</body></html>`;
let staticHtml = '';
const server = await serve({ compress: true, routes: {
  '/s.html': (q, r) => r.writeHead(200, {'content-type':'text/html'}).end(staticHtml),
  '/w.html': (q, r) => r.writeHead(200, {'content-type':'text/html'}).end(html('<news-article src="/site/articles/20122.json" loading="eager"></news-article><script src="/news-widget.js" async></script>')),
}});
const browser = await launch();
async function probe(path, wait) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Performance.enable');
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReturnAsStream' });
  await page.addInitScript(() => { window.done = new Promise(r => document.addEventListener('news-article:rendered', () => requestAnimationFrame(() => setTimeout(r)), true)); });
  await page.goto(server.url + path);
  await page.evaluate(() => window.done);
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(x => [x.name, x.value]));
  const events = [];
  await new Promise(async (resolve) => {
    cdp.on('Tracing.tracingComplete', async ({ stream }) => {
      let data = '';
      for (;;) { const c = await cdp.send('IO.read', { handle: stream }); data += c.data; if (c.eof) break; }
      events.push(...JSON.parse(data).traceEvents);
      resolve();
    });
    await cdp.send('Tracing.end');
  });
  const layouts = events.filter(e => e.name === 'Layout' && e.ph === 'X');
  const t0 = events.find(e => e.name === 'navigationStart')?.ts ?? layouts[0]?.ts;
  console.log(path, 'LayoutCount', m.LayoutCount, 'RecalcStyleCount', m.RecalcStyleCount, 'Script', (m.ScriptDuration*1000).toFixed(0), 'Layout', (m.LayoutDuration*1000).toFixed(0), 'Style', (m.RecalcStyleDuration*1000).toFixed(0));
  for (const l of layouts) console.log('  layout at', ((l.ts - t0)/1000).toFixed(0), 'ms, dur', (l.dur/1000).toFixed(1), 'dirty', l.args?.beginData?.dirtyObjects, 'total', l.args?.beginData?.totalObjects, l.args?.beginData?.stackTrace?.[0]?.functionName ?? '');
  await context.close();
}
{
  const page = await browser.newPage();
  await page.goto(server.url + '/w.html');
  await page.waitForFunction(() => document.querySelector('news-article').shadowRoot?.querySelector('h2'));
  const markup = await page.evaluate(() => document.querySelector('news-article').shadowRoot.querySelector('.nw').outerHTML);
  await page.close();
  const st = html(`<news-article><template shadowrootmode="open"><link rel="stylesheet" href="/news-widget.css" onload="document.dispatchEvent(new Event('news-article:rendered'))">${markup}</template></news-article>`);
  server.routes = 1;
  staticHtml = st;
}
await probe('/w.html');
await probe('/s.html');
await browser.close(); await server.close();
