//! O2-DMS records and blobs in Redis (key layout in `keys.rs`): a hash of JSON and a hash of
//! revisions per record collection, a string per blob, swapped together by one script.

use async_trait::async_trait;
use redis::AsyncCommands as _;

use super::{
    dms::{Blob, DmsStore, Table},
    redis::{map_err, RedisStore},
    StoreError,
};

/// Compare-and-swap of one record and its blob. KEYS: values hash, revisions hash, blob key
/// ('' none). ARGV: id, expected revision, new revision ('' removes the record), JSON, blob
/// action ('put', 'remove', ''), blob bytes.
const SWAP: &str = r"
local stored = redis.call('HGET', KEYS[2], ARGV[1]) or '0'
if stored ~= ARGV[2] then return 0 end
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
end
if ARGV[5] == 'put' then
  redis.call('SET', KEYS[3], ARGV[6])
elseif ARGV[5] == 'remove' then
  redis.call('DEL', KEYS[3])
end
return 1";

#[async_trait]
impl DmsStore for RedisStore {
    async fn get_raw(&self, t: Table, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let mut conn = self.link.conn();
        conn.hget(self.keys.dms_records(t.name()).0, id)
            .await
            .map_err(map_err)
    }

    async fn list_raw(&self, t: Table) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut conn = self.link.conn();
        conn.hvals(self.keys.dms_records(t.name()).0)
            .await
            .map_err(map_err)
    }

    async fn swap_raw(
        &self,
        t: Table,
        id: &str,
        expected: u64,
        new: Option<(u64, Vec<u8>)>,
        blob: Blob,
    ) -> Result<bool, StoreError> {
        let (values, revisions) = self.keys.dms_records(t.name());
        let (revision, body) = match new {
            Some((r, b)) => (r.to_string(), b),
            None => (String::new(), Vec::new()),
        };
        let (blob_key, action, bytes) = match blob {
            Blob::Keep => (String::new(), "", Vec::new()),
            Blob::Put(k, b) => (self.keys.dms_blob(&k), "put", b),
            Blob::Remove(k) => (self.keys.dms_blob(&k), "remove", Vec::new()),
        };
        let mut conn = self.link.conn();
        let swapped: i64 = redis::Script::new(SWAP)
            .key(values)
            .key(revisions)
            .key(if blob_key.is_empty() {
                self.keys.dms_blob("")
            } else {
                blob_key
            })
            .arg(id)
            .arg(expected.to_string())
            .arg(revision)
            .arg(body)
            .arg(action)
            .arg(bytes)
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        if swapped == 1 {
            self.link.durable(&mut conn).await.map_err(map_err)?;
        }
        Ok(swapped == 1)
    }

    async fn blob(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let mut conn = self.link.conn();
        conn.get(self.keys.dms_blob(key)).await.map_err(map_err)
    }
}
