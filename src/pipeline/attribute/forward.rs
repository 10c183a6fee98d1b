//! The clause a cue reports, read forward from the cue: "said (on
//! Thursday) that CLAUSE", "told reporters CLAUSE", "promised to …", up to
//! where the reported clause ends; a refusal ("said no") or a bare object
//! ("told him") reports nothing.

use super::{Attributor, Mention, Statement};
use crate::event::Attribution;
use crate::lexicon::Glue;
use crate::pipeline::segment::{DOUBLE_MARK, IN_QUOTE};
use crate::text::Span;

impl Attributor<'_, '_> {
    /// The clause reported by cue `c`, starting at token `k`.
    pub(super) fn forward_statement(
        &self,
        c: usize,
        mention: Mention,
        k: usize,
        s_end: usize,
        addressee: Option<Span>,
    ) -> Option<Statement> {
        let cue = &self.cues[c];
        let info = cue.info(self.lex);
        let belief = info.is_belief_verb();
        let mut k = k;
        let mut saw_that = false;
        // Skip adverbials up to a "that" close by: "said on Thursday that".
        if let Some(that) = (k..(k + 10).min(s_end)).find(|&j| self.tok_is(j, "that")) {
            // The hearer: "told reporters that", "admitted to the paper that".
            let hearer = info.addressee || info.direct.contains("to");
            let objectish =
                |j: usize| hearer && self.is_word(j) && self.cue_starting_at(j).is_none();
            if (k..that).all(|j| self.skippable_before_that(j) || objectish(j)) {
                k = that + 1;
                saw_that = true;
            }
        }
        while k < s_end && self.is_punct(k, &[",", ":"]) {
            k += 1;
        }
        if k >= s_end {
            return None;
        }
        // "said for weeks he was …", "said in recent days the plan …": a
        // time phrase before the clause.
        if !saw_that {
            let w = self.tok(k).to_ascii_lowercase();
            // "told the Herald by email the plan …": a channel, too.
            if matches!(
                w.as_str(),
                "for"
                    | "in"
                    | "on"
                    | "over"
                    | "since"
                    | "during"
                    | "last"
                    | "this"
                    | "earlier"
                    | "by"
                    | "via"
            ) {
                let time_word = |j: usize| {
                    let t = self.tok(j);
                    let article = matches!(t, "a" | "an" | "the");
                    self.is_word(j)
                        && (!article
                            || (j + 1 < s_end
                                && self.doc.glue(j + 1, Glue::Adverbials)
                                && !matches!(self.tok(j + 1), "a" | "an" | "the")))
                        && (self.doc.glue(j, Glue::Adverbials)
                            || self.doc.glue(j, Glue::Calendar)
                            || matches!(
                                t.to_ascii_lowercase().as_str(),
                                "weeks"
                                    | "months"
                                    | "years"
                                    | "days"
                                    | "decades"
                                    | "recent"
                                    | "past"
                                    | "several"
                                    | "many"
                                    | "some"
                                    | "two"
                                    | "three"
                            ))
                };
                let mut j = k + 1;
                while j < s_end && j <= k + 4 && time_word(j) {
                    j += 1;
                }
                if j > k + 1 && j + 1 < s_end && self.tok_is(j, "that") {
                    k = j + 1;
                    saw_that = true;
                } else if j > k + 1 && j < s_end {
                    let t = self.tok(j);
                    let opens = self.lex.pronoun(t).is_some()
                        || (self.is_cap(j) && !self.lex.is_stopword(t))
                        || self.doc.glue(j, Glue::Determiners);
                    if opens && self.cue_starting_at(j).is_none() {
                        k = j;
                    }
                }
            }
        }
        // "testified, describing her as …": the participle reports its own
        // statement.
        if self
            .cue_starting_at(k)
            .is_some_and(|c2| self.cues[c2].info(self.lex).participle)
        {
            return None;
        }
        let first = self.tok(k);
        let promised = info.infinitive && first.eq_ignore_ascii_case("to");
        if !saw_that {
            if (self.doc.glue(k, Glue::ContentStops) && !promised)
                || self.is_punct(k, &[".", "!", "?", ";", ")", "("])
            {
                return None;
            }
            // A belief takes a clause ("thinks women will decide"), not an
            // infinitive or a preposition ("hopes for a miracle"), unless it
            // is an intention ("hopes to win").
            if belief
                && ((first.eq_ignore_ascii_case("to") && !promised)
                    || self.doc.tokens[k].is(DOUBLE_MARK))
            {
                return None;
            }
            // "said Tuesday" with nothing after, or a bare object pronoun.
            // ("her office" is a clause; "told her" is not.)
            let possessive_her = first.eq_ignore_ascii_case("her")
                && k + 1 < s_end
                && self.is_word(k + 1)
                && !self.tok_is(k + 1, "to");
            // "said no decision had been made": "no" opens the subject of
            // a clause, whose verb follows; "said no", "said no to the
            // plan" refuse, and "showed no sign" names a thing.
            let determiner_no = first.eq_ignore_ascii_case("no")
                && k + 2 < s_end
                && self.is_word(k + 1)
                && !self.tok_is(k + 1, "to")
                && (k + 2..s_end.min(k + 5))
                    .any(|j| self.is_word(j) && self.doc.glue(j, Glue::FiniteVerbs));
            if !possessive_her
                && !determiner_no
                && matches!(
                    first.to_ascii_lowercase().as_str(),
                    "him" | "her" | "them" | "me" | "us" | "so" | "yes" | "no"
                )
            {
                return None;
            }
        }
        // Direct quotes right after the cue were handled as direct speech.
        if self.doc.tokens[k].is(DOUBLE_MARK) {
            if let Some(q) = self.quotes.iter().find(|q| q.open == k) {
                if self.out.iter().any(|s| s.content == q.inner) {
                    return None;
                }
            }
        }
        let mut end = self.content_end(k, s_end, Some(c));
        // "Once the man mentioned that X, Dempsey came up with …": in a
        // subordinate clause, the content ends where the main clause's
        // subject follows a comma.
        if self.opens_subordinate(mention.first) {
            if let Some(comma) = (k + 1..end).find(|&j| {
                self.is_punct(j, &[","])
                    && !self.doc.tokens[j].is(IN_QUOTE)
                    && j + 1 < end
                    && self.opens_subject(j + 1)
            }) {
                end = comma;
            }
        }
        let statement = self.reported(c, k, end, Some(mention))?;
        let n_words = (k..end).filter(|&j| self.is_word(j)).count();
        if n_words < 2 {
            return None;
        }
        // "said in a NASA statement.": a channel or a time, nothing said.
        if !saw_that
            && !self.is_cap(k)
            && self.doc.glue(k, Glue::Adverbials)
            && (k..end)
                .all(|j| !self.is_word(j) || self.doc.glue(j, Glue::Adverbials) || self.is_cap(j))
        {
            return None;
        }
        // "asked not to be named", "told him not to worry": requests, not
        // statements.
        if self.tok_is(k, "not") && k + 1 < end && self.tok_is(k + 1, "to") {
            return None;
        }
        // "added three goals", "reported a profit": an object that only
        // names a thing reports no speech; it takes a stance at most.
        let attribution = if saw_that || self.states_something(k, end) {
            statement.attribution
        } else {
            Attribution::Stance
        };
        Some(Statement {
            addressee,
            attribution,
            sentence_first: self.sent_of(mention.first.min(cue.first)),
            confidence: if belief {
                0.55
            } else if saw_that {
                0.85
            } else {
                0.75
            },
            priority: if belief { 4 } else { 1 },
            ..statement
        })
    }

    /// Whether the clause of a speaker mention starting at token `first`
    /// is subordinate: a conjunction like "once" or "when" opens it.
    fn opens_subordinate(&self, first: usize) -> bool {
        let (s_start, _) = self.sent_range(first);
        first > s_start && self.is_word(first - 1) && self.doc.glue(first - 1, Glue::Subordinators)
    }

    /// Whether a clause subject may start at token `j`: a pronoun, a
    /// determiner or a capitalised word that is no sentence opener.
    fn opens_subject(&self, j: usize) -> bool {
        let w = self.tok(j);
        self.is_word(j)
            && (self.lex.pronoun(w).is_some()
                || self.doc.glue(j, Glue::Determiners)
                || (self.is_cap(j) && !self.lex.is_stopword(w)))
            && !self.doc.glue(j, Glue::Relative)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn no_opens_a_clause_unless_it_refuses() {
        assert_eq!(
            one("Roe said no decision had been made.").1,
            "no decision had been made"
        );
        assert_eq!(
            one("Roe said no one had complained.").1,
            "no one had complained"
        );
        // A refusal, and "no" before a thing, are no clause.
        assert!(run("Roe said no.").is_empty());
        assert!(run("Roe said no to the plan.").is_empty());
        assert!(run("Police reported no arrests late on Monday.").is_empty());
    }

    #[test]
    fn commitments_take_an_infinitive_and_time_phrases_are_skipped() {
        let r = one("Roe vowed to fight the levy in court.");
        assert_eq!(r.1, "to fight the levy in court");
        assert_eq!(
            one("Roe said on Monday the plan was dead.").1,
            "the plan was dead"
        );
        assert_eq!(
            one("Roe has said for weeks he would run.").1,
            "he would run"
        );
        assert_eq!(
            one("Joseph R. Biden Jr. warned that the plan would fail.").3,
            s("Joseph R. Biden Jr")
        );
    }

    #[test]
    fn a_channel_before_a_clause_without_that_is_skipped() {
        let r = one("Roe told the Herald by email the plan had failed.");
        assert_eq!((r.1.as_str(), r.3), ("the plan had failed", s("Roe")));
        assert_eq!(
            one("Roe told reporters by text message he would not run.").1,
            "he would not run"
        );
    }

    #[test]
    fn a_subordinate_clause_ends_before_the_main_clause() {
        let r = run("Once the driver mentioned that the brakes had failed, Roe called the police.");
        assert_eq!(r[0].1, "the brakes had failed");
        // In a main clause a comma does not end it.
        assert_eq!(
            one("Roe said the brakes had failed, the driver was hurt and the bus was gone.").1,
            "the brakes had failed, the driver was hurt and the bus was gone"
        );
    }
}
