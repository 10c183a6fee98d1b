//! The worker: the one module that knows both the transport and the pipeline.
//!
//! [`run`] is a supervisor loop. It opens a broker [`Session`] on the first
//! node of `amqp.url` that answers ([`Brokers`]; exponential backoff and
//! jitter between rounds through the list), consumes deliveries and
//! spawns one task per delivery; prefetch bounds the number of tasks and a
//! semaphore bounds how many run the CPU-bound pipeline at once on the
//! blocking pool. Each task publishes the article's events, waits for their
//! confirms and only then acks (see [`handle`]).
//!
//! Any session failure (connection or channel closed, consumer cancelled by
//! the broker, an ack that could not be sent) ends the session: in-flight
//! tasks are dropped without acking, the session is closed and a new one is
//! opened, starting with the next node of the list (failover); the broker
//! redelivers what was not acked. The log line `Consuming.` and the metric
//! `quotewire_broker_node` name the node in use. On shutdown the worker
//! cancels its consumer, lets in-flight articles finish within the drain
//! deadline, then closes channels and connections.

pub mod extract;
pub mod handle;
pub mod shutdown;

pub use extract::{Extract, Relay};
pub use handle::Disposition;

use crate::article::ArticleLimits;
use crate::metrics::{Health, Metrics};
use crate::settings::{OutputBatch, Settings};
use crate::transport::{
    Brokers, Incoming, InputAcker, OutgoingBatch, Publisher, Session, SessionEvent, TransportError,
};
use handle::Processed;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tokio::task::{JoinError, JoinSet};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

/// Why the worker stopped without a clean drain.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WorkerError {
    /// In-flight articles did not finish before the shutdown deadline.
    #[error(
        "shutdown deadline of {deadline:?} passed with {left} article(s) in flight; \
         the broker will redeliver them"
    )]
    DrainTimeout {
        /// The configured deadline.
        deadline: Duration,
        /// Articles still in flight.
        left: usize,
    },
    /// The session failed while draining; unacked articles will be redelivered.
    #[error("the broker session failed while draining: {0}")]
    DrainFailed(String),
}

/// Exponential backoff with jitter, capped.
///
/// The n-th delay is drawn uniformly from `[d/2, d]` where
/// `d = min(max, min_delay * 2^n)`.
#[derive(Debug, Clone)]
pub struct Backoff {
    min: Duration,
    max: Duration,
    attempt: u32,
}

impl Backoff {
    /// A backoff starting at `min` and never exceeding `max`.
    pub fn new(min: Duration, max: Duration) -> Backoff {
        Backoff {
            min,
            max: max.max(min),
            attempt: 0,
        }
    }

    /// The next delay.
    pub fn next_delay(&mut self) -> Duration {
        let factor = 2u32.saturating_pow(self.attempt.min(31));
        self.attempt = self.attempt.saturating_add(1);
        let ceiling = self.min.saturating_mul(factor).min(self.max);
        let half = ceiling / 2;
        let jitter_ms = fastrand::u64(0..=u64::try_from(half.as_millis()).unwrap_or(u64::MAX));
        half + Duration::from_millis(jitter_ms)
    }

    /// Starts again from the minimum (after a successful connect).
    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}

/// The longest a lost session's close may take before the next session is
/// opened.
const BROKEN_SESSION_CLOSE: Duration = Duration::from_secs(1);

/// What every delivery task shares.
struct Ctx {
    publisher: Arc<Publisher>,
    extractor: Arc<dyn Extract>,
    batch: OutputBatch,
    metrics: Arc<Metrics>,
    limits: ArticleLimits,
    cpu: Arc<Semaphore>,
    retry_delay: Duration,
    /// Longest pause between two in-process publish retries (8 × the first).
    retry_max: Duration,
    /// Cancelled on SIGTERM: a task waiting to retry requeues at once.
    shutdown: CancellationToken,
}

/// How a delivery task ended.
enum TaskOutcome {
    /// Acked, dead-lettered or requeued.
    Settled,
    /// The session is unusable; the supervisor must reconnect.
    SessionBroken(String),
}

/// Why a consume loop ended.
enum SessionEnd {
    Shutdown,
    Broken(String),
}

/// Decrements the in-flight gauge when a delivery task ends or is aborted.
struct InFlight(Arc<Metrics>);

impl InFlight {
    fn enter(metrics: &Arc<Metrics>) -> InFlight {
        metrics.in_flight.inc();
        InFlight(metrics.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.dec();
    }
}

/// Runs the worker until `shutdown` is cancelled and in-flight articles
/// are drained. Returns `Ok` after a clean drain.
///
/// `extractor` is the [`Pipeline`](crate::Pipeline) in production; the
/// benchmark passes a [`Relay`] of precomputed events.
pub async fn run(
    settings: Arc<Settings>,
    extractor: Arc<dyn Extract>,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    shutdown: CancellationToken,
) -> Result<(), WorkerError> {
    let cpu = Arc::new(Semaphore::new(settings.worker.effective_concurrency()));
    let mut backoff = Backoff::new(settings.amqp.reconnect_min(), settings.amqp.reconnect_max());
    let mut brokers = Brokers::from_settings(&settings.amqp);
    let addresses: Vec<String> = brokers
        .nodes()
        .iter()
        .map(|n| n.address().to_string())
        .collect();
    metrics.set_broker_node(addresses.iter().map(String::as_str), None);
    let mut first_session = true;
    loop {
        let opened = tokio::select! {
            _ = shutdown.cancelled() => return Ok(()),
            opened = brokers.open(
                |node| {
                    let settings = settings.clone();
                    async move { Session::open(&settings, &node).await }
                },
                |node, error| {
                    metrics
                        .broker_open_failures
                        .get_or_create(&[("node", node.address().to_string())])
                        .inc();
                    tracing::warn!(%node, %error, "Cannot open a broker session on this node.");
                },
            ) => opened,
        };
        let (mut session, node) = match opened {
            Ok(opened) => opened,
            Err(error) => {
                let delay = backoff.next_delay();
                tracing::warn!(
                    %error,
                    delay_ms = delay.as_millis() as u64,
                    "Cannot open a broker session on any node; retrying."
                );
                tokio::select! {
                    _ = shutdown.cancelled() => return Ok(()),
                    _ = tokio::time::sleep(delay) => continue,
                }
            }
        };
        if !first_session {
            metrics.reconnects.inc();
        }
        first_session = false;
        backoff.reset();
        metrics.set_broker_node(addresses.iter().map(String::as_str), Some(node.address()));
        tracing::info!(
            %node,
            queue = %settings.input.queue,
            prefetch = settings.input.prefetch,
            concurrency = cpu.available_permits(),
            "Consuming."
        );
        health.set_blocked(false);
        health.set_publish_live(true);
        health.set_consuming(true);
        let ctx = Arc::new(Ctx {
            publisher: session.publisher.clone(),
            extractor: extractor.clone(),
            batch: settings.output.batch,
            metrics: metrics.clone(),
            limits: settings.pipeline.limits(),
            cpu: cpu.clone(),
            retry_delay: settings.worker.retry_delay(),
            retry_max: settings.worker.retry_delay().saturating_mul(8),
            shutdown: shutdown.clone(),
        });
        let mut tasks = JoinSet::new();
        let end = consume(&mut session, &ctx, &health, &shutdown, &mut tasks).await;
        health.set_consuming(false);
        match end {
            SessionEnd::Shutdown => {
                let result = drain(&session, &mut tasks, settings.worker.shutdown_timeout()).await;
                health.set_publish_live(false);
                session.close().await;
                match &result {
                    Ok(()) => tracing::info!(
                        consumed = metrics.articles_consumed.get(),
                        acked = metrics.articles_acked.get(),
                        "Drained; connections closed."
                    ),
                    Err(error) => tracing::error!(%error, "Shutdown drain was not clean."),
                }
                return result;
            }
            SessionEnd::Broken(reason) => {
                tasks.abort_all();
                while tasks.join_next().await.is_some() {}
                health.set_publish_live(false);
                // A closed connection can still look open for a moment, and
                // a graceful close then waits for answers that never come:
                // bounded, so that failover does not wait, but both
                // connection closes are sent, so that a connection still
                // alive does not keep its consumer (and a prefetch of
                // articles) after the session is given up.
                session.abandon(BROKEN_SESSION_CLOSE).await;
                metrics.set_broker_node(addresses.iter().map(String::as_str), None);
                brokers.lost(&node);
                let delay = backoff.next_delay();
                let next = brokers.pass_order().next().map(|n| n.address().to_string());
                tracing::warn!(
                    %node,
                    %reason,
                    delay_ms = delay.as_millis() as u64,
                    next = next.as_deref().unwrap_or_default(),
                    "Broker session lost; unacked articles will be redelivered. Reconnecting."
                );
                tokio::select! {
                    _ = shutdown.cancelled() => return Ok(()),
                    _ = tokio::time::sleep(delay) => {}
                }
            }
        }
    }
}

fn broken_reason(joined: Result<TaskOutcome, JoinError>) -> Option<String> {
    match joined {
        Ok(TaskOutcome::Settled) => None,
        Ok(TaskOutcome::SessionBroken(reason)) => Some(reason),
        Err(error) if error.is_cancelled() => None,
        Err(error) => Some(format!("a delivery task failed: {error}")),
    }
}

async fn consume(
    session: &mut Session,
    ctx: &Arc<Ctx>,
    health: &Health,
    shutdown: &CancellationToken,
    tasks: &mut JoinSet<TaskOutcome>,
) -> SessionEnd {
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    loop {
        tokio::select! {
            biased;
            _ = shutdown.cancelled() => return SessionEnd::Shutdown,
            event = session.events.next() => match event {
                SessionEvent::Blocked(reason) => {
                    tracing::warn!(%reason, "The broker blocked a connection; not ready.");
                    health.set_blocked(true);
                }
                SessionEvent::Unblocked => {
                    tracing::info!("The broker unblocked the connection.");
                    health.set_blocked(false);
                }
                SessionEvent::Failed(reason) => return SessionEnd::Broken(reason),
            },
            Some(joined) = tasks.join_next() => {
                if let Some(reason) = broken_reason(joined) {
                    return SessionEnd::Broken(reason);
                }
            }
            _ = tick.tick() => {
                health.set_publish_live(session.publisher.is_live());
                if !session.is_live() {
                    return SessionEnd::Broken("a channel or connection is closed".to_string());
                }
            }
            next = session.inbox.next() => match next {
                None => return SessionEnd::Broken(TransportError::ConsumerEnded.to_string()),
                Some(Err(error)) => return SessionEnd::Broken(error.to_string()),
                Some(Ok(incoming)) => {
                    ctx.metrics.articles_consumed.inc();
                    let span = tracing::info_span!(
                        "delivery",
                        delivery_tag = incoming.delivery_tag,
                        redelivered = incoming.redelivered,
                        article_id = tracing::field::Empty,
                    );
                    tasks.spawn(handle_delivery(ctx.clone(), incoming, span.clone()).instrument(span));
                }
            },
        }
    }
}

async fn drain(
    session: &Session,
    tasks: &mut JoinSet<TaskOutcome>,
    deadline: Duration,
) -> Result<(), WorkerError> {
    if let Err(error) = session.inbox.cancel().await {
        tracing::warn!(%error, "Cannot cancel the consumer; draining anyway.");
    }
    tracing::info!(
        in_flight = tasks.len(),
        deadline_ms = deadline.as_millis() as u64,
        "Draining."
    );
    let mut failure = None;
    let drained = tokio::time::timeout(deadline, async {
        while let Some(joined) = tasks.join_next().await {
            if let Some(reason) = broken_reason(joined) {
                failure.get_or_insert(reason);
            }
        }
    })
    .await;
    if drained.is_err() {
        let left = tasks.len();
        tasks.abort_all();
        while tasks.join_next().await.is_some() {}
        return Err(WorkerError::DrainTimeout { deadline, left });
    }
    match failure {
        Some(reason) => Err(WorkerError::DrainFailed(reason)),
        None => Ok(()),
    }
}

async fn handle_delivery(ctx: Arc<Ctx>, incoming: Incoming, span: tracing::Span) -> TaskOutcome {
    let started = Instant::now();
    let _in_flight = InFlight::enter(&ctx.metrics);
    let Incoming {
        routing_key,
        body,
        properties,
        acker,
        ..
    } = incoming;

    let permit = match ctx.cpu.clone().acquire_owned().await {
        Ok(permit) => permit,
        Err(_) => return TaskOutcome::SessionBroken("the pipeline semaphore closed".into()),
    };
    let extractor = ctx.extractor.clone();
    let limits = ctx.limits;
    let encoding = properties.content_encoding().map(str::to_owned);
    let joined = tokio::task::spawn_blocking(move || {
        // The permit lives as long as the CPU work, even if this task is aborted.
        let _permit = permit;
        let started = Instant::now();
        let processed = handle::process(extractor.as_ref(), &body, encoding.as_deref(), &limits);
        (body, processed, started.elapsed())
    })
    .await;
    let (body, processed, took) = match joined {
        Ok(done) => done,
        Err(error) => {
            let reason = format!("the pipeline task failed: {error}");
            let disposition = Disposition::Retry {
                kind: handle::RETRY_PIPELINE_TASK,
                reason,
            };
            return settle(&ctx, acker, disposition, 0, started).await;
        }
    };
    ctx.metrics.pipeline_seconds.observe(took.as_secs_f64());
    if let Some(id) = processed.article_id() {
        span.record("article_id", id);
    }

    // A publish that may pass (nacked, returned, not confirmed in time) is
    // retried here, holding the delivery, with backoff: requeueing instead
    // would count towards the quorum queue's delivery limit, so a downstream
    // outage of a few seconds would dead-letter good articles. Only shutdown
    // ends the retries early (the article is then requeued).
    let mut backoff = Backoff::new(ctx.retry_delay, ctx.retry_max);
    let (disposition, published) = match processed {
        Processed::Events {
            article_id,
            article,
            events,
        } => loop {
            let article = article.as_ref();
            let result = match ctx.batch {
                OutputBatch::Statement => {
                    ctx.publisher
                        .publish_events(&article_id, article, &events)
                        .await
                }
                OutputBatch::Article => {
                    let batch = OutgoingBatch::from_events(&events);
                    ctx.publisher
                        .publish_batch(&article_id, article, batch.as_ref())
                        .await
                }
            };
            let disposition = handle::disposition_after_publish(&result);
            if let Err(error) = &result {
                record_publish_failure(&ctx.metrics, error);
                if error.is_session_fatal() {
                    return TaskOutcome::SessionBroken(error.to_string());
                }
            }
            match disposition {
                Disposition::Retry { kind, reason } => {
                    if !wait_to_retry(&ctx, &mut backoff, kind, &reason).await {
                        break (Disposition::Retry { kind, reason }, 0);
                    }
                }
                other => break (other, events.len()),
            }
        },
        Processed::Rejected { kind, reason, .. } => loop {
            let result = ctx
                .publisher
                .publish_dead_letter(&routing_key, &body, &properties, kind, &reason)
                .await;
            match result {
                Ok(()) => break (Disposition::DeadLetter { kind, reason }, 0),
                Err(error) => {
                    record_publish_failure(&ctx.metrics, &error);
                    if error.is_session_fatal() {
                        return TaskOutcome::SessionBroken(error.to_string());
                    }
                    let why = format!("dead-lettering ({kind}) failed: {error}");
                    if !wait_to_retry(&ctx, &mut backoff, error.kind(), &why).await {
                        break (
                            Disposition::Retry {
                                kind: error.kind(),
                                reason: why,
                            },
                            0,
                        );
                    }
                }
            }
        },
    };
    settle(&ctx, acker, disposition, published, started).await
}

/// After a publish failure that may pass: counts the retry and waits the
/// next backoff delay. False, at once, if shutdown was requested: the
/// caller then requeues the article.
async fn wait_to_retry(ctx: &Ctx, backoff: &mut Backoff, kind: &'static str, reason: &str) -> bool {
    if ctx.shutdown.is_cancelled() {
        return false;
    }
    ctx.metrics
        .articles_retried
        .get_or_create(&[("reason", kind)])
        .inc();
    let delay = backoff.next_delay();
    tracing::warn!(
        %reason,
        delay_ms = delay.as_millis() as u64,
        "Article not confirmed; retrying its publish."
    );
    tokio::select! {
        _ = ctx.shutdown.cancelled() => false,
        _ = tokio::time::sleep(delay) => true,
    }
}

fn record_publish_failure(metrics: &Metrics, error: &TransportError) {
    match error {
        TransportError::Unconfirmed { nacked, returned } => {
            let family = &metrics.confirms_failed;
            family
                .get_or_create(&[("outcome", "nacked")])
                .inc_by(*nacked as u64);
            family
                .get_or_create(&[("outcome", "returned")])
                .inc_by(*returned as u64);
        }
        TransportError::ConfirmTimeout(_) => {
            metrics
                .confirms_failed
                .get_or_create(&[("outcome", "timeout")])
                .inc();
        }
        _ => {}
    }
}

async fn settle(
    ctx: &Ctx,
    acker: InputAcker,
    disposition: Disposition,
    published: usize,
    started: Instant,
) -> TaskOutcome {
    match disposition {
        Disposition::Ack => {
            ctx.metrics.statements_published.inc_by(published as u64);
            if let Err(error) = acker.ack().await {
                return TaskOutcome::SessionBroken(error.to_string());
            }
            ctx.metrics.articles_acked.inc();
            ctx.metrics
                .end_to_end_seconds
                .observe(started.elapsed().as_secs_f64());
            tracing::debug!(statements = published, "Article acked.");
        }
        Disposition::DeadLetter { kind, reason } => {
            if let Err(error) = acker.ack().await {
                return TaskOutcome::SessionBroken(error.to_string());
            }
            ctx.metrics
                .articles_dead_lettered
                .get_or_create(&[("kind", kind)])
                .inc();
            ctx.metrics
                .end_to_end_seconds
                .observe(started.elapsed().as_secs_f64());
            tracing::warn!(kind, %reason, "Article dead-lettered.");
        }
        Disposition::Retry { kind, reason } => {
            tracing::warn!(
                %reason,
                delay_ms = ctx.retry_delay.as_millis() as u64,
                "Article not settled; requeueing it."
            );
            // On shutdown, requeue at once so that the drain is quick.
            tokio::select! {
                _ = ctx.shutdown.cancelled() => {}
                _ = tokio::time::sleep(ctx.retry_delay) => {}
            }
            if let Err(error) = acker.requeue().await {
                return TaskOutcome::SessionBroken(error.to_string());
            }
            ctx.metrics
                .articles_retried
                .get_or_create(&[("reason", kind)])
                .inc();
        }
    }
    TaskOutcome::Settled
}

#[cfg(test)]
mod tests {
    use super::Backoff;
    use std::time::Duration;

    #[test]
    fn backoff_grows_with_jitter_and_is_capped() {
        let min = Duration::from_millis(100);
        let max = Duration::from_millis(1000);
        let mut b = Backoff::new(min, max);
        let expected_ceilings = [100, 200, 400, 800, 1000, 1000, 1000];
        for ceiling in expected_ceilings {
            let d = b.next_delay().as_millis() as u64;
            assert!(
                d >= ceiling / 2 && d <= ceiling,
                "{d} not in [{}, {ceiling}]",
                ceiling / 2
            );
        }
        for _ in 0..100 {
            assert!(b.next_delay() <= max);
        }
        b.reset();
        assert!(b.next_delay() <= min);
    }
}
