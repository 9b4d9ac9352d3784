//! Tenants: the SMOs sharing one gateway. A tenant has a status, an inventory scope (pools by
//! id and/or a label selector), quotas, and role bindings (a subject's roles within it).
//!
//! The registry ([`Tenants`]) is what the gate reads on every request of a tenant's caller:
//! an in-memory copy of the store, replaced on every admin write here and reloaded from the
//! store every [`REFRESH`] so that writes on another replica take effect there too.

use std::{
    collections::{BTreeMap, HashMap},
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use serde::Deserialize;

pub use crate::domain::tenancy::{Quotas, RoleBinding, Tenant, TenantStatus};
use crate::{
    domain::scope::{parse_selector, InventoryScope},
    store::AdminStoreRef,
};

/// How often each replica reloads the tenants from the store.
pub const REFRESH: Duration = Duration::from_secs(2);

/// The roles that hold only within a tenant: they grant nothing to a caller without one.
pub const TENANT_ROLES: [&str; 4] = ["owner", "admin", "operator", "viewer"];
/// The roles that are never confined to a tenant.
pub const PLATFORM_ROLES: [&str; 3] = ["platform-admin", "tenant-admin", "auditor"];

/// What an administrator sends to create or replace a tenant.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TenantSpec {
    /// Required on create; on replace, absent or equal to the path's id.
    #[serde(default)]
    pub tenant_id: Option<String>,
    #[serde(default)]
    pub status: Option<TenantStatus>,
    #[serde(default)]
    pub resource_pools: Vec<String>,
    #[serde(default)]
    pub label_selector: Option<String>,
    #[serde(default, deserialize_with = "object")]
    pub quotas: Quotas,
    // Server-set; accepted so that a GET body can be sent back unchanged.
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// A member that must be a JSON object: serde would otherwise fill a struct from an array by
/// position.
fn object<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let map = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
    serde_json::from_value(serde_json::Value::Object(map)).map_err(serde::de::Error::custom)
}

/// A tenant id: what a certificate's common-name rule can carry (one DNS label) and a claim
/// can name.
pub fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 63
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "tenantId '{id}' is not 1-63 lower-case letters, digits and inner '-' (a DNS label)"
        ))
    }
}

impl TenantSpec {
    /// The tenant this spec describes, checked; `id` is the path's id on replace.
    pub fn into_tenant(
        self,
        id: Option<&str>,
        created_at: Option<String>,
        now: String,
    ) -> Result<Tenant, String> {
        let tenant_id = match (id, self.tenant_id) {
            (Some(path), Some(body)) if path != body => {
                return Err(format!(
                    "tenantId '{body}' in the body differs from '{path}' in the path"
                ))
            }
            (Some(path), _) => path.to_owned(),
            (None, Some(body)) => body,
            (None, None) => return Err("tenantId is required".into()),
        };
        check_id(&tenant_id)?;
        let label_selector = self.label_selector.filter(|s| !s.trim().is_empty());
        if let Some(selector) = &label_selector {
            parse_selector(selector)?;
        }
        if let Some(pool) = self.resource_pools.iter().find(|p| p.trim().is_empty()) {
            return Err(format!("resourcePools: '{pool}' is not a pool id"));
        }
        if let Some(rate) = self.quotas.requests_per_second {
            if !(rate.is_finite() && rate > 0.0) {
                return Err(format!(
                    "quotas.requestsPerSecond must be above 0, not {rate}"
                ));
            }
        }
        Ok(Tenant {
            tenant_id,
            status: self.status.unwrap_or_default(),
            resource_pools: self.resource_pools,
            label_selector,
            quotas: self.quotas,
            created_at: created_at.unwrap_or_else(|| now.clone()),
            updated_at: now,
        })
    }
}

impl RoleBinding {
    pub fn check(&self) -> Result<(), String> {
        if self.subject.trim().is_empty() {
            return Err("subject is required".into());
        }
        if self.roles.is_empty() {
            return Err("roles: name at least one of owner, admin, operator, viewer".into());
        }
        if let Some(role) = self
            .roles
            .iter()
            .find(|r| !TENANT_ROLES.contains(&r.as_str()))
        {
            return Err(format!(
                "roles: '{role}' is not a tenant role (owner, admin, operator, viewer); cross-tenant roles come from the identity provider"
            ));
        }
        Ok(())
    }
}

/// A tenant as the gate reads it.
pub struct Resident {
    pub tenant: Tenant,
    /// What of the inventory the tenant sees.
    pub scope: Arc<InventoryScope>,
    /// Subject → roles within the tenant.
    pub bindings: HashMap<String, Vec<String>>,
}

#[derive(Default)]
struct Held {
    all: BTreeMap<String, Arc<Resident>>,
    /// Moves on with every [`Tenants::set`]: a reload that read the store across one is not
    /// installed (it could put back what the write replaced).
    generation: u64,
    /// When the last reload that was installed began to read the store.
    read_at: Option<Instant>,
}

/// What the gate needs of tenancy: the tenants held here, the store they come from, and
/// whether tenancy is in force before the first tenant exists (`auth.multi_tenant`).
#[derive(Clone)]
pub struct Tenancy {
    pub tenants: Tenants,
    pub store: AdminStoreRef,
    pub multi_tenant: bool,
}

/// The tenants, in memory, kept in step with the store.
#[derive(Clone, Default)]
pub struct Tenants(Arc<RwLock<Held>>, Arc<tokio::sync::Mutex<()>>);

impl Tenants {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Held> {
        self.0.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Held> {
        self.0.write().unwrap_or_else(|e| e.into_inner())
    }

    pub fn get(&self, id: &str) -> Option<Arc<Resident>> {
        self.read().all.get(id).cloned()
    }

    pub fn is_empty(&self) -> bool {
        self.read().all.is_empty()
    }

    /// Replaces the copy of one tenant (`None`: it is gone), after a write to the store.
    pub fn set(&self, id: &str, resident: Option<Resident>) {
        let mut held = self.write();
        held.generation += 1;
        match resident {
            Some(r) => held.all.insert(id.to_owned(), Arc::new(r)),
            None => held.all.remove(id),
        };
    }

    /// Reloads everything from `store`. A store that does not answer keeps the last copy; a
    /// write here while the store was read leaves the copy to the next reload.
    pub async fn reload(&self, store: &AdminStoreRef) -> Result<(), crate::store::StoreError> {
        let started = Instant::now();
        let before = self.read().generation;
        let mut all = BTreeMap::new();
        for tenant in store.list_tenants().await? {
            let bindings = store.list_bindings(&tenant.tenant_id).await?;
            let id = tenant.tenant_id.clone();
            all.insert(id, Arc::new(resident(tenant, bindings)));
        }
        let mut held = self.write();
        if held.generation == before {
            held.all = all;
            held.read_at = Some(started);
        }
        Ok(())
    }

    /// A copy read from `store` after `asked`: what a replica that holds no tenant makes sure
    /// of before it admits a tenant-naming caller unscoped (another replica may have created
    /// the first tenant since the last reload). Concurrent callers share one read.
    pub async fn fresh_since(
        &self,
        asked: Instant,
        store: &AdminStoreRef,
    ) -> Result<(), crate::store::StoreError> {
        let _one = self.1.lock().await;
        if self.read().read_at.is_some_and(|at| at >= asked) {
            return Ok(());
        }
        self.reload(store).await
    }

    /// Reloads every [`REFRESH`] until `stop`.
    pub async fn keep_fresh(self, store: AdminStoreRef, stop: tokio_util::sync::CancellationToken) {
        loop {
            tokio::select! {
                () = stop.cancelled() => return,
                () = tokio::time::sleep(REFRESH) => {}
            }
            if let Err(e) = self.reload(&store).await {
                tracing::warn!(error = %e, "tenants not reloaded; the last copy stays in force");
            }
        }
    }
}

/// A `[[tenants]]` entry as the tenant and bindings it stands for.
pub fn from_config(
    c: &crate::config::TenantConfig,
    now: String,
) -> Result<(Tenant, Vec<RoleBinding>), String> {
    let status = match c.status.as_deref() {
        None | Some("active") => TenantStatus::Active,
        Some("suspended") => TenantStatus::Suspended,
        Some(other) => return Err(format!("status '{other}' is not active or suspended")),
    };
    let spec = TenantSpec {
        tenant_id: Some(c.id.clone()),
        status: Some(status),
        resource_pools: c.resource_pools.clone(),
        label_selector: c.label_selector.clone(),
        quotas: Quotas {
            max_subscriptions: c.max_subscriptions,
            max_hubs: c.max_hubs,
            max_resource_pools: c.max_resource_pools,
            max_watch_streams: c.max_watch_streams,
            max_provisioning_requests: c.max_provisioning_requests,
            requests_per_second: c.requests_per_second,
        },
        created_at: None,
        updated_at: None,
    };
    let tenant = spec.into_tenant(None, None, now)?;
    let bindings = c
        .bindings
        .iter()
        .map(|b| {
            let binding = RoleBinding {
                subject: b.subject.clone(),
                roles: b.roles.clone(),
            };
            binding.check().map(|()| binding)
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok((tenant, bindings))
}

pub fn resident(tenant: Tenant, bindings: Vec<RoleBinding>) -> Resident {
    let scope = Arc::new(InventoryScope {
        tenant: tenant.tenant_id.clone(),
        pools: tenant.resource_pools.iter().cloned().collect(),
        // Checked when the tenant was written.
        selector: parse_selector(tenant.label_selector.as_deref().unwrap_or_default())
            .unwrap_or_default(),
        max_resource_pools: tenant.quotas.max_resource_pools,
        max_watch_streams: tenant.quotas.max_watch_streams,
        max_provisioning_requests: tenant.quotas.max_provisioning_requests,
    });
    Resident {
        tenant,
        scope,
        bindings: bindings.into_iter().map(|b| (b.subject, b.roles)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dns_labels() {
        assert!(check_id("tenant-a").is_ok());
        assert!(check_id("a1").is_ok());
        for bad in ["", "-a", "a-", "A", "a.b", "a b", &"x".repeat(64)] {
            assert!(check_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_spec_becomes_a_checked_tenant() {
        let spec = |json: &str| serde_json::from_str::<TenantSpec>(json).unwrap();
        let now = "2026-12-01T00:00:00Z".to_owned();
        let t = spec(
            r#"{"tenantId":"a","resourcePools":["p1"],"labelSelector":"o2ims.oran.org/tenant=a"}"#,
        )
        .into_tenant(None, None, now.clone())
        .unwrap();
        assert_eq!(t.status, TenantStatus::Active);
        assert_eq!(t.created_at, now);
        assert!(spec(r#"{"tenantId":"a"}"#)
            .into_tenant(Some("b"), None, now.clone())
            .is_err());
        assert!(spec("{}").into_tenant(None, None, now.clone()).is_err());
        assert!(spec(r#"{"tenantId":"a","labelSelector":"novalue"}"#)
            .into_tenant(None, None, now.clone())
            .is_err());
        assert!(spec(r#"{"tenantId":"a","quotas":{"requestsPerSecond":0}}"#)
            .into_tenant(None, None, now.clone())
            .is_err());
        assert!(serde_json::from_str::<TenantSpec>(r#"{"tenantId":"a","quota":{}}"#).is_err());
        assert!(serde_json::from_str::<TenantSpec>(r#"{"tenantId":"a","status":"gone"}"#).is_err());
        assert!(serde_json::from_str::<TenantSpec>(r#"{"tenantId":"a","quotas":[1,2]}"#).is_err());
        assert!(
            serde_json::from_str::<TenantSpec>(r#"{"tenantId":"a","quotas":{"maxHubs":1}}"#)
                .is_ok()
        );
    }

    #[test]
    fn bindings_hold_tenant_roles_only() {
        let b = |roles: &[&str]| RoleBinding {
            subject: "alice".into(),
            roles: roles.iter().map(|r| (*r).to_owned()).collect(),
        };
        assert!(b(&["viewer", "operator"]).check().is_ok());
        assert!(b(&[]).check().is_err());
        assert!(b(&["platform-admin"]).check().is_err());
    }
}
