//! Page metadata that the readability pass does not read.
//!
//! [`dom_smoothie`] already reads `<meta>` tags (Open Graph, Dublin Core,
//! `author`, `article:published_time`), JSON-LD `NewsArticle` and
//! `<title>`. This module adds the canonical URL (`<link
//! rel="canonical">`, then `og:url`) and the first `<time datetime>` for
//! pages that give no publication time in their metadata.

use dom_query::Document;

/// Metadata read directly from the document, before readability changes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extra {
    /// `<link rel="canonical" href>`, else `<meta property="og:url">`.
    pub url: Option<String>,
    /// The `datetime` of the first `<time>` element.
    pub published_at: Option<String>,
}

impl Extra {
    /// Reads the extra metadata of `doc`.
    pub fn read(doc: &Document) -> Extra {
        let url = first_attr(doc, r#"link[rel="canonical"][href]"#, "href")
            .or_else(|| first_attr(doc, r#"meta[property="og:url"][content]"#, "content"));
        let published_at = first_attr(doc, "time[datetime]", "datetime");
        Extra { url, published_at }
    }
}

fn first_attr(doc: &Document, selector: &str, attr: &str) -> Option<String> {
    let found = doc.select_single(selector);
    clean(found.attr(attr).as_deref())
}

/// A metadata value with its white space collapsed, or `None` when it is
/// absent or blank.
pub fn clean(value: Option<&str>) -> Option<String> {
    let value = value?;
    let mut out = String::with_capacity(value.len());
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}
