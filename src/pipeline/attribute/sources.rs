//! Source phrases: `According to X, CLAUSE.`, `CLAUSE, according to X.`,
//! "per X", "as reported by X".

use super::{Attributor, Statement};
use crate::lexicon::CueFrame;

/// The most words before a source set off by commas ("Since May,
/// according to Roe, …") for the clause after it to be what it reports.
const MAX_SOURCE_LEAD_WORDS: usize = 6;

impl Attributor<'_, '_> {
    /// `According to X, CLAUSE.` / `CLAUSE, according to X.`
    pub(super) fn source_statement(&self, c: usize) -> Option<Statement> {
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
        let mut mention = mention;
        let (a, b) = if lead {
            // According to X, CLAUSE.
            let mut k = mention.last + 1;
            if k < s_end && self.is_punct(k, &[","]) {
                k += 1;
            } else {
                return None;
            }
            // What follows the comma is the clause, not an apposition of
            // X: "According to the poll, Roe leads" names no one.
            mention.apposition = None;
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

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
}
