//! Attribute access by O-RAN field reference (`name`, `extensions/country`) on typed objects,
//! without serialising them: the filter engine evaluates thousands of objects per request.

use serde_json::Value;

use super::objects::*;

/// A borrowed view of one attribute value.
#[derive(Debug, Clone)]
pub enum Attr<'a> {
    Str(&'a str),
    Strs(&'a [String]),
    Json(&'a Value),
    Map(&'a Extensions),
    /// A structured value (coordinates, nested resources…) rendered as JSON when compared.
    Owned(Value),
    Missing,
}

impl<'a> Attr<'a> {
    /// Follows the remaining segments of a field reference into nested JSON.
    pub fn descend(self, rest: &[String]) -> Attr<'a> {
        let Some((first, rest)) = rest.split_first() else {
            return self;
        };
        match self {
            Attr::Map(map) => match map.get(first.as_str()) {
                Some(v) => Attr::Json(v).descend(rest),
                None => Attr::Missing,
            },
            Attr::Json(Value::Object(map)) => match map.get(first.as_str()) {
                Some(v) => Attr::Json(v).descend(rest),
                None => Attr::Missing,
            },
            Attr::Owned(Value::Object(mut map)) => match map.remove(first.as_str()) {
                Some(v) => Attr::Owned(v).descend(rest),
                None => Attr::Missing,
            },
            _ => Attr::Missing,
        }
    }
}

/// Objects with a fixed set of top-level fields, which filters and projections may name.
pub trait Fields {
    /// The top-level JSON field names; references to any other name are rejected.
    const FIELDS: &'static [&'static str];
    /// The field holding the object's identifier, always kept by projections.
    const ID_FIELD: &'static str;
}

/// Conversion of a typed field into an [`Attr`].
pub trait AsAttr {
    fn as_attr(&self) -> Attr<'_>;
}

impl AsAttr for String {
    fn as_attr(&self) -> Attr<'_> {
        Attr::Str(self)
    }
}
impl AsAttr for Option<String> {
    fn as_attr(&self) -> Attr<'_> {
        self.as_deref().map_or(Attr::Missing, Attr::Str)
    }
}
impl AsAttr for Vec<String> {
    fn as_attr(&self) -> Attr<'_> {
        Attr::Strs(self)
    }
}
impl AsAttr for Extensions {
    fn as_attr(&self) -> Attr<'_> {
        Attr::Map(self)
    }
}
impl AsAttr for Option<Extensions> {
    fn as_attr(&self) -> Attr<'_> {
        self.as_ref().map_or(Attr::Missing, Attr::Map)
    }
}

macro_rules! serialized_attr {
    ($($ty:ty),*) => {$(
        impl AsAttr for $ty {
            fn as_attr(&self) -> Attr<'_> {
                serde_json::to_value(self).map_or(Attr::Missing, Attr::Owned)
            }
        }
    )*};
}
serialized_attr!(
    ResourceKind,
    ResourceClass,
    Vec<Resource>,
    Vec<AlarmDefinition>,
    Option<Coordinate>,
    Option<Vec<CivicAddressElement>>
);

/// Objects the filter engine can evaluate: attributes by name.
pub trait Attributes {
    fn attribute(&self, name: &str) -> Attr<'_>;

    fn lookup(&self, path: &[String]) -> Attr<'_> {
        match path.split_first() {
            Some((first, rest)) => self.attribute(first).descend(rest),
            None => Attr::Missing,
        }
    }
}

macro_rules! attributes {
    ($ty:ty, id = $id:literal, { $($json:literal => $field:ident),* $(,)? }) => {
        impl Fields for $ty {
            const FIELDS: &'static [&'static str] = &[$($json),*];
            const ID_FIELD: &'static str = $id;
        }
        impl Attributes for $ty {
            fn attribute(&self, name: &str) -> Attr<'_> {
                match name {
                    $($json => self.$field.as_attr(),)*
                    _ => Attr::Missing,
                }
            }
        }
    };
}

attributes!(OCloudInfo, id = "oCloudId", {
    "oCloudId" => o_cloud_id, "globalCloudId" => global_cloud_id, "name" => name,
    "description" => description, "serviceUri" => service_uri, "extensions" => extensions,
});
attributes!(DeploymentManager, id = "deploymentManagerId", {
    "deploymentManagerId" => deployment_manager_id, "name" => name, "description" => description,
    "oCloudId" => o_cloud_id, "serviceUri" => service_uri, "supportedLocations" => supported_locations,
    "capabilities" => capabilities, "capacity" => capacity, "extensions" => extensions,
});
attributes!(ResourceType, id = "resourceTypeId", {
    "resourceTypeId" => resource_type_id, "name" => name, "description" => description,
    "vendor" => vendor, "model" => model, "version" => version,
    "alarmDictionaryId" => alarm_dictionary_id, "resourceKind" => resource_kind,
    "resourceClass" => resource_class, "extensions" => extensions,
});
attributes!(ResourcePool, id = "resourcePoolId", {
    "resourcePoolId" => resource_pool_id, "name" => name, "oCloudSiteId" => o_cloud_site_id,
    "description" => description, "extensions" => extensions,
});
attributes!(Resource, id = "resourceId", {
    "resourceId" => resource_id, "resourcePoolId" => resource_pool_id, "description" => description,
    "resourceTypeId" => resource_type_id, "globalAssetId" => global_asset_id,
    "elements" => elements, "tags" => tags, "groups" => groups, "extensions" => extensions,
});
attributes!(AlarmDictionary, id = "alarmDictionaryId", {
    "alarmDictionaryId" => alarm_dictionary_id, "alarmDictionaryVersion" => alarm_dictionary_version,
    "alarmDictionarySchemaVersion" => alarm_dictionary_schema_version, "entityType" => entity_type,
    "vendor" => vendor, "managementInterfaceId" => management_interface_id,
    "pkNotificationField" => pk_notification_field, "alarmDefinition" => alarm_definition,
});
attributes!(LocationInfo, id = "globalLocationId", {
    "globalLocationId" => global_location_id, "name" => name, "description" => description,
    "oCloudSiteIds" => o_cloud_site_ids, "coordinate" => coordinate,
    "civicAddress" => civic_address, "address" => address, "extensions" => extensions,
});
attributes!(OCloudSiteInfo, id = "oCloudSiteId", {
    "oCloudSiteId" => o_cloud_site_id, "globalLocationId" => global_location_id, "name" => name,
    "description" => description, "resourcePools" => resource_pools, "extensions" => extensions,
});
attributes!(Subscription, id = "subscriptionId", {
    "subscriptionId" => subscription_id, "consumerSubscriptionId" => consumer_subscription_id,
    "filter" => filter, "callback" => callback, "hubId" => hub_id,
});
