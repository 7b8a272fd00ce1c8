//! Render once: how often each component renders, counted in a real browser
//! (headless Chromium, feature `render-count`, run by `make browser`).
//! Counts are deterministic, so they belong in a test; timings never do.
#![cfg(all(target_arch = "wasm32", feature = "render-count"))]

use news_widget::components::renders;
use news_widget::{adopt, mount, Widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, Response};

mod common;

use common::{host, until};
use yew::scheduler::flush;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../site/articles/20122.json");
/// The first related article, opened in place.
const RELATED: &str = include_str!("../site/articles/20125.json");
/// The day before the seed's, with two articles.
const DAY: &str = include_str!("../site/dates/2022-01-19.json");

/// The components an article is made of: none of them may render again for
/// a change that is not the article's.
const ARTICLE_PARTS: [&str; 4] = ["ArticleView", "RelatedList", "SummaryItem", "VideoPlayer"];

/// Answers the page's requests for URLs ending in `path` with `body`, as the
/// sample site's server would (the test runner serves no site files); other
/// requests go to the network as before.
fn serve(path: &str, body: &str) {
    let install = js_sys::Function::new_with_args(
        "path, body",
        "const fetch = window.fetch.bind(window);
         window.fetch = (input, init) =>
           String(input instanceof Request ? input.url : input).endsWith(path)
             ? Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }))
             : fetch(input, init);",
    );
    install
        .call2(&JsValue::NULL, &path.into(), &body.into())
        .expect("fetch answered");
}

/// A `<news-article>`-like host for the seed article, mounted, with the
/// answer to its early request already handed over, as the loader does.
fn seed_widget() -> (Element, Element, Widget) {
    serve("/renders/20125.json", RELATED);
    serve("/dates/2022-01-19.json", DAY);
    let (host, root) = host(&[("src", "renders/20122.json")]);
    let document = gloo_utils::document();
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let url = web_sys::Url::new_with_base("renders/20122.json", &base).expect("url");
    // As the loader hands it over when the answer came in before the module.
    let response = Response::new_with_opt_str(Some(SEED)).expect("response");
    let body = js_sys::Uint8Array::from(SEED.as_bytes()).buffer();
    let request = js_sys::Promise::resolve(&JsValue::from(Clone::clone(&response)));
    adopt(&url.href(), request, Some(response), Some(body));
    renders::reset();
    let widget = mount(
        host.clone(),
        root.clone(),
        js_sys::Function::new_no_args(""),
        "test".into(),
        None,
    );
    (host, root, widget)
}

/// Resolves with the next `name` event on `target`.
fn next(target: &Element, name: &str) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        target
            .add_event_listener_with_callback_and_add_event_listener_options(
                name, &resolve, &options,
            )
            .expect("listen");
    });
    JsFuture::from(promise)
}

/// Clicks the first element matching `selector` in `root`, as a reader does.
fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .expect("query")
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no {selector}"))
        .click();
}

/// Asserts how often each named component rendered since the last reset.
fn assert_renders(expected: &[(&str, u32)], why: &str) {
    let actual: Vec<(&str, u32)> = expected.iter().map(|(n, _)| (*n, renders::of(n))).collect();
    assert_eq!(actual, expected, "{why}");
}

/// None of the article's parts rendered.
fn assert_article_untouched(why: &str) {
    assert_renders(&ARTICLE_PARTS.map(|n| (n, 0)), why);
}

#[wasm_bindgen_test]
async fn each_component_renders_once_for_an_article_and_not_again_for_other_changes() {
    let (host, root, mut widget) = seed_widget();
    next(&host, "news-article:rendered")
        .await
        .expect("rendered");
    assert_renders(
        &[
            ("ArticleView", 1),
            ("RelatedList", 1),
            ("SummaryItem", 6),
            ("VideoPlayer", 1),
            ("DateBrowser", 1),
            ("HistoryNav", 1),
        ],
        "the article arrived: each part once (six related items)",
    );
    assert_renders(
        &[("App", 1), ("Skeleton", 0)],
        "the answer was in before the module: the first render is the article",
    );

    // A date-browser step to a day with two articles: the date browser and
    // the day's two items render, the article does not.
    renders::reset();
    click(&root, ".nw-previous-day");
    until("the day's list shows its articles", || {
        root.query_selector(".nw-dates .nw-summary")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    flush().await;
    assert!(
        renders::of("DateBrowser") >= 1,
        "the date browser shows the step"
    );
    assert_renders(
        &[
            ("ArticleView", 0),
            ("RelatedList", 0),
            ("SummaryItem", 2),
            ("VideoPlayer", 0),
        ],
        "a date-browser step renders the day's two items and no part of the article",
    );

    // A theme change is pure CSS: even if the loader passed it on, nothing renders.
    renders::reset();
    host.set_attribute("theme", "dark").expect("theme");
    widget.update();
    flush().await;
    assert_renders(&[("App", 0)], "a theme change renders nothing");
    assert_article_untouched("a theme change renders no article component");

    // A related item opens in place: the old article dims while it loads,
    // then the new one renders. Its related list shares five items with the
    // seed's (same props, same keys): only the sixth, the seed itself, renders.
    renders::reset();
    let rendered = next(&host, "news-article:rendered");
    click(&root, ".nw-related a");
    rendered.await.expect("rendered");
    flush().await;
    assert_renders(
        &[
            ("ArticleView", 2),
            ("RelatedList", 1),
            ("SummaryItem", 1),
            ("VideoPlayer", 0),
            ("HistoryNav", 1),
            ("DateBrowser", 0),
        ],
        "a move: the article dimmed, then the new one and its one new related item; the back button appears",
    );

    widget.unmount();
    host.remove();
}
