//! The article's body, from its HTML to the format's blocks: paragraphs
//! with `em`, `strong` and links, headings, quotes, photos with their
//! captions and credits, videos. Nothing of the page's markup passes
//! through: text is copied, and every URL goes through the model's rules.

use std::collections::HashSet;
use std::sync::LazyLock;

use ego_tree::NodeId;
use regex::Regex;
use scraper::{ElementRef, Node};
use url::Url;

use super::dom::{class_and_id, is_code, is_inline, normalize, tag, text, Index};
use crate::import::pattern;
use crate::import::warning::Warning;
use news_widget::model::{Inline, LinkUrl, RichText, Span};

/// A photo before its size is known for sure.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The image file, absolute.
    pub src: Url,
    /// Its alternative text.
    pub alt: String,
    /// Its caption, without the credit.
    pub caption: RichText,
    /// Who took it.
    pub credit: Option<String>,
    /// Its size, if the markup gives it.
    pub size: Option<(u32, u32)>,
    /// The same file on this machine, beside a saved page.
    pub local: Option<std::path::PathBuf>,
}

/// A video element's parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Clip {
    /// Its sources: URL and MIME type.
    pub sources: Vec<(Url, String)>,
    /// The still shown before it plays.
    pub poster: Option<Url>,
    /// Its WebVTT tracks: URL, kind, language, label.
    pub tracks: Vec<(Url, String, String, String)>,
    /// Its size, if the markup gives it.
    pub size: Option<(u32, u32)>,
    /// Its caption.
    pub caption: RichText,
}

/// How a paragraph is set, for telling a byline from prose.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Look {
    /// Set right-aligned (a Vietnamese byline's usual place).
    pub right: bool,
    /// Set centred (a caption's, in CMSs without caption elements).
    pub center: bool,
    /// Its container's class and id words.
    pub class: String,
}

/// One piece of the body, as found.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A paragraph, and how it was set.
    Paragraph(RichText, Look),
    /// A subheading.
    Heading(String),
    /// A quotation and who said it.
    Quote(RichText, Option<String>),
    /// A photo.
    Image(Picture),
    /// A video.
    Video(Clip),
}

/// How deep a body's markup is read; what is deeper (no real article is)
/// is left out, so a hostile page cannot exhaust the stack.
const MAX_DEPTH: usize = 256;

/// Walks a body's markup into pieces.
pub struct Walker<'a> {
    base: &'a Url,
    index: &'a Index,
    pieces: Vec<Piece>,
    run: Rich,
    look: Look,
    /// Captions already taken for a photo, not to be read again as text.
    taken: HashSet<NodeId>,
    /// What could not be kept as it was.
    pub warnings: Vec<Warning>,
}

impl<'a> Walker<'a> {
    /// A walker resolving URLs against `base`, over a page indexed by `index`.
    pub fn new(base: &'a Url, index: &'a Index) -> Walker<'a> {
        Walker {
            base,
            index,
            pieces: Vec::new(),
            run: Rich::default(),
            look: Look::default(),
            taken: HashSet::new(),
            warnings: Vec::new(),
        }
    }

    /// The pieces of `root`'s content.
    pub fn walk(self, root: ElementRef) -> (Vec<Piece>, Vec<Warning>) {
        self.walk_all(&[root])
    }

    /// The pieces of `element` itself (a figure, say).
    pub fn walk_element(mut self, element: ElementRef) -> (Vec<Piece>, Vec<Warning>) {
        self.element(element);
        self.flush();
        (self.pieces, self.warnings)
    }

    /// The pieces of the content of `parts`, one after the other.
    pub fn walk_all(mut self, parts: &[ElementRef]) -> (Vec<Piece>, Vec<Warning>) {
        for part in parts {
            self.look = look_of(*part);
            self.children(*part);
            self.flush();
        }
        (self.pieces, self.warnings)
    }

    fn children(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(t) => self.run.text(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, e: ElementRef) {
        if self.index.junk(e) || self.index.depth(e) > MAX_DEPTH || self.taken.contains(&e.id()) {
            return;
        }
        let name = tag(e);
        match name {
            "br" => {
                if self.run.line_break() {
                    self.flush();
                }
            }
            _ if is_inline(name) && !self.index.get(e).has_block => {
                self.run.inline(e, self.base, self.index, 0)
            }
            // A link around blocks that is not a photo's link to its file is a
            // teaser card (a related article): one linked line, which the
            // body's ends then drop, and no photo.
            "a" if !links_to_image(e, self.base) => {
                self.flush();
                self.run.inline(e, self.base, self.index, 0);
                self.flush();
            }
            "img" | "picture" | "amp-img" => {
                self.flush();
                let caption = self.caption_after(e);
                if let Some(picture) = picture(e, self.base, caption) {
                    self.pieces.push(Piece::Image(picture));
                }
            }
            "figure" => {
                self.flush();
                self.figure(e);
            }
            "video" | "amp-video" => {
                self.flush();
                match clip(e, self.base, RichText::new()) {
                    Some((clip, guessed)) => {
                        if guessed {
                            self.warnings.push(Warning::VideoSizeGuessed);
                        }
                        self.pieces.push(Piece::Video(clip));
                    }
                    None => self.warnings.push(Warning::VideoWithoutSource),
                }
            }
            "iframe" | "embed" | "object" | "amp-youtube" | "amp-iframe" => {
                self.flush();
                self.embed(e);
            }
            // A lede set as a heading (BuzzFeed's) is a paragraph: headings are short.
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if is_sentence(&text(e)) => {
                self.flush();
                let outer = std::mem::replace(&mut self.look, look_of(e));
                self.children(e);
                self.flush();
                self.look = outer;
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let heading = text(e);
                if !heading.is_empty() {
                    self.pieces.push(Piece::Heading(heading));
                }
                // A photo inside a heading is still a photo.
                self.images_in(e);
            }
            "blockquote" | "q" => {
                self.flush();
                self.quote(e);
            }
            "ul" | "ol" => {
                self.flush();
                self.list(e, name == "ol");
            }
            "table" => {
                self.flush();
                self.table(e);
            }
            "hr" => self.flush(),
            _ => {
                // A block: what came before is a paragraph of its own, and so is its text.
                self.flush();
                let outer = std::mem::replace(&mut self.look, look_of(e));
                self.children(e);
                self.flush();
                self.look = outer;
            }
        }
    }

    /// Ends the current paragraph.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.run).finish();
        if !text.is_empty() {
            self.pieces.push(Piece::Paragraph(text, self.look.clone()));
        }
    }

    fn images_in(&mut self, e: ElementRef) {
        for img in e.descendent_elements().filter(|d| tag(*d) == "img") {
            if let Some(picture) = picture(img, self.base, None) {
                self.pieces.push(Piece::Image(picture));
            }
        }
    }

    /// The caption set after a photo outside a `<figure>`: the next element
    /// beside it (or beside the boxes it is wrapped in) that is styled as a
    /// caption; taken, so it is not read again as a paragraph.
    fn caption_after(&mut self, img: ElementRef) -> Option<(RichText, Option<String>)> {
        let mut at = img;
        for _ in 0..4 {
            let next = at
                .next_siblings()
                .filter_map(ElementRef::wrap)
                .find(|s| !matches!(tag(*s), "script" | "style" | "noscript" | "meta" | "link"));
            if let Some(next) = next {
                let words = class_and_id(next);
                let short = self.index.get(next).chars <= 600;
                if (tag(next) == "figcaption" || CAPTION.is_match(&words)) && short {
                    self.taken.insert(next.id());
                    return Some(split_credit(next, self.base, self.index));
                }
                // Something else follows: the photo has no caption of its own.
                if self.index.get(next).chars > 0 || tag(next) == "img" {
                    return None;
                }
            }
            // Climb out of the photo's own wrappers, never out of a block with text.
            match at.parent().and_then(ElementRef::wrap) {
                Some(parent)
                    if self.index.get(parent).chars <= 600
                        && !matches!(tag(parent), "body" | "article" | "main") =>
                {
                    at = parent;
                }
                _ => return None,
            }
        }
        None
    }

    /// A photo known only by its microdata: a lazy-loading figure whose
    /// `<img>` is not in the saved page (`itemid`, `itemprop=url`).
    fn microdata_picture(&self, e: ElementRef) -> Option<Picture> {
        let item = e
            .value()
            .attr("itemtype")
            .is_some_and(|t| t.contains("ImageObject"));
        let meta = |name: &str| {
            e.descendent_elements()
                .find(|d| {
                    tag(*d) == "meta"
                        && d.value()
                            .attr("itemprop")
                            .is_some_and(|p| p.split_whitespace().any(|p| p == name))
                })
                .and_then(|d| d.value().attr("content"))
        };
        let url = meta("url")
            .filter(|u| !u.trim().is_empty())
            .or_else(|| meta("contentUrl"))
            .or_else(|| item.then(|| e.value().attr("itemid")).flatten())?;
        let src = resolve(self.base, url).filter(|u| matches!(u.scheme(), "http" | "https"))?;
        let dim = |name: &str| {
            meta(name)
                .and_then(|v| v.trim().split('.').next()?.parse::<u32>().ok())
                .filter(|n| *n > 0)
        };
        Some(Picture {
            src,
            alt: String::new(),
            caption: RichText::new(),
            credit: None,
            size: dim("width").zip(dim("height")),
            local: None,
        })
    }

    fn figure(&mut self, e: ElementRef) {
        let caption_element = e
            .descendent_elements()
            .find(|d| tag(*d) == "figcaption")
            .or_else(|| {
                e.descendent_elements()
                    .find(|d| CAPTION.is_match(&class_and_id(*d)))
            });
        // A caption set after the figure instead of inside it.
        let caption = match caption_element {
            Some(c) => Some(split_credit(c, self.base, self.index)),
            None => self.caption_after(e),
        };
        // A credit set apart from the caption (`<cite>`, `.credit`) anywhere in the figure.
        let credit_apart = e
            .descendent_elements()
            .filter(|d| caption_element.is_none_or(|c| !self.index.contains(c, *d)))
            .find(|d| tag(*d) == "cite" || is_credit_element(*d))
            .map(|d| credit_name(&text(d)))
            .filter(|c| !c.is_empty());
        let caption = match (caption, credit_apart) {
            (Some((text, None)), Some(credit)) => Some((text, Some(credit))),
            (None, Some(credit)) => Some((RichText::new(), Some(credit))),
            (caption, _) => caption,
        };
        let videos: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|d| tag(*d) == "video")
            .collect();
        if let Some(video) = videos.first() {
            let text = caption.clone().map(|(c, _)| c).unwrap_or_default();
            if let Some((clip, guessed)) = clip(*video, self.base, text) {
                if guessed {
                    self.warnings.push(Warning::VideoSizeGuessed);
                }
                self.pieces.push(Piece::Video(clip));
                return;
            }
        }
        let images: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|d| matches!(tag(*d), "img" | "amp-img"))
            .filter(|d| {
                !d.ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|a| tag(a) == "figcaption")
            })
            .collect();
        if images.is_empty() {
            if let Some(mut p) = self.microdata_picture(e) {
                if let Some((text, credit)) = caption {
                    p.caption = text;
                    p.credit = credit;
                }
                self.pieces.push(Piece::Image(p));
                return;
            }
            // A figure of an embed (a tweet, a player): walk it as a block.
            let iframes: Vec<ElementRef> = e
                .descendent_elements()
                .filter(|d| tag(*d) == "iframe")
                .collect();
            for frame in iframes {
                self.embed(frame);
            }
            return;
        }
        // Responsive duplicates of one image are one photo; the caption goes with the last.
        let mut pictures: Vec<Picture> = Vec::new();
        for img in images {
            if let Some(p) = picture(img, self.base, None) {
                if !pictures.iter().any(|q| q.src == p.src) {
                    pictures.push(p);
                }
            }
        }
        let count = pictures.len();
        let described = self.microdata_picture(e).and_then(|m| m.size);
        for (i, mut p) in pictures.into_iter().enumerate() {
            if count == 1 && p.size.is_none() {
                p.size = described;
            }
            if i + 1 == count {
                if let Some((text, credit)) = caption.clone() {
                    p.caption = text;
                    p.credit = credit.or(p.credit);
                }
            }
            self.pieces.push(Piece::Image(p));
        }
    }

    fn embed(&mut self, e: ElementRef) {
        let src = ["src", "data-src", "data", "data-url"]
            .iter()
            .find_map(|a| e.value().attr(a))
            .or_else(|| e.value().attr("data-videoid").map(|_| ""))
            .unwrap_or("");
        let src = match tag(e) {
            "amp-youtube" => e
                .value()
                .attr("data-videoid")
                .map(|id| format!("https://www.youtube.com/watch?v={id}")),
            _ => Some(src.to_owned()),
        };
        let Some(url) = src.and_then(|s| resolve(self.base, &s)) else {
            return;
        };
        let Some(host) = embed_host(&url) else {
            return; // an ad or a tracker, not content
        };
        let url = watch_url(&url);
        let title = e
            .value()
            .attr("title")
            .map(normalize)
            .filter(|t| !t.is_empty());
        let label = title.unwrap_or_else(|| host.to_owned());
        let Ok(href) = LinkUrl::try_from(url.to_string()) else {
            return;
        };
        let text = vec![Inline::Span(Span::Link(news_widget::model::Link {
            href,
            text: vec![Inline::Text(format!("{host}: {label}"))],
        }))];
        self.warnings
            .push(Warning::EmbedKeptAsLink(url.to_string()));
        self.pieces.push(Piece::Paragraph(text, Look::default()));
    }

    fn quote(&mut self, e: ElementRef) {
        let words = class_and_id(e);
        // A social post embedded as a quote: its text and its link are what is left of it.
        let social =
            words.contains("twitter") || words.contains("instagram") || words.contains("tiktok");
        let attribution = e
            .descendent_elements()
            .find(|d| matches!(tag(*d), "footer" | "cite"))
            .map(text)
            .filter(|t| !t.is_empty());
        let mut inner = Walker::new(self.base, self.index);
        inner.look = look_of(e);
        inner.children(e);
        inner.flush();
        self.warnings.append(&mut inner.warnings);
        let mut text = RichText::new();
        for piece in inner.pieces {
            match piece {
                Piece::Paragraph(t, _) => {
                    if !text.is_empty() {
                        text.push(Inline::Text("\n".into()));
                    }
                    text.extend(t);
                }
                other => self.pieces.push(other),
            }
        }
        if social {
            self.warnings.push(Warning::EmbedKeptAsQuote);
        }
        if !text.is_empty() {
            self.pieces.push(Piece::Quote(text, attribution));
        }
    }

    fn list(&mut self, e: ElementRef, numbered: bool) {
        let mut n = 0;
        for item in e.child_elements().filter(|c| tag(*c) == "li") {
            if self.index.junk(item) {
                continue;
            }
            n += 1;
            let mut inner = Walker::new(self.base, self.index);
            inner.look = self.look.clone();
            inner.children(item);
            inner.flush();
            self.warnings.append(&mut inner.warnings);
            let mut first = true;
            for piece in inner.pieces {
                match piece {
                    Piece::Paragraph(mut t, look) if first => {
                        let bullet = if numbered {
                            format!("{n}. ")
                        } else {
                            "• ".to_owned()
                        };
                        t.insert(0, Inline::Text(bullet));
                        self.pieces.push(Piece::Paragraph(merge_text(t), look));
                        first = false;
                    }
                    other => self.pieces.push(other),
                }
            }
        }
    }

    /// A table: a photo with its caption in a layout table (common on
    /// Vietnamese sites), else its rows as lines of text.
    fn table(&mut self, e: ElementRef) {
        let images: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|d| tag(*d) == "img")
            .collect();
        let cells: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|d| matches!(tag(*d), "td" | "th"))
            .collect();
        if !images.is_empty() {
            // The caption is the text of the cells without the photo.
            let caption_cell = cells.iter().rev().find(|c| {
                !c.descendent_elements().any(|d| tag(d) == "img") && !text(**c).is_empty()
            });
            let caption = caption_cell.map(|c| split_credit(*c, self.base, self.index));
            let count = images.len();
            for (i, img) in images.into_iter().enumerate() {
                if let Some(mut p) = picture(img, self.base, None) {
                    if i + 1 == count {
                        if let Some((text, credit)) = caption.clone() {
                            p.caption = text;
                            p.credit = credit.or(p.credit);
                        }
                    }
                    self.pieces.push(Piece::Image(p));
                }
            }
            return;
        }
        let mut rows = 0;
        for row in e.descendent_elements().filter(|d| tag(*d) == "tr") {
            let line: Vec<String> = row
                .child_elements()
                .filter(|c| matches!(tag(*c), "td" | "th"))
                .map(text)
                .filter(|t| !t.is_empty())
                .collect();
            if !line.is_empty() {
                rows += 1;
                self.pieces.push(Piece::Paragraph(
                    vec![Inline::Text(line.join(" | "))],
                    self.look.clone(),
                ));
            }
        }
        if rows > 1 {
            self.warnings.push(Warning::TableAsText);
        }
    }
}

/// Whether a link goes to an image file (a photo's link to its large version).
fn links_to_image(a: ElementRef, base: &Url) -> bool {
    let Some(href) = a.value().attr("href").and_then(|h| resolve(base, h)) else {
        return true; // no link: only a wrapper
    };
    let path = href.path().to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"]
        .iter()
        .any(|x| path.ends_with(x))
        || a.value().attr("data-img").is_some()
        || a.value().attr("class").is_some_and(|c| {
            c.contains("lightbox") || c.contains("lightbbox") || c.contains("zoom")
        })
}

/// Text that reads as prose, not as a heading: long, or a full sentence.
fn is_sentence(text: &str) -> bool {
    let n = text.chars().count();
    let ends = text
        .trim_end_matches(['”', '"', '’', '»', ')'])
        .ends_with(['.', '!', '?', '。']);
    n > 150 || n > 60 && ends
}

fn look_of(e: ElementRef) -> Look {
    let style = e.value().attr("style").unwrap_or("").to_ascii_lowercase();
    let align = e.value().attr("align").unwrap_or("").to_ascii_lowercase();
    let class = class_and_id(e);
    let style = style.replace(' ', "");
    Look {
        right: style.contains("text-align:right") || align == "right" || class.contains("right"),
        center: style.contains("text-align:center")
            || align == "center"
            || class.contains("center"),
        class,
    }
}

/// Inline content, built as the format's rich text.
#[derive(Default)]
struct Rich {
    /// The nodes so far, outside any span.
    root: RichText,
    /// The spans open around the end, innermost last.
    open: Vec<(Style, RichText)>,
    space: bool,
    breaks: u8,
}

#[derive(Clone)]
enum Style {
    Em,
    Strong,
    Link(LinkUrl),
}

impl Rich {
    fn current(&mut self) -> &mut RichText {
        match self.open.last_mut() {
            Some((_, nodes)) => nodes,
            None => &mut self.root,
        }
    }

    fn has_text(&self) -> bool {
        !self.root.is_empty() || self.open.iter().any(|(_, nodes)| !nodes.is_empty())
    }

    fn push_str(&mut self, s: &str) {
        let nodes = self.current();
        match nodes.last_mut() {
            Some(Inline::Text(t)) => t.push_str(s),
            _ => nodes.push(Inline::Text(s.to_owned())),
        }
    }

    fn text(&mut self, raw: &str) {
        let mut word = String::new();
        for c in raw.chars() {
            if c.is_whitespace() {
                if !word.is_empty() {
                    self.word(&std::mem::take(&mut word));
                }
                self.space = true;
            } else if !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}') {
                word.push(c);
            }
        }
        if !word.is_empty() {
            self.word(&word);
        }
    }

    fn word(&mut self, word: &str) {
        let at_line_start = !self.has_text() || self.ends_with_newline();
        if self.space && !at_line_start {
            self.push_str(" ");
        }
        self.space = false;
        self.breaks = 0;
        self.push_str(word);
    }

    fn ends_with_newline(&self) -> bool {
        self.open
            .iter()
            .rev()
            .map(|(_, nodes)| nodes)
            .chain(std::iter::once(&self.root))
            .find_map(|nodes| nodes.last())
            .is_some_and(|n| matches!(n, Inline::Text(t) if t.ends_with('\n')))
    }

    /// A `<br>`; true when it is the second in a row (a paragraph break).
    fn line_break(&mut self) -> bool {
        self.breaks += 1;
        if self.breaks >= 2 {
            return true;
        }
        if self.has_text() && !self.ends_with_newline() {
            self.push_str("\n");
        }
        self.space = false;
        false
    }

    fn open(&mut self, style: Style) {
        if self.space && self.has_text() && !self.ends_with_newline() {
            self.push_str(" ");
            self.space = false;
        }
        self.open.push((style, RichText::new()));
    }

    fn close(&mut self) {
        let Some((style, nodes)) = self.open.pop() else {
            return;
        };
        let nodes = trim_newlines(nodes);
        if nodes.is_empty() {
            return;
        }
        let span = match style {
            Style::Em => Span::Em(nodes),
            Style::Strong => Span::Strong(nodes),
            Style::Link(href) => Span::Link(news_widget::model::Link { href, text: nodes }),
        };
        self.current().push(Inline::Span(span));
    }

    fn inline(&mut self, e: ElementRef, base: &Url, index: &Index, depth: usize) {
        let name = tag(e);
        if is_code(name) || index.junk(e) || depth > MAX_DEPTH {
            return;
        }
        let style = match name {
            "br" => {
                self.line_break();
                return;
            }
            "em" | "i" | "cite" | "dfn" => Some(Style::Em),
            "strong" | "b" => Some(Style::Strong),
            "a" => e
                .value()
                .attr("href")
                .filter(|h| !h.trim().starts_with('#'))
                .and_then(|h| resolve(base, h))
                .and_then(|u| LinkUrl::try_from(u.to_string()).ok())
                .map(Style::Link),
            _ => None,
        };
        let styled = style.is_some();
        if let Some(style) = style {
            self.open(style);
        }
        for child in e.children() {
            match child.value() {
                Node::Text(t) => self.text(t),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        self.inline(c, base, index, depth + 1);
                    }
                }
                _ => {}
            }
        }
        if styled {
            self.close();
        }
    }

    fn finish(mut self) -> RichText {
        while !self.open.is_empty() {
            self.close();
        }
        merge_text(trim_newlines(self.root))
    }
}

/// Rich text without line breaks at its ends.
fn trim_newlines(mut nodes: RichText) -> RichText {
    while let Some(Inline::Text(t)) = nodes.last_mut() {
        let trimmed = t.trim_end_matches(['\n', ' ']).len();
        t.truncate(trimmed);
        if t.is_empty() {
            nodes.pop();
        } else {
            break;
        }
    }
    while let Some(Inline::Text(t)) = nodes.first_mut() {
        *t = t.trim_start_matches(['\n', ' ']).to_owned();
        if t.is_empty() {
            nodes.remove(0);
        } else {
            break;
        }
    }
    nodes
}

/// Adjacent text nodes joined.
pub fn merge_text(nodes: RichText) -> RichText {
    let mut out: RichText = Vec::with_capacity(nodes.len());
    for node in nodes {
        match (out.last_mut(), node) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (_, node) => out.push(node),
        }
    }
    out
}

/// `href` resolved against `base`; `None` if it cannot be.
pub fn resolve(base: &Url, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() || href.starts_with("data:") || href.starts_with("javascript:") {
        return None;
    }
    base.join(href).ok()
}

/// The image file of an `<img>` (or `<picture>`), through lazy-loading
/// markup: `data-src` and its kin, the largest `srcset` candidate, a
/// `<source>`; not a placeholder.
fn image_url(e: ElementRef, base: &Url) -> Option<Url> {
    let value = e.value();
    let attr = |name: &str| value.attr(name).map(str::trim).filter(|v| !v.is_empty());
    let lazy = [
        "data-src",
        "data-original",
        "data-lazy-src",
        "data-lazy",
        "data-url",
        "data-full-src",
        "data-hi-res-src",
        "data-large",
    ]
    .iter()
    .find_map(|a| attr(a))
    .map(str::to_owned);
    let srcset = ["data-srcset", "srcset", "data-lazy-srcset"]
        .iter()
        .find_map(|a| attr(a))
        .and_then(largest_candidate);
    let src = attr("src")
        .filter(|s| !is_placeholder(s))
        .map(str::to_owned);
    let from_source = || {
        e.parent()
            .and_then(ElementRef::wrap)
            .filter(|p| tag(*p) == "picture")
            .into_iter()
            .chain((tag(e) == "picture").then_some(e))
            .flat_map(|p| {
                p.child_elements()
                    .filter(|c| tag(*c) == "source")
                    .collect::<Vec<_>>()
            })
            .find_map(|s| {
                ["data-srcset", "srcset"]
                    .iter()
                    .find_map(|a| s.value().attr(a))
                    .and_then(largest_candidate)
            })
    };
    let chosen = lazy.or(src).or(srcset).or_else(from_source)?;
    resolve(base, &chosen)
}

/// The image a `<noscript>` beside a lazy-loading `<img>` holds (parsed as
/// text, since the page is read as a browser with scripts would).
fn noscript_image(img: ElementRef, base: &Url) -> Option<Url> {
    let parent = img.parent().and_then(ElementRef::wrap)?;
    let noscript = parent
        .child_elements()
        .chain(
            parent
                .parent()
                .and_then(ElementRef::wrap)
                .into_iter()
                .flat_map(|g| g.child_elements().collect::<Vec<_>>()),
        )
        .find(|c| tag(*c) == "noscript")?;
    let inner: String = noscript.text().collect();
    if inner.len() > 20_000 {
        return None;
    }
    let fragment = scraper::Html::parse_fragment(&inner);
    let found = fragment
        .root_element()
        .descendent_elements()
        .find(|d| tag(*d) == "img")?;
    image_url(found, base)
}

fn is_placeholder(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    lower.starts_with("data:")
        || lower.contains("blank.gif")
        || lower.contains("placeholder")
        || lower.contains("spacer.gif")
        || lower.contains("pixel.gif")
        || lower.contains("lazy-load")
        || lower.ends_with("/grey.gif")
        || lower.contains("1x1")
}

/// The URL of the widest candidate of a `srcset`.
fn largest_candidate(srcset: &str) -> Option<String> {
    srcset
        .split(", ")
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = parts.next()?;
            let width = parts
                .next()
                .and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f64>().ok())
                .unwrap_or(1.0);
            (!is_placeholder(url)).then(|| (url.to_owned(), width))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(url, _)| url)
}

/// A photo from an `<img>`, `<amp-img>` or `<picture>`.
pub fn picture(
    e: ElementRef,
    base: &Url,
    caption: Option<(RichText, Option<String>)>,
) -> Option<Picture> {
    let img = match tag(e) {
        "picture" => e
            .descendent_elements()
            .find(|d| tag(*d) == "img")
            .unwrap_or(e),
        _ => e,
    };
    let src = image_url(img, base)
        .or_else(|| image_url(e, base))
        .or_else(|| noscript_image(img, base))?;
    if !matches!(src.scheme(), "http" | "https" | "file") {
        return None;
    }
    let value = img.value();
    // A logo, an icon or an avatar is the page's furniture, not a photo.
    let furniture = [
        src.path(),
        value.attr("class").unwrap_or(""),
        value.attr("id").unwrap_or(""),
    ]
    .iter()
    .any(|s| {
        let s = s.to_ascii_lowercase();
        [
            "logo", "icon", "avatar", "sprite", "badge", "button", "emoji",
        ]
        .iter()
        .any(|w| s.contains(w))
    });
    if furniture {
        return None;
    }
    let dim = |names: [&str; 2]| -> Option<u32> {
        names
            .iter()
            .find_map(|n| value.attr(n))
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .filter(|n| *n > 0)
    };
    let size = dim(["width", "data-width"]).zip(dim(["height", "data-height"]));
    // Tracking pixels and icons are not photos.
    if size.is_some_and(|(w, h)| w < 50 || h < 50) {
        return None;
    }
    let (caption, credit) = caption.unwrap_or_default();
    Some(Picture {
        src,
        alt: value.attr("alt").map(normalize).unwrap_or_default(),
        caption,
        credit,
        size,
        local: None,
    })
}

/// A video element's sources, poster and tracks; `true` with it if its
/// size had to be guessed.
fn clip(e: ElementRef, base: &Url, caption: RichText) -> Option<(Clip, bool)> {
    let mut sources = Vec::new();
    let mut push = |src: &str, kind: Option<&str>| {
        if let Some(url) = resolve(base, src).filter(|u| matches!(u.scheme(), "http" | "https")) {
            let kind = kind.map(str::to_owned).unwrap_or_else(|| media_type(&url));
            if !sources.iter().any(|(u, _)| *u == url) {
                sources.push((url, kind));
            }
        }
    };
    if let Some(src) = e.value().attr("src").or_else(|| e.value().attr("data-src")) {
        push(src, None);
    }
    for source in e.child_elements().filter(|c| tag(*c) == "source") {
        if let Some(src) = source
            .value()
            .attr("src")
            .or_else(|| source.value().attr("data-src"))
        {
            push(
                src,
                source
                    .value()
                    .attr("type")
                    .map(str::trim)
                    .filter(|t| !t.is_empty()),
            );
        }
    }
    if sources.is_empty() {
        return None;
    }
    let tracks = e
        .child_elements()
        .filter(|c| tag(*c) == "track")
        .filter_map(|t| {
            let v = t.value();
            let kind = v.attr("kind").unwrap_or("subtitles").to_ascii_lowercase();
            if kind != "captions" && kind != "subtitles" {
                return None;
            }
            let url = resolve(base, v.attr("src")?)?;
            let lang = v.attr("srclang").unwrap_or("und").trim().to_owned();
            let label = v
                .attr("label")
                .map(normalize)
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| lang.clone());
            Some((url, kind, lang, label))
        })
        .collect();
    let dim = |n: &str| {
        e.value()
            .attr(n)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|n| *n > 0)
    };
    let size = dim("width").zip(dim("height"));
    let poster = e.value().attr("poster").and_then(|p| resolve(base, p));
    Some((
        Clip {
            sources,
            poster,
            tracks,
            size,
            caption,
        },
        size.is_none(),
    ))
}

/// The MIME type a video file's name suggests.
fn media_type(url: &Url) -> String {
    let path = url.path().to_ascii_lowercase();
    let kind = match path.rsplit('.').next().unwrap_or("") {
        "webm" => "video/webm",
        "ogv" | "ogg" => "video/ogg",
        "m3u8" => "application/vnd.apple.mpegurl",
        "mov" => "video/quicktime",
        _ => "video/mp4",
    };
    kind.to_owned()
}

/// The video host of an embed's URL, if it is one readers would follow.
fn embed_host(url: &Url) -> Option<&'static str> {
    let host = url
        .host_str()?
        .trim_start_matches("www.")
        .trim_start_matches("m.");
    let known = [
        ("youtube.com", "YouTube"),
        ("youtube-nocookie.com", "YouTube"),
        ("youtu.be", "YouTube"),
        ("vimeo.com", "Vimeo"),
        ("player.vimeo.com", "Vimeo"),
        ("facebook.com", "Facebook"),
        ("dailymotion.com", "Dailymotion"),
        ("tiktok.com", "TikTok"),
        ("twitter.com", "X"),
        ("x.com", "X"),
        ("platform.twitter.com", "X"),
        ("instagram.com", "Instagram"),
        ("soundcloud.com", "SoundCloud"),
        ("w.soundcloud.com", "SoundCloud"),
        ("open.spotify.com", "Spotify"),
        ("flourish.studio", "Flourish"),
        ("datawrapper.dwcdn.net", "Datawrapper"),
    ];
    known
        .iter()
        .find(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
        .map(|(_, name)| *name)
}

/// A player's page instead of its embed frame (YouTube's `/embed/ID`).
fn watch_url(url: &Url) -> Url {
    let host = url.host_str().unwrap_or("");
    if host.contains("youtube") {
        if let Some(id) = url.path().strip_prefix("/embed/") {
            if let Ok(watch) = Url::parse(&format!("https://www.youtube.com/watch?v={id}")) {
                return watch;
            }
        }
    }
    url.clone()
}

/// Class and id words of a photo's caption.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?:^|[\s_-])(?:caption|captions|figcaption|caption-?text|wp-caption-text|desc|description|photo-?desc|image-?desc|img-?desc|legend|legende|cutline|photo-?text|image-?text|image-?caption|photo-?caption|media-?caption|subtitle|chu-?thich|chuthich|photocms_caption|pcaption)(?:$|[\s_-])",
    )
});

/// Words that introduce a photo credit ("Ảnh: Reuters", "Photo: AP").
static CREDIT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^(?:(?:ảnh|anh|photo|photos|foto|fotos|bild|image|images|picture|credit|credits|source|nguồn|nguồn ảnh|crédit|crédito)\s*(?:by|de|:|-|–|\s)|©)\s*",
    )
});

/// A credit at the end of a caption: "… Ảnh: Thành Tâm", "… (Reuters)",
/// "… Photo by X", "… | Foto: Reuters".
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?:^|[\s.|–—-]\(?)((?:ảnh|photo|photos|foto|fotos|bild|image|credit|nguồn ảnh|crédit|crédito)\s*(?:by\s+|de\s+|:\s*)[^()|]{2,80}?|photo by [^()|]{2,80}?|©\s*[^()|]{2,80}?)\)?\s*$",
    )
});

static PAREN_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\(((?:Reuters|AFP|AP|EPA|Getty Images|Bloomberg|Xinhua|TTXVN|VNA|AFP/Getty Images|AP Photo)|(?:photo|foto|ảnh|crédit|credit|image)s?\s+[^()]{2,80}|[^()]{3,60}\s/\s[^()]{2,60})\)\s*$",
    )
});

/// A credit with its label taken off ("Ảnh: Reuters" → "Reuters").
pub fn credit_name(credit: &str) -> String {
    // "CreditKirsten Luce": a visually hidden label glued to the name.
    static GLUED: LazyLock<Regex> =
        LazyLock::new(|| pattern(r"^(?:Credit|Photo|Foto|Ảnh)(\p{Lu})"));
    let mut credit = normalize(credit);
    for _ in 0..2 {
        let trimmed = credit
            .trim_matches(|c: char| matches!(c, '(' | ')' | '|' | '[' | ']') || c.is_whitespace());
        let unglued = GLUED.replace(trimmed, "$1");
        credit = CREDIT_LABEL.replace(&unglued, "").trim().to_owned();
    }
    credit
}

/// An element that holds a photo's credit (`.credit`, `itemprop=copyrightHolder`).
fn is_credit_element(e: ElementRef) -> bool {
    let words = class_and_id(e);
    let itemprop = e.value().attr("itemprop").unwrap_or("");
    [
        "credit",
        "copyright",
        "photographer",
        "source",
        "byline",
        "attribution",
    ]
    .iter()
    .any(|w| words.contains(w))
        || matches!(itemprop, "copyrightHolder" | "author" | "creator")
}

/// A caption element's text and its credit: from a credit element inside
/// it (`.credit`, `itemprop=copyrightHolder`), else from its last words.
pub fn split_credit(caption: ElementRef, base: &Url, index: &Index) -> (RichText, Option<String>) {
    let credit_element = caption
        .descendent_elements()
        .find(|d| is_credit_element(*d));
    let mut rich = Rich::default();
    let mut credit = None;
    if let Some(c) = credit_element {
        credit = Some(credit_name(&text(c))).filter(|c| !c.is_empty());
        for child in caption.children() {
            match child.value() {
                Node::Text(t) => rich.text(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        if e.id() != c.id() && !e.descendent_elements().any(|d| d.id() == c.id()) {
                            rich.inline(e, base, index, 0);
                        } else if e.id() != c.id() {
                            // The credit is deeper inside: keep the rest of this element's text.
                            for grand in e.children() {
                                if let Some(g) = ElementRef::wrap(grand) {
                                    if g.id() != c.id() {
                                        rich.inline(g, base, index, 0);
                                    }
                                } else if let Node::Text(t) = grand.value() {
                                    rich.text(t);
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
            if let Node::Element(_) = child.value() {
                // Captions are short: a block inside is a line of its own.
                if ElementRef::wrap(child).is_some_and(|e| !is_inline(tag(e))) {
                    rich.space = true;
                }
            }
        }
    } else {
        for child in caption.children() {
            match child.value() {
                Node::Text(t) => rich.text(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        rich.inline(e, base, index, 0);
                        if !is_inline(tag(e)) {
                            rich.space = true;
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut text = rich.finish();
    if credit.is_none() {
        let (rest, found) = trailing_credit(text);
        text = rest;
        credit = found;
    }
    (text, credit)
}

/// Takes a credit off the end of caption text, however it is styled
/// ("… Ảnh: <em>Reuters</em>").
pub fn trailing_credit(text: RichText) -> (RichText, Option<String>) {
    let whole = news_widget::model::plain(&text);
    let found = TRAILING_CREDIT
        .captures(&whole)
        .and_then(|c| c.get(1).map(|m| (m.start(), m.as_str().to_owned())))
        .or_else(|| {
            PAREN_CREDIT
                .captures(&whole)
                .and_then(|c| Some((c.get(0)?.start(), c.get(1)?.as_str().to_owned())))
        });
    let Some((start, credit)) = found else {
        return (text, None);
    };
    let name = credit_name(&credit);
    if name.is_empty() {
        return (text, None);
    }
    // The separator goes, a sentence's full stop stays.
    let keep = whole
        .get(..start)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '|' | '–' | '—' | '-'));
    let kept = if keep.is_empty() {
        RichText::new()
    } else {
        truncate(text, keep.len())
    };
    (trim_newlines(merge_text(kept)), Some(name))
}

/// The first `bytes` bytes of rich text's plain text, with their styles.
fn truncate(nodes: RichText, mut bytes: usize) -> RichText {
    let mut out = RichText::new();
    for node in nodes {
        if bytes == 0 {
            break;
        }
        let len = news_widget::model::plain(std::slice::from_ref(&node)).len();
        if len <= bytes {
            bytes -= len;
            out.push(node);
            continue;
        }
        let cut = match node {
            Inline::Text(t) => {
                Inline::Text(t.get(..floor_char(&t, bytes)).unwrap_or("").to_owned())
            }
            Inline::Span(Span::Em(inner)) => Inline::Span(Span::Em(truncate(inner, bytes))),
            Inline::Span(Span::Strong(inner)) => Inline::Span(Span::Strong(truncate(inner, bytes))),
            Inline::Span(Span::Link(link)) => Inline::Span(Span::Link(news_widget::model::Link {
                href: link.href,
                text: truncate(link.text, bytes),
            })),
        };
        out.push(cut);
        bytes = 0;
    }
    out
}

/// The largest char boundary of `s` at or before `at`.
fn floor_char(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}
