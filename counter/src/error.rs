//! Why the counter could not start or go on.

use std::net::SocketAddr;
use std::path::PathBuf;

/// The counter's errors.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The async runtime could not start.
    #[error("cannot start the runtime: {0}")]
    Runtime(std::io::Error),
    /// The address is taken or not ours.
    #[error("cannot listen on {0}: {1}")]
    Listen(SocketAddr, std::io::Error),
    /// The site folder has no readable `articles/`.
    #[error("{0}: {1}")]
    Site(PathBuf, std::io::Error),
    /// The token file is unreadable or empty.
    #[error("{0}: {1}")]
    Token(PathBuf, String),
    /// `--db` is neither a file path nor a `postgres://` URL that works.
    #[error("--db: {0}")]
    Database(String),
    /// SQLite refused.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL refused.
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    /// The writer thread is gone (it stopped or panicked).
    #[error("the writer has stopped")]
    WriterGone,
    /// The writer's queue is full: the store cannot keep up.
    #[error("busy: too many views waiting to be written")]
    Busy,
    /// Serving failed.
    #[error("serving: {0}")]
    Serve(std::io::Error),
}

/// The counter's `Result`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
