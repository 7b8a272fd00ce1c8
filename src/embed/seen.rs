//! When the reader has seen the article, by the advertising industry's
//! (MRC) rule: at least half of the widget (or half of the viewport, for a
//! widget taller than two viewports) in view, on a visible page that is not
//! prerendering, for one continuous second. And whose page it was seen on.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{
    Document, Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
};

/// How long the article must stay seen, in milliseconds.
pub const SEEN_MS: u32 = 1000;

/// Watches an element until the reader has seen it; dropping the watch
/// stops it (the reader moved on before).
pub struct Seen {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(Array)>,
    _listeners: [EventListener; 3],
    _timer: Rc<RefCell<Option<Timeout>>>,
}

impl Drop for Seen {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// What the watch knows so far.
struct Watch {
    in_view: Cell<bool>,
    done: Cell<bool>,
    timer: Rc<RefCell<Option<Timeout>>>,
    document: Document,
    on_seen: RefCell<Option<Box<dyn FnOnce()>>>,
}

impl Watch {
    fn page_shown(&self) -> bool {
        self.document.visibility_state() == web_sys::VisibilityState::Visible
            && !js_sys::Reflect::get(&self.document, &"prerendering".into())
                .ok()
                .is_some_and(|p| p.is_truthy())
    }

    /// Starts the second when the article is seen, stops it when it is not.
    fn update(self: &Rc<Self>) {
        let seen = self.in_view.get() && self.page_shown() && !self.done.get();
        let mut timer = self.timer.borrow_mut();
        match (seen, timer.is_some()) {
            (true, false) => {
                let watch = Rc::clone(self);
                *timer = Some(Timeout::new(SEEN_MS, move || watch.seen()));
            }
            (false, true) => *timer = None,
            _ => {}
        }
    }

    fn seen(&self) {
        self.done.set(true);
        if let Some(on_seen) = self.on_seen.borrow_mut().take() {
            on_seen();
        }
    }
}

impl Seen {
    /// Calls `on_seen` once `element` has been seen; `None` where the
    /// browser cannot tell (no IntersectionObserver): nothing is counted.
    pub fn watch(element: &Element, on_seen: impl FnOnce() + 'static) -> Option<Seen> {
        let document = element.owner_document()?;
        let timer = Rc::new(RefCell::new(None));
        let watch = Rc::new(Watch {
            in_view: Cell::new(false),
            done: Cell::new(false),
            timer: Rc::clone(&timer),
            document: document.clone(),
            on_seen: RefCell::new(Some(Box::new(on_seen))),
        });
        let observed = Rc::clone(&watch);
        let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
            let Some(entry) = entries.pop().dyn_into::<IntersectionObserverEntry>().ok() else {
                return;
            };
            let visible = entry.intersection_rect().height();
            let whole = entry.bounding_client_rect().height();
            // A frame of another origin is not told the viewport's bounds:
            // its own window is the viewport it has.
            let viewport = entry
                .root_bounds()
                .map(|r| r.height())
                .or_else(|| web_sys::window()?.inner_height().ok()?.as_f64())
                .unwrap_or(whole);
            observed.in_view.set(
                entry.is_intersecting() && visible > 0.0 && visible >= whole.min(viewport) / 2.0,
            );
            observed.update();
        });
        let options = IntersectionObserverInit::new();
        // Fine steps: for a widget many viewports tall, half the viewport is
        // a small share of it.
        let steps: Array = (0..=100)
            .map(|i| JsValue::from_f64(f64::from(i) / 100.0))
            .collect();
        options.set_threshold(&steps);
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                .ok()?;
        observer.observe(element);
        let on = |event: &'static str| {
            let watch = Rc::clone(&watch);
            EventListener::new(&document, event, move |_| watch.update())
        };
        let restored = Rc::clone(&watch);
        let window = web_sys::window()?;
        // A page restored from the back-forward cache was seen before:
        // nothing counts again.
        let bfcache = EventListener::new(&window, "pageshow", move |event| {
            let persisted = js_sys::Reflect::get(event, &"persisted".into())
                .ok()
                .is_some_and(|p| p.is_truthy());
            if persisted {
                restored.done.set(true);
                restored.update();
            }
        });
        Some(Seen {
            observer,
            _callback: callback,
            _listeners: [on("visibilitychange"), on("prerenderingchange"), bfcache],
            _timer: timer,
        })
    }
}

/// The origin of the page that embeds this one, when the widget runs in a
/// frame (our frame pages, a WordPress embed): the partner, where the
/// request's own `Origin` is the frame's. `None` at the top level.
pub fn embedding_origin() -> Option<String> {
    let window = web_sys::window()?;
    let top = window.top().ok().flatten()?;
    if js_sys::Object::is(&top, &window) {
        return None;
    }
    // Not in Firefox, and among web-sys's unstable APIs: read it by name.
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
    ancestors
        .and_then(|list| js_sys::Reflect::get_u32(&list, 0).ok()?.as_string())
        .filter(|origin| origin != "null")
        .or_else(|| {
            let referrer = window.document()?.referrer();
            web_sys::Url::new(&referrer).ok().map(|url| url.origin())
        })
}
