//! The one writer: a thread that owns the store and commits, in one
//! transaction, every view queued since its last commit (group commit, as
//! databases do with their logs). Under light load a view is committed
//! alone at once; under heavy load batches grow, and so does throughput.
//! A view's reader is answered only after its commit, so every count a
//! reader was told is on disk, and `kill -9` loses no answered view.

use std::collections::HashMap;
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use news_widget::model::{ArticleId, Day};
use tokio::sync::oneshot;

use crate::error::{Error, Result};
use crate::reader::{self, Salt};
use crate::site::Site;
use crate::store::{Store, View};

/// The most views committed in one transaction.
pub const MAX_BATCH: usize = 4096;

/// For `make bench` only (bench/sections/counter.mjs): with
/// `NEWS_WIDGET_COUNTER_MAX_BATCH=1` each view is committed in a transaction
/// of its own, the naive baseline the bench compares group commit with.
/// Unset, as anywhere else: [`MAX_BATCH`].
const MAX_BATCH_VAR: &str = "NEWS_WIDGET_COUNTER_MAX_BATCH";

fn max_batch() -> usize {
    std::env::var(MAX_BATCH_VAR)
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(MAX_BATCH, |n| n.clamp(1, MAX_BATCH))
}

/// The most views waiting for the writer; past it, views are refused as
/// busy rather than queued without end.
pub const QUEUE: usize = 64 * 1024;

/// How often the writer reads the counts back (other processes' views, with
/// PostgreSQL) and deletes the salts and readers of days that are over.
pub const TICK: Duration = Duration::from_secs(1);

enum Job {
    View(View, oneshot::Sender<Result<u64>>),
    Salt(Day, oneshot::Sender<Result<Salt>>),
    /// Copy the log's last frames into the database (see [`Handle::checkpoint`]).
    Checkpoint,
}

/// What requests share with the writer.
#[derive(Clone)]
pub struct Handle {
    jobs: SyncSender<Job>,
    counts: Arc<RwLock<HashMap<ArticleId, u64>>>,
    salts: Arc<RwLock<HashMap<Day, Salt>>>,
}

impl Handle {
    /// Commits `view`; resolves to its article's count after it.
    pub async fn count(&self, view: View) -> Result<u64> {
        let (answer, answered) = oneshot::channel();
        self.send(Job::View(view, answer))?;
        answered.await.map_err(|_| Error::WriterGone)?
    }

    /// The salt of `day`, from memory, else from the store.
    pub async fn salt(&self, day: Day) -> Result<Salt> {
        if let Some(salt) = self
            .salts
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&day)
        {
            return Ok(*salt);
        }
        let (answer, answered) = oneshot::channel();
        self.send(Job::Salt(day, answer))?;
        answered.await.map_err(|_| Error::WriterGone)?
    }

    /// The live count of `article` as last committed or read back; `base`
    /// (its JSON's count) if no view of it was ever counted.
    pub fn current(&self, article: &ArticleId, base: u64) -> u64 {
        let counts = self.counts.read().unwrap_or_else(|e| e.into_inner());
        counts.get(article).copied().unwrap_or(base)
    }

    /// Asks the writer to finish a checkpoint between two commits, once
    /// another connection has copied the bulk of the log: that one never
    /// catches up with the frames the writer keeps adding, and SQLite starts
    /// its log afresh only once every frame is in, so without this last step
    /// the log grows for ever under steady load. Asked only after the other
    /// connection's checkpoint is done, as two at once get in each other's
    /// way (the log reached 532 MB in `make bench` when each ran on its own
    /// clock). Skipped when the queue is full: the next tick asks again.
    pub fn checkpoint(&self) {
        let _ = self.jobs.try_send(Job::Checkpoint);
    }

    fn send(&self, job: Job) -> Result<()> {
        self.jobs.try_send(job).map_err(|e| match e {
            TrySendError::Full(_) => Error::Busy,
            TrySendError::Disconnected(_) => Error::WriterGone,
        })
    }
}

/// The writer thread.
pub struct Writer {
    handle: Handle,
    thread: JoinHandle<()>,
}

impl Writer {
    /// Starts the thread that owns `store`; `site` says which zones' days
    /// are current.
    pub fn start(mut store: Box<dyn Store>, site: Arc<Site>) -> Result<Writer> {
        let counts = Arc::new(RwLock::new(store.counts()?.into_iter().collect()));
        let (jobs, queue) = mpsc::sync_channel(QUEUE);
        let handle = Handle {
            jobs,
            counts: Arc::clone(&counts),
            salts: Arc::default(),
        };
        let shared = handle.clone();
        let max_batch = max_batch();
        let thread = std::thread::Builder::new()
            .name("counter-writer".into())
            .spawn(move || {
                // The thread must not keep the queue open itself.
                let Handle {
                    jobs,
                    counts,
                    salts,
                } = shared;
                drop(jobs);
                run(store, &queue, &counts, &salts, &site, max_batch);
            })
            .map_err(Error::Runtime)?;
        Ok(Writer { handle, thread })
    }

    /// A handle for requests.
    pub fn handle(&self) -> Handle {
        self.handle.clone()
    }

    /// Waits until every handle is dropped and every queued view written.
    pub fn stop(self) -> Result<()> {
        drop(self.handle);
        self.thread.join().map_err(|_| Error::WriterGone)
    }
}

type Counts = RwLock<HashMap<ArticleId, u64>>;
type Salts = RwLock<HashMap<Day, Salt>>;

fn run(
    mut store: Box<dyn Store>,
    queue: &mpsc::Receiver<Job>,
    counts: &Counts,
    salts: &Salts,
    site: &Site,
    max_batch: usize,
) {
    let mut tick = Instant::now();
    loop {
        if tick.elapsed() >= TICK {
            housekeeping(store.as_mut(), counts, salts, site);
            tick = Instant::now();
        }
        let first = match queue.recv_timeout(TICK.saturating_sub(tick.elapsed())) {
            Ok(job) => job,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        let mut views = Vec::new();
        let mut answers = Vec::new();
        let mut job = Some(first);
        while let Some(next) = job.take() {
            match next {
                Job::View(view, answer) => {
                    views.push(view);
                    answers.push(answer);
                }
                Job::Salt(day, answer) => {
                    let salt = store.salt(day);
                    if let Ok(salt) = &salt {
                        salts
                            .write()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(day, *salt);
                    }
                    let _ = answer.send(salt);
                }
                Job::Checkpoint => {
                    if let Err(error) = store.checkpoint() {
                        eprintln!("counter: checkpoint: {error}");
                    }
                }
            }
            if views.len() < max_batch {
                job = queue.try_recv().ok();
            }
        }
        if views.is_empty() {
            continue;
        }
        match store.apply(&views) {
            Ok(committed) => {
                let mut counts = counts.write().unwrap_or_else(|e| e.into_inner());
                counts.extend(committed);
                for (view, answer) in views.iter().zip(answers) {
                    let _ =
                        answer.send(Ok(counts.get(&view.article).copied().unwrap_or(view.base)));
                }
            }
            Err(error) => {
                eprintln!("counter: {error}; {} views not counted", views.len());
                for answer in answers {
                    let _ = answer.send(Err(Error::Database(error.to_string())));
                }
            }
        }
    }
}

/// Once a tick: the counts as the store has them (other processes count
/// too), and the salts and readers of days that are over forgotten.
fn housekeeping(store: &mut dyn Store, counts: &Counts, salts: &Salts, site: &Site) {
    match store.counts() {
        Ok(read) => counts
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .extend(read),
        Err(error) => eprintln!("counter: reading the counts: {error}"),
    }
    let Some(first) = site.zones().iter().map(reader::today).min() else {
        return;
    };
    salts
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|day, _| *day >= first);
    if let Err(error) = store.forget_before(first) {
        eprintln!("counter: forgetting past days: {error}");
    }
}
