//! INF O2's attribute selectors on `/v1` (ETSI NFV-SOL 013 §5.3, where the names come from):
//! every model has a default mask (its swagger `x-mask`), the attributes a plain GET returns.
//! `fields` adds attributes to it, `exclude_fields` returns every attribute but those named
//! (the default ones cannot be left out), `exclude_default=true` is the default mask, and
//! `all_fields` returns every attribute. Precedence, as INF applies them: `all_fields`, then
//! `fields`, then `exclude_fields`, then `exclude_default`.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::model::Model;
use crate::http::query::Selectors;

/// Which attributes of an object (and, nested, of its parts) to keep.
#[derive(Clone, Debug, PartialEq)]
pub enum Mask {
    /// The whole value.
    All,
    /// Only these attributes, each with its own mask.
    Some(BTreeMap<String, Mask>),
}

impl Mask {
    /// Parses a flask-restx mask, `{a,b,c{d,e}}`, as INF's `x-mask` writes them.
    pub fn parse_x_mask(text: &str) -> Mask {
        let mut stack: Vec<BTreeMap<String, Mask>> = vec![BTreeMap::new()];
        let mut names: Vec<String> = Vec::new();
        let mut word = String::new();
        let chars: Vec<char> = text.trim().chars().collect();
        // The outer braces are the object itself.
        let inner = match (chars.first(), chars.last()) {
            (Some('{'), Some('}')) => &chars[1..chars.len() - 1],
            _ => &chars[..],
        };
        for &c in inner {
            match c {
                '{' => {
                    names.push(std::mem::take(&mut word));
                    stack.push(BTreeMap::new());
                }
                '}' => {
                    // The word before `}` belongs to the level it closes.
                    let mut level = stack.pop().unwrap_or_default();
                    if !word.trim().is_empty() {
                        level.insert(std::mem::take(&mut word).trim().to_owned(), Mask::All);
                    }
                    let name = names.pop().unwrap_or_default();
                    if let Some(parent) = stack.last_mut() {
                        parent.insert(name.trim().to_owned(), Mask::Some(level));
                    }
                }
                ',' => {
                    let w = std::mem::take(&mut word);
                    if !w.trim().is_empty() {
                        if let Some(level) = stack.last_mut() {
                            level.insert(w.trim().to_owned(), Mask::All);
                        }
                    }
                }
                c => word.push(c),
            }
        }
        let mut top = stack.into_iter().next().unwrap_or_default();
        if !word.trim().is_empty() {
            top.insert(word.trim().to_owned(), Mask::All);
        }
        Mask::Some(top)
    }

    /// Every attribute of `model`, whole.
    pub fn every(model: &Model) -> Mask {
        Mask::Some(
            model
                .fields
                .iter()
                .map(|f| (f.clone(), Mask::All))
                .collect(),
        )
    }

    /// What either mask keeps.
    pub fn union(self, other: Mask) -> Mask {
        match (self, other) {
            (Mask::All, _) | (_, Mask::All) => Mask::All,
            (Mask::Some(mut a), Mask::Some(b)) => {
                for (name, mask) in b {
                    let merged = match a.remove(&name) {
                        Some(existing) => existing.union(mask),
                        None => mask,
                    };
                    a.insert(name, merged);
                }
                Mask::Some(a)
            }
        }
    }

    /// Whether the mask keeps the whole of `path`.
    fn covers(&self, path: &[String]) -> bool {
        match (self, path.split_first()) {
            (Mask::All, _) => true,
            (Mask::Some(_), None) => false,
            (Mask::Some(map), Some((first, rest))) => {
                map.get(first).is_some_and(|m| m.covers(rest))
            }
        }
    }

    fn apply(&self, value: Value) -> Value {
        match (self, value) {
            (Mask::All, value) => value,
            (Mask::Some(keep), Value::Object(object)) => {
                let mut out = Map::new();
                for (name, value) in object {
                    if let Some(mask) = keep.get(&name) {
                        out.insert(name, mask.apply(value));
                    }
                }
                Value::Object(out)
            }
            (mask, Value::Array(items)) => {
                Value::Array(items.into_iter().map(|i| mask.apply(i)).collect())
            }
            (_, scalar) => scalar,
        }
    }
}

/// A parsed selection: what to keep, then what to drop from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    keep: Mask,
    drop: Vec<Vec<String>>,
}

impl Selection {
    /// The selection the query asks for on objects of `model`; an attribute the model does
    /// not have is a bad request (INF: "Selector attribute … not found").
    pub fn of(selectors: &Selectors, model: &Model) -> Result<Selection, String> {
        let default = model.default.clone();
        if selectors.all_fields {
            return Ok(Selection {
                keep: Mask::every(model),
                drop: Vec::new(),
            });
        }
        if let Some(fields) = selectors.fields.as_deref().filter(|f| !f.trim().is_empty()) {
            let mut keep = default;
            for path in references("fields", fields, model)? {
                keep = keep.union(nested(&path));
            }
            return Ok(Selection {
                keep,
                drop: Vec::new(),
            });
        }
        if let Some(excluded) = selectors
            .exclude_fields
            .as_deref()
            .filter(|f| !f.trim().is_empty())
        {
            let drop = references("exclude_fields", excluded, model)?
                .into_iter()
                .filter(|path| !default.covers(&path[..1]))
                .collect();
            return Ok(Selection {
                keep: Mask::every(model),
                drop,
            });
        }
        Ok(Selection {
            keep: default,
            drop: Vec::new(),
        })
    }

    /// The object as the selection shows it.
    pub fn apply(&self, value: Value) -> Value {
        let mut value = self.keep.apply(value);
        for path in &self.drop {
            remove(&mut value, path);
        }
        value
    }
}

fn references(parameter: &str, list: &str, model: &Model) -> Result<Vec<Vec<String>>, String> {
    let mut out = Vec::new();
    for reference in list.split(',') {
        let reference = reference.trim();
        if reference.is_empty() {
            return Err(format!("{parameter}: empty attribute name in '{list}'"));
        }
        let path: Vec<String> = reference.split('/').map(|s| s.trim().to_owned()).collect();
        if path.iter().any(String::is_empty) {
            return Err(format!(
                "{parameter}: attribute '{reference}' has an empty segment"
            ));
        }
        if !model.fields.iter().any(|f| *f == path[0]) {
            return Err(format!(
                "{parameter}: selector attribute '{}' not found; {} has: {}",
                path[0],
                model.name,
                model.fields.join(", ")
            ));
        }
        out.push(path);
    }
    Ok(out)
}

/// The mask keeping exactly `path`.
fn nested(path: &[String]) -> Mask {
    match path.split_first() {
        None => Mask::All,
        Some((first, rest)) => Mask::Some(BTreeMap::from([(first.clone(), nested(rest))])),
    }
}

fn remove(value: &mut Value, path: &[String]) {
    match (value, path) {
        (_, []) => {}
        (Value::Object(object), [last]) => {
            object.remove(last);
        }
        (Value::Object(object), [first, rest @ ..]) => {
            if let Some(inner) = object.get_mut(first) {
                remove(inner, rest);
            }
        }
        (Value::Array(items), path) => items.iter_mut().for_each(|i| remove(i, path)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn model() -> Model {
        Model {
            name: "Thing".into(),
            fields: ["id", "name", "extensions", "dictionary"]
                .map(String::from)
                .to_vec(),
            default: Mask::parse_x_mask("{id,name,extensions{profileName}}"),
        }
    }

    fn thing() -> Value {
        json!({"id": "1", "name": "n", "extensions": {"profileName": "p", "other": 1},
               "dictionary": {"defs": [{"a": 1, "b": 2}, {"a": 3, "b": 4}]}, "extra": true})
    }

    fn select(query: &str) -> Result<Value, String> {
        let selectors = Selectors::parse(query).map_err(|p| p.0.message)?;
        Ok(Selection::of(&selectors, &model())?.apply(thing()))
    }

    #[test]
    fn x_masks_parse_with_nesting() {
        let mask = Mask::parse_x_mask("{a,b{c,d{e}},f}");
        assert!(mask.covers(&["a".into()]));
        assert!(mask.covers(&["b".into(), "c".into()]));
        assert!(!mask.covers(&["b".into()]));
        assert!(mask.covers(&["b".into(), "d".into(), "e".into()]));
        assert!(mask.covers(&["f".into()]));
        assert!(!mask.covers(&["g".into()]));
    }

    #[test]
    fn the_default_mask_applies_without_selectors() {
        assert_eq!(
            select("").unwrap(),
            json!({"id": "1", "name": "n", "extensions": {"profileName": "p"}})
        );
        assert_eq!(select("exclude_default=true").unwrap(), select("").unwrap());
    }

    #[test]
    fn fields_add_to_the_default_mask() {
        assert_eq!(
            select("fields=dictionary/defs/a").unwrap(),
            json!({"id": "1", "name": "n", "extensions": {"profileName": "p"},
                   "dictionary": {"defs": [{"a": 1}, {"a": 3}]}})
        );
        assert_eq!(
            select("fields=extensions").unwrap()["extensions"]["other"],
            1
        );
        assert!(select("fields=nope")
            .unwrap_err()
            .contains("'nope' not found"));
    }

    #[test]
    fn exclude_fields_leaves_out_only_optional_attributes() {
        let out = select("exclude_fields=dictionary/defs/b,name").unwrap();
        assert_eq!(out["name"], "n", "a default attribute stays");
        assert_eq!(out["dictionary"], json!({"defs": [{"a": 1}, {"a": 3}]}));
        assert_eq!(out.get("extra"), None, "only the model's attributes");
    }

    #[test]
    fn all_fields_wins_and_keeps_only_model_attributes() {
        let out = select("all_fields&fields=name").unwrap();
        assert_eq!(out["extensions"]["other"], 1);
        assert_eq!(out.get("extra"), None);
    }
}
