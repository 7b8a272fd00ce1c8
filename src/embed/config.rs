//! The element's attributes, read and checked once per change.

use web_sys::Element;

use crate::error::Error;
use crate::i18n::Lang;
use crate::source;

/// What the partner asked for, in the element's attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The article to show: its absolute JSON URL, or why the `src` is unusable.
    pub src: Result<String, Error>,
    /// The interface language (`lang`, default Vietnamese).
    pub lang: Lang,
}

impl Config {
    /// Reads the attributes of `element`, resolving `src` against the page's base URL.
    pub fn from_element(element: &Element) -> Config {
        let base = element.base_uri().ok().flatten().unwrap_or_default();
        let src = match element.get_attribute("src") {
            None => Err(Error::Config("\"src\" is required".into())),
            Some(src) => source::resolve(src.trim(), &base)
                .ok_or_else(|| Error::Config(format!("\"src\" is not an http(s) URL: {src:?}"))),
        };
        let lang = element
            .get_attribute("lang")
            .and_then(|tag| Lang::from_tag(&tag));
        Config {
            src,
            lang: lang.unwrap_or_default(),
        }
    }
}
