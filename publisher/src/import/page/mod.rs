//! One article page to a [`Draft`]: its metadata from the markup, its body
//! from the main content, and where they disagree, the visible page and
//! the article's own markup over site-wide defaults.

mod blocks;
mod byline;
mod content;
mod dom;
mod meta;

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Selector};
use url::Url;

pub use self::blocks::{credit_name, merge_text, Clip, Look, Picture, Piece};
pub use self::byline::squash;
use self::byline::{is_site, names, trailing_byline};
use self::content::{looks_junk, main_content, Content};
use self::dom::{class_and_id, tag, text, Index};
use self::meta::{decode, Meta};
use super::date::{DayOrder, Moment, Stated};
use super::draft::Draft;
use super::pattern;
use news_widget::model::{plain, Inline, RichText, Span};

/// What a feed or a sitemap already said about a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    /// Its headline.
    pub headline: Option<String>,
    /// When it was published.
    pub published: Option<Stated>,
}

/// Reads one article page. `base` is the URL relative links resolve
/// against (the page's own URL, or the saved file's); `page_url` the
/// page's address on the web, if known.
pub fn extract(html: &str, base: &Url, page_url: Option<&Url>, hints: &Hints) -> Draft {
    let html = Html::parse_document(&super::nesting::flatten(html));
    let meta = Meta::read(&html);
    let base = base_href(&html, base);
    let url = canonical(&meta, &base, page_url);
    // A saved file's relative links were relative to its address on the web.
    let base = match &url {
        Some(url) if base.scheme() == "file" => url.clone(),
        _ => base,
    };
    let host = url.as_ref().and_then(|u| u.host_str()).map(str::to_owned);
    let language = meta
        .article()
        .and_then(|a| a.language.clone())
        .or_else(|| meta.language.clone());
    let order = match language.as_deref().map(str::to_ascii_lowercase) {
        Some(l) if l == "en-us" => DayOrder::MonthFirst,
        _ => DayOrder::DayFirst,
    };

    let root = html.root_element();
    let index = Index::of(root, looks_junk);
    let content = main_content(&html, &index);
    let parts = content
        .as_ref()
        .map(|c| c.parts.clone())
        .unwrap_or_else(|| vec![root]);
    let container = content.as_ref().and_then(Content::around).unwrap_or(root);
    let page = Page {
        html: &html,
        region: region(container),
        container,
        index,
        meta,
    };
    let meta = &page.meta;
    let (mut pieces, mut warnings) = blocks::Walker::new(&base, &page.index).walk_all(&parts);
    // The lead photo often stands between the headline and the body's box.
    let hero = hero(&page, &base, &parts);
    if !hero.is_empty() && !pieces.iter().take(3).any(|p| matches!(p, Piece::Image(_))) {
        pieces.splice(0..0, hero);
    }

    let headline = headline(&page)
        .or_else(|| hints.headline.clone())
        .unwrap_or_default();
    let (lead, lead_element) = lead(&page, &pieces);
    let mut site_names = meta.site_names.clone();
    if let Some(publisher) = meta.article().and_then(|a| a.publisher.clone()) {
        site_names.push(publisher);
    }
    let mut body = Body {
        pieces,
        headline: &headline,
        lead: &lead,
        lead_element,
    };
    let found = authors(&page, &site_names, host.as_deref());
    let known: Vec<String> = found.iter().flat_map(|f| f.names().to_vec()).collect();
    let trailing = body.trim(&known, &site_names, host.as_deref());
    let pieces = body.pieces;
    let authors = match (found, trailing.authors) {
        (Some(Authors::Page(names)), _) => names,
        (Some(Authors::Tagged(_)) | None, Some(names)) => names,
        (Some(Authors::Tagged(names)), None) => names,
        (None, None) => Vec::new(),
    };
    let published = published(&page, order).or(hints.published);
    if published.is_some_and(|p| p.precision() == 0) {
        warnings.push(super::warning::Warning::DayOnly);
    }
    let modified = meta
        .article()
        .and_then(|a| a.modified.clone())
        .or_else(|| {
            meta.first(&[
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "lastmod",
            ])
        })
        .and_then(|m| Stated::parse(&m, order));
    let photo_credits = trailing.credits;
    Draft {
        id: meta.article().and_then(|a| a.identifier.clone()),
        url,
        language,
        category: category(&page),
        headline,
        lead,
        published,
        modified,
        view_count: view_count(&page),
        body: pieces,
        authors,
        photo_credits,
        warnings,
    }
    .with_photo_credits()
}

/// An article's body given as HTML alone (a feed item's `content:encoded`,
/// WordPress's `content.rendered`): all of it is the body.
pub fn fragment(html: &str, base: &Url) -> (Vec<Piece>, Vec<super::warning::Warning>) {
    let html = Html::parse_fragment(&super::nesting::flatten(html));
    let root = html.root_element();
    let index = Index::of(root, looks_junk);
    blocks::Walker::new(base, &index).walk(root)
}

/// The text of a bit of HTML (a WordPress title), entities decoded.
pub fn plain_text(html: &str) -> String {
    text(Html::parse_fragment(html).root_element())
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("a static, valid selector")
}

/// The page being read, and what is known of it.
struct Page<'a> {
    html: &'a Html,
    meta: Meta,
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
}

/// The page's `<base href>`, if it is an absolute URL, else `base`.
fn base_href(page: &Html, base: &Url) -> Url {
    static BASE: LazyLock<Selector> = LazyLock::new(|| sel("base[href]"));
    page.select(&BASE)
        .next()
        .and_then(|b| b.value().attr("href"))
        .and_then(|href| base.join(href.trim()).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .unwrap_or_else(|| base.clone())
}

/// The article's canonical web address.
fn canonical(meta: &Meta, base: &Url, page_url: Option<&Url>) -> Option<Url> {
    let candidates = [
        meta.canonical.clone(),
        meta.first(&["og:url", "twitter:url"]),
        meta.article().and_then(|a| a.url.clone()),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter_map(|u| base.join(&u).ok())
        .find(|u| matches!(u.scheme(), "http" | "https"))
        .or_else(|| page_url.cloned())
        .map(|mut u| {
            // The fragment names a place in the page, not the article.
            u.set_fragment(None);
            u
        })
}

/// The part of the page that is the article: the nearest `<article>` (or
/// schema.org article item) around the body, else a few levels above it.
fn region(container: ElementRef) -> ElementRef {
    let around = container.ancestors().filter_map(ElementRef::wrap).take(6);
    let mut fallback = container;
    for (level, ancestor) in around.enumerate() {
        let itemtype = ancestor.value().attr("itemtype").unwrap_or("");
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
fn hero<'a>(page: &Page<'a>, base: &Url, parts: &[ElementRef<'a>]) -> Vec<Piece> {
    let body = parts
        .first()
        .map_or(usize::MAX, |p| page.index.position(*p));
    // From the last h1 before the body (the headline) to the body.
    let start = page
        .html
        .root_element()
        .descendent_elements()
        .filter(|e| tag(*e) == "h1" && page.index.position(*e) < body && !page.junk(*e))
        .last()
        .map_or(page.index.position(page.region), |h| page.index.position(h));
    let candidate = |within: ElementRef<'a>| {
        within.descendent_elements().find(|e| {
        let at = page.index.position(*e);
        at > start
            && at < body
            && matches!(tag(*e), "figure" | "img" | "picture")
            && !page.junk(*e)
            && !parts.iter().any(|p| page.index.contains(*p, *e))
            // Not the writer's portrait.
            && !e.ancestors().filter_map(ElementRef::wrap).take(4).any(|a| {
                let words = class_and_id(a);
                ["author", "avatar", "byline", "profile"].iter().any(|w| words.contains(w))
            })
            && !e.ancestors().filter_map(ElementRef::wrap).any(|a| tag(a) == "figure" && page.index.position(a) > start)
        })
    };
    // In the article's region first, else anywhere between the headline and the body.
    let Some(element) = candidate(page.region).or_else(|| candidate(page.html.root_element()))
    else {
        return Vec::new();
    };
    // A figure is walked whole; a bare photo takes the caption beside it.
    let (pieces, _) = blocks::Walker::new(base, &page.index).walk_element(element);
    pieces
        .into_iter()
        .filter(|p| matches!(p, Piece::Image(_)))
        .take(1)
        .collect()
}

/// The visible headline: an `<h1>` (or the element styled as the title)
/// that the page's own titles agree with; else the article's JSON-LD
/// headline, else the Open Graph title without the site's name.
fn headline(page: &Page) -> Option<String> {
    let meta = &page.meta;
    static HEADINGS: LazyLock<Selector> = LazyLock::new(|| {
        sel("h1, h2, [itemprop~=headline], [class*=title], [class*=headline], [class*=tit]")
    });
    let titles: Vec<String> = [
        meta.article().and_then(|a| a.headline.clone()),
        meta.first(&["og:title"]),
        meta.first(&["twitter:title"]),
        meta.first(&["headline", "dc.title", "title"]),
        meta.title.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let keys: Vec<String> = titles.iter().map(|t| squash(t)).collect();
    let agrees = |text: &str| {
        let key = squash(text);
        key.len() >= 8
            && keys
                .iter()
                .any(|t| *t == key || (t.contains(&key) && key.len() * 3 >= t.len()))
    };
    let visible: Vec<(ElementRef, String)> = page
        .html
        .select(&HEADINGS)
        .filter(|h| {
            !matches!(
                tag(*h),
                "meta" | "title" | "a" | "body" | "html" | "head" | "link" | "script"
            )
        })
        .filter(|h| !page.junk(*h))
        .map(|h| (h, text(h)))
        .filter(|(_, t)| (4..=400).contains(&t.chars().count()))
        .collect();
    let h1 = |(h, _): &&(ElementRef, String)| tag(*h) == "h1";
    let near = |(h, _): &&(ElementRef, String)| page.near(*h);
    // An h1 that is the site's or a section's name is not the headline.
    let not_site = |(_, t): &&(ElementRef, String)| {
        t.chars().count() >= 10 && !byline::is_site(t, &meta.site_names, None)
    };
    let before_body = |(h, _): &&(ElementRef, String)| {
        page.index.position(*h) <= page.index.position(page.container)
    };
    // The markup's own word for it, even in a box the class names call a share bar.
    let marked: Vec<(ElementRef, String)> = page
        .html
        .select(&HEADINGS)
        .filter(|h| matches!(tag(*h), "h1" | "h2" | "div" | "span" | "p" | "header"))
        .filter(|h| {
            h.value()
                .attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|p| p == "headline"))
        })
        .map(|h| (h, text(h)))
        .filter(|(h, t)| (4..=400).contains(&t.chars().count()) && !dom::is_hidden(*h))
        .collect();
    marked
        .iter()
        .find(near)
        .or_else(|| {
            visible
                .iter()
                .filter(h1)
                .filter(near)
                .find(|(_, t)| agrees(t))
        })
        .or_else(|| visible.iter().filter(near).find(|(_, t)| agrees(t)))
        // The visible headline, where the titles say something else (an SEO title).
        .or_else(|| {
            visible
                .iter()
                .filter(h1)
                .filter(near)
                .filter(not_site)
                .rfind(before_body)
        })
        .or_else(|| visible.iter().find(|(_, t)| agrees(t)))
        .map(|(_, t)| t.clone())
        .or_else(|| meta.article().and_then(|a| a.headline.clone()))
        .or_else(|| visible.iter().filter(h1).find(near).map(|(_, t)| t.clone()))
        .or_else(|| {
            titles
                .first()
                .map(|t| without_site_name(t, &meta.site_names))
        })
}

/// A title without the site's name around it ("Headline - Site", "Site | Headline").
fn without_site_name(title: &str, site_names: &[String]) -> String {
    static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| pattern(r"\s+[|–—\-:·•»]\s+|_"));
    let parts: Vec<&str> = SEPARATORS.split(title).collect();
    if parts.len() < 2 {
        return title.to_owned();
    }
    let sites: Vec<String> = site_names.iter().map(|s| squash(s)).collect();
    let kept: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|p| {
            let key = squash(p);
            !sites
                .iter()
                .any(|s| !s.is_empty() && (key == *s || key.contains(s.as_str())))
        })
        .collect();
    match kept.as_slice() {
        [] => title.to_owned(),
        [one] => (*one).to_owned(),
        // Without a known site name, the longest part is the headline.
        many => many
            .iter()
            .max_by_key(|p| p.chars().count())
            .map_or(title, |p| p)
            .to_string(),
    }
}

/// The standfirst ("sapo"): an element set apart as one near the
/// headline, else the description when it is not a copy of the opening.
fn lead(page: &Page, pieces: &[Piece]) -> (RichText, Option<String>) {
    let meta = &page.meta;
    static LEAD_CLASS: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?:^|[\s_-])(?:sapo|lead|lede|standfirst|dek|deck|summary|description|desc|excerpt|chapeau|chapo|perex|subtitle|sub-?title|subhead|abstract|article-?summary|post-?excerpt|teaser-?text|anriss|anrisstext|sub-?headline|detail-sapo|singular-sapo)(?:$|[\s_-])",
        )
    });
    let first_paragraph = pieces.iter().find_map(|p| match p {
        Piece::Paragraph(t, _) => Some(plain(t)),
        _ => None,
    });
    let copies_opening = |text: &str| {
        let Some(first) = &first_paragraph else {
            return false;
        };
        let (a, b) = (squash(text), squash(first));
        let prefix = a.chars().take(60).collect::<String>();
        b.starts_with(&prefix) || a.starts_with(&b.chars().take(60).collect::<String>())
    };
    let description = meta
        .article()
        .and_then(|a| a.description.clone())
        .or_else(|| meta.first(&["og:description", "description", "twitter:description"]));
    // The element that shows the description is the standfirst.
    if let Some(d) = description.as_deref().filter(|d| d.chars().count() >= 20) {
        let wanted = squash(d.trim_end_matches(['…', '.']));
        // Inside the body, only a heading can be a standfirst: a paragraph
        // that says what the description says is the body's opening.
        let inside = |e: ElementRef| page.index.contains(page.container, e);
        let shown = page
            .region
            .descendent_elements()
            .chain(page.container.descendent_elements())
            .find(|e| {
                let name = tag(*e);
                (matches!(name, "h2" | "h3" | "header")
                    || !inside(*e) && matches!(name, "p" | "div" | "span" | "strong"))
                    && !page.junk(*e)
                    && page.near(*e)
                    && {
                        let n = page.index.get(*e).chars;
                        (20..=1500).contains(&n) && squash(&text(*e)) == wanted
                    }
            });
        if let Some(element) = shown {
            let rich = blocks_of(element, &page.index);
            if !rich.is_empty() {
                return (rich, Some(text(element)));
            }
        }
    }
    // A `<header>` opening the body holds its standfirst.
    let opening = page
        .container
        .child_elements()
        .find(|c| page.index.get(*c).chars > 0);
    if let Some(header) = opening.filter(|h| tag(*h) == "header") {
        let n = text(header).chars().count();
        let headed = header
            .descendent_elements()
            .any(|d| matches!(tag(d), "h1" | "h2"));
        if (20..=600).contains(&n) && !headed {
            let rich = blocks_of(header, &page.index);
            if !rich.is_empty() {
                return (rich, Some(text(header)));
            }
        }
    }
    for element in page
        .region
        .descendent_elements()
        .chain(page.html.root_element().descendent_elements())
        .filter(|e| {
            !matches!(
                tag(*e),
                "meta" | "html" | "body" | "head" | "title" | "script" | "style"
            )
        })
    {
        let words = class_and_id(element);
        let itemprop = element.value().attr("itemprop").unwrap_or("");
        if !(LEAD_CLASS.is_match(&words) || itemprop == "description")
            || page.junk(element)
            || !page.near(element)
        {
            continue;
        }
        // The lead stands before the body's text, or is the body's first block.
        let t = text(element);
        let n = t.chars().count();
        if !(20..=1200).contains(&n)
            || element
                .descendent_elements()
                .filter(|d| tag(*d) == "p")
                .count()
                > 3
        {
            continue;
        }
        let rich = blocks_of(element, &page.index);
        if rich.is_empty() {
            continue;
        }
        return (rich, Some(t));
    }
    match description {
        Some(d) if d.chars().count() >= 20 && !copies_opening(&d) && !truncated(&d) => {
            (vec![Inline::Text(d.clone())], Some(d))
        }
        _ => (RichText::new(), None),
    }
}

/// A description cut short with an ellipsis is a teaser, not a lead.
fn truncated(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("...") || t.ends_with('…')
}

/// An element's inline content as one run of rich text.
fn blocks_of(element: ElementRef, index: &Index) -> RichText {
    let Ok(base) = Url::parse("http://lead.invalid/") else {
        return RichText::new();
    };
    let (pieces, _) = blocks::Walker::new(&base, index).walk(element);
    let mut out = RichText::new();
    for piece in pieces {
        if let Piece::Paragraph(t, _) = piece {
            if !out.is_empty() {
                out.push(Inline::Text(" ".into()));
            }
            out.extend(t);
        }
    }
    merge_text(out)
}

/// What the end of the body said about who wrote it and took its photos.
#[derive(Default)]
struct Trailing {
    authors: Option<Vec<String>>,
    credits: Vec<String>,
}

struct Body<'a> {
    pieces: Vec<Piece>,
    headline: &'a str,
    lead: &'a RichText,
    lead_element: Option<String>,
}

impl Body<'_> {
    /// Takes off the body's ends what is not the article's text: the
    /// headline and lead repeated, datelines, bylines and kickers before
    /// it; bylines, bios, contributor lines, notes, promos, "read more"
    /// and lists of links after it. A trailing byline gives the authors,
    /// a trailing "Ảnh: …" line the photo credits; a short line set apart
    /// right under a photo is its caption.
    fn trim(&mut self, authors: &[String], site_names: &[String], host: Option<&str>) -> Trailing {
        static PHOTO_LINE: LazyLock<Regex> = LazyLock::new(|| {
            pattern(r"(?i)^(?:ảnh|photos?|bài và ảnh|ảnh và bài)\s*:\s*(.{2,60})$")
        });
        static AGENCY: LazyLock<Regex> =
            LazyLock::new(|| pattern(r"^\((?:[^()]{2,30})\)\s*[-–—]\s*"));

        let headline = squash(self.headline);
        let lead = squash(&plain(self.lead));
        let lead_element = self.lead_element.as_deref().map(squash).unwrap_or_default();
        let mut trailing = Trailing::default();
        captions_under_photos(&mut self.pieces);

        // The start: the headline, the lead, a dateline, byline or kicker
        // before the text (photos above the text stay).
        let mut at = 0;
        while at < self.pieces.len() && self.pieces.len() > 1 {
            let drop = match self.pieces.get(at) {
                Some(Piece::Image(_) | Piece::Video(_)) => {
                    at += 1;
                    continue;
                }
                Some(Piece::Heading(h)) => {
                    let key = squash(h);
                    key == headline
                        || !headline.is_empty() && headline.contains(&key)
                        || read_more(h)
                }
                Some(Piece::Paragraph(t, _)) => {
                    let line = plain(t);
                    let key = squash(&line);
                    key.is_empty()
                        || key == headline
                        || (!lead.is_empty()
                            && (key == lead || lead.starts_with(&key) && key.len() > 20))
                        || (!lead_element.is_empty() && key == lead_element)
                        || line.chars().count() < 25 && link_only(t)
                        || line.chars().count() <= 60
                            && Stated::parse(&line, DayOrder::DayFirst).is_some()
                            && !line.ends_with('.')
                        || is_kicker(&line)
                        || is_note(t, &line)
                        || read_more(&line)
                        || line.chars().count() < 120 && {
                            let lower = line.trim_start().to_lowercase();
                            lower.starts_with("by ")
                                || lower.starts_with("reviewed by")
                                || lower.starts_with("updated")
                        }
                }
                _ => false,
            };
            if !drop {
                break;
            }
            self.pieces.remove(at);
        }
        // An agency prefix opens the text: "(Dân trí) - Giá vàng…".
        let opening = self.pieces.iter_mut().find_map(|p| match p {
            Piece::Paragraph(t, _) => Some(t),
            _ => None,
        });
        if let Some(t) = opening {
            if let Some(Inline::Text(first)) = t.first_mut() {
                if let Some(m) = AGENCY.find(first) {
                    if m.start() == 0 && first.len() > m.end() + 20 {
                        *first = first.split_at(m.end()).1.to_owned();
                    }
                }
            }
        }

        // "Xem thêm", "Read more", "Related": what follows is not the article,
        // when no prose follows it (only headlines and links).
        let prose_after = |at: usize| {
            self.pieces.iter().skip(at + 1).any(|p| match p {
                Piece::Paragraph(t, _) => prose_chars(t) >= 150,
                _ => false,
            })
        };
        let marker = (1..self.pieces.len()).find(|&i| {
            let marks = match self.pieces.get(i) {
                Some(Piece::Paragraph(t, _)) => read_more(&plain(t)),
                Some(Piece::Heading(h)) => read_more(h),
                _ => false,
            };
            marks && !prose_after(i)
        });
        if let Some(at) = marker {
            self.pieces.truncate(at);
        }

        // The end, line by line (photos below the text stay).
        let names: Vec<String> = authors
            .iter()
            .map(|a| squash(a))
            .filter(|a| a.len() >= 4)
            .collect();
        let mut end = self.pieces.len();
        while end > 0 && self.pieces.len() > 1 {
            let Some(last) = self.pieces.get(end - 1) else {
                break;
            };
            if matches!(last, Piece::Image(_) | Piece::Video(_)) {
                end -= 1;
                continue;
            }
            let drop = match last {
                Piece::Paragraph(t, look) => {
                    let line = plain(t);
                    let short = line.chars().count() <= 80;
                    let key = squash(&line);
                    let signed = short
                        && trailing.authors.is_none()
                        && (look.right || is_all_strong(t) || looks_signed(&line));
                    if let Some(c) = PHOTO_LINE.captures(line.trim()).and_then(|c| c.get(1)) {
                        trailing.credits.insert(0, c.as_str().trim().to_owned());
                        true
                    } else if let Some(found) = signed.then(|| trailing_byline(&line)).flatten() {
                        let people: Vec<String> = found
                            .into_iter()
                            .filter(|n| !is_site(n, site_names, host))
                            .collect();
                        if !people.is_empty() {
                            trailing.authors = Some(people);
                        }
                        true
                    } else {
                        let n = line.chars().count();
                        key.is_empty()
                            || link_only(t)
                            || is_note(t, &line)
                            || is_tagline(&line)
                            || is_kicker(&line)
                            || is_shouting(&line)
                            // A signature under the byline ("出品︱…").
                            || trailing.authors.is_some() && is_all_strong(t) && n <= 40
                            // The writer's bio.
                            || n <= 400 && names.iter().any(|name| key.starts_with(name.as_str()))
                            || n < 40 && Stated::parse(&line, DayOrder::DayFirst).is_some()
                    }
                }
                // A heading with no text after it heads something that is not here.
                Piece::Heading(_) => true,
                _ => false,
            };
            if !drop {
                break;
            }
            self.pieces.remove(end - 1);
            end -= 1;
        }
        // "…（编译/林靖东）": a credit closing the last paragraph.
        if trailing.authors.is_none() {
            static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
                pattern(
                    r"[（(]\s*(?:编译|文|记者|作者|撰文|Theo|By)\s*[/／:：]?\s*([^()（）]{1,24})[)）]\s*$",
                )
            });
            let last = self.pieces.iter().rev().find_map(|p| match p {
                Piece::Paragraph(t, _) => Some(plain(t)),
                _ => None,
            });
            if let Some(name) = last
                .as_deref()
                .and_then(|l| CLOSING.captures(l))
                .and_then(|c| c.get(1))
            {
                let people: Vec<String> = byline::names(name.as_str())
                    .into_iter()
                    .filter(|n| !is_site(n, site_names, host))
                    .collect();
                if !people.is_empty() {
                    trailing.authors = Some(people);
                }
            }
        }
        trailing
    }
}

/// The characters of rich text outside links.
fn prose_chars(text: &RichText) -> usize {
    text.iter()
        .map(|n| match n {
            Inline::Text(t) => t.chars().count(),
            Inline::Span(Span::Em(inner) | Span::Strong(inner)) => prose_chars(inner),
            Inline::Span(Span::Link(_)) => 0,
        })
        .sum()
}

/// A line that says what follows is not the article ("Xem thêm", "Read more").
fn read_more(line: &str) -> bool {
    static READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?i)^(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|tin cùng chuyên mục|tham khảo thêm|xem tiếp|read more|more:|related|see also|also read|more from|more stories|recommended|you may also like|you might also like|click here|subscribe|sign up|follow us|share this|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leia também|veja também|lea también|tags?:|từ khóa|chủ đề:|相关|延伸阅读)",
        )
    });
    let line = line
        .trim()
        .trim_start_matches(['•', '-', '*', '►', '»', '▶', '›', ' ']);
    line.chars().count() <= 60 && READ_MORE.is_match(line)
}

/// A kicker or label over the text: a word or three, no sentence ("EXCLUSIVE", "TIN MỚI").
fn is_kicker(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 30
        && line.split_whitespace().count() <= 3
        && !line.ends_with(['.', '!', '?', '"', '”', '»'])
}

/// A note set apart from the text: all in italics (bold or not), or in
/// brackets ("[What you need to know…]", "[责任编辑：…]").
fn is_note(text: &RichText, line: &str) -> bool {
    let line = line.trim();
    let bracketed = (line.starts_with('[') && line.ends_with(']'))
        || (line.starts_with('【') && line.ends_with('】'));
    bracketed || line.chars().count() <= 400 && is_italic(text)
}

/// Rich text set in italics throughout (links and bold inside allowed).
fn is_italic(text: &RichText) -> bool {
    !text.is_empty()
        && text
            .iter()
            .any(|n| !matches!(n, Inline::Text(t) if t.trim().is_empty()))
        && text.iter().all(|n| match n {
            Inline::Span(Span::Em(_)) => true,
            Inline::Span(Span::Strong(inner)) => is_italic(inner),
            Inline::Text(t) => t.trim().is_empty(),
            _ => false,
        })
}

/// A contributor, correction, contact or copyright line.
fn is_tagline(line: &str) -> bool {
    static TAGLINE: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?i)(?:contributed (?:to )?(?:this report|reporting)|contributed\.?$|additional reporting|reported from|originally (?:appeared|published)|editor's note|correction:|all rights reserved|copyright ©|^©|on twitter|follow (?:him|her|them|us) on|责任编辑|编辑：|原标题|^(?:nguồn|source|fuente|quelle)\s*:|this (?:version|story|article) (?:has been )?correct|^clarification|^loading|đang tải|正在加载|^chargement|^cargando|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\(\d{3}\)\s*\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b)",
        )
    });
    line.chars().count() <= 400 && TAGLINE.is_match(line)
}

/// A short line all in capitals (an author's tagline on some sites).
fn is_shouting(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    line.chars().count() <= 100 && letters.len() >= 8 && letters.iter().all(|c| c.is_uppercase())
}

/// A short line set apart right under a photo without a caption is its
/// caption: centred, in italics, or "图为…" (common in CMSs that have no
/// caption element).
fn captions_under_photos(pieces: &mut Vec<Piece>) {
    let mut i = 0;
    while i + 1 < pieces.len() {
        let caption = match (pieces.get(i), pieces.get(i + 1)) {
            (Some(Piece::Image(p)), Some(Piece::Paragraph(t, look))) if p.caption.is_empty() => {
                let line = plain(t);
                let n = line.chars().count();
                let italic = is_note(t, &line);
                (n <= 300
                    && (look.center
                        || italic
                        || line.starts_with("图为")
                        || line.starts_with("Ảnh:")))
                .then(|| t.clone())
            }
            _ => None,
        };
        if let Some(text) = caption {
            let (text, credit) = blocks::trailing_credit(text);
            if let Some(Piece::Image(p)) = pieces.get_mut(i) {
                p.caption = text;
                p.credit = p.credit.take().or(credit);
            }
            pieces.remove(i + 1);
        }
        i += 1;
    }
}

/// A line that names its writer the way Vietnamese pages do ("Theo X", "PV").
fn looks_signed(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("Theo ")
        || line
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && line.chars().count() <= 40
}

/// Rich text that is only a link (or links).
fn link_only(text: &RichText) -> bool {
    let links = text
        .iter()
        .filter(|n| matches!(n, Inline::Span(Span::Link(_))))
        .count();
    links > 0
        && text.iter().all(|n| match n {
            Inline::Span(Span::Link(_)) => true,
            Inline::Text(t) => t.trim().chars().all(|c| !c.is_alphanumeric()),
            _ => false,
        })
}

/// Rich text set in bold throughout.
fn is_all_strong(text: &RichText) -> bool {
    !text.is_empty()
        && text.iter().all(|n| match n {
            Inline::Span(Span::Strong(_)) => true,
            Inline::Span(Span::Em(inner)) => is_all_strong(inner),
            Inline::Text(t) => t.trim().is_empty(),
            _ => false,
        })
}

/// Who wrote an article, and how sure that is.
enum Authors {
    /// Named by the page: a visible byline, or the article's JSON-LD.
    Page(Vec<String>),
    /// Named only in `<meta>` tags, which a byline in the text beats (they
    /// often name an editor or the site).
    Tagged(Vec<String>),
}

impl Authors {
    fn names(&self) -> &[String] {
        match self {
            Authors::Page(n) | Authors::Tagged(n) => n,
        }
    }
}

/// Who wrote it: a visible byline near the article, else the article's
/// JSON-LD authors that are people (or agencies that are not the site),
/// else the `<meta>` authors that are not the site.
fn authors(page: &Page, site_names: &[String], host: Option<&str>) -> Option<Authors> {
    let meta = &page.meta;
    static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?:^|[\s_-])(?:byline|by-line|bylines|author|authors|author-?name|writer|tacgia|tac-gia|reporter|contributor|story-?author|article-?author|post-?author|entry-?author|creditline|signature)(?:$|[\s_-])",
        )
    });
    static CANDIDATES: LazyLock<Selector> =
        LazyLock::new(|| sel("[itemprop~=author], [rel~=author], [class], [id]"));
    static DATED: LazyLock<Regex> = LazyLock::new(|| pattern(r"date|time|posted|meta|info"));
    static BY: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)\bby\s+\S"));
    let people = |found: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for name in found {
            if !is_site(&name, site_names, host) && !out.iter().any(|o| squash(o) == squash(&name))
            {
                out.push(name);
            }
        }
        out
    };

    let mut visible: Vec<Vec<String>> = Vec::new();
    for element in page.html.select(&CANDIDATES) {
        let value = element.value();
        let itemprop = value
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "author"));
        let rel = value
            .attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|r| r == "author"));
        let words = class_and_id(element);
        let not_a_name = [
            "bio", "avatar", "location", "dateline", "place", "photo", "image",
        ];
        // A dateline that names the writer too ("2/26/2015 7:11 AM PST BY TMZ STAFF").
        let dated_by = || {
            DATED.is_match(&words) && element.child_elements().count() <= 3 && {
                let t = self::text(element);
                t.chars().count() <= 150 && BY.is_match(&t)
            }
        };
        if !(itemprop || rel || BYLINE.is_match(&words) || dated_by())
            || not_a_name.iter().any(|w| words.contains(w))
        {
            continue;
        }
        // Microdata is the article's own word, even in a box the class names
        // call a share bar; a class alone is not.
        if page.junk(element) && !itemprop || !page.near(element) {
            continue;
        }
        let named: Vec<String> = element
            .descendent_elements()
            .filter(|d| d.value().attr("itemprop") == Some("name"))
            .map(|n| {
                n.value()
                    .attr("content")
                    .map(decode)
                    .unwrap_or_else(|| self::text(n))
            })
            .collect();
        let chunks = if !named.is_empty() {
            named
        } else if let Some(content) = value.attr("content").filter(|_| itemprop) {
            vec![decode(content)]
        } else {
            if self::text(element).chars().count() > 200 {
                continue;
            }
            chunks(element)
        };
        let found = people(chunks.iter().flat_map(|c| names(c)).collect());
        if !found.is_empty() {
            visible.push(found);
        }
    }
    // The byline that names the most people, first on the page.
    let best_visible = visible
        .into_iter()
        .fold(None, |best: Option<Vec<String>>, v| match best {
            Some(b) if b.len() >= v.len() => Some(b),
            _ => Some(v),
        });

    let ld = meta.article().map(|a| {
        people(
            a.authors
                .iter()
                .filter(|p| !p.organization || !is_site(&p.name, site_names, host))
                .flat_map(|p| names(&p.name))
                .collect(),
        )
    });
    let tagged: Vec<String> = [
        "author",
        "article:author",
        "article:author_name",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
        "dable:author",
        "byl",
    ]
    .iter()
    .flat_map(|k| meta.all(k))
    .filter(|a| !a.contains("://"))
    .flat_map(|a| names(&a))
    .collect();
    let tagged = people(tagged);

    match (best_visible, ld) {
        (Some(v), Some(l))
            if !l.is_empty()
                && v.iter().any(|n| !l.iter().any(|m| squash(m) == squash(n)))
                && l.len() > v.len() =>
        {
            Some(Authors::Page(l))
        }
        (Some(v), _) => Some(Authors::Page(v)),
        (None, Some(l)) if !l.is_empty() => Some(Authors::Page(l)),
        _ => (!tagged.is_empty()).then_some(Authors::Tagged(tagged)),
    }
}

/// A byline's text in the pieces its markup sets apart ("By", the name's
/// link, the job title), so a name is not run together with a title.
fn chunks(element: ElementRef) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    // A place or a date set in the byline ("São Paulo") is not a name.
    let aside = |node: ego_tree::NodeRef<scraper::Node>| {
        ElementRef::wrap(node).is_some_and(|e| {
            let words = class_and_id(e);
            ["location", "dateline", "date", "time", "place"]
                .iter()
                .any(|w| words.contains(w))
        })
    };
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in element.traverse() {
        match (&edge, skipping) {
            (ego_tree::iter::Edge::Close(node), Some(id)) if node.id() == id => {
                skipping = None;
                continue;
            }
            (_, Some(_)) => continue,
            (ego_tree::iter::Edge::Open(node), None)
                if node.id() != element.id() && aside(*node) =>
            {
                skipping = Some(node.id());
                continue;
            }
            _ => {}
        }
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                scraper::Node::Text(t) => {
                    let in_code = node
                        .parent()
                        .and_then(|p| p.value().as_element().map(|e| dom::is_code(e.name())));
                    if in_code != Some(true) {
                        current.push_str(t);
                    }
                }
                scraper::Node::Element(e)
                    if !matches!(e.name(), "b" | "strong" | "i" | "em" | "span" | "font")
                        || !current.trim().is_empty() =>
                {
                    out.push(std::mem::take(&mut current));
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if node.value().is_element() {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
    }
    out.push(current);
    let pieces: Vec<String> = out
        .into_iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
        .collect();
    // A label such as "责任编辑：" or "Reviewed by" names what follows: not the writer.
    let mut kept = Vec::new();
    let mut skip = false;
    for piece in pieces {
        if std::mem::take(&mut skip) {
            continue;
        }
        let label = piece.ends_with([':', '：']) || piece.to_lowercase().starts_with("reviewed by");
        if label && (byline::is_role(&piece) || piece.to_lowercase().starts_with("reviewed")) {
            skip = true;
            continue;
        }
        kept.push(piece);
    }
    kept
}

/// When it was first published: the article's JSON-LD, then its `<meta>`
/// tags, then `<time>` and the visible dateline; a time without an offset
/// takes one from another statement of the same time, or from the page.
fn published(page: &Page, order: DayOrder) -> Option<Stated> {
    let meta = &page.meta;
    static TIMES: LazyLock<Selector> = LazyLock::new(|| {
        sel("time, [itemprop~=datePublished], [class], [data-time], [data-timestamp]")
    });
    static DATE_CLASS: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"date|time|publish|posted|dateline|ngay|thoi-?gian|(?:^|[\s_-])(?:meta|byline|info)(?:$|[\s_-])",
        )
    });
    let mut stated: Vec<Stated> = Vec::new();
    let mut push = |text: &str| {
        if let Some(s) = Stated::parse(text, order) {
            stated.push(s);
        }
    };
    if let Some(date) = meta.article().and_then(|a| a.published.clone()) {
        push(&date);
    }
    for key in [
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "cxenseparse:recs:publishtime",
    ] {
        if let Some(value) = meta.first(&[key]) {
            push(&value);
        }
    }
    let mut visible: Vec<Stated> = Vec::new();
    for element in page.html.select(&TIMES) {
        if page.junk(element) || !page.near(element) {
            continue;
        }
        let value = element.value();
        let itemprop = value.attr("itemprop").unwrap_or("");
        if itemprop.contains("dateModified") {
            continue;
        }
        let is_time = tag(element) == "time" || itemprop.contains("datePublished");
        let words = class_and_id(element);
        if !is_time && !DATE_CLASS.is_match(&words) && value.attr("data-time").is_none() {
            continue;
        }
        // A "last updated" line is not the publication.
        let said = text(element);
        let updated =
            |w: &str| w.contains("updated") || w.contains("modified") || w.contains("lastmod");
        if updated(&words) && !words.contains("publish") && !words.contains("posted") {
            continue;
        }
        let lower = said.to_lowercase();
        if [
            "updated",
            "update:",
            "cập nhật",
            "modified",
            "aktualisiert",
            "mis à jour",
            "actualizado",
        ]
        .iter()
        .any(|u| lower.starts_with(u))
        {
            continue;
        }
        let candidates = [
            value.attr("datetime"),
            value.attr("content"),
            value.attr("title"),
            value.attr("data-time"),
            value.attr("data-timestamp"),
        ];
        for c in candidates.into_iter().flatten() {
            if let Some(s) = Stated::parse(c, order) {
                visible.push(s);
            }
        }
        if said.chars().count() <= 120 {
            if let Some(s) = Stated::parse(&said, order) {
                visible.push(s);
            }
        }
    }
    // Last, what only the address, the title or a dateline says.
    if stated.is_empty() && visible.is_empty() {
        let fallbacks = [url_day(page), page.meta.title.clone(), opening(page)];
        if let Some(found) = fallbacks
            .into_iter()
            .flatten()
            .find_map(|t| Stated::parse(&t, order))
        {
            visible.push(found);
        }
    }
    let all: Vec<Stated> = stated.iter().chain(visible.iter()).copied().collect();
    let best = stated
        .first()
        .or_else(|| visible.iter().max_by_key(|s| s.precision()))?;
    // The same minute, stated elsewhere to the second.
    let same_minute = |a: &jiff::civil::DateTime, b: &jiff::civil::DateTime| {
        a.date() == b.date() && a.hour() == b.hour() && a.minute() == b.minute()
    };
    let best = match best.wall_clock() {
        Some(clock) if clock.second() == 0 => {
            let finer = all.iter().find_map(|s| {
                s.wall_clock()
                    .filter(|w| w.second() != 0 && same_minute(w, &clock))
            });
            match (finer, *best) {
                (Some(finer), Stated::Exact(m)) => m.offset.to_timestamp(finer).ok().map(|at| {
                    Stated::Exact(Moment {
                        at,
                        offset: m.offset,
                    })
                }),
                (Some(finer), Stated::Local(_)) => Some(Stated::Local(finer)),
                _ => None,
            }
            .unwrap_or(*best)
        }
        _ => *best,
    };
    let best = &best;
    match *best {
        Stated::Exact(_) => Some(*best),
        Stated::Local(local) => {
            // The same time, stated elsewhere with its offset.
            let exact = all.iter().find(|s| match s {
                Stated::Exact(_) => s.wall_clock().is_some_and(|w| {
                    w.date() == local.date()
                        && w.hour() == local.hour()
                        && w.minute() == local.minute()
                }),
                _ => false,
            });
            Some(*exact.unwrap_or(best))
        }
        Stated::Day(day) => {
            // A time on the same day, stated elsewhere.
            Some(
                *all.iter()
                    .filter(|s| s.day() == day)
                    .max_by_key(|s| s.precision())
                    .unwrap_or(best),
            )
        }
    }
}

/// The day in the article's address (`/2015/04/21/`, `-20150421`), as `YYYY-MM-DD`.
fn url_day(page: &Page) -> Option<String> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"[/=_-]((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[^\d]|$)",
        )
    });
    let url = page
        .meta
        .canonical
        .clone()
        .or_else(|| page.meta.first(&["og:url"]))?;
    let c = DAY.captures(&url)?;
    Some(format!(
        "{}-{}-{}",
        c.get(1)?.as_str(),
        c.get(2)?.as_str(),
        c.get(3)?.as_str()
    ))
}

/// The opening words of the body's text, where a dateline would be.
fn opening(page: &Page) -> Option<String> {
    page.container
        .descendent_elements()
        .filter(|e| tag(*e) == "p")
        .map(text)
        .find(|t| t.chars().count() >= 20)
        .map(|t| t.chars().take(40).collect())
}

/// The section: the breadcrumb's first step below the home page, else the
/// article's `articleSection`.
fn category(page: &Page) -> Option<String> {
    let meta = &page.meta;
    static CRUMBS: LazyLock<Selector> = LazyLock::new(|| {
        sel("[class*=breadcrumb] a, [id*=breadcrumb] a, [itemtype*=BreadcrumbList] [itemprop=name], nav[aria-label*=readcrumb] a")
    });
    let home = |name: &str| {
        let key = squash(name);
        [
            "trangchu",
            "home",
            "trangnhat",
            "homepage",
            "accueil",
            "inicio",
            "startseite",
        ]
        .contains(&key.as_str())
            || key.is_empty()
    };
    let visible: Vec<String> = page
        .html
        .select(&CRUMBS)
        .map(text)
        .filter(|t| !t.is_empty())
        .collect();
    meta.breadcrumbs
        .iter()
        .find(|b| !home(b))
        .cloned()
        .or_else(|| {
            visible
                .into_iter()
                .find(|b| !home(b) && b.chars().count() <= 60)
        })
        .or_else(|| meta.first(&["article:section", "section", "category"]))
        .or_else(|| meta.article().and_then(|a| a.section.clone()))
        .filter(|c| c.chars().count() <= 200)
}

/// "3.824 lượt xem", "Lượt xem: 3824", or the JSON-LD read count.
fn view_count(page: &Page) -> Option<u64> {
    let meta = &page.meta;
    static VIEWS: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?i)(?:(\d[\d.,\s]{0,12})\s*lượt\s+(?:xem|đọc)|lượt\s+(?:xem|đọc)\s*:?\s*(\d[\d.,\s]{0,12}))",
        )
    });
    static CANDIDATES: LazyLock<Selector> = LazyLock::new(|| sel("span, div, p, li, small, em"));
    if let Some(n) = meta.article().and_then(|a| a.views) {
        return Some(n);
    }
    page.html
        .select(&CANDIDATES)
        .filter(|e| !page.junk(*e))
        .filter(|e| e.child_elements().count() <= 2)
        .find_map(|e| {
            let t = text(e);
            if t.chars().count() > 60 {
                return None;
            }
            let c = VIEWS.captures(&t)?;
            let digits: String = c
                .get(1)
                .or_else(|| c.get(2))?
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
}
