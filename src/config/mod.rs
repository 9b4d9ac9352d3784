//! Layered configuration: built-in defaults, then an optional TOML file (`--config`), then
//! `NETWEAVE_*` environment variables (`__` separates nested keys:
//! `NETWEAVE_EVENTS__WATCH_BUFFER=2048`), then command-line flags. The configuration is plain
//! data: each room builds its own types from its part, and a room's own section (a backend
//! kind's) is kept here by name only ([`sections`]). Every key is listed in the README's
//! configuration table; a test keeps the two in step.

use std::{net::SocketAddr, path::PathBuf};

use clap::Args;
use figment::{
    providers::{Env, Format, Json, Serialized, Toml},
    Figment,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::OCloudInfo;

mod election;
mod routing;
pub mod sections;
mod security;
mod versions;
pub use election::{ElectionConfig, ElectionMode};
pub use routing::{BackendInstance, RouteRule, Strategy};
pub use sections::{Section, Sections};
pub use security::{
    AuditConfig, AuthConfig, CertBinding, ClientAuth, OAuthClientConfig, RateLimitConfig,
    TenantBindingConfig, TenantConfig, TlsConfig,
};
pub use versions::{ApiVersionsConfig, VersionLifecycle, VersionStatus};

// No `deny_unknown_fields`: the keys no field names are the backends' sections, which the
// backend registry checks (an unknown key is refused there).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Address serving REST and gRPC on one port (HTTP/1.1 and h2c). Default `127.0.0.1:8080`.
    pub listen: SocketAddr,
    /// Separate address for gRPC; when unset gRPC shares `listen`. Default unset.
    pub grpc_listen: Option<SocketAddr>,
    /// Directory of the embedded store. Default `./data`.
    pub data_dir: PathBuf,
    /// Redis URL (`redis://host:port/db`, `rediss://…`, or Sentinel `redis+sentinel://host:26379,…/master[/db]`; `?wait_replicas=N` makes durable writes wait for N replicas); when set, subscriptions, the event stream and the delivery queue live in Redis. Default unset.
    pub redis_url: Option<String>,
    /// Hash tag of every Redis key (`{netweave}:…`), and the NATS stream's name prefix. Default `netweave`.
    pub redis_prefix: String,
    /// NATS URL (`nats://host:4222`); when set, the event stream is a JetStream stream. Default unset.
    pub nats_url: Option<String>,
    /// Inventory backend: one of the kinds the backend registry lists; empty is its first, the embedded default. Default empty.
    pub backend: String,
    /// Each backend kind's settings, by the section name the kind gives them (see [`sections`]).
    #[serde(flatten)]
    pub sections: Sections,
    /// Which replica publishes the backends' changes.
    pub election: ElectionConfig,
    /// Several named backends at once (`[[backends]]`); when empty, `backend` alone serves. Default empty.
    pub backends: Vec<BackendInstance>,
    /// Routing of kinds to `backends` (`[[routes]]`); with none, every kind merges every backend. Default empty.
    pub routes: Vec<RouteRule>,
    /// Identity of this O-Cloud.
    pub ocloud: OCloudConfig,
    /// The event stream.
    pub events: EventsConfig,
    /// Webhook delivery.
    pub webhooks: WebhooksConfig,
    /// TLS on `listen` (and `grpc_listen`).
    pub tls: TlsConfig,
    /// Authentication and authorization of callers.
    pub auth: AuthConfig,
    /// Tenants created at start when absent (`[[tenants]]`). Default empty.
    pub tenants: Vec<TenantConfig>,
    /// The audit trail of requests.
    pub audit: AuditConfig,
    /// Alarms (O2ims Infrastructure Monitoring) and their sources.
    pub alarms: AlarmsConfig,
    /// Registration of the O-Cloud with the SMO.
    pub smo: SmoConfig,
    /// Request rate limits.
    pub rate_limits: RateLimitConfig,
    /// Idempotent creations (`Idempotency-Key`).
    pub idempotency: IdempotencyConfig,
    /// Infrastructure provisioning: templates and the executor.
    pub provisioning: ProvisioningConfig,
    /// O2-DMS: the Kubernetes profile's SMO access credentials.
    pub dms: crate::dms::profile::DmsConfig,
    /// The lifecycle of each inventory API version (stable, or deprecated with dates).
    pub api_versions: ApiVersionsConfig,
    /// Page size of `/v1` lists when the client gives none. Default `100`.
    pub v1_page_size: usize,
    /// Largest page any list returns. Default `1000`.
    pub max_page_size: usize,
    /// Log format: `text` or `json`. Default `text`.
    pub log_format: LogFormat,
    /// Log filter in `tracing` env-filter syntax. Default `info`.
    pub log_level: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventsConfig {
    /// Events kept in the stream at most. Default `100000`.
    pub retention_events: u64,
    /// Seconds an event is kept at most. Default `86400`.
    pub retention_seconds: u64,
    /// Events a watcher may fall behind before it is cut off with its resume cursor. Default `1024`.
    pub watch_buffer: usize,
    /// Seconds between Watch heartbeats. Default `15`.
    pub heartbeat_seconds: f64,
    /// Capacity of the fire-and-forget publish queue. Default `10000`.
    pub publish_queue: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IdempotencyConfig {
    /// Seconds the answer to a request carrying an `Idempotency-Key` is kept and replayed to a repeat. Default `86400`.
    pub ttl_seconds: u64,
}

impl Default for IdempotencyConfig {
    fn default() -> Self {
        IdempotencyConfig {
            ttl_seconds: 86_400,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProvisioningConfig {
    /// A directory of template files (`*.yaml`, `*.yml`, `*.json`) offered beside the built-in ones. Default none.
    pub templates_dir: Option<std::path::PathBuf>,
    /// Seconds a provisioning request may take to be fulfilled before it is FAILED. Default `1800`.
    pub timeout_seconds: u64,
    /// Seconds between the executor's passes over the requests (it also runs at once when a request is written on this replica). Default `1`.
    pub poll_seconds: f64,
}

impl Default for ProvisioningConfig {
    fn default() -> Self {
        ProvisioningConfig {
            templates_dir: None,
            timeout_seconds: 1800,
            poll_seconds: 1.0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WebhooksConfig {
    /// Run webhook delivery workers in this process. Default `true`.
    pub workers: bool,
    /// Server-wide signing secrets (`whsec_…`), comma-separated; several during rotation, the
    /// first also signs `X-O2IMS-Signature`. Empty sends unsigned notifications. Default empty.
    pub secret: String,
    /// Networks callbacks may be in although loopback or link-local, comma-separated CIDRs
    /// (`127.0.0.0/8` for local receivers). Default empty.
    pub callback_allow: String,
    /// Check each new subscription's callback with a GET that must answer 204. Default `false`.
    pub verify_callbacks: bool,
    /// Attempts before a delivery is dead-lettered. Default `10`.
    pub max_attempts: u32,
    /// First retry delay in milliseconds, doubled per attempt, jittered. Default `1000`.
    pub base_delay_ms: u64,
    /// Largest retry delay in seconds. Default `300`.
    pub max_delay_seconds: u64,
    /// Seconds a callback has to answer. Default `10`.
    pub timeout_seconds: f64,
    /// Deliveries attempted at once per worker. Default `64`.
    pub concurrency: usize,
    /// PEM CA bundle trusted for https callbacks, beside the system roots. Default unset.
    pub ca_file: Option<PathBuf>,
    /// PEM client certificate presented to callbacks that ask for one (mTLS). Default unset.
    pub client_cert: Option<PathBuf>,
    /// PEM private key of `client_cert`. Default unset.
    pub client_key: Option<PathBuf>,
    /// OAuth 2.0 client credentials for callbacks that want a bearer token.
    pub oauth: OAuthClientConfig,
}

impl Default for WebhooksConfig {
    fn default() -> Self {
        WebhooksConfig {
            workers: true,
            secret: String::new(),
            callback_allow: String::new(),
            verify_callbacks: false,
            max_attempts: 10,
            base_delay_ms: 1000,
            max_delay_seconds: 300,
            timeout_seconds: 10.0,
            concurrency: 64,
            ca_file: None,
            client_cert: None,
            client_key: None,
            oauth: OAuthClientConfig::default(),
        }
    }
}

impl Default for EventsConfig {
    fn default() -> Self {
        EventsConfig {
            retention_events: 100_000,
            retention_seconds: 86_400,
            watch_buffer: 1024,
            heartbeat_seconds: 15.0,
            publish_queue: 10_000,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OCloudConfig {
    /// O-Cloud identifier (UUID); empty derives a stable one from `name`. Default empty.
    pub id: String,
    /// Identifier the SMO assigned at genesis (UUID); empty derives one from `name`. Default empty.
    pub global_cloud_id: String,
    /// Human-readable name. Default `netweave`.
    pub name: String,
    /// Human-readable description. Default `netweave O-Cloud`.
    pub description: String,
    /// URL root of the O2ims services; empty derives `http://<listen>`. Default empty.
    pub service_uri: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            grpc_listen: None,
            data_dir: PathBuf::from("./data"),
            redis_url: None,
            redis_prefix: "netweave".into(),
            nats_url: None,
            backend: String::new(),
            sections: Sections::new(),
            election: ElectionConfig::default(),
            backends: Vec::new(),
            routes: Vec::new(),
            ocloud: OCloudConfig::default(),
            events: EventsConfig::default(),
            webhooks: WebhooksConfig::default(),
            tls: TlsConfig::default(),
            auth: AuthConfig::default(),
            tenants: Vec::new(),
            audit: AuditConfig::default(),
            alarms: AlarmsConfig::default(),
            smo: SmoConfig::default(),
            rate_limits: RateLimitConfig::default(),
            idempotency: IdempotencyConfig::default(),
            provisioning: ProvisioningConfig::default(),
            dms: Default::default(),
            api_versions: ApiVersionsConfig::default(),
            v1_page_size: 100,
            max_page_size: 1000,
            log_format: LogFormat::Text,
            log_level: "info".into(),
        }
    }
}

impl Default for OCloudConfig {
    fn default() -> Self {
        OCloudConfig {
            id: String::new(),
            global_cloud_id: String::new(),
            name: "netweave".into(),
            description: "netweave O-Cloud".into(),
            service_uri: String::new(),
        }
    }
}

/// Where `netweave worker` serves `/healthz` and `/metrics` unless told otherwise.
pub const WORKER_LISTEN: SocketAddr =
    SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 9100);

/// Flags of `netweave serve`; each overrides the file and the environment.
#[derive(Args, Debug, Default, Serialize)]
pub struct ServeArgs {
    /// Configuration file: TOML, or JSON when its name ends in `.json`.
    #[arg(long)]
    #[serde(skip)]
    pub config: Option<PathBuf>,
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grpc_listen: Option<SocketAddr>,
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redis_url: Option<String>,
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redis_prefix: Option<String>,
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nats_url: Option<String>,
    /// Inventory backend kind (`backend`).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backend: Option<String>,
    /// Settings by key that other rooms' flags give (a backend kind's `--sim-pools` is
    /// `sim.pools`), over the file and the environment like every flag.
    #[arg(skip)]
    #[serde(skip)]
    pub settings: Vec<(String, serde_json::Value)>,
    /// Server-wide webhook signing secret(s), `whsec_…`, comma-separated.
    #[arg(long = "webhook-secret")]
    #[serde(skip)]
    pub webhook_secret: Option<String>,
    /// Callback networks allowed although loopback or link-local, comma-separated CIDRs.
    #[arg(long = "callback-allow")]
    #[serde(skip)]
    pub callback_allow: Option<String>,
    /// PEM certificate chain of the server; with --tls-key, serves TLS (`tls.cert`).
    #[arg(long = "tls-cert")]
    #[serde(skip)]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key of the server (`tls.key`).
    #[arg(long = "tls-key")]
    #[serde(skip)]
    pub tls_key: Option<PathBuf>,
    /// PEM bundle of client-certificate CAs (`tls.client_ca`).
    #[arg(long = "tls-client-ca")]
    #[serde(skip)]
    pub tls_client_ca: Option<PathBuf>,
    /// Client certificates: none, optional or required (`tls.client_auth`).
    #[arg(long = "tls-client-auth", value_enum)]
    #[serde(skip)]
    pub tls_client_auth: Option<ClientAuth>,
    /// Token issuer, found by OIDC discovery (`auth.issuer`).
    #[arg(long = "auth-issuer")]
    #[serde(skip)]
    pub auth_issuer: Option<String>,
    /// JWKS URL instead of discovery (`auth.jwks_uri`).
    #[arg(long = "auth-jwks-uri")]
    #[serde(skip)]
    pub auth_jwks_uri: Option<String>,
    /// Audience tokens must carry (`auth.audience`).
    #[arg(long = "auth-audience")]
    #[serde(skip)]
    pub auth_audience: Option<String>,
    /// Claim holding the caller's roles (`auth.roles_claim`).
    #[arg(long = "auth-roles-claim")]
    #[serde(skip)]
    pub auth_roles_claim: Option<String>,
    /// Claim naming the caller's tenant (`auth.tenant_claim`).
    #[arg(long = "auth-tenant-claim")]
    #[serde(skip)]
    pub auth_tenant_claim: Option<String>,
    /// Requests per second per client address (`rate_limits.client_requests_per_second`).
    #[arg(long = "rate-limit-client")]
    #[serde(skip)]
    pub rate_limit_client: Option<f64>,
    /// PEM CA bundle for https callbacks (`webhooks.ca_file`).
    #[arg(long = "webhook-ca")]
    #[serde(skip)]
    pub webhook_ca: Option<PathBuf>,
    /// PEM client certificate for callbacks (`webhooks.client_cert`).
    #[arg(long = "webhook-client-cert")]
    #[serde(skip)]
    pub webhook_client_cert: Option<PathBuf>,
    /// PEM key of the callback client certificate (`webhooks.client_key`).
    #[arg(long = "webhook-client-key")]
    #[serde(skip)]
    pub webhook_client_key: Option<PathBuf>,
    #[arg(long, value_enum)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_format: Option<LogFormat>,
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_level: Option<String>,
}

fn path(p: &Option<PathBuf>) -> Option<String> {
    p.as_ref().map(|p| p.display().to_string())
}

impl Config {
    /// Defaults → file → environment → flags.
    pub fn load(args: &ServeArgs) -> anyhow::Result<Config> {
        Self::load_over(Config::default(), args)
    }

    /// The configuration of `netweave worker`: the same, except that it listens on
    /// [`WORKER_LISTEN`] by default, not on the gateway's port.
    pub fn load_worker(args: &ServeArgs) -> anyhow::Result<Config> {
        Self::load_over(
            Config {
                listen: WORKER_LISTEN,
                ..Config::default()
            },
            args,
        )
    }

    fn load_over(defaults: Config, args: &ServeArgs) -> anyhow::Result<Config> {
        let mut figment = Figment::from(Serialized::defaults(defaults));
        if let Some(path) = &args.config {
            // JSON too, for generated files: Helm's `toToml` writes every number as a float,
            // which an integer setting refuses; its `toJson` keeps integers integers.
            figment = if path.extension().is_some_and(|e| e == "json") {
                figment.merge(Json::file_exact(path))
            } else {
                figment.merge(Toml::file_exact(path))
            };
        }
        figment = figment
            .merge(Env::prefixed("NETWEAVE_").split("__"))
            .merge(Serialized::defaults(args));
        for (key, value) in &args.settings {
            figment = figment.merge((key.as_str(), value));
        }
        if let Some(rate) = args.rate_limit_client {
            figment = figment.merge(("rate_limits.client_requests_per_second", rate));
        }
        if let Some(secret) = &args.webhook_secret {
            figment = figment.merge(("webhooks.secret", secret));
        }
        if let Some(allow) = &args.callback_allow {
            figment = figment.merge(("webhooks.callback_allow", allow));
        }
        let nested: [(&str, Option<String>); 12] = [
            ("tls.cert", path(&args.tls_cert)),
            ("tls.key", path(&args.tls_key)),
            ("tls.client_ca", path(&args.tls_client_ca)),
            ("auth.issuer", args.auth_issuer.clone()),
            ("auth.jwks_uri", args.auth_jwks_uri.clone()),
            ("auth.audience", args.auth_audience.clone()),
            ("auth.roles_claim", args.auth_roles_claim.clone()),
            ("auth.tenant_claim", args.auth_tenant_claim.clone()),
            ("webhooks.ca_file", path(&args.webhook_ca)),
            ("webhooks.client_cert", path(&args.webhook_client_cert)),
            ("webhooks.client_key", path(&args.webhook_client_key)),
            (
                "tls.client_auth",
                args.tls_client_auth.map(|a| {
                    clap::ValueEnum::to_possible_value(&a)
                        .map(|v| v.get_name().to_owned())
                        .unwrap_or_default()
                }),
            ),
        ];
        for (key, value) in nested {
            if let Some(value) = value {
                figment = figment.merge((key, value));
            }
        }
        let config: Config = figment.extract()?;
        config.validate().map_err(anyhow::Error::msg)?;
        Ok(config)
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.max_page_size == 0 || self.v1_page_size == 0 {
            return Err("max_page_size and v1_page_size must be at least 1".into());
        }
        if self.events.watch_buffer < 2
            || self.events.heartbeat_seconds <= 0.0
            || self.events.retention_events == 0
        {
            return Err("events.watch_buffer must be at least 2, events.heartbeat_seconds and events.retention_events above 0".into());
        }
        if self.webhooks.max_attempts == 0
            || self.webhooks.concurrency == 0
            || self.webhooks.timeout_seconds <= 0.0
        {
            return Err("webhooks.max_attempts, webhooks.concurrency and webhooks.timeout_seconds must be above 0".into());
        }
        self.webhooks.oauth.validate()?;
        if self.webhooks.client_cert.is_some() != self.webhooks.client_key.is_some() {
            return Err("webhooks.client_cert and webhooks.client_key go together".into());
        }
        self.tls.validate()?;
        self.auth.validate(&self.tls)?;
        self.rate_limits.validate()?;
        if self.dms.operation_timeout_seconds == 0 {
            return Err("dms.operation_timeout_seconds must be above 0".into());
        }
        if self.dms.poll_seconds.is_nan() || self.dms.poll_seconds <= 0.0 {
            return Err("dms.poll_seconds must be above 0".into());
        }
        if self.provisioning.timeout_seconds == 0 {
            return Err("provisioning.timeout_seconds must be above 0".into());
        }
        if self.provisioning.poll_seconds.is_nan() || self.provisioning.poll_seconds <= 0.0 {
            return Err("provisioning.poll_seconds must be above 0".into());
        }
        if self.idempotency.ttl_seconds == 0 {
            return Err("idempotency.ttl_seconds must be above 0".into());
        }
        if let Some(url) = &self.alarms.alertmanager_url {
            match url::Url::parse(url) {
                Ok(u) if matches!(u.scheme(), "http" | "https") => {}
                _ => {
                    return Err(format!(
                        "alarms.alertmanager_url '{url}' is not an http(s) URL"
                    ))
                }
            }
        }
        if self.audit.max_records == 0 || self.audit.max_age_hours == 0 {
            return Err("audit.max_records and audit.max_age_hours must be above 0".into());
        }
        self.api_versions.validate()?;
        for (name, value) in [
            ("ocloud.id", &self.ocloud.id),
            ("ocloud.global_cloud_id", &self.ocloud.global_cloud_id),
        ] {
            if !value.is_empty() && Uuid::parse_str(value).is_err() {
                return Err(format!("{name} '{value}' is not a UUID"));
            }
        }
        Ok(())
    }

    /// `https` when the listener serves TLS.
    pub fn scheme(&self) -> &'static str {
        if self.tls.enabled() {
            "https"
        } else {
            "http"
        }
    }

    /// The O-Cloud as `GET /o2ims-infrastructureInventory/v2` shows it.
    pub fn cloud_info(&self, listen: SocketAddr) -> OCloudInfo {
        let derived = |what: &str| {
            Uuid::new_v5(
                &Uuid::NAMESPACE_OID,
                format!("netweave/{what}/{}", self.ocloud.name).as_bytes(),
            )
            .to_string()
        };
        let or = |value: &str, fallback: String| {
            if value.is_empty() {
                fallback
            } else {
                value.to_owned()
            }
        };
        OCloudInfo {
            o_cloud_id: or(&self.ocloud.id, derived("ocloud")),
            global_cloud_id: or(&self.ocloud.global_cloud_id, derived("global")),
            name: self.ocloud.name.clone(),
            description: self.ocloud.description.clone(),
            service_uri: or(
                &self.ocloud.service_uri,
                format!("{}://{listen}", self.scheme()),
            ),
            extensions: serde_json::Map::new(),
        }
    }
}

/// Alarms and their sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlarmsConfig {
    /// Alert labels naming the resource an Alertmanager alert concerns, tried in order; a
    /// value matches a resource's `extensions.nodeName`, `extensions.hostname` or id (an
    /// `instance` of `host:port` names the host). Default `["node", "instance"]`.
    pub resource_labels: Vec<String>,
    /// Seconds between the leader's sweeps of cleared alarms older than the configured
    /// `retentionPeriod`. Default `3600`.
    pub retention_sweep_seconds: f64,
    /// Seconds between the leader's checks of the backends' alarm conditions (each backend
    /// states the conditions it vouches for); a check that finds the backend
    /// unchanged costs nothing, and a full pass runs every minute. Default `0.5`.
    pub condition_check_seconds: f64,
    /// Alertmanager's URL (`http://alertmanager:9093`): the leader reads its alerts
    /// (`GET /api/v2/alerts`) at start and every `alertmanager_pull_seconds`, raising what a
    /// lost webhook did not and clearing what has ended; through the webhooks' outbound client
    /// (its CA and client certificate). Unset: no pull. Default unset.
    pub alertmanager_url: Option<String>,
    /// Seconds between pulls from `alertmanager_url`. Default `300`.
    pub alertmanager_pull_seconds: f64,
    /// Only the alerts routed to the receivers this regular expression matches
    /// (Alertmanager's `receiver` filter, e.g. `^netweave$`); empty takes every alert. Default empty.
    pub alertmanager_receiver: String,
}

impl Default for AlarmsConfig {
    fn default() -> Self {
        AlarmsConfig {
            resource_labels: vec!["node".into(), "instance".into()],
            retention_sweep_seconds: 3600.0,
            condition_check_seconds: 0.5,
            alertmanager_url: None,
            alertmanager_pull_seconds: 300.0,
            alertmanager_receiver: String::new(),
        }
    }
}

/// Registration of the O-Cloud with the SMO: once the gateway is ready, the leader POSTs
/// `globalCloudId`, `oCloudId` and `IMS_EP` (the inventory endpoint, `ocloud.service_uri`) to
/// `url` through the webhooks' outbound client, retrying with capped backoff until a 2xx.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SmoConfig {
    /// The SMO's registration endpoint; unset: no registration. Default unset.
    pub url: Option<String>,
    /// Register at every start, even when the same registration was made before. Default off.
    pub register_on_start: bool,
    /// First retry delay in milliseconds, doubling. Default `1000`.
    pub retry_base_ms: u64,
    /// Largest retry delay in seconds. Default `300`.
    pub retry_max_seconds: f64,
}

impl Default for SmoConfig {
    fn default() -> Self {
        SmoConfig {
            url: None,
            register_on_start: false,
            retry_base_ms: 1000,
            retry_max_seconds: 300.0,
        }
    }
}
