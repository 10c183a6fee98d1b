//! What the text says a named entity is: its title and affiliation, read
//! from the words around one occurrence of its name.
//!
//! * pre-modifiers: "Charlton goalkeeper Dean Kiely", "NASA Administrator
//!   Jim Bridenstine", "Estonia's Prime Minister Kaja Kallas" (the capitalised
//!   part is handled by [`Resolver::parse`], the lower-case role words here);
//! * appositions after the name: "Bob Murray, chairman of Sunderland FC,",
//!   "Dean Kiely, the Charlton keeper", "Owen Dempsey, a chest doctor at the
//!   Aberdeen Royal Infirmary";
//! * appositions before it: "Sri Lanka's president, Chandrika
//!   Kumaratunga,";
//! * "X of Y": "Sui-Lee Wee of the New York Times".
//!
//! Titles are kept as written, without honorifics or determiners;
//! affiliations are names, with place adjectives turned into their place
//! ("Ukrainian" → "Ukraine").

use super::Resolver;
use crate::lexicon::{Glue, RoleKind};
use crate::pipeline::segment::{CAP, IN_QUOTE, POSSESSIVE, WORD};
use std::borrow::Cow;

/// The longest apposition read, in tokens.
const MAX_APPOSITION: usize = 16;

/// A title and an affiliation, as inclusive token ranges.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Description {
    /// The title ("chest doctor", "Prime Minister").
    pub title: Option<(usize, usize)>,
    /// The affiliation ("Aberdeen Royal Infirmary", "Estonia").
    pub affiliation: Option<(usize, usize)>,
}

impl Description {
    /// Fills what `self` lacks from `other`.
    pub fn or(self, other: Description) -> Description {
        Description {
            title: self.title.or(other.title),
            affiliation: self.affiliation.or(other.affiliation),
        }
    }
}

impl<'t> Resolver<'_, 't> {
    /// Whether token `i` is a lower-case role noun that can be a title.
    pub(super) fn is_title_noun(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        t.is(WORD)
            && !t.is(POSSESSIVE)
            && self
                .lex
                .role(self.tok(i))
                .is_some_and(|r| r.titled && r.kind == RoleKind::Person)
    }

    /// Whether token `i` may modify a role noun in a title: "defensive
    /// captain", "real estate agent", "former special envoy".
    fn title_modifier(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        if !t.is(WORD) || t.is(POSSESSIVE) || t.is(IN_QUOTE) {
            return false;
        }
        let w = self.tok(i);
        !t.is(CAP)
            && !self.lex.is_stopword(w)
            && !self.lex.is(Glue::Determiners, w)
            && !self.lex.is(Glue::ContentStops, w)
            && !self.lex.is(Glue::Passive, w)
            && !self.lex.is(Glue::BetweenSubjectAndVerb, w)
            && !self.lex.is(Glue::Relative, w)
            && !self.lex.is_cue_word(w)
            && !matches!(w, "and" | "or" | "but" | "that" | "not" | "who")
            && !w.starts_with(|c: char| c.is_ascii_digit())
    }

    /// The title right before the name run that starts at token `a`, in
    /// lower case ("goalkeeper Dean Kiely", "real estate agent Eyamba
    /// Sowers"), and the capitalised affiliation before it ("Charlton").
    pub(super) fn premodifier(&self, a: usize) -> Description {
        let mut d = Description::default();
        if a == 0 || !self.is_title_noun(a - 1) || self.doc.tokens[a - 1].is(CAP) {
            return d;
        }
        let head = a - 1;
        let mut first = head;
        while first > 0 && head - (first - 1) < 4 && self.title_modifier(first - 1) {
            first -= 1;
        }
        // "family medicine physician and psychiatrist": a second role noun
        // joined by "and" belongs to the same title.
        d.title = Some((first, head));
        if first >= 2 && self.tok_is(first - 1, "and") && self.is_title_noun(first - 2) {
            d.title = Some((first - 2, head));
            first -= 2;
        }
        d.affiliation = self.owner_before(first);
        d
    }

    /// The capitalised owner ending right before token `k`: "Charlton",
    /// "Sri Lanka's", "the Steelers'", or none.
    fn owner_before(&self, k: usize) -> Option<(usize, usize)> {
        if k == 0 {
            return None;
        }
        let mut end = k - 1;
        if self.doc.tokens[end].is(POSSESSIVE) {
            if end == 0 {
                return None;
            }
            end -= 1;
        }
        if !self.is_cap_word(end) || self.is_stop(end) {
            return None;
        }
        let mut start = end;
        while start > 0
            && end - (start - 1) < 6
            && ((self.is_cap_word(start - 1) && !self.is_stop(start - 1))
                || self.is_initial_dot(start - 1))
        {
            start -= 1;
        }
        // A sentence-initial run with a title in it is a name, not an
        // owner; the owner is a body, team or place.
        (start..=end)
            .all(|i| self.lex.title(self.tok(i)).is_none() || self.is_initial_dot(i))
            .then_some((start, end))
    }

    /// The apposition after the name run ending at token `b`: ", chairman
    /// of Sunderland FC,", ", the Charlton keeper,", ", a chest doctor at
    /// the Aberdeen Royal Infirmary."
    pub(super) fn apposition_after(&self, b: usize, end: usize) -> Description {
        let mut k = b + 1;
        // A party and state in brackets, or an age: "(D-N.Y.)", ", 35,".
        if k < end && self.doc.punct_is(k, '(') {
            while k < end && !self.doc.punct_is(k, ')') && k < b + 8 {
                k += 1;
            }
            k += 1;
        }
        if k + 1 >= end || !self.doc.punct_is(k, ',') {
            return Description::default();
        }
        let mut a = k + 1;
        if a + 1 < end
            && self.tok(a).bytes().all(|c| c.is_ascii_digit())
            && self.doc.punct_is(a + 1, ',')
        {
            a += 2;
        }
        let stop = (a..end.min(a + MAX_APPOSITION))
            .find(|&j| {
                self.doc.tokens[j].is(IN_QUOTE)
                    || (!self.doc.tokens[j].is(WORD)
                        && matches!(self.tok(j), "," | ";" | ":" | "(" | ")" | "—" | "–")
                        || (self.doc.punct_is(j, '.') && !self.is_initial_dot(j)))
            })
            .unwrap_or(end.min(a + MAX_APPOSITION));
        self.role_phrase(a, stop)
    }

    /// The apposition before the name run starting at token `a`: "Sri
    /// Lanka's president, Chandrika Kumaratunga" or "the Roman Catholic
    /// Archbishop of Cardiff, the Most Reverend Peter Smith".
    pub(super) fn apposition_before(&self, a: usize, start: usize) -> Description {
        // Honorifics and determiners of the name itself.
        let mut k = a;
        while k > start
            && (self.lex.is(Glue::Determiners, self.tok(k - 1))
                || self.lex.honorific(self.tok(k - 1)).is_some()
                || self.tok_is(k - 1, "most")
                || self.doc.punct_is(k - 1, '.'))
            && a - k < 4
        {
            k -= 1;
        }
        if k < start + 2 || !self.doc.punct_is(k - 1, ',') {
            return Description::default();
        }
        let comma = k - 1;
        let floor = start.max(comma.saturating_sub(MAX_APPOSITION));
        let mut s = comma;
        while s > floor {
            let p = s - 1;
            if self.doc.tokens[p].is(IN_QUOTE)
                || (!self.doc.tokens[p].is(WORD)
                    && !self.doc.tokens[p].is(POSSESSIVE)
                    && !self.is_initial_dot(p))
            {
                break;
            }
            if self.doc.tokens[p].is(WORD) && self.lex.is_cue_word(self.tok(p)) {
                return Description::default();
            }
            s = p;
        }
        // The phrase must open its clause: "…, Sri Lanka's president, X".
        if s > start
            && !matches!(
                self.tok(s - 1),
                "," | ";" | ":" | "(" | "—" | "–" | "\"" | "“"
            )
        {
            return Description::default();
        }
        self.role_phrase(s, comma)
    }

    /// A role phrase `a..stop`: an optional determiner and owner, modifiers,
    /// a role noun or title, and an optional "of/at/for/with Y".
    fn role_phrase(&self, a: usize, stop: usize) -> Description {
        let mut d = Description::default();
        let mut k = a;
        if k < stop && self.lex.is(Glue::Determiners, self.tok(k)) && !self.doc.tokens[k].is(CAP)
            || (k < stop && self.tok_is(k, "the"))
        {
            k += 1;
        }
        // The head: the first role noun or title in the phrase.
        let head = (k..stop).find(|&j| {
            self.is_title_noun(j)
                || (self.doc.tokens[j].is(CAP) && self.title_at(j, stop - 1).is_some())
        });
        let Some(mut head) = head else { return d };
        if let Some((len, _)) = (self.doc.tokens[head].is(CAP))
            .then(|| self.title_at(head, stop - 1))
            .flatten()
        {
            head += len - 1;
        }
        // Before the head: an owner ("Edmunds' executive director", "the
        // Charlton keeper") and modifiers ("former special envoy").
        let mut first = head;
        while first > k
            && (self.title_modifier(first - 1)
                || (self.doc.tokens[first - 1].is(CAP) && self.title_at(first - 1, head).is_some()))
        {
            first -= 1;
        }
        if first > k {
            let owner = self.owner_before(first);
            if owner.is_some_and(|(s, _)| s == k) {
                d.affiliation = owner;
            } else if owner.is_some() || !(k..first).all(|j| self.title_modifier(j)) {
                return d;
            }
        }
        let mut last = head;
        // "director of rugby", "president of distribution": lower-case
        // words after "of" still belong to the title.
        let mut j = head + 1;
        if j + 1 < stop && self.tok_is(j, "of") && !self.doc.tokens[j + 1].is(CAP) {
            let mut e = j + 1;
            while e < stop && self.title_modifier(e) {
                e += 1;
            }
            if e > j + 1 && (e == stop || !self.doc.tokens[e].is(CAP)) {
                last = e - 1;
                j = e;
            }
        }
        d.title = Some((first, last));
        // "of Sunderland FC", "at the Aberdeen Royal Infirmary", "for NASA".
        if j + 1 < stop && matches!(self.tok(j), "of" | "at" | "for" | "with" | "from") {
            let mut s = j + 1;
            if self.tok_is(s, "the") && s + 1 < stop {
                s += 1;
            }
            if self.is_cap_word(s) && !self.is_stop(s) {
                let mut e = s;
                while e + 1 < stop
                    && (self.is_cap_word(e + 1)
                        || self.is_initial_dot(e + 1)
                        || self.doc.tokens[e + 1].is(POSSESSIVE)
                        || (matches!(self.tok(e + 1), "of" | "for" | "and" | "&" | "on")
                            && e + 2 < stop
                            && self.is_cap_word(e + 2)))
                {
                    e += 1;
                }
                while e > s && !self.is_cap_word(e) {
                    e -= 1;
                }
                d.affiliation = Some((s, e));
            }
        }
        d
    }

    /// "Sui-Lee Wee of the New York Times", "Brett Lock of OutRage!": a
    /// body right after a person's name.
    pub(super) fn of_body(&self, b: usize, end: usize) -> Option<(usize, usize)> {
        let k = b + 1;
        if k + 1 >= end || !matches!(self.tok(k), "of" | "from") {
            return None;
        }
        let mut s = k + 1;
        if self.tok_is(s, "the") && s + 1 < end {
            s += 1;
        }
        if !self.is_cap_word(s) || self.is_stop(s) {
            return None;
        }
        let mut e = s;
        while e + 1 < end && (self.is_cap_word(e + 1) || self.is_initial_dot(e + 1)) {
            e += 1;
        }
        Some((s, e))
    }

    /// The text of a title: as written, without a leading determiner.
    pub(super) fn title_text(&self, t: (usize, usize)) -> Cow<'t, str> {
        let (mut a, b) = t;
        while a < b && self.lex.is(Glue::Determiners, self.tok(a)) {
            a += 1;
        }
        let written = self.span_text(a, b);
        // A short form reads as its title: "PM" → "Prime Minister", "Gen."
        // → "General".
        match self.lex.title(written) {
            Some(t) if !t.canonical.eq_ignore_ascii_case(written) => {
                Cow::Owned(t.canonical.clone())
            }
            _ => Cow::Borrowed(written),
        }
    }

    /// The text of an affiliation: a place adjective becomes its place
    /// ("Ukrainian" → "Ukraine"); a possessive ending is dropped.
    pub(super) fn affiliation_text(&self, a: (usize, usize)) -> Cow<'t, str> {
        let (s, mut e) = a;
        while e > s && !self.doc.tokens[e].is(WORD) {
            e -= 1;
        }
        let text = self.span_text(s, e);
        match self.lex.place_of_adjective(text) {
            Some(place) => Cow::Owned(place.to_string()),
            None => Cow::Borrowed(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    fn ta(text: &str) -> (Option<String>, Option<String>) {
        let r = speakers(text);
        assert!(!r.is_empty(), "{text}");
        (r[0].3.clone(), r[0].4.clone())
    }

    fn some(t: &str, a: &str) -> (Option<String>, Option<String>) {
        (Some(t.into()), Some(a.into()))
    }

    #[test]
    fn titles_and_affiliations_before_the_name() {
        assert_eq!(
            ta("Varnholm goalkeeper Jon Roe said the club would appeal."),
            some("goalkeeper", "Varnholm")
        );
        assert_eq!(
            ta("Acme Rail Administrator Ana Vold said the line would reopen."),
            some("Administrator", "Acme Rail")
        );
        assert_eq!(
            ta("Varnholm defensive captain Jon Roe said the team was ready."),
            some("defensive captain", "Varnholm")
        );
        let (t, a) = ta("The real estate agent Jon Roe said prices would fall.");
        assert_eq!((t.as_deref(), a), (Some("real estate agent"), None));
    }

    #[test]
    fn titles_and_affiliations_in_appositions() {
        assert_eq!(
            ta("Jon Roe, chairman of Varnholm Rovers FC, said the club would appeal."),
            some("chairman", "Varnholm Rovers FC")
        );
        assert_eq!(
            ta("Jon Roe, the Varnholm keeper, said the club would appeal."),
            some("keeper", "Varnholm")
        );
        assert_eq!(
            ta("Ana Vold, a chest doctor at the Varnholm Royal Infirmary, said the ward was full."),
            some("chest doctor", "Varnholm Royal Infirmary")
        );
        assert_eq!(
            ta("Ruritania's president, Ana Vold, said the levy would rise."),
            some("president", "Ruritania")
        );
    }

    #[test]
    fn honorifics_are_never_titles_and_demonyms_become_places() {
        let (t, a) = ta("Mrs. Ana Vold said the levy would rise.");
        assert_eq!((t, a), (None, None));
        assert_eq!(
            ta("Ukrainian Prime Minister Ana Vold said the levy would rise."),
            some("Prime Minister", "Ukraine")
        );
    }

    #[test]
    fn a_body_after_of_is_the_affiliation() {
        let r = speakers("Ana Vold of the Varnholm Herald reported that the mill had closed.");
        assert_eq!(r[0].0.as_deref(), Some("Ana Vold"), "{r:?}");
        assert_eq!(r[0].4.as_deref(), Some("Varnholm Herald"));
    }
}
