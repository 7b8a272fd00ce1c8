//! The widget's root component: the hooks that hold its state and effects,
//! and one view of that state.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{counted, ArticleView, DateBrowser, ErrorNotice, HistoryNav, Skeleton};
use crate::embed::{Config, Host};
use crate::hooks::{use_article_load, use_day_index, use_host_events, use_moves, use_widget_state};
use crate::i18n::Locale;
use crate::state::{Load, Origin};

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
    let root = use_node_ref();
    let shown = state.article().shown().cloned();
    // The partner's `date-index` attribute, else the article's own.
    let dates = config
        .date_index
        .clone()
        .or_else(|| shown.as_ref()?.date_index.clone());
    use_article_load(&state);
    use_day_index(&state, dates.as_ref());
    use_host_events(&state, host, &root);
    let moves = use_moves(&state, config.history);
    let onvideoplay = use_callback(
        (host.clone(), shown.as_ref().map(|a| a.id.clone())),
        |src: String, (host, id)| {
            if let Some(id) = id {
                host.video_play(id, &src);
            }
        },
    );

    let locale = Locale::new(config.lang);
    let messages = locale.lang.messages();
    let reader = state.origin() == Origin::Reader;
    // One polite live region for the whole widget, there from the start (a
    // region created with its text is often not read): "loading" while the
    // reader's move loads, then the new headline. Errors have their own alert.
    let announcement = match state.article() {
        Load::Loading {
            previous: Some(_), ..
        } => messages.loading,
        Load::Ready(article) if reader => article.headline.as_str(),
        _ => "",
    };
    let content = match state.article() {
        Load::Idle | Load::Loading { previous: None, .. } => html! { <Skeleton /> },
        Load::Loading {
            previous: Some(article),
            ..
        }
        | Load::Ready(article) => html! {
            <ArticleView article={Rc::clone(article)} stale={state.article().pending().is_some()}
                         onselect={moves.onselect.clone()} onprefetch={moves.onprefetch.clone()}
                         onvideoplay={onvideoplay} />
        },
        Load::Failed(error) => html! {
            <ErrorNotice error={error.clone()}
                         onretry={(error.is_transient() && state.current().is_some()).then(|| moves.onretry.clone())}
                         onback={state.can_back().then(|| moves.onback.clone())} />
        },
    };
    html! {
        <ContextProvider<Locale> context={locale}>
            <div class="nw" lang={locale.lang.tag()} ref={root}>
                <p class="nw-visually-hidden nw-announcer" role="status" aria-live="polite">{ announcement }</p>
                <HistoryNav can_back={state.can_back()} can_forward={state.can_forward()}
                            onback={moves.onback.clone()} onforward={moves.onforward.clone()} />
                { content }
                if let (Some(_), Some(day)) = (&dates, state.day()) {
                    <DateBrowser {day} today={Locale::today(&shown.map(|a| a.time_zone.clone()).unwrap_or_default())}
                                 list={state.day_index().clone()} onday={moves.onday.clone()}
                                 onselect={moves.onselect.clone()} onprefetch={moves.onprefetch.clone()} />
                }
            </div>
        </ContextProvider<Locale>>
    }
}
