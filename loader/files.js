// Finding the widget's files: the loader keeps a stable URL; the files of
// the version it was built with are in v/<version>/ next to it, immutable
// (README, "Deploying"), so dist/ can be hosted on any path of any host.

/** The build this loader belongs to (written in by scripts/version.mjs). */
export const VERSION = '__NEWS_WIDGET_VERSION__';

/**
 * The script that is running this loader. A module script has no
 * `currentScript`: then the one named news-widget.js. Read at once, while the
 * script runs (later there is no current script).
 */
const script =
  /** @type {HTMLScriptElement | null} */ (document.currentScript) ??
  [...document.scripts].find((s) => /news-widget\.js(\?|#|$)/.test(s.src));

const base = new URL(`v/${VERSION}/`, new URL('.', script ? script.src : document.baseURI));

/**
 * The URL of one of this version's files.
 * @param {'news_widget.js' | 'news_widget_bg.wasm' | 'news-widget.css'} name
 */
export const fileUrl = (name) => new URL(name, base);
