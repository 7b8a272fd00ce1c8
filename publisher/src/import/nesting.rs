//! Pages nested absurdly deep, flattened before parsing, as browsers do.
//!
//! The HTML parser checks the open elements each time a block starts (does
//! a `<p>` need closing?), so a page of a hundred thousand nested `<div>`s
//! takes it minutes: its work grows with the square of the depth. Chromium
//! stops nesting at 512 and puts deeper content beside the element at that
//! depth; this does the same with the tags themselves, before the parser
//! sees them, so every word of the page is kept and the cost stays linear.

use std::borrow::Cow;

/// How deep elements nest before the deeper ones are flattened (real
/// pages stay far below this).
pub const MAX_DEPTH: usize = 512;

/// Elements that do not nest what follows them until their end tag: void
/// elements, and those the parser closes by itself when a sibling starts
/// (an unclosed `<p>` or `<li>` does not nest the next).
#[rustfmt::skip]
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr", "param", "keygen", "frame", "basefont", "bgsound", "image", "p", "li",
    "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "caption", "colgroup", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// Elements whose content is raw text: what is inside is not markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// A tag's name as written, compared as HTML compares names: without
/// regard to case (not lowercased into a string of its own per tag, which
/// was most of the cost of a page's scan).
#[derive(Clone, Copy, Debug)]
struct Name<'a>(&'a str);

impl PartialEq for Name<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Name<'_> {
    /// Whether it is one of `names` (given in lower case).
    fn is_one_of(self, names: &[&str]) -> bool {
        names.iter().any(|n| self.0.eq_ignore_ascii_case(n))
    }

    /// Whether an element of this name nests what follows it until its end tag.
    fn nests(self) -> bool {
        !self.is_one_of(NOT_NESTING)
    }
}

/// `html` with elements nested deeper than [`MAX_DEPTH`] taken out
/// (their content stays, in the element at that depth); `html` itself if
/// it nests no deeper.
pub fn flatten(html: &str) -> Cow<'_, str> {
    if depth(html) <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut open: Vec<Name> = Vec::new();
    // Start tags left out, by name: their end tags are left out too.
    let mut dropped: Vec<(Name, usize)> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let (text, from) = rest.split_at(at);
        out.push_str(text);
        let (tag, after) = next_tag(from);
        match tag {
            Tag::Open(name) if name.nests() && open.len() >= MAX_DEPTH => {
                match dropped.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, count)) => *count += 1,
                    None => dropped.push((name, 1)),
                }
            }
            Tag::Close(name) if dropped.iter().any(|(n, c)| *n == name && *c > 0) => {
                if let Some((_, count)) = dropped.iter_mut().find(|(n, _)| *n == name) {
                    *count -= 1;
                }
            }
            tag => {
                match tag {
                    Tag::Open(name) if name.nests() => open.push(name),
                    Tag::Close(name) => {
                        if let Some(i) = open.iter().rposition(|n| *n == name) {
                            open.truncate(i);
                        }
                    }
                    _ => {}
                }
                out.push_str(from.get(..from.len() - after.len()).unwrap_or(""));
            }
        }
        rest = after;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// How deep elements nest at most in `html`.
fn depth(html: &str) -> usize {
    let mut open: Vec<Name> = Vec::new();
    let mut most = 0;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let (tag, after) = next_tag(rest.get(at..).unwrap_or(""));
        match tag {
            Tag::Open(name) if name.nests() => {
                open.push(name);
                most = most.max(open.len());
            }
            Tag::Close(name) => {
                if let Some(i) = open.iter().rposition(|n| *n == name) {
                    open.truncate(i);
                }
            }
            _ => {}
        }
        rest = after;
    }
    most
}

/// A tag as far as nesting goes.
enum Tag<'a> {
    Open(Name<'a>),
    Close(Name<'a>),
    /// Text, a comment, a doctype, or an element whose content is raw text.
    Other,
}

/// The tag at the start of `html` (which starts with `<`), and what follows it.
fn next_tag(html: &str) -> (Tag<'_>, &str) {
    let body = html.get(1..).unwrap_or("");
    if let Some(comment) = body.strip_prefix("!--") {
        let end = comment.find("-->").map_or(comment.len(), |i| i + 3);
        return (Tag::Other, comment.get(end..).unwrap_or(""));
    }
    let (closing, name_start) = match body.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let length = name_start
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let name = Name(name_start.get(..length).unwrap_or(""));
    if name.0.is_empty() {
        return (Tag::Other, body);
    }
    let end = body.find('>').map_or(body.len(), |i| i + 1);
    let after = body.get(end..).unwrap_or("");
    if closing {
        return (Tag::Close(name), after);
    }
    if name.is_one_of(RAW_TEXT) {
        let skip = raw_text_end(after, name.0);
        return (Tag::Other, after.get(skip..).unwrap_or(""));
    }
    let self_closing = body
        .get(..end)
        .is_some_and(|t| t.trim_end_matches('>').ends_with('/'));
    match self_closing {
        true => (Tag::Other, after),
        false => (Tag::Open(name), after),
    }
}

/// Where the raw text of a `name` element ends in `after` (its end tag,
/// in any case), without copying the rest of the page for each one.
fn raw_text_end(after: &str, name: &str) -> usize {
    let bytes = after.as_bytes();
    let mut from = 0;
    while let Some(at) = after.get(from..).and_then(|rest| rest.find("</")) {
        let start = from + at + 2;
        let candidate = bytes.get(start..start + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return from + at;
        }
        from = start;
    }
    after.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_blocks_are_flattened_and_their_text_kept() {
        let n = 2_000;
        let html = format!(
            "<body>{}<p>deep</p>{}<p>after</p></body>",
            "<div class=x>".repeat(n),
            "</div>".repeat(n)
        );
        let flat = flatten(&html);
        assert_eq!(depth(&flat), MAX_DEPTH, "the divs up to the limit");
        assert!(flat.contains("<p>deep</p>") && flat.contains("<p>after</p>"));
        assert_eq!(flat.matches("<div").count(), flat.matches("</div>").count());
    }

    #[test]
    fn unclosed_paragraphs_do_not_nest() {
        assert_eq!(depth("<div><p>text"), 1);
        assert_eq!(
            depth(&format!("<div>{}</div>", "<p>one paragraph".repeat(5_000))),
            1
        );
    }

    #[test]
    fn ordinary_pages_are_left_as_they_are() {
        let html = "<div><script>if (a < b) { x = '<div>' }</script><!-- <div> --><p>text</div>";
        assert!(matches!(flatten(html), Cow::Borrowed(_)));
        assert_eq!(depth("<div><div></div><div><p></p></div></div>"), 2);
        assert_eq!(raw_text_end("a < b </SCRIPT>", "script"), 6);
    }

    #[test]
    fn deep_inline_elements_are_flattened_too() {
        let html = format!(
            "<p>{}word{}</p>",
            "<span>".repeat(3_000),
            "</span>".repeat(3_000)
        );
        let flat = flatten(&html);
        assert_eq!(depth(&flat), MAX_DEPTH);
        assert!(flat.contains("word"));
    }
}
