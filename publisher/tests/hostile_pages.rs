//! The importer on pages written to break it: huge, nested thousands
//! deep, not HTML, not UTF-8, full of scripts and `javascript:` links,
//! and thousands of damaged versions of the corpus pages (mutation fuzzing;
//! `make test` runs a seeded short run, `make fuzz` a long one). Nothing
//! may panic or hang; what comes out is either a clear reason or an article
//! the widget's own model accepts, with nothing of the page's markup in it.

use std::io::Read;
use std::path::PathBuf;

use news_widget::model::{Article, Document};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use publisher::format::to_json;
use publisher::import::draft::{id, Hints, MediaLinks, SiteZone};
use url::Url;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/corpus");

fn zone() -> SiteZone {
    SiteZone {
        name: "Asia/Ho_Chi_Minh".into(),
        zone: jiff::tz::db().get("Asia/Ho_Chi_Minh").expect("bundled"),
    }
}

/// The page imported as a saved file would be: an article, or why not.
fn import(html: &[u8]) -> Result<Article, String> {
    import_at(html, "https://news.example/2024/05/01/page-1234.html")
}

/// The page imported as if it were at `url`.
fn import_at(html: &[u8], url: &str) -> Result<Article, String> {
    let base = Url::parse(url).expect("a URL");
    let draft =
        publisher::import::article_from_html(html, None, &base, Some(&base), &Hints::default())
            .map_err(|e| e.to_string())?;
    let id = first_id(&draft);
    draft
        .into_article(&zone(), &MediaLinks::new(), &id)
        .map(|(article, _)| article)
        .map_err(|e| e.to_string())
}

/// What must never come out of a page, whatever it held: a URL the
/// widget would run. (Markup as text, like `"><script>` in a caption, is
/// text: the widget never parses it.)
fn assert_clean(article: &Article) {
    let json = to_json(article).expect("JSON");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let mut strings = Vec::new();
    collect_strings(&value, &mut strings);
    for s in strings {
        let lower: String = s
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        for bad in ["javascript:", "vbscript:", "data:text"] {
            assert!(!lower.starts_with(bad), "{bad} got through: {s}");
        }
    }
    Article::parse(json.as_bytes()).expect("the model reads it back");
}

fn collect_strings<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(fields) => fields.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

const DATED: &str =
    r#"<meta property="article:published_time" content="2024-05-01T10:00:00+07:00">"#;

fn page(head: &str, body: &str) -> Vec<u8> {
    format!("<!doctype html><html lang=vi><head>{DATED}{head}</head><body>{body}</body></html>")
        .into_bytes()
}

#[test]
fn scripts_and_unsafe_urls_become_text_or_nothing() {
    let html = page(
        "<title>&lt;script&gt;alert(1)&lt;/script&gt; Tin</title>",
        r#"<article><h1><script>alert(1)</script>Tin &lt;b onmouseover=x&gt;</h1>
        <p onclick="alert(1)">Đoạn văn có <a href="javascript:alert(1)">một liên kết xấu</a>, <a href=" JaVaScRiPt:alert(1)">một nữa</a>,
        <a href="data:text/html,<script>x</script>">dữ liệu</a> và <a href="vbscript:x">vb</a>, đủ dài để là văn xuôi.</p>
        <img src="javascript:alert(1)" onerror="alert(1)" width=400 height=300>
        <img src="https://news.example/ok.jpg" alt="&quot;&gt;&lt;script&gt;" width=400 height=300>
        <video><source src="javascript:alert(1)"></video>
        <iframe src="javascript:alert(1)"></iframe>
        <p>Đoạn thứ hai của bài viết, cũng đủ dài để được coi là văn xuôi, có dấu phẩy, thêm vài chữ.</p></article>"#,
    );
    let article = import(&html).expect("an article");
    assert_clean(&article);
    assert_eq!(
        article.headline.as_str(),
        "Tin <b onmouseover=x>",
        "markup in a headline is text"
    );
    let json = to_json(&article).expect("JSON");
    assert!(
        json.contains("một liên kết xấu"),
        "the link's text stays, without its link"
    );
    assert!(json.contains("https://news.example/ok.jpg"));
}

#[test]
fn a_page_nested_a_hundred_thousand_deep_imports_without_overflowing() {
    let depth = 100_000;
    let mut body = "<div>".repeat(depth);
    body.push_str("<p>Một đoạn văn sâu tận đáy, đủ dài để được coi là văn xuôi, có dấu phẩy, thêm vài chữ.</p>");
    body.push_str(&"</div>".repeat(depth));
    let html = page("<title>Sâu</title>", &format!("<h1>Sâu</h1>{body}<p>Một đoạn văn ở ngoài, đủ dài để được coi là văn xuôi, có dấu phẩy, thêm vài chữ.</p>"));
    let article = import(&html).expect("an article");
    assert_clean(&article);
    // Spans nested as deep, inside a paragraph.
    let spans = format!(
        "<p>{}chữ{}</p>",
        "<span>".repeat(depth),
        "</span>".repeat(depth)
    );
    let article =
        import(&page("<title>Sâu</title>", &format!("<h1>Sâu</h1>{spans}"))).expect("an article");
    assert_clean(&article);
}

#[test]
fn a_huge_page_imports_and_one_too_large_is_refused_with_why() {
    let paragraph = "<p>Một đoạn văn dài, đủ dài để được coi là văn xuôi, có dấu phẩy, thêm vài chữ nữa cho đủ.</p>";
    let html = page(
        "<title>Lớn</title>",
        &format!("<h1>Lớn</h1>{}", paragraph.repeat(60_000)),
    );
    assert!(html.len() > 6 * 1024 * 1024);
    let article = import(&html).expect("an article, cut to the format's 2 MiB");
    assert!(article.body.len() > 1_000);
    assert!(to_json(&article).expect("JSON").len() <= news_widget::model::MAX_DOCUMENT_BYTES);
    assert_clean(&article);
    let too_large = vec![b' '; 17 * 1024 * 1024];
    assert_eq!(import(&too_large).err().as_deref(), Some("over 16 MiB"));
}

#[test]
fn what_is_not_a_page_says_what_it_is() {
    assert_eq!(
        import(b"\x89PNG\r\n\x1a\n\0\0\0").err().as_deref(),
        Some("not a text document (a PNG image)")
    );
    assert_eq!(
        import(b"%PDF-1.4 ...").err().as_deref(),
        Some("not a text document (a PDF)")
    );
    assert_eq!(import(b"").err().as_deref(), Some("no headline found"));
    let undated = "<html><body><h1>Tin mới nhất</h1><p>Không có ngày.</p></body></html>";
    assert_eq!(
        import_at(undated.as_bytes(), "https://news.example/tin-moi-nhat.html")
            .err()
            .as_deref(),
        Some("no publication date found")
    );
    // The same page at an address with a day in it is dated by it.
    assert!(
        import(undated.as_bytes()).is_ok_and(|a| a.published.as_str().starts_with("2024-05-01"))
    );
}

#[test]
fn a_page_in_another_encoding_is_read_in_it() {
    // windows-1258 (Vietnamese) declared in the page; Latin-1 with no declaration.
    let mut vn = b"<html><head><meta charset=windows-1258>".to_vec();
    vn.extend(DATED.as_bytes());
    vn.extend(
        b"<title>Ti\xEAu \xF0\xEA\xCC</title></head><body><h1>Ti\xEAu \xF0\xEA\xCC</h1><p>"
            .as_slice(),
    );
    vn.extend(b"V\xE3n xu\xF4i d\xE0i \xF0u\xF4\xCC c\xF4i l\xE0 v\xE3n xu\xF4i, c\xF3 d\xE2\xCC u ph\xE2\xCC y, th\xEAm v\xE0i ch\xFF\xF5.</p></body></html>");
    let article = import(&vn).expect("an article");
    assert_eq!(article.headline.as_str(), "Tiêu đề");
    let latin = [
        b"<html><head>".as_slice(),
        DATED.as_bytes(),
        b"<title>Caf\xe9</title></head><body><h1>Caf\xe9 cr\xe8me</h1><p>Un caf\xe9, une cr\xe8me, et un texte assez long pour \xeatre de la prose.</p></body></html>",
    ]
    .concat();
    assert_eq!(
        import(&latin).expect("an article").headline.as_str(),
        "Café crème"
    );
}

fn corpus_pages() -> Vec<Vec<u8>> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(format!("{CORPUS}/vi")).expect("vi/") {
        pages.push(
            std::fs::read(entry.expect("an entry").path().join("source.html")).expect("a page"),
        );
    }
    for name in ["aktualne", "nytimes-1", "wordpress", "bbc-1"] {
        let path = PathBuf::from(format!("{CORPUS}/en/{name}.html.gz"));
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path).expect("a page"))
            .read_to_end(&mut html)
            .expect("gzip");
        pages.push(html);
    }
    pages
}

/// Markup that has broken extractors before, spliced into pages.
const NASTY: &[&str] = &[
    "<script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<img src=x onerror=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<!--",
    "]]>",
    "<table><tr><td><table><tr><td>",
    "</p></div></article></body>",
    "<p><b><i><u><s>",
    "<noscript><img src=\"javascript:x\"></noscript>",
    "<meta property=\"article:published_time\" content=\"0000-00-00T99:99:99+99:99\">",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"\\u0000\",\"author\":[[[[]]]]}</script>",
    "<h1>",
    "\u{0}",
    "\u{202e}",
    "&#0;&#xD800;&#x110000;",
    "<figure><figcaption>Ảnh: </figcaption></figure>",
    "<video><source src=\"/x.mp4\"><track src=\"javascript:x\"></video>",
    "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
    "<time datetime=\"2024-02-30T10:00\">",
];

/// A damaged page: slices of it dropped, repeated, or nasty markup spliced in.
fn damaged(pages: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    (
        0..pages.len(),
        prop::collection::vec((0.0f64..1.0, 0.0f64..1.0, 0usize..4, 0..NASTY.len()), 1..6),
    )
        .prop_map(move |(which, edits)| {
            let mut page = pages.get(which).cloned().unwrap_or_default();
            for (at, span, kind, nasty) in edits {
                let start = (at * page.len() as f64) as usize;
                let end = (start + (span * 4000.0) as usize).min(page.len());
                match kind {
                    0 => {
                        page.drain(start..end);
                    }
                    1 => {
                        let copy = page.get(start..end).unwrap_or_default().to_vec();
                        page.splice(start..start, copy);
                    }
                    2 => {
                        let bytes = NASTY
                            .get(nasty)
                            .copied()
                            .unwrap_or_default()
                            .as_bytes()
                            .to_vec();
                        page.splice(start..start, bytes);
                    }
                    _ => {
                        page.truncate(start);
                    }
                }
            }
            page
        })
}

#[test]
fn damaged_corpus_pages_never_panic_and_never_let_markup_through() {
    let cases: u32 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(120);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(18);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
    );
    let imported = std::cell::Cell::new(0u32);
    let refused = std::cell::Cell::new(0u32);
    runner
        .run(&damaged(corpus_pages()), |html| {
            match import(&html) {
                Ok(article) => {
                    assert_clean(&article);
                    imported.set(imported.get() + 1);
                }
                Err(why) => {
                    prop_assert!(
                        !why.is_empty() && !why.contains('\n'),
                        "a one-line reason: {why:?}"
                    );
                    refused.set(refused.get() + 1);
                }
            }
            Ok(())
        })
        .expect("no case fails");
    println!(
        "{cases} damaged pages: {} imported, {} refused with a reason",
        imported.get(),
        refused.get()
    );
    assert_eq!(imported.get() + refused.get(), cases);
    // Damage mostly leaves an article: a fuzzer that only made refusals would test little.
    assert!(
        imported.get() * 2 > cases,
        "only {} of {cases} imported",
        imported.get()
    );
}

/// The id the importer gives a draft first.
fn first_id(draft: &publisher::import::draft::Draft) -> publisher::site::FileStem {
    id::candidates(draft)
        .into_iter()
        .next()
        .expect("a hash at least")
}
