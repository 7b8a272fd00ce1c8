//! Text from the JSON: bounded plain strings and typed rich text.
//!
//! The format carries no HTML: rich text is a list of typed inline nodes, so
//! there is nothing to sanitize and nothing a renderer could execute.

use serde::{Deserialize, Deserializer};

use super::url::LinkUrl;

/// A non-empty string of at most `MAX` characters (headlines, names, labels).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
pub struct Text<const MAX: usize>(String);

impl<'de, const MAX: usize> Deserialize<'de> for Text<MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::de::checked_string(deserializer)
    }
}

#[cfg(feature = "schema")]
impl<const MAX: usize> schemars::JsonSchema for Text<MAX> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Text{MAX}").into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": format!("Non-empty text of at most {MAX} characters."),
            "type": "string",
            "minLength": 1,
            "maxLength": MAX,
            "pattern": "\\S",
        })
    }
}

/// A headline: at most 500 characters.
pub type Headline = Text<500>;
/// A name, label or credit: at most 200 characters.
pub type Label = Text<200>;

impl<const MAX: usize> TryFrom<String> for Text<MAX> {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            Err("must not be empty".into())
        } else if trimmed.chars().count() > MAX {
            Err(format!("longer than {MAX} characters"))
        } else {
            Ok(Text(trimmed.to_owned()))
        }
    }
}

impl<const MAX: usize> Text<MAX> {
    /// The text, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> std::fmt::Display for Text<MAX> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Rich text: a run of inline nodes. A `\n` inside a text node is a line break.
pub type RichText = Vec<Inline>;

/// One inline node: a plain string, or an object naming its one style.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(any(feature = "schema", feature = "serialize"), serde(untagged))]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Styled or linked text: `{"em": [...]}`, `{"strong": [...]}`, `{"link": {...}}`.
    Span(Span),
}

/// The styles inline text can carry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Span {
    /// Emphasis (`<em>`).
    Em(RichText),
    /// Strong importance (`<strong>`).
    Strong(RichText),
    /// A hyperlink.
    Link(Link),
}

/// A hyperlink in rich text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    /// Where it goes: `http(s):`, `mailto:` or relative.
    pub href: LinkUrl,
    /// What the reader sees.
    pub text: RichText,
}

/// The plain text of rich text, for `alt`, titles and screen-reader labels.
pub fn plain(text: &[Inline]) -> String {
    let mut out = String::new();
    for node in text {
        match node {
            Inline::Text(s) => out.push_str(s),
            Inline::Span(Span::Em(inner) | Span::Strong(inner)) => out.push_str(&plain(inner)),
            Inline::Span(Span::Link(link)) => out.push_str(&plain(&link.text)),
        }
    }
    out
}
