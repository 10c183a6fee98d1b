//! Resolving pronouns to a salient antecedent that agrees with them.
//!
//! A person pronoun takes the later of the previous statement's speaker and
//! the last person named as a sentence subject, when it agrees in gender and
//! was named close enough before (`MAX_PRONOUN_GAP`). Places, holidays,
//! credits and headline names are never antecedents. "They" and "it" take
//! the last organisation or group that spoke, or was named as a subject,
//! within `GROUP_PRONOUN_GAP`.

use super::{ResolvedSpeaker, Resolver, GROUP_PRONOUN_GAP, MAX_LOOKBACK, MAX_PRONOUN_GAP};
use crate::event::{ResolvedBy, SpeakerKind};
use crate::lexicon::Pronoun;
use crate::pipeline::attribute::Mention;

impl<'t> Resolver<'_, 't> {
    /// Resolves the pronoun `m` (`p`), given the speakers resolved before.
    pub(super) fn resolve_pronoun(
        &self,
        m: Mention,
        p: Pronoun,
        previous: &[ResolvedSpeaker<'t>],
    ) -> ResolvedSpeaker<'t> {
        let mention = self.doc.span(m.first, m.last);
        // Distances count from where the statement starts: in "“…,” he
        // said" the reader meets the quote before the pronoun.
        let here = mention.start.min(self.current);
        let agrees = |e: usize| {
            let ent = &self.entities[e];
            let g = ent.gender;
            (p.gender.is_none() || g.is_none() || g == p.gender) && !ent.place
        };
        let unresolved = |kind| ResolvedSpeaker {
            name: None,
            kind,
            mention: Some(mention),
            resolved_by: ResolvedBy::None,
            title: None,
            affiliation: None,
            entity: None,
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
            let subject = self
                .occurrences_before(m.first)
                .filter(|o| {
                    o.subject
                        && self.entities[o.entity].kind == SpeakerKind::Person
                        && self.entities[o.entity].person_evidence
                        && agrees(o.entity)
                })
                .map(|o| (o.first, o.entity))
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
                self.occurrences_before(m.first)
                    .find(|o| o.entity == e && o.salient)
                    .map(|o| self.doc.tokens[o.first].span.start)
            };
            // An antecedent named too far back is a guess more often wrong
            // than right: leave the pronoun unresolved instead.
            let near = |at: Option<usize>| at.is_some_and(|a| here <= a + MAX_PRONOUN_GAP);
            if subject_later {
                if let Some((pos, e)) = subject {
                    let seen = last_named(e).max(Some(self.doc.tokens[pos].span.start));
                    if near(seen) {
                        return self.speaker_of(e, mention, ResolvedBy::Pronoun);
                    }
                }
            }
            // The previous speaker: when no subject came after them, or the
            // one that did is too far back.
            if let Some(s) = prev {
                let seen = s.entity.and_then(last_named).max(prev_pos);
                if near(seen) {
                    return ResolvedSpeaker {
                        mention: Some(mention),
                        resolved_by: ResolvedBy::Pronoun,
                        ..s.clone()
                    };
                }
            }
            // "… thinks Jon Roe, editor of Tallow Weekly. “…,” he said":
            // with no subject and no speaker to take, the only person the
            // previous sentence names.
            let start = self
                .doc
                .tokens
                .partition_point(|t| t.span.start < here)
                .min(m.first);
            if let Some(e) = self.sole_person_of_previous_sentence(start, &agrees) {
                return self.speaker_of(e, mention, ResolvedBy::Pronoun);
            }
            return unresolved(SpeakerKind::Person);
        }
        let want = if p.group {
            SpeakerKind::Group
        } else {
            SpeakerKind::Organization
        };
        let fits = |k: SpeakerKind| k == want || k == SpeakerKind::Organization;
        // The last organisation or group that spoke close before.
        let spoke = previous
            .iter()
            .enumerate()
            .rev()
            .take(4)
            .find(|(_, s)| fits(s.kind) && s.name.is_some())
            .map(|(i, s)| {
                let at = s
                    .mention
                    .map(|m| m.start)
                    .or_else(|| self.positions.get(i).copied())
                    .unwrap_or(0);
                (at, s)
            })
            .filter(|(at, _)| here <= at + GROUP_PRONOUN_GAP);
        // The last organisation named as a subject close before: "Big
        // Machine have denied it. … they said".
        let named = self
            .occurrences_before(m.first)
            .find(|o| {
                o.subject
                    && self.entities[o.entity].kind == SpeakerKind::Organization
                    && !self.entities[o.entity].place
            })
            .map(|o| (self.doc.tokens[o.first].span.start, o.entity))
            .filter(|(at, _)| here <= at + GROUP_PRONOUN_GAP);
        match (spoke, named) {
            (Some((at, _)), Some((n_at, e))) if n_at > at => {
                self.speaker_of(e, mention, ResolvedBy::Pronoun)
            }
            (Some((_, s)), _) => ResolvedSpeaker {
                mention: Some(mention),
                resolved_by: ResolvedBy::Pronoun,
                ..s.clone()
            },
            (None, Some((_, e))) => self.speaker_of(e, mention, ResolvedBy::Pronoun),
            (None, None) => unresolved(want),
        }
    }
}

impl Resolver<'_, '_> {
    /// The one person named (with evidence of being one) in the sentence
    /// before the one holding token `at` (where the statement starts), if
    /// they agree.
    fn sole_person_of_previous_sentence(
        &self,
        at: usize,
        agrees: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let here = self.doc.tokens[at].sentence as usize;
        let before = here.checked_sub(1)?;
        let mut found = None;
        for o in self.occurrences_before(at) {
            let s = self.doc.tokens[o.first].sentence as usize;
            if s == here {
                continue;
            }
            if s < before {
                break;
            }
            let ent = &self.entities[o.entity];
            if !o.salient || ent.kind != SpeakerKind::Person || !ent.person_evidence {
                continue;
            }
            match found {
                None => found = Some(o.entity),
                Some(e) if e == o.entity => {}
                Some(_) => return None,
            }
        }
        found.filter(|&e| agrees(e))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::event::ResolvedBy;

    #[test]
    fn pronouns_agree_in_gender_with_honorifics() {
        let text = "Mr. Tom Bell said the mill would close. Mrs. Ann Roe said it would not.\n\nHe said the owners had decided.";
        let r = speakers(text);
        assert_eq!(r[2].0.as_deref(), Some("Tom Bell"), "{r:?}");
    }

    #[test]
    fn sentence_adverbs_and_prepositions_are_no_antecedents() {
        // "Recently", "Along" open a sentence and are no names.
        let text = "Ana Vold moved to Tallow in 2010. Recently, she said, the town has changed.\n\nAlong with her husband, she gave to the campaign. “It was time,” she said.";
        let r = speakers(text);
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(
            r.iter().all(|s| s.0.as_deref() == Some("Ana Vold")),
            "{r:?}"
        );
        // An adverb-like name opening a sentence is still a name.
        let text = "Kelly Roe joined the board. Kelly, 44, said the plan would work.";
        let r = speakers(text);
        assert_eq!(r[0].0.as_deref(), Some("Kelly Roe"), "{r:?}");
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
    fn unresolved_pronouns_stay_unknown() {
        let r = speakers("He said the roads were closed.");
        assert_eq!((r[0].0.as_deref(), r[0].2), (None, ResolvedBy::None));
    }

    #[test]
    fn places_holidays_and_headlines_are_never_antecedents() {
        let text = "Acme Widgets Corp said the plant would close.\n\n\
                    The plant stands in Detroit. It said the workers would be paid.";
        let r = speakers(text);
        assert_eq!(r[1].0.as_deref(), Some("Acme Widgets Corp"), "{r:?}");
        let r = speakers("Christmas Day was quiet at the mill. She said the gates stayed shut.");
        assert_eq!(r[0].0, None, "{r:?}");
        let r = speakers("Vold Blames Levy For Losses\n\nHe said the fund was empty.");
        assert_eq!(r[0].0, None, "{r:?}");
    }

    #[test]
    fn an_organisation_named_as_subject_is_they_and_it() {
        let text = "Big Widget have twice denied doing anything wrong. \
                    “We never blocked the tour,” they said in a statement.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Big Widget"), "{r:?}");
    }

    #[test]
    fn a_name_inside_a_reported_clause_is_no_subject() {
        let text = "Acme Corp said Tallow Holdings' opposition would not change its bid. \
                    “The bid is in the interest of our shareholders,” it said.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Acme Corp"), "{r:?}");
    }

    #[test]
    fn the_subject_of_a_subordinate_clause_is_in_focus_when_the_main_clause_names_none() {
        let text = "Jon Roe said the vote was lost. His words came as Ana Vold backed the plan. \
                    In a statement, she said the plan was sound.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Ana Vold"), "{r:?}");
        // The main clause's named subject keeps the focus.
        let text = "Jon Roe said the vote was lost while Tom Bell watched. \
                    Later, he said the count was fair.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Jon Roe"), "{r:?}");
    }

    #[test]
    fn distances_count_from_the_start_of_the_quote() {
        let long = "the plan will work and the workers will be paid in full ".repeat(12);
        let text = format!("Tom Bell spoke on Monday.\n\n“{long}and that is all,” he said.");
        let r = speakers(&text);
        assert_eq!(r[0].0.as_deref(), Some("Tom Bell"), "{r:?}");
    }

    #[test]
    fn with_nobody_else_to_take_he_is_the_one_person_of_the_sentence_before() {
        let text =
            "Sales fell, which could be just the start, thinks Jon Roe, editor of Tallow Weekly. \
                    “We expect the figures to leap,” he said.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Jon Roe"), "{r:?}");
        // Two people named there: whose words they are is unclear.
        let text =
            "Sales fell, which could be just the start, thinks Jon Roe, who works with Ana Vold. \
                    “We expect the figures to leap,” he said.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0, None, "{r:?}");
    }

    #[test]
    fn owners_and_members_of_a_list_are_no_subjects() {
        // "Roe's injury means …": the owner is not the subject; one of a
        // list is no singular subject. "He" goes on with the last speaker.
        let text = "“It is a big blow,” said Tom Bell on Sunday.\n\n\
                    Young players Jon Roe, Ed Lund and Sam Tull would be options. \
                    Roe's injury also means the team is short.\n\n\
                    “We will have to wait and see,” he said.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Tom Bell"), "{r:?}");
        // A subject of its own still takes the pronoun.
        let text = "“It is a big blow,” said Tom Bell on Sunday.\n\n\
                    Jon Roe is out for a month.\n\n“We will have to wait and see,” he said.";
        let r = speakers(text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Jon Roe"), "{r:?}");
    }

    #[test]
    fn a_subject_too_far_back_leaves_the_pronoun_to_the_last_speaker() {
        let filler = "The club has had a long run of bad luck with injuries this year. ".repeat(9);
        let text = format!(
            "Jon Roe left the club in May.\n\n{filler}\n\n“It is a blow,” said Tom Bell. \
             The squad is thin.\n\n“We will wait and see,” he said."
        );
        let r = speakers(&text);
        assert_eq!(r.last().unwrap().0.as_deref(), Some("Tom Bell"), "{r:?}");
    }
}
