//! No change is lost across a gateway restart: the gateway runs as a real process on the fake
//! API server, is stopped (SIGTERM, and separately SIGKILL), the cluster changes while it is
//! down, and after the restart the subscriber receives exactly the notifications those changes
//! call for, once each; a restart with no change in between sends nothing. Also: the
//! simulator's writes survive a restart.

use std::{
    collections::BTreeMap,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use netweave_testkit::fake_apiserver::{fixtures, FakeApiServer, MACHINE_SETS, NODES};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::{
    chaos::netweave_args,
    harness::{free_port, V2},
    kube::cluster,
    receiver::{Mode, Receiver},
};

/// How a gateway is stopped.
#[derive(Clone, Copy, Debug)]
enum Stop {
    Term,
    Kill,
}

struct Gateway {
    child: Option<Child>,
    args: Vec<String>,
    base: String,
}

impl Gateway {
    fn new(data: &std::path::Path, backend: &[String]) -> Gateway {
        let port = free_port();
        let mut args = netweave_args("serve", port);
        args.extend(["--data-dir".to_owned(), data.display().to_string()]);
        args.extend(backend.iter().cloned());
        Gateway {
            child: None,
            args,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    async fn start(&mut self) {
        let child = Command::new(env!("CARGO_BIN_EXE_netweave"))
            .args(&self.args)
            .env("NETWEAVE_WEBHOOKS__BASE_DELAY_MS", "20")
            .env("NETWEAVE_WEBHOOKS__MAX_DELAY_SECONDS", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("netweave serve starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(r) = reqwest::get(format!("{}/readyz", self.base)).await {
                if r.status().is_success() {
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "{} never became ready",
                self.base
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    fn stop(&mut self, how: Stop) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        match how {
            Stop::Kill => child.kill().unwrap(),
            Stop::Term => {
                let status = Command::new("kill")
                    .args(["-TERM", &child.id().to_string()])
                    .status()
                    .unwrap();
                assert!(status.success());
            }
        }
        child.wait().unwrap();
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = reqwest::Client::new().request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let reply = request.send().await.unwrap();
        let status = reply.status();
        (status, reply.json().await.unwrap_or(Value::Null))
    }

    async fn subscribe(&self, callback: &str) {
        let body = json!({"callback": callback, "consumerSubscriptionId": uuid::Uuid::new_v4().to_string()});
        let (status, reply) = self
            .call(
                reqwest::Method::POST,
                &format!("{V2}/subscriptions"),
                Some(body),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{reply}");
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        self.stop(Stop::Kill);
    }
}

/// A notification as (type, kind, name, pool name or ""), from the object's state.
type Seen = (u64, String, String);

fn seen(receiver: &Receiver) -> Vec<Seen> {
    receiver
        .received()
        .iter()
        .map(|r| r.json())
        .filter(|n| n.get("notificationEventType").is_some())
        .map(|n| {
            let state = if n["postObjectState"].is_null() {
                &n["priorObjectState"]
            } else {
                &n["postObjectState"]
            };
            let what = n["objectRef"]
                .as_str()
                .unwrap_or_default()
                .rsplit('/')
                .nth(1)
                .unwrap_or_default()
                .to_owned();
            let name = state["name"]
                .as_str()
                .or(state["description"].as_str())
                .unwrap_or_default()
                .to_owned();
            (n["notificationEventType"].as_u64().unwrap(), what, name)
        })
        .collect()
}

/// The notifications received until none more arrives for a second.
async fn settle(receiver: &Receiver) -> Vec<Seen> {
    let mut last = seen(receiver);
    let mut quiet = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(30);
    while quiet.elapsed() < Duration::from_secs(1) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = seen(receiver);
        if now != last {
            last = now;
            quiet = Instant::now();
        }
    }
    last
}

fn kube_args(kubeconfig: &str) -> Vec<String> {
    ["--backend", "kubernetes", "--kubeconfig", kubeconfig]
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Deletes n2, adds n7, cordons n1, moves n3 from the `edge` label pool to `workers-a`, and
/// deletes the MachineSet `workers-b`.
fn change_the_cluster(fake: &FakeApiServer) {
    fake.delete(NODES, "n2");
    fake.apply(NODES, fixtures::node("n7", "workers-a", "m5.2xlarge"));
    let mut n1 = fake.get(NODES, "n1").unwrap();
    n1["spec"]["unschedulable"] = json!(true);
    fake.apply(NODES, n1);
    let mut n3 = fake.get(NODES, "n3").unwrap();
    n3["metadata"]["labels"][fixtures::POOL_LABEL] = json!("workers-a");
    fake.apply(NODES, n3);
    fake.delete(MACHINE_SETS, "openshift-machine-api/workers-b")
        .expect("the MachineSet existed");
}

/// What a subscriber must be told of [`change_the_cluster`], by kind: (type, object) counts.
fn expected() -> BTreeMap<(u64, String, String), usize> {
    let mut want = BTreeMap::new();
    for (kind, what, name) in [
        (2, "resources", "n2"),
        (0, "resources", "n7"),
        (1, "resources", "n1"),
        (2, "resources", "n3"),
        (0, "resources", "n3"),
        (2, "resourcePools", "workers-b"),
        (2, "resourcePools", "edge"),
    ] {
        want.insert((kind, what.to_owned(), name.to_owned()), 1);
    }
    want
}

async fn down_changes_are_published_once(how: Stop) {
    let fake = cluster().await;
    let dir = TempDir::new().unwrap();
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(&kubeconfig, fake.kubeconfig()).unwrap();
    let receiver = Receiver::start(Mode::Ok).await;
    let mut gateway = Gateway::new(
        &dir.path().join("data"),
        &kube_args(&kubeconfig.display().to_string()),
    );
    gateway.start().await;
    gateway.subscribe(&receiver.url("/smo")).await;
    assert!(
        settle(&receiver).await.is_empty(),
        "a first start tells nothing: it is the baseline"
    );

    // Stopped and started with no change in between: nothing.
    gateway.stop(how);
    gateway.start().await;
    assert!(
        settle(&receiver).await.is_empty(),
        "{how:?}: a restart with no change sends nothing"
    );

    gateway.stop(how);
    change_the_cluster(&fake);
    gateway.start().await;
    let got = settle(&receiver).await;
    let mut counts: BTreeMap<(u64, String, String), usize> = BTreeMap::new();
    for n in &got {
        *counts.entry(n.clone()).or_default() += 1;
    }
    let want = expected();
    let relevant: BTreeMap<_, _> = counts
        .iter()
        .filter(|(k, _)| k.1 == "resources" || k.1 == "resourcePools")
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    assert_eq!(
        relevant, want,
        "{how:?}: every change made while down, once: {got:?}"
    );
    // Each other object told of changed, once: the deployment manager (totals), the site (pools).
    for (key, count) in &counts {
        assert_eq!(*count, 1, "{how:?}: {key:?} told {count} times");
    }
    // In the stream, in dependency order: a resource leaves before its pool, a pool is there
    // before its resources.
    let (_, events) = gateway
        .call(reqwest::Method::GET, "/events?limit=1000", None)
        .await;
    let order: Vec<String> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["eventType"].as_str().unwrap().to_owned())
        .collect();
    let last_resource_deletion = order
        .iter()
        .rposition(|t| t == "o2ims.Resource.Deleted")
        .unwrap();
    let first_pool_deletion = order
        .iter()
        .position(|t| t == "o2ims.ResourcePool.Deleted")
        .unwrap();
    assert!(
        last_resource_deletion < first_pool_deletion,
        "resources go before their pools: {order:?}"
    );
    // The prior and post states are those the spec defines: the cordoned node's prior is
    // what the SMO was last told, its post what the cluster shows now.
    let n1 = receiver
        .received()
        .iter()
        .map(|r| r.json())
        .find(|n| n["notificationEventType"] == 1 && n["postObjectState"]["description"] == "n1")
        .expect("n1 updated");
    assert_ne!(n1["priorObjectState"], n1["postObjectState"]);
    assert_eq!(
        n1["priorObjectState"]["resourceId"],
        n1["postObjectState"]["resourceId"]
    );
    let n2 = receiver
        .received()
        .iter()
        .map(|r| r.json())
        .find(|n| n["notificationEventType"] == 2 && n["priorObjectState"]["description"] == "n2")
        .expect("n2 deleted");
    assert!(
        n2["postObjectState"].is_null(),
        "a deletion has no post state: {n2}"
    );

    // And once more with no change: nothing new.
    let before = got.len();
    gateway.stop(how);
    gateway.start().await;
    assert_eq!(
        settle(&receiver).await.len(),
        before,
        "{how:?}: nothing is told twice"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kubernetes_changes_made_while_the_gateway_was_stopped_by_sigterm_are_told_once() {
    down_changes_are_published_once(Stop::Term).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kubernetes_changes_made_while_the_gateway_was_killed_are_told_once() {
    down_changes_are_published_once(Stop::Kill).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pool_written_to_the_simulator_survives_a_restart() {
    let dir = TempDir::new().unwrap();
    let receiver = Receiver::start(Mode::Ok).await;
    let mut gateway = Gateway::new(dir.path(), &["--sim-churn".to_owned(), "20".to_owned()]);
    gateway.start().await;
    let (_, sites) = gateway
        .call(reqwest::Method::GET, &format!("{V2}/oCloudSites"), None)
        .await;
    let site = sites[0]["oCloudSiteId"].as_str().unwrap().to_owned();
    let (status, pool) = gateway
        .call(
            reqwest::Method::POST,
            &format!("{V2}/resourcePools"),
            Some(json!({"name": "survivor", "oCloudSiteId": site})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{pool}");
    let id = pool["resourcePoolId"].as_str().unwrap().to_owned();
    gateway.subscribe(&receiver.url("/smo")).await;
    // Churn runs; then a crash, as the worst case.
    tokio::time::sleep(Duration::from_millis(500)).await;
    gateway.stop(Stop::Kill);
    let before = receiver.received().len();
    gateway.start().await;
    let (status, after) = gateway
        .call(
            reqwest::Method::GET,
            &format!("{V2}/resourcePools/{id}"),
            None,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the pool written before the restart is still there: {after}"
    );
    assert_eq!(after, pool, "unchanged");
    let (_, events) = gateway
        .call(
            reqwest::Method::GET,
            &format!("/events?filter=(eq,objectId,{id})&limit=100"),
            None,
        )
        .await;
    let types: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["eventType"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["o2ims.ResourcePool.Created"],
        "history and inventory agree"
    );
    // Churn continues from the saved inventory: no pool is told deleted or created anew.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pools_told: Vec<Value> = receiver.received()[before..]
        .iter()
        .map(|r| r.json())
        .filter(|n| n["objectRef"].as_str().is_some_and(|r| r.ends_with(&id)))
        .collect();
    assert!(
        pools_told.is_empty(),
        "the restart told nothing of the pool: {pools_told:?}"
    );
}
