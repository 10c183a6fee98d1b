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

pub mod depth;
pub mod meta;
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
    let depth = depth::nesting(html);
    if depth > MAX_DEPTH {
        return Err(PageError::new(
            PageErrorKind::TooDeep,
            format!("page elements are nested {depth} deep, over the limit of {MAX_DEPTH}"),
        ));
    }
    let doc = dom_query::Document::from(html);
    let extra = meta::Extra::read(&doc);
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
    let head = &html[..floor_char_boundary(html, 64 * 1024)];
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

/// The largest char boundary of `s` at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    let mut end = at;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}
