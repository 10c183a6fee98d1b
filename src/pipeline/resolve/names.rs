//! Name runs: every capitalised run of the article, split into honorific,
//! title, affiliation and name, and recorded in the entity table together
//! with what its context says about it.

use super::descriptions::Description;
use super::{Occurrence, Resolver};
use crate::lexicon::Glue;
use crate::pipeline::segment::{Document, ALLCAPS, CAP, CUE_WORD, IN_QUOTE, POSSESSIVE, WORD};

/// Endings of adjectives made from names ("Democratic", "Western",
/// "Ruritanian"): such a word alone before a noun modifies it.
pub(super) const ADJECTIVE_ENDINGS: [&str; 6] = ["an", "ern", "ish", "ese", "ic", "ian"];

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
    /// Finds every name run and records it in the entity table.
    pub(super) fn scan_names(&mut self) {
        let doc = self.doc;
        let headline = self.headline_paragraph();
        let credits = self.credit_sentences();
        for (pi, para) in doc.paragraphs.iter().enumerate() {
            if para.skip {
                continue;
            }
            let mut i = para.tokens.start;
            let end = para.tokens.end;
            while i < end {
                if !self.is_cap_word(i) || self.ordinary_opener(i) {
                    i += 1;
                    continue;
                }
                let b = self.run_end(i, end);
                // "Alliance to Reclaim Our Schools (AROS)": the name runs
                // back over function words to match its acronym.
                let a = self.extend_for_acronym(i, b, para.tokens.start);
                i = b + 1;
                // Photo credits and captions name no speaker; a bracket
                // right after a name is an aside ("(R-Wis.)", "(IMF)").
                if credits[self.doc.tokens[a].sentence as usize]
                    || (a >= 2 && self.doc.punct_is(a - 1, '(') && self.is_cap_word(a - 2))
                {
                    continue;
                }
                // Affiliation from a possessive owner right before:
                // "Estonia’s", "the Tallow Herald’s".
                let poss = (a >= 2 && self.doc.tokens[a - 1].is(POSSESSIVE))
                    .then(|| self.owner_before(a))
                    .flatten();
                let parsed = self.parse(a, b, poss);
                let Some((s, e)) = parsed.name else { continue };
                let context = self.context_of(a, b, e, para.tokens.start, end);
                let salient = Some(pi) != headline && !self.doc.tokens[a].is(IN_QUOTE);
                if s == e {
                    *self.singles.entry(self.tok(s)).or_default() += 1;
                    // A surname or given name alone ("Vold said", "Sharon
                    // said") is an occurrence of the fuller name seen
                    // before.
                    let w = self.tok(s);
                    let fuller = self
                        .by_surname_near(w, a, parsed.gender)
                        .or_else(|| self.by_given_near(w, a));
                    if let Some(ent) = fuller {
                        self.add_to(ent, parsed, context);
                        self.push_occurrence(a, b, ent, salient);
                        continue;
                    }
                    // A place adjective ("Western", "Ruritanian") or an
                    // adjective before a noun ("Democratic nominee") is no
                    // name.
                    // So is a compound with a lower-case last part
                    // ("Varnholm-based", "Kremlin-backed").
                    let compound = w
                        .rsplit_once('-')
                        .is_some_and(|(_, last)| last.starts_with(|c: char| c.is_lowercase()));
                    let adjective_before_noun = compound
                        || ADJECTIVE_ENDINGS.iter().any(|x| w.ends_with(x))
                            && !self.doc.tokens[s].is(ALLCAPS)
                            && self
                                .doc
                                .tokens
                                .get(e + 1)
                                .is_some_and(|t| t.is(WORD) && !t.is(CAP));
                    if parsed.title.is_none()
                        && (self.lex.place_of_adjective(w).is_some() || adjective_before_noun)
                    {
                        continue;
                    }
                    // A capitalised sentence opener before a lower-case
                    // word, never capitalised elsewhere, is an ordinary
                    // word: "Group advertising revenues rose".
                    let opens = (self.doc.sentences[self.doc.tokens[s].sentence as usize]
                        .tokens
                        .start..s)
                        .all(|k| !self.doc.tokens[k].is(WORD));
                    let before_lower = self
                        .doc
                        .tokens
                        .get(e + 1)
                        .is_some_and(|t| t.is(WORD) && !t.is(CAP));
                    if opens
                        && before_lower
                        && parsed.title.is_none()
                        && parsed.gender.is_none()
                        && !self.doc.tokens[s].is(ALLCAPS)
                        && !self.lex.is_place(w)
                        && (!self.seen_capitalised_elsewhere(s) || self.inner_word_of_a_name(w))
                    {
                        continue;
                    }
                }
                if let Some(ent) = self.record(parsed, context, a) {
                    self.push_occurrence(a, b, ent, salient);
                }
            }
        }
    }

    /// Whether `w` is a later word of a longer name already in the table:
    /// "News" of "Varnholm News & Media" opening "News of the deal
    /// came" is the ordinary word, not a second entity.
    fn inner_word_of_a_name(&self, w: &str) -> bool {
        self.entities
            .iter()
            .any(|e| e.words > 1 && e.name.split(' ').skip(1).any(|x| x == w))
    }

    /// The last token of the name run starting at `a`.
    fn run_end(&self, a: usize, end: usize) -> usize {
        let mut b = a;
        let mut j = a + 1;
        while j < end {
            let name_word = self.is_cap_word(j) && !self.is_stop(j);
            // The rest is asked only of a token that is no name word.
            let joined = || {
                let particle = self.doc.tokens[j].is(WORD)
                    && self.doc.glue(j, Glue::Particles)
                    && j + 1 < end
                    && self.is_cap_word(j + 1);
                let org_of = j + 1 < end
                    && !self.doc.tokens[j].is(CAP)
                    && (self.joins(a, j) || self.and_joins(a, j, end));
                // "Joseph R. Biden Jr.": the suffix's dot.
                let suffix_dot = || {
                    self.doc.punct_is(j, '.')
                        && self.doc.glue(j - 1, Glue::NameSuffixes)
                        && j == b + 1
                };
                // "Harbour Workers' Union".
                particle
                    || org_of
                    || self.doc.plural_possessive_mark(j)
                    || self.is_initial_dot(j)
                    || suffix_dot()
            };
            if name_word || joined() {
                b = j;
            } else {
                break;
            }
            j += 1;
        }
        b
    }

    /// The start of the name run `a..=b` extended back, over function
    /// words and capitalised words, until its initials spell the acronym
    /// in brackets after it; `a` when there is none or nothing matches.
    fn extend_for_acronym(&self, a: usize, b: usize, start: usize) -> usize {
        let doc = self.doc;
        if !(doc.punct_is(b + 1, '(')
            && doc.tokens.get(b + 2).is_some_and(|t| t.is(ALLCAPS))
            && doc.punct_is(b + 3, ')'))
        {
            return a;
        }
        let acronym = self.tok(b + 2).as_bytes();
        let initials = |from: usize| {
            (from..=b)
                .filter(|&k| self.is_cap_word(k) && !self.is_stop(k))
                .map(|k| self.tok(k).as_bytes()[0])
                .collect::<Vec<u8>>()
        };
        let mut s = a;
        for _ in 0..8 {
            if initials(s) == acronym {
                return s;
            }
            if s <= start {
                break;
            }
            let p = s - 1;
            let joins = self.doc.tokens[p].is(WORD)
                && matches!(
                    self.tok(p),
                    "and" | "of" | "for" | "to" | "on" | "the" | "&"
                );
            if !(joins || self.is_cap_word(p)) {
                break;
            }
            s = p;
        }
        a
    }

    /// Whether token `j` joins the name run starting at `a` to the
    /// capitalised word after it: "Ministry of Labour", "Doctors for Ward
    /// Reform", "Varnholm News & Media". An organisation's name joins
    /// over "of", "for", "on", "against" and "&"; a person's name ("Bob
    /// Murray of Sunderland") or a place after the word does not.
    pub(super) fn joins(&self, a: usize, j: usize) -> bool {
        let w = self.tok(j);
        if !matches!(w, "of" | "for" | "on" | "against" | "&")
            || j <= a
            // "called Wednesday for Supreme Court Justice …".
            || self.doc.glue(a, Glue::Calendar)
            || !self.is_cap_word(j + 1)
            || self.is_stop(j + 1)
            || self.lex.is_place(self.tok(j + 1))
        {
            return false;
        }
        if (a..j).any(|x| self.lex.is_orgword(self.tok(x))) {
            return true;
        }
        let first = self.tok(a);
        let personal = self.doc.glue(a, Glue::MaleNames)
            || self.doc.glue(a, Glue::FemaleNames)
            || self.lex.honorific(first).is_some()
            || self.lex.title(first).is_some()
            || self.is_initial_dot(a + 1);
        (w == "&" || !personal) && (a..j).all(|x| !self.doc.tokens[x].is(ALLCAPS))
    }

    /// Whether the "and" at `j` is inside an organisation's name that starts
    /// at `a`, not between two names: "Customs and Border Protection" when
    /// the article also writes "CBP", "Securities and Exchange Commission"
    /// (the part after "and" ends in an organisation word, the part before
    /// has none), or "Center for Disease Control and Prevention" (the run
    /// already joined over "of" or "for", and one or two plain capitalised
    /// words end it). Places, personal names, titles and acronyms on either
    /// side make it a list: "Ruritania and Tallow", "the Treasury and
    /// Jon Roe".
    pub(super) fn and_joins(&self, a: usize, j: usize, end: usize) -> bool {
        if self.tok(j) != "and" || j <= a || !self.is_cap_word(j - 1) {
            return false;
        }
        let plain = |k: usize| {
            self.is_cap_word(k)
                && !self.is_stop(k)
                && !self.doc.tokens[k].is(ALLCAPS)
                && !self.lex.is_place(self.tok(k))
                && self.lex.place_of_adjective(self.tok(k)).is_none()
                && !self.doc.glue(k, Glue::MaleNames)
                && !self.doc.glue(k, Glue::FemaleNames)
                && self.lex.honorific(self.tok(k)).is_none()
                && self.lex.title(self.tok(k)).is_none()
        };
        let personal = self.doc.glue(a, Glue::MaleNames)
            || self.doc.glue(a, Glue::FemaleNames)
            || self.lex.honorific(self.tok(a)).is_some()
            || self.lex.title(self.tok(a)).is_some();
        if personal || !plain(j - 1) || !plain(j + 1) {
            return false;
        }
        // The capitalised words after "and": at most three.
        let mut r = j + 1;
        while r + 1 < end && r < j + 3 && self.is_cap_word(r + 1) && !self.is_stop(r + 1) {
            r += 1;
        }
        if r + 1 < end && self.is_cap_word(r + 1) {
            return false;
        }
        let orgword = |k: usize| self.lex.is_orgword(self.tok(k));
        let joined_before = (a + 1..j).any(|k| matches!(self.tok(k), "of" | "for" | "on"));
        let before_has_org = (a..j).any(orgword);
        (orgword(r) && !before_has_org)
            || (joined_before && (j + 1..=r).all(|k| plain(k) && !orgword(k)))
            || self.acronym_written(a, j, r)
    }

    /// Whether the name run `a..=b` holds one of the lower-case `joiners`
    /// ("Customs and Border Protection"); only tokens that are no
    /// capitalised word are compared.
    pub(super) fn joined_over(&self, a: usize, b: usize, joiners: &[&str]) -> bool {
        (a..=b).any(|x| !self.doc.tokens[x].is(CAP) && joiners.contains(&self.tok(x)))
    }

    /// Whether the article writes, as a word of its own, the initials of
    /// the capitalised words of `a..=b` or of a part of it ending at `b`
    /// and starting before `and` ("CBP" for "Customs and Border
    /// Protection", "HHS" for "Department of Health and Human Services").
    fn acronym_written(&self, a: usize, and: usize, b: usize) -> bool {
        let mut initials = [0u8; 8];
        let mut n = 0;
        for k in (a..=b).rev() {
            if !self.is_cap_word(k) {
                continue;
            }
            if n == initials.len() {
                break;
            }
            n += 1;
            initials[initials.len() - n] = self.tok(k).as_bytes()[0];
            let acronym = &initials[initials.len() - n..];
            if k < and
                && n >= 3
                && std::str::from_utf8(acronym).is_ok_and(|x| self.cap_counts.contains_key(x))
            {
                return true;
            }
        }
        false
    }

    /// What the words around a name run say about it: the title and
    /// affiliation of pre-modifiers and appositions.
    fn context_of(&self, a: usize, b: usize, e: usize, start: usize, end: usize) -> Description {
        let mut d = self.premodifier(a);
        d = d.or(self.apposition_after(b, end));
        d = d.or(self.apposition_before(a, start));
        if e == b {
            d = d.or(self.copular(a, b, end));
        }
        if d.affiliation.is_none() && e == b {
            d.affiliation = self
                .of_body(b, end)
                .or_else(|| self.body_led(b, end))
                .or_else(|| self.body_worked_for(b, end));
        }
        d
    }

    /// The first paragraph when it reads as a headline: short, with no
    /// closing full stop. Its names are entities but never antecedents.
    fn headline_paragraph(&self) -> Option<usize> {
        let (i, p) = self
            .doc
            .paragraphs
            .iter()
            .enumerate()
            .find(|(_, p)| !p.skip && !p.tokens.is_empty())?;
        let last = p.tokens.end - 1;
        let closed = self.doc.punct_is(last, '.') || self.doc.tokens[last].is(IN_QUOTE);
        (p.tokens.len() <= 30 && !closed).then_some(i)
    }

    /// The sentences that are photo credits or captions: they hold a
    /// credit word ("Photo:", "Getty Images", "Credit") followed by a
    /// colon, a slash or another credit word, or closing the sentence.
    fn credit_sentences(&self) -> Vec<bool> {
        let doc = self.doc;
        let mut out = vec![false; doc.sentences.len()];
        for (k, t) in doc.tokens.iter().enumerate() {
            let s = t.sentence as usize;
            if out[s] || !t.is(CAP) || !self.doc.glue(k, Glue::Credits) {
                continue;
            }
            let next = k + 1;
            out[s] = next >= doc.sentences[s].tokens.end
                || matches!(self.tok(next), ":" | "/" | ")" | "|")
                || self.doc.glue(next, Glue::Credits);
        }
        out
    }

    /// Records an occurrence of entity `e` at token `first`.
    pub(super) fn push_occurrence(&mut self, first: usize, last: usize, e: usize, salient: bool) {
        let subject = salient && self.subject_position(first, last);
        self.entities[e].named_in_body |= salient;
        self.occurrences.push(Occurrence {
            first,
            entity: e,
            subject,
            salient,
        });
    }

    /// Whether a name run `first..=last` stands where a subject does: at
    /// the start of its sentence, or after an introductory phrase closed by
    /// a comma ("In an interview on Sunday, Roe …"); never inside a quote.
    fn subject_position(&self, first: usize, last: usize) -> bool {
        let sentence = &self.doc.sentences[self.doc.tokens[first].sentence as usize];
        let start = sentence.tokens.start;
        // "Acme Corp said Tallow's opposition …": a name after a verb
        // of saying opens a clause, not the sentence.
        let after_cue =
            (start..first).any(|k| self.doc.tokens[k].is(CUE_WORD) || self.doc.cue_form(k));
        // The name run's last word: the capitalised words from `first`
        // ("Mr." ends at its dot), or all of a name joined over "and"
        // ("Grain and Border Inspection" is no list).
        let n = self.doc.tokens.len();
        let mut k = first;
        if self.joined_over(first, last, &["and"]) {
            k = last;
        }
        while k + 1 < n && self.is_cap_word(k + 1) {
            k += 1;
        }
        // "as George McGovern's nominee", "Bridge's injury means …": an
        // owner, not a subject; "Roe's campaign said" speaks for Roe.
        let owner = k + 1 < n
            && self.doc.tokens[k + 1].is(POSSESSIVE)
            && !(k + 2 < n && self.doc.glue(k + 2, Glue::Entourage));
        // "His words came as Cardinal Roe … backed": the subject of a
        // subordinate clause.
        let clause_subject = first > start
            && self.doc.tokens[first - 1].is(WORD)
            && !self.doc.tokens[first - 1].is(CAP)
            && self.doc.glue(first - 1, Glue::Subordinators)
            // The main clause's named subject keeps the focus: "Bush said
            // it while Trump …".
            && !self
                .occurrences
                .iter()
                .rev()
                .take_while(|o| o.first >= start)
                .any(|o| o.subject);
        // "Youngsters Ben Hudell, Joe Keenan and Sam Tillen would …": one of
        // a list is no singular subject.
        let listed = {
            // ", Ed Lund and …", ", Ed Lund, …": another name of the list
            // (not an apposition: ", Tallow's chief,").
            let next_name = || {
                let mut j = k + 2;
                while j < n && self.is_cap_word(j) {
                    j += 1;
                }
                j > k + 2 && j < n && (self.tok_is(j, "and") || self.tok(j) == ",")
            };
            let next_and = k + 2 < n
                && (self.tok_is(k + 1, "and")
                    || self.tok_is(k + 1, "or")
                    || (self.tok(k + 1) == "," && next_name()));
            let after_name = first >= 2
                && self.tok(first - 1) == ","
                && self.is_cap_word(first - 2)
                && !self.doc.glue(first - 2, Glue::Calendar);
            next_and || after_name
        };
        let opens = clause_subject
            || (first <= start + 3 && !after_cue)
            || (first - start <= 12
                && self.tok(first - 1) == ","
                && (start..first - 1)
                    .all(|k| !self.doc.tokens[k].is(IN_QUOTE) && self.tok(k) != ","));
        let opens = opens && !listed;
        // "In a Tumblr post …": a name after "a" or "his" modifies a noun.
        let determined = first > start
            && self.doc.glue(first - 1, Glue::Determiners)
            && !self.tok_is(first - 1, "the");
        opens && !determined && !owner && !self.doc.tokens[first].is(IN_QUOTE)
    }

    /// Whether token `i` opens its sentence (after any quote mark or
    /// bracket) and is an ordinary word: written in lower case elsewhere in
    /// the article, or a gerund ("Hosting Cook, Benioff said …").
    fn ordinary_opener(&self, i: usize) -> bool {
        let sentence = &self.doc.sentences[self.doc.tokens[i].sentence as usize];
        let opens = i - sentence.tokens.start <= 8
            && (sentence.tokens.start..i).all(|k| !self.doc.tokens[k].is(WORD));
        let w = self.tok(i);
        let gerund = w.len() > 5
            && w.ends_with("ing")
            && !self.doc.glue(i, Glue::MaleNames)
            && !self.doc.glue(i, Glue::FemaleNames);
        opens
            && !self.doc.tokens[i].is(ALLCAPS)
            && self.lex.title(w).is_none()
            && (gerund || self.lower_words.contains(&lower_hash(w)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::event::SpeakerKind;

    #[test]
    fn hyphenated_adjectives_and_initials() {
        let r = speakers(
            "Corvid Systems, the Varnholm-based maker of payroll software, said data was stolen. The company said the attackers used a password.",
        );
        assert_eq!(r[1].0.as_deref(), Some("Corvid Systems"), "{r:?}");
        let r = speakers("General J. R. Doe said troops would stay.\n\n“We will not wait,” Gen. Doe told reporters.");
        assert_eq!(r[1].0.as_deref(), Some("J. R. Doe"), "{r:?}");
    }

    #[test]
    fn sentence_openers_written_in_lower_case_elsewhere_are_not_names() {
        let text = "Impeaching Roe would be a mistake. Ann Vold said impeaching him was unwise.\n\nShe said the vote was close.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Ann Vold"), "{r:?}");
    }

    #[test]
    fn names_in_photo_credits_are_no_antecedents() {
        let text = "Ana Vold said the mill would close.\n\nPhoto: Jon Roe/Getty Images\n\nShe said the workers would be paid.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Ana Vold"), "{r:?}");
    }

    #[test]
    fn organisation_names_join_over_and_when_the_article_shows_they_are_one() {
        // The acronym written elsewhere ties the two halves together; a
        // spokesperson after the body speaks for all of it.
        let text = "Grain and Border Inspection, part of the Interior Ministry, refused the offer. A spokesperson said that the agency would never inspect farms.\n\nGBI rules are strict, Jon Roe said.";
        let r = speakers(text);
        assert_eq!(
            r[0].0.as_deref(),
            Some("Grain and Border Inspection"),
            "{r:?}"
        );
        assert_eq!(r[0].1, SpeakerKind::Organization);
        assert_eq!(r[0].3.as_deref(), Some("spokesperson"));
        // A run that already joined over "for", closed by plain words.
        let r = speakers("The Estonian Center for Soil Control and Prevention said the risk was low.\n\nLater the Estonian CSC said the harvest was safe.");
        let full = Some("Estonian Center for Soil Control and Prevention");
        assert_eq!(r[0].0.as_deref(), full, "{r:?}");
        assert_eq!(
            r[1].0.as_deref(),
            full,
            "an acronym older than the name's tail: {r:?}"
        );
        // The part after "and" ends in an organisation word.
        let r = speakers("Tallow and Exchange Commission said the rules would change.");
        assert_eq!(
            r[0].0.as_deref(),
            Some("Tallow and Exchange Commission"),
            "{r:?}"
        );
    }

    #[test]
    fn names_on_both_sides_of_and_stay_two() {
        // Places, personal names and titles make "and" a list.
        let r = speakers("Ruritania and Tallow said the border would stay open.");
        assert_ne!(r[0].0.as_deref(), Some("Ruritania and Tallow"), "{r:?}");
        let r = speakers("Jon Roe and Ana Vold said the deal was done.");
        assert!(
            r.iter()
                .all(|x| x.0.as_deref() != Some("Jon Roe and Ana Vold")),
            "{r:?}"
        );
        // No acronym, no organisation word, no joined body before it.
        let r = speakers("Grain and Border Inspection said that the farms were safe.");
        assert_ne!(
            r[0].0.as_deref(),
            Some("Grain and Border Inspection"),
            "{r:?}"
        );
    }
}
