//! A VNF package as Tacker's local onboarding keeps it (`/vnfpkgm/v1`, SOL005 `VnfPkgInfo`
//! shapes): created empty (CREATED, DISABLED, NOT_IN_USE), onboarded by uploading its CSAR
//! (ONBOARDED and ENABLED once the CSAR reads), enabled or disabled by the consumer, used by
//! VNF instances, and deleted only when disabled or never onboarded, and not in use.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::csar::Csar;
use crate::store::dms::{Record, Table};

/// The package API's root.
pub const ROOT: &str = "/vnfpkgm/v1";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Onboarding {
    Created,
    Uploading,
    Processing,
    Onboarded,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Operational {
    Enabled,
    Disabled,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Usage {
    InUse,
    NotInUse,
}

impl Onboarding {
    pub fn name(self) -> &'static str {
        match self {
            Onboarding::Created => "CREATED",
            Onboarding::Uploading => "UPLOADING",
            Onboarding::Processing => "PROCESSING",
            Onboarding::Onboarded => "ONBOARDED",
        }
    }
}

impl Operational {
    pub fn name(self) -> &'static str {
        match self {
            Operational::Enabled => "ENABLED",
            Operational::Disabled => "DISABLED",
        }
    }

    pub fn parse(text: &str) -> Option<Operational> {
        match text {
            "ENABLED" => Some(Operational::Enabled),
            "DISABLED" => Some(Operational::Disabled),
            _ => None,
        }
    }
}

impl Usage {
    pub fn name(self) -> &'static str {
        match self {
            Usage::InUse => "IN_USE",
            Usage::NotInUse => "NOT_IN_USE",
        }
    }
}

/// A package as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VnfPackage {
    pub id: String,
    pub onboarding_state: Onboarding,
    pub operational_state: Operational,
    pub usage_state: Usage,
    /// Key-value pairs the consumer attaches.
    pub user_defined_data: Map<String, Value>,
    /// The tenant that owns it (none: created without a tenant).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    /// What its content says, once onboarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csar: Option<Csar>,
    /// The content's bytes.
    #[serde(default)]
    pub size: u64,
    pub revision: u64,
}

impl Record for VnfPackage {
    const TABLE: Table = Table::Packages;

    fn id(&self) -> &str {
        &self.id
    }

    fn revision(&self) -> u64 {
        self.revision
    }
}

impl VnfPackage {
    pub fn new(id: String, user_defined_data: Map<String, Value>, tenant: Option<String>) -> Self {
        VnfPackage {
            id,
            onboarding_state: Onboarding::Created,
            operational_state: Operational::Disabled,
            usage_state: Usage::NotInUse,
            user_defined_data,
            tenant,
            csar: None,
            size: 0,
            revision: 1,
        }
    }

    /// Where its content is kept (its id and the content's digest).
    pub fn content_key(&self) -> Option<String> {
        self.csar.as_ref().map(|c| content_key(&self.id, &c.sha256))
    }

    /// Usable by a new VNF instance: onboarded and enabled.
    pub fn usable(&self) -> bool {
        self.onboarding_state == Onboarding::Onboarded
            && self.operational_state == Operational::Enabled
    }

    /// Why it may not be deleted now, if it may not.
    pub fn undeletable(&self) -> Option<String> {
        (self.operational_state == Operational::Enabled || self.usage_state == Usage::InUse)
            .then(|| {
                format!(
                    "VNF package {} cannot be deleted: its operationalState is {} and its usageState {} (disable it, and terminate what uses it, first)",
                    self.id,
                    self.operational_state.name(),
                    self.usage_state.name()
                )
            })
    }

    fn path(&self) -> String {
        format!("{ROOT}/vnf_packages/{}", self.id)
    }

    /// `VnfPkgInfo` as Tacker serves it.
    pub fn info(&self) -> Value {
        let path = self.path();
        let mut out = json!({
            "id": self.id,
            "onboardingState": self.onboarding_state.name(),
            "operationalState": self.operational_state.name(),
            "usageState": self.usage_state.name(),
            "userDefinedData": self.user_defined_data,
            "_links": {
                "self": {"href": path},
                "vnfd": {"href": format!("{path}/vnfd")},
                "packageContent": {"href": format!("{path}/package_content")},
            },
        });
        if let Some(csar) = &self.csar {
            let v = &csar.vnfd;
            let extra = json!({
                "vnfdId": v.vnfd_id,
                "vnfProvider": v.provider,
                "vnfProductName": v.product_name,
                "vnfSoftwareVersion": v.software_version,
                "vnfdVersion": v.descriptor_version,
                "checksum": {"algorithm": "SHA-256", "hash": csar.sha256},
                "softwareImages": [],
                "additionalArtifacts": csar.artifacts.iter().map(|a| json!({
                    "artifactPath": a.path,
                    "checksum": {"algorithm": a.algorithm, "hash": a.hash},
                    "metadata": {},
                })).collect::<Vec<_>>(),
            });
            if let (Value::Object(out), Value::Object(extra)) = (&mut out, extra) {
                out.extend(extra);
            }
        }
        out
    }
}

pub fn content_key(id: &str, sha256: &str) -> String {
    format!("{id}/{sha256}")
}
