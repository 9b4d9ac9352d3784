//! The embedded event log: redb, one ACID file (`events.redb`) in the data directory. Cursors
//! are the table keys; the last cursor ever assigned is kept apart so cursors never repeat even
//! when retention has removed every event. Appends commit durably before they return, with
//! the published state ([`super::published`]) updated in the same transaction.

use std::{
    path::Path,
    sync::Arc,
    time::{Duration, SystemTime},
};

use async_trait::async_trait;
use redb::{Database, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition};
use tokio::sync::watch;

use super::{
    log::{Bounds, EventError, EventLog},
    model::{now_rfc3339, Cursor, Event},
    published::{self, Published},
};

const EVENTS: TableDefinition<u64, &[u8]> = TableDefinition::new("events");
/// Published state: field (instance, newline, REST path) → record.
const PUBLISHED: TableDefinition<&str, &[u8]> = TableDefinition::new("published");
/// Instances whose baseline is recorded → when (Unix seconds).
const BASELINES: TableDefinition<&str, u64> = TableDefinition::new("baselines");
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
const LAST: &str = "last_cursor";
pub const FILE_NAME: &str = "events.redb";
/// The page cache of `events.redb`: the b-tree's inner pages and the newest events and
/// deliveries; a large inventory's published state passes through it once at start.
const CACHE_BYTES: usize = 16 * 1024 * 1024;

/// How much history the log keeps.
#[derive(Clone, Copy, Debug)]
pub struct Retention {
    pub max_events: u64,
    pub max_age: Duration,
}

pub struct EmbeddedLog {
    db: Arc<Database>,
    retention: Retention,
    last: watch::Sender<Cursor>,
}

fn internal(e: impl std::fmt::Display) -> EventError {
    EventError::Internal(e.to_string())
}

impl EmbeddedLog {
    pub fn open(data_dir: &Path, retention: Retention) -> Result<EmbeddedLog, EventError> {
        std::fs::create_dir_all(data_dir).map_err(|e| EventError::Unavailable(e.to_string()))?;
        // The hot part is the newest events and the deliveries beside them; redb's default
        // cache may grow to 1 GiB, held by the published state of a large inventory.
        let db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .create(data_dir.join(FILE_NAME))
            .map_err(|e| EventError::Unavailable(e.to_string()))?;
        let txn = db.begin_write().map_err(internal)?;
        let last = {
            txn.open_table(EVENTS).map_err(internal)?;
            txn.open_table(PUBLISHED).map_err(internal)?;
            txn.open_table(BASELINES).map_err(internal)?;
            let meta = txn.open_table(META).map_err(internal)?;
            let last = meta.get(LAST).map_err(internal)?.map_or(0, |v| v.value());
            last
        };
        txn.commit().map_err(internal)?;
        Ok(EmbeddedLog {
            db: Arc::new(db),
            retention,
            last: watch::channel(last).0,
        })
    }

    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Database) -> Result<T, EventError> + Send + 'static,
    ) -> Result<T, EventError> {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || f(&db))
            .await
            .map_err(internal)?
    }

    /// The database, shared with the embedded delivery queue so both change in one transaction.
    pub fn database(&self) -> Arc<Database> {
        Arc::clone(&self.db)
    }

    /// Removes events older than the retention age; returns how many.
    pub async fn trim_by_age(&self) -> Result<u64, EventError> {
        let cutoff = SystemTime::now() - self.retention.max_age;
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            let mut removed = 0;
            {
                let mut events = txn.open_table(EVENTS).map_err(internal)?;
                let mut expired = Vec::new();
                for entry in events.iter().map_err(internal)? {
                    let (key, value) = entry.map_err(internal)?;
                    let event: Event = serde_json::from_slice(value.value())
                        .map_err(|e| EventError::Corrupt(e.to_string()))?;
                    let published = humantime::parse_rfc3339_weak(&event.published_at)
                        .unwrap_or(SystemTime::UNIX_EPOCH);
                    if published >= cutoff || expired.len() >= 10_000 {
                        break;
                    }
                    expired.push(key.value());
                }
                for key in expired {
                    events.remove(key).map_err(internal)?;
                    removed += 1;
                }
            }
            txn.commit().map_err(internal)?;
            Ok(removed)
        })
        .await
    }
}

#[async_trait]
impl EventLog for EmbeddedLog {
    fn name(&self) -> &'static str {
        "embedded"
    }

    async fn append(&self, mut events: Vec<Event>) -> Result<Vec<Event>, EventError> {
        if events.is_empty() {
            return Ok(events);
        }
        let max_events = self.retention.max_events;
        let (events, last) = self
            .blocking(move |db| {
                let txn = db.begin_write().map_err(internal)?;
                let last = {
                    let mut meta = txn.open_table(META).map_err(internal)?;
                    let mut table = txn.open_table(EVENTS).map_err(internal)?;
                    let mut state = txn.open_table(PUBLISHED).map_err(internal)?;
                    let mut last = meta.get(LAST).map_err(internal)?.map_or(0, |v| v.value());
                    let published = now_rfc3339();
                    for event in &mut events {
                        last += 1;
                        event.cursor = last;
                        event.published_at = published.clone();
                        let body = serde_json::to_vec(&event).map_err(internal)?;
                        table.insert(last, body.as_slice()).map_err(internal)?;
                        match published::update_of(event) {
                            (field, Some(record)) => {
                                let record = published::encode(&record);
                                state
                                    .insert(field.as_str(), record.as_slice())
                                    .map_err(internal)?;
                            }
                            (field, None) => {
                                state.remove(field.as_str()).map_err(internal)?;
                            }
                        }
                    }
                    meta.insert(LAST, last).map_err(internal)?;
                    let len = table.len().map_err(internal)?;
                    if len > max_events {
                        let keep_from = last - max_events + 1;
                        table
                            .retain_in(..keep_from, |_, _| false)
                            .map_err(internal)?;
                    }
                    last
                };
                txn.commit().map_err(internal)?;
                Ok((events, last))
            })
            .await?;
        self.last.send_replace(last);
        Ok(events)
    }

    async fn read(&self, after: Cursor, max: usize) -> Result<Vec<Event>, EventError> {
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let table = txn.open_table(EVENTS).map_err(internal)?;
            let mut out = Vec::new();
            for entry in table
                .range(after.saturating_add(1)..)
                .map_err(internal)?
                .take(max)
            {
                let (_, value) = entry.map_err(internal)?;
                out.push(
                    serde_json::from_slice(value.value())
                        .map_err(|e| EventError::Corrupt(e.to_string()))?,
                );
            }
            Ok(out)
        })
        .await
    }

    async fn bounds(&self) -> Result<Bounds, EventError> {
        let last = *self.last.borrow();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let table = txn.open_table(EVENTS).map_err(internal)?;
            let first = table
                .first()
                .map_err(internal)?
                .map_or(last + 1, |(k, _)| k.value());
            Ok(Bounds { first, last })
        })
        .await
    }

    async fn wait(&self, after: Cursor, timeout: Duration) -> Result<(), EventError> {
        let mut rx = self.last.subscribe();
        let _ = tokio::time::timeout(timeout, rx.wait_for(|last| *last > after)).await;
        Ok(())
    }

    async fn published(&self) -> Result<Published, EventError> {
        self.blocking(|db| {
            let txn = db.begin_read().map_err(internal)?;
            let mut out = Published::default();
            for entry in txn
                .open_table(PUBLISHED)
                .map_err(internal)?
                .iter()
                .map_err(internal)?
            {
                let (field, record) = entry.map_err(internal)?;
                out.insert_field(field.value(), published::decode(record.value())?)?;
            }
            for entry in txn
                .open_table(BASELINES)
                .map_err(internal)?
                .iter()
                .map_err(internal)?
            {
                out.instances
                    .insert(entry.map_err(internal)?.0.value().to_owned());
            }
            Ok(out)
        })
        .await
    }

    async fn record_baseline(
        &self,
        instance: &str,
        records: Arc<[(String, Vec<u8>)]>,
    ) -> Result<bool, EventError> {
        let instance = instance.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            {
                let mut baselines = txn.open_table(BASELINES).map_err(internal)?;
                if baselines
                    .get(instance.as_str())
                    .map_err(internal)?
                    .is_some()
                {
                    return Ok(false);
                }
                let now = SystemTime::now()
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                baselines.insert(instance.as_str(), now).map_err(internal)?;
                let mut state = txn.open_table(PUBLISHED).map_err(internal)?;
                for (field, record) in records.iter() {
                    state
                        .insert(field.as_str(), record.as_slice())
                        .map_err(internal)?;
                }
            }
            txn.commit().map_err(internal)?;
            Ok(true)
        })
        .await
    }
}
