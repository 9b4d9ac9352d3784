//! O2ims Infrastructure Provisioning and Artifacts on the simulator: templates served, a request
//! carried out PENDING → PROGRESSING → FULFILLED with its nodes in the inventory and notified
//! once each, scaled by a replacement, deleted (DELETING → 404, the nodes notified deleted),
//! refused before anything is stored when its parameters are wrong, resumed after a restart.
//! Every REST response is validated against the normative documents (`TestApp::call`).

use std::{collections::HashMap, time::Duration};

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    harness::{TestApp, V2},
    receiver::{Mode, Received, Receiver},
    webhooks::{subscribe, webhook_config},
};

pub const REQUESTS: &str = "/o2ims-infrastructureProvisioning/v1/provisioningRequests";
pub const TEMPLATES: &str = "/o2ims-infrastructureArtifacts/v1/managedInfrastructureTemplates";

/// A request of the built-in `sim-pool` template.
pub fn sim_request(id: &str, site: &str, nodes: u32, ready_seconds: f64) -> Value {
    json!({
        "provisioningRequestId": id,
        "name": "edge-pool",
        "description": "nodes for the vDU",
        "templateName": "sim-pool",
        "templateVersion": "v1",
        "templateParameters": {
            "poolName": "edge", "oCloudSiteId": site, "nodeCount": nodes,
            "readySeconds": ready_seconds, "labels": {"tier": "du"}
        }
    })
}

/// Creates a `sim-pool` request of `nodes` nodes ready after `ready` seconds (201 checked);
/// its id and site.
pub async fn create_sim(app: &TestApp, nodes: u32, ready: f64) -> (String, String) {
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let id = uuid::Uuid::new_v4().to_string();
    let reply = app
        .call(
            Method::POST,
            REQUESTS,
            Some(sim_request(&id, &site, nodes, ready)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    (id, site)
}

/// Polls the request until its phase is `phase`; its body then.
pub async fn wait_phase(app: &TestApp, id: &str, phase: &str) -> Value {
    let mut last = Value::Null;
    for _ in 0..400 {
        let reply = app.get(&format!("{REQUESTS}/{id}")).await;
        if reply.status == StatusCode::OK && reply.body["status"]["provisioningPhase"] == phase {
            return reply.body;
        }
        last = reply.body;
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("request {id} never reached {phase}: {last}");
}

pub async fn wait_gone(app: &TestApp, id: &str) {
    for _ in 0..400 {
        if app.get(&format!("{REQUESTS}/{id}")).await.status == StatusCode::NOT_FOUND {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("request {id} was never removed");
}

fn ids(body: &Value) -> Vec<String> {
    body["provisionedResourceSet"]["infrastructureResourceIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// How many notifications of each `(objectKind-ish type, id)` the receiver got: resource
/// creations and deletions by resource id, request phases in order.
fn tally(got: &[Received]) -> (HashMap<(u64, String), usize>, Vec<String>) {
    let mut resources = HashMap::new();
    let mut phases = Vec::new();
    for r in got {
        let n = r.json();
        let object_ref = n["objectRef"].as_str().unwrap_or_default();
        if object_ref.starts_with(REQUESTS) {
            let state = n.get("postObjectState").unwrap_or(&n["priorObjectState"]);
            let phase = state["status"]["provisioningPhase"]
                .as_str()
                .unwrap()
                .to_owned();
            phases.push(match n["notificationEventType"].as_u64() {
                Some(2) => format!("deleted({phase})"),
                _ => phase,
            });
        } else if object_ref.contains("/resources/") {
            let kind = n["notificationEventType"].as_u64().unwrap();
            let id = object_ref.rsplit('/').next().unwrap().to_owned();
            *resources.entry((kind, id)).or_insert(0) += 1;
        }
    }
    phases.dedup();
    (resources, phases)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_simulator_pool_is_provisioned_scaled_and_deleted_and_each_node_notified_once() {
    let receiver = Receiver::start(Mode::Ok).await;
    let app = TestApp::start_with(webhook_config).await;
    subscribe(&app, &receiver.url("/smo"), None).await;

    // The artifacts: the built-in template, by id and by name.version, and its defaults.
    let templates = app.get_ok(TEMPLATES).await;
    let sim = templates
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "sim-pool")
        .expect("sim-pool offered")
        .clone();
    let by_id = app
        .get_ok(&format!(
            "{TEMPLATES}/{}",
            sim["artifactResourceId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(by_id, sim);
    assert_eq!(app.get_ok(&format!("{TEMPLATES}/sim-pool.v1")).await, sim);
    let defaults = app
        .get_ok(&format!("{TEMPLATES}/sim-pool.v1/defaults"))
        .await;
    assert_eq!(defaults["clusterInstanceDefaults"]["nodeCount"], 3);
    assert_eq!(
        app.get(&format!("{TEMPLATES}/nope.v1")).await.status,
        StatusCode::NOT_FOUND
    );

    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let id = uuid::Uuid::new_v4().to_string();

    // Refused before anything is stored: a parameter against the schema, a site that does not
    // exist, a template that is not offered.
    let mut bad = sim_request(&id, &site, 3, 0.0);
    bad["templateParameters"]["nodeCount"] = json!(-1);
    let reply = app.call(Method::POST, REQUESTS, Some(bad)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert!(
        reply.body["detail"]
            .as_str()
            .unwrap()
            .contains("/templateParameters/nodeCount"),
        "{}",
        reply.body
    );
    let mut bad = sim_request(&id, &site, 3, 0.0);
    bad["templateParameters"]["oCloudSiteId"] = json!(uuid::Uuid::new_v4().to_string());
    let reply = app.call(Method::POST, REQUESTS, Some(bad)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert!(reply.body["detail"]
        .as_str()
        .unwrap()
        .contains("oCloudSiteId"));
    let mut bad = sim_request(&id, &site, 3, 0.0);
    bad["templateVersion"] = json!("v9");
    let reply = app.call(Method::POST, REQUESTS, Some(bad)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    let mut bad = sim_request(&id, &site, 3, 0.0);
    bad["extra"] = json!(1);
    let reply = app.call(Method::POST, REQUESTS, Some(bad)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(
        app.get(&format!("{REQUESTS}/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get_ok(REQUESTS).await, json!([]));

    // Created: PENDING, then carried out.
    let reply = app
        .call(
            Method::POST,
            REQUESTS,
            Some(sim_request(&id, &site, 3, 0.3)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(
        reply.header("location"),
        Some(format!("{REQUESTS}/{id}").as_str())
    );
    assert_eq!(reply.body["status"]["provisioningPhase"], "PENDING");
    let again = app
        .call(
            Method::POST,
            REQUESTS,
            Some(sim_request(&id, &site, 3, 0.3)),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let done = wait_phase(&app, &id, "FULFILLED").await;
    let nodes = ids(&done);
    assert_eq!(nodes.len(), 3, "{done}");
    let pool = done["provisionedResourceSet"]["nodeClusterId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        done["status"]["nodeClusterProvisioningStatus"]["resourceId"],
        pool
    );
    let statuses = done["status"]["infrastructureResourceProvisioningStatus"]
        .as_array()
        .unwrap();
    assert!(statuses
        .iter()
        .all(|s| s["resourceProvisioningPhase"] == "PROVISIONED"));
    let served_pool = app.get_ok(&format!("{V2}/resourcePools/{pool}")).await;
    assert_eq!(served_pool["extensions"]["labels"]["tier"], "du");
    for node in &nodes {
        app.get_ok(&format!("{V2}/resourcePools/{pool}/resources/{node}"))
            .await;
    }
    let listed = app
        .get_ok(&format!(
            "{REQUESTS}?filter=(eq,status/provisioningPhase,FULFILLED)"
        ))
        .await;
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    let none = app
        .get_ok(&format!(
            "{REQUESTS}?filter=(eq,status/provisioningPhase,FAILED)"
        ))
        .await;
    assert_eq!(none, json!([]));

    // Replaced with two more nodes: the three stay, two are added.
    let reply = app
        .call(
            Method::PUT,
            &format!("{REQUESTS}/{id}"),
            Some(sim_request(&id, &site, 5, 0.0)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["status"]["provisioningPhase"], "PENDING");
    let grown = wait_phase(&app, &id, "FULFILLED").await;
    assert_eq!(ids(&grown).len(), 5, "{grown}");
    let more = ids(&grown);
    assert!(
        nodes.iter().all(|n| more.contains(n)),
        "{more:?} keeps {nodes:?}"
    );
    let elsewhere = sim_request(&uuid::Uuid::new_v4().to_string(), &site, 5, 0.0);
    let reply = app
        .call(Method::PUT, &format!("{REQUESTS}/{id}"), Some(elsewhere))
        .await;
    assert_eq!(
        reply.status,
        StatusCode::BAD_REQUEST,
        "a body naming another request"
    );

    // Deleted: 202, DELETING, then gone with its pool and nodes.
    let reply = app
        .call(Method::DELETE, &format!("{REQUESTS}/{id}"), None)
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    assert_eq!(
        reply.header("location"),
        Some(format!("{REQUESTS}/{id}").as_str())
    );
    wait_gone(&app, &id).await;
    assert_eq!(
        app.get(&format!("{V2}/resourcePools/{pool}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.call(Method::DELETE, &format!("{REQUESTS}/{id}"), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Notified: each node created once and deleted once; the request's phases in order.
    let mut got = Vec::new();
    for _ in 0..200 {
        got = receiver.received();
        let (resources, phases) = tally(&got);
        if resources.len() == 10 && phases.last().is_some_and(|p| p.starts_with("deleted")) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (resources, phases) = tally(&got);
    for node in &more {
        assert_eq!(
            resources.get(&(0, node.clone())),
            Some(&1),
            "{node} created once"
        );
        assert_eq!(
            resources.get(&(2, node.clone())),
            Some(&1),
            "{node} deleted once"
        );
    }
    assert_eq!(resources.len(), 10, "{resources:?}");
    assert_eq!(
        phases.first().map(String::as_str),
        Some("PENDING"),
        "{phases:?}"
    );
    assert_eq!(
        phases.last().map(String::as_str),
        Some("deleted(DELETING)"),
        "{phases:?}"
    );
    let order: Vec<&str> = phases.iter().map(String::as_str).collect();
    let fulfilled = order.iter().position(|p| *p == "FULFILLED").unwrap();
    assert!(order[..fulfilled].contains(&"PROGRESSING"), "{phases:?}");
    assert!(order.contains(&"DELETING"), "{phases:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_that_fails_says_why_and_what_exists_and_can_be_retried_by_replacing_it() {
    let app = TestApp::start().await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let id = uuid::Uuid::new_v4().to_string();
    let mut failing = sim_request(&id, &site, 2, 30.0);
    failing["templateParameters"]["failAfterSeconds"] = json!(0.2);
    let reply = app.call(Method::POST, REQUESTS, Some(failing)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let failed = wait_phase(&app, &id, "FAILED").await;
    assert!(
        failed["status"]["message"]
            .as_str()
            .unwrap()
            .contains("failAfterSeconds"),
        "{failed}"
    );
    // The pool exists (built before the failure); the nodes never came.
    let pool = failed["provisionedResourceSet"]["nodeClusterId"]
        .as_str()
        .unwrap();
    app.get_ok(&format!("{V2}/resourcePools/{pool}")).await;
    assert!(ids(&failed).is_empty());
    let phases: Vec<&Value> = failed["status"]["infrastructureResourceProvisioningStatus"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["resourceProvisioningPhase"])
        .collect();
    assert_eq!(phases, vec!["FAILED", "FAILED"]);

    // Replaced without the failure: carried out again from what exists.
    let reply = app
        .call(
            Method::PUT,
            &format!("{REQUESTS}/{id}"),
            Some(sim_request(&id, &site, 2, 0.0)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let done = wait_phase(&app, &id, "FULFILLED").await;
    assert_eq!(done["provisionedResourceSet"]["nodeClusterId"], pool);
    assert_eq!(ids(&done).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_in_progress_at_a_restart_is_carried_on_and_nothing_is_built_twice() {
    let app = TestApp::start().await;
    let (id, _) = create_sim(&app, 4, 1.5).await;
    let mut progressing = wait_phase(&app, &id, "PROGRESSING").await;
    while progressing["provisionedResourceSet"]["nodeClusterId"] == "" {
        tokio::time::sleep(Duration::from_millis(20)).await;
        progressing = wait_phase(&app, &id, "PROGRESSING").await;
    }
    assert!(ids(&progressing).is_empty(), "not ready before the restart");
    let pool = progressing["provisionedResourceSet"]["nodeClusterId"]
        .as_str()
        .unwrap()
        .to_owned();
    let data = app.stop().await;
    let app = TestApp::start_in(data, |_| {}).await;
    let done = wait_phase(&app, &id, "FULFILLED").await;
    assert_eq!(done["provisionedResourceSet"]["nodeClusterId"], pool);
    let served = app
        .get_ok(&format!("{V2}/resourcePools/{pool}/resources"))
        .await;
    assert_eq!(served.as_array().unwrap().len(), 4, "{served}");
    let pools = app
        .get_ok(&format!("{V2}/resourcePools?filter=(eq,name,edge)"))
        .await;
    assert_eq!(pools.as_array().unwrap().len(), 1, "one pool: {pools}");
}

/// `netweave serve` on the simulator kept in `data`, carrying requests out every 0.1 s.
fn gateway(data: &std::path::Path, port: u16) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_netweave"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(data)
        .args(["--sim-pools", "2", "--sim-resources", "50"])
        .args(["--callback-allow", "127.0.0.0/8", "--log-level", "warn"])
        .env("NETWEAVE_PROVISIONING__POLL_SECONDS", "0.1")
        .env("NETWEAVE_WEBHOOKS__BASE_DELAY_MS", "50")
        .env("NETWEAVE_WEBHOOKS__MAX_DELAY_SECONDS", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("netweave serve starts")
}

async fn json(url: String) -> Option<(StatusCode, Value)> {
    let r = reqwest::get(url).await.ok()?;
    let status = r.status();
    Some((status, r.json().await.unwrap_or(Value::Null)))
}

async fn poll_phase(base: &str, id: &str, phase: &str, with_group: bool) -> Value {
    for _ in 0..600 {
        if let Some((StatusCode::OK, body)) = json(format!("{base}{REQUESTS}/{id}")).await {
            let grouped = body["provisionedResourceSet"]["nodeClusterId"] != "";
            if body["status"]["provisioningPhase"] == phase && (grouped || !with_group) {
                return body;
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("request {id} never reached {phase}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_sigkilled_while_progressing_fulfils_after_restart_and_builds_nothing_twice() {
    let receiver = Receiver::start(Mode::Ok).await;
    let data = tempfile::TempDir::new().unwrap();
    let port = crate::harness::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut gateway_process = crate::harness::Process(gateway(data.path(), port));
    crate::kube_leader::ready(&base).await;
    let client = reqwest::Client::new();
    let subscribed = client
        .post(format!("{base}{V2}/subscriptions"))
        .json(&json!({"callback": receiver.url("/smo")}))
        .send()
        .await
        .unwrap();
    assert_eq!(subscribed.status(), StatusCode::CREATED);
    let (_, sites) = json(format!("{base}{V2}/oCloudSites")).await.unwrap();
    let site = sites[0]["oCloudSiteId"].as_str().unwrap().to_owned();
    let id = uuid::Uuid::new_v4().to_string();
    let created = client
        .post(format!("{base}{REQUESTS}"))
        .json(&sim_request(&id, &site, 4, 1.5))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let progressing = poll_phase(&base, &id, "PROGRESSING", true).await;
    assert!(
        ids(&progressing).is_empty(),
        "killed before the nodes are due"
    );
    let pool = progressing["provisionedResourceSet"]["nodeClusterId"].clone();

    gateway_process.0.kill().unwrap();
    gateway_process.0.wait().unwrap();
    gateway_process.0 = gateway(data.path(), port);
    crate::kube_leader::ready(&base).await;
    let done = poll_phase(&base, &id, "FULFILLED", true).await;
    assert_eq!(done["provisionedResourceSet"]["nodeClusterId"], pool);
    assert_eq!(ids(&done).len(), 4, "{done}");
    let (_, resources) = json(format!(
        "{base}{V2}/resourcePools/{}/resources",
        pool.as_str().unwrap()
    ))
    .await
    .unwrap();
    assert_eq!(resources.as_array().unwrap().len(), 4, "{resources}");
    let (_, pools) = json(format!("{base}{V2}/resourcePools?filter=(eq,name,edge)"))
        .await
        .unwrap();
    assert_eq!(pools.as_array().unwrap().len(), 1, "one pool: {pools}");

    // Each node told once (a redelivery carries the same notificationId and counts once).
    let told = || {
        let mut seen = std::collections::HashSet::new();
        let distinct: Vec<Received> = receiver
            .received()
            .into_iter()
            .filter(|r| seen.insert(r.json()["notificationId"].clone()))
            .collect();
        tally(&distinct).0
    };
    for _ in 0..200 {
        if told().len() >= 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let nodes = told();
    assert_eq!(nodes.len(), 4, "{nodes:?}");
    assert!(
        nodes.iter().all(|((kind, _), n)| *kind == 0 && *n == 1),
        "{nodes:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grpc_carries_the_same_requests_with_precise_codes() {
    use netweave::proto::{
        artifacts::v1::{self as apb, artifact_service_client::ArtifactServiceClient},
        provisioning::v1::{self as pb, provisioning_service_client::ProvisioningServiceClient},
    };
    let app = TestApp::start().await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let mut artifacts = ArtifactServiceClient::new(app.channel().await);
    let templates = artifacts
        .list_managed_infrastructure_templates(
            apb::ListManagedInfrastructureTemplatesRequest::default(),
        )
        .await
        .unwrap()
        .into_inner()
        .templates;
    assert!(templates
        .iter()
        .any(|t| t.name == "sim-pool" && t.version == "v1"));
    let defaults = artifacts
        .get_managed_infrastructure_template_defaults(
            apb::GetManagedInfrastructureTemplateDefaultsRequest {
                managed_infrastructure_template_id: "sim-pool.v1".into(),
            },
        )
        .await
        .unwrap()
        .into_inner();
    assert!(defaults
        .cluster_instance_defaults
        .unwrap()
        .fields
        .contains_key("nodeCount"));

    let mut client = ProvisioningServiceClient::new(app.channel().await);
    let id = uuid::Uuid::new_v4().to_string();
    let data = |nodes: f64| {
        pb::ProvisioningRequestData {
        provisioning_request_id: id.clone(),
        name: "edge-pool".into(),
        description: "over gRPC".into(),
        template_name: "sim-pool".into(),
        template_version: "v1".into(),
        template_parameters: Some(netweave::grpc::to_struct(
            json!({"poolName": "grpc", "oCloudSiteId": site, "nodeCount": nodes, "readySeconds": 0})
                .as_object()
                .unwrap(),
        )),
    }
    };
    let refused = client
        .create_provisioning_request(pb::CreateProvisioningRequestRequest {
            provisioning_request_data: Some(data(-2.0)),
        })
        .await
        .unwrap_err();
    assert_eq!(refused.code(), tonic::Code::InvalidArgument);
    assert!(
        refused.message().contains("/templateParameters/nodeCount"),
        "{refused:?}"
    );
    let made = client
        .create_provisioning_request(pb::CreateProvisioningRequestRequest {
            provisioning_request_data: Some(data(2.0)),
        })
        .await
        .unwrap()
        .into_inner()
        .provisioning_request
        .unwrap();
    assert_eq!(
        made.status.unwrap().provisioning_phase,
        pb::ProvisioningPhase::Pending as i32
    );
    let again = client
        .create_provisioning_request(pb::CreateProvisioningRequestRequest {
            provisioning_request_data: Some(data(2.0)),
        })
        .await
        .unwrap_err();
    assert_eq!(again.code(), tonic::Code::AlreadyExists);
    let rest = wait_phase(&app, &id, "FULFILLED").await;
    let got = client
        .get_provisioning_request(pb::GetProvisioningRequestRequest {
            provisioning_request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner()
        .provisioning_request
        .unwrap();
    assert_eq!(
        got.provisioned_resource_set
            .unwrap()
            .infrastructure_resource_ids,
        ids(&rest)
    );
    let listed = client
        .list_provisioning_requests(pb::ListProvisioningRequestsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.provisioning_requests.len(), 1);
    client
        .delete_provisioning_request(pb::DeleteProvisioningRequestRequest {
            provisioning_request_id: id.clone(),
        })
        .await
        .unwrap();
    wait_gone(&app, &id).await;
    let missing = client
        .get_provisioning_request(pb::GetProvisioningRequestRequest {
            provisioning_request_id: id.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(missing.code(), tonic::Code::NotFound);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tenant_sees_its_own_requests_and_what_they_built_and_is_held_to_its_quota() {
    use crate::security::{
        gateway,
        idp::Idp,
        support::Pki,
        tenancy::{Caller, TENANTS},
    };
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, netweave::config::ClientAuth::Optional, |_| {}).await;
    let platform = Caller::of(&pki, &idp, "ops", &["platform-admin"], None);
    for (tenant, quota) in [("tenant-a", 1), ("tenant-b", 5)] {
        let (status, body) = platform
            .post(
                &app,
                TENANTS,
                json!({"tenantId": tenant, "labelSelector": format!("o2ims.oran.org/tenant={tenant}"),
                    "quotas": {"maxProvisioningRequests": quota}}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let a = Caller::of(&pki, &idp, "smo-a", &["admin"], Some("tenant-a"));
    let b = Caller::of(&pki, &idp, "smo-b", &["admin"], Some("tenant-b"));
    let reader = Caller::of(&pki, &idp, "dashboard", &["o2ims-reader"], None);
    let (_, sites) = platform.get(&app, &format!("{V2}/oCloudSites")).await;
    let site = sites[0]["oCloudSiteId"].as_str().unwrap().to_owned();

    let id = uuid::Uuid::new_v4().to_string();
    let (status, body) = a
        .post(&app, REQUESTS, sim_request(&id, &site, 2, 0.0))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = a
        .post(
            &app,
            REQUESTS,
            sim_request(&uuid::Uuid::new_v4().to_string(), &site, 1, 0.0),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "maxProvisioningRequests: {body}"
    );
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("maxProvisioningRequests"),
        "{body}"
    );

    // Its pool is in its scope (the owner label), not in the other tenant's.
    let mut pool = String::new();
    for _ in 0..400 {
        let (_, got) = a.get(&app, &format!("{REQUESTS}/{id}")).await;
        if got["status"]["provisioningPhase"] == "FULFILLED" {
            pool = got["provisionedResourceSet"]["nodeClusterId"]
                .as_str()
                .unwrap()
                .to_owned();
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(!pool.is_empty(), "fulfilled");
    assert_eq!(
        a.get(&app, &format!("{V2}/resourcePools/{pool}")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        b.get(&app, &format!("{V2}/resourcePools/{pool}")).await.0,
        StatusCode::NOT_FOUND
    );

    // The other tenant neither sees nor changes it; a cross-tenant reader sees it.
    assert_eq!(b.get(&app, REQUESTS).await.1, json!([]));
    assert_eq!(
        b.get(&app, &format!("{REQUESTS}/{id}")).await.0,
        StatusCode::NOT_FOUND
    );
    let (status, _) = b
        .send(
            &app,
            Method::DELETE,
            &format!("{REQUESTS}/{id}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, listed) = reader.get(&app, REQUESTS).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let (status, _) = reader
        .post(
            &app,
            REQUESTS,
            sim_request(&uuid::Uuid::new_v4().to_string(), &site, 1, 0.0),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a reader does not provision");
    let (status, _) = a
        .send(
            &app,
            Method::DELETE,
            &format!("{REQUESTS}/{id}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_live_in_redis_and_a_second_gateway_on_it_serves_them() {
    use crate::harness::{unique_prefix, RedisServer};
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let on_redis = |c: &mut netweave::config::Config| {
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
    };
    let app = TestApp::start_with(on_redis).await;
    let (id, site) = create_sim(&app, 2, 0.0).await;
    let again = app
        .call(
            Method::POST,
            REQUESTS,
            Some(sim_request(&id, &site, 2, 0.0)),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let done = wait_phase(&app, &id, "FULFILLED").await;
    // A second gateway on the same Redis (offering no builder) serves the request as stored.
    let other = TestApp::start_with(|c| {
        on_redis(c);
        c.edit_section(|s: &mut netweave::backend::simulator::SimConfig| s.read_only = true);
    })
    .await;
    assert_eq!(other.get_ok(&format!("{REQUESTS}/{id}")).await, done);
    let reply = app
        .call(Method::DELETE, &format!("{REQUESTS}/{id}"), None)
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    wait_gone(&app, &id).await;
    assert_eq!(
        other.get(&format!("{REQUESTS}/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_not_fulfilled_in_time_fails_saying_how_far_it_got() {
    let app = TestApp::start_with(|c| {
        c.provisioning.timeout_seconds = 1;
        c.provisioning.poll_seconds = 0.1;
    })
    .await;
    let (id, _) = create_sim(&app, 2, 30.0).await;
    let failed = wait_phase(&app, &id, "FAILED").await;
    let message = failed["status"]["message"].as_str().unwrap();
    assert!(
        message.contains("not fulfilled within 1 s") && message.contains("0 of 2 nodes ready"),
        "{failed}"
    );
    // What exists is said: the pool, built before the time ran out.
    let pool = failed["provisionedResourceSet"]["nodeClusterId"]
        .as_str()
        .unwrap();
    app.get_ok(&format!("{V2}/resourcePools/{pool}")).await;
}
