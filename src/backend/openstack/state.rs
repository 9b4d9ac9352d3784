//! The cloud as netweave last read it and the O2-IMS inventory derived from it. A poll's
//! [`Update`] is applied whole (a poll that failed anywhere applies nothing), and answers the
//! O2-IMS changes it caused with prior and post state. The small kinds (aggregates, hypervisors,
//! flavors, zones, the region) are derived whole at each update and compared; servers, which
//! may be tens of thousands, are mapped again only when they changed or their host moved pool.

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    sync::Arc,
};

use serde_json::{Map, Value};

use super::{
    alarms,
    api::{Aggregate, Capacity, Flavor, Hypervisor, Server},
    mapping::{HostPlace, Mapping},
};
use crate::{
    alarms::Raised,
    backend::{cache::Inventory, InventoryChange, InventoryObject, Kind, Object},
    domain::objects::*,
};

/// What one poll read.
#[derive(Debug, Default)]
pub struct Update {
    pub aggregates: Vec<Aggregate>,
    pub hypervisors: Vec<Hypervisor>,
    pub flavors: Vec<Flavor>,
    /// Every provider there is, by uuid, with its generation.
    pub providers: HashMap<String, u64>,
    /// The capacities read again (their generation moved).
    pub capacities: Vec<(String, Capacity)>,
    /// `true`: `servers` is every server; `false`: those changed since the last poll,
    /// deleted ones with status `DELETED`.
    pub full: bool,
    pub servers: Vec<Server>,
}

pub struct State {
    pub mapping: Mapping,
    aggregates: Vec<Aggregate>,
    hypervisors: Vec<Hypervisor>,
    flavors: BTreeMap<String, Flavor>,
    capacities: HashMap<String, Capacity>,
    servers: HashMap<String, Server>,
    /// Servers per flavor name, and the flavor a server of that name embeds.
    flavor_use: BTreeMap<String, (usize, Map<String, Value>)>,
    places: BTreeMap<String, HostPlace>,
    /// Hypervisor id by service host.
    host_hypervisor: HashMap<String, String>,
    /// Resource id → the pool it is in.
    pool_of: HashMap<String, String>,
    /// What each hypervisor's resource was made of (by resource id): unchanged, it is not
    /// mapped again.
    hypervisor_inputs: HashMap<String, (Hypervisor, HostPlace, Option<Capacity>)>,
    /// Servers in ERROR, by resource id: what the alarm check reads.
    errored: BTreeSet<String>,
    pub inventory: Inventory,
    /// Whether a poll has been applied.
    pub synced: bool,
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

/// Makes `map` hold exactly `new`, recording what changed.
fn sync<T: InventoryObject + PartialEq>(
    map: &mut BTreeMap<String, Arc<T>>,
    new: BTreeMap<String, T>,
    ups: &mut Vec<InventoryChange>,
    downs: &mut Vec<InventoryChange>,
) {
    let gone: Vec<String> = map
        .keys()
        .filter(|k| !new.contains_key(*k))
        .cloned()
        .collect();
    for id in gone {
        if let Some(prior) = map.remove(&id) {
            downs.push(change(T::KIND, &id, Some(T::wrap(prior)), None));
        }
    }
    for (id, post) in new {
        if map.get(&id).is_some_and(|prior| **prior == post) {
            continue;
        }
        let post = Arc::new(post);
        let prior = map.insert(id.clone(), Arc::clone(&post));
        ups.push(change(
            T::KIND,
            &id,
            prior.map(T::wrap),
            Some(T::wrap(post)),
        ));
    }
}

impl State {
    pub fn new(mapping: Mapping) -> State {
        State {
            mapping,
            aggregates: Vec::new(),
            hypervisors: Vec::new(),
            flavors: BTreeMap::new(),
            capacities: HashMap::new(),
            servers: HashMap::new(),
            flavor_use: BTreeMap::new(),
            places: BTreeMap::new(),
            host_hypervisor: HashMap::new(),
            pool_of: HashMap::new(),
            errored: BTreeSet::new(),
            hypervisor_inputs: HashMap::new(),
            inventory: Inventory::default(),
            synced: false,
        }
    }

    /// The generations of the capacities held, by provider.
    pub fn generations(&self) -> HashMap<String, u64> {
        self.capacities
            .iter()
            .map(|(k, c)| (k.clone(), c.generation))
            .collect()
    }

    fn place(&self, host: Option<&str>, zone: Option<&str>) -> HostPlace {
        if let Some(place) = host.and_then(|h| self.places.get(h)) {
            return place.clone();
        }
        if host.is_some_and(|h| !h.is_empty()) {
            return self.mapping.unaggregated();
        }
        // Not placed on a host yet (building, or failed to schedule): its zone's pool, if
        // the zone has one.
        let zones = self.pool_zones();
        let zone = zone
            .filter(|z| zones.iter().any(|k| k == z))
            .unwrap_or(&self.mapping.default_zone);
        HostPlace {
            pool_id: self.mapping.zone_pool_id(zone),
            zone: zone.to_owned(),
            aggregates: Vec::new(),
        }
    }

    fn zones(&self) -> Vec<String> {
        self.mapping.zones(&self.aggregates)
    }

    /// The zones with a pool of their own: the default one, and those with a host in no pool
    /// aggregate.
    fn pool_zones(&self) -> Vec<String> {
        let mut zones: Vec<String> = self
            .hypervisors
            .iter()
            .filter_map(|h| {
                let place = self.places.get(&h.service.host)?;
                (place.pool_id == self.mapping.zone_pool_id(&place.zone))
                    .then(|| place.zone.clone())
            })
            .collect();
        zones.push(self.mapping.default_zone.clone());
        zones.sort();
        zones.dedup();
        zones
    }

    /// Puts a resource where it belongs; one that moved pool is a deletion there and a
    /// creation here.
    fn put_resource(
        &mut self,
        r: Resource,
        ups: &mut Vec<InventoryChange>,
        downs: &mut Vec<InventoryChange>,
    ) {
        let id = r.resource_id.clone();
        if let Some(old) = self.pool_of.get(&id).cloned() {
            if old != r.resource_pool_id {
                self.remove_resource(&id, downs);
            }
        }
        let pool = self
            .inventory
            .resources
            .entry(r.resource_pool_id.clone())
            .or_default();
        if pool.get(&id).is_some_and(|prior| **prior == r) {
            return;
        }
        self.pool_of.insert(id.clone(), r.resource_pool_id.clone());
        let post = Arc::new(r);
        let prior = pool.insert(id.clone(), Arc::clone(&post));
        ups.push(change(
            Kind::Resource,
            &id,
            prior.map(Object::Resource),
            Some(Object::Resource(post)),
        ));
    }

    fn remove_resource(&mut self, id: &str, downs: &mut Vec<InventoryChange>) {
        let Some(pool_id) = self.pool_of.remove(id) else {
            return;
        };
        if let Some(pool) = self.inventory.resources.get_mut(&pool_id) {
            if let Some(prior) = pool.remove(id) {
                downs.push(change(
                    Kind::Resource,
                    id,
                    Some(Object::Resource(prior)),
                    None,
                ));
            }
            if pool.is_empty() {
                self.inventory.resources.remove(&pool_id);
            }
        }
    }

    fn count_flavor(&mut self, server: &Server, delta: isize) {
        let name = server.flavor_name().to_owned();
        let entry = self
            .flavor_use
            .entry(name.clone())
            .or_insert_with(|| (0, server.flavor.clone()));
        entry.0 = entry.0.saturating_add_signed(delta);
        if entry.0 == 0 {
            self.flavor_use.remove(&name);
        }
    }

    fn server_resource(&self, s: &Server) -> Resource {
        let place = self.place(s.host.as_deref(), s.availability_zone.as_deref());
        let hypervisor = s
            .host
            .as_deref()
            .and_then(|h| self.host_hypervisor.get(h))
            .map(|id| self.mapping.hypervisor_resource_id(id));
        self.mapping
            .server(s, &place.pool_id, hypervisor.as_deref())
    }

    fn put_server(
        &mut self,
        s: Server,
        ups: &mut Vec<InventoryChange>,
        downs: &mut Vec<InventoryChange>,
    ) {
        let rid = self.mapping.server_resource_id(&s.id);
        if let Some(prior) = self.servers.remove(&s.id) {
            self.count_flavor(&prior, -1);
        }
        if s.status == "DELETED" {
            self.errored.remove(&rid);
            self.remove_resource(&rid, downs);
            return;
        }
        self.count_flavor(&s, 1);
        if s.status == "ERROR" {
            self.errored.insert(rid.clone());
        } else {
            self.errored.remove(&rid);
        }
        let resource = self.server_resource(&s);
        self.servers.insert(s.id.clone(), s);
        self.put_resource(resource, ups, downs);
    }

    /// Applies one poll; answers the changes in the order the feed must carry them (what
    /// others refer to first; deletions in the reverse order).
    pub fn apply(&mut self, update: Update) -> Vec<InventoryChange> {
        let (mut ups, mut downs) = (Vec::new(), Vec::new());
        let places = self.mapping.places(&update.aggregates);
        let mut moved = update.aggregates != self.aggregates;
        self.aggregates = update.aggregates;
        self.places = places;
        self.flavors = update
            .flavors
            .into_iter()
            .map(|f| (f.name.clone(), f))
            .collect();
        self.capacities
            .retain(|uuid, _| update.providers.contains_key(uuid));
        self.capacities.extend(update.capacities);
        self.hypervisors = update.hypervisors;
        let host_hypervisor: HashMap<String, String> = self
            .hypervisors
            .iter()
            .map(|h| (h.service.host.clone(), h.id.clone()))
            .collect();
        moved |= host_hypervisor != self.host_hypervisor;
        self.host_hypervisor = host_hypervisor;

        // Servers first (their flavors decide the types).
        if update.full {
            let listed: BTreeSet<&str> = update.servers.iter().map(|s| s.id.as_str()).collect();
            let gone: Vec<String> = self
                .servers
                .keys()
                .filter(|id| !listed.contains(id.as_str()))
                .cloned()
                .collect();
            for id in gone {
                if let Some(s) = self.servers.get(&id).cloned() {
                    self.put_server(
                        Server {
                            status: "DELETED".into(),
                            ..s
                        },
                        &mut ups,
                        &mut downs,
                    );
                }
            }
        }
        let changed: BTreeSet<String> = update.servers.iter().map(|s| s.id.clone()).collect();
        for s in update.servers {
            self.put_server(s, &mut ups, &mut downs);
        }
        if moved {
            let others: Vec<Server> = self
                .servers
                .values()
                .filter(|s| !changed.contains(&s.id))
                .cloned()
                .collect();
            for s in others {
                let r = self.server_resource(&s);
                self.put_resource(r, &mut ups, &mut downs);
            }
        }

        // Hypervisors, whole, each mapped again only when what it is made of changed.
        let mut inputs = HashMap::with_capacity(self.hypervisors.len());
        for h in &self.hypervisors {
            let place = self
                .places
                .get(&h.service.host)
                .cloned()
                .unwrap_or_else(|| self.mapping.unaggregated());
            let input = (h.clone(), place, self.capacities.get(&h.id).cloned());
            let rid = self.mapping.hypervisor_resource_id(&h.id);
            inputs.insert(rid, input);
        }
        let gone: Vec<String> = self
            .hypervisor_inputs
            .keys()
            .filter(|rid| !inputs.contains_key(*rid))
            .cloned()
            .collect();
        for rid in gone {
            self.remove_resource(&rid, &mut downs);
        }
        let before = std::mem::replace(&mut self.hypervisor_inputs, inputs);
        let changed: Vec<String> = self
            .hypervisor_inputs
            .iter()
            .filter(|(rid, input)| before.get(*rid) != Some(*input))
            .map(|(rid, _)| rid.clone())
            .collect();
        for rid in changed {
            let (h, place, capacity) = &self.hypervisor_inputs[&rid];
            let r = self.mapping.hypervisor(h, place, capacity.as_ref());
            self.put_resource(r, &mut ups, &mut downs);
        }

        self.derive_small(&mut ups, &mut downs);
        self.synced = true;
        let mut all = ups;
        all.sort_by_key(|c| c.kind.rank());
        downs.sort_by_key(|c| std::cmp::Reverse(c.kind.rank()));
        all.extend(downs);
        all
    }

    /// Pools, sites, the location, types, the dictionary and the deployment manager.
    fn derive_small(&mut self, ups: &mut Vec<InventoryChange>, downs: &mut Vec<InventoryChange>) {
        let zones = self.zones();
        let pool_zones = self.pool_zones();
        let m = &self.mapping;
        let mut pools = BTreeMap::new();
        for a in m.pool_aggregates(&self.aggregates) {
            let p = m.aggregate_pool(a);
            pools.insert(p.resource_pool_id.clone(), p);
        }
        let mut zone_hosts: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for h in &self.hypervisors {
            let place = self.places.get(&h.service.host);
            let zone_pool = place.is_none_or(|p| p.pool_id == m.zone_pool_id(&p.zone));
            if zone_pool {
                let zone = place
                    .map(|p| p.zone.clone())
                    .unwrap_or_else(|| m.default_zone.clone());
                zone_hosts
                    .entry(zone)
                    .or_default()
                    .push(h.service.host.clone());
            }
        }
        for zone in pool_zones {
            let p = m.zone_pool(&zone, zone_hosts.remove(&zone).unwrap_or_default());
            pools.insert(p.resource_pool_id.clone(), p);
        }
        let mut sites = BTreeMap::new();
        for zone in &zones {
            let site_id = m.site_id(zone);
            let in_site: Vec<String> = pools
                .values()
                .filter(|p| p.o_cloud_site_id == site_id)
                .map(|p| p.resource_pool_id.clone())
                .collect();
            sites.insert(site_id, m.site(zone, in_site));
        }
        let location = m.location(sites.keys().cloned().collect());
        let mut types = BTreeMap::new();
        for h in &self.hypervisors {
            let t = m.host_type(&h.hypervisor_type);
            types.insert(t.resource_type_id.clone(), t);
        }
        for f in self.flavors.values() {
            let t = m.flavor_type(f);
            types.insert(t.resource_type_id.clone(), t);
        }
        for (name, (_, embedded)) in &self.flavor_use {
            if !self.flavors.contains_key(name) {
                let t = m.embedded_flavor_type(name, embedded);
                types.insert(t.resource_type_id.clone(), t);
            }
        }
        let mut totals: BTreeMap<String, u64> = BTreeMap::new();
        for h in &self.hypervisors {
            if let Some(c) = self.capacities.get(&h.id) {
                for (class, i) in &c.classes {
                    *totals.entry(format!("{class}.total")).or_default() += i.total;
                    *totals.entry(format!("{class}.used")).or_default() += i.used;
                }
            }
        }
        let dm = m.deployment_manager(&totals, self.hypervisors.len());
        let dictionary = alarms::dictionary();

        let inv = &mut self.inventory;
        sync(
            &mut inv.locations,
            [(location.global_location_id.clone(), location)].into(),
            ups,
            downs,
        );
        sync(&mut inv.sites, sites, ups, downs);
        sync(&mut inv.resource_types, types, ups, downs);
        sync(
            &mut inv.alarm_dictionaries,
            [(dictionary.alarm_dictionary_id.clone(), dictionary)].into(),
            ups,
            downs,
        );
        sync(&mut inv.resource_pools, pools, ups, downs);
        sync(
            &mut inv.deployment_managers,
            [(dm.deployment_manager_id.clone(), dm)].into(),
            ups,
            downs,
        );
    }

    /// The alarms the cloud's state raises now.
    pub fn alarm_conditions(&self) -> Vec<Raised> {
        let source = self.alarm_source();
        let mut out = Vec::new();
        for h in &self.hypervisors {
            let id = self.mapping.hypervisor_resource_id(&h.id);
            if h.state != "down" && h.status != "disabled" {
                continue;
            }
            if let Some(r) = self.resource(&id) {
                alarms::raised(&source, &r, &mut out);
            }
        }
        for id in &self.errored {
            if let Some(r) = self.resource(id) {
                alarms::raised(&source, &r, &mut out);
            }
        }
        out
    }

    /// The pool aggregate behind a pool id.
    /// Whether the cloud has a flavor of this id or name.
    pub fn has_flavor(&self, reference: &str) -> bool {
        self.flavors
            .values()
            .any(|f| f.id == reference || f.name == reference)
    }

    /// Whether the cloud has a compute host (a hypervisor's service host) of this name.
    pub fn has_host(&self, host: &str) -> bool {
        self.host_hypervisor.contains_key(host)
    }

    pub fn aggregate(&self, pool_id: &str) -> Option<&Aggregate> {
        self.mapping
            .pool_aggregates(&self.aggregates)
            .into_iter()
            .find(|a| self.mapping.aggregate_pool_id(a) == pool_id)
    }

    pub fn alarm_source(&self) -> String {
        format!("openstack/{}/", self.mapping.deployment_manager_id())
    }

    fn resource(&self, id: &str) -> Option<Arc<Resource>> {
        let pool = self.pool_of.get(id)?;
        self.inventory.resources.get(pool)?.get(id).cloned()
    }
}
