//! Fan-out figures: many gRPC watchers following the stream, the server memory each idle one
//! costs, and how fast an event reaches all of them.

use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use netweave::proto::events::v1::{
    event_service_client::EventServiceClient, watch_response::Item, WatchRequest,
};
use serde_json::json;

use crate::{memory_mib, start_with};

pub async fn run(watchers: usize, events: usize) -> anyhow::Result<()> {
    let flags = ["--sim-pools", "1", "--sim-resources", "100"].map(String::from);
    let env = [
        ("NETWEAVE_EVENTS__HEARTBEAT_SECONDS", "5".to_owned()),
        ("NETWEAVE_EVENTS__WATCH_BUFFER", "4096".to_owned()),
    ];
    let server = start_with(&flags, &env).await?;
    let pid = server.child.id();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (rss_before, _) = memory_mib(pid);

    let mut channels = Vec::new();
    for _ in 0..(watchers / 100).max(1) {
        channels.push(
            tonic::transport::Channel::from_shared(format!("http://{}", server.addr))?
                .connect()
                .await?,
        );
    }
    let started = Arc::new(AtomicUsize::new(0));
    let finished = Arc::new(AtomicUsize::new(0));
    let last_arrival = Arc::new(std::sync::Mutex::new(Instant::now()));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..watchers {
        let mut client = EventServiceClient::new(channels[i % channels.len()].clone());
        let (started, finished, last_arrival) = (
            Arc::clone(&started),
            Arc::clone(&finished),
            Arc::clone(&last_arrival),
        );
        tasks.spawn(async move {
            let Ok(response) = client.watch(WatchRequest::default()).await else {
                return;
            };
            started.fetch_add(1, Ordering::Relaxed);
            let mut stream = response.into_inner();
            let mut got = 0;
            while let Ok(Some(item)) = stream.message().await {
                if let Some(Item::Event(_)) = item.item {
                    got += 1;
                    if got == events {
                        *last_arrival.lock().unwrap() = Instant::now();
                        finished.fetch_add(1, Ordering::Relaxed);
                        return;
                    }
                }
            }
        });
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while started.load(Ordering::Relaxed) < watchers && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (rss_idle, _) = memory_mib(pid);
    let per_watcher_kib = (rss_idle - rss_before) * 1024.0 / watchers as f64;
    println!(
        "{:<58} {:>9.1} KiB   ({watchers} watchers: {rss_before:.1} → {rss_idle:.1} MiB)",
        "server memory per idle gRPC watcher", per_watcher_kib
    );

    let client = reqwest::Client::new();
    let base = format!("http://{}/o2ims-infrastructureInventory/v2", server.addr);
    let (pool, ty) = crate::pool_and_type(&client, &base).await?;
    let first_change = Instant::now();
    for i in 0..events {
        client
            .post(format!("{base}/resourcePools/{pool}/resources"))
            .json(&json!({"resourceTypeId": ty, "description": format!("fan-{i}")}))
            .send()
            .await?;
    }
    let deadline = Instant::now() + Duration::from_secs(120);
    while finished.load(Ordering::Relaxed) < watchers && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let done = finished.load(Ordering::Relaxed);
    let elapsed = last_arrival
        .lock()
        .unwrap()
        .duration_since(first_change)
        .as_secs_f64();
    println!(
        "{:<58} {:>9.0} events/s   ({done} of {watchers} watchers got all {events} events in {elapsed:.2} s)",
        "fan-out to gRPC watchers",
        (done * events) as f64 / elapsed
    );
    tasks.abort_all();
    Ok(())
}
