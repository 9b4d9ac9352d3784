//! Validates REST responses against the OpenAPI contract: the in-repository normative O2ims
//! v2 document for its own paths, the served document (`/openapi.json`) for `/v1` and the
//! netweave extensions. A response whose status the operation does not declare, whose
//! content type differs, or whose body breaks the schema fails the test.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, OnceLock},
};

use jsonschema::{Draft, Validator};
use reqwest::{header::HeaderMap, Method};
use serde_json::{json, Value};

pub fn served() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| netweave::http::openapi::document(&netweave::http::rpc_table().routes))
}

/// The operation serving `method path` and the document it comes from.
pub fn operation(method: &Method, path: &str) -> Option<(&'static Value, String, &'static Value)> {
    let path = path.split('?').next().unwrap_or_default();
    for doc in [
        netweave::http::openapi::normative(),
        netweave::http::openapi::normative_monitoring(),
        netweave::http::openapi::normative_provisioning(),
        netweave::http::openapi::normative_artifacts(),
        served(),
    ] {
        if let Some(template) = template_for(doc, path) {
            if let Some(op) = doc["paths"][&template].get(method.as_str().to_ascii_lowercase()) {
                return Some((doc, template, op));
            }
        }
    }
    None
}

fn template_for(doc: &Value, path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').collect();
    let mut best: Option<(usize, &String)> = None;
    for template in doc["paths"].as_object()?.keys() {
        let parts: Vec<&str> = template.split('/').collect();
        if parts.len() != segments.len() {
            continue;
        }
        let mut literals = 0;
        let fits = parts.iter().zip(&segments).all(|(p, s)| {
            if p.starts_with('{') {
                !s.is_empty()
            } else {
                literals += 1;
                p == s
            }
        });
        if fits && best.is_none_or(|(n, _)| literals > n) {
            best = Some((literals, template));
        }
    }
    best.map(|(_, t)| t.clone())
}

/// A validator built once per key and shared by every test.
pub fn cached(key: String, build: impl FnOnce() -> Validator) -> Arc<Validator> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Validator>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(v) = cache.lock().unwrap().get(&key) {
        return Arc::clone(v);
    }
    let built = Arc::new(build());
    cache.lock().unwrap().insert(key, Arc::clone(&built));
    built
}

/// OpenAPI 3.0's `nullable: true` in JSON Schema 2020-12 terms: `null` is allowed too.
fn nullable_as_type(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.values_mut().for_each(nullable_as_type);
            if map.remove("nullable") == Some(Value::Bool(true)) {
                let rest = Value::Object(std::mem::take(map));
                map.insert("anyOf".into(), json!([rest, { "type": "null" }]));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(nullable_as_type),
        _ => {}
    }
}

fn validator(doc: &'static Value, key: String, schema: &Value) -> Arc<Validator> {
    let mut root = schema.clone();
    root["components"] = doc["components"].clone();
    nullable_as_type(&mut root);
    cached(key.clone(), || {
        jsonschema::options()
            .with_draft(Draft::Draft202012)
            .should_validate_formats(true)
            .build(&root)
            .unwrap_or_else(|e| panic!("schema for {key} does not compile: {e}"))
    })
}

/// Schema errors against the served document alone (netweave's additions to a normative
/// operation: a 415, an `If-Match` precondition).
pub fn served_errors(
    method: &Method,
    path: &str,
    status: u16,
    content_type: Option<&str>,
    body: &Value,
) -> Vec<String> {
    let path = path.split('?').next().unwrap_or_default();
    let Some(template) = template_for(served(), path) else {
        return vec![format!("{method} {path} is not in the served document")];
    };
    let Some(op) = served()["paths"][&template].get(method.as_str().to_ascii_lowercase()) else {
        return vec![format!("{method} {template} is not in the served document")];
    };
    errors_in(served(), &template, op, method, status, content_type, body)
}

/// Schema errors of `body` for the response `status` of `method path`.
pub fn errors(
    method: &Method,
    path: &str,
    status: u16,
    content_type: Option<&str>,
    body: &Value,
) -> Vec<String> {
    let Some((doc, template, op)) = operation(method, path) else {
        return vec![format!("{method} {path} is in no OpenAPI document")];
    };
    errors_in(doc, &template, op, method, status, content_type, body)
}

fn errors_in(
    doc: &'static Value,
    template: &str,
    op: &'static Value,
    method: &Method,
    status: u16,
    content_type: Option<&str>,
    body: &Value,
) -> Vec<String> {
    let Some(response) = op["responses"].get(status.to_string()) else {
        return vec![format!(
            "{method} {template} does not declare status {status}"
        )];
    };
    let Some(content) = response.get("content").and_then(Value::as_object) else {
        return if body.is_null() {
            vec![]
        } else {
            vec![format!(
                "{method} {template} {status} declares no body but got {body}"
            )]
        };
    };
    let media = content_type
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim();
    let Some(declared) = content.get(media) else {
        return vec![format!(
            "{method} {template} {status}: content type '{media}' not among {:?}",
            content.keys().collect::<Vec<_>>()
        )];
    };
    let schema = declared.get("schema").cloned().unwrap_or(json!({}));
    let key = format!("{method} {template} {status} {media}");
    let validator = validator(doc, key, &schema);
    let found: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{method} {template} {status}: {e} at {}", e.instance_path))
        .collect();
    found
}

/// Panics when a response breaks the contract.
pub fn check(method: &Method, path: &str, status: u16, headers: &HeaderMap, body: &Value) {
    // The server answers `/x/` as `/x`: so does the contract.
    let path = match path.split_once('?') {
        Some((p, _)) if p.len() > 1 => p.trim_end_matches('/'),
        _ if path.len() > 1 => path.trim_end_matches('/'),
        _ => path,
    };
    let content_type = headers.get("content-type").and_then(|v| v.to_str().ok());
    let found = if path.starts_with("/tmf-api/") {
        crate::tmf_spec::errors(method, path, status, content_type, body)
    } else {
        errors(method, path, status, content_type, body)
    };
    assert!(
        found.is_empty(),
        "response breaks the OpenAPI contract:\n{}\nbody: {body}",
        found.join("\n")
    );
}

/// Schema errors of `value` against the named schema of a document's components.
pub fn schema_errors(doc: &'static Value, name: &str, value: &Value) -> Vec<String> {
    let schema = json!({ "$ref": format!("#/components/schemas/{name}") });
    validator(doc, format!("schema {name}"), &schema)
        .iter_errors(value)
        .map(|e| format!("{name}: {e} at {}", e.instance_path))
        .collect()
}
