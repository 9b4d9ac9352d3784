//! A provisioning request as stored: what the SMO asked (`ProvisioningRequestData`), the
//! resolved parameters, the status the executor keeps, and an outbox of the events its changes
//! owe the stream. Every write is a compare-and-swap on `revision`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    backend::provision::{Item, ItemPhase, Order, Progress},
    events::{Event, EventSource},
};

pub use crate::domain::api::PROVISIONING_ROOT as API_ROOT;
pub use crate::events::model::PROVISIONING_INSTANCE as INSTANCE;
pub use crate::events::model::PROVISIONING_KIND as KIND;

/// What the SMO asks (`ProvisioningRequestData`: every field required, no other allowed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestData {
    pub provisioning_request_id: String,
    pub name: String,
    pub description: String,
    pub template_name: String,
    pub template_version: String,
    pub template_parameters: Value,
}

/// `provisioningPhase`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Phase {
    Pending,
    Progressing,
    Fulfilled,
    Failed,
    Deleting,
}

/// `ProvisioningStatus`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    pub update_time: String,
    pub message: String,
    pub provisioning_phase: Phase,
    pub node_cluster_provisioning_status: Item,
    pub infrastructure_resource_provisioning_status: Vec<Item>,
}

/// `ProvisionedResourceSet`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceSet {
    pub node_cluster_id: String,
    pub infrastructure_resource_ids: Vec<String>,
}

/// `ProvisioningRequestInfo`: what the API answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestInfo {
    pub provisioning_request_reference: String,
    pub provisioning_request_data: RequestData,
    pub provisioned_resource_set: ResourceSet,
    pub status: Status,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvisioningRequest {
    #[serde(flatten)]
    pub info: RequestInfo,
    /// The template's builder, and the parameters with defaults filled in.
    pub builder: String,
    pub parameters: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    /// Moves with every replacement: the executor carries out the latest.
    pub generation: u64,
    /// When the current generation began to be carried out (Unix seconds; 0: not yet).
    #[serde(default)]
    pub started: f64,
    pub revision: u64,
    /// Deleted: only its last events remain to be appended (a tombstone the API does not
    /// show), then it is removed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gone: bool,
    /// Events stored with the change they tell of, appended after the write.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unpublished: Vec<Event>,
}

pub fn now_unix() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

impl ProvisioningRequest {
    /// A new request: PENDING, nothing built yet.
    pub fn new(
        data: RequestData,
        builder: String,
        parameters: Value,
        tenant: Option<String>,
    ) -> ProvisioningRequest {
        let status = Status {
            update_time: crate::events::model::now_rfc3339(),
            message: "accepted; waiting to be carried out".into(),
            provisioning_phase: Phase::Pending,
            node_cluster_provisioning_status: Item {
                resource_name: String::new(),
                resource_id: String::new(),
                resource_provisioning_phase: ItemPhase::Processing,
            },
            infrastructure_resource_provisioning_status: Vec::new(),
        };
        ProvisioningRequest {
            info: RequestInfo {
                provisioning_request_reference: uuid::Uuid::new_v4().to_string(),
                provisioning_request_data: data,
                provisioned_resource_set: ResourceSet::default(),
                status,
            },
            builder,
            parameters,
            tenant,
            generation: 1,
            started: 0.0,
            revision: 0,
            gone: false,
            unpublished: Vec::new(),
        }
    }

    pub fn id(&self) -> &str {
        &self.info.provisioning_request_data.provisioning_request_id
    }

    pub fn phase(&self) -> Phase {
        self.info.status.provisioning_phase
    }

    /// Whether the executor has anything left to do with it.
    pub fn active(&self) -> bool {
        matches!(
            self.phase(),
            Phase::Pending | Phase::Progressing | Phase::Deleting
        )
    }

    /// Whether the executor has anything to do with it: carry it out, remove it, or append
    /// its events.
    pub fn pending_work(&self) -> bool {
        self.active() || self.gone || !self.unpublished.is_empty()
    }

    /// The order the builder carries out.
    pub fn order(&self) -> Order {
        Order {
            request_id: self.id().to_owned(),
            name: self.info.provisioning_request_data.name.clone(),
            builder: self.builder.clone(),
            parameters: self.parameters.clone(),
            tenant: self.tenant.clone(),
            elapsed: if self.started > 0.0 {
                (now_unix() - self.started).max(0.0)
            } else {
                0.0
            },
        }
    }

    /// Moves to `phase` with `message`; `false` when that is where it already is.
    pub fn set_phase(&mut self, phase: Phase, message: &str) -> bool {
        let s = &mut self.info.status;
        if s.provisioning_phase == phase && s.message == message {
            return false;
        }
        s.provisioning_phase = phase;
        s.message = message.to_owned();
        s.update_time = crate::events::model::now_rfc3339();
        true
    }

    /// Takes in a builder's progress: the items, the provisioned set, the phase (FULFILLED,
    /// FAILED with the backend's reason, or PROGRESSING); `true` when anything changed.
    pub fn take_progress(&mut self, p: &Progress) -> bool {
        let phase = match (&p.failure, p.fulfilled()) {
            (Some(_), _) => Phase::Failed,
            (None, true) => Phase::Fulfilled,
            (None, false) => Phase::Progressing,
        };
        let set = ResourceSet {
            node_cluster_id: p.group.resource_id.clone(),
            infrastructure_resource_ids: p
                .resources
                .iter()
                .filter(|r| r.resource_provisioning_phase == ItemPhase::Provisioned)
                .map(|r| r.resource_id.clone())
                .collect(),
        };
        let s = &self.info.status;
        let items_changed = s.node_cluster_provisioning_status != p.group
            || s.infrastructure_resource_provisioning_status != p.resources
            || self.info.provisioned_resource_set != set;
        if items_changed {
            let s = &mut self.info.status;
            s.node_cluster_provisioning_status = p.group.clone();
            s.infrastructure_resource_provisioning_status = p.resources.clone();
            self.info.provisioned_resource_set = set;
        }
        let phase_changed = self.set_phase(phase, &p.message);
        if items_changed && !phase_changed {
            self.info.status.update_time = crate::events::model::now_rfc3339();
        }
        items_changed || phase_changed
    }

    pub fn object_ref(id: &str) -> String {
        format!("{API_ROOT}/v1/provisioningRequests/{id}")
    }

    /// The event of a change from `prior` (`None`: a creation) to this request (`deleted`:
    /// gone), queued in the outbox.
    pub fn record_event(&mut self, prior: Option<&RequestInfo>, deleted: bool) {
        let change = match (prior, deleted) {
            (_, true) => "Deleted",
            (None, false) => "Created",
            (Some(_), false) => "Updated",
        };
        let mut metadata = BTreeMap::new();
        if let Some(tenant) = &self.tenant {
            metadata.insert("tenant".to_owned(), tenant.clone());
        }
        let post = (!deleted).then(|| serde_json::to_value(&self.info).unwrap_or(Value::Null));
        let prior = match deleted {
            true => serde_json::to_value(&self.info).ok(),
            false => prior.and_then(|p| serde_json::to_value(p).ok()),
        };
        self.unpublished.push(Event {
            event_id: uuid::Uuid::new_v4().to_string(),
            cursor: 0,
            source: EventSource {
                backend: INSTANCE.into(),
                instance_id: INSTANCE.into(),
            },
            event_type: format!("o2ims.{KIND}.{change}"),
            object_kind: KIND.into(),
            object_id: self.id().to_owned(),
            object_ref: Self::object_ref(self.id()),
            prior_object_state: prior,
            post_object_state: post,
            occurred_at: crate::events::model::now_rfc3339(),
            published_at: String::new(),
            metadata,
        });
    }
}
