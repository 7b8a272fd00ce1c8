// The pre-rendered takeover: a snippet brings the article in a declarative
// shadow root; the live widget renders out of sight beside it, then takes
// its place in one step, with the same markup and styles, so nothing moves.
import { PRERENDERED_CLASS } from './names.js';

/**
 * The pre-rendered article in `shadow`, if the element came from a snippet.
 * @param {ShadowRoot} shadow
 * @returns {HTMLElement | null}
 */
export const prerendered = (shadow) => shadow.querySelector(`.${PRERENDERED_CLASS}`);

/**
 * Calls `then` now, or, while a video in `root` plays, once the reader has
 * paused it (a video being watched is not swapped away).
 * @param {HTMLElement} root
 * @param {() => void} then
 */
export function whenStill(root, then) {
  const playing = [...root.querySelectorAll('video')].find((video) => !video.paused);
  if (playing) playing.addEventListener('pause', () => whenStill(root, then), { once: true });
  else then();
}

/**
 * Puts `mount` (the live widget, hidden so far) in the place of `old` (the
 * pre-rendered article) in `shadow`: focus moves to the same control, the
 * scroll position stays, and the snippet's stylesheet (perhaps an older
 * version's) leaves with it, as the live widget has its own.
 * @param {ShadowRoot} shadow
 * @param {HTMLElement} old
 * @param {HTMLElement} mount
 */
export function swap(shadow, old, mount) {
  const focused = shadow.activeElement;
  const path = focused && old.contains(focused) ? childPath(old, focused) : null;
  old.remove();
  shadow.querySelector(':scope > link[rel=stylesheet]')?.remove();
  mount.hidden = false;
  if (path) /** @type {HTMLElement | undefined} */ (nodeAt(mount, path))?.focus({ preventScroll: true });
}

/**
 * The child indexes that lead from `root` down to `node`.
 * @param {Element} root
 * @param {Element} node
 */
function childPath(root, node) {
  const path = [];
  for (let at = node; at !== root && at.parentElement; at = at.parentElement) {
    path.unshift([...at.parentElement.children].indexOf(at));
  }
  return path;
}

/**
 * The element at `path` (see `childPath`) under `root`, if there is one.
 * @param {Element} root
 * @param {number[]} path
 * @returns {Element | undefined}
 */
const nodeAt = (root, path) => path.reduce((/** @type {Element | undefined} */ node, i) => node?.children[i], root);
