//! The simulator's O2-DMS plugin: it deploys VNF releases to its simulated clusters (its
//! deployment managers). A release's chart must be a Helm chart archive (a gzipped tar with
//! a `Chart.yaml`), as `helm` would require; each VDU gets as many pods as its replicas, named
//! after the VDU's workload (`<name>-<5 letters>`), ready a moment after they start. Releases
//! live in memory: after a restart a lifecycle operation in progress applies its release
//! again (the executor's contract), and an instantiated one is redeployed by its next
//! operation.

use std::{
    collections::BTreeMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use async_trait::async_trait;

use super::Simulator;
use crate::{
    backend::{
        deploy::{Deployer, Progress, Release},
        BackendError,
    },
    dms::lcm::Vnfc,
};

/// How long a simulated pod takes to become ready.
const STARTUP: Duration = Duration::from_millis(150);

#[derive(Clone, Debug)]
struct Pod {
    vnfc: Vnfc,
    /// The VDU template it was started from.
    template: String,
    ready_at: Instant,
}

/// A release: (deployment manager, namespace, name).
type Key = (String, String, String);
/// A release's pods, by VDU.
type Pods = BTreeMap<String, Vec<Pod>>;

/// The simulated releases.
#[derive(Default)]
pub struct Releases(Mutex<BTreeMap<Key, Pods>>);

fn key(r: &Release) -> Key {
    (
        r.deployment_manager.clone(),
        r.namespace.clone(),
        r.name.clone(),
    )
}

/// Why `chart` is not a Helm chart archive, if it is not.
fn chart_problem(chart: &[u8]) -> Option<String> {
    crate::dms::chart::meta(chart).err()
}

fn pod_name(prefix: &str) -> String {
    let letters: String = uuid::Uuid::new_v4()
        .simple()
        .to_string()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .chain("abcde".chars())
        .take(5)
        .collect();
    format!("{prefix}-{letters}")
}

#[async_trait]
impl Deployer for Simulator {
    fn serves(&self, deployment_manager: &str) -> bool {
        self.read()
            .deployment_managers
            .contains_key(deployment_manager)
    }

    async fn apply(&self, release: &Release) -> Result<Progress, BackendError> {
        if let Some(problem) = chart_problem(&release.chart) {
            return Ok(Progress::Failed(problem));
        }
        let mut all = self.releases.0.lock().expect("releases");
        let pods = all.entry(key(release)).or_default();
        pods.retain(|vdu, _| release.vdus.iter().any(|v| &v.vdu_id == vdu));
        let now = Instant::now();
        let mut waiting = 0;
        for vdu in &release.vdus {
            let mine = pods.entry(vdu.vdu_id.clone()).or_default();
            // A new template rolls the VDU: its pods are replaced.
            mine.retain(|p| p.template == vdu.template);
            mine.truncate(vdu.replicas as usize);
            while mine.len() < vdu.replicas as usize {
                mine.push(Pod {
                    vnfc: Vnfc {
                        id: uuid::Uuid::new_v4().to_string(),
                        vdu_id: vdu.vdu_id.clone(),
                        resource_id: pod_name(&vdu.name),
                        kind: "Deployment".into(),
                    },
                    template: vdu.template.clone(),
                    ready_at: now + STARTUP,
                });
            }
            waiting += mine.iter().filter(|p| p.ready_at > now).count();
        }
        if waiting > 0 {
            return Ok(Progress::Pending(format!("{waiting} pod(s) starting")));
        }
        Ok(Progress::Done(
            pods.values().flatten().map(|p| p.vnfc.clone()).collect(),
        ))
    }

    async fn remove(&self, release: &Release) -> Result<Progress, BackendError> {
        self.releases
            .0
            .lock()
            .expect("releases")
            .remove(&key(release));
        Ok(Progress::Done(Vec::new()))
    }

    async fn replace(&self, release: &Release, resource_id: &str) -> Result<(), BackendError> {
        let mut all = self.releases.0.lock().expect("releases");
        let pods = all
            .get_mut(&key(release))
            .ok_or_else(|| BackendError::NotFound {
                kind: "release",
                id: release.name.clone(),
            })?;
        let pod = pods
            .values_mut()
            .flatten()
            .find(|p| p.vnfc.resource_id == resource_id)
            .ok_or_else(|| BackendError::NotFound {
                kind: "pod",
                id: resource_id.to_owned(),
            })?;
        // Its Deployment starts another in its place.
        let prefix = resource_id.rsplit_once('-').map_or(resource_id, |(p, _)| p);
        pod.vnfc.id = uuid::Uuid::new_v4().to_string();
        pod.vnfc.resource_id = pod_name(prefix);
        pod.ready_at = Instant::now() + STARTUP;
        Ok(())
    }
}
