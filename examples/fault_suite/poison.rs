//! The poison catalogue: hostile messages (not JSON, bombs, deep nesting,
//! huge bodies, pathological texts) mixed into good traffic.

use crate::collect::Stream;
use crate::inputs::{expect_of, Expect, Input};
use crate::report::secs;
use crate::scene::{consuming_count, play, Row, Scene};
use crate::Options;
use quotewire::Pipeline;
use std::time::Duration;
use testkit::{gzip, Result};

/// One hostile message: label, body, `content_encoding`.
type Poison = (String, Vec<u8>, Option<&'static str>);

/// The poison catalogue.
fn poison_catalogue(good: &[u8], seed: u64) -> Vec<Poison> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let quote = r#"\"We will rebuild the bridge,\" Mayor Jane Roe said on Monday."#;
    // Quotes inside quotes inside quotes, 400 levels deep, alternating marks.
    let mut nested = String::from("Jane Roe said: ");
    for level in 0..400 {
        nested.push_str(["“", "‘", "\"", "'"][level % 4]);
        nested.push_str(&format!("level {level} "));
    }
    for level in (0..400).rev() {
        nested.push_str(["”", "’", "\"", "'"][level % 4]);
    }
    nested.push_str(" \"It will be done,\" Roe said.");
    let quote_text = serde_json::from_str::<String>(&format!("\"{quote}\"")).expect("quote");
    let ten_thousand_quotes = format!("{}{quote_text} {}", "\"".repeat(5000), "“”".repeat(2500));
    let no_sentence_end = format!(
        "{quote_text} {}",
        "and the minister said that the plan ".repeat(25_000)
    );
    let million_line = format!("{quote_text} \"{}\" said Roe", "x".repeat(1_000_000));
    let mixed = format!(
        "{quote_text} {}{}",
        "He said “a ‘b “c ‘d “e’ f” g’ h” i” ".repeat(2000),
        "«»„“‚‘".repeat(1000)
    );
    let huge = {
        let mut body = br#"{"id":"huge-50mb","text":""#.to_vec();
        body.resize(body.len() + 50 * 1024 * 1024, b'a');
        body.extend_from_slice(br#""}"#);
        body
    };
    // ~1 GiB of zeros: 64 concatenated gzip members of 16 MiB each (~1 MB).
    let bomb = gzip(&vec![0u8; 16 << 20], 9).repeat(64);
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
    let deep_field = format!(
        r#"{{"id":"deep","text":"{quote}","extra":{}1{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    )
    .into_bytes();
    let binary: Vec<u8> = (0..4096).map(|_| rng.u8(..)).collect();
    let mut catalogue: Vec<Poison> = vec![
        ("not JSON".into(), b"this is not JSON at all".to_vec(), None),
        (
            "truncated JSON".into(),
            good[..good.len() / 2].to_vec(),
            None,
        ),
        (
            "not UTF-8".into(),
            b"{\"id\":\"latin1\",\"text\":\"caf\xe9 \xff\xfe\"}".to_vec(),
            None,
        ),
        ("binary".into(), binary, None),
        ("empty body".into(), Vec::new(), None),
        ("JSON array".into(), b"[1, 2, 3]".to_vec(), None),
        ("JSON string".into(), b"\"just a string\"".to_vec(), None),
        ("JSON null".into(), b"null".to_vec(), None),
        (
            "missing id".into(),
            format!(r#"{{"text":"{quote}"}}"#).into_bytes(),
            None,
        ),
        (
            "empty text".into(),
            br#"{"id":"empty-text","text":""}"#.to_vec(),
            None,
        ),
        (
            "wrong types (id number, text array)".into(),
            br#"{"id":7,"text":["a"]}"#.to_vec(),
            None,
        ),
        (
            "wrong type (title number)".into(),
            format!(r#"{{"id":"t","text":"{quote}","title":5}}"#).into_bytes(),
            None,
        ),
        ("50 MB body".into(), huge, None),
        ("nested JSON 100,000 levels".into(), deep_array, None),
        ("nested field 100,000 levels".into(), deep_field, None),
        ("gzip bomb (1 GiB of zeros)".into(), bomb, Some("gzip")),
        (
            "gzip claimed, not gzip".into(),
            b"plainly not gzip".to_vec(),
            Some("gzip"),
        ),
    ];
    // Valid articles whose texts are pathological for the pipeline.
    let hard_texts = [
        ("quotes in quotes, 400 levels", "hard-nested", nested),
        ("10,000 quote marks", "hard-quotes", ten_thousand_quotes),
        ("no sentence ends (~900 KB)", "hard-no-end", no_sentence_end),
        ("a million-character line", "hard-million", million_line),
        ("mixed nested quote marks", "hard-mixed", mixed),
    ];
    catalogue.extend(hard_texts.into_iter().map(|(label, id, text)| {
        let body = serde_json::to_vec(&serde_json::json!({"id": id, "text": text})).expect("JSON");
        (label.to_string(), body, None)
    }));
    catalogue
}

/// Hostile messages mixed into good traffic.
pub async fn poison(opts: &Options, pipeline: &Pipeline, good: &[Input]) -> Row {
    let n_good = 600.min(good.len());
    let catalogue = poison_catalogue(&good[0].body, opts.seed);
    let every = n_good / (catalogue.len() + 1);
    let mut inputs = Vec::new();
    let mut poison_idx = Vec::new();
    let mut add = |inputs: &mut Vec<Input>, (label, body, encoding): Poison| {
        let expect = expect_of(pipeline, &body, encoding);
        poison_idx.push(inputs.len());
        inputs.push(Input {
            label,
            body,
            encoding,
            expect,
        });
    };
    let mut bad = catalogue.into_iter();
    for (i, g) in good[..n_good].iter().enumerate() {
        inputs.push(g.clone());
        if i % every == every - 1 {
            if let Some(p) = bad.next() {
                add(&mut inputs, p);
            }
        }
    }
    for p in bad {
        add(&mut inputs, p);
    }
    play(opts, "poison", inputs, &[], async |scene| {
        poison_steps(scene, &poison_idx, n_good).await
    })
    .await
}

async fn poison_steps(scene: &mut Scene, poison_idx: &[usize], n_good: usize) -> Result<String> {
    let total = scene.inputs.len();
    scene.start_collector(Stream::Output);
    scene.start_collector(Stream::Dead);
    let w = scene.spawn_worker("w0")?;
    scene.wait_consuming(w, 1).await?;
    scene.start_publisher(None);
    scene.wait_published().await?;
    let bound = Duration::from_secs(60);
    let _ = scene.wait_progress(total, Duration::from_secs(180)).await;
    if !scene.workers[w].alive() {
        let msg = format!("the worker died: {:?}", scene.workers[w].exit_status());
        scene.fail(msg);
    }
    if consuming_count(&scene.workers[w]) != 1 {
        let msg = format!(
            "the worker's session broke during the poison run ({} `Consuming.`)",
            consuming_count(&scene.workers[w])
        );
        scene.fail(msg);
    }
    let mut slowest = Duration::ZERO;
    let mut lines = Vec::new();
    {
        let t = scene.tally.lock().expect("tally");
        let published = scene.published.lock().expect("published");
        for &i in poison_idx {
            let input = &scene.inputs[i];
            let took = match (published[i], t.done_at[i]) {
                (Some(p), Some(d)) => Some(d.saturating_duration_since(p)),
                _ => None,
            };
            let outcome = match (t.dead.get(&i), &input.expect) {
                (Some(r), _) => format!("dead `{}`", r[0].kind),
                (None, Expect::Events(ids)) if t.remaining[i] == 0 => {
                    format!("{} event(s)", ids.len())
                }
                (None, _) => "NOT DONE".into(),
            };
            if let Some(d) = took {
                slowest = slowest.max(d);
            }
            lines.push(format!(
                "{} ({} B) -> {outcome} in {}",
                input.label,
                input.body.len(),
                took.map(secs).unwrap_or_else(|| "-".into())
            ));
        }
    }
    if slowest > bound {
        scene.fail(format!(
            "a poison message took {} (bound {})",
            secs(slowest),
            secs(bound)
        ));
    }
    scene.notes.push(format!(
        "{} poison messages among {n_good} good articles; one worker stayed up with one session; each: {}",
        poison_idx.len(),
        lines.join("; ")
    ));
    Ok(format!(
        "slowest poison outcome {} after publish (bound {})",
        secs(slowest),
        secs(bound)
    ))
}
