//! The broker nodes of `amqp.url` and failing over through them.
//!
//! [`Brokers`] holds the nodes in configured order and which one to try
//! first. [`Brokers::open`] makes one pass: it tries to open something (a
//! worker session, a replay session, a topology connection) on each node in
//! turn, starting with the preferred one, each attempt bounded by
//! `amqp.open_timeout_ms`, and returns the first that opens with the node
//! it opened on. After a session on a node is lost, [`Brokers::lost`] makes
//! the next node the first to try, so that a worker moves on to a live
//! node rather than waiting for the lost one; the caller's backoff runs
//! between passes. With one URL this is exactly a reconnect to that URL.

use super::TransportError;
use crate::settings::{node_address, AmqpSettings};
use std::future::Future;
use std::time::Duration;

/// One broker node: its URL (credentials included, never shown) and its
/// address for logs and metrics (no user info).
#[derive(Clone, PartialEq, Eq)]
pub struct Node {
    url: String,
    address: String,
}

impl Node {
    /// A node of `url`.
    pub fn new(url: &str) -> Node {
        Node {
            url: url.to_string(),
            address: node_address(url),
        }
    }

    /// The URL to connect to, with credentials: never log it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// `scheme://host:port/vhost`, without user info: safe for logs and
    /// metric labels.
    pub fn address(&self) -> &str {
        &self.address
    }
}

// Hand-written so that `{:?}` never prints the credentials.
impl std::fmt::Debug for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Node").field(&self.address).finish()
    }
}

impl std::fmt::Display for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.address)
    }
}

/// How much longer than the open timeout an attempt may take before
/// [`Brokers::open`] drops it: an attempt that enforces the timeout itself
/// (as [`Session::open`](super::Session::open) does) gets this long to
/// close what it had opened.
const ATTEMPT_GRACE: Duration = Duration::from_secs(2);

/// The nodes of `amqp.url` in order, and the one to try first.
#[derive(Debug, Clone)]
pub struct Brokers {
    nodes: Vec<Node>,
    first: usize,
    open_timeout: Duration,
}

impl Brokers {
    /// The nodes of `settings.url` (validated settings have at least one),
    /// the first one preferred.
    pub fn from_settings(settings: &AmqpSettings) -> Brokers {
        Brokers::new(
            settings
                .url
                .as_slice()
                .iter()
                .map(|u| Node::new(u))
                .collect(),
            settings.open_timeout(),
        )
    }

    /// `nodes` (at least one), each attempt bounded by `open_timeout`.
    pub fn new(nodes: Vec<Node>, open_timeout: Duration) -> Brokers {
        assert!(!nodes.is_empty(), "a broker list needs at least one node");
        Brokers {
            nodes,
            first: 0,
            open_timeout,
        }
    }

    /// Every node, in configured order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The nodes in the order the next pass tries them.
    pub fn pass_order(&self) -> impl Iterator<Item = &Node> {
        let n = self.nodes.len();
        (0..n).map(move |i| &self.nodes[(self.first + i) % n])
    }

    /// Tries `open` on each node once, in [`Brokers::pass_order`], each
    /// attempt bounded by the open timeout plus a short grace (a timed-out
    /// attempt is dropped; attempts that can leave a connection behind, like
    /// a worker session, enforce the open timeout themselves and close
    /// what they opened). Returns the first success
    /// with its node, which becomes the first to try next time; or
    /// [`TransportError::NoBroker`] with every node's failure. `failed` is
    /// told of each node that failed, as it happens.
    pub async fn open<T, F, Fut>(
        &mut self,
        mut open: F,
        mut failed: impl FnMut(&Node, &TransportError),
    ) -> Result<(T, Node), TransportError>
    where
        F: FnMut(Node) -> Fut,
        Fut: Future<Output = Result<T, TransportError>>,
    {
        let n = self.nodes.len();
        let mut failures = Vec::with_capacity(n);
        for i in 0..n {
            let index = (self.first + i) % n;
            let node = self.nodes[index].clone();
            let bound = self.open_timeout + ATTEMPT_GRACE;
            let result = match tokio::time::timeout(bound, open(node.clone())).await {
                Ok(result) => result,
                Err(_) => Err(TransportError::OpenTimeout(self.open_timeout)),
            };
            match result {
                Ok(opened) => {
                    self.first = index;
                    return Ok((opened, node));
                }
                Err(error) => {
                    failed(&node, &error);
                    failures.push(format!("{node}: {error}"));
                }
            }
        }
        Err(TransportError::NoBroker(failures.join("; ")))
    }

    /// The session on `node` was lost: the next pass starts with the node
    /// after it (the same node when there is only one).
    pub fn lost(&mut self, node: &Node) {
        if let Some(index) = self.nodes.iter().position(|n| n == node) {
            self.first = (index + 1) % self.nodes.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brokers(urls: &[&str]) -> Brokers {
        Brokers::new(
            urls.iter().map(|u| Node::new(u)).collect(),
            Duration::from_millis(200),
        )
    }

    fn order(b: &Brokers) -> Vec<&str> {
        b.pass_order().map(Node::address).collect()
    }

    #[tokio::test]
    async fn the_first_node_that_opens_is_used_and_preferred_next_time() {
        let mut b = brokers(&["amqp://u:p@a:1/v", "amqp://u:p@b:2/v", "amqp://u:p@c:3/v"]);
        let mut tried = Vec::new();
        let mut failed = Vec::new();
        let (value, node) = b
            .open(
                |node| {
                    tried.push(node.address().to_string());
                    async move {
                        if node.address().contains("//c:") {
                            Ok(node.url().len())
                        } else {
                            Err(TransportError::ConsumerEnded)
                        }
                    }
                },
                |node, _| failed.push(node.address().to_string()),
            )
            .await
            .unwrap();
        assert_eq!(node.address(), "amqp://c:3/v");
        assert_eq!(value, "amqp://u:p@c:3/v".len());
        assert_eq!(tried, ["amqp://a:1/v", "amqp://b:2/v", "amqp://c:3/v"]);
        assert_eq!(failed, ["amqp://a:1/v", "amqp://b:2/v"]);
        assert_eq!(order(&b), ["amqp://c:3/v", "amqp://a:1/v", "amqp://b:2/v"]);
    }

    #[tokio::test]
    async fn a_lost_node_moves_the_next_pass_on_and_wraps_around() {
        let mut b = brokers(&["amqp://a/v", "amqp://b/v", "amqp://c/v"]);
        let (_, node) = b.open(|_| async { Ok(()) }, |_, _| {}).await.unwrap();
        assert_eq!(node.address(), "amqp://a:5672/v");
        b.lost(&node);
        assert_eq!(
            order(&b),
            ["amqp://b:5672/v", "amqp://c:5672/v", "amqp://a:5672/v"]
        );
        let c = b.nodes()[2].clone();
        b.lost(&c);
        assert_eq!(order(&b)[0], "amqp://a:5672/v");
        let mut single = brokers(&["amqp://only/v"]);
        let only = single.nodes()[0].clone();
        single.lost(&only);
        assert_eq!(order(&single), ["amqp://only:5672/v"]);
    }

    #[tokio::test]
    async fn all_nodes_failing_or_hanging_is_one_error_naming_each_without_credentials() {
        let mut b = brokers(&["amqp://u:secret@a:1/v", "amqp://u:secret@b:2/v"]);
        let error = b
            .open(
                |node| async move {
                    if node.address().contains("//a:") {
                        Err::<(), _>(TransportError::ConsumerEnded)
                    } else {
                        // Never answers: cut by the open timeout.
                        std::future::pending().await
                    }
                },
                |_, _| {},
            )
            .await
            .unwrap_err();
        let text = error.to_string();
        assert!(matches!(error, TransportError::NoBroker(_)), "{text}");
        assert!(text.contains("amqp://a:1/v: the consumer"), "{text}");
        assert!(
            text.contains("amqp://b:2/v: no session opened within 200ms"),
            "{text}"
        );
        assert!(!text.contains("secret") && !text.contains("u:"), "{text}");
        assert!(error.is_session_fatal());
        // A failed pass does not change where the next one starts.
        assert_eq!(order(&b)[0], "amqp://a:1/v");
    }

    #[test]
    fn debug_and_display_show_the_address_only() {
        let node = Node::new("amqps://user:hunter2@mq.example:5671/prod?heartbeat=10");
        assert_eq!(node.to_string(), "amqps://mq.example:5671/prod");
        assert_eq!(
            format!("{node:?}"),
            "Node(\"amqps://mq.example:5671/prod\")"
        );
        assert_eq!(
            node.url(),
            "amqps://user:hunter2@mq.example:5671/prod?heartbeat=10"
        );
    }
}
