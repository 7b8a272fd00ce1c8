//! Reading the parsed page: normalized text, attributes that say an
//! element is hidden or what it is for, and per-element text statistics
//! computed once for the whole tree.

use rustc_hash::FxHashMap;

use ego_tree::NodeId;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

/// A selector written in the source.
pub fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("a static, valid selector")
}

/// Every run of whitespace (NBSP included) as one space, trimmed; without
/// zero-width characters.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}') {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The element's text, normalized; without scripts and styles.
pub fn text(element: ElementRef) -> String {
    use ego_tree::iter::Edge;
    let mut raw = String::new();
    // How many scripts, styles and the like the walk is inside: one pass,
    // not a walk up the ancestors for every text node.
    let mut in_code = 0usize;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) if in_code == 0 => raw.push_str(text),
                Node::Element(e) if is_code_element(e.name()) => in_code += 1,
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if is_code_element(e.name()) {
                        in_code -= 1;
                    }
                }
            }
        }
    }
    normalize(&raw)
}

/// Elements whose text is not the page's words.
fn is_code_element(name: &str) -> bool {
    matches!(name, "script" | "style" | "noscript" | "template")
}

/// An attribute's value by name, read the way [`Element::attr`] reads it
/// (an attribute in no namespace) but by a scan of the element's few
/// attributes: `Element::attr` interns the name it is asked for (a hash and,
/// for a name HTML does not define, a lock), which was 4% of an import.
pub trait Attribute {
    /// The value of the attribute `name`, if the element has one.
    fn attribute(&self, name: &str) -> Option<&str>;

    /// Whether the attribute `name` lists `word` among its words (CSS's
    /// `[name~=word]`: `itemprop="author name"`, `rel="author"`).
    fn has_word(&self, name: &str, word: &str) -> bool {
        self.attribute(name)
            .is_some_and(|v| v.split_whitespace().any(|w| w == word))
    }
}

impl Attribute for Element {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(q, _)| q.ns.is_empty() && &*q.local == name)
            .map(|(_, value)| &**value)
    }
}

/// The element's `class` and `id` (and the `data-component` and
/// `data-testid` that script-built pages name their boxes with),
/// lowercased, for the class-name heuristics.
pub fn class_and_id(element: ElementRef) -> String {
    // Lowercased once, in place (a copy per attribute, and `Element::attr`
    // interning each name, were 7% of an import).
    let value = element.value();
    let mut out = String::new();
    for name in ["class", "id", "data-component", "data-testid"] {
        if let Some(part) = value.attribute(name) {
            out.push_str(part);
            out.push(' ');
        }
    }
    out.make_ascii_lowercase();
    out
}

/// Whether `element` is a link to a writer's page (`/autoren/max-kolter`).
pub fn links_to_writer(element: ElementRef) -> bool {
    tag(element) == "a"
        && element
            .value()
            .attribute("href")
            .is_some_and(crate::import::vocabulary::markup::is_author_link)
}

/// Whether the element is hidden from readers by its own markup.
pub fn is_hidden(element: ElementRef) -> bool {
    let value = element.value();
    // `aria-hidden` text is on screen (a caption whose spoken copy is the
    // photo's alt); only a decorative mark under it (a dash, an arrow) is not read.
    let decorative = || {
        value.attribute("aria-hidden") == Some("true")
            && !element.text().any(|t| t.chars().any(char::is_alphanumeric))
    };
    if value.attribute("hidden").is_some() || decorative() {
        return true;
    }
    value
        .attribute("style")
        .is_some_and(crate::import::vocabulary::markup::is_hidden_style)
}

/// Every element of the page that `keep` takes, in document order. The
/// scans over a whole page take a predicate, not a CSS selector: scraper
/// builds a matching context for each element and each selector, which was
/// a tenth of an import.
pub fn elements<'a>(
    page: &'a Html,
    keep: impl Fn(ElementRef<'a>) -> bool,
) -> impl Iterator<Item = ElementRef<'a>> {
    page.root_element()
        .descendent_elements()
        .filter(move |e| keep(*e))
}

/// The `name` of an element node.
pub fn tag(element: ElementRef<'_>) -> &str {
    element.value().name()
}

/// Elements that hold no reader-visible text of the article.
pub fn is_code(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "canvas" | "head"
    )
}

/// A form control a reader sets: a switch, a choice, a field (not a
/// hidden input, which carries a form's data).
fn is_control(element: &Element) -> bool {
    match element.name() {
        "select" | "textarea" => true,
        "input" => !element
            .attribute("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("hidden")),
        _ => false,
    }
}

/// Phrasing (inline) elements: text and these flow into one paragraph.
pub fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "br"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "nobr"
            | "q"
            | "rb"
            | "rp"
            | "rt"
            | "rtc"
            | "ruby"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
    )
}

/// Text statistics of one element, over its whole subtree.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Characters of text (whitespace not counted).
    pub chars: usize,
    /// Of those, inside links.
    pub link_chars: usize,
    /// Commas (and their CJK and Vietnamese kin), a sign of prose.
    pub commas: usize,
    /// Whether a block element (not phrasing content) is inside.
    pub has_block: bool,
    /// Whether a form control a reader sets (a switch, a choice, a field)
    /// is inside.
    pub has_control: bool,
    /// Links with text inside.
    pub links: usize,
    /// Whether a paragraph with words of its own beside its links (at
    /// least [`OWN_WORDS_CHARS`] characters outside them) is inside.
    pub has_worded_paragraph: bool,
}

/// Characters outside links that make a paragraph among links a sentence
/// of its own ("'s mum, … when they are away").
const OWN_WORDS_CHARS: usize = 20;

impl Stats {
    /// The share of the text that is link text.
    pub fn link_density(&self) -> f64 {
        match self.chars {
            0 => 0.0,
            n => self.link_chars as f64 / n as f64,
        }
    }
}

/// What is known of one node of the page, computed once for the whole tree.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    stats: Stats,
    /// Its place in document order.
    position: usize,
    /// The place of its last descendant.
    end: usize,
    /// How deep it is.
    depth: usize,
    /// Characters of prose in it: paragraphs of 50 and more characters that
    /// are not mostly links.
    prose: usize,
    /// Characters of text directly in it (not in child elements).
    direct: usize,
    /// Whether it is a box that is not the article.
    junk: bool,
    /// Whether a box the markup names as the article's body, with prose,
    /// is in it.
    holds_body: bool,
    /// Whether such a box is around it.
    in_junk: bool,
}

/// What an element's own markup says it is, before the prose in it is
/// counted (see [`Index::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing in particular.
    Plain,
    /// The article's body, by name (`article-body`).
    Body,
    /// A box that is not the article, unless it holds most of the page's
    /// prose or the named body (a site's main column called "sidebar-1").
    Junk,
    /// A box that is never the article however much prose it holds: a
    /// consent or cookie dialog, whose privacy text outweighs a short story.
    Dialog,
}

/// [`Stats`], places, depths and the boxes that are not the article, for
/// every node of a page, in three passes, so that no question about the
/// tree costs more than a lookup (a page nested thousands deep must not
/// make the importer quadratic).
pub struct Index(FxHashMap<NodeId, Entry>);

impl Index {
    /// Indexes every node below `root`. `judge` says which elements look
    /// like boxes that are not the article (by their class, say); one that
    /// holds most of the page's prose, or the box the markup names as the
    /// body, is the article all the same (a site that names its main
    /// column "sidebar-1", a layout "sidebar-grid" around "article__content").
    pub fn of(root: ElementRef, judge: impl Fn(ElementRef) -> Verdict) -> Index {
        let nodes: Vec<_> = root.descendants().collect();
        // Fx, not SipHash: keys are node indexes of our own tree, and the index
        // is hashed for every node of every page (SipHash took 5% of an import).
        let mut entries: FxHashMap<NodeId, Entry> =
            FxHashMap::with_capacity_and_hasher(nodes.len(), Default::default());
        for (position, node) in nodes.iter().enumerate() {
            let depth = node
                .parent()
                .and_then(|p| entries.get(&p.id()))
                .map_or(0, |p| p.depth + 1);
            let entry = Entry {
                position,
                end: position,
                depth,
                ..Entry::default()
            };
            entries.insert(node.id(), entry);
        }
        // What each element's markup says, asked once.
        let verdicts: FxHashMap<NodeId, Verdict> = nodes
            .iter()
            .filter_map(|n| ElementRef::wrap(*n).map(|e| (n.id(), judge(e))))
            .filter(|(_, v)| *v != Verdict::Plain)
            .collect();
        // Children come after their parents in document order: backwards,
        // every child is summed into its parent before the parent is.
        for node in nodes.iter().rev() {
            let mut own = entries.get(&node.id()).copied().unwrap_or_default();
            let mut text_chars = 0;
            let in_code = || {
                node.parent()
                    .and_then(ElementRef::wrap)
                    .is_some_and(|p| is_code(p.value().name()))
            };
            match node.value() {
                // A script's text counts for nothing (see below), and inline
                // scripts are often most of a page's characters.
                Node::Text(_) if in_code() => {}
                Node::Text(text) => {
                    for c in text.chars() {
                        if !c.is_whitespace() {
                            own.stats.chars += 1;
                        }
                        if matches!(c, ',' | '，' | '、' | '،') {
                            own.stats.commas += 1;
                        }
                    }
                    text_chars = own.stats.chars;
                }
                Node::Element(element) if is_code(element.name()) => {
                    own.stats = Stats::default();
                    own.prose = 0;
                }
                Node::Element(element) => {
                    if element.name() == "a" {
                        own.stats.link_chars = own.stats.chars;
                        own.stats.links += usize::from(own.stats.chars > 0);
                    }
                    own.stats.has_control |= is_control(element);
                    if element.name() == "p"
                        && own.stats.chars.saturating_sub(own.stats.link_chars) >= OWN_WORDS_CHARS
                    {
                        own.stats.has_worded_paragraph = true;
                    }
                    let paragraph = matches!(element.name(), "p" | "pre" | "blockquote")
                        || matches!(element.name(), "div" | "td" | "section" | "article" | "li")
                            && own.direct >= 50;
                    if paragraph && own.stats.chars >= 50 && own.stats.link_density() < 0.3 {
                        own.prose = own.prose.max(own.stats.chars);
                    }
                    // A named body with a few paragraphs of prose (not an
                    // empty template's).
                    if verdicts.get(&node.id()) == Some(&Verdict::Body) && own.prose >= 200 {
                        own.holds_body = true;
                    }
                }
                _ => continue,
            }
            entries.insert(node.id(), own);
            let block = match node.value() {
                Node::Element(element) => !is_inline(element.name()) && !is_code(element.name()),
                _ => false,
            };
            if let Some(parent) = node.parent().and_then(|p| entries.get_mut(&p.id())) {
                parent.stats.chars += own.stats.chars;
                parent.stats.link_chars += own.stats.link_chars;
                parent.stats.commas += own.stats.commas;
                parent.stats.has_block |= own.stats.has_block || block;
                parent.stats.has_control |= own.stats.has_control;
                parent.stats.links += own.stats.links;
                parent.stats.has_worded_paragraph |= own.stats.has_worded_paragraph;
                parent.prose += own.prose;
                parent.direct += text_chars;
                parent.holds_body |= own.holds_body;
                parent.end = parent.end.max(own.end);
            }
        }
        let total = entries.get(&root.id()).map_or(0, |e| e.prose);
        for node in &nodes {
            let above = node.parent().and_then(|p| entries.get(&p.id())).copied();
            let Some(entry) = entries.get_mut(&node.id()) else {
                continue;
            };
            entry.in_junk = above.is_some_and(|p| p.junk || p.in_junk);
            entry.junk = ElementRef::wrap(*node).is_some_and(|e| {
                !matches!(tag(e), "html" | "body")
                    && match verdicts.get(&node.id()).copied().unwrap_or(Verdict::Plain) {
                        Verdict::Dialog => true,
                        Verdict::Junk => entry.prose * 2 <= total && !entry.holds_body,
                        Verdict::Plain | Verdict::Body => false,
                    }
            });
        }
        Index(entries)
    }

    fn entry(&self, element: ElementRef) -> Entry {
        self.0.get(&element.id()).copied().unwrap_or_default()
    }

    /// The statistics of `element` (zero for one outside the tree).
    pub fn get(&self, element: ElementRef) -> Stats {
        self.entry(element).stats
    }

    /// Characters of prose in `element`.
    pub fn prose(&self, element: ElementRef) -> usize {
        self.entry(element).prose
    }

    /// Its place in document order.
    pub fn position(&self, element: ElementRef) -> usize {
        self.entry(element).position
    }

    /// Whether `inner` is `outer` or inside it.
    pub fn contains(&self, outer: ElementRef, inner: ElementRef) -> bool {
        let (o, i) = (self.entry(outer), self.entry(inner));
        o.position <= i.position && i.position <= o.end
    }

    /// Where `element`'s subtree ends, in document order.
    pub fn end(&self, element: ElementRef) -> usize {
        self.entry(element).end
    }

    /// How deep `element` is.
    pub fn depth(&self, element: ElementRef) -> usize {
        self.entry(element).depth
    }

    /// Whether `element` is, or is inside, a box that is not the article.
    pub fn junk(&self, element: ElementRef) -> bool {
        let entry = self.entry(element);
        entry.junk || entry.in_junk
    }

    /// Whether `element` itself is a box that is not the article (what
    /// [`Index::junk`] finds it inside of).
    pub fn junk_box(&self, element: ElementRef) -> bool {
        self.entry(element).junk
    }
}
