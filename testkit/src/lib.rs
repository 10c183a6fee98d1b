//! Test support shared by everything in quotewire that drives the real
//! `quotewire` binary against a real RabbitMQ: the broker tests
//! (`tests/common`), the end-to-end benchmark (`examples/bench_e2e`), the
//! fault suite (`examples/fault_suite`) and the publish baseline
//! (`examples/publish_baseline.rs`).
//!
//! What is here:
//!
//! * [`broker`]: connecting with a connection name, confirm channels,
//!   queue depth, header values;
//! * [`publish`]: publishing with a window of outstanding confirms, and
//!   gzip bodies;
//! * [`names`]: uniquely named exchanges and queues for one run, the
//!   worker environment that points at them, and their deletion;
//! * [`process`]: `quotewire topology` and `quotewire run` processes with
//!   their JSON log, HTTP address, peak memory and shutdown;
//! * [`http`]: a plain HTTP GET and reading samples and histograms from
//!   the worker's `/metrics`;
//! * [`rabbitmqctl`](mod@rabbitmqctl): listing and closing named broker connections.
//!
//! # Why a workspace crate
//!
//! The helpers are needed by integration tests and by examples, which
//! cargo compiles as separate crates, and not by the library users get. A
//! `publish = false` workspace member taken as a dev-dependency is the one
//! mechanism that serves both without `#[path]` includes (which compile the
//! same file into each crate, with its dead-code warnings) and without
//! putting test code behind a feature of the published library. `cargo
//! test` and `cargo clippy` at the root cover it (it is a default member).
//!
//! The crate does not depend on `quotewire`: a dev-dependency cycle would
//! link a second copy of the library whose types differ from the ones the
//! tests use. It knows the worker only from outside, as its users do: the
//! command line, the `QUOTEWIRE__*` environment, the JSON log messages and
//! the metric names. Whatever needs quotewire's types (the events the
//! pipeline expects for an article) stays with the caller.
//!
//! Every function returns [`Result`] and every wait is bounded; the broker
//! tests wrap them into panicking helpers (and keep the waits and
//! assertions only they use), the examples propagate errors.

pub mod broker;
pub mod http;
pub mod names;
pub mod process;
pub mod publish;
pub mod rabbitmqctl;

pub use broker::{
    amqp_url, confirm_channel, connect, header, queue_depth, queue_depth_at, queue_state,
    x_death_reason, QueueState, BROKER_HELP, DEFAULT_AMQP_URL,
};
pub use http::{bucket_quantile, buckets, http_get, metric, metric_value, wait_metric};
pub use names::Names;
pub use process::{run_topology, vm_hwm_kb, WorkerProcess};
pub use publish::{gzip, ConfirmWindow};
pub use rabbitmqctl::{
    close_connections_named, count_connections_named, list_connections, rabbitmqctl,
};

use std::time::Duration;

/// Why a helper could not do what it was asked (a failure of the setup or
/// of a bounded wait, not a finding about the worker).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The broker refused or dropped something.
    #[error("AMQP: {0}")]
    Amqp(#[from] lapin::Error),
    /// A file, process or socket failed.
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
    /// A bounded wait ran out: how long, and for what.
    #[error("timed out after {0:?}: {1}")]
    Timeout(Duration, String),
    /// Anything else, said in full.
    #[error("{0}")]
    Failed(String),
}

/// The result of every helper.
pub type Result<T> = std::result::Result<T, Error>;

/// How often the waits poll.
const POLL: Duration = Duration::from_millis(50);
