//! The OpenAPI document served at `/openapi.json`, composed from one source of truth each:
//! the in-repository normative O2ims v2 document (its `common` references bundled in), the
//! netweave write and paging extensions, and a `/v1` mirror of the routes the server serves
//! under `/v1`. `tests/it/contract.rs` checks that its paths are exactly the served routes.

use std::sync::OnceLock;

use serde_json::{json, Map, Value};

use super::o2ims::RouteInfo;
use crate::service::inventory::API_ROOT;

const INVENTORY: &str = include_str!(concat!(env!("OUT_DIR"), "/o2ims_inventory.json"));
const COMMON: &str = include_str!(concat!(env!("OUT_DIR"), "/o2ims_common.json"));
const COMMON_REF: &str = "../../common/api/openapi.yaml#";

/// The normative v2 document, with references into `common` made local.
pub fn normative() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc: Value = serde_json::from_str(INVENTORY).expect("embedded spec is JSON");
        let common: Value = serde_json::from_str(COMMON).expect("embedded spec is JSON");
        localise_refs(&mut doc);
        for section in ["schemas", "parameters"] {
            let target = doc["components"][section]
                .as_object_mut()
                .expect("components");
            if let Some(shared) = common["components"][section].as_object() {
                for (name, value) in shared {
                    target.entry(name.clone()).or_insert_with(|| value.clone());
                }
            }
        }
        doc
    })
}

fn localise_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref") {
                if let Some(rest) = r.strip_prefix(COMMON_REF) {
                    *r = format!("#{rest}");
                }
            }
            map.values_mut().for_each(localise_refs);
        }
        Value::Array(items) => items.iter_mut().for_each(localise_refs),
        _ => {}
    }
}

fn problem(description: &str) -> Value {
    json!({ "description": description, "content": { "application/problem+json": {
        "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } })
}

fn json_body(schema: &str) -> Value {
    json!({ "required": true, "content": { "application/json": {
        "schema": { "$ref": format!("#/components/schemas/{schema}") } } } })
}

fn json_response(description: &str, schema: &str) -> Value {
    json!({ "description": description, "content": { "application/json": {
        "schema": { "$ref": format!("#/components/schemas/{schema}") } } } })
}

fn path_param(name: &str) -> Value {
    json!({ "$ref": format!("#/components/parameters/{name}") })
}

fn extension_parameters() -> Value {
    json!({
        "limit": { "name": "limit", "in": "query", "required": false,
            "description": "netweave extension: page size. With it (or a marker) the list is paged and a `Link: <…>; rel=\"next\"` header points at the next page.",
            "schema": { "type": "integer", "minimum": 1 } },
        "nextpageOpaqueMarker": { "name": "nextpage_opaque_marker", "in": "query", "required": false,
            "description": "Opaque marker of the page to fetch, taken from the previous page's `Link` header.",
            "schema": { "type": "string" } },
    })
}

fn paging_headers(total: bool) -> Value {
    let mut headers = json!({ "Link": { "description": "RFC 8288 link to the next page (`rel=\"next\"`), absent on the last page.",
        "schema": { "type": "string" } } });
    if total {
        headers["X-Total-Count"] = json!({ "description": "Number of matching objects over all pages.",
            "schema": { "type": "integer" } });
    }
    headers
}

/// The netweave write extensions on resource pools and resources.
fn write_extensions(paths: &mut Map<String, Value>) {
    let pools = format!("{API_ROOT}/v2/resourcePools");
    let ext = "netweave extension, allowed when the backend reports the matching capability; otherwise 405.";
    let entry = |paths: &mut Map<String, Value>, path: String, method: &str, op: Value| {
        let item = paths.entry(path).or_insert_with(|| json!({}));
        item[method] = op;
    };
    entry(
        paths,
        pools.clone(),
        "post",
        json!({
        "operationId": "createResourcePool", "tags": ["resourcePools"],
        "summary": "Create a resource pool", "description": ext,
        "requestBody": json_body("ResourcePool"),
        "responses": { "201": json_response("Created; `Location` names the new pool.", "ResourcePool"),
            "400": problem("Bad request"), "405": problem("Backend cannot write pools"), "500": problem("Internal server error.") } }),
    );
    let one_pool = format!("{pools}/{{resourcePoolId}}");
    entry(
        paths,
        one_pool.clone(),
        "put",
        json!({
        "operationId": "updateResourcePool", "tags": ["resourcePools"],
        "summary": "Replace a resource pool", "description": ext,
        "parameters": [path_param("resourcePoolId")], "requestBody": json_body("ResourcePool"),
        "responses": { "200": json_response("Updated", "ResourcePool"), "400": problem("Bad request"),
            "404": problem("The specified entity was not found."), "405": problem("Backend cannot write pools"), "500": problem("Internal server error.") } }),
    );
    entry(
        paths,
        one_pool,
        "delete",
        json!({
        "operationId": "deleteResourcePool", "tags": ["resourcePools"],
        "summary": "Delete an empty resource pool", "description": ext,
        "parameters": [path_param("resourcePoolId")],
        "responses": { "204": { "description": "Deleted" }, "400": problem("Bad request"),
            "404": problem("The specified entity was not found."), "405": problem("Backend cannot write pools"),
            "409": problem("The pool still holds resources"), "500": problem("Internal server error.") } }),
    );
    let resources = format!("{pools}/{{resourcePoolId}}/resources");
    entry(
        paths,
        resources.clone(),
        "post",
        json!({
        "operationId": "createResource", "tags": ["resources"],
        "summary": "Add a resource to a pool", "description": ext,
        "parameters": [path_param("resourcePoolId")], "requestBody": json_body("Resource"),
        "responses": { "201": json_response("Created; `Location` names the new resource.", "Resource"),
            "400": problem("Bad request"), "404": problem("The specified entity was not found."),
            "405": problem("Backend cannot write resources"), "500": problem("Internal server error.") } }),
    );
    entry(
        paths,
        format!("{resources}/{{resourceId}}"),
        "delete",
        json!({
        "operationId": "deleteResource", "tags": ["resources"],
        "summary": "Remove a resource from a pool", "description": ext,
        "parameters": [path_param("resourcePoolId"), path_param("resourceId")],
        "responses": { "204": { "description": "Deleted" }, "400": problem("Bad request"),
            "404": problem("The specified entity was not found."), "405": problem("Backend cannot write resources"), "500": problem("Internal server error.") } }),
    );
}

fn operations_paths(paths: &mut Map<String, Value>) {
    let text = |d: &str| {
        json!({ "get": { "tags": ["operations"], "summary": d,
        "responses": { "200": { "description": d } } } })
    };
    paths.insert(
        "/healthz".into(),
        text("Liveness: the process serves requests"),
    );
    paths.insert("/readyz".into(), json!({ "get": { "tags": ["operations"], "summary": "Readiness: listeners, store and backend are up",
        "responses": { "200": { "description": "Ready" }, "503": problem("Not ready; `detail` says what is down") } } }));
    paths.insert(
        "/metrics".into(),
        text("Prometheus metrics in text exposition format"),
    );
    paths.insert("/openapi.json".into(), text("This document"));
}

/// Marks the v2 lists as pageable through the extension parameters.
fn paging_extension(paths: &mut Map<String, Value>) {
    for item in paths.values_mut() {
        let Some(get) = item.get_mut("get") else {
            continue;
        };
        let is_list =
            get["responses"]["200"]["content"]["application/json"]["schema"]["type"] == "array";
        if !is_list {
            continue;
        }
        if let Some(params) = get["parameters"].as_array_mut() {
            params.push(path_param("limit"));
            params.push(path_param("nextpageOpaqueMarker"));
        }
        get["responses"]["200"]["headers"] = paging_headers(false);
    }
}

/// The v2 operation behind each `/v1` route, re-labelled and always paged.
fn v1_mirror(paths: &mut Map<String, Value>, routes: &[RouteInfo]) {
    let v1 = format!("{API_ROOT}/v1");
    let v2 = format!("{API_ROOT}/v2");
    for route in routes.iter().filter(|r| r.path.starts_with(&v1)) {
        let twin = route.path.replacen(&v1, &v2, 1);
        let method = route.method.as_str().to_ascii_lowercase();
        let Some(mut op) = paths.get(&twin).and_then(|p| p.get(&method)).cloned() else {
            continue;
        };
        op["operationId"] = json!(format!(
            "{}V1",
            op["operationId"].as_str().unwrap_or_default()
        ));
        op["tags"] = json!(["v1"]);
        if op["responses"]["200"]["content"]["application/json"]["schema"]["type"] == "array" {
            op["responses"]["200"]["headers"] = paging_headers(true);
            op["description"] = json!("INF O2 `/v1` list: always paged (`limit`, default from the server configuration), with `Link` and `X-Total-Count`.");
        }
        let item = paths.entry(route.path.clone()).or_insert_with(|| json!({}));
        item[method] = op;
    }
}

/// The document describing everything the server serves.
pub fn document(routes: &[RouteInfo]) -> Value {
    let mut doc = normative().clone();
    doc["info"]["title"] = json!("netweave O2ims Infrastructure Inventory API");
    doc["info"]["description"] = json!("The O-RAN O2ims Infrastructure Inventory API v2 (normative, unchanged), its `/v1` INF O2 mirror, and netweave extensions (resource pool and resource writes, paging). Errors are RFC 7807 ProblemDetails.");
    doc["servers"] = json!([{ "url": "/" }]);
    if let Some(params) = doc["components"]["parameters"].as_object_mut() {
        params.extend(
            extension_parameters()
                .as_object()
                .cloned()
                .unwrap_or_default(),
        );
    }
    let paths = doc["paths"].as_object_mut().expect("paths");
    paging_extension(paths);
    write_extensions(paths);
    v1_mirror(paths, routes);
    operations_paths(paths);
    doc
}
