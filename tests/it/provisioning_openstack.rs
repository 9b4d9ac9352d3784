//! Provisioning on OpenStack (the fake cloud, whose server create/show/delete openstacksdk
//! checks first): the built-in `os-server-group` template builds a host aggregate and servers,
//! FULFILLED once they are ACTIVE, grown by a replacement, FAILED with Nova's fault message when
//! a server ends in ERROR, and removed by DELETE.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    harness::{TestApp, V2},
    openstack::{cloud, on_cloud},
    provisioning::{wait_gone, wait_phase, REQUESTS},
};

fn group(id: &str, name: &str, zone: &str, hosts: &[&str], count: u32, flavor: &str) -> Value {
    json!({
        "provisioningRequestId": id,
        "name": name,
        "description": "DU servers",
        "templateName": "os-server-group",
        "templateVersion": "v1",
        "templateParameters": {
            "aggregateName": name, "availabilityZone": zone, "hosts": hosts,
            "serverCount": count, "flavorRef": flavor,
            "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b",
            "networkId": "3cb9bc59-5699-4588-a4b1-b87f96708bc6"
        }
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openstacksdk_boots_and_deletes_a_server_on_the_fake_cloud() {
    let fake = cloud().await;
    fake.with(|c| c.add_aggregate("probe", Some("probe-zone"), &["compute-4"]));
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("clouds.yaml");
    std::fs::write(&path, fake.clouds_yaml()).unwrap();
    let seen = crate::harness::python_fixture(
        "openstacksdk_servers.py",
        "openstack",
        &["password".as_ref(), "probe-zone".as_ref()],
        &[("OS_CLIENT_CONFIG_FILE", path.as_os_str())],
        dir.path(),
    )
    .await;
    assert_eq!(
        seen["created_status"],
        Value::Null,
        "a create answers no status: {seen}"
    );
    assert_eq!(seen["status"], "ACTIVE");
    assert_eq!(seen["host"], "compute-4", "booted in its zone's aggregate");
    assert_eq!(seen["zone"], "probe-zone");
    assert_eq!(seen["metadata"], json!({"purpose": "probe"}));
    assert_eq!(seen["flavor"], "ran.du");
    assert_eq!(seen["deleted"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_group_is_built_grown_failed_on_a_fault_and_removed() {
    let fake = cloud().await;
    let (_dir, config) = on_cloud(&fake, "password");
    let app = TestApp::start_with(move |c| {
        config(c);
        c.provisioning.poll_seconds = 0.2;
    })
    .await;
    let templates = app
        .get_ok("/o2ims-infrastructureArtifacts/v1/managedInfrastructureTemplates")
        .await;
    assert!(
        templates
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["name"] == "os-server-group"),
        "{templates}"
    );

    // Refused before anything is built: a flavor or host the cloud does not have.
    let id = uuid::Uuid::new_v4().to_string();
    let bad = group(&id, "du-group", "edge-b", &["compute-4"], 2, "m9.huge");
    let reply = app.call(Method::POST, REQUESTS, Some(bad)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert!(reply.body["detail"].as_str().unwrap().contains("flavorRef"));
    let bad = group(&id, "du-group", "edge-b", &["compute-9"], 2, "ran.du");
    let reply = app.call(Method::POST, REQUESTS, Some(bad)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(fake.with(|c| c.server_creates), 0);

    // Built: the aggregate with its host, two servers ACTIVE there; each created once.
    let made = group(&id, "du-group", "edge-b", &["compute-4"], 2, "ran.du");
    let reply = app.call(Method::POST, REQUESTS, Some(made)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let done = wait_phase(&app, &id, "FULFILLED").await;
    let aggregate = fake
        .with(|c| c.aggregate_named("du-group").cloned())
        .unwrap();
    assert_eq!(aggregate.hosts, ["compute-4"]);
    assert_eq!(aggregate.zone.as_deref(), Some("edge-b"));
    let on_host = |fake: &netweave_testkit::fake_openstack::FakeOpenStack| {
        fake.with(|c| {
            c.servers
                .values()
                .filter(|s| !s.deleted && s.name.starts_with("du-group-"))
                .map(|s| (s.name.clone(), s.status.clone(), s.host.clone()))
                .collect::<Vec<_>>()
        })
    };
    let servers = on_host(&fake);
    assert_eq!(servers.len(), 2, "{servers:?}");
    assert!(servers
        .iter()
        .all(|(_, status, host)| status == "ACTIVE" && host.as_deref() == Some("compute-4")));
    assert_eq!(fake.with(|c| c.server_creates), 2);
    let pool = done["provisionedResourceSet"]["nodeClusterId"]
        .as_str()
        .unwrap()
        .to_owned();
    let built: Vec<String> = done["provisionedResourceSet"]["infrastructureResourceIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(built.len(), 2);
    // The inventory serves them (once the poll has seen them) where the set says.
    for _ in 0..200 {
        let served = app
            .get(&format!("{V2}/resourcePools/{pool}/resources"))
            .await;
        let ids: Vec<String> = match served.status {
            StatusCode::OK => served
                .body
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["resourceId"].as_str().unwrap().to_owned())
                .collect(),
            _ => Vec::new(),
        };
        if built.iter().all(|b| ids.contains(b)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for b in &built {
        app.get_ok(&format!("{V2}/resourcePools/{pool}/resources/{b}"))
            .await;
    }

    // Grown by one: one more server, the two kept.
    let grown = group(&id, "du-group", "edge-b", &["compute-4"], 3, "ran.du");
    let reply = app
        .call(Method::PUT, &format!("{REQUESTS}/{id}"), Some(grown))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    wait_phase(&app, &id, "FULFILLED").await;
    assert_eq!(on_host(&fake).len(), 3);
    assert_eq!(fake.with(|c| c.server_creates), 3);

    // A server that ends in ERROR fails its request with Nova's fault message.
    fake.with(|c| {
        c.boot_faults.insert(
            "m1.small".into(),
            "No valid host was found. Exceeded max scheduling attempts 3".into(),
        )
    });
    let failing_id = uuid::Uuid::new_v4().to_string();
    let failing = group(&failing_id, "cu-group", "edge-b", &[], 1, "m1.small");
    let reply = app.call(Method::POST, REQUESTS, Some(failing)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let failed = wait_phase(&app, &failing_id, "FAILED").await;
    let message = failed["status"]["message"].as_str().unwrap();
    assert!(
        message.contains("Exceeded max scheduling attempts"),
        "{failed}"
    );
    assert_eq!(
        failed["status"]["infrastructureResourceProvisioningStatus"][0]
            ["resourceProvisioningPhase"],
        "FAILED"
    );

    // Deleted: the servers, then the aggregate, then the request.
    for gone in [&id, &failing_id] {
        let reply = app
            .call(Method::DELETE, &format!("{REQUESTS}/{gone}"), None)
            .await;
        assert_eq!(reply.status, StatusCode::ACCEPTED);
    }
    wait_gone(&app, &id).await;
    wait_gone(&app, &failing_id).await;
    assert!(on_host(&fake).is_empty());
    assert!(fake.with(|c| c.aggregate_named("du-group").is_none()));
    assert!(fake.with(|c| c.aggregate_named("cu-group").is_none()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_carry_a_request_out_once_and_the_survivor_finishes_it_after_a_sigkill() {
    use crate::{
        harness::{unique_prefix, RedisServer},
        kube_leader::leads,
        openstack::{replica, Processes},
    };
    let fake = cloud().await;
    fake.with(|c| c.boot_time = Duration::from_secs(3));
    let dir = tempfile::TempDir::new().unwrap();
    let clouds = dir.path().join("clouds.yaml");
    std::fs::write(&clouds, fake.clouds_yaml()).unwrap();
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let mut gateways = Processes(
        (0..2)
            .map(|_| replica(&clouds, &redis.url, &prefix, None))
            .collect(),
    );
    let leader = Processes::leader(&gateways).await;
    let follower = gateways.0[1 - leader].1.clone();
    let client = reqwest::Client::new();

    // Asked of the follower; carried out by the leader, each server created once.
    let id = uuid::Uuid::new_v4().to_string();
    let created = client
        .post(format!("{follower}{REQUESTS}"))
        .json(&group(
            &id,
            "ha-group",
            "edge-b",
            &["compute-4"],
            2,
            "ran.du",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    for _ in 0..200 {
        if fake.with(|c| c.server_creates) >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(
        fake.with(|c| c.server_creates),
        2,
        "the leader built both servers"
    );
    let phase = |body: &Value| {
        body["status"]["provisioningPhase"]
            .as_str()
            .map(str::to_owned)
    };
    let now: Value = client
        .get(format!("{follower}{REQUESTS}/{id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(phase(&now).as_deref(), Some("PROGRESSING"), "{now}");

    // The leader dies while the servers boot: the survivor takes over and finishes the
    // request from what exists, creating nothing.
    gateways.0[leader].0.kill().unwrap();
    gateways.0[leader].0.wait().unwrap();
    let mut last = Value::Null;
    for _ in 0..600 {
        if let Ok(r) = client
            .get(format!("{follower}{REQUESTS}/{id}"))
            .send()
            .await
        {
            last = r.json().await.unwrap_or(Value::Null);
            if phase(&last).as_deref() == Some("FULFILLED") {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(phase(&last).as_deref(), Some("FULFILLED"), "{last}");
    assert_eq!(leads(&follower).await, Some(true));
    assert_eq!(fake.with(|c| c.server_creates), 2, "nothing created twice");
    let live = fake.with(|c| {
        c.servers
            .values()
            .filter(|s| !s.deleted && s.name.starts_with("ha-group-"))
            .count()
    });
    assert_eq!(live, 2);
}
