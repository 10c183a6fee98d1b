//! Who speaks for a body: descriptions that stand for an organisation or
//! a person they speak for. "The company" and "the group" refer back to an
//! organisation named before; an unnamed spokesperson speaks for their
//! organisation; "the report" for its author; "the Clinton campaign" and
//! "her aides" for their owner.

use super::mentions::DESCRIPTION_GAP;
use super::{ResolvedSpeaker, Resolver};
use crate::event::{ResolvedBy, SpeakerKind};
use crate::lexicon::{Glue, RoleKind};
use crate::pipeline::attribute::Mention;
use crate::pipeline::segment::{ALLCAPS, POSSESSIVE};
use crate::text::Span;
use std::borrow::Cow;

/// How far after a description (in bytes) the body whose name holds its
/// noun may be named.
const CATAPHORA_GAP: usize = 400;

/// How many definite mentions of a document ("the report") are followed
/// back to the one that names its author.
const MAX_CHAIN: usize = 8;

impl<'t> Resolver<'_, 't> {
    /// Whether `noun` names someone who speaks for an organisation.
    pub(super) fn is_spokes(&self, noun: &str) -> bool {
        self.lex.is(Glue::Spokespeople, noun)
    }

    /// "the company", "the ministry", "the doctors": the organisation
    /// named close before whose name holds the noun ("Ministry of Labour",
    /// "Doctors for Ward Reform"), else for a generic noun ("the company",
    /// "the firm") the latest organisation named or speaking.
    pub(super) fn organisation_named_by(&self, noun: &str, at: usize) -> Option<usize> {
        let near = |e: &usize| self.named_within(*e, at, DESCRIPTION_GAP);
        let stem = noun.trim_end_matches('s');
        let holds_noun = |e: usize| {
            let ent = &self.entities[e];
            ent.kind == SpeakerKind::Organization
                && !ent.place
                && ent
                    .name
                    .split(' ')
                    .any(|w| w.eq_ignore_ascii_case(noun) || w.eq_ignore_ascii_case(stem))
        };
        let by_word = self
            .occurrences_before(at)
            .map(|o| o.entity)
            .find(|&e| holds_noun(e));
        if by_word.is_some() {
            return by_word;
        }
        // "In a letter, the doctors pleaded … The doctors, members of the
        // group Doctors for Ward Reform, …": a lead may name the body just
        // after the description.
        let at_byte = self.doc.tokens[at].span.start;
        let after = self.occurrences.partition_point(|o| o.first <= at);
        let by_word_after = self.occurrences[after..]
            .iter()
            .take_while(|o| self.doc.tokens[o.first].span.start <= at_byte + CATAPHORA_GAP)
            .map(|o| o.entity)
            .find(|&e| holds_noun(e));
        if by_word_after.is_some() {
            return by_word_after;
        }
        if !self.lex.is(Glue::OrganisationAnaphors, noun) {
            return None;
        }
        // "Irish publishing group Varnholm News & Media … the group":
        // the organisation the same noun introduced.
        let introduced = self.occurrences_before(at).find(|o| {
            o.first > 0
                && self.tok_is(o.first - 1, noun)
                && !self.entities[o.entity].place
                && self.entities[o.entity].kind == SpeakerKind::Organization
        });
        if let Some(o) = introduced {
            return Some(o.entity);
        }
        // An organisation, or a lone name with nothing to show it is a
        // person's ("WeWork … the company"); a subject before any other.
        let org = |e: usize| {
            let ent = &self.entities[e];
            !ent.place
                && (ent.kind == SpeakerKind::Organization
                    || (ent.words == 1 && !ent.person_evidence))
        };
        // Of those named close before, the most often named so far; the
        // latest on a tie.
        let mut best: Option<(usize, usize)> = None;
        for o in self
            .occurrences_before(at)
            .filter(|o| o.salient && org(o.entity))
            .take(8)
            .filter(|o| near(&o.entity))
        {
            let count = self
                .occurrences_before(at)
                .filter(|x| x.entity == o.entity)
                .count();
            if best.is_none_or(|(_, c)| count > c) {
                best = Some((o.entity, count));
            }
        }
        best.map(|(e, _)| e)
    }

    /// Whether entity `e` is named within `gap` bytes before token `at`.
    fn named_within(&self, e: usize, at: usize, gap: usize) -> bool {
        let at_byte = self.doc.tokens[at.min(self.doc.tokens.len() - 1)]
            .span
            .start;
        self.occurrences_before(at)
            .find(|o| o.entity == e)
            .is_some_and(|o| self.doc.tokens[o.first].span.start + gap >= at_byte)
    }

    /// An unnamed spokesperson speaks for their organisation, with the role
    /// as title: "a spokesman for Tallow Capital", "a spokesperson" (the
    /// organisation just named or speaking).
    pub(super) fn spokes_owner(
        &self,
        m: Mention,
        mention: Span,
        previous: &[ResolvedSpeaker<'t>],
    ) -> Option<ResolvedSpeaker<'t>> {
        // "Mr Roe's spokesman": a person's spokesman speaks as themself,
        // never for the organisation named last.
        if (m.first..m.last).any(|j| self.doc.tokens[j].is(POSSESSIVE)) {
            return None;
        }
        let title = Some(Cow::Borrowed(self.tok(m.last)));
        let end = self.doc.sentences[self.doc.tokens[m.last].sentence as usize]
            .tokens
            .end;
        // "for [the] X" after the mention (or its apposition).
        let k = m.last + 1;
        // The first name there that is no place: "for US-based hedge fund
        // Tallow Capital" is Tallow Capital's.
        if k + 1 < end && self.tok_is(k, "for") {
            let owner = (k + 1..end.min(k + 8))
                .take_while(|&s| !matches!(self.tok(s), "," | ";" | "." | "(" | "“" | "\""))
                .filter_map(|s| self.occurrences_at(s))
                .find(|&e| !self.entities[e].place);
            if let Some(ent) = owner {
                return Some(ResolvedSpeaker {
                    title,
                    ..self.speaker_of(ent, mention, ResolvedBy::Title)
                });
            }
        }
        // "… a spokesperson said. … the spokesperson said": the same
        // organisation's spokesperson.
        if self.tok_is(m.first, "the") {
            let same = previous.iter().rev().take(4).find(|p| {
                p.kind == SpeakerKind::Organization
                    && p.name.is_some()
                    && p.title.as_deref().is_some_and(|t| self.is_spokes(t))
            });
            if let Some(p) = same {
                return Some(ResolvedSpeaker {
                    mention: Some(mention),
                    resolved_by: ResolvedBy::Title,
                    title,
                    ..p.clone()
                });
            }
        }
        let org_speaker =
            previous.iter().rev().take(4).find(|p| {
                p.kind == SpeakerKind::Organization && p.name.is_some() && p.title.is_none()
            });
        // The organisation named last, a sentence subject first: in "Tallow
        // Rail refused. A spokesperson said in an email to Varnholm News
        // …" the spokesperson is Tallow Rail's.
        let org = |e: usize| {
            let ent = &self.entities[e];
            ent.kind == SpeakerKind::Organization && !ent.place
        };
        let near = |e: &usize| self.named_within(*e, m.first, DESCRIPTION_GAP);
        let org_named = self
            .occurrences_before(m.first)
            .filter(|o| o.salient && o.subject)
            .map(|o| o.entity)
            .find(|&e| org(e))
            .filter(near)
            .or_else(|| {
                self.occurrences_before(m.first)
                    .filter(|o| o.salient)
                    .map(|o| o.entity)
                    .find(|&e| org(e))
                    .filter(near)
            });
        if let Some(e) = org_named {
            return Some(ResolvedSpeaker {
                title,
                ..self.speaker_of(e, mention, ResolvedBy::Title)
            });
        }
        org_speaker.map(|p| ResolvedSpeaker {
            mention: Some(mention),
            resolved_by: ResolvedBy::Title,
            title,
            ..p.clone()
        })
    }

    /// "the report", "that study", "the letter": the author named where the
    /// document was introduced ("a report by X", "X's report", "X
    /// published a report"), when the article says.
    pub(super) fn author_of(
        &self,
        m: Mention,
        mention: Span,
        previous: &[ResolvedSpeaker<'t>],
    ) -> Option<ResolvedSpeaker<'t>> {
        let noun = self.tok(m.last);
        let start = self.doc.tokens[m.first].span.start;
        let mut floor = start.saturating_sub(DESCRIPTION_GAP);
        // "The IMF said … “…,” the report said": a report no one was named
        // as the author of is the organisation that spoke just before.
        let last_speaker = || {
            previous
                .iter()
                .rev()
                .take(2)
                .find(|s| s.kind == SpeakerKind::Organization && s.entity.is_some())
                .filter(|s| {
                    s.mention
                        .is_some_and(|x| start <= x.start + DESCRIPTION_GAP)
                })
                .map(|s| ResolvedSpeaker {
                    mention: Some(mention),
                    resolved_by: ResolvedBy::Title,
                    ..s.clone()
                })
        };
        // The previous mention of the same noun, then its author.
        let mut k = m.first;
        let mut mentioned_before = false;
        // At most this many definite mentions in the chain, so that an
        // article of thousands of "the report said" stays linear.
        let mut hops = 0;
        while k > 0 && hops < MAX_CHAIN {
            k -= 1;
            if self.doc.tokens[k].span.start < floor {
                break;
            }
            if !self.tok_is(k, noun) {
                continue;
            }
            // "by the Varnholm Office of Inspector General", "from X".
            let end = self.doc.sentences[self.doc.tokens[k].sentence as usize]
                .tokens
                .end;
            let mut j = k + 1;
            while j < end && j < k + 12 {
                if matches!(self.tok(j), "by" | "from") {
                    let mut s = j + 1;
                    if s < end && self.tok_is(s, "the") {
                        s += 1;
                    }
                    // "by Varnholm University's Center on Poverty": the
                    // body after a possessive owner.
                    let owned = (s..end.min(s + 4))
                        .find(|&x| self.doc.tokens[x].is(POSSESSIVE))
                        .map(|x| x + 1);
                    // A place or a date after "from" is no author ("a
                    // report from Washington", "a poll from Feb. 3").
                    let author_at = |x: usize| {
                        (x < end && !self.doc.glue(x, Glue::Calendar))
                            .then(|| self.occurrences_at(x))
                            .flatten()
                            .filter(|&e| !self.entities[e].place)
                    };
                    let author = owned.and_then(author_at).or_else(|| author_at(s));
                    if let Some(e) = author {
                        return Some(self.speaker_of(e, mention, ResolvedBy::Title));
                    }
                    break;
                }
                j += 1;
            }
            // "X's report".
            if k >= 2 && self.doc.tokens[k - 1].is(POSSESSIVE) {
                let mut s = k - 2;
                while s > 0 && self.is_cap_word(s - 1) {
                    s -= 1;
                }
                if let Some(e) = self.occurrences_at(s) {
                    return Some(self.speaker_of(e, mention, ResolvedBy::Title));
                }
            }
            // "A report by X … The report assessed … The report
            // concluded": a definite mention refers further back.
            let definite = k > 0
                && matches!(
                    self.tok(k - 1).to_ascii_lowercase().as_str(),
                    "the" | "this" | "that"
                );
            if !definite {
                return None;
            }
            // Each mention in the chain looks back from itself.
            mentioned_before = true;
            hops += 1;
            floor = self.doc.tokens[k]
                .span
                .start
                .saturating_sub(DESCRIPTION_GAP);
        }
        // A document named before with no author stays as written.
        if mentioned_before {
            return None;
        }
        last_speaker()
    }

    /// "the Clinton campaign", "a Twitter spokesman", "Mr. Rubio's
    /// advisers", "her aides": a description of people who speak for a
    /// named organisation resolves to that owner, with the head noun as
    /// title; a person's aide or lawyer stays the description ("Morrison's
    /// lawyer"), with the head noun as title.
    pub(super) fn owner_of_description(
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
        let entourage = self.doc.glue(head, Glue::Entourage);
        // Only who speaks for an owner resolves to it: a spokesperson, an
        // entourage, officials, a document. "A forum commenter" is a
        // commenter, not Weibo.
        let speaks_for = entourage
            || self.is_spokes(self.tok(head))
            || self.tok_is(head, "officials")
            || self.tok_is(head, "official")
            || role.kind == RoleKind::Document
            || role.kind == RoleKind::Organization;
        if !speaks_for {
            return None;
        }
        let mention = doc.span(m.first, m.last);
        let title = role
            .titled
            .then(|| Cow::Borrowed(self.tok(head)))
            .filter(|_| role.kind == RoleKind::Person);
        // "her aides", "his campaign": the owner is a pronoun.
        let first = self.tok(m.first);
        let owner_pronoun = match first.to_ascii_lowercase().as_str() {
            "his" => Some("he"),
            "her" => Some("she"),
            "their" => Some("they"),
            "its" => Some("it"),
            _ => None,
        };
        if let Some(p) = owner_pronoun.and_then(|p| self.lex.pronoun(p)) {
            let sp = self.resolve_pronoun(Mention::new(m.first, m.first), *p, previous);
            let speaks_for = sp.kind == SpeakerKind::Organization
                || (sp.kind == SpeakerKind::Person && entourage);
            return (speaks_for && sp.name.is_some()).then(|| ResolvedSpeaker {
                mention: Some(mention),
                resolved_by: ResolvedBy::Pronoun,
                title: title.filter(|_| sp.kind == SpeakerKind::Organization),
                ..sp
            });
        }
        // A capitalised owner: a known name, an acronym, an organisation
        // word, or a possessive ("Mr. Rubio's"); not an adjective
        // ("Western", "Democratic").
        let mut k = m.first;
        while k < head {
            let w = self.tok(k);
            if !self.is_cap_word(k)
                || self.is_stop(k) && self.lex.title(w).is_none()
                || self.doc.glue(k, Glue::Quantifiers)
                || self.doc.glue(k, Glue::Determiners)
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
            let adjective = s == e
                && super::names::ADJECTIVE_ENDINGS
                    .iter()
                    .any(|suf| name.ends_with(suf))
                && !doc.tokens[s].is(ALLCAPS);
            let entity = self.by_name.get(name).copied().or_else(|| {
                (s == e)
                    .then(|| self.by_surname_near(self.tok(e), m.first, None))
                    .flatten()
            });
            if adjective && !self.entities_org(entity) {
                continue;
            }
            if let Some(ent) = entity {
                // A person's campaign or aides speak for the person; their
                // lawyer or spokesman speaks as themselves.
                // A lone word with nothing to show it is a person's name
                // ("Twitter") owns as an organisation.
                let bare = self.entities[ent].words == 1 && !self.entities[ent].person_evidence;
                match self.entities[ent].kind {
                    // "A Bloomberg poll", "Trump's tweet": the author.
                    _ if role.kind == RoleKind::Document => {
                        return Some(self.speaker_of(ent, mention, ResolvedBy::Surname))
                    }
                    SpeakerKind::Person if bare && !entourage => {}
                    SpeakerKind::Person if entourage => {
                        return Some(self.speaker_of(ent, mention, ResolvedBy::Surname))
                    }
                    SpeakerKind::Person => return None,
                    _ if self.entities[ent].place => continue,
                    _ => {}
                }
                return Some(ResolvedSpeaker {
                    title,
                    kind: SpeakerKind::Organization,
                    ..self.speaker_of(ent, mention, ResolvedBy::Surname)
                });
            }
            if self.lex.place_of_adjective(name).is_some() || self.lex.is_place(name) {
                continue;
            }
            if adjective || (possessive && e > s) {
                continue;
            }
            return Some(ResolvedSpeaker {
                name: Some(Cow::Borrowed(name)),
                kind: SpeakerKind::Organization,
                mention: Some(mention),
                resolved_by: ResolvedBy::Name,
                title,
                affiliation: None,
                entity: None,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::MAX_CHAIN;
    use crate::event::SpeakerKind;

    #[test]
    fn a_spokesman_speaks_for_his_organisation() {
        let r = speakers("A Twitter spokesman said the account was suspended.");
        assert_eq!(r[0].0.as_deref(), Some("Twitter"));
        assert_eq!(r[0].1, SpeakerKind::Organization);
        assert_eq!(r[0].3.as_deref(), Some("spokesman"));
        assert_eq!(r[0].4.as_deref(), Some("Twitter"));
        let r = speakers(
            "Acme Widgets Corp cut 300 jobs on Monday.\n\nA spokesperson said the cuts were final.",
        );
        assert_eq!(r[0].0.as_deref(), Some("Acme Widgets Corp"), "{r:?}");
        assert_eq!(r[0].3.as_deref(), Some("spokesperson"));
        // The body is also who the spokesperson works for.
        assert_eq!(r[0].4.as_deref(), Some("Acme Widgets Corp"));
        // "for" a body described first, and past a place: the body.
        let r = speakers(
            "The Herald cited a spokesman for US-based hedge fund Tallow Capital saying the bid was too low.",
        );
        let last = r.last().unwrap();
        assert_eq!(last.0.as_deref(), Some("Tallow Capital"), "{r:?}");
        assert_eq!(last.3.as_deref(), Some("spokesman"));
        // A person's lawyer is not the person.
        let r = speakers("Ana Vold was charged.\n\nVold's lawyer said the charge was false.");
        assert_eq!(r[0].0.as_deref(), Some("Vold's lawyer"), "{r:?}");
    }

    #[test]
    fn a_spokesperson_speaks_for_the_subject_not_the_addressee() {
        let text = "Acme Widgets Corp refused the offer. A spokesperson said in an email to \
                    Varnholm Radio Ltd that the cuts were final.\n\n\
                    “We cannot do it,” the spokesperson said.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Acme Widgets Corp"), "{r:?}");
        assert_eq!(r[1].0.as_deref(), Some("Acme Widgets Corp"), "{r:?}");
        assert_eq!(r[1].3.as_deref(), Some("spokesperson"));
        // With no subject named, the organisation named last.
        let text =
            "The plan went to Acme Widgets Corp on Monday. A spokesperson said it was final.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Acme Widgets Corp"), "{r:?}");
    }

    #[test]
    fn a_persons_spokesman_does_not_speak_for_the_last_organisation() {
        let text = "Acme Widgets Corp grew fast. Mr Roe's spokesman said the law would stay.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Mr Roe's spokesman"), "{r:?}");
        let r = speakers("Acme Widgets Corp grew fast. A spokesman said the law would stay.");
        assert_eq!(r[0].0.as_deref(), Some("Acme Widgets Corp"), "{r:?}");
    }

    #[test]
    fn the_noun_that_introduced_an_organisation_refers_back_to_it() {
        let r = speakers(
            "Irish publishing group Varnholm News & Media is buying a stake in the Tallow-language Dainik Varta. News of the deal came as the group said profits rose.",
        );
        assert_eq!(r[0].0.as_deref(), Some("Varnholm News & Media"), "{r:?}");
    }

    #[test]
    fn a_report_with_no_named_author_is_the_organisation_that_just_spoke() {
        let r = speakers(
            "The Varnholm Monetary Fund said growth would slow. “Tourism will suffer,” the report said.",
        );
        assert_eq!(r[1].0.as_deref(), Some("Varnholm Monetary Fund"), "{r:?}");
        // A person who spoke is no author of a report.
        let r =
            speakers("Ana Vold said growth would slow. “Tourism will suffer,” the report said.");
        assert_eq!(r[1].0.as_deref(), Some("the report"), "{r:?}");
    }

    #[test]
    fn a_report_speaks_for_its_author() {
        let text = "A report by the Varnholm Audit Office was published on Monday.\n\n\
                    The report found that the mill had been mismanaged.";
        let r = speakers(text);
        assert_eq!(
            r.last().unwrap().0.as_deref(),
            Some("Varnholm Audit Office"),
            "{r:?}"
        );
        // Guidelines are a document too: they speak for their owner.
        let text = "Tallow Rail runs the night trains.\n\n\
                    Although Tallow Rail's guidelines recommend resting for 11 hours, drivers rest for 8.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Tallow Rail"), "{r:?}");
    }

    #[test]
    fn a_chain_of_definite_mentions_leads_back_to_the_author() {
        // Each "the report" looks back from the one before it; the author
        // after a possessive owner is the body, not its owner.
        let filler =
            "The mill employs 300 people in the valley and pays above the regional average. "
                .repeat(14);
        let text = format!(
            "A report released on Monday by Varnholm University's Center on Mill Safety was published.\n\n\
             The report assessed the mills.\n\n{filler}\n\nThe report listed the worst of them.\n\n{filler}\n\n\
             The report concluded that the mill had been mismanaged."
        );
        let r = speakers(&text);
        assert_eq!(
            r.last().unwrap().0.as_deref(),
            Some("Center on Mill Safety"),
            "{r:?}"
        );
        // A document named before with no author stays as written, and a
        // place or a date after "from" is no author.
        // (not the organisation that spoke just before, as a report never
        // named before would be).
        let r = speakers("The lawsuit was filed on Friday.\n\nTallow Rail Corp said the court would rule.\n\nThe lawsuit says that the lines were too long.");
        assert_eq!(r.last().unwrap().0.as_deref(), Some("The lawsuit"), "{r:?}");
        let r = speakers(
            "A poll from Ohio was published.\n\nThe poll found that most voters were undecided.",
        );
        assert_eq!(r.last().unwrap().0.as_deref(), Some("The poll"), "{r:?}");
        // A month written short is a date too.
        let r = speakers(
            "Few wrote about the poll, taken from Dec. 3 to Dec. 7.\n\nThe poll shows that Ana Vold leads.",
        );
        assert_eq!(r.last().unwrap().0.as_deref(), Some("The poll"), "{r:?}");
        // The chain is followed at most MAX_CHAIN mentions back, so that
        // thousands of "the report said" stay linear.
        let text = format!(
            "A report by the Varnholm Audit Office was published.\n\n{}",
            "The report said that the mill was shut. ".repeat(MAX_CHAIN + 2)
        );
        let r = speakers(&text);
        assert_eq!(r[0].0.as_deref(), Some("Varnholm Audit Office"), "{r:?}");
        assert_eq!(r.last().unwrap().0.as_deref(), Some("The report"), "{r:?}");
    }

    #[test]
    fn a_description_may_name_its_body_just_after() {
        let text = "In a letter, the doctors urged the ministry to reopen the clinic.\n\nThe doctors, members of a new group Doctors for Ward Reform, said that the wards were full.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Doctors for Ward Reform"), "{r:?}");
        assert_eq!(r[1].0.as_deref(), Some("Doctors for Ward Reform"), "{r:?}");
        assert_eq!(r[0].1, SpeakerKind::Organization);
        // Too far after, or a body whose name lacks the noun: the
        // description stays as written.
        let far = format!(
            "In a letter, the doctors urged the ministry to reopen the clinic.\n\n{}\n\nDoctors for Ward Reform was founded in May.",
            "The wards were full all winter, and the queue grew longer. ".repeat(8)
        );
        let r = speakers(&far);
        assert_eq!(r[0].0.as_deref(), Some("the doctors"), "{r:?}");
        let r = speakers("In a letter, the doctors urged the ministry to reopen the clinic.\n\nNurses for Ward Reform was founded in May.");
        assert_eq!(r[0].0.as_deref(), Some("the doctors"), "{r:?}");
    }
}
