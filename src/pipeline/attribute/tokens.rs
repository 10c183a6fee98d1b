//! Token views shared by every rule family: the token's text, its
//! sentence and paragraph, its word class, and the cue that starts at it.

use super::Attributor;
use crate::lexicon::Glue;
use crate::pipeline::segment::{CAP, POSSESSIVE, WORD};
use crate::text::Span;

impl<'t> Attributor<'_, 't> {
    /// The text of token `i`.
    pub(super) fn tok(&self, i: usize) -> &'t str {
        self.doc.tok(i)
    }

    /// The sentence index of token `i`.
    pub(super) fn sent_of(&self, i: usize) -> usize {
        self.doc.tokens[i].sentence as usize
    }

    /// The token range `start..end` of the sentence holding token `i`.
    pub(super) fn sent_range(&self, i: usize) -> (usize, usize) {
        let s = &self.doc.sentences[self.sent_of(i)];
        (s.tokens.start, s.tokens.end)
    }

    /// The paragraph index of token `i`.
    pub(super) fn para_of(&self, i: usize) -> usize {
        self.doc.sentences[self.sent_of(i)].paragraph
    }

    /// The cue whose first token is `i`.
    pub(super) fn cue_starting_at(&self, i: usize) -> Option<usize> {
        let c = *self.cue_at.get(i)?;
        (c != u32::MAX && self.cues[c as usize].first == i).then_some(c as usize)
    }

    /// Whether token `i` is punctuation from `set`.
    pub(super) fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        !self.doc.tokens[i].is(WORD) && set.contains(&self.tok(i))
    }

    /// Whether token `i` is a word.
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].is(WORD)
    }

    /// Whether token `i` is a capitalised word.
    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens[i].is(CAP)
    }

    /// Whether token `i` reads `s`, ignoring ASCII case.
    pub(super) fn tok_is(&self, i: usize, s: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(s)
    }

    /// Whether token `i` is the "in" of a share written as a ratio, a
    /// number or number word on each side: "4 in 10", "three in five".
    pub(super) fn ratio_in(&self, i: usize) -> bool {
        let number = |j: usize| {
            self.tok(j).starts_with(|c: char| c.is_ascii_digit())
                || self.doc.glue(j, Glue::Quantifiers)
        };
        i > 0
            && i + 1 < self.doc.tokens.len()
            && self.tok_is(i, "in")
            && number(i - 1)
            && number(i + 1)
    }

    /// Whether token `k` is the closing mark of a quote.
    pub(super) fn closes_quote(&self, k: usize) -> bool {
        self.quotes.iter().any(|q| q.close == Some(k))
    }

    /// A determiner, a quantifier or a number: "the", "many", "two", "42".
    pub(super) fn determiner_like(&self, i: usize) -> bool {
        let w = self.tok(i);
        self.is_word(i)
            && !self.doc.tokens[i].is(POSSESSIVE)
            && (self.doc.glue(i, Glue::Determiners)
                || self.doc.glue(i, Glue::Quantifiers)
                || w.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// A word whose period does not end a name run: a dotted title
    /// ("Sen."), an initial ("C."), an abbreviation of the lexicon, or a
    /// capitalised dotted abbreviation ("U.S." in "U.S. Attorney Jon Roe").
    pub(super) fn is_abbrev_or_initial(&self, i: usize) -> bool {
        let w = self.tok(i);
        self.is_word(i)
            && (self.lex.is_dotted_title(w)
                || (w.chars().count() == 1 && self.is_cap(i))
                || self.lex.is_abbreviation(w)
                || (self.is_cap(i) && w.contains('.')))
    }

    /// The paragraph holding the first token of `span`.
    pub(super) fn para_of_span(&self, span: Span) -> usize {
        let t = self
            .doc
            .tokens
            .partition_point(|t| t.span.start < span.start);
        self.para_of(t.min(self.doc.tokens.len() - 1))
    }

    /// Whether every paragraph strictly between `a` and `b` is a skip
    /// zone (and `a < b`).
    pub(super) fn only_skips_between(&self, a: usize, b: usize) -> bool {
        a < b && (a + 1..b).all(|p| self.doc.paragraphs[p].skip)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn word_classes_are_read_from_the_token() {
        with(
            "Sen. J. Roe and 42 officials said the mill would close.",
            |a| {
                assert!(a.is_abbrev_or_initial(at(a, "Sen")));
                assert!(a.is_abbrev_or_initial(at(a, "J")));
                assert!(!a.is_abbrev_or_initial(at(a, "Roe")));
                assert!(a.determiner_like(at(a, "42")));
                assert!(a.determiner_like(at(a, "the")));
                assert!(!a.determiner_like(at(a, "officials")));
                assert!(a.is_cap(at(a, "Roe")) && !a.is_cap(at(a, "mill")));
                assert!(a.is_punct(at(a, "."), &["."]) && !a.is_word(at(a, ".")));
            },
        );
    }

    #[test]
    fn a_capitalised_dotted_abbreviation_continues_a_name_run() {
        with(
            "At 5 p.m. the mill closed, said U.S. Attorney Jon Roe.",
            |a| {
                assert!(a.is_abbrev_or_initial(at(a, "U.S")));
                assert!(!a.is_abbrev_or_initial(at(a, "p.m")));
            },
        );
        let r = one("\u{201c}We will win the case,\u{201d} said U.S. Attorney Jon Roe.");
        assert_eq!(r.3, s("U.S. Attorney Jon Roe"), "{r:?}");
    }

    #[test]
    fn a_cue_is_found_only_at_its_first_token() {
        with("The mill will close, according to Roe.", |a| {
            let according = at(a, "according");
            assert!(a.cue_starting_at(according).is_some());
            assert!(a.cue_starting_at(according + 1).is_none());
            assert!(a.cue_starting_at(at(a, "mill")).is_none());
        });
    }
}
