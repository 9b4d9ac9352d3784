//! What each tenant's subscriptions may be notified about: one [`Visibility`] per tenant,
//! following the dispatched events in order, rebuilt when the tenant's scope changes.

use std::{collections::HashMap, sync::Arc};

use async_trait::async_trait;

use crate::{
    domain::scope::InventoryScope,
    error::ApiResult,
    events::{Event, Visibility},
    security::tenants::Tenants,
};

/// Where a tenant's view starts: the ids of the pools its scope sees now (the inventory
/// service answers it from the backend).
#[async_trait]
pub trait PoolsInView: Send + Sync {
    async fn pools_in_view(&self, scope: &Arc<InventoryScope>) -> ApiResult<Vec<String>>;
}

pub struct TenantViews {
    tenants: Tenants,
    /// The pools in view when a tracker starts; without it (a `netweave worker`, which has no
    /// backend) a tracker starts from the tenant's allowlist and learns labelled pools from
    /// the pool events it dispatches.
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
