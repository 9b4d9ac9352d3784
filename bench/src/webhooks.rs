//! Webhook delivery figures: end-to-end latency from a change to the received notification at
//! a fixed change rate, and sustained deliveries per second with many subscriptions.

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

#[derive(Default)]
struct Seen {
    /// Arrival time by resource description token.
    arrivals: Mutex<HashMap<String, Instant>>,
    count: AtomicUsize,
}

async fn receive(State(seen): State<Arc<Seen>>, body: Bytes) -> StatusCode {
    let at = Instant::now();
    seen.count.fetch_add(1, Ordering::Relaxed);
    if let Ok(v) = serde_json::from_slice::<Value>(&body) {
        if let Some(token) = v["postObjectState"]["description"].as_str() {
            seen.arrivals.lock().unwrap().insert(token.to_owned(), at);
        }
    }
    StatusCode::NO_CONTENT
}

async fn receiver() -> (String, Arc<Seen>) {
    let seen = Arc::new(Seen::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new()
        .fallback(receive)
        .with_state(Arc::clone(&seen));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, seen)
}

async fn post(client: &reqwest::Client, url: String, body: Value) -> anyhow::Result<Value> {
    let r = client.post(url).json(&body).send().await?;
    anyhow::ensure!(r.status().is_success(), "POST answered {}", r.status());
    Ok(r.json().await?)
}

/// Runs both figures against one server; `label` names the provider.
pub async fn run(
    label: &str,
    extra: &[String],
    seconds: u64,
    rate: u64,
    subscriptions: usize,
) -> anyhow::Result<()> {
    let mut flags = vec![
        "--sim-pools".into(),
        "1".into(),
        "--sim-resources".into(),
        "100".into(),
    ];
    flags.extend(["--callback-allow".into(), "127.0.0.0/8".into()]);
    flags.extend(extra.iter().cloned());
    let env = [("NETWEAVE_WEBHOOKS__CONCURRENCY", "256".to_owned())];
    let server: Server = start_with(&flags, &env).await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()?;
    let base = format!("http://{}/o2ims-infrastructureInventory/v2", server.addr);
    let (pool, ty) = crate::pool_and_type(&client, &base).await?;
    let (callback, seen) = receiver().await;

    // Latency: one subscriber, changes at a fixed rate.
    let sub = post(
        &client,
        format!("{base}/subscriptions"),
        json!({"callback": format!("{callback}/latency")}),
    )
    .await?;
    let sent = Arc::new(Mutex::new(HashMap::new()));
    let mut ticker = tokio::time::interval(Duration::from_nanos(1_000_000_000 / rate));
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let mut n = 0usize;
    while started.elapsed() < Duration::from_secs(seconds) {
        ticker.tick().await;
        let token = format!("bench-{n}");
        n += 1;
        let (client, url, sent, ty) = (
            client.clone(),
            format!("{base}/resourcePools/{pool}/resources"),
            Arc::clone(&sent),
            ty.clone(),
        );
        tasks.spawn(async move {
            sent.lock().unwrap().insert(token.clone(), Instant::now());
            let _ = post(
                &client,
                url,
                json!({"resourceTypeId": ty, "description": token}),
            )
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
            .filter_map(|(t, at)| arrivals.get(t).map(|a| a.duration_since(*at)))
            .collect()
    };
    let missing = n - latencies.len();
    let stats = finish(latencies, missing, started.elapsed());
    stats.print(&format!(
        "[{label}] change → webhook, {rate} changes/s (missing = errors)"
    ));
    client
        .delete(format!(
            "{base}/subscriptions/{}",
            sub["subscriptionId"].as_str().unwrap_or_default()
        ))
        .send()
        .await?;

    // Throughput: many subscribers, a burst of changes.
    for i in 0..subscriptions {
        post(
            &client,
            format!("{base}/subscriptions"),
            json!({"callback": format!("{callback}/fan/{i}")}),
        )
        .await?;
    }
    let changes = 20;
    let expected = changes * subscriptions;
    let before = seen.count.load(Ordering::Relaxed);
    let started = Instant::now();
    for i in 0..changes {
        post(
            &client,
            format!("{base}/resourcePools/{pool}/resources"),
            json!({"resourceTypeId": ty, "description": format!("burst-{i}")}),
        )
        .await?;
    }
    let deadline = Instant::now() + Duration::from_secs(120);
    while seen.count.load(Ordering::Relaxed) - before < expected && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let delivered = seen.count.load(Ordering::Relaxed) - before;
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "{:<58} {:>9.0} deliveries/s   ({delivered} of {expected} in {elapsed:.2} s, {subscriptions} subscriptions)",
        format!("[{label}] sustained webhook deliveries"),
        delivered as f64 / elapsed
    );
    drop(server);
    Ok(())
}
