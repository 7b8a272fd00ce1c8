//! The standfirst ("sapo", "chapeau", "dek"): an element set apart as one
//! near the headline, else the description when it is not a copy of the
//! body's opening.

use news_widget::model::{plain, Inline, RichText};
use scraper::ElementRef;
use url::Url;

use super::dom::{class_and_id, tag, text, Attribute, Index};
use super::rich::merge_text;
use super::walker::Walker;
use super::Page;
use crate::import::draft::Piece;
use crate::import::vocabulary::{boxes, squash};

/// The standfirst ("sapo"): an element set apart as one near the
/// headline, else the description when it is not a copy of the opening.
pub fn lead(page: &Page, pieces: &[Piece]) -> (RichText, Option<String>) {
    let meta = &page.meta;
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
        let itemprop = element.value().attribute("itemprop").unwrap_or("");
        if !(boxes::is_lead(&words) || itemprop == "description")
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
    let (pieces, _) = Walker::new(&base, index).walk(element);
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
