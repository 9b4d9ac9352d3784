//! Who publishes the backends' changes when several replicas serve a backend they share (a
//! cluster, a cloud): the lock is chosen by the deployment (a Kubernetes `Lease` when running in
//! a cluster, a Redis lock when replicas share Redis, this replica alone otherwise), whatever
//! the backends are.

use serde::{Deserialize, Serialize};

/// How the publishing replica is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ElectionMode {
    Auto,
    Lease,
    Redis,
    None,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ElectionConfig {
    /// Which replica publishes changes: `auto` (for backends the replicas share, a `Lease` when running in a cluster, else a Redis lock with `redis_url`, else this one; a backend of each process's own, the simulator, has each publish its own), `lease`, `redis` or `none` (every replica publishes what its own backend sees). Default `auto`.
    pub mode: ElectionMode,
    /// Kubeconfig of the cluster holding the `Lease`; empty uses `KUBECONFIG`, `~/.kube/config`, then the in-cluster service account. Default empty.
    pub kubeconfig: String,
    /// Namespace of the leader-election `Lease`. Default `netweave`.
    pub lease_namespace: String,
    /// Name of the leader-election `Lease` (and of the Redis lock). Default `netweave-publisher`.
    pub lease_name: String,
    /// Seconds a leader's lease lasts without renewal; fail-over happens within it. Default `10`.
    pub lease_seconds: u64,
}

impl Default for ElectionConfig {
    fn default() -> Self {
        ElectionConfig {
            mode: ElectionMode::Auto,
            kubeconfig: String::new(),
            lease_namespace: "netweave".into(),
            lease_name: "netweave-publisher".into(),
            lease_seconds: 10,
        }
    }
}
