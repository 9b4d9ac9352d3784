//! Provisioning on Kubernetes (the fake API server, with a stand-in Cluster API controller that
//! reconciles MachineDeployments into Machines and Ready Nodes, or failing Machines): the
//! built-in `k8s-node-pool` template builds a MachineDeployment, FULFILLED when its nodes are
//! Ready, scaled by a replacement, FAILED with the Machine's failure message, removed by DELETE.

use std::time::Duration;

use netweave::backend::kube::KubernetesConfig;
use netweave_testkit::fake_apiserver::{
    fixtures, FakeApiServer, CAPI_CLUSTERS, CAPI_MACHINES, MACHINE_DEPLOYMENTS, NODES,
    STORAGE_CLASSES,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio_util::sync::CancellationToken;

use crate::{
    harness::{TestApp, V2},
    provisioning::{wait_gone, wait_phase, REQUESTS},
};

const NAMESPACE: &str = "default";
/// A MachineDeployment carrying this label gets Machines that fail.
const FAIL_LABEL: &str = "test.netweave.io/fail-machines";

/// One pass of the stand-in controller: each MachineDeployment gets `replicas` Machines
/// (`<md>-<i>`), each Machine a Ready Node a pass later — or, for a deployment labelled
/// [`FAIL_LABEL`], a failure; Machines past the count, or of a deployment that is gone, go
/// with their Nodes.
fn reconcile(fake: &FakeApiServer) {
    let deployments = fake.objects(MACHINE_DEPLOYMENTS);
    let mut wanted = std::collections::BTreeSet::new();
    for md in &deployments {
        let name = md["metadata"]["name"].as_str().unwrap_or_default();
        let replicas = md["spec"]["replicas"].as_u64().unwrap_or(0);
        let failing = md["metadata"]["labels"][FAIL_LABEL] == "true";
        let mut ready = 0;
        for i in 0..replicas {
            let machine = format!("{name}-{i}");
            wanted.insert(machine.clone());
            let key = format!("{NAMESPACE}/{machine}");
            match fake.get(CAPI_MACHINES, &key) {
                None => {
                    fake.apply(
                        CAPI_MACHINES,
                        json!({
                            "metadata": {"name": machine, "namespace": NAMESPACE,
                                "labels": {"cluster.x-k8s.io/deployment-name": name,
                                    "cluster.x-k8s.io/cluster-name": "capi"}},
                            "spec": {"clusterName": "capi", "version": "v1.33.2"},
                            "status": {"phase": "Provisioning"},
                        }),
                    );
                }
                Some(mut m) if m["status"]["phase"] == "Provisioning" => {
                    if failing {
                        m["status"] = json!({"phase": "Failed", "failureReason": "CreateError",
                            "failureMessage": "Failure detected from referenced resource infrastructure.cluster.x-k8s.io/v1beta1, Kind=Metal3Machine: no BareMetalHost available"});
                    } else {
                        fake.apply(NODES, fixtures::node(&machine, name, "du-server"));
                        m["status"] = json!({"phase": "Running",
                            "nodeRef": {"kind": "Node", "name": machine}});
                    }
                    fake.apply(CAPI_MACHINES, m);
                }
                Some(m) if m["status"]["phase"] == "Running" => ready += 1,
                Some(_) => {}
            }
        }
        if md["status"]["readyReplicas"].as_u64() != Some(ready) {
            let mut md = md.clone();
            md["status"] = json!({"replicas": replicas, "readyReplicas": ready});
            fake.apply(MACHINE_DEPLOYMENTS, md);
        }
    }
    // Clusters: Provisioning, then Provisioned with their control plane ready and an
    // endpoint — or Failed.
    for mut c in fake.objects(CAPI_CLUSTERS) {
        let name = c["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        match c["status"]["phase"].as_str() {
            None => c["status"] = json!({"phase": "Provisioning"}),
            Some("Provisioning") if c["metadata"]["labels"][FAIL_LABEL] == "true" => {
                c["status"] = json!({"phase": "Failed", "failureReason": "InvalidConfiguration",
                    "failureMessage": "ClusterClass \"missing\" not found"});
            }
            Some("Provisioning") => {
                c["spec"]["controlPlaneEndpoint"] =
                    json!({"host": format!("{name}.capi.example"), "port": 6443});
                c["status"] = json!({"phase": "Provisioned", "controlPlaneReady": true,
                    "infrastructureReady": true});
            }
            _ => continue,
        }
        fake.apply(CAPI_CLUSTERS, c);
    }
    for m in fake.objects(CAPI_MACHINES) {
        let name = m["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if !wanted.contains(&name) {
            fake.delete(CAPI_MACHINES, &format!("{NAMESPACE}/{name}"));
            fake.delete(NODES, &name);
        }
    }
}

fn node_pool(id: &str, pool: &str, nodes: u64, fail: bool) -> Value {
    let mut labels = json!({"site": "edge-1"});
    if fail {
        labels[FAIL_LABEL] = json!("true");
    }
    json!({
        "provisioningRequestId": id,
        "name": pool,
        "description": "DU workers",
        "templateName": "k8s-node-pool",
        "templateVersion": "v1",
        "templateParameters": {"poolName": pool, "nodeCount": nodes, "instanceType": "du-server",
            "labels": labels}
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_pool_is_built_as_a_machine_deployment_scaled_failed_and_removed() {
    let fake = std::sync::Arc::new(
        FakeApiServer::start(&[
            NODES,
            STORAGE_CLASSES,
            MACHINE_DEPLOYMENTS,
            CAPI_MACHINES,
            CAPI_CLUSTERS,
        ])
        .await
        .unwrap(),
    );
    fake.apply(NODES, fixtures::node("cp-1", "control-plane", "m5.xlarge"));
    let controller = CancellationToken::new();
    {
        let (fake, stop) = (std::sync::Arc::clone(&fake), controller.clone());
        tokio::spawn(async move {
            while !stop.is_cancelled() {
                reconcile(&fake);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
    }
    let (_dir, on_kube) = crate::kube::on_cluster(&fake);
    let app = TestApp::start_with(move |c| {
        on_kube(c);
        c.edit_section(|k: &mut KubernetesConfig| k.machine_namespace = NAMESPACE.into());
        c.provisioning.poll_seconds = 0.2;
    })
    .await;

    // Built: a MachineDeployment of three, FULFILLED once its three nodes are Ready.
    let id = uuid::Uuid::new_v4().to_string();
    let reply = app
        .call(
            Method::POST,
            REQUESTS,
            Some(node_pool(&id, "du-workers", 3, false)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let done = wait_phase(&app, &id, "FULFILLED").await;
    let md = fake
        .get(MACHINE_DEPLOYMENTS, &format!("{NAMESPACE}/du-workers"))
        .expect("the MachineDeployment");
    assert_eq!(md["spec"]["replicas"], 3);
    assert_eq!(
        md["metadata"]["labels"]["o2ims.oran.org/provisioning-request"],
        id.as_str()
    );
    assert_eq!(md["metadata"]["labels"]["site"], "edge-1");
    let ids = done["provisionedResourceSet"]["infrastructureResourceIds"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(ids.len(), 3, "{done}");
    let pool = done["provisionedResourceSet"]["nodeClusterId"]
        .as_str()
        .unwrap()
        .to_owned();
    for _ in 0..200 {
        if app.get(&format!("{V2}/resourcePools/{pool}")).await.status == StatusCode::OK {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    for id in &ids {
        app.get_ok(&format!(
            "{V2}/resourcePools/{pool}/resources/{}",
            id.as_str().unwrap()
        ))
        .await;
    }

    // Scaled to five by a replacement.
    let reply = app
        .call(
            Method::PUT,
            &format!("{REQUESTS}/{id}"),
            Some(node_pool(&id, "du-workers", 5, false)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let grown = wait_phase(&app, &id, "FULFILLED").await;
    assert_eq!(
        grown["provisionedResourceSet"]["infrastructureResourceIds"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        fake.get(MACHINE_DEPLOYMENTS, &format!("{NAMESPACE}/du-workers"))
            .unwrap()["spec"]["replicas"],
        5
    );

    // Machines that fail fail their request with the Machine's own message.
    let failing_id = uuid::Uuid::new_v4().to_string();
    let reply = app
        .call(
            Method::POST,
            REQUESTS,
            Some(node_pool(&failing_id, "du-broken", 1, true)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let failed = wait_phase(&app, &failing_id, "FAILED").await;
    assert!(
        failed["status"]["message"]
            .as_str()
            .unwrap()
            .contains("no BareMetalHost available"),
        "{failed}"
    );

    // A name another owns is refused when carried out, and leaves it alone.
    fake.apply(
        MACHINE_DEPLOYMENTS,
        json!({"metadata": {"name": "theirs", "namespace": NAMESPACE},
            "spec": {"clusterName": "capi", "replicas": 0}}),
    );
    let theirs_id = uuid::Uuid::new_v4().to_string();
    let reply = app
        .call(
            Method::POST,
            REQUESTS,
            Some(node_pool(&theirs_id, "theirs", 2, false)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let refused = wait_phase(&app, &theirs_id, "FAILED").await;
    assert!(refused["status"]["message"]
        .as_str()
        .unwrap()
        .contains("not built by this request"));
    assert_eq!(
        fake.get(MACHINE_DEPLOYMENTS, &format!("{NAMESPACE}/theirs"))
            .unwrap()["spec"]["replicas"],
        0
    );

    // Deleted: the MachineDeployments go (their Machines and Nodes with them), then the requests.
    for gone in [&id, &failing_id, &theirs_id] {
        let reply = app
            .call(Method::DELETE, &format!("{REQUESTS}/{gone}"), None)
            .await;
        assert_eq!(reply.status, StatusCode::ACCEPTED);
    }
    for gone in [&id, &failing_id, &theirs_id] {
        wait_gone(&app, gone).await;
    }
    assert!(fake
        .get(MACHINE_DEPLOYMENTS, &format!("{NAMESPACE}/du-workers"))
        .is_none());
    assert!(fake
        .get(MACHINE_DEPLOYMENTS, &format!("{NAMESPACE}/du-broken"))
        .is_none());
    assert!(
        fake.get(MACHINE_DEPLOYMENTS, &format!("{NAMESPACE}/theirs"))
            .is_some(),
        "not ours"
    );

    // A node cluster: FULFILLED once ready, served as a deployment manager of the K8s profile.
    let cluster_id = uuid::Uuid::new_v4().to_string();
    let cluster = |id: &str, name: &str, fail: bool| {
        let mut labels = json!({"site": "edge-1"});
        if fail {
            labels[FAIL_LABEL] = json!("true");
        }
        json!({"provisioningRequestId": id, "name": name, "description": "a DU cluster",
            "templateName": "k8s-node-cluster", "templateVersion": "v1",
            "templateParameters": {"clusterName": name, "clusterClass": "quick-start",
                "kubernetesVersion": "v1.33.2", "controlPlaneCount": 1, "workerCount": 2,
                "labels": labels}})
    };
    let reply = app
        .call(
            Method::POST,
            REQUESTS,
            Some(cluster(&cluster_id, "du-cluster", false)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let ready = wait_phase(&app, &cluster_id, "FULFILLED").await;
    let dm_id = ready["provisionedResourceSet"]["nodeClusterId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        ready["status"]["nodeClusterProvisioningStatus"]["resourceId"],
        dm_id
    );
    let dm = app
        .get_ok(&format!("{V2}/deploymentManagers/{dm_id}"))
        .await;
    assert_eq!(dm["name"], "du-cluster");
    assert_eq!(dm["serviceUri"], "https://du-cluster.capi.example:6443");
    assert_eq!(dm["extensions"]["profileName"], "k8s");
    assert_eq!(
        dm["extensions"]["profileData"]["cluster_api_endpoint"],
        "https://du-cluster.capi.example:6443"
    );
    let made = fake
        .get(CAPI_CLUSTERS, &format!("{NAMESPACE}/du-cluster"))
        .unwrap();
    assert_eq!(made["spec"]["topology"]["class"], "quick-start");
    assert_eq!(
        made["spec"]["topology"]["workers"]["machineDeployments"][0]["replicas"],
        2
    );
    let broken_id = uuid::Uuid::new_v4().to_string();
    let reply = app
        .call(
            Method::POST,
            REQUESTS,
            Some(cluster(&broken_id, "bad-cluster", true)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let failed = wait_phase(&app, &broken_id, "FAILED").await;
    assert!(
        failed["status"]["message"]
            .as_str()
            .unwrap()
            .contains("not found"),
        "{failed}"
    );
    for gone in [&cluster_id, &broken_id] {
        let reply = app
            .call(Method::DELETE, &format!("{REQUESTS}/{gone}"), None)
            .await;
        assert_eq!(reply.status, StatusCode::ACCEPTED);
        wait_gone(&app, gone).await;
    }
    assert!(fake
        .get(CAPI_CLUSTERS, &format!("{NAMESPACE}/du-cluster"))
        .is_none());
    for _ in 0..200 {
        if app
            .get(&format!("{V2}/deploymentManagers/{dm_id}"))
            .await
            .status
            == StatusCode::NOT_FOUND
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(
        app.get(&format!("{V2}/deploymentManagers/{dm_id}"))
            .await
            .status,
        StatusCode::NOT_FOUND,
        "its deployment manager goes with it"
    );
    controller.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kubernetes_client_reads_watches_and_writes_the_fake_api_server() {
    let fake = FakeApiServer::start(&[NODES, MACHINE_DEPLOYMENTS, CAPI_CLUSTERS])
        .await
        .unwrap();
    fake.apply(NODES, fixtures::node("n1", "workers", "du-server"));
    fake.apply(NODES, fixtures::node("n2", "workers", "du-server"));
    let dir = tempfile::TempDir::new().unwrap();
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(&kubeconfig, fake.kubeconfig()).unwrap();
    let seen = crate::harness::python_fixture(
        "kubernetes_client.py",
        "kubernetes-client",
        &[kubeconfig.as_os_str()],
        &[],
        dir.path(),
    )
    .await;
    assert_eq!(seen["nodes"], json!(["n1", "n2"]));
    assert_eq!(seen["ready"], json!(["True", "True"]));
    assert_eq!(seen["md_uid"], true);
    assert_eq!(seen["md_replicas"], 4, "a merge patch");
    assert_eq!(seen["md_labels"], json!({"site": "a"}));
    assert_eq!(seen["mds"], json!(["sdk-md"]));
    assert_eq!(seen["cluster_class"], "quick-start");
    assert_eq!(seen["deleted"], true);
    assert!(fake.get(MACHINE_DEPLOYMENTS, "default/sdk-md").is_none());
}
