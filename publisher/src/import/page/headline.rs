//! The headline: the visible one that the page's own titles agree with,
//! else its markup's, else the title without the site's name.

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use regex::Regex;
use scraper::ElementRef;

use super::byline;
use super::dom::{self, tag, text, Attribute};
use super::Page;
use crate::import::vocabulary::{pattern, squash};

/// How many characters a heading on the page may have to be the headline.
const HEADING_CHARS: RangeInclusive<usize> = 4..=400;

/// The visible headline: an `<h1>` (or the element styled as the title)
/// that the page's own titles agree with; else the article's JSON-LD
/// headline, else the Open Graph title without the site's name.
pub fn headline(page: &Page) -> Option<String> {
    let meta = &page.meta;
    // The page's titles, the one it shares (Open Graph) first.
    let shared: Vec<String> = [
        meta.first(&["og:title"]),
        meta.article().and_then(|a| a.headline.clone()),
        meta.first(&["twitter:title"]),
        meta.title.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|t| without_site_name(&t, &meta.site_names))
    .collect();
    let heading = |h: ElementRef| {
        matches!(tag(h), "h1" | "h2")
            || h.value().has_word("itemprop", "headline")
            || h.value()
                .attribute("class")
                .is_some_and(|c| c.contains("tit") || c.contains("headline"))
    };
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
    // The same as a title; or most of one (a title with a site's name or a
    // kicker around it).
    let equals = |text: &str| {
        let key = squash(text);
        key.len() >= 8 && keys.contains(&key)
    };
    let agrees = |text: &str| {
        let key = squash(text);
        key.len() >= 8
            && keys
                .iter()
                .any(|t| *t == key || (t.contains(&key) && key.len() * 3 >= t.len()))
    };
    let visible: Vec<(ElementRef, String)> = dom::elements(page.html, heading)
        .filter(|h| {
            !matches!(
                tag(*h),
                "meta" | "title" | "a" | "body" | "html" | "head" | "link" | "script"
            )
        })
        .filter(|h| !page.junk(*h))
        // Too many characters without the spaces are too many with them.
        .filter(|h| page.index.get(*h).chars <= *HEADING_CHARS.end())
        .map(|h| (h, text(h)))
        .filter(|(_, t)| HEADING_CHARS.contains(&t.chars().count()))
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
    let marked: Vec<(ElementRef, String)> = dom::elements(page.html, heading)
        .filter(|h| matches!(tag(*h), "h1" | "h2" | "div" | "span" | "p" | "header"))
        .filter(|h| h.value().has_word("itemprop", "headline"))
        .map(|h| (h, text(h)))
        .filter(|(h, t)| HEADING_CHARS.contains(&t.chars().count()) && !dom::is_hidden(*h))
        .collect();
    let element = marked
        .iter()
        .find(near)
        .or_else(|| {
            visible
                .iter()
                .filter(h1)
                .filter(near)
                .find(|(_, t)| agrees(t))
        })
        .or_else(|| visible.iter().filter(near).find(|(_, t)| equals(t)))
        // The visible headline, where the titles say something else (an SEO title).
        .or_else(|| {
            visible
                .iter()
                .filter(h1)
                .filter(near)
                .filter(not_site)
                .rfind(before_body)
        })
        .or_else(|| visible.iter().filter(near).find(|(_, t)| agrees(t)))
        .or_else(|| visible.iter().find(|(_, t)| agrees(t)))
        // The one h1 near the article, wherever the body is.
        .or_else(|| {
            let mut near_h1 = visible.iter().filter(h1).filter(near).filter(not_site);
            near_h1.next().filter(|_| near_h1.next().is_none())
        });
    if let Some((element, _)) = element {
        return Some(with_kicker(&shown(page, *element), &shared));
    }
    meta.article()
        .and_then(|a| a.headline.clone())
        .or_else(|| visible.iter().filter(h1).find(near).map(|(_, t)| t.clone()))
        .or_else(|| {
            titles
                .first()
                .map(|t| without_site_name(t, &meta.site_names))
        })
}

/// A headline as the page shows it: its kicker (the short label over it,
/// inside its element), the rest, and the text right before its element
/// (a kicker set apart).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shown {
    /// The kicker inside the headline's element.
    pub kicker: Option<String>,
    /// The headline without it.
    pub title: String,
    /// The text of the element right before the headline's.
    pub before: Option<String>,
}

/// How `element` shows the headline.
fn shown(page: &Page, element: ElementRef) -> Shown {
    // Its parts: text runs and elements with text, hidden ones (a
    // separator for screen readers) left out.
    let mut parts: Vec<(bool, String)> = Vec::new();
    for child in element.children() {
        match child.value() {
            scraper::Node::Text(t) if !t.trim().is_empty() => {
                parts.push((false, dom::normalize(t)));
            }
            scraper::Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(child).filter(|e| !page.junk(*e)) {
                    let t = text(e);
                    if !t.is_empty() {
                        parts.push((true, t));
                    }
                }
            }
            _ => {}
        }
    }
    let before = element
        .prev_siblings()
        .find_map(ElementRef::wrap)
        .or_else(|| {
            element
                .parent()
                .and_then(ElementRef::wrap)
                .and_then(|p| p.prev_siblings().find_map(ElementRef::wrap))
        })
        .map(text)
        .filter(|t| !t.is_empty() && t.chars().count() <= MAX_KICKER * 3);
    match parts.as_slice() {
        [(true, kicker), rest @ ..] if !rest.is_empty() && kicker.chars().count() <= MAX_KICKER => {
            Shown {
                kicker: Some(kicker.clone()),
                title: rest
                    .iter()
                    .map(|(_, t)| t.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                before,
            }
        }
        _ => Shown {
            kicker: None,
            title: text(element),
            before,
        },
    }
}

/// The longest kicker: a label over a headline is a few words.
const MAX_KICKER: usize = 60;

/// The headline, with or without its kicker as the page's own titles
/// (`titles`, the shared one first) write it: the title that says the
/// kicker and the headline joins them its way ("Kicker: Headline",
/// "Kicker / Headline"); one that says the headline alone, or with another
/// kicker, leaves the kicker out. A kicker shown right before the headline
/// joins it when a title says the two. Without a title that says either,
/// a kicker inside the headline's element is joined with a colon.
pub fn with_kicker(shown: &Shown, titles: &[String]) -> String {
    let title = squash(&shown.title);
    for candidate in titles {
        let key = squash(candidate);
        if key.is_empty() {
            continue;
        }
        if let Some(kicker) = &shown.kicker {
            if key == squash(&format!("{kicker}{}", shown.title)) {
                return candidate.clone();
            }
            if key.ends_with(&title) {
                return shown.title.clone();
            }
        } else if key == title {
            return shown.title.clone();
        } else if let (Some(prefix), Some(before)) = (key.strip_suffix(&title), &shown.before) {
            let shown_before = squash(before);
            if !prefix.is_empty()
                && prefix.chars().count() <= MAX_KICKER
                && shown_before.ends_with(prefix)
            {
                return candidate.clone();
            }
        }
    }
    match &shown.kicker {
        Some(kicker) if kicker.ends_with([':', '.', '?', '!', '–', '-', '|']) => {
            format!("{kicker} {}", shown.title)
        }
        Some(kicker) => format!("{kicker}: {}", shown.title),
        None => shown.title.clone(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(kicker: Option<&str>, title: &str, before: Option<&str>) -> Shown {
        Shown {
            kicker: kicker.map(str::to_owned),
            title: title.to_owned(),
            before: before.map(str::to_owned),
        }
    }

    /// What the page shows and says in its titles, in; the headline out.
    #[test]
    fn a_kicker_joins_the_headline_as_the_page_titles_write_it() {
        let titles = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let table: &[(Shown, Vec<String>, &str)] = &[
            // The shared title joins them with a colon (tagesschau).
            (
                shown(Some("Ausschuss zur Ahrtal-Flut"), "Zwei Rücktritte", None),
                titles(&["Ausschuss zur Ahrtal-Flut: Zwei Rücktritte"]),
                "Ausschuss zur Ahrtal-Flut: Zwei Rücktritte",
            ),
            // … or with a slash (Tageblatt).
            (
                shown(Some("Nationale Demo"), "Der 9. Juli naht", None),
                titles(&["Nationale Demo / Der 9. Juli naht", "Der 9. Juli naht"]),
                "Nationale Demo / Der 9. Juli naht",
            ),
            // The shared title is the headline alone (n-tv).
            (
                shown(Some("Neue Leipziger Schule"), "Judy Lybke", None),
                titles(&["Judy Lybke", "Neue Leipziger Schule: Judy Lybke"]),
                "Judy Lybke",
            ),
            // The shared title has another kicker (SRF): the headline alone.
            (
                shown(Some("Eskalation im Nahen Osten"), "«Zurückhaltung»", None),
                titles(&["Iranischer Angriff auf Israel: «Zurückhaltung»"]),
                "«Zurückhaltung»",
            ),
            // A kicker set apart right before the headline (ORF).
            (
                shown(
                    None,
                    "Trump-Anwältin soll Justizministerin werden",
                    Some("Nach Gaetz-Rückzug"),
                ),
                titles(&["Nach Gaetz-Rückzug: Trump-Anwältin soll Justizministerin werden"]),
                "Nach Gaetz-Rückzug: Trump-Anwältin soll Justizministerin werden",
            ),
            // An SEO title that is not shown: the visible headline.
            (
                shown(None, "Tårene rant for norsk OL-håp", Some("Sport")),
                titles(&["OL i Paris 2024: Tårene rant for norsk OL-håp"]),
                "Tårene rant for norsk OL-håp",
            ),
            // No title says either: the kicker joined with a colon.
            (
                shown(Some("Exklusiv"), "Der Plan", None),
                titles(&["Something else"]),
                "Exklusiv: Der Plan",
            ),
        ];
        for (shown, titles, expected) in table {
            assert_eq!(with_kicker(shown, titles), *expected, "{shown:?}");
        }
    }
}
