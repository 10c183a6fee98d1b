//! Stage 5: resolve speaker mentions to the people and organisations of
//! the article, with their titles and affiliations.
//!
//! # The entity table
//!
//! Before any mention is resolved, the article's names are read once into a
//! table (`names`, `parse`, `entities`, `descriptions`): every capitalised
//! name run, split into honorific, title, affiliation and name; its variants (surname,
//! given name, initials, an acronym given in brackets); what the words around
//! each occurrence say it is ("Charlton goalkeeper Dean Kiely", "Bob Murray,
//! chairman of Sunderland FC,", "Mei-Lin Roe of the New York Times", "a
//! member of the group" → the group named before); a
//! gender from honorifics, given names and agreeing pronouns; and a kind
//! (person, organisation) from the evidence of all its occurrences. Names in
//! photo credits and captions are left out, and names in the headline are
//! never antecedents.
//!
//! # Resolution
//!
//! Mentions then resolve in text order (`mentions`, `bodies`, `pronouns`):
//!
//! * a full name is itself (`name`); an acronym or initials ("IMF", "JK")
//!   are the entity they abbreviate;
//! * a surname or given name, with or without an honorific ("Vold", "Mr.
//!   Roe", "Sharon"), is the fullest name it is part of, the most recent one
//!   first (`surname`);
//! * he/she take the later of the previous statement's speaker and the last
//!   person named as a sentence subject, agreeing in gender, never a place,
//!   credit or headline name; they/it take the last organisation or group
//!   that spoke or was named as a subject close before (`pronoun`);
//! * a role description ("Ruritanian FM", "the DJ", "the company") is the
//!   entity holding that role; an unnamed spokesperson is their
//!   organisation, with the role as title; a document ("the report") is its
//!   author (`title`);
//! * a floating quote continues the quote chain before it, or belongs to the
//!   person the previous paragraph introduced (`previous_statement`).
//!
//! Every event of an entity carries the entity's fullest title and
//! affiliation; `null` where the article says none.

mod bodies;
mod descriptions;
mod entities;
mod mentions;
mod names;
mod parse;
mod pronouns;

use entities::Entity;
use names::openers_in_lower_case;

use super::attribute::{Inherit, Statement};
use super::segment::{Document, CAP, CUE_WORD, POSSESSIVE, STOPWORD, WORD};
use crate::event::{ResolvedBy, SpeakerKind, StatementKind};
use crate::lexicon::Lexicon;
use crate::text::Span;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

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

/// One occurrence of an entity's name.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    /// Its first token.
    first: usize,
    /// The entity.
    entity: usize,
    /// It opens its sentence (subject position).
    subject: bool,
    /// It may be an antecedent: not in the headline, not inside a quote.
    salient: bool,
}

/// The state of one article's resolution.
struct Resolver<'a, 't> {
    doc: &'a Document<'t>,
    lex: &'a Lexicon,
    entities: Vec<Entity<'t>>,
    by_name: HashMap<&'t str, usize>,
    by_surname: HashMap<&'t str, Vec<usize>>,
    by_given: HashMap<&'t str, Vec<usize>>,
    /// Every name occurrence, in text order.
    occurrences: Vec<Occurrence>,
    /// How often each capitalised word stands alone as a name run.
    singles: HashMap<&'t str, u32>,
    /// Every word written in lower case somewhere in the article: a
    /// capitalised sentence opener found among them ("Impeaching",
    /// "Whatever") is an ordinary word, not the start of a name.
    lower_words: rustc_hash::FxHashSet<u64>,
    /// Byte offset of each statement resolved so far (its content start).
    positions: Vec<usize>,
    /// Byte offset where the statement being resolved starts: its content,
    /// or its mention when that comes first.
    current: usize,
    /// How often each capitalised word is written in the article.
    cap_counts: HashMap<&'t str, u32>,
    /// The one person holding a title, by the title's head word (lower
    /// case); `None` when several do.
    title_holders: HashMap<String, Option<usize>>,
}

/// A person pronoun is resolved only to someone named (or quoted) within
/// this many bytes before it; past that, the guess is wrong more often than
/// right on news text, and the pronoun stays unresolved.
const MAX_PRONOUN_GAP: usize = 500;

/// "They" and "it" are resolved only to a group or organisation that spoke
/// within this many bytes before.
const GROUP_PRONOUN_GAP: usize = 200;

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
        by_given: HashMap::default(),
        occurrences: Vec::new(),
        singles: HashMap::default(),
        lower_words: openers_in_lower_case(doc),
        positions: Vec::with_capacity(statements.len()),
        current: 0,
        cap_counts: HashMap::default(),
        title_holders: HashMap::default(),
    };
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.is(CAP) {
            *r.cap_counts.entry(doc.tok(i)).or_default() += 1;
        }
    }
    r.scan_names();
    r.settle_kinds();
    r.spell_out_acronyms();
    let mut out: Vec<ResolvedSpeaker<'t>> = Vec::with_capacity(statements.len());
    for (i, st) in statements.iter().enumerate() {
        r.current = st.content.start;
        let sp = match (st.mention, st.inherit) {
            (_, Inherit::PreviousStatement) => r.floating(st, &statements[..i], &out),
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
    share_learned_titles(&mut out);
    out
}

/// "…,” said the actor": a title that only a description gave ("actor")
/// belongs to every statement of that entity, not only to the one whose
/// mention was the description.
fn share_learned_titles(out: &mut [ResolvedSpeaker<'_>]) {
    // One pass to learn the first such title per entity, one to share it:
    // linear, however many statements an article has.
    let mut learned: HashMap<usize, usize> = HashMap::default();
    for (i, sp) in out.iter().enumerate() {
        if let (Some(e), Some(_), ResolvedBy::Title) = (sp.entity, &sp.title, sp.resolved_by) {
            learned.entry(e).or_insert(i);
        }
    }
    if learned.is_empty() {
        return;
    }
    for i in 0..out.len() {
        let Some(&from) = out[i].entity.and_then(|e| learned.get(&e)) else {
            continue;
        };
        if out[i].title.is_none() {
            out[i].title = out[from].title.clone();
        }
    }
}

impl<'t> Resolver<'_, 't> {
    /// The name occurrences before token `at`, latest first (at most
    /// `MAX_LOOKBACK`).
    fn occurrences_before(&self, at: usize) -> impl Iterator<Item = &Occurrence> + '_ {
        let upto = self.occurrences.partition_point(|o| o.first < at);
        self.occurrences[upto.saturating_sub(MAX_LOOKBACK)..upto]
            .iter()
            .rev()
    }

    /// The speaker of a floating quote (`statement`, with no attribution
    /// of its own): the person the previous paragraph introduces when it
    /// reports nothing itself ("…, Tom Dalby, a chest doctor."), else
    /// the speaker of the quote chain it continues, else the latest person
    /// who spoke, else whoever spoke last.
    fn floating(
        &self,
        statement: &Statement,
        before: &[Statement],
        out: &[ResolvedSpeaker<'t>],
    ) -> ResolvedSpeaker<'t> {
        let inherit = |prev: &ResolvedSpeaker<'t>| ResolvedSpeaker {
            mention: None,
            resolved_by: ResolvedBy::PreviousStatement,
            ..prev.clone()
        };
        if let Some(e) = self.introduced_before(statement, before) {
            let ent = &self.entities[e];
            return ResolvedSpeaker {
                name: Some(Cow::Borrowed(ent.name)),
                kind: ent.kind,
                mention: None,
                resolved_by: ResolvedBy::PreviousStatement,
                title: ent.title.clone(),
                affiliation: ent.affiliation.clone(),
                entity: Some(e),
            };
        }
        let chain = before
            .iter()
            .zip(out)
            .rev()
            .take(3)
            .find(|(s, sp)| {
                sp.name.is_some() && matches!(s.kind, StatementKind::Direct | StatementKind::Mixed)
            })
            .map(|(_, sp)| sp);
        let person = out
            .iter()
            .rev()
            .take(3)
            .find(|s| s.kind == SpeakerKind::Person && s.name.is_some());
        match chain.or(person).or(out.last()) {
            Some(prev) => inherit(prev),
            None => ResolvedSpeaker::unknown(),
        }
    }

    /// The person the paragraph before `statement` introduces in its last
    /// sentence, when that sentence reports nothing itself: "…, one of
    /// the study's authors, Tom Dalby, a chest doctor." / "“Q.”"
    fn introduced_before(&self, statement: &Statement, before: &[Statement]) -> Option<usize> {
        let s = statement.sentence_first;
        let para = self.doc.sentences[s].paragraph;
        if s == 0 || self.doc.sentences[s].tokens.start != self.doc.paragraphs[para].tokens.start {
            return None;
        }
        let prev = s - 1;
        let prev_para = self.doc.sentences[prev].paragraph;
        if prev_para + 1 != para || self.doc.paragraphs[prev_para].skip {
            return None;
        }
        if before
            .iter()
            .rev()
            .take(4)
            .any(|b| b.sentence_first <= prev && prev <= b.sentence_last)
        {
            return None;
        }
        let range = self.doc.sentences[prev].tokens.clone();
        let upto = self.occurrences.partition_point(|o| o.first < range.end);
        self.occurrences[..upto]
            .iter()
            .rev()
            .take_while(|o| o.first >= range.start)
            .find(|o| o.salient && self.entities[o.entity].kind == SpeakerKind::Person)
            .map(|o| o.entity)
    }

    pub(super) fn tok(&self, i: usize) -> &'t str {
        self.doc.tok(i)
    }

    pub(super) fn is_cap_word(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        if !(t.is(WORD) && t.is(CAP) && !t.is(POSSESSIVE)) {
            return false;
        }
        // A capitalised cue word inside a name: "Ian Read".
        !t.is(CUE_WORD) || self.doc.cue_word_in_name(i)
    }

    /// A capitalised word that is never part of a name (flag set by the
    /// segmenter).
    pub(super) fn is_stop(&self, i: usize) -> bool {
        self.doc.tokens[i].is(STOPWORD)
    }

    pub(super) fn is_initial_dot(&self, i: usize) -> bool {
        i > 0 && self.doc.punct_is(i, '.') && self.is_cap_word(i - 1) && {
            let w = self.tok(i - 1);
            w.chars().count() == 1
                || self.lex.is_dotted_title(w)
                || self.lex.is_abbreviation(w)
                || w.contains('.')
        }
    }

    pub(super) fn span_text(&self, a: usize, b: usize) -> &'t str {
        self.doc.span(a, b).slice(self.doc.text)
    }

    pub(super) fn speaker_of(
        &self,
        e: usize,
        mention: Span,
        by: ResolvedBy,
    ) -> ResolvedSpeaker<'t> {
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

    pub(super) fn tok_is(&self, i: usize, s: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(s)
    }
}

#[cfg(test)]
mod testing {
    //! Helpers for the resolver's unit tests.

    use super::*;
    use crate::pipeline::{attribute, clean, cues, quotes, segment};

    pub(super) type Row = (
        Option<String>,
        SpeakerKind,
        ResolvedBy,
        Option<String>,
        Option<String>,
    );

    /// (name, kind, resolved_by, title, affiliation) of every statement.
    pub(super) fn speakers(text: &str) -> Vec<Row> {
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
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use crate::event::ResolvedBy;

    #[test]
    fn a_title_a_description_gave_holds_for_every_statement() {
        let r = speakers(
            "Jon Roe said the show was over.\n\n“It makes you more human,” said the actor.",
        );
        assert_eq!(r[1].0.as_deref(), Some("Jon Roe"), "{r:?}");
        assert_eq!(r[1].3.as_deref(), Some("actor"));
        assert_eq!(r[0].3.as_deref(), Some("actor"), "{r:?}");
    }

    #[test]
    fn floating_quotes_inherit_the_previous_speaker() {
        let r = speakers("“We start on Monday,” Ana Vold said.\n\n“And we will not stop until the work is done.”");
        assert_eq!(r[1].0.as_deref(), Some("Ana Vold"));
        assert_eq!(r[1].2, ResolvedBy::PreviousStatement);
    }
}
