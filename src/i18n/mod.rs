//! Everything the widget says in its own voice, in Vietnamese and English,
//! and the one formatter for dates and numbers ([`Locale`]).

#[cfg(not(target_arch = "wasm32"))]
mod icu;
#[cfg(target_arch = "wasm32")]
mod intl;
mod locale;
mod messages;

pub use self::locale::{DateStyle, Locale};
pub use self::messages::{Messages, PageMessages};

/// The interface language, from the embed's `lang` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese, the original portal's language (the default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Reads a `lang` attribute value (`vi`, `en`, or a regional tag like `en-GB`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag, for `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Every language, the first first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The message catalogue of this language.
    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::Vi => &messages::VI,
            Lang::En => &messages::EN,
        }
    }

    /// The words of the pages around the widget (see [`PageMessages`]).
    pub fn pages(self) -> &'static PageMessages {
        match self {
            Lang::Vi => &messages::VI_PAGES,
            Lang::En => &messages::EN_PAGES,
        }
    }
}
