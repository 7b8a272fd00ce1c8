//! The host URL's fragment as the widget's history, for `history="hash"`.
//!
//! The current article is kept as `#news-article=<url>`. A URL read back from
//! the fragment is accepted only on the origin of the element's `src`, so a
//! crafted link cannot make a partner's page show someone else's content.

use gloo_events::EventListener;
use wasm_bindgen::JsValue;

const KEY: &str = "news-article=";

/// The article URL in the host page's fragment, if it is on `src`'s origin.
pub fn current(src: &str) -> Option<String> {
    let hash = gloo_utils::window().location().hash().ok()?;
    let encoded = hash
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(KEY))?;
    let url = js_sys::decode_uri_component(encoded).ok()?.as_string()?;
    let origin = |url: &str| web_sys::Url::new(url).ok().map(|u| u.origin());
    (origin(&url).is_some() && origin(&url) == origin(src)).then_some(url)
}

/// Records `url` as a new entry of the host's history.
pub fn push(url: &str) {
    let fragment = format!("#{KEY}{}", js_sys::encode_uri_component(url));
    if let Ok(history) = gloo_utils::window().history() {
        // Refused only in sandboxed documents, where the widget still works without it.
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&fragment));
    }
}

/// Moves through the host's history (`-1` back, `1` forward).
pub fn go(delta: i32) {
    if let Ok(history) = gloo_utils::window().history() {
        let _ = history.go_with_delta(delta);
    }
}

/// Calls `changed` whenever the reader moves through the host's history; stops when dropped.
pub fn listen(changed: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo_utils::window(), "popstate", move |_| changed())
}
