//! Fan-out of the stream to watchers (gRPC `Watch`, SSE). One task tails the log and
//! broadcasts each event once; every watcher replays from its cursor out of the log, then
//! follows the broadcast. A watcher that falls further behind than its buffer is cut off with
//! its resume cursor, so a slow consumer never slows the publisher or the other watchers.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use tokio::sync::{broadcast, mpsc};
use tokio_util::sync::CancellationToken;
use wildmatch::WildMatch;

use super::{
    log::EventLogRef,
    model::{Cursor, Event},
};
use crate::domain::Filter;

/// How often the tail refreshes the stream-length gauge.
const STREAM_LENGTH_INTERVAL: Duration = Duration::from_secs(5);

/// Events read from the log per replay step.
const REPLAY_BATCH: usize = 256;

/// Which events a reader wants: a glob over event types and an O-RAN filter over the event.
#[derive(Clone, Debug, Default)]
pub struct Selector {
    pattern: Option<WildMatch>,
    filter: Filter,
}

impl Selector {
    /// `pattern` like `o2ims.Resource.*` or `*.*.Deleted`; empty or `*` selects every type.
    pub fn new(pattern: Option<&str>, filter: Filter) -> Selector {
        let pattern = pattern
            .filter(|p| !p.is_empty() && *p != "*")
            .map(WildMatch::new);
        Selector { pattern, filter }
    }

    pub fn matches(&self, event: &Event) -> bool {
        self.pattern
            .as_ref()
            .is_none_or(|p| p.matches(&event.event_type))
            && self.filter.matches(event)
    }
}

/// What a watcher asks for.
#[derive(Clone, Debug, Default)]
pub struct WatchSpec {
    pub selector: Selector,
    /// Resume after this cursor; `None` follows from now.
    pub resume: Option<Cursor>,
    /// A tenant's watcher sees only what is in its scope.
    pub visibility: Option<super::Visibility>,
}

/// What a watcher receives.
#[derive(Clone, Debug)]
pub enum WatchItem {
    Event(Arc<Event>),
    /// Sent periodically; the cursor to resume from.
    Heartbeat(Cursor),
    /// The watcher fell behind and is cut off; resume from `resume`.
    Lagged {
        resume: Cursor,
    },
    /// The requested cursor is older than retention (or unknown): list afresh, then watch.
    Resync {
        requested: Cursor,
        oldest: Cursor,
        latest: Cursor,
    },
    Failed(String),
}

pub struct Hub {
    log: EventLogRef,
    shutdown: CancellationToken,
    live: broadcast::Sender<Arc<Event>>,
    buffer: usize,
    heartbeat: Duration,
}

impl Hub {
    /// Starts tailing the log from its current end.
    pub async fn start(
        log: EventLogRef,
        buffer: usize,
        heartbeat: Duration,
        shutdown: CancellationToken,
    ) -> Result<(Arc<Hub>, tokio::task::JoinHandle<()>), super::log::EventError> {
        let start = log.bounds().await?.last;
        let hub = Arc::new(Hub {
            log,
            shutdown: shutdown.clone(),
            live: broadcast::channel(buffer.max(2)).0,
            buffer: buffer.max(2),
            heartbeat,
        });
        let task = tokio::spawn(tail(Arc::clone(&hub), start, shutdown));
        Ok((hub, task))
    }

    pub fn watchers(&self) -> usize {
        self.live.receiver_count()
    }

    /// Starts a watcher; its items arrive on the returned channel until it ends.
    pub fn watch(self: &Arc<Self>, spec: WatchSpec) -> mpsc::Receiver<WatchItem> {
        // Room for the buffer plus the closing item (lag or failure).
        let (tx, rx) = mpsc::channel(self.buffer.min(256) + 1);
        let live = self.live.subscribe();
        tokio::spawn(
            Watcher {
                hub: Arc::clone(self),
                spec,
                tx,
                live,
                sent: 0,
            }
            .run(),
        );
        rx
    }
}

async fn tail(hub: Arc<Hub>, mut last: Cursor, shutdown: CancellationToken) {
    let mut measured: Option<Instant> = None;
    loop {
        // The length gauge needs no more than a reading per interval, not one per wake.
        if measured.is_none_or(|at| at.elapsed() >= STREAM_LENGTH_INTERVAL) {
            measured = Some(Instant::now());
            if let Ok(b) = hub.log.bounds().await {
                let length = (b.last + 1).saturating_sub(b.first);
                ::metrics::gauge!(crate::metrics::EVENT_STREAM_LENGTH).set(length as f64);
            }
        }
        tokio::select! {
            r = hub.log.wait(last, Duration::from_secs(1)) => {
                if let Err(e) = r {
                    tracing::warn!(error = %e, "waiting on the event log failed");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
            _ = shutdown.cancelled() => return,
        }
        loop {
            match hub.log.read(last, 1024).await {
                Ok(events) if events.is_empty() => break,
                Ok(events) => {
                    for event in events {
                        last = event.cursor;
                        // No receiver is not an error: nobody is watching.
                        let _ = hub.live.send(Arc::new(event));
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "reading the event log failed");
                    break;
                }
            }
        }
    }
}

struct Watcher {
    hub: Arc<Hub>,
    spec: WatchSpec,
    tx: mpsc::Sender<WatchItem>,
    live: broadcast::Receiver<Arc<Event>>,
    /// Events sent so far.
    sent: u64,
}

enum Flow {
    Continue,
    Stop,
}

impl Watcher {
    /// Sends an event unless the consumer is too far behind (then cuts it off).
    async fn offer(&mut self, event: Arc<Event>, position: Cursor) -> Flow {
        let visible = self
            .spec
            .visibility
            .as_mut()
            .is_none_or(|v| v.observe(&event));
        if !visible || !self.spec.selector.matches(&event) {
            return Flow::Continue;
        }
        let cut = crate::failpoint::watch_cut_every().is_some_and(|n| self.sent >= n);
        if self.tx.capacity() <= 1 || cut {
            let _ = self
                .tx
                .send(WatchItem::Lagged {
                    resume: position - 1,
                })
                .await;
            return Flow::Stop;
        }
        self.sent += 1;
        match self.tx.send(WatchItem::Event(event)).await {
            Ok(()) => Flow::Continue,
            Err(_) => Flow::Stop,
        }
    }

    /// Replays from the log after `position` until the log has nothing newer.
    async fn replay(&mut self, mut position: Cursor) -> Option<Cursor> {
        loop {
            let batch = match self.hub.log.read(position, REPLAY_BATCH).await {
                Ok(b) => b,
                Err(e) => {
                    let _ = self.tx.send(WatchItem::Failed(e.to_string())).await;
                    return None;
                }
            };
            if batch.is_empty() {
                return Some(position);
            }
            for event in batch {
                position = event.cursor;
                if let Flow::Stop = self.offer(Arc::new(event), position).await {
                    return None;
                }
            }
        }
    }

    async fn run(mut self) {
        let bounds = match self.hub.log.bounds().await {
            Ok(b) => b,
            Err(e) => {
                let _ = self.tx.send(WatchItem::Failed(e.to_string())).await;
                return;
            }
        };
        let mut position = match self.spec.resume {
            Some(c) if bounds.is_too_old(c) || c > bounds.last => {
                let _ = self
                    .tx
                    .send(WatchItem::Resync {
                        requested: c,
                        oldest: bounds.first,
                        latest: bounds.last,
                    })
                    .await;
                return;
            }
            Some(c) => c,
            None => bounds.last,
        };
        let Some(p) = self.replay(position).await else {
            return;
        };
        position = p;
        let mut heartbeat = tokio::time::interval(self.hub.heartbeat);
        heartbeat.tick().await;
        loop {
            tokio::select! {
                received = self.live.recv() => match received {
                    Ok(event) if event.cursor <= position => {}
                    Ok(event) => {
                        if event.cursor > position + 1 {
                            // Missed events between the replay and the broadcast: read them.
                            let Some(p) = self.replay(position).await else { return };
                            position = p;
                            if event.cursor <= position { continue; }
                        }
                        position = event.cursor;
                        if let Flow::Stop = self.offer(event, position).await { return; }
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        let _ = self.tx.send(WatchItem::Lagged { resume: position }).await;
                        return;
                    }
                    Err(broadcast::error::RecvError::Closed) => return,
                },
                _ = heartbeat.tick() => {
                    if self.tx.capacity() <= 1 {
                        let _ = self.tx.send(WatchItem::Lagged { resume: position }).await;
                        return;
                    }
                    if self.tx.send(WatchItem::Heartbeat(position)).await.is_err() { return; }
                }
                _ = self.tx.closed() => return,
                _ = self.hub.shutdown.cancelled() => return,
            }
        }
    }
}
