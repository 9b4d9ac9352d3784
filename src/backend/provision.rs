//! Provisioning at the backend boundary: a backend that can build infrastructure offers
//! builders (`simulator.pool`, …), each carrying out one kind of template. netweave's
//! provisioning executor hands a builder an [`Order`] and asks it, again and again, to make the
//! order's infrastructure exist and say how far it got ([`Provisioner::apply`]), or to take it
//! away ([`Provisioner::remove`]).
//!
//! **The contract that makes a restart safe**: everything a builder creates is named from the
//! order's request id (and an index where there are several), so applying the same order twice
//! — after a crash, by a new leader, on every pass — finds what exists and creates only what is
//! missing. A builder never keeps the order's progress itself: it reads it from the backend.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::BackendError;

/// What a provisioning request asks of a builder.
#[derive(Clone, Debug)]
pub struct Order {
    /// The SMO's `provisioningRequestId`: the root of every name the builder gives.
    pub request_id: String,
    /// The request's name, for the names of what it builds.
    pub name: String,
    pub builder: String,
    /// The template parameters, checked against the template's schema, defaults filled in.
    pub parameters: Value,
    /// The tenant owning the request: what is built carries its owner label.
    pub tenant: Option<String>,
    /// Seconds since this version of the order began to be carried out.
    pub elapsed: f64,
}

/// The provisioning phase of one built thing (the spec's `ResourceProvisioningPhase`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ItemPhase {
    Processing,
    Provisioned,
    AwaitingFreeResources,
    Failed,
}

/// One thing an order builds: its name, its id in the inventory, its phase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub resource_name: String,
    pub resource_id: String,
    pub resource_provisioning_phase: ItemPhase,
}

/// How far an order got.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// The group the order builds (a node cluster, or the resource pool of a pool template).
    pub group: Item,
    /// The infrastructure resources, by name.
    pub resources: Vec<Item>,
    /// Set when the order cannot be fulfilled: the backend's own reason.
    pub failure: Option<String>,
    /// What is happening, for the request's status message.
    pub message: String,
}

impl Progress {
    /// Everything is built and ready.
    pub fn fulfilled(&self) -> bool {
        self.failure.is_none()
            && self.group.resource_provisioning_phase == ItemPhase::Provisioned
            && self
                .resources
                .iter()
                .all(|r| r.resource_provisioning_phase == ItemPhase::Provisioned)
    }
}

/// A backend's builders.
#[async_trait]
pub trait Provisioner: Send + Sync {
    /// The builders it offers.
    fn builders(&self) -> Vec<String>;

    /// Checks an order before it is accepted (what a schema cannot say: a site that does not
    /// exist): `Invalid` with the parameter's name.
    async fn check(&self, order: &Order) -> Result<(), BackendError>;

    /// Creates what is missing of `order` (idempotent; see the module's contract) and tells
    /// how far it got.
    async fn apply(&self, order: &Order) -> Result<Progress, BackendError>;

    /// Removes what `order` built, as far as it can now; `true` once nothing is left.
    async fn remove(&self, order: &Order) -> Result<bool, BackendError>;
}
