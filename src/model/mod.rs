//! The article format: serde types for the JSON a publisher serves.
//!
//! Every field is checked while it is read (URLs, timestamps, lengths, sizes),
//! so a value of these types is safe to render. [`parse_article`] turns bytes
//! into an [`Article`] or an [`Error::Invalid`] naming the JSON path at fault.

mod path;
mod text;
mod time;
mod url;

use std::fmt;
use std::marker::PhantomData;
use std::num::NonZeroU32;
use std::rc::Rc;

use serde::de::{DeserializeOwned, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

pub use self::text::{plain, Headline, Inline, Label, Link, RichText, Span, Text};
pub use self::time::{Day, TimeZone, Timestamp};
pub use self::url::{LinkUrl, SafeUrl};
use crate::error::{Error, Result};

/// The largest document the widget accepts, in bytes (2 MiB).
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// A publisher's stable id for an article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArticleId(Label);

impl ArticleId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// A news article, as the widget renders it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The publisher's id.
    pub id: ArticleId,
    /// The canonical web page of the article.
    pub url: Option<SafeUrl>,
    /// BCP 47 language of the content (`vi`, `en`); the interface follows the embed's `lang`.
    pub language: Option<Label>,
    /// The section the article belongs to.
    pub category: Option<Category>,
    /// The headline.
    pub headline: Headline,
    /// The lead (standfirst) paragraph.
    #[serde(default)]
    pub lead: RichText,
    /// When it was first published.
    pub published: Timestamp,
    /// When it was last changed, if it was.
    pub modified: Option<Timestamp>,
    /// The zone in which dates are shown (the newsroom's own).
    #[serde(default)]
    pub time_zone: TimeZone,
    /// How many times it was read.
    pub view_count: Option<u64>,
    /// The body, block by block.
    #[serde(default)]
    pub body: Vec<Block>,
    /// The writers, in byline order.
    #[serde(default)]
    pub authors: Vec<Person>,
    /// The photographers, for the "Photo:" credit line.
    #[serde(default)]
    pub photo_credits: Vec<Label>,
    /// Related news in the same category.
    #[serde(default)]
    pub related: Vec<ArticleSummary>,
}

/// A section of the publication.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    /// Its name as readers know it.
    pub name: Label,
    /// Its page on the publisher's site.
    pub url: Option<SafeUrl>,
}

/// A writer or contributor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    /// The name as printed.
    pub name: Label,
    /// Their role, if the byline names it ("Phóng viên").
    pub role: Option<Label>,
}

/// One block of the body: an object with one key naming its kind,
/// `{"paragraph": {...}}`. Unknown kinds are kept as [`Block::Unsupported`]
/// and skipped by the renderer, so a newer CMS does not break older widgets.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "camelCase"))]
pub enum Block {
    /// A paragraph of rich text.
    Paragraph(Paragraph),
    /// A subheading inside the body.
    Heading(Heading),
    /// A pull quote or quotation.
    Quote(Quote),
    /// A photo with caption and credit.
    Image(Rc<Image>),
    /// A video with sources, poster and captions.
    Video(Rc<Video>),
    /// A block kind this version does not know.
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unsupported,
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Paragraph {
    /// Its content.
    pub text: RichText,
}

/// A subheading.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Heading {
    /// Its text.
    pub text: Label,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// What was said.
    pub text: RichText,
    /// Who said it.
    pub attribution: Option<Label>,
}

// By hand rather than derived: a derived tagged enum buffers the block, and
// the error path would stop at `body[3]` instead of naming the field.
impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BlockVisitor;
        impl<'de> Visitor<'de> for BlockVisitor {
            type Value = Block;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
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

/// A photo.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Image {
    /// The image file.
    pub src: SafeUrl,
    /// What it shows, for readers who cannot see it.
    pub alt: String,
    /// Intrinsic width in pixels (required: the space is reserved before it loads).
    pub width: NonZeroU32,
    /// Intrinsic height in pixels.
    pub height: NonZeroU32,
    /// The caption shown under it.
    #[serde(default)]
    pub caption: RichText,
    /// Who took it, when it differs from the article's photo credits.
    pub credit: Option<Label>,
}

/// A video.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Video {
    /// The same video in one or more formats, best first.
    pub sources: NonEmpty<VideoSource>,
    /// The still shown before it plays.
    pub poster: Option<SafeUrl>,
    /// Intrinsic width in pixels (required: the space is reserved before it loads).
    pub width: NonZeroU32,
    /// Intrinsic height in pixels.
    pub height: NonZeroU32,
    /// Caption and subtitle tracks (WebVTT).
    #[serde(default)]
    pub tracks: Vec<TextTrack>,
    /// The caption shown under it.
    #[serde(default)]
    pub caption: RichText,
    /// Its length in seconds.
    pub duration_seconds: Option<u32>,
    /// A full transcript.
    #[serde(default)]
    pub transcript: RichText,
}

/// One encoding of a video.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VideoSource {
    /// The file.
    pub src: SafeUrl,
    /// Its MIME type, e.g. `video/webm`, so the browser can pick one it plays.
    #[serde(rename = "type")]
    pub media_type: Label,
}

/// A WebVTT text track of a video.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TextTrack {
    /// The `.vtt` file.
    pub src: SafeUrl,
    /// What the track is for.
    pub kind: TrackKind,
    /// Its language (BCP 47).
    pub srclang: Label,
    /// Its name in the player's menu.
    pub label: Label,
}

/// The kinds of `<track>` the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TrackKind {
    /// Dialogue and sounds, for deaf and hard-of-hearing viewers.
    Captions,
    /// Translated dialogue.
    Subtitles,
}

impl TrackKind {
    /// The value of `<track kind>`.
    pub fn as_str(self) -> &'static str {
        match self {
            TrackKind::Captions => "captions",
            TrackKind::Subtitles => "subtitles",
        }
    }
}

/// A short reference to another article, as listed in "related news" and
/// in a date index: enough to show it in a list and to load it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    /// The article's id.
    pub id: ArticleId,
    /// Its headline.
    pub headline: Headline,
    /// When it was published.
    pub published: Timestamp,
    /// A small picture.
    pub thumbnail: Option<Thumbnail>,
    /// Its canonical web page (for open-in-new-tab and copy-link).
    pub url: Option<SafeUrl>,
    /// The URL of its own article JSON, loaded in place when chosen.
    pub src: SafeUrl,
}

impl ArticleSummary {
    fn resolve_urls(&mut self, resolve: &impl Fn(&str) -> Option<String>) {
        self.src.resolve_with(resolve);
        let thumb = self.thumbnail.as_mut().map(|t| &mut t.src);
        for url in self.url.as_mut().into_iter().chain(thumb) {
            url.resolve_with(resolve);
        }
    }
}

/// The articles published on one day: the document behind "browse news by date",
/// fetched from the embed's `date-index` URL template.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// Resolves every URL in the index with `resolve` (see [`Article::resolve_urls`]).
    pub fn resolve_urls(&mut self, resolve: &impl Fn(&str) -> Option<String>) {
        for item in &mut self.items {
            item.resolve_urls(resolve);
        }
    }
}

/// Parses a date index document.
pub fn parse_date_index(bytes: &[u8]) -> Result<DateIndex> {
    parse(bytes)
}

/// A small picture for a list item.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Thumbnail {
    /// The image file.
    pub src: SafeUrl,
    /// Intrinsic width in pixels (required: the space is reserved before it loads).
    pub width: NonZeroU32,
    /// Intrinsic height in pixels.
    pub height: NonZeroU32,
}

/// A list with at least one item.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("minItems" = 1)))]
pub struct NonEmpty<T>(Vec<T>);

// By hand rather than `try_from = "Vec<T>"`: the check runs inside the visitor,
// while the parser still stands at the list (see `path`).
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
                if items.is_empty() {
                    Err(A::Error::custom("must have at least one item"))
                } else {
                    Ok(NonEmpty(items))
                }
            }
        }
        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

/// Deserializes a string checked by `T::try_from`. Used instead of serde's
/// `try_from = "String"`, which checks after the parser has moved on: here the
/// check runs inside the visitor, so the error's position, and with it the
/// path [`parse`] names, is the string's own.
fn checked_string<'de, D, T>(deserializer: D) -> Result<T, D::Error>
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
                super::checked_string(deserializer)
            }
        }
    )+};
}
use deserialize_checked_string;

impl<T> NonEmpty<T> {
    /// The items, never empty.
    pub fn items(&self) -> &[T] {
        &self.0
    }

    fn items_mut(&mut self) -> &mut [T] {
        &mut self.0
    }
}

impl Article {
    /// Resolves every URL in the article with `resolve` (relative URLs are
    /// relative to the JSON document, not the host page). URLs that `resolve`
    /// cannot make safe are left as they were, relative.
    pub fn resolve_urls(&mut self, resolve: &impl Fn(&str) -> Option<String>) {
        let rich = |text: &mut RichText| resolve_rich(text, resolve);
        let category = self.category.as_mut().and_then(|c| c.url.as_mut());
        for url in self.url.as_mut().into_iter().chain(category) {
            url.resolve_with(resolve);
        }
        rich(&mut self.lead);
        for block in &mut self.body {
            match block {
                Block::Paragraph(Paragraph { text }) | Block::Quote(Quote { text, .. }) => {
                    rich(text)
                }
                Block::Image(image) => {
                    let image = Rc::make_mut(image);
                    image.src.resolve_with(resolve);
                    rich(&mut image.caption);
                }
                Block::Video(video) => {
                    let video = Rc::make_mut(video);
                    let sources = video.sources.items_mut().iter_mut().map(|s| &mut s.src);
                    let tracks = video.tracks.iter_mut().map(|t| &mut t.src);
                    for url in sources.chain(tracks).chain(video.poster.as_mut()) {
                        url.resolve_with(resolve);
                    }
                    rich(&mut video.caption);
                    rich(&mut video.transcript);
                }
                Block::Heading(_) | Block::Unsupported => {}
            }
        }
        for item in &mut self.related {
            item.resolve_urls(resolve);
        }
    }
}

fn resolve_rich(text: &mut RichText, resolve: &impl Fn(&str) -> Option<String>) {
    for node in text {
        match node {
            Inline::Text(_) => {}
            Inline::Span(Span::Em(inner) | Span::Strong(inner)) => resolve_rich(inner, resolve),
            Inline::Span(Span::Link(link)) => {
                link.href.resolve_with(resolve);
                resolve_rich(&mut link.text, resolve);
            }
        }
    }
}

/// A document of the format that the widget fetches: parsed from bytes, with
/// URLs relative to the document's own URL.
pub trait Document: Sized {
    /// Parses the document.
    fn parse(bytes: &[u8]) -> Result<Self>;
    /// Resolves every URL in it with `resolve`.
    fn resolve_urls(&mut self, resolve: &impl Fn(&str) -> Option<String>);
}

impl Document for Article {
    fn parse(bytes: &[u8]) -> Result<Self> {
        parse(bytes)
    }
    fn resolve_urls(&mut self, resolve: &impl Fn(&str) -> Option<String>) {
        Article::resolve_urls(self, resolve);
    }
}

impl Document for DateIndex {
    fn parse(bytes: &[u8]) -> Result<Self> {
        parse(bytes)
    }
    fn resolve_urls(&mut self, resolve: &impl Fn(&str) -> Option<String>) {
        DateIndex::resolve_urls(self, resolve);
    }
}

/// Parses an article document.
pub fn parse_article(bytes: &[u8]) -> Result<Article> {
    parse(bytes)
}

/// Parses any document of the format, naming the JSON path of the first
/// field at fault (found from serde_json's position by [`path::at`]). Refuses
/// documents over [`MAX_DOCUMENT_BYTES`]; a UTF-8 byte order mark is allowed,
/// other encodings are not.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T> {
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
        .map_err(|e| Error::Invalid {
            path: path::at(bytes, e.line(), e.column()),
            reason: e.to_string(),
        })
}
