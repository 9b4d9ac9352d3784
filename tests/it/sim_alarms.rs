//! Alarms from the simulator: a resource's `extensions.alarms` raises the alarms of its type's
//! dictionary (deterministically, for tests), its removal clears them, and churn raises,
//! changes and clears alarms on its own; every alarm's definition is in the dictionary its
//! resource's type names.

use netweave::backend::simulator::SimConfig;
use std::{collections::HashSet, time::Duration};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{
    harness::{TestApp, V2},
    monitoring::{
        alarms, assert_notification_schema, notification_kinds, subscribe_alarms, type_definitions,
        wait_alarms,
    },
    receiver::{Mode, Receiver},
};

const MON: &str = "/o2ims-infrastructureMonitoring";

#[tokio::test]
async fn a_resource_stating_an_alarm_raises_it_and_its_removal_clears_it() {
    let smo = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(|c| {
        crate::webhooks::webhook_config(c);
        c.edit_section(|s: &mut SimConfig| s.resources = 20);
    })
    .await;
    subscribe_alarms(&app, &smo.url("/all"), None).await;
    assert!(
        alarms(&app).await.is_empty(),
        "without churn the simulator raises nothing"
    );
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let existing = app
        .get_ok(&format!("{V2}/resourcePools/{pool}/resources"))
        .await;
    let type_id = existing[0]["resourceTypeId"].as_str().unwrap().to_owned();
    let defs = type_definitions(&app, &type_id).await;
    let (name, definition, _) = defs
        .iter()
        .find(|(_, _, clearing)| clearing == "AUTOMATIC")
        .unwrap()
        .clone();
    let created = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools/{pool}/resources"),
            Some(json!({
                "resourceTypeId": type_id, "description": "alarming node", "globalAssetId": "SN-A1",
                "extensions": {"alarms": {
                    name.clone(): {"perceivedSeverity": 2, "since": "2026-12-03T09:00:00Z"},
                    "NoSuchAlarm": {"perceivedSeverity": 0},
                }},
            })),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let resource = created.body["resourceId"].as_str().unwrap().to_owned();
    let all = wait_alarms(&app, |a| !a.is_empty()).await;
    assert_eq!(
        all.len(),
        1,
        "a name the dictionary does not define raises nothing: {all:?}"
    );
    let alarm = &all[0];
    assert_eq!(alarm["resourceID"], resource.as_str());
    assert_eq!(alarm["resourceTypeID"], type_id.as_str());
    assert_eq!(alarm["alarmDefinitionID"], definition.as_str());
    assert_eq!(alarm["perceivedSeverity"], 2);
    assert_eq!(alarm["alarmRaisedTime"], "2026-12-03T09:00:00Z");
    assert_eq!(alarm["extensions"]["alarmName"], name.as_str());

    let gone = app
        .call(
            Method::DELETE,
            &format!("{V2}/resourcePools/{pool}/resources/{resource}"),
            None,
        )
        .await;
    assert!(gone.status.is_success(), "{}", gone.status);
    wait_alarms(&app, |a| a.len() == 1 && a[0]["perceivedSeverity"] == 5).await;
    for _ in 0..200 {
        if notification_kinds(&smo, "/all").len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(notification_kinds(&smo, "/all"), [0, 2], "NEW, then CLEAR");
}

#[tokio::test]
async fn churn_raises_changes_and_clears_alarms_from_the_dictionaries() {
    let smo = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(|c| {
        crate::webhooks::webhook_config(c);
        c.edit_section(|s: &mut SimConfig| s.pools = 1);
        c.edit_section(|s: &mut SimConfig| s.resources = 8);
        c.edit_section(|s: &mut SimConfig| s.churn = 200.0);
    })
    .await;
    subscribe_alarms(&app, &smo.url("/all"), None).await;
    for _ in 0..800 {
        let k: HashSet<u64> = notification_kinds(&smo, "/all").into_iter().collect();
        if [0, 1, 2].iter().all(|x| k.contains(x)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let k: HashSet<u64> = notification_kinds(&smo, "/all").into_iter().collect();
    assert!(
        [0, 1, 2].iter().all(|x| k.contains(x)),
        "churn raised, changed and cleared alarms: {k:?}"
    );
    for r in smo
        .received()
        .iter()
        .filter(|r| !r.body.is_empty())
        .take(20)
    {
        let n = r.json();
        assert_notification_schema(&n);
    }
    let alarms = app.get_ok(&format!("{MON}/v1/alarms")).await;
    for a in alarms.as_array().unwrap() {
        let defs = type_definitions(&app, a["resourceTypeID"].as_str().unwrap()).await;
        assert!(
            defs.iter()
                .any(|(_, id, _)| a["alarmDefinitionID"] == id.as_str()),
            "the alarm's definition is in its type's dictionary: {a}"
        );
    }
}
