//! Why a source, or one article of it, was not imported: one variant per
//! case, said in one line.

use std::fmt;

/// Why something was not imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Skip {
    /// The source could not be read.
    #[error("{0}")]
    Fetch(#[from] FetchError),
    /// A source that is neither an `http(s)` URL nor a path.
    #[error("`{0}:` sources are not read (http, https or a file)")]
    Scheme(String),
    /// A URL that does not parse.
    #[error("not a usable URL ({0})")]
    BadUrl(String),
    /// A path that cannot be made a URL.
    #[error("{0}: not a usable path")]
    BadPath(String),
    /// A folder given as a source, with nothing to import in it.
    #[error("a folder without .html files")]
    EmptyFolder,
    /// The bytes are not one of the kinds `import` reads.
    #[error("{0}")]
    Kind(#[from] KindError),
    /// A feed feed-rs cannot read.
    #[error("not a readable feed ({0})")]
    BadFeed(String),
    /// A feed with nothing in it.
    #[error("a feed without items")]
    EmptyFeed,
    /// A sitemap roxmltree cannot read.
    #[error("not a readable sitemap ({0})")]
    BadSitemap(String),
    /// A sitemap that lists nothing.
    #[error("a sitemap without pages")]
    EmptySitemap,
    /// Sitemap indexes deeper than the importer follows.
    #[error("sitemaps nested too deep")]
    NestedTooDeep,
    /// A WordPress answer that is not one.
    #[error("not a WordPress posts answer ({0})")]
    BadWordPress(String),
    /// A WordPress answer with no posts.
    #[error("a WordPress answer without posts")]
    EmptyWordPress,
    /// A WordPress post without its id.
    #[error("a post without an id")]
    PostWithoutId,
    /// No headline anywhere on the page or in what pointed to it.
    #[error("no headline found")]
    NoHeadline,
    /// No date anywhere on the page or in what pointed to it.
    #[error("no publication date found")]
    NoDate,
    /// A date that no clock shows in the site's zone.
    #[error("the publication date is not a real time")]
    UnrealDate,
    /// The same article (the same address) met twice in one run.
    #[error("the same article as {0}, imported once")]
    SameArticle(String),
    /// What the model refused, naming the field.
    #[error("not a valid article: {0}")]
    Invalid(String),
}

/// Why a source's bytes could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// `--offline` was given and the source is on the web.
    #[error("not fetched: --offline")]
    Offline,
    /// The server answered with an error status.
    #[error("HTTP {0}")]
    Status(u16),
    /// Larger than the importer reads.
    #[error("over {} MiB", .0 / 1024 / 1024)]
    TooLarge(usize),
    /// A folder where a file was expected.
    #[error("a folder")]
    Folder,
    /// The disk or the network failed (the system's words, on one line).
    #[error("{0}")]
    Io(OneLine),
}

/// Why bytes are none of the kinds `import` reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KindError {
    /// An image, a PDF, an archive…
    #[error("not a text document ({0})")]
    Binary(&'static str),
    /// Nothing but whitespace.
    #[error("empty")]
    Empty,
    /// JSON of another kind.
    #[error("JSON that is neither a JSON Feed nor a WordPress posts answer")]
    OtherJson,
    /// XML of another kind, by its first element.
    #[error("an XML document that is not a feed or a sitemap (<{0}>)")]
    OtherXml(String),
    /// Text of another kind.
    #[error("not HTML, a feed, a sitemap or a WordPress answer")]
    Other,
}

/// An error message from outside (the system, a library) on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneLine(String);

impl OneLine {
    /// `message` with its whitespace runs (newlines too) as single spaces.
    pub fn new(message: &str) -> OneLine {
        OneLine(message.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

impl fmt::Display for OneLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<std::io::Error> for FetchError {
    fn from(error: std::io::Error) -> FetchError {
        FetchError::Io(OneLine::new(&error.to_string()))
    }
}
