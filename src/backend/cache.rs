//! An in-memory inventory indexed by identifier: what the simulator owns and what watch-fed
//! backends keep as their cache. Reads page over ordered maps; resources are kept per pool.

use std::{
    collections::{BTreeMap, HashMap},
    sync::Arc,
};

use super::{BackendError, Kind, Object, Scope};
use crate::domain::{list::page_of, objects::*, ListQuery, Page};

#[derive(Debug, Default)]
pub struct Inventory {
    pub deployment_managers: BTreeMap<String, Arc<DeploymentManager>>,
    pub resource_types: BTreeMap<String, Arc<ResourceType>>,
    pub resource_pools: BTreeMap<String, Arc<ResourcePool>>,
    /// Resources by pool identifier, then by resource identifier.
    pub resources: HashMap<String, BTreeMap<String, Arc<Resource>>>,
    pub alarm_dictionaries: BTreeMap<String, Arc<AlarmDictionary>>,
    pub locations: BTreeMap<String, Arc<LocationInfo>>,
    pub sites: BTreeMap<String, Arc<OCloudSiteInfo>>,
}

fn not_found(kind: Kind, id: &str) -> BackendError {
    BackendError::NotFound {
        kind: kind.label(),
        id: id.to_owned(),
    }
}

impl Inventory {
    pub fn list(&self, scope: Scope<'_>, q: &ListQuery) -> Result<Page<Object>, BackendError> {
        Ok(match scope.kind {
            Kind::DeploymentManager => {
                page_of(&self.deployment_managers, q).map(Object::DeploymentManager)
            }
            Kind::ResourceType => page_of(&self.resource_types, q).map(Object::ResourceType),
            Kind::ResourcePool => page_of(&self.resource_pools, q).map(Object::ResourcePool),
            Kind::Resource => page_of(self.pool_resources(scope.parent)?, q).map(Object::Resource),
            Kind::AlarmDictionary => {
                page_of(&self.alarm_dictionaries, q).map(Object::AlarmDictionary)
            }
            Kind::Location => page_of(&self.locations, q).map(Object::Location),
            Kind::OCloudSite => page_of(&self.sites, q).map(Object::OCloudSite),
        })
    }

    pub fn get(&self, scope: Scope<'_>, id: &str) -> Result<Object, BackendError> {
        let found = match scope.kind {
            Kind::DeploymentManager => self
                .deployment_managers
                .get(id)
                .cloned()
                .map(Object::DeploymentManager),
            Kind::ResourceType => self
                .resource_types
                .get(id)
                .cloned()
                .map(Object::ResourceType),
            Kind::ResourcePool => self
                .resource_pools
                .get(id)
                .cloned()
                .map(Object::ResourcePool),
            Kind::Resource => self
                .pool_resources(scope.parent)?
                .get(id)
                .cloned()
                .map(Object::Resource),
            Kind::AlarmDictionary => self
                .alarm_dictionaries
                .get(id)
                .cloned()
                .map(Object::AlarmDictionary),
            Kind::Location => self.locations.get(id).cloned().map(Object::Location),
            Kind::OCloudSite => self.sites.get(id).cloned().map(Object::OCloudSite),
        };
        found.ok_or_else(|| not_found(scope.kind, id))
    }

    /// The resources of a pool; an unknown pool is not found.
    pub fn pool_resources(
        &self,
        pool: Option<&str>,
    ) -> Result<&BTreeMap<String, Arc<Resource>>, BackendError> {
        static EMPTY: BTreeMap<String, Arc<Resource>> = BTreeMap::new();
        let pool = pool.unwrap_or_default();
        if !self.resource_pools.contains_key(pool) {
            return Err(not_found(Kind::ResourcePool, pool));
        }
        Ok(self.resources.get(pool).unwrap_or(&EMPTY))
    }

    pub fn resource_count(&self) -> usize {
        self.resources.values().map(BTreeMap::len).sum()
    }

    /// Every object, in dependency order ([`Kind::ORDER`]): what a view of the backend holds.
    pub fn objects(&self) -> Vec<Object> {
        let mut out = Vec::new();
        for kind in Kind::ORDER {
            match kind {
                Kind::Location => {
                    out.extend(self.locations.values().cloned().map(Object::Location))
                }
                Kind::OCloudSite => {
                    out.extend(self.sites.values().cloned().map(Object::OCloudSite))
                }
                Kind::ResourceType => out.extend(
                    self.resource_types
                        .values()
                        .cloned()
                        .map(Object::ResourceType),
                ),
                Kind::AlarmDictionary => out.extend(
                    self.alarm_dictionaries
                        .values()
                        .cloned()
                        .map(Object::AlarmDictionary),
                ),
                Kind::ResourcePool => out.extend(
                    self.resource_pools
                        .values()
                        .cloned()
                        .map(Object::ResourcePool),
                ),
                Kind::Resource => {
                    for pool in self.resource_pools.keys() {
                        if let Some(resources) = self.resources.get(pool) {
                            out.extend(resources.values().cloned().map(Object::Resource));
                        }
                    }
                }
                Kind::DeploymentManager => out.extend(
                    self.deployment_managers
                        .values()
                        .cloned()
                        .map(Object::DeploymentManager),
                ),
            }
        }
        out
    }
}
