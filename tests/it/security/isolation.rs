//! Isolation and quotas: a tenant never sees or changes another tenant's subscriptions, hubs
//! or deliveries (404, lists filtered); quotas refuse the next creation with 429 and are
//! counted in the shared store — on the embedded store and on a real Redis shared by two
//! gateways, which also share tenants and the audit trail.

use std::time::Duration;

use netweave::config::{ClientAuth, Config};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::{
    audit::audit,
    gateway,
    idp::Idp,
    matrix::grpc_channel,
    support::Pki,
    tenancy::{problem, token, Caller, POOLS, TENANTS},
    SharedRedis,
};

const SUBSCRIPTIONS: &str = "/o2ims-infrastructureInventory/v2/subscriptions";
const HUBS: &str = "/tmf-api/event/v4/hub";

/// Tenant A (2 subscriptions, 1 hub at most) and tenant B, with loopback callbacks allowed.
fn two_tenants(c: &mut Config) {
    c.webhooks.callback_allow = "127.0.0.0/8".into();
    c.tenants = vec![
        netweave::config::TenantConfig {
            id: "tenant-a".into(),
            max_subscriptions: Some(2),
            max_hubs: Some(1),
            ..Default::default()
        },
        netweave::config::TenantConfig {
            id: "tenant-b".into(),
            ..Default::default()
        },
    ];
}

fn subscription(n: u32) -> Value {
    json!({"callback": format!("http://127.0.0.1:9/notify/{n}")})
}

fn ids(list: &Value, field: &str) -> Vec<String> {
    let mut ids: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s[field].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn a_tenant_never_sees_or_changes_another_tenants_subscriptions_hubs_or_deliveries() {
    isolation(|_| {}).await;
}

#[tokio::test]
async fn a_tenant_never_sees_or_changes_another_tenants_objects_on_redis() {
    let redis = SharedRedis::start();
    isolation(|c| redis.apply(c)).await;
}

async fn isolation(store: impl FnOnce(&mut Config)) {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        two_tenants(c);
        store(c);
    })
    .await;
    let a = Caller::of(&pki, &idp, "smo-a", &["admin"], Some("tenant-a"));
    let b = Caller::of(&pki, &idp, "smo-b", &["admin"], Some("tenant-b"));
    let platform = Caller::of(&pki, &idp, "ops", &["platform-admin"], None);

    let mut made = Vec::new();
    for (who, n) in [(&a, 1), (&a, 2), (&b, 3)] {
        let (status, body) = who.post(&app, SUBSCRIPTIONS, subscription(n)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert!(
            body.get("tenant").is_none(),
            "the owner is never shown: {body}"
        );
        made.push(body["subscriptionId"].as_str().unwrap().to_owned());
    }
    let (sa1, sa2, sb1) = (made[0].clone(), made[1].clone(), made[2].clone());

    // Quota: the third of tenant A is refused, naming the quota.
    let (status, body) = a.post(&app, SUBSCRIPTIONS, subscription(4)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(problem(&body).contains("maxSubscriptions"), "{body}");

    // Lists are filtered; another tenant's object is not found, and stays.
    let mut mine = vec![sa1.clone(), sa2.clone()];
    mine.sort();
    assert_eq!(
        ids(&a.get(&app, SUBSCRIPTIONS).await.1, "subscriptionId"),
        mine
    );
    assert_eq!(
        ids(&b.get(&app, SUBSCRIPTIONS).await.1, "subscriptionId"),
        [sb1.as_str()]
    );
    assert_eq!(
        platform
            .get(&app, SUBSCRIPTIONS)
            .await
            .1
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let theirs = format!("{SUBSCRIPTIONS}/{sb1}");
    assert_eq!(a.get(&app, &theirs).await.0, StatusCode::NOT_FOUND);
    assert_eq!(a.delete(&app, &theirs).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        platform.get(&app, &theirs).await.0,
        StatusCode::OK,
        "still there"
    );
    let v1 = format!("/o2ims-infrastructureInventory/v1/subscriptions/{sb1}");
    assert_eq!(a.get(&app, &v1).await.0, StatusCode::NOT_FOUND);
    assert_eq!(b.get(&app, &v1).await.0, StatusCode::OK);
    let deliveries = |id: &str| format!("/webhooks/deliveries?subscriptionId={id}");
    assert_eq!(
        a.get(&app, &deliveries(&sb1)).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(b.get(&app, &deliveries(&sb1)).await.0, StatusCode::OK);

    // The same over gRPC.
    let channel = grpc_channel(&pki, app.addr).await;
    let bearer = token(&idp, "smo-a", &["admin"], Some("tenant-a"));
    let mut grpc = netweave::proto::o2ims::v1::subscription_service_client::SubscriptionServiceClient::with_interceptor(
        channel,
        move |mut r: tonic::Request<()>| {
            r.metadata_mut()
                .insert("authorization", format!("Bearer {bearer}").parse().unwrap());
            Ok(r)
        },
    );
    let refused = grpc
        .get_subscription(netweave::proto::o2ims::v1::GetSubscriptionRequest {
            subscription_id: sb1.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(refused.code(), tonic::Code::NotFound);
    let listed = grpc
        .list_subscriptions(netweave::proto::o2ims::v1::ListSubscriptionsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.subscriptions.len(), 2);
    let over = grpc
        .create_subscription(netweave::proto::o2ims::v1::CreateSubscriptionRequest {
            subscription: Some(netweave::proto::o2ims::v1::Subscription {
                callback: "http://127.0.0.1:9/notify/5".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(over.code(), tonic::Code::ResourceExhausted, "{over:?}");

    // Deleting one frees a slot.
    let (status, _) = a.delete(&app, &format!("{SUBSCRIPTIONS}/{sa1}")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = a.post(&app, SUBSCRIPTIONS, subscription(6)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    // TMF688 hubs: the same isolation, the hub quota, the TMF Error.
    let hub = |n: u32| json!({"callback": format!("http://127.0.0.1:9/hub/{n}")});
    let (status, body) = a.post(&app, HUBS, hub(1)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let hub_a = body["id"].as_str().unwrap().to_owned();
    let (status, body) = a.post(&app, HUBS, hub(2)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["@type"], "Error", "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("maxHubs"),
        "{body}"
    );
    let (status, body) = b.post(&app, HUBS, hub(3)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let hub_b = body["id"].as_str().unwrap().to_owned();
    assert_eq!(ids(&a.get(&app, HUBS).await.1, "id"), [hub_a.as_str()]);
    assert_eq!(ids(&b.get(&app, HUBS).await.1, "id"), [hub_b.as_str()]);
    assert_eq!(
        a.get(&app, &format!("{HUBS}/{hub_b}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        a.delete(&app, &format!("{HUBS}/{hub_b}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        b.get(&app, &format!("{HUBS}/{hub_b}")).await.0,
        StatusCode::OK
    );
    // A hub's subscription is its tenant's too, and counts against maxHubs only.
    assert_eq!(
        a.get(&app, SUBSCRIPTIONS).await.1.as_array().unwrap().len(),
        3
    );
    assert_eq!(
        platform.get(&app, HUBS).await.1.as_array().unwrap().len(),
        2
    );
}

#[tokio::test]
async fn two_gateways_on_one_redis_share_tenants_and_the_audit_trail() {
    let redis = SharedRedis::start();
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let on_redis = |c: &mut Config| {
        redis.apply(c);
        c.webhooks.callback_allow = "127.0.0.0/8".into();
    };
    let a = gateway(&pki, &idp, ClientAuth::Optional, on_redis).await;
    let b = gateway(&pki, &idp, ClientAuth::Optional, on_redis).await;
    let platform = Caller::of(&pki, &idp, "ops", &["platform-admin"], None);
    let viewer = Caller::of(&pki, &idp, "smo-a", &["viewer"], Some("tenant-a"));

    for body in [
        json!({"tenantId": "tenant-a"}),
        json!({"tenantId": "tenant-z"}),
    ] {
        let (status, _) = platform.post(&a, TENANTS, body).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (status, _) = platform
        .post(&b, TENANTS, json!({"tenantId": "tenant-a"}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "one store behind both");
    assert_eq!(
        platform.get(&b, &format!("{TENANTS}/tenant-a")).await.0,
        StatusCode::OK
    );

    // One quota across both gateways.
    let (status, _) = platform
        .put(
            &a,
            &format!("{TENANTS}/tenant-z"),
            json!({"quotas": {"maxSubscriptions": 2}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let z = Caller::of(&pki, &idp, "smo-z", &["operator"], Some("tenant-z"));
    let deadline = tokio::time::Instant::now() + netweave::security::tenants::REFRESH * 3;
    for (n, gw) in [(1, &a), (2, &b)] {
        let (status, body) = z.post(gw, SUBSCRIPTIONS, subscription(n)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    loop {
        let (status, body) = z.post(&b, SUBSCRIPTIONS, subscription(3)).await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            break;
        }
        // Gateway b has not loaded the quota yet: undo and try again.
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let id = body["subscriptionId"].as_str().unwrap().to_owned();
        z.delete(&b, &format!("{SUBSCRIPTIONS}/{id}")).await;
        assert!(
            tokio::time::Instant::now() < deadline,
            "gateway b never applied the quota"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (status, _) = z.post(&a, SUBSCRIPTIONS, subscription(4)).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "counted across replicas"
    );

    // The other gateway follows a suspension within its refresh period.
    let (status, _) = platform
        .put(
            &a,
            &format!("{TENANTS}/tenant-a"),
            json!({"status": "suspended"}),
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
    let auditor = Caller::of(&pki, &idp, "audit-1", &["auditor"], None);
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

#[tokio::test]
async fn racing_creations_never_take_a_tenant_over_its_quota() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    // A slow verification GET holds every creation between its quota check and its insert.
    let slow =
        crate::receiver::Receiver::start(crate::receiver::Mode::Slow(Duration::from_millis(300)))
            .await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        two_tenants(c);
        c.webhooks.verify_callbacks = true;
    })
    .await;
    let a = Caller::of(&pki, &idp, "smo-a", &["admin"], Some("tenant-a"));
    // Tenant A may hold 2 subscriptions and 1 hub; 8 of each are sent at once.
    let subscriptions = (0..8).map(|n| {
        a.post(
            &app,
            SUBSCRIPTIONS,
            json!({"callback": slow.url(&format!("/race/{n}"))}),
        )
    });
    let hubs = (0..8).map(|n| {
        a.post(
            &app,
            HUBS,
            json!({"callback": format!("http://127.0.0.1:9/race/{n}")}),
        )
    });
    let (made, registered) = tokio::join!(
        futures::future::join_all(subscriptions),
        futures::future::join_all(hubs)
    );
    for (answers, quota) in [(&made, 2), (&registered, 1)] {
        let created = answers
            .iter()
            .filter(|(s, _)| *s == StatusCode::CREATED)
            .count();
        assert!(
            answers
                .iter()
                .all(|(s, _)| *s == StatusCode::CREATED || *s == StatusCode::TOO_MANY_REQUESTS),
            "{answers:?}"
        );
        // Racers over the quota all withdraw: fewer may be admitted, never more.
        assert!(created <= quota, "{created} of {quota}");
    }
    // What the race left free is free: one more at a time is admitted up to the quota.
    let (_, held) = a.get(&app, SUBSCRIPTIONS).await;
    let own = held.as_array().unwrap().len() - a.get(&app, HUBS).await.1.as_array().unwrap().len();
    for n in own..2 {
        let (status, body) = a
            .post(
                &app,
                SUBSCRIPTIONS,
                json!({"callback": slow.url(&format!("/after/{n}"))}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, _) = a
        .post(
            &app,
            SUBSCRIPTIONS,
            json!({"callback": slow.url("/after/over")}),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    if a.get(&app, HUBS).await.1.as_array().unwrap().is_empty() {
        let (status, _) = a
            .post(&app, HUBS, json!({"callback": "http://127.0.0.1:9/after"}))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (_, held) = a.get(&app, SUBSCRIPTIONS).await;
    // The hub's own subscription is listed too.
    assert_eq!(held.as_array().unwrap().len(), 3, "{held}");
    let (_, hubs) = a.get(&app, HUBS).await;
    assert_eq!(hubs.as_array().unwrap().len(), 1, "{hubs}");
}

/// Tenancy is never open by accident: a replica that holds no tenant reads the store before it
/// admits a tenant's caller unscoped, so the first tenant created on another replica is in
/// force at once there (not at its next reload); with `auth.multi_tenant` an unknown tenant is
/// refused even before any tenant exists.
#[tokio::test]
async fn the_first_tenant_created_on_one_replica_scopes_its_callers_on_the_other_at_once() {
    let redis = SharedRedis::start();
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let a = gateway(&pki, &idp, ClientAuth::Optional, |c| redis.apply(c)).await;
    let b = gateway(&pki, &idp, ClientAuth::Optional, |c| redis.apply(c)).await;
    let platform = Caller::of(&pki, &idp, "ops", &["platform-admin"], None);
    let viewer = Caller::of(&pki, &idp, "smo-a", &["viewer"], Some("tenant-a"));

    // No tenant anywhere: single-tenant, the claim is only a name, on both replicas.
    let (status, all) = viewer.get(&b, POOLS).await;
    assert_eq!(status, StatusCode::OK, "{all}");
    let every = ids(&all, "resourcePoolId");
    assert!(every.len() > 1, "{all}");

    for _ in 0..5 {
        let pool = every[0].clone();
        let tenant = format!("tenant-{}", uuid::Uuid::new_v4().simple());
        // The first tenant, created on A; B's copy is empty and its reload seconds away.
        let (status, body) = platform
            .post(
                &a,
                TENANTS,
                json!({"tenantId": "tenant-a", "resourcePools": [pool]}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        tokio::time::sleep(Duration::from_millis(10)).await;
        let (status, seen) = viewer.get(&b, POOLS).await;
        assert_eq!(status, StatusCode::OK, "{seen}");
        assert_eq!(
            ids(&seen, "resourcePoolId"),
            vec![pool],
            "scoped on B at once"
        );
        // A caller of a tenant that does not exist is now refused on B.
        let other = Caller::of(&pki, &idp, "smo-x", &["viewer"], Some(&tenant));
        let (status, body) = other.get(&b, POOLS).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert!(problem(&body).contains(&tenant), "{body}");
        // Back to no tenant, on A, and wait until B holds none either.
        let (status, _) = platform.delete(&a, &format!("{TENANTS}/tenant-a")).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let deadline = tokio::time::Instant::now() + netweave::security::tenants::REFRESH * 3;
        while viewer.get(&b, POOLS).await.1.as_array().map(Vec::len) != Some(every.len()) {
            assert!(
                tokio::time::Instant::now() < deadline,
                "B never saw the tenant go"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    // Tenancy switched on explicitly: an unknown tenant is refused with no tenant at all.
    let strict = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        c.auth.multi_tenant = true;
    })
    .await;
    let (status, body) = viewer.get(&strict, POOLS).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(problem(&body).contains("tenant-a"), "{body}");
    assert_eq!(platform.get(&strict, POOLS).await.0, StatusCode::OK);
}

/// Two label-scoped tenants on gateways that deliver nothing (workers do), sharing Redis; the
/// simulator's pools labelled for the tenants in turn from the start.
struct LabelScoped {
    redis: SharedRedis,
    pki: Pki,
    idp: Idp,
    gw: crate::harness::TestApp,
    platform: Caller,
    pools: Value,
}

/// A `netweave worker` process, killed however the test ends (one left running would hold the
/// test's output open).
struct Worker(std::process::Child);

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl LabelScoped {
    async fn start(resources: usize, churn: f64) -> LabelScoped {
        use netweave::{backend::simulator::SimConfig, config::TenantConfig};
        let redis = SharedRedis::start();
        let pki = Pki::new();
        let idp = Idp::start(&pki).await;
        let by_label = |id: &str| TenantConfig {
            id: id.into(),
            label_selector: Some(format!("o2ims.oran.org/tenant={id}")),
            ..Default::default()
        };
        let gw = gateway(&pki, &idp, ClientAuth::Optional, |c| {
            redis.apply(c);
            c.webhooks.callback_allow = "127.0.0.0/8".into();
            c.webhooks.workers = false;
            c.tenants = vec![by_label("tenant-a"), by_label("tenant-b")];
            c.edit_section(|s: &mut SimConfig| {
                s.pools = 4;
                s.resources = resources;
                s.tenants = vec!["tenant-a".into(), "tenant-b".into()];
                s.churn = churn;
            });
        })
        .await;
        let platform = Caller::of(&pki, &idp, "ops", &["platform-admin"], None);
        let (_, pools) = platform.get(&gw, POOLS).await;
        LabelScoped {
            redis,
            pki,
            idp,
            gw,
            platform,
            pools,
        }
    }

    /// The pools labelled for `tenant`.
    fn owned(&self, tenant: &str) -> Vec<String> {
        self.pools
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["extensions"]["labels"]["o2ims.oran.org/tenant"] == tenant)
            .map(|p| p["resourcePoolId"].as_str().unwrap().to_owned())
            .collect()
    }

    /// A receiver subscribed by `tenant`'s operator to resource changes (the O-RAN filter
    /// names what not to report).
    async fn subscribe(&self, tenant: &str) -> crate::receiver::Receiver {
        let receiver = crate::receiver::Receiver::start(crate::receiver::Mode::Ok).await;
        let caller = Caller::of(&self.pki, &self.idp, "smo", &["operator"], Some(tenant));
        let body = json!({"callback": receiver.url("/smo"), "filter": "(neq,objectKind,Resource)"});
        let (status, created) = caller.post(&self.gw, SUBSCRIPTIONS, body).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        receiver
    }

    fn worker(&self) -> Worker {
        Worker(crate::redis_events::worker(
            &self.redis.redis,
            &self.redis.prefix,
        ))
    }
}

/// Workers see what gateways see: a `netweave worker` (no backend) starts a label-scoped
/// tenant's view from the pools the log last published, so the tenant is told of changes in
/// pools labelled before the worker started from its first delivery, and the other tenant of
/// none of them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_delivers_a_label_scoped_tenant_exactly_its_notifications_from_the_start() {
    // Resources changing in the pools.
    let t = LabelScoped::start(40, 40.0).await;
    let mut receivers = Vec::new();
    for tenant in ["tenant-a", "tenant-b"] {
        assert_eq!(t.owned(tenant).len(), 2, "{}", t.pools);
        receivers.push((tenant, t.subscribe(tenant).await));
    }
    let _worker = t.worker();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while receivers.iter().any(|(_, r)| r.received().len() < 20) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "each tenant is told of the changes in its pools: {:?}",
            receivers
                .iter()
                .map(|(t, r)| (t, r.received().len()))
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for (tenant, receiver) in &receivers {
        let mine = t.owned(tenant);
        for r in receiver.received() {
            let object = r.json()["objectRef"].as_str().unwrap().to_owned();
            let pool = object
                .split("/resourcePools/")
                .nth(1)
                .unwrap()
                .split('/')
                .next()
                .unwrap();
            assert!(
                mine.iter().any(|p| p == pool),
                "{tenant} was told of {object}"
            );
        }
    }
}

/// The scaled-out shape: gateways deliver nothing, two `netweave worker` processes on Redis do.
/// Two label-scoped tenants whose pools were labelled before the workers started; 200 changes,
/// half in each tenant's pools; one worker is SIGKILLed and started again mid-run. Each
/// tenant's receiver is told exactly its 100 changes (each at least once, as at-least-once
/// allows), and not one of the other tenant's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_one_killed_mid_run_tell_each_tenant_exactly_its_changes() {
    use std::collections::{BTreeMap, BTreeSet};
    let t = LabelScoped::start(8, 0.0).await;
    let (_, types) = t
        .platform
        .get(&t.gw, "/o2ims-infrastructureInventory/v2/resourceTypes")
        .await;
    let ty = types[0]["resourceTypeId"].as_str().unwrap().to_owned();
    let mut receivers = Vec::new();
    for tenant in ["tenant-a", "tenant-b"] {
        receivers.push((tenant, t.subscribe(tenant).await));
    }
    let mut workers = [t.worker(), t.worker()];
    // 200 changes: resources created in turn in tenant A's and tenant B's pools.
    let mut expected: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for i in 0..200 {
        let tenant = ["tenant-a", "tenant-b"][i % 2];
        let mine = t.owned(tenant);
        let pool = &mine[(i / 2) % mine.len()];
        let body = json!({"resourceTypeId": ty, "description": format!("node-{i}"), "globalAssetId": format!("SN-{i}")});
        let (status, created) = t
            .platform
            .post(&t.gw, &format!("{POOLS}/{pool}/resources"), body)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        expected
            .entry(tenant)
            .or_default()
            .insert(created["resourceId"].as_str().unwrap().to_owned());
        if i == 100 {
            // One worker dies mid-run and comes back.
            let _ = workers[0].0.kill();
            let _ = workers[0].0.wait();
            workers[0] = t.worker();
        }
    }
    let told = |receiver: &crate::receiver::Receiver| -> BTreeSet<String> {
        receiver
            .received()
            .iter()
            .filter_map(|r| {
                r.json()["postObjectState"]["resourceId"]
                    .as_str()
                    .map(str::to_owned)
            })
            .collect()
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while receivers
        .iter()
        .any(|(tenant, r)| told(r).len() < expected[tenant].len())
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "each tenant told of its changes: {:?}",
            receivers
                .iter()
                .map(|(t, r)| (t, told(r).len()))
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    for (tenant, receiver) in &receivers {
        assert_eq!(expected[tenant].len(), 100);
        assert_eq!(
            told(receiver),
            expected[tenant],
            "{tenant}: exactly its own changes"
        );
        let distinct: BTreeSet<String> = receiver
            .received()
            .iter()
            .filter_map(|r| r.json()["notificationId"].as_str().map(str::to_owned))
            .collect();
        println!(
            "{tenant}: {} deliveries of {} notifications",
            receiver.received().len(),
            distinct.len()
        );
    }
}

/// A delivery and its dead letter carry their subscription's tenant: after the subscription is
/// deleted its dead letters are still its tenant's to see and replay, and no other tenant's.
#[tokio::test]
async fn a_dead_letter_of_a_deleted_subscription_stays_its_tenants() {
    for store in ["embedded", "redis"] {
        let redis = (store == "redis").then(SharedRedis::start);
        let pki = Pki::new();
        let idp = Idp::start(&pki).await;
        let app = gateway(&pki, &idp, ClientAuth::Optional, |c| {
            two_tenants(c);
            c.webhooks.max_attempts = 1;
            if let Some(redis) = &redis {
                redis.apply(c);
            }
        })
        .await;
        let platform = Caller::of(&pki, &idp, "ops", &["platform-admin"], None);
        // A tenant's admin reads and replays its dead letters.
        let a = Caller::of(&pki, &idp, "smo-a", &["admin"], Some("tenant-a"));
        let b = Caller::of(&pki, &idp, "smo-b", &["admin"], Some("tenant-b"));
        let refusing = crate::receiver::Receiver::start(crate::receiver::Mode::Always(500)).await;
        let (status, sub) = a
            .post(&app, SUBSCRIPTIONS, json!({"callback": refusing.url("/a")}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{sub}");
        let sub = sub["subscriptionId"].as_str().unwrap().to_owned();
        // A pool of tenant A's own: its creation is A's to be told of, and is refused.
        let (_, sites) = platform
            .get(&app, "/o2ims-infrastructureInventory/v2/oCloudSites")
            .await;
        let site = sites[0]["oCloudSiteId"].as_str().unwrap();
        let body = json!({"name": "a-pool", "oCloudSiteId": site, "description": "d"});
        let (status, pool) = a.post(&app, POOLS, body).await;
        assert_eq!(status, StatusCode::CREATED, "{pool}");
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        let letters = loop {
            let (_, letters) = platform.get(&app, "/webhooks/deadLetters").await;
            if letters.as_array().is_some_and(|l| !l.is_empty()) {
                break letters;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{store}: no dead letter"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        let (status, _) = a.delete(&app, &format!("{SUBSCRIPTIONS}/{sub}")).await;
        assert!(status.is_success(), "{status}");
        let (status, _) = a.get(&app, &format!("{SUBSCRIPTIONS}/{sub}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "the subscription is gone");

        let (status, mine) = a.get(&app, "/webhooks/deadLetters").await;
        assert_eq!(status, StatusCode::OK, "{mine}");
        assert_eq!(
            mine, letters,
            "{store}: tenant A still sees its dead letters"
        );
        let (status, theirs) = b.get(&app, "/webhooks/deadLetters").await;
        assert_eq!(status, StatusCode::OK, "{theirs}");
        assert_eq!(theirs, json!([]), "{store}: tenant B sees none");
        // The same over gRPC, where a dead letter names its tenant too.
        let channel = grpc_channel(&pki, app.addr).await;
        for (caller, tenant, sees) in [("smo-a", "tenant-a", true), ("smo-b", "tenant-b", false)] {
            let bearer = token(&idp, caller, &["admin"], Some(tenant));
            let mut grpc = netweave::proto::webhooks::v1::webhook_service_client::WebhookServiceClient::with_interceptor(
                channel.clone(),
                move |mut r: tonic::Request<()>| {
                    r.metadata_mut()
                        .insert("authorization", format!("Bearer {bearer}").parse().unwrap());
                    Ok(r)
                },
            );
            let listed = grpc
                .list_dead_letters(netweave::proto::webhooks::v1::ListDeadLettersRequest::default())
                .await
                .unwrap()
                .into_inner()
                .dead_letters;
            assert_eq!(!listed.is_empty(), sees, "{store}: {tenant} over gRPC");
            assert!(listed.iter().all(|d| d.tenant == "tenant-a"), "{listed:?}");
        }
        let id = letters[0]["id"].as_u64().unwrap();
        let replay = format!("/webhooks/deadLetters/{id}/replay");
        let (status, _) = b.post(&app, &replay, json!({})).await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "{store}: B cannot replay A's"
        );
    }
}
