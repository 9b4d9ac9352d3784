//! The event stream and webhook delivery on a real `redis-server`: the same scenarios as on
//! the embedded log, two `netweave worker` processes sharing the load while one is killed with
//! SIGKILL, and restarts of Redis (with persistence) and of the gateway losing nothing.

use std::{
    collections::BTreeSet,
    process::{Child, Command, Stdio},
    time::Duration,
};

use netweave::config::Config;

use crate::{
    events::watcher_resumes,
    harness::{free_port, unique_prefix, RedisServer, TestApp},
    receiver::{Mode, Receiver},
    webhooks::{
        dead_letter_then_replay, pool_lifecycle, signed_notifications, subscribe, webhook_config,
    },
};

pub fn on_redis(redis: &RedisServer, prefix: &str) -> impl Fn(&mut Config) {
    let (url, prefix) = (redis.url.clone(), prefix.to_owned());
    move |c: &mut Config| {
        webhook_config(c);
        c.redis_url = Some(url.clone());
        c.redis_prefix = prefix.clone();
        c.events.heartbeat_seconds = 0.2;
    }
}

#[tokio::test]
async fn notifications_on_redis_are_spec_shaped_and_signed() {
    let redis = RedisServer::start();
    let receiver = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(on_redis(&redis, &unique_prefix())).await;
    signed_notifications(&app, &receiver).await;
}

#[tokio::test]
async fn watchers_resume_on_redis() {
    let redis = RedisServer::start();
    let app = TestApp::start_with(on_redis(&redis, &unique_prefix())).await;
    watcher_resumes(&app).await;
}

#[tokio::test]
async fn dead_letters_and_replay_on_redis() {
    let redis = RedisServer::start();
    let receiver = Receiver::start(Mode::Always(500)).await;
    let prefix = unique_prefix();
    let base = on_redis(&redis, &prefix);
    let app = TestApp::start_with(|c| {
        base(c);
        c.webhooks.max_attempts = 3;
    })
    .await;
    dead_letter_then_replay(&app, &receiver).await;
}

pub fn worker(redis: &RedisServer, prefix: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_netweave"))
        .args(["worker", "--listen", &format!("127.0.0.1:{}", free_port())])
        .args(["--redis-url", &redis.url, "--redis-prefix", prefix])
        .args([
            "--webhook-secret",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "--callback-allow",
            "127.0.0.0/8",
        ])
        .args(["--log-level", "warn"])
        .env("NETWEAVE_WEBHOOKS__TIMEOUT_SECONDS", "1")
        .env("NETWEAVE_WEBHOOKS__BASE_DELAY_MS", "50")
        .env("NETWEAVE_WEBHOOKS__MAX_DELAY_SECONDS", "1")
        .env("NETWEAVE_WEBHOOKS__CONCURRENCY", "4")
        .stdout(Stdio::null())
        .spawn()
        .expect("netweave worker starts")
}

/// Distinct notification ids the receiver got.
fn delivered(receiver: &Receiver) -> BTreeSet<String> {
    receiver
        .received()
        .iter()
        .map(|r| r.header("webhook-id").to_owned())
        .collect()
}

async fn wait_delivered(receiver: &Receiver, n: usize, within: Duration) -> BTreeSet<String> {
    let deadline = std::time::Instant::now() + within;
    loop {
        let got = delivered(receiver);
        if got.len() >= n || std::time::Instant::now() > deadline {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_share_the_load_and_a_sigkill_loses_nothing() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let base = on_redis(&redis, &prefix);
    let gateway = TestApp::start_with(|c| {
        base(c);
        c.webhooks.workers = false;
    })
    .await;
    // A slow receiver keeps deliveries in flight when the worker dies.
    let receiver = Receiver::start(Mode::Slow(Duration::from_millis(100))).await;
    subscribe(
        &gateway,
        &receiver.url("/smo"),
        Some("(eq,objectKind,OCloudSite)"),
    )
    .await;
    let mut first = worker(&redis, &prefix);
    let mut second = worker(&redis, &prefix);
    tokio::time::sleep(Duration::from_millis(500)).await;
    for n in 0..15 {
        pool_lifecycle(&gateway, &format!("p{n}")).await;
    }
    // 15 pools × (created, updated, deleted) = 45 notifications.
    let before = wait_delivered(&receiver, 10, Duration::from_secs(20)).await;
    assert!(
        before.len() >= 10 && before.len() < 45,
        "the kill happens mid-delivery ({} delivered)",
        before.len()
    );
    first.kill().expect("SIGKILL the first worker");
    first.wait().unwrap();
    let all = wait_delivered(&receiver, 45, Duration::from_secs(40)).await;
    assert_eq!(all.len(), 45, "every notification arrives at least once");
    let per_object =
        |r: &crate::receiver::Received| r.json()["objectRef"].as_str().unwrap().to_owned();
    let mut last_kind: std::collections::HashMap<String, u64> = Default::default();
    for r in receiver.received() {
        let kind = r.json()["notificationEventType"].as_u64().unwrap();
        let prev = last_kind.insert(per_object(&r), kind);
        assert!(
            prev.is_none_or(|p| p <= kind),
            "notifications of one pool arrive in order"
        );
    }
    second.kill().unwrap();
    second.wait().unwrap();
}

#[tokio::test]
async fn a_redis_restart_with_persistence_loses_nothing() {
    let mut redis = RedisServer::start_persistent();
    let prefix = unique_prefix();
    let receiver = Receiver::start(Mode::Always(503)).await;
    let app = TestApp::start_with(on_redis(&redis, &prefix)).await;
    subscribe(
        &app,
        &receiver.url("/later"),
        Some("(eq,objectKind,OCloudSite)"),
    )
    .await;
    pool_lifecycle(&app, "before").await;
    receiver.wait_for(3, Duration::from_secs(10)).await;
    redis.restart();
    receiver.set_mode(Mode::Ok);
    pool_lifecycle(&app, "after").await;
    let all = wait_delivered(&receiver, 6, Duration::from_secs(30)).await;
    assert_eq!(
        all.len(),
        6,
        "three notifications from before the restart and three after"
    );
    let data = app.stop().await;
    pool_lifecycle(
        &TestApp::start_in(data, on_redis(&redis, &prefix)).await,
        "gateway-restarted",
    )
    .await;
    let all = wait_delivered(&receiver, 9, Duration::from_secs(30)).await;
    assert_eq!(
        all.len(),
        9,
        "a restarted gateway publishes and delivers again"
    );
}

#[tokio::test]
async fn delivery_status_is_visible_on_redis() {
    let redis = RedisServer::start();
    let receiver = Receiver::start(Mode::Always(503)).await;
    let base = on_redis(&redis, &unique_prefix());
    let app = TestApp::start_with(|c| {
        base(c);
        c.webhooks.base_delay_ms = 5000;
        c.webhooks.max_delay_seconds = 10;
    })
    .await;
    crate::webhooks::delivery_status_is_visible(&app, &receiver).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workers_beside_a_gateway_start_with_no_flag_but_the_redis_url() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    // The gateway's default port, held (or already held by something else: the same test).
    let _gateway_port = std::net::TcpListener::bind("127.0.0.1:8080");
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_netweave"))
            .args([
                "worker",
                "--redis-url",
                &redis.url,
                "--redis-prefix",
                &prefix,
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("netweave worker starts")
    };
    let mut first = spawn();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let mut second = spawn();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(first.try_wait().unwrap().is_none(), "the first worker runs");
    assert!(
        second.try_wait().unwrap().is_none(),
        "a second worker on the same host runs too"
    );
    let health = reqwest::get("http://127.0.0.1:9100/healthz").await.unwrap();
    assert!(
        health.status().is_success(),
        "the first serves on its default port"
    );
    for child in [&mut first, &mut second] {
        terminate(child);
    }
    let out = second.wait_with_output().unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        log.contains("free port"),
        "the second says where it serves: {log}"
    );
    let _ = first.wait();
}

/// SIGTERM, so the worker stops gracefully and its output is complete.
fn terminate(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
}
