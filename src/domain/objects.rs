//! O2-IMS inventory objects with the JSON names of the O-RAN O2ims Interface Specification v11.
//! These are the REST bodies as the spec shapes them; the gRPC adapter converts them to protos.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Free-form key/value metadata (`extensions`, `capabilities`, `capacity`).
pub type Extensions = Map<String, Value>;

/// Details of the O-Cloud instance (`OCloudInfo`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OCloudInfo {
    pub o_cloud_id: String,
    pub global_cloud_id: String,
    pub name: String,
    pub description: String,
    pub service_uri: String,
    pub extensions: Extensions,
}

/// One API version (`APIVersion`), with its lifecycle (ETSI NFV-SOL 013 names) when it is
/// deprecated.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiVersion {
    pub version: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_deprecated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retirement_date: Option<String>,
}

/// The versions of an API (`APIVersions`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ApiVersions {
    pub uri_prefix: String,
    pub api_versions: Vec<ApiVersion>,
}

/// A deployment manager (`DeploymentManager`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeploymentManager {
    pub deployment_manager_id: String,
    pub name: String,
    pub description: String,
    pub o_cloud_id: String,
    pub service_uri: String,
    pub supported_locations: Vec<String>,
    pub capabilities: Extensions,
    pub capacity: Extensions,
    pub extensions: Extensions,
}

/// Physicality of a resource type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ResourceKind {
    #[default]
    Undefined,
    Physical,
    Logical,
}

/// Functional role of a resource type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ResourceClass {
    #[default]
    Undefined,
    Compute,
    Networking,
    Storage,
}

/// A resource type (`ResourceType`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResourceType {
    pub resource_type_id: String,
    pub name: String,
    pub description: String,
    pub vendor: String,
    pub model: String,
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alarm_dictionary_id: Option<String>,
    pub resource_kind: ResourceKind,
    pub resource_class: ResourceClass,
    pub extensions: Extensions,
}

/// A resource pool (`ResourcePool`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResourcePool {
    pub resource_pool_id: String,
    pub name: String,
    pub o_cloud_site_id: String,
    pub description: String,
    pub extensions: Extensions,
}

/// A resource (`Resource`); `elements` nests resources of the same shape.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Resource {
    pub resource_id: String,
    pub resource_pool_id: String,
    pub description: String,
    pub resource_type_id: String,
    pub global_asset_id: String,
    pub elements: Vec<Resource>,
    pub tags: Vec<String>,
    pub groups: Vec<String>,
    pub extensions: Extensions,
}

/// Kind of the last change of an alarm definition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum AlarmChangeType {
    #[default]
    Added,
    Deleted,
    Modified,
}

/// How an alarm is cleared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ClearingType {
    #[default]
    Automatic,
    Manual,
}

/// The only management interface the O-Cloud IMS uses.
pub const O2IMS_INTERFACE: &str = "O2IMS";

/// One alarm of a dictionary (`AlarmDefinition`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AlarmDefinition {
    pub alarm_definition_id: String,
    pub alarm_name: String,
    pub alarm_last_change: String,
    pub alarm_change_type: AlarmChangeType,
    pub alarm_description: String,
    pub proposed_repair_actions: String,
    pub clearing_type: ClearingType,
    pub management_interface_id: Vec<String>,
    pub pk_notification_field: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alarm_additional_fields: Option<Extensions>,
}

/// An alarm dictionary (`AlarmDictionary`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AlarmDictionary {
    pub alarm_dictionary_id: String,
    pub alarm_dictionary_version: String,
    pub alarm_dictionary_schema_version: String,
    pub entity_type: String,
    pub vendor: String,
    pub management_interface_id: Vec<String>,
    pub pk_notification_field: Vec<String>,
    pub alarm_definition: Vec<AlarmDefinition>,
}

/// A GeoJSON Point.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Coordinate {
    #[serde(rename = "type")]
    pub kind: String,
    pub coordinates: Vec<f64>,
}

/// One element of an RFC 4776 civic address.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CivicAddressElement {
    pub ca_type: i32,
    pub ca_value: String,
}

/// A location where O-Cloud sites can be available (`LocationInfo`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LocationInfo {
    pub global_location_id: String,
    pub name: String,
    pub description: String,
    pub o_cloud_site_ids: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinate: Option<Coordinate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub civic_address: Option<Vec<CivicAddressElement>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    pub extensions: Extensions,
}

/// An O-Cloud site (`OCloudSiteInfo`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OCloudSiteInfo {
    pub o_cloud_site_id: String,
    pub global_location_id: String,
    pub name: String,
    pub description: String,
    pub resource_pools: Vec<String>,
    pub extensions: Extensions,
}

/// An inventory subscription (`Subscription`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Subscription {
    pub subscription_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumer_subscription_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    pub callback: String,
    /// netweave extension: this subscription's own Standard Webhooks secret (`whsec_…`), used
    /// instead of the server's. Write-only: the API never returns it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_secret: Option<String>,
    /// netweave extension: the TMF688 hub this subscription delivers for. Read-only: set when
    /// a hub is registered; such a subscription receives TMF events selected by the hub query.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hub_id: Option<String>,
    /// Internal: the filter is in INF O2's grammar (`[group|group]`, `objectType`), as a
    /// `/v1` subscription's is. Stored, never shown.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inf_filter: bool,
    /// Internal: the tenant that owns the subscription (`None`: created by a caller confined
    /// to no tenant). Set from the caller, never from the body; stored, never shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    /// Internal: an alarm subscription (`AlarmSubscriptionInfo`): it receives alarm
    /// notifications, its `filter` names the one kind not to send, and its callback is unique
    /// among alarm subscriptions (apart from inventory ones). Stored, never shown.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub alarm: bool,
    /// Internal: a VNF lifecycle subscription (SOL003 `LccnSubscription`, `/vnflcm/v2`): it
    /// receives the lifecycle notifications its filter selects, and nothing else. Shown only
    /// by the lifecycle API, its authentication never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lcm: Option<Box<LcmSubscription>>,
}

/// What a lifecycle subscription adds to a subscription, as its request gave it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LcmSubscription {
    /// `LifecycleChangeNotificationsFilter` (checked when created).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<serde_json::Value>,
    /// `FULL` or `SHORT`.
    pub verbosity: String,
    /// `SubscriptionAuthentication` (checked when created); never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication: Option<serde_json::Value>,
}

impl Subscription {
    /// The subscription as the API shows it: without its secret or internal marks.
    pub fn redacted(mut self) -> Subscription {
        self.webhook_secret = None;
        self.inf_filter = false;
        self.tenant = None;
        self.alarm = false;
        self.lcm = None;
        self
    }

    /// Its key in the callback index: callbacks are unique per kind of subscription (a URL
    /// holds no space, so the two never collide).
    pub fn callback_key(&self) -> String {
        if self.lcm.is_some() {
            // Lifecycle subscriptions may share a callback (SOL003 lets the VNFM allow it).
            format!("vnflcm {} {}", self.subscription_id, self.callback)
        } else if self.alarm {
            format!("alarm {}", self.callback)
        } else {
            self.callback.clone()
        }
    }
}
