//! The one fetch path: every document the widget shows comes through here.
//!
//! It applies a timeout and a size limit, maps HTTP and network failures to
//! [`Error`], parses, resolves the document's relative URLs, and keeps the
//! articles it loaded in an in-memory cache, so an article seen once, or
//! prefetched, opens without a request.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::{select, Either, FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use web_sys::AbortSignal;

use crate::error::{Error, Result};
use crate::model::{Article, Document, SafeUrl, MAX_DOCUMENT_BYTES};

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

thread_local! {
    static ARTICLES: RefCell<HashMap<String, Cached>> = Default::default();
}

/// Resolves `url` against `base` with the browser's URL parser, keeping it only
/// if the result is still a safe (`http:`/`https:`) URL.
pub fn resolve(url: &str, base: &str) -> Option<String> {
    let absolute = web_sys::Url::new_with_base(url, base).ok()?.href();
    SafeUrl::try_from(absolute.clone()).ok().map(|_| absolute)
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

/// Starts loading the article at `url` into the cache, if it is not there yet
/// (a reader hovering a link is likely to click it).
pub fn prefetch(url: &str) {
    if ARTICLES.with_borrow(|cache| cache.contains_key(url)) {
        return;
    }
    let owned = url.to_owned();
    let pending = async move { load::<Article>(&owned, None).await.map(Rc::new) }
        .boxed_local()
        .shared();
    remember(url, Cached::Pending(pending.clone()));
    let url = url.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        match pending.await {
            Ok(article) => remember(&url, Cached::Ready(article)),
            // A failed prefetch is forgotten; the click will try again and show why.
            Err(_) => ARTICLES.with_borrow_mut(|cache| {
                cache.remove(&url);
            }),
        }
    });
}

fn remember(url: &str, entry: Cached) {
    ARTICLES.with_borrow_mut(|cache| cache.insert(url.to_owned(), entry));
}

/// Fetches and parses the document at the absolute `url`, resolving its
/// relative URLs against the URL it was finally served from.
pub async fn load<T: Document>(url: &str, signal: Option<&AbortSignal>) -> Result<T> {
    let (bytes, base) = fetch(url, signal).await?;
    let mut document = T::parse(&bytes)?;
    document.resolve_urls(&|relative| resolve(relative, &base));
    Ok(document)
}

/// Fetches `url`, trying again after server errors; returns the body and the final URL.
async fn fetch(url: &str, signal: Option<&AbortSignal>) -> Result<(Vec<u8>, String)> {
    let mut backoff = BACKOFF_MS.iter();
    loop {
        let result = fetch_once(url, signal).await;
        let server_error = matches!(
            result,
            Err(Error::Http {
                status: 500..=599,
                ..
            })
        );
        let aborted = signal.is_some_and(AbortSignal::aborted);
        match backoff.next().filter(|_| server_error && !aborted) {
            Some(&ms) => TimeoutFuture::new(ms).await,
            None => return result,
        }
    }
}

/// One try at `url`, within the timeout.
async fn fetch_once(url: &str, signal: Option<&AbortSignal>) -> Result<(Vec<u8>, String)> {
    let request = Box::pin(fetch_unlimited(url, signal));
    let timeout = TimeoutFuture::new(TIMEOUT_SECONDS * 1000);
    match select(request, timeout).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => Err(Error::Timeout {
            url: url.to_owned(),
            seconds: TIMEOUT_SECONDS,
        }),
    }
}

async fn fetch_unlimited(url: &str, signal: Option<&AbortSignal>) -> Result<(Vec<u8>, String)> {
    let network = |e: gloo_net::Error| Error::Network {
        url: url.to_owned(),
        reason: e.to_string(),
    };
    let response = Request::get(url)
        .abort_signal(signal)
        .send()
        .await
        .map_err(network)?;
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
    let body = response.binary().await.map_err(network)?;
    let base = Some(response.url())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| url.to_owned());
    Ok((body, base))
}
