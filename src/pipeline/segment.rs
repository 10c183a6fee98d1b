//! Stage 2: paragraphs, sentences and tokens, each with its byte span.
//!
//! A paragraph is one non-empty line of the article. Sentences end at `.`,
//! `!`, `?` (and any closing quote marks or brackets glued to them) when the
//! next token starts a sentence, except after abbreviations ("Gen.",
//! "Sept."), initials ("C. Q. Bram") and dotted acronyms ("U.S.") that are
//! not followed by a typical sentence opener. Tokens are words (with inner
//! apostrophes, hyphens and periods: "don't", "well-founded", "U.S") and
//! single punctuation marks; a possessive "’s" is a token of its own, and a
//! doubled apostrophe `''` is one token (a double quote mark in NYT style).

use crate::lexicon::{Glue, Honorific, Lexicon, Role, WordClasses};
use crate::text::Span;
use std::ops::Range;

/// The token starts with an upper-case letter.
pub const CAP: u16 = 1;
/// Every letter of the token is upper-case, and it has at least two.
pub const ALLCAPS: u16 = 2;
/// The token is the possessive ending "’s" / "'s".
pub const POSSESSIVE: u16 = 4;
/// The token is a word (letters or digits), not punctuation.
pub const WORD: u16 = 8;
/// White space (or the paragraph start) comes right before the token.
pub const SPACE_BEFORE: u16 = 16;
/// White space (or the paragraph end) comes right after the token.
pub const SPACE_AFTER: u16 = 32;
/// The token is inside a direct quote (set by the quotes stage).
pub const IN_QUOTE: u16 = 64;
/// The token is a double quote mark of some kind.
pub const DOUBLE_MARK: u16 = 128;
/// A capitalised word that is never part of a name (`stopwords.txt`),
/// looked up once here for the later stages.
pub const STOPWORD: u16 = 256;
/// A capitalised word that is a cue form ("Said", "Recalling").
pub const CUE_WORD: u16 = 512;

/// A word or punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the article text.
    pub span: Span,
    /// Bit set of [`CAP`], [`ALLCAPS`], [`WORD`], ….
    pub flags: u16,
    /// Index of the sentence holding the token.
    pub sentence: u32,
    /// The lexicon's classes of the word, looked up once here
    /// ([`Document::glue`]).
    pub classes: WordClasses,
}

impl Token {
    /// Whether the flag bit(s) are set.
    #[inline]
    pub fn is(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// One line of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte span of the line, without its line break and outer white space.
    pub span: Span,
    /// Its tokens, as indexes into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Boilerplate: no statement is taken from it.
    pub skip: bool,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span from its first to its last token.
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// The segmented article.
#[derive(Debug)]
pub struct Document<'t> {
    /// The original article text.
    pub text: &'t str,
    /// Every token in text order.
    pub tokens: Vec<Token>,
    /// Every non-empty line.
    pub paragraphs: Vec<Paragraph>,
    /// Every sentence, in text order.
    pub sentences: Vec<Sentence>,
}

impl<'t> Document<'t> {
    /// Text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'t str {
        self.tokens[i].span.slice(self.text)
    }

    /// Whether token `i` belongs to the closed word class `class`: the
    /// answer of [`Lexicon::is`] for its text, read from the token.
    #[inline]
    pub fn glue(&self, i: usize, class: Glue) -> bool {
        self.tokens[i].classes.has(class)
    }

    /// Whether token `i` (any case) is a one-word cue form: the answer of
    /// [`Lexicon::is_cue_word`] for its text, read from the token.
    #[inline]
    pub fn cue_form(&self, i: usize) -> bool {
        self.tokens[i].classes.is_cue_word()
    }

    /// [`Lexicon::role`] of token `i`, asked only of a token the segmenter
    /// found among the role words.
    #[inline]
    pub fn role<'l>(&self, i: usize, lexicon: &'l Lexicon) -> Option<&'l Role> {
        if self.tokens[i].classes.is_role() {
            lexicon.role(self.tok(i))
        } else {
            None
        }
    }

    /// [`Lexicon::honorific`] of token `i`, asked only of a token the
    /// segmenter found among the honorifics.
    #[inline]
    pub fn honorific(&self, i: usize, lexicon: &Lexicon) -> Option<Honorific> {
        if self.tokens[i].classes.is_honorific() {
            lexicon.honorific(self.tok(i))
        } else {
            None
        }
    }

    /// Whether token `i` is exactly `s`, ignoring ASCII case.
    #[inline]
    pub fn tok_is(&self, i: usize, s: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(s)
    }

    /// Whether token `i` is the one punctuation character `c` (false past
    /// the last token).
    #[inline]
    pub fn punct_is(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            !t.is(WORD) && self.text[t.span.start..].starts_with(c) && t.span.len() == c.len_utf8()
        })
    }

    /// Whether token `i` is the apostrophe of a plural possessive inside a
    /// name, "Harbour Workers' Union": attached to a word ending in "s",
    /// with a space and a capitalised word after it.
    pub fn plural_possessive_mark(&self, i: usize) -> bool {
        (self.punct_is(i, '\'') || self.punct_is(i, '’'))
            && i > 0
            && !self.tokens[i].is(SPACE_BEFORE)
            && self.tokens[i].is(SPACE_AFTER)
            && self.tokens[i - 1].is(WORD)
            && self.tok(i - 1).ends_with(['s', 'S'])
            && self.tokens.get(i + 1).is_some_and(|t| t.is(CAP))
    }

    /// Byte span from the start of token `a` to the end of token `b`.
    #[inline]
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
    }

    /// Whether token `i`, a capitalised cue word, is part of a name ("Ian
    /// Read said"): it follows another capitalised word of its sentence
    /// that is no cue word, and is followed by a lower-case one (not a
    /// headline verb: "Roe Says He Will Run").
    pub fn cue_word_in_name(&self, i: usize) -> bool {
        let t = self.tokens[i];
        if !(t.is(WORD) && t.is(CAP) && t.is(CUE_WORD)) || i == 0 {
            return false;
        }
        let p = self.tokens[i - 1];
        p.sentence == t.sentence
            && p.is(WORD)
            && p.is(CAP)
            && !p.is(CUE_WORD)
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.sentence == t.sentence && !n.is(CAP))
    }
}

/// Splits `text` into paragraphs, sentences and tokens. Paragraphs whose
/// span is in `skip` (sorted by start, as `clean` gives them) are marked as
/// boilerplate.
pub fn segment<'t>(text: &'t str, skip: &[Span], lexicon: &Lexicon) -> Document<'t> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut line_start = 0;
    // The first skip zone that may still hold a paragraph: one pass over
    // both sorted lists, however many zones there are.
    let mut zone = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_end <= trimmed_start {
            continue;
        }
        let span = Span::new(trimmed_start, trimmed_end);
        let first = tokens.len();
        tokenize(text, span, &mut tokens);
        // Whether the token before is a capitalised name word.
        let mut after_name_word = false;
        for t in &mut tokens[first..] {
            let w = t.span.slice(text);
            t.classes = lexicon.classes(w);
            let cap_word = t.is(CAP) && t.is(WORD);
            if cap_word {
                // A name ender ("Watch: …", "One of them") is no name,
                // unless it ends one: "Human Rights Watch", "Capital One".
                if lexicon.is_stopword(w) && !(after_name_word && t.classes.has(Glue::NameEnders)) {
                    t.flags |= STOPWORD;
                }
                if t.classes.is_cue_word() {
                    t.flags |= CUE_WORD;
                }
            }
            after_name_word = cap_word && !t.is(STOPWORD);
        }
        let para = paragraphs.len();
        while zone < skip.len() && skip[zone].end < span.end {
            zone += 1;
        }
        paragraphs.push(Paragraph {
            span,
            tokens: first..tokens.len(),
            skip: skip[zone..]
                .iter()
                .take_while(|s| s.start <= span.start)
                .any(|s| s.contains(span)),
        });
        split_sentences(text, first, para, &mut tokens, &mut sentences, lexicon);
    }
    Document {
        text,
        tokens,
        paragraphs,
        sentences,
    }
}

#[inline]
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑' | '.' | '&' | '/')
}

/// The character starting at byte `i` of `s` (a char boundary), if any.
///
/// The tokenizer walks the line by byte offset rather than with
/// `char_indices().peekable()`: news text is nearly all ASCII, and an ASCII
/// byte is its own character, so only the rare other bytes are decoded.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// Character classes of the tokenizer, as bits.
const K_ALNUM: u8 = 1;
const K_UPPER: u8 = 2;
const K_ALPHA: u8 = 4;
const K_SPACE: u8 = 8;

/// The classes of every byte that is an ASCII character (0 for the others,
/// which [`classes`] decodes): one table load in the tokenizer's loops
/// instead of a chain of range tests per character (callgrind: the word
/// loop went from about 28 to about 13 instructions a byte).
static ASCII_CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut k = 0;
        if c.is_ascii_alphanumeric() {
            k |= K_ALNUM;
        }
        if c.is_ascii_uppercase() {
            k |= K_UPPER;
        }
        if c.is_ascii_alphabetic() {
            k |= K_ALPHA;
        }
        // `char::is_whitespace` of the ASCII characters.
        if matches!(c, b' ' | b'\t'..=b'\r') {
            k |= K_SPACE;
        }
        table[b] = k;
        b += 1;
    }
    table
};

/// The tokenizer's classes of `c`: `char::is_alphanumeric`,
/// `is_uppercase`, `is_alphabetic` and `is_whitespace` as bits.
#[inline]
fn classes(c: char) -> u8 {
    if c.is_ascii() {
        ASCII_CLASSES[c as usize]
    } else {
        ((c.is_alphanumeric() as u8) * K_ALNUM)
            | ((c.is_uppercase() as u8) * K_UPPER)
            | ((c.is_alphabetic() as u8) * K_ALPHA)
            | ((c.is_whitespace() as u8) * K_SPACE)
    }
}

/// Whether `word`, opening with `first`, has at least two letters and
/// all of them upper case ("NATO", "3MG"). Counted only when `first` is
/// no lower-case letter, which settles most words without a scan.
fn all_caps(first: char, word: &str) -> bool {
    let k = classes(first);
    if k & K_ALPHA != 0 && k & K_UPPER == 0 {
        return false;
    }
    let (mut upper, mut letters) = (0, 0);
    for c in word.chars() {
        let k = classes(c);
        upper += usize::from(k & K_UPPER != 0);
        letters += usize::from(k & K_ALPHA != 0);
    }
    letters >= 2 && upper == letters
}

fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let line = span.slice(text);
    let base = span.start;
    let mut next = 0;
    let mut prev_space = true;
    while let Some(c) = char_at(line, next) {
        let i = next;
        next += c.len_utf8();
        let k = classes(c);
        if k & K_SPACE != 0 {
            prev_space = true;
            continue;
        }
        let space_before = if prev_space { SPACE_BEFORE } else { 0 };
        prev_space = false;
        if k & K_ALNUM != 0 {
            let mut end = i + c.len_utf8();
            let bytes = line.as_bytes();
            loop {
                // ASCII letters and digits, the bulk of every word: no
                // decoding, one table load a byte (perf: this loop is the
                // hottest part of `segment`).
                while bytes
                    .get(end)
                    .is_some_and(|&b| ASCII_CLASSES[usize::from(b)] & K_ALNUM != 0)
                {
                    end += 1;
                }
                match char_at(line, end) {
                    Some(d) if classes(d) & K_ALNUM != 0 => end += d.len_utf8(),
                    Some(d) if is_inner_joiner(d) => {
                        let after = end + d.len_utf8();
                        match char_at(line, after) {
                            Some(e) if e.is_alphanumeric() => end = after,
                            _ => break,
                        }
                    }
                    _ => break,
                }
            }
            next = end;
            let word = &line[i..end];
            // Split a possessive ending into its own token.
            let poss = word
                .ends_with(['s', 'S'])
                .then(|| {
                    ["’s", "'s", "’S", "'S"]
                        .iter()
                        .find(|p| word.len() > p.len() && word.ends_with(*p))
                        .map(|p| p.len())
                })
                .flatten();
            let mut flags = WORD | space_before;
            if c.is_uppercase() {
                flags |= CAP;
            }
            if let Some(plen) = poss {
                let stem_end = end - plen;
                let stem = &line[i..stem_end];
                if all_caps(c, stem) {
                    flags |= ALLCAPS;
                }
                out.push(Token {
                    span: Span::new(base + i, base + stem_end),
                    flags,
                    sentence: 0,
                    classes: WordClasses::default(),
                });
                out.push(Token {
                    span: Span::new(base + stem_end, base + end),
                    flags: WORD | POSSESSIVE,
                    sentence: 0,
                    classes: WordClasses::default(),
                });
            } else {
                if all_caps(c, word) {
                    flags |= ALLCAPS;
                }
                out.push(Token {
                    span: Span::new(base + i, base + end),
                    flags,
                    sentence: 0,
                    classes: WordClasses::default(),
                });
            }
            continue;
        }
        // Doubled apostrophes or backticks are one double quote mark.
        let mut end = i + c.len_utf8();
        let mut flags = space_before;
        if (c == '\'' || c == '`' || c == '‘' || c == '’') && line[end..].starts_with(c) {
            end += c.len_utf8();
            next = end;
            flags |= DOUBLE_MARK;
        } else if matches!(c, '"' | '“' | '”' | '„' | '«' | '»') {
            flags |= DOUBLE_MARK;
        }
        out.push(Token {
            span: Span::new(base + i, base + end),
            flags,
            sentence: 0,
            classes: WordClasses::default(),
        });
    }
    // Mark tokens followed by white space (or the line end).
    let n = out.len();
    let first = n - out
        .iter()
        .rev()
        .take_while(|t| t.span.start >= span.start)
        .count();
    for tok in &mut out[first..n] {
        let end = tok.span.end;
        let next_space = end >= span.end || char_at(text, end).is_some_and(|c| c.is_whitespace());
        if next_space {
            tok.flags |= SPACE_AFTER;
        }
    }
}

/// Whether `word` (followed by a period) should not end a sentence before
/// a token that starts like a sentence.
fn sticky_period(word: &str, lexicon: &Lexicon) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    // An initial: "C." in "C. Q. Bram".
    if first.is_some_and(|c| c.is_uppercase()) && chars.next().is_none() {
        return true;
    }
    lexicon.is_abbreviation(word) || word.contains('.')
}

fn split_sentences(
    text: &str,
    first: usize,
    para: usize,
    tokens: &mut [Token],
    sentences: &mut Vec<Sentence>,
    lexicon: &Lexicon,
) {
    let n = tokens.len();
    let mut start = first;
    let mut i = first;
    while i < n {
        let t = tokens[i];
        let s = t.span.slice(text);
        let is_end = !t.is(WORD) && matches!(s, "." | "!" | "?" | "…");
        if !is_end {
            i += 1;
            continue;
        }
        // Glue closing quote marks and brackets to the end mark.
        let mut last = i;
        while last + 1 < n
            && !tokens[last + 1].is(SPACE_BEFORE)
            && matches!(
                tokens[last + 1].span.slice(text),
                "”" | "\"" | "’" | "'" | "''" | ")" | "]" | "»" | "’’"
            )
        {
            last += 1;
        }
        let boundary = if last + 1 >= n {
            true
        } else {
            let next = tokens[last + 1];
            let next_text = next.span.slice(text);
            let starts_like_sentence = next.is(SPACE_BEFORE)
                && (next.is(CAP)
                    || next.is(DOUBLE_MARK)
                    || matches!(next_text, "‘" | "(" | "—" | "–")
                    || next_text.starts_with(|c: char| c.is_ascii_digit()));
            if !starts_like_sentence {
                false
            } else if s == "." && i > first && tokens[i - 1].is(WORD) && !tokens[i].is(SPACE_BEFORE)
            {
                let word = tokens[i - 1].span.slice(text);
                if sticky_period(word, lexicon) {
                    // After an abbreviation, only a clear opener ends the sentence.
                    lexicon.is_stopword(next_text)
                        && !lexicon.is(Glue::Calendar, next_text)
                        && !is_initial(word)
                } else {
                    true
                }
            } else {
                true
            }
        };
        if boundary {
            push_sentence(tokens, sentences, start, last + 1, para);
            start = last + 1;
        }
        i = last + 1;
    }
    if start < n {
        push_sentence(tokens, sentences, start, n, para);
    }
}

fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    c.next().is_some_and(|c| c.is_uppercase()) && c.next().is_none()
}

fn push_sentence(
    tokens: &mut [Token],
    sentences: &mut Vec<Sentence>,
    a: usize,
    b: usize,
    para: usize,
) {
    let idx = sentences.len() as u32;
    for t in &mut tokens[a..b] {
        t.sentence = idx;
    }
    sentences.push(Sentence {
        span: Span::new(tokens[a].span.start, tokens[b - 1].span.end),
        tokens: a..b,
        paragraph: para,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document<'_> {
        segment(text, &[], &Lexicon::english())
    }

    fn sentences(text: &str) -> Vec<&str> {
        let d = doc(text);
        d.sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn paragraphs_are_lines() {
        let d = doc("One.\n\n  Two here. \nThree");
        let p: Vec<_> = d.paragraphs.iter().map(|p| p.span.slice(d.text)).collect();
        assert_eq!(p, ["One.", "Two here.", "Three"]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Gen. C. Q. Bram spoke on Sept. 11 in the U.S. Senate. He left."),
            [
                "Gen. C. Q. Bram spoke on Sept. 11 in the U.S. Senate.",
                "He left."
            ]
        );
        assert_eq!(
            sentences("It moved to the U.S. The talks ended at 3 p.m. Tuesday."),
            ["It moved to the U.S.", "The talks ended at 3 p.m. Tuesday."]
        );
        assert_eq!(
            sentences("Sen. Jon Roe (D-N.Y.) and Dr. Ana Lee met."),
            ["Sen. Jon Roe (D-N.Y.) and Dr. Ana Lee met."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("She said: “It is over.” Then she left. “Why?” he asked."),
            [
                "She said: “It is over.”",
                "Then she left.",
                "“Why?” he asked."
            ]
        );
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_split_possessives() {
        let d = doc("Estonia’s well-founded don't O’Brien’s ’90s workers' ''Yes''");
        let toks: Vec<_> = (0..d.tokens.len()).map(|i| d.tok(i)).collect();
        assert_eq!(
            toks,
            [
                "Estonia",
                "’s",
                "well-founded",
                "don't",
                "O’Brien",
                "’s",
                "’",
                "90s",
                "workers",
                "'",
                "''",
                "Yes",
                "''"
            ]
        );
        assert!(d.tokens[1].is(POSSESSIVE));
        assert!(d.tokens[10].is(DOUBLE_MARK));
        assert!(d.tokens[0].is(CAP) && !d.tokens[0].is(ALLCAPS));
    }

    #[test]
    fn token_spans_slice_the_original_text() {
        let text = "“Ça va,” dit-elle — 100 % d’accord.\n\nNATO’s ‘plan’…";
        let d = doc(text);
        for t in &d.tokens {
            assert!(!t.text(text).trim().is_empty());
            assert_eq!(t.text(text), &text[t.span.start..t.span.end]);
        }
        assert!(d
            .tokens
            .iter()
            .any(|t| t.text(text) == "NATO" && t.is(ALLCAPS)));
    }

    #[test]
    fn name_enders_stop_names_unless_they_end_one() {
        // The STOPWORD flag of each `word` token of `text`, in order.
        let stop = |text: &str, word: &str| {
            let d = doc(text);
            d.tokens
                .iter()
                .filter(|t| t.text(text) == word)
                .map(|t| t.is(STOPWORD))
                .collect::<Vec<_>>()
        };
        let text = "Watch: Ana Vold on the vote.\nVideo of the raid. Human Rights Watch said so.\nThe Tallow Live, Watch Ana.";
        // Opening a line, or a sentence, or after a comma: a label.
        assert_eq!(stop(text, "Video"), [true]);
        // After a capitalised name word: the last word of the name.
        assert_eq!(stop(text, "Watch"), [true, false, true]);
        assert_eq!(stop(text, "Live"), [false]);
        let text = "One of the men said so. Tallow Capital One said no.";
        assert_eq!(stop(text, "One"), [true, false]);
    }

    #[test]
    fn character_classes_are_those_of_char() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let k = classes(c);
            assert_eq!(k & K_ALNUM != 0, c.is_alphanumeric(), "{c:?}");
            assert_eq!(k & K_UPPER != 0, c.is_uppercase(), "{c:?}");
            assert_eq!(k & K_ALPHA != 0, c.is_alphabetic(), "{c:?}");
            assert_eq!(k & K_SPACE != 0, c.is_whitespace(), "{c:?}");
        }
        // The word loop reads the table for any byte: continuation and
        // lead bytes of other characters must be no class.
        assert!(ASCII_CLASSES[128..].iter().all(|&k| k == 0));
    }

    #[test]
    fn skip_zones_mark_paragraphs() {
        let text = "Real text.\nAdvertisement\nMore.";
        let d = segment(text, &[Span::new(11, 24)], &Lexicon::english());
        assert_eq!(
            d.paragraphs.iter().map(|p| p.skip).collect::<Vec<_>>(),
            [false, true, false]
        );
    }
}
