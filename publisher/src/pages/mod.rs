//! The partner pages `news-widget build` writes beside the snippets, for
//! partners who cannot paste a script: for every article and language a
//! share page ([`share`]), the frame pages ([`frame`]: the whole article, and
//! the card an oEmbed frame shows) and the oEmbed answer ([`oembed`]); for
//! the site, the index the embed-code page reads ([`index`]) and the pages'
//! own scripts and styles ([`assets`]).
//!
//! [`Page`] is the one place that names these files.

pub mod assets;
pub mod frame;
pub mod index;
pub mod oembed;
pub mod share;

use std::fmt;

use news_widget::i18n::Lang;
use news_widget::model;
use serde::Serialize;

use crate::site::FileStem;

/// One of an article's files in the output folder, per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Page {
    /// The pre-rendered snippet partners paste (`<id>.<lang>.html`).
    Snippet,
    /// The article as a page of its own, for links and WordPress (`share/`).
    Share,
    /// The whole article, for an `<iframe>` or `<amp-iframe>` (`frame/`).
    Frame,
    /// The card an oEmbed frame shows (`card/`).
    Card,
    /// The oEmbed answer (`oembed/`).
    Oembed,
}

impl Page {
    /// Every page of an article.
    pub const ALL: [Page; 5] = [
        Page::Snippet,
        Page::Share,
        Page::Frame,
        Page::Card,
        Page::Oembed,
    ];

    /// The file's path in the output folder, which is also its URL relative
    /// to the folder's.
    pub fn path(self, stem: &FileStem, lang: Lang) -> String {
        let lang = lang.tag();
        match self {
            Page::Snippet => format!("{stem}.{lang}.html"),
            Page::Share => format!("share/{stem}.{lang}.html"),
            Page::Frame => format!("frame/{stem}.{lang}.html"),
            Page::Card => format!("card/{stem}.{lang}.html"),
            Page::Oembed => format!("oembed/{stem}.{lang}.json"),
        }
    }
}

/// The absolute URL the output folder is served at (`--public`). WordPress
/// and link previews resolve nothing relative, so what they read is made
/// absolute against it; root-relative URLs (`--base /site/`) are paths on
/// its origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Public(String);

impl Public {
    /// `url`, an absolute `http(s)` URL of a folder (a `/` is added if it
    /// does not end with one).
    pub fn new(url: &str) -> Result<Public, String> {
        let folder = match url.ends_with('/') {
            true => url.to_owned(),
            false => format!("{url}/"),
        };
        // Resolved against itself, a relative URL stays relative.
        match model::resolve(&folder, &folder) {
            Some(resolved) if resolved.as_str().starts_with("http") => {
                Ok(Public(resolved.as_str().to_owned()))
            }
            _ => Err(format!("{url:?} is not an absolute http(s) URL")),
        }
    }

    /// `url` (relative to the folder, root-relative or absolute) made absolute.
    pub fn absolute(&self, url: &str) -> String {
        model::resolve(url, &self.0).map_or_else(|| url.to_owned(), |u| u.as_str().to_owned())
    }

    /// The folder's origin and its root path (`https://news.example/`).
    pub fn root(&self) -> String {
        self.absolute("/")
    }

    /// The folder's host (`news.example`, `[::1]`).
    pub fn host(&self) -> &str {
        let rest = self.0.split_once("://").map_or("", |(_, rest)| rest);
        let authority = rest.split('/').next().unwrap_or(rest);
        match authority.find(']') {
            Some(end) => authority.get(..=end).unwrap_or(authority),
            None => authority.split(':').next().unwrap_or(authority),
        }
    }
}

impl fmt::Display for Public {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who publishes the articles: the oEmbed answer's provider, the JSON-LD
/// publisher, the name over the share pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publisher {
    /// The name readers know.
    pub name: String,
    /// The home page (absolute).
    pub url: String,
}

/// `value` percent-encoded for a URL's query string.
pub fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b':' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_is_an_absolute_folder() {
        let public = Public::new("https://news.example:8443/embed").expect("absolute");
        assert_eq!(public.to_string(), "https://news.example:8443/embed/");
        assert_eq!(
            public.absolute("share/1.vi.html"),
            "https://news.example:8443/embed/share/1.vi.html"
        );
        assert_eq!(
            public.absolute("/site/articles/1.json"),
            "https://news.example:8443/site/articles/1.json"
        );
        assert_eq!(public.root(), "https://news.example:8443/");
        assert_eq!(public.host(), "news.example");
        assert_eq!(
            Public::new("http://[::1]:8080/").expect("v6").host(),
            "[::1]"
        );
        for bad in [
            "/embed/",
            "embed",
            "ftp://news.example/",
            "javascript:alert(1)//",
        ] {
            assert!(Public::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn query_values_survive_a_round_trip() {
        assert_eq!(
            query_value("https://news.example/share/đ.vi.html?a=1&b=%20"),
            "https://news.example/share/%C4%91.vi.html%3Fa%3D1%26b%3D%2520"
        );
    }

    #[test]
    fn each_page_has_its_own_file() {
        let stem =
            FileStem::of(&serde_json::from_str("\"20122\"").expect("an id")).expect("a stem");
        let paths: Vec<String> = Page::ALL.iter().map(|p| p.path(&stem, Lang::En)).collect();
        assert_eq!(
            paths,
            [
                "20122.en.html",
                "share/20122.en.html",
                "frame/20122.en.html",
                "card/20122.en.html",
                "oembed/20122.en.json"
            ]
        );
    }
}
