//! The inspect page: plain HTML, CSS and one small script, written by hand
//! in `web/` and compiled into the binary (no CDN, no build step).
//!
//! The page posts the pasted article to `/v1/extract` and marks each
//! statement in the returned text; the Content-Security-Policy allows
//! nothing but this server.

use axum::http::header;
use axum::response::IntoResponse;

/// `web/inspect.html`.
pub const HTML: &str = include_str!("../../web/inspect.html");
/// `web/inspect.css`.
pub const CSS: &str = include_str!("../../web/inspect.css");
/// `web/inspect.js`.
pub const JS: &str = include_str!("../../web/inspect.js");

/// Scripts, styles, images and requests from this server only.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                   connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
                   form-action 'self'; frame-ancestors 'none'";

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
}

/// `GET /`.
pub async fn index() -> impl IntoResponse {
    asset("text/html; charset=utf-8", HTML)
}

/// `GET /inspect.css`.
pub async fn stylesheet() -> impl IntoResponse {
    asset("text/css; charset=utf-8", CSS)
}

/// `GET /inspect.js`.
pub async fn script() -> impl IntoResponse {
    asset("text/javascript; charset=utf-8", JS)
}
