//! `news-widget import`, run as a newsroom runs it: saved pages, folders,
//! feeds, sitemaps and a WordPress answer, from files and over HTTP from a
//! server of the test's own; the site it writes passes `validate`, a
//! second run writes the same bytes, new input adds to the site; every
//! failure is one line and an exit status.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use common::{news_widget, stderr, stdout};
use serde_json::{json, Value};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/corpus");

/// `news_widget` for a run that must import everything (exit status 0).
fn imported(args: &[&str]) -> Output {
    let output = news_widget(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    output
}

/// An empty folder of the test's own.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("import")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    dir
}

fn vi(name: &str) -> String {
    format!("{CORPUS}/vi/{name}/source.html")
}

fn en(name: &str) -> Vec<u8> {
    let mut html = Vec::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(format!("{CORPUS}/en/{name}.html.gz")).expect("the page"),
    )
    .read_to_end(&mut html)
    .expect("gzip");
    html
}

/// Every file under `dir`, by path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).expect("readable"));
            }
        }
    }
    files
}

fn json_file(path: &Path) -> Value {
    serde_json::from_slice(
        &std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .expect("JSON")
}

fn validate(site: &Path) {
    let output = news_widget(&["validate", site.to_str().expect("a path")]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "validate: {}{}",
        stdout(&output),
        stderr(&output)
    );
}

/// What the test server saw of one request.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    user_agent: Option<String>,
    range: Option<String>,
}

/// What the test server answers.
enum Reply {
    Body(&'static str, Vec<u8>),
    Status(u16),
    Redirect(String),
    /// Waits before answering (a server that does not answer in time).
    Late(Duration),
    /// Answers with a body once `together` requests are in flight at once,
    /// or once the server has had `all` requests (the last ones may be
    /// fewer); after a guard against a hang if neither ever happens.
    Held {
        together: usize,
        all: usize,
        body: Vec<u8>,
    },
}

/// How long a `Held` reply waits at most: a guard, not a wait.
const HELD_GUARD: Duration = Duration::from_secs(10);

/// An HTTP server on 127.0.0.1 answering with `route(path)`, each request
/// on a thread of its own; it records every request and how many were in
/// flight at once.
struct Server {
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    most_at_once: Arc<AtomicUsize>,
}

fn serve(route: impl Fn(&str, &str) -> Reply + Send + Sync + 'static) -> Server {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("a port");
    let url = format!(
        "http://{}",
        server.server_addr().to_ip().expect("an IP address")
    );
    let seen = Arc::new(Mutex::new(Vec::new()));
    // Requests in flight, with a condition `Held` replies wait on.
    let in_flight = Arc::new((Mutex::new(0usize), Condvar::new()));
    let most_at_once = Arc::new(AtomicUsize::new(0));
    let route = Arc::new(route);
    let base = url.clone();
    let (seen2, most2) = (Arc::clone(&seen), Arc::clone(&most_at_once));
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let header = |name: &'static str| {
                request
                    .headers()
                    .iter()
                    .find(|h| h.field.equiv(name))
                    .map(|h| h.value.as_str().to_owned())
            };
            seen2.lock().expect("the log").push(Seen {
                path: request.url().to_owned(),
                user_agent: header("User-Agent"),
                range: header("Range"),
            });
            let (route, base, in_flight, most, seen) = (
                Arc::clone(&route),
                base.clone(),
                Arc::clone(&in_flight),
                Arc::clone(&most2),
                Arc::clone(&seen2),
            );
            std::thread::spawn(move || {
                {
                    let mut count = in_flight.0.lock().expect("the count");
                    *count += 1;
                    most.fetch_max(*count, Ordering::SeqCst);
                    in_flight.1.notify_all();
                }
                let reply = route(request.url(), &base);
                let result = match reply {
                    Reply::Body(kind, bytes) => {
                        let header =
                            tiny_http::Header::from_bytes("Content-Type", kind).expect("a header");
                        request.respond(tiny_http::Response::from_data(bytes).with_header(header))
                    }
                    Reply::Status(code) => request.respond(tiny_http::Response::empty(code)),
                    Reply::Redirect(to) => {
                        let header =
                            tiny_http::Header::from_bytes("Location", to).expect("a header");
                        request.respond(tiny_http::Response::empty(302).with_header(header))
                    }
                    Reply::Late(wait) => {
                        std::thread::sleep(wait);
                        request.respond(tiny_http::Response::empty(200))
                    }
                    Reply::Held {
                        together,
                        all,
                        body,
                    } => {
                        let count = in_flight.0.lock().expect("the count");
                        let had = || seen.lock().expect("the log").len();
                        let _released = in_flight
                            .1
                            .wait_timeout_while(count, HELD_GUARD, |n| *n < together && had() < all)
                            .expect("the count");
                        request.respond(tiny_http::Response::from_data(body))
                    }
                };
                let _ = result;
                *in_flight.0.lock().expect("the count") -= 1;
            });
        }
    });
    Server {
        url,
        seen,
        most_at_once,
    }
}

/// A PNG file's first bytes, enough for its size to be read.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    bytes.extend(width.to_be_bytes());
    bytes.extend(height.to_be_bytes());
    bytes.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

#[test]
fn saved_pages_make_a_site_that_validates_and_a_second_run_writes_the_same_bytes() {
    let site = folder("saved");
    let pages = [
        vi("vnexpress-soc-nang-luong"),
        vi("tuoitre-gia-hoa-8-3"),
        vi("dantri-gia-vang"),
    ];
    let mut args = vec![
        "import",
        "--offline",
        "--out",
        site.to_str().expect("a path"),
    ];
    args.extend(pages.iter().map(String::as_str));
    let output = imported(&args);
    let printed = stdout(&output);
    for page in &pages {
        assert!(
            printed.contains(&format!("imported {page} → ")),
            "{printed}"
        );
    }
    assert!(
        stderr(&output).contains("3 articles imported, 0 skipped"),
        "{}",
        stderr(&output)
    );
    validate(&site);

    let seed = json_file(&site.join("articles/5047363.json"));
    assert_eq!(
        seed["headline"],
        "Cách các nước đối phó cú sốc năng lượng từ Trung Đông"
    );
    assert_eq!(seed["published"], "2026-03-07T00:05:00+07:00");
    assert_eq!(seed["timeZone"], "Asia/Ho_Chi_Minh");
    assert_eq!(seed["authors"], json!([{ "name": "Hà Thu" }]));
    assert_eq!(seed["category"], json!({ "name": "Kinh doanh" }));
    assert_eq!(seed["dateIndex"], "../dates/{date}.json");
    // The other two are Kinh doanh too: each lists the others, newest first.
    let related: Vec<&str> = seed["related"]
        .as_array()
        .expect("related")
        .iter()
        .map(|r| r["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(related, ["20260307080054340", "20260307075519174"]);
    let day = json_file(&site.join("dates/2026-03-07.json"));
    assert_eq!(day["items"].as_array().map(Vec::len), Some(3));
    assert_eq!(day["items"][0]["src"], "../articles/20260307080054340.json");

    let before = snapshot(&site);
    imported(&args);
    assert_eq!(
        snapshot(&site),
        before,
        "the same input writes the same bytes"
    );
}

#[test]
fn new_input_adds_to_the_site_and_the_related_lists_follow() {
    let site = folder("grows");
    let out = site.to_str().expect("a path");
    imported(&[
        "import",
        "--offline",
        "--out",
        out,
        &vi("vnexpress-soc-nang-luong"),
    ]);
    assert!(
        json_file(&site.join("articles/5047363.json"))
            .get("related")
            .is_none(),
        "alone in its category"
    );

    imported(&["import", "--offline", "--out", out, &vi("dantri-gia-vang")]);
    let old = json_file(&site.join("articles/5047363.json"));
    assert_eq!(
        old["related"][0]["id"], "20260307080054340",
        "the old article lists the new one"
    );
    assert_eq!(old["related"][0]["src"], "20260307080054340.json");
    validate(&site);
}

#[test]
fn a_folder_of_pages_json_output_and_exit_statuses() {
    let site = folder("folder-json");
    let pages = folder("folder-json-pages");
    std::fs::copy(vi("cafef-ftse-mbs"), pages.join("cafef.html")).expect("copied");
    std::fs::write(pages.join("en-ars.html"), en("ars-1")).expect("written");
    std::fs::write(pages.join("notes.txt"), "not a page").expect("written");
    let missing = pages.join("missing.html");
    let output = news_widget(&[
        "import",
        "--offline",
        "--format",
        "json",
        "--out",
        site.to_str().expect("a path"),
        pages.to_str().expect("a path"),
        missing.to_str().expect("a path"),
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a source was skipped: {}",
        stderr(&output)
    );
    let outcomes: Vec<Value> = serde_json::from_slice(&output.stdout).expect("a JSON array");
    assert_eq!(outcomes.len(), 3, "{outcomes:#?}");
    let missing = missing.display().to_string();
    let skipped = outcomes
        .iter()
        .find(|o| o["source"] == missing.as_str())
        .expect("the missing file");
    assert!(
        skipped["skipped"]
            .as_str()
            .is_some_and(|why| why.contains("No such file")),
        "{skipped}"
    );
    assert_eq!(skipped["file"], Value::Null);
    let ars = outcomes
        .iter()
        .find(|o| {
            o["item"]
                .as_str()
                .is_some_and(|i| i.ends_with("en-ars.html"))
        })
        .expect("the ars page");
    assert_eq!(
        ars["source"],
        pages.display().to_string(),
        "the source as given"
    );
    let file = PathBuf::from(ars["file"].as_str().expect("a file"));
    assert_eq!(json_file(&file)["id"], ars["id"]);
    assert!(
        ars["warnings"].as_array().is_some_and(|w| !w.is_empty()),
        "the image sizes were guessed offline"
    );

    // Usage errors: exit status 2, one line.
    for args in [
        vec!["import", "--out", "x"],
        vec![
            "import",
            "--time-zone",
            "Mars/Olympus",
            "--out",
            "x",
            "a.html",
        ],
        vec!["import", "--lang", "not a tag", "--out", "x", "a.html"],
        vec!["import", "--base-url", "::", "--out", "x", "a.html"],
    ] {
        let output = news_widget(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_saved_page_takes_its_address_from_base_url() {
    let site = folder("base-url");
    let page = folder("base-url-page").join("1234567-a-story.html");
    let html = r#"<!doctype html><html lang="en"><head><title>A story | Example Times</title></head><body>
        <article><h1>A story</h1><time datetime="2024-05-01T10:00:00+02:00">1 May</time>
        <p>This is the story, long enough to be taken for prose by anyone who reads it, with commas, too.</p>
        <figure><img src="photo.png"><figcaption>A photo. Photo: Jane Doe</figcaption></figure>
        <p>And a second paragraph, with a <a href="javascript:alert(1)">bad link</a> and a <a href="/about">good one</a>.</p>
        </article></body></html>"#;
    std::fs::write(&page, html).expect("written");
    std::fs::write(page.with_file_name("photo.png"), png(800, 600)).expect("written");
    imported(&[
        "import",
        "--offline",
        "--download-media",
        "--base-url",
        "https://news.example/2024/",
        "--time-zone",
        "Europe/Paris",
        "--lang",
        "en",
        "--out",
        site.to_str().expect("a path"),
        page.to_str().expect("a path"),
    ]);
    let article = json_file(&site.join("articles/1234567-a-story.json"));
    assert_eq!(
        article["url"],
        "https://news.example/2024/1234567-a-story.html"
    );
    assert_eq!(article["published"], "2024-05-01T10:00:00+02:00");
    assert_eq!(article["timeZone"], "Europe/Paris");
    assert_eq!(article["photoCredits"], json!(["Jane Doe"]));
    let body = article["body"].to_string();
    assert!(
        !body.contains("javascript"),
        "a javascript: link is plain text: {body}"
    );
    assert!(
        body.contains(r#"{"link":{"href":"https://news.example/about","text":["good one"]}}"#),
        "{body}"
    );
    // The photo beside the page is copied into media/ (offline, it is not
    // downloaded from its web address), with its size read from it.
    let image = &article["body"][1]["image"];
    assert_eq!(
        (image["width"].as_u64(), image["height"].as_u64()),
        (Some(800), Some(600))
    );
    let media = image["src"].as_str().expect("a src");
    assert!(
        media.starts_with("../media/") && media.ends_with(".png"),
        "{media}"
    );
    assert!(site.join("articles").join(media).exists());
    validate(&site);
}

#[test]
fn feeds_import_full_items_and_fetch_the_pages_of_summaries() {
    let page = std::fs::read(vi("dantri-gia-vang")).expect("the page");
    let body = "<p>Giá xăng dầu trong nước được điều chỉnh chiều nay, xăng RON 95 tăng 500 đồng mỗi lít, theo liên bộ Công Thương - Tài chính. Mức tăng áp dụng từ 15h.</p>".repeat(4);
    let rss = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Tin</title><link>https://news.example/</link><description>d</description>
<item><title>Giá xăng tăng</title><link>https://news.example/gia-xang-9001.html</link>
<pubDate>Thu, 20 Jan 2022 12:35:08 +0000</pubDate><category>Kinh doanh</category>
<description>Giá xăng tăng 500 đồng.</description>
<content:encoded><![CDATA[{body}<figure><img src="https://news.example/x.jpg" width="960" height="640"><figcaption>Cây xăng. Ảnh: Thành Tâm</figcaption></figure>]]></content:encoded></item>
<item><title>Giá vàng</title><link>SERVER/gia-vang.html</link><description>Giá vàng giảm.</description></item>
</channel></rss>"#
    );
    let server = serve(move |path, base| match path {
        "/feed.xml" => Reply::Body(
            "application/rss+xml",
            rss.replace("SERVER", base).into_bytes(),
        ),
        "/gia-vang.html" => Reply::Body("text/html; charset=utf-8", page.clone()),
        _ => Reply::Status(404),
    });
    let site = folder("feed");
    let feed = format!("{}/feed.xml", server.url);
    imported(&["import", "--out", site.to_str().expect("a path"), &feed]);
    let full = json_file(&site.join("articles/9001.json"));
    assert_eq!(full["headline"], "Giá xăng tăng");
    assert_eq!(
        full["published"], "2022-01-20T19:35:08+07:00",
        "the instant, in the newsroom's zone"
    );
    assert_eq!(full["category"]["name"], "Kinh doanh");
    assert_eq!(full["lead"], json!(["Giá xăng tăng 500 đồng."]));
    assert_eq!(full["body"][4]["image"]["credit"], "Thành Tâm");
    let fetched = json_file(&site.join("articles/20260307080054340.json"));
    assert_eq!(
        fetched["headline"],
        "Giá vàng giảm, vẫn cao hơn thế giới gần 20 triệu đồng/lượng"
    );
    let seen = server.seen.lock().expect("the log").clone();
    assert!(
        seen.iter().any(|s| s.path == "/gia-vang.html"),
        "the summary's page was fetched"
    );
    assert!(seen.iter().all(|s| s
        .user_agent
        .as_deref()
        .is_some_and(|ua| ua.starts_with("news-widget-import/"))));
    validate(&site);

    // Atom and JSON Feed, with full content, from files.
    let atom = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2022-01-20T12:35:08Z</updated>
<entry><title>Atom tin</title><id>https://news.example/atom-9002.html</id><link href="https://news.example/atom-9002.html"/>
<published>2022-01-20T12:35:08Z</published><updated>2022-01-20T12:35:08Z</updated><author><name>Đào Quyên</name></author>
<content type="html">{}</content></entry></feed>"#,
        html_escape::encode_text(&body)
    );
    let json_feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "T",
        "items": [{ "id": "9003", "url": "https://news.example/json-9003.html", "title": "JSON tin",
                    "date_published": "2022-01-20T12:35:08Z", "content_html": body, "authors": [{ "name": "PV" }] }]
    });
    let files = folder("feed-files");
    std::fs::write(files.join("atom.xml"), atom).expect("written");
    std::fs::write(files.join("feed.json"), json_feed.to_string()).expect("written");
    imported(&[
        "import",
        "--offline",
        "--out",
        site.to_str().expect("a path"),
        files.join("atom.xml").to_str().expect("a path"),
        files.join("feed.json").to_str().expect("a path"),
    ]);
    assert_eq!(
        json_file(&site.join("articles/9002.json"))["authors"],
        json!([{ "name": "Đào Quyên" }])
    );
    assert_eq!(
        json_file(&site.join("articles/9003.json"))["headline"],
        "JSON tin"
    );
    validate(&site);
}

#[test]
fn sitemaps_and_their_indexes_give_their_pages() {
    let pages: BTreeMap<&str, Vec<u8>> = [
        (
            "/a.html",
            std::fs::read(vi("vnexpress-soc-nang-luong")).expect("a page"),
        ),
        (
            "/b.html",
            std::fs::read(vi("baochinhphu-chinh-sach-3-2026")).expect("a page"),
        ),
    ]
    .into_iter()
    .collect();
    let server = serve(move |path, base| {
        match path {
        "/sitemap.xml" => Reply::Body(
            "application/xml",
            format!(r#"<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}/news.xml</loc></sitemap></sitemapindex>"#).into_bytes(),
        ),
        "/news.xml" => Reply::Body(
            "application/xml",
            format!(
                r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/a.html</loc><news:news><news:publication_date>2026-03-07T00:05:00+07:00</news:publication_date><news:title>A</news:title></news:news></url>
<url><loc>{base}/b.html</loc></url><url><loc>{base}/gone.html</loc></url></urlset>"#
            )
            .into_bytes(),
        ),
        other => match pages.get(other) {
            Some(bytes) => Reply::Body("text/html", bytes.clone()),
            None => Reply::Status(404),
        },
    }
    });
    let site = folder("sitemap");
    let output = news_widget(&[
        "import",
        "--out",
        site.to_str().expect("a path"),
        &format!("{}/sitemap.xml", server.url),
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "one page is gone: {}",
        stdout(&output)
    );
    let printed = stdout(&output);
    assert!(
        printed.contains(&format!(
            "skipped {0}/sitemap.xml {0}/gone.html: HTTP 404",
            server.url
        )),
        "{printed}"
    );
    assert!(
        site.join("articles/5047363.json").exists()
            && site.join("articles/102260228093004191.json").exists()
    );
    validate(&site);
}

#[test]
fn a_wordpress_answer_gives_its_posts() {
    let posts = json!([{
        "id": 42,
        "date": "2022-01-20T19:35:08",
        "date_gmt": "2022-01-20T12:35:08",
        "modified": "2022-01-21T08:00:00",
        "modified_gmt": "2022-01-21T01:00:00",
        "link": "https://wp.example/2022/01/20/hoi-nghi/",
        "title": { "rendered": "Hội nghị &#8220;Ban Chấp hành&#8221;" },
        "content": { "rendered": "<p>Chiều ngày 20/1, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị thảo luận, cho ý kiến về các dự thảo báo cáo năm 2021 và phương hướng năm 2022.</p>\n<figure class=\"wp-block-image\"><img src=\"https://wp.example/wp-content/uploads/a.jpg\" width=\"960\" height=\"640\" alt=\"\"><figcaption>Quang cảnh hội nghị. Ảnh: Thành Tâm</figcaption></figure>\n<p>Hội nghị biểu quyết thông qua chương trình làm việc năm 2022 của Ban Chấp hành Đảng bộ tỉnh.</p>" },
        "excerpt": { "rendered": "<p>Chiều ngày 20/1, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị [&hellip;]</p>" },
        "_embedded": {
            "author": [{ "id": 3, "name": "Đào Quyên" }],
            "wp:featuredmedia": [{ "source_url": "https://wp.example/wp-content/uploads/lead.jpg", "alt_text": "Lead",
                                   "media_details": { "width": 1200, "height": 800 }, "caption": { "rendered": "<p>Ảnh bìa</p>" } }],
            "wp:term": [[{ "taxonomy": "category", "name": "Thời sự &amp; Chính trị" }], [{ "taxonomy": "post_tag", "name": "x" }]]
        }
    }]);
    let files = folder("wordpress");
    std::fs::write(files.join("posts.json"), posts.to_string()).expect("written");
    let site = files.join("site");
    imported(&[
        "import",
        "--offline",
        "--out",
        site.to_str().expect("a path"),
        files.join("posts.json").to_str().expect("a path"),
    ]);
    let article = json_file(&site.join("articles/42.json"));
    assert_eq!(article["headline"], "Hội nghị “Ban Chấp hành”");
    assert_eq!(
        article["published"], "2022-01-20T19:35:08+07:00",
        "date + date_gmt give the offset"
    );
    assert_eq!(article["modified"], "2022-01-21T08:00:00+07:00");
    assert_eq!(article["authors"], json!([{ "name": "Đào Quyên" }]));
    assert_eq!(article["category"]["name"], "Thời sự & Chính trị");
    assert!(
        article.get("lead").is_none(),
        "WordPress's own excerpt is the opening, not a lead"
    );
    assert_eq!(
        article["body"][0]["image"]["src"],
        "https://wp.example/wp-content/uploads/lead.jpg"
    );
    assert_eq!(article["body"][0]["image"]["width"], 1200);
    assert_eq!(article["body"][2]["image"]["credit"], "Thành Tâm");
    assert_eq!(article["photoCredits"], json!(["Thành Tâm"]));
    validate(&site);
}

#[test]
fn every_failed_url_is_one_line_and_the_rest_imports() {
    // A page whose photos are all sized in its markup: nothing is fetched
    // from the internet.
    let page = std::fs::read(vi("dantri-gia-vang")).expect("a page");
    let server = serve(move |path, base| match path {
        "/good.html" => Reply::Body("text/html", page.clone()),
        "/loop" => Reply::Redirect(format!("{base}/loop")),
        "/huge.html" => Reply::Body("text/html", vec![b'a'; 17 * 1024 * 1024]),
        "/slow.html" => Reply::Late(Duration::from_secs(5)),
        "/image.png" => Reply::Body("image/png", png(10, 10)),
        _ => Reply::Status(404),
    });
    let site = folder("failures");
    let url = |p: &str| format!("{}{p}", server.url);
    let output = news_widget(&[
        "import",
        "--timeout",
        "1",
        "--out",
        site.to_str().expect("a path"),
        &url("/good.html"),
        &url("/missing.html"),
        &url("/loop"),
        &url("/huge.html"),
        &url("/slow.html"),
        &url("/image.png"),
        "ftp://news.example/x.html",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let printed = stdout(&output);
    let line = |source: &str| {
        printed
            .lines()
            .find(|l| l.starts_with(&format!("skipped {source}: ")))
            .unwrap_or_else(|| panic!("no line for {source} in {printed}"))
            .to_owned()
    };
    assert!(line(&url("/missing.html")).ends_with(": HTTP 404"));
    assert!(
        line(&url("/loop")).to_lowercase().contains("redirect"),
        "{}",
        line(&url("/loop"))
    );
    assert!(line(&url("/huge.html")).ends_with(": over 16 MiB"));
    assert!(
        line(&url("/slow.html")).to_lowercase().contains("timeout"),
        "{}",
        line(&url("/slow.html"))
    );
    assert!(line(&url("/image.png")).ends_with(": not a text document (a PNG image)"));
    assert!(line("ftp://news.example/x.html")
        .ends_with("`ftp:` sources are not read (http, https or a file)"));
    assert!(printed.contains(&format!("imported {} → ", url("/good.html"))));
    validate(&site);
}

#[test]
fn a_sitemap_of_many_pages_is_fetched_four_at_a_time() {
    // One article (one canonical URL) at every address, its photo sized in
    // the markup, so that nothing else is fetched.
    let page = r#"<!doctype html><html lang="vi"><head><title>Tin</title>
        <link rel="canonical" href="https://news.example/cung-mot-tin-7001.html">
        <meta property="article:published_time" content="2022-01-20T19:35:08+07:00"></head><body><article>
        <h1>Cùng một tin</h1><p>Một đoạn văn đủ dài để được coi là văn xuôi, có dấu phẩy, và nhiều chữ nữa.</p>
        <figure><img src="/photo.jpg" width="800" height="600"><figcaption>Ảnh: PV</figcaption></figure>
        </article></body></html>"#
        .as_bytes()
        .to_vec();
    let server = serve(move |path, base| match path {
        "/sitemap.xml" => {
            let urls: String = (0..12)
                .map(|i| format!("<url><loc>{base}/p{i}.html</loc></url>"))
                .collect();
            Reply::Body(
                "application/xml",
                format!("<urlset>{urls}</urlset>").into_bytes(),
            )
        }
        // Each page answers once four requests are in at once (the witness
        // that the importer asks for four pages together), or all thirteen.
        _ => Reply::Held {
            together: 4,
            all: 13,
            body: page.clone(),
        },
    });
    let site = folder("concurrency");
    let output = news_widget(&[
        "import",
        "--out",
        site.to_str().expect("a path"),
        &format!("{}/sitemap.xml", server.url),
    ]);
    // The twelve pages are the same article: one imported, the others skipped as the same one.
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert_eq!(stdout(&output).matches("the same article as").count(), 11);
    let most = server.most_at_once.load(Ordering::SeqCst);
    assert_eq!(most, 4, "requests overlap, at most four at once");
}

#[test]
fn photo_sizes_come_from_a_ranged_read_or_the_downloaded_file() {
    let server = serve(|path, _| {
        match path {
        "/page.html" => Reply::Body(
            "text/html; charset=utf-8",
            r#"<!doctype html><html lang="vi"><head><title>Tin</title>
            <meta property="article:published_time" content="2022-01-20T19:35:08+07:00"></head><body><article>
            <h1>Tin ảnh</h1><p>Đoạn văn đầu tiên của bài, đủ dài để được coi là văn xuôi, có dấu phẩy, và nhiều chữ nữa.</p>
            <figure><img src="/photo.png"><figcaption>Cảnh hội nghị. Ảnh: Thành Tâm</figcaption></figure>
            <p>Đoạn văn thứ hai của bài, cũng đủ dài để được coi là văn xuôi, có dấu phẩy, và nhiều chữ nữa.</p>
            </article></body></html>"#
                .as_bytes()
                .to_vec(),
        ),
        "/photo.png" => Reply::Body("image/png", png(1024, 576)),
        _ => Reply::Status(404),
    }
    });
    let page = format!("{}/page.html", server.url);
    for (name, download) in [("ranged", false), ("download", true)] {
        let site = folder(name);
        let mut args = vec!["import", "--out", site.to_str().expect("a path"), &page];
        if download {
            args.push("--download-media");
        }
        let output = imported(&args);
        assert!(!stdout(&output).contains("warning"), "{}", stdout(&output));
        let articles: Vec<PathBuf> = std::fs::read_dir(site.join("articles"))
            .expect("articles")
            .map(|e| e.expect("an entry").path())
            .collect();
        let article = json_file(articles.first().expect("one article"));
        let image = &article["body"][1]["image"];
        assert_eq!(
            (image["width"].as_u64(), image["height"].as_u64()),
            (Some(1024), Some(576)),
            "{name}"
        );
        let src = image["src"].as_str().expect("a src");
        assert_eq!(src.starts_with("../media/"), download, "{src}");
        validate(&site);
    }
    let seen = server.seen.lock().expect("the log").clone();
    assert!(
        seen.iter()
            .any(|s| s.path == "/photo.png" && s.range.as_deref() == Some("bytes=0-65535")),
        "{seen:?}"
    );
}

#[test]
fn counter_names_each_articles_view_counter() {
    let site = folder("counted");
    let out = site.to_str().expect("a path");
    imported(&[
        "import",
        "--offline",
        "--out",
        out,
        "--counter",
        "https://count.example/views/",
        &vi("vnexpress-soc-nang-luong"),
    ]);
    let article = json_file(&site.join("articles/5047363.json"));
    assert_eq!(
        article["viewCounter"],
        "https://count.example/views/5047363"
    );
    validate(&site);

    let refused = news_widget(&[
        "import",
        "--offline",
        "--out",
        out,
        "--counter",
        "javascript:",
        &vi("dantri-gia-vang"),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("--counter"),
        "{}",
        stderr(&refused)
    );
}

/// An article page at `path` of `base`, its canonical address its own.
fn article_page(base: &str, path: &str, headline: &str) -> Vec<u8> {
    format!(
        r#"<!doctype html><html lang="en"><head><title>{headline}</title>
        <link rel="canonical" href="{base}{path}">
        <meta property="article:published_time" content="2024-01-05T10:00:00+00:00"></head>
        <body><article><h1>{headline}</h1>
        <p>The first paragraph of {headline}, long enough to be prose, with commas, and more words.</p>
        <p>The second paragraph of {headline}, also long enough to be prose, with commas, and words.</p>
        </article></body></html>"#
    )
    .into_bytes()
}

#[test]
fn ids_never_collide_and_a_later_run_never_overwrites_another_article() {
    let server = serve(|path, base| {
        let headline = match path {
            "/2024/01/05/politics/trump-ballot/index.html" => "Ballot ruling",
            "/2024/01/06/world/europe-floods/index.html" => "Floods in Europe",
            "/2024/02/01/us/trump-ballot/index.html" => "Another ballot story",
            _ => return Reply::Status(404),
        };
        Reply::Body("text/html", article_page(base, path, headline))
    });
    let site = folder("ids");
    let out = site.to_str().expect("a path");
    // Every CNN article's address ends in index.html: the slug before it names it.
    imported(&[
        "import",
        "--out",
        out,
        &format!("{}/2024/01/05/politics/trump-ballot/index.html", server.url),
        &format!("{}/2024/01/06/world/europe-floods/index.html", server.url),
    ]);
    let first = site.join("articles/trump-ballot.json");
    assert_eq!(json_file(&first)["headline"], "Ballot ruling");
    assert!(site.join("articles/europe-floods.json").is_file());

    // A later run: another article whose slug is taken gets more of its address.
    let output = imported(&[
        "import",
        "--out",
        out,
        "--format",
        "json",
        &format!("{}/2024/02/01/us/trump-ballot/index.html", server.url),
    ]);
    let outcomes: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(outcomes[0]["id"], "us-trump-ballot", "{outcomes}");
    assert_eq!(
        json_file(&site.join("articles/us-trump-ballot.json"))["headline"],
        "Another ballot story"
    );
    // The first article is still itself.
    assert_eq!(json_file(&first)["headline"], "Ballot ruling");

    // The same article again updates its own file.
    imported(&[
        "import",
        "--out",
        out,
        &format!("{}/2024/01/05/politics/trump-ballot/index.html", server.url),
    ]);
    assert!(!site.join("articles/trump-ballot-2.json").exists());
    validate(&site);
}

#[test]
fn a_feed_item_is_not_lost_when_its_page_is_gone_or_never_needed() {
    let server = serve(|path, base| match path {
        "/feed.xml" => Reply::Body(
            "application/rss+xml",
            format!(
                r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>News</title><link>{base}/</link><description>All of it</description>
<item><title>A summary whose page is gone</title><link>{base}/gone-1001.html</link>
  <pubDate>Thu, 04 Jan 2024 10:00:00 GMT</pubDate>
  <description>What the feed says of it, in a sentence or two.</description></item>
<item><title>Release 1.2</title><link>{base}/release-1002.html</link>
  <pubDate>Fri, 05 Jan 2024 10:00:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>Fixes a crash on start.</p>]]></content:encoded></item>
</channel></rss>"#
            )
            .into_bytes(),
        ),
        _ => Reply::Status(404),
    });
    let site = folder("feed-fallback");
    let output = imported(&[
        "import",
        "--out",
        site.to_str().expect("a path"),
        &format!("{}/feed.xml", server.url),
    ]);
    let printed = stdout(&output);
    assert!(
        printed.contains(
            "warning: the page could not be read (HTTP 404): the feed's own content is the article"
        ),
        "{printed}"
    );
    let gone = json_file(&site.join("articles/1001.json"));
    assert_eq!(gone["headline"], "A summary whose page is gone");
    assert_eq!(
        gone["body"][0]["paragraph"]["text"][0],
        "What the feed says of it, in a sentence or two."
    );
    // A short content:encoded with no summary apart from it is the whole
    // article: its page is never asked for.
    let release = json_file(&site.join("articles/1002.json"));
    assert_eq!(
        release["body"][0]["paragraph"]["text"][0],
        "Fixes a crash on start."
    );
    let asked: Vec<String> = server
        .seen
        .lock()
        .expect("the log")
        .iter()
        .map(|s| s.path.clone())
        .collect();
    assert!(!asked.iter().any(|p| p.contains("release")), "{asked:?}");
    validate(&site);
}
