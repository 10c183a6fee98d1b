//! Logging setup: `tracing` to standard error, JSON or human-readable.
//!
//! `RUST_LOG` wins over the configured level. Log lines never carry the
//! AMQP password: settings are logged through their redacting `Debug`.

use crate::settings::{LogFormat, LogSettings};
use tracing_subscriber::EnvFilter;

/// Why logging could not be set up.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TelemetryError {
    /// The configured filter does not parse.
    #[error("invalid log level `{level}`: {source}")]
    Filter {
        /// The configured filter.
        level: String,
        /// The parse error.
        source: tracing_subscriber::filter::ParseError,
    },
    /// A global subscriber is already installed.
    #[error("cannot install the log subscriber: {0}")]
    Install(String),
}

/// Installs the global subscriber, writing to standard error, and a panic
/// hook that logs panics through it.
pub fn init(settings: &LogSettings) -> Result<(), TelemetryError> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(value) if !value.trim().is_empty() => {
            EnvFilter::try_new(&value).map_err(|source| TelemetryError::Filter {
                level: value.clone(),
                source,
            })?
        }
        _ => EnvFilter::try_new(&settings.level).map_err(|source| TelemetryError::Filter {
            level: settings.level.clone(),
            source,
        })?,
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let result = match settings.format {
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
        LogFormat::Text => builder.try_init(),
    };
    result.map_err(|e| TelemetryError::Install(e.to_string()))?;
    // Panics (the worker catches those of the pipeline) go to the log as
    // events, so that JSON logs stay one object per line.
    std::panic::set_hook(Box::new(|info| {
        tracing::error!(panic = %info, "Panic.");
    }));
    Ok(())
}
