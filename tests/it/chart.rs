//! The Helm chart (`deploy/helm/netweave`), rendered by the real helm that `scripts/test.sh`
//! installs: for every CI values file the objects hold together (selectors, ports, the
//! disruption budget, pod security, least-privilege RBAC), the rendered configuration is one
//! netweave's own parser accepts and agrees with the objects, and `deploy/kubernetes/` is the
//! chart rendered with its defaults.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::Command,
};

use k8s_openapi::api::{apps::v1::Deployment, core::v1::PodSpec, core::v1::Service};
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The release name and namespace the manifests are rendered with.
const RELEASE: &str = "netweave";

/// The real helm `scripts/test.sh` installs.
pub fn helm() -> PathBuf {
    let helm = Path::new(ROOT).join(".tools/bin/helm");
    assert!(
        helm.exists(),
        "{} is missing: ./scripts/test.sh installs it (scripts/test-chart.sh)",
        helm.display()
    );
    helm
}

/// `helm template` of the chart with these values files (relative to the chart) and `--set`s.
pub fn render(values: &[&str], sets: &[&str]) -> String {
    let chart = Path::new(ROOT).join("deploy/helm/netweave");
    let home = Path::new(ROOT).join(".tools/helm-home");
    let mut command = Command::new(helm());
    command
        .args(["template", RELEASE])
        .arg(&chart)
        .args(["--namespace", RELEASE])
        .env("HELM_CACHE_HOME", &home)
        .env("HELM_CONFIG_HOME", &home)
        .env("HELM_DATA_HOME", &home);
    for v in values {
        command.arg("-f").arg(chart.join(v));
    }
    for s in sets {
        command.args(["--set", s]);
    }
    let out = command.output().expect("helm runs");
    assert!(
        out.status.success(),
        "helm template {values:?} {sets:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The rendered documents as JSON.
pub fn objects(text: &str) -> Vec<Value> {
    serde_yaml::Deserializer::from_str(text)
        .map(|doc| serde_yaml::with::singleton_map_recursive::deserialize::<Value, _>(doc).unwrap())
        .filter(|v| !v.is_null())
        .collect()
}

fn ci_values() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("deploy/helm/netweave/ci"))
        .unwrap()
        .map(|e| format!("ci/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|f| f.ends_with("-values.yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    files
}

fn of_kind<'a>(objects: &'a [Value], kind: &str) -> Vec<&'a Value> {
    objects.iter().filter(|o| o["kind"] == kind).collect()
}

fn labels(v: &Option<BTreeMap<String, String>>) -> BTreeMap<String, String> {
    v.clone().unwrap_or_default()
}

fn selects(selector: &BTreeMap<String, String>, labels: &BTreeMap<String, String>) -> bool {
    !selector.is_empty() && selector.iter().all(|(k, v)| labels.get(k) == Some(v))
}

fn container_ports(spec: &PodSpec) -> Vec<(String, i32)> {
    spec.containers
        .iter()
        .flat_map(|c| c.ports.iter().flatten())
        .map(|p| (p.name.clone().unwrap_or_default(), p.container_port))
        .collect()
}

/// What the pod of every Deployment must be: non-root, read-only root, nothing to escalate.
fn check_pod_security(name: &str, spec: &PodSpec) {
    let pod = spec.security_context.clone().unwrap_or_default();
    assert_eq!(pod.run_as_non_root, Some(true), "{name}: runAsNonRoot");
    assert_eq!(
        pod.seccomp_profile.map(|s| s.type_),
        Some("RuntimeDefault".to_owned()),
        "{name}: seccomp"
    );
    for c in &spec.containers {
        let image = c.image.clone().unwrap_or_default();
        assert!(
            !image.ends_with(":latest") && (image.contains('@') || image.contains(':')),
            "{name}: image '{image}' must be pinned"
        );
        let sc = c.security_context.clone().unwrap_or_default();
        assert_eq!(sc.read_only_root_filesystem, Some(true), "{name}");
        assert_eq!(sc.allow_privilege_escalation, Some(false), "{name}");
        let dropped = sc.capabilities.and_then(|c| c.drop).unwrap_or_default();
        assert_eq!(dropped, vec!["ALL".to_owned()], "{name}");
    }
}

/// The rendered config, parsed by netweave's own loader.
fn parse_config(objects: &[Value]) -> netweave::config::Config {
    let map = of_kind(objects, "ConfigMap")
        .into_iter()
        .find(|c| c["data"]["config.json"].is_string())
        .expect("the config ConfigMap");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    std::fs::write(&path, map["data"]["config.json"].as_str().unwrap()).unwrap();
    let args = netweave::config::ServeArgs {
        config: Some(path),
        ..Default::default()
    };
    netweave::config::Config::load(&args)
        .unwrap_or_else(|e| panic!("netweave refuses the chart's config: {e:#}"))
}

#[test]
fn every_ci_values_file_renders_objects_that_hold_together() {
    for values in ci_values() {
        let objects = objects(&render(&[&values], &[]));
        let config = parse_config(&objects);
        let deployments: Vec<Deployment> = of_kind(&objects, "Deployment")
            .into_iter()
            .map(|d| serde_json::from_value((*d).clone()).unwrap())
            .collect();
        let gateway = deployments
            .iter()
            .find(|d| d.metadata.name.as_deref() == Some(RELEASE))
            .unwrap_or_else(|| panic!("{values}: no gateway Deployment"));
        for d in &deployments {
            let name = d.metadata.name.clone().unwrap_or_default();
            let spec = d.spec.as_ref().unwrap();
            let template = spec.template.metadata.as_ref().unwrap();
            let pod_labels = labels(&template.labels);
            assert!(
                selects(&labels(&spec.selector.match_labels), &pod_labels),
                "{values}: {name}'s selector must match its pods"
            );
            let pod = spec.template.spec.as_ref().unwrap();
            check_pod_security(&format!("{values}: {name}"), pod);
            let args = pod.containers[0].args.clone().unwrap_or_default();
            let mounted = pod.containers[0]
                .volume_mounts
                .iter()
                .flatten()
                .any(|m| m.name == "config" && m.mount_path == "/etc/netweave/config.json");
            assert!(
                mounted
                    && args
                        .windows(2)
                        .any(|w| w == ["--config", "/etc/netweave/config.json"]),
                "{values}: {name} reads the mounted config: {args:?}"
            );
        }
        let gateway_spec = gateway.spec.as_ref().unwrap();
        let gateway_pod = gateway_spec.template.spec.as_ref().unwrap();
        let gateway_labels = labels(&gateway_spec.template.metadata.as_ref().unwrap().labels);
        let ports = container_ports(gateway_pod);
        assert_eq!(
            ports,
            vec![("http".to_owned(), i32::from(config.listen.port()))],
            "{values}: the container port is the one netweave listens on"
        );
        // The Service reaches the gateways on a port they have.
        let services: Vec<Service> = of_kind(&objects, "Service")
            .into_iter()
            .map(|s| serde_json::from_value((*s).clone()).unwrap())
            .collect();
        for s in &services {
            let spec = s.spec.as_ref().unwrap();
            assert!(
                selects(&labels(&spec.selector), &gateway_labels),
                "{values}: Service selector"
            );
            for p in spec.ports.iter().flatten() {
                let target = serde_json::to_value(&p.target_port).unwrap();
                assert!(
                    ports.iter().any(|(n, _)| json_eq(&target, n)),
                    "{values}: Service targetPort {target} is no container port"
                );
            }
        }
        for monitor in of_kind(&objects, "ServiceMonitor") {
            let selector: BTreeMap<String, String> =
                serde_json::from_value(monitor["spec"]["selector"]["matchLabels"].clone()).unwrap();
            let service = services
                .iter()
                .find(|s| selects(&selector, &labels(&s.metadata.labels)))
                .unwrap_or_else(|| panic!("{values}: the ServiceMonitor selects no Service"));
            for endpoint in monitor["spec"]["endpoints"].as_array().unwrap() {
                let port = endpoint["port"].as_str().unwrap();
                assert!(
                    service
                        .spec
                        .as_ref()
                        .unwrap()
                        .ports
                        .iter()
                        .flatten()
                        .any(|p| p.name.as_deref() == Some(port)),
                    "{values}: ServiceMonitor port {port}"
                );
            }
        }
        // A disruption budget exactly when there is more than one gateway to keep.
        let hpa = !of_kind(&objects, "HorizontalPodAutoscaler").is_empty();
        let several = gateway_spec.replicas.unwrap_or(1) > 1 || hpa;
        let pdbs = of_kind(&objects, "PodDisruptionBudget");
        assert_eq!(
            pdbs.len(),
            usize::from(several),
            "{values}: PDB iff replicas > 1"
        );
        for pdb in pdbs {
            let selector: BTreeMap<String, String> =
                serde_json::from_value(pdb["spec"]["selector"]["matchLabels"].clone()).unwrap();
            assert!(
                selects(&selector, &gateway_labels),
                "{values}: PDB selector"
            );
        }
        // Several gateways share their state in Redis; workers deliver only when deployed.
        let has_redis = gateway_pod.containers[0]
            .env
            .iter()
            .flatten()
            .any(|e| e.name == "NETWEAVE_REDIS_URL");
        assert!(
            !several || has_redis,
            "{values}: several gateways without Redis"
        );
        let workers = deployments.len() > 1;
        assert_eq!(config.webhooks.workers, !workers, "{values}: who delivers");
        assert_eq!(
            config.election.lease_namespace, RELEASE,
            "{values}: Lease namespace"
        );
        // RBAC: writes only with pool writes, and netweave told the same.
        for role in of_kind(&objects, "ClusterRole") {
            let verbs: Vec<&str> = role["rules"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|r| r["verbs"].as_array().unwrap())
                .map(|v| v.as_str().unwrap())
                .collect();
            let writes = verbs.iter().any(|v| !matches!(*v, "list" | "watch"));
            let kube: netweave::backend::kube::KubernetesConfig = config.section().unwrap();
            assert_eq!(writes, kube.pool_writes, "{values}: {verbs:?}");
        }
        // OpenStack: clouds.yaml is read from the Secret mounted where the config says.
        if config.backend == "openstack" {
            let os: netweave::backend::openstack::OpenStackConfig = config.section().unwrap();
            let dir = std::path::Path::new(&os.clouds_file).parent().unwrap();
            let mount = gateway_pod.containers[0]
                .volume_mounts
                .iter()
                .flatten()
                .find(|m| std::path::Path::new(&m.mount_path) == dir)
                .unwrap_or_else(|| panic!("{values}: nothing mounted at {}", dir.display()));
            let volume = gateway_pod
                .volumes
                .iter()
                .flatten()
                .find(|v| v.name == mount.name)
                .unwrap();
            assert!(
                volume
                    .secret
                    .as_ref()
                    .and_then(|s| s.secret_name.as_deref())
                    == Some("netweave-clouds"),
                "{values}: clouds.yaml comes from the operator's Secret"
            );
            assert!(!os.cloud.is_empty(), "{values}: a cloud is named");
        }
        // O2dms profile credentials: each kubeconfig is read from the Secret mounted there.
        for access in &config.dms.access {
            let mount = gateway_pod.containers[0]
                .volume_mounts
                .iter()
                .flatten()
                .find(|m| access.kubeconfig.starts_with(&m.mount_path))
                .unwrap_or_else(|| panic!("{values}: {:?} is not mounted", access.kubeconfig));
            let volume = gateway_pod
                .volumes
                .iter()
                .flatten()
                .find(|v| v.name == mount.name);
            assert!(
                volume.and_then(|v| v.secret.as_ref()).is_some() && mount.read_only == Some(true),
                "{values}: {:?} comes from a read-only Secret",
                access.kubeconfig
            );
        }
        // Secrets referenced by the pods: a rendered one holds the key (others are the
        // operator's `existingSecret`); the config carries no secret itself.
        let rendered_secrets = of_kind(&objects, "Secret");
        for d in &deployments {
            let pod = d.spec.as_ref().unwrap().template.spec.as_ref().unwrap();
            for env in pod.containers.iter().flat_map(|c| c.env.iter().flatten()) {
                let Some(reference) = env
                    .value_from
                    .as_ref()
                    .and_then(|v| v.secret_key_ref.as_ref())
                else {
                    continue;
                };
                if let Some(secret) = rendered_secrets
                    .iter()
                    .find(|s| s["metadata"]["name"] == reference.name)
                {
                    assert!(
                        secret["stringData"].get(&reference.key).is_some(),
                        "{values}: Secret {} lacks {}",
                        reference.name,
                        reference.key
                    );
                }
            }
        }
        assert!(
            config.webhooks.secret.is_empty() && config.webhooks.oauth.client_secret.is_empty(),
            "{values}: secrets come as environment, never in the ConfigMap"
        );
        // With a DMS plugin, its controllers' namespace may fetch charts (the API port).
        if let Some(plugin) = config
            .section::<netweave::backend::kube::KubernetesConfig>()
            .ok()
            .map(|k| k.dms_plugin)
            .filter(|p| !p.is_empty())
        {
            let namespace = if plugin == "flux" {
                "flux-system"
            } else {
                "argocd"
            };
            for policy in of_kind(&objects, "NetworkPolicy") {
                let admitted = policy["spec"]["ingress"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| {
                        r["from"].as_array().into_iter().flatten().any(|f| {
                            f["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
                                == namespace
                        })
                    });
                assert!(
                    admitted,
                    "{values}: the {plugin} controllers reach /dms/charts"
                );
            }
        }
        // NetworkPolicy ports are ports the pods have.
        let all_ports: Vec<String> = deployments
            .iter()
            .flat_map(|d| container_ports(d.spec.as_ref().unwrap().template.spec.as_ref().unwrap()))
            .map(|(n, _)| n)
            .collect();
        for policy in of_kind(&objects, "NetworkPolicy") {
            for rule in policy["spec"]["ingress"].as_array().unwrap() {
                for port in rule["ports"].as_array().unwrap() {
                    let name = port["port"].as_str().unwrap();
                    assert!(
                        all_ports.iter().any(|p| p == name),
                        "{values}: policy port {name}"
                    );
                }
            }
        }
    }
}

fn json_eq(target: &Value, name: &str) -> bool {
    target.as_str() == Some(name)
}

#[test]
fn the_committed_manifests_are_the_chart_rendered_with_its_defaults() {
    let committed =
        std::fs::read_to_string(Path::new(ROOT).join("deploy/kubernetes/netweave.yaml")).unwrap();
    let rendered = render(&[], &[]);
    assert!(
        committed.ends_with(&rendered),
        "deploy/kubernetes/netweave.yaml is not the default render: run scripts/render-manifests.sh"
    );
}

/// The image runs what the chart expects: its user, its port, its data directory, and the
/// `netweave health` probe.
#[test]
fn the_containerfile_agrees_with_the_chart() {
    let file = std::fs::read_to_string(Path::new(ROOT).join("Containerfile")).unwrap();
    let line = |word: &str| {
        file.lines()
            .rfind(|l| l.starts_with(word))
            .unwrap_or_else(|| panic!("Containerfile has no {word}"))
            .to_owned()
    };
    let objects = objects(&render(&[], &[]));
    let config = parse_config(&objects);
    let gateway: Deployment =
        serde_json::from_value(of_kind(&objects, "Deployment")[0].clone()).unwrap();
    let pod = gateway.spec.unwrap().template.spec.unwrap();
    let uid = pod.security_context.unwrap().run_as_user.unwrap();
    assert_eq!(line("USER "), format!("USER {uid}:{uid}"));
    assert!(line("EXPOSE ")
        .split_whitespace()
        .any(|p| p == config.listen.port().to_string()));
    assert!(line("CMD ").contains(&format!("\"{}\"", config.data_dir.display())));
    assert!(line("HEALTHCHECK ").contains("\"health\""));
    assert!(
        line("FROM docker.io/library/rust:").contains(
            &String::from_utf8(
                Command::new("rustc")
                    .arg("--version")
                    .output()
                    .unwrap()
                    .stdout
            )
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_owned()
        ),
        "the image builds with the toolchain the tests use"
    );
}

#[tokio::test]
async fn netweave_health_probes_a_gateway() {
    let app = crate::harness::TestApp::start().await;
    let health = |url: String| async move {
        tokio::process::Command::new(env!("CARGO_BIN_EXE_netweave"))
            .args(["health", &url, "--timeout", "2"])
            .output()
            .await
            .unwrap()
    };
    let up = health(app.url("/readyz")).await;
    assert!(
        up.status.success(),
        "{}",
        String::from_utf8_lossy(&up.stderr)
    );
    let missing = health(app.url("/nothing-here")).await;
    assert!(!missing.status.success());
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let closed = health(format!("http://{free}/readyz")).await;
    assert!(!closed.status.success());
}
