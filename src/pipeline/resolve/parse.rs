//! Splitting a name run into its parts: affiliation ("Ruritania’s",
//! "Tallow Party"), honorific ("Mr."), title ("Former Senator", "Secretary
//! of State") and the name itself, with the title phrases the lexicon
//! knows.

use super::{Parsed, Resolver};
use crate::lexicon::{Glue, Phrase};
use crate::pipeline::segment::{CAP, WORD};

impl Resolver<'_, '_> {
    /// Splits tokens `a..=b` into affiliation, honorific, title and name.
    pub(super) fn parse(&self, a: usize, b: usize, poss: Option<(usize, usize)>) -> Parsed {
        let mut p = Parsed {
            affiliation: poss,
            ..Parsed::default()
        };
        let mut k = a;
        let mut pos = a;
        let mut first_title: Option<usize> = None;
        let mut modifier: Option<usize> = None;
        let mut name_start = a;
        // "Jon Kingsley", "Tom Bishop": a given name then a title word with no
        // name after it is a name.
        let given_first =
            |x: usize| self.doc.glue(x, Glue::MaleNames) || self.doc.glue(x, Glue::FemaleNames);
        while pos <= b {
            let w = self.tok(pos);
            if self.doc.tokens[pos].is(WORD) {
                // "Former Senator Ana Vold", "former Tallow Party leader":
                // a modifier of the title is no affiliation and no name.
                if first_title.is_none()
                    && pos == k
                    && pos < b
                    && self.doc.glue(pos, Glue::TitleModifiers)
                {
                    modifier = Some(pos);
                    pos += 1;
                    k = pos;
                    name_start = pos;
                    continue;
                }
                // Honorifics: "Mr.", "Dame", "the Most Reverend".
                if let Some(h) = self.lex.honorific(w) {
                    p.gender = p.gender.or(h.gender);
                    pos += 1;
                    if pos <= b && self.doc.punct_is(pos, '.') {
                        pos += 1;
                    }
                    name_start = pos;
                    if first_title.is_none() {
                        k = pos;
                    }
                    continue;
                }
                let title = self
                    .title_at(pos, b)
                    .filter(|&(len, _)| !(pos + len > b && pos > k && given_first(k)));
                if let Some((len, _)) = title {
                    if self.lex.is(Glue::MaleMarkers, w) {
                        p.gender = Some('m');
                    } else if self.lex.is(Glue::FemaleMarkers, w) {
                        p.gender = Some('f');
                    }
                    first_title.get_or_insert(pos);
                    // The modifier right before the title is part of it.
                    let t_start = if modifier == Some(pos.wrapping_sub(1)) {
                        pos - 1
                    } else {
                        pos
                    };
                    p.title = Some((t_start, pos + len - 1));
                    pos += len;
                    name_start = pos;
                    continue;
                }
                // Leading stopwords ("The Kremlin" keeps "Kremlin").
                if first_title.is_none() && pos == k && self.is_stop(pos) {
                    pos += 1;
                    k = pos;
                    name_start = pos;
                    continue;
                }
            }
            // Modifiers before a title: "NATO General Secretary", "French
            // President", "U.S. Defense Secretary".
            // "Centers for Disease Control Director Ana Vold": a body's
            // name joined over "of", "for" or "and" before a title and a
            // name ("Citizens for Tax Justice" ends in no title).
            // "Council on American-Islamic Relations Executive Director …":
            // "on", and a hyphen inside the body's name, join it too.
            const BODY_LOOKAHEAD: usize = 7;
            let joiner = || {
                pos > a
                    && !self.doc.glue(a, Glue::Calendar)
                    && (matches!(self.tok(pos), "of" | "for" | "and" | "&" | "on")
                        || (self.tok(pos) == "-" && self.is_cap_word(pos - 1)))
                    && self.is_cap_word(pos + 1)
                    && (pos + 1..=b.min(pos + BODY_LOOKAHEAD))
                        .any(|x| self.title_at(x, b).is_some_and(|(len, _)| x + len <= b))
            };
            if first_title.is_none()
                && pos < b
                && (((self.is_cap_word(pos) || self.is_initial_dot(pos))
                    && (pos + 1..=b.min(pos + BODY_LOOKAHEAD))
                        .any(|x| self.title_at(x, b).is_some()))
                    || joiner())
            {
                pos += 1;
                continue;
            }
            break;
        }
        if let Some(ft) = first_title {
            if ft > k && p.affiliation.is_none() {
                // "U.S. Defense Secretary": the place is the affiliation, a
                // capitalised word after it belongs to the title.
                let mut af_end = ft - 1;
                let mut t_start = ft;
                while af_end > k
                    && self.is_cap_word(af_end)
                    && !self.lex.is_place(self.tok(af_end))
                    && self.lex.place_of_adjective(self.tok(af_end)).is_none()
                    && (k..af_end).any(|x| {
                        self.lex.is_place(self.span_text(k, x))
                            || self.lex.place_of_adjective(self.tok(x)).is_some()
                    })
                {
                    t_start = af_end;
                    af_end -= 1;
                }
                p.affiliation = Some((k, af_end));
                if let Some(t) = p.title.as_mut() {
                    if t.0 == ft {
                        t.0 = t_start;
                    }
                }
            }
        }
        // The name: the last run of capitalised words, initials and
        // particles.
        let mut e = b;
        while e >= name_start
            && (!self.is_cap_word(e) || self.is_stop(e))
            && !(self.doc.punct_is(e, '.') && e > name_start && self.is_suffix(e - 1))
        {
            if e == 0 {
                return p;
            }
            e -= 1;
        }
        if e < name_start {
            return p;
        }
        let mut s = e;
        if self.doc.punct_is(s, '.') {
            s -= 1;
        }
        while s > name_start
            && (self.is_cap_word(s - 1) && !self.is_stop(s - 1)
                || self.is_initial_dot(s - 1)
                || (s >= name_start + 2 && self.doc.plural_possessive_mark(s - 1))
                || (self.doc.tokens[s - 1].is(WORD) && self.doc.glue(s - 1, Glue::Particles))
                || (s >= name_start + 2
                    && (self.joins(name_start, s - 1) || self.and_joins(name_start, s - 1, e + 1))))
        {
            s -= 1;
        }
        // "Democratic presidential candidate Sen. Jon Roe": a title that
        // opens the last run, after the lower-case words the scan above
        // stopped at, is no part of the name; an organisation's name keeps
        // its words ("Justice Department").
        if s > name_start && !(s..=e).any(|i| self.lex.is_orgword(self.tok(i))) {
            if let Some((len, _)) = self.title_at(s, e).filter(|&(len, _)| s + len <= e) {
                if self.is_cap_word(s + len) {
                    p.title = p.title.or(Some((s, s + len - 1)));
                    s += len;
                }
            }
        }
        if s > name_start && p.title.is_none() {
            // "Amnesty International spokesman Eric Ferrero": a lower-case
            // role word before the name is a title, capitals before it an
            // affiliation.
            let before = s - 1;
            if !self.doc.tokens[before].is(CAP) && self.is_title_noun(before) {
                p.title = Some((before, before));
                if before > name_start && p.affiliation.is_none() {
                    p.affiliation = Some((name_start, before - 1));
                }
            }
        }
        // A given name tells the gender: "Jane Roe".
        let surname = self.surname_of(s, e);
        if p.gender.is_none() && surname > s {
            if self.doc.glue(s, Glue::MaleNames) {
                p.gender = Some('m');
            } else if self.doc.glue(s, Glue::FemaleNames) {
                p.gender = Some('f');
            }
        }
        p.name = Some((s, e));
        p
    }

    /// Whether token `i` is a generational suffix ("Jr").
    pub(super) fn is_suffix(&self, i: usize) -> bool {
        self.doc.tokens[i].is(WORD) && self.doc.glue(i, Glue::NameSuffixes)
    }

    /// The surname token of the name `s..=e`: its last word before any
    /// generational suffix ("Joseph R. Biden Jr." → "Biden").
    pub(super) fn surname_of(&self, s: usize, e: usize) -> usize {
        let mut k = e;
        if self.doc.punct_is(k, '.') && k > s {
            k -= 1;
        }
        while k > s && (self.is_suffix(k) || !self.doc.tokens[k].is(WORD)) {
            k -= 1;
        }
        while k > s && !self.doc.tokens[k].is(WORD) {
            k -= 1;
        }
        k
    }

    /// A title phrase starting at token `pos` (not past `b`): its length in
    /// tokens and its canonical form. A capitalised occupation noun counts
    /// as a one-word title ("Coach Frank Vole", "NASA Administrator").
    pub(super) fn title_at(&self, pos: usize, b: usize) -> Option<(usize, &'_ str)> {
        let max = self.lex.max_title_words();
        let mut best = None;
        let mut phrase = Phrase::default();
        let mut k = pos;
        let mut words = 0;
        // No title phrase opens with this word: skip the phrase scan
        // (most name runs start with a name, not a title).
        let opens_title = pos <= b && self.doc.tokens[pos].classes.may_start_title();
        while opens_title && k <= b && words < max {
            let t = self.doc.tokens[k];
            if !t.is(WORD) || !t.is(CAP) && words == 0 && self.doc.role(k, self.lex).is_none() {
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
        // Not a given name: "Dean Kiely", "Bishop" as a surname is rare.
        let given =
            |x: usize| self.doc.glue(x, Glue::MaleNames) || self.doc.glue(x, Glue::FemaleNames);
        if best.is_none()
            && pos <= b
            && self.doc.tokens[pos].is(CAP)
            && !given(pos)
            && self.is_title_noun(pos)
            && pos < b
            && self.is_cap_word(pos + 1)
        {
            return Some((1, self.tok(pos)));
        }
        best
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
        // A possessive owner of several words is the whole name, and a
        // stopword before it is not part of it.
        let r = speakers("As the Tallow Herald’s Ana Vold reported, the mill was shut.");
        assert_eq!(r[0].0.as_deref(), Some("Ana Vold"), "{r:?}");
        assert_eq!(r[0].4.as_deref(), Some("Tallow Herald"), "{r:?}");
        // "He's" is "he is": a stopword owns nothing.
        let r = speakers("Jon Roe said the mill would close.\n\n\"He's Jon Roe, and he's in his own lane,\" Ana Vold said.");
        assert_eq!(r[0].4, None, "{r:?}");
    }

    #[test]
    fn title_modifiers_and_titles_with_of_stay_in_the_title() {
        let row = |text: &str| {
            let r = speakers(text);
            assert_eq!(r.len(), 1, "{text}: {r:?}");
            (r[0].0.clone(), r[0].3.clone(), r[0].4.clone())
        };
        let some = |x: &str| Some(x.to_string());
        assert_eq!(
            row("Former Senator Ana Vold said the plan would fail."),
            (some("Ana Vold"), some("Former Senator"), None)
        );
        assert_eq!(
            row("Former Tallow Party leader Jon Roe said the plan would fail."),
            (some("Jon Roe"), some("leader"), some("Tallow Party"))
        );
        // A title opening the name after lower-case words leaves the
        // name; an organisation's name keeps its words.
        assert_eq!(
            row("Tallow Party presidential hopeful Gov. Ana Vold said the plan would fail."),
            (
                some("Ana Vold"),
                some("presidential hopeful"),
                some("Tallow Party")
            )
        );
        let r =
            speakers("Current officials at the Justice Department have said the probe is wide.");
        assert_eq!(r[0].0.as_deref(), Some("Justice Department"), "{r:?}");
        // After an inverted cue, "of" joins a title to its field ...
        assert_eq!(
            row("“It is hard,” said Secretary of State Ana Vold."),
            (some("Ana Vold"), some("Secretary of State"), None)
        );
        assert_eq!(
            row("“It is hard,” said former Secretary of State Ana Vold."),
            (some("Ana Vold"), some("former Secretary of State"), None)
        );
        // ... but after a name it opens the affiliation.
        assert_eq!(
            row("“It is hard,” said Rep. Jon T. King of Tallow."),
            (some("Jon T. King"), some("Representative"), some("Tallow"))
        );
    }

    #[test]
    fn suffixes_stay_in_the_name_and_honorifics_leave_it() {
        let r =
            speakers("Jon P. Roe Jr. said the case was closed.\n\nMr. Roe said the court agreed.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(
            r.iter().all(|x| x.0.as_deref() == Some("Jon P. Roe Jr.")),
            "{r:?}"
        );
        assert!(r.iter().all(|x| x.3.is_none()), "{r:?}");
    }

    #[test]
    fn a_body_named_over_for_before_a_title_is_the_affiliation() {
        let r = speakers("Centers for Soil Control Director Ana Vold said the risk was low.");
        assert_eq!(r[0].0.as_deref(), Some("Ana Vold"), "{r:?}");
        assert_eq!(r[0].3.as_deref(), Some("Director"));
        assert_eq!(r[0].4.as_deref(), Some("Centers for Soil Control"));
        // Over "on", and a hyphen, with the title further on.
        let r = speakers(
            "Council on Ruritanian-Varnish Trade Executive Director Ana Vold said the risk was low.",
        );
        assert_eq!(r[0].0.as_deref(), Some("Ana Vold"), "{r:?}");
        assert_eq!(
            r[0].4.as_deref(),
            Some("Council on Ruritanian-Varnish Trade")
        );
        // "on" after a body's word joins its name as a speaker too.
        let r = speakers("The Commission on Soil Control says the risk was low.");
        assert_eq!(
            r[0].0.as_deref(),
            Some("Commission on Soil Control"),
            "{r:?}"
        );
        assert_eq!(r[0].1, SpeakerKind::Organization);
        // A weekday before "for" opens no name.
        let r = speakers("Jon Roe called Wednesday for Supreme Court Justice Ana Vold to resign.\n\nVold said she would stay.");
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Ana Vold"), "{r:?}");
        assert_eq!(
            r.last().unwrap().4.as_deref(),
            Some("Supreme Court"),
            "{r:?}"
        );
    }
}
