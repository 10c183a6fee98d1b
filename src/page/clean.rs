//! Page elements that are never article text, removed before readability
//! chooses the main text: navigation, footers, captions, galleries,
//! timestamps, cookie banners, ads, related-article teasers, newsletter and
//! sharing boxes. The rules are data (`data/html/boilerplate.txt`, read by
//! [`super::rules`]).

use super::rules::Boilerplate;
use dom_query::{Document, NodeData, NodeRef};

/// Whether `node` (an element) matches a boilerplate rule.
fn matches(rules: &Boilerplate, node: &NodeRef<'_>) -> bool {
    let Some(element) = node.element_ref() else {
        return false;
    };
    let name = &*element.name.local;
    if rules.is_tag(name) {
        return true;
    }
    if CONTAINERS.contains(&name) {
        return false;
    }
    element.attrs.iter().any(|attr| {
        matches!(&*attr.name.local, "class" | "id") && rules.names_boilerplate(&attr.value)
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
    let rules = Boilerplate::english();
    let mut doomed = Vec::new();
    // Pre-order walk that does not enter a doomed element.
    let mut node = body.first_child();
    while let Some(current) = node {
        let drop =
            current.is_element() && matches(rules, &current) && visible_len(&current) * 3 <= total;
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
