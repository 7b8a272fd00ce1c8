//! What the host page hears of the widget, and where focus goes.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::embed::Host;
use crate::marks::Part;
use crate::state::{Load, Origin, State};

/// Tells `host` when the reader moves (`navigate`), and once per showing
/// what came of it (`rendered` or `error`). After the reader's own move,
/// brings the widget's top (`root`) into view and focuses the new headline.
#[hook]
pub fn use_host_events(state: &UseReducerHandle<State>, host: &Host, root: &NodeRef) {
    let reader = state.origin() == Origin::Reader;
    {
        let host = host.clone();
        let current = state.current().map(str::to_owned);
        use_effect_with(current, move |url| {
            if let Some(url) = url.as_deref().filter(|_| reader) {
                host.navigate(url);
            }
        });
    }
    {
        let (host, root, article) = (host.clone(), root.clone(), state.article().clone());
        let settled = !matches!(article, Load::Loading { .. });
        // Keyed on the showing, not on the article: comparing whole articles
        // would cost more than it says.
        use_effect_with((state.showing(), settled), move |_| match article {
            Load::Ready(article) => {
                Part::Render.end();
                host.rendered(&article.id);
                if reader {
                    follow(&root);
                }
            }
            Load::Failed(error) => host.error(&error),
            Load::Idle | Load::Loading { .. } => {}
        });
    }
}

/// Brings the widget's top into view if the reader scrolled past it, and moves
/// focus to the new headline so keyboard and screen-reader users follow.
fn follow(root: &NodeRef) {
    let Some(root) = root.cast::<Element>() else {
        return;
    };
    if root.get_bounding_client_rect().top() < 0.0 {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        root.scroll_into_view_with_scroll_into_view_options(&options);
    }
    let headline = root.query_selector(".nw-headline").ok().flatten();
    if let Some(headline) = headline.and_then(|h| h.dyn_into::<HtmlElement>().ok()) {
        let _ = headline.focus();
    }
}
