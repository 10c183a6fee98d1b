//! Resolving a mention that is not a pronoun: a full name, a surname, an
//! acronym, or a role description owned by an entity ("the senator",
//! "a Twitter spokesman").

use super::{ResolvedSpeaker, Resolver};
use crate::event::{ResolvedBy, SpeakerKind};
use crate::lexicon::{Glue, RoleKind};
use crate::pipeline::attribute::Mention;
use crate::pipeline::segment::{ALLCAPS, CAP, POSSESSIVE, WORD};
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

impl<'t> Resolver<'_, 't> {
    /// Entity of the surname `word`: the most recent fuller name before
    /// token `at`, else the first one after it.
    pub(super) fn by_surname_near(
        &self,
        word: &str,
        at: usize,
        gender: Option<char>,
    ) -> Option<usize> {
        let cands = self.by_surname.get(word)?;
        let ok = |e: usize| {
            gender.is_none()
                || self.entities[e].gender.is_none()
                || self.entities[e].gender == gender
        };
        let before = self
            .occurrences_before(at)
            .filter(|(_, e, _)| cands.contains(e) && ok(*e))
            .map(|(_, e, _)| *e)
            .next();
        before.or_else(|| cands.iter().copied().find(|&e| ok(e)))
    }

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
            let found = self
                .occurrences_before(m.first)
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
            let found = self
                .occurrences_before(m.first)
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::event::{ResolvedBy, SpeakerKind};

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
}
