//! Administration storage: tenants, their role bindings and the audit trail, in the same
//! stores as subscriptions (the embedded database, or Redis).

use std::{sync::Arc, time::Duration};

use async_trait::async_trait;

use super::StoreError;
use crate::domain::{
    audit::{AuditQuery, AuditRecord},
    tenancy::{RoleBinding, Tenant},
};

#[async_trait]
pub trait AdminStore: Send + Sync + 'static {
    /// Stores a new tenant; `false` (and nothing stored) when its id is taken.
    async fn create_tenant(&self, tenant: &Tenant) -> Result<bool, StoreError>;

    /// Replaces an existing tenant; `false` when there is none.
    async fn replace_tenant(&self, tenant: &Tenant) -> Result<bool, StoreError>;

    async fn get_tenant(&self, id: &str) -> Result<Option<Tenant>, StoreError>;

    /// Every tenant, by id.
    async fn list_tenants(&self) -> Result<Vec<Tenant>, StoreError>;

    /// Removes a tenant and its bindings; `false` when there was none.
    async fn remove_tenant(&self, id: &str) -> Result<bool, StoreError>;

    /// The bindings of one tenant, by subject.
    async fn list_bindings(&self, tenant: &str) -> Result<Vec<RoleBinding>, StoreError>;

    /// Stores `binding` in place of the subject's previous one; `true` when it is new.
    async fn put_binding(&self, tenant: &str, binding: &RoleBinding) -> Result<bool, StoreError>;

    /// `false` when the subject had no binding.
    async fn remove_binding(&self, tenant: &str, subject: &str) -> Result<bool, StoreError>;

    /// Appends records (each with its `at_ms`), in order.
    async fn append_audit(&self, records: &[AuditRecord]) -> Result<(), StoreError>;

    /// Matching records, newest first, at most `query.limit`.
    async fn audit(&self, query: &AuditQuery) -> Result<Vec<AuditRecord>, StoreError>;

    /// Removes records older than `before_ms` and all but the newest `keep`; how many went.
    async fn trim_audit(&self, keep: usize, before_ms: i64) -> Result<u64, StoreError>;

    /// A gateway setting the gateway itself records (the last SMO registration).
    async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError>;

    async fn put_setting(&self, key: &str, value: &str) -> Result<(), StoreError>;

    /// Takes or renews `holder`'s lease on `key` for `ttl`; `false` when `max` others hold
    /// one (see `leases.rs`).
    async fn take_lease(
        &self,
        key: &str,
        holder: &str,
        max: u32,
        ttl: Duration,
    ) -> Result<bool, StoreError>;

    async fn drop_lease(&self, key: &str, holder: &str) -> Result<(), StoreError>;

    /// One request of `tenant` against its rate, shared by every replica (GCRA at `rate` per
    /// second with `burst`): the wait before it would be allowed, zero when it is. `None`
    /// when the store is this process's alone (the caller counts in memory).
    async fn rate(
        &self,
        tenant: &str,
        rate: f64,
        burst: u32,
    ) -> Result<Option<Duration>, StoreError> {
        let _ = (tenant, rate, burst);
        Ok(None)
    }
}

pub type AdminStoreRef = Arc<dyn AdminStore>;

/// Records scanned at most to answer one audit query (the newest first).
pub const AUDIT_SCAN: usize = 200_000;
