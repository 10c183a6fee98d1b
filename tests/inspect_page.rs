//! The inspect page in a real headless Chromium.
//!
//! Starts `quotewire serve` in process, runs `tests/browser/inspect.mjs`
//! (playwright-core driving Debian's `/usr/bin/chromium`), which pastes a
//! sample article, submits it, hovers, clicks and tabs, and reports what the
//! page shows; this test checks that report against the pipeline's own
//! events: one highlighted statement per event, each speaker listed with
//! its number of statements, filters by click and by keyboard, details on
//! hover, nothing wider than a phone. The screenshot lands in
//! `target/inspect-page.png`; with `QUOTEWIRE_BLESS=1` it also replaces
//! `docs/inspect.png`.
//!
//! It needs node, Chromium and `tests/browser/node_modules`:
//! `scripts/ensure-browser.sh` installs them (`scripts/test.sh` runs it).

use quotewire::metrics::Metrics;
use quotewire::serve::{self, ServeConfig, ServeState};
use quotewire::{Article, ArticleLimits, Pipeline};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

const SETUP_HELP: &str =
    "run scripts/ensure-browser.sh (scripts/test.sh does) to install node, Chromium and playwright-core";

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn chromium() -> PathBuf {
    std::env::var_os("QUOTEWIRE_CHROMIUM").map_or_else(|| "/usr/bin/chromium".into(), PathBuf::from)
}

/// The sample article the page is tried on: the one with most speakers.
fn sample() -> Value {
    let text = std::fs::read_to_string(repo_file("samples/articles.jsonl")).unwrap();
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|a| a["id"] == "sample-03")
        .expect("sample-03 is in samples/articles.jsonl")
}

#[test]
fn inspect_page_marks_every_statement_in_a_real_browser() {
    assert!(
        chromium().exists(),
        "no {}: {SETUP_HELP}",
        chromium().display()
    );
    let script = repo_file("tests/browser/inspect.mjs");
    assert!(
        repo_file("tests/browser/node_modules/playwright-core").exists(),
        "playwright-core is not installed: {SETUP_HELP}"
    );

    // The server, in process, on a free port.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let config = ServeConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        limits: ArticleLimits::default(),
        concurrency: 2,
        request_timeout: Duration::from_secs(30),
        max_connections: 16,
    };
    let state = Arc::new(ServeState::new(
        &config,
        Arc::new(Pipeline::english()),
        Arc::new(Metrics::new()),
        "",
    ));
    let stop = tokio_util::sync::CancellationToken::new();
    let (addr, _server) = runtime
        .block_on(serve::serve(&config, state, stop.clone()))
        .unwrap();

    // What the page must show, from the pipeline directly: the page sends
    // the pasted text as {"id": "inspect", "text": …, "title": …}.
    let sample = sample();
    let article = Article {
        title: sample["title"].as_str().map(String::from),
        ..Article::new("inspect", sample["text"].as_str().unwrap())
    };
    let events = Pipeline::english().events(&article).unwrap();
    let n = events.len();
    let mut per_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, event) in events.iter().enumerate() {
        let key = event.speaker.name.as_deref().unwrap_or("").to_string();
        per_speaker.entry(key).or_default().push(i);
    }

    let dir = tempfile::tempdir().unwrap();
    let article_file = dir.path().join("article.json");
    std::fs::write(&article_file, sample.to_string()).unwrap();
    let screenshot = repo_file("target/inspect-page.png");
    let out = Command::new("node")
        .arg(&script)
        .arg(format!("http://{addr}/"))
        .arg(&article_file)
        .arg(&screenshot)
        .env("QUOTEWIRE_CHROMIUM", chromium())
        .output()
        .unwrap_or_else(|e| panic!("cannot run node ({e}): {SETUP_HELP}"));
    stop.cancel();
    assert!(
        out.status.success(),
        "the browser script failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no report ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    let indices = |v: &Value| -> Vec<usize> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap() as usize)
            .collect()
    };

    // Every event is one highlighted statement, in the article's own text.
    assert!(n >= 10, "a sample with many statements");
    assert_eq!(report["statementsOnPage"], n);
    assert_eq!(indices(&report["highlighted"]), (0..n).collect::<Vec<_>>());
    assert_eq!(report["renderedText"], sample["text"]);
    assert!(report["summary"]
        .as_str()
        .unwrap()
        .contains(&format!("{n} statements by {} speakers", per_speaker.len())));
    assert!(report["marks"]["cue"].as_u64().unwrap() > 0);
    assert!(report["marks"]["mention"].as_u64().unwrap() > 0);

    // Each speaker once, with their number of statements.
    let listed: BTreeMap<String, (u64, String)> = report["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let key = s["key"].as_str().unwrap().to_string();
            let count = s["count"].as_u64().unwrap();
            (key, (count, s["countText"].as_str().unwrap().to_string()))
        })
        .collect();
    assert_eq!(listed.len(), per_speaker.len(), "{listed:?}");
    for (key, statements) in &per_speaker {
        let (count, text) = &listed[key];
        assert_eq!(*count as usize, statements.len(), "speaker {key:?}");
        let plural = if statements.len() == 1 { "" } else { "s" };
        assert_eq!(text, &format!("{} statement{plural}", statements.len()));
    }

    // Hover: kind, cue, confidence and resolution of the first statement.
    let tooltip = report["hoverTooltip"].as_str().unwrap();
    let first = &events[0];
    for part in [
        first.kind.as_str().to_string(),
        format!("{:.2}", first.confidence),
        first
            .cue
            .as_ref()
            .map_or("none".into(), |c| format!("“{}”", c.text)),
        "Resolved".to_string(),
    ] {
        assert!(tooltip.contains(&part), "{part:?} not in {tooltip:?}");
    }
    assert_eq!(report["tooltipHiddenAfterHover"], true);

    // Clicking a speaker shows only theirs; clicking again shows all.
    let filter = &report["clickFilter"];
    let key = filter["key"].as_str().unwrap();
    assert_eq!(filter["pressed"], "true");
    assert_eq!(indices(&filter["highlighted"]), per_speaker[key]);
    assert_eq!(filter["afterSecondClick"], n);

    // The same with the keyboard alone; statements are tab stops.
    let keyboard = &report["keyboard"];
    let key = keyboard["key"].as_str().unwrap();
    assert_eq!(keyboard["focused"], key);
    assert_eq!(indices(&keyboard["highlighted"]), per_speaker[key]);
    assert_eq!(keyboard["afterShowAll"], n);
    assert_eq!(keyboard["focusTooltipVisible"], true);
    assert!(keyboard["tabStops"].as_u64().unwrap() as usize >= n / 2);

    // Dropping the text extracts it too; a phone gets no sideways scroll.
    assert_eq!(report["afterDrop"], n);
    assert_eq!(report["droppedIntoInput"], true);
    assert!(
        report["phone"]["scrollWidth"].as_u64() <= report["phone"]["width"].as_u64(),
        "wider than a phone: {}",
        report["phone"]
    );
    assert_eq!(
        report["problems"],
        serde_json::json!([]),
        "errors in the page"
    );

    let png = std::fs::read(&screenshot).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    if std::env::var_os("QUOTEWIRE_BLESS").is_some() {
        std::fs::write(repo_file("docs/inspect.png"), &png).unwrap();
    }
    eprintln!(
        "inspect page in {}: {n} events, {} statements highlighted; speakers (name: count shown / expected): {}",
        String::from_utf8_lossy(
            &Command::new(chromium())
                .arg("--version")
                .output()
                .map(|o| o.stdout)
                .unwrap_or_default()
        )
        .trim(),
        indices(&report["highlighted"]).len(),
        per_speaker
            .iter()
            .map(|(k, v)| format!("{k:?}: {} / {}", listed[k].0, v.len()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    eprintln!("screenshot: {}", Path::new(&screenshot).display());
}
