//! The markdown report: one table row per scenario, then its notes.

use crate::scene::Row;
use crate::Options;
use std::fmt::Write as _;
use std::time::Duration;

/// A duration in seconds, one decimal.
pub fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// The report of `rows` (articles from `source`).
pub fn report(rows: &[Row], opts: &Options, source: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## Fault suite\n");
    let _ = writeln!(s, "Articles: {source}. Seed: {}.\n", opts.seed);
    let _ = writeln!(
        s,
        "| scenario | articles in | events expected | events seen | duplicates | dead-lettered | lost | recovery time | worker peak RSS | result |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---|---:|---|");
    for r in rows {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {:.0} MB | {} |",
            r.scenario,
            r.articles_in,
            r.events_expected,
            r.events_seen,
            r.duplicates,
            r.dead,
            r.lost,
            r.recovery,
            r.rss_mb,
            if r.ok { "ok" } else { "FAIL" }
        );
    }
    let _ = writeln!(s);
    for r in rows {
        let _ = writeln!(
            s,
            "* **{}** (`scripts/fault-suite.sh {}`):",
            r.scenario, r.scenario
        );
        for note in &r.notes {
            let _ = writeln!(s, "  * {note}");
        }
    }
    s
}
