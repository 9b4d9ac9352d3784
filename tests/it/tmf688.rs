//! TMF688 Event Management: the hub lifecycle against the official TMF688 v4 document, hub
//! queries, TMF events delivered by the webhook workers (embedded and Redis), hubs as O2-IMS
//! subscriptions, and the store staying consistent across a crash between the two writes.

use netweave::backend::simulator::SimConfig;
use std::{
    collections::BTreeSet,
    process::{Command, Stdio},
    time::Duration,
};

use netweave::proto::{
    o2ims::v1::GetSubscriptionRequest,
    tmf688::v4::{
        event_service_client::EventServiceClient, hub_service_client::HubServiceClient,
        GetHubRequest, Hub as PbHub, ListEventsRequest, ListHubsRequest, RegisterHubRequest,
        UnregisterHubRequest,
    },
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::{
    harness::{free_port, unique_prefix, RedisServer, TestApp, V2},
    receiver::{Mode, Received, Receiver},
    tmf_spec::event_errors,
    webhooks::{standard_webhooks_verifies, webhook_config},
};

const HUB: &str = "/tmf-api/event/v4/hub";
const ALIAS_HUB: &str = "/tmf-api/eventManagement/v4/hub";
const EVENT: &str = "/tmf-api/event/v4/event";

async fn register(app: &TestApp, callback: &str, query: &str) -> Value {
    let reply = app
        .call(
            Method::POST,
            HUB,
            Some(json!({"callback": callback, "query": query})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.body
}

/// A TMF error reply: status, the TMF `Error` fields, and a message containing `needle`.
fn assert_tmf_error(reply: &crate::harness::Reply, status: u16, needle: &str) {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.body);
    assert_eq!(reply.body["status"], status.to_string());
    assert!(reply.body["reason"].is_string() && reply.body["code"].is_string());
    let message = reply.body["message"].as_str().unwrap_or_default();
    assert!(message.contains(needle), "'{needle}' not in '{message}'");
}

#[tokio::test]
async fn hub_lifecycle_follows_tmf688_v4() {
    let app = TestApp::start_with(webhook_config).await;
    let created = app
        .call(
            Method::POST,
            HUB,
            Some(json!({"callback": "http://127.0.0.1:9/listener", "query": "eventType=ResourceCreateEvent", "@type": "Hub"})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let id = created.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        created.header("location"),
        Some(format!("{HUB}/{id}").as_str())
    );
    assert_eq!(created.body["href"], format!("{HUB}/{id}"));
    assert_eq!(created.body["query"], "eventType=ResourceCreateEvent");
    assert_eq!(created.body["@type"], "Hub");

    let got = app.get(&format!("{HUB}/{id}")).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.body, created.body);
    let via_alias = app.get(&format!("{ALIAS_HUB}/{id}")).await;
    assert_eq!(
        via_alias.body, created.body,
        "the alias serves the same hub"
    );

    register(&app, "http://127.0.0.1:9/second", "").await;
    let listed = app.get(HUB).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.body.as_array().unwrap().len(), 2);
    assert_eq!(listed.header("x-total-count"), Some("2"));
    let page = app
        .get(&format!("{HUB}?offset=1&limit=1&fields=callback"))
        .await;
    assert_eq!(page.header("x-result-count"), Some("1"));
    assert_eq!(
        page.body,
        json!([{"id": page.body[0]["id"], "href": page.body[0]["href"], "callback": "http://127.0.0.1:9/second"}])
    );

    let deleted = app.call(Method::DELETE, &format!("{HUB}/{id}"), None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_tmf_error(
        &app.call(Method::DELETE, &format!("{HUB}/{id}"), None).await,
        404,
        &id,
    );
    assert_tmf_error(&app.get(&format!("{HUB}/{id}")).await, 404, "not found");

    // Bad input: TMF Error bodies, nothing stored.
    let bad_json = app
        .http
        .post(app.url(HUB))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(bad_json.status(), StatusCode::BAD_REQUEST);
    let body: Value = bad_json.json().await.unwrap();
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("invalid request body"));
    assert_tmf_error(
        &app.call(
            Method::POST,
            HUB,
            Some(json!({"query": "eventType=ResourceCreateEvent"})),
        )
        .await,
        400,
        "callback",
    );
    assert_tmf_error(
        &app.call(
            Method::POST,
            HUB,
            Some(json!({"callback": "http://127.0.0.1:9/x", "colour": "red"})),
        )
        .await,
        400,
        "colour",
    );
    assert_tmf_error(
        &app.call(Method::POST, HUB, Some(json!({"callback": "not a url"})))
            .await,
        400,
        "not an absolute URL",
    );
    assert_tmf_error(
        &app.call(
            Method::POST,
            HUB,
            Some(json!({"callback": "http://127.0.0.1:9/second"})),
        )
        .await,
        400,
        "already used",
    );
    assert_tmf_error(
        &app.call(Method::PUT, &format!("{HUB}/x"), Some(json!({})))
            .await,
        405,
        "PUT",
    );
    assert_tmf_error(
        &app.get("/tmf-api/event/v4/topic").await,
        404,
        "no resource",
    );
    assert_tmf_error(&app.get(&format!("{HUB}?colour=red")).await, 400, "colour");
    assert_tmf_error(&app.get(&format!("{HUB}?limit=many")).await, 400, "limit");
    assert_eq!(app.get(HUB).await.body.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn malformed_hub_queries_are_tmf_errors_naming_the_fault() {
    let app = TestApp::start_with(webhook_config).await;
    let table = [
        ("eventType", "expected key=value"),
        ("=ResourceCreateEvent", "key before '=' is empty"),
        ("eventType=", "value after '=' is empty"),
        (
            "eventType=ResourceExplodeEvent",
            "unknown event type 'ResourceExplodeEvent'",
        ),
        (
            "eventType=ResourceCreateEvent,",
            "comma-separated list is empty",
        ),
        (
            "eventType=ResourceCreateEvent&&resourceId=x",
            "condition 2 is empty",
        ),
        ("colour=red", "unknown key 'colour'"),
        ("event..resource.id=x", "empty segment"),
        ("resourceId.gt=5", "operator 'gt' is not supported"),
        ("resourcePoolId<=5", "'<' cannot appear in a key"),
        ("resourceId=%E2%28", "percent-encoded"),
    ];
    for (n, (query, needle)) in table.iter().enumerate() {
        let reply = app
            .call(
                Method::POST,
                HUB,
                Some(json!({"callback": format!("http://127.0.0.1:9/q{n}"), "query": query})),
            )
            .await;
        assert_tmf_error(&reply, 400, needle);
        let listed = app.get(&format!("{EVENT}?{query}")).await;
        assert_eq!(listed.status, StatusCode::BAD_REQUEST, "GET /event?{query}");
    }
    assert_eq!(app.get(HUB).await.body, json!([]), "no hub was stored");
    let subs = app.get_ok(&format!("{V2}/subscriptions")).await;
    assert_eq!(subs, json!([]), "no subscription was stored");
}

async fn create_pool(app: &TestApp, name: &str) -> String {
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let reply = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools"),
            Some(json!({"name": name, "oCloudSiteId": site, "description": "tmf"})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.body["resourcePoolId"].as_str().unwrap().to_owned()
}

async fn create_resource(app: &TestApp, pool: &str) -> String {
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    let reply = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools/{pool}/resources"),
            Some(json!({"resourceTypeId": ty, "description": "tmf node", "globalAssetId": "SN-T",
                "extensions": {"adminState": "UNLOCKED", "operationalState": "ENABLED", "usageState": "IDLE"}})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.body["resourceId"].as_str().unwrap().to_owned()
}

async fn delete(app: &TestApp, path: &str) {
    let reply = app.call(Method::DELETE, path, None).await;
    assert_eq!(
        reply.status,
        StatusCode::NO_CONTENT,
        "{path}: {}",
        reply.body
    );
}

/// Waits until the event history holds `n` events matching a TMF query.
async fn wait_in_history(app: &TestApp, query: &str, n: usize) {
    for _ in 0..200 {
        if app
            .get_ok(&format!("{EVENT}?{query}"))
            .await
            .as_array()
            .unwrap()
            .len()
            >= n
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the history never held {n} events matching {query}");
}

/// (eventType, resource id) of what one callback path received.
fn got(receiver: &Receiver, path: &str) -> Vec<(String, String)> {
    received(receiver, path)
        .iter()
        .map(|r| {
            let e = r.json();
            (
                e["eventType"].as_str().unwrap().to_owned(),
                e["event"]["resource"]["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn received(receiver: &Receiver, path: &str) -> Vec<Received> {
    receiver
        .received()
        .into_iter()
        .filter(|r| r.path == path)
        .collect()
}

fn pair(kind: &str, id: &str) -> (String, String) {
    (format!("Resource{kind}Event"), id.to_owned())
}

/// Several hubs with different queries each receive exactly their own events, signed and
/// shaped as TMF688/TMF639 say; an unregistered hub receives no more (run on every store).
pub async fn hubs_receive_their_own_events(app: &TestApp) {
    let receiver = Receiver::start(Mode::Ok).await;
    let other_pool = app.first_id("resourcePools", "resourcePoolId").await;
    let pool = create_pool(app, "placeholder").await;
    // Hubs receive what happens after they register: let the creation reach the stream first.
    wait_in_history(app, &format!("resourceId={pool}"), 1).await;
    let creates = register(
        app,
        &receiver.url("/creates"),
        "eventType=ResourceCreateEvent",
    )
    .await;
    let pool_deletes = register(
        app,
        &receiver.url("/pool-deletes"),
        &format!("eventType=ResourceDeleteEvent&resourcePoolId={pool}"),
    )
    .await;
    let pools = register(
        app,
        &receiver.url("/pools"),
        "event.resource.category=ResourcePool",
    )
    .await;
    let legacy = register(
        app,
        &receiver.url("/legacy"),
        &format!("eventType=ResourceCreationNotification&eventType=ResourceRemoveNotification&resourcePoolId={pool}"),
    )
    .await;
    for hub in [&creates, &pool_deletes, &pools, &legacy] {
        assert!(hub["subscriptionId"].is_string());
    }

    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let renamed = app
        .call(
            Method::PUT,
            &format!("{V2}/resourcePools/{pool}"),
            Some(json!({"name": "renamed", "oCloudSiteId": site, "description": "tmf"})),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.body);
    let inside = create_resource(app, &pool).await;
    let outside = create_resource(app, &other_pool).await;
    delete(
        app,
        &format!("{V2}/resourcePools/{pool}/resources/{inside}"),
    )
    .await;
    delete(
        app,
        &format!("{V2}/resourcePools/{other_pool}/resources/{outside}"),
    )
    .await;
    delete(app, &format!("{V2}/resourcePools/{pool}")).await;

    let expected = [
        (
            "/creates",
            vec![pair("Create", &inside), pair("Create", &outside)],
        ),
        (
            "/pool-deletes",
            vec![pair("Delete", &inside), pair("Delete", &pool)],
        ),
        (
            "/pools",
            vec![pair("AttributeValueChange", &pool), pair("Delete", &pool)],
        ),
        (
            "/legacy",
            vec![
                pair("Create", &inside),
                pair("Delete", &inside),
                pair("Delete", &pool),
            ],
        ),
    ];
    let total: usize = expected.iter().map(|(_, e)| e.len()).sum();
    receiver.wait_for(total, Duration::from_secs(15)).await;
    tokio::time::sleep(Duration::from_millis(300)).await; // anything extra would show now
                                                          // Order holds per object (tested with O2-IMS notifications), not across objects.
    for (path, want) in &expected {
        let mut have = got(&receiver, path);
        have.sort();
        let mut want = want.clone();
        want.sort();
        assert_eq!(have, want, "hub at {path}");
    }
    for r in receiver.received() {
        let body = r.json();
        let errors = event_errors(&body);
        assert!(errors.is_empty(), "{}\n{body:#}", errors.join("\n"));
        assert!(
            standard_webhooks_verifies(&r),
            "signed like O2-IMS notifications"
        );
        assert_eq!(r.header("x-o2ims-event-type"), body["eventType"]);
        assert_eq!(body["domain"], "O2-IMS");
        assert!(body["timeOcurred"].is_string() && body["eventTime"].is_string());
        let resource = &body["event"]["resource"];
        match resource["category"].as_str().unwrap() {
            "ResourcePool" => assert_eq!(resource["@type"], "LogicalResource"),
            "Resource" => {
                assert_eq!(resource["@type"], "Resource");
                assert_eq!(resource["administrativeState"], "unlocked");
                assert_eq!(resource["resourceStatus"], "available");
                assert!(resource["resourceSpecification"]["id"].is_string());
            }
            other => panic!("unexpected category {other}"),
        }
    }
    let change = &received(&receiver, "/pools")[0].json();
    assert_eq!(change["fieldPath"], "name");

    // Unregistered hubs get nothing more; the others still do.
    for hub in [&creates, &legacy] {
        let id = hub["id"].as_str().unwrap();
        let reply = app.call(Method::DELETE, &format!("{HUB}/{id}"), None).await;
        assert_eq!(reply.status, StatusCode::NO_CONTENT);
    }
    let before = receiver.received().len();
    let late = create_pool(app, "late").await;
    receiver.wait_for(before + 1, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        got(&receiver, "/creates").len(),
        2,
        "unregistered: nothing more"
    );
    assert_eq!(
        got(&receiver, "/legacy").len(),
        3,
        "unregistered: nothing more"
    );
    assert_eq!(
        got(&receiver, "/pools").last(),
        Some(&pair("Create", &late)),
        "still registered: delivered"
    );
}

#[tokio::test]
async fn hubs_receive_exactly_their_own_tmf_events() {
    let app = TestApp::start_with(webhook_config).await;
    hubs_receive_their_own_events(&app).await;
}

#[tokio::test]
async fn hubs_on_redis_receive_exactly_their_own_tmf_events() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
    })
    .await;
    hubs_receive_their_own_events(&app).await;
}

#[tokio::test]
async fn state_changes_are_tmf_state_change_events() {
    let receiver = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.edit_section(|s: &mut SimConfig| s.churn = 40.0);
    })
    .await;
    register(
        &app,
        &receiver.url("/states"),
        "eventType=ResourceStateChangeEvent",
    )
    .await;
    let got = receiver.wait_for(5, Duration::from_secs(15)).await;
    assert!(got.len() >= 5, "state changes arrive");
    for r in &got {
        let body = r.json();
        assert_eq!(body["eventType"], "ResourceStateChangeEvent");
        let errors = event_errors(&body);
        assert!(errors.is_empty(), "{}\n{body:#}", errors.join("\n"));
    }
    // The history serves the same events, selected by the same grammar.
    let listed = app
        .get(&format!(
            "{EVENT}?eventType=ResourceStateChangeEvent&limit=3"
        ))
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    let events = listed.body.as_array().unwrap();
    assert_eq!(events.len(), 3);
    assert!(events
        .iter()
        .all(|e| e["eventType"] == "ResourceStateChangeEvent"));
    let all = app.get(&format!("{EVENT}?limit=5&offset=2")).await;
    assert!(all.header("x-total-count").is_some());
    assert_eq!(all.body.as_array().unwrap().len(), 5);
    let id = events[1]["id"].as_str().unwrap();
    let one = app.get(&format!("{EVENT}/{id}")).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.body["eventId"], events[1]["eventId"]);
    assert_eq!(one.body["href"], format!("{EVENT}/{id}"));
    assert_tmf_error(
        &app.get(&format!("{EVENT}/999999999")).await,
        404,
        "999999999",
    );
}

#[tokio::test]
async fn hub_deliveries_retry_dead_letter_and_accept_200_201_204() {
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.webhooks.max_attempts = 2;
    })
    .await;
    retries_dead_letters_and_success_codes(&app).await;
}

#[tokio::test]
async fn hub_deliveries_on_redis_retry_dead_letter_and_accept_200_201_204() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.webhooks.max_attempts = 2;
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
    })
    .await;
    retries_dead_letters_and_success_codes(&app).await;
}

/// A failing hub listener: retried with a stable id, dead-lettered, replayed; 200 and 201
/// count as delivered (run on every store; `webhooks.max_attempts` = 2).
async fn retries_dead_letters_and_success_codes(app: &TestApp) {
    let receiver = Receiver::start(Mode::Always(500)).await;
    let hub = register(
        app,
        &receiver.url("/failing"),
        "eventType=ResourceCreateEvent",
    )
    .await;
    let subscription = hub["subscriptionId"].as_str().unwrap();
    let pool = create_pool(app, "dlq").await;
    let mut letters = json!([]);
    for _ in 0..100 {
        letters = app.get_ok("/webhooks/deadLetters").await;
        if letters.as_array().unwrap().len() == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(letters[0]["delivery"]["subscriptionId"], subscription);
    assert_eq!(letters[0]["delivery"]["attempts"], 2);
    assert_eq!(received(&receiver, "/failing").len(), 2, "two attempts");
    let ids: BTreeSet<String> = received(&receiver, "/failing")
        .iter()
        .map(|r| r.header("webhook-id").to_owned())
        .collect();
    assert_eq!(ids.len(), 1, "the same notification id on every attempt");
    receiver.set_mode(Mode::Always(200));
    let id = letters[0]["id"].as_u64().unwrap();
    let replay = app
        .call(
            Method::POST,
            &format!("/webhooks/deadLetters/{id}/replay"),
            None,
        )
        .await;
    assert_eq!(replay.status, StatusCode::ACCEPTED);
    let got = receiver.wait_for(3, Duration::from_secs(10)).await;
    let last = got.last().unwrap().json();
    assert_eq!(last["event"]["resource"]["id"], pool.as_str());

    // 201 counts as delivered too: one request per event, no retry.
    receiver.set_mode(Mode::Always(201));
    create_pool(app, "created").await;
    receiver.wait_for(4, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(receiver.received().len(), 4, "a 201 is not retried");
    let pending = app
        .get_ok(&format!(
            "/webhooks/deliveries?subscriptionId={subscription}"
        ))
        .await;
    assert_eq!(pending, json!([]));
}

#[tokio::test]
async fn a_hub_is_an_o2ims_subscription_and_deleting_either_removes_both() {
    let app = TestApp::start_with(webhook_config).await;
    let hub = register(&app, "http://127.0.0.1:9/as-subscription", "resourceId=x").await;
    let (hub_id, sub_id) = (
        hub["id"].as_str().unwrap(),
        hub["subscriptionId"].as_str().unwrap(),
    );
    let sub = app.get_ok(&format!("{V2}/subscriptions/{sub_id}")).await;
    assert_eq!(sub["hubId"], hub_id);
    assert_eq!(sub["callback"], "http://127.0.0.1:9/as-subscription");
    let mut grpc = app.subscriptions().await;
    let pb = grpc
        .get_subscription(GetSubscriptionRequest {
            subscription_id: sub_id.to_owned(),
        })
        .await
        .unwrap()
        .into_inner()
        .subscription
        .unwrap();
    assert_eq!(pb.hub_id, hub_id);

    // Deleting the subscription over O2-IMS removes the hub.
    let reply = app
        .call(
            Method::DELETE,
            &format!("{V2}/subscriptions/{sub_id}"),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        app.get(&format!("{HUB}/{hub_id}")).await.status,
        StatusCode::NOT_FOUND
    );

    // Unregistering the hub removes the subscription, over gRPC too.
    let mut hubs = HubServiceClient::new(app.channel().await);
    let registered = hubs
        .register_hub(RegisterHubRequest {
            hub: Some(PbHub {
                callback: "http://127.0.0.1:9/grpc-hub".into(),
                query: "eventType=ResourceDeleteEvent".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap()
        .into_inner()
        .hub
        .unwrap();
    assert_eq!(registered.r#type, "Hub");
    let fetched = hubs
        .get_hub(GetHubRequest {
            id: registered.id.clone(),
        })
        .await
        .unwrap()
        .into_inner()
        .hub
        .unwrap();
    assert_eq!(fetched, registered);
    let rest = app.get_ok(&format!("{HUB}/{}", registered.id)).await;
    assert_eq!(rest["subscriptionId"], registered.subscription_id);
    let listed = hubs
        .list_hubs(ListHubsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.total_count, 1);
    let bad = hubs
        .register_hub(RegisterHubRequest {
            hub: Some(PbHub {
                callback: "http://127.0.0.1:9/bad".into(),
                query: "colour=red".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code(), tonic::Code::InvalidArgument);
    assert!(bad.message().contains("colour"));
    hubs.unregister_hub(UnregisterHubRequest {
        id: registered.id.clone(),
    })
    .await
    .unwrap();
    let gone = app
        .get(&format!(
            "{V2}/subscriptions/{}",
            registered.subscription_id
        ))
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let again = hubs
        .unregister_hub(UnregisterHubRequest { id: registered.id })
        .await
        .unwrap_err();
    assert_eq!(again.code(), tonic::Code::NotFound);
    assert_eq!(app.get_ok(&format!("{V2}/subscriptions")).await, json!([]));

    let mut events = EventServiceClient::new(app.channel().await);
    let listed = events
        .list_events(ListEventsRequest {
            query: "eventType=ResourceCreateEvent".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(listed
        .events
        .iter()
        .all(|e| e.event_type == "ResourceCreateEvent"));
}

/// Runs `netweave serve` on `data` with a crash point armed; returns its base URL.
fn crashing_gateway(data: &TempDir, point: &str) -> (std::process::Child, String) {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_netweave"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(data.path())
        .args(["--sim-resources", "20", "--log-level", "warn"])
        .args(["--callback-allow", "127.0.0.0/8"])
        .env(netweave::failpoint::ENV, point)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("netweave serve starts");
    (child, format!("http://127.0.0.1:{port}"))
}

async fn wait_ready(base: &str) {
    for _ in 0..400 {
        if let Ok(r) = reqwest::get(format!("{base}/readyz")).await {
            if r.status() == StatusCode::OK {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("{base} never became ready");
}

#[tokio::test]
async fn a_crash_between_the_two_writes_leaves_the_store_consistent() {
    let data = TempDir::new().unwrap();
    let callback = "http://127.0.0.1:9/crash";
    let http = reqwest::Client::new();

    // Killed after writing the subscription, before the hub: neither exists after restart.
    let (mut child, base) = crashing_gateway(&data, netweave::failpoint::HUB_REGISTER);
    wait_ready(&base).await;
    let attempt = http
        .post(format!("{base}{HUB}"))
        .json(&json!({"callback": callback}))
        .send()
        .await;
    assert!(attempt.is_err(), "the process died mid-request");
    assert!(!child.wait().unwrap().success());
    let app = TestApp::start_in(data, webhook_config).await;
    assert_eq!(app.get_ok(&format!("{V2}/subscriptions")).await, json!([]));
    assert_eq!(app.get(HUB).await.body, json!([]));
    let hub = register(&app, callback, "").await; // the callback is free again
    let data = app.stop().await;

    // Killed after removing the hub, before its subscription: both remain after restart.
    let (mut child, base) = crashing_gateway(&data, netweave::failpoint::HUB_UNREGISTER);
    wait_ready(&base).await;
    let id = hub["id"].as_str().unwrap();
    let attempt = http.delete(format!("{base}{HUB}/{id}")).send().await;
    assert!(attempt.is_err(), "the process died mid-request");
    assert!(!child.wait().unwrap().success());
    let app = TestApp::start_in(data, webhook_config).await;
    assert_eq!(app.get_ok(&format!("{HUB}/{id}")).await, hub);
    let sub = hub["subscriptionId"].as_str().unwrap();
    assert_eq!(
        app.get_ok(&format!("{V2}/subscriptions/{sub}")).await["hubId"],
        id
    );
    let reply = app.call(Method::DELETE, &format!("{HUB}/{id}"), None).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get_ok(&format!("{V2}/subscriptions")).await, json!([]));
}

#[tokio::test]
async fn half_hubs_in_redis_are_repaired_at_start() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let config = |c: &mut netweave::config::Config| {
        webhook_config(c);
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
    };
    let receiver = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(config).await;
    let kept = register(
        &app,
        &receiver.url("/kept"),
        "eventType=ResourceCreateEvent",
    )
    .await;
    let orphaned = register(&app, &receiver.url("/orphaned"), "").await;
    app.stop().await;

    // Something outside netweave removed one hub's subscription and another hub's record.
    let mut conn = redis.connection();
    let (kept_sub, orphan_hub) = (
        kept["subscriptionId"].as_str().unwrap(),
        orphaned["id"].as_str().unwrap(),
    );
    let tag = format!("{{{prefix}}}");
    let _: () = redis::pipe()
        .del(format!("{tag}:subscription:{kept_sub}"))
        .srem(format!("{tag}:subscriptions"), kept_sub)
        .hdel(
            format!("{tag}:subscriptions:by-callback"),
            receiver.url("/kept"),
        )
        .del(format!("{tag}:hub:{orphan_hub}"))
        .srem(format!("{tag}:hubs"), orphan_hub)
        .query(&mut conn)
        .unwrap();

    let app = TestApp::start_with(config).await;
    let subs = app.get_ok(&format!("{V2}/subscriptions")).await;
    let subs = subs.as_array().unwrap();
    assert_eq!(subs.len(), 1, "the orphaned subscription is gone: {subs:?}");
    assert_eq!(subs[0]["subscriptionId"], kept_sub, "the lost one is back");
    assert_eq!(subs[0]["hubId"], kept["id"]);
    assert_eq!(app.get(HUB).await.body.as_array().unwrap().len(), 1);
    let pool = create_pool(&app, "after-repair").await;
    let got = receiver.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(got[0].path, "/kept");
    assert_eq!(got[0].json()["event"]["resource"]["id"], pool.as_str());
}

#[test]
fn the_tmf_validator_rejects_bad_bodies() {
    use crate::tmf_spec::errors;
    let ct = Some("application/json;charset=utf-8");
    let hub = json!({"id": "1", "callback": "http://x/", "query": ""});
    assert!(errors(&Method::POST, HUB, 201, ct, &hub).is_empty());
    assert!(
        !errors(
            &Method::POST,
            HUB,
            201,
            ct,
            &json!({"callback": "http://x/"})
        )
        .is_empty(),
        "id is required"
    );
    assert!(
        !errors(&Method::POST, HUB, 201, Some("application/json"), &hub).is_empty(),
        "media type"
    );
    assert!(
        !errors(&Method::POST, HUB, 418, ct, &hub).is_empty(),
        "undeclared status"
    );
    assert!(
        !errors(&Method::GET, HUB, 404, ct, &json!({"message": "x"})).is_empty(),
        "Error needs code and reason"
    );
    let event = json!({"eventType": "ResourceCreateEvent", "eventTime": "2026-11-23T19:00:00Z",
        "event": {"resource": {"id": "r", "href": "/r"}}});
    assert!(event_errors(&event).is_empty());
    let mut no_href = event.clone();
    no_href["event"]["resource"]
        .as_object_mut()
        .unwrap()
        .remove("href");
    assert!(
        !event_errors(&no_href).is_empty(),
        "TMF639 Resource requires href"
    );
    let mut bad_time = event.clone();
    bad_time["eventTime"] = json!("yesterday");
    assert!(!event_errors(&bad_time).is_empty(), "date-time format");
    let mut bad_type = event;
    bad_type["eventType"] = json!("ResourceExplodeEvent");
    assert!(!event_errors(&bad_type).is_empty());
}
