//! The event stream: true prior/post states, history, gRPC Watch (resume, resync, lag under
//! 1,000 watchers), SSE with Last-Event-ID, in-process handlers, publishing modes, durability.

use netweave::backend::simulator::SimConfig;
use std::{
    collections::BTreeSet,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Duration,
};

use futures::StreamExt;
use netweave::{
    events::{
        embedded::{EmbeddedLog, Retention},
        handlers::Handlers,
        Event, EventLog, EventSource, Hub, Publisher,
    },
    proto::events::v1::{
        self as pb, event_service_client::EventServiceClient, watch_response::Item,
    },
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio_util::sync::CancellationToken;
use tonic::Code;

use crate::harness::{TestApp, V2};

async fn events_after(app: &TestApp, after: u64) -> Vec<Value> {
    let body = app
        .get_ok(&format!("/events?after={after}&limit=1000"))
        .await;
    body.as_array().unwrap().clone()
}

async fn latest_cursor(app: &TestApp) -> u64 {
    let all = events_after(app, 0).await;
    all.last().map_or(0, |e| e["cursor"].as_u64().unwrap())
}

async fn wait_for_events(app: &TestApp, after: u64, count: usize) -> Vec<Value> {
    for _ in 0..200 {
        let events = events_after(app, after).await;
        if events.len() >= count {
            return events;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("fewer than {count} events after cursor {after}");
}

async fn create_resource(app: &TestApp, pool: &str, ty: &str, n: usize) -> String {
    let r = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools/{pool}/resources"),
            Some(json!({"resourceTypeId": ty, "description": format!("node {n}")})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.body["resourceId"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn writes_become_events_with_true_prior_and_post_states() {
    let app = TestApp::start().await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let start = latest_cursor(&app).await;
    let created = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools"),
            Some(json!({"name": "p1", "oCloudSiteId": site, "description": "d"})),
        )
        .await;
    let pool = created.body["resourcePoolId"].as_str().unwrap().to_owned();
    let updated = app
        .call(
            Method::PUT,
            &format!("{V2}/resourcePools/{pool}"),
            Some(json!({"name": "p2", "oCloudSiteId": site, "description": "d"})),
        )
        .await;
    app.call(Method::DELETE, &format!("{V2}/resourcePools/{pool}"), None)
        .await;
    let events = wait_for_events(&app, start, 5).await;
    let pool_events: Vec<&Value> = events
        .iter()
        .filter(|e| e["objectKind"] == "ResourcePool")
        .collect();
    assert_eq!(pool_events.len(), 3);
    let (c, u, d) = (pool_events[0], pool_events[1], pool_events[2]);
    assert_eq!(c["eventType"], "o2ims.ResourcePool.Created");
    assert!(c.get("priorObjectState").is_none());
    assert_eq!(c["postObjectState"], created.body);
    assert_eq!(c["objectRef"], format!("{V2}/resourcePools/{pool}"));
    assert_eq!(u["eventType"], "o2ims.ResourcePool.Updated");
    assert_eq!(u["priorObjectState"], created.body);
    assert_eq!(u["postObjectState"], updated.body);
    assert_eq!(d["eventType"], "o2ims.ResourcePool.Deleted");
    assert_eq!(d["priorObjectState"], updated.body);
    assert!(d.get("postObjectState").is_none());
    let site_events = events
        .iter()
        .filter(|e| e["eventType"] == "o2ims.OCloudSite.Updated")
        .count();
    assert_eq!(site_events, 2, "the site gains, then loses, the pool");
    let cursors: Vec<u64> = events
        .iter()
        .map(|e| e["cursor"].as_u64().unwrap())
        .collect();
    assert!(
        cursors.windows(2).all(|w| w[1] == w[0] + 1),
        "cursors are contiguous: {cursors:?}"
    );

    let only_deleted = app
        .get_ok(&format!("/events?after={start}&type=*.*.Deleted"))
        .await;
    assert_eq!(only_deleted.as_array().unwrap().len(), 1);
    let filtered = app
        .get_ok(&format!(
            "/events?after={start}&filter=(eq,objectKind,OCloudSite)"
        ))
        .await;
    assert_eq!(filtered.as_array().unwrap().len(), 2);
    assert_eq!(
        app.get("/events?filter=(eq,nope,x)").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.get("/events?after=minus-one").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn history_pages_by_cursor_with_link() {
    let app = TestApp::start().await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    let start = latest_cursor(&app).await;
    for n in 0..25 {
        create_resource(&app, &pool, &ty, n).await;
    }
    wait_for_events(&app, start, 25).await;
    let mut next = Some(format!("/events?after={start}&limit=10"));
    let mut seen = Vec::new();
    while let Some(path) = next {
        let reply = app.get(&path).await;
        seen.extend(
            reply
                .body
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["cursor"].as_u64().unwrap()),
        );
        next = reply
            .header("link")
            .map(|l| l[l.find('<').unwrap() + 1..l.find('>').unwrap()].to_owned());
    }
    assert_eq!(seen, (start + 1..=start + 25).collect::<Vec<_>>());
}

async fn watch(
    client: &mut EventServiceClient<tonic::transport::Channel>,
    resume: u64,
) -> tonic::Streaming<pb::WatchResponse> {
    client
        .watch(pb::WatchRequest {
            resume_cursor: resume,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
}

/// Reads `n` events (skipping heartbeats) and returns their cursors.
async fn read_events(stream: &mut tonic::Streaming<pb::WatchResponse>, n: usize) -> Vec<u64> {
    let mut out = Vec::new();
    while out.len() < n {
        let item = tokio::time::timeout(Duration::from_secs(20), stream.message())
            .await
            .expect("event within 20 s")
            .expect("stream ok")
            .expect("stream open");
        if let Some(Item::Event(e)) = item.item {
            out.push(e.cursor);
        }
    }
    out
}

#[tokio::test]
async fn a_watcher_resumes_from_its_cursor_exactly_once_in_order() {
    let app = TestApp::start_with(|c| c.events.heartbeat_seconds = 0.2).await;
    watcher_resumes(&app).await;
}

/// Needs a short heartbeat (run on every provider).
pub async fn watcher_resumes(app: &TestApp) {
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    let start = latest_cursor(app).await;
    let mut client = EventServiceClient::new(app.channel().await);
    let mut stream = watch(&mut client, 0).await;
    // The first heartbeat proves the watcher is following.
    let hb = stream.message().await.unwrap().unwrap();
    assert!(matches!(hb.item, Some(Item::Heartbeat(_))));
    for n in 0..10 {
        create_resource(app, &pool, &ty, n).await;
    }
    let got = read_events(&mut stream, 4).await;
    assert_eq!(got, (start + 1..=start + 4).collect::<Vec<_>>());
    drop(stream);
    for n in 10..20 {
        create_resource(app, &pool, &ty, n).await;
    }
    let mut resumed = watch(&mut client, *got.last().unwrap()).await;
    let rest = read_events(&mut resumed, 16).await;
    assert_eq!(
        rest,
        (start + 5..=start + 20).collect::<Vec<_>>(),
        "every event once, in order"
    );
    let e = app
        .get_ok(&format!("/events?after={}&limit=1", start + 4))
        .await;
    assert_eq!(e[0]["cursor"], start + 5);
}

#[tokio::test]
async fn a_cursor_older_than_retention_must_resync() {
    let app = TestApp::start_with(|c| c.events.retention_events = 5).await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    for n in 0..12 {
        create_resource(&app, &pool, &ty, n).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut client = EventServiceClient::new(app.channel().await);
    let status = client
        .watch(pb::WatchRequest {
            resume_cursor: 1,
            ..Default::default()
        })
        .await
        .expect_err("too old");
    assert_eq!(status.code(), Code::OutOfRange);
    assert!(
        status.message().contains("list afresh"),
        "{}",
        status.message()
    );
    let sse = app
        .http
        .get(app.url("/events/stream"))
        .header("last-event-id", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(sse.status(), StatusCode::GONE);
    assert_eq!(sse.headers()["content-type"], "application/problem+json");
    let retained = events_after(&app, 0).await;
    assert_eq!(retained.len(), 5, "retention keeps the newest 5");
    // The newest cursor is fine.
    let latest = retained.last().unwrap()["cursor"].as_u64().unwrap();
    let ok = client
        .watch(pb::WatchRequest {
            resume_cursor: latest,
            ..Default::default()
        })
        .await;
    assert!(ok.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_watchers_get_every_event_while_a_stalled_one_is_cut_off() {
    const WATCHERS: usize = 1000;
    const EVENTS: usize = 300;
    let app = TestApp::start_with(|c| {
        c.events.heartbeat_seconds = 0.3;
        c.events.watch_buffer = 32;
    })
    .await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    let start = latest_cursor(&app).await;

    let mut channels = Vec::new();
    for _ in 0..10 {
        channels.push(app.channel().await);
    }
    let following = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..WATCHERS {
        let mut client = EventServiceClient::new(channels[i % channels.len()].clone());
        let following = Arc::clone(&following);
        tasks.spawn(async move {
            let mut stream = watch(&mut client, 0).await;
            let mut cursors = Vec::new();
            let mut counted = false;
            while cursors.len() < EVENTS {
                let item = tokio::time::timeout(Duration::from_secs(60), stream.message()).await;
                match item {
                    Ok(Ok(Some(pb::WatchResponse {
                        item: Some(Item::Event(e)),
                    }))) => cursors.push(e.cursor),
                    Ok(Ok(Some(_))) => {
                        if !counted {
                            following.fetch_add(1, Ordering::SeqCst);
                            counted = true;
                        }
                    }
                    other => panic!("watcher {i} ended early: {other:?}"),
                }
            }
            cursors
        });
    }
    // The stalled watcher: its own connection with small HTTP/2 windows, never read until the end.
    let slow = tonic::transport::Channel::from_shared(app.url(""))
        .unwrap()
        .initial_stream_window_size(16 * 1024)
        .initial_connection_window_size(16 * 1024)
        .connect()
        .await
        .unwrap();
    let mut stalled_client = EventServiceClient::new(slow);
    let mut stalled = watch(&mut stalled_client, 0).await;
    for _ in 0..600 {
        if following.load(Ordering::SeqCst) == WATCHERS {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        following.load(Ordering::SeqCst),
        WATCHERS,
        "every watcher heard a heartbeat"
    );
    for n in 0..EVENTS {
        create_resource(&app, &pool, &ty, n).await;
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let expected: Vec<u64> = (start + 1..=start + EVENTS as u64).collect();
    let mut finished = 0;
    while let Some(result) = tasks.join_next().await {
        assert_eq!(
            result.unwrap(),
            expected,
            "a watcher missed, repeated or reordered events"
        );
        finished += 1;
    }
    assert_eq!(finished, WATCHERS);

    let mut received = Vec::new();
    let status = loop {
        match tokio::time::timeout(Duration::from_secs(10), stalled.message())
            .await
            .expect("stalled stream ends")
        {
            Ok(Some(pb::WatchResponse {
                item: Some(Item::Event(e)),
            })) => {
                received.push(e.cursor);
                assert!(
                    received.len() < EVENTS,
                    "the stalled watcher was not cut off"
                );
            }
            Ok(Some(pb::WatchResponse {
                item: Some(Item::Heartbeat(h)),
            })) => {
                assert!(
                    h.cursor < start + EVENTS as u64,
                    "the stalled watcher caught up: it was not cut off"
                );
            }
            Ok(Some(_)) => panic!("an empty watch item"),
            Ok(None) => panic!("the stalled watcher ended without a status"),
            Err(status) => break status,
        }
    };
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    let resume: u64 = status
        .metadata()
        .get("x-netweave-resume-cursor")
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(received.len() < EVENTS, "it was cut off before the end");
    assert_eq!(
        received,
        (start + 1..=resume).collect::<Vec<_>>(),
        "the resume cursor follows the last event it got"
    );
}

/// Reads SSE events (id, event, data) until `n` non-heartbeat ones arrived.
async fn sse_read(response: reqwest::Response, n: usize) -> Vec<(u64, String)> {
    let mut stream = response.bytes_stream();
    let mut buffer = String::new();
    let mut out = Vec::new();
    while out.len() < n {
        let chunk = tokio::time::timeout(Duration::from_secs(20), stream.next())
            .await
            .expect("sse data")
            .expect("open")
            .unwrap();
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let field = |name: &str| {
                block.lines().find_map(|l| {
                    l.strip_prefix(&format!("{name}:"))
                        .map(|v| v.trim().to_owned())
                })
            };
            if let (Some(id), Some(kind)) = (field("id"), field("event")) {
                if kind != "heartbeat" {
                    out.push((id.parse().unwrap(), kind));
                }
            }
        }
    }
    out
}

#[tokio::test]
async fn sse_resumes_from_last_event_id() {
    let app = TestApp::start_with(|c| c.events.heartbeat_seconds = 0.2).await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    let start = latest_cursor(&app).await;
    for n in 0..6 {
        create_resource(&app, &pool, &ty, n).await;
    }
    let response = app
        .http
        .get(app.url(&format!(
            "/events/stream?after={start}&type=o2ims.Resource.*"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let got = sse_read(response, 3).await;
    assert_eq!(
        got.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        vec![start + 1, start + 2, start + 3]
    );
    assert!(got.iter().all(|(_, k)| k == "o2ims.Resource.Created"));
    for n in 6..9 {
        create_resource(&app, &pool, &ty, n).await;
    }
    let response = app
        .http
        .get(app.url("/events/stream?type=o2ims.Resource.*"))
        .header("last-event-id", (start + 3).to_string())
        .send()
        .await
        .unwrap();
    let rest = sse_read(response, 6).await;
    assert_eq!(
        rest.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        (start + 4..=start + 9).collect::<Vec<_>>()
    );
}

fn sample(n: usize) -> Event {
    Event {
        event_id: uuid::Uuid::new_v4().to_string(),
        cursor: 0,
        source: EventSource::default(),
        event_type: if n.is_multiple_of(2) {
            "o2ims.Resource.Updated".into()
        } else {
            "o2ims.ResourcePool.Deleted".into()
        },
        object_kind: "Resource".into(),
        object_id: n.to_string(),
        object_ref: format!("/x/{n}"),
        prior_object_state: Some(json!({"n": n})),
        post_object_state: None,
        occurred_at: netweave::events::model::now_rfc3339(),
        published_at: String::new(),
        metadata: Default::default(),
    }
}

fn retention(max_events: u64) -> Retention {
    Retention {
        max_events,
        max_age: Duration::from_secs(3600),
    }
}

#[tokio::test]
async fn the_embedded_log_is_durable_and_bounded() {
    let dir = tempfile::tempdir().unwrap();
    {
        let log = EmbeddedLog::open(dir.path(), retention(100)).unwrap();
        let appended = log.append((0..10).map(sample).collect()).await.unwrap();
        assert_eq!(
            appended.iter().map(|e| e.cursor).collect::<Vec<_>>(),
            (1..=10).collect::<Vec<_>>()
        );
        assert!(appended.iter().all(|e| !e.published_at.is_empty()));
    }
    let log = EmbeddedLog::open(dir.path(), retention(8)).unwrap();
    let read = log.read(0, 100).await.unwrap();
    assert_eq!(read.len(), 10, "events survive reopening");
    assert_eq!(read[3], sample_like(&read[3]));
    let more = log.append(vec![sample(10)]).await.unwrap();
    assert_eq!(more[0].cursor, 11, "cursors continue after a restart");
    let bounds = log.bounds().await.unwrap();
    assert_eq!(
        (bounds.first, bounds.last),
        (4, 11),
        "retention keeps the newest 8"
    );
    assert!(bounds.is_too_old(2) && !bounds.is_too_old(3));
}

fn sample_like(e: &Event) -> Event {
    e.clone()
}

#[tokio::test]
async fn fire_and_forget_publishing_never_blocks_and_counts_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let log: Arc<dyn EventLog> =
        Arc::new(EmbeddedLog::open(dir.path(), retention(10_000)).unwrap());
    let shutdown = CancellationToken::new();
    let (publisher, _) = Publisher::start(Arc::clone(&log), 4, shutdown.clone());
    // No await between sends: the queue's drain cannot run, so all but 4 overflow.
    let accepted = (0..100)
        .filter(|n| publisher.publish_nowait(sample(*n)))
        .count();
    assert_eq!(accepted, 4);
    assert_eq!(publisher.overflowed(), 96);
    for _ in 0..100 {
        if log.bounds().await.unwrap().last == 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(
        log.bounds().await.unwrap().last,
        4,
        "accepted events are published"
    );
    let awaited = publisher.publish(vec![sample(1)]).await.unwrap();
    assert_eq!(
        awaited[0].cursor, 5,
        "awaited publishing returns the durable cursor"
    );
    shutdown.cancel();
}

#[tokio::test]
async fn in_process_handlers_match_globs_isolate_panics_and_unregister() {
    let dir = tempfile::tempdir().unwrap();
    let log: Arc<dyn EventLog> =
        Arc::new(EmbeddedLog::open(dir.path(), retention(10_000)).unwrap());
    let shutdown = CancellationToken::new();
    let (hub, _) = Hub::start(
        Arc::clone(&log),
        64,
        Duration::from_millis(50),
        shutdown.clone(),
    )
    .await
    .unwrap();
    let handlers = Arc::new(Handlers::default());
    let resources = Arc::new(AtomicUsize::new(0));
    let deletions = Arc::new(AtomicUsize::new(0));
    let r = Arc::clone(&resources);
    let id = handlers.register_fn("o2ims.Resource.*", move |_| {
        let r = Arc::clone(&r);
        async move {
            r.fetch_add(1, Ordering::SeqCst);
        }
    });
    let d = Arc::clone(&deletions);
    handlers.register_fn("*.*.Deleted", move |_| {
        let d = Arc::clone(&d);
        async move {
            d.fetch_add(1, Ordering::SeqCst);
        }
    });
    handlers.register_fn("*", |e| async move {
        panic!("handler bug on {}", e.cursor);
    });
    handlers.start(&hub, shutdown.clone());
    tokio::time::sleep(Duration::from_millis(100)).await;
    log.append((0..10).map(sample).collect()).await.unwrap();
    for _ in 0..200 {
        if resources.load(Ordering::SeqCst) == 5 && deletions.load(Ordering::SeqCst) == 5 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(resources.load(Ordering::SeqCst), 5);
    assert_eq!(deletions.load(Ordering::SeqCst), 5);
    assert_eq!(
        handlers.panics(),
        10,
        "the panicking handler is isolated and counted"
    );
    assert!(handlers.unregister(id));
    assert!(!handlers.unregister(id));
    log.append((0..4).map(sample).collect()).await.unwrap();
    for _ in 0..200 {
        if deletions.load(Ordering::SeqCst) == 7 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(deletions.load(Ordering::SeqCst), 7);
    assert_eq!(
        resources.load(Ordering::SeqCst),
        5,
        "an unregistered handler sees nothing more"
    );
    shutdown.cancel();
}

#[tokio::test]
async fn churn_produces_realistic_state_changes() {
    let app = TestApp::start_with(|c| c.edit_section(|s: &mut SimConfig| s.churn = 400.0)).await;
    let events = wait_for_events(&app, 0, 40).await;
    let mut fields = BTreeSet::new();
    for e in events
        .iter()
        .filter(|e| e["eventType"] == "o2ims.Resource.Updated")
    {
        let (prior, post) = (
            &e["priorObjectState"]["extensions"],
            &e["postObjectState"]["extensions"],
        );
        let changed: Vec<&String> = post
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| prior[k.as_str()] != post[k.as_str()])
            .collect();
        assert_eq!(changed.len(), 1, "one state changes at a time: {e}");
        fields.insert(changed[0].clone());
    }
    assert!(
        fields.len() >= 3,
        "several kinds of state change: {fields:?}"
    );
}

#[tokio::test]
async fn the_backend_change_feed_loses_nothing_and_holds_at_most_its_capacity() {
    use netweave::backend::{
        simulator::{SimSpec, Simulator},
        Backend, FeedItem, FEED_CAPACITY,
    };
    let sim = std::sync::Arc::new(Simulator::new(&SimSpec {
        seed: 1,
        pools: 2,
        resources: 100,
        read_only: false,
        o_cloud_id: "o".into(),
        tenants: Vec::new(),
    }));
    // More changes than the feed holds, made before anyone reads it: the backend waits.
    let steps = FEED_CAPACITY + 5_000;
    let churn = tokio::spawn({
        let sim = std::sync::Arc::clone(&sim);
        async move {
            let mut rng = fastrand::Rng::with_seed(9);
            let mut made = 0;
            for _ in 0..steps {
                made += usize::from(sim.churn_step(&mut rng).await);
            }
            made
        }
    });
    let mut feed = sim.take_changes().expect("the first caller takes the feed");
    assert!(sim.take_changes().is_none(), "the feed has one taker");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while feed.len() < FEED_CAPACITY && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        feed.len(),
        FEED_CAPACITY,
        "the feed fills up to its capacity"
    );
    assert!(
        !churn.is_finished(),
        "and the backend waits instead of queueing more"
    );
    let is_change = |item: &FeedItem| match item {
        FeedItem::Change(c) => {
            assert!(c.prior.is_some() || c.post.is_some());
            true
        }
        FeedItem::View(_) => false,
    };
    let first = feed.recv().await.unwrap();
    assert!(
        matches!(&first, FeedItem::View(v) if v.objects.len() > 100),
        "the complete view comes first"
    );
    let mut received = 0;
    while received < steps {
        let Ok(Some(change)) = tokio::time::timeout(Duration::from_secs(5), feed.recv()).await
        else {
            break;
        };
        assert!(is_change(&change), "one view, then changes");
        received += 1;
        if churn.is_finished() && feed.is_empty() {
            break;
        }
    }
    let made = churn.await.unwrap();
    while let Ok(change) = feed.try_recv() {
        assert!(is_change(&change), "one view, then changes");
        received += 1;
    }
    assert!(
        received >= made,
        "{received} changes received for {made} steps"
    );
}
