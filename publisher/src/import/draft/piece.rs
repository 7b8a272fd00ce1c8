//! The body of a draft, as found: the format's blocks before their last
//! checks, with what the page said about how each was set.

use std::num::NonZeroU32;
use std::path::PathBuf;

use news_widget::model::{plain, Label, RichText, TrackKind};
use url::Url;

use crate::import::address::WebUrl;

/// One piece of the body, as found.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A paragraph, and how it was set.
    Paragraph(RichText, Look),
    /// A subheading.
    Heading(String),
    /// A quotation and who said it.
    Quote(RichText, Option<String>),
    /// A photo.
    Image(Picture),
    /// A video.
    Video(Clip),
}

/// How a paragraph is set, for telling a byline or a caption from prose.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Look {
    /// Set right-aligned (a Vietnamese byline's usual place).
    pub right: bool,
    /// Set centred (a caption's, in CMSs without caption elements).
    pub center: bool,
    /// Its container's class and id words.
    pub class: String,
}

/// A width and a height in pixels, neither zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Pixels across.
    pub width: NonZeroU32,
    /// Pixels down.
    pub height: NonZeroU32,
}

impl Size {
    /// A size, if neither side is zero.
    pub fn new(width: u32, height: u32) -> Option<Size> {
        Some(Size {
            width: NonZeroU32::new(width)?,
            height: NonZeroU32::new(height)?,
        })
    }

    /// What the widget assumes for a photo whose size nobody says (3:2).
    pub fn photo_guess() -> Size {
        Size::new(1200, 800).expect("not zero")
    }

    /// What the widget assumes for a video whose size nobody says (16:9).
    pub fn video_guess() -> Size {
        Size::new(640, 360).expect("not zero")
    }

    /// Too small to be a photo: a tracking pixel, an icon.
    pub fn is_icon(&self) -> bool {
        self.width.get() < 50 || self.height.get() < 50
    }
}

/// A photo before its size is known for sure.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The image file: on the web, or beside a saved page.
    pub src: Url,
    /// Its alternative text.
    pub alt: String,
    /// Its caption, without the credit.
    pub caption: RichText,
    /// Who took it.
    pub credit: Option<Label>,
    /// Its size, if the markup gives it.
    pub size: Option<Size>,
    /// The same file on this machine, beside a saved page.
    pub local: Option<PathBuf>,
}

impl Picture {
    /// Whether `other` is the same showing of a photo: the same caption, or
    /// the same file (whatever its query asks of the image server) where one
    /// has no caption. Not the same alt: sites give one alt to all of an
    /// article's photos; and one photo shown twice with two captions is shown twice.
    pub fn same_photo(&self, other: &Picture) -> bool {
        let (caption, other_caption) = (plain(&self.caption), plain(&other.caption));
        let (caption, other_caption) = (caption.trim(), other_caption.trim());
        let same_file =
            self.src.host_str() == other.src.host_str() && self.src.path() == other.src.path();
        (!caption.is_empty() && caption == other_caption)
            || (same_file && (caption.is_empty() || other_caption.is_empty()))
    }
}

/// A video element's parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Clip {
    /// Its sources, best first.
    pub sources: Vec<ClipSource>,
    /// The still shown before it plays.
    pub poster: Option<WebUrl>,
    /// Its WebVTT tracks.
    pub tracks: Vec<Track>,
    /// Its size, if the markup gives it.
    pub size: Option<Size>,
    /// Its caption.
    pub caption: RichText,
}

/// One file of a video.
#[derive(Debug, Clone, PartialEq)]
pub struct ClipSource {
    /// The file.
    pub src: WebUrl,
    /// Its MIME type.
    pub media_type: Label,
}

/// A WebVTT track of a video.
#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    /// The `.vtt` file.
    pub src: WebUrl,
    /// Captions or subtitles.
    pub kind: TrackKind,
    /// Its language.
    pub lang: Label,
    /// Its name in the player's menu.
    pub label: Label,
}
