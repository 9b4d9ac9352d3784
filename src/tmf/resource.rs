//! An O2-IMS object in the TMF639 v4 `Resource` shape. Resources stay `Resource`; every other
//! kind (pools, types, deployment managers, sites…) is a `LogicalResource` whose `category`
//! names the O2-IMS kind. The O2-IMS ids and states travel as `resourceCharacteristic`s, the
//! states also as TMF639's own state enumerations where they map.

use serde_json::{json, Map, Value};

use super::event::state_field;
use crate::{
    backend::Kind,
    events::{model::object_ref, Event},
};

/// The TMF639 `category` of an O2-IMS object kind (`ResourcePool`).
pub fn category(object_kind: &str) -> &str {
    object_kind
}

/// A display name: the object's `name`, else its description, else nothing.
pub fn name(state: &Value) -> String {
    ["name", "description"]
        .iter()
        .filter_map(|f| state.get(*f).and_then(Value::as_str))
        .find(|s| !s.is_empty())
        .unwrap_or_default()
        .to_owned()
}

/// O2-IMS fields rendered as TMF639 attributes rather than characteristics.
const OWN_FIELDS: [&str; 2] = ["name", "description"];

fn tmf_state(state: &Value, field: &str) -> Option<&'static str> {
    let value = state_field(state, field)?.as_str()?;
    Some(match (field, value) {
        ("adminState", "LOCKED") => "locked",
        ("adminState", "UNLOCKED") => "unlocked",
        ("adminState", "SHUTTINGDOWN" | "SHUTTING_DOWN") => "shutdown",
        ("operationalState", "ENABLED") => "enable",
        ("operationalState", "DISABLED") => "disable",
        ("usageState", "IDLE") => "idle",
        ("usageState", "ACTIVE") => "active",
        ("usageState", "BUSY") => "busy",
        _ => return None,
    })
}

/// TMF639 `resourceStatus` from the O2-IMS states: disabled is in alarm, locked is suspended,
/// enabled and unlocked is available.
fn status(operational: Option<&str>, admin: Option<&str>) -> Option<&'static str> {
    match (operational, admin) {
        (Some("disable"), _) => Some("alarm"),
        (_, Some("locked" | "shutdown")) => Some("suspended"),
        (Some("enable"), Some("unlocked")) => Some("available"),
        _ => None,
    }
}

fn value_type(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "string",
        Value::Number(_) => "number",
        Value::Bool(_) => "boolean",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        Value::Null => "null",
    }
}

fn reference(kind: Kind, id: &str, referred: &str) -> Value {
    json!({ "id": id, "href": object_ref(kind, id, None), "@referredType": referred })
}

/// The TMF639 `Resource` of the object an event is about, in its post (or, for a deletion,
/// prior) state.
pub fn render(event: &Event, state: &Value) -> Value {
    let kind = event.object_kind.as_str();
    let mut resource = Map::new();
    resource.insert("id".into(), json!(event.object_id));
    resource.insert("href".into(), json!(event.object_ref));
    resource.insert("name".into(), json!(name(state)));
    if let Some(d) = state.get("description").and_then(Value::as_str) {
        resource.insert("description".into(), json!(d));
    }
    resource.insert("category".into(), json!(category(kind)));
    resource.insert("resourceVersion".into(), json!(event.cursor.to_string()));
    let admin = tmf_state(state, "adminState");
    let operational = tmf_state(state, "operationalState");
    for (field, value) in [
        ("administrativeState", admin),
        ("operationalState", operational),
        ("usageState", tmf_state(state, "usageState")),
        ("resourceStatus", status(operational, admin)),
    ] {
        if let Some(v) = value {
            resource.insert(field.into(), json!(v));
        }
    }
    if let Some(type_id) = state.get("resourceTypeId").and_then(Value::as_str) {
        if kind == "Resource" {
            resource.insert(
                "resourceSpecification".into(),
                reference(Kind::ResourceType, type_id, "ResourceType"),
            );
        }
    }
    if let (Some(pool), "Resource") = (state.get("resourcePoolId").and_then(Value::as_str), kind) {
        resource.insert(
            "resourceRelationship".into(),
            json!([{
                "relationshipType": "isMemberOf",
                "id": pool,
                "href": object_ref(Kind::ResourcePool, pool, None),
                "@type": "ResourceRelationship",
            }]),
        );
    }
    if let Some(site) = state.get("oCloudSiteId").and_then(Value::as_str) {
        let mut place = reference(Kind::OCloudSite, site, "OCloudSite");
        place["role"] = json!("oCloudSite");
        resource.insert("place".into(), place);
    }
    let characteristics: Vec<Value> = state
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| !OWN_FIELDS.contains(&k.as_str()))
        .map(|(k, v)| json!({ "name": k, "valueType": value_type(v), "value": v }))
        .collect();
    resource.insert("resourceCharacteristic".into(), json!(characteristics));
    let (tmf_type, base) = if kind == "Resource" {
        ("Resource", "Resource")
    } else {
        ("LogicalResource", "Resource")
    };
    resource.insert("@type".into(), json!(tmf_type));
    resource.insert("@baseType".into(), json!(base));
    Value::Object(resource)
}
