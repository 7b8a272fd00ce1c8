//! The article and the date index: what a publisher serves, as types.
//!
//! Every field is checked while it is read (see `de`), so a value of these
//! types is safe to render.

use std::num::NonZeroU32;
use std::rc::Rc;

use serde::Deserialize;

use super::de::deserialize_checked_string;
use super::{DateIndexUrl, Headline, Label, RichText, SafeUrl, TimeZone, Timestamp};

/// A publisher's stable id for an article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArticleId(Label);

impl From<Label> for ArticleId {
    fn from(label: Label) -> Self {
        ArticleId(label)
    }
}

impl ArticleId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// A news article, as the widget renders it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
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
    /// How many times it was read, when the article was written; a live
    /// count from `view_counter` replaces it on screen.
    pub view_count: Option<u64>,
    /// The URL of the article's view counter (`news-widget counter`): the
    /// widget tells it of each view once the reader has seen the article,
    /// and shows the live count it answers. Without it, the count stays.
    pub view_counter: Option<SafeUrl>,
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
    pub related: Rc<[ArticleSummary]>,
    /// Where the publisher's date index is, for "browse news by date"
    /// without a `date-index` attribute (which overrides it).
    pub date_index: Option<DateIndexUrl>,
}

impl Article {
    /// The first photo of the body: the article's picture where one stands
    /// for it (a card, a link preview, a search result).
    pub fn first_image(&self) -> Option<&Image> {
        self.body.iter().find_map(|block| match block {
            Block::Image(image) => Some(image.as_ref()),
            _ => None,
        })
    }
}

/// A section of the publication.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    /// Its name as readers know it.
    pub name: Label,
    /// Its page on the publisher's site.
    pub url: Option<SafeUrl>,
}

/// A writer or contributor.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    any(feature = "schema", feature = "serialize"),
    serde(rename_all = "camelCase")
)]
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
    #[cfg_attr(feature = "serialize", serde(skip))]
    Unsupported,
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Paragraph {
    /// Its content.
    pub text: RichText,
}

/// A subheading.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Heading {
    /// Its text.
    pub text: Label,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// What was said.
    pub text: RichText,
    /// Who said it.
    pub attribution: Option<Label>,
}

/// A photo.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VideoSource {
    /// The file.
    pub src: SafeUrl,
    /// Its MIME type, e.g. `video/webm`, so the browser can pick one it plays.
    #[serde(rename = "type")]
    pub media_type: Label,
}

/// A WebVTT text track of a video.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    any(feature = "schema", feature = "serialize"),
    serde(rename_all = "lowercase")
)]
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

impl TryFrom<String> for TrackKind {
    type Error = String;
    fn try_from(kind: String) -> Result<Self, String> {
        match kind.as_str() {
            "captions" => Ok(TrackKind::Captions),
            "subtitles" => Ok(TrackKind::Subtitles),
            _ => Err(format!(
                "unknown variant `{kind}`, expected `captions` or `subtitles`"
            )),
        }
    }
}

deserialize_checked_string!(TrackKind);

/// A short reference to another article, as listed in "related news" and
/// in a date index: enough to show it in a list and to load it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
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

/// A small picture for a list item.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("minItems" = 1)))]
pub struct NonEmpty<T>(Vec<T>);

impl<T> NonEmpty<T> {
    /// The list, if it has an item.
    pub fn new(items: Vec<T>) -> Option<Self> {
        (!items.is_empty()).then_some(NonEmpty(items))
    }

    /// The items, never empty.
    pub fn items(&self) -> &[T] {
        &self.0
    }

    pub(super) fn items_mut(&mut self) -> &mut [T] {
        &mut self.0
    }
}
