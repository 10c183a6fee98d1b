//! Consuming the input queue: prefetch-bounded, manual acks.

use super::TransportError;
use crate::settings::Settings;
use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicCancelOptions, BasicConsumeOptions, BasicNackOptions, BasicQosOptions,
};
use lapin::types::FieldTable;
use lapin::Acker;
use lapin::{BasicProperties, Channel, Connection, Consumer};

/// The consumer of the input queue on its own channel.
pub struct Inbox {
    channel: Channel,
    consumer: Consumer,
}

impl std::fmt::Debug for Inbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inbox")
            .field("queue", &self.consumer.queue().as_str())
            .field("tag", &self.consumer.tag().as_str())
            .finish()
    }
}

/// The AMQP properties of an input message, kept opaque so that a
/// dead-lettered copy carries them unchanged.
#[derive(Debug, Clone)]
pub struct MessageProperties(pub(crate) BasicProperties);

impl MessageProperties {
    /// The `content_encoding` property, if set.
    pub fn content_encoding(&self) -> Option<&str> {
        self.0.content_encoding().as_ref().map(|s| s.as_str())
    }

    /// The `message_id` property, if set.
    pub fn message_id(&self) -> Option<&str> {
        self.0.message_id().as_ref().map(|s| s.as_str())
    }
}

/// One delivery from the input queue.
#[derive(Debug)]
pub struct Incoming {
    /// The delivery tag on the consume channel.
    pub delivery_tag: u64,
    /// Whether the broker delivered it before.
    pub redelivered: bool,
    /// The routing key it was published with.
    pub routing_key: String,
    /// The body as received (possibly gzip-compressed).
    pub body: Vec<u8>,
    /// Its AMQP properties.
    pub properties: MessageProperties,
    /// Acks or requeues this delivery.
    pub acker: InputAcker,
}

/// Settles one delivery, exactly once, on the channel it came from.
#[derive(Debug)]
pub struct InputAcker(Acker);

impl InputAcker {
    /// Acks the delivery. Fails with [`TransportError::AckLost`] when the
    /// channel is gone (lapin then returns `Ok(false)`): the broker will
    /// redeliver the message.
    pub async fn ack(self) -> Result<(), TransportError> {
        match self.0.ack(BasicAckOptions::default()).await? {
            true => Ok(()),
            false => Err(TransportError::AckLost),
        }
    }

    /// Returns the delivery to the queue (`basic.nack` with requeue). On a
    /// quorum queue this counts towards the delivery limit.
    pub async fn requeue(self) -> Result<(), TransportError> {
        let options = BasicNackOptions {
            requeue: true,
            ..BasicNackOptions::default()
        };
        match self.0.nack(options).await? {
            true => Ok(()),
            false => Err(TransportError::AckLost),
        }
    }
}

impl Inbox {
    /// Opens a channel on `conn`, sets the prefetch (per consumer) and
    /// starts consuming the input queue with manual acks.
    pub async fn open(conn: &Connection, settings: &Settings) -> Result<Inbox, TransportError> {
        let channel = conn.create_channel().await?;
        channel
            .basic_qos(settings.input.prefetch, BasicQosOptions { global: false })
            .await?;
        let consumer = channel
            .basic_consume(
                settings.input.queue.as_str().into(),
                "".into(),
                BasicConsumeOptions::default(),
                FieldTable::default(),
            )
            .await?;
        Ok(Inbox { channel, consumer })
    }

    /// The next delivery. `None` or an error means the consumer is over
    /// (cancelled by the broker, channel or connection closed).
    pub async fn next(&mut self) -> Option<Result<Incoming, TransportError>> {
        let delivery = match self.consumer.next().await? {
            Ok(delivery) => delivery,
            Err(error) => return Some(Err(error.into())),
        };
        Some(Ok(Incoming {
            delivery_tag: delivery.delivery_tag,
            redelivered: delivery.redelivered,
            routing_key: delivery.routing_key.as_str().to_string(),
            body: delivery.data,
            properties: MessageProperties(delivery.properties),
            acker: InputAcker(delivery.acker),
        }))
    }

    /// Stops the broker from sending more deliveries (`basic.cancel`);
    /// deliveries already received can still be acked.
    pub async fn cancel(&self) -> Result<(), TransportError> {
        self.channel
            .basic_cancel(self.consumer.tag(), BasicCancelOptions::default())
            .await?;
        Ok(())
    }

    /// True while the consume channel is open.
    pub fn is_live(&self) -> bool {
        self.channel.status().connected()
    }

    /// Closes the channel; unacked deliveries go back to the queue.
    pub async fn close(&self) {
        if self.channel.status().connected() {
            let _ = tokio::time::timeout(
                std::time::Duration::from_secs(5),
                self.channel.close(200, "OK".into()),
            )
            .await;
        }
    }
}
