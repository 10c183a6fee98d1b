//! The wire contract: every event validates against
//! `schema/statement-event.v1.json`, and its spans slice the article text;
//! every article record validates against `schema/article.v1.json`.
//!
//! The schema is checked both ways: hand-made events (every optional field
//! set, every optional field null) must pass, and broken ones must fail, so a
//! schema that accepts anything cannot pass this test. Then every event the
//! pipeline produces for the sample articles in `samples/articles.jsonl` is
//! validated and its spans are checked against the text, counted in code
//! points independently of the library's own offset conversion.

use quotewire::event::{
    event_id, ArticleRef, Attribution, Extractor, Range, ResolvedBy, Speaker, SpeakerKind,
    StatementKind, TextSpan, SCHEMA_VERSION,
};
use quotewire::pipeline::Attributions;
use quotewire::{Article, Pipeline, StatementEvent};
use serde_json::Value;
use std::borrow::Cow;
use std::path::PathBuf;

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

const EVENT_SCHEMA: &str = "schema/statement-event.v1.json";
const ARTICLE_SCHEMA: &str = "schema/article.v1.json";

fn schema() -> Value {
    schema_at(EVENT_SCHEMA)
}

fn schema_at(file: &str) -> Value {
    let path = repo_file(file);
    let body = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the schema compiles")
}

fn article_validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema_at(ARTICLE_SCHEMA)).expect("the schema compiles")
}

/// The schema's validation errors for `instance`, one line each.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errs = errors(validator, instance);
    assert!(
        errs.is_empty(),
        "{what} does not match the schema:\n  {}\nevent: {instance}",
        errs.join("\n  ")
    );
}

fn as_json(event: &StatementEvent<'_>) -> Value {
    serde_json::from_slice(&event.to_json()).expect("to_json gives JSON")
}

/// `text[start..end]` in Unicode code points, or `None` if out of range.
fn slice_chars(text: &str, start: usize, end: usize) -> Option<String> {
    if start > end || end > text.chars().count() {
        return None;
    }
    Some(text.chars().skip(start).take(end - start).collect())
}

const TEXT: &str =
    "“We will rebuild,” said Mayor Jane Roe, who told reporters it’s “only a start.”";

fn span<'a>(text: &'a str, needle: &str) -> TextSpan<'a> {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    TextSpan {
        text: Cow::Borrowed(&text[byte..byte + needle.len()]),
        start,
        end: start + needle.chars().count(),
    }
}

/// An event with every optional field set.
fn full_event() -> StatementEvent<'static> {
    StatementEvent {
        schema_version: SCHEMA_VERSION,
        event_id: event_id(
            "sample-full",
            quotewire::event::text_digest(TEXT),
            &[0, 1, 17],
        ),
        article: ArticleRef {
            id: Cow::Borrowed("sample-full"),
            url: Some(Cow::Borrowed("https://news.example/ruritania/bridge")),
            source: Some(Cow::Borrowed("quotewire samples")),
            title: Some(Cow::Borrowed("Varnholm mayor promises to rebuild")),
            published_at: Some(Cow::Borrowed("2026-06-02T11:20:00Z")),
            language: Cow::Borrowed("en"),
        },
        kind: StatementKind::Direct,
        attribution: Attribution::Speech,
        content: span(TEXT, "We will rebuild,"),
        cue: Some(span(TEXT, "said")),
        speaker: Speaker {
            name: Some(Cow::Borrowed("Jane Roe")),
            kind: SpeakerKind::Person,
            mention: Some(span(TEXT, "Mayor Jane Roe")),
            resolved_by: ResolvedBy::Name,
            title: Some(Cow::Borrowed("Mayor")),
            affiliation: Some(Cow::Borrowed("Varnholm")),
        },
        addressee: Some(Cow::Borrowed("reporters")),
        sentence: Range {
            start: 0,
            end: TEXT.chars().count(),
        },
        confidence: 0.9,
        extractor: Extractor::default(),
    }
}

/// An event with every optional field null.
fn null_event() -> StatementEvent<'static> {
    StatementEvent {
        schema_version: SCHEMA_VERSION,
        event_id: event_id(
            "sample-null",
            quotewire::event::text_digest(TEXT),
            &[2, 64, 76],
        ),
        article: ArticleRef {
            id: Cow::Borrowed("sample-null"),
            url: None,
            source: None,
            title: None,
            published_at: None,
            language: Cow::Borrowed("en"),
        },
        kind: StatementKind::Mixed,
        attribution: Attribution::Belief,
        content: span(TEXT, "it’s “only a start.”"),
        cue: None,
        speaker: Speaker {
            name: None,
            kind: SpeakerKind::Unknown,
            mention: None,
            resolved_by: ResolvedBy::None,
            title: None,
            affiliation: None,
        },
        addressee: None,
        sentence: Range { start: 0, end: 0 },
        confidence: 0.0,
        extractor: Extractor::default(),
    }
}

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    for file in [EVENT_SCHEMA, ARTICLE_SCHEMA] {
        let schema = schema_at(file);
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{file} declares draft 2020-12"
        );
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("{file} is not a valid JSON Schema: {e}");
        }
    }
}

#[test]
fn every_property_is_documented() {
    fn walk(node: &Value, path: &str, missing: &mut Vec<String>) {
        let Some(object) = node.as_object() else {
            return;
        };
        if let Some(properties) = object.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                let here = format!("{path}/{name}");
                if property
                    .get("description")
                    .and_then(Value::as_str)
                    .is_none()
                {
                    missing.push(here.clone());
                }
                walk(property, &here, missing);
            }
        }
        if let Some(defs) = object.get("$defs").and_then(Value::as_object) {
            for (name, def) in defs {
                walk(def, &format!("{path}/$defs/{name}"), missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk(&schema(), "", &mut missing);
    walk(&schema_at(ARTICLE_SCHEMA), ARTICLE_SCHEMA, &mut missing);
    assert!(
        missing.is_empty(),
        "properties without a description: {missing:?}"
    );
}

#[test]
fn hand_made_events_match_the_schema() {
    let validator = validator();
    for (what, event) in [("full event", full_event()), ("null event", null_event())] {
        let json = as_json(&event);
        assert_valid(&validator, &json, what);
        check_spans(TEXT, &event, what);
    }
    // Every optional field really is set in one and null in the other.
    let full = as_json(&full_event());
    let null = as_json(&null_event());
    for pointer in [
        "/article/url",
        "/article/source",
        "/article/title",
        "/article/published_at",
        "/cue",
        "/speaker/name",
        "/speaker/mention",
        "/speaker/title",
        "/speaker/affiliation",
        "/addressee",
    ] {
        assert!(
            !full.pointer(pointer).expect(pointer).is_null(),
            "{pointer} is set"
        );
        assert!(
            null.pointer(pointer).expect(pointer).is_null(),
            "{pointer} is null"
        );
    }
}

/// One way to break a valid event.
type Breakage = fn(&mut Value);

#[test]
fn broken_events_are_rejected() {
    let validator = validator();
    let good = as_json(&full_event());
    assert_valid(&validator, &good, "full event");

    let broken: Vec<(&str, Breakage)> = vec![
        ("kind \"yes\"", |e| e["kind"] = "yes".into()),
        ("attribution \"opinion\"", |e| {
            e["attribution"] = "opinion".into()
        }),
        ("attribution null", |e| e["attribution"] = Value::Null),
        ("negative content start", |e| {
            e["content"]["start"] = (-1).into()
        }),
        ("fractional cue end", |e| e["cue"]["end"] = 1.5.into()),
        ("missing event_id", |e| {
            drop(e.as_object_mut().unwrap().remove("event_id"))
        }),
        ("schema_version 2", |e| e["schema_version"] = 2.into()),
        ("upper-case event_id", |e| {
            e["event_id"] = "ABCDEF0123456789ABCDEF0123456789".into()
        }),
        ("short event_id", |e| e["event_id"] = "abc123".into()),
        ("empty article id", |e| e["article"]["id"] = "".into()),
        ("article url a number", |e| e["article"]["url"] = 7.into()),
        ("missing addressee", |e| {
            drop(e.as_object_mut().unwrap().remove("addressee"))
        }),
        ("span without text", |e| {
            drop(e["content"].as_object_mut().unwrap().remove("text"))
        }),
        ("speaker kind robot", |e| {
            e["speaker"]["kind"] = "robot".into()
        }),
        ("resolved_by guess", |e| {
            e["speaker"]["resolved_by"] = "guess".into()
        }),
        ("mention a bare string", |e| {
            e["speaker"]["mention"] = "Roe".into()
        }),
        ("confidence above 1", |e| e["confidence"] = 1.5.into()),
        ("negative sentence end", |e| {
            e["sentence"]["end"] = (-3).into()
        }),
        ("another extractor", |e| {
            e["extractor"]["name"] = "quotebot".into()
        }),
    ];
    for (what, breaks) in broken {
        let mut event = good.clone();
        breaks(&mut event);
        assert!(
            !validator.is_valid(&event),
            "the schema accepts a broken event ({what}): {event}"
        );
        assert!(
            !errors(&validator, &event).is_empty(),
            "{what}: no error reported"
        );
    }
}

/// Every span slices the article text exactly, in code points.
fn check_spans(text: &str, event: &StatementEvent<'_>, what: &str) {
    let mut spans = vec![("content", &event.content)];
    spans.extend(event.cue.as_ref().map(|s| ("cue", s)));
    spans.extend(
        event
            .speaker
            .mention
            .as_ref()
            .map(|s| ("speaker mention", s)),
    );
    for (name, span) in spans {
        let sliced = slice_chars(text, span.start, span.end);
        assert_eq!(
            sliced.as_deref(),
            Some(span.text.as_ref()),
            "{what}: {name} {}..{} does not slice the article text to {:?}",
            span.start,
            span.end,
            span.text
        );
    }
    assert!(
        slice_chars(text, event.sentence.start, event.sentence.end).is_some(),
        "{what}: sentence {}..{} is outside the text",
        event.sentence.start,
        event.sentence.end
    );
}

fn sample_articles() -> Vec<Article> {
    let path = repo_file("samples/articles.jsonl");
    let body = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    body.lines()
        .filter(|line| !line.trim().is_empty())
        .enumerate()
        .map(|(n, line)| {
            Article::from_json_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}

#[test]
fn pipeline_events_for_the_samples_match_the_schema_and_the_text() {
    let articles = sample_articles();
    assert!(
        articles.len() >= 6,
        "expected the sample articles, found {}",
        articles.len()
    );
    let validator = validator();
    // Every attribution class, so that each one's events are checked.
    let pipeline = Pipeline::english().with_attributions(Attributions::ALL);
    let mut total = 0;
    for article in &articles {
        let events = pipeline
            .events(article)
            .unwrap_or_else(|e| panic!("{}: {e}", article.id));
        for (i, event) in events.iter().enumerate() {
            let what = format!("{} event #{i}", article.id);
            let json = as_json(event);
            assert_valid(&validator, &json, &what);
            assert!(
                json["attribution"].is_string(),
                "{what}: every event carries its attribution class"
            );
            assert_eq!(event.article.id, article.id, "{what}: article id");
            check_spans(&article.text, event, &what);
        }
        // Ids are deterministic: a second run gives the same ones.
        let again: Vec<String> = pipeline
            .events(article)
            .unwrap_or_else(|e| panic!("{}: {e}", article.id))
            .into_iter()
            .map(|e| e.event_id)
            .collect();
        let first: Vec<&str> = events.iter().map(|e| e.event_id.as_str()).collect();
        assert_eq!(
            first, again,
            "{}: event ids differ between runs",
            article.id
        );
        total += events.len();
    }
    eprintln!(
        "{total} pipeline events from {} sample articles validated",
        articles.len()
    );
}

#[test]
fn sample_gold_spans_slice_the_sample_texts() {
    let articles = sample_articles();
    let path = repo_file("samples/gold.jsonl");
    let body = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = 0;
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        let gold: Value = serde_json::from_str(line).expect("gold line is JSON");
        let id = gold["article_id"].as_str().expect("article_id");
        let article = articles
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("gold for unknown article {id}"));
        let statements = gold["statements"].as_array().expect("statements");
        assert!(!statements.is_empty(), "{id}: no gold statements");
        for (i, st) in statements.iter().enumerate() {
            for (field, start, end) in [
                ("content", "content_start", "content_end"),
                (
                    "speaker_mention",
                    "speaker_mention_start",
                    "speaker_mention_end",
                ),
                ("cue", "cue_start", "cue_end"),
            ] {
                let Some(expected) = st[field].as_str() else {
                    assert!(
                        st[start].is_null() && st[end].is_null(),
                        "{id} #{i}: {field} is null but has offsets"
                    );
                    continue;
                };
                let (s, e) = (
                    st[start].as_u64().expect("start offset") as usize,
                    st[end].as_u64().expect("end offset") as usize,
                );
                assert_eq!(
                    slice_chars(&article.text, s, e).as_deref(),
                    Some(expected),
                    "{id} #{i}: {field} {s}..{e}"
                );
            }
        }
    }
    assert_eq!(lines, articles.len(), "one gold line per sample article");
}

#[test]
#[should_panic(expected = "does not slice the article text")]
fn byte_offsets_are_caught() {
    // "We will rebuild," starts after a three-byte curly quote: byte offsets
    // are off by two from code point offsets and must be reported.
    let mut event = full_event();
    let byte = TEXT.find("We will rebuild,").unwrap();
    event.content.start = byte;
    event.content.end = byte + "We will rebuild,".len();
    check_spans(TEXT, &event, "byte-offset event");
}

/// Article records: the sample pages' records and a text article's record
/// match the schema; broken records do not.
#[test]
fn article_records_match_the_article_schema() {
    let validator = article_validator();
    let pages = std::fs::read_dir(repo_file("samples/pages")).unwrap();
    let mut checked = 0;
    for path in pages.map(|e| e.unwrap().path()) {
        let html = std::fs::read_to_string(&path).unwrap();
        let body = serde_json::json!({"id": "p", "html": html}).to_string();
        let record: Value =
            serde_json::from_slice(&Article::from_json_str(&body).unwrap().to_json()).unwrap();
        assert!(record["byline"].is_string(), "{}", path.display());
        assert_valid(&validator, &record, &path.display().to_string());
        checked += 1;
    }
    assert!(checked >= 2);
    for article in sample_articles() {
        let record: Value = serde_json::from_slice(&article.to_json()).unwrap();
        assert_valid(&validator, &record, &article.id);
    }
    let good: Value = serde_json::from_slice(&sample_articles()[0].to_json()).unwrap();
    let broken = [
        ("no text", serde_json::json!({"text": null})),
        ("blank text", serde_json::json!({"text": "  "})),
        ("blank id", serde_json::json!({"id": ""})),
        ("title a number", serde_json::json!({"title": 7})),
        ("byline null", serde_json::json!({"byline": null})),
        ("with its page", serde_json::json!({"html": "<p>x</p>"})),
    ];
    for (what, change) in broken {
        let mut record = good.clone();
        for (key, value) in change.as_object().unwrap() {
            if value.is_null() && key == "text" {
                record.as_object_mut().unwrap().remove(key);
            } else {
                record[key] = value.clone();
            }
        }
        assert!(
            !errors(&validator, &record).is_empty(),
            "a record with {what} passed: {record}"
        );
    }
}
