//! `quotewire serve` end to end: the real binary on a real socket.
//!
//! * For every bundled sample article, `POST /v1/extract` returns exactly
//!   the events that `quotewire extract` prints for it, and every response
//!   validates against the server's own OpenAPI document.
//! * Slow clients: a connection that never finishes its headers is closed
//!   after the request timeout, and with every connection slot held by such
//!   clients a real request waits for a slot instead of piling up.
//! * SIGTERM stops the server cleanly.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A running `quotewire serve` on a free port, killed on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(env: &[(&str, &str)]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_quotewire"));
        command
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env("QUOTEWIRE__LOG__FORMAT", "text")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("start quotewire serve");
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        let addr = loop {
            line.clear();
            let n = stderr.read_line(&mut line).unwrap();
            assert!(n > 0, "quotewire serve exited before listening");
            if let Some(rest) = line.split("inspect page on http://").nth(1) {
                break rest.split('/').next().unwrap().parse().unwrap();
            }
        };
        // Keep draining stderr so the server never blocks on it.
        std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
        Server { child, addr }
    }

    /// One request on a new connection: status and body.
    fn request(&self, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.addr,
            body.len()
        )
        .unwrap();
        stream.write_all(body).unwrap();
        read_response(&mut stream)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads a `Connection: close` response: status and body.
fn read_response(stream: &mut TcpStream) -> (u16, Vec<u8>) {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, raw[split + 4..].to_vec())
}

/// A validator of `#/components/schemas/{name}` of the OpenAPI document.
fn component_validator(doc: &Value, name: &str) -> jsonschema::Validator {
    let schema = serde_json::json!({
        "$ref": format!("#/components/schemas/{name}"),
        "components": doc["components"],
    });
    jsonschema::validator_for(&schema).expect("the OpenAPI schemas compile")
}

#[test]
fn serve_returns_exactly_the_events_of_quotewire_extract() {
    let samples = repo_file("samples/articles.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_quotewire"))
        .args(["extract", "-q"])
        .arg(&samples)
        .output()
        .unwrap();
    assert!(out.status.success());
    let cli: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();

    let server = Server::start(&[]);
    let (status, body) = server.request("GET", "/openapi.json", b"");
    assert_eq!(status, 200);
    let doc: Value = serde_json::from_slice(&body).unwrap();
    let extraction = component_validator(&doc, "Extraction");
    let input = component_validator(&doc, "ArticleInput");

    let text = std::fs::read_to_string(&samples).unwrap();
    let mut total = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let article: Value = serde_json::from_str(line).unwrap();
        assert!(input.is_valid(&article), "a sample fits the request schema");
        let (status, body) = server.request("POST", "/v1/extract", line.as_bytes());
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        let response: Value = serde_json::from_slice(&body).unwrap();
        let errors: Vec<String> = extraction
            .iter_errors(&response)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "response off its schema: {errors:?}");
        let id = &article["id"];
        let expected: Vec<&Value> = cli.iter().filter(|e| &e["article"]["id"] == id).collect();
        let got: Vec<&Value> = response["events"].as_array().unwrap().iter().collect();
        assert!(!expected.is_empty(), "sample {id} has statements");
        assert_eq!(got, expected, "events of {id}");
        assert_eq!(response["article"]["text"], article["text"]);
        total += got.len();
    }
    assert_eq!(total, cli.len(), "every event of the CLI came back");

    // An error is JSON with the dead-letter kind.
    let (status, body) = server.request("POST", "/v1/extract", br#"{"id":"x"}"#);
    assert_eq!(status, 400);
    let error: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error["error"]["kind"], "missing_field");
    assert!(component_validator(&doc, "Error").is_valid(&error));
}

#[test]
fn slow_clients_are_cut_off_and_cannot_hold_the_server() {
    let server = Server::start(&[
        ("QUOTEWIRE__SERVE__REQUEST_TIMEOUT_MS", "400"),
        ("QUOTEWIRE__SERVE__MAX_CONNECTIONS", "2"),
    ]);
    // Two clients take every slot and never finish their headers.
    let mut slow: Vec<TcpStream> = (0..2)
        .map(|_| {
            let mut s = TcpStream::connect(server.addr).unwrap();
            s.write_all(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\n")
                .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(100));
    // A real request waits for a slot, which frees up when a slow client
    // is cut off after the timeout.
    let started = Instant::now();
    let (status, _) = server.request("GET", "/healthz", b"");
    let waited = started.elapsed();
    assert_eq!(status, 200);
    assert!(
        waited >= Duration::from_millis(200),
        "served while every slot was held: {waited:?}"
    );
    assert!(waited < Duration::from_secs(10), "{waited:?}");
    for stream in &mut slow {
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut buf = Vec::new();
        // Closed by the server (possibly after a 408): the read ends.
        let _ = stream.read_to_end(&mut buf);
        let head = String::from_utf8_lossy(&buf);
        assert!(buf.is_empty() || head.starts_with("HTTP/1.1 408"), "{head}");
    }
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let mut server = Server::start(&[]);
    assert_eq!(server.request("GET", "/healthz", b"").0, 200);
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(Instant::now() < deadline, "still running after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}
