//! O2-DMS storage: VNF packages (and, with the lifecycle, instances and operation
//! occurrences) as JSON records, each written by compare-and-swap on its revision, and the
//! packages' content as blobs written in the same transaction as the record that points at
//! them — a package is never ONBOARDED without its content, nor its content kept without it.

use std::sync::Arc;

use async_trait::async_trait;
use serde::{de::DeserializeOwned, Serialize};

use super::{embedded::decode, StoreError};

/// The record collections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Packages,
    Instances,
    OpOccs,
}

impl Table {
    pub fn name(self) -> &'static str {
        match self {
            Table::Packages => "vnf-packages",
            Table::Instances => "vnf-instances",
            Table::OpOccs => "vnf-lcm-op-occs",
        }
    }
}

/// What a swap does to a blob beside its record.
#[derive(Clone, Debug, Default)]
pub enum Blob {
    #[default]
    Keep,
    Put(String, Vec<u8>),
    Remove(String),
}

#[async_trait]
pub trait DmsStore: Send + Sync + 'static {
    /// A record's JSON.
    async fn get_raw(&self, table: Table, id: &str) -> Result<Option<Vec<u8>>, StoreError>;

    /// Every record's JSON, in no particular order.
    async fn list_raw(&self, table: Table) -> Result<Vec<Vec<u8>>, StoreError>;

    /// Writes `new` (revision, JSON; `None` removes the record) if the stored revision is
    /// still `expected` (0: none stored), and does `blob` in the same transaction; `false`
    /// (nothing written) otherwise.
    async fn swap_raw(
        &self,
        table: Table,
        id: &str,
        expected: u64,
        new: Option<(u64, Vec<u8>)>,
        blob: Blob,
    ) -> Result<bool, StoreError>;

    async fn blob(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError>;
}

pub type DmsStoreRef = Arc<dyn DmsStore>;

/// A record with a revision: the typed face of a [`Table`].
pub trait Record: Serialize + DeserializeOwned + Send + Sync {
    const TABLE: Table;
    fn id(&self) -> &str;
    fn revision(&self) -> u64;
}

/// Typed reads and swaps over any [`DmsStore`].
pub struct Records<'a>(pub &'a dyn DmsStore);

impl Records<'_> {
    pub async fn get<T: Record>(&self, id: &str) -> Result<Option<T>, StoreError> {
        let found = self.0.get_raw(T::TABLE, id).await?;
        found.map(|j| decode(&j)).transpose()
    }

    pub async fn list<T: Record>(&self) -> Result<Vec<T>, StoreError> {
        let all = self.0.list_raw(T::TABLE).await?;
        all.iter().map(|j| decode(j)).collect()
    }

    /// Stores `record` over revision `expected`.
    pub async fn swap<T: Record>(
        &self,
        record: &T,
        expected: u64,
        blob: Blob,
    ) -> Result<bool, StoreError> {
        let body = serde_json::to_vec(record).map_err(|e| StoreError::Internal(e.to_string()))?;
        self.0
            .swap_raw(
                T::TABLE,
                record.id(),
                expected,
                Some((record.revision(), body)),
                blob,
            )
            .await
    }

    /// Removes the record `id` at revision `expected`.
    pub async fn remove<T: Record>(
        &self,
        id: &str,
        expected: u64,
        blob: Blob,
    ) -> Result<bool, StoreError> {
        self.0.swap_raw(T::TABLE, id, expected, None, blob).await
    }
}
