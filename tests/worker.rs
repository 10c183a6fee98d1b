//! End-to-end tests of `quotewire run` against a real RabbitMQ.
//!
//! They need a broker at `$AMQP_URL` (default
//! `amqp://guest:guest@127.0.0.1:5672/%2f`) and fail, never skip, when
//! there is none: start one with `scripts/ensure-rabbitmq.sh`. The
//! connection-kill test also needs `rabbitmqctl` on the PATH.
//!
//! Expected events are computed in-process with `Pipeline::english()` for
//! the same articles, so the checks stay exact whatever the pipeline
//! extracts.

mod common;

use common::*;
use lapin::types::{AMQPValue, FieldTable, LongString};
use lapin::BasicProperties;
use std::collections::BTreeMap;
use std::time::Duration;

const LONG: Duration = Duration::from_secs(60);
const SETTLE: Duration = Duration::from_millis(500);

fn plain() -> BasicProperties {
    BasicProperties::default().with_content_type("application/json".into())
}

fn expected_for(range: std::ops::Range<usize>) -> BTreeMap<String, Expected> {
    range.flat_map(|i| expected_events(&article(i))).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn articles_in_events_out_with_properties() {
    let names = Names::new("e2e");
    // Fails with how to start a broker when there is none.
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();

    let mut worker = Worker::spawn(&names, &[]);
    let addr = worker.http_addr().await;
    assert_eq!(http_get(&addr, "/healthz").await.0, 200);
    worker.wait_consuming().await;
    wait_metric_ready(&addr).await;

    // 19 plain articles and one gzip-compressed one.
    let mut messages: Vec<_> = (0..19).map(|i| (article(i), plain())).collect();
    messages.push((
        gzip(&article(19)),
        plain().with_content_encoding("gzip".into()),
    ));
    publish(&ch, &names.input_exchange, &messages).await;

    wait_metric(&addr, "quotewire_articles_acked_total", 20.0, LONG).await;
    wait_empty(&ch, &names.input_queue, LONG).await;
    let expected = expected_for(0..20);
    let events = take_all(&ch, &names.output_queue, expected.len(), LONG, SETTLE).await;
    check_events(&events, &expected, true);

    assert_eq!(
        metric(&addr, "quotewire_articles_consumed_total").await,
        20.0
    );
    assert_eq!(
        metric(&addr, "quotewire_statements_published_total").await,
        expected.len() as f64
    );
    assert_eq!(
        metric(&addr, "quotewire_pipeline_seconds_count").await,
        20.0
    );
    assert_eq!(worker.stop_cleanly().await, 20);
    assert_stays_empty(&ch, &names.input_queue, SETTLE * 2).await;
    assert_eq!(depth(&ch, &names.dead_queue).await, 0);
    assert!(
        !worker.logs().contains("guest:guest"),
        "the AMQP password leaked into the log"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn article_batches_hold_every_event_of_an_article() {
    let names = Names::new("batch");
    // Fails with how to start a broker when there is none.
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();
    let mut worker = Worker::spawn(&names, &[("QUOTEWIRE__OUTPUT__BATCH", "article")]);
    let addr = worker.http_addr().await;
    worker.wait_consuming().await;

    // Ten articles with statements and one without any.
    let mut messages: Vec<_> = (0..10).map(|i| (article(i), plain())).collect();
    let silent = serde_json::to_vec(&serde_json::json!({
        "id": "no-statements",
        "text": "The bridge reopened on Monday after a year of works.",
    }))
    .unwrap();
    assert!(expected_events(&silent).is_empty());
    messages.push((silent, plain()));
    publish(&ch, &names.input_exchange, &messages).await;

    wait_metric(&addr, "quotewire_articles_acked_total", 11.0, LONG).await;
    let batches = take_all(&ch, &names.output_queue, 10, LONG, SETTLE).await;
    assert_eq!(batches.len(), 10, "one message per article with statements");
    let mut statements = 0;
    for (i, d) in batches.iter().enumerate() {
        let p = &d.properties;
        let article_id = p
            .correlation_id()
            .as_ref()
            .expect("correlation_id")
            .as_str();
        let n: usize = article_id
            .strip_prefix("article-")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("unexpected article {article_id}"));
        let expected = expected_events(&article(n));
        assert!(!expected.is_empty());
        // Text order is event order in the pipeline's output.
        let article_body = article(n);
        let parsed =
            quotewire::Article::from_json(&article_body, &quotewire::ArticleLimits::default())
                .unwrap();
        let in_order: Vec<Vec<u8>> = quotewire::Pipeline::english()
            .events(&parsed)
            .unwrap()
            .iter()
            .map(|e| e.to_json())
            .collect();
        let mut want = b"[".to_vec();
        want.extend_from_slice(&in_order.join(&b","[..]));
        want.push(b']');
        assert_eq!(d.data, want, "batch {i}: the article's events, in order");
        assert_eq!(d.routing_key.as_str(), "statement.batch");
        assert_eq!(
            p.kind().as_ref().map(|s| s.as_str()),
            Some("statement.batch.v1")
        );
        let ids: Vec<String> = serde_json::from_slice::<Vec<serde_json::Value>>(&d.data)
            .unwrap()
            .iter()
            .map(|e| e["event_id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            p.message_id().as_ref().map(|s| s.as_str().to_string()),
            Some(quotewire::event::batch_id(ids.iter().map(String::as_str)))
        );
        assert_eq!(*p.delivery_mode(), Some(2), "persistent");
        assert_eq!(
            p.content_type().as_ref().map(|s| s.as_str()),
            Some("application/json")
        );
        assert_eq!(p.app_id().as_ref().map(|s| s.as_str()), Some("quotewire"));
        assert!(p.timestamp().is_some(), "timestamp");
        statements += ids.len();
    }
    assert_eq!(
        metric(&addr, "quotewire_statements_published_total").await,
        statements as f64
    );
    assert_eq!(worker.stop_cleanly().await, 11);
    assert_stays_empty(&ch, &names.input_queue, SETTLE * 2).await;
    assert_eq!(depth(&ch, &names.dead_queue).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn relay_mode_publishes_the_precomputed_events_instead_of_extracting() {
    let names = Names::new("relay");
    // Fails with how to start a broker when there is none.
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();

    // Precomputed events for articles 0..4 only, with a marker in every
    // body that the pipeline would never write, so relayed bytes are told
    // apart from extracted ones. Article 4 has no line: it gets no events.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.jsonl");
    let mut lines = String::new();
    let mut expected = BTreeMap::new();
    for i in 0..4 {
        for (id, mut e) in expected_events(&article(i)) {
            let mut value: serde_json::Value = serde_json::from_slice(&e.body).unwrap();
            value["relayed"] = serde_json::Value::Bool(true);
            e.body = serde_json::to_vec(&value).unwrap();
            lines.push_str(std::str::from_utf8(&e.body).unwrap());
            lines.push('\n');
            expected.insert(id, e);
        }
    }
    std::fs::write(&file, lines).unwrap();
    let mut worker = Worker::spawn_with_args(&names, &[], &["--relay", file.to_str().unwrap()]);
    let addr = worker.http_addr().await;
    worker.wait_consuming().await;
    assert_eq!(
        worker
            .log_events("Relay mode: publishing precomputed events, not extracting.")
            .len(),
        1
    );

    let messages: Vec<_> = (0..5).map(|i| (article(i), plain())).collect();
    publish(&ch, &names.input_exchange, &messages).await;
    wait_metric(&addr, "quotewire_articles_acked_total", 5.0, LONG).await;
    let events = take_all(&ch, &names.output_queue, expected.len(), LONG, SETTLE).await;
    check_events(&events, &expected, true);
    assert_eq!(worker.stop_cleanly().await, 5);
    assert_eq!(depth(&ch, &names.dead_queue).await, 0);
}

async fn wait_metric_ready(addr: &str) {
    let start = std::time::Instant::now();
    while http_get(addr, "/readyz").await.0 != 200 {
        assert!(start.elapsed() < LONG, "/readyz never became 200");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn poison_messages_are_dead_lettered_while_good_ones_flow() {
    let names = Names::new("poison");
    // Fails with how to start a broker when there is none.
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();
    let max = 8192usize;
    let max_str = max.to_string();
    let mut worker = Worker::spawn(
        &names,
        &[("QUOTEWIRE__PIPELINE__MAX_ARTICLE_BYTES", max_str.as_str())],
    );
    let addr = worker.http_addr().await;
    worker.wait_consuming().await;

    let big_text = "x".repeat(max);
    let poison: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        ("not_json", b"this is not JSON".to_vec(), None),
        ("not_utf8", b"\xff\xfe{\"id\":\"x\"}".to_vec(), None),
        (
            "missing_field",
            br#"{"text":"\"Hi,\" she said."}"#.to_vec(),
            None,
        ),
        ("empty_field", br#"{"id":"p","text":"   "}"#.to_vec(), None),
        ("wrong_type", br#"{"id":42,"text":"x"}"#.to_vec(), None),
        (
            "too_large",
            serde_json::to_vec(&serde_json::json!({"id": "big", "text": big_text})).unwrap(),
            None,
        ),
        ("too_large", gzip(&vec![b' '; 8 << 20]), Some("gzip")),
        (
            "unsupported_language",
            br#"{"id":"es","text":"\"Hola,\" dijo.","language":"es"}"#.to_vec(),
            None,
        ),
        ("bad_gzip", b"not gzip at all".to_vec(), Some("gzip")),
        ("unsupported_encoding", article(0), Some("br")),
    ];
    let mut messages = Vec::new();
    for (n, (_, body, encoding)) in poison.iter().enumerate() {
        let mut headers = FieldTable::default();
        headers.insert(
            "x-test-case".into(),
            AMQPValue::LongString(LongString::from(n.to_string())),
        );
        let mut props = plain()
            .with_message_id(format!("poison-{n}").as_str().into())
            .with_headers(headers);
        if let Some(enc) = encoding {
            props = props.with_content_encoding((*enc).into());
        }
        messages.push((body.clone(), props));
        // A good article after each bad one.
        messages.push((article(100 + n), plain()));
    }
    messages.push((
        gzip(&article(200)),
        plain().with_content_encoding("gzip".into()),
    ));
    publish(&ch, &names.input_exchange, &messages).await;

    let good = poison.len() + 1;
    wait_metric(&addr, "quotewire_articles_acked_total", good as f64, LONG).await;
    let dead = take_all(&ch, &names.dead_queue, poison.len(), LONG, SETTLE).await;
    assert_eq!(
        dead.len(),
        poison.len(),
        "each poison message dead-lettered once"
    );
    for d in &dead {
        let n: usize = header(&d.properties, "x-test-case")
            .expect("original headers kept")
            .parse()
            .unwrap();
        let (kind, body, encoding) = &poison[n];
        assert_eq!(
            header(&d.properties, "x-quotewire-error-kind").as_deref(),
            Some(*kind),
            "case {n}"
        );
        let reason = header(&d.properties, "x-quotewire-error").expect("reason header");
        assert!(!reason.trim().is_empty(), "case {n}: empty reason");
        assert_eq!(&d.data, body, "case {n}: original body");
        assert_eq!(
            d.properties.message_id().as_ref().map(|s| s.as_str()),
            Some(format!("poison-{n}").as_str()),
            "case {n}: original properties"
        );
        assert_eq!(
            d.properties.content_encoding().as_ref().map(|s| s.as_str()),
            *encoding,
            "case {n}: original content_encoding"
        );
    }
    assert_eq!(
        metric(
            &addr,
            "quotewire_articles_dead_lettered_total{kind=\"too_large\"}"
        )
        .await,
        2.0
    );
    assert_eq!(
        metric(
            &addr,
            "quotewire_articles_dead_lettered_total{kind=\"not_json\"}"
        )
        .await,
        1.0
    );

    // One log line per dead letter, inside the delivery's span.
    let logged = worker
        .wait_for_log("Article dead-lettered.", poison.len(), LONG)
        .await;
    for line in &logged {
        assert_eq!(line["span"]["name"], "delivery", "{line}");
        assert!(line["span"]["delivery_tag"].is_u64(), "{line}");
        assert!(line["fields"]["kind"].is_string(), "{line}");
    }
    assert!(
        logged
            .iter()
            .any(|l| l["span"]["article_id"] == "es"
                && l["fields"]["kind"] == "unsupported_language"),
        "the span carries the article id once it is known"
    );

    let mut expected = expected_for(100..100 + poison.len());
    expected.extend(expected_events(&article(200)));
    let events = take_all(&ch, &names.output_queue, expected.len(), LONG, SETTLE).await;
    check_events(&events, &expected, true);
    wait_empty(&ch, &names.input_queue, LONG).await;
    assert_eq!(
        worker.stop_cleanly().await,
        good as u64,
        "acked (not dead-lettered) articles"
    );
    assert_stays_empty(&ch, &names.input_queue, SETTLE * 2).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_connections_reconnect_and_lose_nothing() {
    let names = Names::new("kill");
    // Fails with how to start a broker when there is none.
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();
    let first = 300;
    let second = 100;
    let messages: Vec<_> = (0..first).map(|i| (article(i), plain())).collect();
    publish(&ch, &names.input_exchange, &messages).await;

    let mut worker = Worker::spawn(
        &names,
        &[
            ("QUOTEWIRE__INPUT__PREFETCH", "10"),
            ("QUOTEWIRE__WORKER__CONCURRENCY", "1"),
        ],
    );
    let addr = worker.http_addr().await;
    worker.wait_consuming().await;
    wait_metric(&addr, "quotewire_articles_acked_total", 20.0, LONG).await;

    let closed = close_connections_named(&format!("{}.consume", names.prefix))
        + close_connections_named(&format!("{}.publish", names.prefix));
    assert_eq!(closed, 2, "the worker's two connections");
    worker
        .wait_for_log(
            "Broker session lost; unacked articles will be redelivered. Reconnecting.",
            1,
            LONG,
        )
        .await;
    worker.wait_for_log("Consuming.", 2, LONG).await;
    assert!(metric(&addr, "quotewire_reconnects_total").await >= 1.0);

    let messages: Vec<_> = (first..first + second)
        .map(|i| (article(i), plain()))
        .collect();
    publish(&ch, &names.input_exchange, &messages).await;
    wait_empty(&ch, &names.input_queue, LONG).await;
    let acked = worker.stop_cleanly().await;
    assert!(
        acked >= (first + second) as u64,
        "acked {acked} of {} articles",
        first + second
    );
    assert_stays_empty(&ch, &names.input_queue, SETTLE * 2).await;
    assert_eq!(depth(&ch, &names.dead_queue).await, 0);

    // Events confirmed before the kill may come again (at-least-once); none is missing.
    let expected = expected_for(0..first + second);
    let events = take_all(&ch, &names.output_queue, expected.len(), LONG, SETTLE).await;
    check_events(&events, &expected, false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_drains_cleanly_and_loses_nothing() {
    let names = Names::new("sigterm");
    // Fails with how to start a broker when there is none.
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();
    let total = 1500;
    let messages: Vec<_> = (0..total).map(|i| (article(i), plain())).collect();
    publish(&ch, &names.input_exchange, &messages).await;

    let mut worker = Worker::spawn(
        &names,
        &[
            ("QUOTEWIRE__INPUT__PREFETCH", "20"),
            ("QUOTEWIRE__WORKER__CONCURRENCY", "1"),
        ],
    );
    let addr = worker.http_addr().await;
    wait_metric(&addr, "quotewire_articles_acked_total", 50.0, LONG).await;
    let acked_first = worker.stop_cleanly().await;
    assert!(acked_first >= 50);

    // Exactly the articles not acked are back in the queue.
    let left = total as u64 - acked_first;
    let start = std::time::Instant::now();
    while u64::from(depth(&ch, &names.input_queue).await) != left {
        assert!(
            start.elapsed() < LONG,
            "input queue holds {} messages, expected {left} (= {total} - {acked_first} acked)",
            depth(&ch, &names.input_queue).await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A restarted worker processes the rest.
    let mut again = Worker::spawn(&names, &[]);
    let addr = again.http_addr().await;
    wait_metric(&addr, "quotewire_articles_acked_total", left as f64, LONG).await;
    wait_empty(&ch, &names.input_queue, LONG).await;
    assert_eq!(again.stop_cleanly().await, left);
    assert_stays_empty(&ch, &names.input_queue, SETTLE * 2).await;

    let expected = expected_for(0..total);
    let events = take_all(&ch, &names.output_queue, expected.len(), LONG, SETTLE).await;
    check_events(&events, &expected, true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_share_one_queue() {
    let names = Names::new("compete");
    // Fails with how to start a broker when there is none.
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();
    let env = [("QUOTEWIRE__INPUT__PREFETCH", "5")];
    let mut a = Worker::spawn(&names, &env);
    let mut b = Worker::spawn(&names, &env);
    a.wait_consuming().await;
    b.wait_consuming().await;

    let total = 400;
    let messages: Vec<_> = (0..total).map(|i| (article(i), plain())).collect();
    publish(&ch, &names.input_exchange, &messages).await;
    let (addr_a, addr_b) = (a.http_addr().await, b.http_addr().await);
    let start = std::time::Instant::now();
    loop {
        let done = metric(&addr_a, "quotewire_articles_acked_total").await
            + metric(&addr_b, "quotewire_articles_acked_total").await;
        if done >= total as f64 {
            break;
        }
        assert!(start.elapsed() < LONG, "only {done} of {total} acked");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (acked_a, acked_b) = (a.stop_cleanly().await, b.stop_cleanly().await);
    assert_eq!(acked_a + acked_b, total as u64);
    assert!(
        acked_a > 0 && acked_b > 0,
        "work not shared: {acked_a} / {acked_b}"
    );
    assert_stays_empty(&ch, &names.input_queue, SETTLE * 2).await;

    let expected = expected_for(0..total);
    let events = take_all(&ch, &names.output_queue, expected.len(), LONG, SETTLE).await;
    check_events(&events, &expected, true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_config_fails_at_start_without_leaking_the_password() {
    let names = Names::new("badcfg");
    let mut worker = Worker::spawn(
        &names,
        &[
            ("QUOTEWIRE__AMQP__URL", "http://user:hunter2@127.0.0.1/"),
            ("QUOTEWIRE__INPUT__PREFETCH", "64"),
        ],
    );
    let status = worker.wait_exit(Duration::from_secs(20)).await;
    assert_eq!(status.code(), Some(2));
    let log = worker.logs();
    assert!(log.contains("amqp.url"), "{log}");
    assert!(!log.contains("hunter2"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consumer_cancelled_by_the_broker_is_restarted() {
    let names = Names::new("cancel");
    // Fails with how to start a broker when there is none.
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    names.declare_topology();
    let mut worker = Worker::spawn(&names, &[]);
    let addr = worker.http_addr().await;
    worker.wait_consuming().await;

    // Deleting the queue makes the broker cancel the consumer (basic.cancel).
    ch.queue_delete(
        names.input_queue.as_str().into(),
        lapin::options::QueueDeleteOptions::default(),
    )
    .await
    .expect("delete input queue");
    worker
        .wait_for_log(
            "Broker session lost; unacked articles will be redelivered. Reconnecting.",
            1,
            LONG,
        )
        .await;
    // The new session re-declares the topology, queue and binding included.
    worker.wait_for_log("Consuming.", 2, LONG).await;
    publish(&ch, &names.input_exchange, &[(article(1), plain())]).await;
    wait_metric(&addr, "quotewire_articles_acked_total", 1.0, LONG).await;
    let expected = expected_for(1..2);
    let events = take_all(&ch, &names.output_queue, expected.len(), LONG, SETTLE).await;
    check_events(&events, &expected, true);
    assert_eq!(worker.stop_cleanly().await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_returned_publish_is_retried_never_acked() {
    let names = Names::new("return");
    // The worker declares the topology (with no delivery limit).
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let mut worker = Worker::spawn(&names, &[("QUOTEWIRE__INPUT__DELIVERY_LIMIT", "0")]);
    let addr = worker.http_addr().await;
    worker.wait_consuming().await;

    // Without its queue the dead-letter exchange routes nowhere, so the
    // mandatory dead-letter publish comes back as returned.
    ch.queue_delete(
        names.dead_queue.as_str().into(),
        lapin::options::QueueDeleteOptions::default(),
    )
    .await
    .expect("delete dead-letter queue");
    publish(
        &ch,
        &names.input_exchange,
        &[(b"not json".to_vec(), plain())],
    )
    .await;
    wait_metric(
        &addr,
        "quotewire_articles_retried_total{reason=\"unconfirmed\"}",
        2.0,
        LONG,
    )
    .await;
    assert!(
        metric(
            &addr,
            "quotewire_confirms_failed_total{outcome=\"returned\"}"
        )
        .await
            >= 2.0
    );
    assert_eq!(
        metric(
            &addr,
            "quotewire_articles_dead_lettered_total{kind=\"not_json\"}"
        )
        .await,
        0.0,
        "not acked while the dead letter is not stored"
    );

    // Once the queue is back, the next attempt lands and the input is acked.
    ch.queue_declare(
        names.dead_queue.as_str().into(),
        lapin::options::QueueDeclareOptions {
            durable: true,
            ..Default::default()
        },
        FieldTable::default(),
    )
    .await
    .expect("re-declare dead-letter queue");
    ch.queue_bind(
        names.dead_queue.as_str().into(),
        names.dead_exchange.as_str().into(),
        "#".into(),
        lapin::options::QueueBindOptions::default(),
        FieldTable::default(),
    )
    .await
    .expect("bind");
    wait_metric(
        &addr,
        "quotewire_articles_dead_lettered_total{kind=\"not_json\"}",
        1.0,
        LONG,
    )
    .await;
    let dead = take_all(&ch, &names.dead_queue, 1, LONG, SETTLE).await;
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].data, b"not json");
    assert_eq!(
        header(&dead[0].properties, "x-quotewire-error-kind").as_deref(),
        Some("not_json")
    );
    worker.stop_cleanly().await;
    assert_stays_empty(&ch, &names.input_queue, SETTLE * 2).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_ready_without_a_broker_and_sigterm_still_exits_cleanly() {
    let names = Names::new("nobroker");
    // Port 1: nothing listens, so the worker keeps reconnecting.
    let mut worker = Worker::spawn(
        &names,
        &[(
            "QUOTEWIRE__AMQP__URL",
            "amqp://guest:s3cret@127.0.0.1:1/%2f",
        )],
    );
    let addr = worker.http_addr().await;
    worker
        .wait_for_log(
            "Cannot open a broker session on any node; retrying.",
            2,
            LONG,
        )
        .await;
    assert_eq!(http_get(&addr, "/healthz").await.0, 200);
    assert_eq!(http_get(&addr, "/readyz").await.0, 503);
    worker.terminate();
    let status = worker.wait_exit(LONG).await;
    assert_eq!(status.code(), Some(0), "{}", worker.logs());
    assert!(!worker.logs().contains("s3cret"), "password leaked");
}

/// `amqp.url` lists a node that refuses connections and one that accepts
/// TCP but never speaks AMQP before the real broker: `topology` and the
/// worker skip both (the silent one after `amqp.open_timeout_ms`), and the
/// log and metrics name the node in use, never with its credentials.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_url_list_skips_dead_and_silent_nodes_and_names_the_node_in_use() {
    let names = Names::new("urllist");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    // A port nothing listens on, and a listener that never answers.
    let refused = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let refused_port = refused.local_addr().unwrap().port();
    drop(refused);
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let real = amqp_url();
    let list = format!(
        "amqp://guest:guest@127.0.0.1:{refused_port}/%2f, amqp://guest:guest@127.0.0.1:{silent_port}/%2f, {real}"
    );
    let real_node = quotewire::settings::node_address(&real);
    let silent_node = format!("amqp://127.0.0.1:{silent_port}/%2f");
    let refused_node = format!("amqp://127.0.0.1:{refused_port}/%2f");
    let extra = [
        ("QUOTEWIRE__AMQP__URL", list.as_str()),
        ("QUOTEWIRE__AMQP__OPEN_TIMEOUT_MS", "1000"),
    ];

    let mut env = names.env();
    env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let topology = std::process::Command::new(env!("CARGO_BIN_EXE_quotewire"))
        .arg("topology")
        .env_clear()
        .envs(env)
        .output()
        .expect("run quotewire topology");
    let (out, err) = (
        String::from_utf8_lossy(&topology.stdout),
        String::from_utf8_lossy(&topology.stderr),
    );
    assert!(topology.status.success(), "{out}{err}");
    assert!(
        out.starts_with(&format!("declared on {real_node}:")),
        "{out}"
    );
    assert!(
        err.contains(&refused_node) && err.contains(&silent_node),
        "{err}"
    );

    let mut worker = Worker::spawn(&names, &extra);
    let addr = worker.http_addr().await;
    let consuming = worker.wait_for_log("Consuming.", 1, LONG).await;
    assert_eq!(consuming[0]["fields"]["node"], real_node.as_str());
    let node = |n: &str| format!("quotewire_broker_node{{node=\"{n}\"}}");
    let failures = |n: &str| format!("quotewire_broker_open_failures_total{{node=\"{n}\"}}");
    assert_eq!(metric(&addr, &node(&real_node)).await, 1.0);
    assert_eq!(metric(&addr, &node(&silent_node)).await, 0.0);
    assert_eq!(metric(&addr, &failures(&refused_node)).await, 1.0);
    assert_eq!(metric(&addr, &failures(&silent_node)).await, 1.0);

    publish(&ch, &names.input_exchange, &[(article(3), plain())]).await;
    wait_metric(&addr, "quotewire_articles_acked_total", 1.0, LONG).await;
    let expected = expected_for(3..4);
    let events = take_all(&ch, &names.output_queue, expected.len(), LONG, SETTLE).await;
    check_events(&events, &expected, true);
    assert_eq!(worker.stop_cleanly().await, 1);
    let log = worker.logs();
    assert!(log.contains("no session opened within 1s"), "{log}");
    assert!(
        !log.contains("guest:guest") && !log.contains("guest@"),
        "credentials leaked into the log:\n{log}"
    );
    drop(silent);
}
