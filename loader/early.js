// The early article request: asked for as soon as an element starts, so the
// article downloads alongside the module, which adopts the request at mount.
// The loader decides before the module is there which article that is, by
// the module's rules (src/model/url.rs, src/embed/history.rs), which
// e2e/loader.test.mjs holds this copy to, case by case.
import { FRAGMENT_KEY } from './names.js';

/**
 * An article request started before the module was ready.
 * @typedef {object} Early
 * @property {string} url  the article's absolute URL
 * @property {Promise<Response>} response
 * @property {() => void} abort
 * @property {{ response: Response, body: ArrayBuffer } | null} arrived  a good answer and its body, once both are in
 * @property {boolean} answered  the answer's head is in (its body may still be read)
 * @property {Promise<void>} read  settles once `arrived` is set, or will never be
 */

/**
 * The origin of an absolute `url`, or null (src/embed/history.rs: `Url::new` takes no base).
 * @param {string} url
 */
function origin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The article the host URL's fragment names for a widget with
 * history="hash", if it is on the origin of `src`; else null
 * (src/embed/history.rs, `in_fragment`).
 * @param {string} src  the element's src, resolved
 */
export function inFragment(src) {
  const encoded = location.hash
    .replace(/^#+/, '')
    .split('&')
    .find((part) => part.startsWith(FRAGMENT_KEY))
    ?.slice(FRAGMENT_KEY.length);
  if (encoded === undefined) return null;
  let url;
  try {
    url = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  const own = origin(url);
  return own !== null && own === origin(src) ? url : null;
}

/**
 * Starts the article request of `element` now, or returns null: without a
 * usable src (the widget says what is wrong), or when history="hash" and the
 * page URL names another article (the widget opens that one instead).
 * @param {Element} element
 * @returns {Early | null}
 */
export function requestEarly(element) {
  const src = element.getAttribute('src');
  if (src === null) return null;
  let url;
  try {
    url = new URL(src.trim(), element.baseURI);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (element.getAttribute('history') === 'hash' && inFragment(url.href) !== null) return null;
  const controller = new AbortController();
  const response = fetch(url.href, { signal: controller.signal });
  /** @type {Early} */
  const early = { url: url.href, response, abort: () => controller.abort(), arrived: null, answered: false, read: Promise.resolve() };
  // A good answer that is in before the module keeps its body ready too,
  // so the widget's first render is the article, not a skeleton.
  early.read = response
    .then(async (r) => {
      early.answered = true;
      if (r.ok) early.arrived = { response: r, body: await r.clone().arrayBuffer() };
    })
    .catch(() => {}); // a failure is the widget's to report, once adopted
  return early;
}
