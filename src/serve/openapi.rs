//! The OpenAPI 3.1 document of `quotewire serve`, served at `/openapi.json`.
//!
//! The statement event schema is not restated: the document embeds
//! `schema/statement-event.v1.json` (the one a test validates every event
//! against) as the component `StatementEvent`, its `$defs` moved to
//! components of their own. The request schema describes exactly what
//! [`crate::Article::from_json`] accepts, so that a generated valid body is
//! accepted and a generated invalid one is refused (schemathesis checks
//! both ways, see `scripts/fuzz-api.sh`).

use serde_json::{json, Map, Value};
use std::sync::LazyLock;

/// The statement event JSON Schema, served at `/v1/schema`.
pub const EVENT_SCHEMA: &str = include_str!("../../schema/statement-event.v1.json");

/// The characters `str::trim` removes (Unicode `White_Space`), as a regex
/// class body; a field "is empty" when it holds nothing else.
const WHITE_SPACE: &str = r"\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// The document, built once.
pub fn document() -> &'static Value {
    static DOCUMENT: LazyLock<Value> = LazyLock::new(build);
    &DOCUMENT
}

fn build() -> Value {
    let mut components = Map::new();
    let mut event: Value =
        serde_json::from_str(EVENT_SCHEMA).expect("the event schema is valid JSON");
    if let Value::Object(schema) = &mut event {
        schema.remove("$schema");
        schema.remove("$id");
        if let Some(Value::Object(defs)) = schema.remove("$defs") {
            for (name, mut def) in defs {
                rewrite_refs(&mut def);
                components.insert(def_name(&name), def);
            }
        }
    }
    rewrite_refs(&mut event);
    components.insert("StatementEvent".into(), event);
    components.insert("ArticleInput".into(), article_input());
    components.insert("Article".into(), article_output());
    components.insert("Extraction".into(), extraction());
    components.insert("Error".into(), error());

    let error_response = |description: &str| {
        json!({
            "description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        })
    };
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "quotewire",
            "version": crate::event::EXTRACTOR_VERSION,
            "description": "Who said what: statement events from news articles. POST one article, get its statements; the events are exactly those the worker publishes for the same article as a queue message. Offsets are Unicode code point offsets into the article's text."
        },
        "paths": {
            "/v1/extract": {
                "post": {
                    "operationId": "extract",
                    "summary": "Extract the statements of one article",
                    "description": "The body is one article, in the same shape as a queue message, decoded and checked exactly as the worker does (same size limit, pipeline.max_article_bytes, and the same error kinds as its dead letters). `Content-Encoding: gzip` is accepted like the message property `content_encoding`.",
                    "requestBody": {
                        "required": true,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArticleInput"}}}
                    },
                    "responses": {
                        "200": {
                            "description": "The article as decoded, and its statement events in text order.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Extraction"}}}
                        },
                        "400": error_response("Not an article: not_json, not_utf8, wrong_type, missing_field, empty_field, unsupported_language, bad_gzip, bad_body, or a page with no article: not_html, too_deep, no_article."),
                        "408": error_response("request_timeout: the body did not arrive within serve.request_timeout_ms."),
                        "413": error_response("too_large: the body (or its gzip decompression) is over pipeline.max_article_bytes plus pipeline.max_html_bytes, or a field is over its own limit."),
                        "415": error_response("unsupported_content_type (not application/json) or unsupported_encoding (a Content-Encoding other than gzip or identity).")
                    }
                }
            },
            "/v1/schema": {
                "get": {
                    "operationId": "eventSchema",
                    "summary": "The statement event JSON Schema (draft 2020-12)",
                    "responses": {
                        "200": {
                            "description": "schema/statement-event.v1.json",
                            "content": {"application/schema+json": {"schema": {"type": "object"}}}
                        }
                    }
                }
            },
            "/v1/samples": {
                "get": {
                    "operationId": "samples",
                    "summary": "The sample articles bundled with quotewire",
                    "responses": {
                        "200": {
                            "description": "Articles, each a valid body for POST /v1/extract.",
                            "content": {"application/json": {"schema": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/ArticleInput"}
                            }}}
                        }
                    }
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document",
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1",
                            "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "paths"]}}}
                        }
                    }
                }
            },
            "/": {
                "get": {
                    "operationId": "inspectPage",
                    "summary": "The inspect page: paste an article, see its statements",
                    "responses": {
                        "200": {"description": "HTML", "content": {"text/html": {"schema": {"type": "string"}}}}
                    }
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "Liveness",
                    "responses": {
                        "200": {"description": "ok", "content": {"text/plain": {"schema": {"type": "string"}}}}
                    }
                }
            },
            "/metrics": {
                "get": {
                    "operationId": "metrics",
                    "summary": "Prometheus metrics (OpenMetrics text)",
                    "responses": {
                        "200": {"description": "Metrics", "content": {"application/openmetrics-text": {"schema": {"type": "string"}}}}
                    }
                }
            }
        },
        "components": {"schemas": Value::Object(components)}
    })
}

/// `$defs` entry `span` becomes component `EventSpan`.
fn def_name(name: &str) -> String {
    let mut out = String::from("Event");
    let mut chars = name.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.extend(chars);
    }
    out
}

fn rewrite_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match (key.as_str(), v) {
                    ("$ref", Value::String(target)) => {
                        if let Some(name) = target.strip_prefix("#/$defs/") {
                            *target = format!("#/components/schemas/{}", def_name(name));
                        }
                    }
                    (_, v) => rewrite_refs(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

fn optional_string(description: &str) -> Value {
    json!({"type": ["string", "null"], "description": description})
}

fn article_input() -> Value {
    let non_blank = format!("[^{WHITE_SPACE}]");
    // `language_code()`: trimmed, cut at the first `-` or `_`, compared
    // with `en` ignoring ASCII case; empty means English.
    let english = format!("^[{WHITE_SPACE}]*([eE][nN]([-_][\\s\\S]*)?)?[{WHITE_SPACE}]*$");
    json!({
        "type": "object",
        "description": "One article, as a queue message carries it: its `text`, or the page as served in `html` (then the body is extracted from it; `text` wins when both are given). Unknown properties are ignored.",
        "required": ["id"],
        "anyOf": [
            {"required": ["text"], "properties": {"text": {"type": "string", "pattern": non_blank}}},
            {"required": ["html"], "properties": {"html": {"type": "string"}}}
        ],
        "properties": {
            "id": {"type": "string", "pattern": non_blank, "description": "Upstream id; not empty or only white space."},
            "text": {"type": ["string", "null"], "description": "The article body as plain text, one paragraph a line; not empty or only white space."},
            "html": {"type": ["string", "null"], "description": "The page as served (at most pipeline.max_html_bytes); used when `text` is absent."},
            "title": optional_string("Headline."),
            "url": optional_string("Canonical URL."),
            "source": optional_string("Publisher or feed."),
            "published_at": optional_string("Publication time as given upstream (not parsed)."),
            "language": {
                "type": ["string", "null"],
                "pattern": english,
                "description": "ISO 639-1 code, possibly with a region (en, en-GB); absent, null or empty means English, the only language with a lexicon."
            }
        },
        "additionalProperties": true
    })
}

fn article_output() -> Value {
    json!({
        "type": "object",
        "description": "The article as decoded: `text` is what every offset counts into.",
        "required": ["id", "text", "title", "url", "source", "published_at", "language"],
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "title": {"type": ["string", "null"]},
            "url": {"type": ["string", "null"]},
            "source": {"type": ["string", "null"]},
            "published_at": {"type": ["string", "null"]},
            "language": {"type": ["string", "null"]}
        },
        "additionalProperties": true
    })
}

fn extraction() -> Value {
    json!({
        "type": "object",
        "required": ["article", "events"],
        "properties": {
            "article": {"$ref": "#/components/schemas/Article"},
            "events": {"type": "array", "items": {"$ref": "#/components/schemas/StatementEvent"}}
        },
        "additionalProperties": false
    })
}

fn error() -> Value {
    json!({
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["kind", "message"],
                "properties": {
                    "kind": {
                        "type": "string",
                        "pattern": "^[a-z][a-z0-9_]*$",
                        "description": "Stable snake_case kind: the worker's dead-letter kinds (not_json, not_utf8, wrong_type, missing_field, empty_field, too_large, unsupported_language, unsupported_encoding, bad_gzip) and unsupported_content_type, request_timeout, bad_body, not_found."
                    },
                    "message": {"type": "string", "description": "Human-readable reason."}
                },
                "additionalProperties": false
            }
        },
        "additionalProperties": false
    })
}
