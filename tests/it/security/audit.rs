//! The audit trail against the real gateway: one record per request, allowed, refused or
//! unauthenticated, with the caller and the request, never a token; the admin API's filters.

use std::time::Duration;

use netweave::config::{ClientAuth, Config};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::{
    gateway,
    idp::Idp,
    support::Pki,
    tenancy::{token, Caller, POOLS, TENANTS},
};
use crate::harness::TestApp;

/// The audit records `auditor` finds with `query`, polled until `want` of them are there.
pub async fn audit(app: &TestApp, auditor: &Caller, query: &str, want: usize) -> Vec<Value> {
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
