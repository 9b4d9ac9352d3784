//! Argo CD: an `Application` whose source is the package's chart repository (the chart's name
//! and version), rendered with `helm.releaseName` and the release's values into the target
//! namespace of this cluster, synced automatically; the resources finalizer makes Argo CD
//! prune what it deployed when the Application is deleted.

use kube::core::{ApiResource, GroupVersionKind};
use serde_json::{json, Value};

use super::{values, KubeDeployer, Reconciled};
use crate::{
    backend::{deploy::Release, BackendError},
    dms::chart::ChartMeta,
};

pub fn application() -> ApiResource {
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("argoproj.io", "v1alpha1", "Application"),
        "applications",
    )
}

pub(super) async fn apply(
    d: &KubeDeployer,
    release: &Release,
    chart: &ChartMeta,
) -> Result<Reconciled, BackendError> {
    let source = json!({
        "repoURL": d.repository_of(release),
        "chart": chart.name,
        "targetRevision": chart.version,
        "helm": {"releaseName": release.name, "valuesObject": values(&release.values)},
    });
    let written = d.upsert(
        &application(),
        &release.name,
        json!({
            "apiVersion": "argoproj.io/v1alpha1",
            "kind": "Application",
            "metadata": {
                "name": release.name,
                "namespace": d.namespace,
                "labels": KubeDeployer::labels(release),
                "finalizers": ["resources-finalizer.argocd.argoproj.io"],
            },
            "spec": {
                "project": "default",
                "source": source,
                "destination": {"server": "https://kubernetes.default.svc", "namespace": release.namespace},
                "syncPolicy": {"automated": {"prune": true, "selfHeal": true}, "syncOptions": ["CreateNamespace=true"]},
            },
        }),
    )
    .await?;
    if !written {
        return Ok(Reconciled::Pending(
            "the Application changed meanwhile; written again at the next pass".into(),
        ));
    }
    let Some(current) = d.read(&application(), &release.name).await? else {
        return Ok(Reconciled::Pending(
            "the Application is being created".into(),
        ));
    };
    Ok(status(&current, &source))
}

/// What Argo CD says of the Application, for the source last written.
pub(crate) fn status(current: &Value, source: &Value) -> Reconciled {
    let s = &current["status"];
    if s["sync"]["comparedTo"]["source"] != *source {
        return Reconciled::Pending("Argo CD has not compared the Application's source yet".into());
    }
    let phase = s["operationState"]["phase"].as_str().unwrap_or_default();
    let message = s["operationState"]["message"].as_str().unwrap_or_default();
    if matches!(phase, "Failed" | "Error") {
        return Reconciled::Failed(format!("Argo CD: sync {phase}: {message}"));
    }
    let health = s["health"]["status"].as_str().unwrap_or_default();
    let sync = s["sync"]["status"].as_str().unwrap_or_default();
    match (sync, health) {
        ("Synced", "Healthy") => Reconciled::Ready,
        (_, "Degraded") => Reconciled::Failed(format!(
            "Argo CD: the application is Degraded: {}",
            s["health"]["message"].as_str().unwrap_or(message)
        )),
        _ => Reconciled::Pending(format!("Argo CD: {sync}, {health}")),
    }
}

pub(super) async fn remove(d: &KubeDeployer, release: &Release) -> Result<(), BackendError> {
    d.delete(&application(), &release.name).await
}
