//! Stage 5: resolve speaker mentions to the fullest name in the article.
//!
//! An entity table is built from every capitalised name run of the article:
//! its name without titles, the titles before it ("Prime Minister"), the
//! place or organisation in front of it ("Estonia’s", "NATO"), an
//! apposition after it (", chairman of the Joint Staff,") and a gender from
//! honorifics. Mentions then resolve in text order:
//!
//! * a full name is itself (`name`);
//! * a surname, with or without a title ("Vold", "Mr. Roe"), matches the
//!   last word of a fuller name, the most recent one first (`surname`);
//! * he/she take the later of the previous statement's speaker and the last
//!   person named as a sentence subject, agreeing in gender when it is known;
//!   they/it/we take the last group or organisation speaker (`pronoun`);
//! * a role description ("Ruritanian FM", "the senator") matches a person with
//!   that title and a matching place (`title`);
//! * a floating quote takes the previous statement's speaker
//!   (`previous_statement`).

use super::attribute::{Inherit, Mention, Statement};
use super::segment::{Document, ALLCAPS, CAP, CUE_WORD, IN_QUOTE, POSSESSIVE, STOPWORD, WORD};
use crate::event::{ResolvedBy, SpeakerKind};
use crate::lexicon::{Glue, Lexicon, Phrase, RoleKind};
use crate::text::Span;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// Whether an entity's title matches the title of a role description: the
/// same canonical title, the same head ("the minister" ↔ "Finance
/// Minister"), or an acronym of its initials ("FM" ↔ "Finance Minister").
fn titles_match(entity: &str, canon: &str, acronym: Option<&str>) -> bool {
    if entity.eq_ignore_ascii_case(canon) {
        return true;
    }
    let entity_head = entity.rsplit(' ').next().unwrap_or(entity);
    if !canon.contains(' ') && entity_head.eq_ignore_ascii_case(canon) {
        return true;
    }
    if let Some(acr) = acronym {
        let initials: String = entity
            .split([' ', '-'])
            .filter_map(|w| w.chars().next())
            .collect();
        return initials.eq_ignore_ascii_case(acr);
    }
    false
}

/// How far back (in name occurrences or statements) resolution looks.
const MAX_LOOKBACK: usize = 512;

/// The resolved speaker of one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedSpeaker<'t> {
    /// Fullest name, or the group/organisation phrase; `None` if unknown.
    pub name: Option<Cow<'t, str>>,
    /// What kind of speaker.
    pub kind: SpeakerKind,
    /// The mention next to the statement.
    pub mention: Option<Span>,
    /// How it was resolved.
    pub resolved_by: ResolvedBy,
    /// Title found for the speaker.
    pub title: Option<Cow<'t, str>>,
    /// Affiliation found for the speaker.
    pub affiliation: Option<Cow<'t, str>>,
    /// Entity index, for pronoun agreement.
    entity: Option<usize>,
}

impl ResolvedSpeaker<'_> {
    fn unknown() -> Self {
        ResolvedSpeaker {
            name: None,
            kind: SpeakerKind::Unknown,
            mention: None,
            resolved_by: ResolvedBy::None,
            title: None,
            affiliation: None,
            entity: None,
        }
    }
}

/// A named entity of the article.
#[derive(Debug, Clone)]
struct Entity<'t> {
    name: &'t str,
    title: Option<Cow<'t, str>>,
    title_canonical: Option<String>,
    affiliation: Option<Cow<'t, str>>,
    gender: Option<char>,
    kind: SpeakerKind,
    /// Evidence that this is a person: a title or honorific, or the
    /// surname used alone elsewhere.
    person_evidence: bool,
    surname: &'t str,
}

/// A name run split into its parts.
#[derive(Debug, Default, Clone, Copy)]
struct Parsed {
    /// Name tokens `first..=last`.
    name: Option<(usize, usize)>,
    /// Title tokens `first..=last` (the last title before the name).
    title: Option<(usize, usize)>,
    /// Affiliation tokens (possessive prefix or modifiers before the title).
    affiliation: Option<(usize, usize)>,
    /// Gender from an honorific.
    gender: Option<char>,
}

struct Resolver<'a, 't> {
    doc: &'a Document<'t>,
    lex: &'a Lexicon,
    entities: Vec<Entity<'t>>,
    by_name: HashMap<&'t str, usize>,
    by_surname: HashMap<&'t str, Vec<usize>>,
    /// (first token, entity) of every occurrence, in text order, with a
    /// flag for occurrences that open their sentence (subject position).
    occurrences: Vec<(usize, usize, bool)>,
    /// How often each capitalised word stands alone as a name run.
    singles: HashMap<&'t str, u32>,
    /// Every word written in lower case somewhere in the article: a
    /// capitalised sentence opener found among them ("Impeaching",
    /// "Whatever") is an ordinary word, not the start of a name.
    lower_words: rustc_hash::FxHashSet<u64>,
    /// Byte offset of each statement resolved so far (its content start).
    positions: Vec<usize>,
}

/// A person pronoun is resolved only to someone named (or quoted) within
/// this many bytes before it; past that, the guess is wrong more often than
/// right on news text, and the pronoun stays unresolved.
const MAX_PRONOUN_GAP: usize = 500;

/// "They" and "it" are resolved only to a group or organisation that spoke
/// within this many bytes before.
const GROUP_PRONOUN_GAP: usize = 200;

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
fn openers_in_lower_case(doc: &Document<'_>) -> rustc_hash::FxHashSet<u64> {
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

/// Resolves the speaker of every statement (same order as `statements`).
pub fn resolve<'t>(
    doc: &Document<'t>,
    lex: &Lexicon,
    statements: &[Statement],
) -> Vec<ResolvedSpeaker<'t>> {
    let mut r = Resolver {
        doc,
        lex,
        entities: Vec::new(),
        by_name: HashMap::default(),
        by_surname: HashMap::default(),
        occurrences: Vec::new(),
        singles: HashMap::default(),
        lower_words: openers_in_lower_case(doc),
        positions: Vec::with_capacity(statements.len()),
    };
    r.scan_entities();
    r.learn_genders();
    for e in &mut r.entities {
        if r.singles.get(e.surname).is_some_and(|&n| n > 0) {
            e.person_evidence = true;
        }
    }
    let mut out: Vec<ResolvedSpeaker<'t>> = Vec::with_capacity(statements.len());
    for (i, st) in statements.iter().enumerate() {
        let sp = match (st.mention, st.inherit) {
            // A quote is a person's words: the latest person who spoke,
            // else whoever spoke last.
            (_, Inherit::PreviousStatement) => match out
                .iter()
                .rev()
                .take(3)
                .find(|s| s.kind == SpeakerKind::Person && s.name.is_some())
                .or(out.last())
            {
                Some(prev) => ResolvedSpeaker {
                    mention: None,
                    resolved_by: ResolvedBy::PreviousStatement,
                    ..prev.clone()
                },
                None => ResolvedSpeaker::unknown(),
            },
            (Some(m), _) => {
                // A statement sharing its mention with an earlier one (two
                // halves of a quote, a participle) shares its resolution.
                match statements[..i]
                    .iter()
                    .zip(&out)
                    .rev()
                    .take(8)
                    .find(|(s, _)| s.mention == Some(m))
                {
                    Some((_, prev)) => prev.clone(),
                    None => r.resolve_mention(m, &out),
                }
            }
            (None, _) => ResolvedSpeaker::unknown(),
        };
        // Pronoun agreement learns genders: "she" → Vold is a woman.
        if sp.resolved_by == ResolvedBy::Pronoun {
            if let (Some(e), Some(m)) = (sp.entity, st.mention) {
                if let Some(p) = lex.pronoun(doc.tok(m.first)) {
                    if r.entities[e].gender.is_none() {
                        r.entities[e].gender = p.gender;
                    }
                }
            }
        }
        out.push(sp);
        r.positions.push(st.content.start);
    }
    out
}

impl<'t> Resolver<'_, 't> {
    fn tok(&self, i: usize) -> &'t str {
        self.doc.tok(i)
    }

    fn is_cap_word(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        if !(t.is(WORD) && t.is(CAP) && !t.is(POSSESSIVE)) {
            return false;
        }
        // A capitalised cue word inside a name: "Ian Read".
        !t.is(CUE_WORD) || self.doc.cue_word_in_name(i)
    }

    /// A capitalised word that is never part of a name (flag set by the
    /// segmenter).
    fn is_stop(&self, i: usize) -> bool {
        self.doc.tokens[i].is(STOPWORD)
    }

    fn is_initial_dot(&self, i: usize) -> bool {
        i > 0 && self.doc.punct_is(i, '.') && self.is_cap_word(i - 1) && {
            let w = self.tok(i - 1);
            w.chars().count() == 1 || self.lex.is_dotted_title(w) || self.lex.is_abbreviation(w)
        }
    }

    /// Finds every name run and records it as an entity.
    fn scan_entities(&mut self) {
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
    fn learn_genders(&mut self) {
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
    fn parse(&self, a: usize, b: usize, poss: Option<(usize, usize)>) -> Parsed {
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
    fn title_at(&self, pos: usize, b: usize) -> Option<(usize, &'_ str)> {
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

    fn kind_of_name(&self, s: usize, e: usize) -> SpeakerKind {
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

    fn span_text(&self, a: usize, b: usize) -> &'t str {
        self.doc.span(a, b).slice(self.doc.text)
    }

    fn title_text(&self, t: (usize, usize)) -> (Cow<'t, str>, String) {
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

    fn affiliation_text(&self, a: (usize, usize)) -> Cow<'t, str> {
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

    /// Entity of the surname `word`: the most recent fuller name before
    /// token `at`, else the first one after it.
    fn by_surname_near(&self, word: &str, at: usize, gender: Option<char>) -> Option<usize> {
        let cands = self.by_surname.get(word)?;
        let ok = |e: usize| {
            gender.is_none()
                || self.entities[e].gender.is_none()
                || self.entities[e].gender == gender
        };
        let upto = self.occurrences.partition_point(|(pos, _, _)| *pos < at);
        let before = self.occurrences[upto.saturating_sub(MAX_LOOKBACK)..upto]
            .iter()
            .rev()
            .filter(|(_, e, _)| cands.contains(e) && ok(*e))
            .map(|(_, e, _)| *e)
            .next();
        before.or_else(|| cands.iter().copied().find(|&e| ok(e)))
    }

    fn speaker_of(&self, e: usize, mention: Span, by: ResolvedBy) -> ResolvedSpeaker<'t> {
        let ent = &self.entities[e];
        ResolvedSpeaker {
            name: Some(Cow::Borrowed(ent.name)),
            kind: ent.kind,
            mention: Some(mention),
            resolved_by: by,
            title: ent.title.clone(),
            affiliation: ent.affiliation.clone(),
            entity: Some(e),
        }
    }

    fn resolve_mention(&self, m: Mention, previous: &[ResolvedSpeaker<'t>]) -> ResolvedSpeaker<'t> {
        let doc = self.doc;
        // A loose phrase may run into the verb group: "Roe never", "the
        // poll has".
        let mut m = m;
        while m.last > m.first
            && doc.tokens[m.last].is(WORD)
            && !doc.tokens[m.last].is(CAP)
            && (self.lex.is(Glue::BetweenSubjectAndVerb, self.tok(m.last))
                || self.lex.is(Glue::Passive, self.tok(m.last)))
        {
            m.last -= 1;
        }
        let mention_span = doc.span(m.first, m.last);
        // Pronouns.
        if m.first == m.last {
            if let Some(p) = self.lex.pronoun(self.tok(m.first)) {
                return self.resolve_pronoun(m, *p, previous);
            }
        }
        // Split off a possessive prefix: "Ruritania’s Finance Minister Ana Vold".
        let mut a = m.first;
        let mut poss = None;
        if let Some(pp) = (m.first..=m.last)
            .rev()
            .find(|&i| doc.tokens[i].is(POSSESSIVE))
        {
            if pp > m.first && pp < m.last {
                poss = Some((m.first, pp - 1));
                a = pp + 1;
            }
        }
        let mut parsed = self.parse(a, m.last, poss);
        // "Ukrainian and Western officials": a lower-case role noun heads a
        // description, whatever capitals modify it.
        // "An Egyptian textbook", "Ukrainian and Western officials": a
        // lower-case head makes a description, whatever capitals modify it.
        let lower_head = doc.tokens[m.last].is(WORD)
            && !doc.tokens[m.last].is(CAP)
            && !doc.tokens[m.last].is(POSSESSIVE);
        if lower_head {
            parsed.name = None;
            if let Some(sp) = self.owner_of_description(m, previous) {
                return sp;
            }
        }
        let (app_title, app_aff) = m
            .apposition
            .map(|(x, y)| self.apposition(x, y))
            .unwrap_or((None, None));
        let fill = |mut sp: ResolvedSpeaker<'t>| {
            if sp.title.is_none() {
                sp.title = app_title.map(|t| Cow::Borrowed(self.span_text(t.0, t.1)));
            }
            if sp.affiliation.is_none() {
                sp.affiliation = app_aff.map(|t| Cow::Borrowed(self.span_text(t.0, t.1)));
            }
            sp
        };
        // An acronym of a name in the article: "NDA" for "Northern Defence
        // Alliance".
        if m.first == m.last
            || (m.first + 1 == m.last && self.lex.is(Glue::Determiners, self.tok(m.first)))
        {
            let w = self.tok(m.last);
            if doc.tokens[m.last].is(ALLCAPS) && w.len() >= 2 {
                if let Some(e) = self.entity_of_acronym(w) {
                    return self.speaker_of(e, mention_span, ResolvedBy::Name);
                }
            }
        }
        if let Some((s, e)) = parsed.name {
            let name_words = (s..=e).filter(|&i| self.is_cap_word(i)).count();
            let name = self.span_text(s, e);
            let name_span = doc.span(s, e);
            let shown_mention =
                if parsed.title.is_some() || poss.is_some() || parsed.affiliation.is_some() {
                    // The mention is the name ("Denys Shmyhal"), keeping short
                    // titles such as "Gen." that are part of how it is written.
                    name_span
                } else {
                    mention_span
                };
            let kind = self.kind_of_name(s, e);
            if name_words >= 2 {
                if let Some(&ent) = self.by_name.get(name) {
                    return fill(self.speaker_of(ent, shown_mention, ResolvedBy::Name));
                }
            } else if kind != SpeakerKind::Organization {
                if let Some(ent) = self.by_surname_near(self.tok(e), m.first, parsed.gender) {
                    return fill(self.speaker_of(ent, shown_mention, ResolvedBy::Surname));
                }
            }
            let (title, _) = match parsed.title {
                Some(t) => {
                    let (s, c) = self.title_text(t);
                    (Some(s), Some(c))
                }
                None => (None, None),
            };
            let kind = if kind == SpeakerKind::Unknown
                && (parsed.title.is_some() || parsed.gender.is_some())
            {
                SpeakerKind::Person
            } else {
                kind
            };
            // A lone capitalised word that is no acronym or organisation
            // is most often a surname introduced without a first name.
            let kind = if kind == SpeakerKind::Unknown && !doc.tokens[s].is(ALLCAPS) {
                SpeakerKind::Person
            } else {
                kind
            };
            return fill(ResolvedSpeaker {
                name: Some(Cow::Borrowed(name)),
                kind,
                mention: Some(shown_mention),
                resolved_by: ResolvedBy::Name,
                title,
                affiliation: parsed.affiliation.map(|a| self.affiliation_text(a)),
                entity: self.by_name.get(name).copied(),
            });
        }
        // A role description: "Ruritanian FM", "the senator", "officials".
        let words: Vec<usize> = (m.first..=m.last)
            .filter(|&i| doc.tokens[i].is(WORD) && !doc.tokens[i].is(POSSESSIVE))
            .collect();
        let head = words.last().copied();
        let title_canon: Option<String> = parsed
            .title
            .and_then(|t| self.title_at(t.0, t.1).map(|(_, c)| c.to_string()))
            .or_else(|| {
                head.and_then(|h| self.lex.role(self.tok(h)).and_then(|r| r.title.clone()))
            });
        let role_kind = head.and_then(|h| self.lex.role(self.tok(h)).map(|r| r.kind));
        // The title as written when it is an acronym ("FM"), to match the
        // initials of a spelled-out title.
        let written_title = parsed
            .title
            .map(|t| self.span_text(t.0, t.1))
            .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()));
        if let Some(canon) = title_canon {
            let modifier = words.iter().copied().find(|&i| {
                doc.tokens[i].is(CAP) && self.lex.title(self.tok(i)).is_none() && !self.is_stop(i)
            });
            let upto = self
                .occurrences
                .partition_point(|(pos, _, _)| *pos < m.first);
            let found = self.occurrences[upto.saturating_sub(MAX_LOOKBACK)..upto]
                .iter()
                .rev()
                .map(|(_, e, _)| *e)
                .find(|&e| {
                    let ent = &self.entities[e];
                    ent.kind == SpeakerKind::Person
                        && ent
                            .title_canonical
                            .as_deref()
                            .is_some_and(|c| titles_match(c, &canon, written_title))
                        && modifier.is_none_or(|md| {
                            ent.affiliation
                                .as_deref()
                                .is_some_and(|af| self.lex.demonym_matches(self.tok(md), af))
                        })
                });
            if let Some(e) = found {
                return self.speaker_of(e, mention_span, ResolvedBy::Title);
            }
        }
        // "the ministry" → the "Ministry of Labour" named before.
        if let (Some(RoleKind::Organization), Some(h)) = (role_kind, head) {
            let noun = self.tok(h);
            let upto = self
                .occurrences
                .partition_point(|(pos, _, _)| *pos < m.first);
            let found = self.occurrences[upto.saturating_sub(MAX_LOOKBACK)..upto]
                .iter()
                .rev()
                .map(|(_, e, _)| *e)
                .find(|&e| {
                    let ent = &self.entities[e];
                    ent.kind == SpeakerKind::Organization
                        && ent.name.split(' ').any(|w| w.eq_ignore_ascii_case(noun))
                });
            if let Some(e) = found {
                return self.speaker_of(e, mention_span, ResolvedBy::Title);
            }
        }
        let kind = match role_kind {
            Some(RoleKind::Group) => SpeakerKind::Group,
            Some(RoleKind::Organization) => SpeakerKind::Organization,
            Some(RoleKind::Person) => SpeakerKind::Person,
            None => SpeakerKind::Unknown,
        };
        fill(ResolvedSpeaker {
            name: Some(Cow::Borrowed(mention_span.slice(doc.text))),
            kind,
            mention: Some(mention_span),
            resolved_by: ResolvedBy::Name,
            title: None,
            affiliation: parsed.affiliation.map(|a| self.affiliation_text(a)),
            entity: None,
        })
    }

    /// "the Clinton campaign", "a Twitter spokesman", "Mr. Rubio's
    /// advisers", "her aides": a description of people who speak for a
    /// named person or organisation resolves to that owner; the head noun
    /// becomes the title.
    fn owner_of_description(
        &self,
        m: Mention,
        previous: &[ResolvedSpeaker<'t>],
    ) -> Option<ResolvedSpeaker<'t>> {
        let doc = self.doc;
        let head = m.last;
        let role = self.lex.role(self.tok(head))?;
        // "the Vermont senator" is a title description, resolved by title.
        if role.title.is_some() {
            return None;
        }
        if role.kind == RoleKind::Group
            && !matches!(
                self.tok(head),
                "aides" | "advisers" | "advisors" | "officials" | "lawyers" | "attorneys"
            )
        {
            return None;
        }
        let mention = doc.span(m.first, m.last);
        let title = Some(Cow::Borrowed(self.tok(head)));
        // "her aides", "his campaign": the owner is a pronoun.
        let first = self.tok(m.first);
        let owner_pronoun = match first.to_ascii_lowercase().as_str() {
            "his" => Some("he"),
            "her" => Some("she"),
            "their" => Some("they"),
            _ => None,
        };
        if let Some(p) = owner_pronoun.and_then(|p| self.lex.pronoun(p)) {
            let sp = self.resolve_pronoun(
                Mention {
                    first: m.first,
                    last: m.first,
                    apposition: None,
                    loose: false,
                },
                *p,
                previous,
            );
            if sp.name.is_some() {
                return Some(ResolvedSpeaker {
                    mention: Some(mention),
                    title,
                    ..sp
                });
            }
            return None;
        }
        // A capitalised owner: a known name, an acronym, an organisation
        // word, or a possessive ("Mr. Rubio's"); not an adjective
        // ("Western", "Democratic").
        let mut k = m.first;
        while k < head {
            let w = self.tok(k);
            if !self.is_cap_word(k)
                || self.is_stop(k) && self.lex.title(w).is_none()
                || self.lex.is(Glue::Quantifiers, w)
                || self.lex.is(Glue::Determiners, w)
            {
                k += 1;
                continue;
            }
            let a = k;
            let mut b = k;
            while b + 1 < head && (self.is_cap_word(b + 1) || self.is_initial_dot(b + 1)) {
                b += 1;
            }
            k = b + 1;
            let parsed = self.parse(a, b, None);
            let Some((s, e)) = parsed.name else { continue };
            let name = self.span_text(s, e);
            let possessive = doc.tokens.get(b + 1).is_some_and(|t| t.is(POSSESSIVE));
            let entity = self.by_name.get(name).copied().or_else(|| {
                (s == e)
                    .then(|| self.by_surname_near(self.tok(e), m.first, None))
                    .flatten()
            });
            if let Some(ent) = entity {
                return Some(ResolvedSpeaker {
                    title,
                    ..self.speaker_of(ent, mention, ResolvedBy::Surname)
                });
            }
            let adjective = s == e
                && ["an", "ern", "ish", "ese", "ic", "ian"]
                    .iter()
                    .any(|suf| name.ends_with(suf))
                && !doc.tokens[s].is(ALLCAPS);
            if possessive
                || (!adjective
                    && (doc.tokens[s].is(ALLCAPS)
                        || (s..=e).any(|i| self.lex.is_orgword(self.tok(i)))
                        || e > s))
                || (!adjective && s == e)
            {
                return Some(ResolvedSpeaker {
                    name: Some(Cow::Borrowed(name)),
                    kind: if possessive && e > s {
                        SpeakerKind::Person
                    } else {
                        SpeakerKind::Organization
                    },
                    mention: Some(mention),
                    resolved_by: ResolvedBy::Name,
                    title,
                    affiliation: None,
                    entity: None,
                });
            }
        }
        None
    }

    /// The organisation whose name has `acronym` as initials.
    fn entity_of_acronym(&self, acronym: &str) -> Option<usize> {
        self.entities.iter().position(|e| {
            e.kind == SpeakerKind::Organization || e.name.split(' ').count() >= 2
        } && {
            let initials: String = e
                .name
                .split([' ', '-'])
                .filter(|w| w.starts_with(char::is_uppercase))
                .filter_map(|w| w.chars().next())
                .collect();
            initials.len() >= 2 && initials == acronym
        })
    }

    /// Title and affiliation of an apposition: "chairman of the US Joint
    /// Chiefs of Staff", "the union’s president", "a spokeswoman for X".
    #[allow(clippy::type_complexity)]
    fn apposition(&self, a: usize, e: usize) -> (Option<(usize, usize)>, Option<(usize, usize)>) {
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

    fn tok_is(&self, i: usize, s: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(s)
    }

    fn resolve_pronoun(
        &self,
        m: Mention,
        p: crate::lexicon::Pronoun,
        previous: &[ResolvedSpeaker<'t>],
    ) -> ResolvedSpeaker<'t> {
        let mention = self.doc.span(m.first, m.last);
        let agrees = |e: usize| {
            let g = self.entities[e].gender;
            p.gender.is_none() || g.is_none() || g == p.gender
        };
        if p.person {
            // The previous statement's speaker, if a person who agrees.
            let prev_at = previous
                .iter()
                .enumerate()
                .rev()
                .take(MAX_LOOKBACK)
                .find(|(_, s)| s.kind == SpeakerKind::Person && s.name.is_some())
                .filter(|(_, s)| s.entity.is_none_or(agrees));
            let prev = prev_at.map(|(_, s)| s);
            // The last person named as a sentence subject.
            let upto = self
                .occurrences
                .partition_point(|(pos, _, _)| *pos < m.first);
            let subject = self.occurrences[upto.saturating_sub(MAX_LOOKBACK)..upto]
                .iter()
                .rev()
                .filter(|(_, e, subj)| {
                    *subj
                        && self.entities[*e].kind == SpeakerKind::Person
                        && self.entities[*e].person_evidence
                        && agrees(*e)
                })
                .map(|(pos, e, _)| (*pos, *e))
                .next();
            // Where the previous speaker was last seen: the mention, or for
            // a statement without one (a floating quote) the statement.
            let prev_pos = prev_at.map(|(i, s)| {
                s.mention
                    .map(|m| m.start)
                    .unwrap_or_else(|| self.positions.get(i).copied().unwrap_or(0))
            });
            let subject_later = match (subject, prev_pos) {
                (Some((pos, _)), Some(pp)) => self.doc.tokens[pos].span.start > pp,
                (Some(_), None) => true,
                _ => false,
            };
            // Where an entity was last named before the pronoun.
            let last_named = |e: usize| {
                self.occurrences[upto.saturating_sub(MAX_LOOKBACK)..upto]
                    .iter()
                    .rev()
                    .find(|o| o.1 == e)
                    .map(|o| self.doc.tokens[o.0].span.start)
            };
            // An antecedent named too far back is a guess more often wrong
            // than right: leave the pronoun unresolved instead.
            let near = |at: Option<usize>| at.is_some_and(|a| mention.start <= a + MAX_PRONOUN_GAP);
            if subject_later {
                if let Some((pos, e)) = subject {
                    let seen = last_named(e).max(Some(self.doc.tokens[pos].span.start));
                    if near(seen) {
                        return self.speaker_of(e, mention, ResolvedBy::Pronoun);
                    }
                }
            } else if let Some(s) = prev {
                let seen = s.entity.and_then(last_named).max(prev_pos);
                if near(seen) {
                    return ResolvedSpeaker {
                        mention: Some(mention),
                        resolved_by: ResolvedBy::Pronoun,
                        ..s.clone()
                    };
                }
            }
            return ResolvedSpeaker {
                name: None,
                kind: SpeakerKind::Person,
                mention: Some(mention),
                resolved_by: ResolvedBy::None,
                title: None,
                affiliation: None,
                entity: None,
            };
        }
        let want = if p.group {
            SpeakerKind::Group
        } else {
            SpeakerKind::Organization
        };
        if let Some((_, s)) = previous
            .iter()
            .enumerate()
            .rev()
            .take(4)
            .find(|(_, s)| s.kind == want || (s.kind == SpeakerKind::Organization && !p.group))
            .filter(|(i, s)| {
                let at = s
                    .mention
                    .map(|m| m.start)
                    .or_else(|| self.positions.get(*i).copied());
                at.is_some_and(|a| mention.start <= a + GROUP_PRONOUN_GAP)
            })
        {
            return ResolvedSpeaker {
                mention: Some(mention),
                resolved_by: ResolvedBy::Pronoun,
                ..s.clone()
            };
        }
        ResolvedSpeaker {
            name: None,
            kind: want,
            mention: Some(mention),
            resolved_by: ResolvedBy::None,
            title: None,
            affiliation: None,
            entity: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{attribute, clean, cues, quotes, segment};

    type Row = (
        Option<String>,
        SpeakerKind,
        ResolvedBy,
        Option<String>,
        Option<String>,
    );

    /// (name, kind, resolved_by, title, affiliation) of every statement.
    fn speakers(text: &str) -> Vec<Row> {
        let lex = Lexicon::english();
        let zones = clean::boilerplate(text, &lex);
        let mut doc = segment::segment(text, &zones, &lex);
        let qs = quotes::find_quotes(&mut doc);
        let cs = cues::find_cues(&doc, &lex);
        let st = attribute::attribute(&doc, &lex, &qs, &cs);
        resolve(&doc, &lex, &st)
            .into_iter()
            .map(|s| {
                (
                    s.name.map(|n| n.into_owned()),
                    s.kind,
                    s.resolved_by,
                    s.title.map(|n| n.into_owned()),
                    s.affiliation.map(|n| n.into_owned()),
                )
            })
            .collect()
    }

    #[test]
    fn names_carry_titles_and_affiliations() {
        let r = speakers("Ruritania’s Finance Minister Ana Vold said the levy would rise.");
        assert_eq!(r[0].0.as_deref(), Some("Ana Vold"));
        assert_eq!(r[0].1, SpeakerKind::Person);
        assert_eq!(r[0].3.as_deref(), Some("Finance Minister"));
        assert_eq!(r[0].4.as_deref(), Some("Ruritania"));
    }

    #[test]
    fn surnames_pronouns_and_roles_resolve_to_the_full_name() {
        let text = "Ruritania’s Prime Minister Ana Vold said the levy would rise.\n\n\
                    Vold said farmers would be paid back.\n\n\
                    She added that the fund was ready.\n\n\
                    Ruritanian PM said the vote was close.";
        let r = speakers(text);
        assert_eq!(r.len(), 4, "{r:?}");
        for (s, by) in r.iter().zip([
            ResolvedBy::Name,
            ResolvedBy::Surname,
            ResolvedBy::Pronoun,
            ResolvedBy::Title,
        ]) {
            assert_eq!(s.0.as_deref(), Some("Ana Vold"), "{s:?}");
            assert_eq!(s.2, by);
        }
    }

    #[test]
    fn pronouns_agree_in_gender_with_honorifics() {
        let text = "Mr. Tom Bell said the mill would close. Mrs. Ann Roe said it would not.\n\nHe said the owners had decided.";
        let r = speakers(text);
        assert_eq!(r[2].0.as_deref(), Some("Tom Bell"), "{r:?}");
    }

    #[test]
    fn pronouns_agree_with_given_names_and_later_pronouns() {
        let text = "Tom Bell said the mill would close. Ann Roe said it would not.\n\nHe said the owners had decided.";
        let r = speakers(text);
        assert_eq!(r[2].0.as_deref(), Some("Tom Bell"), "{r:?}");
        // "Yasmin Oduya … when she …": the pronoun marks her as a woman.
        let text = "Tom Bell said the mill would close.\n\nYasmin Oduya was doubtful when she first heard of it. She said the owners had lied.";
        let r = speakers(text);
        assert_eq!(r[1].0.as_deref(), Some("Yasmin Oduya"), "{r:?}");
    }

    #[test]
    fn a_pronoun_far_from_any_antecedent_stays_unresolved() {
        let filler = "The mill stood by the river for a century and more. ".repeat(12);
        let text = format!(
            "Tom Bell said the mill would close.\n\n{filler}\n\nHe said the owners had decided."
        );
        let r = speakers(&text);
        assert_eq!(r.last().unwrap().0, None, "{r:?}");
        assert_eq!(r.last().unwrap().2, ResolvedBy::None);
    }

    #[test]
    fn sentence_openers_written_in_lower_case_elsewhere_are_not_names() {
        let text = "Impeaching Roe would be a mistake. Ann Vold said impeaching him was unwise.\n\nShe said the vote was close.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Ann Vold"), "{r:?}");
    }

    #[test]
    fn groups_and_organisations_keep_their_phrase() {
        let r = speakers("The strike will go on, according to Western and Ruritanian officials.");
        assert_eq!(r[0].0.as_deref(), Some("Western and Ruritanian officials"));
        assert_eq!(r[0].1, SpeakerKind::Group);
        let r = speakers("NATO said the exercise would start on Monday.");
        assert_eq!(
            (r[0].0.as_deref(), r[0].1),
            (Some("NATO"), SpeakerKind::Organization)
        );
    }

    #[test]
    fn a_spokesman_speaks_for_his_organisation() {
        let text = "Acme Corp announced the merger.\n\nAn Acme Corp spokesman said the deal would close in May.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Acme Corp"), "{r:?}");
    }

    #[test]
    fn unresolved_pronouns_stay_unknown() {
        let r = speakers("He said the roads were closed.");
        assert_eq!((r[0].0.as_deref(), r[0].2), (None, ResolvedBy::None));
    }

    #[test]
    fn floating_quotes_inherit_the_previous_speaker() {
        let r = speakers("“We start on Monday,” Ana Vold said.\n\n“And we will not stop until the work is done.”");
        assert_eq!(r[1].0.as_deref(), Some("Ana Vold"));
        assert_eq!(r[1].2, ResolvedBy::PreviousStatement);
    }
}
