//! Stage 0: the input article, as upstream publishes it.
//!
//! An article arrives as one JSON object (a queue message body or one line of
//! a JSON-lines file). [`Article::from_json`] checks it completely before
//! anything else runs, so every later stage can rely on a non-empty `text`
//! and an `id`. Every way an input can be wrong has its own
//! [`ArticleErrorKind`], which the worker turns into a dead-letter reason.

use serde::Deserialize;
use std::fmt;

/// Default upper bound for one article's JSON body: 2 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Limits applied when an article is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleLimits {
    /// Largest accepted JSON body, in bytes.
    pub max_bytes: usize,
}

impl Default for ArticleLimits {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// One news article: the unit of work of the pipeline.
///
/// Offsets in every statement event are Unicode code point offsets into
/// [`Article::text`], exactly as received.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Article {
    /// Upstream identifier; required and non-empty.
    pub id: String,
    /// The article body as plain text, paragraphs separated by blank lines;
    /// required and non-empty.
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
}

/// Raw shape used for decoding: required fields are optional here so that a
/// missing field gets its own error kind instead of serde's generic message.
#[derive(Deserialize)]
struct RawArticle {
    id: Option<String>,
    text: Option<String>,
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
}

impl Article {
    /// Decodes and validates one article from a JSON body.
    ///
    /// Never panics: any input, however malformed, gives either an article
    /// or an [`ArticleError`] that says what is wrong with it.
    pub fn from_json(body: &[u8], limits: &ArticleLimits) -> Result<Article, ArticleError> {
        if body.len() > limits.max_bytes {
            return Err(ArticleError::new(
                ArticleErrorKind::TooLarge,
                format!(
                    "article body is {} bytes, over the limit of {} bytes",
                    body.len(),
                    limits.max_bytes
                ),
            ));
        }
        let body = std::str::from_utf8(body).map_err(|e| {
            ArticleError::new(
                ArticleErrorKind::NotUtf8,
                format!("article body is not valid UTF-8: {e}"),
            )
        })?;
        Self::from_json_str(body)
    }

    /// Like [`Article::from_json`] for a body that is already text; applies
    /// no size limit.
    pub fn from_json_str(body: &str) -> Result<Article, ArticleError> {
        if body.trim().is_empty() {
            return Err(ArticleError::new(
                ArticleErrorKind::NotJson,
                "article body is empty".to_string(),
            ));
        }
        let raw: RawArticle = serde_json::from_str(body).map_err(|e| {
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
        })?;
        let id = required(raw.id, "id")?;
        let text = required(raw.text, "text")?;
        Ok(Article {
            id,
            text,
            title: raw.title,
            url: raw.url,
            source: raw.source,
            published_at: raw.published_at,
            language: raw.language,
        })
    }

    /// The language code the pipeline should assume: `language` lower-cased
    /// and cut to its primary subtag (`en-GB` → `en`), or `en` when absent.
    pub fn language_code(&self) -> &str {
        match self.language.as_deref().map(str::trim) {
            None | Some("") => "en",
            Some(code) => code.split(['-', '_']).next().unwrap_or(code),
        }
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
    /// The body is larger than [`ArticleLimits::max_bytes`].
    TooLarge,
    /// The body is not UTF-8.
    NotUtf8,
    /// The body is empty, not JSON, truncated, or nested too deeply.
    NotJson,
    /// The JSON is not an object, or a field has the wrong type.
    WrongType,
    /// `id` or `text` is absent (or null).
    MissingField,
    /// `id` or `text` is empty or only white space.
    EmptyField,
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
        let limits = ArticleLimits { max_bytes: 10 };
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
}
