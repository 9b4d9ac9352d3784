//! The event log on Redis Streams (`{p}:events`, see `store::keys`). An append assigns cursors
//! from a counter and adds entries with id `<cursor>-0` in one script, so cursors are dense,
//! ordered and shared by every gateway. Retention trims by length (`MAXLEN`, exact) on append and
//! by age (`XTRIM MINID`) periodically. Blocking reads
//! use connections of their own so they never stall other commands.

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use async_trait::async_trait;
use redis::{aio::MultiplexedConnection, streams::StreamRangeReply, Script};

use super::{
    log::{Bounds, EventError, EventLog},
    model::{now_rfc3339, Cursor, Event},
    published::{self, Published},
};
use crate::redis_link::RedisLink;
use crate::store::keys::Keys;

/// KEYS: stream, last-cursor counter, published state, fence. ARGV: max length, fencing token
/// (0: unfenced), then per event its JSON, its published-state field and record (empty: the
/// object is gone). Returns the last cursor assigned, or -1 - the fence when the token is
/// older than it. The fence check, the events and the state they imply change together.
const APPEND: &str = r"
local token = tonumber(ARGV[2])
if token > 0 then
  local fence = tonumber(redis.call('GET', KEYS[4]) or '0')
  if token < fence then return -1 - fence end
  if token > fence then redis.call('SET', KEYS[4], token) end
end
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
for i = 3, #ARGV, 3 do
  last = last + 1
  redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], last .. '-0', 'e', ARGV[i])
  if ARGV[i + 2] == '' then
    redis.call('HDEL', KEYS[3], ARGV[i + 1])
  else
    redis.call('HSET', KEYS[3], ARGV[i + 1], ARGV[i + 2])
  end
end
redis.call('SET', KEYS[2], last)
return last
";

/// KEYS: fence. ARGV: token. Raises the fence to the token; returns the fence before.
const FENCE: &str = r"
local fence = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > fence then redis.call('SET', KEYS[1], ARGV[1]) end
return fence
";

/// KEYS: baselines set, published state. ARGV: instance, then field and record pairs. Records
/// them unless the instance has a baseline; 1 when it recorded.
const BASELINE: &str = r"
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  return 0
end
for i = 2, #ARGV, 2 do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
end
return 1
";

/// Response timeout of blocking reads: above the longest `BLOCK` (1 s) with margin.
const BLOCKING_RESPONSE_TIMEOUT: Duration = Duration::from_secs(10);

pub struct RedisLog {
    link: RedisLink,
    keys: Keys,
    max_len: u64,
    append: Script,
    baseline: Script,
    /// Idle connections for blocking reads, with the master generation they reach.
    blocking: Mutex<Vec<Blocking>>,
}

/// A dedicated connection for a blocking read (`XREAD BLOCK`, `XREADGROUP BLOCK`).
pub struct Blocking {
    pub conn: MultiplexedConnection,
    generation: u64,
}

pub(crate) fn redis_err(e: redis::RedisError) -> EventError {
    if crate::store::redis::is_unavailable(&e) {
        EventError::Unavailable(e.to_string())
    } else {
        EventError::Internal(e.to_string())
    }
}

/// The cursor of a stream entry id `<cursor>-0`.
pub(crate) fn cursor_of(id: &str) -> Result<Cursor, EventError> {
    id.split('-')
        .next()
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| EventError::Corrupt(format!("stream id '{id}' is not a cursor")))
}

pub(crate) fn events_of(reply: StreamRangeReply, field: &str) -> Result<Vec<Event>, EventError> {
    reply
        .ids
        .into_iter()
        .map(|entry| {
            let body: String = entry.get(field).ok_or_else(|| {
                EventError::Corrupt(format!("stream entry {} has no '{field}'", entry.id))
            })?;
            let mut event: Event =
                serde_json::from_str(&body).map_err(|e| EventError::Corrupt(e.to_string()))?;
            event.cursor = cursor_of(&entry.id)?;
            Ok(event)
        })
        .collect()
}

impl RedisLog {
    pub async fn connect(url: &str, prefix: &str, max_len: u64) -> Result<RedisLog, EventError> {
        let link = RedisLink::open(url).await.map_err(redis_err)?;
        Ok(RedisLog {
            link,
            keys: Keys::new(prefix),
            max_len,
            append: Script::new(APPEND),
            baseline: Script::new(BASELINE),
            blocking: Mutex::new(Vec::new()),
        })
    }

    /// Removes events older than `max_age` (entries are ordered, so this trims a prefix of
    /// the stream); returns how many. Every gateway may run it: it is idempotent.
    pub async fn trim_by_age(&self, max_age: Duration) -> Result<u64, EventError> {
        let cutoff = std::time::SystemTime::now() - max_age;
        let mut keep_from: Option<String> = None;
        let mut after = 0;
        'scan: loop {
            let batch = self.read(after, 256).await?;
            if batch.is_empty() {
                break;
            }
            for event in batch {
                let published = humantime::parse_rfc3339_weak(&event.published_at)
                    .unwrap_or(std::time::UNIX_EPOCH);
                if published >= cutoff {
                    keep_from = Some(format!("{}-0", event.cursor));
                    break 'scan;
                }
                after = event.cursor;
            }
        }
        if after == 0 {
            return Ok(0);
        }
        // Everything scanned was expired: trim up to the last one, or to the first young one.
        let min_id = keep_from.unwrap_or_else(|| format!("{}-1", after));
        redis::cmd("XTRIM")
            .arg(self.keys.events())
            .arg("MINID")
            .arg(min_id)
            .query_async(&mut self.link.conn())
            .await
            .map_err(redis_err)
    }

    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    pub fn link(&self) -> &RedisLink {
        &self.link
    }

    pub fn connection(&self) -> redis::aio::ConnectionManager {
        self.link.conn()
    }

    /// A connection for a blocking command, from the idle ones (of the current master) or
    /// new. Its response timeout is longer than any `BLOCK` netweave issues.
    pub async fn blocking_connection(&self) -> Result<Blocking, EventError> {
        let generation = self.link.generation();
        let idle = {
            let mut pool = self.blocking.lock().unwrap_or_else(|e| e.into_inner());
            pool.retain(|b| b.generation == generation);
            pool.pop()
        };
        if let Some(b) = idle {
            return Ok(b);
        }
        let config = redis::AsyncConnectionConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(5)))
            .set_response_timeout(Some(BLOCKING_RESPONSE_TIMEOUT));
        let conn = self
            .link
            .client()
            .get_multiplexed_async_connection_with_config(&config)
            .await
            .map_err(redis_err)?;
        Ok(Blocking { conn, generation })
    }

    /// Returns a connection that answered to the idle ones.
    pub fn release(&self, conn: Blocking) {
        if conn.generation == self.link.generation() {
            self.blocking
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(conn);
        }
    }
}

#[async_trait]
impl EventLog for RedisLog {
    fn name(&self) -> &'static str {
        "redis"
    }

    async fn append(&self, events: Vec<Event>) -> Result<Vec<Event>, EventError> {
        self.append_fenced(events, 0).await
    }

    async fn append_fenced(
        &self,
        mut events: Vec<Event>,
        token: u64,
    ) -> Result<Vec<Event>, EventError> {
        if events.is_empty() {
            return Ok(events);
        }
        let published = now_rfc3339();
        let mut invocation = self.append.prepare_invoke();
        invocation
            .key(self.keys.events())
            .key(self.keys.events_last())
            .key(self.keys.published())
            .key(self.keys.events_fence())
            .arg(self.max_len)
            .arg(token);
        for event in &mut events {
            event.published_at = published.clone();
            invocation.arg(
                serde_json::to_string(event).map_err(|e| EventError::Internal(e.to_string()))?,
            );
            let (field, record) = published::update_of(event);
            invocation
                .arg(field)
                .arg(record.as_ref().map(published::encode).unwrap_or_default());
        }
        let mut conn = self.link.conn();
        let last: i64 = invocation
            .invoke_async(&mut conn)
            .await
            .map_err(redis_err)?;
        if last < 0 {
            let fence = (-1 - last) as u64;
            return Err(EventError::Fenced { token, fence });
        }
        let last = last as u64;
        // Durable means on the replicas too, when the URL asks (`wait_replicas`).
        self.link.durable(&mut conn).await.map_err(redis_err)?;
        let first = last + 1 - events.len() as u64;
        for (i, event) in events.iter_mut().enumerate() {
            event.cursor = first + i as u64;
        }
        Ok(events)
    }

    async fn fence(&self, token: u64) -> Result<(), EventError> {
        let mut conn = self.link.conn();
        let fence: u64 = Script::new(FENCE)
            .key(self.keys.events_fence())
            .arg(token)
            .invoke_async(&mut conn)
            .await
            .map_err(redis_err)?;
        if token < fence {
            return Err(EventError::Fenced { token, fence });
        }
        Ok(())
    }

    async fn read(&self, after: Cursor, max: usize) -> Result<Vec<Event>, EventError> {
        let reply: StreamRangeReply = redis::cmd("XRANGE")
            .arg(self.keys.events())
            .arg(format!("{}-0", after + 1))
            .arg("+")
            .arg("COUNT")
            .arg(max)
            .query_async(&mut self.link.conn())
            .await
            .map_err(redis_err)?;
        events_of(reply, "e")
    }

    async fn bounds(&self) -> Result<Bounds, EventError> {
        let mut conn = self.link.conn();
        let last: Option<u64> = redis::cmd("GET")
            .arg(self.keys.events_last())
            .query_async(&mut conn)
            .await
            .map_err(redis_err)?;
        let last = last.unwrap_or(0);
        let head: StreamRangeReply = redis::cmd("XRANGE")
            .arg(self.keys.events())
            .arg("-")
            .arg("+")
            .arg("COUNT")
            .arg(1)
            .query_async(&mut conn)
            .await
            .map_err(redis_err)?;
        let first = match head.ids.first() {
            Some(entry) => cursor_of(&entry.id)?,
            None => last + 1,
        };
        Ok(Bounds { first, last })
    }

    async fn wait(&self, after: Cursor, timeout: Duration) -> Result<(), EventError> {
        let mut conn = self.blocking_connection().await?;
        let result: Result<redis::Value, _> = redis::cmd("XREAD")
            .arg("COUNT")
            .arg(1)
            .arg("BLOCK")
            .arg(timeout.min(Duration::from_secs(5)).as_millis().max(1) as u64)
            .arg("STREAMS")
            .arg(self.keys.events())
            .arg(format!("{after}-0"))
            .query_async(&mut conn.conn)
            .await;
        match result {
            Ok(_) => {
                self.release(conn);
                Ok(())
            }
            Err(e) => Err(redis_err(e)),
        }
    }

    async fn published(&self) -> Result<Published, EventError> {
        let mut conn = self.link.conn();
        let mut out = Published::default();
        // Baselines first: one is recorded with its records in one script and never removed,
        // so every instance read here has its records in the hash by the scan below. (Read
        // the other way round, a baseline recorded between the two would look empty.)
        let instances: Vec<String> = redis::cmd("SMEMBERS")
            .arg(self.keys.baselines())
            .query_async(&mut conn)
            .await
            .map_err(redis_err)?;
        out.instances.extend(instances);
        let mut cursor: u64 = 0;
        loop {
            let (next, page): (u64, Vec<(String, Vec<u8>)>) = redis::cmd("HSCAN")
                .arg(self.keys.published())
                .arg(cursor)
                .arg("COUNT")
                .arg(1000)
                .query_async(&mut conn)
                .await
                .map_err(redis_err)?;
            for (field, record) in page {
                out.insert_field(&field, published::decode(&record)?)?;
            }
            if next == 0 {
                break;
            }
            cursor = next;
        }
        Ok(out)
    }

    async fn record_baseline(
        &self,
        instance: &str,
        records: Arc<[(String, Vec<u8>)]>,
    ) -> Result<bool, EventError> {
        // Most views find their baseline recorded: do not send them for nothing.
        let recorded: bool = redis::cmd("SISMEMBER")
            .arg(self.keys.baselines())
            .arg(instance)
            .query_async(&mut self.link.conn())
            .await
            .map_err(redis_err)?;
        if recorded {
            return Ok(false);
        }
        let mut invocation = self.baseline.prepare_invoke();
        invocation
            .key(self.keys.baselines())
            .key(self.keys.published())
            .arg(instance);
        for (field, record) in records.iter() {
            invocation.arg(field).arg(record);
        }
        let mut conn = self.link.conn();
        let recorded: i64 = invocation
            .invoke_async(&mut conn)
            .await
            .map_err(redis_err)?;
        self.link.durable(&mut conn).await.map_err(redis_err)?;
        Ok(recorded == 1)
    }
}
