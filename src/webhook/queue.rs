//! The delivery queue between the dispatcher (events → one delivery per matching subscription)
//! and the senders. Deliveries of one subscription for one object form a chain delivered in
//! order; chains are independent, so a failing subscriber or object never delays the others.

use std::{sync::Arc, time::Duration};

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::events::{Cursor, Event};

#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error("delivery queue unavailable: {0}")]
    Unavailable(String),
    #[error("delivery queue failure: {0}")]
    Internal(String),
}

/// A delivery to create.
#[derive(Clone, Debug)]
pub struct NewDelivery {
    pub subscription_id: String,
    /// The subscription's tenant, kept on the delivery and its dead letter: who may see them,
    /// even after the subscription is gone.
    pub tenant: Option<String>,
    /// Shared by every delivery of the event.
    pub event: Arc<Event>,
}

/// One notification of one event to one subscription.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    pub seq: u64,
    pub subscription_id: String,
    /// The subscription's tenant when the delivery was made (absent: none, or a record written
    /// before deliveries carried it, whose subscription then tells).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    pub notification_id: String,
    pub event: Arc<Event>,
    /// Attempts made so far.
    pub attempts: u32,
    /// Unix milliseconds of the next attempt.
    pub next_attempt_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

impl Delivery {
    /// Deliveries with the same chain are sent in sequence order.
    pub fn chain(&self) -> String {
        format!("{}|{}", self.subscription_id, self.event.object_ref)
    }
}

/// A delivery that exhausted its attempts (or met a permanent failure).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeadLetter {
    pub id: u64,
    pub delivery: Delivery,
    pub dead_lettered_at: String,
    pub error: String,
}

/// Where an unfinished delivery stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DeliveryState {
    /// Not attempted yet.
    Pending,
    /// A sender is attempting it now.
    InFlight,
    /// Attempted and failed; waiting for its next attempt.
    Failed,
}

/// An unfinished delivery as the API shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryStatus {
    pub notification_id: String,
    pub subscription_id: String,
    pub event_cursor: Cursor,
    pub event_type: String,
    pub object_ref: String,
    pub state: DeliveryState,
    pub attempts: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// Unix milliseconds of the next attempt.
    pub next_attempt_ms: u64,
    /// The subscription's tenant when the notification was made (see [`Delivery::tenant`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
}

impl DeliveryStatus {
    pub fn of(d: &Delivery, in_flight: bool) -> DeliveryStatus {
        let state = match (in_flight, d.attempts) {
            (true, _) => DeliveryState::InFlight,
            (false, 0) => DeliveryState::Pending,
            (false, _) => DeliveryState::Failed,
        };
        DeliveryStatus {
            notification_id: d.notification_id.clone(),
            subscription_id: d.subscription_id.clone(),
            event_cursor: d.event.cursor,
            event_type: d.event.event_type.clone(),
            object_ref: d.event.object_ref.clone(),
            state,
            attempts: d.attempts,
            last_error: d.last_error.clone(),
            next_attempt_ms: d.next_attempt_ms,
            tenant: d.tenant.clone(),
        }
    }
}

/// How an attempt ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Delivered,
    Retry {
        at_ms: u64,
        error: String,
    },
    Dead {
        error: String,
    },
    /// Not attempted: what it needs (its subscription) could not be read. Due again at
    /// `at_ms`, without counting an attempt, so an outage delays it and never dead-letters it.
    Defer {
        at_ms: u64,
        error: String,
    },
    /// The store answered that the subscription no longer exists.
    Dropped,
}

impl Outcome {
    /// When the delivery is due again, the error to record, and whether an attempt counts.
    pub fn again(&self) -> Option<(u64, &str, bool)> {
        match self {
            Outcome::Retry { at_ms, error } => Some((*at_ms, error, true)),
            Outcome::Defer { at_ms, error } => Some((*at_ms, error, false)),
            _ => None,
        }
    }
}

#[async_trait]
pub trait DeliveryQueue: Send + Sync + 'static {
    /// Events the webhook consumer group has not dispatched yet, oldest first.
    async fn undispatched(&self, max: usize) -> Result<Vec<Event>, QueueError>;

    /// Enqueues `deliveries` and records everything through `through` as dispatched, atomically.
    async fn dispatch(&self, through: Cursor, deliveries: &[NewDelivery])
        -> Result<(), QueueError>;

    /// Claims up to `max` due deliveries, never two of one chain at once.
    async fn claim(&self, max: usize) -> Result<Vec<Delivery>, QueueError>;

    /// Records how claimed deliveries ended.
    async fn settle(&self, outcomes: Vec<(Delivery, Outcome)>) -> Result<(), QueueError>;

    async fn dead_letters(&self, after: u64, limit: usize) -> Result<Vec<DeadLetter>, QueueError>;

    /// Puts a dead letter back on the queue with its attempts reset; false when unknown.
    async fn replay(&self, id: u64) -> Result<bool, QueueError>;

    /// Deliveries waiting or in flight.
    async fn backlog(&self) -> Result<usize, QueueError>;

    /// The unfinished deliveries of one subscription, oldest event first.
    async fn deliveries(&self, subscription_id: &str) -> Result<Vec<DeliveryStatus>, QueueError>;

    /// Returns when work may be ready (new deliveries or a retry falling due), or after `timeout`.
    async fn wait(&self, timeout: Duration);
}

pub type DeliveryQueueRef = Arc<dyn DeliveryQueue>;

pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
