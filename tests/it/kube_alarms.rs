//! Alarms from the Kubernetes backend on the fake API server (real list/watch protocol): a
//! Node going NotReady raises an alarm and a NEW notification, a changed condition a CHANGE
//! (not sent where the filter names CHANGE), an acknowledgement ACKNOWLEDGE, the recovery
//! CLEAR; every definition is in the dictionary the node's type names. Then faults together:
//! a node recovering while the gateway is down and the receiver failing is still cleared and
//! notified, once.

use std::{collections::BTreeMap, time::Duration};

use netweave_testkit::fake_apiserver::{FakeApiServer, NODES};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::{
    harness::{TestApp, V2},
    kube::{cluster, on_cluster},
    monitoring::{
        alarms, assert_notification_schema, notification_kinds, subscribe_alarms, type_definitions,
    },
    receiver::{Mode, Receiver},
};

const MON: &str = "/o2ims-infrastructureMonitoring";

/// Sets `type`'s condition on node `name` (others keep theirs).
fn set_condition(
    fake: &FakeApiServer,
    name: &str,
    type_: &str,
    status: &str,
    message: &str,
    since: &str,
) {
    let mut node = fake.get(NODES, name).unwrap();
    let conditions = node["status"]["conditions"].as_array_mut().unwrap();
    conditions.retain(|c| c["type"] != type_);
    conditions.push(json!({
        "type": type_, "status": status, "reason": format!("{type_}{status}"), "message": message,
        "lastHeartbeatTime": "2026-12-03T10:00:00Z", "lastTransitionTime": since,
    }));
    fake.apply(NODES, node);
}

/// The alarm on `resource` of definition `definition`, once `ready` holds for it.
async fn wait_alarm(
    app: &TestApp,
    resource: &str,
    definition: &str,
    ready: impl Fn(&Value) -> bool,
) -> Value {
    for _ in 0..400 {
        let all = app.get_ok(&format!("{MON}/v1/alarms")).await;
        if let Some(a) = all.as_array().unwrap().iter().find(|a| {
            a["resourceID"] == resource && a["alarmDefinitionID"] == definition && ready(a)
        }) {
            return a.clone();
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no alarm of {definition} on {resource} as expected");
}

async fn wait_kinds(smo: &Receiver, path: &str, n: usize) -> Vec<u64> {
    for _ in 0..400 {
        if notification_kinds(smo, path).len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    // Anything more would come within this.
    tokio::time::sleep(Duration::from_millis(300)).await;
    notification_kinds(smo, path)
}

/// The definitions of the dictionary `resource`'s type names: name → id.
async fn definitions(app: &TestApp, resource: &Value) -> BTreeMap<String, String> {
    let type_id = resource["resourceTypeId"].as_str().unwrap();
    type_definitions(app, type_id)
        .await
        .into_iter()
        .map(|(name, id, _)| (name, id))
        .collect()
}

async fn node_resource(app: &TestApp, fake: &FakeApiServer, name: &str) -> Value {
    let uid = fake.get(NODES, name).unwrap()["metadata"]["uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let pools = app.get_ok(&format!("{V2}/resourcePools")).await;
    for pool in pools.as_array().unwrap() {
        let pool = pool["resourcePoolId"].as_str().unwrap();
        let found = app
            .get_ok(&format!(
                "{V2}/resourcePools/{pool}/resources?filter=(eq,resourceId,{uid})"
            ))
            .await;
        if let Some(r) = found.as_array().unwrap().first() {
            return r.clone();
        }
    }
    panic!("node {name} is no resource");
}

#[tokio::test]
async fn a_node_not_ready_raises_changes_acknowledges_and_clears_an_alarm() {
    let fake = cluster().await;
    let (_dir, config) = on_cluster(&fake);
    let smo = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(config).await;
    subscribe_alarms(&app, &smo.url("/all"), None).await;
    subscribe_alarms(&app, &smo.url("/no-change"), Some("CHANGE")).await;
    assert!(alarms(&app).await.is_empty(), "healthy nodes raise nothing");
    let n1 = node_resource(&app, &fake, "n1").await;
    let id = n1["resourceId"].as_str().unwrap();
    let defs = definitions(&app, &n1).await;
    for name in [
        "NodeNotReady",
        "NodeUnreachable",
        "NodeDiskPressure",
        "NodeKernelDeadlock",
        "MachineFailed",
    ] {
        assert!(defs.contains_key(name), "{name} is defined: {defs:?}");
    }
    let not_ready = defs["NodeNotReady"].as_str();

    set_condition(
        &fake,
        "n1",
        "Ready",
        "False",
        "container runtime is down",
        "2026-12-03T10:00:00Z",
    );
    let alarm = wait_alarm(&app, id, not_ready, |_| true).await;
    assert_eq!(alarm["perceivedSeverity"], 0, "NotReady is CRITICAL");
    assert_eq!(alarm["alarmRaisedTime"], "2026-12-03T10:00:00Z");
    assert_eq!(alarm["resourceTypeID"], n1["resourceTypeId"]);
    assert_eq!(alarm["extensions"]["nodeName"], "n1");
    assert_eq!(alarm["extensions"]["message"], "container runtime is down");
    let alarm_id = alarm["alarmEventRecordId"].as_str().unwrap().to_owned();

    // The same episode, a new message: CHANGE.
    set_condition(
        &fake,
        "n1",
        "Ready",
        "False",
        "PLEG is not healthy",
        "2026-12-03T10:00:00Z",
    );
    wait_alarm(&app, id, not_ready, |a| {
        a["extensions"]["message"] == "PLEG is not healthy"
    })
    .await;
    let ack = app
        .http
        .patch(app.url(&format!("{MON}/v1/alarms/{alarm_id}")))
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"alarmAcknowledged": true}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(ack.status(), StatusCode::OK);
    set_condition(
        &fake,
        "n1",
        "Ready",
        "True",
        "kubelet is posting ready status",
        "2026-12-03T10:05:00Z",
    );
    let cleared = wait_alarm(&app, id, not_ready, |a| a["perceivedSeverity"] == 5).await;
    assert_eq!(cleared["alarmEventRecordId"], alarm_id.as_str());
    assert!(cleared["alarmClearedTime"].is_string());

    assert_eq!(
        wait_kinds(&smo, "/all", 4).await,
        [0, 1, 3, 2],
        "NEW, CHANGE, ACKNOWLEDGE, CLEAR"
    );
    assert_eq!(
        notification_kinds(&smo, "/no-change"),
        [0, 3, 2],
        "a CHANGE filter sends no CHANGE"
    );
    for r in smo.received().iter().filter(|r| !r.body.is_empty()) {
        let n = r.json();
        assert_notification_schema(&n);
        assert_eq!(n["alarmEventRecordId"], alarm_id.as_str());
        assert_eq!(n["alarmDefinitionID"], not_ready);
    }

    // The node not ready again: a new episode, a new alarm. A pressure at the same time: its own.
    set_condition(
        &fake,
        "n1",
        "Ready",
        "False",
        "again",
        "2026-12-03T11:00:00Z",
    );
    set_condition(
        &fake,
        "n1",
        "DiskPressure",
        "True",
        "disk full",
        "2026-12-03T11:00:00Z",
    );
    let again = wait_alarm(&app, id, not_ready, |a| a["perceivedSeverity"] == 0).await;
    assert_ne!(
        again["alarmEventRecordId"],
        alarm_id.as_str(),
        "a CLEAR is final"
    );
    let disk = wait_alarm(&app, id, &defs["NodeDiskPressure"], |_| true).await;
    assert_eq!(disk["perceivedSeverity"], 1, "pressure is MAJOR");
    // The node goes: its alarms clear.
    fake.delete(NODES, "n1");
    wait_alarm(&app, id, not_ready, |a| {
        a["alarmEventRecordId"] == again["alarmEventRecordId"] && a["perceivedSeverity"] == 5
    })
    .await;
    wait_alarm(&app, id, &defs["NodeDiskPressure"], |a| {
        a["perceivedSeverity"] == 5
    })
    .await;
    assert!(
        app.metrics()
            .await
            .contains("netweave_alarms_active{severity=\"critical\"}"),
        "active alarms are counted by severity"
    );
}

/// Faults together: the node recovers while the gateway is down and the receiver fails; after
/// the restart the alarm is cleared (the condition is level-checked, not an event that was
/// missed) and the CLEAR notification delivered once the receiver answers, exactly once.
#[tokio::test]
async fn a_recovery_during_a_restart_and_a_receiver_outage_is_cleared_and_notified_once() {
    let fake = cluster().await;
    let (_dir, on) = on_cluster(&fake);
    let config = move |c: &mut netweave::config::Config| {
        on(c);
        c.webhooks.max_attempts = 100;
    };
    let smo = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(config.clone()).await;
    subscribe_alarms(&app, &smo.url("/all"), None).await;
    let n2 = node_resource(&app, &fake, "n2").await;
    let id = n2["resourceId"].as_str().unwrap().to_owned();
    let defs = definitions(&app, &n2).await;
    set_condition(
        &fake,
        "n2",
        "Ready",
        "Unknown",
        "Kubelet stopped posting node status.",
        "2026-12-03T10:00:00Z",
    );
    let alarm = wait_alarm(&app, &id, &defs["NodeUnreachable"], |_| true).await;
    assert_eq!(alarm["perceivedSeverity"], 1, "Unknown is MAJOR");
    assert_eq!(wait_kinds(&smo, "/all", 1).await, [0]);

    let data = app.stop().await;
    smo.set_mode(Mode::Always(503));
    set_condition(&fake, "n2", "Ready", "True", "back", "2026-12-03T10:02:00Z");
    let app = TestApp::start_in(data, config).await;
    let cleared = wait_alarm(&app, &id, &defs["NodeUnreachable"], |a| {
        a["perceivedSeverity"] == 5
    })
    .await;
    assert_eq!(cleared["alarmEventRecordId"], alarm["alarmEventRecordId"]);
    // Failing deliveries are retried; none is a success yet.
    tokio::time::sleep(Duration::from_millis(500)).await;
    smo.set_mode(Mode::Ok);
    let kinds_seen = wait_kinds(&smo, "/all", 2).await;
    assert_eq!(
        kinds_seen,
        [0, 2],
        "NEW before the restart, CLEAR after, each once"
    );
    let attempts = smo
        .received()
        .iter()
        .filter(|r| r.path == "/all" && !r.body.is_empty())
        .count();
    assert!(
        attempts > kinds_seen.len(),
        "the CLEAR was refused before it was delivered"
    );
}

/// A failed Machine and a Machine condition raise alarms on the node it runs, cleared when the
/// Machine recovers or goes.
#[tokio::test]
async fn machine_conditions_raise_alarms_on_their_node() {
    use netweave_testkit::fake_apiserver::{fixtures, MACHINES, MACHINE_SETS, STORAGE_CLASSES};
    let fake = FakeApiServer::start(&[NODES, STORAGE_CLASSES, MACHINE_SETS, MACHINES])
        .await
        .unwrap();
    fake.apply(
        MACHINE_SETS,
        fixtures::machine_set("ocp-worker-a", 1, "m5.2xlarge"),
    );
    fake.apply(NODES, fixtures::node("w1", "", "m5.2xlarge"));
    fake.apply(
        MACHINES,
        fixtures::machine("ocp-worker-a-1", "ocp-worker-a", Some("w1")),
    );
    let (_dir, config) = on_cluster(&fake);
    let app = TestApp::start_with(config).await;
    let w1 = node_resource(&app, &fake, "w1").await;
    let id = w1["resourceId"].as_str().unwrap();
    let defs = definitions(&app, &w1).await;

    let mut machine = fake
        .get(MACHINES, "openshift-machine-api/ocp-worker-a-1")
        .unwrap();
    machine["status"]["phase"] = json!("Failed");
    machine["status"]["errorReason"] = json!("InvalidConfiguration");
    machine["status"]["errorMessage"] = json!("the instance type does not exist");
    machine["status"]["conditions"] = json!([{"type": "InstanceExists", "status": "False",
        "reason": "InstanceMissing", "lastTransitionTime": "2026-12-03T10:00:00Z"}]);
    fake.apply(MACHINES, machine.clone());
    let failed = wait_alarm(&app, id, &defs["MachineFailed"], |_| true).await;
    assert_eq!(failed["perceivedSeverity"], 0);
    assert_eq!(failed["extensions"]["reason"], "InvalidConfiguration");
    assert_eq!(
        failed["extensions"]["object"],
        "machine/machine.openshift.io/openshift-machine-api/ocp-worker-a-1"
    );
    let missing = wait_alarm(&app, id, &defs["MachineInstanceMissing"], |_| true).await;
    assert_eq!(missing["extensions"]["nodeName"], "w1");

    // The instance is back; the Machine is still failed.
    machine["status"]["conditions"] = json!([{"type": "InstanceExists", "status": "True",
        "lastTransitionTime": "2026-12-03T10:01:00Z"}]);
    fake.apply(MACHINES, machine);
    wait_alarm(&app, id, &defs["MachineInstanceMissing"], |a| {
        a["perceivedSeverity"] == 5
    })
    .await;
    let still = wait_alarm(&app, id, &defs["MachineFailed"], |_| true).await;
    assert_eq!(still["perceivedSeverity"], 0, "the failure stays");
    // The Machine goes: its failure is over.
    fake.delete(MACHINES, "openshift-machine-api/ocp-worker-a-1");
    wait_alarm(&app, id, &defs["MachineFailed"], |a| {
        a["perceivedSeverity"] == 5
    })
    .await;
}
