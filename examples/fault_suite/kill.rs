//! Killing and cutting: `kill -9` of the worker at random points, and
//! closing the workers' broker connections by name.

use crate::collect::Stream;
use crate::inputs::Input;
use crate::report::secs;
use crate::scene::{consuming_count, play, Row, Scene};
use crate::sessions;
use crate::Options;
use std::time::{Duration, Instant};
use testkit::{close_connections_named, count_connections_named, Result};

/// kill -9 at random progress points while articles flow, restarting.
pub async fn kill9(opts: &Options, good: &[Input]) -> Row {
    let n = opts.articles.min(good.len());
    play(opts, "kill9", good[..n].to_vec(), &[], kill9_steps).await
}

async fn kill9_steps(scene: &mut Scene) -> Result<String> {
    let n = scene.inputs.len();
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

/// Polls the broker until `want` connections named `prefix*` are open, or
/// `limit` has passed; how many were open at the last look.
async fn wait_connections(prefix: &str, want: usize, limit: Duration) -> Result<usize> {
    let start = Instant::now();
    loop {
        let open = count_connections_named(prefix)?;
        if open >= want || start.elapsed() >= limit {
            return Ok(open);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Two workers; their connections are closed by name, several times.
pub async fn conn_cut(opts: &Options, good: &[Input]) -> Row {
    let n = opts.small_articles.min(good.len());
    play(opts, "conn-cut", good[..n].to_vec(), &[], conn_cut_steps).await
}

async fn conn_cut_steps(scene: &mut Scene) -> Result<String> {
    let n = scene.inputs.len();
    scene.start_collector(Stream::Output);
    scene.start_collector(Stream::Dead);
    let a = scene.spawn_worker("w1")?;
    let b = scene.spawn_worker("w2")?;
    scene.wait_consuming(a, 1).await?;
    scene.wait_consuming(b, 1).await?;
    scene.start_publisher(Some(100));
    let workers_prefix = format!("{}.w", scene.names.prefix);
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
        // A worker logs `Consuming.` when its consume connection is back;
        // its publish connection may still be reconnecting. Cut only when
        // all four are up, so that every cut hits both of each worker's.
        let up = wait_connections(&workers_prefix, 4, Duration::from_secs(60)).await?;
        if up != 4 {
            scene.fail(format!(
                "the workers' connections did not all come back within 60 s: {up} of 4 open"
            ));
        }
        let (ca, cb) = (
            consuming_count(&scene.workers[a]),
            consuming_count(&scene.workers[b]),
        );
        let done = scene.done();
        let closed = close_connections_named(&workers_prefix, "fault-suite connection cut")?;
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
        .map(|&w| consuming_count(&scene.workers[w]) - 1)
        .collect::<Vec<_>>();
    let gaps: Vec<Duration> = [a, b]
        .iter()
        .flat_map(|&w| sessions::reconnects(&scene.workers[w]))
        .map(|r| r.gap)
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
