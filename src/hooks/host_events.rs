//! What the host page hears of the widget, where focus goes, and the
//! watch that tells an article's view counter of the reader's view.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::embed::Host;
use crate::marks::Part;
use crate::state::{Action, Load, Origin, State};

/// Tells `host` when the reader moves (`navigate`), and once per showing
/// what came of it (`rendered` or `error`). `rendered` waits for the callback
/// this returns, which the article view calls once its whole body is in the
/// DOM (a long one renders in parts), so find-in-page and anchors work when
/// the host hears it; then, after the reader's own move, it brings the
/// widget's top (`root`) into view and focuses the new headline.
/// For each showing of an article with a `viewCounter`, has the loader
/// watch for the reader seeing it (see [`Host::watch_views`]) until the
/// showing ends, and shows the live count it hears. A counter that fails
/// leaves the article's own count, and `rendered` never waits for it.
#[hook]
pub fn use_host_events(
    state: &UseReducerHandle<State>,
    host: &Host,
    root: &NodeRef,
) -> Callback<()> {
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
    let (showing, settled) = (
        state.showing(),
        !matches!(state.article(), Load::Loading { .. }),
    );
    {
        let (host, root, article) = (host.clone(), root.clone(), state.article().clone());
        let dispatch = state.dispatcher();
        // Keyed on the showing, not on the article: comparing whole articles
        // would cost more than it says.
        use_effect_with((showing, settled), move |_| {
            let mut watch = None;
            match article {
                Load::Ready(article) => {
                    // The watch is in the loader; one here would cost the module more.
                    watch = article
                        .view_counter
                        .as_ref()
                        .zip(root.cast::<Element>())
                        .and_then(|(url, element)| {
                            host.watch_views(&element, url, move |n| {
                                dispatch.dispatch(Action::Counted(showing, n))
                            })
                        });
                }
                Load::Failed(error) => host.error(&error),
                Load::Idle | Load::Loading { .. } => {}
            }
            move || drop(watch)
        });
    }
    // A new callback per showing: the one the view holds is the current
    // showing's, and it calls it once.
    let (host, root, article) = (host.clone(), root.clone(), state.article().clone());
    use_callback((showing, settled), move |(), _| {
        if let Load::Ready(article) = &article {
            Part::Render.end();
            host.rendered(&article.id);
            if reader {
                follow(&root);
            }
        }
    })
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
