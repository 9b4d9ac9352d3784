//! A real Alertmanager (Debian's `prometheus-alertmanager`) in front of the gateway: its
//! webhook and the gateway's pull from its API agree on every alarm (one alarm per alert), and
//! the pull alone raises and clears the alerts whose webhooks are lost.

use std::{
    process::{Child, Command, Stdio},
    time::Duration,
};

use serde_json::{json, Value};
use tempfile::TempDir;

use crate::{
    harness::{free_port, TestApp},
    monitoring::{a_resource, wait_alarms},
};

const MON: &str = "/o2ims-infrastructureMonitoring";

/// `prometheus-alertmanager` on a loopback port: alerts labelled `lost="true"` go to a
/// receiver nobody listens on, the others to `webhook`.
struct Alertmanager {
    url: String,
    child: Child,
    _dir: TempDir,
}

impl Alertmanager {
    fn start(port: u16, webhook: &str) -> Alertmanager {
        let dir = TempDir::new().unwrap();
        let config = format!(
            r#"route:
  receiver: netweave
  group_by: [alertname]
  group_wait: 0s
  group_interval: 1s
  repeat_interval: 1h
  routes:
    - matchers: ['lost="true"']
      receiver: lost
receivers:
  - name: netweave
    webhook_configs:
      - url: {webhook}
        send_resolved: true
  - name: lost
    webhook_configs:
      - url: http://127.0.0.1:{}/lost
        send_resolved: true
"#,
            free_port()
        );
        let file = dir.path().join("alertmanager.yml");
        std::fs::write(&file, config).unwrap();
        let child = Command::new("prometheus-alertmanager")
            .arg(format!("--config.file={}", file.display()))
            .arg(format!("--storage.path={}", dir.path().display()))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .arg("--cluster.listen-address=")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("prometheus-alertmanager must be installed (the test command installs it: make test)");
        Alertmanager {
            url: format!("http://127.0.0.1:{port}"),
            child,
            _dir: dir,
        }
    }

    async fn wait_ready(&self) {
        for _ in 0..400 {
            if let Ok(r) = reqwest::get(format!("{}/-/ready", self.url)).await {
                if r.status().is_success() {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("alertmanager never became ready");
    }

    async fn post(&self, alerts: Value) {
        let r = reqwest::Client::new()
            .post(format!("{}/api/v2/alerts", self.url))
            .json(&alerts)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{}", r.status());
    }

    async fn alerts(&self) -> Vec<Value> {
        reqwest::get(format!("{}/api/v2/alerts", self.url))
            .await
            .unwrap()
            .json::<Vec<Value>>()
            .await
            .unwrap()
    }
}

impl Drop for Alertmanager {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn named<'a>(all: &'a [Value], alertname: &str) -> Vec<&'a Value> {
    all.iter()
        .filter(|a| a["extensions"]["alertname"] == alertname)
        .collect()
}

#[tokio::test]
async fn the_webhook_and_the_pull_agree_and_the_pull_recovers_lost_webhooks() {
    let port = free_port();
    let app = TestApp::start_with(|c| {
        c.alarms.alertmanager_url = Some(format!("http://127.0.0.1:{port}"));
        c.alarms.alertmanager_pull_seconds = 0.3;
    })
    .await;
    let am = Alertmanager::start(port, &app.url("/internal/v1/caas-alerts/alertmanager"));
    am.wait_ready().await;
    let (resource, _, host) = a_resource(&app).await;
    am.post(json!([
        {"labels": {"alertname": "NodeFilesystemAlmostFull", "severity": "major", "instance": format!("{host}:9100")},
         "annotations": {"summary": "Filesystem almost full"}, "generatorURL": "http://prometheus:9090/graph"},
        {"labels": {"alertname": "NodeHighLoad", "severity": "minor", "instance": host, "lost": "true"}},
        {"labels": {"alertname": "Elsewhere", "severity": "critical", "instance": "unknown-host:9100"}},
    ]))
    .await;
    let all = wait_alarms(&app, |a| {
        named(a, "NodeFilesystemAlmostFull").len() == 1 && named(a, "NodeHighLoad").len() == 1
    })
    .await;
    // Long enough for both the webhook (group_wait 0 s) and several pulls to have run.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let all_after = app.get_ok(&format!("{MON}/v1/alarms")).await;
    let all_after = all_after.as_array().unwrap();
    assert_eq!(
        all_after.len(),
        2,
        "one alarm per alert, however it arrived; none for an unknown host: {all_after:?}"
    );
    let full = named(&all, "NodeFilesystemAlmostFull")[0];
    assert_eq!(full["resourceID"], resource.as_str());
    assert_eq!(full["perceivedSeverity"], 1);
    let listed = am.alerts().await;
    let fingerprint = listed
        .iter()
        .find(|a| a["labels"]["alertname"] == "NodeFilesystemAlmostFull")
        .unwrap()["fingerprint"]
        .clone();
    assert_eq!(full["extensions"]["fingerprint"], fingerprint);
    let load = named(&all, "NodeHighLoad")[0];
    assert_eq!(
        load["perceivedSeverity"], 2,
        "raised by the pull: its webhook is lost"
    );

    // Every definition is in the Alertmanager dictionary, which the inventory lists.
    let dictionary_id = full["extensions"]["alarmDictionaryId"].as_str().unwrap();
    let dictionary = app
        .get_ok(&format!(
            "{}/alarmDictionaries/{dictionary_id}",
            crate::harness::V2
        ))
        .await;
    for a in [full, load] {
        let d = dictionary["alarmDefinition"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["alarmDefinitionId"] == a["alarmDefinitionID"])
            .unwrap_or_else(|| panic!("{a} is not defined in {dictionary}"));
        assert_eq!(d["alarmName"], a["extensions"]["alertname"]);
        assert_eq!(d["clearingType"], "AUTOMATIC");
    }
    let listed_dictionaries = app
        .get_ok(&format!("{}/alarmDictionaries", crate::harness::V2))
        .await;
    assert!(listed_dictionaries
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["alarmDictionaryId"] == dictionary_id));

    // Resolved in Alertmanager: the webhook of NodeHighLoad is lost, the pull clears it.
    let now = jiff::Timestamp::now().to_string();
    am.post(json!([
        {"labels": {"alertname": "NodeHighLoad", "severity": "minor", "instance": host, "lost": "true"},
         "endsAt": now},
    ]))
    .await;
    let all = wait_alarms(&app, |a| {
        named(a, "NodeHighLoad")
            .first()
            .is_some_and(|l| l["perceivedSeverity"] == 5)
    })
    .await;
    assert_eq!(
        named(&all, "NodeFilesystemAlmostFull")[0]["perceivedSeverity"],
        1,
        "what still fires stays"
    );
    assert!(named(&all, "NodeHighLoad")[0]["alarmClearedTime"].is_string());

    // An alert arriving by webhook that the last list did not have yet is not cleared by it;
    // it is judged by the lists that follow (and this one Alertmanager never had).
    let r = app
        .call(
            reqwest::Method::POST,
            "/internal/v1/caas-alerts/alertmanager",
            Some(json!({
                "version": "4", "groupKey": "direct", "status": "firing", "receiver": "netweave",
                "alerts": [{"status": "firing", "fingerprint": "d1rec7",
                    "labels": {"alertname": "Direct", "severity": "warning", "instance": host},
                    "startsAt": jiff::Timestamp::now().to_string()}],
            })),
        )
        .await;
    assert_eq!(r.status, reqwest::StatusCode::OK, "{}", r.body);
    tokio::time::sleep(Duration::from_millis(600)).await;
    let all = crate::monitoring::alarms(&app).await;
    assert_eq!(
        named(&all, "Direct")[0]["perceivedSeverity"],
        3,
        "a list older than the alarm does not clear it"
    );
    wait_alarms(&app, |a| {
        named(a, "Direct")
            .first()
            .is_some_and(|d| d["perceivedSeverity"] == 5)
    })
    .await;
}
