//! End-to-end benchmark of `quotewire run` against a real RabbitMQ.
//!
//! For every run: fresh, uniquely named exchanges and queues (declared by
//! `quotewire topology`), N articles of about `--article-bytes` each
//! preloaded into the input queue (persistent, confirmed, `timestamp` =
//! publish time in milliseconds), then one or more `quotewire run`
//! processes drain it while this program consumes the output queue.
//!
//! Modes (comma-separated `--modes`, run in this order in every round, so
//! that real and relay alternate under the same background load):
//!
//! * `real`: the production worker, extracting with the pipeline;
//! * `relay`: the same worker with `--relay FILE`: the same consume,
//!   decode, validate, publish-with-confirms and ack-after-confirm path,
//!   with extraction replaced by a lookup of the events precomputed here
//!   (the same bytes, checked by an order-independent digest of the
//!   `message_id`s);
//! * suffix `-article`: `output.batch = "article"`;
//! * suffix `-x2` (or `-xN`): N worker processes on the same queue.
//!
//! Reported per run: articles/s and events/s from the moment every worker
//! consumes to the last output message, publish→event latency (input
//! `timestamp` to the moment the output message is received here, so it
//! includes the time an article waited in the preloaded queue),
//! delivery→ack latency inside the worker (from its
//! `quotewire_end_to_end_seconds` histogram), peak RSS (`VmHWM`) of each
//! worker, and CPU used by the workers, the broker and the whole machine.
//!
//! ```text
//! cargo build --release --bin quotewire --example bench_e2e
//! target/release/examples/bench_e2e --n 20000 --rounds 3 \
//!     --modes real,relay,real-article,relay-article,real-x2
//! ```

mod cpu;
mod report;
mod run;
mod workload;

use anyhow::{bail, Context};
use clap::Parser;
use run::RunResult;
use std::io::Write;
use std::path::{Path, PathBuf};

/// End-to-end benchmark: real worker vs relay, batching, 1 vs N workers.
#[derive(Parser, Debug)]
struct Args {
    /// Articles per run.
    #[arg(long, default_value_t = 20_000)]
    n: usize,
    /// Approximate size of each article's text: consecutive corpus
    /// articles are joined until this many bytes are reached.
    #[arg(long, default_value_t = 4096)]
    article_bytes: usize,
    /// Rounds; every round runs every mode once, in order.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Comma-separated modes: real, relay, with optional -article and -xN.
    #[arg(long, default_value = "real,relay,real-article,relay-article,real-x2")]
    modes: String,
    /// `input.prefetch` of each worker.
    #[arg(long, default_value_t = 256)]
    prefetch: u16,
    /// JSON-lines corpus (`id`, `title`, `text`); default
    /// `$QUOTEWIRE_CORPUS` or `../shared/corpus/news.jsonl`.
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// The `quotewire` binary; default: next to this example's directory.
    #[arg(long)]
    bin: Option<PathBuf>,
    /// Broker URL.
    #[arg(
        long,
        env = "AMQP_URL",
        default_value = "amqp://guest:guest@127.0.0.1:5672/%2f"
    )]
    amqp_url: String,
    /// Longest wait for one run to drain, in seconds.
    #[arg(long, default_value_t = 900)]
    timeout_secs: u64,
}

#[derive(Debug, Clone, PartialEq)]
struct Mode {
    name: String,
    relay: bool,
    article_batch: bool,
    workers: usize,
}

impl Mode {
    fn parse(s: &str) -> anyhow::Result<Mode> {
        let mut parts = s.trim().split('-');
        let relay = match parts.next() {
            Some("real") => false,
            Some("relay") => true,
            _ => bail!("mode `{s}` must start with real or relay"),
        };
        let (mut article_batch, mut workers) = (false, 1);
        for p in parts {
            match p {
                "article" => article_batch = true,
                p if p.starts_with('x') => {
                    workers = p[1..]
                        .parse()
                        .with_context(|| format!("bad worker count in `{s}`"))?
                }
                _ => bail!("unknown part `{p}` in mode `{s}`"),
            }
        }
        Ok(Mode {
            name: s.trim().to_string(),
            relay,
            article_batch,
            workers,
        })
    }
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let modes: Vec<Mode> = args
        .modes
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(Mode::parse)
        .collect::<anyhow::Result<_>>()?;
    let bin = match &args.bin {
        Some(b) => b.clone(),
        None => std::env::current_exe()?
            .parent()
            .and_then(Path::parent)
            .context("cannot locate the target directory")?
            .join("quotewire"),
    };
    if !bin.exists() {
        bail!(
            "{} not found: build it with `cargo build --release --bin quotewire`",
            bin.display()
        );
    }
    let dir = tempfile::tempdir()?;
    println!(
        "bench_e2e: n={} article_bytes~{} rounds={} modes={} prefetch={} bin={}",
        args.n,
        args.article_bytes,
        args.rounds,
        args.modes,
        args.prefetch,
        bin.display()
    );
    let w = workload::build_workload(&args, dir.path())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    println!();
    report::print_runs_header();
    let mut results: Vec<RunResult> = Vec::new();
    for round in 1..=args.rounds {
        for mode in &modes {
            let r = rt.block_on(run::run_once(run::Run {
                args: &args,
                bin: &bin,
                workload: &w,
                mode,
                round,
                dir: dir.path(),
            }));
            match r {
                Ok(r) => {
                    report::print_run(&r);
                    results.push(r);
                }
                Err(e) => println!("| {round} | {} | run failed: {e:#} |", mode.name),
            }
            let _ = std::io::stdout().flush();
        }
    }

    report::print_medians(&modes, &results);
    report::print_ratios(&modes, &results, args.rounds);
    if results.iter().any(|r| !r.ok) || results.is_empty() {
        bail!("some runs failed their checks");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_relay_batching_and_worker_count() {
        let m = Mode::parse("relay-article-x2").unwrap();
        assert!(m.relay && m.article_batch);
        assert_eq!(m.workers, 2);
        let m = Mode::parse(" real ").unwrap();
        assert!(!m.relay && !m.article_batch);
        assert_eq!((m.workers, m.name.as_str()), (1, "real"));
        assert!(Mode::parse("fake").is_err());
        assert!(Mode::parse("real-batch").is_err());
        assert!(Mode::parse("real-xx").is_err());
    }
}
