//! The publisher's command line, run as a newsroom's CI runs it: `validate`
//! on a good and a broken site (each problem's file, JSON path and the exit
//! status), `render` and `build`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};

use common::{news_widget, stderr, stdout};
use serde_json::{json, Value};

const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../site");

/// A fresh copy of the sample site's JSON (not its media) in a folder of its own.
fn copy_of_site(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    for dir in ["articles", "dates", "media"] {
        std::fs::create_dir_all(root.join(dir)).expect("a folder");
    }
    for dir in ["articles", "dates"] {
        for entry in std::fs::read_dir(Path::new(SITE).join(dir)).expect("the site") {
            let path = entry.expect("an entry").path();
            std::fs::copy(
                &path,
                root.join(dir).join(path.file_name().expect("a name")),
            )
            .expect("copied");
        }
    }
    for entry in std::fs::read_dir(Path::new(SITE).join("media")).expect("media") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().expect("a name");
        // Empty stand-ins: `validate` checks that files exist, not what is in them.
        std::fs::write(root.join("media").join(name), b"").expect("written");
    }
    root
}

fn edit(file: &Path, change: impl FnOnce(&mut Value)) {
    let mut value: Value =
        serde_json::from_slice(&std::fs::read(file).expect("read")).expect("JSON");
    change(&mut value);
    std::fs::write(file, value.to_string()).expect("written");
}

#[test]
fn the_sample_site_is_clean() {
    let output = news_widget(&["validate", SITE]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("15 files checked: 7 articles, 8 date indexes; 0 problems"));
}

#[test]
fn a_broken_site_gets_every_problem_with_its_file_and_path() {
    let site = copy_of_site("broken-site");
    let file = |path: &str| site.join(path);
    edit(&file("articles/20122.json"), |a| {
        a["body"][1]["video"]["poster"] = json!("javascript:alert(1)");
    });
    edit(&file("articles/20121.json"), |a| {
        a["related"][1]["src"] = json!("20199.json");
    });
    edit(&file("articles/20118.json"), |a| a["id"] = json!("20110"));
    edit(&file("articles/20115.json"), |a| {
        a["viewCounter"] = json!("https://count.example/views/20104");
    });
    std::fs::remove_file(file("media/20125.jpg")).expect("removed");
    edit(&file("dates/2022-01-19.json"), |d| {
        d["items"][0]["published"] = json!("2022-01-18T22:00:00+07:00");
    });

    let output = news_widget(&["validate", site.to_str().expect("a path")]);
    assert_eq!(output.status.code(), Some(1));
    let s = |path: &str| file(path).display().to_string();
    let expected = [
        format!("{}: related[1].src: points to a missing file, {}", s("articles/20121.json"), s("articles/20199.json")),
        format!("{}: body[1].video.poster: URL scheme `javascript:` is not allowed", s("articles/20122.json")),
        format!("{}: body[1].image.src: points to a missing file, {}", s("articles/20125.json"), s("media/20125.jpg")),
        format!("{}: id: \"20110\" is already the id of {}", s("articles/20118.json"), s("articles/20110.json")),
        format!(
            "{}: viewCounter: ends in \"20104\", not the article's id \"20115\": the counter would count another article",
            s("articles/20115.json")
        ),
        format!(
            "{}: related[2].id: names the article \"20118\", whose file says its id is \"20110\"",
            s("articles/20121.json")
        ),
        format!(
            "{}: items[0].published: the article was published on 2022-01-18 (Asia/Ho_Chi_Minh), not on 2022-01-19",
            s("dates/2022-01-19.json")
        ),
    ];
    let printed = stdout(&output);
    let lines: Vec<&str> = printed.lines().collect();
    for line in &expected {
        assert!(
            lines.contains(&line.as_str()),
            "missing {line:?} in {lines:#?}"
        );
    }

    let json = news_widget(&[
        "validate",
        "--format",
        "json",
        site.to_str().expect("a path"),
    ]);
    assert_eq!(json.status.code(), Some(1));
    let problems: Vec<Value> = serde_json::from_slice(&json.stdout).expect("a JSON array");
    assert_eq!(
        problems.len(),
        lines.len(),
        "the same problems in both formats"
    );
    assert!(problems.contains(&json!({
        "file": s("articles/20122.json"),
        "path": "body[1].video.poster",
        "message": "URL scheme `javascript:` is not allowed",
    })));
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    let output = news_widget(&["validate", "/no/such/site"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: /no/such/site: "));
    assert_eq!(
        news_widget(&["render"]).status.code(),
        Some(2),
        "a missing argument"
    );
}

#[test]
fn render_prints_the_snippet_a_partner_pastes() {
    let seed = format!("{SITE}/articles/20122.json");
    let output = news_widget(&[
        "render",
        &seed,
        "--src",
        "https://news.example/articles/20122.json",
        "--lang",
        "en",
        "--theme",
        "dark",
        "--widget",
        "https://cdn.example/nw/news-widget.js",
        "--stylesheet",
        "https://cdn.example/nw/v/0123abcd/news-widget.css",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let html = stdout(&output);
    assert!(html.starts_with(
        r#"<news-article src="https://news.example/articles/20122.json" lang="en" theme="dark"><template shadowrootmode="open"><link rel="stylesheet" href="https://cdn.example/nw/v/0123abcd/news-widget.css">"#
    ), "{html}");
    assert!(html.contains(">Thursday, January 20, 2022, 7:35\u{a0}PM</time>"));
    assert!(
        html.contains(r#"src="https://news.example/media/20122-1.jpg""#),
        "URLs resolved against --src"
    );
    assert!(html.contains(r#"</template><a href="https://news.example/tin-tuc/20122">Hội nghị Ban Chấp hành Đảng bộ tỉnh</a></news-article>"#));
    assert!(
        html.ends_with("<script src=\"https://cdn.example/nw/news-widget.js\" async></script>\n")
    );

    let site = copy_of_site("render-broken");
    let broken = site.join("articles/20122.json");
    edit(&broken, |a| a["headline"] = json!(""));
    let output = news_widget(&[
        "render",
        broken.to_str().expect("a path"),
        "--src",
        "/a.json",
        "--stylesheet",
        "/v/1/news-widget.css",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!("{}: headline: must not be empty\n", broken.display())
    );
}

#[test]
fn build_writes_every_snippet_or_nothing() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("embed");
    let _ = std::fs::remove_dir_all(&out);
    let output = news_widget(&[
        "build",
        SITE,
        "--out",
        out.to_str().expect("a path"),
        "--public",
        "https://news.example/embed/",
        "--stylesheet",
        "/v/1/news-widget.css",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let written = files_in(&out, "");
    let snippets: Vec<&String> = written
        .iter()
        .filter(|f| !f.contains('/') && f.ends_with(".html") && *f != "index.html")
        .collect();
    assert_eq!(
        snippets.len(),
        14,
        "seven articles, two languages: {written:?}"
    );
    assert!(written.contains(&"20122.vi.html".to_owned()));
    let seed = std::fs::read_to_string(out.join("20122.vi.html")).expect("a snippet");
    assert!(seed.starts_with(
        r#"<news-article src="/site/articles/20122.json" lang="vi"><template shadowrootmode="open"><link rel="stylesheet" href="/v/1/news-widget.css">"#
    ));

    let site = copy_of_site("build-broken");
    edit(&site.join("articles/20125.json"), |a| {
        a["published"] = json!("yesterday")
    });
    let nothing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("embed-broken");
    let _ = std::fs::remove_dir_all(&nothing);
    let output = news_widget(&[
        "build",
        site.to_str().expect("a path"),
        "--out",
        nothing.to_str().expect("a path"),
        "--public",
        "https://news.example/embed/",
        "--stylesheet",
        "/v/1/news-widget.css",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(
        "articles/20125.json: published: `yesterday` is not an RFC 3339 timestamp with offset"
    ));
    assert!(!nothing.exists(), "nothing written");
}

/// Every file under `dir`, as paths relative to it (`share/20122.vi.html`), sorted.
fn files_in(dir: &Path, prefix: &str) -> Vec<String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let entry = entry.expect("an entry");
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        match entry.path().is_dir() {
            true => files.extend(files_in(&entry.path(), &format!("{name}/"))),
            false => files.push(name),
        }
    }
    files.sort();
    files
}

#[test]
fn build_writes_the_partner_pages_with_absolute_urls_where_wordpress_reads_them() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("partners");
    let _ = std::fs::remove_dir_all(&out);
    let output = news_widget(&[
        "build",
        SITE,
        "--out",
        out.to_str().expect("a path"),
        "--public",
        "https://news.example/embed",
        "--publisher",
        "Tin tức mẫu",
        "--stylesheet",
        "/v/1/news-widget.css",
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let written = files_in(&out, "");
    // Seven articles in two languages: a snippet, a share page, two frame
    // pages and an oEmbed answer each; index.json and the eight assets.
    assert_eq!(written.len(), 7 * 2 * 5 + 1 + 8, "{written:?}");
    let told = format!("{} files written", written.len());
    assert!(stderr(&output).contains(&told), "{output:?}");
    for folder in ["share/", "frame/", "card/", "oembed/"] {
        let count = written.iter().filter(|f| f.starts_with(folder)).count();
        assert_eq!(count, 14, "{folder}: seven articles, two languages");
    }
    for asset in [
        "index.json",
        "index.html",
        "code.js",
        "code.css",
        "frame.js",
        "frame-host.js",
        "page.css",
        "card.css",
    ] {
        assert!(
            written.contains(&asset.to_owned()),
            "{asset} in {written:?}"
        );
    }

    let share = std::fs::read_to_string(out.join("share/20122.en.html")).expect("a share page");
    assert!(share.contains(
        r#"<link rel="alternate" type="application/json+oembed" href="https://news.example/embed/oembed/20122.en.json""#
    ), "a slash is added to --public");
    assert!(share.contains(
        r#"<meta property="og:image" content="https://news.example/site/media/20122-1.jpg">"#
    ));
    assert!(
        share.contains(r#"<news-article src="/site/articles/20122.json" lang="en">"#),
        "the snippet, as given"
    );

    let answer: Value =
        serde_json::from_slice(&std::fs::read(out.join("oembed/20122.en.json")).expect("read"))
            .expect("JSON");
    assert_eq!(answer["provider_name"], "Tin tức mẫu");
    assert_eq!(
        answer["provider_url"], "https://news.example/",
        "the root of --public's origin"
    );
    assert!(answer["html"]
        .as_str()
        .expect("html")
        .contains(r#"<iframe src="https://news.example/embed/card/20122.en.html""#));

    let index: Value =
        serde_json::from_slice(&std::fs::read(out.join("index.json")).expect("read"))
            .expect("JSON");
    let seed = index["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["id"] == "20122")
        .expect("the seed");
    assert_eq!(seed["src"], "/site/articles/20122.json");
    assert_eq!(seed["url"], "https://news.example/tin-tuc/20122");
    assert_eq!(seed["pages"]["vi"]["card"], "card/20122.vi.html");
    assert_eq!(index["widget"], "/news-widget.js");
}

#[test]
fn build_needs_an_absolute_public_url() {
    for public in ["/embed/", "embed", "ftp://news.example/"] {
        let output = news_widget(&[
            "build",
            SITE,
            "--out",
            "/nonexistent",
            "--public",
            public,
            "--stylesheet",
            "/v/1/news-widget.css",
        ]);
        assert_eq!(output.status.code(), Some(2), "{public}");
        assert_eq!(
            stderr(&output),
            format!("error: --public {public:?} is not an absolute http(s) URL\n")
        );
    }
}

#[test]
fn validate_names_every_problem_of_a_file() {
    let site = copy_of_site("every-problem");
    let seed = site.join("articles/20122.json");
    edit(&seed, |a| {
        a.as_object_mut().expect("an object").remove("headline");
        a["body"][0]["image"]["width"] = json!("wide");
        a["body"][1]["video"]["poster"] = json!("javascript:alert(1)");
        a["body"][5]["image"]["src"] = json!("data:image/png;base64,AAAA");
    });
    let output = news_widget(&["validate", seed.to_str().expect("a path")]);
    assert_eq!(output.status.code(), Some(1));
    let s = seed.display();
    assert_eq!(
        stdout(&output),
        format!(
            "{s}: body[0].image.width: invalid type: string \"wide\", expected a nonzero u32\n\
             {s}: body[1].video.poster: URL scheme `javascript:` is not allowed\n\
             {s}: body[5].image.src: URL scheme `data:` is not allowed\n\
             {s}: missing field `headline`\n"
        ),
        "each problem once, at its place in the file as written"
    );
    assert!(stderr(&output).contains("1 file checked: 0 articles, 0 date indexes; 4 problems"));

    let one = site.join("articles/20121.json");
    edit(&one, |a| a["viewCount"] = json!(-1));
    let output = news_widget(&["validate", one.to_str().expect("a path")]);
    assert!(stderr(&output).contains("; 1 problem\n"));
}
