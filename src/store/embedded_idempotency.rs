//! Idempotency keys in the embedded database: key → its record and its expiry (milliseconds
//! since the epoch); each call is one write transaction, and expired rows are swept at most once
//! a minute.

use std::{
    sync::atomic::{AtomicU64, Ordering},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use async_trait::async_trait;
use redb::{ReadableTable, TableDefinition, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::{
    embedded::{internal, EmbeddedStore},
    idempotency::{IdempotencyStore, KeyRecord},
    StoreError,
};

/// Key → [`Row`] as JSON.
const KEYS: TableDefinition<&str, &[u8]> = TableDefinition::new("idempotency_keys");

/// When the last sweep of expired rows ran (ms since the epoch), in this process.
static SWEPT: AtomicU64 = AtomicU64::new(0);

pub(super) fn create_tables(txn: &WriteTransaction) -> Result<(), StoreError> {
    txn.open_table(KEYS).map_err(internal)?;
    Ok(())
}

#[derive(Serialize, Deserialize)]
struct Row {
    record: KeyRecord,
    expires_ms: u64,
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// The live record at `key`, if any.
fn live(
    table: &redb::Table<&str, &[u8]>,
    key: &str,
    now: u64,
) -> Result<Option<KeyRecord>, StoreError> {
    let Some(raw) = table.get(key).map_err(internal)? else {
        return Ok(None);
    };
    let row: Row = serde_json::from_slice(raw.value())
        .map_err(|e| StoreError::Corrupt(format!("idempotency row '{key}': {e}")))?;
    Ok((row.expires_ms > now).then_some(row.record))
}

fn put(
    table: &mut redb::Table<&str, &[u8]>,
    key: &str,
    record: &KeyRecord,
    until: u64,
) -> Result<(), StoreError> {
    let row = serde_json::to_vec(&Row {
        record: record.clone(),
        expires_ms: until,
    })
    .map_err(internal)?;
    table.insert(key, row.as_slice()).map_err(internal)?;
    Ok(())
}

/// Runs `f` on the keys table in one write transaction, sweeping expired rows first when the
/// last sweep is a minute old.
async fn write<T: Send + 'static>(
    store: &EmbeddedStore,
    f: impl FnOnce(&mut redb::Table<&str, &[u8]>, u64) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    store
        .blocking(move |db| {
            let now = now_ms();
            let txn = db.begin_write().map_err(internal)?;
            let answer = {
                let mut table = txn.open_table(KEYS).map_err(internal)?;
                if now.saturating_sub(SWEPT.load(Ordering::Relaxed)) > 60_000 {
                    SWEPT.store(now, Ordering::Relaxed);
                    table
                        .retain(|_, raw| {
                            serde_json::from_slice::<Row>(raw).is_ok_and(|r| r.expires_ms > now)
                        })
                        .map_err(internal)?;
                }
                f(&mut table, now)?
            };
            txn.commit().map_err(internal)?;
            Ok(answer)
        })
        .await
}

#[async_trait]
impl IdempotencyStore for EmbeddedStore {
    async fn claim(
        &self,
        key: &str,
        claim: &KeyRecord,
        hold: Duration,
    ) -> Result<Option<KeyRecord>, StoreError> {
        let (key, claim) = (key.to_owned(), claim.clone());
        write(self, move |table, now| {
            if let Some(found) = live(table, &key, now)? {
                return Ok(Some(found));
            }
            put(table, &key, &claim, now + hold.as_millis() as u64)?;
            Ok(None)
        })
        .await
    }

    async fn renew(&self, key: &str, claim: &KeyRecord, hold: Duration) -> Result<(), StoreError> {
        let (key, claim) = (key.to_owned(), claim.clone());
        write(self, move |table, now| {
            if live(table, &key, now)?.as_ref() == Some(&claim) {
                put(table, &key, &claim, now + hold.as_millis() as u64)?;
            }
            Ok(())
        })
        .await
    }

    async fn answer(
        &self,
        key: &str,
        claim: &KeyRecord,
        answered: &KeyRecord,
        ttl: Duration,
    ) -> Result<bool, StoreError> {
        let (key, claim, answered) = (key.to_owned(), claim.clone(), answered.clone());
        write(self, move |table, now| {
            if live(table, &key, now)?.as_ref() != Some(&claim) {
                return Ok(false);
            }
            put(table, &key, &answered, now + ttl.as_millis() as u64)?;
            Ok(true)
        })
        .await
    }

    async fn release(&self, key: &str, claim: &KeyRecord) -> Result<(), StoreError> {
        let (key, claim) = (key.to_owned(), claim.clone());
        write(self, move |table, now| {
            if live(table, &key, now)?.as_ref() == Some(&claim) {
                table.remove(key.as_str()).map_err(internal)?;
            }
            Ok(())
        })
        .await
    }
}
