//! Deterministic O-Cloud generation: the same seed and sizes give the same inventory, ids
//! included, on every machine.

use std::sync::Arc;

use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::catalog::{self, City, CITIES, TYPES};
use crate::{
    backend::cache::Inventory,
    dms::profile::{public_data, PROFILE_NAME},
    domain::{objects::*, O2IMS_INTERFACE},
};

/// Sizes and seed of a simulated O-Cloud.
#[derive(Clone, Debug)]
pub struct SimSpec {
    pub seed: u64,
    pub pools: usize,
    pub resources: usize,
    /// Report no write capabilities.
    pub read_only: bool,
    pub o_cloud_id: String,
    /// Pool n is labelled as tenant `tenants[n % len]`'s (`o2ims.oran.org/tenant`).
    pub tenants: Vec<String>,
}

/// Makes identifiers that depend only on the seed and a name.
pub struct Ids(Uuid);

impl Ids {
    pub fn new(seed: u64) -> Ids {
        Ids(Uuid::new_v5(
            &Uuid::NAMESPACE_OID,
            format!("netweave-simulator-{seed}").as_bytes(),
        ))
    }

    pub fn id(&self, name: &str) -> String {
        Uuid::new_v5(&self.0, name.as_bytes()).to_string()
    }
}

fn ext(value: Value) -> Extensions {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

pub fn generate(spec: &SimSpec) -> Inventory {
    let ids = Ids::new(spec.seed);
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let mut inv = Inventory::default();
    let site_count = spec.pools.div_ceil(2).clamp(1, CITIES.len());

    let mut type_ids = Vec::new();
    for ty in TYPES {
        let dictionary = alarm_dictionary(&ids, ty);
        let id = ids.id(&format!("resource-type/{}", ty.name));
        inv.resource_types.insert(
            id.clone(),
            Arc::new(ResourceType {
                resource_type_id: id.clone(),
                name: ty.name.into(),
                description: format!("{} {}", ty.vendor, ty.model),
                vendor: ty.vendor.into(),
                model: ty.model.into(),
                version: ty.version.into(),
                alarm_dictionary_id: Some(dictionary.alarm_dictionary_id.clone()),
                resource_kind: ty.kind,
                resource_class: ty.class,
                extensions: ext(json!({
                    "category": ty.category,
                    "cpuCores": ty.cpu_cores,
                    "memoryGiB": ty.memory_gib,
                })),
            }),
        );
        inv.alarm_dictionaries
            .insert(dictionary.alarm_dictionary_id.clone(), Arc::new(dictionary));
        type_ids.push(id);
    }

    let mut site_ids = Vec::new();
    for city in &CITIES[..site_count] {
        let site_id = ids.id(&format!("site/{}", city.key));
        let location_id = format!("location-{}", city.key);
        inv.locations.insert(
            location_id.clone(),
            Arc::new(location(city, &location_id, &site_id)),
        );
        let dm_id = ids.id(&format!("deployment-manager/{}", city.key));
        inv.deployment_managers.insert(
            dm_id.clone(),
            Arc::new(deployment_manager(
                city,
                &dm_id,
                &location_id,
                &spec.o_cloud_id,
            )),
        );
        inv.sites.insert(
            site_id.clone(),
            Arc::new(OCloudSiteInfo {
                o_cloud_site_id: site_id.clone(),
                global_location_id: location_id,
                name: format!("{}-edge", city.key),
                description: format!("Edge data centre in {}", city.name),
                resource_pools: Vec::new(),
                extensions: ext(json!({ "country": city.country, "deploymentManagerId": dm_id })),
            }),
        );
        site_ids.push(site_id);
    }

    let mut pool_ids = Vec::new();
    for p in 0..spec.pools {
        let site_id = &site_ids[p % site_ids.len()];
        let city = &CITIES[p % site_ids.len()];
        let id = ids.id(&format!("resource-pool/{p}"));
        let mut extensions = ext(json!({
            "country": city.country,
            "zone": format!("{}-{}", city.key, p / site_ids.len() + 1),
        }));
        if !spec.tenants.is_empty() {
            let owner = &spec.tenants[p % spec.tenants.len()];
            extensions.insert(
                "labels".into(),
                json!({ crate::domain::scope::TENANT_LABEL: owner }),
            );
        }
        inv.resource_pools.insert(
            id.clone(),
            Arc::new(ResourcePool {
                resource_pool_id: id.clone(),
                name: format!("{}-pool-{p}", city.key),
                o_cloud_site_id: site_id.clone(),
                description: format!("Worker pool {p} in {}", city.name),
                extensions,
            }),
        );
        let site = inv.sites.get_mut(site_id).expect("site exists");
        Arc::make_mut(site).resource_pools.push(id.clone());
        pool_ids.push(id);
    }

    let total_weight: u32 = TYPES.iter().map(|t| t.weight).sum();
    for r in 0..spec.resources {
        if pool_ids.is_empty() {
            break;
        }
        let pool_id = &pool_ids[r % pool_ids.len()];
        let mut pick = rng.u32(0..total_weight);
        let ty_index = TYPES
            .iter()
            .position(|t| {
                let hit = pick < t.weight;
                pick = pick.saturating_sub(t.weight);
                hit
            })
            .unwrap_or(0);
        let resource = resource(&ids, &mut rng, r, pool_id, &type_ids[ty_index], ty_index);
        inv.resources
            .entry(pool_id.clone())
            .or_default()
            .insert(resource.resource_id.clone(), Arc::new(resource));
    }
    inv
}

fn resource(
    ids: &Ids,
    rng: &mut fastrand::Rng,
    index: usize,
    pool_id: &str,
    type_id: &str,
    ty_index: usize,
) -> Resource {
    let ty = &TYPES[ty_index];
    let hostname = format!("{}-{index:06}", ty.name.split('-').next().unwrap_or("node"));
    let admin = if rng.u8(0..100) < 95 {
        "UNLOCKED"
    } else {
        "LOCKED"
    };
    let operational = if rng.u8(0..100) < 97 {
        "ENABLED"
    } else {
        "DISABLED"
    };
    let usage = ["IDLE", "ACTIVE", "BUSY"][rng.usize(0..3)];
    let power = if operational == "ENABLED" || rng.bool() {
        "ON"
    } else {
        "OFF"
    };
    Resource {
        resource_id: ids.id(&format!("resource/{index}")),
        resource_pool_id: pool_id.into(),
        description: format!("{} {} ({hostname})", ty.vendor, ty.model),
        resource_type_id: type_id.into(),
        global_asset_id: format!("SN-{:010X}", rng.u64(..) & 0xFF_FFFF_FFFF),
        elements: Vec::new(),
        tags: vec![ty.category.into(), format!("rack-{:02}", index % 40)],
        groups: vec![format!("{}-nodes", ty.category)],
        extensions: ext(json!({
            "hostname": hostname,
            "adminState": admin,
            "operationalState": operational,
            "usageState": usage,
            "powerState": power,
            "cpuCores": ty.cpu_cores,
            "memoryGiB": ty.memory_gib,
            "rack": format!("rack-{:02}", index % 40),
        })),
    }
}

fn alarm_dictionary(ids: &Ids, ty: &catalog::TypeSpec) -> AlarmDictionary {
    let id = ids.id(&format!("alarm-dictionary/{}", ty.name));
    AlarmDictionary {
        alarm_dictionary_id: id,
        alarm_dictionary_version: ty.version.into(),
        alarm_dictionary_schema_version: "1.0".into(),
        entity_type: format!("{}-{}", ty.model, ty.version),
        vendor: ty.vendor.into(),
        management_interface_id: vec![O2IMS_INTERFACE.into()],
        pk_notification_field: vec!["alarmDefinitionID".into()],
        alarm_definition: catalog::alarms(ty.category)
            .iter()
            .map(|(name, description, repair, clearing)| AlarmDefinition {
                alarm_definition_id: ids.id(&format!("alarm-definition/{}/{name}", ty.name)),
                alarm_name: (*name).into(),
                alarm_last_change: ty.version.into(),
                alarm_change_type: catalog::ALARM_CHANGE,
                alarm_description: (*description).into(),
                proposed_repair_actions: (*repair).into(),
                clearing_type: *clearing,
                management_interface_id: vec![O2IMS_INTERFACE.into()],
                pk_notification_field: vec!["alarmDefinitionID".into()],
                alarm_additional_fields: None,
            })
            .collect(),
    }
}

fn location(city: &City, id: &str, site_id: &str) -> LocationInfo {
    LocationInfo {
        global_location_id: id.into(),
        name: city.name.into(),
        description: format!("Operator premises in {}", city.name),
        o_cloud_site_ids: vec![site_id.into()],
        coordinate: Some(Coordinate {
            kind: "Point".into(),
            coordinates: vec![city.lon, city.lat],
        }),
        civic_address: Some(vec![
            CivicAddressElement {
                ca_type: 1,
                ca_value: city.country.into(),
            },
            CivicAddressElement {
                ca_type: 3,
                ca_value: city.region.into(),
            },
            CivicAddressElement {
                ca_type: 6,
                ca_value: city.name.into(),
            },
            CivicAddressElement {
                ca_type: 22,
                ca_value: city.street.into(),
            },
        ]),
        address: Some(format!("{}, {}, {}", city.street, city.name, city.country)),
        extensions: Map::new(),
    }
}

fn deployment_manager(
    city: &City,
    id: &str,
    location_id: &str,
    o_cloud_id: &str,
) -> DeploymentManager {
    let endpoint = format!("https://api.{}.ocloud.example:6443", city.key);
    DeploymentManager {
        deployment_manager_id: id.into(),
        name: format!("{}-cluster", city.key),
        description: format!("Kubernetes cluster at the {} edge", city.name),
        o_cloud_id: o_cloud_id.into(),
        service_uri: endpoint.clone(),
        supported_locations: vec![location_id.into()],
        capabilities: ext(json!({ "kubernetesVersion": "1.31", "profiles": ["k8s"] })),
        capacity: ext(json!({ "cpuCores": 4096, "memoryGiB": 32768 })),
        extensions: ext(json!({
            "country": city.country,
            "profileName": PROFILE_NAME,
            "profileData": public_data(&endpoint, None),
        })),
    }
}
