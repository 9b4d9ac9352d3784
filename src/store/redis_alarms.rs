//! Alarms and the alarm service configuration in Redis (key layout in `keys.rs`): the JSON in
//! one hash, the revisions in another, swapped together by one script.

use async_trait::async_trait;
use redis::AsyncCommands as _;

use super::{
    alarms::AlarmStore,
    embedded::decode,
    embedded_alarms::{decode_configuration, encode_configuration},
    redis::{map_err, RedisStore},
    StoreError,
};
use crate::alarms::{Alarm, AlarmServiceConfiguration};

/// Compare-and-swap of one field. KEYS: values hash, revisions hash. ARGV: field, expected
/// revision, new revision ('' removes the field), JSON.
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
return 1";

const CONFIGURATION: &str = "configuration";

impl RedisStore {
    async fn swap_field(
        &self,
        (values, revisions): (String, String),
        field: &str,
        expected: u64,
        new: Option<(u64, Vec<u8>)>,
    ) -> Result<bool, StoreError> {
        let mut conn = self.link.conn();
        let (revision, body) = match new {
            Some((r, b)) => (r.to_string(), b),
            None => (String::new(), Vec::new()),
        };
        let swapped: i64 = redis::Script::new(SWAP)
            .key(values)
            .key(revisions)
            .arg(field)
            .arg(expected.to_string())
            .arg(revision)
            .arg(body)
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
impl AlarmStore for RedisStore {
    async fn get_alarm(&self, id: &str) -> Result<Option<Alarm>, StoreError> {
        let mut conn = self.link.conn();
        let found: Option<Vec<u8>> = conn.hget(self.keys.alarms().0, id).await.map_err(map_err)?;
        found.map(|j| decode(&j)).transpose()
    }

    async fn list_alarms(&self) -> Result<Vec<Alarm>, StoreError> {
        let mut conn = self.link.conn();
        let all: Vec<Vec<u8>> = conn.hvals(self.keys.alarms().0).await.map_err(map_err)?;
        all.iter().map(|j| decode(j)).collect()
    }

    async fn swap_alarm(&self, alarm: &Alarm, expected: u64) -> Result<bool, StoreError> {
        let body = serde_json::to_vec(alarm).map_err(|e| StoreError::Internal(e.to_string()))?;
        self.swap_field(
            self.keys.alarms(),
            alarm.id(),
            expected,
            Some((alarm.revision, body)),
        )
        .await
    }

    async fn remove_alarm(&self, id: &str, expected: u64) -> Result<bool, StoreError> {
        self.swap_field(self.keys.alarms(), id, expected, None)
            .await
    }

    async fn alarm_configuration(&self) -> Result<Option<AlarmServiceConfiguration>, StoreError> {
        let mut conn = self.link.conn();
        let found: Option<Vec<u8>> = conn
            .hget(self.keys.alarm_service().0, CONFIGURATION)
            .await
            .map_err(map_err)?;
        found.map(|j| decode_configuration(&j)).transpose()
    }

    async fn swap_alarm_configuration(
        &self,
        config: &AlarmServiceConfiguration,
        expected: u64,
    ) -> Result<bool, StoreError> {
        let body = encode_configuration(config)?;
        self.swap_field(
            self.keys.alarm_service(),
            CONFIGURATION,
            expected,
            Some((config.revision, body)),
        )
        .await
    }
}
