//! The crate's one error type: everything that can stop an article from showing.

use thiserror::Error;

/// Why the widget shows an error instead of an article.
///
/// Each variant has a stable machine-readable [`Error::code`] for the host's
/// `news-article:error` event; the reader sees a localized message chosen by
/// the same code (see [`crate::i18n::Messages::error`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// The embed configuration is unusable (a missing or unsafe attribute).
    #[error("invalid configuration: {0}")]
    Config(String),
    /// The request could not be made or was refused (offline, CORS, DNS).
    #[error("network error fetching {url}: {reason}")]
    Network {
        /// The URL asked for.
        url: String,
        /// What the browser said.
        reason: String,
    },
    /// The server answered 404 or 410.
    #[error("not found: {url} (HTTP {status})")]
    NotFound {
        /// The URL asked for.
        url: String,
        /// 404 or 410.
        status: u16,
    },
    /// The server answered with another non-success status.
    #[error("HTTP {status} from {url}")]
    Http {
        /// The URL asked for.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// No answer within the timeout.
    #[error("no answer from {url} within {seconds} s")]
    Timeout {
        /// The URL asked for.
        url: String,
        /// How long the widget waited.
        seconds: u32,
    },
    /// The document is larger than the widget accepts.
    #[error("document of {bytes} bytes exceeds the {limit}-byte limit")]
    TooLarge {
        /// The document's size.
        bytes: usize,
        /// The most the widget accepts.
        limit: usize,
    },
    /// The document is not an article: bad JSON, or a field of the wrong shape.
    /// `path` is the JSON path of the field at fault (`body[3].src`), empty for the root.
    #[error("invalid article at `{path}`: {reason}")]
    Invalid {
        /// The JSON path of the field at fault.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl Error {
    /// A stable code for partners' developers, as carried by `news-article:error`.
    pub fn code(&self) -> Code {
        match self {
            Error::Config(_) => Code::Config,
            Error::Network { .. } => Code::Network,
            Error::NotFound { .. } => Code::NotFound,
            Error::Http { .. } => Code::Http,
            Error::Timeout { .. } => Code::Timeout,
            Error::TooLarge { .. } => Code::TooLarge,
            Error::Invalid { .. } => Code::Invalid,
        }
    }

    /// Whether trying again may help (the reader gets a retry button).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Error::Network { .. } | Error::Http { .. } | Error::Timeout { .. }
        )
    }
}

/// The one list of the codes `news-article:error` carries in `detail.code`:
/// those of an [`Error`] the module shows, and two that only the loader can
/// report, when there is no module to show anything (written into
/// `loader/names.js` by `make names`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// [`Error::Config`].
    Config,
    /// [`Error::Network`].
    Network,
    /// [`Error::NotFound`].
    NotFound,
    /// [`Error::Http`].
    Http,
    /// [`Error::Timeout`].
    Timeout,
    /// [`Error::TooLarge`].
    TooLarge,
    /// [`Error::Invalid`].
    Invalid,
    /// The loader could not load the WebAssembly module (blocked by a Content
    /// Security Policy, an old browser, the network).
    Unsupported,
    /// The module panicked: the loader shows the fallback and restarts the widgets.
    Internal,
}

impl Code {
    /// Every code, in the order the README lists them.
    pub const ALL: [Code; 9] = [
        Code::Config,
        Code::Network,
        Code::NotFound,
        Code::Http,
        Code::Timeout,
        Code::TooLarge,
        Code::Invalid,
        Code::Unsupported,
        Code::Internal,
    ];

    /// The code as `detail.code` carries it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Config => "config",
            Code::Network => "network",
            Code::NotFound => "not-found",
            Code::Http => "http",
            Code::Timeout => "timeout",
            Code::TooLarge => "too-large",
            Code::Invalid => "invalid",
            Code::Unsupported => "unsupported",
            Code::Internal => "internal",
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
