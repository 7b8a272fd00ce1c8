//! An error, shown inside the widget instead of the article.

use yew::prelude::*;

use super::{counted, use_locale};
use crate::error::Error;

/// The notice's markup, which the loader builds too when the module has
/// crashed and cannot render it (`loader/names.js` has these names): a
/// `<div>` of this class, part and role around a `<p>` of the message.
pub const NOTICE: Notice = Notice {
    class: "nw-error",
    part: "error",
    role: "alert",
};

/// The names of [`NOTICE`]'s markup.
#[derive(Debug, Clone, Copy)]
pub struct Notice {
    /// Its class (styled in `styles/states.css`).
    pub class: &'static str,
    /// Its `part`, for the host's `::part()`.
    pub part: &'static str,
    /// Its ARIA role: read out at once.
    pub role: &'static str,
}

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
        <div class={NOTICE.class} part={NOTICE.part} role={NOTICE.role} data-code={props.error.code().as_str()}>
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
