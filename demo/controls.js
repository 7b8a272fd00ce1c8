// The demo page's language and theme switch: what a partner's own page does
// to change a widget, by setting its attributes.
for (const select of /** @type {NodeListOf<HTMLSelectElement>} */ (document.querySelectorAll('select[data-widget-attribute]'))) {
  select.addEventListener('change', () => {
    for (const widget of document.querySelectorAll('news-article')) {
      widget.setAttribute(select.dataset.widgetAttribute, select.value);
    }
  });
}
