//! Stage 0b: the article in a raw HTML page.
//!
//! A message may carry the page as the site served it (`html`) instead of
//! its text. [`extract`] turns the page into what the pipeline reads: the
//! main text as paragraphs separated by blank lines, with navigation,
//! banners, ads, teasers, newsletter boxes, captions and footers dropped,
//! and the page's metadata (headline, byline, canonical URL, publication
//! time, site name). Pure and synchronous, like the pipeline.
//!
//! Two extractors, the fast one first:
//!
//! * **Fast**: [`tokens`] reads the page in one pass without building a
//!   DOM; [`tree`] keeps a flat tree of the elements with the text of each
//!   and [`head`] the metadata; [`density`] scores it the way Mozilla's
//!   Readability does and picks the main text. What class and tag names
//!   say is data ([`rules`]: `data/html/boilerplate.txt`,
//!   `data/html/weights.txt`).
//! * **Readability** ([`dom_smoothie`], a port of Readability on a parsed
//!   DOM) for the pages the fast extractor is unsure of: little main text,
//!   mostly links, or a list or table as the best candidate. [`prescan`]
//!   drops scripts and styles before the parse, [`clean`] the boilerplate,
//!   [`text`] turns its output into paragraphs and [`meta`] reads what it
//!   does not (`<link rel="canonical">`, `<time>`).

pub mod clean;
pub mod density;
pub mod head;
pub mod meta;
pub mod prescan;
pub mod rules;
pub mod text;
pub mod tokens;
pub mod tree;

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
    if let Some(page) = fast(html)? {
        return Ok(page);
    }
    if html.len() > READABILITY_MAX_BYTES {
        return Err(PageError::new(
            PageErrorKind::NoArticle,
            format!(
                "page has no article: no clear main text in its {} bytes, and pages over {READABILITY_MAX_BYTES} bytes are not parsed whole",
                html.len()
            ),
        ));
    }
    readability(html)
}

/// The largest page that goes to readability when the fast extractor is
/// unsure. Readability parses the whole page into a DOM: on junk markup
/// that took about 100 times the page's size in memory and 0.7 s per MiB
/// (an 8 MiB page: 8.8 s, 1.5 GB). News pages are far smaller: the
/// largest of the 189 corpus pages is 1.5 MB.
pub const READABILITY_MAX_BYTES: usize = 2 * 1024 * 1024;

/// The least main text, in bytes, that the fast extractor answers with
/// alone; below it the page goes to readability.
const FAST_MIN_TEXT: usize = 200;

/// The fast extractor: the page's main text from one pass over its
/// tokens. `None` when it is unsure (little text, or mostly links), so
/// that readability decides.
fn fast(html: &str) -> Result<Option<Page>, PageError> {
    let mut head = head::Head::default();
    let tree = tree::build(html, &mut head, MAX_DEPTH).map_err(too_deep)?;
    let mut page = head.finish();
    let Some(main) = density::main_text(&tree, page.title.as_deref()) else {
        return Ok(None);
    };
    if main.chars < FAST_MIN_TEXT || main.links * 3 > main.chars {
        return Ok(None);
    }
    let mut text = String::with_capacity(main.chars + 2 * main.paragraphs.len());
    for &(start, end) in &main.paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&tree.text[start..end]);
    }
    page.text = text;
    Ok(Some(page))
}

/// The error for a page nested deeper than [`MAX_DEPTH`]; `depth` is as
/// deep as the check looked.
fn too_deep(depth: usize) -> PageError {
    PageError::new(
        PageErrorKind::TooDeep,
        format!("page elements are nested at least {depth} deep, over the limit of {MAX_DEPTH}"),
    )
}

/// Readability (`dom_smoothie`) on the parsed page: slower, for the pages
/// the fast extractor is unsure of.
fn readability(html: &str) -> Result<Page, PageError> {
    let prescan = prescan::scan(html);
    let depth = prescan.depth;
    if depth > MAX_DEPTH {
        return Err(too_deep(depth));
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
    // Byte-wise, so that the check costs little beside the extraction.
    let head = crate::text::truncate(html, 64 * 1024).as_bytes();
    if memchr::memchr(0, head).is_some() {
        return Some("page holds NUL characters: binary data, not HTML".to_string());
    }
    // Characters are the bytes that do not continue one; controls are
    // C0 (but white space) and DEL, then C1 (U+0080..U+009F) and U+FFFD.
    let (mut chars, mut odd) = (0usize, 0usize);
    // Byte counters per chunk of 128, so that the loop vectorizes.
    for chunk in head.chunks(128) {
        let (mut c, mut o) = (0u8, 0u8);
        for &b in chunk {
            c += u8::from(b & 0xC0 != 0x80);
            o += u8::from((b < 0x20 && !b.is_ascii_whitespace()) || b == 0x7F);
        }
        chars += usize::from(c);
        odd += usize::from(o);
    }
    odd += memchr::memchr_iter(0xC2, head)
        .filter(|&i| head.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
        .count();
    odd += memchr::memmem::find_iter(head, "\u{FFFD}".as_bytes()).count();
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
        // `<span/>` opens a span in HTML: as deep, not flat (this page
        // overflowed the stack of the readability pass).
        let self_closed = format!("{}<p>text</p>", "<span/>".repeat(100_000));
        assert_eq!(kind(&self_closed), PageErrorKind::TooDeep);
        // Nesting up to the limit is a page like any other.
        let nested = format!(
            "{}{PARAS}{}",
            "<div>".repeat(MAX_DEPTH - 3),
            "</div>".repeat(MAX_DEPTH - 3)
        );
        assert!(extract(&page("", &nested)).is_ok());
    }

    #[test]
    fn typical_pages_take_the_fast_path_and_doubtful_ones_readability() {
        let html = page(
            "<title>Bridge</title>",
            &format!("<nav><a href=/>Home</a></nav><article>{PARAS}</article>"),
        );
        let fast_page = fast(&html)
            .unwrap()
            .expect("an article page takes the fast path");
        assert_eq!(extract(&html).unwrap(), fast_page);
        assert_eq!(fast_page.text.split("\n\n").count(), 3);

        let items: String = (0..20)
            .map(|i| format!("<li><p>Picture {i} of the gallery, with a caption, a credit and a date.</p></li>"))
            .collect();
        let gallery = page("", &format!("<ul>{items}</ul>"));
        assert_eq!(fast(&gallery).unwrap(), None, "a list is no article");

        let short = page(
            "",
            "<p>Mayor Jane Roe said on Monday that the bridge would reopen in May.</p>",
        );
        assert_eq!(fast(&short).unwrap(), None, "too little text to be sure");
        assert!(extract(&short).unwrap().text.starts_with("Mayor Jane Roe"));
    }

    #[test]
    fn big_pages_without_a_clear_article_are_not_parsed_whole() {
        let junk = "<p>x".repeat(READABILITY_MAX_BYTES / 4 + 1);
        let started = std::time::Instant::now();
        let err = extract(&junk).unwrap_err();
        assert_eq!(err.kind(), PageErrorKind::NoArticle);
        assert!(err.to_string().contains("not parsed whole"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        // A big page with an article is extracted.
        let padded = page(
            "",
            &format!(
                "{PARAS}<div>{}</div>",
                "<br>".repeat(READABILITY_MAX_BYTES / 4)
            ),
        );
        assert!(extract(&padded)
            .unwrap()
            .text
            .starts_with("The council voted"));
    }

    #[test]
    fn error_kinds_have_stable_names() {
        assert_eq!(PageErrorKind::NotHtml.as_str(), "not_html");
        assert_eq!(PageErrorKind::TooDeep.to_string(), "too_deep");
        assert_eq!(PageErrorKind::NoArticle.as_str(), "no_article");
    }
}
