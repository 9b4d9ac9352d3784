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
    /// Shared by every delivery of the event.
    pub event: Arc<Event>,
}

/// One notification of one event to one subscription.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    pub seq: u64,
    pub subscription_id: String,
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
    /// The subscription no longer exists.
    Dropped,
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

    /// Returns when work may be ready (new deliveries or a retry falling due), or after `timeout`.
    async fn wait(&self, timeout: Duration);
}

pub type DeliveryQueueRef = Arc<dyn DeliveryQueue>;

pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
