//! Speaker phrases with no name at the cue: a short lower-case group
//! opened by a quantifier (`some families said`, `64 percent say`), a long
//! subject of a verb of saying, a noun phrase opening its clause, and the
//! main clause's subject that a participle (`…, saying …`) or an orphan
//! quote belongs to.

use super::{Attributor, Mention};
use crate::lexicon::{CueFrame, Glue};
use crate::pipeline::segment::{DOUBLE_MARK, IN_QUOTE, POSSESSIVE, STOPWORD, WORD};

/// The longest subject, in tokens, that [`Attributor::long_subject`] takes.
const MAX_LONG_SUBJECT: usize = 24;

impl Attributor<'_, '_> {
    /// A short lower-case noun phrase opened by a quantifier or a number,
    /// right before the cue: "some families said", "64 percent say",
    /// "nearly three in five said", "opponents say".
    pub(super) fn quantified_np(&self, limit: usize, k: usize) -> Option<Mention> {
        let floor = limit.max(k.saturating_sub(5));
        let mut j = k;
        while j > floor {
            let p = j - 1;
            let t = self.doc.tokens[p];
            let w = self.tok(p);
            let numeric = w.starts_with(|c: char| c.is_ascii_digit());
            if !(t.is(WORD) || w == "%") || t.is(IN_QUOTE) || self.cue_starting_at(p).is_some() {
                break;
            }
            if self.doc.glue(p, Glue::Quantifiers) || numeric || self.doc.glue(p, Glue::Determiners)
            {
                let m = Mention {
                    first: p,
                    last: k - 1,
                    apposition: None,
                    loose: true,
                };
                // The phrase ends in a noun-like word, not a function word
                // or a time ("this week"); a lone "one" is impersonal.
                let last = self.tok(k - 1);
                let ends_ok = self.is_word(k - 1)
                    && !self.lex.is(Glue::ContentStops, last)
                    && !self.lex.is(Glue::Passive, last)
                    && !self.lex.is(Glue::Adverbials, last)
                    && !self.lex.is(Glue::Calendar, last)
                    && !(p == k - 1 && (last.eq_ignore_ascii_case("one") || numeric))
                    && !matches!(last, "and" | "or" | "but" | "that");
                // "4 in 10 said": a number right before the cue may close a
                // share opened further left.
                let share_end = p == k - 1 && p > floor && self.ratio_in(p - 1);
                if ends_ok || !share_end {
                    return ends_ok.then_some(m);
                }
                j = p;
                continue;
            }
            if self.is_cap(p)
                || self.doc.glue(p, Glue::Passive)
                || matches!(w, "and" | "or" | "but" | "that" | "who" | "which" | "to")
            {
                break;
            }
            j = p;
        }
        // A bare plural noun opening its clause: "opponents say".
        if k <= limit {
            return None;
        }
        let w = self.tok(k - 1);
        let opens = k - 1 == limit
            || self.is_punct(k - 2, &[",", ";", ":"])
            || self.sent_of(k - 2) != self.sent_of(k - 1);
        (opens
            && self.is_word(k - 1)
            && !self.is_cap(k - 1)
            && w.len() > 3
            && w.ends_with('s')
            && !self.lex.is(Glue::BetweenSubjectAndVerb, w))
        .then_some(Mention {
            first: k - 1,
            last: k - 1,
            apposition: None,
            loose: true,
        })
    }

    /// A long subject filling the clause before a verb of saying, when no
    /// shorter phrase is found: "Organizers of the push to boycott the
    /// speech said", "Large majorities of voters in six states going to
    /// the polls on Tuesday said" (`scripts/analysis/long-subjects.py`).
    /// It opens its clause with a name, a determiner, a quantifier or a
    /// number, ends in a content word, and holds no comma, quote, other
    /// cue, finite verb or relative pronoun.
    pub(super) fn long_subject(&self, limit: usize, k: usize) -> Option<Mention> {
        let a = self.clause_subject_start(limit, k);
        if k <= a + 1
            || k - a > MAX_LONG_SUBJECT
            || !self.is_word(k - 1)
            || self.doc.tokens[k - 1].is(STOPWORD)
            || self.doc.glue(k - 1, Glue::ContentStops)
        {
            return None;
        }
        let first = self.tok(a);
        let opener_ok = (self.is_cap(a) && !self.lex.is_stopword(first))
            || self.doc.glue(a, Glue::Determiners)
            || self.doc.glue(a, Glue::Quantifiers)
            || first.starts_with(|c: char| c.is_ascii_digit());
        if !opener_ok || self.doc.glue(a, Glue::Subordinators) || self.lex.pronoun(first).is_some()
        {
            return None;
        }
        let clean = (a..k).all(|j| {
            let t = self.doc.tokens[j];
            !t.is(DOUBLE_MARK)
                && !t.is(IN_QUOTE)
                && self.cue_at[j] == u32::MAX
                && !(t.is(WORD)
                    && (self.doc.glue(j, Glue::FiniteVerbs)
                        || self.doc.glue(j, Glue::Relative)
                        || self.tok_is(j, "that")))
                && (t.is(WORD) || matches!(self.tok(j), "-" | "’" | "'" | "." | "%" | "$" | "&"))
        });
        clean.then_some(Mention {
            first: a,
            last: k - 1,
            apposition: None,
            loose: true,
        })
    }

    /// A short noun phrase filling the clause before the cue: "People with
    /// knowledge of the talks said", "Four in 10 voters say".
    pub(super) fn clause_initial_np(&self, limit: usize, k: usize) -> Option<Mention> {
        let mut a = self.clause_subject_start(limit, k);
        // "Once the driver said …": the conjunction is no part of it.
        if a < k && self.doc.glue(a, Glue::Subordinators) {
            a += 1;
        }
        if k <= a || k - a > 10 {
            return None;
        }
        let first = self.tok(a);
        let opener_ok = (self.is_cap(a)
            && (!self.lex.is_stopword(first) || self.doc.glue(a, Glue::Quantifiers)))
            || self.doc.glue(a, Glue::Determiners)
            || first.starts_with(|c: char| c.is_ascii_digit());
        if !opener_ok {
            return None;
        }
        for j in a..k {
            let w = self.tok(j);
            if self.doc.tokens[j].is(DOUBLE_MARK)
                || self.doc.tokens[j].is(IN_QUOTE)
                || self.cue_starting_at(j).is_some()
            {
                return None;
            }
            if !self.is_word(j) {
                if !matches!(w, "-" | "’" | "'" | "." | "%" | "$" | "&") {
                    return None;
                }
                continue;
            }
            if !self.is_cap(j) && self.doc.glue(j, Glue::Passive)
                || matches!(
                    w,
                    "that"
                        | "who"
                        | "which"
                        | "to"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "and"
                        | "but"
                        | "when"
                        | "if"
                        | "because"
                        | "said"
                        | "says"
                )
            {
                return None;
            }
        }
        let mut last = k - 1;
        while last > a
            && !self.is_cap(last)
            && (self.doc.glue(last, Glue::BetweenSubjectAndVerb)
                || self.doc.glue(last, Glue::Adverbials)
                || self.tok(last).ends_with("ly"))
        {
            last -= 1;
        }
        if !self.is_word(last)
            || self.doc.glue(last, Glue::Determiners)
            || self.doc.glue(last, Glue::ContentStops)
            || self.doc.tokens[last].is(POSSESSIVE)
        {
            return None;
        }
        Some(Mention {
            first: a,
            last,
            apposition: None,
            loose: true,
        })
    }

    /// The subject of the clause holding a participle cue: the speaker of
    /// an earlier statement of the sentence, or its first noun phrase.
    pub(super) fn main_subject(&self, cue_first: usize) -> Option<Mention> {
        let (s_start, _) = self.sent_range(cue_first);
        let s = self.sent_of(cue_first);
        if let Some(st) = self
            .out
            .iter()
            .rev()
            .take(8)
            .find(|st| st.sentence_last == s && st.mention.is_some_and(|m| m.first < cue_first))
        {
            return st.mention;
        }
        // The subject of an earlier finite cue of the sentence: "She
        // revealed that …, saying …".
        if let Some(m) = (s_start.max(cue_first.saturating_sub(40))..cue_first).find_map(|j| {
            let c = self.cue_starting_at(j)?;
            let info = self.cues[c].info(self.lex);
            (!info.participle && info.frame != CueFrame::Source)
                .then(|| self.mention_left(j, s_start))
                .flatten()
        }) {
            return Some(m);
        }
        // Skip an introductory phrase ending in a comma: "However, ",
        // "When asked about it, ".
        let mut k = self.clause_subject_start(s_start, cue_first);
        while k < cue_first && self.is_punct(k, &["“", "\""]) {
            k += 1;
        }
        // "62-year-old Ana Vold": a hyphenated number (an age) before the
        // name modifies it.
        let w = self.tok(k);
        let numeric_modifier = w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('-');
        if k + 1 < cue_first && numeric_modifier && self.is_cap(k + 1) {
            k += 1;
        }
        // The first noun phrase: a pronoun or a name run.
        let w = self.tok(k);
        if self.lex.pronoun(w).is_some() {
            return Some(Mention::new(k, k));
        }
        let e = self.name_run_end(k, cue_first);
        let m = Mention::new(k, e);
        (self.np_word(k) && self.plausible_speaker(&m)).then_some(m)
    }

    /// The name or pronoun opening the clause before token `before`, when
    /// a lower-case word (its verb) follows it: "While Roe proclaims …".
    pub(super) fn sentence_subject(&self, before: usize) -> Option<Mention> {
        let (s_start, _) = self.sent_range(before);
        let mut a = self.clause_subject_start(s_start, before);
        if a < before
            && matches!(
                self.tok(a).to_ascii_lowercase().as_str(),
                "while" | "when" | "as" | "but" | "and"
            )
        {
            a += 1;
        }
        if a >= before || self.doc.tokens[a].is(DOUBLE_MARK) {
            return None;
        }
        let w = self.tok(a);
        if let Some(p) = self.lex.pronoun(w) {
            let follows = a + 1 < before && self.is_word(a + 1) && !self.is_cap(a + 1);
            return (p.person && follows).then_some(Mention::new(a, a));
        }
        if !self.is_cap(a) || !self.np_word(a) {
            return None;
        }
        let e = self.name_run_end(a, before);
        let m = Mention::new(a, e);
        let verb = e + 1 < before
            && ((self.is_word(e + 1) && !self.is_cap(e + 1)) || self.is_punct(e + 1, &[","]));
        (verb && self.plausible_speaker(&m)).then_some(m)
    }

    /// The last token of the name run that starts at token `a` and ends
    /// before token `before`: name words, and the dots of abbreviations
    /// and initials ("Sen. J. R. Roe").
    pub(super) fn name_run_end(&self, a: usize, before: usize) -> usize {
        let mut e = a;
        while e + 1 < before
            && (self.np_word(e + 1)
                || (self.is_punct(e + 1, &["."]) && self.is_abbrev_or_initial(e)))
        {
            e += 1;
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn quantified_and_bare_group_subjects() {
        assert_eq!(
            one("Two senior officials said the talks had failed.").3,
            s("Two senior officials")
        );
        assert_eq!(
            one("The levy was dropped in May, federal officials said.").3,
            s("federal officials")
        );
        // A capitalised quantifier opens a phrase though it is no name.
        assert_eq!(
            one("Voters are split. One in five said the levy was fair.").3,
            s("One in five")
        );
    }

    #[test]
    fn a_participle_belongs_to_the_main_subject() {
        let r = run("Roe disclosed that the budget was cut, adding that schools would suffer.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(r.iter().all(|x| x.3 == s("Roe")), "{r:?}");
        // No subject, no speaker: a sentence opened by a lower-case word.
        assert!(run("adding that schools would suffer.").is_empty());
    }

    #[test]
    fn a_place_after_the_intro_and_an_age_are_not_the_main_subject() {
        // "in Tallow, Ohio, 62-year-old Ana Vold": the state belongs to the
        // introductory phrase, the age to the name.
        let r = run("At an event in Tallow, Ohio, 62-year-old Ana Vold railed against the plan, and explained that it upset her.");
        assert_eq!(r.last().map(|x| x.3.clone()), Some(s("Ana Vold")), "{r:?}");
        // A name that is no place stays the subject after the intro.
        let r = run("At an event in Tallow, Jon Roe railed against the plan, and explained that it upset him.");
        assert_eq!(r.last().map(|x| x.3.clone()), Some(s("Jon Roe")), "{r:?}");
    }
}
