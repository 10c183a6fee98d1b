//! A page's metadata, read from the tags as the tokenizer passes them:
//! JSON-LD `NewsArticle` (or any `…Article` / `BlogPosting`), `<meta>`
//! tags (Open Graph, Twitter, Dublin Core, `author`,
//! `article:published_time`), `<title>`, `<link rel="canonical">` and the
//! first `<time datetime>`. JSON-LD wins over `<meta>`, which wins over
//! the page's own elements.

use super::meta::clean;
use super::tokens::{decode, Tag};
use super::Page;
use serde_json::Value;

/// Metadata gathered so far, by source.
#[derive(Debug, Default)]
pub struct Head {
    ld: Found,
    meta: Found,
    page: Found,
}

/// Metadata from one kind of source; the first value of a field wins.
#[derive(Debug, Default)]
struct Found {
    title: Option<String>,
    byline: Option<String>,
    url: Option<String>,
    published_at: Option<String>,
    site_name: Option<String>,
}

fn set(field: &mut Option<String>, value: Option<&str>) {
    if field.is_none() {
        *field = clean(value.map(|v| decode(v)).as_deref());
    }
}

impl Head {
    /// Reads a start tag (`name` in lower case).
    pub fn tag(&mut self, name: &str, tag: &Tag<'_>) {
        match name {
            "meta" => {
                let Some(key) = tag.attr("property").or_else(|| tag.attr("name")) else {
                    return;
                };
                let content = tag.attr("content");
                let meta = &mut self.meta;
                // Every key below fits; longer ones are none of them.
                let mut buf = [0u8; 32];
                let Some(lower) = buf.get_mut(..key.len()) else {
                    return;
                };
                lower.copy_from_slice(key.as_bytes());
                lower.make_ascii_lowercase();
                match std::str::from_utf8(lower).unwrap_or_default() {
                    "og:title" | "twitter:title" | "dc.title" | "dc:title" => {
                        set(&mut meta.title, content)
                    }
                    // Some pages give the author's profile URL here.
                    "author" | "dc.creator" | "dc:creator" | "article:author"
                    | "parsely-author"
                        if !content.is_some_and(|c| c.starts_with("http")) =>
                    {
                        set(&mut meta.byline, content)
                    }
                    "article:published_time"
                    | "og:published_time"
                    | "pubdate"
                    | "date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "parsely-pub-date" => set(&mut meta.published_at, content),
                    "og:site_name" => set(&mut meta.site_name, content),
                    "og:url" => set(&mut meta.url, content),
                    _ => {}
                }
            }
            "link" => {
                let canonical = tag.attr("rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    set(&mut self.page.url, tag.attr("href"));
                }
            }
            "time" => set(&mut self.page.published_at, tag.attr("datetime")),
            _ => {}
        }
    }

    /// Reads a raw-text element: `<title>` and JSON-LD scripts.
    pub fn raw(&mut self, name: &str, tag: &Tag<'_>, content: &str) {
        match name {
            "title" => set(&mut self.page.title, Some(content)),
            "script"
                if tag
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(value) = serde_json::from_str::<Value>(content.trim()) {
                    self.json_ld(&value, 0);
                }
            }
            _ => {}
        }
    }

    /// Reads the first article object of a JSON-LD value (an object, an
    /// array or a `@graph`).
    fn json_ld(&mut self, value: &Value, depth: usize) {
        if depth > 4 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.json_ld(v, depth + 1)),
            Value::Object(object) => {
                if let Some(graph) = object.get("@graph") {
                    self.json_ld(graph, depth + 1);
                }
                if !is_article(object.get("@type")) {
                    return;
                }
                let ld = &mut self.ld;
                set(
                    &mut ld.title,
                    object.get("headline").and_then(Value::as_str),
                );
                if ld.byline.is_none() {
                    ld.byline = names(object.get("author"));
                }
                set(
                    &mut ld.published_at,
                    object.get("datePublished").and_then(Value::as_str),
                );
                set(&mut ld.url, object.get("url").and_then(Value::as_str));
                let publisher = object.get("publisher").and_then(|p| p.get("name"));
                set(&mut ld.site_name, publisher.and_then(Value::as_str));
            }
            _ => {}
        }
    }

    /// The metadata of the page; `text` is left empty.
    pub fn finish(self) -> Page {
        let Head { ld, meta, page } = self;
        Page {
            text: String::new(),
            title: ld.title.or(meta.title).or(page.title),
            byline: ld.byline.or(meta.byline),
            url: page.url.or(meta.url).or(ld.url),
            published_at: ld.published_at.or(meta.published_at).or(page.published_at),
            site_name: meta.site_name.or(ld.site_name),
        }
    }
}

/// Whether a JSON-LD `@type` names an article.
fn is_article(kind: Option<&Value>) -> bool {
    let named = |v: &Value| {
        v.as_str()
            .is_some_and(|t| t.ends_with("Article") || t == "BlogPosting" || t == "Report")
    };
    match kind {
        Some(Value::Array(kinds)) => kinds.iter().any(named),
        Some(kind) => named(kind),
        None => false,
    }
}

/// The author names of a JSON-LD `author`: a string, an object with a
/// `name`, or an array of either; joined with ", ".
fn names(author: Option<&Value>) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => clean(Some(s)),
        Value::Object(o) => clean(o.get("name").and_then(Value::as_str)),
        _ => None,
    };
    match author? {
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(one).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        other => one(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::tree::build;

    fn read(head: &str) -> Page {
        let mut found = Head::default();
        build(
            &format!("<html><head>{head}</head><body></body></html>"),
            &mut found,
            512,
        )
        .unwrap();
        found.finish()
    }

    #[test]
    fn json_ld_in_a_graph_with_several_authors() {
        let page = read(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Site"},
               {"@type":["NewsArticle"],"headline":"Vote &amp; bridge","datePublished":"2026-05-04",
               "author":[{"@type":"Person","name":"Ola  Berg"},"Jon Roe"],
               "publisher":{"@type":"Organization","name":"City News"}}]}</script>"#,
        );
        assert_eq!(page.title.as_deref(), Some("Vote & bridge"));
        assert_eq!(page.byline.as_deref(), Some("Ola Berg, Jon Roe"));
        assert_eq!(page.published_at.as_deref(), Some("2026-05-04"));
        assert_eq!(page.site_name.as_deref(), Some("City News"));
    }

    #[test]
    fn json_ld_wins_over_meta_tags_which_win_over_the_page() {
        let page = read(
            r#"<title>Page title | City News</title><meta property="og:title" content="Meta title">
               <meta name="author" content="https://news.example/staff/ola">
               <meta property="og:url" content="https://news.example/og">
               <link rel="canonical" href="https://news.example/canonical">
               <script type="application/ld+json">{"@type":"Article","headline":"LD title"}</script>
               <script type="application/ld+json">not json</script>"#,
        );
        assert_eq!(page.title.as_deref(), Some("LD title"));
        assert_eq!(page.byline, None, "an author URL is no byline");
        assert_eq!(page.url.as_deref(), Some("https://news.example/canonical"));
        let page = read(r#"<title> Page   title </title><meta property="og:url" content="u">"#);
        assert_eq!(page.title.as_deref(), Some("Page title"));
        assert_eq!(page.url.as_deref(), Some("u"));
    }

    #[test]
    fn objects_that_are_not_articles_say_nothing() {
        let page = read(
            r#"<script type="application/ld+json">{"@type":"Organization","headline":"No","url":"x"}</script>"#,
        );
        assert_eq!(page, Page::default());
    }
}
