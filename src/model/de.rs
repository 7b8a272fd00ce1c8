//! Reading the format: [`parse`], and the visitors written by hand.
//!
//! Every check runs inside its visitor, while serde_json still stands at the
//! value being read, so the position of an error is the value's own and
//! [`path::at`] can name its JSON path. That is why strings are checked by
//! [`checked_string`] instead of serde's `try_from = "String"` (which checks
//! after the parser has moved on), and why blocks and lists have visitors of
//! their own instead of derived tagged enums (which buffer the value).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{path, Block, Inline, NonEmpty, Span, MAX_DOCUMENT_BYTES};
use crate::error::{Error, Result};

/// Parses a document of the format, naming the JSON path of the first field
/// at fault. Refuses documents over [`MAX_DOCUMENT_BYTES`]; a UTF-8 byte
/// order mark is allowed, other encodings are not.
pub(super) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            bytes: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // serde would also read a struct from an array: say plainly what is wrong.
    if bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b != b'{')
    {
        return Err(Error::Invalid {
            path: String::new(),
            reason: "the document is not a JSON object".into(),
        });
    }
    let mut json = serde_json::Deserializer::from_slice(bytes);
    // Trailing data after the document is an error too.
    T::deserialize(&mut json)
        .and_then(|value| json.end().map(|()| value))
        .map_err(|e| {
            // The path names the place; serde_json's line and column would repeat it.
            let position = format!(" at line {} column {}", e.line(), e.column());
            let reason = e.to_string();
            Error::Invalid {
                path: path::at(bytes, e.line(), e.column()),
                reason: reason.strip_suffix(&position).unwrap_or(&reason).to_owned(),
            }
        })
}

/// Deserializes a string checked by `T::try_from`, inside the visitor.
pub(super) fn checked_string<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<String>,
    T::Error: fmt::Display,
{
    struct Checked<T>(PhantomData<T>);
    impl<T: TryFrom<String>> Visitor<'_> for Checked<T>
    where
        T::Error: fmt::Display,
    {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
            T::try_from(s.to_owned()).map_err(E::custom)
        }
        fn visit_string<E: serde::de::Error>(self, s: String) -> Result<T, E> {
            T::try_from(s).map_err(E::custom)
        }
    }
    deserializer.deserialize_string(Checked(PhantomData))
}

/// `Deserialize` through [`checked_string`] for string types with `TryFrom<String>`.
macro_rules! deserialize_checked_string {
    ($($ty:ty),+ $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                super::de::checked_string(deserializer)
            }
        }
    )+};
}
pub(super) use deserialize_checked_string;

// A block is an object with one key naming its kind; unknown kinds are kept
// as `Unsupported`, so a newer CMS does not break older widgets.
impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BlockVisitor;
        impl<'de> Visitor<'de> for BlockVisitor {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a block: an object with one key such as `paragraph` or `image`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
                let Some(kind) = map.next_key::<String>()? else {
                    return Err(A::Error::custom("a block needs one key naming its kind"));
                };
                let block = match kind.as_str() {
                    "paragraph" => Block::Paragraph(map.next_value()?),
                    "heading" => Block::Heading(map.next_value()?),
                    "quote" => Block::Quote(map.next_value()?),
                    "image" => Block::Image(map.next_value()?),
                    "video" => Block::Video(map.next_value()?),
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                        Block::Unsupported
                    }
                };
                match map.next_key::<String>()? {
                    Some(extra) => Err(A::Error::custom(format!(
                        "a block has exactly one key, found `{kind}` and `{extra}`"
                    ))),
                    None => Ok(block),
                }
            }
        }
        deserializer.deserialize_map(BlockVisitor)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for NonEmpty<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
            type Value = NonEmpty<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                NonEmpty::new(items).ok_or_else(|| A::Error::custom("must have at least one item"))
            }
        }
        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

// A string, or an object naming its one style (by hand: `untagged` would
// buffer the node and lose the path to the field at fault inside a link).
impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InlineVisitor;
        impl<'de> Visitor<'de> for InlineVisitor {
            type Value = Inline;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or an object with one key `em`, `strong` or `link`")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Inline, E> {
                Ok(Inline::Text(text.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Inline, E> {
                Ok(Inline::Text(text))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Inline, A::Error> {
                Span::deserialize(MapAccessDeserializer::new(map)).map(Inline::Span)
            }
        }
        deserializer.deserialize_any(InlineVisitor)
    }
}
