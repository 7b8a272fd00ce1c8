/**
 * news-widget loader: the one file a partner page includes.
 *
 *   <news-article src="https://news.example/articles/20122.json"></news-article>
 *   <script src="https://cdn.example/news-widget/news-widget.js" async></script>
 *
 * This module registers <news-article> (element.js); esbuild bundles it and
 * the modules it imports into one classic script, dist/news-widget.js (it
 * also works as type="module"). The modules, one job each:
 *
 *   files.js       where the widget's files are: v/<version>/ next to the loader's own URL
 *   module.js      the WebAssembly module: compiled once, a fresh instance after a panic
 *   stylesheet.js  the stylesheet, built once, adopted by every widget
 *   early.js       the article request made before the module is there
 *   near.js        lazy loading: waiting for the reader to come near
 *   takeover.js    a pre-rendered article replaced by the live widget
 *   recovery.js    after a panic: every widget restarted, one at a time
 *   embed.js       one element's widget, tying the above together
 *   element.js     the element class, its public face
 *   names.js       the names shared with the module, generated from Rust (make names)
 */
import { NewsArticle } from './element.js';

// Included twice? The first copy already did everything.
if (!window.customElements.get('news-article')) window.customElements.define('news-article', NewsArticle);
