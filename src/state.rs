//! What the widget shows, and the one way that changes: [`State`], changed
//! by an [`Action`] through Yew's `use_reducer`.
//!
//! Pure: no browser, no network. The hooks (`crate::hooks`) start the loads
//! that a state asks for and report their answers as actions; the native
//! tests in `tests/state.rs` drive it directly.

use std::rc::Rc;

use yew::Reducible;

use crate::error::{Error, Result};
use crate::model::{Article, DateIndex, Day};

/// Numbers each load, so that the answer to an older one is recognised and
/// dropped. One counter serves every load of a widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attempt(u32);

/// A request's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load<T> {
    /// Nothing asked for.
    Idle,
    /// Under way. The value before it, if any, stays on screen meanwhile.
    Loading {
        /// Which load this is.
        attempt: Attempt,
        /// The value shown before.
        previous: Option<T>,
    },
    /// Arrived.
    Ready(T),
    /// Could not be had.
    Failed(Error),
}

impl<T: Clone> Load<T> {
    /// The value on screen: the one that arrived, or, while the next one
    /// loads, the one before it.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Load::Ready(value) => Some(value),
            Load::Loading { previous, .. } => previous.as_ref(),
            Load::Idle | Load::Failed(_) => None,
        }
    }

    /// The load under way, if any.
    pub fn pending(&self) -> Option<Attempt> {
        match self {
            Load::Loading { attempt, .. } => Some(*attempt),
            _ => None,
        }
    }

    /// A new load, keeping the value shown now on screen.
    fn start(&self, attempt: Attempt) -> Load<T> {
        Load::Loading {
            attempt,
            previous: self.shown().cloned(),
        }
    }

    /// What the answer to load `attempt` makes of this one: `None` if that
    /// is not the load under way (the reader has moved on).
    fn finish(&self, attempt: Attempt, result: Result<T>) -> Option<Load<T>> {
        (self.pending() == Some(attempt)).then(|| result.map_or_else(Load::Failed, Load::Ready))
    }
}

/// Whose choice the article on screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// The partner's, in the `src` attribute (or a shared link's fragment).
    #[default]
    Configured,
    /// The reader's: a related item, a day's item, back or forward. Focus
    /// and the host's `navigate` event follow it.
    Reader,
}

/// What the widget shows: the articles the reader went through and where
/// they are now, the current article's load, and the date browser's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// Absolute URLs of the articles read in this widget, in order.
    trail: Vec<String>,
    /// Index of the current article in `trail`.
    position: usize,
    origin: Origin,
    /// Which showing of an article this is: every move, retry or start gets
    /// the next attempt number, also when the article comes from the cache.
    showing: Attempt,
    article: Load<Rc<Article>>,
    /// The day the reader chose in the date browser.
    day: Option<Day>,
    day_index: Load<Rc<DateIndex>>,
    /// The last attempt number given out.
    attempts: Attempt,
    /// The live view count the article's counter gave, and for which showing.
    views: Option<(Attempt, u64)>,
}

/// Everything that changes [`State`].
#[derive(Debug)]
pub enum Action {
    /// Show the configured article at this absolute URL (or the error that
    /// stops it), starting afresh; with the article if it is already loaded.
    Start(Result<String>, Option<Rc<Article>>),
    /// The reader chose the article at this absolute URL; with the article
    /// if it is already loaded (prefetched, or read before), so it shows at
    /// once, without a loading step.
    Open(String, Option<Rc<Article>>),
    /// Back (`-1`) or forward (`1`) through the articles read.
    Go(isize),
    /// The host's history moved to this article (`history="hash"`).
    Show(String),
    /// Load the current article again (after a failure).
    Retry,
    /// An article load finished.
    ArticleLoaded(Attempt, Result<Rc<Article>>),
    /// The reader chose a day in the date browser.
    ShowDay(Day),
    /// A day's index load finished.
    DayLoaded(Attempt, Result<Rc<DateIndex>>),
    /// The article's view counter gave its live count during this showing.
    Counted(Attempt, u64),
}

impl Default for State {
    /// Nothing to show yet.
    fn default() -> State {
        State {
            trail: Vec::new(),
            position: 0,
            origin: Origin::Configured,
            showing: Attempt::default(),
            article: Load::Idle,
            day: None,
            day_index: Load::Idle,
            attempts: Attempt::default(),
            views: None,
        }
    }
}

impl State {
    /// The state of a widget starting with the article at `start` (see [`Action::Start`]).
    pub fn new(start: Result<String>, loaded: Option<Rc<Article>>) -> State {
        State::default().restart(start, loaded)
    }

    /// Everything afresh but the attempt count, so that no answer to an
    /// older load can pass for one of the new state's, and the article on
    /// screen, which stays there, dimmed, until the new one arrives.
    fn restart(&self, start: Result<String>, loaded: Option<Rc<Article>>) -> State {
        let fresh = State {
            attempts: self.attempts,
            article: self.article.clone(),
            ..State::default()
        };
        match start {
            Ok(url) => fresh.show(vec![url], 0, Origin::Configured, loaded),
            // A showing too: the host hears of each failed start.
            Err(error) => State {
                article: Load::Failed(error),
                showing: self.next_attempt(),
                attempts: self.next_attempt(),
                ..fresh
            },
        }
    }

    /// The absolute URL of the article shown (or loading) now.
    pub fn current(&self) -> Option<&str> {
        self.trail.get(self.position).map(String::as_str)
    }

    /// The current article's load.
    pub fn article(&self) -> &Load<Rc<Article>> {
        &self.article
    }

    /// Whose choice the current article is.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// Which showing of an article this is (see [`Attempt`]): the host hears
    /// of each one once.
    pub fn showing(&self) -> Attempt {
        self.showing
    }

    /// The live view count of the article on screen, once its counter has
    /// answered during this showing; else the article's own count stands.
    pub fn views(&self) -> Option<u64> {
        self.views
            .filter(|(showing, _)| *showing == self.showing)
            .map(|(_, n)| n)
    }

    /// There is an article to go back to.
    pub fn can_back(&self) -> bool {
        self.position > 0
    }

    /// There is an article to go forward to.
    pub fn can_forward(&self) -> bool {
        self.position + 1 < self.trail.len()
    }

    /// The day in the date browser: the reader's choice, else the day the
    /// article on screen was published.
    pub fn day(&self) -> Option<Day> {
        self.day.or_else(|| self.article.shown()?.published.day())
    }

    /// The chosen day's index, once the reader has chosen a day.
    pub fn day_index(&self) -> &Load<Rc<DateIndex>> {
        &self.day_index
    }

    /// Whether this is the state [`State::new`] made for `start`, before
    /// the reader moved.
    fn started_at(&self, start: &Result<String>) -> bool {
        match start {
            Ok(url) => self.trail.len() == 1 && self.current() == Some(url.as_str()),
            Err(error) => self.trail.is_empty() && self.article == Load::Failed(error.clone()),
        }
    }

    fn next_attempt(&self) -> Attempt {
        Attempt(self.attempts.0.wrapping_add(1))
    }

    /// Shows `trail[position]`: at once if `loaded`, else through a new load.
    fn show(
        &self,
        trail: Vec<String>,
        position: usize,
        origin: Origin,
        loaded: Option<Rc<Article>>,
    ) -> State {
        let attempts = self.next_attempt();
        let article = match loaded {
            Some(article) => Load::Ready(article),
            None => self.article.start(attempts),
        };
        State {
            trail,
            position,
            origin,
            showing: attempts,
            article,
            attempts,
            ..self.clone()
        }
    }

    /// The article at `url` after the current one, in place of any articles
    /// the reader had gone back from.
    fn open(&self, url: String, loaded: Option<Rc<Article>>) -> State {
        let mut trail = self.trail.clone();
        trail.truncate(self.position + 1);
        trail.push(url);
        let position = trail.len() - 1;
        self.show(trail, position, Origin::Reader, loaded)
    }

    fn go(self: Rc<Self>, delta: isize) -> Rc<State> {
        match self
            .position
            .checked_add_signed(delta)
            .filter(|&p| p < self.trail.len())
        {
            Some(position) => {
                Rc::new(self.show(self.trail.clone(), position, Origin::Reader, None))
            }
            None => self,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            // Where the widget started already (its first render did).
            Action::Start(start, _) if self.started_at(&start) => self,
            Action::Start(start, loaded) => Rc::new(self.restart(start, loaded)),
            Action::Open(url, loaded) => Rc::new(self.open(url, loaded)),
            Action::Go(delta) => self.go(delta),
            Action::Show(url) if self.current() == Some(url.as_str()) => self,
            Action::Show(url) => {
                let at = |delta: isize| {
                    let position = self.position.checked_add_signed(delta)?;
                    (self.trail.get(position) == Some(&url)).then_some(delta)
                };
                match at(-1).or_else(|| at(1)) {
                    Some(delta) => self.go(delta),
                    None => Rc::new(self.open(url, None)),
                }
            }
            Action::Retry => {
                Rc::new(self.show(self.trail.clone(), self.position, self.origin, None))
            }
            Action::ArticleLoaded(attempt, result) => match self.article.finish(attempt, result) {
                Some(article) => Rc::new(State {
                    article,
                    ..(*self).clone()
                }),
                None => self,
            },
            Action::ShowDay(day) => {
                let attempts = self.next_attempt();
                Rc::new(State {
                    day: Some(day),
                    day_index: self.day_index.start(attempts),
                    attempts,
                    ..(*self).clone()
                })
            }
            Action::DayLoaded(attempt, result) => {
                // No index file for a day is a day without news.
                let result = match (result, self.day) {
                    (Err(Error::NotFound { .. }), Some(day)) => Ok(Rc::new(DateIndex::empty(day))),
                    (result, _) => result,
                };
                match self.day_index.finish(attempt, result) {
                    Some(day_index) => Rc::new(State {
                        day_index,
                        ..(*self).clone()
                    }),
                    None => self,
                }
            }
            // A count only grows: an answer that crossed a newer one never
            // takes a shown count back.
            Action::Counted(showing, n) if showing == self.showing && self.views() < Some(n) => {
                Rc::new(State {
                    views: Some((showing, n)),
                    ..(*self).clone()
                })
            }
            Action::Counted(..) => self,
        }
    }
}
