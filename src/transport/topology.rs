//! The broker objects quotewire needs, declared identically everywhere.
//!
//! Declaring is idempotent as long as the arguments match; a mismatch (for
//! example a classic queue re-declared as quorum) is a channel error that
//! names the queue, reported by [`Topology::declare`].

use super::TransportError;
use crate::settings::{ExchangeType, QueueType, Settings};
use lapin::options::{ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable, LongString};
use lapin::{Channel, ExchangeKind};
use std::fmt;

/// A durable exchange to declare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeSpec {
    /// Exchange name.
    pub name: String,
    /// Exchange type.
    pub kind: ExchangeType,
}

/// A durable queue to declare and bind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueSpec {
    /// Queue name.
    pub name: String,
    /// Quorum or classic; `x-queue-type` is sent for quorum only, classic
    /// being the broker's default.
    pub queue_type: QueueType,
    /// `x-delivery-limit`, if any.
    pub delivery_limit: Option<u32>,
    /// `x-dead-letter-exchange`, if any.
    pub dead_letter_exchange: Option<String>,
    /// The exchange it is bound to.
    pub bound_to: String,
    /// The binding key.
    pub binding_key: String,
}

/// Everything `quotewire run` and `quotewire topology` declare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topology {
    /// Exchanges, in declaration order.
    pub exchanges: Vec<ExchangeSpec>,
    /// Queues with their bindings, in declaration order.
    pub queues: Vec<QueueSpec>,
}

impl Topology {
    /// The topology described by `settings`: dead-letter exchange and
    /// queue, input exchange and queue (dead-lettering to the former),
    /// output exchange and, unless switched off, output queue.
    pub fn from_settings(settings: &Settings) -> Topology {
        let dl = &settings.dead_letter;
        let input = &settings.input;
        let output = &settings.output;
        let exchanges = vec![
            ExchangeSpec {
                name: dl.exchange.clone(),
                kind: dl.exchange_type,
            },
            ExchangeSpec {
                name: input.exchange.clone(),
                kind: input.exchange_type,
            },
            ExchangeSpec {
                name: output.exchange.clone(),
                kind: output.exchange_type,
            },
        ];
        let mut queues = vec![
            QueueSpec {
                name: dl.queue.clone(),
                queue_type: dl.queue_type,
                delivery_limit: None,
                dead_letter_exchange: None,
                bound_to: dl.exchange.clone(),
                binding_key: dl.binding_key.clone(),
            },
            QueueSpec {
                name: input.queue.clone(),
                queue_type: input.queue_type,
                delivery_limit: match input.queue_type {
                    QueueType::Quorum if input.delivery_limit > 0 => Some(input.delivery_limit),
                    _ => None,
                },
                dead_letter_exchange: Some(dl.exchange.clone()),
                bound_to: input.exchange.clone(),
                binding_key: input.binding_key.clone(),
            },
        ];
        if output.declare_queue {
            queues.push(QueueSpec {
                name: output.queue.clone(),
                queue_type: output.queue_type,
                delivery_limit: None,
                dead_letter_exchange: None,
                bound_to: output.exchange.clone(),
                binding_key: output.binding_key.clone(),
            });
        }
        Topology { exchanges, queues }
    }

    /// Declares every exchange, queue and binding on `channel`.
    pub async fn declare(&self, channel: &Channel) -> Result<(), TransportError> {
        for exchange in &self.exchanges {
            let kind = match exchange.kind {
                ExchangeType::Topic => ExchangeKind::Topic,
                ExchangeType::Direct => ExchangeKind::Direct,
                ExchangeType::Fanout => ExchangeKind::Fanout,
            };
            channel
                .exchange_declare(
                    exchange.name.as_str().into(),
                    kind,
                    ExchangeDeclareOptions {
                        durable: true,
                        ..ExchangeDeclareOptions::default()
                    },
                    FieldTable::default(),
                )
                .await?;
        }
        for queue in &self.queues {
            channel
                .queue_declare(
                    queue.name.as_str().into(),
                    QueueDeclareOptions {
                        durable: true,
                        ..QueueDeclareOptions::default()
                    },
                    queue.arguments(),
                )
                .await?;
            channel
                .queue_bind(
                    queue.name.as_str().into(),
                    queue.bound_to.as_str().into(),
                    queue.binding_key.as_str().into(),
                    QueueBindOptions::default(),
                    FieldTable::default(),
                )
                .await?;
        }
        Ok(())
    }
}

impl QueueSpec {
    fn arguments(&self) -> FieldTable {
        let mut args = FieldTable::default();
        if self.queue_type == QueueType::Quorum {
            args.insert(
                "x-queue-type".into(),
                AMQPValue::LongString(LongString::from(QueueType::Quorum.as_str())),
            );
        }
        if let Some(limit) = self.delivery_limit {
            args.insert(
                "x-delivery-limit".into(),
                AMQPValue::LongLongInt(i64::from(limit)),
            );
        }
        if let Some(dlx) = &self.dead_letter_exchange {
            args.insert(
                "x-dead-letter-exchange".into(),
                AMQPValue::LongString(LongString::from(dlx.as_str())),
            );
        }
        args
    }
}

impl fmt::Display for Topology {
    /// One line per object, as printed by `quotewire topology`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.exchanges {
            writeln!(f, "exchange {} type={} durable", e.name, e.kind.as_str())?;
        }
        for q in &self.queues {
            write!(f, "queue {} durable type={}", q.name, q.queue_type.as_str())?;
            if let Some(limit) = q.delivery_limit {
                write!(f, " x-delivery-limit={limit}")?;
            }
            if let Some(dlx) = &q.dead_letter_exchange {
                write!(f, " x-dead-letter-exchange={dlx}")?;
            }
            writeln!(f, " bound to {} with {:?}", q.bound_to, q.binding_key)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(env: &[(&str, &str)]) -> Settings {
        let env = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::load_from(None, Some(env)).unwrap()
    }

    #[test]
    fn default_topology_has_quorum_input_with_limit_and_dlx() {
        let t = Topology::from_settings(&settings(&[]));
        let input = t.queues.iter().find(|q| q.name == "articles").unwrap();
        assert_eq!(input.queue_type, QueueType::Quorum);
        assert!(input.arguments().contains_key("x-queue-type"));
        assert_eq!(input.delivery_limit, Some(5));
        assert_eq!(input.dead_letter_exchange.as_deref(), Some("articles.dead"));
        assert_eq!(input.bound_to, "articles");
        assert_eq!(input.binding_key, "#");
        let args = input.arguments();
        assert_eq!(
            args.inner().get("x-delivery-limit"),
            Some(&AMQPValue::LongLongInt(5))
        );
        assert!(t
            .queues
            .iter()
            .any(|q| q.name == "statements" && q.bound_to == "statements"));
        assert!(t
            .queues
            .iter()
            .any(|q| q.name == "articles.dead" && q.bound_to == "articles.dead"));
        let text = t.to_string();
        assert!(
            text.contains("exchange statements type=topic durable"),
            "{text}"
        );
    }

    #[test]
    fn classic_input_has_no_delivery_limit_and_output_queue_can_be_off() {
        let t = Topology::from_settings(&settings(&[
            ("QUOTEWIRE__INPUT__QUEUE_TYPE", "classic"),
            ("QUOTEWIRE__OUTPUT__DECLARE_QUEUE", "false"),
        ]));
        let input = t.queues.iter().find(|q| q.name == "articles").unwrap();
        assert_eq!(input.delivery_limit, None);
        assert!(!input.arguments().contains_key("x-delivery-limit"));
        assert!(!input.arguments().contains_key("x-queue-type"));
        assert_eq!(
            input.arguments().inner().get("x-dead-letter-exchange"),
            Some(&AMQPValue::LongString(LongString::from("articles.dead")))
        );
        assert!(t.queues.iter().all(|q| q.name != "statements"));
        assert_eq!(t.exchanges.len(), 3);
    }
}
