//! RSS 2.0, RSS 1.0, Atom and JSON Feed, read by feed-rs. An item with its
//! full text (`content:encoded`, Atom `content`) becomes an article from
//! the feed alone; an item with only a summary is fetched from its link.

use url::Url;

use super::date::{Moment, Stated};
use super::draft::{Draft, SiteZone};
use super::page::{self, Hints};

/// Below this much text, an item's content is a summary, not the article.
const FULL_TEXT: usize = 400;

/// What a feed item gives.
#[derive(Debug, Clone)]
pub enum Item {
    /// The whole article.
    Full(Box<Draft>),
    /// Only a link to the article's page, and what the feed said of it.
    Link(Url, Hints),
}

/// The items of the feed in `bytes`, newest first as the feed has them.
pub fn items(bytes: &[u8], base: &Url, zone: &SiteZone) -> Result<Vec<Item>, String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base.as_str()))
        .build()
        .parse(bytes)
        .map_err(|e| format!("not a readable feed ({e})"))?;
    let mut items = Vec::new();
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .and_then(|l| base.join(&l.href).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https"));
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
        let hints = Hints {
            headline: headline.clone(),
            published,
        };
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
        let full = [&content, &summary]
            .into_iter()
            .find(|html| page::plain_text(html).chars().count() >= FULL_TEXT)
            .cloned();
        match (full, link) {
            (Some(html), link) => {
                let page_base = link.clone().unwrap_or_else(|| base.clone());
                let (body, warnings) = page::fragment(&html, &page_base);
                let lead = (summary != html)
                    .then(|| page::plain_text(&summary))
                    .filter(|s| {
                        !s.is_empty()
                            && s.chars().count() < 600
                            && !s.ends_with('…')
                            && !s.ends_with("...")
                    })
                    .map(|s| vec![news_widget::model::Inline::Text(s)])
                    .unwrap_or_default();
                let draft = Draft {
                    id: None,
                    url: link,
                    language: entry.language.clone().or_else(|| feed.language.clone()),
                    category: entry
                        .categories
                        .first()
                        .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone())),
                    headline: headline.unwrap_or_default(),
                    lead,
                    published,
                    modified: None,
                    view_count: None,
                    body,
                    authors: entry
                        .authors
                        .iter()
                        .filter_map(|a| a.name.as_deref())
                        .map(|n| n.trim().to_owned())
                        .filter(|n| !n.is_empty())
                        .collect(),
                    photo_credits: Vec::new(),
                    warnings,
                };
                items.push(Item::Full(Box::new(draft.with_photo_credits())));
            }
            (None, Some(link)) => items.push(Item::Link(link, hints)),
            (None, None) => {}
        }
    }
    Ok(items)
}
