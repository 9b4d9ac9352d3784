//! Validates the TMF688 surface against the official TMF688 v4 and TMF639 v4 Swagger documents
//! kept in `specs/tmf688`. netweave's top-level hub and event reads are checked against the
//! document's own topic-scoped reads, which return the same `Hub` and `Event`; `POST /hub`
//! must also be a `Hub`; delivered events must be a TMF688 `Event` and the TMF639 event
//! definition of their `eventType`. Every error is the TMF `Error`.

use std::sync::{Arc, OnceLock};

use jsonschema::{Draft, Validator};
use reqwest::Method;
use serde_json::{json, Value};

pub fn tmf688() -> &'static Value {
    netweave::http::openapi_tmf::tmf688()
}

pub fn tmf639() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        serde_json::from_str(include_str!(
            "../../specs/tmf688/TMF639-ResourceInventory-v4.0.0.swagger.json"
        ))
        .unwrap()
    })
}

fn validator(doc: &'static Value, schema: &Value) -> Arc<Validator> {
    let mut root = schema.clone();
    root["definitions"] = doc["definitions"].clone();
    crate::spec::cached(format!("{}{schema}", doc["info"]["title"]), || {
        jsonschema::options()
            .with_draft(Draft::Draft4)
            .should_validate_formats(true)
            .build(&root)
            .unwrap_or_else(|e| panic!("schema {schema} does not compile: {e}"))
    })
}

fn schema_errors(doc: &'static Value, schema: &Value, body: &Value, what: &str) -> Vec<String> {
    validator(doc, schema)
        .iter_errors(body)
        .map(|e| format!("{what}: {e} at {}", e.instance_path))
        .collect()
}

/// The official operation a netweave route is checked against.
fn official(method: &Method, path: &str) -> Option<(&'static str, &'static str)> {
    let rest = ["/tmf-api/event/v4", "/tmf-api/eventManagement/v4"]
        .iter()
        .find_map(|root| path.strip_prefix(root))?;
    let segments: Vec<&str> = rest.trim_start_matches('/').split('/').collect();
    Some(match (method.as_str(), segments.as_slice()) {
        ("POST", ["hub"]) => ("/hub", "post"),
        ("DELETE", ["hub", _]) => ("/hub/{id}", "delete"),
        ("GET", ["hub"]) => ("/topic/{topicId}/hub", "get"),
        ("GET", ["hub", _]) => ("/topic/{topicId}/hub/{id}", "get"),
        ("GET", ["event"]) => ("/topic/{topicId}/event", "get"),
        ("GET", ["event", _]) => ("/topic/{topicId}/event/{id}", "get"),
        _ => return None,
    })
}

/// Contract errors of a response on `/tmf-api`.
pub fn errors(
    method: &Method,
    path: &str,
    status: u16,
    content_type: Option<&str>,
    body: &Value,
) -> Vec<String> {
    let path = path.split('?').next().unwrap_or_default();
    let what = format!("{method} {path} {status}");
    let produces = tmf688()["produces"][0].as_str().unwrap();
    if !body.is_null() && content_type != Some(produces) {
        return vec![format!(
            "{what}: content type {content_type:?}, not '{produces}'"
        )];
    }
    let Some((template, verb)) = official(method, path) else {
        // No operation (unknown path, wrong method): the answer must be a TMF Error.
        return if status >= 400 {
            schema_errors(
                tmf688(),
                &json!({"$ref": "#/definitions/Error"}),
                body,
                &what,
            )
        } else {
            vec![format!("{what}: no TMF688 operation serves this")]
        };
    };
    let Some(response) = tmf688()["paths"][template][verb]["responses"].get(status.to_string())
    else {
        return vec![format!(
            "{what}: TMF688 {verb} {template} does not declare {status}"
        )];
    };
    let mut found = match response.get("schema") {
        Some(schema) => schema_errors(tmf688(), schema, body, &what),
        None if body.is_null() => vec![],
        None => vec![format!("{what}: declares no body but got {body}")],
    };
    if (template, status) == ("/hub", 201) {
        found.extend(schema_errors(
            tmf688(),
            &json!({"$ref": "#/definitions/Hub"}),
            body,
            &what,
        ));
    }
    found
}

/// Contract errors of a delivered (or listed) TMF event: a TMF688 `Event`, and the TMF639 v4
/// event definition named by its `eventType`, whose `event.resource` is a TMF639 `Resource`.
pub fn event_errors(body: &Value) -> Vec<String> {
    let mut found = schema_errors(
        tmf688(),
        &json!({"$ref": "#/definitions/Event"}),
        body,
        "TMF688 Event",
    );
    let event_type = body["eventType"].as_str().unwrap_or_default();
    if tmf639()["definitions"].get(event_type).is_none() {
        found.push(format!("eventType '{event_type}' is not a TMF639 event"));
        return found;
    }
    found.extend(schema_errors(
        tmf639(),
        &json!({"$ref": format!("#/definitions/{event_type}")}),
        body,
        event_type,
    ));
    found
}
