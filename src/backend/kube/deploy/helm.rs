//! The helm CLI, as Tacker's helm plugin drives it: `helm upgrade --install` of the package's
//! chart with the release's values into the target namespace, `helm uninstall` to remove it —
//! the real `helm` binary (`kubernetes.helm_binary`) against the backend's cluster
//! (`kubernetes.kubeconfig`, `kubernetes.context`; in a pod, its service account). Helm keeps
//! the release (its revisions, as Secrets in the target namespace); netweave reads it back
//! with `helm get metadata`.
//!
//! Applying twice changes nothing: each release carries the digest of its chart and values as
//! a release label (`netweave.io/digest`), and helm runs only when the deployed release is
//! not that one. The passes waiting for the release's pods run no helm at all: helm's record of
//! the release (its `Secret`, labelled `owner=helm`, `name`, `status` and with the release's
//! labels) says whether that digest is deployed, in one list. A release helm left `pending-*` (its process killed mid-operation, with the
//! gateway) is taken back once older than helm's timeout: a pending install uninstalled, a
//! pending upgrade or rollback rolled back, then applied again.

use std::{path::Path, process::Stdio, time::Duration};

use k8s_openapi::api::core::v1::Secret;
use kube::{api::ListParams, Api};

use serde_json::Value;
use sha2::{Digest as _, Sha256};

use super::{values, KubeDeployer, Reconciled};
use crate::backend::{deploy::Release, kube::KubernetesConfig, BackendError};

/// The release label holding the digest of what netweave released.
const DIGEST_LABEL: &str = "netweave.io/digest";
/// Helm's `--timeout` for one operation (hooks); a release pending longer has lost its helm.
const TIMEOUT: Duration = Duration::from_secs(300);

/// How to run helm against the cluster.
pub struct Helm {
    binary: String,
    kubeconfig: String,
    context: String,
}

/// What a helm run said: its output, or why it failed.
type Run = Result<String, String>;

impl Helm {
    pub fn new(settings: &KubernetesConfig) -> Helm {
        Helm {
            binary: settings.helm_binary.clone(),
            kubeconfig: settings.kubeconfig.clone(),
            context: settings.context.clone(),
        }
    }

    /// Runs `helm <args>` for `release` with a scratch home of its own (`home`) — helm
    /// keeps no state of its own between runs; an error when helm could not be run or did not
    /// end in time.
    async fn run(
        &self,
        home: &Path,
        release: &Release,
        args: &[&str],
    ) -> Result<Run, BackendError> {
        let mut command = tokio::process::Command::new(&self.binary);
        command
            .args(args)
            .args(["--namespace", &release.namespace])
            .env("HELM_CACHE_HOME", home.join("cache"))
            .env("HELM_CONFIG_HOME", home.join("config"))
            .env("HELM_DATA_HOME", home.join("data"))
            .stdin(Stdio::null())
            .kill_on_drop(true);
        if !self.kubeconfig.is_empty() {
            command.args(["--kubeconfig", &self.kubeconfig]);
        }
        if !self.context.is_empty() {
            command.args(["--kube-context", &self.context]);
        }
        let output = command.output();
        let output = tokio::time::timeout(TIMEOUT + Duration::from_secs(30), output)
            .await
            .map_err(|_| BackendError::Unavailable(format!("helm {} did not end", args[0])))?
            .map_err(|e| {
                BackendError::Invalid(format!("cannot run helm ('{}'): {e}", self.binary))
            })?;
        Ok(if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            let stderr = String::from_utf8_lossy(&output.stderr);
            Err(stderr.trim().trim_start_matches("Error: ").to_owned())
        })
    }

    /// The release as `helm get metadata` shows it, if there is one.
    async fn metadata(
        &self,
        home: &Path,
        release: &Release,
    ) -> Result<Option<Value>, BackendError> {
        match self
            .run(
                home,
                release,
                &["get", "metadata", &release.name, "-o", "json"],
            )
            .await?
        {
            Ok(out) => serde_json::from_str(&out)
                .map(Some)
                .map_err(|e| BackendError::Unavailable(format!("helm get metadata: {e}"))),
            Err(why) if why.contains("release: not found") => Ok(None),
            Err(why) => Err(transient(why)),
        }
    }
}

/// A helm failure that is not about the release: the cluster unreachable or overloaded.
fn transient(why: String) -> BackendError {
    BackendError::Unavailable(format!("helm: {why}"))
}

/// Whether helm's failure is the cluster's trouble (waited out), not the release's.
fn is_transient(why: &str) -> bool {
    [
        "cluster unreachable",
        "connection refused",
        "i/o timeout",
        "TLS handshake timeout",
        "context deadline exceeded",
        "the server is currently unable",
        "etcdserver",
        "Too Many Requests",
        "ServiceUnavailable",
    ]
    .iter()
    .any(|t| why.contains(t))
}

/// The digest of the release's chart and values (a label value: 40 hex digits).
fn digest(release: &Release) -> String {
    let mut hash = Sha256::new();
    hash.update(&release.chart);
    hash.update(values(&release.values).to_string());
    hex::encode(hash.finalize())[..40].to_owned()
}

/// Whether a release helm marked pending at `deployed_at` has outlived any helm run.
fn abandoned(metadata: &Value) -> bool {
    metadata["deployedAt"]
        .as_str()
        .and_then(|t| humantime::parse_rfc3339_weak(t).ok())
        .and_then(|at| at.elapsed().ok())
        .is_some_and(|age| age > TIMEOUT)
}

/// Whether helm's record says revision `digest` of the release is the deployed one.
async fn deployed(d: &KubeDeployer, release: &Release, digest: &str) -> Result<bool, BackendError> {
    let secrets: Api<Secret> = Api::namespaced(d.client.clone(), &release.namespace);
    let selector = format!("owner=helm,name={},status=deployed", release.name);
    let records = secrets
        .list_metadata(&ListParams::default().labels(&selector))
        .await
        .map_err(super::error)?;
    Ok(records.items.iter().any(|r| {
        r.metadata
            .labels
            .as_ref()
            .and_then(|l| l.get(DIGEST_LABEL))
            .is_some_and(|d| d == digest)
    }))
}

pub(super) async fn apply(d: &KubeDeployer, release: &Release) -> Result<Reconciled, BackendError> {
    let helm = &d.helm;
    let digest = digest(release);
    if deployed(d, release, &digest).await? {
        return Ok(Reconciled::Ready);
    }
    let home = tempfile::tempdir().map_err(|e| BackendError::Unavailable(e.to_string()))?;
    if let Some(current) = helm.metadata(home.path(), release).await? {
        let status = current["status"].as_str().unwrap_or_default();
        let revision = current["revision"].as_u64().unwrap_or(0);
        if status == "deployed" && current["labels"][DIGEST_LABEL] == digest.as_str() {
            return Ok(Reconciled::Ready);
        }
        if status.starts_with("pending-") {
            if !abandoned(&current) {
                return Ok(Reconciled::Pending(format!(
                    "helm: revision {revision} of the release is {status}"
                )));
            }
            // Its helm is gone: undo what it left, then apply again.
            let undo: &[&str] = if revision <= 1 {
                &["uninstall", &release.name]
            } else {
                &["rollback", &release.name]
            };
            return match helm.run(home.path(), release, undo).await? {
                Ok(_) => Ok(Reconciled::Pending(format!(
                    "helm: revision {revision}, left {status}, was undone ({})",
                    undo[0]
                ))),
                Err(why) if is_transient(&why) => Err(transient(why)),
                Err(why) => Ok(Reconciled::Failed(format!(
                    "helm left revision {revision} {status} and cannot undo it: {why}"
                ))),
            };
        }
    }
    let chart = home.path().join("chart.tgz");
    let values_file = home.path().join("values.json");
    let write = |path: &Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|e| BackendError::Unavailable(e.to_string()))
    };
    write(&chart, &release.chart)?;
    write(&values_file, values(&release.values).to_string().as_bytes())?;
    let label = format!("{DIGEST_LABEL}={digest}");
    let (chart, values_file) = (chart.to_string_lossy(), values_file.to_string_lossy());
    let run = helm
        .run(
            home.path(),
            release,
            &[
                "upgrade",
                "--install",
                &release.name,
                &chart,
                "--values",
                &values_file,
                "--create-namespace",
                "--reset-values",
                "--labels",
                &label,
                "--timeout",
                "5m",
            ],
        )
        .await?;
    match run {
        Ok(_) => Ok(Reconciled::Ready),
        Err(why) if is_transient(&why) => Err(transient(why)),
        Err(why) => Ok(Reconciled::Failed(format!("helm: {why}"))),
    }
}

pub(super) async fn remove(d: &KubeDeployer, release: &Release) -> Result<(), BackendError> {
    let home = tempfile::tempdir().map_err(|e| BackendError::Unavailable(e.to_string()))?;
    match d
        .helm
        .run(
            home.path(),
            release,
            &["uninstall", &release.name, "--ignore-not-found"],
        )
        .await?
    {
        Ok(_) => Ok(()),
        Err(why) if is_transient(&why) => Err(transient(why)),
        Err(why) => Err(BackendError::Invalid(format!("helm: {why}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_trouble_is_waited_out_and_release_trouble_is_not() {
        assert!(is_transient(
            "Kubernetes cluster unreachable: Get \"https://10.0.0.1/version\": dial tcp: connect: connection refused"
        ));
        assert!(!is_transient(
            "UPGRADE FAILED: template: test-chart/templates/a.yaml:4:14: executing \"a\": required replicas"
        ));
        let long_ago = serde_json::json!({"deployedAt": "2020-01-01T00:00:00Z"});
        let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
        assert!(abandoned(&long_ago));
        assert!(!abandoned(&serde_json::json!({ "deployedAt": now })));
    }
}
