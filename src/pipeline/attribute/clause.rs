//! Where reported content starts and ends: clause starts, the end of a
//! reported clause (`;`, `, but …`, the next attribution), and the trimmed
//! content span with its kind.

use super::{Attributor, Inherit, Mention, Statement, MAX_CONTENT_TOKENS};
use crate::event::{Attribution, StatementKind};
use crate::lexicon::{CueFrame, Glue};
use crate::pipeline::segment::{ALLCAPS, DOUBLE_MARK, IN_QUOTE};
use crate::text::Span;

impl Attributor<'_, '_> {
    /// Whether token `t` lies inside the content of a reported statement
    /// found so far (a cue there is part of what was said).
    pub(super) fn inside_content(&self, t: usize) -> bool {
        let at = self.doc.tokens[t].span.start;
        // Direct statements hold no cues (cues inside quotes are dropped),
        // and indirect ones are built in text order: the last few suffice.
        self.out[self.direct_count..]
            .iter()
            .rev()
            .take(8)
            .any(|s| s.content.start <= at && at < s.content.end)
    }

    /// Whether only lead-in words (conjunctions, adverbs) stand between the
    /// sentence start and token `t`.
    pub(super) fn clause_lead(&self, s_start: usize, t: usize) -> bool {
        (s_start..t).all(|k| {
            let w = self.tok(k);
            self.is_word(k) && (self.lex.is_stopword(w) || w.ends_with("ly"))
                || self.is_punct(k, &[",", "—", "“", "\""])
        }) && t - s_start <= 3
    }

    /// Whether token `j` may stand between a cue and its "that": an
    /// adverbial, a name, a number or a comma (`said on Thursday that`).
    pub(super) fn skippable_before_that(&self, j: usize) -> bool {
        let t = self.tok(j);
        if !self.is_word(j) {
            return matches!(t, "," | "(" | ")");
        }
        // "said in an email to the AP that", "wrote on Twitter that": the
        // hearer or place of a channel.
        let after_channel = j > 0
            && matches!(t, "to" | "with" | "on")
            && self.is_word(j - 1)
            && self.doc.glue(j - 1, Glue::Adverbials);
        after_channel
            || self.doc.glue(j, Glue::Adverbials)
            || self.is_cap(j)
            || t.chars().all(|c| c.is_ascii_digit())
    }

    /// The first token of the clause that ends before `end`: the sentence
    /// start, or after the last semicolon, colon or dash.
    pub(super) fn clause_start(&self, s_start: usize, end: usize) -> usize {
        let s_start = s_start.max(end.saturating_sub(MAX_CONTENT_TOKENS));
        let mut k = end;
        while k > s_start {
            k -= 1;
            if self.is_punct(k, &[";", ":", "—", "–"]) && !self.doc.tokens[k].is(IN_QUOTE) {
                // "X — an aside — Y, she said.": the aside is inside.
                match self.dashed_aside(k, false) {
                    Some(open) if open > s_start => k = open,
                    _ => return k + 1,
                }
            }
        }
        s_start
    }

    /// For a dash at token `k`, the other dash of a short aside set off by
    /// a pair of them (`the plateau — and the valleys — are at risk`):
    /// after `k` when `forward`, else before it. Dashed asides continue the
    /// clause around them (83 % of PolNeAR train contents with a pair run
    /// through it; `scripts/analysis/boundaries.py`).
    pub(super) fn dashed_aside(&self, k: usize, forward: bool) -> Option<usize> {
        const MAX_ASIDE_TOKENS: usize = 14;
        if !self.is_punct(k, &["—", "–"]) {
            return None;
        }
        let (s_start, s_end) = self.sent_range(k);
        let inside = |j: usize| {
            !self.is_punct(j, &[";", ":", ".", "!", "?"]) && !self.doc.tokens[j].is(DOUBLE_MARK)
        };
        if forward {
            let limit = (k + MAX_ASIDE_TOKENS).min(s_end);
            let mut j = k + 1;
            while j < limit && inside(j) {
                if self.is_punct(j, &["—", "–"]) {
                    return (j > k + 1 && j + 1 < s_end && self.is_word(j + 1)).then_some(j);
                }
                j += 1;
            }
        } else {
            let limit = k.saturating_sub(MAX_ASIDE_TOKENS).max(s_start);
            let mut j = k;
            while j > limit && inside(j - 1) {
                j -= 1;
                if self.is_punct(j, &["—", "–"]) {
                    return (j + 1 < k && j > s_start && self.is_word(j - 1)).then_some(j);
                }
            }
        }
        None
    }

    /// Where forward content that starts at `from` ends (exclusive token).
    pub(super) fn content_end(&self, from: usize, s_end: usize, own_cue: Option<usize>) -> usize {
        let mut k = from;
        // Reported clauses are short; a run-on "sentence" (a scraped list, a
        // line with no punctuation) must not make the scan quadratic.
        let s_end = s_end.min(from + MAX_CONTENT_TOKENS);
        while k < s_end {
            let in_quote = self.doc.tokens[k].is(IN_QUOTE);
            if !in_quote && self.is_punct(k, &[";", "—", "–"]) {
                match self.dashed_aside(k, true) {
                    Some(close) if close < s_end => {
                        k = close + 1;
                        continue;
                    }
                    _ => return k,
                }
            }
            // A colon goes on with what was said ("… this weekend: a
            // clean-up …"), unless a quote follows it, which is a direct
            // statement of its own.
            if !in_quote
                && self.is_punct(k, &[":"])
                && (k + 1 >= s_end || self.doc.tokens[k + 1].is(DOUBLE_MARK))
            {
                return k;
            }
            // ", but …", ", compared with …", ", who …", ", and Roe …": the
            // reported clause is over.
            if !in_quote
                && k > from
                && self.is_punct(k, &[","])
                && k + 1 < s_end
                && self.is_word(k + 1)
            {
                let w = self.tok(k + 1);
                if self.lex.is(Glue::ContentBreaks, w)
                    && !self.but_goes_on(k + 1, s_end)
                    && !self.relative_goes_on(from, k + 1)
                {
                    return k;
                }
                // "…, and the union has sued": a new clause with its own
                // subject after ", and".
                if w == "and"
                    && k + 2 < s_end
                    && (self.is_cap(k + 2) || self.doc.glue(k + 2, Glue::Determiners))
                    && !self.doc.glue(k + 2, Glue::Quantifiers)
                {
                    let mut j = k + 2;
                    while j < s_end.min(k + 10)
                        && (self.np_word(j)
                            || self.doc.glue(j, Glue::Determiners)
                            || (self.tok_is(j, "of") && j + 1 < s_end && self.is_cap(j + 1))
                            || (self.is_word(j)
                                && !self.is_cap(j)
                                && self.doc.role(j, self.lex).is_some()))
                    {
                        j += 1;
                    }
                    let verbish = j < s_end
                        && j > k + 2
                        && (self.doc.glue(j, Glue::BetweenSubjectAndVerb)
                            || self.doc.glue(j, Glue::Passive));
                    if verbish {
                        return k;
                    }
                }
            }
            if !in_quote
                && self.is_punct(k, &[",", "—", "–"])
                && self.attribution_follows(k + 1, s_end, own_cue)
            {
                return k;
            }
            // "Roe, who said the plan was vetted, said …": a finite verb of
            // saying right after a comma is the main clause resuming —
            // unless the content is a whole clause whose own subject that
            // verb has ("According to X, Li, a doctor, wrote that …").
            let whole_clause =
                own_cue.is_some_and(|c| self.cues[c].info(self.lex).frame == CueFrame::Source);
            if !in_quote
                && !whole_clause
                && k > from
                && self.is_punct(k, &[",", "—", "–"])
                && k + 1 < s_end
            {
                if let Some(c2) = self.cue_starting_at(k + 1) {
                    let info = self.cues[c2].info(self.lex);
                    if Some(c2) != own_cue
                        && info.is_speech_verb()
                        && !info.participle
                        && !info.question
                    {
                        return k;
                    }
                }
                // "who lobbied for the ban on Thursday, did not offer …": a
                // finite verb after the first comma is the main clause's.
                let w = self.tok(k + 1);
                if !whole_clause
                    && self.is_punct(k, &[","])
                    && self.is_word(k + 1)
                    && !self.is_cap(k + 1)
                    && self.lex.is(Glue::FiniteVerbs, w)
                    && !(from..k).any(|j| self.is_punct(j, &[",", "—", "–"]))
                {
                    return k;
                }
            }
            // `… “New York values,” stating …`: a comma kept inside the
            // closing quote mark ends the clause like one outside it.
            if k > from
                && k + 1 < s_end
                && self.doc.tokens[k].is(DOUBLE_MARK)
                && self.is_punct(k - 1, &[","])
                && self.closes_quote(k)
            {
                let w = self.tok(k + 1);
                if (self.is_word(k + 1) && self.lex.is(Glue::ContentBreaks, w))
                    || self.attribution_follows(k + 1, s_end, own_cue)
                {
                    return k + 1;
                }
            }
            // "..., and added that ...": a second cue of the same subject,
            // also one whose object is what it says ("… as a disaster and
            // accused him of lying": PolNeAR train contents end before such
            // a verb 65 times and run through it 19, scripts/analysis/
            // coordinated.py); "…, and three-quarters said …": a new
            // speaker's.
            if !in_quote && (self.tok_is(k, "and") || self.tok_is(k, "but")) && k + 1 < s_end {
                if let Some(c2) = self.cue_starting_at(k + 1) {
                    let info = self.cues[c2].info(self.lex);
                    let says = info.is_speech_verb()
                        || (info.frame == CueFrame::Object
                            && info.attribution == Attribution::Speech);
                    if Some(c2) != own_cue && says {
                        return k;
                    }
                }
                if k > from
                    && self.is_punct(k - 1, &[","])
                    && self.new_speaker_follows(k + 1, s_end, own_cue)
                {
                    return k - 1;
                }
            }
            k += 1;
        }
        s_end
    }

    /// Whether a new attribution opens at token `k` after ", and": a few
    /// words of a speaker, then a finite verb of saying ("…, and more than
    /// 4 in 10 said …"), with no comma or quote between.
    fn new_speaker_follows(&self, k: usize, s_end: usize, own_cue: Option<usize>) -> bool {
        const MAX_SPEAKER_TOKENS: usize = 6;
        let limit = (k + MAX_SPEAKER_TOKENS + 1).min(s_end);
        for j in k + 1..limit {
            if !self.is_word(j) || self.doc.tokens[j].is(IN_QUOTE) {
                return false;
            }
            if let Some(c) = self.cue_starting_at(j) {
                let info = self.cues[c].info(self.lex);
                return Some(c) != own_cue && info.is_speech_verb() && !info.participle;
            }
        }
        false
    }

    /// Whether ", but" at token `but` goes on with what was said: ", but
    /// that …", or a lower-case word that is no pronoun and no determiner
    /// with no cue close after it (", but can happen"); PolNeAR train
    /// contents run through those 75 % and 64 % of the time, against about
    /// half after a pronoun or a name ("…, but he gave no details").
    fn but_goes_on(&self, but: usize, s_end: usize) -> bool {
        let next = but + 1;
        if !self.tok_is(but, "but") || next >= s_end || !self.is_word(next) {
            return false;
        }
        if self.tok_is(next, "that") {
            return true;
        }
        let w = self.tok(next);
        !self.is_cap(next)
            && self.lex.pronoun(w).is_none()
            && !self.doc.glue(next, Glue::Determiners)
            && (next..(next + 4).min(s_end)).all(|j| self.cue_starting_at(j).is_none())
    }

    /// Whether ", which …" / ", who …" at token `rel` goes on with what was
    /// said: after a reported clause that has its own verb ("…, the mill had
    /// closed, which left forty without work"). PolNeAR train contents with
    /// a verb run through such a relative 107 times and end before it 78
    /// times; contents that only name a thing ("…, which …" after an object)
    /// end before it 141 times against 75 (`scripts/analysis/relatives.py`).
    fn relative_goes_on(&self, from: usize, rel: usize) -> bool {
        self.is_word(rel)
            && self.doc.glue(rel, Glue::Relative)
            && (from..rel).any(|j| {
                if !self.is_word(j) || self.is_cap(j) {
                    return false;
                }
                let w = self.tok(j);
                self.doc.glue(j, Glue::FiniteVerbs) || (w.len() > 4 && w.ends_with("ed"))
            })
    }

    /// Whether an attribution starts at token `k` (right after a comma):
    /// a participle or source cue, or `X said` / `said X` ending the clause.
    fn attribution_follows(&self, k: usize, s_end: usize, own_cue: Option<usize>) -> bool {
        if k >= s_end {
            return false;
        }
        if let Some(c) = self.cue_starting_at(k) {
            if Some(c) == own_cue {
                return false;
            }
            let info = self.cues[c].info(self.lex);
            if info.frame == CueFrame::Source || (info.participle && info.is_speech_verb()) {
                return true;
            }
            // ", said Roe."
            if let Some(m) = self.mention_right(self.cues[c].last + 1, s_end, false) {
                let after = m.apposition.map(|a| a.1).unwrap_or(m.last + 1);
                return after >= s_end || self.is_punct(after, &[".", "!", "?"]);
            }
            return false;
        }
        // ", Roe said." / ", the report read." / ", and other leaders said …"
        let k = if k + 1 < s_end && (self.tok_is(k, "and") || self.tok_is(k, "but")) {
            k + 1
        } else {
            k
        };
        let limit = (k + 8).min(s_end);
        for j in k..limit {
            if let Some(c) = self.cue_starting_at(j) {
                if Some(c) == own_cue || j == k {
                    return false;
                }
                let Some(m) = self.mention_left(j, k) else {
                    return false;
                };
                if m.first != k {
                    return false;
                }
                // A named speaker and a speech cue start an attribution of
                // their own: "…, Roe said." ends the clause, and so does
                // "…, Roe said the plan …" (a new statement).
                let speech = self.cues[c].info(self.lex).is_speech_verb();
                let mut e = self.cues[c].last + 1;
                while e < s_end && self.is_word(e) && self.doc.glue(e, Glue::Adverbials) {
                    e += 1;
                }
                return e >= s_end
                    || self.is_punct(e, &[".", "!", "?", ","])
                    || (speech && !m.loose);
            }
            if self.is_punct(j, &[",", ";"]) {
                return false;
            }
        }
        false
    }

    /// The content span from token `a` to token `b` (exclusive), trimmed of
    /// edge punctuation (but keeping a closing quote mark of a fragment).
    pub(super) fn content_span(&self, a: usize, b: usize) -> Option<Span> {
        let mut a = a;
        let mut b = b;
        while a < b
            && !self.is_word(a)
            && !self.doc.tokens[a].is(DOUBLE_MARK)
            && !self.is_punct(a, &["(", "‘"])
        {
            a += 1;
        }
        while b > a {
            let last = b - 1;
            let keeps = self.is_word(last)
                || self.is_punct(last, &[")", "’"])
                || (self.doc.tokens[last].is(DOUBLE_MARK) && self.closes_quote(last));
            if keeps {
                break;
            }
            b -= 1;
        }
        if b <= a {
            return None;
        }
        Some(self.doc.span(a, b - 1))
    }

    /// The statement that cue `c` reports with the content tokens `a..b`
    /// (trimmed; `None` when nothing is left), said by `mention`, within
    /// the cue's sentence; confidence 0.75 and priority 1 until the rule
    /// sets its own.
    pub(super) fn reported(
        &self,
        c: usize,
        a: usize,
        b: usize,
        mention: Option<Mention>,
    ) -> Option<Statement> {
        // "Last week, Roe posted on Twitter …": a time phrase alone says
        // nothing.
        if self.only_time_words(a, b) {
            return None;
        }
        let through = self.through_open_quote(a, b);
        let sentence = self.sent_of(self.cues[c].first);
        // A quote run on past the sentence end takes the sentences it
        // spans.
        let sentence_last = if through > b {
            sentence.max(self.sent_of(through - 1))
        } else {
            sentence
        };
        let b = through;
        Some(Statement {
            kind: self.kind_of(a, b),
            attribution: self.cues[c].info(self.lex).attribution,
            content: self.content_span(a, b)?,
            cue: Some(c),
            cue_token: None,
            mention,
            inherit: Inherit::No,
            addressee: None,
            sentence_first: sentence,
            sentence_last,
            confidence: 0.75,
            priority: 1,
        })
    }

    /// Where content `a..b` ends when its last token is inside a quote that
    /// opened in it and closes after it, past the sentence end ("said the
    /// rules “are set. We will keep them.”"): at the closing mark (PolNeAR
    /// train: 26 of 28 such contents run on to the mark in the gold;
    /// `scripts/analysis/open-quotes.py`). Else `b`.
    fn through_open_quote(&self, a: usize, b: usize) -> usize {
        if b <= a || !self.doc.tokens[b - 1].is(IN_QUOTE) {
            return b;
        }
        let from = self.quotes.partition_point(|q| q.open < a);
        self.quotes[from..]
            .iter()
            .take_while(|q| q.open < b)
            .find(|q| q.first < b && b < q.end)
            .and_then(|q| q.close)
            .map_or(b, |close| close + 1)
    }

    /// Whether the words of tokens `a..b` are all words of time and
    /// circumstance ("On Tuesday", "Then, last week", "In 1962").
    fn only_time_words(&self, a: usize, b: usize) -> bool {
        (a..b).all(|k| {
            !self.is_word(k)
                || self.doc.glue(k, Glue::Adverbials)
                || self.doc.glue(k, Glue::Calendar)
                || self.tok(k).bytes().all(|x| x.is_ascii_digit())
        })
    }

    /// Mixed when the content tokens hold a quote, else indirect.
    pub(super) fn kind_of(&self, a: usize, b: usize) -> StatementKind {
        if (a..b).any(|k| self.doc.tokens[k].is(IN_QUOTE)) {
            StatementKind::Mixed
        } else {
            StatementKind::Indirect
        }
    }

    /// Where the subject of a clause starting at `limit` begins: after an
    /// introductory phrase ("However, ", "In an interview, ") or a dateline.
    pub(super) fn clause_subject_start(&self, limit: usize, before: usize) -> usize {
        let (s_start, _) = self.sent_range(limit.min(self.doc.tokens.len() - 1));
        let a = limit.max(s_start);
        if a >= before {
            return a;
        }
        // A dateline: "WASHINGTON (AP) — ".
        if self.doc.tokens[a].is(ALLCAPS) {
            if let Some(d) = (a..before.min(a + 8)).find(|&j| self.is_punct(j, &["—", "–", "-"]))
            {
                return d + 1;
            }
        }
        let opener = self.tok(a);
        let intro = self.is_word(a)
            && self.lex.pronoun(opener).is_none()
            && !self.doc.glue(a, Glue::Determiners)
            && (self.lex.is_stopword(opener) || opener.ends_with("ly") || !self.is_cap(a));
        if intro {
            if let Some(comma) = (a..before.min(a + 15)).find(|&j| self.is_punct(j, &[","])) {
                if comma - a <= 14 {
                    return self.after_place_apposition(comma + 1, before);
                }
            }
        }
        a
    }

    /// "At an event in Tallow, Ohio, Roe said": the place set off by commas
    /// after an introductory phrase belongs to it. The token after that
    /// place's comma, or `k`.
    fn after_place_apposition(&self, k: usize, before: usize) -> usize {
        if k >= before || !self.is_cap(k) {
            return k;
        }
        let e = self.name_run_end(k, before);
        let place = e + 2 < before
            && self.is_punct(e + 1, &[","])
            && self.lex.is_place(self.doc.span(k, e).slice(self.doc.text));
        if place {
            e + 2
        } else {
            k
        }
    }

    /// Whether a clause opens at token `a`: after a comma, semicolon, colon
    /// or dash, a coordinating word, or at its sentence's start.
    pub(super) fn clause_boundary_before(&self, a: usize) -> bool {
        if a == 0 || self.sent_of(a - 1) != self.sent_of(a) {
            return true;
        }
        self.is_punct(a - 1, &[",", ";", ":", "—", "–", "-", "(", "“", "\""])
            || matches!(
                self.tok(a - 1).to_ascii_lowercase().as_str(),
                "and"
                    | "but"
                    | "so"
                    | "yet"
                    | "while"
                    | "because"
                    | "as"
                    | "when"
                    | "which"
                    | "that"
                    | "where"
                    | "whom"
                    | "after"
                    | "before"
                    | "since"
                    | "if"
            )
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_time_phrase_alone_is_no_content() {
        for text in [
            "Last week, Ana Vold posted on Twitter a photo of the mill.",
            "Then, last week, Ana Vold posted on Twitter a photo of the mill.",
            "On Tuesday, Ana Vold wrote on her blog about the mill.",
        ] {
            let r = run(text);
            assert!(
                r.iter()
                    .all(|x| !x.1.contains("week") && !x.1.contains("Tuesday")),
                "{text}: {r:?}"
            );
        }
        // A clause with a time phrase in it still is one.
        let r = one("On Tuesday the mill closed, Ana Vold wrote.");
        assert_eq!(r.1, "On Tuesday the mill closed");
    }

    #[test]
    fn a_quote_opened_in_the_content_runs_on_to_its_closing_mark() {
        let r = run("Roe said the rules “are set. We will keep them that way.” Vold disagreed.");
        assert_eq!(r[0].1, "the rules “are set. We will keep them that way.”");
        // A quote closed inside the sentence leaves the end where it was.
        let r = run("Roe said the rules are “set in stone” for now. We will see.");
        assert_eq!(r[0].1, "the rules are “set in stone” for now");
    }

    #[test]
    fn a_comma_inside_a_closing_quote_ends_the_clause() {
        let r = run("Roe said that the levy was “a disgrace,” adding that it would be repealed.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].1, "the levy was “a disgrace,”");
        assert_eq!(
            (r[1].1.as_str(), r[1].3.clone()),
            ("it would be repealed", s("Roe"))
        );
        let r = one("Farmers, however, say the levy is unfair.");
        assert_eq!(r.3, s("Farmers"));
    }

    #[test]
    fn a_finite_verb_after_the_first_comma_is_the_main_clause() {
        let r = run("Roe, who lobbied for a ban on Monday, did not answer questions.");
        assert_eq!(r[0].1, "for a ban on Monday");
        // After an apposition inside the content, the clause goes on.
        assert_eq!(
            one("Roe said Poe, the mayor, was wrong about the mill.").1,
            "Poe, the mayor, was wrong about the mill"
        );
        // The clause after "according to X," keeps its own verb (and the
        // speech it reports is a statement too).
        let r = run("According to the Herald, Li Poe, a doctor, wrote that the mill had closed.");
        assert_eq!(r[0].1, "Li Poe, a doctor, wrote that the mill had closed");
        assert_eq!(
            (r[1].1.as_str(), r[1].3.clone()),
            ("the mill had closed", s("Li Poe"))
        );
    }

    #[test]
    fn a_dashed_aside_and_but_that_go_on_with_the_clause() {
        assert_eq!(
            one("Roe said the valley — and the towns below it — would flood.").1,
            "the valley — and the towns below it — would flood"
        );
        assert_eq!(
            one("The valley — and the towns below it — would flood, Roe said.").1,
            "The valley — and the towns below it — would flood"
        );
        assert_eq!(
            one("Roe said the mill was safe, but that the dam was not.").1,
            "the mill was safe, but that the dam was not"
        );
        assert_eq!(
            one("Roe said the mill was safe, but he gave no details.").1,
            "the mill was safe"
        );
    }

    #[test]
    fn a_coordinated_verb_of_saying_with_an_object_ends_the_content() {
        let r = run("She described the plan as a disaster and accused Roe of lying.");
        assert!(r.iter().any(|x| x.1 == "as a disaster"), "{r:?}");
        assert!(r.iter().any(|x| x.1 == "of lying"), "{r:?}");
        // A verb that is no cue goes on with the content.
        assert_eq!(
            one("Roe said the mill was old and needed repairs.").1,
            "the mill was old and needed repairs"
        );
    }

    #[test]
    fn a_relative_after_a_clause_with_its_verb_goes_on() {
        assert_eq!(
            one("Roe said the mill had closed, which left forty people without work.").1,
            "the mill had closed, which left forty people without work"
        );
        assert_eq!(
            one("Roe said the plan came from Poe, who had run the mill for years.").1,
            "the plan came from Poe, who had run the mill for years"
        );
        // A content that only names a thing ends before the relative.
        let r = run("Roe endorsed the new levy, which the council passed in May.");
        assert_eq!(r[0].1, "the new levy", "{r:?}");
    }

    #[test]
    fn a_reported_clause_ends_at_a_semicolon_a_dash_or_a_new_clause() {
        assert_eq!(
            one("Roe said the mill would close; the union disagreed.").1,
            "the mill would close"
        );
        assert_eq!(
            one("Roe said the mill would close — a blow to the valley.").1,
            "the mill would close"
        );
        let r = run("Roe said the mill would close and added that the jobs would go.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].1, "the mill would close");
        assert_eq!(r[1].1, "the jobs would go");
    }

    #[test]
    fn content_spans_are_trimmed_of_edge_punctuation() {
        with("Roe said, the mill would close.", |a| {
            let (from, to) = (at(a, ","), at(a, ".") + 1);
            let span = a.content_span(from, to).unwrap();
            assert_eq!(span.slice(a.doc.text), "the mill would close");
            assert_eq!(a.content_span(at(a, "."), to), None);
        });
    }

    #[test]
    fn clauses_start_after_a_colon_and_at_clause_boundaries() {
        with(
            "On one thing: the mill would close, and nobody knew.",
            |a| {
                let close = at(a, "close");
                assert_eq!(a.clause_start(0, close), at(a, "the"));
                assert!(a.clause_boundary_before(at(a, "nobody")));
                assert!(!a.clause_boundary_before(at(a, "mill")));
            },
        );
    }
}
