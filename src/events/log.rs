//! The event log: an append-only, durable, bounded stream of events addressed by cursor.

use std::{sync::Arc, time::Duration};

use async_trait::async_trait;

use super::{
    model::{Cursor, Event},
    published::Published,
};

#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error("event log unavailable: {0}")]
    Unavailable(String),
    #[error("stored event is corrupt: {0}")]
    Corrupt(String),
    #[error("event log failure: {0}")]
    Internal(String),
}

/// The retained range: events `first..=last` can be read. `first > last` when none is retained.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bounds {
    pub first: Cursor,
    pub last: Cursor,
}

impl Bounds {
    /// Whether reading after `cursor` would miss events that retention already removed.
    pub fn is_too_old(&self, cursor: Cursor) -> bool {
        cursor + 1 < self.first
    }
}

#[async_trait]
pub trait EventLog: Send + Sync + 'static {
    fn name(&self) -> &'static str;

    /// Appends durably, in order; returns the events with their cursors and publication time.
    async fn append(&self, events: Vec<Event>) -> Result<Vec<Event>, EventError>;

    /// Up to `max` events with a cursor above `after`, in cursor order.
    async fn read(&self, after: Cursor, max: usize) -> Result<Vec<Event>, EventError>;

    async fn bounds(&self) -> Result<Bounds, EventError>;

    /// Returns once an event above `after` may exist, or after `timeout`.
    async fn wait(&self, after: Cursor, timeout: Duration) -> Result<(), EventError>;

    /// What the events appended so far last said of each object, with the instances whose
    /// baseline is recorded (see [`super::published`]). `append` keeps it current.
    async fn published(&self) -> Result<Published, EventError>;

    /// Records `records` (by field, see [`super::published::field`], each in its stored form,
    /// [`super::published::encode`]) as `instance`'s baseline, unless one is recorded already;
    /// whether this call recorded it.
    async fn record_baseline(
        &self,
        instance: &str,
        records: Arc<[(String, Vec<u8>)]>,
    ) -> Result<bool, EventError>;
}

pub type EventLogRef = Arc<dyn EventLog>;
