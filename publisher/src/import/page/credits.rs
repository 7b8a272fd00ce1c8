//! A photo's credit, split from its caption: a credit element inside it
//! (`.credit`, `itemprop=copyrightHolder`), else its last words ("Ảnh:
//! Thành Tâm", "(Reuters)", "Photo by X"), with its label taken off.

use news_widget::model::{plain, RichText};
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
        let trimmed = credit
            .trim_matches(|c: char| matches!(c, '(' | ')' | '|' | '[' | ']') || c.is_whitespace());
        let unglued = lines::GLUED_CREDIT_LABEL.replace(trimmed, "$1");
        credit = lines::CREDIT_LABEL.replace(&unglued, "").trim().to_owned();
    }
    credit
}

/// The credit an image's `title` gives after a bar, as ARD's sites write
/// it ("Feuerwehrleute protestieren | Bildquelle: WDR / Biernat", "… | AP"):
/// labelled, or naming an agency, so that a title's site name is none.
pub fn title_credit(img: ElementRef) -> Option<Label> {
    let (_, last) = img.value().attribute("title")?.rsplit_once(" | ")?;
    let last = normalize(last);
    let credited = lines::CREDIT_LABEL.is_match(&last) || lines::names_agency(&last);
    if !credited || last.chars().count() > MAX_CREDIT_LINE {
        return None;
    }
    Label::try_from(credit_name(&last)).ok()
}

/// An element that holds a photo's credit (`.credit`, `itemprop=copyrightHolder`).
pub fn is_credit_element(e: ElementRef) -> bool {
    let itemprop = e.value().attribute("itemprop").unwrap_or("");
    boxes::is_credit(&class_and_id(e)) || markup::CREDIT_ITEMPROPS.contains(&itemprop)
}

/// A caption element's text and its credit: from a credit element inside
/// it (`.credit`, `itemprop=copyrightHolder`), else from its last words.
pub fn split_credit(caption: ElementRef, base: &Url, index: &Index) -> (RichText, Option<Label>) {
    let credit_element = caption
        .descendent_elements()
        .find(|d| is_credit_element(*d));
    let mut rich = Rich::default();
    let mut credit = None;
    if let Some(c) = credit_element {
        credit = Label::try_from(credit_name(&text(c))).ok();
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
                    rich.gap();
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
                            rich.gap();
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
    let keep = whole
        .get(..start)
        .unwrap_or("")
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '|' | '/' | '–' | '—' | '-')
        });
    let kept = if keep.is_empty() {
        RichText::new()
    } else {
        truncate(text, keep.len())
    };
    (trim_newlines(merge_text(kept)), Some(name))
}
