//! The Redis store: a hash per subscription, a set of active ids, a callback index and
//! per-consumer index sets (see [`super::keys`]). Multi-key writes run as Lua scripts so the
//! callback uniqueness check and the indexes change atomically with the subscription.

use std::collections::HashMap;

use async_trait::async_trait;
use redis::{AsyncCommands, Script};

use super::{keys::Keys, StoreError, SubscriptionStore};
use crate::{domain::Subscription, redis_link::RedisLink, tmf::Hub};

/// Adds a subscription with its indexes unless its callback is taken. KEYS: by-callback,
/// subscription hash, id set. ARGV[1..3]: callback, id, consumer-index key or "".
const ADD_SUBSCRIPTION: &str = r"
local function add_subscription(fields)
  local existing = redis.call('HGET', KEYS[1], ARGV[1])
  if existing then return existing end
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('HSET', KEYS[2], unpack(fields))
  redis.call('SADD', KEYS[3], ARGV[2])
  if ARGV[3] ~= '' then redis.call('SADD', ARGV[3], ARGV[2]) end
  return 1
end
";

/// Removes a subscription and its indexes; returns its hub id, or false when it was absent
/// (nil when it had no hub). Takes the subscription key prefix, the id set, the by-callback
/// hash and the by-consumer key prefix.
const REMOVE_SUBSCRIPTION: &str = r"
local function remove_subscription(prefix, ids, by_callback, consumer_prefix, id)
  local key = prefix .. id
  local callback = redis.call('HGET', key, 'callback')
  if not callback then return false end
  if redis.call('HGET', key, 'alarm') == 'true' then callback = 'alarm ' .. callback end
  local consumer = redis.call('HGET', key, 'consumerSubscriptionId')
  local hub = redis.call('HGET', key, 'hubId')
  redis.call('DEL', key)
  redis.call('SREM', ids, id)
  if redis.call('HGET', by_callback, callback) == id then redis.call('HDEL', by_callback, callback) end
  if consumer then redis.call('SREM', consumer_prefix .. consumer, id) end
  return hub or nil
end
";

/// ARGV[4..]: subscription field/value pairs. Returns 1, or the id already holding the callback.
const INSERT: &str = "return add_subscription({unpack(ARGV, 4)})";

/// KEYS[4..5]: hub hash, hub id set. ARGV[4]: hub id, ARGV[5]: number of subscription
/// field/value arguments that follow; then those, then the hub's field/value pairs.
const INSERT_HUB: &str = r"
local n = tonumber(ARGV[5])
local added = add_subscription({unpack(ARGV, 6, 5 + n)})
if added ~= 1 then return added end
redis.call('HSET', KEYS[4], unpack(ARGV, 6 + n))
redis.call('SADD', KEYS[5], ARGV[4])
return 1
";

/// KEYS: id set, by-callback, hub id set. ARGV: subscription id, subscription key prefix,
/// by-consumer key prefix, hub key prefix. Returns 1 when something was removed.
const REMOVE: &str = r"
local hub = remove_subscription(ARGV[2], KEYS[1], KEYS[2], ARGV[3], ARGV[1])
if hub == false then return 0 end
if hub then
  redis.call('DEL', ARGV[4] .. hub)
  redis.call('SREM', KEYS[3], hub)
end
return 1
";

/// KEYS: hub hash, hub id set, subscription id set, by-callback. ARGV: hub id, subscription
/// key prefix, by-consumer key prefix. Returns 1 when the hub existed.
const REMOVE_HUB: &str = r"
local subscription = redis.call('HGET', KEYS[1], 'subscriptionId')
if not subscription then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
remove_subscription(ARGV[2], KEYS[3], KEYS[4], ARGV[3], subscription)
return 1
";

pub struct RedisStore {
    pub(super) link: RedisLink,
    pub(super) keys: Keys,
    insert: Script,
    insert_hub: Script,
    remove: Script,
    remove_hub: Script,
}

/// Whether a Redis error means "not reachable now" (retrying may help) rather than a bug or
/// bad data. The one rule for the store, the event log and the delivery queue.
pub(crate) fn is_unavailable(e: &redis::RedisError) -> bool {
    e.is_io_error()
        || e.is_connection_dropped()
        || e.is_connection_refusal()
        || e.is_timeout()
        // A demoted master, a master that lost its replicas, a replica still loading: a
        // Sentinel fail-over under way.
        || matches!(e.code(), Some("READONLY" | "MASTERDOWN" | "LOADING" | "NOREPLICAS"))
}

pub(super) fn map_err(e: redis::RedisError) -> StoreError {
    if is_unavailable(&e) {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::Internal(e.to_string())
    }
}

impl RedisStore {
    pub async fn connect(url: &str, prefix: &str) -> Result<RedisStore, StoreError> {
        let link = RedisLink::open(url).await.map_err(map_err)?;
        Ok(RedisStore {
            link,
            keys: Keys::new(prefix),
            insert: Script::new(&[ADD_SUBSCRIPTION, INSERT].concat()),
            insert_hub: Script::new(&[ADD_SUBSCRIPTION, INSERT_HUB].concat()),
            remove: Script::new(&[REMOVE_SUBSCRIPTION, REMOVE].concat()),
            remove_hub: Script::new(&[REMOVE_SUBSCRIPTION, REMOVE_HUB].concat()),
        })
    }
}

fn fields(sub: &Subscription) -> Vec<(&'static str, std::borrow::Cow<'_, str>)> {
    let mut out: Vec<(&'static str, std::borrow::Cow<'_, str>)> = borrowed_fields(sub)
        .into_iter()
        .map(|(k, v)| (k, v.into()))
        .collect();
    if let Some(lcm) = &sub.lcm {
        out.push(("lcm", serde_json::to_string(lcm).unwrap_or_default().into()));
    }
    out
}

fn borrowed_fields(sub: &Subscription) -> Vec<(&'static str, &str)> {
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
    if let Some(hub) = &sub.hub_id {
        out.push(("hubId", hub));
    }
    if sub.inf_filter {
        out.push(("infFilter", "true"));
    }
    if let Some(tenant) = &sub.tenant {
        out.push(("tenant", tenant));
    }
    if sub.alarm {
        out.push(("alarm", "true"));
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
        hub_id: h.remove("hubId"),
        inf_filter: h.remove("infFilter").is_some_and(|v| v == "true"),
        tenant: h.remove("tenant"),
        alarm: h.remove("alarm").is_some_and(|v| v == "true"),
        lcm: h
            .remove("lcm")
            .map(|j| serde_json::from_str(&j))
            .transpose()
            .map_err(|e| StoreError::Corrupt(format!("lifecycle subscription: {e}")))?,
    }))
}

impl RedisStore {
    /// The keys and leading arguments every subscription-adding script takes.
    fn subscription_args(&self, invocation: &mut redis::ScriptInvocation<'_>, sub: &Subscription) {
        let consumer_key = sub
            .consumer_subscription_id
            .as_ref()
            .map(|c| format!("{}{c}", self.keys.subscriptions_by_consumer_prefix()))
            .unwrap_or_default();
        invocation
            .key(self.keys.subscriptions_by_callback())
            .key(self.keys.subscription(&sub.subscription_id))
            .key(self.keys.subscriptions())
            .arg(sub.callback_key())
            .arg(&sub.subscription_id)
            .arg(consumer_key);
    }
}

/// 1 when the subscription was added, else the id holding its callback.
fn inserted(reply: redis::Value, sub: &Subscription) -> Result<(), StoreError> {
    match reply {
        redis::Value::Int(1) => Ok(()),
        other => Err(StoreError::DuplicateCallback {
            callback: sub.callback.clone(),
            existing: redis::from_redis_value::<String>(other).unwrap_or_default(),
        }),
    }
}

/// A hub's fields as the hash stores them (every field is a string).
fn hub_fields(hub: &Hub) -> Result<Vec<(String, String)>, StoreError> {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(hub) else {
        return Err(StoreError::Internal("a hub is not a JSON object".into()));
    };
    Ok(map
        .into_iter()
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => (k, s),
            other => (k, other.to_string()),
        })
        .collect())
}

fn hub_from_hash(h: HashMap<String, String>) -> Result<Option<Hub>, StoreError> {
    if h.is_empty() {
        return Ok(None);
    }
    let fields: serde_json::Map<String, serde_json::Value> = h
        .into_iter()
        .map(|(k, v)| match (k.as_str(), v.parse::<u64>()) {
            ("afterCursor", Ok(n)) => (k, n.into()),
            _ => (k, v.into()),
        })
        .collect();
    let hub: Hub =
        serde_json::from_value(fields.into()).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    if hub.id.is_empty() || hub.subscription_id.is_empty() {
        return Err(StoreError::Corrupt(
            "hub hash lacks id or subscriptionId".into(),
        ));
    }
    Ok(Some(hub))
}

#[async_trait]
impl SubscriptionStore for RedisStore {
    fn name(&self) -> &'static str {
        "redis"
    }

    async fn health(&self) -> Result<(), StoreError> {
        let mut conn = self.link.conn();
        redis::cmd("PING")
            .query_async::<String>(&mut conn)
            .await
            .map(|_| ())
            .map_err(map_err)
    }

    async fn insert(&self, sub: &Subscription) -> Result<(), StoreError> {
        let mut conn = self.link.conn();
        let mut invocation = self.insert.prepare_invoke();
        self.subscription_args(&mut invocation, sub);
        for (field, value) in fields(sub) {
            invocation.arg(field).arg(value.as_ref());
        }
        let reply: redis::Value = invocation.invoke_async(&mut conn).await.map_err(map_err)?;
        inserted(reply, sub)?;
        self.link.durable(&mut conn).await.map_err(map_err)
    }

    async fn get(&self, id: &str) -> Result<Option<Subscription>, StoreError> {
        let mut conn = self.link.conn();
        let hash: HashMap<String, String> = conn
            .hgetall(self.keys.subscription(id))
            .await
            .map_err(map_err)?;
        from_hash(hash)
    }

    async fn list(&self) -> Result<Vec<Subscription>, StoreError> {
        let mut conn = self.link.conn();
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
        let mut conn = self.link.conn();
        let removed: i64 = self
            .remove
            .key(self.keys.subscriptions())
            .key(self.keys.subscriptions_by_callback())
            .key(self.keys.hubs())
            .arg(id)
            .arg(self.keys.subscription_prefix())
            .arg(self.keys.subscriptions_by_consumer_prefix())
            .arg(self.keys.hub_prefix())
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        self.link.durable(&mut conn).await.map_err(map_err)?;
        Ok(removed == 1)
    }

    async fn insert_hub(&self, hub: &Hub, sub: &Subscription) -> Result<(), StoreError> {
        let mut conn = self.link.conn();
        let mut invocation = self.insert_hub.prepare_invoke();
        self.subscription_args(&mut invocation, sub);
        let sub_fields = fields(sub);
        invocation
            .key(self.keys.hub(&hub.id))
            .key(self.keys.hubs())
            .arg(&hub.id)
            .arg(sub_fields.len() * 2);
        for (field, value) in sub_fields {
            invocation.arg(field).arg(value.as_ref());
        }
        for (field, value) in hub_fields(hub)? {
            invocation.arg(field).arg(value);
        }
        let reply: redis::Value = invocation.invoke_async(&mut conn).await.map_err(map_err)?;
        inserted(reply, sub)?;
        self.link.durable(&mut conn).await.map_err(map_err)
    }

    async fn get_hub(&self, id: &str) -> Result<Option<Hub>, StoreError> {
        let mut conn = self.link.conn();
        let hash: HashMap<String, String> =
            conn.hgetall(self.keys.hub(id)).await.map_err(map_err)?;
        hub_from_hash(hash)
    }

    async fn list_hubs(&self) -> Result<Vec<Hub>, StoreError> {
        let mut conn = self.link.conn();
        let ids: Vec<String> = conn.smembers(self.keys.hubs()).await.map_err(map_err)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for id in &ids {
            pipe.hgetall(self.keys.hub(id));
        }
        let hashes: Vec<HashMap<String, String>> =
            pipe.query_async(&mut conn).await.map_err(map_err)?;
        let mut out = Vec::with_capacity(hashes.len());
        for hash in hashes {
            out.extend(hub_from_hash(hash)?);
        }
        Ok(out)
    }

    async fn remove_hub(&self, id: &str) -> Result<bool, StoreError> {
        let mut conn = self.link.conn();
        let removed: i64 = self
            .remove_hub
            .key(self.keys.hub(id))
            .key(self.keys.hubs())
            .key(self.keys.subscriptions())
            .key(self.keys.subscriptions_by_callback())
            .arg(id)
            .arg(self.keys.subscription_prefix())
            .arg(self.keys.subscriptions_by_consumer_prefix())
            .invoke_async(&mut conn)
            .await
            .map_err(map_err)?;
        self.link.durable(&mut conn).await.map_err(map_err)?;
        Ok(removed == 1)
    }
}
