//! The HTTP server of the worker and of `quotewire serve`: the accept loop,
//! and the operations routes `/metrics`, `/healthz` and `/readyz`.
//!
//! `/healthz` answers 200 while the process serves requests; `/readyz`
//! answers 200 only while the worker consumes with a live publish channel
//! (see [`Health::ready`]), 503 otherwise.
//!
//! [`serve_app`] serves any router with bounded resources: at most
//! [`ConnectionLimits::max_connections`] connections at once (more wait in
//! the listen backlog), a header read timeout, and a per-connection read
//! buffer of [`MAX_HEADER_BUFFER`] bytes, so slow or greedy clients cannot
//! exhaust memory. Request bodies are the handlers' business.

use crate::metrics::{Health, Metrics};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

/// Largest read buffer of one connection (request line and headers must
/// fit; bigger headers get 431).
pub const MAX_HEADER_BUFFER: usize = 64 * 1024;

/// How long open connections get to finish after the stop signal.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// Resource limits of the accept loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Connections served at once; further ones wait in the listen backlog.
    pub max_connections: usize,
    /// Longest time to receive the headers of a request.
    pub header_timeout: Duration,
}

impl Default for ConnectionLimits {
    /// 64 connections, 30 s for the headers.
    fn default() -> Self {
        Self {
            max_connections: 64,
            header_timeout: Duration::from_secs(30),
        }
    }
}

/// State shared by the handlers.
#[derive(Clone, Debug)]
pub struct HttpState {
    /// Metrics to render.
    pub metrics: Arc<Metrics>,
    /// Readiness flags.
    pub health: Arc<Health>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HttpError {
    /// Binding the listen address failed.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The OS error.
        source: std::io::Error,
    },
}

/// The worker's routes, without a listener (also used by tests):
/// [`ops_router`] and `/readyz`.
pub fn router(state: HttpState) -> Router {
    ops_router(state.metrics).merge(
        Router::new()
            .route("/readyz", get(readyz))
            .with_state(state.health),
    )
}

/// `/metrics` and `/healthz`, the routes every quotewire server has.
pub fn ops_router(metrics: Arc<Metrics>) -> Router {
    Router::new()
        .route("/metrics", get(render_metrics))
        .route("/healthz", get(|| async { "ok\n" }))
        .with_state(metrics)
}

/// Binds `addr` and serves the operations routes ([`router`]) until `stop`
/// is cancelled. Returns the bound address (useful with port 0) and the
/// server task.
pub async fn serve(
    addr: SocketAddr,
    state: HttpState,
    stop: CancellationToken,
) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), HttpError> {
    serve_app(addr, router(state), ConnectionLimits::default(), stop).await
}

/// Binds `addr` and serves `app` (HTTP/1.1) within `limits` until `stop`
/// is cancelled; then stops accepting, lets open connections finish their
/// request (for at most 10 s) and ends. Returns the bound address and the
/// server task.
pub async fn serve_app(
    addr: SocketAddr,
    app: Router,
    limits: ConnectionLimits,
    stop: CancellationToken,
) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), HttpError> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| HttpError::Bind { addr, source })?;
    let bound = listener
        .local_addr()
        .map_err(|source| HttpError::Bind { addr, source })?;
    let task = tokio::spawn(accept_loop(listener, app, limits, stop));
    Ok((bound, task))
}

async fn accept_loop(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    stop: CancellationToken,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(MAX_HEADER_BUFFER);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            _ = stop.cancelled() => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // Out of file descriptors and the like: pause, go on.
                    tracing::warn!(%error, "HTTP accept failed.");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = stop.cancelled() => break,
        };
        let service = TowerToHyperService::new(app.clone());
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // Errors here are the client's (reset, timeout, bad request).
            if let Err(error) = connection.await {
                tracing::debug!(%error, "HTTP connection ended with an error.");
            }
            drop(slot);
        });
    }
    drop(listener);
    if tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("HTTP connections still open after the drain timeout.");
    }
}

/// The content type of `/metrics`.
pub const METRICS_CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

async fn render_metrics(State(metrics): State<Arc<Metrics>>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, METRICS_CONTENT_TYPE)],
        metrics.render(),
    )
}

async fn readyz(State(health): State<Arc<Health>>) -> impl IntoResponse {
    if health.ready() {
        (StatusCode::OK, "ready\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready\n")
    }
}
