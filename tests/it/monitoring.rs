//! O2ims Infrastructure Monitoring against the real server: alarms from Alertmanager payloads
//! (firing, resolved, re-fired, unknown severity, unmapped resource, malformed), the PATCH
//! matrix (ack, double ack, clear AUTOMATIC, clear MANUAL, stale If-Match, wrong media type,
//! bad bodies), the alarm service configuration, gRPC, and two replicas on one Redis storing
//! one alarm. Every response is validated against the normative monitoring document.

use netweave::{
    alarms::{record::stable_id, Alarm},
    domain::objects::ClearingType,
    proto::monitoring::v1::{self as pb, alarm_service_client::AlarmServiceClient},
    store::{redis::RedisStore, AlarmStore},
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    harness::{unique_prefix, RedisServer, Reply, TestApp, V2},
    spec,
};

const MON: &str = "/o2ims-infrastructureMonitoring";
const ALERTS: &str = "/internal/v1/caas-alerts/alertmanager";

/// A resource of the simulator: its id, type, and the host name alerts give it.
pub async fn a_resource(app: &TestApp) -> (String, String, String) {
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let resources = app
        .get_ok(&format!("{V2}/resourcePools/{pool}/resources"))
        .await;
    let r = &resources[0];
    (
        r["resourceId"].as_str().unwrap().to_owned(),
        r["resourceTypeId"].as_str().unwrap().to_owned(),
        r["extensions"]["hostname"].as_str().unwrap().to_owned(),
    )
}

fn alert(status: &str, fingerprint: &str, severity: &str, host: &str, starts: &str) -> Value {
    json!({
        "status": status,
        "labels": { "alertname": "NodeFilesystemAlmostFull", "severity": severity, "instance": format!("{host}:9100") },
        "annotations": { "summary": "Filesystem is almost full" },
        "startsAt": starts,
        "endsAt": if status == "resolved" { "2026-12-01T11:00:00Z" } else { "0001-01-01T00:00:00Z" },
        "generatorURL": "http://prometheus:9090/graph?g0.expr=up",
        "fingerprint": fingerprint,
    })
}

fn payload(alerts: Vec<Value>) -> Value {
    json!({
        "version": "4", "groupKey": "{}:{alertname=\"NodeFilesystemAlmostFull\"}", "truncatedAlerts": 0,
        "status": alerts[0]["status"], "receiver": "netweave", "groupLabels": {}, "commonLabels": {},
        "commonAnnotations": {}, "externalURL": "http://alertmanager:9093", "alerts": alerts,
    })
}

async fn ingest(app: &TestApp, alerts: Vec<Value>) -> Value {
    let r = app.call(Method::POST, ALERTS, Some(payload(alerts))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.body
}

pub async fn alarms(app: &TestApp) -> Vec<Value> {
    app.get_ok(&format!("{MON}/v1/alarms"))
        .await
        .as_array()
        .unwrap()
        .clone()
}

/// Subscribes `callback` to alarm notifications (`filter` names the kind not to send).
pub async fn subscribe_alarms(app: &TestApp, callback: &str, filter: Option<&str>) {
    let mut body = json!({ "callback": callback });
    if let Some(f) = filter {
        body["filter"] = json!(f);
    }
    let r = app
        .call(
            Method::POST,
            &format!("{MON}/v1/alarmSubscriptions"),
            Some(body),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
}

/// The kinds (`notificationEventType`) of the distinct notifications `path` received (a
/// retry repeats its `webhook-id`), in order.
pub fn notification_kinds(smo: &crate::receiver::Receiver, path: &str) -> Vec<u64> {
    let mut seen = std::collections::HashSet::new();
    smo.received()
        .iter()
        .filter(|r| r.path == path && !r.body.is_empty())
        .filter(|r| seen.insert(r.header("webhook-id").to_owned()))
        .map(|r| r.json()["notificationEventType"].as_u64().unwrap())
        .collect()
}

/// The alarm definitions of the dictionary resource type `type_id` names: (name, id,
/// clearing type).
pub async fn type_definitions(app: &TestApp, type_id: &str) -> Vec<(String, String, String)> {
    let ty = app.get_ok(&format!("{V2}/resourceTypes/{type_id}")).await;
    let dictionary = ty["alarmDictionaryId"]
        .as_str()
        .unwrap_or_else(|| panic!("type {type_id} names no alarm dictionary"));
    let dictionary = app
        .get_ok(&format!("{V2}/alarmDictionaries/{dictionary}"))
        .await;
    dictionary["alarmDefinition"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["alarmName"].as_str().unwrap().to_owned(),
                d["alarmDefinitionId"].as_str().unwrap().to_owned(),
                d["clearingType"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Every alarm, once `ready` holds for them (within 15 s).
pub async fn wait_alarms(app: &TestApp, ready: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    for _ in 0..600 {
        let all = alarms(app).await;
        if ready(&all) {
            return all;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!(
        "the alarms never became as expected: {:?}",
        alarms(app).await
    );
}

/// Asserts that `n` is an `AlarmEventNotification` as the normative monitoring document
/// defines it.
pub fn assert_notification_schema(n: &Value) {
    let errors = spec::schema_errors(
        netweave::http::openapi::normative_monitoring(),
        "AlarmEventNotification",
        n,
    );
    assert!(errors.is_empty(), "{errors:?}: {n}");
}

/// A request with its own media type and headers, validated against the contract (the
/// normative monitoring document, or the served one for netweave's additions).
async fn raw(
    app: &TestApp,
    method: Method,
    path: &str,
    content_type: &str,
    if_match: Option<&str>,
    body: &str,
) -> Reply {
    let mut request = app
        .http
        .request(method.clone(), app.url(path))
        .header("content-type", content_type)
        .body(body.to_owned());
    if let Some(tag) = if_match {
        request = request.header("if-match", tag);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    let body: Value = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap()
    };
    let contract = spec::errors(
        &method,
        path,
        status.as_u16(),
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        &body,
    );
    let served = spec::served_errors(
        &method,
        path,
        status.as_u16(),
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        &body,
    );
    assert!(
        contract.is_empty() || served.is_empty(),
        "{method} {path} {status} breaks the contract: {contract:?} / served: {served:?}"
    );
    Reply {
        status,
        headers,
        body,
    }
}

async fn merge_patch(app: &TestApp, path: &str, body: Value, if_match: Option<&str>) -> Reply {
    raw(
        app,
        Method::PATCH,
        path,
        "application/merge-patch+json",
        if_match,
        &body.to_string(),
    )
    .await
}

#[tokio::test]
async fn alertmanager_alerts_become_alarms_with_the_right_lifecycle() {
    let app = TestApp::start().await;
    assert_eq!(
        app.get_ok(&format!("{MON}/api_versions")).await["uriPrefix"],
        MON
    );
    assert_eq!(
        app.get_ok(&format!("{MON}/v1/api_versions")).await["apiVersions"][0]["version"],
        "1.0.0"
    );
    assert!(alarms(&app).await.is_empty());
    let (resource, resource_type, host) = a_resource(&app).await;

    // Firing, an unknown severity, an unmapped host, and a malformed alert in one payload.
    let done = ingest(
        &app,
        vec![
            alert("firing", "aaaa", "critical", &host, "2026-12-01T10:00:00Z"),
            alert(
                "firing",
                "bbbb",
                "page-the-team",
                &host,
                "2026-12-01T10:05:00Z",
            ),
            alert(
                "firing",
                "cccc",
                "major",
                "no-such-host",
                "2026-12-01T10:00:00Z",
            ),
            json!({ "status": "firing", "labels": {}, "fingerprint": "dddd" }),
        ],
    )
    .await;
    assert_eq!(done, json!({ "changed": 2, "unmapped": 1, "malformed": 1 }));
    let list = alarms(&app).await;
    assert_eq!(list.len(), 2, "{list:?}");
    let first_id = stable_id("alertmanager/aaaa/2026-12-01T10:00:00Z");
    let first = list
        .iter()
        .find(|a| a["alarmEventRecordId"] == first_id.as_str())
        .expect("the critical alarm");
    assert_eq!(first["perceivedSeverity"], 0);
    assert_eq!(first["resourceID"], resource.as_str());
    assert_eq!(first["resourceTypeID"], resource_type.as_str());
    assert_eq!(first["alarmRaisedTime"], "2026-12-01T10:00:00Z");
    assert_eq!(first["alarmAcknowledged"], false);
    assert_eq!(
        first["extensions"]["labels"]["alertname"],
        "NodeFilesystemAlmostFull"
    );
    let unknown = list
        .iter()
        .find(|a| a["alarmEventRecordId"] != first_id.as_str())
        .unwrap();
    assert_eq!(
        unknown["perceivedSeverity"], 4,
        "an unknown severity is INDETERMINATE"
    );

    // Filters and projections go through the list engine.
    let critical = app
        .get_ok(&format!("{MON}/v1/alarms?filter=(eq,perceivedSeverity,0)"))
        .await;
    assert_eq!(critical.as_array().unwrap().len(), 1);
    // (Not validated: a projection drops attributes the normative schema marks required.)
    let ids: Value = app
        .http
        .get(app.url(&format!("{MON}/v1/alarms?fields=perceivedSeverity")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(ids[0].get("resourceID").is_none() && ids[0].get("alarmEventRecordId").is_some());
    let bad = app
        .get(&format!("{MON}/v1/alarms?filter=(eq,nosuchfield,1)"))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    // The same payload again changes nothing (Alertmanager re-sends).
    let again = ingest(
        &app,
        vec![alert(
            "firing",
            "aaaa",
            "critical",
            &host,
            "2026-12-01T10:00:00Z",
        )],
    )
    .await;
    assert_eq!(again["changed"], 0);
    // A severity change while active is a change of the same alarm.
    let changed = ingest(
        &app,
        vec![alert(
            "firing",
            "aaaa",
            "warning",
            &host,
            "2026-12-01T10:00:00Z",
        )],
    )
    .await;
    assert_eq!(changed["changed"], 1);
    let one = app.get(&format!("{MON}/v1/alarms/{first_id}")).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.body["perceivedSeverity"], 3);
    assert!(one.header("etag").is_some());

    // Resolved: cleared, with its cleared time.
    ingest(
        &app,
        vec![alert(
            "resolved",
            "aaaa",
            "warning",
            &host,
            "2026-12-01T10:00:00Z",
        )],
    )
    .await;
    let cleared = app.get_ok(&format!("{MON}/v1/alarms/{first_id}")).await;
    assert_eq!(cleared["perceivedSeverity"], 5);
    assert!(cleared["alarmClearedTime"].is_string());
    // Re-fired after the resolve (a new startsAt): a new alarm; the old one stays cleared.
    ingest(
        &app,
        vec![alert(
            "firing",
            "aaaa",
            "critical",
            &host,
            "2026-12-01T12:00:00Z",
        )],
    )
    .await;
    let list = alarms(&app).await;
    assert_eq!(list.len(), 3);
    let refired = stable_id("alertmanager/aaaa/2026-12-01T12:00:00Z");
    assert_eq!(
        app.get_ok(&format!("{MON}/v1/alarms/{refired}")).await["perceivedSeverity"],
        0
    );
    assert_eq!(
        app.get_ok(&format!("{MON}/v1/alarms/{first_id}")).await["perceivedSeverity"],
        5
    );

    let missing = app
        .get(&format!("{MON}/v1/alarms/{}", uuid::Uuid::new_v4()))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let not_uuid = app.get(&format!("{MON}/v1/alarms/not-a-uuid")).await;
    assert_eq!(not_uuid.status, StatusCode::BAD_REQUEST);
    let not_alertmanager = app
        .call(Method::POST, ALERTS, Some(json!({ "alerts": 3 })))
        .await;
    assert_eq!(not_alertmanager.status, StatusCode::BAD_REQUEST);
}

/// A MANUAL alarm (as an Event-sourced one is) written straight into the store.
fn manual_alarm(resource: &str, resource_type: &str) -> Alarm {
    Alarm::raised(
        netweave::alarms::Raised {
            source_key: format!("test/manual/{}", uuid::Uuid::new_v4()),
            alarm_definition_id: stable_id("test/definition"),
            probable_cause_id: stable_id("test/cause"),
            resource_type_id: resource_type.into(),
            resource_id: resource.into(),
            resource_pool_id: None,
            severity: 2,
            extensions: Default::default(),
            clearing_type: ClearingType::Manual,
            raised_at: "2026-12-01T10:00:00Z".into(),
        },
        "2026-12-01T10:00:00Z",
    )
}

#[tokio::test]
async fn the_patch_matrix_and_the_service_configuration() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let app = TestApp::start_with(|c| {
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
    })
    .await;
    let (resource, resource_type, host) = a_resource(&app).await;
    ingest(
        &app,
        vec![alert(
            "firing",
            "eeee",
            "major",
            &host,
            "2026-12-01T10:00:00Z",
        )],
    )
    .await;
    let auto = stable_id("alertmanager/eeee/2026-12-01T10:00:00Z");
    let path = format!("{MON}/v1/alarms/{auto}");

    // Bad bodies: neither field, both, a withdrawn ack, a severity other than 5, an unknown
    // field, not JSON. None changes the alarm.
    let before = app.get(&path).await;
    for body in [
        json!({}),
        json!({ "alarmAcknowledged": true, "perceivedSeverity": 5 }),
        json!({ "alarmAcknowledged": false }),
        json!({ "perceivedSeverity": 3 }),
        json!({ "alarmAcknowledged": true, "colour": "red" }),
        json!({ "alarmAcknowledged": null, "perceivedSeverity": 5 }),
    ] {
        let r = merge_patch(&app, &path, body.clone(), None).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {}", r.body);
        assert_eq!(r.body["status"], 400);
    }
    let r = raw(
        &app,
        Method::PATCH,
        &path,
        "application/merge-patch+json",
        None,
        "{not json",
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // The wrong media type.
    let r = raw(
        &app,
        Method::PATCH,
        &path,
        "application/json",
        None,
        r#"{"alarmAcknowledged": true}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", r.body);
    assert_eq!(
        app.get(&path).await.body,
        before.body,
        "no bad request changed the alarm"
    );

    // A stale If-Match: 412. The current one: the ack, echoed, with a new tag.
    let tag = before.header("etag").unwrap().to_owned();
    let r = merge_patch(
        &app,
        &path,
        json!({ "alarmAcknowledged": true }),
        Some("\"999\""),
    )
    .await;
    assert_eq!(r.status, StatusCode::PRECONDITION_FAILED, "{}", r.body);
    let r = merge_patch(
        &app,
        &path,
        json!({ "alarmAcknowledged": true }),
        Some(&tag),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body, json!({ "alarmAcknowledged": true }));
    let new_tag = r.header("etag").unwrap().to_owned();
    assert_ne!(new_tag, tag);
    let acked = app.get(&path).await;
    assert_eq!(acked.body["alarmAcknowledged"], true);
    assert!(acked.body["alarmAcknowledgedTime"].is_string());
    assert_eq!(acked.header("etag"), Some(new_tag.as_str()));
    // Twice: 409. Clearing an AUTOMATIC alarm: 409.
    let r = merge_patch(&app, &path, json!({ "alarmAcknowledged": true }), None).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = merge_patch(&app, &path, json!({ "perceivedSeverity": 5 }), None).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = merge_patch(
        &app,
        &format!("{MON}/v1/alarms/{}", uuid::Uuid::new_v4()),
        json!({ "alarmAcknowledged": true }),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // A MANUAL alarm clears by hand, once.
    let store = RedisStore::connect(&redis.url, &prefix).await.unwrap();
    let manual = manual_alarm(&resource, &resource_type);
    assert!(store.swap_alarm(&manual, 0).await.unwrap());
    let manual_path = format!("{MON}/v1/alarms/{}", manual.id());
    let r = merge_patch(&app, &manual_path, json!({ "perceivedSeverity": 5 }), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body, json!({ "perceivedSeverity": 5 }));
    let cleared = app.get_ok(&manual_path).await;
    assert_eq!(cleared["perceivedSeverity"], 5);
    assert!(cleared["alarmClearedTime"].is_string());
    let r = merge_patch(&app, &manual_path, json!({ "perceivedSeverity": 5 }), None).await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // The service configuration: the default, PUT, PATCH, conditional writes.
    let config_path = format!("{MON}/v1/alarmServiceConfiguration");
    let c = app.get(&config_path).await;
    assert_eq!(c.body, json!({ "retentionPeriod": 1, "extensions": {} }));
    let tag = c.header("etag").unwrap().to_owned();
    let put = |body: Value, if_match: Option<String>| {
        let app = &app;
        let path = config_path.clone();
        async move {
            raw(
                app,
                Method::PUT,
                &path,
                "application/json",
                if_match.as_deref(),
                &body.to_string(),
            )
            .await
        }
    };
    let r = put(json!({ "retentionPeriod": 0, "extensions": {} }), None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = put(json!({ "retentionPeriod": 7 }), None).await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "both fields are required"
    );
    let r = put(
        json!({ "retentionPeriod": 7, "extensions": { "site": "madrid" } }),
        Some(tag.clone()),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        r.body,
        json!({ "retentionPeriod": 7, "extensions": { "site": "madrid" } })
    );
    let r = put(json!({ "retentionPeriod": 9, "extensions": {} }), Some(tag)).await;
    assert_eq!(
        r.status,
        StatusCode::PRECONDITION_FAILED,
        "the old tag is stale"
    );
    let r = merge_patch(&app, &config_path, json!({ "retentionPeriod": 30 }), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        r.body,
        json!({ "retentionPeriod": 30, "extensions": { "site": "madrid" } })
    );
    let r = raw(
        &app,
        Method::PATCH,
        &config_path,
        "application/json",
        None,
        r#"{"retentionPeriod": 2}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(app.get_ok(&config_path).await["retentionPeriod"], 30);
}

#[tokio::test]
async fn the_alarm_service_over_grpc() {
    let app = TestApp::start().await;
    let (_, _, host) = a_resource(&app).await;
    let mut grpc = AlarmServiceClient::new(app.channel().await);
    let ingested = grpc
        .ingest_alertmanager_notification(pb::IngestAlertmanagerNotificationRequest {
            version: "4".into(),
            status: "firing".into(),
            alerts: vec![pb::Alert {
                status: "firing".into(),
                labels: [
                    ("alertname", "KubeNodeNotReady"),
                    ("severity", "critical"),
                    ("node", host.as_str()),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
                starts_at: Some("2026-12-01T10:00:00Z".parse().unwrap()),
                fingerprint: "ffff".into(),
                ..Default::default()
            }],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(ingested.changed, 1);
    let listed = grpc
        .list_alarms(pb::ListAlarmsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.alarms.len(), 1);
    let id = listed.alarms[0].alarm_event_record_id.clone();
    assert_eq!(listed.alarms[0].perceived_severity, 0);
    let got = grpc
        .get_alarm(pb::GetAlarmRequest {
            alarm_event_record_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    let ack = |if_match: &str| pb::PatchAlarmRequest {
        alarm_event_record_id: id.clone(),
        modifications: Some(pb::AlarmEventRecordModifications {
            alarm_acknowledged: Some(true),
            perceived_severity: None,
        }),
        if_match: if_match.into(),
    };
    let stale = grpc.patch_alarm(ack("\"41\"")).await.unwrap_err();
    assert_eq!(stale.code(), tonic::Code::Aborted, "{stale:?}");
    let done = grpc.patch_alarm(ack(&got.etag)).await.unwrap().into_inner();
    assert_ne!(done.etag, got.etag);
    let twice = grpc.patch_alarm(ack("")).await.unwrap_err();
    assert_eq!(twice.code(), tonic::Code::FailedPrecondition);
    let rest = app.get_ok(&format!("{MON}/v1/alarms/{id}")).await;
    assert_eq!(
        rest["alarmAcknowledged"], true,
        "one alarm, whichever transport"
    );
}

#[tokio::test]
async fn two_replicas_ingesting_the_same_payload_store_one_alarm() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let start = || {
        let (url, prefix) = (redis.url.clone(), prefix.clone());
        TestApp::start_with(move |c| {
            c.redis_url = Some(url);
            c.redis_prefix = prefix;
        })
    };
    let (a, b) = (start().await, start().await);
    let (_, _, host) = a_resource(&a).await;
    let body = vec![
        alert("firing", "1111", "critical", &host, "2026-12-01T10:00:00Z"),
        alert("firing", "2222", "minor", &host, "2026-12-01T10:00:00Z"),
    ];
    let (ra, rb) = tokio::join!(ingest(&a, body.clone()), ingest(&b, body));
    let changed = ra["changed"].as_u64().unwrap() + rb["changed"].as_u64().unwrap();
    assert_eq!(
        changed, 2,
        "each alarm raised once, by one replica or the other: {ra} {rb}"
    );
    assert_eq!(alarms(&a).await.len(), 2);
    assert_eq!(alarms(&a).await, alarms(&b).await);
}

/// An alarm written straight into the store: raised at `raised`, cleared at `cleared`.
fn stored_alarm(key: &str, raised: &str, cleared: Option<&str>) -> Alarm {
    let mut a = manual_alarm(&stable_id("test/resource"), &stable_id("test/type"));
    a.source_key = key.into();
    a.record.alarm_event_record_id = stable_id(key);
    a.record.alarm_raised_time = raised.into();
    if let Some(at) = cleared {
        a.cleared(at);
    }
    a
}

#[tokio::test]
async fn retention_removes_old_cleared_alarms_only() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let app = TestApp::start_with(|c| {
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
        c.alarms.retention_sweep_seconds = 0.1;
    })
    .await;
    let store = RedisStore::connect(&redis.url, &prefix).await.unwrap();
    let day = 24 * 3600;
    let ago = |seconds: i64| {
        (jiff::Timestamp::now() - jiff::SignedDuration::from_secs(seconds)).to_string()
    };
    let old_cleared = stored_alarm("t/old-cleared", &ago(10 * day), Some(&ago(3 * day)));
    let recent_cleared = stored_alarm("t/recent-cleared", &ago(10 * day), Some(&ago(day / 2)));
    let old_active = stored_alarm("t/old-active", &ago(30 * day), None);
    for a in [&old_cleared, &recent_cleared, &old_active] {
        assert!(store.swap_alarm(a, 0).await.unwrap());
    }
    // Retention 2 days: only the alarm cleared 3 days ago goes.
    let r = app
        .call(
            Method::PUT,
            &format!("{MON}/v1/alarmServiceConfiguration"),
            Some(json!({ "retentionPeriod": 2, "extensions": {} })),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let mut left = Vec::new();
    for _ in 0..100 {
        left = alarms(&app).await;
        if left.len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let ids: Vec<&str> = left
        .iter()
        .map(|a| a["alarmEventRecordId"].as_str().unwrap())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(
        ids.contains(&recent_cleared.id()) && ids.contains(&old_active.id()),
        "{ids:?}"
    );
    // Retention 1 day: the one cleared 12 hours ago still stays.
    app.call(
        Method::PUT,
        &format!("{MON}/v1/alarmServiceConfiguration"),
        Some(json!({ "retentionPeriod": 1, "extensions": {} })),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(alarms(&app).await.len(), 2);
}

#[tokio::test]
async fn alarm_subscriptions_receive_each_change_but_what_their_filter_names() {
    notifications_on(|_| {}).await;
}

#[tokio::test]
async fn alarm_notifications_on_redis() {
    let redis = RedisServer::start();
    let (url, prefix) = (redis.url.clone(), unique_prefix());
    notifications_on(move |c| {
        c.redis_url = Some(url);
        c.redis_prefix = prefix;
    })
    .await;
    drop(redis);
}

#[tokio::test]
async fn alarm_notifications_on_nats() {
    let nats = crate::harness::NatsServer::start();
    let url = nats.url.clone();
    notifications_on(move |c| {
        c.nats_url = Some(url);
        c.redis_prefix = unique_prefix();
    })
    .await;
    drop(nats);
}

/// Alarm subscriptions and their notifications over the event stream `tweak` configures.
async fn notifications_on(tweak: impl FnOnce(&mut netweave::config::Config)) {
    use crate::receiver::{Mode, Receiver};
    let smo = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(|c| {
        crate::webhooks::webhook_config(c);
        c.webhooks.verify_callbacks = true;
        tweak(c);
    })
    .await;
    let subs = format!("{MON}/v1/alarmSubscriptions");
    let consumer = uuid::Uuid::new_v4().to_string();
    let all = app
        .call(
            Method::POST,
            &subs,
            Some(json!({ "callback": smo.url("/all"), "consumerSubscriptionId": consumer })),
        )
        .await;
    assert_eq!(all.status, StatusCode::CREATED, "{}", all.body);
    let all_id = all.body["alarmSubscriptionId"].as_str().unwrap().to_owned();
    assert_eq!(
        all.header("location"),
        Some(format!("{subs}/{all_id}").as_str())
    );
    let no_change = app
        .call(
            Method::POST,
            &subs,
            Some(json!({ "callback": smo.url("/no-change"), "filter": "CHANGE" })),
        )
        .await;
    assert_eq!(no_change.status, StatusCode::CREATED, "{}", no_change.body);
    assert_eq!(no_change.body["filter"], "CHANGE");
    // A callback already subscribed to alarms: 409. An unknown filter: 400. The same
    // callback for inventory notifications: its own subscription.
    let again = app
        .call(
            Method::POST,
            &subs,
            Some(json!({ "callback": smo.url("/all") })),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let bad = app
        .call(
            Method::POST,
            &subs,
            Some(json!({ "callback": smo.url("/x"), "filter": "SOMETIMES" })),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let inventory = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({ "callback": smo.url("/all") })),
        )
        .await;
    assert_eq!(inventory.status, StatusCode::CREATED, "{}", inventory.body);
    // The internal mark is not taken from an inventory body.
    let sneaky = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({ "callback": smo.url("/sneaky"), "alarm": true })),
        )
        .await;
    assert_eq!(sneaky.status, StatusCode::CREATED, "{}", sneaky.body);
    assert_eq!(app.get_ok(&subs).await.as_array().unwrap().len(), 2);
    assert_eq!(
        app.get_ok(&format!("{V2}/subscriptions"))
            .await
            .as_array()
            .unwrap()
            .len(),
        2,
        "kinds apart: the alarm mark is not taken from an inventory body"
    );
    assert_eq!(
        app.get_ok(&format!("{subs}/{all_id}")).await["consumerSubscriptionId"],
        consumer.as_str()
    );
    assert_eq!(
        app.get(&format!("{V2}/subscriptions/{all_id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // NEW, CHANGE, ACKNOWLEDGE, CLEAR.
    let (_, _, host) = a_resource(&app).await;
    ingest(
        &app,
        vec![alert(
            "firing",
            "9999",
            "major",
            &host,
            "2026-12-01T10:00:00Z",
        )],
    )
    .await;
    ingest(
        &app,
        vec![alert(
            "firing",
            "9999",
            "critical",
            &host,
            "2026-12-01T10:00:00Z",
        )],
    )
    .await;
    let id = stable_id("alertmanager/9999/2026-12-01T10:00:00Z");
    let r = merge_patch(
        &app,
        &format!("{MON}/v1/alarms/{id}"),
        json!({ "alarmAcknowledged": true }),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    ingest(
        &app,
        vec![alert(
            "resolved",
            "9999",
            "critical",
            &host,
            "2026-12-01T10:00:00Z",
        )],
    )
    .await;

    let kinds = |path: &str| -> Vec<u64> {
        smo.received()
            .iter()
            .filter(|r| r.path == path && !r.body.is_empty())
            .map(|r| r.json()["notificationEventType"].as_u64().unwrap())
            .collect()
    };
    for _ in 0..200 {
        if kinds("/all").len() >= 4 && kinds("/no-change").len() >= 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(
        kinds("/all"),
        vec![0, 1, 3, 2],
        "NEW, CHANGE, ACKNOWLEDGE, CLEAR in order"
    );
    assert_eq!(
        kinds("/no-change"),
        vec![0, 3, 2],
        "a CHANGE filter sends no CHANGE"
    );
    let cloud = app.get_ok(V2).await;
    for r in smo
        .received()
        .iter()
        .filter(|r| r.path == "/all" && !r.body.is_empty())
    {
        let n = r.json();
        assert_notification_schema(&n);
        assert_eq!(n["globalCloudID"], cloud["globalCloudId"]);
        assert_eq!(n["consumerSubscriptionId"], consumer.as_str());
        assert_eq!(n["alarmEventRecordId"], id.as_str());
        assert_eq!(n["objectRef"], format!("{MON}/v1/alarms/{id}"));
        assert!(
            crate::webhooks::standard_webhooks_verifies(r),
            "signed, and the signature verifies"
        );
    }
    let acked = smo
        .received()
        .into_iter()
        .find(|r| r.path == "/all" && !r.body.is_empty() && r.json()["notificationEventType"] == 3)
        .unwrap();
    assert!(
        acked.json()["alarmAcknowledgeTime"].is_string(),
        "the spec's name for the ack time"
    );
    assert_eq!(acked.json()["alarmAcknowledged"], true);

    // Alarm events are on the one stream (Watch, SSE, history) too.
    let events = app.get_ok("/events?type=o2ims.AlarmEventRecord.*").await;
    let types: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["eventType"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "o2ims.AlarmEventRecord.New",
            "o2ims.AlarmEventRecord.Change",
            "o2ims.AlarmEventRecord.Acknowledge",
            "o2ims.AlarmEventRecord.Clear"
        ]
    );

    let gone = app
        .call(Method::DELETE, &format!("{subs}/{all_id}"), None)
        .await;
    assert_eq!(gone.status, StatusCode::OK);
    assert_eq!(
        app.get(&format!("{subs}/{all_id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

/// An alarm change made while the event stream is down is stored with its event in the
/// alarm's outbox; the notification goes out once the stream is back: delayed, not lost.
#[tokio::test]
async fn an_alarm_change_during_a_stream_outage_is_notified_after_it() {
    use crate::receiver::{Mode, Receiver};
    let mut nats = crate::harness::NatsServer::start();
    let smo = Receiver::start(Mode::Ok).await;
    let url = nats.url.clone();
    let app = TestApp::start_with(move |c| {
        crate::webhooks::webhook_config(c);
        c.nats_url = Some(url);
        c.redis_prefix = unique_prefix();
    })
    .await;
    let subs = format!("{MON}/v1/alarmSubscriptions");
    let r = app
        .call(
            Method::POST,
            &subs,
            Some(json!({ "callback": smo.url("/alarms") })),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let (_, _, host) = a_resource(&app).await;

    let outage = std::thread::spawn(move || {
        nats.kill_for(std::time::Duration::from_secs(2));
        nats
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let body = payload(vec![alert(
        "firing",
        "7777",
        "major",
        &host,
        "2026-12-01T10:00:00Z",
    )]);
    let sent = app
        .http
        .post(app.url(ALERTS))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(
        sent.status() == StatusCode::OK || sent.status() == StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        sent.status()
    );
    let id = stable_id("alertmanager/7777/2026-12-01T10:00:00Z");
    assert_eq!(
        app.get_ok(&format!("{MON}/v1/alarms/{id}")).await["perceivedSeverity"],
        1,
        "stored during the outage"
    );
    let nats = tokio::task::spawn_blocking(move || outage.join().unwrap())
        .await
        .unwrap();
    let got = smo.wait_for(1, std::time::Duration::from_secs(20)).await;
    let news: Vec<_> = got
        .iter()
        .filter(|r| r.json()["alarmEventRecordId"] == id.as_str())
        .collect();
    assert!(
        !news.is_empty(),
        "the NEW notification arrived after the outage"
    );
    assert_eq!(news[0].json()["notificationEventType"], 0);
    drop(nats);
}
