// The hostile-input corpus, shared by e2e/hostile.test.mjs (every vector in
// every field, in Chromium) and e2e/engines.test.mjs (a sample in every engine).

/** The corpus made from `seed`, the sample article. */
export function corpus(seed) {
  const copy = () => structuredClone(seed);
  // Well-known XSS vectors: script tags, event handlers, SVG and MathML,
  // srcdoc, javascript: links, mutation-XSS and template-injection patterns.
  const TEXT_VECTORS = [
    '<script>window.__pwned="script"</script>',
    '<img src=x onerror="window.__pwned=\'img\'">',
    '<svg onload="window.__pwned=\'svg\'"><script>window.__pwned="svg-script"</script></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=\'mxss\'">',
    '<iframe srcdoc="<script>parent.__pwned=\'srcdoc\'</script>"></iframe>',
    '"><img src=x onerror=window.__pwned="attr-break">',
    '<a href="javascript:window.__pwned=\'link\'">click</a>',
    '<noscript><p title="</noscript><img src=x onerror=window.__pwned=\'noscript\'>">',
    '<details open ontoggle="window.__pwned=\'toggle\'">',
    '{{constructor.constructor("window.__pwned=\'template\'")()}}',
  ];

  const URL_VECTORS = [
    'javascript:window.__pwned="url"',
    'JaVaScRiPt:window.__pwned="url"',
    ' javascript:window.__pwned="url"',
    'java\tscript:window.__pwned="url"',
    'java\nscript:window.__pwned="url"',
    '\u0000javascript:window.__pwned="url"',
    'data:text/html,<script>window.__pwned="url"</script>',
    'vbscript:msgbox(1)',
  ];

  /** Puts `text` in every text field of the seed. */
  function textAttack(text) {
    const a = copy();
    a.headline = a.category.name = text;
    a.lead = [text, { em: [text] }, { strong: [text] }, { link: { href: 'https://news.example/x', text: [text] } }];
    a.authors = [{ name: text, role: text }];
    a.photoCredits = [text];
    a.body[0].image.alt = text;
    a.body[0].image.caption = [text];
    a.body[0].image.credit = text;
    a.body[1].video.caption = [text];
    a.body[1].video.transcript = [text];
    a.body[1].video.tracks[0].label = text;
    a.body.push({ heading: { text } }, { quote: { text: [text], attribution: text } }, { paragraph: { text: [text] } });
    a.related[0].headline = text;
    return a;
  }

  /** Every URL field of the seed, with the JSON path the widget should name. */
  /** @type {[string, (article: any, value: string) => void][]} */
  const URL_FIELDS = [
    ['url', (a, v) => (a.url = v)],
    ['category.url', (a, v) => (a.category.url = v)],
    ['lead[0].link.href', (a, v) => (a.lead = [{ link: { href: v, text: ['x'] } }])],
    ['body[0].image.src', (a, v) => (a.body[0].image.src = v)],
    ['body[1].video.sources[0].src', (a, v) => (a.body[1].video.sources[0].src = v)],
    ['body[1].video.poster', (a, v) => (a.body[1].video.poster = v)],
    ['body[1].video.tracks[0].src', (a, v) => (a.body[1].video.tracks[0].src = v)],
    ['related[0].src', (a, v) => (a.related[0].src = v)],
    ['related[0].url', (a, v) => (a.related[0].url = v)],
    ['related[0].thumbnail.src', (a, v) => (a.related[0].thumbnail.src = v)],
  ];

  return { TEXT_VECTORS, URL_VECTORS, textAttack, URL_FIELDS };
}
