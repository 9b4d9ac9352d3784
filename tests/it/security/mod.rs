//! The security layer against real clients: TLS and mTLS handshakes, bearer tokens from a
//! local identity provider, RFC 8705 binding, the role × RPC matrix over REST and gRPC, and
//! https webhooks with client certificates and OAuth tokens.

pub mod audit;
pub mod idp;
mod isolation;
mod limits;
pub mod matrix;
mod outbound;
mod packages;
mod profile;
pub mod scope;
pub mod support;
pub mod tenancy;
mod tokens;
mod transport;

use netweave::config::{ClientAuth, Config};
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};

use self::{
    idp::{Idp, AUDIENCE},
    support::Pki,
};
use crate::harness::{unique_prefix, RedisServer, TestApp};

/// TLS with the PKI's server certificate and client CA.
pub fn tls(c: &mut Config, pki: &Pki, client_auth: ClientAuth) {
    c.tls.cert = Some(pki.path("server.pem"));
    c.tls.key = Some(pki.path("server.key"));
    c.tls.client_ca = Some(pki.path("ca.pem"));
    c.tls.client_auth = client_auth;
    c.tls.reload_seconds = 0.1;
}

/// Tokens from `idp`, found by discovery.
pub fn auth(c: &mut Config, pki: &Pki, idp: &Idp) {
    c.auth.issuer = Some(idp.issuer.clone());
    c.auth.audience = Some(AUDIENCE.into());
    c.auth.ca_file = Some(pki.path("ca.pem"));
    c.auth.jwks_refetch_seconds = 0.0;
}

/// A client of the gateway: trusts the PKI, presents `cert`, sends `token`.
pub fn client(
    pki: &Pki,
    cert: Option<&netweave::security::devcerts::Issued>,
    token: Option<&str>,
) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    if let Some(t) = token {
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_str(&format!("Bearer {t}")).unwrap(),
        );
    }
    reqwest::Client::builder()
        .use_preconfigured_tls(pki.client_config(cert, &[b"h2", b"http/1.1"]))
        .default_headers(headers)
        .build()
        .unwrap()
}

/// The gateway over mTLS (`client_auth`) with tokens from `idp`; `call` goes as alice with an
/// admin token.
pub async fn gateway(
    pki: &Pki,
    idp: &Idp,
    client_auth: ClientAuth,
    tweak: impl FnOnce(&mut Config),
) -> TestApp {
    let token = idp.token(&["o2ims-admin"]);
    TestApp::start_with_client(
        |c| {
            tls(c, pki, client_auth);
            auth(c, pki, idp);
            tweak(c);
        },
        client(pki, Some(&pki.alice), Some(&token)),
    )
    .await
}

/// One Redis for the gateways of a test, under a prefix of their own.
pub struct SharedRedis {
    pub redis: RedisServer,
    pub prefix: String,
}

impl SharedRedis {
    pub fn start() -> SharedRedis {
        SharedRedis {
            redis: RedisServer::start(),
            prefix: unique_prefix(),
        }
    }

    /// Points a gateway's configuration at it.
    pub fn apply(&self, c: &mut Config) {
        c.redis_url = Some(self.redis.url.clone());
        c.redis_prefix = self.prefix.clone();
    }
}
