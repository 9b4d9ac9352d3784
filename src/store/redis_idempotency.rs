//! Idempotency keys on Redis: `{p}:idempotency:<key>` holds the record (JSON) with its expiry
//! as the key's own; each change is a script that compares the stored record first, so two
//! replicas claiming one key never both win.

use std::{sync::LazyLock, time::Duration};

use async_trait::async_trait;
use redis::Script;

use super::{
    idempotency::{IdempotencyStore, KeyRecord},
    redis::{map_err, RedisStore},
    StoreError,
};

/// KEYS: the key. ARGV: the claim, its hold in ms. The record found, or nil once claimed.
const CLAIM: &str = r"
local found = redis.call('GET', KEYS[1])
if found then return found end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
";

/// KEYS: the key. ARGV: the expected record, the new one (empty: remove), its life in ms.
/// 1 when the expected record was there and was replaced.
const SWAP: &str = r"
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return 1
";

/// Prepared once (their digests), not on every keyed request.
static CLAIM_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(CLAIM));
static SWAP_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(SWAP));

impl RedisStore {
    async fn swap_key(
        &self,
        key: &str,
        expected: &KeyRecord,
        new: Option<&KeyRecord>,
        life: Duration,
    ) -> Result<bool, StoreError> {
        let mut conn = self.link.conn();
        let swapped: i64 = SWAP_SCRIPT
            .key(self.keys.idempotency(key))
            .arg(expected.encode())
            .arg(new.map(KeyRecord::encode).unwrap_or_default())
            .arg(life.as_millis().max(1) as u64)
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        Ok(swapped == 1)
    }
}

#[async_trait]
impl IdempotencyStore for RedisStore {
    async fn claim(
        &self,
        key: &str,
        claim: &KeyRecord,
        hold: Duration,
    ) -> Result<Option<KeyRecord>, StoreError> {
        let mut conn = self.link.conn();
        let found: Option<String> = CLAIM_SCRIPT
            .key(self.keys.idempotency(key))
            .arg(claim.encode())
            .arg(hold.as_millis().max(1) as u64)
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        found
            .map(|raw| KeyRecord::decode(raw.as_bytes()))
            .transpose()
    }

    async fn renew(&self, key: &str, claim: &KeyRecord, hold: Duration) -> Result<(), StoreError> {
        self.swap_key(key, claim, Some(claim), hold).await.map(drop)
    }

    async fn answer(
        &self,
        key: &str,
        claim: &KeyRecord,
        answered: &KeyRecord,
        ttl: Duration,
    ) -> Result<bool, StoreError> {
        self.swap_key(key, claim, Some(answered), ttl).await
    }

    async fn release(&self, key: &str, claim: &KeyRecord) -> Result<(), StoreError> {
        self.swap_key(key, claim, None, Duration::from_millis(1))
            .await
            .map(drop)
    }
}
