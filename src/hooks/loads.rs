//! The loads a state asks for: the current article, and the chosen day's index.

use std::future::Future;
use std::rc::Rc;

use web_sys::{AbortController, AbortSignal};
use yew::prelude::*;

use crate::error::Error;
use crate::model::{DateIndex, DateIndexUrl};
use crate::source;
use crate::state::{Action, State};

/// Loads the current article while the state waits for it; a load the
/// reader moved away from is aborted, and its late answer dropped.
#[hook]
pub fn use_article_load(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    let wanted = state
        .article()
        .pending()
        .zip(state.current().map(str::to_owned));
    use_effect_with(wanted, move |wanted| {
        abortable(wanted.clone(), move |(attempt, url), signal| async move {
            let result = source::article(&url, &signal).await;
            dispatch.dispatch(Action::ArticleLoaded(attempt, result));
        })
    });
}

/// Loads the index of the day the reader chose, from `dates`.
#[hook]
pub fn use_day_index(state: &UseReducerHandle<State>, dates: Option<&DateIndexUrl>) {
    let dispatch = state.dispatcher();
    let wanted = state
        .day_index()
        .pending()
        .zip(state.day())
        .map(|(attempt, day)| {
            let url = dates
                .and_then(|dates| dates.url(day))
                .ok_or_else(|| Error::Config(format!("no date index URL for {day}")));
            (attempt, url)
        });
    use_effect_with(wanted, move |wanted| {
        abortable(wanted.clone(), move |(attempt, url), signal| async move {
            let result = match url {
                Ok(url) => source::load::<DateIndex>(&url, Some(&signal))
                    .await
                    .map(Rc::new),
                Err(error) => Err(error),
            };
            dispatch.dispatch(Action::DayLoaded(attempt, result));
        })
    });
}

/// Starts `load(what, signal)` when there is something to load; the returned
/// effect cleanup aborts it, so a load the reader has moved away from stops.
fn abortable<T, F>(what: Option<T>, load: impl FnOnce(T, AbortSignal) -> F) -> impl FnOnce()
where
    F: Future<Output = ()> + 'static,
{
    let controller = AbortController::new().ok();
    if let (Some(what), Some(controller)) = (what, &controller) {
        wasm_bindgen_futures::spawn_local(load(what, controller.signal()));
    }
    move || controller.iter().for_each(AbortController::abort)
}
