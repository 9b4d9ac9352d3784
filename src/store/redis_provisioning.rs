//! Provisioning requests in Redis (key layout in `keys.rs`): the JSON in one hash, the
//! revisions in another, the ids with work pending in a set, swapped together by one script.

use async_trait::async_trait;
use redis::AsyncCommands as _;

use super::{
    embedded::decode,
    provisioning::ProvisioningStore,
    redis::{map_err, RedisStore},
    StoreError,
};
use crate::provisioning::ProvisioningRequest;

/// Compare-and-swap of one request. KEYS: values hash, revisions hash, active set. ARGV: id,
/// expected revision, new revision ('' removes it), JSON, '1' when work is pending.
const SWAP: &str = r"
local stored = redis.call('HGET', KEYS[2], ARGV[1]) or '0'
if stored ~= ARGV[2] then return 0 end
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('SREM', KEYS[3], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
  if ARGV[5] == '1' then
    redis.call('SADD', KEYS[3], ARGV[1])
  else
    redis.call('SREM', KEYS[3], ARGV[1])
  end
end
return 1";

impl RedisStore {
    async fn swap_provisioning(
        &self,
        id: &str,
        expected: u64,
        new: Option<(u64, Vec<u8>, bool)>,
    ) -> Result<bool, StoreError> {
        let (values, revisions, active) = self.keys.provisioning_requests();
        let mut conn = self.link.conn();
        let (revision, body, pending) = match new {
            Some((r, b, p)) => (r.to_string(), b, if p { "1" } else { "0" }),
            None => (String::new(), Vec::new(), "0"),
        };
        let swapped: i64 = redis::Script::new(SWAP)
            .key(values)
            .key(revisions)
            .key(active)
            .arg(id)
            .arg(expected.to_string())
            .arg(revision)
            .arg(body)
            .arg(pending)
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        if swapped == 1 {
            self.link.durable(&mut conn).await.map_err(map_err)?;
        }
        Ok(swapped == 1)
    }
}

#[async_trait]
impl ProvisioningStore for RedisStore {
    async fn get_request(&self, id: &str) -> Result<Option<ProvisioningRequest>, StoreError> {
        let mut conn = self.link.conn();
        let found: Option<Vec<u8>> = conn
            .hget(self.keys.provisioning_requests().0, id)
            .await
            .map_err(map_err)?;
        found.map(|j| decode(&j)).transpose()
    }

    async fn list_requests(&self) -> Result<Vec<ProvisioningRequest>, StoreError> {
        let mut conn = self.link.conn();
        let all: Vec<Vec<u8>> = conn
            .hvals(self.keys.provisioning_requests().0)
            .await
            .map_err(map_err)?;
        all.iter().map(|j| decode(j)).collect()
    }

    async fn list_active_requests(&self) -> Result<Vec<ProvisioningRequest>, StoreError> {
        let (values, _, active) = self.keys.provisioning_requests();
        let mut conn = self.link.conn();
        let ids: Vec<String> = conn.smembers(active).await.map_err(map_err)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let found: Vec<Option<Vec<u8>>> = redis::cmd("HMGET")
            .arg(values)
            .arg(&ids)
            .query_async(&mut conn)
            .await
            .map_err(map_err)?;
        found.into_iter().flatten().map(|j| decode(&j)).collect()
    }

    async fn swap_request(
        &self,
        request: &ProvisioningRequest,
        expected: u64,
    ) -> Result<bool, StoreError> {
        let body = serde_json::to_vec(request).map_err(|e| StoreError::Internal(e.to_string()))?;
        self.swap_provisioning(
            request.id(),
            expected,
            Some((request.revision, body, request.pending_work())),
        )
        .await
    }

    async fn remove_request(&self, id: &str, expected: u64) -> Result<bool, StoreError> {
        self.swap_provisioning(id, expected, None).await
    }
}
