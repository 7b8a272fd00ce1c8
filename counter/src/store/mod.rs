//! Where counts live: the day's salts and readers, each article's count,
//! and the views and readers per day, article and partner.
//!
//! Both stores take a whole batch of views in one transaction (the
//! [`writer`](crate::writer) gathers them) and answer with the count of
//! every article in it, so a view is on disk before its reader hears the count.

mod postgres;
mod sqlite;

use std::collections::BTreeMap;
use std::path::PathBuf;

use news_widget::model::{ArticleId, Day, Label};

use crate::error::{Error, Result};
use crate::partner::Partner;
use crate::reader::{ReaderKey, Salt};

/// Which store `--db` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file, made when missing: the embedded default.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL: for several counter processes.
    Postgres(String),
}

impl Database {
    /// `postgres://` and `postgresql://` URLs are PostgreSQL; anything else
    /// is a SQLite file's path.
    pub fn parse(db: &str) -> Database {
        if db.starts_with("postgres://") || db.starts_with("postgresql://") {
            Database::Postgres(db.to_owned())
        } else {
            Database::Sqlite(PathBuf::from(db))
        }
    }
}

/// One view, as the writer commits it.
#[derive(Debug, Clone)]
pub struct View {
    /// What was read.
    pub article: ArticleId,
    /// Where the article's count starts (its JSON's `viewCount`).
    pub base: u64,
    /// The newsroom's day it belongs to.
    pub day: Day,
    /// Who read it.
    pub reader: ReaderKey,
    /// On whose page, if known.
    pub partner: Option<Partner>,
}

/// A row of the stats: one day, article and partner.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StatsRow {
    /// The newsroom's day.
    pub day: Day,
    /// The article.
    pub article: ArticleId,
    /// The partner's origin; `None` for views whose page is not known.
    pub partner: Option<Partner>,
    /// Every view, reloads included.
    pub views: u64,
    /// The views that counted: a reader's first view of the article that
    /// day, given to the partner where the reader first read it.
    pub readers: u64,
}

/// Which stats rows to give.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct StatsQuery {
    /// The first day.
    pub from: Option<Day>,
    /// The last day.
    pub to: Option<Day>,
    /// One article only.
    pub article: Option<String>,
}

/// What a store does; the writer thread owns one, the queries another.
pub trait Store: Send {
    /// The salt of `day`, made now if no process has made it yet.
    fn salt(&mut self, day: Day) -> Result<Salt>;
    /// Commits `views` in one transaction; answers the count of each
    /// article in them, after it.
    fn apply(&mut self, views: &[View]) -> Result<Vec<(ArticleId, u64)>>;
    /// Every article's count.
    fn counts(&mut self) -> Result<Vec<(ArticleId, u64)>>;
    /// Deletes the salts and readers of the days before `first`: those days
    /// are over in every zone of the site.
    fn forget_before(&mut self, first: Day) -> Result<()>;
    /// The stats rows `query` asks for, by day, article and partner.
    fn stats(&mut self, query: &StatsQuery) -> Result<Vec<StatsRow>>;
    /// Puts what was committed on disk: each tick from the queries'
    /// connection, and from the writer's between two commits.
    fn checkpoint(&mut self) -> Result<()>;
}

/// Opens (and makes, when missing) the store `db` names.
pub fn open(db: &Database) -> Result<Box<dyn Store>> {
    match db {
        Database::Sqlite(path) => Ok(Box::new(sqlite::Sqlite::open(path)?)),
        Database::Postgres(url) => Ok(Box::new(postgres::Postgres::open(url)?)),
    }
}

/// The partner as stored: the empty text for "not known", as a key column
/// cannot be null.
fn partner_column(partner: Option<&Partner>) -> &str {
    partner.map_or("", Partner::as_str)
}

/// A batch summed up for the writes: views and readers per stats row, and
/// the readers each article gained. `new[i]`: view `i` was its reader's first.
struct Tally<'a> {
    /// Views and readers by (day, article, partner).
    rows: BTreeMap<(Day, &'a str, &'a str), (i64, i64)>,
    /// By article: the article, where its count starts, readers gained.
    articles: BTreeMap<&'a str, (&'a ArticleId, u64, i64)>,
}

impl<'a> Tally<'a> {
    fn of(views: &'a [View], new: &[bool]) -> Tally<'a> {
        let mut tally = Tally {
            rows: BTreeMap::new(),
            articles: BTreeMap::new(),
        };
        for (view, &new) in views.iter().zip(new) {
            let row = tally
                .rows
                .entry((
                    view.day,
                    view.article.as_str(),
                    partner_column(view.partner.as_ref()),
                ))
                .or_default();
            row.0 += 1;
            row.1 += i64::from(new);
            let article = tally.articles.entry(view.article.as_str()).or_insert((
                &view.article,
                view.base,
                0,
            ));
            article.2 += i64::from(new);
        }
        tally
    }
}

/// An id read back from the store; ids were checked when they went in.
fn article_id(text: String) -> Result<ArticleId> {
    Label::try_from(text)
        .map(ArticleId::from)
        .map_err(|e| Error::Database(format!("an article id in the store: {e}")))
}

/// A day read back from the store.
fn day(text: &str) -> Result<Day> {
    Day::parse(text).map_err(|e| Error::Database(format!("a day in the store: {e}")))
}

/// A salt read back from the store.
fn salt(bytes: Vec<u8>) -> Result<Salt> {
    bytes
        .try_into()
        .map(Salt)
        .map_err(|_| Error::Database("a salt in the store is not 16 bytes".into()))
}

fn as_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn as_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}
