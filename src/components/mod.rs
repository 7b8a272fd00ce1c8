//! The widget's views: pure functions of their props (and the [`Locale`]
//! context), so native SSR tests can render every one of them.
//!
//! [`Locale`]: crate::i18n::Locale

mod article_view;
mod calendar;
mod card;
mod date_browser;
mod error_notice;
mod history_nav;
mod related_list;
mod rich_text;
mod skeleton;
mod summary_item;
mod video_player;
mod widget;

pub use self::article_view::{ArticleView, ArticleViewProps};
pub use self::calendar::{Calendar, CalendarProps};
pub use self::card::{Card, CardProps, CARD_HOST_CLASS};
pub use self::date_browser::{DateBrowser, DateBrowserProps};
pub use self::error_notice::{ErrorNotice, ErrorNoticeProps, Notice, NOTICE};
pub use self::history_nav::{HistoryNav, HistoryNavProps};
pub use self::related_list::{RelatedList, RelatedListProps};
pub use self::rich_text::rich_text;
pub use self::skeleton::Skeleton;
pub use self::summary_item::{SummaryItem, SummaryItemProps};
pub use self::video_player::{VideoPlayer, VideoPlayerProps};
pub use self::widget::{widget, Moves, Prerendered, PrerenderedProps, PRERENDERED_CLASS};

use yew::prelude::*;

use crate::i18n::Locale;

/// The locale provided by the app, or the default (Vietnamese) outside one.
#[hook]
fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Counts a render of the component `name` (feature `render-count`, for the
/// test that holds the widget to rendering each component once per change).
pub(crate) fn counted(name: &'static str) {
    #[cfg(feature = "render-count")]
    renders::count(name);
    #[cfg(not(feature = "render-count"))]
    let _ = name;
}

/// Render counts, per component name (feature `render-count`).
#[cfg(feature = "render-count")]
pub mod renders {
    use std::cell::RefCell;

    thread_local! {
        static COUNTS: RefCell<Vec<(&'static str, u32)>> = const { RefCell::new(Vec::new()) };
    }

    pub(crate) fn count(name: &'static str) {
        COUNTS.with_borrow_mut(|counts| match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => counts.push((name, 1)),
        });
    }

    /// How often `name` rendered since the last [`reset`].
    pub fn of(name: &str) -> u32 {
        COUNTS.with_borrow(|counts| {
            counts
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |(_, c)| *c)
        })
    }

    /// Starts counting afresh.
    pub fn reset() {
        COUNTS.with_borrow_mut(Vec::clear);
    }
}
