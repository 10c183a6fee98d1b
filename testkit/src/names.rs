//! The exchanges and queues of one test, benchmark run or fault scenario:
//! unique names, the worker environment that uses them, and deletion.

use crate::broker::connect;
use lapin::options::{ExchangeDeleteOptions, QueueDeleteOptions};
use lapin::Channel;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// Names given by this process so far (part of every unique prefix).
static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The longest a cleanup may take.
const CLEANUP_TIMEOUT: Duration = Duration::from_secs(15);

/// The six broker objects of one run, all below one prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    /// Prefix of every name; also the start of every connection name of
    /// the run, so that its connections can be found and cut.
    pub prefix: String,
    /// Input exchange.
    pub input_exchange: String,
    /// Input queue.
    pub input_queue: String,
    /// Output exchange.
    pub output_exchange: String,
    /// Output queue.
    pub output_queue: String,
    /// Dead-letter exchange.
    pub dead_exchange: String,
    /// Dead-letter queue.
    pub dead_queue: String,
}

impl Names {
    /// The names below `prefix`: `<prefix>.articles`, `<prefix>.articles.q`,
    /// `<prefix>.statements`, `<prefix>.statements.q`, `<prefix>.dead` and
    /// `<prefix>.dead.q`.
    pub fn with_prefix(prefix: String) -> Names {
        let name = |suffix: &str| format!("{prefix}.{suffix}");
        Names {
            input_exchange: name("articles"),
            input_queue: name("articles.q"),
            output_exchange: name("statements"),
            output_queue: name("statements.q"),
            dead_exchange: name("dead"),
            dead_queue: name("dead.q"),
            prefix,
        }
    }

    /// Names no other run uses, even at the same time on the same broker:
    /// prefix `<family>.<label>.<pid>.<nanoseconds>.<counter>`.
    pub fn unique(family: &str, label: &str) -> Names {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        Names::with_prefix(format!(
            "{family}.{label}.{}.{nanos}.{n}",
            std::process::id()
        ))
    }

    /// The environment of a `quotewire` process on these names at `url`:
    /// the six names, an HTTP server on a free port, JSON logs at level
    /// info. Callers add the connection name and their own settings.
    pub fn worker_env(&self, url: &str) -> Vec<(String, String)> {
        [
            ("QUOTEWIRE__AMQP__URL", url),
            ("QUOTEWIRE__INPUT__EXCHANGE", &self.input_exchange),
            ("QUOTEWIRE__INPUT__QUEUE", &self.input_queue),
            ("QUOTEWIRE__OUTPUT__EXCHANGE", &self.output_exchange),
            ("QUOTEWIRE__OUTPUT__QUEUE", &self.output_queue),
            ("QUOTEWIRE__DEAD_LETTER__EXCHANGE", &self.dead_exchange),
            ("QUOTEWIRE__DEAD_LETTER__QUEUE", &self.dead_queue),
            ("QUOTEWIRE__HTTP__LISTEN", "127.0.0.1:0"),
            ("QUOTEWIRE__LOG__FORMAT", "json"),
            ("QUOTEWIRE__LOG__LEVEL", "info"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    /// Deletes the three queues and three exchanges, ignoring any that is
    /// already gone.
    pub async fn delete_all(&self, ch: &Channel) {
        for q in [&self.input_queue, &self.output_queue, &self.dead_queue] {
            let _ = ch
                .queue_delete(q.as_str().into(), QueueDeleteOptions::default())
                .await;
        }
        for e in [
            &self.input_exchange,
            &self.output_exchange,
            &self.dead_exchange,
        ] {
            let _ = ch
                .exchange_delete(e.as_str().into(), ExchangeDeleteOptions::default())
                .await;
        }
    }

    /// [`Names::delete_all`] on a connection of its own named
    /// `connection_name`; without a broker there is nothing to delete.
    pub async fn delete_at(&self, url: &str, connection_name: &str) {
        let Ok(conn) = connect(url, connection_name).await else {
            return;
        };
        if let Ok(ch) = conn.create_channel().await {
            self.delete_all(&ch).await;
        }
        let _ = conn.close(200, "OK".into()).await;
    }

    /// [`Names::delete_at`] (connection `<prefix>.cleanup`) on a thread
    /// with a runtime of its own, waiting at most 15 s: usable from `Drop`,
    /// inside another runtime and while unwinding.
    pub fn delete_blocking(&self, url: &str) {
        let (names, url) = (self.clone(), url.to_string());
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            let connection_name = format!("{}.cleanup", names.prefix);
            rt.block_on(async {
                let _ =
                    tokio::time::timeout(CLEANUP_TIMEOUT, names.delete_at(&url, &connection_name))
                        .await;
            });
        })
        .join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_names_share_one_prefix_and_differ_between_calls() {
        let a = Names::unique("qwtest", "x");
        let b = Names::unique("qwtest", "x");
        assert_ne!(a.prefix, b.prefix);
        assert!(a.prefix.starts_with("qwtest.x."));
        assert_eq!(a.dead_queue, format!("{}.dead.q", a.prefix));
        let env = a.worker_env("amqp://h");
        let get = |k: &str| {
            env.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("QUOTEWIRE__AMQP__URL"), Some("amqp://h"));
        assert_eq!(
            get("QUOTEWIRE__OUTPUT__QUEUE"),
            Some(a.output_queue.as_str())
        );
        assert_eq!(get("QUOTEWIRE__AMQP__CONNECTION_NAME"), None);
    }
}
