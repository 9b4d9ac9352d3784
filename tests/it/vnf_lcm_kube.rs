//! The VNF lifecycle on the Kubernetes backend's DMS plugins, against the fake API server
//! with stand-ins for Flux and Argo CD reconciling the resources netweave writes (fetching the
//! chart from netweave's chart repository of the package, as source-controller and
//! repo-server do): Tacker's `test_helm.py` flow — instantiate (one VNFC per VDU, read back
//! from the release's pods), scale out ×2 and in ×1, heal one VNFC (its id replaced, the
//! other kept), change_vnfpkg to a second package, terminate (the resources and pods gone),
//! delete — and a release the controller fails: FAILED_TEMP with the controller's reason,
//! rolled back. The `kubernetes` client from PyPI reads the same resources from the fake.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use netweave::backend::kube::KubernetesConfig;
use netweave_testkit::fake_apiserver::{
    fixtures, FakeApiServer, ARGO_APPLICATIONS, DEPLOYMENTS, HELM_RELEASES, HELM_REPOSITORIES,
    NODES, PODS, STATEFUL_SETS, STORAGE_CLASSES,
};

use crate::{
    harness::TestApp,
    kube::on_cluster,
    vnf_lcm::{
        chart, chart_version, create, first_manager, instantiate_request, lcm, operate, settled,
        show, vnfcs, LCM,
    },
    vnf_packages::{csar, onboard},
};

struct Cluster {
    fake: FakeApiServer,
    _controllers: netweave_testkit::fake_apiserver::controllers::Controllers,
    _dir: tempfile::TempDir,
    app: TestApp,
}

async fn cluster(plugin: &str) -> Cluster {
    let fake = FakeApiServer::start(&[
        NODES,
        STORAGE_CLASSES,
        DEPLOYMENTS,
        STATEFUL_SETS,
        PODS,
        HELM_RELEASES,
        HELM_REPOSITORIES,
        ARGO_APPLICATIONS,
    ])
    .await
    .unwrap();
    fake.apply(NODES, fixtures::node("n1", "workers", "du-server"));
    let controllers = fake.start_controllers();
    let (dir, on) = on_cluster(&fake);
    let port = crate::harness::free_port();
    let plugin = plugin.to_owned();
    let app = TestApp::start_with(move |c| {
        on(c);
        c.listen = format!("127.0.0.1:{port}").parse().unwrap();
        c.dms.poll_seconds = 0.1;
        c.edit_section(|k: &mut KubernetesConfig| {
            k.dms_plugin = plugin.clone();
            k.chart_repository_url = format!("http://127.0.0.1:{port}/dms/charts");
        });
    })
    .await;
    Cluster {
        fake,
        _controllers: controllers,
        _dir: dir,
        app,
    }
}

/// The release's pods in the fake cluster.
fn pods(fake: &FakeApiServer, release: &str) -> Vec<Value> {
    fake.objects(PODS)
        .into_iter()
        .filter(|p| p["metadata"]["labels"]["app.kubernetes.io/instance"] == release)
        .collect()
}

/// The resource netweave wrote for the release: (kind, namespace).
fn resource(plugin: &str) -> (netweave_testkit::fake_apiserver::ResourceKind, &'static str) {
    match plugin {
        "flux" => (HELM_RELEASES, "flux-system"),
        _ => (ARGO_APPLICATIONS, "argocd"),
    }
}

async fn tackers_flow(plugin: &str) {
    let dir = tempfile::tempdir().unwrap();
    let Cluster {
        fake,
        app,
        _controllers,
        _dir,
    } = cluster(plugin).await;
    let vnfd_1 = format!(
        "b1bb0ce7-ebca-4fa7-95ed-4840d70000{}",
        if plugin == "flux" { 30 } else { 40 }
    );
    let vnfd_2 = format!(
        "b1bb0ce7-ebca-4fa7-95ed-4840d70000{}",
        if plugin == "flux" { 31 } else { 41 }
    );
    let first = onboard(
        &app,
        dir.path(),
        &csar(&vnfd_1, "test-chart-0.1.0.tgz", &chart()),
    )
    .await;
    let second = onboard(
        &app,
        dir.path(),
        &csar(&vnfd_2, "test-chart-0.1.0.tgz", &chart_version("0.2.0")),
    )
    .await;
    let dm = first_manager(&app).await;
    let id = create(&app, &vnfd_1).await;
    let release = format!("vnf{}", id.replace('-', ""));

    // Instantiate: the controller's resource, the chart from netweave's repository, one VNFC
    // per VDU read back from the pods.
    let op = operate(&app, &id, "instantiate", instantiate_request(&dm)).await;
    assert_eq!(op["operationState"], "COMPLETED", "{op}");
    let (kind, ns) = resource(plugin);
    let written = fake
        .get(kind, &format!("{ns}/{release}"))
        .expect("the plugin's resource");
    let repository = match plugin {
        "flux" => {
            assert_eq!(written["spec"]["chart"]["spec"]["chart"], "test-chart");
            assert_eq!(written["spec"]["chart"]["spec"]["version"], "0.1.0");
            assert_eq!(written["spec"]["targetNamespace"], "default");
            assert_eq!(written["spec"]["values"]["replicaCountVdu1"], 1);
            assert_eq!(
                written["spec"]["values"]["service"]["port"], 8081,
                "dotted values nest"
            );
            let repo = fake
                .get(HELM_REPOSITORIES, &format!("flux-system/{release}"))
                .expect("its HelmRepository");
            repo["spec"]["url"].as_str().unwrap().to_owned()
        }
        _ => {
            assert_eq!(written["spec"]["source"]["chart"], "test-chart");
            assert_eq!(
                written["spec"]["source"]["helm"]["releaseName"],
                release.as_str()
            );
            assert_eq!(
                written["spec"]["source"]["helm"]["valuesObject"]["replicaCountVdu2"],
                1
            );
            written["spec"]["source"]["repoURL"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    assert!(
        repository.contains(&format!("/dms/charts/{first}/")),
        "{repository}"
    );
    let index = reqwest::get(format!("{repository}/index.yaml"))
        .await
        .unwrap();
    assert_eq!(index.status(), StatusCode::OK);
    let wrong = reqwest::get(format!(
        "{}/{first}/{}/index.yaml",
        app.url("/dms/charts"),
        "0".repeat(64)
    ))
    .await
    .unwrap();
    assert_eq!(
        wrong.status(),
        StatusCode::NOT_FOUND,
        "the digest is the capability"
    );
    let shown = show(&app, &id).await;
    assert_eq!(
        (vnfcs(&shown, "VDU1").len(), vnfcs(&shown, "VDU2").len()),
        (1, 1),
        "{shown}"
    );
    assert_eq!(pods(&fake, &release).len(), 2);
    for r in shown["instantiatedVnfInfo"]["vnfcResourceInfo"]
        .as_array()
        .unwrap()
    {
        assert_eq!(r["computeResource"]["vimLevelResourceType"], "Deployment");
        let pod = r["computeResource"]["resourceId"].as_str().unwrap();
        assert!(
            fake.get(PODS, &format!("default/{pod}")).is_some(),
            "{pod} is a pod"
        );
    }

    // Scale out ×2 and in ×1: the replica value follows.
    let scale = |t: &str, n: u32| json!({"type": t, "aspectId": "vdu2_aspect", "numberOfSteps": n});
    assert_eq!(
        operate(&app, &id, "scale", scale("SCALE_OUT", 2)).await["operationState"],
        "COMPLETED"
    );
    assert_eq!(vnfcs(&show(&app, &id).await, "VDU2").len(), 3);
    assert_eq!(
        operate(&app, &id, "scale", scale("SCALE_IN", 1)).await["operationState"],
        "COMPLETED"
    );
    let before = show(&app, &id).await;
    let vdu2 = vnfcs(&before, "VDU2");
    assert_eq!(vdu2.len(), 2);
    assert_eq!(pods(&fake, &release).len(), 3);

    // Heal one VNFC: its pod is deleted and replaced; the other keeps its id.
    let healed = format!("VDU2-{}", vdu2[0]);
    let op = operate(&app, &id, "heal", json!({"vnfcInstanceId": [healed]})).await;
    assert_eq!(op["operationState"], "COMPLETED", "{op}");
    let after = vnfcs(&show(&app, &id).await, "VDU2");
    assert_eq!(after.len(), 2);
    assert!(!after.contains(&vdu2[0]), "the healed VNFC has a new id");
    assert!(after.contains(&vdu2[1]), "the other is kept");

    // change_vnfpkg: the second package's chart (0.2.0) from its own repository.
    let op = operate(
        &app,
        &id,
        "change_vnfpkg",
        json!({"vnfdId": vnfd_2, "additionalParams": {"upgrade_type": "RollingUpdate",
            "helm_chart_path": "Files/kubernetes/test-chart-0.1.0.tgz", "vdu_params": [{"vdu_id": "VDU1"}]}}),
    )
    .await;
    assert_eq!(op["operationState"], "COMPLETED", "{op}");
    let written = fake.get(kind, &format!("{ns}/{release}")).unwrap();
    let (version, repository) = match plugin {
        "flux" => (
            written["spec"]["chart"]["spec"]["version"].clone(),
            fake.get(HELM_REPOSITORIES, &format!("flux-system/{release}"))
                .unwrap()["spec"]["url"]
                .clone(),
        ),
        _ => (
            written["spec"]["source"]["targetRevision"].clone(),
            written["spec"]["source"]["repoURL"].clone(),
        ),
    };
    assert_eq!(version, "0.2.0");
    assert!(
        repository.as_str().unwrap().contains(&second),
        "{repository}"
    );
    assert_eq!(show(&app, &id).await["vnfdId"], vnfd_2.as_str());

    // Terminate: the resource and everything it deployed go; then delete.
    let op = operate(
        &app,
        &id,
        "terminate",
        json!({"terminationType": "FORCEFUL"}),
    )
    .await;
    assert_eq!(op["operationState"], "COMPLETED", "{op}");
    assert!(fake.get(kind, &format!("{ns}/{release}")).is_none());
    assert!(pods(&fake, &release).is_empty());
    assert!(fake
        .get(HELM_REPOSITORIES, &format!("flux-system/{release}"))
        .is_none());
    let (status, _, _) = lcm(
        &app,
        Method::DELETE,
        &format!("{LCM}/vnf_instances/{id}"),
        None,
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // Everything the plugin asked of the API server, the chart's RBAC for it allows.
    let set = format!("kubernetes.dmsPlugin={plugin}");
    let allowed = crate::kube::allowed_by_rbac_with(&[&set]);
    let made = fake.requests();
    let denied: Vec<_> = made.difference(&allowed).collect();
    assert!(
        denied.is_empty(),
        "requests the ClusterRole does not allow: {denied:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn tackers_flow_on_flux() {
    tackers_flow("flux").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tackers_flow_on_argo_cd() {
    tackers_flow("argocd").await;
}

/// A chart the controller cannot render (an expression it does not know).
fn broken_chart() -> Vec<u8> {
    let files: [(&str, &str); 3] = [
        ("test-chart/Chart.yaml", "apiVersion: v2\nname: test-chart\nversion: 0.1.0\n"),
        ("test-chart/values.yaml", "replicaCountVdu1: 1\nreplicaCountVdu2: 1\n"),
        ("test-chart/templates/deployment_vdu1.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: vdu1}\nspec:\n  replicas: {{ required \"replicas\" .Values.missing }}\n"),
    ];
    crate::vnf_lcm::chart_archive(&files)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_release_the_controller_fails_is_failed_temp_with_its_reason_then_rolled_back() {
    for (plugin, vnfd, says) in [
        (
            "flux",
            "b1bb0ce7-ebca-4fa7-95ed-4840d7000050",
            "Flux: InstallFailed",
        ),
        (
            "argocd",
            "b1bb0ce7-ebca-4fa7-95ed-4840d7000051",
            "Argo CD: sync Failed",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let Cluster {
            fake,
            app,
            _controllers,
            _dir,
        } = cluster(plugin).await;
        onboard(
            &app,
            dir.path(),
            &csar(vnfd, "test-chart-0.1.0.tgz", &broken_chart()),
        )
        .await;
        let dm = first_manager(&app).await;
        let id = create(&app, vnfd).await;
        let op = operate(&app, &id, "instantiate", instantiate_request(&dm)).await;
        assert_eq!(op["operationState"], "FAILED_TEMP", "{op}");
        let detail = op["error"]["detail"].as_str().unwrap();
        assert!(
            detail.contains(says) && detail.contains("required"),
            "{detail}"
        );
        let op_id = op["id"].as_str().unwrap();
        let (status, _, _) = lcm(
            &app,
            Method::POST,
            &format!("{LCM}/vnf_lcm_op_occs/{op_id}/rollback"),
            None,
            Some("2.0.0"),
        )
        .await;
        assert_eq!(status, StatusCode::ACCEPTED);
        let op = settled(&app, &id).await;
        assert_eq!(op["operationState"], "ROLLED_BACK", "{op}");
        let (kind, ns) = resource(plugin);
        let release = format!("vnf{}", id.replace('-', ""));
        assert!(
            fake.get(kind, &format!("{ns}/{release}")).is_none(),
            "rolled back: removed"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_kubernetes_client_reads_what_the_plugins_write() {
    let dir = tempfile::tempdir().unwrap();
    let Cluster {
        fake,
        app,
        _controllers,
        _dir,
    } = cluster("flux").await;
    let vnfd = "b1bb0ce7-ebca-4fa7-95ed-4840d7000052";
    onboard(
        &app,
        dir.path(),
        &csar(vnfd, "test-chart-0.1.0.tgz", &chart()),
    )
    .await;
    let dm = first_manager(&app).await;
    let id = create(&app, vnfd).await;
    assert_eq!(
        operate(&app, &id, "instantiate", instantiate_request(&dm)).await["operationState"],
        "COMPLETED"
    );
    let release = format!("vnf{}", id.replace('-', ""));
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(&kubeconfig, fake.kubeconfig()).unwrap();
    let seen = crate::harness::python_fixture(
        "kubernetes_dms.py",
        "kubernetes-client",
        &[kubeconfig.as_os_str(), std::ffi::OsStr::new(&release)],
        &[],
        dir.path(),
    )
    .await;
    assert_eq!(seen["ready"], "True", "{seen}");
    assert_eq!(seen["chart"], "test-chart");
    assert!(
        seen["source_url"]
            .as_str()
            .unwrap()
            .contains("/dms/charts/"),
        "{seen}"
    );
    assert_eq!(seen["pods"].as_array().unwrap().len(), 2, "{seen}");
    assert_eq!(seen["pods_ready"], json!([true, true]));
}
