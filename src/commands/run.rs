//! `quotewire run`: the RabbitMQ worker.

use super::ConfigArgs;
use anyhow::Context;
use quotewire::http::{self, HttpState};
use quotewire::metrics::{Health, Metrics};
use quotewire::worker::{self, shutdown, Extract, Relay};
use quotewire::{telemetry, Pipeline};
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `quotewire run`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    config: ConfigArgs,
    /// Benchmark only: instead of extracting, publish the precomputed
    /// events of each article read from this JSON-lines file (the output
    /// of `quotewire extract`). Everything else is the production path.
    #[arg(long, value_name = "EVENTS_FILE", hide = true)]
    relay: Option<std::path::PathBuf>,
}

/// Loads settings, starts logging, the HTTP server and the worker, and
/// returns after a shutdown signal and drain (exit code 0 if clean).
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let settings = Arc::new(args.config.load()?);
    telemetry::init(&settings.log)?;
    let extractor: Arc<dyn Extract> = match &args.relay {
        None => Arc::new(Pipeline::english().with_attributions(settings.pipeline.attributions()?)),
        Some(path) => {
            let relay = Relay::load(path)?;
            tracing::warn!(
                file = %path.display(),
                articles = relay.articles(),
                events = relay.events(),
                "Relay mode: publishing precomputed events, not extracting."
            );
            Arc::new(relay)
        }
    };
    let listen = settings.http.listen_addr()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let shutdown = shutdown::on_signal()?;
        tracing::info!(settings = ?settings, "Starting worker.");
        let metrics = Arc::new(Metrics::new());
        let health = Arc::new(Health::default());
        let http_stop = tokio_util::sync::CancellationToken::new();
        let state = HttpState {
            metrics: metrics.clone(),
            health: health.clone(),
        };
        let (bound, server) = http::serve(listen, state, http_stop.clone()).await?;
        tracing::info!(address = %bound, "HTTP server listening.");
        let result = worker::run(settings, extractor, metrics, health, shutdown).await;
        http_stop.cancel();
        let _ = server.await;
        result?;
        tracing::info!("Worker stopped cleanly.");
        Ok(ExitCode::SUCCESS)
    })
}
