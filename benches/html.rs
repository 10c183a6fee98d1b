//! HTML article extraction throughput on one core, side by side with the
//! statement pipeline on the extracted texts.
//!
//! Runs over the pages of `../shared/corpus/html/` (or the directory named
//! by `QUOTEWIRE_PAGES`) when it exists; otherwise over the project's own
//! sample pages in `samples/pages/`, so the bench also runs on a clone
//! without `../shared`.
//!
//! ```text
//! cargo bench --bench html
//! ```
//!
//! * `pages/*`: per page (pages per second): the page extraction, the
//!   pre-scan and HTML parse alone (its floor), and the statement pipeline
//!   on the extracted texts (what a text article of the same content
//!   costs).
//! * `bytes/extract`: the page extraction in bytes of HTML per second.
//! * `median/*`: the page of median size alone, extraction and pipeline.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quotewire::{page, Article, ArticleLimits, Pipeline};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn pages() -> (Vec<String>, String) {
    let shared = std::env::var_os("QUOTEWIRE_PAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/html"));
    // `cargo test --all-targets` runs benches once in test mode (no
    // `--bench` argument): the sample pages keep that quick.
    let benching = std::env::args().any(|a| a == "--bench");
    let dir = if benching && shared.is_dir() {
        shared
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/pages")
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    files.sort();
    let pages = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 page"))
        .collect();
    (pages, dir.display().to_string())
}

/// Extracts every page; the bytes of text extracted.
fn extract_all(pages: &[String]) -> usize {
    pages
        .iter()
        .map(|html| page::extract(html).map_or(0, |p| p.text.len()))
        .sum()
}

fn bench(c: &mut Criterion) {
    let (pages, name) = pages();
    let html_bytes: u64 = pages.iter().map(|p| p.len() as u64).sum();
    let pipeline = Pipeline::english();
    let articles: Vec<Article> = pages
        .iter()
        .enumerate()
        .filter_map(|(i, html)| {
            let body = serde_json::json!({ "id": format!("page-{i}"), "html": html });
            Article::from_json(body.to_string().as_bytes(), &ArticleLimits::default()).ok()
        })
        .collect();
    let text_bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    eprintln!(
        "pages: {name}: {} pages, {:.1} MB of HTML; {} articles, {:.2} MB of extracted text",
        pages.len(),
        html_bytes as f64 / 1e6,
        articles.len(),
        text_bytes as f64 / 1e6
    );

    let mut g = c.benchmark_group("pages");
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.warm_up_time(Duration::from_secs(2));
    g.bench_function("extract", |b| b.iter(|| extract_all(&pages)));
    g.bench_function("prescan_and_parse", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|html| {
                    let markup = page::prescan::scan(html).markup;
                    let doc = black_box(dom_query::Document::from(&*markup));
                    usize::from(doc.root().first_child().is_some())
                })
                .sum::<usize>()
        })
    });
    g.bench_function("pipeline_on_text", |b| {
        b.iter(|| {
            let mut out = 0usize;
            for a in &articles {
                if let Ok(events) = pipeline.events(a) {
                    out += events.iter().map(|e| e.to_json().len()).sum::<usize>();
                }
            }
            black_box(out)
        })
    });
    g.finish();

    let mut g = c.benchmark_group("bytes");
    g.throughput(Throughput::Bytes(html_bytes));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.warm_up_time(Duration::from_secs(2));
    g.bench_function("extract", |b| b.iter(|| extract_all(&pages)));
    g.finish();

    // The page of median size.
    let mut by_size: Vec<&String> = pages.iter().collect();
    by_size.sort_by_key(|p| p.len());
    let median = by_size[by_size.len() / 2];
    let body = serde_json::json!({ "id": "median", "html": median }).to_string();
    let article = Article::from_json(body.as_bytes(), &ArticleLimits::default());
    let mut g = c.benchmark_group("median");
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(5));
    g.warm_up_time(Duration::from_secs(1));
    g.bench_function("extract", |b| {
        b.iter(|| page::extract(median).map(|p| p.text.len()))
    });
    // The floor of the fast extractor: one pass of the tokenizer.
    g.bench_function("tokenize", |b| {
        b.iter(|| page::tokens::tokens(median).count())
    });
    if let Ok(article) = &article {
        eprintln!(
            "median page: {} bytes of HTML, {} bytes of text",
            median.len(),
            article.text.len()
        );
        g.bench_function("pipeline_on_text", |b| {
            b.iter(|| pipeline.events(article).map(|e| e.len()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
