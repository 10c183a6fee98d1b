//! Stage 4: build statements from quotes and cues, and find each one's
//! speaker mention.
//!
//! The rules follow how news attributes speech (see the README's
//! "Extraction rules"):
//!
//! * direct quotes take the cue right after them (`“Q,” she added.`,
//!   `“Q,” said Jane Roe, the mayor.`) or right before them (`She said:
//!   “Q.”`, `…, saying “Q.”`); the second half of an interrupted quote and the
//!   later paragraphs of a running quote share the first one's attribution;
//!   a quote paragraph with no cue of its own continues the previous
//!   statement's speaker (a floating quote);
//! * indirect speech follows a cue (`X said (that) …`, `X told Y (that) …`,
//!   `According to X, …`) or precedes it (`…, X said.`, `…, according to
//!   X.`), and ends at the sentence end, a semicolon or dash, or the start of
//!   another attribution (`…, saying …`);
//! * indirect speech holding a quoted fragment is mixed;
//! * the speaker mention is the noun phrase next to the cue: to its left
//!   (across an apposition `Roe, a spokeswoman, said`), to its right for an
//!   inversion (`said Roe`), or the main clause's subject for a participle
//!   (`Roe rejected it, saying …`).

use super::cues::Cue;
use super::quotes::Quote;
use super::segment::{
    Document, ALLCAPS, CAP, CUE_WORD, DOUBLE_MARK, IN_QUOTE, POSSESSIVE, STOPWORD, WORD,
};
use crate::event::StatementKind;
use crate::lexicon::{CueClass, Glue, Lexicon};
use crate::text::Span;

/// A speaker mention: a noun phrase of tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// An apposition after it (`, chairman of the Joint Staff,`), as tokens
    /// `start..end`.
    pub apposition: Option<(usize, usize)>,
    /// Found only as the words filling the clause before the cue, with no
    /// name or role noun to anchor it.
    pub loose: bool,
}

/// How a statement got its speaker when it has no mention of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inherit {
    /// It has its own mention (or none was found).
    No,
    /// A floating quote: the speaker of the previous statement.
    PreviousStatement,
}

/// One attributed statement, in byte spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Direct, indirect or mixed.
    pub kind: StatementKind,
    /// What was said.
    pub content: Span,
    /// Index of its cue in the cue list, if any.
    pub cue: Option<usize>,
    /// A punctuation cue (the colon of `Roe: …` headlines), as a token
    /// index, when `cue` is `None`.
    pub cue_token: Option<usize>,
    /// The speaker mention, if any.
    pub mention: Option<Mention>,
    /// How the speaker is found when there is no mention.
    pub inherit: Inherit,
    /// The hearer ("told the Financial Times").
    pub addressee: Option<Span>,
    /// First sentence index involved.
    pub sentence_first: usize,
    /// Last sentence index involved.
    pub sentence_last: usize,
    /// Confidence from 0 to 1.
    pub confidence: f32,
    /// Rank when two statements claim the same content (lower wins).
    pub priority: u8,
}

/// Quotes with no attribution of their own and at least this many words
/// are taken as the previous speaker's (with low confidence) even when they
/// do not open a paragraph right after that speaker's statement.
const ORPHAN_QUOTE_WORDS: usize = 8;

/// The longest reported clause considered, in tokens.
const MAX_CONTENT_TOKENS: usize = 200;

/// Finds the statements of a segmented article, in text order.
pub fn attribute(
    doc: &Document<'_>,
    lex: &Lexicon,
    quotes: &[Quote],
    cues: &[Cue],
) -> Vec<Statement> {
    let mut cue_at = vec![u32::MAX; doc.tokens.len()];
    for (i, c) in cues.iter().enumerate() {
        for slot in &mut cue_at[c.first..=c.last] {
            *slot = i as u32;
        }
    }
    let mut a = Attributor {
        doc,
        lex,
        quotes,
        cues,
        cue_at,
        cue_used: vec![false; cues.len()],
        out: Vec::new(),
        direct_count: 0,
    };
    a.direct();
    a.headline();
    a.direct_count = a.out.len();
    a.indirect();
    a.lead_fragments();
    a.finish()
}

struct Attributor<'a, 't> {
    doc: &'a Document<'t>,
    lex: &'a Lexicon,
    quotes: &'a [Quote],
    cues: &'a [Cue],
    cue_at: Vec<u32>,
    cue_used: Vec<bool>,
    out: Vec<Statement>,
    /// Number of direct statements at the start of `out`.
    direct_count: usize,
}

/// An attribution found for a quote.
#[derive(Clone, Copy)]
struct Attribution {
    cue: Option<usize>,
    /// A verb outside the cue lexicon that tags the quote (`“Q,” she
    /// quipped.`), as a token index.
    cue_token: Option<usize>,
    mention: Option<Mention>,
    addressee: Option<Span>,
    confidence: f32,
}

impl<'t> Attributor<'_, 't> {
    fn tok(&self, i: usize) -> &'t str {
        self.doc.tok(i)
    }

    fn sent_of(&self, i: usize) -> usize {
        self.doc.tokens[i].sentence as usize
    }

    fn sent_range(&self, i: usize) -> (usize, usize) {
        let s = &self.doc.sentences[self.sent_of(i)];
        (s.tokens.start, s.tokens.end)
    }

    fn para_of(&self, i: usize) -> usize {
        self.doc.sentences[self.sent_of(i)].paragraph
    }

    fn cue_starting_at(&self, i: usize) -> Option<usize> {
        let c = *self.cue_at.get(i)?;
        (c != u32::MAX && self.cues[c as usize].first == i).then_some(c as usize)
    }

    fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        !self.doc.tokens[i].is(WORD) && set.contains(&self.tok(i))
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].is(WORD)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens[i].is(CAP)
    }

    // ----- direct quotes -------------------------------------------------

    fn direct(&mut self) {
        let mut attributions: Vec<Option<Attribution>> = vec![None; self.quotes.len()];
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
                        attributions[qi] = Some(Attribution {
                            confidence: prev.confidence - 0.05,
                            ..prev
                        });
                    }
                }
            }
        }
        // Running quotes: every segment shares the group's attribution
        // (a group is named by the index of its first segment).
        let mut by_group: Vec<Option<Attribution>> = vec![None; self.quotes.len()];
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
    fn headline(&mut self) {
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
        let mention = Mention {
            first: p.tokens.start,
            last: colon - 1,
            apposition: None,
            loose: false,
        };
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

    /// The first token of the reporter's words that lead into quote `q` in
    /// its clause (`The plan, “will fail,” she said.`), when there are at
    /// least three of them, with no cue and no other quote among them.
    fn quote_lead_in(&self, q: &Quote) -> Option<usize> {
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

    fn cue_adjacent(&self, q: &Quote, att: Attribution) -> bool {
        let Some(c) = att.cue else { return false };
        let c = &self.cues[c];
        let close = q.close.unwrap_or(q.end);
        (c.first > close && c.first <= close + 4) || (c.last < q.open && c.last + 3 >= q.open)
    }

    /// `“Q,” she said.` / `“Q,” said Jane Roe, the mayor.`
    fn after_quote(&self, q: &Quote) -> Option<Attribution> {
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
                if info.class == CueClass::Source {
                    if next_sentence {
                        return None;
                    }
                    let m = self.mention_right(cue.last + 1, s_end, true)?;
                    return Some(Attribution {
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
                    return Some(Attribution {
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
                    return Some(Attribution {
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
                let opener = self.tok(start);
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
                            || self.lex.is(Glue::Determiners, opener)
                            || self.determiner_like(start)));
                if !head_opens {
                    return None;
                }
                let addressee = self.addressee_after(c).map(|(s, _)| s);
                return Some(Attribution {
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
    fn verb_tag_after(&self, start: usize, s_end: usize) -> Option<Attribution> {
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
            return Some(Attribution {
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
        let opens = m.first == start
            || (self.lex.is(Glue::Determiners, self.tok(start)) && m.first == start + 1);
        if !opens || !ends_tag(verb + 1) {
            return None;
        }
        Some(Attribution {
            cue: None,
            cue_token: Some(verb),
            mention: Some(m),
            addressee: None,
            confidence: 0.75,
        })
    }

    /// `She said: “Q.”` / `…, saying “Q.”` / `X told Y, “Q.”`
    fn before_quote(&self, qi: usize, q: &Quote) -> Option<Attribution> {
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
        if info.class != CueClass::Speech {
            return None;
        }
        // Only punctuation, an addressee and adverbials may stand between
        // the cue and the quote.
        let mut k = cue.last + 1;
        let mut addressee = None;
        if info.addressee {
            if let Some((span, next)) = self.addressee_after(c) {
                addressee = Some(span);
                k = next;
            }
        }
        let mut words = 0;
        while k < q.open {
            let t = self.tok(k);
            if self.is_word(k) {
                if !(self.lex.is(Glue::Adverbials, t)
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
        Some(Attribution {
            cue: Some(c),
            cue_token: None,
            mention,
            addressee,
            confidence: 0.9,
        })
    }

    /// A quote paragraph right after a paragraph that ends in a colon and a
    /// cue: `Roe said:` / `“…”`.
    fn colon_lead_in(&self, q: &Quote) -> Option<Attribution> {
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
        if cue.info(self.lex).class != CueClass::Speech {
            return None;
        }
        let mention = if cue.info(self.lex).participle {
            self.main_subject(cue.first)
        } else {
            self.mention_left(cue.first, s_start)
        };
        mention?;
        Some(Attribution {
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
    fn colon_in_sentence(&self, q: &Quote) -> Option<Attribution> {
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
            if !matches!(info.class, CueClass::Speech | CueClass::Object) {
                return None;
            }
            let mention = if info.participle {
                self.main_subject(cue.first)
            } else {
                self.mention_left(cue.first, s_start)
                    .or_else(|| self.main_subject(cue.first))
            };
            return mention.map(|m| Attribution {
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
        Some(Attribution {
            cue: None,
            cue_token: Some(colon),
            mention: Some(m),
            addressee: None,
            confidence: 0.6,
        })
    }

    // ----- indirect speech -----------------------------------------------

    fn indirect(&mut self) {
        for c in 0..self.cues.len() {
            if self.cue_used[c] {
                continue;
            }
            let cue = self.cues[c].clone();
            if self.inside_content(cue.first) {
                continue;
            }
            let info = cue.info(self.lex).clone();
            let st = if info.question && info.past && self.passive_question(c) {
                self.question_statement(c)
            } else {
                match info.class {
                    CueClass::Source => self.source_statement(c),
                    CueClass::Speech | CueClass::Belief | CueClass::Object => {
                        self.verb_statement(c)
                    }
                }
            };
            if let Some(st) = st {
                self.cue_used[c] = true;
                // "X, she said, Y.": the part after the attribution is a
                // statement of its own.
                let second = self.after_parenthetical(c, &st);
                self.out.push(st);
                if let Some(second) = second {
                    self.out.push(second);
                }
            }
        }
    }

    /// Whether question cue `c` is passive: "When asked …", "Asked …, Roe
    /// said", "Roe was asked …".
    fn passive_question(&self, c: usize) -> bool {
        let first = self.cues[c].first;
        let (s_start, _) = self.sent_range(first);
        first == s_start
            || self.is_punct(first - 1, &[",", ";", "—", "(", "“", "\""])
            || self.lex.is(Glue::Passive, self.tok(first - 1))
            || self
                .lex
                .is(Glue::BetweenSubjectAndVerb, self.tok(first - 1))
                && first >= 2
                && self.lex.is(Glue::Passive, self.tok(first - 2))
    }

    /// A passive question cue with a named asker reports the question:
    /// "When asked by reporters whether the plan would pass, Roe said …" →
    /// reporters asked "whether the plan would pass".
    fn question_statement(&self, c: usize) -> Option<Statement> {
        const OPENERS: [&str; 13] = [
            "if", "whether", "what", "why", "how", "who", "whom", "when", "where", "which",
            "about", "to", "for",
        ];
        let cue = &self.cues[c];
        let (_, s_end) = self.sent_range(cue.first);
        let mut k = cue.last + 1;
        let mut agent = None;
        if k < s_end && self.tok_is(k, "by") {
            let m = self
                .mention_right(k + 1, s_end, false)
                .or_else(|| self.mention_right(k + 1, s_end, true))?;
            k = m.apposition.map_or(m.last + 1, |a| a.1);
            agent = Some(m);
        }
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
        // A question from an unnamed asker ("When asked about it, Roe
        // said …") only frames the answer; it is no statement of its own.
        if agent.is_none() || (q..end).filter(|&j| self.is_word(j)).count() < 3 {
            return None;
        }
        let content = self.content_span(q, end)?;
        Some(Statement {
            kind: self.kind_of(q, end),
            content,
            cue: Some(c),
            cue_token: None,
            mention: agent,
            inherit: Inherit::No,
            addressee: None,
            sentence_first: self.sent_of(cue.first),
            sentence_last: self.sent_of(cue.first),
            confidence: 0.6,
            priority: 2,
        })
    }

    /// For a tail attribution set off by commas (`X, she said, Y.`), the
    /// statement `Y` after it.
    fn after_parenthetical(&self, c: usize, st: &Statement) -> Option<Statement> {
        let cue = &self.cues[c];
        let (_, s_end) = self.sent_range(cue.first);
        let m = st.mention?;
        // Only for tail attributions (content before the cue).
        if st.content.end > self.doc.tokens[cue.first].span.start
            || self.cues[c].info(self.lex).class != CueClass::Speech
        {
            return None;
        }
        let mut k = m
            .apposition
            .map(|a| a.1)
            .unwrap_or(m.last + 1)
            .max(cue.last + 1);
        while k < s_end && self.is_word(k) && self.lex.is(Glue::Adverbials, self.tok(k)) {
            k += 1;
        }
        if k >= s_end || !self.is_punct(k, &[","]) {
            return None;
        }
        let start = k + 1;
        let end = self.content_end(start, s_end, Some(c));
        if (start..end).filter(|&j| self.is_word(j)).count() < 2 {
            return None;
        }
        // `…, said Roe, an Orlando lawyer who …`: after an inverted tag the
        // words are an apposition of the speaker, not a second statement.
        let inverted = m.first > cue.last;
        let w = self.tok(start);
        if inverted
            && (self.lex.is(Glue::Determiners, w)
                || self.lex.is(Glue::Relative, w)
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

    fn inside_content(&self, t: usize) -> bool {
        let at = self.doc.tokens[t].span.start;
        // Direct statements hold no cues (cues inside quotes are dropped),
        // and indirect ones are built in text order: the last few suffice.
        self.out[self.direct_count..]
            .iter()
            .rev()
            .take(8)
            .any(|s| s.content.start <= at && at < s.content.end)
    }

    /// `According to X, CLAUSE.` / `CLAUSE, according to X.`
    fn source_statement(&self, c: usize) -> Option<Statement> {
        let cue = &self.cues[c];
        let (s_start, s_end) = self.sent_range(cue.first);
        let lead = self.clause_lead(s_start, cue.first);
        let mention = self.source_after(cue.last + 1, s_end, lead)?;
        let (content, first_tok, last_tok) = if lead {
            // According to X, CLAUSE.
            let mut k = mention.last + 1;
            if k < s_end && self.is_punct(k, &[","]) {
                k += 1;
            } else {
                return None;
            }
            let end = self.content_end(k, s_end, Some(c));
            (self.content_span(k, end)?, k, end)
        } else {
            // CLAUSE, according to X.
            if cue.first == 0 || !self.is_punct(cue.first - 1, &[","]) {
                return None;
            }
            let mut start = self.clause_start(s_start, cue.first - 1);
            // "As reported by FT, CLAUSE, according to X": the clause starts
            // after the other source's lead-in.
            if let Some(oc) = self.cue_starting_at(start) {
                if self.cues[oc].info(self.lex).class == CueClass::Source {
                    if let Some(m) = self.mention_right(self.cues[oc].last + 1, s_end, true) {
                        if m.last + 1 < cue.first && self.is_punct(m.last + 1, &[","]) {
                            start = m.last + 2;
                        }
                    }
                }
            }
            (
                self.content_span(start, cue.first - 1)?,
                start,
                cue.first - 1,
            )
        };
        let kind = self.kind_of(first_tok, last_tok);
        let as_reported = self.lex.lemma(cue.info(self.lex).lemma) != "according to";
        Some(Statement {
            kind,
            content,
            cue: Some(c),
            cue_token: None,
            mention: Some(mention),
            inherit: Inherit::No,
            addressee: None,
            sentence_first: self.sent_of(cue.first),
            sentence_last: self.sent_of(cue.first),
            confidence: 0.85,
            priority: if as_reported { 3 } else { 2 },
        })
    }

    /// The source named after "according to": a noun phrase, or for a
    /// sentence-initial phrase everything up to its comma.
    fn source_after(&self, k: usize, s_end: usize, lead: bool) -> Option<Mention> {
        if let Some(m) = self.mention_right(k, s_end, true) {
            let next = m.last + 1;
            let done = next >= s_end || self.is_punct(next, &[",", ".", "!", "?", ";"]);
            if done {
                return Some(m);
            }
        }
        // The source runs to the comma (or the sentence end, or a relative
        // clause): "according to officials familiar with the talks".
        let stop = (k..s_end.min(k + 30))
            .find(|&j| {
                let t = self.doc.tokens[j];
                !t.is(IN_QUOTE)
                    && (self.is_punct(j, &[",", ".", ";", "!", "?", "—", "–"])
                        || (t.is(WORD) && self.lex.is(Glue::Relative, self.tok(j))))
            })
            .unwrap_or(s_end.min(k + 30));
        if stop == k || (lead && (stop >= s_end || !self.is_punct(stop, &[","]))) {
            return None;
        }
        let m = Mention {
            first: k,
            last: stop - 1,
            apposition: None,
            loose: false,
        };
        Some(m)
    }

    /// Whether only lead-in words (conjunctions, adverbs) stand between the
    /// sentence start and token `t`.
    fn clause_lead(&self, s_start: usize, t: usize) -> bool {
        (s_start..t).all(|k| {
            let w = self.tok(k);
            self.is_word(k) && (self.lex.is_stopword(w) || w.ends_with("ly"))
                || self.is_punct(k, &[",", "—", "“", "\""])
        }) && t - s_start <= 3
    }

    /// Verb cues: `X said (that) CLAUSE`, `CLAUSE, X said.`, `…, saying CLAUSE`.
    fn verb_statement(&self, c: usize) -> Option<Statement> {
        let cue = &self.cues[c];
        let info = cue.info(self.lex);
        let (s_start, s_end) = self.sent_range(cue.first);
        let belief = info.class == CueClass::Belief;
        let object = info.class == CueClass::Object;
        if belief && info.participle {
            return None;
        }

        // Who: the subject to the left, an inversion, or the main clause's
        // subject for a participle.
        let coordinated = cue.first > s_start
            && (self.tok_is(cue.first - 1, "and") || self.tok_is(cue.first - 1, "but"));
        let left = if info.participle || coordinated {
            None
        } else {
            self.mention_left(cue.first, s_start)
        };
        let mut inverted = None;
        if left.is_none() && !info.participle && !belief && !object && !coordinated {
            inverted = self
                .mention_right(cue.last + 1, s_end, false)
                .or_else(|| self.inverted_description(cue.last + 1, s_end));
        }
        let mention = if info.participle || coordinated {
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
            && self.lex.is(Glue::Adverbials, self.tok(k))
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
                && (self.lex.is(Glue::Calendar, first)
                    || matches!(
                        first.to_ascii_lowercase().as_str(),
                        "on" | "in" | "at" | "during" | "after" | "before" | "while" | "last"
                    ))
                && s_end - after <= 15
                && (after..s_end).all(|j| {
                    !self.tok_is(j, "that")
                        && self.cue_starting_at(j).is_none_or(|c| {
                            matches!(
                                self.cues[c].info(self.lex).class,
                                CueClass::Belief | CueClass::Object
                            )
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
        let at_end = k >= s_end
            || self.is_punct(k, &[".", "!", "?", "”", "\"", ","])
            || (after_comma && adverbial_rest());
        // "They cautioned, however, that …": a comma after a cue that opens
        // its clause starts the content rather than ending it.
        let opens_clause = attribution_start <= s_start
            || attribution_start == self.clause_subject_start(s_start, attribution_start);
        let at_end = at_end && !(opens_clause && k < s_end && self.is_punct(k, &[","]));
        if at_end && !info.participle {
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
            let content = self.content_span(start, end)?;
            if belief {
                return None;
            }
            return Some(Statement {
                kind: self.kind_of(start, end),
                content,
                cue: Some(c),
                cue_token: None,
                mention: Some(mention),
                inherit: Inherit::No,
                addressee: None,
                sentence_first: self.sent_of(cue.first),
                sentence_last: self.sent_of(cue.first),
                confidence: 0.8,
                priority: 1,
            });
        }
        if info.tail_only || info.no_content || inverted.is_some() {
            return None;
        }

        // Forward: X said (that) CLAUSE.
        let mut k = cue.last + 1;
        let mut addressee = None;
        if info.addressee {
            if let Some((span, next)) = self.addressee_after(c) {
                addressee = Some(span);
                k = next;
            }
        }
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
        let belief = info.class == CueClass::Belief;
        let mut k = k;
        let mut saw_that = false;
        // Skip adverbials up to a "that" close by: "said on Thursday that".
        if let Some(that) = (k..(k + 10).min(s_end)).find(|&j| self.tok_is(j, "that")) {
            let objectish =
                |j: usize| info.addressee && self.is_word(j) && self.cue_starting_at(j).is_none();
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
            if matches!(
                w.as_str(),
                "for" | "in" | "on" | "over" | "since" | "during" | "last" | "this" | "earlier"
            ) {
                let time_word = |j: usize| {
                    let t = self.tok(j);
                    let article = matches!(t, "a" | "an" | "the");
                    self.is_word(j)
                        && (!article
                            || (j + 1 < s_end
                                && self.lex.is(Glue::Adverbials, self.tok(j + 1))
                                && !matches!(self.tok(j + 1), "a" | "an" | "the")))
                        && (self.lex.is(Glue::Adverbials, t)
                            || self.lex.is(Glue::Calendar, t)
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
                        || self.lex.is(Glue::Determiners, t);
                    if opens && self.cue_starting_at(j).is_none() {
                        k = j;
                    }
                }
            }
        }
        let first = self.tok(k);
        let promised = info.infinitive && first.eq_ignore_ascii_case("to");
        if !saw_that {
            if (self.lex.is(Glue::ContentStops, first) && !promised)
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
        let end = self.content_end(k, s_end, Some(c));
        let content = self.content_span(k, end)?;
        let n_words = (k..end).filter(|&j| self.is_word(j)).count();
        if n_words < 2 {
            return None;
        }
        // "asked not to be named", "told him not to worry": requests, not
        // statements.
        if self.tok_is(k, "not") && k + 1 < end && self.tok_is(k + 1, "to") {
            return None;
        }
        Some(Statement {
            kind: self.kind_of(k, end),
            content,
            cue: Some(c),
            cue_token: None,
            mention: Some(mention),
            inherit: Inherit::No,
            addressee,
            sentence_first: self.sent_of(mention.first.min(cue.first)),
            sentence_last: self.sent_of(cue.first),
            confidence: if belief {
                0.55
            } else if saw_that {
                0.85
            } else {
                0.75
            },
            priority: if belief { 4 } else { 1 },
        })
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
                || self.lex.is(Glue::Relative, self.tok(before))
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
                        && self.lex.is(Glue::ObjectStops, self.tok(end))))
            {
                break;
            }
            end += 1;
        }
        // Not ending on a function word: "a culture in [which …]".
        while end > k + 1
            && self.is_word(end - 1)
            && !self.doc.tokens[end - 1].is(IN_QUOTE)
            && (self.lex.is(Glue::ContentStops, self.tok(end - 1))
                || self.lex.is(Glue::Determiners, self.tok(end - 1))
                || matches!(
                    self.tok(end - 1),
                    "in" | "on" | "at" | "as" | "and" | "or" | "but" | "than"
                ))
        {
            end -= 1;
        }
        let content = self.content_span(k, end)?;
        Some(Statement {
            kind: self.kind_of(k, end),
            content,
            cue: Some(c),
            cue_token: None,
            mention: Some(mention),
            inherit: Inherit::No,
            addressee: None,
            sentence_first: self.sent_of(mention.first.min(cue.first)),
            sentence_last: self.sent_of(cue.first),
            confidence: 0.45,
            priority: 4,
        })
    }

    fn tok_is(&self, i: usize, s: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(s)
    }

    fn skippable_before_that(&self, j: usize) -> bool {
        let t = self.tok(j);
        if !self.is_word(j) {
            return matches!(t, "," | "(" | ")");
        }
        self.lex.is(Glue::Adverbials, t) || self.is_cap(j) || t.chars().all(|c| c.is_ascii_digit())
    }

    /// The hearer after an addressee verb, and the token after it.
    fn addressee_after(&self, c: usize) -> Option<(Span, usize)> {
        let cue = &self.cues[c];
        if !cue.info(self.lex).addressee {
            return None;
        }
        let (_, s_end) = self.sent_range(cue.first);
        let k = cue.last + 1;
        if k >= s_end || !self.is_word(k) {
            return None;
        }
        if self.lex.is(Glue::Addressees, self.tok(k)) {
            return Some((self.doc.tokens[k].span, k + 1));
        }
        let mut j = k;
        if self.lex.is(Glue::Determiners, self.tok(j)) && j + 1 < s_end && self.is_cap(j + 1) {
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
        // An abbreviation in brackets: "the Financial Times (FT)".
        if j + 3 < s_end
            && self.is_punct(j + 1, &["("])
            && self.doc.tokens[j + 2].is(ALLCAPS)
            && self.is_punct(j + 3, &[")"])
        {
            j += 3;
        }
        Some((self.doc.span(k, j), j + 1))
    }

    /// The first token of the clause that ends before `end`: the sentence
    /// start, or after the last semicolon, colon or dash.
    fn clause_start(&self, s_start: usize, end: usize) -> usize {
        let s_start = s_start.max(end.saturating_sub(MAX_CONTENT_TOKENS));
        let mut k = end;
        while k > s_start {
            k -= 1;
            if self.is_punct(k, &[";", ":", "—", "–"]) && !self.doc.tokens[k].is(IN_QUOTE) {
                return k + 1;
            }
        }
        s_start
    }

    /// Where forward content that starts at `from` ends (exclusive token).
    fn content_end(&self, from: usize, s_end: usize, own_cue: Option<usize>) -> usize {
        let mut k = from;
        // Reported clauses are short; a run-on "sentence" (a scraped list, a
        // line with no punctuation) must not make the scan quadratic.
        let s_end = s_end.min(from + MAX_CONTENT_TOKENS);
        while k < s_end {
            let in_quote = self.doc.tokens[k].is(IN_QUOTE);
            if !in_quote && self.is_punct(k, &[";", ":", "—", "–"]) {
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
                if self.lex.is(Glue::ContentBreaks, w) {
                    return k;
                }
                // "…, and the union has sued": a new clause with its own
                // subject after ", and".
                if w == "and"
                    && k + 2 < s_end
                    && (self.is_cap(k + 2) || self.lex.is(Glue::Determiners, self.tok(k + 2)))
                    && !self.lex.is(Glue::Quantifiers, self.tok(k + 2))
                {
                    let mut j = k + 2;
                    while j < s_end.min(k + 10)
                        && (self.np_word(j)
                            || self.lex.is(Glue::Determiners, self.tok(j))
                            || (self.tok_is(j, "of") && j + 1 < s_end && self.is_cap(j + 1))
                            || (self.is_word(j)
                                && !self.is_cap(j)
                                && self.lex.role(self.tok(j)).is_some()))
                    {
                        j += 1;
                    }
                    let verbish = j < s_end
                        && j > k + 2
                        && (self.lex.is(Glue::BetweenSubjectAndVerb, self.tok(j))
                            || self.lex.is(Glue::Passive, self.tok(j)));
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
            // saying right after a comma is the main clause resuming.
            if !in_quote && k > from && self.is_punct(k, &[",", "—", "–"]) && k + 1 < s_end {
                if let Some(c2) = self.cue_starting_at(k + 1) {
                    let info = self.cues[c2].info(self.lex);
                    if Some(c2) != own_cue
                        && info.class == CueClass::Speech
                        && !info.participle
                        && !info.question
                    {
                        return k;
                    }
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
            // "..., and added that ...": a second cue of the same subject.
            if !in_quote && (self.tok_is(k, "and") || self.tok_is(k, "but")) && k + 1 < s_end {
                if let Some(c2) = self.cue_starting_at(k + 1) {
                    if Some(c2) != own_cue && self.cues[c2].info(self.lex).class == CueClass::Speech
                    {
                        return k;
                    }
                }
            }
            k += 1;
        }
        s_end
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
            if info.class == CueClass::Source || (info.participle && info.class == CueClass::Speech)
            {
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
                let speech = self.cues[c].info(self.lex).class == CueClass::Speech;
                let mut e = self.cues[c].last + 1;
                while e < s_end && self.is_word(e) && self.lex.is(Glue::Adverbials, self.tok(e)) {
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
    fn content_span(&self, a: usize, b: usize) -> Option<Span> {
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

    fn closes_quote(&self, k: usize) -> bool {
        self.quotes.iter().any(|q| q.close == Some(k))
    }

    /// Mixed when the content tokens hold a quote, else indirect.
    fn kind_of(&self, a: usize, b: usize) -> StatementKind {
        if (a..b).any(|k| self.doc.tokens[k].is(IN_QUOTE)) {
            StatementKind::Mixed
        } else {
            StatementKind::Indirect
        }
    }

    // ----- speaker mentions ----------------------------------------------

    /// Is token `i` part of a name or descriptive noun phrase?
    fn np_word(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        if !t.is(WORD) {
            return false;
        }
        let w = self.tok(i);
        if t.is(POSSESSIVE) {
            return true;
        }
        if t.is(CAP) {
            // "Entering the debate, …": a gerund opening the sentence.
            let opens = i == 0 || self.sent_of(i - 1) != self.sent_of(i);
            if opens
                && w.len() > 5
                && w.ends_with("ing")
                && i + 1 < self.doc.tokens.len()
                && self.is_word(i + 1)
                && !self.is_cap(i + 1)
            {
                return false;
            }
            // A capitalised cue word is a name only inside one ("Ian Read").
            return !t.is(STOPWORD) && (!t.is(CUE_WORD) || self.doc.cue_word_in_name(i))
                || self.lex.title(w).is_some();
        }
        self.lex.role(w).is_some() || self.lex.is(Glue::Particles, w)
    }

    /// The speaker noun phrase ending right before token `cue_first`,
    /// not reaching before token `limit`.
    fn mention_left(&self, cue_first: usize, limit: usize) -> Option<Mention> {
        // "Roe on Tuesday said", "Roe last week said": a short time or
        // place phrase between a name and the verb.
        let mut k = cue_first;
        {
            let mut j = cue_first;
            while j > limit + 1
                && cue_first - j < 4
                && self.is_word(j - 1)
                && (self.lex.is(Glue::Adverbials, self.tok(j - 1))
                    || self.lex.is(Glue::Calendar, self.tok(j - 1)))
            {
                j -= 1;
            }
            let phrase_opens = j < cue_first
                && matches!(
                    self.tok(j).to_ascii_lowercase().as_str(),
                    "on" | "in"
                        | "at"
                        | "last"
                        | "this"
                        | "earlier"
                        | "later"
                        | "today"
                        | "yesterday"
                        | "tonight"
                        | "during"
                );
            if phrase_opens && j > limit && self.is_cap(j - 1) && self.np_word(j - 1) {
                k = j;
            }
        }
        // ", however," / ", too," between the subject and the verb.
        if k >= limit + 4
            && self.is_punct(k - 1, &[","])
            && self.is_punct(k - 3, &[","])
            && self.is_word(k - 2)
            && matches!(
                self.tok(k - 2).to_ascii_lowercase().as_str(),
                "however"
                    | "though"
                    | "too"
                    | "meanwhile"
                    | "instead"
                    | "moreover"
                    | "also"
                    | "nevertheless"
                    | "still"
            )
        {
            k -= 3;
        }
        // Adverbs and auxiliaries between subject and verb.
        let mut skipped = 0;
        while k > limit && skipped < 3 {
            let w = self.tok(k - 1);
            let lower = self.is_word(k - 1) && !self.is_cap(k - 1);
            if lower
                && (self.lex.is(Glue::BetweenSubjectAndVerb, w)
                    || (w.ends_with("ly") && w.len() > 4)
                    || w == "not")
            {
                k -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        if k <= limit {
            return None;
        }
        let end = k - 1;
        // A dashed apposition: "Jon Roe — a teacher from Varnholm — says".
        if self.is_punct(end, &["—", "–"]) && end > limit {
            let floor = limit.max(end.saturating_sub(16));
            if let Some(open) = (floor..end).rev().find(|&j| self.is_punct(j, &["—", "–"])) {
                let inside_ok = (open + 1..end).all(|j| {
                    !self.doc.tokens[j].is(DOUBLE_MARK) && self.cue_starting_at(j).is_none()
                });
                if inside_ok {
                    if let Some(head) = self.np_left_of(open, limit) {
                        return Some(Mention {
                            apposition: Some((open + 1, end)),
                            ..head
                        });
                    }
                }
            }
        }
        // Apposition: "Roe, a spokeswoman for the ministry, said".
        if self.is_punct(end, &[","]) {
            if let Some(m) = self.subject_before_appositions(limit, end) {
                return Some(m);
            }
            let mut j = end;
            let floor = limit.max(end.saturating_sub(16));
            while j > floor {
                j -= 1;
                if self.is_punct(j, &[","]) {
                    let Some(head) = self.np_left_of(j, limit) else {
                        return self.subject_before_appositions(limit, end);
                    };
                    let appos_first = j + 1;
                    let first_word = self.tok(appos_first);
                    let looks_like_appos = self.lex.is(Glue::Determiners, first_word)
                        || self.lex.is(Glue::Relative, first_word)
                        || self.lex.role(first_word).is_some()
                        || self.is_cap(appos_first)
                        || (self.is_word(appos_first) && !self.is_cap(appos_first));
                    if looks_like_appos
                        && (appos_first..end).all(|x| !self.doc.tokens[x].is(DOUBLE_MARK))
                    {
                        // "Carter’s press secretary, Peter Cook, told": the
                        // name in the apposition is the speaker.
                        let head_is_role =
                            !self.is_cap(head.last) && self.lex.role(self.tok(head.last)).is_some();
                        let appos_is_name = (appos_first..end)
                            .all(|x| self.np_word(x) || self.is_punct(x, &["."]))
                            && self.is_cap(end - 1);
                        if head_is_role && appos_is_name {
                            return Some(Mention {
                                first: appos_first,
                                last: end - 1,
                                apposition: None,
                                loose: false,
                            });
                        }
                        return Some(Mention {
                            apposition: Some((appos_first, end)),
                            ..head
                        });
                    }
                    return None;
                }
                if self.doc.tokens[j].is(DOUBLE_MARK) || self.is_punct(j, &[".", ";", ":"]) {
                    return None;
                }
            }
            return self.subject_before_appositions(limit, end);
        }
        // A relative pronoun points back: "officials who said".
        if self.is_word(end) && self.lex.is(Glue::Relative, self.tok(end)) && end > limit {
            let mut j = end;
            if j > limit && self.is_punct(j - 1, &[","]) {
                j -= 1;
            }
            return self.np_left_of(j, limit);
        }
        // "Voters in Iowa who watched the debate said": the words before
        // the cue close a relative clause; the speaker heads it.
        if k > limit + 2 {
            let floor = limit.max(k.saturating_sub(12));
            let mut j = k - 1;
            while j > floor && self.is_word(j - 1) && !self.tok_is(j - 1, "who") {
                j -= 1;
            }
            if j > floor && self.tok_is(j - 1, "who") {
                if let Some(head) = self.np_left_of(j - 1, limit) {
                    return Some(head);
                }
            }
        }
        self.np_left_of(k, limit)
            .or_else(|| self.clause_initial_np(limit, k))
            .or_else(|| self.quantified_np(limit, k))
    }

    /// A short lower-case noun phrase opened by a quantifier or a number,
    /// right before the cue: "some families said", "64 percent say",
    /// "nearly three in five said", "opponents say".
    fn quantified_np(&self, limit: usize, k: usize) -> Option<Mention> {
        let floor = limit.max(k.saturating_sub(5));
        let mut j = k;
        while j > floor {
            let p = j - 1;
            let t = self.doc.tokens[p];
            let w = self.tok(p);
            let numeric = w.starts_with(|c: char| c.is_ascii_digit());
            if !(t.is(WORD) || w == "%") || t.is(IN_QUOTE) || self.cue_starting_at(p).is_some() {
                break;
            }
            if self.lex.is(Glue::Quantifiers, w) || numeric || self.lex.is(Glue::Determiners, w) {
                let m = Mention {
                    first: p,
                    last: k - 1,
                    apposition: None,
                    loose: true,
                };
                // The phrase ends in a noun-like word, not a function word
                // or a time ("this week"); a lone "one" is impersonal.
                let last = self.tok(k - 1);
                let ends_ok = self.is_word(k - 1)
                    && !self.lex.is(Glue::ContentStops, last)
                    && !self.lex.is(Glue::Passive, last)
                    && !self.lex.is(Glue::Adverbials, last)
                    && !self.lex.is(Glue::Calendar, last)
                    && !(p == k - 1 && (last.eq_ignore_ascii_case("one") || numeric))
                    && !matches!(last, "and" | "or" | "but" | "that");
                return ends_ok.then_some(m);
            }
            if self.is_cap(p)
                || self.lex.is(Glue::Passive, w)
                || matches!(w, "and" | "or" | "but" | "that" | "who" | "which" | "to")
            {
                break;
            }
            j = p;
        }
        // A bare plural noun opening its clause: "opponents say".
        if k <= limit {
            return None;
        }
        let w = self.tok(k - 1);
        let opens = k - 1 == limit
            || self.is_punct(k - 2, &[",", ";", ":"])
            || self.sent_of(k - 2) != self.sent_of(k - 1);
        (opens
            && self.is_word(k - 1)
            && !self.is_cap(k - 1)
            && w.len() > 3
            && w.ends_with('s')
            && !self.lex.is(Glue::BetweenSubjectAndVerb, w))
        .then_some(Mention {
            first: k - 1,
            last: k - 1,
            apposition: None,
            loose: true,
        })
    }

    /// Where the subject of a clause starting at `limit` begins: after an
    /// introductory phrase ("However, ", "In an interview, ") or a dateline.
    fn clause_subject_start(&self, limit: usize, before: usize) -> usize {
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
            && !self.lex.is(Glue::Determiners, opener)
            && (self.lex.is_stopword(opener) || opener.ends_with("ly") || !self.is_cap(a));
        if intro {
            if let Some(comma) = (a..before.min(a + 15)).find(|&j| self.is_punct(j, &[","])) {
                if comma - a <= 14 {
                    return comma + 1;
                }
            }
        }
        a
    }

    /// A short noun phrase filling the clause before the cue: "People with
    /// knowledge of the talks said", "Four in 10 voters say".
    fn clause_initial_np(&self, limit: usize, k: usize) -> Option<Mention> {
        let a = self.clause_subject_start(limit, k);
        if k <= a || k - a > 10 {
            return None;
        }
        let first = self.tok(a);
        let opener_ok = (self.is_cap(a)
            && (!self.lex.is_stopword(first)
                || matches!(
                    first,
                    "Most" | "Many" | "Some" | "Few" | "Several" | "Both" | "All"
                )))
            || self.lex.is(Glue::Determiners, first)
            || first.starts_with(|c: char| c.is_ascii_digit());
        if !opener_ok {
            return None;
        }
        for j in a..k {
            let w = self.tok(j);
            if self.doc.tokens[j].is(DOUBLE_MARK)
                || self.doc.tokens[j].is(IN_QUOTE)
                || self.cue_starting_at(j).is_some()
            {
                return None;
            }
            if !self.is_word(j) {
                if !matches!(w, "-" | "’" | "'" | "." | "%" | "$" | "&") {
                    return None;
                }
                continue;
            }
            if !self.is_cap(j) && self.lex.is(Glue::Passive, w)
                || matches!(
                    w,
                    "that"
                        | "who"
                        | "which"
                        | "to"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "and"
                        | "but"
                        | "when"
                        | "if"
                        | "because"
                        | "said"
                        | "says"
                )
            {
                return None;
            }
        }
        let mut last = k - 1;
        while last > a
            && !self.is_cap(last)
            && (self.lex.is(Glue::BetweenSubjectAndVerb, self.tok(last))
                || self.lex.is(Glue::Adverbials, self.tok(last))
                || self.tok(last).ends_with("ly"))
        {
            last -= 1;
        }
        if !self.is_word(last)
            || self.lex.is(Glue::Determiners, self.tok(last))
            || self.lex.is(Glue::ContentStops, self.tok(last))
            || self.doc.tokens[last].is(POSSESSIVE)
        {
            return None;
        }
        Some(Mention {
            first: a,
            last,
            apposition: None,
            loose: true,
        })
    }

    /// "Sen. Marco Rubio, R-Fla., appearing on Fox News, said": the
    /// clause's first noun phrase, followed by appositions up to `comma`.
    fn subject_before_appositions(&self, limit: usize, comma: usize) -> Option<Mention> {
        let a = self.clause_subject_start(limit, comma);
        if a >= comma || comma - a > 30 {
            return None;
        }
        let w = self.tok(a);
        if self.lex.pronoun(w).is_some() {
            return None;
        }
        // "The city's chief engineer, Dr. Paul Ambe, said": a short
        // description opened by a determiner, then appositions.
        if self.lex.is(Glue::Determiners, w) {
            if let Some(c0) = (a + 1..comma.min(a + 8)).find(|&j| self.is_punct(j, &[","])) {
                let plain = (a + 1..c0).all(|j| {
                    self.is_word(j)
                        && self.cue_starting_at(j).is_none()
                        && !self.lex.is(Glue::Passive, self.tok(j))
                });
                if plain && c0 > a + 1 && c0 < comma {
                    let m = Mention {
                        first: a,
                        last: c0 - 1,
                        apposition: Some((c0 + 1, comma)),
                        loose: false,
                    };
                    return Some(self.apposed_name(m));
                }
            }
        }
        let mut e = a;
        // "Sen. Jon Roe of Ohio, …": the name before "of" is the speaker.
        let mut of_at = None;
        while e + 1 < comma
            && (self.np_word(e + 1)
                || (self.is_punct(e + 1, &["."]) && self.is_abbrev_or_initial(e))
                || (of_at.is_none()
                    && self.tok_is(e + 1, "of")
                    && self.is_cap(e)
                    && e + 2 < comma
                    && self.is_cap(e + 2)))
        {
            if self.tok_is(e + 1, "of") {
                of_at = Some(e + 1);
            }
            e += 1;
        }
        if !self.np_word(a) || e + 1 >= comma || !self.is_punct(e + 1, &[","]) {
            return None;
        }
        let head_last = match of_at {
            Some(o) if !self.lex.is_orgword(self.tok(o - 1)) => o - 1,
            _ => e,
        };
        let relative = e + 2 < comma && self.lex.is(Glue::Relative, self.tok(e + 2));
        if (e + 1..comma).any(|j| {
            self.doc.tokens[j].is(DOUBLE_MARK)
                || (!relative
                    && self
                        .cue_starting_at(j)
                        .is_some_and(|c| !self.cues[c].info(self.lex).participle))
        }) {
            return None;
        }
        let m = Mention {
            first: a,
            last: head_last,
            apposition: Some((e + 2, comma)),
            loose: false,
        };
        if !self.plausible_speaker(&m) {
            return None;
        }
        Some(self.apposed_name(m))
    }

    /// "Varnholm's mayor, Tomas Greve, said": when a role description is
    /// followed by a name in apposition, the name is the speaker.
    fn apposed_name(&self, m: Mention) -> Mention {
        let Some((a, e)) = m.apposition else { return m };
        // The first apposition only: up to the next comma.
        let e = (a..e).find(|&x| self.is_punct(x, &[","])).unwrap_or(e);
        let head_is_role =
            !self.is_cap(m.last) && self.is_word(m.last) && !self.doc.tokens[m.last].is(POSSESSIVE);
        let name = e > a
            && (a..e).all(|x| self.np_word(x) || self.is_punct(x, &["."]))
            && self.is_cap(a)
            && self.is_cap(e - 1);
        if head_is_role && name {
            Mention {
                first: a,
                last: e - 1,
                apposition: None,
                loose: false,
            }
        } else {
            m
        }
    }

    /// The noun phrase ending right before token `k`.
    fn np_left_of(&self, k: usize, limit: usize) -> Option<Mention> {
        if k <= limit {
            return None;
        }
        let last = k - 1;
        let w = self.tok(last);
        if self.is_word(last)
            && self.lex.pronoun(w).is_some()
            && !self.doc.tokens[last].is(POSSESSIVE)
        {
            return Some(Mention {
                first: last,
                last,
                apposition: None,
                loose: false,
            });
        }
        // Party-state parentheses after a name: "Sen. Jon Roe (D-N.Y.) said".
        let mut end = last;
        // "Joseph R. Biden Jr. said": the abbreviation's dot.
        if self.is_punct(end, &["."]) && end > limit && self.is_abbrev_or_initial(end - 1) {
            end -= 1;
        }
        if self.is_punct(end, &[")"]) {
            let mut j = end;
            while j > limit && !self.is_punct(j, &["("]) && end - j < 8 {
                j -= 1;
            }
            if self.is_punct(j, &["("]) && j > limit {
                end = j - 1;
            } else {
                return None;
            }
        }
        if !self.np_word(end) {
            return None;
        }
        let head_is_role = !self.is_cap(end) && self.lex.role(self.tok(end)).is_some();
        let mut first = end;
        let mut j = end;
        while j > limit {
            let p = j - 1;
            let t = self.doc.tokens[p];
            let w = self.tok(p);
            if self.np_word(p)
                || (self.is_punct(p, &["."]) && p > limit && self.is_abbrev_or_initial(p - 1))
            {
                first = p;
                j = p;
                continue;
            }
            if w == "and" && p > limit && self.np_word(p - 1) && self.is_cap(p - 1) {
                first = p;
                j = p;
                continue;
            }
            // Lower-case modifiers before a role noun: "a senior official",
            // "many economists", "two campaign sources", and after a clause
            // boundary without a determiner: "…, federal officials said".
            if head_is_role
                && t.is(WORD)
                && !t.is(CAP)
                && !self.lex.is(Glue::Determiners, w)
                && end - p <= 3
            {
                let modifier = |x: usize| {
                    self.is_word(x)
                        && !self.is_cap(x)
                        && !self.lex.is_cue_word(self.tok(x))
                        && !self.lex.is(Glue::Passive, self.tok(x))
                        && !self.lex.is(Glue::Relative, self.tok(x))
                        && !self.lex.is(Glue::ContentStops, self.tok(x))
                        && !matches!(self.tok(x), "and" | "or" | "but" | "that" | "not")
                };
                if let Some(det) = (limit.max(p.saturating_sub(3))..p)
                    .rev()
                    .find(|&d| self.determiner_like(d))
                {
                    if (det + 1..=p).all(modifier) {
                        first = det;
                        break;
                    }
                }
                if self.determiner_like(p) || !modifier(p) {
                    break;
                }
                // No determiner: a bare modifier run opening its clause.
                let mut a = p;
                while a > limit && end - (a - 1) <= 3 && modifier(a - 1) {
                    a -= 1;
                }
                if a == limit || self.clause_boundary_before(a) {
                    first = a;
                }
                break;
            }
            if t.is(WORD) && self.lex.is(Glue::Determiners, w) && !t.is(POSSESSIVE) {
                // "the Kremlin", "the senator", "a spokesman".
                if matches!(
                    w.to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "this" | "his" | "her" | "its" | "their"
                ) {
                    first = p;
                }
                break;
            }
            break;
        }
        // Trim a leading "and" or possessive ending.
        while first < end && (self.tok_is(first, "and") || self.doc.tokens[first].is(POSSESSIVE)) {
            first += 1;
        }
        // "Sen. Jon Roe of Ohio", "the former governor of Texas": the
        // phrase before "of" is the speaker, the place or body after it an
        // affiliation; "the Bank of Ruritania" and "Secretary of State Jon
        // Roe" stay whole.
        if first > limit + 1
            && end - first <= 3
            && self.is_cap(first)
            && (self.tok_is(first - 1, "of")
                || ((self.tok_is(first - 1, "in") || self.tok_is(first - 1, "from"))
                    && self.tok(first - 2).ends_with('s')))
        {
            if let Some(head) = self.np_left_of(first - 1, limit) {
                let head_word = self.tok(head.last);
                let whole = self.lex.is_orgword(head_word)
                    || (self.is_cap(head.last)
                        && self.lex.title(head_word).is_some()
                        && (first..=end).filter(|&x| self.is_cap(x)).count() >= 3);
                if whole {
                    return Some(Mention {
                        first: head.first,
                        last: end,
                        apposition: None,
                        loose: false,
                    });
                }
                if head.apposition.is_none() {
                    return Some(Mention {
                        apposition: Some((first - 1, end + 1)),
                        ..head
                    });
                }
            }
        }
        // A capitalised sentence opener that is not a name ("Officials").
        let mention = Mention {
            first,
            last: end,
            apposition: None,
            loose: false,
        };
        if !self.plausible_speaker(&mention) {
            return None;
        }
        Some(mention)
    }

    /// A determiner, a quantifier or a number: "the", "many", "two", "42".
    fn determiner_like(&self, i: usize) -> bool {
        let w = self.tok(i);
        self.is_word(i)
            && !self.doc.tokens[i].is(POSSESSIVE)
            && (self.lex.is(Glue::Determiners, w)
                || self.lex.is(Glue::Quantifiers, w)
                || w.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// Whether a clause opens at token `a`: after a comma, semicolon, colon
    /// or dash, a coordinating word, or at its sentence's start.
    fn clause_boundary_before(&self, a: usize) -> bool {
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

    fn is_abbrev_or_initial(&self, i: usize) -> bool {
        let w = self.tok(i);
        self.is_word(i)
            && (self.lex.is_dotted_title(w)
                || (w.chars().count() == 1 && self.is_cap(i))
                || self.lex.is_abbreviation(w))
    }

    /// A mention must hold a name, a role noun, an acronym or a pronoun.
    fn plausible_speaker(&self, m: &Mention) -> bool {
        (m.first..=m.last).any(|i| {
            let t = self.doc.tokens[i];
            if !t.is(WORD) || t.is(POSSESSIVE) {
                return false;
            }
            let w = self.tok(i);
            (t.is(CAP) && !self.lex.is_stopword(w)) || self.lex.role(w).is_some()
        })
    }

    /// The noun phrase starting at token `k` (inversions and "according
    /// to X"), with an apposition after a comma. `loose` also takes
    /// lower-case noun phrases ("Ukrainian and Western officials").
    fn mention_right(&self, k: usize, limit: usize, loose: bool) -> Option<Mention> {
        if k >= limit || !self.is_word(k) {
            return None;
        }
        let w0 = self.tok(k);
        if self.lex.pronoun(w0).is_some() && !loose {
            return None;
        }
        let mut j = k;
        if self.lex.is(Glue::Determiners, w0) {
            j += 1;
        }
        let mut last = None;
        let max = (k + 10).min(limit);
        while j < max {
            let t = self.doc.tokens[j];
            let w = self.tok(j);
            if t.is(DOUBLE_MARK) || self.is_punct(j, &[",", ";", ":", "(", ")"]) {
                break;
            }
            if self.is_punct(j, &["."]) {
                if j > k && self.is_abbrev_or_initial(j - 1) && j + 1 < limit && self.is_cap(j + 1)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            let modifier_of_role = t.is(WORD)
                && !t.is(CAP)
                && last.is_none()
                && (j + 1..max.min(j + 4)).any(|x| {
                    self.is_word(x) && !self.is_cap(x) && self.lex.role(self.tok(x)).is_some()
                })
                && self.cue_starting_at(j).is_none();
            let ok = self.np_word(j)
                || modifier_of_role
                || (w == "and" && last.is_some())
                || (loose
                    && t.is(WORD)
                    && !t.is(CAP)
                    && !self.lex.is_cue_word(w)
                    && !self.lex.is(Glue::ContentStops, w)
                    && !self.lex.is(Glue::Passive, w)
                    && !self.lex.is(Glue::Adverbials, w))
                || (loose
                    && (w == "of" || w == "for")
                    && last.is_some()
                    && j + 1 < max
                    && self.np_word(j + 1));
            if !ok {
                break;
            }
            if t.is(WORD) && w != "and" && w != "of" && w != "for" {
                last = Some(j);
            }
            j += 1;
        }
        let last = last?;
        let mention = Mention {
            first: k,
            last,
            apposition: None,
            loose: false,
        };
        let pronoun_source = loose && self.lex.pronoun(w0).is_some();
        if !(self.plausible_speaker(&mention) || pronoun_source) {
            return None;
        }
        // Apposition: ", the union's president," up to the next comma or end.
        let mut apposition = None;
        if last + 2 < limit && self.is_punct(last + 1, &[","]) {
            let a = last + 2;
            let mut e = a;
            while e < limit
                && !self.is_punct(e, &[",", ".", ";"])
                && !self.doc.tokens[e].is(DOUBLE_MARK)
                && e - a < 14
            {
                e += 1;
            }
            let starts = self.tok(a);
            if e > a
                && (self.lex.is(Glue::Determiners, starts)
                    || self.lex.is(Glue::Relative, starts)
                    || self.doc.tokens[a].is(WORD))
                && (e >= limit || self.is_punct(e, &[",", ".", ";"]))
            {
                apposition = Some((a, e));
            }
        }
        Some(Mention {
            apposition,
            ..mention
        })
    }

    /// After an inverted cue, a descriptive speaker phrase up to its comma
    /// or the sentence end: "said one person with knowledge of the talks",
    /// "said former Gov. Bill Richardson of New Mexico".
    fn inverted_description(&self, k: usize, s_end: usize) -> Option<Mention> {
        if k >= s_end || !self.is_word(k) || self.lex.pronoun(self.tok(k)).is_some() {
            return None;
        }
        let mut end = k;
        while end < s_end && end < k + 14 {
            let t = self.doc.tokens[end];
            if t.is(DOUBLE_MARK) || self.is_punct(end, &[",", ";", ":", "—", "–", "(", "!", "?"])
            {
                break;
            }
            if self.is_punct(end, &["."]) && !(end > k && self.is_abbrev_or_initial(end - 1)) {
                break;
            }
            if t.is(WORD)
                && (self.lex.is(Glue::Relative, self.tok(end))
                    || self.cue_starting_at(end).is_some())
            {
                break;
            }
            end += 1;
        }
        if end == k || end - k >= 14 {
            return None;
        }
        // "… Bill Richardson of New Mexico": the place is not the name.
        let mut last = end - 1;
        if let Some(of) =
            (k + 1..end).find(|&j| matches!(self.tok(j), "of" | "from") && self.is_cap(j - 1))
        {
            last = of - 1;
        }
        while last > k && !self.is_word(last) {
            last -= 1;
        }
        let m = Mention {
            first: k,
            last,
            apposition: None,
            loose: false,
        };
        self.plausible_speaker(&m).then_some(m)
    }

    /// The subject of the clause holding a participle cue: the speaker of
    /// an earlier statement of the sentence, or its first noun phrase.
    fn main_subject(&self, cue_first: usize) -> Option<Mention> {
        let (s_start, _) = self.sent_range(cue_first);
        let s = self.sent_of(cue_first);
        if let Some(st) = self
            .out
            .iter()
            .rev()
            .take(8)
            .find(|st| st.sentence_last == s && st.mention.is_some_and(|m| m.first < cue_first))
        {
            return st.mention;
        }
        // The subject of an earlier finite cue of the sentence: "She
        // revealed that …, saying …".
        if let Some(m) = (s_start.max(cue_first.saturating_sub(40))..cue_first).find_map(|j| {
            let c = self.cue_starting_at(j)?;
            let info = self.cues[c].info(self.lex);
            (!info.participle && info.class != CueClass::Source)
                .then(|| self.mention_left(j, s_start))
                .flatten()
        }) {
            return Some(m);
        }
        // Skip an introductory phrase ending in a comma: "However, ",
        // "When asked about it, ".
        let mut k = self.clause_subject_start(s_start, cue_first);
        while k < cue_first && self.is_punct(k, &["“", "\""]) {
            k += 1;
        }
        // The first noun phrase: a pronoun or a name run.
        let w = self.tok(k);
        if self.lex.pronoun(w).is_some() {
            return Some(Mention {
                first: k,
                last: k,
                apposition: None,
                loose: false,
            });
        }
        let mut e = k;
        while e + 1 < cue_first
            && (self.np_word(e + 1)
                || (self.is_punct(e + 1, &["."]) && self.is_abbrev_or_initial(e)))
        {
            e += 1;
        }
        let m = Mention {
            first: k,
            last: e,
            apposition: None,
            loose: false,
        };
        (self.np_word(k) && self.plausible_speaker(&m)).then_some(m)
    }

    // ----- finishing -----------------------------------------------------

    /// `If the talks fail, Roe warned, the strike will go on.`: a tag set
    /// off by commas inside its clause reports the words before it as well
    /// as those after it. The lead fragment becomes a statement of its own,
    /// with the same speaker and cue, unless another statement holds it.
    fn lead_fragments(&mut self) {
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
            if words < 2
                || self.lex.is(Glue::Adverbials, opener)
                || self.lex.is(Glue::ContentStops, opener)
                || opener.ends_with("ly")
                || opener.ends_with("ing")
                || (a..comma).any(|j| self.tok_is(j, "asked") || self.lex.is_cue_word(self.tok(j)))
            {
                continue;
            }
            let Some(content) = self.content_span(a, comma) else {
                continue;
            };
            if !free(content.start, content.end, &taken) {
                continue;
            }
            extra.push(Statement {
                kind: self.kind_of(a, comma),
                content,
                cue: Some(c),
                cue_token: None,
                mention: Some(m),
                inherit: Inherit::No,
                addressee: st.addressee,
                sentence_first: self.sent_of(a),
                sentence_last: self.sent_of(cue.first),
                confidence: 0.6,
                priority: 3,
            });
        }
        for st in extra {
            let at = taken.partition_point(|&(s, _)| s < st.content.start);
            taken.insert(at, (st.content.start, st.content.end));
            self.out.push(st);
        }
    }

    fn finish(mut self) -> Vec<Statement> {
        self.out.sort_by_key(|s| (s.content.start, s.priority));
        // Two statements for one content (two cues for one clause): keep the
        // better cue.
        let mut kept: Vec<Statement> = Vec::with_capacity(self.out.len());
        for s in self.out.drain(..) {
            if let Some(prev) = kept
                .iter_mut()
                .rev()
                .take(3)
                .find(|p| overlap(p.content, s.content) > 0.8)
            {
                if s.priority < prev.priority {
                    *prev = s;
                }
                continue;
            }
            kept.push(s);
        }
        kept.sort_by_key(|s| s.content.start);
        // A quoted fragment inside a mixed statement is part of it, not a
        // statement of its own: `Roe said the levy “will hurt farmers” in
        // the valley.`
        let mut covered = vec![false; kept.len()];
        for (i, s) in kept.iter().enumerate() {
            if s.kind != StatementKind::Mixed {
                continue;
            }
            for (j, d) in kept.iter().enumerate().skip(i + 1).take(16) {
                if d.content.start >= s.content.end {
                    break;
                }
                if d.kind == StatementKind::Direct
                    && d.content.start >= s.content.start
                    && d.content.end <= s.content.end
                {
                    covered[j] = true;
                }
            }
        }
        let mut flags = covered.into_iter();
        kept.retain(|_| !flags.next().unwrap_or(false));
        self.out = kept;
        self.floating();
        self.out
    }

    /// Quote paragraphs with no cue of their own continue the previous
    /// statement's speaker.
    fn floating(&mut self) {
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

    /// The name or pronoun opening the clause before token `before`, when
    /// a lower-case word (its verb) follows it: "While Roe proclaims …".
    fn sentence_subject(&self, before: usize) -> Option<Mention> {
        let (s_start, _) = self.sent_range(before);
        let mut a = self.clause_subject_start(s_start, before);
        if a < before
            && matches!(
                self.tok(a).to_ascii_lowercase().as_str(),
                "while" | "when" | "as" | "but" | "and"
            )
        {
            a += 1;
        }
        if a >= before || self.doc.tokens[a].is(DOUBLE_MARK) {
            return None;
        }
        let w = self.tok(a);
        if let Some(p) = self.lex.pronoun(w) {
            let follows = a + 1 < before && self.is_word(a + 1) && !self.is_cap(a + 1);
            return (p.person && follows).then_some(Mention {
                first: a,
                last: a,
                apposition: None,
                loose: false,
            });
        }
        if !self.is_cap(a) || !self.np_word(a) {
            return None;
        }
        let mut e = a;
        while e + 1 < before
            && (self.np_word(e + 1)
                || (self.is_punct(e + 1, &["."]) && self.is_abbrev_or_initial(e)))
        {
            e += 1;
        }
        let m = Mention {
            first: a,
            last: e,
            apposition: None,
            loose: false,
        };
        let verb = e + 1 < before
            && ((self.is_word(e + 1) && !self.is_cap(e + 1)) || self.is_punct(e + 1, &[","]));
        (verb && self.plausible_speaker(&m)).then_some(m)
    }

    fn para_of_span(&self, span: Span) -> usize {
        let t = self
            .doc
            .tokens
            .partition_point(|t| t.span.start < span.start);
        self.para_of(t.min(self.doc.tokens.len() - 1))
    }

    fn only_skips_between(&self, a: usize, b: usize) -> bool {
        a < b && (a + 1..b).all(|p| self.doc.paragraphs[p].skip)
    }
}

fn overlap(a: Span, b: Span) -> f32 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.end.max(b.end) - a.start.min(b.start);
    if union == 0 {
        0.0
    } else {
        inter as f32 / union as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{clean, cues, quotes, segment};

    /// (kind, content, cue, mention) of every statement of `text`.
    fn run(text: &str) -> Vec<(&'static str, String, Option<String>, Option<String>)> {
        let lex = Lexicon::english();
        let zones = clean::boilerplate(text, &lex);
        let mut doc = segment::segment(text, &zones, &lex);
        let qs = quotes::find_quotes(&mut doc);
        let cs = cues::find_cues(&doc, &lex);
        attribute(&doc, &lex, &qs, &cs)
            .into_iter()
            .map(|s| {
                (
                    s.kind.as_str(),
                    s.content.slice(text).to_string(),
                    s.cue.map(|c| cs[c].span.slice(text).to_string()),
                    s.mention
                        .map(|m| doc.span(m.first, m.last).slice(text).to_string()),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (&'static str, String, Option<String>, Option<String>) {
        let mut all = run(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.remove(0)
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

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
    fn inversion_with_apposition() {
        let r = one("“The strike goes on,” said Ana Lee, the union’s president.");
        assert_eq!(r.3, s("Ana Lee"));
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
    fn floating_quote_follows_the_previous_speaker() {
        let r = run(
            "“We start on Monday,” Roe said.\n\n“And we will not stop until the work is done.”",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].2, None);
        assert_eq!(r[1].3, None);
    }

    #[test]
    fn running_quote_paragraphs_share_the_attribution() {
        let r = run("Roe said: “The first part is the plan.\n\n“The second part is the money to pay for it.”");
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(r.iter().all(|x| x.3 == s("Roe")));
    }

    #[test]
    fn apposition_before_the_cue() {
        let r = one("General J. R. Doe, chairman of the Joint Staff, said the troops would stay.");
        assert_eq!(r.3, s("General J. R. Doe"));
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
    fn boilerplate_lines_give_nothing() {
        assert!(
            run("Advertisement\n\nTo suggest a correction, Roe said, contact the desk").is_empty()
        );
    }
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
    fn a_quote_completing_the_reporters_clause_is_mixed() {
        let r = one("The new levy, “will hurt every farmer in the valley,” Mr. Roe said.");
        assert_eq!(r.0, "mixed");
        assert_eq!(r.1, "The new levy, “will hurt every farmer in the valley,”");
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
    fn speakers_of_a_place_or_body_keep_the_person() {
        assert_eq!(
            one("Senator Jon Roe of Varnholm said the vote would be close.").3,
            s("Senator Jon Roe")
        );
        assert_eq!(
            one("The Bank of Ruritania said rates would rise.").3,
            s("The Bank of Ruritania")
        );
        assert_eq!(
            one("Senator Jon Roe of Varnholm, the party whip, said the vote would be close.").3,
            s("Senator Jon Roe")
        );
    }

    #[test]
    fn quantified_and_bare_group_subjects() {
        assert_eq!(
            one("Two senior officials said the talks had failed.").3,
            s("Two senior officials")
        );
        assert_eq!(
            one("The levy was dropped in May, federal officials said.").3,
            s("federal officials")
        );
    }
    #[test]
    fn passive_questions_report_the_question() {
        // An unnamed asker's question only frames the answer.
        assert!(run("Asked on Monday whether the mill would close, Roe said no.").is_empty());
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
    fn a_tag_after_a_question_mark_is_the_next_sentence() {
        let r = one("“Will the mill close?” Roe asked reporters.");
        assert_eq!((r.0, r.3), ("direct", s("Roe")));
        // A sentence of its own is not a tag.
        let r = run("“Why not?” He said the plan would work.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "the plan would work");
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
    fn a_quoted_fragment_inside_a_mixed_statement_is_not_repeated() {
        let r = run("Roe said the levy “will hurt every farmer in the valley” for years to come.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "mixed");
    }
    #[test]
    fn an_orphan_quote_belongs_to_its_sentences_subject() {
        let r = run("“We start Monday,” Roe said.\n\nWhile Vold labels the plan a “terrific piece of work and well worth the long wait for it,” the union is unhappy.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[1].3, s("Vold"));
    }
    #[test]
    fn a_capitalised_cue_word_inside_a_name_is_part_of_it() {
        let r = one("Pfizer chief executive Ian Read said the deal would close.");
        assert_eq!(r.3, s("Pfizer chief executive Ian Read"));
        // A headline verb is still the verb.
        let r = one("Roe Says Mill Will Close");
        assert_eq!(
            (r.1.as_str(), r.2, r.3),
            ("Mill Will Close", s("Says"), s("Roe"))
        );
    }
}
