/**
 * The frame pages' own script (frame/ and card/ pages, written by
 * `news-widget build`; partner pages that embed the widget never download it).
 * A module, beside the names it shares with the widget (names.js, generated
 * from the Rust side) and the height messages (frame-host.js). It works in a
 * sandboxed frame (`sandbox="allow-scripts"`, origin null), where every file
 * it loads comes with `Access-Control-Allow-Origin: *`:
 *
 * - It tells the parent page the page's height whenever it changes (load,
 *   resize, the content's size, a related article opening), in three
 *   protocols at once; a parent reads the one it speaks and ignores the rest:
 *     ours, for any page:   { type: HEIGHT, height }
 *     AMP's <amp-iframe resizable>:   { ...AMP_SIZE, height }
 *     WordPress's wp-embed.js, when the frame's URL ends in `#?secret=…`:
 *       { message: 'height', value, secret }, sent again when the parent says
 *       { message: 'ready', secret }.
 * - Links that leave the widget open at the top level: in WordPress's frame,
 *   which may not navigate the top itself, as { message: 'link', value, secret };
 *   elsewhere by navigating `_top`.
 * - Where the frame may not go fullscreen (no `allow="fullscreen"`), the
 *   videos' fullscreen button is hidden (Chromium shows it disabled, even
 *   with `controlslist="nofullscreen"`).
 * - `?theme=light|dark|auto` in the frame's URL sets the widget's theme.
 */
import { CARD_HOST_CLASS, EVENT_RENDERED } from './names.js';
import { AMP_SIZE, HEIGHT } from './frame-host.js';

/** WordPress's secret (letters and digits only, as wp-embed.js checks), if the parent is WordPress. */
function wordpressSecret() {
  const given = new URLSearchParams(location.hash.replace(/^#\??/, '')).get('secret');
  return given && /^[A-Za-z0-9]+$/.test(given) ? given : null;
}

/** Sets the theme of every widget and card on the page from the URL's `?theme=`. */
function applyTheme() {
  const theme = new URLSearchParams(location.search).get('theme');
  if (theme !== 'light' && theme !== 'dark' && theme !== 'auto') return;
  for (const element of document.querySelectorAll(`news-article, .${CARD_HOST_CLASS}`)) element.setAttribute('theme', theme);
}

/** Hides the videos' fullscreen button where the frame may not go fullscreen. */
function hideFullscreen() {
  if (document.fullscreenEnabled) return;
  // The rule goes into each widget's shadow root, where its videos are.
  const rule = 'video::-webkit-media-controls-fullscreen-button { display: none; }';
  for (const widget of document.querySelectorAll('news-article')) {
    widget.shadowRoot?.append(Object.assign(document.createElement('style'), { textContent: rule }));
  }
}

/**
 * Tells the parent the page's height whenever it changes, and sends the
 * links that leave the widget to the top level.
 * @param {string | null} secret  WordPress's, if the parent is WordPress
 */
function talkToParent(secret) {
  /** @param {unknown} message */
  const post = (message) => window.parent.postMessage(message, '*');

  let told = -1;
  /** Tells the parent the page's height, if it changed (or always, when `again`). */
  const tell = (again = false) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === told && !again) return;
    told = height;
    post({ type: HEIGHT, height });
    post({ ...AMP_SIZE, height });
    if (secret) post({ message: 'height', value: height, secret });
  };

  new ResizeObserver(() => tell()).observe(document.body);
  window.addEventListener('resize', () => tell());
  window.addEventListener('load', () => tell());
  document.addEventListener(EVENT_RENDERED, () => tell());
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (secret && event.source === window.parent && data && data.message === 'ready' && data.secret === secret) tell(true);
  });

  // After the widget's own handlers: a related article it opens in place has
  // had its default prevented; any other link leaves the widget.
  window.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return; // a new tab or window: the browser's
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
    if (!(link instanceof HTMLAnchorElement) || !link.href || link.hasAttribute('download')) return;
    event.preventDefault();
    if (secret) post({ message: 'link', value: link.href, secret });
    else window.open(link.href, '_top');
  });

  tell();
}

// Not in a frame: nothing to tell anyone.
if (window.parent !== window) {
  applyTheme();
  hideFullscreen();
  talkToParent(wordpressSecret());
}
