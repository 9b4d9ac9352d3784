//! One test per loss path that faults together used to open: each fails on the code before
//! the fix. A transient error (store, stream, log) may delay a notification, never drop it.

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use async_trait::async_trait;
use netweave::{
    backend::{
        simulator::{SimSpec, Simulator},
        Backend, BackendRef, InventoryChange, Kind, Object, FEED_CAPACITY,
    },
    config::WebhooksConfig,
    domain::{objects::ResourcePool, Subscription},
    election::{Elector, Leadership},
    events::{
        embedded::{EmbeddedLog, Retention},
        published::Published,
        publisher::Publisher,
        pump::pump_backend,
        Bounds, Cursor, Event, EventError, EventLog, EventLogRef, EventSource,
    },
    security::outbound::Outbound,
    store::{embedded::EmbeddedStore, StoreError, StoreRef, SubscriptionStore},
    tmf::Hub,
    webhook::{
        embedded::EmbeddedQueue,
        queue::{DeliveryQueue, NewDelivery},
        CallbackPolicy, RetryPolicy, Secret, Sender, Webhooks,
    },
};
use tempfile::TempDir;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::{
    harness::{unique_prefix, RedisServer, TestApp},
    receiver::{Mode, Receiver},
    webhooks::{subscribe, SECRET},
};

/// A real component behind a switch: while `down`, every call fails as an outage would.
struct Outage<T> {
    inner: T,
    down: AtomicBool,
}

impl<T> Outage<T> {
    fn new(inner: T) -> Arc<Outage<T>> {
        Arc::new(Outage {
            inner,
            down: AtomicBool::new(false),
        })
    }

    fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    fn check<E>(&self, error: impl FnOnce(String) -> E) -> Result<(), E> {
        if self.down.load(Ordering::SeqCst) {
            return Err(error("connection refused (injected outage)".into()));
        }
        Ok(())
    }
}

#[async_trait]
impl SubscriptionStore for Outage<StoreRef> {
    fn name(&self) -> &'static str {
        "outage"
    }
    async fn health(&self) -> Result<(), StoreError> {
        self.check(StoreError::Unavailable)?;
        self.inner.health().await
    }
    async fn insert(&self, s: &Subscription) -> Result<(), StoreError> {
        self.check(StoreError::Unavailable)?;
        self.inner.insert(s).await
    }
    async fn get(&self, id: &str) -> Result<Option<Subscription>, StoreError> {
        self.check(StoreError::Unavailable)?;
        self.inner.get(id).await
    }
    async fn list(&self) -> Result<Vec<Subscription>, StoreError> {
        self.check(StoreError::Unavailable)?;
        self.inner.list().await
    }
    async fn remove(&self, id: &str) -> Result<bool, StoreError> {
        self.check(StoreError::Unavailable)?;
        self.inner.remove(id).await
    }
    async fn insert_hub(&self, hub: &Hub, s: &Subscription) -> Result<(), StoreError> {
        self.check(StoreError::Unavailable)?;
        self.inner.insert_hub(hub, s).await
    }
    async fn get_hub(&self, id: &str) -> Result<Option<Hub>, StoreError> {
        self.check(StoreError::Unavailable)?;
        self.inner.get_hub(id).await
    }
    async fn list_hubs(&self) -> Result<Vec<Hub>, StoreError> {
        self.check(StoreError::Unavailable)?;
        self.inner.list_hubs().await
    }
    async fn remove_hub(&self, id: &str) -> Result<bool, StoreError> {
        self.check(StoreError::Unavailable)?;
        self.inner.remove_hub(id).await
    }
}

#[async_trait]
impl EventLog for Outage<EventLogRef> {
    fn name(&self) -> &'static str {
        "outage"
    }
    async fn append(&self, events: Vec<Event>) -> Result<Vec<Event>, EventError> {
        self.check(EventError::Unavailable)?;
        self.inner.append(events).await
    }
    async fn append_fenced(
        &self,
        events: Vec<Event>,
        token: u64,
    ) -> Result<Vec<Event>, EventError> {
        self.check(EventError::Unavailable)?;
        self.inner.append_fenced(events, token).await
    }
    async fn fence(&self, token: u64) -> Result<(), EventError> {
        self.check(EventError::Unavailable)?;
        self.inner.fence(token).await
    }
    async fn read(&self, after: Cursor, max: usize) -> Result<Vec<Event>, EventError> {
        self.check(EventError::Unavailable)?;
        self.inner.read(after, max).await
    }
    async fn bounds(&self) -> Result<Bounds, EventError> {
        self.check(EventError::Unavailable)?;
        self.inner.bounds().await
    }
    async fn wait(&self, after: Cursor, timeout: Duration) -> Result<(), EventError> {
        self.check(EventError::Unavailable)?;
        self.inner.wait(after, timeout).await
    }
    async fn published(&self) -> Result<Published, EventError> {
        self.check(EventError::Unavailable)?;
        self.inner.published().await
    }
    async fn record_baseline(
        &self,
        instance: &str,
        records: Arc<[(String, Vec<u8>)]>,
    ) -> Result<bool, EventError> {
        self.check(EventError::Unavailable)?;
        self.inner.record_baseline(instance, records).await
    }
}

fn embedded_log(dir: &TempDir) -> Arc<EmbeddedLog> {
    let retention = Retention {
        max_events: 1_000_000,
        max_age: Duration::from_secs(3600),
    };
    Arc::new(EmbeddedLog::open(dir.path(), retention).unwrap())
}

fn source() -> EventSource {
    EventSource {
        backend: "simulator".into(),
        instance_id: "test".into(),
    }
}

fn pool_change(id: &str, name: &str, prior: Option<&str>) -> InventoryChange {
    let pool = |name: &str| {
        Object::ResourcePool(Arc::new(ResourcePool {
            resource_pool_id: id.into(),
            name: name.into(),
            ..Default::default()
        }))
    };
    InventoryChange {
        instance: String::new(),
        kind: Kind::ResourcePool,
        id: id.into(),
        prior: prior.map(pool),
        post: Some(pool(name)),
        durable: None,
    }
}

fn sender() -> Arc<Sender> {
    let policy = Arc::new(CallbackPolicy::new(&["127.0.0.0/8".into()]).unwrap());
    let outbound = Outbound::for_webhooks(
        &WebhooksConfig::default(),
        Duration::from_secs(10),
        CancellationToken::new(),
    )
    .unwrap();
    Arc::new(
        Sender::new(
            policy,
            vec![Secret::parse(SECRET).unwrap()],
            Duration::from_secs(2),
            RetryPolicy::default(),
            outbound,
        )
        .unwrap(),
    )
}

async fn wait_for(what: &str, within: Duration, mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + within;
    while !done() {
        assert!(std::time::Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// An embedded log and delivery queue in `dir` with one delivery per pool `p0..p<pools>`
/// dispatched to `subscription_id` and not attempted yet.
async fn queued(dir: &TempDir, subscription_id: &str, pools: usize) -> Arc<EmbeddedQueue> {
    let log = embedded_log(dir);
    let queue = Arc::new(EmbeddedQueue::open(log.database(), log.clone()).unwrap());
    let changes: Vec<Event> = (0..pools)
        .map(|n| Event::from_change(&pool_change(&format!("p{n}"), "a", None), &source()))
        .collect();
    let events = log.append(changes).await.unwrap();
    let deliveries: Vec<NewDelivery> = events
        .iter()
        .map(|e| NewDelivery {
            subscription_id: subscription_id.to_owned(),
            tenant: None,
            event: Arc::new(e.clone()),
        })
        .collect();
    queue
        .dispatch(events.last().unwrap().cursor, &deliveries)
        .await
        .unwrap();
    queue
}

/// Starts the dispatcher and senders; `stop` them with the token and set.
fn start_webhooks(
    queue: &Arc<EmbeddedQueue>,
    store: StoreRef,
    concurrency: usize,
) -> (CancellationToken, JoinSet<()>) {
    let webhooks = Arc::new(Webhooks {
        queue: queue.clone(),
        store,
        sender: sender(),
        concurrency,
        views: tokio::sync::Mutex::new(netweave::webhook::TenantViews::new(
            Default::default(),
            None,
        )),
    });
    let shutdown = CancellationToken::new();
    let mut tasks = JoinSet::new();
    webhooks.start(shutdown.clone(), &mut tasks);
    (shutdown, tasks)
}

async fn stop((shutdown, mut tasks): (CancellationToken, JoinSet<()>)) {
    shutdown.cancel();
    while tasks.join_next().await.is_some() {}
}

fn subscription_to(callback: String) -> Subscription {
    Subscription {
        subscription_id: uuid::Uuid::new_v4().to_string(),
        callback,
        ..Default::default()
    }
}

#[tokio::test]
async fn a_store_outage_at_lookup_delays_the_delivery_and_never_drops_it() {
    let dir = TempDir::new().unwrap();
    let inner: StoreRef = Arc::new(EmbeddedStore::open(&dir.path().join("store")).unwrap());
    let store = Outage::new(inner);
    let receiver = Receiver::start(Mode::Ok).await;
    let subscription = subscription_to(receiver.url("/smo"));
    store.insert(&subscription).await.unwrap();
    // Dispatched while the store answered; the store then goes away before any sender ran
    // (a freshly started worker: nothing cached).
    let queue = queued(&dir, &subscription.subscription_id, 1).await;
    store.set_down(true);
    let workers = start_webhooks(&queue, store.clone(), 4);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(receiver.received().is_empty(), "nothing can be sent yet");
    let waiting = queue
        .deliveries(&subscription.subscription_id)
        .await
        .unwrap();
    assert_eq!(
        waiting.len(),
        1,
        "the delivery waits for the store: {waiting:?}"
    );
    assert_eq!(waiting[0].attempts, 0, "an outage is not an attempt");
    assert!(
        waiting[0]
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("subscription lookup failed")),
        "{waiting:?}"
    );
    store.set_down(false);
    wait_for(
        "the delivery once the store is back",
        Duration::from_secs(10),
        || receiver.received().len() == 1,
    )
    .await;
    assert_eq!(queue.backlog().await.unwrap(), 0);
    stop(workers).await;
}

#[tokio::test]
async fn a_subscription_the_store_says_is_gone_is_dropped() {
    let dir = TempDir::new().unwrap();
    let store: StoreRef = Arc::new(EmbeddedStore::open(&dir.path().join("store")).unwrap());
    let queue = queued(&dir, &uuid::Uuid::new_v4().to_string(), 1).await;
    let workers = start_webhooks(&queue, store, 4);
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while queue.backlog().await.unwrap() > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "a positive 'gone' drops it"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop(workers).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_consumer_group_resumes_after_the_last_dispatched_event() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let app = TestApp::start_with(crate::redis_events::on_redis(&redis, &prefix)).await;
    let receiver = Receiver::start(Mode::Ok).await;
    subscribe(
        &app,
        &receiver.url("/smo"),
        Some("(eq,objectKind,OCloudSite)"),
    )
    .await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let create = |name: String| {
        let (app, site) = (&app, site.clone());
        async move {
            let reply = app
                .call(
                    reqwest::Method::POST,
                    &format!("{}/resourcePools", crate::harness::V2),
                    Some(serde_json::json!({"name": name, "oCloudSiteId": site})),
                )
                .await;
            assert_eq!(reply.status, reqwest::StatusCode::CREATED, "{}", reply.body);
        }
    };
    for n in 0..3 {
        create(format!("before{n}")).await;
    }
    wait_for("the first notifications", Duration::from_secs(10), || {
        receiver.received().len() == 3
    })
    .await;
    // Hold the dispatcher lease elsewhere, lose the group, append while it is missing.
    let mut conn = redis.connection();
    let tag = format!("{{{prefix}}}");
    let _: () = redis::cmd("SET")
        .arg(format!("{tag}:dispatcher"))
        .arg("someone-else")
        .arg("PX")
        .arg(60_000)
        .query(&mut conn)
        .unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let _: i64 = redis::cmd("XGROUP")
        .arg("DESTROY")
        .arg(format!("{tag}:events"))
        .arg("webhooks")
        .query(&mut conn)
        .unwrap();
    for n in 0..4 {
        create(format!("while-lost{n}")).await;
    }
    let _: i64 = redis::cmd("DEL")
        .arg(format!("{tag}:dispatcher"))
        .query(&mut conn)
        .unwrap();
    for n in 0..2 {
        create(format!("after{n}")).await;
    }
    wait_for(
        "every change, also those appended while the group was missing",
        Duration::from_secs(15),
        || receiver.received().len() >= 9,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let ids: std::collections::BTreeSet<String> = receiver
        .received()
        .iter()
        .map(|r| r.header("webhook-id").to_owned())
        .collect();
    assert_eq!(ids.len(), 9, "each change once, none lost");
}

/// An elector the test decides for.
struct Switch(AtomicBool);

#[async_trait]
impl Elector for Switch {
    fn name(&self) -> &'static str {
        "switch"
    }
    async fn acquire_or_renew(&self) -> anyhow::Result<Option<u64>> {
        Ok(self.0.load(Ordering::SeqCst).then_some(1))
    }
    async fn release(&self) -> anyhow::Result<()> {
        Ok(())
    }
}

fn simulator() -> Arc<Simulator> {
    Arc::new(Simulator::new(&SimSpec {
        seed: 3,
        pools: 1,
        resources: 2,
        read_only: false,
        o_cloud_id: "o".into(),
        tenants: Vec::new(),
    }))
}

/// The simulator's first O-Cloud site.
async fn site_of(sim: &Simulator) -> String {
    sim.list(
        netweave::backend::Scope {
            kind: Kind::OCloudSite,
            parent: None,
        },
        &Default::default(),
    )
    .await
    .unwrap()
    .items[0]
        .id()
        .to_owned()
}

async fn create_pools(sim: &Simulator, names: &[String]) {
    let site = site_of(sim).await;
    for name in names {
        sim.create_resource_pool(ResourcePool {
            name: name.clone(),
            o_cloud_site_id: site.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    }
}

/// A maker of pools on `sim`'s first site, and two fresh pool ids.
async fn pools_one_and_two(
    sim: &Simulator,
) -> (impl Fn(&str, &str) -> ResourcePool, String, String) {
    let site = site_of(sim).await;
    let pool = move |id: &str, name: &str| ResourcePool {
        resource_pool_id: id.into(),
        name: name.into(),
        o_cloud_site_id: site.clone(),
        ..Default::default()
    };
    let id = || uuid::Uuid::new_v4().to_string();
    (pool, id(), id())
}

fn pool_names(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter(|e| e.object_kind == "ResourcePool")
        .filter_map(|e| e.post_object_state.as_ref())
        .filter_map(|s| s["name"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_take_over_publishes_what_the_old_leader_never_did_however_late() {
    let dir = TempDir::new().unwrap();
    let log: EventLogRef = embedded_log(&dir);
    let shutdown = CancellationToken::new();
    let (publisher, _) = Publisher::start(log.clone(), 64, shutdown.clone());
    let elector = Arc::new(Switch(AtomicBool::new(false)));
    let leadership = Leadership::run(elector.clone(), Duration::from_secs(1), shutdown.clone());
    let sim = simulator();
    let backend: BackendRef = sim.clone();
    let (pump, _) = pump_backend(
        &backend,
        publisher,
        source(),
        leadership.clone(),
        shutdown.clone(),
    );
    // A follower derives two changes; the leader dies before publishing them and the take-over
    // comes long after: the old code dropped held changes after 60 s (real time, so that a
    // timer of any clock would have fired).
    let names: Vec<String> = vec!["held-1".into(), "held-2".into()];
    create_pools(&sim, &names).await;
    tokio::time::sleep(Duration::from_secs(65)).await;
    assert!(
        log.read(0, 100).await.unwrap().is_empty(),
        "a follower publishes nothing"
    );
    elector.0.store(true, Ordering::SeqCst);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut published = Vec::new();
    while std::time::Instant::now() < deadline {
        published = log.read(0, 100).await.unwrap();
        if pool_names(&published).len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        pool_names(&published),
        names,
        "published once, in order, by the new leader"
    );
    shutdown.cancel();
    let _ = pump.await;
}

/// Two replicas watching one O-Cloud (two simulators given the same writes): the leader
/// publishes, dies; the cloud changes; the follower takes over and publishes only what the
/// stream lacks, each with the prior the stream last showed — nothing twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_take_over_publishes_only_what_the_stream_lacks_with_the_prior_it_showed() {
    let dir = TempDir::new().unwrap();
    let log: EventLogRef = embedded_log(&dir);
    let (leader_stop, follower_stop) = (CancellationToken::new(), CancellationToken::new());
    let (a, b) = (simulator(), simulator());
    let (publisher_a, _) = Publisher::start(log.clone(), 64, leader_stop.clone());
    let (publisher_b, _) = Publisher::start(log.clone(), 64, follower_stop.clone());
    let elector = Arc::new(Switch(AtomicBool::new(false)));
    let following = Leadership::run(
        elector.clone(),
        Duration::from_secs(1),
        follower_stop.clone(),
    );
    let (backend_a, backend_b): (BackendRef, BackendRef) = (a.clone(), b.clone());
    let (pump_a, _) = pump_backend(
        &backend_a,
        publisher_a,
        source(),
        Leadership::always(),
        leader_stop.clone(),
    );
    let (pump_b, ready_b) = pump_backend(
        &backend_b,
        publisher_b,
        source(),
        following,
        follower_stop.clone(),
    );
    wait_for(
        "the follower took in its view",
        Duration::from_secs(5),
        || ready_b.is_ready(),
    )
    .await;
    let (pool, one, two) = pools_one_and_two(&a).await;
    for sim in [&a, &b] {
        sim.create_resource_pool(pool(&one, "one")).await.unwrap();
    }
    // The leader's write answered: its event is in the log. Then the leader dies.
    leader_stop.cancel();
    let _ = pump_a.await;
    b.create_resource_pool(pool(&two, "two")).await.unwrap();
    b.update_resource_pool(pool(&one, "uno")).await.unwrap();
    assert_eq!(
        pool_names(&log.read(0, 100).await.unwrap()),
        ["one"],
        "the follower published nothing"
    );
    elector.0.store(true, Ordering::SeqCst);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while pool_names(&log.read(0, 100).await.unwrap()).len() < 3 {
        assert!(
            std::time::Instant::now() < deadline,
            "the take-over published"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let events = log.read(0, 100).await.unwrap();
    let pools: Vec<(String, Option<String>, Option<String>)> = events
        .iter()
        .filter(|e| e.object_kind == "ResourcePool")
        .map(|e| {
            let name = |s: &Option<serde_json::Value>| {
                s.as_ref()
                    .and_then(|s| s["name"].as_str().map(str::to_owned))
            };
            (
                e.event_type.clone(),
                name(&e.prior_object_state),
                name(&e.post_object_state),
            )
        })
        .collect();
    assert_eq!(
        pools,
        [
            (
                "o2ims.ResourcePool.Created".to_owned(),
                None,
                Some("one".to_owned())
            ),
            (
                "o2ims.ResourcePool.Created".to_owned(),
                None,
                Some("two".to_owned())
            ),
            (
                "o2ims.ResourcePool.Updated".to_owned(),
                Some("one".to_owned()),
                Some("uno".to_owned())
            ),
        ],
        "the take-over adds only what the stream lacked, in the order it happened"
    );
    let sites = events
        .iter()
        .filter(|e| e.object_kind == "OCloudSite")
        .count();
    assert_eq!(
        sites, 2,
        "the site: once when the leader linked 'one', once for 'two'"
    );
    follower_stop.cancel();
    let _ = pump_b.await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_event_log_down_pauses_the_backend_and_loses_nothing() {
    let dir = TempDir::new().unwrap();
    let log = Outage::new(embedded_log(&dir) as EventLogRef);
    let shutdown = CancellationToken::new();
    let (publisher, _) = Publisher::start(log.clone(), 64, shutdown.clone());
    let sim = simulator();
    let backend: BackendRef = sim.clone();
    let (pump, _) = pump_backend(
        &backend,
        publisher,
        source(),
        Leadership::always(),
        shutdown.clone(),
    );
    log.set_down(true);
    // Each pool creation is two changes (the pool, its site): more than the feed holds.
    let names: Vec<String> = (0..FEED_CAPACITY / 2 + 1_000)
        .map(|n| format!("pool-{n:05}"))
        .collect();
    let writer = tokio::spawn({
        let (sim, names) = (sim.clone(), names.clone());
        async move { create_pools(&sim, &names).await }
    });
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        !writer.is_finished(),
        "with the log down the backend's writes wait once the feed is full"
    );
    let made = sim
        .list(
            netweave::backend::Scope {
                kind: Kind::ResourcePool,
                parent: None,
            },
            &Default::default(),
        )
        .await
        .unwrap()
        .items
        .len();
    assert!(
        made < names.len() && made <= FEED_CAPACITY,
        "{made} pools made while the log was down"
    );
    log.set_down(false);
    // Generous: each of the 6,000 pool writes is a durable commit, about 10 ms on a slow
    // disk; the test is that they resume, not how fast.
    tokio::time::timeout(Duration::from_secs(240), writer)
        .await
        .expect("the writes resume once the log is back")
        .unwrap();
    let mut all = Vec::new();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let after = all.last().map_or(0, |e: &Event| e.cursor);
        let more = log.read(after, 10_000).await.unwrap();
        all.extend(more);
        if pool_names(&all).len() >= names.len() || std::time::Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(pool_names(&all), names, "every change published, in order");
    shutdown.cancel();
    let _ = pump.await;
}

/// With every sender busy and more deliveries due, the worker waits for a sender; it used to
/// spin (claim nothing, the queue says "due now", claim nothing…) without ever yielding, which
/// starved the very tasks that would have freed a sender: the process stopped delivering.
#[test]
fn busy_senders_with_more_due_never_starve_the_runtime() {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let dir = TempDir::new().unwrap();
            let store: StoreRef = Arc::new(EmbeddedStore::open(&dir.path().join("store")).unwrap());
            let receiver = Receiver::start(Mode::Slow(Duration::from_millis(100))).await;
            let subscription = subscription_to(receiver.url("/smo"));
            store.insert(&subscription).await.unwrap();
            let queue = queued(&dir, &subscription.subscription_id, 6).await;
            let workers = start_webhooks(&queue, store, 1);
            while receiver.received().len() < 6 {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            stop(workers).await;
            let _ = done.send(());
        });
    });
    finished
        .recv_timeout(Duration::from_secs(30))
        .expect("all six delivered one at a time: the delivery loop yields while senders are busy");
}

/// An elector the test hands a fencing token (0: not leading).
struct Tokened(std::sync::atomic::AtomicU64);

#[async_trait]
impl Elector for Tokened {
    fn name(&self) -> &'static str {
        "tokened"
    }
    async fn acquire_or_renew(&self) -> anyhow::Result<Option<u64>> {
        let token = self.0.load(Ordering::SeqCst);
        Ok((token > 0).then_some(token))
    }
    async fn release(&self) -> anyhow::Result<()> {
        Ok(())
    }
}

/// Split brain: a leader that lost its lead without noticing (token 1) and the one that took
/// over (token 2) both see the O-Cloud change. The new leader raised the log's fence when it
/// took over, so the old one's append is refused (and counted) and the stream says each change
/// once. Unfenced, the old leader's append lands too: the change twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deposed_leaders_late_append_is_refused_and_each_change_is_told_once() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let connect = || async {
        let log = netweave::events::redis::RedisLog::connect(&redis.url, &prefix, 100_000);
        Arc::new(log.await.unwrap()) as EventLogRef
    };
    split_brain([connect().await, connect().await, connect().await]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deposed_leaders_late_append_is_refused_on_nats_too() {
    let nats = crate::harness::NatsServer::start();
    let prefix = unique_prefix();
    let connect = || async {
        let log = netweave::events::nats::NatsLog::connect(
            &nats.url,
            &prefix,
            100_000,
            Duration::from_secs(3600),
        );
        Arc::new(log.await.unwrap()) as EventLogRef
    };
    split_brain([connect().await, connect().await, connect().await]).await;
}

/// `logs`: the old leader's, the new leader's and the test's own connection to one log.
async fn split_brain(logs: [EventLogRef; 3]) {
    let [log_a, log_b, log] = logs;
    // The recorder first: a count made before it exists is lost.
    let counted = || {
        netweave::metrics::handle()
            .render()
            .lines()
            .find_map(|l| l.strip_prefix("netweave_events_fenced_total "))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let before = counted();
    let shutdown = CancellationToken::new();
    let (a, b) = (simulator(), simulator());
    let (publisher_a, _) = Publisher::start(log_a, 64, shutdown.clone());
    let (publisher_b, _) = Publisher::start(log_b, 64, shutdown.clone());
    let (old, new) = (Arc::new(Tokened(1.into())), Arc::new(Tokened(0.into())));
    let lease = Duration::from_secs(1);
    let (backend_a, backend_b): (BackendRef, BackendRef) = (a.clone(), b.clone());
    let (pump_a, ready_a) = pump_backend(
        &backend_a,
        publisher_a,
        source(),
        Leadership::run(old.clone(), lease, shutdown.clone()),
        shutdown.clone(),
    );
    let (pump_b, ready_b) = pump_backend(
        &backend_b,
        publisher_b,
        source(),
        Leadership::run(new.clone(), lease, shutdown.clone()),
        shutdown.clone(),
    );
    wait_for("both took in their view", Duration::from_secs(5), || {
        ready_a.is_ready() && ready_b.is_ready()
    })
    .await;
    let (pool, one, two) = pools_one_and_two(&a).await;
    for sim in [&a, &b] {
        sim.create_resource_pool(pool(&one, "one")).await.unwrap();
    }
    // B takes over (token 2) and raises the fence; A still believes it leads.
    new.0.store(2, Ordering::SeqCst);
    // Raised once the log refuses the old token.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !matches!(
        log.fence(1).await,
        Err(EventError::Fenced { token: 1, fence: 2 })
    ) {
        assert!(std::time::Instant::now() < deadline, "B raised the fence");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // The O-Cloud changes; both replicas see it.
    for sim in [&a, &b] {
        sim.create_resource_pool(pool(&two, "two")).await.unwrap();
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !pool_names(&log.read(0, 100).await.unwrap()).contains(&"two".to_owned()) {
        assert!(std::time::Instant::now() < deadline, "B published");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // A's append is refused whenever it comes; give it time to come.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while counted() < before + 1.0 {
        assert!(
            std::time::Instant::now() < deadline,
            "A's late append refused and counted"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        pool_names(&log.read(0, 100).await.unwrap()),
        ["one", "two"],
        "each change once"
    );
    shutdown.cancel();
    let _ = tokio::join!(pump_a, pump_b);
}
