//! Publishing with confirms: statement events, article batches, dead
//! letters and archived articles.
//!
//! Every publish is persistent and `mandatory`. The confirms of one
//! article's events are pipelined: all events are handed to the client
//! first, then their confirms are awaited together, under one timeout. A
//! publish counts as done only if it was acked and not returned.
//!
//! With `output.batch = "article"` the worker publishes one
//! [`OutgoingBatch`] per article instead: a JSON array of the article's
//! events, in one message.
//!
//! An article whose text was extracted from its page is published first as
//! an [`OutgoingArticle`] (routing key `article.text`, type `article`), in
//! the same confirm group as its events: downstream gets the text the
//! events' offsets point into, before the events, and the input is acked
//! only when both are confirmed.
//!
//! Replay publishes archived articles one by one with
//! [`Publisher::publish_archived`], which returns a [`PendingConfirm`]
//! instead of waiting, so that the caller can keep a window of outstanding
//! confirms.

use super::consume::MessageProperties;
use super::TransportError;
use crate::article::{Article, RECORD_ROUTING_KEY, RECORD_TYPE};
use crate::event::{batch_id, BATCH_ROUTING_KEY, BATCH_TYPE, EVENT_TYPE};
use crate::settings::Settings;
use crate::text::truncate;
use lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Connection};
use lapin::{Confirmation, PublisherConfirm};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// AMQP `delivery_mode` of persistent messages.
const PERSISTENT: u8 = 2;

/// The `app_id` property of every message quotewire publishes.
pub const APP_ID: &str = "quotewire";

/// Header carrying the dead-letter error kind (`not_json`, `panic`, …).
pub const ERROR_KIND_HEADER: &str = "x-quotewire-error-kind";

/// Header carrying the human-readable dead-letter reason.
pub const ERROR_HEADER: &str = "x-quotewire-error";

/// Longest reason put in [`ERROR_HEADER`], in bytes.
const MAX_REASON_BYTES: usize = 4096;

/// One statement event, serialised and ready to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEvent {
    /// The event id, used as AMQP `message_id`.
    pub event_id: String,
    /// `statement.<kind>`.
    pub routing_key: String,
    /// The event JSON.
    pub body: Vec<u8>,
}

/// The article record of an article whose text was extracted from its
/// page: the article as JSON, published before its statement events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingArticle {
    /// [`Article::content_id`], used as AMQP `message_id`.
    pub message_id: String,
    /// [`Article::to_json`]: the input shape with `text` filled in.
    pub body: Vec<u8>,
}

impl OutgoingArticle {
    /// The record of `article`.
    pub fn of(article: &Article) -> OutgoingArticle {
        OutgoingArticle {
            message_id: article.content_id(),
            body: article.to_json(),
        }
    }
}

/// All statement events of one article as one message: a JSON array of the
/// event bodies, in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingBatch {
    /// [`batch_id`] of the events' ids, used as AMQP `message_id`.
    pub batch_id: String,
    /// [`BATCH_ROUTING_KEY`].
    pub routing_key: &'static str,
    /// `[event,event,...]`, each element byte for byte the event's own
    /// body.
    pub body: Vec<u8>,
    /// How many events the array holds.
    pub statements: usize,
}

impl OutgoingBatch {
    /// The batch of `events`, or `None` when there is none (an article
    /// without statements publishes nothing).
    pub fn from_events(events: &[OutgoingEvent]) -> Option<OutgoingBatch> {
        if events.is_empty() {
            return None;
        }
        let len = events.iter().map(|e| e.body.len() + 1).sum::<usize>() + 1;
        let mut body = Vec::with_capacity(len);
        body.push(b'[');
        for (i, event) in events.iter().enumerate() {
            if i > 0 {
                body.push(b',');
            }
            body.extend_from_slice(&event.body);
        }
        body.push(b']');
        Some(OutgoingBatch {
            batch_id: batch_id(events.iter().map(|e| e.event_id.as_str())),
            routing_key: BATCH_ROUTING_KEY,
            body,
            statements: events.len(),
        })
    }
}

/// A channel in confirm mode on the publish connection.
#[derive(Debug)]
pub struct Publisher {
    channel: Channel,
    output_exchange: String,
    dead_letter_exchange: String,
    confirm_timeout: Duration,
}

fn now_unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn mandatory() -> BasicPublishOptions {
    BasicPublishOptions {
        mandatory: true,
        ..BasicPublishOptions::default()
    }
}

/// The properties of an output message.
fn output_properties(
    message_id: &str,
    message_type: &str,
    timestamp: u64,
    correlation_id: &Option<ShortString>,
) -> BasicProperties {
    let properties = BasicProperties::default()
        .with_delivery_mode(PERSISTENT)
        .with_content_type("application/json".into())
        .with_message_id(message_id.into())
        .with_type(message_type.into())
        .with_timestamp(timestamp)
        .with_app_id(APP_ID.into());
    match correlation_id {
        Some(id) => properties.with_correlation_id(id.clone()),
        None => properties,
    }
}

/// An archived article to publish unchanged to an exchange.
#[derive(Debug, Clone, Copy)]
pub struct ArchivedMessage<'a> {
    /// Target exchange.
    pub exchange: &'a str,
    /// Routing key.
    pub routing_key: &'a str,
    /// The article JSON, as archived.
    pub body: &'a [u8],
    /// AMQP `message_id`, stable for the same article.
    pub message_id: &'a str,
    /// String headers to add, in order.
    pub headers: &'a [(&'a str, &'a str)],
}

/// How the broker settled one publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmOutcome {
    /// Acked and routed to at least one queue.
    Acked,
    /// Nacked by the broker.
    Nacked,
    /// Returned as unroutable (`mandatory`), whether then acked or nacked.
    Returned,
}

/// The confirm of one publish, not yet awaited.
#[derive(Debug)]
pub struct PendingConfirm {
    confirm: PublisherConfirm,
    timeout: Duration,
}

impl PendingConfirm {
    /// Waits for the broker's confirm, at most the publisher's confirm
    /// timeout ([`TransportError::ConfirmTimeout`] after that).
    pub async fn outcome(self) -> Result<ConfirmOutcome, TransportError> {
        let confirmation = tokio::time::timeout(self.timeout, self.confirm)
            .await
            .map_err(|_| TransportError::ConfirmTimeout(self.timeout))??;
        Ok(match confirmation {
            Confirmation::Ack(None) => ConfirmOutcome::Acked,
            Confirmation::Ack(Some(_)) | Confirmation::Nack(Some(_)) => ConfirmOutcome::Returned,
            // NotRequested cannot be a success on a confirm-mode channel.
            Confirmation::Nack(None) | Confirmation::NotRequested => ConfirmOutcome::Nacked,
        })
    }
}

impl Publisher {
    /// Opens a channel on `conn` and puts it in confirm mode.
    pub async fn open(conn: &Connection, settings: &Settings) -> Result<Publisher, TransportError> {
        let channel = conn.create_channel().await?;
        channel
            .confirm_select(ConfirmSelectOptions::default())
            .await?;
        Ok(Publisher {
            channel,
            output_exchange: settings.output.exchange.clone(),
            dead_letter_exchange: settings.dead_letter.exchange.clone(),
            confirm_timeout: settings.amqp.confirm_timeout(),
        })
    }

    /// True while the channel is open.
    pub fn is_live(&self) -> bool {
        self.channel.status().connected()
    }

    /// Publishes the events of one article to the output exchange, after
    /// its article record if it has one, and waits until the broker has
    /// confirmed all of them.
    ///
    /// Properties: persistent, `content_type` application/json,
    /// `message_id` = event id, `type` = `statement.v1`, `correlation_id` =
    /// the article id, `timestamp`, `app_id` quotewire. The article record
    /// has routing key `article.text`, `type` = `article` and `message_id`
    /// = its [`OutgoingArticle::message_id`].
    pub async fn publish_events(
        &self,
        article_id: &str,
        article: Option<&OutgoingArticle>,
        events: &[OutgoingEvent],
    ) -> Result<(), TransportError> {
        let timestamp = now_unix_seconds();
        let correlation_id = ShortString::try_new(article_id).ok();
        let mut confirms = Vec::with_capacity(events.len() + 1);
        if let Some(article) = article {
            confirms.push(
                self.send_article(article, timestamp, &correlation_id)
                    .await?,
            );
        }
        for event in events {
            let properties =
                output_properties(&event.event_id, EVENT_TYPE, timestamp, &correlation_id);
            confirms.push(
                self.send(&event.routing_key, &event.body, properties)
                    .await?,
            );
        }
        self.await_confirms(confirms).await
    }

    /// Publishes all events of one article as one message to the output
    /// exchange, after its article record if it has one, and waits for the
    /// confirms. An article without events publishes only its record, or
    /// nothing.
    ///
    /// Properties as for [`Publisher::publish_events`], except `message_id`
    /// = the batch id and `type` = `statement.batch.v1`.
    pub async fn publish_batch(
        &self,
        article_id: &str,
        article: Option<&OutgoingArticle>,
        batch: Option<&OutgoingBatch>,
    ) -> Result<(), TransportError> {
        let timestamp = now_unix_seconds();
        let correlation_id = ShortString::try_new(article_id).ok();
        let mut confirms = Vec::with_capacity(2);
        if let Some(article) = article {
            confirms.push(
                self.send_article(article, timestamp, &correlation_id)
                    .await?,
            );
        }
        if let Some(batch) = batch {
            let properties =
                output_properties(&batch.batch_id, BATCH_TYPE, timestamp, &correlation_id);
            confirms.push(
                self.send(batch.routing_key, &batch.body, properties)
                    .await?,
            );
        }
        self.await_confirms(confirms).await
    }

    async fn send_article(
        &self,
        article: &OutgoingArticle,
        timestamp: u64,
        correlation_id: &Option<ShortString>,
    ) -> Result<PublisherConfirm, TransportError> {
        let properties =
            output_properties(&article.message_id, RECORD_TYPE, timestamp, correlation_id);
        self.send(RECORD_ROUTING_KEY, &article.body, properties)
            .await
    }

    /// Hands one output message to the client, `mandatory`.
    async fn send(
        &self,
        routing_key: &str,
        body: &[u8],
        properties: BasicProperties,
    ) -> Result<PublisherConfirm, TransportError> {
        Ok(self
            .channel
            .basic_publish(
                self.output_exchange.as_str().into(),
                routing_key.into(),
                mandatory(),
                body,
                properties,
            )
            .await?)
    }

    /// Hands one archived article to the client and returns its pending
    /// confirm without waiting for it.
    ///
    /// Properties: persistent, `content_type` application/json,
    /// `message_id` as given, `timestamp`, `app_id` quotewire, and the
    /// given string headers. `mandatory`, so an unroutable article comes
    /// back as [`ConfirmOutcome::Returned`].
    pub async fn publish_archived(
        &self,
        message: &ArchivedMessage<'_>,
    ) -> Result<PendingConfirm, TransportError> {
        let mut headers = FieldTable::default();
        for (key, value) in message.headers {
            headers.insert(
                ShortString::from(*key),
                AMQPValue::LongString(LongString::from(*value)),
            );
        }
        let properties = BasicProperties::default()
            .with_delivery_mode(PERSISTENT)
            .with_content_type("application/json".into())
            .with_message_id(message.message_id.into())
            .with_timestamp(now_unix_seconds())
            .with_app_id(APP_ID.into())
            .with_headers(headers);
        let confirm = self
            .channel
            .basic_publish(
                message.exchange.into(),
                message.routing_key.into(),
                mandatory(),
                message.body,
                properties,
            )
            .await?;
        Ok(PendingConfirm {
            confirm,
            timeout: self.confirm_timeout,
        })
    }

    /// Publishes an input message unchanged (body and properties) to the
    /// dead-letter exchange, with its routing key, adding the
    /// [`ERROR_KIND_HEADER`] and [`ERROR_HEADER`] headers, and waits for
    /// the confirm.
    pub async fn publish_dead_letter(
        &self,
        routing_key: &str,
        body: &[u8],
        properties: &MessageProperties,
        kind: &str,
        reason: &str,
    ) -> Result<(), TransportError> {
        let mut headers = properties.0.headers().clone().unwrap_or_default();
        headers.insert(
            ERROR_KIND_HEADER.into(),
            AMQPValue::LongString(LongString::from(kind)),
        );
        headers.insert(
            ERROR_HEADER.into(),
            AMQPValue::LongString(LongString::from(truncate(reason, MAX_REASON_BYTES))),
        );
        let mut props = properties.0.clone().with_headers(headers);
        if props.delivery_mode().is_none() {
            props = props.with_delivery_mode(PERSISTENT);
        }
        let confirm = self
            .channel
            .basic_publish(
                self.dead_letter_exchange.as_str().into(),
                routing_key.into(),
                mandatory(),
                body,
                props,
            )
            .await?;
        self.await_confirms(vec![confirm]).await
    }

    async fn await_confirms(&self, confirms: Vec<PublisherConfirm>) -> Result<(), TransportError> {
        let all = futures_util::future::join_all(confirms);
        let results = tokio::time::timeout(self.confirm_timeout, all)
            .await
            .map_err(|_| TransportError::ConfirmTimeout(self.confirm_timeout))?;
        let (mut nacked, mut returned) = (0, 0);
        for result in results {
            match result? {
                Confirmation::Ack(None) => {}
                Confirmation::Ack(Some(_)) => returned += 1,
                Confirmation::Nack(Some(_)) => {
                    nacked += 1;
                    returned += 1;
                }
                Confirmation::Nack(None) => nacked += 1,
                // confirm_select ran on this channel, so this cannot be a
                // success: treat it as a nack rather than trusting it.
                Confirmation::NotRequested => nacked += 1,
            }
        }
        if nacked > 0 || returned > 0 {
            return Err(TransportError::Unconfirmed { nacked, returned });
        }
        Ok(())
    }

    /// Closes the channel after waiting (bounded) for outstanding confirms.
    pub async fn close(&self) {
        if self.channel.status().connected() {
            let _ = tokio::time::timeout(Duration::from_secs(5), async {
                let _ = self.channel.wait_for_confirms().await;
                let _ = self.channel.close(200, "OK".into()).await;
            })
            .await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, body: &str) -> OutgoingEvent {
        OutgoingEvent {
            event_id: id.into(),
            routing_key: "statement.direct".into(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_batch_is_a_json_array_of_the_event_bodies() {
        assert_eq!(OutgoingBatch::from_events(&[]), None);
        let events = [
            event("e1", r#"{"event_id":"e1","n":1}"#),
            event("e2", r#"{"event_id":"e2","n":[2]}"#),
        ];
        let batch = OutgoingBatch::from_events(&events).unwrap();
        assert_eq!(batch.statements, 2);
        assert_eq!(batch.routing_key, "statement.batch");
        assert_eq!(batch.batch_id, batch_id(["e1", "e2"]));
        assert_eq!(
            batch.body,
            br#"[{"event_id":"e1","n":1},{"event_id":"e2","n":[2]}]"#
        );
        let parsed: Vec<serde_json::Value> = serde_json::from_slice(&batch.body).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[1]["n"][0], 2);

        let one = OutgoingBatch::from_events(&events[..1]).unwrap();
        assert_eq!(one.body, br#"[{"event_id":"e1","n":1}]"#);
        assert_ne!(one.batch_id, batch.batch_id);
    }
}
