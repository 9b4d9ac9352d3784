//! The O-RAN `fields`, `exclude_fields` and `all_fields` selectors: which attributes of each
//! object a list or get returns. Field references use the filter's `a/b` syntax. Every
//! attribute is returned by default, so `all_fields` only confirms that; the object's
//! identifier is always kept so that a projected object can still be addressed.

use serde_json::{Map, Value};

/// Why a field selector was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid {parameter}: {message}")]
pub struct FieldsError {
    pub parameter: &'static str,
    pub message: String,
}

/// A parsed selection of attributes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    include: Option<Vec<Vec<String>>>,
    exclude: Vec<Vec<String>>,
    id_field: &'static str,
}

impl Projection {
    pub fn parse(
        fields: Option<&str>,
        exclude_fields: Option<&str>,
        known: &[&str],
        id_field: &'static str,
    ) -> Result<Projection, FieldsError> {
        let include = fields.map(|f| references("fields", f, known)).transpose()?;
        let exclude = exclude_fields
            .map(|f| references("exclude_fields", f, known))
            .transpose()?
            .unwrap_or_default();
        Ok(Projection {
            include,
            exclude,
            id_field,
        })
    }

    pub fn is_identity(&self) -> bool {
        self.include.is_none() && self.exclude.is_empty()
    }

    /// Applies the selection to an object's JSON form.
    pub fn apply(&self, value: Value) -> Value {
        let Value::Object(mut object) = value else {
            return value;
        };
        if let Some(include) = &self.include {
            let mut kept = Map::new();
            if let Some(id) = object.get(self.id_field) {
                kept.insert(self.id_field.to_owned(), id.clone());
            }
            for path in include {
                copy_path(&object, &mut kept, path);
            }
            object = kept;
        }
        for path in &self.exclude {
            if path.len() == 1 && path[0] == self.id_field {
                continue;
            }
            remove_path(&mut object, path);
        }
        Value::Object(object)
    }
}

fn references(
    parameter: &'static str,
    list: &str,
    known: &[&str],
) -> Result<Vec<Vec<String>>, FieldsError> {
    let fail = |message: String| FieldsError { parameter, message };
    let mut out = Vec::new();
    for (i, reference) in list.split(',').enumerate() {
        let reference = reference.trim();
        if reference.is_empty() {
            return Err(fail(format!("field reference number {} is empty", i + 1)));
        }
        let path: Vec<String> = reference.split('/').map(str::to_owned).collect();
        if path.iter().any(String::is_empty) {
            return Err(fail(format!(
                "field reference '{reference}' has an empty segment"
            )));
        }
        if !known.contains(&path[0].as_str()) {
            return Err(fail(format!(
                "unknown field '{}'; known fields: {}",
                path[0],
                known.join(", ")
            )));
        }
        out.push(path);
    }
    Ok(out)
}

fn copy_path(from: &Map<String, Value>, to: &mut Map<String, Value>, path: &[String]) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    let Some(value) = from.get(first) else {
        return;
    };
    if rest.is_empty() {
        to.insert(first.clone(), value.clone());
        return;
    }
    if let Value::Object(inner) = value {
        let slot = to
            .entry(first.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(slot) = slot {
            copy_path(inner, slot, rest);
        }
    }
}

fn remove_path(object: &mut Map<String, Value>, path: &[String]) {
    match path {
        [] => {}
        [last] => {
            object.remove(last);
        }
        [first, rest @ ..] => {
            if let Some(Value::Object(inner)) = object.get_mut(first) {
                remove_path(inner, rest);
            }
        }
    }
}
