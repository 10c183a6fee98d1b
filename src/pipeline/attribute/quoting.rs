//! Reports of what someone else said: "the paper quoted Roe as saying …",
//! "it quoted a spokesman complaining that …", "…, with the Herald calling
//! it …". The one quoted speaks the participle's clause, and a report by a
//! verb of quoting is a statement of its own.

use super::{Attributor, Mention, Statement};
use crate::lexicon::Glue;
use crate::text::Span;

impl Attributor<'_, '_> {
    /// The object of a verb of quoting, or of "with", right before
    /// participle cue `cue_first` ("quoted Roe as saying", "cited a
    /// spokesman for the mill saying", "with the Herald calling it …"):
    /// the noun phrase must fill the gap between them.
    pub(super) fn quoted_object(
        &self,
        cue_first: usize,
        s_start: usize,
    ) -> Option<(usize, Mention)> {
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
    pub(super) fn quoting_statement(&self, c: usize, inner: &Statement) -> Option<Statement> {
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

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
}
