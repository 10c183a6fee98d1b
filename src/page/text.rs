//! The readability output as paragraphs: one per line, white space
//! collapsed, blank lines between paragraphs.

/// Turns the formatted text of the main content into paragraphs separated
/// by one blank line, each with its white space collapsed to single spaces.
pub fn paragraphs(formatted: &str) -> String {
    let mut out = String::with_capacity(formatted.len());
    for line in formatted.lines() {
        let start = out.len();
        if start > 0 {
            out.push_str("\n\n");
        }
        let body = out.len();
        for word in line.split_whitespace() {
            if out.len() > body {
                out.push(' ');
            }
            out.push_str(word);
        }
        if out.len() == body {
            out.truncate(start);
        }
    }
    out
}

/// How much of the text of an HTML fragment is link text: (characters
/// inside `<a>` elements, all characters), white space not counted.
pub fn link_share(fragment: &str) -> (usize, usize) {
    let doc = dom_query::Document::fragment(fragment);
    let count = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
    let all = count(&doc.root().text());
    let links = doc
        .select("a")
        .nodes()
        .iter()
        .filter(|a| {
            !a.ancestors_it(None)
                .any(|p| p.node_name().as_deref() == Some("a"))
        })
        .map(|a| count(&a.text()))
        .sum();
    (links, all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_blank_line_between_paragraphs_and_single_spaces() {
        assert_eq!(
            paragraphs("\n  First   para\u{a0}graph. \n\n\n\t\nSecond\tone.\n   \n"),
            "First para graph.\n\nSecond one."
        );
        assert_eq!(paragraphs(" \n\t\n"), "");
    }

    #[test]
    fn link_share_counts_link_text_once() {
        assert_eq!(link_share("<p>ab <a href=x>cd</a></p>"), (2, 4));
        assert_eq!(link_share("<a href=x>ab<a href=y>cd</a></a>"), (4, 4));
        assert_eq!(link_share(""), (0, 0));
    }
}
