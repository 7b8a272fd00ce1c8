//! The publisher's side of news-widget, natively: a site's files checked
//! with the widget's own model ([`check`]), embed snippets pre-rendered with
//! the widget's own components ([`snippet`]), the pages for partners who
//! cannot paste a script ([`pages`]: share pages, frame pages, oEmbed), and a
//! whole site built into them ([`build`]). The `news-widget` command line (`src/main.rs`) is a
//! thin layer over this. The widget's WebAssembly build never compiles it.
#![deny(missing_docs)]
// Data from outside never meets a panic. `expect` is allowed where it names
// an invariant of the code itself (a pattern written in the source compiles).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)
)]

pub mod build;
pub mod check;
pub mod format;
pub mod import;
pub mod pages;
pub mod problem;
pub mod site;
pub mod snippet;

pub use problem::Problem;

/// Why a command stops: problems in the files (exit status 1), or a command
/// that cannot run (unreadable files, bad options: exit status 2).
#[derive(Debug)]
pub enum Failure {
    /// What is wrong with the files.
    Problems(Vec<Problem>),
    /// Why the command cannot run.
    Usage(String),
}

impl Failure {
    /// An I/O error on `path`.
    pub fn io(path: &std::path::Path, error: std::io::Error) -> Failure {
        Failure::Usage(format!("{}: {error}", path.display()))
    }
}

/// Where renders run: Yew's server-side rendering is async.
pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Failure::Usage(e.to_string()))
}
