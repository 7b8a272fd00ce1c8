//! The widget's side of the host page: what the `<news-article>` element says
//! (its attributes, as a [`Config`]), what the widget tells it ([`Host`]
//! events), and, only when the partner opts in, the host URL's fragment as
//! the widget's history ([`HistoryMode`]); when the reader has seen the
//! article, and on whose page ([`Seen`]). Nothing else in the crate touches
//! the host page.

mod config;
mod crash;
mod history;
mod host;
mod seen;

pub use self::config::Config;
pub use self::crash::report_panics_to;
pub use self::history::{HistoryMode, FRAGMENT_KEY};
pub use self::host::{ErrorDetail, Event, Host, ERROR_DETAIL};
pub use self::seen::{embedding_origin, Seen, SEEN_MS};
