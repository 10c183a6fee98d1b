//! `quotewire serve`: the REST API and the inspect page.
//!
//! * `POST /v1/extract`: one article JSON in (the shape of a queue
//!   message), `{"article": {…}, "events": [statement events]}` out. The
//!   body goes through the worker's own decoding ([`handle::process_with`]:
//!   `Content-Encoding` as the message's `content_encoding`, the same
//!   [`ArticleLimits`], [`Article::from_json`], the pipeline under
//!   `catch_unwind`), so a request is accepted or rejected exactly as a
//!   queue message would be, with the same error kind, and the events are
//!   the bytes the worker would publish.
//! * Errors are `{"error": {"kind", "message"}}`: the dead-letter kinds
//!   with 400 (413 for `too_large`, 415 for `unsupported_encoding`), plus
//!   the HTTP-only kinds in [`kinds`].
//! * `GET /openapi.json` ([`openapi`]), `GET /v1/schema` (the event JSON
//!   Schema), `GET /v1/samples` (the bundled sample articles).
//! * `GET /` and its two assets: the inspect page ([`page`]).
//! * `/healthz` and `/metrics` from [`crate::http::ops_router`].
//!
//! Resources are bounded: the accept loop caps connections and header
//! time ([`crate::http::serve_app`]); here a body larger than
//! `pipeline.max_article_bytes` is refused (from its `Content-Length`
//! before reading, or as soon as it passes the limit), a body must arrive
//! within the request timeout, and at most `concurrency` articles are
//! extracted at once on the blocking pool.

pub mod openapi;
pub mod page;

use crate::article::{Article, ArticleErrorKind, ArticleLimits};
use crate::http::{self, ConnectionLimits, HttpError};
use crate::metrics::Metrics;
use crate::pipeline::Pipeline;
use crate::settings::Settings;
use crate::worker::handle::{self, Processed, KIND_PANIC, KIND_UNSUPPORTED_ENCODING};
use crate::worker::Extract;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use futures_util::StreamExt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

/// The error kinds only the HTTP API has (the others are the worker's
/// dead-letter kinds).
pub mod kinds {
    /// The request has no `Content-Type: application/json` (415).
    pub const UNSUPPORTED_CONTENT_TYPE: &str = "unsupported_content_type";
    /// The body did not arrive within the request timeout (408).
    pub const REQUEST_TIMEOUT: &str = "request_timeout";
    /// The body could not be read (connection reset, bad chunking) (400).
    pub const BAD_BODY: &str = "bad_body";
    /// No such route (404).
    pub const NOT_FOUND: &str = "not_found";
}

/// How `quotewire serve` runs: built from [`Settings`] by
/// [`ServeConfig::from_settings`].
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Listen address.
    pub listen: SocketAddr,
    /// Limits applied to every request body, as to every queue message.
    pub limits: ArticleLimits,
    /// Articles extracted at once.
    pub concurrency: usize,
    /// Longest time to receive a request's headers, then its body.
    pub request_timeout: Duration,
    /// Connections served at once.
    pub max_connections: usize,
}

impl ServeConfig {
    /// The `[serve]` and `[pipeline]` settings.
    pub fn from_settings(
        settings: &Settings,
    ) -> Result<ServeConfig, crate::settings::SettingsError> {
        Ok(ServeConfig {
            listen: settings.serve.listen_addr()?,
            limits: settings.pipeline.limits(),
            concurrency: settings.serve.effective_concurrency(),
            request_timeout: settings.serve.request_timeout(),
            max_connections: settings.serve.max_connections,
        })
    }
}

/// What the handlers share.
#[derive(Debug)]
pub struct ServeState {
    pipeline: Arc<Pipeline>,
    limits: ArticleLimits,
    request_timeout: Duration,
    extracting: Semaphore,
    metrics: Arc<Metrics>,
    samples: Vec<serde_json::Value>,
}

impl ServeState {
    /// The state of a server; `samples` are JSON lines of articles served
    /// at `/v1/samples` (lines that are not JSON objects are left out).
    pub fn new(
        config: &ServeConfig,
        pipeline: Arc<Pipeline>,
        metrics: Arc<Metrics>,
        samples: &str,
    ) -> ServeState {
        ServeState {
            pipeline,
            limits: config.limits,
            request_timeout: config.request_timeout,
            extracting: Semaphore::new(config.concurrency.max(1)),
            metrics,
            samples: samples
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter(serde_json::Value::is_object)
                .collect(),
        }
    }
}

/// Every route of `quotewire serve`, without a listener (also used by
/// tests).
pub fn router(state: Arc<ServeState>) -> Router {
    let metrics = state.metrics.clone();
    Router::new()
        .route("/", get(page::index))
        .route("/inspect.css", get(page::stylesheet))
        .route("/inspect.js", get(page::script))
        .route("/v1/extract", post(extract))
        .route("/v1/schema", get(event_schema))
        .route("/v1/samples", get(samples))
        .route("/openapi.json", get(openapi_document))
        .fallback(not_found)
        .with_state(state)
        .merge(http::ops_router(metrics))
}

/// Binds `config.listen` and serves [`router`] until `stop` is cancelled.
/// Returns the bound address and the server task.
pub async fn serve(
    config: &ServeConfig,
    state: Arc<ServeState>,
    stop: CancellationToken,
) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), HttpError> {
    let limits = ConnectionLimits {
        max_connections: config.max_connections,
        header_timeout: config.request_timeout,
    };
    http::serve_app(config.listen, router(state), limits, stop).await
}

/// An API error: its status and the `{"error": {"kind", "message"}}` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable snake_case kind: a dead-letter kind or one of [`kinds`].
    pub kind: &'static str,
    /// Human-readable reason.
    pub message: String,
}

impl ApiError {
    fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            kind,
            message: message.into(),
        }
    }

    /// The error for a rejected article of this (dead-letter) kind.
    pub fn rejected(kind: &'static str, message: String) -> ApiError {
        let status = if kind == ArticleErrorKind::TooLarge.as_str() {
            StatusCode::PAYLOAD_TOO_LARGE
        } else if kind == KIND_UNSUPPORTED_ENCODING {
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        } else if kind == KIND_PANIC {
            StatusCode::INTERNAL_SERVER_ERROR
        } else {
            StatusCode::BAD_REQUEST
        };
        ApiError::new(status, kind, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": {"kind": self.kind, "message": self.message}
        });
        json_response(self.status, body.to_string().into_bytes())
    }
}

fn json_response(status: StatusCode, body: Vec<u8>) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

async fn extract(State(state): State<Arc<ServeState>>, headers: HeaderMap, body: Body) -> Response {
    match extract_article(&state, &headers, body).await {
        Ok((body, statements)) => {
            state
                .metrics
                .api_requests
                .get_or_create(&[("outcome", "ok")])
                .inc();
            state.metrics.api_statements.inc_by(statements as u64);
            json_response(StatusCode::OK, body)
        }
        Err(error) => {
            state
                .metrics
                .api_requests
                .get_or_create(&[("outcome", error.kind)])
                .inc();
            error.into_response()
        }
    }
}

/// Checks the headers, reads the body within the limits and extracts it:
/// the response body and the number of events.
async fn extract_article(
    state: &ServeState,
    headers: &HeaderMap,
    body: Body,
) -> Result<(Vec<u8>, usize), ApiError> {
    check_content_type(headers)?;
    let encoding = match headers.get(header::CONTENT_ENCODING) {
        None => None,
        Some(value) => Some(
            value
                .to_str()
                .map_err(|_| {
                    ApiError::rejected(
                        KIND_UNSUPPORTED_ENCODING,
                        "Content-Encoding is not ASCII".to_string(),
                    )
                })?
                .to_string(),
        ),
    };
    let max = state.limits.max_body_bytes();
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(length) = declared.filter(|&n| n > max as u64) {
        return Err(too_large(format!(
            "request body is {length} bytes, over the limit of {max} bytes"
        )));
    }
    let bytes = tokio::time::timeout(state.request_timeout, read_body(body, max))
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                kinds::REQUEST_TIMEOUT,
                format!(
                    "the request body did not arrive within {} ms",
                    state.request_timeout.as_millis()
                ),
            )
        })??;

    let _slot = state
        .extracting
        .acquire()
        .await
        .expect("the semaphore is never closed");
    let pipeline = state.pipeline.clone();
    let limits = state.limits;
    let metrics = state.metrics.clone();
    metrics.in_flight.inc();
    let joined = tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        let mut decoded: Option<Article> = None;
        let processed = handle::process_with(&bytes, encoding.as_deref(), &limits, |article| {
            decoded = Some(article.clone());
            pipeline.extract(article)
        });
        (processed, decoded, started.elapsed())
    })
    .await;
    metrics.in_flight.dec();
    let (processed, decoded, took) = joined.map_err(|error| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            KIND_PANIC,
            format!("the extraction task failed: {error}"),
        )
    })?;
    metrics.pipeline_seconds.observe(took.as_secs_f64());
    match (processed, decoded) {
        (Processed::Events { events, .. }, Some(article)) => {
            let bodies = events.iter().map(|e| e.body.as_slice());
            Ok((response_body(&article, bodies), events.len()))
        }
        (Processed::Rejected { kind, reason, .. }, _) => Err(ApiError::rejected(kind, reason)),
        (Processed::Events { .. }, None) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            KIND_PANIC,
            "events without a decoded article",
        )),
    }
}

/// `{"article": …, "events": [...]}` with each event's JSON exactly as
/// the worker publishes it.
fn response_body<'a>(
    article: &Article,
    events: impl ExactSizeIterator<Item = &'a [u8]>,
) -> Vec<u8> {
    let article = serde_json::to_vec(article).expect("an article always serialises");
    let mut out = Vec::with_capacity(article.len() * 2 + 64);
    out.extend_from_slice(b"{\"article\":");
    out.extend_from_slice(&article);
    out.extend_from_slice(b",\"events\":[");
    for (i, event) in events.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(event);
    }
    out.extend_from_slice(b"]}");
    out
}

fn too_large(message: String) -> ApiError {
    ApiError::rejected(ArticleErrorKind::TooLarge.as_str(), message)
}

/// `application/json` (any parameters), or a `+json` suffix type.
fn check_content_type(headers: &HeaderMap) -> Result<(), ApiError> {
    let value = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let essence = value
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    if essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
    {
        return Ok(());
    }
    let got = match value {
        Some(v) => format!("`{v}`"),
        None => "none".to_string(),
    };
    Err(ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        kinds::UNSUPPORTED_CONTENT_TYPE,
        format!("the body must be an article as JSON (Content-Type: application/json); got {got}"),
    ))
}

/// Reads the body, failing as soon as it passes `max` bytes.
async fn read_body(body: Body, max: usize) -> Result<Vec<u8>, ApiError> {
    let mut stream = body.into_data_stream();
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|error| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                kinds::BAD_BODY,
                format!("cannot read the request body: {error}"),
            )
        })?;
        if bytes.len() + chunk.len() > max {
            return Err(too_large(format!(
                "request body is over the limit of {max} bytes"
            )));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

async fn event_schema() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/schema+json")],
        openapi::EVENT_SCHEMA,
    )
}

async fn openapi_document() -> Response {
    json_response(StatusCode::OK, openapi::document().to_string().into_bytes())
}

async fn samples(State(state): State<Arc<ServeState>>) -> Response {
    let body = serde_json::to_vec(&state.samples).expect("JSON values always serialise");
    json_response(StatusCode::OK, body)
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        kinds::NOT_FOUND,
        format!("no such resource: {}", uri.path()),
    )
}

#[cfg(test)]
mod tests;
