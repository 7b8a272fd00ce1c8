// The <news-article> element: what a partner page sees of the widget. Its
// work is done by a private Embed (embed.js); news-widget.js registers it.
import { VERSION } from './files.js';
import { Embed } from './embed.js';

/**
 * An embedded news article.
 *
 * @attr src         URL of the article JSON (required; relative to the page).
 * @attr lang        Interface language: "vi" (default) or "en".
 * @attr date-index  URL template of the date index, with {date} (YYYY-MM-DD).
 * @attr history     "hash": keep the current article in the host URL's fragment.
 * @attr theme       "light" (default), "dark", or "auto" (follows prefers-color-scheme).
 * @attr loading     "lazy" (default: loads when near the viewport) or "eager".
 * @fires news-article:rendered  detail { id }: an article is on screen.
 * @fires news-article:error     detail { code, message, version }: an error is shown instead.
 * @fires news-article:navigate  detail { src }: the reader moved to another article.
 * @fires news-article:video-play  detail { id, src }: the reader started a video.
 * @slot  (default) fallback content, shown until an article renders and again after an error.
 */
export class NewsArticle extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'date-index', 'history'];
  /** The widget's version: `customElements.get('news-article').version`, for bug reports. */
  static version = VERSION;

  /** @type {Embed | null} */
  #embed = null;
  /** Waiting for the page to be parsed (see connectedCallback). */
  #parsing = false;

  connectedCallback() {
    // While the page is still being parsed, the element's own content (a
    // pre-rendered snippet's shadow root) may not all be there yet: the
    // module and the stylesheet start downloading now, the rest waits.
    if (document.readyState === 'loading') {
      Embed.preload();
      if (!this.#parsing) {
        this.#parsing = true;
        document.addEventListener('DOMContentLoaded', () => this.isConnected && this.connectedCallback(), { once: true });
      }
      return;
    }
    this.#embed ??= new Embed(this);
    this.#embed.connect();
  }

  disconnectedCallback() {
    this.#embed?.disconnect();
  }

  attributeChangedCallback() {
    this.#embed?.attributesChanged();
  }
}
