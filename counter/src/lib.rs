//! The view counter: `news-widget counter` counts each reader of an article
//! once a day, keeps nothing that identifies the reader, and shows the
//! publisher its readers per article, partner and day.
//!
//! A view flows one way:
//! - [`http`]: the request (CORS, body cap, rate limit, crawlers dropped);
//! - [`reader`]: who read, as a keyed hash of the day's salt, IP, user agent
//!   and article, never stored raw;
//! - [`writer`]: one thread that commits the views queued meanwhile in one
//!   transaction (group commit), then answers each with the live count;
//! - [`store`]: SQLite (one machine) or PostgreSQL (several counter
//!   processes), where counts, the day's salts and readers, and the stats live.
//!
//! [`site`] says which articles are counted, and re-reads the site folder
//! when it changes; [`dashboard`] is the publisher's page.
#![deny(missing_docs)]

pub mod dashboard;
pub mod error;
pub mod http;
pub mod partner;
pub mod reader;
pub mod site;
pub mod store;
pub mod writer;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use self::error::{Error, Result};
use self::http::ClientIpSource;
use self::store::Database;

/// What `news-widget counter` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site folder whose articles are counted.
    pub site: PathBuf,
    /// Where counts are kept.
    pub db: Database,
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The publisher's token for the stats and the dashboard.
    pub token: http::Token,
    /// Where a reader's IP comes from.
    pub client_ip: ClientIpSource,
}

/// Runs the counter until SIGTERM or Ctrl-C, then writes what is queued and
/// stops. `ready` hears the address it listens on (port 0 picks one).
pub fn run(options: Options, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    // The stores' PostgreSQL clients run a runtime of their own: they are
    // made, and used, outside this one's threads.
    let site = Arc::new(site::Site::open(&options.site)?);
    let writer = writer::Writer::start(store::open(&options.db)?, Arc::clone(&site))?;
    let queries = Arc::new(Mutex::new(store::open(&options.db)?));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;
    runtime.block_on(async move {
        tokio::spawn(watch(Arc::clone(&site)));
        let checkpointer = tokio::spawn(checkpoints(Arc::clone(&queries), writer.handle()));
        let listener = tokio::net::TcpListener::bind(options.listen)
            .await
            .map_err(|e| Error::Listen(options.listen, e))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Listen(options.listen, e))?;
        let state = http::AppState::new(
            site,
            writer.handle(),
            queries,
            options.token,
            options.client_ip,
        );
        ready(addr);
        let served = http::serve(listener, state, shutdown()).await;
        // The writer stops once no handle is left, and the checkpoints hold one.
        checkpointer.abort();
        let _ = checkpointer.await;
        // Every answered view is committed already; this writes what was
        // queued by requests still running when the signal came.
        writer.stop()?;
        served
    })
}

/// Reads the site again whenever its articles change.
async fn watch(site: Arc<site::Site>) {
    let mut every = tokio::time::interval(writer::TICK);
    loop {
        every.tick().await;
        let again = Arc::clone(&site);
        if let Ok(Err(error)) = tokio::task::spawn_blocking(move || again.refresh()).await {
            eprintln!("counter: {error}");
        }
    }
}

/// Puts what the writer committed on disk, once a tick: answered views are
/// on disk within a second. The bulk of the copy and its fsync happen here,
/// off the writer's thread, which then copies the few frames left.
async fn checkpoints(queries: Arc<Mutex<Box<dyn store::Store>>>, writer: writer::Handle) {
    let mut every = tokio::time::interval(writer::TICK);
    loop {
        every.tick().await;
        let store = Arc::clone(&queries);
        let done = tokio::task::spawn_blocking(move || {
            store.lock().unwrap_or_else(|e| e.into_inner()).checkpoint()
        });
        if let Ok(Err(error)) = done.await {
            eprintln!("counter: checkpoint: {error}");
        }
        writer.checkpoint();
    }
}

/// Resolves on SIGTERM or Ctrl-C.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
