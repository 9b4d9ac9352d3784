//! O2-IMS events as TMF688 v4 `Event`s carrying a TMF639 v4 `Resource`: the body a hub
//! callback receives and what `GET /event` lists. The event types are TMF639's four resource
//! events; `timeOcurred` is spelled as v4 spells it.

use serde_json::{json, Map, Value};

use super::{resource, EVENT_ROOT};
use crate::events::{model::ChangeKind, Event};

pub const CREATE: &str = "ResourceCreateEvent";
pub const ATTRIBUTE_VALUE_CHANGE: &str = "ResourceAttributeValueChangeEvent";
pub const STATE_CHANGE: &str = "ResourceStateChangeEvent";
pub const DELETE: &str = "ResourceDeleteEvent";

/// Every TMF event type netweave emits.
pub const TYPES: [&str; 4] = [CREATE, ATTRIBUTE_VALUE_CHANGE, STATE_CHANGE, DELETE];

/// The design's legacy names, accepted in queries as synonyms.
const SYNONYMS: [(&str, &str); 4] = [
    ("ResourceCreationNotification", CREATE),
    (
        "ResourceAttributeValueChangeNotification",
        ATTRIBUTE_VALUE_CHANGE,
    ),
    ("ResourceStateChangeNotification", STATE_CHANGE),
    ("ResourceRemoveNotification", DELETE),
];

/// The canonical TMF event type of a name or legacy synonym.
pub fn canonical_type(name: &str) -> Option<&'static str> {
    TYPES.iter().copied().find(|t| *t == name).or_else(|| {
        SYNONYMS
            .iter()
            .find(|(legacy, _)| *legacy == name)
            .map(|(_, t)| *t)
    })
}

/// The state fields whose change makes an update a state change.
const STATE_FIELDS: [&str; 3] = ["adminState", "operationalState", "usageState"];

/// A state field of an O2-IMS object: top level, or in `extensions` where O2-IMS keeps it.
pub(super) fn state_field<'a>(state: &'a Value, field: &str) -> Option<&'a Value> {
    state
        .get(field)
        .or_else(|| state.get("extensions").and_then(|e| e.get(field)))
}

/// The TMF event type of an O2-IMS event: an update that changes the administrative,
/// operational or usage state is a state change, any other update an attribute change.
pub fn event_type(event: &Event) -> &'static str {
    match event.change_kind() {
        ChangeKind::Created => CREATE,
        ChangeKind::Deleted => DELETE,
        ChangeKind::Updated => {
            let (Some(prior), Some(post)) = (&event.prior_object_state, &event.post_object_state)
            else {
                return ATTRIBUTE_VALUE_CHANGE;
            };
            if STATE_FIELDS
                .iter()
                .any(|f| state_field(prior, f) != state_field(post, f))
            {
                STATE_CHANGE
            } else {
                ATTRIBUTE_VALUE_CHANGE
            }
        }
    }
}

/// The O2-IMS fields an update changed, as dotted paths (`name`, `extensions.usageState`).
fn changed_fields(prior: &Value, post: &Value) -> Vec<String> {
    let empty = Map::new();
    let (a, b) = (
        prior.as_object().unwrap_or(&empty),
        post.as_object().unwrap_or(&empty),
    );
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for key in keys {
        match (a.get(key), b.get(key)) {
            (x, y) if x == y => {}
            (Some(Value::Object(x)), Some(Value::Object(y))) if key == "extensions" => {
                let nested = changed_fields(&Value::Object(x.clone()), &Value::Object(y.clone()));
                out.extend(nested.into_iter().map(|n| format!("{key}.{n}")));
            }
            _ => out.push(key.clone()),
        }
    }
    out
}

/// The stream position as the TMF event id (`GET /event/{id}` reads it back).
pub fn id(event: &Event) -> String {
    event.cursor.to_string()
}

/// The TMF688 `Event` of an O2-IMS event.
pub fn render(event: &Event) -> Value {
    let kind = event_type(event);
    let verb = match kind {
        CREATE => "created",
        DELETE => "deleted",
        STATE_CHANGE => "changed state",
        _ => "changed",
    };
    let state = event.state().cloned().unwrap_or(Value::Null);
    let name = resource::name(&state);
    let category = resource::category(&event.object_kind);
    let id = id(event);
    let mut body = json!({
        "id": id,
        "href": format!("{EVENT_ROOT}/event/{id}"),
        "eventId": event.event_id,
        "eventTime": if event.published_at.is_empty() { &event.occurred_at } else { &event.published_at },
        "eventType": kind,
        "timeOcurred": event.occurred_at,
        "domain": "O2-IMS",
        "priority": if matches!(kind, STATE_CHANGE | DELETE) { "High" } else { "Normal" },
        "title": format!("{category} {verb}"),
        "description": format!("O2-IMS {category} '{name}' ({}) {verb}", event.object_id),
        "source": {
            "id": event.object_id,
            "href": event.object_ref,
            "name": name,
            "@referredType": category,
        },
        "reportingSystem": {
            "id": event.source.instance_id,
            "name": "netweave",
            "@referredType": format!("{} backend", event.source.backend),
        },
        "event": { "resource": resource::render(event, &state) },
        "@type": kind,
        "@baseType": "Event",
    });
    if kind == ATTRIBUTE_VALUE_CHANGE {
        if let (Some(prior), Some(post)) = (&event.prior_object_state, &event.post_object_state) {
            body["fieldPath"] = json!(changed_fields(prior, post).join(","));
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_map_to_the_tmf639_names() {
        assert_eq!(canonical_type("ResourceCreationNotification"), Some(CREATE));
        assert_eq!(canonical_type("ResourceRemoveNotification"), Some(DELETE));
        assert_eq!(canonical_type(STATE_CHANGE), Some(STATE_CHANGE));
        assert_eq!(canonical_type("ResourceCreated"), None);
    }

    #[test]
    fn changed_fields_descend_into_extensions_only() {
        let prior =
            json!({"name": "a", "extensions": {"usageState": "IDLE", "x": 1}, "tags": ["t"]});
        let post =
            json!({"name": "b", "extensions": {"usageState": "BUSY", "x": 1}, "tags": ["u"]});
        assert_eq!(
            changed_fields(&prior, &post),
            ["extensions.usageState", "name", "tags"]
        );
    }
}
