//! The one fetch path: every document the widget shows comes through here.
//!
//! It resolves and checks URLs, applies a timeout and a size limit, maps HTTP
//! and network failures to [`Error`], parses, and keeps what it loaded in an
//! in-memory cache so an article seen once opens again without a request.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::{select, Either};
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use web_sys::AbortSignal;

use crate::error::{Error, Result};
use crate::model::{parse_article, Article, SafeUrl, MAX_DOCUMENT_BYTES};

/// How long to wait for a document before giving up, in seconds.
pub const TIMEOUT_SECONDS: u32 = 10;

thread_local! {
    static ARTICLES: RefCell<HashMap<String, Rc<Article>>> = Default::default();
}

/// Resolves `url` against `base` with the browser's URL parser, keeping it only
/// if the result is still a safe (`http:`/`https:`) URL.
pub fn resolve(url: &str, base: &str) -> Option<String> {
    let absolute = web_sys::Url::new_with_base(url, base).ok()?.href();
    SafeUrl::try_from(absolute.clone()).ok().map(|_| absolute)
}

/// The article at `url`, from the cache when it was loaded before.
///
/// `url` must be absolute. The request is cancelled when `signal` aborts.
pub async fn article(url: &str, signal: &AbortSignal) -> Result<Rc<Article>> {
    if let Some(article) = ARTICLES.with_borrow(|cache| cache.get(url).cloned()) {
        return Ok(article);
    }
    let (bytes, base) = fetch(url, signal).await?;
    let mut article = parse_article(&bytes)?;
    article.resolve_urls(&|relative| resolve(relative, &base));
    let article = Rc::new(article);
    ARTICLES.with_borrow_mut(|cache| cache.insert(url.to_owned(), Rc::clone(&article)));
    Ok(article)
}

/// Fetches `url` within the timeout; returns the body and the final URL
/// (after redirects), against which relative URLs in the body resolve.
async fn fetch(url: &str, signal: &AbortSignal) -> Result<(Vec<u8>, String)> {
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

async fn fetch_unlimited(url: &str, signal: &AbortSignal) -> Result<(Vec<u8>, String)> {
    let network = |e: gloo_net::Error| Error::Network {
        url: url.to_owned(),
        reason: e.to_string(),
    };
    let response = Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(network)?;
    match response.status() {
        404 | 410 => {
            return Err(Error::NotFound {
                url: url.to_owned(),
                status: response.status(),
            })
        }
        _ if !response.ok() => {
            return Err(Error::Http {
                url: url.to_owned(),
                status: response.status(),
            })
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
