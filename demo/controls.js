// The demo page's language and theme switch: what a partner's own page does
// to change a widget, by setting its attributes.
for (const select of /** @type {NodeListOf<HTMLSelectElement>} */ (document.querySelectorAll('select[data-widget-attribute]'))) {
  select.addEventListener('change', () => {
    for (const widget of document.querySelectorAll('news-article')) {
      widget.setAttribute(select.dataset.widgetAttribute, select.value);
    }
  });
}

// `?article=imported/articles/ID.json` shows another article than the seed: one
// of the site `make demo SITE=DIR` serves under /imported/ (an imported site).
const article = new URLSearchParams(location.search).get('article');
if (article && new URL(article, location.href).origin === location.origin) {
  for (const widget of document.querySelectorAll('news-article')) widget.setAttribute('src', article);
}
