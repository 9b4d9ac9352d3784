//! Rate limits over the wire: the per-client guard answers 429 with `Retry-After` and the
//! `RateLimit-*` fields on REST and RESOURCE_EXHAUSTED with RetryInfo on gRPC, before any
//! credential is looked at; a tenant's `requestsPerSecond` holds across two gateways on one
//! Redis; the Redis GCRA script against a real Redis with a given clock.

use netweave::{
    config::{ClientAuth, Config},
    proto::o2ims::v1::{
        inventory_service_client::InventoryServiceClient, ListResourcePoolsRequest,
    },
};
use reqwest::StatusCode;
use serde_json::json;
use tonic_types::StatusExt as _;

use super::{
    gateway,
    idp::Idp,
    matrix::grpc_channel,
    support::Pki,
    tenancy::{problem, Caller, POOLS, TENANTS},
    SharedRedis,
};
use crate::harness::{unique_prefix, RedisServer};

#[tokio::test]
async fn a_flooding_client_gets_429_with_retry_after_before_its_credentials_are_checked() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c: &mut Config| {
        c.rate_limits.client_requests_per_second = 0.5;
        c.rate_limits.client_burst = Some(3);
    })
    .await;
    // No credentials at all: the refusal is the limit's, not authentication's.
    let anonymous = Caller::new(&pki, None);
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(anonymous.get(&app, POOLS).await.0);
    }
    // The burst (less what the harness's start-up used) is 401s, then 429s.
    assert!(
        statuses.contains(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    let response = app.http.get(app.url(POOLS)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let header = |n: &str| {
        response
            .headers()
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let retry: u64 = header("retry-after").unwrap().parse().unwrap();
    assert!((1..=2).contains(&retry), "{retry}");
    assert_eq!(header("ratelimit-limit").as_deref(), Some("3"));
    assert_eq!(header("ratelimit-remaining").as_deref(), Some("0"));
    assert_eq!(header("ratelimit-reset"), header("retry-after"));
    assert_eq!(
        header("content-type").as_deref(),
        Some("application/problem+json")
    );
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], 429);
    assert!(problem(&body).contains("this client address"), "{body}");
    // Probes are not limited.
    let probe = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(probe.status(), StatusCode::OK);

    // gRPC: RESOURCE_EXHAUSTED with RetryInfo and retry-after.
    let mut grpc = InventoryServiceClient::new(grpc_channel(&pki, app.addr).await);
    let refused = grpc
        .list_resource_pools(ListResourcePoolsRequest::default())
        .await
        .unwrap_err();
    assert_eq!(
        refused.code(),
        tonic::Code::ResourceExhausted,
        "{refused:?}"
    );
    let info = refused.get_details_retry_info().expect("RetryInfo");
    let delay = info.retry_delay.expect("a delay");
    assert!(
        delay.as_secs_f64() > 0.0 && delay.as_secs_f64() <= 2.0,
        "{delay:?}"
    );
    assert!(refused.metadata().get("retry-after").is_some());
}

#[tokio::test]
async fn a_tenants_request_rate_is_counted_across_two_gateways_on_redis() {
    let redis = SharedRedis::start();
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let on_redis = |c: &mut Config| redis.apply(c);
    let one = gateway(&pki, &idp, ClientAuth::Optional, on_redis).await;
    let two = gateway(&pki, &idp, ClientAuth::Optional, on_redis).await;
    let platform = Caller::of(&pki, &idp, "ops", &["platform-admin"], None);
    for body in [
        json!({"tenantId": "tenant-rl", "quotas": {"requestsPerSecond": 0.2}}),
        json!({"tenantId": "tenant-b"}),
    ] {
        let (status, body) = platform.post(&one, TENANTS, body).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let a = Caller::of(&pki, &idp, "smo-a", &["viewer"], Some("tenant-rl"));
    let b = Caller::of(&pki, &idp, "smo-b", &["viewer"], Some("tenant-b"));
    // Gateway two learns the tenants within its refresh: it then refuses an unknown one.
    let stranger = Caller::of(&pki, &idp, "smo-x", &["viewer"], Some("tenant-x"));
    let deadline = tokio::time::Instant::now() + netweave::security::tenants::REFRESH * 3;
    while stranger.get(&two, POOLS).await.0 != StatusCode::FORBIDDEN {
        assert!(
            tokio::time::Instant::now() < deadline,
            "gateway two never loaded the tenants"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // One request per 5 s, burst 1: the first on gateway one, the next refused on two.
    assert_eq!(a.get(&one, POOLS).await.0, StatusCode::OK);
    let (status, body) = a.get(&two, POOLS).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(problem(&body).contains("tenant"), "{body}");
    assert_eq!(a.get(&one, POOLS).await.0, StatusCode::TOO_MANY_REQUESTS);
    // Another tenant has its own count.
    for _ in 0..5 {
        assert_eq!(b.get(&two, POOLS).await.0, StatusCode::OK);
    }
    // Per-tenant metrics name the tenants the registry holds, by result.
    let metrics = platform
        .stream(&one, "/metrics")
        .await
        .text()
        .await
        .unwrap();
    for line in [
        // (One recorder serves both gateways of this process.)
        r#"netweave_tenant_requests_total{tenant="tenant-rl",result="success"} 1"#,
        r#"netweave_tenant_requests_total{tenant="tenant-rl",result="denied"} 2"#,
        r#"netweave_rate_limited_total{scope="tenant"}"#,
    ] {
        assert!(metrics.contains(line), "{line} in:\n{metrics}");
    }
    assert!(
        !metrics.contains("tenant-x"),
        "an unknown tenant is no label"
    );
}

#[tokio::test]
async fn the_shared_gcra_script_allows_the_burst_then_one_per_interval() {
    let redis = RedisServer::start();
    let client = redis::Client::open(redis.url.as_str()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let script = redis::Script::new(netweave::store::TENANT_RATE);
    let key = format!("{}:rate", unique_prefix());
    // 100 ms per request, burst 2, on a clock the test gives.
    async fn wait(
        script: &redis::Script,
        conn: &mut redis::aio::MultiplexedConnection,
        key: &str,
        now: f64,
    ) -> f64 {
        let wait: String = script
            .key(key)
            .arg(100.0)
            .arg(2)
            .arg(now)
            .invoke_async(conn)
            .await
            .unwrap();
        wait.parse().unwrap()
    }
    assert_eq!(wait(&script, &mut conn, &key, 1000.0).await, 0.0);
    assert_eq!(wait(&script, &mut conn, &key, 1000.0).await, 0.0);
    assert_eq!(
        wait(&script, &mut conn, &key, 1000.0).await,
        100.0,
        "the burst is spent"
    );
    assert_eq!(wait(&script, &mut conn, &key, 1050.0).await, 50.0);
    assert_eq!(
        wait(&script, &mut conn, &key, 1100.0).await,
        0.0,
        "one interval later, one more"
    );
    assert_eq!(wait(&script, &mut conn, &key, 1100.0).await, 100.0);
    assert_eq!(
        wait(&script, &mut conn, &key, 5000.0).await,
        0.0,
        "idle time refills the burst"
    );
    assert_eq!(wait(&script, &mut conn, &key, 5000.0).await, 0.0);
    assert_eq!(
        wait(&script, &mut conn, &key, 5000.0).await,
        100.0,
        "but not beyond it"
    );
}
