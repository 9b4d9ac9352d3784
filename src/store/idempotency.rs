//! Idempotency keys (`Idempotency-Key`, draft-ietf-httpapi-idempotency-key-header): the first
//! request with a key claims it, its answer is kept for the key's time to live, and a repeat
//! gets that answer instead of running again. Kept in the same stores as subscriptions, so
//! every replica sharing Redis sees every key; the embedded store is one process's.
//!
//! A claim is a record naming the request's fingerprint and the claimant's token; it lasts a
//! short `hold` that its claimant renews while the request runs, so a process that dies
//! mid-request frees the key soon. The answer replaces the claim only while the claim is still
//! the claimant's.

use std::{sync::Arc, time::Duration};

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::StoreError;

/// A key's record as stored (JSON): claimed (no answer yet) or answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyRecord {
    /// What identifies the request's content (method, path, body), to refuse another request
    /// reusing the key.
    pub fingerprint: String,
    /// The claimant's token while the request runs; empty once answered.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub token: String,
    /// The answer as the HTTP layer keeps it, once there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
}

impl KeyRecord {
    pub fn claim(fingerprint: &str, token: &str) -> KeyRecord {
        KeyRecord {
            fingerprint: fingerprint.to_owned(),
            token: token.to_owned(),
            answer: None,
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn decode(raw: &[u8]) -> Result<KeyRecord, StoreError> {
        serde_json::from_slice(raw)
            .map_err(|e| StoreError::Corrupt(format!("idempotency record: {e}")))
    }
}

#[async_trait]
pub trait IdempotencyStore: Send + Sync + 'static {
    /// Claims `key` with `claim` for `hold` unless it is claimed or answered already: `None`
    /// when this call claimed it, else the record found.
    async fn claim(
        &self,
        key: &str,
        claim: &KeyRecord,
        hold: Duration,
    ) -> Result<Option<KeyRecord>, StoreError>;

    /// Extends `claim` on `key` by `hold` while it is still the stored record.
    async fn renew(&self, key: &str, claim: &KeyRecord, hold: Duration) -> Result<(), StoreError>;

    /// Replaces `claim` on `key` by `answered`, kept for `ttl`, while the claim is still the
    /// stored record; `false` when it no longer was (its hold ran out and another took it).
    async fn answer(
        &self,
        key: &str,
        claim: &KeyRecord,
        answered: &KeyRecord,
        ttl: Duration,
    ) -> Result<bool, StoreError>;

    /// Removes `claim` from `key` while it is still the stored record (the request ended
    /// without an answer worth keeping).
    async fn release(&self, key: &str, claim: &KeyRecord) -> Result<(), StoreError>;
}

pub type IdempotencyStoreRef = Arc<dyn IdempotencyStore>;
