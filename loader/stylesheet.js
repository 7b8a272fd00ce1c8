// The widget's stylesheet: fetched once, made into one constructed
// stylesheet that every widget's shadow root adopts (no global CSS).
import { fileUrl } from './files.js';

/** @type {Promise<CSSStyleSheet> | undefined} */
let sheet;

/** The stylesheet, fetched and built on first use. */
export const load = () =>
  (sheet ??= fetch(fileUrl('news-widget.css')).then(async (response) => {
    if (!response.ok) throw new Error(`news-widget.css: HTTP ${response.status}`);
    const styles = new CSSStyleSheet();
    styles.replaceSync(await response.text());
    return styles;
  }));
