//! URLs from article JSON, checked before they can reach an attribute.

use std::fmt;

use super::deserialize_checked_string;

/// A URL safe to put in `src`/`href`: `http:`, `https:` or relative.
///
/// Anything with another scheme (`javascript:`, `data:`, `vbscript:`, in any
/// case), control characters or surrounding whitespace (which browsers strip
/// before they read the scheme) is refused at parse time.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("format" = "uri-reference", "pattern" = SAFE_URL_PATTERN)))]
pub struct SafeUrl(String);

/// A link target: like [`SafeUrl`], and also `mailto:`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("format" = "uri-reference", "pattern" = LINK_URL_PATTERN)))]
pub struct LinkUrl(String);

deserialize_checked_string!(SafeUrl, LinkUrl);

/// A scheme-less (relative) URL or an `http(s):` one, with no whitespace or
/// control characters at the ends (the schema's rendering of [`SafeUrl`]'s rules).
#[cfg(feature = "schema")]
const SAFE_URL_PATTERN: &str = r"^(?![A-Za-z][A-Za-z0-9+.-]*:)(?=\S)[^\x00-\x1f\x7f]*(?<=\S)$|^[hH][tT][tT][pP][sS]?:[^\x00-\x1f\x7f]*(?<=\S)$";
#[cfg(feature = "schema")]
const LINK_URL_PATTERN: &str = r"^(?![A-Za-z][A-Za-z0-9+.-]*:)(?=\S)[^\x00-\x1f\x7f]*(?<=\S)$|^(?:[hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]):[^\x00-\x1f\x7f]*(?<=\S)$";

const MAX_URL_LEN: usize = 4096;

/// Checks `url` and returns its scheme (lowercase), or `None` for a relative URL.
fn scheme_of(url: &str) -> Result<Option<String>, String> {
    if url.is_empty() {
        return Err("empty URL".into());
    }
    if url.len() > MAX_URL_LEN {
        return Err(format!("URL longer than {MAX_URL_LEN} bytes"));
    }
    if url.chars().any(|c| c.is_control()) {
        return Err("control character in URL".into());
    }
    if url.starts_with(char::is_whitespace) || url.ends_with(char::is_whitespace) {
        return Err("URL starts or ends with whitespace".into());
    }
    // A scheme is letters, digits, `+-.` before the first `:` (RFC 3986).
    let scheme = url.split_once(':').map(|(head, _)| head).filter(|head| {
        head.starts_with(|c: char| c.is_ascii_alphabetic())
            && head
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    Ok(scheme.map(str::to_ascii_lowercase))
}

fn check(url: String, allowed: &[&str]) -> Result<String, String> {
    match scheme_of(&url)? {
        Some(scheme) if !allowed.contains(&scheme.as_str()) => {
            Err(format!("URL scheme `{scheme}:` is not allowed"))
        }
        _ => Ok(url),
    }
}

impl TryFrom<String> for SafeUrl {
    type Error = String;
    fn try_from(url: String) -> Result<Self, String> {
        check(url, &["http", "https"]).map(SafeUrl)
    }
}

impl TryFrom<String> for LinkUrl {
    type Error = String;
    fn try_from(url: String) -> Result<Self, String> {
        check(url, &["http", "https", "mailto"]).map(LinkUrl)
    }
}

impl SafeUrl {
    /// The URL as written (relative URLs are resolved by [`crate::source`]).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Replaces the URL with `resolved`, if that is still safe.
    pub fn resolve_with(&mut self, resolve: &impl Fn(&str) -> Option<String>) {
        if let Some(url) = resolve(&self.0).and_then(|u| SafeUrl::try_from(u).ok()) {
            self.0 = url.0;
        }
    }
}

impl LinkUrl {
    /// The URL as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the link leaves the article's site (it opens in a new tab).
    pub fn is_external(&self) -> bool {
        matches!(scheme_of(&self.0), Ok(Some(s)) if s == "http" || s == "https")
    }

    /// Replaces the URL with `resolved`, if that is still safe.
    pub fn resolve_with(&mut self, resolve: &impl Fn(&str) -> Option<String>) {
        if let Some(url) = resolve(&self.0).and_then(|u| LinkUrl::try_from(u).ok()) {
            self.0 = url.0;
        }
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
