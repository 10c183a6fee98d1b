//! `quotewire extract`: articles as JSON lines in, statement events out.
//!
//! Reads each input (files, `-` for standard input, or the bundled sample
//! articles when run with no argument on a terminal), writes one event per
//! line to standard output, reports each bad line on standard error with
//! its line number and reason, and ends with a summary on standard error.

use anyhow::Context;
use quotewire::pipeline::Attributions;
use quotewire::{Article, ArticleLimits, Pipeline};
use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// The sample articles written for this project, shipped in the binary.
pub const SAMPLES: &str = include_str!("../../samples/articles.jsonl");

/// Arguments of `quotewire extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSON-lines files of articles; `-` reads standard input. With none,
    /// reads standard input, or the bundled samples when it is a terminal.
    pub files: Vec<PathBuf>,
    /// Largest accepted article line, in bytes.
    #[arg(long, default_value_t = quotewire::article::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// Print no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Attribution classes to emit: a comma-separated list of speech,
    /// belief, stance, evidence, or `all`.
    #[arg(long, value_name = "LIST", default_value = "speech", value_parser = Attributions::parse)]
    pub attributions: Attributions,
}

#[derive(Default)]
struct Totals {
    articles: u64,
    statements: u64,
    errors: u64,
    bytes: u64,
}

/// Runs the command. Exit code 0 when every line was an article, 1 when
/// some lines were skipped.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::english().with_attributions(args.attributions);
    let limits = ArticleLimits {
        max_bytes: args.max_article_bytes,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut totals = Totals::default();
    let started = Instant::now();

    if args.files.is_empty() {
        if std::io::stdin().is_terminal() {
            eprintln!("quotewire: no input given: extracting from the bundled sample articles");
            process(
                SAMPLES.as_bytes(),
                "samples",
                &pipeline,
                &limits,
                &mut out,
                &mut totals,
            )?;
        } else {
            process(
                std::io::stdin().lock(),
                "-",
                &pipeline,
                &limits,
                &mut out,
                &mut totals,
            )?;
        }
    }
    for path in &args.files {
        if path.as_os_str() == "-" {
            process(
                std::io::stdin().lock(),
                "-",
                &pipeline,
                &limits,
                &mut out,
                &mut totals,
            )?;
        } else {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            let name = path.display().to_string();
            process(
                std::io::BufReader::with_capacity(1 << 16, file),
                &name,
                &pipeline,
                &limits,
                &mut out,
                &mut totals,
            )?;
        }
    }
    out.flush().context("cannot write to standard output")?;

    if !args.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "quotewire: {} articles, {} statements, {} errors in {:.2} s ({:.0} articles/s, {:.2} MB/s)",
            totals.articles,
            totals.statements,
            totals.errors,
            secs,
            totals.articles as f64 / secs,
            totals.bytes as f64 / secs / 1e6,
        );
    }
    Ok(if totals.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn process(
    mut input: impl BufRead,
    name: &str,
    pipeline: &Pipeline,
    limits: &ArticleLimits,
    out: &mut impl Write,
    totals: &mut Totals,
) -> anyhow::Result<()> {
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        let n = input
            .read_until(b'\n', &mut line)
            .with_context(|| format!("cannot read {name}"))?;
        if n == 0 {
            break;
        }
        number += 1;
        let body = trim_line(&line);
        if body.is_empty() {
            continue;
        }
        totals.bytes += body.len() as u64;
        let article = match Article::from_json(body, limits) {
            Ok(a) => a,
            Err(e) => {
                totals.errors += 1;
                eprintln!("{name}:{number}: skipped ({}): {e}", e.kind());
                continue;
            }
        };
        match pipeline.events(&article) {
            Ok(events) => {
                totals.articles += 1;
                totals.statements += events.len() as u64;
                for ev in &events {
                    serde_json::to_writer(&mut *out, ev).context("cannot write an event")?;
                    out.write_all(b"\n")
                        .context("cannot write to standard output")?;
                }
            }
            Err(e) => {
                totals.errors += 1;
                eprintln!(
                    "{name}:{number}: skipped ({}): article {}: {e}",
                    e.kind(),
                    article.id
                );
            }
        }
    }
    Ok(())
}

fn trim_line(line: &[u8]) -> &[u8] {
    let mut s = line;
    while let [rest @ .., b'\n' | b'\r'] = s {
        s = rest;
    }
    s
}
