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
use crate::event::{self, ArticleRef, Extractor, Range, Speaker, StatementEvent, TextSpan};
use crate::lexicon::Lexicon;
use crate::text::{CharOffsets, Span};
use std::borrow::Cow;

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
    pub fn events<'a>(
        &self,
        article: &'a Article,
    ) -> Result<Vec<StatementEvent<'a>>, PipelineError> {
        let lang = article.language_code();
        if !lang.eq_ignore_ascii_case(self.lexicon.language()) {
            return Err(PipelineError::UnsupportedLanguage(lang.to_string()));
        }
        let text = article.text.as_str();
        let lex = &self.lexicon;
        let zones = clean::boilerplate(text, lex);
        let mut doc = segment::segment(text, &zones, lex);
        let quotes = quotes::find_quotes(&mut doc);
        let cues = cues::find_cues(&doc, lex);
        let statements = attribute::attribute(&doc, lex, &quotes, &cues);
        let speakers = resolve::resolve(&doc, lex, &statements);

        let offsets = CharOffsets::new(text);
        let span = |s: Span| TextSpan {
            text: Cow::Borrowed(s.slice(text)),
            start: offsets.to_char(s.start),
            end: offsets.to_char(s.end),
        };
        let article_ref = ArticleRef {
            id: Cow::Borrowed(&article.id),
            url: article.url.as_deref().map(Cow::Borrowed),
            source: article.source.as_deref().map(Cow::Borrowed),
            title: article.title.as_deref().map(Cow::Borrowed),
            published_at: article.published_at.as_deref().map(Cow::Borrowed),
            language: Cow::Borrowed(lex.language()),
        };
        let digest = event::text_digest(text);
        let mut events = Vec::with_capacity(statements.len());
        for (st, sp) in statements.iter().zip(speakers) {
            let cue = st
                .cue
                .map(|c| cues[c].span)
                .or(st.cue_token.map(|t| doc.tokens[t].span));
            let sentence = Span::new(
                doc.sentences[st.sentence_first].span.start,
                doc.sentences[st.sentence_last].span.end,
            );
            let id = event::event_id(
                &article.id,
                digest,
                &[
                    st.kind as u64,
                    st.content.start as u64,
                    st.content.end as u64,
                    cue.map_or(u64::MAX, |c| c.start as u64),
                    sp.mention.map_or(u64::MAX, |m| m.start as u64),
                ],
            );
            events.push(StatementEvent {
                schema_version: event::SCHEMA_VERSION,
                event_id: id,
                article: article_ref.clone(),
                kind: st.kind,
                content: span(st.content),
                cue: cue.map(span),
                speaker: Speaker {
                    name: sp.name,
                    kind: sp.kind,
                    mention: sp.mention.map(span),
                    resolved_by: sp.resolved_by,
                    title: sp.title,
                    affiliation: sp.affiliation,
                },
                addressee: st.addressee.map(|a| Cow::Borrowed(a.slice(text))),
                sentence: Range {
                    start: offsets.to_char(sentence.start),
                    end: offsets.to_char(sentence.end),
                },
                confidence: (st.confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
                extractor: Extractor::default(),
            });
        }
        Ok(events)
    }
}
