//! One article in a list (related news, a day's news).

use yew::prelude::*;

use super::{counted, use_locale};
use crate::i18n::DateStyle;
use crate::model::{ArticleSummary, TimeZone};

/// Props of [`SummaryItem`].
#[derive(Properties, PartialEq)]
pub struct SummaryItemProps {
    /// The article.
    pub item: ArticleSummary,
    /// The zone its time is shown in.
    pub zone: TimeZone,
    /// How much of its date to show.
    pub style: DateStyle,
    /// Chosen with a plain click (or Enter).
    pub onselect: Callback<ArticleSummary>,
    /// Hovered or focused: it is likely to be chosen next.
    pub onprefetch: Callback<ArticleSummary>,
}

/// A real link to the article's page, so open-in-new-tab, middle-click and
/// copy-link work; a plain click opens it in the widget instead.
#[component]
pub fn SummaryItem(props: &SummaryItemProps) -> Html {
    counted("SummaryItem");
    let locale = use_locale();
    let item = &props.item;
    let onclick = {
        let (item, onselect) = (item.clone(), props.onselect.clone());
        move |event: MouseEvent| {
            let modified =
                event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
            if event.button() == 0 && !modified {
                event.prevent_default();
                onselect.emit(item.clone());
            }
        }
    };
    let onmouseenter = {
        let item = item.clone();
        props.onprefetch.reform(move |_: MouseEvent| item.clone())
    };
    let onfocus = {
        let item = item.clone();
        props.onprefetch.reform(move |_: FocusEvent| item.clone())
    };
    let href = item.url.as_ref().unwrap_or(&item.src).to_string();
    html! {
        <li class="nw-summary">
            <a href={href} {onclick} {onmouseenter} {onfocus}>
                if let Some(thumb) = &item.thumbnail {
                    <img src={thumb.src.to_string()} alt="" width={thumb.width.to_string()}
                         height={thumb.height.to_string()} loading="lazy" decoding="async" />
                }
                <span class="nw-summary-headline">{ item.headline.as_str() }</span>
                <time datetime={item.published.as_str().to_owned()}>
                    { locale.date(&item.published, &props.zone, props.style) }
                </time>
            </a>
        </li>
    }
}
