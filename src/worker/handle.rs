//! One delivery, from bytes to a [`Disposition`].
//!
//! The synchronous half ([`process`]) decodes the body (gzip with a size
//! cap), validates the article (extracting it from its page when the body
//! has `html` instead of `text`) and runs the pipeline under
//! `catch_unwind`; it runs on the blocking pool. Its [`Processed`] result maps to a
//! [`Disposition`]: bad input of any kind is dead-lettered with its reason,
//! good input is published and then acked, and publish failures that may
//! pass (nack, return, timeout) are retried.

use super::extract::Extract;
use crate::article::{Article, ArticleLimits, TextSource};
use crate::pipeline::PipelineError;
use crate::transport::{OutgoingArticle, OutgoingEvent, TransportError};
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Dead-letter kind of a panic inside the pipeline.
pub const KIND_PANIC: &str = "panic";

/// Dead-letter kind of a body whose `content_encoding` is not supported.
pub const KIND_UNSUPPORTED_ENCODING: &str = "unsupported_encoding";

/// Dead-letter kind of a body that claims gzip but does not decompress.
pub const KIND_BAD_GZIP: &str = "bad_gzip";

/// Retry kind when the blocking pipeline task itself failed.
pub const RETRY_PIPELINE_TASK: &str = "pipeline_task";

/// What to do with an input message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disposition {
    /// Every event was confirmed: ack the input.
    Ack,
    /// The input can never succeed: publish it to the dead-letter exchange
    /// with this kind and reason, then ack it.
    DeadLetter {
        /// Stable snake_case error kind (`not_json`, `panic`, …).
        kind: &'static str,
        /// Human-readable reason.
        reason: String,
    },
    /// A failure that may pass: do not ack; requeue the input.
    Retry {
        /// Stable snake_case cause, for metrics (`unconfirmed`,
        /// `confirm_timeout`, `pipeline_task`, …).
        kind: &'static str,
        /// Why, for logs.
        reason: String,
    },
}

/// The result of the synchronous half of handling a delivery.
#[derive(Debug, Clone, PartialEq)]
pub enum Processed {
    /// The article is valid; these events must be published.
    Events {
        /// The article id.
        article_id: String,
        /// The article record to publish before the events, when the text
        /// was extracted from the article's page.
        article: Option<OutgoingArticle>,
        /// Its events, in text order (possibly none).
        events: Vec<OutgoingEvent>,
    },
    /// The input is bad: it must be dead-lettered.
    Rejected {
        /// The article id, if the body got that far.
        article_id: Option<String>,
        /// Stable snake_case error kind.
        kind: &'static str,
        /// Human-readable reason.
        reason: String,
    },
}

impl Processed {
    /// The article id, if known.
    pub fn article_id(&self) -> Option<&str> {
        match self {
            Processed::Events { article_id, .. } => Some(article_id),
            Processed::Rejected { article_id, .. } => article_id.as_deref(),
        }
    }

    /// The disposition when nothing needs to be published (rejections), or
    /// `None` when the events must be published first.
    pub fn disposition_before_publish(&self) -> Option<Disposition> {
        match self {
            Processed::Events { .. } => None,
            Processed::Rejected { kind, reason, .. } => Some(Disposition::DeadLetter {
                kind,
                reason: reason.clone(),
            }),
        }
    }
}

/// The disposition after trying to publish an article's events.
pub fn disposition_after_publish(result: &Result<(), TransportError>) -> Disposition {
    match result {
        Ok(()) => Disposition::Ack,
        Err(error) => Disposition::Retry {
            kind: error.kind(),
            reason: error.to_string(),
        },
    }
}

/// A bad body, before it is an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Stable snake_case error kind.
    pub kind: &'static str,
    /// Human-readable reason.
    pub reason: String,
}

/// Undoes `content_encoding`: none/identity as is, gzip decompressed with
/// at most `max_bytes` of output (more is `too_large`, found without
/// inflating the rest).
pub fn decode_body<'a>(
    body: &'a [u8],
    content_encoding: Option<&str>,
    max_bytes: usize,
) -> Result<std::borrow::Cow<'a, [u8]>, Rejection> {
    let encoding = content_encoding.map(str::trim).unwrap_or("");
    if encoding.is_empty() || encoding.eq_ignore_ascii_case("identity") {
        return Ok(std::borrow::Cow::Borrowed(body));
    }
    if !(encoding.eq_ignore_ascii_case("gzip") || encoding.eq_ignore_ascii_case("x-gzip")) {
        return Err(Rejection {
            kind: KIND_UNSUPPORTED_ENCODING,
            reason: format!("content_encoding `{encoding}` is not supported (use gzip or none)"),
        });
    }
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut out = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(body);
    if let Err(e) = decoder.take(limit).read_to_end(&mut out) {
        return Err(Rejection {
            kind: KIND_BAD_GZIP,
            reason: format!("content_encoding is gzip but the body does not decompress: {e}"),
        });
    }
    if out.len() > max_bytes {
        return Err(Rejection {
            kind: crate::article::ArticleErrorKind::TooLarge.as_str(),
            reason: format!("gzip body decompresses to more than the limit of {max_bytes} bytes"),
        });
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// Decodes, validates and extracts one message with the given extractor
/// (the [`Pipeline`](crate::Pipeline) in production).
pub fn process(
    extractor: &dyn Extract,
    body: &[u8],
    content_encoding: Option<&str>,
    limits: &ArticleLimits,
) -> Processed {
    process_with(body, content_encoding, limits, |article| {
        extractor.extract(article)
    })
}

/// [`process`] with any extractor in place of the pipeline. A panic in
/// `extract` is caught and becomes a [`KIND_PANIC`] rejection.
pub fn process_with<F>(
    body: &[u8],
    content_encoding: Option<&str>,
    limits: &ArticleLimits,
    extract: F,
) -> Processed
where
    F: FnOnce(&Article) -> Result<Vec<OutgoingEvent>, PipelineError>,
{
    let body = match decode_body(body, content_encoding, limits.max_body_bytes()) {
        Ok(body) => body,
        Err(Rejection { kind, reason }) => {
            return Processed::Rejected {
                article_id: None,
                kind,
                reason,
            }
        }
    };
    let decoded = catch_unwind(AssertUnwindSafe(|| Article::from_json(&body, limits)));
    let article = match decoded {
        Ok(Ok(article)) => article,
        Ok(Err(error)) => {
            return Processed::Rejected {
                article_id: None,
                kind: error.kind().as_str(),
                reason: error.to_string(),
            }
        }
        Err(payload) => {
            return Processed::Rejected {
                reason: format!(
                    "decoding the article panicked: {}",
                    panic_message(&*payload)
                ),
                kind: KIND_PANIC,
                article_id: None,
            }
        }
    };
    match catch_unwind(AssertUnwindSafe(|| extract(&article))) {
        Ok(Ok(events)) => Processed::Events {
            article: (article.text_source == TextSource::Html)
                .then(|| OutgoingArticle::of(&article)),
            article_id: article.id,
            events,
        },
        Ok(Err(error)) => Processed::Rejected {
            kind: error.kind(),
            reason: error.to_string(),
            article_id: Some(article.id),
        },
        Err(payload) => Processed::Rejected {
            reason: format!("the pipeline panicked: {}", panic_message(&*payload)),
            kind: KIND_PANIC,
            article_id: Some(article.id),
        },
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;
    use flate2::write::GzEncoder;
    use std::io::Write;

    const GOOD: &[u8] =
        br#"{"id":"a1","text":"\"We will rebuild the bridge,\" Mayor Jane Roe said on Monday."}"#;

    fn limits(max_bytes: usize) -> ArticleLimits {
        ArticleLimits {
            max_bytes,
            ..ArticleLimits::default()
        }
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn rejected_kind(p: &Processed) -> &'static str {
        match p {
            Processed::Rejected { kind, .. } => kind,
            other => panic!("expected a rejection, got {other:?}"),
        }
    }

    #[test]
    fn bad_input_maps_to_dead_letter_with_its_kind() {
        let pipeline = Pipeline::english();
        let cases: &[(&[u8], &str)] = &[
            (b"not json", "not_json"),
            (b"\xff\xfe{}", "not_utf8"),
            (br#"{"text":"x"}"#, "missing_field"),
            (br#"{"id":"a","text":"  "}"#, "empty_field"),
            (br#"{"id":5,"text":"x"}"#, "wrong_type"),
            (br#"["id"]"#, "wrong_type"),
            (
                br#"{"id":"a","text":"hi","language":"xx"}"#,
                "unsupported_language",
            ),
        ];
        for (body, kind) in cases {
            let p = process(&pipeline, body, None, &limits(1 << 20));
            assert_eq!(
                rejected_kind(&p),
                *kind,
                "{}",
                String::from_utf8_lossy(body)
            );
            match p.disposition_before_publish() {
                Some(Disposition::DeadLetter { kind: k, reason }) => {
                    assert_eq!(k, *kind);
                    assert!(!reason.is_empty());
                }
                other => panic!("expected DeadLetter, got {other:?}"),
            }
        }
        let p = process(&pipeline, GOOD, None, &limits(10));
        assert_eq!(rejected_kind(&p), "too_large");
    }

    #[test]
    fn good_input_is_published_with_the_pipeline_events() {
        let pipeline = Pipeline::english();
        let article = Article::from_json(GOOD, &limits(1 << 20)).unwrap();
        let expected: Vec<_> = pipeline
            .events(&article)
            .unwrap()
            .iter()
            .map(|e| (e.event_id.clone(), e.routing_key(), e.to_json()))
            .collect();
        match process(&pipeline, GOOD, None, &limits(1 << 20)) {
            Processed::Events {
                article_id,
                article,
                events,
            } => {
                assert_eq!(article_id, "a1");
                assert_eq!(article, None, "a text article has no article record");
                let got: Vec<_> = events
                    .into_iter()
                    .map(|e| (e.event_id, e.routing_key, e.body))
                    .collect();
                assert_eq!(got, expected);
            }
            other => panic!("expected events, got {other:?}"),
        }
    }

    const PAGE: &str = "<html><head><title>Bridge</title></head><body>\
        <nav><a href=/>Home</a></nav><article>\
        <p>\"We will rebuild the bridge,\" Mayor Jane Roe said on Monday.</p>\
        <p>The works start in May, the mayor said.</p></article></body></html>";

    fn html_message(id: &str, html: &str) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({"id": id, "html": html})).unwrap()
    }

    #[test]
    fn an_html_article_publishes_its_record_before_its_events() {
        let pipeline = Pipeline::english();
        let p = process(&pipeline, &html_message("h1", PAGE), None, &limits(1 << 20));
        let Processed::Events {
            article_id,
            article: Some(record),
            events,
        } = p
        else {
            panic!("expected events and an article record, got {p:?}");
        };
        assert_eq!(article_id, "h1");
        let extracted = Article::from_json(&record.body, &limits(1 << 20)).unwrap();
        assert_eq!(record.message_id, extracted.content_id());
        assert_eq!(
            extracted.text,
            "\"We will rebuild the bridge,\" Mayor Jane Roe said on Monday.\n\n\
             The works start in May, the mayor said."
        );
        // The events are those of the extracted text: their offsets slice it.
        let expected = pipeline.extract(&extracted).unwrap();
        assert_eq!(events, expected);
        assert_eq!(events.len(), 2);
        // Deterministic: the same page gives the same ids.
        let again = process(&pipeline, &html_message("h1", PAGE), None, &limits(1 << 20));
        match again {
            Processed::Events { article, .. } => assert_eq!(article, Some(record)),
            other => panic!("expected events, got {other:?}"),
        }
    }

    #[test]
    fn bad_pages_are_dead_lettered_with_their_kind() {
        let pipeline = Pipeline::english();
        let fifty_mb = format!(
            "<html><body><p>{}</p></body></html>",
            "word ".repeat(10 << 20)
        );
        let deep = "<div>".repeat(50_000);
        let cases: [(&str, &str); 5] = [
            ("", "empty_field"),
            ("\0\u{1}\u{2}binary\0", "not_html"),
            (&fifty_mb, "too_large"),
            (&deep, "too_deep"),
            (
                "<html><body><nav><a href=/>Home</a></nav></body></html>",
                "no_article",
            ),
        ];
        for (html, kind) in cases {
            let p = process(
                &pipeline,
                &html_message("bad", html),
                None,
                &ArticleLimits::default(),
            );
            assert_eq!(rejected_kind(&p), kind, "{}", &html[..html.len().min(60)]);
            match p.disposition_before_publish() {
                Some(Disposition::DeadLetter { reason, .. }) => assert!(!reason.is_empty()),
                other => panic!("expected DeadLetter, got {other:?}"),
            }
        }
        // Broken markup is still a page: its text is the article.
        let broken = "<div><p><b>Roe said it <i>would open</div></p><td>";
        match process(
            &pipeline,
            &html_message("b", broken),
            None,
            &limits(1 << 20),
        ) {
            Processed::Events {
                article: Some(record),
                ..
            } => {
                let a = Article::from_json(&record.body, &limits(1 << 20)).unwrap();
                assert_eq!(a.text, "Roe said it would open");
            }
            other => panic!("expected events, got {other:?}"),
        }
    }

    #[test]
    fn a_panic_in_the_pipeline_is_dead_lettered() {
        let p = process_with(GOOD, None, &limits(1 << 20), |_| panic!("boom at offset 3"));
        assert_eq!(p.article_id(), Some("a1"));
        match p.disposition_before_publish() {
            Some(Disposition::DeadLetter { kind, reason }) => {
                assert_eq!(kind, KIND_PANIC);
                assert!(reason.contains("boom at offset 3"), "{reason}");
            }
            other => panic!("expected DeadLetter, got {other:?}"),
        }
    }

    #[test]
    fn gzip_bodies_are_decoded_and_bombs_rejected_as_too_large() {
        let pipeline = Pipeline::english();
        let p = process(&pipeline, &gzip(GOOD), Some("gzip"), &limits(1 << 20));
        assert!(matches!(p, Processed::Events { .. }), "{p:?}");

        // 64 MiB of zeros compress to ~64 KiB; only limit+1 bytes are inflated.
        let bomb = gzip(&vec![b' '; 64 << 20]);
        assert!(bomb.len() < 1 << 20);
        let p = process(&pipeline, &bomb, Some("gzip"), &limits(1 << 20));
        assert_eq!(rejected_kind(&p), "too_large");

        let p = process(
            &pipeline,
            b"plainly not gzip",
            Some("gzip"),
            &limits(1 << 20),
        );
        assert_eq!(rejected_kind(&p), KIND_BAD_GZIP);
        let p = process(&pipeline, GOOD, Some("br"), &limits(1 << 20));
        assert_eq!(rejected_kind(&p), KIND_UNSUPPORTED_ENCODING);
        let p = process(&pipeline, GOOD, Some("identity"), &limits(1 << 20));
        assert!(matches!(p, Processed::Events { .. }), "{p:?}");
    }

    #[test]
    fn publish_results_map_to_ack_or_retry() {
        assert_eq!(disposition_after_publish(&Ok(())), Disposition::Ack);
        for error in [
            TransportError::Unconfirmed {
                nacked: 1,
                returned: 0,
            },
            TransportError::Unconfirmed {
                nacked: 0,
                returned: 2,
            },
            TransportError::ConfirmTimeout(std::time::Duration::from_secs(1)),
            TransportError::AckLost,
        ] {
            assert!(
                matches!(
                    disposition_after_publish(&Err(error)),
                    Disposition::Retry { .. }
                ),
                "every publish failure is retried, never acked"
            );
        }
    }
}
