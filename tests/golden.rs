//! Golden files: the events of the project's own sample articles.
//!
//! `tests/golden/samples.events.jsonl` holds the expected events of
//! `samples/articles.jsonl`, one per line; `tests/golden/pages.jsonl` holds
//! the article records and events of the sample pages in
//! `samples/pages/` (each record, then its events). After an intended
//! pipeline or page-extraction change, regenerate them with
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

/// The sample pages as article messages, `page-NN` for
/// `samples/pages/sample-NN.html`, in file name order.
fn sample_page_messages() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("samples/pages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_str().unwrap();
            let id = stem.replace("sample-", "page-");
            let html = std::fs::read_to_string(path).unwrap();
            let body = serde_json::json!({ "id": id, "html": html }).to_string();
            (stem.to_string(), body)
        })
        .collect()
}

/// Each sample page's article record, then its events.
fn sample_page_lines() -> Vec<String> {
    let pipeline = Pipeline::english();
    let mut out = Vec::new();
    for (_, body) in sample_page_messages() {
        let article = Article::from_json_str(&body).unwrap();
        out.push(String::from_utf8(article.to_json()).unwrap());
        for event in pipeline.events(&article).unwrap() {
            out.push(String::from_utf8(event.to_json()).unwrap());
        }
    }
    out
}

/// Compares `actual` with the golden file at `name`, or rewrites the file
/// when QUOTEWIRE_BLESS is set.
fn check_golden(name: &str, actual: &[String]) {
    let path = root().join("tests/golden").join(name);
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
        "{} line(s) differ from {} (QUOTEWIRE_BLESS=1 regenerates it after an intended change):\n{}",
        diffs.len(),
        path.display(),
        diffs.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn sample_events_match_the_golden_file() {
    check_golden("samples.events.jsonl", &sample_events());
}

#[test]
fn sample_pages_match_the_golden_file() {
    check_golden("pages.jsonl", &sample_page_lines());
}

/// Statement identity across texts: kind, content, cue and speaker.
fn statements(article: &Article) -> Vec<(String, String, Option<String>, Option<String>)> {
    Pipeline::english()
        .events(article)
        .unwrap()
        .into_iter()
        .map(|e| {
            (
                e.kind.as_str().to_string(),
                e.content.text.into_owned(),
                e.cue.map(|c| c.text.into_owned()),
                e.speaker.name.map(|n| n.into_owned()),
            )
        })
        .collect()
}

/// Each sample page wraps the sample article of the same number: its text
/// is the article's paragraphs without the scraping junk (ads, share and
/// correction lines, which the page holds in their own elements), and it
/// gives the same statements.
#[test]
fn sample_pages_give_the_sample_articles_text_and_statements() {
    let samples = std::fs::read_to_string(root().join("samples/articles.jsonl")).unwrap();
    let samples: Vec<Article> = samples
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Article::from_json_str(l).unwrap())
        .collect();
    let messages = sample_page_messages();
    assert!(messages.len() >= 2);
    for (stem, body) in messages {
        let page = Article::from_json_str(&body).unwrap();
        let sample = samples.iter().find(|a| a.id == stem).unwrap();
        let junk = |p: &&str| {
            matches!(*p, "Advertisement" | "Share this article")
                || p.starts_with("To suggest a correction")
        };
        let expected: Vec<&str> = sample.text.split("\n\n").filter(|p| !junk(p)).collect();
        let got: Vec<&str> = page.text.split("\n\n").collect();
        assert_eq!(got, expected, "{stem}: the page's text");
        assert_eq!(page.title, sample.title, "{stem}: title");
        assert_eq!(
            page.published_at, sample.published_at,
            "{stem}: published_at"
        );
        assert!(page
            .url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://")));
        assert!(page.byline.is_some() && page.source.is_some(), "{stem}");
        assert_eq!(statements(&page), statements(sample), "{stem}: statements");
    }
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
