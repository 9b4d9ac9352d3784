//! Faults together: seeded, randomised schedules of SIGKILLed gateways and workers, Redis
//! killed and restarted (AOF, fsync always) or cut off through a proxy (partition, latency,
//! reset connections), NATS restarted with JetStream, receivers answering 5xx / 429, timing
//! out, resetting connections or answering slowly, and subscriptions deleted and re-created —
//! while changes are made through the write extension. After each schedule every accepted
//! change must have reached every subscription that existed when it was made, in order per
//! object, with nothing left unfinished and no dead letter. Duplicates are counted.
//!
//! `cargo test --test it chaos` runs a few seeds per store (seed 0 on Redis is the issue's
//! scenario); `make chaos` runs 20 per store and prints the table. `NW_CHAOS_SEEDS=7,19`
//! reruns given seeds, `NW_CHAOS_RUNS=n` seeds `0..n`. Process logs of each run are kept in
//! `target/tmp/chaos/<store>-<seed>-<pid>/` (the pid keeps concurrent runs apart).

mod procs;
mod proxy;
mod receiver;

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    path::PathBuf,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use procs::{ready, Proc};
use proxy::{Link, Proxy};
use receiver::{Fault, FaultyReceiver};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::{
    harness::{free_port, unique_prefix, NatsServer, RedisServer, V2},
    webhooks::SECRET,
};

/// Changes per schedule.
const CHANGES: usize = 300;
/// Every this many creations, the pool is also updated (an ordered second change).
const UPDATE_EVERY: usize = 5;
/// Pause between changes, so that a fault window of some changes lasts a while.
const PACE: Duration = Duration::from_millis(15);
/// How long delivery may take after the last change before a notification counts as lost.
const DRAIN_LIMIT: Duration = Duration::from_secs(120);

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Store {
    Redis,
    Embedded,
    Nats,
}

#[derive(Clone, Debug)]
enum Action {
    Receiver(Fault),
    KillWorker { which: usize, down: Duration },
    KillGateway { down: Duration },
    RedisDown { down: Duration },
    Partition { down: Duration },
    Latency { during: Duration },
    ResetConnections,
    NatsDown { down: Duration },
    Resubscribe,
}

impl Action {
    fn label(&self) -> String {
        let ms = |d: &Duration| d.as_millis();
        match self {
            Action::Receiver(f) => format!("rx:{}", f.label()),
            Action::KillWorker { which, down } => format!("kill-w{which}({}ms)", ms(down)),
            Action::KillGateway { down } => format!("kill-gw({}ms)", ms(down)),
            Action::RedisDown { down } => format!("redis-restart({}ms)", ms(down)),
            Action::Partition { down } => format!("partition({}ms)", ms(down)),
            Action::Latency { during } => format!("latency({}ms)", ms(during)),
            Action::ResetConnections => "conn-reset".into(),
            Action::NatsDown { down } => format!("nats-restart({}ms)", ms(down)),
            Action::Resubscribe => "resubscribe".into(),
        }
    }
}

pub struct Schedule {
    actions: Vec<(usize, Action)>,
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

impl Schedule {
    pub fn new(store: Store, seed: u64) -> Schedule {
        if store == Store::Redis && seed == 0 {
            // The scenario: receiver 503 + Retry-After 1 for changes 50–100, a worker
            // SIGKILLed and restarted at 150, Redis shut down and restarted at 200.
            return Schedule {
                actions: vec![
                    (50, Action::Receiver(Fault::Status(503))),
                    (100, Action::Receiver(Fault::None)),
                    (
                        150,
                        Action::KillWorker {
                            which: 0,
                            down: ms(500),
                        },
                    ),
                    (200, Action::RedisDown { down: ms(1000) }),
                ],
            };
        }
        let mut rng =
            fastrand::Rng::with_seed(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ store as u64);
        let mut actions = Vec::new();
        let faults = [
            Fault::Status(503),
            Fault::Status(500),
            Fault::Status(429),
            Fault::Hang,
            Fault::Reset,
            Fault::Slow,
        ];
        let windows = rng.usize(1..=2);
        let mut start = rng.usize(10..120);
        for _ in 0..windows {
            let len = rng.usize(20..70);
            actions.push((start, Action::Receiver(faults[rng.usize(..faults.len())])));
            actions.push((
                (start + len).min(CHANGES - 1),
                Action::Receiver(Fault::None),
            ));
            start = (start + len + rng.usize(10..60)).min(CHANGES - 2);
        }
        let at = |rng: &mut fastrand::Rng| rng.usize(20..CHANGES - 10);
        match store {
            Store::Redis => {
                let down = ms(rng.u64(200..1500));
                actions.push((at(&mut rng), Action::KillWorker { which: 0, down }));
                if rng.bool() {
                    let down = ms(rng.u64(200..1500));
                    actions.push((at(&mut rng), Action::KillWorker { which: 1, down }));
                }
                let down = ms(rng.u64(300..2000));
                actions.push((at(&mut rng), Action::RedisDown { down }));
                if rng.bool() {
                    let down = ms(rng.u64(500..3000));
                    actions.push((at(&mut rng), Action::Partition { down }));
                }
                if rng.bool() {
                    let during = ms(rng.u64(500..2000));
                    actions.push((at(&mut rng), Action::Latency { during }));
                }
                if rng.bool() {
                    actions.push((at(&mut rng), Action::ResetConnections));
                }
                if rng.u8(..3) == 0 {
                    let down = ms(rng.u64(100..1000));
                    actions.push((at(&mut rng), Action::KillGateway { down }));
                }
            }
            Store::Embedded => {
                for _ in 0..rng.usize(1..=2) {
                    let down = ms(rng.u64(100..1000));
                    actions.push((at(&mut rng), Action::KillGateway { down }));
                }
            }
            Store::Nats => {
                let down = ms(rng.u64(300..2000));
                actions.push((at(&mut rng), Action::NatsDown { down }));
                if rng.bool() {
                    let down = ms(rng.u64(100..1000));
                    actions.push((at(&mut rng), Action::KillGateway { down }));
                }
            }
        }
        for _ in 0..rng.usize(0..=2) {
            actions.push((at(&mut rng), Action::Resubscribe));
        }
        actions.sort_by_key(|(at, _)| *at);
        Schedule { actions }
    }

    pub fn describe(&self) -> String {
        self.actions
            .iter()
            .map(|(at, a)| format!("{at}:{}", a.label()))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What a run found.
pub struct Outcome {
    pub schedule: String,
    pub accepted: usize,
    pub expected: usize,
    pub missing: Vec<String>,
    pub out_of_order: Vec<String>,
    pub duplicates: usize,
    /// Requests the receiver refused or reset (its faults at work).
    pub refused: u64,
    pub unfinished: usize,
    pub dead_letters: usize,
    pub drain: Duration,
    pub logs: PathBuf,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.missing.is_empty()
            && self.out_of_order.is_empty()
            && self.unfinished == 0
            && self.dead_letters == 0
    }
}

struct World {
    redis: Option<Arc<Mutex<RedisServer>>>,
    proxy: Option<Arc<Proxy>>,
    nats: Option<Arc<Mutex<NatsServer>>>,
    gateway: Arc<Mutex<Proc>>,
    workers: Vec<Arc<Mutex<Proc>>>,
    base: String,
    http: reqwest::Client,
}

fn common_env() -> Vec<(String, String)> {
    [
        ("NETWEAVE_WEBHOOKS__TIMEOUT_SECONDS", "1"),
        ("NETWEAVE_WEBHOOKS__BASE_DELAY_MS", "50"),
        ("NETWEAVE_WEBHOOKS__MAX_DELAY_SECONDS", "1"),
        // Faults here end: no delivery should run out of attempts.
        ("NETWEAVE_WEBHOOKS__MAX_ATTEMPTS", "1000"),
        ("NETWEAVE_WEBHOOKS__CONCURRENCY", "8"),
        ("RUST_BACKTRACE", "1"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

pub fn netweave_args(command: &str, port: u16) -> Vec<String> {
    [
        command,
        "--listen",
        &format!("127.0.0.1:{port}"),
        "--webhook-secret",
        SECRET,
        "--callback-allow",
        "127.0.0.0/8",
        "--log-level",
        "warn",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect()
}

impl World {
    async fn start(store: Store, dir: &std::path::Path) -> World {
        let (mut redis, mut proxy, mut nats) = (None, None, None);
        let mut extra: Vec<String> = Vec::new();
        let prefix = unique_prefix();
        match store {
            Store::Redis => {
                let server = RedisServer::start_persistent();
                let p = Proxy::start(server.port()).await;
                extra.extend([
                    "--redis-url".into(),
                    format!("redis://127.0.0.1:{}/", p.port),
                    "--redis-prefix".into(),
                    prefix.clone(),
                ]);
                redis = Some(Arc::new(Mutex::new(server)));
                proxy = Some(Arc::new(p));
            }
            Store::Nats => {
                let server = NatsServer::start();
                extra.extend(["--nats-url".into(), server.url.clone()]);
                nats = Some(Arc::new(Mutex::new(server)));
            }
            Store::Embedded => {}
        }
        let port = free_port();
        let mut args = netweave_args("serve", port);
        args.extend(["--data-dir".into(), dir.join("data").display().to_string()]);
        args.extend([
            "--sim-pools".into(),
            "2".into(),
            "--sim-resources".into(),
            "10".into(),
        ]);
        args.extend(extra.iter().cloned());
        let mut env = common_env();
        if store == Store::Redis {
            env.push(("NETWEAVE_WEBHOOKS__WORKERS".into(), "false".into()));
        }
        let base = format!("http://127.0.0.1:{port}");
        let gateway = Proc::new(args, env, dir.join("gateway.log"), format!("{base}/readyz"));
        assert!(
            ready(&gateway.health_url(), Duration::from_secs(30)).await,
            "the gateway starts (log: {})",
            dir.join("gateway.log").display()
        );
        let mut workers = Vec::new();
        if store == Store::Redis {
            for n in 0..2 {
                let port = free_port();
                let mut args = netweave_args("worker", port);
                args.extend(extra.iter().cloned());
                let worker = Proc::new(
                    args,
                    common_env(),
                    dir.join(format!("worker{n}.log")),
                    format!("http://127.0.0.1:{port}/healthz"),
                );
                assert!(ready(&worker.health_url(), Duration::from_secs(30)).await);
                workers.push(Arc::new(Mutex::new(worker)));
            }
        }
        World {
            redis,
            proxy,
            nats,
            gateway: Arc::new(Mutex::new(gateway)),
            workers,
            base,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(20))
                .build()
                .unwrap(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends until the gateway gives an answer that is not a transient failure.
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            let mut request = self.http.request(method.clone(), self.url(path));
            if let Some(b) = &body {
                request = request.json(b);
            }
            match request.send().await {
                Ok(r) if !r.status().is_server_error() => {
                    let status = r.status();
                    let body = r.json().await.unwrap_or(Value::Null);
                    return (status, body);
                }
                _ => {}
            }
            assert!(
                Instant::now() < deadline,
                "{method} {path}: no answer for 90 s"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn subscribe(&self, callback: &str) -> String {
        let body = json!({
            "callback": callback,
            "consumerSubscriptionId": uuid::Uuid::new_v4().to_string(),
            "filter": "(eq,objectKind,OCloudSite)",
        });
        let (status, reply) = self
            .call(
                reqwest::Method::POST,
                &format!("{V2}/subscriptions"),
                Some(body),
            )
            .await;
        if status == StatusCode::CREATED {
            return reply["subscriptionId"].as_str().unwrap().to_owned();
        }
        assert_eq!(status, StatusCode::CONFLICT, "{reply}");
        // Created by an attempt whose answer was lost.
        let (_, all) = self
            .call(reqwest::Method::GET, &format!("{V2}/subscriptions"), None)
            .await;
        all.as_array()
            .unwrap()
            .iter()
            .find(|s| s["callback"] == callback)
            .and_then(|s| s["subscriptionId"].as_str())
            .expect("the conflicting subscription is listed")
            .to_owned()
    }

    async fn unsubscribe(&self, id: &str) {
        let (status, reply) = self
            .call(
                reqwest::Method::DELETE,
                &format!("{V2}/subscriptions/{id}"),
                None,
            )
            .await;
        assert!(
            status == StatusCode::NO_CONTENT
                || status == StatusCode::OK
                || status == StatusCode::NOT_FOUND,
            "{status} {reply}"
        );
    }

    /// Performs `action`; timed faults heal in a background task while changes go on.
    fn act(&self, action: &Action, receiver: &FaultyReceiver) {
        match action.clone() {
            Action::Receiver(f) => receiver.set(f),
            Action::KillWorker { which, down } => {
                let worker = Arc::clone(&self.workers[which]);
                worker.lock().unwrap().kill();
                tokio::spawn(async move {
                    tokio::time::sleep(down).await;
                    worker.lock().unwrap().start();
                });
            }
            Action::KillGateway { down } => {
                let gateway = Arc::clone(&self.gateway);
                gateway.lock().unwrap().kill();
                tokio::spawn(async move {
                    tokio::time::sleep(down).await;
                    gateway.lock().unwrap().start();
                });
            }
            Action::RedisDown { down } => {
                let redis = Arc::clone(self.redis.as_ref().unwrap());
                redis.lock().unwrap().kill();
                tokio::spawn(async move {
                    tokio::time::sleep(down).await;
                    tokio::task::spawn_blocking(move || redis.lock().unwrap().revive())
                        .await
                        .unwrap();
                });
            }
            Action::Partition { down } => {
                let proxy = Arc::clone(self.proxy.as_ref().unwrap());
                proxy.set(Link::Down);
                tokio::spawn(async move {
                    tokio::time::sleep(down).await;
                    proxy.set(Link::Up);
                });
            }
            Action::Latency { during } => {
                let proxy = Arc::clone(self.proxy.as_ref().unwrap());
                proxy.set(Link::Slow(Duration::from_millis(40)));
                tokio::spawn(async move {
                    tokio::time::sleep(during).await;
                    proxy.set(Link::Up);
                });
            }
            Action::ResetConnections => self.proxy.as_ref().unwrap().reset(),
            Action::NatsDown { down } => {
                let nats = Arc::clone(self.nats.as_ref().unwrap());
                tokio::spawn(async move {
                    tokio::task::spawn_blocking(move || {
                        let mut n = nats.lock().unwrap();
                        n.kill_for(down);
                    })
                    .await
                    .unwrap();
                });
            }
            Action::Resubscribe => unreachable!("handled by the driver"),
        }
    }
}

/// One accepted change: what the receiver must see.
struct Change {
    index: usize,
    pool_id: String,
    /// O2ims `notificationEventType`: 0 created, 1 modified.
    event_type: u64,
    started: Instant,
}

struct Sub {
    path: String,
    id: String,
    created: Instant,
    deleted: bool,
}

pub async fn run(store: Store, seed: u64) -> Outcome {
    let schedule = Schedule::new(store, seed);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("chaos")
        .join(format!("{store:?}-{seed}-{}", std::process::id()).to_lowercase());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let receiver = FaultyReceiver::start().await;
    let world = World::start(store, &dir).await;
    let (_, sites) = world
        .call(reqwest::Method::GET, &format!("{V2}/oCloudSites"), None)
        .await;
    let site = sites[0]["oCloudSiteId"].as_str().unwrap().to_owned();
    let mut subs = vec![Sub {
        path: "/a".into(),
        id: world.subscribe(&receiver.url("/a")).await,
        created: Instant::now(),
        deleted: false,
    }];
    let mut incarnation = 0;
    let mut actions = schedule.actions.iter().peekable();
    let mut accepted: Vec<Change> = Vec::new();
    for index in 0..CHANGES {
        while let Some((_, action)) = actions.next_if(|(at, _)| *at == index) {
            if let Action::Resubscribe = action {
                if let Some(old) = subs.iter_mut().skip(1).find(|s| !s.deleted) {
                    old.deleted = true;
                    let id = old.id.clone();
                    world.unsubscribe(&id).await;
                }
                incarnation += 1;
                let path = format!("/b{incarnation}");
                let id = world.subscribe(&receiver.url(&path)).await;
                subs.push(Sub {
                    path,
                    id,
                    created: Instant::now(),
                    deleted: false,
                });
            } else {
                world.act(action, &receiver);
            }
        }
        tokio::time::sleep(PACE).await;
        let started = Instant::now();
        let (status, pool) = world
            .call(
                reqwest::Method::POST,
                &format!("{V2}/resourcePools"),
                Some(json!({"name": format!("chaos-{index}"), "oCloudSiteId": site, "description": "new"})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "creating pool {index}: {pool}");
        let pool_id = pool["resourcePoolId"].as_str().unwrap().to_owned();
        accepted.push(Change {
            index,
            pool_id: pool_id.clone(),
            event_type: 0,
            started,
        });
        if index % UPDATE_EVERY == 0 {
            let started = Instant::now();
            let (status, reply) = world
                .call(
                    reqwest::Method::PUT,
                    &format!("{V2}/resourcePools/{pool_id}"),
                    Some(json!({"name": format!("chaos-{index}"), "oCloudSiteId": site, "description": "updated"})),
                )
                .await;
            match status {
                StatusCode::OK => accepted.push(Change {
                    index,
                    pool_id,
                    event_type: 1,
                    started,
                }),
                // The gateway restarted in between and its simulator forgot the pool.
                StatusCode::NOT_FOUND => {}
                other => panic!("updating pool {index}: {other} {reply}"),
            }
        }
    }
    receiver.set(Fault::None);
    if let Some(proxy) = &world.proxy {
        proxy.set(Link::Up);
    }
    for worker in &world.workers {
        worker.lock().unwrap().start();
    }
    world.gateway.lock().unwrap().start();
    let finished = Instant::now();
    let live: Vec<&Sub> = subs.iter().filter(|s| !s.deleted).collect();
    let expected: Vec<(String, &Change)> = live
        .iter()
        .flat_map(|s| {
            accepted
                .iter()
                .filter(|c| c.started > s.created)
                .map(|c| (s.path.clone(), c))
        })
        .collect();
    let missing = |got: &[receiver::Accepted]| -> Vec<String> {
        let seen: BTreeSet<(&str, &str, u64)> = got
            .iter()
            .map(|a| (a.path.as_str(), a.pool_id.as_str(), a.event_type))
            .collect();
        expected
            .iter()
            .filter(|(path, c)| !seen.contains(&(path.as_str(), c.pool_id.as_str(), c.event_type)))
            .map(|(path, c)| format!("{path} change {} type {}", c.index, c.event_type))
            .collect()
    };
    let mut got = receiver.accepted();
    while !missing(&got).is_empty() && finished.elapsed() < DRAIN_LIMIT {
        tokio::time::sleep(Duration::from_millis(200)).await;
        got = receiver.accepted();
    }
    let drain = finished.elapsed();
    let lost = missing(&got);
    // Nothing left unfinished, nothing dead-lettered.
    let mut unfinished = 0;
    for sub in &live {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let (_, list) = world
                .call(
                    reqwest::Method::GET,
                    &format!("/webhooks/deliveries?subscriptionId={}", sub.id),
                    None,
                )
                .await;
            let n = list.as_array().map_or(0, Vec::len);
            if n == 0 || Instant::now() > deadline {
                unfinished += n;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let (_, letters) = world
        .call(reqwest::Method::GET, "/webhooks/deadLetters", None)
        .await;
    let dead_letters = letters.as_array().map_or(0, Vec::len);
    // Order per object: a pool's first Modified is accepted after its first Created.
    let mut first: HashMap<(&str, &str, u64), Instant> = HashMap::new();
    for a in &got {
        first
            .entry((a.path.as_str(), a.pool_id.as_str(), a.event_type))
            .or_insert(a.at);
    }
    let out_of_order: Vec<String> = first
        .iter()
        .filter(|((_, _, t), _)| *t == 1)
        .filter_map(|((path, pool, _), modified)| {
            let created = first.get(&(*path, *pool, 0))?;
            (created > modified).then(|| format!("{path} pool {pool}: Modified before Created"))
        })
        .collect();
    let live_paths: BTreeSet<&str> = live.iter().map(|s| s.path.as_str()).collect();
    let counted: Vec<&receiver::Accepted> = got
        .iter()
        .filter(|a| live_paths.contains(a.path.as_str()))
        .collect();
    let unique: BTreeSet<&str> = counted.iter().map(|a| a.notification_id.as_str()).collect();
    Outcome {
        schedule: schedule.describe(),
        accepted: accepted.len(),
        expected: expected.len(),
        missing: lost,
        out_of_order,
        duplicates: counted.len() - unique.len(),
        refused: receiver.refused(),
        unfinished,
        dead_letters,
        drain,
        logs: dir,
    }
}

/// Seeds to run: `NW_CHAOS_SEEDS=a,b` or `NW_CHAOS_RUNS=n` (0..n), else `default`.
fn seeds(default: &[u64]) -> Vec<u64> {
    if let Ok(list) = std::env::var("NW_CHAOS_SEEDS") {
        return list
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect();
    }
    if let Some(n) = std::env::var("NW_CHAOS_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        return (0..n).collect();
    }
    default.to_vec()
}

/// Runs the seeds one after another, prints the table, and fails naming the failing seeds.
async fn run_seeds(store: Store, default: &[u64]) {
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    let mut totals = (0usize, 0usize, Duration::ZERO);
    for seed in seeds(default) {
        let outcome = run(store, seed).await;
        totals.0 += outcome.accepted;
        totals.1 += outcome.duplicates;
        totals.2 = totals.2.max(outcome.drain);
        let verdict = if outcome.passed() { "ok" } else { "LOST" };
        rows.push(format!(
            "| {store:?} | {seed} | {} | {} | {} | {} | {} | {} | {} | {} | {:.1} s | {verdict} |",
            outcome.schedule,
            outcome.accepted,
            outcome.expected,
            outcome.refused,
            outcome.missing.len(),
            outcome.duplicates,
            outcome.unfinished,
            outcome.dead_letters,
            outcome.drain.as_secs_f64(),
        ));
        if !outcome.passed() {
            failed.push(format!(
                "seed {seed} ({}): missing {:?}, out of order {:?}, unfinished {}, dead letters {}; logs in {}",
                outcome.schedule,
                outcome.missing.iter().take(10).collect::<Vec<_>>(),
                outcome.out_of_order.iter().take(10).collect::<Vec<_>>(),
                outcome.unfinished,
                outcome.dead_letters,
                outcome.logs.display()
            ));
        }
    }
    let mut table = String::from(
        "| store | seed | schedule (change: fault) | changes | expected | refused by receiver | lost | duplicates | unfinished | dead letters | drain | result |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for row in &rows {
        table.push_str(row);
        table.push('\n');
    }
    table.push_str(&format!(
        "\n{store:?}: {} schedules, {} changes, {:.1} duplicates per 1,000 changes, worst drain {:.1} s\n",
        rows.len(),
        totals.0,
        totals.1 as f64 * 1000.0 / totals.0.max(1) as f64,
        totals.2.as_secs_f64()
    ));
    println!("{table}");
    let report = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("chaos-{store:?}.md").to_lowercase());
    let _ = std::fs::write(&report, &table);
    assert!(failed.is_empty(), "{}\n{table}", failed.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn combined_faults_lose_nothing_on_redis() {
    run_seeds(Store::Redis, &[0, 1, 2]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn combined_faults_lose_nothing_on_the_embedded_stores() {
    run_seeds(Store::Embedded, &[1, 2]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn combined_faults_lose_nothing_on_nats() {
    run_seeds(Store::Nats, &[1, 2]).await;
}

#[test]
fn a_seed_gives_the_same_schedule() {
    for store in [Store::Redis, Store::Embedded, Store::Nats] {
        for seed in 0..20 {
            assert_eq!(
                Schedule::new(store, seed).describe(),
                Schedule::new(store, seed).describe()
            );
        }
    }
    let distinct: BTreeMap<String, u64> = (1..20)
        .map(|seed| (Schedule::new(Store::Redis, seed).describe(), seed))
        .collect();
    assert!(distinct.len() > 15, "seeds give different schedules");
}

/// `rounds` times: a pool created through the write extension, and the gateway SIGKILLed the
/// moment the `201` arrives, then started again. Returns the acknowledged pools whose `Created`
/// never reached the subscriber.
async fn write_then_kill(store: Store, rounds: usize) -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("chaos")
        .join(format!("kill-after-write-{store:?}-{}", std::process::id()).to_lowercase());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let receiver = FaultyReceiver::start().await;
    let world = World::start(store, &dir).await;
    world.subscribe(&receiver.url("/a")).await;
    let (_, sites) = world
        .call(reqwest::Method::GET, &format!("{V2}/oCloudSites"), None)
        .await;
    let site = sites[0]["oCloudSiteId"].as_str().unwrap().to_owned();
    let mut acknowledged = Vec::new();
    for round in 0..rounds {
        let (status, pool) = world
            .call(
                reqwest::Method::POST,
                &format!("{V2}/resourcePools"),
                Some(json!({"name": format!("acked-{round}"), "oCloudSiteId": site})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{pool}");
        world.gateway.lock().unwrap().kill();
        acknowledged.push(pool["resourcePoolId"].as_str().unwrap().to_owned());
        world.gateway.lock().unwrap().start();
        let health = world.gateway.lock().unwrap().health_url();
        assert!(
            ready(&health, Duration::from_secs(30)).await,
            "restart {round}"
        );
    }
    // The simulator kept every acknowledged pool, and the stream tells each created once.
    let (_, pools) = world
        .call(reqwest::Method::GET, &format!("{V2}/resourcePools"), None)
        .await;
    let listed: BTreeSet<&str> = pools
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["resourcePoolId"].as_str())
        .collect();
    let vanished: Vec<&String> = acknowledged
        .iter()
        .filter(|id| !listed.contains(id.as_str()))
        .collect();
    assert!(
        vanished.is_empty(),
        "{store:?}: acknowledged pools gone after a restart: {vanished:?}"
    );
    let (_, events) = world
        .call(
            reqwest::Method::GET,
            "/events?type=o2ims.ResourcePool.*&limit=1000",
            None,
        )
        .await;
    let types: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["eventType"].as_str())
        .collect();
    assert_eq!(
        types,
        vec!["o2ims.ResourcePool.Created"; rounds],
        "{store:?}: each pool created once, none deleted by a restart"
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let got: BTreeSet<String> = receiver
            .accepted()
            .into_iter()
            .filter(|a| a.event_type == 0)
            .map(|a| a.pool_id)
            .collect();
        let missing: Vec<String> = acknowledged
            .iter()
            .filter(|id| !got.contains(*id))
            .cloned()
            .collect();
        if missing.is_empty() || Instant::now() > deadline {
            return missing;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_acknowledged_write_survives_an_immediate_sigkill_on_every_provider() {
    for store in [Store::Embedded, Store::Redis, Store::Nats] {
        let missing = write_then_kill(store, 50).await;
        assert!(
            missing.is_empty(),
            "{store:?}: acknowledged but never notified: {missing:?}"
        );
    }
}
