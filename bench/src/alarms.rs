//! Alarm figures: Alertmanager ingest (alerts per second, each a new alarm: stored, its
//! event appended) and the latency from an alert's arrival to the `AlarmEventNotification`
//! its subscriber receives, at a fixed alert rate.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use axum::{body::Bytes, extract::State, http::StatusCode, Router};
use serde_json::{json, Value};

use crate::{finish, start_with, Server};

const ALERTS: &str = "/internal/v1/caas-alerts/alertmanager";

#[derive(Default)]
struct Seen {
    /// Arrival time by alert fingerprint.
    arrivals: Mutex<HashMap<String, Instant>>,
}

async fn receive(State(seen): State<Arc<Seen>>, body: Bytes) -> StatusCode {
    let at = Instant::now();
    if let Ok(v) = serde_json::from_slice::<Value>(&body) {
        if let Some(f) = v["extensions"]["fingerprint"].as_str() {
            seen.arrivals.lock().unwrap().insert(f.to_owned(), at);
        }
    }
    StatusCode::NO_CONTENT
}

fn alert(fingerprint: &str, host: &str) -> Value {
    json!({
        "status": "firing",
        "labels": { "alertname": "BenchAlert", "severity": "major", "instance": format!("{host}:9100") },
        "annotations": { "summary": "benchmark" },
        "startsAt": "2026-12-01T10:00:00Z",
        "fingerprint": fingerprint,
    })
}

fn payload(alerts: Vec<Value>) -> Value {
    json!({ "version": "4", "groupKey": "bench", "status": "firing", "receiver": "netweave", "alerts": alerts })
}

pub async fn run(seconds: u64, rate: u64) -> anyhow::Result<()> {
    let flags: Vec<String> = [
        "--sim-pools",
        "2",
        "--sim-resources",
        "200",
        "--callback-allow",
        "127.0.0.0/8",
    ]
    .map(str::to_owned)
    .into();
    let env = [("NETWEAVE_WEBHOOKS__CONCURRENCY", "256".to_owned())];
    let server: Server = start_with(&flags, &env).await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()?;
    let base = format!("http://{}", server.addr);
    let inventory = format!("{base}/o2ims-infrastructureInventory/v2");
    let pools: Value = client
        .get(format!("{inventory}/resourcePools"))
        .send()
        .await?
        .json()
        .await?;
    let pool = pools[0]["resourcePoolId"].as_str().unwrap_or_default();
    let resources: Value = client
        .get(format!("{inventory}/resourcePools/{pool}/resources"))
        .send()
        .await?
        .json()
        .await?;
    let hosts: Vec<String> = resources
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["extensions"]["hostname"].as_str().map(str::to_owned))
        .collect();
    anyhow::ensure!(
        !hosts.is_empty(),
        "the simulator has no resources with host names"
    );

    // Latency: one alarm subscriber, single-alert payloads at a fixed rate.
    let seen = Arc::new(Seen::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let callback = format!("http://{}/alarms", listener.local_addr()?);
    let app = Router::new()
        .fallback(receive)
        .with_state(Arc::clone(&seen));
    tokio::spawn(async move { axum::serve(listener, app).await });
    let r = client
        .post(format!(
            "{base}/o2ims-infrastructureMonitoring/v1/alarmSubscriptions"
        ))
        .json(&json!({ "callback": callback }))
        .send()
        .await?;
    anyhow::ensure!(
        r.status().is_success(),
        "alarm subscription: {}",
        r.status()
    );
    let sent = Arc::new(Mutex::new(HashMap::new()));
    let mut ticker = tokio::time::interval(Duration::from_nanos(1_000_000_000 / rate.max(1)));
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let mut n = 0usize;
    while started.elapsed() < Duration::from_secs(seconds) {
        ticker.tick().await;
        let fingerprint = format!("latency-{n}");
        let host = hosts[n % hosts.len()].clone();
        n += 1;
        let (client, url, sent) = (client.clone(), format!("{base}{ALERTS}"), Arc::clone(&sent));
        tasks.spawn(async move {
            sent.lock()
                .unwrap()
                .insert(fingerprint.clone(), Instant::now());
            let _ = client
                .post(url)
                .json(&payload(vec![alert(&fingerprint, &host)]))
                .send()
                .await;
        });
    }
    while tasks.join_next().await.is_some() {}
    let deadline = Instant::now() + Duration::from_secs(30);
    while seen.arrivals.lock().unwrap().len() < n && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let latencies: Vec<Duration> = {
        let sent = sent.lock().unwrap();
        let arrivals = seen.arrivals.lock().unwrap();
        sent.iter()
            .filter_map(|(f, at)| arrivals.get(f).map(|a| a.duration_since(*at)))
            .collect()
    };
    let missing = n - latencies.len();
    finish(latencies, missing, started.elapsed()).print(&format!(
        "alert → AlarmEventNotification, {rate} alerts/s (missing = errors)"
    ));

    // Ingest: closed loop, 50 new alarms per payload.
    let per_payload = 50;
    let stored = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let next = Arc::new(AtomicUsize::new(0));
    let hosts = Arc::new(hosts);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let (client, url) = (client.clone(), format!("{base}{ALERTS}"));
        let (stored, failed, next, hosts) = (
            Arc::clone(&stored),
            Arc::clone(&failed),
            Arc::clone(&next),
            Arc::clone(&hosts),
        );
        tasks.spawn(async move {
            while started.elapsed() < Duration::from_secs(seconds) {
                let first = next.fetch_add(per_payload, Ordering::Relaxed);
                let alerts = (first..first + per_payload)
                    .map(|i| alert(&format!("ingest-{i}"), &hosts[i % hosts.len()]))
                    .collect();
                match client.post(&url).json(&payload(alerts)).send().await {
                    Ok(r) if r.status().is_success() => {
                        stored.fetch_add(per_payload, Ordering::Relaxed);
                    }
                    _ => {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        });
    }
    while tasks.join_next().await.is_some() {}
    let elapsed = started.elapsed().as_secs_f64();
    let stored = stored.load(Ordering::Relaxed);
    println!(
        "{:<58} {:>9.0} alerts/s   ({stored} new alarms in {elapsed:.2} s, {per_payload} per payload, 16 senders, {} failed payloads)",
        "Alertmanager ingest (embedded store and log)",
        stored as f64 / elapsed,
        failed.load(Ordering::Relaxed)
    );
    drop(server);
    Ok(())
}
