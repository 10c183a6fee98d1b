//! Helpers for the broker tests: a real RabbitMQ, the real `quotewire`
//! binary, and lapin used directly to publish and inspect.
//!
//! Every test gets its own uniquely named exchanges and queues (deleted
//! when its [`Names`] is dropped, even on panic), so tests run in parallel
//! on one broker. Every wait is bounded.

#![allow(dead_code)]

use lapin::options::{
    BasicGetOptions, BasicPublishOptions, ConfirmSelectOptions, ExchangeDeleteOptions,
    QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties};
use quotewire::{Article, ArticleLimits, Pipeline};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// How to get a broker when none answers.
pub const BROKER_HELP: &str = "no RabbitMQ broker answers at $AMQP_URL \
     (default amqp://guest:guest@127.0.0.1:5672/%2f). Start one with \
     `scripts/ensure-rabbitmq.sh`, or point AMQP_URL at a broker.";

/// The broker URL of the tests.
pub fn amqp_url() -> String {
    std::env::var("AMQP_URL").unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".into())
}

/// A test-side connection; panics with [`BROKER_HELP`] if there is no broker.
pub async fn connect(name: &str) -> Connection {
    let props = ConnectionProperties::default().with_connection_name(name.into());
    match tokio::time::timeout(
        Duration::from_secs(10),
        Connection::connect(&amqp_url(), props),
    )
    .await
    {
        Ok(Ok(conn)) => conn,
        Ok(Err(error)) => panic!("{BROKER_HELP} ({error})"),
        Err(_) => panic!("{BROKER_HELP} (connect timed out)"),
    }
}

/// A channel in confirm mode on a fresh test connection.
pub async fn channel(name: &str) -> (Connection, Channel) {
    let conn = connect(name).await;
    let ch = conn.create_channel().await.expect("create channel");
    ch.confirm_select(ConfirmSelectOptions::default())
        .await
        .expect("confirm_select");
    (conn, ch)
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The unique names of one test.
#[derive(Debug, Clone)]
pub struct Names {
    /// Prefix of every name, also the worker's connection name.
    pub prefix: String,
    /// Input exchange.
    pub input_exchange: String,
    /// Input queue.
    pub input_queue: String,
    /// Output exchange.
    pub output_exchange: String,
    /// Output queue.
    pub output_queue: String,
    /// Dead-letter exchange.
    pub dead_exchange: String,
    /// Dead-letter queue.
    pub dead_queue: String,
    /// Whether dropping this value deletes the objects (false on the
    /// copy that does the deleting).
    armed: bool,
}

impl Names {
    /// Unique names for `test`.
    pub fn new(test: &str) -> Names {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let prefix = format!("qwtest.{test}.{}.{nanos}.{n}", std::process::id());
        Names {
            input_exchange: format!("{prefix}.articles"),
            input_queue: format!("{prefix}.articles.q"),
            output_exchange: format!("{prefix}.statements"),
            output_queue: format!("{prefix}.statements.q"),
            dead_exchange: format!("{prefix}.dead"),
            dead_queue: format!("{prefix}.dead.q"),
            prefix,
            armed: true,
        }
    }

    /// The worker environment for these names, plus test-friendly timings.
    pub fn env(&self) -> Vec<(String, String)> {
        [
            ("QUOTEWIRE__AMQP__URL", amqp_url().as_str()),
            ("QUOTEWIRE__AMQP__CONNECTION_NAME", &self.prefix),
            ("QUOTEWIRE__AMQP__RECONNECT_MIN_MS", "50"),
            ("QUOTEWIRE__AMQP__RECONNECT_MAX_MS", "1000"),
            ("QUOTEWIRE__AMQP__CONFIRM_TIMEOUT_MS", "10000"),
            ("QUOTEWIRE__INPUT__EXCHANGE", &self.input_exchange),
            ("QUOTEWIRE__INPUT__QUEUE", &self.input_queue),
            ("QUOTEWIRE__OUTPUT__EXCHANGE", &self.output_exchange),
            ("QUOTEWIRE__OUTPUT__QUEUE", &self.output_queue),
            ("QUOTEWIRE__DEAD_LETTER__EXCHANGE", &self.dead_exchange),
            ("QUOTEWIRE__DEAD_LETTER__QUEUE", &self.dead_queue),
            ("QUOTEWIRE__HTTP__LISTEN", "127.0.0.1:0"),
            ("QUOTEWIRE__WORKER__RETRY_DELAY_MS", "100"),
            ("QUOTEWIRE__LOG__FORMAT", "json"),
            ("QUOTEWIRE__LOG__LEVEL", "info"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    /// Declares the topology by running `quotewire topology`, so that
    /// articles can be published before any worker runs.
    pub fn declare_topology(&self) {
        let out = Command::new(env!("CARGO_BIN_EXE_quotewire"))
            .arg("topology")
            .env_clear()
            .envs(self.env())
            .output()
            .expect("run quotewire topology");
        assert!(
            out.status.success(),
            "quotewire topology failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    async fn cleanup(&self) {
        let props = ConnectionProperties::default()
            .with_connection_name(format!("{}.cleanup", self.prefix).into());
        // No broker, nothing to clean up: the test itself reports that.
        let Ok(conn) = Connection::connect(&amqp_url(), props).await else {
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

impl Drop for Names {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        let mut names = self.clone();
        names.armed = false;
        // A separate thread with its own runtime, so this works inside a
        // test's runtime and while unwinding.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                let _ = tokio::time::timeout(Duration::from_secs(15), names.cleanup()).await;
            });
        })
        .join();
    }
}

/// A running `quotewire run` process, its stderr captured to a file.
pub struct Worker {
    child: Child,
    log: PathBuf,
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
        let log = dir.path().join("worker.log");
        let file = std::fs::File::create(&log).expect("log file");
        let child = Command::new(env!("CARGO_BIN_EXE_quotewire"))
            .arg("run")
            .args(args)
            .env_clear()
            .envs(names.env())
            .envs(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(file)
            .spawn()
            .expect("spawn quotewire run");
        Worker {
            child,
            log,
            _dir: dir,
        }
    }

    /// The log so far.
    pub fn logs(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The JSON log lines whose message is `message`.
    pub fn log_events(&self, message: &str) -> Vec<serde_json::Value> {
        self.logs()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["fields"]["message"] == message)
            .collect()
    }

    /// Waits until `message` was logged `count` times; panics after `timeout`.
    pub async fn wait_for_log(
        &self,
        message: &str,
        count: usize,
        timeout: Duration,
    ) -> Vec<serde_json::Value> {
        let start = Instant::now();
        loop {
            let found = self.log_events(message);
            if found.len() >= count {
                return found;
            }
            assert!(
                start.elapsed() < timeout,
                "`{message}` not logged {count} time(s) within {timeout:?}; log:\n{}",
                self.logs()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The address of the worker's HTTP server (waits for it).
    pub async fn http_addr(&self) -> String {
        let line = self
            .wait_for_log("HTTP server listening.", 1, Duration::from_secs(20))
            .await;
        line[0]["fields"]["address"]
            .as_str()
            .expect("address field")
            .to_string()
    }

    /// Waits until the worker consumes (its first session is open).
    pub async fn wait_consuming(&self) {
        self.wait_for_log("Consuming.", 1, Duration::from_secs(30))
            .await;
    }

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -TERM failed");
    }

    /// Waits for the process to exit; panics after `timeout`.
    pub async fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(
                start.elapsed() < timeout,
                "worker did not exit within {timeout:?}; log:\n{}",
                self.logs()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
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

impl Drop for Worker {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A GET request to the worker's HTTP server: (status, body).
pub async fn http_get(addr: &str, path: &str) -> (u16, String) {
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
        .expect("HTTP request timed out")
        .expect("HTTP request failed");
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("HTTP status");
    let body = text
        .split_once("\r\n\r\n")
        .map(|x| x.1)
        .unwrap_or("")
        .to_string();
    (status, body)
}

/// The value of one metric sample (`name` including labels) or 0.
pub async fn metric(addr: &str, sample: &str) -> f64 {
    let (_, body) = http_get(addr, "/metrics").await;
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

/// Polls `sample` until it reaches `at_least`; panics after `timeout`.
pub async fn wait_metric(addr: &str, sample: &str, at_least: f64, timeout: Duration) -> f64 {
    let start = Instant::now();
    loop {
        let value = metric(addr, sample).await;
        if value >= at_least {
            return value;
        }
        assert!(
            start.elapsed() < timeout,
            "{sample} = {value}, wanted >= {at_least} within {timeout:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
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
    let mut confirms = Vec::new();
    for (body, props) in messages {
        let confirm = ch
            .basic_publish(
                exchange.into(),
                "news.test".into(),
                BasicPublishOptions {
                    mandatory: true,
                    ..BasicPublishOptions::default()
                },
                body,
                props.clone().with_delivery_mode(2),
            )
            .await
            .expect("publish");
        confirms.push(confirm);
    }
    for confirm in confirms {
        let confirmation = tokio::time::timeout(Duration::from_secs(30), confirm)
            .await
            .expect("confirm timed out")
            .expect("confirm");
        assert!(confirmation.is_ack(), "test publish nacked");
        assert!(
            confirmation.take_message().is_none(),
            "test publish returned: no queue bound?"
        );
    }
}

/// Ready messages in `queue` (passive declare).
pub async fn depth(ch: &Channel, queue: &str) -> u32 {
    ch.queue_declare(
        queue.into(),
        QueueDeclareOptions {
            passive: true,
            ..QueueDeclareOptions::default()
        },
        FieldTable::default(),
    )
    .await
    .expect("passive declare")
    .message_count()
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

/// A string header value, if present.
pub fn header(props: &BasicProperties, key: &str) -> Option<String> {
    use lapin::types::AMQPValue;
    match props.headers().as_ref()?.inner().get(key)? {
        AMQPValue::LongString(s) => Some(s.to_string()),
        AMQPValue::ShortString(s) => Some(s.as_str().to_string()),
        other => Some(format!("{other:?}")),
    }
}

/// Closes the broker connections whose client-given name contains
/// `name_part` (the worker's), leaving every other connection alone so
/// that tests running in parallel are not disturbed. Returns how many.
pub fn close_connections_named(name_part: &str) -> usize {
    let out = Command::new("rabbitmqctl")
        .args(["list_connections", "-q", "pid", "client_properties"])
        .output()
        .expect("run rabbitmqctl (is it installed and allowed?)");
    assert!(out.status.success(), "rabbitmqctl list_connections failed");
    let listing = String::from_utf8_lossy(&out.stdout);
    let pids: Vec<&str> = listing
        .lines()
        .filter(|l| l.contains(name_part))
        .filter_map(|l| l.split('\t').next())
        .collect();
    for pid in &pids {
        let status = Command::new("rabbitmqctl")
            .args(["close_connection", pid, "test"])
            .stdout(Stdio::null())
            .status()
            .expect("rabbitmqctl close_connection");
        assert!(status.success(), "close_connection {pid} failed");
    }
    pids.len()
}

/// Gzip-compresses `data`.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
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
