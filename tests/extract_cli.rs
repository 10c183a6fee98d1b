//! `quotewire extract` end to end: the real binary on files and stdin.

use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotewire"))
}

#[test]
fn bad_lines_are_reported_and_skipped_and_good_ones_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    let lines = [
        r#"{"id":"a1","text":"“We will rebuild the bridge,” Mayor Jane Roe said on Monday."}"#,
        "this is not json",
        r#"{"id":"a2"}"#,
        "",
        r#"{"id":"a3","text":"   "}"#,
        r#"{"id":"a4","text":"Roe said the money was there."}"#,
    ];
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = bin().arg("extract").arg(&path).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "some lines were bad: {stderr}");
    let events: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 2, "{stdout}");
    assert_eq!(events[0]["article"]["id"], "a1");
    assert_eq!(events[0]["speaker"]["name"], "Jane Roe");
    assert_eq!(events[1]["kind"], "indirect");
    let p = path.display().to_string();
    assert!(
        stderr.contains(&format!("{p}:2: skipped (not_json)")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{p}:3: skipped (missing_field)")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{p}:5: skipped (empty_field)")),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 articles, 2 statements, 3 errors"),
        "{stderr}"
    );
}

#[test]
fn reads_standard_input_and_exits_zero_when_all_is_well() {
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"id":"s1","text":"According to the ministry, the levy will rise."}"#)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(
        stdout.contains(r#""cue":{"text":"According to""#),
        "{stdout}"
    );
}

#[test]
fn oversized_articles_are_refused_with_the_limit_in_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    std::fs::write(
        &path,
        format!(r#"{{"id":"big","text":"{}"}}"#, "a ".repeat(1000)),
    )
    .unwrap();
    let out = bin()
        .arg("extract")
        .arg("--max-article-bytes")
        .arg("100")
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("skipped (too_large)") && stderr.contains("limit of 100 bytes"),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let out = bin()
        .args(["extract", "/nonexistent/articles.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot open /nonexistent/articles.jsonl")
    );
}

/// Runs `quotewire extract ARGS` on a pseudo-terminal (util-linux
/// `script`), as a person at a terminal would: what the terminal shows.
fn on_a_terminal(args: &str, no_color: bool) -> String {
    let mut command = Command::new("script");
    command
        .args(["-qefc"])
        .arg(format!(
            "{} extract {args}",
            env!("CARGO_BIN_EXE_quotewire")
        ))
        .arg("/dev/null")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null());
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let out = command
        .output()
        .expect("util-linux `script` runs the command on a pseudo-terminal");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_terminal_gets_the_pretty_format_in_colour_unless_no_color() {
    let shown = on_a_terminal("samples/articles.jsonl", false);
    assert!(shown.contains("\u{1b}["), "coloured: {shown}");
    let plain = on_a_terminal("samples/articles.jsonl", true);
    assert!(!plain.contains('\u{1b}'), "NO_COLOR: {plain}");
    assert!(
        plain.contains("── sample-01 · Ruritania cuts fuel duty for farmers, funds relief with"),
        "{plain}"
    );
    assert!(plain.contains("logistics firms (16 statements)"), "{plain}");
    assert!(
        plain.contains("Ana Vold (Finance Minister, Ruritania) told reporters [indirect]:\r\n  the government would cut fuel duties"),
        "{plain}"
    );
    assert!(!plain.contains("\"event_id\""), "no JSON on a terminal");
    // With no argument on a terminal: the bundled samples, pretty.
    assert!(on_a_terminal("", true).contains("── sample-06"));
}

#[test]
fn format_flag_overrides_the_default_and_pipes_get_no_colour() {
    let run = |format: &str| {
        let out = bin()
            .args([
                "extract",
                "-q",
                "--format",
                format,
                "samples/articles.jsonl",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let pretty = run("pretty");
    assert!(!pretty.contains('\u{1b}'), "not a terminal: no escapes");
    assert_eq!(pretty.matches("── sample-").count(), 6);
    assert!(pretty.contains("[direct]:\n  “"), "{pretty}");
    let jsonl = run("jsonl");
    let statements = jsonl.lines().count();
    assert!(statements > 50);
    assert!(jsonl
        .lines()
        .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()));
    // Every statement of the JSON lines has its header line in the pretty form.
    let headers = pretty
        .lines()
        .filter(|l| {
            l.ends_with("[direct]:") || l.ends_with("[indirect]:") || l.ends_with("[mixed]:")
        })
        .count();
    assert_eq!(headers, statements);
}

/// Code point slice of `text`, as the offsets count.
fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn html_lines_are_extracted_and_text_out_holds_the_text_the_offsets_slice() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let text_out = dir.path().join("articles.jsonl");
    let page = "<html><head><title>Bridge to reopen</title></head><body>\
        <nav><a href=/>Home</a> <a href=/city>City</a></nav><article>\
        <figure><img src=b.jpg><figcaption>The bridge, said to be safe.</figcaption></figure>\
        <p>“We will rebuild the bridge,” Mayor Jane Roe said on Monday.</p>\
        <p>Café owners said the detour would cost them dearly.</p></article></body></html>";
    let lines = [
        serde_json::json!({"id": "h1", "html": page}).to_string(),
        serde_json::json!({"id": "h2", "html": "<html><body></body></html>"}).to_string(),
        r#"{"id":"t1","text":"Roe said the money was there."}"#.to_string(),
    ];
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = bin()
        .arg("extract")
        .arg("--text-out")
        .arg(&text_out)
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(":2: skipped (no_article)"), "{stderr}");

    let articles: Vec<serde_json::Value> = std::fs::read_to_string(&text_out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(articles.len(), 2, "every processed article, html or text");
    assert_eq!(articles[0]["id"], "h1");
    assert_eq!(articles[0]["title"], "Bridge to reopen");
    assert_eq!(
        articles[0]["text"],
        "“We will rebuild the bridge,” Mayor Jane Roe said on Monday.\n\n\
         Café owners said the detour would cost them dearly."
    );
    assert!(articles[0].get("html").is_none());
    assert_eq!(articles[1]["text"], "Roe said the money was there.");

    let events: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 3, "{events:?}");
    for e in &events {
        let article = articles
            .iter()
            .find(|a| a["id"] == e["article"]["id"])
            .unwrap();
        let text = article["text"].as_str().unwrap();
        for span in [&e["content"], &e["cue"], &e["speaker"]["mention"]] {
            if span.is_null() {
                continue;
            }
            let (start, end) = (
                span["start"].as_u64().unwrap(),
                span["end"].as_u64().unwrap(),
            );
            assert_eq!(slice(text, start, end), span["text"].as_str().unwrap());
        }
    }
    // The text file is itself valid input, giving the same events.
    let again = bin().arg("extract").arg(&text_out).output().unwrap();
    assert_eq!(again.status.code(), Some(0));
    let again: Vec<serde_json::Value> = String::from_utf8(again.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(again, events);
}

#[test]
fn jobs_give_the_same_bytes_in_input_order_and_the_same_line_numbers() {
    // 300 lines: several chunks of 64 lines, bad lines and blank lines
    // spread over them, so that every job gets work and out-of-order
    // completion would show.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.jsonl");
    let mut lines = Vec::new();
    for i in 0..300 {
        lines.push(match i % 37 {
            5 => "not json".to_string(),
            11 => String::new(),
            _ => format!(
                r#"{{"id":"a{i}","text":"“Line {i} is fine,” Mayor Jane Roe said. Roe told reporters the count was {i}."}}"#
            ),
        });
    }
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let run = |jobs: &str| {
        let out = bin()
            .args(["extract", "--jobs", jobs])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        (out.stdout, String::from_utf8(out.stderr).unwrap())
    };
    let (one, one_err) = run("1");
    let (three, three_err) = run("3");
    assert!(!one.is_empty());
    assert_eq!(one, three, "--jobs 3 wrote other bytes than --jobs 1");
    let ids: Vec<String> = String::from_utf8(one)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["article"]["id"].to_string())
        .collect();
    let mut dedup = ids.clone();
    dedup.dedup();
    let numbers: Vec<usize> = dedup
        .iter()
        .map(|id| id.trim_matches('"')[1..].parse().unwrap())
        .collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    let p = path.display().to_string();
    let bad: Vec<String> = (0..300)
        .filter(|i| i % 37 == 5)
        .map(|i| format!("{p}:{}: skipped (not_json)", i + 1))
        .collect();
    for err in [&one_err, &three_err] {
        let reported: Vec<&str> = err.lines().filter(|l| l.contains("skipped")).collect();
        assert_eq!(reported.len(), bad.len(), "{err}");
        for (r, b) in reported.iter().zip(&bad) {
            assert!(r.starts_with(b.as_str()), "{r} / {b}");
        }
    }
}
