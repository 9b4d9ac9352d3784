//! One kube-runtime watcher per kind feeding the watch cache. Changes are sent while the
//! cache's write lock is held, so the feed's order is the order the cache changed in. Until
//! every watcher has finished its first list nothing is sent; then the complete inventory goes
//! as one view (which the publisher diffs with what it last published, see
//! `events::pump`), and every change after it. A later re-list (after 410 Gone) is diffed
//! like any other change. kube-runtime resumes a dropped watch from the last resourceVersion
//! it saw (bookmarks keep it current) and lists again only when the API server answers
//! 410 Gone.

use std::{
    fmt::Debug,
    sync::{
        atomic::{AtomicBool, AtomicUsize, Ordering},
        Arc,
    },
};

use futures::StreamExt;
use k8s_openapi::api::{core::v1::Node, storage::v1::StorageClass};
use kube::{
    api::DynamicObject,
    core::ApiResource,
    runtime::{watcher, WatchStreamExt},
    Api, Client, Resource,
};
use serde::de::DeserializeOwned;
use tokio_util::sync::CancellationToken;

use super::{
    mapping::{MachineBinding, MachinePool, WorkloadCluster},
    state::State,
};
use crate::backend::{versioned::Versioned, ChangeSender, InventoryChange};

/// What a watcher tells the cache.
pub enum Update<K> {
    Apply(K),
    Delete(K),
    /// The complete list after a (re-)list.
    Replace(Vec<K>),
}

type Apply<K> = Box<dyn Fn(&mut State, Update<K>) -> Vec<InventoryChange> + Send + Sync>;

struct Shared {
    state: Arc<Versioned<State>>,
    synced: Arc<AtomicBool>,
    /// Watchers yet to finish their first list.
    pending: AtomicUsize,
    changes: Arc<ChangeSender>,
}

/// The optional kinds this cluster serves, watched beside nodes and storage classes.
pub struct Watched {
    /// Machine pools (`MachineSet`, `MachineDeployment`) with their kind.
    pub machines: Vec<(ApiResource, &'static str)>,
    /// Machines with the label naming their pool.
    pub node_machines: Vec<(ApiResource, &'static str)>,
    /// Cluster API `Cluster`s.
    pub clusters: Option<ApiResource>,
}

pub fn start(
    client: Client,
    state: Arc<Versioned<State>>,
    synced: Arc<AtomicBool>,
    watched: Watched,
    changes: Arc<ChangeSender>,
    shutdown: &CancellationToken,
) {
    let Watched {
        machines,
        node_machines,
        clusters,
    } = watched;
    let shared = Arc::new(Shared {
        state,
        synced,
        pending: AtomicUsize::new(
            2 + machines.len() + node_machines.len() + usize::from(clusters.is_some()),
        ),
        changes,
    });
    if let Some(resource) = clusters {
        let cluster = |o: &DynamicObject| {
            serde_json::to_value(o)
                .ok()
                .and_then(|v| WorkloadCluster::from_json(&v))
        };
        let apply: Apply<DynamicObject> = Box::new(move |s, u| match u {
            Update::Apply(o) => cluster(&o).map(|c| s.apply_cluster(c)).unwrap_or_default(),
            Update::Delete(o) => s.delete_cluster(&format!(
                "{}/{}",
                o.metadata.namespace.as_deref().unwrap_or_default(),
                o.metadata.name.as_deref().unwrap_or_default()
            )),
            Update::Replace(all) => s.replace_clusters(all.iter().filter_map(cluster).collect()),
        });
        let api: Api<DynamicObject> = Api::all_with(client.clone(), &resource);
        tokio::spawn(follow(api, Arc::clone(&shared), apply, shutdown.clone()));
    }
    for (resource, label) in node_machines {
        let group = resource.group.clone();
        let key = move |o: &DynamicObject| {
            format!(
                "{group}/{}/{}",
                o.metadata.namespace.as_deref().unwrap_or_default(),
                o.metadata.name.as_deref().unwrap_or_default()
            )
        };
        let prefix = format!("{}/", resource.group);
        let binding = move |o: &DynamicObject| {
            serde_json::to_value(o)
                .ok()
                .and_then(|v| MachineBinding::from_json(&v, &[label]))
        };
        let apply: Apply<DynamicObject> = Box::new(move |s, u| match u {
            Update::Apply(o) => s.bind(vec![(key(&o), binding(&o))]),
            Update::Delete(o) => s.bind(vec![(key(&o), None)]),
            Update::Replace(all) => s.replace_bindings(
                &prefix,
                all.iter()
                    .filter_map(|o| binding(o).map(|b| (key(o), b)))
                    .collect(),
            ),
        });
        let api: Api<DynamicObject> = Api::all_with(client.clone(), &resource);
        tokio::spawn(follow(api, Arc::clone(&shared), apply, shutdown.clone()));
    }
    let nodes: Apply<Node> = Box::new(|s, u| match u {
        Update::Apply(n) => s.apply_node(n),
        Update::Delete(n) => s.delete_node(&n),
        Update::Replace(all) => s.replace_nodes(all),
    });
    tokio::spawn(follow(
        Api::<Node>::all(client.clone()),
        Arc::clone(&shared),
        nodes,
        shutdown.clone(),
    ));
    let classes: Apply<StorageClass> = Box::new(|s, u| match u {
        Update::Apply(c) => s.apply_class(c),
        Update::Delete(c) => s.delete_class(&c),
        Update::Replace(all) => s.replace_classes(all),
    });
    tokio::spawn(follow(
        Api::<StorageClass>::all(client.clone()),
        Arc::clone(&shared),
        classes,
        shutdown.clone(),
    ));
    for (resource, kind) in machines {
        let pool = move |o: &DynamicObject| {
            serde_json::to_value(o)
                .ok()
                .and_then(|v| MachinePool::from_json(kind, &v))
        };
        let apply: Apply<DynamicObject> = Box::new(move |s, u| match u {
            Update::Apply(o) => pool(&o).map(|p| s.apply_machine(p)).unwrap_or_default(),
            Update::Delete(o) => s.delete_machine(o.metadata.name.as_deref().unwrap_or_default()),
            Update::Replace(all) => s.replace_machines(kind, all.iter().filter_map(pool).collect()),
        });
        let api: Api<DynamicObject> = Api::all_with(client.clone(), &resource);
        tokio::spawn(follow(api, Arc::clone(&shared), apply, shutdown.clone()));
    }
}

async fn follow<K>(api: Api<K>, shared: Arc<Shared>, apply: Apply<K>, shutdown: CancellationToken)
where
    K: Resource + Clone + DeserializeOwned + Debug + Send + 'static,
{
    let kind = std::any::type_name::<K>()
        .rsplit("::")
        .next()
        .unwrap_or("object");
    let mut stream = watcher(api, watcher::Config::default())
        .default_backoff()
        .boxed();
    let mut listing: Vec<K> = Vec::new();
    let mut listed_once = false;
    loop {
        let event = tokio::select! {
            e = stream.next() => e,
            _ = shutdown.cancelled() => return,
        };
        let update = match event {
            None => return,
            Some(Err(e)) => {
                tracing::warn!(kind, error = %e, "kubernetes watch failed; retrying with backoff");
                continue;
            }
            Some(Ok(watcher::Event::Init)) => {
                listing.clear();
                continue;
            }
            Some(Ok(watcher::Event::InitApply(o))) => {
                listing.push(o);
                continue;
            }
            Some(Ok(watcher::Event::InitDone)) => Update::Replace(std::mem::take(&mut listing)),
            Some(Ok(watcher::Event::Apply(o))) => Update::Apply(o),
            Some(Ok(watcher::Event::Delete(o))) => Update::Delete(o),
        };
        let first_list = matches!(update, Update::Replace(_)) && !listed_once;
        {
            let mut state = shared.state.write();
            // Before every watcher has listed once, the cache is still the baseline.
            let baseline_done = shared.synced.load(Ordering::Acquire);
            let changes = apply(&mut state, update);
            if first_list {
                listed_once = true;
                if shared.pending.fetch_sub(1, Ordering::AcqRel) == 1 {
                    shared.synced.store(true, Ordering::Release);
                    tracing::info!(
                        resources = state.inventory.resource_count(),
                        "kubernetes watch cache synchronised"
                    );
                    // The first complete view: diffed with what was last published, it
                    // tells what changed while no gateway watched.
                    shared.changes.stage_view(state.inventory.objects());
                }
            }
            if baseline_done {
                // Staged under the cache's lock, in the order the cache changed.
                changes.into_iter().for_each(|c| shared.changes.stage(c));
            }
        }
        // Waits while the feed is full: this watch is not read meanwhile (back-pressure).
        shared.changes.flush().await;
    }
}
