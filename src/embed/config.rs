//! The element's attributes, read and checked once per change.

use web_sys::Element;

use super::HistoryMode;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{self, DateIndexUrl};

/// What the partner asked for, in the element's attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The article to show: its absolute JSON URL, or why the `src` is unusable.
    pub src: Result<String>,
    /// The interface language (`lang`, default Vietnamese).
    pub lang: Lang,
    /// Where the reader's way through articles is kept (`history`).
    pub history: HistoryMode,
    /// Where a day's articles are listed (`date-index`); without it, the
    /// article's own `dateIndex`, if it names one.
    pub date_index: Option<DateIndexUrl>,
}

impl Config {
    /// Reads the attributes of `element`, resolving URLs against the page's base URL.
    pub fn from_element(element: &Element) -> Config {
        let base = element.base_uri().ok().flatten().unwrap_or_default();
        let attribute = |name| element.get_attribute(name);
        let src = match attribute("src") {
            None => Err(Error::Config("\"src\" is required".into())),
            Some(src) => model::resolve(src.trim(), &base)
                .map(|url| url.as_str().to_owned())
                .ok_or_else(|| Error::Config(format!("\"src\" is not an http(s) URL: {src:?}"))),
        };
        Config {
            src,
            lang: attribute("lang")
                .and_then(|tag| Lang::from_tag(&tag))
                .unwrap_or_default(),
            history: attribute("history")
                .and_then(|value| HistoryMode::from_attribute(&value))
                .unwrap_or_default(),
            date_index: attribute("date-index")
                .and_then(|template| DateIndexUrl::new(&template, &base)),
        }
    }
}
