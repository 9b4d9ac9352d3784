//! The `/v1` part of `/openapi.json`: INF O2's own swagger (`specs/inf-o2/swagger.yaml`,
//! Swagger 2.0) converted to OpenAPI 3 for the routes served, its definitions as `V1…`
//! schemas. Where INF's swagger types an attribute otherwise than INF O2 (and so netweave)
//! puts it on the wire, [`corrections`] lists the change and why, in this one place.

use serde_json::{json, Map, Value};

use super::{
    openapi::{definitions_as_components, paging_headers},
    table::RouteInfo,
    v1::model::swagger,
};
use crate::service::inventory::API_ROOT;

/// The schema name a definition is served under.
fn schema_name(definition: &str) -> String {
    format!("V1{definition}")
}

/// `(definition, property, schema served, why)`.
pub fn corrections() -> Vec<(&'static str, &'static str, Value, &'static str)> {
    let strings = json!({ "type": "array", "items": { "type": "string" } });
    let object = json!({ "type": "object" });
    let nullable_string = json!({ "type": "string", "nullable": true });
    let listed = "a list: INF's own `alarm_dictionary` model returns a JSON array, as the O-RAN spec types it";
    let ext = "a JSON object of key-value pairs, as the description says and INF's DTOs return (`Json2Dict`)";
    let mut out = vec![
        (
            "AlarmDictionaryDto",
            "managementInterfaceId",
            strings.clone(),
            listed,
        ),
        (
            "AlarmDictionaryDto",
            "pkNotificationField",
            strings.clone(),
            listed,
        ),
        (
            "AlarmDefinitionDto",
            "managementInterfaceId",
            strings.clone(),
            listed,
        ),
        (
            "AlarmDefinitionDto",
            "pkNotificationField",
            strings.clone(),
            listed,
        ),
        (
            "AlarmDefinitionDto",
            "alarmAdditionalFields",
            json!({ "type": "object", "nullable": true }),
            "key-value pairs, `null` when the definition has none (as INF returns)",
        ),
        ("OcloudDto", "extensions", object.clone(), ext),
        ("ResourcePoolGetDto", "extensions", object.clone(), ext),
        ("ResourceTypeGetDto", "extensions", object.clone(), ext),
        (
            "DeploymentManagerListDto",
            "extensions",
            object.clone(),
            ext,
        ),
        (
            "ResourcePoolGetDto",
            "globalLocationId",
            nullable_string.clone(),
            "`null` when the pool's site names no location",
        ),
        (
            "ResourcePoolGetDto",
            "location",
            nullable_string.clone(),
            "`null` when the pool's site names no location",
        ),
        (
            "ResourceTypeGetDto",
            "alarmDictionary",
            json!({ "allOf": [{ "$ref": "#/components/schemas/V1AlarmDictionaryDto" }], "nullable": true }),
            "`null` for a resource type without an alarm dictionary",
        ),
        (
            "DeploymentManagerListDto",
            "supportedLocations",
            strings.clone(),
            "a list of locations, as the O-RAN spec types it",
        ),
        (
            "DeploymentManagerGetDto",
            "supportedLocations",
            strings,
            "a list of locations, as the O-RAN spec types it",
        ),
    ];
    for model in [
        "ResourceListDto",
        "ResourceGetDto2",
        "ResourceGetDto1",
        "ResourceGetDto0",
    ] {
        out.push((
            model,
            "parentId",
            nullable_string.clone(),
            "`null` for a resource with no parent (INF returns `None` as null)",
        ));
    }
    out
}

/// INF's definitions as OpenAPI 3 schemas, corrected.
pub fn schemas() -> Map<String, Value> {
    let mut out = Map::new();
    for (name, definition) in swagger()["definitions"].as_object().into_iter().flatten() {
        let mut schema = definition.clone();
        definitions_as_components(&mut schema, "V1");
        out.insert(schema_name(name), schema);
    }
    for (definition, property, schema, why) in corrections() {
        let slot = &mut out[&schema_name(definition)]["properties"][property];
        let description = slot["description"].as_str().unwrap_or_default().to_owned();
        let mut schema = schema;
        schema["description"] = json!(format!("{description} netweave: {why}.").trim().to_owned());
        *slot = schema;
    }
    out
}

/// Whether the INF path template `inf` is the served template `ours` (parameter names differ:
/// INF writes `resourcePoolID`).
fn same_template(inf: &str, ours: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (inf.split('/').collect(), ours.split('/').collect());
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(x, y)| (x.starts_with('{') && y.starts_with('{')) || x == y)
}

fn parameter_names(template: &str) -> Vec<&str> {
    template
        .split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .collect()
}

fn problem(description: &str) -> Value {
    json!({ "description": description, "content": { "application/problem+json": {
        "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } })
}

/// One INF operation in OpenAPI 3, its path parameters renamed to the served ones.
fn operation(inf_path: &str, path_item: &Value, op: &Value, renames: &[(&str, &str)]) -> Value {
    let mut out = Map::new();
    let id = op["operationId"].as_str().unwrap_or_default();
    let camel: String = id
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let mut c = w.chars();
            let first = c.next().map(|f| {
                if i == 0 {
                    f.to_ascii_lowercase()
                } else {
                    f.to_ascii_uppercase()
                }
            });
            first.into_iter().chain(c).collect::<String>()
        })
        .collect();
    out.insert("operationId".into(), json!(format!("{camel}V1")));
    out.insert("tags".into(), json!(["v1"]));
    out.insert("summary".into(), json!(id));
    let mut parameters = Vec::new();
    let declared = path_item["parameters"]
        .as_array()
        .into_iter()
        .chain(op["parameters"].as_array())
        .flatten();
    for p in declared {
        if p["in"] == "body" {
            let mut schema = p["schema"].clone();
            definitions_as_components(&mut schema, "V1");
            out.insert(
                "requestBody".into(),
                json!({ "required": true, "content": { "application/json": { "schema": schema } } }),
            );
            continue;
        }
        let inf_name = p["name"].as_str().unwrap_or_default();
        let name = renames
            .iter()
            .find(|(inf, _)| *inf == inf_name)
            .map_or(inf_name, |(_, ours)| ours);
        let mut schema = json!({ "type": p["type"].clone() });
        if let Some(default) = p.get("default") {
            schema["default"] = json!(default.to_string());
        }
        parameters.push(json!({ "name": name, "in": p["in"], "required": p["in"] == "path" || p["required"] == true,
            "description": p["description"], "schema": schema }));
    }
    let mut responses = Map::new();
    for (status, response) in op["responses"].as_object().into_iter().flatten() {
        let description = response["description"].as_str().unwrap_or_default();
        let value = match response.get("schema") {
            Some(schema) => {
                let mut schema = schema.clone();
                definitions_as_components(&mut schema, "V1");
                let mut r = json!({ "description": description,
                    "content": { "application/json": { "schema": schema.clone() } } });
                if schema["type"] == "array" {
                    r["headers"] = paging_headers(true);
                }
                r
            }
            None if status.starts_with('2') => json!({ "description": description }),
            None => problem(description),
        };
        responses.insert(status.clone(), value);
    }
    let is_list = op["responses"]["200"]["schema"]["type"] == "array";
    if is_list {
        parameters.push(json!({ "$ref": "#/components/parameters/limit" }));
        out.insert("description".into(), json!("INF O2 `/v1` list: always paged (`limit`, default from the server configuration; `nextpage_opaque_marker` is a page number or a marker from `Link`), with `Link` and `X-Total-Count`."));
    }
    if inf_path.contains('{') {
        responses
            .entry("404")
            .or_insert_with(|| problem("Not found"));
    }
    if out.contains_key("requestBody") {
        responses.insert("201".into(), {
            let mut created = responses.get("201").cloned().unwrap_or_else(|| json!({}));
            created["headers"] = json!({ "Location": { "description": "The new subscription.", "schema": { "type": "string" } } });
            created
        });
    }
    out.insert("parameters".into(), Value::Array(parameters));
    out.insert("responses".into(), Value::Object(responses));
    Value::Object(out)
}

/// Adds the served `/v1` routes, as INF's swagger describes them, and its schemas.
pub fn add(doc: &mut Value, routes: &[RouteInfo]) {
    let v1 = format!("{API_ROOT}/v1");
    let inf_paths = swagger()["paths"].as_object().cloned().unwrap_or_default();
    if let Some(served) = doc["components"]["schemas"].as_object_mut() {
        served.extend(schemas());
    }
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for route in routes
        .iter()
        .filter(|r| r.path == v1 || r.path.starts_with(&format!("{v1}/")))
    {
        let method = route.method.as_str().to_ascii_lowercase();
        let Some((inf_path, item)) = inf_paths
            .iter()
            .find(|(p, item)| same_template(p, &route.path) && item.get(&method).is_some())
        else {
            continue;
        };
        let renames: Vec<(&str, &str)> = parameter_names(inf_path)
            .into_iter()
            .zip(parameter_names(&route.path))
            .collect();
        let op = operation(inf_path, item, &item[&method], &renames);
        let entry = paths.entry(route.path.clone()).or_insert_with(|| json!({}));
        entry[method] = op;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_correction_names_an_attribute_inf_defines() {
        let definitions = &swagger()["definitions"];
        for (definition, property, _, _) in corrections() {
            assert!(
                definitions[definition]["properties"]
                    .get(property)
                    .is_some(),
                "{definition}.{property}"
            );
        }
    }

    #[test]
    fn templates_match_whatever_the_parameter_names() {
        assert!(same_template(
            "/a/{resourcePoolID}/b",
            "/a/{resourcePoolId}/b"
        ));
        assert!(!same_template("/a/{x}", "/a/b"));
        assert!(!same_template("/a", "/a/"));
    }
}
