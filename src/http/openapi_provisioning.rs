//! The provisioning and artifacts parts of the served OpenAPI: the normative O2IMS
//! Infrastructure Provisioning 1.2.0 and Infrastructure Artifacts 1.0.0 paths netweave serves,
//! unchanged but for unique operation ids (both documents, like the inventory's, name theirs
//! `getAllVersions`) and what netweave adds: 429 when a tenant's quota is used up (added with
//! the other quotas), `Idempotency-Key` on the create.

use serde_json::{json, Map, Value};

use super::{
    openapi::{normative_artifacts, normative_provisioning},
    table::RouteInfo,
};

pub fn add(doc: &mut Value, routes: &[RouteInfo]) {
    add_document(doc, routes, normative_provisioning(), "Provisioning");
    add_document(doc, routes, normative_artifacts(), "Artifacts");
}

fn add_document(doc: &mut Value, routes: &[RouteInfo], spec: &Value, api: &str) {
    if let (Some(target), Some(own)) = (
        doc["components"]["schemas"].as_object_mut(),
        spec["components"]["schemas"].as_object(),
    ) {
        for (name, schema) in own {
            target.entry(name.clone()).or_insert_with(|| schema.clone());
        }
    }
    for (name, parameter) in spec["components"]["parameters"]
        .as_object()
        .into_iter()
        .flatten()
    {
        doc["components"]["parameters"][name] = parameter.clone();
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
            if !is_served {
                continue;
            }
            let mut op = op.clone();
            // netweave's own security requirement is set on every operation.
            if let Some(o) = op.as_object_mut() {
                o.remove("security");
            }
            if let Some(id @ ("getAllVersions" | "getMinorVersions")) = op["operationId"].as_str() {
                let unique = format!("get{api}{}", &id[3..]);
                op["operationId"] = json!(unique);
            }
            served.insert(method.clone(), op);
        }
        if !served.is_empty() {
            paths.insert(path.clone(), Value::Object(served));
        }
    }
}
