//! Quote paragraphs with no tag of their own: they continue the previous
//! speaker's quote chain, or belong to their own sentence's subject.

use super::{Attributor, Inherit, Statement, ORPHAN_QUOTE_WORDS};
use crate::event::{Attribution, StatementKind};

impl Attributor<'_, '_> {
    /// Quote paragraphs with no cue of their own continue the previous
    /// statement's speaker.
    pub(super) fn floating(&mut self) {
        let mut extra = Vec::new();
        // `out` is sorted by content start; contents rarely nest, so the
        // statements just before a quote are the ones that can cover it.
        let before = |out: &[Statement], at: usize| out.partition_point(|s| s.content.start < at);
        for q in self.quotes {
            if q.words < 4 {
                continue;
            }
            let i = before(&self.out, q.inner.end);
            if self.out[i.saturating_sub(8)..i]
                .iter()
                .any(|s| s.content.overlaps(q.inner))
            {
                continue;
            }
            let para = &self.doc.paragraphs[q.paragraph];
            let (s_start, _) = self.sent_range(q.open);
            // A long quote with no attribution at all is still speech: it
            // goes to the previous speaker, with low confidence.
            let orphan = q.open != s_start;
            if orphan && q.words < ORPHAN_QUOTE_WORDS {
                continue;
            }
            // The previous statement must sit in this paragraph or the one
            // right before it, with nothing else in between.
            let j = before(&self.out, q.inner.start);
            let prev = self.out[j.saturating_sub(8)..j]
                .iter()
                .filter(|s| s.content.end <= q.inner.start)
                .max_by_key(|s| s.content.end);
            let Some(prev) = prev else { continue };
            let prev_para = self.para_of_span(prev.content);
            let near = prev_para == q.paragraph
                || (prev_para + 1 == q.paragraph)
                || self.only_skips_between(prev_para, q.paragraph)
                || q.words >= ORPHAN_QUOTE_WORDS;
            if para.skip || !near {
                continue;
            }
            let orphan = orphan
                || !(prev_para + 1 >= q.paragraph
                    || self.only_skips_between(prev_para, q.paragraph));
            // A quote inside a sentence of its own subject's (`Roe, facing
            // the crowd, asked them “Q”`) is that subject's, not the
            // previous speaker's.
            let subject = if orphan {
                self.sentence_subject(q.open)
            } else {
                None
            };
            extra.push(Statement {
                kind: StatementKind::Direct,
                attribution: Attribution::Speech,
                content: q.inner,
                cue: None,
                cue_token: None,
                mention: subject,
                inherit: if subject.is_some() {
                    Inherit::No
                } else {
                    Inherit::PreviousStatement
                },
                addressee: None,
                sentence_first: self.sent_of(q.open),
                sentence_last: self.sent_of(q.end.saturating_sub(1).max(q.open)),
                confidence: if orphan { 0.35 } else { 0.6 },
                priority: 5,
            });
        }
        if !extra.is_empty() {
            self.out.extend(extra);
            self.out.sort_by_key(|s| s.content.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn floating_quote_follows_the_previous_speaker() {
        let r = run(
            "“We start on Monday,” Roe said.\n\n“And we will not stop until the work is done.”",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].2, None);
        assert_eq!(r[1].3, None);
    }

    #[test]
    fn an_orphan_quote_belongs_to_its_sentences_subject() {
        let r = run("“We start Monday,” Roe said.\n\nWhile Vold labels the plan a “terrific piece of work and well worth the long wait for it,” the union is unhappy.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[1].3, s("Vold"));
    }

    #[test]
    fn a_short_quote_far_from_any_speaker_is_left_alone() {
        let r = run(
            "“We start on Monday,” Roe said.\n\nThe council met later that week.\n\nThe sign read “Closed for good” there.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
    }
}
