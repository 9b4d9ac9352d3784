//! The helm CLI, as Tacker's helm plugin drives it: `helm upgrade --install` of the package's
//! chart with the release's values into the target namespace, `helm uninstall` to remove it —
//! the real `helm` binary (`kubernetes.helm_binary`) against the backend's cluster
//! (`kubernetes.kubeconfig`, `kubernetes.context`; in a pod, its service account). Helm keeps
//! the release: its revisions, as Secrets in the target namespace labelled `owner=helm`,
//! `name`, `version`, `status`, `createdAt`/`modifiedAt` and the release's own labels, which
//! netweave lists (metadata only) to see how far it got — no helm run for that.
//!
//! Applying twice changes nothing: each release carries the digest of its chart and values as
//! a release label (`netweave.io/digest`), and helm runs only when the deployed release is
//! not that one, so the passes waiting for the release's pods run no helm at all. A release
//! helm left `pending-*` (its process killed mid-operation, with the gateway) is taken back
//! once older than helm's timeout: a pending install uninstalled, a pending upgrade or
//! rollback rolled back, then applied again.

use std::{
    collections::BTreeMap,
    path::Path,
    process::Stdio,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use k8s_openapi::api::core::v1::Secret;
use kube::{api::ListParams, Api};
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
    /// keeps no state of its own between runs but client-go's discovery cache; an error when
    /// helm could not be run or did not end in time.
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
            // The API server's discovery documents, kept between runs (as `~/.kube/cache`
            // would, were the pod's home writable).
            .env(
                "KUBECACHEDIR",
                std::env::temp_dir().join("netweave-helm-kube-cache"),
            )
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

/// The latest revision of a release, as helm's record of it (its Secret's labels) shows it.
struct Revision {
    number: u64,
    status: String,
    digest: String,
    /// When helm last wrote it.
    since: Option<SystemTime>,
}

impl Revision {
    fn of(labels: &BTreeMap<String, String>) -> Revision {
        let label = |k: &str| labels.get(k).cloned().unwrap_or_default();
        let seconds = labels
            .get("modifiedAt")
            .or_else(|| labels.get("createdAt"))
            .and_then(|s| s.parse().ok());
        Revision {
            number: label("version").parse().unwrap_or(0),
            status: label("status"),
            digest: label(DIGEST_LABEL),
            since: seconds.map(|s| UNIX_EPOCH + Duration::from_secs(s)),
        }
    }

    /// Whether helm left it pending longer than any helm run lasts (its helm is gone).
    fn abandoned(&self) -> bool {
        self.since
            .and_then(|at| at.elapsed().ok())
            .is_some_and(|age| age > TIMEOUT)
    }
}

/// The release's latest revision, if helm has a record of it.
async fn latest(d: &KubeDeployer, release: &Release) -> Result<Option<Revision>, BackendError> {
    let secrets: Api<Secret> = Api::namespaced(d.client.clone(), &release.namespace);
    let selector = format!("owner=helm,name={}", release.name);
    let records = secrets
        .list_metadata(&ListParams::default().labels(&selector))
        .await
        .map_err(super::error)?;
    Ok(records
        .items
        .iter()
        .filter_map(|r| r.metadata.labels.as_ref().map(Revision::of))
        .max_by_key(|r| r.number))
}

pub(super) async fn apply(d: &KubeDeployer, release: &Release) -> Result<Reconciled, BackendError> {
    let helm = &d.helm;
    let digest = digest(release);
    let current = latest(d, release).await?;
    if let Some(c) = &current {
        if c.status == "deployed" && c.digest == digest {
            return Ok(Reconciled::Ready);
        }
    }
    let home = tempfile::tempdir().map_err(|e| BackendError::Unavailable(e.to_string()))?;
    if let Some(current) = current {
        let (number, status) = (current.number, current.status.as_str());
        if status.starts_with("pending-") {
            if !current.abandoned() {
                return Ok(Reconciled::Pending(format!(
                    "helm: revision {number} of the release is {status}"
                )));
            }
            // Its helm is gone: undo what it left, then apply again.
            let undo: &[&str] = if number <= 1 {
                &["uninstall", &release.name]
            } else {
                &["rollback", &release.name]
            };
            return match helm.run(home.path(), release, undo).await? {
                Ok(_) => Ok(Reconciled::Pending(format!(
                    "helm: revision {number}, left {status}, was undone ({})",
                    undo[0]
                ))),
                Err(why) if is_transient(&why) => Err(transient(why)),
                Err(why) => Ok(Reconciled::Failed(format!(
                    "helm left revision {number} {status} and cannot undo it: {why}"
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
        let labels = |at: u64| -> BTreeMap<String, String> {
            [
                ("owner", "helm".to_owned()),
                ("version", "2".to_owned()),
                ("status", "pending-upgrade".to_owned()),
                ("modifiedAt", at.to_string()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect()
        };
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let stale = Revision::of(&labels(now - 301));
        assert_eq!(
            (stale.number, stale.status.as_str()),
            (2, "pending-upgrade")
        );
        assert!(stale.abandoned());
        assert!(!Revision::of(&labels(now)).abandoned());
    }
}
