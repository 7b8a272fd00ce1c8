//! Writes `loader/names.js`: the names the JavaScript shares with the Rust
//! side, taken from it, so each is written once. The loader runs before the
//! module is there (and after it has crashed), so it cannot ask it; it
//! imports this file instead, and esbuild bundles it in. The partner pages'
//! frame script (`publisher/assets/frame.js`) imports it too: `news-widget
//! build` writes it beside. `make names` writes it (feature `names`);
//! `make native` fails while the committed copy is stale.

use std::fmt::Write as _;
use std::path::PathBuf;

use news_widget::components::{CARD_HOST_CLASS, NOTICE, PRERENDERED_CLASS};
use news_widget::embed::{Event, ERROR_DETAIL, FRAGMENT_KEY};
use news_widget::error::Code;

/// A JavaScript string literal (the names are plain ASCII, where Rust's escaping is JavaScript's).
fn quoted(value: &str) -> String {
    format!("{value:?}")
}

/// `SCREAMING_SNAKE_CASE` of a name such as `news-article:video-play` or `not-found`.
fn constant(name: &str) -> String {
    name.replace(['-', ':'], "_").to_uppercase()
}

/// A group of constants under one doc comment: `export const PREFIX_NAME = "value";` each, as
/// flat constants, so that the bundle keeps only those the loader uses.
fn group(out: &mut String, doc: &str, constants: &[(String, &str)]) {
    let _ = writeln!(out, "\n// {doc}");
    for (name, value) in constants {
        let _ = writeln!(out, "export const {name} = {};", quoted(value));
    }
}

fn names() -> String {
    let mut out = String::from(
        "// Generated from the Rust side by `make names` (src/bin/names.rs): do not edit.\n\
         // The names the loader and the frame pages' script share with the module, each written once, in Rust.\n",
    );
    group(
        &mut out,
        "The events on <news-article> (src/embed/host.rs, `Event`).",
        &Event::ALL.map(|event| {
            let name = event.name();
            let short = name.trim_start_matches("news-article:");
            (format!("EVENT_{}", constant(short)), name)
        }),
    );
    group(
        &mut out,
        "The keys of an error event's detail (src/embed/host.rs, `ERROR_DETAIL`).",
        &[
            ERROR_DETAIL.code,
            ERROR_DETAIL.message,
            ERROR_DETAIL.version,
        ]
        .map(|key| (format!("DETAIL_{}", constant(key)), key)),
    );
    group(
        &mut out,
        "Every error code (src/error.rs, `Code`); the loader itself reports `unsupported` and `internal`.",
        &Code::ALL.map(|code| (format!("CODE_{}", constant(code.as_str())), code.as_str())),
    );
    group(
        &mut out,
        "The error notice's markup, a div around a p (src/components/error_notice.rs, `NOTICE`).",
        &[
            ("NOTICE_CLASS".into(), NOTICE.class),
            ("NOTICE_PART".into(), NOTICE.part),
            ("NOTICE_ROLE".into(), NOTICE.role),
        ],
    );
    group(
        &mut out,
        "The class of a snippet's pre-rendered article (src/components/widget.rs).",
        &[("PRERENDERED_CLASS".into(), PRERENDERED_CLASS)],
    );
    group(
        &mut out,
        "The class of a card page's card host, which takes the page's theme (src/components/card.rs).",
        &[("CARD_HOST_CLASS".into(), CARD_HOST_CLASS)],
    );
    group(
        &mut out,
        "The key of the current article in the host URL's fragment (src/embed/history.rs).",
        &[("FRAGMENT_KEY".into(), FRAGMENT_KEY)],
    );
    out
}

fn main() {
    let Some(file) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: names <file.js>");
        std::process::exit(2);
    };
    if let Err(error) = std::fs::write(&file, names()) {
        eprintln!("names: {}: {error}", file.display());
        std::process::exit(1);
    }
}
