//! The counter's HTTP side: the view endpoints partners' pages call, and the
//! publisher's stats and dashboard behind a token.
//!
//! - `POST /views/<id>`: counts a view, answers `{"viewCount": N}`;
//! - `GET /views/<id>`: the same without counting;
//! - `GET /stats.json`, `/stats.csv`, `/articles.json`: with `Authorization:
//!   Bearer <token>`; `GET /`: the dashboard.
//!
//! Both view endpoints answer any origin (`Access-Control-Allow-Origin: *`)
//! and set no cookie. A widget sends a simple request (a `text/plain` body),
//! so browsers send no preflight.

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use news_widget::model::{ArticleId, Label};
use subtle::ConstantTimeEq;
use tower::ServiceExt;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};
use tower_http::cors::{Any, CorsLayer};
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

use crate::dashboard;
use crate::error::{Error, Result};
use crate::partner::{Partner, ViewBody};
use crate::reader::{self, ReaderKey};
use crate::site::{Counted, Site};
use crate::store::{StatsQuery, StatsRow, Store, View};
use crate::writer::Handle;

/// The largest view body: a widget sends its partner's origin, if anything.
pub const MAX_BODY: usize = 1024;

/// How long a client has to send its request's headers, and then its body.
pub const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Requests one address may make in a burst, and how fast it refills: a
/// partner page with several widgets asks twice for each at once, then
/// little (GoatCounter allows 4 a second).
pub const RATE_BURST: u32 = 40;
/// One request more every this long, per address.
pub const RATE_REFILL: Duration = Duration::from_millis(100);

/// The publisher's secret for the stats and the dashboard.
#[derive(Clone)]
pub struct Token(Arc<str>);

impl Token {
    /// The token in `file` (surrounding whitespace trimmed); at least 16
    /// characters, so it cannot be guessed by trying.
    pub fn read(file: &Path) -> Result<Token> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Error::Token(file.to_owned(), e.to_string()))?;
        let token = text.trim();
        if token.len() < 16 {
            return Err(Error::Token(
                file.to_owned(),
                "the token must be at least 16 characters".into(),
            ));
        }
        Ok(Token(token.into()))
    }

    /// Whether `headers` carry this token as a bearer token; compared in
    /// constant time, so the answer's timing does not tell how much was right.
    fn admits(&self, headers: &HeaderMap) -> bool {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        bool::from(given.as_bytes().ct_eq(self.0.as_bytes()))
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}

/// Where a reader's IP address comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientIpSource {
    /// The connection's peer: the counter faces readers directly.
    Peer,
    /// A header a proxy in front sets (`X-Forwarded-For`: its last address,
    /// the one the proxy itself added). Only behind a proxy that sets it:
    /// otherwise readers could choose their own address.
    Header(HeaderName),
}

impl ClientIpSource {
    /// The reader's address for a request from `peer` with `headers`: the
    /// proxy's header when it is there, else the peer (a request that did
    /// not come through the proxy).
    fn ip(&self, headers: &HeaderMap, peer: Option<SocketAddr>) -> Option<IpAddr> {
        let forwarded = match self {
            ClientIpSource::Peer => None,
            ClientIpSource::Header(name) => headers
                .get_all(name)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .next_back()
                .and_then(|ip| ip.trim().parse().ok()),
        };
        forwarded.or(peer.map(|p| p.ip()))
    }
}

/// The rate limiter's key: the reader's address, as the counter sees it.
#[derive(Clone)]
struct ClientIpKey(Arc<ClientIpSource>);

impl KeyExtractor for ClientIpKey {
    type Key = IpAddr;

    fn extract<T>(&self, req: &axum::http::Request<T>) -> Result<IpAddr, GovernorError> {
        let peer = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0);
        self.0
            .ip(req.headers(), peer)
            .ok_or(GovernorError::UnableToExtractKey)
    }
}

/// What every request's handler shares.
#[derive(Clone)]
pub struct AppState {
    site: Arc<Site>,
    writer: Handle,
    queries: Arc<Mutex<Box<dyn Store>>>,
    token: Token,
    client_ip: Arc<ClientIpSource>,
    bots: Arc<isbot::Bots>,
}

impl AppState {
    /// The state of a counter of `site`, writing through `writer`, reading
    /// stats through `queries`.
    pub fn new(
        site: Arc<Site>,
        writer: Handle,
        queries: Arc<Mutex<Box<dyn Store>>>,
        token: Token,
        client_ip: ClientIpSource,
    ) -> AppState {
        AppState {
            site,
            writer,
            queries,
            token,
            client_ip: Arc::new(client_ip),
            bots: Arc::new(isbot::Bots::default()),
        }
    }
}

/// The counter's routes and layers.
pub fn router(state: AppState) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST])
        .max_age(Duration::from_secs(86400));
    let views = Router::new()
        .route("/views/{id}", get(current).post(count))
        .layer(cors)
        .layer(DefaultBodyLimit::max(MAX_BODY));
    let publisher = Router::new()
        .route("/stats.json", get(stats_json))
        .route("/stats.csv", get(stats_csv))
        .route("/articles.json", get(articles_json))
        .merge(dashboard::routes());
    let limits = GovernorConfigBuilder::default()
        .period(RATE_REFILL)
        .burst_size(RATE_BURST)
        .key_extractor(ClientIpKey(Arc::clone(&state.client_ip)))
        .finish()
        .expect("the rate limit's period and burst are not zero");
    let limiter = Arc::clone(limits.limiter());
    // The limiter keeps a state per address: forget idle ones, so memory
    // stays flat however many readers come.
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(60));
        loop {
            every.tick().await;
            limiter.retain_recent();
        }
    });
    views
        .merge(publisher)
        .with_state(state)
        .layer(GovernorLayer::new(limits).error_handler(|_| {
            problem(
                StatusCode::TOO_MANY_REQUESTS,
                "too many requests from this address; slow down",
            )
        }))
        .layer(RequestBodyTimeoutLayer::new(READ_TIMEOUT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            READ_TIMEOUT * 2,
        ))
}

/// Serves `state` on `listener` until `shutdown` resolves, then lets the
/// requests under way finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()>,
) -> Result<()> {
    let router = router(state);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors, say: the next accept may work.
                Err(_) => continue,
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(
            move |mut request: axum::http::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                router.clone().oneshot(request.map(Body::new))
            },
        );
        // axum::serve sets no timer, so hyper would wait for headers for
        // ever: a slow client could hold connections open at will.
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(READ_TIMEOUT)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Why a request is refused; each answers `{"error": "..."}` with its status.
#[derive(Debug)]
pub enum Refusal {
    /// No such article is counted here (404).
    UnknownArticle(String),
    /// The view's body is not what a widget sends (400).
    BadBody,
    /// The reader's address is not in the configured header (400).
    NoAddress,
    /// The stats need the publisher's token (401).
    Unauthorized,
    /// The store cannot take the view now (503): nothing was counted.
    Unavailable(Error),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let (status, message) = match &self {
            Refusal::UnknownArticle(id) => (
                StatusCode::NOT_FOUND,
                format!("no article {id:?} is counted here"),
            ),
            Refusal::BadBody => (
                StatusCode::BAD_REQUEST,
                r#"the body must be empty or {"partner": "<origin>"}"#.into(),
            ),
            Refusal::NoAddress => (
                StatusCode::BAD_REQUEST,
                "the reader's address is unknown".into(),
            ),
            Refusal::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "this needs the publisher's token: Authorization: Bearer <token>".into(),
            ),
            Refusal::Unavailable(error) => (StatusCode::SERVICE_UNAVAILABLE, error.to_string()),
        };
        let mut response = problem(status, &message);
        if let Refusal::Unauthorized = self {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// An error answer: `{"error": "..."}`.
fn problem(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

/// A count's answer: `{"viewCount": N}`, live, so no cache keeps it.
fn view_count(n: u64) -> Response {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(serde_json::json!({ "viewCount": n })),
    )
        .into_response()
}

/// The article `id` names, and what the counter knows of it.
fn article(state: &AppState, id: String) -> Result<(ArticleId, Counted), Refusal> {
    let found = Label::try_from(id.clone())
        .map(ArticleId::from)
        .ok()
        .and_then(|article| Some((state.site.articles().get(&article)?.clone(), article)));
    found
        .map(|(counted, article)| (article, counted))
        .ok_or(Refusal::UnknownArticle(id))
}

/// `GET /views/<id>`.
async fn current(
    State(state): State<AppState>,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, Refusal> {
    let (id, counted) = article(&state, id)?;
    Ok(view_count(state.writer.current(&id, counted.view_count)))
}

/// `POST /views/<id>`.
async fn count(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    UrlPath(id): UrlPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Refusal> {
    let (id, counted) = article(&state, id)?;
    let body: ViewBody = match body.iter().all(u8::is_ascii_whitespace) {
        true => ViewBody::default(),
        false => serde_json::from_slice(&body).map_err(|_| Refusal::BadBody)?,
    };
    let ip = state
        .client_ip
        .ip(&headers, Some(peer))
        .ok_or(Refusal::NoAddress)?;
    let user_agent = headers
        .get(header::USER_AGENT)
        .map(HeaderValue::as_bytes)
        .unwrap_or_default();
    // Crawlers are answered, not counted; a request without a user agent
    // is no browser's.
    if user_agent.is_empty() || state.bots.is_bot(&String::from_utf8_lossy(user_agent)) {
        return Ok(view_count(state.writer.current(&id, counted.view_count)));
    }
    let origin = || {
        headers
            .get(header::ORIGIN)?
            .to_str()
            .ok()
            .and_then(Partner::parse)
    };
    let partner = body
        .partner
        .as_deref()
        .and_then(Partner::parse)
        .or_else(origin);
    let day = reader::today(&counted.zone);
    let salt = state.writer.salt(day).await.map_err(Refusal::Unavailable)?;
    let view = View {
        reader: ReaderKey::new(&salt, ip, user_agent, &id),
        article: id,
        base: counted.view_count,
        day,
        partner,
    };
    let n = state
        .writer
        .count(view)
        .await
        .map_err(Refusal::Unavailable)?;
    Ok(view_count(n))
}

/// The stats rows, if `headers` carry the token.
async fn stats(
    state: &AppState,
    headers: &HeaderMap,
    query: StatsQuery,
) -> Result<Vec<StatsRow>, Refusal> {
    if !state.token.admits(headers) {
        return Err(Refusal::Unauthorized);
    }
    let queries = Arc::clone(&state.queries);
    tokio::task::spawn_blocking(move || {
        queries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .stats(&query)
    })
    .await
    .map_err(|_| Refusal::Unavailable(Error::WriterGone))?
    .map_err(Refusal::Unavailable)
}

/// `GET /stats.json?from=&to=&article=`: rows `{day, article, partner, views, readers}`.
async fn stats_json(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<StatsQuery>,
) -> Result<Json<Vec<StatsRow>>, Refusal> {
    Ok(Json(stats(&state, &headers, query).await?))
}

/// `GET /stats.csv`: the same rows as CSV, for a spreadsheet.
async fn stats_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<StatsQuery>,
) -> Result<Response, Refusal> {
    let rows = stats(&state, &headers, query).await?;
    let mut csv = csv::Writer::from_writer(Vec::new());
    let _ = csv.write_record(["day", "article", "partner", "views", "readers"]);
    for row in &rows {
        let _ = csv.write_record([
            row.day.to_string(),
            row.article.as_str().to_owned(),
            row.partner
                .as_ref()
                .map(Partner::to_string)
                .unwrap_or_default(),
            row.views.to_string(),
            row.readers.to_string(),
        ]);
    }
    let bytes = csv.into_inner().unwrap_or_default();
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"stats.csv\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /articles.json`: each counted article's id, headline and live
/// count, for the dashboard's names.
async fn articles_json(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    if !state.token.admits(&headers) {
        return Err(Refusal::Unauthorized);
    }
    let articles = state.site.articles();
    let mut list: Vec<serde_json::Value> = articles
        .iter()
        .map(|(id, counted)| {
            serde_json::json!({
                "id": id.as_str(),
                "headline": counted.headline,
                "viewCount": state.writer.current(id, counted.view_count),
            })
        })
        .collect();
    list.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    Ok(Json(list).into_response())
}
