//! The transport's publisher against a real RabbitMQ, independent of what
//! the pipeline extracts: event properties, pipelined confirms, and
//! returned (unroutable) events reported as failures, never dropped.
//!
//! Needs a broker at `$AMQP_URL`; start one with `scripts/ensure-rabbitmq.sh`.

mod common;

use common::*;
use quotewire::settings::Settings;
use quotewire::transport::{Node, OutgoingEvent, Session, TransportError};
use std::time::Duration;

fn settings(names: &Names, extra: &[(&str, &str)]) -> Settings {
    let mut env: std::collections::HashMap<String, String> = names.env().into_iter().collect();
    env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Settings::load_from(None, Some(env)).expect("test settings")
}

fn events(n: usize) -> Vec<OutgoingEvent> {
    (0..n)
        .map(|i| OutgoingEvent {
            event_id: format!("{i:032x}"),
            routing_key: if i % 2 == 0 {
                "statement.direct"
            } else {
                "statement.indirect"
            }
            .into(),
            body: format!("{{\"event_id\":\"{i:032x}\"}}").into_bytes(),
        })
        .collect()
}

async fn open(settings: &Settings) -> Session {
    let node = Node::new(&settings.amqp.url.as_slice()[0]);
    tokio::time::timeout(Duration::from_secs(20), Session::open(settings, &node))
        .await
        .expect("session open timed out")
        .unwrap_or_else(|e| panic!("{BROKER_HELP} ({e})"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_are_published_persistent_with_their_properties() {
    let names = Names::new("publish");
    let settings = settings(&names, &[]);
    let session = open(&settings).await;
    let sent = events(50);
    session
        .publisher
        .publish_events("article-7", None, &sent)
        .await
        .expect("all confirmed");
    session.close().await;

    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let got = take_all(
        &ch,
        &names.output_queue,
        sent.len(),
        Duration::from_secs(30),
        Duration::from_millis(300),
    )
    .await;
    assert_eq!(got.len(), sent.len());
    for (d, e) in got.iter().zip(&sent) {
        let p = &d.properties;
        assert_eq!(
            p.message_id().as_ref().unwrap().as_str(),
            e.event_id,
            "order and id"
        );
        assert_eq!(d.routing_key.as_str(), e.routing_key);
        assert_eq!(d.data, e.body);
        assert_eq!(
            p.content_type().as_ref().unwrap().as_str(),
            "application/json"
        );
        assert_eq!(
            p.kind().as_ref().unwrap().as_str(),
            quotewire::event::EVENT_TYPE
        );
        assert_eq!(p.correlation_id().as_ref().unwrap().as_str(), "article-7");
        assert_eq!(p.app_id().as_ref().unwrap().as_str(), "quotewire");
        assert_eq!(*p.delivery_mode(), Some(2));
        assert!(p.timestamp().is_some());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unroutable_events_are_reported_as_returned() {
    let names = Names::new("returned");
    // No output queue: nothing is bound to the output exchange.
    let settings = settings(&names, &[("QUOTEWIRE__OUTPUT__DECLARE_QUEUE", "false")]);
    let session = open(&settings).await;
    let result = session
        .publisher
        .publish_events("article-1", None, &events(3))
        .await;
    match result {
        Err(TransportError::Unconfirmed {
            nacked: 0,
            returned: 3,
        }) => {}
        other => panic!("expected 3 returned publishes, got {other:?}"),
    }
    assert!(
        session.publisher.is_live(),
        "a return does not break the channel"
    );
    session.close().await;
}
