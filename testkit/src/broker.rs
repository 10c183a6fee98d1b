//! Connections, queues and message headers on the broker.

use crate::{Error, Result};
use lapin::options::{ConfirmSelectOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties};
use std::time::Duration;

/// The broker URL when `$AMQP_URL` is not set.
pub const DEFAULT_AMQP_URL: &str = "amqp://guest:guest@127.0.0.1:5672/%2f";

/// How to get a broker when none answers.
pub const BROKER_HELP: &str = "no RabbitMQ broker answers at $AMQP_URL \
     (default amqp://guest:guest@127.0.0.1:5672/%2f). Start one with \
     `scripts/ensure-rabbitmq.sh`, or point AMQP_URL at a broker.";

/// The longest wait for a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// `$AMQP_URL`, or [`DEFAULT_AMQP_URL`].
pub fn amqp_url() -> String {
    std::env::var("AMQP_URL").unwrap_or_else(|_| DEFAULT_AMQP_URL.into())
}

/// A connection named `name` (as `rabbitmqctl list_connections` shows it),
/// within 10 s.
pub async fn connect(url: &str, name: &str) -> Result<Connection> {
    let props = ConnectionProperties::default().with_connection_name(name.into());
    match tokio::time::timeout(CONNECT_TIMEOUT, Connection::connect(url, props)).await {
        Ok(conn) => Ok(conn?),
        Err(_) => Err(Error::Timeout(
            CONNECT_TIMEOUT,
            format!("connecting to the broker as {name}"),
        )),
    }
}

/// A new channel on `conn` in publisher-confirm mode.
pub async fn confirm_channel(conn: &Connection) -> Result<Channel> {
    let ch = conn.create_channel().await?;
    ch.confirm_select(ConfirmSelectOptions::default()).await?;
    Ok(ch)
}

/// What a passive declare tells about a queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueState {
    /// Ready messages (not delivered, or delivered and requeued).
    pub messages: u32,
    /// Active consumers.
    pub consumers: u32,
}

/// The state of `queue` (passive declare: fails if it does not exist).
pub async fn queue_state(ch: &Channel, queue: &str) -> Result<QueueState> {
    let q = ch
        .queue_declare(
            queue.into(),
            QueueDeclareOptions {
                passive: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await?;
    Ok(QueueState {
        messages: q.message_count(),
        consumers: q.consumer_count(),
    })
}

/// Ready messages in `queue`.
pub async fn queue_depth(ch: &Channel, queue: &str) -> Result<u32> {
    Ok(queue_state(ch, queue).await?.messages)
}

/// Ready messages in `queue`, asked on a short connection of its own named
/// `connection_name` (for callers whose connections may have been cut).
pub async fn queue_depth_at(url: &str, connection_name: &str, queue: &str) -> Result<u32> {
    let conn = connect(url, connection_name).await?;
    let ch = conn.create_channel().await?;
    let depth = queue_depth(&ch, queue).await;
    let _ = conn.close(200, "OK".into()).await;
    depth
}

/// The value of header `key` as text (strings as they are, other types in
/// their debug form), if present.
pub fn header(props: &BasicProperties, key: &str) -> Option<String> {
    props.headers().as_ref()?.inner().get(key).map(text)
}

/// The reason (`rejected`, `expired`, `maxlen`, `delivery_limit`) of the
/// first `x-death` entry: why the broker itself dead-lettered a message.
pub fn x_death_reason(props: &BasicProperties) -> Option<String> {
    let AMQPValue::FieldArray(deaths) = props.headers().as_ref()?.inner().get("x-death")? else {
        return None;
    };
    let AMQPValue::FieldTable(first) = deaths.as_slice().first()? else {
        return None;
    };
    first.inner().get("reason").map(text)
}

fn text(value: &AMQPValue) -> String {
    match value {
        AMQPValue::LongString(s) => s.to_string(),
        AMQPValue::ShortString(s) => s.as_str().to_string(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lapin::types::{FieldArray, LongString};

    #[test]
    fn headers_read_as_text_and_x_death_gives_the_first_reason() {
        let mut death = FieldTable::default();
        death.insert("reason".into(), AMQPValue::LongString("maxlen".into()));
        let mut later = FieldTable::default();
        later.insert("reason".into(), AMQPValue::LongString("expired".into()));
        let mut headers = FieldTable::default();
        headers.insert(
            "x-quotewire-error-kind".into(),
            AMQPValue::LongString(LongString::from("not_json")),
        );
        headers.insert("x-count".into(), AMQPValue::LongInt(3));
        headers.insert(
            "x-death".into(),
            AMQPValue::FieldArray(FieldArray::from(vec![
                AMQPValue::FieldTable(death),
                AMQPValue::FieldTable(later),
            ])),
        );
        let props = BasicProperties::default().with_headers(headers);
        assert_eq!(
            header(&props, "x-quotewire-error-kind").as_deref(),
            Some("not_json")
        );
        assert_eq!(header(&props, "x-count").as_deref(), Some("LongInt(3)"));
        assert_eq!(header(&props, "absent"), None);
        assert_eq!(x_death_reason(&props).as_deref(), Some("maxlen"));
        assert_eq!(x_death_reason(&BasicProperties::default()), None);
    }
}
