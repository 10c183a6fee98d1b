//! `quotewire` processes: `quotewire topology`, and `quotewire run` workers
//! with their JSON log, HTTP address, peak memory and shutdown.

use crate::http::{http_get, metric_value};
use crate::{Error, Result, POLL};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// The log message that carries the worker's HTTP address.
const HTTP_LISTENING: &str = "HTTP server listening.";

/// The longest wait for the HTTP address when a worker asks for its own
/// metrics.
const ADDR_TIMEOUT: Duration = Duration::from_secs(30);

/// Runs `bin topology` with exactly `env` (declares the exchanges and
/// queues, so that articles can be published before any worker runs).
pub fn run_topology(bin: &Path, env: &[(String, String)]) -> Result<()> {
    let out = Command::new(bin)
        .arg("topology")
        .env_clear()
        .envs(env.iter().cloned())
        .output()?;
    if !out.status.success() {
        return Err(Error::Failed(format!(
            "quotewire topology failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(())
}

/// The peak resident set size (`VmHWM`) of process `pid` in KiB, while it
/// lives.
pub fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// A running `quotewire run` process, its stderr (the JSON log) in a file;
/// killed when dropped if it still runs. Every method takes `&self` (the
/// child is behind a lock), so a worker can be asked while held by shared
/// reference across awaits.
pub struct WorkerProcess {
    name: String,
    pid: u32,
    log: PathBuf,
    addr: OnceLock<String>,
    state: Mutex<State>,
}

struct State {
    child: Child,
    exit: Option<ExitStatus>,
    peak_rss_kb: u64,
}

impl State {
    fn alive(&mut self) -> bool {
        if self.exit.is_none() {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.exit = Some(status);
            }
        }
        self.exit.is_none()
    }
}

impl WorkerProcess {
    /// Spawns `bin run ARGS...` with exactly `env`, stdin and stdout
    /// closed, stderr into the file `log`; `name` is how errors refer to
    /// it.
    pub fn spawn<I, S>(
        name: &str,
        bin: &Path,
        args: I,
        env: &[(String, String)],
        log: PathBuf,
    ) -> Result<WorkerProcess>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let file = std::fs::File::create(&log)?;
        let child = Command::new(bin)
            .arg("run")
            .args(args)
            .env_clear()
            .envs(env.iter().cloned())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(file)
            .spawn()?;
        Ok(WorkerProcess {
            name: name.to_string(),
            pid: child.id(),
            log,
            addr: OnceLock::new(),
            state: Mutex::new(State {
                child,
                exit: None,
                peak_rss_kb: 0,
            }),
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The name given at spawn.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// The log file.
    pub fn log_path(&self) -> &Path {
        &self.log
    }

    /// Whether the process still runs (reaps it if it exited).
    pub fn alive(&self) -> bool {
        self.state().alive()
    }

    /// How the process exited, if it did.
    pub fn exit_status(&self) -> Option<ExitStatus> {
        let mut state = self.state();
        state.alive();
        state.exit
    }

    /// The log so far.
    pub fn logs(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The JSON log lines whose message is `message`.
    pub fn log_events(&self, message: &str) -> Vec<serde_json::Value> {
        // Only lines holding the message as JSON are parsed: logs of long
        // runs are large and polled often.
        let needle = format!(
            "\"message\":{}",
            serde_json::Value::from(message.to_string())
        );
        self.logs()
            .lines()
            .filter(|l| l.contains(&needle))
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["fields"]["message"] == message)
            .collect()
    }

    /// Waits until `message` was logged `count` times and returns those
    /// lines; fails after `timeout`, or at once if the process exited.
    pub async fn wait_for_log(
        &self,
        message: &str,
        count: usize,
        timeout: Duration,
    ) -> Result<Vec<serde_json::Value>> {
        let start = Instant::now();
        loop {
            // Whether it exited, asked before reading the log, so that a
            // line written just before the exit is not missed.
            let exited = self.exit_status();
            let found = self.log_events(message);
            if found.len() >= count {
                return Ok(found);
            }
            let what = || {
                format!(
                    "{}: `{message}` logged {} of {count} time(s); log:\n{}",
                    self.name,
                    found.len(),
                    self.logs()
                )
            };
            if let Some(status) = exited {
                return Err(Error::Failed(format!(
                    "exited ({status}) before {}",
                    what()
                )));
            }
            if start.elapsed() >= timeout {
                return Err(Error::Timeout(timeout, what()));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The address of the worker's HTTP server, from its log (waits for it
    /// at most `timeout`; remembered once found).
    pub async fn http_addr(&self, timeout: Duration) -> Result<String> {
        if let Some(addr) = self.addr.get() {
            return Ok(addr.clone());
        }
        let lines = self.wait_for_log(HTTP_LISTENING, 1, timeout).await?;
        let addr = lines[0]["fields"]["address"]
            .as_str()
            .ok_or_else(|| {
                Error::Failed(format!(
                    "{}: `{HTTP_LISTENING}` without an address",
                    self.name
                ))
            })?
            .to_string();
        Ok(self.addr.get_or_init(|| addr).clone())
    }

    /// One sample of the worker's `/metrics` (`name{labels}` as written
    /// there), 0 if absent.
    pub async fn metric(&self, sample: &str) -> Result<f64> {
        let addr = self.http_addr(ADDR_TIMEOUT).await?;
        let (_, body) = http_get(&addr, "/metrics").await?;
        Ok(metric_value(&body, sample))
    }

    /// Samples the peak resident set size while the process lives and
    /// returns the highest seen so far, in KiB.
    pub fn sample_rss(&self) -> u64 {
        let mut state = self.state();
        if state.alive() {
            if let Some(kb) = vm_hwm_kb(self.pid) {
                state.peak_rss_kb = state.peak_rss_kb.max(kb);
            }
        }
        state.peak_rss_kb
    }

    /// The highest peak resident set size sampled, in KiB.
    pub fn peak_rss_kb(&self) -> u64 {
        self.state().peak_rss_kb
    }

    /// Sends SIGTERM (a graceful drain).
    pub fn terminate(&self) -> Result<()> {
        let status = Command::new("kill")
            .args(["-TERM", &self.pid.to_string()])
            .status()?;
        if !status.success() {
            return Err(Error::Failed(format!(
                "kill -TERM {} ({}) failed",
                self.pid, self.name
            )));
        }
        Ok(())
    }

    /// SIGKILL (after sampling its memory), and reaps it.
    pub fn kill9(&self) -> Result<()> {
        self.sample_rss();
        let mut state = self.state();
        state.child.kill()?;
        state.exit = Some(state.child.wait()?);
        Ok(())
    }

    /// Waits for the process to exit; fails after `timeout` (leaving it
    /// running).
    pub async fn wait_exit(&self, timeout: Duration) -> Result<ExitStatus> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.exit_status() {
                return Ok(status);
            }
            if start.elapsed() >= timeout {
                return Err(Error::Timeout(
                    timeout,
                    format!("{} to exit; log:\n{}", self.name, self.logs()),
                ));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// If it runs: samples its memory, SIGTERM, and waits at most
    /// `timeout`, after which it is killed and the wait fails. The exit
    /// code (`None` if ended by a signal).
    pub async fn stop(&self, timeout: Duration) -> Result<Option<i32>> {
        if self.alive() {
            self.sample_rss();
            if let Err(e) = self.terminate() {
                // Only an error if it was not because the process ended.
                if self.alive() {
                    return Err(e);
                }
            }
            if self.wait_exit(timeout).await.is_err() {
                self.kill9()?;
                return Err(Error::Timeout(timeout, format!("{} SIGTERM", self.name)));
            }
        }
        Ok(self.exit_status().and_then(|s| s.code()))
    }
}

impl Drop for WorkerProcess {
    fn drop(&mut self) {
        let state = self.state.get_mut().unwrap_or_else(|e| e.into_inner());
        if state.alive() {
            let _ = state.child.kill();
            let _ = state.child.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_rss_of_this_process_is_read_from_proc() {
        let kb = vm_hwm_kb(std::process::id()).expect("VmHWM of a live process");
        assert!(kb > 0);
        assert_eq!(vm_hwm_kb(u32::MAX), None);
    }
}
