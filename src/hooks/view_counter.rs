//! The live view count: asked of the article's counter when it shows, and
//! the view told once the reader has seen it.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::embed::{embedding_origin, Seen};
use crate::source::{self, Tally};
use crate::state::{Action, Load, State};

/// For each showing of an article with a `viewCounter`: its live count at
/// once, then, once the reader has seen the widget (`root`), the view, whose
/// answer is the count shown. A counter that fails leaves the article's own
/// count on screen, and the `rendered` event never waits for it.
#[hook]
pub fn use_view_counter(state: &UseReducerHandle<State>, root: &NodeRef) {
    let showing = state.showing();
    let counter = match state.article() {
        Load::Ready(article) => article.view_counter.clone(),
        _ => None,
    };
    let (dispatch, root) = (state.dispatcher(), root.clone());
    use_effect_with((showing, counter), move |(showing, counter)| {
        let watch: Rc<RefCell<Option<Seen>>> = Rc::default();
        if let (Some(url), Some(element)) = (counter.clone(), root.cast::<Element>()) {
            let (showing, held) = (*showing, Rc::clone(&watch));
            wasm_bindgen_futures::spawn_local(async move {
                // A counter that cannot say the count will not count either.
                let Some(n) = source::views(url.as_str(), Tally::Look, None).await else {
                    return;
                };
                dispatch.dispatch(Action::Counted(showing, n));
                let seen = Seen::watch(&element, move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        let partner = embedding_origin();
                        if let Some(n) =
                            source::views(url.as_str(), Tally::Count, partner.as_deref()).await
                        {
                            dispatch.dispatch(Action::Counted(showing, n));
                        }
                    })
                });
                // Unless the showing ended while the count was asked.
                if Rc::strong_count(&held) > 1 {
                    *held.borrow_mut() = seen;
                }
            });
        }
        move || drop(watch.take())
    });
}
