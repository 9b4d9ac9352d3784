//! The OpenStack builder `openstack.serverGroup` (offered with `openstack.pool_writes`): a host
//! aggregate in an availability zone with the given hosts — a resource pool of the inventory —
//! and N servers of a flavor, image and network booted in that zone. Everything built carries
//! the request id in its metadata (`netweave.provisioning-request`, and `netweave.index` on a
//! server), which is how an order applied again — after a crash, by a new leader — finds what
//! exists and creates only what is missing. A server is PROVISIONED once ACTIVE; a server in
//! ERROR fails the order with Nova's fault message.

use std::collections::BTreeMap;

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{
    api::{Aggregate, Api, Server},
    keystone::CallError,
    OpenStackBackend,
};
use crate::backend::{
    provision::{Item, ItemPhase, Order, Progress, Provisioner},
    BackendError,
};

pub const SERVER_GROUP: &str = "openstack.serverGroup";
/// The metadata key naming the request a built aggregate or server belongs to.
pub const REQUEST_KEY: &str = "netweave.provisioning-request";
/// The metadata key of a built server's index in its group.
pub const INDEX_KEY: &str = "netweave.index";

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct GroupParameters {
    aggregate_name: String,
    availability_zone: String,
    #[serde(default)]
    hosts: Vec<String>,
    #[serde(default)]
    server_count: u32,
    flavor_ref: String,
    image_ref: String,
    network_id: String,
    #[serde(default)]
    name_prefix: String,
}

impl GroupParameters {
    fn server_name(&self, i: u32) -> String {
        let prefix = match self.name_prefix.is_empty() {
            true => &self.aggregate_name,
            false => &self.name_prefix,
        };
        format!("{prefix}-{i}")
    }
}

fn parameters(order: &Order) -> Result<GroupParameters, BackendError> {
    serde_json::from_value(order.parameters.clone()).map_err(|e| {
        BackendError::Invalid(format!("templateParameters do not fit {SERVER_GROUP}: {e}"))
    })
}

/// A refusal is the order's failure (Nova's message); anything else is retried.
fn answered(e: CallError) -> BackendError {
    match e.status() {
        Some(_) => BackendError::Invalid(e.to_string()),
        None => BackendError::Unavailable(e.to_string()),
    }
}

fn owned_by(metadata: &serde_json::Map<String, Value>, order: &Order) -> bool {
    metadata.get(REQUEST_KEY).and_then(Value::as_str) == Some(order.request_id.as_str())
}

/// What exists of an order now, read from Nova itself (not the polled view, which may lag).
struct Built {
    aggregate: Option<Aggregate>,
    /// By index.
    servers: BTreeMap<u32, Server>,
    /// Servers of the order past its count, or repeated.
    extra: Vec<Server>,
}

async fn built(api: &Api, order: &Order) -> Result<Built, CallError> {
    let aggregates: Vec<Aggregate> = api.aggregates().await?.parse()?;
    let aggregate = aggregates.into_iter().find(|a| {
        a.metadata.get(REQUEST_KEY).and_then(Value::as_str) == Some(order.request_id.as_str())
    });
    let (servers, _) = api.servers(None).await?;
    let mut by_index = BTreeMap::new();
    let mut extra = Vec::new();
    for s in servers.into_iter().filter(|s| owned_by(&s.metadata, order)) {
        let index = s
            .metadata
            .get(INDEX_KEY)
            .and_then(Value::as_str)
            .and_then(|i| i.parse::<u32>().ok());
        match index {
            Some(i) if !by_index.contains_key(&i) => {
                by_index.insert(i, s);
            }
            _ => extra.push(s),
        }
    }
    Ok(Built {
        aggregate,
        servers: by_index,
        extra,
    })
}

impl OpenStackBackend {
    fn provisioning_api(&self) -> Result<std::sync::Arc<Api>, BackendError> {
        self.check_writes("provisioning server groups")
    }

    /// Makes the aggregate exist with its zone, owner metadata and hosts.
    async fn converge_aggregate(
        &self,
        api: &Api,
        order: &Order,
        p: &GroupParameters,
        existing: Option<Aggregate>,
    ) -> Result<Aggregate, CallError> {
        let mut aggregate = match existing {
            Some(a) => a,
            None => {
                api.create_aggregate(&p.aggregate_name, Some(&p.availability_zone))
                    .await?
            }
        };
        let mut labels = serde_json::Map::new();
        labels.insert(REQUEST_KEY.into(), Value::String(order.request_id.clone()));
        if let Some(tenant) = &order.tenant {
            labels.insert(
                crate::domain::scope::TENANT_LABEL.into(),
                Value::String(tenant.clone()),
            );
        }
        if labels
            .iter()
            .any(|(k, v)| aggregate.metadata.get(k) != Some(v))
        {
            aggregate = api
                .aggregate_action(aggregate.id, json!({"set_metadata": {"metadata": labels}}))
                .await?;
        }
        for host in p
            .hosts
            .iter()
            .filter(|h| !aggregate.hosts.contains(h))
            .cloned()
            .collect::<Vec<_>>()
        {
            aggregate = api
                .aggregate_action(aggregate.id, json!({"add_host": {"host": host}}))
                .await?;
        }
        Ok(aggregate)
    }

    fn progress(
        &self,
        p: &GroupParameters,
        aggregate: &Aggregate,
        servers: &BTreeMap<u32, Server>,
    ) -> Progress {
        let state = self.state.read();
        let mut failure = None;
        let resources: Vec<Item> = (0..p.server_count)
            .map(|i| {
                let name = p.server_name(i);
                match servers.get(&i) {
                    Some(s) => {
                        let phase = match s.status.as_str() {
                            "ACTIVE" => ItemPhase::Provisioned,
                            "ERROR" => {
                                let why = s
                                    .fault
                                    .as_ref()
                                    .and_then(|f| f["message"].as_str())
                                    .unwrap_or("the server is in ERROR");
                                failure.get_or_insert_with(|| {
                                    format!("server '{}' is in ERROR: {why}", s.name)
                                });
                                ItemPhase::Failed
                            }
                            _ => ItemPhase::Processing,
                        };
                        Item {
                            resource_name: name,
                            resource_id: state.mapping.server_resource_id(&s.id),
                            resource_provisioning_phase: phase,
                        }
                    }
                    None => Item {
                        resource_name: name,
                        resource_id: String::new(),
                        resource_provisioning_phase: ItemPhase::Processing,
                    },
                }
            })
            .collect();
        let ready = resources
            .iter()
            .filter(|r| r.resource_provisioning_phase == ItemPhase::Provisioned)
            .count();
        let group_phase = match ready == resources.len() && failure.is_none() {
            true => ItemPhase::Provisioned,
            false => ItemPhase::Processing,
        };
        let message = match &failure {
            Some(why) => why.clone(),
            None => format!(
                "aggregate '{}': {ready} of {} servers ACTIVE",
                p.aggregate_name,
                resources.len()
            ),
        };
        Progress {
            group: Item {
                resource_name: p.aggregate_name.clone(),
                resource_id: state.mapping.aggregate_pool_id(aggregate),
                resource_provisioning_phase: group_phase,
            },
            resources,
            failure,
            message,
        }
    }
}

/// The OpenStack builders: the server group, when writes are on.
pub fn builders(pool_writes: bool) -> Vec<String> {
    match pool_writes {
        true => vec![SERVER_GROUP.to_owned()],
        false => Vec::new(),
    }
}

#[async_trait]
impl Provisioner for OpenStackBackend {
    fn builders(&self) -> Vec<String> {
        builders(self.pool_writes)
    }

    async fn check(&self, order: &Order) -> Result<(), BackendError> {
        let p = parameters(order)?;
        if p.aggregate_name.trim().is_empty() || p.aggregate_name.len() > 255 {
            return Err(BackendError::Invalid(
                "aggregateName: 1 to 255 characters".into(),
            ));
        }
        let state = self.state.read();
        if !state.has_flavor(&p.flavor_ref) {
            return Err(BackendError::Invalid(format!(
                "flavorRef '{}' names no flavor of the cloud",
                p.flavor_ref
            )));
        }
        if let Some(host) = p.hosts.iter().find(|h| !state.has_host(h)) {
            return Err(BackendError::Invalid(format!(
                "hosts: '{host}' is no compute host of the cloud"
            )));
        }
        Ok(())
    }

    async fn apply(&self, order: &Order) -> Result<Progress, BackendError> {
        let p = parameters(order)?;
        let api = self.provisioning_api()?;
        let mut now = built(&api, order).await.map_err(answered)?;
        let aggregate = self
            .converge_aggregate(&api, order, &p, now.aggregate.take())
            .await
            .map_err(answered)?;
        // Servers past the count go; missing ones are created.
        for s in now.extra.drain(..) {
            api.delete_server(&s.id).await.map_err(answered)?;
        }
        let past: Vec<u32> = now
            .servers
            .range(p.server_count..)
            .map(|(i, _)| *i)
            .collect();
        for i in past {
            if let Some(s) = now.servers.remove(&i) {
                api.delete_server(&s.id).await.map_err(answered)?;
            }
        }
        let mut created = false;
        for i in (0..p.server_count).filter(|i| !now.servers.contains_key(i)) {
            let server = json!({
                "name": p.server_name(i),
                "flavorRef": p.flavor_ref,
                "imageRef": p.image_ref,
                "networks": [{"uuid": p.network_id}],
                "availability_zone": p.availability_zone,
                "metadata": {REQUEST_KEY: order.request_id, INDEX_KEY: i.to_string()},
            });
            api.create_server(server).await.map_err(answered)?;
            created = true;
        }
        if created {
            now = built(&api, order).await.map_err(answered)?;
        }
        Ok(self.progress(&p, &aggregate, &now.servers))
    }

    async fn remove(&self, order: &Order) -> Result<bool, BackendError> {
        let api = self.provisioning_api()?;
        let now = built(&api, order).await.map_err(answered)?;
        let servers: Vec<&Server> = now.servers.values().chain(&now.extra).collect();
        for s in &servers {
            match api.delete_server(&s.id).await {
                Ok(()) => {}
                Err(e) if e.status() == Some(404) => {}
                Err(e) => return Err(answered(e)),
            }
        }
        if !servers.is_empty() {
            // Deleting takes a while in a real cloud: the aggregate goes at a later pass.
            return Ok(false);
        }
        let Some(mut aggregate) = now.aggregate else {
            return Ok(true);
        };
        for host in aggregate.hosts.clone() {
            aggregate = api
                .aggregate_action(aggregate.id, json!({"remove_host": {"host": host}}))
                .await
                .map_err(answered)?;
        }
        match api.delete_aggregate(aggregate.id).await {
            Ok(()) => Ok(true),
            Err(e) if e.status() == Some(404) => Ok(true),
            Err(e) => Err(answered(e)),
        }
    }
}
