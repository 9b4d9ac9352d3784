//! Tenants and the audit trail against the real gateway: the admin API over REST and gRPC,
//! a caller's tenant from its token, unknown and suspended tenants refused, role bindings,
//! and one audit record per request (never the token) — on the embedded store and on a real
//! Redis shared by two gateways.

use std::time::Duration;

use netweave::{
    config::{ClientAuth, Config},
    proto::admin::v1::{admin_service_client::AdminServiceClient, GetTenantRequest},
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::{client, gateway, idp::Idp, matrix::grpc_channel, support::Pki};
use crate::harness::{unique_prefix, RedisServer, TestApp};

const POOLS: &str = "/o2ims-infrastructureInventory/v2/resourcePools";
const TENANTS: &str = "/admin/v1/tenants";

/// A token of subject `sub` with `roles`, naming `tenant` when given.
fn token(idp: &Idp, sub: &str, roles: &[&str], tenant: Option<&str>) -> String {
    let mut claims = idp.claims(roles);
    claims["sub"] = sub.into();
    if let Some(t) = tenant {
        claims["tenant"] = t.into();
    }
    idp.mint(&claims)
}

struct Caller {
    http: reqwest::Client,
}

impl Caller {
    fn new(pki: &Pki, token: Option<&str>) -> Caller {
        Caller {
            http: client(pki, Some(&pki.alice), token),
        }
    }

    async fn send(
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

    async fn get(&self, app: &TestApp, path: &str) -> (StatusCode, Value) {
        self.send(app, Method::GET, path, None, None).await
    }
}

fn problem(body: &Value) -> &str {
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
        .send(
            &app,
            Method::POST,
            TENANTS,
            Some(json!({"tenantId": "tenant-a", "resourcePools": ["p1"],
            "labelSelector": "o2ims.oran.org/tenant=tenant-a", "quotas": {"maxSubscriptions": 5}})),
            None,
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
        let (status, body) = platform
            .send(&app, Method::POST, TENANTS, Some(body.clone()), None)
            .await;
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
        .send(
            &app,
            Method::PUT,
            &format!("{TENANTS}/tenant-a"),
            Some(suspended),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["createdAt"], created["createdAt"]);
    assert_eq!(body["resourcePools"], created["resourcePools"]);
    let (status, body) = viewer_a.get(&app, POOLS).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(problem(&body).contains("suspended"), "{body}");
    let (status, body) = platform
        .send(
            &app,
            Method::PUT,
            &format!("{TENANTS}/tenant-a"),
            Some(json!({"tenantId": "tenant-b"})),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = platform
        .send(
            &app,
            Method::PUT,
            &format!("{TENANTS}/tenant-a"),
            Some(created.clone()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(viewer_a.get(&app, POOLS).await.0, StatusCode::OK);

    // A binding gives a subject tenant roles beside its token's; it can be replaced, removed.
    let bob = Caller::new(&pki, Some(&token(&idp, "bob", &[], Some("tenant-a"))));
    assert_eq!(bob.get(&app, POOLS).await.0, StatusCode::FORBIDDEN);
    let bindings = format!("{TENANTS}/tenant-a/bindings");
    let (status, body) = platform
        .send(
            &app,
            Method::POST,
            &bindings,
            Some(json!({"subject": "bob", "roles": ["viewer"]})),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(bob.get(&app, POOLS).await.0, StatusCode::OK);
    let subscription = json!({"callback": "https://smo.example.com/notify"});
    let (status, _) = bob
        .send(
            &app,
            Method::POST,
            "/o2ims-infrastructureInventory/v2/subscriptions",
            Some(subscription.clone()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a viewer does not subscribe");
    let (status, _) = platform
        .send(
            &app,
            Method::POST,
            &bindings,
            Some(json!({"subject": "bob", "roles": ["operator"]})),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "replaced");
    let (status, body) = platform
        .send(
            &app,
            Method::POST,
            &bindings,
            Some(json!({"subject": "bob", "roles": ["platform-admin"]})),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    // An owner manages its own tenant's bindings only: another tenant is not found.
    let (status, _) = platform
        .send(
            &app,
            Method::POST,
            TENANTS,
            Some(json!({"tenantId": "tenant-b"})),
            None,
        )
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
    let (status, _) = platform
        .send(&app, Method::DELETE, &format!("{bindings}/bob"), None, None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(bob.get(&app, POOLS).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        platform
            .send(&app, Method::DELETE, &format!("{bindings}/bob"), None, None)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        platform
            .send(
                &app,
                Method::DELETE,
                &format!("{TENANTS}/tenant-a"),
                None,
                None
            )
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

/// The audit records `auditor` finds with `query`, polled until `want` of them are there.
async fn audit(app: &TestApp, auditor: &Caller, query: &str, want: usize) -> Vec<Value> {
    let mut last = Vec::new();
    for _ in 0..100 {
        let (status, body) = auditor.get(app, &format!("/admin/v1/audit{query}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        last = body.as_array().cloned().unwrap_or_default();
        if last.len() >= want {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "{want} audit records for {query}, found {}: {last:?}",
        last.len()
    );
}

#[tokio::test]
async fn every_request_leaves_one_audit_record_and_none_holds_a_token() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c: &mut Config| {
        c.tenants = vec![netweave::config::TenantConfig {
            id: "tenant-a".into(),
            ..Default::default()
        }];
    })
    .await;
    let viewer_token = token(&idp, "smo-a", &["viewer"], Some("tenant-a"));
    let auditor_token = token(&idp, "audit-1", &["auditor"], None);
    let viewer = Caller::new(&pki, Some(&viewer_token));
    let auditor = Caller::new(&pki, Some(&auditor_token));
    let nobody = Caller::new(&pki, None);

    let (status, _) = viewer
        .send(&app, Method::GET, POOLS, None, Some("req-allowed"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = viewer
        .send(&app, Method::GET, TENANTS, None, Some("req-denied"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = nobody
        .send(&app, Method::GET, POOLS, None, Some("req-anonymous"))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let missing = format!("{POOLS}/6f1b1c1e-0000-4000-8000-00000000dead");
    let (status, _) = viewer
        .send(&app, Method::GET, &missing, None, Some("req-missing"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let by_id = |records: &[Value], id: &str| -> Vec<Value> {
        records
            .iter()
            .filter(|r| r["requestId"] == id)
            .cloned()
            .collect()
    };
    let all = audit(&app, &auditor, "?limit=1000", 4).await;
    let allowed = by_id(&all, "req-allowed");
    assert_eq!(allowed.len(), 1, "{all:?}");
    let r = &allowed[0];
    assert_eq!(r["result"], "success");
    assert_eq!(r["status"], 200);
    assert_eq!(r["tenant"], "tenant-a");
    assert_eq!(r["subject"], "smo-a");
    assert_eq!(r["clientId"], "smo-1");
    assert_eq!(r["authMethod"], "token");
    assert_eq!(
        r["rpc"],
        "netweave.o2ims.v1.InventoryService/ListResourcePools"
    );
    assert_eq!(r["httpMethod"], "GET");
    assert_eq!(r["path"], POOLS);
    assert!(r["peer"].as_str().unwrap().starts_with("127.0.0.1:"), "{r}");
    assert_eq!(
        r["certificateThumbprint"],
        netweave::security::peer::thumbprint(&pki.alice.der),
        "{r}"
    );
    assert!(r["timestamp"].as_str().unwrap().ends_with('Z'));

    let denied = by_id(&all, "req-denied");
    assert_eq!(denied.len(), 1, "{all:?}");
    assert_eq!(denied[0]["result"], "denied");
    assert_eq!(denied[0]["status"], 403);
    assert_eq!(
        denied[0]["rpc"],
        "netweave.admin.v1.AdminService/ListTenants"
    );

    let anonymous = by_id(&all, "req-anonymous");
    assert_eq!(anonymous.len(), 1, "{all:?}");
    assert_eq!(anonymous[0]["result"], "denied");
    assert_eq!(anonymous[0]["status"], 401);
    assert!(anonymous[0].get("subject").is_none(), "{}", anonymous[0]);

    let not_found = by_id(&all, "req-missing");
    assert_eq!(not_found[0]["result"], "error");
    assert_eq!(
        not_found[0]["objectId"],
        "6f1b1c1e-0000-4000-8000-00000000dead"
    );

    // Never a credential.
    let text = serde_json::to_string(&all).unwrap();
    for secret in [&viewer_token, &auditor_token] {
        let signature = secret.rsplit('.').next().unwrap();
        assert!(!text.contains(signature), "a token in the audit trail");
    }
    assert!(!text.contains("Bearer"));

    // Filters.
    let denials = audit(&app, &auditor, "?result=denied", 2).await;
    assert!(
        denials.iter().all(|r| r["result"] == "denied"),
        "{denials:?}"
    );
    let mine = audit(&app, &auditor, "?subject=smo-a&tenant=tenant-a", 3).await;
    assert!(mine.iter().all(|r| r["subject"] == "smo-a"), "{mine:?}");
    let (_, future) = auditor
        .get(&app, "/admin/v1/audit?since=2999-01-01T00:00:00Z")
        .await;
    assert_eq!(future, json!([]));
    let (_, none) = auditor
        .get(&app, "/admin/v1/audit?until=2000-01-01T00:00:00Z")
        .await;
    assert_eq!(none, json!([]));
    let newest = audit(&app, &auditor, "?limit=2", 2).await;
    assert_eq!(newest.len(), 2);
    assert!(
        newest[0]["timestamp"].as_str() >= newest[1]["timestamp"].as_str(),
        "newest first"
    );
    for bad in [
        "?result=maybe",
        "?since=yesterday",
        "?until=",
        "?limit=0",
        "?limit=1001",
        "?colour=red",
    ] {
        let (status, body) = auditor.get(&app, &format!("/admin/v1/audit{bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
    }
    // Auditors and platform administrators only.
    assert_eq!(
        viewer.get(&app, "/admin/v1/audit").await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn two_gateways_on_one_redis_share_tenants_and_the_audit_trail() {
    let redis = RedisServer::start();
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let prefix = unique_prefix();
    let on_redis = |c: &mut Config| {
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
    };
    let a = gateway(&pki, &idp, ClientAuth::Optional, on_redis).await;
    let b = gateway(&pki, &idp, ClientAuth::Optional, on_redis).await;
    let platform = Caller::new(&pki, Some(&token(&idp, "ops", &["platform-admin"], None)));
    let viewer = Caller::new(
        &pki,
        Some(&token(&idp, "smo-a", &["viewer"], Some("tenant-a"))),
    );

    for body in [
        json!({"tenantId": "tenant-a"}),
        json!({"tenantId": "tenant-z"}),
    ] {
        let (status, _) = platform
            .send(&a, Method::POST, TENANTS, Some(body), None)
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (status, _) = platform
        .send(
            &b,
            Method::POST,
            TENANTS,
            Some(json!({"tenantId": "tenant-a"})),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "one store behind both");
    assert_eq!(
        platform.get(&b, &format!("{TENANTS}/tenant-a")).await.0,
        StatusCode::OK
    );

    // The other gateway follows a suspension within its refresh period.
    let (status, _) = platform
        .send(
            &a,
            Method::PUT,
            &format!("{TENANTS}/tenant-a"),
            Some(json!({"status": "suspended"})),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(viewer.get(&a, POOLS).await.0, StatusCode::FORBIDDEN);
    let refresh = netweave::security::tenants::REFRESH;
    let deadline = tokio::time::Instant::now() + refresh * 3;
    while viewer.get(&b, POOLS).await.0 != StatusCode::FORBIDDEN {
        assert!(
            tokio::time::Instant::now() < deadline,
            "gateway b still serves a suspended tenant"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // One trail: records written by either gateway, read from either.
    let (status, _) = viewer
        .send(&a, Method::GET, POOLS, None, Some("from-a"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = viewer
        .send(&b, Method::GET, POOLS, None, Some("from-b"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let auditor = Caller::new(&pki, Some(&token(&idp, "audit-1", &["auditor"], None)));
    let mut found = Vec::new();
    for _ in 0..100 {
        let records = audit(&a, &auditor, "?result=denied&tenant=tenant-a", 1).await;
        found = records
            .iter()
            .filter_map(|r| r["requestId"].as_str().map(str::to_owned))
            .filter(|id| id.starts_with("from-"))
            .collect();
        found.sort();
        if found.len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(found, ["from-a", "from-b"]);
}
