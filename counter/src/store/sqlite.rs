//! SQLite, the embedded default: one file, in WAL mode, one writer.

use std::path::Path;

use news_widget::model::{ArticleId, Day};
use rusqlite::{params, Connection};

use super::{article_id, as_i64, as_u64, day, salt, StatsQuery, StatsRow, Store, Tally, View};
use crate::error::Result;
use crate::partner::Partner;
use crate::reader::Salt;

const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS counts (article TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS readers (day TEXT NOT NULL, key INTEGER NOT NULL, PRIMARY KEY (day, key)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS daily (
        day TEXT NOT NULL, article TEXT NOT NULL, partner TEXT NOT NULL,
        views INTEGER NOT NULL, readers INTEGER NOT NULL,
        PRIMARY KEY (day, article, partner)) WITHOUT ROWID;
";

/// A SQLite file.
pub struct Sqlite(Connection);

impl Sqlite {
    /// Opens `path`, making it and its tables when missing.
    pub fn open(path: &Path) -> Result<Sqlite> {
        let conn = Connection::open(path)?;
        // WAL: readers (the stats) never block the writer. NORMAL: a commit
        // is in the operating system's hands when it returns (an answered
        // view survives `kill -9`), and on disk at the next checkpoint,
        // which `checkpoint` makes every tick, off the writer's thread: an
        // fsync in each commit, or SQLite's own checkpoints inside commits,
        // held every view queued behind them (`make bench`, counter section).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        // A log started afresh is cut back to this, so a burst leaves no giant file.
        conn.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Sqlite(conn))
    }
}

impl Store for Sqlite {
    fn checkpoint(&mut self) -> Result<()> {
        // PASSIVE: never waits for the writer, which goes on meanwhile.
        self.0
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    fn salt(&mut self, day: Day) -> Result<Salt> {
        let day = day.to_string();
        self.0.execute(
            "INSERT OR IGNORE INTO salts (day, salt) VALUES (?1, ?2)",
            params![day, Salt::random().0.as_slice()],
        )?;
        let bytes: Vec<u8> =
            self.0
                .query_row("SELECT salt FROM salts WHERE day = ?1", [&day], |row| {
                    row.get(0)
                })?;
        salt(bytes)
    }

    fn apply(&mut self, views: &[View]) -> Result<Vec<(ArticleId, u64)>> {
        let tx = self.0.transaction()?;
        let mut new = Vec::with_capacity(views.len());
        {
            let mut reader =
                tx.prepare_cached("INSERT OR IGNORE INTO readers (day, key) VALUES (?1, ?2)")?;
            for view in views {
                new.push(reader.execute(params![view.day.to_string(), view.reader.0])? == 1);
            }
        }
        let tally = Tally::of(views, &new);
        let mut counts = Vec::with_capacity(tally.articles.len());
        {
            let mut daily = tx.prepare_cached(
                "INSERT INTO daily (day, article, partner, views, readers) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (day, article, partner)
                 DO UPDATE SET views = views + excluded.views, readers = readers + excluded.readers",
            )?;
            for ((day, article, partner), (views, readers)) in &tally.rows {
                daily.execute(params![day.to_string(), article, partner, views, readers])?;
            }
            let mut count = tx.prepare_cached(
                "INSERT INTO counts (article, count) VALUES (?1, ?2 + ?3)
                 ON CONFLICT (article) DO UPDATE SET count = count + ?3 RETURNING count",
            )?;
            for (id, (article, base, gained)) in &tally.articles {
                let n: i64 =
                    count.query_row(params![id, as_i64(*base), gained], |row| row.get(0))?;
                counts.push(((*article).clone(), as_u64(n)));
            }
        }
        tx.commit()?;
        Ok(counts)
    }

    fn counts(&mut self) -> Result<Vec<(ArticleId, u64)>> {
        let mut query = self.0.prepare_cached("SELECT article, count FROM counts")?;
        let rows = query.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
        })?;
        rows.map(|row| {
            let (article, count) = row?;
            Ok((article_id(article)?, as_u64(count)))
        })
        .collect()
    }

    fn forget_before(&mut self, first: Day) -> Result<()> {
        let first = first.to_string();
        let tx = self.0.transaction()?;
        tx.execute("DELETE FROM salts WHERE day < ?1", [&first])?;
        tx.execute("DELETE FROM readers WHERE day < ?1", [&first])?;
        tx.commit()?;
        Ok(())
    }

    fn stats(&mut self, query: &StatsQuery) -> Result<Vec<StatsRow>> {
        let mut select = self.0.prepare_cached(
            "SELECT day, article, partner, views, readers FROM daily
             WHERE (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2) AND (?3 IS NULL OR article = ?3)
             ORDER BY day, article, partner",
        )?;
        let rows = select.query_map(
            params![
                query.from.map(|d| d.to_string()),
                query.to.map(|d| d.to_string()),
                query.article
            ],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, i64>(4)?,
                ))
            },
        )?;
        rows.map(|row| {
            let (d, article, partner, views, readers) = row?;
            Ok(StatsRow {
                day: day(&d)?,
                article: article_id(article)?,
                partner: Partner::parse(&partner),
                views: as_u64(views),
                readers: as_u64(readers),
            })
        })
        .collect()
    }
}
