//! A photo's credit, split from its caption: a credit element inside it
//! (`.credit`, `itemprop=copyrightHolder`), else its last words ("Ảnh:
//! Thành Tâm", "(Reuters)", "Photo by X"), with its label taken off.

use news_widget::model::{plain, Inline, RichText};
use scraper::{ElementRef, Node};
use url::Url;

use super::dom::{class_and_id, is_inline, normalize, tag, text, Attribute, Index};
use super::rich::{merge_text, trim_newlines, truncate, Rich};
use news_widget::model::Label;

use crate::import::vocabulary::{boxes, lines, markup};

/// The most text of a credit set as a line of its own: after a caption,
/// after the bar in an image's title.
pub const MAX_CREDIT_LINE: usize = 60;

/// A credit with its label taken off ("Ảnh: Reuters" → "Reuters").
pub fn credit_name(credit: &str) -> String {
    // "CreditKirsten Luce": a visually hidden label glued to the name.
    let mut credit = normalize(credit);
    for _ in 0..2 {
        let trimmed = credit.trim_matches(|c: char| {
            matches!(c, '(' | ')' | '|' | '[' | ']' | '-' | '–' | '—') || c.is_whitespace()
        });
        let unglued = lines::GLUED_CREDIT_LABEL.replace(trimmed, "$1");
        credit = lines::CREDIT_LABEL.replace(&unglued, "").trim().to_owned();
    }
    credit
}

/// The credit an image's own attributes give, for a photo whose caption
/// has none: after a bar in its `title`, as ARD's sites write it ("… |
/// Bildquelle: WDR / Biernat", "… | AP": labelled, or naming an agency, so
/// that a title's site name is none); or at the end of its `alt` or
/// `title` after some words, as at a caption's ("… (Photo: Gallo Images /
/// Sharon Seretlo)", "… © NDR").
pub fn attribute_credit(img: ElementRef) -> Option<Label> {
    let value = img.value();
    let after_bar = value
        .attribute("title")
        .and_then(|t| t.rsplit_once(" | "))
        .map(|(_, last)| normalize(last))
        .filter(|last| {
            (lines::CREDIT_LABEL.is_match(last) || lines::names_agency(last))
                && last.chars().count() <= MAX_CREDIT_LINE
        })
        .and_then(|last| Label::try_from(credit_name(&last)).ok());
    after_bar.or_else(|| {
        ["alt", "title"]
            .into_iter()
            .filter_map(|name| value.attribute(name))
            .find_map(
                |said| match trailing_credit(vec![Inline::Text(normalize(said))]) {
                    (rest, Some(credit)) if !plain(&rest).trim().is_empty() => Some(credit),
                    _ => None,
                },
            )
    })
}

/// An element that holds a photo's credit (`.credit`, `itemprop=copyrightHolder`).
pub fn is_credit_element(e: ElementRef) -> bool {
    let itemprop = e.value().attribute("itemprop").unwrap_or("");
    boxes::is_credit(&class_and_id(e)) || markup::CREDIT_ITEMPROPS.contains(&itemprop)
}

/// A caption element's text and its credit: from the credit elements
/// inside it (`.credit`, `itemprop=copyrightHolder`), else from its last
/// words.
pub fn split_credit(caption: ElementRef, base: &Url, index: &Index) -> (RichText, Option<Label>) {
    let credits: Vec<ElementRef> = caption
        .descendent_elements()
        .filter(|d| is_credit_element(*d))
        .collect();
    // The first that names someone: a label in an element of its own
    // ("Copyright", its name in the next) or an empty one names no one.
    let named = credits.iter().find_map(|c| {
        let said = text(*c);
        if lines::BARE_CREDIT_LABEL.is_match(&said) {
            return None;
        }
        Label::try_from(credit_name(&said)).ok()
    });
    let mut rich = Rich::default();
    text_without(caption, &credits, &mut rich, base, index);
    let text = rich.finish();
    match named {
        // What stood between the caption and its credit ("… - Copyright X").
        Some(credit) => (without_separator(text), Some(credit)),
        None => trailing_credit(text),
    }
}

/// The text of `e` into `rich`, without the elements in `credits`.
fn text_without(e: ElementRef, credits: &[ElementRef], rich: &mut Rich, base: &Url, index: &Index) {
    for child in e.children() {
        match child.value() {
            Node::Text(t) => rich.text(t),
            Node::Element(_) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                if credits.iter().any(|credit| credit.id() == c.id()) {
                    continue;
                }
                if credits.iter().any(|credit| index.contains(c, *credit)) {
                    text_without(c, credits, rich, base, index);
                } else {
                    rich.inline(c, base, index, 0);
                }
                // Captions are short: a block inside is a line of its own.
                if !is_inline(tag(c)) {
                    rich.gap();
                }
            }
            _ => {}
        }
    }
}

/// `text` without the separator a credit followed ("|", "/", "–", "(").
fn without_separator(text: RichText) -> RichText {
    let keep = plain(&text)
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '|' | '/' | '–' | '—' | '-')
        })
        .len();
    trim_newlines(merge_text(truncate(text, keep)))
}

/// Takes a credit off the end of caption text, however it is styled
/// ("… Ảnh: <em>Reuters</em>").
pub fn trailing_credit(text: RichText) -> (RichText, Option<Label>) {
    let whole = plain(&text);
    let found = lines::TRAILING_CREDIT
        .captures(&whole)
        .and_then(|c| {
            c.get(1)
                .or(c.get(2))
                .map(|m| (m.start(), m.as_str().to_owned()))
        })
        .or_else(|| {
            lines::BRACKETED_CREDIT
                .captures(&whole)
                .and_then(|c| Some((c.get(0)?.start(), c.get(1)?.as_str().to_owned())))
        })
        .or_else(|| lines::slashed_credit(&whole).map(|m| (m.start(), m.as_str().to_owned())));
    let Some((start, credit)) = found else {
        return (text, None);
    };
    let Ok(name) = Label::try_from(credit_name(&credit)) else {
        return (text, None);
    };
    // The separator goes, a sentence's full stop stays.
    (without_separator(truncate(text, start)), Some(name))
}
