//! Every URL the importer takes from outside (a page's links and photos, a
//! feed's or sitemap's addresses, the command line) is checked here, once,
//! where it enters: resolved against its document, and kept only if the
//! model's own rules ([`SafeUrl`], [`LinkUrl`]) take it.

use std::fmt;

use news_widget::model::{LinkUrl, SafeUrl};
use url::Url;

/// An absolute `http(s)` URL that the model takes as a [`SafeUrl`]: the
/// address of a page, a photo, a video, an embed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WebUrl(Url);

impl WebUrl {
    /// `url`, if it is a web address the model takes.
    pub fn new(url: Url) -> Option<WebUrl> {
        let web = matches!(url.scheme(), "http" | "https")
            && SafeUrl::try_from(url.as_str().to_owned()).is_ok();
        web.then_some(WebUrl(url))
    }

    /// `href` as written in a document at `base`, resolved; `None` if it is
    /// empty, not a web address or not one the model takes.
    pub fn resolve(base: &Url, href: &str) -> Option<WebUrl> {
        resolve(base, href).and_then(WebUrl::new)
    }

    /// Parses an absolute URL.
    pub fn parse(text: &str) -> Option<WebUrl> {
        Url::parse(text.trim()).ok().and_then(WebUrl::new)
    }

    /// The URL.
    pub fn url(&self) -> &Url {
        &self.0
    }

    /// The URL as the model's [`SafeUrl`].
    pub fn safe(&self) -> SafeUrl {
        SafeUrl::try_from(self.0.to_string()).expect("checked when made")
    }

    /// The URL without its fragment (which names a place in the page, not the page).
    pub fn without_fragment(mut self) -> WebUrl {
        self.0.set_fragment(None);
        self
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl From<WebUrl> for Url {
    fn from(web: WebUrl) -> Url {
        web.0
    }
}

/// `href` resolved against `base`, whatever its scheme; `None` for an empty
/// one and for `data:` and `javascript:` URLs, which are never followed.
pub fn resolve(base: &Url, href: &str) -> Option<Url> {
    let href = href.trim();
    let lower = href.get(..11).unwrap_or(href).to_ascii_lowercase();
    if href.is_empty() || lower.starts_with("data:") || lower.starts_with("javascript:") {
        return None;
    }
    base.join(href).ok()
}

/// A link's target as the model takes it (`http(s)` or `mailto:`).
pub fn link(base: &Url, href: &str) -> Option<LinkUrl> {
    if href.trim().starts_with('#') {
        return None; // a place in the page being left behind
    }
    let url = resolve(base, href)?;
    LinkUrl::try_from(url.to_string()).ok()
}

/// A photo's file: on the web, or on this machine beside a saved page
/// (which [`super::media`] copies into the site).
pub fn photo(base: &Url, src: &str) -> Option<Url> {
    let url = resolve(base, src)?;
    match url.scheme() {
        "file" => Some(url),
        _ => WebUrl::new(url).map(Url::from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_model_takes_comes_in() {
        let base = Url::parse("https://news.example/a/b.html").expect("a URL");
        let web = |href: &str| WebUrl::resolve(&base, href).map(|u| u.to_string());
        assert_eq!(
            web("c.jpg").as_deref(),
            Some("https://news.example/a/c.jpg")
        );
        assert_eq!(
            web(" //cdn.example/x.png ").as_deref(),
            Some("https://cdn.example/x.png")
        );
        for refused in [
            "",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:image/png;base64,AA",
            "ftp://x/y",
            "mailto:a@b.c",
        ] {
            assert_eq!(web(refused), None, "{refused}");
        }
        assert!(link(&base, "mailto:desk@news.example").is_some());
        assert!(link(&base, "#top").is_none());
        assert!(link(&base, "javascript:void(0)").is_none());
        let saved = Url::parse("file:///tmp/page.html").expect("a URL");
        assert_eq!(
            photo(&saved, "img/1.jpg")
                .map(|u| u.scheme().to_owned())
                .as_deref(),
            Some("file")
        );
        assert!(photo(&base, "data:image/gif;base64,R0lGOD").is_none());
    }
}
