//! PostgreSQL: for several counter processes behind a load balancer. They
//! share the counts, the day's salts and its readers, so a reader seen by
//! two processes counts once: the readers table's key decides.

use news_widget::model::{ArticleId, Day};
use postgres::error::SqlState;
use postgres::{Client, NoTls, Transaction};

use super::{article_id, as_i64, as_u64, day, salt, StatsQuery, StatsRow, Store, Tally, View};
use crate::error::Result;
use crate::partner::Partner;
use crate::reader::Salt;

const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS counts (article TEXT PRIMARY KEY, count BIGINT NOT NULL);
    CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt BYTEA NOT NULL);
    CREATE TABLE IF NOT EXISTS readers (day TEXT NOT NULL, key BIGINT NOT NULL, PRIMARY KEY (day, key));
    CREATE TABLE IF NOT EXISTS daily (
        day TEXT NOT NULL, article TEXT NOT NULL, partner TEXT NOT NULL,
        views BIGINT NOT NULL, readers BIGINT NOT NULL,
        PRIMARY KEY (day, article, partner));
";

/// How often a batch is tried when PostgreSQL picks it as a deadlock's
/// victim or a serialization failure (two processes on the same rows).
const TRIES: usize = 5;

/// A PostgreSQL connection.
pub struct Postgres(Client);

impl Postgres {
    /// Connects to `url` and makes the tables when missing.
    pub fn open(url: &str) -> Result<Postgres> {
        let mut client = Client::connect(url, NoTls)?;
        // Two processes starting at once both create: one waits on the lock.
        client.batch_execute(&format!(
            "SELECT pg_advisory_lock(7202212); {SCHEMA} SELECT pg_advisory_unlock(7202212);"
        ))?;
        Ok(Postgres(client))
    }
}

impl Store for Postgres {
    fn checkpoint(&mut self) -> Result<()> {
        // A commit is on disk when it returns (synchronous_commit).
        Ok(())
    }

    fn salt(&mut self, day: Day) -> Result<Salt> {
        let day = day.to_string();
        self.0.execute(
            "INSERT INTO salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING",
            &[&day, &Salt::random().0.as_slice()],
        )?;
        let row = self
            .0
            .query_one("SELECT salt FROM salts WHERE day = $1", &[&day])?;
        salt(row.get(0))
    }

    fn apply(&mut self, views: &[View]) -> Result<Vec<(ArticleId, u64)>> {
        let mut tries = 0;
        loop {
            let mut tx = self.0.transaction()?;
            match apply(&mut tx, views).and_then(|counts| tx.commit().map(|()| counts)) {
                Ok(counts) => return Ok(counts),
                Err(error) if tries + 1 < TRIES && retry(&error) => tries += 1,
                Err(error) => return Err(error.into()),
            }
        }
    }

    fn counts(&mut self) -> Result<Vec<(ArticleId, u64)>> {
        self.0
            .query("SELECT article, count FROM counts", &[])?
            .into_iter()
            .map(|row| Ok((article_id(row.get(0))?, as_u64(row.get(1)))))
            .collect()
    }

    fn forget_before(&mut self, first: Day) -> Result<()> {
        let first = first.to_string();
        let mut tx = self.0.transaction()?;
        tx.execute("DELETE FROM salts WHERE day < $1", &[&first])?;
        tx.execute("DELETE FROM readers WHERE day < $1", &[&first])?;
        tx.commit()?;
        Ok(())
    }

    fn stats(&mut self, query: &StatsQuery) -> Result<Vec<StatsRow>> {
        let rows = self.0.query(
            "SELECT day, article, partner, views, readers FROM daily
             WHERE ($1::text IS NULL OR day >= $1) AND ($2::text IS NULL OR day <= $2)
               AND ($3::text IS NULL OR article = $3)
             ORDER BY day, article, partner",
            &[
                &query.from.map(|d| d.to_string()),
                &query.to.map(|d| d.to_string()),
                &query.article,
            ],
        )?;
        rows.into_iter()
            .map(|row| {
                Ok(StatsRow {
                    day: day(row.get(0))?,
                    article: article_id(row.get(1))?,
                    partner: Partner::parse(row.get(2)),
                    views: as_u64(row.get(3)),
                    readers: as_u64(row.get(4)),
                })
            })
            .collect()
    }
}

/// One batch in one round trip per table: arrays unnested by the server.
/// Rows are written in key order, so two processes lock them in the same
/// order and cannot deadlock on them.
fn apply(
    tx: &mut Transaction<'_>,
    views: &[View],
) -> Result<Vec<(ArticleId, u64)>, postgres::Error> {
    let mut order: Vec<usize> = (0..views.len()).collect();
    order.sort_by_key(|&i| (views[i].day, views[i].reader));
    let days: Vec<String> = order.iter().map(|&i| views[i].day.to_string()).collect();
    let keys: Vec<i64> = order.iter().map(|&i| views[i].reader.0).collect();
    let inserted = tx.query(
        "INSERT INTO readers (day, key) SELECT * FROM unnest($1::text[], $2::int8[])
         ON CONFLICT DO NOTHING RETURNING day, key",
        &[&days, &keys],
    )?;
    let inserted: std::collections::HashSet<(String, i64)> = inserted
        .into_iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect();
    // A reader twice in one batch is new once: the first of its views.
    let mut first = std::collections::HashSet::new();
    let new: Vec<bool> = views
        .iter()
        .map(|v| {
            let key = (v.day.to_string(), v.reader.0);
            inserted.contains(&key) && first.insert(key)
        })
        .collect();
    let tally = Tally::of(views, &new);

    let (mut d, mut a, mut p, mut v, mut r) = (vec![], vec![], vec![], vec![], vec![]);
    for ((day, article, partner), (views, readers)) in &tally.rows {
        d.push(day.to_string());
        a.push(*article);
        p.push(*partner);
        v.push(*views);
        r.push(*readers);
    }
    tx.execute(
        "INSERT INTO daily (day, article, partner, views, readers)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::int8[])
         ON CONFLICT (day, article, partner)
         DO UPDATE SET views = daily.views + excluded.views, readers = daily.readers + excluded.readers",
        &[&d, &a, &p, &v, &r],
    )?;

    let articles: Vec<&str> = tally.articles.keys().copied().collect();
    let bases: Vec<i64> = tally
        .articles
        .values()
        .map(|(_, base, _)| as_i64(*base))
        .collect();
    let gained: Vec<i64> = tally
        .articles
        .values()
        .map(|(_, _, gained)| *gained)
        .collect();
    tx.execute(
        "INSERT INTO counts (article, count) SELECT * FROM unnest($1::text[], $2::int8[])
         ON CONFLICT (article) DO NOTHING",
        &[&articles, &bases],
    )?;
    let rows = tx.query(
        "UPDATE counts SET count = counts.count + t.gained
         FROM (SELECT c.article, g.gained FROM counts c
               JOIN unnest($1::text[], $2::int8[]) AS g(article, gained) USING (article)
               ORDER BY c.article FOR UPDATE OF c) AS t
         WHERE counts.article = t.article RETURNING counts.article, counts.count",
        &[&articles, &gained],
    )?;
    let mut counts = Vec::with_capacity(rows.len());
    for row in rows {
        let id: String = row.get(0);
        let count: i64 = row.get(1);
        if let Some((article, _, _)) = tally.articles.get(id.as_str()) {
            counts.push(((*article).clone(), as_u64(count)));
        }
    }
    Ok(counts)
}

/// Whether PostgreSQL asks for the transaction to be tried again.
fn retry(error: &postgres::Error) -> bool {
    matches!(
        error.code(),
        Some(&SqlState::T_R_DEADLOCK_DETECTED) | Some(&SqlState::T_R_SERIALIZATION_FAILURE)
    )
}
