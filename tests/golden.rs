//! Golden files: the events of the project's own sample articles.
//!
//! `tests/golden/samples.events.jsonl` holds the expected events of
//! `samples/articles.jsonl`, one per line. After an intended pipeline
//! change, regenerate it with
//!
//! ```text
//! QUOTEWIRE_BLESS=1 cargo test --test golden
//! ```
//!
//! and review the diff like code: every changed line is a changed event.

use quotewire::{Article, Pipeline};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample_events() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("samples/articles.jsonl")).unwrap();
    let pipeline = Pipeline::english();
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let article = Article::from_json_str(line).unwrap();
        for event in pipeline.events(&article).unwrap() {
            out.push(String::from_utf8(event.to_json()).unwrap());
        }
    }
    out
}

#[test]
fn sample_events_match_the_golden_file() {
    let path = root().join("tests/golden/samples.events.jsonl");
    let actual = sample_events();
    if std::env::var_os("QUOTEWIRE_BLESS").is_some() {
        std::fs::write(&path, actual.join("\n") + "\n").unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(&path).expect("golden file missing: run with QUOTEWIRE_BLESS=1");
    let expected: Vec<&str> = expected.lines().collect();
    let mut diffs = Vec::new();
    for i in 0..expected.len().max(actual.len()) {
        let (e, a) = (expected.get(i).copied(), actual.get(i).map(String::as_str));
        if e != a {
            diffs.push(format!(
                "line {}:\n  expected {}\n  actual   {}",
                i + 1,
                e.unwrap_or("<none>"),
                a.unwrap_or("<none>")
            ));
        }
    }
    assert!(
        diffs.is_empty(),
        "{} event(s) differ from {} (QUOTEWIRE_BLESS=1 regenerates it after an intended change):\n{}",
        diffs.len(),
        path.display(),
        diffs.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn samples_exercise_every_kind_and_resolution() {
    let events: Vec<serde_json::Value> = sample_events()
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let has = |key: &str, value: &str| {
        events.iter().any(|e| {
            let v = match (key, value) {
                ("kind", "direct" | "indirect" | "mixed") => &e["kind"],
                _ => &e["speaker"][key],
            };
            v.as_str() == Some(value)
        })
    };
    for kind in ["direct", "indirect", "mixed"] {
        assert!(has("kind", kind), "no {kind} statement in the samples");
    }
    for by in ["name", "surname", "pronoun", "title", "previous_statement"] {
        assert!(
            has("resolved_by", by),
            "no speaker resolved by {by} in the samples"
        );
    }
    for kind in ["person", "organization", "group"] {
        assert!(has("kind", kind), "no {kind} speaker in the samples");
    }
}

#[test]
fn event_ids_are_deterministic_and_unique() {
    let a = sample_events();
    let b = sample_events();
    assert_eq!(a, b);
    let ids: std::collections::HashSet<String> = a
        .iter()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["event_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), a.len(), "two events share an id");
}
