//! The Kubernetes backend (kube-rs). Reads are served from the watch cache ([`state`]) that
//! kube-runtime watchers keep current (list, then watch; bookmarks; re-list after 410 Gone),
//! never by a request per API call. Every change the watchers deliver becomes O2-IMS changes
//! with the true prior and post objects from the cache. Pools may be written as OpenShift
//! MachineSets or Cluster API MachineDeployments where the cluster has them.

mod alarms;
pub mod deploy;
mod mapping;
pub mod provision;
pub mod settings;
mod state;
mod watch;

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use async_trait::async_trait;
use kube::{
    api::{DeleteParams, DynamicObject, ListParams, Patch, PatchParams, PostParams},
    core::{ApiResource, GroupVersionKind},
    Api, Client,
};
use serde_json::{json, Value};
use tokio_util::sync::CancellationToken;

pub use mapping::{quantity, MachinePool, Mapping};
pub use settings::KubernetesConfig;
use state::State;

use super::{
    versioned::Versioned, Backend, BackendError, BackendInfo, Capabilities, Feed, Object, Scope,
};
use crate::domain::{objects::*, ListQuery, Page};

/// The machine-pool kinds netweave uses when the cluster serves them, in order of preference.
fn machine_kinds() -> [(ApiResource, &'static str); 2] {
    [
        (
            ApiResource::from_gvk_with_plural(
                &GroupVersionKind::gvk("machine.openshift.io", "v1beta1", "MachineSet"),
                "machinesets",
            ),
            "MachineSet",
        ),
        (
            ApiResource::from_gvk_with_plural(
                &GroupVersionKind::gvk("cluster.x-k8s.io", "v1beta1", "MachineDeployment"),
                "machinedeployments",
            ),
            "MachineDeployment",
        ),
    ]
}

/// The Machine kinds linking nodes to their pools, with the label naming the pool on a Machine.
fn node_machine_kinds() -> [(ApiResource, &'static str); 2] {
    [
        (
            ApiResource::from_gvk_with_plural(
                &GroupVersionKind::gvk("machine.openshift.io", "v1beta1", "Machine"),
                "machines",
            ),
            "machine.openshift.io/cluster-api-machineset",
        ),
        (
            ApiResource::from_gvk_with_plural(
                &GroupVersionKind::gvk("cluster.x-k8s.io", "v1beta1", "Machine"),
                "machines",
            ),
            "cluster.x-k8s.io/deployment-name",
        ),
    ]
}

/// Cluster API workload clusters (`Cluster`), when this cluster manages some.
fn cluster_kind() -> ApiResource {
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("cluster.x-k8s.io", "v1beta1", "Cluster"),
        "clusters",
    )
}

/// Whether the cluster serves `resource` (a 404 says it does not).
async fn served(client: &Client, resource: &ApiResource) -> bool {
    let api: Api<DynamicObject> = Api::all_with(client.clone(), resource);
    match api.list(&ListParams::default().limit(1)).await {
        Ok(_) => true,
        Err(kube::Error::Api(s)) if s.code == 404 => false,
        Err(e) => {
            tracing::warn!(kind = %resource.kind, group = %resource.group, error = %e, "cannot list; not used");
            false
        }
    }
}

pub struct KubeBackend {
    client: Client,
    state: Arc<Versioned<State>>,
    synced: Arc<AtomicBool>,
    /// Since when the API server has not answered (the cache may be stale), if it has not.
    unreachable_since: Arc<Mutex<Option<Instant>>>,
    /// The machine-pool kinds this cluster serves.
    machines: Vec<(ApiResource, &'static str)>,
    machine_namespace: String,
    /// Whether pool writes are offered (`kubernetes.pool_writes`).
    pool_writes: bool,
    /// Whether the cluster serves Cluster API `Cluster`s (workload clusters can be built).
    clusters: bool,
    feed: Feed,
    /// The DMS plugin deploying VNF releases on the cluster (`kubernetes.dms_plugin`).
    deployer: Option<deploy::KubeDeployer>,
}

fn unavailable(e: impl std::fmt::Display) -> BackendError {
    BackendError::Unavailable(e.to_string())
}

fn api_error(e: kube::Error) -> BackendError {
    match &e {
        kube::Error::Api(status) if status.code == 409 => {
            BackendError::Conflict(status.message.clone())
        }
        kube::Error::Api(status) if status.code == 404 => BackendError::NotFound {
            kind: "machine pool",
            id: status.message.clone(),
        },
        kube::Error::Api(status) if (400..500).contains(&status.code) => {
            BackendError::Invalid(format!("the Kubernetes API refused: {}", status.message))
        }
        _ => unavailable(e),
    }
}

/// A client from `kubeconfig` (and `context`) when given, else from the usual places:
/// `KUBECONFIG`, `~/.kube/config`, then the in-cluster service account.
pub async fn client(settings: &KubernetesConfig) -> anyhow::Result<(Client, String)> {
    let (client, url, _) = connect(settings).await?;
    Ok((client, url))
}

/// A client, the API server's URL, and the CA it is verified with (PEM; none when the
/// kubeconfig trusts the system roots).
async fn connect(settings: &KubernetesConfig) -> anyhow::Result<(Client, String, Option<String>)> {
    let config = if settings.kubeconfig.is_empty() {
        kube::Config::infer().await?
    } else {
        let file = kube::config::Kubeconfig::read_from(&settings.kubeconfig)?;
        let options = kube::config::KubeConfigOptions {
            context: (!settings.context.is_empty()).then(|| settings.context.clone()),
            ..Default::default()
        };
        kube::Config::from_custom_kubeconfig(file, &options).await?
    };
    let url = config.cluster_url.to_string();
    let ca = config.root_cert.as_deref().map(mapping::pem_certificates);
    Ok((Client::try_from(config)?, url, ca))
}

impl KubeBackend {
    /// Connects, finds which machine-pool kinds the cluster serves, and starts the watchers.
    /// Reads answer once every watcher has listed (see [`Backend::health`]).
    pub async fn start(
        settings: &KubernetesConfig,
        o_cloud_id: &str,
        shutdown: &CancellationToken,
    ) -> anyhow::Result<Arc<KubeBackend>> {
        let (client, server_url, ca_pem) = connect(settings).await?;
        let version = client.apiserver_version().await?.git_version;
        let mut machines = Vec::new();
        for (resource, kind) in machine_kinds() {
            if served(&client, &resource).await {
                machines.push((resource, kind));
            }
        }
        let mut node_machines = Vec::new();
        for (resource, label) in node_machine_kinds() {
            if served(&client, &resource).await {
                node_machines.push((resource, label));
            }
        }
        let clusters = match served(&client, &cluster_kind()).await {
            true => Some(cluster_kind()),
            false => None,
        };
        let clusters_served = clusters.is_some();
        let mapping = Mapping {
            o_cloud_id: o_cloud_id.to_owned(),
            server_url,
            ca_pem,
            settings: settings.clone(),
        };
        tracing::info!(server = %mapping.server_url, %version, machine_pools = ?machines.iter().map(|m| m.1).collect::<Vec<_>>(), "kubernetes backend connected");
        let (changes, feed) = Feed::new();
        let deployer = deploy::Plugin::parse(&settings.dms_plugin)
            .map_err(anyhow::Error::msg)?
            .map(|plugin| {
                deploy::KubeDeployer::new(
                    client.clone(),
                    settings,
                    plugin,
                    mapping.deployment_manager_id(),
                )
            });
        let backend = Arc::new(KubeBackend {
            client: client.clone(),
            state: Arc::new(Versioned::new(State::new(mapping, version))),
            synced: Arc::new(AtomicBool::new(false)),
            unreachable_since: Arc::default(),
            machines: machines.clone(),
            machine_namespace: settings.machine_namespace.clone(),
            pool_writes: settings.pool_writes,
            clusters: clusters_served,
            feed,
            deployer,
        });
        watch::start(
            client,
            Arc::clone(&backend.state),
            Arc::clone(&backend.synced),
            watch::Watched {
                machines,
                node_machines,
                clusters,
            },
            changes,
            shutdown,
        );
        tokio::spawn(probe(
            backend.client.clone(),
            Arc::clone(&backend.unreachable_since),
            shutdown.clone(),
        ));
        Ok(backend)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read()
    }

    fn check_synced(&self) -> Result<(), BackendError> {
        if self.synced.load(Ordering::Acquire) {
            Ok(())
        } else {
            Err(BackendError::Unavailable(
                "the watch cache has not finished its initial list".into(),
            ))
        }
    }

    /// The machine pool behind a pool id, with its API; label pools are not writable.
    fn machine_of(&self, pool_id: &str) -> Result<(MachinePool, Api<DynamicObject>), BackendError> {
        let state = self.read();
        let Some(pool) = state.machine(pool_id).cloned() else {
            return Err(if state.inventory.resource_pools.contains_key(pool_id) {
                BackendError::Conflict(format!(
                    "resource pool '{pool_id}' comes from node labels; only MachineSet or MachineDeployment pools can be written"
                ))
            } else {
                BackendError::NotFound {
                    kind: "resource pool",
                    id: pool_id.to_owned(),
                }
            });
        };
        let resource = self
            .machines
            .iter()
            .find(|(_, kind)| *kind == pool.kind)
            .map(|(r, _)| r.clone())
            .ok_or_else(|| self.unsupported("writing machine pools"))?;
        let api = Api::namespaced_with(self.client.clone(), &pool.namespace, &resource);
        Ok((pool, api))
    }
}

/// How often the API server is asked for its version, to know whether the cache is current.
const PROBE_EVERY: Duration = Duration::from_secs(1);
/// Unanswered for this long, lists say that they come from a possibly stale cache.
const STALE_AFTER: Duration = Duration::from_secs(3);

/// Records whether the API server answers. The watchers cannot tell: an idle healthy watch
/// and a dead one both stay silent.
async fn probe(
    client: Client,
    unreachable_since: Arc<Mutex<Option<Instant>>>,
    shutdown: CancellationToken,
) {
    loop {
        let answered = tokio::time::timeout(PROBE_EVERY, client.apiserver_version())
            .await
            .is_ok_and(|r| r.is_ok());
        {
            let mut since = unreachable_since.lock().unwrap_or_else(|e| e.into_inner());
            match (answered, *since) {
                (true, Some(_)) => {
                    tracing::info!("the Kubernetes API answers again");
                    *since = None;
                }
                (false, None) => {
                    tracing::warn!("the Kubernetes API does not answer; serving the watch cache");
                    *since = Some(Instant::now());
                }
                _ => {}
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(PROBE_EVERY) => {}
            _ = shutdown.cancelled() => return,
        }
    }
}

fn replicas(pool: &ResourcePool) -> Result<u64, BackendError> {
    match pool.extensions.get("replicas") {
        None => Ok(0),
        Some(v) => v.as_u64().ok_or_else(|| {
            BackendError::Invalid("extensions.replicas must be a non-negative integer".into())
        }),
    }
}

#[async_trait]
impl Backend for KubeBackend {
    fn info(&self) -> BackendInfo {
        let writable = self.pool_writes && !self.machines.is_empty();
        BackendInfo {
            name: "kubernetes".into(),
            version: self.read().version.clone(),
            capabilities: Capabilities {
                resource_pool_write: writable,
                resource_write: false,
            },
        }
    }

    async fn health(&self) -> Result<(), BackendError> {
        self.check_synced()
    }

    async fn list(
        &self,
        scope: Scope<'_>,
        query: &ListQuery,
    ) -> Result<Page<Object>, BackendError> {
        self.check_synced()?;
        let mut page = self.read().inventory.list(scope, query)?;
        let since = *self
            .unreachable_since
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(since) = since.filter(|s| s.elapsed() >= STALE_AFTER) {
            page.warnings.push(format!(
                "the Kubernetes API has not answered for {} s: this list is the last state netweave saw",
                since.elapsed().as_secs()
            ));
        }
        Ok(page)
    }

    async fn get(&self, scope: Scope<'_>, id: &str) -> Result<Object, BackendError> {
        self.check_synced()?;
        self.read().inventory.get(scope, id)
    }

    fn take_changes(&self) -> Option<crate::backend::ChangeReceiver> {
        self.feed.take()
    }

    /// Only while synchronised and in contact with the API server: an unsynchronised cache
    /// answers errors and a stale one warnings, which no reused page would carry.
    fn generation(&self) -> Option<u64> {
        let generation = self.state.generation();
        let unreachable = self
            .unreachable_since
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some();
        (self.synced.load(Ordering::Acquire) && !unreachable).then_some(generation)
    }

    /// Stated only while synchronised and in contact with the API server: a stale cache
    /// would clear alarms whose conditions it no longer sees change.
    fn provisioner(&self) -> Option<&dyn super::provision::Provisioner> {
        Some(self)
    }

    fn deployer(&self) -> Option<&dyn super::deploy::Deployer> {
        self.deployer
            .as_ref()
            .map(|d| d as &dyn super::deploy::Deployer)
    }

    fn alarm_conditions(&self) -> Vec<crate::alarms::conditions::ConditionSet> {
        if self.generation().is_none() {
            return Vec::new();
        }
        let state = self.read();
        vec![crate::alarms::conditions::ConditionSet::now(
            state.mapping.alarm_source(),
            state.alarm_conditions(),
        )]
    }

    async fn create_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        let Some((resource, kind)) = self.machines.first().cloned() else {
            return Err(self
                .unsupported("creating resource pools (no MachineSet or MachineDeployment API)"));
        };
        let name = pool.name.clone();
        if name.is_empty()
            || name.len() > 63
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(BackendError::Invalid(format!(
                "pool name '{name}' must be a DNS label (lowercase letters, digits, '-'): it names the {kind}"
            )));
        }
        let replicas = replicas(&pool)?;
        let mut spec = json!({"replicas": replicas});
        if let Some(t) = pool.extensions.get("instanceType").and_then(|v| v.as_str()) {
            spec["template"] = json!({"spec": {"providerSpec": {"value": {"instanceType": t}}}});
        }
        // String-valued labels go on the MachineSet (a tenant's owner label among them).
        let labels: serde_json::Map<String, Value> = pool
            .extensions
            .get("labels")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(_, v)| v.is_string())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let object: DynamicObject = serde_json::from_value(json!({
            "apiVersion": resource.api_version, "kind": kind,
            "metadata": {"name": name, "namespace": self.machine_namespace, "labels": labels},
            "spec": spec,
        }))
        .map_err(|e| BackendError::Invalid(e.to_string()))?;
        let api: Api<DynamicObject> =
            Api::namespaced_with(self.client.clone(), &self.machine_namespace, &resource);
        let created = api
            .create(&PostParams::default(), &object)
            .await
            .map_err(api_error)?;
        let value = serde_json::to_value(&created).map_err(unavailable)?;
        let machine = MachinePool::from_json(kind, &value);
        Ok(Arc::new(self.read().mapping.pool(&name, machine.as_ref())))
    }

    async fn update_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        let (machine, api) = self.machine_of(&pool.resource_pool_id)?;
        if pool.name != machine.name {
            return Err(BackendError::Invalid(format!(
                "a pool's name is its {}'s name ('{}') and cannot change",
                machine.kind, machine.name
            )));
        }
        let patch = json!({"spec": {"replicas": replicas(&pool)?}});
        let updated = api
            .patch(
                &machine.name,
                &PatchParams::default(),
                &Patch::Merge(&patch),
            )
            .await
            .map_err(api_error)?;
        let value = serde_json::to_value(&updated).map_err(unavailable)?;
        let machine = MachinePool::from_json(&machine.kind, &value);
        Ok(Arc::new(
            self.read().mapping.pool(&pool.name, machine.as_ref()),
        ))
    }

    async fn delete_resource_pool(&self, id: &str) -> Result<(), BackendError> {
        let (machine, api) = self.machine_of(id)?;
        api.delete(&machine.name, &DeleteParams::default())
            .await
            .map_err(api_error)?;
        Ok(())
    }
}
