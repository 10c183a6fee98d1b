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

use anyhow::{bail, Context};
use clap::Parser;
use futures_util::StreamExt;
use lapin::options::{
    BasicConsumeOptions, BasicPublishOptions, ConfirmSelectOptions, ExchangeDeleteOptions,
    QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties};
use quotewire::{Article, ArticleLimits, Pipeline};
use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

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

/// The articles and everything precomputed about them.
struct Workload {
    bodies: Vec<Vec<u8>>,
    /// Events per article, by index.
    events_per_article: Vec<u32>,
    events: usize,
    articles_with_events: usize,
    /// Sum of xxh3(message_id) over all statement events.
    statement_digest: u64,
    /// Sum of xxh3(message_id) over all article batches.
    batch_digest: u64,
    events_file: PathBuf,
}

#[derive(Debug, Clone, Default)]
struct RunResult {
    mode: String,
    round: usize,
    secs: f64,
    articles_per_s: f64,
    events_per_s: f64,
    messages: usize,
    lat_p50_ms: f64,
    lat_p99_ms: f64,
    svc_p50_ms: f64,
    svc_p99_ms: f64,
    peak_rss_mb: f64,
    worker_cores: f64,
    broker_cores: f64,
    bench_cores: f64,
    machine_cores: f64,
    preload_per_s: f64,
    ok: bool,
    note: String,
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

fn xxh(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

fn build_workload(args: &Args, dir: &Path) -> anyhow::Result<Workload> {
    let path = args
        .corpus
        .clone()
        .or_else(|| std::env::var_os("QUOTEWIRE_CORPUS").map(PathBuf::from))
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news.jsonl")
        });
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the corpus {}", path.display()))?;
    let corpus: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let t = v["text"].as_str()?.to_string();
            let title = v["title"].as_str().unwrap_or("").to_string();
            Some((title, t))
        })
        .filter(|(_, t)| !t.trim().is_empty())
        .collect();
    if corpus.is_empty() {
        bail!("no articles in {}", path.display());
    }
    let mut bodies = Vec::with_capacity(args.n);
    let mut next = 0usize;
    let mut text_bytes = 0;
    for i in 0..args.n {
        let title = corpus[next % corpus.len()].0.clone();
        // Whole corpus articles, joined until the target is reached without
        // overshooting it by more than a quarter (unless one alone does).
        let mut joined = String::new();
        while joined.len() < args.article_bytes {
            let piece = &corpus[next % corpus.len()].1;
            if !joined.is_empty() && joined.len() + piece.len() > args.article_bytes * 5 / 4 {
                break;
            }
            if !joined.is_empty() {
                joined.push_str("\n\n");
            }
            joined.push_str(piece);
            next += 1;
        }
        text_bytes += joined.len();
        let body = serde_json::to_vec(&serde_json::json!({
            "id": format!("bench-{i:06}"),
            "title": title,
            "text": joined,
            "source": "bench",
        }))?;
        bodies.push(body);
    }

    let pipeline = Pipeline::english();
    let limits = ArticleLimits::default();
    let events_file = dir.join("events.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&events_file)?);
    let mut w = Workload {
        bodies: Vec::new(),
        events_per_article: Vec::with_capacity(args.n),
        events: 0,
        articles_with_events: 0,
        statement_digest: 0,
        batch_digest: 0,
        events_file: events_file.clone(),
    };
    let started = Instant::now();
    for body in &bodies {
        let article = Article::from_json(body, &limits)?;
        let events = pipeline.events(&article)?;
        w.events_per_article.push(events.len() as u32);
        w.events += events.len();
        if !events.is_empty() {
            w.articles_with_events += 1;
            let id = quotewire::event::batch_id(events.iter().map(|e| e.event_id.as_str()));
            w.batch_digest = w.batch_digest.wrapping_add(xxh(&id));
        }
        for e in &events {
            w.statement_digest = w.statement_digest.wrapping_add(xxh(&e.event_id));
            out.write_all(&e.to_json())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    let secs = started.elapsed().as_secs_f64();
    let input_bytes: usize = bodies.iter().map(Vec::len).sum();
    println!(
        "workload: {} articles, {:.0} bytes of text on average ({:.0} bytes of JSON), \
         {} events, {} articles with events; corpus {}",
        args.n,
        text_bytes as f64 / args.n as f64,
        input_bytes as f64 / args.n as f64,
        w.events,
        w.articles_with_events,
        path.display()
    );
    println!(
        "in-process extraction (1 thread, incl. JSON decode and event JSON): {:.2} s = \
         {:.0} articles/s, {:.1} MiB/s of text",
        secs,
        args.n as f64 / secs,
        text_bytes as f64 / secs / (1 << 20) as f64
    );
    w.bodies = bodies;
    Ok(w)
}

/// CPU time of a process in clock ticks (utime + stime).
fn proc_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 and 15 of the full line are 12 and 13 after "(comm) ".
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Total and idle jiffies of the whole machine.
fn machine_ticks() -> (u64, u64) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let line = stat.lines().next().unwrap_or("");
    let v: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    let total = v.iter().sum();
    let idle = v.get(3).copied().unwrap_or(0) + v.get(4).copied().unwrap_or(0);
    (total, idle)
}

/// The broker's Erlang VM processes (read-only look at /proc).
fn broker_pids() -> Vec<u32> {
    let mut pids = Vec::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                continue;
            };
            if let Ok(comm) = std::fs::read_to_string(format!("/proc/{pid}/comm")) {
                if comm.trim() == "beam.smp" {
                    pids.push(pid);
                }
            }
        }
    }
    pids
}

fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

struct Snapshot {
    at: Instant,
    workers: u64,
    broker: u64,
    bench: u64,
    machine: (u64, u64),
}

fn snapshot(workers: &[u32], broker: &[u32]) -> Snapshot {
    Snapshot {
        at: Instant::now(),
        workers: workers.iter().filter_map(|p| proc_ticks(*p)).sum(),
        broker: broker.iter().filter_map(|p| proc_ticks(*p)).sum(),
        bench: proc_ticks(std::process::id()).unwrap_or(0),
        machine: machine_ticks(),
    }
}

async fn http_get(addr: &str, path: &str) -> anyhow::Result<String> {
    let fut = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await?;
        let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        stream.write_all(req.as_bytes()).await?;
        let mut buf = Vec::new();
        stream.read_to_end(&mut buf).await?;
        Ok::<_, std::io::Error>(String::from_utf8_lossy(&buf).into_owned())
    };
    let text = tokio::time::timeout(Duration::from_secs(10), fut).await??;
    Ok(text
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default())
}

fn metric(body: &str, sample: &str) -> f64 {
    body.lines()
        .find_map(|l| {
            l.strip_prefix(sample)?
                .strip_prefix(' ')?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0.0)
}

/// Cumulative buckets `(le, count)` of a histogram.
fn buckets(body: &str, name: &str) -> Vec<(f64, f64)> {
    let prefix = format!("{name}_bucket{{le=\"");
    body.lines()
        .filter_map(|l| {
            let rest = l.strip_prefix(&prefix)?;
            let (le, rest) = rest.split_once("\"}")?;
            let le = if le == "+Inf" {
                f64::INFINITY
            } else {
                le.parse().ok()?
            };
            Some((le, rest.trim().parse().ok()?))
        })
        .collect()
}

/// Quantile of summed cumulative buckets, interpolated within the bucket.
fn bucket_quantile(b: &[(f64, f64)], q: f64) -> f64 {
    let Some(&(_, total)) = b.last() else {
        return f64::NAN;
    };
    let want = q * total;
    let mut prev = (0.0, 0.0);
    for &(le, cum) in b {
        if cum >= want {
            if le.is_infinite() {
                return prev.0;
            }
            let span = cum - prev.1;
            let frac = if span > 0.0 {
                (want - prev.1) / span
            } else {
                1.0
            };
            return prev.0 + (le - prev.0) * frac;
        }
        prev = (le, cum);
    }
    prev.0
}

fn percentile(sorted: &[u64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i] as f64
}

struct Names {
    prefix: String,
    input_exchange: String,
    input_queue: String,
    output_exchange: String,
    output_queue: String,
    dead_exchange: String,
    dead_queue: String,
}

impl Names {
    fn new(mode: &str, round: usize) -> Names {
        let prefix = format!("qwbench.{}.{round}.{mode}", std::process::id());
        Names {
            input_exchange: format!("{prefix}.articles"),
            input_queue: format!("{prefix}.articles.q"),
            output_exchange: format!("{prefix}.statements"),
            output_queue: format!("{prefix}.statements.q"),
            dead_exchange: format!("{prefix}.dead"),
            dead_queue: format!("{prefix}.dead.q"),
            prefix,
        }
    }

    fn env(&self, args: &Args, mode: &Mode) -> Vec<(String, String)> {
        let prefetch = args.prefetch.to_string();
        [
            ("QUOTEWIRE__AMQP__URL", args.amqp_url.as_str()),
            ("QUOTEWIRE__AMQP__CONNECTION_NAME", &self.prefix),
            ("QUOTEWIRE__INPUT__EXCHANGE", &self.input_exchange),
            ("QUOTEWIRE__INPUT__QUEUE", &self.input_queue),
            ("QUOTEWIRE__INPUT__PREFETCH", &prefetch),
            ("QUOTEWIRE__OUTPUT__EXCHANGE", &self.output_exchange),
            ("QUOTEWIRE__OUTPUT__QUEUE", &self.output_queue),
            (
                "QUOTEWIRE__OUTPUT__BATCH",
                if mode.article_batch {
                    "article"
                } else {
                    "statement"
                },
            ),
            ("QUOTEWIRE__DEAD_LETTER__EXCHANGE", &self.dead_exchange),
            ("QUOTEWIRE__DEAD_LETTER__QUEUE", &self.dead_queue),
            ("QUOTEWIRE__HTTP__LISTEN", "127.0.0.1:0"),
            ("QUOTEWIRE__LOG__FORMAT", "json"),
            ("QUOTEWIRE__LOG__LEVEL", "info"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    async fn cleanup(&self, ch: &Channel) {
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
    }
}

/// A worker process of one run; killed on drop if still running.
struct WorkerProc {
    child: Child,
    log: PathBuf,
}

impl WorkerProc {
    fn http_addr(&self) -> Option<String> {
        let logs = std::fs::read_to_string(&self.log).ok()?;
        logs.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|v| v["fields"]["message"] == "HTTP server listening.")
            .and_then(|v| v["fields"]["address"].as_str().map(str::to_string))
    }
}

impl Drop for WorkerProc {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

async fn queue_state(ch: &Channel, queue: &str) -> anyhow::Result<(u32, u32)> {
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
    Ok((q.message_count(), q.consumer_count()))
}

struct SinkResult {
    last: Instant,
    latencies_ms: Vec<u64>,
    messages: usize,
    events: usize,
    digest: u64,
}

#[allow(clippy::too_many_arguments)]
async fn run_once(
    args: &Args,
    bin: &Path,
    w: &Workload,
    mode: &Mode,
    round: usize,
    dir: &Path,
) -> anyhow::Result<RunResult> {
    let names = Names::new(&mode.name, round);
    let env = names.env(args, mode);
    let out = Command::new(bin)
        .arg("topology")
        .env_clear()
        .envs(env.clone())
        .output()
        .context("run quotewire topology")?;
    if !out.status.success() {
        bail!(
            "quotewire topology failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let props = ConnectionProperties::default()
        .with_connection_name(format!("{}.bench-load", names.prefix).into());
    let conn = Connection::connect(&args.amqp_url, props).await?;
    let ch = conn.create_channel().await?;
    ch.confirm_select(ConfirmSelectOptions::default()).await?;
    let result = run_in(args, bin, w, mode, round, dir, &names, &env, &ch).await;
    names.cleanup(&ch).await;
    let _ = conn.close(200, "OK".into()).await;
    result
}

#[allow(clippy::too_many_arguments)]
async fn run_in(
    args: &Args,
    bin: &Path,
    w: &Workload,
    mode: &Mode,
    round: usize,
    dir: &Path,
    names: &Names,
    env: &[(String, String)],
    ch: &Channel,
) -> anyhow::Result<RunResult> {
    // Preload, with a window of 1000 outstanding confirms.
    let started = Instant::now();
    let mut publish_ms = Vec::with_capacity(w.bodies.len());
    let mut window = VecDeque::new();
    for body in &w.bodies {
        let ts = now_ms();
        publish_ms.push(ts);
        let confirm = ch
            .basic_publish(
                names.input_exchange.as_str().into(),
                "news.bench".into(),
                BasicPublishOptions {
                    mandatory: true,
                    ..BasicPublishOptions::default()
                },
                body,
                BasicProperties::default()
                    .with_delivery_mode(2)
                    .with_content_type("application/json".into())
                    .with_timestamp(ts),
            )
            .await?;
        window.push_back(confirm);
        if window.len() >= 1000 {
            let c = window.pop_front().expect("non-empty").await?;
            if !c.is_ack() || c.take_message().is_some() {
                bail!("preload publish nacked or returned");
            }
        }
    }
    for c in window {
        let c = c.await?;
        if !c.is_ack() || c.take_message().is_some() {
            bail!("preload publish nacked or returned");
        }
    }
    let preload_per_s = w.bodies.len() as f64 / started.elapsed().as_secs_f64();

    // The sink: consumes the output queue (no-ack) on its own connection.
    let expected_messages = if mode.article_batch {
        w.articles_with_events
    } else {
        w.events
    };
    let props = ConnectionProperties::default()
        .with_connection_name(format!("{}.bench-sink", names.prefix).into());
    let sink_conn = Connection::connect(&args.amqp_url, props).await?;
    let sink_ch = sink_conn.create_channel().await?;
    let mut consumer = sink_ch
        .basic_consume(
            names.output_queue.as_str().into(),
            "bench-sink".into(),
            BasicConsumeOptions {
                no_ack: true,
                ..BasicConsumeOptions::default()
            },
            FieldTable::default(),
        )
        .await?;
    let publish_ms = Arc::new(publish_ms);
    let per_article = Arc::new(w.events_per_article.clone());
    let batch = mode.article_batch;
    let sink = tokio::spawn({
        let publish_ms = publish_ms.clone();
        async move {
            let mut r = SinkResult {
                last: Instant::now(),
                latencies_ms: Vec::with_capacity(expected_messages),
                messages: 0,
                events: 0,
                digest: 0,
            };
            while r.messages < expected_messages {
                let Some(delivery) = consumer.next().await else {
                    break;
                };
                let delivery = delivery?;
                let now = now_ms();
                r.last = Instant::now();
                let p = &delivery.properties;
                let index: usize = p
                    .correlation_id()
                    .as_ref()
                    .and_then(|c| c.as_str().strip_prefix("bench-")?.parse().ok())
                    .context("output message without a bench correlation_id")?;
                r.latencies_ms
                    .push(now.saturating_sub(publish_ms[index.min(publish_ms.len() - 1)]));
                r.events += if batch {
                    per_article[index] as usize
                } else {
                    1
                };
                if let Some(id) = p.message_id().as_ref() {
                    r.digest = r.digest.wrapping_add(xxh(id.as_str()));
                }
                r.messages += 1;
            }
            Ok::<_, anyhow::Error>(r)
        }
    });

    // Workers.
    let mut workers = Vec::new();
    for k in 0..mode.workers {
        let log = dir.join(format!("{}.worker{k}.log", names.prefix));
        let mut cmd = Command::new(bin);
        cmd.arg("run");
        if mode.relay {
            cmd.arg("--relay").arg(&w.events_file);
        }
        let child = cmd
            .env_clear()
            .envs(env.iter().cloned())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log)?)
            .spawn()
            .context("spawn quotewire run")?;
        workers.push(WorkerProc { child, log });
    }
    let pids: Vec<u32> = workers.iter().map(|w| w.child.id()).collect();
    let broker = broker_pids();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (_, consumers) = queue_state(ch, &names.input_queue).await?;
        if consumers as usize >= mode.workers {
            break;
        }
        if Instant::now() > deadline {
            bail!("the worker(s) did not start consuming within 60 s");
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let t0 = snapshot(&pids, &broker);

    let sink = tokio::time::timeout(Duration::from_secs(args.timeout_secs), sink)
        .await
        .context("the run did not drain in time")???;
    let t1 = snapshot(&pids, &broker);

    // Workers' view: every article acked, their latency histograms, RSS.
    let mut addrs = Vec::new();
    for wp in &workers {
        addrs.push(
            wp.http_addr()
                .context("no HTTP address in the worker log")?,
        );
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let (acked, bodies) = loop {
        let mut bodies = Vec::new();
        for addr in &addrs {
            bodies.push(http_get(addr, "/metrics").await?);
        }
        let acked: f64 = bodies
            .iter()
            .map(|b| metric(b, "quotewire_articles_acked_total"))
            .sum();
        if acked as usize >= w.bodies.len() || Instant::now() > deadline {
            break (acked, bodies);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let mut svc: Vec<(f64, f64)> = Vec::new();
    for body in &bodies {
        let b = buckets(body, "quotewire_end_to_end_seconds");
        if svc.is_empty() {
            svc = b;
        } else {
            for (s, (_, c)) in svc.iter_mut().zip(b) {
                s.1 += c;
            }
        }
    }
    let rss_kb = workers
        .iter()
        .filter_map(|wp| vm_hwm_kb(wp.child.id()))
        .max()
        .unwrap_or(0);
    let (left, _) = queue_state(ch, &names.input_queue).await?;
    let (dead, _) = queue_state(ch, &names.dead_queue).await?;
    for wp in &workers {
        let _ = Command::new("kill")
            .args(["-TERM", &wp.child.id().to_string()])
            .status();
    }
    let mut clean = true;
    for wp in &mut workers {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = wp.child.try_wait()? {
                clean &= status.success();
                break;
            }
            if Instant::now() > deadline {
                clean = false;
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    let _ = sink_conn.close(200, "OK".into()).await;

    let secs = sink.last.duration_since(t0.at).as_secs_f64();
    let wall = t1.at.duration_since(t0.at).as_secs_f64();
    let hz = 100.0;
    let (mt, mi) = (
        t1.machine.0 - t0.machine.0,
        t1.machine.1.saturating_sub(t0.machine.1),
    );
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let mut lat = sink.latencies_ms;
    lat.sort_unstable();
    let expected_digest = if batch {
        w.batch_digest
    } else {
        w.statement_digest
    };
    let mut notes = Vec::new();
    if sink.events != w.events {
        notes.push(format!("events {} != {}", sink.events, w.events));
    }
    if sink.digest != expected_digest {
        notes.push("message_id digest differs from the precomputed events".to_string());
    }
    if acked as usize != w.bodies.len() {
        notes.push(format!("acked {acked} != {}", w.bodies.len()));
    }
    if left != 0 || dead != 0 {
        notes.push(format!("input left {left}, dead-lettered {dead}"));
    }
    if !clean {
        notes.push("a worker did not exit cleanly".to_string());
    }
    Ok(RunResult {
        mode: mode.name.clone(),
        round,
        secs,
        articles_per_s: w.bodies.len() as f64 / secs,
        events_per_s: sink.events as f64 / secs,
        messages: sink.messages,
        lat_p50_ms: percentile(&lat, 0.50),
        lat_p99_ms: percentile(&lat, 0.99),
        svc_p50_ms: bucket_quantile(&svc, 0.50) * 1e3,
        svc_p99_ms: bucket_quantile(&svc, 0.99) * 1e3,
        peak_rss_mb: rss_kb as f64 / 1024.0,
        worker_cores: (t1.workers - t0.workers) as f64 / hz / wall,
        broker_cores: (t1.broker - t0.broker) as f64 / hz / wall,
        bench_cores: (t1.bench - t0.bench) as f64 / hz / wall,
        machine_cores: if mt > 0 {
            (mt - mi) as f64 / mt as f64 * cpus
        } else {
            f64::NAN
        },
        preload_per_s,
        ok: notes.is_empty(),
        note: notes.join("; "),
    })
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn print_run(r: &RunResult) {
    println!(
        "| {} | {} | {:.1} | {:.0} | {:.0} | {} | {:.0} / {:.0} | {:.1} / {:.1} | {:.1} | {:.2} | {:.2} | {:.2} | {:.2} | {:.0} | {} |",
        r.round,
        r.mode,
        r.secs,
        r.articles_per_s,
        r.events_per_s,
        r.messages,
        r.lat_p50_ms,
        r.lat_p99_ms,
        r.svc_p50_ms,
        r.svc_p99_ms,
        r.peak_rss_mb,
        r.worker_cores,
        r.broker_cores,
        r.bench_cores,
        r.machine_cores,
        r.preload_per_s,
        if r.ok { "ok".to_string() } else { format!("FAILED: {}", r.note) },
    );
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
    let w = build_workload(&args, dir.path())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    println!();
    println!("| round | mode | s | articles/s | events/s | messages | publish→event p50 / p99 ms | worker delivery→ack p50 / p99 ms | peak RSS MB | worker cores | broker cores | bench cores | machine busy cores | preload msg/s | check |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut results: Vec<RunResult> = Vec::new();
    for round in 1..=args.rounds {
        for mode in &modes {
            let r = rt.block_on(run_once(&args, &bin, &w, mode, round, dir.path()));
            match r {
                Ok(r) => {
                    print_run(&r);
                    results.push(r);
                }
                Err(e) => println!("| {round} | {} | run failed: {e:#} |", mode.name),
            }
            let _ = std::io::stdout().flush();
        }
    }

    println!();
    println!("Medians over rounds:");
    println!("| mode | runs | articles/s | events/s | publish→event p50 / p99 ms | worker delivery→ack p50 / p99 ms | peak RSS MB | worker cores | broker cores | machine busy cores |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for mode in &modes {
        let rs: Vec<&RunResult> = results
            .iter()
            .filter(|r| r.mode == mode.name && r.ok)
            .collect();
        let m = |f: fn(&RunResult) -> f64| median(rs.iter().map(|r| f(r)).collect());
        println!(
            "| {} | {} | {:.0} | {:.0} | {:.0} / {:.0} | {:.1} / {:.1} | {:.1} | {:.2} | {:.2} | {:.2} |",
            mode.name,
            rs.len(),
            m(|r| r.articles_per_s),
            m(|r| r.events_per_s),
            m(|r| r.lat_p50_ms),
            m(|r| r.lat_p99_ms),
            m(|r| r.svc_p50_ms),
            m(|r| r.svc_p99_ms),
            m(|r| r.peak_rss_mb),
            m(|r| r.worker_cores),
            m(|r| r.broker_cores),
            m(|r| r.machine_cores),
        );
    }

    // Ratios within each round, between modes that differ in one respect.
    let pairs: Vec<(String, String, &str)> = modes
        .iter()
        .flat_map(|a| {
            modes.iter().filter_map(move |b| {
                let label = if !a.relay
                    && b.relay
                    && a.article_batch == b.article_batch
                    && a.workers == b.workers
                {
                    "real / relay"
                } else if a.relay == b.relay
                    && a.article_batch
                    && !b.article_batch
                    && a.workers == b.workers
                {
                    "article / statement (articles/s)"
                } else if a.relay == b.relay
                    && a.article_batch == b.article_batch
                    && a.workers > 1
                    && b.workers == 1
                {
                    "N workers / 1 worker"
                } else {
                    return None;
                };
                Some((a.name.clone(), b.name.clone(), label))
            })
        })
        .collect();
    if !pairs.is_empty() {
        println!();
        println!("Ratios of articles/s within each round (median over rounds):");
        println!("| ratio | modes | per round | median |");
        println!("|---|---|---|---|");
        for (a, b, label) in pairs {
            let mut per_round = Vec::new();
            for round in 1..=args.rounds {
                let find = |name: &str| {
                    results
                        .iter()
                        .find(|r| r.round == round && r.mode == name && r.ok)
                        .map(|r| r.articles_per_s)
                };
                if let (Some(x), Some(y)) = (find(&a), find(&b)) {
                    per_round.push(x / y);
                }
            }
            println!(
                "| {label} | {a} / {b} | {} | {:.2} |",
                per_round
                    .iter()
                    .map(|r| format!("{r:.2}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                median(per_round.clone())
            );
        }
    }
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

    #[test]
    fn quantiles_interpolate_within_cumulative_buckets() {
        let body = "quotewire_end_to_end_seconds_bucket{le=\"0.1\"} 10\n\
                    quotewire_end_to_end_seconds_bucket{le=\"0.2\"} 30\n\
                    quotewire_end_to_end_seconds_bucket{le=\"+Inf\"} 40\n\
                    quotewire_articles_acked_total 40\n";
        let b = buckets(body, "quotewire_end_to_end_seconds");
        assert_eq!(b.len(), 3);
        // 20 of 40 is half-way through the (0.1, 0.2] bucket.
        assert!((bucket_quantile(&b, 0.5) - 0.15).abs() < 1e-9);
        assert!((bucket_quantile(&b, 0.25) - 0.1).abs() < 1e-9);
        // Beyond the last finite bucket: its bound.
        assert_eq!(bucket_quantile(&b, 0.99), 0.2);
        assert_eq!(metric(body, "quotewire_articles_acked_total"), 40.0);
        assert!(bucket_quantile(&[], 0.5).is_nan());
    }

    #[test]
    fn medians_and_percentiles() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(vec![]).is_nan());
        let v: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&v, 0.5), 51.0);
        assert_eq!(percentile(&v, 0.99), 99.0);
    }
}
