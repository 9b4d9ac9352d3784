//! OpenStack as a backend kind: its `[openstack]` section, its flags, and how it starts. Which
//! cloud to reach and how to authenticate come from where the `openstack` CLI reads them
//! ([`super::cloud`]): `clouds.yaml` or the `OS_*` variables.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::OpenStackBackend;
use crate::{
    backend::{
        registry::{self, Context},
        BackendRef,
    },
    config::Section,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OpenStackConfig {
    /// The cloud of `clouds.yaml` to use; empty uses `OS_CLOUD`, else the `OS_*` variables. Default empty.
    pub cloud: String,
    /// The `clouds.yaml` to read; empty looks in `./clouds.yaml`, `~/.config/openstack/clouds.yaml`, then `/etc/openstack/clouds.yaml`. Default empty.
    pub clouds_file: String,
    /// Region whose endpoints are used; empty uses the cloud's `region_name` (`OS_REGION_NAME`), else the catalog's first. Default empty.
    pub region: String,
    /// Seconds between polls of the cloud. Default `10`.
    pub poll_seconds: f64,
    /// Seconds a request to the cloud may take. Default `30`.
    pub timeout_seconds: f64,
    /// Host aggregates that are resource pools, by name; empty makes every aggregate a pool. A host in several pool aggregates belongs to the first listed here (else the oldest aggregate); a host in none is in its availability zone's pool. Default empty.
    pub pool_aggregates: Vec<String>,
    /// Availability zone of hosts in no aggregate that names one (Nova's `default_availability_zone`). Default `nova`.
    pub default_availability_zone: String,
    /// Offer the pool write extensions (create host aggregates, change their metadata and hosts, delete them). Default `false`.
    pub pool_writes: bool,
}

impl Default for OpenStackConfig {
    fn default() -> Self {
        OpenStackConfig {
            cloud: String::new(),
            clouds_file: String::new(),
            region: String::new(),
            poll_seconds: 10.0,
            timeout_seconds: 30.0,
            pool_aggregates: Vec::new(),
            default_availability_zone: "nova".into(),
            pool_writes: false,
        }
    }
}

impl Section for OpenStackConfig {
    const NAME: &'static str = "openstack";
}

impl OpenStackConfig {
    pub fn validate(&self) -> Result<(), String> {
        if !(0.05..=3600.0).contains(&self.poll_seconds) {
            return Err("openstack.poll_seconds must be between 0.05 and 3600".into());
        }
        if !(0.1..=600.0).contains(&self.timeout_seconds) {
            return Err("openstack.timeout_seconds must be between 0.1 and 600".into());
        }
        if self.default_availability_zone.is_empty() {
            return Err("openstack.default_availability_zone must not be empty".into());
        }
        Ok(())
    }
}

/// The OpenStack backend's flags of `netweave serve`, named as the `openstack` CLI names them.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct OpenStackFlags {
    /// The cloud of clouds.yaml (`openstack.cloud`; `OS_CLOUD` when not given).
    #[arg(long = "os-cloud")]
    pub os_cloud: Option<String>,
    /// The clouds.yaml to read (`openstack.clouds_file`).
    #[arg(long = "os-cloud-file")]
    pub os_cloud_file: Option<String>,
    /// Seconds between polls of the cloud (`openstack.poll_seconds`).
    #[arg(long = "os-poll-seconds")]
    pub os_poll_seconds: Option<f64>,
}

impl OpenStackFlags {
    pub fn settings(&self) -> Vec<(String, Value)> {
        [
            ("openstack.cloud", self.os_cloud.clone().map(Value::from)),
            (
                "openstack.clouds_file",
                self.os_cloud_file.clone().map(Value::from),
            ),
            (
                "openstack.poll_seconds",
                self.os_poll_seconds.map(Value::from),
            ),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_owned(), value?)))
        .collect()
    }
}

/// The `openstack` kind.
pub struct OpenStackKind;

impl registry::Kind for OpenStackKind {
    const NAME: &'static str = "openstack";
    const SHARED: bool = true;
    type Settings = OpenStackConfig;

    fn check(settings: &OpenStackConfig) -> Result<(), String> {
        settings.validate()
    }

    fn builders(settings: &OpenStackConfig) -> Vec<String> {
        super::provision::builders(settings.pool_writes)
    }

    async fn start(context: Context, settings: OpenStackConfig) -> anyhow::Result<BackendRef> {
        let cloud = super::cloud::Cloud::resolve(&settings, &super::cloud::process_env)
            .map_err(anyhow::Error::msg)?;
        let backend = OpenStackBackend::start(cloud, settings, context).await?;
        Ok(backend)
    }
}
