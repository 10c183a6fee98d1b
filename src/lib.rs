//! quotewire turns news articles into "who said what" statement events.
//!
//! # The flow
//!
//! An article goes through a pure, synchronous pipeline, one stage per
//! module, each stage reading the original text and adding spans into it:
//!
//! 1. [`article`]: decode and validate the input JSON ([`Article`]); an
//!    article that carries its raw page (`html`) instead of `text` gets
//!    its text and metadata from [`page`].
//! 2. [`pipeline::clean`]: mark scraping boilerplate ("Advertisement", teasers,
//!    correction notes) as skip zones; the text itself is never changed.
//! 3. [`pipeline::segment`]: paragraphs, sentences and tokens, each a byte span;
//!    every token carries its word classes, looked up once in the lexicon.
//! 4. [`pipeline::quotes`] and [`pipeline::cues`]: pair quote marks (nested,
//!    multi-paragraph, unbalanced) and find reporting cues from the
//!    [`lexicon`].
//! 5. [`pipeline::attribute`]: build direct, indirect and mixed statements
//!    and find the speaker mention of each.
//! 6. [`pipeline::resolve`]: resolve mentions ("She", "Vold", "Ruritanian
//!    FM") to the fullest name in the article, with title and affiliation.
//! 7. [`event`]: one [`StatementEvent`] per statement, with code point
//!    offsets and a deterministic id.
//!
//! The pipeline knows nothing of queues. The broker side lives in
//! `transport` (the only module that uses lapin) and `worker`, which is the
//! one place that knows both sides. `replay` publishes archived articles
//! into the input exchange through `transport`.
//!
//! # Layout
//!
//! * [`article`], [`page`], [`text`], [`lexicon`], [`pipeline`], [`event`]:
//!   the pure, synchronous extraction library (no tokio, no lapin).
//! * [`settings`]: typed configuration (`config/default.toml`, `--config
//!   FILE`, `QUOTEWIRE__SECTION__KEY`), validated at start.
//! * [`transport`]: connections, topology, consuming and publishing with
//!   confirms — the only module that imports lapin.
//! * [`worker`]: one delivery in, its events out, then ack; dead-lettering,
//!   retries, reconnects and the graceful drain.
//! * [`http`], [`metrics`], [`telemetry`]: operations (Prometheus metrics,
//!   health and readiness, structured logs).
//! * [`serve`]: `quotewire serve`, the REST API and the inspect page; it
//!   decodes a request body exactly as the worker decodes a message.
//!
//! # Example
//!
//! ```
//! use quotewire::{Article, Pipeline};
//!
//! let article = Article::from_json_str(
//!     r#"{"id": "a1", "text": "\"We will rebuild,\" Mayor Jane Roe said on Monday."}"#,
//! )?;
//! let events = Pipeline::english().events(&article)?;
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].content.text, "We will rebuild,");
//! assert_eq!(events[0].speaker.name.as_deref(), Some("Jane Roe"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod article;
pub mod event;
pub mod http;
pub mod lexicon;
pub mod metrics;
pub mod page;
pub mod pipeline;
pub mod pretty;
pub mod replay;
pub mod serve;
pub mod settings;
pub mod telemetry;
pub mod text;
pub mod transport;
pub mod worker;

pub use article::{Article, ArticleError, ArticleErrorKind, ArticleLimits};
pub use event::StatementEvent;
pub use pipeline::{Pipeline, PipelineError};
