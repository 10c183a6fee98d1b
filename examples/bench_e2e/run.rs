//! One run: a fresh topology, the preload, the sink, the workers, and
//! what they measured.

use crate::cpu::{broker_pids, snapshot};
use crate::report::percentile;
use crate::workload::{xxh, Workload};
use crate::{Args, Mode};
use anyhow::{bail, Context};
use futures_util::StreamExt;
use lapin::options::BasicConsumeOptions;
use lapin::types::FieldTable;
use lapin::{BasicProperties, Channel};
use std::ffi::OsStr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use testkit::{
    bucket_quantile, buckets, confirm_channel, connect, http_get, metric_value, queue_state,
    run_topology, ConfirmWindow, Names, WorkerProcess,
};

/// What one run measured and whether its checks held.
#[derive(Debug, Clone, Default)]
pub struct RunResult {
    /// The mode's name.
    pub mode: String,
    /// The round, from 1.
    pub round: usize,
    /// Seconds from every worker consuming to the last output message.
    pub secs: f64,
    /// Articles per second over `secs`.
    pub articles_per_s: f64,
    /// Statement events per second over `secs`.
    pub events_per_s: f64,
    /// Output messages received.
    pub messages: usize,
    /// Publish → event latency, median, ms.
    pub lat_p50_ms: f64,
    /// Publish → event latency, 99th percentile, ms.
    pub lat_p99_ms: f64,
    /// Delivery → ack inside the workers, median, ms.
    pub svc_p50_ms: f64,
    /// Delivery → ack inside the workers, 99th percentile, ms.
    pub svc_p99_ms: f64,
    /// Highest peak RSS of a worker, MB.
    pub peak_rss_mb: f64,
    /// Cores used by the workers.
    pub worker_cores: f64,
    /// Cores used by the broker.
    pub broker_cores: f64,
    /// Cores used by this program.
    pub bench_cores: f64,
    /// Busy cores of the whole machine.
    pub machine_cores: f64,
    /// Preload rate, messages per second.
    pub preload_per_s: f64,
    /// Whether every check held.
    pub ok: bool,
    /// The checks that failed.
    pub note: String,
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

struct SinkResult {
    last: Instant,
    latencies_ms: Vec<u64>,
    messages: usize,
    events: usize,
    digest: u64,
}

/// One run: a mode in a round, with everything it needs.
#[derive(Clone, Copy)]
pub struct Run<'a> {
    /// The command line.
    pub args: &'a Args,
    /// The `quotewire` binary.
    pub bin: &'a Path,
    /// The articles and their precomputed events.
    pub workload: &'a Workload,
    /// What to run.
    pub mode: &'a Mode,
    /// The round, from 1.
    pub round: usize,
    /// Where worker logs go.
    pub dir: &'a Path,
}

/// Runs `run.mode` once on its own exchanges and queues (deleted
/// afterwards).
pub async fn run_once(run: Run<'_>) -> anyhow::Result<RunResult> {
    let Run {
        args,
        bin,
        mode,
        round,
        ..
    } = run;
    let names = Names::with_prefix(format!(
        "qwbench.{}.{round}.{}",
        std::process::id(),
        mode.name
    ));
    let prefetch = args.prefetch.to_string();
    let batch = if mode.article_batch {
        "article"
    } else {
        "statement"
    };
    let mut env = names.worker_env(&args.amqp_url);
    env.extend(
        [
            ("QUOTEWIRE__AMQP__CONNECTION_NAME", names.prefix.as_str()),
            ("QUOTEWIRE__INPUT__PREFETCH", &prefetch),
            ("QUOTEWIRE__OUTPUT__BATCH", batch),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    run_topology(bin, &env)?;
    let conn = connect(&args.amqp_url, &format!("{}.bench-load", names.prefix)).await?;
    let ch = confirm_channel(&conn).await?;
    let result = run_in(run, &names, &env, &ch).await;
    names.delete_all(&ch).await;
    let _ = conn.close(200, "OK".into()).await;
    result
}

async fn run_in(
    run: Run<'_>,
    names: &Names,
    env: &[(String, String)],
    ch: &Channel,
) -> anyhow::Result<RunResult> {
    let Run {
        args,
        bin,
        workload: w,
        mode,
        round,
        dir,
    } = run;
    // Preload, with a window of 1000 outstanding confirms.
    let started = Instant::now();
    let mut publish_ms = Vec::with_capacity(w.bodies.len());
    let mut preload = ConfirmWindow::new(ch, &names.input_exchange, "news.bench", 1000);
    for (i, body) in w.bodies.iter().enumerate() {
        let ts = now_ms();
        publish_ms.push(ts);
        let props = BasicProperties::default()
            .with_content_type("application/json".into())
            .with_timestamp(ts);
        preload
            .publish(i, body, props)
            .await
            .context("preload publish")?;
    }
    preload.settle_all().await.context("preload publish")?;
    let preload_per_s = w.bodies.len() as f64 / started.elapsed().as_secs_f64();

    // The sink: consumes the output queue (no-ack) on its own connection.
    let expected_messages = if mode.article_batch {
        w.articles_with_events
    } else {
        w.events
    };
    let sink_conn = connect(&args.amqp_url, &format!("{}.bench-sink", names.prefix)).await?;
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
        let name = format!("worker{k}");
        let log = dir.join(format!("{}.{name}.log", names.prefix));
        let relay: &[&OsStr] = if mode.relay {
            &[OsStr::new("--relay"), w.events_file.as_os_str()]
        } else {
            &[]
        };
        let worker =
            WorkerProcess::spawn(&name, bin, relay, env, log).context("spawn quotewire run")?;
        workers.push(worker);
    }
    let pids: Vec<u32> = workers.iter().map(WorkerProcess::pid).collect();
    let broker = broker_pids();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let consumers = queue_state(ch, &names.input_queue).await?.consumers;
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
            wp.http_addr(Duration::from_secs(10))
                .await
                .context("no HTTP address in the worker log")?,
        );
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let (acked, bodies) = loop {
        let mut bodies = Vec::new();
        for addr in &addrs {
            bodies.push(http_get(addr, "/metrics").await?.1);
        }
        let acked: f64 = bodies
            .iter()
            .map(|b| metric_value(b, "quotewire_articles_acked_total"))
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
        .map(WorkerProcess::sample_rss)
        .max()
        .unwrap_or(0);
    let left = queue_state(ch, &names.input_queue).await?.messages;
    let dead = queue_state(ch, &names.dead_queue).await?.messages;
    for wp in &workers {
        let _ = wp.terminate();
    }
    let mut clean = true;
    for wp in &workers {
        match wp.wait_exit(Duration::from_secs(60)).await {
            Ok(status) => clean &= status.success(),
            Err(_) => clean = false,
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
