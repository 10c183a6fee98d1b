//! Extraction throughput, whole pipeline and per stage, on one core.
//!
//! Runs over `../shared/corpus/news.jsonl` (or the file named by
//! `QUOTEWIRE_CORPUS`) when it exists; otherwise over a corpus generated
//! from the project's own sample articles, so the bench also runs on a clone
//! without `../shared`. Throughput is reported in bytes of article text.
//!
//! ```text
//! cargo bench --bench extract
//! ```

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use quotewire::pipeline::{attribute, clean, cues, quotes, resolve, segment};
use quotewire::{Article, ArticleLimits, Pipeline};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

const SAMPLES: &str = include_str!("../samples/articles.jsonl");

fn corpus() -> (Vec<Article>, String) {
    let path = std::env::var_os("QUOTEWIRE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news.jsonl")
        });
    let limits = ArticleLimits::default();
    let parse = |text: &str| -> Vec<Article> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| Article::from_json(l.as_bytes(), &limits).ok())
            .collect()
    };
    // `cargo test --all-targets` runs benches once in test mode (no
    // `--bench` argument): the small corpus keeps that quick.
    let benching = std::env::args().any(|a| a == "--bench");
    match std::fs::read_to_string(&path).ok().filter(|_| benching) {
        Some(text) => (parse(&text), path.display().to_string()),
        None => {
            // About 4 MB of the project's own samples, with distinct ids.
            let base = parse(SAMPLES);
            let mut out = Vec::new();
            let copies = if benching { 400 } else { 2 };
            for i in 0..copies {
                for a in &base {
                    let mut a = a.clone();
                    a.id = format!("{}-{i}", a.id);
                    out.push(a);
                }
            }
            (out, "samples/articles.jsonl x400".to_string())
        }
    }
}

fn bench(c: &mut Criterion) {
    let (articles, name) = corpus();
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    eprintln!(
        "corpus: {name}: {} articles, {:.1} MB of text",
        articles.len(),
        bytes as f64 / 1e6
    );
    let pipeline = Pipeline::english();
    let lex = pipeline.lexicon();

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(12));
    g.warm_up_time(Duration::from_secs(2));

    g.bench_function("pipeline+json", |b| {
        b.iter(|| {
            let mut out = 0usize;
            for a in &articles {
                if let Ok(events) = pipeline.events(a) {
                    for e in &events {
                        out += e.to_json().len();
                    }
                }
            }
            black_box(out)
        })
    });

    // Per stage, each on the previous stage's precomputed output.
    let zones: Vec<_> = articles
        .iter()
        .map(|a| clean::boilerplate(&a.text, lex))
        .collect();
    let mut docs: Vec<_> = articles
        .iter()
        .zip(&zones)
        .map(|(a, z)| segment::segment(&a.text, z, lex))
        .collect();
    let qs: Vec<_> = docs.iter_mut().map(quotes::find_quotes).collect();
    let cs: Vec<_> = docs.iter().map(|d| cues::find_cues(d, lex)).collect();
    let sts: Vec<_> = docs
        .iter()
        .zip(&qs)
        .zip(&cs)
        .map(|((d, q), c)| attribute::attribute(d, lex, q, c))
        .collect();

    g.bench_function("stage/clean", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| clean::boilerplate(&a.text, lex).len())
                .sum::<usize>()
        })
    });
    g.bench_function("stage/segment", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&zones)
                .map(|(a, z)| segment::segment(&a.text, z, lex).tokens.len())
                .sum::<usize>()
        })
    });
    g.bench_function("stage/quotes", |b| {
        b.iter_batched_ref(
            || (),
            |_| {
                docs.iter_mut()
                    .map(|d| quotes::find_quotes(d).len())
                    .sum::<usize>()
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("stage/cues", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| cues::find_cues(d, lex).len())
                .sum::<usize>()
        })
    });
    g.bench_function("stage/attribution", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&qs)
                .zip(&cs)
                .map(|((d, q), c)| attribute::attribute(d, lex, q, c).len())
                .sum::<usize>()
        })
    });
    g.bench_function("stage/resolution", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&sts)
                .map(|(d, s)| resolve::resolve(d, lex, s).len())
                .sum::<usize>()
        })
    });
    let events: Vec<_> = articles
        .iter()
        .filter_map(|a| pipeline.events(a).ok())
        .collect();
    g.bench_function("stage/serialisation", |b| {
        b.iter(|| {
            events
                .iter()
                .flatten()
                .map(|e| e.to_json().len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
