//! Writing a site: the imported articles, then from every article in the
//! site (old and new) each one's related news (the newest others of its
//! category) and its date index link, and the date indexes themselves.
//! Everything is sorted and written the same way each time, so importing
//! the same input twice writes the same bytes.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;

use news_widget::model::{
    Article, ArticleSummary, Block, DateIndex, DateIndexUrl, Day, Document, Thumbnail, TimeZone,
};

use super::date::Moment;
use super::draft::SiteZone;
use super::media::write_if_changed;
use crate::format::to_json;
use crate::site::{link, FileStem, SiteDir, ARTICLES, DATES};
use crate::Failure;

/// How many related articles an article lists.
pub const RELATED: usize = 6;

/// Writes `imported` into `site`, whose articles were `existing` (an
/// imported article replaces the file of its id: the import gave it that
/// id because it is the same article), and brings every article's related
/// list, date index link and the date indexes up to date. Returns the
/// files written for `imported`, in order.
pub fn write(
    site: &SiteDir,
    existing: Existing,
    imported: &[(FileStem, Article)],
    zone: &SiteZone,
) -> Result<Vec<PathBuf>, Failure> {
    let mut all = existing.articles;
    for (stem, article) in imported {
        all.insert(stem.clone(), article.clone());
    }
    let articles_dir = site.root().join(ARTICLES);
    std::fs::create_dir_all(&articles_dir).map_err(|e| Failure::io(&articles_dir, e))?;
    let dates_dir = site.root().join(DATES);
    std::fs::create_dir_all(&dates_dir).map_err(|e| Failure::io(&dates_dir, e))?;

    // Newest first, then by id: the order of related lists and date indexes.
    let mut order: Vec<(&FileStem, &Article)> = all.iter().collect();
    order.sort_by(|(a_stem, a), (b_stem, b)| {
        instant(b).cmp(&instant(a)).then_with(|| a_stem.cmp(b_stem))
    });

    let mut finished: Vec<(FileStem, Article)> = Vec::new();
    for (stem, article) in &order {
        let mut article = (*article).clone();
        let category = article
            .category
            .as_ref()
            .map(|c| c.name.as_str().to_owned());
        let related: Vec<ArticleSummary> = order
            .iter()
            .filter(|(other, a)| {
                other != stem
                    && category.is_some()
                    && a.category.as_ref().map(|c| c.name.as_str()) == category.as_deref()
            })
            .take(RELATED)
            .filter_map(|(other, a)| summary(a, link::article(other)))
            .collect();
        article.related = Rc::from(related);
        article.date_index = DateIndexUrl::new(&link::date_index(), "");
        finished.push(((*stem).clone(), article));
    }

    let mut written = Vec::new();
    for (stem, article) in &finished {
        let path = site.article(stem);
        let json = to_json(article).map_err(|e| Failure::Usage(e.to_string()))?;
        write_if_changed(&path, json.as_bytes()).map_err(|e| Failure::io(&path, e))?;
        if imported.iter().any(|(s, _)| s == stem) {
            written.push(path);
        }
    }

    // Each day's index, in the site's zone; days that had an index and now
    // have no article get an empty one, so no index lists a moved article.
    let tz = TimeZone::try_from(zone.name.clone()).map_err(Failure::Usage)?;
    let mut days: BTreeMap<Day, Vec<ArticleSummary>> = BTreeMap::new();
    for day in existing_days(site) {
        days.entry(day).or_default();
    }
    for (stem, article) in &finished {
        let Some(day) = day_of(article, zone) else {
            continue;
        };
        if let Some(item) = summary(article, link::article_from_dates(stem)) {
            days.entry(day).or_default().push(item);
        }
    }
    for (day, items) in days {
        let index = DateIndex {
            date: day,
            time_zone: tz.clone(),
            items,
        };
        let path = site.date_index(day);
        let json = to_json(&index).map_err(|e| Failure::Usage(e.to_string()))?;
        write_if_changed(&path, json.as_bytes()).map_err(|e| Failure::io(&path, e))?;
    }
    Ok(written)
}

/// The articles already in a site.
#[derive(Debug, Default)]
pub struct Existing {
    /// By the stems of their files.
    pub articles: BTreeMap<FileStem, Article>,
    /// The stems of files that do not parse: left alone (`validate` names
    /// them), and their ids taken.
    pub unreadable: Vec<FileStem>,
}

/// The articles already in the site.
pub fn existing(site: &SiteDir) -> Result<Existing, Failure> {
    let dir = site.root().join(ARTICLES);
    let mut found = Existing::default();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(found);
    };
    for entry in entries {
        let path = entry.map_err(|e| Failure::io(&dir, e))?.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Some(stem) = path
            .file_stem()
            .and_then(|s| FileStem::new(&s.to_string_lossy()).ok())
        else {
            continue;
        };
        let bytes = std::fs::read(&path).map_err(|e| Failure::io(&path, e))?;
        match Article::parse(&bytes) {
            Ok(article) => {
                found.articles.insert(stem, article);
            }
            Err(_) => found.unreadable.push(stem),
        }
    }
    Ok(found)
}

/// The days that have an index file.
fn existing_days(site: &SiteDir) -> Vec<Day> {
    let Ok(entries) = std::fs::read_dir(site.root().join(DATES)) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| {
            e.ok()?
                .path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .filter_map(|s| Day::parse(&s).ok())
        .collect()
}

/// When an article was published, as an instant.
fn instant(article: &Article) -> Option<jiff::Timestamp> {
    article.published.as_str().parse().ok()
}

/// The day `article` was published, in the site's zone.
fn day_of(article: &Article, zone: &SiteZone) -> Option<Day> {
    let at = instant(article)?;
    let moment = Moment {
        at,
        offset: zone.zone.to_offset(at),
    };
    Day::parse(&moment.day_in(&zone.zone).to_string()).ok()
}

/// `article` as a list item whose JSON is at `src`, with its first photo
/// as the thumbnail.
fn summary(article: &Article, src: String) -> Option<ArticleSummary> {
    let thumbnail = article.body.iter().find_map(|block| match block {
        Block::Image(image) => Some(Thumbnail {
            src: image.src.clone(),
            width: image.width,
            height: image.height,
        }),
        _ => None,
    });
    Some(ArticleSummary {
        id: article.id.clone(),
        headline: article.headline.clone(),
        published: article.published.clone(),
        thumbnail,
        url: article.url.clone(),
        src: src.try_into().ok()?,
    })
}
