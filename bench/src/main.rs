//! `make bench`: starts `netweave serve` (the release binary beside this one) with a large
//! simulated O-Cloud, drives it over loopback, and prints throughput, latency percentiles and
//! the server's resident memory. The load generator shares the machine with the server.

use std::{
    net::SocketAddr,
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use bytes::Bytes;
use clap::Parser;
use http_body_util::{BodyExt, Empty};
use hyper_util::{client::legacy::Client, rt::TokioExecutor};
use netweave::proto::o2ims::v1::{
    inventory_service_client::InventoryServiceClient, ListResourcePoolsRequest,
};
use tokio::task::JoinSet;

mod alarms;
mod bare;
mod kube;
mod lcm;
mod limits;
mod openstack;
mod provisioning;
mod watch;
mod webhooks;

#[derive(Parser)]
#[command(about = "netweave benchmarks")]
struct Args {
    /// Seconds each closed-loop and fixed-rate run lasts.
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// Simulated resources.
    #[arg(long, default_value_t = 100_000)]
    resources: usize,
    /// Simulated pools.
    #[arg(long, default_value_t = 10)]
    pools: usize,
    /// Concurrent requests of the closed-loop runs.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// HTTP/2 connections the gRPC run spreads its calls over.
    #[arg(long, default_value_t = 8)]
    grpc_connections: usize,
    /// Which suites to run: inventory, limits, webhooks, watch, kube, openstack, alarms,
    /// provisioning, lcm (comma-separated).
    #[arg(
        long,
        default_value = "inventory,limits,webhooks,watch,kube,openstack,alarms,provisioning,lcm"
    )]
    suites: String,
    /// Subscriptions of the webhook throughput run.
    #[arg(long, default_value_t = 1000)]
    subscriptions: usize,
    /// Watchers of the fan-out run.
    #[arg(long, default_value_t = 10_000)]
    watchers: usize,
    /// Fake Kubernetes nodes of the kube suite.
    #[arg(long, default_value_t = 10_000)]
    nodes: usize,
    /// Requests per second of the fixed-rate filtered-page run.
    #[arg(long, default_value_t = 1000)]
    rate: u64,
    /// Internal: serve as the bare responder of the limits suite, with the bodies in this
    /// directory.
    #[arg(long, hide = true, requires = "bare_addr")]
    bare_responder: Option<std::path::PathBuf>,
    #[arg(long, hide = true)]
    bare_addr: Option<SocketAddr>,
}

pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
    _data: Option<tempfile::TempDir>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_addr() -> SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
}

async fn start(args: &Args) -> anyhow::Result<Server> {
    let sizes = [
        "--sim-pools".to_owned(),
        args.pools.to_string(),
        "--sim-resources".to_owned(),
        args.resources.to_string(),
    ];
    start_with(&sizes, &[]).await
}

/// Starts `netweave serve` (the release binary beside this one) with extra flags and environment.
pub async fn start_with(flags: &[String], env: &[(&str, String)]) -> anyhow::Result<Server> {
    ready(spawn(flags, env)?).await
}

/// Returns `server` once `/readyz` answers 200.
pub async fn ready(server: Server) -> anyhow::Result<Server> {
    let client = http_client();
    for _ in 0..600 {
        let uri = format!("http://{}/readyz", server.addr).parse()?;
        if let Ok(r) = client.get(uri).await {
            if r.status().is_success() {
                return Ok(server);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("netweave did not become ready")
}

/// Spawns `netweave serve` without waiting for it.
pub fn spawn(flags: &[String], env: &[(&str, String)]) -> anyhow::Result<Server> {
    let data = tempfile::tempdir()?;
    let mut server = spawn_in(data.path(), flags, env)?;
    server._data = Some(data);
    Ok(server)
}

/// Spawns `netweave serve` on data directory `data` (kept after it stops).
pub fn spawn_in(
    data: &std::path::Path,
    flags: &[String],
    env: &[(&str, String)],
) -> anyhow::Result<Server> {
    let exe = std::env::current_exe()?.with_file_name("netweave");
    let addr = free_addr();
    let child = Command::new(&exe)
        .args([
            "serve",
            "--listen",
            &addr.to_string(),
            "--log-level",
            "warn",
        ])
        .arg("--data-dir")
        .arg(data)
        .args(flags)
        // `{addr}` in a value is the address the server listens on.
        .envs(
            env.iter()
                .map(|(k, v)| (*k, v.replace("{addr}", &addr.to_string()))),
        )
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| {
            anyhow::anyhow!(
                "starting {}: {e} (run `cargo build --release --bins`)",
                exe.display()
            )
        })?;
    Ok(Server {
        child,
        addr,
        _data: None,
    })
}

/// The first pool's and the first resource type's ids, for the write runs.
pub async fn pool_and_type(
    client: &reqwest::Client,
    base: &str,
) -> anyhow::Result<(String, String)> {
    let first =
        |v: serde_json::Value, field: &str| v[0][field].as_str().unwrap_or_default().to_owned();
    let pools = client
        .get(format!("{base}/resourcePools"))
        .send()
        .await?
        .json()
        .await?;
    let types = client
        .get(format!("{base}/resourceTypes"))
        .send()
        .await?
        .json()
        .await?;
    Ok((
        first(pools, "resourcePoolId"),
        first(types, "resourceTypeId"),
    ))
}

pub fn http_client() -> Client<hyper_util::client::legacy::connect::HttpConnector, Empty<Bytes>> {
    Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(1024)
        .build_http()
}

/// Resident and peak resident memory of a process, in MiB.
pub fn memory_mib(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

pub struct Stats {
    requests: usize,
    errors: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Stats {
    pub fn percentile(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let i = ((self.latencies.len() as f64 - 1.0) * p).round() as usize;
        self.latencies[i].as_secs_f64() * 1000.0
    }

    pub fn errors(&self) -> usize {
        self.errors
    }

    /// Requests per second.
    pub fn throughput(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    pub fn print(&self, name: &str) {
        println!(
            "{name:<58} {:>9.0} req/s   p50 {:>7.3} ms   p99 {:>7.3} ms   ({} requests, {} errors)",
            self.throughput(),
            self.percentile(0.50),
            self.percentile(0.99),
            self.requests,
            self.errors
        );
    }
}

pub fn finish(mut latencies: Vec<Duration>, errors: usize, elapsed: Duration) -> Stats {
    latencies.sort_unstable();
    Stats {
        requests: latencies.len() + errors,
        errors,
        elapsed,
        latencies,
    }
}

/// Sent-to-received latencies of named changes: waits up to `within` for an arrival of each
/// name `sent` holds (a receiver records them in `arrivals`); those that never came are errors.
pub async fn arrivals_of(
    sent: &std::collections::HashMap<String, Instant>,
    arrivals: &std::sync::Mutex<std::collections::HashMap<String, Instant>>,
    within: Duration,
    elapsed_since: Instant,
) -> Stats {
    let deadline = Instant::now() + within;
    while arrivals.lock().unwrap().len() < sent.len() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let arrivals = arrivals.lock().unwrap().clone();
    let latencies: Vec<Duration> = sent
        .iter()
        .filter_map(|(n, at)| arrivals.get(n).map(|a| a.duration_since(*at)))
        .collect();
    let missing = sent.len() - latencies.len();
    finish(latencies, missing, elapsed_since.elapsed())
}

/// `concurrency` loops calling `call` back to back for `duration`.
pub async fn closed_loop<F, Fut>(concurrency: usize, duration: Duration, call: F) -> Stats
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = JoinSet::new();
    for _ in 0..concurrency {
        let call = call.clone();
        tasks.spawn(async move {
            let (mut latencies, mut errors) = (Vec::new(), 0usize);
            while Instant::now() < deadline {
                let t = Instant::now();
                if call().await {
                    latencies.push(t.elapsed());
                } else {
                    errors += 1;
                }
            }
            (latencies, errors)
        });
    }
    let (mut all, mut errors) = (Vec::new(), 0);
    while let Some(Ok((l, e))) = tasks.join_next().await {
        all.extend(l);
        errors += e;
    }
    finish(all, errors, start.elapsed())
}

/// Requests started at a fixed rate whatever the latency (open loop).
async fn fixed_rate<F, Fut>(rate: u64, duration: Duration, call: F) -> Stats
where
    F: Fn() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = bool> + Send + 'static,
{
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let errors = Arc::new(Mutex::new(0usize));
    let mut ticker = tokio::time::interval(Duration::from_nanos(1_000_000_000 / rate));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let start = Instant::now();
    let mut tasks = JoinSet::new();
    while start.elapsed() < duration {
        ticker.tick().await;
        let (latencies, errors, fut) = (Arc::clone(&latencies), Arc::clone(&errors), call());
        tasks.spawn(async move {
            let t = Instant::now();
            if fut.await {
                latencies.lock().unwrap().push(t.elapsed());
            } else {
                *errors.lock().unwrap() += 1;
            }
        });
    }
    while tasks.join_next().await.is_some() {}
    let latencies = std::mem::take(&mut *latencies.lock().unwrap());
    let errors = *errors.lock().unwrap();
    finish(latencies, errors, start.elapsed())
}

async fn get_ok(
    client: &Client<hyper_util::client::legacy::connect::HttpConnector, Empty<Bytes>>,
    uri: &hyper::Uri,
) -> bool {
    match client.get(uri.clone()).await {
        Ok(r) if r.status().is_success() => r.into_body().collect().await.is_ok(),
        _ => false,
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let (Some(dir), Some(addr)) = (&args.bare_responder, args.bare_addr) {
        return bare::serve(dir, addr).await;
    }
    let suites: Vec<&str> = args.suites.split(',').map(str::trim).collect();
    if suites.contains(&"inventory") {
        inventory(&args).await?;
    }
    if suites.contains(&"limits") {
        limits::run(args.seconds).await?;
    }
    if suites.contains(&"webhooks") {
        webhooks::run("embedded", &[], args.seconds, args.rate, args.subscriptions).await?;
        match RedisProcess::start() {
            Some(redis) => {
                let flags = ["--redis-url".to_owned(), redis.url.clone()];
                webhooks::run("redis", &flags, args.seconds, args.rate, args.subscriptions).await?;
            }
            None => println!("redis-server not found: the Redis webhook figures are skipped"),
        }
    }
    if suites.contains(&"kube") {
        kube::run(args.nodes, args.seconds, args.rate).await?;
    }
    if suites.contains(&"openstack") {
        openstack::run(args.seconds).await?;
    }
    if suites.contains(&"watch") {
        watch::run(args.watchers, 20).await?;
    }
    if suites.contains(&"alarms") {
        alarms::run(args.seconds, 100).await?;
    }
    if suites.contains(&"provisioning") {
        provisioning::run(100, 10_000).await?;
    }
    if suites.contains(&"lcm") {
        lcm::run(lcm::Dms::Simulator, 100, 10_000).await?;
        lcm::run(lcm::Dms::Flux, 100, 0).await?;
        lcm::run(lcm::Dms::Helm, 100, 0).await?;
    }
    Ok(())
}

/// A `redis-server` for the Redis figures, killed on drop.
struct RedisProcess {
    child: Child,
    url: String,
    _dir: tempfile::TempDir,
}

impl RedisProcess {
    fn start() -> Option<RedisProcess> {
        let dir = tempfile::tempdir().ok()?;
        let port = free_addr().port();
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .arg("--dir")
            .arg(dir.path())
            .stdout(Stdio::null())
            .spawn()
            .ok()?;
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Some(RedisProcess {
                    child,
                    url: format!("redis://127.0.0.1:{port}/"),
                    _dir: dir,
                });
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        None
    }
}

impl Drop for RedisProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn inventory(args: &Args) -> anyhow::Result<()> {
    let duration = Duration::from_secs(args.seconds);
    let started = Instant::now();
    let server = start(args).await?;
    let pid = server.child.id();
    let (rss, _) = memory_mib(pid);
    println!(
        "netweave {} · {} resources in {} pools · ready in {:.1} s · {} cores · load generator on the same machine",
        env!("CARGO_PKG_VERSION"),
        args.resources,
        args.pools,
        started.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("{:<58} {rss:>9.1} MiB", "resident memory after start-up");

    let base = format!("http://{}/o2ims-infrastructureInventory/v2", server.addr);
    let client = http_client();
    let pools_uri: hyper::Uri = format!("{base}/resourcePools").parse()?;
    let body = client
        .get(pools_uri.clone())
        .await?
        .into_body()
        .collect()
        .await?
        .to_bytes();
    let pools: serde_json::Value = serde_json::from_slice(&body)?;
    let pool = pools[0]["resourcePoolId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let c = client.clone();
    let uri = pools_uri.clone();
    closed_loop(args.concurrency, duration, move || {
        let (c, uri) = (c.clone(), uri.clone());
        async move { get_ok(&c, &uri).await }
    })
    .await
    .print(&format!(
        "REST GET /v2/resourcePools (c={})",
        args.concurrency
    ));

    let mut clients = Vec::new();
    for _ in 0..args.grpc_connections {
        let channel = tonic::transport::Channel::from_shared(format!("http://{}", server.addr))?
            .tcp_nodelay(true)
            .connect()
            .await?;
        clients.push(InventoryServiceClient::new(channel));
    }
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    closed_loop(args.concurrency, duration, move || {
        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut grpc = clients[i % clients.len()].clone();
        async move {
            grpc.list_resource_pools(ListResourcePoolsRequest::default())
                .await
                .is_ok()
        }
    })
    .await
    .print(&format!(
        "gRPC ListResourcePools (c={}, {} connections)",
        args.concurrency, args.grpc_connections
    ));

    let filter = "(eq,extensions/usageState,BUSY);(gte,extensions/cpuCores,32)";
    let encoded: String = url::form_urlencoded::byte_serialize(filter.as_bytes()).collect();
    let page_uri: hyper::Uri =
        format!("{base}/resourcePools/{pool}/resources?filter={encoded}&limit=100").parse()?;
    let c = client.clone();
    fixed_rate(args.rate, duration, move || {
        let (c, uri) = (c.clone(), page_uri.clone());
        async move { get_ok(&c, &uri).await }
    })
    .await
    .print(&format!(
        "REST filtered resource page, limit 100 ({} req/s)",
        args.rate
    ));

    let scan_uri: hyper::Uri =
        format!("{base}/resourcePools/{pool}/resources?filter={encoded}").parse()?;
    let c = client.clone();
    closed_loop(4, duration, move || {
        let (c, uri) = (c.clone(), scan_uri.clone());
        async move { get_ok(&c, &uri).await }
    })
    .await
    .print(&format!(
        "REST filtered whole pool ({} resources scanned, c=4)",
        args.resources / args.pools.max(1)
    ));

    let (rss, peak) = memory_mib(pid);
    println!(
        "{:<58} {rss:>9.1} MiB   (peak {peak:.1} MiB)",
        "resident memory after the runs"
    );
    Ok(())
}
