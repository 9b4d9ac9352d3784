//! The simulator backend: a deterministic O-Cloud generated from a seed and sizes, held in
//! memory and (when given a file, as the gateway does) kept on disk, fully writable through the
//! netweave write extensions. The embedded default for demos, tests and benchmarks.

mod alarms;
mod catalog;
mod churn;
mod deploy;
mod generate;
mod persist;
pub mod provision;
pub mod settings;

use std::{
    path::Path,
    sync::{Arc, Mutex},
};

use async_trait::async_trait;
use uuid::Uuid;

pub use generate::SimSpec;
pub use settings::{SimConfig, SIMULATOR_FILE};

use super::{
    cache::Inventory,
    versioned::{Versioned, WriteGuard},
    Backend, BackendError, BackendInfo, Capabilities, ChangeSender, Feed, InventoryChange, Kind,
    Object, Scope,
};
use crate::domain::{objects::*, ListQuery, Page};

pub struct Simulator {
    writable: bool,
    /// Where the keys of its alarms start (`sim/<oCloudId>/`).
    alarm_source: String,
    inventory: Versioned<Inventory>,
    changes: Arc<ChangeSender>,
    feed: Feed,
    store: Option<persist::SimStore>,
    /// Writes made but not yet saved, in order (staged with the changes).
    unsaved: Mutex<Vec<persist::Write>>,
    /// Held while saving, so that saves keep the order of the writes; when the last durable
    /// save was.
    saving: tokio::sync::Mutex<std::time::Instant>,
    /// The releases its DMS plugin deployed (`deploy`).
    releases: deploy::Releases,
}

/// Churn is saved durably at least this often: a crash forgets at most this much of it.
const CHURN_CHECKPOINT: std::time::Duration = std::time::Duration::from_millis(250);

/// What the generated inventory depends on: a change regenerates it.
fn settings(spec: &SimSpec) -> String {
    let mut settings = format!(
        "seed={} pools={} resources={} o-cloud={}",
        spec.seed, spec.pools, spec.resources, spec.o_cloud_id
    );
    if !spec.tenants.is_empty() {
        settings += &format!(" tenants={}", spec.tenants.join(","));
    }
    settings
}

impl Simulator {
    /// A simulator held in memory only: it starts from the generated inventory every time.
    pub fn new(spec: &SimSpec) -> Simulator {
        Self::build(spec, generate::generate(spec), None)
    }

    /// A simulator kept in `path`: it continues from the inventory saved there (writes and
    /// churn included), or from the generated one the first time.
    pub fn open(spec: &SimSpec, path: &Path) -> anyhow::Result<Simulator> {
        let settings = settings(spec);
        let (store, saved) = persist::SimStore::open(path, &settings)?;
        let inventory = match saved {
            Some(inventory) => {
                tracing::info!(path = %path.display(), pools = inventory.resource_pools.len(), resources = inventory.resource_count(), "simulated o-cloud loaded");
                inventory
            }
            None => {
                let inventory = generate::generate(spec);
                store.save_all(&inventory, &settings)?;
                inventory
            }
        };
        Ok(Self::build(spec, inventory, Some(store)))
    }

    fn build(spec: &SimSpec, inventory: Inventory, store: Option<persist::SimStore>) -> Simulator {
        tracing::info!(
            seed = spec.seed,
            pools = inventory.resource_pools.len(),
            resources = inventory.resource_count(),
            "simulated o-cloud ready"
        );
        let (changes, feed) = Feed::new();
        // The complete view comes first: the publisher diffs it with what it last published.
        changes.send_first_view(inventory.objects());
        Simulator {
            writable: !spec.read_only,
            alarm_source: format!("sim/{}/", spec.o_cloud_id),
            inventory: Versioned::new(inventory),
            changes,
            feed,
            store,
            unsaved: Mutex::new(Vec::new()),
            saving: tokio::sync::Mutex::new(std::time::Instant::now()),
            releases: deploy::Releases::default(),
        }
    }

    /// Saves what churn changed since the last durable save, durably (at shutdown).
    async fn checkpoint(&self) {
        if let Some(store) = &self.store {
            let mut last_durable = self.saving.lock().await;
            let writes =
                std::mem::take(&mut *self.unsaved.lock().unwrap_or_else(|e| e.into_inner()));
            *last_durable = std::time::Instant::now();
            if let Err(e) = store.save(writes, true).await {
                tracing::error!(error = %format!("{e:#}"), "saving the simulated inventory at shutdown failed");
            }
        }
    }

    /// Saves the writes made so far (durably when a client waits for them), then moves their
    /// changes to the feed; with `durable`, returns once their events are durable too. A write
    /// answered 2xx is on disk and its event in the log.
    async fn settle(&self, durable: bool) -> Result<(), BackendError> {
        let saved = match &self.store {
            None => Ok(()),
            Some(store) => {
                let mut last_durable = self.saving.lock().await;
                let writes =
                    std::mem::take(&mut *self.unsaved.lock().unwrap_or_else(|e| e.into_inner()));
                let sync = durable || last_durable.elapsed() >= CHURN_CHECKPOINT;
                if sync {
                    *last_durable = std::time::Instant::now();
                }
                store.save(writes, sync).await
            }
        };
        if durable {
            self.changes.flush_durable().await;
        } else {
            self.changes.flush().await;
        }
        saved.map_err(|e| {
            tracing::error!(error = %format!("{e:#}"), "saving the simulated inventory failed");
            BackendError::Unavailable(format!("saving the simulated inventory failed: {e:#}"))
        })
    }

    fn check_writable(&self, operation: &'static str) -> Result<(), BackendError> {
        if self.writable {
            return Ok(());
        }
        Err(self.unsupported(operation))
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Inventory> {
        self.inventory.read()
    }

    fn write(&self) -> WriteGuard<'_, Inventory> {
        self.inventory.write()
    }

    fn publish(&self, kind: Kind, id: &str, prior: Option<Object>, post: Option<Object>) {
        if self.store.is_some() {
            let mut unsaved = self.unsaved.lock().unwrap_or_else(|e| e.into_inner());
            // A resource that moved pool leaves its old key.
            if let (Some(prior), Some(post)) = (&prior, &post) {
                if persist::key(prior) != persist::key(post) {
                    unsaved.push(persist::write_of(prior, true));
                }
            }
            match (&prior, &post) {
                (_, Some(post)) => unsaved.push(persist::write_of(post, false)),
                (Some(prior), None) => unsaved.push(persist::write_of(prior, true)),
                (None, None) => {}
            }
        }
        // Staged under the write lock; each write flushes before it returns.
        self.changes.stage(InventoryChange {
            instance: String::new(),
            kind,
            id: id.to_owned(),
            prior,
            post,
            durable: None,
        });
    }

    /// Records `pool_id` in (or, with `add == false`, out of) its site's pool list.
    fn link_site(&self, inv: &mut Inventory, site_id: &str, pool_id: &str, add: bool) {
        let Some(site) = inv.sites.get_mut(site_id) else {
            return;
        };
        let prior = Arc::clone(site);
        let pools = &mut Arc::make_mut(site).resource_pools;
        pools.retain(|p| p != pool_id);
        if add {
            pools.push(pool_id.to_owned());
        }
        let post = Arc::clone(site);
        self.publish(
            Kind::OCloudSite,
            site_id,
            Some(Object::OCloudSite(prior)),
            Some(Object::OCloudSite(post)),
        );
    }
}

fn new_id(given: &str, what: &str) -> Result<String, BackendError> {
    if given.is_empty() {
        return Ok(Uuid::new_v4().to_string());
    }
    Uuid::parse_str(given)
        .map(|u| u.to_string())
        .map_err(|_| BackendError::Invalid(format!("{what} '{given}' is not a UUID")))
}

fn require(value: &str, field: &str) -> Result<(), BackendError> {
    if value.trim().is_empty() {
        return Err(BackendError::Invalid(format!("'{field}' is required")));
    }
    Ok(())
}

fn check_pool(inv: &Inventory, pool: &ResourcePool) -> Result<(), BackendError> {
    require(&pool.name, "name")?;
    require(&pool.o_cloud_site_id, "oCloudSiteId")?;
    if !inv.sites.contains_key(&pool.o_cloud_site_id) {
        return Err(BackendError::Invalid(format!(
            "oCloudSiteId '{}' names no O-Cloud site",
            pool.o_cloud_site_id
        )));
    }
    Ok(())
}

#[async_trait]
impl Backend for Simulator {
    fn info(&self) -> BackendInfo {
        BackendInfo {
            name: "simulator".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            capabilities: Capabilities {
                resource_pool_write: self.writable,
                resource_write: self.writable,
            },
        }
    }

    async fn health(&self) -> Result<(), BackendError> {
        Ok(())
    }

    async fn list(
        &self,
        scope: Scope<'_>,
        query: &ListQuery,
    ) -> Result<Page<Object>, BackendError> {
        self.read().list(scope, query)
    }

    async fn get(&self, scope: Scope<'_>, id: &str) -> Result<Object, BackendError> {
        self.read().get(scope, id)
    }

    fn generation(&self) -> Option<u64> {
        Some(self.inventory.generation())
    }

    fn take_changes(&self) -> Option<crate::backend::ChangeReceiver> {
        self.feed.take()
    }

    fn provisioner(&self) -> Option<&dyn super::provision::Provisioner> {
        Some(self)
    }

    fn deployer(&self) -> Option<&dyn super::deploy::Deployer> {
        Some(self)
    }

    fn alarm_conditions(&self) -> Vec<crate::alarms::conditions::ConditionSet> {
        vec![crate::alarms::conditions::ConditionSet::now(
            self.alarm_source.clone(),
            alarms::conditions(&self.read(), &self.alarm_source),
        )]
    }

    async fn create_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        let result = self.create_resource_pool_now(pool);
        // The answer waits until the write is on disk and its event durable: an accepted
        // write is never lost.
        self.settle(true).await?;
        result
    }

    async fn update_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        let result = self.update_resource_pool_now(pool);
        // The answer waits until the write is on disk and its event durable: an accepted
        // write is never lost.
        self.settle(true).await?;
        result
    }

    async fn delete_resource_pool(&self, id: &str) -> Result<(), BackendError> {
        let result = self.delete_resource_pool_now(id);
        // The answer waits until the write is on disk and its event durable: an accepted
        // write is never lost.
        self.settle(true).await?;
        result
    }

    async fn create_resource(&self, resource: Resource) -> Result<Arc<Resource>, BackendError> {
        let result = self.create_resource_now(resource);
        // The answer waits until the write is on disk and its event durable: an accepted
        // write is never lost.
        self.settle(true).await?;
        result
    }

    async fn delete_resource(&self, pool_id: &str, id: &str) -> Result<(), BackendError> {
        let result = self.delete_resource_now(pool_id, id);
        // The answer waits until the write is on disk and its event durable: an accepted
        // write is never lost.
        self.settle(true).await?;
        result
    }
}

/// The writes, under the write lock; their changes are staged, flushed by the caller.
impl Simulator {
    fn create_resource_pool_now(
        &self,
        mut pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        self.check_writable("creating resource pools")?;
        pool.resource_pool_id = new_id(&pool.resource_pool_id, "resourcePoolId")?;
        let mut inv = self.write();
        check_pool(&inv, &pool)?;
        if inv.resource_pools.contains_key(&pool.resource_pool_id) {
            return Err(BackendError::Conflict(format!(
                "resource pool '{}' already exists",
                pool.resource_pool_id
            )));
        }
        let pool = Arc::new(pool);
        inv.resource_pools
            .insert(pool.resource_pool_id.clone(), Arc::clone(&pool));
        self.publish(
            Kind::ResourcePool,
            &pool.resource_pool_id,
            None,
            Some(Object::ResourcePool(Arc::clone(&pool))),
        );
        self.link_site(
            &mut inv,
            &pool.o_cloud_site_id,
            &pool.resource_pool_id,
            true,
        );
        Ok(pool)
    }

    fn update_resource_pool_now(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        self.check_writable("updating resource pools")?;
        let mut inv = self.write();
        check_pool(&inv, &pool)?;
        let id = pool.resource_pool_id.clone();
        let Some(prior) = inv.resource_pools.get(&id).cloned() else {
            return Err(BackendError::NotFound {
                kind: Kind::ResourcePool.label(),
                id,
            });
        };
        let pool = Arc::new(pool);
        if *prior == *pool {
            return Ok(prior);
        }
        inv.resource_pools.insert(id.clone(), Arc::clone(&pool));
        self.publish(
            Kind::ResourcePool,
            &id,
            Some(Object::ResourcePool(Arc::clone(&prior))),
            Some(Object::ResourcePool(Arc::clone(&pool))),
        );
        if prior.o_cloud_site_id != pool.o_cloud_site_id {
            self.link_site(&mut inv, &prior.o_cloud_site_id, &id, false);
            self.link_site(&mut inv, &pool.o_cloud_site_id, &id, true);
        }
        Ok(pool)
    }

    fn delete_resource_pool_now(&self, id: &str) -> Result<(), BackendError> {
        self.check_writable("deleting resource pools")?;
        let mut inv = self.write();
        let Some(prior) = inv.resource_pools.get(id).cloned() else {
            return Err(BackendError::NotFound {
                kind: Kind::ResourcePool.label(),
                id: id.into(),
            });
        };
        let held = inv.resources.get(id).map_or(0, |r| r.len());
        if held > 0 {
            return Err(BackendError::Conflict(format!(
                "resource pool '{id}' still holds {held} resources; delete them first"
            )));
        }
        inv.resource_pools.remove(id);
        inv.resources.remove(id);
        self.publish(
            Kind::ResourcePool,
            id,
            Some(Object::ResourcePool(Arc::clone(&prior))),
            None,
        );
        self.link_site(&mut inv, &prior.o_cloud_site_id, id, false);
        Ok(())
    }

    fn create_resource_now(&self, mut resource: Resource) -> Result<Arc<Resource>, BackendError> {
        self.check_writable("creating resources")?;
        resource.resource_id = new_id(&resource.resource_id, "resourceId")?;
        require(&resource.resource_type_id, "resourceTypeId")?;
        let mut inv = self.write();
        inv.pool_resources(Some(&resource.resource_pool_id))?;
        if !inv.resource_types.contains_key(&resource.resource_type_id) {
            return Err(BackendError::Invalid(format!(
                "resourceTypeId '{}' names no resource type",
                resource.resource_type_id
            )));
        }
        let pool = inv
            .resources
            .entry(resource.resource_pool_id.clone())
            .or_default();
        if pool.contains_key(&resource.resource_id) {
            return Err(BackendError::Conflict(format!(
                "resource '{}' already exists",
                resource.resource_id
            )));
        }
        let resource = Arc::new(resource);
        pool.insert(resource.resource_id.clone(), Arc::clone(&resource));
        self.publish(
            Kind::Resource,
            &resource.resource_id,
            None,
            Some(Object::Resource(Arc::clone(&resource))),
        );
        Ok(resource)
    }

    fn delete_resource_now(&self, pool_id: &str, id: &str) -> Result<(), BackendError> {
        self.check_writable("deleting resources")?;
        let mut inv = self.write();
        inv.pool_resources(Some(pool_id))?;
        let removed = inv.resources.get_mut(pool_id).and_then(|r| r.remove(id));
        let Some(prior) = removed else {
            return Err(BackendError::NotFound {
                kind: Kind::Resource.label(),
                id: id.into(),
            });
        };
        self.publish(Kind::Resource, id, Some(Object::Resource(prior)), None);
        Ok(())
    }
}
