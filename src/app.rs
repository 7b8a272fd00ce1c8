//! The widget's root component: what it shows now, and the one way that changes.

use std::future::Future;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{
    AbortController, AbortSignal, Element, HtmlElement, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};
use yew::prelude::*;

use crate::components::{ArticleView, DateBrowser, DayList, ErrorNotice, HistoryNav, Skeleton};
use crate::embed::{history, Config, HistoryMode, Host};
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::model::{Article, ArticleSummary, DateIndex, Day};
use crate::source;

/// Props of [`App`]: the element's configuration and the element itself.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What the attributes ask for.
    pub config: Config,
    /// Where events go.
    pub host: Host,
}

/// Where the current article load stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Waiting for the article; the one shown before stays on screen, dimmed.
    Loading {
        /// The article shown before, if any.
        previous: Option<Rc<Article>>,
    },
    /// The article is on screen.
    Ready(Rc<Article>),
    /// An error is on screen instead.
    Failed(Error),
}

/// What the widget shows: the articles the reader went through and where
/// they are now, how the current load went, and the date browser's day.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Absolute URLs of the articles read in this widget, in order.
    trail: Vec<String>,
    /// Index of the current article in `trail`.
    position: usize,
    /// Counts loads, so a late answer to an older one is recognised and dropped.
    attempt: u32,
    /// The current article is the reader's move, not the configured one: focus follows it.
    moved: bool,
    status: Status,
    /// The day chosen in the date browser, and its list.
    day: Option<Day>,
    day_attempt: u32,
    day_list: DayList,
}

/// Everything that changes [`State`].
pub enum Action {
    /// Show the configured article (at this absolute URL), starting afresh.
    Start(String),
    /// The reader chose the article at this absolute URL.
    Open(String),
    /// The reader chose an article already loaded (prefetched, or read
    /// before): it is shown at once, without a loading step.
    OpenLoaded(String, Rc<Article>),
    /// Back (`-1`) or forward (`1`) through the articles read.
    Go(isize),
    /// The host's history moved to this article (`history="hash"`).
    Show(String),
    /// Load the current article again (after a failure).
    Retry,
    /// An article load finished.
    Loaded {
        /// Which load it was.
        attempt: u32,
        /// The article, or why not.
        result: Result<Rc<Article>>,
    },
    /// Nothing can be loaded (the configuration is unusable).
    Fail(Error),
    /// The reader chose a day in the date browser.
    ShowDay(Day),
    /// A day's index load finished.
    DayLoaded {
        /// Which load it was.
        attempt: u32,
        /// The day that was asked for.
        day: Day,
        /// The index, or why not.
        result: Result<DateIndex>,
    },
}

impl Default for State {
    fn default() -> Self {
        State {
            trail: Vec::new(),
            position: 0,
            attempt: 0,
            moved: false,
            status: Status::Loading { previous: None },
            day: None,
            day_attempt: 0,
            day_list: DayList::Closed,
        }
    }
}

impl State {
    /// The absolute URL of the article shown (or loading) now.
    pub fn current(&self) -> Option<&str> {
        self.trail.get(self.position).map(String::as_str)
    }

    /// Where the current load stands.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// The number of the current load.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// Whether the current article is the reader's move rather than the configured one.
    pub fn moved(&self) -> bool {
        self.moved
    }

    /// There is an article to go back to.
    pub fn can_back(&self) -> bool {
        self.position > 0
    }

    /// There is an article to go forward to.
    pub fn can_forward(&self) -> bool {
        self.position + 1 < self.trail.len()
    }

    /// The number of the current day load.
    pub fn day_attempt(&self) -> u32 {
        self.day_attempt
    }

    /// The date browser's list.
    pub fn day_list(&self) -> &DayList {
        &self.day_list
    }

    /// The article on screen, if any (also while the next one loads).
    fn shown(&self) -> Option<Rc<Article>> {
        match &self.status {
            Status::Ready(article) => Some(Rc::clone(article)),
            Status::Loading { previous } => previous.clone(),
            Status::Failed(_) => None,
        }
    }

    /// A new load of `trail[position]`.
    fn load(&self, trail: Vec<String>, position: usize, moved: bool) -> Rc<State> {
        let status = Status::Loading {
            previous: self.shown(),
        };
        let attempt = self.attempt.wrapping_add(1);
        Rc::new(State {
            trail,
            position,
            attempt,
            moved,
            status,
            ..self.clone()
        })
    }

    /// A load of `url` after the current article, in place of any articles
    /// the reader had gone back from.
    fn open(&self, url: String) -> Rc<State> {
        let mut trail = self.trail.clone();
        trail.truncate(self.position + 1);
        trail.push(url);
        let position = trail.len() - 1;
        self.load(trail, position, true)
    }

    fn go(self: Rc<Self>, delta: isize) -> Rc<State> {
        match self
            .position
            .checked_add_signed(delta)
            .filter(|&p| p < self.trail.len())
        {
            Some(position) => self.load(self.trail.clone(), position, true),
            None => self,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Start(url) => self.load(vec![url], 0, false),
            Action::Open(url) => self.open(url),
            Action::OpenLoaded(url, article) => Rc::new(State {
                status: Status::Ready(article),
                ..(*self.open(url)).clone()
            }),
            Action::Go(delta) => self.go(delta),
            Action::Show(url) if self.current() == Some(url.as_str()) => self,
            Action::Show(url) => {
                let at = |delta: isize| {
                    let position = self.position.checked_add_signed(delta)?;
                    (self.trail.get(position) == Some(&url)).then_some(delta)
                };
                match at(-1).or_else(|| at(1)) {
                    Some(delta) => self.go(delta),
                    None => self.reduce(Action::Open(url)),
                }
            }
            Action::Retry => self.load(self.trail.clone(), self.position, self.moved),
            Action::Loaded { attempt, .. } if attempt != self.attempt => self,
            Action::Loaded { result, .. } => {
                let status = result.map_or_else(Status::Failed, Status::Ready);
                Rc::new(State {
                    status,
                    ..(*self).clone()
                })
            }
            Action::Fail(error) => Rc::new(State {
                status: Status::Failed(error),
                ..State::default()
            }),
            Action::ShowDay(day) => Rc::new(State {
                day: Some(day),
                day_attempt: self.day_attempt.wrapping_add(1),
                day_list: DayList::Loading,
                ..(*self).clone()
            }),
            Action::DayLoaded { attempt, .. } if attempt != self.day_attempt => self,
            Action::DayLoaded { day, result, .. } => {
                let day_list = match result {
                    Ok(index) => DayList::Ready(Rc::new(index)),
                    // No index file for a day is a day without news.
                    Err(Error::NotFound { .. }) => DayList::Ready(Rc::new(DateIndex {
                        date: day,
                        time_zone: Default::default(),
                        items: Vec::new(),
                    })),
                    Err(error) => DayList::Failed(error),
                };
                Rc::new(State {
                    day_list,
                    ..(*self).clone()
                })
            }
        }
    }
}

/// The widget: loads the configured article and shows it, a skeleton, or an
/// error; lets the reader move to related articles and browse by date.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(State::default);
    let root = use_node_ref();
    let config = &props.config;
    let locale = Locale::new(config.lang);
    let hash = config.history == HistoryMode::Hash;

    {
        // The configured article, or (history="hash") the one in the host URL.
        let dispatch = state.dispatcher();
        use_effect_with((config.src.clone(), hash), move |(src, hash)| {
            dispatch.dispatch(match src {
                Ok(src) => Action::Start(
                    hash.then(|| history::current(src))
                        .flatten()
                        .unwrap_or_else(|| src.clone()),
                ),
                Err(error) => Action::Fail(error.clone()),
            });
        });
    }
    {
        // Follow the browser's back and forward buttons (history="hash").
        let dispatch = state.dispatcher();
        use_effect_with((config.src.clone(), hash), move |(src, hash)| {
            let listener = match (src, hash) {
                (Ok(src), true) => {
                    let src = src.clone();
                    Some(history::listen(move || {
                        dispatch.dispatch(Action::Show(
                            history::current(&src).unwrap_or_else(|| src.clone()),
                        ))
                    }))
                }
                _ => None,
            };
            move || drop(listener)
        });
    }
    {
        // Only while loading: an article opened from the cache is already shown.
        let dispatch = state.dispatcher();
        let wanted = match state.status {
            Status::Loading { .. } => state.current().map(str::to_owned),
            _ => None,
        };
        use_effect_with((wanted, state.attempt), move |(url, attempt)| {
            let (url, attempt) = (url.clone(), *attempt);
            abortable(url, move |url, signal| async move {
                let result = source::article(&url, &signal).await;
                dispatch.dispatch(Action::Loaded { attempt, result });
            })
        });
    }
    {
        // Tell the host when the reader moves on.
        let (host, moved) = (props.host.clone(), state.moved);
        let current = state.current().map(str::to_owned);
        use_effect_with((current, state.position), move |(url, _)| {
            if let Some(url) = url.as_deref().filter(|_| moved) {
                host.navigate(url);
            }
        });
    }
    {
        // Once the DOM shows the outcome of a load: tell the host, and after the
        // reader's own move, bring the widget's top into view and focus the headline.
        let (host, root, moved) = (props.host.clone(), root.clone(), state.moved);
        let outcome = match &state.status {
            Status::Loading { .. } => None,
            Status::Ready(article) => Some(Ok(Rc::clone(article))),
            Status::Failed(error) => Some(Err(error.clone())),
        };
        // Keyed on the load and whether it settled, not on the article itself:
        // comparing whole articles on every render would cost more than it says.
        let settled = outcome.is_some();
        use_effect_with((state.attempt, settled), move |_| match outcome {
            Some(Ok(article)) => {
                host.rendered(&article.id);
                if moved {
                    follow(&root);
                }
            }
            Some(Err(error)) => host.error(&error),
            None => {}
        });
    }
    {
        let dispatch = state.dispatcher();
        let url = state
            .day
            .and_then(|day| Some((day, config.date_index.as_ref()?.url(day)?)));
        use_effect_with((url, state.day_attempt), move |(url, attempt)| {
            let attempt = *attempt;
            abortable(url.clone(), move |(day, url), signal| async move {
                let result = source::load::<DateIndex>(&url, Some(&signal)).await;
                dispatch.dispatch(Action::DayLoaded {
                    attempt,
                    day,
                    result,
                });
            })
        });
    }

    let dispatch = state.dispatcher();
    let onselect = {
        let dispatch = dispatch.clone();
        Callback::from(move |item: ArticleSummary| {
            if hash {
                history::push(item.src.as_str());
            }
            let url = item.src.to_string();
            dispatch.dispatch(match source::loaded(&url) {
                Some(article) => Action::OpenLoaded(url, article),
                None => Action::Open(url),
            });
        })
    };
    let onprefetch = Callback::from(|item: ArticleSummary| source::prefetch(item.src.as_str()));
    let step = |delta: isize| {
        let dispatch = dispatch.clone();
        Callback::from(move |()| match hash {
            true => history::go(if delta < 0 { -1 } else { 1 }),
            false => dispatch.dispatch(Action::Go(delta)),
        })
    };
    let (onback, onforward) = (step(-1), step(1));
    let (can_back, can_forward) = (state.can_back(), state.can_forward());

    let content = match &state.status {
        Status::Loading { previous: None } => html! { <Skeleton /> },
        Status::Loading {
            previous: Some(article),
        } => html! {
            <>
                <p class="nw-visually-hidden" role="status">{ locale.lang.messages().loading }</p>
                <ArticleView article={Rc::clone(article)} stale=true onselect={onselect.clone()}
                             onprefetch={onprefetch.clone()} />
            </>
        },
        Status::Ready(article) => {
            let (host, id) = (props.host.clone(), article.id.clone());
            let onvideoplay = Callback::from(move |src: String| host.video_play(&id, &src));
            html! {
                <ArticleView article={Rc::clone(article)} onselect={onselect.clone()}
                             onprefetch={onprefetch.clone()} {onvideoplay} />
            }
        }
        Status::Failed(error) => {
            let onretry = (error.is_transient() && state.current().is_some())
                .then(|| dispatch.to_callback().reform(|()| Action::Retry));
            html! { <ErrorNotice error={error.clone()} {onretry} onback={can_back.then(|| onback.clone())} /> }
        }
    };
    // One polite live region for the whole widget, there from the start (a
    // region created with its text is often not read): "loading" while the
    // reader's move loads, then the new headline. Errors have their own alert.
    let announcement = match &state.status {
        Status::Loading { previous: Some(_) } => locale.lang.messages().loading,
        Status::Ready(article) if state.moved() => article.headline.as_str(),
        _ => "",
    };
    let dates = config.date_index.as_ref().and_then(|_| {
        let article = state.shown();
        let day = state.day.or_else(|| article.as_ref()?.published.day())?;
        let zone = article.map(|a| a.time_zone.clone()).unwrap_or_default();
        Some(html! {
            <DateBrowser {day} today={Locale::today(&zone)} list={state.day_list.clone()}
                         onday={dispatch.to_callback().reform(Action::ShowDay)} onselect={onselect.clone()}
                         onprefetch={onprefetch.clone()} />
        })
    });
    html! {
        <ContextProvider<Locale> context={locale}>
            <div class="nw" lang={locale.lang.tag()} ref={root}>
                <p class="nw-visually-hidden nw-announcer" role="status" aria-live="polite">{ announcement }</p>
                <HistoryNav {can_back} {can_forward} {onback} {onforward} />
                { content }
                { dates }
            </div>
        </ContextProvider<Locale>>
    }
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
