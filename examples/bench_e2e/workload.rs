//! The benchmark's articles, and everything precomputed about them: their
//! events (written to a file for the relay mode), counts and digests.

use crate::Args;
use anyhow::{bail, Context};
use quotewire::{Article, ArticleLimits, Pipeline};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The articles and everything precomputed about them.
pub struct Workload {
    /// The article messages, by index (id `bench-<index>`).
    pub bodies: Vec<Vec<u8>>,
    /// Events per article, by index.
    pub events_per_article: Vec<u32>,
    /// Statement events in all.
    pub events: usize,
    /// Articles with at least one event (= article batches).
    pub articles_with_events: usize,
    /// Sum of xxh3(message_id) over all statement events.
    pub statement_digest: u64,
    /// Sum of xxh3(message_id) over all article batches.
    pub batch_digest: u64,
    /// Every event as JSON lines, for `quotewire run --relay`.
    pub events_file: PathBuf,
}

/// The digest term of one id.
pub fn xxh(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

/// `args.n` articles of about `args.article_bytes` joined from the corpus,
/// their events computed in-process (and timed); events written to `dir`.
pub fn build_workload(args: &Args, dir: &Path) -> anyhow::Result<Workload> {
    let path = args
        .corpus
        .clone()
        .or_else(|| std::env::var_os("QUOTEWIRE_CORPUS").map(PathBuf::from))
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news.jsonl")
        });
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the corpus {}", path.display()))?;
    let corpus: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let t = v["text"].as_str()?.to_string();
            let title = v["title"].as_str().unwrap_or("").to_string();
            Some((title, t))
        })
        .filter(|(_, t)| !t.trim().is_empty())
        .collect();
    if corpus.is_empty() {
        bail!("no articles in {}", path.display());
    }
    let mut bodies = Vec::with_capacity(args.n);
    let mut next = 0usize;
    let mut text_bytes = 0;
    for i in 0..args.n {
        let title = corpus[next % corpus.len()].0.clone();
        // Whole corpus articles, joined until the target is reached without
        // overshooting it by more than a quarter (unless one alone does).
        let mut joined = String::new();
        while joined.len() < args.article_bytes {
            let piece = &corpus[next % corpus.len()].1;
            if !joined.is_empty() && joined.len() + piece.len() > args.article_bytes * 5 / 4 {
                break;
            }
            if !joined.is_empty() {
                joined.push_str("\n\n");
            }
            joined.push_str(piece);
            next += 1;
        }
        text_bytes += joined.len();
        let body = serde_json::to_vec(&serde_json::json!({
            "id": format!("bench-{i:06}"),
            "title": title,
            "text": joined,
            "source": "bench",
        }))?;
        bodies.push(body);
    }

    let pipeline = Pipeline::english();
    let limits = ArticleLimits::default();
    let events_file = dir.join("events.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&events_file)?);
    let mut w = Workload {
        bodies: Vec::new(),
        events_per_article: Vec::with_capacity(args.n),
        events: 0,
        articles_with_events: 0,
        statement_digest: 0,
        batch_digest: 0,
        events_file: events_file.clone(),
    };
    let started = Instant::now();
    for body in &bodies {
        let article = Article::from_json(body, &limits)?;
        let events = pipeline.events(&article)?;
        w.events_per_article.push(events.len() as u32);
        w.events += events.len();
        if !events.is_empty() {
            w.articles_with_events += 1;
            let id = quotewire::event::batch_id(events.iter().map(|e| e.event_id.as_str()));
            w.batch_digest = w.batch_digest.wrapping_add(xxh(&id));
        }
        for e in &events {
            w.statement_digest = w.statement_digest.wrapping_add(xxh(&e.event_id));
            out.write_all(&e.to_json())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    let secs = started.elapsed().as_secs_f64();
    let input_bytes: usize = bodies.iter().map(Vec::len).sum();
    println!(
        "workload: {} articles, {:.0} bytes of text on average ({:.0} bytes of JSON), \
         {} events, {} articles with events; corpus {}",
        args.n,
        text_bytes as f64 / args.n as f64,
        input_bytes as f64 / args.n as f64,
        w.events,
        w.articles_with_events,
        path.display()
    );
    println!(
        "in-process extraction (1 thread, incl. JSON decode and event JSON): {:.2} s = \
         {:.0} articles/s, {:.1} MiB/s of text",
        secs,
        args.n as f64 / secs,
        text_bytes as f64 / secs / (1 << 20) as f64
    );
    w.bodies = bodies;
    Ok(w)
}
