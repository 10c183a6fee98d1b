//! Resolving a mention that is not a pronoun: a full or partial name, an
//! acronym or initials, or a description ("the senator", "the company",
//! "a Twitter spokesman", "the report") that stands for an entity.

use super::descriptions::Description;
use super::{ResolvedSpeaker, Resolver};
use crate::event::{ResolvedBy, SpeakerKind};
use crate::lexicon::{Glue, Pronoun, RoleKind};
use crate::pipeline::attribute::Mention;
use crate::pipeline::segment::{ALLCAPS, CAP, POSSESSIVE, WORD};
use crate::text::Span;
use std::borrow::Cow;

/// Whether an entity's title matches the title of a role description: the
/// same canonical title, the same head ("the minister" ↔ "Finance
/// Minister"), or an acronym of its initials ("FM" ↔ "Finance Minister").
fn titles_match(entity: &str, canon: &str, acronym: Option<&str>) -> bool {
    if entity.eq_ignore_ascii_case(canon) {
        return true;
    }
    let entity_head = entity.rsplit(' ').next().unwrap_or(entity);
    let canon_head = canon.rsplit(' ').next().unwrap_or(canon);
    if entity_head.eq_ignore_ascii_case(canon_head) && !canon.contains(' ') {
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

/// How far back (in bytes) a description or an unnamed spokesperson looks
/// for the organisation or person it stands for.
pub(super) const DESCRIPTION_GAP: usize = 1500;

impl<'t> Resolver<'_, 't> {
    /// Resolves mention `m`, given the speakers resolved before it.
    pub(super) fn resolve_mention(
        &self,
        m: Mention,
        previous: &[ResolvedSpeaker<'t>],
    ) -> ResolvedSpeaker<'t> {
        let doc = self.doc;
        // A loose phrase may run into the verb group: "Roe never", "the
        // poll has".
        let mut m = m;
        while m.last > m.first
            && doc.tokens[m.last].is(WORD)
            && !doc.tokens[m.last].is(CAP)
            && (self.doc.glue(m.last, Glue::BetweenSubjectAndVerb)
                || self.doc.glue(m.last, Glue::Passive))
        {
            m.last -= 1;
        }
        if m.first == m.last {
            if let Some(p) = self.lex.pronoun(self.tok(m.first)) {
                return self.resolve_pronoun(m, *p, previous);
            }
        }
        // "The Roman Catholic Archbishop of Cardiff, the Most Reverend
        // Jon Smed, told": a description opened by a determiner, with a
        // name in its apposition, is that name; so is one opened by "one
        // of" ("said one of their lawyers, Jon Smed").
        let one_of = m.first < m.last
            && self.doc.glue(m.first, Glue::Quantifiers)
            && self.tok_is(m.first + 1, "of");
        if m.apposition.is_some() && (self.doc.glue(m.first, Glue::Determiners) || one_of) {
            if let Some(e) = self.name_after(m) {
                return self.speaker_of(e, doc.span(m.first, m.last), ResolvedBy::Title);
            }
        }
        // "Joseph R. Biden Jr.": the suffix keeps its dot.
        if self.is_suffix(m.last) && doc.punct_is(m.last + 1, '.') {
            m.last += 1;
        }
        // "Mei-Lin Roe of the New York Times": the person before "of" is
        // the speaker, the body after it an affiliation.
        if let Some(of) = (m.first + 1..m.last)
            .find(|&j| matches!(self.tok(j), "of" | "from") && self.is_cap_word(j - 1))
        {
            let name = (m.first..of).all(|j| self.is_cap_word(j) || self.is_initial_dot(j));
            let person = name
                && self
                    .by_name
                    .get(self.span_text(m.first, of - 1))
                    .is_some_and(|&e| self.entities[e].kind == SpeakerKind::Person);
            if person {
                m.last = of - 1;
            }
        }
        let mention_span = doc.span(m.first, m.last);
        let lower_head = doc.tokens[m.last].is(WORD)
            && !doc.tokens[m.last].is(CAP)
            && !doc.tokens[m.last].is(POSSESSIVE);
        // "The DJ", "the CEO": a role noun written in capitals after a
        // determiner is still a description.
        let role_head = m.first < m.last
            && self.doc.glue(m.first, Glue::Determiners)
            && self.is_title_noun(m.last)
            && (m.first + 1..m.last).all(|j| !self.is_cap_word(j));
        if lower_head || role_head {
            return self.resolve_description(m, mention_span, previous);
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
        let parsed = self.parse(a, m.last, poss);
        // An acronym or initials: "IMF", "the CBP", "JK".
        // "the Chinese CDC": a place adjective before it names no other
        // body.
        let adjective = |k: usize| self.lex.place_of_adjective(self.tok(k)).is_some();
        let bare = m.first == m.last
            || (m.first + 1 == m.last
                && (self.doc.glue(m.first, Glue::Determiners) || adjective(m.first)))
            || (m.first + 2 == m.last
                && self.doc.glue(m.first, Glue::Determiners)
                && adjective(m.first + 1));
        if bare && doc.tokens[m.last].is(ALLCAPS) && self.tok(m.last).len() >= 2 {
            if let Some(e) = self.entity_of_acronym(self.tok(m.last)) {
                return self.speaker_of(e, mention_span, ResolvedBy::Name);
            }
        }
        let Some((s, e)) = parsed.name else {
            // "says King, 30": a title word that is the surname of someone
            // named before ("Jon Kingsley") is that person.
            if m.first == m.last && self.is_cap_word(m.first) {
                let w = self.tok(m.first);
                if let Some(ent) = self.by_surname_near(w, m.first, None) {
                    return self.speaker_of(ent, mention_span, ResolvedBy::Surname);
                }
            }
            return self.resolve_role(m, mention_span, &parsed, previous);
        };
        let name = self.span_text(s, e);
        // The mention is the name ("Denys Varn"), keeping short titles
        // such as "Gen." that are part of how it is written.
        let shown = if parsed.title.is_some() || poss.is_some() || parsed.affiliation.is_some() {
            doc.span(s, e)
        } else {
            mention_span
        };
        let words = (s..=e).filter(|&i| self.is_cap_word(i)).count();
        if words == 1 {
            let w = self.tok(self.surname_of(s, e));
            // "Mr. Obama" and "President Obama" are surnames, never given
            // names; "his wife Sharon" may be a given name.
            let honorific = (m.first..s).any(|j| {
                let w = self.tok(j);
                self.lex.honorific(w).is_some() || self.lex.title(w).is_some()
            });
            let found = self.by_surname_near(w, m.first, parsed.gender).or_else(|| {
                (!honorific)
                    .then(|| self.by_given_near(w, m.first))
                    .flatten()
            });
            if let Some(ent) = found {
                return self.speaker_of(ent, shown, ResolvedBy::Surname);
            }
        }
        if let Some(&ent) = self.by_name.get(name) {
            return self.speaker_of(ent, shown, ResolvedBy::Name);
        }
        // A name the table does not hold (a headline, a credit): an
        // organisation by its words, or by the noun before it ("local group
        // Neighbours and Citizens Against Crime").
        let org_noun_before = m.first > 0
            && doc.tokens[m.first - 1].is(WORD)
            && !doc.tokens[m.first - 1].is(CAP)
            && self
                .lex
                .role(self.tok(m.first - 1))
                .is_some_and(|r| r.kind == RoleKind::Organization);
        let kind = if (s..=e).any(|i| self.lex.is_orgword(self.tok(i)))
            || (words == 1 && doc.tokens[s].is(ALLCAPS))
            || org_noun_before
        {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Person
        };
        let d = Description {
            title: parsed.title,
            affiliation: parsed.affiliation,
            anaphor: None,
        };
        ResolvedSpeaker {
            name: Some(Cow::Borrowed(name)),
            kind,
            mention: Some(shown),
            resolved_by: ResolvedBy::Name,
            title: d
                .title
                .filter(|_| kind == SpeakerKind::Person)
                .map(|t| self.title_text(t)),
            affiliation: d.affiliation.map(|a| self.affiliation_text(a)),
            entity: None,
        }
    }

    /// A capitalised role description: "Ruritanian FM", "the Senator".
    fn resolve_role(
        &self,
        m: Mention,
        mention: Span,
        parsed: &super::Parsed,
        previous: &[ResolvedSpeaker<'t>],
    ) -> ResolvedSpeaker<'t> {
        let doc = self.doc;
        let Some(t) = parsed.title else {
            return self.description_as_is(m, mention, previous);
        };
        let canon = self
            .title_at(t.0, t.1)
            .map(|(_, c)| c.to_lowercase())
            .unwrap_or_else(|| self.span_text(t.0, t.1).to_lowercase());
        // The title as written when it is an acronym ("FM"), to match the
        // initials of a spelled-out title.
        let written = self.span_text(t.0, t.1);
        let acronym = (written.len() >= 2 && written.chars().all(|c| c.is_ascii_uppercase()))
            .then_some(written);
        let modifier = (m.first..t.0).find(|&i| {
            doc.tokens[i].is(CAP) && self.lex.title(self.tok(i)).is_none() && !self.is_stop(i)
        });
        if let Some(e) = self.holder_of(&canon, acronym, modifier, m.first) {
            return self.speaker_of(e, mention, ResolvedBy::Title);
        }
        self.description_as_is(m, mention, previous)
    }

    /// The latest person named before token `at` whose title matches
    /// `canon`, with an affiliation matching the place adjective at
    /// `modifier` when there is one.
    fn holder_of(
        &self,
        canon: &str,
        acronym: Option<&str>,
        modifier: Option<usize>,
        at: usize,
    ) -> Option<usize> {
        self.occurrences_before(at).map(|o| o.entity).find(|&e| {
            let ent = &self.entities[e];
            ent.kind == SpeakerKind::Person
                && ent
                    .title_key
                    .as_deref()
                    .is_some_and(|c| titles_match(c, canon, acronym))
                && modifier.is_none_or(|md| {
                    ent.affiliation
                        .as_deref()
                        .is_some_and(|af| self.lex.demonym_matches(self.tok(md), af))
                })
        })
    }

    /// A lower-case description: "the senator", "the DJ", "the company",
    /// "a Twitter spokesman", "Mr. Rubio's advisers", "the report".
    fn resolve_description(
        &self,
        m: Mention,
        mention: Span,
        previous: &[ResolvedSpeaker<'t>],
    ) -> ResolvedSpeaker<'t> {
        let head = m.last;
        // "Anti-abortion group the Pro-Rail Alliance", "his wife, Sharon
        // Roe,": a name right after the description is who it describes.
        if let Some(e) = self.name_after(m) {
            return self.speaker_of(e, mention, ResolvedBy::Title);
        }
        let Some(role) = self.lex.role(self.tok(head)) else {
            return self.description_as_is(m, mention, previous);
        };
        // A capitalised owner or a possessive: "a Twitter spokesman",
        // "Mr. Rubio's advisers", "her aides".
        if let Some(sp) = self.owner_of_description(m, previous) {
            return if self.is_spokes(self.tok(head)) {
                works_for_itself(sp)
            } else {
                sp
            };
        }
        let determined = self.doc.glue(m.first, Glue::Determiners);
        let noun = self.tok(head);
        match role.kind {
            RoleKind::Person if determined && !self.is_spokes(noun) => {
                // "the senator", "the DJ", "the real estate agent".
                let canon = role
                    .title
                    .clone()
                    .unwrap_or_else(|| noun.to_string())
                    .to_lowercase();
                let modifier = (m.first..head).find(|&i| self.is_cap_word(i) && !self.is_stop(i));
                if let Some(e) = self.holder_of(&canon, None, modifier, m.first) {
                    return self.speaker_of(e, mention, ResolvedBy::Title);
                }
                // "angering a sheriff who says …" before "Sheriff Harry Loe":
                // a lead that names the person later. Someone named before
                // is not introduced again with "a".
                if role.titled && matches!(self.tok(m.first), "a" | "A" | "an" | "An") {
                    let named_before =
                        |e: usize| self.occurrences_before(m.first).any(|o| o.entity == e);
                    if let Some(e) = self.sole_holder(role, noun).filter(|&e| !named_before(e)) {
                        return self.speaker_of(e, mention, ResolvedBy::Title);
                    }
                }
                // "“…,” said the actor": a definite description of an
                // occupation refers back like "he" or "she" would, to the
                // person in focus; the description is their title.
                if self.tok_is(m.first, "the") && role.titled && modifier.is_none() {
                    let he_or_she = Pronoun {
                        person: true,
                        gender: None,
                        group: false,
                    };
                    let sp = self.resolve_pronoun(m, he_or_she, previous);
                    if sp.name.is_some() {
                        return ResolvedSpeaker {
                            resolved_by: ResolvedBy::Title,
                            title: sp
                                .title
                                .clone()
                                .or_else(|| Some(Cow::Borrowed(self.span_text(m.first + 1, head)))),
                            ..sp
                        };
                    }
                }
            }
            // "a spokesperson", "the spokesman for the agency".
            RoleKind::Person if self.is_spokes(noun) => {
                if let Some(sp) = self.spokes_owner(m, mention, previous) {
                    return works_for_itself(sp);
                }
            }
            RoleKind::Person if role.titled => {
                if let Some(e) = self.sole_holder(role, noun) {
                    return self.speaker_of(e, mention, ResolvedBy::Title);
                }
            }
            RoleKind::Organization | RoleKind::Group if determined => {
                if let Some(e) = self.organisation_named_by(noun, m.first) {
                    let mut sp = self.speaker_of(e, mention, ResolvedBy::Title);
                    // "WeWork … the company said": a lone name with nothing
                    // to show it is a person's is what the description says.
                    if !self.entities[e].person_evidence && sp.kind == SpeakerKind::Person {
                        sp.kind = speaker_kind(role.kind);
                    }
                    return sp;
                }
            }
            RoleKind::Document => {
                if let Some(sp) = self.author_of(m, mention, previous) {
                    return sp;
                }
            }
            _ => {}
        }
        self.description_as_is(m, mention, previous)
    }

    /// The words of the article that spell out `acronym`, joined by
    /// function words: "CBP" → "Customs and Border Protection" (a name the
    /// table splits at "and").
    pub(super) fn spelled_out(&self, acronym: &str) -> Option<(usize, usize)> {
        let want = acronym.as_bytes();
        if want.len() < 3 || !want.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let n = self.doc.tokens.len();
        (0..n).find_map(|a| {
            if !self.is_cap_word(a) || self.tok(a).as_bytes()[0] != want[0] || self.is_stop(a) {
                return None;
            }
            let (mut k, mut got, mut last) = (a, 0, a);
            while k < n && got < want.len() {
                if self.is_cap_word(k) && !self.doc.tokens[k].is(ALLCAPS) {
                    if self.tok(k).as_bytes()[0] != want[got] {
                        return None;
                    }
                    got += 1;
                    last = k;
                } else if !matches!(self.tok(k), "and" | "of" | "for" | "on" | "the") {
                    return None;
                }
                k += 1;
            }
            let whole =
                got == want.len() && !self.doc.tokens.get(last + 1).is_some_and(|t| t.is(CAP));
            whole.then_some((a, last))
        })
    }

    /// The one person of the article holding the title `role` stands for
    /// ("a sheriff who says …" before "Sheriff Harry Loe"), named before or
    /// after; none when several hold it.
    fn sole_holder(&self, role: &crate::lexicon::Role, noun: &str) -> Option<usize> {
        let canon = role
            .title
            .clone()
            .unwrap_or_else(|| noun.to_string())
            .to_lowercase();
        let head_word = canon.rsplit(' ').next().unwrap_or(&canon);
        let holder = self.title_holders.get(head_word).copied().flatten();
        holder.filter(|&e| {
            self.entities[e]
                .title_key
                .as_deref()
                .is_some_and(|c| titles_match(c, &canon, None))
        })
    }

    /// Whether the entity, if any, is known to be an organisation.
    pub(super) fn entities_org(&self, entity: Option<usize>) -> bool {
        entity.is_some_and(|e| self.entities[e].org_evidence)
    }

    /// The entity named right after the description `m`, directly ("group
    /// the Pro-Rail Alliance") or in its apposition (", the Most Reverend
    /// Jon Smed,").
    fn name_after(&self, m: Mention) -> Option<usize> {
        let start = match m.apposition {
            Some((x, _)) => x,
            None => m.last + 1,
        };
        let mut k = start;
        let n = self.doc.tokens.len();
        while k < n
            && k < start + 4
            && (self.tok_is(k, "the")
                || self.tok_is(k, "most")
                || self.lex.honorific(self.tok(k)).is_some()
                || self.doc.punct_is(k, '.'))
        {
            k += 1;
        }
        if k >= n || !self.is_cap_word(k) {
            return None;
        }
        let e = self.occurrences_at(k)?;
        // Directly after the description, only an organisation or group's
        // name is apposed without a comma.
        (m.apposition.is_some() || self.entities[e].kind == SpeakerKind::Organization).then_some(e)
    }

    /// The entity whose name occurrence covers token `k` (its run may
    /// start a few tokens before, at a title or honorific).
    pub(super) fn occurrences_at(&self, k: usize) -> Option<usize> {
        let i = self.occurrences.partition_point(|o| o.first <= k);
        self.occurrences[..i]
            .last()
            .filter(|o| o.first + 4 >= k)
            .map(|o| o.entity)
    }

    /// The description as its own speaker: "officials", "the man", "one
    /// user", with the kind its head noun gives.
    fn description_as_is(
        &self,
        m: Mention,
        mention: Span,
        _previous: &[ResolvedSpeaker<'t>],
    ) -> ResolvedSpeaker<'t> {
        let role = self.lex.role(self.tok(m.last));
        let kind = role.map_or(SpeakerKind::Unknown, |r| speaker_kind(r.kind));
        let (title, affiliation) = match m.apposition {
            Some((x, y)) => {
                let d = self.apposition_after(x.saturating_sub(2), y);
                (d.title, d.affiliation)
            }
            None => (None, None),
        };
        ResolvedSpeaker {
            name: Some(Cow::Borrowed(mention.slice(self.doc.text))),
            kind,
            mention: Some(mention),
            resolved_by: ResolvedBy::Name,
            title: title
                .filter(|_| kind == SpeakerKind::Person)
                .map(|t| self.title_text(t)),
            affiliation: affiliation.map(|a| self.affiliation_text(a)),
            entity: None,
        }
    }
}

/// An organisation speaking through its spokesperson is also who the
/// spokesperson works for: its name is the affiliation too, as the news
/// gold draws it.
fn works_for_itself(mut sp: ResolvedSpeaker<'_>) -> ResolvedSpeaker<'_> {
    if sp.kind == SpeakerKind::Organization && sp.affiliation.is_none() {
        sp.affiliation = sp.name.clone();
    }
    sp
}

/// The speaker kind a role noun denotes; a document's is unknown (it
/// speaks for its author).
fn speaker_kind(role: RoleKind) -> SpeakerKind {
    match role {
        RoleKind::Group => SpeakerKind::Group,
        RoleKind::Organization => SpeakerKind::Organization,
        RoleKind::Person => SpeakerKind::Person,
        RoleKind::Document => SpeakerKind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::event::{ResolvedBy, SpeakerKind};

    #[test]
    fn a_name_opening_the_clause_after_a_source_is_no_apposition() {
        // "According to the poll, Vold …": Vold is what the poll reports
        // on, not the poll's name.
        let text = "Ana Vold leads Jon Roe in a new Tallow Herald poll.\n\nAccording to the same poll, Vold has lost support among women.";
        let r = speakers(text);
        assert_eq!(
            r.last().unwrap().0.as_deref(),
            Some("the same poll"),
            "{r:?}"
        );
        // An apposition set off by commas still describes the source.
        let text = "According to Jon Roe, the mill's former manager, the mill has lost money.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Jon Roe"), "{r:?}");
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
    fn groups_and_organisations_keep_their_phrase() {
        let r = speakers("The strike will go on, according to Western and Ruritanian officials.");
        assert_eq!(r[0].0.as_deref(), Some("Western and Ruritanian officials"));
        assert_eq!(r[0].1, SpeakerKind::Group);
        let r = speakers("The Ministry of Labour said wages would rise.");
        assert_eq!(r[0].1, SpeakerKind::Organization);
    }

    #[test]
    fn a_name_with_an_organisation_word_is_an_organisation() {
        let text = "The company that runs the show, Jon Roe Productions, denies it. \
                    Jon Roe Productions said nothing was settled.";
        let r = speakers(text);
        assert!(r.iter().all(|s| s.1 == SpeakerKind::Organization), "{r:?}");
        // A given name and one such word: a person ("Frank Church").
        let r = speakers("Senator Jon Church said the bill would pass. Church said it again.");
        assert!(r.iter().all(|s| s.1 == SpeakerKind::Person), "{r:?}");
    }

    #[test]
    fn roles_and_organisation_nouns_resolve_to_their_holder() {
        let text = "Varnholm DJ Jon Roe played on Friday.\n\nThe DJ said the crowd was huge.\n\n\
                    Acme Widgets Corp opened a plant.\n\nThe company said it would hire 50 people.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Jon Roe"), "{r:?}");
        assert_eq!(r[0].2, ResolvedBy::Title);
        assert_eq!(r[1].0.as_deref(), Some("Acme Widgets Corp"), "{r:?}");
        // No organisation named: the description stays as it is.
        let r = speakers("The company said it would hire 50 people.");
        assert_eq!(r[0].0.as_deref(), Some("The company"));
    }

    #[test]
    fn names_run_over_ampersands_and_plural_possessives() {
        let r = speakers(
            "Irish group Varnholm News & Media is buying a stake. News of the deal came as the group said profits rose.\n\nThe Harbour Workers' Union said the strike would go on.",
        );
        assert_eq!(r[0].0.as_deref(), Some("Varnholm News & Media"), "{r:?}");
        assert_eq!(r[1].0.as_deref(), Some("Harbour Workers' Union"), "{r:?}");
    }

    #[test]
    fn a_given_name_after_a_relation_word_is_the_full_name() {
        let text = "Jon Roe was robbed. His wife Ana said her rings were taken. \
                    Later Ana Roe gave details.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Ana Roe"), "{r:?}");
        // After an honorific or a title, one word is a surname.
        let r = speakers("Ana Roe met Ana Vold. Mrs. Ana said the farm was sold.");
        assert_ne!(r[0].0.as_deref(), Some("Ana Roe"), "{r:?}");
    }

    #[test]
    fn a_description_with_a_name_in_apposition_is_that_name() {
        let r = speakers(
            "The Roman Catholic Archbishop of Varnholm, the Most Reverend Jon Roe, told the radio that the church wanted calm.",
        );
        assert_eq!(r[0].0.as_deref(), Some("Jon Roe"), "{r:?}");
        assert_eq!(r[0].3.as_deref(), Some("Archbishop"));
        // A name with a name in apposition stays the first name.
        let r = speakers("Jon Roe, Ana Vold's husband, said the farm was sold.");
        assert_eq!(r[0].0.as_deref(), Some("Jon Roe"), "{r:?}");
        // "one of": the name in apposition too; without one, the phrase.
        let r = speakers("\u{201c}We will appeal,\u{201d} said one of their lawyers, Ana Vold.");
        assert_eq!(r[0].0.as_deref(), Some("Ana Vold"), "{r:?}");
        let r = speakers("\u{201c}We will appeal,\u{201d} said one of their lawyers.");
        assert_eq!(r[0].0.as_deref(), Some("one of their lawyers"), "{r:?}");
    }

    #[test]
    fn a_surname_that_is_a_title_word_is_still_the_surname() {
        let r = speakers("Jon King hosts the show. “It is an institution,” says King, 30.");
        assert_eq!(r[0].0.as_deref(), Some("Jon King"), "{r:?}");
        assert_eq!(r[0].1, SpeakerKind::Person);
    }

    #[test]
    fn an_indefinite_role_in_a_lead_is_the_one_holder_named_later() {
        let r = speakers(
            "A rapper filmed a video in jail, angering a sheriff who says he was tricked.\n\n“I'm not pleased,” Varnholm Sheriff Jon Roe said.",
        );
        assert_eq!(r[0].0.as_deref(), Some("Jon Roe"), "{r:?}");
        // Someone named before is not introduced again with "a".
        let r = speakers(
            "Sheriff Jon Roe opened the jail.\n\nLater a sheriff who says he was tricked asked for calm.",
        );
        assert_ne!(r.last().unwrap().0.as_deref(), Some("Jon Roe"), "{r:?}");
    }

    #[test]
    fn an_acronym_is_the_name_it_abbreviates() {
        let r = speakers(
            "Harbour and Border Protection runs the camps. In August, HBP announced that it would not vaccinate families.",
        );
        assert_eq!(
            r[0].0.as_deref(),
            Some("Harbour and Border Protection"),
            "{r:?}"
        );
        assert_eq!(r[0].1, SpeakerKind::Organization);
        // No spelled-out form: the acronym stays.
        let r = speakers("In August, HBP announced that it would not vaccinate families.");
        assert_eq!(r[0].0.as_deref(), Some("HBP"), "{r:?}");
        // A place adjective before the acronym and the name.
        let text = "Officials met the Norwegian Office for Ward Control on Monday. \
                    The Norwegian OWC has said that there is no need to worry. \
                    Later the OWC said the ward was safe.";
        let r = speakers(text);
        assert_eq!(
            r[0].0.as_deref(),
            Some("Norwegian Office for Ward Control"),
            "{r:?}"
        );
        assert_eq!(
            r[1].0.as_deref(),
            Some("Norwegian Office for Ward Control"),
            "{r:?}"
        );
        let r =
            speakers("Officials met the Tallow Office for Ward Control. The OWD said it was safe.");
        assert_eq!(r[0].0.as_deref(), Some("OWD"), "{r:?}");
    }

    #[test]
    fn a_person_of_a_body_is_the_person() {
        let text = "Ana Vold covered the trial.\n\nAna Vold of the Varnholm Herald reported that the verdict was near.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Ana Vold"), "{r:?}");
    }

    #[test]
    fn a_definite_description_refers_to_the_person_in_focus() {
        let text = "Jon Roe has left the show.\n\n“It was my choice,” said the actor.";
        let r = speakers(text);
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r.iter().all(|x| x.0.as_deref() == Some("Jon Roe")), "{r:?}");
        assert_eq!(r[0].3.as_deref(), Some("actor"));
        // With nobody in focus, the description stays as it is.
        let r = speakers("“It was my choice,” said the actor.");
        assert_eq!(r[0].0.as_deref(), Some("the actor"), "{r:?}");
    }

    #[test]
    fn a_lone_name_the_company_stands_for_speaks_as_an_organisation() {
        let r =
            speakers("Shares in Varnhold fell 8% on Monday. The company said sales had fallen.");
        assert_eq!(r[0].0.as_deref(), Some("Varnhold"), "{r:?}");
        assert_eq!(r[0].1, SpeakerKind::Organization, "{r:?}");
        // A name with a person's marks is never the company.
        let r = speakers("Shares in Mr. Varnhold’s firm fell. The company said sales had fallen.");
        assert_ne!(r[0].0.as_deref(), Some("Varnhold"), "{r:?}");
    }

    #[test]
    fn a_description_followed_by_a_name_is_that_name() {
        let r = speakers("Anti-levy group the Varnholm Farmers Union said the vote was rigged.");
        assert_eq!(r[0].0.as_deref(), Some("Varnholm Farmers Union"), "{r:?}");
    }
}
