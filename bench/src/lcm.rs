//! VNF lifecycle figures: the time from an instantiate to COMPLETED for `concurrent`
//! instances instantiated at once (each occurrence polled) — on the simulator's DMS plugin
//! (its pods ready 150 ms after they start), and on the Kubernetes backend's Flux plugin
//! against the fake API server with the Flux stand-in (which fetches the chart from
//! netweave's chart repository, renders it, and starts the pods, ready a tick of 50 ms
//! later) — and the latency of the occurrence list once `listed` occurrences are stored
//! (MODIFY_INFO ones, made by PATCH).

use std::{
    io::Write as _,
    time::{Duration, Instant},
};

use netweave_testkit::fake_apiserver::fixtures;
use serde_json::{json, Value};

use crate::{finish, start_with};

const LCM: &str = "/vnflcm/v2";
const PACKAGES: &str = "/vnfpkgm/v1/vnf_packages";
const VNFD_ID: &str = "b1bb0ce7-ebca-4fa7-95ed-4840d70bench";

/// A Helm chart archive of one Deployment per VDU.
fn chart() -> Vec<u8> {
    let vdu1 = fixtures::vnf_deployment("vdu1", "replicas");
    fixtures::chart_archive(&[
        (
            "bench/Chart.yaml",
            "apiVersion: v2\nname: bench\nversion: 0.1.0\n",
        ),
        ("bench/values.yaml", "replicas: 1\n"),
        ("bench/templates/vdu1.yaml", &vdu1),
    ])
}

/// A CSAR of a one-VDU CNF with the chart.
fn csar() -> anyhow::Result<Vec<u8>> {
    let top = format!("tosca_definitions_version: tosca_simple_yaml_1_2\ntopology_template:\n  substitution_mappings:\n    properties: {{flavour_id: simple}}\n  node_templates:\n    VNF:\n      type: bench.VNF\n      properties: {{descriptor_id: {VNFD_ID}, provider: bench, product_name: bench, software_version: '1.0', descriptor_version: '1.0', flavour_id: simple}}\n    VDU1:\n      type: tosca.nodes.nfv.Vdu.Compute\n      properties: {{name: vdu1, vdu_profile: {{min_number_of_instances: 1, max_number_of_instances: 1}}}}\n");
    let meta = "TOSCA-Meta-File-Version: 1.0\nEntry-Definitions: Definitions/top.yaml\n";
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in [
        ("TOSCA-Metadata/TOSCA.meta", meta.as_bytes().to_vec()),
        ("Definitions/top.yaml", top.into_bytes()),
        ("Files/bench.tgz", chart()),
    ] {
        out.start_file(name, zip::write::SimpleFileOptions::default())?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

async fn call(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    body: Option<Value>,
) -> anyhow::Result<(u16, Value, Option<String>)> {
    let mut r = client.request(method, url).header("Version", "2.0.0");
    if let Some(b) = body {
        r = r.json(&b);
    }
    let response = r.send().await?;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let text = response.text().await?;
    Ok((
        status,
        serde_json::from_str(&text).unwrap_or(Value::Null),
        location,
    ))
}

/// Creates an instance, instantiates it and polls its occurrence until COMPLETED; the time
/// from the instantiate to COMPLETED, and the instance id.
async fn instantiate(
    client: &reqwest::Client,
    base: &str,
    dm: &str,
) -> anyhow::Result<(Duration, String)> {
    let (status, made, _) = call(
        client,
        reqwest::Method::POST,
        format!("{base}{LCM}/vnf_instances"),
        Some(json!({"vnfdId": VNFD_ID})),
    )
    .await?;
    anyhow::ensure!(status == 201, "create: {status} {made}");
    let id = made["id"].as_str().unwrap_or_default().to_owned();
    let request = json!({
        "flavourId": "simple",
        "vimConnectionInfo": {"vim1": {"vimId": dm, "vimType": "ETSINFV.HELM.V_3"}},
        "additionalParams": {"helm_chart_path": "Files/bench.tgz", "helm_value_names": {"VDU1": {"replica": "replicas"}}},
    });
    let started = Instant::now();
    let (status, _, location) = call(
        client,
        reqwest::Method::POST,
        format!("{base}{LCM}/vnf_instances/{id}/instantiate"),
        Some(request),
    )
    .await?;
    anyhow::ensure!(status == 202, "instantiate: {status}");
    let op = location.unwrap_or_default();
    loop {
        let (_, got, _) = call(client, reqwest::Method::GET, format!("{base}{op}"), None).await?;
        match got["operationState"].as_str() {
            Some("COMPLETED") => return Ok((started.elapsed(), id)),
            Some("STARTING" | "PROCESSING") => tokio::time::sleep(Duration::from_millis(5)).await,
            other => anyhow::bail!("instantiate ended {other:?}: {}", got["error"]),
        }
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(120),
            "not completed in 120 s"
        );
    }
}

/// Where the instances are deployed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dms {
    Simulator,
    Flux,
    /// The real helm CLI (`.tools/bin/helm`, `scripts/install-helm.sh`).
    Helm,
}

pub async fn run(dms: Dms, concurrent: usize, listed: usize) -> anyhow::Result<()> {
    use netweave_testkit::fake_apiserver::{FakeApiServer, DMS_CLUSTER, NODES};
    let dir = tempfile::tempdir()?;
    let mut env = vec![("NETWEAVE_DMS__POLL_SECONDS", "0.05".to_owned())];
    let (flags, _cluster, what): (Vec<String>, _, &str) = match dms {
        Dms::Simulator => (
            ["--sim-pools", "2", "--sim-resources", "200"]
                .map(str::to_owned)
                .into(),
            None,
            "simulator DMS plugin, pods ready after 150 ms",
        ),
        Dms::Flux | Dms::Helm => {
            let fake = FakeApiServer::start(&DMS_CLUSTER).await?;
            fake.apply(NODES, fixtures::node("n1", "workers", "du-server"));
            let controllers = fake.start_controllers();
            let kubeconfig = dir.path().join("kubeconfig");
            std::fs::write(&kubeconfig, fake.kubeconfig())?;
            let what = if dms == Dms::Flux {
                env.push(("NETWEAVE_KUBERNETES__DMS_PLUGIN", "flux".to_owned()));
                env.push((
                    "NETWEAVE_KUBERNETES__CHART_REPOSITORY_URL",
                    "http://{addr}/dms/charts".to_owned(),
                ));
                "Kubernetes Flux plugin, fake API server and Flux stand-in reconciling every 50 ms"
            } else {
                let helm = std::fs::canonicalize(".tools/bin/helm").map_err(|e| {
                    anyhow::anyhow!(".tools/bin/helm ({e}): run scripts/install-helm.sh")
                })?;
                env.push(("NETWEAVE_KUBERNETES__DMS_PLUGIN", "helm".to_owned()));
                env.push((
                    "NETWEAVE_KUBERNETES__HELM_BINARY",
                    helm.display().to_string(),
                ));
                "Kubernetes helm plugin, the real helm v4 against the fake API server, pods ready a 50 ms tick later"
            };
            (
                vec![
                    "--backend".to_owned(),
                    "kubernetes".to_owned(),
                    "--kubeconfig".to_owned(),
                    kubeconfig.display().to_string(),
                ],
                Some((fake, controllers)),
                what,
            )
        }
    };
    let server = start_with(&flags, &env).await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()?;
    let base = format!("http://{}", server.addr);
    let (_, made, _) = call(
        &client,
        reqwest::Method::POST,
        format!("{base}{PACKAGES}"),
        Some(json!({})),
    )
    .await?;
    let package = made["id"].as_str().unwrap_or_default().to_owned();
    let r = client
        .put(format!("{base}{PACKAGES}/{package}/package_content"))
        .header("content-type", "application/zip")
        .body(csar()?)
        .send()
        .await?;
    anyhow::ensure!(r.status().as_u16() == 202, "upload: {}", r.status());
    let managers: Value = client
        .get(format!(
            "{base}/o2ims-infrastructureInventory/v2/deploymentManagers"
        ))
        .send()
        .await?
        .json()
        .await?;
    let dm = managers[0]["deploymentManagerId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    // Instantiate → COMPLETED, `concurrent` instances at once.
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..concurrent {
        let (client, base, dm) = (client.clone(), base.clone(), dm.clone());
        tasks.spawn(async move { instantiate(&client, &base, &dm).await });
    }
    let (mut latencies, mut errors, mut instances) = (Vec::new(), 0, Vec::new());
    while let Some(done) = tasks.join_next().await {
        match done? {
            Ok((t, id)) => {
                latencies.push(t);
                instances.push(id);
            }
            Err(e) => {
                errors += 1;
                eprintln!("lcm: {e:#}");
            }
        }
    }
    let wall = started.elapsed();
    let stats = finish(latencies, errors, wall);
    println!(
        "lcm: {concurrent} concurrent instantiates ({what}): instantiate → COMPLETED p50 {:.0} ms, p99 {:.0} ms, all completed in {:.2} s, {} errors",
        stats.percentile(0.5),
        stats.percentile(0.99),
        wall.as_secs_f64(),
        stats.errors()
    );

    if listed == 0 {
        return Ok(());
    }
    // The occurrence list with `listed` occurrences stored (MODIFY_INFO: each instance
    // patched in turn, the instances at once).
    let made = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let each = listed.saturating_sub(concurrent) / instances.len().max(1);
    for id in instances.clone() {
        let (client, url) = (client.clone(), format!("{base}{LCM}/vnf_instances/{id}"));
        tasks.spawn(async move {
            let mut errors = 0;
            for n in 0..each {
                let body = json!({"metadata": {"n": n}});
                let done = call(&client, reqwest::Method::PATCH, url.clone(), Some(body)).await;
                if !matches!(done, Ok((202, _, _))) {
                    errors += 1;
                }
            }
            errors
        });
    }
    let mut errors = 0;
    while let Some(done) = tasks.join_next().await {
        errors += done.unwrap_or(1);
    }
    let stored = made.elapsed();
    let mut latencies = Vec::new();
    let started = Instant::now();
    for _ in 0..50 {
        let t = Instant::now();
        let (status, page, _) = call(
            &client,
            reqwest::Method::GET,
            format!("{base}{LCM}/vnf_lcm_op_occs"),
            None,
        )
        .await?;
        anyhow::ensure!(
            status == 200 && page.as_array().is_some_and(|p| !p.is_empty()),
            "list: {status}"
        );
        latencies.push(t.elapsed());
    }
    let stats = finish(latencies, 0, started.elapsed());
    println!(
        "lcm: occurrence list (first page of 100) with {listed} occurrences stored (made in {:.1} s, {errors} errors): p50 {:.1} ms, p99 {:.1} ms",
        stored.as_secs_f64(),
        stats.percentile(0.5),
        stats.percentile(0.99)
    );
    Ok(())
}
