//! "Xem tin theo ngày": browse news by date.

use std::rc::Rc;

use yew::prelude::*;

use super::{counted, use_locale, Calendar, SummaryItem};
use crate::i18n::DateStyle;
use crate::model::{ArticleSummary, DateIndex, Day};
use crate::state::Load;

/// Props of [`DateBrowser`].
#[derive(Properties, PartialEq)]
pub struct DateBrowserProps {
    /// The chosen day.
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

/// The chosen day in the widget's language, with previous/next day and a
/// calendar to choose another, and the chosen day's articles.
#[component]
pub fn DateBrowser(props: &DateBrowserProps) -> Html {
    counted("DateBrowser");
    let locale = use_locale();
    let messages = locale.lang.messages();
    let (day, today) = (props.day, props.today);
    // The calendar is open; its day button gets the focus back when it closes.
    let open = use_state(|| false);
    let button = use_node_ref();
    let close = {
        let (open, button) = (open.clone(), button.clone());
        move || {
            open.set(false);
            if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        }
    };
    let onchoose = {
        let (close, onday) = (close.clone(), props.onday.clone());
        Callback::from(move |chosen: Day| {
            close();
            onday.emit(chosen);
        })
    };
    let onclose = Callback::from(move |()| close());
    let ontoggle = {
        let open = open.clone();
        move |_: MouseEvent| open.set(!*open)
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
                <button type="button" class="nw-day" ref={button} onclick={ontoggle}
                        aria-haspopup="dialog" aria-expanded={if *open { "true" } else { "false" }}>
                    <span class="nw-visually-hidden">{ format!("{}: ", messages.choose_day) }</span>
                    <time datetime={day.to_string()}>{ locale.day(day) }</time>
                </button>
                <button type="button" class="nw-next-day" onclick={step(day.next())}
                        disabled={!day.next().is_not_after(today)} aria-label={messages.next_day}>{ "›" }</button>
            </div>
            if *open {
                <Calendar chosen={day} {today} {onchoose} {onclose} />
            }
            { list }
        </nav>
    }
}
