//! What the reader can do, as callbacks made once: Yew compares callbacks by
//! pointer, so a view given the same ones skips its render.

use yew::prelude::*;

use crate::components::Moves;
use crate::embed::{HistoryMode, Host};
use crate::model::ArticleSummary;
use crate::source;
use crate::state::{Action, State};

/// The moves for `state`, kept where `history` says; videos played are told to `host`.
#[hook]
pub fn use_moves(state: &UseReducerHandle<State>, history: HistoryMode, host: &Host) -> Moves {
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
    let id = state.article().shown().map(|a| a.id.clone());
    let onvideoplay = use_callback((host.clone(), id), |src: String, (host, id)| {
        if let Some(id) = id {
            host.video_play(id, &src);
        }
    });
    Moves {
        onselect,
        onprefetch,
        onback,
        onforward,
        onday,
        onretry,
        onvideoplay,
    }
}
