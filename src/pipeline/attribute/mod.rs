//! Stage 4: build statements from quotes and cues, and find each one's
//! speaker mention.
//!
//! # How a statement is found
//!
//! [`attribute`] runs five passes over one segmented article, in this order;
//! each pass lives in a module of its own, with its unit tests beside it:
//!
//! 1. **Direct quotes** (`direct`): every quote looks for a tag right after
//!    it (`“Q,” she added.`, `“Q,” said Jane Roe, the mayor.`, `“Q,” she
//!    quipped.`), then for a cue right before it (`She said: “Q.”`, `…,
//!    saying “Q.”`, `Roe said:` closing the previous paragraph). The second
//!    half of an interrupted quote and the later paragraphs of a running
//!    quote share the first one's attribution. A quote the reporter's words
//!    lead into (`The plan, “will fail,” she said.`) is reported whole, as
//!    mixed (`fragments`).
//! 2. **Headlines** (`direct`): `Roe: Taxes Will Rise`.
//! 3. **Reported speech** (`reported`): each cue not used by a quote reports
//!    the clause after it (`X said (that) …`, `X told Y …`, `According to X,
//!    …`) or before it (`…, X said.`, `…, according to X.`); stance verbs
//!    report their object (`endorsed Roe`). `clause` decides where the
//!    content starts and ends: the sentence end, a semicolon or dash, `, but
//!    …`, or the start of another attribution. Passive question cues report
//!    a named asker's question, and a tag set off by commas (`X, she said,
//!    Y.`) reports the part after it too (`fragments`).
//! 4. **Lead fragments** (`fragments`): `If the talks fail, Roe warned, the
//!    strike goes on` also reports the words before the tag.
//! 5. **Finishing** (here, then `floating`): when two statements claim the
//!    same content, the better cue wins; a quoted fragment inside a mixed
//!    statement is not repeated as a direct one; then quote paragraphs with
//!    no tag of their own continue the previous speaker's quote chain.
//!
//! The speaker mention is the noun phrase next to the cue: to its left,
//! across appositions (`Roe, a spokeswoman, said`), or the main clause's
//! subject for a participle (`Roe rejected it, saying …`), in `mentions`;
//! to its right for an inversion (`said Roe, a spokeswoman for X`) or a
//! source (`according to officials familiar with the talks`), in
//! `inverted`. Token-level views shared by every family are in `tokens`.
//!
//! Every scan is bounded (by `MAX_CONTENT_TOKENS` or a few tokens), so a
//! hostile article stays linear.

mod clause;
mod complements;
mod direct;
mod filters;
mod floating;
mod forward;
mod fragments;
mod inverted;
mod mentions;
mod objects;
mod quoting;
mod raising;
mod reported;
mod sources;
mod subjects;
mod tokens;

use super::cues::Cue;
use super::quotes::Quote;
use super::segment::Document;
use super::Attributions;
use crate::event::{Attribution, StatementKind};
use crate::lexicon::Lexicon;
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

impl Mention {
    /// The plain noun phrase of tokens `first..=last`: no apposition, and
    /// anchored by a name, role noun or pronoun.
    pub fn new(first: usize, last: usize) -> Mention {
        Mention {
            first,
            last,
            apposition: None,
            loose: false,
        }
    }
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
    /// The attribution class, from the cue (speech when there is none).
    pub attribution: Attribution,
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
    /// The hearer ("told the Varnholm Herald").
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

/// Finds the statements of every attribution class in a segmented
/// article, in text order.
pub fn attribute(
    doc: &Document<'_>,
    lex: &Lexicon,
    quotes: &[Quote],
    cues: &[Cue],
) -> Vec<Statement> {
    attribute_with(doc, lex, quotes, cues, Attributions::ALL)
}

/// Finds the statements of the attribution classes in `enabled`, in text
/// order. A cue of another class reports nothing, so the words it governs
/// stay free for the cues that are enabled.
pub fn attribute_with(
    doc: &Document<'_>,
    lex: &Lexicon,
    quotes: &[Quote],
    cues: &[Cue],
    enabled: Attributions,
) -> Vec<Statement> {
    let mut a = Attributor::new(doc, lex, quotes, cues, enabled);
    // Quotes first: a cue that tags a quote is used up and reports nothing
    // else.
    a.direct();
    a.headline();
    a.direct_count = a.out.len();
    a.indirect();
    a.lead_fragments();
    a.finish()
}

/// The state of one article's attribution, shared by the passes.
struct Attributor<'a, 't> {
    /// The segmented article.
    doc: &'a Document<'t>,
    /// Word lists and cue information.
    lex: &'a Lexicon,
    /// Paired quote marks, in text order.
    quotes: &'a [Quote],
    /// Cues, in text order.
    cues: &'a [Cue],
    /// The attribution classes to report.
    enabled: Attributions,
    /// For each token, the index of the cue covering it (`u32::MAX`: none).
    cue_at: Vec<u32>,
    /// Cues that already attribute a statement.
    cue_used: Vec<bool>,
    /// The statements found so far.
    out: Vec<Statement>,
    /// Number of direct statements at the start of `out`.
    direct_count: usize,
}

/// The tag found for a quote: its cue and speaker.
#[derive(Clone, Copy)]
struct QuoteTag {
    /// The cue, as an index into the cue list.
    cue: Option<usize>,
    /// A verb outside the cue lexicon that tags the quote (`“Q,” she
    /// quipped.`), as a token index.
    cue_token: Option<usize>,
    /// The speaker mention.
    mention: Option<Mention>,
    /// The hearer (`told reporters`).
    addressee: Option<Span>,
    /// Confidence from 0 to 1.
    confidence: f32,
}

impl<'a, 't> Attributor<'a, 't> {
    /// An attributor with no statements yet.
    fn new(
        doc: &'a Document<'t>,
        lex: &'a Lexicon,
        quotes: &'a [Quote],
        cues: &'a [Cue],
        enabled: Attributions,
    ) -> Attributor<'a, 't> {
        let mut cue_at = vec![u32::MAX; doc.tokens.len()];
        for (i, c) in cues.iter().enumerate() {
            for slot in &mut cue_at[c.first..=c.last] {
                *slot = i as u32;
            }
        }
        Attributor {
            doc,
            lex,
            quotes,
            cues,
            enabled,
            cue_at,
            cue_used: vec![false; cues.len()],
            out: Vec::new(),
            direct_count: 0,
        }
    }

    /// Keeps one statement per content (the better cue wins), drops quoted
    /// fragments repeated inside a mixed statement, then adds the floating
    /// quotes.
    fn finish(mut self) -> Vec<Statement> {
        let enabled = self.enabled;
        let mut out = std::mem::take(&mut self.out);
        for s in &mut out {
            if s.attribution == Attribution::Speech && self.poll_share(s) {
                s.attribution = Attribution::Evidence;
            }
        }
        self.out = out
            .into_iter()
            // The writer's own speech is no reported statement; the
            // writer's beliefs are attributions of their own.
            .filter(|s| {
                // An empty or inverted content is a bug of a pass: tests
                // stop on it; a release drops that statement, not the
                // article with all its others.
                debug_assert!(s.content.start < s.content.end, "bad content {s:?}");
                s.content.start < s.content.end
                    && enabled.contains(s.attribution)
                    && (s.attribution != Attribution::Speech || !self.writers_own(s))
            })
            .collect();
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
                // "“Q,” one user said, per Roe.": a quote opening the outer
                // content, tagged after it by a cue of its own there, is
                // reported inside it, a statement at both levels (a
                // fragment inside a clause, "called it “complex”", stays
                // part of the whole).
                const OPENING_MARK_BYTES: usize = 4;
                let own_tag = d.content.start <= s.content.start + OPENING_MARK_BYTES
                    && d.cue.is_some_and(|c| {
                        d.cue != s.cue && {
                            let span = self.cues[c].span;
                            span.start >= d.content.end && span.end <= s.content.end
                        }
                    });
                if d.kind == StatementKind::Direct
                    && !own_tag
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
mod testing {
    //! Helpers for the unit tests of every rule family.

    use super::*;
    use crate::pipeline::{clean, cues, quotes, segment};

    /// One statement as the tests see it: kind, content, cue and mention.
    pub(super) type Found = (&'static str, String, Option<String>, Option<String>);

    /// Runs `f` on an attributor over `text`, before any pass has run, to
    /// test the primitives the passes share.
    pub(super) fn with<R>(text: &str, f: impl FnOnce(&Attributor<'_, '_>) -> R) -> R {
        let lex = Lexicon::english();
        let zones = clean::boilerplate(text, &lex);
        let mut doc = segment::segment(text, &zones, &lex);
        let qs = quotes::find_quotes(&mut doc);
        let cs = cues::find_cues(&doc, &lex);
        f(&Attributor::new(&doc, &lex, &qs, &cs, Attributions::ALL))
    }

    /// The index of the first token that reads `word`.
    pub(super) fn at(a: &Attributor<'_, '_>, word: &str) -> usize {
        (0..a.doc.tokens.len())
            .find(|&i| a.tok(i) == word)
            .unwrap_or_else(|| panic!("no token {word:?}"))
    }

    /// The text of tokens `first..=last`.
    pub(super) fn words(a: &Attributor<'_, '_>, first: usize, last: usize) -> String {
        a.doc.span(first, last).slice(a.doc.text).to_string()
    }

    /// The text of a mention (without its apposition).
    pub(super) fn mention(a: &Attributor<'_, '_>, m: Option<Mention>) -> Option<String> {
        m.map(|m| words(a, m.first, m.last))
    }

    /// (kind, content, cue, mention) of every statement of `text`, of
    /// every attribution class.
    pub(super) fn run(text: &str) -> Vec<Found> {
        run_with(text, Attributions::ALL)
    }

    /// (kind, content, cue, mention) of every statement of `text` of the
    /// classes in `enabled`.
    pub(super) fn run_with(text: &str, enabled: Attributions) -> Vec<Found> {
        let lex = Lexicon::english();
        let zones = clean::boilerplate(text, &lex);
        let mut doc = segment::segment(text, &zones, &lex);
        let qs = quotes::find_quotes(&mut doc);
        let cs = cues::find_cues(&doc, &lex);
        attribute_with(&doc, &lex, &qs, &cs, enabled)
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

    /// The one statement of `text`.
    pub(super) fn one(text: &str) -> Found {
        let mut all = run(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.remove(0)
    }

    /// `Some(x.to_string())`.
    pub(super) fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;

    #[test]
    fn boilerplate_lines_give_nothing() {
        assert!(
            run("Advertisement\n\nTo suggest a correction, Roe said, contact the desk").is_empty()
        );
    }

    #[test]
    fn a_quoted_fragment_inside_a_mixed_statement_is_not_repeated() {
        let r = run("Roe said the levy “will hurt every farmer in the valley” for years to come.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "mixed");
        // A quote with a tag of its own inside a source's clause is a
        // statement at both levels.
        let r = run("“Do not hide it,” one user said, per Ana Vold.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(
            r.iter()
                .any(|x| x.0 == "direct" && x.1 == "Do not hide it," && x.3 == s("user")),
            "{r:?}"
        );
    }

    #[test]
    fn two_cues_for_one_clause_give_one_statement() {
        let r = run("The mill will close, Roe said, according to the minutes.");
        let contents: Vec<_> = r.iter().filter(|x| x.1 == "The mill will close").collect();
        assert_eq!(contents.len(), 1, "{r:?}");
    }
}
