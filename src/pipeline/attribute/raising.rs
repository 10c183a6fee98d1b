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
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::pipeline::Attributions;

    #[test]
    fn the_subject_of_seem_or_be_expected_is_the_content() {
        let r = one("The new levy seems to hurt farmers most.");
        assert_eq!((r.1.as_str(), r.3), ("The new levy", None));
        assert_eq!(
            one("In Varnholm, the vote is expected to pass easily.").1,
            "the vote"
        );
        assert_eq!(
            one("The union, which is seen as close to Roe, objected.").1,
            "which"
        );
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
