//! The VNF lifecycle (`/vnflcm/v2`, SOL003 v3.3.1) driven as an SMO drives Tacker, with
//! python-tackerclient's `openstack vnflcm …` (API version 2): the flow of Tacker's own
//! `test_helm.py` on the simulator's DMS plugin — create, instantiate (one VNFC per VDU),
//! scale out ×2 and in ×1, heal one VNFC (its id replaced, the other kept), terminate, delete —
//! then a failing release: FAILED_TEMP, rolled back or failed. Over REST: the `Version` header
//! rules and the answers' headers, as Tacker's tests check them.

use std::time::Duration;

use netweave_testkit::fake_apiserver::fixtures;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    harness::TestApp,
    vnf_packages::{csar, onboard, openstack},
};

pub const LCM: &str = "/vnflcm/v2";

/// A Helm chart archive with two Deployments (`vdu1`, `vdu2`) whose replicas come from
/// `replicaCountVdu1` and `replicaCountVdu2`.
pub fn chart() -> Vec<u8> {
    chart_version("0.1.0")
}

pub fn chart_version(version: &str) -> Vec<u8> {
    let meta = format!("apiVersion: v2\nname: test-chart\nversion: {version}\n");
    let files: [(&str, &str); 4] = [
        ("test-chart/Chart.yaml", &meta),
        (
            "test-chart/values.yaml",
            "replicaCountVdu1: 1\nreplicaCountVdu2: 1\n",
        ),
        (
            "test-chart/templates/deployment_vdu1.yaml",
            &fixtures::vnf_deployment("vdu1", "replicaCountVdu1"),
        ),
        (
            "test-chart/templates/deployment_vdu2.yaml",
            &fixtures::vnf_deployment("vdu2", "replicaCountVdu2"),
        ),
    ];
    chart_archive(&files)
}

pub use fixtures::chart_archive;

const CHART_PATH: &str = "Files/kubernetes/test-chart-0.1.0.tgz";

pub fn instantiate_request(deployment_manager: &str) -> Value {
    json!({
        "flavourId": "simple",
        "vimConnectionInfo": {"vim1": {"vimId": deployment_manager, "vimType": "ETSINFV.HELM.V_3"}},
        "additionalParams": {
            "helm_chart_path": CHART_PATH,
            "helm_parameters": {"service.port": 8081, "service.type": "NodePort"},
            "helm_value_names": {"VDU1": {"replica": "replicaCountVdu1"}, "VDU2": {"replica": "replicaCountVdu2"}},
            "namespace": "default",
        },
    })
}

/// A REST call with `Version: 2.0.0` (or `version`), checked against the served contract.
pub async fn lcm(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<Value>,
    version: Option<&str>,
) -> (StatusCode, reqwest::header::HeaderMap, Value) {
    let mut r = reqwest::Client::new().request(method.clone(), app.url(path));
    if let Some(v) = version {
        r = r.header("Version", v);
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    let response = r.send().await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    crate::spec::check(&method, path, status.as_u16(), &headers, &body);
    (status, headers, body)
}

/// The occurrence of the latest operation on `instance`, polled until it is no longer
/// STARTING or PROCESSING (ROLLING_BACK too), as Tacker's tests wait.
pub async fn settled(app: &TestApp, instance: &str) -> Value {
    for _ in 0..200 {
        let ops = openstack(app, &["vnflcm", "op", "list", "-f", "json"])
            .await
            .unwrap();
        let mine: Vec<&Value> = ops
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["VNF Instance ID"] == instance)
            .collect();
        let mut latest: Option<Value> = None;
        for o in mine {
            let id = o["ID"].as_str().unwrap();
            let (_, _, op) = lcm(
                app,
                Method::GET,
                &format!("{LCM}/vnf_lcm_op_occs/{id}"),
                None,
                Some("2.0.0"),
            )
            .await;
            if latest
                .as_ref()
                .is_none_or(|l| op["startTime"].as_str() > l["startTime"].as_str())
            {
                latest = Some(op);
            }
        }
        if let Some(op) = latest {
            let state = op["operationState"].as_str().unwrap();
            if !matches!(state, "STARTING" | "PROCESSING" | "ROLLING_BACK") {
                return op;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no operation on {instance} settled");
}

pub fn vnfcs(shown: &Value, vdu: &str) -> Vec<String> {
    shown["instantiatedVnfInfo"]["vnfcResourceInfo"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["vduId"] == vdu)
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

pub async fn show(app: &TestApp, id: &str) -> Value {
    let (status, _, body) = lcm(
        app,
        Method::GET,
        &format!("{LCM}/vnf_instances/{id}"),
        None,
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// Creates an instance of the package whose VNFD is `vnfd_id`; its id.
pub async fn create(app: &TestApp, vnfd_id: &str) -> String {
    let (status, _, made) = lcm(
        app,
        Method::POST,
        &format!("{LCM}/vnf_instances"),
        Some(json!({"vnfdId": vnfd_id})),
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    made["id"].as_str().unwrap().to_owned()
}

/// Starts `verb` (`instantiate`, `scale`…) on instance `id` over REST: the path of its
/// occurrence (`Location`), not waiting for it.
pub async fn start(app: &TestApp, id: &str, verb: &str, body: Value) -> String {
    let (status, headers, said) = lcm(
        app,
        Method::POST,
        &format!("{LCM}/vnf_instances/{id}/{verb}"),
        Some(body),
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{verb}: {said}");
    headers["location"].to_str().unwrap().to_owned()
}

/// Runs `verb` on instance `id` over REST; its occurrence once settled.
pub async fn operate(app: &TestApp, id: &str, verb: &str, body: Value) -> Value {
    start(app, id, verb, body).await;
    settled(app, id).await
}

pub async fn first_manager(app: &TestApp) -> String {
    let managers = app
        .get_ok("/o2ims-infrastructureInventory/v2/deploymentManagers")
        .await;
    managers[0]["deploymentManagerId"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn tackers_helm_flow_create_instantiate_scale_heal_terminate_delete() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::start().await;
    let vnfd_id = "b1bb0ce7-ebca-4fa7-95ed-4840d7000010";
    let package = onboard(
        &app,
        dir.path(),
        &csar(vnfd_id, "test-chart-0.1.0.tgz", &chart()),
    )
    .await;
    let dm = first_manager(&app).await;

    // 1. create: 201 with Tacker's headers; the package is IN_USE.
    let (status, headers, made) = lcm(
        &app,
        Method::POST,
        &format!("{LCM}/vnf_instances"),
        Some(json!({"vnfdId": vnfd_id, "vnfInstanceName": "vnf-helm", "vnfInstanceDescription": "test", "metadata": {"k": "v"}})),
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    for h in ["version", "location", "content-type", "accept-ranges"] {
        assert!(headers.contains_key(h), "create answers {h}");
    }
    for h in ["retry-after", "content-range", "www-authenticate"] {
        assert!(!headers.contains_key(h), "create does not answer {h}");
    }
    for attr in [
        "id",
        "vnfInstanceName",
        "vnfInstanceDescription",
        "vnfdId",
        "vnfProvider",
        "vnfProductName",
        "vnfSoftwareVersion",
        "vnfdVersion",
        "instantiationState",
        "metadata",
        "_links",
    ] {
        assert!(made.get(attr).is_some(), "create body has {attr}: {made}");
    }
    let id = made["id"].as_str().unwrap().to_owned();
    assert_eq!(
        app.get_ok(&format!("/vnfpkgm/v1/vnf_packages/{package}"))
            .await["usageState"],
        "IN_USE"
    );
    // The CLI's own create works as well.
    let by_cli = openstack(
        &app,
        &["vnflcm", "create", vnfd_id, "--name", "cli", "-f", "json"],
    )
    .await
    .unwrap();
    assert_eq!(
        by_cli["Instantiation State"], "NOT_INSTANTIATED",
        "{by_cli}"
    );
    openstack(&app, &["vnflcm", "delete", by_cli["ID"].as_str().unwrap()])
        .await
        .unwrap();

    // 2. instantiate → COMPLETED, one VNFC per VDU.
    let request = dir.path().join("inst.json");
    std::fs::write(&request, instantiate_request(&dm).to_string()).unwrap();
    let said = openstack(
        &app,
        &["vnflcm", "instantiate", &id, request.to_str().unwrap()],
    )
    .await
    .unwrap();
    assert!(said.to_string().contains("has been accepted"), "{said}");
    let op = settled(&app, &id).await;
    assert_eq!(
        (op["operation"].as_str(), op["operationState"].as_str()),
        (Some("INSTANTIATE"), Some("COMPLETED")),
        "{op}"
    );
    let shown = openstack(&app, &["vnflcm", "show", &id, "-f", "json"])
        .await
        .unwrap();
    assert_eq!(shown["Instantiation State"], "INSTANTIATED", "{shown}");
    let body = show(&app, &id).await;
    assert_eq!(
        (vnfcs(&body, "VDU1").len(), vnfcs(&body, "VDU2").len()),
        (1, 1),
        "{body}"
    );
    for r in body["instantiatedVnfInfo"]["vnfcResourceInfo"]
        .as_array()
        .unwrap()
    {
        assert_eq!(r["computeResource"]["vimLevelResourceType"], "Deployment");
    }
    assert_eq!(body["vimConnectionInfo"]["vim1"]["vimId"], dm.as_str());

    // 3. scale out ×2, then in ×1.
    openstack(
        &app,
        &[
            "vnflcm",
            "scale",
            "--type",
            "SCALE_OUT",
            "--aspect-id",
            "vdu2_aspect",
            "--number-of-steps",
            "2",
            &id,
        ],
    )
    .await
    .unwrap();
    assert_eq!(settled(&app, &id).await["operationState"], "COMPLETED");
    assert_eq!(vnfcs(&show(&app, &id).await, "VDU2").len(), 3);
    openstack(
        &app,
        &[
            "vnflcm",
            "scale",
            "--type",
            "SCALE_IN",
            "--aspect-id",
            "vdu2_aspect",
            "--number-of-steps",
            "1",
            &id,
        ],
    )
    .await
    .unwrap();
    assert_eq!(settled(&app, &id).await["operationState"], "COMPLETED");
    let before = show(&app, &id).await;
    let vdu2 = vnfcs(&before, "VDU2");
    assert_eq!(vdu2.len(), 2);
    assert_eq!(
        before["instantiatedVnfInfo"]["scaleStatus"][0]["scaleLevel"],
        1
    );
    // Beyond the aspect's levels: refused before anything starts.
    let (status, _, problem) = lcm(
        &app,
        Method::POST,
        &format!("{LCM}/vnf_instances/{id}/scale"),
        Some(json!({"type": "SCALE_OUT", "aspectId": "vdu2_aspect", "numberOfSteps": 5})),
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");

    // 4. heal one VDU2 VNFC: its id is replaced, the other kept.
    let info_id = before["instantiatedVnfInfo"]["vnfcInfo"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["vnfcResourceInfoId"] == vdu2[0].as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    openstack(&app, &["vnflcm", "heal", &id, "--vnfc-instance", &info_id])
        .await
        .unwrap();
    let healed = settled(&app, &id).await;
    assert_eq!(healed["operationState"], "COMPLETED", "{healed}");
    let after = vnfcs(&show(&app, &id).await, "VDU2");
    assert_eq!(after.len(), 2);
    assert!(
        !after.contains(&vdu2[0]) && after.contains(&vdu2[1]),
        "{vdu2:?} → {after:?}"
    );

    // change_vnfpkg, first to a package whose chart is broken: FAILED_TEMP, rolled back with
    // nothing changed; then to the next version: VDU2 rolls (new ids), VDU1 stays, the old
    // package is NOT_IN_USE and the new one IN_USE.
    let broken_vnfd = "b1bb0ce7-ebca-4fa7-95ed-4840d7000013";
    onboard(
        &app,
        dir.path(),
        &csar(broken_vnfd, "test-chart-0.1.1.tgz", b"not a chart"),
    )
    .await;
    let next_vnfd = "b1bb0ce7-ebca-4fa7-95ed-4840d7000014";
    let next = onboard(
        &app,
        dir.path(),
        &csar(next_vnfd, "test-chart-0.1.1.tgz", &chart_version("0.1.1")),
    )
    .await;
    let kept = show(&app, &id).await;
    let change = |vnfd: &str| {
        json!({"vnfdId": vnfd, "additionalParams": {
        "upgrade_type": "RollingUpdate", "helm_chart_path": "Files/kubernetes/test-chart-0.1.1.tgz",
        "vdu_params": [{"vdu_id": "VDU2"}]}})
    };
    let param = dir.path().join("change.json");
    std::fs::write(&param, change(broken_vnfd).to_string()).unwrap();
    openstack(
        &app,
        &["vnflcm", "change-vnfpkg", &id, param.to_str().unwrap()],
    )
    .await
    .unwrap();
    let failed = settled(&app, &id).await;
    assert_eq!(
        (
            failed["operation"].as_str(),
            failed["operationState"].as_str()
        ),
        (Some("CHANGE_VNFPKG"), Some("FAILED_TEMP")),
        "{failed}"
    );
    openstack(
        &app,
        &["vnflcm", "op", "rollback", failed["id"].as_str().unwrap()],
    )
    .await
    .unwrap();
    assert_eq!(settled(&app, &id).await["operationState"], "ROLLED_BACK");
    let rolled_back = show(&app, &id).await;
    assert_eq!(rolled_back["vnfdId"], vnfd_id);
    assert_eq!(vnfcs(&rolled_back, "VDU2"), vnfcs(&kept, "VDU2"));
    std::fs::write(&param, change(next_vnfd).to_string()).unwrap();
    openstack(
        &app,
        &["vnflcm", "change-vnfpkg", &id, param.to_str().unwrap()],
    )
    .await
    .unwrap();
    assert_eq!(settled(&app, &id).await["operationState"], "COMPLETED");
    let changed = show(&app, &id).await;
    assert_eq!(changed["vnfdId"], next_vnfd);
    assert_eq!(vnfcs(&changed, "VDU1"), vnfcs(&kept, "VDU1"));
    let (old2, new2) = (vnfcs(&kept, "VDU2"), vnfcs(&changed, "VDU2"));
    assert_eq!(new2.len(), 2);
    assert!(
        new2.iter().all(|v| !old2.contains(v)),
        "{old2:?} → {new2:?}"
    );
    assert_eq!(
        app.get_ok(&format!("/vnfpkgm/v1/vnf_packages/{package}"))
            .await["usageState"],
        "NOT_IN_USE"
    );
    assert_eq!(
        app.get_ok(&format!("/vnfpkgm/v1/vnf_packages/{next}"))
            .await["usageState"],
        "IN_USE"
    );

    // An instantiated instance is not deleted; another instantiate is 409.
    let (status, _, _) = lcm(
        &app,
        Method::DELETE,
        &format!("{LCM}/vnf_instances/{id}"),
        None,
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _, _) = lcm(
        &app,
        Method::POST,
        &format!("{LCM}/vnf_instances/{id}/instantiate"),
        Some(instantiate_request(&dm)),
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // 5. terminate, then delete: 204, then 404; the package is NOT_IN_USE.
    openstack(
        &app,
        &["vnflcm", "terminate", "--termination-type", "FORCEFUL", &id],
    )
    .await
    .unwrap();
    assert_eq!(settled(&app, &id).await["operationState"], "COMPLETED");
    assert_eq!(
        show(&app, &id).await["instantiationState"],
        "NOT_INSTANTIATED"
    );
    let (status, _, _) = lcm(
        &app,
        Method::DELETE,
        &format!("{LCM}/vnf_instances/{id}"),
        None,
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _, _) = lcm(
        &app,
        Method::GET,
        &format!("{LCM}/vnf_instances/{id}"),
        None,
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get_ok(&format!("/vnfpkgm/v1/vnf_packages/{next}"))
            .await["usageState"],
        "NOT_IN_USE"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_release_is_failed_temp_then_rolled_back_or_failed() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::start().await;
    let vnfd_id = "b1bb0ce7-ebca-4fa7-95ed-4840d7000011";
    // The "chart" is no chart archive: the release cannot be deployed.
    onboard(
        &app,
        dir.path(),
        &csar(vnfd_id, "test-chart-0.1.0.tgz", b"not a chart"),
    )
    .await;
    let dm = first_manager(&app).await;
    let request = dir.path().join("inst.json");
    std::fs::write(&request, instantiate_request(&dm).to_string()).unwrap();
    for (verb, end) in [("rollback", "ROLLED_BACK"), ("fail", "FAILED")] {
        let made = openstack(&app, &["vnflcm", "create", vnfd_id, "-f", "json"])
            .await
            .unwrap();
        let id = made["ID"].as_str().unwrap().to_owned();
        openstack(
            &app,
            &["vnflcm", "instantiate", &id, request.to_str().unwrap()],
        )
        .await
        .unwrap();
        let op = settled(&app, &id).await;
        assert_eq!(op["operationState"], "FAILED_TEMP", "{op}");
        assert!(
            op["error"]["detail"].as_str().unwrap().contains("chart"),
            "{op}"
        );
        assert_eq!(
            show(&app, &id).await["instantiationState"],
            "NOT_INSTANTIATED"
        );
        let op_id = op["id"].as_str().unwrap();
        // Only a FAILED_TEMP occurrence is retried, rolled back or failed.
        openstack(&app, &["vnflcm", "op", verb, op_id])
            .await
            .unwrap();
        let done = settled(&app, &id).await;
        assert_eq!(done["operationState"], end, "{done}");
        let again = lcm(
            &app,
            Method::POST,
            &format!("{LCM}/vnf_lcm_op_occs/{op_id}/retry"),
            None,
            Some("2.0.0"),
        )
        .await;
        assert_eq!(again.0, StatusCode::CONFLICT);
        let shown = openstack(&app, &["vnflcm", "op", "show", op_id, "-f", "json"])
            .await
            .unwrap();
        assert_eq!(shown["Operation State"], end);
        // The instance is free again: it is deleted.
        openstack(&app, &["vnflcm", "delete", &id]).await.unwrap();
    }
}

#[tokio::test]
async fn the_version_header_is_required_and_named_in_every_answer() {
    let app = TestApp::start().await;
    let path = format!("{LCM}/vnf_instances");
    let (status, headers, problem) = lcm(&app, Method::GET, &path, None, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert!(problem["detail"].as_str().unwrap().contains("Version"));
    assert_eq!(headers["version"], "2.0.0");
    let (status, _, _) = lcm(&app, Method::GET, &path, None, Some("1.3.0")).await;
    assert_eq!(status, StatusCode::NOT_ACCEPTABLE);
    let (status, headers, body) = lcm(&app, Method::GET, &path, None, Some("2.0.0")).await;
    assert_eq!((status, body), (StatusCode::OK, json!([])));
    assert_eq!(headers["version"], "2.0.0");
    // The API versions need no Version.
    let (status, _, versions) = lcm(
        &app,
        Method::GET,
        &format!("{LCM}/api_versions"),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(versions["apiVersions"][0]["version"], "2.0.0");
    // A vnfdId no package has: 422.
    let (status, _, _) = lcm(
        &app,
        Method::POST,
        &path,
        Some(json!({"vnfdId": "nope"})),
        Some("2.0.0"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_instantiate_in_flight_completes_after_a_gateway_restart() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::start().await;
    let vnfd_id = "b1bb0ce7-ebca-4fa7-95ed-4840d7000012";
    onboard(
        &app,
        dir.path(),
        &csar(vnfd_id, "test-chart-0.1.0.tgz", &chart()),
    )
    .await;
    let dm = first_manager(&app).await;
    let id = create(&app, vnfd_id).await;
    let location = start(&app, &id, "instantiate", instantiate_request(&dm)).await;
    // Stopped at once: the operation is STARTING or PROCESSING, its pods not yet ready.
    let data = app.stop().await;
    let app = TestApp::start_in(data, |_| {}).await;
    let op = settled(&app, &id).await;
    assert_eq!(
        format!("{LCM}/vnf_lcm_op_occs/{}", op["id"].as_str().unwrap()),
        location
    );
    assert_eq!(op["operationState"], "COMPLETED", "{op}");
    let shown = show(&app, &id).await;
    assert_eq!(
        (vnfcs(&shown, "VDU1").len(), vnfcs(&shown, "VDU2").len()),
        (1, 1)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn grpc_drives_the_same_lifecycle() {
    use netweave::proto::vnflcm::v2 as pb;
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::start().await;
    let vnfd_id = "b1bb0ce7-ebca-4fa7-95ed-4840d7000015";
    onboard(
        &app,
        dir.path(),
        &csar(vnfd_id, "test-chart-0.1.0.tgz", &chart()),
    )
    .await;
    let dm = first_manager(&app).await;
    let mut grpc = pb::vnf_lcm_service_client::VnfLcmServiceClient::new(app.channel().await);
    let made = grpc
        .create_vnf_instance(pb::CreateVnfInstanceRequest {
            vnfd_id: vnfd_id.into(),
            vnf_instance_name: "by-grpc".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .vnf_instance
        .unwrap();
    assert_eq!(made.instantiation_state, "NOT_INSTANTIATED");
    let request = instantiate_request(&dm);
    let to_struct = |v: &Value| netweave::grpc::to_struct(v.as_object().unwrap());
    let op = grpc
        .instantiate_vnf(pb::InstantiateVnfRequest {
            vnf_instance_id: made.id.clone(),
            flavour_id: "simple".into(),
            vim_connection_info: Some(to_struct(&request["vimConnectionInfo"])),
            additional_params: Some(to_struct(&request["additionalParams"])),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
        .vnf_lcm_op_occ_id;
    let mut state = String::new();
    for _ in 0..100 {
        let got = grpc
            .get_vnf_lcm_op_occ(pb::GetVnfLcmOpOccRequest {
                vnf_lcm_op_occ_id: op.clone(),
            })
            .await
            .unwrap()
            .into_inner()
            .vnf_lcm_op_occ
            .unwrap();
        state = got.operation_state;
        if state != "STARTING" && state != "PROCESSING" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(state, "COMPLETED");
    // The same instance over REST, and a wrong-state operation is FAILED_PRECONDITION.
    assert_eq!(
        show(&app, &made.id).await["instantiationState"],
        "INSTANTIATED"
    );
    let again = grpc
        .delete_vnf_instance(pb::DeleteVnfInstanceRequest {
            vnf_instance_id: made.id.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(again.code(), tonic::Code::FailedPrecondition);
}
