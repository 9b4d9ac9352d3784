//! Backends: where the O-Cloud inventory comes from. A backend lists and gets objects of each
//! kind, optionally writes pools and resources (netweave extensions, gated by capabilities),
//! reports its health, and hands every change with its prior and post state to the event pump.

pub mod cache;
pub mod deferred;
pub mod feed;
pub mod kube;
pub mod router;
pub mod simulator;
pub mod versioned;

use std::sync::Arc;

use async_trait::async_trait;
use serde::Serialize;

use crate::domain::{objects::*, Attributes, Fields, ListQuery, Page};
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

/// The kinds of inventory object a backend serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Kind {
    DeploymentManager,
    ResourceType,
    ResourcePool,
    Resource,
    AlarmDictionary,
    Location,
    OCloudSite,
}

impl Kind {
    /// Dependency order: an object refers only to kinds before its own (a resource to its
    /// pool and type, a pool to its site and location), and the deployment manager sums them
    /// all. Creations go in this order, deletions in reverse.
    pub const ORDER: [Kind; 7] = [
        Kind::Location,
        Kind::OCloudSite,
        Kind::ResourceType,
        Kind::AlarmDictionary,
        Kind::ResourcePool,
        Kind::Resource,
        Kind::DeploymentManager,
    ];

    /// The kind's place in [`Kind::ORDER`].
    pub fn rank(self) -> usize {
        Kind::ORDER.iter().position(|k| *k == self).unwrap_or(0)
    }

    /// The name used in messages ("resource pool 'x' not found").
    pub fn label(self) -> &'static str {
        match self {
            Kind::DeploymentManager => "deployment manager",
            Kind::ResourceType => "resource type",
            Kind::ResourcePool => "resource pool",
            Kind::Resource => "resource",
            Kind::AlarmDictionary => "alarm dictionary",
            Kind::Location => "location",
            Kind::OCloudSite => "O-Cloud site",
        }
    }
}

/// Any inventory object, shared.
#[derive(Clone, Debug, PartialEq)]
pub enum Object {
    DeploymentManager(Arc<DeploymentManager>),
    ResourceType(Arc<ResourceType>),
    ResourcePool(Arc<ResourcePool>),
    Resource(Arc<Resource>),
    AlarmDictionary(Arc<AlarmDictionary>),
    Location(Arc<LocationInfo>),
    OCloudSite(Arc<OCloudSiteInfo>),
}

/// A typed inventory object: how it is wrapped into and taken out of [`Object`].
pub trait InventoryObject: Attributes + Fields + Serialize + Send + Sync + 'static {
    const KIND: Kind;
    fn wrap(this: Arc<Self>) -> Object;
    fn unwrap(object: Object) -> Option<Arc<Self>>;
}

macro_rules! inventory_objects {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        $(impl InventoryObject for $ty {
            const KIND: Kind = Kind::$variant;
            fn wrap(this: Arc<Self>) -> Object {
                Object::$variant(this)
            }
            fn unwrap(object: Object) -> Option<Arc<Self>> {
                match object {
                    Object::$variant(o) => Some(o),
                    _ => None,
                }
            }
        })*

        impl Object {
            pub fn kind(&self) -> Kind {
                match self { $(Object::$variant(_) => Kind::$variant,)* }
            }
            /// The object as the REST API shows it.
            pub fn to_json(&self) -> serde_json::Value {
                match self { $(Object::$variant(o) => serde_json::to_value(o.as_ref()),)* }
                    .unwrap_or_default()
            }
            /// The object's identifier (its kind's `ID_FIELD`), without serialising it.
            pub fn id(&self) -> &str {
                match self.attribute(match self { $(Object::$variant(_) => <$ty as Fields>::ID_FIELD,)* }) {
                    crate::domain::attributes::Attr::Str(id) => id,
                    _ => "",
                }
            }
        }

        /// An object serialises as the REST API shows it.
        impl Serialize for Object {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self { $(Object::$variant(o) => o.serialize(serializer),)* }
            }
        }

        /// Filters over objects of any kind.
        impl Attributes for Object {
            fn attribute(&self, name: &str) -> crate::domain::attributes::Attr<'_> {
                match self { $(Object::$variant(o) => o.attribute(name),)* }
            }
        }
    };
}

inventory_objects!(
    DeploymentManager(DeploymentManager),
    ResourceType(ResourceType),
    ResourcePool(ResourcePool),
    Resource(Resource),
    AlarmDictionary(AlarmDictionary),
    Location(LocationInfo),
    OCloudSite(OCloudSiteInfo),
);

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

    fn unsupported(&self, operation: &'static str) -> BackendError {
        BackendError::Unsupported {
            backend: self.info().name,
            operation,
        }
    }
}

pub type BackendRef = Arc<dyn Backend>;
