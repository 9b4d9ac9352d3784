//! O2-DMS records and blobs in the embedded database (`netweave.redb`): a table per record
//! collection (JSON with its `revision`), one table of blobs; each swap is one write
//! transaction that reads the stored revision first.

use async_trait::async_trait;
use redb::{ReadableDatabase, ReadableTable, TableDefinition, WriteTransaction};

use super::{
    dms::{Blob, DmsStore, Table},
    embedded::{decode, internal, EmbeddedStore},
    StoreError,
};

/// vnfPkgId → the package (JSON).
const PACKAGES: TableDefinition<&str, &[u8]> = TableDefinition::new("dms_vnf_packages");
/// vnfInstanceId → the instance (JSON).
const INSTANCES: TableDefinition<&str, &[u8]> = TableDefinition::new("dms_vnf_instances");
/// vnfLcmOpOccId → the occurrence (JSON).
const OP_OCCS: TableDefinition<&str, &[u8]> = TableDefinition::new("dms_vnf_lcm_op_occs");
/// Blob key → bytes (a package's content: `<vnfPkgId>/<sha256>`).
const BLOBS: TableDefinition<&str, &[u8]> = TableDefinition::new("dms_blobs");

fn table(t: Table) -> TableDefinition<'static, &'static str, &'static [u8]> {
    match t {
        Table::Packages => PACKAGES,
        Table::Instances => INSTANCES,
        Table::OpOccs => OP_OCCS,
    }
}

pub(super) fn create_tables(txn: &WriteTransaction) -> Result<(), StoreError> {
    txn.open_table(PACKAGES).map_err(internal)?;
    txn.open_table(INSTANCES).map_err(internal)?;
    txn.open_table(OP_OCCS).map_err(internal)?;
    txn.open_table(BLOBS).map_err(internal)?;
    Ok(())
}

#[derive(serde::Deserialize)]
struct Revision {
    #[serde(default)]
    revision: u64,
}

#[async_trait]
impl DmsStore for EmbeddedStore {
    async fn get_raw(&self, t: Table, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let rows = txn.open_table(table(t)).map_err(internal)?;
            let found = rows.get(id.as_str()).map_err(internal)?;
            Ok(found.map(|v| v.value().to_vec()))
        })
        .await
    }

    async fn list_raw(&self, t: Table) -> Result<Vec<Vec<u8>>, StoreError> {
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let rows = txn.open_table(table(t)).map_err(internal)?;
            rows.iter()
                .map_err(internal)?
                .map(|e| e.map_err(internal).map(|(_, v)| v.value().to_vec()))
                .collect()
        })
        .await
    }

    async fn swap_raw(
        &self,
        t: Table,
        id: &str,
        expected: u64,
        new: Option<(u64, Vec<u8>)>,
        blob: Blob,
    ) -> Result<bool, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            {
                let mut rows = txn.open_table(table(t)).map_err(internal)?;
                let stored = match rows.get(id.as_str()).map_err(internal)? {
                    Some(v) => decode::<Revision>(v.value())?.revision,
                    None => 0,
                };
                if stored != expected {
                    return Ok(false);
                }
                match &new {
                    Some((_, body)) => rows.insert(id.as_str(), body.as_slice()),
                    None => rows.remove(id.as_str()),
                }
                .map_err(internal)?;
                let mut blobs = txn.open_table(BLOBS).map_err(internal)?;
                match &blob {
                    Blob::Keep => {}
                    Blob::Put(key, bytes) => {
                        blobs
                            .insert(key.as_str(), bytes.as_slice())
                            .map_err(internal)?;
                    }
                    Blob::Remove(key) => {
                        blobs.remove(key.as_str()).map_err(internal)?;
                    }
                }
            }
            txn.commit().map_err(internal)?;
            Ok(true)
        })
        .await
    }

    async fn blob(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let key = key.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let blobs = txn.open_table(BLOBS).map_err(internal)?;
            let found = blobs.get(key.as_str()).map_err(internal)?;
            Ok(found.map(|v| v.value().to_vec()))
        })
        .await
    }
}
