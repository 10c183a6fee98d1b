//! One linear pass over the markup before it is parsed.
//!
//! * Nesting: the HTML parser's tree building is quadratic in the nesting
//!   depth (each start tag looks through the stack of open elements), so a
//!   page of 100,000 nested `<div>`s would take seconds. The scan estimates
//!   the depth from the tags alone, so that such a page is refused before
//!   it is parsed. It reads tags as the parser does: `<span/>` opens a
//!   span (only SVG and MathML honour `/>`), and ruby parts and options
//!   close each other only inside `<ruby>` and `<select>`.
//! * Dead weight: scripts, styles and comments are most of a news page's
//!   bytes (59 % over the evaluation pages) and never article text. The
//!   scan copies the page without their contents, so the parser does not
//!   tokenize them. JSON-LD scripts, which hold the page's metadata, stay.

use super::tokens::{self, find, find_end_tag, has_implied_end, is_void};
use std::borrow::Cow;

/// Whether the parser reads `name` (lower case) as raw text. Unlike
/// [`super::tokens`], it parses `<noscript>` and `<template>` as markup.
fn is_raw_text(name: &str) -> bool {
    tokens::is_raw_text(name) && !matches!(name, "noscript" | "template")
}

/// Raw-text elements whose content is dropped (unless JSON-LD).
const DEAD: &[&str] = &["script", "style"];

/// What the scan found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prescan<'a> {
    /// The deepest nesting of elements, estimated from the tags: start tags
    /// of elements that hold children and need their end tag, minus end
    /// tags.
    pub depth: usize,
    /// The page without comments and without the contents of scripts
    /// (JSON-LD excepted) and styles; borrowed when there were none.
    pub markup: Cow<'a, str>,
}

/// Scans `html` once: its nesting depth and its markup without dead
/// weight. Linear in the length of `html`.
pub fn scan(html: &str) -> Prescan<'_> {
    let bytes = html.as_bytes();
    let mut at = 0;
    let (mut depth, mut deepest) = (0usize, 0usize);
    // Open `<svg>` and `<math>`, `<ruby>`, and `<select>` elements.
    let (mut foreign, mut ruby, mut select) = (0usize, 0usize, 0usize);
    // Kept text: `html[copied..]` is pending; `out` holds what came before.
    let mut out: Option<String> = None;
    let mut copied = 0;
    let skip = |out: &mut Option<String>, copied: &mut usize, from: usize, to: usize| {
        let out = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
        out.push_str(&html[*copied..from]);
        *copied = to;
    };
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            skip(&mut out, &mut copied, start, at);
            continue;
        }
        let (closing, name_at) = match rest.first() {
            Some(b'/') => (true, start + 2),
            Some(c) if c.is_ascii_alphabetic() => (false, start + 1),
            _ => {
                at = start + 1;
                continue;
            }
        };
        let name_end = bytes[name_at..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b':'))
            .map_or(bytes.len(), |n| name_at + n);
        let mut buf = [0u8; 16];
        let name = tokens::lower(&html[name_at..name_end], &mut buf);
        let tag_end =
            memchr::memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |n| name_end + n);
        at = (tag_end + 1).min(bytes.len());
        // Elements with an implied end close each other only in their
        // parent: ruby parts inside `<ruby>`, options inside `<select>` (or
        // `<datalist>`). Elsewhere they nest like any element.
        let loose = (matches!(name, "rb" | "rt" | "rtc" | "rp") && ruby == 0)
            || (matches!(name, "option" | "optgroup") && select == 0);
        if loose {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
            continue;
        }
        let opens = |count: usize| {
            if closing {
                count.saturating_sub(1)
            } else {
                count + 1
            }
        };
        match name {
            "ruby" => ruby = opens(ruby),
            "select" | "datalist" => select = opens(select),
            _ => {}
        }
        if name.is_empty() || is_void(name) || has_implied_end(name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            if matches!(name, "svg" | "math") {
                foreign = foreign.saturating_sub(1);
            }
            continue;
        }
        // The parser honours `/>` only in SVG and MathML: an HTML
        // `<span/>` opens a span like `<span>`.
        if foreign > 0 && tag_end > name_end && bytes[tag_end - 1] == b'/' {
            continue;
        }
        if matches!(name, "svg" | "math") {
            foreign += 1;
        }
        if is_raw_text(name) {
            // The end tag closes what this start tag opened: skip past it,
            // dropping the content of dead elements.
            let end_tag = find_end_tag(bytes, at, name);
            let content_end = end_tag.unwrap_or(bytes.len());
            let attributes = &html[name_end..tag_end];
            if DEAD.contains(&name) && !attributes.contains("ld+json") && content_end > at {
                skip(&mut out, &mut copied, at, content_end);
            }
            at = end_tag
                .and_then(|end| memchr::memchr(b'>', &bytes[end..]).map(|n| end + n + 1))
                .unwrap_or(bytes.len());
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    let markup = match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(&html[copied.min(html.len())..]);
            Cow::Owned(out)
        }
    };
    Prescan {
        depth: deepest,
        markup,
    }
}

#[cfg(test)]
mod tests {
    use super::scan;

    fn nesting(html: &str) -> usize {
        scan(html).depth
    }

    #[test]
    fn counts_elements_that_need_their_end_tag() {
        assert_eq!(nesting("<html><body><div><p>a<p>b</div></body></html>"), 3);
        assert_eq!(nesting("<div><br><img src=x><hr/></div>"), 1);
        // `/>` closes only in SVG and MathML.
        assert_eq!(nesting("<div><span/><span/></div>"), 3);
        assert_eq!(nesting("<svg><path/><path/><g/></svg><p/>"), 1);
        assert_eq!(nesting(&"<span/>".repeat(600)), 600);
        // Ruby parts nest outside `<ruby>`, and close each other inside.
        assert_eq!(nesting(&"<rt>x".repeat(600)), 600);
        assert_eq!(
            nesting(&format!("<ruby>{}</ruby>", "a<rt>x".repeat(600))),
            1
        );
        assert_eq!(nesting(&"<optgroup>x".repeat(600)), 600);
        assert_eq!(
            nesting(&format!(
                "<select>{}</select>",
                "<optgroup><option>x".repeat(600)
            )),
            1
        );
        assert_eq!(nesting(&"<div>".repeat(600)), 600);
        assert_eq!(nesting(&"<div></div>".repeat(600)), 1);
        assert_eq!(nesting(&"<b>".repeat(1000)), 1000);
    }

    #[test]
    fn skips_comments_raw_text_and_stray_brackets() {
        let page = "<div><!-- <div><div> --><script>if (a <div) { '<div>' }</script>\
                    <style>p{}</style><p>1 < 2 and <3</p></div>";
        assert_eq!(nesting(page), 1);
        assert_eq!(nesting("<SCRIPT>x</Script><div>"), 1);
        assert_eq!(nesting("<div><script>a</script><script>b</script><div>"), 2);
        assert_eq!(nesting("<script>never closed <div><div>"), 0);
        assert_eq!(nesting("<!-- never closed <div>"), 0);
        assert_eq!(nesting("</div></div><div>"), 1);
        assert_eq!(nesting("<"), 0);
        assert_eq!(nesting("<div"), 1);
        assert_eq!(nesting("é<dïv>ü"), 1);
    }

    #[test]
    fn drops_script_style_and_comment_bodies_but_keeps_json_ld_and_titles() {
        let page = "<head><title>A <b> title</title><script>var x = '<p>';</script>\
                    <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>\
                    <STYLE media=x>p { color: red }</STYLE></head>\
                    <body><!-- a comment --><p>Text é</p><script src=a.js></script></body>";
        assert_eq!(
            scan(page).markup,
            "<head><title>A <b> title</title><script></script>\
             <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>\
             <STYLE media=x></STYLE></head><body><p>Text é</p><script src=a.js></script></body>"
        );
        assert!(matches!(
            scan("<p>plain</p>").markup,
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            scan("<p>a</p><script>unclosed <p>b").markup,
            "<p>a</p><script>"
        );
        assert_eq!(scan("<p>a</p><!-- unclosed").markup, "<p>a</p>");
    }
}
