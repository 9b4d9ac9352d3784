//! OpenStack conditions as alarms, level-checked like the Kubernetes node conditions: a
//! hypervisor whose compute service is down (CRITICAL) or disabled (MINOR, with the
//! `disabled_reason`), a server in `ERROR` (MAJOR, with its fault). Cleared when the condition
//! ends or the object goes. A server's episode starts at its fault's `created`; OpenStack does
//! not say when a service went down or was disabled, so those are ongoing episodes (an empty
//! `since`): the alarm service continues the active one, or starts one at the first report.

use serde_json::{json, Map, Value};

use super::mapping::id;
use crate::{
    alarms::{
        conditions::episode_key,
        record::{Severity, CRITICAL, MAJOR, MINOR},
        Raised,
    },
    domain::{objects::*, O2IMS_INTERFACE},
};

/// (name, severity, description, repair)
const DEFINITIONS: &[(&str, Severity, &str, &str)] = &[
    ("HypervisorDown", CRITICAL,
        "The hypervisor's nova-compute service is down: Nova schedules nothing to it and cannot manage its servers.",
        "Check the compute host, its nova-compute service and its connection to the message queue (openstack compute service list)."),
    ("HypervisorDisabled", MINOR,
        "The hypervisor's nova-compute service is disabled: Nova schedules no new server to it.",
        "Read the disabled reason; enable the service when the host is fit (openstack compute service set --enable)."),
    ("ServerError", MAJOR,
        "The server is in ERROR: its last operation failed.",
        "Read the server's fault; rebuild, reset its state or delete it (openstack server show)."),
];

pub fn dictionary_id() -> String {
    id("alarm-dictionary", "openstack")
}

pub fn definition_id(name: &str) -> String {
    id("alarm-definition", name)
}

pub fn probable_cause_id(name: &str) -> String {
    id("probable-cause", name)
}

fn severity(name: &str) -> Severity {
    DEFINITIONS
        .iter()
        .find(|d| d.0 == name)
        .map(|d| d.1)
        .unwrap_or(MAJOR)
}

/// The dictionary the hypervisor and flavor types refer to.
pub fn dictionary() -> AlarmDictionary {
    AlarmDictionary {
        alarm_dictionary_id: dictionary_id(),
        alarm_dictionary_version: "1".into(),
        alarm_dictionary_schema_version: "1.0".into(),
        entity_type: "openstack-compute".into(),
        vendor: "OpenStack".into(),
        management_interface_id: vec![O2IMS_INTERFACE.into()],
        pk_notification_field: vec!["alarmDefinitionID".into()],
        alarm_definition: DEFINITIONS
            .iter()
            .map(|(name, _, description, repair)| AlarmDefinition {
                alarm_definition_id: definition_id(name),
                alarm_name: (*name).into(),
                alarm_last_change: "1".into(),
                alarm_change_type: AlarmChangeType::Added,
                alarm_description: (*description).into(),
                proposed_repair_actions: (*repair).into(),
                clearing_type: ClearingType::Automatic,
                management_interface_id: vec![O2IMS_INTERFACE.into()],
                pk_notification_field: vec!["alarmDefinitionID".into()],
                alarm_additional_fields: None,
            })
            .collect(),
    }
}

/// The alarms a hypervisor or server resource raises now, from its extensions.
pub fn raised(source: &str, resource: &Resource, out: &mut Vec<Raised>) {
    let ext = &resource.extensions;
    let text = |k: &str| ext.get(k).and_then(Value::as_str).unwrap_or_default();
    let mut raise = |name: &str, since: &str, detail: Map<String, Value>| {
        out.push(Raised {
            source_key: episode_key(source, &format!("{}/{}", resource.resource_id, name), since),
            alarm_definition_id: definition_id(name),
            probable_cause_id: probable_cause_id(name),
            resource_type_id: resource.resource_type_id.clone(),
            resource_id: resource.resource_id.clone(),
            resource_pool_id: Some(resource.resource_pool_id.clone()),
            severity: severity(name),
            extensions: detail,
            clearing_type: ClearingType::Automatic,
            raised_at: if since.is_empty() {
                crate::alarms::record::now()
            } else {
                since.to_owned()
            },
        });
    };
    match text("source") {
        "hypervisor" => {
            let base = |m: &mut Map<String, Value>| {
                m.insert(
                    "hypervisorHostname".into(),
                    json!(text("hypervisorHostname")),
                );
                m.insert("host".into(), json!(text("host")));
            };
            if text("state") == "down" {
                let mut m = Map::new();
                base(&mut m);
                m.insert("state".into(), json!("down"));
                raise("HypervisorDown", "", m);
            }
            if text("status") == "disabled" {
                let mut m = Map::new();
                base(&mut m);
                m.insert("status".into(), json!("disabled"));
                m.insert(
                    "disabledReason".into(),
                    ext.get("disabledReason").cloned().unwrap_or(Value::Null),
                );
                raise("HypervisorDisabled", "", m);
            }
        }
        "server" if text("status") == "ERROR" => {
            let fault = ext.get("fault").cloned().unwrap_or(Value::Null);
            let since = fault["created"].as_str().unwrap_or_default().to_owned();
            let mut m = Map::new();
            m.insert("serverName".into(), json!(text("name")));
            m.insert("status".into(), json!("ERROR"));
            m.insert(
                "message".into(),
                json!(fault["message"].as_str().unwrap_or_default()),
            );
            m.insert("faultCode".into(), fault["code"].clone());
            raise("ServerError", &since, m);
        }
        _ => {}
    }
}
