//! What `import` could not keep as the page had it, said once per case.

use std::fmt;

/// Something the importer changed or guessed, for the publisher to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// An embedded player or post (YouTube, Facebook, X…) became a link to it.
    EmbedKeptAsLink(String),
    /// An embedded social post became a quote of its text.
    EmbedKeptAsQuote,
    /// A photo's size was neither in the markup nor readable from its file:
    /// 3:2 was assumed (the widget only reserves space with it).
    ImageSizeGuessed(String),
    /// A video's size was not in the markup: 16:9 was assumed.
    VideoSizeGuessed,
    /// A `<video>` without a playable source was left out.
    VideoWithoutSource,
    /// A table became lines of text.
    TableAsText,
    /// A photo could not be downloaded, and is linked instead.
    MediaNotDownloaded(String, String),
    /// A photo on the local disk that is not there was left out.
    MissingLocalFile(String),
    /// The headline was longer than the format allows and was cut.
    HeadlineCut,
    /// The body was longer than the format allows: only its first blocks are kept.
    BodyCut {
        /// The blocks kept.
        kept: usize,
        /// The blocks the page had.
        of: usize,
    },
    /// No time zone offset anywhere: the time was read in the `--time-zone`.
    TimeInAssumedZone(String),
    /// The page gave a day without a time: midnight was assumed.
    DayOnly,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::EmbedKeptAsLink(url) => write!(f, "an embed kept as a link: {url}"),
            Warning::EmbedKeptAsQuote => f.write_str("an embedded post kept as a quote"),
            Warning::ImageSizeGuessed(url) => {
                write!(f, "an image whose size had to be guessed (3:2): {url}")
            }
            Warning::VideoSizeGuessed => f.write_str("a video whose size had to be guessed (16:9)"),
            Warning::VideoWithoutSource => {
                f.write_str("a video without a playable source left out")
            }
            Warning::TableAsText => f.write_str("a table kept as lines of text"),
            Warning::MediaNotDownloaded(url, why) => {
                write!(f, "an image linked, not downloaded ({why}): {url}")
            }
            Warning::MissingLocalFile(path) => {
                write!(f, "an image left out, its file is missing: {path}")
            }
            Warning::HeadlineCut => f.write_str("the headline was cut to 500 characters"),
            Warning::BodyCut { kept, of } => write!(
                f,
                "the body was cut to its first {kept} of {of} blocks, to stay within the format's 2 MiB"
            ),
            Warning::TimeInAssumedZone(zone) => {
                write!(f, "no UTC offset on the page: the time is read in {zone}")
            }
            Warning::DayOnly => {
                f.write_str("the page gives a day without a time: midnight assumed")
            }
        }
    }
}
