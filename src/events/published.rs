//! What netweave last published of each object: the post-state of the object's latest event
//! (a deleted object is absent), by backend instance and REST path. Every event log keeps it
//! beside its events and updates it with each append — the embedded log in the same
//! transaction, Redis in the same script, NATS in a KV bucket written after the stream and
//! caught up from the stream when loaded — so it is bounded by the inventory, not by event
//! retention. On start and on take-over the publisher diffs each backend's first complete view
//! against it and publishes the differences: what changed while no gateway was watching.
//!
//! The first view ever seen of an instance is recorded as its baseline without events (there
//! is nothing an SMO could have been told before), by whichever replica sees it first.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{value::RawValue, Value};

use super::model::{ChangeKind, Event};

/// One object as last published. The state stays JSON text until a diff needs it: loading the
/// published state of a large inventory parses each state once, to a digest, and keeps none.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub object_kind: String,
    pub object_id: String,
    pub state: Box<RawValue>,
}

impl Record {
    pub fn new(object_kind: &str, object_id: &str, state: &Value) -> Record {
        Record {
            object_kind: object_kind.to_owned(),
            object_id: object_id.to_owned(),
            state: serde_json::value::to_raw_value(state)
                .unwrap_or_else(|_| RawValue::from_string("null".into()).expect("null is JSON")),
        }
    }

    /// The state, parsed.
    pub fn value(&self) -> Value {
        serde_json::from_str(self.state.get()).unwrap_or(Value::Null)
    }
}

impl PartialEq for Record {
    fn eq(&self, other: &Record) -> bool {
        self.object_kind == other.object_kind
            && self.object_id == other.object_id
            && self.value() == other.value()
    }
}

/// An object's address: the backend instance and the object's REST path (a resource's path
/// names its pool, so a node moving pool is a deletion there and a creation here).
pub type Key = (String, String);

#[derive(Clone, Debug, Default)]
pub struct Published {
    pub objects: HashMap<Key, Record>,
    /// The instances whose baseline is recorded.
    pub instances: HashSet<String>,
}

/// How a log names a record: the instance, a newline, the REST path.
pub fn field(instance: &str, object_ref: &str) -> String {
    format!("{instance}\n{object_ref}")
}

pub fn parse_field(field: &str) -> Option<Key> {
    let (instance, object_ref) = field.split_once('\n')?;
    Some((instance.to_owned(), object_ref.to_owned()))
}

/// What an event does to the published state: its field and the new record (`None`: gone).
pub fn update_of(event: &Event) -> (String, Option<Record>) {
    let field = field(&event.source.instance_id, &event.object_ref);
    // Alarms and provisioning requests are no backend's objects: their store is their state,
    // not kept here.
    let alarm = [
        super::model::ALARM_INSTANCE,
        super::model::PROVISIONING_INSTANCE,
        super::model::LCM_INSTANCE,
    ]
    .contains(&event.source.instance_id.as_str());
    let record = match (event.change_kind(), &event.post_object_state) {
        _ if alarm => None,
        (ChangeKind::Deleted, _) | (_, None) => None,
        (_, Some(state)) => Some(Record::new(&event.object_kind, &event.object_id, state)),
    };
    (field, record)
}

/// The stored form of an object's record, written straight from the object (a baseline of a
/// large inventory never holds it twice in memory).
pub fn encode_object(object: &crate::backend::Object) -> Vec<u8> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Stored<'a> {
        object_kind: &'a str,
        object_id: &'a str,
        state: &'a crate::backend::Object,
    }
    serde_json::to_vec(&Stored {
        object_kind: object.kind().name(),
        object_id: object.id(),
        state: object,
    })
    .unwrap_or_default()
}

/// The stored form of a record.
pub fn encode(record: &Record) -> Vec<u8> {
    serde_json::to_vec(record).unwrap_or_default()
}

pub fn decode(bytes: &[u8]) -> Result<Record, super::EventError> {
    serde_json::from_slice(bytes).map_err(|e| super::EventError::Corrupt(e.to_string()))
}

impl Published {
    /// Applies an event, as the log did when it appended it.
    pub fn apply(&mut self, event: &Event) {
        let key = (event.source.instance_id.clone(), event.object_ref.clone());
        match update_of(event).1 {
            Some(record) => {
                self.objects.insert(key, record);
            }
            None => {
                self.objects.remove(&key);
            }
        }
    }

    /// Inserts a stored record under its stored field.
    pub fn insert_field(&mut self, field: &str, record: Record) -> Result<(), super::EventError> {
        let key = parse_field(field).ok_or_else(|| {
            super::EventError::Corrupt(format!("published-state field '{field}' has no instance"))
        })?;
        self.objects.insert(key, record);
        Ok(())
    }
}
