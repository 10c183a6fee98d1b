//! A broker restart (`rabbitmqctl stop_app` / `start_app`) mid-stream,
//! only while no other client uses the broker.

use crate::collect::Stream;
use crate::inputs::Input;
use crate::report::secs;
use crate::scene::{consuming_count, play, Row, Scene};
use crate::Options;
use std::time::{Duration, Instant};
use testkit::{list_connections, rabbitmqctl, Result};

/// stop_app / start_app mid-stream, only while nobody else is connected.
pub async fn broker_restart(opts: &Options, good: &[Input]) -> Row {
    let n = opts.small_articles.min(good.len());
    play(
        opts,
        "broker-restart",
        good[..n].to_vec(),
        &[],
        broker_restart_steps,
    )
    .await
}

async fn broker_restart_steps(scene: &mut Scene) -> Result<String> {
    let n = scene.inputs.len();
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
            .filter(|name| !name.starts_with(&scene.names.prefix))
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
    let before = consuming_count(&scene.workers[w]);
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
