//! The counter's load generator, run by `make bench` (bench/sections/counter.mjs):
//! `POST /views/<id>` at a fixed rate against a counter on 127.0.0.1, then
//! one line of JSON with the rate achieved, the answers and the latencies.
//!
//! ```text
//! cargo run --release -p news-widget-counter --example load -- \
//!     --port PORT --site SITE [--rate 10000] [--views 50000] [--connections 512]
//!     [--readers 100000] [--repeat 0.2] [--seed 1] [--threads 1]
//! ```
//!
//! - **Open loop.** View `i` is due at `start + i / rate`, whatever happened
//!   to the views before it, and its latency runs from that due time to its
//!   answer. A server that falls behind makes the views queue on the client,
//!   and that wait is in the latencies: a closed loop (send, wait, send) would
//!   slow down with the server and hide it (coordinated omission).
//! - **Keep-alive connections**, as a load balancer in front keeps them: each
//!   is opened before the clock starts and takes the next due view when free.
//!   If all are busy, views wait (and their latencies show it). There are
//!   many (512 by default) because the views in flight bound the writer's
//!   batch: with 128, a commit of 12 ms (a slow fsync) caps the server at
//!   about 10,000 views/s whatever it could do, where a real load balancer
//!   would open more connections.
//! - **Readers as a load balancer shows them**: the counter runs with
//!   `--client-ip-header X-Forwarded-For`, and each reader has an address of
//!   its own in that header and a browser's user agent of its own. A view is
//!   a reader (uniform) reading an article (Zipf: a few articles get most
//!   views), on one of 20 partners (`Origin`). A share `--repeat` of views
//!   are reloads: the same reader and article as a recent view, so they add
//!   a view but not a reader.
//! - Timers are tokio's (1 ms ticks): a view may go up to 1 ms after it is
//!   due, and that is in its latency too.
//!
//! Only for 127.0.0.1: it is a benchmark's client, not a tool to aim elsewhere.

use std::collections::{BTreeMap, HashSet};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;

/// Partners the views come from (their pages' origins).
const PARTNERS: usize = 20;
/// A reload repeats one of this many last views.
const RECENT: usize = 10_000;

struct Args {
    port: u16,
    site: PathBuf,
    rate: f64,
    views: usize,
    connections: usize,
    readers: usize,
    repeat: f64,
    seed: u64,
    threads: usize,
}

fn args() -> Result<Args, String> {
    let mut args = Args {
        port: 0,
        site: PathBuf::new(),
        rate: 10_000.0,
        views: 50_000,
        connections: 512,
        readers: 100_000,
        repeat: 0.2,
        seed: 1,
        threads: 1,
    };
    let mut given = std::env::args().skip(1);
    while let Some(name) = given.next() {
        let value = given
            .next()
            .ok_or_else(|| format!("{name} needs a value"))?;
        let bad = |e: &dyn std::fmt::Display| format!("{name} {value}: {e}");
        match name.as_str() {
            "--port" => args.port = value.parse().map_err(|e| bad(&e))?,
            "--site" => args.site = value.into(),
            "--rate" => args.rate = value.parse().map_err(|e| bad(&e))?,
            "--views" => args.views = value.parse().map_err(|e| bad(&e))?,
            "--connections" => args.connections = value.parse().map_err(|e| bad(&e))?,
            "--readers" => args.readers = value.parse().map_err(|e| bad(&e))?,
            "--repeat" => args.repeat = value.parse().map_err(|e| bad(&e))?,
            "--seed" => args.seed = value.parse().map_err(|e| bad(&e))?,
            "--threads" => args.threads = value.parse().map_err(|e| bad(&e))?,
            _ => return Err(format!("unknown option {name}")),
        }
    }
    if args.port == 0 || args.site.as_os_str().is_empty() {
        return Err("--port and --site are needed".into());
    }
    if args.rate <= 0.0
        || args.views == 0
        || args.connections == 0
        || args.readers == 0
        || args.threads == 0
    {
        return Err(
            "--rate, --views, --connections, --readers and --threads must be above 0".into(),
        );
    }
    // 10.0.0.0/8 holds 2^24 readers' addresses.
    if args.readers > 1 << 24 {
        return Err("--readers: at most 16777216".into());
    }
    Ok(args)
}

/// A small fixed-seed generator (SplitMix64): the same seed, the same views.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// In [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// In [0, n).
    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }
}

/// One view: which reader reads which article (indexes).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct View {
    reader: u32,
    article: u32,
}

/// Every view of the run, drawn before the clock starts, so the timed loop
/// only sends.
fn plan(args: &Args, articles: usize) -> Vec<View> {
    let mut random = Random(args.seed);
    // Zipf (s = 1): the k-th most read article gets 1/k of the first's views.
    let mut cumulative = Vec::with_capacity(articles);
    let mut total = 0.0;
    for k in 1..=articles {
        total += 1.0 / k as f64;
        cumulative.push(total);
    }
    let mut views: Vec<View> = Vec::with_capacity(args.views);
    for i in 0..args.views {
        let view = if i > 0 && random.unit() < args.repeat {
            views[i - 1 - random.below(i.min(RECENT))]
        } else {
            let pick = random.unit() * total;
            View {
                reader: random.below(args.readers) as u32,
                article: cumulative.partition_point(|&c| c <= pick).min(articles - 1) as u32,
            }
        };
        views.push(view);
    }
    views
}

/// The ids of the site's articles: the names of its `articles/*.json`.
fn article_ids(site: &std::path::Path) -> Result<Vec<String>, String> {
    let dir = site.join("articles");
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "json").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    if ids.is_empty() {
        return Err(format!("{}: no articles", dir.display()));
    }
    // A fixed order, so a seed draws the same articles on every machine.
    ids.sort();
    Ok(ids)
}

/// The reader's address: 10.x.y.z, one per reader.
fn address(reader: u32) -> Ipv4Addr {
    Ipv4Addr::from(0x0a00_0000 | reader)
}

/// The reader's browser, with version numbers of its own (three common
/// families), so no two readers share a user agent.
fn user_agent(reader: u32) -> String {
    let (major, build, patch) = (120 + reader % 12, reader / 100 % 7000, reader % 100);
    match reader % 3 {
        0 => format!(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.{build}.{patch} Safari/537.36"
        ),
        1 => format!(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_{patch} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{build} Mobile/15E148 Safari/604.1"
        ),
        _ => format!("Mozilla/5.0 (Android 14; Mobile; rv:{major}.{build}) Gecko/{major}.{build} Firefox/{major}.{patch}"),
    }
}

/// What the connections share: the views, the next one to send, the clock.
struct Run {
    port: u16,
    views: Vec<View>,
    ids: Vec<String>,
    next: AtomicUsize,
    start: Instant,
    /// Nanoseconds between two due times.
    every: f64,
}

impl Run {
    fn request(&self, view: View) -> Request<Empty<Bytes>> {
        let partner = (view.reader as usize + view.article as usize) % PARTNERS;
        Request::builder()
            .method(Method::POST)
            .uri(format!("/views/{}", self.ids[view.article as usize]))
            .header("host", format!("127.0.0.1:{}", self.port))
            .header("x-forwarded-for", address(view.reader).to_string())
            .header("user-agent", user_agent(view.reader))
            .header("origin", format!("https://partner{partner}.example"))
            .header("content-type", "text/plain;charset=UTF-8")
            .body(Empty::new())
            .expect("a well-formed request")
    }
}

/// One connection's results.
#[derive(Default)]
struct Tally {
    /// Each answered view's latency, µs.
    latencies: Vec<u32>,
    /// Answers by status, and "io" for a connection lost.
    statuses: BTreeMap<String, usize>,
    /// When its last answer came.
    last: Option<Instant>,
}

async fn connect(port: u16) -> std::io::Result<SendRequest<Empty<Bytes>>> {
    let stream = tokio::net::TcpStream::connect(SocketAddr::from(([127, 0, 0, 1], port))).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream))
        .await
        .map_err(std::io::Error::other)?;
    tokio::spawn(connection);
    Ok(sender)
}

/// Sends due views over one connection until none is left.
async fn connection(run: Arc<Run>, mut sender: Option<SendRequest<Empty<Bytes>>>) -> Tally {
    let mut tally = Tally::default();
    loop {
        let i = run.next.fetch_add(1, Ordering::Relaxed);
        let Some(&view) = run.views.get(i) else {
            return tally;
        };
        let due = run.start + Duration::from_nanos((i as f64 * run.every) as u64);
        tokio::time::sleep_until(due.into()).await;
        let status = async {
            // A connection the server closed is opened again, and that time
            // is in the view's latency.
            if let Some(open) = sender.as_mut() {
                if open.ready().await.is_err() {
                    sender = None;
                }
            }
            if sender.is_none() {
                sender = Some(connect(run.port).await?);
            }
            let open = sender.as_mut().expect("a connection, opened above");
            let answer = open
                .send_request(run.request(view))
                .await
                .map_err(std::io::Error::other)?;
            let status = answer.status();
            answer
                .into_body()
                .collect()
                .await
                .map_err(std::io::Error::other)?;
            Ok::<_, std::io::Error>(status)
        }
        .await;
        let now = Instant::now();
        let key = match status {
            Ok(status) => {
                tally
                    .latencies
                    .push(now.duration_since(due).as_micros().min(u32::MAX as u128) as u32);
                status.as_u16().to_string()
            }
            Err(_) => {
                sender = None;
                "io".to_owned()
            }
        };
        *tally.statuses.entry(key).or_default() += 1;
        tally.last = Some(now);
    }
}

/// This process's CPU time so far, s (user + system, from /proc: Linux's
/// clock ticks there are 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    f64::from(sorted[at]) / 1000.0
}

fn main() {
    let args = match args() {
        Ok(args) => args,
        Err(error) => {
            eprintln!("load: {error}");
            std::process::exit(2);
        }
    };
    let ids = match article_ids(&args.site) {
        Ok(ids) => ids,
        Err(error) => {
            eprintln!("load: {error}");
            std::process::exit(2);
        }
    };
    let views = plan(&args, ids.len());
    let readers = views.iter().copied().collect::<HashSet<View>>().len();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.threads)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let cpu_before = cpu_seconds();
    let (tallies, start) = runtime.block_on(async {
        // Every connection is open before the clock starts.
        let mut senders = Vec::with_capacity(args.connections);
        for _ in 0..args.connections {
            match connect(args.port).await {
                Ok(sender) => senders.push(sender),
                Err(error) => {
                    eprintln!("load: connecting to 127.0.0.1:{}: {error}", args.port);
                    std::process::exit(1);
                }
            }
        }
        let run = Arc::new(Run {
            port: args.port,
            views,
            ids,
            next: AtomicUsize::new(0),
            start: Instant::now() + Duration::from_millis(20),
            every: 1e9 / args.rate,
        });
        let tasks: Vec<_> = senders
            .into_iter()
            .map(|sender| tokio::spawn(connection(Arc::clone(&run), Some(sender))))
            .collect();
        let mut tallies = Vec::with_capacity(tasks.len());
        for task in tasks {
            tallies.push(task.await.expect("a connection's task"));
        }
        (tallies, run.start)
    });
    let cpu = cpu_before
        .zip(cpu_seconds())
        .map(|(before, after)| after - before);

    let mut latencies: Vec<u32> = tallies
        .iter()
        .flat_map(|t| t.latencies.iter().copied())
        .collect();
    latencies.sort_unstable();
    let mut statuses = BTreeMap::<String, usize>::new();
    for tally in &tallies {
        for (status, n) in &tally.statuses {
            *statuses.entry(status.clone()).or_default() += n;
        }
    }
    let ok = statuses.get("200").copied().unwrap_or(0);
    let sent: usize = statuses.values().sum();
    let errors: BTreeMap<&String, &usize> = statuses.iter().filter(|(s, _)| *s != "200").collect();
    let last = tallies.iter().filter_map(|t| t.last).max().unwrap_or(start);
    let elapsed = last.saturating_duration_since(start).as_secs_f64();
    let report = serde_json::json!({
        "targetRate": args.rate,
        // Views answered 200 per second, from the first due time to the last answer.
        "achievedRate": if elapsed > 0.0 { ok as f64 / elapsed } else { 0.0 },
        "views": args.views,
        "sent": sent,
        "answered": ok,
        "errors": errors,
        // Distinct (reader, article) pairs: the views that count, once a day.
        "readers": readers,
        "connections": args.connections,
        "seconds": elapsed,
        "p50Ms": percentile(&latencies, 0.50),
        "p90Ms": percentile(&latencies, 0.90),
        "p99Ms": percentile(&latencies, 0.99),
        "maxMs": latencies.last().map_or(f64::NAN, |&us| f64::from(us) / 1000.0),
        "clientCpuSeconds": cpu,
    });
    println!("{report}");
}
