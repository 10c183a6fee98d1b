//! `quotewire extract`: articles as JSON lines in, statement events out.
//!
//! Reads each input (files, `-` for standard input, or the bundled sample
//! articles when run with no argument on a terminal), writes the events to
//! standard output (one JSON object a line, or the pretty format for a
//! person, the default on a terminal), reports each bad line on standard
//! error with its line number and reason, and ends with a summary on
//! standard error. With `--text-out FILE` it also writes each article as
//! processed (an HTML article with its extracted `text`), so that the
//! events' offsets slice `FILE`, itself valid input. JSON lines are
//! extracted on `--jobs` threads ([`super::batch`]), in input order.

use super::batch;
use anyhow::Context;
use quotewire::pipeline::Attributions;
use quotewire::pretty::{self, Printer};
use quotewire::{Article, ArticleLimits, Pipeline};
use std::io::{BufRead, BufWriter, IsTerminal, StdoutLock, Write};
use std::num::NonZeroUsize;
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
    /// Largest accepted article line with `text`, in bytes.
    #[arg(long, default_value_t = quotewire::article::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// Largest accepted `html` page of an article line, in bytes.
    #[arg(long, default_value_t = quotewire::article::DEFAULT_MAX_HTML_BYTES)]
    pub max_html_bytes: usize,
    /// Also write every article that was processed to FILE, one JSON line
    /// each, before its events: the input shape with `text` filled in (for
    /// HTML articles, the extracted text the events' offsets point into).
    #[arg(long, value_name = "FILE")]
    pub text_out: Option<PathBuf>,
    /// Print no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Attribution classes to emit: a comma-separated list of speech,
    /// belief, stance, evidence, or `all`.
    #[arg(long, value_name = "LIST", default_value = "speech", value_parser = Attributions::parse)]
    pub attributions: Attributions,
    /// Output format [default: pretty when standard output is a terminal,
    /// jsonl otherwise]. Pretty is coloured on a terminal unless NO_COLOR
    /// is set.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Threads extracting articles [default: the available cores]. The
    /// output is the same, in input order, whatever the number; the pretty
    /// format always uses one.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
}

/// The output formats of `quotewire extract`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Speaker, cue, kind and content of each statement, for a person.
    Pretty,
    /// One statement event per line, as JSON (the wire format).
    Jsonl,
}

/// Where events go: JSON lines as they are, or the pretty printer (whose
/// styles anstream strips for NO_COLOR or when not on a terminal).
enum Events {
    Jsonl(BufWriter<StdoutLock<'static>>),
    Pretty(Printer<BufWriter<anstream::AutoStream<StdoutLock<'static>>>>),
}

impl Events {
    fn flush(self) -> anyhow::Result<()> {
        match self {
            Events::Jsonl(mut out) => out.flush(),
            Events::Pretty(printer) => printer.into_inner().map(drop),
        }
        .context("cannot write to standard output")
    }
}

/// Where results go: events to standard output, articles to `--text-out`.
struct Output {
    events: Events,
    articles: Option<BufWriter<std::fs::File>>,
}

/// What an extraction went through.
#[derive(Default)]
pub struct Totals {
    /// Articles extracted.
    pub articles: u64,
    /// Statement events written.
    pub statements: u64,
    /// Lines skipped.
    pub errors: u64,
    /// Bytes of the non-blank lines, without their line breaks.
    pub bytes: u64,
}

impl Totals {
    /// Adds `other` to these totals.
    pub fn add(&mut self, other: &Totals) {
        self.articles += other.articles;
        self.statements += other.statements;
        self.errors += other.errors;
        self.bytes += other.bytes;
    }
}

/// Runs the command. Exit code 0 when every line was an article, 1 when
/// some lines were skipped.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::english().with_attributions(args.attributions);
    let limits = ArticleLimits {
        max_bytes: args.max_article_bytes,
        max_html_bytes: args.max_html_bytes,
    };
    let stdout = std::io::stdout();
    let default = if stdout.is_terminal() {
        Format::Pretty
    } else {
        Format::Jsonl
    };
    let events = match args.format.unwrap_or(default) {
        Format::Pretty => {
            let width = console::Term::stdout()
                .size_checked()
                .map_or(pretty::DEFAULT_WIDTH, |(_, cols)| usize::from(cols));
            let styled = anstream::AutoStream::auto(stdout.lock());
            Events::Pretty(Printer::new(BufWriter::new(styled), width))
        }
        Format::Jsonl => Events::Jsonl(BufWriter::with_capacity(1 << 16, stdout.lock())),
    };
    let mut out = Output {
        events,
        articles: match &args.text_out {
            Some(path) => Some(BufWriter::new(
                std::fs::File::create(path)
                    .with_context(|| format!("cannot create {}", path.display()))?,
            )),
            None => None,
        },
    };
    let mut totals = Totals::default();
    let started = Instant::now();
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let setup = batch::Setup {
        pipeline: &pipeline,
        limits: &limits,
        jobs,
    };

    if args.files.is_empty() {
        if std::io::stdin().is_terminal() {
            eprintln!("quotewire: no input given: extracting from the bundled sample articles");
            process(SAMPLES.as_bytes(), "samples", setup, &mut out, &mut totals)?;
        } else {
            process(std::io::stdin().lock(), "-", setup, &mut out, &mut totals)?;
        }
    }
    for path in &args.files {
        if path.as_os_str() == "-" {
            process(std::io::stdin().lock(), "-", setup, &mut out, &mut totals)?;
        } else {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            let name = path.display().to_string();
            process(
                std::io::BufReader::with_capacity(1 << 16, file),
                &name,
                setup,
                &mut out,
                &mut totals,
            )?;
        }
    }
    out.events.flush()?;
    if let (Some(articles), Some(path)) = (&mut out.articles, &args.text_out) {
        articles
            .flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }

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
    setup: batch::Setup<'_>,
    out: &mut Output,
    totals: &mut Totals,
) -> anyhow::Result<()> {
    let printer = match &mut out.events {
        Events::Jsonl(events) => {
            let mut sinks = batch::Sinks {
                events,
                articles: out.articles.as_mut().map(|a| a as &mut dyn Write),
            };
            return batch::process(&mut input, name, setup, &mut sinks, totals);
        }
        Events::Pretty(printer) => printer,
    };
    let (pipeline, limits) = (setup.pipeline, setup.limits);
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
                if let Some(articles) = &mut out.articles {
                    articles.write_all(&article.to_json())?;
                    articles
                        .write_all(b"\n")
                        .context("cannot write an article")?;
                }
                printer
                    .article(&article, &events)
                    .context("cannot write to standard output")?;
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

/// `line` without its line break (and any `\r` before it).
pub(super) fn trim_line(line: &[u8]) -> &[u8] {
    let mut s = line;
    while let [rest @ .., b'\n' | b'\r'] = s {
        s = rest;
    }
    s
}
