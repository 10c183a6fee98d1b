//! Statements made of pieces around a tag: the lead fragment before a
//! parenthetical tag (`If it fails, Roe warned, …`), the clause after it,
//! quotes the reporter's words lead into (mixed), and questions put by a
//! named asker.

use super::{Attributor, Statement, MAX_CONTENT_TOKENS};
use crate::lexicon::Glue;
use crate::pipeline::quotes::Quote;
use crate::pipeline::segment::{DOUBLE_MARK, IN_QUOTE, WORD};

impl Attributor<'_, '_> {
    /// The first token of the reporter's words that lead into quote `q` in
    /// its clause (`The plan, “will fail,” she said.`), when there are at
    /// least three of them, with no cue and no other quote among them.
    pub(super) fn quote_lead_in(&self, q: &Quote) -> Option<usize> {
        let (s_start, _) = self.sent_range(q.open);
        let a = self.clause_start(s_start, q.open);
        if a >= q.open {
            return None;
        }
        let mut words = 0;
        for j in a..q.open {
            let t = self.doc.tokens[j];
            if t.is(DOUBLE_MARK) || t.is(IN_QUOTE) || self.cue_starting_at(j).is_some() {
                return None;
            }
            words += usize::from(t.is(WORD));
        }
        (words >= 3).then_some(a)
    }

    /// Whether question cue `c` is passive: "When asked …", "Asked …, Roe
    /// said", "Roe was asked …".
    pub(super) fn passive_question(&self, c: usize) -> bool {
        let first = self.cues[c].first;
        let (s_start, _) = self.sent_range(first);
        first == s_start
            || self.is_punct(first - 1, &[",", ";", "—", "(", "“", "\""])
            || self.doc.glue(first - 1, Glue::Passive)
            || self.doc.glue(first - 1, Glue::BetweenSubjectAndVerb)
                && first >= 2
                && self.doc.glue(first - 2, Glue::Passive)
    }

    /// A passive question cue with a named asker reports the question:
    /// "When asked by reporters whether the plan would pass, Roe said …" →
    /// reporters asked "whether the plan would pass".
    pub(super) fn question_statement(&self, c: usize) -> Option<Statement> {
        const OPENERS: [&str; 13] = [
            "if", "whether", "what", "why", "how", "who", "whom", "when", "where", "which",
            "about", "to", "for",
        ];
        let cue = &self.cues[c];
        let (_, s_end) = self.sent_range(cue.first);
        let (agent, k) = self.by_agent(cue.last + 1, s_end)?;
        // Where and when it was asked: "on Fox News", "during a debate".
        let limit = (k + 10).min(s_end);
        let q = (k..limit).find(|&j| {
            self.is_word(j) && OPENERS.iter().any(|o| self.tok(j).eq_ignore_ascii_case(o))
        })?;
        if (k..q).any(|j| {
            self.doc.tokens[j].is(DOUBLE_MARK)
                || self.is_punct(j, &[",", ";", ":", "."])
                || self.cue_starting_at(j).is_some()
        }) {
            return None;
        }
        // "to" and "for" open a question only right after the cue: "asked
        // to confirm", not "went to Iowa".
        if matches!(self.tok(q), "to" | "for") && q != k {
            return None;
        }
        let mut end = q;
        while end < s_end.min(q + MAX_CONTENT_TOKENS)
            && (self.doc.tokens[end].is(IN_QUOTE)
                || !self.is_punct(end, &[",", ";", ":", ".", "?", "!", "—", "–"]))
        {
            end += 1;
        }
        // A topic from an unnamed asker ("When asked about it, Roe said
        // …") only frames the answer; a real question ("Asked whether the
        // plan would pass, …") is a statement of its own, with no speaker.
        let question = self.doc.glue(q, Glue::Questions);
        if (agent.is_none() && !question) || (q..end).filter(|&j| self.is_word(j)).count() < 3 {
            return None;
        }
        Some(Statement {
            confidence: 0.6,
            priority: 2,
            ..self.reported(c, q, end, agent)?
        })
    }

    /// For a tail attribution set off by commas (`X, she said, Y.`), the
    /// statement `Y` after it.
    pub(super) fn after_parenthetical(&self, c: usize, st: &Statement) -> Option<Statement> {
        let cue = &self.cues[c];
        let (_, s_end) = self.sent_range(cue.first);
        let m = st.mention?;
        // Only for tail attributions (content before the cue).
        if st.content.end > self.doc.tokens[cue.first].span.start
            || !self.cues[c].info(self.lex).is_speech_verb()
        {
            return None;
        }
        let mut k = m
            .apposition
            .map(|a| a.1)
            .unwrap_or(m.last + 1)
            .max(cue.last + 1);
        while k < s_end && self.is_word(k) && self.doc.glue(k, Glue::Adverbials) {
            k += 1;
        }
        if k >= s_end || !self.is_punct(k, &[","]) {
            return None;
        }
        let start = k + 1;
        // "…, the commission said, according to Reuters.": a cue after the
        // comma opens an attribution of its own, not more of what was said.
        if start < s_end && self.cue_starting_at(start).is_some() {
            return None;
        }
        let end = self.content_end(start, s_end, Some(c));
        if (start..end).filter(|&j| self.is_word(j)).count() < 2 {
            return None;
        }
        // `…, said Roe, an Orlando lawyer who …`: after an inverted tag the
        // words are an apposition of the speaker, not a second statement.
        let inverted = m.first > cue.last;
        let w = self.tok(start);
        if inverted
            && (self.doc.glue(start, Glue::Determiners)
                || self.doc.glue(start, Glue::Relative)
                || self.lex.role(w).is_some())
        {
            return None;
        }
        let content = self.content_span(start, end)?;
        Some(Statement {
            kind: self.kind_of(start, end),
            content,
            priority: 1,
            ..st.clone()
        })
    }

    /// `If the talks fail, Roe warned, the strike will go on.`: a tag set
    /// off by commas inside its clause reports the words before it as well
    /// as those after it. The lead fragment becomes a statement of its own,
    /// with the same speaker and cue, unless another statement holds it.
    pub(super) fn lead_fragments(&mut self) {
        let mut taken: Vec<(usize, usize)> = self
            .out
            .iter()
            .map(|s| (s.content.start, s.content.end))
            .collect();
        taken.sort_unstable();
        let free = |a: usize, b: usize, taken: &[(usize, usize)]| {
            // Spans are sorted by start; any overlap starts before `b`.
            let upto = taken.partition_point(|&(s, _)| s < b);
            taken[..upto].iter().rev().take(64).all(|&(_, e)| e <= a)
        };
        let mut extra = Vec::new();
        for st in &self.out {
            let (Some(c), Some(m)) = (st.cue, st.mention) else {
                continue;
            };
            let cue = &self.cues[c];
            let tag_first = m.first.min(cue.first);
            let tag_last = m
                .apposition
                .map_or(m.last, |a| a.1.saturating_sub(1))
                .max(cue.last);
            if tag_first < 2
                || st.content.start < self.doc.tokens[tag_last].span.end
                || !self.is_punct(tag_first - 1, &[","])
                || self.doc.tokens[tag_first - 1].is(IN_QUOTE)
            {
                continue;
            }
            // The tag must be closed by a comma too: "On Monday, Roe said
            // the plan …" has no lead fragment.
            let closed = (tag_last + 1..self.doc.tokens.len())
                .take(32)
                .take_while(|&j| self.doc.tokens[j].span.start < st.content.start)
                .any(|j| self.is_punct(j, &[","]));
            if !closed {
                continue;
            }
            let comma = tag_first - 1;
            let (s_start, _) = self.sent_range(cue.first);
            let a = self.clause_start(s_start, comma);
            if a >= comma
                || (a..comma).any(|j| {
                    self.doc.tokens[j].is(DOUBLE_MARK) || self.cue_starting_at(j).is_some()
                })
            {
                continue;
            }
            // The fragment must be a clause of what was said, not an
            // adjunct of the tag: "However, Roe said, …", "When asked about
            // it, Roe said, …", "In an interview, …".
            let words = (a..comma).filter(|&j| self.is_word(j)).count();
            let opener = self.tok(a);
            // A determiner opens a noun phrase of what was said ("The
            // bigger risk, he said, is …"), unless a time word follows it
            // ("This week, Roe said, …").
            let noun_phrase = self.doc.glue(a, Glue::Determiners)
                && a + 1 < comma
                && self.is_word(a + 1)
                && !self.doc.glue(a + 1, Glue::Adverbials)
                && !self.doc.glue(a + 1, Glue::Calendar);
            // One word is enough: "Otherwise, she said, …", "Trump, he
            // said, …" (PolNeAR train: 38 of 50 one-word leads are
            // statements; scripts/analysis/lead-fragments.py --one-word).
            if words == 0
                || (self.doc.glue(a, Glue::Adverbials) && !noun_phrase)
                || self.doc.glue(a, Glue::ContentStops)
                || opener.ends_with("ly")
                || opener.ends_with("ing")
                || (a..comma).any(|j| self.tok_is(j, "asked") || self.doc.cue_form(j))
            {
                continue;
            }
            let Some(fragment) = self.reported(c, a, comma, Some(m)) else {
                continue;
            };
            if !free(fragment.content.start, fragment.content.end, &taken) {
                continue;
            }
            extra.push(Statement {
                addressee: st.addressee,
                sentence_first: self.sent_of(a),
                confidence: 0.6,
                priority: 3,
                ..fragment
            });
        }
        for st in extra {
            let at = taken.partition_point(|&(s, _)| s < st.content.start);
            taken.insert(at, (st.content.start, st.content.end));
            self.out.push(st);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_parenthetical_tag_reports_the_fragment_before_it_too() {
        let r = run("If the talks fail, Mr. Roe warned, the strike will go on for weeks.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].1, "If the talks fail");
        assert_eq!(r[1].1, "the strike will go on for weeks");
        assert_eq!(r[0].3, r[1].3);
        // An adjunct before the tag is no statement; neither is a lead
        // without a closing comma.
        assert_eq!(run("However, Roe said, the strike will go on.").len(), 1);
        assert_eq!(run("On Monday, Roe said the strike will go on.").len(), 1);
    }

    #[test]
    fn a_lead_fragment_may_open_with_a_determiner() {
        let r = run("The bigger risk, Roe said, is a strike at the Tallow mill.");
        assert!(r.iter().any(|x| x.1 == "The bigger risk"), "{r:?}");
        assert!(
            r.iter().any(|x| x.1 == "is a strike at the Tallow mill"),
            "{r:?}"
        );
        // A determiner before a time word is an adjunct of the tag.
        let r = run("This week, Roe said, the strike will go on.");
        assert_eq!(r.len(), 1, "{r:?}");
    }

    #[test]
    fn a_lead_fragment_may_be_one_word() {
        let r = run("Otherwise, Roe said, the levy will pass in Tallow.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].1, "Otherwise");
        let r = run("Vold, Roe said, is the one to beat in Tallow.");
        assert!(r.iter().any(|x| x.1 == "Vold"), "{r:?}");
        // An adverbial of the tag is still no statement.
        assert_eq!(run("Meanwhile, Roe said, the levy will pass.").len(), 1);
    }

    #[test]
    fn a_quote_completing_the_reporters_clause_is_mixed() {
        let r = one("The new levy, “will hurt every farmer in the valley,” Mr. Roe said.");
        assert_eq!(r.0, "mixed");
        assert_eq!(r.1, "The new levy, “will hurt every farmer in the valley,”");
    }

    #[test]
    fn passive_questions_report_the_question() {
        // An unnamed asker's question is a statement with no speaker; the
        // topic of one only frames the answer.
        let r = run("Asked on Monday whether the mill would close, Roe said no.");
        assert_eq!(
            (r[0].1.as_str(), r[0].3.clone()),
            ("whether the mill would close", None),
            "{r:?}"
        );
        assert!(run("When asked about the mill and its future, Roe said no.").is_empty());
        let r = run("When asked by reporters about the strike, Roe said nothing.");
        assert_eq!(
            (r[0].1.as_str(), r[0].3.clone()),
            ("about the strike", s("reporters")),
            "{r:?}"
        );
        let r = one("Roe asked the minister whether the plan would pass.");
        assert_eq!(
            (r.1.as_str(), r.3),
            ("whether the plan would pass", s("Roe"))
        );
    }

    #[test]
    fn a_tag_set_off_by_commas_reports_the_clause_after_it() {
        let r = run("The mill, Roe said, will close in May.");
        assert!(
            r.iter()
                .any(|x| x.1 == "will close in May" && x.3 == s("Roe")),
            "{r:?}"
        );
        // A cue after the comma opens an attribution of its own.
        let r = run("Two mills will close, the union said, according to the Varnholm Herald.");
        assert!(r.iter().all(|x| !x.1.starts_with("according")), "{r:?}");
        let r = run("The mill will close, Roe said, adding that 40 jobs would go.");
        assert_eq!(
            r.iter().filter(|x| x.1.contains("40 jobs")).count(),
            1,
            "{r:?}"
        );
    }
}
