//! The hooks that own the widget's effects, so that [`App`] reads like a
//! table of contents: the state and where it starts ([`use_widget_state`]),
//! the loads it asks for ([`use_article_load`], [`use_day_index`]), what the
//! host hears, with the live view count ([`use_host_events`]), and what the
//! reader can do ([`use_moves`]).
//!
//! [`App`]: crate::app::App

mod host_events;
mod loads;
mod moves;
mod widget_state;

pub use self::host_events::use_host_events;
pub use self::loads::{use_article_load, use_day_index};
pub use self::moves::use_moves;
pub use self::widget_state::use_widget_state;
