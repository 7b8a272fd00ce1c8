//! The widget's views: pure functions of their props (and the [`Locale`]
//! context), so native SSR tests can render every one of them.
//!
//! [`Locale`]: crate::i18n::Locale

mod article_body;
mod article_header;
mod article_view;
mod credits;
mod date_browser;
mod error_notice;
mod figure;
mod history_nav;
mod related_list;
mod rich_text;
mod skeleton;
mod summary_item;
mod video_player;

pub use self::article_body::ArticleBody;
pub use self::article_header::ArticleHeader;
pub use self::article_view::{ArticleView, ArticleViewProps};
pub use self::credits::Credits;
pub use self::date_browser::{DateBrowser, DateBrowserProps, DayList};
pub use self::error_notice::{ErrorNotice, ErrorNoticeProps};
pub use self::figure::Figure;
pub use self::history_nav::{HistoryNav, HistoryNavProps};
pub use self::related_list::RelatedList;
pub use self::rich_text::rich_text;
pub use self::skeleton::Skeleton;
pub use self::summary_item::SummaryItem;
pub use self::video_player::VideoPlayer;

use yew::prelude::*;

use crate::i18n::Locale;

/// The locale provided by the app, or the default (Vietnamese) outside one.
#[hook]
fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}
