//! The Kubernetes backend against the fake API server (in this process) with 10,000 nodes:
//! time to the synchronised cache, list and filtered-list latency from the cache, and the
//! time from a watch event leaving the API server to the O2-IMS event reaching a gRPC watcher
//! (through the cache, the diff and the durable append).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use http_body_util::BodyExt;
use netweave::proto::events::v1::{
    event_service_client::EventServiceClient, watch_response::Item, WatchRequest,
};
use netweave_testkit::fake_apiserver::{
    fixtures, FakeApiServer, MACHINE_SETS, NODES, STORAGE_CLASSES,
};
use serde_json::json;

use crate::{
    closed_loop, finish, fixed_rate, get_ok, http_client, memory_mib, spawn_in, start_with,
};

pub async fn run(nodes: usize, seconds: u64, rate: u64) -> anyhow::Result<()> {
    let duration = Duration::from_secs(seconds);
    let fake = FakeApiServer::start(&[NODES, STORAGE_CLASSES, MACHINE_SETS]).await?;
    let pools = 10;
    for p in 0..pools {
        fake.apply(
            MACHINE_SETS,
            fixtures::machine_set(&format!("pool-{p}"), (nodes / pools) as u64, "m5.2xlarge"),
        );
    }
    fake.apply(
        STORAGE_CLASSES,
        fixtures::storage_class("fast", "csi.example", true),
    );
    for n in 0..nodes {
        let mut node = fixtures::node(
            &format!("node-{n:05}"),
            &format!("pool-{}", n % pools),
            "m5.2xlarge",
        );
        if n % 10 == 0 {
            node["spec"]["unschedulable"] = json!(true);
        }
        fake.apply(NODES, node);
    }
    let dir = tempfile::tempdir()?;
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(&kubeconfig, fake.kubeconfig())?;
    let started = Instant::now();
    let flags = [
        "--backend".to_owned(),
        "kubernetes".to_owned(),
        "--kubeconfig".to_owned(),
        kubeconfig.display().to_string(),
    ];
    let server = start_with(&flags, &[]).await?;
    let (rss, _) = memory_mib(server.child.id());
    println!(
        "kubernetes backend · {nodes} fake nodes in {pools} MachineSet pools · cache synchronised and ready in {:.1} s · {rss:.1} MiB resident",
        started.elapsed().as_secs_f64()
    );

    let base = format!("http://{}/o2ims-infrastructureInventory/v2", server.addr);
    let client = http_client();
    let body = client
        .get(format!("{base}/resourcePools").parse()?)
        .await?
        .into_body()
        .collect()
        .await?
        .to_bytes();
    let listed: serde_json::Value = serde_json::from_slice(&body)?;
    let pool = listed[0]["resourcePoolId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let lists_before = fake.list_requests();

    let page: hyper::Uri = format!("{base}/resourcePools/{pool}/resources?limit=100").parse()?;
    let c = client.clone();
    fixed_rate(rate, duration, move || {
        let (c, uri) = (c.clone(), page.clone());
        async move { get_ok(&c, &uri).await }
    })
    .await
    .print(&format!(
        "k8s: REST resource page, limit 100 ({rate} req/s)"
    ));

    let filter: String =
        url::form_urlencoded::byte_serialize(b"(eq,extensions/adminState,LOCKED)").collect();
    let filtered: hyper::Uri =
        format!("{base}/resourcePools/{pool}/resources?filter={filter}&limit=100").parse()?;
    let c = client.clone();
    fixed_rate(rate, duration, move || {
        let (c, uri) = (c.clone(), filtered.clone());
        async move { get_ok(&c, &uri).await }
    })
    .await
    .print(&format!(
        "k8s: REST filtered resource page (cordoned), limit 100 ({rate} req/s)"
    ));

    let whole: hyper::Uri = format!("{base}/resourcePools/{pool}/resources").parse()?;
    let c = client.clone();
    closed_loop(4, duration, move || {
        let (c, uri) = (c.clone(), whole.clone());
        async move { get_ok(&c, &uri).await }
    })
    .await
    .print(&format!(
        "k8s: REST whole pool ({} nodes, c=4)",
        nodes / pools
    ));
    println!(
        "{:<58} {:>9}",
        "k8s: API server list calls made by those reads",
        fake.list_requests() - lists_before
    );

    // Watch event → published O2-IMS event, at `rate / 5` node changes per second.
    let channel = tonic::transport::Channel::from_shared(format!("http://{}", server.addr))?
        .connect()
        .await?;
    let mut watch = EventServiceClient::new(channel)
        .watch(WatchRequest {
            type_pattern: "o2ims.Resource.Updated".into(),
            ..Default::default()
        })
        .await?
        .into_inner();
    let sent: Arc<Mutex<HashMap<String, (Instant, std::time::SystemTime)>>> = Arc::default();
    let latencies: Arc<Mutex<Vec<Duration>>> = Arc::default();
    // Where the time goes: sent → derived (occurredAt) → durable (publishedAt) → received.
    let stages: Arc<Mutex<[Vec<Duration>; 3]>> = Arc::default();
    let (s, l, st) = (
        Arc::clone(&sent),
        Arc::clone(&latencies),
        Arc::clone(&stages),
    );
    let reader = tokio::spawn(async move {
        while let Ok(Some(item)) = watch.message().await {
            if let Some(Item::Event(e)) = item.item {
                if let Some((at, wall)) = s.lock().unwrap().remove(&e.object_id) {
                    l.lock().unwrap().push(at.elapsed());
                    let time = |t: Option<prost_types::Timestamp>| {
                        t.map(|t| {
                            std::time::UNIX_EPOCH + Duration::new(t.seconds as u64, t.nanos as u32)
                        })
                    };
                    if let (Some(occurred), Some(published)) =
                        (time(e.occurred_at), time(e.published_at))
                    {
                        let now = std::time::SystemTime::now();
                        let mut st = st.lock().unwrap();
                        st[0].push(occurred.duration_since(wall).unwrap_or_default());
                        st[1].push(published.duration_since(occurred).unwrap_or_default());
                        st[2].push(now.duration_since(published).unwrap_or_default());
                    }
                }
            }
        }
    });
    let changes_per_second = (rate / 5).max(1);
    let mut ticker =
        tokio::time::interval(Duration::from_nanos(1_000_000_000 / changes_per_second));
    let start = Instant::now();
    let mut n = 0usize;
    while start.elapsed() < duration {
        ticker.tick().await;
        let name = format!("node-{:05}", n % nodes);
        let Some(mut node) = fake.get(NODES, &name) else {
            continue;
        };
        node["metadata"]["labels"]["bench/seq"] = json!(n.to_string());
        let uid = node["metadata"]["uid"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        sent.lock()
            .unwrap()
            .insert(uid, (Instant::now(), std::time::SystemTime::now()));
        fake.apply(NODES, node);
        n += 1;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    reader.abort();
    let lost = sent.lock().unwrap().len();
    let got = std::mem::take(&mut *latencies.lock().unwrap());
    finish(got, lost, start.elapsed()).print(&format!(
        "k8s: watch event → O2-IMS event at a watcher ({changes_per_second} changes/s)"
    ));
    let stages = std::mem::take(&mut *stages.lock().unwrap());
    for (name, d) in [
        "API server → change derived",
        "derived → durably appended",
        "appended → at the watcher",
    ]
    .iter()
    .zip(stages)
    {
        finish(d, 0, start.elapsed()).print(&format!("k8s:   of which {name}"));
    }
    let (rss, peak) = memory_mib(server.child.id());
    println!(
        "{:<58} {rss:>9.1} MiB   (peak {peak:.1} MiB)",
        "k8s: resident memory after the runs"
    );
    drop(server);
    startup(&fake, &flags, nodes).await?;
    alarms(&fake, &flags, nodes, seconds).await
}

/// Node conditions as alarms: a node going NotReady on the API server → the NEW
/// `AlarmEventNotification` at a subscriber, 10 nodes a second, every node watched (the
/// leader's condition check runs every `alarms.condition_check_seconds`, 0.5 s).
async fn alarms(
    fake: &FakeApiServer,
    flags: &[String],
    nodes: usize,
    seconds: u64,
) -> anyhow::Result<()> {
    let mut flags = flags.to_vec();
    flags.extend(["--callback-allow".to_owned(), "127.0.0.0/8".to_owned()]);
    let server = start_with(&flags, &[]).await?;
    let arrivals: Arc<Mutex<HashMap<String, Instant>>> = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let callback = format!("http://{}/alarms", listener.local_addr()?);
    let seen = Arc::clone(&arrivals);
    let receiver = axum::Router::new().fallback(move |body: axum::body::Bytes| {
        let seen = Arc::clone(&seen);
        async move {
            let at = Instant::now();
            if let Ok(n) = serde_json::from_slice::<serde_json::Value>(&body) {
                if let (Some(0), Some(node)) = (
                    n["notificationEventType"].as_u64(),
                    n["extensions"]["nodeName"].as_str(),
                ) {
                    seen.lock().unwrap().insert(node.to_owned(), at);
                }
            }
            axum::http::StatusCode::NO_CONTENT
        }
    });
    tokio::spawn(async move { axum::serve(listener, receiver).await });
    let r = reqwest::Client::new()
        .post(format!(
            "http://{}/o2ims-infrastructureMonitoring/v1/alarmSubscriptions",
            server.addr
        ))
        .json(&json!({ "callback": callback }))
        .send()
        .await?;
    anyhow::ensure!(
        r.status().is_success(),
        "alarm subscription: {}",
        r.status()
    );
    let count = (seconds * 10).min(nodes as u64) as usize;
    let mut sent = HashMap::new();
    let started = Instant::now();
    let mut ticker = tokio::time::interval(Duration::from_millis(100));
    for i in 0..count {
        ticker.tick().await;
        let name = format!("node-{:05}", (i * 7919) % nodes);
        let Some(mut node) = fake.get(NODES, &name) else {
            continue;
        };
        let since = jiff::Timestamp::now().to_string();
        if let Some(conditions) = node["status"]["conditions"].as_array_mut() {
            for c in conditions.iter_mut().filter(|c| c["type"] == "Ready") {
                *c = json!({"type": "Ready", "status": "False", "reason": "KubeletNotReady",
                    "message": "benchmark", "lastTransitionTime": since});
            }
        }
        sent.insert(name, Instant::now());
        fake.apply(NODES, node);
    }
    crate::arrivals_of(&sent, &arrivals, Duration::from_secs(10), started)
        .await
        .print(&format!(
            "k8s: node NotReady → AlarmEventNotification ({nodes} nodes, 10/s)"
        ));
    drop(server);
    Ok(())
}

/// Start-up on one data directory: the first start (its view recorded as the baseline), a
/// restart after SIGKILL with no change (the view diffed with the published state: nothing to
/// publish), and one after 10 % of the nodes were cordoned while it was down (those changes
/// published before ready). The diff's own share is the server's
/// `netweave_backend_view_reconcile_seconds`.
async fn startup(fake: &FakeApiServer, flags: &[String], nodes: usize) -> anyhow::Result<()> {
    let data = tempfile::tempdir()?;
    let client = http_client();
    let run = |label: String| {
        let client = client.clone();
        let data = data.path().to_owned();
        async move {
            let started = Instant::now();
            let server = spawn_in(&data, flags, &[])?;
            let ready: hyper::Uri = format!("http://{}/readyz", server.addr).parse()?;
            loop {
                if let Ok(r) = client.get(ready.clone()).await {
                    if r.status().is_success() {
                        break;
                    }
                }
                anyhow::ensure!(started.elapsed() < Duration::from_secs(120), "not ready");
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            let took = started.elapsed();
            let metrics: hyper::Uri = format!("http://{}/metrics", server.addr).parse()?;
            let body = client
                .get(metrics)
                .await?
                .into_body()
                .collect()
                .await?
                .to_bytes();
            let reconcile = String::from_utf8_lossy(&body)
                .lines()
                .find_map(|l| l.strip_prefix("netweave_backend_view_reconcile_seconds "))
                .and_then(|v| v.trim().parse::<f64>().ok())
                .unwrap_or(f64::NAN);
            println!(
                "{label:<58} ready in {:>6.2} s   (of which the published-state step {:>6.1} ms)",
                took.as_secs_f64(),
                reconcile * 1000.0
            );
            let mut server = server;
            let _ = server.child.kill();
            let _ = server.child.wait();
            anyhow::Ok(())
        }
    };
    run(format!(
        "k8s start-up, {nodes} nodes: first start (baseline)"
    ))
    .await?;
    run(format!("k8s start-up, {nodes} nodes: restart, no change")).await?;
    let changed = nodes / 10;
    for n in (0..nodes).step_by(10) {
        let key = format!("node-{n:05}");
        if let Some(mut node) = fake.get(NODES, &key) {
            node["spec"]["unschedulable"] = json!(false);
            fake.apply(NODES, node);
        }
    }
    run(format!(
        "k8s start-up, {nodes} nodes: restart, {changed} changed"
    ))
    .await?;
    Ok(())
}
