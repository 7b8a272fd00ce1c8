//! The article format: serde types for the JSON a publisher serves.
//!
//! Every field is checked while it is read (URLs, timestamps, lengths, sizes),
//! so a value of these types is safe to render. [`Document::parse`] turns
//! bytes into an [`Article`] or a [`DateIndex`], or an [`Error::Invalid`]
//! naming the JSON path at fault; [`Document::resolve_urls`] makes its
//! relative URLs absolute.
//!
//! - `article`, `date_index`: the types;
//! - `text`, `time`, `url`: checked strings, rich text, times, days, URLs;
//! - `de`: parsing, and the visitors written by hand;
//! - `path`: the JSON path of the field at fault;
//! - `resolve`: the walk over every URL of a document.
//!
//! [`Error::Invalid`]: crate::error::Error::Invalid

mod article;
mod date_index;
mod de;
mod path;
mod resolve;
mod text;
mod time;
mod url;

use serde::de::DeserializeOwned;

pub use self::article::{
    Article, ArticleId, ArticleSummary, Block, Category, Heading, Image, NonEmpty, Paragraph,
    Person, Quote, TextTrack, Thumbnail, TrackKind, Video, VideoSource,
};
pub use self::date_index::{DateIndex, DateIndexUrl};
pub use self::text::{plain, Headline, Inline, Label, Link, RichText, Span, Text};
pub use self::time::{Day, TimeZone, Timestamp};
pub use self::url::{resolve, LinkUrl, SafeUrl};
use crate::error::Result;

/// The largest document the widget accepts, in bytes (2 MiB).
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// A document of the format: an [`Article`] or a [`DateIndex`].
pub trait Document: DeserializeOwned + resolve::Urls {
    /// Parses a document, naming the JSON path of the first field at fault.
    /// Refuses documents over [`MAX_DOCUMENT_BYTES`]; a UTF-8 byte order
    /// mark is allowed, other encodings are not.
    fn parse(bytes: &[u8]) -> Result<Self> {
        de::parse(bytes)
    }

    /// Makes every relative URL in it absolute against `base`, the URL the
    /// document was served from. A URL that would then be unsafe is left as
    /// it was.
    fn resolve_urls(&mut self, base: &str) {
        resolve::Urls::resolve(self, base);
    }
}

impl Document for Article {}
impl Document for DateIndex {}
