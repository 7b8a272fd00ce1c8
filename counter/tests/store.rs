//! The SQLite store's rules, each on its own: a reader counts once per
//! article a day, reloads and other partners add views but no reader, a
//! restart forgets nobody counted today, a day that is over is forgotten.
//! (PostgreSQL shares the same rules; `e2e/counter.test.mjs` runs two
//! counter processes on a real one.)

use std::path::PathBuf;

use counter::partner::Partner;
use counter::reader::ReaderKey;
use counter::store::{self, Database, StatsQuery, StatsRow, Store, View};
use news_widget::model::{ArticleId, Day, Label};

fn id(s: &str) -> ArticleId {
    ArticleId::from(Label::try_from(s.to_owned()).unwrap())
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

/// A fresh SQLite file.
fn db(name: &str) -> Database {
    let dir = std::env::temp_dir().join(format!("nw-counter-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Database::Sqlite(dir.join("views.db"))
}

fn view(article: &str, on: &str, reader: i64, partner: Option<&str>) -> View {
    View {
        article: id(article),
        base: 100,
        day: day(on),
        reader: ReaderKey(reader),
        partner: partner.and_then(Partner::parse),
    }
}

fn count(store: &mut dyn Store, views: &[View]) -> Vec<u64> {
    let counts = store.apply(views).unwrap();
    views
        .iter()
        .map(|v| counts.iter().find(|(a, _)| *a == v.article).unwrap().1)
        .collect()
}

#[test]
fn a_reader_counts_once_per_article_a_day() {
    let mut s = store::open(&db("once")).unwrap();
    let a = "https://a.example";
    assert_eq!(
        count(s.as_mut(), &[view("1", "2026-12-07", 7, Some(a))]),
        [101],
        "starts from the JSON's count"
    );
    assert_eq!(
        count(s.as_mut(), &[view("1", "2026-12-07", 7, Some(a))]),
        [101],
        "a reload adds nothing"
    );
    assert_eq!(
        count(s.as_mut(), &[view("1", "2026-12-07", 8, Some(a))]),
        [102],
        "another reader"
    );
    assert_eq!(
        count(s.as_mut(), &[view("2", "2026-12-07", 20, None)]),
        [101],
        "another article, its own count"
    );
    // In one batch: a reader twice and a new one.
    let batch = [
        view("1", "2026-12-07", 9, None),
        view("1", "2026-12-07", 9, None),
        view("1", "2026-12-07", 10, None),
    ];
    assert_eq!(count(s.as_mut(), &batch), [104, 104, 104]);
}

#[test]
fn views_and_readers_per_day_article_and_partner() {
    let mut s = store::open(&db("stats")).unwrap();
    let (a, b) = (Some("https://a.example/page"), Some("https://b.example"));
    count(
        s.as_mut(),
        &[view("1", "2026-12-07", 1, a), view("1", "2026-12-07", 1, a)],
    );
    // The same reader on another partner: a view there, no reader.
    count(
        s.as_mut(),
        &[
            view("1", "2026-12-07", 1, b),
            view("1", "2026-12-07", 2, None),
        ],
    );
    count(s.as_mut(), &[view("1", "2026-12-08", 1, a)]);
    let row = |d: &str, partner: Option<&str>, views, readers| StatsRow {
        day: day(d),
        article: id("1"),
        partner: partner.and_then(Partner::parse),
        views,
        readers,
    };
    let all = s.stats(&StatsQuery::default()).unwrap();
    assert_eq!(
        all,
        [
            row("2026-12-07", None, 1, 1),
            row("2026-12-07", a, 2, 1),
            row("2026-12-07", b, 1, 0),
            row("2026-12-08", a, 1, 1),
        ]
    );
    let one_day = StatsQuery {
        from: Some(day("2026-12-08")),
        ..StatsQuery::default()
    };
    assert_eq!(s.stats(&one_day).unwrap(), [row("2026-12-08", a, 1, 1)]);
    let other = StatsQuery {
        article: Some("2".into()),
        ..StatsQuery::default()
    };
    assert_eq!(s.stats(&other).unwrap(), []);
}

#[test]
fn a_restart_forgets_no_reader_of_today() {
    let database = db("restart");
    let salt = {
        let mut s = store::open(&database).unwrap();
        count(s.as_mut(), &[view("1", "2026-12-07", 1, None)]);
        s.salt(day("2026-12-07")).unwrap()
    };
    let mut s = store::open(&database).unwrap();
    assert_eq!(
        s.salt(day("2026-12-07")).unwrap(),
        salt,
        "the day's salt survives"
    );
    assert_ne!(
        s.salt(day("2026-12-08")).unwrap(),
        salt,
        "each day has its own"
    );
    assert_eq!(
        count(s.as_mut(), &[view("1", "2026-12-07", 1, None)]),
        [101],
        "counted already"
    );
    assert_eq!(s.counts().unwrap(), [(id("1"), 101)]);
}

#[test]
fn a_day_that_is_over_is_forgotten() {
    let mut s = store::open(&db("forget")).unwrap();
    let monday = s.salt(day("2026-12-07")).unwrap();
    count(s.as_mut(), &[view("1", "2026-12-07", 1, None)]);
    s.forget_before(day("2026-12-08")).unwrap();
    // Monday's salt is gone: asking for it again makes a new one.
    assert_ne!(s.salt(day("2026-12-07")).unwrap(), monday);
    // And Monday's readers: the same key would count again.
    assert_eq!(
        count(s.as_mut(), &[view("1", "2026-12-07", 1, None)]),
        [102]
    );
    // The stats stay.
    assert_eq!(s.stats(&StatsQuery::default()).unwrap()[0].views, 2);
}

#[test]
fn the_file_holds_no_address_or_user_agent() {
    let database = db("private");
    let Database::Sqlite(path) = &database else {
        unreachable!()
    };
    let path: PathBuf = path.clone();
    let mut s = store::open(&database).unwrap();
    let salt = s.salt(day("2026-12-07")).unwrap();
    let ip = "203.0.113.77".parse().unwrap();
    let ua = b"Mozilla/5.0 (Reader-77) Firefox/140.0";
    let reader = ReaderKey::new(&salt, ip, ua, &id("1"));
    s.apply(&[View {
        reader,
        ..view("1", "2026-12-07", 0, None)
    }])
    .unwrap();
    drop(s);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend(std::fs::read(path.with_extension("db-wal")).unwrap_or_default());
    let holds = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(
        !holds(b"203.0.113.77") && !holds(&[203, 0, 113, 77]),
        "an IP"
    );
    assert!(!holds(b"Reader-77"), "a user agent");
    assert!(holds(b"2026-12-07"), "the check reads the file");
}
