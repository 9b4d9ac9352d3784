//! The OpenStack backend against the fake OpenStack (in this process) at the size of a large
//! region: 2,000 hypervisors in 100 aggregates, 50,000 servers. First synchronisation, what a
//! quiet poll costs (requests by service, CPU time, no full server list), resident memory, and
//! the time from a server changing in the cloud to the inventory notification at a subscriber,
//! polling every second.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use netweave_testkit::fake_openstack::{FakeOpenStack, Service};
use serde_json::json;

use crate::{memory_mib, start_with};

const HYPERVISORS: usize = 2_000;
const AGGREGATES: usize = 100;
const SERVERS: usize = 50_000;

/// CPU time (user + system) a process has used.
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    // Fields 14 and 15 of stat(5) (utime, stime), counted after the command's closing paren.
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // USER_HZ, 100 on every Linux platform netweave runs on.
    Duration::from_secs_f64((ticks(11) + ticks(12)) as f64 / 100.0)
}

async fn polls(addr: std::net::SocketAddr) -> f64 {
    let text = reqwest::get(format!("http://{addr}/metrics"))
        .await
        .ok()
        .map(|r| r.text());
    let text = match text {
        Some(t) => t.await.unwrap_or_default(),
        None => String::new(),
    };
    text.lines()
        .find(|l| l.starts_with("netweave_openstack_polls_total{result=\"ok\"}"))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

pub async fn run(seconds: u64) -> anyhow::Result<()> {
    let fake = FakeOpenStack::start().await?;
    let built = Instant::now();
    fake.with(|c| {
        for f in 0..10 {
            c.add_flavor(&format!("flavor-{f}"), 1 << (f % 5), 2048 << (f % 5), 20);
        }
        let hosts: Vec<String> = (0..HYPERVISORS).map(|h| format!("host-{h:04}")).collect();
        for h in &hosts {
            c.add_hypervisor(h, 128, 1_048_576, 4000);
        }
        let per = HYPERVISORS / AGGREGATES;
        for a in 0..AGGREGATES {
            let members: Vec<&str> = hosts[a * per..(a + 1) * per]
                .iter()
                .map(String::as_str)
                .collect();
            let zone = format!("az-{}", a % 10);
            c.add_aggregate(&format!("aggregate-{a:03}"), Some(&zone), &members);
        }
        for s in 0..SERVERS {
            c.add_server(
                &format!("vm-{s:05}"),
                Some(&hosts[s % HYPERVISORS]),
                &format!("flavor-{}", s % 10),
            );
        }
    });
    let dir = tempfile::tempdir()?;
    let clouds = dir.path().join("clouds.yaml");
    std::fs::write(&clouds, fake.clouds_yaml())?;
    println!(
        "openstack backend · fake cloud of {HYPERVISORS} hypervisors, {AGGREGATES} aggregates, {SERVERS} servers (built in {:.1} s)",
        built.elapsed().as_secs_f64()
    );
    let flags: Vec<String> = [
        "--backend",
        "openstack",
        "--os-cloud",
        "password",
        "--os-poll-seconds",
        "1",
        "--callback-allow",
        "127.0.0.0/8",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .chain(["--os-cloud-file".to_owned(), clouds.display().to_string()])
    .collect();
    let started = Instant::now();
    let server = start_with(&flags, &[]).await?;
    let (rss, _) = memory_mib(server.child.id());
    println!(
        "{:<58} {:>9.2} s    {rss:.1} MiB resident",
        "openstack: first sync (every object listed) to ready",
        started.elapsed().as_secs_f64()
    );

    // Quiet polls: nothing changes in the cloud.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let count = |s: Service| fake.with(|c| c.requests.get(&s).copied().unwrap_or(0));
    // (compute, placement, identity requests, full server lists, CPU time, polls) now.
    let reading = || async {
        (
            count(Service::Compute),
            count(Service::Placement),
            count(Service::Identity),
            fake.with(|c| c.full_server_lists),
            cpu_time(server.child.id()),
            polls(server.addr).await,
        )
    };
    let before = reading().await;
    tokio::time::sleep(Duration::from_secs(seconds.max(5))).await;
    let after = reading().await;
    let n = (after.5 - before.5).max(1.0);
    let per = |a: u64, b: u64| (a - b) as f64 / n;
    println!(
        "{:<58} {:>9.1} req/poll (compute {:.1}, placement {:.1}, identity {:.1}); {:.1} ms CPU/poll; full server lists: {}",
        format!("openstack: quiet poll ({n:.0} polls, nothing changed)"),
        per(after.0 + after.1 + after.2, before.0 + before.1 + before.2),
        per(after.0, before.0),
        per(after.1, before.1),
        per(after.2, before.2),
        (after.4 - before.4).as_secs_f64() * 1000.0 / n,
        after.3 - before.3
    );

    // Server change → InventoryChangeNotification at a subscriber.
    let arrivals: Arc<Mutex<HashMap<String, Instant>>> = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let callback = format!("http://{}/notify", listener.local_addr()?);
    let seen = Arc::clone(&arrivals);
    let receiver = axum::Router::new().fallback(move |body: axum::body::Bytes| {
        let seen = Arc::clone(&seen);
        async move {
            let at = Instant::now();
            if let Ok(n) = serde_json::from_slice::<serde_json::Value>(&body) {
                let state = &n["postObjectState"];
                if let (Some(name), Some("SHUTOFF")) = (
                    state["description"].as_str(),
                    state["extensions"]["status"].as_str(),
                ) {
                    seen.lock().unwrap().entry(name.to_owned()).or_insert(at);
                }
            }
            axum::http::StatusCode::NO_CONTENT
        }
    });
    tokio::spawn(async move { axum::serve(listener, receiver).await });
    // The O-RAN filter names what not to report: everything but resources.
    let r = reqwest::Client::new()
        .post(format!(
            "http://{}/o2ims-infrastructureInventory/v2/subscriptions",
            server.addr
        ))
        .json(&json!({ "callback": callback, "filter": "(neq,objectKind,Resource)" }))
        .send()
        .await?;
    anyhow::ensure!(r.status().is_success(), "subscription: {}", r.status());
    let ids: Vec<(String, String)> = fake.with(|c| {
        c.servers
            .values()
            .take((seconds as usize * 10).max(50))
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect()
    });
    let mut sent = HashMap::new();
    let mut ticker = tokio::time::interval(Duration::from_millis(100));
    let start = Instant::now();
    for (id, name) in &ids {
        ticker.tick().await;
        sent.insert(name.clone(), Instant::now());
        fake.with(|c| c.set_server(id, |s| s.status = "SHUTOFF".into()));
    }
    crate::arrivals_of(&sent, &arrivals, Duration::from_secs(15), start)
        .await
        .print("openstack: server change → notification (poll 1 s, 10/s)");
    let (rss, peak) = memory_mib(server.child.id());
    println!(
        "{:<58} {rss:>9.1} MiB   (peak {peak:.1} MiB)",
        "openstack: resident memory after the runs"
    );
    Ok(())
}
