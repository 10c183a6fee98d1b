//! A slow downstream: the output queue limited with a `reject-publish`
//! policy so that the broker nacks events, then the limit lifted.

use crate::collect::Stream;
use crate::inputs::Input;
use crate::report::secs;
use crate::scene::{play, Row, Scene};
use crate::Options;
use std::time::{Duration, Instant};
use testkit::{queue_depth_at, rabbitmqctl, Error, Result};

/// Output queue limited with reject-publish, then the limit lifted.
pub async fn slow_downstream(opts: &Options, good: &[Input], delivery_limit_5: bool) -> Row {
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
    play(opts, name, good[..n].to_vec(), extra, async |scene| {
        slow_downstream_steps(scene, delivery_limit_5).await
    })
    .await
}

async fn slow_downstream_steps(scene: &mut Scene, delivery_limit_5: bool) -> Result<String> {
    let n = scene.inputs.len();
    let opts = scene.opts.clone();
    // A slow downstream is no reason to give up on a good article.
    scene.good_dead_fails = true;
    let max_len = 100;
    let policy = format!("{}.maxlen", scene.names.prefix);
    let pattern = format!("^{}$", scene.names.output_queue.replace('.', "\\."));
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
                            .any(|l| l.starts_with(&s.names.output_queue) && l.contains(&policy))
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
            return Err(Error::Timeout(
                Duration::from_secs(60),
                "no event was nacked".into(),
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let hold = Duration::from_secs(8);
    tokio::time::sleep(hold).await;
    let control = format!("{}.suite.control", scene.names.prefix);
    let out_depth = queue_depth_at(&opts.url, &control, &scene.names.output_queue).await?;
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
