//! The element's attributes, read and checked once per change.

use web_sys::Element;

use crate::error::Error;
use crate::i18n::Lang;
use crate::model::Day;
use crate::source;

/// What the partner asked for, in the element's attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The article to show: its absolute JSON URL, or why the `src` is unusable.
    pub src: Result<String, Error>,
    /// The interface language (`lang`, default Vietnamese).
    pub lang: Lang,
    /// Whether the host URL's fragment follows the reader (`history="hash"`).
    pub history: HistoryMode,
    /// Where the list of a day's articles is (`date-index`); without it there is no date browser.
    pub date_index: Option<DateIndexUrl>,
}

/// Where the widget keeps the reader's way through articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HistoryMode {
    /// Only inside the widget: the host's URL and history are never touched (the default).
    #[default]
    Widget,
    /// Also in the host URL's fragment, so the browser's back button and a
    /// shared link reopen the same article.
    Hash,
}

/// A date index URL template with a `{date}` placeholder (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq)]
pub struct DateIndexUrl {
    template: String,
    base: String,
}

impl DateIndexUrl {
    /// The absolute URL of `day`'s index, if the template makes a safe one.
    pub fn url(&self, day: Day) -> Option<String> {
        source::resolve(
            &self.template.replace("{date}", &day.to_string()),
            &self.base,
        )
    }
}

impl Config {
    /// Reads the attributes of `element`, resolving URLs against the page's base URL.
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
        let history = match element.get_attribute("history").as_deref() {
            Some("hash") => HistoryMode::Hash,
            _ => HistoryMode::Widget,
        };
        let date_index = element
            .get_attribute("date-index")
            .filter(|template| template.contains("{date}"))
            .map(|template| DateIndexUrl {
                template: template.trim().to_owned(),
                base,
            });
        Config {
            src,
            lang: lang.unwrap_or_default(),
            history,
            date_index,
        }
    }
}
