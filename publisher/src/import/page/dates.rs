//! When the article was published: its JSON-LD, its `<meta>` tags, `<time>`
//! and the visible dateline near the headline, the address, the title; a
//! time without an offset takes one from another statement of the same time.

use std::sync::LazyLock;

use regex::Regex;
use scraper::Selector;

use super::dom::{class_and_id, sel, tag, text};
use super::Page;
use crate::import::date::{DayOrder, Moment, Stated};
use crate::import::vocabulary::{boxes, lines, markup, pattern};

/// When it was first published: the article's JSON-LD, then its `<meta>`
/// tags, then `<time>` and the visible dateline; a time without an offset
/// takes one from another statement of the same time, or from the page.
pub fn published(page: &Page, order: DayOrder) -> Option<Stated> {
    let meta = &page.meta;
    static TIMES: LazyLock<Selector> = LazyLock::new(|| {
        sel("time, [itemprop~=datePublished], [class], [data-time], [data-timestamp]")
    });
    let mut stated: Vec<Stated> = Vec::new();
    let mut push = |text: &str| {
        if let Some(s) = Stated::parse(text, order) {
            stated.push(s);
        }
    };
    if let Some(date) = meta.article().and_then(|a| a.published.clone()) {
        push(&date);
    }
    for key in markup::PUBLISHED_META {
        if let Some(value) = meta.first(&[key]) {
            push(&value);
        }
    }
    let mut visible: Vec<Stated> = Vec::new();
    for element in page.html.select(&TIMES) {
        if page.junk(element) || !page.near(element) {
            continue;
        }
        let value = element.value();
        let itemprop = value.attr("itemprop").unwrap_or("");
        if itemprop.contains("dateModified") {
            continue;
        }
        let is_time = tag(element) == "time" || itemprop.contains("datePublished");
        let words = class_and_id(element);
        if !is_time && !boxes::is_date(&words) && value.attr("data-time").is_none() {
            continue;
        }
        // A "last updated" line is not the publication.
        let said = text(element);
        if boxes::is_updated_only(&words) || lines::is_updated_line(&said) {
            continue;
        }
        let candidates = [
            value.attr("datetime"),
            value.attr("content"),
            value.attr("title"),
            value.attr("data-time"),
            value.attr("data-timestamp"),
        ];
        for c in candidates.into_iter().flatten() {
            if let Some(s) = Stated::parse(c, order) {
                visible.push(s);
            }
        }
        if said.chars().count() <= 120 {
            if let Some(s) = Stated::parse(&said, order) {
                visible.push(s);
            }
        }
    }
    // Last, what only the address, the title or a dateline says.
    if stated.is_empty() && visible.is_empty() {
        let fallbacks = [url_day(page), page.meta.title.clone(), opening(page)];
        if let Some(found) = fallbacks
            .into_iter()
            .flatten()
            .find_map(|t| Stated::parse(&t, order))
        {
            visible.push(found);
        }
    }
    let all: Vec<Stated> = stated.iter().chain(visible.iter()).copied().collect();
    let best = stated
        .first()
        .or_else(|| visible.iter().max_by_key(|s| s.precision()))?;
    // The same minute, stated elsewhere to the second.
    let same_minute = |a: &jiff::civil::DateTime, b: &jiff::civil::DateTime| {
        a.date() == b.date() && a.hour() == b.hour() && a.minute() == b.minute()
    };
    let best = match best.wall_clock() {
        Some(clock) if clock.second() == 0 => {
            let finer = all.iter().find_map(|s| {
                s.wall_clock()
                    .filter(|w| w.second() != 0 && same_minute(w, &clock))
            });
            match (finer, *best) {
                (Some(finer), Stated::Exact(m)) => m.offset.to_timestamp(finer).ok().map(|at| {
                    Stated::Exact(Moment {
                        at,
                        offset: m.offset,
                    })
                }),
                (Some(finer), Stated::Local(_)) => Some(Stated::Local(finer)),
                _ => None,
            }
            .unwrap_or(*best)
        }
        _ => *best,
    };
    let best = &best;
    match *best {
        Stated::Exact(_) => Some(*best),
        Stated::Local(local) => {
            // The same time, stated elsewhere with its offset.
            let exact = all.iter().find(|s| match s {
                Stated::Exact(_) => s.wall_clock().is_some_and(|w| {
                    w.date() == local.date()
                        && w.hour() == local.hour()
                        && w.minute() == local.minute()
                }),
                _ => false,
            });
            Some(*exact.unwrap_or(best))
        }
        Stated::Day(day) => {
            // A time on the same day, stated elsewhere.
            Some(
                *all.iter()
                    .filter(|s| s.day() == day)
                    .max_by_key(|s| s.precision())
                    .unwrap_or(best),
            )
        }
    }
}

/// The day in the article's address (`/2015/04/21/`, `-20150421`), as `YYYY-MM-DD`.
fn url_day(page: &Page) -> Option<String> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"[/=_-]((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[^\d]|$)",
        )
    });
    let url = page
        .meta
        .canonical
        .clone()
        .or_else(|| page.meta.first(&["og:url"]))?;
    let c = DAY.captures(&url)?;
    Some(format!(
        "{}-{}-{}",
        c.get(1)?.as_str(),
        c.get(2)?.as_str(),
        c.get(3)?.as_str()
    ))
}

/// The opening words of the body's text, where a dateline would be.
fn opening(page: &Page) -> Option<String> {
    page.container
        .descendent_elements()
        .filter(|e| tag(*e) == "p")
        .map(text)
        .find(|t| t.chars().count() >= 20)
        .map(|t| t.chars().take(40).collect())
}

/// When it was last changed: the article's JSON-LD, else its `<meta>` tags.
pub fn modified(page: &Page, order: DayOrder) -> Option<Stated> {
    page.meta
        .article()
        .and_then(|a| a.modified.clone())
        .or_else(|| page.meta.first(markup::MODIFIED_META))
        .and_then(|m| Stated::parse(&m, order))
}
