//! Typed settings of the worker, loaded in layers and validated at start.
//!
//! Layers, last wins:
//!
//! 1. `config/default.toml`, embedded in the binary (so the defaults work
//!    without the file present);
//! 2. an optional file given with `--config FILE`;
//! 3. environment variables `QUOTEWIRE__SECTION__KEY`, for example
//!    `QUOTEWIRE__AMQP__URL` or `QUOTEWIRE__INPUT__PREFETCH`.
//!
//! [`Settings::load`] validates the result, so a bad value is a clear error
//! at start rather than a surprise later. The AMQP password is never shown:
//! use [`redact_url`] (or [`AmqpSettings::redacted_url`]) in messages about
//! the configuration, and [`node_address`] (no user info at all) for the
//! broker node in use in logs and metrics.

use crate::article::ArticleLimits;
use crate::pipeline::Attributions;
use serde::Deserialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

/// The embedded default configuration, `config/default.toml`.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// The prefix of environment overrides (`QUOTEWIRE__SECTION__KEY`).
pub const ENV_PREFIX: &str = "QUOTEWIRE";

/// Why settings could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// A layer could not be read or parsed, or a value has the wrong type.
    #[error("cannot load settings: {0}")]
    Load(#[from] config::ConfigError),
    /// A value was read but is not acceptable.
    #[error("invalid setting `{key}`: {message}")]
    Invalid {
        /// The dotted key, e.g. `input.prefetch`.
        key: &'static str,
        /// What is wrong with it.
        message: String,
    },
}

fn invalid(key: &'static str, message: impl Into<String>) -> SettingsError {
    SettingsError::Invalid {
        key,
        message: message.into(),
    }
}

/// A `host:port` listen address, or the error for `key`.
fn parse_listen(key: &'static str, value: &str) -> Result<SocketAddr, SettingsError> {
    value
        .parse()
        .map_err(|e| invalid(key, format!("`{value}` is not host:port: {e}")))
}

/// `n`, or the number of cores when `n` is 0.
fn or_cores(n: usize) -> usize {
    if n > 0 {
        n
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// All settings of `quotewire run` and `quotewire topology`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Broker connection.
    pub amqp: AmqpSettings,
    /// Input exchange and queue.
    pub input: InputSettings,
    /// Output exchange (and optional queue).
    pub output: OutputSettings,
    /// Dead-letter exchange and queue.
    pub dead_letter: DeadLetterSettings,
    /// Concurrency and shutdown.
    pub worker: WorkerSettings,
    /// Extraction limits.
    pub pipeline: PipelineSettings,
    /// The metrics and health HTTP server.
    pub http: HttpSettings,
    /// The REST API and inspect page of `quotewire serve`.
    pub serve: ServeSettings,
    /// Logging.
    pub log: LogSettings,
}

/// Broker connection settings.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmqpSettings {
    /// The broker's `amqp://` or `amqps://` URL, possibly with credentials;
    /// or several, one per node of a cluster, tried in order.
    pub url: BrokerUrls,
    /// Prefix of the broker-side connection names.
    pub connection_name: String,
    /// First reconnect delay, in milliseconds.
    pub reconnect_min_ms: u64,
    /// Largest reconnect delay, in milliseconds.
    pub reconnect_max_ms: u64,
    /// Longest wait for a publisher confirm, in milliseconds.
    pub confirm_timeout_ms: u64,
    /// Longest time opening a session on one node may take (connections,
    /// topology, consumer) before the next node is tried, in milliseconds.
    pub open_timeout_ms: u64,
}

impl AmqpSettings {
    /// The URL(s) with passwords replaced by `***`, comma-separated, safe
    /// to log.
    pub fn redacted_url(&self) -> String {
        self.url.redacted()
    }

    /// Longest time opening a session on one node may take.
    pub fn open_timeout(&self) -> Duration {
        Duration::from_millis(self.open_timeout_ms)
    }

    /// First reconnect delay.
    pub fn reconnect_min(&self) -> Duration {
        Duration::from_millis(self.reconnect_min_ms)
    }

    /// Largest reconnect delay.
    pub fn reconnect_max(&self) -> Duration {
        Duration::from_millis(self.reconnect_max_ms)
    }

    /// Longest wait for a publisher confirm.
    pub fn confirm_timeout(&self) -> Duration {
        Duration::from_millis(self.confirm_timeout_ms)
    }
}

// Hand-written so that `{:?}` of the settings never prints the password.
impl std::fmt::Debug for AmqpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AmqpSettings")
            .field("url", &self.redacted_url())
            .field("connection_name", &self.connection_name)
            .field("reconnect_min_ms", &self.reconnect_min_ms)
            .field("reconnect_max_ms", &self.reconnect_max_ms)
            .field("confirm_timeout_ms", &self.confirm_timeout_ms)
            .field("open_timeout_ms", &self.open_timeout_ms)
            .finish()
    }
}

/// `amqp.url`: the broker URL, or the URLs of a cluster's nodes, in the
/// order they are tried.
///
/// Deserialised from one string holding one URL or several separated by
/// commas (how `QUOTEWIRE__AMQP__URL` gives them), or from a list of
/// strings (a config file's `url = ["amqp://...", "amqp://..."]`). A comma
/// inside a password must be written `%2C`, as URLs require.
#[derive(Clone, PartialEq, Eq)]
pub struct BrokerUrls(Vec<String>);

impl BrokerUrls {
    /// The URLs in order, credentials included: for connecting only.
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    /// Every URL with its password replaced by `***`, comma-separated.
    pub fn redacted(&self) -> String {
        self.0
            .iter()
            .map(|url| redact_url(url))
            .collect::<Vec<_>>()
            .join(",")
    }
}

impl From<&str> for BrokerUrls {
    /// Splits at commas; each URL is trimmed (an empty one is kept, for
    /// [`Settings::validate`] to reject with its position).
    fn from(value: &str) -> BrokerUrls {
        BrokerUrls(value.split(',').map(|u| u.trim().to_string()).collect())
    }
}

impl std::fmt::Debug for BrokerUrls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl<'de> Deserialize<'de> for BrokerUrls {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        Ok(match OneOrMany::deserialize(deserializer)? {
            OneOrMany::One(text) => BrokerUrls::from(text.as_str()),
            OneOrMany::Many(urls) => {
                BrokerUrls(urls.iter().map(|u| u.trim().to_string()).collect())
            }
        })
    }
}

/// The kind of a RabbitMQ queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueType {
    /// Replicated quorum queue, with a delivery limit.
    Quorum,
    /// Classic queue.
    Classic,
}

impl QueueType {
    /// The value of the `x-queue-type` argument.
    pub fn as_str(self) -> &'static str {
        match self {
            QueueType::Quorum => "quorum",
            QueueType::Classic => "classic",
        }
    }
}

/// The kind of an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExchangeType {
    /// Routing by pattern (`#`, `*`).
    Topic,
    /// Routing by exact key.
    Direct,
    /// Every bound queue gets every message.
    Fanout,
}

impl ExchangeType {
    /// The AMQP name of the exchange type.
    pub fn as_str(self) -> &'static str {
        match self {
            ExchangeType::Topic => "topic",
            ExchangeType::Direct => "direct",
            ExchangeType::Fanout => "fanout",
        }
    }
}

/// The input side: where raw articles come from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputSettings {
    /// Exchange articles are published to.
    pub exchange: String,
    /// Its type.
    pub exchange_type: ExchangeType,
    /// Queue consumed by the workers.
    pub queue: String,
    /// Binding key of the queue to the exchange.
    pub binding_key: String,
    /// Quorum or classic.
    pub queue_type: QueueType,
    /// Quorum only: `x-delivery-limit`; 0 means none.
    pub delivery_limit: u32,
    /// Unacknowledged deliveries per worker.
    pub prefetch: u16,
}

/// The output side: where statement events go.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputSettings {
    /// Exchange events are published to, routing key `statement.<kind>`.
    pub exchange: String,
    /// Its type.
    pub exchange_type: ExchangeType,
    /// Whether to declare and bind [`OutputSettings::queue`].
    pub declare_queue: bool,
    /// A durable queue bound to the output exchange.
    pub queue: String,
    /// Its type.
    pub queue_type: QueueType,
    /// Its binding key.
    pub binding_key: String,
    /// One message per statement (default) or one per article.
    pub batch: OutputBatch,
}

/// How statement events are grouped into output messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputBatch {
    /// One message per statement event, routing key `statement.<kind>`,
    /// type `statement.v1`, `message_id` = the event id.
    Statement,
    /// One message per article holding all of its events as a JSON array,
    /// routing key `statement.batch`, type `statement.batch.v1`,
    /// `message_id` = the batch id of the events. Articles without
    /// statements publish nothing.
    Article,
}

/// Where bad input is dead-lettered.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadLetterSettings {
    /// The dead-letter exchange (also the input queue's `x-dead-letter-exchange`).
    pub exchange: String,
    /// Its type.
    pub exchange_type: ExchangeType,
    /// The durable queue bound to it.
    pub queue: String,
    /// Its type.
    pub queue_type: QueueType,
    /// Its binding key.
    pub binding_key: String,
}

/// Concurrency and shutdown behaviour.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerSettings {
    /// Articles extracted at once; 0 means the number of cores.
    pub concurrency: usize,
    /// Drain deadline after SIGTERM/SIGINT, in milliseconds.
    pub shutdown_timeout_ms: u64,
    /// First pause before publishing an article's events again after a
    /// nack, return or confirm timeout; doubles up to 8 times this.
    pub retry_delay_ms: u64,
}

impl WorkerSettings {
    /// The effective concurrency: [`WorkerSettings::concurrency`], or the
    /// number of cores when that is 0.
    pub fn effective_concurrency(&self) -> usize {
        or_cores(self.concurrency)
    }

    /// The drain deadline.
    pub fn shutdown_timeout(&self) -> Duration {
        Duration::from_millis(self.shutdown_timeout_ms)
    }

    /// The first pause before a publish is retried.
    pub fn retry_delay(&self) -> Duration {
        Duration::from_millis(self.retry_delay_ms)
    }
}

/// Extraction limits and what to extract.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineSettings {
    /// Largest accepted article body (after decompression), in bytes.
    pub max_article_bytes: usize,
    /// The attribution classes to emit (`speech`, `belief`, `stance`,
    /// `evidence`, or `all`), as written: a TOML list, or a comma-separated
    /// string from an environment variable. Read it with
    /// [`PipelineSettings::attributions`].
    #[serde(deserialize_with = "names")]
    pub attributions: Vec<String>,
    /// Largest accepted `html` page of an article, in bytes; a body with
    /// `html` may be this much larger than `max_article_bytes`.
    pub max_html_bytes: usize,
}

impl PipelineSettings {
    /// The attribution classes to emit.
    pub fn attributions(&self) -> Result<Attributions, SettingsError> {
        let set = Attributions::from_names(self.attributions.iter().map(String::as_str))
            .map_err(|e| invalid("pipeline.attributions", e.to_string()))?;
        if set == Attributions::NONE {
            return Err(invalid(
                "pipeline.attributions",
                "must name at least one class",
            ));
        }
        Ok(set)
    }

    /// The limits that decoding an article applies.
    pub fn limits(&self) -> ArticleLimits {
        ArticleLimits {
            max_bytes: self.max_article_bytes,
            max_html_bytes: self.max_html_bytes,
        }
    }
}

/// A list of names: a sequence of strings, or one comma-separated string
/// (how an environment variable gives a list).
fn names<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Names {
        List(Vec<String>),
        One(String),
    }
    Ok(match Names::deserialize(d)? {
        Names::List(v) => v,
        Names::One(s) => s.split(',').map(|n| n.trim().to_string()).collect(),
    })
}

/// The metrics and health HTTP server.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSettings {
    /// Listen address, `host:port`; port 0 picks a free port.
    pub listen: String,
}

impl HttpSettings {
    /// The parsed listen address.
    pub fn listen_addr(&self) -> Result<SocketAddr, SettingsError> {
        parse_listen("http.listen", &self.listen)
    }
}

/// The REST API and inspect page of `quotewire serve`.
///
/// Request bodies are limited by [`PipelineSettings::max_article_bytes`],
/// like the worker's messages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeSettings {
    /// Listen address, `host:port`; port 0 picks a free port.
    pub listen: String,
    /// Connections served at once; more wait in the listen backlog.
    pub max_connections: usize,
    /// Articles extracted at once; 0 means the number of cores.
    pub concurrency: usize,
    /// Longest time to receive a request's headers, and then its body, in
    /// milliseconds.
    pub request_timeout_ms: u64,
}

impl ServeSettings {
    /// The parsed listen address.
    pub fn listen_addr(&self) -> Result<SocketAddr, SettingsError> {
        parse_listen("serve.listen", &self.listen)
    }

    /// The effective concurrency: [`ServeSettings::concurrency`], or the
    /// number of cores when that is 0.
    pub fn effective_concurrency(&self) -> usize {
        or_cores(self.concurrency)
    }

    /// The request timeout.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_millis(self.request_timeout_ms)
    }
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// One JSON object per line.
    Json,
    /// Human-readable lines.
    Text,
}

/// Logging settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    /// JSON or text.
    pub format: LogFormat,
    /// Default `tracing` filter (`info`, `quotewire=debug`, …); `RUST_LOG` wins.
    pub level: String,
}

impl Settings {
    /// Loads the defaults, then `file` (if any), then the process
    /// environment, and validates the result.
    pub fn load(file: Option<&Path>) -> Result<Settings, SettingsError> {
        Self::load_from(file, None)
    }

    /// Like [`Settings::load`], with the environment given explicitly (a map
    /// of variable name to value) instead of read from the process; `None`
    /// reads the process environment.
    pub fn load_from(
        file: Option<&Path>,
        env: Option<HashMap<String, String>>,
    ) -> Result<Settings, SettingsError> {
        use config::{Config, Environment, File, FileFormat};
        let mut builder =
            Config::builder().add_source(File::from_str(DEFAULT_TOML, FileFormat::Toml));
        if let Some(path) = file {
            builder = builder.add_source(File::from(path).format(FileFormat::Toml).required(true));
        }
        let env_source = Environment::with_prefix(ENV_PREFIX)
            .prefix_separator("__")
            .separator("__")
            .try_parsing(true)
            .source(env);
        let settings: Settings = builder.add_source(env_source).build()?.try_deserialize()?;
        settings.validate()?;
        Ok(settings)
    }

    /// Checks every value that serde cannot: URL scheme, non-empty names,
    /// ranges and the listen address.
    pub fn validate(&self) -> Result<(), SettingsError> {
        validate_urls(&self.amqp.url)?;
        if self.amqp.reconnect_min_ms == 0 {
            return Err(invalid("amqp.reconnect_min_ms", "must be at least 1"));
        }
        if self.amqp.reconnect_max_ms < self.amqp.reconnect_min_ms {
            return Err(invalid(
                "amqp.reconnect_max_ms",
                "must not be smaller than amqp.reconnect_min_ms",
            ));
        }
        if self.amqp.confirm_timeout_ms == 0 {
            return Err(invalid("amqp.confirm_timeout_ms", "must be at least 1"));
        }
        if self.amqp.open_timeout_ms == 0 {
            return Err(invalid("amqp.open_timeout_ms", "must be at least 1"));
        }
        let names: [(&'static str, &str); 7] = [
            ("amqp.connection_name", &self.amqp.connection_name),
            ("input.exchange", &self.input.exchange),
            ("input.queue", &self.input.queue),
            ("output.exchange", &self.output.exchange),
            ("output.queue", &self.output.queue),
            ("dead_letter.exchange", &self.dead_letter.exchange),
            ("dead_letter.queue", &self.dead_letter.queue),
        ];
        for (key, value) in names {
            if value.trim().is_empty() {
                return Err(invalid(key, "must not be empty"));
            }
            if value.len() > 255 {
                return Err(invalid(key, "must be at most 255 bytes"));
            }
            if value.starts_with("amq.") && key != "amqp.connection_name" {
                return Err(invalid(
                    key,
                    "names starting with `amq.` are reserved by the broker",
                ));
            }
        }
        if self.input.exchange == self.output.exchange {
            return Err(invalid(
                "output.exchange",
                "must differ from input.exchange, or events would be consumed as articles",
            ));
        }
        if self.dead_letter.exchange == self.input.exchange {
            return Err(invalid(
                "dead_letter.exchange",
                "must differ from input.exchange",
            ));
        }
        if self.input.queue == self.dead_letter.queue
            || (self.output.declare_queue && self.input.queue == self.output.queue)
        {
            return Err(invalid(
                "input.queue",
                "must differ from the output and dead-letter queues",
            ));
        }
        if self.input.prefetch == 0 {
            return Err(invalid("input.prefetch", "must be between 1 and 65535"));
        }
        if self.worker.shutdown_timeout_ms == 0 {
            return Err(invalid("worker.shutdown_timeout_ms", "must be at least 1"));
        }
        if self.pipeline.max_article_bytes == 0 {
            return Err(invalid("pipeline.max_article_bytes", "must be at least 1"));
        }
        self.pipeline.attributions()?;
        if self.pipeline.max_html_bytes == 0 {
            return Err(invalid("pipeline.max_html_bytes", "must be at least 1"));
        }
        if self.log.level.trim().is_empty() {
            return Err(invalid("log.level", "must not be empty"));
        }
        self.http.listen_addr()?;
        self.serve.listen_addr()?;
        if self.serve.max_connections == 0 {
            return Err(invalid("serve.max_connections", "must be at least 1"));
        }
        if self.serve.request_timeout_ms == 0 {
            return Err(invalid("serve.request_timeout_ms", "must be at least 1"));
        }
        Ok(())
    }
}

/// Checks every URL of `amqp.url`: at least one, each an `amqp://` or
/// `amqps://` URL with a host. Errors name the URL's position when there
/// are several, and never show a password.
fn validate_urls(urls: &BrokerUrls) -> Result<(), SettingsError> {
    let all = urls.as_slice();
    if all.iter().all(|u| u.is_empty()) {
        return Err(invalid("amqp.url", "no broker URL given"));
    }
    for (i, text) in all.iter().enumerate() {
        let which = if all.len() > 1 {
            format!("URL {} of {}", i + 1, all.len())
        } else {
            "the URL".to_string()
        };
        if text.is_empty() {
            return Err(invalid(
                "amqp.url",
                format!("{which} is empty (URLs are separated by single commas)"),
            ));
        }
        let url = url::Url::parse(text).map_err(|e| {
            invalid(
                "amqp.url",
                format!("{which} is not a URL ({e}): {}", redact_url(text)),
            )
        })?;
        if !matches!(url.scheme(), "amqp" | "amqps") {
            return Err(invalid(
                "amqp.url",
                format!(
                    "{which}: scheme must be amqp or amqps, not `{}`",
                    url.scheme()
                ),
            ));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(invalid("amqp.url", format!("{which} has no host")));
        }
    }
    Ok(())
}

/// The address of a broker node for logs and metrics: `url` without any
/// user info (neither user name nor password) and without query, e.g.
/// `amqp://10.0.0.7:5672/%2f`. The port is always shown (5672 or 5671 when
/// the URL has none).
///
/// Anything that does not parse as a URL is replaced entirely.
pub fn node_address(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(parsed) => {
            let host = match parsed.host() {
                Some(url::Host::Ipv6(ip)) => format!("[{ip}]"),
                Some(host) => host.to_string(),
                None => return "<unparseable URL>".to_string(),
            };
            let default_port = if parsed.scheme() == "amqps" {
                5671
            } else {
                5672
            };
            let port = parsed.port().unwrap_or(default_port);
            format!("{}://{host}:{port}{}", parsed.scheme(), parsed.path())
        }
        Err(_) => "<unparseable URL>".to_string(),
    }
}

/// Returns `url` with its password replaced by `***`.
///
/// Anything that does not parse as a URL is replaced entirely, since it
/// might still hold a secret.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.password().is_some() && parsed.set_password(Some("***")).is_err() {
                return "<unparseable URL>".to_string();
            }
            parsed.to_string()
        }
        Err(_) => "<unparseable URL>".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn env(pairs: &[(&str, &str)]) -> Option<HashMap<String, String>> {
        Some(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    fn defaults() -> Settings {
        Settings::load_from(None, env(&[])).expect("embedded defaults are valid")
    }

    #[test]
    fn embedded_defaults_match_the_issue() {
        let s = defaults();
        assert_eq!(s.input.exchange, "articles");
        assert_eq!(s.input.queue, "articles");
        assert_eq!(s.input.binding_key, "#");
        assert_eq!(s.input.queue_type, QueueType::Quorum);
        assert_eq!(s.input.delivery_limit, 5);
        assert_eq!(s.input.prefetch, 64);
        assert_eq!(s.output.exchange, "statements");
        assert!(s.output.declare_queue);
        assert_eq!(s.output.queue, "statements");
        assert_eq!(s.output.batch, OutputBatch::Statement);
        assert_eq!(s.dead_letter.exchange, "articles.dead");
        assert_eq!(s.dead_letter.queue, "articles.dead");
        assert_eq!(s.worker.shutdown_timeout_ms, 20_000);
        assert_eq!(s.pipeline.max_article_bytes, 2_097_152);
        assert_eq!(s.pipeline.attributions().unwrap(), Attributions::SPEECH);
        assert_eq!(s.pipeline.max_html_bytes, 8_388_608);
        assert_eq!(s.http.listen, "127.0.0.1:9464");
        assert_eq!(s.serve.listen, "127.0.0.1:8080");
        assert_eq!(s.serve.max_connections, 64);
        assert_eq!(s.serve.request_timeout(), Duration::from_secs(30));
        assert_eq!(s.log.format, LogFormat::Json);
    }

    #[test]
    fn file_overrides_defaults_and_env_overrides_file() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        writeln!(
            file,
            "[input]\nqueue = \"from-file\"\nprefetch = 10\n[output]\nexchange = \"out-file\"\n"
        )
        .unwrap();
        let s = Settings::load_from(
            Some(file.path()),
            env(&[
                ("QUOTEWIRE__INPUT__PREFETCH", "7"),
                ("QUOTEWIRE__AMQP__URL", "amqp://u:p@broker:5673/vh"),
                ("QUOTEWIRE__INPUT__EXCHANGE", "in-env"),
                ("QUOTEWIRE__OUTPUT__QUEUE", "out-q-env"),
                ("QUOTEWIRE__DEAD_LETTER__EXCHANGE", "dlx-env"),
                ("QUOTEWIRE__DEAD_LETTER__QUEUE", "dlq-env"),
                ("QUOTEWIRE__HTTP__LISTEN", "127.0.0.1:0"),
                ("QUOTEWIRE__INPUT__QUEUE_TYPE", "classic"),
                ("QUOTEWIRE__OUTPUT__DECLARE_QUEUE", "false"),
                ("QUOTEWIRE__DEAD_LETTER__QUEUE_TYPE", "quorum"),
                ("QUOTEWIRE__AMQP__RECONNECT_MIN_MS", "20"),
                ("QUOTEWIRE__OUTPUT__BATCH", "article"),
                ("QUOTEWIRE__PIPELINE__ATTRIBUTIONS", "speech, belief"),
                ("UNRELATED", "x"),
            ]),
        )
        .unwrap();
        assert_eq!(s.input.queue, "from-file");
        assert_eq!(s.input.prefetch, 7);
        assert_eq!(s.input.exchange, "in-env");
        assert_eq!(s.input.queue_type, QueueType::Classic);
        assert_eq!(s.output.exchange, "out-file");
        assert_eq!(s.output.queue, "out-q-env");
        assert!(!s.output.declare_queue);
        assert_eq!(s.dead_letter.exchange, "dlx-env");
        assert_eq!(s.dead_letter.queue, "dlq-env");
        assert_eq!(s.dead_letter.queue_type, QueueType::Quorum);
        assert_eq!(s.output.queue_type, QueueType::Classic);
        assert_eq!(s.amqp.url.as_slice(), ["amqp://u:p@broker:5673/vh"]);
        assert_eq!(s.amqp.reconnect_min_ms, 20);
        assert_eq!(s.output.batch, OutputBatch::Article);
        assert_eq!(
            s.pipeline.attributions().unwrap().to_string(),
            "speech,belief"
        );
        assert_eq!(s.http.listen_addr().unwrap().port(), 0);
    }

    #[test]
    fn numeric_names_from_env_stay_strings() {
        let s = Settings::load_from(None, env(&[("QUOTEWIRE__INPUT__QUEUE", "12345")])).unwrap();
        assert_eq!(s.input.queue, "12345");
    }

    #[test]
    fn missing_config_file_is_an_error() {
        let err = Settings::load_from(Some(Path::new("/nonexistent/quotewire.toml")), env(&[]))
            .unwrap_err();
        assert!(matches!(err, SettingsError::Load(_)), "{err}");
    }

    #[test]
    fn invalid_values_are_rejected_with_their_key() {
        let cases: &[(&str, &str, &str)] = &[
            ("QUOTEWIRE__AMQP__URL", "http://h/", "amqp.url"),
            ("QUOTEWIRE__AMQP__URL", "not a url", "amqp.url"),
            ("QUOTEWIRE__INPUT__PREFETCH", "0", "input.prefetch"),
            ("QUOTEWIRE__INPUT__QUEUE", " ", "input.queue"),
            ("QUOTEWIRE__OUTPUT__EXCHANGE", "articles", "output.exchange"),
            ("QUOTEWIRE__HTTP__LISTEN", "localhost", "http.listen"),
            ("QUOTEWIRE__SERVE__LISTEN", "localhost", "serve.listen"),
            (
                "QUOTEWIRE__SERVE__MAX_CONNECTIONS",
                "0",
                "serve.max_connections",
            ),
            (
                "QUOTEWIRE__SERVE__REQUEST_TIMEOUT_MS",
                "0",
                "serve.request_timeout_ms",
            ),
            (
                "QUOTEWIRE__AMQP__RECONNECT_MAX_MS",
                "1",
                "amqp.reconnect_max_ms",
            ),
            (
                "QUOTEWIRE__PIPELINE__MAX_ARTICLE_BYTES",
                "0",
                "pipeline.max_article_bytes",
            ),
            (
                "QUOTEWIRE__PIPELINE__ATTRIBUTIONS",
                "speech,opinion",
                "pipeline.attributions",
            ),
            (
                "QUOTEWIRE__PIPELINE__ATTRIBUTIONS",
                " ",
                "pipeline.attributions",
            ),
            (
                "QUOTEWIRE__PIPELINE__MAX_HTML_BYTES",
                "0",
                "pipeline.max_html_bytes",
            ),
            (
                "QUOTEWIRE__DEAD_LETTER__EXCHANGE",
                "amq.topic",
                "dead_letter.exchange",
            ),
        ];
        for (var, value, key) in cases {
            let err = Settings::load_from(None, env(&[(var, value)])).unwrap_err();
            match err {
                SettingsError::Invalid { key: k, .. } => assert_eq!(k, *key, "{var}={value}"),
                other => panic!("{var}={value}: expected Invalid, got {other}"),
            }
        }
    }

    #[test]
    fn wrongly_typed_and_unknown_values_are_load_errors() {
        for (var, value) in [
            ("QUOTEWIRE__INPUT__PREFETCH", "lots"),
            ("QUOTEWIRE__INPUT__PREFETCH", "70000"),
            ("QUOTEWIRE__INPUT__QUEUE_TYPE", "stream"),
            ("QUOTEWIRE__LOG__FORMAT", "xml"),
            ("QUOTEWIRE__OUTPUT__BATCH", "paragraph"),
            ("QUOTEWIRE__INPUT__NO_SUCH_KEY", "1"),
        ] {
            let err = Settings::load_from(None, env(&[(var, value)])).unwrap_err();
            assert!(
                matches!(err, SettingsError::Load(_)),
                "{var}={value}: {err}"
            );
        }
    }

    #[test]
    fn amqp_url_takes_a_comma_separated_list_or_a_file_list() {
        let s = Settings::load_from(
            None,
            env(&[(
                "QUOTEWIRE__AMQP__URL",
                "amqp://u:p@a:5681/%2f, amqp://u:p@b:5682/%2f,amqps://u:p@c/vh",
            )]),
        )
        .unwrap();
        assert_eq!(
            s.amqp.url.as_slice(),
            [
                "amqp://u:p@a:5681/%2f",
                "amqp://u:p@b:5682/%2f",
                "amqps://u:p@c/vh"
            ]
        );
        let single = defaults();
        assert_eq!(
            single.amqp.url.as_slice(),
            ["amqp://guest:guest@127.0.0.1:5672/%2f"]
        );
        let mut file = tempfile::NamedTempFile::new().unwrap();
        writeln!(
            file,
            "[amqp]\nurl = [\"amqp://u:p@mq-0:5672/%2f\", \"amqp://u:p@mq-1:5672/%2f\"]\n"
        )
        .unwrap();
        let from_file = Settings::load_from(Some(file.path()), env(&[])).unwrap();
        assert_eq!(
            from_file.amqp.url.as_slice(),
            ["amqp://u:p@mq-0:5672/%2f", "amqp://u:p@mq-1:5672/%2f"]
        );
        // The environment still wins over the file.
        let env_wins = Settings::load_from(
            Some(file.path()),
            env(&[("QUOTEWIRE__AMQP__URL", "amqp://x/%2f")]),
        )
        .unwrap();
        assert_eq!(env_wins.amqp.url.as_slice(), ["amqp://x/%2f"]);
    }

    #[test]
    fn every_url_of_a_list_is_checked_and_named_by_position() {
        for (value, expected) in [
            ("amqp://a/%2f,,amqp://b/%2f", "URL 2 of 3 is empty"),
            ("amqp://a/%2f,", "URL 2 of 2 is empty"),
            (
                "amqp://a/%2f,http://u:hunter2@b/",
                "URL 2 of 2: scheme must be amqp or amqps",
            ),
            ("amqp://a/%2f,not a url hunter2", "URL 2 of 2 is not a URL"),
            ("", "no broker URL given"),
            (" , ", "no broker URL given"),
        ] {
            let err = Settings::load_from(None, env(&[("QUOTEWIRE__AMQP__URL", value)]))
                .unwrap_err()
                .to_string();
            assert!(err.contains("amqp.url"), "{value}: {err}");
            assert!(err.contains(expected), "{value}: {err}");
            assert!(!err.contains("hunter2"), "{value}: {err}");
        }
        let err = Settings::load_from(None, env(&[("QUOTEWIRE__AMQP__OPEN_TIMEOUT_MS", "0")]))
            .unwrap_err();
        assert!(err.to_string().contains("amqp.open_timeout_ms"), "{err}");
    }

    #[test]
    fn node_addresses_carry_no_user_info() {
        assert_eq!(
            node_address("amqps://worker:s3cret@mq.example.com/prod?heartbeat=10"),
            "amqps://mq.example.com:5671/prod"
        );
        assert_eq!(
            node_address("amqp://guest@127.0.0.1:5681/%2f"),
            "amqp://127.0.0.1:5681/%2f"
        );
        assert_eq!(node_address("amqp://[::1]/%2f"), "amqp://[::1]:5672/%2f");
        assert_eq!(node_address("::garbage s3cret"), "<unparseable URL>");
    }

    #[test]
    fn redaction_hides_the_password_only() {
        assert_eq!(
            redact_url("amqps://worker:s3cret@mq.example.com:5671/prod"),
            "amqps://worker:***@mq.example.com:5671/prod"
        );
        assert_eq!(
            redact_url("amqp://guest@127.0.0.1:5672/%2f"),
            "amqp://guest@127.0.0.1:5672/%2f"
        );
        assert_eq!(redact_url("::not a url s3cret"), "<unparseable URL>");
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let s = Settings::load_from(
            None,
            env(&[(
                "QUOTEWIRE__AMQP__URL",
                "amqp://u:hunter2@h:5672/%2f,amqp://u:hunter2@g:5673/%2f",
            )]),
        )
        .unwrap();
        let debug = format!("{s:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(
            debug.contains("amqp://u:***@h:5672/%2f,amqp://u:***@g:5673/%2f"),
            "{debug}"
        );
        let err = Settings::load_from(None, env(&[("QUOTEWIRE__AMQP__URL", "ftp://u:hunter2@h/")]))
            .unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }
}
