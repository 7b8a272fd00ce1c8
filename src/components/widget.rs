//! The whole widget as a view of its state: what [`App`] renders live, and
//! what the publisher's tool pre-renders into a snippet ([`Prerendered`]),
//! so the two can never drift apart.
//!
//! [`App`]: crate::app::App

use std::rc::Rc;

use yew::prelude::*;

use super::{counted, ArticleView, DateBrowser, ErrorNotice, HistoryNav, Skeleton};
use crate::i18n::{Lang, Locale};
use crate::model::{Article, ArticleSummary, Day};
use crate::state::{Load, Origin, State};

/// What the reader can do, as callbacks (made once by `use_moves`; none in
/// a pre-rendered snippet, where the links are plain links).
#[derive(Clone, PartialEq, Default)]
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
    /// A video started playing (its source).
    pub onvideoplay: Callback<String>,
}

/// The widget's markup for `state`, in `locale`; with the date browser if
/// `dates` (there is a date index). `root` is the widget's root element.
/// `onrendered` is the live widget's: the article view calls it once the
/// article is whole in the DOM, rendering a long body in parts meanwhile;
/// without it (a snippet, made through SSR) every block renders at once.
pub fn widget(
    locale: Locale,
    state: &State,
    dates: bool,
    moves: &Moves,
    root: &NodeRef,
    onrendered: Option<&Callback<()>>,
) -> Html {
    let messages = locale.lang.messages();
    // One polite live region for the whole widget, there from the start (a
    // region created with its text is often not read): "loading" while the
    // reader's move loads, then the new headline. Errors have their own alert.
    let announcement = match state.article() {
        Load::Loading {
            previous: Some(_), ..
        } => messages.loading,
        Load::Ready(article) if state.origin() == Origin::Reader => article.headline.as_str(),
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
                         views={state.views()}
                         onselect={moves.onselect.clone()} onprefetch={moves.onprefetch.clone()}
                         onvideoplay={moves.onvideoplay.clone()} onrendered={onrendered.cloned()} />
        },
        Load::Failed(error) => html! {
            <ErrorNotice error={error.clone()}
                         onretry={(error.is_transient() && state.current().is_some()).then(|| moves.onretry.clone())}
                         onback={state.can_back().then(|| moves.onback.clone())} />
        },
    };
    let zone = state
        .article()
        .shown()
        .map(|a| a.time_zone.clone())
        .unwrap_or_default();
    html! {
        <ContextProvider<Locale> context={locale}>
            <div class="nw" lang={locale.lang.tag()} ref={root.clone()}>
                <p class="nw-visually-hidden nw-announcer" role="status" aria-live="polite">{ announcement }</p>
                <HistoryNav can_back={state.can_back()} can_forward={state.can_forward()}
                            onback={moves.onback.clone()} onforward={moves.onforward.clone()} />
                { content }
                if let Some(day) = state.day().filter(|_| dates) {
                    <DateBrowser {day} today={Locale::today(&zone)} list={state.day_index().clone()}
                                 onday={moves.onday.clone()} onselect={moves.onselect.clone()}
                                 onprefetch={moves.onprefetch.clone()} />
                }
            </div>
        </ContextProvider<Locale>>
    }
}

/// The class of the pre-rendered article in a snippet's shadow root, which
/// the loader finds and replaces with the live widget (`loader/names.js`).
pub const PRERENDERED_CLASS: &str = "nw-prerendered";

/// Props of [`Prerendered`].
#[derive(Properties, PartialEq)]
pub struct PrerenderedProps {
    /// The interface language.
    pub lang: Lang,
    /// The article's JSON URL, as the live widget will load it.
    pub src: String,
    /// The article.
    pub article: Rc<Article>,
    /// Whether the widget will have a date index.
    pub dates: bool,
}

/// What a pre-rendered snippet's shadow root holds, made natively through
/// Yew SSR: the widget as its first render will show `article`, and the
/// fallback's slot. The article is `hidden` until the widget's stylesheet
/// shows it (and hides the slot), so it is never painted unstyled, and the
/// partner's fallback shows if the stylesheet never comes (styles/states.css).
#[component]
pub fn Prerendered(props: &PrerenderedProps) -> Html {
    counted("Prerendered");
    let state = State::new(Ok(props.src.clone()), Some(Rc::clone(&props.article)));
    html! {
        <>
            <div class={PRERENDERED_CLASS} hidden=true>
                { widget(Locale::new(props.lang), &state, props.dates, &Moves::default(), &NodeRef::default(), None) }
            </div>
            <slot></slot>
        </>
    }
}
