//! The widget's side of the host page: what the `<news-article>` element says
//! (its attributes, as a [`Config`]) and what the widget tells it ([`Host`] events).
//! Nothing else in the crate touches the host page.

mod config;
mod host;

pub use self::config::Config;
pub use self::host::Host;
