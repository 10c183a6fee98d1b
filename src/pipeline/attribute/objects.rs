//! What a verb takes after it besides a clause: the object of a stance
//! verb (`endorsed Roe`, `called for an inquiry`) and the hearer of a verb
//! of telling (`told the FT that …`, `…, Roe told reporters.`).

use super::{Attributor, Mention, Statement};
use crate::event::Attribution;
use crate::lexicon::Glue;
use crate::pipeline::segment::{ALLCAPS, DOUBLE_MARK, IN_QUOTE, POSSESSIVE};
use crate::text::Span;

impl Attributor<'_, '_> {
    /// Stance verbs: the object is the content ("endorsed Roe last week").
    pub(super) fn object_statement(
        &self,
        c: usize,
        mention: Mention,
        s_end: usize,
    ) -> Option<Statement> {
        let cue = &self.cues[c];
        let k = cue.last + 1;
        if k >= s_end || !(self.is_word(k) || self.doc.tokens[k].is(DOUBLE_MARK)) {
            return None;
        }
        // "what the ministry calls a solidarity charge", "the levy, which
        // the ministry calls …": the object is the relative pronoun.
        let before = mention.first.saturating_sub(1);
        if cue.first >= 2
            && (self.tok_is(before, "what")
                || self.doc.glue(before, Glue::Relative)
                || self.tok_is(before, "that")
                || self.tok_is(cue.first - 1, "what"))
        {
            return None;
        }
        // A clause as object ("criticized how the plan was run", "denied
        // that …") runs like reported speech.
        let clausal = ["that", "how", "whether", "what", "why", "if", "to"]
            .iter()
            .any(|w| self.tok_is(k, w));
        let mut end = if clausal {
            self.content_end(k + 1, s_end, Some(c))
        } else {
            k
        };
        // Where the first object ends, when a second one is joined by
        // "and": whether the object states something is judged on it.
        let mut first_object_end = None;
        while !clausal && end < s_end {
            let in_quote = self.doc.tokens[end].is(IN_QUOTE);
            let abbrev_dot =
                self.is_punct(end, &["."]) && self.is_abbrev_or_initial(end - 1) && end + 1 < s_end;
            if !in_quote
                && end > k
                && !abbrev_dot
                && (self.is_punct(end, &[",", ";", ":", "—", "–", ".", "!", "?", "("])
                    || (self.is_word(end)
                        && !self.is_cap(end)
                        && self.doc.glue(end, Glue::ObjectStops)
                        && !self.second_object(end, s_end)))
            {
                break;
            }
            if self.is_word(end) && self.doc.glue(end, Glue::ObjectStops) {
                first_object_end.get_or_insert(end);
            }
            end += 1;
        }
        // Not ending on a function word: "a culture in [which …]".
        while end > k + 1
            && self.is_word(end - 1)
            && !self.doc.tokens[end - 1].is(IN_QUOTE)
            && (self.doc.glue(end - 1, Glue::ContentStops)
                || self.doc.glue(end - 1, Glue::Determiners)
                || matches!(
                    self.tok(end - 1),
                    "in" | "on" | "at" | "as" | "and" | "or" | "but" | "than"
                ))
        {
            end -= 1;
        }
        let statement = self.reported(c, k, end, Some(mention))?;
        // "criticised the company": a verb of saying with an object that
        // only names its target takes a stance; it reports nothing said.
        let named_end = first_object_end.map_or(end, |e| e.min(end));
        let attribution = if clausal || self.states_something(k, named_end) {
            statement.attribution
        } else {
            Attribution::Stance
        };
        Some(Statement {
            attribution,
            sentence_first: self.sent_of(mention.first.min(cue.first)),
            confidence: 0.45,
            priority: 4,
            ..statement
        })
    }

    /// Whether "and" at token `and` joins a second object to the first
    /// ("criticized Roe and Vold", "praised the plan and its authors",
    /// "opposed the levy and new tariffs"): a determiner, a capitalised
    /// word that is no sentence opener, or a lower-case word that is no
    /// pronoun, verb form, adverb or conjunction follows, and no cue.
    /// PolNeAR train objects run on through such an "and" 37 times and
    /// stop 7 before a determiner or a capital, 49 and 4 before such a
    /// lower-case word (`scripts/analysis/object-and.py`).
    pub(super) fn second_object(&self, and: usize, s_end: usize) -> bool {
        let next = and + 1;
        if !self.tok_is(and, "and")
            || next >= s_end
            || !self.is_word(next)
            || self.doc.tokens[next].is(IN_QUOTE)
            || self.cue_starting_at(next).is_some()
        {
            return false;
        }
        let w = self.tok(next);
        if self.is_cap(next) {
            return !self.lex.is_stopword(w);
        }
        let verb_form = w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
        self.doc.glue(next, Glue::Determiners)
            || !(verb_form
                || self.lex.pronoun(w).is_some()
                || self.doc.glue(next, Glue::FiniteVerbs)
                || self.doc.glue(next, Glue::BetweenSubjectAndVerb)
                || self.doc.glue(next, Glue::Subordinators)
                || self.doc.glue(next, Glue::ObjectStops)
                || self.doc.glue(next, Glue::ContentStops))
    }

    /// The hearer after cue `c`, if it has one, and the first token after
    /// the cue and the hearer.
    pub(super) fn after_addressee(&self, c: usize) -> (Option<Span>, usize) {
        match self.addressee_after(c) {
            Some((span, next)) => (Some(span), next),
            None => (None, self.cues[c].last + 1),
        }
    }

    /// The hearer after an addressee verb, and the token after it.
    pub(super) fn addressee_after(&self, c: usize) -> Option<(Span, usize)> {
        let cue = &self.cues[c];
        if !cue.info(self.lex).addressee {
            return None;
        }
        let (_, s_end) = self.sent_range(cue.first);
        let k = cue.last + 1;
        if k >= s_end || !self.is_word(k) {
            return None;
        }
        if self.doc.glue(k, Glue::Addressees) {
            return Some((self.doc.tokens[k].span, k + 1));
        }
        let mut j = k;
        if self.doc.glue(j, Glue::Determiners) && j + 1 < s_end && self.is_cap(j + 1) {
            j += 1;
        }
        if !self.is_cap(j) || self.lex.is_stopword(self.tok(j)) {
            return None;
        }
        // "The Star-Ledger of Newark", "CNN's Jake Tapper".
        while j + 1 < s_end {
            let joined = j + 2 < s_end
                && (self.is_punct(j + 1, &["-"]) || self.tok_is(j + 1, "of"))
                && self.is_cap(j + 2);
            if self.is_cap(j + 1) || self.doc.tokens[j + 1].is(POSSESSIVE) {
                j += 1;
            } else if joined {
                j += 2;
            } else {
                break;
            }
        }
        // An abbreviation in brackets: "the Varnholm Herald (FT)".
        if j + 3 < s_end
            && self.is_punct(j + 1, &["("])
            && self.doc.tokens[j + 2].is(ALLCAPS)
            && self.is_punct(j + 3, &[")"])
        {
            j += 3;
        }
        Some((self.doc.span(k, j), j + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn requests_and_bare_objects_are_not_statements() {
        assert!(run("Roe asked not to be named.").is_empty());
        assert!(run("Roe told him so.").is_empty());
    }

    #[test]
    fn a_second_object_after_and_is_part_of_the_content() {
        let r = run("Ana Vold criticized Jon Roe and Lia Pik after the vote.");
        assert_eq!(r[0].1, "Jon Roe and Lia Pik");
        let r = run("Ana Vold praised the levy and its authors last week.");
        assert_eq!(r[0].1, "the levy and its authors");
        // The second object does not make a speech verb's object a
        // statement: it names things.
        let r = run_with(
            "Ana Vold criticised the levy and the harm the mills can do.",
            crate::pipeline::Attributions::SPEECH,
        );
        assert!(r.is_empty());
        let r = run("Ana Vold opposed the levy and new tariffs last week.");
        assert_eq!(r[0].1, "the levy and new tariffs");
        // A second verb is no second object, nor is a new subject.
        let r = run("Ana Vold criticized the levy and voted against it.");
        assert_eq!(r[0].1, "the levy");
        let r = run("Ana Vold criticized the levy and then left the hall.");
        assert_eq!(r[0].1, "the levy");
        let r = run("Ana Vold praised the mayor and he thanked her.");
        assert_eq!(r[0].1, "the mayor");
    }

    #[test]
    fn a_tag_with_a_hearer_ends_the_clause() {
        let r = one("The mill will close in May, Cook told reporters.");
        assert_eq!(
            (r.1.as_str(), r.3.clone()),
            ("The mill will close in May", s("Cook"))
        );
        let r = one("Apple is in every big firm, Tim Cook told Ana Lee on Tuesday.");
        assert_eq!(
            (r.1.as_str(), r.3.clone()),
            ("Apple is in every big firm", s("Tim Cook"))
        );
        // A hearer followed by a clause of its own is no tag.
        let r = run("After the vote, Roe told the union it had lost.");
        assert!(r.iter().all(|x| x.1 != "After the vote"), "{r:?}");
    }
}
