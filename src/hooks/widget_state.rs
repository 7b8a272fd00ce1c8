//! The widget's state: started from the configuration, started afresh when
//! it changes, and, with `history="hash"`, following the host's history.

use std::rc::Rc;

use yew::prelude::*;

use crate::embed::{Config, HistoryMode};
use crate::error::Result;
use crate::model::Article;
use crate::source;
use crate::state::{Action, State};

/// The widget's [`State`] for `config`.
///
/// The first render already shows the configured article if it is loaded
/// (the loader asked for it before the module was ready), else its skeleton.
#[hook]
pub fn use_widget_state(config: &Config) -> UseReducerHandle<State> {
    let state = use_reducer(|| {
        let (start, loaded) = start(&config.src, config.history);
        State::new(start, loaded)
    });
    let dispatch = state.dispatcher();
    use_effect_with(
        (config.src.clone(), config.history),
        move |(src, history)| {
            // On the first render this finds the state already started there.
            let (start, loaded) = start(src, *history);
            dispatch.dispatch(Action::Start(start, loaded));
            let listener = src.as_ref().ok().and_then(|src| {
                history.follow(src.clone(), move |url| dispatch.dispatch(Action::Show(url)))
            });
            move || drop(listener)
        },
    );
    state
}

/// The article to start with, and the article itself if it is loaded already.
fn start(src: &Result<String>, history: HistoryMode) -> (Result<String>, Option<Rc<Article>>) {
    let start = src
        .as_ref()
        .map(|src| history.start(src))
        .map_err(Clone::clone);
    let loaded = start.as_deref().ok().and_then(source::loaded);
    (start, loaded)
}
