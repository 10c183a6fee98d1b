//! `quotewire replay`: publish archived articles into the input exchange.
//!
//! A reader thread ([`source`]) reads the inputs line by line, checks each
//! line as an [`Article`] and computes its stable `message_id`; bad lines
//! are reported with file:line and never published. [`run`] publishes the
//! good ones through a confirm-mode [`Publisher`]: persistent, `mandatory`,
//! with a window of outstanding confirms. A nacked, returned or timed-out
//! publish is retried with exponential backoff, up to a limit. The
//! contiguous confirmed prefix of every input is written to the
//! [`checkpoint`] file periodically and at the end, so `--resume` carries on
//! after a crash or Ctrl-C and republishes at most the unconfirmed tail
//! (with the same `message_id`, so downstream can deduplicate).
//!
//! The module knows nothing of lapin: it publishes through
//! [`crate::transport`].

pub mod checkpoint;
pub mod progress;
pub mod source;

pub use checkpoint::{Checkpoint, CheckpointLock, InputProgress};
pub use source::{discover, Input, InputKind};

use crate::article::{Article, ArticleError, ArticleLimits};
use crate::settings::Settings;
use crate::transport::{
    ArchivedMessage, Brokers, ConfirmOutcome, Node, PublishSession, Publisher, Topology,
    TransportError,
};
use crate::worker::Backoff;
use checkpoint::Prefix;
use futures_util::future::BoxFuture;
use futures_util::stream::{FuturesUnordered, StreamExt};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

/// Header carrying the replay batch id.
pub const REPLAY_HEADER: &str = "x-quotewire-replay";
/// Header carrying the input the article was read from.
pub const SOURCE_HEADER: &str = "x-quotewire-source";
/// Header carrying the article's line number in that input.
pub const SOURCE_LINE_HEADER: &str = "x-quotewire-source-line";

/// Why a replay could not run or carry on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// An input could not be opened or read.
    #[error("cannot read {input}: {source}")]
    Read {
        /// The input name.
        input: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The same input was named twice.
    #[error("input {0} is given more than once")]
    DuplicateInput(String),
    /// The checkpoint file could not be read or written.
    #[error("checkpoint {path}: {source}")]
    Checkpoint {
        /// The checkpoint path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The checkpoint does not fit the inputs or is not a checkpoint.
    #[error("bad checkpoint: {0}")]
    BadCheckpoint(String),
    /// Another replay holds the checkpoint's lock.
    #[error(
        "the checkpoint {} is in use by another quotewire replay (process {holder}): \
         wait for it to end, or give this one another --checkpoint",
        checkpoint.display()
    )]
    CheckpointInUse {
        /// The checkpoint.
        checkpoint: PathBuf,
        /// The process id recorded in the lock file.
        holder: String,
    },
    /// An option is not acceptable.
    #[error("invalid option: {0}")]
    Invalid(String),
    /// The broker session could not be opened.
    #[error("cannot open the broker session: {0}")]
    Transport(#[from] TransportError),
}

/// What to replay where, and how.
#[derive(Debug, Clone)]
pub struct ReplayOptions {
    /// Target exchange.
    pub exchange: String,
    /// Routing key of every article.
    pub routing_key: String,
    /// Articles per second, spread evenly; `None` for as fast as possible.
    pub rate: Option<f64>,
    /// Stop after publishing this many articles.
    pub limit: Option<u64>,
    /// Largest number of outstanding confirms.
    pub window: usize,
    /// Retries of a nacked, returned or timed-out publish before giving up.
    pub max_retries: u32,
    /// Consecutive failed reconnects (or sessions that fail before any
    /// confirm) before giving up on a broken broker session.
    pub max_reconnects: u32,
    /// First retry delay.
    pub retry_min: Duration,
    /// Largest retry delay.
    pub retry_max: Duration,
    /// Stop at the first bad line instead of skipping it.
    pub strict: bool,
    /// The checkpoint file.
    pub checkpoint_path: PathBuf,
    /// How often the checkpoint is written while confirms advance.
    pub checkpoint_every: Duration,
    /// Limits applied when checking each line.
    pub limits: ArticleLimits,
    /// Declare the configured topology before publishing.
    pub declare: bool,
}

impl ReplayOptions {
    /// Checks the values that the types do not.
    pub fn validate(&self) -> Result<(), ReplayError> {
        if self.window == 0 {
            return Err(ReplayError::Invalid("--window must be at least 1".into()));
        }
        if let Some(rate) = self.rate {
            if !(rate.is_finite() && rate > 0.0) {
                return Err(ReplayError::Invalid(
                    "--rate must be a positive number".into(),
                ));
            }
        }
        if self.limit == Some(0) {
            return Err(ReplayError::Invalid("--limit must be at least 1".into()));
        }
        if self.routing_key.len() > 255 || self.exchange.len() > 255 {
            return Err(ReplayError::Invalid(
                "exchange and routing key are at most 255 bytes".into(),
            ));
        }
        Ok(())
    }
}

/// Counters of a replay, reported as progress and in the summary.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Bytes of input handed to publishing (decompressed), including what
    /// a resumed replay skipped.
    pub read_bytes: u64,
    /// Total size of the inputs, when every input is a plain file and no
    /// `--limit` is given (so an ETA makes sense).
    pub total_bytes: Option<u64>,
    /// Articles handed to the broker (first attempts).
    pub published: u64,
    /// Articles confirmed by the broker.
    pub confirmed: u64,
    /// Bad lines skipped (or, with `--strict`, the one that stopped it).
    pub bad: u64,
    /// Articles that could not be published in the end.
    pub failed: u64,
    /// Publish attempts retried after a nack, return or timeout.
    pub retried: u64,
    /// Outstanding confirms right now.
    pub in_flight: usize,
    /// Time since publishing started.
    pub elapsed: Duration,
}

impl Stats {
    /// Confirmed articles per second.
    pub fn rate(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.confirmed as f64 / secs
        } else {
            0.0
        }
    }
}

/// Why a replay stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Every input was read to its end.
    Completed,
    /// `--limit` articles were published.
    Limit,
    /// Ctrl-C or SIGTERM.
    Interrupted,
    /// `--strict` and a bad line.
    Strict {
        /// The input of the bad line.
        input: String,
        /// Its line number.
        line: u64,
    },
    /// The broker connection or channel failed.
    SessionFailed(String),
    /// An input could not be read.
    ReadFailed(String),
}

/// The outcome of a replay.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The batch id (header [`REPLAY_HEADER`]).
    pub batch_id: String,
    /// Final counters.
    pub stats: Stats,
    /// Why it stopped.
    pub stop: Stop,
}

impl Summary {
    /// True if every article read was confirmed and the replay ran to its
    /// end (or to `--limit`).
    pub fn is_success(&self) -> bool {
        matches!(self.stop, Stop::Completed | Stop::Limit) && self.stats.failed == 0
    }
}

/// Receives what happens during a replay (progress bar, log lines).
pub trait Observer {
    /// A line is not a valid article.
    fn bad_line(&mut self, input: &str, line: u64, error: &ArticleError);
    /// A publish is retried after `delay`.
    fn retry(&mut self, input: &str, line: u64, why: &str, attempt: u32, delay: Duration);
    /// An article could not be published.
    fn failed(&mut self, input: &str, line: u64, why: &str);
    /// The replay is stopping and waits for outstanding confirms.
    fn stopping(&mut self, why: &str, in_flight: usize);
    /// The broker session failed; `unconfirmed` publishes will be retried
    /// on a new one.
    fn session_failed(&mut self, why: &str, unconfirmed: usize);
    /// A new session is opened after `delay` (attempt `attempt`).
    fn reconnecting(&mut self, why: &str, attempt: u32, delay: Duration);
    /// A session opened on the broker node `node` (its address, without
    /// user info).
    fn connected(&mut self, node: &str);
    /// A session could not be opened on `node`; the next node is tried.
    fn node_failed(&mut self, node: &str, why: &str);
    /// The replay gives up `unconfirmed` publishes of a failed session.
    fn abandoned(&mut self, why: &str, unconfirmed: usize);
    /// Periodic counters.
    fn progress(&mut self, stats: &Stats);
}

/// The stable `message_id` of an article: its [`Article::content_id`], a
/// 128-bit xxh3 hash, in hex, of its id and its content (the article
/// re-serialised with a fixed field order, so JSON formatting of the
/// archive does not matter).
pub fn message_id(article: &Article) -> String {
    article.content_id()
}

/// A new batch id: milliseconds since the epoch and a random suffix.
pub fn new_batch_id() -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    format!("replay-{ms}-{:04x}", fastrand::u16(..))
}

/// One line as the reader thread sends it.
enum Record {
    Article {
        input: usize,
        seq: u64,
        line: u64,
        end: u64,
        body: Vec<u8>,
        message_id: String,
    },
    Bad {
        input: usize,
        seq: u64,
        line: u64,
        end: u64,
        error: ArticleError,
    },
    End {
        input: usize,
        seq: u64,
        line: u64,
        end: u64,
    },
    Failed(ReplayError),
}

/// Reads every input from its checkpointed position, checking each line.
/// Sequence numbers are per input and count every record sent.
fn read_inputs(
    inputs: Vec<Input>,
    starts: Vec<InputProgress>,
    limits: ArticleLimits,
    tx: mpsc::Sender<Record>,
) {
    for (index, (input, start)) in inputs.iter().zip(starts).enumerate() {
        if start.complete {
            continue;
        }
        let mut reader = match source::LineReader::open(input, start.offset, start.line) {
            Ok(reader) => reader,
            Err(error) => {
                let _ = tx.blocking_send(Record::Failed(error));
                return;
            }
        };
        let mut seq = 0u64;
        loop {
            let line = match reader.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => break,
                Err(error) => {
                    let _ = tx.blocking_send(Record::Failed(error));
                    return;
                }
            };
            if line.bytes.iter().all(u8::is_ascii_whitespace) {
                // Blank lines separate nothing and are not articles: the
                // next record's offset covers them.
                continue;
            }
            let record = match Article::from_json(&line.bytes, &limits) {
                Ok(article) => Record::Article {
                    input: index,
                    seq,
                    line: line.number,
                    end: line.end,
                    message_id: message_id(&article),
                    body: line.bytes,
                },
                Err(error) => Record::Bad {
                    input: index,
                    seq,
                    line: line.number,
                    end: line.end,
                    error,
                },
            };
            seq += 1;
            if tx.blocking_send(record).is_err() {
                return;
            }
        }
        let end = Record::End {
            input: index,
            seq,
            line: reader.line(),
            end: reader.offset(),
        };
        if tx.blocking_send(end).is_err() {
            return;
        }
    }
}

/// What the publish futures share.
struct Shared {
    /// The current session's publisher, replaced after a reconnect.
    publisher: std::sync::Mutex<Arc<Publisher>>,
    exchange: String,
    routing_key: String,
    batch_id: String,
    sources: Vec<String>,
}

/// One article on its way to the broker.
struct Pending {
    input: usize,
    seq: u64,
    line: u64,
    end: u64,
    body: Vec<u8>,
    message_id: String,
    attempts: u32,
    backoff: Backoff,
}

type Settled = (Pending, Result<ConfirmOutcome, TransportError>);

/// Publishes one article and waits for its confirm.
async fn publish(shared: &Shared, p: &Pending) -> Result<ConfirmOutcome, TransportError> {
    shared.send(p).await?.outcome().await
}

impl Shared {
    /// Hands one article to the client; the confirm is not awaited.
    async fn send(&self, p: &Pending) -> Result<crate::transport::PendingConfirm, TransportError> {
        let line = p.line.to_string();
        let headers = [
            (REPLAY_HEADER, self.batch_id.as_str()),
            (SOURCE_HEADER, self.sources[p.input].as_str()),
            (SOURCE_LINE_HEADER, line.as_str()),
        ];
        let message = ArchivedMessage {
            exchange: &self.exchange,
            routing_key: &self.routing_key,
            body: &p.body,
            message_id: &p.message_id,
            headers: &headers,
        };
        let publisher = self
            .publisher
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        publisher.publish_archived(&message).await
    }
}

/// Publishes (in order, awaited here), then waits for the confirm in a
/// future of its own, so that confirms are pipelined.
async fn start_publish(shared: &Shared, p: Pending) -> BoxFuture<'static, Settled> {
    match shared.send(&p).await {
        Ok(pending) => Box::pin(async move {
            let outcome = pending.outcome().await;
            (p, outcome)
        }),
        Err(error) => Box::pin(async move { (p, Err(error)) }),
    }
}

/// Opens a new session after `backoff`, again and again until it works
/// or `max_reconnects` attempts failed: `Err(None)` if `shutdown` came
/// first, `Err(Some(reason))` after too many failures. Each attempt is one
/// pass through the broker nodes, starting after the lost one.
async fn reconnect(
    settings: &Settings,
    options: &ReplayOptions,
    brokers: &mut Brokers,
    backoff: &mut Backoff,
    observer: &mut dyn Observer,
    shutdown: &CancellationToken,
    why: &str,
) -> Result<(PublishSession, Node), Option<String>> {
    let mut why = why.to_string();
    for attempt in 1..=options.max_reconnects.max(1) {
        let delay = backoff.next_delay();
        observer.reconnecting(&why, attempt, delay);
        tokio::select! {
            _ = tokio::time::sleep(delay) => {}
            _ = shutdown.cancelled() => return Err(None),
        }
        match open_session(settings, options, brokers, observer).await {
            Ok(opened) => return Ok(opened),
            Err(error) => why = error.to_string(),
        }
    }
    Err(Some(format!("cannot reconnect: {why}")))
}

/// One pass through the broker nodes: the first publishing session that
/// opens (declaring the topology first unless `--no-declare`).
async fn open_session(
    settings: &Settings,
    options: &ReplayOptions,
    brokers: &mut Brokers,
    observer: &mut dyn Observer,
) -> Result<(PublishSession, Node), TransportError> {
    let topology = options.declare.then(|| Topology::from_settings(settings));
    let topology = topology.as_ref();
    let opened = brokers
        .open(
            |node| async move { PublishSession::open(settings, &node, "replay", topology).await },
            |node, error| observer.node_failed(node.address(), &error.to_string()),
        )
        .await?;
    observer.connected(opened.1.address());
    Ok(opened)
}

/// Spreads publishes evenly at a given rate. Timer wake-ups are late by up
/// to a millisecond or so, which is made up for; a longer stall is not
/// caught up with a burst (at most `SLACK` worth of articles).
struct Pacer {
    period: Duration,
    next: tokio::time::Instant,
}

/// How far behind schedule the pacer may catch up.
const SLACK: Duration = Duration::from_millis(10);

impl Pacer {
    fn new(rate: f64) -> Pacer {
        Pacer {
            period: Duration::from_secs_f64(1.0 / rate),
            next: tokio::time::Instant::now(),
        }
    }

    async fn wait(&mut self, shutdown: &CancellationToken) {
        if self.next > tokio::time::Instant::now() {
            tokio::select! {
                _ = tokio::time::sleep_until(self.next) => {}
                _ = shutdown.cancelled() => {}
            }
        }
        let now = tokio::time::Instant::now();
        self.next = self.next.max(now.checked_sub(SLACK).unwrap_or(now)) + self.period;
    }
}

/// Replays `inputs` as described by `options`, starting from `checkpoint`
/// (an empty one for a new batch), until the inputs end, `--limit` is
/// reached, a `--strict` bad line, a broken session, or `shutdown`.
///
/// Outstanding confirms are always awaited and the checkpoint written
/// before it returns; the [`Summary`] says how it ended.
pub async fn run(
    settings: &Settings,
    options: &ReplayOptions,
    inputs: Vec<Input>,
    mut checkpoint: Checkpoint,
    observer: &mut dyn Observer,
    shutdown: CancellationToken,
) -> Result<Summary, ReplayError> {
    options.validate()?;
    // Running (again): only a run that ends well marks it finished.
    checkpoint.finished = false;
    let starts: Vec<InputProgress> = inputs
        .iter()
        .map(|i| checkpoint.progress(&i.name))
        .collect();
    let mut prefixes: Vec<Prefix> = starts.iter().copied().map(Prefix::starting_at).collect();
    let names: Vec<String> = inputs.iter().map(|i| i.name.clone()).collect();
    let total_bytes = match options.limit {
        Some(_) => None,
        None => inputs.iter().map(|i| i.size).sum::<Option<u64>>(),
    };
    // Progress in bytes: how far each input has been handed to publishing.
    let mut taken_to: Vec<u64> = starts.iter().map(|p| p.offset).collect();
    let mut read_bytes: u64 = taken_to.iter().sum();

    let mut brokers = Brokers::from_settings(&settings.amqp);
    let (mut session, mut node) = open_session(settings, options, &mut brokers, observer).await?;
    let shared = Arc::new(Shared {
        publisher: std::sync::Mutex::new(session.publisher.clone()),
        exchange: options.exchange.clone(),
        routing_key: options.routing_key.clone(),
        batch_id: checkpoint.batch_id.clone(),
        sources: names.clone(),
    });

    let (tx, mut rx) = mpsc::channel(options.window.clamp(256, 8192));
    {
        let limits = options.limits;
        std::thread::Builder::new()
            .name("replay-reader".into())
            .spawn(move || read_inputs(inputs, starts, limits, tx))
            .map_err(|source| ReplayError::Read {
                input: "(reader thread)".into(),
                source,
            })?;
    }

    let started = Instant::now();
    let mut stats = Stats {
        total_bytes,
        ..Stats::default()
    };
    let mut in_flight: FuturesUnordered<BoxFuture<'static, Settled>> = FuturesUnordered::new();
    let mut pacer = options.rate.map(Pacer::new);
    let tick_every = options
        .checkpoint_every
        .clamp(Duration::from_millis(10), Duration::from_millis(200));
    let mut tick = tokio::time::interval(tick_every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut last_save = Instant::now();
    let mut dirty = false;
    let mut reader_done = false;
    let mut stop: Option<Stop> = None;
    let mut taken = 0u64;
    // Set when the session failed: nothing new is published until every
    // outstanding publish of the dead session has settled; the unconfirmed
    // ones are collected in `requeue` and published again on a new session.
    let mut broken: Option<String> = None;
    let mut requeue: Vec<Pending> = Vec::new();
    let mut reconnect_backoff = Backoff::new(options.retry_min, options.retry_max);
    let mut failed_sessions = 0u32;
    let mut confirmed_at_open = 0u64;

    loop {
        if let (Some(why), true) = (broken.as_deref(), in_flight.is_empty()) {
            // Only a clean stop or --limit still finishes what is
            // outstanding; a --strict stop or a read error gives up on it.
            let finish = matches!(stop, None | Some(Stop::Limit));
            if stats.confirmed == confirmed_at_open {
                failed_sessions += 1;
            } else {
                failed_sessions = 0;
                reconnect_backoff.reset();
            }
            if !finish || failed_sessions > options.max_reconnects {
                if finish {
                    stop = Some(Stop::SessionFailed(why.to_string()));
                }
                stats.failed += requeue.len() as u64;
                observer.abandoned(why, requeue.len());
                break;
            }
            brokers.lost(&node);
            match reconnect(
                settings,
                options,
                &mut brokers,
                &mut reconnect_backoff,
                observer,
                &shutdown,
                why,
            )
            .await
            {
                Ok((new, new_node)) => {
                    node = new_node;
                    let old = std::mem::replace(&mut session, new);
                    old.close().await;
                    *shared
                        .publisher
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) =
                        session.publisher.clone();
                    confirmed_at_open = stats.confirmed;
                    broken = None;
                    requeue.sort_by_key(|p| (p.input, p.seq));
                    for pending in requeue.drain(..) {
                        in_flight.push(start_publish(&shared, pending).await);
                    }
                }
                Err(gave_up) => {
                    let why = match gave_up {
                        Some(why) => {
                            stop = Some(Stop::SessionFailed(why.clone()));
                            why
                        }
                        None => {
                            stop = Some(Stop::Interrupted);
                            "interrupted while reconnecting".to_string()
                        }
                    };
                    stats.failed += requeue.len() as u64;
                    observer.abandoned(&why, requeue.len());
                    break;
                }
            }
        }
        let can_take =
            stop.is_none() && broken.is_none() && !reader_done && in_flight.len() < options.window;
        if !can_take && in_flight.is_empty() && (stop.is_some() || reader_done) {
            break;
        }
        tokio::select! {
            biased;
            _ = shutdown.cancelled(), if stop.is_none() => {
                stop = Some(Stop::Interrupted);
                observer.stopping("interrupted", in_flight.len());
            }
            _ = tick.tick() => {
                stats.read_bytes = read_bytes;
                stats.in_flight = in_flight.len();
                stats.elapsed = started.elapsed();
                observer.progress(&stats);
                if dirty && last_save.elapsed() >= options.checkpoint_every {
                    checkpoint.save(&options.checkpoint_path)?;
                    last_save = Instant::now();
                    dirty = false;
                }
            }
            record = rx.recv(), if can_take => {
                if let Some(
                    Record::Article { input, end, .. }
                    | Record::Bad { input, end, .. }
                    | Record::End { input, end, .. },
                ) = &record
                {
                    read_bytes += end.saturating_sub(taken_to[*input]);
                    taken_to[*input] = *end;
                }
                match record {
                None => reader_done = true,
                Some(Record::Article { input, seq, line, end, body, message_id }) => {
                    if let Some(pacer) = pacer.as_mut() {
                        pacer.wait(&shutdown).await;
                    }
                    let pending = Pending {
                        input,
                        seq,
                        line,
                        end,
                        body,
                        message_id,
                        attempts: 0,
                        backoff: Backoff::new(options.retry_min, options.retry_max),
                    };
                    in_flight.push(start_publish(&shared, pending).await);
                    stats.published += 1;
                    taken += 1;
                    if options.limit.is_some_and(|limit| taken >= limit) {
                        stop = Some(Stop::Limit);
                    }
                }
                Some(Record::Bad { input, seq, line, end, error }) => {
                    stats.bad += 1;
                    observer.bad_line(&names[input], line, &error);
                    if options.strict {
                        stop = Some(Stop::Strict { input: names[input].clone(), line });
                        observer.stopping("bad line with --strict", in_flight.len());
                    } else if prefixes[input].settle(seq, end, line, false) {
                        checkpoint.inputs.insert(names[input].clone(), prefixes[input].progress());
                        dirty = true;
                    }
                }
                Some(Record::End { input, seq, line, end }) => {
                    prefixes[input].settle(seq, end, line, true);
                    checkpoint.inputs.insert(names[input].clone(), prefixes[input].progress());
                    dirty = true;
                }
                Some(Record::Failed(error)) => {
                    let why = error.to_string();
                    observer.stopping(&why, in_flight.len());
                    stop = Some(Stop::ReadFailed(why));
                }
            }},
            Some((mut pending, outcome)) = in_flight.next(), if !in_flight.is_empty() => {
                let input = pending.input;
                match outcome {
                    Ok(ConfirmOutcome::Acked) => {
                        stats.confirmed += 1;
                        if prefixes[input].settle(pending.seq, pending.end, pending.line, false) {
                            checkpoint.inputs.insert(names[input].clone(), prefixes[input].progress());
                            dirty = true;
                        }
                    }
                    Ok(ConfirmOutcome::Nacked | ConfirmOutcome::Returned)
                    | Err(TransportError::ConfirmTimeout(_)) => {
                        let why = match &outcome {
                            Ok(ConfirmOutcome::Nacked) => "nacked by the broker".to_string(),
                            Ok(_) => "returned as unroutable".to_string(),
                            Err(error) => error.to_string(),
                        };
                        if pending.attempts < options.max_retries && broken.is_some() {
                            // Retried on the next session.
                            pending.attempts += 1;
                            stats.retried += 1;
                            requeue.push(pending);
                        } else if pending.attempts < options.max_retries {
                            pending.attempts += 1;
                            stats.retried += 1;
                            let delay = pending.backoff.next_delay();
                            observer.retry(&names[input], pending.line, &why, pending.attempts, delay);
                            let shared = shared.clone();
                            in_flight.push(Box::pin(async move {
                                tokio::time::sleep(delay).await;
                                let outcome = publish(&shared, &pending).await;
                                (pending, outcome)
                            }));
                        } else {
                            stats.failed += 1;
                            observer.failed(&names[input], pending.line, &why);
                        }
                    }
                    Err(error) => {
                        // The connection or channel is gone: every
                        // outstanding publish fails the same way, and each
                        // is published again on a new session.
                        if broken.is_none() {
                            let why = error.to_string();
                            observer.session_failed(&why, in_flight.len() + 1);
                            broken = Some(why);
                        }
                        requeue.push(pending);
                    }
                }
            }
        }
    }
    drop(rx);
    let stop = stop.unwrap_or(Stop::Completed);
    checkpoint.finished = stop == Stop::Completed && stats.failed == 0;
    checkpoint.save(&options.checkpoint_path)?;
    session.close().await;
    stats.read_bytes = read_bytes;
    stats.in_flight = 0;
    stats.elapsed = started.elapsed();
    Ok(Summary {
        batch_id: checkpoint.batch_id.clone(),
        stats,
        stop,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_id_depends_on_content_not_formatting() {
        let limits = ArticleLimits::default();
        let a = Article::from_json(br#"{"id":"a","text":"Hello."}"#, &limits).unwrap();
        let b = Article::from_json(br#"{ "text": "Hello.",  "id": "a" }"#, &limits).unwrap();
        let c = Article::from_json(br#"{"id":"a","text":"Hello!"}"#, &limits).unwrap();
        let d = Article::from_json(br#"{"id":"b","text":"Hello."}"#, &limits).unwrap();
        assert_eq!(message_id(&a), message_id(&b));
        assert_ne!(message_id(&a), message_id(&c));
        assert_ne!(message_id(&a), message_id(&d));
        assert_eq!(message_id(&a).len(), 32);
    }

    #[tokio::test]
    async fn pacer_spreads_evenly_without_bursts() {
        let shutdown = CancellationToken::new();
        let mut pacer = Pacer::new(50.0);
        let start = tokio::time::Instant::now();
        for _ in 0..6 {
            pacer.wait(&shutdown).await;
        }
        let elapsed = start.elapsed();
        assert!(elapsed >= Duration::from_millis(100), "{elapsed:?}");
        assert!(elapsed < Duration::from_millis(1000), "{elapsed:?}");
        // A long pause is not caught up with a burst.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let t = tokio::time::Instant::now();
        pacer.wait(&shutdown).await;
        pacer.wait(&shutdown).await;
        assert!(t.elapsed() >= SLACK, "{:?}", t.elapsed());
    }

    #[tokio::test]
    async fn pacer_keeps_rates_above_the_timer_resolution() {
        let shutdown = CancellationToken::new();
        let mut pacer = Pacer::new(5000.0);
        let start = tokio::time::Instant::now();
        for _ in 0..2500 {
            pacer.wait(&shutdown).await;
        }
        let elapsed = start.elapsed();
        assert!(elapsed >= Duration::from_millis(450), "{elapsed:?}");
        assert!(elapsed < Duration::from_millis(1000), "{elapsed:?}");
    }
}
