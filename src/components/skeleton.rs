//! The loading placeholder.

use yew::prelude::*;

use super::{counted, use_locale};

/// A grey outline of an article while it loads, announced politely.
#[component]
pub fn Skeleton() -> Html {
    counted("Skeleton");
    let messages = use_locale().lang.messages();
    html! {
        <div class="nw-skeleton" part="skeleton" role="status" aria-busy="true">
            <span class="nw-visually-hidden">{ messages.loading }</span>
            <div class="nw-skeleton-line nw-skeleton-headline"></div>
            <div class="nw-skeleton-line nw-skeleton-meta"></div>
            <div class="nw-skeleton-block"></div>
            <div class="nw-skeleton-line"></div>
            <div class="nw-skeleton-line"></div>
            <div class="nw-skeleton-line nw-skeleton-short"></div>
        </div>
    }
}
