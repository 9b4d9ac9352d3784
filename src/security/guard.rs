//! The one gate every request passes, REST and gRPC alike: find the RPC, take the credentials
//! off the request, authenticate, authorize. Handlers see a [`Principal`] extension and never
//! a token, a certificate or a forwarded-certificate header.

use std::{collections::HashMap, sync::Arc};

use axum::{
    extract::{MatchedPath, Request},
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
};
use ipnet::IpNet;

use super::RouteInfo;
use super::{
    authn::{AuthError, Authenticator, Principal},
    limits::{Limited, RateLimits},
    peer::{effective_cert, ConnInfo, PeerCert},
    policy::{Policy, Rule},
    tenants::{Tenancy, TenantStatus},
};
use crate::{error::ErrorCode, metrics::AUTH_FAILURES};

/// The operational routes, keyed like RPCs.
pub const OPS: [(&str, &str); 4] = [
    ("/healthz", "netweave.ops/Healthz"),
    ("/readyz", "netweave.ops/Readyz"),
    ("/metrics", "netweave.ops/Metrics"),
    ("/openapi.json", "netweave.ops/OpenApi"),
];

pub struct Guard {
    /// `None`: authentication is off; every call passes as [`Principal::anonymous`].
    authn: Option<Authenticator>,
    policy: Arc<Policy>,
    trusted_proxies: Vec<IpNet>,
    /// Route template → (method, RPC) pairs.
    routes: HashMap<String, Vec<(Method, String)>>,
    anonymous: Arc<Principal>,
    tenancy: Tenancy,
    limits: Arc<RateLimits>,
}

/// Probes and scrapes are never rate limited.
const UNLIMITED: [&str; 3] = ["/healthz", "/readyz", "/metrics"];

impl Guard {
    pub fn new(
        authn: Option<Authenticator>,
        policy: Arc<Policy>,
        trusted_proxies: Vec<IpNet>,
        routes: &[RouteInfo],
        tenancy: Tenancy,
        limits: Arc<RateLimits>,
    ) -> Guard {
        let mut table: HashMap<String, Vec<(Method, String)>> = HashMap::new();
        let ops = OPS.iter().map(|(path, rpc)| (Method::GET, *path, *rpc));
        let rpcs = routes
            .iter()
            .map(|r| (r.method.clone(), r.path.as_str(), r.rpc.as_str()));
        for (method, path, rpc) in rpcs.chain(ops) {
            let methods = table.entry(path.to_owned()).or_default();
            methods.retain(|(m, _)| *m != method);
            methods.push((method, rpc.to_owned()));
        }
        Guard {
            authn,
            policy,
            trusted_proxies,
            routes: table,
            anonymous: Arc::new(Principal::anonymous()),
            tenancy,
            limits,
        }
    }

    /// The client address a request counts against: the peer, or behind a trusted proxy the
    /// nearest untrusted address its `X-Forwarded-For` names.
    fn client_addr(&self, req: &Request, conn: Option<&ConnInfo>) -> Option<std::net::IpAddr> {
        let peer = conn?.remote.ip();
        let trusted = |ip: &std::net::IpAddr| self.trusted_proxies.iter().any(|n| n.contains(ip));
        if !trusted(&peer) {
            return Some(peer);
        }
        let forwarded = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse::<std::net::IpAddr>().ok())
            .collect::<Vec<_>>();
        Some(
            forwarded
                .into_iter()
                .rev()
                .find(|ip| !trusted(ip))
                .unwrap_or(peer),
        )
    }

    /// The tenant's request rate, when it has one.
    async fn within_rate(&self, principal: &Principal) -> Result<(), Limited> {
        let Some(id) = principal.confined_to() else {
            return Ok(());
        };
        let rate = self
            .tenancy
            .tenants
            .get(id)
            .and_then(|r| r.tenant.quotas.requests_per_second);
        match rate {
            Some(rate) => self.limits.tenant(id, rate).await,
            None => Ok(()),
        }
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// A caller confined to a tenant, checked against it: the tenant must exist and be
    /// active; the subject's role binding in it, if any, adds its roles. While no tenant
    /// exists at all the gateway is single-tenant (unless `auth.multi_tenant`): a tenant named
    /// by a credential (such as the certificate rule's) is only a name. "No tenant" is never
    /// taken from a copy older than the request: the store is read first, so a first tenant
    /// created on another replica is in force here at once.
    async fn within_tenant(
        &self,
        principal: Arc<Principal>,
        arrived: std::time::Instant,
    ) -> Result<Arc<Principal>, Failure> {
        let Some(id) = principal.confined_to() else {
            return Ok(principal);
        };
        let tenants = &self.tenancy.tenants;
        if tenants.is_empty() && !self.tenancy.multi_tenant {
            if let Err(e) = tenants.fresh_since(arrived, &self.tenancy.store).await {
                return Err(Failure::TenantsUnavailable(format!(
                    "the tenants cannot be read to check the caller's tenant '{id}': {e}"
                )));
            }
            if tenants.is_empty() {
                return Ok(principal);
            }
        }
        let Some(resident) = tenants.get(id) else {
            return Err(Failure::Tenant(format!(
                "the caller's tenant '{id}' is not known here"
            )));
        };
        if resident.tenant.status == TenantStatus::Suspended {
            return Err(Failure::Tenant(format!(
                "the caller's tenant '{id}' is suspended"
            )));
        }
        let mut bound = Principal::clone(&principal);
        bound.scope = Some(Arc::clone(&resident.scope));
        if let Some(roles) = resident.bindings.get(&principal.subject) {
            bound.capabilities |= self.policy.mask(roles);
            bound.sees_credentials = self
                .policy
                .holds(bound.capabilities, super::policy::CREDENTIALS);
            bound.roles.extend(roles.iter().cloned());
        }
        Ok(Arc::new(bound))
    }

    /// The RPC a request calls: a gRPC path, or the RPC its REST route transcodes. `None`
    /// for paths and methods nothing serves (they answer 404 / 405 to an authenticated caller).
    pub fn rpc<'a>(&'a self, req: &'a Request, grpc: bool) -> Option<&'a str> {
        if grpc {
            return req.uri().path().strip_prefix('/');
        }
        let template = req.extensions().get::<MatchedPath>()?.as_str();
        let method = if req.method() == Method::HEAD {
            &Method::GET
        } else {
            req.method()
        };
        self.routes
            .get(template)?
            .iter()
            .find(|(m, _)| m == method)
            .map(|(_, rpc)| rpc.as_str())
    }
}

/// What the gate decides before anything asynchronous.
pub enum Admission {
    /// Let the request through (authentication off, or a public route).
    Pass,
    /// Refused outright (malformed credentials), in the caller's dialect.
    Refuse(Response),
    /// The credentials still have to be verified: [`Check::run`].
    Check(Check),
}

/// A caller to authenticate and authorize; the credentials are already off the request.
pub struct Check {
    guard: Arc<Guard>,
    token: Option<String>,
    cert: Option<Arc<PeerCert>>,
    rpc: Option<String>,
    rule: Option<Rule>,
    grpc: bool,
    path: String,
}

impl Guard {
    /// Takes the credentials off `req` (the bearer token, forwarded-certificate headers) and
    /// decides what can be decided without waiting. With authentication off, the request
    /// carries [`Principal::anonymous`].
    pub fn admit(self: &Arc<Self>, req: &mut Request) -> Admission {
        let grpc = crate::render::is_grpc(req);
        let conn = req.extensions().get::<ConnInfo>().cloned();
        if self.limits.limits_clients() && !UNLIMITED.contains(&req.uri().path()) {
            if let Some(addr) = self.client_addr(req, conn.as_ref()) {
                if let Err(limited) = self.limits.client(addr) {
                    let failure = Failure::RateLimited(limited);
                    return Admission::Refuse(refusal(failure, grpc, req.uri().path()));
                }
            }
        }
        let cert = effective_cert(conn.as_ref(), req.headers_mut(), &self.trusted_proxies);
        let token = take_bearer(req);
        if self.authn.is_none() {
            req.extensions_mut().insert(Arc::clone(&self.anonymous));
            return Admission::Pass;
        }
        let rpc = self.rpc(req, grpc).map(str::to_owned);
        let rule = match &rpc {
            Some(rpc) => self.policy.rule(rpc),
            None => Some(Rule::Authenticated),
        };
        if rule == Some(Rule::Public) {
            return Admission::Pass;
        }
        let path = req.uri().path();
        let cert = match cert {
            Ok(c) => c,
            Err(e) => {
                let failure = Failure::Authentication(AuthError::Invalid(e));
                return Admission::Refuse(refusal(failure, grpc, path));
            }
        };
        let token = match token {
            Ok(t) => t,
            Err(e) => {
                let failure = Failure::Authentication(AuthError::Invalid(e.into()));
                return Admission::Refuse(refusal(failure, grpc, path));
            }
        };
        Admission::Check(Check {
            guard: Arc::clone(self),
            token,
            cert,
            rpc,
            rule,
            grpc,
            path: path.to_owned(),
        })
    }
}

impl Check {
    /// Authenticates and authorizes: the caller's [`Principal`] for the request's extensions,
    /// or the refusal to answer with (and the caller, when it was authenticated: the audit
    /// trail names who was refused).
    pub async fn run(self) -> Result<Arc<Principal>, (Response, Option<Arc<Principal>>)> {
        let Check {
            guard: g,
            token,
            cert,
            rpc,
            rule,
            grpc,
            path,
        } = self;
        let arrived = std::time::Instant::now();
        let refuse = |failure: Failure| refusal(failure, grpc, &path);
        let Some(authn) = &g.authn else {
            return Ok(Arc::clone(&g.anonymous));
        };
        let principal = match authn.authenticate(token.as_deref(), cert.as_deref()).await {
            Ok(p) => p,
            Err(e) => return Err((refuse(Failure::Authentication(e)), None)),
        };
        let principal = match g.within_tenant(Arc::clone(&principal), arrived).await {
            Ok(p) => p,
            Err(failure) => {
                if let Failure::Tenant(m) | Failure::TenantsUnavailable(m) = &failure {
                    tracing::info!(%path, "{m}: call refused");
                }
                return Err((refuse(failure), Some(principal)));
            }
        };
        if let Err(limited) = g.within_rate(&principal).await {
            return Err((refuse(Failure::RateLimited(limited)), Some(principal)));
        }
        let allowed = match rule {
            Some(Rule::Public | Rule::Authenticated) => true,
            Some(Rule::Capability(bit)) => principal.capabilities & (1 << bit) != 0,
            None => false,
        };
        if !allowed {
            let rpc = rpc.unwrap_or_default();
            let need = match rule {
                Some(Rule::Capability(bit)) => g.policy.capability_name(bit).to_owned(),
                _ => "a rule (none exists: denied by default)".to_owned(),
            };
            tracing::info!(subject = %principal.subject, roles = ?principal.roles, %rpc, %need, "call refused");
            let refusal = refuse(Failure::Authorization(format!(
                "{rpc} needs {need}, which the caller's roles do not grant"
            )));
            return Err((refusal, Some(principal)));
        }
        Ok(principal)
    }
}

/// The bearer token, taken off the request. A malformed `Authorization` is an error, not an
/// anonymous call.
fn take_bearer(req: &mut Request) -> Result<Option<String>, &'static str> {
    let Some(value) = req.headers_mut().remove(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let text = value
        .to_str()
        .map_err(|_| "the Authorization header is not text")?;
    let (scheme, token) = text
        .split_once(' ')
        .ok_or("the Authorization header is not 'Bearer <token>'")?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err("the Authorization header is not 'Bearer <token>'");
    }
    Ok(Some(token.trim().to_owned()))
}

enum Failure {
    Authentication(AuthError),
    Authorization(String),
    /// An unknown or suspended tenant.
    Tenant(String),
    /// The store could not tell whether tenancy is in force.
    TenantsUnavailable(String),
    RateLimited(Limited),
}

/// 401 / 403 / 503 in the caller's dialect: gRPC status, the TMF `Error`, or ProblemDetails;
/// REST answers carry RFC 6750's `WWW-Authenticate`.
fn refusal(failure: Failure, grpc: bool, path: &str) -> Response {
    let failure = match failure {
        Failure::RateLimited(limited) => return rate_limited(&limited, grpc, path),
        other => other,
    };
    let (status, code, kind, message, challenge) = match failure {
        Failure::RateLimited(_) => unreachable!("answered above"),
        Failure::Authentication(AuthError::Missing) => (
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "authentication",
            "no credentials: send 'Authorization: Bearer <access token>' or a bound client certificate".to_owned(),
            // RFC 6750 §3.1: no error code when the request had no credentials.
            Some(r#"Bearer realm="netweave""#.to_owned()),
        ),
        Failure::Authentication(AuthError::Invalid(m)) => (
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "authentication",
            m.clone(),
            Some(challenge("invalid_token", &m)),
        ),
        Failure::Authentication(AuthError::Binding(m)) => (
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "certificate_binding",
            m.clone(),
            Some(challenge("invalid_token", &m)),
        ),
        Failure::Authentication(AuthError::Unavailable(m)) => (
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unavailable,
            "authentication",
            format!("the identity provider's keys cannot be had: {m}"),
            None,
        ),
        Failure::Tenant(m) => (
            StatusCode::FORBIDDEN,
            ErrorCode::PermissionDenied,
            "tenant",
            m,
            None,
        ),
        Failure::TenantsUnavailable(m) => (
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unavailable,
            "tenant",
            m,
            None,
        ),
        Failure::Authorization(m) => (
            StatusCode::FORBIDDEN,
            ErrorCode::PermissionDenied,
            "authorization",
            m.clone(),
            Some(challenge("insufficient_scope", &m)),
        ),
    };
    metrics::counter!(AUTH_FAILURES, "type" => kind).increment(1);
    if grpc {
        return tonic::Status::new(code.grpc(), message)
            .into_http::<axum::body::Body>()
            .into_response();
    }
    let mut response = crate::render::error_for(path, status, &code, message);
    if let Some(c) = challenge.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().insert(header::WWW_AUTHENTICATE, c);
    }
    response
}

/// 429 with `Retry-After` and the `RateLimit-*` fields (draft-ietf-httpapi-ratelimit-headers)
/// / RESOURCE_EXHAUSTED with a `google.rpc.RetryInfo` detail and `retry-after` metadata.
fn rate_limited(limited: &Limited, grpc: bool, path: &str) -> Response {
    metrics::counter!(crate::metrics::RATE_LIMITED, "scope" => limited.scope).increment(1);
    let retry = limited.retry_after_secs().to_string();
    if grpc {
        use tonic_types::{ErrorDetails, StatusExt as _};
        let mut status = tonic::Status::with_error_details(
            tonic::Code::ResourceExhausted,
            limited.message(),
            ErrorDetails::with_retry_info(Some(limited.retry_after)),
        );
        if let Ok(v) = retry.parse() {
            status.metadata_mut().insert("retry-after", v);
        }
        return status.into_http::<axum::body::Body>().into_response();
    }
    let code = ErrorCode::QuotaExceeded;
    let status = StatusCode::TOO_MANY_REQUESTS;
    let mut response = crate::render::error_for(path, status, &code, limited.message());
    let headers = response.headers_mut();
    let limit = limited.burst.to_string();
    for (name, value) in [
        (header::RETRY_AFTER.as_str(), retry.as_str()),
        ("ratelimit-limit", limit.as_str()),
        ("ratelimit-remaining", "0"),
        ("ratelimit-reset", retry.as_str()),
    ] {
        if let Ok(v) = HeaderValue::from_str(value) {
            headers.insert(name, v);
        }
    }
    response
}

fn challenge(error: &str, description: &str) -> String {
    let description: String = description
        .chars()
        .filter(|c| *c != '"' && *c != '\\' && (' '..='~').contains(c))
        .collect();
    format!(r#"Bearer realm="netweave", error="{error}", error_description="{description}""#)
}
