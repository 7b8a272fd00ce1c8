//! Where the reader's way through articles is kept: only inside the widget,
//! or, with `history="hash"`, also in the host URL's fragment, so that the
//! browser's back button and a shared link reopen the same article.
//!
//! The current article is kept as `#news-article=<url>`. A URL read back from
//! the fragment is accepted only on the origin of the element's `src`, so a
//! crafted link cannot make a partner's page show someone else's content.
//! The loader (`loader/early.js`) applies the same rule, to know before this
//! module loads whether `src` is the article to ask for; `e2e/loader.test.mjs`
//! holds the two to each other.

use gloo_events::EventListener;
use wasm_bindgen::JsValue;

/// The key of the current article in the host URL's fragment
/// (`#news-article=<url>`; `loader/names.js` has it too).
pub const FRAGMENT_KEY: &str = "news-article=";

/// The `history` attribute: where the reader's way through articles is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HistoryMode {
    /// Only inside the widget: the host's URL and history are never touched (the default).
    #[default]
    Widget,
    /// Also in the host URL's fragment.
    Hash,
}

impl HistoryMode {
    /// The `history` attribute's value, if it names a mode.
    pub fn from_attribute(value: &str) -> Option<HistoryMode> {
        (value == "hash").then_some(HistoryMode::Hash)
    }

    /// The article to start with: `src`, or the one a shared link's fragment names.
    pub fn start(self, src: &str) -> String {
        match self {
            HistoryMode::Hash => in_fragment(src),
            HistoryMode::Widget => None,
        }
        .unwrap_or_else(|| src.to_owned())
    }

    /// The reader opened the article at `url`: a new entry of the host's history.
    pub fn opened(self, url: &str) {
        if self == HistoryMode::Hash {
            let fragment = format!("#{FRAGMENT_KEY}{}", js_sys::encode_uri_component(url));
            if let Ok(history) = gloo_utils::window().history() {
                // Refused only in sandboxed documents, where the widget still works without it.
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&fragment));
            }
        }
    }

    /// The reader pressed back (`-1`) or forward (`1`): the host's history
    /// moves, or else `in_widget(delta)` moves the widget.
    pub fn step(self, delta: isize, in_widget: impl FnOnce(isize)) {
        match self {
            HistoryMode::Hash => {
                if let Ok(history) = gloo_utils::window().history() {
                    let _ = history.go_with_delta(if delta < 0 { -1 } else { 1 });
                }
            }
            HistoryMode::Widget => in_widget(delta),
        }
    }

    /// With `Hash`, calls `moved(url)` with the article the host's history
    /// moved to (back, forward, a changed fragment), until dropped.
    pub fn follow(self, src: String, moved: impl Fn(String) + 'static) -> Option<EventListener> {
        (self == HistoryMode::Hash).then(|| {
            EventListener::new(&gloo_utils::window(), "popstate", move |_| {
                moved(in_fragment(&src).unwrap_or_else(|| src.clone()))
            })
        })
    }
}

/// The article URL in the host page's fragment, if it is on `src`'s origin.
fn in_fragment(src: &str) -> Option<String> {
    let hash = gloo_utils::window().location().hash().ok()?;
    let encoded = hash
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(FRAGMENT_KEY))?;
    let url = js_sys::decode_uri_component(encoded).ok()?.as_string()?;
    let origin = |url: &str| web_sys::Url::new(url).ok().map(|u| u.origin());
    (origin(&url).is_some() && origin(&url) == origin(src)).then_some(url)
}
