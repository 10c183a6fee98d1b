//! What the text says a named entity is: its title and affiliation, read
//! from the words around one occurrence of its name.
//!
//! * pre-modifiers: "Charlton goalkeeper Dean Kiely", "NASA Administrator
//!   Jim Bridenstine", "Ruritania's Prime Minister Ana Vold" (the capitalised
//!   part is handled by [`Resolver::parse`], the lower-case role words here);
//! * appositions after the name: "Bob Murray, chairman of Sunderland FC,",
//!   "Dean Kiely, the Charlton keeper", "Tom Dalby, a chest doctor at the
//!   Aberdeen Royal Infirmary";
//! * appositions before it: "Sri Lanka's president, Chandrika
//!   Kumaratunga,";
//! * "X of Y": "Mei-Lin Roe of the New York Times".
//!
//! Titles are kept as written, without honorifics or determiners;
//! affiliations are names, with place adjectives turned into their place
//! ("Ukrainian" → "Ukraine").

use super::Resolver;
use crate::lexicon::{Glue, RoleKind};
use crate::pipeline::segment::{ALLCAPS, CAP, CUE_WORD, IN_QUOTE, POSSESSIVE, WORD};
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
    /// The organisation noun the affiliation points back to, when the
    /// description names none: the token of "group" in "the group's
    /// president" or "a member of the group".
    pub anaphor: Option<usize>,
}

impl Description {
    /// Fills what `self` lacks from `other`.
    pub fn or(self, other: Description) -> Description {
        Description {
            title: self.title.or(other.title),
            affiliation: self.affiliation.or(other.affiliation),
            anaphor: self.anaphor.or(other.anaphor),
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
                .doc
                .role(i, self.lex)
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
            && !self.doc.glue(i, Glue::Determiners)
            && !self.doc.glue(i, Glue::ContentStops)
            && !self.doc.glue(i, Glue::Passive)
            && !self.doc.glue(i, Glue::BetweenSubjectAndVerb)
            && !self.doc.glue(i, Glue::Relative)
            && !self.doc.glue(i, Glue::TitleStops)
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
        if d.affiliation.is_none() {
            d.anaphor = self.anaphor_owner_before(first);
        }
        d
    }

    /// "the group's president": the organisation noun of a definite
    /// possessive ending right before token `k`, which points back to an
    /// organisation named before.
    fn anaphor_owner_before(&self, k: usize) -> Option<usize> {
        (k >= 3
            && self.doc.tokens[k - 1].is(POSSESSIVE)
            && self.doc.glue(k - 2, Glue::OrganisationAnaphors)
            && !self.doc.tokens[k - 2].is(CAP)
            && self.tok_is(k - 3, "the"))
        .then(|| k - 2)
    }

    /// "the group", "the company": the organisation noun of a definite
    /// description starting at token `s`, ending before `stop`.
    fn anaphor_at(&self, s: usize, stop: usize) -> Option<usize> {
        (s + 1 < stop
            && self.tok_is(s, "the")
            && self.doc.glue(s + 1, Glue::OrganisationAnaphors)
            && !self.doc.tokens[s + 1].is(CAP)
            && (s + 2 == stop
                || !self.doc.tokens[s + 2].is(WORD)
                || self.is_stop(s + 2)
                || matches!(self.tok(s + 2), "and" | "or")))
        .then_some(s + 1)
    }

    /// The capitalised owner ending right before token `k`: "Charlton",
    /// "Sri Lanka's", "the Steelers'", or none. A capitalised word that
    /// opens its sentence is an owner only when the article also writes it
    /// capitalised elsewhere ("Rock star Rick Holm" has none).
    pub(super) fn owner_before(&self, k: usize) -> Option<(usize, usize)> {
        if k == 0 {
            return None;
        }
        let mut end = k - 1;
        let possessive = self.doc.tokens[end].is(POSSESSIVE)
            || self.doc.punct_is(end, '\'')
            || self.doc.punct_is(end, '’');
        if possessive {
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
            && ((self.is_cap_word(start - 1)
                && !self.is_stop(start - 1)
                // "Former Tallow Party leader": the modifier is no owner.
                && !self.doc.glue(start - 1, Glue::TitleModifiers))
                || self.is_initial_dot(start - 1))
        {
            start -= 1;
        }
        // "Mr. Obama's": the walk stops at the honorific, not at its dot.
        while start < end && !self.doc.tokens[start].is(WORD) {
            start += 1;
        }
        // A run with a title in it is a name, not an owner.
        if !(start..=end).all(|i| self.lex.title(self.tok(i)).is_none() || self.is_initial_dot(i)) {
            return None;
        }
        let s = &self.doc.sentences[self.doc.tokens[start].sentence as usize];
        let opens = (s.tokens.start..start).all(|i| !self.doc.tokens[i].is(WORD));
        if opens && start == end && !possessive && !self.known_capitalised(start) {
            return None;
        }
        Some((start, end))
    }

    /// Whether the word at token `i` is a place, an acronym, an
    /// organisation word, or written capitalised somewhere else than at
    /// the start of a sentence.
    fn known_capitalised(&self, i: usize) -> bool {
        let w = self.tok(i);
        self.doc.tokens[i].is(ALLCAPS)
            || self.lex.is_place(w)
            || self.lex.is_orgword(w)
            || self.lex.place_of_adjective(w).is_some()
            || self.seen_capitalised_elsewhere(i)
    }

    /// Whether the word at token `i` is written capitalised elsewhere in
    /// the article.
    pub(super) fn seen_capitalised_elsewhere(&self, i: usize) -> bool {
        self.cap_counts.get(self.tok(i)).is_some_and(|&n| n >= 2)
    }

    /// The apposition after the name run ending at token `b`: ", chairman
    /// of Sunderland FC,", ", the Charlton keeper,", ", a chest doctor at
    /// the Aberdeen Royal Infirmary.", ", of the Varnholm Institute,".
    pub(super) fn apposition_after(&self, b: usize, end: usize) -> Description {
        let mut k = b + 1;
        // A party and state in brackets: "(D-N.Y.)".
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
        // An age or a degree before the apposition: ", 35,", ", Ph.D.,".
        let mut skipped = 0;
        while skipped < 2 && a < end {
            let c = (a..end.min(a + 6)).find(|&j| self.doc.punct_is(j, ','));
            let Some(c) = c else { break };
            let age = c == a + 1 && self.tok(a).bytes().all(|x| x.is_ascii_digit());
            // "Ph.D.", "M.D.", "PhD", "MBE".
            let degree = (a..c).all(|j| {
                self.doc.punct_is(j, '.')
                    || (self.doc.tokens[j].is(WORD)
                        && self.tok(j).starts_with(|x: char| x.is_uppercase())
                        && (self.tok(j).len() <= 3
                            || (self.tok(j).len() <= 5 && self.tok(j).contains('.'))))
            }) && c > a;
            if !(age || degree) {
                break;
            }
            a = c + 1;
            skipped += 1;
        }
        let stop = self.phrase_end(a, end);
        if a < stop && matches!(self.tok(a), "of" | "from" | "for") {
            // ", of Columbia University's Zuckerman Institute,", ", for the
            // Liberal Democrats,".
            return Description {
                title: None,
                affiliation: self.body_at(a + 1, stop),
                anaphor: self.anaphor_at(a + 1, stop),
            };
        }
        if a + 2 < stop && self.tok_is(a, "whose") {
            // ", whose Chelsea team meet Barcelona": the body whose team,
            // party or company it is.
            if let Some((s, e)) = self.body_at(a + 1, stop) {
                let noun = self.tok(e + 1);
                let body_noun = self.doc.tokens[e + 1].is(WORD)
                    && !self.doc.tokens[e + 1].is(CAP)
                    && self
                        .lex
                        .role(noun)
                        .is_some_and(|r| r.kind != RoleKind::Person);
                if body_noun {
                    return Description {
                        affiliation: Some((s, e)),
                        ..Description::default()
                    };
                }
            }
            // "whose lawyer": someone else's role.
            return Description::default();
        }
        self.role_phrase(a, stop)
    }

    /// "Jon Roe is the chief executive of Tallow Capital": a definite role
    /// phrase after "is" or "was", right after the name run `a..=b` ("Roe
    /// was a rugby player" names a class, not a position).
    pub(super) fn copular(&self, a: usize, b: usize, end: usize) -> Description {
        let v = b + 1;
        if v + 2 >= end || !matches!(self.tok(v), "is" | "was") || !self.tok_is(v + 1, "the") {
            return Description::default();
        }
        let stop = self.phrase_end(v + 1, end);
        // "Tallow is the architect of the pact": a place's or a body's
        // role says nothing of a person. "Roe is the best candidate of the
        // party" is a judgement, not a position.
        let name = self.span_text(a, b);
        let judgement = (v + 2..stop).any(|j| {
            let w = self.tok(j);
            self.doc.tokens[j].is(WORD)
                && !self.doc.tokens[j].is(CAP)
                && (w.len() > 4 && w.ends_with("est") || w == "best")
        });
        if self.lex.is_place(name) || self.lex.is_orgword(self.tok(b)) || judgement {
            return Description::default();
        }
        // Only a position in a named body: "the chief executive of Tallow
        // Capital".
        let d = self.role_phrase(v + 1, stop);
        if d.affiliation.is_none() || d.title.is_none() {
            return Description::default();
        }
        d
    }

    /// Where an apposition starting at token `a` ends: its comma, a
    /// bracket, a dash, a sentence end or a quote.
    fn phrase_end(&self, a: usize, end: usize) -> usize {
        (a..end.min(a + MAX_APPOSITION))
            .find(|&j| {
                self.doc.tokens[j].is(IN_QUOTE)
                    || (!self.doc.tokens[j].is(WORD)
                        && matches!(self.tok(j), "," | ";" | ":" | "(" | ")" | "—" | "–")
                        || (self.doc.punct_is(j, '.') && !self.is_initial_dot(j)))
            })
            .unwrap_or(end.min(a + MAX_APPOSITION))
    }

    /// The apposition before the name run starting at token `a`: "Sri
    /// Lanka's president, Chandrika Kumaratunga" or "the Roman Catholic
    /// Archbishop of Cardiff, the Most Reverend Jon Smed".
    pub(super) fn apposition_before(&self, a: usize, start: usize) -> Description {
        // Honorifics and determiners of the name itself.
        let mut k = a;
        while k > start
            && (self.doc.glue(k - 1, Glue::Determiners)
                || self.doc.honorific(k - 1, self.lex).is_some()
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
        // Back to the phrase's determiner, or to a clause boundary or a
        // verb.
        let mut s = comma;
        while s > floor {
            let p = s - 1;
            let t = self.doc.tokens[p];
            if t.is(IN_QUOTE)
                || (!t.is(WORD) && !t.is(POSSESSIVE) && !self.is_initial_dot(p))
                || (t.is(WORD) && (self.doc.cue_form(p) || t.is(CUE_WORD)))
            {
                break;
            }
            s = p;
            if t.is(WORD) && self.doc.glue(p, Glue::Determiners) && !t.is(POSSESSIVE) {
                break;
            }
        }
        self.role_phrase(s, comma)
    }

    /// A role phrase `a..stop`: an optional determiner, modifiers and
    /// owner, a role noun or title, and an optional "of/at/for/with Y".
    /// Only the role noun with the modifiers right before it is the title:
    /// "a former National Security Council official" → "official",
    /// "National Security Council".
    fn role_phrase(&self, a: usize, stop: usize) -> Description {
        let mut d = Description::default();
        let mut k = a;
        if k < stop && self.doc.glue(k, Glue::Determiners) && !self.doc.tokens[k].is(POSSESSIVE) {
            k += 1;
        }
        // The head: the first role noun or title in the phrase, with the
        // role nouns right after it ("executive director").
        let head = (k..stop).find(|&j| {
            self.is_title_noun(j)
                || (self.doc.tokens[j].is(CAP) && self.title_at(j, stop - 1).is_some())
        });
        let Some(mut head) = head else {
            return self.member_of(k, stop);
        };
        if let Some((len, _)) = (self.doc.tokens[head].is(CAP))
            .then(|| self.title_at(head, stop - 1))
            .flatten()
        {
            head += len - 1;
        }
        while head + 1 < stop && self.is_title_noun(head + 1) {
            head += 1;
        }
        // Before the head: modifiers ("former special envoy"), then an
        // owner ("Edmunds' executive director", "the Charlton keeper").
        let mut first = head;
        while first > k
            && (self.title_modifier(first - 1)
                || (self.doc.tokens[first - 1].is(CAP) && self.title_at(first - 1, head).is_some()))
        {
            first -= 1;
        }
        if first > k {
            // "the newest 2020 Democratic presidential hopeful".
            let before_owner = |j: usize| {
                self.title_modifier(j) || self.tok(j).bytes().all(|c| c.is_ascii_digit())
            };
            match self.owner_before(first) {
                Some((os, oe)) if (k..os).all(before_owner) => {
                    d.affiliation = Some((os, oe));
                }
                _ => return d,
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
        // "of Sunderland FC", "at the Aberdeen Royal Infirmary", "for NASA";
        // a possessive owner comes first: "NASA's associate administrator
        // of the Science Mission Directorate" → NASA.
        let possessive_owner = d.affiliation.is_some_and(|(_, oe)| {
            self.doc.tokens[oe + 1].is(POSSESSIVE) || self.doc.plural_possessive_mark(oe + 1)
        });
        if !possessive_owner
            && j + 1 < stop
            && matches!(self.tok(j), "of" | "at" | "for" | "with" | "from")
        {
            d.affiliation = self.body_at(j + 1, stop).or(d.affiliation);
            d.anaphor = self.anaphor_at(j + 1, stop);
        }
        d
    }

    /// "a member of the Varnholm Party", "a volunteer with the group": a
    /// person's role that is no title, with the body it belongs to, gives
    /// an affiliation only.
    fn member_of(&self, k: usize, stop: usize) -> Description {
        let mut d = Description::default();
        let head = k;
        let of = head + 1;
        if head < stop
            && self.doc.glue(head, Glue::Members)
            && of + 1 < stop
            && matches!(self.tok(of), "of" | "at" | "for" | "with")
        {
            d.affiliation = self.body_at(of + 1, stop);
            d.anaphor = self.anaphor_at(of + 1, stop);
        }
        d
    }

    /// The capitalised body starting at token `s` (after an optional
    /// "the"), up to `stop`: "Sunderland FC", "Columbia University's
    /// Mortimer B. Zuckerman Institute", "Council of Mortgage Lenders".
    fn body_at(&self, s: usize, stop: usize) -> Option<(usize, usize)> {
        let mut s = s;
        if s + 1 < stop && self.tok_is(s, "the") {
            s += 1;
        }
        if s >= stop || !self.is_cap_word(s) || self.is_stop(s) {
            return None;
        }
        let mut e = s;
        while e + 1 < stop
            && (self.is_cap_word(e + 1)
                || self.is_initial_dot(e + 1)
                || self.doc.tokens[e + 1].is(POSSESSIVE)
                || self.doc.plural_possessive_mark(e + 1)
                || (matches!(self.tok(e + 1), "of" | "for" | "and" | "&" | "on")
                    && e + 2 < stop
                    && self.is_cap_word(e + 2)))
        {
            e += 1;
        }
        while e > s && !self.is_cap_word(e) {
            e -= 1;
        }
        Some((s, e))
    }

    /// "Mei-Lin Roe of the New York Times", "Bret Lund of OutRage!": a
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
        // "of gay rights group OutRage!": the organisation noun that
        // introduces the name, with its modifiers.
        if let Some(n) =
            (s..end.min(s + 4)).find(|&j| !self.doc.tokens[j].is(WORD) || self.is_cap_word(j))
        {
            let introduced = n > s
                && (s..n).all(|j| !self.is_stop(j))
                && self
                    .doc
                    .role(n - 1, self.lex)
                    .is_some_and(|r| r.kind == RoleKind::Organization);
            if introduced {
                s = n;
            }
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

    /// "Forrest Jones runs the start-up Beechmont Hotels Corporation": the
    /// body a person leads, named within a few words after the verb.
    pub(super) fn body_led(&self, b: usize, end: usize) -> Option<(usize, usize)> {
        let v = b + 1;
        if v >= end || !self.doc.tokens[v].is(WORD) || !self.doc.glue(v, Glue::Leads) {
            return None;
        }
        let stop = self.phrase_end(v + 1, end);
        let s = (v + 1..stop.min(v + 5)).find(|&j| self.is_cap_word(j))?;
        if (v + 1..s).any(|j| !self.title_modifier(j) && !self.doc.glue(j, Glue::Determiners)) {
            return None;
        }
        self.named_body(s, stop)
    }

    /// The body named at token `s`, before `stop`: not a place, nor a name
    /// that only modifies a lower-case noun ("runs the Frankfurt
    /// exchange").
    fn named_body(&self, s: usize, stop: usize) -> Option<(usize, usize)> {
        self.body_at(s, stop).filter(|&(a, e)| {
            !self.lex.is_place(self.span_text(a, e)) && !self.modifies_noun(e + 1, stop)
        })
    }

    /// Whether token `k` (before `stop`) is a lower-case content word, so
    /// that the name before it is only its modifier: "the Frankfurt
    /// exchange".
    fn modifies_noun(&self, k: usize, stop: usize) -> bool {
        k < stop
            && self.doc.tokens[k].is(WORD)
            && !self.doc.tokens[k].is(CAP)
            && !self.is_stop(k)
            && !self.doc.glue(k, Glue::Determiners)
    }

    /// "Jon Roe, who reports for the Varnholm Times", "Ana Vold writes for
    /// Tallow Weekly", "he plays for Charlton": the body a person works
    /// for, named right after a verb of working and "for".
    pub(super) fn body_worked_for(&self, b: usize, end: usize) -> Option<(usize, usize)> {
        let mut v = b + 1;
        if v + 1 < end && self.doc.punct_is(v, ',') && self.tok_is(v + 1, "who") {
            v += 2;
        }
        if v + 2 >= end
            || !self.doc.tokens[v].is(WORD)
            || !self.doc.glue(v, Glue::WorksFor)
            || !self.tok_is(v + 1, "for")
        {
            return None;
        }
        self.named_body(v + 2, self.phrase_end(v + 2, end))
    }

    /// The text of a title: as written, without a leading determiner.
    pub(super) fn title_text(&self, t: (usize, usize)) -> Cow<'t, str> {
        let (mut a, b) = t;
        while a < b && self.doc.glue(a, Glue::Determiners) {
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
        // "U.S." keeps the dot a sentence end took.
        if self.tok(e).contains('.') && self.doc.punct_is(e + 1, '.') {
            e += 1;
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
            ta("On Sunday, Varnholm goalkeeper Jon Roe said the club would appeal."),
            some("goalkeeper", "Varnholm")
        );
        assert_eq!(
            ta("Acme Rail Administrator Ana Vold said the line would reopen."),
            some("Administrator", "Acme Rail")
        );
        assert_eq!(
            ta("The fans cheered as Varnholm defensive captain Jon Roe said the team was ready."),
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
    fn a_body_the_person_speaks_for_or_leads_is_the_affiliation() {
        let (_, a) = ta("Jon Roe, for the Varnholm Liberals, said the vote was lost.");
        assert_eq!(a.as_deref(), Some("Varnholm Liberals"));
        let (_, a) = ta("“It is bad,” said Jon Roe, whose Varnholm team meet Tallow on Sunday.");
        assert_eq!(a.as_deref(), Some("Varnholm"));
        // Whose + a person noun says nothing of a body.
        let (_, a) = ta("“It is bad,” said Jon Roe, whose Varnholm lawyer was absent.");
        assert_eq!(a, None);
    }

    #[test]
    fn a_person_is_no_affiliation_and_prepositions_no_title() {
        let r = speakers(
            "Jon Carlino was arrested. Carlino's attorney, Ana Vold, said the charges were wrong.",
        );
        let last = r.last().unwrap();
        assert_eq!(last.0.as_deref(), Some("Ana Vold"), "{r:?}");
        assert_eq!(
            (last.3.as_deref(), last.4.as_deref()),
            (Some("attorney"), None)
        );
        let (t, _) = ta("He lost a tight race against singer Ana Vold, who said she was sorry.");
        assert_eq!(t.as_deref(), Some("singer"));
    }

    #[test]
    fn a_sentence_opener_seen_nowhere_else_is_no_affiliation() {
        assert_eq!(
            ta("Rock star Jon Roe said the tour was over."),
            (Some("star".into()), None)
        );
        let (t, a) = ta("Tim Danton, a former Varnholm Herald editor, said prices would fall.");
        assert_eq!(
            (t.as_deref(), a.as_deref()),
            (Some("editor"), Some("Varnholm Herald"))
        );
    }

    #[test]
    fn a_place_is_the_affiliation_of_officials_only() {
        let (t, a) = ta("Ana Vold, a Boston family physician, said the ward was full.");
        assert_eq!((t.as_deref(), a), (Some("family physician"), None));
        assert_eq!(
            ta("Ana Vold, the Ohio senator, said the vote was close."),
            some("senator", "Ohio")
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

    #[test]
    fn a_definite_position_after_is_gives_title_and_body() {
        let text =
            "Jon Roe and Ana Vold run start-ups. Roe is the CEO of Tallowbury, a discount site. \
                    Roe said the rooms were overpriced.";
        let r = speakers(text);
        assert_eq!(
            (r[0].3.as_deref(), r[0].4.as_deref()),
            (Some("CEO"), Some("Tallowbury")),
            "{r:?}"
        );
        // A class ("a player"), a judgement ("the best candidate") or a
        // place's role says nothing of a position.
        for text in [
            "Jon Roe was a rugby player for Varnholm. Roe said the club had changed.",
            "Jon Roe is the best candidate of the Tallow Party, Ana Vold said.",
        ] {
            let r = speakers(text);
            assert!(r.iter().all(|s| s.4.is_none()), "{text}: {r:?}");
        }
        let text = "Norway is the architect of the Tallow Accord. \
                    Norwegian Oil Minister Jon Roe said the accord held.";
        let r = speakers(text);
        assert_eq!(r[0].4.as_deref(), Some("Norway"), "{r:?}");
    }

    #[test]
    fn a_possessive_owner_comes_before_of() {
        let (t, a) = ta("Jon Roe, Tallowcorp's associate administrator of the Varnholm Directorate, said the probe would fly.");
        assert_eq!(
            (t.as_deref(), a.as_deref()),
            (Some("associate administrator"), Some("Tallowcorp"))
        );
        // A capitalised owner that is no possessive gives way to "of".
        let (_, a) =
            ta("The Roman Catholic Archbishop of Varnholm, Jon Roe, said the church was united.");
        assert_eq!(a.as_deref(), Some("Varnholm"));
    }

    #[test]
    fn the_group_and_the_company_point_back_to_the_organisation() {
        let text = "Doctors formed a group, the Varnholm Ward Reform League, in May. \
                    “It is bad,” Ana Vold, a member of the group, told reporters.";
        let r = speakers(text);
        assert_eq!(
            r[0].4.as_deref(),
            Some("Varnholm Ward Reform League"),
            "{r:?}"
        );
        let text = "The Varnholm Ward Reform League wrote to the council. \
                    “It is bad,” the group's president Ana Vold said.";
        let r = speakers(text);
        assert_eq!(
            (r[0].3.as_deref(), r[0].4.as_deref()),
            (Some("president"), Some("Varnholm Ward Reform League")),
            "{r:?}"
        );
        // No organisation named before: no affiliation is invented.
        let r = speakers("“It is bad,” Ana Vold, a member of the group, told reporters.");
        assert_eq!(r[0].4, None, "{r:?}");
    }

    #[test]
    fn an_organisation_noun_introduces_the_body_after_of() {
        let (_, a) = ta("“The truce will hold,” said Jon Roe of gay rights group Tallowmark.");
        assert_eq!(a.as_deref(), Some("Tallowmark"));
        // A person's noun introduces no body.
        let (_, a) = ta("“The truce will hold,” said Jon Roe of rival Ana Vold fame.");
        assert_eq!(a, None);
    }

    #[test]
    fn the_body_a_person_works_for() {
        let (_, a) = ta(
            "Ana Vold, who reports for Tallow Radio, said the first cases came to light last week.",
        );
        assert_eq!(a.as_deref(), Some("Tallow Radio"));
        // A name that only modifies a noun is no body.
        let (_, a) = ta("Jon Roe works for the Varnholm exchange, he said.");
        assert_eq!(a, None);
    }

    #[test]
    fn a_possessive_description_of_the_only_holder_of_a_title_gives_its_owner() {
        let text = "Norway's president has launched a rebuilding drive. \
                    President Vold said it was now important to find peace.";
        let r = speakers(text);
        assert_eq!(r[0].4.as_deref(), Some("Norway"), "{r:?}");
        // Two presidents: whose is unclear.
        let text = "Norway's president has launched a rebuilding drive. \
                    President Vold said it was now important to find peace. \
                    President Roe said the drive would fail.";
        let r = speakers(text);
        assert!(r.iter().all(|s| s.4.is_none()), "{r:?}");
    }
}
