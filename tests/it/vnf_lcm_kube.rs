//! The VNF lifecycle on the Kubernetes backend's DMS plugins, against the fake API server
//! with stand-ins for Flux and Argo CD reconciling the resources netweave writes (fetching the
//! chart from netweave's chart repository of the package, as source-controller and
//! repo-server do): Tacker's `test_helm.py` flow — instantiate (one VNFC per VDU, read back
//! from the release's pods), scale out ×2 and in ×1, heal one VNFC (its id replaced, the
//! other kept), change_vnfpkg to a second package, terminate (the resources and pods gone),
//! delete — and a release the controller fails: FAILED_TEMP with the controller's reason,
//! rolled back. The `helm` plugin runs the real helm CLI against the fake (its releases read
//! back by the same helm). The `kubernetes` client from PyPI reads the same resources from
//! the fake.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use netweave::backend::kube::KubernetesConfig;
use netweave_testkit::fake_apiserver::{
    fixtures, FakeApiServer, ARGO_APPLICATIONS, DEPLOYMENTS, DMS_CLUSTER, HELM_RELEASES,
    HELM_REPOSITORIES, NODES, PODS, SECRETS,
};

use crate::{
    harness::TestApp,
    kube::on_cluster,
    vnf_lcm::{
        chart, chart_version, create, first_manager, instantiate_request, lcm, operate, settled,
        show, start, vnfcs, LCM,
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
    let fake = FakeApiServer::start(&DMS_CLUSTER).await.unwrap();
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
            k.helm_binary = crate::chart::helm().display().to_string();
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

/// A cluster on `plugin` with one package (VNFD `vnfd`, `chart`) onboarded and a VNF instance
/// of it created: the cluster, the deployment manager and the instance.
async fn created(plugin: &str, vnfd: &str, chart: &[u8]) -> (Cluster, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let cluster = cluster(plugin).await;
    onboard(
        &cluster.app,
        dir.path(),
        &csar(vnfd, "test-chart-0.1.0.tgz", chart),
    )
    .await;
    let dm = first_manager(&cluster.app).await;
    let id = create(&cluster.app, vnfd).await;
    (cluster, dm, id)
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

/// The release as the real `helm get metadata` reads it from the fake (None: not found).
fn helm_release(fake: &FakeApiServer, release: &str) -> Option<Value> {
    let home = tempfile::tempdir().unwrap();
    let kubeconfig = home.path().join("kubeconfig");
    std::fs::write(&kubeconfig, fake.kubeconfig()).unwrap();
    let out = std::process::Command::new(crate::chart::helm())
        .args([
            "get",
            "metadata",
            release,
            "--namespace",
            "default",
            "-o",
            "json",
        ])
        .arg("--kubeconfig")
        .arg(&kubeconfig)
        .env("HELM_CACHE_HOME", home.path())
        .env("HELM_CONFIG_HOME", home.path())
        .env("HELM_DATA_HOME", home.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        assert!(stderr.contains("release: not found"), "{stderr}");
        return None;
    }
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

/// Whether anything of the release is left where the plugin writes it.
fn written(fake: &FakeApiServer, plugin: &str, release: &str) -> bool {
    match plugin {
        "helm" => helm_release(fake, release).is_some(),
        _ => {
            let (kind, ns) = resource(plugin);
            fake.get(kind, &format!("{ns}/{release}")).is_some()
        }
    }
}

/// What a GitOps plugin wrote for the release, and netweave's chart repository it points at.
async fn repository_checks(
    fake: &FakeApiServer,
    app: &TestApp,
    plugin: &str,
    release: &str,
    first: &str,
) {
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
            assert_eq!(written["spec"]["source"]["helm"]["releaseName"], release);
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
}

async fn tackers_flow(plugin: &str) {
    let dir = tempfile::tempdir().unwrap();
    let Cluster {
        fake,
        app,
        _controllers,
        _dir,
    } = cluster(plugin).await;
    let base = match plugin {
        "flux" => 30,
        "argocd" => 40,
        _ => 60,
    };
    let vnfd_1 = format!("b1bb0ce7-ebca-4fa7-95ed-4840d70000{base}");
    let vnfd_2 = format!("b1bb0ce7-ebca-4fa7-95ed-4840d70000{}", base + 1);
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
    if plugin == "helm" {
        let helm = helm_release(&fake, &release).expect("helm's release");
        assert_eq!(
            (
                &helm["status"],
                &helm["chart"],
                &helm["version"],
                &helm["revision"]
            ),
            (
                &json!("deployed"),
                &json!("test-chart"),
                &json!("0.1.0"),
                &json!(1)
            ),
            "{helm}"
        );
        assert_eq!(
            helm["labels"]["netweave.io/digest"].as_str().unwrap().len(),
            40
        );
        let svc = fake.objects(DEPLOYMENTS);
        assert!(
            svc.iter().all(
                |d| d["metadata"]["annotations"]["meta.helm.sh/release-name"] == release.as_str()
            ),
            "helm owns the workloads: {svc:?}"
        );
    } else {
        repository_checks(&fake, &app, plugin, &release, &first).await;
    }
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
    if plugin == "helm" {
        let helm = helm_release(&fake, &release).unwrap();
        assert_eq!(
            (&helm["status"], &helm["version"]),
            (&json!("deployed"), &json!("0.2.0")),
            "{helm}"
        );
    } else {
        let (kind, ns) = resource(plugin);
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
    }
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
    assert!(!written(&fake, plugin, &release));
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

#[tokio::test(flavor = "multi_thread")]
async fn tackers_flow_on_the_helm_cli() {
    tackers_flow("helm").await;
}

/// A chart the controller cannot render (an expression the stand-ins do not know; a value
/// helm finds missing).
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
    for (plugin, vnfd, says, why) in [
        (
            "flux",
            "b1bb0ce7-ebca-4fa7-95ed-4840d7000050",
            "Flux: InstallFailed",
            "required",
        ),
        (
            "argocd",
            "b1bb0ce7-ebca-4fa7-95ed-4840d7000051",
            "Argo CD: sync Failed",
            "required",
        ),
        // Helm knows `required`: the chart's own message.
        (
            "helm",
            "b1bb0ce7-ebca-4fa7-95ed-4840d7000053",
            "helm: execution error at (test-chart/templates/deployment_vdu1.yaml",
            "replicas",
        ),
    ] {
        let (cluster, dm, id) = created(plugin, vnfd, &broken_chart()).await;
        let (fake, app) = (&cluster.fake, &cluster.app);
        let op = operate(app, &id, "instantiate", instantiate_request(&dm)).await;
        assert_eq!(op["operationState"], "FAILED_TEMP", "{op}");
        let detail = op["error"]["detail"].as_str().unwrap();
        assert!(detail.contains(says) && detail.contains(why), "{detail}");
        let op_id = op["id"].as_str().unwrap();
        let (status, _, _) = lcm(
            app,
            Method::POST,
            &format!("{LCM}/vnf_lcm_op_occs/{op_id}/rollback"),
            None,
            Some("2.0.0"),
        )
        .await;
        assert_eq!(status, StatusCode::ACCEPTED);
        let op = settled(app, &id).await;
        assert_eq!(op["operationState"], "ROLLED_BACK", "{op}");
        let release = format!("vnf{}", id.replace('-', ""));
        assert!(!written(fake, plugin, &release), "rolled back: removed");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_kubernetes_client_reads_what_the_plugins_write() {
    let (cluster, dm, id) = created("flux", "b1bb0ce7-ebca-4fa7-95ed-4840d7000052", &chart()).await;
    let (fake, app) = (&cluster.fake, &cluster.app);
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        operate(app, &id, "instantiate", instantiate_request(&dm)).await["operationState"],
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

#[tokio::test(flavor = "multi_thread")]
async fn the_helm_plugin_waits_out_an_api_server_that_is_down() {
    let (cluster, dm, id) = created("helm", "b1bb0ce7-ebca-4fa7-95ed-4840d7000054", &chart()).await;
    let (fake, app) = (&cluster.fake, &cluster.app);
    fake.set_down(true);
    let path = start(app, &id, "instantiate", instantiate_request(&dm)).await;
    // helm cannot reach the cluster: the operation waits (PROCESSING), it does not fail.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let (_, _, op) = lcm(app, Method::GET, &path, None, Some("2.0.0")).await;
    assert_eq!(op["operationState"], "PROCESSING", "{op}");
    fake.set_down(false);
    let op = settled(app, &id).await;
    assert_eq!(op["operationState"], "COMPLETED", "{op}");
    let release = format!("vnf{}", id.replace('-', ""));
    assert_eq!(helm_release(fake, &release).unwrap()["revision"], 1);
    assert_eq!(pods(fake, &release).len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_release_helm_left_pending_is_undone_and_applied_again() {
    let (cluster, dm, id) = created("helm", "b1bb0ce7-ebca-4fa7-95ed-4840d7000055", &chart()).await;
    let (fake, app) = (&cluster.fake, &cluster.app);
    let release = format!("vnf{}", id.replace('-', ""));
    let op = operate(app, &id, "instantiate", instantiate_request(&dm)).await;
    assert_eq!(op["operationState"], "COMPLETED", "{op}");
    let scale =
        |n: u32| json!({"type": "SCALE_OUT", "aspectId": "vdu2_aspect", "numberOfSteps": n});
    let op = operate(app, &id, "scale", scale(1)).await;
    assert_eq!(op["operationState"], "COMPLETED", "{op}");
    // Revision 2 as a helm killed mid-upgrade leaves it, six minutes ago.
    let key = format!("default/sh.helm.release.v1.{release}.v2");
    let mut record = fake.get(SECRETS, &key).expect("revision 2");
    let long_ago = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        - 360;
    record["metadata"]["labels"]["status"] = json!("pending-upgrade");
    record["metadata"]["labels"]["modifiedAt"] = json!(long_ago.to_string());
    fake.apply(SECRETS, record);
    // The next operation rolls the pending revision back, then upgrades.
    let op = operate(app, &id, "scale", scale(1)).await;
    assert_eq!(op["operationState"], "COMPLETED", "{op}");
    let helm = helm_release(fake, &release).unwrap();
    assert_eq!(
        (&helm["status"], &helm["revision"]),
        (&json!("deployed"), &json!(4)),
        "2 pending, 3 its rollback, 4 the scale: {helm}"
    );
    assert_eq!(vnfcs(&show(app, &id).await, "VDU2").len(), 3);
}
