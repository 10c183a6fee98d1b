//! Publishing messages with publisher confirms, and gzip bodies.

use crate::{Error, Result};
use lapin::options::BasicPublishOptions;
use lapin::{BasicProperties, Channel, PublisherConfirm};
use std::collections::VecDeque;
use std::io::Write;
use std::time::Duration;

/// Publishes persistent, `mandatory` messages on a confirm channel with at
/// most `window` confirms outstanding: a message is only done when the
/// broker acked it and did not return it as unroutable. Each message
/// carries a caller-given tag (an index) that says which one settled.
pub struct ConfirmWindow<'a> {
    channel: &'a Channel,
    exchange: String,
    routing_key: String,
    window: usize,
    confirm_timeout: Option<Duration>,
    outstanding: VecDeque<(usize, PublisherConfirm)>,
}

impl<'a> ConfirmWindow<'a> {
    /// A window of `window` (at least 1) outstanding confirms for messages
    /// to `exchange` with `routing_key`, on `channel` (in confirm mode, see
    /// [`crate::confirm_channel`]). Confirms are awaited without a bound
    /// unless [`ConfirmWindow::confirm_timeout`] sets one.
    pub fn new(
        channel: &'a Channel,
        exchange: &str,
        routing_key: &str,
        window: usize,
    ) -> ConfirmWindow<'a> {
        ConfirmWindow {
            channel,
            exchange: exchange.to_string(),
            routing_key: routing_key.to_string(),
            window: window.max(1),
            confirm_timeout: None,
            outstanding: VecDeque::new(),
        }
    }

    /// Fails a confirm that takes longer than `timeout`.
    pub fn confirm_timeout(mut self, timeout: Duration) -> ConfirmWindow<'a> {
        self.confirm_timeout = Some(timeout);
        self
    }

    /// Publishes `body` as message `tag` with `properties` made persistent.
    /// When the window is full it first waits for the oldest confirm and
    /// returns that message's tag.
    pub async fn publish(
        &mut self,
        tag: usize,
        body: &[u8],
        properties: BasicProperties,
    ) -> Result<Option<usize>> {
        let settled = if self.outstanding.len() >= self.window {
            self.settle_next().await?
        } else {
            None
        };
        let confirm = self
            .channel
            .basic_publish(
                self.exchange.as_str().into(),
                self.routing_key.as_str().into(),
                BasicPublishOptions {
                    mandatory: true,
                    ..BasicPublishOptions::default()
                },
                body,
                properties.with_delivery_mode(2),
            )
            .await?;
        self.outstanding.push_back((tag, confirm));
        Ok(settled)
    }

    /// Waits for the oldest outstanding confirm: the tag of its message, or
    /// `None` when nothing is outstanding. A nack or a return is an error.
    pub async fn settle_next(&mut self) -> Result<Option<usize>> {
        let Some((tag, confirm)) = self.outstanding.pop_front() else {
            return Ok(None);
        };
        let confirmation = match self.confirm_timeout {
            None => confirm.await?,
            Some(timeout) => tokio::time::timeout(timeout, confirm)
                .await
                .map_err(|_| Error::Timeout(timeout, format!("the confirm of message {tag}")))??,
        };
        if !confirmation.is_ack() {
            return Err(Error::Failed(format!(
                "message {tag} was nacked by the broker"
            )));
        }
        if confirmation.take_message().is_some() {
            return Err(Error::Failed(format!(
                "message {tag} was returned by the broker (unroutable: no queue bound?)"
            )));
        }
        Ok(Some(tag))
    }

    /// Waits for every outstanding confirm.
    pub async fn settle_all(&mut self) -> Result<()> {
        while self.settle_next().await?.is_some() {}
        Ok(())
    }
}

/// `data` as one gzip member at `level` (0 to 9).
pub fn gzip(data: &[u8], level: u32) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    enc.write_all(data).expect("write to memory");
    enc.finish().expect("finish gzip in memory")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn gzip_round_trips_at_every_level() {
        let data = b"a body that compresses, a body that compresses".repeat(20);
        for level in [0, 6, 9] {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&gzip(&data, level)[..])
                .read_to_end(&mut out)
                .unwrap();
            assert_eq!(out, data, "level {level}");
        }
        assert!(gzip(&data, 9).len() < data.len() / 4);
    }
}
