//! The article's body, from its HTML to the format's blocks: paragraphs,
//! headings, quotes, lists, tables, photos with their captions and
//! credits, videos and embeds. Nothing of the page's markup passes
//! through: text is copied, and every URL goes through the model's rules.

use std::collections::HashSet;

use ego_tree::NodeId;
use news_widget::model::{plain, Inline, RichText};
use scraper::{ElementRef, Node};
use url::Url;

use super::dom::{class_and_id, is_inline, tag, text, Attribute, Index};
use super::images::{links_to_image, picture};
use super::rich::{merge_text, Rich};
use super::video::{self, clip};
use crate::import::draft::{Look, Piece};
use crate::import::vocabulary::{lines, markup};
use crate::import::warning::Warning;

/// How deep a body's markup is read; what is deeper (no real article is)
/// is left out, so a hostile page cannot exhaust the stack.
pub const MAX_DEPTH: usize = 256;

/// Walks a body's markup into pieces.
pub struct Walker<'a> {
    /// What relative URLs resolve against.
    pub(super) base: &'a Url,
    /// The page's statistics and its boxes that are not the article.
    pub(super) index: &'a Index,
    /// The pieces so far.
    pub(super) pieces: Vec<Piece>,
    /// The paragraph being built.
    run: Rich,
    /// How the paragraph being built is set.
    pub(super) look: Look,
    /// Captions already taken for a photo, not to be read again as text.
    pub(super) taken: HashSet<NodeId>,
    /// What could not be kept as it was.
    pub(super) warnings: Vec<Warning>,
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
            // A photo among the parts is read as a photo, not as its insides.
            if matches!(tag(*part), "figure" | "picture" | "img") {
                self.element(*part);
            } else {
                self.children(*part);
            }
            self.flush();
        }
        (self.pieces, self.warnings)
    }

    pub(super) fn children(&mut self, element: ElementRef) {
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
            // body's ends then drop, and no photo. A link around a photo
            // alone, without words, is the photo's (to its page, a gallery).
            "a" if !links_to_image(e, self.base) && self.index.get(e).chars > 0 => {
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
            _ if is_stamp(e, self.index)
                || is_switch(e, self.index)
                || is_link_box(e, self.index) =>
            {
                self.flush()
            }
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
    pub(super) fn flush(&mut self) {
        let text = std::mem::take(&mut self.run).finish();
        // A teaser's or a player's "14 hours ago", "Duration 1:30".
        if !text.is_empty() && !lines::is_time_label(&plain(&text)) {
            self.pieces.push(Piece::Paragraph(text, self.look.clone()));
        }
    }

    pub(super) fn embed(&mut self, e: ElementRef) {
        if let Some((piece, warning)) = video::embed(e, self.base) {
            self.warnings.push(warning);
            self.pieces.push(piece);
        }
    }

    fn quote(&mut self, e: ElementRef) {
        let words = class_and_id(e);
        // A social post embedded as a quote: its text and its link are what is left of it.
        let social = markup::SOCIAL_QUOTES.iter().any(|w| words.contains(w));
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
        if is_link_list(e, self.index) {
            return;
        }
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
}

/// A list of links to other pages ("Mehr zum Thema" in Funke's text, a
/// list of related stories): two items or more, each of them words in a
/// link, as Readability drops lists dense with links. A list of sources
/// with words of its own around each link stays.
fn is_link_list(list: ElementRef, index: &Index) -> bool {
    let items: Vec<_> = list
        .child_elements()
        .filter(|c| tag(*c) == "li" && index.get(*c).chars > 0)
        .collect();
    items.len() >= 2
        && items
            .iter()
            .all(|i| index.get(*i).link_density() >= LINKS_DENSITY)
}

/// The share of link text from which a list item or a box is a link to
/// another page rather than words of the article's.
const LINKS_DENSITY: f64 = 0.7;

/// A box of links to other pages ("RELATED COVERAGE" and its headlines, a
/// shopping list's picks): blocks inside, two links or more, and its words
/// mostly theirs, as Readability drops boxes dense with links. A paragraph
/// with words of its own between linked phrases (a live blog's summary)
/// is text.
fn is_link_box(e: ElementRef, index: &Index) -> bool {
    let stats = index.get(e);
    stats.has_block
        && stats.link_density() >= LINKS_DENSITY
        && stats.links >= 2
        && !stats.has_worded_paragraph
}

/// The most characters a line that only dates what stands near it has.
const STAMP_CHARS: usize = 100;

/// The most words a stamp has besides its `<time>`: a writer's name, a
/// label ("KEY EVENT", "Stand:").
const STAMP_WORDS: usize = 4;

/// A line that only dates what stands near it: a live blog entry's time
/// and writer ("20:24 Antony Clements-Thrower"), a teaser card's date, a
/// dateline. Its markup says so: a `<time>` and a few words beside it, no
/// sentence, no block inside.
fn is_stamp(e: ElementRef, index: &Index) -> bool {
    let stats = index.get(e);
    if stats.chars == 0 || stats.chars > STAMP_CHARS || stats.has_block {
        return false;
    }
    let Some(time) = e.descendent_elements().find(|d| tag(*d) == "time") else {
        return false;
    };
    let (all, stamp) = (text(e), text(time));
    if stamp.is_empty() {
        return false;
    }
    let rest = all.replacen(&stamp, " ", 1);
    rest.split_whitespace().count() <= STAMP_WORDS && !is_sentence_end(&rest)
}

/// The most characters a box around a form control has and is still no
/// more than the control's own words.
const SWITCH_CHARS: usize = 600;

/// A box of a switch or a choice a reader sets: the consent to show a
/// platform's embed ("YouTube-Inhalte erlauben"), a poll, a sign-up. Its
/// words are the control's, not the article's, however it is named.
fn is_switch(e: ElementRef, index: &Index) -> bool {
    let stats = index.get(e);
    stats.has_control && stats.chars <= SWITCH_CHARS
}

/// Whether `text` ends a sentence.
fn is_sentence_end(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['”', '"', '’', '»', ')'])
        .ends_with(['.', '!', '?', '。'])
}

/// Text that reads as prose, not as a heading: long, or a full sentence.
fn is_sentence(text: &str) -> bool {
    let n = text.chars().count();
    n > 150 || n > 60 && is_sentence_end(text)
}

fn look_of(e: ElementRef) -> Look {
    let style = e
        .value()
        .attribute("style")
        .unwrap_or("")
        .to_ascii_lowercase();
    let align = e
        .value()
        .attribute("align")
        .unwrap_or("")
        .to_ascii_lowercase();
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

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::*;
    use crate::import::draft::Piece;
    use news_widget::model::plain;

    /// The paragraphs the walker reads in `html`.
    fn paragraphs(html: &str) -> Vec<String> {
        let page = Html::parse_fragment(html);
        let index = Index::of(page.root_element(), |_| super::super::dom::Verdict::Plain);
        let base = Url::parse("https://example.com/").expect("a URL");
        let (pieces, _) = Walker::new(&base, &index).walk(page.root_element());
        pieces
            .into_iter()
            .filter_map(|p| match p {
                Piece::Paragraph(t, _) => Some(plain(&t)),
                _ => None,
            })
            .collect()
    }

    /// A snippet in, whether its text is read: lists and boxes of links
    /// to other pages are not.
    #[test]
    fn links_to_other_pages_are_not_the_article() {
        let table: &[(&str, bool)] = &[
            // Related stories, each a link.
            (
                r#"<ul><li><a href="/a">Kanalisation: Bemerkenswerte Entdeckungen</a></li><li><a href="/b">Santorini: Vulkan löschte ganze Stadt aus</a></li></ul>"#,
                false,
            ),
            // A list of the article's points.
            (
                "<ul><li>Taxes rise in May.</li><li>Rents fall in June.</li></ul>",
                true,
            ),
            // Sources, each with words of its own around the link.
            (
                r#"<ul><li>The <a href="/r">report</a> of the ministry, published in March</li><li>An interview with the mayor, <a href="/i">here</a>, on Monday</li></ul>"#,
                true,
            ),
            // Related stories, each a link after a short label.
            (
                r#"<ul><li><strong>Naturkatastrophe: </strong><a href="/a">Santorini-Vulkan löschte ganze Kultur aus – Mythos elektrisiert Archäologen</a></li><li><strong>Interview: </strong><a href="/b">Deutscher Archäologe findet spektakuläre Spur</a></li></ul>"#,
                false,
            ),
            // A single link is a line of the text, not a list of links.
            (
                r#"<ul><li><a href="/a">The full report</a></li></ul>"#,
                true,
            ),
            // Related coverage: a label and headlines, each a link.
            (
                r#"<div><div>RELATED COVERAGE</div><div><a href="/a"><h3>Howard University’s capstone moment: the council at the top</h3></a></div><div><a href="/b"><h3>Walz unharmed after vehicles near his motorcade crash</h3></a></div></div>"#,
                false,
            ),
            // A live blog's summary: a paragraph of linked phrases is text.
            (
                r#"<div><p><a href="/m">Meghan Markle</a>'s mum, <a href="/d">Doria Ragland is said to be the only person the council trusts</a> when they are away.</p></div>"#,
                true,
            ),
            // Prose with a link in it.
            (
                r#"<div><p>The council met on Monday, as <a href="/r">the report</a> says, and voted to build the bridge.</p><p>It will open in May.</p></div>"#,
                true,
            ),
        ];
        for (html, read) in table {
            let found = paragraphs(html);
            assert_eq!(!found.is_empty(), *read, "{html}: {found:?}");
        }
    }

    const SENTENCE: &str =
        "The council met on Monday and voted to build the bridge over the river.";

    /// A snippet in, whether its text is read as the article's.
    #[test]
    fn stamps_and_switches_are_not_the_article() {
        let long = SENTENCE.repeat(20);
        let table: Vec<(String, bool)> = vec![
            // A live blog entry's time and writer.
            (
                r#"<div class="entry-info"><time>20:24</time><mark>Antony Clements-Thrower</mark></div>"#.into(),
                false,
            ),
            // … and its label.
            (r#"<div><time>19:11</time><mark>KEY EVENT</mark></div>"#.into(), false),
            // A teaser card's date.
            (
                r#"<div><span><time datetime="2024-12-23 13:31:23">23. 12. 2024 13:31</time></span></div>"#.into(),
                false,
            ),
            // A sentence that names a time is the article's.
            (format!("<p><time>20:24</time> {SENTENCE}</p>"), true),
            ("<p>On <time>Monday</time> the council met.</p>".into(), true),
            // A time in a box with a block in it: the block is read.
            (
                "<div><time>20:24</time><p>Buses changed</p></div>".into(),
                true,
            ),
            // The consent to show a platform's embed.
            (
                r#"<div class="info-box"><div class="h3">Empfohlener redaktioneller Inhalt</div><p>An dieser Stelle findest du einen externen Inhalt von YouTube.</p><div class="toggle-group"><input type="checkbox" id="t"><label for="t">YouTube-Inhalte erlauben</label></div><p class="info">Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.</p></div>"#.into(),
                false,
            ),
            // A poll.
            (
                r#"<div class="poll"><p>Should the bridge be built?</p><label><input type="radio" name="v">Yes</label><label><input type="radio" name="v">No</label></div>"#.into(),
                false,
            ),
            // A form's hidden field is no control: the text around it is read.
            (
                format!(r#"<div><input type="hidden" name="id" value="1"><p>{SENTENCE}</p></div>"#),
                true,
            ),
            // A long text beside a control (a "read more" switch) is the article's.
            (
                format!(r#"<div><input type="checkbox" id="more"><label for="more">More</label><p>{long}</p></div>"#),
                true,
            ),
        ];
        for (html, read) in &table {
            let found = paragraphs(html);
            let kept = found
                .iter()
                .any(|p| p.contains("council") || p.contains("Buses"));
            assert_eq!(kept, *read, "{html}: {found:?}");
            if !read {
                assert!(found.is_empty(), "{html}: {found:?}");
            }
        }
    }

    /// Ruby annotations (a name's reading in Japanese text) flow inline:
    /// the paragraph around them stays one.
    #[test]
    fn ruby_is_inline() {
        assert_eq!(
            paragraphs("<p>韓国の<ruby><rb>尹錫悦</rb><rp>（</rp><rt>ユンソンニョル</rt><rp>）</rp></ruby>大統領は３日夜、談話を出した。</p>"),
            ["韓国の尹錫悦（ユンソンニョル）大統領は３日夜、談話を出した。"]
        );
    }
}
