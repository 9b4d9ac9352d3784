//! Redis Sentinel, for real: a master, two replicas and three sentinels (quorum 2) from
//! `redis-server` on loopback. netweave reaches Redis through the sentinels with
//! `wait_replicas=1`; the master is SIGKILLed while pools are being created; a replica is
//! promoted, netweave follows it, keeps serving and delivering, and every pool creation it
//! answered 201 reaches the subscriber.

use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use reqwest::{Method, StatusCode};
use serde_json::json;
use tempfile::TempDir;

use crate::{
    harness::{free_port, spawn_redis_with, TestApp, V2},
    receiver::{Mode, Receiver},
    webhooks::{subscribe, webhook_config},
};

const MASTER: &str = "mymaster";

struct Node {
    child: Child,
    port: u16,
    _dir: TempDir,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn redis(args: &[String], config: Option<String>) -> Node {
    let dir = TempDir::new().unwrap();
    let port = free_port();
    let child = match config {
        Some(text) => {
            let path = dir.path().join("sentinel.conf");
            std::fs::write(&path, text.replace("{port}", &port.to_string())).unwrap();
            Command::new("redis-server")
                .arg(&path)
                .arg("--sentinel")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("redis-server (the test command installs it)")
        }
        None => spawn_redis_with(port, &dir, false, args),
    };
    let node = Node {
        child,
        port,
        _dir: dir,
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while ask(node.port, &["PING"]).is_none() {
        assert!(Instant::now() < deadline, "redis on {port} did not start");
        std::thread::sleep(Duration::from_millis(25));
    }
    node
}

fn ask(port: u16, command: &[&str]) -> Option<redis::Value> {
    let client = redis::Client::open(format!("redis://127.0.0.1:{port}/")).ok()?;
    let mut conn = client
        .get_connection_with_timeout(Duration::from_millis(500))
        .ok()?;
    let mut cmd = redis::cmd(command[0]);
    for arg in &command[1..] {
        cmd.arg(*arg);
    }
    cmd.query(&mut conn).ok()
}

fn master_port(sentinel: u16) -> Option<u16> {
    let reply = ask(sentinel, &["SENTINEL", "get-master-addr-by-name", MASTER])?;
    let parts: Vec<String> = redis::from_redis_value(reply).ok()?;
    parts.get(1)?.parse().ok()
}

fn replicas_known(sentinel: u16) -> usize {
    ask(sentinel, &["SENTINEL", "replicas", MASTER])
        .and_then(|v| redis::from_redis_value::<Vec<redis::Value>>(v).ok())
        .map_or(0, |v| v.len())
}

#[tokio::test]
async fn a_sentinel_fail_over_loses_no_accepted_change() {
    let master = redis(&["--repl-diskless-sync-delay".into(), "0".into()], None);
    // Two replicas: after the fail-over one is left to acknowledge writes (`wait_replicas=1`).
    let replicas: Vec<Node> = (0..2)
        .map(|_| {
            let args = [
                "--replicaof".into(),
                "127.0.0.1".into(),
                master.port.to_string(),
            ];
            redis(&args, None)
        })
        .collect();
    let config = format!(
        "port {{port}}\nbind 127.0.0.1\nsentinel monitor {MASTER} 127.0.0.1 {} 2\n\
         sentinel down-after-milliseconds {MASTER} 1000\nsentinel failover-timeout {MASTER} 5000\n\
         sentinel parallel-syncs {MASTER} 2\n",
        master.port
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    // Both replicas acknowledge a write (the first ACK comes up to a second after the sync).
    let client = redis::Client::open(format!("redis://127.0.0.1:{}/", master.port)).unwrap();
    let mut conn = client.get_connection().unwrap();
    loop {
        let _: () = redis::cmd("SET")
            .arg("warm")
            .arg(1)
            .query(&mut conn)
            .unwrap();
        let acked: u32 = redis::cmd("WAIT").arg(2).arg(100).query(&mut conn).unwrap();
        if acked == 2 {
            break;
        }
        assert!(Instant::now() < deadline, "the replicas do not acknowledge");
    }
    let sentinels: Vec<Node> = (0..3).map(|_| redis(&[], Some(config.clone()))).collect();
    while !sentinels.iter().all(|s| replicas_known(s.port) == 2) {
        assert!(
            Instant::now() < deadline,
            "sentinels did not discover the replicas"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let hosts: Vec<String> = sentinels
        .iter()
        .map(|s| format!("127.0.0.1:{}", s.port))
        .collect();
    let url = format!(
        "redis+sentinel://{}/{MASTER}?wait_replicas=1&wait_timeout_ms=400",
        hosts.join(",")
    );
    let receiver = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(|c| {
        webhook_config(c);
        c.redis_url = Some(url.clone());
        c.redis_prefix = crate::harness::unique_prefix();
    })
    .await;
    subscribe(&app, &receiver.url("/smo"), None).await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;

    // Create pools back to back; kill the master a second in.
    let started = Instant::now();
    let mut master = Some(master);
    let (mut accepted, mut refused) = (Vec::new(), 0usize);
    let mut killed_at = None;
    let mut recovered_after = None;
    while started.elapsed() < Duration::from_secs(12) {
        if master.is_some() && started.elapsed() > Duration::from_secs(1) {
            // How far the replicas trail the master under this load, just before the kill.
            let offset = |port: u16, field: &str| {
                ask(port, &["INFO", "replication"])
                    .and_then(|v| redis::from_redis_value::<String>(v).ok())
                    .and_then(|info| {
                        info.lines()
                            .find_map(|l| {
                                l.strip_prefix(field).map(|v| v.trim().parse::<i64>().ok())
                            })
                            .flatten()
                    })
                    .unwrap_or_default()
            };
            let head = offset(master.as_ref().unwrap().port, "master_repl_offset:");
            let lag: Vec<i64> = replicas
                .iter()
                .map(|r| head - offset(r.port, "slave_repl_offset:"))
                .collect();
            eprintln!("replication lag just before the kill: {lag:?} bytes behind the master");
            drop(master.take());
            killed_at = Some(Instant::now());
        }
        let reply = app
            .call(
                Method::POST,
                &format!("{V2}/resourcePools"),
                Some(json!({"name": format!("p{}", accepted.len()), "oCloudSiteId": site, "description": "fail-over"})),
            )
            .await;
        if reply.status == StatusCode::CREATED {
            accepted.push(reply.body["resourcePoolId"].as_str().unwrap().to_owned());
            if let (Some(at), None) = (killed_at, recovered_after) {
                recovered_after = Some(at.elapsed());
            }
        } else {
            assert!(
                reply.status.is_server_error(),
                "{}: {}",
                reply.status,
                reply.body
            );
            refused += 1;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let promoted = master_port(sentinels[0].port);
    assert!(
        replicas.iter().any(|r| Some(r.port) == promoted),
        "a replica was promoted: {promoted:?}"
    );
    let recovered_after = recovered_after.expect("writes were accepted again after the fail-over");
    eprintln!(
        "sentinel fail-over: writes accepted again {:.2} s after the master was killed; {} accepted, {} refused meanwhile",
        recovered_after.as_secs_f64(),
        accepted.len(),
        refused
    );
    // Every accepted creation is notified (the receiver may also see refused ones: a write
    // answered 503 may still have been applied and is then published, never lost).
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let notified: std::collections::HashSet<String> = receiver
            .received()
            .iter()
            .filter(|r| {
                r.json()["postObjectState"].is_object() && r.json()["priorObjectState"].is_null()
            })
            .filter_map(|r| {
                r.json()["objectRef"]
                    .as_str()
                    .map(|s| s.rsplit('/').next().unwrap().to_owned())
            })
            .collect();
        let missing: Vec<&String> = accepted
            .iter()
            .filter(|id| !notified.contains(*id))
            .collect();
        if missing.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{} of {} accepted pool creations never notified: {missing:?}",
            missing.len(),
            accepted.len()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The subscription store answers from the new master.
    let subscriptions = app.get_ok(&format!("{V2}/subscriptions")).await;
    assert_eq!(subscriptions.as_array().unwrap().len(), 1);
}
