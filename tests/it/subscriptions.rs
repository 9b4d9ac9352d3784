//! Subscriptions on the embedded store: the lifecycle, validation, and survival of a restart.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::harness::{TestApp, V1, V2};

/// The whole lifecycle; run on every store.
pub async fn lifecycle(app: &TestApp) {
    let consumer = uuid::Uuid::new_v4().to_string();
    let created = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({
                "callback": "https://10.20.0.5:8443/o2ims/inventory",
                "consumerSubscriptionId": consumer,
                "filter": "(eq,resourcePoolId,6f1b1c1e-0000-4000-8000-000000000001)",
            })),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.body["subscriptionId"].as_str().unwrap().to_owned();
    uuid::Uuid::parse_str(&id).expect("allocated id is a UUID");
    assert_eq!(
        created.header("location"),
        Some(format!("{V2}/subscriptions/{id}").as_str())
    );
    assert_eq!(created.body["consumerSubscriptionId"], consumer.as_str());

    let fetched = app.get_ok(&format!("{V2}/subscriptions/{id}")).await;
    assert_eq!(fetched, created.body);
    let listed = app.get_ok(&format!("{V2}/subscriptions")).await;
    assert!(listed.as_array().unwrap().contains(&created.body));
    let filtered = app
        .get_ok(&format!(
            "{V2}/subscriptions?filter=(eq,consumerSubscriptionId,{consumer})"
        ))
        .await;
    assert_eq!(filtered.as_array().unwrap(), &vec![created.body.clone()]);

    let duplicate = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": "https://10.20.0.5:8443/o2ims/inventory"})),
        )
        .await;
    assert_eq!(
        duplicate.status,
        StatusCode::BAD_REQUEST,
        "a second subscription with the same callback"
    );
    assert!(duplicate.body["detail"].as_str().unwrap().contains(&id));

    let deleted = app
        .call(Method::DELETE, &format!("{V2}/subscriptions/{id}"), None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(
        app.get(&format!("{V2}/subscriptions/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let again = app
        .call(Method::DELETE, &format!("{V2}/subscriptions/{id}"), None)
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let reuse = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": "https://10.20.0.5:8443/o2ims/inventory"})),
        )
        .await;
    assert_eq!(
        reuse.status,
        StatusCode::CREATED,
        "a deleted subscription frees its callback"
    );
}

#[tokio::test]
async fn subscription_lifecycle_on_the_embedded_store() {
    let app = TestApp::start().await;
    lifecycle(&app).await;
}

#[tokio::test]
async fn invalid_subscriptions_are_400_and_store_nothing() {
    let app = TestApp::start().await;
    for (body, words) in [
        (json!({}), "callback is required"),
        (
            json!({"callback": "smo.example/notify"}),
            "not an absolute URL",
        ),
        (json!({"callback": "/relative/path"}), "not an absolute URL"),
        (
            json!({"callback": "ftp://smo.example/notify"}),
            "http or https",
        ),
        (
            json!({"callback": "http://10.20.0.9/n", "consumerSubscriptionId": "abc"}),
            "not a UUID",
        ),
        (
            json!({"callback": "http://10.20.0.9/n", "filter": "(eq,nonsense,x)"}),
            "unknown attribute 'nonsense'",
        ),
        (json!({"callback": 42}), "invalid request body"),
    ] {
        let reply = app
            .call(
                Method::POST,
                &format!("{V2}/subscriptions"),
                Some(body.clone()),
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        let detail = reply.body["detail"].as_str().unwrap();
        assert!(detail.contains(words), "{body}: '{detail}' lacks '{words}'");
    }
    assert_eq!(app.get_ok(&format!("{V2}/subscriptions")).await, json!([]));
}

#[tokio::test]
async fn subscriptions_survive_a_restart_on_the_embedded_store() {
    let app = TestApp::start().await;
    let created = app
        .call(
            Method::POST,
            &format!("{V1}/subscriptions"),
            Some(json!({"callback": "http://10.0.0.5:9000/notify"})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert!(created
        .header("location")
        .unwrap()
        .starts_with(&format!("{V1}/subscriptions/")));
    let id = created.body["subscriptionId"].as_str().unwrap().to_owned();
    let data = app.stop().await;
    let app = TestApp::start_in(data, |_| {}).await;
    assert_eq!(
        app.get_ok(&format!("{V2}/subscriptions/{id}")).await,
        created.body
    );
    let duplicate = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": "http://10.0.0.5:9000/notify"})),
        )
        .await;
    assert_eq!(
        duplicate.status,
        StatusCode::BAD_REQUEST,
        "the callback index survives too"
    );
}
