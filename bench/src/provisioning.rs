//! Provisioning figures on the simulator with zero delay: the time from a create to FULFILLED
//! for `concurrent` requests made at once (each polled until fulfilled), and the latency of the
//! whole request list once `listed` requests are stored.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::{finish, start_with};

const REQUESTS: &str = "/o2ims-infrastructureProvisioning/v1/provisioningRequests";

fn request(site: &str, nodes: u32) -> Value {
    json!({
        "provisioningRequestId": uuid::Uuid::new_v4().to_string(),
        "name": "bench", "description": "bench",
        "templateName": "sim-pool", "templateVersion": "v1",
        "templateParameters": {"poolName": "bench", "oCloudSiteId": site,
            "nodeCount": nodes, "readySeconds": 0}
    })
}

/// Creates `body` and polls it until FULFILLED; the time that took.
async fn fulfil(client: &reqwest::Client, base: &str, body: Value) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let id = body["provisioningRequestId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let r = client
        .post(format!("{base}{REQUESTS}"))
        .json(&body)
        .send()
        .await?;
    anyhow::ensure!(r.status().as_u16() == 201, "create: {}", r.status());
    loop {
        let got: Value = client
            .get(format!("{base}{REQUESTS}/{id}"))
            .send()
            .await?
            .json()
            .await?;
        match got["status"]["provisioningPhase"].as_str() {
            Some("FULFILLED") => return Ok(started.elapsed()),
            Some("FAILED") => anyhow::bail!("request failed: {}", got["status"]["message"]),
            _ => tokio::time::sleep(Duration::from_millis(5)).await,
        }
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(120),
            "not fulfilled in 120 s"
        );
    }
}

pub async fn run(concurrent: usize, listed: usize) -> anyhow::Result<()> {
    let flags: Vec<String> = ["--sim-pools", "2", "--sim-resources", "200"]
        .map(str::to_owned)
        .into();
    let env = [("NETWEAVE_PROVISIONING__POLL_SECONDS", "0.05".to_owned())];
    let server = start_with(&flags, &env).await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()?;
    let base = format!("http://{}", server.addr);
    let sites: Value = client
        .get(format!(
            "{base}/o2ims-infrastructureInventory/v2/oCloudSites"
        ))
        .send()
        .await?
        .json()
        .await?;
    let site = sites[0]["oCloudSiteId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    // Create → FULFILLED, `concurrent` requests of three nodes each at once.
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..concurrent {
        let (client, base, body) = (client.clone(), base.clone(), request(&site, 3));
        tasks.spawn(async move { fulfil(&client, &base, body).await });
    }
    let (mut latencies, mut errors) = (Vec::new(), 0);
    while let Some(done) = tasks.join_next().await {
        match done? {
            Ok(t) => latencies.push(t),
            Err(e) => {
                errors += 1;
                eprintln!("provisioning: {e:#}");
            }
        }
    }
    let wall = started.elapsed();
    let stats = finish(latencies, errors, wall);
    println!(
        "provisioning: {concurrent} concurrent requests (3 nodes each, simulator, zero delay): create → FULFILLED p50 {:.0} ms, p99 {:.0} ms, all fulfilled in {:.2} s, {} errors",
        stats.percentile(0.5),
        stats.percentile(0.99),
        wall.as_secs_f64(),
        stats.errors()
    );

    // The list with `listed` requests stored (pools of no nodes, created 64 at a time).
    let made = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let mut errors = 0;
    for _ in concurrent..listed {
        if tasks.len() >= 64 {
            if let Some(Ok(false)) = tasks.join_next().await {
                errors += 1;
            }
        }
        let (client, url, body) = (
            client.clone(),
            format!("{base}{REQUESTS}"),
            request(&site, 0),
        );
        tasks.spawn(async move {
            matches!(client.post(url).json(&body).send().await, Ok(r) if r.status().as_u16() == 201)
        });
    }
    while let Some(done) = tasks.join_next().await {
        if !matches!(done, Ok(true)) {
            errors += 1;
        }
    }
    println!(
        "provisioning: {} requests created in {:.1} s ({:.0}/s, {errors} errors)",
        listed - concurrent,
        made.elapsed().as_secs_f64(),
        (listed - concurrent) as f64 / made.elapsed().as_secs_f64()
    );
    let mut latencies = Vec::new();
    let mut errors = 0;
    let started = Instant::now();
    for _ in 0..50 {
        let t = Instant::now();
        match client.get(format!("{base}{REQUESTS}")).send().await {
            Ok(r) if r.status().is_success() => {
                let items: Value = r.json().await?;
                anyhow::ensure!(
                    items.as_array().map_or(0, Vec::len) == listed,
                    "the list holds {} requests, not {listed}",
                    items.as_array().map_or(0, Vec::len)
                );
                latencies.push(t.elapsed());
            }
            _ => errors += 1,
        }
    }
    let stats = finish(latencies, errors, started.elapsed());
    println!(
        "provisioning: list of {listed} requests p50 {:.0} ms, p99 {:.0} ms ({} errors)",
        stats.percentile(0.5),
        stats.percentile(0.99),
        stats.errors()
    );
    Ok(())
}
