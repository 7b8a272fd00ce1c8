//! What the corpus tests share: a saved page imported as `news-widget
//! import page.html` reads it, the text comparisons the labels are scored
//! with, and the printed table with its floors.

use news_widget::model::{plain, Article, Block, Image};
use publisher::import::draft::{id, Hints, MediaLinks, SiteZone};
use url::Url;

/// Reads a gzipped fixture.
pub fn gunzip(path: &std::path::Path) -> Vec<u8> {
    use std::io::Read;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .read_to_end(&mut bytes)
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    bytes
}

/// The page at `file` (its bytes `html`), imported as a saved file is,
/// in the zone the importer defaults to; or why it was skipped.
pub fn import(file: &std::path::Path, html: &[u8], dump: bool) -> Result<Article, String> {
    let base = Url::from_file_path(file).map_err(|()| "a file URL".to_owned())?;
    let draft = publisher::import::article_from_html(html, None, &base, None, &Hints::default())
        .map_err(|e| e.to_string())?;
    if dump {
        let shown = format!("{draft:#?}");
        println!("{}", shown.lines().take(400).collect::<Vec<_>>().join("\n"));
    }
    let zone = SiteZone {
        name: "Asia/Ho_Chi_Minh".into(),
        zone: jiff::tz::db()
            .get("Asia/Ho_Chi_Minh")
            .map_err(|e| e.to_string())?,
    };
    let id = first_id(&draft);
    draft
        .into_article(&zone, &MediaLinks::new(), &id)
        .map(|(article, _)| article)
        .map_err(|e| e.to_string())
}

/// Whether `CORPUS_DUMP` names this page: it then prints what it became.
pub fn dumping(name: &str) -> bool {
    std::env::var("CORPUS_DUMP").is_ok_and(|n| n == name)
}

/// Whitespace runs as one space, trimmed.
pub fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first 80 characters, whitespace normalized.
pub fn first80(text: &str) -> String {
    let head: String = normal(text).chars().take(80).collect();
    head.trim_end().to_owned()
}

/// Letters and digits only, lowercased: for comparing texts that differ
/// in punctuation, spacing or quotes.
pub fn letters(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The article's paragraphs (and list lines, which are paragraphs in the
/// format), as plain text.
pub fn paragraphs(article: &Article) -> Vec<String> {
    article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(plain(&p.text)),
            _ => None,
        })
        .filter(|t| !normal(t).is_empty())
        .collect()
}

/// The article's photos.
pub fn images(article: &Article) -> Vec<&Image> {
    article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Image(i) => Some(&**i),
            _ => None,
        })
        .collect()
}

/// Authors as a set: lowercased, whitespace normalized, sorted.
pub fn name_set<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut set: Vec<String> = names.map(|n| normal(n).to_lowercase()).collect();
    set.sort();
    set.dedup();
    set
}

/// `n` of `of` as a percentage (100 when there is nothing to count).
pub fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        100.0
    } else {
        n as f64 * 100.0 / of as f64
    }
}

/// A ✓ or a ✗.
pub fn tick(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

/// One row of the summary: a field, its score, and the floor it must reach
/// (`None`: printed, not held to anything).
pub struct Score {
    /// What is scored.
    pub field: &'static str,
    /// How much of it is right, in percent.
    pub score: f64,
    /// The least it may be.
    pub floor: Option<f64>,
}

/// Prints the summary and fails naming every field below its floor.
pub fn hold_to_floors(scores: &[Score]) {
    println!();
    for s in scores {
        match s.floor {
            Some(floor) => println!("{:<28} {:5.1}%  (floor {floor}%)", s.field, s.score),
            None => println!("{:<28} {:5.1}%  (no floor)", s.field, s.score),
        }
    }
    let below: Vec<String> = scores
        .iter()
        .filter_map(|s| {
            let floor = s.floor?;
            (s.score < floor).then(|| format!("{} {:.1}% < {floor}%", s.field, s.score))
        })
        .collect();
    assert!(below.is_empty(), "below the floor: {}", below.join(", "));
}

/// The id the importer gives a draft first.
fn first_id(draft: &publisher::import::draft::Draft) -> publisher::site::FileStem {
    id::candidates(draft)
        .into_iter()
        .next()
        .expect("a hash at least")
}
