//! Stage 3b: find reporting cues ("said", "told", "according to").
//!
//! An anchored Aho-Corasick search at each token start finds every form
//! listed in the lexicon's `cues.txt` (case-insensitive, leftmost-longest,
//! not overlapping the previous match). A match counts
//! when it covers whole tokens outside quotes and boilerplate, and is not a
//! noun ("the claims"), a passive or adverbial past form ("was told", "when
//! asked"), or an idiom ("that said,", "having said that", "needless to
//! say").

use super::segment::{Document, IN_QUOTE, POSSESSIVE};
use crate::lexicon::{CueForm, Glue, Lexicon};
use crate::text::Span;
use aho_corasick::{Anchored, Input};

/// One reporting cue in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Byte span of the cue words.
    pub span: Span,
    /// Pattern id of its form ([`Lexicon::cue_form`]).
    pub form: usize,
    /// First token of the cue.
    pub first: usize,
    /// Last token of the cue (inclusive).
    pub last: usize,
}

impl Cue {
    /// The cue's lexicon entry.
    pub fn info<'l>(&self, lexicon: &'l Lexicon) -> &'l CueForm {
        lexicon.cue_form(self.form)
    }
}

/// Finds the reporting cues of a segmented article, in text order.
pub fn find_cues(doc: &Document<'_>, lexicon: &Lexicon) -> Vec<Cue> {
    let mut cues = Vec::new();
    let matcher = lexicon.cue_matcher();
    // A cue starts at a token: searching from token starts only, rather
    // than running the automaton over every byte of the text, costs a few
    // transitions a token (callgrind: 6 % of `extract` before). Matches do
    // not overlap, as in one leftmost-longest pass.
    let mut resume = 0;
    for (first, t) in doc.tokens.iter().enumerate() {
        // Every form opens with a word of letters, which the segmenter
        // marks; a longer token ("said-so") could only hold a match
        // ending inside it, which never counts.
        if t.span.start < resume || !t.classes.may_start_cue() {
            continue;
        }
        let input = Input::new(doc.text)
            .span(t.span.start..doc.text.len())
            .anchored(Anchored::Yes);
        let Some(m) = matcher.find(input) else {
            continue;
        };
        resume = m.end();
        // The match must end exactly at a token end.
        let mut last = first;
        while last + 1 < doc.tokens.len() && doc.tokens[last].span.end < m.end() {
            last += 1;
        }
        if doc.tokens[last].span.end != m.end() {
            continue;
        }
        let tok = doc.tokens[first];
        if tok.is(IN_QUOTE) || doc.tokens[last].is(IN_QUOTE) {
            continue;
        }
        let para = doc.sentences[tok.sentence as usize].paragraph;
        if doc.paragraphs[para].skip {
            continue;
        }
        let form = lexicon.cue_form(m.pattern().as_usize());
        if !counts_as_cue(doc, lexicon, form, first, last) {
            continue;
        }
        cues.push(Cue {
            span: Span::new(m.start(), m.end()),
            form: m.pattern().as_usize(),
            first,
            last,
        });
    }
    cues
}

fn counts_as_cue(
    doc: &Document<'_>,
    lex: &Lexicon,
    form: &CueForm,
    first: usize,
    last: usize,
) -> bool {
    let sent = &doc.sentences[doc.tokens[first].sentence as usize];
    let prev = (first > sent.tokens.start).then(|| doc.tok(first - 1));
    let next = (last + 1 < sent.tokens.end).then(|| doc.tok(last + 1));
    let prev2 = (first > sent.tokens.start + 1).then(|| doc.tok(first - 2));
    if let Some(p) = prev {
        // "Editor's note", "Clarke's proposed amendment": a cue form after
        // a possessive is a noun or an adjective ("he's said" is no
        // possessive: "has said").
        if first > 0
            && doc.tokens[first - 1].is(POSSESSIVE)
            && prev2.is_some_and(|w| lex.pronoun(w).is_none() && !lex.is(Glue::Relative, w))
            && !prev2.is_some_and(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "that" | "there" | "here" | "what"
                )
            })
        {
            return false;
        }
        // "the claims", "a warning", "his remarks".
        if lex.is(Glue::Determiners, p) && !form.form.contains(' ') {
            return false;
        }
        // "a 1981 claim": a number after a determiner makes it a noun.
        if p.starts_with(|c: char| c.is_ascii_digit())
            && prev2.is_some_and(|w| lex.is(Glue::Determiners, w))
        {
            return false;
        }
        // "was told", "when asked", "as noted" — unless a passive verb
        // that takes a complement has one: "was urged to resign", "was
        // praised by the police for …".
        if form.past && lex.is(Glue::Passive, p) && !form.form.starts_with("was ") && !form.question
        {
            let be = matches!(
                p.to_ascii_lowercase().as_str(),
                "was" | "were" | "is" | "are" | "be" | "been" | "being"
            );
            let complement =
                next.is_some_and(|w| w.eq_ignore_ascii_case("by") || form.after_object.contains(w));
            if !(be && complement) {
                return false;
            }
        }
        // "pleaded guilty to threatening …": a gerund after "to" is the
        // object of another verb, not a participle clause.
        if form.participle && p.eq_ignore_ascii_case("to") && !form.form.contains(' ') {
            return false;
        }
        // "having said that", "needless to say", "that is to say".
        if p.eq_ignore_ascii_case("having") || p.eq_ignore_ascii_case("needless") {
            return false;
        }
        if p.eq_ignore_ascii_case("to")
            && prev2
                .is_some_and(|w| w.eq_ignore_ascii_case("is") || w.eq_ignore_ascii_case("needless"))
        {
            return false;
        }
        // "That said, ..." opening a sentence.
        if p.eq_ignore_ascii_case("that") && first == sent.tokens.start + 1 && next == Some(",") {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::quotes::find_quotes;
    use crate::pipeline::segment::segment;

    fn cues(text: &str) -> Vec<&str> {
        let lex = Lexicon::english();
        let mut d = segment(text, &[], &lex);
        find_quotes(&mut d);
        find_cues(&d, &lex)
            .iter()
            .map(|c| c.span.slice(text))
            .collect()
    }

    #[test]
    fn finds_verbs_in_every_form_and_phrases() {
        assert_eq!(
            cues("Roe said so. She says it, saying more. According to Roe, it failed. Lee told me. Kim expressed concern that it fails."),
            ["said", "says", "saying", "According to", "told", "expressed concern"]
        );
    }

    #[test]
    fn cues_start_and_end_at_token_edges() {
        // Inside a longer word, or cut off by one, is no cue; any case is.
        assert!(cues("The unsaid part stayed. It was a said-so affair.").is_empty());
        assert_eq!(
            cues("SAID Roe. ACCORDING TO Vold, it held."),
            ["SAID", "ACCORDING TO"]
        );
        // The longest form wins, and the next search starts after it.
        assert_eq!(cues("Roe told reporters it held."), ["told"]);
    }

    #[test]
    fn ignores_cues_inside_quotes_and_nouns_and_passives() {
        assert_eq!(cues("“They said no,” Roe said."), ["said"]);
        assert!(cues("The claims were false. He was told so. As noted, no.").is_empty());
        // A passive question cue stays: it reports the question.
        assert_eq!(cues("When asked, he smiled."), ["asked"]);
        assert!(cues(
            "That said, the plan stands. Having said that, we left. Needless to say, no."
        )
        .is_empty());
    }

    #[test]
    fn a_gerund_after_to_is_no_cue() {
        assert!(cues("He pleaded guilty to threatening a clerk.").is_empty());
        assert_eq!(cues("He left, threatening a strike."), ["threatening"]);
    }

    #[test]
    fn a_passive_with_a_complement_is_a_cue() {
        assert_eq!(cues("He was urged to resign. He was told so."), ["urged"]);
        assert_eq!(cues("She was praised by the mayor for it."), ["praised"]);
    }

    #[test]
    fn a_cue_form_after_a_possessive_is_a_noun() {
        assert!(cues("Editor's note: the mayor's proposed levy failed.").is_empty());
        assert_eq!(cues("He's said it twice."), ["said"]);
    }

    #[test]
    fn ignores_partial_words() {
        assert!(cues("The sayings and the addition and retold tales.").is_empty());
    }
}
