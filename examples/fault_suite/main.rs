//! Fault-injection suite (issue 6): proves the worker's promises against a
//! real RabbitMQ, with the real `quotewire run` binary.
//!
//! Every scenario checks the same invariant at the end: for every input
//! article, either its complete set of events (the `event_id` set that
//! `quotewire extract` gives for it, computed here in-process with the same
//! decode + `Pipeline::english().events()` the worker runs) reached the
//! output queue, or the article is in the dead-letter queue with a reason.
//! Duplicates (same `event_id`) are allowed and counted; losses are not.
//!
//! Scenarios (run in this order by default, `broker-restart` last):
//!
//! * `kill9`: `kill -9` of the worker at random points while articles flow
//!   (3 kills at random progress points plus one right after a restart),
//!   restarting it each time.
//! * `conn-cut`: two workers; their connections (only theirs, found by
//!   connection name) are closed with `rabbitmqctl close_connection`
//!   several times, twice back to back.
//! * `poison`: a catalogue of hostile messages mixed into good traffic.
//! * `slow-downstream`: the output queue is limited with a
//!   `reject-publish` policy so the broker nacks events; then the limit is
//!   lifted. Input queue without delivery limit.
//! * `slow-downstream-dl5`: the same with the default quorum delivery limit
//!   of 5, which dead-letters articles that are retried too often.
//! * `broker-restart`: `rabbitmqctl stop_app` / `start_app` mid-stream. It
//!   refuses to run while clients other than this suite are connected.
//!
//! Run only when named (it needs the 3-node cluster of
//! `scripts/rabbitmq-cluster.sh`; `scripts/cluster-failover.sh` starts it,
//! runs this and stops it):
//!
//! * `cluster-failover`: two workers on different nodes of the cluster,
//!   quorum queues on all three; the input queue's leader node is stopped
//!   mid-stream, later a second node briefly, then both come back.
//!
//! Usage: `fault_suite --bin target/release/quotewire [options] [scenario...]`
//! (see `scripts/fault-suite.sh`). Prints a markdown table and exits 1 if
//! any scenario lost an article or broke another promise.
//!
//! Layout: `inputs` (what is published and what each input must become),
//! `collect` (what arrived), `scene` (one scenario run and its verdict),
//! one module per scenario family (`kill`, `poison`, `slow`, `restart`,
//! `cluster`), `sessions` (reconnects from a worker's log) and `report`; broker, process and HTTP helpers come from the shared
//! test kit (`testkit/`).

mod cluster;
mod collect;
mod inputs;
mod kill;
mod poison;
mod report;
mod restart;
mod scene;
mod sessions;
mod slow;

use inputs::good_articles;
use quotewire::Pipeline;
use report::secs;
use scene::broken_row;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use testkit::{Error, Result};

const SCENARIOS: &[&str] = &[
    "kill9",
    "conn-cut",
    "poison",
    "slow-downstream",
    "slow-downstream-dl5",
    "broker-restart",
];

/// Scenarios run only when named.
const ON_REQUEST: &[&str] = &["cluster-failover"];

/// Command-line options.
#[derive(Debug, Clone)]
struct Options {
    /// The `quotewire` binary.
    bin: PathBuf,
    /// The broker.
    url: String,
    /// Good articles: a JSON-lines corpus...
    corpus: PathBuf,
    /// ...or, without it, the bundled samples.
    samples: PathBuf,
    /// Articles of the kill9 scenario.
    articles: usize,
    /// Articles of the other scenarios.
    small_articles: usize,
    /// Random kill points of the kill9 scenario.
    kills: usize,
    /// Seed of the random kill points and poison bytes.
    seed: u64,
    /// The bound on a worker's peak RSS.
    rss_limit_mb: u64,
    /// How long the broker restart waits for other clients to leave.
    restart_guard: Duration,
    /// Articles of the cluster-failover scenario.
    cluster_articles: usize,
    /// Articles per second the cluster-failover scenario publishes.
    cluster_rate: u32,
    /// The script that runs the test cluster.
    cluster_script: PathBuf,
    /// Where to write the report too.
    report: Option<PathBuf>,
    /// The scenarios to run, in order.
    scenarios: Vec<String>,
}

const USAGE: &str = "usage: fault_suite --bin PATH [--url AMQP_URL] [--corpus news.jsonl] \
[--samples articles.jsonl] [--articles N (kill9, default 10000)] [--small-articles N (others, default 3000)] \
[--kills N (default 3)] [--seed N] [--rss-limit-mb N (default 512)] [--restart-guard-secs N (default 120)] \
[--cluster-articles N (default 5000)] [--cluster-rate N (articles/s, default 100)] \
[--cluster-script PATH (default scripts/rabbitmq-cluster.sh)] \
[--report FILE] [scenario...]; scenarios: kill9 conn-cut poison slow-downstream slow-downstream-dl5 broker-restart, \
and only when named: cluster-failover";

fn parse_options() -> Result<Options> {
    let mut opts = Options {
        bin: PathBuf::from("target/release/quotewire"),
        url: std::env::var("AMQP_URL")
            .unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".into()),
        corpus: PathBuf::from("../shared/corpus/news.jsonl"),
        samples: PathBuf::from("samples/articles.jsonl"),
        articles: 10_000,
        small_articles: 3_000,
        kills: 3,
        seed: std::env::var("FAULT_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| fastrand::u64(..)),
        rss_limit_mb: 512,
        restart_guard: Duration::from_secs(120),
        cluster_articles: 5_000,
        cluster_rate: 100,
        cluster_script: PathBuf::from("scripts/rabbitmq-cluster.sh"),
        report: None,
        scenarios: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    let bad = |what: &str| Error::Failed(format!("{what}\n{USAGE}"));
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| bad(&format!("{name} needs a value")))
        };
        let number = |s: String| {
            s.parse::<u64>()
                .map_err(|_| bad(&format!("not a number: {s}")))
        };
        match arg.as_str() {
            "--bin" => opts.bin = value("--bin")?.into(),
            "--url" => opts.url = value("--url")?,
            "--corpus" => opts.corpus = value("--corpus")?.into(),
            "--samples" => opts.samples = value("--samples")?.into(),
            "--articles" => opts.articles = number(value("--articles")?)? as usize,
            "--small-articles" => {
                opts.small_articles = number(value("--small-articles")?)? as usize
            }
            "--kills" => opts.kills = number(value("--kills")?)?.max(1) as usize,
            "--seed" => opts.seed = number(value("--seed")?)?,
            "--rss-limit-mb" => opts.rss_limit_mb = number(value("--rss-limit-mb")?)?,
            "--restart-guard-secs" => {
                opts.restart_guard = Duration::from_secs(number(value("--restart-guard-secs")?)?)
            }
            "--cluster-articles" => {
                opts.cluster_articles = number(value("--cluster-articles")?)? as usize
            }
            "--cluster-rate" => {
                opts.cluster_rate = number(value("--cluster-rate")?)?.clamp(1, 100_000) as u32
            }
            "--cluster-script" => opts.cluster_script = value("--cluster-script")?.into(),
            "--report" => opts.report = Some(value("--report")?.into()),
            "-h" | "--help" => return Err(bad("help")),
            s if SCENARIOS.contains(&s) || ON_REQUEST.contains(&s) => {
                opts.scenarios.push(s.to_string())
            }
            s => return Err(bad(&format!("unknown argument {s}"))),
        }
    }
    if opts.scenarios.is_empty() {
        opts.scenarios = SCENARIOS.iter().map(|s| s.to_string()).collect();
    } else {
        // Whatever the order given, the broker restart runs last (of the
        // single-broker scenarios).
        opts.scenarios
            .sort_by_key(|s| SCENARIOS.iter().chain(ON_REQUEST).position(|x| x == s));
        opts.scenarios.dedup();
    }
    if !opts.bin.is_file() {
        return Err(bad(&format!(
            "no quotewire binary at {}",
            opts.bin.display()
        )));
    }
    Ok(opts)
}

async fn run(opts: Options) -> Result<bool> {
    let pipeline = Pipeline::english();
    let mut want = opts.small_articles.max(600);
    for scenario in &opts.scenarios {
        match scenario.as_str() {
            "kill9" => want = want.max(opts.articles),
            "cluster-failover" => want = want.max(opts.cluster_articles),
            _ => {}
        }
    }
    let started = Instant::now();
    let (good, source) = good_articles(&opts, &pipeline, want)?;
    eprintln!(
        "{} good articles with events from {source} (expectations computed in {})",
        good.len(),
        secs(started.elapsed())
    );
    let mut rows = Vec::new();
    for scenario in &opts.scenarios {
        let started = Instant::now();
        let row = match scenario.as_str() {
            "kill9" => kill::kill9(&opts, &good).await,
            "conn-cut" => kill::conn_cut(&opts, &good).await,
            "poison" => poison::poison(&opts, &pipeline, &good).await,
            "slow-downstream" => slow::slow_downstream(&opts, &good, false).await,
            "slow-downstream-dl5" => slow::slow_downstream(&opts, &good, true).await,
            "broker-restart" => restart::broker_restart(&opts, &good).await,
            "cluster-failover" => cluster::cluster_failover(&opts, &good).await,
            other => broken_row(other, Error::Failed("unknown scenario".into())),
        };
        eprintln!(
            "== {scenario}: {} in {} (lost {})",
            if row.ok { "ok" } else { "FAIL" },
            secs(started.elapsed()),
            row.lost
        );
        rows.push(row);
    }
    let text = report::report(&rows, &opts, &source);
    println!("{text}");
    if let Some(path) = &opts.report {
        std::fs::write(path, &text)?;
    }
    Ok(rows.iter().all(|r| r.ok))
}

fn main() -> ExitCode {
    let opts = match parse_options() {
        Ok(opts) => opts,
        Err(e) => {
            eprintln!("fault_suite: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("fault_suite: cannot start a runtime: {e}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(run(opts)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("fault_suite: {e}");
            ExitCode::from(2)
        }
    }
}
