//! The Redis store: a hash per subscription, a set of active ids, a callback index and
//! per-consumer index sets (see [`super::keys`]). Multi-key writes run as Lua scripts so the
//! callback uniqueness check and the indexes change atomically with the subscription.

use std::collections::HashMap;

use async_trait::async_trait;
use redis::{aio::ConnectionManager, AsyncCommands, Script};

use super::{keys::Keys, StoreError, SubscriptionStore};
use crate::domain::Subscription;

/// KEYS: by-callback, subscription hash, id set. ARGV: callback, id, consumer-index key or "",
/// then field/value pairs. Returns 1, or the id already holding the callback.
const INSERT: &str = r"
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then return existing end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 4))
redis.call('SADD', KEYS[3], ARGV[2])
if ARGV[3] ~= '' then redis.call('SADD', ARGV[3], ARGV[2]) end
return 1
";

/// KEYS: subscription hash, id set, by-callback. ARGV: id, by-consumer key prefix.
/// Returns 1 when something was removed.
const REMOVE: &str = r"
local callback = redis.call('HGET', KEYS[1], 'callback')
if not callback then return 0 end
local consumer = redis.call('HGET', KEYS[1], 'consumerSubscriptionId')
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
if redis.call('HGET', KEYS[3], callback) == ARGV[1] then redis.call('HDEL', KEYS[3], callback) end
if consumer then redis.call('SREM', ARGV[2] .. consumer, ARGV[1]) end
return 1
";

pub struct RedisStore {
    conn: ConnectionManager,
    keys: Keys,
    insert: Script,
    remove: Script,
}

/// Whether a Redis error means "not reachable now" (retrying may help) rather than a bug or
/// bad data. The one rule for the store, the event log and the delivery queue.
pub(crate) fn is_unavailable(e: &redis::RedisError) -> bool {
    e.is_io_error() || e.is_connection_dropped() || e.is_connection_refusal() || e.is_timeout()
}

fn map_err(e: redis::RedisError) -> StoreError {
    if is_unavailable(&e) {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::Internal(e.to_string())
    }
}

impl RedisStore {
    pub async fn connect(url: &str, prefix: &str) -> Result<RedisStore, StoreError> {
        let client =
            redis::Client::open(url).map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let conn = client.get_connection_manager().await.map_err(map_err)?;
        Ok(RedisStore {
            conn,
            keys: Keys::new(prefix),
            insert: Script::new(INSERT),
            remove: Script::new(REMOVE),
        })
    }
}

fn fields(sub: &Subscription) -> Vec<(&'static str, &str)> {
    let mut out = vec![
        ("subscriptionId", sub.subscription_id.as_str()),
        ("callback", sub.callback.as_str()),
    ];
    if let Some(c) = &sub.consumer_subscription_id {
        out.push(("consumerSubscriptionId", c));
    }
    if let Some(f) = &sub.filter {
        out.push(("filter", f));
    }
    if let Some(secret) = &sub.webhook_secret {
        out.push(("webhookSecret", secret));
    }
    out
}

fn from_hash(mut h: HashMap<String, String>) -> Result<Option<Subscription>, StoreError> {
    if h.is_empty() {
        return Ok(None);
    }
    let (Some(subscription_id), Some(callback)) =
        (h.remove("subscriptionId"), h.remove("callback"))
    else {
        return Err(StoreError::Corrupt(
            "subscription hash lacks subscriptionId or callback".into(),
        ));
    };
    Ok(Some(Subscription {
        subscription_id,
        callback,
        consumer_subscription_id: h.remove("consumerSubscriptionId"),
        filter: h.remove("filter"),
        webhook_secret: h.remove("webhookSecret"),
    }))
}

#[async_trait]
impl SubscriptionStore for RedisStore {
    fn name(&self) -> &'static str {
        "redis"
    }

    async fn health(&self) -> Result<(), StoreError> {
        let mut conn = self.conn.clone();
        redis::cmd("PING")
            .query_async::<String>(&mut conn)
            .await
            .map(|_| ())
            .map_err(map_err)
    }

    async fn insert(&self, sub: &Subscription) -> Result<(), StoreError> {
        let mut conn = self.conn.clone();
        let consumer_key = sub
            .consumer_subscription_id
            .as_ref()
            .map(|c| format!("{}{c}", self.keys.subscriptions_by_consumer_prefix()))
            .unwrap_or_default();
        let mut invocation = self.insert.prepare_invoke();
        invocation
            .key(self.keys.subscriptions_by_callback())
            .key(self.keys.subscription(&sub.subscription_id))
            .key(self.keys.subscriptions())
            .arg(&sub.callback)
            .arg(&sub.subscription_id)
            .arg(consumer_key);
        for (field, value) in fields(sub) {
            invocation.arg(field).arg(value);
        }
        let reply: redis::Value = invocation.invoke_async(&mut conn).await.map_err(map_err)?;
        match reply {
            redis::Value::Int(1) => Ok(()),
            other => Err(StoreError::DuplicateCallback {
                callback: sub.callback.clone(),
                existing: redis::from_redis_value::<String>(other).unwrap_or_default(),
            }),
        }
    }

    async fn get(&self, id: &str) -> Result<Option<Subscription>, StoreError> {
        let mut conn = self.conn.clone();
        let hash: HashMap<String, String> = conn
            .hgetall(self.keys.subscription(id))
            .await
            .map_err(map_err)?;
        from_hash(hash)
    }

    async fn list(&self) -> Result<Vec<Subscription>, StoreError> {
        let mut conn = self.conn.clone();
        let ids: Vec<String> = conn
            .smembers(self.keys.subscriptions())
            .await
            .map_err(map_err)?;
        if ids.is_empty() {
            // An empty pipeline is an error to redis-rs.
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for id in &ids {
            pipe.hgetall(self.keys.subscription(id));
        }
        let hashes: Vec<HashMap<String, String>> =
            pipe.query_async(&mut conn).await.map_err(map_err)?;
        let mut out = Vec::with_capacity(hashes.len());
        for hash in hashes {
            out.extend(from_hash(hash)?);
        }
        Ok(out)
    }

    async fn remove(&self, id: &str) -> Result<bool, StoreError> {
        let mut conn = self.conn.clone();
        let removed: i64 = self
            .remove
            .key(self.keys.subscription(id))
            .key(self.keys.subscriptions())
            .key(self.keys.subscriptions_by_callback())
            .arg(id)
            .arg(self.keys.subscriptions_by_consumer_prefix())
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        Ok(removed == 1)
    }
}
