//! Reported (indirect) speech: `X said (that) CLAUSE`, tail attributions
//! (`CLAUSE, X said.`), participles (`…, saying CLAUSE`) and the relative
//! pronoun before a verb of saying (`the levy, which Roe said was a tax`).
//! The clause after the cue is read in `forward`, source phrases in
//! `sources`, objects and hearers in `objects`, reports by a verb of
//! quoting in `quoting`.

use super::{Attributor, Statement};
use crate::event::Attribution;
use crate::lexicon::{CueFrame, Glue};
use crate::pipeline::segment::{DOUBLE_MARK, IN_QUOTE};

impl Attributor<'_, '_> {
    /// Pass 3: every cue not used by a quote reports the clause it
    /// governs, or the question it asks.
    pub(super) fn indirect(&mut self) {
        for c in 0..self.cues.len() {
            if self.cue_used[c] {
                continue;
            }
            let cue = self.cues[c].clone();
            let info = cue.info(self.lex).clone();
            // "Reuters reported that the commission said …": speech reported
            // inside reported speech is a statement too; a belief or stance
            // there is part of what was said.
            if info.attribution != Attribution::Speech && self.inside_content(cue.first) {
                continue;
            }
            // A cue of a class not asked for, or a speech act that did not
            // happen ("did not say", "declined to say"), reports nothing.
            if !self.enabled.contains(info.attribution) || self.unsaid(c) || self.shows_up(c) {
                continue;
            }
            // "the levy, which Roe said was a tax": the relative pronoun is
            // a statement of its own.
            if let Some(rel) = self.relative_content(c) {
                self.out.push(rel);
            }
            let st = if info.question && info.past && self.passive_question(c) {
                self.question_statement(c)
                    .or_else(|| self.passive_statement(c))
            } else if info.past && self.passive_statement(c).is_some() {
                self.passive_statement(c)
            } else {
                match info.frame {
                    CueFrame::Source => self.source_statement(c),
                    CueFrame::Subject => self.subject_statement(c),
                    CueFrame::Clause | CueFrame::Object => self.verb_statement(c),
                }
            };
            if let Some(st) = st {
                self.cue_used[c] = true;
                // "X, she said, Y.": the part after the attribution is a
                // statement of its own.
                let second = if info.frame == CueFrame::Subject {
                    self.raising_predicate(c, &st)
                } else {
                    self.after_parenthetical(c, &st)
                };
                if let Some(outer) = self.quoting_statement(c, &st) {
                    self.out.push(outer);
                }
                self.out.push(st);
                if let Some(second) = second {
                    self.out.push(second);
                }
            }
        }
    }

    /// `the levy, which Roe said was a tax`, `Vold, who he said was a
    /// friend`: a relative pronoun right before the short subject of a
    /// verb of saying that takes a clause is what was said, as PolNeAR
    /// annotates it (not a verb of naming: "which the ministry calls a
    /// charge" names it, as the samples' gold draws it; train:
    /// 32 of 43 such pronouns with no preposition before them are gold,
    /// none of 21 after one, "in which he said";
    /// `scripts/analysis/relative-contents.py`; the rule adds 37
    /// statements there, 28 right).
    fn relative_content(&self, c: usize) -> Option<Statement> {
        const MAX_SUBJECT_TOKENS: usize = 4;
        let cue = &self.cues[c];
        let info = cue.info(self.lex);
        if !info.is_speech_verb() || info.participle || self.doc.tokens[cue.first].is(IN_QUOTE) {
            return None;
        }
        let (s_start, _) = self.sent_range(cue.first);
        // Cheap test first: a relative pronoun close before the verb (the
        // subject, a time phrase, adverbs and a ", however," between).
        let near = cue
            .first
            .saturating_sub(MAX_SUBJECT_TOKENS + 12)
            .max(s_start)..cue.first;
        if !near
            .into_iter()
            .any(|k| self.is_word(k) && self.doc.glue(k, Glue::Relative))
        {
            return None;
        }
        let m = self.mention_left(cue.first, s_start)?;
        if m.first <= s_start || m.apposition.is_some() || m.last - m.first >= MAX_SUBJECT_TOKENS {
            return None;
        }
        let rel = m.first - 1;
        if !self.is_word(rel)
            || !self.doc.glue(rel, Glue::Relative)
            || self.doc.tokens[rel].is(IN_QUOTE)
        {
            return None;
        }
        // "in which he said …": the pronoun is an adjunct of the clause.
        if rel > s_start
            && self.is_word(rel - 1)
            && (self.doc.glue(rel - 1, Glue::ContentStops)
                || self.doc.glue(rel - 1, Glue::Adverbials))
        {
            return None;
        }
        Some(Statement {
            confidence: 0.6,
            priority: 3,
            ..self.reported(c, rel, rel + 1, Some(m))?
        })
    }

    /// Whether cue `c` means showing up somewhere, not seeming: a `venue`
    /// cue before a place word or a day ("appeared at the rally",
    /// "appeared Sunday"). PolNeAR train: 56 such statements, 4 right
    /// (`scripts/analysis/appear-places.py`).
    fn shows_up(&self, c: usize) -> bool {
        let cue = &self.cues[c];
        let k = cue.last + 1;
        cue.info(self.lex).venue
            && k < self.doc.tokens.len()
            && self.is_word(k)
            && (self.doc.glue(k, Glue::Venues) || self.doc.glue(k, Glue::Calendar))
    }

    /// Verb cues: `X said (that) CLAUSE`, `CLAUSE, X said.`, `…, saying CLAUSE`.
    fn verb_statement(&self, c: usize) -> Option<Statement> {
        let cue = &self.cues[c];
        let info = cue.info(self.lex);
        let (s_start, s_end) = self.sent_range(cue.first);
        // A belief as a participle ("…, hoping to avoid the rain") is the
        // main clause subject's, as a verb of saying is (PolNeAR train: 17
        // of 21 right).
        let belief = info.is_belief_verb();
        let object = info.frame == CueFrame::Object;

        // Who: the subject to the left, an inversion, or the main clause's
        // subject for a participle or a coordinated verb ("… and has
        // accused Beijing of …").
        let coordinated = {
            let mut j = cue.first;
            while j > s_start
                && cue.first - j < 3
                && self.is_word(j - 1)
                && self.doc.glue(j - 1, Glue::BetweenSubjectAndVerb)
            {
                j -= 1;
            }
            j > s_start && (self.tok_is(j - 1, "and") || self.tok_is(j - 1, "but"))
        };
        // "…, but questions were raised": after "and" or "but", a cue form
        // with an auxiliary right after it is a noun, that verb's subject
        // ("but criticised rises in rates" keeps its verb).
        let auxiliary = |j: usize| {
            self.doc.glue(j, Glue::FiniteVerbs)
                && (self.doc.glue(j, Glue::Passive)
                    || self.doc.glue(j, Glue::BetweenSubjectAndVerb))
        };
        if coordinated
            && cue.last + 1 < s_end
            && self.is_word(cue.last + 1)
            && auxiliary(cue.last + 1)
        {
            return None;
        }
        // "The group is urging …": a participle after a form of "be" is a
        // finite verb, with its subject to the left of "be".
        let progressive = info.participle
            && cue.first > s_start
            && self.is_word(cue.first - 1)
            && self.doc.glue(cue.first - 1, Glue::Progressive);
        // "The paper quoted a spokesman for Roe Capital as saying …",
        // "It quoted Roe complaining that …": the one quoted speaks; "…,
        // with the Herald calling it …": the Herald does.
        let quoted = if info.participle && !progressive {
            self.quoted_object(cue.first, s_start).map(|(_, m)| m)
        } else {
            None
        };
        let participle = info.participle && !progressive && quoted.is_none();
        let verb = if progressive {
            cue.first - 1
        } else {
            cue.first
        };
        let left = if quoted.is_some() {
            quoted
        } else if participle || coordinated {
            None
        } else {
            self.mention_left(verb, s_start).or_else(|| {
                // Verbs of saying with a clause only: a belief or stance
                // needs a real speaker phrase.
                (info.attribution == Attribution::Speech && info.frame == CueFrame::Clause)
                    .then(|| self.long_subject(s_start, verb))
                    .flatten()
            })
        };
        let mut inverted = None;
        if left.is_none() && !participle && !belief && !object && !coordinated {
            inverted = self
                .mention_right(cue.last + 1, s_end, false)
                .or_else(|| self.inverted_description(cue.last + 1, s_end));
        }
        let mention = if participle || coordinated {
            self.main_subject(cue.first)
        } else {
            left.or(inverted)
        };
        let mention = mention?;
        // Stance and belief verbs need a real speaker phrase.
        if object && mention.loose {
            return None;
        }

        // Tail attribution: CLAUSE, X said.
        let after = match inverted {
            Some(m) => m.apposition.map(|a| a.1).unwrap_or(m.last + 1),
            None => cue.last + 1,
        };
        let mut k = after;
        while k < s_end
            && self.is_word(k)
            && self.doc.glue(k, Glue::Adverbials)
            && !self.tok_is(k, "that")
        {
            k += 1;
        }
        // "…, Roe insisted Thursday during a radio tour.": a time or place
        // phrase after the verb, with no clause of its own, still ends it.
        let adverbial_rest = || {
            let first = self.tok(after);
            after < s_end
                && self.is_word(after)
                && (self.doc.glue(after, Glue::Calendar)
                    || matches!(
                        first.to_ascii_lowercase().as_str(),
                        "on" | "in" | "at" | "during" | "after" | "before" | "while" | "last"
                    ))
                && s_end - after <= 15
                && (after..s_end).all(|j| {
                    !self.tok_is(j, "that")
                        && self.cue_starting_at(j).is_none_or(|c| {
                            let info = self.cues[c].info(self.lex);
                            info.is_belief_verb() || info.frame == CueFrame::Object
                        })
                        && !self.doc.tokens[j].is(DOUBLE_MARK)
                        && !self.is_punct(j, &[",", ";", ":"])
                })
        };
        let attribution_start = if inverted.is_some() {
            cue.first
        } else {
            mention.first
        };
        // The adverbial rest counts only for a tag after a comma: "…, Roe
        // said on Monday.", not "Roe said on Monday the plan …".
        let after_comma = (attribution_start.saturating_sub(5).max(s_start)..attribution_start)
            .any(|j| self.is_punct(j, &[",", "—"]));
        // "…, Cook told Benioff." / "…, he told reporters on Monday.": the
        // hearer of a verb that takes one, with no clause of its own.
        let addressee_rest = || {
            info.addressee
                && after < s_end
                && self.is_word(after)
                && s_end - after <= 8
                && (after..s_end).all(|j| {
                    let w = self.tok(j);
                    !self.tok_is(j, "that")
                        && self.cue_starting_at(j).is_none()
                        && !self.doc.tokens[j].is(DOUBLE_MARK)
                        && !self.is_punct(j, &[",", ";", ":", "—", "–"])
                        && !(self.is_word(j)
                            && !self.is_cap(j)
                            && (self.doc.glue(j, Glue::FiniteVerbs)
                                || (w.len() > 4 && w.ends_with("ed"))))
                })
        };
        let at_end = k >= s_end
            || self.is_punct(k, &[".", "!", "?", "”", "\"", ","])
            || (after_comma && (adverbial_rest() || addressee_rest()));
        // "They cautioned, however, that …": a comma after a cue that opens
        // its clause starts the content rather than ending it.
        let opens_clause = attribution_start <= s_start
            || attribution_start == self.clause_subject_start(s_start, attribution_start);
        let at_end = at_end && !(opens_clause && k < s_end && self.is_punct(k, &[","]));
        if at_end && !participle {
            if attribution_start == 0 {
                return None;
            }
            // "As the Post reported, CLAUSE."
            let as_lead = attribution_start > s_start
                && self.tok_is(attribution_start - 1, "as")
                && attribution_start - 1 == self.clause_subject_start(s_start, attribution_start);
            if as_lead && k < s_end && self.is_punct(k, &[","]) {
                return self.forward_statement(c, mention, k + 1, s_end, None);
            }
            // The clause ends in a comma, or in a quote closed after one:
            // `…, Roe said.` / `… may be “strategic,” said Roe.`
            let mut comma = attribution_start - 1;
            // "…, Democratic vice presidential candidate Jon Roe said.": a
            // few modifiers of the speaker may stand before the mention.
            if inverted.is_none() && !self.is_punct(comma, &[",", "—"]) {
                let mut j = comma;
                while j > s_start
                    && attribution_start - j <= 4
                    && self.is_word(j)
                    && self.cue_starting_at(j).is_none()
                    && !self.doc.tokens[j].is(IN_QUOTE)
                    && !self.lex.is_stopword(self.tok(j))
                    && !matches!(self.tok(j), "that" | "and" | "but" | "or")
                {
                    j -= 1;
                }
                if j < comma && self.is_punct(j, &[","]) {
                    comma = j;
                }
            }
            // "…, which the founder Jon Roe announced": the verb's object
            // is the relative pronoun, not the clause before it.
            if (comma + 1..attribution_start)
                .any(|j| self.is_word(j) && self.doc.glue(j, Glue::Relative))
            {
                return None;
            }
            let quoted_end = self.doc.tokens[comma].is(DOUBLE_MARK)
                && self.closes_quote(comma)
                && comma > 0
                && self.is_punct(comma - 1, &[","]);
            if !(self.is_punct(comma, &[",", "—"]) || quoted_end) || comma <= s_start {
                return None;
            }
            let start = self.clause_start(s_start, comma);
            // "At times, people close to him said, CLAUSE": a short lead-in
            // before a comma-attribution is not the content; the clause
            // after it is.
            let lead_words = (start..comma).filter(|&j| self.is_word(j)).count();
            if lead_words < 4 && k < s_end && self.is_punct(k, &[","]) && !quoted_end {
                return self.forward_statement(c, mention, k + 1, s_end, None);
            }
            // A quote filling the clause is a direct statement, handled
            // already; one the reporter's words continue makes it mixed:
            // `“Q” about the plan, said Roe.`
            if self.doc.tokens[start].is(DOUBLE_MARK) {
                let fills = self
                    .quotes
                    .iter()
                    .find(|q| q.open == start)
                    .and_then(|q| q.close)
                    .is_none_or(|close| close + 2 >= comma);
                if fills {
                    return None;
                }
            }
            // A clause that is itself attributed ("X suggested that …, the
            // report read.") is not reported again by the tail.
            if (start..comma).any(|j| self.cue_starting_at(j).is_some_and(|oc| self.cue_used[oc])) {
                return None;
            }
            let end = if quoted_end { comma + 1 } else { comma };
            if !quoted_end
                && (self.doc.tokens[comma - 1].is(DOUBLE_MARK)
                    || self.doc.tokens[comma - 1].is(IN_QUOTE))
            {
                return None;
            }
            if belief {
                return None;
            }
            return Some(Statement {
                confidence: 0.8,
                ..self.reported(c, start, end, Some(mention))?
            });
        }
        if info.tail_only || inverted.is_some() {
            return None;
        }
        // "urged Roe to resign", "accused Roe of lying", "confessed to it".
        if let Some(st) = self.complement_statement(c, mention, s_end) {
            return Some(st);
        }
        if info.no_content {
            return None;
        }

        // Forward: X said (that) CLAUSE.
        let (mut addressee, mut k) = self.after_addressee(c);
        if object {
            return self.object_statement(c, mention, s_end);
        }
        // "Roe asked the minister whether …": the hearer, then the question.
        if info.question && addressee.is_none() {
            let limit = (k + 8).min(s_end);
            if let Some(q) = (k + 1..limit).find(|&j| {
                [
                    "if", "whether", "what", "why", "how", "when", "where", "who",
                ]
                .iter()
                .any(|o| self.tok_is(j, o))
            }) {
                if (k..q).all(|j| self.is_word(j) && self.cue_starting_at(j).is_none()) {
                    addressee = Some(self.doc.span(k, q - 1));
                    k = q;
                }
            }
        }
        self.forward_statement(c, mention, k, s_end, addressee)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn wondering_aloud_and_adverbs_of_frequency() {
        let r = one("Another user wondered why the state had trademarked the slogan.");
        assert_eq!(r.1, "why the state had trademarked the slogan");
        let r = one("Big Widget have twice denied doing anything wrong.");
        assert_eq!(
            (r.1.as_str(), r.3),
            ("doing anything wrong", s("Big Widget"))
        );
        // No content, no statement; the base form is no cue.
        assert!(run("Roe wondered.").is_empty());
        assert!(run("You wonder why the state did it.").is_empty());
    }

    #[test]
    fn a_participle_after_be_has_its_subject_to_the_left() {
        let r = one("The union is urging the ministry to reopen the mill.");
        assert_eq!((r.1.as_str(), r.3), ("to reopen the mill", s("The union")));
        let r = one("The minister was telling reporters that the mill would close.");
        assert_eq!(r.3, s("The minister"));
        // After a comma, a participle is still the main subject's.
        let r = one("Ana Vold left the hall, saying the mill would close.");
        assert_eq!(r.3, s("Ana Vold"));
    }

    #[test]
    fn a_quantifier_floated_after_the_subject_is_skipped() {
        let r = one("The Varnholm Farmers Union and the Tallow Guild all said prices would fall.");
        assert_eq!(r.3, s("the Tallow Guild"));
        let r = one("They both denied that the mill would close.");
        assert_eq!(r.3, s("They"));
        // A quantifier opening the sentence is the subject itself.
        let r = one("Both said the mill would close.");
        assert_eq!(r.3, s("Both"));
    }

    #[test]
    fn a_name_set_off_by_commas_after_no_speaker_phrase_speaks() {
        let r =
            one("The group that owns most of her songs, Tallow Records, says she may sing them.");
        assert_eq!(r.3, s("Tallow Records"));
        // A lower-case apposition there names no speaker.
        assert!(
            run("The group that owns most of her songs, a label, says she may sing them.")
                .iter()
                .all(|x| x.3 != s("a label"))
        );
    }

    #[test]
    fn indirect_speech_forms() {
        assert_eq!(
            one("Roe said that the talks had failed.").1,
            "the talks had failed"
        );
        assert_eq!(
            one("Roe said the talks had failed.").1,
            "the talks had failed"
        );
        let r = one("Vold told the Ruritanian Herald (RH) that prices would fall.");
        assert_eq!((r.1.as_str(), r.2), ("prices would fall", s("told")));
        let r = one("According to Roe, the talks had failed.");
        assert_eq!(
            (r.1.as_str(), r.2, r.3),
            ("the talks had failed", s("According to"), s("Roe"))
        );
        let r = one("The talks had failed, according to union officials.");
        assert_eq!(
            (r.1.as_str(), r.3),
            ("The talks had failed", s("union officials"))
        );
        let r = one("The talks had failed, Roe said.");
        assert_eq!((r.1.as_str(), r.3), ("The talks had failed", s("Roe")));
    }

    #[test]
    fn a_cue_form_before_an_auxiliary_after_and_is_a_noun() {
        let r = run("Roe said no fine had been paid, but questions were raised about the deal.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "no fine had been paid");
        // A coordinated verb with its object stays a statement.
        let r = run("Vold said the accord held but criticised rises in rates.");
        assert_eq!(r.len(), 2, "{r:?}");
    }

    #[test]
    fn two_cues_in_one_sentence_give_two_statements() {
        let r =
            run("She revealed that the fund was empty, saying “We cannot pay anyone this month.”");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(
            (r[0].0, r[0].1.as_str()),
            ("indirect", "the fund was empty")
        );
        assert_eq!((r[1].0, r[1].3.clone()), ("direct", s("She")));
        let r =
            run("Roe disclosed that the budget was cut, acknowledging that schools would suffer.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[1].1, "schools would suffer");
        assert_eq!(r[1].3, s("Roe"));
    }

    #[test]
    fn mixed_speech_keeps_the_fragment() {
        let r = one("The minister said the reforms would “change everything” for farmers.");
        assert_eq!(r.0, "mixed");
        assert_eq!(r.1, "the reforms would “change everything” for farmers");
    }

    #[test]
    fn a_quote_continued_by_the_reporter_before_a_tail_is_mixed() {
        let r = one("“The levy is a mistake” for farmers, said Ana Vold, the mayor.");
        assert_eq!(
            (r.0, r.1.as_str(), r.3),
            (
                "mixed",
                "“The levy is a mistake” for farmers",
                s("Ana Vold")
            )
        );
    }

    #[test]
    fn the_surname_may_is_no_modal() {
        assert_eq!(one("Ms. May said the talks would resume.").3, s("Ms. May"));
        assert_eq!(one("Later, May said the talks would resume.").3, s("May"));
        assert!(run("Voters may say the talks failed.").is_empty());
    }

    #[test]
    fn beliefs_and_stances_of_more_verb_forms() {
        let r = one("Jon Roe blamed the mayor for the flood.");
        assert_eq!(
            (r.1.as_str(), r.3.clone()),
            ("the mayor for the flood", s("Jon Roe"))
        );
        let r = one("Roe sees the vote as a test of his plan.");
        assert_eq!(r.1, "the vote as a test of his plan");
        assert_eq!(
            one("The council plans to close the mill.").1,
            "to close the mill"
        );
        assert_eq!(
            one("Ana Vold sought a recount in Tallow.").1,
            "a recount in Tallow"
        );
        // A noun is no cue: "in favor of", "the plans", "a saw".
        assert_eq!(
            one("Those in favor of the levy have said that it will pass.").1,
            "it will pass"
        );
        assert!(run("The plans for Varnholm were costly.").is_empty());
        assert!(run("The saw was blunt.").is_empty());
        // Negated expectations and "is considered" report subject and
        // predicate; "discussed" reports its object, but not as a modifier.
        let r = run("The levy is not expected to pass in Tallow.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(
            (r[0].1.as_str(), r[1].1.as_str()),
            ("The levy", "to pass in Tallow")
        );
        let r = run("The mayor is widely considered a likely winner.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(
            one("Roe discussed the levy with Vold.").1,
            "the levy with Vold"
        );
        assert!(run("A discussed plan was dropped.").is_empty());
        assert_eq!(
            one("Vold speculated that the Tallow mill would close.").1,
            "the Tallow mill would close"
        );
        assert_eq!(one("Roe likened the levy to a tax.").1, "the levy to a tax");
        assert!(run("The credited amount was small.").is_empty());
        // "reportedly" reports its subject and predicate, as "is expected".
        let r = run("The Tallow group is reportedly spending a million on ads.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[1].1, "spending a million on ads");
        assert!(run("The reported sum was small.").is_empty());
        // A belief as a participle is the main clause subject's.
        let r = one("Roe left the Tallow rally early, hoping to avoid the rain.");
        assert_eq!((r.1.as_str(), r.3.clone()), ("to avoid the rain", s("Roe")));
        let r = one("Vold stayed home, fearing the storm would hit Varnholm.");
        assert_eq!(r.1, "the storm would hit Varnholm");
        assert!(run("The hoping crowd waited.").is_empty());
        assert!(run_with(
            "Vold stayed home, fearing the storm would hit Varnholm.",
            crate::pipeline::Attributions::SPEECH
        )
        .is_empty());
    }

    #[test]
    fn a_relative_pronoun_before_a_speaker_is_what_was_said() {
        let r = run("Roe backed a new levy, which he said was no tax.");
        assert!(r
            .iter()
            .any(|f| f.1 == "which" && f.3.as_deref() == Some("he")));
        assert!(r.iter().any(|f| f.1 == "was no tax"));
        let r = run("Roe met Ana Vold, who he said was a friend.");
        assert!(r.iter().any(|f| f.1 == "who"));
        // A verb of naming names the pronoun; it does not report it.
        let r = run("Roe backed the levy, which the ministry calls a solidarity charge.");
        assert!(r.iter().all(|f| f.1 != "which"));
        // After a preposition the pronoun is no part of what was said.
        let r = run("Roe gave a speech in which he said the levy was no tax.");
        assert!(r.iter().all(|f| f.1 != "which"));
        // The speaker itself: "officials who said".
        let r = run("Officials who said the levy was fair were booed.");
        assert!(r.iter().all(|f| f.1 != "who"));
    }

    #[test]
    fn appearing_somewhere_is_no_appearance() {
        assert!(run("Ana Vold appeared at the rally in Varnholm on Monday.").is_empty());
        assert!(run("The essay first appeared on a Ruritanian blog.").is_empty());
        assert!(run("Roe and Vold appeared together in Varnholm.").is_empty());
        assert!(run("Jon Roe appeared Sunday in Varnholm.").is_empty());
        // Seeming still counts.
        let r = run("Ana Vold appeared to waver on the levy.");
        assert_eq!(r[0].1, "Ana Vold");
        assert_eq!(r[1].1, "to waver on the levy");
    }

    #[test]
    fn a_long_subject_of_a_verb_of_saying() {
        let r = one("Organizers of the push to boycott the Tallow speech said they are worried.");
        assert_eq!(
            (r.1.as_str(), r.3.clone()),
            (
                "they are worried",
                s("Organizers of the push to boycott the Tallow speech")
            )
        );
        // No subject ending in a function word, holding a verb of its own,
        // or for a belief.
        assert!(run("The group set a deadline for the mayor to respond.").is_empty());
        assert!(
            run("The blog post that Roe wrote said the plan failed in Varnholm.")
                .iter()
                .all(|x| x.3.as_deref() != Some("The blog post that Roe wrote"))
        );
        assert!(
            run("Organizers of the push to boycott the Tallow speech think it failed.").is_empty()
        );
    }
}
