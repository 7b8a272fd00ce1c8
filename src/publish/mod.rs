//! The publisher's side, natively: a site's files checked with the widget's
//! own model ([`check`]), and embed snippets pre-rendered with the widget's
//! own components ([`snippet`]). The `news-widget` command line
//! (`src/bin/news-widget.rs`) is a thin layer over this.

pub mod check;
pub mod snippet;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Something wrong with one file of a site.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file, as it was named to the tool.
    pub file: PathBuf,
    /// The JSON path of the field at fault (`body[1].video.poster`); empty
    /// for the document as a whole.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// The problem `error` found in `file`, at the field's JSON path.
    pub fn from_error(file: &Path, error: Error) -> Problem {
        match error {
            Error::Invalid { path, reason } => Problem::new(file, path, reason),
            other => Problem::new(file, "", other.to_string()),
        }
    }

    /// A problem with `file` at the JSON `path` (empty for the whole file).
    pub fn new(file: &Path, path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_owned(),
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.as_str() {
            "" => write!(f, "{}: {}", self.file.display(), self.message),
            path => write!(f, "{}: {path}: {}", self.file.display(), self.message),
        }
    }
}
