//! One test suite for every event-stream provider — the embedded log, Redis Streams, NATS
//! JetStream — run against the real thing: dense ordered cursors, reads after a cursor,
//! waiting, bounded retention, durability across reconnection, concurrent appenders.

use std::{future::Future, pin::Pin, sync::Arc, time::Duration};

use netweave::events::{
    embedded::{EmbeddedLog, Retention},
    model::now_rfc3339,
    nats::NatsLog,
    published::{self, Record},
    redis::RedisLog,
    Event, EventLog, EventSource,
};
use serde_json::json;

use crate::{
    harness::{unique_prefix, NatsServer, RedisServer, TestApp},
    receiver::{Mode, Receiver},
    webhooks::{signed_notifications, webhook_config},
};

const RETAINED: u64 = 20;

type Open = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Arc<dyn EventLog>> + Send>> + Send + Sync>;

fn event(n: usize) -> Event {
    Event {
        event_id: uuid::Uuid::new_v4().to_string(),
        cursor: 0,
        source: EventSource {
            backend: "test".into(),
            instance_id: "i".into(),
        },
        event_type: "o2ims.Resource.Updated".into(),
        object_kind: "Resource".into(),
        object_id: n.to_string(),
        object_ref: format!("/r/{n}"),
        prior_object_state: Some(json!({"n": n, "state": "LOCKED"})),
        post_object_state: Some(json!({"n": n, "state": "UNLOCKED"})),
        occurred_at: now_rfc3339(),
        published_at: String::new(),
        metadata: [("resourcePoolId".to_owned(), "p".to_owned())].into(),
    }
}

async fn provider_suite(open: Open) {
    let log = open().await;
    let fresh = log.bounds().await.unwrap();
    assert_eq!(fresh.last, 0);
    assert!(fresh.first > fresh.last, "an empty log retains nothing");

    let sent: Vec<Event> = (0..5).map(event).collect();
    let appended = log.append(sent.clone()).await.unwrap();
    assert_eq!(
        appended.iter().map(|e| e.cursor).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5]
    );
    assert!(appended.iter().all(|e| !e.published_at.is_empty()));
    let bounds = log.bounds().await.unwrap();
    assert_eq!((bounds.first, bounds.last), (1, 5));

    let read = log.read(0, 100).await.unwrap();
    assert_eq!(read, appended, "what is read is what was appended");
    let middle = log.read(2, 2).await.unwrap();
    assert_eq!(
        middle.iter().map(|e| e.cursor).collect::<Vec<_>>(),
        vec![3, 4]
    );
    assert!(log.read(5, 10).await.unwrap().is_empty());

    // wait() returns because an event arrived, well before its timeout.
    let other = open().await;
    let appender = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        other.append(vec![event(5)]).await.unwrap()
    });
    let started = std::time::Instant::now();
    log.wait(5, Duration::from_secs(10)).await.unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(9),
        "wait returned on the append"
    );
    assert_eq!(
        appender.await.unwrap()[0].cursor,
        6,
        "another connection continues the cursors"
    );

    // Two appenders at once: every cursor is used exactly once.
    let (a, b) = (open().await, open().await);
    let (ra, rb) = tokio::join!(
        a.append((10..15).map(event).collect()),
        b.append((20..25).map(event).collect())
    );
    let mut cursors: Vec<u64> = ra
        .unwrap()
        .iter()
        .chain(rb.unwrap().iter())
        .map(|e| e.cursor)
        .collect();
    cursors.sort_unstable();
    assert_eq!(cursors, (7..=16).collect::<Vec<_>>());

    // Retention keeps the newest RETAINED events.
    log.append((30..50).map(event).collect()).await.unwrap();
    let bounds = log.bounds().await.unwrap();
    assert_eq!(bounds.last, 36);
    assert_eq!(bounds.first, 36 - RETAINED + 1);
    assert!(bounds.is_too_old(1) && !bounds.is_too_old(bounds.first - 1));
    let retained = log.read(0, 100).await.unwrap();
    assert_eq!(
        retained.iter().map(|e| e.cursor).collect::<Vec<_>>(),
        (bounds.first..=36).collect::<Vec<_>>()
    );

    // A new connection (a restarted process) sees the same stream and continues it.
    drop(log);
    let reopened = open().await;
    assert_eq!(reopened.read(0, 100).await.unwrap(), retained);
    assert_eq!(
        reopened.append(vec![event(99)]).await.unwrap()[0].cursor,
        37
    );
    published_state(reopened, open).await;
}

/// The published state: what the events last said of each object, bounded by the objects
/// (not by retention), kept across connections; baselines recorded once.
async fn published_state(log: Arc<dyn EventLog>, open: Open) {
    let state = log.published().await.unwrap();
    let ids: Vec<usize> = (0..6)
        .chain(10..15)
        .chain(20..25)
        .chain(30..50)
        .chain([99])
        .collect();
    assert_eq!(
        state.objects.len(),
        ids.len(),
        "one record per object ever published"
    );
    for n in &ids {
        let record = &state.objects[&("i".to_owned(), format!("/r/{n}"))];
        assert_eq!(record.value(), json!({"n": n, "state": "UNLOCKED"}), "{n}");
        assert_eq!(
            (record.object_kind.as_str(), record.object_id.clone()),
            ("Resource", n.to_string())
        );
    }
    let mut gone = event(0);
    gone.event_type = "o2ims.Resource.Deleted".into();
    gone.post_object_state = None;
    log.append(vec![gone]).await.unwrap();
    assert!(state.instances.is_empty());
    let record = Record::new("ResourcePool", "p", &json!({"resourcePoolId": "p"}));
    let baseline = vec![(published::field("b", "/p"), published::encode(&record))];
    assert!(
        log.record_baseline("b", baseline.clone().into())
            .await
            .unwrap(),
        "recorded once"
    );
    assert!(
        !open()
            .await
            .record_baseline("b", baseline.into())
            .await
            .unwrap(),
        "and only once"
    );
    let again = open().await.published().await.unwrap();
    assert!(
        !again
            .objects
            .contains_key(&("i".to_owned(), "/r/0".to_owned())),
        "a deletion removes the record"
    );
    assert_eq!(again.objects.len(), ids.len());
    assert_eq!(again.objects[&("b".to_owned(), "/p".to_owned())], record);
    assert!(again.instances.contains("b"));
}

#[tokio::test]
async fn the_embedded_log_passes_the_provider_suite() {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    // redb allows one open handle per file: every "connection" shares it, as one process does.
    let log: Arc<dyn EventLog> = Arc::new(
        EmbeddedLog::open(
            dir.path(),
            Retention {
                max_events: RETAINED,
                max_age: Duration::from_secs(3600),
            },
        )
        .unwrap(),
    );
    provider_suite(Box::new(move || {
        let (log, _dir) = (Arc::clone(&log), Arc::clone(&dir));
        Box::pin(async move { log })
    }))
    .await;
}

#[tokio::test]
async fn redis_streams_pass_the_provider_suite() {
    let redis = RedisServer::start();
    let (url, prefix) = (redis.url.clone(), unique_prefix());
    provider_suite(Box::new(move || {
        let (url, prefix) = (url.clone(), prefix.clone());
        Box::pin(async move {
            Arc::new(RedisLog::connect(&url, &prefix, RETAINED).await.unwrap()) as Arc<dyn EventLog>
        })
    }))
    .await;
}

#[tokio::test]
async fn nats_jetstream_passes_the_provider_suite() {
    let nats = NatsServer::start();
    let (url, prefix) = (nats.url.clone(), unique_prefix());
    provider_suite(Box::new(move || {
        let (url, prefix) = (url.clone(), prefix.clone());
        Box::pin(async move {
            Arc::new(
                NatsLog::connect(&url, &prefix, RETAINED, Duration::from_secs(3600))
                    .await
                    .unwrap(),
            ) as Arc<dyn EventLog>
        })
    }))
    .await;
}

/// JetStream cannot write the stream and the KV bucket at once: a crash between them leaves
/// the bucket behind, and loading catches it up from the stream.
#[tokio::test]
async fn the_nats_published_state_catches_up_with_the_stream() {
    let nats = NatsServer::start();
    let prefix = unique_prefix();
    let log = NatsLog::connect(&nats.url, &prefix, 1000, Duration::from_secs(3600))
        .await
        .unwrap();
    log.append((0..3).map(event).collect()).await.unwrap();
    // As if the process died after the stream acknowledged: the bucket misses the last two.
    let client = async_nats::connect(&nats.url).await.unwrap();
    let bucket = async_nats::jetstream::new(client)
        .get_key_value(format!("{prefix}_events_published"))
        .await
        .unwrap();
    use base64::Engine;
    for n in 1..3 {
        let field = published::field("i", &format!("/r/{n}"));
        let key = format!(
            "o.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(field)
        );
        bucket.purge(key).await.unwrap();
    }
    bucket.put("cursor", "1".into()).await.unwrap();
    let state = log.published().await.unwrap();
    assert_eq!(state.objects.len(), 3, "caught up from the stream");
    assert_eq!(
        state.objects[&("i".to_owned(), "/r/2".to_owned())].value(),
        json!({"n": 2, "state": "UNLOCKED"})
    );
}

#[tokio::test]
async fn notifications_flow_end_to_end_on_nats() {
    let nats = NatsServer::start();
    let receiver = Receiver::start(Mode::Ok).await;
    let url = nats.url.clone();
    let app = TestApp::start_with(move |c| {
        webhook_config(c);
        c.nats_url = Some(url);
        c.redis_prefix = unique_prefix();
    })
    .await;
    signed_notifications(&app, &receiver).await;
}

#[tokio::test]
async fn redis_retention_also_trims_by_age() {
    let redis = RedisServer::start();
    let log = RedisLog::connect(&redis.url, &unique_prefix(), 1000)
        .await
        .unwrap();
    log.append((0..5).map(event).collect()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1200)).await;
    log.append((5..8).map(event).collect()).await.unwrap();
    assert_eq!(
        log.trim_by_age(Duration::from_secs(1)).await.unwrap(),
        5,
        "the five old events go"
    );
    let bounds = log.bounds().await.unwrap();
    assert_eq!((bounds.first, bounds.last), (6, 8));
    assert_eq!(
        log.trim_by_age(Duration::from_secs(1)).await.unwrap(),
        0,
        "nothing young is removed"
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(log.trim_by_age(Duration::from_secs(1)).await.unwrap(), 3);
    assert!(
        log.bounds().await.unwrap().first > 8,
        "an emptied stream keeps its last cursor"
    );
    assert_eq!(log.append(vec![event(9)]).await.unwrap()[0].cursor, 9);
}

/// A baseline recorded while another gateway loads the published state is seen whole or not
/// at all: never as an instance without its records (which would publish its whole inventory
/// as created). Redis reads the state in two commands; they come in the order that makes this
/// hold.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_baseline_is_never_loaded_half_recorded() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let writer = Arc::new(RedisLog::connect(&redis.url, &prefix, 100).await.unwrap());
    let reader = RedisLog::connect(&redis.url, &prefix, 100).await.unwrap();
    let records: Vec<(String, Vec<u8>)> = (0..200)
        .map(|n| {
            let record = Record::new("Resource", &n.to_string(), &json!({"n": n}));
            (
                published::field("x", &format!("/r/{n}")),
                published::encode(&record),
            )
        })
        .collect();
    for round in 0..100 {
        let instance = format!("i{round}");
        let records: Vec<(String, Vec<u8>)> = records
            .iter()
            .map(|(f, r)| (f.replacen('x', &instance, 1), r.clone()))
            .collect();
        let recording = tokio::spawn({
            let (writer, instance) = (Arc::clone(&writer), instance.clone());
            async move {
                writer
                    .record_baseline(&instance, records.into())
                    .await
                    .unwrap()
            }
        });
        while !recording.is_finished() {
            let state = reader.published().await.unwrap();
            if state.instances.contains(&instance) {
                let held = state.objects.keys().filter(|k| k.0 == instance).count();
                assert_eq!(
                    held, 200,
                    "round {round}: {instance} loaded with {held} of its records"
                );
            }
        }
        assert!(recording.await.unwrap());
    }
}
