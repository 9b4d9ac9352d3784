//! The TMF688 part of the served OpenAPI document, derived from the official TMF688 v4
//! Swagger document kept in `specs/tmf688`: its definitions become components prefixed
//! `Tmf688`, its `POST /hub` and `DELETE /hub/{id}` are served as written, and the reads
//! netweave adds (`GET /hub`, `GET /hub/{id}`, `GET /event`, `GET /event/{id}`) return the
//! document's own `Hub` and `Event`.

use std::sync::OnceLock;

use serde_json::{json, Map, Value};

use super::tmf688::CONTENT_TYPE;
use crate::tmf::{ALIAS_ROOT, EVENT_ROOT};

const TMF688: &str = include_str!("../../specs/tmf688/TMF688-Event-v4.0.0.swagger.json");

/// The official TMF688 v4 document, parsed.
pub fn tmf688() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| serde_json::from_str(TMF688).expect("the TMF688 document is JSON"))
}

fn component(name: &str) -> String {
    format!("#/components/schemas/Tmf688{name}")
}

fn body(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { CONTENT_TYPE: { "schema": schema } } })
}

fn schema(name: &str) -> Value {
    json!({ "$ref": component(name) })
}

/// The TMF `Error` answer, for operations other documents extend.
pub(super) fn error(description: &str) -> Value {
    body(description, schema("Error"))
}

fn errors(statuses: &[&str]) -> Map<String, Value> {
    statuses
        .iter()
        .map(|s| ((*s).to_owned(), body("TMF Error", schema("Error"))))
        .collect()
}

fn operation(id: &str, summary: &str, params: Value, mut responses: Map<String, Value>) -> Value {
    responses.extend(errors(&["400", "401", "403", "404", "405", "500", "503"]));
    json!({ "operationId": id, "tags": ["tmf688"], "summary": summary, "parameters": params, "responses": responses })
}

fn paging() -> Value {
    json!([
        { "name": "fields", "in": "query", "required": false, "schema": { "type": "string" }, "description": "Comma-separated first-level attributes to return (id and href always are)" },
        { "name": "offset", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 0 } },
        { "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1 } }])
}

fn list(description: &str, item: &str) -> Map<String, Value> {
    let mut ok = body(
        description,
        json!({ "type": "array", "items": schema(item) }),
    );
    ok["headers"] = json!({
        "X-Total-Count": { "schema": { "type": "integer" }, "description": "Items in the whole list (events: only without conditions)" },
        "X-Result-Count": { "schema": { "type": "integer" }, "description": "Items in this page" } });
    [("200".to_owned(), ok)].into_iter().collect()
}

/// Adds the TMF688 schemas and paths (under both roots) to an OpenAPI 3 document.
pub fn add(doc: &mut Value) {
    let mut definitions = tmf688()["definitions"].clone();
    super::openapi::definitions_as_components(&mut definitions, "Tmf688");
    let schemas = doc["components"]["schemas"]
        .as_object_mut()
        .expect("components.schemas");
    for (name, def) in definitions.as_object().into_iter().flatten() {
        schemas.insert(format!("Tmf688{name}"), def.clone());
    }
    let official = &tmf688()["paths"];
    let id =
        json!([{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }]);
    let query_doc = "Conditions in the hub query grammar (eventType, resourceId, resourcePoolId, resourceTypeId, dotted event fields), joined by &; all must hold";
    let mut created = body(
        "Subscribed: the hub, with netweave's subscriptionId and createdAt",
        json!({ "allOf": [schema("EventSubscription"), schema("Hub")] }),
    );
    created["headers"] = json!({ "Location": { "schema": { "type": "string" } } });
    let paths = doc["paths"].as_object_mut().expect("paths");
    for root in [EVENT_ROOT, ALIAS_ROOT] {
        paths.insert(format!("{root}/hub"), json!({
            "post": {
                "operationId": format!("{}{}", official["/hub"]["post"]["operationId"].as_str().unwrap_or_default(), suffix(root)),
                "tags": ["tmf688"],
                "summary": "Register a hub (its query selects the events delivered to its callback)",
                "requestBody": { "required": true, "content": { "application/json": { "schema": schema("EventSubscriptionInput") } } },
                "responses": Value::Object([("201".to_owned(), created.clone())].into_iter().chain(errors(&["400", "401", "403", "405", "413", "500", "503"])).collect()),
            },
            "get": operation(&format!("listHubs{}", suffix(root)), "List hubs, oldest first", paging(), list("Hubs", "Hub")),
        }));
        paths.insert(format!("{root}/hub/{{id}}"), json!({
            "get": operation(&format!("retrieveHub{}", suffix(root)), "Retrieve a hub", id.clone(),
                [("200".to_owned(), body("The hub", schema("Hub")))].into_iter().collect()),
            "delete": operation(&format!("{}{}", official["/hub/{id}"]["delete"]["operationId"].as_str().unwrap_or_default(), suffix(root)),
                "Unregister a hub and remove its subscription", id.clone(),
                [("204".to_owned(), json!({ "description": "Deleted" }))].into_iter().collect()),
        }));
        let mut params = paging();
        params.as_array_mut().expect("array").push(json!({ "name": "eventType", "in": "query", "required": false, "schema": { "type": "string" }, "description": query_doc }));
        paths.insert(format!("{root}/event"), json!({
            "get": operation(&format!("listEvent{}", suffix(root)), "Events of the stream, oldest first, as TMF events carrying TMF639 resources", params, list("Events", "Event")),
        }));
        paths.insert(format!("{root}/event/{{id}}"), json!({
            "get": operation(&format!("retrieveEvent{}", suffix(root)), "Retrieve an event by id (its stream position)", id.clone(),
                [("200".to_owned(), body("The event", schema("Event")))].into_iter().collect()),
        }));
    }
}

fn suffix(root: &str) -> &'static str {
    if root == ALIAS_ROOT {
        "Alias"
    } else {
        ""
    }
}
