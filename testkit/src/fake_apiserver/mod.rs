//! A fake Kubernetes API server that speaks the real list/watch protocol, for the tests and
//! benchmarks of the Kubernetes backend (no API server can run where they run). It keeps
//! objects as JSON with one global `resourceVersion` counter, and serves:
//! - lists with `limit`/`continue` paging over a snapshot and the snapshot's `resourceVersion`;
//! - watches (`?watch=true&resourceVersion=…`) as chunked JSON lines of ADDED / MODIFIED /
//!   DELETED, BOOKMARK when `allowWatchBookmarks=true`, ending after `timeoutSeconds`; a
//!   version older than the retained history gets an in-stream `ERROR` with a 410 `Status`,
//!   as a real server sends after etcd compaction;
//! - get, create (POST), replace (PUT, optimistic concurrency on `metadata.resourceVersion`:
//!   409 on a stale version), JSON merge patch (PATCH) and delete of single objects, which is
//!   what `Lease` leader election and the pool write extensions use;
//! - server-side apply (PATCH `application/apply-patch+yaml`): creates the object, or gives it
//!   the applied fields (every field applied is owned by the one applier: `spec` and the like
//!   replaced whole, labels and annotations merged) — what the `helm` CLI sends;
//! - `/version` and the legacy discovery documents (`/api`, `/apis`, `/api/v1`,
//!   `/apis/<group>/<version>`) of the installed kinds, which `helm` reads first.
//!
//! Test controls: [`FakeApiServer::apply`], [`FakeApiServer::delete`], [`FakeApiServer::compact`]
//! (forget history: resumed watches get 410), [`FakeApiServer::pause_watches`] (end every watch
//! and refuse new ones until resumed), and request counters.

pub mod controllers;
pub mod fixtures;
mod http;
mod protobuf;

use std::{
    collections::{BTreeMap, HashMap, VecDeque},
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc, Mutex,
    },
};

use serde_json::{json, Value};
use tokio::sync::broadcast;

/// A resource type the fake serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ResourceKind {
    /// API group; empty for the core group.
    pub group: &'static str,
    pub version: &'static str,
    pub plural: &'static str,
    pub kind: &'static str,
    pub namespaced: bool,
}

impl ResourceKind {
    pub fn api_version(&self) -> String {
        if self.group.is_empty() {
            self.version.to_owned()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }
}

pub const NODES: ResourceKind = ResourceKind {
    group: "",
    version: "v1",
    plural: "nodes",
    kind: "Node",
    namespaced: false,
};
pub const STORAGE_CLASSES: ResourceKind = ResourceKind {
    group: "storage.k8s.io",
    version: "v1",
    plural: "storageclasses",
    kind: "StorageClass",
    namespaced: false,
};
pub const MACHINE_SETS: ResourceKind = ResourceKind {
    group: "machine.openshift.io",
    version: "v1beta1",
    plural: "machinesets",
    kind: "MachineSet",
    namespaced: true,
};
pub const MACHINES: ResourceKind = ResourceKind {
    group: "machine.openshift.io",
    version: "v1beta1",
    plural: "machines",
    kind: "Machine",
    namespaced: true,
};
pub const MACHINE_DEPLOYMENTS: ResourceKind = ResourceKind {
    group: "cluster.x-k8s.io",
    version: "v1beta1",
    plural: "machinedeployments",
    kind: "MachineDeployment",
    namespaced: true,
};
pub const CAPI_MACHINES: ResourceKind = ResourceKind {
    group: "cluster.x-k8s.io",
    version: "v1beta1",
    plural: "machines",
    kind: "Machine",
    namespaced: true,
};
pub const CAPI_CLUSTERS: ResourceKind = ResourceKind {
    group: "cluster.x-k8s.io",
    version: "v1beta1",
    plural: "clusters",
    kind: "Cluster",
    namespaced: true,
};
pub const LEASES: ResourceKind = ResourceKind {
    group: "coordination.k8s.io",
    version: "v1",
    plural: "leases",
    kind: "Lease",
    namespaced: true,
};

pub const DEPLOYMENTS: ResourceKind = ResourceKind {
    group: "apps",
    version: "v1",
    plural: "deployments",
    kind: "Deployment",
    namespaced: true,
};
pub const STATEFUL_SETS: ResourceKind = ResourceKind {
    group: "apps",
    version: "v1",
    plural: "statefulsets",
    kind: "StatefulSet",
    namespaced: true,
};
pub const PODS: ResourceKind = ResourceKind {
    group: "",
    version: "v1",
    plural: "pods",
    kind: "Pod",
    namespaced: true,
};
pub const SERVICES: ResourceKind = ResourceKind {
    group: "",
    version: "v1",
    plural: "services",
    kind: "Service",
    namespaced: true,
};
/// Where the `helm` CLI keeps its releases (its default storage driver).
pub const SECRETS: ResourceKind = ResourceKind {
    group: "",
    version: "v1",
    plural: "secrets",
    kind: "Secret",
    namespaced: true,
};
pub const NAMESPACES: ResourceKind = ResourceKind {
    group: "",
    version: "v1",
    plural: "namespaces",
    kind: "Namespace",
    namespaced: false,
};
/// Flux's `HelmRelease` (helm-controller).
pub const HELM_RELEASES: ResourceKind = ResourceKind {
    group: "helm.toolkit.fluxcd.io",
    version: "v2",
    plural: "helmreleases",
    kind: "HelmRelease",
    namespaced: true,
};
/// Flux's `HelmRepository` (source-controller).
pub const HELM_REPOSITORIES: ResourceKind = ResourceKind {
    group: "source.toolkit.fluxcd.io",
    version: "v1",
    plural: "helmrepositories",
    kind: "HelmRepository",
    namespaced: true,
};
/// Argo CD's `Application`.
pub const ARGO_APPLICATIONS: ResourceKind = ResourceKind {
    group: "argoproj.io",
    version: "v1alpha1",
    plural: "applications",
    kind: "Application",
    namespaced: true,
};

/// What a cluster with a DMS holds: nodes and storage, the workloads and their pods, the
/// GitOps controllers' resources (Flux, Argo CD), and what the `helm` CLI writes.
pub const DMS_CLUSTER: [ResourceKind; 11] = [
    NODES,
    STORAGE_CLASSES,
    DEPLOYMENTS,
    STATEFUL_SETS,
    PODS,
    HELM_RELEASES,
    HELM_REPOSITORIES,
    ARGO_APPLICATIONS,
    SECRETS,
    NAMESPACES,
    SERVICES,
];

/// Whether `object`'s labels satisfy an equality-based `labelSelector` (`a=b,c==d,e!=f`, `g`).
pub fn selects(selector: &str, object: &Value) -> bool {
    let labels = &object["metadata"]["labels"];
    selector
        .split(',')
        .filter(|r| !r.trim().is_empty())
        .all(|r| {
            let r = r.trim();
            if let Some((k, v)) = r.split_once("!=") {
                labels[k.trim()].as_str() != Some(v.trim())
            } else if let Some((k, v)) = r.split_once("==").or_else(|| r.split_once('=')) {
                labels[k.trim()].as_str() == Some(v.trim())
            } else {
                labels.get(r).is_some()
            }
        })
}

/// One change, as a watch stream carries it.
#[derive(Clone, Debug)]
pub struct Change {
    pub rv: u64,
    pub kind: ResourceKind,
    /// ADDED, MODIFIED or DELETED.
    pub verb: &'static str,
    pub object: Value,
}

/// How many changes the history keeps (older resumed watches get 410).
const HISTORY: usize = 100_000;

#[derive(Default)]
struct Store {
    rv: u64,
    /// Per kind: key (`ns/name` or `name`) → object.
    objects: HashMap<ResourceKind, BTreeMap<String, Value>>,
    history: VecDeque<Change>,
    /// Watches from a version below this get 410 Gone.
    oldest: u64,
    /// List snapshots by continue token.
    snapshots: HashMap<String, (u64, Arc<Vec<Value>>)>,
}

/// A watch being opened: the retained changes to replay, then the live feed from `from`.
pub(crate) struct Watch {
    pub backlog: Vec<Change>,
    pub live: broadcast::Receiver<Arc<Change>>,
    pub from: u64,
}

pub(crate) struct Cluster {
    store: Mutex<Store>,
    changes: broadcast::Sender<Arc<Change>>,
    installed: Vec<ResourceKind>,
    paused: AtomicBool,
    /// Lists and watches answer 500 (an API server in trouble).
    failing: AtomicBool,
    /// Every request answers 503 and open watches end (an API server gone).
    down: AtomicBool,
    /// Bumped by `pause_watches`, so that open watches end at once.
    epoch: tokio::sync::watch::Sender<u64>,
    lists: AtomicU64,
    watches: AtomicU64,
    gets: AtomicU64,
    /// (verb, group, resource) of every request, as RBAC names them.
    requests: Mutex<std::collections::BTreeSet<(String, String, String)>>,
    pub(crate) bookmark_every: std::time::Duration,
}

pub struct FakeApiServer {
    pub url: String,
    cluster: Arc<Cluster>,
    task: tokio::task::JoinHandle<()>,
}

fn key_of(kind: &ResourceKind, object: &Value) -> Option<String> {
    let name = object["metadata"]["name"].as_str()?;
    Some(if kind.namespaced {
        let ns = object["metadata"]["namespace"]
            .as_str()
            .unwrap_or("default");
        format!("{ns}/{name}")
    } else {
        name.to_owned()
    })
}

/// A Kubernetes `Status` failure body.
pub(crate) fn status(code: u16, reason: &str, message: &str) -> Value {
    json!({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
        "message": message, "reason": reason, "code": code})
}

impl Cluster {
    fn record(&self, store: &mut Store, kind: ResourceKind, verb: &'static str, object: Value) {
        let change = Arc::new(Change {
            rv: store.rv,
            kind,
            verb,
            object,
        });
        store.history.push_back(change.as_ref().clone());
        if store.history.len() > HISTORY {
            if let Some(dropped) = store.history.pop_front() {
                store.oldest = dropped.rv + 1;
            }
        }
        let _ = self.changes.send(change);
    }

    /// Creates or replaces an object, stamping uid, resourceVersion and creationTimestamp.
    /// With `expect_rv`, a replace whose version is stale fails with 409.
    pub(crate) fn put(
        &self,
        kind: ResourceKind,
        mut object: Value,
        create_only: bool,
        expect_rv: Option<&str>,
    ) -> Result<Value, Value> {
        let key = key_of(&kind, &object)
            .ok_or_else(|| status(422, "Invalid", "metadata.name is required"))?;
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        let existing = store.objects.get(&kind).and_then(|m| m.get(&key)).cloned();
        if let (true, Some(_)) = (create_only, &existing) {
            return Err(status(
                409,
                "AlreadyExists",
                &format!("{} \"{key}\" already exists", kind.plural),
            ));
        }
        if let Some(expected) = expect_rv.filter(|e| !e.is_empty()) {
            let current = existing
                .as_ref()
                .and_then(|e| e["metadata"]["resourceVersion"].as_str());
            if current != Some(expected) {
                return Err(status(409, "Conflict", &format!(
                    "Operation cannot be fulfilled on {} \"{key}\": the object has been modified; please apply your changes to the latest version and try again",
                    kind.plural)));
            }
        }
        store.rv += 1;
        let rv = store.rv;
        let meta = &mut object["metadata"];
        meta["resourceVersion"] = json!(rv.to_string());
        match &existing {
            Some(old) => {
                meta["uid"] = old["metadata"]["uid"].clone();
                meta["creationTimestamp"] = old["metadata"]["creationTimestamp"].clone();
                // As for objects with a status subresource: the spec's changes count.
                let generation = old["metadata"]["generation"].as_u64().unwrap_or(1);
                let changed = old.get("spec") != object.get("spec");
                object["metadata"]["generation"] = json!(generation + u64::from(changed));
            }
            None => {
                meta["generation"] = json!(1);
                if meta["uid"].as_str().is_none() {
                    meta["uid"] = json!(uuid::Uuid::new_v4().to_string());
                }
                meta["creationTimestamp"] = json!(humantime::format_rfc3339_seconds(
                    std::time::SystemTime::now()
                )
                .to_string());
            }
        }
        let meta = &mut object["metadata"];
        if kind.namespaced && meta["namespace"].is_null() {
            meta["namespace"] = json!("default");
        }
        object["apiVersion"] = json!(kind.api_version());
        object["kind"] = json!(kind.kind);
        store
            .objects
            .entry(kind)
            .or_default()
            .insert(key, object.clone());
        let verb = if existing.is_some() {
            "MODIFIED"
        } else {
            "ADDED"
        };
        self.record(&mut store, kind, verb, object.clone());
        Ok(object)
    }

    pub(crate) fn get(&self, kind: ResourceKind, key: &str) -> Option<Value> {
        self.gets.fetch_add(1, Ordering::Relaxed);
        let store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        store.objects.get(&kind).and_then(|m| m.get(key)).cloned()
    }

    pub(crate) fn remove(&self, kind: ResourceKind, key: &str) -> Option<Value> {
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        let mut object = store.objects.get_mut(&kind)?.remove(key)?;
        store.rv += 1;
        object["metadata"]["resourceVersion"] = json!(store.rv.to_string());
        self.record(&mut store, kind, "DELETED", object.clone());
        Some(object)
    }

    /// A page of a list: the snapshot is taken at the first page and served from the token.
    pub(crate) fn list(
        &self,
        kind: ResourceKind,
        namespace: Option<&str>,
        selector: Option<&str>,
        limit: Option<usize>,
        token: Option<&str>,
    ) -> Result<(u64, Vec<Value>, Option<String>), Value> {
        self.lists.fetch_add(1, Ordering::Relaxed);
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        let (rv, items, offset) = match token {
            Some(t) => {
                let (id, offset) = t.split_once(':').unwrap_or((t, "0"));
                let (rv, items) = store
                    .snapshots
                    .get(id)
                    .cloned()
                    .ok_or_else(|| status(410, "Expired", "the continue token has expired"))?;
                (rv, items, offset.parse().unwrap_or(0))
            }
            None => {
                let items: Vec<Value> = store
                    .objects
                    .get(&kind)
                    .into_iter()
                    .flat_map(|m| m.values())
                    .filter(|o| namespace.is_none_or(|ns| o["metadata"]["namespace"] == ns))
                    .filter(|o| selector.is_none_or(|s| selects(s, o)))
                    .cloned()
                    .collect();
                (store.rv, Arc::new(items), 0)
            }
        };
        let end = limit.map_or(items.len(), |l| (offset + l).min(items.len()));
        let page = items[offset.min(items.len())..end].to_vec();
        let next = (end < items.len()).then(|| {
            let id = token
                .and_then(|t| t.split_once(':').map(|(id, _)| id.to_owned()))
                .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
            store.snapshots.insert(id.clone(), (rv, Arc::clone(&items)));
            format!("{id}:{end}")
        });
        if next.is_none() {
            if let Some((id, _)) = token.and_then(|t| t.split_once(':')) {
                store.snapshots.remove(id);
            }
        }
        Ok((rv, page, next))
    }

    /// The changes of `kind` after `rv` and a live feed from then on, or 410 when `rv` is older
    /// than the retained history.
    pub(crate) fn watch_from(&self, kind: ResourceKind, rv: u64) -> Result<Watch, u64> {
        self.watches.fetch_add(1, Ordering::Relaxed);
        let store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        if rv + 1 < store.oldest {
            return Err(store.oldest);
        }
        let backlog = store
            .history
            .iter()
            .filter(|c| c.rv > rv && c.kind == kind)
            .cloned()
            .collect();
        Ok(Watch {
            backlog,
            live: self.changes.subscribe(),
            from: store.rv,
        })
    }

    pub(crate) fn kinds(&self) -> &[ResourceKind] {
        &self.installed
    }

    pub(crate) fn down(&self) -> bool {
        self.down.load(Ordering::SeqCst)
    }

    pub(crate) fn failing(&self) -> bool {
        self.failing.load(Ordering::SeqCst)
    }

    pub(crate) fn record_request(&self, verb: &str, kind: &ResourceKind) {
        self.requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((
                verb.to_owned(),
                kind.group.to_owned(),
                kind.plural.to_owned(),
            ));
    }

    pub(crate) fn paused(&self) -> bool {
        self.paused.load(Ordering::SeqCst)
    }

    pub(crate) fn pauses(&self) -> tokio::sync::watch::Receiver<u64> {
        self.epoch.subscribe()
    }

    pub(crate) fn current_rv(&self) -> u64 {
        self.store.lock().unwrap_or_else(|e| e.into_inner()).rv
    }
}

impl FakeApiServer {
    /// Serves the given kinds (plus leases, always) on a loopback port.
    pub async fn start(kinds: &[ResourceKind]) -> std::io::Result<FakeApiServer> {
        let mut installed = kinds.to_vec();
        if !installed.contains(&LEASES) {
            installed.push(LEASES);
        }
        let cluster = Arc::new(Cluster {
            store: Mutex::new(Store::default()),
            changes: broadcast::channel(65_536).0,
            installed,
            paused: AtomicBool::new(false),
            failing: AtomicBool::new(false),
            down: AtomicBool::new(false),
            epoch: tokio::sync::watch::channel(0).0,
            lists: AtomicU64::new(0),
            watches: AtomicU64::new(0),
            gets: AtomicU64::new(0),
            requests: Mutex::new(Default::default()),
            bookmark_every: std::time::Duration::from_millis(500),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let router = http::router(Arc::clone(&cluster));
        let task = tokio::spawn(async move {
            // Like a real API server (Go sets TCP_NODELAY): one watch event is one small write.
            use axum::serve::ListenerExt;
            let listener = listener.tap_io(|tcp| {
                let _ = tcp.set_nodelay(true);
            });
            let _ = axum::serve(listener, router).await;
        });
        Ok(FakeApiServer { url, cluster, task })
    }

    /// Creates or updates an object; returns it as stored.
    pub fn apply(&self, kind: ResourceKind, object: Value) -> Value {
        self.cluster
            .put(kind, object, false, None)
            .expect("a fixture object has a name")
    }

    /// Starts the Flux and Argo CD stand-ins reconciling this server's `HelmRelease`s and
    /// `Application`s ([`controllers`]); they stop when the handle is dropped.
    pub fn start_controllers(&self) -> controllers::Controllers {
        controllers::start(Arc::clone(&self.cluster))
    }

    /// Deletes an object by `name` or `namespace/name`.
    pub fn delete(&self, kind: ResourceKind, key: &str) -> Option<Value> {
        self.cluster.remove(kind, key)
    }

    pub fn get(&self, kind: ResourceKind, key: &str) -> Option<Value> {
        self.cluster.get(kind, key)
    }

    /// Every object of `kind` (not counted as a client's list).
    pub fn objects(&self, kind: ResourceKind) -> Vec<Value> {
        let items = self
            .cluster
            .list(kind, None, None, None, None)
            .map(|(_, items, _)| items)
            .unwrap_or_default();
        self.cluster.lists.fetch_sub(1, Ordering::Relaxed);
        items
    }

    /// Forgets the change history, as etcd compaction does: a watch resumed from an older
    /// version gets 410 Gone and must re-list.
    pub fn compact(&self) {
        let mut store = self.cluster.store.lock().unwrap_or_else(|e| e.into_inner());
        store.history.clear();
        store.oldest = store.rv + 1;
    }

    /// Ends every open watch and answers new ones 503 until [`resume_watches`](Self::resume_watches).
    pub fn pause_watches(&self) {
        self.cluster.paused.store(true, Ordering::SeqCst);
        self.cluster.epoch.send_modify(|e| *e += 1);
    }

    /// Makes lists and watches answer 500 (or serve again with `false`).
    pub fn fail_reads(&self, failing: bool) {
        self.cluster.failing.store(failing, Ordering::SeqCst);
    }

    /// Takes the whole server down (every request 503, watches end) or brings it back.
    pub fn set_down(&self, down: bool) {
        self.cluster.down.store(down, Ordering::SeqCst);
        self.cluster.paused.store(down, Ordering::SeqCst);
        if down {
            self.cluster.epoch.send_modify(|e| *e += 1);
        }
    }

    pub fn resume_watches(&self) {
        self.cluster.paused.store(false, Ordering::SeqCst);
    }

    /// List requests served so far (every page counts).
    pub fn list_requests(&self) -> u64 {
        self.cluster.lists.load(Ordering::Relaxed)
    }

    pub fn watch_requests(&self) -> u64 {
        self.cluster.watches.load(Ordering::Relaxed)
    }

    pub fn get_requests(&self) -> u64 {
        self.cluster.gets.load(Ordering::Relaxed)
    }

    /// Every (verb, API group, resource) requested so far, as RBAC rules name them.
    pub fn requests(&self) -> std::collections::BTreeSet<(String, String, String)> {
        self.cluster
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn resource_version(&self) -> u64 {
        self.cluster.current_rv()
    }

    /// A kubeconfig pointing at this server, for `--kubeconfig`.
    pub fn kubeconfig(&self) -> String {
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: {}\ncontexts:\n- name: fake\n  context:\n    cluster: fake\n    user: fake\ncurrent-context: fake\nusers:\n- name: fake\n  user:\n    token: fake\n",
            self.url
        )
    }
}

impl Drop for FakeApiServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
