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
    /// The headline was longer than the format allows (this many
    /// characters) and was cut.
    HeadlineCut(usize),
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
    /// The page gives no date: the one something else said is used.
    DateFrom(Said),
    /// The item's page could not be read (why): the feed's own content is
    /// the article.
    FeedContentUsed(String),
}

/// Who said when a page was published, when the page itself does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// The feed that listed it.
    Feed,
    /// The sitemap that listed it.
    Sitemap,
    /// The server, in its `Last-Modified` header.
    LastModified,
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Said::Feed => "the feed's date",
            Said::Sitemap => "the sitemap's date",
            Said::LastModified => "the server's Last-Modified date",
        })
    }
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
            Warning::HeadlineCut(max) => write!(f, "the headline was cut to {max} characters"),
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
            Warning::DateFrom(said) => {
                write!(f, "the page gives no date: {said} is used")
            }
            Warning::FeedContentUsed(why) => write!(
                f,
                "the page could not be read ({why}): the feed's own content is the article"
            ),
        }
    }
}
