//! SIGTERM / SIGINT handling: a cancellation token the worker watches.
//!
//! The first signal cancels the token: the worker stops consuming and
//! drains in-flight articles until its deadline. A second signal is
//! logged; the drain deadline still bounds the wait.

use tokio::signal::unix::{signal, SignalKind};
use tokio_util::sync::CancellationToken;

/// Why signal handlers could not be installed.
#[derive(Debug, thiserror::Error)]
#[error("cannot install the signal handler: {0}")]
pub struct SignalError(#[from] std::io::Error);

/// Installs SIGTERM and SIGINT handlers and returns a token cancelled on
/// the first of them. Must be called inside a tokio runtime.
pub fn on_signal() -> Result<CancellationToken, SignalError> {
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    let token = CancellationToken::new();
    let cancel = token.clone();
    tokio::spawn(async move {
        let mut first = true;
        loop {
            let name = tokio::select! {
                Some(()) = term.recv() => "SIGTERM",
                Some(()) = int.recv() => "SIGINT",
                else => break,
            };
            if first {
                tracing::info!(
                    signal = name,
                    "Shutdown requested: draining in-flight articles."
                );
                cancel.cancel();
                first = false;
            } else {
                tracing::warn!(
                    signal = name,
                    "Shutdown already in progress; the drain deadline applies."
                );
            }
        }
    });
    Ok(token)
}
