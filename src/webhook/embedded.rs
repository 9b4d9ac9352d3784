//! The embedded delivery queue, in a redb file (the embedded event log's own, or one beside a
//! NATS log): dispatching a batch of events (the deliveries it creates and the consumer group's
//! new offset) is one ACID transaction, so a crash never dispatches an event twice or loses one. An in-memory index of chains and due
//! times serves claims; in-flight leases are in memory, so after a restart every unfinished
//! delivery is simply due again (at-least-once).

use std::{
    collections::{BTreeSet, HashMap, HashSet, VecDeque},
    sync::{Arc, Mutex},
    time::Duration,
};

use async_trait::async_trait;
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
use tokio::sync::Notify;

use super::{
    notification::notification_id,
    queue::{
        now_ms, DeadLetter, Delivery, DeliveryQueue, DeliveryStatus, NewDelivery, Outcome,
        QueueError,
    },
};
use crate::events::{model::now_rfc3339, Cursor, Event, EventLogRef};

const DELIVERIES: TableDefinition<u64, &[u8]> = TableDefinition::new("webhook_deliveries");
const DEAD: TableDefinition<u64, &[u8]> = TableDefinition::new("webhook_dead_letters");
const META: TableDefinition<&str, u64> = TableDefinition::new("webhook_meta");
const OFFSET: &str = "dispatched_through";
const NEXT_SEQ: &str = "next_delivery";
const NEXT_DEAD: &str = "next_dead_letter";

#[derive(Default)]
struct Index {
    offset: Cursor,
    next_seq: u64,
    next_dead: u64,
    deliveries: HashMap<u64, Delivery>,
    chains: HashMap<String, VecDeque<u64>>,
    /// (due time, seq) of every chain head not in flight.
    ready: BTreeSet<(u64, u64)>,
    in_flight: HashSet<u64>,
}

impl Index {
    fn push(&mut self, delivery: Delivery) {
        let chain = self.chains.entry(delivery.chain()).or_default();
        if chain.is_empty() {
            self.ready.insert((delivery.next_attempt_ms, delivery.seq));
        }
        chain.push_back(delivery.seq);
        self.deliveries.insert(delivery.seq, delivery);
    }

    /// Removes a finished chain head and readies the next one.
    fn finish(&mut self, seq: u64) {
        self.in_flight.remove(&seq);
        let Some(delivery) = self.deliveries.remove(&seq) else {
            return;
        };
        let key = delivery.chain();
        if let Some(chain) = self.chains.get_mut(&key) {
            chain.retain(|s| *s != seq);
            match chain.front().and_then(|next| self.deliveries.get(next)) {
                Some(next) => {
                    self.ready.insert((next.next_attempt_ms, next.seq));
                }
                None => {
                    self.chains.remove(&key);
                }
            }
        }
    }
}

pub struct EmbeddedQueue {
    db: Arc<Database>,
    log: EventLogRef,
    index: Mutex<Index>,
    notify: Notify,
}

fn internal(e: impl std::fmt::Display) -> QueueError {
    QueueError::Internal(e.to_string())
}

fn encode<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, QueueError> {
    serde_json::to_vec(value).map_err(internal)
}

impl EmbeddedQueue {
    /// Opens the queue in `db`, following `log`.
    pub fn open(db: Arc<Database>, log: EventLogRef) -> Result<EmbeddedQueue, QueueError> {
        let txn = db.begin_write().map_err(internal)?;
        let mut index = Index::default();
        {
            txn.open_table(DEAD).map_err(internal)?;
            let meta = txn.open_table(META).map_err(internal)?;
            let get = |k: &str| {
                meta.get(k)
                    .map(|v| v.map_or(0, |v| v.value()))
                    .map_err(internal)
            };
            index.offset = get(OFFSET)?;
            index.next_seq = get(NEXT_SEQ)?.max(1);
            index.next_dead = get(NEXT_DEAD)?.max(1);
            let table = txn.open_table(DELIVERIES).map_err(internal)?;
            for entry in table.iter().map_err(internal)? {
                let (_, value) = entry.map_err(internal)?;
                let delivery: Delivery = serde_json::from_slice(value.value()).map_err(internal)?;
                index.push(delivery);
            }
        }
        txn.commit().map_err(internal)?;
        if !index.deliveries.is_empty() {
            tracing::info!(
                pending = index.deliveries.len(),
                "webhook deliveries resumed"
            );
        }
        Ok(EmbeddedQueue {
            db,
            log,
            index: Mutex::new(index),
            notify: Notify::new(),
        })
    }

    fn index(&self) -> std::sync::MutexGuard<'_, Index> {
        self.index.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Database) -> Result<T, QueueError> + Send + 'static,
    ) -> Result<T, QueueError> {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || f(&db))
            .await
            .map_err(internal)?
    }
}

#[async_trait]
impl DeliveryQueue for EmbeddedQueue {
    async fn undispatched(&self, max: usize) -> Result<Vec<Event>, QueueError> {
        let offset = self.index().offset;
        let events = self.log.read(offset, max).await.map_err(internal)?;
        if events.is_empty() {
            self.log
                .wait(offset, Duration::from_millis(500))
                .await
                .map_err(internal)?;
        }
        Ok(events)
    }

    async fn dispatch(&self, through: Cursor, new: &[NewDelivery]) -> Result<(), QueueError> {
        let first_seq = {
            let mut index = self.index();
            index.next_seq += new.len() as u64;
            index.next_seq - new.len() as u64
        };
        let now = now_ms();
        let deliveries: Vec<Delivery> = new
            .iter()
            .enumerate()
            .map(|(i, d)| Delivery {
                seq: first_seq + i as u64,
                notification_id: notification_id(&d.subscription_id, &d.event.event_id),
                subscription_id: d.subscription_id.clone(),
                tenant: d.tenant.clone(),
                event: Arc::clone(&d.event),
                attempts: 0,
                next_attempt_ms: now,
                last_error: None,
            })
            .collect();
        let next_seq = first_seq + deliveries.len() as u64;
        let rows: Vec<(u64, Vec<u8>)> = deliveries
            .iter()
            .map(|d| Ok((d.seq, encode(d)?)))
            .collect::<Result<_, QueueError>>()?;
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            {
                let mut table = txn.open_table(DELIVERIES).map_err(internal)?;
                for (seq, body) in &rows {
                    table.insert(*seq, body.as_slice()).map_err(internal)?;
                }
                let mut meta = txn.open_table(META).map_err(internal)?;
                meta.insert(OFFSET, through).map_err(internal)?;
                meta.insert(NEXT_SEQ, next_seq).map_err(internal)?;
            }
            txn.commit().map_err(internal)
        })
        .await?;
        let mut index = self.index();
        index.offset = through;
        let added = !deliveries.is_empty();
        for delivery in deliveries {
            index.push(delivery);
        }
        drop(index);
        if added {
            self.notify.notify_waiters();
        }
        Ok(())
    }

    async fn claim(&self, max: usize) -> Result<Vec<Delivery>, QueueError> {
        let now = now_ms();
        let mut index = self.index();
        let mut out = Vec::new();
        while out.len() < max {
            let Some(&(due, seq)) = index.ready.first() else {
                break;
            };
            if due > now {
                break;
            }
            index.ready.pop_first();
            index.in_flight.insert(seq);
            if let Some(d) = index.deliveries.get(&seq) {
                out.push(d.clone());
            }
        }
        Ok(out)
    }

    async fn settle(&self, outcomes: Vec<(Delivery, Outcome)>) -> Result<(), QueueError> {
        if outcomes.is_empty() {
            return Ok(());
        }
        let first_dead = self.index().next_dead;
        let mut next_dead = first_dead;
        let mut writes: Vec<(u64, Option<Vec<u8>>)> = Vec::new();
        let mut dead: Vec<(u64, Vec<u8>)> = Vec::new();
        let mut updated: Vec<Delivery> = Vec::new();
        for (delivery, outcome) in &outcomes {
            match outcome {
                Outcome::Delivered | Outcome::Dropped => writes.push((delivery.seq, None)),
                Outcome::Retry { .. } | Outcome::Defer { .. } => {
                    let Some((at_ms, error, counts)) = outcome.again() else {
                        continue;
                    };
                    let mut d = delivery.clone();
                    d.attempts += u32::from(counts);
                    d.next_attempt_ms = at_ms;
                    d.last_error = Some(error.to_owned());
                    writes.push((d.seq, Some(encode(&d)?)));
                    updated.push(d);
                }
                Outcome::Dead { error } => {
                    let mut d = delivery.clone();
                    d.attempts += 1;
                    d.last_error = Some(error.clone());
                    let letter = DeadLetter {
                        id: next_dead,
                        delivery: d,
                        dead_lettered_at: now_rfc3339(),
                        error: error.clone(),
                    };
                    dead.push((next_dead, encode(&letter)?));
                    next_dead += 1;
                    writes.push((delivery.seq, None));
                }
            }
        }
        self.blocking(move |db| {
            let txn = db.begin_write().map_err(internal)?;
            {
                let mut table = txn.open_table(DELIVERIES).map_err(internal)?;
                for (seq, body) in &writes {
                    match body {
                        Some(b) => table.insert(*seq, b.as_slice()).map_err(internal)?,
                        None => table.remove(*seq).map_err(internal)?,
                    };
                }
                let mut letters = txn.open_table(DEAD).map_err(internal)?;
                for (id, body) in &dead {
                    letters.insert(*id, body.as_slice()).map_err(internal)?;
                }
                txn.open_table(META)
                    .map_err(internal)?
                    .insert(NEXT_DEAD, next_dead)
                    .map_err(internal)?;
            }
            txn.commit().map_err(internal)
        })
        .await?;
        let mut index = self.index();
        index.next_dead = next_dead;
        for d in updated {
            index.in_flight.remove(&d.seq);
            index.ready.insert((d.next_attempt_ms, d.seq));
            index.deliveries.insert(d.seq, d);
        }
        for (delivery, outcome) in &outcomes {
            if outcome.again().is_none() {
                index.finish(delivery.seq);
            }
        }
        drop(index);
        self.notify.notify_waiters();
        Ok(())
    }

    async fn dead_letters(&self, after: u64, limit: usize) -> Result<Vec<DeadLetter>, QueueError> {
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(internal)?;
            let table = txn.open_table(DEAD).map_err(internal)?;
            let mut out = Vec::new();
            for entry in table
                .range(after.saturating_add(1)..)
                .map_err(internal)?
                .take(limit)
            {
                let (_, v) = entry.map_err(internal)?;
                out.push(serde_json::from_slice(v.value()).map_err(internal)?);
            }
            Ok(out)
        })
        .await
    }

    async fn replay(&self, id: u64) -> Result<bool, QueueError> {
        let seq = {
            let mut index = self.index();
            index.next_seq += 1;
            index.next_seq - 1
        };
        let replayed = self
            .blocking(move |db| {
                let txn = db.begin_write().map_err(internal)?;
                let delivery = {
                    let mut letters = txn.open_table(DEAD).map_err(internal)?;
                    let Some(letter) = letters.remove(id).map_err(internal)? else {
                        return Ok(None);
                    };
                    let letter: DeadLetter =
                        serde_json::from_slice(letter.value()).map_err(internal)?;
                    let mut d = letter.delivery;
                    d.seq = seq;
                    d.attempts = 0;
                    d.next_attempt_ms = now_ms();
                    d.last_error = None;
                    txn.open_table(DELIVERIES)
                        .map_err(internal)?
                        .insert(seq, encode(&d)?.as_slice())
                        .map_err(internal)?;
                    txn.open_table(META)
                        .map_err(internal)?
                        .insert(NEXT_SEQ, seq + 1)
                        .map_err(internal)?;
                    d
                };
                txn.commit().map_err(internal)?;
                Ok(Some(delivery))
            })
            .await?;
        let Some(delivery) = replayed else {
            return Ok(false);
        };
        self.index().push(delivery);
        self.notify.notify_waiters();
        Ok(true)
    }

    async fn backlog(&self) -> Result<usize, QueueError> {
        Ok(self.index().deliveries.len())
    }

    async fn deliveries(&self, subscription_id: &str) -> Result<Vec<DeliveryStatus>, QueueError> {
        let index = self.index();
        let mut out: Vec<DeliveryStatus> = index
            .deliveries
            .values()
            .filter(|d| d.subscription_id == subscription_id)
            .map(|d| DeliveryStatus::of(d, index.in_flight.contains(&d.seq)))
            .collect();
        out.sort_by_key(|d| d.event_cursor);
        Ok(out)
    }

    async fn wait(&self, timeout: Duration) {
        let notified = self.notify.notified();
        let until_due = self
            .index()
            .ready
            .first()
            .map(|(due, _)| Duration::from_millis(due.saturating_sub(now_ms())));
        let timeout = until_due.map_or(timeout, |d| d.min(timeout));
        if timeout.is_zero() {
            return;
        }
        let _ = tokio::time::timeout(timeout, notified).await;
    }
}
