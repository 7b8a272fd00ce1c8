/**
 * The embed-code page (index.html beside it): finds the article whose
 * address a partner pastes (its share page, its JSON, its page on the
 * publisher's site) in the site's index.json, writes the code for the kind
 * of embed chosen, previews exactly that code in a fresh page, and copies it.
 * The page's state is its query string (url, kind, lang, theme, hl), so a
 * link can open it on an article: share pages link here with ?url=.
 */

import { AMP_RESIZER, RESIZER } from './frame-host.js';

/** @typedef {'snippet' | 'share' | 'frame' | 'card' | 'oembed'} Page */
/** @typedef {{ id: string, headline: string, url?: string, src: string, pages: Record<string, Record<Page, string>> }} Entry */
/** @typedef {{ widget: string, articles: Entry[] }} Index */
/** @typedef {'script' | 'snippet' | 'iframe' | 'wordpress' | 'amp'} Kind */
/** @typedef {{ entry: Entry, kind: Kind, lang: string, theme: string }} Choice */

/** The page's words, in its two languages. */
const WORDS = {
  vi: {
    title: 'Lấy mã nhúng bài viết',
    uiLanguage: 'Ngôn ngữ giao diện',
    address: 'Địa chỉ bài viết',
    addressHint: 'Dán địa chỉ trang chia sẻ, tệp JSON hoặc trang bài viết gốc của nhà xuất bản.',
    found: 'Bài viết: {headline}',
    empty: 'Hãy dán địa chỉ một bài viết.',
    notUrl: 'Đây không phải là một địa chỉ web (http:// hoặc https://).',
    notFound: 'Không tìm thấy bài viết có địa chỉ này trong trang của nhà xuất bản.',
    noIndex: 'Không tải được danh sách bài viết ({reason}). Vui lòng thử lại sau.',
    kind: 'Kiểu nhúng',
    'kind.script': 'Thẻ script (chỉ JSON).',
    'kind.script.about': 'Cho trang nhận thẻ <script>: tiện ích tải bài viết về.',
    'kind.snippet': 'Bài dựng sẵn.',
    'kind.snippet.about': 'Bài viết có sẵn trong HTML, đọc được cả khi không có script.',
    'kind.iframe': 'Khung iframe.',
    'kind.iframe.about': 'Toàn bộ bài viết trong một khung, cho hệ quản trị chỉ nhận iframe.',
    'kind.wordpress': 'WordPress.',
    'kind.wordpress.about': 'Một địa chỉ để dán vào bài viết; WordPress hiện thẻ bài viết.',
    'kind.amp': 'AMP.',
    'kind.amp.about': 'Thẻ <amp-iframe> cho trang AMP.',
    lang: 'Ngôn ngữ của tiện ích',
    theme: 'Giao diện',
    'theme.light': 'Sáng',
    'theme.dark': 'Tối',
    'theme.auto': 'Theo hệ thống',
    themeFixed: 'WordPress hiện thẻ bài viết với giao diện do nhà xuất bản chọn.',
    code: 'Mã nhúng',
    'where.script': 'Dán vào HTML của trang, ở chỗ bài viết sẽ hiện.',
    'where.snippet': 'Dán nguyên khối vào HTML mà máy chủ gửi đi (không chèn bằng innerHTML).',
    'where.iframe': 'Dán khung vào trang. Nếu hệ quản trị bỏ thẻ <script>, khung giữ chiều cao cố định và tự cuộn.',
    'where.wordpress': 'Dán địa chỉ này thành một dòng riêng trong bài viết WordPress.',
    'where.amp': 'Dòng đầu đặt trong <head> của trang AMP, thẻ <amp-iframe> đặt ở chỗ bài viết sẽ hiện.',
    copy: 'Chép mã',
    copied: 'Đã chép',
    copyFailed: 'Không chép được. Hãy chọn mã và chép bằng tay.',
    preview: 'Xem trước',
    previewFrame: 'Xem trước bài nhúng',
  },
  en: {
    title: 'Get the embed code of an article',
    uiLanguage: 'Interface language',
    address: 'Article address',
    addressHint: "Paste the address of its share page, its JSON file or the publisher's own article page.",
    found: 'Article: {headline}',
    empty: 'Paste the address of an article.',
    notUrl: 'This is not a web address (http:// or https://).',
    notFound: "No article with this address is on the publisher's site.",
    noIndex: 'The list of articles did not load ({reason}). Please try again later.',
    kind: 'Kind of embed',
    'kind.script': 'Script tag (JSON only).',
    'kind.script.about': 'For pages that take a <script>: the widget loads the article.',
    'kind.snippet': 'Pre-rendered snippet.',
    'kind.snippet.about': 'The article is in the HTML, readable even without script.',
    'kind.iframe': 'Iframe.',
    'kind.iframe.about': 'The whole article in a frame, for a CMS that takes only iframes.',
    'kind.wordpress': 'WordPress.',
    'kind.wordpress.about': 'An address to paste into a post; WordPress shows a card.',
    'kind.amp': 'AMP.',
    'kind.amp.about': 'An <amp-iframe> for AMP pages.',
    lang: "The widget's language",
    theme: 'Theme',
    'theme.light': 'Light',
    'theme.dark': 'Dark',
    'theme.auto': 'Follow the system',
    themeFixed: "WordPress shows the card in the publisher's theme.",
    code: 'Embed code',
    'where.script': "Paste it into the page's HTML, where the article should show.",
    'where.snippet': 'Paste it as one piece into the HTML the server sends (not through innerHTML).',
    'where.iframe': 'Paste the frame into the page. If the CMS drops the <script>, the frame keeps a fixed height and scrolls.',
    'where.wordpress': 'Paste this address on a line of its own in a WordPress post.',
    'where.amp': "The first line goes into the AMP page's <head>, the <amp-iframe> where the article should show.",
    copy: 'Copy the code',
    copied: 'Copied',
    copyFailed: 'Could not copy. Please select the code and copy it by hand.',
    preview: 'Preview',
    previewFrame: 'Preview of the embed',
  },
};

/** Words inside the code, in the widget's language. */
const CODE_WORDS = { vi: { more: 'Xem thêm' }, en: { more: 'Read more' } };

/** A frame's height until it reports its own. */
const FRAME_HEIGHT = 900;

const params = new URLSearchParams(location.search);
const ui = params.get('hl') === 'en' ? 'en' : 'vi';
const words = WORDS[ui];
const indexUrl = new URL('index.json', document.baseURI);

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ (byId('choices'));
const address = /** @type {HTMLInputElement} */ (byId('address'));
const addressStatus = byId('address-status');
const langSelect = /** @type {HTMLSelectElement} */ (byId('lang'));
const themeSelect = /** @type {HTMLSelectElement} */ (byId('theme'));
const themeHint = byId('theme-hint');
const where = byId('where');
const code = /** @type {HTMLTextAreaElement} */ (byId('code'));
const copy = /** @type {HTMLButtonElement} */ (byId('copy'));
const copied = byId('copied');
const preview = /** @type {HTMLIFrameElement} */ (byId('preview'));

/** @param {string} key @param {Record<string, string>} [values] */
function say(key, values = {}) {
  const template = /** @type {Record<string, string>} */ (words)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** @param {string} text */
const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** @param {string} text */
const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `url` (relative to the index, root-relative or absolute) made absolute. */
const absolute = (/** @type {string} */ url) => new URL(url, indexUrl).href;

function translate() {
  document.documentElement.lang = ui;
  document.title = `${say('title')} · news-widget`;
  for (const element of document.querySelectorAll('[data-t]')) {
    element.textContent = say(/** @type {HTMLElement} */ (element).dataset.t ?? '');
  }
  for (const element of document.querySelectorAll('[data-t-label]')) {
    element.setAttribute('aria-label', say(/** @type {HTMLElement} */ (element).dataset.tLabel ?? ''));
  }
  for (const element of document.querySelectorAll('[data-t-title]')) {
    element.setAttribute('title', say(/** @type {HTMLElement} */ (element).dataset.tTitle ?? ''));
  }
}

/**
 * The article `text` is the address of, and the language its page is in
 * if it names one; or what is wrong with it.
 * @param {Index} index @param {string} text
 * @returns {{ entry: Entry, lang?: string } | { problem: string }}
 */
function find(index, text) {
  if (!text.trim()) return { problem: 'empty' };
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: 'notUrl' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'notUrl' };
  const key = (/** @type {string} */ u) => absolute(u).replace(/#.*$/, '');
  const wanted = key(url.href);
  for (const entry of index.articles) {
    if ((entry.url && key(entry.url) === wanted) || key(entry.src) === wanted) return { entry };
    for (const [lang, pages] of Object.entries(entry.pages)) {
      if (Object.values(pages).some((page) => key(page) === wanted)) return { entry, lang };
    }
  }
  return { problem: 'notFound' };
}

/**
 * The answer to a GET of `path` (relative to the index), or why there is none.
 * @param {string} path
 */
async function fetchOk(path) {
  const response = await fetch(absolute(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

/** The frame page of `choice` (the whole article, or the card WordPress shows), in its theme. */
function frameUrl(/** @type {Choice} */ { entry, lang, theme }, /** @type {Page} */ page = 'frame') {
  const url = new URL(absolute(entry.pages[lang][page]));
  url.searchParams.set('theme', theme);
  return url.href;
}

/**
 * The code of `choice`, and the fresh page's body that previews it.
 * @param {Choice} choice
 * @returns {Promise<{ code: string, body: string }>}
 */
async function codeOf(choice) {
  const { entry, kind, lang, theme } = choice;
  const pages = entry.pages[lang];
  const themed = theme === 'light' ? '' : ` theme="${theme}"`;
  const title = escapeAttribute(entry.headline);
  switch (kind) {
    case 'script': {
      const fallback = entry.url ? `\n  <a href="${escapeAttribute(entry.url)}">${escapeText(entry.headline)}</a>\n` : '';
      const text =
        `<news-article src="${escapeAttribute(absolute(entry.src))}" lang="${lang}"${themed}>${fallback}</news-article>\n` +
        `<script src="${escapeAttribute(absolute(index().widget))}" async></script>\n`;
      return { code: text, body: text };
    }
    case 'snippet': {
      // Every snippet starts with its element's start tag, `<news-article `.
      const text = (await (await fetchOk(pages.snippet)).text()).replace(/^<news-article /, `<news-article${themed} `);
      return { code: text, body: text };
    }
    case 'iframe': {
      const text =
        `<iframe src="${escapeAttribute(frameUrl(choice))}" title="${title}" width="100%" height="${FRAME_HEIGHT}" ` +
        `frameborder="0" allow="fullscreen" loading="lazy"></iframe>\n<script>${RESIZER}</script>\n`;
      return { code: text, body: text };
    }
    case 'wordpress': {
      // What WordPress shows: the oEmbed answer's frame of the card (in the theme it was built
      // with), sandboxed as WordPress sandboxes it, in a page that takes the height it tells.
      const answer = /** @type {{ html?: unknown }} */ (await (await fetchOk(pages.oembed)).json());
      const frame = new DOMParser().parseFromString(String(answer.html ?? ''), 'text/html').querySelector('iframe');
      if (!frame) throw new Error(`${pages.oembed}: no iframe in its html`);
      frame.setAttribute('sandbox', 'allow-scripts');
      return { code: `${absolute(pages.share)}\n`, body: `${frame.outerHTML}\n<script>${RESIZER}</script>` };
    }
    case 'amp': {
      const frame = escapeAttribute(frameUrl(choice));
      const sandbox = 'allow-scripts allow-same-origin allow-popups allow-top-navigation-by-user-activation';
      const text =
        '<script async custom-element="amp-iframe" src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js"></script>\n' +
        `<amp-iframe src="${frame}" title="${title}" layout="fixed-height" height="${FRAME_HEIGHT}" ` +
        `sandbox="${sandbox}" allowfullscreen resizable frameborder="0">\n` +
        `  <button overflow type="button">${CODE_WORDS[/** @type {'vi' | 'en'} */ (lang)].more}</button>\n</amp-iframe>\n`;
      // The preview is no AMP page: the same frame, resized as <amp-iframe resizable> does.
      const body = `<iframe src="${frame}" title="${title}" width="100%" height="${FRAME_HEIGHT}" sandbox="${sandbox}" allowfullscreen frameborder="0"></iframe>\n<script>${AMP_RESIZER}</script>`;
      return { code: text, body };
    }
  }
}

/** A fresh page holding `body`, in the widget's language. */
const hostPage = (/** @type {string} */ body, /** @type {string} */ lang) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeText(say('previewFrame'))}</title></head><body>\n${body}\n</body></html>`;

/** @type {Index | null} */
let loaded = null;
const index = () => /** @type {Index} */ (loaded);
/** Counts the changes, so a late answer for an older choice is dropped. */
let change = 0;
/** What the preview shows now (kind, article, language, theme), so it is not reloaded for nothing. */
let shown = '';

/** The form's choices now. */
function choices() {
  const data = new FormData(form);
  return {
    url: String(data.get('url') ?? ''),
    kind: /** @type {Kind} */ (String(data.get('kind') ?? 'script')),
    lang: String(data.get('lang') ?? 'vi'),
    theme: String(data.get('theme') ?? 'light'),
  };
}

/** Keeps the choices in the page's own URL, and in the language links. */
function remember(/** @type {Record<string, string>} */ state) {
  const query = new URLSearchParams({ ...state, hl: ui });
  history.replaceState(null, '', `?${query}`);
  for (const link of document.querySelectorAll('.code-languages a')) {
    query.set('hl', link.getAttribute('lang') ?? 'vi');
    link.setAttribute('href', `?${query}`);
  }
}

/**
 * Shows the code and the preview of the form's choices. The code box is
 * `aria-busy` until the latest change's code (or why there is none) is in.
 */
async function update() {
  const mine = ++change;
  code.setAttribute('aria-busy', 'true');
  try {
    await show(mine);
  } finally {
    if (mine === change) code.removeAttribute('aria-busy');
  }
}

/** The body of `update`, for change number `mine`. */
async function show(/** @type {number} */ mine) {
  const state = choices();
  remember(state);
  copied.textContent = '';
  const wordpress = state.kind === 'wordpress';
  themeSelect.disabled = wordpress;
  themeHint.textContent = wordpress ? say('themeFixed') : '';
  where.textContent = say(`where.${state.kind}`);
  const found = find(index(), state.url);
  if ('problem' in found) {
    addressStatus.textContent = say(found.problem);
    code.value = '';
    copy.disabled = true;
    preview.srcdoc = shown = '';
    return;
  }
  addressStatus.textContent = say('found', { headline: found.entry.headline });
  const choice = { entry: found.entry, kind: state.kind, lang: state.lang, theme: state.theme };
  let result;
  try {
    result = await codeOf(choice);
  } catch (error) {
    if (mine !== change) return;
    addressStatus.textContent = say('noIndex', { reason: String(error instanceof Error ? error.message : error) });
    return;
  }
  if (mine !== change) return; // the partner changed something meanwhile
  code.value = result.code;
  copy.disabled = false;
  const page = hostPage(result.body, state.lang);
  if (page !== shown) preview.srcdoc = shown = page;
}

// The preview takes its content's height (its page is on this origin).
preview.addEventListener('load', () => {
  const root = preview.contentDocument?.documentElement;
  if (!root) return;
  new ResizeObserver(() => (preview.height = String(Math.ceil(root.getBoundingClientRect().height)))).observe(root);
});

copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(code.value);
    copied.textContent = say('copied');
  } catch {
    code.select();
    copied.textContent = say('copyFailed');
  }
});

translate();
try {
  loaded = /** @type {Index} */ (await (await fetchOk(indexUrl.href)).json());
} catch (error) {
  addressStatus.textContent = say('noIndex', { reason: String(error instanceof Error ? error.message : error) });
}
if (loaded) {
  const known = byId('known-articles');
  for (const entry of loaded.articles) {
    const option = document.createElement('option');
    option.value = absolute(entry.pages[ui]?.share ?? entry.src);
    option.label = entry.headline;
    known.append(option);
  }
  const first = loaded.articles[0];
  address.value = params.get('url') ?? (first ? absolute(first.pages.vi.share) : '');
  const found = find(loaded, address.value);
  const lang = params.get('lang') ?? ('lang' in found ? found.lang : undefined) ?? 'vi';
  langSelect.value = lang === 'en' ? 'en' : 'vi';
  themeSelect.value = ['dark', 'auto'].includes(params.get('theme') ?? '') ? String(params.get('theme')) : 'light';
  for (const radio of form.querySelectorAll('input[name="kind"]')) {
    if (radio instanceof HTMLInputElement && radio.value === params.get('kind')) radio.checked = true;
  }
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  await update();
}
