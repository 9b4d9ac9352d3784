//! `Idempotency-Key` on creations (IETF draft-ietf-httpapi-idempotency-key-header): a repeat
//! gets the first answer and creates nothing, across gateways sharing Redis; another request
//! with the key is 422; a repeat while the first runs is 409; the key expires; gRPC takes it as
//! metadata.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{json, Value};
use tonic::{metadata::MetadataValue, Code};

use netweave::proto::o2ims::v1 as pb;

use crate::{
    harness::{unique_prefix, RedisServer, TestApp, V2},
    receiver::{Mode, Receiver},
    webhooks::webhook_config,
};

/// Status, `Location` and body of a POST with `key`.
async fn post(app: &TestApp, path: &str, key: Option<&str>, body: &Value) -> (u16, String, Value) {
    let mut request = app.http.post(app.url(path)).json(body);
    if let Some(k) = key {
        request = request.header("Idempotency-Key", k);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    if status >= 400 {
        assert_eq!(content_type, "application/problem+json", "{body}");
    }
    (status, location, body)
}

async fn pools_named(app: &TestApp, name: &str) -> usize {
    app.get_ok(&format!("{V2}/resourcePools?filter=(eq,name,{name})"))
        .await
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_repeated_creation_gets_the_first_answer_and_creates_nothing() {
    let app = TestApp::start().await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let pools = format!("{V2}/resourcePools");
    let body = json!({"name": "idem-edge", "oCloudSiteId": site, "description": "once"});
    let key = "\"7d1c5a0e-5e4b-4a6f-9a0b-2f0d2c9e1a11\"";
    let first = post(&app, &pools, Some(key), &body).await;
    assert_eq!(first.0, 201, "{}", first.2);
    assert!(first
        .1
        .ends_with(first.2["resourcePoolId"].as_str().unwrap()));
    for _ in 0..3 {
        assert_eq!(post(&app, &pools, Some(key), &body).await, first);
    }
    // The Structured Field string and the bare key are one key.
    let bare = key.trim_matches('"');
    assert_eq!(post(&app, &pools, Some(bare), &body).await, first);
    assert_eq!(pools_named(&app, "idem-edge").await, 1);

    // Another request with the key: 422, and nothing created.
    let other = json!({"name": "idem-other", "oCloudSiteId": site});
    let (status, _, problem) = post(&app, &pools, Some(key), &other).await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("another request"));
    assert_eq!(pools_named(&app, "idem-other").await, 0);
    // Without a key, as before; a malformed key is refused.
    assert_eq!(post(&app, &pools, None, &other).await.0, 201);
    assert_eq!(post(&app, &pools, None, &other).await.0, 201);
    assert_eq!(pools_named(&app, "idem-other").await, 2);
    let (status, _, problem) = post(&app, &pools, Some("two words"), &other).await;
    assert_eq!(status, 400, "{problem}");
    // A refusal is an answer too: the same invalid request with a key is told the same.
    let invalid = json!({"name": "", "oCloudSiteId": site});
    let refused = post(&app, &pools, Some("k-invalid"), &invalid).await;
    assert_eq!(refused.0, 400);
    assert_eq!(
        post(&app, &pools, Some("k-invalid"), &invalid).await,
        refused
    );
    let metrics = app.metrics().await;
    assert!(
        metrics.contains("netweave_idempotency_requests_total{outcome=\"replayed\"}"),
        "{metrics}"
    );
}

#[tokio::test]
async fn a_key_expires_after_its_time_to_live() {
    let app = TestApp::start_with(|c| c.idempotency.ttl_seconds = 1).await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let pools = format!("{V2}/resourcePools");
    let body = json!({"name": "idem-ttl", "oCloudSiteId": site});
    let first = post(&app, &pools, Some("ttl-key"), &body).await;
    assert_eq!(post(&app, &pools, Some("ttl-key"), &body).await, first);
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let again = post(&app, &pools, Some("ttl-key"), &body).await;
    assert_eq!(again.0, 201);
    assert_ne!(again.2["resourcePoolId"], first.2["resourcePoolId"]);
    assert_eq!(pools_named(&app, "idem-ttl").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_concurrent_retries_across_two_gateways_create_once() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let on_redis = |c: &mut netweave::config::Config| {
        webhook_config(c);
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
        c.idempotency.ttl_seconds = 5;
    };
    let gateways = [
        TestApp::start_with(on_redis).await,
        TestApp::start_with(on_redis).await,
    ];
    let path = format!("{V2}/subscriptions");
    let body = json!({"callback": "https://10.20.0.8/o2ims/notify", "consumerSubscriptionId": "0f3c4b52-3d3c-4a4e-8a9e-1b2c3d4e5f60"});
    let mut tasks = Vec::new();
    for i in 0..100 {
        let (url, http, body) = (
            gateways[i % 2].url(&path),
            gateways[i % 2].http.clone(),
            body.clone(),
        );
        tasks.push(tokio::spawn(async move {
            // A client that retries while the first request is in progress (409).
            let mut busy = 0;
            loop {
                let r = http
                    .post(&url)
                    .header("Idempotency-Key", "smo-create-1")
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                if r.status() == StatusCode::CONFLICT {
                    busy += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
                let status = r.status().as_u16();
                let location = r.headers().get("location").cloned();
                return (status, location, r.text().await.unwrap(), busy);
            }
        }));
    }
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.unwrap());
    }
    let first = (&answers[0].0, &answers[0].1, &answers[0].2);
    assert_eq!(*first.0, 201, "{}", first.2);
    for a in &answers {
        assert_eq!((&a.0, &a.1, &a.2), first, "100 identical answers");
    }
    let listed = gateways[1].get_ok(&path).await;
    assert_eq!(
        listed.as_array().unwrap().len(),
        1,
        "one subscription: {listed}"
    );
    // Another body with the key, on the other gateway: 422.
    let other = json!({"callback": "https://10.20.0.9/o2ims/notify"});
    assert_eq!(
        post(&gateways[0], &path, Some("smo-create-1"), &other)
            .await
            .0,
        422
    );
    // Once the key has expired in Redis, the same request runs again: the callback is taken.
    tokio::time::sleep(Duration::from_millis(5200)).await;
    let (status, _, problem) = post(&gateways[1], &path, Some("smo-create-1"), &body).await;
    assert_eq!(status, 400, "{problem}");
    assert!(
        problem["detail"].as_str().unwrap().contains("already used"),
        "{problem}"
    );
    println!(
        "idempotency: {} of 100 clients were told 409 at least once",
        answers.iter().filter(|a| a.3 > 0).count()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repeat_while_the_first_runs_is_409_then_gets_its_answer() {
    let receiver = Receiver::start(Mode::Slow(Duration::from_millis(1500))).await;
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.webhooks.verify_callbacks = true;
    })
    .await;
    let path = format!("{V2}/subscriptions");
    let body = json!({"callback": receiver.url("/slow")});
    let (url, http, b) = (app.url(&path), app.http.clone(), body.clone());
    let first = tokio::spawn(async move {
        let r = http
            .post(url)
            .header("Idempotency-Key", "slow-1")
            .json(&b)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (status, _, problem) = post(&app, &path, Some("slow-1"), &body).await;
    assert_eq!(status, 409, "{problem}");
    assert!(problem["detail"].as_str().unwrap().contains("in progress"));
    let first = first.await.unwrap();
    assert_eq!(first.0, 201, "{}", first.1);
    let (status, _, again) = post(&app, &path, Some("slow-1"), &body).await;
    assert_eq!(
        (status, again),
        (201, serde_json::from_str(&first.1).unwrap())
    );
}

#[tokio::test]
async fn grpc_creations_take_the_key_as_metadata() {
    let app = TestApp::start().await;
    let mut subs = app.subscriptions().await;
    let create = |callback: &str, key: &'static str| {
        let mut request = tonic::Request::new(pb::CreateSubscriptionRequest {
            subscription: Some(pb::Subscription {
                callback: callback.into(),
                ..Default::default()
            }),
        });
        request
            .metadata_mut()
            .insert("idempotency-key", MetadataValue::from_static(key));
        request
    };
    let first = subs
        .create_subscription(create("https://10.20.0.8/a", "grpc-1"))
        .await
        .unwrap()
        .into_inner();
    let again = subs
        .create_subscription(create("https://10.20.0.8/a", "grpc-1"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(first, again);
    let listed = app.get_ok(&format!("{V2}/subscriptions")).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let other = subs
        .create_subscription(create("https://10.20.0.8/b", "grpc-1"))
        .await
        .unwrap_err();
    assert_eq!(other.code(), Code::InvalidArgument, "{other:?}");
    // A refusal the service made is kept as well: the same duplicate is told the same.
    let one = subs
        .create_subscription(create("https://10.20.0.8/a", "grpc-2"))
        .await
        .unwrap_err();
    let two = subs
        .create_subscription(create("https://10.20.0.8/a", "grpc-2"))
        .await
        .unwrap_err();
    assert_eq!((one.code(), one.message()), (two.code(), two.message()));
    assert_eq!(one.code(), Code::AlreadyExists);
}
