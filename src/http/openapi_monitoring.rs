//! The monitoring part of the served OpenAPI: the normative O2ims_InfrastructureMonitoring
//! 1.0.0 paths netweave serves, unchanged but for what netweave adds (entity tags, `If-Match`,
//! 415 for a PATCH that is not a merge patch, the paging extension on the alarm list), and the
//! Alertmanager receiver.

use serde_json::{json, Map, Value};

use super::{
    monitoring::ALERTMANAGER,
    openapi::{normative_monitoring, paging_headers, problem},
    table::RouteInfo,
};

fn etag() -> Value {
    json!({ "ETag": { "description": "Entity tag of this revision; send it as `If-Match` to write only while it is current.",
        "schema": { "type": "string" } } })
}

fn if_match() -> Value {
    json!({ "name": "If-Match", "in": "header", "required": false,
        "description": "Write only while the entity tag is this one (412 otherwise); `*` or absent: unconditionally.",
        "schema": { "type": "string" } })
}

pub fn add(doc: &mut Value, routes: &[RouteInfo]) {
    let spec = normative_monitoring();
    if let (Some(target), Some(own)) = (
        doc["components"]["schemas"].as_object_mut(),
        spec["components"]["schemas"].as_object(),
    ) {
        for (name, schema) in own {
            target.entry(name.clone()).or_insert_with(|| schema.clone());
        }
    }
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in spec["paths"].as_object().into_iter().flatten() {
        let mut served = Map::new();
        for (method, op) in item.as_object().into_iter().flatten() {
            let is_served = routes
                .iter()
                .any(|r| r.path == *path && r.method.as_str().eq_ignore_ascii_case(method));
            if is_served {
                served.insert(method.clone(), netweave_additions(path, method, op.clone()));
            }
        }
        if !served.is_empty() {
            paths.insert(path.clone(), Value::Object(served));
        }
    }
    paths.insert(ALERTMANAGER.into(), json!({ "post": {
        "operationId": "ingestAlertmanagerNotification", "tags": ["alarms"],
        "summary": "Alertmanager webhook receiver: firing alerts raise (or change) alarms on the resources their labels name, resolved ones clear them",
        "description": "Point an Alertmanager `webhook_configs` entry here (`send_resolved: true`). An alert's resource is named by the first of `alarms.resource_labels` it carries (default `node`, `instance`). Answers 503 when the alarms cannot be stored, so Alertmanager retries; sending a payload again changes nothing more.",
        "requestBody": { "required": true, "content": { "application/json": {
            "schema": { "$ref": "#/components/schemas/AlertmanagerNotification" } } } },
        "responses": {
            "200": { "description": "Stored", "content": { "application/json": { "schema": {
                "type": "object", "required": ["changed", "unmapped", "malformed"], "properties": {
                    "changed": { "type": "integer", "description": "Alarms raised, changed or cleared." },
                    "unmapped": { "type": "integer", "description": "Alerts naming no known resource (not stored)." },
                    "malformed": { "type": "integer", "description": "Alerts lacking status, startsAt or fingerprint (not stored)." } } } } } },
            "400": problem("Not an Alertmanager payload"),
            "503": problem("The alarm store is unavailable; Alertmanager retries") } } }));
}

fn netweave_additions(path: &str, method: &str, mut op: Value) -> Value {
    // Operation ids are unique in one document, also ignoring case (generators turn them
    // into snake_case names): the inventory has these.
    let renamed = match op["operationId"].as_str() {
        Some("getAllVersions") => Some("getMonitoringAllVersions"),
        Some("getMinorVersions") => Some("getMonitoringMinorVersions"),
        Some("GetSubscriptions") => Some("GetAlarmSubscriptions"),
        Some("CreateSubscription") => Some("CreateAlarmSubscription"),
        Some("GetSubscription") => Some("GetAlarmSubscription"),
        Some("DeleteSubscription") => Some("DeleteAlarmSubscription"),
        _ => None,
    };
    if let Some(id) = renamed {
        op["operationId"] = json!(id);
    }
    let single = path.ends_with("}") || path.ends_with("alarmServiceConfiguration");
    if method == "get" && single {
        op["responses"]["200"]["headers"] = etag();
    }
    if method == "get" && path.ends_with("/alarms") {
        if let Some(params) = op["parameters"].as_array_mut() {
            params.push(json!({ "$ref": "#/components/parameters/limit" }));
            params.push(json!({ "$ref": "#/components/parameters/nextpageOpaqueMarker" }));
        }
        op["responses"]["200"]["headers"] = paging_headers(false);
    }
    if matches!(method, "patch" | "put") {
        op["responses"]["200"]["headers"] = etag();
        match op["parameters"].as_array_mut() {
            Some(params) => params.push(if_match()),
            None => op["parameters"] = json!([if_match()]),
        }
        let responses = &mut op["responses"];
        if responses.get("412").is_none() {
            responses["412"] = problem("The entity tag given as `If-Match` is no longer current");
        }
        if method == "patch" {
            responses["415"] = problem("The body is not `application/merge-patch+json`");
        }
    }
    op
}
