//! The widget's side of the host page: what the `<news-article>` element says
//! (its attributes, as a [`Config`]), what the widget tells it ([`Host`]
//! events), and, only when the partner opts in, the host URL's fragment as
//! the widget's history ([`HistoryMode`]); and the loader's watch for the
//! reader seeing the article ([`Host::watch_views`]). Nothing else in the
//! crate touches the host page.

mod config;
mod crash;
mod history;
mod host;

pub use self::config::Config;
pub use self::crash::report_panics_to;
pub use self::history::{HistoryMode, FRAGMENT_KEY};
pub use self::host::{ErrorDetail, Event, Host, ViewWatch, ERROR_DETAIL};
