//! Events the widget dispatches on its `<news-article>` element.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::error::Error;
use crate::model::ArticleId;

/// The `<news-article>` element that hosts one widget, and the widget's
/// version, which error reports carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Host {
    element: Element,
    version: Rc<str>,
}

impl Host {
    /// Wraps the host element.
    pub fn new(element: Element, version: Rc<str>) -> Host {
        Host { element, version }
    }

    /// The element.
    pub fn element(&self) -> &Element {
        &self.element
    }

    /// `news-article:rendered`, detail `{ id }`: an article is on screen.
    pub fn rendered(&self, id: &ArticleId) {
        self.dispatch("news-article:rendered", &[("id", id.as_str())]);
    }

    /// `news-article:navigate`, detail `{ src }`: the reader moved to another article.
    pub fn navigate(&self, src: &str) {
        self.dispatch("news-article:navigate", &[("src", src)]);
    }

    /// `news-article:video-play`, detail `{ id, src }`: the reader started a video.
    pub fn video_play(&self, id: &ArticleId, src: &str) {
        self.dispatch(
            "news-article:video-play",
            &[("id", id.as_str()), ("src", src)],
        );
    }

    /// `news-article:error`, detail `{ code, message, version }`; also one console line.
    pub fn error(&self, error: &Error) {
        let message = error.to_string();
        let version = &*self.version;
        web_sys::console::warn_1(&format!("news-article {version}: {message}").into());
        self.dispatch(
            "news-article:error",
            &[
                ("code", error.code()),
                ("message", &message),
                ("version", version),
            ],
        );
    }

    fn dispatch(&self, name: &str, detail: &[(&str, &str)]) {
        let object = js_sys::Object::new();
        for (key, value) in detail {
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&JsValue::from(object));
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            // A host listener that throws must not stop the widget.
            let _ = self.element.dispatch_event(&event);
        }
    }
}
