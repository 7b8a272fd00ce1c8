//! Mutation fuzzing: thousands of damaged versions of the sample articles and
//! date indexes go through parsing and, when they parse, native SSR rendering
//! of the whole widget (the article, the history buttons, the date browser
//! with a day's list). Nothing may panic, and enough of them must get as far
//! as rendering. `make test` runs a short seeded run; `make fuzz` a long one
//! (FUZZ_CASES, FUZZ_SEED to vary).
#![cfg(not(target_arch = "wasm32"))]

use std::cell::Cell;
use std::rc::Rc;

use news_widget::components::{widget, Moves};
use news_widget::error::Error;
use news_widget::i18n::{Lang, Locale};
use news_widget::model::{Article, DateIndex, Document};
use news_widget::state::{Action, State};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::error::Category;
use serde_json::Value;
use yew::prelude::*;
use yew::LocalServerRenderer;

/// Strings that have broken parsers and renderers before.
const NASTY: &[&str] = &[
    "",
    " ",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,x",
    "\u{0}",
    "\u{202e}gnp.exe",
    "👩‍👩‍👧‍👦",
    "\n\n\n",
    "0000-00-00T00:00:00Z",
    "2022-02-29T10:00:00+07:00",
    "9999-12-31T23:59:60+23:59",
    "Asia/Ho_Chi_Minh",
    "../../../../etc/passwd",
    "//evil.example/x.json",
    "https://a.example/x.jpg",
    "{date}",
];

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(NASTY).prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::from),
        (1usize..20_000).prop_map(|n| Value::from("x".repeat(n))),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(
                        &["text", "em", "link", "image", "paragraph", "src", "href"][..]
                    ),
                    inner
                ),
                0..3
            )
            .prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Any value in place of any node (mostly breaks the document).
    Replace(Value),
    /// Another string in place of a string (often keeps it valid: exercises rendering).
    Text(String),
    Remove,
    Duplicate,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => value().prop_map(Mutation::Replace),
        5 => prop_oneof![prop::sample::select(NASTY).prop_map(str::to_owned), "\\PC{0,60}"].prop_map(Mutation::Text),
        1 => Just(Mutation::Remove),
        2 => Just(Mutation::Duplicate),
    ]
}

/// Every JSON pointer in `value`.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            pointers(
                v,
                format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                out,
            )
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

fn mutate(mut doc: Value, changes: &[(prop::sample::Index, Mutation)]) -> Value {
    for (index, change) in changes {
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let pointer = index.get(&all).clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", ""));
        match change {
            Mutation::Replace(v) => {
                if let Some(slot) = doc.pointer_mut(&pointer) {
                    *slot = v.clone();
                }
            }
            Mutation::Text(text) => {
                if let Some(slot @ Value::String(_)) = doc.pointer_mut(&pointer) {
                    *slot = Value::from(text.as_str());
                }
            }
            Mutation::Remove | Mutation::Duplicate => match doc.pointer_mut(parent) {
                Some(Value::Object(map)) if matches!(change, Mutation::Remove) => {
                    map.remove(&key.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(items)) => {
                    if let Ok(i) = key.parse::<usize>() {
                        if i < items.len() {
                            match change {
                                Mutation::Remove => drop(items.remove(i)),
                                _ => items.insert(i, items[i].clone()),
                            }
                        }
                    }
                }
                _ => {}
            },
        }
    }
    doc
}

/// A file of the sample site.
fn sample(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/site/{path}", env!("CARGO_MANIFEST_DIR"))).expect("sample")
}

/// The documents damaged: three articles and two date indexes of the sample site.
fn samples() -> Vec<Value> {
    [
        "articles/20122.json",
        "articles/20125.json",
        "articles/20118.json",
        "dates/2022-01-19.json",
        "dates/2022-01-20.json",
    ]
    .iter()
    .map(|path| serde_json::from_slice(&sample(path)).expect("JSON"))
    .collect()
}

/// A damaged document: a mutated sample, or a sample's bytes cut and flipped.
fn document() -> impl Strategy<Value = Vec<u8>> {
    let samples = samples();
    let raw: Vec<Vec<u8>> = samples.iter().map(|v| v.to_string().into_bytes()).collect();
    prop_oneof![
        4 => (prop::sample::select(samples), prop::collection::vec((any::<prop::sample::Index>(), mutation()), 1..4))
            .prop_map(|(doc, changes)| mutate(doc, &changes).to_string().into_bytes()),
        1 => (prop::sample::select(raw), any::<prop::sample::Index>(), prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6))
            .prop_map(|(mut bytes, cut, flips)| {
                for (at, byte) in flips {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
                bytes.truncate(cut.index(bytes.len() + 1));
                bytes
            }),
    ]
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A seeded runner of FUZZ_CASES cases, and that number.
fn runner() -> (TestRunner, u32) {
    let cases = env("FUZZ_CASES", 300) as u32;
    let seed = env("FUZZ_SEED", 20122);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
    (TestRunner::new_with_rng(config, rng), cases)
}

/// Props of [`WholeWidget`].
#[derive(Properties, PartialEq)]
struct WholeWidgetProps {
    state: State,
}

/// The whole widget as the app draws `state`, with its date browser.
#[component]
fn WholeWidget(props: &WholeWidgetProps) -> Html {
    widget(
        Locale::new(Lang::Vi),
        &props.state,
        true,
        &Moves::default(),
        &NodeRef::default(),
        None,
    )
}

/// The state of a widget showing `article`, with `index` as the list of the
/// day before the article's (the date browser's first step).
fn showing(article: Article, index: DateIndex) -> State {
    let state = Rc::new(State::new(
        Ok("https://news.example/articles/20122.json".into()),
        Some(Rc::new(article)),
    ));
    let day = state.day().expect("a day to browse").previous();
    let state = state.reduce(Action::ShowDay(day));
    let attempt = state
        .day_index()
        .pending()
        .expect("the day's list is loading");
    Rc::unwrap_or_clone(state.reduce(Action::DayLoaded(attempt, Ok(Rc::new(index)))))
}

#[test]
fn damaged_documents_never_panic_in_parsing_or_rendering() {
    let (mut runner, cases) = runner();
    let seed = env("FUZZ_SEED", 20122);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let article = || Article::parse(&sample("articles/20122.json")).expect("the seed");
    let index = || DateIndex::parse(&sample("dates/2022-01-19.json")).expect("a day");
    let rendered = Cell::new(0u32);
    let result = runner.run(&document(), |bytes| {
        // A damaged article with a good day's list, or a good article with a damaged list.
        let state = match (Article::parse(&bytes), DateIndex::parse(&bytes)) {
            (Ok(article), _) => showing(article, index()),
            (_, Ok(index)) => showing(article(), index),
            _ => return Ok(()),
        };
        let html = runtime.block_on(
            LocalServerRenderer::<WholeWidget>::with_props(WholeWidgetProps { state })
                .hydratable(false)
                .render(),
        );
        prop_assert!(!html.contains("<script"));
        prop_assert!(html.contains("nw-headline") && html.contains("nw-dates"));
        rendered.set(rendered.get() + 1);
        Ok(())
    });
    println!(
        "fuzz: {cases} damaged documents (seed {seed}): {} parsed and rendered whole, {} refused with an error, 0 panics",
        rendered.get(),
        cases - rendered.get()
    );
    if let Err(failure) = result {
        panic!("{failure}");
    }
    // Mutations mostly break a document; a run in which hardly any renders
    // would test parsing alone. The seeded run renders about a third.
    assert!(
        rendered.get() >= cases / 5,
        "only {} of {cases} documents rendered",
        rendered.get()
    );
    assert!(
        rendered.get() < cases,
        "every document parsed: the mutations damage nothing"
    );
}

/// What serde_path_to_error (the reference `model` replaced to save 11 KB of
/// wasm) says of a data error in `bytes`: its path and message, with the path
/// `ours` names. `None` when there is nothing to compare: the document parses,
/// our early checks refuse it (not an object), or it is a syntax error, which
/// the message locates by line and column.
fn paths<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    ours: Result<T, Error>,
) -> Option<(String, String, String)> {
    let reference =
        serde_path_to_error::deserialize::<_, T>(&mut serde_json::Deserializer::from_slice(bytes));
    match (reference, ours) {
        (Err(reference), Err(Error::Invalid { path, reason }))
            if reference.inner().classify() == Category::Data
                && reason != "the document is not a JSON object" =>
        {
            let expected = reference.path().to_string();
            let expected = if expected == "." {
                String::new()
            } else {
                expected
            };
            Some((expected, reference.inner().to_string(), path))
        }
        _ => None,
    }
}

#[test]
fn error_paths_are_the_ones_serde_path_to_error_names() {
    let (mut runner, cases) = runner();
    let compared = Cell::new(0u32);
    let result = runner.run(&document(), |bytes| {
        let articles = paths(&bytes, Article::parse(&bytes));
        let indexes = paths(&bytes, DateIndex::parse(&bytes));
        for (expected, message, named) in articles.into_iter().chain(indexes) {
            compared.set(compared.get() + 1);
            if message.contains("`em`, `strong`") {
                // A bad rich-text node: a nested list is named by its first
                // item, an unknown style by its node rather than its key.
                prop_assert!(
                    named.starts_with(&expected) || expected.starts_with(&named),
                    "{named} is not near {expected}"
                );
            } else {
                prop_assert_eq!(named, expected);
            }
        }
        Ok(())
    });
    println!(
        "fuzz: {} data errors in {cases} documents named alike",
        compared.get()
    );
    if let Err(failure) = result {
        panic!("{failure}");
    }
    assert!(compared.get() > cases / 4, "too few data errors to compare");
}
