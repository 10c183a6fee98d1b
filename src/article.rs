//! Stage 0: the input article, as upstream publishes it.
//!
//! An article arrives as one JSON object (a queue message body or one line of
//! a JSON-lines file). [`Article::from_json`] checks it completely before
//! anything else runs, so every later stage can rely on a non-empty `text`
//! and an `id`. Every way an input can be wrong has its own
//! [`ArticleErrorKind`], which the worker turns into a dead-letter reason.
//!
//! An article may carry the raw page (`html`) instead of `text`: decoding
//! then extracts the main text and the metadata the message lacks with
//! [`crate::page`], and the article remembers it ([`TextSource::Html`]), so
//! that every entry point (the worker, `quotewire extract`) can hand the
//! extracted text on with the events whose offsets point into it.

use crate::page::{self, PageErrorKind};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;

/// Default upper bound for one article's JSON body: 2 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Default upper bound for the `html` of one article: 8 MiB.
pub const DEFAULT_MAX_HTML_BYTES: usize = 8 * 1024 * 1024;

/// The AMQP `type` of an article record (an HTML article's extracted text,
/// published before its statement events).
pub const RECORD_TYPE: &str = "article";

/// The routing key of an article record.
pub const RECORD_ROUTING_KEY: &str = "article.text";

/// Limits applied when an article is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleLimits {
    /// Largest accepted JSON body of an article with `text`, in bytes.
    pub max_bytes: usize,
    /// Largest accepted `html` string (its decoded UTF-8 bytes); a body
    /// carrying `html` may be this much larger than `max_bytes`.
    pub max_html_bytes: usize,
}

impl Default for ArticleLimits {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            max_html_bytes: DEFAULT_MAX_HTML_BYTES,
        }
    }
}

impl ArticleLimits {
    /// The largest body that can hold a valid article: `max_bytes` plus
    /// `max_html_bytes` (an HTML article's page and its other fields).
    pub fn max_body_bytes(&self) -> usize {
        self.max_bytes.saturating_add(self.max_html_bytes)
    }
}

/// Where an article's `text` came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum TextSource {
    /// The message carried `text`.
    #[default]
    Given,
    /// The message carried only `html`: `text` was extracted from the page.
    Html,
}

/// One news article: the unit of work of the pipeline.
///
/// Offsets in every statement event are Unicode code point offsets into
/// [`Article::text`], exactly as received, or as extracted from `html`.
/// Serialised, it is the article record: the input shape with `text`
/// filled in and without `html`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Article {
    /// Upstream identifier; required and non-empty.
    pub id: String,
    /// The article body as plain text, paragraphs separated by blank lines;
    /// required and non-empty (given, or extracted from `html`).
    pub text: String,
    /// Headline, if known.
    #[serde(default)]
    pub title: Option<String>,
    /// Canonical URL, if known.
    #[serde(default)]
    pub url: Option<String>,
    /// Publisher or feed name, if known.
    #[serde(default)]
    pub source: Option<String>,
    /// Publication time as given upstream (not parsed), if known.
    #[serde(default)]
    pub published_at: Option<String>,
    /// ISO 639-1 language code, if known; `None` is treated as English.
    #[serde(default)]
    pub language: Option<String>,
    /// The author names as the byline gives them, if known; left out of
    /// the JSON when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Whether `text` was given or extracted from `html`; not serialised.
    #[serde(skip)]
    pub text_source: TextSource,
}

/// Raw shape used for decoding: required fields are optional here so that a
/// missing field gets its own error kind instead of serde's generic message.
/// `html` stays raw JSON until it is needed, so that a message with `text`
/// pays nothing for it.
#[derive(Deserialize)]
struct RawArticle<'a> {
    id: Option<String>,
    text: Option<String>,
    #[serde(default, borrow)]
    html: Option<&'a RawValue>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    published_at: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    byline: Option<String>,
}

impl Article {
    /// Decodes and validates one article from a JSON body; extracts the
    /// text from `html` when the body has no `text`.
    ///
    /// Never panics: any input, however malformed, gives either an article
    /// or an [`ArticleError`] that says what is wrong with it.
    pub fn from_json(body: &[u8], limits: &ArticleLimits) -> Result<Article, ArticleError> {
        // A body over `max_bytes` can only be an article if it has a page.
        let over = body.len() > limits.max_bytes;
        if over && (body.len() > limits.max_body_bytes() || !mentions_html(body)) {
            return Err(body_too_large(body.len(), limits));
        }
        let body = std::str::from_utf8(body).map_err(|e| {
            ArticleError::new(
                ArticleErrorKind::NotUtf8,
                format!("article body is not valid UTF-8: {e}"),
            )
        })?;
        let raw = parse(body)?;
        if over && raw.text.is_some() {
            return Err(body_too_large(body.len(), limits));
        }
        Self::from_raw(raw, limits)
    }

    /// Like [`Article::from_json`] for a body that is already text; applies
    /// no size limit to the body (the default limit to `html`).
    pub fn from_json_str(body: &str) -> Result<Article, ArticleError> {
        let limits = ArticleLimits::default();
        Self::from_raw(parse(body)?, &limits)
    }

    fn from_raw(raw: RawArticle<'_>, limits: &ArticleLimits) -> Result<Article, ArticleError> {
        let id = required(raw.id, "id")?;
        let mut article = Article {
            id,
            text: String::new(),
            title: raw.title,
            url: raw.url,
            source: raw.source,
            published_at: raw.published_at,
            language: raw.language,
            byline: raw.byline,
            text_source: TextSource::Given,
        };
        let html = match raw.html {
            Some(html) if raw.text.is_none() => html_string(html, limits)?,
            Some(html) => {
                // `text` wins; `html` must still be a string or null.
                html_string_or_null(html)?;
                None
            }
            None => None,
        };
        match (raw.text, html) {
            (Some(text), _) => article.text = required(Some(text), "text")?,
            (None, Some(html)) => article.read_page(&html)?,
            (None, None) => {
                return Err(ArticleError::new(
                    ArticleErrorKind::MissingField,
                    "article has no `text` field (nor `html`)".to_string(),
                ))
            }
        }
        Ok(article)
    }

    /// Fills `text` from the page and every metadata field the message
    /// left empty.
    fn read_page(&mut self, html: &str) -> Result<(), ArticleError> {
        if html.trim().is_empty() {
            return Err(ArticleError::new(
                ArticleErrorKind::EmptyField,
                "article field `html` is empty".to_string(),
            ));
        }
        let page = page::extract(html)
            .map_err(|e| ArticleError::new(ArticleErrorKind::Page(e.kind()), e.to_string()))?;
        fn fill(field: &mut Option<String>, found: Option<String>) {
            if field.as_deref().is_none_or(|v| v.trim().is_empty()) {
                *field = found.or(field.take());
            }
        }
        self.text = page.text;
        fill(&mut self.title, page.title);
        fill(&mut self.url, page.url);
        fill(&mut self.published_at, page.published_at);
        fill(&mut self.byline, page.byline);
        fill(&mut self.source, page.site_name);
        self.text_source = TextSource::Html;
        Ok(())
    }

    /// An article of plain text with only an id: the shape tests, fuzzers
    /// and library users start from.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            title: None,
            url: None,
            source: None,
            published_at: None,
            language: None,
            byline: None,
            text_source: TextSource::default(),
        }
    }

    /// The language code the pipeline should assume: `language` lower-cased
    /// and cut to its primary subtag (`en-GB` → `en`), or `en` when absent.
    pub fn language_code(&self) -> &str {
        match self.language.as_deref().map(str::trim) {
            None | Some("") => "en",
            Some(code) => code.split(['-', '_']).next().unwrap_or(code),
        }
    }

    /// The article as one line of compact JSON (no newline): the input
    /// shape, with `text` filled in and without `html`.
    pub fn to_json(&self) -> Vec<u8> {
        // Plain strings and options with string keys cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// A stable id of the article's content: a 128-bit xxh3 hash, in hex,
    /// of its id and of [`Article::to_json`] (a fixed field order, so the
    /// JSON formatting of the input does not matter). The same article
    /// gives the same id on every run and machine.
    pub fn content_id(&self) -> String {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(&(self.id.len() as u64).to_le_bytes());
        hasher.update(self.id.as_bytes());
        hasher.update(&self.to_json());
        format!("{:032x}", hasher.digest128())
    }
}

/// Whether a body names an `html` field at all (a cheap test before an
/// oversized body is parsed).
fn mentions_html(body: &[u8]) -> bool {
    memchr::memmem::find(body, b"\"html\"").is_some()
}

fn body_too_large(len: usize, limits: &ArticleLimits) -> ArticleError {
    ArticleError::new(
        ArticleErrorKind::TooLarge,
        format!(
            "article body is {len} bytes, over the limit of {} bytes",
            limits.max_bytes
        ),
    )
}

fn parse(body: &str) -> Result<RawArticle<'_>, ArticleError> {
    if body.trim().is_empty() {
        return Err(ArticleError::new(
            ArticleErrorKind::NotJson,
            "article body is empty".to_string(),
        ));
    }
    serde_json::from_str(body).map_err(|e| {
        use serde_json::error::Category;
        let kind = match e.classify() {
            Category::Data => ArticleErrorKind::WrongType,
            Category::Syntax | Category::Eof | Category::Io => ArticleErrorKind::NotJson,
        };
        let what = match kind {
            ArticleErrorKind::WrongType => "article JSON has the wrong shape",
            _ => "article body is not valid JSON",
        };
        ArticleError::new(kind, format!("{what}: {e}"))
    })
}

fn html_wrong_type() -> ArticleError {
    ArticleError::new(
        ArticleErrorKind::WrongType,
        "article field `html` must be a string".to_string(),
    )
}

/// `Ok(())` when `html` is a JSON string or null.
fn html_string_or_null(html: &RawValue) -> Result<(), ArticleError> {
    match html.get().as_bytes().first() {
        Some(b'"') | Some(b'n') => Ok(()),
        _ => Err(html_wrong_type()),
    }
}

/// The page in `html` (`None` for null), checked against `max_html_bytes`.
fn html_string(html: &RawValue, limits: &ArticleLimits) -> Result<Option<String>, ArticleError> {
    html_string_or_null(html)?;
    let page: Option<String> = serde_json::from_str(html.get()).map_err(|_| html_wrong_type())?;
    match page {
        Some(page) if page.len() > limits.max_html_bytes => Err(ArticleError::new(
            ArticleErrorKind::TooLarge,
            format!(
                "article field `html` is {} bytes, over the limit of {} bytes (pipeline.max_html_bytes)",
                page.len(),
                limits.max_html_bytes
            ),
        )),
        page => Ok(page),
    }
}

fn required(value: Option<String>, field: &'static str) -> Result<String, ArticleError> {
    match value {
        None => Err(ArticleError::new(
            ArticleErrorKind::MissingField,
            format!("article has no `{field}` field"),
        )),
        Some(v) if v.trim().is_empty() => Err(ArticleError::new(
            ArticleErrorKind::EmptyField,
            format!("article field `{field}` is empty"),
        )),
        Some(v) => Ok(v),
    }
}

/// What is wrong with an input article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ArticleErrorKind {
    /// The body is larger than [`ArticleLimits::max_bytes`], or its `html`
    /// larger than [`ArticleLimits::max_html_bytes`].
    TooLarge,
    /// The body is not UTF-8.
    NotUtf8,
    /// The body is empty, not JSON, truncated, or nested too deeply.
    NotJson,
    /// The JSON is not an object, or a field has the wrong type.
    WrongType,
    /// `id` is absent (or null), or both `text` and `html` are.
    MissingField,
    /// `id`, `text` or `html` is empty or only white space.
    EmptyField,
    /// The article's page (`html`) gave no article.
    Page(PageErrorKind),
}

impl ArticleErrorKind {
    /// A stable snake_case name, used in dead-letter headers and metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleErrorKind::TooLarge => "too_large",
            ArticleErrorKind::NotUtf8 => "not_utf8",
            ArticleErrorKind::NotJson => "not_json",
            ArticleErrorKind::WrongType => "wrong_type",
            ArticleErrorKind::MissingField => "missing_field",
            ArticleErrorKind::EmptyField => "empty_field",
            ArticleErrorKind::Page(kind) => kind.as_str(),
        }
    }
}

impl fmt::Display for ArticleErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An invalid input article: its kind and a human-readable reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ArticleError {
    kind: ArticleErrorKind,
    message: String,
}

impl ArticleError {
    fn new(kind: ArticleErrorKind, message: String) -> Self {
        Self { kind, message }
    }

    /// What class of problem this is.
    pub fn kind(&self) -> ArticleErrorKind {
        self.kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Result<Article, ArticleError> {
        Article::from_json(body.as_bytes(), &ArticleLimits::default())
    }

    #[test]
    fn accepts_a_minimal_article() {
        let a = parse(r#"{"id":"a1","text":"Hello."}"#).unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.text, "Hello.");
        assert_eq!(a.language_code(), "en");
    }

    #[test]
    fn keeps_optional_fields_and_ignores_unknown_ones() {
        let a = parse(
            r#"{"id":"a","text":"t","title":"T","url":"u","source":"s",
                "published_at":"2024-01-01","language":"en-GB","extra":[1,2]}"#,
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.language_code(), "en");
    }

    #[test]
    fn classifies_every_kind_of_bad_input() {
        let cases = [
            ("", ArticleErrorKind::NotJson),
            ("not json", ArticleErrorKind::NotJson),
            (r#"{"id":"a","text":"#, ArticleErrorKind::NotJson),
            ("[1,2,3]", ArticleErrorKind::WrongType),
            ("42", ArticleErrorKind::WrongType),
            (r#"{"id":5,"text":"x"}"#, ArticleErrorKind::WrongType),
            (r#"{"id":"a","text":["x"]}"#, ArticleErrorKind::WrongType),
            (
                r#"{"id":"a","text":"x","title":7}"#,
                ArticleErrorKind::WrongType,
            ),
            (r#"{"text":"x"}"#, ArticleErrorKind::MissingField),
            (r#"{"id":"a"}"#, ArticleErrorKind::MissingField),
            (r#"{"id":null,"text":"x"}"#, ArticleErrorKind::MissingField),
            (r#"{"id":"a","text":"  "}"#, ArticleErrorKind::EmptyField),
            (r#"{"id":"","text":"x"}"#, ArticleErrorKind::EmptyField),
        ];
        for (body, kind) in cases {
            let err = parse(body).unwrap_err();
            assert_eq!(err.kind(), kind, "{body:?}: {err}");
            assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn rejects_oversized_and_non_utf8_bodies() {
        let limits = ArticleLimits {
            max_bytes: 10,
            ..ArticleLimits::default()
        };
        let err = Article::from_json(br#"{"id":"a","text":"long text"}"#, &limits).unwrap_err();
        assert_eq!(err.kind(), ArticleErrorKind::TooLarge);
        assert!(err.to_string().contains("limit of 10 bytes"));
        let err = Article::from_json(b"{\"id\":\"\xff\"}", &ArticleLimits::default()).unwrap_err();
        assert_eq!(err.kind(), ArticleErrorKind::NotUtf8);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let body = format!(r#"{{"id":"a","text":"x","extra":{}"#, "[".repeat(100_000));
        let err = parse(&body).unwrap_err();
        assert_eq!(err.kind(), ArticleErrorKind::NotJson);
    }

    #[test]
    fn missing_field_message_names_the_field() {
        let err = parse(r#"{"id":"a"}"#).unwrap_err();
        assert!(err.to_string().contains("`text`"), "{err}");
    }

    const PAGE: &str = "<html><head><title>Bridge to be rebuilt</title>\
        <meta name=\"author\" content=\"Ola Berg\"></head><body><nav><a href=/>Home</a></nav>\
        <p>The council voted on Monday to rebuild the old bridge over the river Vell.</p>\
        <p>\"We will rebuild it,\" Mayor Jane Roe said after the vote.</p></body></html>";

    /// A message with `PAGE` as its `html` and the fields of `extra`.
    fn html_body(extra: serde_json::Value) -> String {
        let mut body = serde_json::json!({"id": "p1", "html": PAGE});
        if let serde_json::Value::Object(fields) = extra {
            body.as_object_mut().unwrap().extend(fields);
        }
        body.to_string()
    }

    #[test]
    fn an_article_with_html_gets_the_extracted_text_and_metadata() {
        let a = parse(&html_body(
            serde_json::json!({"source": "wire", "title": null}),
        ))
        .unwrap();
        assert_eq!(a.text_source, TextSource::Html);
        assert_eq!(
            a.text,
            "The council voted on Monday to rebuild the old bridge over the river Vell.\n\n\
             \"We will rebuild it,\" Mayor Jane Roe said after the vote."
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Bridge to be rebuilt"),
            "null is filled"
        );
        assert_eq!(a.byline.as_deref(), Some("Ola Berg"));
        assert_eq!(
            a.source.as_deref(),
            Some("wire"),
            "given values win over the page"
        );
        // The record: the input shape with `text`, without `html`.
        let record: serde_json::Value = serde_json::from_slice(&a.to_json()).unwrap();
        assert_eq!(record["text"], a.text.as_str());
        assert_eq!(record["byline"], "Ola Berg");
        assert!(record.get("html").is_none() && record.get("text_source").is_none());
        let again = Article::from_json(&a.to_json(), &ArticleLimits::default()).unwrap();
        assert_eq!(again.text, a.text);
        assert_eq!(again.text_source, TextSource::Given);
        assert_eq!(again.content_id(), a.content_id());
    }

    #[test]
    fn text_wins_over_html_and_costs_nothing_more() {
        let a = parse(&html_body(serde_json::json!({"text": "Given text."}))).unwrap();
        assert_eq!(a.text, "Given text.");
        assert_eq!(a.text_source, TextSource::Given);
        assert_eq!(a.title, None, "the page is not read");
        // A text article serialises as before: no `byline` key.
        let plain = parse(r#"{"id":"a1","text":"Hello."}"#).unwrap();
        assert_eq!(
            String::from_utf8(plain.to_json()).unwrap(),
            r#"{"id":"a1","text":"Hello.","title":null,"url":null,"source":null,"published_at":null,"language":null}"#
        );
    }

    #[test]
    fn bad_html_fields_are_typed_errors() {
        let cases = [
            (r#"{"id":"a","html":5}"#, ArticleErrorKind::WrongType),
            (
                r#"{"id":"a","html":["<p>x</p>"]}"#,
                ArticleErrorKind::WrongType,
            ),
            (
                r#"{"id":"a","text":"t","html":{}}"#,
                ArticleErrorKind::WrongType,
            ),
            (r#"{"id":"a","html":null}"#, ArticleErrorKind::MissingField),
            (r#"{"id":"a","html":" \n "}"#, ArticleErrorKind::EmptyField),
            (
                r#"{"id":"a","html":"<html><body></body></html>"}"#,
                ArticleErrorKind::Page(PageErrorKind::NoArticle),
            ),
            (
                r#"{"id":"a","html":"<p>\u0000\u0001</p>"}"#,
                ArticleErrorKind::Page(PageErrorKind::NotHtml),
            ),
        ];
        for (body, kind) in cases {
            let err = parse(body).unwrap_err();
            assert_eq!(err.kind(), kind, "{body}: {err}");
        }
        assert_eq!(
            ArticleErrorKind::Page(PageErrorKind::NoArticle).as_str(),
            "no_article"
        );
        let err = parse(r#"{"id":"a"}"#).unwrap_err();
        assert!(err.to_string().contains("nor `html`"), "{err}");
    }

    #[test]
    fn html_has_its_own_size_limit() {
        let limits = ArticleLimits {
            max_bytes: 100,
            max_html_bytes: 1000,
        };
        let body = html_body(serde_json::Value::Null);
        assert!(body.len() > 100 && PAGE.len() < 1000);
        let a = Article::from_json(body.as_bytes(), &limits).unwrap();
        assert_eq!(a.text_source, TextSource::Html);

        let small = ArticleLimits {
            max_bytes: 100,
            max_html_bytes: PAGE.len() - 1,
        };
        let err = Article::from_json(body.as_bytes(), &small).unwrap_err();
        assert_eq!(err.kind(), ArticleErrorKind::TooLarge);
        assert!(err.to_string().contains("`html`"), "{err}");
        assert!(err.to_string().contains("pipeline.max_html_bytes"), "{err}");
        // Over both limits together: refused before parsing.
        let huge = html_body(serde_json::json!({"pad": "x".repeat(2000)}));
        let err = Article::from_json(huge.as_bytes(), &limits).unwrap_err();
        assert_eq!(err.kind(), ArticleErrorKind::TooLarge);
        assert!(err.to_string().contains("article body is"), "{err}");
        // A text article over `max_bytes` stays too large, html or not.
        let text = format!(
            r#"{{"id":"a","text":"{}","html":"<p>x</p>"}}"#,
            "y".repeat(200)
        );
        let err = Article::from_json(text.as_bytes(), &limits).unwrap_err();
        assert_eq!(err.kind(), ArticleErrorKind::TooLarge);
        assert!(err.to_string().contains("limit of 100 bytes"), "{err}");
    }
}
