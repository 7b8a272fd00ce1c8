//! The publisher's dashboard at `/`: a page with no data of its own, whose
//! script asks `/stats.json` and `/articles.json` with the token the
//! publisher types in (kept in the tab's session storage only).

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::http::AppState;

const PAGE: &str = include_str!("../assets/dashboard.html");
const SCRIPT: &str = include_str!("../assets/dashboard.js");
const STYLE: &str = include_str!("../assets/dashboard.css");

/// The dashboard's page, script and stylesheet.
pub fn routes() -> Router<AppState> {
    let file = |body: &'static str, kind: &'static str| {
        move || async move {
            (
                [
                    (header::CONTENT_TYPE, kind),
                    (header::CACHE_CONTROL, "no-cache"),
                    // The page runs its own script and style only.
                    (
                        header::CONTENT_SECURITY_POLICY,
                        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
                    ),
                ],
                body,
            )
                .into_response()
        }
    };
    Router::new()
        .route("/", get(file(PAGE, "text/html; charset=utf-8")))
        .route(
            "/dashboard.js",
            get(file(SCRIPT, "text/javascript; charset=utf-8")),
        )
        .route(
            "/dashboard.css",
            get(file(STYLE, "text/css; charset=utf-8")),
        )
}
