//! The simulator's alarms. A resource's `extensions.alarms` names the alarms active on it by
//! the definition names of its type's alarm dictionary:
//! `{"TemperatureHigh": {"perceivedSeverity": 2, "since": "2026-12-03T10:00:00Z"}}`. Churn
//! raises, changes and clears them; a resource created with the member raises its alarms.
//! They become alarms through the same reconciliation as the Kubernetes conditions, so they
//! are saved with the inventory and survive a restart as the rest of it does.

use serde_json::{json, Map, Value};

use crate::{
    alarms::{
        conditions::episode_key,
        record::{self, INDETERMINATE},
        Raised,
    },
    backend::cache::Inventory,
    domain::objects::{AlarmDefinition, Resource},
};

/// The member of a resource's extensions holding its active alarms.
pub const MEMBER: &str = "alarms";

/// The definitions of a resource's type's dictionary.
pub fn definitions<'a>(inv: &'a Inventory, resource: &Resource) -> &'a [AlarmDefinition] {
    inv.resource_types
        .get(&resource.resource_type_id)
        .and_then(|t| t.alarm_dictionary_id.as_ref())
        .and_then(|d| inv.alarm_dictionaries.get(d))
        .map(|d| d.alarm_definition.as_slice())
        .unwrap_or_default()
}

/// The alarms every resource states, keyed under `source`. A name its dictionary does not
/// define raises nothing.
pub fn conditions(inv: &Inventory, source: &str) -> Vec<Raised> {
    let mut out = Vec::new();
    for resource in inv.resources.values().flat_map(|pool| pool.values()) {
        let Some(Value::Object(active)) = resource.extensions.get(MEMBER) else {
            continue;
        };
        let defined = definitions(inv, resource);
        for (name, state) in active {
            let Some(d) = defined.iter().find(|d| d.alarm_name == *name) else {
                continue;
            };
            let severity = state["perceivedSeverity"]
                .as_u64()
                .and_then(|s| u8::try_from(s).ok())
                .filter(|s| *s <= INDETERMINATE)
                .unwrap_or(INDETERMINATE);
            let since = state["since"].as_str().unwrap_or_default();
            let mut extensions = Map::new();
            extensions.insert("alarmName".into(), json!(name));
            extensions.insert("resourceName".into(), json!(resource.description));
            out.push(Raised {
                source_key: episode_key(
                    source,
                    &format!("resource/{}/{name}", resource.resource_id),
                    since,
                ),
                alarm_definition_id: d.alarm_definition_id.clone(),
                probable_cause_id: record::stable_id(&format!(
                    "probable-cause/{}",
                    d.alarm_definition_id
                )),
                resource_type_id: resource.resource_type_id.clone(),
                resource_id: resource.resource_id.clone(),
                resource_pool_id: Some(resource.resource_pool_id.clone()),
                severity,
                extensions,
                clearing_type: d.clearing_type,
                raised_at: if since.is_empty() {
                    record::now()
                } else {
                    since.to_owned()
                },
            });
        }
    }
    out
}

/// One alarm step on `extensions`: raises one of `defined` not active, or changes the
/// severity of an active one, or clears it. False when the type defines no alarm.
pub fn churn(
    extensions: &mut Map<String, Value>,
    defined: &[AlarmDefinition],
    rng: &mut fastrand::Rng,
) -> bool {
    let Some(d) = defined.get(rng.usize(..defined.len().max(1))) else {
        return false;
    };
    let active = extensions
        .entry(MEMBER)
        .or_insert_with(|| Value::Object(Map::new()));
    let Some(active) = active.as_object_mut() else {
        return false;
    };
    match active.get_mut(&d.alarm_name) {
        None => {
            active.insert(
                d.alarm_name.clone(),
                json!({"perceivedSeverity": rng.u8(..=3), "since": record::now()}),
            );
        }
        Some(state) if rng.bool() => {
            let prior = state["perceivedSeverity"].as_u64().unwrap_or(0);
            state["perceivedSeverity"] = json!((prior + 1 + rng.u64(..3)) % 4);
        }
        Some(_) => {
            active.remove(&d.alarm_name);
        }
    }
    if active.is_empty() {
        extensions.remove(MEMBER);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::objects::ClearingType;

    #[test]
    fn churn_raises_changes_and_clears() {
        let defined = vec![AlarmDefinition {
            alarm_definition_id: "d1".into(),
            alarm_name: "LinkDown".into(),
            clearing_type: ClearingType::Automatic,
            ..Default::default()
        }];
        let mut rng = fastrand::Rng::with_seed(1);
        let mut ext = Map::new();
        let (mut raised, mut changed, mut cleared) = (0, 0, 0);
        for _ in 0..200 {
            let before = ext.get(MEMBER).and_then(|a| a.get("LinkDown")).cloned();
            assert!(churn(&mut ext, &defined, &mut rng));
            let after = ext.get(MEMBER).and_then(|a| a.get("LinkDown")).cloned();
            match (before, after) {
                (None, Some(_)) => raised += 1,
                (Some(b), Some(a)) => {
                    assert_ne!(
                        b["perceivedSeverity"], a["perceivedSeverity"],
                        "a change changes"
                    );
                    assert_eq!(b["since"], a["since"], "in the same episode");
                    changed += 1;
                }
                (Some(_), None) => cleared += 1,
                (None, None) => panic!("a step did nothing"),
            }
        }
        assert!(raised > 20 && changed > 20 && cleared > 20);
        assert!(!churn(&mut ext, &[], &mut rng), "nothing to raise");
    }
}
