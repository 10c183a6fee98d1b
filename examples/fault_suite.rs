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
//! Usage: `fault_suite --bin target/release/quotewire [options] [scenario...]`
//! (see `scripts/fault-suite.sh`). Prints a markdown table and exits 1 if
//! any scenario lost an article or broke another promise.

use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicConsumeOptions, BasicPublishOptions, BasicQosOptions,
    ConfirmSelectOptions, ExchangeDeleteOptions, QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{BasicProperties, Connection, ConnectionProperties};
use quotewire::worker::handle::{process, Processed};
use quotewire::{ArticleLimits, Pipeline};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_util::sync::CancellationToken;

/// Why the suite itself could not do something (not a finding).
#[derive(Debug, thiserror::Error)]
enum SuiteError {
    #[error("AMQP: {0}")]
    Amqp(#[from] lapin::Error),
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Setup(String),
    #[error("timed out after {0:?}: {1}")]
    Timeout(Duration, String),
}

type Result<T> = std::result::Result<T, SuiteError>;

const SCENARIOS: &[&str] = &[
    "kill9",
    "conn-cut",
    "poison",
    "slow-downstream",
    "slow-downstream-dl5",
    "broker-restart",
];

/// Command-line options.
#[derive(Debug, Clone)]
struct Options {
    bin: PathBuf,
    url: String,
    corpus: PathBuf,
    samples: PathBuf,
    articles: usize,
    small_articles: usize,
    kills: usize,
    seed: u64,
    rss_limit_mb: u64,
    restart_guard: Duration,
    report: Option<PathBuf>,
    scenarios: Vec<String>,
}

const USAGE: &str = "usage: fault_suite --bin PATH [--url AMQP_URL] [--corpus news.jsonl] \
[--samples articles.jsonl] [--articles N (kill9, default 10000)] [--small-articles N (others, default 3000)] \
[--kills N (default 3)] [--seed N] [--rss-limit-mb N (default 512)] [--restart-guard-secs N (default 120)] \
[--report FILE] [scenario...]; scenarios: kill9 conn-cut poison slow-downstream slow-downstream-dl5 broker-restart";

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
        report: None,
        scenarios: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    let bad = |what: &str| SuiteError::Setup(format!("{what}\n{USAGE}"));
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
            "--report" => opts.report = Some(value("--report")?.into()),
            "-h" | "--help" => return Err(bad("help")),
            s if SCENARIOS.contains(&s) => opts.scenarios.push(s.to_string()),
            s => return Err(bad(&format!("unknown argument {s}"))),
        }
    }
    if opts.scenarios.is_empty() {
        opts.scenarios = SCENARIOS.iter().map(|s| s.to_string()).collect();
    } else {
        // Whatever the order given, the broker restart runs last.
        opts.scenarios
            .sort_by_key(|s| SCENARIOS.iter().position(|x| x == s));
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

// ---------------------------------------------------------------------------
// Inputs and what each must become.

/// What an input must end as.
#[derive(Debug, Clone)]
enum Expect {
    /// These event ids in the output queue (possibly none).
    Events(Vec<String>),
    /// The dead-letter queue with this kind.
    Dead(&'static str),
}

/// One message published to the input exchange.
#[derive(Debug, Clone)]
struct Input {
    label: String,
    body: Vec<u8>,
    encoding: Option<&'static str>,
    expect: Expect,
}

/// The outcome the worker must produce for `body`: the same decode,
/// validation and extraction the worker runs (`quotewire extract` gives the
/// same event ids for a valid article line).
fn expect_of(pipeline: &Pipeline, body: &[u8], encoding: Option<&str>) -> Expect {
    match process(pipeline, body, encoding, &ArticleLimits::default()) {
        Processed::Events { events, .. } => {
            Expect::Events(events.into_iter().map(|e| e.event_id).collect())
        }
        Processed::Rejected { kind, .. } => Expect::Dead(kind),
    }
}

/// Good articles with at least one expected event each (so that a loss is
/// always visible in the output), from the corpus or, without it, from
/// the samples with rewritten ids. Also says where they came from.
fn good_articles(opts: &Options, pipeline: &Pipeline, n: usize) -> Result<(Vec<Input>, String)> {
    let (text, source) = match std::fs::read_to_string(&opts.corpus) {
        Ok(text) => (text, opts.corpus.display().to_string()),
        Err(_) => (
            std::fs::read_to_string(&opts.samples).map_err(|e| {
                SuiteError::Setup(format!(
                    "neither {} nor {} is readable: {e}",
                    opts.corpus.display(),
                    opts.samples.display()
                ))
            })?,
            format!("{} (corpus absent)", opts.samples.display()),
        ),
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut out = Vec::with_capacity(n);
    let mut copies = 0;
    'outer: for round in 0.. {
        let before = out.len();
        for line in &lines {
            if out.len() == n {
                break 'outer;
            }
            let body = if round == 0 {
                line.as_bytes().to_vec()
            } else {
                let mut v: serde_json::Value = match serde_json::from_str(line) {
                    Ok(v) => v,
                    Err(_) => continue,
                };
                let id = format!("{}#copy{round}", v["id"].as_str().unwrap_or("article"));
                v["id"] = serde_json::Value::String(id);
                copies += 1;
                serde_json::to_vec(&v).expect("JSON value serialises")
            };
            if let Expect::Events(ids) = expect_of(pipeline, &body, None) {
                if !ids.is_empty() {
                    out.push(Input {
                        label: "article".into(),
                        body,
                        encoding: None,
                        expect: Expect::Events(ids),
                    });
                }
            }
        }
        if out.len() == before {
            return Err(SuiteError::Setup(format!(
                "{source} has no article with events"
            )));
        }
    }
    let what = if copies > 0 {
        format!("{source}, {copies} of them copies with rewritten ids")
    } else {
        source
    };
    Ok((out, what))
}

// ---------------------------------------------------------------------------
// What arrived.

#[derive(Debug, Clone)]
struct DeadRecord {
    kind: String,
    reason: String,
}

/// Everything the collectors saw, and which inputs are complete.
#[derive(Debug)]
struct Tally {
    /// Expected event id -> input index.
    owner: HashMap<String, usize>,
    /// Per input: expected events not seen yet.
    remaining: Vec<usize>,
    /// Event id -> deliveries seen.
    seen: HashMap<String, u32>,
    event_deliveries: u64,
    unknown_events: u64,
    dead: HashMap<usize, Vec<DeadRecord>>,
    dead_unknown: u64,
    done: usize,
    done_at: Vec<Option<Instant>>,
    last_delivery: Instant,
}

impl Tally {
    fn new(inputs: &[Input]) -> Tally {
        let mut owner = HashMap::new();
        let mut remaining = Vec::with_capacity(inputs.len());
        let mut done = 0;
        for (i, input) in inputs.iter().enumerate() {
            match &input.expect {
                Expect::Events(ids) => {
                    for id in ids {
                        owner.insert(id.clone(), i);
                    }
                    remaining.push(ids.len());
                    if ids.is_empty() {
                        done += 1;
                    }
                }
                Expect::Dead(_) => remaining.push(usize::MAX),
            }
        }
        Tally {
            owner,
            remaining,
            seen: HashMap::new(),
            event_deliveries: 0,
            unknown_events: 0,
            dead: HashMap::new(),
            dead_unknown: 0,
            done,
            done_at: vec![None; inputs.len()],
            last_delivery: Instant::now(),
        }
    }

    fn is_done(&self, i: usize) -> bool {
        self.remaining[i] == 0 || self.dead.contains_key(&i)
    }

    fn record_event(&mut self, event_id: Option<&str>) {
        self.event_deliveries += 1;
        self.last_delivery = Instant::now();
        let Some(id) = event_id else {
            self.unknown_events += 1;
            return;
        };
        let Some(&i) = self.owner.get(id) else {
            self.unknown_events += 1;
            return;
        };
        let count = self.seen.entry(id.to_string()).or_insert(0);
        *count += 1;
        if *count == 1 {
            let was_done = self.is_done(i);
            self.remaining[i] -= 1;
            if !was_done && self.is_done(i) {
                self.done += 1;
                self.done_at[i] = Some(Instant::now());
            }
        }
    }

    fn record_dead(&mut self, input: Option<usize>, record: DeadRecord) {
        self.last_delivery = Instant::now();
        match input.filter(|&i| i < self.remaining.len()) {
            Some(i) => {
                let was_done = self.is_done(i);
                self.dead.entry(i).or_default().push(record);
                if !was_done {
                    self.done += 1;
                    self.done_at[i] = Some(Instant::now());
                }
            }
            None => self.dead_unknown += 1,
        }
    }
}

// ---------------------------------------------------------------------------
// Broker helpers.

async fn connect(url: &str, name: &str) -> Result<Connection> {
    let props = ConnectionProperties::default().with_connection_name(name.into());
    match tokio::time::timeout(Duration::from_secs(10), Connection::connect(url, props)).await {
        Ok(conn) => Ok(conn?),
        Err(_) => Err(SuiteError::Timeout(
            Duration::from_secs(10),
            format!("connecting to the broker as {name}"),
        )),
    }
}

fn input_key(i: usize) -> String {
    format!("in-{i}")
}

fn input_index(props: &BasicProperties) -> Option<usize> {
    props
        .message_id()
        .as_ref()?
        .as_str()
        .strip_prefix("in-")?
        .parse()
        .ok()
}

fn header_str(props: &BasicProperties, key: &str) -> Option<String> {
    match props.headers().as_ref()?.inner().get(key)? {
        AMQPValue::LongString(s) => Some(s.to_string()),
        AMQPValue::ShortString(s) => Some(s.as_str().to_string()),
        other => Some(format!("{other:?}")),
    }
}

/// The reason of the first `x-death` entry (broker dead-lettering).
fn x_death_reason(props: &BasicProperties) -> Option<String> {
    let AMQPValue::FieldArray(deaths) = props.headers().as_ref()?.inner().get("x-death")? else {
        return None;
    };
    let AMQPValue::FieldTable(first) = deaths.as_slice().first()? else {
        return None;
    };
    match first.inner().get("reason")? {
        AMQPValue::LongString(s) => Some(s.to_string()),
        AMQPValue::ShortString(s) => Some(s.as_str().to_string()),
        other => Some(format!("{other:?}")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    Output,
    Dead,
}

/// Consumes `queue` (manual acks, so nothing is lost if the broker goes
/// away) into the tally until `stop`, reconnecting on any failure.
async fn collector(
    url: String,
    name: String,
    queue: String,
    stream: Stream,
    tally: Arc<Mutex<Tally>>,
    stop: CancellationToken,
) {
    while !stop.is_cancelled() {
        if let Err(error) = collect_once(&url, &name, &queue, stream, &tally, &stop).await {
            eprintln!("  [{name}] {error}; reconnecting");
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            }
        }
    }
}

async fn collect_once(
    url: &str,
    name: &str,
    queue: &str,
    stream: Stream,
    tally: &Mutex<Tally>,
    stop: &CancellationToken,
) -> Result<()> {
    let conn = connect(url, name).await?;
    let ch = conn.create_channel().await?;
    ch.basic_qos(1000, BasicQosOptions { global: false })
        .await?;
    let mut consumer = ch
        .basic_consume(
            queue.into(),
            "".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await?;
    loop {
        let next = tokio::select! {
            _ = stop.cancelled() => {
                let _ = conn.close(200, "OK".into()).await;
                return Ok(());
            }
            next = consumer.next() => next,
        };
        let delivery = match next {
            None => return Err(SuiteError::Setup("consumer ended".into())),
            Some(delivery) => delivery?,
        };
        {
            let mut t = tally.lock().expect("tally lock");
            let p = &delivery.properties;
            match stream {
                Stream::Output => t.record_event(p.message_id().as_ref().map(|s| s.as_str())),
                Stream::Dead => {
                    let record = match header_str(p, "x-quotewire-error-kind") {
                        Some(kind) => DeadRecord {
                            kind,
                            reason: header_str(p, "x-quotewire-error").unwrap_or_default(),
                        },
                        None => match x_death_reason(p) {
                            Some(reason) => DeadRecord {
                                kind: format!("x-death:{reason}"),
                                reason,
                            },
                            None => DeadRecord {
                                kind: String::new(),
                                reason: String::new(),
                            },
                        },
                    };
                    t.record_dead(input_index(p), record);
                }
            }
        }
        if !delivery.acker.ack(BasicAckOptions::default()).await? {
            return Err(SuiteError::Setup("ack not sent".into()));
        }
    }
}

/// Publishes the inputs (persistent, mandatory, confirmed, windowed),
/// recording when each was confirmed.
async fn publish_inputs(
    url: String,
    name: String,
    exchange: String,
    inputs: Arc<Vec<Input>>,
    published: Arc<Mutex<Vec<Option<Instant>>>>,
    per_second: Option<u32>,
) -> Result<()> {
    let conn = connect(&url, &name).await?;
    let started = Instant::now();
    let ch = conn.create_channel().await?;
    ch.confirm_select(ConfirmSelectOptions::default()).await?;
    let mut window = std::collections::VecDeque::new();
    let settle = |(i, confirm): (usize, lapin::PublisherConfirm)| async move {
        let confirmation = tokio::time::timeout(Duration::from_secs(60), confirm)
            .await
            .map_err(|_| SuiteError::Timeout(Duration::from_secs(60), "input confirm".into()))??;
        if !confirmation.is_ack() || confirmation.take_message().is_some() {
            return Err(SuiteError::Setup(format!(
                "input {i} was nacked or returned by the broker"
            )));
        }
        Ok(i)
    };
    for (i, input) in inputs.iter().enumerate() {
        if let Some(rate) = per_second {
            let due = Duration::from_secs_f64(i as f64 / f64::from(rate.max(1)));
            if let Some(wait) = due.checked_sub(started.elapsed()) {
                tokio::time::sleep(wait).await;
            }
        }
        let mut props = BasicProperties::default()
            .with_delivery_mode(2)
            .with_content_type("application/json".into())
            .with_message_id(input_key(i).as_str().into());
        if let Some(encoding) = input.encoding {
            props = props.with_content_encoding(encoding.into());
        }
        let confirm = ch
            .basic_publish(
                exchange.as_str().into(),
                "news.fault".into(),
                BasicPublishOptions {
                    mandatory: true,
                    ..BasicPublishOptions::default()
                },
                &input.body,
                props,
            )
            .await?;
        window.push_back((i, confirm));
        if window.len() >= 256 {
            let i = settle(window.pop_front().expect("non-empty")).await?;
            published.lock().expect("lock")[i] = Some(Instant::now());
        }
    }
    while let Some(item) = window.pop_front() {
        let i = settle(item).await?;
        published.lock().expect("lock")[i] = Some(Instant::now());
    }
    let _ = conn.close(200, "OK".into()).await;
    Ok(())
}

/// Ready messages in `queue`, from a passive declare.
async fn queue_depth(url: &str, name: &str, queue: &str) -> Result<u32> {
    let conn = connect(url, name).await?;
    let ch = conn.create_channel().await?;
    let q = ch
        .queue_declare(
            queue.into(),
            QueueDeclareOptions {
                passive: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await?;
    let _ = conn.close(200, "OK".into()).await;
    Ok(q.message_count())
}

/// Runs `rabbitmqctl` with `args`; its standard output, or an error.
fn rabbitmqctl(args: &[&str]) -> Result<String> {
    let out = Command::new("rabbitmqctl")
        .args(args)
        .output()
        .map_err(|e| {
            SuiteError::Setup(format!("cannot run rabbitmqctl (is it on the PATH?): {e}"))
        })?;
    if !out.status.success() {
        return Err(SuiteError::Setup(format!(
            "rabbitmqctl {} failed: {}{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The client-given names and pids of all broker connections.
fn list_connections() -> Result<Vec<(String, String)>> {
    let listing = rabbitmqctl(&[
        "list_connections",
        "-q",
        "--no-table-headers",
        "pid",
        "client_properties",
    ])?;
    Ok(listing
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (pid, props) = l.split_once('\t').unwrap_or((l, ""));
            // rabbitmqctl 3.10 prints `{"connection_name","NAME"}`.
            let name = props
                .split("{\"connection_name\",\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or("(unnamed)")
                .to_string();
            (name, pid.to_string())
        })
        .collect())
}

/// Closes the connections whose name starts with `prefix` (and no other),
/// all at once (one `rabbitmqctl close_connection` each, in parallel).
fn close_connections_named(prefix: &str) -> Result<usize> {
    let mut children = Vec::new();
    for (name, pid) in list_connections()? {
        if name.starts_with(prefix) {
            children.push(
                Command::new("rabbitmqctl")
                    .args(["close_connection", &pid, "fault-suite connection cut"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()?,
            );
        }
    }
    let mut closed = 0;
    for mut child in children {
        // A connection that closed on its own meanwhile is fine.
        if child.wait()?.success() {
            closed += 1;
        }
    }
    Ok(closed)
}

// ---------------------------------------------------------------------------
// Worker processes.

struct Worker {
    name: String,
    child: Child,
    log: PathBuf,
    addr: Option<String>,
    hwm_kb: u64,
    exit: Option<std::process::ExitStatus>,
}

impl Worker {
    fn spawn(bin: &Path, env: &[(String, String)], dir: &Path, name: &str) -> Result<Worker> {
        let log = dir.join(format!("{name}.log"));
        let file = std::fs::File::create(&log)?;
        let child = Command::new(bin)
            .arg("run")
            .env_clear()
            .envs(env.iter().cloned())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(file)
            .spawn()?;
        Ok(Worker {
            name: name.to_string(),
            child,
            log,
            addr: None,
            hwm_kb: 0,
            exit: None,
        })
    }

    fn alive(&mut self) -> bool {
        if self.exit.is_none() {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.exit = Some(status);
            }
        }
        self.exit.is_none()
    }

    /// Samples the peak resident set size (VmHWM) while the process lives.
    fn sample_rss(&mut self) {
        if !self.alive() {
            return;
        }
        let path = format!("/proc/{}/status", self.child.id());
        if let Ok(status) = std::fs::read_to_string(path) {
            if let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                self.hwm_kb = self.hwm_kb.max(kb);
            }
        }
    }

    fn logs(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// JSON log lines whose message is `message`.
    fn log_lines(&self, message: &str) -> Vec<serde_json::Value> {
        let needle = format!("\"message\":\"{message}\"");
        self.logs()
            .lines()
            .filter(|l| l.contains(&needle))
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    /// From the worker's own log: for each lost session, the time from
    /// `Broker session lost` to the next `Consuming.`.
    fn reconnect_gaps(&self) -> Vec<Duration> {
        let mut gaps = Vec::new();
        let mut lost_at = None;
        for line in self.logs().lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let message = v["fields"]["message"].as_str().unwrap_or_default();
            let Some(at) = v["timestamp"].as_str().and_then(seconds_of_day) else {
                continue;
            };
            if message.starts_with("Broker session lost") {
                lost_at.get_or_insert(at);
            } else if message == "Consuming." {
                if let Some(lost) = lost_at.take() {
                    let mut gap = at - lost;
                    if gap < 0.0 {
                        gap += 86_400.0;
                    }
                    gaps.push(Duration::from_secs_f64(gap));
                }
            }
        }
        gaps
    }

    fn consuming_count(&self) -> usize {
        self.log_lines("Consuming.").len()
    }

    async fn addr(&mut self) -> Result<String> {
        if let Some(addr) = &self.addr {
            return Ok(addr.clone());
        }
        let start = Instant::now();
        loop {
            if let Some(line) = self.log_lines("HTTP server listening.").first() {
                let addr = line["fields"]["address"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                self.addr = Some(addr.clone());
                return Ok(addr);
            }
            if !self.alive() || start.elapsed() > Duration::from_secs(30) {
                return Err(SuiteError::Setup(format!(
                    "{}: no HTTP address logged; log:\n{}",
                    self.name,
                    self.logs()
                )));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// One sample of the worker's /metrics, 0 if absent.
    async fn metric(&mut self, sample: &str) -> Result<f64> {
        let addr = self.addr().await?;
        let body = http_get(&addr, "/metrics").await?;
        Ok(body
            .lines()
            .find_map(|l| {
                l.strip_prefix(sample)?
                    .strip_prefix(' ')?
                    .trim()
                    .parse()
                    .ok()
            })
            .unwrap_or(0.0))
    }

    fn kill9(&mut self) -> Result<()> {
        self.sample_rss();
        self.child.kill()?;
        self.exit = Some(self.child.wait()?);
        Ok(())
    }

    /// SIGTERM and wait; the exit code (None if killed by a signal).
    async fn stop(&mut self, timeout: Duration) -> Result<Option<i32>> {
        if self.alive() {
            self.sample_rss();
            Command::new("kill")
                .args(["-TERM", &self.child.id().to_string()])
                .status()?;
            let start = Instant::now();
            while self.alive() {
                if start.elapsed() > timeout {
                    let _ = self.child.kill();
                    self.exit = Some(self.child.wait()?);
                    return Err(SuiteError::Timeout(
                        timeout,
                        format!("{} SIGTERM", self.name),
                    ));
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        Ok(self.exit.and_then(|s| s.code()))
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if self.alive() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

async fn http_get(addr: &str, path: &str) -> Result<String> {
    let fut = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await?;
        let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        stream.write_all(req.as_bytes()).await?;
        let mut buf = Vec::new();
        stream.read_to_end(&mut buf).await?;
        Ok::<_, std::io::Error>(String::from_utf8_lossy(&buf).into_owned())
    };
    let text = tokio::time::timeout(Duration::from_secs(5), fut)
        .await
        .map_err(|_| SuiteError::Timeout(Duration::from_secs(5), format!("GET {addr}{path}")))??;
    Ok(text
        .split_once("\r\n\r\n")
        .map(|x| x.1)
        .unwrap_or("")
        .to_string())
}

// ---------------------------------------------------------------------------
// One scenario run.

/// One row of the report.
#[derive(Debug, Clone)]
struct Row {
    scenario: String,
    articles_in: usize,
    events_expected: usize,
    events_seen: u64,
    duplicates: u64,
    dead: usize,
    lost: usize,
    recovery: String,
    rss_mb: f64,
    ok: bool,
    notes: Vec<String>,
}

struct Scene {
    opts: Options,
    scenario: String,
    prefix: String,
    input_exchange: String,
    input_queue: String,
    output_exchange: String,
    output_queue: String,
    dead_exchange: String,
    dead_queue: String,
    inputs: Arc<Vec<Input>>,
    tally: Arc<Mutex<Tally>>,
    published: Arc<Mutex<Vec<Option<Instant>>>>,
    stop: CancellationToken,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    publisher: Option<tokio::task::JoinHandle<Result<()>>>,
    workers: Vec<Worker>,
    worker_env: Vec<(String, String)>,
    dir: tempfile::TempDir,
    notes: Vec<String>,
    failures: Vec<String>,
    /// A policy to clear at the end, if set.
    policy: Option<String>,
    /// Whether a good article in the dead-letter queue fails the scenario
    /// (when nothing about the article itself is wrong).
    good_dead_fails: bool,
}

impl Scene {
    /// Unique names, the topology declared by `quotewire topology` with the
    /// workers' settings plus `extra_env`.
    fn new(
        opts: &Options,
        scenario: &str,
        inputs: Vec<Input>,
        extra_env: &[(&str, &str)],
    ) -> Result<Scene> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let prefix = format!("qwfault.{scenario}.{}.{nanos}", std::process::id());
        let tally = Tally::new(&inputs);
        let n = inputs.len();
        let mut scene = Scene {
            opts: opts.clone(),
            scenario: scenario.to_string(),
            input_exchange: format!("{prefix}.articles"),
            input_queue: format!("{prefix}.articles.q"),
            output_exchange: format!("{prefix}.statements"),
            output_queue: format!("{prefix}.statements.q"),
            dead_exchange: format!("{prefix}.dead"),
            dead_queue: format!("{prefix}.dead.q"),
            prefix,
            inputs: Arc::new(inputs),
            tally: Arc::new(Mutex::new(tally)),
            published: Arc::new(Mutex::new(vec![None; n])),
            stop: CancellationToken::new(),
            tasks: Vec::new(),
            publisher: None,
            workers: Vec::new(),
            worker_env: Vec::new(),
            dir: tempfile::Builder::new().prefix("qwfault-").tempdir()?,
            notes: Vec::new(),
            failures: Vec::new(),
            policy: None,
            good_dead_fails: false,
        };
        let mut env: Vec<(String, String)> = [
            ("QUOTEWIRE__AMQP__URL", opts.url.as_str()),
            ("QUOTEWIRE__INPUT__EXCHANGE", &scene.input_exchange),
            ("QUOTEWIRE__INPUT__QUEUE", &scene.input_queue),
            ("QUOTEWIRE__OUTPUT__EXCHANGE", &scene.output_exchange),
            ("QUOTEWIRE__OUTPUT__QUEUE", &scene.output_queue),
            ("QUOTEWIRE__DEAD_LETTER__EXCHANGE", &scene.dead_exchange),
            ("QUOTEWIRE__DEAD_LETTER__QUEUE", &scene.dead_queue),
            ("QUOTEWIRE__HTTP__LISTEN", "127.0.0.1:0"),
            ("QUOTEWIRE__LOG__FORMAT", "json"),
            ("QUOTEWIRE__LOG__LEVEL", "info"),
        ]
        .iter()
        .chain(extra_env.iter())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        scene.worker_env = env.clone();
        env.push((
            "QUOTEWIRE__AMQP__CONNECTION_NAME".into(),
            format!("{}.suite.topology", scene.prefix),
        ));
        let out = Command::new(&opts.bin)
            .arg("topology")
            .env_clear()
            .envs(env)
            .output()?;
        if !out.status.success() {
            return Err(SuiteError::Setup(format!(
                "quotewire topology failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        eprintln!("== {scenario}: {n} inputs, names {}.*", scene.prefix);
        Ok(scene)
    }

    fn start_collector(&mut self, stream: Stream) {
        let (queue, which) = match stream {
            Stream::Output => (self.output_queue.clone(), "collect-out"),
            Stream::Dead => (self.dead_queue.clone(), "collect-dead"),
        };
        self.tasks.push(tokio::spawn(collector(
            self.opts.url.clone(),
            format!("{}.suite.{which}", self.prefix),
            queue,
            stream,
            self.tally.clone(),
            self.stop.clone(),
        )));
    }

    /// Publishes every input in the background, at most `per_second`.
    fn start_publisher(&mut self, per_second: Option<u32>) {
        self.publisher = Some(tokio::spawn(publish_inputs(
            self.opts.url.clone(),
            format!("{}.suite.publish", self.prefix),
            self.input_exchange.clone(),
            self.inputs.clone(),
            self.published.clone(),
            per_second,
        )));
    }

    async fn wait_published(&mut self) -> Result<()> {
        if let Some(handle) = self.publisher.take() {
            handle
                .await
                .map_err(|e| SuiteError::Setup(format!("publisher task: {e}")))??;
        }
        Ok(())
    }

    /// Starts a worker named `<prefix>.<name>` (its connection names).
    fn spawn_worker(&mut self, name: &str) -> Result<usize> {
        let mut env = self.worker_env.clone();
        env.push((
            "QUOTEWIRE__AMQP__CONNECTION_NAME".into(),
            format!("{}.{name}", self.prefix),
        ));
        let worker = Worker::spawn(&self.opts.bin, &env, self.dir.path(), name)?;
        self.workers.push(worker);
        Ok(self.workers.len() - 1)
    }

    fn done(&self) -> usize {
        self.tally.lock().expect("tally").done
    }

    fn sample(&mut self) {
        for w in &mut self.workers {
            w.sample_rss();
        }
    }

    /// Polls (sampling RSS) until `cond` holds; fails after `timeout`.
    async fn wait_for<F>(&mut self, what: &str, timeout: Duration, mut cond: F) -> Result<Duration>
    where
        F: FnMut(&mut Scene) -> bool,
    {
        let start = Instant::now();
        loop {
            self.sample();
            if cond(self) {
                return Ok(start.elapsed());
            }
            if start.elapsed() > timeout {
                return Err(SuiteError::Timeout(timeout, what.to_string()));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn wait_consuming(&mut self, w: usize, count: usize) -> Result<Duration> {
        let what = format!("{} logs `Consuming.` {count} time(s)", self.workers[w].name);
        self.wait_for(&what, Duration::from_secs(60), |s| {
            s.workers[w].consuming_count() >= count
        })
        .await
    }

    async fn wait_progress(&mut self, at_least: usize, timeout: Duration) -> Result<Duration> {
        let what = format!("{at_least} inputs complete");
        self.wait_for(&what, timeout, |s| s.done() >= at_least)
            .await
    }

    /// Waits until the worker has acked at least one article.
    async fn wait_first_ack(&mut self, w: usize, timeout: Duration) -> Result<()> {
        let start = Instant::now();
        loop {
            self.sample();
            if self.workers[w]
                .metric("quotewire_articles_acked_total")
                .await
                .unwrap_or(0.0)
                >= 1.0
            {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(SuiteError::Timeout(
                    timeout,
                    format!("{} acks", self.workers[w].name),
                ));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn fail(&mut self, what: String) {
        eprintln!("  FAIL: {what}");
        self.failures.push(what);
    }

    /// [`Scene::finish`] after the scenario's steps, which may have failed
    /// half-way (the invariant is checked either way).
    async fn conclude(mut self, steps: Result<String>) -> Row {
        match steps {
            Ok(recovery) => self.finish(recovery).await,
            Err(e) => {
                self.fail(format!("the scenario did not complete: {e}"));
                self.finish("-".into()).await
            }
        }
    }

    /// Stops the workers (SIGTERM, exit code 0 expected), lets the
    /// collectors settle, checks the input queue is empty and the
    /// invariant, deletes the broker objects and returns the row.
    async fn finish(mut self, recovery: String) -> Row {
        let n = self.inputs.len();
        if let Err(e) = self.wait_published().await {
            self.fail(format!("publishing failed: {e}"));
        }
        if self.done() < n {
            // Give stragglers a last bounded chance before judging.
            let _ = self.wait_progress(n, Duration::from_secs(30)).await;
        }
        for i in 0..self.workers.len() {
            if !self.workers[i].alive() {
                continue;
            }
            match self.workers[i].stop(Duration::from_secs(40)).await {
                Ok(Some(0)) => {}
                Ok(code) => {
                    let w = &self.workers[i];
                    let msg = format!("{} exited with {code:?} on SIGTERM", w.name);
                    self.fail(msg);
                }
                Err(e) => self.fail(e.to_string()),
            }
        }
        // Late duplicates: wait until nothing arrived for 2 s (at most 30 s).
        let settle_start = Instant::now();
        while settle_start.elapsed() < Duration::from_secs(30) {
            if self.tally.lock().expect("tally").last_delivery.elapsed() > Duration::from_secs(2) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let control = format!("{}.suite.control", self.prefix);
        match queue_depth(&self.opts.url, &control, &self.input_queue).await {
            Ok(0) => {}
            Ok(left) => self.fail(format!("{left} message(s) left in the input queue")),
            Err(e) => self.fail(format!("cannot check the input queue: {e}")),
        }
        self.stop.cancel();
        for task in self.tasks.drain(..) {
            let _ = task.await;
        }

        let row = self.judge(recovery);
        if !row.ok {
            let logs: Vec<String> = self
                .workers
                .iter()
                .map(|w| {
                    let dest = std::env::temp_dir().join(format!("{}.{}.log", self.prefix, w.name));
                    let _ = std::fs::copy(&w.log, &dest);
                    dest.display().to_string()
                })
                .collect();
            eprintln!("  worker logs kept: {}", logs.join(" "));
        }
        self.cleanup().await;
        row
    }

    /// The row: the invariant checked against what the collectors saw.
    fn judge(&mut self, recovery: String) -> Row {
        let n = self.inputs.len();
        let t = self.tally.lock().expect("tally");
        let mut events_expected = 0;
        let mut lost = Vec::new();
        let mut good_dead = 0;
        let mut wrong_kind = Vec::new();
        let mut zero_event = 0;
        for (i, input) in self.inputs.iter().enumerate() {
            let dead = t.dead.get(&i);
            match &input.expect {
                Expect::Events(ids) => {
                    events_expected += ids.len();
                    if ids.is_empty() {
                        zero_event += 1;
                    }
                    if t.remaining[i] > 0 {
                        if dead.is_some() {
                            good_dead += 1;
                        } else {
                            lost.push(format!(
                                "{} {} ({} of {} events missing)",
                                input_key(i),
                                input.label,
                                t.remaining[i],
                                ids.len()
                            ));
                        }
                    }
                }
                Expect::Dead(kind) => match dead {
                    None => lost.push(format!(
                        "{} {} (expected dead letter {kind})",
                        input_key(i),
                        input.label
                    )),
                    Some(records) => {
                        if !records.iter().any(|r| r.kind == *kind) {
                            wrong_kind.push(format!(
                                "{} {}: expected {kind}, got {}",
                                input_key(i),
                                input.label,
                                records[0].kind
                            ));
                        }
                    }
                },
            }
        }
        let mut failures = std::mem::take(&mut self.failures);
        let mut notes = std::mem::take(&mut self.notes);
        let no_reason = t
            .dead
            .values()
            .flatten()
            .filter(|r| r.kind.is_empty() || r.reason.is_empty())
            .count();
        if no_reason > 0 {
            failures.push(format!("{no_reason} dead letter(s) without a reason"));
        }
        if !wrong_kind.is_empty() {
            failures.push(format!(
                "dead-lettered with the wrong kind: {}",
                wrong_kind.join("; ")
            ));
        }
        if t.unknown_events > 0 {
            failures.push(format!(
                "{} event(s) with an unexpected event_id",
                t.unknown_events
            ));
        }
        if t.dead_unknown > 0 {
            failures.push(format!(
                "{} dead letter(s) not from this run's inputs",
                t.dead_unknown
            ));
        }
        if good_dead > 0 {
            let mut kinds: HashMap<&str, usize> = HashMap::new();
            for (i, records) in &t.dead {
                if matches!(self.inputs[*i].expect, Expect::Events(_)) && t.remaining[*i] > 0 {
                    *kinds.entry(records[0].kind.as_str()).or_default() += 1;
                }
            }
            let what = format!(
                "{good_dead} good article(s) dead-lettered instead of extracted (not lost): {kinds:?}"
            );
            if self.good_dead_fails {
                failures.push(what);
            } else {
                notes.push(what);
            }
        }
        if zero_event > 0 {
            notes.push(format!(
                "{zero_event} input(s) have no expected event; for them the check is the empty input queue"
            ));
        }
        if !lost.is_empty() {
            let shown: Vec<_> = lost.iter().take(10).cloned().collect();
            failures.push(format!("LOST {}: {}", lost.len(), shown.join("; ")));
        }
        let distinct_seen = t.seen.len() as u64;
        let duplicates = t.event_deliveries - t.unknown_events - distinct_seen;
        let rss_kb = self.workers.iter().map(|w| w.hwm_kb).max().unwrap_or(0);
        let rss_mb = rss_kb as f64 / 1024.0;
        if rss_mb > self.opts.rss_limit_mb as f64 {
            failures.push(format!(
                "worker peak RSS {rss_mb:.0} MB over the bound of {} MB",
                self.opts.rss_limit_mb
            ));
        }
        let row = Row {
            scenario: self.scenario.clone(),
            articles_in: n,
            events_expected,
            events_seen: t.event_deliveries,
            duplicates,
            dead: t.dead.len(),
            lost: lost.len(),
            recovery,
            rss_mb,
            ok: lost.is_empty() && failures.is_empty(),
            notes: failures
                .into_iter()
                .map(|f| format!("FAIL: {f}"))
                .chain(notes)
                .collect(),
        };
        row
    }

    async fn cleanup(&self) {
        if let Some(policy) = &self.policy {
            let _ = rabbitmqctl(&["clear_policy", policy]);
        }
        let Ok(conn) = connect(&self.opts.url, &format!("{}.suite.cleanup", self.prefix)).await
        else {
            return;
        };
        let Ok(ch) = conn.create_channel().await else {
            return;
        };
        for q in [&self.input_queue, &self.output_queue, &self.dead_queue] {
            let _ = ch
                .queue_delete(q.as_str().into(), QueueDeleteOptions::default())
                .await;
        }
        for e in [
            &self.input_exchange,
            &self.output_exchange,
            &self.dead_exchange,
        ] {
            let _ = ch
                .exchange_delete(e.as_str().into(), ExchangeDeleteOptions::default())
                .await;
        }
        let _ = conn.close(200, "OK".into()).await;
    }
}

/// Seconds since midnight of an RFC 3339 UTC timestamp
/// (`2026-11-27T10:26:12.079817Z`).
fn seconds_of_day(ts: &str) -> Option<f64> {
    let time = ts.split_once('T')?.1.trim_end_matches('Z');
    let mut parts = time.split(':');
    let h: f64 = parts.next()?.parse().ok()?;
    let m: f64 = parts.next()?.parse().ok()?;
    let s: f64 = parts.next()?.parse().ok()?;
    Some(h * 3600.0 + m * 60.0 + s)
}

fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// A row for a scenario that could not run at all.
fn broken_row(scenario: &str, error: SuiteError) -> Row {
    Row {
        scenario: scenario.to_string(),
        articles_in: 0,
        events_expected: 0,
        events_seen: 0,
        duplicates: 0,
        dead: 0,
        lost: 0,
        recovery: "-".into(),
        rss_mb: 0.0,
        ok: false,
        notes: vec![format!("FAIL: the scenario did not complete: {error}")],
    }
}

// ---------------------------------------------------------------------------
// Scenarios.

/// kill -9 at random progress points while articles flow, restarting.
async fn kill9(opts: &Options, good: &[Input]) -> Row {
    let n = opts.articles.min(good.len());
    match Scene::new(opts, "kill9", good[..n].to_vec(), &[]) {
        Ok(mut scene) => {
            let steps = kill9_steps(&mut scene, n).await;
            scene.conclude(steps).await
        }
        Err(e) => broken_row("kill9", e),
    }
}

async fn kill9_steps(scene: &mut Scene, n: usize) -> Result<String> {
    let opts = scene.opts.clone();
    scene.start_collector(Stream::Output);
    scene.start_collector(Stream::Dead);
    let mut current = scene.spawn_worker("w0")?;
    scene.wait_consuming(current, 1).await?;
    scene.start_publisher(None);
    let mut rng = fastrand::Rng::with_seed(opts.seed);
    let mut recoveries = Vec::new();
    let segment = 0.8 / opts.kills as f64;
    let mut generation = 0;
    for k in 0..opts.kills {
        let fraction = 0.1 + segment * k as f64 + rng.f64() * segment * 0.8;
        let at = (fraction * n as f64) as usize;
        scene.wait_progress(at, Duration::from_secs(300)).await?;
        let done = scene.done();
        let killed = Instant::now();
        scene.workers[current].kill9()?;
        generation += 1;
        current = scene.spawn_worker(&format!("w{generation}"))?;
        eprintln!("  kill -9 #{} at {done}/{n} complete", k + 1);
        if k == 0 {
            // One more kill right after the restart, during the redelivery burst.
            scene.wait_consuming(current, 1).await?;
            let delay = Duration::from_millis(rng.u64(0..300));
            tokio::time::sleep(delay).await;
            let done = scene.done();
            scene.workers[current].kill9()?;
            generation += 1;
            current = scene.spawn_worker(&format!("w{generation}"))?;
            eprintln!(
                "  kill -9 (extra) {delay:?} after the restart consumed, at {done}/{n} complete"
            );
        }
        scene
            .wait_first_ack(current, Duration::from_secs(60))
            .await?;
        recoveries.push(killed.elapsed());
    }
    scene.wait_progress(n, Duration::from_secs(400)).await?;
    let max = recoveries.iter().max().copied().unwrap_or_default();
    scene.notes.push(format!(
        "{} kill -9 ({} at random progress points + 1 within 300 ms of a restart's first `Consuming.`), seed {}; kill -> first ack of the replacement: {}",
        opts.kills + 1,
        opts.kills,
        opts.seed,
        recoveries.iter().map(|d| secs(*d)).collect::<Vec<_>>().join(", ")
    ));
    Ok(format!(
        "max {} kill -> first ack by the restarted worker",
        secs(max)
    ))
}

/// Two workers; their connections are closed by name, several times.
async fn conn_cut(opts: &Options, good: &[Input]) -> Row {
    let n = opts.small_articles.min(good.len());
    match Scene::new(opts, "conn-cut", good[..n].to_vec(), &[]) {
        Ok(mut scene) => {
            let steps = conn_cut_steps(&mut scene, n).await;
            scene.conclude(steps).await
        }
        Err(e) => broken_row("conn-cut", e),
    }
}

async fn conn_cut_steps(scene: &mut Scene, n: usize) -> Result<String> {
    scene.start_collector(Stream::Output);
    scene.start_collector(Stream::Dead);
    let a = scene.spawn_worker("w1")?;
    let b = scene.spawn_worker("w2")?;
    scene.wait_consuming(a, 1).await?;
    scene.wait_consuming(b, 1).await?;
    scene.start_publisher(Some(100));
    let workers_prefix = format!("{}.w", scene.prefix);
    // Cut at 15 %, 35 %, again right after reconnecting, and at 60 %.
    let plan = [Some(0.15), Some(0.35), None, Some(0.6)];
    let mut recoveries = Vec::new();
    let mut closed_counts = Vec::new();
    let mut done_at_cut = Vec::new();
    for at in plan {
        if let Some(f) = at {
            scene
                .wait_progress((f * n as f64) as usize, Duration::from_secs(300))
                .await?;
        }
        let (ca, cb) = (
            scene.workers[a].consuming_count(),
            scene.workers[b].consuming_count(),
        );
        let done = scene.done();
        let closed = close_connections_named(&workers_prefix)?;
        let cut = Instant::now();
        closed_counts.push(closed);
        done_at_cut.push(done);
        eprintln!("  cut {closed} connection(s) at {done}/{n} complete");
        scene.wait_consuming(a, ca + 1).await?;
        scene.wait_consuming(b, cb + 1).await?;
        recoveries.push(cut.elapsed());
    }
    scene.wait_progress(n, Duration::from_secs(300)).await?;
    if done_at_cut.iter().any(|&d| d >= n) {
        scene.fail(format!(
            "a cut came after all articles were complete (complete at each cut: {done_at_cut:?})"
        ));
    }
    if closed_counts.iter().any(|&c| c != 4) {
        let msg = format!(
            "expected to close 4 connections per cut (2 per worker), closed {closed_counts:?}"
        );
        scene.fail(msg);
    }
    let reconnects = [a, b]
        .iter()
        .map(|&w| scene.workers[w].consuming_count() - 1)
        .collect::<Vec<_>>();
    let gaps: Vec<Duration> = [a, b]
        .iter()
        .flat_map(|&w| scene.workers[w].reconnect_gaps())
        .collect();
    let max_gap = gaps.iter().max().copied().unwrap_or_default();
    scene.notes.push(format!(
        "{} cuts of the workers' connections only (`rabbitmqctl close_connection` on the connections named {workers_prefix}*, not close_all_connections, so other broker users are untouched); connections closed per cut {closed_counts:?} at {done_at_cut:?} complete inputs; reconnects per worker {reconnects:?}; close_connection returned -> both workers consuming again: {}",
        plan.len(),
        recoveries.iter().map(|d| secs(*d)).collect::<Vec<_>>().join(", ")
    ));
    Ok(format!(
        "max {} session lost -> consuming again (worker logs, {} reconnects)",
        secs(max_gap),
        gaps.len()
    ))
}

fn gzip_member(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).expect("write to memory");
    enc.finish().expect("finish gzip")
}

/// The poison catalogue: (label, body, content_encoding).
fn poison_catalogue(good: &[u8], seed: u64) -> Vec<(String, Vec<u8>, Option<&'static str>)> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let quote = r#"\"We will rebuild the bridge,\" Mayor Jane Roe said on Monday."#;
    let article = |id: &str, text: &str| {
        serde_json::to_vec(&serde_json::json!({"id": id, "text": text})).expect("JSON")
    };
    // Quotes inside quotes inside quotes, 400 levels deep, alternating marks.
    let mut nested = String::from("Jane Roe said: ");
    for level in 0..400 {
        nested.push_str(["“", "‘", "\"", "'"][level % 4]);
        nested.push_str(&format!("level {level} "));
    }
    for level in (0..400).rev() {
        nested.push_str(["”", "’", "\"", "'"][level % 4]);
    }
    nested.push_str(" \"It will be done,\" Roe said.");
    let quote_text = serde_json::from_str::<String>(&format!("\"{quote}\"")).expect("quote");
    let ten_thousand_quotes = format!("{}{quote_text} {}", "\"".repeat(5000), "“”".repeat(2500));
    let no_sentence_end = format!(
        "{quote_text} {}",
        "and the minister said that the plan ".repeat(25_000)
    );
    let million_line = format!("{quote_text} \"{}\" said Roe", "x".repeat(1_000_000));
    let mixed = format!(
        "{quote_text} {}{}",
        "He said “a ‘b “c ‘d “e’ f” g’ h” i” ".repeat(2000),
        "«»„“‚‘".repeat(1000)
    );
    let huge = {
        let mut body = br#"{"id":"huge-50mb","text":""#.to_vec();
        body.resize(body.len() + 50 * 1024 * 1024, b'a');
        body.extend_from_slice(br#""}"#);
        body
    };
    // ~1 GiB of zeros: 64 concatenated gzip members of 16 MiB each (~1 MB).
    let bomb = gzip_member(&vec![0u8; 16 << 20]).repeat(64);
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
    let deep_field = format!(
        r#"{{"id":"deep","text":"{quote}","extra":{}1{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    )
    .into_bytes();
    let binary: Vec<u8> = (0..4096).map(|_| rng.u8(..)).collect();
    vec![
        ("not JSON".into(), b"this is not JSON at all".to_vec(), None),
        (
            "truncated JSON".into(),
            good[..good.len() / 2].to_vec(),
            None,
        ),
        (
            "not UTF-8".into(),
            b"{\"id\":\"latin1\",\"text\":\"caf\xe9 \xff\xfe\"}".to_vec(),
            None,
        ),
        ("binary".into(), binary, None),
        ("empty body".into(), Vec::new(), None),
        ("JSON array".into(), b"[1, 2, 3]".to_vec(), None),
        ("JSON string".into(), b"\"just a string\"".to_vec(), None),
        ("JSON null".into(), b"null".to_vec(), None),
        (
            "missing id".into(),
            format!(r#"{{"text":"{quote}"}}"#).into_bytes(),
            None,
        ),
        (
            "empty text".into(),
            br#"{"id":"empty-text","text":""}"#.to_vec(),
            None,
        ),
        (
            "wrong types (id number, text array)".into(),
            br#"{"id":7,"text":["a"]}"#.to_vec(),
            None,
        ),
        (
            "wrong type (title number)".into(),
            format!(r#"{{"id":"t","text":"{quote}","title":5}}"#).into_bytes(),
            None,
        ),
        ("50 MB body".into(), huge, None),
        ("nested JSON 100,000 levels".into(), deep_array, None),
        ("nested field 100,000 levels".into(), deep_field, None),
        ("gzip bomb (1 GiB of zeros)".into(), bomb, Some("gzip")),
        (
            "gzip claimed, not gzip".into(),
            b"plainly not gzip".to_vec(),
            Some("gzip"),
        ),
        (
            "quotes in quotes, 400 levels".into(),
            article("hard-nested", &nested),
            None,
        ),
        (
            "10,000 quote marks".into(),
            article("hard-quotes", &ten_thousand_quotes),
            None,
        ),
        (
            "no sentence ends (~900 KB)".into(),
            article("hard-no-end", &no_sentence_end),
            None,
        ),
        (
            "a million-character line".into(),
            article("hard-million", &million_line),
            None,
        ),
        (
            "mixed nested quote marks".into(),
            article("hard-mixed", &mixed),
            None,
        ),
    ]
}

/// Hostile messages mixed into good traffic.
async fn poison(opts: &Options, pipeline: &Pipeline, good: &[Input]) -> Row {
    let n_good = 600.min(good.len());
    let catalogue = poison_catalogue(&good[0].body, opts.seed);
    let every = n_good / (catalogue.len() + 1);
    let mut inputs = Vec::new();
    let mut poison_idx = Vec::new();
    let mut bad = catalogue.into_iter();
    for (i, g) in good[..n_good].iter().enumerate() {
        inputs.push(g.clone());
        if i % every == every - 1 {
            if let Some((label, body, encoding)) = bad.next() {
                let expect = expect_of(pipeline, &body, encoding);
                poison_idx.push(inputs.len());
                inputs.push(Input {
                    label,
                    body,
                    encoding,
                    expect,
                });
            }
        }
    }
    for (label, body, encoding) in bad {
        let expect = expect_of(pipeline, &body, encoding);
        poison_idx.push(inputs.len());
        inputs.push(Input {
            label,
            body,
            encoding,
            expect,
        });
    }
    match Scene::new(opts, "poison", inputs, &[]) {
        Ok(mut scene) => {
            let steps = poison_steps(&mut scene, &poison_idx, n_good).await;
            scene.conclude(steps).await
        }
        Err(e) => broken_row("poison", e),
    }
}

async fn poison_steps(scene: &mut Scene, poison_idx: &[usize], n_good: usize) -> Result<String> {
    let total = scene.inputs.len();
    scene.start_collector(Stream::Output);
    scene.start_collector(Stream::Dead);
    let w = scene.spawn_worker("w0")?;
    scene.wait_consuming(w, 1).await?;
    scene.start_publisher(None);
    scene.wait_published().await?;
    let bound = Duration::from_secs(60);
    let _ = scene.wait_progress(total, Duration::from_secs(180)).await;
    if !scene.workers[w].alive() {
        let msg = format!("the worker died: {:?}", scene.workers[w].exit);
        scene.fail(msg);
    }
    if scene.workers[w].consuming_count() != 1 {
        let msg = format!(
            "the worker's session broke during the poison run ({} `Consuming.`)",
            scene.workers[w].consuming_count()
        );
        scene.fail(msg);
    }
    let mut slowest = Duration::ZERO;
    let mut lines = Vec::new();
    {
        let t = scene.tally.lock().expect("tally");
        let published = scene.published.lock().expect("published");
        for &i in poison_idx {
            let input = &scene.inputs[i];
            let took = match (published[i], t.done_at[i]) {
                (Some(p), Some(d)) => Some(d.saturating_duration_since(p)),
                _ => None,
            };
            let outcome = match (t.dead.get(&i), &input.expect) {
                (Some(r), _) => format!("dead `{}`", r[0].kind),
                (None, Expect::Events(ids)) if t.remaining[i] == 0 => {
                    format!("{} event(s)", ids.len())
                }
                (None, _) => "NOT DONE".into(),
            };
            if let Some(d) = took {
                slowest = slowest.max(d);
            }
            lines.push(format!(
                "{} ({} B) -> {outcome} in {}",
                input.label,
                input.body.len(),
                took.map(secs).unwrap_or_else(|| "-".into())
            ));
        }
    }
    if slowest > bound {
        scene.fail(format!(
            "a poison message took {} (bound {})",
            secs(slowest),
            secs(bound)
        ));
    }
    scene.notes.push(format!(
        "{} poison messages among {n_good} good articles; one worker stayed up with one session; each: {}",
        poison_idx.len(),
        lines.join("; ")
    ));
    Ok(format!(
        "slowest poison outcome {} after publish (bound {})",
        secs(slowest),
        secs(bound)
    ))
}

/// Output queue limited with reject-publish, then the limit lifted.
async fn slow_downstream(opts: &Options, good: &[Input], delivery_limit_5: bool) -> Row {
    let n = 400.min(good.len());
    let name = if delivery_limit_5 {
        "slow-downstream-dl5"
    } else {
        "slow-downstream"
    };
    let extra: &[(&str, &str)] = if delivery_limit_5 {
        &[]
    } else {
        &[("QUOTEWIRE__INPUT__DELIVERY_LIMIT", "0")]
    };
    match Scene::new(opts, name, good[..n].to_vec(), extra) {
        Ok(mut scene) => {
            let steps = slow_downstream_steps(&mut scene, n, delivery_limit_5).await;
            scene.conclude(steps).await
        }
        Err(e) => broken_row(name, e),
    }
}

async fn slow_downstream_steps(
    scene: &mut Scene,
    n: usize,
    delivery_limit_5: bool,
) -> Result<String> {
    let opts = scene.opts.clone();
    // A slow downstream is no reason to give up on a good article.
    scene.good_dead_fails = true;
    let max_len = 100;
    let policy = format!("{}.maxlen", scene.prefix);
    let pattern = format!("^{}$", scene.output_queue.replace('.', "\\."));
    let definition = format!(r#"{{"max-length":{max_len},"overflow":"reject-publish"}}"#);
    rabbitmqctl(&[
        "set_policy",
        "--apply-to",
        "queues",
        "--priority",
        "100",
        &policy,
        &pattern,
        &definition,
    ])?;
    scene.policy = Some(policy.clone());
    scene
        .wait_for(
            "the max-length policy applies",
            Duration::from_secs(20),
            |s| {
                rabbitmqctl(&["list_queues", "-q", "--no-table-headers", "name", "policy"])
                    .map(|out| {
                        out.lines()
                            .any(|l| l.starts_with(&s.output_queue) && l.contains(&policy))
                    })
                    .unwrap_or(false)
            },
        )
        .await?;
    scene.start_collector(Stream::Dead);
    let w = scene.spawn_worker("w0")?;
    scene.wait_consuming(w, 1).await?;
    scene.start_publisher(None);
    scene.wait_published().await?;
    // Wait for the first nacks, then hold the limit a while.
    let start = Instant::now();
    loop {
        scene.sample();
        let nacked = scene.workers[w]
            .metric("quotewire_confirms_failed_total{outcome=\"nacked\"}")
            .await?;
        if nacked >= 1.0 {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            return Err(SuiteError::Timeout(
                Duration::from_secs(60),
                "no event was nacked".into(),
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let hold = Duration::from_secs(8);
    tokio::time::sleep(hold).await;
    let control = format!("{}.suite.control", scene.prefix);
    let out_depth = queue_depth(&opts.url, &control, &scene.output_queue).await?;
    let acked = scene.workers[w]
        .metric("quotewire_articles_acked_total")
        .await?;
    let nacked = scene.workers[w]
        .metric("quotewire_confirms_failed_total{outcome=\"nacked\"}")
        .await?;
    let retried = scene.workers[w]
        .metric("quotewire_articles_retried_total{reason=\"unconfirmed\"}")
        .await?;
    if out_depth as usize > max_len {
        scene.fail(format!(
            "output queue holds {out_depth} > max-length {max_len}"
        ));
    }
    if acked as usize >= n {
        scene.fail(format!("all {n} articles acked while the output was full"));
    }
    // The collectors see nothing yet: the events in the full queue cannot
    // complete more articles than were acked, or an ack came too early.
    let lifted = Instant::now();
    rabbitmqctl(&["clear_policy", &policy])?;
    scene.policy = None;
    scene.start_collector(Stream::Output);
    let recovered = scene.wait_progress(n, Duration::from_secs(180)).await;
    let recovery = match recovered {
        Ok(_) => format!(
            "{} from lifting the limit to all articles complete",
            secs(lifted.elapsed())
        ),
        Err(e) => {
            scene.fail(e.to_string());
            "not recovered".into()
        }
    };
    let retried_total = scene.workers[w]
        .metric("quotewire_articles_retried_total{reason=\"unconfirmed\"}")
        .await
        .unwrap_or(0.0);
    scene.notes.push(format!(
        "policy max-length {max_len} + overflow reject-publish on the output queue, held {} after the first nack: output depth {out_depth}, {nacked} event publishes nacked, {retried} publish retries, {acked}/{n} articles acked (the rest unacked, held by the worker); limit lifted with clear_policy; {retried_total} retries in all; input delivery limit {}",
        secs(hold),
        if delivery_limit_5 { "5 (default)" } else { "none" }
    ));
    Ok(recovery)
}

/// stop_app / start_app mid-stream, only while nobody else is connected.
async fn broker_restart(opts: &Options, good: &[Input]) -> Row {
    let n = opts.small_articles.min(good.len());
    match Scene::new(opts, "broker-restart", good[..n].to_vec(), &[]) {
        Ok(mut scene) => {
            let steps = broker_restart_steps(&mut scene, n).await;
            scene.conclude(steps).await
        }
        Err(e) => broken_row("broker-restart", e),
    }
}

async fn broker_restart_steps(scene: &mut Scene, n: usize) -> Result<String> {
    let opts = scene.opts.clone();
    scene.start_collector(Stream::Output);
    scene.start_collector(Stream::Dead);
    scene.start_publisher(None);
    scene.wait_published().await?;
    let w = scene.spawn_worker("w0")?;
    scene.wait_consuming(w, 1).await?;
    scene.wait_progress(n / 5, Duration::from_secs(120)).await?;
    // Only with the broker to ourselves.
    let guard_start = Instant::now();
    let others = loop {
        let others: Vec<String> = list_connections()?
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| !name.starts_with(&scene.prefix))
            .collect();
        if others.is_empty() || guard_start.elapsed() > opts.restart_guard {
            break others;
        }
        eprintln!("  waiting for other clients to leave the broker: {others:?}");
        tokio::time::sleep(Duration::from_secs(2)).await;
    };
    if !others.is_empty() {
        let msg = format!(
            "NOT RUN: other clients stayed connected for {}: {others:?}; the broker was not restarted",
            secs(opts.restart_guard)
        );
        scene.fail(msg);
        return Ok("not run".into());
    }
    let before = scene.workers[w].consuming_count();
    let done_before = scene.done();
    let stopped = Instant::now();
    eprintln!("  rabbitmqctl stop_app at {done_before}/{n} complete");
    rabbitmqctl(&["stop_app"])?;
    tokio::time::sleep(Duration::from_secs(5)).await;
    rabbitmqctl(&["start_app"])?;
    let up = Instant::now();
    let down_for = up - stopped;
    eprintln!("  rabbitmqctl start_app returned after {}", secs(down_for));
    let reconnect = scene.wait_consuming(w, before + 1).await;
    let recovery = match reconnect {
        Ok(d) => {
            if d > Duration::from_secs(30) {
                scene.fail(format!(
                    "the worker reconnected {} after the broker was up (> 30 s)",
                    secs(d)
                ));
            }
            format!(
                "{} broker up -> worker consuming (broker down {})",
                secs(d),
                secs(down_for)
            )
        }
        Err(e) => {
            scene.fail(format!("the worker did not reconnect: {e}"));
            "no reconnect".into()
        }
    };
    scene.wait_progress(n, Duration::from_secs(300)).await?;
    scene.notes.push(format!(
        "rabbitmqctl stop_app at {done_before}/{n} complete, start_app 5 s later; checked first that no other client was connected; the suite's own collectors reconnect (manual acks, so none of their messages is lost)"
    ));
    Ok(recovery)
}

// ---------------------------------------------------------------------------
// Report.

fn report(rows: &[Row], opts: &Options, source: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## Fault suite\n");
    let _ = writeln!(s, "Articles: {source}. Seed: {}.\n", opts.seed);
    let _ = writeln!(
        s,
        "| scenario | articles in | events expected | events seen | duplicates | dead-lettered | lost | recovery time | worker peak RSS | result |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---|---:|---|");
    for r in rows {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {:.0} MB | {} |",
            r.scenario,
            r.articles_in,
            r.events_expected,
            r.events_seen,
            r.duplicates,
            r.dead,
            r.lost,
            r.recovery,
            r.rss_mb,
            if r.ok { "ok" } else { "FAIL" }
        );
    }
    let _ = writeln!(s);
    for r in rows {
        let _ = writeln!(
            s,
            "* **{}** (`scripts/fault-suite.sh {}`):",
            r.scenario, r.scenario
        );
        for note in &r.notes {
            let _ = writeln!(s, "  * {note}");
        }
    }
    s
}

async fn run(opts: Options) -> Result<bool> {
    let pipeline = Pipeline::english();
    let want = opts.articles.max(opts.small_articles).max(600);
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
            "kill9" => kill9(&opts, &good).await,
            "conn-cut" => conn_cut(&opts, &good).await,
            "poison" => poison(&opts, &pipeline, &good).await,
            "slow-downstream" => slow_downstream(&opts, &good, false).await,
            "slow-downstream-dl5" => slow_downstream(&opts, &good, true).await,
            "broker-restart" => broker_restart(&opts, &good).await,
            other => broken_row(other, SuiteError::Setup("unknown scenario".into())),
        };
        eprintln!(
            "== {scenario}: {} in {} (lost {})",
            if row.ok { "ok" } else { "FAIL" },
            secs(started.elapsed()),
            row.lost
        );
        rows.push(row);
    }
    let text = report(&rows, &opts, &source);
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
