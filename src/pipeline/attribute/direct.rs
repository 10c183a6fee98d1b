//! Direct quotes: the tag after a quote (`“Q,” she said.`, `“Q,” said
//! Roe.`), the cue before it (`She said: “Q.”`, `…, saying “Q.”`), colon
//! lead-ins, interrupted and running quotes, and headlines (`Roe: …`).

use super::{Attributor, Inherit, Mention, QuoteTag, Statement, MAX_CONTENT_TOKENS};
use crate::event::{Attribution, StatementKind};
use crate::lexicon::{CueFrame, Glue};
use crate::pipeline::quotes::Quote;
use crate::pipeline::segment::{DOUBLE_MARK, IN_QUOTE};

impl Attributor<'_, '_> {
    /// Pass 1: attributes every quote to the tag after it or the cue
    /// before it; interrupted and running quotes share an attribution.
    pub(super) fn direct(&mut self) {
        let mut attributions: Vec<Option<QuoteTag>> = vec![None; self.quotes.len()];
        // Quotes attributed by a tag after them: `“Q,” she said.`
        let mut tagged_after = vec![false; self.quotes.len()];
        for (qi, q) in self.quotes.iter().enumerate() {
            attributions[qi] = match self.after_quote(q) {
                Some(a) => {
                    tagged_after[qi] = true;
                    Some(a)
                }
                None => self
                    .before_quote(qi, q)
                    .or_else(|| self.colon_in_sentence(q)),
            };
        }
        // Interrupted quotes: “Q1,” X said. “Q2.” — Q2 shares Q1's attribution.
        for qi in 1..self.quotes.len() {
            if attributions[qi].is_some() {
                continue;
            }
            let (q, p) = (&self.quotes[qi], &self.quotes[qi - 1]);
            if q.paragraph == p.paragraph && q.group == qi {
                if let Some(prev) = attributions[qi - 1] {
                    let between_has_cue =
                        prev.cue.is_some_and(|c| {
                            let c = &self.cues[c];
                            c.first > p.open && c.last < q.open
                        }) || prev.cue_token.is_some_and(|t| t > p.open && t < q.open);
                    if between_has_cue {
                        attributions[qi] = Some(QuoteTag {
                            confidence: prev.confidence - 0.05,
                            ..prev
                        });
                    }
                }
            }
        }
        // Running quotes: every segment shares the group's attribution
        // (a group is named by the index of its first segment).
        let mut by_group: Vec<Option<QuoteTag>> = vec![None; self.quotes.len()];
        for (qi, q) in self.quotes.iter().enumerate() {
            if by_group[q.group].is_none() {
                by_group[q.group] = attributions[qi];
            }
        }
        for (qi, q) in self.quotes.iter().enumerate() {
            if attributions[qi].is_none() {
                attributions[qi] = by_group[q.group];
            }
        }
        for (qi, q) in self.quotes.iter().enumerate() {
            let Some(att) = attributions[qi] else {
                continue;
            };
            if q.words == 0 {
                continue;
            }
            // Titles of works and scare quotes: short, with no verb of their
            // own. Kept only with a cue right next to them.
            if q.words < 3 && !self.cue_adjacent(q, att) {
                continue;
            }
            if let Some(c) = att.cue {
                self.cue_used[c] = true;
            }
            let close = q.close.unwrap_or(q.end.saturating_sub(1));
            let mut s_first = self.sent_of(q.open);
            let mut s_last = self.sent_of(close.min(self.doc.tokens.len() - 1));
            for t in att
                .cue
                .map(|c| self.cues[c].first)
                .into_iter()
                .chain(att.mention.map(|m| m.first))
            {
                s_first = s_first.min(self.sent_of(t));
                s_last = s_last.max(self.sent_of(t));
            }
            // `The plan, “will fail,” she said.`: a quote that completes a
            // clause of the reporter's words is reported as a whole.
            let lead = if tagged_after[qi] && q.group == qi {
                self.quote_lead_in(q)
            } else {
                None
            };
            if let Some(first) = lead {
                s_first = s_first.min(self.sent_of(first));
            }
            let (kind, content) = match lead.and_then(|a| self.content_span(a, close + 1)) {
                Some(span) => (StatementKind::Mixed, span),
                None => (StatementKind::Direct, q.inner),
            };
            self.out.push(Statement {
                kind,
                attribution: att.cue.map_or(Attribution::Speech, |c| {
                    self.cues[c].info(self.lex).attribution
                }),
                content,
                cue: att.cue,
                cue_token: att.cue_token,
                mention: att.mention,
                inherit: Inherit::No,
                addressee: att.addressee,
                sentence_first: s_first,
                sentence_last: s_last,
                confidence: if q.unclosed {
                    att.confidence - 0.2
                } else {
                    att.confidence
                },
                priority: 0,
            });
        }
    }

    /// A headline that names its speaker before a colon: `Roe: Taxes
    /// Will Rise` or `Roe: ‘We Will Win’`.
    pub(super) fn headline(&mut self) {
        let Some(para) = self.doc.paragraphs.iter().position(|p| !p.skip) else {
            return;
        };
        let p = &self.doc.paragraphs[para];
        if p.tokens.len() > 40 || p.tokens.len() < 4 {
            return;
        }
        let Some(colon) = p.tokens.clone().take(8).find(|&j| self.is_punct(j, &[":"])) else {
            return;
        };
        let speaker = p.tokens.start..colon;
        if speaker.is_empty()
            || !speaker
                .clone()
                .all(|j| self.np_word(j) || self.is_punct(j, &["."]))
        {
            return;
        }
        // "Q:" and "A:" introduce interview turns, not speakers.
        if colon - p.tokens.start == 1 && self.tok(p.tokens.start).chars().count() == 1 {
            return;
        }
        let mention = Mention::new(p.tokens.start, colon - 1);
        if !self.plausible_speaker(&mention) {
            return;
        }
        let mut a = colon + 1;
        let mut b = p.tokens.end;
        let quoted = a < b
            && (self.doc.tokens[a].is(DOUBLE_MARK | IN_QUOTE) || self.is_punct(a, &["‘", "'"]));
        if quoted {
            a += 1;
        }
        while b > a && !self.is_word(b - 1) {
            b -= 1;
        }
        if (a..b).filter(|&j| self.is_word(j)).count() < 3 {
            return;
        }
        let content = self.doc.span(a, b - 1);
        self.out.push(Statement {
            kind: if quoted {
                StatementKind::Direct
            } else {
                StatementKind::Indirect
            },
            attribution: Attribution::Speech,
            content,
            cue: None,
            cue_token: Some(colon),
            mention: Some(mention),
            inherit: Inherit::No,
            addressee: None,
            sentence_first: self.sent_of(mention.first),
            sentence_last: self.sent_of(b - 1),
            confidence: 0.6,
            priority: 2,
        });
    }

    /// Whether the attribution's cue sits right next to quote `q` (a short
    /// quote is a statement only then).
    fn cue_adjacent(&self, q: &Quote, att: QuoteTag) -> bool {
        let Some(c) = att.cue else { return false };
        let c = &self.cues[c];
        let close = q.close.unwrap_or(q.end);
        (c.first > close && c.first <= close + 4) || (c.last < q.open && c.last + 3 >= q.open)
    }

    /// `“Q,” she said.` / `“Q,” said Jane Roe, the mayor.`
    fn after_quote(&self, q: &Quote) -> Option<QuoteTag> {
        let close = q.close?;
        let (_, mut s_end) = self.sent_range(close);
        let mut i = close + 1;
        // `“Q?” Roe asked.`: a quote ending in a question or exclamation
        // mark ends its sentence for the segmenter; the tag is the next.
        let mut next_sentence = false;
        if i >= s_end {
            if i >= self.doc.tokens.len() || self.para_of(i) != self.para_of(close) {
                return None;
            }
            let inner = q.inner.slice(self.doc.text).trim_end();
            let asks = inner.ends_with('?') || inner.ends_with('!');
            if !(asks || (self.is_word(i) && !self.is_cap(i))) {
                return None;
            }
            s_end = self.sent_range(i).1;
            next_sentence = true;
        }
        // The quote must not have ended its sentence inside the marks.
        while i < s_end && self.is_punct(i, &[",", "—", "–", "-"]) {
            i += 1;
        }
        let start = i;
        let limit = (start + if next_sentence { 8 } else { 20 }).min(s_end);
        let mut j = start;
        while j < limit {
            if self.doc.tokens[j].is(DOUBLE_MARK) {
                break;
            }
            if let Some(c) = self.cue_starting_at(j) {
                let cue = &self.cues[c];
                let info = cue.info(self.lex);
                if info.frame == CueFrame::Source {
                    if next_sentence {
                        return None;
                    }
                    let m = self.mention_right(cue.last + 1, s_end, true)?;
                    return Some(QuoteTag {
                        cue: Some(c),
                        cue_token: None,
                        mention: Some(m),
                        addressee: None,
                        confidence: 0.85,
                    });
                }
                if j == start && info.participle {
                    // `“Q,” saying …` belongs to the main clause's subject;
                    // a quote inside someone's reported words is no tag's.
                    if self.doc.tokens[q.open].is(IN_QUOTE)
                        || (q.open > 0
                            && self.sent_of(q.open - 1) == self.sent_of(q.open)
                            && !self.is_punct(q.open - 1, &[",", ":"]))
                    {
                        return None;
                    }
                    let m = self.main_subject(cue.first)?;
                    return Some(QuoteTag {
                        cue: Some(c),
                        cue_token: None,
                        mention: Some(m),
                        addressee: None,
                        confidence: 0.7,
                    });
                }
                if j == start {
                    // Inversion: “Q,” said Roe.
                    let m = self
                        .mention_right(cue.last + 1, s_end, false)
                        .or_else(|| self.inverted_description(cue.last + 1, s_end));
                    return Some(QuoteTag {
                        cue: Some(c),
                        cue_token: None,
                        mention: m,
                        addressee: None,
                        confidence: if m.is_some() { 0.9 } else { 0.6 },
                    });
                }
                let m = self.mention_left(j, start)?;
                // The speaker phrase must open the window ("the White House
                // spokesman, Josh Earnest, said" gives the apposed name).
                // … or be preceded only by a few lower-case words of its
                // description ("screenwriter Jon Roe wrote").
                let described = m.first <= start + 3
                    && (start..m.first).all(|x| {
                        self.is_word(x) && !self.is_cap(x) && self.cue_starting_at(x).is_none()
                    });
                // … or follow an aside set off by a comma: `“Q,” as his
                // father hoped, Roe said.`
                let after_aside = m.first > start + 1
                    && m.first <= start + 10
                    && self.is_punct(m.first - 1, &[","])
                    && matches!(
                        self.tok(start).to_ascii_lowercase().as_str(),
                        "as" | "when"
                            | "while"
                            | "after"
                            | "before"
                            | "because"
                            | "if"
                            | "though"
                            | "although"
                    )
                    && (start..m.first - 1)
                        .all(|x| self.is_word(x) && self.cue_starting_at(x).is_none());
                // The tag sentence must be the tag alone: `Roe asked
                // reporters.`, not `He said the plan would work.`
                if next_sentence {
                    let after = cue.last + 1;
                    let w = if after < s_end { self.tok(after) } else { "." };
                    let tag_only = after >= s_end
                        || !self.is_word(after)
                        || self.lex.is(Glue::ContentStops, w)
                        || self.lex.is(Glue::Addressees, w)
                        || matches!(w, "in" | "on" | "at" | "during" | "after" | "before")
                        || (w.ends_with("ly") && w.len() > 4);
                    let pronoun = self.lex.pronoun(self.tok(m.first)).is_some();
                    if !(m.first == start || described)
                        || !tag_only
                        || (pronoun && self.is_cap(m.first))
                    {
                        return None;
                    }
                }
                let head_opens = m.first == start
                    || described
                    || after_aside
                    || (m.first <= start + 8
                        && (self.is_cap(start)
                            || self.doc.glue(start, Glue::Determiners)
                            || self.determiner_like(start)));
                if !head_opens {
                    return None;
                }
                let addressee = self.addressee_after(c).map(|(s, _)| s);
                return Some(QuoteTag {
                    cue: Some(c),
                    cue_token: None,
                    mention: Some(m),
                    addressee,
                    confidence: 0.95,
                });
            }
            j += 1;
        }
        self.verb_tag_after(start, s_end)
    }

    /// A quote tag with a verb outside the cue lexicon, closing the
    /// sentence: `“Q,” she quipped.`, `“Q,” the judge exclaimed, “…”`,
    /// `“Q,” recalled Jon Roe, the chairman.` The verb must look like a
    /// past tense and the tag must end right after it (or after the
    /// inverted speaker), so that a quote followed by a clause of its
    /// own is not taken.
    fn verb_tag_after(&self, start: usize, s_end: usize) -> Option<QuoteTag> {
        let ends_tag = |k: usize| {
            k >= s_end
                || self.is_punct(k, &[".", "!", "?", ","])
                || self.doc.tokens[k].is(DOUBLE_MARK)
        };
        let past = |k: usize| {
            if k >= s_end {
                return false;
            }
            let w = self.tok(k);
            self.is_word(k)
                && !self.is_cap(k)
                && w.len() > 4
                && w.ends_with("ed")
                && !self.lex.is_stopword(w)
                && !self.doc.tokens[k].is(IN_QUOTE)
        };
        // Inversion: “Q,” recalled Jon Roe.
        if past(start) {
            let m = self.mention_right(start + 1, s_end, false)?;
            let after = m.apposition.map(|a| a.1).unwrap_or(m.last + 1);
            if !ends_tag(after) || self.lex.pronoun(self.tok(m.first)).is_some() {
                return None;
            }
            return Some(QuoteTag {
                cue: None,
                cue_token: Some(start),
                mention: Some(m),
                addressee: None,
                confidence: 0.75,
            });
        }
        // “Q,” she quipped. / “Q,” the judge exclaimed.
        let limit = (start + 12).min(s_end);
        let verb = (start + 1..limit).find(|&k| past(k))?;
        let m = self.np_left_of(verb, start)?;
        let opens =
            m.first == start || (self.doc.glue(start, Glue::Determiners) && m.first == start + 1);
        if !opens || !ends_tag(verb + 1) {
            return None;
        }
        Some(QuoteTag {
            cue: None,
            cue_token: Some(verb),
            mention: Some(m),
            addressee: None,
            confidence: 0.75,
        })
    }

    /// `She said: “Q.”` / `…, saying “Q.”` / `X told Y, “Q.”`
    fn before_quote(&self, qi: usize, q: &Quote) -> Option<QuoteTag> {
        let (s_start, s_end) = self.sent_range(q.open);
        // The window starts after an earlier quote of the same sentence.
        let mut w_start = s_start;
        for p in self.quotes[..qi].iter().rev() {
            if p.open < s_start {
                break;
            }
            if let Some(c) = p.close {
                if c >= s_start && c < q.open {
                    w_start = c + 1;
                    break;
                }
            }
        }
        let mut c_idx = None;
        let mut j = q.open;
        while j > w_start {
            j -= 1;
            if let Some(c) = self.cue_starting_at(j) {
                c_idx = Some(c);
                break;
            }
        }
        let Some(c) = c_idx else {
            return self.colon_lead_in(q);
        };
        let cue = &self.cues[c];
        let info = cue.info(self.lex);
        if !info.is_speech_verb() {
            return None;
        }
        // Only punctuation, an addressee and adverbials may stand between
        // the cue and the quote.
        let (addressee, mut k) = self.after_addressee(c);
        let mut words = 0;
        while k < q.open {
            let t = self.tok(k);
            if self.is_word(k) {
                if !(self.doc.glue(k, Glue::Adverbials)
                    || self.is_cap(k)
                    || t.eq_ignore_ascii_case("that"))
                {
                    return None;
                }
                words += 1;
            } else if !matches!(t, "," | ":" | "—" | "–" | "-" | "(" | ")") {
                return None;
            }
            k += 1;
        }
        if words > 6 {
            return None;
        }
        // A quote that the sentence goes on after is a fragment of a mixed
        // statement, unless an attribution follows it.
        if let Some(close) = q.close {
            let mut n = close + 1;
            while n < s_end && self.is_punct(n, &[",", ".", "!", "?", "”", "\"", ")"]) {
                n += 1;
            }
            if n < s_end && !self.doc.tokens[n].is(DOUBLE_MARK) && self.tok(close - 1) != "," {
                let ends_clause = self.is_punct(close - 1, &[".", "!", "?", ","])
                    || self.is_punct(close + 1, &[",", "."]);
                if !ends_clause {
                    return None;
                }
            }
        }
        let mention = if info.participle {
            self.main_subject(cue.first)
        } else {
            self.mention_left(cue.first, w_start)
                .or_else(|| self.mention_right(cue.last + 1, q.open, false))
        };
        mention?;
        Some(QuoteTag {
            cue: Some(c),
            cue_token: None,
            mention,
            addressee,
            confidence: 0.9,
        })
    }

    /// A quote paragraph right after a paragraph that ends in a colon and a
    /// cue: `Roe said:` / `“…”`.
    fn colon_lead_in(&self, q: &Quote) -> Option<QuoteTag> {
        let para = &self.doc.paragraphs[q.paragraph];
        if q.open != para.tokens.start || q.paragraph == 0 {
            return None;
        }
        let prev = &self.doc.paragraphs[q.paragraph - 1];
        if prev.skip || prev.tokens.is_empty() || !self.is_punct(prev.tokens.end - 1, &[":"]) {
            return None;
        }
        let (s_start, _) = self.sent_range(prev.tokens.end - 1);
        let c = (s_start..prev.tokens.end)
            .rev()
            .find_map(|j| self.cue_starting_at(j))?;
        let cue = &self.cues[c];
        if !cue.info(self.lex).is_speech_verb() {
            return None;
        }
        let mention = if cue.info(self.lex).participle {
            self.main_subject(cue.first)
        } else {
            self.mention_left(cue.first, s_start)
        };
        mention?;
        Some(QuoteTag {
            cue: Some(c),
            cue_token: None,
            mention,
            addressee: None,
            confidence: 0.85,
        })
    }

    /// `Roe said yes and took the chance to defend the plan: “Q.”`: a quote
    /// after a colon belongs to the speaker of the sentence's last cue, or,
    /// with no cue, to the name that opens the sentence (`The ministry had
    /// this to say: “Q.”`).
    fn colon_in_sentence(&self, q: &Quote) -> Option<QuoteTag> {
        if q.open == 0 || !self.is_punct(q.open - 1, &[":"]) {
            return None;
        }
        let colon = q.open - 1;
        let (s_start, _) = self.sent_range(colon);
        // Bounded, so a run-on "sentence" of quotes stays linear.
        let s_start = s_start.max(colon.saturating_sub(MAX_CONTENT_TOKENS));
        if colon <= s_start || self.doc.tokens[colon].is(IN_QUOTE) {
            return None;
        }
        if (s_start..colon).any(|j| self.doc.tokens[j].is(DOUBLE_MARK)) {
            return None;
        }
        if let Some(c) = (s_start..colon).rev().find_map(|j| self.cue_starting_at(j)) {
            let cue = &self.cues[c];
            let info = cue.info(self.lex);
            if !(info.is_speech_verb() || info.frame == CueFrame::Object) {
                return None;
            }
            let mention = if info.participle {
                self.main_subject(cue.first)
            } else {
                self.mention_left(cue.first, s_start)
                    .or_else(|| self.main_subject(cue.first))
            };
            return mention.map(|m| QuoteTag {
                cue: Some(c),
                cue_token: None,
                mention: Some(m),
                addressee: None,
                confidence: 0.7,
            });
        }
        // The name must be the subject, with a lower-case verb after it.
        let m = self.sentence_subject(colon)?;
        let verb_follows =
            m.last + 1 < colon && self.is_word(m.last + 1) && !self.is_cap(m.last + 1);
        if !verb_follows || self.lex.pronoun(self.tok(m.first)).is_some() {
            return None;
        }
        Some(QuoteTag {
            cue: None,
            cue_token: Some(colon),
            mention: Some(m),
            addressee: None,
            confidence: 0.6,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn direct_quote_then_tag() {
        let r = one("“The bridge will reopen in May,” she added.");
        assert_eq!(
            r,
            (
                "direct",
                "The bridge will reopen in May,".into(),
                s("added"),
                s("she")
            )
        );
    }

    #[test]
    fn direct_quote_after_colon_or_comma() {
        assert_eq!(
            one("Mayor Jane Roe said: “We will rebuild it.”").1,
            "We will rebuild it."
        );
        let r = one("Roe told reporters, \"The money is there.\"");
        assert_eq!((r.2, r.3), (s("told"), s("Roe")));
    }

    #[test]
    fn direct_quote_with_participle_takes_the_main_subject() {
        let r = run("Vold rejected the plan, saying “It would ruin the farms we depend on.”");
        let direct = r.iter().find(|x| x.0 == "direct").unwrap();
        assert_eq!(
            (direct.2.clone(), direct.3.clone()),
            (s("saying"), s("Vold"))
        );
    }

    #[test]
    fn interrupted_quote_gives_two_statements_with_one_speaker() {
        let r = run("“We were not consulted,” Roe said. “Nobody asked the drivers.”");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].1, "Nobody asked the drivers.");
        assert_eq!((r[1].2.clone(), r[1].3.clone()), (s("said"), s("Roe")));
    }

    #[test]
    fn running_quote_paragraphs_share_the_attribution() {
        let r = run("Roe said: “The first part is the plan.\n\n“The second part is the money to pay for it.”");
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(r.iter().all(|x| x.3 == s("Roe")));
    }

    #[test]
    fn scare_quotes_titles_and_idioms_are_not_statements() {
        assert!(run("The so-called “reform” passed on Tuesday.").is_empty());
        assert!(run("They watched the documentary “Bridges of Ice” again.").is_empty());
        assert!(run("That said, the plan stands.").is_empty());
    }

    #[test]
    fn headlines_name_their_speaker_before_a_colon() {
        let r = run("Vold: Fuel Duty Cut Will Save Farms\n\nThe minister spoke on Monday.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            (r[0].1.as_str(), r[0].3.clone()),
            ("Fuel Duty Cut Will Save Farms", s("Vold"))
        );
        assert!(run("Q: What did you see?\n\nA: Nothing at all, really.").is_empty());
    }

    #[test]
    fn a_quote_tagged_by_a_verb_outside_the_lexicon_is_attributed() {
        let r = run("“That is simply not true,” the judge exclaimed.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].3, s("the judge"));
        let r = run("“We lost the vote,” recalled Jon Roe, the former mayor.");
        assert_eq!(r[0].3, s("Jon Roe"));
        // A quote followed by a clause of its own is not tagged.
        assert!(run("“Freedom,” the crowd chanted loudly all night long.").is_empty());
    }

    #[test]
    fn a_tag_after_a_question_mark_is_the_next_sentence() {
        let r = one("“Will the mill close?” Roe asked reporters.");
        assert_eq!((r.0, r.3), ("direct", s("Roe")));
        // A sentence of its own is not a tag.
        let r = run("“Why not?” He said the plan would work.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "the plan would work");
    }

    #[test]
    fn a_quote_the_sentence_goes_on_after_is_not_direct() {
        let r = run("Roe said “the mill” was closing for good this year.");
        assert!(r.iter().all(|x| x.0 != "direct"), "{r:?}");
    }
}
