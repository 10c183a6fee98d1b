//! Verbs of appearance and expectation whose subject is what is
//! attributed, with no source: `the plan seems to falter`, `the vote is
//! expected to pass`, `the party, which is seen as …`. After an expletive
//! "it" the attributed content is the clause that follows: `it appears
//! that the talks failed`. PolNeAR annotates these (about 430 statements of
//! train, "seemed", "appears", "is expected" leading); they are belief and
//! evidence, so speech-only output never holds them.

use super::{Attributor, Statement};
use crate::lexicon::Glue;
use crate::pipeline::segment::IN_QUOTE;

impl Attributor<'_, '_> {
    /// The statement of a subject-frame cue `c`: its clause's subject, or
    /// after "it" the clause after the cue.
    pub(super) fn subject_statement(&self, c: usize) -> Option<Statement> {
        let cue = &self.cues[c];
        let (s_start, s_end) = self.sent_range(cue.first);
        // Adverbs and auxiliaries before the cue: "now seem", "has seemed".
        let mut end = cue.first;
        while end > s_start
            && self.is_word(end - 1)
            && (self.doc.glue(end - 1, Glue::BetweenSubjectAndVerb)
                || (self.tok(end - 1).len() > 4 && self.tok(end - 1).ends_with("ly")))
        {
            end -= 1;
        }
        if end <= s_start || self.doc.tokens[end - 1].is(IN_QUOTE) {
            return None;
        }
        // "It appears, though, that …": the clause after the cue.
        if end > s_start && self.tok_is(end - 1, "it") {
            let that =
                (cue.last + 1..(cue.last + 6).min(s_end)).find(|&j| self.tok_is(j, "that"))?;
            if (cue.last + 1..that).any(|j| {
                self.is_word(j)
                    && !self.doc.glue(j, Glue::Adverbials)
                    && !self.tok(j).ends_with("ly")
                    && !self.tok_is(j, "though")
            }) {
                return None;
            }
            let stop = self.content_end(that + 1, s_end, Some(c));
            return Some(Statement {
                confidence: 0.5,
                priority: 4,
                ..self.reported(c, that + 1, stop, None)?
            });
        }
        // The subject: from the clause's start (after a comma, a dash or an
        // introductory phrase) to the cue.
        let mut start = self
            .clause_start(s_start, end)
            .max(self.clause_subject_start(s_start, end));
        if let Some(comma) = (start..end).rev().find(|&j| self.is_punct(j, &[","])) {
            // "The DNC, which is seen as …": the relative pronoun.
            if comma + 1 < end && self.doc.glue(comma + 1, Glue::Relative) {
                start = comma + 1;
            }
        }
        while start < end
            && self.is_word(start)
            && matches!(
                self.tok(start).to_ascii_lowercase().as_str(),
                "and" | "but" | "while" | "as" | "that" | "if" | "when" | "because" | "so"
            )
        {
            start += 1;
        }
        let words = (start..end).filter(|&j| self.is_word(j)).count();
        if words == 0 || words > 12 {
            return None;
        }
        Some(Statement {
            confidence: 0.5,
            priority: 4,
            ..self.reported(c, start, end, None)?
        })
    }

    /// For a subject statement of a verb of appearance or expectation
    /// (`st`, "the vote" in "the vote is expected to pass easily"), what is
    /// said of the subject: the predicate after the cue ("to pass
    /// easily"). PolNeAR annotates both halves for 197 of 214 such cues
    /// (`scripts/analysis/raising.py`).
    pub(super) fn raising_predicate(&self, c: usize, st: &Statement) -> Option<Statement> {
        let cue = &self.cues[c];
        if st.content.end > self.doc.tokens[cue.first].span.start {
            return None;
        }
        let (_, s_end) = self.sent_range(cue.first);
        let start = cue.last + 1;
        if start >= s_end || !self.is_word(start) || self.doc.tokens[start].is(IN_QUOTE) {
            return None;
        }
        let mut end = self.content_end(start, s_end, Some(c));
        // "The union, which is seen as close to Roe, objected.": a relative
        // clause ends at its comma.
        let subject = self
            .doc
            .tokens
            .partition_point(|t| t.span.start < st.content.start);
        if subject < self.doc.tokens.len() && self.doc.glue(subject, Glue::Relative) {
            if let Some(comma) = (start..end).find(|&j| self.is_punct(j, &[","])) {
                end = comma;
            }
        }
        if (start..end).filter(|&j| self.is_word(j)).count() < 2 {
            return None;
        }
        let content = self.content_span(start, end)?;
        Some(Statement {
            kind: self.kind_of(start, end),
            content,
            ..st.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::pipeline::Attributions;

    #[test]
    fn the_subject_of_seem_or_be_expected_is_the_content() {
        let r = run("The new levy seems to hurt farmers most.");
        assert_eq!((r[0].1.as_str(), r[0].3.clone()), ("The new levy", None));
        // What is said of the subject is a statement too.
        assert_eq!(
            (r[1].1.as_str(), r[1].3.clone()),
            ("to hurt farmers most", None)
        );
        let r = run("In Varnholm, the vote is expected to pass easily.");
        assert_eq!(r[0].1, "the vote");
        assert_eq!(r[1].1, "to pass easily");
        let r = run("The union, which is seen as close to Roe, objected.");
        assert_eq!(r[0].1, "which");
        assert_eq!(r[1].1, "close to Roe");
        // A one-word predicate is no statement.
        assert_eq!(run("The vote is expected soon.").len(), 1);
        assert_eq!(
            one("It appears, though, that the talks have failed.").1,
            "the talks have failed"
        );
    }

    #[test]
    fn speech_only_output_has_none_of_them() {
        assert!(run_with(
            "The new levy seems to hurt farmers most.",
            Attributions::SPEECH
        )
        .is_empty());
    }
}
