//! What arrived: the tally of events and dead letters per input, and the
//! collectors that fill it from the output and dead-letter queues.

use crate::inputs::{input_index, Expect, Input};
use futures_util::StreamExt;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicQosOptions};
use lapin::types::FieldTable;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use testkit::{connect, header, x_death_reason, Error, Result};
use tokio_util::sync::CancellationToken;

/// One dead letter of an input, as its headers give it.
#[derive(Debug, Clone)]
pub struct DeadRecord {
    /// The worker's error kind, `x-death:<reason>` when the broker
    /// dead-lettered it, empty when neither is there.
    pub kind: String,
    /// The worker's error text or the broker's reason.
    pub reason: String,
}

/// Everything the collectors saw, and which inputs are complete.
#[derive(Debug)]
pub struct Tally {
    /// Expected event id -> input index.
    owner: HashMap<String, usize>,
    /// Per input: expected events not seen yet.
    pub remaining: Vec<usize>,
    /// Event id -> deliveries seen.
    pub seen: HashMap<String, u32>,
    /// Output deliveries in all.
    pub event_deliveries: u64,
    /// Output deliveries whose id no input expects.
    pub unknown_events: u64,
    /// Input index -> its dead letters.
    pub dead: HashMap<usize, Vec<DeadRecord>>,
    /// Dead letters that are no input of this run.
    pub dead_unknown: u64,
    /// Inputs complete (all events seen, or dead-lettered).
    pub done: usize,
    /// Per input: when it became complete.
    pub done_at: Vec<Option<Instant>>,
    /// When the last delivery of either queue arrived.
    pub last_delivery: Instant,
}

impl Tally {
    /// Nothing seen yet of `inputs` (those expecting no event are
    /// complete already).
    pub fn new(inputs: &[Input]) -> Tally {
        let mut owner = HashMap::new();
        let mut remaining = Vec::with_capacity(inputs.len());
        let mut done = 0;
        for (i, input) in inputs.iter().enumerate() {
            match &input.expect {
                Expect::Events(ids) => {
                    for id in ids {
                        owner.insert(id.clone(), i);
                    }
                    remaining.push(ids.len());
                    if ids.is_empty() {
                        done += 1;
                    }
                }
                Expect::Dead(_) => remaining.push(usize::MAX),
            }
        }
        Tally {
            owner,
            remaining,
            seen: HashMap::new(),
            event_deliveries: 0,
            unknown_events: 0,
            dead: HashMap::new(),
            dead_unknown: 0,
            done,
            done_at: vec![None; inputs.len()],
            last_delivery: Instant::now(),
        }
    }

    fn is_done(&self, i: usize) -> bool {
        self.remaining[i] == 0 || self.dead.contains_key(&i)
    }

    fn record_event(&mut self, event_id: Option<&str>) {
        self.event_deliveries += 1;
        self.last_delivery = Instant::now();
        let Some(id) = event_id else {
            self.unknown_events += 1;
            return;
        };
        let Some(&i) = self.owner.get(id) else {
            self.unknown_events += 1;
            return;
        };
        let count = self.seen.entry(id.to_string()).or_insert(0);
        *count += 1;
        if *count == 1 {
            let was_done = self.is_done(i);
            self.remaining[i] -= 1;
            if !was_done && self.is_done(i) {
                self.done += 1;
                self.done_at[i] = Some(Instant::now());
            }
        }
    }

    fn record_dead(&mut self, input: Option<usize>, record: DeadRecord) {
        self.last_delivery = Instant::now();
        match input.filter(|&i| i < self.remaining.len()) {
            Some(i) => {
                let was_done = self.is_done(i);
                self.dead.entry(i).or_default().push(record);
                if !was_done {
                    self.done += 1;
                    self.done_at[i] = Some(Instant::now());
                }
            }
            None => self.dead_unknown += 1,
        }
    }
}

/// Which queue a collector consumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// The output queue: statement events.
    Output,
    /// The dead-letter queue.
    Dead,
}

/// Consumes `queue` (manual acks, so nothing is lost if the broker goes
/// away) into the tally until `stop`, reconnecting on any failure.
pub async fn collector(
    url: String,
    name: String,
    queue: String,
    stream: Stream,
    tally: Arc<Mutex<Tally>>,
    stop: CancellationToken,
) {
    while !stop.is_cancelled() {
        if let Err(error) = collect_once(&url, &name, &queue, stream, &tally, &stop).await {
            eprintln!("  [{name}] {error}; reconnecting");
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            }
        }
    }
}

async fn collect_once(
    url: &str,
    name: &str,
    queue: &str,
    stream: Stream,
    tally: &Mutex<Tally>,
    stop: &CancellationToken,
) -> Result<()> {
    let conn = connect(url, name).await?;
    let ch = conn.create_channel().await?;
    ch.basic_qos(1000, BasicQosOptions { global: false })
        .await?;
    let mut consumer = ch
        .basic_consume(
            queue.into(),
            "".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await?;
    loop {
        let next = tokio::select! {
            _ = stop.cancelled() => {
                let _ = conn.close(200, "OK".into()).await;
                return Ok(());
            }
            next = consumer.next() => next,
        };
        let delivery = match next {
            None => return Err(Error::Failed("consumer ended".into())),
            Some(delivery) => delivery?,
        };
        {
            let mut t = tally.lock().expect("tally lock");
            let p = &delivery.properties;
            match stream {
                Stream::Output => t.record_event(p.message_id().as_ref().map(|s| s.as_str())),
                Stream::Dead => {
                    let record = match header(p, "x-quotewire-error-kind") {
                        Some(kind) => DeadRecord {
                            kind,
                            reason: header(p, "x-quotewire-error").unwrap_or_default(),
                        },
                        None => match x_death_reason(p) {
                            Some(reason) => DeadRecord {
                                kind: format!("x-death:{reason}"),
                                reason,
                            },
                            None => DeadRecord {
                                kind: String::new(),
                                reason: String::new(),
                            },
                        },
                    };
                    t.record_dead(input_index(p), record);
                }
            }
        }
        if !delivery.acker.ack(BasicAckOptions::default()).await? {
            return Err(Error::Failed("ack not sent".into()));
        }
    }
}
