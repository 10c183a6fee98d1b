//! The API answered in process (no socket): status, error kind and body of
//! every kind of request.

use super::*;
use axum::http::Request;
use flate2::write::GzEncoder;
use serde_json::Value;
use std::io::Write;
use tower::ServiceExt;

const GOOD: &str =
    r#"{"id":"a1","text":"\"We will rebuild the bridge,\" Mayor Jane Roe said on Monday."}"#;

fn quotewire_default_html() -> usize {
    crate::article::DEFAULT_MAX_HTML_BYTES
}

fn state_with(max_bytes: usize, request_timeout: Duration) -> Arc<ServeState> {
    let config = ServeConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        limits: ArticleLimits {
            max_bytes,
            max_html_bytes: quotewire_default_html(),
        },
        concurrency: 2,
        request_timeout,
        max_connections: 4,
    };
    Arc::new(ServeState::new(
        &config,
        Arc::new(Pipeline::english()),
        Arc::new(Metrics::new()),
        "{\"id\":\"s1\",\"text\":\"x\"}\nnot json\n",
    ))
}

fn state() -> Arc<ServeState> {
    state_with(1 << 20, Duration::from_secs(5))
}

async fn send(state: Arc<ServeState>, request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let response = router(state).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, headers, body.to_vec())
}

fn post() -> axum::http::request::Builder {
    Request::post("/v1/extract").header(header::CONTENT_TYPE, "application/json")
}

async fn extract_json(state: Arc<ServeState>, body: &[u8]) -> (StatusCode, Value) {
    let request = post().body(Body::from(body.to_vec())).unwrap();
    let (status, headers, body) = send(state, request).await;
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    (status, serde_json::from_slice(&body).unwrap())
}

fn error_kind(body: &Value) -> &str {
    body["error"]["kind"].as_str().unwrap_or("<none>")
}

#[tokio::test]
async fn an_article_gives_the_worker_events_and_the_decoded_article() {
    let (status, body) = extract_json(state(), GOOD.as_bytes()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let article = Article::from_json(GOOD.as_bytes(), &ArticleLimits::default()).unwrap();
    assert_eq!(body["article"], serde_json::to_value(&article).unwrap());
    let expected: Vec<Value> = Pipeline::english()
        .extract(&article)
        .unwrap()
        .iter()
        .map(|e| serde_json::from_slice(&e.body).unwrap())
        .collect();
    assert_eq!(expected.len(), 1);
    assert_eq!(body["events"], Value::Array(expected));
}

#[tokio::test]
async fn bad_articles_get_the_dead_letter_kind_and_a_4xx() {
    let cases: &[(&[u8], StatusCode, &str)] = &[
        (b"not json", StatusCode::BAD_REQUEST, "not_json"),
        (b"", StatusCode::BAD_REQUEST, "not_json"),
        (b"\xff\xfe{}", StatusCode::BAD_REQUEST, "not_utf8"),
        (br#"["id"]"#, StatusCode::BAD_REQUEST, "wrong_type"),
        (
            br#"{"id":5,"text":"x"}"#,
            StatusCode::BAD_REQUEST,
            "wrong_type",
        ),
        (br#"{"text":"x"}"#, StatusCode::BAD_REQUEST, "missing_field"),
        (
            br#"{"id":"a","html":"<html><body></body></html>"}"#,
            StatusCode::BAD_REQUEST,
            "no_article",
        ),
        (
            br#"{"id":"a","text":" "}"#,
            StatusCode::BAD_REQUEST,
            "empty_field",
        ),
        (
            br#"{"id":"a","text":"hi","language":"de"}"#,
            StatusCode::BAD_REQUEST,
            "unsupported_language",
        ),
    ];
    for (body, status, kind) in cases {
        let (got, json) = extract_json(state(), body).await;
        assert_eq!(got, *status, "{}: {json}", String::from_utf8_lossy(body));
        assert_eq!(error_kind(&json), *kind, "{json}");
        assert!(!json["error"]["message"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn content_type_and_encoding_are_checked() {
    for content_type in [None, Some("text/plain"), Some("application/xml")] {
        let mut request = Request::post("/v1/extract");
        if let Some(ct) = content_type {
            request = request.header(header::CONTENT_TYPE, ct);
        }
        let (status, _, body) = send(state(), request.body(Body::from(GOOD)).unwrap()).await;
        let json: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type:?}"
        );
        assert_eq!(error_kind(&json), kinds::UNSUPPORTED_CONTENT_TYPE);
    }
    for content_type in [
        "application/json; charset=utf-8",
        "application/article+json",
    ] {
        let request = Request::post("/v1/extract")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(GOOD))
            .unwrap();
        assert_eq!(
            send(state(), request).await.0,
            StatusCode::OK,
            "{content_type}"
        );
    }

    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(GOOD.as_bytes()).unwrap();
    let request = post()
        .header(header::CONTENT_ENCODING, "gzip")
        .body(Body::from(gz.finish().unwrap()))
        .unwrap();
    assert_eq!(send(state(), request).await.0, StatusCode::OK);

    // An unknown encoding, and plain JSON that claims to be gzip.
    for (encoding, status, kind) in [
        (
            "br",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_encoding",
        ),
        ("gzip", StatusCode::BAD_REQUEST, "bad_gzip"),
    ] {
        let request = post()
            .header(header::CONTENT_ENCODING, encoding)
            .body(Body::from(GOOD))
            .unwrap();
        let (got, _, body) = send(state(), request).await;
        assert_eq!(got, status, "{encoding}");
        let json: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(error_kind(&json), kind);
    }
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused_without_being_kept() {
    let limit = GOOD.len() - 1;
    // Declared too large: refused from the header.
    let (status, json) =
        extract_json(state_with(limit, Duration::from_secs(5)), GOOD.as_bytes()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_kind(&json), "too_large");
    // Streamed without a length: refused once past the limit, even though
    // the stream would go on for ever.
    let chunks = futures_util::stream::repeat_with(|| {
        Ok::<_, std::io::Error>(axum::body::Bytes::from_static(&[b' '; 1024]))
    });
    let request = post().body(Body::from_stream(chunks)).unwrap();
    let (status, _, body) = send(state_with(64 * 1024, Duration::from_secs(5)), request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let json: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error_kind(&json), "too_large");
    // A gzip bomb: small on the wire, too large once inflated.
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&vec![b' '; 8 << 20]).unwrap();
    let request = post()
        .header(header::CONTENT_ENCODING, "gzip")
        .body(Body::from(gz.finish().unwrap()))
        .unwrap();
    let (status, _, _) = send(state_with(1 << 20, Duration::from_secs(5)), request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_gets_408() {
    let stalled = futures_util::stream::pending::<Result<axum::body::Bytes, std::io::Error>>();
    let request = post().body(Body::from_stream(stalled)).unwrap();
    let (status, _, body) = send(state_with(1 << 20, Duration::from_millis(50)), request).await;
    assert_eq!(status, StatusCode::REQUEST_TIMEOUT);
    let json: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error_kind(&json), kinds::REQUEST_TIMEOUT);
}

#[tokio::test]
async fn other_routes_documents_and_metrics() {
    let get = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();
    let (status, headers, body) = send(state(), get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(headers.contains_key(header::CONTENT_SECURITY_POLICY));
    let html = String::from_utf8(body).unwrap();
    for asset in ["/inspect.css", "/inspect.js"] {
        assert!(html.contains(asset), "the page loads {asset}");
        assert_eq!(send(state(), get(asset)).await.0, StatusCode::OK);
    }
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no CDN"
    );

    let (status, headers, body) = send(state(), get("/v1/schema")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/schema+json");
    assert_eq!(body, openapi::EVENT_SCHEMA.as_bytes());

    let (status, _, body) = send(state(), get("/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    let doc: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"]["/v1/extract"]["post"].is_object());
    assert!(
        !doc.to_string().contains("$defs"),
        "every $ref points into components"
    );

    let (status, _, body) = send(state(), get("/v1/samples")).await;
    assert_eq!(status, StatusCode::OK);
    let samples: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(samples, serde_json::json!([{"id": "s1", "text": "x"}]));

    let (status, _, body) = send(state(), get("/v1/nothing")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let json: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error_kind(&json), kinds::NOT_FOUND);
    assert_eq!(
        send(state(), get("/v1/extract")).await.0,
        StatusCode::METHOD_NOT_ALLOWED
    );

    let shared = state();
    let (status, _, body) = send(shared.clone(), get("/healthz")).await;
    assert_eq!((status, body.as_slice()), (StatusCode::OK, &b"ok\n"[..]));
    extract_json(shared.clone(), GOOD.as_bytes()).await;
    extract_json(shared.clone(), b"nope").await;
    let (_, _, body) = send(shared, get("/metrics")).await;
    let text = String::from_utf8(body).unwrap();
    for line in [
        "quotewire_api_requests_total{outcome=\"ok\"} 1",
        "quotewire_api_requests_total{outcome=\"not_json\"} 1",
        "quotewire_api_statements_total 1",
        "quotewire_pipeline_seconds_count 2",
    ] {
        assert!(text.contains(line), "missing {line} in\n{text}");
    }
}

#[test]
fn rejection_kinds_map_to_statuses() {
    let status = |kind| ApiError::rejected(kind, String::new()).status;
    assert_eq!(status("too_large"), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        status("unsupported_encoding"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    assert_eq!(status("panic"), StatusCode::INTERNAL_SERVER_ERROR);
    for kind in ["not_json", "wrong_type", "bad_gzip", "unsupported_language"] {
        assert_eq!(status(kind), StatusCode::BAD_REQUEST, "{kind}");
    }
}
