//! The inventory's shared vocabulary: the kinds of object, any object as one value, and how a
//! typed object is wrapped into it. Backends produce them, events carry them, services serve
//! them.

use std::sync::Arc;

use serde::Serialize;

use super::{objects::*, Attributes, Fields};

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
                    super::attributes::Attr::Str(id) => id,
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
            fn attribute(&self, name: &str) -> super::attributes::Attr<'_> {
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
