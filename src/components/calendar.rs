//! The month calendar of the date browser: a grid of days in the widget's
//! own language (the browser's `<input type="date">` speaks the browser's),
//! after the APG date picker dialog pattern.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{counted, use_locale};
use crate::model::Day;

/// Props of [`Calendar`].
#[derive(Properties, PartialEq)]
pub struct CalendarProps {
    /// The chosen day: its month shows first, and it has the focus.
    pub chosen: Day,
    /// The newsroom's today: later days cannot be chosen.
    pub today: Option<Day>,
    /// A day was chosen (never one after `today`).
    pub onchoose: Callback<Day>,
    /// Closed without a choice (Escape).
    pub onclose: Callback<()>,
}

/// A month of days as a grid: arrows move by a day or a week, Home and End
/// to the week's ends, Page Up and Page Down by a month, Enter chooses,
/// Escape closes. One day at a time is in the tab order.
#[component]
pub fn Calendar(props: &CalendarProps) -> Html {
    counted("Calendar");
    let locale = use_locale();
    let messages = locale.lang.messages();
    let focus = use_state(|| props.chosen);
    let grid = use_node_ref();
    let today = props.today;
    let allowed = move |d: Day| today.is_none_or(|today| d <= today);
    {
        // The focused day's button has the focus, also after a move.
        let grid = grid.clone();
        use_effect_with(*focus, move |day| {
            let selector = format!("[data-day=\"{day}\"]");
            let button = grid
                .cast::<web_sys::Element>()
                .and_then(|g| g.query_selector(&selector).ok().flatten());
            if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = button.focus();
            }
        });
    }
    let onkeydown = {
        let (focus, onclose) = (focus.clone(), props.onclose.clone());
        move |event: KeyboardEvent| {
            let day = *focus;
            let week_day = i64::try_from(day.weekday()).unwrap_or_default();
            let moved = match event.key().as_str() {
                "ArrowLeft" => Some(day.previous()),
                "ArrowRight" => Some(day.next()),
                "ArrowUp" => Some((0..7).fold(day, |d, _| d.previous())),
                "ArrowDown" => Some((0..7).fold(day, |d, _| d.next())),
                "Home" => Some((0..week_day).fold(day, |d, _| d.previous())),
                "End" => Some((week_day..6).fold(day, |d, _| d.next())),
                "PageUp" => Some(day.add_months(-1)),
                "PageDown" => Some(day.add_months(1)),
                "Escape" => {
                    onclose.emit(());
                    None
                }
                _ => return,
            };
            event.prevent_default();
            // A move past the newsroom's today stops at today.
            if let Some(to) = moved.map(|d| if allowed(d) { d } else { today.unwrap_or(d) }) {
                focus.set(to);
            }
        }
    };
    let month = |delta: i64| {
        let focus = focus.clone();
        move |_: MouseEvent| focus.set(focus.add_months(delta))
    };
    let shown = focus.month_start();
    let days =
        std::iter::successors(Some(shown), |d| Some(d.next())).take(shown.days_in_month() as usize);
    // Empty cells before the 1st, so each column is one weekday, Monday first.
    let mut cells: Vec<Html> = (0..shown.weekday()).map(|_| html! { <td></td> }).collect();
    cells.extend(days.map(|day| {
        let chosen = day == props.chosen;
        let onclick = props.onchoose.reform(move |_: MouseEvent| day);
        html! {
            <td aria-selected={chosen.then_some("true")}>
                <button type="button" data-day={day.to_string()}
                        tabindex={if day == *focus { "0" } else { "-1" }} disabled={!allowed(day)}
                        aria-current={(Some(day) == today).then_some("date")} {onclick}>
                    // The number shows; the whole day is what is read out.
                    <span aria-hidden="true">{ day.day_of_month() }</span>
                    <span class="nw-visually-hidden">{ locale.day(day) }</span>
                </button>
            </td>
        }
    }));
    let weeks = cells
        .chunks(7)
        .map(|week| html! { <tr>{ for week.iter().cloned() }</tr> });
    let heading = locale.month(shown);
    html! {
        <div class="nw-calendar" role="dialog" aria-label={messages.choose_day}>
            <div class="nw-calendar-head">
                <button type="button" class="nw-previous-month" aria-label={messages.previous_month}
                        onclick={month(-1)}>{ "‹" }</button>
                <h4 class="nw-calendar-month" aria-live="polite">{ heading.clone() }</h4>
                <button type="button" class="nw-next-month" aria-label={messages.next_month}
                        disabled={!allowed(shown.add_months(1).month_start())} onclick={month(1)}>{ "›" }</button>
            </div>
            <table role="grid" aria-label={heading} ref={grid} {onkeydown}>
                <thead>
                    <tr>
                        { for messages.weekdays_short.iter().zip(messages.weekdays).map(|(short, long)| html! {
                            <th scope="col" abbr={long}>{ *short }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>{ for weeks }</tbody>
            </table>
        </div>
    }
}
