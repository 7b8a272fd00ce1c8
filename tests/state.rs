//! The widget's state machine: moving through articles, late answers, days.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use news_widget::app::{Action, State, Status};
use news_widget::error::Error;
use news_widget::model::{parse_article, Article, Day};
use yew::Reducible;

fn article(id: &str) -> Rc<Article> {
    let path = format!("{}/site/articles/{id}.json", env!("CARGO_MANIFEST_DIR"));
    Rc::new(parse_article(&std::fs::read(path).expect("sample")).expect("parses"))
}

fn run(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions
        .into_iter()
        .fold(Rc::new(State::default()), |state, action| {
            state.reduce(action)
        })
}

/// The answer to load `attempt`: the sample article `id`.
fn answer(attempt: u32, id: &str) -> Action {
    Action::Loaded {
        attempt,
        result: Ok(article(id)),
    }
}

/// The answer to the load under way in `state`.
fn loaded(state: &State, id: &str) -> Action {
    answer(state.attempt(), id)
}

#[test]
fn opening_an_article_keeps_the_old_one_on_screen_until_the_new_one_arrives() {
    let state = run([Action::Start("a/20122.json".into())]);
    let state = state.clone().reduce(loaded(&state, "20122"));
    let state = state.reduce(Action::Open("a/20125.json".into()));
    assert_eq!(state.current(), Some("a/20125.json"));
    assert!(
        matches!(state.status(), Status::Loading { previous: Some(a) } if a.id.as_str() == "20122")
    );
    assert!(state.moved());
}

#[test]
fn an_article_already_loaded_opens_at_once_and_a_load_still_under_way_is_dropped() {
    let state = run([
        Action::Start("a/20122.json".into()),
        Action::Open("a/20125.json".into()),
    ]);
    let pending = state.attempt();
    let state = state.reduce(Action::OpenLoaded("a/20121.json".into(), article("20121")));
    assert_eq!(state.current(), Some("a/20121.json"));
    assert!(matches!(state.status(), Status::Ready(a) if a.id.as_str() == "20121"));
    assert!(state.moved() && state.can_back());
    let after_late = state.clone().reduce(answer(pending, "20125"));
    assert!(
        Rc::ptr_eq(&state, &after_late),
        "the older load's answer changes nothing"
    );
    let back = state.reduce(Action::Go(-1));
    assert_eq!(back.current(), Some("a/20125.json"));
}

#[test]
fn a_late_answer_to_an_older_load_is_dropped() {
    let state = run([
        Action::Start("a/20122.json".into()),
        Action::Open("a/20125.json".into()),
    ]);
    let older = state.attempt() - 1;
    let state = state.reduce(Action::Open("a/20121.json".into()));
    let after_late = state.clone().reduce(answer(older, "20125"));
    assert!(
        Rc::ptr_eq(&state, &after_late),
        "a stale answer changes nothing"
    );
    let done = state.clone().reduce(loaded(&state, "20121"));
    assert!(matches!(done.status(), Status::Ready(a) if a.id.as_str() == "20121"));
}

#[test]
fn back_and_forward_walk_the_trail_and_a_new_move_drops_forward_history() {
    let state = run([
        Action::Start("a".into()),
        Action::Open("b".into()),
        Action::Open("c".into()),
        Action::Go(-1),
        Action::Go(-1),
    ]);
    assert_eq!(state.current(), Some("a"));
    assert_eq!((state.can_back(), state.can_forward()), (false, true));
    let state = state.reduce(Action::Go(-1));
    assert_eq!(
        state.current(),
        Some("a"),
        "no going back past the first article"
    );
    let state = state.reduce(Action::Go(1)).reduce(Action::Open("d".into()));
    assert_eq!(state.current(), Some("d"));
    assert_eq!((state.can_back(), state.can_forward()), (true, false));
    let state = state.reduce(Action::Go(-1));
    assert_eq!(state.current(), Some("b"));
}

#[test]
fn the_host_history_moving_maps_to_back_forward_or_open() {
    let state = run([
        Action::Start("a".into()),
        Action::Open("b".into()),
        Action::Show("a".into()),
    ]);
    assert_eq!((state.current(), state.can_forward()), (Some("a"), true));
    let state = state.reduce(Action::Show("b".into()));
    assert_eq!((state.current(), state.can_back()), (Some("b"), true));
    let state = state.reduce(Action::Show("z".into()));
    assert_eq!((state.current(), state.can_back()), (Some("z"), true));
}

#[test]
fn a_failed_load_can_be_retried() {
    let state = run([Action::Start("a".into())]);
    let failure = Error::Http {
        url: "a".into(),
        status: 503,
    };
    let state = state.clone().reduce(Action::Loaded {
        attempt: state.attempt(),
        result: Err(failure),
    });
    assert!(matches!(
        state.status(),
        Status::Failed(Error::Http { status: 503, .. })
    ));
    let retried = state.clone().reduce(Action::Retry);
    assert!(matches!(retried.status(), Status::Loading { .. }));
    assert_eq!(retried.current(), Some("a"));
    assert!(retried.attempt() > state.attempt());
}

#[test]
fn a_missing_day_index_is_a_day_without_news() {
    let day = Day::parse("2022-01-16").expect("day");
    let state = run([Action::Start("a".into()), Action::ShowDay(day)]);
    let missing = Error::NotFound {
        url: "d/2022-01-16.json".into(),
        status: 404,
    };
    let state = state.clone().reduce(Action::DayLoaded {
        attempt: state.day_attempt(),
        day,
        result: Err(missing),
    });
    assert!(
        matches!(state.day_list(), news_widget::components::DayList::Ready(index) if index.items.is_empty())
    );
}
