//! Provisioning requests in the embedded database (`netweave.redb`): each swap is one write
//! transaction that reads the stored revision first.

use async_trait::async_trait;
use redb::{ReadableDatabase, ReadableTable, TableDefinition, WriteTransaction};

use super::{
    embedded::{decode, internal, EmbeddedStore},
    embedded_alarms::{read, read_all},
    provisioning::ProvisioningStore,
    StoreError,
};
use crate::provisioning::ProvisioningRequest;

/// provisioningRequestId → the request as JSON.
const REQUESTS: TableDefinition<&str, &[u8]> = TableDefinition::new("provisioning_requests");
/// provisioningRequestId → nothing: the requests with work pending, kept by every swap.
const ACTIVE: TableDefinition<&str, ()> = TableDefinition::new("provisioning_requests_active");

pub(super) fn create_tables(txn: &WriteTransaction) -> Result<(), StoreError> {
    txn.open_table(REQUESTS).map_err(internal)?;
    txn.open_table(ACTIVE).map_err(internal)?;
    Ok(())
}

#[derive(serde::Deserialize)]
struct Revision {
    #[serde(default)]
    revision: u64,
}

/// Writes `body` (`None`: removes it) if the stored revision is `expected`, and keeps the
/// request in or out of the active index, in one transaction.
fn swap(
    db: &redb::Database,
    id: &str,
    body: Option<(Vec<u8>, bool)>,
    expected: u64,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().map_err(internal)?;
    {
        let mut rows = txn.open_table(REQUESTS).map_err(internal)?;
        let stored = match rows.get(id).map_err(internal)? {
            Some(v) => decode::<Revision>(v.value())?.revision,
            None => 0,
        };
        if stored != expected {
            return Ok(false);
        }
        let mut active = txn.open_table(ACTIVE).map_err(internal)?;
        match &body {
            Some((b, pending)) => {
                rows.insert(id, b.as_slice()).map_err(internal)?;
                if *pending {
                    active.insert(id, ()).map_err(internal)?;
                } else {
                    active.remove(id).map_err(internal)?;
                }
            }
            None => {
                rows.remove(id).map_err(internal)?;
                active.remove(id).map_err(internal)?;
            }
        }
    }
    txn.commit().map_err(internal)?;
    Ok(true)
}

#[async_trait]
impl ProvisioningStore for EmbeddedStore {
    async fn get_request(&self, id: &str) -> Result<Option<ProvisioningRequest>, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| read(db, REQUESTS, &id)).await
    }

    async fn list_requests(&self) -> Result<Vec<ProvisioningRequest>, StoreError> {
        self.blocking(|db| read_all(db, REQUESTS)).await
    }

    async fn list_active_requests(&self) -> Result<Vec<ProvisioningRequest>, StoreError> {
        self.blocking(|db| {
            let txn = db.begin_read().map_err(internal)?;
            let active = txn.open_table(ACTIVE).map_err(internal)?;
            let rows = txn.open_table(REQUESTS).map_err(internal)?;
            let mut all = Vec::new();
            for entry in active.iter().map_err(internal)? {
                let (id, _) = entry.map_err(internal)?;
                if let Some(v) = rows.get(id.value()).map_err(internal)? {
                    all.push(decode(v.value())?);
                }
            }
            Ok(all)
        })
        .await
    }

    async fn swap_request(
        &self,
        request: &ProvisioningRequest,
        expected: u64,
    ) -> Result<bool, StoreError> {
        let body = serde_json::to_vec(request).map_err(internal)?;
        let (id, pending) = (request.id().to_owned(), request.pending_work());
        self.blocking(move |db| swap(db, &id, Some((body, pending)), expected))
            .await
    }

    async fn remove_request(&self, id: &str, expected: u64) -> Result<bool, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| swap(db, &id, None, expected)).await
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::provisioning::{Phase, RequestData};

    fn request(id: &str) -> ProvisioningRequest {
        let data = RequestData {
            provisioning_request_id: id.into(),
            name: "n".into(),
            description: String::new(),
            template_name: "sim-pool".into(),
            template_version: "v1".into(),
            template_parameters: json!({}),
        };
        ProvisioningRequest::new(data, "simulator.pool".into(), json!({}), None)
    }

    async fn active(store: &EmbeddedStore) -> Vec<String> {
        let mut ids: Vec<String> = store
            .list_active_requests()
            .await
            .unwrap()
            .iter()
            .map(|r| r.id().to_owned())
            .collect();
        ids.sort();
        ids
    }

    #[tokio::test]
    async fn the_active_index_holds_exactly_the_requests_with_work_pending() {
        let dir = tempfile::tempdir().unwrap();
        let store = EmbeddedStore::open(dir.path()).unwrap();
        let (mut a, mut b) = (request("a"), request("b"));
        a.revision = 1;
        b.revision = 1;
        assert!(store.swap_request(&a, 0).await.unwrap());
        assert!(store.swap_request(&b, 0).await.unwrap());
        assert!(
            !store.swap_request(&a, 0).await.unwrap(),
            "a stale revision"
        );
        assert_eq!(active(&store).await, ["a", "b"]);
        a.set_phase(Phase::Fulfilled, "done");
        a.revision = 2;
        assert!(store.swap_request(&a, 1).await.unwrap());
        assert_eq!(active(&store).await, ["b"]);
        assert_eq!(store.list_requests().await.unwrap().len(), 2);
        assert!(store.remove_request("b", 1).await.unwrap());
        assert!(active(&store).await.is_empty());
        assert_eq!(
            store.get_request("a").await.unwrap().unwrap().phase(),
            Phase::Fulfilled
        );
    }
}
