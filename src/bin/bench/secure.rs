//! The cost of security: the same pool list over plaintext with authentication off, and over
//! TLS 1.3 with a bearer token checked against a JWKS, side by side in one run, on keep-alive
//! connections, for REST and for gRPC.

use std::{sync::Arc, time::Duration};

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use netweave::{
    proto::o2ims::v1::{
        inventory_service_client::InventoryServiceClient, ListResourcePoolsRequest,
    },
    security::devcerts::write_dev_certs,
};
use serde_json::json;

use crate::{closed_loop, spawn, Server, Stats};

const POOLS: &str = "20";
const CONCURRENCY: usize = 32;
const CONNECTIONS: usize = 8;

struct Identity {
    dir: tempfile::TempDir,
    token: String,
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
    let claims = json!({ "sub": "bench", "aud": "o2ims-client", "exp": now + 3600, "roles": ["o2ims-reader"] });
    let token = jsonwebtoken::encode(
        &header,
        &claims,
        &jsonwebtoken::EncodingKey::from_ec_pem(key.serialize_pem().as_bytes())?,
    )?;
    Ok(Identity {
        dir,
        token,
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

fn ratio(secure: &Stats, plain: &Stats) -> String {
    format!(
        "{:.2}× plaintext",
        secure.throughput() / plain.throughput().max(f64::MIN_POSITIVE)
    )
}

pub async fn run(seconds: u64) -> anyhow::Result<()> {
    let id = identity().await?;
    let path = |name: &str| id.dir.path().join(name).display().to_string();
    let sizes = [
        "--sim-pools".to_owned(),
        POOLS.to_owned(),
        "--sim-resources".to_owned(),
        "1000".to_owned(),
    ];
    let plain = spawn(&sizes, &[])?;
    let mut flags = sizes.to_vec();
    flags.extend(
        [
            "--tls-cert",
            &path("server.pem"),
            "--tls-key",
            &path("server.key"),
            "--auth-jwks-uri",
            &id.jwks_uri,
            "--auth-audience",
            "o2ims-client",
        ]
        .map(str::to_owned),
    );
    let secure = spawn(&flags, &[])?;
    let roots = netweave::security::outbound::roots(Some(&id.dir.path().join("ca.pem")))
        .map_err(anyhow::Error::msg)?;
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
    println!("security: {POOLS} pools, keep-alive connections, c={CONCURRENCY}; TLS 1.3 + ES256 bearer token (verified once, then cached)");
    let list = "/o2ims-infrastructureInventory/v2/resourcePools";
    let p = rest(
        http,
        format!("http://127.0.0.1:{}{list}", plain.addr.port()),
        None,
        seconds,
    )
    .await;
    p.print("REST GET /v2/resourcePools, plaintext, no auth");
    let s = rest(
        https,
        format!("https://localhost:{}{list}", secure.addr.port()),
        Some(id.token.clone()),
        seconds,
    )
    .await;
    s.print(&format!(
        "REST GET /v2/resourcePools, TLS + token ({})",
        ratio(&s, &p)
    ));

    let plain_ep =
        tonic::transport::Endpoint::from_shared(format!("http://127.0.0.1:{}", plain.addr.port()))?;
    let gp = grpc(plain_ep, None, seconds).await?;
    gp.print(&format!(
        "gRPC ListResourcePools, plaintext ({CONNECTIONS} connections)"
    ));
    let ca = std::fs::read_to_string(id.dir.path().join("ca.pem"))?;
    let secure_ep = tonic::transport::Endpoint::from_shared(format!(
        "https://localhost:{}",
        secure.addr.port()
    ))?
    .tls_config(
        tonic::transport::ClientTlsConfig::new()
            .ca_certificate(tonic::transport::Certificate::from_pem(ca))
            .domain_name("localhost"),
    )?;
    let gs = grpc(secure_ep, Some(id.token.clone()), seconds).await?;
    gs.print(&format!(
        "gRPC ListResourcePools, TLS + token ({})",
        ratio(&gs, &gp)
    ));
    Ok(())
}
