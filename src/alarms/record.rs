//! An alarm as the O2ims monitoring API shows it (`AlarmEventRecord`), what netweave keeps
//! beside it, and the lifecycle every source drives it through: raised (NEW), changed while
//! active (CHANGE), cleared (CLEAR, final: a re-fire is a new alarm), acknowledged once
//! (ACKNOWLEDGE). Identifiers are UUIDv5 of the alarm's source key, so every replica that
//! sees the same alert names the same alarm.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::{
    attributes::{AsAttr, Attr, Attributes, Fields},
    objects::{ClearingType, Extensions},
};

pub use crate::domain::alarm_events::{AlarmChange, KIND};
pub use crate::events::model::ALARM_INSTANCE as INSTANCE;
/// The monitoring API's path of an alarm.
pub fn object_ref(id: &str) -> String {
    format!("{}/v1/alarms/{id}", crate::domain::api::MONITORING_ROOT)
}

/// `perceivedSeverity`: 0 CRITICAL, 1 MAJOR, 2 MINOR, 3 WARNING, 4 INDETERMINATE, 5 CLEARED.
pub type Severity = u8;
pub const CRITICAL: Severity = 0;
pub const MAJOR: Severity = 1;
pub const MINOR: Severity = 2;
pub const WARNING: Severity = 3;
pub const INDETERMINATE: Severity = 4;
pub const CLEARED: Severity = 5;

/// The name of a severity, as metrics label it (`critical` … `cleared`).
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        CRITICAL => "critical",
        MAJOR => "major",
        MINOR => "minor",
        WARNING => "warning",
        INDETERMINATE => "indeterminate",
        _ => "cleared",
    }
}

/// Namespace of netweave's alarm identifiers (UUIDv5).
const NAMESPACE: Uuid = Uuid::from_u128(0x6e657477_6561_5645_8000_616c61726d73);

/// The stable identifier of what `key` names (an alarm, a definition, a probable cause).
pub fn stable_id(key: &str) -> String {
    Uuid::new_v5(&NAMESPACE, key.as_bytes()).to_string()
}

/// The O2ims `AlarmEventRecord`, with the spec's field names (`alarmDefinitionID` …).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlarmEventRecord {
    pub alarm_event_record_id: String,
    #[serde(rename = "alarmDefinitionID")]
    pub alarm_definition_id: String,
    #[serde(rename = "probableCauseID")]
    pub probable_cause_id: String,
    /// RFC 3339.
    pub alarm_raised_time: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarm_changed_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarm_cleared_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarm_acknowledged_time: Option<String>,
    pub alarm_acknowledged: bool,
    pub perceived_severity: Severity,
    pub extensions: Extensions,
    #[serde(rename = "resourceTypeID")]
    pub resource_type_id: String,
    #[serde(rename = "resourceID")]
    pub resource_id: String,
}

impl AsAttr for bool {
    fn as_attr(&self) -> Attr<'_> {
        Attr::Owned((*self).into())
    }
}
impl AsAttr for Severity {
    fn as_attr(&self) -> Attr<'_> {
        Attr::Owned((*self).into())
    }
}

impl Fields for AlarmEventRecord {
    const FIELDS: &'static [&'static str] = &[
        "alarmEventRecordId",
        "alarmDefinitionID",
        "probableCauseID",
        "alarmRaisedTime",
        "alarmChangedTime",
        "alarmClearedTime",
        "alarmAcknowledgedTime",
        "alarmAcknowledged",
        "perceivedSeverity",
        "extensions",
        "resourceTypeID",
        "resourceID",
    ];
    const ID_FIELD: &'static str = "alarmEventRecordId";
}

impl Attributes for AlarmEventRecord {
    fn attribute(&self, name: &str) -> Attr<'_> {
        match name {
            "alarmEventRecordId" => self.alarm_event_record_id.as_attr(),
            "alarmDefinitionID" => self.alarm_definition_id.as_attr(),
            "probableCauseID" => self.probable_cause_id.as_attr(),
            "alarmRaisedTime" => self.alarm_raised_time.as_attr(),
            "alarmChangedTime" => self.alarm_changed_time.as_attr(),
            "alarmClearedTime" => self.alarm_cleared_time.as_attr(),
            "alarmAcknowledgedTime" => self.alarm_acknowledged_time.as_attr(),
            "alarmAcknowledged" => self.alarm_acknowledged.as_attr(),
            "perceivedSeverity" => self.perceived_severity.as_attr(),
            "extensions" => Attr::Map(&self.extensions),
            "resourceTypeID" => self.resource_type_id.as_attr(),
            "resourceID" => self.resource_id.as_attr(),
            _ => Attr::Missing,
        }
    }
}

/// An alarm as stored: the record, and what netweave keeps beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alarm {
    pub record: AlarmEventRecord,
    /// The source and its key (`alertmanager/<fingerprint>/<startsAt>`), which the id derives from.
    pub source_key: String,
    /// How the alarm's definition says it clears: MANUAL ones may be cleared by PATCH.
    pub clearing_type: ClearingType,
    /// The pool of the resource, for tenant views.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_pool_id: Option<String>,
    /// Bumped by every stored change: the entity tag, and the store's compare-and-swap.
    pub revision: u64,
    /// The outbox: events of this alarm's changes written with them and not yet appended to
    /// the event stream. Appended, then removed (at least once: a crash in between appends
    /// them again, with the same event ids, so receivers see the same notification ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unpublished: Vec<crate::events::Event>,
}

/// The kind an alarm subscription's filter excludes (`NEW`, `CHANGE`, `CLEAR`,
/// `ACKNOWLEDGE`).
pub fn excluded_change(filter: &str) -> Option<AlarmChange> {
    AlarmChange::ALL
        .into_iter()
        .find(|c| c.name() == filter.trim())
}

/// What a source says about an alarm it raises (or re-states while it lasts).
#[derive(Clone, Debug, PartialEq)]
pub struct Raised {
    pub source_key: String,
    pub alarm_definition_id: String,
    pub probable_cause_id: String,
    pub resource_type_id: String,
    pub resource_id: String,
    pub resource_pool_id: Option<String>,
    pub severity: Severity,
    pub extensions: Extensions,
    pub clearing_type: ClearingType,
    /// When the condition began (RFC 3339).
    pub raised_at: String,
}

impl Alarm {
    /// The strong entity tag of this revision.
    pub fn etag(&self) -> String {
        format!("\"{}\"", self.revision)
    }

    pub fn id(&self) -> &str {
        &self.record.alarm_event_record_id
    }

    pub fn is_cleared(&self) -> bool {
        self.record.perceived_severity == CLEARED
    }

    /// A new alarm from a source's first report.
    pub fn raised(r: Raised, now: &str) -> Alarm {
        Alarm {
            record: AlarmEventRecord {
                alarm_event_record_id: stable_id(&r.source_key),
                alarm_definition_id: r.alarm_definition_id,
                probable_cause_id: r.probable_cause_id,
                alarm_raised_time: r.raised_at,
                alarm_changed_time: Some(now.to_owned()),
                alarm_cleared_time: None,
                alarm_acknowledged_time: None,
                alarm_acknowledged: false,
                perceived_severity: r.severity,
                extensions: r.extensions,
                resource_type_id: r.resource_type_id,
                resource_id: r.resource_id,
            },
            source_key: r.source_key,
            clearing_type: r.clearing_type,
            resource_pool_id: r.resource_pool_id,
            revision: 1,
            unpublished: Vec::new(),
        }
    }

    /// The stream event of `change`, the record as it is now.
    pub fn event(&self, change: AlarmChange, global_cloud_id: &str) -> crate::events::Event {
        let mut metadata = std::collections::BTreeMap::new();
        metadata.insert("globalCloudId".to_owned(), global_cloud_id.to_owned());
        if let Some(pool) = &self.resource_pool_id {
            metadata.insert("resourcePoolId".to_owned(), pool.clone());
        }
        crate::events::Event {
            event_id: Uuid::new_v4().to_string(),
            cursor: 0,
            source: crate::events::EventSource {
                backend: INSTANCE.into(),
                instance_id: INSTANCE.into(),
            },
            event_type: format!("o2ims.{KIND}.{}", change.word()),
            object_kind: KIND.into(),
            object_id: self.id().to_owned(),
            object_ref: object_ref(self.id()),
            prior_object_state: None,
            post_object_state: serde_json::to_value(&self.record).ok(),
            occurred_at: crate::events::model::now_rfc3339(),
            published_at: String::new(),
            metadata,
        }
    }

    /// A source re-stating an active alarm: CHANGE when anything differs (not reported once
    /// acknowledged, as oran-o2ims does; the record still changes). A cleared alarm stays
    /// cleared: the same key firing again is the same, finished, episode.
    pub fn restated(&mut self, r: &Raised, now: &str) -> Option<AlarmChange> {
        if self.is_cleared() {
            return None;
        }
        let rec = &mut self.record;
        let same = rec.perceived_severity == r.severity
            && rec.extensions == r.extensions
            && rec.alarm_definition_id == r.alarm_definition_id
            && rec.resource_id == r.resource_id
            && rec.resource_type_id == r.resource_type_id;
        if same {
            return None;
        }
        rec.perceived_severity = r.severity;
        rec.extensions = r.extensions.clone();
        rec.alarm_definition_id = r.alarm_definition_id.clone();
        rec.probable_cause_id = r.probable_cause_id.clone();
        rec.resource_id = r.resource_id.clone();
        rec.resource_type_id = r.resource_type_id.clone();
        rec.alarm_changed_time = Some(now.to_owned());
        self.resource_pool_id = r.resource_pool_id.clone();
        self.revision += 1;
        (!rec.alarm_acknowledged).then_some(AlarmChange::Change)
    }

    /// The condition is over: CLEAR, once.
    pub fn cleared(&mut self, now: &str) -> Option<AlarmChange> {
        if self.is_cleared() {
            return None;
        }
        self.record.perceived_severity = CLEARED;
        self.record.alarm_cleared_time = Some(now.to_owned());
        self.record.alarm_changed_time = Some(now.to_owned());
        self.revision += 1;
        Some(AlarmChange::Clear)
    }

    /// Acknowledged by an operator: ACKNOWLEDGE, once; `false` when it already was.
    pub fn acknowledged(&mut self, now: &str) -> bool {
        if self.record.alarm_acknowledged {
            return false;
        }
        self.record.alarm_acknowledged = true;
        self.record.alarm_acknowledged_time = Some(now.to_owned());
        self.record.alarm_changed_time = Some(now.to_owned());
        self.revision += 1;
        true
    }
}

/// The alarm service configuration (`AlarmServiceConfiguration`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlarmServiceConfiguration {
    /// Days a cleared alarm is kept; at least 1.
    pub retention_period: u32,
    pub extensions: Extensions,
    /// The entity tag's revision (not shown).
    #[serde(default, skip_serializing)]
    pub revision: u64,
}

impl Default for AlarmServiceConfiguration {
    fn default() -> Self {
        AlarmServiceConfiguration {
            retention_period: 1,
            extensions: Extensions::new(),
            revision: 0,
        }
    }
}

impl AlarmServiceConfiguration {
    pub fn etag(&self) -> String {
        format!("\"{}\"", self.revision)
    }
}

/// Now, RFC 3339 in whole seconds (as the spec's examples).
pub fn now() -> String {
    let ts = jiff::Timestamp::now();
    jiff::Timestamp::from_second(ts.as_second())
        .map(|t| t.to_string())
        .unwrap_or_else(|_| ts.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raised(severity: Severity) -> Raised {
        Raised {
            source_key: "alertmanager/abc/2026-01-01T00:00:00Z".into(),
            alarm_definition_id: stable_id("def"),
            probable_cause_id: stable_id("cause"),
            resource_type_id: stable_id("type"),
            resource_id: stable_id("res"),
            resource_pool_id: None,
            severity,
            extensions: Extensions::new(),
            clearing_type: ClearingType::Automatic,
            raised_at: "2026-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn the_lifecycle_reports_each_change_once() {
        let mut a = Alarm::raised(raised(MAJOR), "t0");
        assert_eq!(a.id(), stable_id("alertmanager/abc/2026-01-01T00:00:00Z"));
        assert_eq!(a.restated(&raised(MAJOR), "t1"), None, "nothing changed");
        assert_eq!(
            a.restated(&raised(CRITICAL), "t1"),
            Some(AlarmChange::Change)
        );
        assert!(a.acknowledged("t2"));
        assert!(!a.acknowledged("t3"), "acknowledged once");
        assert_eq!(
            a.restated(&raised(MINOR), "t4"),
            None,
            "CHANGE not reported once acknowledged"
        );
        assert_eq!(
            a.record.perceived_severity, MINOR,
            "the record still changes"
        );
        assert_eq!(a.cleared("t5"), Some(AlarmChange::Clear));
        assert_eq!(a.cleared("t6"), None);
        assert_eq!(a.restated(&raised(MAJOR), "t7"), None, "cleared is final");
        assert_eq!(a.record.alarm_cleared_time.as_deref(), Some("t5"));
        assert_eq!(a.revision, 5);
    }
}
