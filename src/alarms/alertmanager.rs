//! Alertmanager's webhook payload (`AlertmanagerNotification`, webhook version 4) and how its
//! alerts become alarm reports: a firing alert raises (or re-states) the alarm keyed by its
//! fingerprint and start time, a resolved one clears it; a re-fire after a resolve starts
//! anew (a new `startsAt`), so it is a new alarm. Severities map as oran-o2ims maps them.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::record::{self, stable_id, Raised, Severity};
use crate::domain::{objects::*, O2IMS_INTERFACE};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub version: String,
    pub group_key: String,
    #[serde(default)]
    pub truncated_alerts: i64,
    pub status: String,
    pub receiver: String,
    #[serde(default)]
    pub group_labels: BTreeMap<String, String>,
    #[serde(default)]
    pub common_labels: BTreeMap<String, String>,
    #[serde(default)]
    pub common_annotations: BTreeMap<String, String>,
    #[serde(default, rename = "externalURL", deserialize_with = "super::not_null")]
    pub external_url: Option<String>,
    pub alerts: Vec<Alert>,
    /// oran-o2ims's optional subscriber information (not used).
    #[serde(default, deserialize_with = "super::not_null")]
    pub subscriber: Option<Subscriber>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscriber {
    #[serde(default, deserialize_with = "super::not_null")]
    pub callback_url: Option<String>,
}

fn is_status(s: &str) -> bool {
    matches!(s, "firing" | "resolved")
}

fn check_url(name: &str, value: &Option<String>) -> Result<(), String> {
    match value {
        Some(v) if url::Url::parse(v).is_err() => Err(format!("{name} '{v}' is not a URL")),
        _ => Ok(()),
    }
}

fn check_time(name: &str, value: &Option<String>) -> Result<(), String> {
    match value {
        Some(v) if v.parse::<jiff::Timestamp>().is_err() => {
            Err(format!("{name} '{v}' is not an RFC 3339 date-time"))
        }
        _ => Ok(()),
    }
}

impl Notification {
    /// What the payload's schema requires beyond its shape: the status enums, date-times and
    /// URLs. A payload that fails is not Alertmanager's (400: Alertmanager does not retry it);
    /// an alert merely lacking `startsAt` or `fingerprint` is counted, not refused.
    pub fn validate(&self) -> Result<(), String> {
        if !is_status(&self.status) {
            return Err(format!(
                "status '{}' is neither firing nor resolved",
                self.status
            ));
        }
        check_url("externalURL", &self.external_url)?;
        if let Some(s) = &self.subscriber {
            check_url("subscriber.callbackUrl", &s.callback_url)?;
        }
        for (i, a) in self.alerts.iter().enumerate() {
            if let Some(status) = a.status.as_deref().filter(|s| !is_status(s)) {
                return Err(format!(
                    "alerts[{i}].status '{status}' is neither firing nor resolved"
                ));
            }
            check_time(&format!("alerts[{i}].startsAt"), &a.starts_at)?;
            check_time(&format!("alerts[{i}].endsAt"), &a.ends_at)?;
            check_url(&format!("alerts[{i}].generatorURL"), &a.generator_url)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alert {
    #[serde(default, deserialize_with = "super::not_null")]
    pub status: Option<String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "super::not_null")]
    pub starts_at: Option<String>,
    #[serde(default, deserialize_with = "super::not_null")]
    pub ends_at: Option<String>,
    #[serde(default, rename = "generatorURL", deserialize_with = "super::not_null")]
    pub generator_url: Option<String>,
    #[serde(default)]
    pub fingerprint: String,
}

/// An alert as Alertmanager's API lists it (`GET /api/v2/alerts`, `gettableAlert`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListedAlert {
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
    #[serde(default)]
    pub starts_at: Option<String>,
    #[serde(default)]
    pub ends_at: Option<String>,
    #[serde(default, rename = "generatorURL")]
    pub generator_url: Option<String>,
    #[serde(default)]
    pub fingerprint: String,
}

impl ListedAlert {
    /// The alert as a webhook would carry it: resolved once its `endsAt` has passed (as
    /// oran-o2ims reads the API), firing otherwise.
    pub fn into_alert(self, now: jiff::Timestamp) -> Alert {
        let ended = self
            .ends_at
            .as_deref()
            .and_then(|t| t.parse::<jiff::Timestamp>().ok())
            .is_some_and(|t| t <= now);
        Alert {
            status: Some(if ended { "resolved" } else { "firing" }.into()),
            labels: self.labels,
            annotations: self.annotations,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            generator_url: self.generator_url,
            fingerprint: self.fingerprint,
        }
    }
}

/// Where the keys of Alertmanager alarms start.
pub const SOURCE: &str = "alertmanager/";

/// The source key of an alert's alarm (its fingerprint and normalised start), if it has both.
pub fn key(alert: &Alert) -> Option<String> {
    let starts = alert.starts_at.as_deref().and_then(instant)?;
    (!alert.fingerprint.is_empty()).then(|| format!("{SOURCE}{}/{starts}", alert.fingerprint))
}

/// The resource an alert concerns, as the inventory knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub resource_id: String,
    pub resource_type_id: String,
    pub resource_pool_id: String,
}

/// What one alert asks of the alarm store.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    /// Raise, or re-state, an active alarm.
    Firing(Raised),
    /// The alarm of this source key is over (and this is how it would look if it was never
    /// seen firing).
    Resolved(Raised),
    /// Not stored: no label names a known resource.
    Unmapped {
        fingerprint: String,
        label: Option<String>,
    },
    /// Not stored: the alert lacks `status`, `startsAt` or `fingerprint`.
    Malformed { fingerprint: String },
}

/// oran-o2ims's mapping of the `severity` label; unknown or missing is INDETERMINATE.
pub fn severity(label: Option<&str>) -> Severity {
    match label.map(str::to_ascii_lowercase).as_deref() {
        Some("critical") => record::CRITICAL,
        Some("major" | "important") => record::MAJOR,
        Some("minor" | "low") => record::MINOR,
        Some("warning" | "info" | "moderate") => record::WARNING,
        _ => record::INDETERMINATE,
    }
}

/// `startsAt` normalised to RFC 3339 UTC in milliseconds, so one instant is one key however
/// it is written: Alertmanager's webhook carries nanoseconds, its API milliseconds (cut, as
/// Go's formatting cuts).
fn instant(text: &str) -> Option<String> {
    let t = text.parse::<jiff::Timestamp>().ok()?;
    let cut = jiff::TimestampRound::new()
        .smallest(jiff::Unit::Millisecond)
        .mode(jiff::RoundMode::Trunc);
    t.round(cut).ok().map(|t| t.to_string())
}

/// The value naming the resource: the first of `labels` present (an `instance` of
/// `host:port` names the host).
pub fn resource_label<'a>(alert: &'a Alert, labels: &[String]) -> Option<&'a str> {
    labels.iter().find_map(|name| {
        let value = alert.labels.get(name)?.as_str();
        Some(match value.rsplit_once(':') {
            Some((host, port)) if port.parse::<u16>().is_ok() && !host.is_empty() => host,
            _ => value,
        })
    })
}

fn strings(map: &BTreeMap<String, String>) -> Value {
    Value::Object(map.iter().map(|(k, v)| (k.clone(), json!(v))).collect())
}

/// The alarm definition netweave names for an Alertmanager alert: one per alert name and
/// severity, as oran-o2ims's dictionaries have.
pub fn definition_id(alertname: &str, severity: Severity) -> String {
    stable_id(&format!("alertmanager/definition/{alertname}/{severity}"))
}

pub fn probable_cause_id(alertname: &str) -> String {
    stable_id(&format!("alertmanager/probable-cause/{alertname}"))
}

/// The alarm dictionary of Alertmanager's alarms.
pub fn dictionary_id() -> String {
    stable_id("alertmanager/dictionary")
}

/// The dictionary of the Alertmanager alarms among `alarms`: one definition per alert name
/// and severity (as oran-o2ims derives from PrometheusRules), described by the latest alert's
/// `summary` and `description` annotations, repaired as its `runbook_url` says. `None`
/// while there is none.
pub fn dictionary(alarms: &[super::Alarm]) -> Option<AlarmDictionary> {
    let mut latest: BTreeMap<&str, &super::Alarm> = BTreeMap::new();
    for a in alarms.iter().filter(|a| a.source_key.starts_with(SOURCE)) {
        let newer = latest
            .get(a.record.alarm_definition_id.as_str())
            .is_none_or(|b| b.record.alarm_raised_time < a.record.alarm_raised_time);
        if newer {
            latest.insert(&a.record.alarm_definition_id, a);
        }
    }
    if latest.is_empty() {
        return None;
    }
    let text = |a: &super::Alarm, group: &str, key: &str| {
        a.record.extensions[group][key]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let definitions = latest
        .into_iter()
        .map(|(id, a)| {
            let severity = text(a, "labels", "severity");
            let (summary, description) = (
                text(a, "annotations", "summary"),
                text(a, "annotations", "description"),
            );
            AlarmDefinition {
                alarm_definition_id: id.to_owned(),
                alarm_name: text(a, "labels", "alertname"),
                alarm_last_change: "1".into(),
                alarm_change_type: AlarmChangeType::Added,
                alarm_description: format!("Summary: {summary}\nDescription: {description}"),
                proposed_repair_actions: text(a, "annotations", "runbook_url"),
                clearing_type: ClearingType::Automatic,
                management_interface_id: vec![O2IMS_INTERFACE.into()],
                pk_notification_field: vec!["alarmDefinitionID".into()],
                alarm_additional_fields: Some(
                    [("severity".to_owned(), json!(severity))]
                        .into_iter()
                        .collect(),
                ),
            }
        })
        .collect();
    Some(AlarmDictionary {
        alarm_dictionary_id: dictionary_id(),
        alarm_dictionary_version: "1".into(),
        alarm_dictionary_schema_version: "1.0".into(),
        entity_type: "prometheus-alert".into(),
        vendor: "Prometheus Alertmanager".into(),
        management_interface_id: vec![O2IMS_INTERFACE.into()],
        pk_notification_field: vec!["alarmDefinitionID".into()],
        alarm_definition: definitions,
    })
}

/// The report of each alert of `n`; `resolve` finds the resource a label value names.
pub fn reports(
    n: &Notification,
    labels: &[String],
    resolve: impl Fn(&str) -> Option<Target>,
) -> Vec<Report> {
    n.alerts
        .iter()
        .map(|alert| {
            let fingerprint = alert.fingerprint.clone();
            let Some(starts) = alert.starts_at.as_deref().and_then(instant) else {
                return Report::Malformed { fingerprint };
            };
            let Some(status) = alert.status.as_deref().filter(|s| is_status(s)) else {
                return Report::Malformed { fingerprint };
            };
            if fingerprint.is_empty() {
                return Report::Malformed { fingerprint };
            }
            let label = resource_label(alert, labels);
            let Some(target) = label.and_then(&resolve) else {
                return Report::Unmapped {
                    fingerprint,
                    label: label.map(str::to_owned),
                };
            };
            let alertname = alert.labels.get("alertname").map_or("", String::as_str);
            let severity = severity(alert.labels.get("severity").map(String::as_str));
            let mut extensions = Map::new();
            extensions.insert("source".into(), json!("alertmanager"));
            extensions.insert("alarmDictionaryId".into(), json!(dictionary_id()));
            extensions.insert("alertname".into(), json!(alertname));
            extensions.insert("fingerprint".into(), json!(fingerprint));
            extensions.insert("labels".into(), strings(&alert.labels));
            extensions.insert("annotations".into(), strings(&alert.annotations));
            if let Some(url) = &alert.generator_url {
                extensions.insert("generatorURL".into(), json!(url));
            }
            let raised = Raised {
                source_key: format!("{SOURCE}{fingerprint}/{starts}"),
                alarm_definition_id: definition_id(alertname, severity),
                probable_cause_id: probable_cause_id(alertname),
                resource_type_id: target.resource_type_id,
                resource_id: target.resource_id,
                resource_pool_id: Some(target.resource_pool_id),
                severity,
                extensions,
                clearing_type: ClearingType::Automatic,
                raised_at: starts,
            };
            if status == "resolved" {
                Report::Resolved(raised)
            } else {
                Report::Firing(raised)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(status: &str, severity: &str, node: &str, starts: &str) -> Alert {
        Alert {
            status: Some(status.into()),
            labels: [
                ("alertname", "NodeDown"),
                ("severity", severity),
                ("instance", node),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
            starts_at: Some(starts.into()),
            fingerprint: "f00d".into(),
            ..Default::default()
        }
    }

    fn target(v: &str) -> Option<Target> {
        (v == "worker-1").then(|| Target {
            resource_id: "r".into(),
            resource_type_id: "t".into(),
            resource_pool_id: "p".into(),
        })
    }

    #[test]
    fn severities_map_as_oran_o2ims_maps_them() {
        for (label, want) in [
            ("critical", 0),
            ("Major", 1),
            ("important", 1),
            ("minor", 2),
            ("low", 2),
            ("warning", 3),
            ("info", 3),
            ("moderate", 3),
            ("page-me", 4),
        ] {
            assert_eq!(severity(Some(label)), want, "{label}");
        }
        assert_eq!(severity(None), 4);
    }

    #[test]
    fn alerts_become_reports_keyed_by_fingerprint_and_start() {
        let labels = vec!["node".to_owned(), "instance".to_owned()];
        let n = Notification {
            alerts: vec![
                alert(
                    "firing",
                    "critical",
                    "worker-1:9100",
                    "2026-12-01T10:00:00.000+01:00",
                ),
                alert(
                    "resolved",
                    "critical",
                    "worker-1:9100",
                    "2026-12-01T09:00:00Z",
                ),
                alert("firing", "critical", "elsewhere", "2026-12-01T09:00:00Z"),
                alert("firing", "critical", "worker-1", "not a time"),
                alert(
                    "firing",
                    "critical",
                    "worker-1",
                    "2026-12-03T12:54:53.427740377Z",
                ),
                alert("firing", "critical", "worker-1", "2026-12-03T12:54:53.427Z"),
            ],
            ..Default::default()
        };
        let r = reports(&n, &labels, target);
        let (Report::Firing(a), Report::Resolved(b)) = (&r[0], &r[1]) else {
            panic!("{r:?}")
        };
        assert_eq!(
            a.source_key, b.source_key,
            "one instant, one key, however written"
        );
        assert_eq!(a.severity, 0);
        assert_eq!(a.resource_id, "r");
        assert_eq!(
            r[2],
            Report::Unmapped {
                fingerprint: "f00d".into(),
                label: Some("elsewhere".into())
            }
        );
        assert_eq!(
            r[3],
            Report::Malformed {
                fingerprint: "f00d".into()
            }
        );
        let (Report::Firing(webhook), Report::Firing(api)) = (&r[4], &r[5]) else {
            panic!("{r:?}")
        };
        assert_eq!(
            webhook.source_key, api.source_key,
            "the webhook's nanoseconds and the API's milliseconds name one alarm"
        );
        assert_eq!(api.raised_at, "2026-12-03T12:54:53.427Z");
    }
}
