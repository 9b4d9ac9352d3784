//! The simulator's builder `simulator.pool`: a resource pool in an O-Cloud site whose N nodes
//! (resources) appear once `readySeconds` have passed, or a failure after `failAfterSeconds`.
//! Every id is named from the request id (the pool: `<request>/pool`, node i: `<request>/node/i`,
//! as UUIDv5), so applying an order again creates nothing twice.

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::Simulator;
use crate::{
    backend::{
        provision::{Item, ItemPhase, Order, Progress, Provisioner},
        BackendError,
    },
    domain::{objects::*, scope::TENANT_LABEL},
};

pub const POOL: &str = "simulator.pool";

/// The label naming the request a provisioned pool belongs to.
pub const REQUEST_LABEL: &str = "o2ims.oran.org/provisioning-request";

/// Names the simulator's provisioned objects.
const NAMESPACE: Uuid = Uuid::from_u128(0x6e65_7477_6561_7665_5349_4d00_7072_6f76);

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PoolParameters {
    pool_name: String,
    o_cloud_site_id: String,
    #[serde(default)]
    node_count: u32,
    #[serde(default)]
    resource_type_id: String,
    #[serde(default)]
    ready_seconds: f64,
    fail_after_seconds: Option<f64>,
    #[serde(default)]
    labels: Map<String, Value>,
}

fn parameters(order: &Order) -> Result<PoolParameters, BackendError> {
    serde_json::from_value(order.parameters.clone())
        .map_err(|e| BackendError::Invalid(format!("templateParameters do not fit {POOL}: {e}")))
}

fn pool_id(order: &Order) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{}/pool", order.request_id).as_bytes()).to_string()
}

fn node_id(order: &Order, i: u32) -> String {
    Uuid::new_v5(
        &NAMESPACE,
        format!("{}/node/{i}", order.request_id).as_bytes(),
    )
    .to_string()
}

fn node_name(p: &PoolParameters, i: u32) -> String {
    format!("{}-node-{i}", p.pool_name)
}

impl Simulator {
    /// The resource type nodes get: the one named, or the first the O-Cloud has.
    fn node_type(&self, p: &PoolParameters) -> Result<String, BackendError> {
        let inv = self.read();
        if !p.resource_type_id.is_empty() {
            return match inv.resource_types.contains_key(&p.resource_type_id) {
                true => Ok(p.resource_type_id.clone()),
                false => Err(BackendError::Invalid(format!(
                    "resourceTypeId '{}' names no resource type",
                    p.resource_type_id
                ))),
            };
        }
        inv.resource_types
            .keys()
            .next()
            .cloned()
            .ok_or_else(|| BackendError::Invalid("the O-Cloud has no resource type".into()))
    }

    fn wanted_pool(&self, order: &Order, p: &PoolParameters) -> ResourcePool {
        let mut labels = p.labels.clone();
        labels.insert(
            REQUEST_LABEL.into(),
            Value::String(order.request_id.clone()),
        );
        if let Some(tenant) = &order.tenant {
            labels.insert(TENANT_LABEL.into(), Value::String(tenant.clone()));
        }
        let mut extensions = Extensions::new();
        extensions.insert("labels".into(), Value::Object(labels));
        ResourcePool {
            resource_pool_id: pool_id(order),
            name: p.pool_name.clone(),
            o_cloud_site_id: p.o_cloud_site_id.clone(),
            description: format!("Provisioned by request '{}'", order.name),
            extensions,
        }
    }

    /// Makes the pool exist as wanted, and the nodes once they are due; removes nodes past
    /// the count. Under one write each, flushed together by the caller.
    fn converge(&self, order: &Order, p: &PoolParameters, due: bool) -> Result<(), BackendError> {
        let wanted = self.wanted_pool(order, p);
        let existing = self
            .read()
            .resource_pools
            .get(&wanted.resource_pool_id)
            .cloned();
        match existing {
            None => {
                self.create_resource_pool_now(wanted.clone())?;
            }
            Some(pool) if *pool != wanted => {
                self.update_resource_pool_now(wanted.clone())?;
            }
            Some(_) => {}
        }
        let pool = wanted.resource_pool_id;
        let present: Vec<String> = self
            .read()
            .resources
            .get(&pool)
            .map(|r| r.keys().cloned().collect())
            .unwrap_or_default();
        let keep: Vec<String> = (0..p.node_count).map(|i| node_id(order, i)).collect();
        for id in present.iter().filter(|id| !keep.contains(id)) {
            self.delete_resource_now(&pool, id)?;
        }
        if !due {
            return Ok(());
        }
        let resource_type_id = self.node_type(p)?;
        for (i, id) in keep.iter().enumerate() {
            if present.contains(id) {
                continue;
            }
            let mut extensions = Extensions::new();
            extensions.insert("name".into(), Value::String(node_name(p, i as u32)));
            extensions.insert(
                "provisioningRequestId".into(),
                Value::String(order.request_id.clone()),
            );
            self.create_resource_now(Resource {
                resource_id: id.clone(),
                resource_pool_id: pool.clone(),
                description: format!("Node {i} of pool '{}'", p.pool_name),
                resource_type_id: resource_type_id.clone(),
                extensions,
                ..Resource::default()
            })?;
        }
        Ok(())
    }

    fn progress(&self, order: &Order, p: &PoolParameters, failure: Option<String>) -> Progress {
        let inv = self.read();
        let pool = pool_id(order);
        let present = inv.resources.get(&pool);
        let phase_of = |exists: bool| match (exists, &failure) {
            (true, _) => ItemPhase::Provisioned,
            (false, Some(_)) => ItemPhase::Failed,
            (false, None) => ItemPhase::Processing,
        };
        let resources: Vec<Item> = (0..p.node_count)
            .map(|i| {
                let id = node_id(order, i);
                let exists = present.is_some_and(|r| r.contains_key(&id));
                Item {
                    resource_name: node_name(p, i),
                    resource_id: id,
                    resource_provisioning_phase: phase_of(exists),
                }
            })
            .collect();
        let ready = resources
            .iter()
            .filter(|r| r.resource_provisioning_phase == ItemPhase::Provisioned)
            .count();
        let all = ready == resources.len() && inv.resource_pools.contains_key(&pool);
        let message = match &failure {
            Some(reason) => reason.clone(),
            None if all => format!("pool '{}' has its {ready} nodes", p.pool_name),
            None => format!(
                "pool '{}': {ready} of {} nodes ready",
                p.pool_name,
                resources.len()
            ),
        };
        Progress {
            group: Item {
                resource_name: p.pool_name.clone(),
                resource_id: pool,
                resource_provisioning_phase: phase_of(all),
            },
            resources,
            failure,
            message,
        }
    }
}

/// The simulator's builders: its pool, when it is writable.
pub fn builders(writable: bool) -> Vec<String> {
    match writable {
        true => vec![POOL.to_owned()],
        false => Vec::new(),
    }
}

#[async_trait]
impl Provisioner for Simulator {
    fn builders(&self) -> Vec<String> {
        builders(self.writable)
    }

    async fn check(&self, order: &Order) -> Result<(), BackendError> {
        let p = parameters(order)?;
        if !self.read().sites.contains_key(&p.o_cloud_site_id) {
            return Err(BackendError::Invalid(format!(
                "oCloudSiteId '{}' names no O-Cloud site",
                p.o_cloud_site_id
            )));
        }
        self.node_type(&p).map(drop)
    }

    async fn apply(&self, order: &Order) -> Result<Progress, BackendError> {
        let p = parameters(order)?;
        if let Some(after) = p.fail_after_seconds.filter(|s| order.elapsed >= *s) {
            let reason = format!("simulated failure after {after} s (failAfterSeconds)");
            return Ok(self.progress(order, &p, Some(reason)));
        }
        let converged = self.converge(order, &p, order.elapsed >= p.ready_seconds);
        // What was written is saved and its events durable before the progress is told.
        self.settle(true).await?;
        converged?;
        Ok(self.progress(order, &p, None))
    }

    async fn remove(&self, order: &Order) -> Result<bool, BackendError> {
        let pool = pool_id(order);
        let held: Vec<String> = match self.read().resources.get(&pool) {
            Some(r) => r.keys().cloned().collect(),
            None => Vec::new(),
        };
        let mut removed = Ok(());
        for id in &held {
            removed = removed.and(self.delete_resource_now(&pool, id));
        }
        if self.read().resource_pools.contains_key(&pool) {
            removed = removed.and(self.delete_resource_pool_now(&pool));
        }
        self.settle(true).await?;
        removed?;
        Ok(!self.read().resource_pools.contains_key(&pool))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::{simulator::SimSpec, Backend};
    use serde_json::json;

    /// A simulator whose changes are taken as durable as they come (no event log here).
    fn simulator() -> Simulator {
        let sim = Simulator::new(&SimSpec {
            seed: 1,
            pools: 2,
            resources: 2,
            read_only: false,
            o_cloud_id: "cloud".into(),
            tenants: Vec::new(),
        });
        let mut feed = sim.take_changes().unwrap();
        tokio::spawn(async move {
            while let Some(item) = feed.recv().await {
                if let crate::backend::FeedItem::Change(c) = item {
                    if let Some(d) = c.durable {
                        d.done();
                    }
                }
            }
        });
        sim
    }

    fn order(sim: &Simulator, nodes: u32, elapsed: f64) -> Order {
        let site = sim.read().sites.keys().next().unwrap().clone();
        Order {
            request_id: "123e4567-e89b-12d3-a456-426614174000".into(),
            name: "edge".into(),
            builder: POOL.into(),
            parameters: json!({"poolName": "edge", "oCloudSiteId": site, "nodeCount": nodes,
                "readySeconds": 1.0, "labels": {"tier": "du"}}),
            tenant: Some("acme".into()),
            elapsed,
        }
    }

    #[tokio::test]
    async fn a_pool_gets_its_nodes_when_due_once_however_often_applied_and_is_removed() {
        let sim = simulator();
        let provisioner = sim.provisioner().unwrap();
        let early = provisioner.apply(&order(&sim, 3, 0.5)).await.unwrap();
        assert!(!early.fulfilled());
        assert_eq!(early.resources.len(), 3);
        let pool = sim.read().resource_pools[&early.group.resource_id].clone();
        assert_eq!(pool.extensions["labels"][TENANT_LABEL], json!("acme"));
        assert_eq!(
            sim.read()
                .resources
                .get(&pool.resource_pool_id)
                .map_or(0, |r| r.len()),
            0
        );
        for _ in 0..3 {
            let done = provisioner.apply(&order(&sim, 3, 1.0)).await.unwrap();
            assert!(done.fulfilled(), "{done:?}");
        }
        assert_eq!(sim.read().resources[&pool.resource_pool_id].len(), 3);
        let scaled = provisioner.apply(&order(&sim, 5, 1.0)).await.unwrap();
        assert!(scaled.fulfilled());
        assert_eq!(sim.read().resources[&pool.resource_pool_id].len(), 5);
        provisioner.apply(&order(&sim, 1, 1.0)).await.unwrap();
        assert_eq!(sim.read().resources[&pool.resource_pool_id].len(), 1);
        assert!(provisioner.remove(&order(&sim, 1, 1.0)).await.unwrap());
        assert!(!sim
            .read()
            .resource_pools
            .contains_key(&pool.resource_pool_id));
        assert!(provisioner.remove(&order(&sim, 1, 1.0)).await.unwrap());
    }

    #[tokio::test]
    async fn unknown_sites_and_types_are_refused_by_name() {
        let sim = simulator();
        let mut o = order(&sim, 1, 0.0);
        o.parameters["oCloudSiteId"] = json!("00000000-0000-0000-0000-000000000000");
        let e = sim.check(&o).await.unwrap_err().to_string();
        assert!(e.contains("oCloudSiteId"), "{e}");
        let mut o = order(&sim, 1, 0.0);
        o.parameters["resourceTypeId"] = json!("nope");
        let e = sim.check(&o).await.unwrap_err().to_string();
        assert!(e.contains("resourceTypeId 'nope'"), "{e}");
    }
}
