//! Inline content built as the format's rich text: text runs, `em`,
//! `strong` and links, with whitespace as a browser shows it.

use news_widget::model::{Inline, LinkUrl, RichText, Span};
use scraper::{ElementRef, Node};
use url::Url;

use super::dom::{is_code, tag, Attribute, Index};
use super::walker::MAX_DEPTH;
use crate::import::address;

/// Inline content, built as the format's rich text.
#[derive(Default)]
pub struct Rich {
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

    /// A space before what comes next (after a block inside a caption).
    pub fn gap(&mut self) {
        self.space = true;
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

    /// Text as the page has it: whitespace runs as one space.
    pub fn text(&mut self, raw: &str) {
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
    pub fn line_break(&mut self) -> bool {
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

    /// An inline element and what it holds, styled as the format can.
    pub fn inline(&mut self, e: ElementRef, base: &Url, index: &Index, depth: usize) {
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
                .attribute("href")
                .and_then(|h| address::link(base, h))
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

    /// The rich text built.
    pub fn finish(mut self) -> RichText {
        while !self.open.is_empty() {
            self.close();
        }
        merge_text(trim_newlines(self.root))
    }
}

/// Rich text without line breaks at its ends.
pub fn trim_newlines(mut nodes: RichText) -> RichText {
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

/// The first `bytes` bytes of rich text's plain text, with their styles.
pub fn truncate(nodes: RichText, mut bytes: usize) -> RichText {
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
