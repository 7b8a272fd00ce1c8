//! The date index: the articles of one day, behind "browse news by date".

use serde::Deserialize;

use super::de::deserialize_checked_string;
use super::{url, ArticleSummary, Day, TimeZone};

/// The articles published on one day, fetched from a [`DateIndexUrl`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DateIndex {
    /// The day, `YYYY-MM-DD`.
    pub date: Day,
    /// The zone in which the day and the times are meant.
    #[serde(default)]
    pub time_zone: TimeZone,
    /// The day's articles, newest first. Empty on a day without news.
    #[serde(default)]
    pub items: Vec<ArticleSummary>,
}

impl DateIndex {
    /// A day without news (what a day without an index file is).
    pub fn empty(date: Day) -> DateIndex {
        DateIndex {
            date,
            time_zone: TimeZone::default(),
            items: Vec::new(),
        }
    }
}

/// Where each day's index is: a URL template with `{date}` for the day
/// (`YYYY-MM-DD`), e.g. `https://news.example/dates/{date}.json`. A relative
/// template is relative to `base`: the page for the `date-index` attribute,
/// the article's own URL for its `dateIndex` field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(with = "String", extend("pattern" = r"\{date\}")))]
pub struct DateIndexUrl {
    template: String,
    base: String,
}

deserialize_checked_string!(DateIndexUrl);

impl TryFrom<String> for DateIndexUrl {
    type Error = String;
    fn try_from(template: String) -> Result<Self, String> {
        if !template.contains("{date}") {
            return Err("a date index URL needs `{date}` where the day goes".into());
        }
        // What it makes for a day must be a safe URL.
        url::SafeUrl::try_from(template.replace("{date}", "2000-01-01"))?;
        Ok(DateIndexUrl {
            template,
            base: String::new(),
        })
    }
}

/// Written as its template (the publisher's side writes only relative ones).
#[cfg(feature = "serialize")]
impl serde::Serialize for DateIndexUrl {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.template)
    }
}

impl DateIndexUrl {
    /// A template relative to `base`, if it has a `{date}` and makes safe URLs.
    pub fn new(template: &str, base: &str) -> Option<DateIndexUrl> {
        let mut url = DateIndexUrl::try_from(template.trim().to_owned()).ok()?;
        url.base = base.to_owned();
        Some(url)
    }

    /// The absolute URL of `day`'s index, if the template makes one.
    pub fn url(&self, day: Day) -> Option<String> {
        let url = self.template.replace("{date}", &day.to_string());
        url::resolve(&url, &self.base).map(|url| url.as_str().to_owned())
    }

    /// Makes a relative template relative to `base` (the document it came in).
    pub(super) fn resolve(&mut self, base: &str) {
        if self.base.is_empty() {
            base.clone_into(&mut self.base);
        }
    }
}
