//! VNF lifecycle subscriptions and notifications (`/vnflcm/v2/subscriptions`, SOL003 v3.3.1):
//! subscribed with python-tackerclient's `openstack vnflcm subsc …` as an SMO does, tested with
//! exactly one GET, then every notification of a lifecycle flow — creation, START and RESULT of
//! every state of every occurrence, deletion — delivered in order, once, signed, authenticated
//! as the subscription asks, shaped as the served document says; a receiver down in the middle
//! of the flow gets them all once it recovers; a gateway SIGKILLed during an instantiate while
//! the receiver answers 503 ends the operation and loses no notification.

use std::time::Duration;

use axum::{routing::post, Json, Router};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    harness::TestApp,
    receiver::{Mode, Received, Receiver},
    vnf_lcm::{chart, first_manager, instantiate_request, lcm, operate, LCM},
    vnf_packages::{csar, onboard, openstack},
    webhooks::{standard_webhooks_verifies, webhook_config},
};

fn config(c: &mut netweave::config::Config) {
    webhook_config(c);
    c.dms.poll_seconds = 0.1;
}

/// The notifications delivered (answered 2xx) to `path`, in arrival order.
fn delivered(receiver: &Receiver, path: &str) -> Vec<Received> {
    receiver
        .received()
        .into_iter()
        .filter(|r| r.method == Method::POST && r.path == path && r.status / 100 == 2)
        .collect()
}

/// Waits until `n` notifications were delivered to `path`.
async fn wait_delivered(receiver: &Receiver, path: &str, n: usize) -> Vec<Received> {
    for _ in 0..400 {
        let got = delivered(receiver, path);
        if got.len() >= n {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let got = delivered(receiver, path);
    panic!(
        "{} of {n} notifications delivered to {path}: {:?}",
        got.len(),
        got.iter().map(Received::json).collect::<Vec<_>>()
    );
}

/// What a notification says: its type, and for an occurrence its operation and state.
fn summary(n: &Value) -> String {
    match n["notificationType"].as_str().unwrap() {
        "VnfLcmOperationOccurrenceNotification" => format!(
            "{} {} {}",
            n["operation"].as_str().unwrap(),
            n["operationState"].as_str().unwrap(),
            n["notificationStatus"].as_str().unwrap()
        ),
        other => other.to_owned(),
    }
}

fn occurrence(operation: &str) -> Vec<String> {
    vec![
        format!("{operation} STARTING START"),
        format!("{operation} PROCESSING RESULT"),
        format!("{operation} COMPLETED RESULT"),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn every_notification_of_the_flow_arrives_in_order_once_even_across_a_receiver_outage() {
    let dir = tempfile::tempdir().unwrap();
    let receiver = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(config).await;
    let vnfd_id = "b1bb0ce7-ebca-4fa7-95ed-4840d7000020";
    onboard(
        &app,
        dir.path(),
        &csar(vnfd_id, "test-chart-0.1.0.tgz", &chart()),
    )
    .await;

    // Subscribed with the CLI: exactly one GET, with the subscription's BASIC credentials and
    // the API version; nothing else yet.
    let request = dir.path().join("subsc.json");
    std::fs::write(
        &request,
        json!({
            "callbackUri": receiver.url("/all"),
            "authentication": {"authType": ["BASIC"], "paramsBasic": {"userName": "smo", "password": "s3cret"}},
        })
        .to_string(),
    )
    .unwrap();
    let made = openstack(
        &app,
        &[
            "vnflcm",
            "subsc",
            "create",
            request.to_str().unwrap(),
            "-f",
            "json",
        ],
    )
    .await
    .unwrap();
    let sub = made["ID"].as_str().unwrap().to_owned();
    let checks = receiver.received();
    assert_eq!(checks.len(), 1, "one test of the callback");
    assert_eq!(checks[0].method, Method::GET);
    assert_eq!(checks[0].header("version"), "2.0.0");
    let basic = "Basic c21vOnMzY3JldA=="; // smo:s3cret
    assert_eq!(checks[0].header("authorization"), basic);
    let listed = openstack(&app, &["vnflcm", "subsc", "list", "-f", "json"])
        .await
        .unwrap();
    assert!(
        listed.as_array().unwrap().iter().any(|s| s["ID"] == sub),
        "{listed}"
    );
    let shown = openstack(&app, &["vnflcm", "subsc", "show", &sub, "-f", "json"])
        .await
        .unwrap();
    assert_eq!(shown["Callback URI"], receiver.url("/all"), "{shown}");
    assert!(
        !shown.to_string().contains("s3cret"),
        "authentication is never shown: {shown}"
    );
    // A second subscription, over REST, for the results only.
    let (status, headers, filtered) = lcm(
        &app,
        Method::POST,
        &format!("{LCM}/subscriptions"),
        Some(json!({
            "callbackUri": receiver.url("/results"),
            "filter": {"notificationTypes": ["VnfLcmOperationOccurrenceNotification"],
                       "operationStates": ["COMPLETED"]},
            "verbosity": "SHORT",
        })),
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{filtered}");
    assert_eq!(
        headers["location"],
        format!("{LCM}/subscriptions/{}", filtered["id"].as_str().unwrap())
    );

    // The flow; the receiver refuses everything (503) while the instance scales.
    let dm = first_manager(&app).await;
    let created = openstack(&app, &["vnflcm", "create", vnfd_id, "-f", "json"])
        .await
        .unwrap();
    let id = created["ID"].as_str().unwrap().to_owned();
    let done = operate(&app, &id, "instantiate", instantiate_request(&dm)).await;
    assert_eq!(done["operationState"], "COMPLETED", "{done}");
    receiver.set_mode(Mode::Always(503));
    let scaled = operate(
        &app,
        &id,
        "scale",
        json!({"type": "SCALE_OUT", "aspectId": "vdu2_aspect", "numberOfSteps": 1}),
    )
    .await;
    assert_eq!(scaled["operationState"], "COMPLETED", "{scaled}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    receiver.set_mode(Mode::Ok);
    let done = operate(
        &app,
        &id,
        "terminate",
        json!({"terminationType": "FORCEFUL"}),
    )
    .await;
    assert_eq!(done["operationState"], "COMPLETED", "{done}");
    let (status, _, _) = lcm(
        &app,
        Method::DELETE,
        &format!("{LCM}/vnf_instances/{id}"),
        None,
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let mut expected = vec!["VnfIdentifierCreationNotification".to_owned()];
    for operation in ["INSTANTIATE", "SCALE", "TERMINATE"] {
        expected.extend(occurrence(operation));
    }
    expected.push("VnfIdentifierDeletionNotification".to_owned());
    let got = wait_delivered(&receiver, "/all", expected.len()).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let got_now = delivered(&receiver, "/all");
    assert_eq!(got_now.len(), got.len(), "nothing delivered twice");
    let bodies: Vec<Value> = got.iter().map(Received::json).collect();
    assert_eq!(
        bodies.iter().map(summary).collect::<Vec<_>>(),
        expected,
        "in order, once"
    );
    let refused = receiver
        .received()
        .iter()
        .filter(|r| r.path == "/all" && r.status == 503)
        .count();
    assert!(refused > 0, "the outage was met");
    for (r, n) in got.iter().zip(&bodies) {
        assert_eq!(r.header("version"), "2.0.0");
        assert_eq!(r.header("authorization"), basic);
        assert!(standard_webhooks_verifies(r), "signed: {n}");
        assert_eq!(r.header("webhook-id"), n["id"].as_str().unwrap());
        assert_eq!(n["subscriptionId"], sub);
        assert_eq!(n["vnfInstanceId"], id);
        assert_eq!(
            n["_links"]["vnfInstance"]["href"],
            format!("{LCM}/vnf_instances/{id}")
        );
        let schema = n["notificationType"].as_str().unwrap();
        let errors = crate::spec::schema_errors(crate::spec::served(), schema, n);
        assert!(errors.is_empty(), "{n}: {errors:?}");
    }
    // Every occurrence's notifications name it; the instantiate's result lists its VNFCs.
    let instantiated = &bodies[3];
    assert_eq!(
        instantiated["_links"]["vnfLcmOpOcc"]["href"],
        format!(
            "{LCM}/vnf_lcm_op_occs/{}",
            instantiated["vnfLcmOpOccId"].as_str().unwrap()
        )
    );
    assert_eq!(instantiated["verbosity"], "FULL");
    assert_eq!(
        instantiated["affectedVnfcs"].as_array().map(Vec::len),
        Some(2),
        "{instantiated}"
    );
    // The filtered subscription: the three results only, SHORT.
    let results: Vec<Value> = wait_delivered(&receiver, "/results", 3)
        .await
        .iter()
        .map(Received::json)
        .collect();
    assert_eq!(
        results.iter().map(summary).collect::<Vec<_>>(),
        ["INSTANTIATE", "SCALE", "TERMINATE"]
            .map(|o| format!("{o} COMPLETED RESULT"))
            .to_vec()
    );
    assert!(results.iter().all(|n| n.get("affectedVnfcs").is_none()));

    openstack(&app, &["vnflcm", "subsc", "delete", &sub])
        .await
        .unwrap();
    let (status, _, _) = lcm(
        &app,
        Method::GET,
        &format!("{LCM}/subscriptions/{sub}"),
        None,
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Not an O2-IMS subscription: the inventory API does not list it.
    let inventory = app
        .get_ok("/o2ims-infrastructureInventory/v2/subscriptions")
        .await;
    assert!(!inventory.to_string().contains("/results"), "{inventory}");
}

#[tokio::test(flavor = "multi_thread")]
async fn subscribing_tests_the_callback_and_refuses_what_it_cannot_serve() {
    let receiver = Receiver::start(Mode::Always(200)).await;
    let app = TestApp::start_with(config).await;
    let subscribe = |body: Value| {
        let app = &app;
        async move {
            lcm(
                app,
                Method::POST,
                &format!("{LCM}/subscriptions"),
                Some(body),
                Some("2.0.0"),
            )
            .await
        }
    };
    // The test GET must answer 204: 200 is refused (422), and nothing is stored.
    let (status, _, body) = subscribe(json!({"callbackUri": receiver.url("/cb")})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("204"), "{body}");
    let (_, _, listed) = lcm(
        &app,
        Method::GET,
        &format!("{LCM}/subscriptions"),
        None,
        Some("2.0.0"),
    )
    .await;
    assert_eq!(listed, json!([]));
    receiver.set_mode(Mode::Ok);
    for (body, says) in [
        (
            json!({"callbackUri": receiver.url("/cb"), "filter": {"operationStates": ["DONE"]}}),
            "operationStates",
        ),
        (
            json!({"callbackUri": receiver.url("/cb"), "authentication": {"authType": ["TLS_CERT"]}}),
            "TLS_CERT",
        ),
        (
            json!({"callbackUri": receiver.url("/cb"), "authentication": {"authType": ["BASIC"]}}),
            "paramsBasic.userName",
        ),
        (
            json!({"callbackUri": receiver.url("/cb"), "verbosity": "LOUD"}),
            "verbosity",
        ),
        (json!({"callbackUri": "ftp://x/cb"}), "http"),
        (
            json!({"callbackUri": receiver.url("/cb"), "authentication": {"authType": ["OAUTH2_CLIENT_CREDENTIALS"],
                "paramsOauth2ClientCredentials": {"clientId": "c", "clientPassword": "p", "tokenEndpoint": "http://169.254.169.254/token"}}}),
            "tokenEndpoint",
        ),
    ] {
        let (status, _, answer) = subscribe(body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {answer}");
        assert!(
            answer["detail"].as_str().unwrap().contains(says),
            "{body}: {answer}"
        );
    }
    assert!(
        receiver
            .received()
            .iter()
            .all(|r| r.path == "/cb" && r.method == Method::GET),
        "only the first (refused) test reached the receiver"
    );
    assert_eq!(receiver.received().len(), 1);
}

/// A token endpoint for OAuth 2.0 client credentials over plain http: it hands `token` to the
/// client `netweave`/`pw` and counts its calls.
async fn token_endpoint(
    token: &'static str,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::{atomic::AtomicUsize, Arc};
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let app = Router::new().route(
        "/token",
        post(move |headers: axum::http::HeaderMap, form: String| {
            let counted = Arc::clone(&counted);
            async move {
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                // netweave:pw
                let basic = headers
                    .get("authorization")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                if basic != "Basic bmV0d2VhdmU6cHc="
                    || !form.contains("grant_type=client_credentials")
                {
                    return (
                        StatusCode::UNAUTHORIZED,
                        Json(json!({"error": "invalid_client"})),
                    );
                }
                (
                    StatusCode::OK,
                    Json(json!({"access_token": token, "token_type": "Bearer", "expires_in": 300})),
                )
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/token", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, calls)
}

#[tokio::test(flavor = "multi_thread")]
async fn oauth2_client_credentials_authenticate_the_test_and_every_notification() {
    let dir = tempfile::tempdir().unwrap();
    let receiver = Receiver::start(Mode::Ok).await;
    let (token_url, calls) = token_endpoint("tok-lcm-1").await;
    let app = TestApp::start_with(config).await;
    let vnfd_id = "b1bb0ce7-ebca-4fa7-95ed-4840d7000021";
    onboard(
        &app,
        dir.path(),
        &csar(vnfd_id, "test-chart-0.1.0.tgz", &chart()),
    )
    .await;
    let (status, _, made) = lcm(
        &app,
        Method::POST,
        &format!("{LCM}/subscriptions"),
        Some(json!({
            "callbackUri": receiver.url("/oauth"),
            "filter": {"notificationTypes": ["VnfIdentifierCreationNotification"]},
            "authentication": {"authType": ["OAUTH2_CLIENT_CREDENTIALS"],
                "paramsOauth2ClientCredentials": {"clientId": "netweave", "clientPassword": "pw", "tokenEndpoint": token_url}},
        })),
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert!(made.get("authentication").is_none(), "{made}");
    let (status, _, created) = lcm(
        &app,
        Method::POST,
        &format!("{LCM}/vnf_instances"),
        Some(json!({"vnfdId": vnfd_id})),
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let got = wait_delivered(&receiver, "/oauth", 1).await;
    assert_eq!(got[0].json()["vnfInstanceId"], created["id"]);
    let all = receiver.received();
    assert_eq!(all.len(), 2, "the test GET and one notification");
    assert!(all
        .iter()
        .all(|r| r.header("authorization") == "Bearer tok-lcm-1"));
    assert!(calls.load(std::sync::atomic::Ordering::SeqCst) >= 1);
}

/// `netweave serve` on the simulator kept in `data`, stepping operations every 0.1 s.
fn gateway(data: &std::path::Path, port: u16) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_netweave"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(data)
        .args(["--sim-pools", "2", "--sim-resources", "20"])
        .args(["--callback-allow", "127.0.0.0/8", "--log-level", "warn"])
        .args(["--webhook-secret", crate::webhooks::SECRET])
        .env("NETWEAVE_DMS__POLL_SECONDS", "0.1")
        .env("NETWEAVE_WEBHOOKS__BASE_DELAY_MS", "50")
        .env("NETWEAVE_WEBHOOKS__MAX_DELAY_SECONDS", "1")
        .env("NETWEAVE_WEBHOOKS__MAX_ATTEMPTS", "60")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("netweave serve starts")
}

/// A `Version: 2.0.0` REST call to the gateway at `base`.
async fn call(base: &str, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
    let mut r = reqwest::Client::new()
        .request(method, format!("{base}{path}"))
        .header("Version", "2.0.0");
    if let Some(b) = body {
        r = r.json(&b);
    }
    let response = r.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_sigkilled_during_an_instantiate_while_the_receiver_fails_ends_it_and_loses_nothing(
) {
    let receiver = Receiver::start(Mode::Ok).await;
    let data = tempfile::TempDir::new().unwrap();
    let port = crate::harness::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut process = crate::harness::Process(gateway(data.path(), port));
    crate::kube_leader::ready(&base).await;
    // Onboarded and subscribed while all is well.
    let vnfd_id = "b1bb0ce7-ebca-4fa7-95ed-4840d7000022";
    let (_, package) = call(
        &base,
        Method::POST,
        "/vnfpkgm/v1/vnf_packages",
        Some(json!({})),
    )
    .await;
    let package = package["id"].as_str().unwrap().to_owned();
    let uploaded = reqwest::Client::new()
        .put(format!(
            "{base}/vnfpkgm/v1/vnf_packages/{package}/package_content"
        ))
        .header("content-type", "application/zip")
        .body(csar(vnfd_id, "test-chart-0.1.0.tgz", &chart()))
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), StatusCode::ACCEPTED);
    let (status, sub) = call(
        &base,
        Method::POST,
        &format!("{LCM}/subscriptions"),
        Some(json!({"callbackUri": receiver.url("/smo")})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{sub}");
    let (_, managers) = call(
        &base,
        Method::GET,
        "/o2ims-infrastructureInventory/v2/deploymentManagers",
        None,
    )
    .await;
    let dm = managers[0]["deploymentManagerId"]
        .as_str()
        .unwrap()
        .to_owned();

    // The receiver fails; an instance is created and instantiated, and the gateway killed
    // at once — the operation STARTING or PROCESSING, its notifications owed.
    receiver.set_mode(Mode::Always(503));
    let (status, made) = call(
        &base,
        Method::POST,
        &format!("{LCM}/vnf_instances"),
        Some(json!({"vnfdId": vnfd_id})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let id = made["id"].as_str().unwrap().to_owned();
    let (status, _) = call(
        &base,
        Method::POST,
        &format!("{LCM}/vnf_instances/{id}/instantiate"),
        Some(instantiate_request(&dm)),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    process.0.kill().unwrap();
    process.0.wait().unwrap();
    let _process = crate::harness::Process(gateway(data.path(), port));
    crate::kube_leader::ready(&base).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    receiver.set_mode(Mode::Ok);

    // The operation ends (never stuck), and every notification arrives, in order.
    let mut op = Value::Null;
    for _ in 0..400 {
        let (_, ops) = call(&base, Method::GET, &format!("{LCM}/vnf_lcm_op_occs"), None).await;
        op = ops[0].clone();
        if matches!(
            op["operationState"].as_str(),
            Some("COMPLETED" | "FAILED_TEMP")
        ) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let end = op["operationState"].as_str().unwrap_or_default().to_owned();
    assert!(matches!(end.as_str(), "COMPLETED" | "FAILED_TEMP"), "{op}");
    let expected = vec![
        "VnfIdentifierCreationNotification".to_owned(),
        "INSTANTIATE STARTING START".to_owned(),
        "INSTANTIATE PROCESSING RESULT".to_owned(),
        format!("INSTANTIATE {end} RESULT"),
    ];
    wait_delivered(&receiver, "/smo", expected.len()).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Redelivered after the crash or not, each notification id once, in order.
    let mut seen = std::collections::HashSet::new();
    let got: Vec<String> = delivered(&receiver, "/smo")
        .iter()
        .map(Received::json)
        .filter(|n| seen.insert(n["id"].as_str().unwrap().to_owned()))
        .map(|n| summary(&n))
        .collect();
    assert_eq!(got, expected);
    assert!(delivered(&receiver, "/smo")
        .iter()
        .all(standard_webhooks_verifies));
}
