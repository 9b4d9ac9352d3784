//! The delivery queue on Redis (keys in `store::keys`), shared by any number of worker
//! processes. One dispatcher at a time holds a lease and reads the event stream through the
//! `webhooks` consumer group; its scripts enqueue deliveries and acknowledge the entries in one
//! step, and enqueueing is idempotent (keyed by notification id), so a dispatcher that dies
//! mid-batch is simply replaced. Senders claim chain heads atomically under a lease longer
//! than the HTTP timeout; leases of dead workers expire and their deliveries are claimed again.

use std::{sync::Mutex, time::Duration};

use async_trait::async_trait;
use redis::{streams::StreamRangeReply, Script};

use super::{
    notification::notification_id,
    queue::{
        now_ms, DeadLetter, Delivery, DeliveryQueue, DeliveryStatus, NewDelivery, Outcome,
        QueueError,
    },
    redis_scripts::{CLAIM, DISPATCH, LEAD, REPLAY, SETTLE},
};
use crate::events::{model::now_rfc3339, redis::RedisLog, Cursor, Event, EventError};

const GROUP: &str = "webhooks";
/// How long a dispatcher lease lasts without renewal.
const DISPATCHER_LEASE: Duration = Duration::from_secs(5);

pub struct RedisQueue {
    log: std::sync::Arc<RedisLog>,
    worker_id: String,
    lease: Duration,
    /// Entries read by the last `undispatched`, to acknowledge on dispatch.
    read: Mutex<Vec<Cursor>>,
    lead: Script,
    dispatch: Script,
    claim: Script,
    settle: Script,
    replay: Script,
}

fn q(e: redis::RedisError) -> QueueError {
    if crate::store::redis::is_unavailable(&e) {
        QueueError::Unavailable(e.to_string())
    } else {
        QueueError::Internal(e.to_string())
    }
}

fn ev(e: EventError) -> QueueError {
    QueueError::Unavailable(e.to_string())
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, QueueError> {
    serde_json::to_string(v).map_err(|e| QueueError::Internal(e.to_string()))
}

impl RedisQueue {
    /// `lease` must exceed the HTTP timeout, so a live sender never loses its claim.
    pub async fn open(
        log: std::sync::Arc<RedisLog>,
        worker_id: String,
        lease: Duration,
    ) -> Result<RedisQueue, QueueError> {
        let queue = RedisQueue {
            log,
            worker_id,
            lease,
            read: Mutex::new(Vec::new()),
            lead: Script::new(LEAD),
            dispatch: Script::new(DISPATCH),
            claim: Script::new(CLAIM),
            settle: Script::new(SETTLE),
            replay: Script::new(REPLAY),
        };
        queue.ensure_group().await?;
        Ok(queue)
    }

    /// Creates the consumer group if it is missing, tolerating BUSYGROUP. It starts after the
    /// last cursor dispatched (recorded by every dispatch), or at the stream's start when none
    /// was: never at its end, which would skip what was appended while the group was missing.
    async fn ensure_group(&self) -> Result<(), QueueError> {
        let mut conn = self.log.connection();
        let dispatched: Option<u64> = redis::cmd("GET")
            .arg(self.log.keys().dispatched())
            .query_async(&mut conn)
            .await
            .map_err(q)?;
        let start = dispatched.map_or_else(|| "0".to_owned(), |c| format!("{c}-0"));
        let result: Result<(), _> = redis::cmd("XGROUP")
            .arg("CREATE")
            .arg(self.log.keys().events())
            .arg(GROUP)
            .arg(&start)
            .arg("MKSTREAM")
            .query_async(&mut conn)
            .await;
        match result {
            Err(e) if e.code() == Some("BUSYGROUP") => Ok(()),
            Err(e) => Err(q(e)),
            Ok(()) => {
                tracing::info!(after = %start, "webhooks consumer group created");
                Ok(())
            }
        }
    }

    /// Takes or renews the dispatcher lease; true when this worker dispatches.
    async fn lead(&self) -> Result<bool, QueueError> {
        let key = self.log.keys().dispatcher();
        let ms = DISPATCHER_LEASE.as_millis() as u64;
        let led: i64 = self
            .lead
            .key(key)
            .arg(&self.worker_id)
            .arg(ms)
            .invoke_async(&mut self.log.connection())
            .await
            .map_err(q)?;
        Ok(led == 1)
    }

    fn chain_of(subscription_id: &str, event: &Event) -> String {
        format!("{subscription_id}|{}", event.object_ref)
    }

    async fn group_lost(&self) -> Result<Vec<Event>, QueueError> {
        tracing::error!("the webhooks consumer group was lost (Redis restarted without persistence, or the group was deleted); recreating it after the last dispatched cursor");
        self.ensure_group().await?;
        Ok(Vec::new())
    }

    async fn group_read(&self, max: usize) -> Result<Vec<Event>, QueueError> {
        let events = self.log.keys().events();
        // Entries a dead dispatcher read but never acknowledged come first.
        let claimed: Result<redis::Value, _> = redis::cmd("XAUTOCLAIM")
            .arg(&events)
            .arg(GROUP)
            .arg(&self.worker_id)
            .arg(0)
            .arg("0-0")
            .arg("COUNT")
            .arg(max)
            .query_async(&mut self.log.connection())
            .await;
        let claimed = match claimed {
            Err(e) if e.code() == Some("NOGROUP") => return self.group_lost().await,
            other => other.map_err(q)?,
        };
        let pending: StreamRangeReply = match claimed {
            redis::Value::Array(mut parts) if parts.len() >= 2 => {
                redis::from_redis_value(parts.swap_remove(1))
                    .map_err(|e| QueueError::Internal(e.to_string()))?
            }
            _ => StreamRangeReply::default(),
        };
        if !pending.ids.is_empty() {
            return crate::events::redis::events_of(pending, "e").map_err(ev);
        }
        let mut conn = self.log.blocking_connection().await.map_err(ev)?;
        let reply: Result<redis::streams::StreamReadReply, _> = redis::cmd("XREADGROUP")
            .arg("GROUP")
            .arg(GROUP)
            .arg(&self.worker_id)
            .arg("COUNT")
            .arg(max)
            .arg("BLOCK")
            .arg(500)
            .arg("STREAMS")
            .arg(&events)
            .arg(">")
            .query_async(&mut conn.conn)
            .await;
        let reply = match reply {
            Ok(r) => {
                self.log.release(conn);
                r
            }
            Err(e) if e.code() == Some("NOGROUP") => return self.group_lost().await,
            Err(e) => return Err(q(e)),
        };
        let mut out = Vec::new();
        for key in reply.keys {
            out.extend(
                crate::events::redis::events_of(StreamRangeReply { ids: key.ids }, "e")
                    .map_err(ev)?,
            );
        }
        Ok(out)
    }
}

#[async_trait]
impl DeliveryQueue for RedisQueue {
    async fn undispatched(&self, max: usize) -> Result<Vec<Event>, QueueError> {
        if !self.lead().await? {
            tokio::time::sleep(Duration::from_millis(500)).await;
            return Ok(Vec::new());
        }
        let events = self.group_read(max).await?;
        *self.read.lock().unwrap_or_else(|e| e.into_inner()) =
            events.iter().map(|e| e.cursor).collect();
        Ok(events)
    }

    async fn dispatch(
        &self,
        through: Cursor,
        deliveries: &[NewDelivery],
    ) -> Result<(), QueueError> {
        let acks: Vec<String> = self
            .read
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|c| **c <= through)
            .map(|c| format!("{c}-0"))
            .collect();
        let now = now_ms();
        let keys = self.log.keys();
        let mut invocation = self.dispatch.prepare_invoke();
        invocation
            .key(keys.events())
            .key(keys.deliveries_due())
            .key(keys.dispatched())
            .arg(GROUP)
            .arg(keys.tag())
            .arg(now)
            .arg(through)
            .arg(acks.len());
        for id in &acks {
            invocation.arg(id);
        }
        for d in deliveries {
            let delivery = Delivery {
                seq: d.event.cursor,
                notification_id: notification_id(&d.subscription_id, &d.event.event_id),
                subscription_id: d.subscription_id.clone(),
                tenant: d.tenant.clone(),
                event: std::sync::Arc::clone(&d.event),
                attempts: 0,
                next_attempt_ms: now,
                last_error: None,
            };
            invocation
                .arg(&delivery.notification_id)
                .arg(Self::chain_of(&delivery.subscription_id, &delivery.event))
                .arg(json(&delivery)?);
        }
        let _: i64 = invocation
            .invoke_async(&mut self.log.connection())
            .await
            .map_err(q)?;
        Ok(())
    }

    async fn claim(&self, max: usize) -> Result<Vec<Delivery>, QueueError> {
        let keys = self.log.keys();
        let now = now_ms();
        let bodies: Vec<String> = self
            .claim
            .key(keys.deliveries_due())
            .key(keys.deliveries_inflight())
            .arg(now)
            .arg(max)
            .arg(now + self.lease.as_millis() as u64)
            .arg(keys.tag())
            .invoke_async(&mut self.log.connection())
            .await
            .map_err(q)?;
        bodies
            .iter()
            .map(|b| serde_json::from_str(b).map_err(|e| QueueError::Internal(e.to_string())))
            .collect()
    }

    async fn settle(&self, outcomes: Vec<(Delivery, Outcome)>) -> Result<(), QueueError> {
        if outcomes.is_empty() {
            return Ok(());
        }
        let keys = self.log.keys();
        let mut invocation = self.settle.prepare_invoke();
        invocation
            .key(keys.deliveries_due())
            .key(keys.deliveries_inflight())
            .key(keys.dlq())
            .key(keys.dlq_last())
            .arg(keys.tag())
            .arg(now_ms());
        for (delivery, outcome) in outcomes {
            let chain = Self::chain_of(&delivery.subscription_id, &delivery.event);
            let id = delivery.notification_id.clone();
            let (kind, body, at) = match outcome {
                Outcome::Delivered | Outcome::Dropped => ("done", String::new(), 0),
                Outcome::Retry { .. } | Outcome::Defer { .. } => {
                    let Some((at_ms, error, counts)) = outcome.again() else {
                        continue;
                    };
                    let mut d = delivery;
                    d.attempts += u32::from(counts);
                    d.next_attempt_ms = at_ms;
                    d.last_error = Some(error.to_owned());
                    ("retry", json(&d)?, at_ms)
                }
                Outcome::Dead { error } => {
                    let mut d = delivery;
                    d.attempts += 1;
                    d.last_error = Some(error.clone());
                    let letter = DeadLetter {
                        id: 0,
                        delivery: d,
                        dead_lettered_at: now_rfc3339(),
                        error,
                    };
                    ("dead", json(&letter)?, 0)
                }
            };
            invocation.arg(kind).arg(id).arg(chain).arg(body).arg(at);
        }
        let _: i64 = invocation
            .invoke_async(&mut self.log.connection())
            .await
            .map_err(q)?;
        Ok(())
    }

    async fn dead_letters(&self, after: u64, limit: usize) -> Result<Vec<DeadLetter>, QueueError> {
        let reply: StreamRangeReply = redis::cmd("XRANGE")
            .arg(self.log.keys().dlq())
            .arg(format!("{}-0", after + 1))
            .arg("+")
            .arg("COUNT")
            .arg(limit)
            .query_async(&mut self.log.connection())
            .await
            .map_err(q)?;
        reply
            .ids
            .into_iter()
            .map(|entry| {
                let body: String = entry
                    .get("d")
                    .ok_or_else(|| QueueError::Internal("dead letter without body".into()))?;
                let mut letter: DeadLetter =
                    serde_json::from_str(&body).map_err(|e| QueueError::Internal(e.to_string()))?;
                letter.id = crate::events::redis::cursor_of(&entry.id).map_err(ev)?;
                Ok(letter)
            })
            .collect()
    }

    async fn replay(&self, id: u64) -> Result<bool, QueueError> {
        let Some(letter) = self
            .dead_letters(id.saturating_sub(1), 1)
            .await?
            .into_iter()
            .find(|l| l.id == id)
        else {
            return Ok(false);
        };
        let mut d = letter.delivery;
        d.attempts = 0;
        d.next_attempt_ms = now_ms();
        d.last_error = None;
        let keys = self.log.keys();
        let replayed: i64 = self
            .replay
            .key(keys.dlq())
            .key(keys.deliveries_due())
            .arg(keys.tag())
            .arg(format!("{id}-0"))
            .arg(&d.notification_id)
            .arg(Self::chain_of(&d.subscription_id, &d.event))
            .arg(json(&d)?)
            .arg(d.next_attempt_ms)
            .invoke_async(&mut self.log.connection())
            .await
            .map_err(q)?;
        Ok(replayed == 1)
    }

    async fn backlog(&self) -> Result<usize, QueueError> {
        let keys = self.log.keys();
        let mut conn = self.log.connection();
        let due: usize = redis::cmd("ZCARD")
            .arg(keys.deliveries_due())
            .query_async(&mut conn)
            .await
            .map_err(q)?;
        let inflight: usize = redis::cmd("ZCARD")
            .arg(keys.deliveries_inflight())
            .query_async(&mut conn)
            .await
            .map_err(q)?;
        Ok(due + inflight)
    }

    async fn deliveries(&self, subscription_id: &str) -> Result<Vec<DeliveryStatus>, QueueError> {
        let keys = self.log.keys();
        let mut conn = self.log.connection();
        let ids: Vec<String> = redis::cmd("SMEMBERS")
            .arg(format!(
                "{}:deliveries:by-subscription:{subscription_id}",
                keys.tag()
            ))
            .query_async(&mut conn)
            .await
            .map_err(q)?;
        let mut out = Vec::new();
        for id in ids {
            let body: Option<String> = redis::cmd("GET")
                .arg(format!("{}:delivery:{id}", keys.tag()))
                .query_async(&mut conn)
                .await
                .map_err(q)?;
            let Some(body) = body else { continue };
            let delivery: Delivery =
                serde_json::from_str(&body).map_err(|e| QueueError::Internal(e.to_string()))?;
            let lease: Option<f64> = redis::cmd("ZSCORE")
                .arg(keys.deliveries_inflight())
                .arg(&id)
                .query_async(&mut conn)
                .await
                .map_err(q)?;
            out.push(DeliveryStatus::of(&delivery, lease.is_some()));
        }
        out.sort_by_key(|d| d.event_cursor);
        Ok(out)
    }

    async fn wait(&self, timeout: Duration) {
        // Other processes enqueue too: poll at a short interval rather than wait for a signal.
        tokio::time::sleep(timeout.min(Duration::from_millis(20))).await;
    }
}
