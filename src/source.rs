//! The one fetch path: every document the widget shows comes through here.
//!
//! It applies a timeout and a size limit, maps HTTP and network failures to
//! [`Error`], parses, resolves the document's relative URLs, and keeps the
//! articles it loaded in an in-memory cache, so an article seen once, or
//! prefetched, opens without a request.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use futures::future::{select, Either, FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Request, Response};
use gloo_timers::future::TimeoutFuture;
use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use crate::error::{Error, Result};
use crate::marks::Part;
use crate::model::{Article, Document, MAX_DOCUMENT_BYTES};

/// How long to wait for a document before giving up, in seconds (per try).
pub const TIMEOUT_SECONDS: u32 = 10;

/// Waits before trying again after a server error (5xx), in milliseconds: a
/// busy server gets time to recover, and the reader gets the article without
/// pressing retry. After the last, the error is shown with a retry button.
pub const BACKOFF_MS: [u32; 2] = [500, 1500];

/// A cached article, or the prefetch that will deliver it.
#[derive(Clone)]
enum Cached {
    Ready(Rc<Article>),
    Pending(Shared<LocalBoxFuture<'static, Result<Rc<Article>>>>),
}

/// The articles loaded or loading, by absolute URL. A list rather than a
/// map: a reader sees tens of articles at most, and a map costs the module
/// more bytes than the lookups cost time.
#[derive(Default)]
struct Cache(Vec<(String, Cached)>);

impl Cache {
    fn get(&self, url: &str) -> Option<&Cached> {
        self.0
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, entry)| entry)
    }

    fn insert(&mut self, url: &str, entry: Cached) {
        self.remove(url);
        self.0.push((url.to_owned(), entry));
    }

    fn remove(&mut self, url: &str) {
        self.0.retain(|(u, _)| u != url);
    }
}

thread_local! {
    static ARTICLES: RefCell<Cache> = Default::default();
}

/// The article at the absolute `url`: from the cache, from a prefetch under
/// way, or fetched now (and cancelled when `signal` aborts).
pub async fn article(url: &str, signal: &AbortSignal) -> Result<Rc<Article>> {
    match ARTICLES.with_borrow(|cache| cache.get(url).cloned()) {
        Some(Cached::Ready(article)) => Ok(article),
        Some(Cached::Pending(prefetch)) => prefetch.await,
        None => {
            let article = Rc::new(load::<Article>(url, Some(signal)).await?);
            remember(url, Cached::Ready(Rc::clone(&article)));
            Ok(article)
        }
    }
}

/// The article at the absolute `url` if the cache holds it already.
pub fn loaded(url: &str) -> Option<Rc<Article>> {
    match ARTICLES.with_borrow(|cache| cache.get(url).cloned()) {
        Some(Cached::Ready(article)) => Some(article),
        _ => None,
    }
}

/// Starts loading the article at `url` into the cache, if it is not there yet
/// (a reader hovering a link is likely to click it).
pub fn prefetch(url: &str) {
    let owned = url.to_owned();
    pend(url, async move { load::<Article>(&owned, None).await });
}

/// Takes over the request for the article at `url` that the loader started
/// while this module was still downloading, so the two downloads overlap. It
/// counts as the first try: same timeout, checks and retries as any other.
/// If the loader already has the answer (`arrived`: the response and its
/// body), a good one is parsed now, so the widget's first render can show
/// the article instead of a skeleton.
pub fn adopt(url: &str, response: Promise, arrived: Option<(web_sys::Response, Vec<u8>)>) {
    // A request still pending is the one before, of an element the page
    // moved: the loader aborted it, so this one replaces it.
    ARTICLES.with_borrow_mut(|cache| {
        if let Some(Cached::Pending(_)) = cache.get(url) {
            cache.remove(url);
        }
    });
    let parsed = arrived.and_then(|(response, bytes)| {
        let base = check(url, &response.into()).ok()?;
        document::<Article>(&bytes, &base).ok()
    });
    if let Some(article) = parsed {
        return remember(url, Cached::Ready(Rc::new(article)));
    }
    // Otherwise the request's own way, which also reports what is wrong.
    let owned = url.to_owned();
    pend(url, async move {
        let first = within_timeout(&owned, async {
            let failed = |_| Error::Network {
                url: owned.clone(),
                reason: "the request failed".into(),
            };
            let response = JsFuture::from(response).await.map_err(failed)?;
            let response = response.dyn_into::<web_sys::Response>().map_err(failed)?;
            read(&owned, response.into()).await
        });
        let (bytes, base) = retrying(&owned, None, first).await?;
        document(&bytes, &base)
    });
}

/// Caches the article that `loading` will deliver, if `url` is not cached yet:
/// it is `Pending` until then, and forgotten if it fails (the click will try
/// again and show why).
fn pend(url: &str, loading: impl Future<Output = Result<Article>> + 'static) {
    if ARTICLES.with_borrow(|cache| cache.get(url).is_some()) {
        return;
    }
    let pending = loading
        .map(|result| result.map(Rc::new))
        .boxed_local()
        .shared();
    remember(url, Cached::Pending(pending.clone()));
    let url = url.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        match pending.clone().await {
            Ok(article) => remember(&url, Cached::Ready(article)),
            Err(_) => ARTICLES.with_borrow_mut(|cache| {
                // Unless a newer request took its place.
                if let Some(Cached::Pending(current)) = cache.get(&url) {
                    if current.ptr_eq(&pending) {
                        cache.remove(&url);
                    }
                }
            }),
        }
    });
}

fn remember(url: &str, entry: Cached) {
    ARTICLES.with_borrow_mut(|cache| cache.insert(url, entry));
}

/// Fetches and parses the document at the absolute `url`, resolving its
/// relative URLs against the URL it was finally served from.
pub async fn load<T: Document>(url: &str, signal: Option<&AbortSignal>) -> Result<T> {
    let (bytes, base) = fetch(url, signal).await?;
    document(&bytes, &base)
}

/// Parses a fetched document and resolves its relative URLs against `base`.
fn document<T: Document>(bytes: &[u8], base: &str) -> Result<T> {
    Part::Parse.timed(|| {
        let mut document = T::parse(bytes)?;
        document.resolve_urls(base);
        Ok(document)
    })
}

/// Fetches `url`, trying again after server errors; returns the body and the final URL.
async fn fetch(url: &str, signal: Option<&AbortSignal>) -> Result<(Vec<u8>, String)> {
    retrying(url, signal, fetch_once(url, signal)).await
}

/// The outcome of the `first` try at `url`, or after a server error (5xx) of
/// the tries that follow it, one after each of the [`BACKOFF_MS`].
async fn retrying(
    url: &str,
    signal: Option<&AbortSignal>,
    first: impl Future<Output = Result<(Vec<u8>, String)>>,
) -> Result<(Vec<u8>, String)> {
    let mut result = first.await;
    for &ms in &BACKOFF_MS {
        let server_error = matches!(
            result,
            Err(Error::Http {
                status: 500..=599,
                ..
            })
        );
        if !server_error || signal.is_some_and(AbortSignal::aborted) {
            break;
        }
        TimeoutFuture::new(ms).await;
        result = fetch_once(url, signal).await;
    }
    result
}

/// One try at `url`, within the timeout.
async fn fetch_once(url: &str, signal: Option<&AbortSignal>) -> Result<(Vec<u8>, String)> {
    within_timeout(url, async {
        let response = Request::get(url)
            .abort_signal(signal)
            .send()
            .await
            .map_err(|e| network(url, e))?;
        read(url, response).await
    })
    .await
}

/// `request` for `url`, or a timeout error after [`TIMEOUT_SECONDS`].
async fn within_timeout<T>(url: &str, request: impl Future<Output = Result<T>>) -> Result<T> {
    let timeout = TimeoutFuture::new(TIMEOUT_SECONDS * 1000);
    match select(Box::pin(request), timeout).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => Err(Error::Timeout {
            url: url.to_owned(),
            seconds: TIMEOUT_SECONDS,
        }),
    }
}

fn network(url: &str, e: gloo_net::Error) -> Error {
    Error::Network {
        url: url.to_owned(),
        reason: e.to_string(),
    }
}

/// Checks the response to a request for `url` (status, size, type) and reads
/// its body; returns the body and the URL it was finally served from.
async fn read(url: &str, response: Response) -> Result<(Vec<u8>, String)> {
    let base = check(url, &response)?;
    let body = response.binary().await.map_err(|e| network(url, e))?;
    Ok((body, base))
}

/// Checks the response to a request for `url` (status, size, type) before
/// its body is read; returns the URL it was finally served from.
fn check(url: &str, response: &Response) -> Result<String> {
    match response.status() {
        404 | 410 => {
            return Err(Error::NotFound {
                url: url.to_owned(),
                status: response.status(),
            });
        }
        _ if !response.ok() => {
            return Err(Error::Http {
                url: url.to_owned(),
                status: response.status(),
            });
        }
        _ => {}
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|n| n.parse().ok());
    if let Some(bytes) = declared.filter(|&n: &usize| n > MAX_DOCUMENT_BYTES) {
        return Err(Error::TooLarge {
            bytes,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let media_type = response.headers().get("content-type").unwrap_or_default();
    if media_type.contains("html") {
        // A portal's error page served with 200 is the usual cause.
        return Err(Error::Invalid {
            path: String::new(),
            reason: format!("served as `{media_type}`, not JSON"),
        });
    }
    Ok(Some(response.url())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| url.to_owned()))
}
