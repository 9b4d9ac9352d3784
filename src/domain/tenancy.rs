//! Tenants as they are stored and served: status, inventory scope, quotas and role bindings
//! (the registry and the checks that read them are `security::tenants`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TenantStatus {
    #[default]
    Active,
    Suspended,
}

impl TenantStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TenantStatus::Active => "active",
            TenantStatus::Suspended => "suspended",
        }
    }
}

/// A tenant's limits; an absent limit is no limit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quotas {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_subscriptions: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_hubs: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_resource_pools: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_watch_streams: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_provisioning_requests: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests_per_second: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tenant {
    pub tenant_id: String,
    pub status: TenantStatus,
    /// Pools the tenant may see, by id.
    #[serde(default)]
    pub resource_pools: Vec<String>,
    /// And/or pools whose labels match (`key=value,key2=value2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_selector: Option<String>,
    #[serde(default)]
    pub quotas: Quotas,
    /// RFC 3339.
    pub created_at: String,
    pub updated_at: String,
}

/// Roles a subject holds within one tenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleBinding {
    pub subject: String,
    pub roles: Vec<String>,
}
