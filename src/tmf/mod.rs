//! TMF688 Event Management over the O2-IMS core: hub registrations (each backed by an O2-IMS
//! subscription), the TMF630-style hub query, and O2-IMS events rendered as TMF688 events
//! carrying TMF639 resources. Pure types and rules; no I/O.

pub mod event;
pub mod hub;
pub mod query;
pub mod resource;

pub use hub::Hub;
pub use query::{EventView, QueryError, TmfQuery};

/// Where the TMF688 v4 API is served; `ALIAS_ROOT` serves the same routes.
pub const EVENT_ROOT: &str = "/tmf-api/event/v4";
pub const ALIAS_ROOT: &str = "/tmf-api/eventManagement/v4";

/// TMF630 attribute selection: keeps `id`, `href` and the named first-level attributes.
pub fn select_fields(value: serde_json::Value, fields: &str) -> serde_json::Value {
    let serde_json::Value::Object(map) = value else {
        return value;
    };
    let wanted: Vec<&str> = fields.split(',').map(str::trim).collect();
    map.into_iter()
        .filter(|(k, _)| k == "id" || k == "href" || wanted.contains(&k.as_str()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}
