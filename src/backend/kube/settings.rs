//! The Kubernetes backend as a backend kind: its `[kubernetes]` section, its flag, and how it
//! starts.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::KubeBackend;
use crate::{
    backend::{
        registry::{self, Context},
        BackendRef,
    },
    config::Section,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KubernetesConfig {
    /// Kubeconfig file; empty uses `KUBECONFIG`, `~/.kube/config`, then the in-cluster service account. Default empty.
    pub kubeconfig: String,
    /// Kubeconfig context; empty uses the current one. Default empty.
    pub context: String,
    /// Name of the cluster as the deployment manager shows it. Default `kubernetes`.
    pub cluster_name: String,
    /// Node labels naming a node's pool, tried in order. Default `cluster.x-k8s.io/deployment-name`, `machine.openshift.io/cluster-api-machineset`, `node.kubernetes.io/pool`.
    pub pool_labels: Vec<String>,
    /// Pool of nodes with none of `pool_labels`. Default `default`.
    pub default_pool: String,
    /// Node labels naming a node's instance type, tried in order. Default `node.kubernetes.io/instance-type`, `beta.kubernetes.io/instance-type`.
    pub instance_type_labels: Vec<String>,
    /// Name of the O-Cloud site the cluster is. Default `site-1`.
    pub site_name: String,
    /// Name of the site's location. Default `location-1`.
    pub location_name: String,
    /// Postal address of the location; empty leaves it out. Default empty.
    pub location_address: String,
    /// Namespace of MachineSets / MachineDeployments netweave creates. Default `openshift-machine-api`.
    pub machine_namespace: String,
    /// Offer the pool write extensions (create, scale, delete MachineSets / MachineDeployments)
    /// when the cluster serves them; `false` makes pools read-only (405), for RBAC without
    /// write verbs. Default `true`.
    pub pool_writes: bool,
    /// Node condition types, beyond the kubelet's and node-problem-detector's, that raise an
    /// alarm (`Node<Type>`, MAJOR) on the node's resource while `True`, as a custom
    /// node-problem-detector plugin sets them. Default empty.
    pub alarm_node_conditions: Vec<String>,
    /// The O2-DMS plugin deploying VNF releases on this cluster: `flux` (a `HelmRelease` and
    /// `HelmRepository`), `argocd` (an `Application`), `helm` (the helm CLI, as Tacker), or
    /// empty for none. Default empty.
    pub dms_plugin: String,
    /// Namespace of the plugin's resources; empty: `flux-system` for Flux, `argocd` for Argo
    /// CD. Default empty.
    pub dms_namespace: String,
    /// netweave's chart repositories (`…/dms/charts`) as the cluster's controllers reach
    /// them, e.g. `http://netweave.netweave.svc:8080/dms/charts`; required with the `flux`
    /// and `argocd` plugins. Default empty.
    pub chart_repository_url: String,
    /// The helm binary of the `helm` plugin (Helm 4; tested with v4.1.4), by path or on
    /// `PATH`. Default `helm`.
    pub helm_binary: String,
}

impl Default for KubernetesConfig {
    fn default() -> Self {
        KubernetesConfig {
            kubeconfig: String::new(),
            context: String::new(),
            cluster_name: "kubernetes".into(),
            pool_labels: vec![
                "cluster.x-k8s.io/deployment-name".into(),
                "machine.openshift.io/cluster-api-machineset".into(),
                "node.kubernetes.io/pool".into(),
            ],
            default_pool: "default".into(),
            instance_type_labels: vec![
                "node.kubernetes.io/instance-type".into(),
                "beta.kubernetes.io/instance-type".into(),
            ],
            site_name: "site-1".into(),
            location_name: "location-1".into(),
            location_address: String::new(),
            machine_namespace: "openshift-machine-api".into(),
            pool_writes: true,
            alarm_node_conditions: Vec::new(),
            dms_plugin: String::new(),
            dms_namespace: String::new(),
            chart_repository_url: String::new(),
            helm_binary: "helm".into(),
        }
    }
}

impl Section for KubernetesConfig {
    const NAME: &'static str = "kubernetes";
}

/// The Kubernetes backend's flag of `netweave serve`.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct KubeFlags {
    /// Kubeconfig of the Kubernetes backend (`kubernetes.kubeconfig`).
    #[arg(long)]
    pub kubeconfig: Option<String>,
}

impl KubeFlags {
    pub fn settings(&self) -> Vec<(String, Value)> {
        self.kubeconfig
            .iter()
            .map(|k| ("kubernetes.kubeconfig".to_owned(), Value::from(k.as_str())))
            .collect()
    }
}

/// The `kubernetes` kind.
pub struct KubernetesKind;

impl registry::Kind for KubernetesKind {
    const NAME: &'static str = "kubernetes";
    const SHARED: bool = true;
    type Settings = KubernetesConfig;

    fn check(settings: &KubernetesConfig) -> Result<(), String> {
        let plugin = super::deploy::Plugin::parse(&settings.dms_plugin)?;
        if plugin.is_some_and(|p| p.fetches_charts()) && settings.chart_repository_url.is_empty() {
            return Err(format!(
                "kubernetes.dms_plugin '{}' needs kubernetes.chart_repository_url (netweave's /dms/charts as the cluster reaches it)",
                settings.dms_plugin
            ));
        }
        Ok(())
    }

    fn builders(settings: &KubernetesConfig) -> Vec<String> {
        super::provision::builders(settings.pool_writes)
    }

    async fn start(context: Context, settings: KubernetesConfig) -> anyhow::Result<BackendRef> {
        use anyhow::Context as _;
        let backend = KubeBackend::start(&settings, &context.o_cloud_id, &context.shutdown)
            .await
            .context("connecting to the Kubernetes API")?;
        Ok(backend)
    }
}
