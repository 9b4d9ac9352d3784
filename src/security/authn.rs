//! Authentication: a bearer JWT access token (RFC 9068 claims, keys from the issuer's JWKS,
//! RFC 8705 certificate binding), or a client certificate alone through configured bindings.
//! Verified tokens are cached by digest until they expire, so the hot path checks no
//! signature twice; the binding to the connection's certificate is checked on every request.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use jsonwebtoken::{Algorithm, Validation};
use serde_json::Value;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::{
    jwks::{Jwks, KeyError, KeySource},
    peer::{normalize_dn, PeerCert},
    policy::{Policy, CREDENTIALS},
};
use crate::config::{AuthConfig, CertBinding};

/// Verified tokens kept at most; past it, expired ones go, then all.
const TOKEN_CACHE: usize = 10_000;

/// How the caller proved who it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Authentication is off.
    Anonymous,
    Token,
    Certificate,
}

/// The caller, as authorization, tenancy and the audit trail see it. It carries no secret.
#[derive(Clone, Debug)]
pub struct Principal {
    pub method: Method,
    pub subject: String,
    pub client_id: Option<String>,
    /// From the tenant claim (`auth.tenant_claim`) or the certificate rule
    /// `user-id.tenant-id.<domain>`.
    pub tenant: Option<String>,
    /// Holds a cross-tenant role (platform-admin, tenant-admin, auditor): never confined to
    /// its tenant.
    pub platform: bool,
    pub roles: Vec<String>,
    /// The roles' capabilities (see [`Policy::mask`]).
    pub capabilities: u64,
    /// May read deployment managers' SMO access credentials ([`super::policy::CREDENTIALS`]).
    /// Never an anonymous caller: with authentication off, credentials are not handed out.
    pub sees_credentials: bool,
    /// RFC 8705 `cnf.x5t#S256` of a bound token.
    pub bound_to: Option<String>,
    /// Seconds since the epoch.
    pub expires_at: i64,
    /// The inventory the caller sees: its tenant's scope, set by the gate once the tenant is
    /// known to be active; `None` sees everything (platform roles, single-tenant gateways).
    pub scope: Option<Arc<crate::domain::scope::InventoryScope>>,
}

impl Principal {
    pub fn anonymous() -> Principal {
        Principal {
            method: Method::Anonymous,
            subject: String::new(),
            client_id: None,
            tenant: None,
            platform: true,
            roles: Vec::new(),
            capabilities: u64::MAX,
            sees_credentials: false,
            bound_to: None,
            expires_at: i64::MAX,
            scope: None,
        }
    }

    /// The tenant this caller is confined to: its own, unless it holds a cross-tenant role.
    pub fn confined_to(&self) -> Option<&str> {
        self.tenant.as_deref().filter(|_| !self.platform)
    }
}

/// Why a caller is not authenticated.
#[derive(Debug)]
pub enum AuthError {
    /// No credentials at all.
    Missing,
    /// A token or certificate that does not verify.
    Invalid(String),
    /// A bound token over the wrong connection, or an unbound one where binding is required.
    Binding(String),
    /// The keys to check the token cannot be had.
    Unavailable(String),
}

pub fn parse_algorithms(text: &str) -> Result<Vec<Algorithm>, String> {
    let mut algs = Vec::new();
    for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let alg: Algorithm = name
            .parse()
            .map_err(|_| format!("auth.algorithms: '{name}' is not a JWS algorithm"))?;
        if name.starts_with("HS") {
            return Err(format!(
                "auth.algorithms: {name} is refused (a shared secret cannot be published as a key)"
            ));
        }
        algs.push(alg);
    }
    if algs.is_empty() {
        return Err("auth.algorithms names no algorithm".into());
    }
    Ok(algs)
}

struct Cached {
    principal: Arc<Principal>,
}

pub struct Authenticator {
    tokens: Option<Tokens>,
    bindings: Vec<CertBinding>,
    require_bound: bool,
    policy: Arc<Policy>,
}

struct Tokens {
    jwks: Jwks,
    algorithms: Vec<Algorithm>,
    issuer: Option<String>,
    audience: String,
    leeway: u64,
    roles_claim: String,
    tenant_claim: String,
    cache: Mutex<HashMap<[u8; 32], Cached>>,
}

impl Authenticator {
    pub fn new(
        cfg: &AuthConfig,
        policy: Arc<Policy>,
        client: reqwest::Client,
    ) -> Result<Authenticator, String> {
        let tokens = if cfg.tokens() {
            let source = match (&cfg.jwks_uri, &cfg.issuer) {
                (Some(uri), _) => KeySource::Uri(uri.clone()),
                (None, Some(issuer)) => KeySource::Discovery(issuer.clone()),
                (None, None) => unreachable!("tokens() needs one of them"),
            };
            Some(Tokens {
                jwks: Jwks::new(
                    client,
                    source,
                    Duration::from_secs(cfg.jwks_cache_seconds),
                    Duration::from_secs_f64(cfg.jwks_refetch_seconds.max(0.0)),
                ),
                algorithms: parse_algorithms(&cfg.algorithms)?,
                issuer: cfg.issuer.clone(),
                audience: cfg.audience.clone().unwrap_or_default(),
                leeway: cfg.leeway_seconds,
                roles_claim: cfg.roles_claim.clone(),
                tenant_claim: cfg.tenant_claim.clone(),
                cache: Mutex::new(HashMap::new()),
            })
        } else {
            None
        };
        Ok(Authenticator {
            tokens,
            bindings: cfg.cert_bindings.clone(),
            require_bound: cfg.require_bound_tokens,
            policy,
        })
    }

    /// The caller of a request with `token` (the bearer credential) over a connection with
    /// client certificate `cert`.
    pub async fn authenticate(
        &self,
        token: Option<&str>,
        cert: Option<&PeerCert>,
    ) -> Result<Arc<Principal>, AuthError> {
        let principal = match (token, &self.tokens) {
            (Some(token), Some(tokens)) => tokens.verify(token, &self.policy).await?,
            (Some(_), None) => {
                return Err(AuthError::Invalid(
                    "bearer tokens are not accepted here (no issuer is configured)".into(),
                ))
            }
            (None, _) => {
                return match cert.and_then(|c| self.bound_certificate(c)) {
                    Some(p) => Ok(Arc::new(p)),
                    None if cert.is_some() && !self.bindings.is_empty() => Err(AuthError::Invalid(
                        "the client certificate is bound to no identity".into(),
                    )),
                    None => Err(AuthError::Missing),
                };
            }
        };
        match (&principal.bound_to, cert) {
            (Some(want), Some(cert)) => {
                if want.is_empty() || !bool::from(want.as_bytes().ct_eq(cert.x5t_s256.as_bytes())) {
                    return Err(AuthError::Binding(
                        "the token is bound to another client certificate".into(),
                    ));
                }
            }
            (Some(_), None) => {
                return Err(AuthError::Binding(
                    "the token is bound to a client certificate and none was presented".into(),
                ))
            }
            (None, _) if self.require_bound => {
                return Err(AuthError::Binding(
                    "the token is not bound to a client certificate (cnf.x5t#S256)".into(),
                ))
            }
            (None, _) => {}
        }
        Ok(principal)
    }

    fn bound_certificate(&self, cert: &PeerCert) -> Option<Principal> {
        for binding in &self.bindings {
            let mut tenant = None;
            let mut subject = cert.subject.clone();
            let fits = if let Some(want) = &binding.subject {
                normalize_dn(want) == cert.subject
            } else if let Some(san) = &binding.san {
                cert.sans.iter().any(|s| s.eq_ignore_ascii_case(san))
            } else if let Some(domain) = &binding.cn_domain {
                match cn_rule(cert.common_name.as_deref(), domain) {
                    Some((user, t)) => {
                        subject = user;
                        tenant = Some(t);
                        true
                    }
                    None => false,
                }
            } else {
                false
            };
            if fits {
                let capabilities = self.policy.grant(&binding.roles, tenant.is_some());
                return Some(Principal {
                    method: Method::Certificate,
                    subject,
                    client_id: None,
                    capabilities,
                    sees_credentials: self.policy.holds(capabilities, CREDENTIALS),
                    platform: is_platform(&binding.roles),
                    tenant,
                    roles: binding.roles.clone(),
                    bound_to: None,
                    expires_at: cert.not_after,
                    scope: None,
                });
            }
        }
        None
    }
}

/// `user-id.tenant-id.<domain>` → (user, tenant).
fn cn_rule(cn: Option<&str>, domain: &str) -> Option<(String, String)> {
    let rest = cn?.strip_suffix(domain)?.strip_suffix('.')?;
    let (user, tenant) = rest.split_once('.')?;
    if user.is_empty() || tenant.is_empty() || tenant.contains('.') {
        return None;
    }
    Some((user.to_owned(), tenant.to_owned()))
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Tokens {
    async fn verify(&self, token: &str, policy: &Policy) -> Result<Arc<Principal>, AuthError> {
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let now = now();
        if let Some(hit) = self.cache.lock().expect("token cache").get(&digest) {
            if hit.principal.expires_at + self.leeway as i64 > now {
                return Ok(Arc::clone(&hit.principal));
            }
        }
        let header = jsonwebtoken::decode_header(token)
            .map_err(|e| AuthError::Invalid(format!("malformed token: {e}")))?;
        if !self.algorithms.contains(&header.alg) {
            return Err(AuthError::Invalid(format!(
                "the token's algorithm {:?} is not accepted",
                header.alg
            )));
        }
        let key = self
            .jwks
            .key(header.kid.as_deref(), header.alg)
            .await
            .map_err(|e| match e {
                KeyError::Unknown(m) => AuthError::Invalid(m),
                KeyError::Unavailable(m) => AuthError::Unavailable(m),
            })?;
        let mut validation = Validation::new(header.alg);
        validation.set_audience(&[&self.audience]);
        validation.leeway = self.leeway;
        validation.validate_nbf = true;
        validation.required_spec_claims = ["exp", "aud"].map(str::to_owned).into();
        if let Some(issuer) = &self.issuer {
            validation.set_issuer(&[issuer]);
            validation.required_spec_claims.insert("iss".into());
        }
        let data = jsonwebtoken::decode::<Value>(token, &key, &validation).map_err(|e| {
            let claims =
                jsonwebtoken::dangerous::insecure_decode_claims::<Value>(token).unwrap_or_default();
            // The claims of a refused token help find the misconfigured client; the token
            // itself is never logged.
            tracing::info!(
                error = %e,
                iss = %claims["iss"], sub = %claims["sub"], aud = %claims["aud"],
                exp = %claims["exp"], client_id = %claims["client_id"], azp = %claims["azp"],
                "bearer token refused"
            );
            AuthError::Invalid(format!("the token does not verify: {e}"))
        })?;
        let claims = data.claims;
        // A `cnf` without a thumbprint binds to nothing and is refused, never ignored.
        let bound_to = claims.get("cnf").map(|cnf| {
            cnf.get("x5t#S256")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        });
        let roles = roles(&claims, &self.roles_claim);
        let text = |name: &str| claims.get(name).and_then(Value::as_str).map(str::to_owned);
        let tenant = claim_text(&claims, &self.tenant_claim);
        let capabilities = policy.grant(&roles, tenant.is_some());
        let principal = Arc::new(Principal {
            method: Method::Token,
            subject: text("sub").unwrap_or_default(),
            client_id: text("client_id").or_else(|| text("azp")),
            capabilities,
            sees_credentials: policy.holds(capabilities, CREDENTIALS),
            platform: is_platform(&roles),
            tenant,
            roles,
            bound_to,
            expires_at: claims.get("exp").and_then(Value::as_i64).unwrap_or(now),
            scope: None,
        });
        let mut cache = self.cache.lock().expect("token cache");
        if cache.len() >= TOKEN_CACHE {
            cache.retain(|_, c| c.principal.expires_at > now);
            if cache.len() >= TOKEN_CACHE {
                cache.clear();
            }
        }
        cache.insert(
            digest,
            Cached {
                principal: Arc::clone(&principal),
            },
        );
        Ok(principal)
    }
}

/// Whether `roles` hold a cross-tenant role.
pub fn is_platform<S: AsRef<str>>(roles: &[S]) -> bool {
    roles
        .iter()
        .any(|r| super::tenants::PLATFORM_ROLES.contains(&r.as_ref()))
}

/// A text claim: a top-level key (which may contain dots) or a dotted path.
fn claim_text(claims: &Value, path: &str) -> Option<String> {
    claims
        .get(path)
        .or_else(|| path.split('.').try_fold(claims, |v, part| v.get(part)))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The roles a token's claims grant: the claim named by `path` (a top-level key, which may
/// itself contain dots as oran-o2ims' flattened Keycloak claims do, or a dotted path into
/// nested objects), an array of strings or a space-separated string; `role:X` means role X.
pub fn roles(claims: &Value, path: &str) -> Vec<String> {
    let value = claims
        .get(path)
        .or_else(|| path.split('.').try_fold(claims, |v, part| v.get(part)));
    let items: Vec<&str> = match value {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(s)) => s.split_whitespace().collect(),
        _ => Vec::new(),
    };
    items
        .into_iter()
        .map(|r| r.strip_prefix("role:").unwrap_or(r).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn roles_come_from_flat_nested_and_scope_claims() {
        let claims = json!({
            "roles": ["o2ims-reader"],
            "resource_access.o2ims-client.roles": ["o2ims-admin"],
            "realm": {"groups": ["o2ims-subscriber", 3]},
            "scope": "openid role:o2ims-deployer profile",
        });
        assert_eq!(roles(&claims, "roles"), ["o2ims-reader"]);
        assert_eq!(
            roles(&claims, "resource_access.o2ims-client.roles"),
            ["o2ims-admin"]
        );
        assert_eq!(roles(&claims, "realm.groups"), ["o2ims-subscriber"]);
        assert!(roles(&claims, "scope").contains(&"o2ims-deployer".to_owned()));
        assert!(roles(&claims, "missing").is_empty());
    }

    #[test]
    fn the_common_name_rule_names_user_and_tenant() {
        let d = "o2ims.example.com";
        assert_eq!(
            cn_rule(Some("alice.tenant-a.o2ims.example.com"), d),
            Some(("alice".into(), "tenant-a".into()))
        );
        assert_eq!(cn_rule(Some("alice.o2ims.example.com"), d), None);
        assert_eq!(cn_rule(Some("a.b.c.o2ims.example.com"), d), None);
        assert_eq!(cn_rule(Some("alice.tenant-a.evil.com"), d), None);
        assert_eq!(cn_rule(None, d), None);
    }

    #[test]
    fn shared_secret_algorithms_are_refused() {
        assert!(parse_algorithms("RS256,ES256").is_ok());
        assert!(parse_algorithms("HS256").is_err());
        assert!(parse_algorithms("none").is_err());
        assert!(parse_algorithms("").is_err());
    }
}
