//! Events the widget dispatches on its `<news-article>` element.

use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::error::Error;
use crate::model::{ArticleId, SafeUrl};

/// The events the widget dispatches on its `<news-article>` element. The
/// loader dispatches `Error` too, with the same detail ([`ERROR_DETAIL`]),
/// for what only it can see (`loader/names.js` has these names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// An article is on screen; detail `{ id }`.
    Rendered,
    /// An error is shown instead; detail [`ERROR_DETAIL`].
    Error,
    /// The reader moved to another article; detail `{ src }`.
    Navigate,
    /// The reader started a video; detail `{ id, src }`.
    VideoPlay,
}

impl Event {
    /// Every event.
    pub const ALL: [Event; 4] = [
        Event::Rendered,
        Event::Error,
        Event::Navigate,
        Event::VideoPlay,
    ];

    /// The event's type, as host pages listen for it.
    pub fn name(self) -> &'static str {
        match self {
            Event::Rendered => "news-article:rendered",
            Event::Error => "news-article:error",
            Event::Navigate => "news-article:navigate",
            Event::VideoPlay => "news-article:video-play",
        }
    }
}

/// The keys of an [`Event::Error`]'s detail: the error's code, its message
/// for developers, and the widget's version.
pub const ERROR_DETAIL: ErrorDetail = ErrorDetail {
    code: "code",
    message: "message",
    version: "version",
};

/// The keys of an error event's detail (see [`ERROR_DETAIL`]).
#[derive(Debug, Clone, Copy)]
pub struct ErrorDetail {
    /// An [`crate::error::Code`].
    pub code: &'static str,
    /// What went wrong, for developers.
    pub message: &'static str,
    /// The widget's version.
    pub version: &'static str,
}

/// The loader's watch for a view of one showing; dropped, it stops, and
/// the count it would have heard is not told.
pub struct ViewWatch {
    stop: Function,
    _told: Closure<dyn FnMut(f64)>,
}

impl Drop for ViewWatch {
    fn drop(&mut self) {
        let _ = self.stop.call0(&JsValue::NULL);
    }
}

/// The `<news-article>` element that hosts one widget, the widget's
/// version, which error reports carry, and the loader's `watchViews`
/// (`loader/views.js`), if it gave one.
#[derive(Debug, Clone, PartialEq)]
pub struct Host {
    element: Element,
    version: Rc<str>,
    views: Option<Function>,
}

impl Host {
    /// Wraps the host element; `views` is the loader's `watchViews`.
    pub fn new(element: Element, version: Rc<str>, views: Option<Function>) -> Host {
        Host {
            element,
            version,
            views,
        }
    }

    /// Has the loader watch `root` until the reader has seen it, then tell
    /// the counter at `url` of the view; `told` hears the live count. The
    /// watch lasts as long as the [`ViewWatch`] (the showing).
    pub fn watch_views(
        &self,
        root: &Element,
        url: &SafeUrl,
        mut told: impl FnMut(u64) + 'static,
    ) -> Option<ViewWatch> {
        // `as`: the loader gives whole numbers a double holds exactly.
        let told = Closure::<dyn FnMut(f64)>::new(move |n: f64| told(n as u64));
        let watch = self.views.as_ref()?;
        let stop = watch
            .call3(&JsValue::NULL, root, &url.as_str().into(), told.as_ref())
            .ok()?;
        Some(ViewWatch {
            stop: stop.dyn_into().ok()?,
            _told: told,
        })
    }

    /// The element.
    pub fn element(&self) -> &Element {
        &self.element
    }

    /// `news-article:rendered`, detail `{ id }`: an article is on screen.
    pub fn rendered(&self, id: &ArticleId) {
        self.dispatch(Event::Rendered, &[("id", id.as_str())]);
    }

    /// `news-article:navigate`, detail `{ src }`: the reader moved to another article.
    pub fn navigate(&self, src: &str) {
        self.dispatch(Event::Navigate, &[("src", src)]);
    }

    /// `news-article:video-play`, detail `{ id, src }`: the reader started a video.
    pub fn video_play(&self, id: &ArticleId, src: &str) {
        self.dispatch(Event::VideoPlay, &[("id", id.as_str()), ("src", src)]);
    }

    /// `news-article:error`, detail `{ code, message, version }`; also one console line.
    pub fn error(&self, error: &Error) {
        let message = error.to_string();
        let version = &*self.version;
        web_sys::console::warn_1(&format!("news-article {version}: {message}").into());
        self.dispatch(
            Event::Error,
            &[
                (ERROR_DETAIL.code, error.code().as_str()),
                (ERROR_DETAIL.message, &message),
                (ERROR_DETAIL.version, version),
            ],
        );
    }

    fn dispatch(&self, event: Event, detail: &[(&str, &str)]) {
        let object = js_sys::Object::new();
        for (key, value) in detail {
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&JsValue::from(object));
        if let Ok(event) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
            // A host listener that throws must not stop the widget.
            let _ = self.element.dispatch_event(&event);
        }
    }
}
