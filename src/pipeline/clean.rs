//! Stage 1: find scraping boilerplate without touching the text.
//!
//! Scraped articles carry lines that are not part of the story:
//! "Advertisement", related-article teasers, correction notes, share and
//! newsletter prompts. Each rule of `data/<lang>/boilerplate.txt` matches
//! whole lines; matching lines become skip zones (byte spans of the original
//! text) that later stages take no statement from. Offsets never move.

use crate::lexicon::{BoilerplateMatch, Lexicon};
use crate::text::Span;

/// Returns the byte spans of the boilerplate lines of `text`, in order.
pub fn boilerplate(text: &str, lexicon: &Lexicon) -> Vec<Span> {
    let mut zones = Vec::new();
    let mut skip_next_nonempty = false;
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
        if skip_next_nonempty {
            // The teaser under a related-articles heading, unless it is
            // itself another heading (handled below either way).
            skip_next_nonempty = false;
            zones.push(span);
            if line_rule(line, lexicon) == Some(BoilerplateMatch::Heading) {
                skip_next_nonempty = true;
            }
            continue;
        }
        match line_rule(line, lexicon) {
            Some(BoilerplateMatch::Heading) => {
                zones.push(span);
                skip_next_nonempty = true;
            }
            Some(_) => zones.push(span),
            None => {}
        }
    }
    zones
}

/// The first rule that matches a trimmed line.
fn line_rule(line: &str, lexicon: &Lexicon) -> Option<BoilerplateMatch> {
    let bytes = line.as_bytes();
    for rule in lexicon.boilerplate() {
        let pat = rule.text.as_bytes();
        let hit = match rule.how {
            BoilerplateMatch::Exact => bytes.eq_ignore_ascii_case(pat),
            BoilerplateMatch::Prefix | BoilerplateMatch::Heading => {
                bytes.len() >= pat.len() && bytes[..pat.len()].eq_ignore_ascii_case(pat)
            }
            BoilerplateMatch::Contains => continue,
        };
        if hit {
            return Some(rule.how);
        }
    }
    // Long lines are prose that may mention a newsletter or a handle.
    if line.len() < 200 && lexicon.boilerplate_contains(line) {
        return Some(BoilerplateMatch::Contains);
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
    fn prose_is_never_junk() {
        let text =
            "The mayor said the advertisement was misleading.\n\nShe subscribes to no theory.";
        assert!(zones(text).is_empty());
    }
}
