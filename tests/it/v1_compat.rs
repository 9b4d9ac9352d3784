//! An SMO written for INF O2 works against `/v1`: INF's swagger
//! (`shared/specs/inf-o2/docs/swagger.yaml`) documents every path with and without a trailing
//! slash, and its page markers are page numbers.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{
    harness::{Reply, TestApp, V1, V2},
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

/// Every `Link` header value of a reply.
fn links(reply: &Reply) -> Vec<&str> {
    reply
        .headers
        .get_all("link")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect()
}

#[tokio::test]
async fn a_deprecated_version_says_so_on_every_response_and_in_api_versions() {
    use netweave::config::{VersionLifecycle, VersionStatus};
    let app = TestApp::start_with(|c| {
        c.api_versions.v1 = VersionLifecycle {
            status: VersionStatus::Deprecated,
            deprecated_since: "2026-12-01".into(),
            sunset: "2027-06-30".into(),
            migration_guide: "https://netweave.example/migrate-to-v2".into(),
        };
    })
    .await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let unknown = uuid::Uuid::new_v4();
    for path in [
        format!("{V1}/resourcePools?limit=1"),
        format!("{V1}/resourcePools/{pool}"),
        // Errors too.
        format!("{V1}/resourcePools/{unknown}"),
        format!("{V1}/resourcePools?filter=(bad"),
        format!("{V1}/"),
    ] {
        let reply = app.get(&path).await;
        assert_eq!(reply.header("deprecation"), Some("@1796083200"), "{path}");
        assert_eq!(
            reply.header("sunset"),
            Some("Wed, 30 Jun 2027 00:00:00 GMT"),
            "{path}"
        );
        assert_eq!(reply.header("x-api-deprecated"), Some("true"), "{path}");
        assert_eq!(
            reply.header("x-api-deprecation-date"),
            Some("2026-12-01"),
            "{path}"
        );
        assert_eq!(
            reply.header("x-api-sunset-date"),
            Some("2027-06-30"),
            "{path}"
        );
        assert_eq!(
            reply.header("x-api-migration-guide"),
            Some("https://netweave.example/migrate-to-v2"),
            "{path}"
        );
        let links = links(&reply);
        assert!(
            links.contains(&"<https://netweave.example/migrate-to-v2>; rel=\"deprecation\""),
            "{path}: {links:?}"
        );
    }
    // A v1 page keeps its next link beside the deprecation link.
    let page = app.get(&format!("{V1}/resourcePools?limit=1")).await;
    let links = links(&page);
    assert!(
        links.iter().any(|l| l.contains("rel=\"next\"")),
        "{links:?}"
    );
    // v2 says nothing of it.
    let v2 = app.get(&format!("{V2}/resourcePools")).await;
    for name in ["deprecation", "sunset", "x-api-deprecated", "link"] {
        assert!(v2.header(name).is_none(), "v2 carries {name}");
    }
    let versions = app
        .get("/o2ims-infrastructureInventory/api_versions")
        .await
        .body;
    assert_eq!(
        versions["apiVersions"],
        json!([
            {"version": "1.0.0", "isDeprecated": true, "retirementDate": "2027-06-30T00:00:00Z"},
            {"version": "2.0.0"}
        ])
    );
    let v1 = app.get(&format!("{V1}/api_versions")).await.body;
    assert_eq!(v1["apiVersions"][0]["isDeprecated"], true);
}

#[tokio::test]
async fn nothing_is_deprecated_by_default() {
    let app = TestApp::start().await;
    for path in [format!("{V1}/resourcePools"), format!("{V2}/resourcePools")] {
        let reply = app.get(&path).await;
        assert!(
            reply.header("deprecation").is_none() && reply.header("x-api-deprecated").is_none()
        );
    }
    let versions = app
        .get("/o2ims-infrastructureInventory/api_versions")
        .await
        .body;
    assert_eq!(
        versions["apiVersions"],
        json!([{"version": "1.0.0"}, {"version": "2.0.0"}])
    );
}

/// The resource ids of a v1 page and its `Link: rel="next"` target, if any.
fn ids_and_next(reply: &Reply) -> (Vec<String>, Option<String>) {
    let ids = reply
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["resourceId"].as_str().unwrap().to_owned())
        .collect();
    let next = links(reply)
        .iter()
        .find(|l| l.ends_with("rel=\"next\""))
        .map(|l| {
            l.trim_start_matches('<')
                .split('>')
                .next()
                .unwrap()
                .to_owned()
        });
    (ids, next)
}

#[tokio::test]
async fn inf_page_numbers_are_accepted_beside_opaque_markers() {
    let app = TestApp::start().await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let base = format!("{V1}/resourcePools/{pool}/resources?limit=7");
    let first = app.get(&base).await;
    let total = first.header("x-total-count").unwrap().to_owned();
    let (ids1, next) = ids_and_next(&first);
    let second = app.get(&next.expect("more than one page")).await;
    let (ids2, _) = ids_and_next(&second);

    let numbered = app.get(&format!("{base}&nextpage_opaque_marker=1")).await;
    assert_eq!(ids_and_next(&numbered).0, ids1, "page 1 is the first page");
    let numbered = app.get(&format!("{base}&nextpage_opaque_marker=2")).await;
    assert_eq!(numbered.status, StatusCode::OK, "{}", numbered.body);
    let (ids, next) = ids_and_next(&numbered);
    assert_eq!(ids, ids2, "page 2 is the page after the first");
    assert_eq!(numbered.header("x-total-count"), Some(total.as_str()));
    assert!(
        next.as_deref()
            .is_some_and(|n| n.contains("nextpage_opaque_marker=3") && n.contains("limit=7")),
        "the next page by number: {next:?}"
    );
    let past = app
        .get(&format!("{base}&nextpage_opaque_marker=9999"))
        .await;
    assert_eq!(past.status, StatusCode::OK);
    assert_eq!(past.body, json!([]), "past the last page: empty");
    assert!(ids_and_next(&past).1.is_none());
    assert_eq!(past.header("x-total-count"), Some(total.as_str()));
    // v2 keeps its opaque markers only; a marker of neither kind is refused.
    let v2 = reqwest::get(app.url(&format!(
        "{V2}/resourcePools/{pool}/resources?limit=7&nextpage_opaque_marker=2"
    )))
    .await
    .unwrap();
    assert_eq!(v2.status(), StatusCode::BAD_REQUEST);
    let bad = app.get(&format!("{base}&nextpage_opaque_marker=x!")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}
