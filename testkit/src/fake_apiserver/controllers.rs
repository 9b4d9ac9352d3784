//! Stand-ins for the GitOps controllers netweave's Kubernetes DMS plugins drive, reconciling
//! the fake API server's custom resources as the real controllers do, as far as the plugins
//! can see:
//!
//! - **Flux** (source-controller + helm-controller): a `HelmRelease` names a chart and version
//!   in a `HelmRepository`; the chart is fetched over HTTP from the repository's `index.yaml`
//!   (netweave's chart repository), rendered with the chart's `values.yaml` under the
//!   release's `values`, and its Deployments and StatefulSets are applied (and get pods, below);
//!   `status.conditions[Ready]` and `status.observedGeneration` report the result (`True` once
//!   every pod is ready; `False`, `InstallFailed`/`UpgradeFailed`, when the chart does not
//!   render; `ArtifactFailed` when it cannot be fetched).
//! - **Argo CD** (application-controller + repo-server): an `Application`'s `spec.source`
//!   (`repoURL`, `chart`, `targetRevision`, `helm.releaseName`, `helm.valuesObject`) likewise;
//!   `status.sync` (with `comparedTo.source`), `status.health` and `status.operationState`
//!   report it.
//! - **kube-controller-manager** (the Deployment and StatefulSet controllers and the garbage
//!   collector), for whatever wrote the workloads — these stand-ins or the real `helm` CLI:
//!   each keeps `replicas` pods labelled by its `spec.template` (a deleted pod is replaced by
//!   a new one with a new name and uid; pods start unready and are ready a tick later), pods
//!   of a changed template are replaced, and a deleted workload's pods go with it, as do the
//!   workloads of a deleted `HelmRelease` or `Application`.
//!
//! Rendering understands `{{ .Values.x.y }}` and `{{ .Release.Name }}` — what Tacker's sample
//! charts use — and fails the release on any other expression.

use std::{
    collections::HashMap,
    hash::{Hash, Hasher},
    io::Read as _,
    sync::Arc,
    time::Duration,
};

use serde_json::{json, Value};

use super::{
    Cluster, ResourceKind, ARGO_APPLICATIONS, DEPLOYMENTS, HELM_RELEASES, HELM_REPOSITORIES, PODS,
    STATEFUL_SETS,
};

const OWNER: &str = "controllers.netweave.test/owner";
const WORKLOAD: &str = "controllers.netweave.test/workload";
const TEMPLATE: &str = "controllers.netweave.test/template";

/// The running stand-ins; stopped when dropped.
pub struct Controllers {
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Controllers {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub(super) fn start(cluster: Arc<Cluster>) -> Controllers {
    let task = tokio::spawn(async move {
        let http = reqwest::Client::new();
        let mut charts: HashMap<String, Vec<u8>> = HashMap::new();
        loop {
            reconcile(&cluster, &http, &mut charts).await;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
    Controllers { task }
}

/// One workload a chart renders: its kind and object.
#[derive(Clone, Debug)]
struct Workload {
    kind: ResourceKind,
    object: Value,
}

fn all(cluster: &Cluster, kind: ResourceKind) -> Vec<Value> {
    let items = cluster
        .list(kind, None, None, None, None)
        .map(|(_, items, _)| items)
        .unwrap_or_default();
    cluster
        .lists
        .fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    items
}

fn text<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

async fn reconcile(
    cluster: &Cluster,
    http: &reqwest::Client,
    charts: &mut HashMap<String, Vec<u8>>,
) {
    let mut owners = Vec::new();
    for hr in all(cluster, HELM_RELEASES) {
        let owner = format!(
            "flux.{}.{}",
            text(&hr, "/metadata/namespace"),
            text(&hr, "/metadata/name")
        );
        owners.push(owner.clone());
        flux(cluster, http, charts, hr, &owner).await;
    }
    for app in all(cluster, ARGO_APPLICATIONS) {
        let owner = format!(
            "argo.{}.{}",
            text(&app, "/metadata/namespace"),
            text(&app, "/metadata/name")
        );
        owners.push(owner.clone());
        argo(cluster, http, charts, app, &owner).await;
    }
    workloads(cluster);
    // What a deleted resource deployed goes with it.
    for kind in [DEPLOYMENTS, STATEFUL_SETS] {
        for o in all(cluster, kind) {
            let owner = text(
                &o,
                &format!("/metadata/labels/{}", OWNER.replace('/', "~1")),
            );
            if !owner.is_empty() && !owners.iter().any(|w| w == owner) {
                cluster.remove(kind, &key(&o));
            }
        }
    }
}

fn key(o: &Value) -> String {
    format!(
        "{}/{}",
        text(o, "/metadata/namespace"),
        text(o, "/metadata/name")
    )
}

/// The chart `name` `version` of the repository at `url` (its `index.yaml`, then the chart).
async fn fetch(
    http: &reqwest::Client,
    charts: &mut HashMap<String, Vec<u8>>,
    url: &str,
    name: &str,
    version: &str,
) -> Result<Vec<u8>, String> {
    let cache = format!("{url} {name} {version}");
    if let Some(c) = charts.get(&cache) {
        return Ok(c.clone());
    }
    let base = url.trim_end_matches('/');
    let index = http
        .get(format!("{base}/index.yaml"))
        .send()
        .await
        .map_err(|e| format!("failed to fetch {base}/index.yaml: {e}"))?;
    if !index.status().is_success() {
        return Err(format!(
            "failed to fetch {base}/index.yaml: {}",
            index.status()
        ));
    }
    let index: Value = serde_yaml::from_str(&index.text().await.map_err(|e| e.to_string())?)
        .map_err(|e| format!("invalid index.yaml: {e}"))?;
    let entry = index["entries"][name]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["version"] == version)
        .ok_or_else(|| format!("no chart version '{version}' of '{name}' in {base}"))?;
    let relative = text(entry, "/urls/0");
    let chart_url = if relative.contains("://") {
        relative.to_owned()
    } else {
        format!("{base}/{relative}")
    };
    let response = http
        .get(&chart_url)
        .send()
        .await
        .map_err(|e| format!("failed to fetch {chart_url}: {e}"))?;
    if !response.status().is_success() {
        return Err(format!(
            "failed to fetch {chart_url}: {}",
            response.status()
        ));
    }
    let bytes = response.bytes().await.map_err(|e| e.to_string())?.to_vec();
    charts.insert(cache, bytes.clone());
    Ok(bytes)
}

fn merge(target: &mut Value, over: &Value) {
    match (target.as_object_mut(), over.as_object()) {
        (Some(t), Some(o)) => {
            for (k, v) in o {
                merge(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        _ => *target = over.clone(),
    }
}

/// Renders the chart as `release` with `values` over its defaults: its workloads.
fn render(chart: &[u8], release: &str, values: &Value) -> Result<Vec<Workload>, String> {
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(chart));
    let mut files = Vec::new();
    for entry in tar.entries().map_err(|e| format!("chart: {e}"))? {
        let mut entry = entry.map_err(|e| format!("chart: {e}"))?;
        let path = entry
            .path()
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .into_owned();
        let mut text = String::new();
        entry
            .read_to_string(&mut text)
            .map_err(|e| format!("{path}: {e}"))?;
        files.push((path, text));
    }
    let defaults = files
        .iter()
        .find(|(p, _)| p.split('/').count() == 2 && p.ends_with("/values.yaml"))
        .map(|(_, t)| serde_yaml::from_str::<Value>(t).unwrap_or(json!({})))
        .unwrap_or(json!({}));
    let mut all = if defaults.is_object() {
        defaults
    } else {
        json!({})
    };
    merge(&mut all, values);
    let mut out = Vec::new();
    for (path, template) in files
        .iter()
        .filter(|(p, _)| p.contains("/templates/") && p.ends_with(".yaml"))
    {
        let rendered = substitute(template, release, &all).map_err(|e| format!("{path}: {e}"))?;
        for doc in rendered.split("\n---") {
            let doc: Value = serde_yaml::from_str(doc).map_err(|e| format!("{path}: {e}"))?;
            let kind = match doc["kind"].as_str() {
                Some("Deployment") => DEPLOYMENTS,
                Some("StatefulSet") => STATEFUL_SETS,
                _ => continue,
            };
            out.push(Workload { kind, object: doc });
        }
    }
    Ok(out)
}

fn substitute(template: &str, release: &str, values: &Value) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").ok_or("an unclosed {{")? + start;
        let expr = rest[start + 2..end]
            .trim()
            .trim_start_matches('-')
            .trim_end_matches('-')
            .trim();
        if expr == ".Release.Name" {
            out.push_str(release);
        } else if let Some(path) = expr.strip_prefix(".Values.") {
            let pointer = format!("/{}", path.replace('.', "/"));
            match values.pointer(&pointer) {
                Some(Value::String(s)) => out.push_str(s),
                Some(v) if !v.is_null() => out.push_str(&v.to_string()),
                _ => return Err(format!("template: nil value for {expr}")),
            }
        } else {
            return Err(format!(
                "template: unsupported expression '{{{{ {expr} }}}}'"
            ));
        }
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Applies the rendered workloads of a release in `namespace`, marked as `owner`'s; whether
/// each has its pods ready ([`workloads`] keeps them).
fn deploy(cluster: &Cluster, owner: &str, namespace: &str, workloads: &[Workload]) -> bool {
    let mut all_ready = true;
    for w in workloads {
        let mut object = w.object.clone();
        object["metadata"]["namespace"] = json!(namespace);
        object["metadata"]["labels"][OWNER] = json!(owner);
        let name = text(&object, "/metadata/name").to_owned();
        let current = cluster.get(w.kind, &format!("{namespace}/{name}"));
        let same = current.as_ref().is_some_and(|c| {
            c["spec"] == object["spec"] && c["metadata"]["labels"] == object["metadata"]["labels"]
        });
        if !same {
            let _ = cluster.put(w.kind, object, false, None);
            all_ready = false;
        } else if let Some(current) = current {
            all_ready &= settled(cluster, w.kind, &current);
        }
    }
    all_ready
}

/// The label naming a pod's workload.
fn workload_of(kind: ResourceKind, workload: &Value) -> String {
    format!("{}.{}", kind.kind, text(workload, "/metadata/name"))
}

fn template_hash(workload: &Value) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    workload["spec"]["template"].to_string().hash(&mut hasher);
    format!("{:x}", hasher.finish())
}

/// The pods of `workload` (kind `kind`).
fn pods_of(pods: &[Value], kind: ResourceKind, workload: &Value) -> Vec<Value> {
    let label = workload_of(kind, workload);
    pods.iter()
        .filter(|p| {
            p["metadata"]["namespace"] == workload["metadata"]["namespace"]
                && p["metadata"]["labels"][WORKLOAD] == label.as_str()
        })
        .cloned()
        .collect()
}

/// Whether `workload` has its replicas, ready, of its current template.
fn settled(cluster: &Cluster, kind: ResourceKind, workload: &Value) -> bool {
    let template = template_hash(workload);
    let mine = pods_of(&all(cluster, PODS), kind, workload);
    mine.len() as u64 == workload["spec"]["replicas"].as_u64().unwrap_or(1)
        && mine.iter().all(|p| {
            p["metadata"]["annotations"][TEMPLATE] == template.as_str()
                && p["status"]["phase"] == "Running"
        })
}

/// The workload controllers and the garbage collector (kube-controller-manager): every
/// Deployment and StatefulSet, whoever wrote it, keeps `spec.replicas` pods labelled as its
/// `spec.template` says; pods of another template are replaced, new pods start unready and
/// are ready a tick later; pods of a workload that is gone go.
fn workloads(cluster: &Cluster) {
    let pods = all(cluster, PODS);
    let mut kept = std::collections::HashSet::new();
    for kind in [DEPLOYMENTS, STATEFUL_SETS] {
        for w in all(cluster, kind) {
            let name = text(&w, "/metadata/name").to_owned();
            let namespace = text(&w, "/metadata/namespace").to_owned();
            let label = workload_of(kind, &w);
            kept.insert((namespace.clone(), label.clone()));
            let template = template_hash(&w);
            let replicas = w["spec"]["replicas"].as_u64().unwrap_or(1);
            let mut mine = pods_of(&pods, kind, &w);
            for p in mine
                .iter()
                .filter(|p| p["metadata"]["annotations"][TEMPLATE] != template.as_str())
            {
                cluster.remove(PODS, &key(p));
            }
            mine.retain(|p| p["metadata"]["annotations"][TEMPLATE] == template.as_str());
            while mine.len() as u64 > replicas {
                let p = mine.pop().unwrap();
                cluster.remove(PODS, &key(&p));
            }
            let mut labels = w["spec"]["template"]["metadata"]["labels"].clone();
            if !labels.is_object() {
                labels = json!({});
            }
            labels[WORKLOAD] = json!(label);
            for i in mine.len() as u64..replicas {
                let suffix = uuid::Uuid::new_v4().simple().to_string();
                let (pod, owner_kind, owner_name) = if kind == STATEFUL_SETS {
                    (format!("{name}-{i}"), "StatefulSet", name.clone())
                } else {
                    let set = format!("{name}-{}", &template[..template.len().min(10)]);
                    (format!("{set}-{}", &suffix[..5]), "ReplicaSet", set)
                };
                let _ = cluster.put(PODS, json!({
                    "metadata": {"name": pod, "namespace": namespace, "labels": labels,
                        "annotations": {TEMPLATE: template},
                        "ownerReferences": [{"apiVersion": "apps/v1", "kind": owner_kind, "name": owner_name, "uid": suffix, "controller": true}]},
                    "spec": w["spec"]["template"]["spec"],
                    "status": {"phase": "Pending", "conditions": [{"type": "Ready", "status": "False"}]},
                }), true, None);
            }
            for p in mine.iter().filter(|p| p["status"]["phase"] != "Running") {
                let mut started = p.clone();
                started["status"] = json!({"phase": "Running", "conditions": [{"type": "Ready", "status": "True"}]});
                let _ = cluster.put(
                    PODS,
                    started,
                    false,
                    text(p, "/metadata/resourceVersion").into(),
                );
            }
        }
    }
    for p in &pods {
        let label = text(
            p,
            &format!("/metadata/labels/{}", WORKLOAD.replace('/', "~1")),
        );
        let namespace = text(p, "/metadata/namespace");
        if !label.is_empty() && !kept.contains(&(namespace.to_owned(), label.to_owned())) {
            cluster.remove(PODS, &key(p));
        }
    }
}

/// Writes `status` on the resource as read (skipped when it changed meanwhile: the next tick
/// reconciles the new version).
fn set_status(cluster: &Cluster, kind: ResourceKind, object: &Value, status: Value) {
    if object["status"] == status {
        return;
    }
    let mut next = object.clone();
    next["status"] = status;
    let rv = text(object, "/metadata/resourceVersion").to_owned();
    let _ = cluster.put(kind, next, false, Some(&rv));
}

async fn flux(
    cluster: &Cluster,
    http: &reqwest::Client,
    charts: &mut HashMap<String, Vec<u8>>,
    hr: Value,
    owner: &str,
) {
    let ns = text(&hr, "/metadata/namespace");
    let generation = hr["metadata"]["generation"].as_u64().unwrap_or(1);
    let release = match text(&hr, "/spec/releaseName") {
        "" => text(&hr, "/metadata/name"),
        r => r,
    };
    let target = match text(&hr, "/spec/targetNamespace") {
        "" => ns,
        t => t,
    };
    // Installed once a release succeeded (its revision is kept through later failures).
    let applied = hr["status"]["lastAppliedRevision"].clone();
    let installed = applied.is_string();
    let version = text(&hr, "/spec/chart/spec/version");
    let condition = |status: &str, reason: &str, message: &str| {
        let applied = if status == "True" {
            json!(version)
        } else {
            applied.clone()
        };
        json!({"observedGeneration": generation, "lastAttemptedRevision": version,
            "lastAppliedRevision": applied,
            "conditions": [{"type": "Ready", "status": status, "reason": reason, "message": message}]})
    };
    let source = text(&hr, "/spec/chart/spec/sourceRef/name");
    let Some(repository) = cluster.get(HELM_REPOSITORIES, &format!("{ns}/{source}")) else {
        set_status(
            cluster,
            HELM_RELEASES,
            &hr,
            condition(
                "False",
                "ArtifactFailed",
                &format!("HelmRepository '{ns}/{source}' not found"),
            ),
        );
        return;
    };
    let chart = fetch(
        http,
        charts,
        text(&repository, "/spec/url"),
        text(&hr, "/spec/chart/spec/chart"),
        text(&hr, "/spec/chart/spec/version"),
    )
    .await;
    let chart = match chart {
        Ok(c) => c,
        Err(e) => {
            set_status(
                cluster,
                HELM_RELEASES,
                &hr,
                condition("False", "ArtifactFailed", &e),
            );
            return;
        }
    };
    let failed = if installed {
        "UpgradeFailed"
    } else {
        "InstallFailed"
    };
    match render(&chart, release, &hr["spec"]["values"]) {
        Err(e) => set_status(
            cluster,
            HELM_RELEASES,
            &hr,
            condition("False", failed, &format!("Helm install failed: {e}")),
        ),
        Ok(workloads) => {
            if deploy(cluster, owner, target, &workloads) {
                let done = if installed {
                    "UpgradeSucceeded"
                } else {
                    "InstallSucceeded"
                };
                set_status(
                    cluster,
                    HELM_RELEASES,
                    &hr,
                    condition("True", done, "Helm release succeeded"),
                );
            } else if hr["status"]["observedGeneration"] != generation {
                set_status(
                    cluster,
                    HELM_RELEASES,
                    &hr,
                    condition("Unknown", "Progressing", "Running 'install' action"),
                );
            }
        }
    }
}

async fn argo(
    cluster: &Cluster,
    http: &reqwest::Client,
    charts: &mut HashMap<String, Vec<u8>>,
    app: Value,
    owner: &str,
) {
    let source = app["spec"]["source"].clone();
    let release = match text(&source, "/helm/releaseName") {
        "" => text(&app, "/metadata/name"),
        r => r,
    };
    let target = text(&app, "/spec/destination/namespace");
    let status = |sync: &str, health: &str, phase: &str, message: &str| {
        json!({"sync": {"status": sync, "revision": source["targetRevision"], "comparedTo": {"source": source, "destination": app["spec"]["destination"]}},
            "health": {"status": health},
            "operationState": {"phase": phase, "message": message}})
    };
    let chart = fetch(
        http,
        charts,
        text(&source, "/repoURL"),
        text(&source, "/chart"),
        text(&source, "/targetRevision"),
    )
    .await;
    let chart = match chart {
        Ok(c) => c,
        Err(e) => {
            set_status(
                cluster,
                ARGO_APPLICATIONS,
                &app,
                status(
                    "Unknown",
                    "Unknown",
                    "Error",
                    &format!("ComparisonError: {e}"),
                ),
            );
            return;
        }
    };
    let values = source["helm"]["valuesObject"].clone();
    match render(&chart, release, &values) {
        Err(e) => set_status(
            cluster,
            ARGO_APPLICATIONS,
            &app,
            status(
                "OutOfSync",
                "Missing",
                "Failed",
                &format!("one or more objects failed to apply: {e}"),
            ),
        ),
        Ok(workloads) => {
            let ready = deploy(cluster, owner, target, &workloads);
            let health = if ready { "Healthy" } else { "Progressing" };
            set_status(
                cluster,
                ARGO_APPLICATIONS,
                &app,
                status(
                    "Synced",
                    health,
                    "Succeeded",
                    "successfully synced (all tasks run)",
                ),
            );
        }
    }
}
