//! Alarms and the alarm service configuration in the embedded database (`netweave.redb`):
//! each swap is one write transaction that reads the stored revision first.

use async_trait::async_trait;
use redb::{ReadableDatabase, ReadableTable, TableDefinition, WriteTransaction};

use super::{
    alarms::AlarmStore,
    embedded::{decode, internal, EmbeddedStore},
    StoreError,
};
use crate::alarms::{Alarm, AlarmServiceConfiguration};

/// Alarm id → the alarm as JSON.
const ALARMS: TableDefinition<&str, &[u8]> = TableDefinition::new("alarms");
/// `configuration` → the alarm service configuration as JSON.
const ALARM_SERVICE: TableDefinition<&str, &[u8]> = TableDefinition::new("alarm_service");
const CONFIGURATION: &str = "configuration";

pub(super) fn create_tables(txn: &WriteTransaction) -> Result<(), StoreError> {
    txn.open_table(ALARMS).map_err(internal)?;
    txn.open_table(ALARM_SERVICE).map_err(internal)?;
    Ok(())
}

#[derive(serde::Deserialize)]
struct Revision {
    #[serde(default)]
    revision: u64,
}

/// Writes `body` (or removes the row when `None`) at `key` if the stored revision is
/// `expected`, in one transaction.
fn swap(
    db: &redb::Database,
    table: TableDefinition<&str, &[u8]>,
    key: &str,
    body: Option<Vec<u8>>,
    expected: u64,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().map_err(internal)?;
    {
        let mut rows = txn.open_table(table).map_err(internal)?;
        let stored = match rows.get(key).map_err(internal)? {
            Some(v) => decode::<Revision>(v.value())?.revision,
            None => 0,
        };
        if stored != expected {
            return Ok(false);
        }
        match &body {
            Some(b) => {
                rows.insert(key, b.as_slice()).map_err(internal)?;
            }
            None => {
                rows.remove(key).map_err(internal)?;
            }
        }
    }
    txn.commit().map_err(internal)?;
    Ok(true)
}

pub(super) fn read<T: serde::de::DeserializeOwned>(
    db: &redb::Database,
    table: TableDefinition<&str, &[u8]>,
    key: &str,
) -> Result<Option<T>, StoreError> {
    let txn = db.begin_read().map_err(internal)?;
    let rows = txn.open_table(table).map_err(internal)?;
    let found = rows.get(key).map_err(internal)?;
    found.map(|v| decode(v.value())).transpose()
}

/// Every row of `table`, decoded.
pub(super) fn read_all<T: serde::de::DeserializeOwned>(
    db: &redb::Database,
    table: TableDefinition<&str, &[u8]>,
) -> Result<Vec<T>, StoreError> {
    let txn = db.begin_read().map_err(internal)?;
    let rows = txn.open_table(table).map_err(internal)?;
    rows.iter()
        .map_err(internal)?
        .map(|entry| entry.map_err(internal).and_then(|(_, v)| decode(v.value())))
        .collect()
}

/// The configuration as stored: its shown fields and its revision.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredConfiguration {
    #[serde(flatten)]
    config: AlarmServiceConfiguration,
    revision: u64,
}

pub(super) fn encode_configuration(c: &AlarmServiceConfiguration) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(&StoredConfiguration {
        config: c.clone(),
        revision: c.revision,
    })
    .map_err(internal)
}

pub(super) fn decode_configuration(bytes: &[u8]) -> Result<AlarmServiceConfiguration, StoreError> {
    let stored: StoredConfiguration = decode(bytes)?;
    Ok(AlarmServiceConfiguration {
        revision: stored.revision,
        ..stored.config
    })
}

#[async_trait]
impl AlarmStore for EmbeddedStore {
    async fn get_alarm(&self, id: &str) -> Result<Option<Alarm>, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| read(db, ALARMS, &id)).await
    }

    async fn list_alarms(&self) -> Result<Vec<Alarm>, StoreError> {
        self.blocking(|db| read_all(db, ALARMS)).await
    }

    async fn swap_alarm(&self, alarm: &Alarm, expected: u64) -> Result<bool, StoreError> {
        let body = serde_json::to_vec(alarm).map_err(internal)?;
        let id = alarm.id().to_owned();
        self.blocking(move |db| swap(db, ALARMS, &id, Some(body), expected))
            .await
    }

    async fn remove_alarm(&self, id: &str, expected: u64) -> Result<bool, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| swap(db, ALARMS, &id, None, expected))
            .await
    }

    async fn alarm_configuration(&self) -> Result<Option<AlarmServiceConfiguration>, StoreError> {
        self.blocking(|db| {
            let txn = db.begin_read().map_err(internal)?;
            let rows = txn.open_table(ALARM_SERVICE).map_err(internal)?;
            let found = rows.get(CONFIGURATION).map_err(internal)?;
            found.map(|v| decode_configuration(v.value())).transpose()
        })
        .await
    }

    async fn swap_alarm_configuration(
        &self,
        config: &AlarmServiceConfiguration,
        expected: u64,
    ) -> Result<bool, StoreError> {
        let body = encode_configuration(config)?;
        self.blocking(move |db| swap(db, ALARM_SERVICE, CONFIGURATION, Some(body), expected))
            .await
    }
}
