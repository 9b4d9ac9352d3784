//! The O2dms Kubernetes profile's SMO access credential (`[[dms.access]]`): handed out on a
//! deployment manager's GET — `/v2`, `/v1?profile=native_k8sapi` and gRPC — only to a caller
//! holding `deployment-managers:credentials` (`o2ims-deployer`); others, and every caller with
//! authentication off, get the endpoint and CA only; no audit record holds it.

use base64::Engine as _;
use netweave::{
    config::{ClientAuth, Config},
    dms::profile::SmoAccess,
    proto::o2ims::v1 as pb,
};
use reqwest::StatusCode;
use serde_json::Value;

use super::{
    audit::audit,
    gateway,
    idp::Idp,
    matrix::grpc_channel,
    support::Pki,
    tenancy::{token, Caller},
};
use crate::harness::TestApp;

const V2: &str = "/o2ims-infrastructureInventory/v2/deploymentManagers";
const V1: &str = "/o2ims-infrastructureInventory/v1/deploymentManagers";
const KEY: &str = "-----BEGIN PRIVATE KEY-----\nSMO-ONLY-KEY\n-----END PRIVATE KEY-----\n";

/// A kubeconfig for the SMO's own user of the cluster `endpoint`.
fn kubeconfig(dir: &std::path::Path, endpoint: &str) -> std::path::PathBuf {
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let text = format!(
        "apiVersion: v1\nkind: Config\ncurrent-context: smo\nclusters:\n- name: edge\n  cluster:\n    server: {endpoint}\n    certificate-authority-data: {}\nusers:\n- name: smo-deployer\n  user:\n    client-certificate-data: {}\n    client-key-data: {}\ncontexts:\n- name: smo\n  context: {{cluster: edge, user: smo-deployer}}\n",
        b64("CLUSTER-CA"),
        b64("SMO-CERT"),
        b64(KEY),
    );
    let path = dir.join("smo.kubeconfig");
    std::fs::write(&path, text).unwrap();
    path
}

fn profile_data(body: &Value) -> &Value {
    &body["extensions"]["profileData"]
}

#[tokio::test(flavor = "multi_thread")]
async fn only_a_deployer_receives_the_smo_credential_on_every_surface() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let dir = tempfile::tempdir().unwrap();
    // The managers are the simulator's; the first one's name is known before start.
    let probe = TestApp::start().await;
    let managers = probe.get_ok(V2).await;
    let dm = managers[0].clone();
    let (id, name) = (
        dm["deploymentManagerId"].as_str().unwrap().to_owned(),
        dm["name"].as_str().unwrap().to_owned(),
    );
    let endpoint = dm["serviceUri"].as_str().unwrap().to_owned();
    assert_eq!(dm["extensions"]["profileName"], "k8s");
    assert_eq!(profile_data(&dm)["cluster_api_endpoint"], endpoint.as_str());
    drop(probe);

    let path = kubeconfig(dir.path(), &endpoint);
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c: &mut Config| {
        c.dms.access = vec![SmoAccess {
            deployment_manager: name.clone(),
            kubeconfig: path.clone(),
        }];
    })
    .await;
    let deployer_token = token(&idp, "smo-deployer", &["o2ims-deployer"], None);
    let deployer = Caller::new(&pki, Some(&deployer_token));
    let admin = Caller::of(&pki, &idp, "ops", &["o2ims-admin"], None);

    let (status, body) = deployer.get(&app, &format!("{V2}/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let data = profile_data(&body);
    assert_eq!(body["extensions"]["profileName"], "k8s");
    assert_eq!(data["admin_user"], "smo-deployer");
    assert_eq!(data["admin_client_cert"], "SMO-CERT");
    assert_eq!(data["admin_client_key"], KEY);
    assert_eq!(data["cluster_ca_cert"], "CLUSTER-CA");
    assert_eq!(data["cluster_api_endpoint"], endpoint.as_str());

    let (status, body) = deployer
        .get(&app, &format!("{V1}/{id}?profile=native_k8sapi"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["extensions"]["profileName"], "native_k8sapi");
    assert_eq!(profile_data(&body)["admin_client_key"], KEY);

    // Lists never carry it, nor a GET by a caller without the capability.
    let (_, list) = deployer.get(&app, V2).await;
    assert!(!list.to_string().contains("SMO-ONLY-KEY"));
    let (status, body) = admin.get(&app, &format!("{V2}/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        profile_data(&body)["cluster_api_endpoint"],
        endpoint.as_str()
    );
    assert!(
        profile_data(&body).get("admin_client_key").is_none(),
        "{body}"
    );
    assert!(profile_data(&body).get("admin_user").is_none(), "{body}");
    let (_, body) = admin.get(&app, &format!("{V1}/{id}")).await;
    assert!(!body.to_string().contains("SMO-ONLY-KEY"), "{body}");

    // gRPC, the same rule.
    let channel = grpc_channel(&pki, app.addr).await;
    let get = |t: String| {
        let channel = channel.clone();
        let id = id.clone();
        async move {
            let mut client = pb::inventory_service_client::InventoryServiceClient::new(channel);
            let mut request = tonic::Request::new(pb::GetDeploymentManagerRequest {
                deployment_manager_id: id,
            });
            request
                .metadata_mut()
                .insert("authorization", format!("Bearer {t}").parse().unwrap());
            let found = client.get_deployment_manager(request).await.unwrap();
            format!(
                "{:?}",
                found.into_inner().deployment_manager.unwrap().extensions
            )
        }
    };
    assert!(get(deployer_token.clone()).await.contains("SMO-ONLY-KEY"));
    let admin_token = token(&idp, "ops", &["o2ims-admin"], None);
    let seen = get(admin_token).await;
    assert!(!seen.contains("SMO-ONLY-KEY") && seen.contains("cluster_api_endpoint"));

    // A rotated Secret is served at once.
    std::fs::write(
        &path,
        std::fs::read_to_string(&path)
            .unwrap()
            .replace("smo-deployer", "smo-rotated"),
    )
    .unwrap();
    let (_, body) = deployer.get(&app, &format!("{V2}/{id}")).await;
    assert_eq!(profile_data(&body)["admin_user"], "smo-rotated");

    // The audit trail names the calls, never the credential.
    let auditor = Caller::of(&pki, &idp, "audit-1", &["auditor"], None);
    let records = audit(&app, &auditor, "?subject=smo-deployer", 3).await;
    assert!(!serde_json::to_string(&records)
        .unwrap()
        .contains("SMO-ONLY-KEY"));
}

#[tokio::test]
async fn with_authentication_off_no_credential_is_handed_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = kubeconfig(dir.path(), "https://api.example:6443");
    let probe = TestApp::start().await;
    let managers = probe.get_ok(V2).await;
    let name = managers[0]["name"].as_str().unwrap().to_owned();
    let id = managers[0]["deploymentManagerId"]
        .as_str()
        .unwrap()
        .to_owned();
    drop(probe);
    let app = TestApp::start_with(|c| {
        c.dms.access = vec![SmoAccess {
            deployment_manager: name,
            kubeconfig: path,
        }];
    })
    .await;
    let body = app.get_ok(&format!("{V2}/{id}")).await;
    assert!(
        profile_data(&body).get("admin_client_key").is_none(),
        "{body}"
    );
    assert!(profile_data(&body)["cluster_api_endpoint"].is_string());
}

#[tokio::test]
async fn a_credential_that_does_not_read_stops_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config {
        data_dir: dir.path().join("data"),
        listen: "127.0.0.1:0".parse().unwrap(),
        ..Config::default()
    };
    config.dms.access = vec![SmoAccess {
        deployment_manager: "edge".into(),
        kubeconfig: dir.path().join("absent.kubeconfig"),
    }];
    let listeners = netweave::app::Listeners::bind(&config).await.unwrap();
    let stop = tokio_util::sync::CancellationToken::new();
    let started = netweave::app::run(config, listeners, stop).await;
    let error = format!("{:#}", started.expect_err("start-up refused"));
    assert!(error.contains("dms.access for 'edge'"), "{error}");
}
