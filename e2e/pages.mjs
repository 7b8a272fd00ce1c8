// The one place the end-to-end tests build host pages and answer requests.
// Every test file makes its pages and routes (for server.mjs's `routes`) with these:
//
//   hostPage(body, options)  a whole HTML document around `body`, ending with the loader's script tag
//   framePage(src, options)  a host page around one <iframe> of `src` (a partner page's frame page)
//   html(page, headers)      a route that answers an HTML document
//   json(body, headers)      a route that answers JSON
//   status(code)             a route that answers an HTTP status and nothing else (204: no body)
//   file(bytes, type)        a route that answers other bytes (a module, a stylesheet), never cached
//   held(route)              a route whose answers wait until the test releases them, with a
//                            witness that a request came in: for tests that wait for events, not times
//   RECORDER, SAMPLE_FRAMES  page scripts: the widgets' events, and how every frame shows the article
//   RECORD_MESSAGES          a page script: every message the page's frames send it
//   AMP_STAND_IN             a page script: what AMP's runtime does with <amp-iframe resizable>
//   query(req)               the request's query parameters, for pages made from them
//
// A body or page may be given as a value, or as a function of the request
// that returns one (or a promise of one), for answers made when asked.

import { AMP_RESIZER } from '../publisher/assets/frame-host.js';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {(req: Request, res: Response) => unknown} Route */
/**
 * @template T
 * @typedef {T | ((req: Request) => T | Promise<T>)} Made
 */

/**
 * Records every news-article event of a page in `window.widgetEvents`, as
 * `{ type, id, code, target }` (`target`: the element's id), from before any
 * widget starts: an inline script for the head of a page that any engine
 * loads (pages without a Content Security Policy). browser.mjs's
 * `recordEvents` does the same in Chromium for any page.
 */
export const RECORDER = `<script>
  window.widgetEvents = [];
  for (const type of ['rendered', 'error', 'navigate', 'video-play']) {
    document.addEventListener('news-article:' + type, (e) =>
      window.widgetEvents.push({ type, id: e.detail.id, code: e.detail.code, target: e.composedPath()[0].id }));
  }
</script>`;

/**
 * A host page: `body` in a whole HTML document, followed by the partner
 * snippet's script tag (`script: null` for none, as when the body's
 * snippets bring their own).
 * @param {string} body
 * @param {{ lang?: string, dir?: string, title?: string, head?: string, script?: string | null }} [options]
 *   `head`: more markup for the head (a `<style>`, a `<link>`, `RECORDER`)
 */
export function hostPage(body, { lang = 'en', dir = 'ltr', title = 'host', head = '', script = '/news-widget.js' } = {}) {
  const tag = script === null ? '' : `<script src="${script}" async></script>`;
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>${body}${tag}</body></html>`;
}

/**
 * A page script: records every message that a frame of the page sends it,
 * in `window.told` (in the top page only, so it may be an init script that
 * runs in every frame too). Inline it as `<script>(${RECORD_MESSAGES})()</script>`.
 */
export const RECORD_MESSAGES = () => {
  if (window !== window.top) return;
  /** @type {unknown[]} */
  const told = [];
  Object.assign(window, { told });
  addEventListener('message', (e) => {
    if ([...document.querySelectorAll('iframe')].some((f) => f.contentWindow === e.source)) told.push(e.data);
  });
};

/**
 * A host page around one frame of `src` (`#frame`, 300 px high until told
 * otherwise) with content below it (`#below`), recording what the frame
 * tells it (RECORD_MESSAGES) and resized by `resizer`, a page script
 * (frame-host.js's RESIZER for our protocol, AMP_RESIZER for AMP's).
 * @param {string} src
 * @param {{ sandbox?: string | null, allow?: string | null, resizer?: string }} [options]
 *   `sandbox` (null for none), `allow`: the iframe's attributes
 */
export function framePage(src, { sandbox = 'allow-scripts', allow = null, resizer = '' } = {}) {
  const attributes = [['sandbox', sandbox], ['allow', allow]].map(([name, value]) => (value === null ? '' : ` ${name}="${value}"`)).join('');
  return hostPage(
    `<h1>A partner page</h1>
<iframe id="frame" src="${src}"${attributes} width="100%" height="300" frameborder="0" title="article"></iframe>
<p id="below">Below the frame.</p>${resizer && `<script>${resizer}</script>`}`,
    { head: `<script>(${RECORD_MESSAGES})()</script>`, script: null },
  );
}

/**
 * A page script that stands in for AMP's runtime on a page that is not an
 * AMP page (AMP's own is not ours to download): an <amp-iframe> becomes a
 * frame with its src, title, sandbox and height, resized on AMP's
 * `embed-size` message as <amp-iframe resizable> is.
 */
export const AMP_STAND_IN = `<script>
customElements.define('amp-iframe', class extends HTMLElement {
  connectedCallback() {
    const frame = document.createElement('iframe');
    for (const name of ['src', 'title', 'sandbox', 'height']) frame.setAttribute(name, this.getAttribute(name));
    Object.assign(frame, { width: '100%', frameBorder: '0', allowFullscreen: this.hasAttribute('allowfullscreen') });
    this.append(frame);
  }
});
</script><script>${AMP_RESIZER}</script>`;

/**
 * The query parameters of `req`, for a page made from them.
 * @param {Request} req
 */
export const query = (req) => new URL(req.url ?? '/', 'http://x').searchParams;

/**
 * The value of `made` for `req`.
 * @template T
 * @param {Made<T>} made
 * @param {Request} req
 * @returns {Promise<T>}
 */
const make = async (made, req) => (typeof made === 'function' ? /** @type {Function} */ (made)(req) : made);

/**
 * A route that answers `page` as an HTML document.
 * @param {Made<string>} page
 * @param {Record<string, string>} [headers]  more headers (a Content-Security-Policy, say)
 * @returns {Route}
 */
export const html = (page, headers = {}) => async (req, res) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(await make(page, req));

/**
 * A route that answers `body` as JSON: a value (serialized), or a string or
 * bytes sent as they are (for documents that are not valid JSON).
 * @param {Made<unknown>} body
 * @param {Record<string, string | number>} [headers]
 * @returns {Route}
 */
export const json = (body, headers = {}) => async (req, res) => {
  const value = await make(body, req);
  const bytes = typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(bytes);
};

/**
 * A route that answers only with the HTTP status `code`.
 * @param {number} code
 * @returns {Route}
 */
export const status = (code) => (req, res) =>
  code === 204 ? res.writeHead(code).end() : res.writeHead(code, { 'content-type': 'text/plain' }).end(`HTTP ${code}`);

/**
 * A route that answers `bytes` as `type`, never cached (the tests' own copy
 * of a build's file, served where the test wants it).
 * @param {Made<string | Buffer>} bytes
 * @param {string} type  the content type
 * @returns {Route}
 */
export const file = (bytes, type) => async (req, res) =>
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(await make(bytes, req));

/**
 * A route that holds its answers back: each request waits until the test
 * calls `release()`, then `route` answers it. `arrived` resolves when a
 * request has come in: the witness that the page asked. `hold()` holds the
 * answers after it again, with a new `arrived`.
 * @param {Route} route
 */
export function held(route) {
  /** @type {() => void} */
  let release = () => {};
  /** @type {() => void} */
  let arrive = () => {};
  /** @type {Promise<void>} */
  let released = Promise.resolve();
  const hold = {
    /** @type {Promise<void>} */
    arrived: Promise.resolve(),
    /**
     * @param {Request} req
     * @param {Response} res
     */
    route: async (req, res) => {
      arrive();
      await released;
      return route(req, res);
    },
    /** Sends the held answers, and every later one at once. */
    release: () => release(),
    /** Holds the answers from now on again. */
    hold() {
      released = new Promise((resolve) => (release = () => resolve(undefined)));
      hold.arrived = new Promise((resolve) => (arrive = () => resolve(undefined)));
    },
  };
  hold.hold();
  return hold;
}

/**
 * A page script: samples, in every animation frame from the page's start,
 * how the first widget's headline looks, 'not shown', 'UNSTYLED' or
 * 'styled', into `window.frameSamples.seen`, until the first frame that
 * shows it styled (then `done`). A flash of unstyled content is a frame
 * that shows it unstyled: the samples catch it whenever it comes. Run it as
 * an init script (Chromium), or inline in a page's head (`<script>(${SAMPLE_FRAMES})()</script>`).
 */
export const SAMPLE_FRAMES = () => {
  /** @type {{ seen: string[], done: boolean }} */
  const samples = { seen: [], done: false };
  Object.assign(window, { frameSamples: samples });
  const frame = () => {
    const h2 = document.querySelector('news-article')?.shadowRoot?.querySelector('h2');
    const look = !h2 || !h2.getClientRects().length ? 'not shown' : /^"Noto Serif"/.test(getComputedStyle(h2).fontFamily) ? 'styled' : 'UNSTYLED';
    samples.seen.push(look);
    if (look === 'styled') samples.done = true;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};
