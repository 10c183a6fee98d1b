//! The broker side: the only module that uses lapin.
//!
//! A [`Session`] is one attempt at talking to the broker: two connections
//! (consuming and publishing are kept apart, so that a publisher blocked by
//! a resource alarm cannot stall acks), the declared topology, an
//! [`Inbox`] consuming the input queue and a [`Publisher`] in confirm mode.
//! When anything in a session fails the worker drops the whole session and
//! opens a new one; lapin's own auto-recovery is not used.
//!
//! Sessions open on one broker [`Node`]; [`Brokers`] holds the nodes of
//! `amqp.url` and fails over through them (see [`brokers`]).

pub mod brokers;
pub mod consume;
pub mod publish;
pub mod topology;

pub use brokers::{Brokers, Node};
pub use consume::{Inbox, Incoming, InputAcker, MessageProperties};
pub use publish::{
    ArchivedMessage, ConfirmOutcome, OutgoingArticle, OutgoingBatch, OutgoingEvent, PendingConfirm,
    Publisher,
};
pub use topology::Topology;

use crate::settings::Settings;
use futures_util::stream::{self, BoxStream, StreamExt};
use lapin::{Connection, ConnectionProperties};
use std::time::Duration;

/// A failure talking to the broker.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TransportError {
    /// A connection, channel or protocol error reported by the client.
    #[error("AMQP error: {0}")]
    Amqp(#[from] lapin::Error),
    /// Some publishes were nacked by the broker or returned as unroutable.
    #[error("{nacked} publish(es) nacked and {returned} returned by the broker")]
    Unconfirmed {
        /// Publishes the broker nacked.
        nacked: usize,
        /// Publishes returned as unroutable (`mandatory`).
        returned: usize,
    },
    /// The broker did not confirm in time (e.g. the connection is blocked).
    #[error("no publisher confirm within {0:?}")]
    ConfirmTimeout(Duration),
    /// An ack or nack could not be sent: its channel is gone, so the broker
    /// will redeliver the message.
    #[error("the acknowledgement was not sent: the delivery's channel is closed")]
    AckLost,
    /// The consumer ended: cancelled by the broker or its channel closed.
    #[error("the consumer was cancelled or its channel closed")]
    ConsumerEnded,
    /// Opening a session on one node took longer than `amqp.open_timeout_ms`.
    #[error("no session opened within {0:?}")]
    OpenTimeout(Duration),
    /// No node of `amqp.url` could be used: each node's failure, by
    /// address (no credentials).
    #[error("no broker node could be used: {0}")]
    NoBroker(String),
}

impl TransportError {
    /// True if the session cannot be used any further and must be
    /// re-opened; false for per-message failures (nack, return, timeout).
    pub fn is_session_fatal(&self) -> bool {
        match self {
            TransportError::Amqp(_)
            | TransportError::AckLost
            | TransportError::ConsumerEnded
            | TransportError::OpenTimeout(_)
            | TransportError::NoBroker(_) => true,
            TransportError::Unconfirmed { .. } | TransportError::ConfirmTimeout(_) => false,
        }
    }

    /// A stable snake_case name for metrics labels.
    pub fn kind(&self) -> &'static str {
        match self {
            TransportError::Amqp(_) => "amqp",
            TransportError::Unconfirmed { .. } => "unconfirmed",
            TransportError::ConfirmTimeout(_) => "confirm_timeout",
            TransportError::AckLost => "ack_lost",
            TransportError::ConsumerEnded => "consumer_ended",
            TransportError::OpenTimeout(_) => "open_timeout",
            TransportError::NoBroker(_) => "no_broker",
        }
    }
}

/// Something that happened to a session's connections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionEvent {
    /// The broker blocked a connection (memory or disk alarm).
    Blocked(String),
    /// The broker unblocked a connection.
    Unblocked,
    /// A connection failed; the session is dead.
    Failed(String),
}

/// One live session with the broker.
pub struct Session {
    consume_conn: Connection,
    publish_conn: Connection,
    /// Deliveries from the input queue.
    pub inbox: Inbox,
    /// The confirm-mode publisher, shared with the delivery tasks.
    pub publisher: std::sync::Arc<Publisher>,
    /// Blocked/unblocked/failed notifications of both connections.
    pub events: SessionEvents,
}

/// The merged event stream of a session's two connections.
pub struct SessionEvents(BoxStream<'static, SessionEvent>);

impl std::fmt::Debug for SessionEvents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionEvents")
    }
}

impl SessionEvents {
    /// The next connection event; pending forever if there is none.
    pub async fn next(&mut self) -> SessionEvent {
        match self.0.next().await {
            Some(event) => event,
            None => std::future::pending().await,
        }
    }
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("consume_conn", self.consume_conn.status())
            .field("publish_conn", self.publish_conn.status())
            .finish_non_exhaustive()
    }
}

/// Opens one connection named `name` (shown in the broker's UI).
pub async fn connect(url: &str, name: &str) -> Result<Connection, TransportError> {
    let properties = ConnectionProperties::default().with_connection_name(name.into());
    Ok(Connection::connect(url, properties).await?)
}

fn session_events(conn: &Connection, which: &'static str) -> BoxStream<'static, SessionEvent> {
    conn.events_listener()
        .filter_map(move |event| async move {
            match event {
                lapin::Event::ConnectionBlocked(reason) => Some(SessionEvent::Blocked(format!(
                    "{which} connection: {reason}"
                ))),
                lapin::Event::ConnectionUnblocked => Some(SessionEvent::Unblocked),
                lapin::Event::Error(error) => {
                    Some(SessionEvent::Failed(format!("{which} connection: {error}")))
                }
                _ => None,
            }
        })
        .boxed()
}

impl Session {
    /// Connects twice to `node`, declares the topology, starts consuming
    /// the input queue with the configured prefetch and opens the
    /// publisher, all within `amqp.open_timeout_ms`.
    ///
    /// On a failure or at the deadline, the connections opened so far are
    /// closed here, not just dropped: a `basic.consume` still waiting for
    /// its answer (a quorum queue without a majority answers only when the
    /// majority is back) keeps lapin's connection alive after its handle
    /// is dropped, and the broker would then deliver a prefetch of
    /// articles to a consumer that nobody reads.
    pub async fn open(settings: &Settings, node: &Node) -> Result<Session, TransportError> {
        let limit = settings.amqp.open_timeout();
        let deadline = tokio::time::Instant::now() + limit;
        let url = node.url();
        let name = &settings.amqp.connection_name;
        let consume_conn =
            within(deadline, limit, connect(url, &format!("{name}.consume"))).await?;
        let publish_conn =
            match within(deadline, limit, connect(url, &format!("{name}.publish"))).await {
                Ok(conn) => conn,
                Err(error) => {
                    abandon(&[&consume_conn], ABANDON_WAIT).await;
                    return Err(error);
                }
            };
        let setup = Self::setup(settings, &consume_conn, &publish_conn);
        match within(deadline, limit, setup).await {
            Ok((inbox, publisher)) => {
                let events = SessionEvents(
                    stream::select(
                        session_events(&consume_conn, "consume"),
                        session_events(&publish_conn, "publish"),
                    )
                    .boxed(),
                );
                Ok(Session {
                    consume_conn,
                    publish_conn,
                    inbox,
                    publisher: std::sync::Arc::new(publisher),
                    events,
                })
            }
            Err(error) => {
                abandon(&[&consume_conn, &publish_conn], ABANDON_WAIT).await;
                Err(error)
            }
        }
    }

    async fn setup(
        settings: &Settings,
        consume_conn: &Connection,
        publish_conn: &Connection,
    ) -> Result<(Inbox, Publisher), TransportError> {
        let setup = publish_conn.create_channel().await?;
        Topology::from_settings(settings).declare(&setup).await?;
        setup.close(200, "OK".into()).await?;
        let publisher = Publisher::open(publish_conn, settings).await?;
        let inbox = Inbox::open(consume_conn, settings).await?;
        Ok((inbox, publisher))
    }

    /// True while both connections and both channels are open.
    pub fn is_live(&self) -> bool {
        self.consume_conn.status().connected()
            && self.publish_conn.status().connected()
            && self.inbox.is_live()
            && self.publisher.is_live()
    }

    /// Closes channels and connections (reply code 200). Unacked
    /// deliveries go back to the queue. Errors are ignored: the session is
    /// being dropped either way.
    pub async fn close(self) {
        self.inbox.close().await;
        self.publisher.close().await;
        close_connection(&self.consume_conn).await;
        close_connection(&self.publish_conn).await;
    }

    /// Gives up a failed session: sends `connection.close` on both
    /// connections at once and waits at most `wait` for the broker's
    /// answers. Unlike [`Session::close`] it does not close the channels
    /// one by one first (on a broken session each could wait seconds for
    /// an answer that never comes), and unlike dropping the session it
    /// always tells the broker, which then closes the channels and
    /// requeues their unacked deliveries itself.
    pub async fn abandon(self, wait: Duration) {
        abandon(&[&self.consume_conn, &self.publish_conn], wait).await;
    }
}

/// How long a failed open waits for the broker to answer the closes.
const ABANDON_WAIT: Duration = Duration::from_secs(1);

/// `fut`, or [`TransportError::OpenTimeout`] (of `limit`) at `deadline`.
async fn within<T>(
    deadline: tokio::time::Instant,
    limit: Duration,
    fut: impl std::future::Future<Output = Result<T, TransportError>>,
) -> Result<T, TransportError> {
    tokio::time::timeout_at(deadline, fut)
        .await
        .unwrap_or(Err(TransportError::OpenTimeout(limit)))
}

/// Sends `connection.close` on every connection of `conns` still open, at
/// once, and waits at most `wait` for the answers. The close is sent on
/// the first poll, so the broker hears of it even when the wait runs out.
async fn abandon(conns: &[&Connection], wait: Duration) {
    let closes = conns
        .iter()
        .filter(|c| c.status().connected())
        .map(|c| c.close(200, "OK".into()));
    let _ = tokio::time::timeout(wait, futures_util::future::join_all(closes)).await;
}

/// Closes a connection if it is still open, waiting at most five seconds.
pub(crate) async fn close_connection(conn: &Connection) {
    if conn.status().connected() {
        let _ = tokio::time::timeout(Duration::from_secs(5), conn.close(200, "OK".into())).await;
    }
}

/// Connects once to the first node of `amqp.url` that answers, declares
/// `topology` there, closes the connection and returns the node; `failed`
/// is told of each node that could not be used.
pub async fn declare_topology(
    settings: &Settings,
    topology: &Topology,
    failed: impl FnMut(&Node, &TransportError),
) -> Result<Node, TransportError> {
    let mut brokers = Brokers::from_settings(&settings.amqp);
    let ((), node) = brokers
        .open(
            |node| async move { declare_topology_on(settings, topology, &node).await },
            failed,
        )
        .await?;
    Ok(node)
}

async fn declare_topology_on(
    settings: &Settings,
    topology: &Topology,
    node: &Node,
) -> Result<(), TransportError> {
    let conn = connect(
        node.url(),
        &format!("{}.topology", settings.amqp.connection_name),
    )
    .await?;
    let result = async {
        let channel = conn.create_channel().await?;
        topology.declare(&channel).await?;
        channel.close(200, "OK".into()).await?;
        Ok(())
    }
    .await;
    close_connection(&conn).await;
    result
}

/// A publishing-only session: one connection and a confirm-mode
/// [`Publisher`], used by `quotewire replay`.
pub struct PublishSession {
    conn: Connection,
    /// The confirm-mode publisher.
    pub publisher: std::sync::Arc<Publisher>,
}

impl std::fmt::Debug for PublishSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PublishSession")
            .field("conn", self.conn.status())
            .finish_non_exhaustive()
    }
}

impl PublishSession {
    /// Connects to `node` with the connection name
    /// `<amqp.connection_name>.<suffix>`, declares `topology` if given, and
    /// opens the publisher.
    pub async fn open(
        settings: &Settings,
        node: &Node,
        suffix: &str,
        topology: Option<&Topology>,
    ) -> Result<PublishSession, TransportError> {
        let conn = connect(
            node.url(),
            &format!("{}.{suffix}", settings.amqp.connection_name),
        )
        .await?;
        let setup = async {
            if let Some(topology) = topology {
                let channel = conn.create_channel().await?;
                topology.declare(&channel).await?;
                channel.close(200, "OK".into()).await?;
            }
            Publisher::open(&conn, settings).await
        }
        .await;
        match setup {
            Ok(publisher) => Ok(PublishSession {
                conn,
                publisher: std::sync::Arc::new(publisher),
            }),
            Err(error) => {
                close_connection(&conn).await;
                Err(error)
            }
        }
    }

    /// True while the connection and the publisher's channel are open.
    pub fn is_live(&self) -> bool {
        self.conn.status().connected() && self.publisher.is_live()
    }

    /// Closes the publisher (after a bounded wait for outstanding
    /// confirms) and the connection.
    pub async fn close(self) {
        self.publisher.close().await;
        close_connection(&self.conn).await;
    }
}
