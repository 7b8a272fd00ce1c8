//! What the reader can do, as callbacks made once: Yew compares callbacks by
//! pointer, so a view given the same ones skips its render.

use yew::prelude::*;

use crate::embed::HistoryMode;
use crate::model::{ArticleSummary, Day};
use crate::source;
use crate::state::{Action, State};

/// The reader's moves, for the views.
#[derive(Clone, PartialEq)]
pub struct Moves {
    /// Open an article in place.
    pub onselect: Callback<ArticleSummary>,
    /// An article is likely to be opened next: load it into the cache.
    pub onprefetch: Callback<ArticleSummary>,
    /// Back through the articles read.
    pub onback: Callback<()>,
    /// Forward again.
    pub onforward: Callback<()>,
    /// Show a day's articles.
    pub onday: Callback<Day>,
    /// Load the current article again.
    pub onretry: Callback<()>,
}

/// The moves for `state`, kept where `history` says.
#[hook]
pub fn use_moves(state: &UseReducerHandle<State>, history: HistoryMode) -> Moves {
    let dispatch = state.dispatcher();
    let step = |delta: isize| {
        let dispatch = dispatch.clone();
        move |(), history: &HistoryMode| {
            history.step(delta, |delta| dispatch.dispatch(Action::Go(delta)))
        }
    };
    let onback = use_callback(history, step(-1));
    let onforward = use_callback(history, step(1));
    let onselect = {
        let dispatch = dispatch.clone();
        use_callback(history, move |item: ArticleSummary, history| {
            let url = item.src.as_str();
            history.opened(url);
            dispatch.dispatch(Action::Open(url.to_owned(), source::loaded(url)));
        })
    };
    let onprefetch = use_callback((), |item: ArticleSummary, ()| {
        source::prefetch(item.src.as_str())
    });
    let onday = {
        let dispatch = dispatch.clone();
        use_callback((), move |day, ()| dispatch.dispatch(Action::ShowDay(day)))
    };
    let onretry = use_callback((), move |(), ()| dispatch.dispatch(Action::Retry));
    Moves {
        onselect,
        onprefetch,
        onback,
        onforward,
        onday,
        onretry,
    }
}
