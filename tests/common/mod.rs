//! Helpers for the broker tests: a real RabbitMQ, the real `quotewire`
//! binary, and lapin used directly to publish and inspect.
//!
//! Every test gets its own uniquely named exchanges and queues (deleted
//! when its [`Names`] is dropped, even on panic), so tests run in parallel
//! on one broker. Every wait is bounded.
//!
//! The broker, process and HTTP helpers themselves live in the shared
//! `testkit` crate (`testkit/`, also used by the examples), which returns
//! errors; here they panic instead, as tests do, and know this package's
//! binary. Here too: the waits and assertions only the tests use, and what
//! needs quotewire's own types (the events the pipeline expects for an
//! article).

#![allow(dead_code)]

use lapin::options::BasicGetOptions;
use lapin::{BasicProperties, Channel, Connection};
use quotewire::{Article, ArticleLimits, Pipeline};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitStatus;
use std::time::{Duration, Instant};

// Each test crate uses its own subset of these.
#[allow(unused_imports)]
pub use testkit::{amqp_url, header, BROKER_HELP};

/// The binary under test.
fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_quotewire"))
}

/// The value of a test kit call, or a panic with its error.
#[track_caller]
fn ok<T>(result: testkit::Result<T>) -> T {
    result.unwrap_or_else(|e| panic!("{e}"))
}

/// A test-side connection; panics with [`BROKER_HELP`] if there is no broker.
pub async fn connect(name: &str) -> Connection {
    testkit::connect(&amqp_url(), name)
        .await
        .unwrap_or_else(|e| panic!("{BROKER_HELP} ({e})"))
}

/// A channel in confirm mode on a fresh test connection.
pub async fn channel(name: &str) -> (Connection, Channel) {
    let conn = connect(name).await;
    let ch = ok(testkit::confirm_channel(&conn).await);
    (conn, ch)
}

/// The unique names of one test (`testkit::Names`, whose fields it
/// dereferences to); dropping it deletes the broker objects.
#[derive(Debug, Clone)]
pub struct Names(testkit::Names);

impl std::ops::Deref for Names {
    type Target = testkit::Names;

    fn deref(&self) -> &testkit::Names {
        &self.0
    }
}

impl Names {
    /// Unique names for `test`.
    pub fn new(test: &str) -> Names {
        Names(testkit::Names::unique("qwtest", test))
    }

    /// The worker environment for these names, plus test-friendly timings.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env = self.0.worker_env(&amqp_url());
        env.extend(
            [
                ("QUOTEWIRE__AMQP__CONNECTION_NAME", self.prefix.as_str()),
                ("QUOTEWIRE__AMQP__RECONNECT_MIN_MS", "50"),
                ("QUOTEWIRE__AMQP__RECONNECT_MAX_MS", "1000"),
                ("QUOTEWIRE__AMQP__CONFIRM_TIMEOUT_MS", "10000"),
                ("QUOTEWIRE__WORKER__RETRY_DELAY_MS", "100"),
            ]
            .map(|(k, v)| (k.to_string(), v.to_string())),
        );
        env
    }

    /// Declares the topology by running `quotewire topology`, so that
    /// articles can be published before any worker runs.
    pub fn declare_topology(&self) {
        ok(testkit::run_topology(bin(), &self.env()));
    }
}

impl Drop for Names {
    fn drop(&mut self) {
        self.0.delete_blocking(&amqp_url());
    }
}

/// A running `quotewire run` process, its stderr captured to a file.
pub struct Worker {
    process: testkit::WorkerProcess,
    _dir: tempfile::TempDir,
}

impl Worker {
    /// Spawns the real binary with the names' environment and `extra`.
    pub fn spawn(names: &Names, extra: &[(&str, &str)]) -> Worker {
        Worker::spawn_with_args(names, extra, &[])
    }

    /// [`Worker::spawn`] with extra arguments after `run`.
    pub fn spawn_with_args(names: &Names, extra: &[(&str, &str)], args: &[&str]) -> Worker {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut env = names.env();
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let log = dir.path().join("worker.log");
        let process = ok(testkit::WorkerProcess::spawn(
            "worker",
            bin(),
            args,
            &env,
            log,
        ));
        Worker { process, _dir: dir }
    }

    /// The log so far.
    pub fn logs(&self) -> String {
        self.process.logs()
    }

    /// The JSON log lines whose message is `message`.
    pub fn log_events(&self, message: &str) -> Vec<serde_json::Value> {
        self.process.log_events(message)
    }

    /// Waits until `message` was logged `count` times; panics after
    /// `timeout`, or when the worker exited first.
    pub async fn wait_for_log(
        &self,
        message: &str,
        count: usize,
        timeout: Duration,
    ) -> Vec<serde_json::Value> {
        ok(self.process.wait_for_log(message, count, timeout).await)
    }

    /// The address of the worker's HTTP server (waits for it).
    pub async fn http_addr(&self) -> String {
        ok(self.process.http_addr(Duration::from_secs(20)).await)
    }

    /// Waits until the worker consumes (its first session is open).
    pub async fn wait_consuming(&self) {
        self.wait_for_log("Consuming.", 1, Duration::from_secs(30))
            .await;
    }

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        ok(self.process.terminate());
    }

    /// Waits for the process to exit; panics after `timeout`.
    pub async fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        ok(self.process.wait_exit(timeout).await)
    }

    /// SIGTERM, then asserts a clean exit (code 0 and a drained log line),
    /// and returns how many articles this process acked.
    pub async fn stop_cleanly(&mut self) -> u64 {
        self.terminate();
        let status = self.wait_exit(Duration::from_secs(40)).await;
        assert_eq!(
            status.code(),
            Some(0),
            "unclean exit; log:\n{}",
            self.logs()
        );
        let drained = self.log_events("Drained; connections closed.");
        assert_eq!(drained.len(), 1, "no drain line; log:\n{}", self.logs());
        drained[0]["fields"]["acked"].as_u64().expect("acked field")
    }
}

/// A GET request to the worker's HTTP server: (status, body).
pub async fn http_get(addr: &str, path: &str) -> (u16, String) {
    ok(testkit::http_get(addr, path).await)
}

/// The value of one metric sample (`name` including labels) or 0.
pub async fn metric(addr: &str, sample: &str) -> f64 {
    ok(testkit::metric(addr, sample).await)
}

/// Polls `sample` until it reaches `at_least`; panics after `timeout`.
pub async fn wait_metric(addr: &str, sample: &str, at_least: f64, timeout: Duration) -> f64 {
    ok(testkit::wait_metric(addr, sample, at_least, timeout).await)
}

/// A test article with direct quotes; `i` makes each one distinct.
pub fn article(i: usize) -> Vec<u8> {
    let text = format!(
        "\"We will rebuild bridge number {i},\" Mayor Jane Roe said on Monday.\n\n\
         The works start in spring. \"It will cost {i} million,\" said Roe."
    );
    serde_json::to_vec(&serde_json::json!({
        "id": format!("article-{i}"),
        "text": text,
        "title": format!("Bridge {i}"),
        "source": "test",
    }))
    .unwrap()
}

/// One expected event: what the pipeline computes in-process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The article it belongs to.
    pub article_id: String,
    /// `statement.<kind>`.
    pub routing_key: String,
    /// The event JSON.
    pub body: Vec<u8>,
}

/// The events `Pipeline::english()` computes for `body`, by event id.
pub fn expected_events(body: &[u8]) -> BTreeMap<String, Expected> {
    let article = Article::from_json(body, &ArticleLimits::default()).expect("valid test article");
    Pipeline::english()
        .events(&article)
        .expect("pipeline")
        .into_iter()
        .map(|e| {
            (
                e.event_id.clone(),
                Expected {
                    article_id: article.id.clone(),
                    routing_key: e.routing_key(),
                    body: e.to_json(),
                },
            )
        })
        .collect()
}

/// Publishes `bodies` to `exchange` (persistent, confirmed, all routed).
pub async fn publish(ch: &Channel, exchange: &str, messages: &[(Vec<u8>, BasicProperties)]) {
    let mut window = testkit::ConfirmWindow::new(ch, exchange, "news.test", usize::MAX)
        .confirm_timeout(Duration::from_secs(30));
    for (i, (body, props)) in messages.iter().enumerate() {
        ok(window.publish(i, body, props.clone()).await);
    }
    ok(window.settle_all().await);
}

/// Ready messages in `queue` (passive declare).
pub async fn depth(ch: &Channel, queue: &str) -> u32 {
    ok(testkit::queue_depth(ch, queue).await)
}

/// Polls until `queue` holds no ready message; panics after `timeout`.
pub async fn wait_empty(ch: &Channel, queue: &str, timeout: Duration) {
    let start = Instant::now();
    loop {
        let n = depth(ch, queue).await;
        if n == 0 {
            return;
        }
        assert!(
            start.elapsed() < timeout,
            "{queue} still holds {n} messages after {timeout:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Asserts that `queue` holds no ready message for `period` (unacked
/// deliveries of a closed channel come back asynchronously).
pub async fn assert_stays_empty(ch: &Channel, queue: &str, period: Duration) {
    let start = Instant::now();
    while start.elapsed() < period {
        let n = depth(ch, queue).await;
        assert_eq!(n, 0, "{queue} holds {n} messages: something was not acked");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Takes (auto-ack) messages from `queue` until at least `min` arrived
/// (waiting at most `timeout`) and then none more for `settle`.
pub async fn take_all(
    ch: &Channel,
    queue: &str,
    min: usize,
    timeout: Duration,
    settle: Duration,
) -> Vec<lapin::message::Delivery> {
    let start = Instant::now();
    let mut got = Vec::new();
    let mut idle_since = Instant::now();
    loop {
        match ch
            .basic_get(queue.into(), BasicGetOptions { no_ack: true })
            .await
            .expect("basic_get")
        {
            Some(msg) => {
                got.push(msg.delivery);
                idle_since = Instant::now();
            }
            None => {
                if got.len() >= min && idle_since.elapsed() >= settle {
                    return got;
                }
                assert!(
                    start.elapsed() < timeout,
                    "only {} of {min} messages in {queue} after {timeout:?}",
                    got.len()
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// Closes the broker connections whose client-given name starts with
/// `name_part` (the worker's), leaving every other connection alone so
/// that tests running in parallel are not disturbed. Returns how many.
pub fn close_connections_named(name_part: &str) -> usize {
    ok(testkit::close_connections_named(name_part, "test"))
}

/// Gzip-compresses `data`.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    testkit::gzip(data, 6)
}

/// Checks that `deliveries` are the `expected` events (each at least once,
/// exactly once if `exactly_once`), with the right properties.
pub fn check_events(
    deliveries: &[lapin::message::Delivery],
    expected: &BTreeMap<String, Expected>,
    exactly_once: bool,
) {
    let mut seen = BTreeMap::new();
    for d in deliveries {
        let p = &d.properties;
        let id = p
            .message_id()
            .as_ref()
            .expect("message_id")
            .as_str()
            .to_string();
        let want = expected
            .get(&id)
            .unwrap_or_else(|| panic!("unexpected event id {id}"));
        assert_eq!(d.routing_key.as_str(), want.routing_key);
        assert_eq!(d.data, want.body, "event {id} body");
        assert_eq!(
            p.content_type().as_ref().map(|s| s.as_str()),
            Some("application/json")
        );
        assert_eq!(p.kind().as_ref().map(|s| s.as_str()), Some("statement.v1"));
        assert_eq!(
            p.correlation_id().as_ref().map(|s| s.as_str()),
            Some(want.article_id.as_str())
        );
        assert_eq!(p.app_id().as_ref().map(|s| s.as_str()), Some("quotewire"));
        assert_eq!(*p.delivery_mode(), Some(2), "persistent");
        assert!(p.timestamp().is_some(), "timestamp");
        let event: serde_json::Value = serde_json::from_slice(&d.data).expect("event JSON");
        assert_eq!(event["event_id"], id.as_str(), "message_id = event_id");
        *seen.entry(id).or_insert(0usize) += 1;
    }
    assert_eq!(seen.len(), expected.len(), "every expected event arrived");
    if exactly_once {
        assert_eq!(deliveries.len(), expected.len(), "no event arrived twice");
    }
}
