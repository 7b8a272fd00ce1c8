/**
 * news-widget loader: the one file a partner page includes.
 *
 *   <news-article src="https://news.example/articles/20122.json"></news-article>
 *   <script src="https://cdn.example/news-widget/news-widget.js" async></script>
 *
 * A classic script (it also works as type="module"). It defines
 * <news-article> and finds the rest of the widget (news_widget.js,
 * news_widget_bg.wasm, news-widget.css) next to its own URL, so the
 * folder can be hosted on any path. The WebAssembly module and the
 * stylesheet are loaded once, however many elements the page has.
 *
 * <news-article>
 * @attr src   URL of the article JSON (required; relative to the page).
 * @attr lang  Interface language: "vi" (default) or "en".
 * @fires news-article:rendered  detail { id }: an article is on screen.
 * @fires news-article:error     detail { code, message }: an error is shown instead.
 * @slot  (default) fallback content, shown until an article renders and again after an error.
 */
(() => {
  'use strict';
  // Included twice? The first copy already did everything.
  if (window.customElements.get('news-article')) return;

  const script =
    document.currentScript ||
    [...document.querySelectorAll('script[src]')].find((s) => /news-widget\.js(\?|#|$)/.test(s.src));
  const base = new URL('.', script ? script.src : document.baseURI);

  let module;
  const loadModule = () =>
    (module ??= import(new URL('news_widget.js', base).href).then(async (bindings) => {
      await bindings.default({ module_or_path: new URL('news_widget_bg.wasm', base) });
      return bindings;
    }));

  let sheet;
  const loadSheet = () =>
    (sheet ??= fetch(new URL('news-widget.css', base)).then(async (response) => {
      if (!response.ok) throw new Error(`news-widget.css: HTTP ${response.status}`);
      const styles = new CSSStyleSheet();
      styles.replaceSync(await response.text());
      return styles;
    }));

  class NewsArticle extends HTMLElement {
    static observedAttributes = ['src', 'lang'];

    #widget = null;
    #mount = null;
    #fallback = null;

    connectedCallback() {
      if (!this.shadowRoot) {
        const shadow = this.attachShadow({ mode: 'open' });
        this.#fallback = document.createElement('slot');
        this.#mount = document.createElement('div');
        shadow.append(this.#fallback, this.#mount);
        this.addEventListener('news-article:rendered', () => (this.#fallback.hidden = true));
        this.addEventListener('news-article:error', () => (this.#fallback.hidden = false));
      }
      Promise.all([loadModule(), loadSheet()]).then(
        ([bindings, styles]) => {
          if (!this.isConnected || this.#widget) return;
          this.shadowRoot.adoptedStyleSheets = [styles];
          this.#widget = bindings.mount(this, this.#mount);
        },
        (error) => {
          // No WebAssembly (blocked by CSP, or an old browser): the fallback stays.
          console.warn('news-article:', error);
          const message = String(error && error.message ? error.message : error);
          this.dispatchEvent(
            new CustomEvent('news-article:error', {
              bubbles: true,
              composed: true,
              detail: { code: 'unsupported', message },
            }),
          );
        },
      );
    }

    disconnectedCallback() {
      if (!this.#widget) return;
      this.#widget.unmount();
      this.#widget.free();
      this.#widget = null;
    }

    attributeChangedCallback() {
      this.#widget?.update();
    }
  }

  window.customElements.define('news-article', NewsArticle);
})();
