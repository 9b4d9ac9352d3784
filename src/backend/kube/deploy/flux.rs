//! Flux: a `HelmRepository` (source-controller) pointing at the package's chart repository,
//! and a `HelmRelease` (helm-controller) of the chart's name and version from it, released as
//! `releaseName` into the target namespace with the release's values. Install and upgrade
//! failures are not retried by Flux (`remediation.retries: 0`): the lifecycle operation goes
//! FAILED_TEMP with Flux's reason and the SMO decides (retry, rollback, fail).

use kube::core::{ApiResource, GroupVersionKind};
use serde_json::{json, Value};

use super::{values, KubeDeployer, Reconciled};
use crate::{
    backend::{deploy::Release, BackendError},
    dms::chart::ChartMeta,
};

pub fn helm_release() -> ApiResource {
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("helm.toolkit.fluxcd.io", "v2", "HelmRelease"),
        "helmreleases",
    )
}

pub fn helm_repository() -> ApiResource {
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("source.toolkit.fluxcd.io", "v1", "HelmRepository"),
        "helmrepositories",
    )
}

/// Reasons of a `Ready: False` that retrying the same release will not change.
const FAILURES: [&str; 3] = ["InstallFailed", "UpgradeFailed", "ChartNotFound"];

pub(super) async fn apply(
    d: &KubeDeployer,
    release: &Release,
    chart: &ChartMeta,
) -> Result<Reconciled, BackendError> {
    let labels = KubeDeployer::labels(release);
    let source = d
        .upsert(
            &helm_repository(),
            &release.name,
            json!({
                "apiVersion": "source.toolkit.fluxcd.io/v1",
                "kind": "HelmRepository",
                "metadata": {"name": release.name, "namespace": d.namespace, "labels": labels},
                "spec": {"url": d.repository_of(release), "interval": "10m"},
            }),
        )
        .await?;
    let written = source
        && d.upsert(
        &helm_release(),
        &release.name,
        json!({
            "apiVersion": "helm.toolkit.fluxcd.io/v2",
            "kind": "HelmRelease",
            "metadata": {"name": release.name, "namespace": d.namespace, "labels": labels},
            "spec": {
                "interval": "10m",
                "releaseName": release.name,
                "targetNamespace": release.namespace,
                "chart": {"spec": {
                    "chart": chart.name,
                    "version": chart.version,
                    "sourceRef": {"kind": "HelmRepository", "name": release.name, "namespace": d.namespace},
                }},
                "install": {"createNamespace": true, "remediation": {"retries": 0}},
                "upgrade": {"remediation": {"retries": 0}},
                "values": values(&release.values),
            },
        }),
    )
    .await?;
    if !written {
        return Ok(Reconciled::Pending(
            "the HelmRelease changed meanwhile; written again at the next pass".into(),
        ));
    }
    let Some(current) = d.read(&helm_release(), &release.name).await? else {
        return Ok(Reconciled::Pending(
            "the HelmRelease is being created".into(),
        ));
    };
    Ok(status(&current))
}

/// What the helm-controller says of the HelmRelease's current generation.
pub(crate) fn status(current: &Value) -> Reconciled {
    let generation = current["metadata"]["generation"].as_u64().unwrap_or(0);
    let observed = current["status"]["observedGeneration"]
        .as_i64()
        .unwrap_or(-1);
    if observed < generation as i64 {
        return Reconciled::Pending(format!(
            "Flux has not reconciled generation {generation} of the HelmRelease yet"
        ));
    }
    let ready = current["status"]["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["type"] == "Ready");
    let text = |c: &Value, k: &str| c[k].as_str().unwrap_or_default().to_owned();
    match ready {
        Some(c) if c["status"] == "True" => Reconciled::Ready,
        Some(c)
            if c["status"] == "False"
                && FAILURES.contains(&c["reason"].as_str().unwrap_or_default()) =>
        {
            Reconciled::Failed(format!(
                "Flux: {}: {}",
                text(c, "reason"),
                text(c, "message")
            ))
        }
        Some(c) => Reconciled::Pending(format!("Flux: {}", text(c, "message"))),
        None => Reconciled::Pending("Flux reports no Ready condition yet".into()),
    }
}

pub(super) async fn remove(d: &KubeDeployer, release: &Release) -> Result<(), BackendError> {
    // The helm-controller uninstalls a deleted HelmRelease's release.
    d.delete(&helm_release(), &release.name).await?;
    d.delete(&helm_repository(), &release.name).await
}
