//! One article page to a [`Draft`], as a pipeline of named stages: the
//! page's markup ([`meta`]), its body's box ([`content`]), the body's
//! blocks ([`walker`]), the headline ([`headline`]), the standfirst
//! ([`lead`]), the body's ends trimmed ([`trim`]), who wrote it
//! ([`authors`]), when ([`dates`]), its section and read count
//! ([`details`]). Where they disagree, the visible page and the article's
//! own markup win over site-wide defaults. Every word the stages judge by
//! is in [`crate::import::vocabulary`].

mod authors;
mod byline;
mod content;
mod credits;
mod dates;
mod details;
mod dom;
mod figures;
mod headline;
mod images;
mod lead;
mod meta;
mod rich;
mod trim;
mod video;
mod walker;

use std::sync::LazyLock;

use news_widget::model::Label;
use scraper::{ElementRef, Html, Selector};
use url::Url;

use self::content::{headline_article, looks_junk, main_content, Content};
use self::dom::{sel, tag, Index};
use self::meta::Meta;
use self::walker::Walker;
use super::address::WebUrl;
use super::date::DayOrder;
use super::draft::{Draft, Hints, Piece};
use super::vocabulary::boxes;
use super::warning::Warning;
use dom::Attribute;

/// Reads one article page. `base` is the URL relative links resolve
/// against (the page's own URL, or the saved file's); `page_url` the
/// page's address on the web, if known; `hints` what pointed to it said.
pub fn extract(html: &str, base: &Url, page_url: Option<&Url>, hints: &Hints) -> Draft {
    let html = Html::parse_document(&super::nesting::flatten(html));
    // The markup's own word: JSON-LD, <meta>, the canonical address.
    let meta = Meta::read(&html);
    let base = base_href(&html, base);
    let url = canonical(&meta, &base, page_url);
    // A saved file's relative links were relative to its address on the web.
    let base = match &url {
        Some(url) if base.scheme() == "file" => url.url().clone(),
        _ => base,
    };
    let host = url
        .as_ref()
        .and_then(|u| u.url().host_str())
        .map(str::to_owned);
    let language = meta
        .article()
        .and_then(|a| a.language.clone())
        .or_else(|| meta.language.clone());
    let order = DayOrder::of_language(language.as_deref());

    // The body's box, and the article around it.
    let root = html.root_element();
    let index = Index::of(root, looks_junk);
    let form = meta.article().map(|a| a.form).unwrap_or_default();
    let titles: Vec<String> = [
        meta.article().and_then(|a| a.headline.clone()),
        meta.first(&["og:title", "twitter:title"]),
        meta.title.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let scope = headline_article(&html, &titles, &index).unwrap_or(root);
    let content = main_content(&html, scope, &index, form);
    let parts = content
        .as_ref()
        .map(|c| c.parts.clone())
        .unwrap_or_else(|| vec![root]);
    let container = content.as_ref().and_then(Content::around).unwrap_or(root);
    let page = Page {
        html: &html,
        address: url.as_ref(),
        region: region(container),
        container,
        index,
        meta,
    };

    // The body's blocks, with the lead photo above it.
    let (mut pieces, mut warnings) = Walker::new(&base, &page.index).walk_all(&parts);
    // The lead photo goes above the body unless the body shows it too (then
    // with the lead's caption, if the body's copy has none).
    if let Some(Piece::Image(lead)) = hero(&page, &base, &parts) {
        let shown = pieces.iter_mut().find_map(|p| match p {
            Piece::Image(photo) if photo.same_photo(&lead) => Some(photo),
            _ => None,
        });
        match shown {
            Some(photo) if photo.caption.is_empty() => {
                photo.caption = lead.caption;
                photo.credit = photo.credit.take().or(lead.credit);
            }
            Some(_) => {}
            None => pieces.insert(0, Piece::Image(lead)),
        }
    }

    // The headline and the standfirst, then the body's ends without them.
    let headline = headline::headline(&page)
        .or_else(|| hints.headline.clone())
        .unwrap_or_default();
    let (lead, lead_element) = lead::lead(&page, &pieces);
    let site_names = page.site_names();
    let found = authors::authors(&page, &site_names, host.as_deref());
    let mut body = trim::Body {
        pieces,
        headline: &headline,
        lead: &lead,
        lead_element,
    };
    let trailing = body.trim(&found.names(), &site_names, host.as_deref());
    let pieces = body.pieces;
    let authors = found.or_trailing(trailing.authors);

    // When: the page's own date, else what pointed to it said, with a warning.
    let published = match dates::published(&page, order) {
        Some(date) => Some(date),
        None => hints.published.map(|(date, said)| {
            warnings.push(Warning::DateFrom(said));
            date
        }),
    };
    if published.is_some_and(|p| p.precision() == 0) {
        warnings.push(Warning::DayOnly);
    }
    Draft {
        id: page.meta.article().and_then(|a| a.identifier.clone()),
        url: url.clone(),
        language,
        category: details::category(&page),
        headline,
        lead,
        published,
        modified: dates::modified(&page, order),
        view_count: details::view_count(&page),
        body: pieces,
        authors: labels(authors),
        photo_credits: labels(trailing.credits),
        warnings,
    }
    .with_photo_credits()
}

/// Names as the model's labels (a name too long for one is no name).
fn labels(names: Vec<String>) -> Vec<Label> {
    names
        .into_iter()
        .filter_map(|n| Label::try_from(n).ok())
        .collect()
}

/// An article's body given as HTML alone (a feed item's `content:encoded`,
/// WordPress's `content.rendered`): all of it is the body.
pub fn fragment(html: &str, base: &Url) -> (Vec<Piece>, Vec<Warning>) {
    let html = Html::parse_fragment(&super::nesting::flatten(html));
    let root = html.root_element();
    let index = Index::of(root, looks_junk);
    Walker::new(base, &index).walk(root)
}

/// The text of a bit of HTML (a WordPress title), entities decoded.
pub fn plain_text(html: &str) -> String {
    dom::text(Html::parse_fragment(html).root_element())
}

/// The page being read, and what is known of it.
struct Page<'a> {
    html: &'a Html,
    meta: Meta,
    /// The article's address.
    address: Option<&'a WebUrl>,
    index: Index,
    /// The body's container.
    container: ElementRef<'a>,
    /// The article around it (see [`region`]).
    region: ElementRef<'a>,
}

impl Page<'_> {
    /// Whether `element` is inside the article's region, or before the
    /// body's end (the article's header often sits outside its body's container).
    fn near(&self, element: ElementRef) -> bool {
        self.index.contains(self.region, element)
            || self.index.position(element) <= self.index.end(self.container)
    }

    /// Whether `element` is, or is inside, a box that is not the article.
    fn junk(&self, element: ElementRef) -> bool {
        self.index.junk(element)
    }

    /// The names of the site and its publisher, which are never a byline.
    fn site_names(&self) -> Vec<String> {
        let mut names = self.meta.site_names.clone();
        if let Some(publisher) = self.meta.article().and_then(|a| a.publisher.clone()) {
            names.push(publisher);
        }
        names
    }
}

/// The page's `<base href>`, if it is an absolute URL, else `base`.
fn base_href(page: &Html, base: &Url) -> Url {
    static BASE: LazyLock<Selector> = LazyLock::new(|| sel("base[href]"));
    page.select(&BASE)
        .next()
        .and_then(|b| b.value().attribute("href"))
        .and_then(|href| WebUrl::resolve(base, href))
        .map_or_else(|| base.clone(), Url::from)
}

/// The article's canonical web address.
fn canonical(meta: &Meta, base: &Url, page_url: Option<&Url>) -> Option<WebUrl> {
    let candidates = [
        meta.canonical.clone(),
        meta.first(&["og:url", "twitter:url"]),
        meta.article().and_then(|a| a.url.clone()),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|u| WebUrl::resolve(base, &u))
        .or_else(|| page_url.cloned().and_then(WebUrl::new))
        .map(WebUrl::without_fragment)
}

/// The part of the page that is the article: the nearest `<article>` (or
/// schema.org article item) around the body, else a few levels above it.
fn region(container: ElementRef) -> ElementRef {
    let around = container.ancestors().filter_map(ElementRef::wrap).take(6);
    let mut fallback = container;
    for (level, ancestor) in around.enumerate() {
        let itemtype = ancestor.value().attribute("itemtype").unwrap_or("");
        if tag(ancestor) == "article"
            || itemtype.contains("Article")
            || itemtype.contains("BlogPosting")
        {
            return ancestor;
        }
        if matches!(tag(ancestor), "body" | "html") {
            break;
        }
        if level < 3 {
            fallback = ancestor;
        }
    }
    fallback
}

/// The photo set above the body, inside the article's region: the first
/// figure (or photo with its caption) after the headline and before the body.
fn hero<'a>(page: &Page<'a>, base: &Url, parts: &[ElementRef<'a>]) -> Option<Piece> {
    // A box in the article's region around an <h1> is the article's header,
    // whatever its class says (a "sidebar-grid__header"): junk only outside one.
    let junk = |e: ElementRef| {
        page.junk(e)
            && std::iter::once(e)
                .chain(e.ancestors().filter_map(ElementRef::wrap))
                .any(|a| {
                    page.index.junk_box(a)
                        && !(page.index.contains(page.region, a)
                            && a.descendent_elements().any(|d| tag(d) == "h1"))
                })
    };
    let first_part = parts
        .first()
        .map_or(usize::MAX, |p| page.index.position(*p));
    // The body's first paragraph that shows: its box may hold the headline too.
    let first_text = parts
        .iter()
        .flat_map(|p| p.descendent_elements())
        .find(|e| tag(*e) == "p" && !page.junk(*e))
        .map_or(first_part, |p| page.index.position(p));
    // From the last h1 before the body's text (the headline) to the body.
    let start = page
        .html
        .root_element()
        .descendent_elements()
        .filter(|e| tag(*e) == "h1" && page.index.position(*e) < first_text && !junk(*e))
        .last()
        .map_or(page.index.position(page.region), |h| page.index.position(h));
    let body = if first_part <= start {
        first_text
    } else {
        first_part
    };
    let candidates = |within: ElementRef<'a>| {
        within.descendent_elements().filter(|e| {
        let at = page.index.position(*e);
        at > start
            && at < body
            && matches!(tag(*e), "figure" | "img" | "picture")
            && !junk(*e)
            // Not one the body shows already.
            && (page.junk(*e) || !parts.iter().any(|p| page.index.contains(*p, *e)))
            // Not the writer's portrait.
            && !e.ancestors().filter_map(ElementRef::wrap).take(4).any(|a| boxes::is_portrait(&dom::class_and_id(a)))
            && !e.ancestors().filter_map(ElementRef::wrap).any(|a| tag(a) == "figure" && page.index.position(a) > start)
        })
    };
    // A figure is walked whole; a bare photo takes the caption beside it.
    // The first that is a photo (not an icon or an empty frame before it).
    let first_photo = |within: ElementRef<'a>| {
        candidates(within).take(5).find_map(|element| {
            // One in the header is read on its own, not as inside a junk box.
            let own;
            let index = if page.junk(element) {
                own = Index::of(element, looks_junk);
                &own
            } else {
                &page.index
            };
            let (pieces, _) = Walker::new(base, index).walk_element(element);
            pieces.into_iter().find(|p| matches!(p, Piece::Image(_)))
        })
    };
    // In the article's region first, else anywhere between the headline and the body.
    first_photo(page.region).or_else(|| first_photo(page.html.root_element()))
}

/// A page read as `import` reads one at `https://news.example/…`, for the
/// stages' table tests.
#[cfg(test)]
pub(crate) fn read(html: &str) -> Draft {
    let url = Url::parse("https://news.example/section/a-story.html").expect("a URL");
    extract(html, &url, Some(&url), &Hints::default())
}
