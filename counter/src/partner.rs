//! The partner: the origin of the page the reader saw the article on.

use std::fmt;

/// An `http(s)` origin, `scheme://host[:port]`, as browsers serialize it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Partner(String);

impl Partner {
    /// The origin of `text` (an origin or a whole URL); `None` for anything
    /// that is not an `http(s)` URL, the opaque origin `null` included.
    pub fn parse(text: &str) -> Option<Partner> {
        let url = url::Url::parse(text.trim()).ok()?;
        matches!(url.scheme(), "http" | "https")
            .then(|| Partner(url.origin().ascii_serialization()))
    }

    /// The origin as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Partner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a widget may say in a view's body: the partner, when the page's own
/// `Origin` is not it (a frame page says whose page embeds it).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewBody {
    /// The embedding page's origin.
    pub partner: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        let cases = [
            ("https://Partner.example", Some("https://partner.example")),
            (
                "https://partner.example:443/a/b?c",
                Some("https://partner.example"),
            ),
            ("http://127.0.0.1:8080", Some("http://127.0.0.1:8080")),
            (
                "http://xn--bcher-kva.example",
                Some("http://xn--bcher-kva.example"),
            ),
            (
                "https://bücher.example",
                Some("https://xn--bcher-kva.example"),
            ),
            ("null", None),
            ("", None),
            ("file:///etc/passwd", None),
            ("javascript:alert(1)", None),
            ("partner.example", None),
        ];
        for (text, origin) in cases {
            assert_eq!(
                Partner::parse(text).as_ref().map(Partner::as_str),
                origin,
                "{text}"
            );
        }
    }
}
