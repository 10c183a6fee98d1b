//! One scenario run ([`Scene`]): unique broker objects declared by
//! `quotewire topology`, collectors, a publisher and workers; at the end
//! the invariant checked into a report [`Row`].

use crate::collect::{collector, Stream, Tally};
use crate::inputs::{input_key, publish_inputs, Expect, Input};
use crate::Options;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use testkit::{queue_depth_at, rabbitmqctl, run_topology, Error, Names, Result, WorkerProcess};
use tokio_util::sync::CancellationToken;

/// How many times worker `w` logged `Consuming.` (sessions opened).
pub fn consuming_count(w: &WorkerProcess) -> usize {
    w.log_events("Consuming.").len()
}

/// Runs one scenario: a [`Scene`] on `inputs` (workers with `extra_env`),
/// its `steps`, then [`Scene::conclude`]; a broken row if the scene cannot
/// be set up.
pub async fn play<F>(
    opts: &Options,
    scenario: &str,
    inputs: Vec<Input>,
    extra_env: &[(&str, &str)],
    steps: F,
) -> Row
where
    F: AsyncFnOnce(&mut Scene) -> Result<String>,
{
    match Scene::new(opts, scenario, inputs, extra_env) {
        Ok(mut scene) => {
            let steps = steps(&mut scene).await;
            scene.conclude(steps).await
        }
        Err(e) => broken_row(scenario, e),
    }
}

/// One row of the report.
#[derive(Debug, Clone)]
pub struct Row {
    /// The scenario's name.
    pub scenario: String,
    /// Inputs published.
    pub articles_in: usize,
    /// Distinct events expected in the output.
    pub events_expected: usize,
    /// Output deliveries seen.
    pub events_seen: u64,
    /// Deliveries of an event already seen.
    pub duplicates: u64,
    /// Inputs in the dead-letter queue.
    pub dead: usize,
    /// Inputs neither complete nor dead-lettered.
    pub lost: usize,
    /// The scenario's recovery measure.
    pub recovery: String,
    /// Highest worker peak RSS, MB.
    pub rss_mb: f64,
    /// Whether every promise held.
    pub ok: bool,
    /// Failures (`FAIL: ...`) first, then observations.
    pub notes: Vec<String>,
}

/// One scenario run: its broker objects, inputs, collectors, publisher
/// and workers, and what it noted and found wrong so far.
pub struct Scene {
    /// The suite's options.
    pub opts: Options,
    scenario: String,
    /// The run's exchanges and queues.
    pub names: Names,
    /// What is published, by index.
    pub inputs: Arc<Vec<Input>>,
    /// What arrived.
    pub tally: Arc<Mutex<Tally>>,
    /// Per input: when its publish was confirmed.
    pub published: Arc<Mutex<Vec<Option<Instant>>>>,
    stop: CancellationToken,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    publisher: Option<tokio::task::JoinHandle<Result<()>>>,
    /// The workers started so far, by index.
    pub workers: Vec<WorkerProcess>,
    worker_env: Vec<(String, String)>,
    dir: tempfile::TempDir,
    /// Observations for the report.
    pub notes: Vec<String>,
    failures: Vec<String>,
    /// A policy to clear at the end, if set.
    pub policy: Option<String>,
    /// Whether a good article in the dead-letter queue fails the scenario
    /// (when nothing about the article itself is wrong).
    pub good_dead_fails: bool,
}

impl Scene {
    /// Unique names, the topology declared by `quotewire topology` with the
    /// workers' settings plus `extra_env`.
    fn new(
        opts: &Options,
        scenario: &str,
        inputs: Vec<Input>,
        extra_env: &[(&str, &str)],
    ) -> Result<Scene> {
        let names = Names::unique("qwfault", scenario);
        let tally = Tally::new(&inputs);
        let n = inputs.len();
        let mut worker_env = names.worker_env(&opts.url);
        worker_env.extend(
            extra_env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string())),
        );
        let mut env = worker_env.clone();
        env.push((
            "QUOTEWIRE__AMQP__CONNECTION_NAME".into(),
            format!("{}.suite.topology", names.prefix),
        ));
        run_topology(&opts.bin, &env)?;
        eprintln!("== {scenario}: {n} inputs, names {}.*", names.prefix);
        Ok(Scene {
            opts: opts.clone(),
            scenario: scenario.to_string(),
            names,
            inputs: Arc::new(inputs),
            tally: Arc::new(Mutex::new(tally)),
            published: Arc::new(Mutex::new(vec![None; n])),
            stop: CancellationToken::new(),
            tasks: Vec::new(),
            publisher: None,
            workers: Vec::new(),
            worker_env,
            dir: tempfile::Builder::new().prefix("qwfault-").tempdir()?,
            notes: Vec::new(),
            failures: Vec::new(),
            policy: None,
            good_dead_fails: false,
        })
    }

    /// Starts a collector of `stream` into the tally.
    pub fn start_collector(&mut self, stream: Stream) {
        let (queue, which) = match stream {
            Stream::Output => (self.names.output_queue.clone(), "collect-out"),
            Stream::Dead => (self.names.dead_queue.clone(), "collect-dead"),
        };
        self.tasks.push(tokio::spawn(collector(
            self.opts.url.clone(),
            format!("{}.suite.{which}", self.names.prefix),
            queue,
            stream,
            self.tally.clone(),
            self.stop.clone(),
        )));
    }

    /// Publishes every input in the background, at most `per_second`.
    pub fn start_publisher(&mut self, per_second: Option<u32>) {
        self.publisher = Some(tokio::spawn(publish_inputs(
            self.opts.url.clone(),
            format!("{}.suite.publish", self.names.prefix),
            self.names.input_exchange.clone(),
            self.inputs.clone(),
            self.published.clone(),
            per_second,
        )));
    }

    /// Waits until the publisher confirmed every input.
    pub async fn wait_published(&mut self) -> Result<()> {
        if let Some(handle) = self.publisher.take() {
            handle
                .await
                .map_err(|e| Error::Failed(format!("publisher task: {e}")))??;
        }
        Ok(())
    }

    /// Starts a worker named `<prefix>.<name>` (its connection names).
    pub fn spawn_worker(&mut self, name: &str) -> Result<usize> {
        self.spawn_worker_with(name, &[])
    }

    /// [`Scene::spawn_worker`] with `extra` settings of its own (after the
    /// scene's, so they win).
    pub fn spawn_worker_with(&mut self, name: &str, extra: &[(&str, &str)]) -> Result<usize> {
        let mut env = self.worker_env.clone();
        env.push((
            "QUOTEWIRE__AMQP__CONNECTION_NAME".into(),
            format!("{}.{name}", self.names.prefix),
        ));
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let log = self.dir.path().join(format!("{name}.log"));
        let no_args: [&str; 0] = [];
        let worker = WorkerProcess::spawn(name, &self.opts.bin, no_args, &env, log)?;
        self.workers.push(worker);
        Ok(self.workers.len() - 1)
    }

    /// Inputs complete so far.
    pub fn done(&self) -> usize {
        self.tally.lock().expect("tally").done
    }

    /// Samples every worker's peak RSS.
    pub fn sample(&mut self) {
        for w in &self.workers {
            w.sample_rss();
        }
    }

    /// Polls (sampling RSS) until `cond` holds; fails after `timeout`.
    pub async fn wait_for<F>(
        &mut self,
        what: &str,
        timeout: Duration,
        mut cond: F,
    ) -> Result<Duration>
    where
        F: FnMut(&mut Scene) -> bool,
    {
        let start = Instant::now();
        loop {
            self.sample();
            if cond(self) {
                return Ok(start.elapsed());
            }
            if start.elapsed() > timeout {
                return Err(Error::Timeout(timeout, what.to_string()));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until worker `w` logged `Consuming.` `count` times.
    pub async fn wait_consuming(&mut self, w: usize, count: usize) -> Result<Duration> {
        let what = format!(
            "{} logs `Consuming.` {count} time(s)",
            self.workers[w].name()
        );
        self.wait_for(&what, Duration::from_secs(60), |s| {
            consuming_count(&s.workers[w]) >= count
        })
        .await
    }

    /// Waits until `at_least` inputs are complete.
    pub async fn wait_progress(&mut self, at_least: usize, timeout: Duration) -> Result<Duration> {
        let what = format!("{at_least} inputs complete");
        self.wait_for(&what, timeout, |s| s.done() >= at_least)
            .await
    }

    /// Waits until the worker has acked at least one article.
    pub async fn wait_first_ack(&mut self, w: usize, timeout: Duration) -> Result<()> {
        let start = Instant::now();
        loop {
            self.sample();
            if self.workers[w]
                .metric("quotewire_articles_acked_total")
                .await
                .unwrap_or(0.0)
                >= 1.0
            {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(Error::Timeout(
                    timeout,
                    format!("{} acks", self.workers[w].name()),
                ));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Records a broken promise (and says it at once).
    pub fn fail(&mut self, what: String) {
        eprintln!("  FAIL: {what}");
        self.failures.push(what);
    }

    /// [`Scene::finish`] after the scenario's steps, which may have failed
    /// half-way (the invariant is checked either way).
    async fn conclude(mut self, steps: Result<String>) -> Row {
        match steps {
            Ok(recovery) => self.finish(recovery).await,
            Err(e) => {
                self.fail(format!("the scenario did not complete: {e}"));
                self.finish("-".into()).await
            }
        }
    }

    /// Stops the workers (SIGTERM, exit code 0 expected), lets the
    /// collectors settle, checks the input queue is empty and the
    /// invariant, deletes the broker objects and returns the row.
    async fn finish(mut self, recovery: String) -> Row {
        let n = self.inputs.len();
        if let Err(e) = self.wait_published().await {
            self.fail(format!("publishing failed: {e}"));
        }
        if self.done() < n {
            // Give stragglers a last bounded chance before judging.
            let _ = self.wait_progress(n, Duration::from_secs(30)).await;
        }
        for i in 0..self.workers.len() {
            if !self.workers[i].alive() {
                continue;
            }
            match self.workers[i].stop(Duration::from_secs(40)).await {
                Ok(Some(0)) => {}
                Ok(code) => {
                    let w = &self.workers[i];
                    let msg = format!("{} exited with {code:?} on SIGTERM", w.name());
                    self.fail(msg);
                }
                Err(e) => self.fail(e.to_string()),
            }
        }
        // Late duplicates: wait until nothing arrived for 2 s (at most 30 s).
        let settle_start = Instant::now();
        while settle_start.elapsed() < Duration::from_secs(30) {
            if self.tally.lock().expect("tally").last_delivery.elapsed() > Duration::from_secs(2) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let control = format!("{}.suite.control", self.names.prefix);
        match queue_depth_at(&self.opts.url, &control, &self.names.input_queue).await {
            Ok(0) => {}
            Ok(left) => self.fail(format!("{left} message(s) left in the input queue")),
            Err(e) => self.fail(format!("cannot check the input queue: {e}")),
        }
        self.stop.cancel();
        for task in self.tasks.drain(..) {
            let _ = task.await;
        }

        let row = self.judge(recovery);
        if !row.ok {
            let logs: Vec<String> = self
                .workers
                .iter()
                .map(|w| {
                    let dest = std::env::temp_dir().join(format!(
                        "{}.{}.log",
                        self.names.prefix,
                        w.name()
                    ));
                    let _ = std::fs::copy(w.log_path(), &dest);
                    dest.display().to_string()
                })
                .collect();
            eprintln!("  worker logs kept: {}", logs.join(" "));
        }
        self.cleanup().await;
        row
    }

    /// The row: the invariant checked against what the collectors saw.
    fn judge(&mut self, recovery: String) -> Row {
        let n = self.inputs.len();
        let t = self.tally.lock().expect("tally");
        let mut events_expected = 0;
        let mut lost = Vec::new();
        let mut good_dead = 0;
        let mut wrong_kind = Vec::new();
        let mut zero_event = 0;
        for (i, input) in self.inputs.iter().enumerate() {
            let dead = t.dead.get(&i);
            match &input.expect {
                Expect::Events(ids) => {
                    events_expected += ids.len();
                    if ids.is_empty() {
                        zero_event += 1;
                    }
                    if t.remaining[i] > 0 {
                        if dead.is_some() {
                            good_dead += 1;
                        } else {
                            lost.push(format!(
                                "{} {} ({} of {} events missing)",
                                input_key(i),
                                input.label,
                                t.remaining[i],
                                ids.len()
                            ));
                        }
                    }
                }
                Expect::Dead(kind) => match dead {
                    None => lost.push(format!(
                        "{} {} (expected dead letter {kind})",
                        input_key(i),
                        input.label
                    )),
                    Some(records) => {
                        if !records.iter().any(|r| r.kind == *kind) {
                            wrong_kind.push(format!(
                                "{} {}: expected {kind}, got {}",
                                input_key(i),
                                input.label,
                                records[0].kind
                            ));
                        }
                    }
                },
            }
        }
        let mut failures = std::mem::take(&mut self.failures);
        let mut notes = std::mem::take(&mut self.notes);
        let no_reason = t
            .dead
            .values()
            .flatten()
            .filter(|r| r.kind.is_empty() || r.reason.is_empty())
            .count();
        if no_reason > 0 {
            failures.push(format!("{no_reason} dead letter(s) without a reason"));
        }
        if !wrong_kind.is_empty() {
            failures.push(format!(
                "dead-lettered with the wrong kind: {}",
                wrong_kind.join("; ")
            ));
        }
        if t.unknown_events > 0 {
            failures.push(format!(
                "{} event(s) with an unexpected event_id",
                t.unknown_events
            ));
        }
        if t.dead_unknown > 0 {
            failures.push(format!(
                "{} dead letter(s) not from this run's inputs",
                t.dead_unknown
            ));
        }
        if good_dead > 0 {
            let mut kinds: HashMap<&str, usize> = HashMap::new();
            for (i, records) in &t.dead {
                if matches!(self.inputs[*i].expect, Expect::Events(_)) && t.remaining[*i] > 0 {
                    *kinds.entry(records[0].kind.as_str()).or_default() += 1;
                }
            }
            let what = format!(
                "{good_dead} good article(s) dead-lettered instead of extracted (not lost): {kinds:?}"
            );
            if self.good_dead_fails {
                failures.push(what);
            } else {
                notes.push(what);
            }
        }
        if zero_event > 0 {
            notes.push(format!(
                "{zero_event} input(s) have no expected event; for them the check is the empty input queue"
            ));
        }
        if !lost.is_empty() {
            let shown: Vec<_> = lost.iter().take(10).cloned().collect();
            failures.push(format!("LOST {}: {}", lost.len(), shown.join("; ")));
        }
        let distinct_seen = t.seen.len() as u64;
        let duplicates = t.event_deliveries - t.unknown_events - distinct_seen;
        let rss_kb = self
            .workers
            .iter()
            .map(WorkerProcess::peak_rss_kb)
            .max()
            .unwrap_or(0);
        let rss_mb = rss_kb as f64 / 1024.0;
        if rss_mb > self.opts.rss_limit_mb as f64 {
            failures.push(format!(
                "worker peak RSS {rss_mb:.0} MB over the bound of {} MB",
                self.opts.rss_limit_mb
            ));
        }
        let row = Row {
            scenario: self.scenario.clone(),
            articles_in: n,
            events_expected,
            events_seen: t.event_deliveries,
            duplicates,
            dead: t.dead.len(),
            lost: lost.len(),
            recovery,
            rss_mb,
            ok: lost.is_empty() && failures.is_empty(),
            notes: failures
                .into_iter()
                .map(|f| format!("FAIL: {f}"))
                .chain(notes)
                .collect(),
        };
        row
    }

    async fn cleanup(&self) {
        if let Some(policy) = &self.policy {
            let _ = rabbitmqctl(&["clear_policy", policy]);
        }
        let connection_name = format!("{}.suite.cleanup", self.names.prefix);
        self.names.delete_at(&self.opts.url, &connection_name).await;
    }
}

/// A row for a scenario that could not run at all.
pub fn broken_row(scenario: &str, error: Error) -> Row {
    Row {
        scenario: scenario.to_string(),
        articles_in: 0,
        events_expected: 0,
        events_seen: 0,
        duplicates: 0,
        dead: 0,
        lost: 0,
        recovery: "-".into(),
        rss_mb: 0.0,
        ok: false,
        notes: vec![format!("FAIL: the scenario did not complete: {error}")],
    }
}
