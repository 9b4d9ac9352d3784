//! OpenStack objects → O2-IMS objects, without I/O. Ids are stable across restarts and
//! replicas: UUIDv5 of the OpenStack uuid for hypervisors, servers and aggregates; of the
//! cloud, region and name for what OpenStack gives no uuid (availability zones, flavors by
//! name, hypervisor types, the region).
//!
//! | OpenStack | O2-IMS |
//! |---|---|
//! | region | deployment manager (compute endpoint as `serviceUri`), location |
//! | availability zone | O-Cloud site; and the pool of its hosts in no pool aggregate |
//! | host aggregate | resource pool (metadata as `extensions.labels`) |
//! | hypervisor | resource (physical; capacity from Placement) |
//! | server | resource in its host's pool (virtual; `extensions.hypervisorId`) |
//! | flavor | resource type of servers; hypervisor type → resource type of hosts |

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::api::{Aggregate, Capacity, Flavor, Hypervisor, Server};
use crate::domain::objects::*;

const NS: Uuid = Uuid::from_u128(0x6f70_656e_7374_6163_6b2d_6e65_7477_6561);

pub(super) fn id(kind: &str, name: &str) -> String {
    Uuid::new_v5(&NS, format!("{kind}/{name}").as_bytes()).to_string()
}

/// What the mapping needs: the O-Cloud, the cloud and region, its endpoints.
#[derive(Clone, Debug)]
pub struct Mapping {
    pub o_cloud_id: String,
    /// Keystone's URL: with the region, what names this cloud.
    pub auth_url: String,
    pub region: String,
    pub compute_url: String,
    pub default_zone: String,
    /// Aggregates that are pools, by name; empty: all.
    pub pool_aggregates: Vec<String>,
    pub nova_version: String,
    pub placement_version: String,
}

/// Where a host's resources go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostPlace {
    pub pool_id: String,
    pub zone: String,
    /// Every aggregate holding the host, by name.
    pub aggregates: Vec<String>,
}

impl Mapping {
    fn scoped(&self, kind: &str, name: &str) -> String {
        id(kind, &format!("{}|{}|{name}", self.auth_url, self.region))
    }

    pub fn aggregate_pool_id(&self, aggregate: &Aggregate) -> String {
        let key = if aggregate.uuid.is_empty() {
            self.scoped("aggregate-id", &aggregate.id.to_string())
        } else {
            aggregate.uuid.clone()
        };
        id("aggregate", &key)
    }

    pub fn zone_pool_id(&self, zone: &str) -> String {
        self.scoped("zone-pool", zone)
    }

    pub fn site_id(&self, zone: &str) -> String {
        self.scoped("site", zone)
    }

    pub fn location_id(&self) -> String {
        self.scoped("location", "")
    }

    pub fn deployment_manager_id(&self) -> String {
        self.scoped("region", "")
    }

    pub fn hypervisor_resource_id(&self, hypervisor_id: &str) -> String {
        id("hypervisor", hypervisor_id)
    }

    pub fn server_resource_id(&self, server_id: &str) -> String {
        id("server", server_id)
    }

    pub fn flavor_type_id(&self, flavor: &str) -> String {
        self.scoped("flavor", flavor)
    }

    pub fn host_type_id(&self, hypervisor_type: &str) -> String {
        self.scoped("hypervisor-type", hypervisor_type)
    }

    /// The aggregates that are pools, in the order that settles a host in several: the
    /// configured order, else the oldest (lowest id) first.
    pub fn pool_aggregates<'a>(&self, all: &'a [Aggregate]) -> Vec<&'a Aggregate> {
        if self.pool_aggregates.is_empty() {
            let mut pools: Vec<&Aggregate> = all.iter().collect();
            pools.sort_by_key(|a| a.id);
            return pools;
        }
        self.pool_aggregates
            .iter()
            .filter_map(|name| all.iter().find(|a| &a.name == name))
            .collect()
    }

    /// The availability zones there are: the default and every aggregate's.
    pub fn zones(&self, aggregates: &[Aggregate]) -> Vec<String> {
        let mut zones: Vec<String> = aggregates
            .iter()
            .filter_map(|a| a.availability_zone.clone())
            .filter(|z| !z.is_empty())
            .collect();
        zones.push(self.default_zone.clone());
        zones.sort();
        zones.dedup();
        zones
    }

    /// Where each host (by service host name) belongs.
    pub fn places(&self, aggregates: &[Aggregate]) -> BTreeMap<String, HostPlace> {
        let pools = self.pool_aggregates(aggregates);
        let mut places: BTreeMap<String, HostPlace> = BTreeMap::new();
        let mut by_id: Vec<&Aggregate> = aggregates.iter().collect();
        by_id.sort_by_key(|a| a.id);
        for aggregate in &by_id {
            for host in &aggregate.hosts {
                let place = places.entry(host.clone()).or_insert_with(|| HostPlace {
                    pool_id: String::new(),
                    zone: String::new(),
                    aggregates: Vec::new(),
                });
                place.aggregates.push(aggregate.name.clone());
                if place.zone.is_empty() {
                    if let Some(z) = aggregate
                        .availability_zone
                        .as_ref()
                        .filter(|z| !z.is_empty())
                    {
                        place.zone = z.clone();
                    }
                }
            }
        }
        for place in places.values_mut() {
            if place.zone.is_empty() {
                place.zone = self.default_zone.clone();
            }
        }
        // A host's pool is the first pool aggregate (in their order) holding it.
        let mut first_pool: std::collections::HashMap<&str, &Aggregate> =
            std::collections::HashMap::new();
        for pool in &pools {
            for host in &pool.hosts {
                first_pool.entry(host.as_str()).or_insert(pool);
            }
        }
        for (host, place) in places.iter_mut() {
            place.pool_id = match first_pool.get(host.as_str()) {
                Some(pool) => self.aggregate_pool_id(pool),
                None => self.zone_pool_id(&place.zone),
            };
        }
        places
    }

    /// A host in no aggregate.
    pub fn unaggregated(&self) -> HostPlace {
        HostPlace {
            pool_id: self.zone_pool_id(&self.default_zone),
            zone: self.default_zone.clone(),
            aggregates: Vec::new(),
        }
    }

    pub fn aggregate_pool(&self, a: &Aggregate) -> ResourcePool {
        let zone = a
            .availability_zone
            .clone()
            .filter(|z| !z.is_empty())
            .unwrap_or_else(|| self.default_zone.clone());
        let labels: Map<String, Value> = a
            .metadata
            .iter()
            .filter(|(_, v)| v.is_string())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        ResourcePool {
            resource_pool_id: self.aggregate_pool_id(a),
            name: a.name.clone(),
            o_cloud_site_id: self.site_id(&zone),
            description: format!("OpenStack host aggregate '{}' ({zone})", a.name),
            extensions: [
                ("source", json!("hostAggregate")),
                ("aggregateId", json!(a.id)),
                ("aggregateUuid", json!(a.uuid)),
                ("availabilityZone", json!(zone)),
                ("hosts", json!(a.hosts)),
                ("metadata", json!(a.metadata)),
                ("labels", Value::Object(labels)),
                ("region", json!(self.region)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        }
    }

    pub fn zone_pool(&self, zone: &str, hosts: Vec<String>) -> ResourcePool {
        ResourcePool {
            resource_pool_id: self.zone_pool_id(zone),
            name: zone.to_owned(),
            o_cloud_site_id: self.site_id(zone),
            description: format!(
                "OpenStack hosts of availability zone '{zone}' in no pool aggregate"
            ),
            extensions: [
                ("source", json!("availabilityZone")),
                ("availabilityZone", json!(zone)),
                ("hosts", json!(hosts)),
                ("labels", json!({})),
                ("region", json!(self.region)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        }
    }

    pub fn site(&self, zone: &str, pools: Vec<String>) -> OCloudSiteInfo {
        OCloudSiteInfo {
            o_cloud_site_id: self.site_id(zone),
            global_location_id: self.location_id(),
            name: zone.to_owned(),
            description: format!(
                "OpenStack availability zone '{zone}' of region '{}'",
                self.region
            ),
            resource_pools: pools,
            extensions: [("availabilityZone".to_owned(), json!(zone))]
                .into_iter()
                .collect(),
        }
    }

    pub fn location(&self, sites: Vec<String>) -> LocationInfo {
        LocationInfo {
            global_location_id: self.location_id(),
            name: self.region.clone(),
            description: format!("OpenStack region '{}'", self.region),
            o_cloud_site_ids: sites,
            coordinate: None,
            civic_address: None,
            address: None,
            extensions: Map::new(),
        }
    }

    pub fn deployment_manager(
        &self,
        totals: &BTreeMap<String, u64>,
        hosts: usize,
    ) -> DeploymentManager {
        let mut capacity: Map<String, Value> =
            totals.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
        capacity.insert("hypervisors".into(), json!(hosts));
        DeploymentManager {
            deployment_manager_id: self.deployment_manager_id(),
            name: format!("openstack-{}", self.region),
            description: format!("OpenStack region '{}' ({})", self.region, self.auth_url),
            o_cloud_id: self.o_cloud_id.clone(),
            service_uri: self.compute_url.clone(),
            supported_locations: vec![self.location_id()],
            capabilities: [
                ("novaMicroversion", json!(self.nova_version)),
                ("placementMicroversion", json!(self.placement_version)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
            capacity,
            extensions: [
                ("platform", json!("openstack")),
                ("region", json!(self.region)),
                ("authUrl", json!(self.auth_url)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        }
    }

    pub fn host_type(&self, hypervisor_type: &str) -> ResourceType {
        ResourceType {
            resource_type_id: self.host_type_id(hypervisor_type),
            name: format!("compute-node-{}", hypervisor_type.to_lowercase()),
            description: format!("OpenStack compute nodes running {hypervisor_type}"),
            vendor: String::new(),
            model: hypervisor_type.to_owned(),
            version: String::new(),
            alarm_dictionary_id: Some(super::alarms::dictionary_id()),
            resource_kind: ResourceKind::Physical,
            resource_class: ResourceClass::Compute,
            extensions: [
                ("source".to_owned(), json!("hypervisorType")),
                ("hypervisorType".to_owned(), json!(hypervisor_type)),
            ]
            .into_iter()
            .collect(),
        }
    }

    pub fn flavor_type(&self, f: &Flavor) -> ResourceType {
        ResourceType {
            resource_type_id: self.flavor_type_id(&f.name),
            name: f.name.clone(),
            description: f
                .description
                .clone()
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| format!("OpenStack flavor '{}'", f.name)),
            vendor: String::new(),
            model: f.name.clone(),
            version: String::new(),
            alarm_dictionary_id: Some(super::alarms::dictionary_id()),
            resource_kind: ResourceKind::Logical,
            resource_class: ResourceClass::Compute,
            extensions: [
                ("source", json!("flavor")),
                ("flavorId", json!(f.id)),
                ("vcpus", json!(f.vcpus)),
                ("ramMb", json!(f.ram)),
                ("diskGb", json!(f.disk)),
                ("ephemeralGb", json!(f.ephemeral)),
                ("swap", f.swap.clone()),
                ("isPublic", json!(f.is_public.unwrap_or(true))),
                ("disabled", json!(f.disabled.unwrap_or(false))),
                ("extraSpecs", Value::Object(f.extra_specs.clone())),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        }
    }

    /// A type for servers whose flavor is no longer listed (deleted, or private to a project),
    /// from the copy each server embeds.
    pub fn embedded_flavor_type(&self, name: &str, embedded: &Map<String, Value>) -> ResourceType {
        let get = |k: &str| embedded.get(k).cloned().unwrap_or(Value::Null);
        let mut t = self.flavor_type(&Flavor {
            id: String::new(),
            name: name.to_owned(),
            vcpus: get("vcpus").as_u64().unwrap_or(0),
            ram: get("ram").as_u64().unwrap_or(0),
            disk: get("disk").as_u64().unwrap_or(0),
            ephemeral: get("ephemeral").as_u64().unwrap_or(0),
            swap: get("swap"),
            is_public: None,
            disabled: None,
            description: None,
            extra_specs: get("extra_specs").as_object().cloned().unwrap_or_default(),
        });
        t.extensions.insert("listed".into(), json!(false));
        t.extensions.remove("flavorId");
        t
    }

    pub fn hypervisor(
        &self,
        h: &Hypervisor,
        place: &HostPlace,
        capacity: Option<&Capacity>,
    ) -> Resource {
        let up = h.state == "up";
        let enabled = h.status == "enabled";
        let classes: Map<String, Value> = capacity
            .map(|c| {
                c.classes
                    .iter()
                    .map(|(class, i)| {
                        let usable = ((i.total.saturating_sub(i.reserved)) as f64
                            * i.allocation_ratio) as u64;
                        (
                            class.clone(),
                            json!({"total": i.total, "reserved": i.reserved,
                                "allocationRatio": i.allocation_ratio, "used": i.used,
                                "usable": usable}),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let busy = capacity.is_some_and(|c| c.classes.values().any(|i| i.used > 0));
        let usage = match (up, enabled, busy) {
            (false, _, _) | (_, false, _) => "IDLE",
            (true, true, true) => "ACTIVE",
            (true, true, false) => "IDLE",
        };
        Resource {
            resource_id: self.hypervisor_resource_id(&h.id),
            resource_pool_id: place.pool_id.clone(),
            description: h.hypervisor_hostname.clone(),
            resource_type_id: self.host_type_id(&h.hypervisor_type),
            global_asset_id: h.id.clone(),
            elements: Vec::new(),
            tags: vec!["openstack:hypervisor".into()],
            groups: Vec::new(),
            extensions: [
                ("source", json!("hypervisor")),
                ("hypervisorId", json!(h.id)),
                ("hypervisorHostname", json!(h.hypervisor_hostname)),
                ("host", json!(h.service.host)),
                ("hostIp", json!(h.host_ip)),
                ("hypervisorType", json!(h.hypervisor_type)),
                ("hypervisorVersion", json!(h.hypervisor_version)),
                ("state", json!(h.state)),
                ("status", json!(h.status)),
                ("disabledReason", json!(h.service.disabled_reason)),
                ("availabilityZone", json!(place.zone)),
                ("aggregates", json!(place.aggregates)),
                ("capacity", Value::Object(classes)),
                (
                    "adminState",
                    json!(if enabled { "UNLOCKED" } else { "LOCKED" }),
                ),
                (
                    "operationalState",
                    json!(if up { "ENABLED" } else { "DISABLED" }),
                ),
                ("usageState", json!(usage)),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        }
    }

    pub fn server(&self, s: &Server, pool_id: &str, hypervisor: Option<&str>) -> Resource {
        let active = s.status == "ACTIVE";
        Resource {
            resource_id: self.server_resource_id(&s.id),
            resource_pool_id: pool_id.to_owned(),
            description: s.name.clone(),
            resource_type_id: self.flavor_type_id(s.flavor_name()),
            global_asset_id: s.id.clone(),
            elements: Vec::new(),
            tags: s.tags.clone(),
            groups: Vec::new(),
            extensions: [
                ("source", json!("server")),
                ("serverId", json!(s.id)),
                ("name", json!(s.name)),
                ("status", json!(s.status)),
                ("vmState", json!(s.vm_state)),
                ("powerState", json!(s.power_state)),
                ("taskState", json!(s.task_state)),
                ("fault", s.fault.clone().unwrap_or(Value::Null)),
                ("flavor", Value::Object(s.flavor.clone())),
                ("host", json!(s.host)),
                ("hypervisorHostname", json!(s.hypervisor_hostname)),
                ("hypervisorId", json!(hypervisor)),
                ("availabilityZone", json!(s.availability_zone)),
                ("projectId", json!(s.tenant_id)),
                ("created", json!(s.created)),
                ("metadata", Value::Object(s.metadata.clone())),
                (
                    "operationalState",
                    json!(if active { "ENABLED" } else { "DISABLED" }),
                ),
                ("usageState", json!(if active { "ACTIVE" } else { "IDLE" })),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        }
    }
}
