//! news-widget: an embeddable news-article widget, Rust + Yew compiled to WebAssembly.
//!
//! The loader script (`loader/news-widget.js`) defines `<news-article>`; each
//! element hands over its early article request ([`adopt`]), calls [`mount`]
//! once with its shadow-root mount point and keeps [`Widget::crash_notice`],
//! then calls [`Widget::update`] when its attributes change and
//! [`Widget::unmount`] when it leaves the page. Everything else lives in the
//! modules below. The publisher's side (validate, render, build, import)
//! is the `publisher` crate beside this one, which the wasm build never compiles.
#![deny(missing_docs)]
// Data from outside never meets a panic: a panic in WebAssembly stops every
// widget on the page.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

// Talc instead of dlmalloc: 2.9 KB less gzip; memory in `make bench` §4.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod components;
pub mod embed;
pub mod error;
pub mod hooks;
pub mod i18n;
pub mod marks;
pub mod model;
pub mod source;
pub mod state;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::app::{App, AppProps};
use crate::embed::{Config, Host};

/// One live widget, owned by its `<news-article>` element.
#[wasm_bindgen]
pub struct Widget {
    host: Host,
    app: Option<AppHandle<App>>,
}

fn props(host: &Host) -> AppProps {
    AppProps {
        config: Config::from_element(host.element()),
        host: host.clone(),
    }
}

/// Starts a widget for `host` (the `<news-article>` element), rendering into `root`
/// (a `<div>` in the element's shadow root). `on_panic(message)` is called if
/// this module instance ever panics (see [`embed::report_panics_to`]);
/// `version` is the build's, as the loader knows it, for error reports;
/// `watch_views` is the loader's (`loader/views.js`), which tells an
/// article's view counter of views (without it, counts stay as the JSON has them).
#[wasm_bindgen]
pub fn mount(
    host: Element,
    root: Element,
    on_panic: js_sys::Function,
    version: String,
    watch_views: Option<js_sys::Function>,
) -> Widget {
    embed::report_panics_to(on_panic, &version);
    let host = Host::new(host, version.into(), watch_views);
    let app = marks::Part::Mount
        .timed(|| yew::Renderer::<App>::with_root_and_props(root, props(&host)).render());
    Widget {
        host,
        app: Some(app),
    }
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the element's attributes (after `src` or `lang` changed).
    pub fn update(&mut self) {
        let props = props(&self.host);
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// What to tell the reader if this module instance dies, in the widget's
    /// language: the loader keeps it, as a dead module cannot be asked.
    #[wasm_bindgen(js_name = crashNotice)]
    pub fn crash_notice(&self) -> String {
        Config::from_element(self.host.element())
            .lang
            .messages()
            .crashed
            .to_owned()
    }

    /// Tears the widget down: its DOM, effects, timers and pending requests.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Hands the widgets the request for the article at `url` that the loader
/// started before this module was ready (see [`source::adopt`]); with its
/// `response` and `body` if they have arrived already.
#[wasm_bindgen]
pub fn adopt(
    url: &str,
    request: js_sys::Promise,
    response: Option<web_sys::Response>,
    body: Option<js_sys::ArrayBuffer>,
) {
    let arrived = response.zip(body.map(|b| js_sys::Uint8Array::new(&b).to_vec()));
    source::adopt(url, request, arrived);
}
