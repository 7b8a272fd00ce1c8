//! The widget's root component: what it shows now, and the one way that changes.

use std::rc::Rc;

use web_sys::AbortController;
use yew::prelude::*;

use crate::components::{ArticleView, ErrorNotice, Skeleton};
use crate::embed::{Config, Host};
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::model::{Article, RelatedItem};
use crate::source;

/// Props of [`App`]: the element's configuration and the element itself.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What the attributes ask for.
    pub config: Config,
    /// Where events go.
    pub host: Host,
}

/// Where the current load stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Waiting for the document.
    Loading,
    /// The article is on screen.
    Ready(Rc<Article>),
    /// An error is on screen instead.
    Failed(Error),
}

/// What the widget shows: the article URL asked for, and how its load went.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    url: Option<String>,
    /// Counts loads, so a late answer to an older one is recognised and dropped.
    attempt: u32,
    status: Status,
}

/// Everything that changes [`State`].
pub enum Action {
    /// Show the article at this absolute URL.
    Open(String),
    /// Load the current article again (after a failure).
    Retry,
    /// A load finished.
    Loaded {
        /// Which load it was.
        attempt: u32,
        /// The article, or why not.
        result: Result<Rc<Article>>,
    },
    /// Nothing can be loaded (the configuration is unusable).
    Fail(Error),
}

impl Default for State {
    fn default() -> Self {
        State {
            url: None,
            attempt: 0,
            status: Status::Loading,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let attempt = self.attempt.wrapping_add(1);
        match action {
            Action::Open(url) => State {
                url: Some(url),
                attempt,
                status: Status::Loading,
            }
            .into(),
            Action::Retry => State {
                url: self.url.clone(),
                attempt,
                status: Status::Loading,
            }
            .into(),
            Action::Fail(error) => State {
                url: None,
                attempt,
                status: Status::Failed(error),
            }
            .into(),
            Action::Loaded { attempt, .. } if attempt != self.attempt => self,
            Action::Loaded { result, .. } => {
                let status = result.map_or_else(Status::Failed, Status::Ready);
                State {
                    url: self.url.clone(),
                    attempt: self.attempt,
                    status,
                }
                .into()
            }
        }
    }
}

/// The widget: loads the configured article and shows it, a skeleton, or an error.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(State::default);
    let locale = Locale::new(props.config.lang);

    {
        let dispatch = state.dispatcher();
        use_effect_with(props.config.src.clone(), move |src| {
            dispatch.dispatch(match src {
                Ok(url) => Action::Open(url.clone()),
                Err(error) => Action::Fail(error.clone()),
            });
        });
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with((state.url.clone(), state.attempt), move |(url, attempt)| {
            let controller = AbortController::new().ok();
            if let (Some(url), Some(controller)) = (url.clone(), &controller) {
                let (attempt, signal) = (*attempt, controller.signal());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = source::article(&url, &signal).await;
                    dispatch.dispatch(Action::Loaded { attempt, result });
                });
            }
            move || controller.iter().for_each(AbortController::abort)
        });
    }
    {
        // Tell the host once the DOM shows the outcome of a load.
        let host = props.host.clone();
        let outcome = match &state.status {
            Status::Loading => None,
            Status::Ready(article) => Some(Ok(Rc::clone(article))),
            Status::Failed(error) => Some(Err(error.clone())),
        };
        use_effect_with(
            (state.attempt, outcome),
            move |(_, outcome)| match outcome {
                Some(Ok(article)) => host.rendered(&article.id),
                Some(Err(error)) => host.error(error),
                None => {}
            },
        );
    }

    let onselect = {
        let dispatch = state.dispatcher();
        Callback::from(move |item: RelatedItem| {
            dispatch.dispatch(Action::Open(item.src.to_string()))
        })
    };
    let onretry = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::Retry))
    };
    let content = match &state.status {
        Status::Loading => html! { <Skeleton /> },
        Status::Ready(article) => html! { <ArticleView article={Rc::clone(article)} {onselect} /> },
        Status::Failed(error) => {
            let onretry = (error.is_transient() && state.url.is_some()).then_some(onretry);
            html! { <ErrorNotice error={error.clone()} {onretry} /> }
        }
    };
    html! {
        <ContextProvider<Locale> context={locale}>
            <div class="nw" lang={locale.lang.tag()}>{ content }</div>
        </ContextProvider<Locale>>
    }
}
