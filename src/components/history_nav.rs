//! Back and forward through the articles read in the widget.

use yew::prelude::*;

use super::{counted, use_locale};

/// Props of [`HistoryNav`].
#[derive(Properties, PartialEq)]
pub struct HistoryNavProps {
    /// There is an article to go back to.
    pub can_back: bool,
    /// There is an article to go forward to.
    pub can_forward: bool,
    /// Go back.
    pub onback: Callback<()>,
    /// Go forward.
    pub onforward: Callback<()>,
}

/// Back and forward buttons, shown once the reader has moved.
#[component]
pub fn HistoryNav(props: &HistoryNavProps) -> Html {
    counted("HistoryNav");
    let messages = use_locale().lang.messages();
    if !props.can_back && !props.can_forward {
        return html! {};
    }
    html! {
        <nav class="nw-history" part="history">
            <button type="button" class="nw-back" disabled={!props.can_back}
                    onclick={props.onback.reform(|_| ())}>{ "← " }{ messages.back }</button>
            <button type="button" class="nw-forward" disabled={!props.can_forward}
                    onclick={props.onforward.reform(|_| ())}>{ messages.forward }{ " →" }</button>
        </nav>
    }
}
