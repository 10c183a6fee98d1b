//! The entity table: every name run of the article, split into name,
//! title and affiliation, with appositions, genders and kinds.

use super::{Entity, Parsed, Resolver};
use crate::event::SpeakerKind;
use crate::lexicon::{Glue, Phrase};
use crate::pipeline::segment::{Document, ALLCAPS, CAP, IN_QUOTE, POSSESSIVE, WORD};
use std::borrow::Cow;

/// Hash of a word's ASCII-lower-case form (Fx-style, over the bytes).
fn lower_hash(word: &str) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    word.bytes().fold(word.len() as u64, |h, b| {
        (h.rotate_left(5) ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(K)
    })
}

/// The (hashed, lower-cased) capitalised sentence openers that the article
/// also writes in lower case somewhere: "Impeaching … impeaching". Only
/// words with an opener's length and first letter are hashed, so the scan
/// stays cheap.
pub(super) fn openers_in_lower_case(doc: &Document<'_>) -> rustc_hash::FxHashSet<u64> {
    let mut openers = rustc_hash::FxHashSet::default();
    let mut lengths: u64 = 0;
    let mut initials = [false; 256];
    for s in &doc.sentences {
        if let Some(i) = s.tokens.clone().find(|&i| doc.tokens[i].is(WORD)) {
            let t = doc.tokens[i];
            let w = doc.tok(i);
            // Only an opener followed by another capitalised word could
            // start a wrong name ("Impeaching Trump").
            let before_cap = doc.tokens.get(i + 1).is_some_and(|n| n.is(CAP));
            if t.is(CAP) && !t.is(ALLCAPS) && before_cap && w.len() < 64 {
                openers.insert(lower_hash(w));
                lengths |= 1 << w.len();
                initials[usize::from(w.as_bytes()[0].to_ascii_lowercase())] = true;
            }
        }
    }
    let mut found = rustc_hash::FxHashSet::default();
    if openers.is_empty() {
        return found;
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        if !t.is(WORD) || t.is(CAP) {
            continue;
        }
        let w = doc.tok(i);
        if w.len() < 64 && lengths & (1 << w.len()) != 0 && initials[usize::from(w.as_bytes()[0])] {
            let h = lower_hash(w);
            if openers.contains(&h) {
                found.insert(h);
            }
        }
    }
    found
}

impl<'t> Resolver<'_, 't> {
    /// Finds every name run and records it as an entity.
    pub(super) fn scan_entities(&mut self) {
        let doc = self.doc;
        for para in &doc.paragraphs {
            if para.skip {
                continue;
            }
            let mut i = para.tokens.start;
            let end = para.tokens.end;
            while i < end {
                if !self.is_cap_word(i) {
                    i += 1;
                    continue;
                }
                if self.ordinary_opener(i) {
                    i += 1;
                    continue;
                }
                let a = i;
                let mut b = i;
                let mut j = i + 1;
                while j < end {
                    let name_word = self.is_cap_word(j) && !self.is_stop(j);
                    let particle = self.doc.tokens[j].is(WORD)
                        && self.lex.is(Glue::Particles, self.tok(j))
                        && j + 1 < end
                        && self.is_cap_word(j + 1);
                    // "Ministry of Labour", "Bank of Ruritania".
                    let org_of = self.tok(j) == "of"
                        && j + 1 < end
                        && self.is_cap_word(j + 1)
                        && (a..j).any(|x| self.lex.is_orgword(self.tok(x)));
                    if name_word || particle || org_of || self.is_initial_dot(j) {
                        b = j;
                    } else {
                        break;
                    }
                    j += 1;
                }
                // Affiliation from a possessive right before: "Estonia’s".
                let poss =
                    (a >= 2 && self.doc.tokens[a - 1].is(POSSESSIVE) && self.is_cap_word(a - 2))
                        .then(|| (a - 2, a - 2));
                let mut parsed = self.parse(a, b, poss);
                if parsed.title.is_none() {
                    if let Some((title, aff)) = self.role_beside(a, b, end) {
                        parsed.title = Some(title);
                        if parsed.affiliation.is_none() {
                            parsed.affiliation = aff;
                        }
                    }
                }
                if a == b {
                    *self.singles.entry(self.tok(a)).or_default() += 1;
                    // A surname alone ("Vold said") is an occurrence of the
                    // fuller name seen before, for pronoun antecedents.
                    let word = self.tok(a);
                    if let Some(e) = self.by_surname_near(word, a, None) {
                        let subject = self.subject_position(a);
                        self.occurrences.push((a, e, subject));
                        i = b + 1;
                        continue;
                    }
                }
                self.record(parsed, a);
                i = b + 1;
            }
        }
    }

    /// Whether a name at token `first` stands where a subject does: at the
    /// start of its sentence, or after an introductory phrase closed by a
    /// comma ("In an interview on Sunday, Roe …"); never inside a quote.
    fn subject_position(&self, first: usize) -> bool {
        let sentence = &self.doc.sentences[self.doc.tokens[first].sentence as usize];
        let start = sentence.tokens.start;
        let opens = first <= start + 3
            || (first - start <= 12
                && self.tok(first - 1) == ","
                && (start..first - 1)
                    .all(|k| !self.doc.tokens[k].is(IN_QUOTE) && self.tok(k) != ","));
        opens && !self.doc.tokens[first].is(IN_QUOTE)
    }

    /// Whether token `i` opens its sentence (after any quote mark or
    /// bracket) and is written in lower case elsewhere in the article.
    fn ordinary_opener(&self, i: usize) -> bool {
        let sentence = &self.doc.sentences[self.doc.tokens[i].sentence as usize];
        let opens = i - sentence.tokens.start <= 8
            && (sentence.tokens.start..i).all(|k| !self.doc.tokens[k].is(WORD));
        opens
            && !self.doc.tokens[i].is(ALLCAPS)
            && self.lex.title(self.tok(i)).is_none()
            && self.lower_words.contains(&lower_hash(self.tok(i)))
    }

    /// A person named as a sentence subject and referred to by a gendered
    /// pronoun later in the same sentence, before any other name, has that
    /// gender: "Jane Roe, 18, was dubious when she …".
    pub(super) fn learn_genders(&mut self) {
        const WINDOW: usize = 40;
        for oi in 0..self.occurrences.len() {
            let (pos, e, subject) = self.occurrences[oi];
            if !subject || self.entities[e].gender.is_some() {
                continue;
            }
            let sentence = self.doc.tokens[pos].sentence as usize;
            let s_end = self.doc.sentences[sentence].tokens.end;
            let mut j = pos;
            while j < s_end && (self.is_cap_word(j) || self.is_initial_dot(j)) {
                j += 1;
            }
            let mut gender = None;
            for k in j..s_end.min(j + WINDOW) {
                if !self.doc.tokens[k].is(WORD) {
                    continue;
                }
                let w = self.tok(k);
                if self.is_cap_word(k) && !self.is_stop(k) {
                    break;
                }
                if self.lex.is(Glue::MalePronouns, w) {
                    gender = Some('m');
                    break;
                }
                if self.lex.is(Glue::FemalePronouns, w) {
                    gender = Some('f');
                    break;
                }
            }
            if let Some(g) = gender {
                let ent = &mut self.entities[e];
                if ent.kind != SpeakerKind::Organization {
                    ent.gender = Some(g);
                    ent.person_evidence = true;
                }
            }
        }
    }

    /// A role noun set off by commas next to the name run `a..=b`:
    /// "Varnholm's mayor, Tomas Greve," or "Tomas Greve, the city's mayor,".
    /// Returns the role token and the possessive owner as affiliation.
    #[allow(clippy::type_complexity)]
    fn role_beside(
        &self,
        a: usize,
        b: usize,
        end: usize,
    ) -> Option<((usize, usize), Option<(usize, usize)>)> {
        let doc = self.doc;
        let is_role = |i: usize| {
            doc.tokens[i].is(WORD) && !doc.tokens[i].is(CAP) && self.lex.role(self.tok(i)).is_some()
        };
        let owner = |role: usize| {
            (role >= 2 && doc.tokens[role - 1].is(POSSESSIVE) && self.is_cap_word(role - 2))
                .then(|| (role - 2, role - 2))
        };
        // Before: "… mayor, Tomas Greve".
        if a >= 2 && doc.punct_is(a - 1, ',') && is_role(a - 2) {
            return Some(((a - 2, a - 2), owner(a - 2)));
        }
        // After: "Tomas Greve, the city's mayor," (a role within five words).
        if b + 2 < end && doc.punct_is(b + 1, ',') {
            let mut k = b + 2;
            while k < end && k <= b + 7 && doc.tokens[k].is(WORD) {
                if is_role(k) {
                    let next = k + 1;
                    let closes = next >= end
                        || doc.punct_is(next, ',')
                        || doc.punct_is(next, '.')
                        || self.tok_is(next, "of")
                        || self.tok_is(next, "for")
                        || self.tok_is(next, "at");
                    return closes.then(|| ((k, k), owner(k)));
                }
                k += 1;
            }
        }
        None
    }

    /// Splits tokens `a..=b` into affiliation, title and name.
    pub(super) fn parse(&self, a: usize, b: usize, poss: Option<(usize, usize)>) -> Parsed {
        let mut p = Parsed {
            affiliation: poss,
            ..Parsed::default()
        };
        let mut k = a;
        // Leading stopword ("The Kremlin" keeps "Kremlin").
        while k <= b
            && self.doc.tokens[k].is(WORD)
            && self.is_stop(k)
            && self.lex.title(self.tok(k)).is_none()
        {
            if self.lex.is(Glue::MaleMarkers, self.tok(k)) {
                p.gender = Some('m');
            } else if self.lex.is(Glue::FemaleMarkers, self.tok(k)) {
                p.gender = Some('f');
            }
            k += 1;
        }
        let mut name_start = k;
        let mut pos = k;
        let mut first_title: Option<usize> = None;
        while pos <= b {
            if let Some((len, _)) = self.title_at(pos, b) {
                let w = self.tok(pos);
                if self.lex.is(Glue::MaleMarkers, w) {
                    p.gender = Some('m');
                } else if self.lex.is(Glue::FemaleMarkers, w) {
                    p.gender = Some('f');
                }
                first_title.get_or_insert(pos);
                p.title = Some((pos, pos + len - 1));
                pos += len;
                name_start = pos;
                continue;
            }
            // Modifiers before a title: "NATO General Secretary", "French President".
            if first_title.is_none()
                && pos < b
                && self.title_at(pos + 1, b).is_some()
                && self.is_cap_word(pos)
            {
                pos += 1;
                continue;
            }
            break;
        }
        if let Some(ft) = first_title {
            if ft > k && p.affiliation.is_none() {
                p.affiliation = Some((k, ft - 1));
            }
        }
        // The name: the last run of capitalised words, initials and
        // particles; a lower-case role word before it is a title, and
        // capitals before that an affiliation ("Amnesty International
        // spokesman Eric Ferrero").
        let mut e = b;
        while e >= name_start && (!self.is_cap_word(e) || self.is_stop(e)) {
            if e == 0 {
                return p;
            }
            e -= 1;
        }
        if e < name_start {
            return p;
        }
        let mut s = e;
        let org = (name_start..=e).any(|x| self.lex.is_orgword(self.tok(x)));
        while s > name_start
            && (self.is_cap_word(s - 1) && !self.is_stop(s - 1)
                || self.is_initial_dot(s - 1)
                || (self.doc.tokens[s - 1].is(WORD)
                    && self.lex.is(Glue::Particles, self.tok(s - 1)))
                || (org && self.tok(s - 1) == "of" && s >= 2 && self.is_cap_word(s - 2)))
        {
            s -= 1;
        }
        if s > name_start {
            let before = s - 1;
            if self.doc.tokens[before].is(WORD)
                && !self.doc.tokens[before].is(CAP)
                && self.lex.role(self.tok(before)).is_some()
            {
                p.title.get_or_insert((before, before));
                if before > name_start && p.affiliation.is_none() {
                    p.affiliation = Some((name_start, before - 1));
                }
            }
        }
        // "Joseph R. Biden Jr." is Biden.
        while e > s && self.lex.is(Glue::NameSuffixes, self.tok(e)) {
            e -= 1;
        }
        // A given name tells the gender: "Jane Roe".
        if p.gender.is_none() && e > s {
            let given = self.tok(s);
            if self.lex.is(Glue::MaleNames, given) {
                p.gender = Some('m');
            } else if self.lex.is(Glue::FemaleNames, given) {
                p.gender = Some('f');
            }
        }
        p.name = Some((s, e));
        p
    }

    /// A title phrase starting at token `pos` (not past `b`): its length in
    /// tokens and its canonical form.
    pub(super) fn title_at(&self, pos: usize, b: usize) -> Option<(usize, &'_ str)> {
        let max = self.lex.max_title_words();
        let mut best = None;
        let mut phrase = Phrase::default();
        let mut k = pos;
        let mut words = 0;
        while k <= b && words < max {
            let t = self.doc.tokens[k];
            if !t.is(WORD) || !t.is(CAP) && words == 0 && self.lex.role(self.tok(k)).is_none() {
                break;
            }
            if (words > 0 && !phrase.push(" ")) || !phrase.push(self.tok(k)) {
                break;
            }
            words += 1;
            // With a period: "Gen.", "Lt. Gen."
            if k < b && self.doc.punct_is(k + 1, '.') {
                let mut dotted = phrase;
                if dotted.push(".") {
                    if let Some(t) = self.lex.title_lower(&dotted) {
                        best = Some((k + 2 - pos, t.canonical.as_str()));
                        phrase = dotted;
                        k += 2;
                        continue;
                    }
                }
            }
            if let Some(t) = self.lex.title_lower(&phrase) {
                best = Some((k + 1 - pos, t.canonical.as_str()));
            }
            k += 1;
        }
        best
    }

    pub(super) fn kind_of_name(&self, s: usize, e: usize) -> SpeakerKind {
        let words: Vec<usize> = (s..=e).filter(|&i| self.is_cap_word(i)).collect();
        if words.iter().any(|&i| self.lex.is_orgword(self.tok(i))) {
            return SpeakerKind::Organization;
        }
        if words.len() == 1 && self.doc.tokens[words[0]].is(ALLCAPS) {
            return SpeakerKind::Organization;
        }
        if words.len() >= 2 {
            SpeakerKind::Person
        } else {
            SpeakerKind::Unknown
        }
    }

    pub(super) fn title_text(&self, t: (usize, usize)) -> (Cow<'t, str>, String) {
        let written = self.span_text(t.0, t.1);
        let canonical = self
            .title_at(t.0, t.1)
            .map(|(_, c)| c.to_string())
            .unwrap_or_else(|| written.to_string());
        let shown: Cow<'t, str> = if written.ends_with('.') || written.len() <= 3 {
            Cow::Owned(canonical.clone())
        } else {
            Cow::Borrowed(written)
        };
        (shown, canonical)
    }

    pub(super) fn affiliation_text(&self, a: (usize, usize)) -> Cow<'t, str> {
        let text = self.span_text(a.0, a.1);
        match self.lex.demonym_place(text) {
            Some(place) => Cow::Owned(place.to_string()),
            None => Cow::Borrowed(text),
        }
    }

    fn record(&mut self, p: Parsed, first: usize) {
        let Some((s, e)) = p.name else { return };
        let name_tokens = (s..=e).filter(|&i| self.is_cap_word(i)).count();
        let kind = self.kind_of_name(s, e);
        // Headline runs ("Ben Carson Defends Himself Against Claims") are
        // not names.
        if name_tokens > 4 {
            return;
        }
        // One capitalised word is an entity only with a person title.
        if name_tokens < 2 && p.title.is_none() && kind != SpeakerKind::Organization {
            return;
        }
        let name = self.span_text(s, e);
        // Words inside a quote are the speaker's, not the narrative's.
        let subject = self.subject_position(first);
        let (title, title_canonical) = match p.title {
            Some(t) => {
                let (shown, canon) = self.title_text(t);
                (Some(shown), Some(canon))
            }
            None => (None, None),
        };
        let affiliation = p.affiliation.map(|a| self.affiliation_text(a));
        let idx = match self.by_name.get(name) {
            Some(&i) => {
                let ent = &mut self.entities[i];
                if ent.title.is_none() {
                    ent.title = title;
                    ent.title_canonical = title_canonical;
                }
                if ent.affiliation.is_none() {
                    ent.affiliation = affiliation;
                }
                if ent.gender.is_none() {
                    ent.gender = p.gender;
                }
                ent.person_evidence |= p.gender.is_some() || p.title.is_some();
                i
            }
            None => {
                let i = self.entities.len();
                self.entities.push(Entity {
                    name,
                    title,
                    title_canonical,
                    affiliation,
                    gender: p.gender,
                    person_evidence: p.gender.is_some() || p.title.is_some(),
                    surname: self.tok(e),
                    kind: if name_tokens < 2 && kind == SpeakerKind::Unknown {
                        SpeakerKind::Person
                    } else {
                        kind
                    },
                });
                self.by_name.insert(name, i);
                if name_tokens >= 2 {
                    self.by_surname.entry(self.tok(e)).or_default().push(i);
                }
                i
            }
        };
        self.occurrences.push((first, idx, subject));
    }

    /// Title and affiliation of an apposition: "chairman of the US Joint
    /// Chiefs of Staff", "the union’s president", "a spokeswoman for X".
    #[allow(clippy::type_complexity)]
    pub(super) fn apposition(
        &self,
        a: usize,
        e: usize,
    ) -> (Option<(usize, usize)>, Option<(usize, usize)>) {
        let doc = self.doc;
        // `e` is exclusive; an apposition running to the end of the text
        // must not reach past the last token.
        let e = e.min(doc.tokens.len());
        if a >= e || self.lex.is(Glue::Relative, self.tok(a)) {
            return (None, None);
        }
        // "of Ohio", "from the Heritage Foundation": an affiliation only.
        if matches!(self.tok(a), "of" | "from") {
            let mut af = a + 1;
            if af + 1 < e && self.tok_is(af, "the") {
                af += 1;
            }
            return (None, (af < e).then_some((af, e - 1)));
        }
        let mut s = a;
        if self.lex.is(Glue::Determiners, self.tok(s)) {
            s += 1;
        }
        // A lone determiner ("R, a") is no title.
        if s >= e {
            return (None, None);
        }
        if let Some(pp) = (s..e).find(|&i| doc.tokens[i].is(POSSESSIVE)) {
            if pp > s && pp + 1 < e {
                return (Some((pp + 1, e - 1)), Some((s, pp - 1)));
            }
        }
        let prep = (s..e).find(|&i| matches!(self.tok(i), "of" | "for" | "at" | "with" | "in"));
        match prep {
            Some(p) if p > s && p + 1 < e => {
                let mut af = p + 1;
                if self.tok_is(af, "the") && af + 1 < e {
                    af += 1;
                }
                (Some((s, p - 1)), Some((af, e - 1)))
            }
            _ => (Some((s, e - 1)), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::event::SpeakerKind;

    #[test]
    fn names_carry_titles_and_affiliations() {
        let r = speakers("Ruritania’s Finance Minister Ana Vold said the levy would rise.");
        assert_eq!(r[0].0.as_deref(), Some("Ana Vold"));
        assert_eq!(r[0].1, SpeakerKind::Person);
        assert_eq!(r[0].3.as_deref(), Some("Finance Minister"));
        assert_eq!(r[0].4.as_deref(), Some("Ruritania"));
    }

    #[test]
    fn sentence_openers_written_in_lower_case_elsewhere_are_not_names() {
        let text = "Impeaching Roe would be a mistake. Ann Vold said impeaching him was unwise.\n\nShe said the vote was close.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Ann Vold"), "{r:?}");
    }
}
