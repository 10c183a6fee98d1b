//! Page elements that are never article text, removed before readability
//! chooses the main text: navigation, footers, captions, galleries,
//! timestamps, cookie banners, ads, related-article teasers, newsletter and
//! sharing boxes. The rules are data (`data/html/boilerplate.txt`).

use dom_query::{Document, NodeData, NodeRef};
use std::sync::OnceLock;

/// The rules, compiled into the binary.
const RULES: &str = include_str!("../../data/html/boilerplate.txt");

/// Words that negate a class name ("no_caption", "hide-byline").
const NEGATIONS: &[&str] = &["no", "hide"];

/// The parsed rules of `data/html/boilerplate.txt`.
#[derive(Debug, Default)]
struct Rules {
    tags: Vec<String>,
    words: Vec<String>,
}

impl Rules {
    fn parse(text: &str) -> Rules {
        let mut rules = Rules::default();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once(':') {
                Some(("tag", name)) => rules.tags.push(name.trim().to_ascii_lowercase()),
                Some(("word", word)) => rules.words.push(word.trim().to_ascii_lowercase()),
                // The file is part of the source: a bad rule is a bug.
                _ => panic!("data/html/boilerplate.txt: bad rule `{line}`"),
            }
        }
        rules
    }

    fn english() -> &'static Rules {
        static RULES_ONCE: OnceLock<Rules> = OnceLock::new();
        RULES_ONCE.get_or_init(|| Rules::parse(RULES))
    }

    /// Whether `node` (an element) matches a rule.
    fn matches(&self, node: &NodeRef<'_>) -> bool {
        let Some(element) = node.element_ref() else {
            return false;
        };
        let name = &*element.name.local;
        if self.tags.iter().any(|t| t == name) {
            return true;
        }
        if CONTAINERS.contains(&name) {
            return false;
        }
        element.attrs.iter().any(|attr| {
            matches!(&*attr.name.local, "class" | "id") && self.names_boilerplate(&attr.value)
        })
    }

    /// Whether a class or id value names boilerplate: one of its tokens
    /// has a rule's word and no negation.
    fn names_boilerplate(&self, value: &str) -> bool {
        value.split_whitespace().any(|token| {
            let is = |list: &[String]| {
                words(token).any(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
            };
            let negated = words(token).any(|w| NEGATIONS.iter().any(|n| n.eq_ignore_ascii_case(w)));
            !negated
                && (is(&self.words)
                    || self
                        .words
                        .iter()
                        .any(|w| w.contains('-') && token.eq_ignore_ascii_case(w)))
        })
    }
}

/// The words of a class token: split at `-`, `_`, other punctuation and
/// lower-to-upper case changes ("articleByline" → "article", "Byline").
fn words(token: &str) -> impl Iterator<Item = &str> {
    let mut rest = token;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        if rest.is_empty() {
            return None;
        }
        let mut prev_lower = false;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if !c.is_alphanumeric() || (i > 0 && prev_lower && c.is_uppercase()) {
                end = i;
                break;
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
        }
        let (word, tail) = rest.split_at(end);
        rest = tail;
        Some(word)
    })
}

/// Elements whose text is not shown.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template"];

/// Elements that hold a page's article: matched by their tag rules only,
/// never by a class word ("url-breadcrumb" on an `<article>`).
const CONTAINERS: &[&str] = &["article", "main", "body"];

/// Removes every element of the body that matches a rule, unless it holds
/// more than a third of the body's visible text (a class name on the
/// article's own container must not take the article with it).
pub fn drop_boilerplate(doc: &Document) {
    let Some(body) = doc.body() else { return };
    let total = visible_len(&body);
    let rules = Rules::english();
    let mut doomed = Vec::new();
    // Pre-order walk that does not enter a doomed element.
    let mut node = body.first_child();
    while let Some(current) = node {
        let drop =
            current.is_element() && rules.matches(&current) && visible_len(&current) * 3 <= total;
        if drop {
            doomed.push(current);
        } else if let Some(child) = current.first_child() {
            node = Some(child);
            continue;
        }
        node = next_after(current, &body);
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// The bytes of text in `root`'s subtree outside scripts and styles.
fn visible_len(root: &NodeRef<'_>) -> usize {
    let mut len = 0;
    let mut node = root.first_child();
    while let Some(current) = node {
        let (text, hidden) = current.query_or((0, false), |n| match &n.data {
            NodeData::Text { contents } => (contents.len(), false),
            NodeData::Element(el) => (0, HIDDEN.contains(&&*el.name.local)),
            _ => (0, false),
        });
        len += text;
        if !hidden {
            if let Some(child) = current.first_child() {
                node = Some(child);
                continue;
            }
        }
        node = next_after(current, root);
    }
    len
}

/// The next node after `node`'s subtree in pre-order, within `root`.
fn next_after<'a>(node: NodeRef<'a>, root: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let mut at = node;
    loop {
        if at.id == root.id {
            return None;
        }
        if let Some(next) = at.next_sibling() {
            return Some(next);
        }
        at = at.parent()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_split_at_punctuation_and_case_changes() {
        let split = |t| words(t).collect::<Vec<_>>();
        assert_eq!(split("photo-caption"), ["photo", "caption"]);
        assert_eq!(split("articleByline"), ["article", "Byline"]);
        assert_eq!(
            split("--buzz_superlist__item2-"),
            ["buzz", "superlist", "item2"]
        );
        assert_eq!(split("URLBox"), ["URLBox"]);
        assert_eq!(split("éCaption"), ["é", "Caption"]);
        assert!(split("--").is_empty());
    }

    #[test]
    fn rules_match_whole_words_without_negation() {
        let rules = Rules::parse("word: caption\nword: ad\nword: more-stories\ntag: nav");
        assert!(rules.names_boilerplate("wrap photo-caption"));
        assert!(rules.names_boilerplate("ad"));
        assert!(rules.names_boilerplate("More-Stories"));
        assert!(!rules.names_boilerplate("no_caption image"));
        assert!(
            !rules.names_boilerplate("headline"),
            "ad is a word, not a substring"
        );
        assert!(!rules.names_boilerplate("captioned"));
    }

    #[test]
    fn the_shipped_rules_parse() {
        let rules = Rules::english();
        assert!(rules.tags.contains(&"figcaption".to_string()));
        assert!(rules.words.contains(&"newsletter".to_string()));
    }

    #[test]
    fn drops_boilerplate_but_never_the_article_container() {
        let para = "<p>The council voted on Monday to rebuild the bridge over the river.</p>";
        let page = format!(
            "<html><body><nav>Home News</nav><div class=\"story ad-free caption-wrap\">{}</div>\
             <figure><img src=x><figcaption>The old bridge.</figcaption></figure>\
             <div class=\"newsletter\">Sign up</div></body></html>",
            para.repeat(5)
        );
        let doc = Document::from(page.as_str());
        drop_boilerplate(&doc);
        let text = doc.body().unwrap().text();
        assert!(text.contains("The council voted"), "{text}");
        assert!(!text.contains("Home News"));
        assert!(!text.contains("The old bridge"));
        assert!(!text.contains("Sign up"));
    }
}
