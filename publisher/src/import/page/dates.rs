//! When the article was published, from what says it most surely to what
//! says it least: the article's JSON-LD and `<meta>` tags; `<time>` and the
//! visible dateline near the headline (`data-*` attributes, any language's
//! forms, see `date`); a `datePublished` in any JSON-LD object; a "last
//! updated" line; the address, the title, the header text under the
//! headline, the body's opening (htmldate's hiding places). A time without
//! an offset takes one from another statement of the same moment.

use std::sync::LazyLock;

use jiff::civil::DateTime;
use regex::Regex;
use scraper::ElementRef;

use super::dom::{class_and_id, elements, tag, text, Attribute};
use super::Page;
use crate::import::date::{DayOrder, Moment, Stated};
use crate::import::vocabulary::{boxes, lines, markup, pattern};

/// The longest visible text read as a dateline.
const MAX_DATELINE: usize = 120;
/// How many elements between the headline and the body are read for a date.
const MAX_HEADER_ELEMENTS: usize = 200;

/// When it was first published, or `None` if the page truly says nowhere.
pub fn published(page: &Page, order: DayOrder) -> Option<Stated> {
    let parse = |t: &str| Stated::parse(t, order);
    let meta = &page.meta;
    let markup: Vec<Stated> = meta
        .article()
        .and_then(|a| a.published.as_deref())
        .into_iter()
        .map(str::to_owned)
        .chain(
            markup::PUBLISHED_META
                .iter()
                .filter_map(|k| meta.first(&[k])),
        )
        .filter_map(|t| parse(&t))
        .collect();
    let (visible, updated) = visible(page, order);
    let loose: Vec<Stated> = markup::PUBLISHED_META_LOOSE
        .iter()
        .filter_map(|k| meta.first(&[k]))
        .filter_map(|t| parse(&t))
        .collect();
    let anywhere: Vec<Stated> = meta.ld_dates.iter().filter_map(|t| parse(t)).collect();
    let last_resort = || {
        [
            url_day(page),
            meta.title.clone(),
            header(page, order),
            opening(page),
        ]
        .into_iter()
        .flatten()
        .find_map(|t| parse(&t))
    };
    let most_precise = |all: &[Stated]| all.iter().copied().max_by_key(Stated::precision);
    // What the markup states is as the page states it; what a dateline's
    // attributes hold (an epoch) is shown at the dateline's own clock.
    let (best, stated) = match markup.first() {
        Some(best) => (*best, Said::Markup),
        None => most_precise(&visible)
            .map(|b| (b, Said::Dateline))
            .or_else(|| loose.first().map(|b| (*b, Said::Markup)))
            .or_else(|| anywhere.first().map(|b| (*b, Said::Markup)))
            // A page that only says when it was updated was published then at the latest.
            .or_else(|| most_precise(&updated).map(|b| (b, Said::Dateline)))
            .or_else(|| last_resort().map(|b| (b, Said::Dateline)))?,
    };
    // What says when it was updated is no other statement of the publication.
    let all: Vec<Stated> = [markup, visible, loose, anywhere].concat();
    Some(refine(best, stated, &all))
}

/// Where the chosen date was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    /// In metadata (JSON-LD, `<meta>`): as stated, offset and all.
    Markup,
    /// On the page (a dateline, its attributes).
    Dateline,
}

/// `best`, made more precise by other statements of the same moment: the
/// same minute to the second; a wall-clock time with its offset; a day
/// with its time.
fn refine(best: Stated, stated: Said, all: &[Stated]) -> Stated {
    let same_minute = |a: &DateTime, b: &DateTime| {
        a.date() == b.date() && a.hour() == b.hour() && a.minute() == b.minute()
    };
    let best = match best.wall_clock() {
        Some(clock) if clock.second() == 0 => {
            let finer = all.iter().find_map(|s| {
                s.wall_clock()
                    .filter(|w| w.second() != 0 && same_minute(w, &clock))
            });
            match (finer, best) {
                (Some(finer), Stated::Exact(m)) => m.offset.to_timestamp(finer).ok().map(|at| {
                    Stated::Exact(Moment {
                        at,
                        offset: m.offset,
                    })
                }),
                (Some(finer), Stated::Local(_)) => Some(Stated::Local(finer)),
                _ => None,
            }
            .unwrap_or(best)
        }
        _ => best,
    };
    match best {
        // An instant in UTC (an epoch) that the page shows at its own clock.
        Stated::Exact(m) if m.offset == jiff::tz::Offset::UTC && stated == Said::Dateline => all
            .iter()
            .find_map(|s| match s {
                Stated::Local(wall) => Moment::with_wall_clock(m.at, *wall),
                _ => None,
            })
            .map_or(best, |shown| {
                Stated::Exact(Moment {
                    at: m.at,
                    offset: shown.offset,
                })
            }),
        Stated::Exact(_) => best,
        Stated::Local(local) => {
            // The same time stated elsewhere with its offset…
            let same_clock = all.iter().copied().find(|s| {
                matches!(s, Stated::Exact(_))
                    && s.wall_clock().is_some_and(|w| same_minute(&w, &local))
            });
            // …or the same moment stated in another offset (an epoch, UTC):
            // the difference of the clocks is the page's offset.
            let same_moment = || {
                all.iter().find_map(|s| match s {
                    Stated::Exact(m) => Moment::with_wall_clock(m.at, local),
                    _ => None,
                })
            };
            same_clock
                .or_else(|| same_moment().map(Stated::Exact))
                .unwrap_or(best)
        }
        // A time on the same day, stated elsewhere.
        Stated::Day(day) => all
            .iter()
            .copied()
            .filter(|s| s.day() == day)
            .max_by_key(Stated::precision)
            .unwrap_or(best),
    }
}

/// The dates shown near the article: `<time>`, `datePublished` microdata,
/// boxes whose class says date, and their `data-*` attributes; and apart,
/// those that say they are the last change.
fn visible(page: &Page, order: DayOrder) -> (Vec<Stated>, Vec<Stated>) {
    let candidate = |e: ElementRef| {
        let value = e.value();
        tag(e) == "time"
            || value.has_word("itemprop", "datePublished")
            || ["class", "id", "data-time"]
                .iter()
                .any(|a| value.attribute(a).is_some())
    };
    let mut published = Vec::new();
    let mut updated = Vec::new();
    for element in elements(page.html, candidate) {
        if page.junk(element) || !page.near(element) {
            continue;
        }
        let value = element.value();
        let itemprop = value.attribute("itemprop").unwrap_or("");
        let is_time = tag(element) == "time" || itemprop.contains("datePublished");
        let words = class_and_id(element);
        if !is_time && !boxes::is_date(&words) && value.attribute("data-time").is_none() {
            continue;
        }
        let said = text(element);
        // A "last updated" line is not the publication, but it is a date.
        let last_change = itemprop.contains("dateModified")
            || boxes::is_updated_only(&words)
            || lines::is_updated_line(&said);
        let into = if last_change {
            &mut updated
        } else {
            &mut published
        };
        for name in markup::DATE_ATTRIBUTES {
            if let Some(s) = value.attribute(name).and_then(|v| Stated::parse(v, order)) {
                into.push(s);
            }
        }
        if said.chars().count() <= MAX_DATELINE {
            if let Some(s) = Stated::parse(&said, order) {
                into.push(s);
            }
        }
    }
    (published, updated)
}

/// The day in the article's address (`/2015/04/21/`, `-20150421`), as `YYYY-MM-DD`.
fn url_day(page: &Page) -> Option<String> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"[/=_-]((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[^\d]|$)",
        )
    });
    let url = page
        .address
        .map(ToString::to_string)
        .or_else(|| page.meta.canonical.clone())
        .or_else(|| page.meta.first(&["og:url"]))?;
    let c = DAY.captures(&url)?;
    Some(format!(
        "{}-{}-{}",
        c.get(1)?.as_str(),
        c.get(2)?.as_str(),
        c.get(3)?.as_str()
    ))
}

/// A date in the short texts between the headline and the body (a
/// dateline without a class that says so).
fn header(page: &Page, order: DayOrder) -> Option<String> {
    let body = page.index.position(page.container);
    let headline = page
        .html
        .root_element()
        .descendent_elements()
        .filter(|e| tag(*e) == "h1" && page.index.position(*e) < body)
        .last()?;
    let start = page.index.end(headline);
    page.html
        .root_element()
        .descendent_elements()
        .skip_while(|e| page.index.position(*e) <= start)
        .take_while(|e| page.index.position(*e) < body)
        .take(MAX_HEADER_ELEMENTS)
        .filter(|e| !page.junk(*e) && leaf(*e))
        .map(text)
        .filter(|t| (6..=MAX_DATELINE).contains(&t.chars().count()))
        .find(|t| Stated::parse(t, order).is_some())
}

/// An element with text and no blocks inside.
fn leaf(element: ElementRef) -> bool {
    element
        .child_elements()
        .all(|c| super::dom::is_inline(tag(c)))
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

#[cfg(test)]
mod tests {
    use crate::import::page::read;

    /// The moment a page's date becomes, in the site's zone where it has none.
    fn published(head: &str, body: &str) -> Option<String> {
        let html = format!(
            "<html><head>{head}</head><body><article><h1>A headline long enough</h1>{body}\
             <p>A first paragraph of prose, long enough, with commas, and words, and more.</p>\
             <p>A second paragraph of prose, long enough, with commas, and words, and more.</p>\
             </article></body></html>"
        );
        let zone = jiff::tz::db().get("Asia/Ho_Chi_Minh").expect("bundled");
        let stated = read(&html).published?;
        Some(stated.in_zone(&zone)?.rfc3339())
    }

    /// A page in, its publication date out: every place a date hides.
    #[test]
    fn every_place_a_date_hides() {
        let table: &[(&str, &str, Option<&str>)] = &[
            // A meta key written with a colon for an underscore.
            (
                r#"<meta name="article:published:time" content="2024-10-23T15:48:15+00:00">"#,
                "",
                Some("2024-10-23T15:48:15+00:00"),
            ),
            // datePublished in JSON-LD of a type that is no article.
            (
                r#"<script type="application/ld+json">{"@type":"ClaimReview","datePublished":"2026-05-13T15:44:00+02:00","itemReviewed":{"@type":"Claim","datePublished":"2026-05-07"}}</script>"#,
                "",
                Some("2026-05-13T15:44:00+02:00"),
            ),
            // <time> without datetime.
            (
                "",
                "<time>March 3, 2024</time>",
                Some("2024-03-03T00:00:00+07:00"),
            ),
            // A dateline whose class says nothing, under the headline.
            (
                "",
                "<p>Do 25.04.24 | 14:07 Uhr</p>",
                Some("2024-04-25T14:07:00+07:00"),
            ),
            // Only "last updated": published then at the latest.
            (
                "",
                r#"<div class="box-date">Cập nhật: Thứ năm, 4/1/2024 | 2:33:14 PM</div>"#,
                Some("2024-01-04T14:33:14+07:00"),
            ),
            // An epoch in an attribute, shown at the page's clock: its offset.
            (
                "",
                r#"<li class="meta" data-utc-time="1778679869">Veröffentlicht am 13. Mai 2026 um 15:44</li>"#,
                Some("2026-05-13T15:44:29+02:00"),
            ),
            // Nothing anywhere.
            ("", "", None),
        ];
        for (head, body, expected) in table {
            assert_eq!(published(head, body).as_deref(), *expected, "{head}{body}");
        }
    }
}
