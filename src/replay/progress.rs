//! Reporting a replay: an indicatif progress bar on a terminal, plain
//! periodic lines otherwise, and the summary.
//!
//! Bad lines, retries and failures are always printed, one line each, to
//! standard error, as `<input>:<line>: <what>`.

use super::{Observer, Stats, Stop, Summary};
use crate::article::ArticleError;
use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressMode {
    /// A progress bar (standard error is a terminal).
    Bar,
    /// A plain line every so often (standard error is a file or pipe).
    Lines(Duration),
}

impl ProgressMode {
    /// A bar if standard error is a terminal, else a line every `every`.
    pub fn detect(every: Duration) -> ProgressMode {
        if std::io::stderr().is_terminal() {
            ProgressMode::Bar
        } else {
            ProgressMode::Lines(every)
        }
    }
}

/// The standard-error [`Observer`] of `quotewire replay`.
#[derive(Debug)]
pub struct Reporter {
    bar: Option<ProgressBar>,
    every: Duration,
    last_line: Instant,
}

impl Reporter {
    /// A reporter in `mode`.
    pub fn new(mode: ProgressMode) -> Reporter {
        match mode {
            ProgressMode::Bar => {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                bar.set_style(spinner_style());
                bar.enable_steady_tick(Duration::from_millis(200));
                Reporter {
                    bar: Some(bar),
                    every: Duration::ZERO,
                    last_line: Instant::now(),
                }
            }
            ProgressMode::Lines(every) => Reporter {
                bar: None,
                every,
                last_line: Instant::now(),
            },
        }
    }

    fn print(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => {
                let mut err = std::io::stderr().lock();
                let _ = writeln!(err, "{line}");
            }
        }
    }

    /// Removes the bar and prints the summary line.
    pub fn finish(&mut self, summary: &Summary) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        self.print(&summary_line(summary));
    }
}

fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
        .expect("valid progress template")
}

fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "[{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ETA {eta}  {msg}",
    )
    .expect("valid progress template")
}

fn counters(stats: &Stats) -> String {
    format!(
        "{} confirmed, {:.0} articles/s, {} bad, {} retried, {} failed, {} in flight",
        stats.confirmed,
        stats.rate(),
        stats.bad,
        stats.retried,
        stats.failed,
        stats.in_flight
    )
}

/// The one-line summary printed at the end.
pub fn summary_line(summary: &Summary) -> String {
    let s = &summary.stats;
    let stop = match &summary.stop {
        Stop::Completed => "completed".to_string(),
        Stop::Limit => "limit reached".to_string(),
        Stop::Interrupted => "interrupted".to_string(),
        Stop::Strict { input, line } => format!("stopped at bad line {input}:{line} (--strict)"),
        Stop::SessionFailed(why) => format!("broker session failed: {why}"),
        Stop::ReadFailed(why) => format!("read failed: {why}"),
    };
    format!(
        "replay {stop}: batch={} published={} confirmed={} bad={} retried={} failed={} \
         read={} elapsed={:.2}s rate={:.0}/s",
        summary.batch_id,
        s.published,
        s.confirmed,
        s.bad,
        s.retried,
        s.failed,
        HumanBytes(s.read_bytes),
        s.elapsed.as_secs_f64(),
        s.rate()
    )
}

impl Observer for Reporter {
    fn bad_line(&mut self, input: &str, line: u64, error: &ArticleError) {
        self.print(&format!(
            "{input}:{line}: bad article ({}): {error}",
            error.kind()
        ));
    }

    fn retry(&mut self, input: &str, line: u64, why: &str, attempt: u32, delay: Duration) {
        self.print(&format!(
            "{input}:{line}: {why}; retry {attempt} in {} ms",
            delay.as_millis()
        ));
    }

    fn failed(&mut self, input: &str, line: u64, why: &str) {
        self.print(&format!("{input}:{line}: not published: {why}"));
    }

    fn stopping(&mut self, why: &str, in_flight: usize) {
        self.print(&format!(
            "stopping ({why}): waiting for {in_flight} outstanding confirm(s), then writing the checkpoint"
        ));
    }

    fn session_failed(&mut self, why: &str, unconfirmed: usize) {
        self.print(&format!(
            "broker session failed ({why}): {unconfirmed} unconfirmed publish(es) will be sent again after reconnecting"
        ));
    }

    fn reconnecting(&mut self, why: &str, attempt: u32, delay: Duration) {
        self.print(&format!(
            "reconnecting in {} ms (attempt {attempt}; {why})",
            delay.as_millis()
        ));
    }

    fn connected(&mut self, node: &str) {
        self.print(&format!("publishing through {node}"));
    }

    fn node_failed(&mut self, node: &str, why: &str) {
        self.print(&format!(
            "cannot publish through {node} ({why}); trying the next node"
        ));
    }

    fn abandoned(&mut self, why: &str, unconfirmed: usize) {
        self.print(&format!(
            "giving up ({why}): {unconfirmed} unconfirmed publish(es) not sent again; --resume will"
        ));
    }

    fn progress(&mut self, stats: &Stats) {
        match &self.bar {
            Some(bar) => {
                if let Some(total) = stats.total_bytes {
                    if bar.length() != Some(total) {
                        bar.set_style(bar_style());
                        bar.set_length(total);
                    }
                    bar.set_position(stats.read_bytes.min(total));
                }
                bar.set_message(counters(stats));
            }
            None => {
                if self.last_line.elapsed() >= self.every {
                    self.last_line = Instant::now();
                    let read = match stats.total_bytes {
                        Some(total) => {
                            format!("{}/{}", HumanBytes(stats.read_bytes), HumanBytes(total))
                        }
                        None => format!("{}", HumanBytes(stats.read_bytes)),
                    };
                    self.print(&format!(
                        "replay progress: {}, read {read}, elapsed {:.0}s",
                        counters(stats),
                        stats.elapsed.as_secs_f64()
                    ));
                }
            }
        }
    }
}
