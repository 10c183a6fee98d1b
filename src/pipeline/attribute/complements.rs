//! Complements of speech verbs: what a verb reports through a preposition
//! or an infinitive, right after it (`confessed to the kidnapping`,
//! `apologized for the delay`) or after its object (`urged Roe to resign`,
//! `accused Roe of lying`, `described the plan as “a hoax”`), and the
//! quoted name a verb of naming gives its object (`called Roe “a liar”`).
//!
//! As the news gold draws them, the content starts at the preposition
//! ("to resign", "of lying", "as “a hoax”"): the object is the hearer or
//! the topic, not what was said. Which verb takes which preposition is
//! lexicon data (`pp-to`, `np-of`, … in `cues.txt`).

use super::{Attributor, Mention, Statement};
use crate::lexicon::{Glue, Preps};
use crate::pipeline::segment::{DOUBLE_MARK, IN_QUOTE, POSSESSIVE, WORD};

/// The longest agent phrase of a passive cue, in tokens (`was told by
/// former adviser Jon Roe — the mayor's deputy — to …`).
const MAX_AGENT_TOKENS: usize = 16;

/// The longest object before a complement, in tokens (`urged Vietnam and
/// others in the region to push back`).
const MAX_OBJECT_TOKENS: usize = 12;

impl Attributor<'_, '_> {
    /// The statement that cue `c` reports through a complement, if its
    /// lexicon entry takes one and the words after it have that shape.
    pub(super) fn complement_statement(
        &self,
        c: usize,
        mention: Mention,
        s_end: usize,
    ) -> Option<Statement> {
        let cue = &self.cues[c];
        let info = cue.info(self.lex);
        let k = cue.last + 1;
        if k >= s_end {
            return None;
        }
        let start = if (info.infinitive && self.opens_infinitive(k, s_end))
            || self.opens_complement(k, s_end, info.direct)
        {
            k
        } else if info.after_object.is_empty() {
            return None;
        } else {
            self.complement_after_object(k, s_end, info.after_object)?
        };
        let end = self.content_end(start + 1, s_end, Some(c));
        if (start..end).filter(|&j| self.is_word(j)).count() < 2 {
            return None;
        }
        Some(Statement {
            sentence_first: self.sent_of(mention.first.min(cue.first)),
            confidence: 0.75,
            ..self.reported(c, start, end, Some(mention))?
        })
    }

    /// A passive cue with a complement: `was urged to resign`, `was
    /// praised by the police for …`, `was touted by Roe as …`. The agent
    /// after "by" is the speaker; with none, the speaker is unknown.
    pub(super) fn passive_statement(&self, c: usize) -> Option<Statement> {
        let cue = &self.cues[c];
        let info = cue.info(self.lex);
        let (s_start, s_end) = self.sent_range(cue.first);
        if info.after_object.is_empty()
            || cue.first <= s_start
            || !self.doc.glue(cue.first - 1, Glue::Passive)
        {
            return None;
        }
        let (agent, mut k) = self.by_agent(cue.last + 1, s_end)?;
        // "by Jon Roe — the mayor's deputy — to …": a dashed aside.
        if agent.is_some() && k < s_end && self.is_punct(k, &["—", "–"]) {
            let limit = (k + MAX_AGENT_TOKENS).min(s_end);
            if let Some(close) = (k + 1..limit).find(|&j| self.is_punct(j, &["—", "–"])) {
                k = close + 1;
            }
        }
        if k + 1 >= s_end || !self.opens_complement(k, s_end, info.after_object) {
            return None;
        }
        if self.tok_is(k, "to") && !self.bare_verb_like(k + 1) {
            return None;
        }
        let end = self.content_end(k + 1, s_end, Some(c));
        if (k..end).filter(|&j| self.is_word(j)).count() < 2 {
            return None;
        }
        Some(Statement {
            confidence: if agent.is_some() { 0.7 } else { 0.55 },
            ..self.reported(c, k, end, agent)?
        })
    }

    /// Whether an infinitive opens at token `k`: "to" before a verb, or
    /// "not to" ("pledged not to release it").
    fn opens_infinitive(&self, k: usize, s_end: usize) -> bool {
        let k = if self.tok_is(k, "not") { k + 1 } else { k };
        k + 1 < s_end && self.tok_is(k, "to") && self.bare_verb_like(k + 1)
    }

    /// Whether token `k` is a preposition of `preps` that opens a
    /// complement: "to" before a verb or a gerund (not "to the court" when
    /// the hearer follows: "admitted to the paper that …"), "as", "of" or
    /// "for" before anything but the end of the clause.
    fn opens_complement(&self, k: usize, s_end: usize, preps: Preps) -> bool {
        if !self.is_word(k) || !preps.contains(self.tok(k)) || k + 1 >= s_end {
            return false;
        }
        let next = k + 1;
        if !(self.is_word(next) || self.doc.tokens[next].is(DOUBLE_MARK)) {
            return false;
        }
        // "admitted to reporters that …", "confessed to the FBI that …": a
        // hearer, not a complement.
        let w = self.tok(next);
        let hearer = self.doc.glue(next, Glue::Addressees)
            || self.is_cap(next)
            || self.doc.glue(next, Glue::Determiners)
            || self.lex.pronoun(w).is_some();
        let that_follows = (next..(next + 6).min(s_end)).any(|j| self.tok_is(j, "that"));
        !(self.tok_is(k, "to") && hearer && that_follows)
    }

    /// After the object of a verb that takes one: the preposition of
    /// `preps` that opens its complement (`urged Roe to resign`), or the
    /// quoted name of a verb of naming (`called Roe “a liar”`), found
    /// within a few words of noun phrase.
    fn complement_after_object(&self, k: usize, s_end: usize, preps: Preps) -> Option<usize> {
        let limit = (k + MAX_OBJECT_TOKENS).min(s_end);
        let mut j = k;
        while j < limit {
            let t = self.doc.tokens[j];
            if j > k && self.opens_complement(j, s_end, preps) && self.object_before(k, j) {
                // "to" must open a verb phrase: "urged Roe to resign", not
                // "sent the letter to the court".
                let verb_next = !self.tok_is(j, "to")
                    || self.bare_verb_like(j + 1)
                    || self.tok_is(j + 1, "not");
                if verb_next {
                    return Some(j);
                }
            }
            // The object ends at a clause boundary or another cue.
            let object_word = t.is(WORD)
                && !self.tok_is(j, "that")
                && (j == k || self.cue_starting_at(j).is_none());
            let joins = self.is_punct(j, &["-", "’", "'", "."]) || t.is(POSSESSIVE);
            if !(object_word || joins) || t.is(IN_QUOTE) {
                break;
            }
            j += 1;
        }
        None
    }

    /// Whether tokens `a..b` can be the object before a complement: words
    /// of a noun phrase, with no clause of their own.
    fn object_before(&self, a: usize, b: usize) -> bool {
        let words = (a..b).filter(|&j| self.is_word(j)).count();
        words >= 1
            && (a..b).all(|j| {
                !self.is_word(j)
                    || !(self.doc.glue(j, Glue::BetweenSubjectAndVerb)
                        || self.doc.glue(j, Glue::Passive)
                        || self.doc.glue(j, Glue::Negations))
            })
    }

    /// Whether token `j` may be the bare verb after "to": a lower-case word
    /// that is no determiner, pronoun, number or preposition.
    fn bare_verb_like(&self, j: usize) -> bool {
        if j >= self.doc.tokens.len() || !self.is_word(j) || self.is_cap(j) {
            return false;
        }
        let w = self.tok(j);
        !(self.doc.glue(j, Glue::Determiners)
            || self.doc.glue(j, Glue::ContentStops)
            || self.lex.pronoun(w).is_some()
            || w.starts_with(|c: char| c.is_ascii_digit()))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_complement_after_the_object_is_the_content() {
        let r = one("Roe urged the farmers of the valley to reject the levy.");
        assert_eq!((r.1.as_str(), r.3), ("to reject the levy", s("Roe")));
        assert_eq!(
            one("Roe accused the ministry of hiding the report.").1,
            "of hiding the report"
        );
        assert_eq!(
            one("Roe described the levy as “a tax on bread.”").1,
            "as “a tax on bread.”"
        );
        assert_eq!(
            one("The mayor praised the crews for working through the night.").1,
            "for working through the night"
        );
        assert_eq!(
            one("Roe told the drivers to stay home on Monday.").1,
            "to stay home on Monday"
        );
    }

    #[test]
    fn a_passive_reports_its_complement_with_the_agent_as_speaker() {
        let r = one("The driver was praised by the police for stopping the bus.");
        assert_eq!(
            (r.1.as_str(), r.3),
            ("for stopping the bus", s("the police"))
        );
        let r = one("He was told by Jon Roe — the mayor's deputy — to leave at once.");
        assert_eq!((r.1.as_str(), r.3), ("to leave at once", s("Jon Roe")));
        let r = one("The members were asked to vote again in May.");
        assert_eq!((r.1.as_str(), r.3), ("to vote again in May", None));
        // No complement, no statement.
        assert!(run("The members were told the news.").is_empty());
    }

    #[test]
    fn commitments_take_an_infinitive_or_its_negation() {
        assert_eq!(
            one("The labels pledged not to release the songs again.").1,
            "not to release the songs again"
        );
        assert_eq!(
            one("The doctors offered to run a clinic at no cost.").1,
            "to run a clinic at no cost"
        );
        // "offered" reports nothing but an infinitive.
        assert!(run("The doctors offered free vaccines to the camp.").is_empty());
    }

    #[test]
    fn a_complement_right_after_the_verb_is_the_content() {
        assert_eq!(
            one("Roe confessed to the theft of the ledgers.").1,
            "to the theft of the ledgers"
        );
        assert_eq!(
            one("The minister apologized for the delay in payments.").1,
            "for the delay in payments"
        );
    }

    #[test]
    fn a_hearer_or_a_place_after_to_is_no_complement() {
        // The hearer: the clause after "that" is the content.
        assert_eq!(
            one("Roe admitted to reporters that the levy was a mistake.").1,
            "the levy was a mistake"
        );
        // "to" before a noun phrase opens no complement of "told".
        assert!(run("Roe told the story to the court in May.")
            .iter()
            .all(|x| !x.1.starts_with("to ")));
        // A verb with no complement in the lexicon takes none.
        assert!(run("Roe said the crews to the north were tired.")
            .iter()
            .all(|x| !x.1.starts_with("to ")));
    }
}
