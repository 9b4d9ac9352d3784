//! Publishing: awaited (returns once the events are durable) or fire-and-forget (a bounded
//! queue that never blocks the caller; overflow is counted and logged). The backend pump
//! ([`super::pump`]) publishes through it.

use std::{
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};
use tracing::Instrument as _;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::{
    log::{EventError, EventLogRef},
    model::Event,
};
use crate::metrics;

/// Events gathered into one append when they come faster than one by one.
pub(crate) const BATCH: usize = 512;

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
        self.publish_fenced(events, 0).await
    }

    /// [`publish`](Self::publish) by the elected publisher with its fencing `token` (0:
    /// unfenced): refused with [`EventError::Fenced`] once a newer leader has raised the fence.
    pub async fn publish_fenced(
        &self,
        events: Vec<Event>,
        token: u64,
    ) -> Result<Vec<Event>, EventError> {
        let count = events.len() as u64;
        // Traces join an append to the deliveries it causes by the event ids.
        let span = tracing::trace_span!(
            "events.append",
            otel.kind = "producer",
            events = count,
            netweave.event_ids = tracing::field::Empty
        );
        if !span.is_disabled() {
            let ids: Vec<&str> = events.iter().map(|e| e.event_id.as_str()).collect();
            span.record("netweave.event_ids", ids.join(","));
        }
        // Token 0 appends unfenced on every log.
        let appended = self
            .log
            .append_fenced(events, token)
            .instrument(span)
            .await?;
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
    pub(crate) async fn publish_retrying(
        &self,
        events: Vec<Event>,
        shutdown: &CancellationToken,
    ) -> bool {
        matches!(
            self.publish_fenced_retrying(events, 0, shutdown).await,
            Appended::Yes
        )
    }

    /// [`publish_retrying`](Self::publish_retrying) with a fencing token: a refusal for an
    /// old token ends it (retrying cannot help: another replica leads).
    pub(crate) async fn publish_fenced_retrying(
        &self,
        events: Vec<Event>,
        token: u64,
        shutdown: &CancellationToken,
    ) -> Appended {
        let mut delay = Duration::from_millis(50);
        loop {
            match self.publish_fenced(events.clone(), token).await {
                Ok(_) => return Appended::Yes,
                Err(e @ EventError::Fenced { .. }) => return Appended::Fenced(e),
                Err(e) => {
                    tracing::error!(error = %e, events = events.len(), "appending events failed; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = shutdown.cancelled() => return Appended::Stopped,
                    }
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
            }
        }
    }
}

/// How a retried append ended.
pub(crate) enum Appended {
    Yes,
    /// Shutdown came first.
    Stopped,
    /// Refused: a newer leader fenced this one off.
    Fenced(EventError),
}

async fn drain(
    publisher: Arc<Publisher>,
    mut rx: mpsc::Receiver<Event>,
    shutdown: CancellationToken,
) {
    let mut batch = Vec::new();
    loop {
        let received = tokio::select! {
            n = rx.recv_many(&mut batch, BATCH) => n,
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
