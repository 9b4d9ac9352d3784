//! Tenants, bindings and the audit trail in the embedded database (`netweave.redb`).

use async_trait::async_trait;
use redb::{
    ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition, WriteTransaction,
};

use super::{
    admin::{AdminStore, AUDIT_SCAN},
    embedded::{decode, internal, EmbeddedStore},
    StoreError,
};
use crate::domain::{
    audit::{AuditQuery, AuditRecord},
    tenancy::{RoleBinding, Tenant},
};

/// Tenant id → the tenant as JSON.
const TENANTS: TableDefinition<&str, &[u8]> = TableDefinition::new("tenants");
/// `<tenant id>\0<subject>` → the binding as JSON.
const BINDINGS: TableDefinition<&str, &[u8]> = TableDefinition::new("tenant_bindings");
/// Setting name → its value.
const SETTINGS: TableDefinition<&str, &str> = TableDefinition::new("settings");
/// `at_ms << 16 | n` (time order, unique) → the record as JSON.
const AUDIT: TableDefinition<u64, &[u8]> = TableDefinition::new("audit");

pub(super) fn create_tables(txn: &WriteTransaction) -> Result<(), StoreError> {
    txn.open_table(TENANTS).map_err(internal)?;
    txn.open_table(BINDINGS).map_err(internal)?;
    txn.open_table(AUDIT).map_err(internal)?;
    txn.open_table(SETTINGS).map_err(internal)?;
    Ok(())
}

fn binding_key(tenant: &str, subject: &str) -> String {
    format!("{tenant}\0{subject}")
}

/// The first key of `at_ms`.
fn time_key(at_ms: i64) -> u64 {
    (at_ms.max(0) as u64) << 16
}

fn put_tenant(db: &redb::Database, tenant: &Tenant, create: bool) -> Result<bool, StoreError> {
    let body = serde_json::to_vec(tenant).map_err(internal)?;
    let txn = db.begin_write().map_err(internal)?;
    {
        let mut table = txn.open_table(TENANTS).map_err(internal)?;
        let exists = table
            .get(tenant.tenant_id.as_str())
            .map_err(internal)?
            .is_some();
        // Create needs none; replace needs one.
        if exists == create {
            return Ok(false);
        }
        table
            .insert(tenant.tenant_id.as_str(), body.as_slice())
            .map_err(internal)?;
    }
    txn.commit().map_err(internal)?;
    Ok(true)
}

#[async_trait]
impl AdminStore for EmbeddedStore {
    async fn create_tenant(&self, tenant: &Tenant) -> Result<bool, StoreError> {
        let tenant = tenant.clone();
        self.blocking(move |db| put_tenant(db, &tenant, true)).await
    }

    async fn replace_tenant(&self, tenant: &Tenant) -> Result<bool, StoreError> {
        let tenant = tenant.clone();
        self.blocking(move |db| put_tenant(db, &tenant, false))
            .await
    }

    async fn get_tenant(&self, id: &str) -> Result<Option<Tenant>, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let table = txn.open_table(TENANTS).map_err(internal)?;
            let found = table.get(id.as_str()).map_err(internal)?;
            found.map(|v| decode(v.value())).transpose()
        })
        .await
    }

    async fn list_tenants(&self) -> Result<Vec<Tenant>, StoreError> {
        self.blocking(|db| {
            let txn = db.begin_read().map_err(internal)?;
            let table = txn.open_table(TENANTS).map_err(internal)?;
            table
                .iter()
                .map_err(internal)?
                .map(|row| row.map_err(internal).and_then(|(_, v)| decode(v.value())))
                .collect()
        })
        .await
    }

    async fn remove_tenant(&self, id: &str) -> Result<bool, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            let removed = {
                let mut table = txn.open_table(TENANTS).map_err(internal)?;
                let removed = table.remove(id.as_str()).map_err(internal)?.is_some();
                removed
            };
            {
                let mut bindings = txn.open_table(BINDINGS).map_err(internal)?;
                let (start, end) = (format!("{id}\0"), format!("{id}\u{1}"));
                bindings
                    .retain_in(start.as_str()..end.as_str(), |_, _| false)
                    .map_err(internal)?;
            }
            txn.commit().map_err(internal)?;
            Ok(removed)
        })
        .await
    }

    async fn list_bindings(&self, tenant: &str) -> Result<Vec<RoleBinding>, StoreError> {
        let tenant = tenant.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let table = txn.open_table(BINDINGS).map_err(internal)?;
            let (start, end) = (format!("{tenant}\0"), format!("{tenant}\u{1}"));
            table
                .range(start.as_str()..end.as_str())
                .map_err(internal)?
                .map(|row| row.map_err(internal).and_then(|(_, v)| decode(v.value())))
                .collect()
        })
        .await
    }

    async fn put_binding(&self, tenant: &str, binding: &RoleBinding) -> Result<bool, StoreError> {
        let key = binding_key(tenant, &binding.subject);
        let body = serde_json::to_vec(binding).map_err(internal)?;
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            let previous = {
                let mut table = txn.open_table(BINDINGS).map_err(internal)?;
                let previous = table
                    .insert(key.as_str(), body.as_slice())
                    .map_err(internal)?
                    .is_some();
                previous
            };
            txn.commit().map_err(internal)?;
            Ok(!previous)
        })
        .await
    }

    async fn remove_binding(&self, tenant: &str, subject: &str) -> Result<bool, StoreError> {
        let key = binding_key(tenant, subject);
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            let removed = {
                let mut table = txn.open_table(BINDINGS).map_err(internal)?;
                let removed = table.remove(key.as_str()).map_err(internal)?.is_some();
                removed
            };
            txn.commit().map_err(internal)?;
            Ok(removed)
        })
        .await
    }

    async fn append_audit(&self, records: &[AuditRecord]) -> Result<(), StoreError> {
        let bodies: Vec<(i64, Vec<u8>)> = records
            .iter()
            .map(|r| Ok((r.at_ms, serde_json::to_vec(r).map_err(internal)?)))
            .collect::<Result<_, StoreError>>()?;
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            {
                let mut table = txn.open_table(AUDIT).map_err(internal)?;
                let mut last = table.last().map_err(internal)?.map(|(k, _)| k.value());
                for (at_ms, body) in &bodies {
                    let key = time_key(*at_ms).max(last.map_or(0, |l| l + 1));
                    table.insert(key, body.as_slice()).map_err(internal)?;
                    last = Some(key);
                }
            }
            txn.commit().map_err(internal)
        })
        .await
    }

    async fn audit(&self, query: &AuditQuery) -> Result<Vec<AuditRecord>, StoreError> {
        let query = query.clone();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let table = txn.open_table(AUDIT).map_err(internal)?;
            let end = query.until_ms.map_or(u64::MAX, time_key);
            let start = query.since_ms.map_or(0, time_key);
            let mut out = Vec::new();
            for row in table
                .range(start..end)
                .map_err(internal)?
                .rev()
                .take(AUDIT_SCAN)
            {
                let (key, value) = row.map_err(internal)?;
                let mut record: AuditRecord = decode(value.value())?;
                record.at_ms = (key.value() >> 16) as i64;
                if query.matches(&record) {
                    out.push(record);
                    if out.len() >= query.limit {
                        break;
                    }
                }
            }
            Ok(out)
        })
        .await
    }

    async fn trim_audit(&self, keep: usize, before_ms: i64) -> Result<u64, StoreError> {
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            let removed = {
                let mut table = txn.open_table(AUDIT).map_err(internal)?;
                let before = table.len().map_err(internal)?;
                table
                    .retain_in(..time_key(before_ms), |_, _| false)
                    .map_err(internal)?;
                let mut len = table.len().map_err(internal)?;
                while len > keep as u64 {
                    table.pop_first().map_err(internal)?;
                    len -= 1;
                }
                before - len
            };
            txn.commit().map_err(internal)?;
            Ok(removed)
        })
        .await
    }

    async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let key = key.to_owned();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let table = txn.open_table(SETTINGS).map_err(internal)?;
            let found = table.get(key.as_str()).map_err(internal)?;
            Ok(found.map(|v| v.value().to_owned()))
        })
        .await
    }

    async fn put_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let (key, value) = (key.to_owned(), value.to_owned());
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            txn.open_table(SETTINGS)
                .map_err(internal)?
                .insert(key.as_str(), value.as_str())
                .map_err(internal)?;
            txn.commit().map_err(internal)
        })
        .await
    }

    async fn take_lease(
        &self,
        key: &str,
        holder: &str,
        max: u32,
        ttl: std::time::Duration,
    ) -> Result<bool, StoreError> {
        Ok(self.leases.take(key, holder, max, ttl))
    }

    async fn drop_lease(&self, key: &str, holder: &str) -> Result<(), StoreError> {
        self.leases.drop_lease(key, holder);
        Ok(())
    }
}
