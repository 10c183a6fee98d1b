//! Page elements that are never article text, removed before readability
//! chooses the main text: navigation, footers, captions, galleries,
//! timestamps, cookie banners, ads, related-article teasers, newsletter and
//! sharing boxes. The rules are data (`data/html/boilerplate.txt`).

use dom_query::{Document, NodeRef};
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
        if let Some(name) = node.node_name() {
            if self.tags.iter().any(|t| t.as_str() == &*name) {
                return true;
            }
        }
        if is_named(node, CONTAINERS) {
            return false;
        }
        ["class", "id"]
            .iter()
            .filter_map(|attr| node.attr(attr))
            .any(|value| self.names_boilerplate(&value))
    }

    /// Whether a class or id value names boilerplate: one of its tokens
    /// has a rule's word and no negation.
    fn names_boilerplate(&self, value: &str) -> bool {
        value.split_whitespace().any(|token| {
            let words = words(token);
            !words.iter().any(|w| NEGATIONS.contains(&w.as_str()))
                && (words.iter().any(|w| self.words.contains(w))
                    || self
                        .words
                        .iter()
                        .any(|w| w.contains('-') && token.eq_ignore_ascii_case(w)))
        })
    }
}

/// The lower-cased words of a class token: split at `-`, `_`, other
/// punctuation and lower-to-upper case changes.
fn words(token: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in token.chars() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
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
        if current.is_text() {
            len += current.text().len();
        } else if !is_named(&current, HIDDEN) {
            if let Some(child) = current.first_child() {
                node = Some(child);
                continue;
            }
        }
        node = next_after(current, root);
    }
    len
}

fn is_named(node: &NodeRef<'_>, names: &[&str]) -> bool {
    node.node_name()
        .is_some_and(|name| names.iter().any(|n| n.eq_ignore_ascii_case(&name)))
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
        assert_eq!(words("photo-caption"), ["photo", "caption"]);
        assert_eq!(words("articleByline"), ["article", "byline"]);
        assert_eq!(
            words("buzz_superlist_item2"),
            ["buzz", "superlist", "item2"]
        );
        assert_eq!(words("URLBox"), ["urlbox"]);
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
