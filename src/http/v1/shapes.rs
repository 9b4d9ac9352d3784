//! The `/v1` objects as INF O2 shapes them, derived from the same domain objects `/v2` serves
//! (no second copy of the inventory). Each shape carries every attribute of its INF model,
//! `null` where INF has nothing to say; the selection (`mask.rs`) then keeps what was asked.

use std::{collections::HashMap, sync::Arc};

use serde_json::{json, Map, Value};

use super::model::names;
use crate::{
    backend::InventoryObject,
    domain::{attributes::Attr, objects::*, Attributes},
    error::ApiResult,
    service::{InventoryService, ListParams},
};

/// The one deployment manager profile netweave serves (INF O2's default): the Kubernetes API
/// endpoint and CA, and — to a caller allowed to hold it — the SMO access credential the
/// operator configured (`admin_user`, `admin_client_cert`, `admin_client_key`), never
/// netweave's own.
pub const PROFILE: &str = "native_k8sapi";

/// What shapes read beside the object itself: the O-Cloud, and the sites, locations and alarm
/// dictionaries objects refer to.
#[derive(Default)]
pub struct Context {
    cloud: Arc<OCloudInfo>,
    sites: HashMap<String, Arc<OCloudSiteInfo>>,
    locations: HashMap<String, Arc<LocationInfo>>,
    dictionaries: HashMap<String, Arc<AlarmDictionary>>,
}

/// Which related collections a shape reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    Places,
    Dictionaries,
}

impl Context {
    pub async fn load(inventory: &InventoryService, needs: Needs) -> ApiResult<Context> {
        let mut context = Context {
            cloud: inventory.cloud_info(),
            ..Context::default()
        };
        let all = ListParams::default();
        match needs {
            Needs::Nothing => {}
            Needs::Places => {
                let sites = inventory.list::<OCloudSiteInfo>(None, None, &all).await?;
                context.sites = by_id(sites.items, |s| &s.o_cloud_site_id);
                let locations = inventory.list::<LocationInfo>(None, None, &all).await?;
                context.locations = by_id(locations.items, |l| &l.global_location_id);
            }
            Needs::Dictionaries => {
                let dictionaries = inventory.list::<AlarmDictionary>(None, None, &all).await?;
                context.dictionaries = by_id(dictionaries.items, |d| &d.alarm_dictionary_id);
            }
        }
        Ok(context)
    }
}

fn by_id<T>(items: Arc<[Arc<T>]>, id: impl Fn(&T) -> &String) -> HashMap<String, Arc<T>> {
    items
        .iter()
        .map(|i| (id(i).clone(), Arc::clone(i)))
        .collect()
}

/// A domain object with an INF `/v1` shape.
pub trait Shaped: InventoryObject {
    /// The INF model of a list item and of a single GET.
    const LIST_MODEL: &'static str;
    const GET_MODEL: &'static str;
    const NEEDS: Needs;
    /// The INF object; `single` for a GET of this one object.
    fn shape(&self, context: &Context, single: bool) -> Map<String, Value>;
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn text_or_null(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else {
        json!(s)
    }
}

/// INF's `OcloudDto`, with the legacy `globalcloudId` duplicate INF-era SMOs read.
pub fn cloud(cloud: &OCloudInfo) -> Map<String, Value> {
    object(json!({
        "oCloudId": cloud.o_cloud_id,
        "globalCloudId": cloud.global_cloud_id,
        "globalcloudId": cloud.global_cloud_id,
        "name": cloud.name,
        "description": cloud.description,
        "serviceUri": cloud.service_uri,
        "extensions": cloud.extensions,
    }))
}

impl Shaped for ResourcePool {
    const LIST_MODEL: &'static str = names::POOL;
    const GET_MODEL: &'static str = names::POOL;
    const NEEDS: Needs = Needs::Places;

    /// `globalLocationId` and `location` come from the pool's site and the site's location.
    fn shape(&self, context: &Context, _: bool) -> Map<String, Value> {
        let site = context.sites.get(&self.o_cloud_site_id);
        let location_id = site.map(|s| s.global_location_id.as_str()).unwrap_or("");
        let location = context.locations.get(location_id).map(|l| {
            l.address
                .clone()
                .filter(|a| !a.is_empty())
                .unwrap_or_else(|| l.name.clone())
        });
        object(json!({
            "resourcePoolId": self.resource_pool_id,
            "globalLocationId": text_or_null(location_id),
            "name": self.name,
            "description": self.description,
            "oCloudId": context.cloud.o_cloud_id,
            "location": location,
            "extensions": self.extensions,
        }))
    }
}

/// INF's `AlarmDefinitionDto`: `alarmAdditionalFields` is `null` when there are none.
fn definition(d: &AlarmDefinition) -> Value {
    let mut value = serde_json::to_value(d).unwrap_or_default();
    value["alarmAdditionalFields"] = match &d.alarm_additional_fields {
        Some(fields) if !fields.is_empty() => Value::Object(fields.clone()),
        _ => Value::Null,
    };
    value
}

/// INF's `AlarmDictionaryDto`.
pub fn dictionary(d: &AlarmDictionary) -> Value {
    json!({
        "id": d.alarm_dictionary_id,
        "alarmDictionaryVersion": d.alarm_dictionary_version,
        "alarmDictionarySchemaVersion": d.alarm_dictionary_schema_version,
        "entityType": d.entity_type,
        "vendor": d.vendor,
        "managementInterfaceId": d.management_interface_id,
        "pkNotificationField": d.pk_notification_field,
        "alarmDefinition": d.alarm_definition.iter().map(definition).collect::<Vec<_>>(),
    })
}

impl Shaped for ResourceType {
    const LIST_MODEL: &'static str = names::TYPE;
    const GET_MODEL: &'static str = names::TYPE;
    const NEEDS: Needs = Needs::Dictionaries;

    /// The alarm dictionary is embedded, as INF does (`/v2` names it by id).
    fn shape(&self, context: &Context, _: bool) -> Map<String, Value> {
        let dictionary = self
            .alarm_dictionary_id
            .as_ref()
            .and_then(|id| context.dictionaries.get(id))
            .map(|d| dictionary(d));
        object(json!({
            "resourceTypeId": self.resource_type_id,
            "name": self.name,
            "description": self.description,
            "vendor": self.vendor,
            "model": self.model,
            "version": self.version,
            "alarmDictionary": dictionary,
            "extensions": self.extensions,
        }))
    }
}

fn resource(r: &Resource, parent: Option<&str>) -> Value {
    let elements: Vec<Value> = r
        .elements
        .iter()
        .map(|e| resource(e, Some(&r.resource_id)))
        .collect();
    json!({
        "resourceId": r.resource_id,
        "resourceTypeId": r.resource_type_id,
        "resourcePoolId": r.resource_pool_id,
        "globalAssetId": r.global_asset_id,
        "parentId": parent,
        "description": r.description,
        "extensions": r.extensions,
        "elements": elements,
    })
}

impl Shaped for Resource {
    const LIST_MODEL: &'static str = names::RESOURCE_LIST;
    const GET_MODEL: &'static str = names::RESOURCE_GET;
    const NEEDS: Needs = Needs::Nothing;

    /// Nested `elements` name their parent in `parentId`; a listed resource has none.
    fn shape(&self, _: &Context, _: bool) -> Map<String, Value> {
        object(resource(self, None))
    }
}

impl Shaped for DeploymentManager {
    const LIST_MODEL: &'static str = names::MANAGER_LIST;
    const GET_MODEL: &'static str = names::MANAGER_GET;
    const NEEDS: Needs = Needs::Nothing;

    /// A list item names the profiles (`profileSupportList`); a GET returns the profile's
    /// data in `extensions` (`profileName`, `profileData` with `cluster_api_endpoint` and what
    /// the manager's own profile data holds) beside the manager's own extensions.
    fn shape(&self, _: &Context, single: bool) -> Map<String, Value> {
        let extensions = if single {
            let mut extensions = self.extensions.clone();
            let mut data = match extensions.remove("profileData") {
                Some(Value::Object(data)) => data,
                _ => Map::new(),
            };
            data.entry("cluster_api_endpoint")
                .or_insert_with(|| json!(self.service_uri));
            extensions.insert("profileName".into(), json!(PROFILE));
            extensions.insert("profileData".into(), Value::Object(data));
            extensions
        } else {
            self.extensions.clone()
        };
        object(json!({
            "deploymentManagerId": self.deployment_manager_id,
            "name": self.name,
            "description": self.description,
            "oCloudId": self.o_cloud_id,
            "serviceUri": self.service_uri,
            "supportedLocations": self.supported_locations,
            "capabilities": self.capabilities,
            "capacity": self.capacity,
            "profileSupportList": [PROFILE],
            "extensions": extensions,
        }))
    }
}

/// INF's `SubscriptionGetDto`: INF stores an absent consumer id or filter as `""`.
pub fn subscription(s: &Subscription) -> Map<String, Value> {
    object(json!({
        "subscriptionId": s.subscription_id,
        "callback": s.callback,
        "consumerSubscriptionId": s.consumer_subscription_id.as_deref().unwrap_or(""),
        "filter": s.filter.as_deref().unwrap_or(""),
    }))
}

/// A shaped object for the filter engine and the keyset pager: `/v1` filters name INF's
/// attributes (`globalLocationId`, `parentId`…), which only the shape has.
pub struct V1Object(pub Map<String, Value>);

impl Attributes for V1Object {
    fn attribute(&self, name: &str) -> Attr<'_> {
        self.0.get(name).map_or(Attr::Missing, Attr::Json)
    }
}
