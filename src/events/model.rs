//! The event: one inventory change on the stream, with the object before and after it as the
//! REST API shows them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    backend::{InventoryChange, Kind},
    domain::api::INVENTORY_ROOT as API_ROOT,
    domain::attributes::{Attr, Attributes},
};

/// A position in the stream; strictly increasing, 1 for the first event ever appended.
pub type Cursor = u64;

/// The source instance of alarm events: not a backend's, so the published state (the
/// backends' last views) does not keep them.
pub const ALARM_INSTANCE: &str = "alarms";
/// The source instance of provisioning request events (likewise not a backend's).
pub const PROVISIONING_INSTANCE: &str = "provisioning";
/// The source instance of VNF lifecycle events (`dms::notify`).
pub const LCM_INSTANCE: &str = "vnflcm";
/// The object kind of provisioning request events.
pub const PROVISIONING_KIND: &str = "ProvisioningRequest";

/// Who produced an event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventSource {
    pub backend: String,
    pub instance_id: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    Created,
    Updated,
    Deleted,
}

impl ChangeKind {
    /// The O2ims `notificationEventType`: 0 create, 1 modify, 2 delete.
    pub fn notification_type(self) -> u8 {
        match self {
            ChangeKind::Created => 0,
            ChangeKind::Updated => 1,
            ChangeKind::Deleted => 2,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub event_id: String,
    /// Assigned by the log on append.
    pub cursor: Cursor,
    pub source: EventSource,
    /// `o2ims.<ObjectKind>.<Created|Updated|Deleted>`.
    pub event_type: String,
    pub object_kind: String,
    pub object_id: String,
    /// The object's REST path.
    pub object_ref: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prior_object_state: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_object_state: Option<Value>,
    /// RFC 3339.
    pub occurred_at: String,
    /// RFC 3339; set when the event is appended.
    pub published_at: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string()
}

impl Kind {
    /// The kind as event types name it (`ResourcePool`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::DeploymentManager => "DeploymentManager",
            Kind::ResourceType => "ResourceType",
            Kind::ResourcePool => "ResourcePool",
            Kind::Resource => "Resource",
            Kind::AlarmDictionary => "AlarmDictionary",
            Kind::Location => "Location",
            Kind::OCloudSite => "OCloudSite",
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = String;

    /// The kind an event names (`ResourcePool`).
    fn from_str(name: &str) -> Result<Kind, String> {
        Kind::ORDER
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| format!("'{name}' is not an object kind"))
    }
}

/// The pool a resource's state names.
pub fn pool_of(state: &Value) -> Option<String> {
    state["resourcePoolId"].as_str().map(str::to_owned)
}

/// The v2 REST path of an object; resources need their pool.
pub fn object_ref(kind: Kind, id: &str, pool: Option<&str>) -> String {
    let v2 = format!("{API_ROOT}/v2");
    match kind {
        Kind::DeploymentManager => format!("{v2}/deploymentManagers/{id}"),
        Kind::ResourceType => format!("{v2}/resourceTypes/{id}"),
        Kind::ResourcePool => format!("{v2}/resourcePools/{id}"),
        Kind::Resource => format!(
            "{v2}/resourcePools/{}/resources/{id}",
            pool.unwrap_or_default()
        ),
        Kind::AlarmDictionary => format!("{v2}/alarmDictionaries/{id}"),
        Kind::Location => format!("{v2}/locations/{id}"),
        Kind::OCloudSite => format!("{v2}/oCloudSites/{id}"),
    }
}

impl Event {
    /// The event of a backend change (cursor and publication time are set by the log).
    pub fn from_change(change: &InventoryChange, source: &EventSource) -> Event {
        let prior = change.prior.as_ref().map(|o| o.to_json());
        let post = change.post.as_ref().map(|o| o.to_json());
        Event::of(source, change.kind, &change.id, prior, post)
    }

    /// The event taking object `id` of `kind` from `prior` to `post` (`None`: absent).
    pub fn of(
        source: &EventSource,
        kind: Kind,
        id: &str,
        prior: Option<Value>,
        post: Option<Value>,
    ) -> Event {
        let change_kind = match (&prior, &post) {
            (None, _) => ChangeKind::Created,
            (_, None) => ChangeKind::Deleted,
            _ => ChangeKind::Updated,
        };
        let state = post.as_ref().or(prior.as_ref());
        let pool = state.and_then(pool_of);
        let mut metadata = BTreeMap::new();
        if let (Kind::Resource, Some(pool)) = (kind, &pool) {
            metadata.insert("resourcePoolId".to_owned(), pool.clone());
        }
        Event {
            event_id: uuid::Uuid::new_v4().to_string(),
            cursor: 0,
            source: source.clone(),
            event_type: format!("o2ims.{}.{change_kind:?}", kind.name()),
            object_kind: kind.name().to_owned(),
            object_id: id.to_owned(),
            object_ref: object_ref(kind, id, pool.as_deref()),
            prior_object_state: prior,
            post_object_state: post,
            occurred_at: now_rfc3339(),
            published_at: String::new(),
            metadata,
        }
    }

    pub fn change_kind(&self) -> ChangeKind {
        match self.event_type.rsplit('.').next() {
            Some("Created") => ChangeKind::Created,
            Some("Deleted") => ChangeKind::Deleted,
            _ => ChangeKind::Updated,
        }
    }

    /// The object's state after the change, or before it for a deletion.
    pub fn state(&self) -> Option<&Value> {
        self.post_object_state
            .as_ref()
            .or(self.prior_object_state.as_ref())
    }
}

/// Filters over events name the event's own fields or the changed object's attributes.
impl Attributes for Event {
    fn attribute(&self, name: &str) -> Attr<'_> {
        match name {
            "eventType" => Attr::Str(&self.event_type),
            "objectKind" => Attr::Str(&self.object_kind),
            "objectId" => Attr::Str(&self.object_id),
            "objectRef" => Attr::Str(&self.object_ref),
            "notificationEventType" => {
                match crate::domain::alarm_events::AlarmChange::of_event(&self.event_type) {
                    Some(alarm) => Attr::Owned((alarm as u8).into()),
                    None => Attr::Owned(self.change_kind().notification_type().into()),
                }
            }
            _ => self
                .state()
                .and_then(|s| s.get(name))
                .map_or(Attr::Missing, Attr::Json),
        }
    }
}
