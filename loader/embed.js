// One <news-article>'s widget, behind the element (element.js): its shadow
// root and mount point, the module's live widget, the fallback, the
// takeover of a pre-rendered article, and what happens when the module
// crashes. Private to the loader: the page sees only the element and its events.
import { VERSION } from './files.js';
import { load as loadModule } from './module.js';
import { load as loadSheet } from './stylesheet.js';
import { requestEarly } from './early.js';
import { whenNear } from './near.js';
import { watchViews } from './views.js';
import { prerendered, swap, whenStill } from './takeover.js';
import { join, leave, onPanic, start } from './recovery.js';
import {
  CODE_INTERNAL,
  CODE_UNSUPPORTED,
  DETAIL_CODE,
  DETAIL_MESSAGE,
  DETAIL_VERSION,
  EVENT_ERROR,
  EVENT_RENDERED,
  NOTICE_CLASS,
  NOTICE_PART,
  NOTICE_ROLE,
} from './names.js';

/** @typedef {import('./module.js').Widget} Widget */
/** @typedef {import('./early.js').Early} Early */
/** @typedef {import('./recovery.js').Restartable} Restartable */

/**
 * The stylesheet and the module, once for the page. Asked for in this order,
 * the module's bindings last (module.js), and before any article: each
 * request costs the main thread some ms at 4x CPU before the next goes out,
 * and the module takes longest to come and compile.
 * @returns {Promise<[CSSStyleSheet, import('./module.js').Bindings]>}
 */
const loadFiles = () => Promise.all([loadSheet(), loadModule()]);

/** @implements {Restartable} */
export class Embed {
  /** @type {HTMLElement} */
  #element;
  /** @type {ShadowRoot} */
  #shadow;
  /** @type {HTMLSlotElement} The partner's fallback content, shown until an article renders and after an error. */
  #fallback;
  /** @type {HTMLElement} Where the live widget renders: out of sight while a pre-rendered article holds its place. */
  #mount;
  /** @type {HTMLElement | null} The article of a pre-rendered snippet, on screen until the live widget takes over. */
  #prerendered;
  /** @type {Widget | null} The module's widget, while the instance it belongs to lives. */
  #widget = null;
  /** @type {string | null} The crash notice in the widget's language, from the module while it lives. */
  #crashNotice = null;
  /** @type {Early | null} The article request started before the module was ready. */
  #early = null;
  /** @type {AbortController | null} The current start, aborted when the element leaves. */
  #run = null;
  /** @type {() => void} Cancels the wait for the reader to come near. */
  #cancelNear = () => {};
  /** Has asked for its article (a lazy widget waits until the reader comes near). */
  #asked = false;
  /** Crashed again while restarting: left on its fallback until its attributes change. */
  #failed = false;

  /**
   * Called once the page is parsed, so a pre-rendered snippet's shadow root
   * is all there.
   * @param {HTMLElement} element
   */
  constructor(element) {
    this.#element = element;
    // A snippet brings its own shadow root with the article in it
    // (declarative shadow DOM): attaching another would empty it.
    this.#shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    this.#prerendered = prerendered(this.#shadow);
    this.#fallback = this.#shadow.querySelector('slot') ?? document.createElement('slot');
    this.#mount = this.#newMount();
    // Beside a pre-rendered article, the fallback is hidden (by the snippet's
    // stylesheet so far, which no longer reaches it once moved).
    this.#fallback.hidden = Boolean(this.#prerendered);
    this.#shadow.append(this.#fallback, this.#mount);
    element.addEventListener(EVENT_RENDERED, () => {
      this.#fallback.hidden = true;
      this.#takeOver();
    });
    // Whatever went wrong, a pre-rendered article on screen is better than the fallback.
    element.addEventListener(EVENT_ERROR, () => (this.#fallback.hidden = Boolean(this.#prerendered?.getClientRects().length)));
  }

  /** Starts downloading the module and the stylesheet, ahead of any widget. */
  static preload() {
    loadFiles().catch(() => {}); // a failure is reported by start()
  }

  /** The element is on the page (again). */
  connect() {
    join(this);
    if (!this.#failed) this.#ask();
  }

  /** The element left the page: its widget is torn down, its requests stop. */
  disconnect() {
    leave(this);
    this.#cancelNear();
    this.#run?.abort();
    this.#run = null;
    this.#early?.abort();
    this.#early = null;
    if (!this.#widget) return;
    this.#widget.unmount();
    this.#widget.free();
    this.#widget = null;
  }

  /** An observed attribute changed: the widget re-renders, or, left on its fallback, tries again. */
  attributesChanged() {
    if (this.#failed && this.#element.isConnected) {
      this.#failed = false;
      this.#ask();
    } else if (this.#widget) {
      this.#widget.update();
      this.#crashNotice = this.#widget.crashNotice();
    }
  }

  /** Asks to start once the reader comes near. */
  #ask() {
    this.#cancelNear();
    this.#cancelNear = whenNear(this.#element, () => {
      this.#asked = true;
      start(this);
    });
  }

  wanted() {
    return this.#asked && !this.#failed && this.#element.isConnected;
  }

  /**
   * Mounts the widget; settles when it first shows an article or an error,
   * or when the element leaves the page first.
   * @returns {Promise<void>}
   */
  start() {
    if (this.#widget || !this.#element.isConnected) return Promise.resolve();
    this.#run?.abort();
    const run = (this.#run = new AbortController());
    const settled = new Promise((resolve) => {
      const done = () => resolve(undefined);
      this.#element.addEventListener(EVENT_RENDERED, done, { once: true, signal: run.signal });
      this.#element.addEventListener(EVENT_ERROR, done, { once: true, signal: run.signal });
      run.signal.addEventListener('abort', done, { once: true });
    });
    // The files first, then the article (see `loadFiles`).
    const ready = loadFiles();
    this.#early?.abort();
    const early = (this.#early = requestEarly(this.#element));
    ready.then(
      async ([styles, bindings]) => {
        // The article's answer is in, its body still being read (the main
        // thread was busy with the module): waiting for it shows the article
        // in the first render instead of a skeleton and a second render, and
        // the module does not read the body again. (bench: instantiate -> parse)
        if (early?.answered && !early.arrived) await early.read;
        // Not when the element left or started again since.
        if (run !== this.#run || this.#widget) return;
        this.#shadow.adoptedStyleSheets = [styles];
        if (early) bindings.adopt(early.url, early.response, early.arrived?.response, early.arrived?.body);
        this.#widget = bindings.mount(this.#element, this.#mount, onPanic(), VERSION, watchViews);
        this.#crashNotice = this.#widget.crashNotice();
      },
      (error) => {
        if (run !== this.#run) return;
        // No WebAssembly (blocked by CSP, or an old browser): the fallback stays.
        console.warn(`news-article ${VERSION}:`, error);
        this.#error(CODE_UNSUPPORTED, String(error && error.message ? error.message : error));
      },
    );
    return settled;
  }

  /**
   * The module instance died: show the fallback (or the pre-rendered
   * article), with the notice the widget gave in its language while it
   * lived; never call into it again.
   * @param {boolean} culprit  it died while this widget restarted: stay on the fallback
   */
  crash(culprit) {
    this.#widget = null;
    // A start still waiting for the dead instance's bindings must not mount on them.
    this.#run?.abort();
    this.#run = null;
    if (culprit) this.#failed = true;
    const mount = this.#newMount();
    this.#mount.replaceWith(mount);
    this.#mount = mount;
    this.#error(CODE_INTERNAL, 'the widget crashed; see the console');
    // A pre-rendered article stays on screen instead of the notice.
    if (!this.#crashNotice || this.#prerendered) return;
    const notice = Object.assign(document.createElement('div'), { className: NOTICE_CLASS });
    notice.setAttribute('part', NOTICE_PART);
    notice.setAttribute('role', NOTICE_ROLE);
    notice.append(Object.assign(document.createElement('p'), { textContent: this.#crashNotice }));
    mount.after(notice);
    // The notice goes once the restarted widget shows something of its own.
    const clear = () => notice.remove();
    this.#element.addEventListener(EVENT_RENDERED, clear, { once: true });
    this.#element.addEventListener(EVENT_ERROR, clear, { once: true });
  }

  #newMount() {
    const mount = document.createElement('div');
    mount.hidden = Boolean(this.#prerendered);
    return mount;
  }

  /** The live widget rendered: it takes the pre-rendered article's place, once no video there plays. */
  #takeOver() {
    const old = this.#prerendered;
    if (!old) return;
    whenStill(old, () => {
      // Not if the live widget crashed meanwhile, or it is done already.
      if (!this.#widget || this.#prerendered !== old) return;
      this.#prerendered = null;
      swap(this.#shadow, old, this.#mount);
    });
  }

  /**
   * Tells the host page what only the loader can see, as the module tells its errors.
   * @param {string} code
   * @param {string} message
   */
  #error(code, message) {
    const detail = { [DETAIL_CODE]: code, [DETAIL_MESSAGE]: message, [DETAIL_VERSION]: VERSION };
    this.#element.dispatchEvent(new CustomEvent(EVENT_ERROR, { bubbles: true, composed: true, detail }));
  }
}
