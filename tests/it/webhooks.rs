//! Webhook delivery end to end on the embedded defaults: spec-shaped, signed notifications
//! (checked by the independent `standardwebhooks` package and by plain HMAC), filters,
//! ordering, retries, Retry-After, dead letters and replay, redirects, timeouts, restarts,
//! and the callback address policy.

use netweave::backend::simulator::SimConfig;
use std::{process::Command, time::Duration};

use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::{
    harness::{TestApp, V2},
    receiver::{Mode, Received, Receiver},
};

pub const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

pub fn webhook_config(c: &mut netweave::config::Config) {
    c.webhooks.secret = SECRET.into();
    c.webhooks.callback_allow = "127.0.0.0/8".into();
    c.webhooks.base_delay_ms = 20;
    c.webhooks.max_delay_seconds = 1;
}

pub async fn subscribe(app: &TestApp, callback: &str, filter: Option<&str>) -> String {
    let mut body =
        json!({"callback": callback, "consumerSubscriptionId": uuid::Uuid::new_v4().to_string()});
    if let Some(f) = filter {
        body["filter"] = json!(f);
    }
    let reply = app
        .call(Method::POST, &format!("{V2}/subscriptions"), Some(body))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.body["subscriptionId"].as_str().unwrap().to_owned()
}

/// A gateway delivering webhooks over a small simulator with two pools, and their ids.
pub async fn two_pool_app() -> (TestApp, String, String) {
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.edit_section(|s: &mut SimConfig| s.pools = 2);
        c.edit_section(|s: &mut SimConfig| s.resources = 20);
    })
    .await;
    let pools = app.get_ok(&format!("{V2}/resourcePools")).await;
    let id = |i: usize| pools[i]["resourcePoolId"].as_str().unwrap().to_owned();
    let (a, b) = (id(0), id(1));
    (app, a, b)
}

/// Adds one resource (of the first type) to each of `pools`.
pub async fn add_a_resource_to_each(app: &TestApp, pools: &[&str]) {
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    for pool in pools {
        let r = app
            .call(
                Method::POST,
                &format!("{V2}/resourcePools/{pool}/resources"),
                Some(json!({"resourceTypeId": ty, "description": "n"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
}

/// Creates, renames and deletes a pool; returns its id.
pub async fn pool_lifecycle(app: &TestApp, name: &str) -> String {
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let created = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools"),
            Some(json!({"name": name, "oCloudSiteId": site, "description": "d"})),
        )
        .await;
    let id = created.body["resourcePoolId"].as_str().unwrap().to_owned();
    app.call(
        Method::PUT,
        &format!("{V2}/resourcePools/{id}"),
        Some(json!({"name": format!("{name}-2"), "oCloudSiteId": site, "description": "d"})),
    )
    .await;
    app.call(Method::DELETE, &format!("{V2}/resourcePools/{id}"), None)
        .await;
    id
}

fn notification_errors(body: &Value) -> Vec<String> {
    let spec = netweave::http::openapi::normative();
    let mut schema = json!({"$ref": "#/components/schemas/InventoryChangeNotification"});
    schema["components"] = spec["components"].clone();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    validator.iter_errors(body).map(|e| e.to_string()).collect()
}

/// Verifies the Standard Webhooks signature with the independent `standardwebhooks` package.
pub fn standard_webhooks_verifies(r: &Received) -> bool {
    verifies_with(r, SECRET)
}

fn verifies_with(r: &Received, secret: &str) -> bool {
    let script = r#"
import sys, standardwebhooks
secret, msg_id, ts, sig = sys.argv[1:5]
body = sys.stdin.buffer.read()
standardwebhooks.Webhook(secret).verify(body, {"webhook-id": msg_id, "webhook-timestamp": ts, "webhook-signature": sig})
"#;
    let mut child = Command::new("python3")
        .env(
            "PYTHONPATH",
            concat!(env!("CARGO_MANIFEST_DIR"), "/.tools/python"),
        )
        .args([
            "-c",
            script,
            secret,
            r.header("webhook-id"),
            r.header("webhook-timestamp"),
            r.header("webhook-signature"),
        ])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("python3 runs (the test command installs standardwebhooks)");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&r.body).unwrap();
    child.wait().unwrap().success()
}

fn hex_signature(body: &[u8]) -> String {
    let key = base64::engine::general_purpose::STANDARD
        .decode(SECRET.trim_start_matches("whsec_"))
        .unwrap();
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[tokio::test]
async fn notifications_are_spec_shaped_signed_and_in_order() {
    let receiver = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(webhook_config).await;
    signed_notifications(&app, &receiver).await;
}

/// Pool changes reach a subscriber spec-shaped, signed, in order (run on every provider).
pub async fn signed_notifications(app: &TestApp, receiver: &Receiver) {
    let sub = subscribe(
        app,
        &receiver.url("/smo/notify"),
        Some("(neq,objectKind,ResourcePool)"),
    )
    .await;
    let consumer =
        app.get_ok(&format!("{V2}/subscriptions/{sub}")).await["consumerSubscriptionId"].clone();
    let pool = pool_lifecycle(app, "signed").await;
    let got = receiver.wait_for(3, Duration::from_secs(10)).await;
    assert_eq!(
        got.len(),
        3,
        "create, modify and delete of the pool, nothing else"
    );
    let bodies: Vec<Value> = got.iter().map(Received::json).collect();
    for (body, (kind, prior, post)) in
        bodies
            .iter()
            .zip([(0, false, true), (1, true, true), (2, true, false)])
    {
        assert!(
            notification_errors(body).is_empty(),
            "{:?}: {body}",
            notification_errors(body)
        );
        assert_eq!(body["notificationEventType"], kind);
        assert_eq!(body.get("priorObjectState").is_some(), prior, "{body}");
        assert_eq!(body.get("postObjectState").is_some(), post, "{body}");
        assert_eq!(body["objectRef"], format!("{V2}/resourcePools/{pool}"));
        assert_eq!(body["consumerSubscriptionId"], consumer);
    }
    assert_eq!(bodies[1]["priorObjectState"]["name"], "signed");
    assert_eq!(bodies[1]["postObjectState"]["name"], "signed-2");
    for r in &got {
        assert_eq!(r.path, "/smo/notify");
        assert_eq!(r.header("content-type"), "application/json");
        assert_eq!(
            r.header("webhook-id"),
            r.json()["notificationId"].as_str().unwrap()
        );
        assert_eq!(r.header("x-o2ims-notification-id"), r.header("webhook-id"));
        assert_eq!(r.header("x-o2ims-subscription-id"), sub);
        assert!(r
            .header("x-o2ims-event-type")
            .starts_with("o2ims.ResourcePool."));
        assert_eq!(
            r.header("x-o2ims-signature"),
            hex_signature(&r.body),
            "hex HMAC of the body"
        );
        assert!(
            standard_webhooks_verifies(r),
            "the Standard Webhooks signature verifies independently"
        );
        let mut tampered = r.clone();
        tampered.body = axum::body::Bytes::from([r.body.as_ref(), b" "].concat());
        assert!(
            !standard_webhooks_verifies(&tampered),
            "a tampered body does not verify"
        );
    }
}

#[tokio::test]
async fn filters_exclude_exactly_what_they_name() {
    let receiver = Receiver::start(Mode::Ok).await;
    let (app, a, b) = two_pool_app().await;
    subscribe(
        &app,
        &receiver.url("/no-pools"),
        Some("(eq,objectKind,ResourcePool)"),
    )
    .await;
    subscribe(
        &app,
        &receiver.url("/no-pool-a"),
        Some(&format!("(eq,resourcePoolId,{a})")),
    )
    .await;
    subscribe(&app, &receiver.url("/all"), None).await;
    add_a_resource_to_each(&app, &[&a, &b]).await;
    pool_lifecycle(&app, "filtered").await;
    // 2 resources + 3 pool changes + 2 site changes = 7 events.
    let got = receiver.wait_for(7 + 4 + 5, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got = if got.len() < receiver.received().len() {
        receiver.received()
    } else {
        got
    };
    let on = |path: &str| {
        got.iter()
            .filter(|r| r.path == path)
            .map(Received::json)
            .collect::<Vec<_>>()
    };
    assert_eq!(on("/all").len(), 7);
    let no_pools = on("/no-pools");
    assert_eq!(no_pools.len(), 4, "everything but the 3 pool changes");
    assert!(no_pools
        .iter()
        .all(|n| !n["objectRef"].as_str().unwrap().ends_with(&format!(
            "/resourcePools/{}",
            n["objectRef"].as_str().unwrap().rsplit('/').next().unwrap()
        )) || n["objectRef"].as_str().unwrap().contains("/resources/")));
    let no_a = on("/no-pool-a");
    assert_eq!(no_a.len(), 6, "everything but pool A's resource");
    assert!(no_a.iter().all(|n| !n["objectRef"]
        .as_str()
        .unwrap()
        .contains(&format!("{a}/resources/"))));
}

async fn dead_letters(app: &TestApp) -> Vec<Value> {
    app.get_ok("/webhooks/deadLetters")
        .await
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn failures_are_retried_then_delivered_with_a_stable_id() {
    let receiver = Receiver::start(Mode::FailFirst(2)).await;
    let app = TestApp::start_with(webhook_config).await;
    subscribe(
        &app,
        &receiver.url("/flaky"),
        Some("(neq,eventType,o2ims.ResourcePool.Created)"),
    )
    .await;
    pool_lifecycle(&app, "flaky").await;
    let got = receiver.wait_for(3, Duration::from_secs(10)).await;
    assert_eq!(got.len(), 3, "two 500s, then the success");
    let ids: Vec<&str> = got.iter().map(|r| r.header("webhook-id")).collect();
    assert!(
        ids.iter().all(|i| *i == ids[0]),
        "webhook-id is stable across retries: {ids:?}"
    );
    assert!(dead_letters(&app).await.is_empty());
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let receiver = Receiver::start(Mode::RetryAfter(1)).await;
    let app = TestApp::start_with(webhook_config).await;
    subscribe(
        &app,
        &receiver.url("/busy"),
        Some("(neq,eventType,o2ims.ResourcePool.Created)"),
    )
    .await;
    pool_lifecycle(&app, "busy").await;
    let got = receiver.wait_for(2, Duration::from_secs(10)).await;
    assert!(got.len() >= 2);
    let waited = got[1].at - got[0].at;
    assert!(
        waited >= Duration::from_millis(950),
        "the retry waited {waited:?}, not the 1 s Retry-After"
    );
}

#[tokio::test]
async fn a_dead_endpoint_is_dead_lettered_then_replayed() {
    let receiver = Receiver::start(Mode::Always(500)).await;
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.webhooks.max_attempts = 3;
    })
    .await;
    dead_letter_then_replay(&app, &receiver).await;
}

/// Needs `max_attempts = 3` and a receiver answering 500 (run on every provider).
pub async fn dead_letter_then_replay(app: &TestApp, receiver: &Receiver) {
    // The filter names what NOT to report: pool creations.
    subscribe(
        app,
        &receiver.url("/dead"),
        Some("(eq,eventType,o2ims.ResourcePool.Created)"),
    )
    .await;
    pool_lifecycle(app, "dead").await;
    let mut letters = Vec::new();
    for _ in 0..200 {
        letters = dead_letters(app).await;
        if letters.len() == 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(
        letters.len(),
        4,
        "2 pool changes and 2 site changes, each after 3 attempts"
    );
    assert!(letters
        .iter()
        .all(|l| l["delivery"]["attempts"] == 3 && l["error"].as_str().unwrap().contains("500")));
    assert_eq!(receiver.received().len(), 12);
    receiver.set_mode(Mode::Ok);
    let id = letters[0]["id"].as_u64().unwrap();
    let replay = app
        .call(
            Method::POST,
            &format!("/webhooks/deadLetters/{id}/replay"),
            None,
        )
        .await;
    assert_eq!(replay.status, StatusCode::ACCEPTED);
    let got = receiver.wait_for(13, Duration::from_secs(5)).await;
    assert_eq!(got.len(), 13);
    assert_eq!(
        got[12].header("webhook-id"),
        letters[0]["delivery"]["notificationId"].as_str().unwrap()
    );
    assert_eq!(dead_letters(app).await.len(), 3);
    let again = app
        .call(
            Method::POST,
            &format!("/webhooks/deadLetters/{id}/replay"),
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn redirects_are_not_followed_and_slow_endpoints_time_out() {
    let redirecting = Receiver::start(Mode::Redirect).await;
    let slow = Receiver::start(Mode::Slow(Duration::from_secs(3))).await;
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.webhooks.max_attempts = 2;
        c.webhooks.timeout_seconds = 0.3;
    })
    .await;
    let no_creations = "(eq,eventType,o2ims.ResourcePool.Created)";
    subscribe(&app, &redirecting.url("/moved"), Some(no_creations)).await;
    subscribe(&app, &slow.url("/slow"), Some(no_creations)).await;
    pool_lifecycle(&app, "edge").await;
    let mut letters = Vec::new();
    for _ in 0..300 {
        letters = dead_letters(&app).await;
        if letters.len() == 8 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(letters.len(), 8);
    assert!(
        redirecting.received().iter().all(|r| r.path == "/moved"),
        "the redirect target was never called"
    );
    let errors: Vec<&str> = letters
        .iter()
        .map(|l| l["error"].as_str().unwrap())
        .collect();
    assert_eq!(
        errors.iter().filter(|e| e.contains("not followed")).count(),
        4,
        "{errors:?}"
    );
    assert_eq!(
        errors.iter().filter(|e| e.contains("in time")).count(),
        4,
        "{errors:?}"
    );
}

#[tokio::test]
async fn pending_deliveries_survive_a_gateway_restart() {
    let receiver = Receiver::start(Mode::Always(503)).await;
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.webhooks.base_delay_ms = 200;
    })
    .await;
    subscribe(
        &app,
        &receiver.url("/later"),
        Some("(eq,objectKind,OCloudSite)"),
    )
    .await;
    pool_lifecycle(&app, "restart").await;
    receiver.wait_for(3, Duration::from_secs(5)).await;
    let data = app.stop().await;
    receiver.set_mode(Mode::Ok);
    let app = TestApp::start_in(data, webhook_config).await;
    let mut delivered = Vec::new();
    for _ in 0..200 {
        delivered = receiver
            .received()
            .into_iter()
            .filter(|r| r.json()["notificationEventType"].is_number())
            .collect::<Vec<_>>();
        let ok: std::collections::BTreeSet<String> = delivered
            .iter()
            .map(|r| r.header("webhook-id").to_owned())
            .collect();
        if ok.len() == 3 && receiver.received().len() > 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let kinds: Vec<u64> = {
        let mut last_by_id = std::collections::BTreeMap::new();
        for r in &delivered {
            last_by_id.insert(
                r.header("webhook-id").to_owned(),
                r.json()["notificationEventType"].as_u64().unwrap(),
            );
        }
        let mut v: Vec<u64> = last_by_id.into_values().collect();
        v.sort();
        v
    };
    assert_eq!(
        kinds,
        vec![0, 1, 2],
        "all three notifications arrive after the restart"
    );
    drop(app);
}

#[tokio::test]
async fn callbacks_to_loopback_or_metadata_addresses_are_refused_unless_allowed() {
    let app = TestApp::start().await;
    for (callback, words) in [
        ("http://127.0.0.1:9/x", "loopback"),
        ("http://localhost:9/x", "loopback"),
        ("http://169.254.169.254/latest/meta-data", "link-local"),
        ("http://[::1]:9/x", "loopback"),
        ("http://no-such-host.invalid/x", "does not resolve"),
    ] {
        let reply = app
            .call(
                Method::POST,
                &format!("{V2}/subscriptions"),
                Some(json!({"callback": callback})),
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{callback}");
        assert!(
            reply.body["detail"].as_str().unwrap().contains(words),
            "{callback}: {}",
            reply.body
        );
    }
    let private = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": "http://192.168.10.4/x"})),
        )
        .await;
    assert_eq!(
        private.status,
        StatusCode::CREATED,
        "private ranges are normal for on-premises SMOs"
    );
    let allowed = TestApp::start_with(|c| c.webhooks.callback_allow = "127.0.0.0/8".into()).await;
    let reply = allowed
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": "http://127.0.0.1:9/x"})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
}

#[tokio::test]
async fn the_verification_handshake_expects_204() {
    let good = Receiver::start(Mode::Ok).await;
    let bad = Receiver::start(Mode::Always(200)).await;
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.webhooks.verify_callbacks = true;
    })
    .await;
    subscribe(&app, &good.url("/verified"), None).await;
    assert_eq!(
        good.received()[0].headers.get("content-type"),
        None,
        "the handshake is a GET"
    );
    let reply = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": bad.url("/unverified")})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body["detail"]
        .as_str()
        .unwrap()
        .contains("expected 204"));
}

#[tokio::test]
async fn a_subscription_can_sign_with_its_own_secret_which_is_never_returned() {
    const OWN: &str = "whsec_c3Vic2NyaXB0aW9uLW93bi1zZWNyZXQtMzJieXRlcw==";
    let receiver = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(webhook_config).await;
    let reply = app
        .call(Method::POST, &format!("{V2}/subscriptions"), Some(json!({
            "callback": receiver.url("/own"), "webhookSecret": OWN, "filter": "(neq,eventType,o2ims.ResourcePool.Created)"
        })))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert!(
        reply.body.get("webhookSecret").is_none(),
        "the secret is write-only: {}",
        reply.body
    );
    let id = reply.body["subscriptionId"].as_str().unwrap();
    assert!(app
        .get_ok(&format!("{V2}/subscriptions/{id}"))
        .await
        .get("webhookSecret")
        .is_none());
    assert!(app.get_ok(&format!("{V2}/subscriptions")).await[0]
        .get("webhookSecret")
        .is_none());
    pool_lifecycle(&app, "own-secret").await;
    let got = receiver.wait_for(1, Duration::from_secs(10)).await;
    assert!(
        verifies_with(&got[0], OWN),
        "signed with the subscription's secret"
    );
    assert!(!verifies_with(&got[0], SECRET), "not with the server's");
    let bad = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": receiver.url("/x"), "webhookSecret": "hunter2"})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body["detail"].as_str().unwrap().contains("whsec_"));
}

/// Needs a receiver answering 503 and a long retry delay (run on every provider).
pub async fn delivery_status_is_visible(app: &TestApp, receiver: &Receiver) {
    let sub = subscribe(
        app,
        &receiver.url("/stuck"),
        Some("(eq,objectKind,OCloudSite)"),
    )
    .await;
    pool_lifecycle(app, "stuck").await;
    receiver.wait_for(1, Duration::from_secs(10)).await;
    let mut listed = Vec::new();
    for _ in 0..100 {
        listed = app
            .get_ok(&format!("/webhooks/deliveries?subscriptionId={sub}"))
            .await
            .as_array()
            .unwrap()
            .clone();
        if listed.len() == 3 && listed[0]["state"] == "failed" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        listed.len(),
        3,
        "create, update and delete of the pool are unfinished: {listed:?}"
    );
    assert_eq!(listed[0]["state"], "failed");
    assert!(listed[0]["attempts"].as_u64().unwrap() >= 1);
    assert!(listed[0]["lastError"].as_str().unwrap().contains("503"));
    assert_eq!(listed[0]["eventType"], "o2ims.ResourcePool.Created");
    for later in &listed[1..] {
        assert_eq!(
            later["state"], "pending",
            "later changes of the pool wait behind the first: {later}"
        );
        assert_eq!(later["attempts"], 0);
    }
    let bad = app.get("/webhooks/deliveries?subscriptionId=nope").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn delivery_status_is_visible_on_the_embedded_queue() {
    let receiver = Receiver::start(Mode::Always(503)).await;
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.webhooks.base_delay_ms = 5000;
        c.webhooks.max_delay_seconds = 10;
    })
    .await;
    delivery_status_is_visible(&app, &receiver).await;
}
