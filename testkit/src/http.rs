//! The worker's HTTP server from outside: a plain GET, and samples and
//! histograms read from the `/metrics` text.

use crate::{Error, Result, POLL};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The longest a request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// `GET path` from `addr` (`host:port`) over HTTP/1.1: status and body.
pub async fn http_get(addr: &str, path: &str) -> Result<(u16, String)> {
    let fut = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await?;
        let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        stream.write_all(req.as_bytes()).await?;
        let mut buf = Vec::new();
        stream.read_to_end(&mut buf).await?;
        Ok::<_, std::io::Error>(String::from_utf8_lossy(&buf).into_owned())
    };
    let text = tokio::time::timeout(REQUEST_TIMEOUT, fut)
        .await
        .map_err(|_| Error::Timeout(REQUEST_TIMEOUT, format!("GET {addr}{path}")))??;
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| Error::Failed(format!("GET {addr}{path}: no HTTP status line")))?;
    let body = text.split_once("\r\n\r\n").map_or("", |x| x.1).to_string();
    Ok((status, body))
}

/// The value of `sample` (a metric name with its labels exactly as
/// rendered, e.g. `quotewire_articles_acked_total` or
/// `quotewire_confirms_failed_total{outcome="nacked"}`) in a `/metrics`
/// body; 0 if absent (a labelled counter appears at its first increment).
pub fn metric_value(body: &str, sample: &str) -> f64 {
    body.lines()
        .find_map(|l| {
            l.strip_prefix(sample)?
                .strip_prefix(' ')?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0.0)
}

/// One sample of the `/metrics` at `addr` (see [`metric_value`]).
pub async fn metric(addr: &str, sample: &str) -> Result<f64> {
    let (_, body) = http_get(addr, "/metrics").await?;
    Ok(metric_value(&body, sample))
}

/// Polls `sample` until it reaches `at_least` and returns its value; fails
/// after `timeout`.
pub async fn wait_metric(
    addr: &str,
    sample: &str,
    at_least: f64,
    timeout: Duration,
) -> Result<f64> {
    let start = Instant::now();
    loop {
        let value = metric(addr, sample).await?;
        if value >= at_least {
            return Ok(value);
        }
        if start.elapsed() >= timeout {
            return Err(Error::Timeout(
                timeout,
                format!("{sample} = {value}, wanted >= {at_least}"),
            ));
        }
        tokio::time::sleep(POLL).await;
    }
}

/// The cumulative buckets `(le, count)` of histogram `name` (without
/// labels other than `le`), in the order rendered.
pub fn buckets(body: &str, name: &str) -> Vec<(f64, f64)> {
    let prefix = format!("{name}_bucket{{le=\"");
    body.lines()
        .filter_map(|l| {
            let rest = l.strip_prefix(&prefix)?;
            let (le, rest) = rest.split_once("\"}")?;
            let le = if le == "+Inf" {
                f64::INFINITY
            } else {
                le.parse().ok()?
            };
            Some((le, rest.trim().parse().ok()?))
        })
        .collect()
}

/// Quantile `q` of cumulative buckets, interpolated linearly within the
/// bucket; the last finite bound when it falls in `+Inf`; NaN without
/// buckets.
pub fn bucket_quantile(b: &[(f64, f64)], q: f64) -> f64 {
    let Some(&(_, total)) = b.last() else {
        return f64::NAN;
    };
    let want = q * total;
    let mut prev = (0.0, 0.0);
    for &(le, cum) in b {
        if cum >= want {
            if le.is_infinite() {
                return prev.0;
            }
            let span = cum - prev.1;
            let frac = if span > 0.0 {
                (want - prev.1) / span
            } else {
                1.0
            };
            return prev.0 + (le - prev.0) * frac;
        }
        prev = (le, cum);
    }
    prev.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_within_cumulative_buckets() {
        let body = "quotewire_end_to_end_seconds_bucket{le=\"0.1\"} 10\n\
                    quotewire_end_to_end_seconds_bucket{le=\"0.2\"} 30\n\
                    quotewire_end_to_end_seconds_bucket{le=\"+Inf\"} 40\n\
                    quotewire_articles_acked_total 40\n";
        let b = buckets(body, "quotewire_end_to_end_seconds");
        assert_eq!(b.len(), 3);
        // 20 of 40 is half-way through the (0.1, 0.2] bucket.
        assert!((bucket_quantile(&b, 0.5) - 0.15).abs() < 1e-9);
        assert!((bucket_quantile(&b, 0.25) - 0.1).abs() < 1e-9);
        // Beyond the last finite bucket: its bound.
        assert_eq!(bucket_quantile(&b, 0.99), 0.2);
        assert!(bucket_quantile(&[], 0.5).is_nan());
    }

    #[test]
    fn samples_match_name_and_labels_exactly() {
        let body = "# TYPE quotewire_articles_acked counter\n\
                    quotewire_articles_acked_total 40\n\
                    quotewire_confirms_failed_total{outcome=\"nacked\"} 3\n\
                    quotewire_confirms_failed_total{outcome=\"returned\"} 1\n";
        assert_eq!(metric_value(body, "quotewire_articles_acked_total"), 40.0);
        assert_eq!(
            metric_value(body, "quotewire_confirms_failed_total{outcome=\"nacked\"}"),
            3.0
        );
        // A prefix of a name is not the name; an absent sample is 0.
        assert_eq!(metric_value(body, "quotewire_articles_acked"), 0.0);
        assert_eq!(metric_value(body, "quotewire_absent_total"), 0.0);
    }
}
