//! VNF lifecycle records as ETSI GS NFV-SOL 003 v3.3.1 shapes them (API 2.0.0, the subset
//! Tacker's v2 serves): the VNF instance (`VnfInstance`) and the lifecycle operation
//! occurrence (`VnfLcmOpOcc`) with its state machine:
//!
//! ```text
//! STARTING → PROCESSING → COMPLETED
//!                 └→ FAILED_TEMP ─retry→ PROCESSING
//!                        ├─rollback→ ROLLING_BACK → ROLLED_BACK (or FAILED_TEMP)
//!                        └─fail→ FAILED
//! ```
//!
//! An instance runs one operation at a time (`operation` names it while it is not final).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::{
    events::Event,
    store::dms::{Record, Table},
};

/// The lifecycle API's root.
pub const ROOT: &str = "/vnflcm/v2";
/// The API version this surface serves (SOL003 v3.3.1, as Tacker's v2).
pub const API_VERSION: &str = "2.0.0";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Instantiation {
    NotInstantiated,
    Instantiated,
}

impl Instantiation {
    pub fn name(self) -> &'static str {
        match self {
            Instantiation::NotInstantiated => "NOT_INSTANTIATED",
            Instantiation::Instantiated => "INSTANTIATED",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Operation {
    Instantiate,
    Scale,
    Heal,
    Terminate,
    ModifyInfo,
    ChangeVnfpkg,
}

impl Operation {
    pub fn name(self) -> &'static str {
        match self {
            Operation::Instantiate => "INSTANTIATE",
            Operation::Scale => "SCALE",
            Operation::Heal => "HEAL",
            Operation::Terminate => "TERMINATE",
            Operation::ModifyInfo => "MODIFY_INFO",
            Operation::ChangeVnfpkg => "CHANGE_VNFPKG",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OpState {
    Starting,
    Processing,
    Completed,
    FailedTemp,
    Failed,
    RollingBack,
    RolledBack,
}

impl OpState {
    pub fn name(self) -> &'static str {
        match self {
            OpState::Starting => "STARTING",
            OpState::Processing => "PROCESSING",
            OpState::Completed => "COMPLETED",
            OpState::FailedTemp => "FAILED_TEMP",
            OpState::Failed => "FAILED",
            OpState::RollingBack => "ROLLING_BACK",
            OpState::RolledBack => "ROLLED_BACK",
        }
    }

    /// The operation is over: nothing more happens to it.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            OpState::Completed | OpState::Failed | OpState::RolledBack
        )
    }

    /// The executor has work with it.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            OpState::Starting | OpState::Processing | OpState::RollingBack
        )
    }
}

/// One VNFC: a pod of one of the instance's workloads, for one VDU.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vnfc {
    /// Stable for the pod's life; a healed VNFC gets a new one.
    pub id: String,
    pub vdu_id: String,
    /// The pod's name.
    pub resource_id: String,
    /// `Deployment`, `StatefulSet`…
    pub kind: String,
}

/// What instantiation set, kept while the instance is INSTANTIATED.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Instantiated {
    pub flavour_id: String,
    /// Aspect id → scale level.
    pub scale: BTreeMap<String, u32>,
    /// The release: where and how it was deployed.
    pub deployment_manager: String,
    pub namespace: String,
    pub release: String,
    pub chart_path: String,
    /// Helm values from `helm_parameters`.
    pub parameters: Map<String, Value>,
    /// VDU id → the value naming its replicas.
    pub replica_values: BTreeMap<String, String>,
    /// VDU id → the template its workload runs (the digest of the chart it was last rolled
    /// with).
    #[serde(default)]
    pub templates: BTreeMap<String, String>,
    pub vnfcs: Vec<Vnfc>,
}

/// A VNF instance as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VnfInstance {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub vnfd_id: String,
    pub vnf_pkg_id: String,
    pub vnf_provider: String,
    pub vnf_product_name: String,
    pub vnf_software_version: String,
    pub vnfd_version: String,
    pub state: Instantiation,
    #[serde(default)]
    pub vim_connection_info: Map<String, Value>,
    #[serde(default)]
    pub metadata: Map<String, Value>,
    #[serde(default)]
    pub extensions: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instantiated: Option<Instantiated>,
    /// The operation occurrence in progress (not final), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    pub revision: u64,
    /// Notifications of this record's changes not yet on the event stream (its outbox).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unpublished: Vec<Event>,
    /// Deleted: kept only until its deletion notification is on the stream; not shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gone: bool,
}

impl Record for VnfInstance {
    const TABLE: Table = Table::Instances;
    fn id(&self) -> &str {
        &self.id
    }
    fn revision(&self) -> u64 {
        self.revision
    }
}

pub fn instance_path(id: &str) -> String {
    format!("{ROOT}/vnf_instances/{id}")
}

pub fn op_path(id: &str) -> String {
    format!("{ROOT}/vnf_lcm_op_occs/{id}")
}

fn link(href: String) -> Value {
    json!({ "href": href })
}

impl VnfInstance {
    /// `VnfInstance` (SOL003 §5.5.2.2).
    pub fn shape(&self) -> Value {
        let path = instance_path(&self.id);
        let mut links = Map::new();
        links.insert("self".into(), link(path.clone()));
        let actions: &[(&str, &str)] = match self.state {
            Instantiation::NotInstantiated => &[("instantiate", "instantiate")],
            Instantiation::Instantiated => &[
                ("terminate", "terminate"),
                ("scale", "scale"),
                ("heal", "heal"),
                ("changeExtConn", "change_ext_conn"),
            ],
        };
        for (name, action) in actions {
            links.insert((*name).into(), link(format!("{path}/{action}")));
        }
        let mut out = json!({
            "id": self.id,
            "vnfdId": self.vnfd_id,
            "vnfProvider": self.vnf_provider,
            "vnfProductName": self.vnf_product_name,
            "vnfSoftwareVersion": self.vnf_software_version,
            "vnfdVersion": self.vnfd_version,
            "instantiationState": self.state.name(),
            "_links": links,
        });
        let o = out.as_object_mut().expect("an object");
        if let Some(n) = &self.name {
            o.insert("vnfInstanceName".into(), json!(n));
        }
        if let Some(d) = &self.description {
            o.insert("vnfInstanceDescription".into(), json!(d));
        }
        if !self.vim_connection_info.is_empty() {
            o.insert(
                "vimConnectionInfo".into(),
                Value::Object(self.vim_connection_info.clone()),
            );
        }
        if !self.metadata.is_empty() {
            o.insert("metadata".into(), Value::Object(self.metadata.clone()));
        }
        if !self.extensions.is_empty() {
            o.insert("extensions".into(), Value::Object(self.extensions.clone()));
        }
        if let Some(i) = &self.instantiated {
            o.insert("instantiatedVnfInfo".into(), i.shape());
        }
        out
    }
}

impl Instantiated {
    /// `InstantiatedVnfInfo`: the flavour, scale levels, and a `vnfcResourceInfo` and
    /// `vnfcInfo` entry per VNFC.
    pub fn shape(&self) -> Value {
        let resources: Vec<Value> = self
            .vnfcs
            .iter()
            .map(|v| {
                json!({
                    "id": v.id,
                    "vduId": v.vdu_id,
                    "computeResource": {
                        "resourceId": v.resource_id,
                        "vimLevelResourceType": v.kind,
                    },
                    "metadata": {"namespace": self.namespace},
                })
            })
            .collect();
        let infos: Vec<Value> = self
            .vnfcs
            .iter()
            .map(|v| {
                json!({
                    "id": format!("{}-{}", v.vdu_id, v.id),
                    "vduId": v.vdu_id,
                    "vnfcResourceInfoId": v.id,
                    "vnfcState": "STARTED",
                })
            })
            .collect();
        json!({
            "flavourId": self.flavour_id,
            "vnfState": "STARTED",
            "scaleStatus": self.scale.iter().map(|(a, l)| json!({"aspectId": a, "scaleLevel": l})).collect::<Vec<_>>(),
            "vnfcResourceInfo": resources,
            "vnfcInfo": infos,
            "metadata": {
                "namespace": self.namespace,
                "release_name": self.release,
                "helm_chart_path": self.chart_path,
                "deploymentManagerId": self.deployment_manager,
            },
        })
    }

    /// The VNFC a `vnfcInfo` id names (`<vdu>-<vnfcResourceInfo id>`, or the resource id).
    pub fn vnfc(&self, info_id: &str) -> Option<&Vnfc> {
        self.vnfcs
            .iter()
            .find(|v| format!("{}-{}", v.vdu_id, v.id) == info_id || v.id == info_id)
    }
}

/// A lifecycle operation occurrence as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpOcc {
    pub id: String,
    pub state: OpState,
    /// RFC 3339.
    pub state_entered_time: String,
    pub start_time: String,
    pub vnf_instance_id: String,
    pub operation: Operation,
    /// The request as the consumer sent it.
    pub params: Value,
    /// Why it failed (a ProblemDetails), once FAILED_TEMP, FAILED or ROLLED_BACK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
    /// The instance as it was before the operation (what a rollback restores).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Box<VnfInstance>>,
    /// The deployment manager an INSTANTIATE deploys to, resolved from its
    /// `vimConnectionInfo` when the request was accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployment_manager: Option<String>,
    /// VNFCs added and removed, once known.
    #[serde(default)]
    pub affected: Vec<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    pub revision: u64,
    /// What subscription filters match the instance by, as it was when the operation began.
    #[serde(default)]
    pub subject: BTreeMap<String, String>,
    /// Notifications of the states entered, not yet on the event stream (its outbox).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unpublished: Vec<Event>,
}

impl Record for OpOcc {
    const TABLE: Table = Table::OpOccs;
    fn id(&self) -> &str {
        &self.id
    }
    fn revision(&self) -> u64 {
        self.revision
    }
}

pub fn now() -> String {
    crate::events::model::now_rfc3339()
}

impl OpOcc {
    /// A new occurrence in STARTING, its START notification in its outbox.
    pub fn new(instance: &VnfInstance, operation: Operation, params: Value) -> OpOcc {
        let t = now();
        let mut before = instance.clone();
        before.unpublished.clear();
        let mut op = OpOcc {
            id: uuid::Uuid::new_v4().to_string(),
            state: OpState::Starting,
            state_entered_time: t.clone(),
            start_time: t,
            vnf_instance_id: instance.id.clone(),
            operation,
            params,
            error: None,
            before: Some(Box::new(before)),
            deployment_manager: None,
            affected: Vec::new(),
            tenant: instance.tenant.clone(),
            revision: 1,
            subject: crate::dms::notify::subject(instance),
            unpublished: Vec::new(),
        };
        op.unpublished.push(crate::dms::notify::occurrence(&op));
        op
    }

    /// Moves to `state` now; the notification of it goes to the outbox (so an `error` is
    /// set before).
    pub fn enter(&mut self, state: OpState) {
        self.state = state;
        self.state_entered_time = now();
        self.unpublished.push(crate::dms::notify::occurrence(self));
    }

    /// `VnfLcmOpOcc` (SOL003 §5.5.2.13).
    pub fn shape(&self) -> Value {
        let path = op_path(&self.id);
        let mut links = json!({
            "self": link(path.clone()),
            "vnfInstance": link(instance_path(&self.vnf_instance_id)),
        });
        if self.state == OpState::FailedTemp {
            for action in ["retry", "rollback", "fail"] {
                links[action] = link(format!("{path}/{action}"));
            }
        }
        let mut out = json!({
            "id": self.id,
            "operationState": self.state.name(),
            "stateEnteredTime": self.state_entered_time,
            "startTime": self.start_time,
            "vnfInstanceId": self.vnf_instance_id,
            "operation": self.operation.name(),
            "isAutomaticInvocation": false,
            "operationParams": self.params,
            "isCancelPending": false,
            "_links": links,
        });
        if let Some(e) = &self.error {
            out["error"] = e.clone();
        }
        if !self.affected.is_empty() {
            out["resourceChanges"] = json!({ "affectedVnfcs": self.affected });
        }
        out
    }
}
