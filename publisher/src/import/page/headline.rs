//! The headline: the visible one that the page's own titles agree with,
//! else its markup's, else the title without the site's name.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Selector};

use super::byline;
use super::dom::{self, sel, tag, text};
use super::Page;
use crate::import::vocabulary::{pattern, squash};

/// The visible headline: an `<h1>` (or the element styled as the title)
/// that the page's own titles agree with; else the article's JSON-LD
/// headline, else the Open Graph title without the site's name.
pub fn headline(page: &Page) -> Option<String> {
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
