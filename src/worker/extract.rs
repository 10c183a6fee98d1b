//! The extraction step of the worker, behind a trait.
//!
//! In production the worker runs the [`Pipeline`]. For the end-to-end
//! benchmark the same worker runs a [`Relay`] instead: it looks up
//! precomputed events by article id and publishes exactly those, so that
//! everything else (consume, decode, validate, publish with confirms, ack
//! after confirm) is the same code path and the difference in throughput is
//! the cost of extraction.

use crate::article::Article;
use crate::pipeline::{Pipeline, PipelineError};
use crate::transport::OutgoingEvent;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Turns a valid article into the events to publish.
pub trait Extract: Send + Sync {
    /// The article's events, in text order (possibly none).
    fn extract(&self, article: &Article) -> Result<Vec<OutgoingEvent>, PipelineError>;
}

impl Extract for Pipeline {
    fn extract(&self, article: &Article) -> Result<Vec<OutgoingEvent>, PipelineError> {
        self.events(article).map(|events| {
            events
                .iter()
                .map(|event| OutgoingEvent {
                    event_id: event.event_id.clone(),
                    routing_key: event.routing_key(),
                    body: event.to_json(),
                })
                .collect()
        })
    }
}

/// Why a relay file could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RelayError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line is not a statement event.
    #[error("{path}:{line}: not a statement event: {reason}")]
    BadLine {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        reason: String,
    },
}

/// The fields of an event line the relay needs.
#[derive(Deserialize)]
struct EventHead<'a> {
    #[serde(borrow)]
    event_id: Cow<'a, str>,
    #[serde(borrow)]
    kind: Cow<'a, str>,
    article: ArticleHead<'a>,
}

#[derive(Deserialize)]
struct ArticleHead<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
}

/// Precomputed events by article id: an extractor that only looks up.
///
/// Loaded from JSON lines of statement events, as written by
/// `quotewire extract`; each line is published byte for byte as read. An
/// article without lines in the file gets no events, like an article
/// without statements.
#[derive(Debug, Default)]
pub struct Relay {
    by_article: HashMap<String, Vec<OutgoingEvent>>,
    events: usize,
}

impl Relay {
    /// Loads the events in the file at `path`.
    pub fn load(path: &Path) -> Result<Relay, RelayError> {
        let io = |source| RelayError::Io {
            path: path.to_owned(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        Relay::from_reader(std::io::BufReader::new(file), path)
    }

    /// Loads the events in `reader`; `path` names it in errors.
    pub fn from_reader(mut reader: impl BufRead, path: &Path) -> Result<Relay, RelayError> {
        let mut relay = Relay::default();
        let mut line = Vec::new();
        let mut number = 0u64;
        loop {
            line.clear();
            let n = reader
                .read_until(b'\n', &mut line)
                .map_err(|source| RelayError::Io {
                    path: path.to_owned(),
                    source,
                })?;
            if n == 0 {
                return Ok(relay);
            }
            number += 1;
            while let [rest @ .., b'\n' | b'\r'] = line.as_slice() {
                line.truncate(rest.len());
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let head: EventHead<'_> =
                serde_json::from_slice(&line).map_err(|e| RelayError::BadLine {
                    path: path.to_owned(),
                    line: number,
                    reason: e.to_string(),
                })?;
            let event = OutgoingEvent {
                event_id: head.event_id.into_owned(),
                routing_key: format!("statement.{}", head.kind),
                body: line.clone(),
            };
            relay
                .by_article
                .entry(head.article.id.into_owned())
                .or_default()
                .push(event);
            relay.events += 1;
        }
    }

    /// Articles with at least one event.
    pub fn articles(&self) -> usize {
        self.by_article.len()
    }

    /// Events in all.
    pub fn events(&self) -> usize {
        self.events
    }
}

impl Extract for Relay {
    fn extract(&self, article: &Article) -> Result<Vec<OutgoingEvent>, PipelineError> {
        Ok(self
            .by_article
            .get(&article.id)
            .cloned()
            .unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleLimits;

    const TEXT: &str = "\"We will rebuild,\" Mayor Jane Roe said on Monday. \
                        \"It will take a year,\" Roe added.";

    fn article(id: &str) -> Article {
        let json = serde_json::json!({ "id": id, "text": TEXT }).to_string();
        Article::from_json(json.as_bytes(), &ArticleLimits::default()).unwrap()
    }

    #[test]
    fn a_relay_of_the_pipeline_output_publishes_exactly_the_same_events() {
        let pipeline = Pipeline::english();
        let mut file = Vec::new();
        for id in ["a1", "a2"] {
            for event in pipeline.events(&article(id)).unwrap() {
                file.extend_from_slice(&event.to_json());
                file.extend_from_slice(b"\r\n");
            }
            file.extend_from_slice(b"\n");
        }
        let relay = Relay::from_reader(&file[..], Path::new("mem")).unwrap();
        let expected = pipeline.extract(&article("a1")).unwrap();
        assert_eq!(expected.len(), 2, "two statements in the test article");
        assert_eq!(relay.articles(), 2);
        assert_eq!(relay.events(), 4);
        assert_eq!(relay.extract(&article("a1")).unwrap(), expected);
        assert_eq!(
            relay.extract(&article("a2")).unwrap(),
            pipeline.extract(&article("a2")).unwrap()
        );
        assert_eq!(relay.extract(&article("unknown")).unwrap(), vec![]);
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number() {
        let file = b"\n{\"event_id\":\"e\",\"kind\":\"direct\",\"article\":{\"id\":\"a\"}}\n{\"kind\":1}\n";
        match Relay::from_reader(&file[..], Path::new("events.jsonl")) {
            Err(RelayError::BadLine { line, path, .. }) => {
                assert_eq!(line, 3);
                assert_eq!(path, Path::new("events.jsonl"));
            }
            other => panic!("expected a bad line, got {other:?}"),
        }
        assert!(matches!(
            Relay::load(Path::new("/nonexistent/events.jsonl")),
            Err(RelayError::Io { .. })
        ));
    }
}
