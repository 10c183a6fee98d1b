//! A linear pre-scan of the markup for hostile nesting.
//!
//! The HTML parser's tree building is quadratic in the nesting depth (each
//! start tag looks through the stack of open elements), so a page of
//! 100,000 nested `<div>`s would take seconds before the parser ends. This
//! scan estimates the depth from the tags alone, without building a tree,
//! so that such a page is refused before it is parsed.

/// Elements that never hold children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
];

/// Elements that the parser closes implicitly when a sibling starts, so
/// that pages often leave their end tags out.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "optgroup",
    "colgroup", "rb", "rt", "rtc", "rp", "caption",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The deepest nesting of elements in `html`, estimated from its tags:
/// start tags of elements that hold children and need their end tag,
/// minus end tags. Comments and raw text (`<script>`, `<style>`, …) are
/// skipped. Linear in the length of `html`.
pub fn nesting(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = 0;
    let (mut depth, mut deepest) = (0usize, 0usize);
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
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
        let name = &html[name_at..name_end];
        let tag_end =
            memchr::memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |n| name_end + n);
        at = (tag_end + 1).min(bytes.len());
        if name.is_empty() || is_one_of(name, VOID) || is_one_of(name, IMPLIED_END) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if tag_end > name_end && bytes[tag_end - 1] == b'/' {
            continue;
        }
        if is_one_of(name, RAW_TEXT) {
            // Past the end tag, which closes what this start tag opened.
            at = find_end_tag(bytes, at, name)
                .and_then(|end| memchr::memchr(b'>', &bytes[end..]).map(|n| end + n + 1))
                .unwrap_or(bytes.len());
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    deepest
}

fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|n| from + n)
}

/// Where the end tag `</name` of a raw-text element starts, case-blind.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = at + memchr::memmem::find(bytes.get(at..)?, b"</")?;
        let candidate = bytes.get(lt + 2..lt + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(lt);
        }
        at = lt + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::nesting;

    #[test]
    fn counts_elements_that_need_their_end_tag() {
        assert_eq!(nesting("<html><body><div><p>a<p>b</div></body></html>"), 3);
        assert_eq!(nesting("<div><br><img src=x><hr/><span/></div>"), 1);
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
}
