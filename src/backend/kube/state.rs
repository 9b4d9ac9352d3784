//! The watch cache: the Kubernetes objects the watchers delivered, the O2-IMS inventory
//! derived from them, and the changes between successive inventories. Every update returns the
//! O2-IMS changes it caused, with prior and post state taken from the cache; an update that
//! changes nothing O2-IMS shows (a status heartbeat, a re-list of the same objects) returns
//! none. Pools, types and the site appear before the resources that need them and go after.

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    sync::Arc,
};

use k8s_openapi::api::{core::v1::Node, storage::v1::StorageClass};

use super::{
    alarms::{self, Definition, On},
    mapping::{MachineBinding, MachinePool, Mapping, Totals, WorkloadCluster},
};
use crate::{
    alarms::Raised,
    backend::{cache::Inventory, InventoryChange, InventoryObject, Kind, Object},
};

pub struct State {
    pub mapping: Mapping,
    /// The alarm definitions in force (built in, and the configured node conditions).
    definitions: Vec<Definition>,
    pub version: String,
    nodes: HashMap<String, Node>,
    classes: BTreeMap<String, StorageClass>,
    /// Machine pools by name (`MachineSet` / `MachineDeployment`).
    machines: BTreeMap<String, MachinePool>,
    /// Cluster API workload clusters by `namespace/name`.
    clusters: BTreeMap<String, WorkloadCluster>,
    /// Where each node was placed (pool, type, totals): what to undo when it changes.
    placed: HashMap<String, Placement>,
    /// Machine key → the node it runs and the pool that owns it.
    bindings: BTreeMap<String, MachineBinding>,
    /// The same, by node: node → (machine key, pool).
    machine_of_node: HashMap<String, (String, String)>,
    /// Nodes per pool name and per instance type.
    pool_members: HashMap<String, usize>,
    type_members: HashMap<String, usize>,
    totals: Totals,
    pub inventory: Inventory,
}

/// What placing a node counted, to be undone when it changes or goes.
struct Placement {
    pool: String,
    instance_type: String,
    totals: Totals,
    resource_id: String,
}

/// Changes in emission order.
#[derive(Default)]
pub struct Changes {
    before: Vec<InventoryChange>,
    middle: Vec<InventoryChange>,
    after: Vec<InventoryChange>,
}

impl Changes {
    pub fn into_vec(self) -> Vec<InventoryChange> {
        let mut all = self.before;
        all.extend(self.middle);
        all.extend(self.after);
        all
    }
}

fn change(kind: Kind, id: &str, prior: Option<Object>, post: Option<Object>) -> InventoryChange {
    InventoryChange {
        instance: String::new(),
        kind,
        id: id.to_owned(),
        prior,
        post,
        durable: None,
    }
}

/// Puts `post` in `map` and records the change, unless nothing changed.
fn upsert<T: InventoryObject + PartialEq>(
    map: &mut BTreeMap<String, Arc<T>>,
    id: &str,
    post: T,
    out: &mut Vec<InventoryChange>,
) {
    if map.get(id).is_some_and(|prior| **prior == post) {
        return;
    }
    let post = Arc::new(post);
    let prior = map.insert(id.to_owned(), Arc::clone(&post));
    out.push(change(T::KIND, id, prior.map(T::wrap), Some(T::wrap(post))));
}

/// Removes from `map` every id not in `keep`, recording the deletions.
fn prune<T: InventoryObject>(
    map: &mut BTreeMap<String, Arc<T>>,
    keep: &BTreeSet<String>,
    out: &mut Vec<InventoryChange>,
) {
    let gone: Vec<String> = map.keys().filter(|k| !keep.contains(*k)).cloned().collect();
    for id in gone {
        if let Some(prior) = map.remove(&id) {
            out.push(change(T::KIND, &id, Some(T::wrap(prior)), None));
        }
    }
}

impl State {
    pub fn new(mapping: Mapping, version: String) -> State {
        let definitions = alarms::definitions(&mapping.settings.alarm_node_conditions);
        let mut state = State {
            mapping,
            definitions,
            version,
            nodes: HashMap::new(),
            placed: HashMap::new(),
            bindings: BTreeMap::new(),
            machine_of_node: HashMap::new(),
            classes: BTreeMap::new(),
            machines: BTreeMap::new(),
            clusters: BTreeMap::new(),
            pool_members: HashMap::new(),
            type_members: HashMap::new(),
            totals: Totals::default(),
            inventory: Inventory::default(),
        };
        let mut changes = Changes::default();
        state.derive(&mut changes);
        state
    }

    fn name(node: &Node) -> String {
        node.metadata.name.clone().unwrap_or_default()
    }

    fn count(map: &mut HashMap<String, usize>, key: String, delta: isize) {
        let n = map.entry(key.clone()).or_default();
        *n = n.saturating_add_signed(delta);
        if *n == 0 {
            map.remove(&key);
        }
    }

    /// A node's pool: the one its Machine belongs to, else by its labels.
    fn pool_of(&self, node: &Node) -> String {
        self.machine_of_node
            .get(node.metadata.name.as_deref().unwrap_or_default())
            .map(|(_, pool)| pool.clone())
            .unwrap_or_else(|| self.mapping.node_pool(node))
    }

    /// Takes a placed node out of the counts and totals; the inventory is the caller's.
    fn unplace(&mut self, name: &str) -> Option<Placement> {
        let placed = self.placed.remove(name)?;
        Self::count(&mut self.pool_members, placed.pool.clone(), -1);
        Self::count(&mut self.type_members, placed.instance_type.clone(), -1);
        self.totals.sub(placed.totals);
        Some(placed)
    }

    fn remove_resource(&mut self, placed: &Placement, out: &mut Vec<InventoryChange>) {
        let pool_id = self.mapping.pool_id(&placed.pool);
        if let Some(pool) = self.inventory.resources.get_mut(&pool_id) {
            if let Some(prior) = pool.remove(&placed.resource_id) {
                out.push(change(
                    Kind::Resource,
                    &placed.resource_id,
                    Some(Object::Resource(prior)),
                    None,
                ));
            }
            if pool.is_empty() {
                self.inventory.resources.remove(&pool_id);
            }
        }
    }

    fn forget_node(&mut self, name: &str, out: &mut Vec<InventoryChange>) {
        self.nodes.remove(name);
        if let Some(placed) = self.unplace(name) {
            self.remove_resource(&placed, out);
        }
    }

    /// A node was added or modified.
    pub fn apply_node(&mut self, node: Node) -> Vec<InventoryChange> {
        let mut changes = Changes::default();
        self.put_node(node, &mut changes);
        self.derive(&mut changes);
        changes.into_vec()
    }

    fn put_node(&mut self, node: Node, changes: &mut Changes) {
        let name = Self::name(&node);
        let pool = self.pool_of(&node);
        let resource = self.mapping.resource(&node, &pool);
        // A node that moved pool is a deletion there and a creation here.
        if let Some(prior) = self.unplace(&name) {
            if prior.pool != pool {
                self.remove_resource(&prior, &mut changes.after);
            }
        }
        let placed = Placement {
            pool: pool.clone(),
            instance_type: self.mapping.node_type(&node),
            totals: Totals::of(&node),
            resource_id: resource.resource_id.clone(),
        };
        Self::count(&mut self.pool_members, placed.pool.clone(), 1);
        Self::count(&mut self.type_members, placed.instance_type.clone(), 1);
        self.totals.add(placed.totals);
        self.placed.insert(name.clone(), placed);
        self.nodes.insert(name, node);
        let id = resource.resource_id.clone();
        let pool = self
            .inventory
            .resources
            .entry(resource.resource_pool_id.clone())
            .or_default();
        upsert(pool, &id, resource, &mut changes.middle);
    }

    /// Machines (by key) now link these nodes to these pools; the nodes whose pool changed move.
    pub fn bind(&mut self, updates: Vec<(String, Option<MachineBinding>)>) -> Vec<InventoryChange> {
        let mut touched = BTreeSet::new();
        for (machine, binding) in updates {
            if let Some(old) = self.bindings.remove(&machine) {
                if self
                    .machine_of_node
                    .get(&old.node)
                    .is_some_and(|(m, _)| *m == machine)
                {
                    self.machine_of_node.remove(&old.node);
                }
                touched.insert(old.node);
            }
            if let Some(new) = binding {
                touched.insert(new.node.clone());
                self.machine_of_node
                    .insert(new.node.clone(), (machine.clone(), new.pool.clone()));
                self.bindings.insert(machine, new);
            }
        }
        let mut changes = Changes::default();
        for name in touched {
            if let Some(node) = self.nodes.get(&name).cloned() {
                self.put_node(node, &mut changes);
            }
        }
        self.derive(&mut changes);
        changes.into_vec()
    }

    /// A re-list of one kind of Machine: `prefix` starts the keys of that kind.
    pub fn replace_bindings(
        &mut self,
        prefix: &str,
        bindings: Vec<(String, MachineBinding)>,
    ) -> Vec<InventoryChange> {
        let mut updates: Vec<(String, Option<MachineBinding>)> = self
            .bindings
            .keys()
            .filter(|k| k.starts_with(prefix))
            .map(|k| (k.clone(), None))
            .collect();
        updates.extend(bindings.into_iter().map(|(k, b)| (k, Some(b))));
        self.bind(updates)
    }

    pub fn delete_node(&mut self, node: &Node) -> Vec<InventoryChange> {
        let mut changes = Changes::default();
        self.forget_node(&Self::name(node), &mut changes.middle);
        self.derive(&mut changes);
        changes.into_vec()
    }

    /// A re-list: the nodes now are exactly `nodes`.
    pub fn replace_nodes(&mut self, nodes: Vec<Node>) -> Vec<InventoryChange> {
        let mut changes = Changes::default();
        let listed: BTreeSet<String> = nodes.iter().map(Self::name).collect();
        let gone: Vec<String> = self
            .nodes
            .keys()
            .filter(|n| !listed.contains(*n))
            .cloned()
            .collect();
        for name in gone {
            self.forget_node(&name, &mut changes.middle);
        }
        for node in nodes {
            self.put_node(node, &mut changes);
        }
        self.derive(&mut changes);
        changes.into_vec()
    }

    pub fn apply_class(&mut self, class: StorageClass) -> Vec<InventoryChange> {
        let name = class.metadata.name.clone().unwrap_or_default();
        self.classes.insert(name, class);
        self.derived()
    }

    pub fn delete_class(&mut self, class: &StorageClass) -> Vec<InventoryChange> {
        self.classes
            .remove(class.metadata.name.as_deref().unwrap_or_default());
        self.derived()
    }

    pub fn replace_classes(&mut self, classes: Vec<StorageClass>) -> Vec<InventoryChange> {
        self.classes = classes
            .into_iter()
            .map(|c| (c.metadata.name.clone().unwrap_or_default(), c))
            .collect();
        self.derived()
    }

    pub fn apply_machine(&mut self, pool: MachinePool) -> Vec<InventoryChange> {
        self.machines.insert(pool.name.clone(), pool);
        self.derived()
    }

    pub fn delete_machine(&mut self, name: &str) -> Vec<InventoryChange> {
        self.machines.remove(name);
        self.derived()
    }

    /// A re-list of one kind of machine pool (the other kind's pools stay).
    pub fn replace_machines(
        &mut self,
        kind: &str,
        pools: Vec<MachinePool>,
    ) -> Vec<InventoryChange> {
        self.machines.retain(|_, m| m.kind != kind);
        self.machines
            .extend(pools.into_iter().map(|p| (p.name.clone(), p)));
        self.derived()
    }

    pub fn apply_cluster(&mut self, c: WorkloadCluster) -> Vec<InventoryChange> {
        self.clusters
            .insert(format!("{}/{}", c.namespace, c.name), c);
        self.derived()
    }

    pub fn delete_cluster(&mut self, key: &str) -> Vec<InventoryChange> {
        self.clusters.remove(key);
        self.derived()
    }

    pub fn replace_clusters(&mut self, all: Vec<WorkloadCluster>) -> Vec<InventoryChange> {
        self.clusters = all
            .into_iter()
            .map(|c| (format!("{}/{}", c.namespace, c.name), c))
            .collect();
        self.derived()
    }

    /// A node's resource id and whether it is Ready, once the watch has seen it.
    pub fn node_readiness(&self, name: &str) -> Option<(String, bool)> {
        let node = self.nodes.get(name)?;
        let ready = node
            .status
            .as_ref()
            .and_then(|s| s.conditions.as_ref())
            .into_iter()
            .flatten()
            .any(|c| c.type_ == "Ready" && c.status == "True");
        Some((node.metadata.uid.clone().unwrap_or_default(), ready))
    }

    pub fn machine(&self, pool_id: &str) -> Option<&MachinePool> {
        self.machines
            .values()
            .find(|m| self.mapping.pool_id(&m.name) == pool_id)
    }

    /// The alarms the nodes' conditions and their Machines' raise now.
    pub fn alarm_conditions(&self) -> Vec<Raised> {
        let source = self.mapping.alarm_source();
        let resource = |node: &str| {
            let placed = self.placed.get(node)?;
            self.inventory
                .resources
                .get(&self.mapping.pool_id(&placed.pool))?
                .get(&placed.resource_id)
        };
        let mut out = Vec::new();
        for (name, node) in &self.nodes {
            let Some(r) = resource(name) else { continue };
            let object = format!("node/{}", r.resource_id);
            let conditions = alarms::of_node(node, &self.definitions);
            alarms::raised(
                &source,
                &self.definitions,
                On::Node,
                &object,
                &conditions,
                r,
                &mut out,
            );
        }
        for (key, binding) in &self.bindings {
            let Some(r) = resource(&binding.node) else {
                continue;
            };
            let object = format!("machine/{key}");
            alarms::raised(
                &source,
                &self.definitions,
                On::Machine,
                &object,
                &binding.conditions,
                r,
                &mut out,
            );
        }
        out
    }

    fn derived(&mut self) -> Vec<InventoryChange> {
        let mut changes = Changes::default();
        self.derive(&mut changes);
        changes.into_vec()
    }

    /// Recomputes pools, types, the site, the location and the deployment manager; what
    /// appears or changes goes before the resources, what disappears after.
    fn derive(&mut self, changes: &mut Changes) {
        let m = self.mapping.clone();
        let mut pool_names: BTreeSet<&String> = self.machines.keys().collect();
        pool_names.extend(self.pool_members.keys());
        let mut pool_ids = BTreeSet::new();
        for name in pool_names {
            let pool = m.pool(name, self.machines.get(name));
            pool_ids.insert(pool.resource_pool_id.clone());
            let id = pool.resource_pool_id.clone();
            upsert(
                &mut self.inventory.resource_pools,
                &id,
                pool,
                &mut changes.before,
            );
        }
        prune(
            &mut self.inventory.resource_pools,
            &pool_ids,
            &mut changes.after,
        );

        let mut type_ids = BTreeSet::new();
        let types = self
            .type_members
            .keys()
            .map(|name| m.instance_type(name))
            .chain(self.classes.values().map(|class| m.storage_class(class)));
        for t in types.collect::<Vec<_>>() {
            type_ids.insert(t.resource_type_id.clone());
            let id = t.resource_type_id.clone();
            upsert(
                &mut self.inventory.resource_types,
                &id,
                t,
                &mut changes.before,
            );
        }
        prune(
            &mut self.inventory.resource_types,
            &type_ids,
            &mut changes.after,
        );

        let dictionary = alarms::dictionary(&self.definitions);
        let dictionary_id = dictionary.alarm_dictionary_id.clone();
        upsert(
            &mut self.inventory.alarm_dictionaries,
            &dictionary_id,
            dictionary,
            &mut changes.before,
        );

        let location = m.location();
        let location_id = location.global_location_id.clone();
        upsert(
            &mut self.inventory.locations,
            &location_id,
            location,
            &mut changes.before,
        );
        let site = m.site(pool_ids.into_iter().collect());
        let site_id = site.o_cloud_site_id.clone();
        upsert(
            &mut self.inventory.sites,
            &site_id,
            site,
            &mut changes.before,
        );
        let dm = m.deployment_manager(&self.version, &self.totals);
        let dm_id = dm.deployment_manager_id.clone();
        let mut managers = BTreeSet::from([dm_id.clone()]);
        upsert(
            &mut self.inventory.deployment_managers,
            &dm_id,
            dm,
            &mut changes.after,
        );
        // Each ready workload cluster is a deployment manager of its own.
        for c in self.clusters.values().filter(|c| c.ready()) {
            let dm = m.workload_deployment_manager(c);
            let id = dm.deployment_manager_id.clone();
            managers.insert(id.clone());
            upsert(
                &mut self.inventory.deployment_managers,
                &id,
                dm,
                &mut changes.after,
            );
        }
        prune(
            &mut self.inventory.deployment_managers,
            &managers,
            &mut changes.after,
        );
    }
}
