//! `TestApp`: the real server on port 0 with real clients; `RedisServer`: a real
//! `redis-server` on a free loopback port. Every REST call made through `TestApp::call`
//! has its response validated against the OpenAPI contract (see `spec.rs`).

use netweave::backend::simulator::SimConfig;
use std::{
    net::{SocketAddr, TcpListener as StdListener},
    process::{Child, Command, Stdio},
    time::Duration,
};

use netweave::{
    app::{self, Listeners},
    config::Config,
    proto::o2ims::v1::{
        inventory_service_client::InventoryServiceClient,
        subscription_service_client::SubscriptionServiceClient,
    },
};
use reqwest::{header::HeaderMap, Method, StatusCode};
use serde_json::Value;
use tempfile::TempDir;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tonic::transport::Channel;

use crate::spec;

pub const V2: &str = "/o2ims-infrastructureInventory/v2";
pub const V1: &str = "/o2ims-infrastructureInventory/v1";

pub struct TestApp {
    pub addr: SocketAddr,
    pub http: reqwest::Client,
    /// `http`, or `https` when the gateway serves TLS.
    pub scheme: &'static str,
    shutdown: CancellationToken,
    task: JoinHandle<anyhow::Result<()>>,
    data: Option<TempDir>,
}

/// A REST reply: status, headers and the JSON body (`Null` when empty).
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl TestApp {
    pub async fn start() -> TestApp {
        Self::start_with(|_| {}).await
    }

    pub async fn start_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
        let data = TempDir::new().expect("temp dir");
        Self::start_in(data, tweak).await
    }

    /// Starts on an existing data directory (to test restarts).
    pub async fn start_in(data: TempDir, tweak: impl FnOnce(&mut Config)) -> TestApp {
        Self::launch(data, tweak, reqwest::Client::new()).await
    }

    /// Starts with `http` as the client of [`TestApp::call`] (TLS roots, client certificate,
    /// a default `Authorization` header).
    pub async fn start_with_client(
        tweak: impl FnOnce(&mut Config),
        http: reqwest::Client,
    ) -> TestApp {
        Self::launch(TempDir::new().expect("temp dir"), tweak, http).await
    }

    /// Starts on `data` with `http` as the client (see [`TestApp::start_with_client`]).
    pub async fn launch(
        data: TempDir,
        tweak: impl FnOnce(&mut Config),
        http: reqwest::Client,
    ) -> TestApp {
        let mut config = Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            data_dir: data.path().to_path_buf(),
            ..Config::default()
        };
        config.edit_section(|s: &mut SimConfig| s.resources = 200);
        tweak(&mut config);
        let _ = netweave::telemetry::init(config.log_format, "warn");
        let listeners = Listeners::bind(&config).await.expect("bind");
        let addr = listeners.main_addr();
        let shutdown = CancellationToken::new();
        let scheme = config.scheme();
        let task = tokio::spawn(app::run(config, listeners, shutdown.clone()));
        let app = TestApp {
            addr,
            http,
            scheme,
            shutdown,
            task,
            data: Some(data),
        };
        app.wait_ready().await;
        app
    }

    async fn wait_ready(&self) {
        for _ in 0..200 {
            if let Ok(r) = self.http.get(self.url("/readyz")).send().await {
                if r.status() == StatusCode::OK {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("server at {} never became ready", self.addr);
    }

    /// Stops the server, waits for it to drain, and hands back its data directory.
    pub async fn stop(mut self) -> TempDir {
        self.shutdown.cancel();
        let task = &mut self.task;
        tokio::time::timeout(Duration::from_secs(10), task)
            .await
            .expect("server stops within 10 s")
            .expect("server task")
            .expect("server ran cleanly");
        self.data.take().expect("data dir")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}://{}{path}", self.scheme, self.addr)
    }

    /// Calls the REST API and validates the response against the contract.
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self.http.request(method.clone(), self.url(path));
        if let Some(b) = body {
            request = request.json(&b);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body read");
        let body: Value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                panic!(
                    "{method} {path}: body is not JSON ({e}): {}",
                    String::from_utf8_lossy(&bytes)
                )
            })
        };
        spec::check(&method, path, status.as_u16(), &headers, &body);
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    /// GETs a path that must answer 200 and returns its body.
    pub async fn get_ok(&self, path: &str) -> Value {
        let reply = self.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "GET {path}: {}", reply.body);
        reply.body
    }

    /// The Prometheus text of `/metrics`, fetched with this app's client.
    pub async fn metrics(&self) -> String {
        let response = self.http.get(self.url("/metrics")).send().await;
        response.unwrap().text().await.unwrap()
    }

    /// The `field` of the first object `GET /v2/{collection}` lists.
    pub async fn first_id(&self, collection: &str, field: &str) -> String {
        let list = self.get_ok(&format!("{V2}/{collection}")).await;
        list[0][field]
            .as_str()
            .unwrap_or_else(|| panic!("no {field} in {list}"))
            .to_owned()
    }

    pub async fn channel(&self) -> Channel {
        Channel::from_shared(self.url(""))
            .unwrap()
            .connect()
            .await
            .expect("grpc connect")
    }

    pub async fn inventory(&self) -> InventoryServiceClient<Channel> {
        InventoryServiceClient::new(self.channel().await)
    }

    /// The resource pools' names over gRPC, sorted.
    pub async fn grpc_pool_names(&self) -> Vec<String> {
        let reply = self
            .inventory()
            .await
            .list_resource_pools(netweave::proto::o2ims::v1::ListResourcePoolsRequest {
                options: Some(netweave::proto::o2ims::v1::ListOptions::default()),
            })
            .await
            .expect("ListResourcePools answers");
        let mut names: Vec<String> = reply
            .into_inner()
            .resource_pools
            .into_iter()
            .map(|p| p.name)
            .collect();
        names.sort();
        names
    }

    pub async fn subscriptions(&self) -> SubscriptionServiceClient<Channel> {
        SubscriptionServiceClient::new(self.channel().await)
    }
}

/// A free loopback port (bound, then released).
pub fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// A real `redis-server`, killed on drop.
pub struct RedisServer {
    child: Child,
    port: u16,
    persistent: bool,
    pub url: String,
    dir: TempDir,
}

fn spawn_redis(port: u16, dir: &TempDir, persistent: bool) -> Child {
    spawn_redis_with(port, dir, persistent, &[])
}

/// `redis-server` on loopback `port` with its files in `dir`, and `extra` arguments.
pub fn spawn_redis_with(port: u16, dir: &TempDir, persistent: bool, extra: &[String]) -> Child {
    let appendonly = if persistent { "yes" } else { "no" };
    Command::new("redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
        ])
        .args(["--appendonly", appendonly, "--appendfsync", "always"])
        .arg("--dir")
        .arg(dir.path())
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("redis-server must be installed (the test command installs it: make test)")
}

impl RedisServer {
    pub fn start() -> RedisServer {
        Self::launch(false)
    }

    /// With an append-only file synced on every write: a restart loses nothing acknowledged.
    pub fn start_persistent() -> RedisServer {
        Self::launch(true)
    }

    /// Kills the server (SIGKILL) and starts it again on the same port and files.
    pub fn restart(&mut self) {
        self.kill();
        self.revive();
    }

    /// SIGKILL; [`revive`](Self::revive) starts it again.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn revive(&mut self) {
        self.child = spawn_redis(self.port, &self.dir, self.persistent);
        self.wait_ready();
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    fn launch(persistent: bool) -> RedisServer {
        let dir = TempDir::new().expect("temp dir");
        let port = free_port();
        let child = spawn_redis(port, &dir, persistent);
        let server = RedisServer {
            child,
            port,
            persistent,
            url: format!("redis://127.0.0.1:{port}/"),
            dir,
        };
        server.wait_ready();
        server
    }

    fn wait_ready(&self) {
        for _ in 0..200 {
            if let Ok(client) = redis::Client::open(self.url.as_str()) {
                if let Ok(mut conn) = client.get_connection() {
                    if redis::cmd("PING").query::<String>(&mut conn).is_ok() {
                        return;
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("redis-server on port {} did not answer PING", self.port);
    }

    pub fn connection(&self) -> redis::Connection {
        redis::Client::open(self.url.as_str())
            .unwrap()
            .get_connection()
            .unwrap()
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A unique Redis key prefix per test.
pub fn unique_prefix() -> String {
    format!("nwtest-{}", uuid::Uuid::new_v4().simple())
}

/// A real `nats-server` with JetStream, killed on drop.
pub struct NatsServer {
    child: Child,
    port: u16,
    pub url: String,
    dir: TempDir,
}

fn spawn_nats(port: u16, dir: &TempDir) -> Child {
    Command::new("nats-server")
        .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string(), "-sd"])
        .arg(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nats-server must be installed (the test command installs it: make test)")
}

impl NatsServer {
    pub fn start() -> NatsServer {
        let dir = TempDir::new().expect("temp dir");
        let port = free_port();
        let child = spawn_nats(port, &dir);
        let server = NatsServer {
            child,
            port,
            url: format!("nats://127.0.0.1:{port}"),
            dir,
        };
        server.wait_ready();
        server
    }

    /// Kills the server (SIGKILL) and, after `down`, starts it again on the same port and
    /// JetStream store. Blocks meanwhile.
    pub fn kill_for(&mut self, down: Duration) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::thread::sleep(down);
        self.child = spawn_nats(self.port, &self.dir);
        self.wait_ready();
    }

    fn wait_ready(&self) {
        for _ in 0..400 {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("nats-server on port {} did not start", self.port);
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the Python fixture `tests/it/fixtures/<script>` with the packages installed in
/// `.tools/<packages>`, `HOME` in `home` and `env` set, without blocking the test's runtime
/// (fakes run on it); its one JSON line of output. Fails the test, with the client's own
/// error, when the script fails.
pub async fn python_fixture(
    script: &str,
    packages: &str,
    args: &[&std::ffi::OsStr],
    env: &[(&str, &std::ffi::OsStr)],
    home: &std::path::Path,
) -> Value {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = tokio::process::Command::new("python3")
        .arg(format!("{root}/tests/it/fixtures/{script}"))
        .args(args)
        .env("PYTHONPATH", format!("{root}/.tools/{packages}"))
        .envs(env.iter().copied())
        .env("HOME", home)
        .output()
        .await
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{script} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(out.stdout.trim_ascii())
        .unwrap_or_else(|e| panic!("{script} printed no JSON ({e})"))
}

/// A process (a gateway, a worker), killed on drop.
pub struct Process(pub std::process::Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
