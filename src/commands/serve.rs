//! `quotewire serve`: the REST API and the inspect page.

use super::ConfigArgs;
use anyhow::Context;
use quotewire::metrics::Metrics;
use quotewire::serve::{self, ServeConfig, ServeState};
use quotewire::worker::shutdown;
use quotewire::{telemetry, Pipeline};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `quotewire serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    config: ConfigArgs,
    /// Listen address, host:port; port 0 picks a free one [default:
    /// serve.listen, 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
}

/// Serves until SIGTERM or Ctrl-C, then lets open requests finish.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let settings = args.config.load()?;
    telemetry::init(&settings.log)?;
    let mut config = ServeConfig::from_settings(&settings)?;
    if let Some(listen) = args.listen {
        config.listen = listen;
    }
    let state = Arc::new(ServeState::new(
        &config,
        Arc::new(Pipeline::english().with_attributions(settings.pipeline.attributions()?)),
        Arc::new(Metrics::new()),
        super::extract::SAMPLES,
    ));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let stop = shutdown::on_signal()?;
        let (bound, server) = serve::serve(&config, state, stop).await?;
        tracing::info!(address = %bound, "Serving the API and the inspect page.");
        eprintln!(
            "quotewire: inspect page on http://{bound}/ , API: POST http://{bound}/v1/extract"
        );
        server.await.context("the HTTP server task failed")?;
        Ok(ExitCode::SUCCESS)
    })
}
