//! The Kubernetes builder `kubernetes.nodePool` (offered with `kubernetes.pool_writes`): a
//! machine pool — a Cluster API `MachineDeployment`, or an OpenShift `MachineSet`, whichever
//! the cluster serves — of N machines of an instance type, labelled with the request id
//! (`o2ims.oran.org/provisioning-request`): applying the order again finds it by name and
//! label, and scales it. Its machines are read from the API (not the cache): a node is
//! PROVISIONED once its Machine has a node that is Ready; a Machine reporting a failure
//! (`status.failureMessage`, or phase `Failed`) fails the order with that reason.

use async_trait::async_trait;
use kube::{
    api::{DeleteParams, DynamicObject, ListParams, Patch, PatchParams, PostParams},
    Api,
};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{api_error, node_machine_kinds, unavailable, KubeBackend};
use crate::{
    backend::{
        provision::{Item, ItemPhase, Order, Progress, Provisioner},
        Backend as _, BackendError,
    },
    domain::scope::TENANT_LABEL,
};

pub const NODE_POOL: &str = "kubernetes.nodePool";
/// The label naming the request a machine pool was built for.
pub const REQUEST_LABEL: &str = "o2ims.oran.org/provisioning-request";

pub const NODE_CLUSTER: &str = "kubernetes.nodeCluster";

/// The builders of a cluster with pool writes.
pub fn builders(pool_writes: bool) -> Vec<String> {
    match pool_writes {
        true => vec![NODE_POOL.to_owned(), NODE_CLUSTER.to_owned()],
        false => Vec::new(),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ClusterParameters {
    cluster_name: String,
    cluster_class: String,
    kubernetes_version: String,
    #[serde(default)]
    control_plane_count: u64,
    #[serde(default)]
    worker_class: String,
    #[serde(default)]
    worker_count: u64,
    #[serde(default)]
    labels: Map<String, Value>,
}

fn cluster_parameters(order: &Order) -> Result<ClusterParameters, BackendError> {
    serde_json::from_value(order.parameters.clone()).map_err(|e| {
        BackendError::Invalid(format!("templateParameters do not fit {NODE_CLUSTER}: {e}"))
    })
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PoolParameters {
    pool_name: String,
    #[serde(default)]
    node_count: u64,
    #[serde(default)]
    instance_type: String,
    #[serde(default)]
    labels: Map<String, Value>,
}

fn parameters(order: &Order) -> Result<PoolParameters, BackendError> {
    let p: PoolParameters = serde_json::from_value(order.parameters.clone()).map_err(|e| {
        BackendError::Invalid(format!("templateParameters do not fit {NODE_POOL}: {e}"))
    })?;
    let dns_label = !p.pool_name.is_empty()
        && p.pool_name.len() <= 63
        && p.pool_name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !dns_label {
        return Err(BackendError::Invalid(format!(
            "poolName '{}' must be a DNS label (lowercase letters, digits, '-')",
            p.pool_name
        )));
    }
    Ok(p)
}

fn label_of<'a>(object: &'a Value, key: &str) -> Option<&'a str> {
    object["metadata"]["labels"][key].as_str()
}

impl KubeBackend {
    fn pools_api(&self) -> Result<(Api<DynamicObject>, &'static str), BackendError> {
        if !self.pool_writes {
            return Err(self.unsupported("provisioning node pools"));
        }
        let Some((resource, kind)) = self.machines.first().cloned() else {
            return Err(self
                .unsupported("provisioning node pools (no MachineSet or MachineDeployment API)"));
        };
        let api = Api::namespaced_with(self.client.clone(), &self.machine_namespace, &resource);
        Ok((api, kind))
    }

    /// The machine pool of the order, if it exists; an existing pool of that name that is not
    /// the order's is a refusal.
    async fn order_pool(
        &self,
        api: &Api<DynamicObject>,
        order: &Order,
        p: &PoolParameters,
    ) -> Result<Option<Value>, BackendError> {
        let Some(found) = api.get_opt(&p.pool_name).await.map_err(api_error)? else {
            return Ok(None);
        };
        let found = serde_json::to_value(found).map_err(unavailable)?;
        if label_of(&found, REQUEST_LABEL) != Some(order.request_id.as_str()) {
            return Err(BackendError::Conflict(format!(
                "a machine pool named '{}' exists and was not built by this request",
                p.pool_name
            )));
        }
        Ok(Some(found))
    }

    /// The pool's Machines, by name.
    async fn machines_of(&self, kind: &str, pool: &str) -> Result<Vec<Value>, BackendError> {
        let Some((resource, label)) = node_machine_kinds().into_iter().find(|(r, _)| match kind {
            "MachineSet" => r.group == "machine.openshift.io",
            _ => r.group == "cluster.x-k8s.io",
        }) else {
            return Ok(Vec::new());
        };
        let api: Api<DynamicObject> =
            Api::namespaced_with(self.client.clone(), &self.machine_namespace, &resource);
        let selector = format!("{label}={pool}");
        let listed = api
            .list(&ListParams::default().labels(&selector))
            .await
            .map_err(api_error)?;
        let mut machines: Vec<Value> = listed
            .items
            .into_iter()
            .filter_map(|m| serde_json::to_value(m).ok())
            .filter(|m| label_of(m, label) == Some(pool))
            .collect();
        machines.sort_by(|a, b| {
            a["metadata"]["name"]
                .as_str()
                .cmp(&b["metadata"]["name"].as_str())
        });
        Ok(machines)
    }

    fn progress(&self, p: &PoolParameters, machines: &[Value]) -> Progress {
        let state = self.read();
        let mut failure = None;
        let resources: Vec<Item> = machines
            .iter()
            .map(|m| {
                let name = m["metadata"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                let status = &m["status"];
                let failed = status["failureMessage"]
                    .as_str()
                    .or_else(|| status["failureReason"].as_str())
                    .or_else(|| (status["phase"] == "Failed").then_some("the Machine failed"));
                let node = status["nodeRef"]["name"]
                    .as_str()
                    .and_then(|n| state.node_readiness(n));
                let (id, phase) = match (failed, node) {
                    (Some(why), node) => {
                        failure.get_or_insert_with(|| format!("Machine '{name}' failed: {why}"));
                        (node.map(|n| n.0).unwrap_or_default(), ItemPhase::Failed)
                    }
                    (None, Some((id, true))) => (id, ItemPhase::Provisioned),
                    (None, Some((id, false))) => (id, ItemPhase::Processing),
                    (None, None) => (String::new(), ItemPhase::Processing),
                };
                Item {
                    resource_name: name,
                    resource_id: id,
                    resource_provisioning_phase: phase,
                }
            })
            .collect();
        let ready = resources
            .iter()
            .filter(|r| r.resource_provisioning_phase == ItemPhase::Provisioned)
            .count();
        let complete = ready as u64 == p.node_count && resources.len() == ready;
        let message = match &failure {
            Some(why) => why.clone(),
            None => format!(
                "node pool '{}': {ready} of {} nodes Ready",
                p.pool_name, p.node_count
            ),
        };
        Progress {
            group: Item {
                resource_name: p.pool_name.clone(),
                resource_id: state.mapping.pool_id(&p.pool_name),
                resource_provisioning_phase: match complete {
                    true => ItemPhase::Provisioned,
                    false => ItemPhase::Processing,
                },
            },
            resources,
            failure,
            message,
        }
    }
}

impl KubeBackend {
    fn clusters_api(&self) -> Result<Api<DynamicObject>, BackendError> {
        if !self.pool_writes {
            return Err(self.unsupported("provisioning node clusters"));
        }
        if !self.clusters {
            return Err(self.unsupported("provisioning node clusters (no Cluster API Cluster API)"));
        }
        Ok(Api::namespaced_with(
            self.client.clone(),
            &self.machine_namespace,
            &super::cluster_kind(),
        ))
    }

    /// The order's Cluster, if it exists; a Cluster of that name that is not the order's is a
    /// refusal.
    async fn order_cluster(
        &self,
        api: &Api<DynamicObject>,
        order: &Order,
        name: &str,
    ) -> Result<Option<Value>, BackendError> {
        let Some(found) = api.get_opt(name).await.map_err(api_error)? else {
            return Ok(None);
        };
        let found = serde_json::to_value(found).map_err(unavailable)?;
        if label_of(&found, REQUEST_LABEL) != Some(order.request_id.as_str()) {
            return Err(BackendError::Conflict(format!(
                "a Cluster named '{name}' exists and was not built by this request"
            )));
        }
        Ok(Some(found))
    }

    async fn apply_cluster(&self, order: &Order) -> Result<Progress, BackendError> {
        let p = cluster_parameters(order)?;
        let api = self.clusters_api()?;
        let labels = owned_labels(&p.labels, order);
        let topology = json!({
            "class": p.cluster_class, "version": p.kubernetes_version,
            "controlPlane": {"replicas": p.control_plane_count},
            "workers": {"machineDeployments": [{"class": p.worker_class, "name": "md-0",
                "replicas": p.worker_count}]},
        });
        let found = match self.order_cluster(&api, order, &p.cluster_name).await? {
            None => {
                let object: DynamicObject = serde_json::from_value(json!({
                    "apiVersion": "cluster.x-k8s.io/v1beta1", "kind": "Cluster",
                    "metadata": {"name": p.cluster_name, "namespace": self.machine_namespace, "labels": labels},
                    "spec": {"topology": topology},
                }))
                .map_err(|e| BackendError::Invalid(e.to_string()))?;
                let made = api
                    .create(&PostParams::default(), &object)
                    .await
                    .map_err(api_error)?;
                serde_json::to_value(made).map_err(unavailable)?
            }
            Some(found) if found["spec"]["topology"] != topology => {
                let patch = json!({"spec": {"topology": topology}});
                let patched = api
                    .patch(
                        &p.cluster_name,
                        &PatchParams::default(),
                        &Patch::Merge(&patch),
                    )
                    .await
                    .map_err(api_error)?;
                serde_json::to_value(patched).map_err(unavailable)?
            }
            Some(found) => found,
        };
        let cluster = super::mapping::WorkloadCluster::from_json(&found);
        let state = self.read();
        let id = state
            .mapping
            .workload_cluster_id(&self.machine_namespace, &p.cluster_name);
        // Fulfilled once the inventory serves it as a deployment manager.
        let served = state.inventory.deployment_managers.contains_key(&id);
        let failure = cluster
            .as_ref()
            .and_then(|c| {
                c.failure
                    .clone()
                    .or_else(|| (c.phase == "Failed").then(|| "the Cluster failed".into()))
            })
            .map(|why| format!("Cluster '{}' failed: {why}", p.cluster_name));
        let phase = cluster.as_ref().map_or("Pending", |c| c.phase.as_str());
        Ok(Progress {
            group: Item {
                resource_name: p.cluster_name.clone(),
                resource_id: id,
                resource_provisioning_phase: match (&failure, served) {
                    (Some(_), _) => ItemPhase::Failed,
                    (None, true) => ItemPhase::Provisioned,
                    (None, false) => ItemPhase::Processing,
                },
            },
            resources: Vec::new(),
            message: failure.clone().unwrap_or_else(|| match served {
                true => format!(
                    "cluster '{}' is ready and served as a deployment manager",
                    p.cluster_name
                ),
                false => format!("cluster '{}' is {phase}", p.cluster_name),
            }),
            failure,
        })
    }

    async fn remove_cluster(&self, order: &Order) -> Result<bool, BackendError> {
        let p = cluster_parameters(order)?;
        let api = self.clusters_api()?;
        match self.order_cluster(&api, order, &p.cluster_name).await {
            Ok(None) | Err(BackendError::Conflict(_)) => Ok(true),
            Ok(Some(_)) => {
                api.delete(&p.cluster_name, &DeleteParams::default())
                    .await
                    .map_err(api_error)?;
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}

/// The string-valued `labels`, and the labels naming the order's request and tenant.
fn owned_labels(labels: &Map<String, Value>, order: &Order) -> Map<String, Value> {
    let mut all: Map<String, Value> = labels
        .iter()
        .filter(|(_, v)| v.is_string())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    all.insert(
        REQUEST_LABEL.into(),
        Value::String(order.request_id.clone()),
    );
    if let Some(tenant) = &order.tenant {
        all.insert(TENANT_LABEL.into(), Value::String(tenant.clone()));
    }
    all
}

#[async_trait]
impl Provisioner for KubeBackend {
    fn builders(&self) -> Vec<String> {
        builders(self.pool_writes)
    }

    async fn check(&self, order: &Order) -> Result<(), BackendError> {
        match order.builder.as_str() {
            NODE_CLUSTER => cluster_parameters(order).map(drop),
            _ => parameters(order).map(drop),
        }
    }

    async fn apply(&self, order: &Order) -> Result<Progress, BackendError> {
        if order.builder == NODE_CLUSTER {
            return self.apply_cluster(order).await;
        }
        let p = parameters(order)?;
        let (api, kind) = self.pools_api()?;
        let labels = owned_labels(&p.labels, order);
        match self.order_pool(&api, order, &p).await? {
            None => {
                let mut spec = json!({"replicas": p.node_count});
                if !p.instance_type.is_empty() {
                    spec["template"] = json!({"spec": {"providerSpec": {"value": {"instanceType": p.instance_type}}}});
                }
                let object: DynamicObject = serde_json::from_value(json!({
                    "apiVersion": api_version(kind), "kind": kind,
                    "metadata": {"name": p.pool_name, "namespace": self.machine_namespace, "labels": labels},
                    "spec": spec,
                }))
                .map_err(|e| BackendError::Invalid(e.to_string()))?;
                api.create(&PostParams::default(), &object)
                    .await
                    .map_err(api_error)?;
            }
            Some(found) if found["spec"]["replicas"].as_u64() != Some(p.node_count) => {
                let patch = json!({"spec": {"replicas": p.node_count}});
                api.patch(&p.pool_name, &PatchParams::default(), &Patch::Merge(&patch))
                    .await
                    .map_err(api_error)?;
            }
            Some(_) => {}
        }
        let machines = self.machines_of(kind, &p.pool_name).await?;
        Ok(self.progress(&p, &machines))
    }

    async fn remove(&self, order: &Order) -> Result<bool, BackendError> {
        if order.builder == NODE_CLUSTER {
            return self.remove_cluster(order).await;
        }
        let p = parameters(order)?;
        let (api, _) = self.pools_api()?;
        match self.order_pool(&api, order, &p).await {
            Ok(None) => Ok(true),
            Ok(Some(_)) => {
                api.delete(&p.pool_name, &DeleteParams::default())
                    .await
                    .map_err(api_error)?;
                Ok(false)
            }
            // Another's pool of that name: nothing of this order's is left.
            Err(BackendError::Conflict(_)) => Ok(true),
            Err(e) => Err(e),
        }
    }
}

fn api_version(kind: &str) -> &'static str {
    match kind {
        "MachineSet" => "machine.openshift.io/v1beta1",
        _ => "cluster.x-k8s.io/v1beta1",
    }
}
