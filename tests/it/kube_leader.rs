//! Leader election between two gateway processes on one (fake) cluster: only the leader
//! publishes; when it is killed the other takes over within the lease and publishes the
//! changes made meanwhile, once each.

use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use netweave_testkit::fake_apiserver::{fixtures, NODES};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::{
    harness::{free_port, unique_prefix, RedisServer},
    kube::cluster,
};

const LEASE_SECONDS: u64 = 2;

fn gateway(kubeconfig: &str, redis: &RedisServer, prefix: &str, elector: &str) -> (Child, String) {
    let port = free_port();
    let data = TempDir::new().unwrap().keep();
    let child = Command::new(env!("CARGO_BIN_EXE_netweave"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(&data)
        .args(["--backend", "kubernetes", "--kubeconfig", kubeconfig])
        .args(["--redis-url", &redis.url, "--redis-prefix", prefix])
        .args(["--log-level", "warn"])
        .env(
            "NETWEAVE_ELECTION__LEASE_SECONDS",
            LEASE_SECONDS.to_string(),
        )
        .env("NETWEAVE_ELECTION__MODE", elector)
        .env("NETWEAVE_ELECTION__LEASE_NAME", prefix)
        .env("NETWEAVE_ELECTION__KUBECONFIG", kubeconfig)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("netweave serve starts");
    (child, format!("http://127.0.0.1:{port}"))
}

pub async fn ready(base: &str) {
    for _ in 0..400 {
        if let Ok(r) = reqwest::get(format!("{base}/readyz")).await {
            if r.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("{base} never became ready");
}

pub async fn leads(base: &str) -> Option<bool> {
    let text = reqwest::get(format!("{base}/metrics"))
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("netweave_leader "))
        .map(|v| v.trim() == "1")
}

/// (verb, node) of every resource event in the shared stream.
pub async fn resource_events(base: &str) -> Vec<(String, String)> {
    let events: Value = reqwest::get(format!("{base}/events?type=o2ims.Resource.*&limit=1000"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let state = if e["postObjectState"].is_null() {
                &e["priorObjectState"]
            } else {
                &e["postObjectState"]
            };
            (
                e["eventType"]
                    .as_str()
                    .unwrap()
                    .rsplit('.')
                    .next()
                    .unwrap()
                    .to_owned(),
                state["description"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn wait_events(base: &str, n: usize) -> Vec<(String, String)> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let got = resource_events(base).await;
        if got.len() >= n || Instant::now() > deadline {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_a_redis_lock_one_gateway_publishes_and_the_other_takes_over_without_loss() {
    fail_over("redis").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_a_kubernetes_lease_one_gateway_publishes_and_the_other_takes_over_without_loss() {
    fail_over("lease").await;
}

/// A fake cluster and a Redis that gateways share.
struct Shared {
    fake: netweave_testkit::fake_apiserver::FakeApiServer,
    redis: RedisServer,
    prefix: String,
    kubeconfig: String,
    _dir: TempDir,
}

impl Shared {
    async fn new() -> Shared {
        let fake = cluster().await;
        let dir = TempDir::new().unwrap();
        let kubeconfig = dir.path().join("kubeconfig");
        std::fs::write(&kubeconfig, fake.kubeconfig()).unwrap();
        Shared {
            fake,
            redis: RedisServer::start(),
            prefix: unique_prefix(),
            kubeconfig: kubeconfig.display().to_string(),
            _dir: dir,
        }
    }

    /// Two gateways started together, elected by `elector` (`redis` or `lease`).
    fn two_gateways(&self, elector: &str) -> Vec<(Child, String)> {
        (0..2)
            .map(|_| gateway(&self.kubeconfig, &self.redis, &self.prefix, elector))
            .collect()
    }
}

/// Two gateways sharing Redis and the cluster, elected by `elector` (`redis` or `lease`).
async fn fail_over(elector: &str) {
    let shared = Shared::new().await;
    let fake = &shared.fake;
    let mut gateways = shared.two_gateways(elector);
    for (_, base) in &gateways {
        ready(base).await;
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    let leader = loop {
        let a = leads(&gateways[0].1).await;
        let b = leads(&gateways[1].1).await;
        match (a, b) {
            (Some(true), Some(false)) => break 0,
            (Some(false), Some(true)) => break 1,
            (Some(true), Some(true)) => panic!("two leaders"),
            _ if Instant::now() > deadline => panic!("no leader elected"),
            _ => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    };

    // One change, one event: the follower holds its copy.
    fake.apply(NODES, fixtures::node("n5", "workers-a", "m5.2xlarge"));
    let survivor = gateways[1 - leader].1.clone();
    assert_eq!(
        wait_events(&survivor, 1).await,
        [("Created".to_owned(), "n5".to_owned())]
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        resource_events(&survivor).await.len(),
        1,
        "only the leader published"
    );

    // Kill the leader; change the cluster during the fail-over.
    gateways[leader].0.kill().unwrap();
    gateways[leader].0.wait().unwrap();
    let killed = Instant::now();
    fake.apply(NODES, fixtures::node("n6", "workers-b", "m5.large"));
    let mut n1 = fake.get(NODES, "n1").unwrap();
    n1["spec"]["unschedulable"] = json!(true);
    fake.apply(NODES, n1);
    fake.delete(NODES, "n5");
    loop {
        if leads(&survivor).await == Some(true) {
            break;
        }
        assert!(
            killed.elapsed() < Duration::from_secs(LEASE_SECONDS) + Duration::from_millis(1500),
            "no take-over within the lease"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let took_over = killed.elapsed();
    eprintln!("{elector}: the follower led {took_over:?} after the leader was killed (lease {LEASE_SECONDS} s)");
    let got = wait_events(&survivor, 4).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let mut got_again = resource_events(&survivor).await;
    assert_eq!(got, got_again, "nothing more arrives");
    got_again.sort();
    assert_eq!(
        got_again,
        [
            ("Created".to_owned(), "n5".to_owned()),
            ("Created".to_owned(), "n6".to_owned()),
            ("Deleted".to_owned(), "n5".to_owned()),
            ("Updated".to_owned(), "n1".to_owned()),
        ],
        "every change exactly once (take-over after {took_over:?})"
    );
    for (child, _) in &mut gateways {
        let _ = child.kill();
        let _ = child.wait();
    }
}

async fn kube_client(fake: &netweave_testkit::fake_apiserver::FakeApiServer) -> kube::Client {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("kubeconfig");
    std::fs::write(&path, fake.kubeconfig()).unwrap();
    let settings = netweave::backend::kube::KubernetesConfig {
        kubeconfig: path.display().to_string(),
        ..Default::default()
    };
    netweave::backend::kube::client(&settings).await.unwrap().0
}

#[tokio::test]
async fn a_kubernetes_lease_has_one_holder_and_expires_to_the_next() {
    use netweave::election::{lease::KubeLease, Elector};
    let fake = netweave_testkit::fake_apiserver::FakeApiServer::start(&[])
        .await
        .unwrap();
    let client = kube_client(&fake).await;
    let lease = Duration::from_millis(1500);
    let a = KubeLease::new(client.clone(), "netweave", "publisher", "a".into(), lease);
    let b = KubeLease::new(client.clone(), "netweave", "publisher", "b".into(), lease);
    assert_eq!(
        a.acquire_or_renew().await.unwrap(),
        Some(1),
        "a creates the lease: fencing token 1"
    );
    assert_eq!(b.acquire_or_renew().await.unwrap(), None, "b sees it held");
    let held = fake
        .get(
            netweave_testkit::fake_apiserver::LEASES,
            "netweave/publisher",
        )
        .unwrap();
    assert_eq!(held["spec"]["holderIdentity"], "a");
    // a renews for longer than a lease: b never takes over.
    let start = Instant::now();
    let mut renewed = start;
    while start.elapsed() < lease * 2 {
        assert_eq!(a.acquire_or_renew().await.unwrap(), Some(1), "renewed");
        renewed = Instant::now();
        assert!(
            b.acquire_or_renew().await.unwrap().is_none(),
            "no take-over while renewed"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // a stops renewing (dies): b takes over once it has seen no renewal for a whole lease.
    let taken_with = loop {
        if let Some(token) = b.acquire_or_renew().await.unwrap() {
            break token;
        }
        assert!(
            renewed.elapsed() < lease * 2,
            "b takes over within the lease (+ its polling)"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(taken_with, 2, "a take-over's fencing token is newer");
    assert!(renewed.elapsed() >= lease, "not before the lease ran out");
    let taken = fake
        .get(
            netweave_testkit::fake_apiserver::LEASES,
            "netweave/publisher",
        )
        .unwrap();
    assert_eq!(taken["spec"]["holderIdentity"], "b");
    assert_eq!(taken["spec"]["leaseTransitions"], 1);
    assert!(
        a.acquire_or_renew().await.unwrap().is_none(),
        "a, back, finds b holding it"
    );
    // Release hands it over at once.
    b.release().await.unwrap();
    assert_eq!(a.acquire_or_renew().await.unwrap(), Some(3));
    // A replace carrying a stale resourceVersion loses (409): optimistic concurrency.
    let mut stale = taken.clone();
    stale["spec"]["holderIdentity"] = json!("c");
    let reply = reqwest::Client::new()
        .put(format!(
            "{}/apis/coordination.k8s.io/v1/namespaces/netweave/leases/publisher",
            fake.url
        ))
        .json(&stale)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), reqwest::StatusCode::CONFLICT);
}

/// Both replicas stopped, the cluster changed, both started together: the elected one
/// publishes each difference once, the other none.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_restarted_together_publish_each_difference_once() {
    let shared = Shared::new().await;
    let fake = &shared.fake;
    let mut gateways = shared.two_gateways("redis");
    for (_, base) in &gateways {
        ready(base).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        resource_events(&gateways[0].1).await.is_empty(),
        "the first start is the baseline"
    );
    for (child, _) in &mut gateways {
        child.kill().unwrap();
        child.wait().unwrap();
    }

    fake.apply(NODES, fixtures::node("n6", "workers-b", "m5.large"));
    let mut n1 = fake.get(NODES, "n1").unwrap();
    n1["spec"]["unschedulable"] = json!(true);
    fake.apply(NODES, n1);
    fake.delete(NODES, "n2");

    let mut gateways = shared.two_gateways("redis");
    for (_, base) in &gateways {
        ready(base).await;
    }
    let got = wait_events(&gateways[0].1, 3).await;
    // Time for a second publisher, were there one, to add its copies.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mut again = resource_events(&gateways[1].1).await;
    assert_eq!(got, again, "nothing more arrives");
    again.sort();
    assert_eq!(
        again,
        [
            ("Created".to_owned(), "n6".to_owned()),
            ("Deleted".to_owned(), "n2".to_owned()),
            ("Updated".to_owned(), "n1".to_owned()),
        ],
        "each difference once"
    );
    for (child, _) in &mut gateways {
        let _ = child.kill();
        let _ = child.wait();
    }
}
