//! The OpenStack backend: Keystone v3 ([`keystone`]), Nova and Placement ([`api`]) read by a
//! poller ([`poll`]) into a cache ([`state`]) that reads are served from, never a request per
//! API call. Host aggregates are pools, hypervisors and servers resources ([`mapping`]);
//! hypervisor and server troubles are alarms ([`alarms`]). Pools may be written as host
//! aggregates when `openstack.pool_writes` is on.

mod alarms;
mod api;
pub mod cloud;
mod keystone;
mod mapping;
mod poll;
pub mod provision;
pub mod settings;
mod state;

use std::{sync::Arc, time::Duration};

use async_trait::async_trait;
use serde_json::{json, Value};

pub use settings::OpenStackConfig;
use state::State;

use self::{
    api::Api,
    cloud::Cloud,
    keystone::{CallError, Session},
    mapping::Mapping,
    poll::Health,
};
use super::{
    registry::Context, versioned::Versioned, Backend, BackendError, BackendInfo, Capabilities,
    Feed, Object, Scope,
};
use crate::domain::{objects::*, ListQuery, Page};

/// Lists carry a warning once the cloud has not answered for this long.
const STALE_AFTER: Duration = Duration::from_secs(3);

pub struct OpenStackBackend {
    state: Arc<Versioned<State>>,
    /// Set once connected (the microversions negotiated).
    api: Arc<tokio::sync::OnceCell<Arc<Api>>>,
    health: Arc<Health>,
    pool_writes: bool,
    feed: Feed,
}

fn unavailable(e: impl std::fmt::Display) -> BackendError {
    BackendError::Unavailable(e.to_string())
}

fn refused(e: CallError) -> BackendError {
    match e.status() {
        Some(404) => BackendError::NotFound {
            kind: "host aggregate",
            id: e.to_string(),
        },
        Some(409) => BackendError::Conflict(e.to_string()),
        Some(_) => BackendError::Invalid(e.to_string()),
        None => unavailable(e),
    }
}

impl OpenStackBackend {
    /// Starts connecting and polling; reads answer once the first poll is in.
    pub async fn start(
        cloud: Cloud,
        settings: OpenStackConfig,
        context: Context,
    ) -> anyhow::Result<Arc<OpenStackBackend>> {
        tracing::info!(cloud = %cloud.origin, auth_url = %cloud.auth_url, region = %cloud.region, "openstack backend starting");
        let session = Session::new(cloud, Duration::from_secs_f64(settings.timeout_seconds))?;
        let (changes, feed) = Feed::new();
        let mapping = Mapping {
            o_cloud_id: context.o_cloud_id.clone(),
            auth_url: session.cloud().auth_url.clone(),
            region: session.cloud().region.clone(),
            compute_url: String::new(),
            default_zone: settings.default_availability_zone.clone(),
            pool_aggregates: settings.pool_aggregates.clone(),
            nova_version: String::new(),
            placement_version: String::new(),
        };
        let backend = Arc::new(OpenStackBackend {
            state: Arc::new(Versioned::new(State::new(mapping))),
            api: Arc::new(tokio::sync::OnceCell::new()),
            health: Arc::new(Health::default()),
            pool_writes: settings.pool_writes,
            feed,
        });
        let every = Duration::from_secs_f64(settings.poll_seconds);
        let (state, health, cell, shutdown) = (
            Arc::clone(&backend.state),
            Arc::clone(&backend.health),
            Arc::clone(&backend.api),
            context.shutdown.clone(),
        );
        tokio::spawn(async move {
            let api = tokio::select! {
                api = connect(&session, &state, &health, every) => api,
                _ = shutdown.cancelled() => return,
            };
            let api = Arc::new(api);
            let _ = cell.set(Arc::clone(&api));
            poll::run(api, state, health, changes, every, shutdown).await;
        });
        Ok(backend)
    }

    fn check_synced(&self) -> Result<(), BackendError> {
        if self.state.read().synced {
            return Ok(());
        }
        Err(BackendError::Unavailable(match self.health.failing() {
            Some((_, why)) => format!("the OpenStack cloud has not been read yet: {why}"),
            None => "the OpenStack cloud has not been read yet".into(),
        }))
    }

    fn api(&self) -> Result<Arc<Api>, BackendError> {
        self.api
            .get()
            .cloned()
            .ok_or_else(|| unavailable("not connected to the OpenStack cloud yet"))
    }

    fn check_writes(&self, operation: &'static str) -> Result<Arc<Api>, BackendError> {
        if !self.pool_writes {
            return Err(self.unsupported(operation));
        }
        self.api()
    }

    /// The aggregate behind a pool id.
    fn aggregate_of(&self, pool_id: &str) -> Result<api::Aggregate, BackendError> {
        let state = self.state.read();
        state.aggregate(pool_id).cloned().ok_or_else(|| {
            if state.inventory.resource_pools.contains_key(pool_id) {
                BackendError::Conflict(format!(
                    "resource pool '{pool_id}' is an availability zone's hosts in no pool aggregate; only host aggregate pools can be written"
                ))
            } else {
                BackendError::NotFound {
                    kind: "resource pool",
                    id: pool_id.to_owned(),
                }
            }
        })
    }
}

/// Authenticates and negotiates the microversions, retrying until it succeeds.
async fn connect(
    session: &Arc<Session>,
    state: &Versioned<State>,
    health: &Health,
    every: Duration,
) -> Api {
    loop {
        let connected = async {
            let api = Api::connect(Arc::clone(session)).await?;
            let compute_url = session.endpoint("compute").await?;
            let region = session.region_of("compute").await?;
            Ok::<_, CallError>((api, compute_url, region))
        }
        .await;
        match connected {
            Ok((api, compute_url, region)) => {
                {
                    let mut s = state.write();
                    s.mapping.compute_url = compute_url;
                    if s.mapping.region.is_empty() {
                        s.mapping.region = region;
                    }
                    s.mapping.nova_version = format!("{}.{}", api.nova.0, api.nova.1);
                    s.mapping.placement_version =
                        format!("{}.{}", api.placement.0, api.placement.1);
                }
                tracing::info!(nova = ?api.nova, placement = ?api.placement, "connected to the OpenStack cloud");
                return api;
            }
            Err(e) => {
                let mut failing = health.failing.lock().unwrap_or_else(|e| e.into_inner());
                if failing.is_none() {
                    tracing::warn!(error = %e, "cannot connect to the OpenStack cloud; retrying");
                }
                let since = failing
                    .as_ref()
                    .map_or_else(std::time::Instant::now, |f| f.0);
                *failing = Some((since, e.to_string()));
            }
        }
        tokio::time::sleep(every.max(Duration::from_secs(1))).await;
    }
}

fn labels(pool: &ResourcePool) -> serde_json::Map<String, Value> {
    pool.extensions
        .get("labels")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

fn hosts(pool: &ResourcePool) -> Result<Option<Vec<String>>, BackendError> {
    match pool.extensions.get("hosts") {
        None => Ok(None),
        Some(v) => serde_json::from_value(v.clone()).map(Some).map_err(|_| {
            BackendError::Invalid("extensions.hosts must be a list of host names".into())
        }),
    }
}

#[async_trait]
impl Backend for OpenStackBackend {
    fn info(&self) -> BackendInfo {
        BackendInfo {
            name: "openstack".into(),
            version: self.state.read().mapping.nova_version.clone(),
            capabilities: Capabilities {
                resource_pool_write: self.pool_writes,
                resource_write: false,
            },
        }
    }

    async fn health(&self) -> Result<(), BackendError> {
        self.check_synced()
    }

    fn detail(&self) -> Option<String> {
        let (since, why) = self.health.failing()?;
        Some(format!(
            "the OpenStack cloud has not answered for {} s, serving the last view: {why}",
            since.elapsed().as_secs()
        ))
    }

    async fn list(
        &self,
        scope: Scope<'_>,
        query: &ListQuery,
    ) -> Result<Page<Object>, BackendError> {
        self.check_synced()?;
        let mut page = self.state.read().inventory.list(scope, query)?;
        if let Some((since, _)) = self
            .health
            .failing()
            .filter(|(s, _)| s.elapsed() >= STALE_AFTER)
        {
            page.warnings.push(format!(
                "the OpenStack cloud has not answered for {} s: this list is the last state netweave saw",
                since.elapsed().as_secs()
            ));
        }
        Ok(page)
    }

    async fn get(&self, scope: Scope<'_>, id: &str) -> Result<Object, BackendError> {
        self.check_synced()?;
        self.state.read().inventory.get(scope, id)
    }

    fn take_changes(&self) -> Option<crate::backend::ChangeReceiver> {
        self.feed.take()
    }

    /// Only while the cloud answers: a stale view carries warnings no reused page would.
    fn generation(&self) -> Option<u64> {
        let generation = self.state.generation();
        (self.state.read().synced && self.health.failing().is_none()).then_some(generation)
    }

    /// Stated only while the cloud answers: a stale view would clear alarms it cannot see.
    fn alarm_conditions(&self) -> Vec<crate::alarms::conditions::ConditionSet> {
        if self.generation().is_none() {
            return Vec::new();
        }
        let state = self.state.read();
        vec![crate::alarms::conditions::ConditionSet::now(
            state.alarm_source(),
            state.alarm_conditions(),
        )]
    }

    fn provisioner(&self) -> Option<&dyn super::provision::Provisioner> {
        Some(self)
    }

    async fn create_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        let api = self.check_writes("creating resource pools")?;
        if pool.name.trim().is_empty() || pool.name.len() > 255 {
            return Err(BackendError::Invalid(
                "a pool's name names its host aggregate: 1 to 255 characters".into(),
            ));
        }
        let zone = pool
            .extensions
            .get("availabilityZone")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let hosts = hosts(&pool)?.unwrap_or_default();
        let labels = labels(&pool);
        let mut aggregate = api
            .create_aggregate(&pool.name, zone.as_deref())
            .await
            .map_err(refused)?;
        let filled = async {
            if !labels.is_empty() {
                aggregate = api
                    .aggregate_action(aggregate.id, json!({"set_metadata": {"metadata": labels}}))
                    .await?;
            }
            for host in &hosts {
                aggregate = api
                    .aggregate_action(aggregate.id, json!({"add_host": {"host": host}}))
                    .await?;
            }
            Ok::<_, CallError>(())
        }
        .await;
        if let Err(e) = filled {
            // Nothing half-built is left: the aggregate goes with its hosts.
            for host in &aggregate.hosts {
                let _ = api
                    .aggregate_action(aggregate.id, json!({"remove_host": {"host": host}}))
                    .await;
            }
            let _ = api.delete_aggregate(aggregate.id).await;
            return Err(refused(e));
        }
        Ok(Arc::new(
            self.state.read().mapping.aggregate_pool(&aggregate),
        ))
    }

    async fn update_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        let api = self.check_writes("updating resource pools")?;
        let mut aggregate = self.aggregate_of(&pool.resource_pool_id)?;
        if pool.name != aggregate.name {
            aggregate = api
                .aggregate_action_put(aggregate.id, &pool.name)
                .await
                .map_err(refused)?;
        }
        let want = labels(&pool);
        let mut metadata: serde_json::Map<String, Value> = want.clone();
        for key in aggregate.metadata.keys() {
            if !want.contains_key(key)
                && key != "availability_zone"
                && aggregate.metadata[key].is_string()
            {
                // A key no longer wanted is removed by setting it to null.
                metadata.insert(key.clone(), Value::Null);
            }
        }
        let differs = metadata
            .iter()
            .any(|(k, v)| match aggregate.metadata.get(k) {
                Some(current) => current != v,
                None => !v.is_null(),
            });
        if differs {
            aggregate = api
                .aggregate_action(
                    aggregate.id,
                    json!({"set_metadata": {"metadata": metadata}}),
                )
                .await
                .map_err(refused)?;
        }
        if let Some(hosts) = hosts(&pool)? {
            for host in hosts
                .iter()
                .filter(|h| !aggregate.hosts.contains(h))
                .cloned()
                .collect::<Vec<_>>()
            {
                aggregate = api
                    .aggregate_action(aggregate.id, json!({"add_host": {"host": host}}))
                    .await
                    .map_err(refused)?;
            }
            for host in aggregate
                .hosts
                .clone()
                .iter()
                .filter(|h| !hosts.contains(h))
            {
                aggregate = api
                    .aggregate_action(aggregate.id, json!({"remove_host": {"host": host}}))
                    .await
                    .map_err(refused)?;
            }
        }
        Ok(Arc::new(
            self.state.read().mapping.aggregate_pool(&aggregate),
        ))
    }

    async fn delete_resource_pool(&self, id: &str) -> Result<(), BackendError> {
        let api = self.check_writes("deleting resource pools")?;
        let aggregate = self.aggregate_of(id)?;
        if !aggregate.hosts.is_empty() {
            return Err(BackendError::Conflict(format!(
                "host aggregate '{}' holds hosts ({}): remove them first (extensions.hosts)",
                aggregate.name,
                aggregate.hosts.join(", ")
            )));
        }
        api.delete_aggregate(aggregate.id).await.map_err(refused)
    }
}
