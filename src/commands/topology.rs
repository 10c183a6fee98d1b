//! `quotewire topology`: declare exchanges, queues and bindings, then exit.

use super::ConfigArgs;
use anyhow::Context;
use quotewire::transport::{self, Topology};
use std::process::ExitCode;

/// Arguments of `quotewire topology`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    config: ConfigArgs,
}

/// Declares the topology described by the settings and prints it.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let settings = args.config.load()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let topology = Topology::from_settings(&settings);
    let node = runtime.block_on(async {
        transport::declare_topology(&settings, &topology, |node, error| {
            eprintln!(
                "quotewire: cannot declare the topology on {node} ({error}); trying the next node"
            )
        })
        .await
        .context("cannot declare the topology")
    })?;
    print!("declared on {node}:\n{topology}");
    Ok(ExitCode::SUCCESS)
}
