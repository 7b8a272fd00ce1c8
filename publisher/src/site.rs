//! A site folder's layout, the one place that says where a site's files
//! are: `articles/<id>.json`, `dates/<YYYY-MM-DD>.json`, `media/`; and which
//! ids can name files.

use std::fmt;
use std::path::{Path, PathBuf};

use news_widget::model::{ArticleId, Day};

/// The folder of a site's articles.
pub const ARTICLES: &str = "articles";
/// The folder of a site's date indexes.
pub const DATES: &str = "dates";
/// The folder of a site's photos and videos.
pub const MEDIA: &str = "media";

/// An article id that can name the article's files: letters, digits, `-`,
/// `_` and `.`, not starting with `.`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileStem(String);

impl FileStem {
    /// The stem of `id`'s files, if it can name one.
    pub fn of(id: &ArticleId) -> Result<FileStem, String> {
        FileStem::new(id.as_str())
    }

    /// `id` as a stem, if it can name files.
    pub fn new(id: &str) -> Result<FileStem, String> {
        let usable =
            !id.starts_with('.') && id.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c));
        match usable {
            true => Ok(FileStem(id.to_owned())),
            false => Err(format!(
                "\"{id}\" cannot name a file (letters, digits, - _ . only)"
            )),
        }
    }

    /// The stem as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FileStem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A site folder.
#[derive(Debug, Clone)]
pub struct SiteDir(PathBuf);

impl SiteDir {
    /// The site in the folder `root`.
    pub fn new(root: impl Into<PathBuf>) -> SiteDir {
        SiteDir(root.into())
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.0
    }

    /// Where the article `stem`'s JSON is.
    pub fn article(&self, stem: &FileStem) -> PathBuf {
        self.0.join(ARTICLES).join(format!("{stem}.json"))
    }

    /// Where the index of `day` is.
    pub fn date_index(&self, day: Day) -> PathBuf {
        self.0.join(DATES).join(format!("{day}.json"))
    }

    /// The media folder.
    pub fn media(&self) -> PathBuf {
        self.0.join(MEDIA)
    }

    /// `file`'s path inside the site, as URL path segments (`articles/1.json`).
    pub fn url_path(&self, file: &Path) -> String {
        let inside = file.strip_prefix(&self.0).unwrap_or(file);
        let parts: Vec<String> = inside
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }
}

/// URLs as one article's JSON names the site's other files (relative, so a
/// site works wherever it is served).
pub mod link {
    use super::{FileStem, ARTICLES, DATES, MEDIA};

    /// Another article's JSON, from an article's.
    pub fn article(stem: &FileStem) -> String {
        format!("{stem}.json")
    }

    /// An article's JSON, from a date index.
    pub fn article_from_dates(stem: &FileStem) -> String {
        format!("../{ARTICLES}/{stem}.json")
    }

    /// The date index template, from an article's JSON.
    pub fn date_index() -> String {
        format!("../{DATES}/{{date}}.json")
    }

    /// A media file (`name` in `media/`), from an article's JSON or a date index.
    pub fn media(name: &str) -> String {
        format!("../{MEDIA}/{name}")
    }
}
