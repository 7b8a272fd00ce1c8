//! URLs: the one place that says which are safe, and how a relative one is
//! resolved. The loader (`loader/news-widget.js`) keeps one copy of the
//! scheme rule for `src`, because it asks for the article before this module
//! has loaded; `e2e/loader.test.mjs` holds that copy to this one.

use std::fmt;

use super::de::deserialize_checked_string;

/// A URL safe to put in `src`/`href`: `http:`, `https:` or relative.
///
/// Anything with another scheme (`javascript:`, `data:`, `vbscript:`, in any
/// case), control characters or surrounding whitespace (which browsers strip
/// before they read the scheme) is refused at parse time.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("format" = "uri-reference", "pattern" = SAFE_URL_PATTERN)))]
pub struct SafeUrl(String);

/// A link target: like [`SafeUrl`], and also `mailto:`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
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

/// Defines a URL type that accepts relative URLs and those of `$schemes`.
macro_rules! url_type {
    ($name:ident, $schemes:expr) => {
        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(url: String) -> Result<Self, String> {
                check(url, $schemes).map($name)
            }
        }

        impl $name {
            /// The URL as written, or resolved against its document's URL.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Makes a relative URL absolute against `base`; left as it is if
            /// that fails or makes it unsafe.
            pub(super) fn resolve(&mut self, base: &str) {
                if let Some(url) = resolved(&self.0, base).and_then(|u| $name::try_from(u).ok()) {
                    self.0 = url.0;
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

url_type!(SafeUrl, &["http", "https"]);
url_type!(LinkUrl, &["http", "https", "mailto"]);

impl LinkUrl {
    /// Whether the link leaves the article's site (it opens in a new tab).
    pub fn is_external(&self) -> bool {
        matches!(scheme_of(&self.0), Ok(Some(s)) if s == "http" || s == "https")
    }
}

/// Resolves `url` against the absolute URL `base`, as a browser does; `None`
/// unless the result is a safe (`http:`/`https:`) URL.
pub fn resolve(url: &str, base: &str) -> Option<SafeUrl> {
    resolved(url, base).and_then(|url| SafeUrl::try_from(url).ok())
}

/// The browser's own URL parser in the browser, the WHATWG-conformant `url`
/// crate natively (the publisher's command-line tool, the tests).
#[cfg(target_arch = "wasm32")]
fn resolved(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .map(|url| url.href())
}

/// Natively, `base` may also be root-relative (`/site/articles/1.json`: a
/// site's own paths before it is on its origin); then so is the result, for
/// URLs on the same origin.
#[cfg(not(target_arch = "wasm32"))]
fn resolved(url: &str, base: &str) -> Option<String> {
    const STAND_IN: &str = "http://stand-in.invalid";
    let root_relative = base.starts_with('/') && !base.starts_with("//");
    let origin = ::url::Url::parse(if root_relative { STAND_IN } else { base }).ok()?;
    let absolute = String::from(origin.join(base).ok()?.join(url).ok()?);
    match absolute.strip_prefix(STAND_IN) {
        Some(path) if root_relative => Some(path.to_owned()),
        _ => Some(absolute),
    }
}
