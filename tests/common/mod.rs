//! Helpers shared by the browser tests (`tests/browser.rs`, `tests/renders.rs`).
#![cfg(target_arch = "wasm32")]

use web_sys::Element;

/// A `<news-article>`-like host with `attributes` and a mount point, attached
/// to the document; returns the host and the mount point.
pub fn host(attributes: &[(&str, &str)]) -> (Element, Element) {
    let document = gloo_utils::document();
    let host = document.create_element("div").expect("div");
    for (name, value) in attributes {
        host.set_attribute(name, value).expect("attribute");
    }
    let root = document.create_element("div").expect("div");
    host.append_child(&root).expect("append");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    (host, root)
}

/// Waits until `done()` holds, checking every 20 ms, for 5 s at most: a wait
/// for a state, not a fixed sleep.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..250 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    panic!("timed out waiting until {what}");
}
