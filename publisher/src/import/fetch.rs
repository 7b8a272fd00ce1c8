//! Getting a source's bytes: a local file, or an `http(s)` URL through
//! ureq with a timeout, a size cap, a redirect limit and a user agent that
//! names the tool; every failure said in one line.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ureq::ResponseExt;
use url::Url;

use super::decode::MAX_BYTES;

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
    pub fn parse(source: &str) -> Result<Location, String> {
        let lower = source.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return Url::parse(source)
                .map(Location::Web)
                .map_err(|e| format!("not a usable URL ({e})"));
        }
        if let Some((scheme, _)) = source.split_once("://") {
            return Err(format!(
                "`{scheme}:` sources are not read (http, https or a file)"
            ));
        }
        Ok(Location::File(PathBuf::from(source)))
    }

    /// The URL relative links in it resolve against.
    pub fn base(&self) -> Result<Url, String> {
        match self {
            Location::Web(url) => Ok(url.clone()),
            Location::File(path) => {
                let absolute = std::path::absolute(path).map_err(|e| e.to_string())?;
                Url::from_file_path(&absolute)
                    .map_err(|()| format!("{}: not a usable path", path.display()))
            }
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
    pub fn get(&self, location: &Location) -> Result<Fetched, String> {
        match location {
            Location::File(path) => read_file(path).map(|bytes| Fetched {
                bytes,
                content_type: None,
                location: location.clone(),
            }),
            Location::Web(url) => self.get_url(url, None),
        }
    }

    /// The first `bytes` bytes at `url` (a ranged read: for an image's header).
    pub fn head(&self, url: &Url, bytes: usize) -> Result<Vec<u8>, String> {
        self.get_url(url, Some(bytes)).map(|f| f.bytes)
    }

    fn get_url(&self, url: &Url, range: Option<usize>) -> Result<Fetched, String> {
        if self.offline {
            return Err("not fetched: --offline".into());
        }
        let mut request = self.agent.get(url.as_str());
        if let Some(n) = range {
            request = request.header("Range", format!("bytes=0-{}", n.saturating_sub(1)));
        }
        let mut response = request.call().map_err(|e| one_line(&e.to_string()))?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!("HTTP {}", status.as_u16()));
        }
        let final_url = Url::parse(&response.get_uri().to_string()).unwrap_or_else(|_| url.clone());
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let limit = range.unwrap_or(MAX_BYTES);
        let mut bytes = Vec::new();
        // One byte more than the limit tells a document that is too large.
        response
            .body_mut()
            .as_reader()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| one_line(&e.to_string()))?;
        if bytes.len() > limit {
            if range.is_some() {
                bytes.truncate(limit);
            } else {
                return Err(format!("over {} MiB", MAX_BYTES / 1024 / 1024));
            }
        }
        Ok(Fetched {
            bytes,
            content_type,
            location: Location::Web(final_url),
        })
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| one_line(&e.to_string()))?;
    if meta.is_dir() {
        return Err("a folder".into());
    }
    if meta.len() > MAX_BYTES as u64 {
        return Err(format!("over {} MiB", MAX_BYTES / 1024 / 1024));
    }
    std::fs::read(path).map_err(|e| one_line(&e.to_string()))
}

/// An error message on one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
