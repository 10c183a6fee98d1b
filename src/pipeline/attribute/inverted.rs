//! The speaker's noun phrase to the right of a cue: inverted tags (`…,
//! said Roe, a spokeswoman for X`), descriptions (`said one person with
//! knowledge of the talks`) and sources (`according to officials familiar
//! with the talks`).

use super::{Attributor, Mention};
use crate::lexicon::Glue;
use crate::pipeline::segment::{CAP, DOUBLE_MARK, IN_QUOTE, WORD};

impl Attributor<'_, '_> {
    /// The source named after "according to": a noun phrase, or for a
    /// sentence-initial phrase everything up to its comma.
    pub(super) fn source_after(&self, k: usize, s_end: usize, lead: bool) -> Option<Mention> {
        if let Some(m) = self.mention_right(k, s_end, true) {
            let next = m.last + 1;
            let done = next >= s_end || self.is_punct(next, &[",", ".", "!", "?", ";"]);
            if done {
                return Some(m);
            }
        }
        // The source runs to the comma (or the sentence end, or a relative
        // clause): "according to officials familiar with the talks".
        let stop = (k..s_end.min(k + 30))
            .find(|&j| {
                let t = self.doc.tokens[j];
                !t.is(IN_QUOTE)
                    && (self.is_punct(j, &[",", ".", ";", "!", "?", "—", "–"])
                        || (t.is(WORD) && self.doc.glue(j, Glue::Relative)))
            })
            .unwrap_or(s_end.min(k + 30));
        if stop == k || (lead && (stop >= s_end || !self.is_punct(stop, &[","]))) {
            return None;
        }
        let m = Mention::new(k, stop - 1);
        Some(m)
    }

    /// The agent of a passive cue ending right before token `k`: "(asked)
    /// by Jon Roe, …". Returns the agent, if "by" opens one, and the token
    /// after it; `None` when "by" is followed by no speaker.
    pub(super) fn by_agent(&self, k: usize, limit: usize) -> Option<(Option<Mention>, usize)> {
        if k >= limit || !self.tok_is(k, "by") {
            return Some((None, k));
        }
        let m = self
            .mention_right(k + 1, limit, false)
            .or_else(|| self.mention_right(k + 1, limit, true))?;
        Some((Some(m), m.apposition.map_or(m.last + 1, |a| a.1)))
    }

    /// The noun phrase starting at token `k` (inversions and "according
    /// to X"), with an apposition after a comma. `loose` also takes
    /// lower-case noun phrases ("Ukrainian and Western officials").
    pub(super) fn mention_right(&self, k: usize, limit: usize, loose: bool) -> Option<Mention> {
        if k >= limit || !self.is_word(k) {
            return None;
        }
        let w0 = self.tok(k);
        if self.lex.pronoun(w0).is_some() && !loose {
            return None;
        }
        let mut j = k;
        if self.doc.glue(k, Glue::Determiners) {
            j += 1;
        }
        let mut last = None;
        let max = (k + 10).min(limit);
        while j < max {
            let t = self.doc.tokens[j];
            let w = self.tok(j);
            if t.is(DOUBLE_MARK) || self.is_punct(j, &[",", ";", ":", "(", ")"]) {
                break;
            }
            if self.is_punct(j, &["."]) {
                if j > k && self.is_abbrev_or_initial(j - 1) && j + 1 < limit && self.is_cap(j + 1)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            let modifier_of_role = t.is(WORD)
                && !t.is(CAP)
                && last.is_none()
                && (j + 1..max.min(j + 4)).any(|x| {
                    self.is_word(x) && !self.is_cap(x) && self.doc.role(x, self.lex).is_some()
                })
                && self.cue_starting_at(j).is_none();
            let ok = self.np_word(j)
                || modifier_of_role
                || (w == "and" && last.is_some())
                || (loose
                    && t.is(WORD)
                    && !t.is(CAP)
                    && !self.lex.is_cue_word(w)
                    && !self.lex.is(Glue::ContentStops, w)
                    && !self.lex.is(Glue::Passive, w)
                    && !self.lex.is(Glue::Adverbials, w))
                || (loose
                    && (w == "of" || w == "for")
                    && last.is_some()
                    && j + 1 < max
                    && self.np_word(j + 1))
                // "said Secretary of State Ana Vold", "said Bank of Tallow
                // governor Ana Vold": a capitalised title or body, first or
                // after one modifier, joined to its field. After a name it
                // is no title: "said Peter King of New York".
                || (w == "of"
                    && last == Some(j - 1)
                    && (j - 1 == k
                        || (j - 2 == k
                            && !self.doc.glue(k, Glue::MaleNames)
                            && !self.doc.glue(k, Glue::FemaleNames)))
                    && self.is_cap(j - 1)
                    && (self.lex.title(self.tok(j - 1)).is_some()
                        || self.lex.is_orgword(self.tok(j - 1)))
                    && j + 1 < max
                    && self.is_cap(j + 1));
            if !ok {
                break;
            }
            if t.is(WORD) && w != "and" && w != "of" && w != "for" {
                last = Some(j);
            }
            j += 1;
        }
        let last = last?;
        let mention = Mention {
            first: k,
            last,
            apposition: None,
            loose: false,
        };
        let pronoun_source = loose && self.lex.pronoun(w0).is_some();
        if !(self.plausible_speaker(&mention) || pronoun_source) {
            return None;
        }
        // Apposition: ", the union's president," up to the next comma or end.
        let mut apposition = None;
        if last + 2 < limit && self.is_punct(last + 1, &[","]) {
            let a = last + 2;
            let mut e = a;
            while e < limit
                && !self.is_punct(e, &[",", ".", ";"])
                && !self.doc.tokens[e].is(DOUBLE_MARK)
                && e - a < 14
            {
                e += 1;
            }
            if e > a
                && (self.doc.glue(a, Glue::Determiners)
                    || self.doc.glue(a, Glue::Relative)
                    || self.doc.tokens[a].is(WORD))
                && (e >= limit || self.is_punct(e, &[",", ".", ";"]))
            {
                apposition = Some((a, e));
            }
        }
        Some(Mention {
            apposition,
            ..mention
        })
    }

    /// After an inverted cue, a descriptive speaker phrase up to its comma
    /// or the sentence end: "said one person with knowledge of the talks",
    /// "said former Gov. Bill Richardson of New Mexico".
    pub(super) fn inverted_description(&self, k: usize, s_end: usize) -> Option<Mention> {
        if k >= s_end || !self.is_word(k) || self.lex.pronoun(self.tok(k)).is_some() {
            return None;
        }
        // "X, recalled in place of Y, …": a phrase opened by a preposition
        // is no speaker; the verb is a participle.
        let w = self.tok(k);
        if !self.is_cap(k)
            && (self.doc.glue(k, Glue::ContentStops) || matches!(w, "in" | "on" | "at" | "as"))
        {
            return None;
        }
        let mut end = k;
        while end < s_end && end < k + 14 {
            let t = self.doc.tokens[end];
            if t.is(DOUBLE_MARK) || self.is_punct(end, &[",", ";", ":", "—", "–", "(", "!", "?"])
            {
                break;
            }
            if self.is_punct(end, &["."]) && !(end > k && self.is_abbrev_or_initial(end - 1)) {
                break;
            }
            if t.is(WORD)
                && (self.doc.glue(end, Glue::Relative) || self.cue_starting_at(end).is_some())
            {
                break;
            }
            end += 1;
        }
        if end == k || end - k >= 14 {
            return None;
        }
        // "… Bill Richardson of New Mexico": the place is not the name.
        // "former Secretary of State Ana Vold": "of" inside a title is no
        // such place.
        let mut last = end - 1;
        if let Some(of) = (k + 1..end).find(|&j| {
            matches!(self.tok(j), "of" | "from")
                && self.is_cap(j - 1)
                && self.lex.title(self.tok(j - 1)).is_none()
        }) {
            last = of - 1;
        }
        while last > k && !self.is_word(last) {
            last -= 1;
        }
        let m = Mention {
            first: k,
            last,
            apposition: self.name_apposition(end, s_end),
            loose: false,
        };
        self.plausible_speaker(&m).then_some(m)
    }

    /// After a description ending at the comma `comma`, a name that ends
    /// the sentence or its own comma phrase: "said one of their lawyers,
    /// Jon Roe." The name's tokens `start..end`.
    fn name_apposition(&self, comma: usize, s_end: usize) -> Option<(usize, usize)> {
        if comma + 1 >= s_end || !self.is_punct(comma, &[","]) || !self.is_cap(comma + 1) {
            return None;
        }
        let mut e = comma + 1;
        while e < s_end
            && e < comma + 7
            && ((self.is_word(e) && self.is_cap(e))
                || (self.is_punct(e, &["."]) && self.is_abbrev_or_initial(e - 1)))
        {
            e += 1;
        }
        (e >= s_end || self.is_punct(e, &[",", ".", ";"])).then_some((comma + 1, e))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_participle_before_a_preposition_is_no_inverted_tag() {
        assert!(run("Jon Poe, recalled in place of Ana Lee, scored twice.").is_empty());
    }

    #[test]
    fn inversion_with_apposition() {
        let r = one("“The strike goes on,” said Ana Lee, the union’s president.");
        assert_eq!(r.3, s("Ana Lee"));
    }

    #[test]
    fn an_inverted_tag_takes_the_name_after_the_cue() {
        let r = one("The mill will close, said Ana Vold, an Orlando lawyer who owns it.");
        assert_eq!((r.1.as_str(), r.3), ("The mill will close", s("Ana Vold")));
        assert_eq!(
            one("“We will rebuild,” said former Gov. Bill Richardson of New Mexico.").3,
            s("former Gov. Bill Richardson")
        );
    }

    #[test]
    fn an_inverted_description_runs_to_its_comma() {
        let r = one("“The talks are over,” said one official with knowledge of the talks.");
        assert_eq!(r.3, s("one official"));
        with(
            "said a senior official with knowledge of the talks, and",
            |a| {
                let end = a.doc.tokens.len();
                let m = a.inverted_description(1, end);
                assert_eq!(
                    mention(a, m),
                    s("a senior official with knowledge of the talks")
                );
            },
        );
        with("said Roe, the union's president, on Monday", |a| {
            let m = a.mention_right(1, a.doc.tokens.len(), false).unwrap();
            assert_eq!(words(a, m.first, m.last), "Roe");
            let (x, y) = m.apposition.unwrap();
            assert_eq!(words(a, x, y - 1), "the union's president");
        });
    }

    #[test]
    fn a_source_runs_to_its_comma() {
        let r = one("According to officials familiar with the talks, the mill will close.");
        assert_eq!(
            (r.1.as_str(), r.3),
            (
                "the mill will close",
                s("officials familiar with the talks")
            )
        );
        // A pronoun is never an inverted speaker.
        with("said he", |a| {
            assert_eq!(mention(a, a.mention_right(1, 2, false)), None)
        });
    }
}
