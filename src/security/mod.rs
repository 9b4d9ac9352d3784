//! The security room: TLS on the one port ([`tls`]), who the caller is ([`peer`], [`authn`]),
//! what it may call ([`policy`]), the gate every request passes ([`guard`]), and the client of
//! outbound calls ([`outbound`]). Wired once, in the server loop and the router; handlers and
//! gRPC adapters never see credentials.

pub mod audit;
pub mod authn;
pub mod devcerts;
pub mod guard;
pub mod jwks;
pub mod limits;
pub mod outbound;
pub mod peer;
pub mod policy;
pub mod reload;
pub mod tenants;
pub mod tls;

use std::{sync::Arc, time::Duration};

use anyhow::Context;
use tokio_util::sync::CancellationToken;

pub use authn::Principal;
pub use guard::Guard;
pub use tls::TlsServer;

use axum::http::Method;

use crate::config::Config;

/// A REST route and the fully-qualified RPC it serves: what the policy is keyed by (the
/// request layer's route table lists them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteInfo {
    pub method: Method,
    pub path: String,
    pub rpc: String,
}

/// Everything the server loop and the router need.
#[derive(Clone)]
pub struct Security {
    pub tls: Option<Arc<TlsServer>>,
    pub guard: Arc<Guard>,
    /// Where each request's audit record goes, when the trail is on.
    pub audit: Option<audit::Audit>,
}

impl Security {
    /// Loads certificates, keys and the policy; errors here stop the start.
    pub fn start(
        config: &Config,
        routes: &[RouteInfo],
        tenancy: tenants::Tenancy,
        limits: Arc<limits::RateLimits>,
        audit: Option<audit::Audit>,
        stop: &CancellationToken,
    ) -> anyhow::Result<Security> {
        tls::install_default_provider();
        let tls = match config.tls.enabled() {
            true => Some(TlsServer::start(&config.tls, stop.clone()).map_err(anyhow::Error::msg)?),
            false => None,
        };
        let auth = &config.auth;
        let policy_text = match &auth.policy_file {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .with_context(|| format!("reading auth.policy_file {}", path.display()))?,
            ),
            None => None,
        };
        let policy = Arc::new(
            policy::Policy::load(policy_text.as_deref(), auth.open_metrics)
                .map_err(anyhow::Error::msg)?,
        );
        let authn = if auth.enabled() {
            let tls = outbound::client_config(auth.ca_file.as_ref(), None, &[b"h2", b"http/1.1"])
                .map_err(anyhow::Error::msg)?;
            let client = reqwest::Client::builder()
                .use_preconfigured_tls(tls)
                .timeout(Duration::from_secs(10))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .context("building the identity provider's client")?;
            Some(
                authn::Authenticator::new(auth, Arc::clone(&policy), client)
                    .map_err(anyhow::Error::msg)?,
            )
        } else {
            None
        };
        warn_about(config);
        let proxies = peer::parse_networks(&config.tls.trusted_proxies)
            .map_err(|e| anyhow::anyhow!("tls.trusted_proxies: {e}"))?;
        Ok(Security {
            tls,
            guard: Arc::new(Guard::new(authn, policy, proxies, routes, tenancy, limits)),
            audit,
        })
    }
}

fn warn_about(config: &Config) {
    if !config.auth.enabled() {
        tracing::warn!(
            "authentication is off: every caller may call every RPC (give --auth-issuer or --auth-jwks-uri)"
        );
    }
    let exposed = |addr: std::net::SocketAddr| !addr.ip().is_loopback();
    let listens = std::iter::once(config.listen).chain(config.grpc_listen);
    if !config.tls.enabled() {
        for addr in listens.filter(|a| exposed(*a)) {
            tracing::warn!(%addr, "serving plaintext on a non-loopback address: give --tls-cert and --tls-key");
        }
    }
}
