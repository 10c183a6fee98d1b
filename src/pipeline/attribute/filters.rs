//! What looks like reported speech but reports nothing said: speech acts
//! that did not happen ("did not say", "would tell", "declined to say"),
//! verbs of saying whose object only names a thing ("added three goals",
//! "reported a profit", "criticised the company") rather than stating what
//! was communicated ("suggested the possibility of sending troops", "said
//! prices would fall"), and the writer's own first person in opinion
//! pieces ("as I wrote last week", "I told my readers").
//!
//! The word lists (negations, modals, refusals, finite verbs, content
//! nouns) are lexicon data in `glue.txt`; `scripts/analysis/unsaid.py` and
//! `scripts/analysis/objects.py` measure both rules on the evaluation sets.

use super::{Attributor, Statement};
use crate::lexicon::Glue;
use crate::pipeline::segment::{DOUBLE_MARK, IN_QUOTE, POSSESSIVE};

/// How far back from a cue a negation or modal is looked for, in words
/// ("did not immediately say": three).
const MAX_MARKER_DISTANCE: usize = 4;

/// How many words of an object are read for a verb or a content noun.
const MAX_OBJECT_WORDS: usize = 12;

impl Attributor<'_, '_> {
    /// Whether the speech act of cue `c` is negated, hypothetical or
    /// refused: "did not say", "never told", "would tell", "declined to
    /// say". Adverbs and auxiliaries may stand between the marker and the
    /// cue; a capitalised "May" is a name, not a modal.
    pub(super) fn unsaid(&self, c: usize) -> bool {
        let first = self.cues[c].first;
        let (s_start, _) = self.sent_range(first);
        let mut j = first;
        for _ in 0..MAX_MARKER_DISTANCE {
            if j <= s_start || !self.is_word(j - 1) {
                return false;
            }
            j -= 1;
            let w = self.tok(j);
            if self.doc.glue(j, Glue::Negations) || w.ends_with("n't") || w.ends_with("n’t") {
                return true;
            }
            if self.doc.glue(j, Glue::Hypotheticals) && !self.is_cap(j) {
                return true;
            }
            if w.eq_ignore_ascii_case("to") {
                return j > s_start && self.doc.glue(j - 1, Glue::Refusals);
            }
            if !(self.doc.glue(j, Glue::BetweenSubjectAndVerb)
                || (w.len() > 4 && w.ends_with("ly")))
            {
                return false;
            }
        }
        false
    }

    /// Whether a statement is the writer's own: its speaker mention is a
    /// first-person pronoun ("I", "we") outside quote marks (cues inside
    /// quotes are never taken), so the article's author speaks, not someone
    /// it reports on. On PolNeAR train, which annotates opinion pieces' own
    /// attributions, such statements are right 57 % of the time; the news
    /// gold counts them once in 605 statements. Only speech is dropped: the
    /// writer's beliefs and stances ("I think …", "we support …") are
    /// attributions PolNeAR counts (train: 44 of 80 right, against 57 %
    /// for the first person as a whole), and no speech.
    pub(super) fn writers_own(&self, st: &Statement) -> bool {
        st.mention.is_some_and(|m| {
            m.first == m.last
                && !self.doc.tokens[m.first].is(IN_QUOTE)
                && self.doc.glue(m.first, Glue::FirstPerson)
        })
    }

    /// Whether a statement's speaker is a share of poll respondents ("51
    /// percent say", "a majority of voters said"): a poll finding, which
    /// is evidence rather than speech. The share word must belong to the
    /// speaker phrase: within a few words before the mention, with no
    /// punctuation between.
    pub(super) fn poll_share(&self, st: &Statement) -> bool {
        const MAX_SHARE_DISTANCE: usize = 4;
        let Some(m) = st.mention else {
            return false;
        };
        // "4 in 10 said", "three in five say": a share written as a ratio.
        if (m.first + 1..m.last).any(|i| self.ratio_in(i)) {
            return true;
        }
        let mut j = m.last + 1;
        while j > m.first.saturating_sub(MAX_SHARE_DISTANCE) && j > 0 {
            j -= 1;
            let t = self.tok(j);
            if self.doc.glue(j, Glue::PollShares) {
                return true;
            }
            if j < m.first && !self.is_word(j) && t != "%" {
                return false;
            }
        }
        false
    }

    /// Whether the content tokens `a..b` that follow a verb of saying with
    /// no "that" state something: a clause (a finite verb, or a pronoun
    /// subject), a quote, a question or gerund, a complement ("to …", "of
    /// …", "as …"), or a noun of what was communicated ("the possibility
    /// of …"). A plain noun phrase ("three goals", "the news", "the
    /// company's plan") only names a thing.
    pub(super) fn states_something(&self, a: usize, b: usize) -> bool {
        if a >= b {
            return false;
        }
        let first = self.tok(a);
        // "asked Roe about the plan": a topic ("about 40 people" is a
        // number).
        if first.eq_ignore_ascii_case("about")
            && !(a + 1 < b && self.tok(a + 1).starts_with(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        let opens_clause = self.lex.pronoun(first).is_some()
            && !self.tok_is(a, "her")
            && !self.tok_is(a, "his")
            && !self.tok_is(a, "its")
            || [
                "there", "if", "whether", "how", "why", "what", "when", "where", "who",
            ]
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w))
            || ["to", "of", "as", "for", "not"]
                .iter()
                .any(|w| first.eq_ignore_ascii_case(w))
            || (self.is_word(a) && !self.is_cap(a) && first.ends_with("ing"));
        if opens_clause {
            return true;
        }
        let mut words = 0;
        let mut prev_name = false;
        for j in a..b {
            let t = self.doc.tokens[j];
            if t.is(DOUBLE_MARK) || t.is(IN_QUOTE) || self.tok_is(j, "that") {
                return true;
            }
            if !self.is_word(j) {
                prev_name = false;
                continue;
            }
            let w = self.tok(j);
            if self.doc.glue(j, Glue::FiniteVerbs) || self.doc.glue(j, Glue::ContentNouns) {
                return true;
            }
            // "Apple employs …", "Carter stopped …": a lower-case verb form
            // right after a name (adverbs between: "Republicans now
            // control …").
            let verb_form =
                !self.is_cap(j) && w.len() > 3 && (w.ends_with("ed") || w.ends_with('s'));
            if prev_name && verb_form && !w.ends_with("ss") {
                return true;
            }
            // "said the court agreed": a past form right after a
            // determiner and a lower-case noun.
            if verb_form
                && w.ends_with("ed")
                && j >= a + 2
                && self.is_word(j - 1)
                && !self.is_cap(j - 1)
                && !self.lex.is_stopword(self.tok(j - 1))
                && !self.doc.glue(j - 1, Glue::Determiners)
                && self.doc.glue(j - 2, Glue::Determiners)
            {
                return true;
            }
            let adverb = !self.is_cap(j)
                && ((w.len() > 4 && w.ends_with("ly"))
                    || self.doc.glue(j, Glue::BetweenSubjectAndVerb));
            prev_name = (prev_name && adverb)
                || (self.is_cap(j) && !t.is(POSSESSIVE) && !self.lex.is_stopword(w));
            words += 1;
            if words >= MAX_OBJECT_WORDS {
                break;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::pipeline::Attributions;

    fn speech(text: &str) -> Vec<Found> {
        run_with(text, Attributions::SPEECH)
    }

    #[test]
    fn a_past_form_after_a_determiner_and_a_noun_is_a_clause() {
        assert_eq!(
            speech("Roe said the court agreed.")[0].1,
            "the court agreed"
        );
        // A participle right after the determiner is no verb.
        assert!(speech("Roe announced the long-awaited merger.").is_empty());
    }

    #[test]
    fn negated_and_hypothetical_speech_is_not_a_statement() {
        assert!(speech("Roe did not say the mill would close.").is_empty());
        assert!(speech("Roe never told the union the mill would close.").is_empty());
        assert!(speech("Roe would tell anyone the mill was doomed.").is_empty());
        assert!(speech("Roe declined to say whether the mill would close.").is_empty());
        // Said, then a negated clause: a statement.
        assert_eq!(
            speech("Roe said the mill would not close.")[0].1,
            "the mill would not close"
        );
        // "May" the name is no modal.
        assert_eq!(
            speech("Theresa May said the talks would resume.")[0].3,
            s("Theresa May")
        );
    }

    #[test]
    fn the_writers_own_first_person_is_not_a_statement() {
        assert!(speech("As I wrote last week, the levy is a mistake.").is_empty());
        assert!(speech("I told my readers that the mill would close.").is_empty());
        // A first person inside a quote is the quoted speaker's.
        let r = speech("“We told the council that the mill would close,” Roe said.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].3, s("Roe"));
        // The writer's beliefs are attributions of their own: "all" keeps
        // them, speech never holds them.
        let r = run("I think the levy will fail in Tallow.");
        assert_eq!(
            (r.len(), r[0].1.as_str()),
            (1, "the levy will fail in Tallow")
        );
        assert!(speech("I think the levy will fail in Tallow.").is_empty());
        assert!(run("I said the levy will fail in Tallow.").is_empty());
    }

    #[test]
    fn a_poll_share_saying_something_is_evidence() {
        assert!(speech("Fifty-one percent say the levy should go.").is_empty());
        assert!(speech("Some 44 percent of voters said they backed the levy.").is_empty());
        let all = run("A majority of voters said they backed the levy.");
        assert_eq!(all.len(), 1);
        // A share written as a ratio, found in every class.
        assert!(speech("The voters were split, and 4 in 10 said the levy should go.").is_empty());
        let all = run("The voters were split, and 4 in 10 said the levy should go.");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].3, s("4 in 10"));
        // A year after "in" makes no share.
        assert_eq!(
            speech("Many voters in 2016 said the levy should go.").len(),
            1
        );
        // A share elsewhere in the sentence is no speaker.
        assert_eq!(
            speech("Sales rose 5%, the company said.")[0].3,
            s("the company")
        );
    }

    #[test]
    fn objects_that_name_a_thing_are_not_statements() {
        assert!(speech("Gallinari added 25 points in the second half.").is_empty());
        assert!(speech("The company reported strong growth in all its markets.").is_empty());
        assert!(speech("They criticised the company and its owners.").is_empty());
        assert!(speech("Roe asked Poe about concerns over the levy.").is_empty());
        assert_eq!(
            speech("Roe said about 40 people had left.")[0].1,
            "about 40 people had left"
        );
        // A clause, a quote or a noun of what was said is a statement.
        assert_eq!(
            speech("Roe said prices fell in May.")[0].1,
            "prices fell in May"
        );
        assert_eq!(
            speech("Roe suggested the possibility of sending more troops.")[0].1,
            "the possibility of sending more troops"
        );
        assert_eq!(
            speech("Roe called the levy “a tax on bread.”").len(),
            1,
            "{:?}",
            speech("Roe called the levy “a tax on bread.”")
        );
    }
}
