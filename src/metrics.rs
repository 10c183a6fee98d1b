//! Prometheus metrics and the health state served over HTTP.
//!
//! [`Metrics`] owns the registry and one handle per metric; the worker
//! updates them, [`crate::http`] renders them. [`Health`] holds the flags
//! behind `/readyz`.

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::atomic::{AtomicBool, Ordering};

/// Labels of a family keyed by one static label, e.g. `kind="not_json"`.
pub type KindLabel = [(&'static str, &'static str); 1];

/// Every metric the worker and `quotewire serve` export, all prefixed
/// `quotewire_`. The worker updates the broker-side ones, `serve` the
/// `api_*` ones; both observe `pipeline_seconds` and `articles_in_flight`.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    /// Deliveries received from the input queue.
    pub articles_consumed: Counter,
    /// Input messages acked after their events were confirmed.
    pub articles_acked: Counter,
    /// Input messages dead-lettered, by error kind.
    pub articles_dead_lettered: Family<KindLabel, Counter>,
    /// Input messages requeued for another try, by reason.
    pub articles_retried: Family<KindLabel, Counter>,
    /// Statement events confirmed by the broker.
    pub statements_published: Counter,
    /// Publishes the broker nacked or returned (`outcome="nacked"|"returned"|"timeout"`).
    pub confirms_failed: Family<KindLabel, Counter>,
    /// Deliveries being handled right now.
    pub in_flight: Gauge,
    /// Reconnections (new broker sessions after a failure).
    pub reconnects: Counter,
    /// Per broker node of `amqp.url` (address without user info): 1 for
    /// the node the worker's session is on, 0 for the others.
    pub broker_node: Family<NodeLabel, Gauge>,
    /// Per broker node: attempts to open a session there that failed.
    pub broker_open_failures: Family<NodeLabel, Counter>,
    /// Seconds spent in decoding and extraction per article.
    pub pipeline_seconds: Histogram,
    /// Seconds from delivery to ack (or dead-letter) per article.
    pub end_to_end_seconds: Histogram,
    /// `quotewire serve`: extraction requests answered, by outcome (`ok`,
    /// or the error kind, e.g. `not_json`, `too_large`).
    pub api_requests: Family<OutcomeLabel, Counter>,
    /// `quotewire serve`: statement events returned.
    pub api_statements: Counter,
}

/// Labels of a family keyed by outcome, e.g. `outcome="ok"`.
pub type OutcomeLabel = [(&'static str, &'static str); 1];

/// Labels of a family keyed by broker node, e.g.
/// `node="amqp://10.0.0.7:5672/%2f"` (never with user info).
pub type NodeLabel = [(&'static str, String); 1];

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// Creates and registers every metric.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("quotewire");
        let m = Metrics {
            articles_consumed: Counter::default(),
            articles_acked: Counter::default(),
            articles_dead_lettered: Family::default(),
            articles_retried: Family::default(),
            statements_published: Counter::default(),
            confirms_failed: Family::default(),
            in_flight: Gauge::default(),
            reconnects: Counter::default(),
            broker_node: Family::default(),
            broker_open_failures: Family::default(),
            pipeline_seconds: Histogram::new(exponential_buckets(0.0001, 2.0, 18)),
            end_to_end_seconds: Histogram::new(exponential_buckets(0.0005, 2.0, 18)),
            api_requests: Family::default(),
            api_statements: Counter::default(),
            registry: Registry::default(),
        };
        registry.register(
            "articles_consumed",
            "Articles received from the input queue",
            m.articles_consumed.clone(),
        );
        registry.register(
            "articles_acked",
            "Articles acked after all their events were confirmed",
            m.articles_acked.clone(),
        );
        registry.register(
            "articles_dead_lettered",
            "Articles dead-lettered, by error kind",
            m.articles_dead_lettered.clone(),
        );
        registry.register(
            "articles_retried",
            "Articles requeued for another try, by reason",
            m.articles_retried.clone(),
        );
        registry.register(
            "statements_published",
            "Statement events confirmed by the broker",
            m.statements_published.clone(),
        );
        registry.register(
            "confirms_failed",
            "Publishes nacked, returned or not confirmed in time, by outcome",
            m.confirms_failed.clone(),
        );
        registry.register(
            "articles_in_flight",
            "Articles being handled",
            m.in_flight.clone(),
        );
        registry.register(
            "reconnects",
            "Broker sessions re-opened after a failure",
            m.reconnects.clone(),
        );
        registry.register(
            "broker_node",
            "1 for the broker node (of amqp.url) the session is on, 0 for the others",
            m.broker_node.clone(),
        );
        registry.register(
            "broker_open_failures",
            "Failed attempts to open a broker session, by node",
            m.broker_open_failures.clone(),
        );
        registry.register(
            "pipeline_seconds",
            "Time to decode and extract one article",
            m.pipeline_seconds.clone(),
        );
        registry.register(
            "end_to_end_seconds",
            "Time from delivery to ack or dead-letter of one article",
            m.end_to_end_seconds.clone(),
        );
        registry.register(
            "api_requests",
            "Extraction requests answered by quotewire serve, by outcome",
            m.api_requests.clone(),
        );
        registry.register(
            "api_statements",
            "Statement events returned by quotewire serve",
            m.api_statements.clone(),
        );
        Metrics { registry, ..m }
    }

    /// Sets [`Metrics::broker_node`]: 1 for `in_use` (none: not
    /// connected), 0 for every other address of `nodes`.
    pub fn set_broker_node<'a>(
        &self,
        nodes: impl IntoIterator<Item = &'a str>,
        in_use: Option<&str>,
    ) {
        for node in nodes {
            let value = i64::from(Some(node) == in_use);
            self.broker_node
                .get_or_create(&[("node", node.to_string())])
                .set(value);
        }
    }

    /// The registry in Prometheus text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = encode(&mut out, &self.registry);
        out
    }
}

/// Liveness and readiness flags, shared by the worker and the HTTP server.
#[derive(Debug, Default)]
pub struct Health {
    consuming: AtomicBool,
    publish_live: AtomicBool,
    blocked: AtomicBool,
}

impl Health {
    /// Records whether a consumer is active on the input queue.
    pub fn set_consuming(&self, on: bool) {
        self.consuming.store(on, Ordering::SeqCst);
    }

    /// Records whether the publish channel is open.
    pub fn set_publish_live(&self, on: bool) {
        self.publish_live.store(on, Ordering::SeqCst);
    }

    /// Records whether the broker has blocked a connection (resource alarm).
    pub fn set_blocked(&self, on: bool) {
        self.blocked.store(on, Ordering::SeqCst);
    }

    /// Ready: consuming, with a live publish channel, and not blocked.
    pub fn ready(&self) -> bool {
        self.consuming.load(Ordering::SeqCst)
            && self.publish_live.load(Ordering::SeqCst)
            && !self.blocked.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_lists_every_metric_with_labels() {
        let m = Metrics::new();
        m.articles_consumed.inc();
        m.articles_dead_lettered
            .get_or_create(&[("kind", "not_json")])
            .inc();
        m.pipeline_seconds.observe(0.01);
        m.set_broker_node(
            ["amqp://a:5672/%2f", "amqp://b:5672/%2f"],
            Some("amqp://b:5672/%2f"),
        );
        m.broker_open_failures
            .get_or_create(&[("node", "amqp://a:5672/%2f".to_string())])
            .inc();
        let text = m.render();
        for name in [
            "quotewire_articles_consumed_total 1",
            "quotewire_articles_acked_total 0",
            "quotewire_articles_dead_lettered_total{kind=\"not_json\"} 1",
            "quotewire_statements_published_total",
            "quotewire_articles_in_flight",
            "quotewire_reconnects_total",
            "quotewire_pipeline_seconds_count 1",
            "quotewire_end_to_end_seconds_count 0",
            "quotewire_api_statements_total 0",
            "quotewire_broker_node{node=\"amqp://a:5672/%2f\"} 0",
            "quotewire_broker_node{node=\"amqp://b:5672/%2f\"} 1",
            "quotewire_broker_open_failures_total{node=\"amqp://a:5672/%2f\"} 1",
        ] {
            assert!(text.contains(name), "missing {name} in:\n{text}");
        }
    }

    #[test]
    fn ready_needs_consumer_and_publisher_and_no_block() {
        let h = Health::default();
        assert!(!h.ready());
        h.set_consuming(true);
        assert!(!h.ready());
        h.set_publish_live(true);
        assert!(h.ready());
        h.set_blocked(true);
        assert!(!h.ready());
        h.set_blocked(false);
        h.set_consuming(false);
        assert!(!h.ready());
    }
}
