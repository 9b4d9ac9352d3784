//! The Redis lock: `{p}:leader:<name>` holds the leader's identity with an expiry; its holder
//! extends it, anyone may take it once it has expired. Scripts make check-and-set atomic. Each
//! take-over increments `{p}:leader:<name>:epoch`, the holder's fencing token.

use async_trait::async_trait;
use redis::Script;

use crate::redis_link::RedisLink;

use super::Elector;
use crate::store::keys::Keys;

/// KEYS: the lock, the epoch. ARGV: identity, lease in ms. Returns the caller's fencing token
/// when it holds the lock (the epoch of its take-over), else 0.
const ACQUIRE: &str = r"
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return tonumber(redis.call('GET', KEYS[2]) or '0')
end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return redis.call('INCR', KEYS[2])
end
return 0
";

/// KEYS: the lock. ARGV: identity. Deletes the lock only if the caller holds it.
const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
";

pub struct RedisLock {
    link: RedisLink,
    key: String,
    epoch: String,
    identity: String,
    lease_ms: u64,
    acquire: Script,
    release: Script,
}

impl RedisLock {
    pub async fn connect(
        url: &str,
        prefix: &str,
        name: &str,
        identity: String,
        lease: std::time::Duration,
    ) -> anyhow::Result<RedisLock> {
        let link = RedisLink::open(url).await?;
        Ok(RedisLock {
            link,
            key: Keys::new(prefix).leader(name),
            epoch: Keys::new(prefix).leader_epoch(name),
            identity,
            lease_ms: lease.as_millis() as u64,
            acquire: Script::new(ACQUIRE),
            release: Script::new(RELEASE),
        })
    }
}

#[async_trait]
impl Elector for RedisLock {
    fn name(&self) -> &'static str {
        "redis"
    }

    async fn acquire_or_renew(&self) -> anyhow::Result<Option<u64>> {
        let mut conn = self.link.conn();
        let token: u64 = self
            .acquire
            .key(&self.key)
            .key(&self.epoch)
            .arg(&self.identity)
            .arg(self.lease_ms)
            .invoke_async(&mut conn)
            .await?;
        Ok((token > 0).then_some(token))
    }

    async fn release(&self) -> anyhow::Result<()> {
        let mut conn = self.link.conn();
        let _: i64 = self
            .release
            .key(&self.key)
            .arg(&self.identity)
            .invoke_async(&mut conn)
            .await?;
        Ok(())
    }
}
