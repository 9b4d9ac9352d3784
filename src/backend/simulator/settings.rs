//! The simulator as a backend kind: its `[sim]` section, its flags, and how it starts.

use std::sync::Arc;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{SimSpec, Simulator};
use crate::{
    backend::{
        registry::{self, Context},
        BackendRef,
    },
    config::Section,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SimConfig {
    /// Seed of the generated inventory; the same seed gives the same ids. Default `42`.
    pub seed: u64,
    /// Number of resource pools. Default `3`.
    pub pools: usize,
    /// Number of resources, spread over the pools. Default `1000`.
    pub resources: usize,
    /// Report no write capability, like a read-only production backend. Default `false`.
    pub read_only: bool,
    /// Realistic state changes per second (admin/operational/usage/power states, resources
    /// added and removed), for demos and benchmarks; 0 disables. Default `0`.
    pub churn: f64,
    /// Tenants the pools are assigned to in turn, by the owner label
    /// `o2ims.oran.org/tenant` on each pool. Default empty (no labels).
    pub tenants: Vec<String>,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            seed: 42,
            pools: 3,
            resources: 1000,
            read_only: false,
            churn: 0.0,
            tenants: Vec::new(),
        }
    }
}

impl Section for SimConfig {
    const NAME: &'static str = "sim";
}

impl SimConfig {
    pub fn validate(&self) -> Result<(), String> {
        if !(0.0..=100_000.0).contains(&self.churn) {
            return Err("sim.churn must be between 0 and 100000 changes per second".into());
        }
        if self.pools == 0 && self.resources > 0 {
            return Err("sim.resources needs at least one pool (sim.pools)".into());
        }
        Ok(())
    }
}

/// The simulator's flags of `netweave serve`.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct SimFlags {
    /// Seed of the simulated inventory (`sim.seed`).
    #[arg(long = "sim-seed")]
    pub sim_seed: Option<u64>,
    /// Resource pools of the simulated O-Cloud (`sim.pools`).
    #[arg(long = "sim-pools")]
    pub sim_pools: Option<usize>,
    /// Resources of the simulated O-Cloud (`sim.resources`).
    #[arg(long = "sim-resources")]
    pub sim_resources: Option<usize>,
    /// Simulated changes per second (`sim.churn`).
    #[arg(long = "sim-churn")]
    pub sim_churn: Option<f64>,
}

impl SimFlags {
    pub fn settings(&self) -> Vec<(String, Value)> {
        [
            ("sim.seed", self.sim_seed.map(Value::from)),
            ("sim.pools", self.sim_pools.map(Value::from)),
            ("sim.resources", self.sim_resources.map(Value::from)),
            ("sim.churn", self.sim_churn.map(Value::from)),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_owned(), value?)))
        .collect()
    }
}

/// Where a lone simulator keeps its inventory, in the data directory (a routed one adds its
/// instance name: `simulator-<name>.redb`).
pub const SIMULATOR_FILE: &str = "simulator.redb";

/// The `simulator` kind.
pub struct SimulatorKind;

impl registry::Kind for SimulatorKind {
    const NAME: &'static str = "simulator";
    const SHARED: bool = false;
    type Settings = SimConfig;

    fn check(settings: &SimConfig) -> Result<(), String> {
        settings.validate()
    }

    fn builders(settings: &SimConfig) -> Vec<String> {
        super::provision::builders(!settings.read_only)
    }

    async fn start(context: Context, settings: SimConfig) -> anyhow::Result<BackendRef> {
        let spec = SimSpec {
            seed: settings.seed,
            pools: settings.pools,
            resources: settings.resources,
            read_only: settings.read_only,
            o_cloud_id: context.o_cloud_id.clone(),
            tenants: settings.tenants.clone(),
        };
        let file = match &context.routed {
            None => context.data_dir.join(SIMULATOR_FILE),
            Some(name) => context.data_dir.join(format!("simulator-{name}.redb")),
        };
        let sim =
            Arc::new(Simulator::open(&spec, &file).context("opening the simulated inventory")?);
        if settings.churn > 0.0 {
            sim.start_churn(settings.churn, settings.seed, context.shutdown.clone());
        }
        Ok(sim)
    }
}
