//! Alarms a backend raises from the state it watches: a node not ready, a disk under
//! pressure, a simulated power supply failing. A backend states which conditions are active
//! now; the leader reconciles the stored alarms with that statement, level-triggered. A newly
//! stated condition raises an alarm (NEW), a changed one changes it (CHANGE), and one no longer
//! stated clears it (CLEAR) when its definition clears automatically; a MANUAL one waits for an
//! operator. A restart, a fail-over or a missed watch event cannot lose a clear or raise an
//! alarm twice: the next pass sees the same state and the ids are stable (UUIDv5 of the key).

use super::Raised;

/// The conditions one source states, complete for that source: every key of its alarms
/// starts with `source`, and a stored active alarm under `source` that `active` does not name
/// is over. A source that cannot tell (a watch cache not synchronised, an API server not
/// answering) states no set at all, and its alarms stay as they are.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionSet {
    pub source: String,
    pub active: Vec<Raised>,
    /// Keys the source can vouch for neither way (an alert still firing whose resource is
    /// not known now): their alarms are left as they are.
    pub undecided: Vec<String>,
    /// When the statement was read, for a source whose alarms other writers change too
    /// (Alertmanager's webhook): an alarm changed since is newer than the statement and is
    /// left for the next one. `None`: the statement is the present.
    pub as_of: Option<jiff::Timestamp>,
}

impl ConditionSet {
    /// A statement of the present.
    pub fn now(source: impl Into<String>, active: Vec<Raised>) -> ConditionSet {
        ConditionSet {
            source: source.into(),
            active,
            undecided: Vec::new(),
            as_of: None,
        }
    }

    /// Whether an alarm last changed at `changed` (RFC 3339) may be judged by this statement.
    pub fn predates(&self, changed: Option<&str>) -> bool {
        let Some(as_of) = self.as_of else {
            return true;
        };
        changed
            .and_then(|t| t.parse::<jiff::Timestamp>().ok())
            .is_some_and(|t| t < as_of)
    }
}

impl ConditionSet {
    /// Whether an alarm keyed `source_key` belongs to this source.
    pub fn covers(&self, source_key: &str) -> bool {
        source_key.starts_with(&self.source)
    }

    /// The set as a named backend instance states it: its source and keys prefixed with the
    /// instance, so two instances of one kind never share keys.
    pub fn within(mut self, instance: &str) -> ConditionSet {
        if instance.is_empty() {
            return self;
        }
        self.source = format!("{instance}:{}", self.source);
        for r in &mut self.active {
            r.source_key = format!("{instance}:{}", r.source_key);
        }
        for k in &mut self.undecided {
            *k = format!("{instance}:{k}");
        }
        self
    }
}

/// The key of a condition's episode: `<source><what>@<since>`. A condition that ends and
/// begins again has a new `since`, so it is a new alarm (a CLEAR is final).
pub fn episode_key(source: &str, what: &str, since: &str) -> String {
    format!("{source}{what}@{since}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::objects::{ClearingType, Extensions};

    fn raised(key: &str) -> Raised {
        Raised {
            source_key: key.into(),
            alarm_definition_id: String::new(),
            probable_cause_id: String::new(),
            resource_type_id: String::new(),
            resource_id: String::new(),
            resource_pool_id: None,
            severity: 1,
            extensions: Extensions::new(),
            clearing_type: ClearingType::Automatic,
            raised_at: String::new(),
        }
    }

    #[test]
    fn an_instance_prefixes_its_source_and_keys() {
        let key = episode_key("kube/c1/", "node/u1/NodeNotReady", "2026-01-01T00:00:00Z");
        assert_eq!(key, "kube/c1/node/u1/NodeNotReady@2026-01-01T00:00:00Z");
        let set = ConditionSet::now("kube/c1/", vec![raised(&key)]).within("east");
        assert_eq!(set.source, "east:kube/c1/");
        assert!(set.covers(&set.active[0].source_key));
        assert!(!set.covers(&key), "the bare key is another instance's");
    }

    #[test]
    fn a_statement_as_of_a_time_judges_only_older_alarms() {
        let mut set = ConditionSet::now("alertmanager/", Vec::new());
        assert!(
            set.predates(Some("2026-12-03T10:00:05Z")),
            "the present judges all"
        );
        set.as_of = Some("2026-12-03T10:00:00Z".parse().unwrap());
        assert!(set.predates(Some("2026-12-03T09:59:59Z")));
        assert!(
            !set.predates(Some("2026-12-03T10:00:00Z")),
            "changed since: left"
        );
        assert!(!set.predates(None));
    }
}
