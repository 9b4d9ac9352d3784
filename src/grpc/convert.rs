//! Conversions between the domain objects (spec JSON shapes) and the protobuf messages, both
//! ways. `extensions`-like maps become `google.protobuf.Struct`.

use prost_types::{value::Kind as PbKind, ListValue, Struct, Value as PbValue};
use serde_json::{Map, Number, Value};

use crate::{domain as d, proto::o2ims::v1 as pb};

pub fn to_struct(map: &Map<String, Value>) -> Struct {
    Struct {
        fields: map
            .iter()
            .map(|(k, v)| (k.clone(), to_pb_value(v)))
            .collect(),
    }
}

fn to_pb_value(v: &Value) -> PbValue {
    let kind = match v {
        Value::Null => PbKind::NullValue(0),
        Value::Bool(b) => PbKind::BoolValue(*b),
        Value::Number(n) => PbKind::NumberValue(n.as_f64().unwrap_or_default()),
        Value::String(s) => PbKind::StringValue(s.clone()),
        Value::Array(a) => PbKind::ListValue(ListValue {
            values: a.iter().map(to_pb_value).collect(),
        }),
        Value::Object(o) => PbKind::StructValue(to_struct(o)),
    };
    PbValue { kind: Some(kind) }
}

pub fn from_struct(s: Option<Struct>) -> Map<String, Value> {
    s.map(|s| {
        s.fields
            .into_iter()
            .map(|(k, v)| (k, from_pb_value(v)))
            .collect()
    })
    .unwrap_or_default()
}

fn from_pb_value(v: PbValue) -> Value {
    match v.kind {
        None | Some(PbKind::NullValue(_)) => Value::Null,
        Some(PbKind::BoolValue(b)) => Value::Bool(b),
        // Protobuf numbers are doubles; whole ones come back as JSON integers.
        Some(PbKind::NumberValue(n)) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
            Value::Number(Number::from(n as i64))
        }
        Some(PbKind::NumberValue(n)) => Number::from_f64(n).map_or(Value::Null, Value::Number),
        Some(PbKind::StringValue(s)) => Value::String(s),
        Some(PbKind::ListValue(l)) => {
            Value::Array(l.values.into_iter().map(from_pb_value).collect())
        }
        Some(PbKind::StructValue(s)) => Value::Object(from_struct(Some(s))),
    }
}

pub(super) fn opt(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn kind_to_pb(k: d::ResourceKind) -> pb::ResourceKind {
    match k {
        d::ResourceKind::Undefined => pb::ResourceKind::Undefined,
        d::ResourceKind::Physical => pb::ResourceKind::Physical,
        d::ResourceKind::Logical => pb::ResourceKind::Logical,
    }
}

fn kind_from_pb(k: i32) -> d::ResourceKind {
    match pb::ResourceKind::try_from(k).unwrap_or_default() {
        pb::ResourceKind::Physical => d::ResourceKind::Physical,
        pb::ResourceKind::Logical => d::ResourceKind::Logical,
        _ => d::ResourceKind::Undefined,
    }
}

fn class_to_pb(c: d::ResourceClass) -> pb::ResourceClass {
    match c {
        d::ResourceClass::Undefined => pb::ResourceClass::Undefined,
        d::ResourceClass::Compute => pb::ResourceClass::Compute,
        d::ResourceClass::Networking => pb::ResourceClass::Networking,
        d::ResourceClass::Storage => pb::ResourceClass::Storage,
    }
}

fn class_from_pb(c: i32) -> d::ResourceClass {
    match pb::ResourceClass::try_from(c).unwrap_or_default() {
        pb::ResourceClass::Compute => d::ResourceClass::Compute,
        pb::ResourceClass::Networking => d::ResourceClass::Networking,
        pb::ResourceClass::Storage => d::ResourceClass::Storage,
        _ => d::ResourceClass::Undefined,
    }
}

fn interfaces_to_pb(list: &[String]) -> Vec<i32> {
    list.iter()
        .map(|_| pb::ManagementInterface::O2ims as i32)
        .collect()
}

fn interfaces_from_pb(list: &[i32]) -> Vec<String> {
    list.iter().map(|_| d::O2IMS_INTERFACE.to_owned()).collect()
}

impl From<&d::OCloudInfo> for pb::OCloudInfo {
    fn from(o: &d::OCloudInfo) -> Self {
        pb::OCloudInfo {
            o_cloud_id: o.o_cloud_id.clone(),
            global_cloud_id: o.global_cloud_id.clone(),
            name: o.name.clone(),
            description: o.description.clone(),
            service_uri: o.service_uri.clone(),
            extensions: Some(to_struct(&o.extensions)),
        }
    }
}

impl From<pb::OCloudInfo> for d::OCloudInfo {
    fn from(o: pb::OCloudInfo) -> Self {
        d::OCloudInfo {
            o_cloud_id: o.o_cloud_id,
            global_cloud_id: o.global_cloud_id,
            name: o.name,
            description: o.description,
            service_uri: o.service_uri,
            extensions: from_struct(o.extensions),
        }
    }
}

impl From<&d::ApiVersions> for pb::ApiVersions {
    fn from(v: &d::ApiVersions) -> Self {
        pb::ApiVersions {
            uri_prefix: v.uri_prefix.clone(),
            api_versions: v
                .api_versions
                .iter()
                .map(|a| pb::ApiVersion {
                    version: a.version.clone(),
                    is_deprecated: a.is_deprecated,
                    retirement_date: a.retirement_date.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

impl From<&d::DeploymentManager> for pb::DeploymentManager {
    fn from(o: &d::DeploymentManager) -> Self {
        pb::DeploymentManager {
            deployment_manager_id: o.deployment_manager_id.clone(),
            name: o.name.clone(),
            description: o.description.clone(),
            o_cloud_id: o.o_cloud_id.clone(),
            service_uri: o.service_uri.clone(),
            supported_locations: o.supported_locations.clone(),
            capabilities: Some(to_struct(&o.capabilities)),
            capacity: Some(to_struct(&o.capacity)),
            extensions: Some(to_struct(&o.extensions)),
        }
    }
}

impl From<pb::DeploymentManager> for d::DeploymentManager {
    fn from(o: pb::DeploymentManager) -> Self {
        d::DeploymentManager {
            deployment_manager_id: o.deployment_manager_id,
            name: o.name,
            description: o.description,
            o_cloud_id: o.o_cloud_id,
            service_uri: o.service_uri,
            supported_locations: o.supported_locations,
            capabilities: from_struct(o.capabilities),
            capacity: from_struct(o.capacity),
            extensions: from_struct(o.extensions),
        }
    }
}

impl From<&d::ResourceType> for pb::ResourceType {
    fn from(o: &d::ResourceType) -> Self {
        pb::ResourceType {
            resource_type_id: o.resource_type_id.clone(),
            name: o.name.clone(),
            description: o.description.clone(),
            vendor: o.vendor.clone(),
            model: o.model.clone(),
            version: o.version.clone(),
            alarm_dictionary_id: o.alarm_dictionary_id.clone().unwrap_or_default(),
            resource_kind: kind_to_pb(o.resource_kind) as i32,
            resource_class: class_to_pb(o.resource_class) as i32,
            extensions: Some(to_struct(&o.extensions)),
        }
    }
}

impl From<pb::ResourceType> for d::ResourceType {
    fn from(o: pb::ResourceType) -> Self {
        d::ResourceType {
            resource_type_id: o.resource_type_id,
            name: o.name,
            description: o.description,
            vendor: o.vendor,
            model: o.model,
            version: o.version,
            alarm_dictionary_id: opt(o.alarm_dictionary_id),
            resource_kind: kind_from_pb(o.resource_kind),
            resource_class: class_from_pb(o.resource_class),
            extensions: from_struct(o.extensions),
        }
    }
}

impl From<&d::ResourcePool> for pb::ResourcePool {
    fn from(o: &d::ResourcePool) -> Self {
        pb::ResourcePool {
            resource_pool_id: o.resource_pool_id.clone(),
            name: o.name.clone(),
            o_cloud_site_id: o.o_cloud_site_id.clone(),
            description: o.description.clone(),
            extensions: Some(to_struct(&o.extensions)),
        }
    }
}

impl From<pb::ResourcePool> for d::ResourcePool {
    fn from(o: pb::ResourcePool) -> Self {
        d::ResourcePool {
            resource_pool_id: o.resource_pool_id,
            name: o.name,
            o_cloud_site_id: o.o_cloud_site_id,
            description: o.description,
            extensions: from_struct(o.extensions),
        }
    }
}

impl From<&d::Resource> for pb::Resource {
    fn from(o: &d::Resource) -> Self {
        pb::Resource {
            resource_id: o.resource_id.clone(),
            resource_pool_id: o.resource_pool_id.clone(),
            description: o.description.clone(),
            resource_type_id: o.resource_type_id.clone(),
            global_asset_id: o.global_asset_id.clone(),
            elements: o.elements.iter().map(pb::Resource::from).collect(),
            tags: o.tags.clone(),
            groups: o.groups.clone(),
            extensions: Some(to_struct(&o.extensions)),
        }
    }
}

impl From<pb::Resource> for d::Resource {
    fn from(o: pb::Resource) -> Self {
        d::Resource {
            resource_id: o.resource_id,
            resource_pool_id: o.resource_pool_id,
            description: o.description,
            resource_type_id: o.resource_type_id,
            global_asset_id: o.global_asset_id,
            elements: o.elements.into_iter().map(d::Resource::from).collect(),
            tags: o.tags,
            groups: o.groups,
            extensions: from_struct(o.extensions),
        }
    }
}

impl From<&d::AlarmDefinition> for pb::AlarmDefinition {
    fn from(o: &d::AlarmDefinition) -> Self {
        pb::AlarmDefinition {
            alarm_definition_id: o.alarm_definition_id.clone(),
            alarm_name: o.alarm_name.clone(),
            alarm_last_change: o.alarm_last_change.clone(),
            alarm_change_type: match o.alarm_change_type {
                d::AlarmChangeType::Added => pb::AlarmChangeType::Added,
                d::AlarmChangeType::Deleted => pb::AlarmChangeType::Deleted,
                d::AlarmChangeType::Modified => pb::AlarmChangeType::Modified,
            } as i32,
            alarm_description: o.alarm_description.clone(),
            proposed_repair_actions: o.proposed_repair_actions.clone(),
            clearing_type: match o.clearing_type {
                d::ClearingType::Automatic => pb::ClearingType::Automatic,
                d::ClearingType::Manual => pb::ClearingType::Manual,
            } as i32,
            management_interface_id: interfaces_to_pb(&o.management_interface_id),
            pk_notification_field: o.pk_notification_field.clone(),
            alarm_additional_fields: o.alarm_additional_fields.as_ref().map(to_struct),
        }
    }
}

impl From<pb::AlarmDefinition> for d::AlarmDefinition {
    fn from(o: pb::AlarmDefinition) -> Self {
        d::AlarmDefinition {
            alarm_definition_id: o.alarm_definition_id,
            alarm_name: o.alarm_name,
            alarm_last_change: o.alarm_last_change,
            alarm_change_type: match pb::AlarmChangeType::try_from(o.alarm_change_type)
                .unwrap_or_default()
            {
                pb::AlarmChangeType::Deleted => d::AlarmChangeType::Deleted,
                pb::AlarmChangeType::Modified => d::AlarmChangeType::Modified,
                _ => d::AlarmChangeType::Added,
            },
            alarm_description: o.alarm_description,
            proposed_repair_actions: o.proposed_repair_actions,
            clearing_type: match pb::ClearingType::try_from(o.clearing_type).unwrap_or_default() {
                pb::ClearingType::Manual => d::ClearingType::Manual,
                _ => d::ClearingType::Automatic,
            },
            management_interface_id: interfaces_from_pb(&o.management_interface_id),
            pk_notification_field: o.pk_notification_field,
            alarm_additional_fields: o.alarm_additional_fields.map(|s| from_struct(Some(s))),
        }
    }
}

impl From<&d::AlarmDictionary> for pb::AlarmDictionary {
    fn from(o: &d::AlarmDictionary) -> Self {
        pb::AlarmDictionary {
            alarm_dictionary_id: o.alarm_dictionary_id.clone(),
            alarm_dictionary_version: o.alarm_dictionary_version.clone(),
            alarm_dictionary_schema_version: o.alarm_dictionary_schema_version.clone(),
            entity_type: o.entity_type.clone(),
            vendor: o.vendor.clone(),
            management_interface_id: interfaces_to_pb(&o.management_interface_id),
            pk_notification_field: o.pk_notification_field.clone(),
            alarm_definition: o.alarm_definition.iter().map(Into::into).collect(),
        }
    }
}

impl From<pb::AlarmDictionary> for d::AlarmDictionary {
    fn from(o: pb::AlarmDictionary) -> Self {
        d::AlarmDictionary {
            alarm_dictionary_id: o.alarm_dictionary_id,
            alarm_dictionary_version: o.alarm_dictionary_version,
            alarm_dictionary_schema_version: o.alarm_dictionary_schema_version,
            entity_type: o.entity_type,
            vendor: o.vendor,
            management_interface_id: interfaces_from_pb(&o.management_interface_id),
            pk_notification_field: o.pk_notification_field,
            alarm_definition: o.alarm_definition.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<&d::LocationInfo> for pb::LocationInfo {
    fn from(o: &d::LocationInfo) -> Self {
        pb::LocationInfo {
            global_location_id: o.global_location_id.clone(),
            name: o.name.clone(),
            description: o.description.clone(),
            o_cloud_site_ids: o.o_cloud_site_ids.clone(),
            coordinate: o.coordinate.as_ref().map(|c| pb::Coordinate {
                r#type: c.kind.clone(),
                coordinates: c.coordinates.clone(),
            }),
            civic_address: o
                .civic_address
                .iter()
                .flatten()
                .map(|e| pb::CivicAddressElement {
                    ca_type: e.ca_type,
                    ca_value: e.ca_value.clone(),
                })
                .collect(),
            address: o.address.clone().unwrap_or_default(),
            extensions: Some(to_struct(&o.extensions)),
        }
    }
}

impl From<pb::LocationInfo> for d::LocationInfo {
    fn from(o: pb::LocationInfo) -> Self {
        d::LocationInfo {
            global_location_id: o.global_location_id,
            name: o.name,
            description: o.description,
            o_cloud_site_ids: o.o_cloud_site_ids,
            coordinate: o.coordinate.map(|c| d::Coordinate {
                kind: c.r#type,
                coordinates: c.coordinates,
            }),
            civic_address: (!o.civic_address.is_empty()).then(|| {
                o.civic_address
                    .into_iter()
                    .map(|e| d::CivicAddressElement {
                        ca_type: e.ca_type,
                        ca_value: e.ca_value,
                    })
                    .collect()
            }),
            address: opt(o.address),
            extensions: from_struct(o.extensions),
        }
    }
}

impl From<&d::OCloudSiteInfo> for pb::OCloudSiteInfo {
    fn from(o: &d::OCloudSiteInfo) -> Self {
        pb::OCloudSiteInfo {
            o_cloud_site_id: o.o_cloud_site_id.clone(),
            global_location_id: o.global_location_id.clone(),
            name: o.name.clone(),
            description: o.description.clone(),
            resource_pools: o.resource_pools.clone(),
            extensions: Some(to_struct(&o.extensions)),
        }
    }
}

impl From<pb::OCloudSiteInfo> for d::OCloudSiteInfo {
    fn from(o: pb::OCloudSiteInfo) -> Self {
        d::OCloudSiteInfo {
            o_cloud_site_id: o.o_cloud_site_id,
            global_location_id: o.global_location_id,
            name: o.name,
            description: o.description,
            resource_pools: o.resource_pools,
            extensions: from_struct(o.extensions),
        }
    }
}

impl From<&d::Subscription> for pb::Subscription {
    fn from(o: &d::Subscription) -> Self {
        pb::Subscription {
            subscription_id: o.subscription_id.clone(),
            consumer_subscription_id: o.consumer_subscription_id.clone().unwrap_or_default(),
            filter: o.filter.clone().unwrap_or_default(),
            callback: o.callback.clone(),
            webhook_secret: o.webhook_secret.clone().unwrap_or_default(),
            hub_id: o.hub_id.clone().unwrap_or_default(),
        }
    }
}

impl From<pb::Subscription> for d::Subscription {
    fn from(o: pb::Subscription) -> Self {
        d::Subscription {
            subscription_id: o.subscription_id,
            consumer_subscription_id: opt(o.consumer_subscription_id),
            filter: opt(o.filter),
            callback: o.callback,
            webhook_secret: opt(o.webhook_secret),
            hub_id: opt(o.hub_id),
            inf_filter: false,
            tenant: None,
            alarm: false,
            lcm: None,
        }
    }
}
