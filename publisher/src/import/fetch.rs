//! Getting a source's bytes: a local file, or an `http(s)` URL through
//! ureq with a timeout, a size cap, a redirect limit and a user agent that
//! names the tool; every failure said in one line.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ureq::ResponseExt;
use url::Url;

use super::date::Stated;
use super::decode::MAX_BYTES;
use super::skip::{FetchError, OneLine, Skip};

/// How long one request may take by default, connection to last byte.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// Redirects followed before giving up.
const MAX_REDIRECTS: u32 = 5;
/// What the tool calls itself to servers.
pub const USER_AGENT: &str = concat!(
    "news-widget-import/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/news-widget; an article importer)"
);

/// Where a source's bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A file on this machine.
    File(PathBuf),
    /// A document on the web.
    Web(Url),
}

impl Location {
    /// A source as given on the command line: an `http(s)` URL, else a path.
    pub fn parse(source: &str) -> Result<Location, Skip> {
        let lower = source.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return Url::parse(source)
                .map(Location::Web)
                .map_err(|e| Skip::BadUrl(e.to_string()));
        }
        if let Some((scheme, _)) = source.split_once("://") {
            return Err(Skip::Scheme(scheme.to_owned()));
        }
        Ok(Location::File(PathBuf::from(source)))
    }

    /// The URL relative links in it resolve against.
    pub fn base(&self) -> Result<Url, Skip> {
        let unusable = || Skip::BadPath(self.to_string());
        match self {
            Location::Web(url) => Ok(url.clone()),
            Location::File(path) => {
                let absolute = std::path::absolute(path).map_err(|_| unusable())?;
                Url::from_file_path(&absolute).map_err(|()| unusable())
            }
        }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Web(url) => f.write_str(url.as_str()),
        }
    }
}

/// A fetched document.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Its `Content-Type`, if it came over HTTP.
    pub content_type: Option<String>,
    /// Where it came from in the end (after redirects).
    pub location: Location,
    /// When the server says it last changed (`Last-Modified`).
    pub last_modified: Option<Stated>,
}

/// Gets documents, from the disk or the web.
#[derive(Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    offline: bool,
}

impl Fetcher {
    /// A fetcher whose requests give up after `timeout`; `offline` refuses
    /// every request to the web.
    pub fn new(offline: bool, timeout: Duration) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .max_redirects(MAX_REDIRECTS)
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .build()
            .into();
        Fetcher { agent, offline }
    }

    /// Whether requests to the web are refused.
    pub fn offline(&self) -> bool {
        self.offline
    }

    /// The document at `location`, whole (up to the size cap).
    pub fn get(&self, location: &Location) -> Result<Fetched, FetchError> {
        match location {
            Location::File(path) => read_file(path).map(|bytes| Fetched {
                bytes,
                content_type: None,
                location: location.clone(),
                last_modified: None,
            }),
            Location::Web(url) => self.get_url(url, None),
        }
    }

    /// The first `bytes` bytes at `url` (a ranged read: for an image's header).
    pub fn head(&self, url: &Url, bytes: usize) -> Result<Vec<u8>, FetchError> {
        self.get_url(url, Some(bytes)).map(|f| f.bytes)
    }

    fn get_url(&self, url: &Url, range: Option<usize>) -> Result<Fetched, FetchError> {
        if self.offline {
            return Err(FetchError::Offline);
        }
        let mut request = self.agent.get(url.as_str());
        if let Some(n) = range {
            request = request.header("Range", format!("bytes=0-{}", n.saturating_sub(1)));
        }
        let mut response = request
            .call()
            .map_err(|e| FetchError::Io(OneLine::new(&e.to_string())))?;
        let status = response.status();
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let final_url = Url::parse(&response.get_uri().to_string()).unwrap_or_else(|_| url.clone());
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let last_modified = response
            .headers()
            .get("last-modified")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| Stated::parse(v, super::date::DayOrder::DayFirst));
        let limit = range.unwrap_or(MAX_BYTES);
        let mut bytes = Vec::new();
        // One byte more than the limit tells a document that is too large.
        response
            .body_mut()
            .as_reader()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)?;
        if bytes.len() > limit {
            if range.is_some() {
                bytes.truncate(limit);
            } else {
                return Err(FetchError::TooLarge(MAX_BYTES));
            }
        }
        Ok(Fetched {
            bytes,
            content_type,
            location: Location::Web(final_url),
            last_modified,
        })
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, FetchError> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(FetchError::Folder);
    }
    if meta.len() > MAX_BYTES as u64 {
        return Err(FetchError::TooLarge(MAX_BYTES));
    }
    Ok(std::fs::read(path)?)
}
