//! An error, shown inside the widget instead of the article.

use yew::prelude::*;

use super::{counted, use_locale};
use crate::error::Error;

/// Props of [`ErrorNotice`].
#[derive(Properties, PartialEq)]
pub struct ErrorNoticeProps {
    /// What went wrong.
    pub error: Error,
    /// Offered when trying again may help.
    #[prop_or_default]
    pub onretry: Option<Callback<()>>,
    /// Offered when there is an article to go back to.
    #[prop_or_default]
    pub onback: Option<Callback<()>>,
}

/// A short message in the reader's language, and a retry button when useful.
/// The technical detail goes to the host's `news-article:error` event.
#[component]
pub fn ErrorNotice(props: &ErrorNoticeProps) -> Html {
    counted("ErrorNotice");
    let messages = use_locale().lang.messages();
    html! {
        <div class="nw-error" part="error" role="alert" data-code={props.error.code()}>
            <p>{ messages.error(&props.error) }</p>
            if let Some(onretry) = &props.onretry {
                <button type="button" class="nw-retry" onclick={onretry.reform(|_| ())}>
                    { messages.retry }
                </button>
            }
            if let Some(onback) = &props.onback {
                <button type="button" class="nw-back" onclick={onback.reform(|_| ())}>
                    { "← " }{ messages.back }
                </button>
            }
        </div>
    }
}
