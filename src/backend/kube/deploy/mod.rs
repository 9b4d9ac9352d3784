//! The Kubernetes DMS plugins: a VNF release handed to the cluster's GitOps controller as the
//! custom resource it reconciles — Flux's `HelmRelease` with a `HelmRepository` source
//! ([`flux`]), or Argo CD's `Application` ([`argo`]) — whose chart the controller fetches from
//! netweave's own chart repository of the VNF package (`/dms/charts/<package>/<sha256>`,
//! `dms::chart`); or released by the `helm` CLI itself ([`helm`]), as Tacker does. The
//! deployment manager is the backend's cluster; `kubernetes.dms_plugin` picks the plugin per
//! cluster (a routing rule per backend instance, so several clusters may each use their own).
//!
//! How far a release got is read from the cluster, never remembered: the controller's status
//! of the resource for the generation netweave last wrote, or helm's record of the release
//! (ready, failed with its reason, or still on its way), then the release's pods
//! (`app.kubernetes.io/instance=<release>`, the label Helm charts and Argo CD put on what they
//! deploy) — the VNFCs, one per ready pod, assigned to a VDU by the workload it is named
//! after. Applying twice changes nothing, so a restart resumes where the cluster stands.

pub mod argo;
pub mod flux;
pub mod helm;

use async_trait::async_trait;
use k8s_openapi::api::core::v1::Pod;
use kube::{
    api::{DeleteParams, DynamicObject, ListParams, PostParams},
    core::ApiResource,
    Api, Client,
};
use serde_json::{json, Map, Value};

use super::{unavailable, KubernetesConfig};
use crate::{
    backend::{
        deploy::{Deployer, Progress, Release},
        BackendError,
    },
    dms::{chart, lcm::Vnfc},
};

/// The label naming the release on everything it deploys.
pub const INSTANCE_LABEL: &str = "app.kubernetes.io/instance";
/// The label marking the resources netweave writes.
const MANAGED_BY: (&str, &str) = ("app.kubernetes.io/managed-by", "netweave");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plugin {
    Flux,
    ArgoCd,
    Helm,
}

impl Plugin {
    /// The plugin `kubernetes.dms_plugin` names (`None`: no DMS on this cluster).
    pub fn parse(name: &str) -> Result<Option<Plugin>, String> {
        match name {
            "" => Ok(None),
            "flux" => Ok(Some(Plugin::Flux)),
            "argocd" => Ok(Some(Plugin::ArgoCd)),
            "helm" => Ok(Some(Plugin::Helm)),
            other => Err(format!(
                "kubernetes.dms_plugin '{other}' is none of flux, argocd, helm (or empty: none)"
            )),
        }
    }

    /// Whether the cluster fetches charts from netweave (`kubernetes.chart_repository_url`).
    pub fn fetches_charts(self) -> bool {
        self != Plugin::Helm
    }

    fn default_namespace(self) -> &'static str {
        match self {
            Plugin::Flux => "flux-system",
            Plugin::ArgoCd => "argocd",
            // Helm keeps each release in its own namespace.
            Plugin::Helm => "",
        }
    }
}

/// What the controller says of the resource netweave wrote.
pub(crate) enum Reconciled {
    /// Done, for the generation last written.
    Ready,
    /// Not yet: why.
    Pending(String),
    /// It cannot be: the controller's reason.
    Failed(String),
}

pub struct KubeDeployer {
    client: Client,
    plugin: Plugin,
    /// Where the controller's resources live.
    namespace: String,
    /// The chart repositories' root as the cluster reaches netweave.
    repository: String,
    deployment_manager: String,
    helm: helm::Helm,
}

impl KubeDeployer {
    pub fn new(
        client: Client,
        settings: &KubernetesConfig,
        plugin: Plugin,
        deployment_manager: String,
    ) -> KubeDeployer {
        let namespace = match settings.dms_namespace.as_str() {
            "" => plugin.default_namespace().to_owned(),
            ns => ns.to_owned(),
        };
        KubeDeployer {
            client,
            plugin,
            namespace,
            repository: settings
                .chart_repository_url
                .trim_end_matches('/')
                .to_owned(),
            deployment_manager,
            helm: helm::Helm::new(settings),
        }
    }

    fn api(&self, resource: &ApiResource) -> Api<DynamicObject> {
        Api::namespaced_with(self.client.clone(), &self.namespace, resource)
    }

    /// Creates `object` (kind `resource`, named `name`) or brings its spec and labels to
    /// `object`'s, keeping the controller's status; whether the resource now holds that spec
    /// (not when another writer came first: the next pass tries again).
    pub(crate) async fn upsert(
        &self,
        resource: &ApiResource,
        name: &str,
        object: Value,
    ) -> Result<bool, BackendError> {
        let api = self.api(resource);
        match api.get_opt(name).await.map_err(error)? {
            None => {
                let object: DynamicObject = serde_json::from_value(object)
                    .map_err(|e| BackendError::Invalid(e.to_string()))?;
                match api.create(&PostParams::default(), &object).await {
                    // Created meanwhile (another leader's pass): the next pass looks again.
                    Err(kube::Error::Api(s)) if s.code == 409 => Ok(false),
                    other => other.map(|_| true).map_err(error),
                }
            }
            Some(current) => {
                let mut next = serde_json::to_value(&current)
                    .map_err(|e| BackendError::Invalid(e.to_string()))?;
                if next.get("spec") == object.get("spec") {
                    return Ok(true);
                }
                // Replaced whole (a merge patch could not take a value away), at the version
                // read: a conflict is tried again at the next pass.
                next["spec"] = object["spec"].clone();
                for (k, v) in object["metadata"]["labels"]
                    .as_object()
                    .into_iter()
                    .flatten()
                {
                    next["metadata"]["labels"][k] = v.clone();
                }
                let next: DynamicObject = serde_json::from_value(next)
                    .map_err(|e| BackendError::Invalid(e.to_string()))?;
                match api.replace(name, &PostParams::default(), &next).await {
                    Err(kube::Error::Api(s)) if s.code == 409 => Ok(false),
                    other => other.map(|_| true).map_err(error),
                }
            }
        }
    }

    /// The resource `name`, if it exists.
    pub(crate) async fn read(
        &self,
        resource: &ApiResource,
        name: &str,
    ) -> Result<Option<Value>, BackendError> {
        let found = self.api(resource).get_opt(name).await.map_err(error)?;
        Ok(found.and_then(|o| serde_json::to_value(o).ok()))
    }

    /// Deletes the resource `name`; whether it is gone.
    pub(crate) async fn delete(
        &self,
        resource: &ApiResource,
        name: &str,
    ) -> Result<(), BackendError> {
        match self
            .api(resource)
            .delete(name, &DeleteParams::default())
            .await
        {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(s)) if s.code == 404 => Ok(()),
            Err(e) => Err(error(e)),
        }
    }

    /// The labels of everything netweave writes for `release`.
    pub(crate) fn labels(release: &Release) -> Value {
        json!({ MANAGED_BY.0: MANAGED_BY.1, INSTANCE_LABEL: release.name })
    }

    /// The repository of the release's package, as the cluster reaches it.
    pub(crate) fn repository_of(&self, release: &Release) -> String {
        format!("{}/{}", self.repository, release.package)
    }

    /// The release's pods.
    async fn pods(&self, release: &Release) -> Result<Vec<Pod>, BackendError> {
        let api: Api<Pod> = Api::namespaced(self.client.clone(), &release.namespace);
        let selector = format!("{INSTANCE_LABEL}={}", release.name);
        Ok(api
            .list(&ListParams::default().labels(&selector))
            .await
            .map_err(error)?
            .items)
    }

    /// The VNFCs once every VDU has its replicas ready.
    async fn vnfcs(&self, release: &Release) -> Result<Progress, BackendError> {
        let pods = self.pods(release).await?;
        let mut vnfcs = Vec::new();
        for vdu in &release.vdus {
            let prefix = format!("{}-", vdu.name);
            let mine: Vec<&Pod> = pods
                .iter()
                .filter(|p| {
                    p.metadata.deletion_timestamp.is_none()
                        && p.metadata
                            .name
                            .as_deref()
                            .is_some_and(|n| n.starts_with(&prefix))
                })
                .collect();
            let ready: Vec<&&Pod> = mine.iter().filter(|p| ready(p)).collect();
            if ready.len() != vdu.replicas as usize || mine.len() != ready.len() {
                return Ok(Progress::Pending(format!(
                    "VDU {}: {} of {} pods ready ({} running)",
                    vdu.vdu_id,
                    ready.len(),
                    vdu.replicas,
                    mine.len()
                )));
            }
            vnfcs.extend(ready.iter().map(|p| {
                let name = p.metadata.name.clone().unwrap_or_default();
                Vnfc {
                    id: p.metadata.uid.clone().unwrap_or_else(|| name.clone()),
                    vdu_id: vdu.vdu_id.clone(),
                    resource_id: name,
                    // The workload: a ReplicaSet's pods are its Deployment's.
                    kind: match p
                        .metadata
                        .owner_references
                        .iter()
                        .flatten()
                        .next()
                        .map(|o| o.kind.as_str())
                    {
                        Some("ReplicaSet") => "Deployment".to_owned(),
                        Some(kind) => kind.to_owned(),
                        None => "Pod".to_owned(),
                    },
                }
            }));
        }
        Ok(Progress::Done(vnfcs))
    }
}

fn ready(pod: &Pod) -> bool {
    pod.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|c| c.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
}

/// A Kubernetes API error as the executor weighs it: a refusal fails the step, anything else
/// (the API server unreachable, overloaded) is waited out.
fn error(e: kube::Error) -> BackendError {
    match &e {
        kube::Error::Api(s) if (400..500).contains(&s.code) && s.code != 429 => {
            BackendError::Invalid(format!("the Kubernetes API refused: {}", s.message))
        }
        _ => unavailable(e),
    }
}

/// Helm values from `--set`-style dotted keys (`service.port` → `{service: {port: …}}`).
pub fn values(flat: &Map<String, Value>) -> Value {
    let mut out = json!({});
    for (key, value) in flat {
        let mut at = &mut out;
        let parts: Vec<&str> = key.split('.').collect();
        for part in &parts[..parts.len() - 1] {
            if !at[*part].is_object() {
                at[*part] = json!({});
            }
            at = &mut at[*part];
        }
        at[parts[parts.len() - 1]] = value.clone();
    }
    out
}

#[async_trait]
impl Deployer for KubeDeployer {
    fn serves(&self, deployment_manager: &str) -> bool {
        deployment_manager == self.deployment_manager
    }

    async fn apply(&self, release: &Release) -> Result<Progress, BackendError> {
        let meta = match chart::meta(&release.chart) {
            Ok(m) => m,
            Err(why) => return Ok(Progress::Failed(why)),
        };
        let reconciled = match self.plugin {
            Plugin::Flux => flux::apply(self, release, &meta).await?,
            Plugin::ArgoCd => argo::apply(self, release, &meta).await?,
            Plugin::Helm => helm::apply(self, release).await?,
        };
        match reconciled {
            Reconciled::Ready => self.vnfcs(release).await,
            Reconciled::Pending(why) => Ok(Progress::Pending(why)),
            Reconciled::Failed(why) => Ok(Progress::Failed(why)),
        }
    }

    async fn remove(&self, release: &Release) -> Result<Progress, BackendError> {
        match self.plugin {
            Plugin::Flux => flux::remove(self, release).await?,
            Plugin::ArgoCd => argo::remove(self, release).await?,
            Plugin::Helm => helm::remove(self, release).await?,
        }
        let left = self.pods(release).await?.len();
        Ok(match left {
            0 => Progress::Done(Vec::new()),
            n => Progress::Pending(format!("{n} pods of the release are still there")),
        })
    }

    async fn replace(&self, release: &Release, resource_id: &str) -> Result<(), BackendError> {
        let api: Api<Pod> = Api::namespaced(self.client.clone(), &release.namespace);
        match api.delete(resource_id, &DeleteParams::default()).await {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(s)) if s.code == 404 => Ok(()),
            Err(e) => Err(error(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_values_nest_as_helm_set_does() {
        let flat: Map<String, Value> = serde_json::from_value(
            json!({"service.port": 8081, "service.type": "NodePort", "replicaCountVdu1": 2}),
        )
        .unwrap();
        assert_eq!(
            values(&flat),
            json!({"service": {"port": 8081, "type": "NodePort"}, "replicaCountVdu1": 2})
        );
        assert!(Plugin::parse("kustomize").is_err());
        assert_eq!(Plugin::parse("helm").unwrap(), Some(Plugin::Helm));
        assert_eq!(Plugin::parse("").unwrap(), None);
    }
}
