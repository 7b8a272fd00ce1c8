//! The widget's root component: the hooks that hold its state and effects,
//! and the one view of that state ([`widget`]).

use yew::prelude::*;

use crate::components::{counted, widget};
use crate::embed::{Config, Host};
use crate::hooks::{use_article_load, use_day_index, use_host_events, use_moves, use_widget_state};
use crate::i18n::Locale;
use crate::marks::Part;
use crate::state::Load;

/// Props of [`App`]: the element's configuration and the element itself.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What the attributes ask for.
    pub config: Config,
    /// Where events go.
    pub host: Host,
}

/// The widget: loads the configured article and shows it, a skeleton, or an
/// error; lets the reader move to related articles and browse by date.
#[component]
pub fn App(props: &AppProps) -> Html {
    counted("App");
    let AppProps { config, host } = props;
    let state = use_widget_state(config);
    if let Load::Ready(_) = state.article() {
        Part::Render.start();
    }
    let root = use_node_ref();
    // The partner's `date-index` attribute, else the article's own.
    let dates = config
        .date_index
        .clone()
        .or_else(|| state.article().shown()?.date_index.clone());
    use_article_load(&state);
    use_day_index(&state, dates.as_ref());
    let onrendered = use_host_events(&state, host, &root);
    let moves = use_moves(&state, config.history, host);
    widget(
        Locale::new(config.lang),
        &state,
        dates.is_some(),
        &moves,
        &root,
        Some(&onrendered),
    )
}
