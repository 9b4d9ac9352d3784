//! The distance to the machine: netweave's pool list beside a bare responder returning the
//! same bytes (`bare.rs`), over plaintext with authentication off and over TLS 1.3 with a
//! bearer token checked against a JWKS, in one run, on keep-alive connections, for REST and
//! gRPC. The load comes from `wrk` (1 thread, 32 connections) and `h2load` (8 connections × 8
//! streams) when installed (`make bench` installs them), from the built-in generator otherwise.

use std::{path::Path, process::Command, sync::Arc, time::Duration};

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use http_body_util::BodyExt;
use netweave::{
    proto::o2ims::v1::{
        inventory_service_client::InventoryServiceClient, ListResourcePoolsRequest,
    },
    security::devcerts::write_dev_certs,
};
use serde_json::json;

use crate::{bare, closed_loop, http_client, spawn, Server, Stats};

const POOLS: &str = "20";
const CONCURRENCY: usize = 32;
const CONNECTIONS: usize = 8;
/// HTTP/2 streams per connection of the gRPC runs.
const STREAMS: usize = 8;
const LIST: &str = "/o2ims-infrastructureInventory/v2/resourcePools";
const LIST_RPC: &str = "/netweave.o2ims.v1.InventoryService/ListResourcePools";

struct Identity {
    dir: tempfile::TempDir,
    token: String,
    /// Of tenant `bench`'s viewer.
    tenant_token: String,
    jwks_uri: String,
}

/// Dev certificates, an ES256 key published on a loopback JWKS, and a token signed with it.
async fn identity() -> anyhow::Result<Identity> {
    let dir = tempfile::tempdir()?;
    write_dev_certs(dir.path())?;
    let key = rcgen::KeyPair::generate()?;
    let raw = key.public_key_raw().to_vec();
    let jwks = json!({ "keys": [{ "kty": "EC", "crv": "P-256", "kid": "bench", "alg": "ES256",
        "x": URL_SAFE_NO_PAD.encode(&raw[1..33]), "y": URL_SAFE_NO_PAD.encode(&raw[33..65]) }] });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let jwks_uri = format!("http://{}/jwks", listener.local_addr()?);
    let app = axum::Router::new().route(
        "/jwks",
        axum::routing::get(move || std::future::ready(axum::Json(jwks.clone()))),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs();
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256);
    header.kid = Some("bench".into());
    let signing = jsonwebtoken::EncodingKey::from_ec_pem(key.serialize_pem().as_bytes())?;
    let claims = json!({ "sub": "bench", "aud": "o2ims-client", "exp": now + 3600, "roles": ["o2ims-reader"] });
    let token = jsonwebtoken::encode(&header, &claims, &signing)?;
    let claims = json!({ "sub": "bench-smo", "aud": "o2ims-client", "exp": now + 3600,
        "roles": ["viewer"], "tenant": "bench" });
    let tenant_token = jsonwebtoken::encode(&header, &claims, &signing)?;
    Ok(Identity {
        dir,
        token,
        tenant_token,
        jwks_uri,
    })
}

async fn ready(server: &Server, client: &reqwest::Client, scheme: &str) -> anyhow::Result<()> {
    for _ in 0..600 {
        let url = format!("{scheme}://localhost:{}/readyz", server.addr.port());
        if client
            .get(url)
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("netweave did not become ready")
}

async fn rest(client: reqwest::Client, url: String, token: Option<String>, seconds: u64) -> Stats {
    closed_loop(CONCURRENCY, Duration::from_secs(seconds), move || {
        let mut request = client.get(url.clone());
        if let Some(t) = &token {
            request = request.bearer_auth(t);
        }
        async move {
            match request.send().await {
                Ok(r) if r.status().is_success() => r.bytes().await.is_ok(),
                _ => false,
            }
        }
    })
    .await
}

async fn grpc(
    endpoint: tonic::transport::Endpoint,
    token: Option<String>,
    seconds: u64,
) -> anyhow::Result<Stats> {
    let mut clients = Vec::new();
    for _ in 0..CONNECTIONS {
        clients.push(InventoryServiceClient::new(
            endpoint.clone().tcp_nodelay(true).connect().await?,
        ));
    }
    let auth: Option<tonic::metadata::MetadataValue<_>> =
        token.map(|t| format!("Bearer {t}").parse()).transpose()?;
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    Ok(
        closed_loop(CONCURRENCY, Duration::from_secs(seconds), move || {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let mut grpc = clients[i % clients.len()].clone();
            let mut request = tonic::Request::new(ListResourcePoolsRequest::default());
            if let Some(a) = &auth {
                request.metadata_mut().insert("authorization", a.clone());
            }
            async move { grpc.list_resource_pools(request).await.is_ok() }
        })
        .await,
    )
}

/// One load run's figures.
struct Figures {
    rps: f64,
    /// Median and 99th percentile latency in milliseconds (h2load reports the mean only).
    p50: Option<f64>,
    p99: Option<f64>,
    mean: Option<f64>,
    failed: u64,
}

impl From<Stats> for Figures {
    fn from(s: Stats) -> Figures {
        Figures {
            rps: s.throughput(),
            p50: Some(s.percentile(0.50)),
            p99: Some(s.percentile(0.99)),
            mean: None,
            failed: s.errors() as u64,
        }
    }
}

impl Figures {
    /// One line; `ratio` is netweave's distance to the limit.
    fn print(&self, name: &str, ratio: Option<f64>) {
        let latency = match (self.p50, self.p99, self.mean) {
            (Some(p50), Some(p99), _) => format!("p50 {p50:>7.3} ms   p99 {p99:>7.3} ms"),
            (_, _, Some(mean)) => format!("mean {mean:>6.3} ms{:17}", ""),
            _ => format!("{:34}", ""),
        };
        let ratio = ratio.map_or(String::new(), |r| format!("   {r:.2}× the limit"));
        println!(
            "{name:<58} {:>9.0} req/s   {latency}   failed {}{ratio}",
            self.rps, self.failed
        );
    }
}

fn installed(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stdout.is_empty() || !o.stderr.is_empty())
}

fn number_after<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let rest = &text[text.find(label)? + label.len()..];
    rest.split_whitespace().next()
}

/// wrk's latency figures ("1.23ms", "850.00us", "1.01s") in milliseconds.
fn millis(value: &str) -> Option<f64> {
    let split = value.find(|c: char| c.is_ascii_alphabetic())?;
    let (n, unit) = value.split_at(split);
    let n: f64 = n.parse().ok()?;
    Some(match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => return None,
    })
}

/// `wrk` on `url`, one thread and [`CONCURRENCY`] connections.
fn wrk(url: &str, token: Option<&str>, seconds: u64) -> anyhow::Result<Figures> {
    let mut cmd = Command::new("wrk");
    cmd.args([
        "-t1",
        &format!("-c{CONCURRENCY}"),
        &format!("-d{seconds}s"),
        "--latency",
    ]);
    if let Some(t) = token {
        cmd.args(["-H", &format!("Authorization: Bearer {t}")]);
    }
    let out = cmd.arg(url).output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let rps = number_after(&text, "Requests/sec:")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("wrk printed no throughput: {text}"))?;
    let failed = number_after(&text, "Non-2xx or 3xx responses:")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let errors: u64 = text
        .lines()
        .find(|l| l.contains("Socket errors:"))
        .map(|l| {
            l.split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse::<u64>().ok())
                .sum()
        })
        .unwrap_or(0);
    Ok(Figures {
        rps,
        p50: number_after(&text, " 50%").and_then(millis),
        p99: number_after(&text, " 99%").and_then(millis),
        mean: None,
        failed: failed + errors,
    })
}

/// `h2load` calling `ListResourcePools` at `base`, [`CONNECTIONS`] × [`STREAMS`].
fn h2load(
    base: &str,
    token: Option<&str>,
    seconds: u64,
    request: &Path,
) -> anyhow::Result<Figures> {
    let mut cmd = Command::new("h2load");
    cmd.args([
        &format!("-c{CONNECTIONS}"),
        &format!("-m{STREAMS}"),
        "-t1",
        &format!("-D{seconds}"),
        "-H",
        "content-type: application/grpc",
        "-H",
        "te: trailers",
    ]);
    if let Some(t) = token {
        cmd.args(["-H", &format!("authorization: Bearer {t}")]);
    }
    cmd.arg("-d").arg(request);
    let out = cmd.arg(format!("{base}{LIST_RPC}")).output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let rps = text
        .lines()
        .find(|l| l.starts_with("finished in"))
        .and_then(|l| l.split(", ").nth(1))
        .and_then(|r| r.trim_end_matches(" req/s").parse().ok())
        .ok_or_else(|| anyhow::anyhow!("h2load printed no throughput: {text}"))?;
    // "requests: N total, N started, N done, N succeeded, N failed, N errored, N timeout"
    let failed = text
        .lines()
        .find(|l| l.starts_with("requests:"))
        .map(|l| {
            l.split(", ")
                .filter(|part| part.ends_with("failed") || part.ends_with("errored"))
                .filter_map(|part| part.split_whitespace().next()?.parse::<u64>().ok())
                .sum()
        })
        .unwrap_or(0);
    let mean = text
        .lines()
        .find(|l| l.starts_with("time for request:"))
        .and_then(|l| l.split_whitespace().nth(5))
        .and_then(millis);
    Ok(Figures {
        rps,
        p50: None,
        p99: None,
        mean,
        failed,
    })
}

/// Rounds of each side-by-side comparison: the bare responder and netweave take turns, so a
/// drift of the shared machine's speed (other tenants, thermal limits) falls on both alike.
const ROUNDS: usize = 3;

/// Several rounds as one figure: the mean throughput, the median round's latencies, every
/// failure.
fn combined(rounds: &[Figures]) -> Figures {
    let mut by_rps: Vec<&Figures> = rounds.iter().collect();
    by_rps.sort_by(|a, b| a.rps.total_cmp(&b.rps));
    let median = by_rps[by_rps.len() / 2];
    Figures {
        rps: rounds.iter().map(|f| f.rps).sum::<f64>() / rounds.len() as f64,
        p50: median.p50,
        p99: median.p99,
        mean: median.mean,
        failed: rounds.iter().map(|f| f.failed).sum(),
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// [`ROUNDS`] alternating runs of `bare` and `server`: their combined figures and the median
/// of the rounds' ratios, with each round's.
async fn alternating<F, Fut>(
    bare: &Server,
    server: &Server,
    scheme: &str,
    token: Option<&str>,
    seconds: u64,
    run: &F,
) -> anyhow::Result<(Figures, Figures, f64, Vec<f64>)>
where
    F: Fn(&Server, &str, Option<&str>, u64) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<Figures>>,
{
    let (mut limits, mut ours, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let limit = run(bare, scheme, None, seconds).await?;
        let figures = run(server, scheme, token, seconds).await?;
        ratios.push(figures.rps / limit.rps.max(f64::MIN_POSITIVE));
        limits.push(limit);
        ours.push(figures);
    }
    Ok((
        combined(&ours),
        combined(&limits),
        median(ratios.clone()),
        ratios,
    ))
}

/// `what` against the bare responder and netweave, over plaintext (`servers[0..2]`) and TLS
/// with `token` (`servers[2..4]`), with the ratios (the median of alternating rounds).
async fn side_by_side<F, Fut>(
    what: &str,
    [bare_plain, plain, bare_tls, secure]: [&Server; 4],
    token: Option<&str>,
    seconds: u64,
    run: F,
) -> anyhow::Result<()>
where
    F: Fn(&Server, &str, Option<&str>, u64) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<Figures>>,
{
    let rounds = |ratios: &[f64]| {
        let each: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
        format!("   {ROUNDS} alternating rounds: {}", each.join(", "))
    };
    let (clear, limit, ratio, ratios) =
        alternating(bare_plain, plain, "http", None, seconds, &run).await?;
    clear.print(&format!("{what}, plaintext"), Some(ratio));
    limit.print("  bare responder, plaintext", None);
    println!("{:<58}{}", "", rounds(&ratios));
    let (tls, limit_tls, ratio, ratios) =
        alternating(bare_tls, secure, "https", token, seconds, &run).await?;
    tls.print(&format!("{what}, TLS + token"), Some(ratio));
    limit_tls.print("  bare responder, TLS", None);
    println!("{:<58}{}", "", rounds(&ratios));
    let label = format!("  {}, TLS + token", what.split(' ').next().unwrap_or(what));
    println!(
        "{label:<58} {:.2}× plaintext",
        tls.rps / clear.rps.max(f64::MIN_POSITIVE)
    );
    Ok(())
}

/// The bytes netweave answers the pool list with: the REST body and the gRPC message.
async fn responses(plain: &Server) -> anyhow::Result<(Vec<u8>, Vec<u8>)> {
    let uri = format!("http://{}{LIST}", plain.addr).parse()?;
    let rest = http_client().get(uri).await?.into_body().collect().await?;
    let mut grpc = InventoryServiceClient::connect(format!("http://{}", plain.addr)).await?;
    let message = grpc
        .list_resource_pools(ListResourcePoolsRequest::default())
        .await?
        .into_inner();
    Ok((
        rest.to_bytes().to_vec(),
        prost::Message::encode_to_vec(&message),
    ))
}

pub async fn run(seconds: u64) -> anyhow::Result<()> {
    let id = identity().await?;
    let path = |name: &str| id.dir.path().join(name);
    let sizes = [
        "--sim-pools".to_owned(),
        POOLS.to_owned(),
        "--sim-resources".to_owned(),
        "1000".to_owned(),
    ];
    // Every pool is tenant `bench`'s (so its caller lists the same bytes), whose rate is
    // checked on every request but never reached.
    let config = path("tenants.toml");
    std::fs::write(
        &config,
        "[sim]\ntenants = [\"bench\"]\n\n[[tenants]]\nid = \"bench\"\nrequests_per_second = 1000000000.0\nmax_watch_streams = 10\n",
    )?;
    let mut sizes = sizes.to_vec();
    sizes.extend(["--config".to_owned(), config.display().to_string()]);
    let plain = spawn(&sizes, &[])?;
    let mut flags = sizes.to_vec();
    flags.extend(
        [
            "--tls-cert",
            &path("server.pem").display().to_string(),
            "--tls-key",
            &path("server.key").display().to_string(),
            "--auth-jwks-uri",
            &id.jwks_uri,
            "--auth-audience",
            "o2ims-client",
        ]
        .map(|s| s.to_owned()),
    );
    let secure = spawn(&flags, &[])?;
    let roots =
        netweave::security::outbound::roots(Some(&path("ca.pem"))).map_err(anyhow::Error::msg)?;
    let tls = rustls::ClientConfig::builder_with_provider(netweave::security::tls::provider())
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let https = reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .http1_only()
        .build()?;
    let http = reqwest::Client::builder().http1_only().build()?;
    ready(&plain, &http, "http").await?;
    ready(&secure, &https, "https").await?;
    let (rest_body, grpc_message) = responses(&plain).await?;
    let bare_plain = bare::start(&rest_body, &grpc_message, None).await?;
    let bare_tls = bare::start(
        &rest_body,
        &grpc_message,
        Some((&path("server.pem"), &path("server.key"))),
    )
    .await?;
    let request = path("list-request.bin");
    // An empty ListResourcePoolsRequest as one uncompressed gRPC message.
    std::fs::write(&request, [0u8; 5])?;

    let external = installed("wrk") && installed("h2load");
    println!(
        "limits: {POOLS} pools ({} bytes of JSON, {} of protobuf), keep-alive connections; the limit is a bare responder returning the same bytes; TLS 1.3 + ES256 bearer token (verified once, then cached) with the audit trail on; load from {}",
        rest_body.len(),
        grpc_message.len(),
        if external {
            format!("wrk (1 thread, {CONCURRENCY} connections) and h2load ({CONNECTIONS} connections × {STREAMS} streams)")
        } else {
            "the built-in generator (wrk and h2load not installed)".to_owned()
        }
    );
    let url = |s: &Server, scheme: &str| format!("{scheme}://localhost:{}", s.addr.port());
    let token = Some(id.token.as_str());

    let rest_run = |server: &Server, scheme: &str, token: Option<&str>, seconds: u64| {
        let base = url(server, scheme);
        let client = if scheme == "https" {
            https.clone()
        } else {
            http.clone()
        };
        let token = token.map(str::to_owned);
        async move {
            if external {
                wrk(&format!("{base}{LIST}"), token.as_deref(), seconds)
            } else {
                Ok(rest(client, format!("{base}{LIST}"), token, seconds)
                    .await
                    .into())
            }
        }
    };
    let servers = [&bare_plain, &plain, &bare_tls, &secure];
    side_by_side(
        "REST GET /v2/resourcePools",
        servers,
        token,
        seconds,
        rest_run,
    )
    .await?;
    // A tenant's caller: its scope, its rate and the audit trail on every request.
    let (tenanted, limit, ratio, ratios) = alternating(
        &bare_tls,
        &secure,
        "https",
        Some(id.tenant_token.as_str()),
        seconds,
        &rest_run,
    )
    .await?;
    tenanted.print(
        "REST pools, TLS + tenant token (scope, rate, audit)",
        Some(ratio),
    );
    limit.print("  bare responder, TLS", None);
    let each: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
    println!(
        "{:<58}   {ROUNDS} alternating rounds: {}",
        "",
        each.join(", ")
    );

    let ca = std::fs::read_to_string(path("ca.pem"))?;
    let grpc_run = |server: &Server, scheme: &str, token: Option<&str>, seconds: u64| {
        let base = url(server, scheme);
        let token = token.map(str::to_owned);
        let (ca, request, tls) = (ca.clone(), request.clone(), scheme == "https");
        async move {
            if external {
                return h2load(&base, token.as_deref(), seconds, &request);
            }
            let mut endpoint = tonic::transport::Endpoint::from_shared(base.clone())?;
            if tls {
                endpoint = endpoint.tls_config(
                    tonic::transport::ClientTlsConfig::new()
                        .ca_certificate(tonic::transport::Certificate::from_pem(ca))
                        .domain_name("localhost"),
                )?;
            }
            Ok(grpc(endpoint, token, seconds).await?.into())
        }
    };
    side_by_side("gRPC ListResourcePools", servers, token, seconds, grpc_run).await?;
    Ok(())
}
