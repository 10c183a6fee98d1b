//! The entity table: one entry per person, organisation or group named in
//! the article, with its name variants (full name, surname, given name,
//! initials, acronym), its fullest title and affiliation, its gender and
//! its kind, decided from the evidence of all its occurrences.

use super::descriptions::Description;
use super::{Parsed, Resolver};
use crate::event::SpeakerKind;
use crate::lexicon::{Glue, RoleKind};
use crate::pipeline::segment::{ALLCAPS, CAP, POSSESSIVE, WORD};
use std::borrow::Cow;

/// A named entity of the article.
#[derive(Debug, Clone)]
pub(super) struct Entity<'t> {
    /// The fullest name, as written ("Joseph R. Biden Jr.").
    pub name: &'t str,
    /// The surname ("Biden"); for a one-word name, the word.
    pub surname: &'t str,
    /// The given name of a person's name of two words or more ("Joseph").
    pub given: Option<&'t str>,
    /// The fullest title read for it, as written.
    pub title: Option<Cow<'t, str>>,
    /// The title's canonical form, lower-cased, for role descriptions.
    pub title_key: Option<String>,
    /// The title is a rank ("General"), which a position replaces.
    pub title_rank: bool,
    /// The fullest affiliation read for it.
    pub affiliation: Option<Cow<'t, str>>,
    /// The organisation noun its affiliation points back to, when no
    /// description names one: the token of "group" in "the group's
    /// president" (resolved once every kind is settled).
    pub affiliation_anaphor: Option<usize>,
    /// An acronym the article gives it: "the International Monetary Fund
    /// (IMF)".
    pub acronym: Option<&'t str>,
    /// `Some('m')` or `Some('f')` when known.
    pub gender: Option<char>,
    /// Person, organisation or group, once [`Resolver::settle_kinds`] ran.
    pub kind: SpeakerKind,
    /// Evidence that this is a person: an honorific, a title, a given
    /// name, a gendered pronoun, or the surname used alone.
    pub person_evidence: bool,
    /// Evidence that this is an organisation: an organisation word in the
    /// name, "the" before it, an organisation noun beside it.
    pub org_evidence: bool,
    /// The name itself holds an organisation word ("Dick Clark
    /// Productions", not "Frank Church"): an organisation, whatever given
    /// name it starts with.
    pub org_name: bool,
    /// A place of `places.txt` ("Ohio") or a holiday ("Christmas"): a
    /// speaker as an organisation, but never the antecedent of a pronoun.
    pub place: bool,
    /// Number of name words (initials and particles excluded).
    pub words: usize,
    /// Named at least once outside the headline.
    pub named_in_body: bool,
}

/// Word count of a title or affiliation text, to keep the fullest.
fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

impl<'t> Resolver<'_, 't> {
    /// Records the name of `p` with its `context`, merging it into the
    /// entity of the same name; returns the entity.
    pub(super) fn record(
        &mut self,
        p: Parsed,
        context: Description,
        first: usize,
    ) -> Option<usize> {
        let (s, e) = p.name?;
        let name_words = (s..=e)
            .filter(|&i| self.is_cap_word(i) && !self.is_initial_dot(i + 1))
            .count()
            .max(usize::from(self.is_cap_word(s)));
        // Headline runs ("Ben Carson Defends Himself Against Claims") are
        // not names; an organisation's name joined over lower-case "of",
        // "for" or "and" may be longer ("Chinese Center for Disease
        // Control and Prevention").
        let joined = self.joined_over(s, e, &["and", "&", "for", "against", "of"]);
        if name_words > 4 && !(joined && name_words <= 8) {
            return None;
        }
        let name = self.span_text(s, e);
        let idx = match self.by_name.get(name) {
            Some(&i) => i,
            None => {
                let surname_tok = self.surname_of(s, e);
                let i = self.entities.len();
                // An organisation word, or a name all in capitals ("VBC RTN").
                let org_words = (s..=e).any(|x| self.lex.is_orgword(self.tok(x)))
                    || (name_words >= 2
                        && (s..=e)
                            .filter(|&x| self.doc.tokens[x].is(WORD))
                            .all(|x| self.doc.tokens[x].is(ALLCAPS)));
                // "Frank Church" and "Emily Post" stay people.
                let given_first =
                    self.doc.glue(s, Glue::MaleNames) || self.doc.glue(s, Glue::FemaleNames);
                // A name joined over "and", "&", "for" or "against" is an
                // organisation's ("Customs and Border Protection",
                // "Doctors for Ward Reform"): run_end joins no person's
                // name over them.
                let joined_org = self.joined_over(s, e, &["and", "&", "for", "against"]);
                let org_name = joined_org
                    || (s..=e).any(|x| self.lex.is_orgword(self.tok(x)))
                        && (name_words >= 3 || !given_first);
                let org_words = org_words && (org_name || !given_first);
                // "NATO", "CBP"; not a shouted word ("ABSTRACT").
                let acronym_like =
                    s == e && self.doc.tokens[s].is(ALLCAPS) && (2..=6).contains(&name.len());
                self.entities.push(Entity {
                    name,
                    surname: self.tok(surname_tok),
                    given: (surname_tok > s && !self.is_initial_dot(s + 1))
                        .then(|| self.tok(s))
                        .filter(|_| !org_words),
                    title: None,
                    title_key: None,
                    title_rank: false,
                    affiliation: None,
                    affiliation_anaphor: None,
                    acronym: None,
                    gender: None,
                    kind: SpeakerKind::Unknown,
                    person_evidence: false,
                    org_evidence: org_words || acronym_like,
                    org_name,
                    place: self.lex.is_place(name)
                        || (name_words == 1 && self.lex.is(Glue::Holidays, name)),
                    words: name_words,
                    named_in_body: false,
                });
                self.by_name.insert(name, i);
                // "J. R. Doe" has one name word, but "Doe" is still its
                // surname.
                if (name_words >= 2 || surname_tok > s) && !org_words {
                    self.by_surname
                        .entry(self.tok(surname_tok))
                        .or_default()
                        .push(i);
                    if let Some(g) = self.entities[i].given {
                        self.by_given.entry(g).or_default().push(i);
                    }
                }
                i
            }
        };
        // "the Kremlin", "the Varnholm Evening Leader": "the" before a
        // name without a title marks an institution.
        let _ = first;
        // Not when the name only modifies a noun: "the Trump campaign".
        let modifies = self.doc.tokens.get(e + 1).is_some_and(|t| {
            t.is(WORD)
                && !t.is(crate::pipeline::segment::CAP)
                && self.doc.role(e + 1, self.lex).is_some()
        });
        let the_before = s > 0 && self.tok_is(s - 1, "the") && p.title.is_none() && !modifies;
        if the_before && p.gender.is_none() {
            self.entities[idx].org_evidence = true;
        }
        // "Greenbelt, Maryland": a name followed by a state or country is a
        // place.
        if self.doc.punct_is(e + 1, ',')
            && e + 2 < self.doc.tokens.len()
            && self.is_cap_word(e + 2)
            && self.lex.is_place(self.tok(e + 2))
            && !self.entities[idx].org_evidence
            && p.title.is_none()
        {
            self.entities[idx].place = true;
        }
        // "the International Monetary Fund (IMF)".
        if e + 3 < self.doc.tokens.len()
            && self.doc.punct_is(e + 1, '(')
            && self.doc.tokens[e + 2].is(ALLCAPS)
            && self.doc.punct_is(e + 3, ')')
        {
            self.entities[idx].acronym = Some(self.tok(e + 2));
        }
        self.add_to(idx, p, context);
        Some(idx)
    }

    /// Adds what one occurrence says (title, affiliation, gender) to entity
    /// `idx`, keeping the fullest title and affiliation.
    pub(super) fn add_to(&mut self, idx: usize, p: Parsed, context: Description) {
        // A place is the affiliation of people acting for it (an official
        // title: "Ukrainian PM", "the Ohio senator"), not of private people
        // ("a Sacramento physician").
        let official = |d_title: Option<(usize, usize)>| {
            d_title.is_some_and(|t| {
                self.lex.title(self.span_text(t.0, t.1)).is_some()
                    || self
                        .doc
                        .role(t.1, self.lex)
                        .is_some_and(|r| r.title.is_some() || r.kind != RoleKind::Person)
                    || self.tok(t.1).starts_with("official")
            })
        };
        let keep = |a: Option<(usize, usize)>, t: Option<(usize, usize)>| {
            a.filter(|&(s, e)| {
                let text = self.span_text(s, e);
                let place = self.lex.is_place(text) || self.lex.place_of_adjective(text).is_some();
                !place || official(t) || t.is_none()
            })
        };
        let affiliation = keep(p.affiliation, p.title).or(keep(context.affiliation, context.title));
        // Both titles of one occurrence compete: "General C. Q. Bram,
        // chairman of the Joint Chiefs" is a chairman.
        for t in [p.title, context.title].into_iter().flatten() {
            let text = self.title_text(t);
            let key = self
                .title_at(t.0, t.1)
                .map(|(_, c)| c.to_lowercase())
                .unwrap_or_else(|| text.to_lowercase());
            let rank = self
                .lex
                .title(self.span_text(t.0, t.1))
                .is_some_and(|t| t.rank);
            let ent = &mut self.entities[idx];
            let better = match &ent.title {
                None => true,
                Some(old) => {
                    (ent.title_rank && !rank)
                        || (ent.title_rank == rank && words(&text) > words(old))
                }
            };
            if better {
                ent.title = Some(text);
                ent.title_key = Some(key);
                ent.title_rank = rank;
            }
            ent.person_evidence = true;
        }
        if let Some(a) = affiliation {
            let text = self.affiliation_text(a);
            let ent = &mut self.entities[idx];
            if text != ent.name
                && ent
                    .affiliation
                    .as_ref()
                    .is_none_or(|old| words(&text) > words(old))
            {
                ent.affiliation = Some(text);
            }
        }
        let ent = &mut self.entities[idx];
        if affiliation.is_none() && ent.affiliation_anaphor.is_none() {
            ent.affiliation_anaphor = context.anaphor;
        }
        if p.gender.is_some() && !ent.org_name {
            ent.gender = ent.gender.or(p.gender);
            ent.person_evidence = true;
        }
    }

    /// Decides every entity's kind from its evidence, once the whole
    /// article is read (genders from agreeing pronouns included).
    pub(super) fn settle_kinds(&mut self) {
        // A body someone works for is an organisation: "InfoNation President
        // Dan McVey" makes InfoNation one.
        for i in 0..self.entities.len() {
            let owner = self.entities[i]
                .affiliation
                .as_deref()
                .and_then(|a| self.by_name.get(a).copied());
            if let Some(o) = owner.filter(|&o| o != i && !self.entities[o].place) {
                self.entities[o].org_evidence = true;
            }
        }
        let beside = self.nouns_beside();
        for (i, &(org_noun, person_noun)) in beside.iter().enumerate() {
            let given_name = self.entities[i].given.is_some_and(|g| {
                self.lex.is(Glue::MaleNames, g) || self.lex.is(Glue::FemaleNames, g)
            });
            let singles = self
                .singles
                .get(self.entities[i].surname)
                .copied()
                .unwrap_or(0);
            let ent = &mut self.entities[i];
            if ent.words >= 2 && singles > 0 {
                ent.person_evidence = true;
            }
            ent.person_evidence |= given_name || person_noun;
            ent.org_evidence |= org_noun;
        }
        // Genders from agreeing pronouns, for what is no organisation.
        self.learn_genders();
        for ent in &mut self.entities {
            // A lone capitalised word that is no acronym, place or
            // organisation is most often a surname used without a first
            // name.
            let org = ent.org_name
                || (ent.org_evidence && !(ent.person_evidence && ent.gender.is_some()));
            ent.kind = if org || (ent.place && !ent.person_evidence) {
                SpeakerKind::Organization
            } else {
                SpeakerKind::Person
            };
            if ent.kind == SpeakerKind::Organization {
                ent.title = None;
                ent.title_key = None;
                ent.gender = None;
            }
        }
        self.titles_from_descriptions();
        for (i, ent) in self.entities.iter().enumerate() {
            if ent.kind != SpeakerKind::Person {
                continue;
            }
            if let Some(key) = ent.title_key.as_deref() {
                let head = key.rsplit(' ').next().unwrap_or(key).to_string();
                self.title_holders
                    .entry(head)
                    .and_modify(|h| *h = None)
                    .or_insert(Some(i));
            }
        }
        self.complete_affiliations();
    }

    /// "Johnny O'Dell is determined … The Wasps flanker replaces …": a
    /// sentence opened by a definite description of an occupation refers
    /// to the person last named, close before, and gives them its title
    /// and owner when they have none.
    fn titles_from_descriptions(&mut self) {
        const GAP: usize = 400;
        for si in 0..self.doc.sentences.len() {
            let s = &self.doc.sentences[si];
            let a = s.tokens.start;
            if s.tokens.len() < 4 || !self.tok_is(a, "the") {
                continue;
            }
            // "The [Owner] [modifiers] role" and a lower-case verb after it.
            let mut k = a + 1;
            let owner_start = k;
            while k < s.tokens.end && k < a + 5 && self.is_cap_word(k) && !self.is_stop(k) {
                k += 1;
            }
            let owner = (k > owner_start).then(|| (owner_start, k - 1));
            let head = (k..s.tokens.end.min(k + 4)).find(|&j| self.is_title_noun(j));
            let Some(head) = head else { continue };
            if (k..head).any(|j| !self.doc.tokens[j].is(WORD) || self.is_cap_word(j))
                || !self
                    .doc
                    .tokens
                    .get(head + 1)
                    .is_some_and(|t| t.is(WORD) && !t.is(CAP))
                || self
                    .doc
                    .role(head, self.lex)
                    .is_some_and(|r| r.kind != RoleKind::Person)
            {
                continue;
            }
            let at = self.doc.tokens[a].span.start;
            let antecedent = self
                .occurrences_before(a)
                .find(|o| o.subject && self.entities[o.entity].kind == SpeakerKind::Person)
                .filter(|o| self.doc.tokens[o.first].span.start + GAP >= at)
                .map(|o| o.entity);
            let Some(e) = antecedent else { continue };
            // "… backed Jon Roe's stance. The Varnholm leader …": another
            // person named in full after the subject (with evidence of
            // being one: a given name, an honorific) makes the description
            // ambiguous; it titles nobody.
            let last_person = self
                .occurrences_before(a)
                .find(|o| {
                    let other = &self.entities[o.entity];
                    o.entity == e
                        || (other.kind == SpeakerKind::Person
                            && other.person_evidence
                            && other.words >= 2)
                })
                .map(|o| o.entity);
            if last_person != Some(e) {
                continue;
            }
            if self.entities[e].title.is_none() {
                let text = self.title_text((k, head));
                self.entities[e].title_key = Some(text.to_lowercase());
                self.entities[e].title = Some(text);
            }
            if self.entities[e].affiliation.is_none() {
                if let Some(o) = owner {
                    self.entities[e].affiliation = Some(self.affiliation_text(o));
                }
            }
        }
    }

    /// Affiliations in their fullest form, and for a titled person with
    /// none, the organisation named before them in the sentence that first
    /// names them: "Apple was "pulled into the enterprise," CEO Tim Cook
    /// said" → Apple; "RICS" → "Royal Institute of Chartered Surveyors".
    fn complete_affiliations(&mut self) {
        let mut first_salient = vec![None; self.entities.len()];
        for (k, o) in self.occurrences.iter().enumerate() {
            if o.salient && first_salient[o.entity].is_none() {
                first_salient[o.entity] = Some(k);
            }
        }
        for (i, &first) in first_salient.iter().enumerate() {
            let ent = &self.entities[i];
            if ent.kind != SpeakerKind::Person {
                continue;
            }
            // "Carlineo's attorney, Sonja Zell": a person is no
            // affiliation.
            let of_person = ent.affiliation.as_deref().is_some_and(|a| {
                // A full name, or the surname of one; a lone word ("Wasps")
                // is a person only by default.
                let by_name = self
                    .by_name
                    .get(a)
                    .copied()
                    .filter(|&o| self.entities[o].words >= 2);
                let by_surname = self.by_surname.get(a).and_then(|v| v.first().copied());
                by_name
                    .or(by_surname)
                    .is_some_and(|o| o != i && self.entities[o].kind == SpeakerKind::Person)
            });
            if of_person {
                self.entities[i].affiliation = None;
                continue;
            }
            let ent = &self.entities[i];
            let fuller = match ent.affiliation.as_deref() {
                Some(a) if a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()) => {
                    self.entity_of_acronym(a).filter(|&e| e != i)
                }
                Some(_) => None,
                None => {
                    let titled = ent.title.is_some() && !ent.title_rank;
                    let employer = first
                        .filter(|_| titled)
                        .and_then(|k| self.employer_before(k));
                    // "the group's president Bea Lund", "Jon Roe, a member
                    // of the group": the organisation the noun refers back
                    // to.
                    employer
                        .or_else(|| {
                            let k = ent.affiliation_anaphor?;
                            self.organisation_named_by(self.tok(k), k).filter(|&o| {
                                self.entities[o].kind == SpeakerKind::Organization
                                    && !self.entities[o].place
                            })
                        })
                        .or_else(|| titled.then(|| self.owner_of_role(i)).flatten())
                }
            };
            if let Some(e) = fuller {
                let name = self.entities[e].name;
                self.entities[i].affiliation = Some(Cow::Borrowed(name));
            }
        }
    }

    /// "Ruritania's president has called … President Vold said": the owner
    /// of the article's only possessive description of entity `i`'s title
    /// that names nobody, when no other person holds that title.
    fn owner_of_role(&self, i: usize) -> Option<usize> {
        let key = self.entities[i].title_key.as_deref()?;
        let head = key.rsplit(' ').next().unwrap_or(key);
        if self.title_holders.get(head) != Some(&Some(i)) {
            return None;
        }
        let mut owner = None;
        for k in 1..self.doc.tokens.len().saturating_sub(1) {
            let t = self.doc.tokens[k];
            if !t.is(POSSESSIVE)
                || !self.doc.tokens[k + 1].is(WORD)
                || self.doc.tokens[k + 1].is(CAP)
                || !self.tok(k + 1).eq_ignore_ascii_case(head)
                || self.doc.tokens.get(k + 2).is_some_and(|n| n.is(CAP))
            {
                continue;
            }
            let Some(o) = self.occurrences_at(k - 1).filter(|&o| o != i) else {
                continue;
            };
            match owner {
                None => owner = Some(o),
                Some(x) if x == o => {}
                Some(_) => return None,
            }
        }
        // A country or a body, or a lone name with nothing to show it is a
        // person's.
        owner.filter(|&o| {
            let ent = &self.entities[o];
            ent.kind == SpeakerKind::Organization || (ent.words == 1 && !ent.person_evidence)
        })
    }

    /// The organisation named last before entity `i`'s first salient
    /// occurrence (the `k`th), in the same sentence.
    fn employer_before(&self, k: usize) -> Option<usize> {
        let first = self.occurrences[k];
        let sentence = self.doc.tokens[first.first].sentence;
        self.occurrences[..k]
            .iter()
            .rev()
            .take_while(|o| self.doc.tokens[o.first].sentence == sentence)
            .find(|o| {
                let ent = &self.entities[o.entity];
                ent.kind == SpeakerKind::Organization && !ent.place
            })
            .map(|o| o.entity)
    }

    /// For every entity, whether an organisation noun ("the company",
    /// "hedge fund") or a person's role noun stands right beside one of its
    /// occurrences: "WeWork, the company,", "property website Rightmove".
    fn nouns_beside(&self) -> Vec<(bool, bool)> {
        let mut out = vec![(false, false); self.entities.len()];
        for o in &self.occurrences {
            let a = o.first;
            let kind_at = |k: usize| {
                self.doc.tokens[k].is(WORD)
                    && !self.is_cap_word(k)
                    && !self.doc.glue(k, Glue::Determiners)
            };
            if a > 0 && kind_at(a - 1) {
                match self.doc.role(a - 1, self.lex).map(|r| r.kind) {
                    Some(RoleKind::Organization) => out[o.entity].0 = true,
                    Some(RoleKind::Person) => out[o.entity].1 = true,
                    _ => {}
                }
            }
            // ", the company," / ", a retailer": the apposition's head.
            let mut k = a;
            while k < self.doc.tokens.len() && k < a + 6 && self.is_name_token(k) {
                k += 1;
            }
            // "the Tallow leader", "the Varnholm keeper": one word between
            // "the" and a role noun owns the role; it is a body, not a
            // person.
            if k == a + 1
                && a > 0
                && self.tok(a - 1).eq_ignore_ascii_case("the")
                && k < self.doc.tokens.len()
                && kind_at(k)
                && self
                    .lex
                    .role(self.tok(k))
                    .is_some_and(|r| r.kind == RoleKind::Person && r.titled)
            {
                out[o.entity].0 = true;
            }
            // "Big Widget have denied it": a plural verb.
            if k < self.doc.tokens.len()
                && k > a + 1
                && self.doc.tokens[k].is(WORD)
                && self.doc.glue(k, Glue::PluralVerbs)
            {
                out[o.entity].0 = true;
            }
            if k + 2 < self.doc.tokens.len()
                && self.doc.punct_is(k, ',')
                && self.doc.glue(k + 1, Glue::Determiners)
            {
                // The first role noun: "a spokesman for Tallow Investment".
                let head = (k + 2..(k + 6).min(self.doc.tokens.len()))
                    .take_while(|&j| {
                        self.doc.tokens[j].is(WORD) && !self.doc.glue(j, Glue::ContentStops)
                    })
                    .find_map(|j| self.doc.role(j, self.lex));
                match head.map(|r| r.kind) {
                    Some(RoleKind::Organization) => out[o.entity].0 = true,
                    Some(RoleKind::Person) => out[o.entity].1 = true,
                    _ => {}
                }
            }
        }
        out
    }

    /// Whether token `k` can be part of a name run.
    fn is_name_token(&self, k: usize) -> bool {
        (self.is_cap_word(k) && !self.is_stop(k))
            || self.is_initial_dot(k)
            || (self.doc.tokens[k].is(WORD) && self.doc.glue(k, Glue::Particles))
    }

    /// Entity of the surname `word`: the most recent fuller name before
    /// token `at`, else the first one after it.
    pub(super) fn by_surname_near(
        &self,
        word: &str,
        at: usize,
        gender: Option<char>,
    ) -> Option<usize> {
        self.variant_near(self.by_surname.get(word)?, at, gender)
    }

    /// Entity of the given name `word` used alone ("Sharon said"): a person
    /// whose full name starts with it, the most recent first.
    pub(super) fn by_given_near(&self, word: &str, at: usize) -> Option<usize> {
        self.variant_near(self.by_given.get(word)?, at, None)
            .filter(|&e| !self.entities[e].org_evidence && self.entities[e].named_in_body)
    }

    /// Of the candidate entities, the most recent one named before `at`
    /// that agrees in gender, else the first one.
    fn variant_near(&self, cands: &[usize], at: usize, gender: Option<char>) -> Option<usize> {
        let ok = |e: usize| {
            gender.is_none()
                || self.entities[e].gender.is_none()
                || self.entities[e].gender == gender
        };
        let before = self
            .occurrences_before(at)
            .filter(|o| cands.contains(&o.entity) && ok(o.entity))
            .map(|o| o.entity)
            .next();
        before.or_else(|| cands.iter().copied().find(|&e| ok(e)))
    }

    /// An organisation known only by its acronym ("CBP") takes the name
    /// the article spells it out with elsewhere ("Customs and Border
    /// Protection"), when no bracket tied the two together.
    pub(super) fn spell_out_acronyms(&mut self) {
        for i in 0..self.entities.len() {
            let e = &self.entities[i];
            // "CBP", or "Chinese CDC": an acronym after a place adjective.
            let acronym = match e.name.split_once(' ') {
                None if e.org_evidence => e.name,
                Some((adjective, rest))
                    if e.words == 2 && self.lex.place_of_adjective(adjective).is_some() =>
                {
                    rest
                }
                _ => continue,
            };
            if e.acronym.is_some()
                || acronym.len() < 3
                || !acronym.bytes().all(|b| b.is_ascii_uppercase())
            {
                continue;
            }
            // A name in the table with these initials ("Center for Disease
            // Control and Prevention" for "CDC"), else the first run of
            // words that spells them.
            let known = self
                .entities
                .iter()
                .find(|x| x.words >= 2 && self.initials_match(x.name, acronym))
                .map(|x| x.name);
            let full =
                known.or_else(|| self.spelled_out(acronym).map(|(a, b)| self.span_text(a, b)));
            if let Some(full) = full {
                self.entities[i].acronym = Some(acronym);
                self.entities[i].name = full;
                self.entities[i].kind = SpeakerKind::Organization;
            }
        }
    }

    /// The entity whose name has `acronym` as initials, or that the article
    /// gave this acronym: "IMF", "CBP", "JK" for Jon Kingsley.
    pub(super) fn entity_of_acronym(&self, acronym: &str) -> Option<usize> {
        if let Some(i) = self
            .entities
            .iter()
            .position(|e| e.acronym == Some(acronym))
        {
            return Some(i);
        }
        self.entities
            .iter()
            .position(|e| e.words >= 2 && self.initials_match(e.name, acronym))
    }

    /// Whether `acronym` is made of the initials of the capitalised words
    /// of `name`: all of them ("IMF"), or all but a leading place
    /// adjective ("Chinese Center for Disease Control" → "CDC"), of the
    /// whole name or of its part before "and".
    fn initials_match(&self, name: &'t str, acronym: &str) -> bool {
        if acronym.len() < 2 {
            return false;
        }
        let matches = |words: &str| {
            let mut initials = words
                .split([' ', '-'])
                .filter(|w| w.starts_with(char::is_uppercase))
                .filter_map(|w| w.chars().next());
            let mut want = acronym.chars();
            loop {
                match (initials.next(), want.next()) {
                    (None, None) => return true,
                    (Some(a), Some(b)) if a == b => {}
                    _ => return false,
                }
            }
        };
        let without_adjective = |name: &'t str| {
            name.split_once(' ')
                .filter(|(first, _)| self.lex.place_of_adjective(first).is_some())
                .map(|(_, rest)| rest)
        };
        // "CDC" for "Center for Disease Control and Prevention": an
        // acronym older than the last part of the name.
        let before_and = name
            .split_once(" and ")
            .map(|(head, _)| head)
            .filter(|_| acronym.len() >= 3);
        [Some(name), before_and]
            .into_iter()
            .flatten()
            .flat_map(|n| [Some(n), without_adjective(n)])
            .flatten()
            .any(matches)
    }

    /// A person named as a sentence subject and referred to by a gendered
    /// pronoun later in the same sentence, before any other name, has that
    /// gender: "Jane Roe, 18, was dubious when she …".
    fn learn_genders(&mut self) {
        const WINDOW: usize = 40;
        for oi in 0..self.occurrences.len() {
            let o = self.occurrences[oi];
            if !o.subject || self.entities[o.entity].gender.is_some() {
                continue;
            }
            let sentence = self.doc.tokens[o.first].sentence as usize;
            let s_end = self.doc.sentences[sentence].tokens.end;
            let mut j = o.first;
            while j < s_end && (self.is_cap_word(j) || self.is_initial_dot(j)) {
                j += 1;
            }
            let mut gender = None;
            for k in j..s_end.min(j + WINDOW) {
                if !self.doc.tokens[k].is(WORD) {
                    continue;
                }
                if self.is_cap_word(k) && !self.is_stop(k) {
                    break;
                }
                if self.doc.glue(k, Glue::MalePronouns) {
                    gender = Some('m');
                    break;
                }
                if self.doc.glue(k, Glue::FemalePronouns) {
                    gender = Some('f');
                    break;
                }
            }
            if let Some(g) = gender {
                let ent = &mut self.entities[o.entity];
                if !ent.org_evidence {
                    ent.gender = Some(g);
                    ent.person_evidence = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::event::{ResolvedBy, SpeakerKind};

    #[test]
    fn the_company_named_with_the_is_an_organisation() {
        let r = speakers("The Varnholm Argus Leader reported that the mill would close.");
        assert_eq!(r[0].1, SpeakerKind::Organization, "{r:?}");
        let r = speakers("Acme Widgets, the company behind the mill, said it would close.");
        assert_eq!(r[0].1, SpeakerKind::Organization, "{r:?}");
        let r = speakers("Ana Vold said the mill would close.");
        assert_eq!(r[0].1, SpeakerKind::Person, "{r:?}");
    }

    #[test]
    fn given_names_initials_and_acronyms_resolve_to_the_full_name() {
        let text = "Sharon Vold said the mill would close.\n\nSharon said the workers were told.\n\n\
                    The International Widget Fund (IWF) said it agreed.\n\nThe IWF said talks went on.";
        let r = speakers(text);
        assert_eq!(r.len(), 4, "{r:?}");
        assert_eq!(r[1].0.as_deref(), Some("Sharon Vold"));
        assert_eq!(r[3].0.as_deref(), Some("International Widget Fund"));
        assert_eq!(r[3].1, SpeakerKind::Organization);
        assert_eq!(r[3].2, ResolvedBy::Name);
    }

    #[test]
    fn a_sentence_opened_by_a_description_titles_the_person_before() {
        let text = "Jon Roe is set for his first start on Saturday.\n\n\
                    The Varnholm flanker replaces Ana Vold in the side. Roe said the team was ready.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Jon Roe"), "{r:?}");
        assert_eq!(
            (r[0].3.as_deref(), r[0].4.as_deref()),
            (Some("flanker"), Some("Varnholm"))
        );
        // Another person named after the subject: the description is
        // ambiguous and titles neither.
        let text = "Jon Roe spoke on Sunday.\n\nHis aide met Ana Vold in the hall. \
                    The Varnholm leader opened the hall. Roe said the team was ready.";
        let r = speakers(text);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0.as_deref(), Some("Jon Roe"), "{r:?}");
        assert_eq!(
            (r[0].3.as_deref(), r[0].4.as_deref()),
            (None, None),
            "{r:?}"
        );
    }

    #[test]
    fn one_word_owning_a_role_is_a_body_not_a_person() {
        let r = speakers("The Tallow leader opened the hall. Tallow said the vote was lost.");
        assert_eq!(r[0].0.as_deref(), Some("Tallow"), "{r:?}");
        assert_eq!(r[0].1, SpeakerKind::Organization, "{r:?}");
        // Alone, a capitalised word is a person by default.
        let r = speakers("Tallow opened the hall. Tallow said the vote was lost.");
        assert_eq!(r[0].1, SpeakerKind::Person, "{r:?}");
    }

    #[test]
    fn a_titled_person_works_for_the_body_named_before() {
        let r = speakers("Acme Widgets Corp grew fast, CEO Ana Vold said on Monday.");
        assert_eq!(r[0].4.as_deref(), Some("Acme Widgets Corp"), "{r:?}");
        // Nobody named before: no affiliation is invented.
        let r = speakers("CEO Ana Vold said on Monday the firm grew fast.");
        assert_eq!(r[0].4, None, "{r:?}");
    }
}
