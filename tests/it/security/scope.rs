//! Inventory scopes: a tenant sees the pools its scope admits (here by the owner label the
//! simulator puts on its pools) and their resources, on every path data leaves — REST v1 and
//! v2 lists and gets, gRPC, Watch, SSE, `/events` and webhook notifications — never another
//! tenant's, and changes only its own pools; `maxResourcePools` and `maxWatchStreams` hold.
//! On the embedded stores and on a real Redis shared by two gateways.

use netweave::backend::simulator::SimConfig;
use std::time::Duration;

use netweave::{
    config::{ClientAuth, Config},
    proto::{
        events::v1::{event_service_client::EventServiceClient, watch_response, WatchRequest},
        o2ims::v1::{
            inventory_service_client::InventoryServiceClient, GetResourcePoolRequest,
            ListResourcePoolsRequest, ListResourcesRequest,
        },
    },
};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tonic::{service::interceptor::InterceptedService, transport::Channel};

use super::{
    gateway,
    idp::Idp,
    matrix::grpc_channel,
    support::Pki,
    tenancy::{problem, token, Caller, POOLS},
    SharedRedis,
};
use crate::{
    harness::TestApp,
    receiver::{Mode, Receiver},
};

const LABEL: &str = "o2ims.oran.org/tenant";
const V1_POOLS: &str = "/o2ims-infrastructureInventory/v1/resourcePools";
const SUBSCRIPTIONS: &str = "/o2ims-infrastructureInventory/v2/subscriptions";

/// Pools 0 and 2 are tenant A's, pool 1 tenant B's; A may hold 3 pools, B one watch stream.
fn scoped(c: &mut Config) {
    c.edit_section(|s: &mut SimConfig| s.tenants = vec!["tenant-a".into(), "tenant-b".into()]);
    c.webhooks.callback_allow = "127.0.0.0/8".into();
    c.events.heartbeat_seconds = 0.2;
    c.tenants = vec![
        netweave::config::TenantConfig {
            id: "tenant-a".into(),
            max_resource_pools: Some(3),
            ..Default::default()
        },
        netweave::config::TenantConfig {
            id: "tenant-b".into(),
            max_watch_streams: Some(1),
            ..Default::default()
        },
    ];
}

type Authed = InterceptedService<
    Channel,
    Box<dyn FnMut(tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> + Send>,
>;

fn authed(channel: Channel, bearer: String) -> Authed {
    InterceptedService::new(
        channel,
        Box::new(move |mut r: tonic::Request<()>| {
            r.metadata_mut()
                .insert("authorization", format!("Bearer {bearer}").parse().unwrap());
            Ok(r)
        }),
    )
}

fn ids(list: &Value, field: &str) -> Vec<String> {
    let mut ids: Vec<String> = list
        .as_array()
        .unwrap_or_else(|| panic!("a list: {list}"))
        .iter()
        .map(|s| s[field].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

/// The pools by owner label, as the platform sees them.
async fn pools_of(platform: &Caller, app: &TestApp) -> (Vec<Value>, Vec<Value>) {
    let (status, all) = platform.get(app, POOLS).await;
    assert_eq!(status, StatusCode::OK, "{all}");
    let all = all.as_array().unwrap().clone();
    assert_eq!(all.len(), 3, "{all:?}");
    let owned = |t: &str| {
        all.iter()
            .filter(|p| p["extensions"]["labels"][LABEL] == t)
            .cloned()
            .collect::<Vec<_>>()
    };
    (owned("tenant-a"), owned("tenant-b"))
}

/// Reads SSE frames (`event`, `data`) from `response` until `want` data frames of kind
/// `o2ims.*` arrived or `wait` passed.
pub async fn sse_events(mut response: reqwest::Response, wait: Duration) -> Vec<Value> {
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + wait;
    while let Ok(Ok(Some(chunk))) = tokio::time::timeout_at(deadline, response.chunk()).await {
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
    text.split("\n\n")
        .filter(|frame| frame.contains("event: o2ims."))
        .filter_map(|frame| {
            frame
                .lines()
                .find_map(|l| l.strip_prefix("data: "))
                .map(|d| serde_json::from_str(d).unwrap())
        })
        .collect()
}

/// The pools an event is about: the pool itself, or a resource's pool.
fn pool_of_event(e: &Value) -> String {
    let state = if e["postObjectState"].is_object() {
        &e["postObjectState"]
    } else {
        &e["priorObjectState"]
    };
    state["resourcePoolId"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn scenario(one: &TestApp, two: &TestApp, idp: &Idp, pki: &Pki) {
    let a = Caller::of(pki, idp, "smo-a", &["admin"], Some("tenant-a"));
    let b = Caller::of(pki, idp, "smo-b", &["admin"], Some("tenant-b"));
    let platform = Caller::of(pki, idp, "ops", &["platform-admin"], None);
    let (pools_a, pools_b) = pools_of(&platform, one).await;
    assert_eq!((pools_a.len(), pools_b.len()), (2, 1));
    let pool_b = pools_b[0]["resourcePoolId"].as_str().unwrap().to_owned();
    let pool_a = pools_a[0]["resourcePoolId"].as_str().unwrap().to_owned();
    let mut mine: Vec<String> = pools_a
        .iter()
        .map(|p| p["resourcePoolId"].as_str().unwrap().to_owned())
        .collect();
    mine.sort();

    // Reads: lists filtered (v2, v1, a filter, paging), gets of B's pool not found.
    for app in [one, two] {
        assert_eq!(ids(&a.get(app, POOLS).await.1, "resourcePoolId"), mine);
        assert_eq!(
            ids(&b.get(app, POOLS).await.1, "resourcePoolId"),
            [pool_b.as_str()]
        );
        assert_eq!(ids(&a.get(app, V1_POOLS).await.1, "resourcePoolId"), mine);
    }
    let name_b = pools_b[0]["name"].as_str().unwrap();
    let (_, filtered) = a
        .get(one, &format!("{POOLS}?filter=(eq,name,{name_b})"))
        .await;
    assert_eq!(
        filtered,
        json!([]),
        "a filter does not reach past the scope"
    );
    let (_, page) = a.get(one, &format!("{V1_POOLS}?limit=1")).await;
    assert_eq!(page.as_array().map(Vec::len), Some(1));
    let (_, resource_b) = platform
        .get(one, &format!("{POOLS}/{pool_b}/resources"))
        .await;
    let resource_b = resource_b[0]["resourceId"].as_str().unwrap().to_owned();
    for path in [
        format!("{POOLS}/{pool_b}"),
        format!("{POOLS}/{pool_b}/resources"),
        format!("{POOLS}/{pool_b}/resources/{resource_b}"),
        format!("{V1_POOLS}/{pool_b}"),
        format!("{V1_POOLS}/{pool_b}/resources"),
        format!("{V1_POOLS}/{pool_b}/resources/{resource_b}"),
    ] {
        let (status, body) = a.get(one, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
        assert_eq!(b.get(one, &path).await.0, StatusCode::OK, "{path}");
    }
    let (_, missing) = a.get(one, &format!("{POOLS}/{pool_b}")).await;
    let (_, unknown) = a
        .get(
            one,
            &format!("{POOLS}/00000000-0000-4000-8000-000000000000"),
        )
        .await;
    assert_eq!(
        problem(&missing).replace(&pool_b, "X"),
        problem(&unknown).replace("00000000-0000-4000-8000-000000000000", "X"),
        "out of scope reads exactly as absent"
    );

    // The same over gRPC.
    let bearer_a = token(idp, "smo-a", &["admin"], Some("tenant-a"));
    let channel = grpc_channel(pki, two.addr).await;
    let mut inventory: InventoryServiceClient<Authed> =
        InventoryServiceClient::new(authed(channel.clone(), bearer_a.clone()));
    let listed = inventory
        .list_resource_pools(ListResourcePoolsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.resource_pools.len(), 2);
    let refused = inventory
        .get_resource_pool(GetResourcePoolRequest {
            resource_pool_id: pool_b.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(refused.code(), tonic::Code::NotFound);
    let refused = inventory
        .list_resources(ListResourcesRequest {
            resource_pool_id: pool_b.clone(),
            options: None,
        })
        .await
        .unwrap_err();
    assert_eq!(refused.code(), tonic::Code::NotFound);

    // Streams and webhooks: A watches over gRPC, B over SSE; each subscribes a receiver.
    let receiver_a = Receiver::start(Mode::Ok).await;
    let receiver_b = Receiver::start(Mode::Ok).await;
    let hub_a = Receiver::start(Mode::Ok).await;
    let (status, body) = a
        .post(
            one,
            "/tmf-api/event/v4/hub",
            json!({"callback": hub_a.url("/listener")}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    for (who, receiver) in [(&a, &receiver_a), (&b, &receiver_b)] {
        let (status, body) = who
            .post(
                one,
                SUBSCRIPTIONS,
                json!({"callback": receiver.url("/notify")}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let mut events_a = EventServiceClient::new(authed(channel.clone(), bearer_a.clone()));
    let mut watch_a = events_a
        .watch(WatchRequest::default())
        .await
        .unwrap()
        .into_inner();
    let sse_b = b.stream(two, "/events/stream").await;
    assert_eq!(sse_b.status(), StatusCode::OK);
    // B holds its one watch stream: a second (on either gateway) is refused.
    let bearer_b = token(idp, "smo-b", &["admin"], Some("tenant-b"));
    let mut events_b =
        EventServiceClient::new(authed(grpc_channel(pki, one.addr).await, bearer_b.clone()));
    let over = events_b.watch(WatchRequest::default()).await.unwrap_err();
    assert_eq!(over.code(), tonic::Code::ResourceExhausted, "{over:?}");
    assert!(over.message().contains("maxWatchStreams"), "{over:?}");

    // Changes in both tenants' pools, by the platform.
    for pool in [&pools_a[0], &pools_b[0]] {
        let id = pool["resourcePoolId"].as_str().unwrap();
        let mut changed = pool.clone();
        changed["description"] = json!("changed by the platform");
        let (status, body) = platform.put(one, &format!("{POOLS}/{id}"), changed).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let ty = platform
        .get(one, "/o2ims-infrastructureInventory/v2/resourceTypes")
        .await
        .1[0]["resourceTypeId"]
        .clone();
    let (status, body) = platform
        .post(
            one,
            &format!("{POOLS}/{pool_b}/resources"),
            json!({"resourceTypeId": ty, "description": "new node in B"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    // A's watch: its pool's change only (heartbeats arrive while nothing else does).
    let mut seen_a = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    while let Ok(Some(Ok(item))) =
        tokio::time::timeout_at(deadline, tokio_stream::StreamExt::next(&mut watch_a)).await
    {
        if let Some(watch_response::Item::Event(e)) = item.item {
            seen_a.push(e.object_id);
        }
    }
    assert_eq!(seen_a, [pool_a.as_str()], "A's watch");
    let seen_b = sse_events(sse_b, Duration::from_secs(1)).await;
    let pools_seen: Vec<String> = seen_b.iter().map(pool_of_event).collect();
    assert_eq!(
        pools_seen,
        [pool_b.clone(), pool_b.clone()],
        "B's SSE: {seen_b:?}"
    );

    // History: each tenant's /events holds only what it may see.
    for (who, pool) in [(&a, &pool_a), (&b, &pool_b)] {
        let (status, history) = who.get(two, "/events?limit=1000").await;
        assert_eq!(status, StatusCode::OK, "{history}");
        let history = history.as_array().unwrap();
        assert!(!history.is_empty());
        assert!(
            history.iter().all(|e| &pool_of_event(e) == pool),
            "{history:?}"
        );
    }

    // Webhooks: each receiver is told about its tenant's pools only.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while receiver_a.received().is_empty() || receiver_b.received().len() < 2 {
        assert!(tokio::time::Instant::now() < deadline, "notifications");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let about = |r: &Receiver| -> Vec<String> {
        r.received()
            .iter()
            .map(|n| {
                let n = n.json();
                let state = if n["postObjectState"].is_object() {
                    n["postObjectState"].clone()
                } else {
                    n["priorObjectState"].clone()
                };
                state["resourcePoolId"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(about(&receiver_a), [pool_a.as_str()]);
    // A's TMF688 hub: the same one event, about A's pool.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while hub_a.received().is_empty() {
        assert!(tokio::time::Instant::now() < deadline, "hub notification");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let hub_events: Vec<String> = hub_a
        .received()
        .iter()
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect();
    assert_eq!(hub_events.len(), 1, "{hub_events:?}");
    assert!(
        hub_events[0].contains(&pool_a) && !hub_events[0].contains(&pool_b),
        "{hub_events:?}"
    );
    assert_eq!(about(&receiver_b), [pool_b.clone(), pool_b.clone()]);

    // Once B's stream is closed its slot is free again.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        match events_b.watch(WatchRequest::default()).await {
            Ok(_) => break,
            Err(e) => assert_eq!(e.code(), tonic::Code::ResourceExhausted),
        }
        assert!(tokio::time::Instant::now() < deadline, "slot never freed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Writes: B's pool is not A's to change; A's new pool is labelled A's and counted.
    let (status, _) = a
        .put(one, &format!("{POOLS}/{pool_b}"), pools_b[0].clone())
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = a.delete(one, &format!("{POOLS}/{pool_b}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = a
        .post(
            one,
            &format!("{POOLS}/{pool_b}/resources"),
            json!({"resourceTypeId": ty, "description": "sneaked in"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let site = pools_a[0]["oCloudSiteId"].clone();
    let new_pool = |name: &str| json!({"name": name, "oCloudSiteId": site, "extensions": {"labels": {LABEL: "tenant-b"}}});
    let (status, created) = a.post(one, POOLS, new_pool("a-extra")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(
        created["extensions"]["labels"][LABEL], "tenant-a",
        "a tenant's pool is labelled its own, whatever it sent"
    );
    let extra = created["resourcePoolId"].as_str().unwrap().to_owned();
    // (Read where it was written: each gateway here runs its own simulator.)
    assert_eq!(
        a.get(one, &format!("{POOLS}/{extra}")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        b.get(one, &format!("{POOLS}/{extra}")).await.0,
        StatusCode::NOT_FOUND
    );
    let (status, body) = a.post(one, POOLS, new_pool("a-extra-2")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(problem(&body).contains("maxResourcePools"), "{body}");
    // Giving its pool away is not possible either: the label stays.
    let mut away = created.clone();
    away["extensions"]["labels"][LABEL] = json!("tenant-b");
    let (status, body) = a.put(one, &format!("{POOLS}/{extra}"), away).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["extensions"]["labels"][LABEL], "tenant-a");
    assert_eq!(
        a.delete(one, &format!("{POOLS}/{extra}")).await.0,
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn a_tenant_sees_and_changes_only_its_pools_on_every_path_on_embedded_stores() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, scoped).await;
    scenario(&app, &app, &idp, &pki).await;
}

#[tokio::test]
async fn a_tenant_sees_and_changes_only_its_pools_across_two_gateways_on_redis() {
    let redis = SharedRedis::start();
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let on_redis = |c: &mut Config| {
        scoped(c);
        redis.apply(c);
    };
    let one = gateway(&pki, &idp, ClientAuth::Optional, on_redis).await;
    // The second gateway does not publish (one elected watcher does): it serves the same
    // stream and store.
    let two = gateway(&pki, &idp, ClientAuth::Optional, on_redis).await;
    scenario(&one, &two, &idp, &pki).await;
}
