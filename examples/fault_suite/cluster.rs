//! Cluster failover: a 3-node RabbitMQ cluster on loopback
//! (`scripts/rabbitmq-cluster.sh`), every queue a quorum queue replicated
//! on all three nodes, two workers connected to different nodes, each
//! with all three URLs in `amqp.url`. Mid-stream the node leading the
//! input queue is stopped; later a second node is stopped briefly (the
//! queues lose their majority meanwhile), then both come back. Every
//! article's events must be in the output queue (duplicates counted), and
//! each worker must consume again on a live node within 30 s of a stop.
//!
//! The suite's own publisher and collectors use the third node, which is
//! never stopped, so that what is measured is the workers' failover.

use crate::collect::Stream;
use crate::inputs::Input;
use crate::report::secs;
use crate::scene::{consuming_count, play, Row, Scene};
use crate::sessions::{consuming_nodes, now_of_day, reconnects};
use crate::Options;
use quotewire::settings::node_address;
use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};
use testkit::{Error, Result};

/// The longest a worker may take to consume again after a node stop.
const RECONNECT_BOUND: Duration = Duration::from_secs(30);

/// How long the second node stays down.
const SECOND_STOP: Duration = Duration::from_secs(5);

/// Input, output and dead-letter queues all quorum (replicated), so that
/// no queue lives on one node only.
const QUORUM_ENV: [(&str, &str); 2] = [
    ("QUOTEWIRE__OUTPUT__QUEUE_TYPE", "quorum"),
    ("QUOTEWIRE__DEAD_LETTER__QUEUE_TYPE", "quorum"),
];

/// The scenario: `--cluster-articles` corpus articles through the cluster.
pub async fn cluster_failover(opts: &Options, good: &[Input]) -> Row {
    let n = opts.cluster_articles.min(good.len());
    let urls = match cluster(&opts.cluster_script, &["urls"]).await {
        Ok(out) => out
            .trim()
            .split(',')
            .map(str::to_string)
            .collect::<Vec<_>>(),
        Err(e) => return crate::scene::broken_row("cluster-failover", e),
    };
    if urls.len() != 3 {
        let e = Error::Failed(format!("expected 3 cluster URLs, got {urls:?}"));
        return crate::scene::broken_row("cluster-failover", e);
    }
    // The topology is declared through node 1 (where the input queue's
    // leader then usually is); the steps move the suite to another node.
    let mut opts = opts.clone();
    opts.url = urls[0].clone();
    play(
        &opts,
        "cluster-failover",
        good[..n].to_vec(),
        &QUORUM_ENV,
        async move |scene: &mut Scene| cluster_steps(scene, &urls).await,
    )
    .await
}

/// One node stop and what followed it.
struct Stop {
    node: usize,
    /// Inputs complete when the stop was issued.
    done: usize,
    /// When the stop was issued, on the suite's clock and on the logs'.
    issued: Instant,
    issued_of_day: f64,
    /// How long `stop-node` took (the node's own shutdown).
    took: Duration,
    /// The workers watched, and how many sessions each had consumed on
    /// before the stop.
    workers: Vec<usize>,
    before: Vec<usize>,
    /// Per worker: from issuing the stop to consuming again, if its
    /// session was lost.
    back: Vec<Option<Duration>>,
}

async fn cluster_steps(scene: &mut Scene, urls: &[String]) -> Result<String> {
    let n = scene.inputs.len();
    let script = scene.opts.cluster_script.clone();
    let queue = scene.names.input_queue.clone();
    let members = cluster(&script, &["members", &queue]).await?;
    if members.split_whitespace().count() != 3 {
        scene.fail(format!(
            "the input queue is not replicated on 3 nodes (members: {})",
            members.trim()
        ));
    }
    let leader = node_number(&cluster(&script, &["leader", &queue]).await?)?;
    // Second victim and the suite's node: the other two, in order.
    let others: Vec<usize> = (1..=3).filter(|&i| i != leader).collect();
    let (second, suite) = (others[0], others[1]);
    let address = |i: usize| node_address(&urls[i - 1]);
    scene.opts.url = urls[suite - 1].clone();
    let list = |order: [usize; 3]| {
        order
            .iter()
            .map(|&i| urls[i - 1].as_str())
            .collect::<Vec<_>>()
            .join(",")
    };

    scene.start_collector(Stream::Output);
    scene.start_collector(Stream::Dead);
    let w0 = scene.spawn_worker_with(
        "w0",
        &[("QUOTEWIRE__AMQP__URL", &list([leader, second, suite]))],
    )?;
    let w1 = scene.spawn_worker_with(
        "w1",
        &[("QUOTEWIRE__AMQP__URL", &list([second, suite, leader]))],
    )?;
    scene.wait_consuming(w0, 1).await?;
    scene.wait_consuming(w1, 1).await?;
    let first_nodes = [
        &consuming_nodes(&scene.workers[w0])[0],
        &consuming_nodes(&scene.workers[w1])[0],
    ];
    if *first_nodes[0] != address(leader) || *first_nodes[1] != address(second) {
        scene.fail(format!(
            "the workers should start on nodes {leader} and {second}, they consume on {first_nodes:?}"
        ));
    }
    scene.start_publisher(Some(scene.opts.cluster_rate));

    // 1. The input queue's leader, for good (until the end).
    scene.wait_progress(n / 4, Duration::from_secs(300)).await?;
    let mut first = stop_node(scene, &script, leader, &[w0, w1]).await?;
    await_back(scene, &mut first, &[w0]).await?;
    // 2. A second node, briefly: two of three down, no majority, so no
    // queue can be consumed until one of them is back.
    scene
        .wait_progress(n * 3 / 5, Duration::from_secs(300))
        .await?;
    let mut second_stop = stop_node(scene, &script, second, &[w0, w1]).await?;
    tokio::time::sleep(SECOND_STOP).await;
    let restart = Instant::now();
    let (second_arg, leader_arg) = (second.to_string(), leader.to_string());
    let (a, b) = tokio::join!(
        cluster(&script, &["start-node", &second_arg]),
        cluster(&script, &["start-node", &leader_arg])
    );
    a?;
    b?;
    let restarted_took = restart.elapsed();
    let down_for = second_stop.issued.elapsed();
    eprintln!(
        "  nodes {second} and {leader} started again in {} ({} after node {second} was stopped)",
        secs(restarted_took),
        secs(down_for)
    );
    await_back(scene, &mut second_stop, &[w0, w1]).await?;
    let after_restart: Vec<Option<Duration>> = second_stop
        .back
        .iter()
        .map(|b| b.map(|d| d.saturating_sub(down_for)))
        .collect();

    // Every input confirmed by the cluster (an error here, e.g. a nack,
    // fails the scenario at once), then every input complete.
    scene.wait_published().await?;
    scene.wait_progress(n, Duration::from_secs(600)).await?;

    // Where the workers ended up: the metric names the node of the last
    // `Consuming.` in the worker's log (1), and no other (0). Which node
    // that is depends on timing (after the second stop a worker may get
    // back on the third node or on a restarted one), so it is reported,
    // not prescribed.
    let mut ended_on = Vec::new();
    for w in [w0, w1] {
        let name = scene.workers[w].name().to_string();
        let last = consuming_nodes(&scene.workers[w]).pop().unwrap_or_default();
        for url in urls {
            let node = node_address(url);
            let sample = format!("quotewire_broker_node{{node=\"{node}\"}}");
            let want = if node == last { 1.0 } else { 0.0 };
            match scene.workers[w].metric(&sample).await {
                Ok(v) if v == want => {}
                Ok(v) => scene.fail(format!(
                    "{name}: {sample} is {v}, expected {want} (its log last consumed on {last})"
                )),
                Err(e) => scene.fail(format!("{name}: cannot read {sample}: {e}")),
            }
        }
        ended_on.push(format!("{name} on {last}"));
    }
    // The bound: consuming again within 30 s of the stop while a majority
    // lives (the first stop), within 30 s of the nodes being back when it
    // did not (the second).
    let bounded = [
        (&first, first.back.clone(), "the stop"),
        (
            &second_stop,
            after_restart.clone(),
            "both nodes were started again",
        ),
    ];
    for (stop, measured, from) in bounded {
        for (i, back) in measured.iter().enumerate() {
            if let Some(d) = back {
                if *d > RECONNECT_BOUND {
                    scene.fail(format!(
                        "w{i} consumed again {} after {from} (node {}; bound {})",
                        secs(*d),
                        stop.node,
                        secs(RECONNECT_BOUND)
                    ));
                }
            }
        }
    }
    let mut lines = Vec::new();
    for stop in [&first, &second_stop] {
        let backs: Vec<String> = stop
            .back
            .iter()
            .enumerate()
            .map(|(i, b)| match b {
                Some(d) => format!("w{i} {}", secs(*d)),
                None => format!("w{i} unaffected"),
            })
            .collect();
        lines.push(format!(
            "node {} stopped at {}/{n} complete (stop took {}); stop issued -> consuming again: {}",
            stop.node,
            stop.done,
            secs(stop.took),
            backs.join(", ")
        ));
    }
    let mut gaps = Vec::new();
    for w in [w0, w1] {
        let worker = &scene.workers[w];
        for r in reconnects(worker) {
            gaps.push(format!(
                "{} {} -> {} in {}",
                worker.name(),
                r.lost_node,
                r.node,
                secs(r.gap)
            ));
        }
    }
    scene.notes.push(format!(
        "3-node cluster, input/output/dead-letter queues quorum on all 3 nodes (input queue members: {}); \
         input queue leader node {leader} ({}); w0 started on node {leader}, w1 on node {second}, each with all 3 URLs; \
         the suite publishes ({} articles/s) and collects on node {suite}, never stopped",
        members.trim(),
        address(leader),
        scene.opts.cluster_rate
    ));
    scene.notes.push(lines.join("; "));
    let after: Vec<String> = after_restart
        .iter()
        .enumerate()
        .map(|(i, d)| match d {
            Some(d) => format!("w{i} {}", secs(*d)),
            None => format!("w{i} unaffected"),
        })
        .collect();
    scene.notes.push(format!(
        "node {second} stopped {} before nodes {second} and {leader} were started again (start took {}; no quorum for {} in all); both nodes started -> consuming again: {}",
        secs(SECOND_STOP),
        secs(restarted_took),
        secs(down_for),
        after.join(", ")
    ));
    scene.notes.push(format!(
        "session lost -> consuming (worker logs): {}; at the end (logs and quotewire_broker_node agree): {}",
        gaps.join("; "),
        ended_on.join(", ")
    ));
    let max = |v: &[Option<Duration>]| v.iter().flatten().max().copied().unwrap_or_default();
    Ok(format!(
        "leader stop -> consuming on a live node: max {}; nodes back -> consuming: max {}",
        secs(max(&first.back)),
        secs(max(&after_restart))
    ))
}

/// Stops node `node`, noting where the workers `all` were.
async fn stop_node(scene: &mut Scene, script: &Path, node: usize, all: &[usize]) -> Result<Stop> {
    let before: Vec<usize> = all
        .iter()
        .map(|&w| consuming_count(&scene.workers[w]))
        .collect();
    let done = scene.done();
    let issued = Instant::now();
    let issued_of_day = now_of_day();
    eprintln!(
        "  stopping node {node} at {done}/{} complete",
        scene.inputs.len()
    );
    cluster(script, &["stop-node", &node.to_string()]).await?;
    let took = issued.elapsed();
    eprintln!("  node {node} stopped in {}", secs(took));
    Ok(Stop {
        node,
        done,
        issued,
        issued_of_day,
        took,
        workers: all.to_vec(),
        before,
        back: vec![None; all.len()],
    })
}

/// Waits until each worker of `expect` consumes again after `stop`; the
/// others are measured from their logs if their session was lost too.
async fn await_back(scene: &mut Scene, stop: &mut Stop, expect: &[usize]) -> Result<()> {
    for (k, &w) in stop.workers.iter().enumerate() {
        if expect.contains(&w) {
            scene.wait_consuming(w, stop.before[k] + 1).await?;
            stop.back[k] = Some(stop.issued.elapsed());
        }
    }
    for (k, &w) in stop.workers.iter().enumerate() {
        if stop.back[k].is_none() && consuming_count(&scene.workers[w]) > stop.before[k] {
            let lost = reconnects(&scene.workers[w])
                .into_iter()
                .find(|r| r.lost_at >= stop.issued_of_day);
            stop.back[k] =
                lost.map(|r| Duration::from_secs_f64(r.lost_at - stop.issued_of_day) + r.gap);
        }
    }
    eprintln!(
        "  after node {}: workers consuming again {:?}",
        stop.node, stop.back
    );
    Ok(())
}

/// Runs `scripts/rabbitmq-cluster.sh ARGS` (on the blocking pool: node
/// stops and starts take seconds); its standard output.
fn cluster(script: &Path, args: &[&str]) -> impl Future<Output = Result<String>> + use<> {
    let script = script.to_path_buf();
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let task = tokio::task::spawn_blocking(move || {
        let out = std::process::Command::new(&script).args(&args).output()?;
        if !out.status.success() {
            return Err(Error::Failed(format!(
                "{} {} failed: {}{}",
                script.display(),
                args.join(" "),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    });
    async move {
        task.await
            .map_err(|e| Error::Failed(format!("cluster script task: {e}")))?
    }
}

fn node_number(text: &str) -> Result<usize> {
    match text.trim().parse() {
        Ok(i @ 1..=3) => Ok(i),
        _ => Err(Error::Failed(format!("not a node number: {text:?}"))),
    }
}
