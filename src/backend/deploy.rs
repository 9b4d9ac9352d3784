//! Deploying network functions at the backend boundary (the O2-DMS plugins): a backend whose
//! deployment managers run workloads offers a [`Deployer`]. netweave's lifecycle executor
//! hands it a [`Release`] — a VNF instance's Helm chart, values and replica counts for one
//! deployment manager — and asks it, again and again, to make the release so and report its
//! VNFCs ([`Deployer::apply`]), to take it away ([`Deployer::remove`]), or to replace one
//! VNFC ([`Deployer::replace`]).
//!
//! **The contract that makes a restart safe**: a release is named from the VNF instance
//! (`vnf<id without dashes>`, as Tacker names its Helm releases), and applying the same
//! release twice changes nothing; the deployer reads how far it got from what it deploys to.

use async_trait::async_trait;
use serde_json::{Map, Value};

use super::BackendError;
use crate::dms::lcm::Vnfc;

/// One VDU of a release: its id, the prefix of the workloads that realise it (the VDU's
/// `properties.name`), and how many instances it should have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VduTarget {
    pub vdu_id: String,
    pub name: String,
    pub replicas: u32,
    /// The Helm value that sets its replicas (`helm_value_names.<VDU>.replica`).
    pub replica_value: Option<String>,
    /// What its workload is rendered from (the chart's digest when it was last rolled): a
    /// change rolls its pods (a new package's chart, `change_vnfpkg`).
    pub template: String,
}

/// What to deploy where.
#[derive(Clone, Debug)]
pub struct Release {
    pub deployment_manager: String,
    pub namespace: String,
    /// `vnf<instance id without dashes>`.
    pub name: String,
    /// The chart archive (`.tgz`) out of the VNF package.
    pub chart: Vec<u8>,
    /// The package's chart repository below netweave's `/dms/charts`
    /// (`<package id>/<sha256 of its content>`), where in-cluster controllers fetch the chart.
    pub package: String,
    /// Helm values (`helm_parameters`, dotted keys), the replica values among them.
    pub values: Map<String, Value>,
    pub vdus: Vec<VduTarget>,
}

/// How far a release got.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    /// It is what was asked: its VNFCs (after `remove`: none).
    Done(Vec<Vnfc>),
    /// Still on its way: what it waits for.
    Pending(String),
    /// It cannot become what was asked: the deployer's reason (a broken chart, a workload
    /// that does not start).
    Failed(String),
}

#[async_trait]
pub trait Deployer: Send + Sync {
    /// The deployment managers this deployer deploys to.
    fn serves(&self, deployment_manager: &str) -> bool;

    /// Makes `release` so; Done with its VNFCs once every workload is ready.
    async fn apply(&self, release: &Release) -> Result<Progress, BackendError>;

    /// Removes `release`; Done when nothing of it is left.
    async fn remove(&self, release: &Release) -> Result<Progress, BackendError>;

    /// Deletes the VNFC `resource_id` (its workload recreates it with a new identity).
    async fn replace(&self, release: &Release, resource_id: &str) -> Result<(), BackendError>;
}

/// Tacker's release name for a VNF instance.
pub fn release_name(instance_id: &str) -> String {
    format!("vnf{}", instance_id.replace('-', ""))
}
