//! Node and Machine conditions as alarms on the node's resource, and the alarm dictionary that
//! defines them. The kubelet's conditions (Ready, the pressures, NetworkUnavailable),
//! node-problem-detector's (KernelDeadlock, ReadonlyFilesystem, …), those named in
//! `kubernetes.alarm_node_conditions`, and the conditions of the Machine a node runs on raise an
//! alarm while abnormal. Each is keyed by the object, the definition and the condition's
//! `lastTransitionTime` (one episode, one alarm) and clears automatically when the condition
//! returns to normal or the object goes.

use k8s_openapi::api::core::v1::Node;
use serde_json::{json, Map, Value};

use super::mapping::{id, Mapping};
use crate::{
    alarms::{
        conditions::episode_key,
        record::{Severity, CRITICAL, MAJOR, MINOR},
        Raised,
    },
    domain::{objects::*, O2IMS_INTERFACE},
};

/// What a definition watches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    Node,
    Machine,
}

/// One alarm definition: raised while `condition` has `status` on a Node or a Machine.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    pub on: On,
    pub name: String,
    pub condition: String,
    pub status: String,
    pub severity: Severity,
    pub description: String,
    pub repair: String,
}

type Entry = (
    On,
    &'static str,
    &'static str,
    &'static str,
    Severity,
    &'static str,
    &'static str,
);

/// The built-in definitions: (on, name, condition, abnormal status, severity, description,
/// repair). `Phase` is a Machine's `status.phase` (or a failure reason), not a condition.
const BUILT_IN: &[Entry] = &[
    (On::Node, "NodeNotReady", "Ready", "False", CRITICAL,
        "The kubelet reports the node not ready: no pods are scheduled to it and its pods may be evicted.",
        "Check the kubelet, the container runtime and the node's network (kubectl describe node)."),
    (On::Node, "NodeUnreachable", "Ready", "Unknown", MAJOR,
        "The node stopped reporting to the API server: its state is unknown.",
        "Check that the node is powered and reachable, and that its kubelet runs."),
    (On::Node, "NodeMemoryPressure", "MemoryPressure", "True", MAJOR,
        "The node is short of memory: the kubelet evicts pods.",
        "Reduce the memory its pods use, or add memory or nodes."),
    (On::Node, "NodeDiskPressure", "DiskPressure", "True", MAJOR,
        "The node is short of disk space: the kubelet evicts pods and removes images.",
        "Free disk space (images, logs, volumes) or enlarge the disk."),
    (On::Node, "NodePIDPressure", "PIDPressure", "True", MAJOR,
        "The node is short of process identifiers.",
        "Find the pods starting too many processes; raise the node's PID limit."),
    (On::Node, "NodeNetworkUnavailable", "NetworkUnavailable", "True", MAJOR,
        "The node's network is not configured: pods on it cannot communicate.",
        "Check the cluster network plugin on the node."),
    (On::Node, "NodeKernelDeadlock", "KernelDeadlock", "True", CRITICAL,
        "node-problem-detector found a kernel deadlock (hung tasks in D state).",
        "Drain and reboot the node; check the kernel log."),
    (On::Node, "NodeReadonlyFilesystem", "ReadonlyFilesystem", "True", CRITICAL,
        "node-problem-detector found a filesystem remounted read-only.",
        "Drain the node, check the disk and the filesystem, and reboot."),
    (On::Node, "NodeFrequentKubeletRestart", "FrequentKubeletRestart", "True", MINOR,
        "node-problem-detector saw the kubelet restart repeatedly.",
        "Check the kubelet's log and configuration."),
    (On::Node, "NodeFrequentDockerRestart", "FrequentDockerRestart", "True", MINOR,
        "node-problem-detector saw Docker restart repeatedly.",
        "Check the Docker daemon's log."),
    (On::Node, "NodeFrequentContainerdRestart", "FrequentContainerdRestart", "True", MINOR,
        "node-problem-detector saw containerd restart repeatedly.",
        "Check containerd's log."),
    (On::Node, "NodeKubeletUnhealthy", "KubeletUnhealthy", "True", MAJOR,
        "node-problem-detector's health check finds the kubelet unhealthy.",
        "Check and restart the kubelet."),
    (On::Node, "NodeContainerRuntimeUnhealthy", "ContainerRuntimeUnhealthy", "True", MAJOR,
        "node-problem-detector's health check finds the container runtime unhealthy.",
        "Check and restart the container runtime."),
    (On::Node, "NodeCorruptDockerOverlay2", "CorruptDockerOverlay2", "True", MAJOR,
        "node-problem-detector found Docker's overlay2 storage corrupt.",
        "Drain the node and rebuild Docker's storage."),
    (On::Machine, "MachineNotReady", "Ready", "False", MAJOR,
        "The Cluster API Machine the node runs on is not ready.",
        "Check the Machine's conditions and its infrastructure provider."),
    (On::Machine, "MachineNodeUnhealthy", "NodeHealthy", "False", MAJOR,
        "The Cluster API Machine reports its node unhealthy.",
        "Check the node and the Machine's MachineHealthCheck."),
    (On::Machine, "MachineInstanceMissing", "InstanceExists", "False", CRITICAL,
        "The cloud or bare-metal instance behind the Machine does not exist.",
        "Check the infrastructure provider; the Machine may need replacing."),
    (On::Machine, "MachineFailed", "Phase", "Failed", CRITICAL,
        "The Machine the node runs on has failed (phase Failed or a failure reason set).",
        "Read the Machine's failure reason; delete it so its MachineSet replaces it."),
];

/// The definitions in force: the built-in ones and, for each extra node condition type
/// (`kubernetes.alarm_node_conditions`), `Node<Type>` raised MAJOR while it is `True`.
pub fn definitions(extra: &[String]) -> Vec<Definition> {
    let mut all: Vec<Definition> = BUILT_IN
        .iter()
        .map(
            |(on, name, condition, status, severity, description, repair)| Definition {
                on: *on,
                name: (*name).into(),
                condition: (*condition).into(),
                status: (*status).into(),
                severity: *severity,
                description: (*description).into(),
                repair: (*repair).into(),
            },
        )
        .collect();
    for condition in extra {
        if all
            .iter()
            .any(|d| d.on == On::Node && d.condition == *condition)
        {
            continue;
        }
        all.push(Definition {
            on: On::Node,
            name: format!("Node{condition}"),
            condition: condition.clone(),
            status: "True".into(),
            severity: MAJOR,
            description: format!("The node's condition {condition} is True."),
            repair: "See the condition's reason and message on the node (kubectl describe node)."
                .into(),
        });
    }
    all
}

pub fn definition_id(name: &str) -> String {
    id("alarm-definition", name)
}

pub fn probable_cause_id(name: &str) -> String {
    id("probable-cause", name)
}

pub fn dictionary_id() -> String {
    id("alarm-dictionary", "kubernetes-node")
}

/// The dictionary every node type refers to.
pub fn dictionary(definitions: &[Definition]) -> AlarmDictionary {
    AlarmDictionary {
        alarm_dictionary_id: dictionary_id(),
        alarm_dictionary_version: "1".into(),
        alarm_dictionary_schema_version: "1.0".into(),
        entity_type: "kubernetes-node".into(),
        vendor: "Kubernetes".into(),
        management_interface_id: vec![O2IMS_INTERFACE.into()],
        pk_notification_field: vec!["alarmDefinitionID".into()],
        alarm_definition: definitions
            .iter()
            .map(|d| AlarmDefinition {
                alarm_definition_id: definition_id(&d.name),
                alarm_name: d.name.clone(),
                alarm_last_change: "1".into(),
                alarm_change_type: AlarmChangeType::Added,
                alarm_description: d.description.clone(),
                proposed_repair_actions: d.repair.clone(),
                clearing_type: ClearingType::Automatic,
                management_interface_id: vec![O2IMS_INTERFACE.into()],
                pk_notification_field: vec!["alarmDefinitionID".into()],
                alarm_additional_fields: Some(
                    [
                        ("on", json!(format!("{:?}", d.on))),
                        ("condition", json!(d.condition)),
                        ("status", json!(d.status)),
                    ]
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
                ),
            })
            .collect(),
    }
}

/// A condition as both Nodes and Machines carry it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Condition {
    pub type_: String,
    pub status: String,
    pub reason: String,
    pub message: String,
    /// `lastTransitionTime`, as the API server wrote it.
    pub since: String,
}

impl Condition {
    /// From a condition's JSON (`type`, `status`, `reason`, `message`, `lastTransitionTime`).
    pub fn from_json(c: &Value) -> Option<Condition> {
        let text = |k: &str| c[k].as_str().unwrap_or_default().to_owned();
        Some(Condition {
            type_: c["type"].as_str()?.to_owned(),
            status: text("status"),
            reason: text("reason"),
            message: text("message"),
            since: text("lastTransitionTime"),
        })
    }

    /// A Machine's conditions, and its failure as the pseudo-condition `Phase` = `Failed`
    /// (phase Failed, or a failure or error reason set).
    pub fn of_machine(object: &Value) -> Vec<Condition> {
        let status = &object["status"];
        let mut all: Vec<Condition> = status["conditions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Condition::from_json)
            .collect();
        let reason = status["failureReason"]
            .as_str()
            .or_else(|| status["errorReason"].as_str());
        if status["phase"].as_str() == Some("Failed") || reason.is_some() {
            let message = status["failureMessage"]
                .as_str()
                .or_else(|| status["errorMessage"].as_str());
            all.push(Condition {
                type_: "Phase".into(),
                status: "Failed".into(),
                reason: reason.unwrap_or("Failed").into(),
                message: message.unwrap_or_default().into(),
                since: String::new(),
            });
        }
        all
    }
}

/// A node's abnormal conditions (those some definition names), read without copying the
/// rest: this runs over every node at each check.
pub fn of_node(node: &Node, definitions: &[Definition]) -> Vec<Condition> {
    node.status
        .iter()
        .flat_map(|s| s.conditions.iter().flatten())
        .filter(|c| {
            definitions
                .iter()
                .any(|d| d.on == On::Node && d.condition == c.type_ && d.status == c.status)
        })
        .map(|c| Condition {
            type_: c.type_.clone(),
            status: c.status.clone(),
            reason: c.reason.clone().unwrap_or_default(),
            message: c.message.clone().unwrap_or_default(),
            since: c
                .last_transition_time
                .as_ref()
                .map(|t| t.0.to_string())
                .unwrap_or_default(),
        })
        .collect()
}

impl Mapping {
    /// Where this cluster's alarm keys start.
    pub fn alarm_source(&self) -> String {
        format!("kube/{}/", self.deployment_manager_id())
    }
}

/// The alarms `conditions` of `object` (`node/<uid>` or `machine/<key>`) raise on `resource`.
pub fn raised(
    source: &str,
    definitions: &[Definition],
    on: On,
    object: &str,
    conditions: &[Condition],
    resource: &Resource,
    out: &mut Vec<Raised>,
) {
    for c in conditions {
        let Some(d) = definitions
            .iter()
            .find(|d| d.on == on && d.condition == c.type_ && d.status == c.status)
        else {
            continue;
        };
        let mut extensions = Map::new();
        if let Some(name) = resource.extensions.get("nodeName") {
            extensions.insert("nodeName".into(), name.clone());
        }
        extensions.insert("object".into(), json!(object));
        extensions.insert("condition".into(), json!(c.type_));
        extensions.insert("status".into(), json!(c.status));
        extensions.insert("reason".into(), json!(c.reason));
        extensions.insert("message".into(), json!(c.message));
        out.push(Raised {
            source_key: episode_key(source, &format!("{object}/{}", d.name), &c.since),
            alarm_definition_id: definition_id(&d.name),
            probable_cause_id: probable_cause_id(&d.name),
            resource_type_id: resource.resource_type_id.clone(),
            resource_id: resource.resource_id.clone(),
            resource_pool_id: Some(resource.resource_pool_id.clone()),
            severity: d.severity,
            extensions,
            clearing_type: ClearingType::Automatic,
            raised_at: if c.since.is_empty() {
                crate::alarms::record::now()
            } else {
                c.since.clone()
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abnormal_conditions_raise_their_definitions_only() {
        let defs = definitions(&["GpuFailure".into(), "KernelDeadlock".into()]);
        assert_eq!(
            defs.iter()
                .filter(|d| d.condition == "KernelDeadlock")
                .count(),
            1,
            "an extra condition already built in is not defined twice"
        );
        let resource = Resource {
            resource_id: "r1".into(),
            resource_pool_id: "p1".into(),
            resource_type_id: "t1".into(),
            extensions: [("nodeName".to_owned(), json!("n1"))].into_iter().collect(),
            ..Default::default()
        };
        let c = |t: &str, s: &str| Condition {
            type_: t.into(),
            status: s.into(),
            since: "2026-11-01T10:00:00Z".into(),
            ..Default::default()
        };
        let mut out = Vec::new();
        raised(
            "kube/x/",
            &defs,
            On::Node,
            "node/u1",
            &[
                c("Ready", "False"),
                c("MemoryPressure", "False"),
                c("GpuFailure", "True"),
                c("NodeHealthy", "False"),
            ],
            &resource,
            &mut out,
        );
        let names: Vec<&str> = out
            .iter()
            .map(|r| r.source_key.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "NodeNotReady@2026-11-01T10:00:00Z",
                "NodeGpuFailure@2026-11-01T10:00:00Z"
            ],
            "NodeHealthy is a Machine condition"
        );
        assert_eq!(out[0].severity, CRITICAL);
        assert_eq!(out[0].alarm_definition_id, definition_id("NodeNotReady"));
        assert_eq!(out[0].resource_pool_id.as_deref(), Some("p1"));
        let dictionary = dictionary(&defs);
        for r in &out {
            assert!(
                dictionary
                    .alarm_definition
                    .iter()
                    .any(|d| d.alarm_definition_id == r.alarm_definition_id),
                "every raised alarm's definition is in the dictionary"
            );
        }
    }

    #[test]
    fn a_failed_machine_is_the_phase_condition() {
        let machine = json!({"status": {"phase": "Running", "errorReason": "InvalidConfiguration",
            "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "t"}]}});
        let all = Condition::of_machine(&machine);
        assert_eq!(all.len(), 2);
        assert_eq!(
            (
                all[1].type_.as_str(),
                all[1].status.as_str(),
                all[1].reason.as_str()
            ),
            ("Phase", "Failed", "InvalidConfiguration")
        );
    }
}
