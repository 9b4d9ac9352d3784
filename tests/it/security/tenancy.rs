//! Tenants against the real gateway: the admin API over REST and gRPC, a caller's tenant from
//! its token, unknown and suspended tenants refused, role bindings. Helpers shared by the
//! audit and isolation tests.

use netweave::proto::admin::v1::{admin_service_client::AdminServiceClient, GetTenantRequest};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::{client, gateway, idp::Idp, matrix::grpc_channel, support::Pki};
use crate::harness::TestApp;
use netweave::config::ClientAuth;

pub const POOLS: &str = "/o2ims-infrastructureInventory/v2/resourcePools";
pub const TENANTS: &str = "/admin/v1/tenants";

/// A token of subject `sub` with `roles`, naming `tenant` when given.
pub fn token(idp: &Idp, sub: &str, roles: &[&str], tenant: Option<&str>) -> String {
    let mut claims = idp.claims(roles);
    claims["sub"] = sub.into();
    if let Some(t) = tenant {
        claims["tenant"] = t.into();
    }
    idp.mint(&claims)
}

pub struct Caller {
    http: reqwest::Client,
}

impl Caller {
    pub fn new(pki: &Pki, token: Option<&str>) -> Caller {
        Caller {
            http: client(pki, Some(&pki.alice), token),
        }
    }

    pub async fn send(
        &self,
        app: &TestApp,
        method: Method,
        path: &str,
        body: Option<Value>,
        request_id: Option<&str>,
    ) -> (StatusCode, Value) {
        let mut r = self.http.request(method, app.url(path));
        if let Some(b) = body {
            r = r.json(&b);
        }
        if let Some(id) = request_id {
            r = r.header("x-request-id", id);
        }
        let response = r.send().await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// The caller's client (its certificate and token), for requests of other shapes.
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    pub async fn get(&self, app: &TestApp, path: &str) -> (StatusCode, Value) {
        self.send(app, Method::GET, path, None, None).await
    }

    pub async fn post(&self, app: &TestApp, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(app, Method::POST, path, Some(body), None).await
    }

    pub async fn put(&self, app: &TestApp, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(app, Method::PUT, path, Some(body), None).await
    }

    /// A caller with a token of `idp` for `sub` holding `roles`, in `tenant`.
    pub fn of(pki: &Pki, idp: &Idp, sub: &str, roles: &[&str], tenant: Option<&str>) -> Caller {
        Caller::new(pki, Some(&token(idp, sub, roles, tenant)))
    }

    /// A GET whose body is read as it comes (SSE).
    pub async fn stream(&self, app: &TestApp, path: &str) -> reqwest::Response {
        self.http.get(app.url(path)).send().await.unwrap()
    }

    pub async fn delete(&self, app: &TestApp, path: &str) -> (StatusCode, Value) {
        self.send(app, Method::DELETE, path, None, None).await
    }
}

pub fn problem(body: &Value) -> &str {
    assert!(
        body["title"].is_string() && body["status"].is_number(),
        "{body}"
    );
    body["detail"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn tenants_are_managed_checked_on_every_request_and_bind_roles() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |_| {}).await;
    let platform = Caller::new(&pki, Some(&token(&idp, "ops", &["platform-admin"], None)));
    let viewer_a = Caller::new(
        &pki,
        Some(&token(&idp, "smo-a", &["viewer"], Some("tenant-a"))),
    );

    // While no tenant exists the gateway is single-tenant: a tenant claim is only a name.
    assert_eq!(viewer_a.get(&app, POOLS).await.0, StatusCode::OK);

    let (status, created) = platform
        .post(
            &app,
            TENANTS,
            json!({"tenantId": "tenant-a", "resourcePools": ["p1"],
            "labelSelector": "o2ims.oran.org/tenant=tenant-a", "quotas": {"maxSubscriptions": 5}}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["status"], "active");
    assert_eq!(created["quotas"]["maxSubscriptions"], 5);
    let (status, got) = platform.get(&app, &format!("{TENANTS}/tenant-a")).await;
    assert_eq!((status, &got), (StatusCode::OK, &created));

    // Validation: clear ProblemDetails, nothing stored.
    for (body, want) in [
        (json!({"tenantId": "tenant-a"}), StatusCode::CONFLICT),
        (json!([null, null]), StatusCode::BAD_REQUEST),
        (json!({"tenantId": "Tenant_A"}), StatusCode::BAD_REQUEST),
        (json!({"resourcePools": []}), StatusCode::BAD_REQUEST),
        (
            json!({"tenantId": "t", "labelSelector": "no-value"}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"tenantId": "t", "quota": {}}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"tenantId": "t", "status": "gone"}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"tenantId": "t", "quotas": {"requestsPerSecond": -1}}),
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let (status, body) = platform.post(&app, TENANTS, body.clone()).await;
        assert_eq!(status, want, "{body}");
        assert!(!problem(&body).is_empty());
    }
    let (status, body) = platform.get(&app, &format!("{TENANTS}/nope")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (_, all) = platform.get(&app, TENANTS).await;
    assert_eq!(all.as_array().unwrap().len(), 1, "{all}");

    // A tenant's caller is checked against its tenant from now on.
    assert_eq!(viewer_a.get(&app, POOLS).await.0, StatusCode::OK);
    let viewer_b = Caller::new(
        &pki,
        Some(&token(&idp, "smo-b", &["viewer"], Some("tenant-b"))),
    );
    let (status, body) = viewer_b.get(&app, POOLS).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(problem(&body).contains("tenant-b"), "{body}");
    // Tenant roles grant nothing outside a tenant.
    let viewer_none = Caller::new(&pki, Some(&token(&idp, "smo-x", &["viewer"], None)));
    assert_eq!(viewer_none.get(&app, POOLS).await.0, StatusCode::FORBIDDEN);
    // A cross-tenant role is never confined, whatever tenant it names.
    let platform_b = Caller::new(
        &pki,
        Some(&token(&idp, "ops", &["platform-admin"], Some("tenant-b"))),
    );
    assert_eq!(platform_b.get(&app, POOLS).await.0, StatusCode::OK);

    // Suspended: refused from the next request; active again: served.
    // A replacement: a GET body sent back with its status changed.
    let mut suspended = created.clone();
    suspended["status"] = "suspended".into();
    let (status, body) = platform
        .put(&app, &format!("{TENANTS}/tenant-a"), suspended)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["createdAt"], created["createdAt"]);
    assert_eq!(body["resourcePools"], created["resourcePools"]);
    let (status, body) = viewer_a.get(&app, POOLS).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(problem(&body).contains("suspended"), "{body}");
    let (status, body) = platform
        .put(
            &app,
            &format!("{TENANTS}/tenant-a"),
            json!({"tenantId": "tenant-b"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = platform
        .put(&app, &format!("{TENANTS}/tenant-a"), created.clone())
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(viewer_a.get(&app, POOLS).await.0, StatusCode::OK);

    // A binding gives a subject tenant roles beside its token's; it can be replaced, removed.
    let bob = Caller::new(&pki, Some(&token(&idp, "bob", &[], Some("tenant-a"))));
    assert_eq!(bob.get(&app, POOLS).await.0, StatusCode::FORBIDDEN);
    let bindings = format!("{TENANTS}/tenant-a/bindings");
    let (status, body) = platform
        .post(
            &app,
            &bindings,
            json!({"subject": "bob", "roles": ["viewer"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(bob.get(&app, POOLS).await.0, StatusCode::OK);
    let subscription = json!({"callback": "https://smo.example.com/notify"});
    let (status, _) = bob
        .post(
            &app,
            "/o2ims-infrastructureInventory/v2/subscriptions",
            subscription.clone(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a viewer does not subscribe");
    let (status, _) = platform
        .post(
            &app,
            &bindings,
            json!({"subject": "bob", "roles": ["operator"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "replaced");
    let (status, body) = platform
        .post(
            &app,
            &bindings,
            json!({"subject": "bob", "roles": ["platform-admin"]}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    // An owner manages its own tenant's bindings only: another tenant is not found.
    let (status, _) = platform
        .post(&app, TENANTS, json!({"tenantId": "tenant-b"}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let owner_a = Caller::new(
        &pki,
        Some(&token(&idp, "carol", &["owner"], Some("tenant-a"))),
    );
    let (status, listed) = owner_a.get(&app, &bindings).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed, json!([{"subject": "bob", "roles": ["operator"]}]));
    assert_eq!(
        owner_a
            .get(&app, &format!("{TENANTS}/tenant-b/bindings"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        owner_a.get(&app, TENANTS).await.0,
        StatusCode::FORBIDDEN,
        "owners do not list tenants"
    );

    // The same service over gRPC.
    let channel = grpc_channel(&pki, app.addr).await;
    let with = |t: String| {
        move |mut r: tonic::Request<()>| {
            r.metadata_mut()
                .insert("authorization", format!("Bearer {t}").parse().unwrap());
            Ok(r)
        }
    };
    let mut admin = AdminServiceClient::with_interceptor(
        channel.clone(),
        with(token(&idp, "ops", &["platform-admin"], None)),
    );
    let got = admin
        .get_tenant(GetTenantRequest {
            tenant_id: "tenant-a".into(),
        })
        .await
        .unwrap()
        .into_inner()
        .tenant
        .unwrap();
    assert_eq!(got.tenant_id, "tenant-a");
    assert_eq!(got.resource_pools, ["p1"]);
    assert_eq!(got.label_selector, "o2ims.oran.org/tenant=tenant-a");
    assert_eq!(got.quotas.unwrap().max_subscriptions, Some(5));
    let missing = admin
        .get_tenant(GetTenantRequest {
            tenant_id: "nope".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(missing.code(), tonic::Code::NotFound);
    let mut as_viewer = AdminServiceClient::with_interceptor(
        channel,
        with(token(&idp, "smo-a", &["viewer"], Some("tenant-a"))),
    );
    let denied = as_viewer
        .get_tenant(GetTenantRequest {
            tenant_id: "tenant-a".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(denied.code(), tonic::Code::PermissionDenied);

    // Removal: the binding, then the tenant (its callers refused again).
    let (status, _) = platform.delete(&app, &format!("{bindings}/bob")).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(bob.get(&app, POOLS).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        platform.delete(&app, &format!("{bindings}/bob")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        platform
            .delete(&app, &format!("{TENANTS}/tenant-a"))
            .await
            .0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        platform.get(&app, &format!("{TENANTS}/tenant-a")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        viewer_a.get(&app, POOLS).await.0,
        StatusCode::FORBIDDEN,
        "tenant-b still exists"
    );
}
