//! Churn: realistic changes at a steady rate — a node locked for maintenance and unlocked
//! again, a failed node disabled and recovered, load moving nodes between idle, active and
//! busy, power cycles, alarms raised, changed and cleared from the resource type's alarm
//! dictionary, and now and then a node replaced (removed, then added anew).

use std::{sync::Arc, time::Duration};

use serde_json::Value;
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

use super::Simulator;
use crate::backend::{Kind, Object};

fn flip(value: &Value, a: &str, b: &str) -> Value {
    Value::from(if value == a { b } else { a })
}

fn next_usage(value: &Value) -> Value {
    Value::from(match value.as_str() {
        Some("IDLE") => "ACTIVE",
        Some("ACTIVE") => "BUSY",
        _ => "IDLE",
    })
}

impl Simulator {
    /// Makes one change; returns false when there is nothing to change. Returns once the
    /// change is in the feed (waiting while the feed is full).
    pub async fn churn_step(&self, rng: &mut fastrand::Rng) -> bool {
        let changed = self.churn_now(rng);
        // Saved without waiting for the disk (durably every 250 ms): a crash forgets at most the
        // last steps, and the diff on start tells the SMO what the inventory then is.
        let _ = self.settle(false).await;
        changed
    }

    /// Changes are staged under the write lock, so events for one object are in the order the
    /// changes happened.
    fn churn_now(&self, rng: &mut fastrand::Rng) -> bool {
        let mut inv = self.write();
        let pools: Vec<String> = inv
            .resources
            .iter()
            .filter(|(_, r)| !r.is_empty())
            .map(|(p, _)| p.clone())
            .collect();
        let Some(pool) = pools.get(rng.usize(..pools.len().max(1))).cloned() else {
            return false;
        };
        let probe = Uuid::from_u128(rng.u128(..)).to_string();
        let resources = inv.resources.get_mut(&pool).expect("pool listed above");
        let Some((id, prior)) = resources
            .range(probe..)
            .next()
            .or_else(|| resources.iter().next())
            .map(|(k, v)| (k.clone(), Arc::clone(v)))
        else {
            return false;
        };
        if rng.u8(..100) < 2 {
            // Replace the node: it leaves the pool and a new one takes its place.
            resources.remove(&id);
            let mut replacement = (*prior).clone();
            replacement.resource_id = Uuid::new_v4().to_string();
            replacement.global_asset_id = format!("SN-{:010X}", rng.u64(..) & 0xFF_FFFF_FFFF);
            let replacement = Arc::new(replacement);
            resources.insert(replacement.resource_id.clone(), Arc::clone(&replacement));
            self.publish(Kind::Resource, &id, Some(Object::Resource(prior)), None);
            self.publish(
                Kind::Resource,
                &replacement.resource_id.clone(),
                None,
                Some(Object::Resource(replacement)),
            );
            return true;
        }
        let mut next = (*prior).clone();
        // Now and then an alarm raised, changed or cleared (see `alarms`), else a state.
        let alarmed = rng.u8(..100) < 15 && {
            let defined = super::alarms::definitions(&inv, &prior).to_vec();
            super::alarms::churn(&mut next.extensions, &defined, rng)
        };
        if !alarmed {
            Self::churn_state(&mut next.extensions, rng);
        }
        let next = Arc::new(next);
        let resources = inv.resources.get_mut(&pool).expect("pool listed above");
        resources.insert(id.clone(), Arc::clone(&next));
        self.publish(
            Kind::Resource,
            &id,
            Some(Object::Resource(prior)),
            Some(Object::Resource(next)),
        );
        true
    }

    /// One of a node's states moved on: locked or unlocked, failed or recovered, its load, its
    /// power.
    fn churn_state(ext: &mut serde_json::Map<String, Value>, rng: &mut fastrand::Rng) {
        let field = [
            "adminState",
            "operationalState",
            "usageState",
            "usageState",
            "powerState",
        ][rng.usize(..5)];
        let current = ext.get(field).cloned().unwrap_or(Value::Null);
        let value = match field {
            "adminState" => flip(&current, "UNLOCKED", "LOCKED"),
            "operationalState" => flip(&current, "ENABLED", "DISABLED"),
            "powerState" => flip(&current, "ON", "OFF"),
            _ => next_usage(&current),
        };
        ext.insert(field.to_owned(), value);
    }

    /// Changes the inventory `per_second` times a second until shutdown.
    pub fn start_churn(self: &Arc<Self>, per_second: f64, seed: u64, shutdown: CancellationToken) {
        let sim = Arc::clone(self);
        tokio::spawn(async move {
            let mut rng = fastrand::Rng::with_seed(seed ^ 0xC4u64);
            let mut ticker = tokio::time::interval(Duration::from_secs_f64(1.0 / per_second));
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = ticker.tick() => { sim.churn_step(&mut rng).await; }
                    _ = shutdown.cancelled() => {
                        sim.checkpoint().await;
                        return;
                    }
                }
            }
        });
    }
}
