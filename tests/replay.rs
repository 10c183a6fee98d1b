//! Tests of `quotewire replay` against a real RabbitMQ, through the real
//! binary.
//!
//! They need a broker at `$AMQP_URL` (default
//! `amqp://guest:guest@127.0.0.1:5672/%2f`) and fail, never skip, when
//! there is none: start one with `scripts/ensure-rabbitmq.sh`. Every test
//! uses its own uniquely named exchanges and queues.

mod common;

use common::*;
use lapin::options::{ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::FieldTable;
use lapin::ExchangeKind;
use quotewire::{Article, ArticleLimits};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const LONG: Duration = Duration::from_secs(30);
const SETTLE: Duration = Duration::from_millis(300);

/// Consumes (auto-ack) messages from `queue` until at least `min` arrived
/// (waiting at most `timeout`) and then none more for `settle`; in queue
/// order. Faster than one `basic.get` per message for thousands.
async fn consume_all(
    ch: &lapin::Channel,
    queue: &str,
    min: usize,
    timeout: Duration,
    settle: Duration,
) -> Vec<lapin::message::Delivery> {
    use futures_util::StreamExt;
    let tag = format!("{queue}.drain.{}", fastrand::u64(..));
    let mut consumer = ch
        .basic_consume(
            queue.into(),
            tag.as_str().into(),
            lapin::options::BasicConsumeOptions {
                no_ack: true,
                ..Default::default()
            },
            FieldTable::default(),
        )
        .await
        .expect("basic_consume");
    let start = Instant::now();
    let mut got = Vec::new();
    loop {
        let wait = if got.len() >= min {
            settle
        } else {
            timeout.saturating_sub(start.elapsed())
        };
        match tokio::time::timeout(wait, consumer.next()).await {
            Ok(Some(delivery)) => got.push(delivery.expect("delivery")),
            Ok(None) => panic!("the consumer of {queue} ended"),
            Err(_) if got.len() >= min => break,
            Err(_) => panic!(
                "only {} of {min} messages in {queue} after {timeout:?}",
                got.len()
            ),
        }
    }
    ch.basic_cancel(tag.as_str().into(), Default::default())
        .await
        .expect("basic_cancel");
    got
}

fn replay_command(names: &Names, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotewire"));
    cmd.arg("replay")
        .args(args)
        .env_clear()
        .envs(names.env())
        .env("QUOTEWIRE__OUTPUT__DECLARE_QUEUE", "false");
    cmd
}

/// Runs `quotewire replay` to its end, with `stdin` as standard input.
fn replay(names: &Names, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = replay_command(names, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn quotewire replay");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("wait for quotewire replay")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write_lines(path: &Path, lines: &[Vec<u8>]) {
    let mut data = Vec::new();
    for line in lines {
        data.extend_from_slice(line);
        data.push(b'\n');
    }
    std::fs::write(path, data).expect("write input");
}

fn article_id(body: &[u8]) -> String {
    Article::from_json(body, &ArticleLimits::default())
        .expect("published bodies are articles")
        .id
}

fn message_id(d: &lapin::message::Delivery) -> String {
    d.properties
        .message_id()
        .as_ref()
        .expect("message_id")
        .to_string()
}

fn checkpoint(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("checkpoint file")).expect("checkpoint JSON")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn properties_and_headers_of_replayed_articles() {
    let names = Names::new("replay-props");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let bodies: Vec<Vec<u8>> = (0..5).map(article).collect();
    write_lines(&input, &bodies);
    let cp = dir.path().join("cp.json");
    let out = replay(
        &names,
        &[
            "--batch-id",
            "batch-42",
            "--checkpoint",
            arg(&cp),
            arg(&input),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("replay completed: batch=batch-42 published=5 confirmed=5"),
        "{}",
        stderr(&out)
    );
    let got = consume_all(&ch, &names.input_queue, 5, LONG, SETTLE).await;
    assert_eq!(got.len(), 5);
    for (i, d) in got.iter().enumerate() {
        let p = &d.properties;
        assert_eq!(d.data, bodies[i], "body unchanged, in order");
        assert_eq!(d.exchange.as_str(), names.input_exchange);
        assert_eq!(d.routing_key.as_str(), "replay");
        let article = Article::from_json(&bodies[i], &ArticleLimits::default()).unwrap();
        assert_eq!(message_id(d), quotewire::replay::message_id(&article));
        assert_eq!(*p.delivery_mode(), Some(2), "persistent");
        assert_eq!(
            p.content_type().as_ref().map(|s| s.as_str()),
            Some("application/json")
        );
        assert_eq!(p.app_id().as_ref().map(|s| s.as_str()), Some("quotewire"));
        assert!(p.timestamp().is_some());
        assert_eq!(header(p, "x-quotewire-replay").as_deref(), Some("batch-42"));
        assert_eq!(
            header(p, "x-quotewire-source").as_deref(),
            Some(arg(&input))
        );
        assert_eq!(
            header(p, "x-quotewire-source-line"),
            Some((i + 1).to_string())
        );
    }
    let cp = checkpoint(&cp);
    assert_eq!(cp["batch_id"], "batch-42");
    let progress = &cp["inputs"][arg(&input)];
    assert_eq!(progress["complete"], true);
    assert_eq!(progress["line"], 5);
    assert_eq!(progress["offset"], std::fs::metadata(&input).unwrap().len());
    // Message ids are stable: the same archive replayed again gives the
    // same ids, so downstream can deduplicate.
    let cp2 = dir.path().join("cp2.json");
    let out = replay(&names, &["--checkpoint", arg(&cp2), arg(&input)], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let again = consume_all(&ch, &names.input_queue, 5, LONG, SETTLE).await;
    let ids = |v: &[lapin::message::Delivery]| v.iter().map(message_id).collect::<Vec<_>>();
    assert_eq!(ids(&again), ids(&got));
    assert_ne!(
        header(&again[0].properties, "x-quotewire-replay").as_deref(),
        Some("batch-42"),
        "a new batch gets a new batch id"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_lines_are_reported_with_file_and_line_and_never_published() {
    let names = Names::new("replay-bad");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mixed.jsonl");
    let lines: Vec<Vec<u8>> = vec![
        article(0),
        b"this is not JSON".to_vec(),
        article(1),
        br#"{"text":"\"Hi,\" she said."}"#.to_vec(),
        b"".to_vec(),
        article(2),
        br#"{"id":"e","text":"   "}"#.to_vec(),
        br#"{"id":42,"text":"x"}"#.to_vec(),
        article(3),
        b"{\"id\":\"t\",\"text\":\"trunc".to_vec(),
    ];
    write_lines(&input, &lines);
    let cp = dir.path().join("cp.json");
    let out = replay(&names, &["--checkpoint", arg(&cp), arg(&input)], b"");
    let err = stderr(&out);
    assert!(out.status.success(), "bad lines are skipped: {err}");
    let name = arg(&input);
    for (line, kind) in [
        (2, "not_json"),
        (4, "missing_field"),
        (7, "empty_field"),
        (8, "wrong_type"),
        (10, "not_json"),
    ] {
        let want = format!("{name}:{line}: bad article ({kind})");
        assert!(err.contains(&want), "missing `{want}` in:\n{err}");
    }
    assert!(
        !err.contains(&format!("{name}:5:")),
        "a blank line is not reported"
    );
    assert!(err.contains("published=4 confirmed=4 bad=5"), "{err}");
    let got = consume_all(&ch, &names.input_queue, 4, LONG, SETTLE).await;
    let ids: Vec<String> = got.iter().map(|d| article_id(&d.data)).collect();
    assert_eq!(ids, ["article-0", "article-1", "article-2", "article-3"]);
    assert_eq!(checkpoint(&cp)["inputs"][name]["complete"], true);

    // --strict stops at the first bad line: only what precedes it is
    // published, the exit code is non-zero, and the checkpoint stops
    // before the bad line.
    let cp = dir.path().join("strict.json");
    let out = replay(
        &names,
        &["--strict", "--checkpoint", arg(&cp), arg(&input)],
        b"",
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("{name}:2: bad article (not_json)")),
        "{err}"
    );
    assert!(
        !err.contains(&format!("{name}:4:")),
        "stopped at the first: {err}"
    );
    assert!(
        err.contains(&format!("stopped at bad line {name}:2")),
        "{err}"
    );
    let got = consume_all(&ch, &names.input_queue, 1, LONG, SETTLE).await;
    let ids: Vec<String> = got.iter().map(|d| article_id(&d.data)).collect();
    assert_eq!(ids, ["article-0"]);
    let progress = &checkpoint(&cp)["inputs"][name];
    assert_eq!(progress["line"], 1);
    assert_eq!(progress["complete"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gzip_directories_and_stdin_in_a_stable_order() {
    let names = Names::new("replay-walk");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    std::fs::create_dir_all(root.join("2024/02")).unwrap();
    std::fs::create_dir_all(root.join("2024/01")).unwrap();
    let lines = |range: std::ops::Range<usize>| -> Vec<u8> {
        range
            .flat_map(|i| {
                let mut l = article(i);
                l.push(b'\n');
                l
            })
            .collect()
    };
    // Name order: 2024/01/a.jsonl.gz, 2024/01/b.jsonl, 2024/02/a.jsonl, z.jsonl.
    std::fs::write(root.join("2024/02/a.jsonl"), lines(6..8)).unwrap();
    std::fs::write(root.join("2024/01/b.jsonl"), lines(3..6)).unwrap();
    std::fs::write(root.join("2024/01/a.jsonl.gz"), gzip(&lines(0..3))).unwrap();
    std::fs::write(root.join("z.jsonl"), lines(8..9)).unwrap();
    std::fs::write(root.join("notes.txt"), b"not an archive\n").unwrap();
    std::fs::write(root.join("2024/01/old.json"), b"{}\n").unwrap();
    let cp = dir.path().join("cp.json");
    let out = replay(
        &names,
        &["--checkpoint", arg(&cp), "--window", "1", arg(&root), "-"],
        &lines(9..11),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let got = consume_all(&ch, &names.input_queue, 11, LONG, SETTLE).await;
    let ids: Vec<String> = got.iter().map(|d| article_id(&d.data)).collect();
    let want: Vec<String> = (0..11).map(|i| format!("article-{i}")).collect();
    assert_eq!(ids, want, "walk order, then standard input");
    let sources: Vec<String> = got
        .iter()
        .map(|d| header(&d.properties, "x-quotewire-source").unwrap())
        .collect();
    let root_s = arg(&root);
    assert_eq!(sources[0], format!("{root_s}/2024/01/a.jsonl.gz"));
    assert_eq!(sources[3], format!("{root_s}/2024/01/b.jsonl"));
    assert_eq!(sources[6], format!("{root_s}/2024/02/a.jsonl"));
    assert_eq!(sources[8], format!("{root_s}/z.jsonl"));
    assert_eq!(sources[9], "-");
    let cp = checkpoint(&cp);
    let inputs = cp["inputs"].as_object().unwrap();
    assert_eq!(inputs.len(), 5);
    assert!(inputs.values().all(|p| p["complete"] == true), "{cp}");
    // The gzip input's offset counts decompressed bytes.
    assert_eq!(
        inputs[&format!("{root_s}/2024/01/a.jsonl.gz")]["offset"],
        lines(0..3).len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limit_then_resume_publishes_the_rest_once() {
    let names = Names::new("replay-limit");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_lines(&input, &(0..20).map(article).collect::<Vec<_>>());
    let cp = dir.path().join("cp.json");
    let out = replay(
        &names,
        &["--limit", "7", "--checkpoint", arg(&cp), arg(&input)],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("replay limit reached"),
        "{}",
        stderr(&out)
    );
    let first = consume_all(&ch, &names.input_queue, 7, LONG, SETTLE).await;
    let ids: Vec<String> = first.iter().map(|d| article_id(&d.data)).collect();
    assert_eq!(
        ids,
        (0..7).map(|i| format!("article-{i}")).collect::<Vec<_>>()
    );
    assert_eq!(checkpoint(&cp)["inputs"][arg(&input)]["line"], 7);

    // Without --resume an existing checkpoint is not overwritten.
    let out = replay(&names, &["--checkpoint", arg(&cp), arg(&input)], b"");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--resume"), "{}", stderr(&out));

    let out = replay(
        &names,
        &["--resume", "--checkpoint", arg(&cp), arg(&input)],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rest = consume_all(&ch, &names.input_queue, 13, LONG, SETTLE).await;
    let ids: Vec<String> = rest.iter().map(|d| article_id(&d.data)).collect();
    assert_eq!(
        ids,
        (7..20).map(|i| format!("article-{i}")).collect::<Vec<_>>()
    );
    assert_eq!(
        header(&rest[0].properties, "x-quotewire-replay"),
        header(&first[0].properties, "x-quotewire-replay"),
        "a resumed replay keeps its batch id"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn returned_articles_are_retried_then_the_exit_is_non_zero() {
    let names = Names::new("replay-return");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_lines(&input, &(0..3).map(article).collect::<Vec<_>>());
    // The output exchange exists but no queue is bound to it: every publish
    // is unroutable and comes back (mandatory).
    ch.exchange_declare(
        names.output_exchange.as_str().into(),
        ExchangeKind::Topic,
        ExchangeDeclareOptions {
            durable: true,
            ..ExchangeDeclareOptions::default()
        },
        FieldTable::default(),
    )
    .await
    .unwrap();
    let cp = dir.path().join("cp.json");
    let common_args = [
        "--exchange",
        names.output_exchange.as_str(),
        "--max-retries",
        "2",
        "--checkpoint",
        arg(&cp),
    ];
    let mut args = common_args.to_vec();
    args.push(arg(&input));
    let out = replay(&names, &args, b"");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let name = arg(&input);
    for line in 1..=3 {
        for attempt in 1..=2 {
            let want = format!("{name}:{line}: returned as unroutable; retry {attempt} in");
            assert!(err.contains(&want), "missing `{want}` in:\n{err}");
        }
        let want = format!("{name}:{line}: not published: returned as unroutable");
        assert!(err.contains(&want), "missing `{want}` in:\n{err}");
    }
    assert!(
        err.contains("confirmed=0 bad=0 retried=6 failed=3"),
        "{err}"
    );
    let progress = &checkpoint(&cp)["inputs"][name];
    assert_eq!(progress["line"], 0, "nothing unconfirmed is checkpointed");

    // Once a queue is bound, --resume publishes all of them.
    ch.queue_declare(
        names.output_queue.as_str().into(),
        QueueDeclareOptions::default(),
        FieldTable::default(),
    )
    .await
    .unwrap();
    ch.queue_bind(
        names.output_queue.as_str().into(),
        names.output_exchange.as_str().into(),
        "#".into(),
        QueueBindOptions::default(),
        FieldTable::default(),
    )
    .await
    .unwrap();
    let mut args = common_args.to_vec();
    args.extend(["--resume", arg(&input)]);
    let out = replay(&names, &args, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let got = consume_all(&ch, &names.output_queue, 3, LONG, SETTLE).await;
    assert_eq!(got.len(), 3);
}

/// Polls the checkpoint until its input has at least `line` lines confirmed.
async fn wait_checkpoint(path: &Path, input: &str, line: u64) {
    let start = Instant::now();
    loop {
        if let Ok(bytes) = std::fs::read(path) {
            let cp: serde_json::Value = serde_json::from_slice(&bytes).expect("checkpoint JSON");
            if cp["inputs"][input]["line"].as_u64().unwrap_or(0) >= line {
                return;
            }
        }
        assert!(
            start.elapsed() < LONG,
            "checkpoint never reached line {line}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

struct Killed {
    input: PathBuf,
    checkpoint: PathBuf,
    _dir: tempfile::TempDir,
}

const TOTAL: usize = 3000;
const RATE: u64 = 1000;
const WINDOW: u64 = 50;
const CHECKPOINT_MS: u64 = 50;

/// A paced replay of `TOTAL` articles, running.
struct Paced {
    child: Child,
    log: PathBuf,
    run: Killed,
}

fn spawn_paced(names: &Names, rate: u64) -> Paced {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_lines(&input, &(0..TOTAL).map(article).collect::<Vec<_>>());
    let cp = dir.path().join("cp.json");
    let log = dir.path().join("stderr.log");
    let rate = rate.to_string();
    let window = WINDOW.to_string();
    let interval = CHECKPOINT_MS.to_string();
    let child: Child = replay_command(
        names,
        &[
            "--rate",
            &rate,
            "--window",
            &window,
            "--checkpoint-interval-ms",
            &interval,
            "--progress-every",
            "0.5",
            "--checkpoint",
            arg(&cp),
            arg(&input),
        ],
    )
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(std::fs::File::create(&log).unwrap())
    .spawn()
    .expect("spawn quotewire replay");
    Paced {
        child,
        log,
        run: Killed {
            input,
            checkpoint: cp,
            _dir: dir,
        },
    }
}

impl Paced {
    async fn wait_exit(&mut self) -> (Option<i32>, String) {
        let start = Instant::now();
        let exit = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(start.elapsed() < LONG, "replay did not exit");
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let err = std::fs::read_to_string(&self.log).unwrap_or_default();
        (exit.code(), err)
    }
}

/// Starts a paced replay of `TOTAL` articles, waits until a third is
/// checkpointed, then sends `signal` and returns the exit code.
async fn interrupted_replay(names: &Names, signal: &str) -> (Killed, Option<i32>, String) {
    let mut paced = spawn_paced(names, RATE);
    wait_checkpoint(
        &paced.run.checkpoint,
        arg(&paced.run.input),
        TOTAL as u64 / 3,
    )
    .await;
    let status = Command::new("kill")
        .args([signal, &paced.child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
    let (code, err) = paced.wait_exit().await;
    (paced.run, code, err)
}

/// Groups deliveries by message id, checking that one id is one article.
fn by_message_id(got: &[lapin::message::Delivery]) -> BTreeMap<String, (String, u64, usize)> {
    let mut seen: BTreeMap<String, (String, u64, usize)> = BTreeMap::new();
    for d in got {
        let id = article_id(&d.data);
        let line: u64 = header(&d.properties, "x-quotewire-source-line")
            .unwrap()
            .parse()
            .unwrap();
        let entry = seen
            .entry(message_id(d))
            .or_insert_with(|| (id.clone(), line, 0));
        assert_eq!(entry.0, id, "one message id, one article");
        entry.2 += 1;
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_way_then_resume_duplicates_at_most_the_unconfirmed_tail() {
    let names = Names::new("replay-kill");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let (run, code, err) = interrupted_replay(&names, "-KILL").await;
    assert_eq!(code, None, "killed by the signal: {err}");
    let at_kill = checkpoint(&run.checkpoint)["inputs"][arg(&run.input)]["line"]
        .as_u64()
        .unwrap();
    assert!(
        at_kill >= TOTAL as u64 / 3 && at_kill < TOTAL as u64,
        "{at_kill}"
    );

    let out = replay(
        &names,
        &[
            "--resume",
            "--checkpoint",
            arg(&run.checkpoint),
            arg(&run.input),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let got = consume_all(&ch, &names.input_queue, TOTAL, LONG, SETTLE).await;
    let seen = by_message_id(&got);
    assert_eq!(seen.len(), TOTAL, "every article arrived");
    let duplicated: Vec<u64> = seen
        .values()
        .filter(|(_, _, n)| *n > 1)
        .map(|(_, line, _)| *line)
        .collect();
    assert!(seen.values().all(|(_, _, n)| *n <= 2));
    // Only lines after the checkpointed prefix can be duplicated, and at
    // most what was published but not yet checkpointed: the confirm window
    // plus what the rate allows between two checkpoint writes.
    assert!(
        duplicated.iter().all(|line| *line > at_kill),
        "a checkpointed article was published twice"
    );
    let bound = WINDOW + RATE * (2 * CHECKPOINT_MS + 100) / 1000;
    assert!(
        (duplicated.len() as u64) <= bound,
        "{} duplicates, bound {bound}",
        duplicated.len()
    );
    eprintln!(
        "SIGKILL at checkpoint line {at_kill}: {} messages, {} duplicated (bound {bound})",
        got.len(),
        duplicated.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_stops_cleanly_and_resume_completes_without_duplicates() {
    let names = Names::new("replay-int");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let (run, code, err) = interrupted_replay(&names, "-INT").await;
    assert_eq!(code, Some(130), "{err}");
    assert!(err.contains("stopping (interrupted)"), "{err}");
    assert!(err.contains("replay interrupted"), "{err}");
    let at_stop = checkpoint(&run.checkpoint)["inputs"][arg(&run.input)]["line"]
        .as_u64()
        .unwrap();
    assert!(at_stop < TOTAL as u64);
    // Outstanding confirms were awaited before the checkpoint was written:
    // it covers exactly what is in the queue.
    let first = consume_all(&ch, &names.input_queue, at_stop as usize, LONG, SETTLE).await;
    assert_eq!(first.len() as u64, at_stop);

    let out = replay(
        &names,
        &[
            "--resume",
            "--checkpoint",
            arg(&run.checkpoint),
            arg(&run.input),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rest = take_all(
        &ch,
        &names.input_queue,
        TOTAL - at_stop as usize,
        LONG,
        SETTLE,
    )
    .await;
    let mut all = first;
    all.extend(rest);
    let seen = by_message_id(&all);
    assert_eq!(seen.len(), TOTAL, "every article arrived");
    assert_eq!(all.len(), TOTAL, "none twice after a clean stop");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_connection_is_reopened_and_the_replay_completes() {
    let names = Names::new("replay-reconnect");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    // Slow enough that the replay is still running when rabbitmqctl, slow
    // on a busy machine, gets to close the connection.
    let mut paced = spawn_paced(&names, 300);
    let input = arg(&paced.run.input).to_string();
    wait_checkpoint(&paced.run.checkpoint, &input, 300).await;
    // Only the replay's own connection (`<prefix>.replay`) is closed.
    let closed = close_connections_named(&format!("{}.replay", names.prefix));
    assert_eq!(closed, 1);
    let (code, err) = paced.wait_exit().await;
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("broker session failed"), "{err}");
    assert!(err.contains("reconnecting in"), "{err}");
    assert!(err.contains("replay completed"), "{err}");
    let got = consume_all(&ch, &names.input_queue, TOTAL, LONG, SETTLE).await;
    let seen = by_message_id(&got);
    assert_eq!(seen.len(), TOTAL, "every article arrived");
    let duplicated = seen.values().filter(|(_, _, n)| *n > 1).count() as u64;
    assert!(
        duplicated <= WINDOW,
        "{duplicated} duplicates: at most the outstanding window is sent again"
    );
    assert_eq!(
        checkpoint(&paced.run.checkpoint)["inputs"][input.as_str()]["complete"],
        true
    );
    eprintln!(
        "connection closed: {} messages, {duplicated} duplicated (window {WINDOW})",
        got.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_finished_replay_does_not_block_the_next_but_an_unfinished_or_running_one_does() {
    let names = Names::new("replay-rerun");
    let (_conn, ch) = channel(&format!("{}-test", names.prefix)).await;
    let dir = tempfile::tempdir().unwrap();
    write_lines(
        &dir.path().join("in.jsonl"),
        &(0..5).map(article).collect::<Vec<_>>(),
    );
    // Default options, as a newcomer runs it: the checkpoint file is
    // created in the current directory.
    let run = |args: &[&str]| {
        replay_command(&names, args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .expect("run quotewire replay")
    };
    let default_cp = dir.path().join("quotewire-replay.checkpoint.json");

    let first = run(&["in.jsonl"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(checkpoint(&default_cp)["finished"], true);
    let second = run(&["in.jsonl"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("records a finished replay"),
        "{}",
        stderr(&second)
    );
    let got = consume_all(&ch, &names.input_queue, 10, LONG, SETTLE).await;
    assert_eq!(got.len(), 10, "both replays published every article");
    let ids: Vec<String> = got.iter().map(message_id).collect();
    assert_eq!(ids[..5], ids[5..], "the same message ids both times");
    let batch = |d: &lapin::message::Delivery| header(&d.properties, "x-quotewire-replay");
    assert_ne!(batch(&got[0]), batch(&got[5]), "two batches");
    assert_eq!(checkpoint(&default_cp)["finished"], true);

    // An unfinished replay (stopped by --limit) still blocks a fresh start.
    let limited = run(&["--limit", "2", "in.jsonl"]);
    assert!(limited.status.success(), "{}", stderr(&limited));
    assert_eq!(checkpoint(&default_cp)["finished"], false);
    let refused = run(&["in.jsonl"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    let why = stderr(&refused);
    assert!(
        why.contains("has not finished") && why.contains("--resume"),
        "{why}"
    );
    let resumed = run(&["--resume", "in.jsonl"]);
    assert!(resumed.status.success(), "{}", stderr(&resumed));
    assert_eq!(checkpoint(&default_cp)["finished"], true);
    let rest = consume_all(&ch, &names.input_queue, 5, LONG, SETTLE).await;
    assert_eq!(rest.len(), 5, "2 then the 3 others, once each");

    // A running replay holds its checkpoint: a second one is refused.
    let mut paced = spawn_paced(&names, 200);
    let lock = quotewire::replay::CheckpointLock::path(&paced.run.checkpoint);
    let pid = paced.child.id().to_string();
    let start = Instant::now();
    while std::fs::read_to_string(&lock).unwrap_or_default().trim() != pid {
        assert!(start.elapsed() < LONG, "the replay never took its lock");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let second = replay(
        &names,
        &[
            "--checkpoint",
            arg(&paced.run.checkpoint),
            arg(&paced.run.input),
        ],
        b"",
    );
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    assert!(
        stderr(&second).contains(&format!(
            "in use by another quotewire replay (process {})",
            paced.child.id()
        )),
        "{}",
        stderr(&second)
    );
    let _ = paced.child.kill();
    let _ = paced.wait_exit().await;
}
