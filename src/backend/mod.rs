//! Backends: where the O-Cloud inventory comes from. The boundary, for whoever adds one:
//!
//! **A backend provides** ([`Backend`]): lists and gets of each [`Kind`] (the O2-IMS objects of
//! `domain::objects`, ids stable across restarts and replicas), its health (ready once
//! connected and synchronised), a change feed with every change's prior and post state
//! ([`Feed`]: in order, from its creation, never dropped), optionally a generation that moves
//! with anything it answers (so pages can be reused), the alarm conditions it can vouch for
//! (level-checked, `alarms::conditions`), optionally pool and resource writes (netweave
//! extensions, gated by [`Capabilities`]), and optionally builders that carry out provisioning
//! requests ([`provision::Provisioner`]). Errors are [`BackendError`]s: `Unavailable` for a
//! transient failure (the last view is kept; nothing is published as deleted), `NotFound`,
//! `Invalid`, `Conflict` and `Unsupported` for answers.
//!
//! **A backend gets** ([`registry::Context`]): the O-Cloud id, the data directory, its instance
//! name when routed beside others, the shutdown token, and its own configuration section. The
//! rest is the process's: the event pump turns its feed into events (diffed against the
//! published state after a restart), the elected publisher alone publishes, the router merges
//! it with other backends, and the services serve it over REST and gRPC.
//!
//! **A new kind is one room**: `backend/<kind>/` with its settings section, flags, constructor
//! (a [`registry::Kind`]), fake and tests, registered in [`registry`] and nowhere else.

pub mod cache;
pub mod deferred;
pub mod deploy;
pub mod feed;
pub mod kube;
pub mod openstack;
pub mod provision;
pub mod registry;
pub mod router;
pub mod simulator;
pub mod versioned;

use std::sync::Arc;

use async_trait::async_trait;
use serde::Serialize;

pub use crate::domain::inventory::{InventoryObject, Kind, Object};
use crate::domain::{objects::*, ListQuery, Page};
pub use feed::{ChangeReceiver, ChangeSender, Durable, Feed, FeedItem, View, FEED_CAPACITY};

/// What a backend can do beyond reading.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Capabilities {
    pub resource_pool_write: bool,
    pub resource_write: bool,
}

/// Identity of a backend instance.
#[derive(Clone, Debug, Serialize)]
pub struct BackendInfo {
    pub name: String,
    pub version: String,
    pub capabilities: Capabilities,
}

#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error("{kind} '{id}' not found")]
    NotFound { kind: &'static str, id: String },
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Conflict(String),
    #[error("backend '{backend}' does not support {operation}")]
    Unsupported {
        backend: String,
        operation: &'static str,
    },
    #[error("backend unavailable: {0}")]
    Unavailable(String),
}

/// One change of the inventory, with the object before and after it.
#[derive(Clone, Debug)]
pub struct InventoryChange {
    /// The backend instance (set by the router; empty for a lone backend).
    pub instance: String,
    pub kind: Kind,
    pub id: String,
    /// `None` for a creation.
    pub prior: Option<Object>,
    /// `None` for a deletion.
    pub post: Option<Object>,
    /// Told when the change's event is durable in the log (see [`ChangeSender::flush_durable`]).
    pub durable: Option<Durable>,
}

/// Where to list: `parent` is the resource pool for [`Kind::Resource`].
#[derive(Clone, Copy, Debug)]
pub struct Scope<'a> {
    pub kind: Kind,
    pub parent: Option<&'a str>,
}

#[async_trait]
pub trait Backend: Send + Sync + 'static {
    fn info(&self) -> BackendInfo;

    /// Ready to serve: connected and synchronised.
    async fn health(&self) -> Result<(), BackendError>;

    /// Something an operator should know while the backend still serves (a cloud not
    /// answering, its last view served): `/readyz` shows it.
    fn detail(&self) -> Option<String> {
        None
    }

    async fn list(&self, scope: Scope<'_>, query: &ListQuery)
        -> Result<Page<Object>, BackendError>;

    async fn get(&self, scope: Scope<'_>, id: &str) -> Result<Object, BackendError>;

    /// The change feed, in the order changes happened, queued from the backend's creation so
    /// that none is lost before the event pump starts or while it waits on the log (bounded:
    /// the backend pauses when it is full). The first caller (the pump) takes it; later
    /// callers get `None`.
    fn take_changes(&self) -> Option<ChangeReceiver>;

    /// Changes whenever anything `list` or `get` could answer changes, objects and warnings
    /// alike; `None` when the backend cannot tell (then nothing it answers is reused).
    fn generation(&self) -> Option<u64> {
        None
    }

    /// The alarm conditions this backend sees now, one set per source it can vouch for (see
    /// [`crate::alarms::conditions`]); none while it cannot tell.
    fn alarm_conditions(&self) -> Vec<crate::alarms::conditions::ConditionSet> {
        Vec::new()
    }

    async fn create_resource_pool(
        &self,
        _pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        Err(self.unsupported("creating resource pools"))
    }

    async fn update_resource_pool(
        &self,
        _pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        Err(self.unsupported("updating resource pools"))
    }

    async fn delete_resource_pool(&self, _id: &str) -> Result<(), BackendError> {
        Err(self.unsupported("deleting resource pools"))
    }

    async fn create_resource(&self, _resource: Resource) -> Result<Arc<Resource>, BackendError> {
        Err(self.unsupported("creating resources"))
    }

    async fn delete_resource(&self, _pool_id: &str, _id: &str) -> Result<(), BackendError> {
        Err(self.unsupported("deleting resources"))
    }

    /// The builders this backend offers for provisioning requests ([`provision`]); none by
    /// default.
    fn provisioner(&self) -> Option<&dyn provision::Provisioner> {
        None
    }

    /// The DMS plugin that deploys network functions to this backend's deployment managers
    /// ([`deploy`]); none by default.
    fn deployer(&self) -> Option<&dyn deploy::Deployer> {
        None
    }

    fn unsupported(&self, operation: &'static str) -> BackendError {
        BackendError::Unsupported {
            backend: self.info().name,
            operation,
        }
    }
}

pub type BackendRef = Arc<dyn Backend>;
