//! The widget's state machine: moving through articles, late answers, days.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use news_widget::error::Error;
use news_widget::model::{Article, DateIndex, Day, Document};
use news_widget::state::{Action, Attempt, Load, Origin, State};
use yew::Reducible;

fn article(id: &str) -> Rc<Article> {
    let path = format!("{}/site/articles/{id}.json", env!("CARGO_MANIFEST_DIR"));
    Rc::new(Article::parse(&std::fs::read(path).expect("sample")).expect("parses"))
}

fn start(url: &str) -> Rc<State> {
    Rc::new(State::new(Ok(url.into()), None))
}

fn run(state: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions
        .into_iter()
        .fold(state, |state, action| state.reduce(action))
}

/// The load under way in `state`.
fn pending(state: &State) -> Attempt {
    state
        .article()
        .pending()
        .expect("an article load under way")
}

/// The answer to the load under way in `state`: the sample article `id`.
fn loaded(state: &State, id: &str) -> Action {
    Action::ArticleLoaded(pending(state), Ok(article(id)))
}

fn shown_id(state: &State) -> Option<String> {
    state.article().shown().map(|a| a.id.as_str().to_owned())
}

#[test]
fn a_widget_starts_loading_or_with_the_article_it_already_has() {
    let state = start("a/20122.json");
    assert!(matches!(
        state.article(),
        Load::Loading { previous: None, .. }
    ));
    let ready = State::new(Ok("a/20122.json".into()), Some(article("20122")));
    assert!(matches!(ready.article(), Load::Ready(a) if a.id.as_str() == "20122"));
    assert_eq!(ready.origin(), Origin::Configured);
    let broken = State::new(Err(Error::Config("\"src\" is required".into())), None);
    assert!(matches!(broken.article(), Load::Failed(Error::Config(_))));
}

#[test]
fn starting_where_the_widget_already_is_changes_nothing() {
    let state = start("a/20122.json");
    let again = state
        .clone()
        .reduce(Action::Start(Ok("a/20122.json".into()), None));
    assert!(
        Rc::ptr_eq(&state, &again),
        "the first render's start is kept"
    );
    let error = Error::Config("\"src\" is required".into());
    let broken = Rc::new(State::new(Err(error.clone()), None));
    let again = broken.clone().reduce(Action::Start(Err(error), None));
    assert!(Rc::ptr_eq(&broken, &again));
    let other = state.reduce(Action::Start(Ok("a/20121.json".into()), None));
    assert_eq!(other.current(), Some("a/20121.json"));
}

#[test]
fn opening_an_article_keeps_the_old_one_on_screen_until_the_new_one_arrives() {
    let state = start("a/20122.json");
    let state = state.clone().reduce(loaded(&state, "20122"));
    let state = state.reduce(Action::Open("a/20125.json".into(), None));
    assert_eq!(state.current(), Some("a/20125.json"));
    assert!(
        matches!(state.article(), Load::Loading { previous: Some(a), .. } if a.id.as_str() == "20122")
    );
    assert_eq!(state.origin(), Origin::Reader);
}

#[test]
fn an_article_already_loaded_opens_at_once_and_a_load_still_under_way_is_dropped() {
    let state = run(
        start("a/20122.json"),
        [Action::Open("a/20125.json".into(), None)],
    );
    let older = pending(&state);
    let state = state.reduce(Action::Open("a/20121.json".into(), Some(article("20121"))));
    assert_eq!(state.current(), Some("a/20121.json"));
    assert!(matches!(state.article(), Load::Ready(a) if a.id.as_str() == "20121"));
    assert!(state.origin() == Origin::Reader && state.can_back());
    let after_late = state
        .clone()
        .reduce(Action::ArticleLoaded(older, Ok(article("20125"))));
    assert!(
        Rc::ptr_eq(&state, &after_late),
        "the older load's answer changes nothing"
    );
    let back = state.reduce(Action::Go(-1));
    assert_eq!(back.current(), Some("a/20125.json"));
}

#[test]
fn a_late_answer_to_an_older_load_is_dropped() {
    let state = run(
        start("a/20122.json"),
        [Action::Open("a/20125.json".into(), None)],
    );
    let older = pending(&state);
    let state = state.reduce(Action::Open("a/20121.json".into(), None));
    let after_late = state
        .clone()
        .reduce(Action::ArticleLoaded(older, Ok(article("20125"))));
    assert!(
        Rc::ptr_eq(&state, &after_late),
        "a stale answer changes nothing"
    );
    let done = state.clone().reduce(loaded(&state, "20121"));
    assert_eq!(shown_id(&done).as_deref(), Some("20121"));
}

#[test]
fn no_answer_from_before_a_restart_passes_for_the_new_load() {
    let state = start("a/20122.json");
    let before = pending(&state);
    let state = state.reduce(Action::Start(Ok("a/20121.json".into()), None));
    assert_ne!(pending(&state), before);
    let after_late = state
        .clone()
        .reduce(Action::ArticleLoaded(before, Ok(article("20122"))));
    assert!(Rc::ptr_eq(&state, &after_late));
}

#[test]
fn back_and_forward_walk_the_trail_and_a_new_move_drops_forward_history() {
    let open = |url: &str| Action::Open(url.into(), None);
    let state = run(
        start("a"),
        [open("b"), open("c"), Action::Go(-1), Action::Go(-1)],
    );
    assert_eq!(state.current(), Some("a"));
    assert_eq!((state.can_back(), state.can_forward()), (false, true));
    let state = state.reduce(Action::Go(-1));
    assert_eq!(
        state.current(),
        Some("a"),
        "no going back past the first article"
    );
    let state = run(state, [Action::Go(1), open("d")]);
    assert_eq!(state.current(), Some("d"));
    assert_eq!((state.can_back(), state.can_forward()), (true, false));
    let state = state.reduce(Action::Go(-1));
    assert_eq!(state.current(), Some("b"));
}

#[test]
fn the_host_history_moving_maps_to_back_forward_or_open() {
    let state = run(
        start("a"),
        [Action::Open("b".into(), None), Action::Show("a".into())],
    );
    assert_eq!((state.current(), state.can_forward()), (Some("a"), true));
    let state = state.reduce(Action::Show("b".into()));
    assert_eq!((state.current(), state.can_back()), (Some("b"), true));
    let state = state.reduce(Action::Show("z".into()));
    assert_eq!((state.current(), state.can_back()), (Some("z"), true));
}

#[test]
fn a_failed_load_can_be_retried() {
    let state = start("a");
    let failure = Error::Http {
        url: "a".into(),
        status: 503,
    };
    let state = state
        .clone()
        .reduce(Action::ArticleLoaded(pending(&state), Err(failure)));
    assert!(matches!(
        state.article(),
        Load::Failed(Error::Http { status: 503, .. })
    ));
    let retried = state.clone().reduce(Action::Retry);
    assert!(matches!(retried.article(), Load::Loading { .. }));
    assert_eq!(retried.current(), Some("a"));
    assert_ne!(retried.showing(), state.showing());
}

#[test]
fn the_day_is_the_articles_until_the_reader_chooses_one() {
    let state = start("a/20122.json");
    assert_eq!(state.day(), None, "no article, no day");
    let state = state.clone().reduce(loaded(&state, "20122"));
    assert_eq!(state.day(), Day::parse("2022-01-20").ok());
    assert_eq!(state.day_index(), &Load::Idle);
    let chosen = Day::parse("2022-01-19").expect("day");
    let state = state.reduce(Action::ShowDay(chosen));
    assert_eq!(state.day(), Some(chosen));
    assert!(state.day_index().pending().is_some());
}

#[test]
fn a_day_step_leaves_the_article_as_it_is() {
    let state = start("a/20122.json");
    let state = state.clone().reduce(loaded(&state, "20122"));
    let stepped = state
        .clone()
        .reduce(Action::ShowDay(Day::parse("2022-01-19").expect("day")));
    assert!(
        stepped.article() == state.article() && stepped.showing() == state.showing(),
        "the article and its showing are untouched"
    );
}

#[test]
fn a_missing_day_index_is_a_day_without_news_and_late_days_are_dropped() {
    let day = Day::parse("2022-01-16").expect("day");
    let state = run(start("a"), [Action::ShowDay(day)]);
    let first = state.day_index().pending().expect("day load");
    let state = state.reduce(Action::ShowDay(day.next()));
    let late = state
        .clone()
        .reduce(Action::DayLoaded(first, Ok(Rc::new(DateIndex::empty(day)))));
    assert!(
        Rc::ptr_eq(&state, &late),
        "an older day's answer is dropped"
    );
    let missing = Error::NotFound {
        url: "d/2022-01-17.json".into(),
        status: 404,
    };
    let attempt = state.day_index().pending().expect("day load");
    let state = state.reduce(Action::DayLoaded(attempt, Err(missing)));
    assert!(
        matches!(state.day_index(), Load::Ready(index) if index.items.is_empty() && index.date == day.next())
    );
}

#[test]
fn each_unusable_start_is_a_showing_of_its_own() {
    let broken = |why: &str| Err(Error::Config(why.into()));
    let first = Rc::new(State::new(broken("\"src\" is required"), None));
    let second = first
        .clone()
        .reduce(Action::Start(broken("\"src\" is not an http(s) URL"), None));
    assert!(matches!(second.article(), Load::Failed(Error::Config(_))));
    assert_ne!(
        second.showing(),
        first.showing(),
        "the host hears of the second error too"
    );
}

#[test]
fn a_live_count_belongs_to_its_showing_and_only_grows() {
    let state = Rc::new(State::new(
        Ok("a/20122.json".into()),
        Some(article("20122")),
    ));
    assert_eq!(
        state.views(),
        None,
        "the article's own count until the counter answers"
    );
    let showing = state.showing();
    let counted = run(Rc::clone(&state), [Action::Counted(showing, 3825)]);
    assert_eq!(counted.views(), Some(3825));
    // A look answered after the view: the count does not go back.
    let late = counted.clone().reduce(Action::Counted(showing, 3824));
    assert!(Rc::ptr_eq(&late, &counted), "no new state, no render");
    // The reader moves on: the count was the other article's.
    let moved = run(
        counted,
        [Action::Open("a/20125.json".into(), Some(article("20125")))],
    );
    assert_eq!(moved.views(), None);
    let stale = moved.clone().reduce(Action::Counted(showing, 9999));
    assert!(
        Rc::ptr_eq(&stale, &moved),
        "an answer for an earlier showing is dropped"
    );
}
