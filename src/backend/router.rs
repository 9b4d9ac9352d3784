//! Several backends behind one: named instances and routing rules (kinds + an O-RAN filter on
//! the objects → backends, by priority, with a list strategy); kinds no rule names merge every
//! backend. Lists merge by id with keyset
//! paging kept exact; a backend that fails leaves a warning on the page instead of failing the
//! list; an id served twice keeps the first copy (higher-priority rule, earlier backend) and
//! says so. Gets and writes go to the backend that owns the object (for resources: their pool).

use std::{collections::BTreeMap, sync::Arc};

use async_trait::async_trait;

use super::{
    deploy::{Deployer, Progress as DeployProgress, Release},
    provision::{Order, Progress, Provisioner},
    Backend, BackendError, BackendInfo, BackendRef, Capabilities, Feed, Kind, Object, Scope,
};
use crate::{
    config::{RouteRule, Strategy},
    domain::filter::filter_fields,
    domain::{objects::*, Filter, ListQuery, Page},
};

/// The REST collection name of each kind, as routing rules name them.
const COLLECTIONS: [(&str, Kind); 7] = [
    ("deploymentManagers", Kind::DeploymentManager),
    ("resourceTypes", Kind::ResourceType),
    ("resourcePools", Kind::ResourcePool),
    ("resources", Kind::Resource),
    ("alarmDictionaries", Kind::AlarmDictionary),
    ("locations", Kind::Location),
    ("oCloudSites", Kind::OCloudSite),
];

struct Rule {
    kinds: Vec<Kind>,
    filter: Filter,
    backends: Vec<(String, BackendRef)>,
    strategy: Strategy,
}

pub struct Router {
    backends: Vec<(String, BackendRef)>,
    /// Highest priority first; the last is the default (every kind, every backend, merged).
    rules: Vec<Rule>,
    feed: Feed,
}

impl Router {
    /// Checks the rules against the instances (unknown kinds, backends or filters are errors)
    /// and merges the instances' change feeds into one.
    pub fn new(backends: Vec<(String, BackendRef)>, rules: &[RouteRule]) -> anyhow::Result<Router> {
        let find = |name: &str| {
            backends
                .iter()
                .find(|(n, _)| n == name)
                .cloned()
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "route names backend '{name}', which no [[backends]] entry defines"
                    )
                })
        };
        let mut sorted: Vec<&RouteRule> = rules.iter().collect();
        sorted.sort_by_key(|r| std::cmp::Reverse(r.priority));
        let mut built = Vec::new();
        for rule in sorted {
            let mut kinds = Vec::new();
            for k in &rule.kinds {
                if k == "*" {
                    kinds.extend(COLLECTIONS.iter().map(|(_, kind)| *kind));
                } else {
                    let kind = COLLECTIONS
                        .iter()
                        .find(|(n, _)| n == k)
                        .map(|(_, kind)| *kind);
                    kinds.push(kind.ok_or_else(|| {
                        anyhow::anyhow!(
                            "route kind '{k}' is not one of {:?} or '*'",
                            COLLECTIONS.map(|c| c.0)
                        )
                    })?);
                }
            }
            let filter = Filter::parse_opt(Some(&rule.filter), filter_fields())
                .map_err(|e| anyhow::anyhow!("route filter '{}': {e}", rule.filter))?;
            let targets = rule
                .backends
                .iter()
                .map(|b| find(b))
                .collect::<anyhow::Result<_>>()?;
            built.push(Rule {
                kinds,
                filter,
                backends: targets,
                strategy: rule.strategy,
            });
        }
        // The default covers only the kinds no rule names: a routed kind is routed entirely.
        let routed: Vec<Kind> = built.iter().flat_map(|r| r.kinds.clone()).collect();
        built.push(Rule {
            kinds: COLLECTIONS
                .iter()
                .map(|(_, k)| *k)
                .filter(|k| !routed.contains(k))
                .collect(),
            filter: Filter::default(),
            backends: backends.clone(),
            strategy: Strategy::Merge,
        });
        let (tx, feed) = Feed::new();
        for (name, backend) in &backends {
            let Some(mut changes) = backend.take_changes() else {
                anyhow::bail!("backend '{name}' has no change feed left");
            };
            let (tx, name) = (tx.clone(), name.clone());
            tokio::spawn(async move {
                while let Some(mut item) = changes.recv().await {
                    item.set_instance(&name);
                    tx.send(item).await;
                }
            });
        }
        Ok(Router {
            backends,
            rules: built,
            feed,
        })
    }

    fn rules(&self, kind: Kind) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(move |r| r.kinds.contains(&kind))
    }

    /// The backend holding a resource pool (resources live with their pool).
    async fn pool_owner(&self, pool: &str) -> Result<&BackendRef, BackendError> {
        let scope = Scope {
            kind: Kind::ResourcePool,
            parent: None,
        };
        self.owner(scope, pool).await.map(|(b, _)| b)
    }

    /// The first backend (by rule priority, then order) that has the object and whose rule
    /// admits it.
    async fn owner(
        &self,
        scope: Scope<'_>,
        id: &str,
    ) -> Result<(&BackendRef, Object), BackendError> {
        let mut failure = None;
        for rule in self.rules(scope.kind) {
            for (_, backend) in &rule.backends {
                match backend.get(scope, id).await {
                    Ok(o) if rule.filter.matches(&o) => return Ok((backend, o)),
                    Ok(_) | Err(BackendError::NotFound { .. }) => {}
                    Err(e) => failure = Some(e),
                }
            }
        }
        Err(failure.unwrap_or_else(|| BackendError::NotFound {
            kind: scope.kind.label(),
            id: id.to_owned(),
        }))
    }

    /// One rule's page (before merging with the other rules').
    async fn rule_page(
        &self,
        rule: &Rule,
        scope: Scope<'_>,
        query: &ListQuery,
        warnings: &mut Vec<String>,
    ) -> Result<Vec<(Page<Object>, String)>, BackendError> {
        let mut pages = Vec::new();
        let mut first_error = None;
        for (name, backend) in &rule.backends {
            let answer = match (scope.kind, scope.parent) {
                // A pool's resources: only from the backend that owns the pool.
                (Kind::Resource, Some(pool)) => match backend
                    .get(
                        Scope {
                            kind: Kind::ResourcePool,
                            parent: None,
                        },
                        pool,
                    )
                    .await
                {
                    Ok(_) => backend.list(scope, query).await,
                    Err(BackendError::NotFound { .. }) => continue,
                    Err(e) => Err(e),
                },
                _ => backend.list(scope, query).await,
            };
            match answer {
                Ok(page) => {
                    let found = !page.items.is_empty();
                    pages.push((page, name.clone()));
                    if rule.strategy == Strategy::Fallback
                        || (rule.strategy == Strategy::First && found)
                    {
                        break;
                    }
                }
                Err(e) => {
                    warnings.push(format!(
                        "backend '{name}' failed; its {}s are missing: {e}",
                        scope.kind.label()
                    ));
                    first_error.get_or_insert(e);
                }
            }
        }
        match (pages.is_empty(), first_error) {
            (true, Some(e)) => Err(e),
            _ => Ok(pages),
        }
    }
}

impl Router {
    /// The first backend offering `builder`.
    fn builder(&self, builder: &str) -> Result<&dyn Provisioner, BackendError> {
        self.backends
            .iter()
            .filter_map(|(_, b)| b.provisioner())
            .find(|p| p.builders().iter().any(|b| b == builder))
            .ok_or_else(|| BackendError::Invalid(format!("no backend offers builder '{builder}'")))
    }
}

/// Orders go to the first backend offering their builder.
#[async_trait]
impl Provisioner for Router {
    fn builders(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .backends
            .iter()
            .filter_map(|(_, b)| b.provisioner())
            .flat_map(|p| p.builders())
            .collect();
        all.sort();
        all.dedup();
        all
    }

    async fn check(&self, order: &Order) -> Result<(), BackendError> {
        self.builder(&order.builder)?.check(order).await
    }

    async fn apply(&self, order: &Order) -> Result<Progress, BackendError> {
        self.builder(&order.builder)?.apply(order).await
    }

    async fn remove(&self, order: &Order) -> Result<bool, BackendError> {
        self.builder(&order.builder)?.remove(order).await
    }
}

impl Router {
    /// The DMS plugin of the backend serving `deployment_manager`.
    fn deployer_of(&self, deployment_manager: &str) -> Result<&dyn Deployer, BackendError> {
        self.backends
            .iter()
            .filter_map(|(_, b)| b.deployer())
            .find(|d| d.serves(deployment_manager))
            .ok_or_else(|| {
                BackendError::Invalid(format!(
                    "no backend deploys to deployment manager '{deployment_manager}'"
                ))
            })
    }
}

/// Releases go to the backend whose deployment manager they name.
#[async_trait]
impl Deployer for Router {
    fn serves(&self, deployment_manager: &str) -> bool {
        self.deployer_of(deployment_manager).is_ok()
    }

    async fn apply(&self, release: &Release) -> Result<DeployProgress, BackendError> {
        self.deployer_of(&release.deployment_manager)?
            .apply(release)
            .await
    }

    async fn remove(&self, release: &Release) -> Result<DeployProgress, BackendError> {
        self.deployer_of(&release.deployment_manager)?
            .remove(release)
            .await
    }

    async fn replace(&self, release: &Release, resource_id: &str) -> Result<(), BackendError> {
        self.deployer_of(&release.deployment_manager)?
            .replace(release, resource_id)
            .await
    }
}

#[async_trait]
impl Backend for Router {
    fn deployer(&self) -> Option<&dyn Deployer> {
        Some(self)
    }

    fn provisioner(&self) -> Option<&dyn Provisioner> {
        Some(self)
    }

    fn info(&self) -> BackendInfo {
        let mut capabilities = Capabilities::default();
        for (_, b) in &self.backends {
            let c = b.info().capabilities;
            capabilities.resource_pool_write |= c.resource_pool_write;
            capabilities.resource_write |= c.resource_write;
        }
        BackendInfo {
            name: format!(
                "router({})",
                self.backends
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            version: env!("CARGO_PKG_VERSION").into(),
            capabilities,
        }
    }

    /// Ready when any backend is: the others show up as list warnings.
    async fn health(&self) -> Result<(), BackendError> {
        let mut last = None;
        for (name, b) in &self.backends {
            match b.health().await {
                Ok(()) => return Ok(()),
                Err(e) => last = Some(BackendError::Unavailable(format!("{name}: {e}"))),
            }
        }
        last.map_or(Ok(()), Err)
    }

    fn detail(&self) -> Option<String> {
        let all: Vec<String> = self
            .backends
            .iter()
            .filter_map(|(name, b)| Some(format!("{name}: {}", b.detail()?)))
            .collect();
        (!all.is_empty()).then(|| all.join("; "))
    }

    async fn list(
        &self,
        scope: Scope<'_>,
        query: &ListQuery,
    ) -> Result<Page<Object>, BackendError> {
        let mut warnings = Vec::new();
        let mut merged: BTreeMap<String, (Object, String)> = BTreeMap::new();
        let mut more = false;
        let mut answered = false;
        let mut failure = None;
        for rule in self.rules(scope.kind) {
            let pages = match self.rule_page(rule, scope, query, &mut warnings).await {
                Ok(p) => p,
                Err(e) => {
                    failure = Some(e);
                    continue;
                }
            };
            answered = true;
            for (page, name) in pages {
                more |= page.next_after.is_some();
                warnings.extend(page.warnings);
                for object in page.items {
                    if !rule.filter.matches(&object) {
                        continue;
                    }
                    let id = object.id().to_owned();
                    match merged.get(&id) {
                        Some((_, first)) if first != &name => warnings.push(format!(
                            "{} '{id}' is served by backends '{first}' and '{name}'; the copy of '{name}' is hidden",
                            scope.kind.label()
                        )),
                        Some(_) => {}
                        None => {
                            merged.insert(id, (object, name.clone()));
                        }
                    }
                }
            }
        }
        if !answered {
            return Err(failure.unwrap_or_else(|| {
                BackendError::Unavailable("no backend serves this kind".into())
            }));
        }
        let limit = query.limit.unwrap_or(usize::MAX);
        let truncated = merged.len() > limit;
        let items: Vec<(String, Object)> = merged
            .into_iter()
            .take(limit)
            .map(|(id, (o, _))| (id, o))
            .collect();
        let next_after = (truncated || more)
            .then(|| items.last().map(|(id, _)| id.clone()))
            .flatten();
        warnings.dedup();
        Ok(Page {
            items: items.into_iter().map(|(_, o)| o).collect(),
            next_after,
            total: None,
            warnings,
        })
    }

    async fn get(&self, scope: Scope<'_>, id: &str) -> Result<Object, BackendError> {
        if let (Kind::Resource, Some(pool)) = (scope.kind, scope.parent) {
            return self.pool_owner(pool).await?.get(scope, id).await;
        }
        self.owner(scope, id).await.map(|(_, o)| o)
    }

    fn take_changes(&self) -> Option<super::ChangeReceiver> {
        self.feed.take()
    }

    /// The sum of the backends' (each only grows): it changes when any of theirs does.
    fn generation(&self) -> Option<u64> {
        self.backends
            .iter()
            .map(|(_, b)| b.generation())
            .try_fold(0u64, |sum, g| Some(sum.wrapping_add(g?)))
    }

    fn alarm_conditions(&self) -> Vec<crate::alarms::conditions::ConditionSet> {
        self.backends
            .iter()
            .flat_map(|(name, b)| b.alarm_conditions().into_iter().map(|s| s.within(name)))
            .collect()
    }

    /// Created where the highest-priority rule admitting the new pool points.
    async fn create_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        let object = Object::ResourcePool(Arc::new(pool.clone()));
        for rule in self.rules(Kind::ResourcePool) {
            if !rule.filter.matches(&object) {
                continue;
            }
            if let Some((_, b)) = rule
                .backends
                .iter()
                .find(|(_, b)| b.info().capabilities.resource_pool_write)
            {
                return b.create_resource_pool(pool).await;
            }
        }
        Err(self.unsupported("creating resource pools"))
    }

    async fn update_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        self.pool_owner(&pool.resource_pool_id)
            .await?
            .update_resource_pool(pool.clone())
            .await
    }

    async fn delete_resource_pool(&self, id: &str) -> Result<(), BackendError> {
        self.pool_owner(id).await?.delete_resource_pool(id).await
    }

    async fn create_resource(&self, resource: Resource) -> Result<Arc<Resource>, BackendError> {
        self.pool_owner(&resource.resource_pool_id)
            .await?
            .create_resource(resource.clone())
            .await
    }

    async fn delete_resource(&self, pool_id: &str, id: &str) -> Result<(), BackendError> {
        self.pool_owner(pool_id)
            .await?
            .delete_resource(pool_id, id)
            .await
    }
}
