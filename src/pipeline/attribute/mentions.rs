//! The speaker's noun phrase to the left of a cue: names, role nouns and
//! appositions (`Roe, a spokeswoman for X, said`). Phrases with no name
//! (`two senior officials`) and clause subjects live in `subjects`.

use super::{Attributor, Mention};
use crate::lexicon::Glue;
use crate::pipeline::segment::{CAP, CUE_WORD, DOUBLE_MARK, POSSESSIVE, STOPWORD, WORD};

/// The longest apposition between a speaker and the verb, in tokens.
const MAX_APPOSITION: usize = 16;

/// The longest relative clause between a speaker and the verb ("Roe, who
/// …, said"), in tokens.
const MAX_RELATIVE_APPOSITION: usize = 32;

impl Attributor<'_, '_> {
    /// Is token `i` part of a name or descriptive noun phrase?
    pub(super) fn np_word(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        if !t.is(WORD) {
            // "Varnholm News & Media", "Harbour Workers' Union".
            return (self.doc.punct_is(i, '&') || self.doc.plural_possessive_mark(i))
                && i > 0
                && self.is_cap(i - 1)
                && self.doc.tokens.get(i + 1).is_some_and(|n| n.is(CAP));
        }
        let w = self.tok(i);
        if t.is(POSSESSIVE) {
            return true;
        }
        if t.is(CAP) {
            // "Entering the debate, …": a gerund opening the sentence.
            let opens = i == 0 || self.sent_of(i - 1) != self.sent_of(i);
            if opens
                && w.len() > 5
                && w.ends_with("ing")
                && i + 1 < self.doc.tokens.len()
                && self.is_word(i + 1)
                && !self.is_cap(i + 1)
            {
                return false;
            }
            // A capitalised cue word is a name only inside one ("Ian Read").
            return !t.is(STOPWORD) && (!t.is(CUE_WORD) || self.doc.cue_word_in_name(i))
                || self.lex.title(w).is_some()
                || self.lex.honorific(w).is_some()
                || self.month_as_surname(i);
        }
        self.lex.role(w).is_some() || self.doc.glue(i, Glue::Particles)
    }

    /// Whether the capitalised month name at token `i` is a surname ("Ms.
    /// May said", "May told MPs"): after an honorific or a title, or right
    /// before a verb of saying, where neither the month nor the modal "may"
    /// can stand.
    fn month_as_surname(&self, i: usize) -> bool {
        let w = self.tok(i);
        if !self.doc.glue(i, Glue::Calendar) || w.to_ascii_lowercase().ends_with("day") {
            return false;
        }
        let after_title = i > 0
            && ((self.is_punct(i - 1, &["."])
                && i > 1
                && self.lex.is_dotted_title(self.tok(i - 1 - 1)))
                || self.lex.title(self.tok(i - 1)).is_some());
        let before_verb = self.cue_starting_at(i + 1).is_some_and(|c| {
            let info = self.cues[c].info(self.lex);
            !info.participle && self.cues[c].first == i + 1
        });
        after_title || before_verb
    }

    /// The speaker noun phrase ending right before token `cue_first`,
    /// not reaching before token `limit`.
    pub(super) fn mention_left(&self, cue_first: usize, limit: usize) -> Option<Mention> {
        // "Roe on Tuesday said", "Roe last week said": a short time or
        // place phrase between a name and the verb.
        let mut k = cue_first;
        {
            let mut j = cue_first;
            while j > limit + 1
                && cue_first - j < 4
                && self.is_word(j - 1)
                && (self.doc.glue(j - 1, Glue::Adverbials) || self.doc.glue(j - 1, Glue::Calendar))
            {
                j -= 1;
            }
            let phrase_opens = j < cue_first
                && matches!(
                    self.tok(j).to_ascii_lowercase().as_str(),
                    "on" | "in"
                        | "at"
                        | "last"
                        | "this"
                        | "earlier"
                        | "later"
                        | "today"
                        | "yesterday"
                        | "tonight"
                        | "during"
                );
            // "Roe on Tuesday said", "…, who last year denied …".
            let before_ok = j > limit
                && ((self.is_cap(j - 1) && self.np_word(j - 1))
                    || (self.is_word(j - 1) && self.doc.glue(j - 1, Glue::Relative)));
            if phrase_opens && before_ok {
                k = j;
            }
        }
        // ", however," / ", too," between the subject and the verb.
        if k >= limit + 4
            && self.is_punct(k - 1, &[","])
            && self.is_punct(k - 3, &[","])
            && self.is_word(k - 2)
            && matches!(
                self.tok(k - 2).to_ascii_lowercase().as_str(),
                "however"
                    | "though"
                    | "too"
                    | "meanwhile"
                    | "instead"
                    | "moreover"
                    | "also"
                    | "nevertheless"
                    | "still"
            )
        {
            k -= 3;
        }
        // Adverbs and auxiliaries between subject and verb.
        let mut skipped = 0;
        while k > limit && skipped < 3 {
            let w = self.tok(k - 1);
            let lower = self.is_word(k - 1) && !self.is_cap(k - 1);
            // "The three unions all said": a quantifier floated after
            // its subject (not "of all said", nor a sentence's first word).
            let floated = lower
                && self.lex.is(Glue::FloatingQuantifiers, w)
                && k - 1 > limit
                && self.is_word(k - 2)
                && !self.doc.glue(k - 2, Glue::Determiners)
                && !self.doc.glue(k - 2, Glue::Quantifiers);
            if lower
                && (self.lex.is(Glue::BetweenSubjectAndVerb, w)
                    || (w.ends_with("ly") && w.len() > 4)
                    || w == "not"
                    || floated)
            {
                k -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        if k <= limit {
            return None;
        }
        let end = k - 1;
        // A dashed apposition: "Jon Roe — a teacher from Varnholm — says",
        // "DJ Norris Coe - aka Fatboy Slim - has said" (a spaced hyphen
        // is a dash; a joining one stays inside its word).
        if self.is_punct(end, &["—", "–", "-"]) && end > limit {
            let floor = limit.max(end.saturating_sub(16));
            if let Some(open) = (floor..end)
                .rev()
                .find(|&j| self.is_punct(j, &["—", "–", "-"]))
            {
                let inside_ok = (open + 1..end).all(|j| {
                    !self.doc.tokens[j].is(DOUBLE_MARK) && self.cue_starting_at(j).is_none()
                });
                if inside_ok {
                    if let Some(head) = self.np_left_of(open, limit) {
                        return Some(Mention {
                            apposition: Some((open + 1, end)),
                            ..head
                        });
                    }
                }
            }
        }
        // Apposition: "Roe, a spokeswoman for the ministry, said".
        if self.is_punct(end, &[","]) {
            if let Some(m) = self.subject_before_appositions(limit, end) {
                return Some(m);
            }
            let mut j = end;
            // A relative clause may run longer than an apposition: "Mr
            // Blair, who last year denied he planned to join … communion,
            // said".
            let floor = limit.max(end.saturating_sub(MAX_RELATIVE_APPOSITION));
            while j > floor {
                j -= 1;
                if self.is_punct(j, &[","]) {
                    let first_word = self.tok(j + 1);
                    let relative = self.is_word(j + 1) && self.lex.is(Glue::Relative, first_word);
                    if end - j > MAX_APPOSITION && !relative {
                        return self.subject_before_appositions(limit, end);
                    }
                    let appos_first = j + 1;
                    let appos_is_name = (appos_first..end)
                        .all(|x| self.np_word(x) || self.is_punct(x, &["."]))
                        && self.is_cap(end - 1);
                    let Some(head) = self.np_left_of(j, limit) else {
                        // "The group that owns most of her music, Big
                        // Machine, says": a name set off by commas after
                        // words that are no speaker is the speaker.
                        return self.subject_before_appositions(limit, end).or_else(|| {
                            (appos_is_name && self.is_cap(appos_first))
                                .then(|| Mention::new(appos_first, end - 1))
                        });
                    };
                    let looks_like_appos = self.lex.is(Glue::Determiners, first_word)
                        || self.lex.is(Glue::Relative, first_word)
                        || self.lex.role(first_word).is_some()
                        || self.is_cap(appos_first)
                        || (self.is_word(appos_first) && !self.is_cap(appos_first));
                    if looks_like_appos
                        && (appos_first..end).all(|x| !self.doc.tokens[x].is(DOUBLE_MARK))
                    {
                        // "Carter’s press secretary, Peter Cook, told": the
                        // name in the apposition is the speaker.
                        let head_is_role =
                            !self.is_cap(head.last) && self.doc.role(head.last, self.lex).is_some();
                        if head_is_role && appos_is_name {
                            return Some(Mention::new(appos_first, end - 1));
                        }
                        return Some(Mention {
                            apposition: Some((appos_first, end)),
                            ..head
                        });
                    }
                    return None;
                }
                if self.doc.tokens[j].is(DOUBLE_MARK) || self.is_punct(j, &[".", ";", ":"]) {
                    return None;
                }
            }
            return self.subject_before_appositions(limit, end);
        }
        // A relative pronoun points back: "officials who said".
        if self.is_word(end) && self.doc.glue(end, Glue::Relative) && end > limit {
            let mut j = end;
            if j > limit && self.is_punct(j - 1, &[","]) {
                j -= 1;
            }
            return self.np_left_of(j, limit);
        }
        // "Voters in Iowa who watched the debate said": the words before
        // the cue close a relative clause; the speaker heads it.
        if k > limit + 2 {
            let floor = limit.max(k.saturating_sub(12));
            let mut j = k - 1;
            while j > floor && self.is_word(j - 1) && !self.tok_is(j - 1, "who") {
                j -= 1;
            }
            if j > floor && self.tok_is(j - 1, "who") {
                if let Some(head) = self.np_left_of(j - 1, limit) {
                    return Some(head);
                }
            }
        }
        self.np_left_of(k, limit)
            .or_else(|| self.clause_initial_np(limit, k))
            .or_else(|| self.quantified_np(limit, k))
    }

    /// "Sen. Marco Rubio, R-Fla., appearing on Fox News, said": the
    /// clause's first noun phrase, followed by appositions up to `comma`.
    fn subject_before_appositions(&self, limit: usize, comma: usize) -> Option<Mention> {
        let a = self.clause_subject_start(limit, comma);
        if a >= comma || comma - a > 30 {
            return None;
        }
        let w = self.tok(a);
        if self.lex.pronoun(w).is_some() {
            return None;
        }
        // "The city's chief engineer, Dr. Paul Ambe, said": a short
        // description opened by a determiner, then appositions.
        if self.doc.glue(a, Glue::Determiners) {
            if let Some(c0) = (a + 1..comma.min(a + 8)).find(|&j| self.is_punct(j, &[","])) {
                let plain = (a + 1..c0).all(|j| {
                    self.is_word(j)
                        && self.cue_starting_at(j).is_none()
                        && !self.doc.glue(j, Glue::Passive)
                });
                if plain && c0 > a + 1 && c0 < comma {
                    let m = Mention {
                        first: a,
                        last: c0 - 1,
                        apposition: Some((c0 + 1, comma)),
                        loose: false,
                    };
                    return Some(self.apposed_name(m));
                }
            }
        }
        let mut e = a;
        // "Sen. Jon Roe of Ohio, …": the name before "of" is the speaker.
        let mut of_at = None;
        while e + 1 < comma
            && (self.np_word(e + 1)
                || (self.is_punct(e + 1, &["."]) && self.is_abbrev_or_initial(e))
                || (of_at.is_none()
                    && self.tok_is(e + 1, "of")
                    && self.is_cap(e)
                    && e + 2 < comma
                    && self.is_cap(e + 2)))
        {
            if self.tok_is(e + 1, "of") {
                of_at = Some(e + 1);
            }
            e += 1;
        }
        if !self.np_word(a) || e + 1 >= comma || !self.is_punct(e + 1, &[","]) {
            return None;
        }
        let head_last = match of_at {
            Some(o) if !self.lex.is_orgword(self.tok(o - 1)) => o - 1,
            _ => e,
        };
        let relative = e + 2 < comma && self.doc.glue(e + 2, Glue::Relative);
        if (e + 1..comma).any(|j| {
            self.doc.tokens[j].is(DOUBLE_MARK)
                || (!relative
                    && self
                        .cue_starting_at(j)
                        .is_some_and(|c| !self.cues[c].info(self.lex).participle))
        }) {
            return None;
        }
        let m = Mention {
            first: a,
            last: head_last,
            apposition: Some((e + 2, comma)),
            loose: false,
        };
        if !self.plausible_speaker(&m) {
            return None;
        }
        Some(self.apposed_name(m))
    }

    /// "Varnholm's mayor, Tomas Greve, said": when a role description is
    /// followed by a name in apposition, the name is the speaker.
    fn apposed_name(&self, m: Mention) -> Mention {
        let Some((a, e)) = m.apposition else { return m };
        // The first apposition only: up to the next comma.
        let e = (a..e).find(|&x| self.is_punct(x, &[","])).unwrap_or(e);
        let head_is_role =
            !self.is_cap(m.last) && self.is_word(m.last) && !self.doc.tokens[m.last].is(POSSESSIVE);
        let name = e > a
            && (a..e).all(|x| self.np_word(x) || self.is_punct(x, &["."]))
            && self.is_cap(a)
            && self.is_cap(e - 1);
        if head_is_role && name {
            Mention::new(a, e - 1)
        } else {
            m
        }
    }

    /// The noun phrase ending right before token `k`.
    pub(super) fn np_left_of(&self, k: usize, limit: usize) -> Option<Mention> {
        if k <= limit {
            return None;
        }
        let last = k - 1;
        let w = self.tok(last);
        if self.is_word(last)
            && self.lex.pronoun(w).is_some()
            && !self.doc.tokens[last].is(POSSESSIVE)
        {
            return Some(Mention {
                first: last,
                last,
                apposition: None,
                loose: false,
            });
        }
        // Party-state parentheses after a name: "Sen. Jon Roe (D-N.Y.) said".
        let mut end = last;
        // "Joseph R. Biden Jr. said": the abbreviation's dot.
        if self.is_punct(end, &["."]) && end > limit && self.is_abbrev_or_initial(end - 1) {
            end -= 1;
        }
        if self.is_punct(end, &[")"]) {
            let mut j = end;
            while j > limit && !self.is_punct(j, &["("]) && end - j < 8 {
                j -= 1;
            }
            if self.is_punct(j, &["("]) && j > limit {
                end = j - 1;
            } else {
                return None;
            }
        }
        if !self.np_word(end) {
            return None;
        }
        let head_is_role = !self.is_cap(end) && self.doc.role(end, self.lex).is_some();
        let mut first = end;
        let mut j = end;
        while j > limit {
            let p = j - 1;
            let t = self.doc.tokens[p];
            let w = self.tok(p);
            if self.np_word(p)
                || (self.is_punct(p, &["."]) && p > limit && self.is_abbrev_or_initial(p - 1))
            {
                first = p;
                j = p;
                continue;
            }
            // "Customs and Border Protection", "Center for Disease
            // Control", "Citizens Against Crime": capitalised words joined
            // into one name (the resolver decides whether they are one).
            // "Commission on Presidential Debates", "Council on Foreign
            // Relations": "on" after a word of bodies.
            let on_body = w == "on" && p > limit && self.lex.is_orgword(self.tok(p - 1));
            if (matches!(w, "and" | "for" | "against") || on_body)
                && p > limit
                && self.np_word(p - 1)
                && self.is_cap(p - 1)
                && (w == "and" || self.is_cap(p + 1))
            {
                first = p;
                j = p;
                continue;
            }
            // Lower-case modifiers before a role noun: "a senior official",
            // "many economists", "two campaign sources", and after a clause
            // boundary without a determiner: "…, federal officials said".
            if head_is_role
                && t.is(WORD)
                && !t.is(CAP)
                && !self.doc.glue(p, Glue::Determiners)
                && end - p <= 3
            {
                let modifier = |x: usize| {
                    self.is_word(x)
                        && !self.is_cap(x)
                        && !self.doc.cue_form(x)
                        && !self.doc.glue(x, Glue::Passive)
                        && !self.doc.glue(x, Glue::Relative)
                        && !self.doc.glue(x, Glue::ContentStops)
                        && !matches!(self.tok(x), "and" | "or" | "but" | "that" | "not")
                };
                if let Some(det) = (limit.max(p.saturating_sub(3))..p)
                    .rev()
                    .find(|&d| self.determiner_like(d))
                {
                    if (det + 1..=p).all(modifier) {
                        first = det;
                        break;
                    }
                }
                if self.determiner_like(p) || !modifier(p) {
                    break;
                }
                // No determiner: a bare modifier run opening its clause.
                let mut a = p;
                while a > limit && end - (a - 1) <= 3 && modifier(a - 1) {
                    a -= 1;
                }
                if a == limit || self.clause_boundary_before(a) {
                    first = a;
                }
                break;
            }
            if t.is(WORD) && self.doc.glue(p, Glue::Determiners) && !t.is(POSSESSIVE) {
                // "the Kremlin", "the senator", "a spokesman".
                if matches!(
                    w.to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "this" | "his" | "her" | "its" | "their"
                ) {
                    first = p;
                }
                break;
            }
            break;
        }
        // Trim a leading "and" or possessive ending.
        while first < end && (self.tok_is(first, "and") || self.doc.tokens[first].is(POSSESSIVE)) {
            first += 1;
        }
        // "Sen. Jon Roe of Ohio", "the former governor of Texas": the
        // phrase before "of" is the speaker, the place or body after it an
        // affiliation; "the Bank of Ruritania" and "Secretary of State Jon
        // Roe" stay whole.
        // "Mei-Lin Roe of the New York Times": "the" may open the body.
        let body_cap = self.is_cap(first)
            || (self.tok_is(first, "the") && first < end && self.is_cap(first + 1));
        if first > limit + 1
            && end - first <= 3
            && body_cap
            && (self.tok_is(first - 1, "of")
                || ((self.tok_is(first - 1, "in") || self.tok_is(first - 1, "from"))
                    && self.tok(first - 2).ends_with('s')))
        {
            if let Some(head) = self.np_left_of(first - 1, limit) {
                let head_word = self.tok(head.last);
                let whole = self.lex.is_orgword(head_word)
                    || (self.is_cap(head.last)
                        && self.lex.title(head_word).is_some()
                        && (first..=end).filter(|&x| self.is_cap(x)).count() >= 3);
                if whole {
                    return Some(Mention::new(head.first, end));
                }
                if head.apposition.is_none() {
                    return Some(Mention {
                        apposition: Some((first - 1, end + 1)),
                        ..head
                    });
                }
            }
        }
        // A capitalised sentence opener that is not a name ("Officials").
        let mention = Mention {
            first,
            last: end,
            apposition: None,
            loose: false,
        };
        if !self.plausible_speaker(&mention) {
            return None;
        }
        Some(mention)
    }

    /// A mention must hold a name, a role noun, an acronym or a pronoun.
    pub(super) fn plausible_speaker(&self, m: &Mention) -> bool {
        (m.first..=m.last).any(|i| {
            let t = self.doc.tokens[i];
            if !t.is(WORD) || t.is(POSSESSIVE) {
                return false;
            }
            let w = self.tok(i);
            (t.is(CAP) && !self.lex.is_stopword(w))
                || self.lex.role(w).is_some()
                || self.month_as_surname(i)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn apposition_before_the_cue() {
        let r = one("General J. R. Doe, chairman of the Joint Staff, said the troops would stay.");
        assert_eq!(r.3, s("General J. R. Doe"));
    }

    #[test]
    fn a_spaced_hyphen_is_a_dash_around_an_apposition() {
        let r = one("DJ Jon Roe - aka Fatboy Poe - has said that dance music is not dead.");
        assert_eq!(
            (r.1.as_str(), r.3),
            ("dance music is not dead", s("DJ Jon Roe"))
        );
        // A joining hyphen stays inside its word.
        assert_eq!(
            one("Jean-Paul Roe said the mill had closed.").3,
            s("Jean-Paul Roe")
        );
    }

    #[test]
    fn a_long_relative_clause_between_speaker_and_verb() {
        let r = run(
            "Mr Roe, who last year denied he planned to join his wife and four \
                     children in the Catholic faith despite regularly taking communion, \
                     said abortion was a hard issue.",
        );
        let said = r
            .iter()
            .find(|x| x.1 == "abortion was a hard issue")
            .unwrap();
        assert_eq!(said.3, s("Mr Roe"), "{r:?}");
        let denied = r.iter().find(|x| x.2.as_deref() == Some("denied")).unwrap();
        assert_eq!(denied.3, s("Mr Roe"), "{r:?}");
        // A time phrase after the relative pronoun.
        let r = run("Mr Roe, who last year denied the mill would close, said it had.");
        let denied = r.iter().find(|x| x.2.as_deref() == Some("denied")).unwrap();
        assert_eq!(denied.3, s("Mr Roe"), "{r:?}");
    }

    #[test]
    fn speakers_of_a_place_or_body_keep_the_person() {
        assert_eq!(
            one("Senator Jon Roe of Varnholm said the vote would be close.").3,
            s("Senator Jon Roe")
        );
        assert_eq!(
            one("The Bank of Ruritania said rates would rise.").3,
            s("The Bank of Ruritania")
        );
        assert_eq!(
            one("Senator Jon Roe of Varnholm, the party whip, said the vote would be close.").3,
            s("Senator Jon Roe")
        );
    }

    #[test]
    fn a_capitalised_cue_word_inside_a_name_is_part_of_it() {
        let r = one("Pfizer chief executive Ian Read said the deal would close.");
        assert_eq!(r.3, s("Pfizer chief executive Ian Read"));
        // A headline verb is still the verb.
        let r = one("Roe Says Mill Will Close");
        assert_eq!(
            (r.1.as_str(), r.2, r.3),
            ("Mill Will Close", s("Says"), s("Roe"))
        );
    }

    #[test]
    fn a_name_in_apposition_to_a_role_is_the_speaker() {
        assert_eq!(
            one("Carter’s press secretary, Peter Cook, told reporters the plan was sound.").3,
            s("Peter Cook")
        );
        assert_eq!(
            one("Jon Roe — a teacher from Varnholm — says the school will close.").3,
            s("Jon Roe")
        );
    }
}
