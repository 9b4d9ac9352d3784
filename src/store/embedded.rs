//! The embedded store: redb, an ACID key-value database in one file of the data directory.
//! Every write is one durable transaction, so a subscription acknowledged to a client survives
//! a crash, and the callback uniqueness check cannot race with another insert.

use std::{path::Path, sync::Arc};

use async_trait::async_trait;
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition, WriteTransaction};

use super::{StoreError, SubscriptionStore};
use crate::{domain::Subscription, failpoint, tmf::Hub};

/// Subscription id → the subscription as JSON.
const SUBSCRIPTIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("subscriptions");
/// Callback URL → subscription id.
const BY_CALLBACK: TableDefinition<&str, &str> = TableDefinition::new("subscriptions_by_callback");
/// Hub id → the hub registration as JSON.
const HUBS: TableDefinition<&str, &[u8]> = TableDefinition::new("hubs");

pub const FILE_NAME: &str = "netweave.redb";

pub struct EmbeddedStore {
    pub(super) db: Arc<Database>,
    /// Leases live in this process only: the embedded store is one process's.
    pub(super) leases: super::leases::Leases,
}

pub(super) fn internal(e: impl std::fmt::Display) -> StoreError {
    StoreError::Internal(e.to_string())
}

impl EmbeddedStore {
    /// Opens (creating if needed) the database in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<EmbeddedStore, StoreError> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| StoreError::Unavailable(format!("{}: {e}", data_dir.display())))?;
        let path = data_dir.join(FILE_NAME);
        let db = Database::create(&path)
            .map_err(|e| StoreError::Unavailable(format!("{}: {e}", path.display())))?;
        let txn = db.begin_write().map_err(internal)?;
        txn.open_table(SUBSCRIPTIONS).map_err(internal)?;
        txn.open_table(BY_CALLBACK).map_err(internal)?;
        txn.open_table(HUBS).map_err(internal)?;
        super::embedded_admin::create_tables(&txn)?;
        super::embedded_alarms::create_tables(&txn)?;
        super::embedded_idempotency::create_tables(&txn)?;
        super::embedded_provisioning::create_tables(&txn)?;
        super::embedded_dms::create_tables(&txn)?;
        txn.commit().map_err(internal)?;
        Ok(EmbeddedStore {
            db: Arc::new(db),
            leases: Default::default(),
        })
    }

    pub(super) async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Database) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || f(&db))
            .await
            .map_err(internal)?
    }
}

pub(super) fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Adds a subscription and its callback index entry, refusing a taken callback.
fn insert_subscription(txn: &WriteTransaction, sub: &Subscription) -> Result<(), StoreError> {
    let body = serde_json::to_vec(sub).map_err(internal)?;
    let mut by_callback = txn.open_table(BY_CALLBACK).map_err(internal)?;
    let key = sub.callback_key();
    if let Some(existing) = by_callback.get(key.as_str()).map_err(internal)? {
        return Err(StoreError::DuplicateCallback {
            callback: sub.callback.clone(),
            existing: existing.value().to_owned(),
        });
    }
    by_callback
        .insert(key.as_str(), sub.subscription_id.as_str())
        .map_err(internal)?;
    let mut subs = txn.open_table(SUBSCRIPTIONS).map_err(internal)?;
    subs.insert(sub.subscription_id.as_str(), body.as_slice())
        .map_err(internal)?;
    Ok(())
}

/// Removes a subscription and its callback index entry; returns it.
fn remove_subscription(
    txn: &WriteTransaction,
    id: &str,
) -> Result<Option<Subscription>, StoreError> {
    let removed: Option<Subscription> = {
        let mut subs = txn.open_table(SUBSCRIPTIONS).map_err(internal)?;
        let removed = subs.remove(id).map_err(internal)?;
        match removed {
            Some(v) => Some(decode(v.value())?),
            None => None,
        }
    };
    if let Some(sub) = &removed {
        let mut by_callback = txn.open_table(BY_CALLBACK).map_err(internal)?;
        by_callback
            .remove(sub.callback_key().as_str())
            .map_err(internal)?;
    }
    Ok(removed)
}

fn read_all<T: serde::de::DeserializeOwned>(
    db: &Database,
    table: TableDefinition<&str, &[u8]>,
) -> Result<Vec<T>, StoreError> {
    let txn = db.begin_read().map_err(internal)?;
    let rows = txn.open_table(table).map_err(internal)?;
    rows.iter()
        .map_err(internal)?
        .map(|entry| entry.map_err(internal).and_then(|(_, v)| decode(v.value())))
        .collect()
}

fn read_one<T: serde::de::DeserializeOwned>(
    db: &Database,
    table: TableDefinition<&str, &[u8]>,
    id: &str,
) -> Result<Option<T>, StoreError> {
    let txn = db.begin_read().map_err(internal)?;
    let rows = txn.open_table(table).map_err(internal)?;
    let found = rows.get(id).map_err(internal)?;
    found.map(|v| decode(v.value())).transpose()
}

#[async_trait]
impl SubscriptionStore for EmbeddedStore {
    fn name(&self) -> &'static str {
        "embedded"
    }

    async fn health(&self) -> Result<(), StoreError> {
        self.blocking(|db| {
            let txn = db.begin_read().map_err(internal)?;
            txn.open_table(SUBSCRIPTIONS).map(|_| ()).map_err(internal)
        })
        .await
    }

    async fn insert(&self, subscription: &Subscription) -> Result<(), StoreError> {
        let sub = subscription.clone();
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            insert_subscription(&txn, &sub)?;
            txn.commit().map_err(internal)
        })
        .await
    }

    async fn get(&self, id: &str) -> Result<Option<Subscription>, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| read_one(db, SUBSCRIPTIONS, &id))
            .await
    }

    async fn list(&self) -> Result<Vec<Subscription>, StoreError> {
        self.blocking(|db| read_all(db, SUBSCRIPTIONS)).await
    }

    async fn remove(&self, id: &str) -> Result<bool, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            let removed = remove_subscription(&txn, &id)?;
            if let Some(hub) = removed.as_ref().and_then(|s| s.hub_id.as_deref()) {
                let mut hubs = txn.open_table(HUBS).map_err(internal)?;
                hubs.remove(hub).map_err(internal)?;
            }
            txn.commit().map_err(internal)?;
            Ok(removed.is_some())
        })
        .await
    }

    async fn insert_hub(&self, hub: &Hub, subscription: &Subscription) -> Result<(), StoreError> {
        let (hub, sub) = (hub.clone(), subscription.clone());
        self.blocking(move |db| {
            let body = serde_json::to_vec(&hub).map_err(internal)?;
            let txn = db.begin_write().map_err(internal)?;
            insert_subscription(&txn, &sub)?;
            failpoint::reach(failpoint::HUB_REGISTER);
            {
                let mut hubs = txn.open_table(HUBS).map_err(internal)?;
                hubs.insert(hub.id.as_str(), body.as_slice())
                    .map_err(internal)?;
            }
            txn.commit().map_err(internal)
        })
        .await
    }

    async fn get_hub(&self, id: &str) -> Result<Option<Hub>, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| read_one(db, HUBS, &id)).await
    }

    async fn list_hubs(&self) -> Result<Vec<Hub>, StoreError> {
        self.blocking(|db| read_all(db, HUBS)).await
    }

    async fn remove_hub(&self, id: &str) -> Result<bool, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            let removed: Option<Hub> = {
                let mut hubs = txn.open_table(HUBS).map_err(internal)?;
                let removed = hubs.remove(id.as_str()).map_err(internal)?;
                match removed {
                    Some(v) => Some(decode(v.value())?),
                    None => None,
                }
            };
            let Some(hub) = removed else {
                return Ok(false);
            };
            failpoint::reach(failpoint::HUB_UNREGISTER);
            remove_subscription(&txn, &hub.subscription_id)?;
            txn.commit().map_err(internal)?;
            Ok(true)
        })
        .await
    }
}
