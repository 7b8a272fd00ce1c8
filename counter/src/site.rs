//! The articles counted: the site folder's `articles/*.json`, read with the
//! widget's own model, and read again when the folder changes, so new
//! articles count without a restart.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use news_widget::model::{Article, ArticleId, Document};

use crate::error::{Error, Result};

/// What the counter knows of one article.
#[derive(Debug, Clone)]
pub struct Counted {
    /// The newsroom's zone, whose day a view belongs to.
    pub zone: jiff::tz::TimeZone,
    /// The count the article's JSON carries: where its live count starts.
    pub view_count: u64,
    /// For the dashboard.
    pub headline: String,
}

/// The articles of a site, by id.
pub type Articles = HashMap<ArticleId, Counted>;

/// A site folder, watched.
pub struct Site {
    folder: PathBuf,
    articles: RwLock<Arc<Articles>>,
    seen: RwLock<Option<SystemTime>>,
}

impl Site {
    /// Reads the site in `folder` (its `articles/` must exist).
    pub fn open(folder: &Path) -> Result<Site> {
        let site = Site {
            folder: folder.to_owned(),
            articles: RwLock::default(),
            seen: RwLock::default(),
        };
        site.refresh()?;
        Ok(site)
    }

    /// The articles as last read.
    pub fn articles(&self) -> Arc<Articles> {
        Arc::clone(&self.articles.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Reads the articles again if `articles/` changed since the last read
    /// (its modification time moves when a file is added, removed or
    /// renamed into it, as `import` writes). True if it read them.
    pub fn refresh(&self) -> Result<bool> {
        let dir = self.folder.join("articles");
        let modified = std::fs::metadata(&dir)
            .and_then(|m| m.modified())
            .map_err(|e| Error::Site(dir.clone(), e))?;
        if *self.seen.read().unwrap_or_else(|e| e.into_inner()) == Some(modified) {
            return Ok(false);
        }
        let articles = read(&dir)?;
        *self.articles.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(articles);
        *self.seen.write().unwrap_or_else(|e| e.into_inner()) = Some(modified);
        Ok(true)
    }

    /// The distinct zones of the articles.
    pub fn zones(&self) -> Vec<jiff::tz::TimeZone> {
        let mut zones: Vec<jiff::tz::TimeZone> = Vec::new();
        for counted in self.articles().values() {
            if !zones.contains(&counted.zone) {
                zones.push(counted.zone.clone());
            }
        }
        zones
    }
}

/// Every article in `dir` that the widget would show; a file it would
/// refuse is left out with a line on stderr (`news-widget validate` says more).
fn read(dir: &Path) -> Result<Articles> {
    let mut articles = Articles::new();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Site(dir.to_owned(), e))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        match Article::parse(&bytes) {
            Ok(article) => {
                let Ok(zone) = jiff::tz::TimeZone::get(article.time_zone.as_str()) else {
                    eprintln!(
                        "{}: unknown time zone {}, not counted",
                        path.display(),
                        article.time_zone.as_str()
                    );
                    continue;
                };
                let counted = Counted {
                    zone,
                    view_count: article.view_count.unwrap_or(0),
                    headline: article.headline.as_str().to_owned(),
                };
                articles.insert(article.id, counted);
            }
            Err(error) => eprintln!("{}: {error}, not counted", path.display()),
        }
    }
    Ok(articles)
}
