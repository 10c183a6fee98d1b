//! `quotewire run` on raw HTML articles, against a real RabbitMQ.
//!
//! Pages go in as `{"id", "html"}` messages; for each, the worker publishes
//! the extracted article record (`article.text`, type `article`) and then
//! the statement events, whose offsets slice the record's text. Bad pages
//! are dead-lettered with their reason. Needs a broker like
//! `tests/worker.rs` (start one with `scripts/ensure-rabbitmq.sh`).

mod common;

use common::*;
use lapin::message::Delivery;
use lapin::BasicProperties;
use quotewire::{Article, ArticleLimits};
use std::collections::BTreeMap;
use std::time::Duration;

const LONG: Duration = Duration::from_secs(60);
const SETTLE: Duration = Duration::from_millis(500);

fn plain() -> BasicProperties {
    BasicProperties::default().with_content_type("application/json".into())
}

fn message(id: &str, html: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({ "id": id, "html": html })).unwrap()
}

/// The sample pages of `samples/pages/` as messages `page-1`, `page-2`, ….
fn sample_pages() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/pages");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let id = format!("page-{}", i + 1);
            let body = message(&id, &std::fs::read_to_string(path).unwrap());
            (id, body)
        })
        .collect()
}

fn kind(d: &Delivery) -> Option<&str> {
    d.properties.kind().as_ref().map(|s| s.as_str())
}

fn correlation(d: &Delivery) -> &str {
    d.properties
        .correlation_id()
        .as_ref()
        .expect("correlation_id")
        .as_str()
}

/// `text[start..end]` in code points.
fn slice(text: &str, span: &serde_json::Value) -> String {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    text.chars().skip(start).take(end - start).collect()
}

/// Checks the article records among `out`: for each page, its first
/// message is its record, and every copy of the record (a page published
/// twice is processed twice) is the same, with the same id; returns the
/// records by article id.
fn check_records(out: &[Delivery], pages: &[(String, Vec<u8>)]) -> BTreeMap<String, Article> {
    let mut records = BTreeMap::new();
    for (id, body) in pages {
        let mine: Vec<(usize, &Delivery)> = out
            .iter()
            .enumerate()
            .filter(|(_, d)| correlation(d) == id)
            .collect();
        let (first, record) = mine[0];
        assert_eq!(
            kind(record),
            Some("article"),
            "{id}: the record comes first"
        );
        assert_eq!(record.routing_key.as_str(), "article.text");
        assert!(mine.iter().all(|(i, _)| *i >= first));
        for (_, copy) in mine.iter().filter(|(_, d)| kind(d) == Some("article")) {
            assert_eq!(copy.data, record.data, "{id}: the same record each time");
            assert_eq!(copy.properties.message_id(), record.properties.message_id());
        }
        let article = Article::from_json(&record.data, &ArticleLimits::default()).unwrap();
        let p = &record.properties;
        assert_eq!(
            p.message_id().as_ref().map(|s| s.as_str()),
            Some(article.content_id().as_str()),
            "{id}: deterministic message_id"
        );
        assert_eq!(*p.delivery_mode(), Some(2), "persistent");
        assert_eq!(
            p.content_type().as_ref().map(|s| s.as_str()),
            Some("application/json")
        );
        // The same record as decoding the page in-process gives.
        let in_process = Article::from_json(body, &ArticleLimits::default()).unwrap();
        assert_eq!(record.data, in_process.to_json(), "{id}: record body");
        records.insert(id.clone(), article);
    }
    records
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_in_article_text_and_events_out_bad_pages_dead_lettered() {
    let names = Names::new("html");
    // Fails with how to start a broker when there is none.
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();
    let mut worker = Worker::spawn(&names, &[]);
    let addr = worker.http_addr().await;
    worker.wait_consuming().await;

    let pages = sample_pages();
    assert!(pages.len() >= 2);
    let mut messages: Vec<_> = pages.iter().map(|(_, b)| (b.clone(), plain())).collect();
    // The first page once more, gzip-compressed, as a redelivery would be.
    messages.push((
        gzip(&pages[0].1),
        plain().with_content_encoding("gzip".into()),
    ));
    // A text article: events only, no record.
    messages.push((article(7), plain()));
    let bad = [
        ("empty", String::new(), "empty_field"),
        ("binary", "\0\u{1}\u{2}\u{3}PNG\0\0".repeat(100), "not_html"),
        (
            "huge",
            format!("<p>{}</p>", "word ".repeat(2 << 20)),
            "too_large",
        ),
        ("deep", "<div>".repeat(20_000), "too_deep"),
        (
            "no-article",
            "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav></body></html>".into(),
            "no_article",
        ),
    ];
    for (id, html, _) in &bad {
        messages.push((message(id, html), plain()));
    }
    publish(&ch, &names.input_exchange, &messages).await;
    let good = (messages.len() - bad.len()) as f64;
    wait_metric(&addr, "quotewire_articles_acked_total", good, LONG).await;
    wait_empty(&ch, &names.input_queue, LONG).await;

    let out = take_all(&ch, &names.output_queue, 1, LONG, SETTLE).await;
    let records = check_records(&out, &pages);
    for (id, article) in &records {
        assert!(article.byline.is_some() && article.title.is_some(), "{id}");
    }
    // Events: exactly those of the extracted texts (and of the text
    // article), each at least once (page 1 came twice), slicing the record.
    let mut expected = expected_events(&article(7));
    for article in records.values() {
        expected.extend(expected_events(&article.to_json()));
    }
    let (record_messages, events): (Vec<Delivery>, Vec<Delivery>) =
        out.into_iter().partition(|d| kind(d) == Some("article"));
    check_events(&events, &expected, false);
    assert_eq!(
        record_messages.len(),
        pages.len() + 1,
        "one record per HTML message (page 1 twice), none for the text article"
    );
    let mut sliced = 0;
    for d in &events {
        let event: serde_json::Value = serde_json::from_slice(&d.data).unwrap();
        let Some(record) = records.get(event["article"]["id"].as_str().unwrap()) else {
            continue;
        };
        for span in [
            &event["content"],
            &event["cue"],
            &event["speaker"]["mention"],
        ] {
            if !span.is_null() {
                assert_eq!(slice(&record.text, span), span["text"].as_str().unwrap());
                sliced += 1;
            }
        }
    }
    assert!(sliced > 20, "{sliced} spans checked");

    let dead = take_all(&ch, &names.dead_queue, bad.len(), LONG, SETTLE).await;
    assert_eq!(dead.len(), bad.len());
    for (id, html, kind) in &bad {
        let d = dead
            .iter()
            .find(|d| d.data == message(id, html))
            .unwrap_or_else(|| panic!("{id} was not dead-lettered unchanged"));
        let p = &d.properties;
        assert_eq!(
            header(p, "x-quotewire-error-kind").as_deref(),
            Some(*kind),
            "{id}"
        );
        assert!(header(p, "x-quotewire-error").is_some_and(|r| !r.is_empty()));
    }
    worker.stop_cleanly().await;
    assert_stays_empty(&ch, &names.input_queue, SETTLE).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_article_batches_the_record_precedes_the_batch() {
    let names = Names::new("html-batch");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();
    let mut worker = Worker::spawn(&names, &[("QUOTEWIRE__OUTPUT__BATCH", "article")]);
    let addr = worker.http_addr().await;
    worker.wait_consuming().await;

    let pages = sample_pages();
    // A page without statements publishes its record only.
    let quiet = (
        "quiet".to_string(),
        message(
            "quiet",
            "<html><body><article><p>The bridge reopened on Monday after a year of works.</p>\
             <p>Traffic was light in the morning.</p></article></body></html>",
        ),
    );
    let all: Vec<_> = pages.iter().chain([&quiet]).cloned().collect();
    let messages: Vec<_> = all.iter().map(|(_, b)| (b.clone(), plain())).collect();
    publish(&ch, &names.input_exchange, &messages).await;
    wait_metric(
        &addr,
        "quotewire_articles_acked_total",
        messages.len() as f64,
        LONG,
    )
    .await;

    let out = take_all(&ch, &names.output_queue, 1, LONG, SETTLE).await;
    let records = check_records(&out, &all);
    assert!(records["quiet"].text.starts_with("The bridge reopened"));
    for (id, _) in &pages {
        let batches: Vec<&Delivery> = out
            .iter()
            .filter(|d| correlation(d) == id && kind(d) == Some("statement.batch.v1"))
            .collect();
        assert_eq!(batches.len(), 1, "{id}: one batch after its record");
        let events: Vec<serde_json::Value> = serde_json::from_slice(&batches[0].data).unwrap();
        assert_eq!(events.len(), expected_events(&records[id].to_json()).len());
    }
    assert_eq!(out.len(), all.len() + pages.len(), "records + batches");
    worker.stop_cleanly().await;
}
