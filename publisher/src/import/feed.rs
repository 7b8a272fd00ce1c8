//! RSS 2.0, RSS 1.0, Atom and JSON Feed, read by feed-rs. An item whose
//! content is the whole article (`content:encoded`, Atom `content`: long,
//! or with no summary apart from it) becomes an article from the feed
//! alone; an item with only a summary is fetched from its link, and its
//! own text is kept in case the page cannot be read.

use news_widget::model::Inline;
use url::Url;

use super::address::WebUrl;
use super::date::{Moment, Stated};
use super::draft::{Draft, Hints, SiteZone};
use super::page;
use super::skip::Skip;
use super::warning::Said;

/// Below this much text, an item's content is a summary, unless the item
/// has no other summary.
const FULL_TEXT: usize = 400;
/// The longest summary taken as the article's lead.
const MAX_LEAD: usize = 600;

/// What a feed item gives.
#[derive(Debug, Clone)]
pub enum Item {
    /// The whole article.
    Full(Box<Draft>),
    /// A link to the article's page, what the feed said of it, and the
    /// article the item's own text makes, for when the page cannot be read.
    Link {
        /// The page.
        url: WebUrl,
        /// Its headline and date, as the feed gives them.
        hints: Hints,
        /// The item's own text as an article.
        content: Option<Box<Draft>>,
    },
}

/// The items of the feed in `bytes`, newest first as the feed has them.
pub fn items(bytes: &[u8], base: &Url, zone: &SiteZone) -> Result<Vec<Item>, Skip> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base.as_str()))
        .build()
        .parse(bytes)
        .map_err(|e| Skip::BadFeed(e.to_string()))?;
    let mut items = Vec::new();
    for entry in &feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .and_then(|l| WebUrl::resolve(base, &l.href));
        let headline = entry
            .title
            .as_ref()
            .map(|t| page::plain_text(&t.content))
            .filter(|t| !t.is_empty());
        let published = entry.published.or(entry.updated).and_then(|at| {
            let at = jiff::Timestamp::from_second(at.timestamp()).ok()?;
            // Feeds carry instants (feed-rs reads them as UTC): shown in the site's zone.
            Some(Stated::Exact(Moment {
                at,
                offset: zone.zone.to_offset(at),
            }))
        });
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .unwrap_or_default();
        let summary = entry
            .summary
            .as_ref()
            .map(|s| s.content.clone())
            .unwrap_or_default();
        let length = |html: &str| page::plain_text(html).chars().count();
        // The item's own text, and whether it is the whole article: long
        // enough, or content with no summary apart from it (a link post, a
        // changelog entry).
        let separate_summary =
            length(&summary) > 0 && page::plain_text(&summary) != page::plain_text(&content);
        let (text, whole) = match (length(&content), length(&summary)) {
            (c, _) if c >= FULL_TEXT => (content.as_str(), true),
            (_, s) if s >= FULL_TEXT => (summary.as_str(), true),
            (c, _) if c > 0 => (content.as_str(), !separate_summary || link.is_none()),
            (_, s) if s > 0 => (summary.as_str(), link.is_none()),
            _ => ("", false),
        };
        let draft = (!text.is_empty()).then(|| {
            let page_base = link
                .as_ref()
                .map_or_else(|| base.clone(), |l| l.url().clone());
            let (body, warnings) = page::fragment(text, &page_base);
            let lead = (summary != text)
                .then(|| page::plain_text(&summary))
                .filter(|s| {
                    !s.is_empty()
                        && s.chars().count() < MAX_LEAD
                        && !s.ends_with('…')
                        && !s.ends_with("...")
                })
                .map(|s| vec![Inline::Text(s)])
                .unwrap_or_default();
            let language = entry.language.clone().or_else(|| feed.language.clone());
            Box::new(
                Draft {
                    id: None,
                    url: link.clone(),
                    language,
                    category: entry
                        .categories
                        .first()
                        .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone())),
                    headline: headline.clone().unwrap_or_default(),
                    lead,
                    published,
                    modified: None,
                    view_count: None,
                    body,
                    authors: entry
                        .authors
                        .iter()
                        .filter_map(|a| news_widget::model::Label::try_from(a.name.clone()?).ok())
                        .collect(),
                    photo_credits: Vec::new(),
                    warnings,
                }
                .with_photo_credits(),
            )
        });
        match (whole, draft, link) {
            (true, Some(draft), _) | (_, Some(draft), None) => items.push(Item::Full(draft)),
            (_, content, Some(url)) => items.push(Item::Link {
                url,
                hints: Hints {
                    headline,
                    published: published.map(|p| (p, Said::Feed)),
                },
                content,
            }),
            (_, None, None) => {}
        }
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone() -> SiteZone {
        SiteZone {
            name: "UTC".into(),
            zone: jiff::tz::TimeZone::UTC,
        }
    }

    fn rss(item: &str) -> Vec<Item> {
        let feed = format!(
            r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>https://news.example/</link><description>D</description>{item}</channel></rss>"#
        );
        let base = Url::parse("https://news.example/feed.xml").expect("a URL");
        items(feed.as_bytes(), &base, &zone()).expect("a feed")
    }

    #[test]
    fn short_content_without_a_summary_is_the_whole_article() {
        let found = rss(
            "<item><title>v1.2 released</title><link>https://news.example/v1-2</link><pubDate>Thu, 04 Jan 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>Fixes a crash on start.</p>]]></content:encoded></item>",
        );
        assert!(matches!(found.as_slice(), [Item::Full(_)]), "{found:?}");
    }

    #[test]
    fn a_summary_is_fetched_and_kept_in_case_the_page_is_gone() {
        let found = rss(
            "<item><title>A</title><link>https://news.example/a</link><description>The short of it.</description></item>",
        );
        let [Item::Link {
            url,
            content,
            hints,
        }] = found.as_slice()
        else {
            panic!("{found:?}");
        };
        assert_eq!(url.to_string(), "https://news.example/a");
        assert_eq!(hints.headline.as_deref(), Some("A"));
        assert!(content.as_ref().is_some_and(|d| !d.body.is_empty()));
    }
}
