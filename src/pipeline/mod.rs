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
use crate::event::{
    self, ArticleRef, Attribution, Extractor, Range, Speaker, StatementEvent, TextSpan,
};
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

/// A set of attribution classes: which statements a pipeline emits.
///
/// Written as a comma-separated list of class names (`speech,belief`) or
/// `all`; the default is speech only, what "who said what" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Attributions(u8);

/// A name in a list of attribution classes that is none.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown attribution class `{0}`: expected `all` or a list of speech, belief, stance, evidence"
)]
pub struct UnknownAttribution(pub String);

impl Attributions {
    /// No class at all.
    pub const NONE: Attributions = Attributions(0);
    /// Speech only (the default).
    pub const SPEECH: Attributions = Attributions(1 << Attribution::Speech as u8);
    /// Every class.
    pub const ALL: Attributions = Attributions(0b1111);

    /// This set with `class` added.
    pub const fn with(self, class: Attribution) -> Attributions {
        Attributions(self.0 | 1 << class as u8)
    }

    /// Whether `class` is in the set.
    pub const fn contains(self, class: Attribution) -> bool {
        self.0 & (1 << class as u8) != 0
    }

    /// Parses class names, each `speech`, `belief`, `stance`, `evidence` or
    /// `all` (surrounding white space ignored, empty names skipped).
    pub fn from_names<'a>(
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Attributions, UnknownAttribution> {
        let mut set = Attributions::NONE;
        for name in names.into_iter().map(str::trim).filter(|n| !n.is_empty()) {
            set = match name {
                "all" => Attributions::ALL,
                _ => set.with(
                    Attribution::from_name(name)
                        .ok_or_else(|| UnknownAttribution(name.to_string()))?,
                ),
            };
        }
        Ok(set)
    }

    /// Parses a comma-separated list: `speech,belief` or `all`.
    pub fn parse(list: &str) -> Result<Attributions, UnknownAttribution> {
        Attributions::from_names(list.split(','))
    }
}

impl Default for Attributions {
    fn default() -> Attributions {
        Attributions::SPEECH
    }
}

impl std::fmt::Display for Attributions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if *self == Attributions::ALL {
            return f.write_str("all");
        }
        let names: Vec<&str> = Attribution::ALL
            .into_iter()
            .filter(|&a| self.contains(a))
            .map(Attribution::as_str)
            .collect();
        f.write_str(&names.join(","))
    }
}

/// The extraction pipeline for one language.
#[derive(Debug)]
pub struct Pipeline {
    lexicon: Lexicon,
    attributions: Attributions,
}

impl Pipeline {
    /// The English pipeline, built from the lexicon in `data/en/`, emitting
    /// speech only.
    pub fn english() -> Pipeline {
        Pipeline {
            lexicon: Lexicon::english(),
            attributions: Attributions::default(),
        }
    }

    /// This pipeline emitting the attribution classes in `attributions`.
    pub fn with_attributions(self, attributions: Attributions) -> Pipeline {
        Pipeline {
            attributions,
            ..self
        }
    }

    /// The attribution classes this pipeline emits.
    pub fn attributions(&self) -> Attributions {
        self.attributions
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
        let statements = attribute::attribute_with(&doc, lex, &quotes, &cues, self.attributions);
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
                attribution: st.attribution,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_lists_parse_and_print() {
        assert_eq!(Attributions::parse("speech"), Ok(Attributions::SPEECH));
        assert_eq!(Attributions::parse(" all "), Ok(Attributions::ALL));
        let two = Attributions::parse("speech, belief").unwrap();
        assert!(two.contains(Attribution::Belief) && !two.contains(Attribution::Stance));
        assert_eq!(two.to_string(), "speech,belief");
        assert_eq!(
            Attributions::parse("speech,belief,stance,evidence"),
            Ok(Attributions::ALL)
        );
        assert_eq!(Attributions::ALL.to_string(), "all");
        assert_eq!(Attributions::default(), Attributions::SPEECH);
        assert_eq!(
            Attributions::parse("speech,opinion"),
            Err(UnknownAttribution("opinion".into()))
        );
        assert_eq!(Attributions::parse(""), Ok(Attributions::NONE));
    }

    #[test]
    fn the_pipeline_emits_only_the_classes_asked_for() {
        let article = Article::from_json_str(
            r#"{"id": "a", "text": "Roe said the mill would close. Poe thinks the mill will stay open."}"#,
        )
        .unwrap();
        let speech = Pipeline::english().events(&article).unwrap();
        assert_eq!(speech.len(), 1);
        assert_eq!(speech[0].attribution, Attribution::Speech);
        let all = Pipeline::english()
            .with_attributions(Attributions::ALL)
            .events(&article)
            .unwrap();
        let classes: Vec<_> = all.iter().map(|e| e.attribution).collect();
        assert_eq!(classes, [Attribution::Speech, Attribution::Belief]);
        // The same statement has the same id in either mode.
        assert_eq!(all[0].event_id, speech[0].event_id);
    }
}
