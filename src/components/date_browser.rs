//! "Xem tin theo ngày": browse news by date.

use std::rc::Rc;

use yew::prelude::*;

use super::{counted, use_locale, SummaryItem};
use crate::i18n::DateStyle;
use crate::model::{ArticleSummary, DateIndex, Day};
use crate::state::Load;

/// Props of [`DateBrowser`].
#[derive(Properties, PartialEq)]
pub struct DateBrowserProps {
    /// The day in the picker.
    pub day: Day,
    /// The newsroom's today: later days cannot be chosen (unknown if its zone is).
    pub today: Option<Day>,
    /// The chosen day's list: idle until the reader chooses a day.
    pub list: Load<Rc<DateIndex>>,
    /// A day was chosen (never one after `today`).
    pub onday: Callback<Day>,
    /// An article was chosen.
    pub onselect: Callback<ArticleSummary>,
    /// An article was hovered or focused.
    pub onprefetch: Callback<ArticleSummary>,
}

/// A date picker with previous/next day, and the chosen day's articles.
#[component]
pub fn DateBrowser(props: &DateBrowserProps) -> Html {
    counted("DateBrowser");
    let locale = use_locale();
    let messages = locale.lang.messages();
    let (day, today) = (props.day, props.today);
    let allowed = move |d: Day| today.is_none_or(|today| d <= today);
    let onchange = {
        let onday = props.onday.clone();
        move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Some(chosen) = Day::parse(&input.value()).ok().filter(|d| allowed(*d)) {
                onday.emit(chosen);
            }
        }
    };
    let step = |to: Day| props.onday.reform(move |_: MouseEvent| to);
    let list = match &props.list {
        Load::Idle => html! {},
        Load::Loading { .. } => {
            html! { <p class="nw-day-status" role="status">{ messages.loading }</p> }
        }
        Load::Failed(error) => {
            html! { <p class="nw-day-status" role="alert">{ messages.error(error) }</p> }
        }
        Load::Ready(index) if index.items.is_empty() => {
            html! { <p class="nw-day-status" role="status">{ messages.no_news_on_day }</p> }
        }
        Load::Ready(index) => html! {
            <ul class="nw-summaries">
                { for index.items.iter().map(|item| html! {
                    <SummaryItem key={item.id.as_str()} item={item.clone()} zone={index.time_zone.clone()}
                                 style={DateStyle::Time} onselect={props.onselect.clone()}
                                 onprefetch={props.onprefetch.clone()} />
                }) }
            </ul>
        },
    };
    html! {
        <nav class="nw-dates" part="dates" aria-labelledby="nw-dates-title">
            <h3 id="nw-dates-title">{ messages.browse_by_date }</h3>
            <div class="nw-date-controls">
                <button type="button" class="nw-previous-day" onclick={step(day.previous())}
                        aria-label={messages.previous_day}>{ "‹" }</button>
                <label>
                    <span class="nw-visually-hidden">{ messages.date }</span>
                    <input type="date" value={day.to_string()} max={today.map(|d| d.to_string())} {onchange} />
                </label>
                <button type="button" class="nw-next-day" onclick={step(day.next())}
                        disabled={!allowed(day.next())} aria-label={messages.next_day}>{ "›" }</button>
            </div>
            { list }
        </nav>
    }
}
