//! Provisioning requests in the embedded database (`netweave.redb`): each swap is one write
//! transaction that reads the stored revision first.

use async_trait::async_trait;
use redb::{ReadableDatabase, ReadableTable, TableDefinition, WriteTransaction};

use super::{
    embedded::{decode, internal, EmbeddedStore},
    embedded_alarms::{read, swap},
    provisioning::ProvisioningStore,
    StoreError,
};
use crate::provisioning::ProvisioningRequest;

/// provisioningRequestId → the request as JSON.
const REQUESTS: TableDefinition<&str, &[u8]> = TableDefinition::new("provisioning_requests");

pub(super) fn create_tables(txn: &WriteTransaction) -> Result<(), StoreError> {
    txn.open_table(REQUESTS).map_err(internal)?;
    Ok(())
}

#[async_trait]
impl ProvisioningStore for EmbeddedStore {
    async fn get_request(&self, id: &str) -> Result<Option<ProvisioningRequest>, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| read(db, REQUESTS, &id)).await
    }

    async fn list_requests(&self) -> Result<Vec<ProvisioningRequest>, StoreError> {
        self.blocking(|db| {
            let txn = db.begin_read().map_err(internal)?;
            let rows = txn.open_table(REQUESTS).map_err(internal)?;
            rows.iter()
                .map_err(internal)?
                .map(|entry| entry.map_err(internal).and_then(|(_, v)| decode(v.value())))
                .collect()
        })
        .await
    }

    async fn swap_request(
        &self,
        request: &ProvisioningRequest,
        expected: u64,
    ) -> Result<bool, StoreError> {
        let body = serde_json::to_vec(request).map_err(internal)?;
        let id = request.id().to_owned();
        self.blocking(move |db| swap(db, REQUESTS, &id, Some(body), expected))
            .await
    }

    async fn remove_request(&self, id: &str, expected: u64) -> Result<bool, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| swap(db, REQUESTS, &id, None, expected))
            .await
    }
}
