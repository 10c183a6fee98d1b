//! Stage 3a: pair double quote marks into direct quotes.
//!
//! Curly marks carry their direction, except for the common typo of a
//! curly mark used the wrong way round; straight marks (`"`, and `''` in
//! NYT style) take theirs from the characters around them, or toggle.
//! Quotes are paired inside one paragraph: an opening mark while a quote is
//! open restarts it, a stray closing mark is ignored, so an unbalanced mark
//! never swallows the rest of the article. A paragraph that ends inside a
//! quote continues it when the next paragraph opens with a quote mark (the
//! news convention for quotes running over several paragraphs); each
//! paragraph is then a segment of one running quote. So is each sentence
//! of a quote whose paragraph breaks were lost in scraping, where every
//! paragraph still opens with its mark (`"A. "B. "C."`: three segments).
//! Single marks are never
//! quote boundaries: they nest inside double quotes, and `’` is mostly an
//! apostrophe.

use super::segment::{Document, DOUBLE_MARK, IN_QUOTE, WORD};
use crate::text::Span;

/// One direct quote segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the segment runs to the
    /// end of its paragraph (a running or unclosed quote) or to the mark
    /// that opens the next segment of its running quote.
    pub close: Option<usize>,
    /// The quoted text, without the marks and outer white space.
    pub inner: Span,
    /// Token indexes of the quoted words (exclusive of the marks).
    pub first: usize,
    /// One past the last quoted token.
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Index (in the quote list) of the first segment of its running quote;
    /// its own index for a quote of one paragraph.
    pub group: usize,
    /// Number of word tokens inside.
    pub words: usize,
    /// Never closed, and not continued by the next paragraph.
    pub unclosed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

fn opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '/' | ':' | '-'),
    }
}

fn direction(doc: &Document<'_>, k: usize, para_start: usize) -> Dir {
    let t = doc.tokens[k];
    let mark = t.text(doc.text);
    let before = if t.span.start <= para_start {
        None
    } else {
        doc.text[..t.span.start].chars().next_back()
    };
    let after = doc.text[t.span.end..].chars().next();
    let open_ctx = opening_context(before);
    let close_ctx = after.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation() || c == '—');
    match mark {
        "“" | "„" | "«" | "‘‘" => {
            if !open_ctx && close_ctx {
                Dir::Close
            } else {
                Dir::Open
            }
        }
        "”" | "»" | "’’" => {
            if open_ctx && !close_ctx {
                Dir::Open
            } else {
                Dir::Close
            }
        }
        _ => {
            if open_ctx && !close_ctx {
                Dir::Open
            } else if !open_ctx && close_ctx {
                Dir::Close
            } else {
                Dir::Either
            }
        }
    }
}

/// Finds the direct quotes of a segmented article and marks their tokens
/// with [`IN_QUOTE`]. Boilerplate paragraphs are left out.
pub fn find_quotes(doc: &mut Document<'_>) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    // Group of a running quote continued into the next paragraph.
    let mut running: Option<usize> = None;
    let n_para = doc.paragraphs.len();
    for p in 0..n_para {
        let para = doc.paragraphs[p].clone();
        if para.skip {
            running = None;
            continue;
        }
        let mut open_at: Option<usize> = None;
        // The group of the segment open at `open_at`, when it continues a
        // running quote inside this paragraph.
        let mut open_group: Option<usize> = None;
        let mut first_in_para = true;
        for k in para.tokens.clone() {
            if !doc.tokens[k].is(DOUBLE_MARK) {
                continue;
            }
            let mut dir = direction(doc, k, para.span.start);
            if dir == Dir::Either {
                dir = if open_at.is_some() {
                    Dir::Close
                } else {
                    Dir::Open
                };
            }
            match (open_at, dir) {
                (None, Dir::Open) => open_at = Some(k),
                (Some(o), Dir::Open) => {
                    // `"A. "B.`: a mark opening a new sentence while a quote
                    // is open starts the next paragraph of a running quote
                    // whose break was lost; any other opening mark restarts
                    // the quote.
                    if opens_lost_paragraph(doc, k) {
                        let group = open_group.or_else(|| {
                            if first_in_para && o == para.tokens.start {
                                running.take()
                            } else {
                                None
                            }
                        });
                        let idx = push(doc, &mut quotes, o, None, k, p, group, false);
                        open_group = Some(quotes[idx].group);
                        first_in_para = false;
                    } else {
                        open_group = None;
                    }
                    open_at = Some(k);
                }
                (Some(o), Dir::Close) => {
                    let group = open_group.take().or_else(|| {
                        if first_in_para && o == para.tokens.start {
                            running.take()
                        } else {
                            None
                        }
                    });
                    push(doc, &mut quotes, o, Some(k), k, p, group, false);
                    first_in_para = false;
                    open_at = None;
                }
                (None, Dir::Close) | (_, Dir::Either) => {}
            }
        }
        let continued_from = if first_in_para { running.take() } else { None };
        running = None;
        if let Some(o) = open_at {
            let next_opens = next_paragraph_opens_quote(doc, p);
            let at_start = o == para.tokens.start;
            // A running quote opens a paragraph or follows a colon or comma
            // ("Roe said: “…"); a stray mark elsewhere is dropped.
            let after_lead_in = o > para.tokens.start
                && (matches!(doc.tok(o - 1), ":" | ",")
                    || doc.tokens[o - 1].sentence != doc.tokens[o].sentence);
            if at_start || (next_opens && after_lead_in) || open_group.is_some() {
                let group = open_group.or(if at_start { continued_from } else { None });
                let idx = push(
                    doc,
                    &mut quotes,
                    o,
                    None,
                    para.tokens.end,
                    p,
                    group,
                    !next_opens,
                );
                if next_opens {
                    running = Some(quotes[idx].group);
                }
            }
        }
    }
    quotes
}

/// Whether the opening mark at token `k` follows a sentence end inside the
/// open quote (`…lacklustre. "We dominated…`): a lost paragraph break.
fn opens_lost_paragraph(doc: &Document<'_>, k: usize) -> bool {
    let t = doc.tokens[k];
    let before = doc.text[..t.span.start].trim_end_matches([' ', '\u{a0}']);
    let spaced = before.len() < t.span.start;
    let after_end = before.ends_with(['.', '?', '!']);
    let next_cap = doc.text[t.span.end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase());
    spaced && after_end && next_cap
}

fn next_paragraph_opens_quote(doc: &Document<'_>, p: usize) -> bool {
    let Some(next) = doc.paragraphs.get(p + 1) else {
        return false;
    };
    if next.skip || next.tokens.is_empty() {
        return false;
    }
    let k = next.tokens.start;
    doc.tokens[k].is(DOUBLE_MARK) && direction(doc, k, next.span.start) != Dir::Close
}

#[allow(clippy::too_many_arguments)]
fn push(
    doc: &mut Document<'_>,
    quotes: &mut Vec<Quote>,
    open: usize,
    close: Option<usize>,
    end: usize,
    paragraph: usize,
    group: Option<usize>,
    unclosed: bool,
) -> usize {
    let first = open + 1;
    let idx = quotes.len();
    let start_byte = doc.tokens[open].span.end;
    let end_byte = match close {
        Some(c) => doc.tokens[c].span.start,
        // Up to the mark of the next segment, or the paragraph's end.
        None if end < doc.paragraphs[paragraph].tokens.end => doc.tokens[end].span.start,
        None => doc.paragraphs[paragraph].span.end,
    };
    let raw = &doc.text[start_byte..end_byte];
    let inner = if raw.trim().is_empty() {
        Span::new(start_byte, start_byte)
    } else {
        let lead = raw.len() - raw.trim_start().len();
        Span::new(start_byte + lead, start_byte + raw.trim_end().len())
    };
    let mut words = 0;
    for t in &mut doc.tokens[first..end] {
        t.flags |= IN_QUOTE;
        words += t.is(WORD) as usize;
    }
    quotes.push(Quote {
        open,
        close,
        inner,
        first,
        end,
        paragraph,
        group: group.unwrap_or(idx),
        words,
        unclosed,
    });
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::pipeline::segment::segment;

    fn quotes(text: &str) -> Vec<(String, usize, bool)> {
        let mut d = segment(text, &[], &Lexicon::english());
        find_quotes(&mut d)
            .iter()
            .map(|q| (q.inner.slice(text).to_string(), q.group, q.unclosed))
            .collect()
    }

    fn inner(text: &str) -> Vec<String> {
        quotes(text).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn a_sentence_reopening_an_open_quote_is_a_lost_paragraph_break() {
        let q = quotes(
            "\"We won the first half. \"We lost the second. \"Next week, we win,\" Roe said.",
        );
        assert_eq!(
            q,
            [
                ("We won the first half.".to_string(), 0, false),
                ("We lost the second.".to_string(), 0, false),
                ("Next week, we win,".to_string(), 0, false),
            ]
        );
        // A mark that opens mid-sentence still restarts the quote.
        let q = quotes("\"We won and \"we lost,\" Roe said.");
        assert_eq!(q.len(), 1, "{q:?}");
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(
            inner("“It is over,” she said. He said \"No way.\" and left."),
            ["It is over,", "No way."]
        );
    }

    #[test]
    fn apostrophes_and_nested_single_quotes_are_not_boundaries() {
        assert_eq!(
            inner("She said, “Some say, ‘Ukraine’s allies won’t lose.’ It’s fine.”"),
            ["Some say, ‘Ukraine’s allies won’t lose.’ It’s fine."]
        );
    }

    #[test]
    fn nyt_doubled_apostrophes_are_double_quotes() {
        assert_eq!(inner("''We will win,'' Mr. Roe said."), ["We will win,"]);
    }

    #[test]
    fn running_quotes_share_a_group() {
        let text = "“First part of it.\n\n“Second part.\n\n“Third part,” she said.\n\nNext.";
        let q = quotes(text);
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].0, "First part of it.");
        assert_eq!(q[2].0, "Third part,");
        assert!(q.iter().all(|x| x.1 == 0 && !x.2));
    }

    #[test]
    fn an_unbalanced_mark_does_not_swallow_the_article() {
        let text = "He called it “a disaster and walked out.\n\n“This is fine,” Roe said.";
        assert_eq!(inner(text), ["This is fine,"]);
        let text = "“Unclosed at the start\n\nRoe said more.";
        let q = quotes(text);
        assert_eq!(q.len(), 1);
        assert!(q[0].2);
    }

    #[test]
    fn an_empty_quote_is_an_empty_span() {
        let text = "A:\" \" ";
        let mut d = segment(text, &[], &Lexicon::english());
        let q = find_quotes(&mut d);
        assert_eq!(q.len(), 1);
        assert!(q[0].inner.is_empty() && q[0].words == 0);
    }

    #[test]
    fn a_wrong_way_curly_mark_still_pairs() {
        assert_eq!(inner("He said “yes“ and left."), ["yes"]);
    }
}
