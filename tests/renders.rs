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

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../site/articles/20122.json");

/// The components an article is made of: none of them may render again for
/// a change that is not the article's.
const ARTICLE_PARTS: [&str; 4] = ["ArticleView", "RelatedList", "SummaryItem", "VideoPlayer"];

/// A `<news-article>`-like host for the seed article, mounted, with the
/// answer to its early request already handed over, as the loader does.
fn seed_widget() -> (Element, Element, Widget) {
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

    // A date-browser step: the date browser renders, the article does not.
    renders::reset();
    let day_button = root
        .query_selector(".nw-previous-day")
        .expect("query")
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        .expect("the previous-day button");
    day_button.click();
    until("the day's list settles", || {
        root.query_selector(
            ".nw-dates [role=status], .nw-dates [role=alert], .nw-dates .nw-summary",
        )
        .ok()
        .flatten()
        .is_some_and(|el| el.text_content().unwrap_or_default() != "Đang tải bài viết…")
    })
    .await;
    assert!(
        renders::of("DateBrowser") >= 1,
        "the date browser shows the step"
    );
    assert_article_untouched("a date-browser step renders no article component");

    // A theme change is pure CSS: even if the loader passed it on, nothing renders.
    renders::reset();
    host.set_attribute("theme", "dark").expect("theme");
    widget.update();
    // Yew renders in a microtask: after a task, it has.
    gloo_timers::future::TimeoutFuture::new(0).await;
    assert_renders(&[("App", 0)], "a theme change renders nothing");
    assert_article_untouched("a theme change renders no article component");

    widget.unmount();
    host.remove();
}
