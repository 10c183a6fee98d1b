//! Reported (indirect) speech: `X said (that) CLAUSE`, tail attributions
//! (`CLAUSE, X said.`), `according to X`, addressees (`told the FT`) and
//! the objects of stance verbs (`endorsed Roe`).

use super::{Attributor, Mention, Statement};
use crate::event::Attribution;
use crate::lexicon::{CueFrame, Glue};
use crate::pipeline::segment::{ALLCAPS, DOUBLE_MARK, IN_QUOTE, POSSESSIVE};
use crate::text::Span;

/// The most words before a source set off by commas ("Since May,
/// according to Roe, …") for the clause after it to be what it reports.
const MAX_SOURCE_LEAD_WORDS: usize = 6;

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

    /// The object of a verb of quoting, or of "with", right before
    /// participle cue `cue_first` ("quoted Roe as saying", "cited a
    /// spokesman for the mill saying", "with the Herald calling it …"):
    /// the noun phrase must fill the gap between them.
    fn quoted_object(&self, cue_first: usize, s_start: usize) -> Option<(usize, Mention)> {
        let end = if cue_first > s_start && self.tok_is(cue_first - 1, "as") {
            cue_first - 1
        } else {
            cue_first
        };
        let floor = s_start.max(end.saturating_sub(16));
        let verb = (floor..end).rev().find(|&j| {
            self.doc.glue(j, Glue::Quoting) || (end == cue_first && self.tok_is(j, "with"))
        })?;
        let start = if self.doc.glue(verb + 1, Glue::Determiners) {
            verb + 2
        } else {
            verb + 1
        };
        // The whole gap, or a phrase opening it whose "for"/"of" tail the
        // resolver reads ("a spokesman for Roe Capital").
        self.mention_left(end, verb + 1)
            .filter(|m| m.first <= start && m.last + 1 == end)
            .or_else(|| {
                let m = self.mention_right(verb + 1, end, false)?;
                let tail = m.last + 1;
                (tail == end || self.tok_is(tail, "for") || self.tok_is(tail, "of")).then_some(m)
            })
            .map(|m| (verb, m))
    }

    /// "The paper quoted Roe as saying …": besides what Roe said (`inner`,
    /// from participle cue `c`), the paper's report of it, the one quoted
    /// included, as the news gold and PolNeAR both annotate it.
    fn quoting_statement(&self, c: usize, inner: &Statement) -> Option<Statement> {
        let cue = &self.cues[c];
        if !cue.info(self.lex).participle {
            return None;
        }
        let (s_start, _) = self.sent_range(cue.first);
        // Only with the clause after the cue: in "CLAUSE, the paper quoted
        // Roe as saying." the paper's report has no words of its own.
        if inner.content.start < self.doc.tokens[cue.last].span.end {
            return None;
        }
        let (verb, object) = self.quoted_object(cue.first, s_start)?;
        if inner.mention != Some(object) || verb <= s_start || !self.doc.glue(verb, Glue::Quoting) {
            return None;
        }
        let mention = self.mention_left(verb, s_start)?;
        let first = verb + 1;
        let last = self
            .doc
            .tokens
            .partition_point(|t| t.span.end <= inner.content.end);
        Some(Statement {
            kind: self.kind_of(first, last),
            content: Span {
                start: self.doc.tokens[first].span.start,
                end: inner.content.end,
            },
            cue: None,
            cue_token: Some(verb),
            mention: Some(mention),
            confidence: 0.6,
            ..inner.clone()
        })
    }

    /// `According to X, CLAUSE.` / `CLAUSE, according to X.`
    fn source_statement(&self, c: usize) -> Option<Statement> {
        let cue = &self.cues[c];
        let (s_start, s_end) = self.sent_range(cue.first);
        let lead = self.clause_lead(s_start, cue.first);
        let mention = self.source_after(cue.last + 1, s_end, lead)?;
        // A one-word source phrase ("per") names a source only with a name
        // or a determiner after it: "per the WHO", not "per person".
        let one_word = !cue.info(self.lex).form.contains(' ');
        if one_word && !(self.is_cap(mention.first) || self.determiner_like(mention.first)) {
            return None;
        }
        let (a, b) = if lead {
            // According to X, CLAUSE.
            let mut k = mention.last + 1;
            if k < s_end && self.is_punct(k, &[","]) {
                k += 1;
            } else {
                return None;
            }
            (k, self.content_end(k, s_end, Some(c)))
        } else {
            // CLAUSE, according to X.
            if cue.first == 0 || !self.is_punct(cue.first - 1, &[","]) {
                return None;
            }
            let mut start = self.clause_start(s_start, cue.first - 1);
            // "Since May, according to Roe, the mill has lost money.": after
            // a short lead, a source set off by commas reports the clause
            // after it (PolNeAR train: 15 of 15 such leads of at most six
            // words; scripts/analysis/according-to-midclause.py).
            let lead_words = (start..cue.first - 1).filter(|&j| self.is_word(j)).count();
            // After an apposition closed by a comma ("according to Jon
            // Roe, a former envoy, …"), else right after the name.
            let after = mention
                .apposition
                .map(|a| a.1)
                .filter(|&e| e < s_end && self.is_punct(e, &[","]))
                .unwrap_or(mention.last + 1);
            if lead_words <= MAX_SOURCE_LEAD_WORDS
                && after + 1 < s_end
                && self.is_punct(after, &[","])
                && self.is_word(after + 1)
            {
                let k = after + 1;
                return Some(Statement {
                    confidence: 0.8,
                    priority: 2,
                    ..self.reported(c, k, self.content_end(k, s_end, Some(c)), Some(mention))?
                });
            }
            // "As reported by FT, CLAUSE, according to X": the clause starts
            // after the other source's lead-in.
            if let Some(oc) = self.cue_starting_at(start) {
                if self.cues[oc].info(self.lex).frame == CueFrame::Source {
                    if let Some(m) = self.mention_right(self.cues[oc].last + 1, s_end, true) {
                        if m.last + 1 < cue.first && self.is_punct(m.last + 1, &[","]) {
                            start = m.last + 2;
                        }
                    }
                }
            }
            (start, cue.first - 1)
        };
        let as_reported = self.lex.lemma(cue.info(self.lex).lemma) != "according to";
        Some(Statement {
            confidence: 0.85,
            priority: if as_reported { 3 } else { 2 },
            ..self.reported(c, a, b, Some(mention))?
        })
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

    /// The clause reported by cue `c`, starting at token `k`.
    fn forward_statement(
        &self,
        c: usize,
        mention: Mention,
        k: usize,
        s_end: usize,
        addressee: Option<Span>,
    ) -> Option<Statement> {
        let cue = &self.cues[c];
        let info = cue.info(self.lex);
        let belief = info.is_belief_verb();
        let mut k = k;
        let mut saw_that = false;
        // Skip adverbials up to a "that" close by: "said on Thursday that".
        if let Some(that) = (k..(k + 10).min(s_end)).find(|&j| self.tok_is(j, "that")) {
            // The hearer: "told reporters that", "admitted to the paper that".
            let hearer = info.addressee || info.direct.contains("to");
            let objectish =
                |j: usize| hearer && self.is_word(j) && self.cue_starting_at(j).is_none();
            if (k..that).all(|j| self.skippable_before_that(j) || objectish(j)) {
                k = that + 1;
                saw_that = true;
            }
        }
        while k < s_end && self.is_punct(k, &[",", ":"]) {
            k += 1;
        }
        if k >= s_end {
            return None;
        }
        // "said for weeks he was …", "said in recent days the plan …": a
        // time phrase before the clause.
        if !saw_that {
            let w = self.tok(k).to_ascii_lowercase();
            // "told the Herald by email the plan …": a channel, too.
            if matches!(
                w.as_str(),
                "for"
                    | "in"
                    | "on"
                    | "over"
                    | "since"
                    | "during"
                    | "last"
                    | "this"
                    | "earlier"
                    | "by"
                    | "via"
            ) {
                let time_word = |j: usize| {
                    let t = self.tok(j);
                    let article = matches!(t, "a" | "an" | "the");
                    self.is_word(j)
                        && (!article
                            || (j + 1 < s_end
                                && self.doc.glue(j + 1, Glue::Adverbials)
                                && !matches!(self.tok(j + 1), "a" | "an" | "the")))
                        && (self.doc.glue(j, Glue::Adverbials)
                            || self.doc.glue(j, Glue::Calendar)
                            || matches!(
                                t.to_ascii_lowercase().as_str(),
                                "weeks"
                                    | "months"
                                    | "years"
                                    | "days"
                                    | "decades"
                                    | "recent"
                                    | "past"
                                    | "several"
                                    | "many"
                                    | "some"
                                    | "two"
                                    | "three"
                            ))
                };
                let mut j = k + 1;
                while j < s_end && j <= k + 4 && time_word(j) {
                    j += 1;
                }
                if j > k + 1 && j + 1 < s_end && self.tok_is(j, "that") {
                    k = j + 1;
                    saw_that = true;
                } else if j > k + 1 && j < s_end {
                    let t = self.tok(j);
                    let opens = self.lex.pronoun(t).is_some()
                        || (self.is_cap(j) && !self.lex.is_stopword(t))
                        || self.doc.glue(j, Glue::Determiners);
                    if opens && self.cue_starting_at(j).is_none() {
                        k = j;
                    }
                }
            }
        }
        // "testified, describing her as …": the participle reports its own
        // statement.
        if self
            .cue_starting_at(k)
            .is_some_and(|c2| self.cues[c2].info(self.lex).participle)
        {
            return None;
        }
        let first = self.tok(k);
        let promised = info.infinitive && first.eq_ignore_ascii_case("to");
        if !saw_that {
            if (self.doc.glue(k, Glue::ContentStops) && !promised)
                || self.is_punct(k, &[".", "!", "?", ";", ")", "("])
            {
                return None;
            }
            // A belief takes a clause ("thinks women will decide"), not an
            // infinitive or a preposition ("hopes for a miracle"), unless it
            // is an intention ("hopes to win").
            if belief
                && ((first.eq_ignore_ascii_case("to") && !promised)
                    || self.doc.tokens[k].is(DOUBLE_MARK))
            {
                return None;
            }
            // "said Tuesday" with nothing after, or a bare object pronoun.
            // ("her office" is a clause; "told her" is not.)
            let possessive_her = first.eq_ignore_ascii_case("her")
                && k + 1 < s_end
                && self.is_word(k + 1)
                && !self.tok_is(k + 1, "to");
            if !possessive_her
                && matches!(
                    first.to_ascii_lowercase().as_str(),
                    "him" | "her" | "them" | "me" | "us" | "so" | "yes" | "no"
                )
            {
                return None;
            }
        }
        // Direct quotes right after the cue were handled as direct speech.
        if self.doc.tokens[k].is(DOUBLE_MARK) {
            if let Some(q) = self.quotes.iter().find(|q| q.open == k) {
                if self.out.iter().any(|s| s.content == q.inner) {
                    return None;
                }
            }
        }
        let mut end = self.content_end(k, s_end, Some(c));
        // "Once the man mentioned that X, Dempsey came up with …": in a
        // subordinate clause, the content ends where the main clause's
        // subject follows a comma.
        if self.opens_subordinate(mention.first) {
            if let Some(comma) = (k + 1..end).find(|&j| {
                self.is_punct(j, &[","])
                    && !self.doc.tokens[j].is(IN_QUOTE)
                    && j + 1 < end
                    && self.opens_subject(j + 1)
            }) {
                end = comma;
            }
        }
        let statement = self.reported(c, k, end, Some(mention))?;
        let n_words = (k..end).filter(|&j| self.is_word(j)).count();
        if n_words < 2 {
            return None;
        }
        // "said in a NASA statement.": a channel or a time, nothing said.
        if !saw_that
            && !self.is_cap(k)
            && self.doc.glue(k, Glue::Adverbials)
            && (k..end)
                .all(|j| !self.is_word(j) || self.doc.glue(j, Glue::Adverbials) || self.is_cap(j))
        {
            return None;
        }
        // "asked not to be named", "told him not to worry": requests, not
        // statements.
        if self.tok_is(k, "not") && k + 1 < end && self.tok_is(k + 1, "to") {
            return None;
        }
        // "added three goals", "reported a profit": an object that only
        // names a thing reports no speech; it takes a stance at most.
        let attribution = if saw_that || self.states_something(k, end) {
            statement.attribution
        } else {
            Attribution::Stance
        };
        Some(Statement {
            addressee,
            attribution,
            sentence_first: self.sent_of(mention.first.min(cue.first)),
            confidence: if belief {
                0.55
            } else if saw_that {
                0.85
            } else {
                0.75
            },
            priority: if belief { 4 } else { 1 },
            ..statement
        })
    }

    /// Whether the clause of a speaker mention starting at token `first`
    /// is subordinate: a conjunction like "once" or "when" opens it.
    fn opens_subordinate(&self, first: usize) -> bool {
        let (s_start, _) = self.sent_range(first);
        first > s_start && self.is_word(first - 1) && self.doc.glue(first - 1, Glue::Subordinators)
    }

    /// Whether a clause subject may start at token `j`: a pronoun, a
    /// determiner or a capitalised word that is no sentence opener.
    fn opens_subject(&self, j: usize) -> bool {
        let w = self.tok(j);
        self.is_word(j)
            && (self.lex.pronoun(w).is_some()
                || self.doc.glue(j, Glue::Determiners)
                || (self.is_cap(j) && !self.lex.is_stopword(w)))
            && !self.doc.glue(j, Glue::Relative)
    }

    /// Stance verbs: the object is the content ("endorsed Roe last week").
    fn object_statement(&self, c: usize, mention: Mention, s_end: usize) -> Option<Statement> {
        let cue = &self.cues[c];
        let k = cue.last + 1;
        if k >= s_end || !(self.is_word(k) || self.doc.tokens[k].is(DOUBLE_MARK)) {
            return None;
        }
        // "what the ministry calls a solidarity charge", "the levy, which
        // the ministry calls …": the object is the relative pronoun.
        let before = mention.first.saturating_sub(1);
        if cue.first >= 2
            && (self.tok_is(before, "what")
                || self.doc.glue(before, Glue::Relative)
                || self.tok_is(before, "that")
                || self.tok_is(cue.first - 1, "what"))
        {
            return None;
        }
        // A clause as object ("criticized how the plan was run", "denied
        // that …") runs like reported speech.
        let clausal = ["that", "how", "whether", "what", "why", "if", "to"]
            .iter()
            .any(|w| self.tok_is(k, w));
        let mut end = if clausal {
            self.content_end(k + 1, s_end, Some(c))
        } else {
            k
        };
        // Where the first object ends, when a second one is joined by
        // "and": whether the object states something is judged on it.
        let mut first_object_end = None;
        while !clausal && end < s_end {
            let in_quote = self.doc.tokens[end].is(IN_QUOTE);
            let abbrev_dot =
                self.is_punct(end, &["."]) && self.is_abbrev_or_initial(end - 1) && end + 1 < s_end;
            if !in_quote
                && end > k
                && !abbrev_dot
                && (self.is_punct(end, &[",", ";", ":", "—", "–", ".", "!", "?", "("])
                    || (self.is_word(end)
                        && !self.is_cap(end)
                        && self.doc.glue(end, Glue::ObjectStops)
                        && !self.second_object(end, s_end)))
            {
                break;
            }
            if self.is_word(end) && self.doc.glue(end, Glue::ObjectStops) {
                first_object_end.get_or_insert(end);
            }
            end += 1;
        }
        // Not ending on a function word: "a culture in [which …]".
        while end > k + 1
            && self.is_word(end - 1)
            && !self.doc.tokens[end - 1].is(IN_QUOTE)
            && (self.doc.glue(end - 1, Glue::ContentStops)
                || self.doc.glue(end - 1, Glue::Determiners)
                || matches!(
                    self.tok(end - 1),
                    "in" | "on" | "at" | "as" | "and" | "or" | "but" | "than"
                ))
        {
            end -= 1;
        }
        let statement = self.reported(c, k, end, Some(mention))?;
        // "criticised the company": a verb of saying with an object that
        // only names its target takes a stance; it reports nothing said.
        let named_end = first_object_end.map_or(end, |e| e.min(end));
        let attribution = if clausal || self.states_something(k, named_end) {
            statement.attribution
        } else {
            Attribution::Stance
        };
        Some(Statement {
            attribution,
            sentence_first: self.sent_of(mention.first.min(cue.first)),
            confidence: 0.45,
            priority: 4,
            ..statement
        })
    }

    /// Whether "and" at token `and` joins a second object to the first
    /// ("criticized Roe and Vold", "praised the plan and its authors",
    /// "opposed the levy and new tariffs"): a determiner, a capitalised
    /// word that is no sentence opener, or a lower-case word that is no
    /// pronoun, verb form, adverb or conjunction follows, and no cue.
    /// PolNeAR train objects run on through such an "and" 37 times and
    /// stop 7 before a determiner or a capital, 49 and 4 before such a
    /// lower-case word (`scripts/analysis/object-and.py`).
    fn second_object(&self, and: usize, s_end: usize) -> bool {
        let next = and + 1;
        if !self.tok_is(and, "and")
            || next >= s_end
            || !self.is_word(next)
            || self.doc.tokens[next].is(IN_QUOTE)
            || self.cue_starting_at(next).is_some()
        {
            return false;
        }
        let w = self.tok(next);
        if self.is_cap(next) {
            return !self.lex.is_stopword(w);
        }
        let verb_form = w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
        self.doc.glue(next, Glue::Determiners)
            || !(verb_form
                || self.lex.pronoun(w).is_some()
                || self.doc.glue(next, Glue::FiniteVerbs)
                || self.doc.glue(next, Glue::BetweenSubjectAndVerb)
                || self.doc.glue(next, Glue::Subordinators)
                || self.doc.glue(next, Glue::ObjectStops)
                || self.doc.glue(next, Glue::ContentStops))
    }

    /// The hearer after cue `c`, if it has one, and the first token after
    /// the cue and the hearer.
    pub(super) fn after_addressee(&self, c: usize) -> (Option<Span>, usize) {
        match self.addressee_after(c) {
            Some((span, next)) => (Some(span), next),
            None => (None, self.cues[c].last + 1),
        }
    }

    /// The hearer after an addressee verb, and the token after it.
    pub(super) fn addressee_after(&self, c: usize) -> Option<(Span, usize)> {
        let cue = &self.cues[c];
        if !cue.info(self.lex).addressee {
            return None;
        }
        let (_, s_end) = self.sent_range(cue.first);
        let k = cue.last + 1;
        if k >= s_end || !self.is_word(k) {
            return None;
        }
        if self.doc.glue(k, Glue::Addressees) {
            return Some((self.doc.tokens[k].span, k + 1));
        }
        let mut j = k;
        if self.doc.glue(j, Glue::Determiners) && j + 1 < s_end && self.is_cap(j + 1) {
            j += 1;
        }
        if !self.is_cap(j) || self.lex.is_stopword(self.tok(j)) {
            return None;
        }
        // "The Star-Ledger of Newark", "CNN's Jake Tapper".
        while j + 1 < s_end {
            let joined = j + 2 < s_end
                && (self.is_punct(j + 1, &["-"]) || self.tok_is(j + 1, "of"))
                && self.is_cap(j + 2);
            if self.is_cap(j + 1) || self.doc.tokens[j + 1].is(POSSESSIVE) {
                j += 1;
            } else if joined {
                j += 2;
            } else {
                break;
            }
        }
        // An abbreviation in brackets: "the Varnholm Herald (FT)".
        if j + 3 < s_end
            && self.is_punct(j + 1, &["("])
            && self.doc.tokens[j + 2].is(ALLCAPS)
            && self.is_punct(j + 3, &[")"])
        {
            j += 3;
        }
        Some((self.doc.span(k, j), j + 1))
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
    fn a_tag_with_a_hearer_ends_the_clause() {
        let r = one("The mill will close in May, Cook told reporters.");
        assert_eq!(
            (r.1.as_str(), r.3.clone()),
            ("The mill will close in May", s("Cook"))
        );
        let r = one("Apple is in every big firm, Tim Cook told Ana Lee on Tuesday.");
        assert_eq!(
            (r.1.as_str(), r.3.clone()),
            ("Apple is in every big firm", s("Tim Cook"))
        );
        // A hearer followed by a clause of its own is no tag.
        let r = run("After the vote, Roe told the union it had lost.");
        assert!(r.iter().all(|x| x.1 != "After the vote"), "{r:?}");
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
    fn the_one_a_report_quotes_speaks_and_the_report_too() {
        let r =
            run("The Herald quoted a spokesman for Tallow Rail as saying the line would close.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(
            (r[0].1.as_str(), r[0].2.clone(), r[0].3.clone()),
            (
                "a spokesman for Tallow Rail as saying the line would close",
                None,
                s("The Herald")
            )
        );
        assert_eq!(
            (r[1].1.as_str(), r[1].2.clone(), r[1].3.clone()),
            ("the line would close", s("saying"), s("a spokesman"))
        );
        let r = run("It quoted Ana Vold complaining that the line would close.");
        assert_eq!(
            r.iter().map(|x| x.3.clone()).collect::<Vec<_>>(),
            [s("It"), s("Ana Vold")]
        );
        // "with X V-ing": X speaks, and nothing else is reported.
        let r = one("Critics were harsh, with the Varnholm Herald calling it a vanity project.");
        assert_eq!(r.3, s("the Varnholm Herald"));
        // "with" before a comma is no subject.
        let r = one("Ana Vold agreed with the plan, saying the line would close.");
        assert_eq!(r.3, s("Ana Vold"));
        // Before the cue, the clause is the one quoted's alone.
        let r = run("Prices will fall, the Herald quoted Ana Vold as saying.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            (r[0].1.as_str(), r[0].3.clone()),
            ("Prices will fall", s("Ana Vold"))
        );
        // A quotation of a text, set off by a comma, is no speaker.
        let r = one("Ana Vold quoted the Bible, saying the line would close.");
        assert_eq!(r.3, s("Ana Vold"));
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
    fn per_names_a_source_only_before_a_name_or_a_determiner() {
        let r = one("The mill will close in May, per the ministry.");
        assert_eq!(
            (r.1.as_str(), r.3),
            ("The mill will close in May", s("the ministry"))
        );
        assert!(run("Fuel costs four crowns per litre, per person.").is_empty());
        assert!(run("Prices rose 5 per cent.").is_empty());
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
    fn commitments_take_an_infinitive_and_time_phrases_are_skipped() {
        let r = one("Roe vowed to fight the levy in court.");
        assert_eq!(r.1, "to fight the levy in court");
        assert_eq!(
            one("Roe said on Monday the plan was dead.").1,
            "the plan was dead"
        );
        assert_eq!(
            one("Roe has said for weeks he would run.").1,
            "he would run"
        );
        assert_eq!(
            one("Joseph R. Biden Jr. warned that the plan would fail.").3,
            s("Joseph R. Biden Jr")
        );
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
    fn a_channel_before_a_clause_without_that_is_skipped() {
        let r = one("Roe told the Herald by email the plan had failed.");
        assert_eq!((r.1.as_str(), r.3), ("the plan had failed", s("Roe")));
        assert_eq!(
            one("Roe told reporters by text message he would not run.").1,
            "he would not run"
        );
    }

    #[test]
    fn the_surname_may_is_no_modal() {
        assert_eq!(one("Ms. May said the talks would resume.").3, s("Ms. May"));
        assert_eq!(one("Later, May said the talks would resume.").3, s("May"));
        assert!(run("Voters may say the talks failed.").is_empty());
    }

    #[test]
    fn a_subordinate_clause_ends_before_the_main_clause() {
        let r = run("Once the driver mentioned that the brakes had failed, Roe called the police.");
        assert_eq!(r[0].1, "the brakes had failed");
        // In a main clause a comma does not end it.
        assert_eq!(
            one("Roe said the brakes had failed, the driver was hurt and the bus was gone.").1,
            "the brakes had failed, the driver was hurt and the bus was gone"
        );
    }

    #[test]
    fn requests_and_bare_objects_are_not_statements() {
        assert!(run("Roe asked not to be named.").is_empty());
        assert!(run("Roe told him so.").is_empty());
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
    fn a_source_set_off_by_commas_after_a_short_lead_reports_what_follows() {
        let r = run("Since last May, according to Jon Roe, the Tallow mill has lost money.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            (r[0].1.as_str(), r[0].3.clone()),
            ("the Tallow mill has lost money", s("Jon Roe"))
        );
        let r = one("At the heart of it, according to Jon Roe, a former envoy, was a levy.");
        assert_eq!(r.1, "was a levy");
        // After a clause of its own, the source reports the clause before.
        let r = one("Vold won the vote in Tallow by a wide margin, according to Roe, and he will run again.");
        assert_eq!(r.1, "Vold won the vote in Tallow by a wide margin");
    }

    #[test]
    fn a_second_object_after_and_is_part_of_the_content() {
        let r = run("Ana Vold criticized Jon Roe and Lia Pik after the vote.");
        assert_eq!(r[0].1, "Jon Roe and Lia Pik");
        let r = run("Ana Vold praised the levy and its authors last week.");
        assert_eq!(r[0].1, "the levy and its authors");
        // The second object does not make a speech verb's object a
        // statement: it names things.
        let r = run_with(
            "Ana Vold criticised the levy and the harm the mills can do.",
            crate::pipeline::Attributions::SPEECH,
        );
        assert!(r.is_empty());
        let r = run("Ana Vold opposed the levy and new tariffs last week.");
        assert_eq!(r[0].1, "the levy and new tariffs");
        // A second verb is no second object, nor is a new subject.
        let r = run("Ana Vold criticized the levy and voted against it.");
        assert_eq!(r[0].1, "the levy");
        let r = run("Ana Vold criticized the levy and then left the hall.");
        assert_eq!(r[0].1, "the levy");
        let r = run("Ana Vold praised the mayor and he thanked her.");
        assert_eq!(r[0].1, "the mayor");
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
