//! Offsets are sacred: every span of every event slices the article text
//! (counted in Unicode code points) to exactly its text, on the project's
//! samples and hostile inputs, and on real articles from `../shared` when it
//! is there (the evaluation sets and the 16,471-article corpus).

use quotewire::pipeline::Attributions;
use quotewire::{Article, ArticleLimits, Pipeline, StatementEvent};
use std::path::PathBuf;

/// Checks every span of `events` against `text`; returns the number of
/// spans checked.
fn check(text: &str, events: &[StatementEvent<'_>]) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| -> String {
        assert!(
            s <= e && e <= chars.len(),
            "span [{s}, {e}) outside a text of {} code points",
            chars.len()
        );
        chars[s..e].iter().collect()
    };
    let mut n = 0;
    for ev in events {
        let mut spans = vec![("content", &ev.content)];
        if let Some(c) = &ev.cue {
            spans.push(("cue", c));
        }
        if let Some(m) = &ev.speaker.mention {
            spans.push(("mention", m));
        }
        for (what, span) in spans {
            assert_eq!(
                slice(span.start, span.end),
                span.text,
                "{what} of event {}",
                ev.event_id
            );
            n += 1;
        }
        assert!(
            ev.sentence.start <= ev.content.start && ev.content.end <= ev.sentence.end,
            "sentence holds the content"
        );
        assert!(!ev.content.text.trim().is_empty());
    }
    n
}

fn check_file(path: &PathBuf) -> (usize, usize, usize) {
    let text = std::fs::read_to_string(path).unwrap();
    // Every attribution class, so that every rule's spans are checked.
    let pipeline = Pipeline::english().with_attributions(Attributions::ALL);
    let limits = ArticleLimits::default();
    let (mut articles, mut events, mut spans) = (0, 0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let article = Article::from_json(line.as_bytes(), &limits).unwrap();
        let evs = pipeline.events(&article).unwrap();
        spans += check(&article.text, &evs);
        articles += 1;
        events += evs.len();
    }
    (articles, events, spans)
}

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "note: {} is not here; only the project's own articles are checked",
            p.display()
        );
        None
    }
}

#[test]
fn sample_articles() {
    let (a, e, s) =
        check_file(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/articles.jsonl"));
    assert!(
        a >= 6 && e >= 60 && s >= e,
        "{a} articles, {e} events, {s} spans"
    );
}

#[test]
fn multibyte_text_around_every_span() {
    let text = "Café owner Zoë Brontë said the crème brûlée would stay. “It’s ours — ours alone,” said Zoë Brontë, the owner. 𝄞 “Ça ira,” she added.";
    let article = Article::new("u", text);
    let events = Pipeline::english().events(&article).unwrap();
    assert!(events.len() >= 3, "{events:?}");
    check(text, &events);
}

#[test]
fn evaluation_sets() {
    for rel in [
        "eval/seed/articles.jsonl",
        "eval/news/dev_articles.jsonl",
        "eval/polnear/dev_articles.jsonl",
        "eval/polnear/train_articles.jsonl",
    ] {
        if let Some(p) = shared(rel) {
            let (a, e, s) = check_file(&p);
            eprintln!("{rel}: {a} articles, {e} events, {s} spans, all exact");
        }
    }
}

#[test]
fn news_corpus() {
    if let Some(p) = shared("corpus/news.jsonl") {
        let (a, e, s) = check_file(&p);
        eprintln!("corpus: {a} articles, {e} events, {s} spans, all exact");
        assert_eq!(a, 16_471);
    }
}
