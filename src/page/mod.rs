//! Stage 0b: the article in a raw HTML page.
//!
//! A message may carry the page as the site served it (`html`) instead of
//! its text. [`extract`] turns the page into what the pipeline reads: the
//! main text as paragraphs separated by blank lines, with navigation,
//! banners, ads, teasers, newsletter boxes, captions and footers dropped,
//! and the page's metadata (headline, byline, canonical URL, publication
//! time, site name). Pure and synchronous, like the pipeline.
//!
//! The main text comes from [`dom_smoothie`] (a port of Mozilla's
//! Readability); [`text`] turns its output into paragraphs and [`meta`]
//! reads what it does not (`<link rel="canonical">`, `<time>`).

pub mod clean;
pub mod meta;
pub mod prescan;
pub mod text;

use std::fmt;

/// What [`extract`] found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The main text: paragraphs separated by blank lines, never empty.
    pub text: String,
    /// The headline, if the page names one.
    pub title: Option<String>,
    /// The byline (author names), if the page gives one.
    pub byline: Option<String>,
    /// The canonical URL, if the page gives one.
    pub url: Option<String>,
    /// The publication time as the page writes it, if given.
    pub published_at: Option<String>,
    /// The site or publisher name, if given.
    pub site_name: Option<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PageErrorKind {
    /// The page is binary data, not markup.
    NotHtml,
    /// Elements are nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The page has no main text.
    NoArticle,
}

impl PageErrorKind {
    /// A stable snake_case name, used in dead-letter headers and metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            PageErrorKind::NotHtml => "not_html",
            PageErrorKind::TooDeep => "too_deep",
            PageErrorKind::NoArticle => "no_article",
        }
    }
}

impl fmt::Display for PageErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A page without an article: its kind and a human-readable reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct PageError {
    kind: PageErrorKind,
    message: String,
}

impl PageError {
    fn new(kind: PageErrorKind, message: String) -> Self {
        Self { kind, message }
    }

    /// What class of problem this is.
    pub fn kind(&self) -> PageErrorKind {
        self.kind
    }
}

/// Deepest element nesting accepted. Real pages stay under 100; deeper
/// trees are hostile and would cost recursion depth in the extractor.
pub const MAX_DEPTH: usize = 512;

/// Extracts the article from a page.
///
/// Never panics: any string gives either a [`Page`] with a non-empty
/// `text` or a [`PageError`] that says why there is none.
pub fn extract(html: &str) -> Result<Page, PageError> {
    if let Some(why) = binary(html) {
        return Err(PageError::new(PageErrorKind::NotHtml, why));
    }
    let prescan = prescan::scan(html);
    let depth = prescan.depth;
    if depth > MAX_DEPTH {
        return Err(PageError::new(
            PageErrorKind::TooDeep,
            format!("page elements are nested {depth} deep, over the limit of {MAX_DEPTH}"),
        ));
    }
    let doc = dom_query::Document::from(&*prescan.markup);
    let extra = meta::Extra::read(&doc);
    clean::drop_boilerplate(&doc);
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let no_article = |why: &str| PageError::new(PageErrorKind::NoArticle, why.to_string());
    let mut readability = dom_smoothie::Readability::with_document(doc, None, Some(config))
        .map_err(|e| no_article(&format!("page has no article: {e}")))?;
    let found = readability
        .parse()
        .map_err(|e| no_article(&format!("page has no article: {e}")))?;
    let body = text::paragraphs(&found.text_content);
    if body.is_empty() {
        return Err(no_article("page has no article: its main text is empty"));
    }
    let (links, all) = text::link_share(&found.content);
    if links * 3 > all * 2 {
        return Err(no_article(&format!(
            "page has no article: {links} of the {all} characters of its main text are links (a list or navigation page)"
        )));
    }
    Ok(Page {
        text: body,
        title: meta::clean(Some(found.title.as_str())),
        byline: meta::clean(found.byline.as_deref()),
        url: meta::clean(found.url.as_deref()).or(extra.url),
        published_at: meta::clean(found.published_time.as_deref()).or(extra.published_at),
        site_name: meta::clean(found.site_name.as_deref()),
    })
}

/// Why `html` is binary data rather than a page, if it is: a NUL, or more
/// than 1 % control or replacement characters in its first 64 KiB.
fn binary(html: &str) -> Option<String> {
    let head = crate::text::truncate(html, 64 * 1024);
    let mut chars = 0usize;
    let mut odd = 0usize;
    for c in head.chars() {
        chars += 1;
        if c == '\0' {
            return Some("page holds NUL characters: binary data, not HTML".to_string());
        }
        if c == '\u{FFFD}' || (c.is_control() && !c.is_ascii_whitespace()) {
            odd += 1;
        }
    }
    (odd * 100 > chars).then(|| {
        format!("{odd} of the first {chars} characters of the page are control or replacement characters: binary data, not HTML")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAS: &str = "<p>The council voted on Monday to rebuild the old bridge over the river Vell, which has been closed since March.</p>\
        <p>\"We will rebuild it, and we will rebuild it better,\" Mayor Jane Roe said after the vote.</p>\
        <p>Work is due to start in the autumn and to last about two years, the city's engineers said.</p>";

    fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    }

    fn kind(html: &str) -> PageErrorKind {
        extract(html).unwrap_err().kind()
    }

    #[test]
    fn keeps_the_paragraphs_and_drops_the_furniture() {
        let html = page(
            "<title>Bridge to be rebuilt - City News</title>",
            &format!(
                "<nav><a href=/>Home</a> <a href=/city>City</a></nav>\
                 <div class=\"cookie-notice\">We use cookies on this site.</div>\
                 <article><h1>Bridge to be rebuilt</h1>\
                 <figure><img src=a.jpg><figcaption>The bridge in March.</figcaption></figure>\
                 {PARAS}<div class=\"newsletter\">Get our daily newsletter</div></article>\
                 <aside class=related><a href=/x>Another story about bridges</a></aside>\
                 <footer>© City News</footer>"
            ),
        );
        let found = extract(&html).unwrap();
        let paragraphs: Vec<&str> = found.text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 3, "{:?}", found.text);
        assert!(paragraphs[0].starts_with("The council voted"));
        assert_eq!(
            paragraphs[1],
            "\"We will rebuild it, and we will rebuild it better,\" Mayor Jane Roe said after the vote."
        );
        for junk in [
            "Home",
            "cookies",
            "in March.",
            "newsletter",
            "Another story",
            "©",
        ] {
            assert!(!found.text.contains(junk), "{junk} in {:?}", found.text);
        }
    }

    #[test]
    fn reads_metadata_from_json_ld_meta_tags_time_and_title() {
        let json_ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"NewsArticle","headline":"Bridge to be rebuilt","datePublished":"2026-05-04T10:00:00Z",
            "author":{"@type":"Person","name":"Ola Berg"},"url":"https://news.example/bridge"}</script>"#;
        let found = extract(&page(json_ld, PARAS)).unwrap();
        assert_eq!(found.title.as_deref(), Some("Bridge to be rebuilt"));
        assert_eq!(found.byline.as_deref(), Some("Ola Berg"));
        assert_eq!(found.published_at.as_deref(), Some("2026-05-04T10:00:00Z"));
        assert_eq!(found.url.as_deref(), Some("https://news.example/bridge"));

        let head = r#"<title>Bridge to be rebuilt</title><meta name="author" content=" Ola   Berg ">
            <meta property="og:site_name" content="City News">
            <link rel="canonical" href="https://news.example/c/bridge">"#;
        let body = format!("<time datetime=\"2026-05-04\">4 May</time>{PARAS}");
        let found = extract(&page(head, &body)).unwrap();
        assert_eq!(found.title.as_deref(), Some("Bridge to be rebuilt"));
        assert_eq!(
            found.byline.as_deref(),
            Some("Ola Berg"),
            "white space collapsed"
        );
        assert_eq!(found.site_name.as_deref(), Some("City News"));
        assert_eq!(found.url.as_deref(), Some("https://news.example/c/bridge"));
        assert_eq!(found.published_at.as_deref(), Some("2026-05-04"));

        let found = extract(&page("", PARAS)).unwrap();
        assert_eq!(
            (found.url, found.published_at, found.byline),
            (None, None, None)
        );
    }

    #[test]
    fn broken_markup_still_gives_its_text() {
        let html = "<html><body><div><p>Mayor Jane Roe said on Monday that the bridge \
                    would reopen in May.<p>\"We will rebuild,\" she said.<span><b>unclosed";
        let found = extract(html).unwrap();
        assert!(
            found.text.starts_with("Mayor Jane Roe said"),
            "{:?}",
            found.text
        );
        assert!(found.text.contains("\"We will rebuild,\" she said."));
        let entities =
            extract("<p>Caf&eacute; owners &amp; &quot;bakers&quot; met&nbsp;today.</p>");
        assert_eq!(
            entities.unwrap().text,
            "Café owners & \"bakers\" met today."
        );
    }

    #[test]
    fn pages_without_an_article_are_typed_errors() {
        assert_eq!(kind("<html><body></body></html>"), PageErrorKind::NoArticle);
        assert_eq!(
            kind("<html><head><title>T</title></head></html>"),
            PageErrorKind::NoArticle
        );
        let index = page(
            "",
            "<ul><li><a href=/a>First story</a></li><li><a href=/b>Second story</a></li>\
             <li><a href=/c>Third story of the day</a></li></ul>",
        );
        assert_eq!(kind(&index), PageErrorKind::NoArticle);
        let err = extract(&index).unwrap_err();
        assert!(err.to_string().contains("links"), "{err}");
    }

    #[test]
    fn binary_data_is_not_html() {
        assert_eq!(kind("<html>\0\0\0</html>"), PageErrorKind::NotHtml);
        let noise: String = (1u32..3000)
            .map(|i| char::from_u32(i % 32).unwrap_or('x'))
            .collect();
        assert_eq!(kind(&noise), PageErrorKind::NotHtml);
        let replaced = "\u{FFFD}".repeat(50) + &"<p>text</p>".repeat(100);
        assert_eq!(kind(&replaced), PageErrorKind::NotHtml);
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!("{}<p>text</p>", "<div>".repeat(100_000));
        let started = std::time::Instant::now();
        assert_eq!(kind(&deep), PageErrorKind::TooDeep);
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        let err = extract(&deep).unwrap_err();
        assert!(err.to_string().contains("over the limit of 512"), "{err}");
        // Nesting up to the limit is a page like any other.
        let nested = format!(
            "{}{PARAS}{}",
            "<div>".repeat(MAX_DEPTH - 3),
            "</div>".repeat(MAX_DEPTH - 3)
        );
        assert!(extract(&page("", &nested)).is_ok());
    }

    #[test]
    fn error_kinds_have_stable_names() {
        assert_eq!(PageErrorKind::NotHtml.as_str(), "not_html");
        assert_eq!(PageErrorKind::TooDeep.to_string(), "too_deep");
        assert_eq!(PageErrorKind::NoArticle.as_str(), "no_article");
    }
}
