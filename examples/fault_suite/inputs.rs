//! The inputs of a scenario, what each must become, and publishing them.

use crate::Options;
use lapin::BasicProperties;
use quotewire::worker::handle::{process, Processed};
use quotewire::{ArticleLimits, Pipeline};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use testkit::{confirm_channel, connect, ConfirmWindow, Error, Result};

/// What an input must end as.
#[derive(Debug, Clone)]
pub enum Expect {
    /// These event ids in the output queue (possibly none).
    Events(Vec<String>),
    /// The dead-letter queue with this kind.
    Dead(&'static str),
}

/// One message published to the input exchange.
#[derive(Debug, Clone)]
pub struct Input {
    /// What it is, for the report.
    pub label: String,
    /// The message body.
    pub body: Vec<u8>,
    /// Its `content_encoding`, if any.
    pub encoding: Option<&'static str>,
    /// What it must end as.
    pub expect: Expect,
}

/// The outcome the worker must produce for `body`: the same decode,
/// validation and extraction the worker runs (`quotewire extract` gives the
/// same event ids for a valid article line).
pub fn expect_of(pipeline: &Pipeline, body: &[u8], encoding: Option<&str>) -> Expect {
    match process(pipeline, body, encoding, &ArticleLimits::default()) {
        Processed::Events { events, .. } => {
            Expect::Events(events.into_iter().map(|e| e.event_id).collect())
        }
        Processed::Rejected { kind, .. } => Expect::Dead(kind),
    }
}

/// Good articles with at least one expected event each (so that a loss is
/// always visible in the output), from the corpus or, without it, from
/// the samples with rewritten ids. Also says where they came from.
pub fn good_articles(
    opts: &Options,
    pipeline: &Pipeline,
    n: usize,
) -> Result<(Vec<Input>, String)> {
    let (text, source) = match std::fs::read_to_string(&opts.corpus) {
        Ok(text) => (text, opts.corpus.display().to_string()),
        Err(_) => (
            std::fs::read_to_string(&opts.samples).map_err(|e| {
                Error::Failed(format!(
                    "neither {} nor {} is readable: {e}",
                    opts.corpus.display(),
                    opts.samples.display()
                ))
            })?,
            format!("{} (corpus absent)", opts.samples.display()),
        ),
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut out = Vec::with_capacity(n);
    let mut copies = 0;
    'outer: for round in 0.. {
        let before = out.len();
        for line in &lines {
            if out.len() == n {
                break 'outer;
            }
            let body = if round == 0 {
                line.as_bytes().to_vec()
            } else {
                let mut v: serde_json::Value = match serde_json::from_str(line) {
                    Ok(v) => v,
                    Err(_) => continue,
                };
                let id = format!("{}#copy{round}", v["id"].as_str().unwrap_or("article"));
                v["id"] = serde_json::Value::String(id);
                copies += 1;
                serde_json::to_vec(&v).expect("JSON value serialises")
            };
            if let Expect::Events(ids) = expect_of(pipeline, &body, None) {
                if !ids.is_empty() {
                    out.push(Input {
                        label: "article".into(),
                        body,
                        encoding: None,
                        expect: Expect::Events(ids),
                    });
                }
            }
        }
        if out.len() == before {
            return Err(Error::Failed(format!(
                "{source} has no article with events"
            )));
        }
    }
    let what = if copies > 0 {
        format!("{source}, {copies} of them copies with rewritten ids")
    } else {
        source
    };
    Ok((out, what))
}

/// The `message_id` of input `i`.
pub fn input_key(i: usize) -> String {
    format!("in-{i}")
}

/// The input index of a message, from its `message_id` (kept by the
/// worker on dead letters).
pub fn input_index(props: &BasicProperties) -> Option<usize> {
    props
        .message_id()
        .as_ref()?
        .as_str()
        .strip_prefix("in-")?
        .parse()
        .ok()
}

/// Publishes the inputs (persistent, mandatory, confirmed, 256 confirms
/// outstanding at most) on a connection named `name`, at most
/// `per_second` if given, recording when each was confirmed.
pub async fn publish_inputs(
    url: String,
    name: String,
    exchange: String,
    inputs: Arc<Vec<Input>>,
    published: Arc<Mutex<Vec<Option<Instant>>>>,
    per_second: Option<u32>,
) -> Result<()> {
    let conn = connect(&url, &name).await?;
    let started = Instant::now();
    let ch = confirm_channel(&conn).await?;
    let mut window = ConfirmWindow::new(&ch, &exchange, "news.fault", 256)
        .confirm_timeout(Duration::from_secs(60));
    let confirmed = |i: usize| published.lock().expect("lock")[i] = Some(Instant::now());
    for (i, input) in inputs.iter().enumerate() {
        if let Some(rate) = per_second {
            let due = Duration::from_secs_f64(i as f64 / f64::from(rate.max(1)));
            if let Some(wait) = due.checked_sub(started.elapsed()) {
                tokio::time::sleep(wait).await;
            }
        }
        let mut props = BasicProperties::default()
            .with_content_type("application/json".into())
            .with_message_id(input_key(i).as_str().into());
        if let Some(encoding) = input.encoding {
            props = props.with_content_encoding(encoding.into());
        }
        if let Some(done) = window.publish(i, &input.body, props).await? {
            confirmed(done);
        }
    }
    while let Some(done) = window.settle_next().await? {
        confirmed(done);
    }
    let _ = conn.close(200, "OK".into()).await;
    Ok(())
}
