//! CPU time of the workers, the broker, this program and the whole
//! machine, read from /proc.

use std::time::Instant;

/// CPU time of a process in clock ticks (utime + stime).
pub fn proc_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 and 15 of the full line are 12 and 13 after "(comm) ".
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Total and idle jiffies of the whole machine.
pub fn machine_ticks() -> (u64, u64) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let line = stat.lines().next().unwrap_or("");
    let v: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    let total = v.iter().sum();
    let idle = v.get(3).copied().unwrap_or(0) + v.get(4).copied().unwrap_or(0);
    (total, idle)
}

/// The broker's Erlang VM processes (read-only look at /proc).
pub fn broker_pids() -> Vec<u32> {
    let mut pids = Vec::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                continue;
            };
            if let Ok(comm) = std::fs::read_to_string(format!("/proc/{pid}/comm")) {
                if comm.trim() == "beam.smp" {
                    pids.push(pid);
                }
            }
        }
    }
    pids
}

/// CPU ticks used so far, at one instant.
pub struct Snapshot {
    /// When it was taken.
    pub at: Instant,
    /// Ticks of the worker processes.
    pub workers: u64,
    /// Ticks of the broker's processes.
    pub broker: u64,
    /// Ticks of this program.
    pub bench: u64,
    /// Total and idle ticks of the machine.
    pub machine: (u64, u64),
}

/// Takes a [`Snapshot`] of `workers` and `broker` (process ids).
pub fn snapshot(workers: &[u32], broker: &[u32]) -> Snapshot {
    Snapshot {
        at: Instant::now(),
        workers: workers.iter().filter_map(|p| proc_ticks(*p)).sum(),
        broker: broker.iter().filter_map(|p| proc_ticks(*p)).sum(),
        bench: proc_ticks(std::process::id()).unwrap_or(0),
        machine: machine_ticks(),
    }
}
