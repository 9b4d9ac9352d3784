//! Subscription (and administration, alarm, idempotency key, provisioning request, O2-DMS) storage: one trait each, two real implementations — an embedded ACID database in
//! the data directory (the default) and Redis (selected by `--redis-url`).

pub mod admin;
pub mod alarms;
pub mod dms;
pub mod embedded;
mod embedded_admin;
mod embedded_alarms;
mod embedded_dms;
mod embedded_idempotency;
mod embedded_provisioning;
pub mod idempotency;
pub mod keys;
pub mod leases;
pub mod provisioning;
pub mod redis;
mod redis_admin;
mod redis_alarms;
mod redis_dms;
mod redis_idempotency;
mod redis_provisioning;

use std::sync::Arc;

use async_trait::async_trait;

pub use admin::{AdminStore, AdminStoreRef};
pub use alarms::{AlarmStore, AlarmStoreRef};
pub use dms::{DmsStore, DmsStoreRef};
pub use idempotency::{IdempotencyStore, IdempotencyStoreRef};
pub use provisioning::{ProvisioningStore, ProvisioningStoreRef};
pub use redis_admin::TENANT_RATE;

use crate::{domain::Subscription, tmf::Hub};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("callback '{callback}' is already used by subscription '{existing}'")]
    DuplicateCallback { callback: String, existing: String },
    #[error("store unavailable: {0}")]
    Unavailable(String),
    #[error("stored record is corrupt: {0}")]
    Corrupt(String),
    #[error("store failure: {0}")]
    Internal(String),
}

#[async_trait]
pub trait SubscriptionStore: Send + Sync + 'static {
    /// "embedded" or "redis", for logs and health.
    fn name(&self) -> &'static str;

    async fn health(&self) -> Result<(), StoreError>;

    /// Stores a new subscription; fails with `DuplicateCallback` (and stores nothing) when
    /// another subscription already uses its callback.
    async fn insert(&self, subscription: &Subscription) -> Result<(), StoreError>;

    async fn get(&self, id: &str) -> Result<Option<Subscription>, StoreError>;

    /// Every subscription, in no particular order.
    async fn list(&self) -> Result<Vec<Subscription>, StoreError>;

    /// Removes a subscription, and the hub it delivers for if any; `false` when there was none.
    async fn remove(&self, id: &str) -> Result<bool, StoreError>;

    /// Stores a TMF688 hub and the subscription that delivers for it: both, or neither (a
    /// taken callback fails with `DuplicateCallback`).
    async fn insert_hub(&self, hub: &Hub, subscription: &Subscription) -> Result<(), StoreError>;

    async fn get_hub(&self, id: &str) -> Result<Option<Hub>, StoreError>;

    /// Every hub, in no particular order.
    async fn list_hubs(&self) -> Result<Vec<Hub>, StoreError>;

    /// Removes a hub and its subscription, both or neither; `false` when there was no hub.
    async fn remove_hub(&self, id: &str) -> Result<bool, StoreError>;
}

pub type StoreRef = Arc<dyn SubscriptionStore>;
