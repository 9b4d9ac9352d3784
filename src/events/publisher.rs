//! Publishing: awaited (returns once the events are durable) or fire-and-forget (a bounded
//! queue that never blocks the caller; overflow is counted and logged). The backend pump turns
//! every backend change into an event, in order.

use std::{
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::{
    log::{EventError, EventLogRef},
    model::{Cursor, Event, EventSource},
    pending::Pending,
};
use crate::{
    backend::{BackendRef, Durable},
    election::Leadership,
    metrics,
};

/// Changes gathered into one append when the backend produces them faster than one by one.
const PUMP_BATCH: usize = 512;

pub struct Publisher {
    log: EventLogRef,
    queue: mpsc::Sender<Event>,
    overflowed: AtomicU64,
}

impl Publisher {
    /// Starts the publisher and the task draining its fire-and-forget queue.
    pub fn start(
        log: EventLogRef,
        queue_size: usize,
        shutdown: CancellationToken,
    ) -> (Arc<Publisher>, tokio::task::JoinHandle<()>) {
        let (queue, rx) = mpsc::channel(queue_size.max(1));
        let publisher = Arc::new(Publisher {
            log,
            queue,
            overflowed: AtomicU64::new(0),
        });
        let task = tokio::spawn(drain(Arc::clone(&publisher), rx, shutdown));
        (publisher, task)
    }

    pub fn log(&self) -> &EventLogRef {
        &self.log
    }

    /// Appends and returns once the events are durable.
    pub async fn publish(&self, events: Vec<Event>) -> Result<Vec<Event>, EventError> {
        let count = events.len() as u64;
        let appended = self.log.append(events).await?;
        ::metrics::counter!(metrics::EVENTS_PUBLISHED).increment(count);
        Ok(appended)
    }

    /// Queues without waiting; `false` (and a counted, logged overflow) when the queue is full.
    pub fn publish_nowait(&self, event: Event) -> bool {
        match self.queue.try_send(event) {
            Ok(()) => true,
            Err(e) => {
                let total = self.overflowed.fetch_add(1, Ordering::Relaxed) + 1;
                ::metrics::counter!(metrics::EVENTS_OVERFLOWED).increment(1);
                tracing::warn!(total_overflowed = total, reason = %e, "event publish queue overflowed; event not published");
                false
            }
        }
    }

    pub fn overflowed(&self) -> u64 {
        self.overflowed.load(Ordering::Relaxed)
    }

    /// Appends, retrying with backoff until it succeeds (true) or shutdown (false); events are
    /// never dropped.
    async fn publish_retrying(&self, events: Vec<Event>, shutdown: &CancellationToken) -> bool {
        let mut delay = Duration::from_millis(50);
        loop {
            match self.publish(events.clone()).await {
                Ok(_) => return true,
                Err(e) => {
                    tracing::error!(error = %e, events = events.len(), "appending events failed; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = shutdown.cancelled() => return false,
                    }
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
            }
        }
    }
}

async fn drain(
    publisher: Arc<Publisher>,
    mut rx: mpsc::Receiver<Event>,
    shutdown: CancellationToken,
) {
    let mut batch = Vec::new();
    loop {
        let received = tokio::select! {
            n = rx.recv_many(&mut batch, PUMP_BATCH) => n,
            _ = shutdown.cancelled() => {
                // Flush what was queued before the shutdown, then stop.
                rx.close();
                while let Ok(event) = rx.try_recv() {
                    batch.push(event);
                }
                if !batch.is_empty() {
                    if let Err(e) = publisher.publish(std::mem::take(&mut batch)).await {
                        tracing::error!(error = %e, "queued events were not published at shutdown");
                    }
                }
                return;
            }
        };
        if received == 0 {
            return;
        }
        publisher
            .publish_retrying(std::mem::take(&mut batch), &shutdown)
            .await;
    }
}

/// How often a follower reads the stream to confirm what it holds.
const FOLLOW_EVERY: Duration = Duration::from_millis(250);

/// Publishes every change of `backend`, in order, until shutdown — while this replica leads.
/// A follower holds its changes ([`Pending`]) and confirms them against the stream; on taking
/// the lead it publishes the ones the stream lacks, then publishes directly.
pub fn pump_backend(
    backend: &BackendRef,
    publisher: Arc<Publisher>,
    source: EventSource,
    leadership: Arc<Leadership>,
    shutdown: CancellationToken,
) -> tokio::task::JoinHandle<()> {
    let feed = backend.take_changes();
    tokio::spawn(async move {
        let Some(mut changes) = feed else {
            tracing::error!(
                "the backend's change feed was already taken; its changes are not published"
            );
            return;
        };
        let mut pending = Pending::default();
        let mut confirmed = match publisher.log.bounds().await {
            Ok(b) => b.last,
            Err(_) => 0,
        };
        let mut leading = leadership.subscribe();
        let mut follow = tokio::time::interval(FOLLOW_EVERY);
        loop {
            tokio::select! {
                // A follower holding too much stops reading: its backend pauses.
                first = changes.recv(), if !pending.is_full() => {
                    let Some(change) = first else { break };
                    let mut durable = Vec::new();
                    let mut batch = Vec::new();
                    let mut next = Some(change);
                    while let Some(mut change) = next.take() {
                        durable.extend(change.durable.take());
                        batch.push(Event::from_change(&change, &source));
                        if batch.len() < PUMP_BATCH {
                            next = changes.try_recv().ok();
                        }
                    }
                    ::metrics::gauge!(metrics::BACKEND_CHANGES_QUEUED).set(changes.len() as f64);
                    if leadership.is_leader() {
                        if publisher.publish_retrying(batch, &shutdown).await {
                            durable.iter().for_each(Durable::done);
                        }
                    } else {
                        batch.into_iter().for_each(|e| pending.push(e));
                        if pending.is_full() {
                            tracing::warn!(held = pending.len(), "holding as many changes as a follower may without the leader publishing them: the backend pauses until the stream confirms some or this replica leads");
                        }
                        ::metrics::gauge!(metrics::CHANGES_PENDING).set(pending.len() as f64);
                    }
                }
                Ok(()) = leading.changed() => {
                    if *leading.borrow_and_update() {
                        publisher.confirm(&mut confirmed, &mut pending).await;
                        let rest = pending.drain();
                        if !rest.is_empty() {
                            tracing::info!(changes = rest.len(), "publishing the changes the previous leader had not");
                            publisher.publish_retrying(rest, &shutdown).await;
                        }
                        ::metrics::gauge!(metrics::CHANGES_PENDING).set(0.0);
                    }
                }
                _ = follow.tick(), if !leadership.is_leader() => {
                    publisher.confirm(&mut confirmed, &mut pending).await;
                    ::metrics::gauge!(metrics::CHANGES_PENDING).set(pending.len() as f64);
                }
                _ = shutdown.cancelled() => {
                    // Flush the changes made before the shutdown, if this replica publishes.
                    let mut rest = Vec::new();
                    while let Ok(change) = changes.try_recv() {
                        rest.push(Event::from_change(&change, &source));
                    }
                    if !rest.is_empty() && leadership.is_leader() {
                        if let Err(e) = publisher.publish(rest).await {
                            tracing::error!(error = %e, "changes made before shutdown were not published");
                        }
                    }
                    break;
                }
            }
        }
    })
}

impl Publisher {
    /// Reads the stream after `confirmed` and crosses off the held changes it contains.
    async fn confirm(&self, confirmed: &mut Cursor, pending: &mut Pending) {
        loop {
            let events = match self.log.read(*confirmed, 1024).await {
                Ok(e) => e,
                Err(e) => {
                    tracing::warn!(error = %e, "reading the stream to confirm held changes failed");
                    return;
                }
            };
            let Some(last) = events.last() else { return };
            *confirmed = last.cursor;
            for event in &events {
                pending.confirm(event);
            }
        }
    }
}
