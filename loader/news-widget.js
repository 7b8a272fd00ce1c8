/**
 * news-widget loader: the one file a partner page includes.
 *
 *   <news-article src="https://news.example/articles/20122.json"></news-article>
 *   <script src="https://cdn.example/news-widget/news-widget.js" async></script>
 *
 * A classic script (it also works as type="module"). It defines
 * <news-article> and finds the rest of the widget (news_widget.js,
 * news_widget_bg.wasm, news-widget.css) in v/<version>/ next to its own URL,
 * so the folder can be hosted on any path. This file keeps a stable URL and a
 * short cache life; the version it names is the one it was built with, whose
 * files are immutable (see README, "Deploying"). The WebAssembly module is
 * downloaded and compiled once, and the stylesheet built once, however many
 * elements the page has.
 *
 * <news-article>
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
(() => {
  'use strict';
  // Included twice? The first copy already did everything.
  if (window.customElements.get('news-article')) return;

  const script =
    document.currentScript ||
    [...document.querySelectorAll('script[src]')].find((s) => /news-widget\.js(\?|#|$)/.test(s.src));
  /** The build this loader belongs to (written in by scripts/version.mjs). */
  const VERSION = '__NEWS_WIDGET_VERSION__';
  const base = new URL(`v/${VERSION}/`, new URL('.', script ? script.src : document.baseURI));
  const wasmUrl = new URL('news_widget_bg.wasm', base);

  let compiled;
  const compile = () =>
    (compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() =>
      // Served without the application/wasm type: compile from the bytes instead.
      fetch(wasmUrl).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)),
    ));

  // A panic leaves a WebAssembly instance unusable, so after one the widgets
  // restart on a new instance of the same compiled module (a new `instance`
  // makes the import load a fresh copy of the bindings).
  let instance = 0;
  let module;
  const loadModule = () =>
    (module ??= Promise.all([
      import(new URL(`news_widget.js${instance ? `?instance=${instance}` : ''}`, base).href),
      compile(),
    ]).then(async ([bindings, wasm]) => {
      await bindings.default({ module_or_path: wasm });
      return bindings;
    }));

  /**
   * Starts the article request of an element now, so it downloads alongside
   * the module; the module adopts it at mount. Not when history="hash" names
   * another article in the page URL (the widget will open that one instead).
   * These two rules are the module's (src/model/url.rs, src/embed/history.rs),
   * copied because the module is not there yet; e2e/loader.test.mjs holds
   * the copy to them.
   */
  function requestEarly(element) {
    if (element.getAttribute('history') === 'hash' && location.hash.includes('news-article=')) return null;
    let url;
    try {
      url = new URL(element.getAttribute('src').trim(), element.baseURI);
    } catch {
      return null; // no or bad src: the widget says what is wrong
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    const controller = new AbortController();
    const response = fetch(url.href, { signal: controller.signal });
    const early = { url: url.href, response, abort: () => controller.abort(), arrived: [] };
    // A good answer that is in before the module keeps its body ready too,
    // so the widget's first render is the article, not a skeleton.
    response
      .then((r) => r.ok && r.clone().arrayBuffer().then((body) => (early.arrived = [r, body])))
      .catch(() => {}); // a failure is the widget's to report, once adopted
    return early;
  }

  let sheet;
  const loadSheet = () =>
    (sheet ??= fetch(new URL('news-widget.css', base)).then(async (response) => {
      if (!response.ok) throw new Error(`news-widget.css: HTTP ${response.status}`);
      const styles = new CSSStyleSheet();
      styles.replaceSync(await response.text());
      return styles;
    }));

  const live = new Set();
  let restarting = null; // the element being restarted after a crash, one at a time

  /** The panic callback for widgets of the current instance; reports from a dead one are ignored. */
  const onPanic = (of = instance) => () => of === instance && crashed();

  function crashed() {
    const culprit = restarting;
    instance += 1;
    module = null;
    restarting = null;
    for (const element of live) element.crash(element === culprit);
    restart(instance);
  }

  /** Restarts the widgets one by one, so a widget that crashes again is known and left out. */
  async function restart(run) {
    for (const element of [...live]) {
      if (run !== instance) return; // another crash started a newer restart
      if (element.failed || !element.started) continue;
      restarting = element;
      await element.start();
    }
    if (run === instance) restarting = null;
  }

  class NewsArticle extends HTMLElement {
    static observedAttributes = ['src', 'lang', 'date-index', 'history'];
    /** The widget's version: `customElements.get('news-article').version`, for bug reports. */
    static version = VERSION;

    #widget = null;
    #mount = null;
    #fallback = null;
    #near = null;
    /** The article of a pre-rendered snippet, on screen until the live widget takes over. */
    #prerendered = null;
    /** Waiting for the page to be parsed (see connectedCallback). */
    #parsed = null;
    /** The crash notice in the widget's language, from the module while it lives. */
    #crashNotice = null;
    /** The article request started before the module was ready (see `requestEarly`). */
    #early = null;
    /** Crashed twice: left on its fallback until its attributes change. */
    failed = false;
    /** Has asked for its article (lazy elements wait until they come near the viewport). */
    started = false;

    connectedCallback() {
      // While the page is still being parsed, the element's own content (a
      // pre-rendered snippet's shadow root) may not all be there yet: the
      // module and the stylesheet start downloading now, the rest waits.
      if (document.readyState === 'loading') {
        loadModule().catch(() => {}); // a failure is reported by start()
        loadSheet().catch(() => {});
        if (!this.#parsed) {
          this.#parsed = new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
          this.#parsed.then(() => this.isConnected && this.connectedCallback());
        }
        return;
      }
      if (!this.#mount) {
        // A pre-rendered snippet brings its own shadow root with the article in
        // it (declarative shadow DOM): attaching another would empty it.
        const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        this.#prerendered = shadow.querySelector('.nw-prerendered');
        this.#fallback = shadow.querySelector('slot') ?? document.createElement('slot');
        this.#mount = this.#newMount();
        shadow.append(this.#fallback, this.#mount);
        this.addEventListener('news-article:rendered', () => {
          this.#fallback.hidden = true;
          this.#takeOver();
        });
        // Whatever went wrong, a pre-rendered article is better than the fallback.
        this.addEventListener('news-article:error', () => (this.#fallback.hidden = Boolean(this.#prerendered)));
      }
      live.add(this);
      if (!restarting && !this.failed) this.#whenNear(() => this.start());
    }

    /** Where the live widget renders: out of sight while a pre-rendered article holds its place. */
    #newMount() {
      const mount = document.createElement('div');
      mount.hidden = Boolean(this.#prerendered);
      return mount;
    }

    /**
     * The live widget has rendered: it takes the pre-rendered article's place
     * in one step, with the same markup and styles, so nothing moves; focus
     * stays on the same control. A video the reader is watching finishes first.
     */
    #takeOver() {
      const old = this.#prerendered;
      // Nothing to take over, or no live widget to take over with (it crashed).
      if (!old || !this.#widget) return;
      const playing = [...old.querySelectorAll('video')].find((video) => !video.paused);
      if (playing) return playing.addEventListener('pause', () => this.#takeOver(), { once: true });
      const focused = this.shadowRoot.activeElement;
      const path = old.contains(focused) ? childPath(old, focused) : null;
      this.#prerendered = null;
      old.remove();
      // The snippet's stylesheet may be an older version's: the live widget has its own.
      this.shadowRoot.querySelector(':scope > link[rel=stylesheet]')?.remove();
      this.#mount.hidden = false;
      if (path) nodeAt(this.#mount, path)?.focus({ preventScroll: true });
    }

    /** Runs `start` now (loading="eager"), or once the element is within 800 px of the viewport. */
    #whenNear(start) {
      if (this.getAttribute('loading') === 'eager' || !('IntersectionObserver' in window)) return start();
      this.#near?.disconnect();
      this.#near = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.#near.disconnect();
          this.#near = null;
          start();
        },
        { rootMargin: '800px 0px' },
      );
      this.#near.observe(this);
    }

    disconnectedCallback() {
      live.delete(this);
      this.#early?.abort(); // the widget's own requests stop when it goes; so does this one
      this.#early = null;
      this.#near?.disconnect();
      this.#near = null;
      if (!this.#widget) return;
      this.#widget.unmount();
      this.#widget.free();
      this.#widget = null;
    }

    attributeChangedCallback() {
      if (this.failed && this.isConnected) {
        this.failed = false;
        this.#whenNear(() => this.start());
      } else if (this.#widget) {
        this.#widget.update();
        this.#crashNotice = this.#widget.crashNotice();
      }
    }

    /** Mounts the widget; resolves when it first shows an article or an error. */
    start() {
      this.started = true;
      const settled = new Promise((resolve) => {
        this.addEventListener('news-article:rendered', resolve, { once: true });
        this.addEventListener('news-article:error', resolve, { once: true });
      });
      const ready = Promise.all([loadModule(), loadSheet()]);
      const early = (this.#early = requestEarly(this));
      ready.then(
        ([bindings, styles]) => {
          // Not when the element left, already has a widget, or started again
          // since (its early request then is another one).
          if (!this.isConnected || this.#widget || early !== this.#early) return;
          this.shadowRoot.adoptedStyleSheets = [styles];
          if (early) bindings.adopt(early.url, early.response, ...early.arrived);
          this.#widget = bindings.mount(this, this.#mount, onPanic(), VERSION);
          this.#crashNotice = this.#widget.crashNotice();
        },
        (error) => {
          // No WebAssembly (blocked by CSP, or an old browser): the fallback stays.
          console.warn(`news-article ${VERSION}:`, error);
          this.#error('unsupported', String(error && error.message ? error.message : error));
        },
      );
      return settled;
    }

    /**
     * The module instance died: show the fallback, and the notice the widget
     * gave in its language while it lived; never call into it again.
     */
    crash(forGood) {
      this.#widget = null;
      this.failed = forGood;
      const mount = this.#newMount();
      this.#mount.replaceWith(mount);
      this.#mount = mount;
      this.#error('internal', 'the widget crashed; see the console');
      // A pre-rendered article stays on screen instead of the notice.
      if (!this.#crashNotice || this.#prerendered) return;
      const notice = Object.assign(document.createElement('div'), { className: 'nw-error' });
      notice.setAttribute('role', 'alert');
      notice.setAttribute('part', 'error');
      notice.append(Object.assign(document.createElement('p'), { textContent: this.#crashNotice }));
      mount.after(notice);
      // The notice goes once the restarted widget shows something of its own.
      const clear = () => notice.remove();
      this.addEventListener('news-article:rendered', clear, { once: true });
      this.addEventListener('news-article:error', clear, { once: true });
    }

    #error(code, message) {
      this.dispatchEvent(
        new CustomEvent('news-article:error', { bubbles: true, composed: true, detail: { code, message, version: VERSION } }),
      );
    }
  }

  /** The child indexes that lead from `root` down to `node`. */
  function childPath(root, node) {
    const path = [];
    for (; node !== root; node = node.parentNode) path.unshift([...node.parentNode.children].indexOf(node));
    return path;
  }

  /** The element at `path` (see `childPath`) under `root`, if there is one. */
  const nodeAt = (root, path) => path.reduce((node, i) => node?.children[i], root);

  window.customElements.define('news-article', NewsArticle);
})();
