//! Every path and method of the normative v2 inventory spec, plus the write extensions, with
//! each response validated against the contract by `TestApp::call`.

use netweave::backend::simulator::SimConfig;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::{TestApp, V1, V2};

/// Concrete URLs for every normative path template, built from the simulator's own ids.
async fn concrete_paths(app: &TestApp) -> Vec<(Method, String)> {
    let dm = app
        .first_id("deploymentManagers", "deploymentManagerId")
        .await;
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let res = app
        .first_id(&format!("resourcePools/{pool}/resources"), "resourceId")
        .await;
    let dict = app.first_id("alarmDictionaries", "alarmDictionaryId").await;
    let loc = app.first_id("locations", "globalLocationId").await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let sub = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": "http://10.20.0.6:8080/notify"})),
        )
        .await;
    assert_eq!(sub.status, StatusCode::CREATED, "{}", sub.body);
    let sub = sub.body["subscriptionId"].as_str().unwrap().to_owned();
    let spec = netweave::http::openapi::normative();
    let mut out = Vec::new();
    for (template, item) in spec["paths"].as_object().unwrap() {
        let path = template
            .replace("{deploymentManagerId}", &dm)
            .replace("{resourceTypeId}", &ty)
            .replace("{resourcePoolId}", &pool)
            .replace("{resourceId}", &res)
            .replace("{alarmDictionaryId}", &dict)
            .replace("{globalLocationId}", &loc)
            .replace("{oCloudSiteId}", &site)
            .replace("{subscriptionId}", &sub);
        assert!(!path.contains('{'), "no id for {template}");
        for method in item.as_object().unwrap().keys() {
            out.push((method.to_uppercase().parse().unwrap(), path.clone()));
        }
    }
    // Deletions last, so that the subscription is still there for its GET.
    out.sort_by_key(|(m, _)| *m == Method::DELETE);
    out
}

#[tokio::test]
async fn every_normative_operation_answers_with_spec_shaped_bodies() {
    let app = TestApp::start().await;
    let operations = concrete_paths(&app).await;
    assert!(
        operations.len() >= 20,
        "the spec has at least 20 operations, found {}",
        operations.len()
    );
    for (method, path) in operations {
        let body = (method == Method::POST)
            .then(|| json!({"callback": format!("http://10.20.0.7/{}", uuid::Uuid::new_v4())}));
        let reply = app.call(method.clone(), &path, body).await;
        let expected = match method.as_str() {
            "POST" => StatusCode::CREATED,
            _ => StatusCode::OK,
        };
        assert_eq!(reply.status, expected, "{method} {path}: {}", reply.body);
    }
}

#[tokio::test]
async fn lists_are_bare_arrays_with_the_simulated_inventory() {
    let app = TestApp::start_with(|c| {
        c.edit_section(|s: &mut SimConfig| s.pools = 4);
        c.edit_section(|s: &mut SimConfig| s.resources = 400);
    })
    .await;
    let pools = app.get_ok(&format!("{V2}/resourcePools")).await;
    assert_eq!(pools.as_array().unwrap().len(), 4);
    let mut total = 0;
    for pool in pools.as_array().unwrap() {
        let id = pool["resourcePoolId"].as_str().unwrap();
        let resources = app
            .get_ok(&format!("{V2}/resourcePools/{id}/resources"))
            .await;
        for r in resources.as_array().unwrap() {
            assert_eq!(r["resourcePoolId"], pool["resourcePoolId"]);
            for state in ["adminState", "operationalState", "usageState", "powerState"] {
                assert!(r["extensions"][state].is_string(), "{state} missing in {r}");
            }
        }
        total += resources.as_array().unwrap().len();
    }
    assert_eq!(total, 400);
    let sites = app.get_ok(&format!("{V2}/oCloudSites")).await;
    let listed: usize = sites
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["resourcePools"].as_array().unwrap().len())
        .sum();
    assert_eq!(listed, 4, "every pool belongs to exactly one site");
    let types = app.get_ok(&format!("{V2}/resourceTypes")).await;
    let classes: Vec<&str> = types
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["resourceClass"].as_str().unwrap())
        .collect();
    for class in ["COMPUTE", "NETWORKING", "STORAGE"] {
        assert!(classes.contains(&class), "no {class} type in {classes:?}");
    }
}

#[tokio::test]
async fn the_simulator_is_deterministic_for_a_seed() {
    let a = TestApp::start_with(|c| c.edit_section(|s: &mut SimConfig| s.seed = 7)).await;
    let b = TestApp::start_with(|c| c.edit_section(|s: &mut SimConfig| s.seed = 7)).await;
    let c = TestApp::start_with(|c| c.edit_section(|s: &mut SimConfig| s.seed = 8)).await;
    let path = format!("{V2}/resourcePools");
    let (pa, pb, pc) = (
        a.get_ok(&path).await,
        b.get_ok(&path).await,
        c.get_ok(&path).await,
    );
    assert_eq!(pa, pb);
    assert_ne!(pa, pc);
}

#[tokio::test]
async fn unknown_and_malformed_ids_are_problems() {
    let app = TestApp::start().await;
    let missing = uuid::Uuid::new_v4();
    for path in [
        format!("{V2}/resourcePools/{missing}"),
        format!("{V2}/resourcePools/{missing}/resources"),
        format!("{V2}/deploymentManagers/{missing}"),
        format!("{V2}/resourceTypes/{missing}"),
        format!("{V2}/resourceTypes/{missing}/alarmDictionary"),
        format!("{V2}/alarmDictionaries/{missing}"),
        format!("{V2}/locations/nowhere"),
        format!("{V2}/oCloudSites/{missing}"),
        format!("{V2}/subscriptions/{missing}"),
    ] {
        let reply = app.get(&path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "GET {path}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(reply.body["status"], 404);
    }
    let reply = app.get(&format!("{V2}/resourcePools/not-a-uuid")).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply.body["detail"]
            .as_str()
            .unwrap()
            .contains("not-a-uuid"),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn unknown_routes_methods_and_parameters_are_problems() {
    let app = TestApp::start().await;
    let r = app
        .http
        .get(app.url("/o2ims-infrastructureInventory/v3"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let r = app
        .http
        .patch(app.url(&format!("{V2}/subscriptions")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let reply = app
        .get(&format!("{V2}/resourcePools?filtr=(eq,name,x)"))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body["detail"].as_str().unwrap().contains("filtr"));
}

#[tokio::test]
async fn fields_selectors_shape_the_objects() {
    let app = TestApp::start().await;
    let path = format!("{V2}/resourcePools?fields=name,extensions/country");
    let body = app
        .http
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    for pool in body.as_array().unwrap() {
        let keys: Vec<&String> = pool.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 3, "id, name and extensions: {pool}");
        assert!(pool["resourcePoolId"].is_string() && pool["name"].is_string());
        assert_eq!(pool["extensions"].as_object().unwrap().len(), 1);
    }
    let path = format!("{V2}/resourcePools?exclude_fields=description,extensions");
    let body = app
        .http
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert!(
        body[0].get("description").is_none()
            && body[0].get("extensions").is_none()
            && body[0]["name"].is_string()
    );
    let reply = app.get(&format!("{V2}/resourcePools?fields=nmae")).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body["detail"].as_str().unwrap().contains("nmae"));
    let all = app.get_ok(&format!("{V2}/resourcePools?all_fields")).await;
    assert_eq!(all, app.get_ok(&format!("{V2}/resourcePools")).await);
}

#[tokio::test]
async fn write_extensions_create_update_and_delete() {
    let app = TestApp::start().await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    let created = app
        .call(Method::POST, &format!("{V2}/resourcePools"), Some(json!({
            "name": "far-edge", "oCloudSiteId": site, "description": "new pool", "extensions": {"zone": "z9"}
        })))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let pool = created.body["resourcePoolId"].as_str().unwrap().to_owned();
    assert_eq!(
        created.header("location"),
        Some(format!("{V2}/resourcePools/{pool}").as_str())
    );
    assert_eq!(
        app.get_ok(&format!("{V2}/resourcePools/{pool}")).await,
        created.body
    );
    let site_body = app.get_ok(&format!("{V2}/oCloudSites/{site}")).await;
    assert!(site_body["resourcePools"]
        .as_array()
        .unwrap()
        .contains(&json!(pool)));

    let updated = app
        .call(
            Method::PUT,
            &format!("{V2}/resourcePools/{pool}"),
            Some(json!({
                "name": "far-edge-2", "oCloudSiteId": site, "description": "renamed"
            })),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK);
    assert_eq!(updated.body["name"], "far-edge-2");

    let resource = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools/{pool}/resources"),
            Some(json!({
                "resourceTypeId": ty, "description": "new node", "globalAssetId": "SN-1",
                "extensions": {"adminState": "UNLOCKED"}
            })),
        )
        .await;
    assert_eq!(resource.status, StatusCode::CREATED, "{}", resource.body);
    let rid = resource.body["resourceId"].as_str().unwrap().to_owned();
    let busy = app
        .call(Method::DELETE, &format!("{V2}/resourcePools/{pool}"), None)
        .await;
    assert_eq!(
        busy.status,
        StatusCode::CONFLICT,
        "a pool holding resources is not deleted"
    );
    assert_eq!(
        app.get_ok(&format!("{V2}/resourcePools/{pool}/resources/{rid}"))
            .await,
        resource.body
    );
    let gone = app
        .call(
            Method::DELETE,
            &format!("{V2}/resourcePools/{pool}/resources/{rid}"),
            None,
        )
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    let gone = app
        .call(Method::DELETE, &format!("{V2}/resourcePools/{pool}"), None)
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.get(&format!("{V2}/resourcePools/{pool}")).await.status,
        StatusCode::NOT_FOUND
    );

    let bad = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools"),
            Some(json!({"name": "x", "oCloudSiteId": uuid::Uuid::new_v4()})),
        )
        .await;
    assert_eq!(
        bad.status,
        StatusCode::BAD_REQUEST,
        "an unknown site is refused"
    );
    let r = app
        .http
        .post(app.url(&format!("{V2}/resourcePools")))
        .body("{not json")
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
}

#[tokio::test]
async fn writes_on_a_read_only_backend_are_method_not_allowed() {
    let app = TestApp::start_with(|c| c.edit_section(|s: &mut SimConfig| s.read_only = true)).await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let reply = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools"),
            Some(json!({"name": "p", "oCloudSiteId": site, "description": ""})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        reply.body["detail"]
            .as_str()
            .unwrap()
            .contains("does not support"),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn v1_serves_the_same_objects() {
    let app = TestApp::start().await;
    for (collection, id) in [
        ("resourcePools", "resourcePoolId"),
        ("resourceTypes", "resourceTypeId"),
        ("deploymentManagers", "deploymentManagerId"),
    ] {
        let ids = |list: Value| -> Vec<Value> {
            list.as_array()
                .unwrap()
                .iter()
                .map(|o| o[id].clone())
                .collect()
        };
        let v2 = ids(app.get_ok(&format!("{V2}/{collection}")).await);
        let v1 = ids(app.get_ok(&format!("{V1}/{collection}")).await);
        assert_eq!(v1, v2, "{collection}");
    }
    assert_eq!(
        app.get_ok(V1).await["oCloudId"],
        app.get_ok(V2).await["oCloudId"]
    );
    assert_eq!(
        app.get_ok(&format!("{V1}/api_versions")).await["apiVersions"][0]["version"],
        "1.0.0"
    );
}

#[tokio::test]
async fn health_readiness_metrics_and_openapi_are_served() {
    let app = TestApp::start().await;
    assert_eq!(
        app.http
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.http
            .get(app.url("/readyz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    app.get_ok(&format!("{V2}/resourcePools")).await;
    let metrics = app.metrics().await;
    assert!(
        metrics.contains("netweave_http_requests_total"),
        "{metrics}"
    );
    assert!(metrics.contains("route=\"/o2ims-infrastructureInventory/v2/resourcePools\""));
    assert!(metrics.contains("netweave_http_request_duration_seconds_bucket"));
    let doc: Value = app
        .http
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(doc["openapi"], "3.0.0");
    assert!(doc["paths"][format!("{V2}/resourcePools")]["post"].is_object());
}
