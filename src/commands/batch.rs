//! `quotewire extract` in JSON lines: input read in chunks of lines, the
//! chunks extracted on `--jobs` threads, the results written in input order.
//!
//! The main thread reads a chunk (whole lines, up to [`CHUNK_BYTES`] or
//! [`CHUNK_LINES`]), numbers it and hands it to the workers; each worker
//! extracts every line of its chunk into one output buffer (the events as
//! JSON lines, the `--text-out` articles, the messages of bad lines); the
//! main thread writes the buffers in chunk order as they come back. At most
//! [`WINDOW_PER_JOB`] chunks per job are read and not yet written, so memory
//! stays bounded whatever the file size. With one job there is no thread:
//! read, extract, write, chunk after chunk, in reused buffers. Either way
//! the bytes out are those of extracting line after line.

use super::extract::Totals;
use anyhow::Context;
use quotewire::{Article, ArticleLimits, Pipeline};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::sync::{mpsc, Mutex};

/// A chunk ends after the line that brings it to this many bytes…
const CHUNK_BYTES: usize = 256 * 1024;
/// …or after this many lines, whichever comes first (so that a worker's
/// share of a small file is still spread over the jobs).
const CHUNK_LINES: usize = 64;
/// Chunks read ahead of the writer, per job: enough to keep every job busy
/// while one slow chunk holds up the output, few enough for a bounded
/// memory (with 2 jobs: 8 chunks of about 256 KB in, their events out).
const WINDOW_PER_JOB: usize = 4;

/// Whole input lines, with their line breaks.
struct Chunk {
    /// Position of the chunk in the input.
    seq: u64,
    /// Line number (1-based) of its first line.
    first_line: u64,
    data: Vec<u8>,
}

/// What the lines of one chunk gave.
#[derive(Default)]
struct Extracted {
    /// Statement events, one JSON object a line.
    events: Vec<u8>,
    /// The processed articles (`--text-out`), one JSON object a line.
    articles: Vec<u8>,
    /// One message per bad line, without the input's name.
    errors: Vec<String>,
    totals: Totals,
}

impl Extracted {
    fn clear(&mut self) {
        self.events.clear();
        self.articles.clear();
        self.errors.clear();
        self.totals = Totals::default();
    }
}

/// Where the results go.
pub struct Sinks<'a> {
    /// The events.
    pub events: &'a mut dyn Write,
    /// The processed articles, with `--text-out`.
    pub articles: Option<&'a mut dyn Write>,
}

/// The fixed inputs of an extraction.
#[derive(Clone, Copy)]
pub struct Setup<'a> {
    /// The pipeline, shared by every job.
    pub pipeline: &'a Pipeline,
    /// Size limits of an article line.
    pub limits: &'a ArticleLimits,
    /// Threads extracting (1: none, the calling thread does).
    pub jobs: usize,
}

/// Extracts every line of `input` (called `name` in messages) into
/// `sinks`, adding to `totals`.
pub fn process(
    input: &mut dyn BufRead,
    name: &str,
    setup: Setup<'_>,
    sinks: &mut Sinks<'_>,
    totals: &mut Totals,
) -> anyhow::Result<()> {
    let mut reader = ChunkReader {
        input,
        name,
        next_seq: 0,
        next_line: 1,
    };
    let with_articles = sinks.articles.is_some();
    if setup.jobs <= 1 {
        let mut out = Extracted::default();
        let mut data = Vec::new();
        while let Some(chunk) = reader.next(std::mem::take(&mut data))? {
            out.clear();
            extract_chunk(&chunk, setup, with_articles, &mut out);
            write(&out, name, sinks, totals)?;
            data = chunk.data;
        }
        return Ok(());
    }

    let window = setup.jobs * WINDOW_PER_JOB;
    let (job_tx, job_rx) = mpsc::sync_channel::<Chunk>(window);
    // A chunk's result, or why its thread failed (a panic outside any one
    // article's extraction), which ends the run with that error.
    let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Result<Extracted, String>)>(window);
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        // Moved into this closure: when it returns (done or failed) the
        // sending end of the jobs and the receiving end of the results
        // close, so the workers stop before the scope joins them.
        let (job_tx, done_rx) = (job_tx, done_rx);
        for _ in 0..setup.jobs {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            scope.spawn(move || loop {
                // The lock is held only while taking a chunk.
                let next = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok(chunk) = next else { return };
                let first_line = chunk.first_line;
                let out = guarded(|| {
                    let mut out = Extracted::default();
                    extract_chunk(&chunk, setup, with_articles, &mut out);
                    out
                })
                .map_err(|panic| format!("line {first_line} and after: {panic}"));
                if done_tx.send((chunk.seq, out)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);

        // Chunks extracted but waiting for an earlier one, by position.
        let mut ready: BTreeMap<u64, Extracted> = BTreeMap::new();
        let (mut sent, mut written) = (0u64, 0u64);
        let mut eof = false;
        loop {
            while !eof && sent - written < window as u64 {
                match reader.next(Vec::new())? {
                    Some(chunk) => {
                        job_tx
                            .send(chunk)
                            .map_err(|_| anyhow::anyhow!("an extraction thread stopped"))?;
                        sent += 1;
                    }
                    None => eof = true,
                }
            }
            if written == sent {
                return Ok(());
            }
            let (seq, out) = done_rx
                .recv()
                .map_err(|_| anyhow::anyhow!("the extraction threads stopped"))?;
            let out = out.map_err(|e| anyhow::anyhow!("{name}: extraction failed at {e}"))?;
            ready.insert(seq, out);
            while let Some(out) = ready.remove(&written) {
                write(&out, name, sinks, totals)?;
                written += 1;
            }
        }
    })
}

/// Reads an input chunk by chunk, numbering chunks and lines.
struct ChunkReader<'a> {
    input: &'a mut dyn BufRead,
    name: &'a str,
    next_seq: u64,
    next_line: u64,
}

impl ChunkReader<'_> {
    /// The next chunk, read into `data` (cleared first); `None` at the end.
    fn next(&mut self, mut data: Vec<u8>) -> anyhow::Result<Option<Chunk>> {
        data.clear();
        let first_line = self.next_line;
        let mut lines = 0;
        while data.len() < CHUNK_BYTES && lines < CHUNK_LINES {
            let n = self
                .input
                .read_until(b'\n', &mut data)
                .with_context(|| format!("cannot read {}", self.name))?;
            if n == 0 {
                break;
            }
            lines += 1;
        }
        if lines == 0 {
            return Ok(None);
        }
        self.next_line += lines as u64;
        let seq = self.next_seq;
        self.next_seq += 1;
        Ok(Some(Chunk {
            seq,
            first_line,
            data,
        }))
    }
}

/// Extracts every line of `chunk` into `out`.
fn extract_chunk(chunk: &Chunk, setup: Setup<'_>, with_articles: bool, out: &mut Extracted) {
    let mut number = chunk.first_line;
    let mut rest = chunk.data.as_slice();
    while !rest.is_empty() {
        let end = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at(end);
        rest = tail;
        let this = number;
        number += 1;
        let body = super::extract::trim_line(line);
        if body.is_empty() {
            continue;
        }
        out.totals.bytes += body.len() as u64;
        let article = match Article::from_json(body, setup.limits) {
            Ok(a) => a,
            Err(e) => {
                out.totals.errors += 1;
                out.errors
                    .push(format!("{this}: skipped ({}): {e}", e.kind()));
                continue;
            }
        };
        // A bug the article trips in the pipeline costs that article, like
        // a bad line, not the run (nor, with several jobs, a hang: the
        // other threads would wait forever for the dead one's chunk).
        let events = match guarded(|| setup.pipeline.events(&article)) {
            Ok(events) => events,
            Err(panic) => {
                out.totals.errors += 1;
                out.errors.push(format!(
                    "{this}: skipped (internal): article {}: the pipeline panicked: {panic}",
                    article.id
                ));
                continue;
            }
        };
        match events {
            Ok(events) => {
                out.totals.articles += 1;
                out.totals.statements += events.len() as u64;
                if with_articles {
                    out.articles.extend_from_slice(&article.to_json());
                    out.articles.push(b'\n');
                }
                for ev in &events {
                    ev.write_json(&mut out.events);
                    out.events.push(b'\n');
                }
            }
            Err(e) => {
                out.totals.errors += 1;
                out.errors.push(format!(
                    "{this}: skipped ({}): article {}: {e}",
                    e.kind(),
                    article.id
                ));
            }
        }
    }
}

/// Runs `f`, turning a panic into its message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string())
    })
}

/// Writes what one chunk gave, reports its bad lines, counts it.
fn write(
    out: &Extracted,
    name: &str,
    sinks: &mut Sinks<'_>,
    totals: &mut Totals,
) -> anyhow::Result<()> {
    if let Some(articles) = &mut sinks.articles {
        articles
            .write_all(&out.articles)
            .context("cannot write an article")?;
    }
    sinks
        .events
        .write_all(&out.events)
        .context("cannot write to standard output")?;
    for message in &out.errors {
        eprintln!("{name}:{message}");
    }
    totals.add(&out.totals);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(guarded(|| 7), Ok(7));
        assert_eq!(
            guarded(|| -> u8 { panic!("static message") }),
            Err("static message".to_string())
        );
        let n = 3;
        assert_eq!(
            guarded(|| -> u8 { panic!("formatted {n}") }),
            Err("formatted 3".to_string())
        );
        assert_eq!(
            guarded(|| -> u8 { std::panic::panic_any(42u32) }),
            Err("a panic without a message".to_string())
        );
    }
}
