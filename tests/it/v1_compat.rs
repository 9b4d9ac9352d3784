//! An SMO written for INF O2 works against `/v1`: INF's swagger
//! (`shared/specs/inf-o2/docs/swagger.yaml`) documents every path with and without a trailing
//! slash, and its page markers are page numbers.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{
    harness::{TestApp, V1, V2},
    receiver::{Mode, Receiver},
    webhooks::webhook_config,
};

#[tokio::test]
async fn a_trailing_slash_names_the_same_resource_on_every_route_of_both_versions() {
    let app = TestApp::start_with(webhook_config).await;
    let receiver = Receiver::start(Mode::Ok).await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let kind = app.first_id("resourceTypes", "resourceTypeId").await;
    let dm = app
        .first_id("deploymentManagers", "deploymentManagerId")
        .await;
    let mut paths = vec![
        "/o2ims-infrastructureInventory/api_versions".to_owned(),
        "/events".to_owned(),
    ];
    for version in [V1, V2] {
        for tail in [
            String::new(),
            "/api_versions".to_owned(),
            "/resourcePools".to_owned(),
            format!("/resourcePools/{pool}"),
            format!("/resourcePools/{pool}/resources"),
            "/resourceTypes".to_owned(),
            format!("/resourceTypes/{kind}"),
            "/deploymentManagers".to_owned(),
            format!("/deploymentManagers/{dm}"),
            "/subscriptions".to_owned(),
        ] {
            paths.push(format!("{version}{tail}"));
        }
    }
    for path in paths {
        let plain = app.get(&path).await;
        assert_eq!(plain.status, StatusCode::OK, "{path}: {}", plain.body);
        let slashed = app.get(&format!("{path}/")).await;
        assert_eq!(slashed.status, StatusCode::OK, "{path}/: {}", slashed.body);
        assert_eq!(slashed.body, plain.body, "{path}/ is {path}");
    }
    // With a query, and for writes.
    let filtered = app
        .get(&format!(
            "{V2}/resourcePools/?filter=(eq,resourcePoolId,{pool})"
        ))
        .await;
    assert_eq!(
        filtered.body.as_array().map(Vec::len),
        Some(1),
        "{}",
        filtered.body
    );
    let created = app
        .call(
            Method::POST,
            &format!("{V1}/subscriptions/"),
            Some(json!({"callback": receiver.url("/smo"), "consumerSubscriptionId": uuid::Uuid::new_v4().to_string()})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.body["subscriptionId"].as_str().unwrap();
    let deleted = app
        .call(Method::DELETE, &format!("{V1}/subscriptions/{id}/"), None)
        .await;
    assert!(deleted.status.is_success(), "{}", deleted.body);
    // An unknown path stays unknown, slash or not.
    let unknown = reqwest::get(app.url(&format!("{V1}/nothing/")))
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}
