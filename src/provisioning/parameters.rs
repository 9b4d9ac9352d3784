//! Template parameters: a request's `templateParameters` checked against the template's
//! schema, with the schema's defaults filled in where the request is silent.

use serde_json::{Map, Value};

/// Why parameters are refused: where (a JSON pointer into the request body) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub pointer: String,
    pub reason: String,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.pointer, self.reason)
    }
}

/// Where the parameters are in a request body.
const ROOT: &str = "/templateParameters";

/// The defaults a schema declares: each property's `default`, and an object property's own
/// properties' defaults when it has none.
pub fn defaults_of(schema: &Value) -> Value {
    let mut out = Map::new();
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (name, property) in properties {
            if let Some(default) = property.get("default") {
                out.insert(name.clone(), default.clone());
            } else if property.get("properties").is_some() {
                let nested = defaults_of(property);
                if nested.as_object().is_some_and(|m| !m.is_empty()) {
                    out.insert(name.clone(), nested);
                }
            }
        }
    }
    Value::Object(out)
}

/// Fills `value`'s missing properties from `schema`'s defaults, at every level the value has.
fn fill(schema: &Value, value: &mut Value) {
    let (Some(properties), Some(object)) = (
        schema.get("properties").and_then(Value::as_object),
        value.as_object_mut(),
    ) else {
        return;
    };
    for (name, property) in properties {
        match object.get_mut(name) {
            Some(present) => fill(property, present),
            None => {
                let default = match property.get("default") {
                    Some(d) => d.clone(),
                    None => match defaults_of(property) {
                        Value::Object(m)
                            if !m.is_empty() && property.get("properties").is_some() =>
                        {
                            Value::Object(m)
                        }
                        _ => continue,
                    },
                };
                object.insert(name.clone(), default);
            }
        }
    }
}

/// `given` with defaults filled in, if it then satisfies the schema; the first violation
/// otherwise, its pointer into the request body.
pub fn resolve(
    schema: &Value,
    validator: &jsonschema::Validator,
    given: &Value,
) -> Result<Value, Invalid> {
    if !given.is_object() {
        return Err(Invalid {
            pointer: ROOT.into(),
            reason: "templateParameters is not an object".into(),
        });
    }
    let mut value = given.clone();
    fill(schema, &mut value);
    if let Some(e) = validator.iter_errors(&value).next() {
        return Err(Invalid {
            pointer: format!("{ROOT}{}", e.instance_path),
            reason: e.to_string(),
        });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Value {
        json!({
            "type": "object",
            "required": ["name"],
            "additionalProperties": false,
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "count": {"type": "integer", "minimum": 0, "default": 3},
                "net": {"type": "object", "properties": {
                    "mtu": {"type": "integer", "default": 1500},
                    "cidr": {"type": "string"}
                }}
            }
        })
    }

    fn resolve_with(given: Value) -> Result<Value, Invalid> {
        let s = schema();
        let v = jsonschema::validator_for(&s).unwrap();
        resolve(&s, &v, &given)
    }

    #[test]
    fn defaults_are_filled_at_every_level_and_given_values_kept() {
        assert_eq!(
            resolve_with(json!({"name": "a"})).unwrap(),
            json!({"name": "a", "count": 3, "net": {"mtu": 1500}})
        );
        assert_eq!(
            resolve_with(json!({"name": "a", "count": 7, "net": {"cidr": "10.0.0.0/24"}})).unwrap(),
            json!({"name": "a", "count": 7, "net": {"mtu": 1500, "cidr": "10.0.0.0/24"}})
        );
        assert_eq!(
            defaults_of(&schema()),
            json!({"count": 3, "net": {"mtu": 1500}})
        );
    }

    #[test]
    fn a_violation_names_the_parameter_by_json_pointer() {
        let e = resolve_with(json!({"name": "a", "count": -1})).unwrap_err();
        assert_eq!(e.pointer, "/templateParameters/count");
        assert!(e.reason.contains("minimum"), "{}", e.reason);
        let e = resolve_with(json!({"name": "a", "net": {"mtu": "big"}})).unwrap_err();
        assert_eq!(e.pointer, "/templateParameters/net/mtu");
        let e = resolve_with(json!({})).unwrap_err();
        assert_eq!(e.pointer, "/templateParameters");
        assert!(e.reason.contains("name"), "{}", e.reason);
        let e = resolve_with(json!({"name": "a", "extra": 1})).unwrap_err();
        assert!(e.reason.contains("extra"), "{}", e.reason);
        assert!(resolve_with(json!([1])).is_err());
    }
}
