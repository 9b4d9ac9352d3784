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
    /// An append of a leader that another has replaced (its fencing token is older than the
    /// log's): never retried.
    #[error("append refused: fencing token {token} is older than the log's {fence}")]
    Fenced { token: u64, fence: u64 },
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

    /// Appends the elected publisher's events with its fencing `token` (see
    /// [`crate::election`]; 0 appends unfenced): refused with [`EventError::Fenced`] when the
    /// log has seen a newer token, so a deposed leader's late append never lands. A log one process owns (the
    /// embedded one) has nobody to fence: it appends.
    async fn append_fenced(
        &self,
        events: Vec<Event>,
        token: u64,
    ) -> Result<Vec<Event>, EventError> {
        let _ = token;
        self.append(events).await
    }

    /// Raises the log's fence to `token` (a new leader, before it diffs what was published):
    /// from then on an older token's append is refused. [`EventError::Fenced`] when the log
    /// already holds a newer one.
    async fn fence(&self, token: u64) -> Result<(), EventError> {
        let _ = token;
        Ok(())
    }

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
