//! The tables: every run, medians per mode, and ratios between modes that
//! differ in one respect.

use crate::run::RunResult;
use crate::Mode;

/// The median; NaN without values.
pub fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The `q` quantile of sorted values (nearest rank); NaN without values.
pub fn percentile(sorted: &[u64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i] as f64
}

/// The heading of the table of runs.
pub fn print_runs_header() {
    println!("| round | mode | s | articles/s | events/s | messages | publish→event p50 / p99 ms | worker delivery→ack p50 / p99 ms | peak RSS MB | worker cores | broker cores | bench cores | machine busy cores | preload msg/s | check |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
}

/// One row of the table of runs.
pub fn print_run(r: &RunResult) {
    println!(
        "| {} | {} | {:.1} | {:.0} | {:.0} | {} | {:.0} / {:.0} | {:.1} / {:.1} | {:.1} | {:.2} | {:.2} | {:.2} | {:.2} | {:.0} | {} |",
        r.round,
        r.mode,
        r.secs,
        r.articles_per_s,
        r.events_per_s,
        r.messages,
        r.lat_p50_ms,
        r.lat_p99_ms,
        r.svc_p50_ms,
        r.svc_p99_ms,
        r.peak_rss_mb,
        r.worker_cores,
        r.broker_cores,
        r.bench_cores,
        r.machine_cores,
        r.preload_per_s,
        if r.ok { "ok".to_string() } else { format!("FAILED: {}", r.note) },
    );
}

/// Medians over rounds, per mode (runs that passed their checks).
pub fn print_medians(modes: &[Mode], results: &[RunResult]) {
    println!();
    println!("Medians over rounds:");
    println!("| mode | runs | articles/s | events/s | publish→event p50 / p99 ms | worker delivery→ack p50 / p99 ms | peak RSS MB | worker cores | broker cores | machine busy cores |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for mode in modes {
        let rs: Vec<&RunResult> = results
            .iter()
            .filter(|r| r.mode == mode.name && r.ok)
            .collect();
        let m = |f: fn(&RunResult) -> f64| median(rs.iter().map(|r| f(r)).collect());
        println!(
            "| {} | {} | {:.0} | {:.0} | {:.0} / {:.0} | {:.1} / {:.1} | {:.1} | {:.2} | {:.2} | {:.2} |",
            mode.name,
            rs.len(),
            m(|r| r.articles_per_s),
            m(|r| r.events_per_s),
            m(|r| r.lat_p50_ms),
            m(|r| r.lat_p99_ms),
            m(|r| r.svc_p50_ms),
            m(|r| r.svc_p99_ms),
            m(|r| r.peak_rss_mb),
            m(|r| r.worker_cores),
            m(|r| r.broker_cores),
            m(|r| r.machine_cores),
        );
    }
}

/// Ratios of articles/s within each round between modes that differ in
/// one respect (real / relay, article / statement, N / 1 workers).
pub fn print_ratios(modes: &[Mode], results: &[RunResult], rounds: usize) {
    let pairs: Vec<(String, String, &str)> = modes
        .iter()
        .flat_map(|a| {
            modes.iter().filter_map(move |b| {
                let label = if !a.relay
                    && b.relay
                    && a.article_batch == b.article_batch
                    && a.workers == b.workers
                {
                    "real / relay"
                } else if a.relay == b.relay
                    && a.article_batch
                    && !b.article_batch
                    && a.workers == b.workers
                {
                    "article / statement (articles/s)"
                } else if a.relay == b.relay
                    && a.article_batch == b.article_batch
                    && a.workers > 1
                    && b.workers == 1
                {
                    "N workers / 1 worker"
                } else {
                    return None;
                };
                Some((a.name.clone(), b.name.clone(), label))
            })
        })
        .collect();
    if !pairs.is_empty() {
        println!();
        println!("Ratios of articles/s within each round (median over rounds):");
        println!("| ratio | modes | per round | median |");
        println!("|---|---|---|---|");
        for (a, b, label) in pairs {
            let mut per_round = Vec::new();
            for round in 1..=rounds {
                let find = |name: &str| {
                    results
                        .iter()
                        .find(|r| r.round == round && r.mode == name && r.ok)
                        .map(|r| r.articles_per_s)
                };
                if let (Some(x), Some(y)) = (find(&a), find(&b)) {
                    per_round.push(x / y);
                }
            }
            println!(
                "| {label} | {a} / {b} | {} | {:.2} |",
                per_round
                    .iter()
                    .map(|r| format!("{r:.2}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                median(per_round.clone())
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(vec![]).is_nan());
        let v: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&v, 0.5), 51.0);
        assert_eq!(percentile(&v, 0.99), 99.0);
    }
}
