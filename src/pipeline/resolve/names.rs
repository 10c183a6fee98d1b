//! Name runs: every capitalised run of the article, split into honorific,
//! title, affiliation and name, and recorded in the entity table together
//! with what its context says about it.

use super::descriptions::Description;
use super::{Occurrence, Parsed, Resolver};
use crate::lexicon::{Glue, Phrase};
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
                // Affiliation from a possessive right before: "Estonia’s",
                // "the Tallow Herald’s".
                let poss = (a >= 2
                    && self.doc.tokens[a - 1].is(POSSESSIVE)
                    && self.is_cap_word(a - 2))
                .then(|| {
                    let mut s = a - 2;
                    while s > para.tokens.start && self.is_cap_word(s - 1) && !self.is_stop(s - 1) {
                        s -= 1;
                    }
                    (s, a - 2)
                });
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
    fn joins(&self, a: usize, j: usize) -> bool {
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
    fn and_joins(&self, a: usize, j: usize, end: usize) -> bool {
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
    fn hyphenated_adjectives_and_initials() {
        let r = speakers(
            "Corvid Systems, the Varnholm-based maker of payroll software, said data was stolen. The company said the attackers used a password.",
        );
        assert_eq!(r[1].0.as_deref(), Some("Corvid Systems"), "{r:?}");
        let r = speakers("General J. R. Doe said troops would stay.\n\n“We will not wait,” Gen. Doe told reporters.");
        assert_eq!(r[1].0.as_deref(), Some("J. R. Doe"), "{r:?}");
    }

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
    fn sentence_openers_written_in_lower_case_elsewhere_are_not_names() {
        let text = "Impeaching Roe would be a mistake. Ann Vold said impeaching him was unwise.\n\nShe said the vote was close.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Ann Vold"), "{r:?}");
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
