//! `quotewire replay`: publish archived articles into the input exchange.

use super::ConfigArgs;
use anyhow::Context;
use quotewire::replay::{self, progress, Checkpoint, CheckpointLock, ReplayOptions};
use quotewire::worker::shutdown;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Exit code after Ctrl-C or SIGTERM (the checkpoint is written).
const EXIT_INTERRUPTED: u8 = 130;

/// Arguments of `quotewire replay`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    config: ConfigArgs,
    /// `.jsonl` or `.jsonl.gz` files, directories (walked recursively, in
    /// name order) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Target exchange [default: the configured input exchange].
    #[arg(long)]
    exchange: Option<String>,
    /// Routing key of every article.
    #[arg(long, default_value = "replay")]
    routing_key: String,
    /// Articles per second, spread evenly [default: as fast as possible].
    #[arg(long, value_name = "N")]
    rate: Option<f64>,
    /// Stop after publishing N articles.
    #[arg(long, value_name = "N")]
    limit: Option<u64>,
    /// Largest number of outstanding publisher confirms.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    window: usize,
    /// Retries of a nacked or returned article before giving up on it
    /// (backoff from amqp.reconnect_min_ms to amqp.reconnect_max_ms).
    #[arg(long, value_name = "N", default_value_t = 5)]
    max_retries: u32,
    /// Consecutive failed reconnects (or sessions failing before any
    /// confirm) before giving up when the broker connection is lost.
    #[arg(long, value_name = "N", default_value_t = 10)]
    max_reconnects: u32,
    /// Stop at the first bad line instead of reporting and skipping it.
    #[arg(long)]
    strict: bool,
    /// Checkpoint file: how far each input is confirmed.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "quotewire-replay.checkpoint.json"
    )]
    checkpoint: PathBuf,
    /// Milliseconds between checkpoint writes while confirms advance (it is
    /// always written at the end).
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    checkpoint_interval_ms: u64,
    /// Continue from the checkpoint file (same batch id).
    #[arg(long)]
    resume: bool,
    /// Batch id put in the x-quotewire-replay header [default: generated].
    #[arg(long, value_name = "ID", conflicts_with = "resume")]
    batch_id: Option<String>,
    /// Do not declare the configured topology first (the target exchange
    /// must exist).
    #[arg(long)]
    no_declare: bool,
    /// Seconds between progress lines when standard error is not a terminal.
    #[arg(long, value_name = "SECS", default_value_t = 5.0)]
    progress_every: f64,
}

/// Runs the replay and prints a summary; exit code 0 if every article read
/// was confirmed, 130 after Ctrl-C, 1 otherwise.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let settings = args.config.load()?;
    let exchange = args
        .exchange
        .clone()
        .unwrap_or_else(|| settings.input.exchange.clone());
    // Held until the replay ends: no second replay can use this checkpoint
    // meanwhile.
    let _lock = CheckpointLock::acquire(&args.checkpoint)?;
    let checkpoint = if args.resume {
        let cp = Checkpoint::load(&args.checkpoint)?;
        anyhow::ensure!(
            cp.exchange == exchange && cp.routing_key == args.routing_key,
            "the checkpoint {} is for exchange {:?} with routing key {:?}, not {exchange:?} with {:?}",
            args.checkpoint.display(),
            cp.exchange,
            cp.routing_key,
            args.routing_key
        );
        cp
    } else {
        let batch_id = args.batch_id.clone().unwrap_or_else(replay::new_batch_id);
        match Checkpoint::load_if_exists(&args.checkpoint) {
            Ok(None) => {}
            Ok(Some(previous)) if previous.finished => eprintln!(
                "quotewire: {} records a finished replay (batch {}); starting a new one \
                 (batch {batch_id}) in its place. Articles keep their message_id, so \
                 consumers that deduplicate see each article once.",
                args.checkpoint.display(),
                previous.batch_id
            ),
            Ok(Some(previous)) => {
                let (inputs, complete) = previous.inputs_complete();
                anyhow::bail!(
                    "the checkpoint {} records a replay that has not finished (batch {}, \
                     {complete} of {inputs} inputs complete): pass --resume to continue it \
                     without publishing again what was confirmed, or remove the file (or \
                     choose another --checkpoint) to start over from the beginning",
                    args.checkpoint.display(),
                    previous.batch_id
                )
            }
            Err(error) => {
                return Err(anyhow::Error::new(error).context(format!(
                    "{} exists but cannot be read as a checkpoint: remove it, or choose \
                     another --checkpoint",
                    args.checkpoint.display()
                )))
            }
        }
        Checkpoint::new(&batch_id, &exchange, &args.routing_key)
    };
    anyhow::ensure!(
        args.progress_every.is_finite() && args.progress_every > 0.0,
        "--progress-every must be positive"
    );
    let options = ReplayOptions {
        exchange,
        routing_key: args.routing_key.clone(),
        rate: args.rate,
        limit: args.limit,
        window: args.window,
        max_retries: args.max_retries,
        max_reconnects: args.max_reconnects,
        retry_min: settings.amqp.reconnect_min(),
        retry_max: settings.amqp.reconnect_max(),
        strict: args.strict,
        checkpoint_path: args.checkpoint.clone(),
        checkpoint_every: Duration::from_millis(args.checkpoint_interval_ms),
        limits: settings.pipeline.limits(),
        declare: !args.no_declare,
    };
    options.validate()?;
    let inputs = replay::discover(&args.paths)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let url = settings.amqp.redacted_url();
    let mode = progress::ProgressMode::detect(Duration::from_secs_f64(args.progress_every));
    let mut reporter = progress::Reporter::new(mode);
    let summary = runtime.block_on(async {
        let stop = shutdown::on_signal()?;
        replay::run(&settings, &options, inputs, checkpoint, &mut reporter, stop)
            .await
            .with_context(|| format!("replay to {url} failed"))
    })?;
    reporter.finish(&summary);
    Ok(if summary.is_success() {
        ExitCode::SUCCESS
    } else if summary.stop == replay::Stop::Interrupted {
        ExitCode::from(EXIT_INTERRUPTED)
    } else {
        ExitCode::FAILURE
    })
}
