//! If the widget panics anyway (a bug): one console line, and the loader is
//! told. A panic traps the WebAssembly instance and leaves it unusable for
//! every widget on the page, so the loader shows each element's fallback and
//! restarts the widgets on a fresh instance (see `loader/news-widget.js`).

use std::cell::RefCell;

use js_sys::Function;
use wasm_bindgen::JsValue;

thread_local! {
    static REPORT: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Calls `report(message)` when code in this module instance panics; the
/// console line names the widget's `version`.
pub fn report_panics_to(report: Function, version: &str) {
    let first = REPORT.with_borrow_mut(|slot| slot.replace(report).is_none());
    if first {
        let version = version.to_owned();
        yew::set_custom_panic_hook(Box::new(move |info| {
            let message = info.to_string();
            let line = format!("news-article {version}: internal error: {message}");
            web_sys::console::error_1(&line.into());
            REPORT.with(|slot| {
                if let Some(report) = slot.try_borrow().ok().as_ref().and_then(|r| r.as_ref()) {
                    // The loader's handler; nothing more can be done if it throws.
                    let _ = report.call1(&JsValue::NULL, &message.into());
                }
            });
        }));
    }
}
