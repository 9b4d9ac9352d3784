//! What each tenant's subscriptions may be notified about: one [`Visibility`] per tenant,
//! following the dispatched events in order, rebuilt when the tenant's scope changes.

use std::{collections::HashMap, sync::Arc};

use async_trait::async_trait;

use crate::{
    domain::scope::InventoryScope,
    error::{ApiError, ApiResult, ErrorCode},
    events::{Event, EventLogRef, Visibility},
    security::tenants::Tenants,
};

/// Where a tenant's view starts: the ids of the pools its scope sees now (a gateway's
/// inventory service answers it from the backend; a worker, which has none, from what the
/// event log last published: [`PublishedPools`]).
#[async_trait]
pub trait PoolsInView: Send + Sync {
    async fn pools_in_view(&self, scope: &Arc<InventoryScope>) -> ApiResult<Vec<String>>;
}

/// The pools in a scope as the event log last published them (the published state every log
/// keeps beside its events, the same state a gateway's inventory shows once published): what
/// a `netweave worker` starts a tenant's view from, so that pools labelled before it started
/// are in view from its first delivery. The scope's pools by id are in view either way.
pub struct PublishedPools(pub EventLogRef);

#[async_trait]
impl PoolsInView for PublishedPools {
    async fn pools_in_view(&self, scope: &Arc<InventoryScope>) -> ApiResult<Vec<String>> {
        let published = self.0.published().await.map_err(|e| {
            ApiError::new(
                ErrorCode::Unavailable,
                format!("reading the published pools: {e}"),
            )
        })?;
        let pool = crate::domain::Kind::ResourcePool.name();
        let mut pools: Vec<String> = published
            .objects
            .values()
            .filter(|r| r.object_kind == pool && scope.admits_state(&r.value()))
            .map(|r| r.object_id.clone())
            .chain(scope.pools.iter().cloned())
            .collect();
        pools.sort_unstable();
        pools.dedup();
        Ok(pools)
    }
}

pub struct TenantViews {
    tenants: Tenants,
    /// The pools in view when a tracker starts; without it a tracker starts from the tenant's
    /// allowlist and learns labelled pools only from the pool events it dispatches.
    inventory: Option<Arc<dyn PoolsInView>>,
    views: HashMap<String, Option<Visibility>>,
}

impl TenantViews {
    pub fn new(tenants: Tenants, inventory: Option<Arc<dyn PoolsInView>>) -> Self {
        TenantViews {
            tenants,
            inventory,
            views: HashMap::new(),
        }
    }

    /// Brings the trackers in line with the tenants that own subscriptions now. A tenant
    /// that no longer exists sees nothing; while no tenant exists at all (single-tenant),
    /// a tenant name sees everything.
    pub async fn prepare<'a>(&mut self, owners: impl Iterator<Item = &'a str>) -> ApiResult<()> {
        let mut wanted: Vec<&str> = owners.collect();
        wanted.sort_unstable();
        wanted.dedup();
        self.views
            .retain(|t, _| wanted.binary_search(&t.as_str()).is_ok());
        let single = self.tenants.is_empty();
        for tenant in wanted {
            let scope = match self.tenants.get(tenant) {
                Some(r) => Some(Arc::clone(&r.scope)),
                None if single => {
                    self.views.remove(tenant);
                    continue;
                }
                None => None,
            };
            let current = self
                .views
                .get(tenant)
                .map(|v| v.as_ref().map(|v| v.scope()));
            if current.is_some_and(|c| c == scope.as_ref()) {
                continue;
            }
            let view = match scope {
                None => None,
                Some(scope) => {
                    let pools = match &self.inventory {
                        Some(inventory) => inventory.pools_in_view(&scope).await?,
                        None => scope.pools.iter().cloned().collect(),
                    };
                    Some(Visibility::new(scope, pools))
                }
            };
            self.views.insert(tenant.to_owned(), view);
        }
        Ok(())
    }

    /// Takes in `event` for every tenant; what each sees of it.
    pub fn observe(&mut self, event: &Event) -> HashMap<&str, bool> {
        self.views
            .iter_mut()
            .map(|(t, v)| (t.as_str(), v.as_mut().is_some_and(|v| v.observe(event))))
            .collect()
    }
}
