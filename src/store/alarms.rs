//! Alarm storage: alarm records and the alarm service configuration, in the same stores as
//! subscriptions (the embedded database, or Redis). Every write is a compare-and-swap on the
//! stored revision, so concurrent writers (replicas ingesting the same alert, an operator's
//! acknowledgement racing a source's clear) never lose an update: the loser reads again.

use std::sync::Arc;

use async_trait::async_trait;

use super::StoreError;
use crate::alarms::{Alarm, AlarmServiceConfiguration};

#[async_trait]
pub trait AlarmStore: Send + Sync + 'static {
    async fn get_alarm(&self, id: &str) -> Result<Option<Alarm>, StoreError>;

    /// Every alarm, in no particular order.
    async fn list_alarms(&self) -> Result<Vec<Alarm>, StoreError>;

    /// Stores `alarm` if the stored one's revision is still `expected` (0: none is stored);
    /// `false` (nothing written) otherwise.
    async fn swap_alarm(&self, alarm: &Alarm, expected: u64) -> Result<bool, StoreError>;

    /// Removes the alarm `id` if its revision is still `expected`.
    async fn remove_alarm(&self, id: &str, expected: u64) -> Result<bool, StoreError>;

    /// The stored configuration; `None` until first written.
    async fn alarm_configuration(&self) -> Result<Option<AlarmServiceConfiguration>, StoreError>;

    /// Stores `config` if the stored one's revision is still `expected` (0: none).
    async fn swap_alarm_configuration(
        &self,
        config: &AlarmServiceConfiguration,
        expected: u64,
    ) -> Result<bool, StoreError>;
}

pub type AlarmStoreRef = Arc<dyn AlarmStore>;
