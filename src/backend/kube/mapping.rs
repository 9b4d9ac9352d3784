//! Kubernetes objects → O2-IMS objects, without I/O. Identifiers are stable: a node's resource
//! id is its UID; pools, types, the site, the location and the deployment manager get UUIDv5
//! ids from their names, so every replica derives the same ids.

use std::collections::BTreeMap;

use k8s_openapi::api::{core::v1::Node, storage::v1::StorageClass};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::KubernetesConfig;
use crate::{
    dms::profile::{public_data, PROFILE_NAME},
    domain::objects::*,
};

const NS: Uuid = Uuid::from_u128(0x6b75_6265_2d6e_6574_7765_6176_652d_6964);

/// What the mapping needs: the O-Cloud, the API server, and the site's settings.
#[derive(Clone, Debug)]
pub struct Mapping {
    pub o_cloud_id: String,
    pub server_url: String,
    /// The API server's CA (PEM), for the Kubernetes profile.
    pub ca_pem: Option<String>,
    pub settings: KubernetesConfig,
}

/// DER certificates as PEM text.
pub fn pem_certificates(der: &[Vec<u8>]) -> String {
    use base64::Engine as _;
    let mut out = String::new();
    for cert in der {
        let text = base64::engine::general_purpose::STANDARD.encode(cert);
        out.push_str("-----BEGIN CERTIFICATE-----\n");
        for line in text.as_bytes().chunks(64) {
            out.push_str(std::str::from_utf8(line).unwrap_or_default());
            out.push('\n');
        }
        out.push_str("-----END CERTIFICATE-----\n");
    }
    out
}

pub(super) fn id(kind: &str, name: &str) -> String {
    Uuid::new_v5(&NS, format!("{kind}/{name}").as_bytes()).to_string()
}

impl Mapping {
    pub fn pool_id(&self, pool: &str) -> String {
        id("pool", pool)
    }

    pub fn instance_type_id(&self, instance_type: &str) -> String {
        id("instance-type", instance_type)
    }

    pub fn storage_class_id(&self, class: &str) -> String {
        id("storage-class", class)
    }

    pub fn site_id(&self) -> String {
        id(
            "site",
            &format!("{}/{}", self.o_cloud_id, self.settings.site_name),
        )
    }

    pub fn location_id(&self) -> String {
        id(
            "location",
            &format!("{}/{}", self.o_cloud_id, self.settings.location_name),
        )
    }

    pub fn deployment_manager_id(&self) -> String {
        id("cluster", &self.server_url)
    }

    fn label<'a>(&self, node: &'a Node, keys: &[String]) -> Option<&'a str> {
        let labels = node.metadata.labels.as_ref()?;
        keys.iter()
            .find_map(|k| labels.get(k))
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The pool name of a node by its labels (a Machine naming the node takes precedence; see
    /// the watch cache).
    pub fn node_pool(&self, node: &Node) -> String {
        self.label(node, &self.settings.pool_labels)
            .unwrap_or(&self.settings.default_pool)
            .to_owned()
    }

    /// The instance type of a node (`unknown` without the label).
    pub fn node_type(&self, node: &Node) -> String {
        self.label(node, &self.settings.instance_type_labels)
            .unwrap_or("unknown")
            .to_owned()
    }

    /// A node as a resource. Only what changes meaningfully is kept: no heartbeat times.
    pub fn resource(&self, node: &Node, pool: &str) -> Resource {
        let status = node.status.clone().unwrap_or_default();
        let spec = node.spec.clone().unwrap_or_default();
        let name = node.metadata.name.clone().unwrap_or_default();
        let condition = |t: &str| {
            status
                .conditions
                .iter()
                .flatten()
                .find(|c| c.type_ == t)
                .map(|c| c.status.clone())
        };
        let ready = condition("Ready");
        let pressure = ["MemoryPressure", "DiskPressure", "PIDPressure"]
            .iter()
            .any(|c| condition(c).as_deref() == Some("True"));
        let cordoned = spec.unschedulable.unwrap_or(false);
        let operational = if ready.as_deref() == Some("True") {
            "ENABLED"
        } else {
            "DISABLED"
        };
        let usage = match (cordoned, pressure, operational) {
            (true, _, _) | (_, _, "DISABLED") => "IDLE",
            (false, true, _) => "BUSY",
            _ => "ACTIVE",
        };
        let quantities = |m: &Option<
            BTreeMap<String, k8s_openapi::apimachinery::pkg::api::resource::Quantity>,
        >| {
            Value::Object(
                m.iter()
                    .flatten()
                    .map(|(k, q)| (k.clone(), json!(q.0)))
                    .collect(),
            )
        };
        let info = status.node_info.clone().unwrap_or_default();
        let mut ext = Map::new();
        ext.insert("nodeName".into(), json!(name));
        ext.insert(
            "labels".into(),
            json!(node.metadata.labels.clone().unwrap_or_default()),
        );
        ext.insert("capacity".into(), quantities(&status.capacity));
        ext.insert("allocatable".into(), quantities(&status.allocatable));
        ext.insert(
            "addresses".into(),
            json!(status
                .addresses
                .iter()
                .flatten()
                .map(|a| json!({"type": a.type_, "address": a.address}))
                .collect::<Vec<_>>()),
        );
        ext.insert(
            "conditions".into(),
            json!(status
                .conditions
                .iter()
                .flatten()
                .map(|c| (c.type_.clone(), json!(c.status)))
                .collect::<Map<_, _>>()),
        );
        ext.insert("kubeletVersion".into(), json!(info.kubelet_version));
        ext.insert("osImage".into(), json!(info.os_image));
        ext.insert("architecture".into(), json!(info.architecture));
        ext.insert("unschedulable".into(), json!(cordoned));
        ext.insert(
            "adminState".into(),
            json!(if cordoned { "LOCKED" } else { "UNLOCKED" }),
        );
        ext.insert("operationalState".into(), json!(operational));
        ext.insert("usageState".into(), json!(usage));
        ext.insert(
            "powerState".into(),
            json!(if ready.as_deref() == Some("Unknown") {
                "UNKNOWN"
            } else {
                "ON"
            }),
        );
        let roles = node
            .metadata
            .labels
            .iter()
            .flatten()
            .filter_map(|(k, _)| k.strip_prefix("node-role.kubernetes.io/"))
            .map(|r| format!("role:{r}"))
            .collect();
        Resource {
            resource_id: node.metadata.uid.clone().unwrap_or_default(),
            resource_pool_id: self.pool_id(pool),
            description: name,
            resource_type_id: self.instance_type_id(&self.node_type(node)),
            global_asset_id: spec
                .provider_id
                .clone()
                .unwrap_or_else(|| info.system_uuid.clone()),
            elements: Vec::new(),
            tags: roles,
            groups: Vec::new(),
            extensions: ext,
        }
    }

    /// A pool: from its MachineSet / MachineDeployment when there is one, else from nodes'
    /// labels.
    pub fn pool(&self, name: &str, machine: Option<&MachinePool>) -> ResourcePool {
        let mut ext = Map::new();
        match machine {
            Some(m) => {
                ext.insert("source".into(), json!(m.kind));
                ext.insert("namespace".into(), json!(m.namespace));
                ext.insert("replicas".into(), json!(m.replicas));
                ext.insert("readyReplicas".into(), json!(m.ready_replicas));
                if let Some(t) = &m.instance_type {
                    ext.insert("instanceType".into(), json!(t));
                }
                ext.insert("labels".into(), Value::Object(m.labels.clone()));
            }
            None => {
                ext.insert("source".into(), json!("nodeLabel"));
            }
        }
        ResourcePool {
            resource_pool_id: self.pool_id(name),
            name: name.to_owned(),
            o_cloud_site_id: self.site_id(),
            description: format!(
                "Kubernetes node pool '{name}' of cluster '{}'",
                self.settings.cluster_name
            ),
            extensions: ext,
        }
    }

    pub fn instance_type(&self, name: &str) -> ResourceType {
        ResourceType {
            resource_type_id: self.instance_type_id(name),
            name: name.to_owned(),
            description: format!("Kubernetes nodes of instance type '{name}'"),
            vendor: String::new(),
            model: name.to_owned(),
            version: String::new(),
            alarm_dictionary_id: Some(super::alarms::dictionary_id()),
            resource_kind: ResourceKind::Physical,
            resource_class: ResourceClass::Compute,
            extensions: [("source".to_owned(), json!("instanceType"))]
                .into_iter()
                .collect(),
        }
    }

    pub fn storage_class(&self, class: &StorageClass) -> ResourceType {
        let name = class.metadata.name.clone().unwrap_or_default();
        let default = class
            .metadata
            .annotations
            .as_ref()
            .and_then(|a| a.get("storageclass.kubernetes.io/is-default-class"))
            .is_some_and(|v| v == "true");
        ResourceType {
            resource_type_id: self.storage_class_id(&name),
            name: name.clone(),
            description: format!("Kubernetes StorageClass '{name}'"),
            vendor: class.provisioner.clone(),
            model: class.provisioner.clone(),
            version: String::new(),
            alarm_dictionary_id: None,
            resource_kind: ResourceKind::Logical,
            resource_class: ResourceClass::Storage,
            extensions: [
                ("source", json!("StorageClass")),
                ("provisioner", json!(class.provisioner)),
                (
                    "parameters",
                    json!(class.parameters.clone().unwrap_or_default()),
                ),
                ("reclaimPolicy", json!(class.reclaim_policy)),
                ("volumeBindingMode", json!(class.volume_binding_mode)),
                ("allowVolumeExpansion", json!(class.allow_volume_expansion)),
                ("default", json!(default)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        }
    }

    pub fn site(&self, pools: Vec<String>) -> OCloudSiteInfo {
        OCloudSiteInfo {
            o_cloud_site_id: self.site_id(),
            global_location_id: self.location_id(),
            name: self.settings.site_name.clone(),
            description: format!("Kubernetes cluster '{}'", self.settings.cluster_name),
            resource_pools: pools,
            extensions: Map::new(),
        }
    }

    pub fn location(&self) -> LocationInfo {
        LocationInfo {
            global_location_id: self.location_id(),
            name: self.settings.location_name.clone(),
            description: format!(
                "Location of Kubernetes cluster '{}'",
                self.settings.cluster_name
            ),
            o_cloud_site_ids: vec![self.site_id()],
            coordinate: None,
            civic_address: None,
            address: (!self.settings.location_address.is_empty())
                .then(|| self.settings.location_address.clone()),
            extensions: Map::new(),
        }
    }

    pub fn deployment_manager(&self, version: &str, totals: &Totals) -> DeploymentManager {
        DeploymentManager {
            deployment_manager_id: self.deployment_manager_id(),
            name: self.settings.cluster_name.clone(),
            description: format!("Kubernetes cluster '{}'", self.settings.cluster_name),
            o_cloud_id: self.o_cloud_id.clone(),
            service_uri: self.server_url.clone(),
            supported_locations: vec![self.location_id()],
            capabilities: [("kubernetesVersion".to_owned(), json!(version))]
                .into_iter()
                .collect(),
            capacity: [
                ("nodes", json!(totals.nodes)),
                ("cpuMillicores", json!(totals.cpu_millis)),
                ("memoryBytes", json!(totals.memory_bytes)),
                ("pods", json!(totals.pods)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
            extensions: [
                ("platform", json!("kubernetes")),
                ("profileName", json!(PROFILE_NAME)),
                (
                    "profileData",
                    public_data(&self.server_url, self.ca_pem.as_deref()),
                ),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        }
    }
}

/// A Cluster API `Cluster` this cluster manages (a workload cluster), as much as its deployment
/// manager needs.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkloadCluster {
    pub name: String,
    pub namespace: String,
    /// `status.phase`: Pending, Provisioning, Provisioned, Deleting, Failed.
    pub phase: String,
    pub control_plane_ready: bool,
    /// `https://host:port` of `spec.controlPlaneEndpoint`.
    pub endpoint: Option<String>,
    pub version: String,
    pub class: String,
    pub failure: Option<String>,
    pub labels: Map<String, Value>,
}

impl WorkloadCluster {
    pub fn from_json(object: &Value) -> Option<WorkloadCluster> {
        let status = &object["status"];
        let endpoint = &object["spec"]["controlPlaneEndpoint"];
        Some(WorkloadCluster {
            name: object["metadata"]["name"].as_str()?.to_owned(),
            namespace: object["metadata"]["namespace"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            phase: status["phase"].as_str().unwrap_or("Pending").to_owned(),
            control_plane_ready: status["controlPlaneReady"].as_bool().unwrap_or(false),
            endpoint: endpoint["host"]
                .as_str()
                .filter(|h| !h.is_empty())
                .map(|h| format!("https://{h}:{}", endpoint["port"].as_u64().unwrap_or(6443))),
            version: object["spec"]["topology"]["version"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            class: object["spec"]["topology"]["class"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            failure: status["failureMessage"]
                .as_str()
                .or_else(|| status["failureReason"].as_str())
                .map(str::to_owned),
            labels: object["metadata"]["labels"]
                .as_object()
                .cloned()
                .unwrap_or_default(),
        })
    }

    /// Ready to take workloads: provisioned, its control plane ready, its endpoint known.
    pub fn ready(&self) -> bool {
        self.phase == "Provisioned" && self.control_plane_ready && self.endpoint.is_some()
    }
}

impl Mapping {
    pub fn workload_cluster_id(&self, namespace: &str, name: &str) -> String {
        id(
            "workload-cluster",
            &format!("{}/{namespace}/{name}", self.server_url),
        )
    }

    /// A ready workload cluster as a deployment manager of the Kubernetes profile (O2dms
    /// K8s profile: `profileName` `k8s`, its API endpoint in `profileData`).
    pub fn workload_deployment_manager(&self, c: &WorkloadCluster) -> DeploymentManager {
        let endpoint = c.endpoint.clone().unwrap_or_default();
        DeploymentManager {
            deployment_manager_id: self.workload_cluster_id(&c.namespace, &c.name),
            name: c.name.clone(),
            description: format!(
                "Kubernetes cluster '{}' (Cluster API, managed by '{}')",
                c.name, self.settings.cluster_name
            ),
            o_cloud_id: self.o_cloud_id.clone(),
            service_uri: endpoint.clone(),
            supported_locations: vec![self.location_id()],
            capabilities: [("kubernetesVersion".to_owned(), json!(c.version))]
                .into_iter()
                .collect(),
            capacity: Map::new(),
            extensions: [
                ("platform", json!("kubernetes")),
                ("profileName", json!(PROFILE_NAME)),
                ("profileData", {
                    let mut data = public_data(&endpoint, None);
                    data["cluster_class"] = json!(c.class);
                    data
                }),
                ("managedBy", json!(self.deployment_manager_id())),
                ("labels", Value::Object(c.labels.clone())),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        }
    }
}

/// A Machine's link from a node to its pool: the MachineSet / MachineDeployment that owns it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MachineBinding {
    pub node: String,
    pub pool: String,
    /// The Machine's conditions (and failure), for alarms on its node.
    pub conditions: Vec<super::alarms::Condition>,
}

impl MachineBinding {
    /// From a Machine: its node (`status.nodeRef.name`) and the first of `pool_labels` it
    /// carries; `None` until the machine has a node.
    pub fn from_json(object: &Value, pool_labels: &[&str]) -> Option<MachineBinding> {
        let node = object["status"]["nodeRef"]["name"].as_str()?;
        let labels = &object["metadata"]["labels"];
        let pool = pool_labels.iter().find_map(|l| labels[*l].as_str())?;
        Some(MachineBinding {
            node: node.to_owned(),
            pool: pool.to_owned(),
            conditions: super::alarms::Condition::of_machine(object),
        })
    }
}

/// A MachineSet (OpenShift) or MachineDeployment (Cluster API), as much as pools need.
#[derive(Clone, Debug, PartialEq)]
pub struct MachinePool {
    /// `MachineSet` or `MachineDeployment`.
    pub kind: String,
    pub name: String,
    pub namespace: String,
    pub replicas: u64,
    pub ready_replicas: u64,
    pub instance_type: Option<String>,
    /// The MachineSet's labels (a tenant's owner label among them).
    pub labels: Map<String, Value>,
}

impl MachinePool {
    pub fn from_json(kind: &str, object: &Value) -> Option<MachinePool> {
        let provider = &object["spec"]["template"]["spec"]["providerSpec"]["value"];
        Some(MachinePool {
            kind: kind.to_owned(),
            name: object["metadata"]["name"].as_str()?.to_owned(),
            namespace: object["metadata"]["namespace"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            replicas: object["spec"]["replicas"].as_u64().unwrap_or(0),
            ready_replicas: object["status"]["readyReplicas"].as_u64().unwrap_or(0),
            labels: object["metadata"]["labels"]
                .as_object()
                .cloned()
                .unwrap_or_default(),
            instance_type: provider["instanceType"]
                .as_str()
                .or_else(|| provider["machineType"].as_str())
                .or_else(|| provider["vmSize"].as_str())
                .map(str::to_owned),
        })
    }
}

/// Sums over every node: the deployment manager's capacity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub nodes: u64,
    pub cpu_millis: u64,
    pub memory_bytes: u64,
    pub pods: u64,
}

impl Totals {
    pub fn of(node: &Node) -> Totals {
        let capacity = node.status.as_ref().and_then(|s| s.capacity.as_ref());
        let get = |k: &str| capacity.and_then(|c| c.get(k)).map(|q| q.0.as_str());
        Totals {
            nodes: 1,
            cpu_millis: get("cpu").and_then(|q| quantity(q, true)).unwrap_or(0),
            memory_bytes: get("memory").and_then(|q| quantity(q, false)).unwrap_or(0),
            pods: get("pods").and_then(|q| quantity(q, false)).unwrap_or(0),
        }
    }

    pub fn add(&mut self, other: Totals) {
        self.nodes += other.nodes;
        self.cpu_millis += other.cpu_millis;
        self.memory_bytes += other.memory_bytes;
        self.pods += other.pods;
    }

    pub fn sub(&mut self, other: Totals) {
        self.nodes = self.nodes.saturating_sub(other.nodes);
        self.cpu_millis = self.cpu_millis.saturating_sub(other.cpu_millis);
        self.memory_bytes = self.memory_bytes.saturating_sub(other.memory_bytes);
        self.pods = self.pods.saturating_sub(other.pods);
    }
}

/// A Kubernetes quantity as an integer: millis for CPU (`500m`, `64`), units otherwise
/// (`263879284Ki`, `32Gi`, `1G`).
pub fn quantity(text: &str, millis: bool) -> Option<u64> {
    let split = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let (number, suffix) = text.split_at(split);
    let value: f64 = number.parse().ok()?;
    let factor: f64 = match suffix {
        "" => 1.0,
        "m" => 0.001,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "Ki" => 1024.0,
        "Mi" => 1024.0 * 1024.0,
        "Gi" => 1024.0 * 1024.0 * 1024.0,
        "Ti" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let scaled = value * factor * if millis { 1000.0 } else { 1.0 };
    Some(scaled.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(quantity("64", true), Some(64_000));
        assert_eq!(quantity("63500m", true), Some(63_500));
        assert_eq!(quantity("32Gi", false), Some(34_359_738_368));
        assert_eq!(quantity("263879284Ki", false), Some(270_212_386_816));
        assert_eq!(quantity("1G", false), Some(1_000_000_000));
        assert_eq!(quantity("lots", false), None);
    }
}
