//! Hostile input: schemathesis over the served OpenAPI with every check (authentication on,
//! so its auth checks are real), and the limits — body size, nesting depth, header read
//! timeout, gRPC message size, methods a path does not allow — each with a clear error.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::{
    harness::{TestApp, V2},
    security::{auth, idp::Idp, support::Pki},
    webhooks::webhook_config,
};

/// The root of the repository, where `.tools/` and `tests/schemathesis/` live.
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_server_error_undocumented_status_or_schema_violation() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    // Every route, the administration routes included.
    let mut claims = idp.claims(&["o2ims-admin", "platform-admin"]);
    claims["exp"] = json!(crate::security::idp::now() + 3600);
    let token = idp.mint(&claims);
    let app = TestApp::start_with(|c| {
        auth(c, &pki, &idp);
        webhook_config(c);
        // No delivery: schemathesis creates subscriptions with the documents' example callbacks
        // (INF O2's is a public address), and a test sends nothing off this machine.
        c.webhooks.workers = false;
    })
    .await;
    let out = tokio::process::Command::new("python3")
        .args(["-m", "schemathesis.cli"])
        .arg("--config-file")
        .arg(format!("{ROOT}/tests/schemathesis/schemathesis.toml"))
        .arg("run")
        .arg(app.url("/openapi.json"))
        .args(["--checks", "all"])
        // Replaced by the hook's check that leaves projected responses out (schemathesis.toml).
        .args(["--exclude-checks", "response_schema_conformance"])
        .args(["--max-examples", "10", "--seed", "1", "--no-color"])
        .arg("--header")
        .arg(format!("Authorization: Bearer {token}"))
        .env(
            "PYTHONPATH",
            format!("{ROOT}/.tools/schemathesis-pkgs:{ROOT}/tests/schemathesis"),
        )
        .env("SCHEMATHESIS_HOOKS", "hooks")
        .output()
        .await
        .expect("python3 runs (the test command installs schemathesis)");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "schemathesis found failures:\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains("Tested: "), "{report}");
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_and_deep_nesting_400() {
    let app = TestApp::start_with(webhook_config).await;
    let http = reqwest::Client::new();
    let huge = "x".repeat(netweave::http::MAX_BODY + 1);
    let reply = http
        .post(app.url(&format!("{V2}/subscriptions")))
        .json(&json!({ "callback": "http://127.0.0.1:9/x", "filter": huge }))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let problem: Value = reply.json().await.unwrap();
    assert_eq!(problem["status"], 413, "{problem}");
    let reply = http
        .post(app.url("/tmf-api/event/v4/hub"))
        .json(&json!({ "callback": "http://127.0.0.1:9/x", "query": huge }))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let error: Value = reply.json().await.unwrap();
    assert_eq!(error["status"], "413", "the TMF Error: {error}");
    // Extensions take any JSON: nesting is bounded (serde_json's recursion limit), not the stack.
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let reply = http
        .post(app.url(&format!("{V2}/resourcePools")))
        .header("content-type", "application/json")
        .body(format!(
            "{{\"name\": \"deep\", \"oCloudSiteId\": \"{site}\", \"extensions\": {{\"x\": {deep}}}}}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::BAD_REQUEST);
    let problem: Value = reply.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("recursion limit"),
        "{problem}"
    );
    let pools = app.get_ok(&format!("{V2}/resourcePools")).await;
    assert!(
        !pools
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "deep"),
        "no pool was made"
    );
    // Nothing was stored by any of it.
    assert_eq!(app.get_ok(&format!("{V2}/subscriptions")).await, json!([]));
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let app = TestApp::start().await;
    let addr = app.url("").trim_start_matches("http://").to_owned();
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    tcp.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(
        netweave::server::HEADER_READ_TIMEOUT + Duration::from_secs(5),
        tcp.read_to_end(&mut buf),
    )
    .await;
    assert!(read.is_ok(), "the connection is closed, not held open");
    assert!(
        started.elapsed() >= netweave::server::HEADER_READ_TIMEOUT - Duration::from_secs(1),
        "not before the timeout"
    );
    let text = String::from_utf8_lossy(&buf);
    assert!(
        text.is_empty() || text.starts_with("HTTP/1.1 408"),
        "{text}"
    );
}

#[tokio::test]
async fn headers_over_the_limit_are_431() {
    let app = TestApp::start().await;
    let addr = app.url("").trim_start_matches("http://").to_owned();
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let big = "a".repeat(netweave::server::MAX_HEADERS + 1);
    tcp.write_all(format!("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {big}\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut buf = vec![0u8; 256];
    let n = tokio::time::timeout(Duration::from_secs(10), tcp.read(&mut buf))
        .await
        .expect("an answer")
        .unwrap();
    let text = String::from_utf8_lossy(&buf[..n]);
    assert!(text.starts_with("HTTP/1.1 431"), "{text}");
}

#[tokio::test]
async fn a_grpc_message_over_the_limit_is_refused_with_its_size() {
    use netweave::proto::o2ims::v1 as pb;
    let app = TestApp::start().await;
    let mut inventory = app.inventory().await;
    let status = inventory
        .list_resource_pools(pb::ListResourcePoolsRequest {
            options: Some(pb::ListOptions {
                filter: "x".repeat(5 * 1024 * 1024),
                ..Default::default()
            }),
        })
        .await
        .unwrap_err();
    // tonic's code for a message over the decoding limit (4 MiB), with the sizes in the message.
    assert_eq!(status.code(), tonic::Code::OutOfRange, "{status:?}");
    assert!(status.message().contains("too large"), "{status:?}");
}

#[tokio::test]
async fn a_method_a_path_does_not_allow_is_405_with_allow() {
    let app = TestApp::start().await;
    for (method, path) in [
        (Method::PATCH, format!("{V2}/resourcePools")),
        (Method::PUT, format!("{V2}/subscriptions")),
        (Method::DELETE, "/tmf-api/event/v4/event".to_owned()),
    ] {
        let reply = reqwest::Client::new()
            .request(method.clone(), app.url(&path))
            .send()
            .await
            .unwrap();
        assert_eq!(
            reply.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
        let allow = reply
            .headers()
            .get("allow")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        assert!(allow.contains("GET"), "{method} {path}: Allow '{allow}'");
    }
}
