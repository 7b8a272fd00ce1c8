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
    // A move past the newsroom's today stops at today.
    let within = move |d: Day| {
        if d.is_not_after(today) {
            d
        } else {
            today.unwrap_or(d)
        }
    };
    {
        // The focused day's button takes the focus when the calendar opens and
        // after a move by key; a month button pressed keeps it.
        let (grid, opening) = (grid.clone(), use_mut_ref(|| true));
        use_effect_with(*focus, move |day| {
            let Some(grid) = grid.cast::<web_sys::Element>() else {
                return;
            };
            let active = js_sys::Reflect::get(&grid.get_root_node(), &"activeElement".into())
                .ok()
                .and_then(|a| a.dyn_into::<web_sys::Node>().ok());
            if !(opening.replace(false) || grid.contains(active.as_ref())) {
                return;
            }
            let selector = format!("[data-day=\"{day}\"]");
            let button = grid.query_selector(&selector).ok().flatten();
            if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = button.focus();
            }
        });
    }
    let onkeydown = {
        let (focus, onclose) = (focus.clone(), props.onclose.clone());
        move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                return onclose.emit(());
            }
            // Moves only from a day: on a month button, arrows and Enter are its own.
            let on_day = event
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|target| target.has_attribute("data-day"));
            let day = *focus;
            let week_day = day.weekday() as i64;
            let moved = match event.key().as_str() {
                _ if !on_day => return,
                "ArrowLeft" => day.add_days(-1),
                "ArrowRight" => day.add_days(1),
                "ArrowUp" => day.add_days(-7),
                "ArrowDown" => day.add_days(7),
                "Home" => day.add_days(-week_day),
                "End" => day.add_days(6 - week_day),
                "PageUp" => day.add_months(-1),
                "PageDown" => day.add_months(1),
                _ => return,
            };
            event.prevent_default();
            focus.set(within(moved));
        }
    };
    let month = |delta: i64| {
        let focus = focus.clone();
        move |_: MouseEvent| focus.set(within(focus.add_months(delta)))
    };
    let shown = focus.month_start();
    let days =
        std::iter::successors(Some(shown), |d| Some(d.next())).take(shown.days_in_month() as usize);
    // Empty cells before the 1st, so each column is one weekday, Monday first.
    let mut cells: Vec<Html> = (0..shown.weekday()).map(|_| html! { <td></td> }).collect();
    cells.extend(days.map(|day| {
        let chosen = day == props.chosen;
        let name = match chosen {
            true => format!("{}, {}", locale.day(day), messages.selected),
            false => locale.day(day),
        };
        let onclick = props.onchoose.reform(move |_: MouseEvent| day);
        html! {
            <td aria-selected={chosen.then_some("true")}>
                <button type="button" data-day={day.to_string()}
                        tabindex={if day == *focus { "0" } else { "-1" }} disabled={!day.is_not_after(today)}
                        aria-current={(Some(day) == today).then_some("date")} {onclick}>
                    // The number shows; the whole day is what is read out.
                    <span aria-hidden="true">{ day.day_of_month() }</span>
                    <span class="nw-visually-hidden">{ name }</span>
                </button>
            </td>
        }
    }));
    // Empty cells after the last day too, so every week is a full row.
    cells.resize_with(cells.len().div_ceil(7) * 7, || html! { <td></td> });
    let weeks = cells
        .chunks(7)
        .map(|week| html! { <tr>{ for week.iter().cloned() }</tr> });
    let heading = locale.month(shown);
    html! {
        <div class="nw-calendar" role="dialog" aria-label={messages.choose_day} {onkeydown}>
            <div class="nw-calendar-head">
                <button type="button" class="nw-previous-month" aria-label={messages.previous_month}
                        onclick={month(-1)}>{ "‹" }</button>
                <h4 class="nw-calendar-month" id="nw-calendar-month" aria-live="polite">{ heading }</h4>
                <button type="button" class="nw-next-month" aria-label={messages.next_month}
                        disabled={!shown.add_months(1).month_start().is_not_after(today)} onclick={month(1)}>{ "›" }</button>
            </div>
            <table role="grid" aria-labelledby="nw-calendar-month" ref={grid}>
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
