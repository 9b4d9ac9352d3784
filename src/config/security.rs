//! Settings of the security layer: TLS on the one port, bearer-token and client-certificate
//! authentication, the authorization policy, and the outbound client of webhooks.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Whether the TLS listener asks for client certificates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ClientAuth {
    /// No client certificate is requested.
    #[default]
    None,
    /// A certificate is requested; one that is sent must verify against `tls.client_ca`.
    Optional,
    /// The handshake fails without a certificate that verifies against `tls.client_ca`.
    Required,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TlsConfig {
    /// PEM certificate chain of the server; with `tls.key` it turns TLS on. Default unset.
    pub cert: Option<PathBuf>,
    /// PEM private key of the server (PKCS#8, PKCS#1 or SEC1). Default unset.
    pub key: Option<PathBuf>,
    /// PEM bundle of the CAs client certificates must chain to. Default unset.
    pub client_ca: Option<PathBuf>,
    /// `none`, `optional` or `required`. Default `none`.
    pub client_auth: ClientAuth,
    /// PEM certificate revocation lists checked for client certificates. Default empty.
    pub crls: Vec<PathBuf>,
    /// Also accept TLS 1.2 (TLS 1.3 only otherwise). Default `false`.
    pub allow_tls12: bool,
    /// Seconds between checks of the files for changes (SIGHUP checks at once). Default `10`.
    pub reload_seconds: f64,
    /// Networks whose peers (TLS-terminating proxies) may pass the client certificate in
    /// `x-forwarded-client-cert` or `x-ssl-client-der`, comma-separated CIDRs; these headers
    /// are stripped from every other peer. Default empty.
    pub trusted_proxies: String,
}

impl Default for TlsConfig {
    fn default() -> Self {
        TlsConfig {
            cert: None,
            key: None,
            client_ca: None,
            client_auth: ClientAuth::None,
            crls: Vec::new(),
            allow_tls12: false,
            reload_seconds: 10.0,
            trusted_proxies: String::new(),
        }
    }
}

impl TlsConfig {
    pub fn enabled(&self) -> bool {
        self.cert.is_some() || self.key.is_some()
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.cert.is_some() != self.key.is_some() {
            return Err("tls.cert and tls.key go together".into());
        }
        if self.client_auth != ClientAuth::None && self.client_ca.is_none() {
            return Err("tls.client_auth optional or required needs tls.client_ca".into());
        }
        if self.client_auth != ClientAuth::None && !self.enabled() {
            return Err("tls.client_auth needs tls.cert and tls.key".into());
        }
        if !self.crls.is_empty() && self.client_ca.is_none() {
            return Err("tls.crls need tls.client_ca".into());
        }
        if self.reload_seconds <= 0.0 {
            return Err("tls.reload_seconds must be above 0".into());
        }
        // The networks themselves are parsed where they are used (`security::peer`).
        Ok(())
    }
}

/// A client certificate that authenticates a caller on its own (no bearer token).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CertBinding {
    /// The certificate's subject, as an RFC 4514 string (`CN=smo-1,O=operator`).
    pub subject: Option<String>,
    /// A DNS name, URI or IP address among the certificate's subject alternative names.
    pub san: Option<String>,
    /// The architecture document's rule: a common name `user-id.tenant-id.<cn_domain>` names the
    /// user and the tenant.
    pub cn_domain: Option<String>,
    /// Roles (or capabilities) the caller gets.
    pub roles: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthConfig {
    /// Issuer of access tokens; its OIDC discovery document names the JWKS, and `iss` must
    /// equal it. Default unset.
    pub issuer: Option<String>,
    /// JWKS URL (`file://` reads a file), instead of discovery (then `iss` is checked only when `auth.issuer` is set). Default unset.
    pub jwks_uri: Option<String>,
    /// Audience tokens must carry in `aud`; required with `issuer` or `jwks_uri`. Default unset.
    pub audience: Option<String>,
    /// Claim holding the caller's roles: `roles`, `groups`, `scope` (values `role:X`), or a
    /// dotted path such as `resource_access.o2ims-client.roles`. Default `roles`.
    pub roles_claim: String,
    /// Claim naming the caller's tenant (a top-level key or a dotted path); client
    /// certificates name it through the `cn_domain` rule. Default `tenant`.
    pub tenant_claim: String,
    /// Tenancy in force from the start: a caller naming a tenant the store does not hold is
    /// refused even while no tenant exists. Off (single-tenant until the first tenant is
    /// created), a replica that holds no tenant reads the store before it admits a
    /// tenant-naming caller unscoped, so the first tenant created on another replica is in
    /// force here at once. Default `false`.
    pub multi_tenant: bool,
    /// Accepted signature algorithms, comma-separated; `none` and HS* are never accepted. Default `RS256,PS256,ES256`.
    pub algorithms: String,
    /// Seconds of clock skew allowed on `exp` and `nbf`. Default `60`.
    pub leeway_seconds: u64,
    /// Refuse tokens without an RFC 8705 `cnf.x5t#S256` certificate binding. Default `false`.
    pub require_bound_tokens: bool,
    /// Seconds a fetched JWKS is used before it is fetched again. Default `300`.
    pub jwks_cache_seconds: u64,
    /// Least seconds between fetches the JWKS prompted by an unknown `kid`. Default `10`.
    pub jwks_refetch_seconds: f64,
    /// PEM CA bundle trusted for the identity provider, beside the system roots. Default unset.
    pub ca_file: Option<PathBuf>,
    /// TOML file of roles and RPC rules added to the built-in policy. Default unset.
    pub policy_file: Option<PathBuf>,
    /// Serve `/metrics` without credentials. Default `false`.
    pub open_metrics: bool,
    /// Client certificates that authenticate on their own (`[[auth.cert_bindings]]` with
    /// `subject`, `san` or `cn_domain`, and `roles`). Default empty.
    pub cert_bindings: Vec<CertBinding>,
}

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            issuer: None,
            jwks_uri: None,
            audience: None,
            roles_claim: "roles".into(),
            tenant_claim: "tenant".into(),
            multi_tenant: false,
            algorithms: "RS256,PS256,ES256".into(),
            leeway_seconds: 60,
            require_bound_tokens: false,
            jwks_cache_seconds: 300,
            jwks_refetch_seconds: 10.0,
            ca_file: None,
            policy_file: None,
            open_metrics: false,
            cert_bindings: Vec::new(),
        }
    }
}

impl AuthConfig {
    /// Bearer tokens are checked.
    pub fn tokens(&self) -> bool {
        self.issuer.is_some() || self.jwks_uri.is_some()
    }

    /// Some authentication is configured: every call not public needs an identity.
    pub fn enabled(&self) -> bool {
        self.tokens() || !self.cert_bindings.is_empty()
    }

    pub fn validate(&self, tls: &TlsConfig) -> Result<(), String> {
        if self.tokens() && self.audience.as_deref().is_none_or(str::is_empty) {
            return Err(
                "auth.audience is required when tokens are checked (auth.issuer or auth.jwks_uri)"
                    .into(),
            );
        }
        if self.roles_claim.trim().is_empty() {
            return Err("auth.roles_claim must name a claim".into());
        }
        if self.tenant_claim.trim().is_empty() {
            return Err("auth.tenant_claim must name a claim".into());
        }
        if self.require_bound_tokens
            && tls.client_auth == ClientAuth::None
            && tls.trusted_proxies.is_empty()
        {
            return Err("auth.require_bound_tokens needs client certificates (tls.client_auth or tls.trusted_proxies)".into());
        }
        if !self.cert_bindings.is_empty()
            && tls.client_auth == ClientAuth::None
            && tls.trusted_proxies.is_empty()
        {
            return Err("auth.cert_bindings need client certificates (tls.client_auth or tls.trusted_proxies)".into());
        }
        for (i, b) in self.cert_bindings.iter().enumerate() {
            let set = [&b.subject, &b.san, &b.cn_domain]
                .iter()
                .filter(|v| v.is_some())
                .count();
            if set != 1 {
                return Err(format!(
                    "auth.cert_bindings[{i}] names exactly one of subject, san, cn_domain"
                ));
            }
            if b.roles.is_empty() {
                return Err(format!("auth.cert_bindings[{i}] grants no roles"));
            }
        }
        Ok(())
    }
}

/// OAuth 2.0 client credentials netweave presents to callbacks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OAuthClientConfig {
    /// Token endpoint; when set, every callback request carries a bearer token. Default unset.
    pub token_url: Option<String>,
    /// Client id. Default empty.
    pub client_id: String,
    /// Client secret; prefer `client_secret_file` or `NETWEAVE_WEBHOOKS__OAUTH__CLIENT_SECRET`. Default empty.
    pub client_secret: String,
    /// File holding the client secret. Default unset.
    pub client_secret_file: Option<PathBuf>,
    /// Scopes asked for, space-separated. Default empty.
    pub scopes: String,
    /// `audience` form parameter some identity providers need. Default empty.
    pub audience: String,
}

impl OAuthClientConfig {
    pub fn validate(&self) -> Result<(), String> {
        if let Some(url) = &self.token_url {
            let parsed = url::Url::parse(url)
                .map_err(|e| format!("webhooks.oauth.token_url '{url}': {e}"))?;
            if !matches!(parsed.scheme(), "http" | "https") {
                return Err(format!("webhooks.oauth.token_url '{url}' is not http(s)"));
            }
            if self.client_id.is_empty() {
                return Err("webhooks.oauth.client_id is required with a token_url".into());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, ServeArgs};

    use super::*;

    #[test]
    fn the_defaults_validate_and_the_flags_reach_the_nested_keys() {
        Config::default().validate().unwrap();
        let args = ServeArgs {
            tls_cert: Some("s.pem".into()),
            tls_key: Some("s.key".into()),
            tls_client_ca: Some("ca.pem".into()),
            tls_client_auth: Some(ClientAuth::Required),
            auth_issuer: Some("https://idp.example.com".into()),
            auth_audience: Some("o2ims-client".into()),
            auth_roles_claim: Some("groups".into()),
            webhook_ca: Some("cb.pem".into()),
            ..Default::default()
        };
        let c = Config::load(&args).unwrap();
        assert_eq!(c.tls.cert.as_deref(), Some(std::path::Path::new("s.pem")));
        assert_eq!(c.tls.client_auth, ClientAuth::Required);
        assert_eq!(c.auth.issuer.as_deref(), Some("https://idp.example.com"));
        assert_eq!(c.auth.roles_claim, "groups");
        assert_eq!(
            c.webhooks.ca_file.as_deref(),
            Some(std::path::Path::new("cb.pem"))
        );
        assert_eq!(c.scheme(), "https");
        let no_audience = ServeArgs {
            auth_issuer: Some("https://idp.example.com".into()),
            ..Default::default()
        };
        assert!(Config::load(&no_audience)
            .unwrap_err()
            .to_string()
            .contains("auth.audience"));
    }
}

/// A tenant created at start when the store has none of that id (`[[tenants]]`); after that
/// the admin API manages it, and a restart does not undo its changes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TenantConfig {
    /// DNS-label id (the `tenant` claim's value, the certificate rule's tenant part).
    pub id: String,
    /// `active` or `suspended`. Default `active`.
    pub status: Option<String>,
    /// Resource pools the tenant may see, by id. Default empty.
    pub resource_pools: Vec<String>,
    /// Pools whose labels match `key=value,…` (e.g. `o2ims.oran.org/tenant=tenant-a`). Default unset.
    pub label_selector: Option<String>,
    pub max_subscriptions: Option<u32>,
    pub max_hubs: Option<u32>,
    pub max_resource_pools: Option<u32>,
    pub max_watch_streams: Option<u32>,
    pub max_provisioning_requests: Option<u32>,
    pub requests_per_second: Option<f64>,
    /// Subjects and their tenant roles (`[[tenants.bindings]]` with `subject`, `roles`). Default empty.
    pub bindings: Vec<TenantBindingConfig>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TenantBindingConfig {
    pub subject: String,
    pub roles: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditConfig {
    /// Keep an audit record of every request. Default: on when authentication is on.
    pub enabled: Option<bool>,
    /// Records kept at most. Default `100000`.
    pub max_records: usize,
    /// Hours a record is kept at most. Default `720` (30 days).
    pub max_age_hours: u64,
}

/// Request rates (GCRA): per client address before authentication, per tenant after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimitConfig {
    /// Requests per second one client address may make, checked before any credential is
    /// (it keeps floods off the signature checks); 0 is no limit. Per replica. Default `0`.
    pub client_requests_per_second: f64,
    /// Requests a client address may send at once above its rate. Default: twice the rate.
    pub client_burst: Option<u32>,
    /// Requests a tenant may send at once above its `requestsPerSecond`. Default: the
    /// rate, at least 1. Across replicas when Redis is configured.
    pub tenant_burst: Option<u32>,
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        RateLimitConfig {
            client_requests_per_second: 0.0,
            client_burst: None,
            tenant_burst: None,
        }
    }
}

impl RateLimitConfig {
    pub fn validate(&self) -> Result<(), String> {
        let rate = self.client_requests_per_second;
        if !(rate.is_finite() && rate >= 0.0) {
            return Err(format!(
                "rate_limits.client_requests_per_second must be 0 or above, not {rate}"
            ));
        }
        if self.client_burst == Some(0) || self.tenant_burst == Some(0) {
            return Err("rate_limits.client_burst and tenant_burst must be at least 1".into());
        }
        Ok(())
    }
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            enabled: None,
            max_records: 100_000,
            max_age_hours: 720,
        }
    }
}
