//! What a worker's JSON log says about its broker sessions: when each was
//! lost and when the next one consumed, and on which node.

use std::time::Duration;
use testkit::WorkerProcess;

/// One reconnect: a lost session and the next one consuming.
#[derive(Debug, Clone, PartialEq)]
pub struct Reconnect {
    /// The node whose session was lost (empty if the log does not say).
    pub lost_node: String,
    /// The node the next session consumed on.
    pub node: String,
    /// When the session was lost, in seconds since midnight (UTC).
    pub lost_at: f64,
    /// From the loss to consuming again.
    pub gap: Duration,
}

/// The worker's reconnects, from its log: for each lost session, the next
/// `Consuming.` and the nodes of both.
pub fn reconnects(worker: &WorkerProcess) -> Vec<Reconnect> {
    reconnects_in(&worker.logs())
}

fn reconnects_in(log: &str) -> Vec<Reconnect> {
    let mut found = Vec::new();
    let mut lost: Option<(f64, String)> = None;
    for line in log.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let fields = &v["fields"];
        let message = fields["message"].as_str().unwrap_or_default();
        let Some(at) = v["timestamp"].as_str().and_then(seconds_of_day) else {
            continue;
        };
        let node = fields["node"].as_str().unwrap_or_default().to_string();
        if message.starts_with("Broker session lost") {
            lost.get_or_insert((at, node));
        } else if message == "Consuming." {
            if let Some((lost_at, lost_node)) = lost.take() {
                let mut gap = at - lost_at;
                if gap < 0.0 {
                    gap += 86_400.0;
                }
                found.push(Reconnect {
                    lost_node,
                    node,
                    lost_at,
                    gap: Duration::from_secs_f64(gap),
                });
            }
        }
    }
    found
}

/// The nodes the worker's sessions consumed on, in order (from its
/// `Consuming.` lines).
pub fn consuming_nodes(worker: &WorkerProcess) -> Vec<String> {
    worker
        .log_events("Consuming.")
        .iter()
        .map(|v| v["fields"]["node"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Seconds since midnight of an RFC 3339 UTC timestamp
/// (`2026-11-27T10:26:12.079817Z`).
pub fn seconds_of_day(ts: &str) -> Option<f64> {
    let time = ts.split_once('T')?.1.trim_end_matches('Z');
    let mut parts = time.split(':');
    let h: f64 = parts.next()?.parse().ok()?;
    let m: f64 = parts.next()?.parse().ok()?;
    let s: f64 = parts.next()?.parse().ok()?;
    Some(h * 3600.0 + m * 60.0 + s)
}

/// Now, in seconds since midnight (UTC), comparable with log timestamps.
pub fn now_of_day() -> f64 {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    since_epoch.as_secs_f64() % 86_400.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_session_pairs_with_the_next_consuming_line() {
        let log = [
            r#"{"timestamp":"2026-11-27T10:00:00.000Z","fields":{"message":"Consuming.","node":"amqp://a:1/v"}}"#,
            r#"{"timestamp":"2026-11-27T10:00:05.000Z","fields":{"message":"Broker session lost; x","node":"amqp://a:1/v"}}"#,
            r#"{"timestamp":"2026-11-27T10:00:05.200Z","fields":{"message":"Cannot open a broker session on this node."}}"#,
            r#"{"timestamp":"2026-11-27T10:00:06.500Z","fields":{"message":"Consuming.","node":"amqp://b:2/v"}}"#,
            "not json",
        ]
        .join("\n");
        let found = reconnects_in(&log);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].lost_node, "amqp://a:1/v");
        assert_eq!(found[0].node, "amqp://b:2/v");
        assert!((found[0].gap.as_secs_f64() - 1.5).abs() < 1e-6);
        assert_eq!(seconds_of_day("2026-11-27T01:02:03.5Z"), Some(3723.5));
    }
}
