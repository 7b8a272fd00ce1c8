//! The article format: the sample site parses, bad data is refused with the
//! JSON path of the field at fault, and unsafe values never get through.
#![cfg(not(target_arch = "wasm32"))]

use news_widget::error::Error;
use news_widget::model::{
    resolve, Article, Block, DateIndexUrl, Day, Document, Inline, LinkUrl, SafeUrl, Span, Timestamp,
};

fn sample(id: &str) -> Vec<u8> {
    let path = format!("{}/site/articles/{id}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed_json() -> serde_json::Value {
    serde_json::from_slice(&sample("20122")).expect("the seed is JSON")
}

fn invalid(value: serde_json::Value) -> (String, String) {
    match Article::parse(value.to_string().as_bytes()) {
        Err(Error::Invalid { path, reason }) => (path, reason),
        other => panic!("expected Error::Invalid, got {other:?}"),
    }
}

#[test]
fn every_sample_article_parses() {
    let dir = format!("{}/site/articles", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("site/articles exists") {
        let path = entry.expect("readable entry").path();
        let bytes = std::fs::read(&path).expect("readable file");
        let article = Article::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            !article.related.is_empty(),
            "{} has related news",
            path.display()
        );
        count += 1;
    }
    assert!(
        count >= 6,
        "the seed and at least five related articles, found {count}"
    );
}

#[test]
fn the_seed_article_carries_the_original_page() {
    let article = Article::parse(&sample("20122")).expect("seed parses");
    assert_eq!(article.id.as_str(), "20122");
    assert_eq!(
        article.headline.as_str(),
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh"
    );
    assert_eq!(article.published.as_str(), "2022-01-20T19:35:08+07:00");
    assert_eq!(article.time_zone.as_str(), "Asia/Ho_Chi_Minh");
    assert_eq!(article.view_count, Some(3824));
    assert_eq!(
        article.authors.first().map(|a| a.name.as_str()),
        Some("Đào Quyên")
    );
    assert_eq!(
        article.photo_credits.first().map(|p| p.as_str()),
        Some("Thành Tâm")
    );
    let images = article
        .body
        .iter()
        .filter(|b| matches!(b, Block::Image(_)))
        .count();
    let videos: Vec<_> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Video(v) => Some(v),
            _ => None,
        })
        .collect();
    assert_eq!(images, 3);
    assert_eq!(videos.len(), 1);
    let video = videos.first().expect("one video");
    assert_eq!(video.sources.items().len(), 2);
    assert_eq!(video.tracks.first().map(|t| t.srclang.as_str()), Some("vi"));
    assert!(
        matches!(article.lead.first(), Some(Inline::Text(t)) if t.starts_with("Chiều ngày 20/1"))
    );
}

#[test]
fn a_wrong_type_names_its_json_path() {
    let mut json = seed_json();
    json["body"][1]["video"]["width"] = "wide".into();
    let (path, reason) = invalid(json);
    assert_eq!(path, "body[1].video.width");
    assert!(reason.contains("invalid type"), "{reason}");
}

#[test]
fn a_missing_field_is_named() {
    let mut json = seed_json();
    json.as_object_mut().expect("object").remove("headline");
    let (path, reason) = invalid(json);
    assert_eq!(path, "");
    assert!(reason.contains("missing field `headline`"), "{reason}");
}

#[test]
fn unknown_block_types_are_kept_as_unsupported() {
    let mut json = seed_json();
    json["body"][0] = serde_json::json!({"poll": {"question": "?", "options": [1, 2]}});
    let article = Article::parse(json.to_string().as_bytes()).expect("still an article");
    assert_eq!(article.body.first(), Some(&Block::Unsupported));
    assert_eq!(article.body.len(), 8, "the other blocks stay");
}

#[test]
fn absurd_values_are_refused() {
    let cases = [
        ("/viewCount", serde_json::json!(-5), "viewCount"),
        (
            "/published",
            serde_json::json!("0000-01-01T00:00:00Z"),
            "published",
        ),
        (
            "/published",
            serde_json::json!("20/01/2022 19:35"),
            "published",
        ),
        (
            "/headline",
            serde_json::json!("x".repeat(1_000_000)),
            "headline",
        ),
        ("/headline", serde_json::json!("   "), "headline"),
        (
            "/body/0/image/width",
            serde_json::json!(0),
            "body[0].image.width",
        ),
        (
            "/body/1/video/sources",
            serde_json::json!([]),
            "body[1].video.sources",
        ),
        (
            "/body/1/video/sources/0/src",
            serde_json::json!("javascript:alert(1)"),
            "body[1].video.sources[0].src",
        ),
        (
            "/timeZone",
            serde_json::json!("Asia/Ho Chi Minh; alert(1)"),
            "timeZone",
        ),
    ];
    for (pointer, value, expected_path) in cases {
        let mut json = seed_json();
        *json
            .pointer_mut(pointer)
            .expect("pointer exists in the seed") = value;
        let (path, _) = invalid(json);
        assert_eq!(path, expected_path, "for {pointer}");
    }
}

#[test]
fn malformed_and_oversized_documents_are_refused() {
    assert!(matches!(
        Article::parse(b"<html>Server error</html>"),
        Err(Error::Invalid { .. })
    ));
    assert!(matches!(
        Article::parse(b"{\"id\": "),
        Err(Error::Invalid { .. })
    ));
    assert!(matches!(
        Article::parse(&[0xff, 0xfe, 0x00]),
        Err(Error::Invalid { .. })
    ));
    assert_eq!(
        Article::parse(b" [1, 2, 3]"),
        Err(Error::Invalid {
            path: String::new(),
            reason: "the document is not a JSON object".into()
        })
    );
    let mut trailing = sample("20122");
    trailing.extend_from_slice(b" {}");
    assert!(matches!(
        Article::parse(&trailing),
        Err(Error::Invalid { .. })
    ));
    let huge = vec![b' '; news_widget::model::MAX_DOCUMENT_BYTES + 1];
    assert!(matches!(Article::parse(&huge), Err(Error::TooLarge { .. })));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(sample("20122"));
    assert!(Article::parse(&bytes).is_ok());
}

#[test]
fn unsafe_urls_are_refused_in_every_spelling() {
    let bad = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "jAvAsCrIpT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "javascript\n:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "\u{0}javascript:alert(1)",
        "",
    ];
    for url in bad {
        assert!(
            SafeUrl::try_from(url.to_owned()).is_err(),
            "{url:?} must be refused"
        );
        assert!(
            LinkUrl::try_from(url.to_owned()).is_err(),
            "{url:?} must be refused as a link"
        );
    }
    for url in [
        "https://a.example/x.jpg",
        "http://a.example",
        "../media/x.jpg",
        "/x",
        "x.json?a=b:c",
    ] {
        assert!(SafeUrl::try_from(url.to_owned()).is_ok(), "{url:?} is fine");
    }
    assert!(SafeUrl::try_from("mailto:a@b.example".to_owned()).is_err());
    assert!(LinkUrl::try_from("mailto:a@b.example".to_owned()).is_ok());
}

#[test]
fn rich_text_reads_strings_and_styled_spans() {
    let mut json = seed_json();
    json["lead"] = serde_json::json!([
        "Plain ",
        {"em": ["emphasis"]},
        {"link": {"href": "https://a.example", "text": [{"strong": ["bold link"]}]}}
    ]);
    let article = Article::parse(json.to_string().as_bytes()).expect("parses");
    assert_eq!(
        news_widget::model::plain(&article.lead),
        "Plain emphasisbold link"
    );
    assert!(matches!(
        article.lead.get(2),
        Some(Inline::Span(Span::Link(_)))
    ));
    json["lead"] = serde_json::json!([{"link": {"href": "javascript:alert(1)", "text": ["x"]}}]);
    let (path, _) = invalid(json);
    assert_eq!(path, "lead[0].link.href");
}

#[test]
fn timestamps_and_days_are_checked() {
    for ok in [
        "2022-01-20T19:35:08+07:00",
        "2022-01-20T12:35:08Z",
        "2022-01-20T19:35:08.250+07:00",
    ] {
        assert!(Timestamp::try_from(ok.to_owned()).is_ok(), "{ok}");
    }
    for bad in [
        "2022-02-30T10:00:00Z",
        "2022-01-20T25:00:00Z",
        "2022-01-20T19:35:08",
        "2022-01-20",
    ] {
        assert!(Timestamp::try_from(bad.to_owned()).is_err(), "{bad}");
    }
    assert_eq!(
        Day::parse("2024-02-29").map(|d| d.to_string()),
        Ok("2024-02-29".to_owned())
    );
    assert!(Day::parse("2023-02-29").is_err());
}

#[test]
fn relative_urls_resolve_against_the_document_and_unsafe_results_are_refused() {
    // The same cases as the browser test (tests/browser.rs): one rule, two parsers.
    let base = "https://news.example/a/articles/20122.json";
    assert_eq!(
        resolve("../media/x.jpg", base)
            .as_ref()
            .map(SafeUrl::as_str),
        Some("https://news.example/a/media/x.jpg")
    );
    assert_eq!(resolve("javascript:alert(1)", base), None);
    assert_eq!(resolve("data:text/html,x", base), None);

    let mut article = Article::parse(&sample("20122")).expect("seed parses");
    article.resolve_urls(base);
    let thumb = article.related.first().and_then(|r| r.thumbnail.as_ref());
    assert_eq!(
        thumb.map(|t| t.src.as_str()),
        Some("https://news.example/a/media/20125-thumb.jpg")
    );
    assert!(article
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Video(video) => video.poster.as_ref(),
            _ => None,
        })
        .all(|poster| poster.as_str().starts_with("https://news.example/a/media/")));
}

#[test]
fn an_article_may_name_its_date_index() {
    let mut json = seed_json();
    json["dateIndex"] = serde_json::json!("../dates/{date}.json");
    let mut article = Article::parse(json.to_string().as_bytes()).expect("parses");
    article.resolve_urls("https://news.example/a/articles/20122.json");
    let dates = article.date_index.expect("a date index");
    let day = Day::parse("2022-01-19").expect("day");
    assert_eq!(
        dates.url(day).as_deref(),
        Some("https://news.example/a/dates/2022-01-19.json")
    );
    json["dateIndex"] = serde_json::json!("../dates/latest.json");
    assert_eq!(invalid(json.clone()).0, "dateIndex");
    json["dateIndex"] = serde_json::json!("javascript:{date}");
    assert_eq!(invalid(json).0, "dateIndex");
    assert_eq!(
        DateIndexUrl::new("/dates/{date}.json", "https://partner.example/page")
            .and_then(|d| d.url(day)),
        Some("https://partner.example/dates/2022-01-19.json".to_owned())
    );
}

#[test]
fn days_know_their_weekday() {
    let weekday = |s: &str| Day::parse(s).map(|d| d.weekday());
    assert_eq!(weekday("2022-01-20"), Ok(3), "the seed's Thursday");
    assert_eq!(weekday("1900-01-01"), Ok(0), "a Monday");
    assert_eq!(weekday("2000-02-29"), Ok(1), "a Tuesday, in a leap year");
    assert_eq!(weekday("2022-01-16"), Ok(6), "a Sunday");
    assert_eq!(weekday("2999-12-31"), Ok(1), "a Tuesday");
}

#[test]
fn days_move_by_days_and_months_within_the_calendar() {
    let day = |s: &str| Day::parse(s).expect("day");
    assert_eq!(
        day("2022-01-31").add_months(1),
        day("2022-02-28"),
        "the month's last day"
    );
    assert_eq!(
        day("2024-01-31").add_months(1),
        day("2024-02-29"),
        "a leap year"
    );
    assert_eq!(
        day("2021-12-20").add_months(1),
        day("2022-01-20"),
        "into the next year"
    );
    assert_eq!(
        day("2022-01-20").add_months(-1),
        day("2021-12-20"),
        "into the year before"
    );
    assert_eq!(
        day("1900-01-15").add_months(-1),
        day("1900-01-15"),
        "not before 1900"
    );
    assert_eq!(
        day("2999-12-15").add_months(1),
        day("2999-12-15"),
        "not after 2999"
    );
    assert_eq!(day("2022-01-20").add_days(-7), day("2022-01-13"));
    assert_eq!(day("2021-12-29").add_days(7), day("2022-01-05"));
    assert_eq!(
        day("1900-01-01").add_days(-1),
        day("1900-01-01"),
        "not before 1900"
    );
    assert_eq!(day("2022-01-20").month_start(), day("2022-01-01"));
    assert_eq!(day("2022-02-10").days_in_month(), 28);
}

#[test]
fn an_article_may_name_its_view_counter() {
    let mut json = seed_json();
    assert_eq!(
        Article::parse(json.to_string().as_bytes())
            .expect("parses")
            .view_counter,
        None
    );
    json["viewCounter"] = serde_json::json!("/views/20122");
    let mut article = Article::parse(json.to_string().as_bytes()).expect("parses");
    article.resolve_urls("https://news.example/a/articles/20122.json");
    assert_eq!(
        article.view_counter.map(|u| u.to_string()).as_deref(),
        Some("https://news.example/views/20122")
    );
    json["viewCounter"] = serde_json::json!("javascript:count()");
    assert_eq!(invalid(json.clone()).0, "viewCounter");
    json["viewCounter"] = serde_json::json!(42);
    assert_eq!(invalid(json).0, "viewCounter");
}

// vendor/serde_json writes serde's messages for unexpected values itself (to
// keep core's float formatter out of the module): they must stay serde's own.
#[test]
fn serde_json_names_unexpected_values_in_serdes_words() {
    use serde::de::{Error as _, Unexpected};
    let kinds = [
        Unexpected::Bool(true),
        Unexpected::Unsigned(7),
        Unexpected::Signed(-7),
        Unexpected::Char('"'),
        Unexpected::Str("a \"quoted\"\n\u{7f} string"),
        Unexpected::Bytes(b"ab"),
        Unexpected::Option,
        Unexpected::NewtypeStruct,
        Unexpected::Seq,
        Unexpected::Map,
        Unexpected::Enum,
        Unexpected::UnitVariant,
        Unexpected::NewtypeVariant,
        Unexpected::TupleVariant,
        Unexpected::StructVariant,
        Unexpected::Other("something else"),
    ];
    for kind in kinds {
        assert_eq!(
            serde_json::Error::invalid_type(kind, &"a label").to_string(),
            format!("invalid type: {kind}, expected a label")
        );
        assert_eq!(
            serde_json::Error::invalid_value(kind, &"a label").to_string(),
            format!("invalid value: {kind}, expected a label")
        );
    }
    // The two serde_json words its own way, as before.
    assert_eq!(
        serde_json::Error::invalid_type(Unexpected::Float(1.5), &"a label").to_string(),
        "invalid type: floating point `1.5`, expected a label"
    );
    assert_eq!(
        serde_json::Error::invalid_type(Unexpected::Unit, &"a label").to_string(),
        "invalid type: null, expected a label"
    );
}
