//! Stage 1: find scraping boilerplate without touching the text.
//!
//! Scraped articles carry lines that are not part of the story:
//! "Advertisement", related-article teasers and promos ("READ MORE: …",
//! "WATCH: …"), photo captions and credits, correction notes, share and
//! newsletter prompts. Each rule of `data/<lang>/boilerplate.txt` matches
//! whole lines. Subheads, list items and credit lines are found by their
//! shape: a short line after the headline with no sentence end and no quote
//! mark. Matching lines become skip zones (byte spans of the original
//! text) that later stages take no statement from. Offsets never move.

use crate::lexicon::{BoilerplateMatch, Lexicon};
use crate::text::Span;

/// A line after the first of at most this many words, with no sentence
/// end and no quote mark, is a subhead, a caption or a list item, not
/// prose. No gold statement of PolNeAR train (22,851) or news dev (605)
/// sits in such a line (`scripts/analysis/subheads.py`).
const MAX_SUBHEAD_WORDS: usize = 12;

/// Returns the byte spans of the boilerplate lines of `text`, in order.
pub fn boilerplate(text: &str, lexicon: &Lexicon) -> Vec<Span> {
    let mut zones = Vec::new();
    let mut skip_next_nonempty = false;
    let mut first_line = true;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let span = Span::new(start + lead, start + lead + line.len());
        let first = std::mem::replace(&mut first_line, false);
        let rule = line_rule(line, lexicon);
        if skip_next_nonempty {
            // The teaser under a related-articles heading, unless it is
            // itself another heading (handled below either way).
            skip_next_nonempty = false;
            zones.push(span);
            if let Some((BoilerplateMatch::Heading, len)) = rule {
                skip_next_nonempty = heads_teaser(line, len);
            }
            continue;
        }
        match rule {
            Some((BoilerplateMatch::Heading, len)) => {
                zones.push(span);
                skip_next_nonempty = heads_teaser(line, len);
            }
            Some(_) => zones.push(span),
            None if !first && is_subhead(line) => zones.push(span),
            None => {}
        }
    }
    zones
}

/// Whether a heading line whose rule pattern is `len` bytes long heads a
/// teaser on the next line: "READ MORE:" alone does, "READ MORE: Some
/// headline" is the teaser itself (the next line is the story again); a
/// heading without a colon ("Latest on the floods") always does.
fn heads_teaser(line: &str, len: usize) -> bool {
    !line[..len].ends_with(':') || line[len..].trim().is_empty()
}

/// Whether a trimmed line has the shape of a subhead, a caption, a credit
/// or a list item: at most [`MAX_SUBHEAD_WORDS`] words, no sentence end
/// and no quote mark (a quoted line may be a statement: `“We will win”`).
fn is_subhead(line: &str) -> bool {
    // Most lines are prose ending a sentence: decided before the scans of
    // the whole line below.
    if line.ends_with(['.', '!', '?', ':', ';', '…', ',']) {
        return false;
    }
    let quoted = line.contains(['"', '“', '”', '‘', '«', '»'])
        || line.starts_with('\'')
        || line.contains(" '")
        || line.contains("' ");
    !quoted && line.split_whitespace().nth(MAX_SUBHEAD_WORDS).is_none()
}

/// The first rule that matches a trimmed line, with the length of its
/// pattern.
fn line_rule(line: &str, lexicon: &Lexicon) -> Option<(BoilerplateMatch, usize)> {
    let bytes = line.as_bytes();
    let first = bytes.first().copied().unwrap_or_default();
    for rule in lexicon.line_rules(first) {
        let pat = rule.text.as_bytes();
        let hit = match rule.how {
            BoilerplateMatch::Exact => bytes.eq_ignore_ascii_case(pat),
            BoilerplateMatch::Prefix | BoilerplateMatch::Heading => {
                bytes.len() >= pat.len() && bytes[..pat.len()].eq_ignore_ascii_case(pat)
            }
            BoilerplateMatch::Contains => continue,
        };
        if hit {
            return Some((rule.how, pat.len()));
        }
    }
    // Long lines are prose that may mention a newsletter or a handle.
    if line.len() < 200 && lexicon.boilerplate_contains(line) {
        return Some((BoilerplateMatch::Contains, 0));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones(text: &str) -> Vec<&str> {
        boilerplate(text, &Lexicon::english())
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn finds_single_junk_lines() {
        let text = "Roe said it.\n\nAdvertisement\n\nTo suggest a correction, write to us\n  Spotted a typo? Select it and press Ctrl + Enter  \nEnd.";
        assert_eq!(
            zones(text),
            [
                "Advertisement",
                "To suggest a correction, write to us",
                "Spotted a typo? Select it and press Ctrl + Enter"
            ]
        );
    }

    #[test]
    fn a_heading_takes_the_teaser_below_it() {
        let text = "Story.\n\nLatest on the Floods\nOther Topics of Interest\n\nLatest on the Floods\n\nThe river still rises, officials say.\n\nRoe said more.";
        assert_eq!(
            zones(text),
            [
                "Latest on the Floods",
                "Other Topics of Interest",
                "Latest on the Floods",
                "The river still rises, officials say."
            ]
        );
    }

    #[test]
    fn a_promo_with_its_headline_does_not_take_the_next_paragraph() {
        let text = "Story.\n\nREAD MORE: Floods close the valley road\n\nThe river still rises, officials say.\n\nWATCH:\n\nDrone footage of the dam\n\nRoe said more.";
        assert_eq!(
            zones(text),
            [
                "READ MORE: Floods close the valley road",
                "WATCH:",
                "Drone footage of the dam"
            ]
        );
    }

    #[test]
    fn subheads_captions_and_credits_are_skipped() {
        let text = "Mill to close, Roe says\n\nThe mill will close, Roe said.\n\nWhat comes next\n\n(Photo: Jon Poe/Valley Herald)\n\n“We will fight on”\n\nShe added that the union would sue.";
        assert_eq!(
            zones(text),
            ["What comes next", "(Photo: Jon Poe/Valley Herald)"]
        );
    }

    #[test]
    fn prose_is_never_junk() {
        let text =
            "The mayor said the advertisement was misleading.\n\nShe subscribes to no theory.";
        assert!(zones(text).is_empty());
    }
}
