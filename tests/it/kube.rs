//! The Kubernetes backend against the project's fake API server (real list/watch protocol):
//! the initial inventory, node changes as O2-IMS events with prior and post state, a forced
//! 410 Gone re-list, and pool writes as MachineSets.

use std::{collections::BTreeMap, time::Duration};

use netweave::{backend::kube::KubernetesConfig, config::Config};
use netweave_testkit::fake_apiserver::{
    fixtures, FakeApiServer, MACHINE_SETS, NODES, STORAGE_CLASSES,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::{
    harness::{TestApp, V2},
    receiver::{Mode, Receiver},
    webhooks::{subscribe, webhook_config},
};

/// A fake cluster: two MachineSets, nodes in a MachineSet pool, a label pool and no pool,
/// two StorageClasses.
pub async fn cluster() -> FakeApiServer {
    let fake = FakeApiServer::start(&[NODES, STORAGE_CLASSES, MACHINE_SETS])
        .await
        .unwrap();
    fake.apply(
        MACHINE_SETS,
        fixtures::machine_set("workers-a", 2, "m5.2xlarge"),
    );
    fake.apply(
        MACHINE_SETS,
        fixtures::machine_set("workers-b", 0, "m5.large"),
    );
    fake.apply(NODES, fixtures::node("n1", "workers-a", "m5.2xlarge"));
    fake.apply(NODES, fixtures::node("n2", "workers-a", "m5.2xlarge"));
    fake.apply(NODES, fixtures::node("n3", "edge", "du-server"));
    let mut bare = fixtures::node("n4", "", "du-server");
    bare["metadata"]["labels"]
        .as_object_mut()
        .unwrap()
        .remove(fixtures::POOL_LABEL);
    fake.apply(NODES, bare);
    fake.apply(
        STORAGE_CLASSES,
        fixtures::storage_class("fast-ssd", "csi.vendor.example", true),
    );
    fake.apply(
        STORAGE_CLASSES,
        fixtures::storage_class("bulk", "nfs.csi.k8s.io", false),
    );
    fake
}

/// Settings of a gateway on the fake cluster; keep the directory alive.
pub fn on_cluster(fake: &FakeApiServer) -> (TempDir, impl Fn(&mut Config) + Clone) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("kubeconfig");
    std::fs::write(&path, fake.kubeconfig()).unwrap();
    let path = path.display().to_string();
    (dir, move |c: &mut Config| {
        webhook_config(c);
        c.backend = "kubernetes".into();
        c.edit_section(|k: &mut KubernetesConfig| {
            k.kubeconfig = path.clone();
            k.cluster_name = "fake".into();
        });
        // A Lease, when a test asks for one, is held in the same cluster.
        c.election.kubeconfig = path.clone();
    })
}

fn by_name(list: &Value, field: &str) -> BTreeMap<String, Value> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|o| (o[field].as_str().unwrap().to_owned(), o.clone()))
        .collect()
}

fn uid(fake: &FakeApiServer, node: &str) -> String {
    fake.get(NODES, node).unwrap()["metadata"]["uid"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_initial_inventory_matches_the_fixtures() {
    let fake = cluster().await;
    let (_dir, config) = on_cluster(&fake);
    let app = TestApp::start_with(config).await;

    let pools = by_name(&app.get_ok(&format!("{V2}/resourcePools")).await, "name");
    assert_eq!(
        pools.keys().collect::<Vec<_>>(),
        ["default", "edge", "workers-a", "workers-b"]
    );
    assert_eq!(pools["workers-a"]["extensions"]["source"], "MachineSet");
    assert_eq!(pools["workers-a"]["extensions"]["replicas"], 2);
    assert_eq!(
        pools["workers-a"]["extensions"]["instanceType"],
        "m5.2xlarge"
    );
    assert_eq!(pools["edge"]["extensions"]["source"], "nodeLabel");
    let pool_a = pools["workers-a"]["resourcePoolId"].as_str().unwrap();
    let resources = by_name(
        &app.get_ok(&format!("{V2}/resourcePools/{pool_a}/resources"))
            .await,
        "description",
    );
    assert_eq!(resources.keys().collect::<Vec<_>>(), ["n1", "n2"]);
    let n1 = &resources["n1"];
    assert_eq!(n1["resourceId"], uid(&fake, "n1"));
    assert_eq!(n1["globalAssetId"], "baremetal:///n1");
    let ext = &n1["extensions"];
    assert_eq!(ext["adminState"], "UNLOCKED");
    assert_eq!(ext["operationalState"], "ENABLED");
    assert_eq!(ext["usageState"], "ACTIVE");
    assert_eq!(ext["capacity"]["cpu"], "64");
    assert_eq!(ext["allocatable"]["cpu"], "63500m");
    assert_eq!(ext["kubeletVersion"], "v1.33.2");
    assert_eq!(ext["addresses"][0]["type"], "InternalIP");
    assert_eq!(ext["labels"]["topology.kubernetes.io/zone"], "zone-a");

    let types = by_name(&app.get_ok(&format!("{V2}/resourceTypes")).await, "name");
    assert_eq!(
        types.keys().collect::<Vec<_>>(),
        ["bulk", "du-server", "fast-ssd", "m5.2xlarge"]
    );
    assert_eq!(types["fast-ssd"]["resourceClass"], "STORAGE");
    assert_eq!(types["fast-ssd"]["resourceKind"], "LOGICAL");
    assert_eq!(types["fast-ssd"]["extensions"]["default"], true);
    assert_eq!(types["m5.2xlarge"]["resourceClass"], "COMPUTE");
    assert_eq!(n1["resourceTypeId"], types["m5.2xlarge"]["resourceTypeId"]);

    let dms = app.get_ok(&format!("{V2}/deploymentManagers")).await;
    assert_eq!(dms.as_array().unwrap().len(), 1);
    assert_eq!(dms[0]["serviceUri"], format!("{}/", fake.url));
    assert_eq!(dms[0]["capacity"]["nodes"], 4);
    assert_eq!(dms[0]["capacity"]["cpuMillicores"], 256_000);
    assert_eq!(
        dms[0]["capabilities"]["kubernetesVersion"],
        "v1.33.2-netweave-fake"
    );
    let sites = app.get_ok(&format!("{V2}/oCloudSites")).await;
    assert_eq!(sites[0]["resourcePools"].as_array().unwrap().len(), 4);

    // gRPC shows the same pools.
    assert_eq!(
        app.grpc_pool_names().await,
        ["default", "edge", "workers-a", "workers-b"]
    );

    // Reads are served from the watch cache, not by calls to the API server.
    let (lists, gets) = (fake.list_requests(), fake.get_requests());
    for _ in 0..50 {
        app.get_ok(&format!(
            "{V2}/resourcePools/{pool_a}/resources?filter=(eq,extensions/adminState,UNLOCKED)"
        ))
        .await;
    }
    assert_eq!((fake.list_requests(), fake.get_requests()), (lists, gets));
}

/// The resource events of the history after `after`: (verb, node name, prior, post).
async fn resource_events(app: &TestApp, after: u64) -> Vec<(String, String, Value, Value)> {
    let events = app
        .get_ok(&format!(
            "/events?after={after}&type=o2ims.Resource.*&limit=1000"
        ))
        .await;
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let verb = e["eventType"]
                .as_str()
                .unwrap()
                .rsplit('.')
                .next()
                .unwrap()
                .to_owned();
            let state = if e["postObjectState"].is_null() {
                &e["priorObjectState"]
            } else {
                &e["postObjectState"]
            };
            (
                verb,
                state["description"].as_str().unwrap().to_owned(),
                e["priorObjectState"].clone(),
                e["postObjectState"].clone(),
            )
        })
        .collect()
}

async fn wait_events(app: &TestApp, after: u64, n: usize) -> Vec<(String, String, Value, Value)> {
    for _ in 0..400 {
        let got = resource_events(app, after).await;
        if got.len() >= n {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    resource_events(app, after).await
}

async fn last_cursor(app: &TestApp) -> u64 {
    let events = app.get_ok("/events?limit=1000").await;
    events
        .as_array()
        .unwrap()
        .last()
        .map_or(0, |e| e["cursor"].as_u64().unwrap())
}

#[tokio::test]
async fn node_changes_become_o2ims_events_with_prior_and_post_state() {
    let fake = cluster().await;
    let (_dir, config) = on_cluster(&fake);
    let app = TestApp::start_with(config).await;
    let receiver = Receiver::start(Mode::Ok).await;
    subscribe(
        &app,
        &receiver.url("/smo"),
        Some("(neq,objectKind,Resource)"),
    )
    .await;
    assert_eq!(
        resource_events(&app, 0).await,
        vec![],
        "the initial list is the baseline"
    );

    fake.apply(NODES, fixtures::node("n5", "workers-a", "m5.2xlarge"));
    let mut n1 = fake.get(NODES, "n1").unwrap();
    n1["spec"]["unschedulable"] = json!(true);
    fake.apply(NODES, n1.clone());
    let mut n3 = fake.get(NODES, "n3").unwrap();
    n3["metadata"]["labels"][fixtures::POOL_LABEL] = json!("workers-b");
    fake.apply(NODES, n3);
    fake.delete(NODES, "n2");
    // Resync noise: a heartbeat changes nothing O2-IMS shows.
    n1["status"]["conditions"][3]["lastHeartbeatTime"] = json!("2026-11-23T11:00:00Z");
    fake.apply(NODES, n1);

    let got = wait_events(&app, 0, 5).await;
    let summary: Vec<(&str, &str)> = got
        .iter()
        .map(|(v, n, _, _)| (v.as_str(), n.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("Created", "n5"),
            ("Updated", "n1"),
            ("Created", "n3"),
            ("Deleted", "n3"),
            ("Deleted", "n2"),
        ]
    );
    let (_, _, prior, post) = &got[1];
    assert_eq!(prior["extensions"]["adminState"], "UNLOCKED");
    assert_eq!(post["extensions"]["adminState"], "LOCKED");
    assert_eq!(post["extensions"]["usageState"], "IDLE");
    let (_, _, prior, post) = &got[0];
    assert!(prior.is_null() && post["resourceId"] == uid(&fake, "n5"));
    let (_, _, created, _) = (&got[2].0, &got[2].1, &got[2].3, ());
    let (_, _, removed, _) = (&got[3].0, &got[3].1, &got[3].2, ());
    assert_eq!(
        created["resourceId"], removed["resourceId"],
        "the node moved pool"
    );
    assert_ne!(created["resourcePoolId"], removed["resourcePoolId"]);
    let (_, _, prior, post) = &got[4];
    assert!(post.is_null() && prior["description"] == "n2");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        resource_events(&app, 0).await.len(),
        5,
        "no event for the heartbeat"
    );

    // The edge pool lost its last node: gone, with an event.
    let pools = by_name(&app.get_ok(&format!("{V2}/resourcePools")).await, "name");
    assert!(!pools.contains_key("edge"));
    let pool_events = app.get_ok("/events?type=o2ims.ResourcePool.Deleted").await;
    assert_eq!(pool_events.as_array().unwrap().len(), 1);

    // The webhook subscriber receives the same resource changes.
    // Delivery is ordered per object, not across objects: compare by object.
    let received = receiver.wait_for(5, Duration::from_secs(10)).await;
    let notified: BTreeMap<String, u64> = received
        .iter()
        .map(|r| {
            let n = r.json();
            // …/resourcePools/{pool}/resources/{id}: a node that moved pool is two objects.
            let path: Vec<&str> = n["objectRef"].as_str().unwrap().rsplit('/').collect();
            let object = format!("{}/{}", path[2], path[0]);
            (object, n["notificationEventType"].as_u64().unwrap())
        })
        .collect();
    let expected: BTreeMap<String, u64> = got
        .iter()
        .map(|(verb, _, prior, post)| {
            let state = if post.is_null() { prior } else { post };
            let object = format!("{}/{}", state["resourcePoolId"], state["resourceId"]);
            let kind = match verb.as_str() {
                "Created" => 0,
                "Updated" => 1,
                _ => 2,
            };
            (object.replace('"', ""), kind)
        })
        .collect();
    assert_eq!(
        notified.len(),
        5,
        "one notification per change: {notified:?}"
    );
    assert_eq!(notified, expected);
}

/// A watch that drops resumes from the last resourceVersion it saw while the API server still
/// has it: the changes made meanwhile arrive without a new list.
#[tokio::test]
async fn a_dropped_watch_resumes_from_its_resource_version_without_listing_again() {
    let fake = cluster().await;
    let (_dir, config) = on_cluster(&fake);
    let app = TestApp::start_with(config).await;
    fake.apply(NODES, fixtures::node("n5", "workers-a", "m5.2xlarge"));
    wait_events(&app, 0, 1).await;
    let after = last_cursor(&app).await;
    let (lists, watches) = (fake.list_requests(), fake.watch_requests());
    fake.pause_watches();
    fake.apply(NODES, fixtures::node("n6", "workers-b", "m5.large"));
    fake.delete(NODES, "n5");
    tokio::time::sleep(Duration::from_millis(200)).await;
    fake.resume_watches();
    let got = wait_events(&app, after, 2).await;
    let summary: Vec<(String, String)> = got
        .iter()
        .map(|(v, n, _, _)| (v.clone(), n.clone()))
        .collect();
    assert_eq!(
        summary,
        [
            ("Created".into(), "n6".into()),
            ("Deleted".into(), "n5".into())
        ]
    );
    assert!(
        fake.watch_requests() > watches,
        "the watches were opened again"
    );
    assert_eq!(
        fake.list_requests(),
        lists,
        "from their resourceVersion, without a list"
    );
}

#[tokio::test]
async fn a_410_gone_relists_without_losing_or_duplicating_a_change() {
    let fake = cluster().await;
    let (_dir, config) = on_cluster(&fake);
    let app = TestApp::start_with(config).await;
    fake.apply(NODES, fixtures::node("n5", "workers-a", "m5.2xlarge"));
    wait_events(&app, 0, 1).await;
    let after = last_cursor(&app).await;
    let lists = fake.list_requests();

    // While the watches are down, the cluster changes and compacts its history.
    fake.pause_watches();
    fake.apply(NODES, fixtures::node("n6", "workers-b", "m5.large"));
    fake.delete(NODES, "n5");
    let mut n4 = fake.get(NODES, "n4").unwrap();
    n4["status"]["conditions"][3]["status"] = json!("False");
    fake.apply(NODES, n4);
    fake.compact();
    tokio::time::sleep(Duration::from_millis(200)).await;
    fake.resume_watches();

    let got = wait_events(&app, after, 3).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let got_again = resource_events(&app, after).await;
    assert_eq!(got.len(), got_again.len(), "nothing more arrives");
    let mut summary: Vec<(String, String)> = got_again
        .iter()
        .map(|(v, n, _, _)| (v.clone(), n.clone()))
        .collect();
    summary.sort();
    assert_eq!(
        summary,
        [
            ("Created".into(), "n6".into()),
            ("Deleted".into(), "n5".into()),
            ("Updated".into(), "n4".into())
        ]
    );
    let n4 = got_again.iter().find(|e| e.1 == "n4").unwrap();
    assert_eq!(n4.2["extensions"]["operationalState"], "ENABLED");
    assert_eq!(n4.3["extensions"]["operationalState"], "DISABLED");
    assert!(
        fake.list_requests() > lists,
        "the 410 made the watcher re-list"
    );
}

#[tokio::test]
async fn pools_are_written_as_machine_sets() {
    let fake = cluster().await;
    let (_dir, config) = on_cluster(&fake);
    let app = TestApp::start_with(config).await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let created = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools"),
            Some(
                json!({"name": "ran-du", "oCloudSiteId": site, "description": "",
                "extensions": {"replicas": 2, "instanceType": "du-server"}}),
            ),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.body["resourcePoolId"].as_str().unwrap().to_owned();
    let ms = fake
        .get(MACHINE_SETS, "openshift-machine-api/ran-du")
        .unwrap();
    assert_eq!(ms["spec"]["replicas"], 2);
    assert_eq!(
        ms["spec"]["template"]["spec"]["providerSpec"]["value"]["instanceType"],
        "du-server"
    );
    for _ in 0..200 {
        if app.get(&format!("{V2}/resourcePools/{id}")).await.status == StatusCode::OK {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let scaled = app
        .call(
            Method::PUT,
            &format!("{V2}/resourcePools/{id}"),
            Some(json!({"name": "ran-du", "oCloudSiteId": site, "description": "", "extensions": {"replicas": 5}})),
        )
        .await;
    assert_eq!(scaled.status, StatusCode::OK, "{}", scaled.body);
    assert_eq!(
        fake.get(MACHINE_SETS, "openshift-machine-api/ran-du")
            .unwrap()["spec"]["replicas"],
        5
    );
    let renamed = app
        .call(
            Method::PUT,
            &format!("{V2}/resourcePools/{id}"),
            Some(json!({"name": "other", "oCloudSiteId": site, "description": ""})),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::BAD_REQUEST);
    let edge = by_name(&app.get_ok(&format!("{V2}/resourcePools")).await, "name")["edge"]
        ["resourcePoolId"]
        .as_str()
        .unwrap()
        .to_owned();
    let label_pool = app
        .call(Method::DELETE, &format!("{V2}/resourcePools/{edge}"), None)
        .await;
    assert_eq!(
        label_pool.status,
        StatusCode::CONFLICT,
        "label pools are not writable"
    );
    let deleted = app
        .call(Method::DELETE, &format!("{V2}/resourcePools/{id}"), None)
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(fake
        .get(MACHINE_SETS, "openshift-machine-api/ran-du")
        .is_none());
}

#[tokio::test]
async fn without_machine_apis_or_with_pool_writes_off_pool_writes_are_refused_truthfully() {
    let fake = FakeApiServer::start(&[NODES, STORAGE_CLASSES])
        .await
        .unwrap();
    fake.apply(NODES, fixtures::node("n1", "edge", "du-server"));
    let (_dir, config) = on_cluster(&fake);
    refuses_pool_writes(TestApp::start_with(config).await).await;
    // Machine APIs served, but writes switched off (the Helm chart's read-only RBAC).
    let fake = cluster().await;
    let (_dir, config) = on_cluster(&fake);
    refuses_pool_writes(
        TestApp::start_with(|c| {
            config(c);
            c.edit_section(|k: &mut KubernetesConfig| k.pool_writes = false);
        })
        .await,
    )
    .await;
}

async fn refuses_pool_writes(app: TestApp) {
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let reply = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools"),
            Some(json!({"name": "x", "oCloudSiteId": site, "description": ""})),
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::METHOD_NOT_ALLOWED,
        "{}",
        reply.body
    );
}

/// (verb, group, resource) the Helm chart's RBAC allows, with pool writes on.
fn allowed_by_rbac() -> std::collections::BTreeSet<(String, String, String)> {
    allowed_by_rbac_with(&["kubernetes.poolWrites=true"])
}

/// What the chart's ClusterRole and Roles allow, rendered with `sets`: (verb, group, resource).
pub fn allowed_by_rbac_with(sets: &[&str]) -> std::collections::BTreeSet<(String, String, String)> {
    let rendered = crate::chart::render(&[], sets);
    let mut allowed = std::collections::BTreeSet::new();
    for doc in crate::chart::objects(&rendered) {
        if !matches!(doc["kind"].as_str(), Some("ClusterRole" | "Role")) {
            continue;
        }
        for rule in doc["rules"].as_array().unwrap() {
            for group in rule["apiGroups"].as_array().unwrap() {
                for resource in rule["resources"].as_array().unwrap() {
                    for verb in rule["verbs"].as_array().unwrap() {
                        allowed.insert((
                            verb.as_str().unwrap().to_owned(),
                            group.as_str().unwrap().to_owned(),
                            resource.as_str().unwrap().to_owned(),
                        ));
                    }
                }
            }
        }
    }
    allowed
}

#[tokio::test]
async fn every_request_netweave_makes_is_allowed_by_the_deployed_rbac() {
    use netweave::election::{lease::KubeLease, Elector};
    let fake = cluster().await;
    let (dir, config) = on_cluster(&fake);
    let app = TestApp::start_with(|c| {
        config(c);
        c.election.mode = netweave::config::ElectionMode::Lease;
    })
    .await;
    let site = app.first_id("oCloudSites", "oCloudSiteId").await;
    let created = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools"),
            Some(json!({"name": "rbac", "oCloudSiteId": site, "description": "", "extensions": {"replicas": 1}})),
        )
        .await;
    let id = created.body["resourcePoolId"].as_str().unwrap().to_owned();
    for _ in 0..200 {
        if app.get(&format!("{V2}/resourcePools/{id}")).await.status == StatusCode::OK {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let body = json!({"name": "rbac", "oCloudSiteId": site, "description": "", "extensions": {"replicas": 3}});
    assert_eq!(
        app.call(Method::PUT, &format!("{V2}/resourcePools/{id}"), Some(body))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.call(Method::DELETE, &format!("{V2}/resourcePools/{id}"), None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let lease = KubeLease::connect(
        &dir.path().join("kubeconfig").display().to_string(),
        "netweave",
        "rbac",
        "x".into(),
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    lease.acquire_or_renew().await.unwrap();
    lease.acquire_or_renew().await.unwrap();
    lease.release().await.unwrap();

    let made = fake.requests();
    for verb in ["list", "watch", "create", "patch", "delete"] {
        assert!(
            made.iter().any(|(v, _, r)| v == verb && r == "machinesets"),
            "{verb} machinesets exercised"
        );
    }
    assert!(
        made.iter().any(|(_, _, r)| r == "leases"),
        "leases exercised"
    );
    let allowed = allowed_by_rbac();
    let denied: Vec<_> = made.difference(&allowed).collect();
    assert!(
        denied.is_empty(),
        "requests the ClusterRole/Role do not allow: {denied:?}"
    );
}

#[tokio::test]
async fn lists_say_when_the_api_server_stops_answering() {
    let fake = cluster().await;
    let (_dir, config) = on_cluster(&fake);
    let app = TestApp::start_with(config).await;
    let path = format!("{V2}/resourcePools");
    assert!(app.get(&path).await.header("warning").is_none());
    fake.set_down(true);
    let mut warned = None;
    for _ in 0..200 {
        let reply = app.get(&path).await;
        assert_eq!(reply.status, StatusCode::OK, "the cache still serves");
        assert_eq!(reply.body.as_array().unwrap().len(), 4);
        if let Some(w) = reply.header("warning") {
            warned = Some(w.to_owned());
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let warning = warned.expect("a stale-cache warning");
    assert!(
        warning.contains("the Kubernetes API has not answered"),
        "{warning}"
    );
    fake.set_down(false);
    for _ in 0..200 {
        if app.get(&path).await.header("warning").is_none() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the warning stayed after the API server came back");
}

#[tokio::test]
async fn machines_put_unlabelled_nodes_in_their_machine_set_pool() {
    use netweave_testkit::fake_apiserver::MACHINES;
    let fake = FakeApiServer::start(&[NODES, STORAGE_CLASSES, MACHINE_SETS, MACHINES])
        .await
        .unwrap();
    fake.apply(
        MACHINE_SETS,
        fixtures::machine_set("ocp-worker-a", 2, "m5.2xlarge"),
    );
    // OpenShift nodes carry no MachineSet label; their Machine names them.
    for name in ["w1", "w2", "w3"] {
        let mut node = fixtures::node(name, "", "m5.2xlarge");
        node["metadata"]["labels"]
            .as_object_mut()
            .unwrap()
            .remove(fixtures::POOL_LABEL);
        fake.apply(NODES, node);
    }
    fake.apply(
        MACHINES,
        fixtures::machine("ocp-worker-a-1", "ocp-worker-a", Some("w1")),
    );
    fake.apply(
        MACHINES,
        fixtures::machine("ocp-worker-a-2", "ocp-worker-a", Some("w2")),
    );
    let (_dir, config) = on_cluster(&fake);
    let app = TestApp::start_with(config).await;
    let resources_of = |pools: &BTreeMap<String, Value>, name: &str| {
        pools[name]["resourcePoolId"].as_str().unwrap().to_owned()
    };
    let pools = by_name(&app.get_ok(&format!("{V2}/resourcePools")).await, "name");
    let pool = resources_of(&pools, "ocp-worker-a");
    let members = by_name(
        &app.get_ok(&format!("{V2}/resourcePools/{pool}/resources"))
            .await,
        "description",
    );
    assert_eq!(members.keys().collect::<Vec<_>>(), ["w1", "w2"]);
    let default = resources_of(&pools, "default");
    let rest = by_name(
        &app.get_ok(&format!("{V2}/resourcePools/{default}/resources"))
            .await,
        "description",
    );
    assert_eq!(rest.keys().collect::<Vec<_>>(), ["w3"]);

    // A new Machine gets its node: the node moves into the MachineSet's pool, with events.
    fake.apply(
        MACHINES,
        fixtures::machine("ocp-worker-a-3", "ocp-worker-a", Some("w3")),
    );
    let got = wait_events(&app, 0, 2).await;
    let summary: Vec<(&str, &str)> = got
        .iter()
        .map(|(v, n, _, _)| (v.as_str(), n.as_str()))
        .collect();
    assert_eq!(summary, [("Created", "w3"), ("Deleted", "w3")]);
    assert_eq!(got[0].3["resourcePoolId"], pool.as_str());
    assert_eq!(got[1].2["resourcePoolId"], default.as_str());
    // The Machine goes: the node falls back to its labels' pool.
    fake.delete(MACHINES, "openshift-machine-api/ocp-worker-a-1");
    let got = wait_events(&app, 0, 4).await;
    assert_eq!(got[2].1, "w1");
    assert_eq!(
        got[2].3["resourcePoolId"],
        default.as_str(),
        "w1 back in the default pool"
    );
}
