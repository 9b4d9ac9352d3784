//! VNF package management (`/vnfpkgm/v1`) driven by the SMO's own client of Tacker,
//! python-tackerclient through `openstack vnf package …` (no Keystone: `--os-auth-type none`,
//! so it sends `X-Auth-Token: notused`), and over REST for what the CLI does not show: a CSAR
//! that does not read is refused naming the file and stores nothing; state rules answer 409;
//! the content and the VNFD come back as uploaded; a restart keeps everything; gRPC agrees.

use std::{io::Write as _, path::Path};

use netweave::proto::vnfpkgm::v1 as pb;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::harness::TestApp;

const PACKAGES: &str = "/vnfpkgm/v1/vnf_packages";

/// A CSAR of a two-VDU CNF (`VDU1` fixed, `VDU2` scaled by `vdu2_aspect`) with `chart` as
/// `Files/kubernetes/<chart_name>`, listed in TOSCA.meta with its SHA-256.
pub fn csar(vnfd_id: &str, chart_name: &str, chart: &[u8]) -> Vec<u8> {
    let hash: String = Sha256::digest(chart)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let meta = format!(
        "TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-by: netweave tests\nEntry-Definitions: Definitions/cnf_top.vnfd.yaml\n\nName: Files/kubernetes/{chart_name}\nContent-Type: application/tar+gzip\nAlgorithm: SHA-256\nHash: {hash}\n"
    );
    let top = format!(
        "tosca_definitions_version: tosca_simple_yaml_1_2\ndescription: test CNF\nimports:\n  - etsi_nfv_sol001_common_types.yaml\n  - etsi_nfv_sol001_vnfd_types.yaml\n  - cnf_df_simple.yaml\ntopology_template:\n  node_templates:\n    VNF:\n      type: example.cnf.VNF\n      properties:\n        descriptor_id: {vnfd_id}\n        provider: netweave\n        product_name: Test CNF\n        software_version: '1.0'\n        descriptor_version: '1.0'\n        vnfm_info: [netweave]\n"
    );
    let df = "tosca_definitions_version: tosca_simple_yaml_1_2
topology_template:
  substitution_mappings:
    node_type: example.cnf.VNF
    properties: {flavour_id: simple}
  node_templates:
    VNF:
      type: example.cnf.VNF
      properties: {flavour_description: A simple flavour}
    VDU1:
      type: tosca.nodes.nfv.Vdu.Compute
      properties:
        name: vdu1
        vdu_profile: {min_number_of_instances: 1, max_number_of_instances: 3}
    VDU2:
      type: tosca.nodes.nfv.Vdu.Compute
      properties:
        name: vdu2
        vdu_profile: {min_number_of_instances: 1, max_number_of_instances: 3}
  policies:
    - scaling_aspects:
        type: tosca.policies.nfv.ScalingAspects
        properties:
          aspects:
            vdu2_aspect: {name: vdu2_aspect, max_scale_level: 2, step_deltas: [delta_1]}
    - VDU2_scaling_aspect_deltas:
        type: tosca.policies.nfv.VduScalingAspectDeltas
        properties: {aspect: vdu2_aspect, deltas: {delta_1: {number_of_instances: 1}}}
        targets: [VDU2]
";
    let files: Vec<(String, Vec<u8>)> = vec![
        ("TOSCA-Metadata/TOSCA.meta".into(), meta.into_bytes()),
        ("Definitions/cnf_top.vnfd.yaml".into(), top.into_bytes()),
        (
            "Definitions/cnf_df_simple.yaml".into(),
            df.as_bytes().to_vec(),
        ),
        (format!("Files/kubernetes/{chart_name}"), chart.to_vec()),
    ];
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// `openstack … <args>` against `app` with python-tackerclient, as an SMO without Keystone
/// runs it; its JSON output (`-f json`), or what it printed. `vnf package` commands are
/// Tacker API v1 (the client has them only there, as Tacker's local onboarding serves them);
/// `vnflcm` ones are run as v2 (SOL003 v3.3.1).
pub async fn openstack(app: &TestApp, args: &[&str]) -> Result<Value, String> {
    let version = if args.first() == Some(&"vnflcm") {
        "2"
    } else {
        "1"
    };
    let root = env!("CARGO_MANIFEST_DIR");
    let tools = format!("{root}/.tools/tacker");
    let out = tokio::process::Command::new("python3")
        .arg(format!("{tools}/bin/openstack"))
        .args(["--os-auth-type", "none", "--os-endpoint"])
        .arg(app.url(""))
        .args(["--os-tacker-api-version", version])
        .args(args)
        .env("PYTHONPATH", &tools)
        .env("HOME", std::env::temp_dir())
        .output()
        .await
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        return Err(format!(
            "openstack {args:?} failed: {}{stdout}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(serde_json::from_str(stdout.trim()).unwrap_or(Value::String(stdout)))
}

/// Onboards `bytes` as a new package through the CLI; its id.
pub async fn onboard(app: &TestApp, dir: &Path, bytes: &[u8]) -> String {
    let made = openstack(app, &["vnf", "package", "create", "-f", "json"])
        .await
        .unwrap();
    let id = made["ID"].as_str().unwrap().to_owned();
    let path = dir.join(format!("{id}.zip"));
    std::fs::write(&path, bytes).unwrap();
    let said = openstack(
        app,
        &[
            "vnf",
            "package",
            "upload",
            "--path",
            path.to_str().unwrap(),
            &id,
        ],
    )
    .await
    .unwrap();
    assert!(said.to_string().contains("has been accepted"), "{said}");
    id
}

async fn put_content(app: &TestApp, id: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    let path = format!("{PACKAGES}/{id}/package_content");
    let response = reqwest::Client::new()
        .put(app.url(&path))
        .header("content-type", "application/zip")
        .body(bytes)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    crate::spec::check(&Method::PUT, &path, status.as_u16(), &headers, &body);
    (status, body)
}

#[tokio::test(flavor = "multi_thread")]
async fn tackerclient_creates_uploads_shows_lists_updates_and_deletes_a_package() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::start().await;
    let vnfd_id = "b1bb0ce7-ebca-4fa7-95ed-4840d7000001";
    let bytes = csar(vnfd_id, "test-chart-0.1.0.tgz", b"a chart archive");

    let made = openstack(
        &app,
        &[
            "vnf",
            "package",
            "create",
            "--user-data",
            "owner=smo-1",
            "-f",
            "json",
        ],
    )
    .await
    .unwrap();
    assert_eq!(made["Onboarding State"], "CREATED", "{made}");
    assert_eq!(made["Operational State"], "DISABLED");
    assert_eq!(made["Usage State"], "NOT_IN_USE");
    let id = made["ID"].as_str().unwrap().to_owned();
    let created = app.get_ok(&format!("{PACKAGES}/{id}")).await;
    assert_eq!(created["userDefinedData"]["owner"], "smo-1");
    assert!(created.get("vnfdId").is_none(), "{created}");

    // A CSAR that does not read: refused naming the file, nothing stored.
    let mut broken = csar(vnfd_id, "test-chart-0.1.0.tgz", b"a chart archive");
    let tampered = csar(vnfd_id, "test-chart-0.1.0.tgz", b"another chart");
    // The TOSCA.meta of one with the chart of the other: the checksum disagrees.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(tampered)).unwrap();
    let mut chart = Vec::new();
    std::io::Read::read_to_end(
        &mut archive
            .by_name("Files/kubernetes/test-chart-0.1.0.tgz")
            .unwrap(),
        &mut chart,
    )
    .unwrap();
    broken = replace_file(&broken, "Files/kubernetes/test-chart-0.1.0.tgz", &chart);
    let (status, problem) = put_content(&app, &id, broken).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("Files/kubernetes/test-chart-0.1.0.tgz") && detail.contains("SHA-256"),
        "{detail}"
    );
    let (status, problem) = put_content(&app, &id, b"not a zip".to_vec()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(problem["detail"].as_str().unwrap().contains("not a zip"));
    assert_eq!(
        app.get_ok(&format!("{PACKAGES}/{id}")).await["onboardingState"],
        "CREATED"
    );

    let path = dir.path().join("cnf.zip");
    std::fs::write(&path, &bytes).unwrap();
    let said = openstack(
        &app,
        &[
            "vnf",
            "package",
            "upload",
            "--path",
            path.to_str().unwrap(),
            &id,
        ],
    )
    .await
    .unwrap();
    assert!(said.to_string().contains("has been accepted"), "{said}");
    let shown = openstack(&app, &["vnf", "package", "show", &id, "-f", "json"])
        .await
        .unwrap();
    assert_eq!(shown["Onboarding State"], "ONBOARDED", "{shown}");
    assert_eq!(shown["Operational State"], "ENABLED");
    assert_eq!(shown["VNFD ID"], vnfd_id);
    assert_eq!(shown["VNF Provider"], "netweave");
    assert_eq!(shown["VNF Product Name"], "Test CNF");
    assert_eq!(shown["VNF Software Version"], "1.0");
    assert_eq!(shown["VNFD Version"], "1.0");
    // Uploaded once.
    let (status, _) = put_content(&app, &id, bytes.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT);

    let listed = openstack(&app, &["vnf", "package", "list", "-f", "json"])
        .await
        .unwrap();
    let row = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["Id"] == id.as_str());
    assert_eq!(row.unwrap()["Onboarding State"], "ONBOARDED", "{listed}");
    // SOL013 selectors: complex attributes only when asked for.
    let page = app.get_ok(PACKAGES).await;
    assert!(page[0].get("userDefinedData").is_none() && page[0]["vnfdId"] == vnfd_id);
    let page = app.get_ok(&format!("{PACKAGES}?all_fields")).await;
    assert_eq!(page[0]["checksum"]["algorithm"], "SHA-256");
    assert_eq!(
        page[0]["additionalArtifacts"][0]["artifactPath"],
        "Files/kubernetes/test-chart-0.1.0.tgz"
    );
    let filtered = app
        .get_ok(&format!("{PACKAGES}?filter=(eq,onboardingState,CREATED)"))
        .await;
    assert_eq!(filtered, json!([]));

    // The content and the VNFD come back.
    let http = reqwest::Client::new();
    let content = http
        .get(app.url(&format!("{PACKAGES}/{id}/package_content")))
        .send()
        .await
        .unwrap();
    assert_eq!(content.headers()["content-type"], "application/zip");
    assert_eq!(content.bytes().await.unwrap().to_vec(), bytes);
    let vnfd = http
        .get(app.url(&format!("{PACKAGES}/{id}/vnfd")))
        .header("accept", "application/zip")
        .send()
        .await
        .unwrap();
    let vnfd =
        zip::ZipArchive::new(std::io::Cursor::new(vnfd.bytes().await.unwrap().to_vec())).unwrap();
    let mut names: Vec<&str> = vnfd.file_names().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Definitions/cnf_df_simple.yaml",
            "Definitions/cnf_top.vnfd.yaml"
        ]
    );
    // Several YAML files are not one text; a media type neither text nor zip is 406.
    for (accept, want) in [
        ("text/plain", StatusCode::BAD_REQUEST),
        ("application/json", StatusCode::NOT_ACCEPTABLE),
    ] {
        let path = format!("{PACKAGES}/{id}/vnfd");
        let r = http
            .get(app.url(&path))
            .header("accept", accept)
            .send()
            .await
            .unwrap();
        let (status, headers) = (r.status(), r.headers().clone());
        let body: Value = r.json().await.unwrap();
        assert_eq!(status, want, "{accept}: {body}");
        crate::spec::check(&Method::GET, &path, status.as_u16(), &headers, &body);
    }

    // An enabled package is not deleted; disabled, it is.
    let refused = openstack(&app, &["vnf", "package", "delete", &id]).await;
    assert!(refused.unwrap_err().contains("cannot be deleted"));
    openstack(
        &app,
        &[
            "vnf",
            "package",
            "update",
            "--operational-state",
            "DISABLED",
            &id,
            "-f",
            "json",
        ],
    )
    .await
    .unwrap();
    let again = app
        .call(
            Method::PATCH,
            &format!("{PACKAGES}/{id}"),
            Some(json!({"operationalState": "DISABLED"})),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);

    // gRPC agrees with REST.
    let mut grpc =
        pb::vnf_package_service_client::VnfPackageServiceClient::new(app.channel().await);
    let found = grpc
        .get_vnf_package(pb::GetVnfPackageRequest {
            vnf_pkg_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner()
        .vnf_package
        .unwrap();
    assert_eq!(
        (found.vnfd_id.as_str(), found.operational_state.as_str()),
        (vnfd_id, "DISABLED")
    );

    openstack(&app, &["vnf", "package", "delete", &id])
        .await
        .unwrap();
    let gone = app
        .call(Method::GET, &format!("{PACKAGES}/{id}"), None)
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_onboarded_package_survives_a_restart_on_the_embedded_store_and_on_redis() {
    let redis = crate::harness::RedisServer::start();
    let prefix = crate::harness::unique_prefix();
    for on_redis in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let tweak = |c: &mut netweave::config::Config| {
            if on_redis {
                c.redis_url = Some(redis.url.clone());
                c.redis_prefix = prefix.clone();
            }
        };
        let bytes = csar("b1bb0ce7-ebca-4fa7-95ed-4840d7000002", "c.tgz", b"chart");
        let app = TestApp::start_with(tweak).await;
        let id = onboard(&app, dir.path(), &bytes).await;
        let data = app.stop().await;
        let app = TestApp::start_in(data, tweak).await;
        let found = app.get_ok(&format!("{PACKAGES}/{id}")).await;
        assert_eq!(found["onboardingState"], "ONBOARDED", "redis: {on_redis}");
        let content = reqwest::get(app.url(&format!("{PACKAGES}/{id}/package_content")))
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        assert_eq!(content.to_vec(), bytes, "redis: {on_redis}");
        // Deleted with its content.
        let disabled = app
            .call(
                Method::PATCH,
                &format!("{PACKAGES}/{id}"),
                Some(json!({"operationalState": "DISABLED"})),
            )
            .await;
        assert_eq!(disabled.status, StatusCode::OK);
        assert_eq!(
            app.call(Method::DELETE, &format!("{PACKAGES}/{id}"), None)
                .await
                .status,
            StatusCode::NO_CONTENT
        );
    }
}

/// `zip` with `name`'s bytes replaced.
fn replace_file(zip_bytes: &[u8], name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes.to_vec())).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let file_name = file.name().to_owned();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut content).unwrap();
        out.start_file(&file_name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(if file_name == name { bytes } else { &content })
            .unwrap();
    }
    out.finish().unwrap().into_inner()
}
