//! VNF packages and VNF instances are a tenant's own: another tenant neither lists nor reads
//! nor deletes them; a viewer reads but does not create; a deployer (oran-o2ims' role) creates
//! and onboards.

use netweave::config::{ClientAuth, TenantConfig};
use reqwest::StatusCode;
use serde_json::json;

use super::{gateway, idp::Idp, support::Pki, tenancy::Caller};

const PACKAGES: &str = "/vnfpkgm/v1/vnf_packages";

#[tokio::test(flavor = "multi_thread")]
async fn a_tenant_sees_only_its_own_packages_and_roles_decide_who_writes() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        c.tenants = ["tenant-a", "tenant-b"]
            .map(|id| TenantConfig {
                id: id.into(),
                ..Default::default()
            })
            .to_vec();
    })
    .await;
    let owner_a = Caller::of(&pki, &idp, "smo-a", &["owner"], Some("tenant-a"));
    let owner_b = Caller::of(&pki, &idp, "smo-b", &["owner"], Some("tenant-b"));
    let viewer_a = Caller::of(&pki, &idp, "view-a", &["viewer"], Some("tenant-a"));
    let deployer = Caller::of(&pki, &idp, "smo-d", &["o2ims-deployer"], None);
    let platform = Caller::of(&pki, &idp, "ops", &["platform-admin"], None);

    let (status, made) = owner_a.post(&app, PACKAGES, json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let id = made["id"].as_str().unwrap().to_owned();
    let one = format!("{PACKAGES}/{id}");

    let (_, seen) = owner_b.get(&app, PACKAGES).await;
    assert_eq!(seen, json!([]));
    assert_eq!(owner_b.get(&app, &one).await.0, StatusCode::NOT_FOUND);
    assert_eq!(owner_b.delete(&app, &one).await.0, StatusCode::NOT_FOUND);
    let (status, seen) = viewer_a.get(&app, PACKAGES).await;
    assert_eq!(
        (status, seen[0]["id"].as_str()),
        (StatusCode::OK, Some(id.as_str()))
    );
    assert_eq!(
        viewer_a.post(&app, PACKAGES, json!({})).await.0,
        StatusCode::FORBIDDEN
    );
    // Cross-tenant callers see every package.
    assert_eq!(platform.get(&app, &one).await.0, StatusCode::OK);
    assert_eq!(deployer.get(&app, &one).await.0, StatusCode::OK);
    assert_eq!(
        deployer
            .post(&app, PACKAGES, json!({"userDefinedData": {"a": "b"}}))
            .await
            .0,
        StatusCode::CREATED
    );
    // An instance of tenant A's onboarded package is A's alone; B cannot even name the VNFD.
    let csar = crate::vnf_packages::csar("b1bb0ce7-ebca-4fa7-95ed-4840d70000aa", "c.tgz", b"c");
    let upload = owner_a
        .http()
        .put(app.url(&format!("{one}/package_content")))
        .header("content-type", "application/zip")
        .body(csar)
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), StatusCode::ACCEPTED);
    let lcm = |c: &Caller, method: reqwest::Method, path: String, body: serde_json::Value| {
        c.http()
            .request(method, app.url(&path))
            .header("Version", "2.0.0")
            .json(&body)
            .send()
    };
    let body = json!({"vnfdId": "b1bb0ce7-ebca-4fa7-95ed-4840d70000aa"});
    let refused = lcm(
        &owner_b,
        reqwest::Method::POST,
        "/vnflcm/v2/vnf_instances".into(),
        body.clone(),
    )
    .await
    .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let made = lcm(
        &owner_a,
        reqwest::Method::POST,
        "/vnflcm/v2/vnf_instances".into(),
        body,
    )
    .await
    .unwrap();
    assert_eq!(made.status(), StatusCode::CREATED);
    let instance: serde_json::Value = made.json().await.unwrap();
    let path = format!(
        "/vnflcm/v2/vnf_instances/{}",
        instance["id"].as_str().unwrap()
    );
    let seen = lcm(&owner_b, reqwest::Method::GET, path.clone(), json!({}))
        .await
        .unwrap();
    assert_eq!(seen.status(), StatusCode::NOT_FOUND);
    let seen = lcm(&viewer_a, reqwest::Method::GET, path.clone(), json!({}))
        .await
        .unwrap();
    assert_eq!(seen.status(), StatusCode::OK);
    let gone = lcm(&viewer_a, reqwest::Method::DELETE, path.clone(), json!({}))
        .await
        .unwrap();
    assert_eq!(gone.status(), StatusCode::FORBIDDEN);
    let gone = lcm(&owner_a, reqwest::Method::DELETE, path, json!({}))
        .await
        .unwrap();
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
    let (status, _) = owner_a
        .send(
            &app,
            reqwest::Method::PATCH,
            &one,
            Some(json!({"operationalState": "DISABLED"})),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(owner_a.delete(&app, &one).await.0, StatusCode::NO_CONTENT);
}
