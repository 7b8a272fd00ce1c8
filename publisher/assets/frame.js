// @ts-check
/**
 * The frame pages' own script (frame/ and card/ pages, written by
 * `news-widget build`; partner pages that embed the widget never download it).
 * It works in a sandboxed frame (`sandbox="allow-scripts"`, origin null):
 *
 * - It tells the parent page the page's height whenever it changes (load,
 *   resize, the content's size, a related article opening), in three
 *   protocols at once; a parent reads the one it speaks and ignores the rest:
 *     ours, for any page:   { type: 'news-article:height', height }
 *     AMP's <amp-iframe resizable>:   { sentinel: 'amp', type: 'embed-size', height }
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
(() => {
  'use strict';
  if (window.parent === window) return; // not in a frame: nothing to tell anyone

  const fragment = new URLSearchParams(location.hash.replace(/^#\??/, ''));
  const given = fragment.get('secret');
  /** WordPress's secret (letters and digits only, as wp-embed.js checks), if the parent is WordPress. */
  const secret = given && /^[A-Za-z0-9]+$/.test(given) ? given : null;

  const theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'light' || theme === 'dark' || theme === 'auto') {
    for (const element of document.querySelectorAll('news-article, .nw-card-host')) element.setAttribute('theme', theme);
  }

  if (!document.fullscreenEnabled) {
    // The rule goes into each widget's shadow root, where its videos are.
    const rule = 'video::-webkit-media-controls-fullscreen-button { display: none; }';
    for (const widget of document.querySelectorAll('news-article')) {
      widget.shadowRoot?.append(Object.assign(document.createElement('style'), { textContent: rule }));
    }
  }

  /** @param {unknown} message */
  const post = (message) => window.parent.postMessage(message, '*');

  let told = -1;
  /** Tells the parent the page's height, if it changed (or always, when `again`). */
  function tell(again = false) {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === told && !again) return;
    told = height;
    post({ type: 'news-article:height', height });
    post({ sentinel: 'amp', type: 'embed-size', height });
    if (secret) post({ message: 'height', value: height, secret });
  }

  new ResizeObserver(() => tell()).observe(document.body);
  window.addEventListener('resize', () => tell());
  window.addEventListener('load', () => tell());
  document.addEventListener('news-article:rendered', () => tell());
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
})();
