//! Several backends at once: named instances and the rules routing each kind to them.

use serde::{Deserialize, Serialize};

use super::Sections;

/// A named backend instance (`[[backends]]`): a kind, and optionally its own section of that
/// kind's settings (`[backends.sim]`, `[backends.kubernetes]`), which replaces the top-level one
/// (the backend registry checks both).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackendInstance {
    pub name: String,
    pub kind: String,
    #[serde(flatten)]
    pub sections: Sections,
}

/// How a rule's backends answer a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// Every backend's objects, merged by id; a failing backend leaves a warning.
    #[default]
    Merge,
    /// The objects of the first backend that has any.
    First,
    /// The first backend that answers; the next ones only when it fails.
    Fallback,
}

/// A routing rule (`[[routes]]`): objects of `kinds` matching `filter` come from `backends`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteRule {
    /// Collections as the API names them (`resourcePools`, `resources`, …) or `*`.
    pub kinds: Vec<String>,
    /// O-RAN filter the objects must match; empty matches all.
    #[serde(default)]
    pub filter: String,
    /// Backend instance names, in order.
    pub backends: Vec<String>,
    #[serde(default)]
    pub strategy: Strategy,
    /// Higher first. Default 0.
    #[serde(default)]
    pub priority: i32,
}
