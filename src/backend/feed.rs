//! A backend's change feed: bounded, in order, and never lossy. A backend stages its changes
//! where they happen (under its own lock, so their order is the order of the changes) and
//! flushes them into the feed afterwards. When the event pump falls behind (the event log is
//! down, a follower holds too much) the feed fills and `flush` waits: the backend's writes and
//! watches pause — back-pressure — instead of queueing without bound.

use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use tokio::sync::mpsc;

use super::{InventoryChange, Object};
use crate::metrics;

/// Changes the feed holds before its backend waits.
pub const FEED_CAPACITY: usize = 10_000;

/// How often a full feed is logged while it stays full.
const WARN_EVERY: Duration = Duration::from_secs(10);

pub type ChangeReceiver = mpsc::Receiver<FeedItem>;

/// What a feed carries, in order.
#[derive(Clone, Debug)]
pub enum FeedItem {
    /// Everything one backend instance holds: sent once its first complete view is built
    /// (before any change), and whenever it rebuilds one. The changes after it are relative
    /// to it; the publisher diffs it against what it last published.
    View(View),
    Change(InventoryChange),
}

#[derive(Clone, Debug)]
pub struct View {
    /// The backend instance (set by the router; empty for a lone backend).
    pub instance: String,
    /// In dependency order: what others refer to first.
    pub objects: Vec<Object>,
    pub durable: Option<Durable>,
}

impl FeedItem {
    fn durable(&mut self) -> &mut Option<Durable> {
        match self {
            FeedItem::View(v) => &mut v.durable,
            FeedItem::Change(c) => &mut c.durable,
        }
    }

    /// Names the backend instance it comes from (the router does, for each of its backends).
    pub fn set_instance(&mut self, instance: &str) {
        match self {
            FeedItem::View(v) => v.instance = instance.to_owned(),
            FeedItem::Change(c) => c.instance = instance.to_owned(),
        }
    }
}

/// The sending side, shared by every task of one backend.
pub struct ChangeSender {
    tx: mpsc::Sender<FeedItem>,
    /// Changes made but not yet in the feed, in the order they were made.
    staged: Mutex<Vec<FeedItem>>,
    /// Held while flushing, so that concurrent flushes keep the staged order.
    order: tokio::sync::Mutex<()>,
    /// When the last "full" warning was logged (at most one per [`WARN_EVERY`]).
    warned: Mutex<Option<Instant>>,
    /// Told when the last change sent so far is durable: then so is every earlier one.
    last_sent: Mutex<Option<DurableWait>>,
}

/// A backend's change feed: queued from creation, taken once by the event pump.
pub struct Feed(Mutex<Option<ChangeReceiver>>);

impl Feed {
    /// The sending side for the backend, and the feed.
    pub fn new() -> (Arc<ChangeSender>, Feed) {
        Self::with_capacity(FEED_CAPACITY)
    }

    pub fn with_capacity(capacity: usize) -> (Arc<ChangeSender>, Feed) {
        let (tx, rx) = mpsc::channel(capacity.max(1));
        let sender = ChangeSender {
            tx,
            staged: Mutex::new(Vec::new()),
            order: tokio::sync::Mutex::new(()),
            warned: Mutex::new(None),
            last_sent: Mutex::new(None),
        };
        (Arc::new(sender), Feed(Mutex::new(Some(rx))))
    }

    /// The receiver, the first time; `None` after.
    pub fn take(&self) -> Option<ChangeReceiver> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

impl ChangeSender {
    /// Records a change; it reaches the feed at the next [`flush`](Self::flush). Call it where
    /// the change is made, under the lock that orders the changes.
    pub fn stage(&self, change: InventoryChange) {
        self.stage_item(FeedItem::Change(change));
    }

    /// Records the backend's complete view (see [`FeedItem::View`]), under the same lock.
    pub fn stage_view(&self, objects: Vec<Object>) {
        self.stage_item(FeedItem::View(View {
            instance: String::new(),
            objects,
            durable: None,
        }));
    }

    /// Sends the backend's first view into the (still empty) feed without waiting: for a
    /// backend built outside a runtime. Staged for the next flush if anything came first.
    pub fn send_first_view(&self, objects: Vec<Object>) {
        let view = FeedItem::View(View {
            instance: String::new(),
            objects,
            durable: None,
        });
        let mut staged = self.staged.lock().unwrap_or_else(|e| e.into_inner());
        if !staged.is_empty() {
            staged.push(view);
            return;
        }
        if let Err(mpsc::error::TrySendError::Full(view)) = self.tx.try_send(view) {
            staged.push(view);
        }
    }

    pub fn stage_item(&self, item: FeedItem) {
        self.staged
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(item);
    }

    /// Moves every staged change into the feed, in order, waiting while the feed is full.
    /// Returns once they are all in (or the feed's taker is gone, at shutdown).
    pub async fn flush(&self) {
        let _order = self.order.lock().await;
        let mut changes =
            std::mem::take(&mut *self.staged.lock().unwrap_or_else(|e| e.into_inner()));
        if let Some(last) = changes.last_mut() {
            // A forwarded change keeps the ticket its own backend gave it.
            let durable = last.durable().get_or_insert_with(|| Durable::new().0);
            *self.last_sent.lock().unwrap_or_else(|e| e.into_inner()) = Some(durable.waiter());
        }
        for change in changes {
            let change = match self.tx.try_send(change) {
                Ok(()) => continue,
                Err(mpsc::error::TrySendError::Closed(_)) => return,
                Err(mpsc::error::TrySendError::Full(change)) => change,
            };
            self.warn_full();
            self.gauge();
            if self.tx.send(change).await.is_err() {
                return;
            }
        }
        self.gauge();
    }

    /// Flushes, then waits until every change sent so far (this caller's among them) is
    /// durable in the event log. `false` when that will not be known: the change was held by
    /// a follower, or the pump stopped (shutdown).
    pub async fn flush_durable(&self) -> bool {
        self.flush().await;
        let wait = self
            .last_sent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match wait {
            Some(wait) => wait.wait().await,
            None => true,
        }
    }

    /// Stages and flushes one item (a forwarded one keeps its instance and ticket).
    pub async fn send(&self, item: FeedItem) {
        self.stage_item(item);
        self.flush().await;
    }

    fn warn_full(&self) {
        let mut warned = self.warned.lock().unwrap_or_else(|e| e.into_inner());
        if warned.is_none_or(|at| at.elapsed() >= WARN_EVERY) {
            *warned = Some(Instant::now());
            tracing::warn!(
                capacity = self.tx.max_capacity(),
                "backend change feed full (the event log is behind or down): the backend pauses until it drains"
            );
        }
    }

    fn gauge(&self) {
        let queued = self.tx.max_capacity() - self.tx.capacity();
        ::metrics::gauge!(metrics::BACKEND_CHANGES_QUEUED).set(queued as f64);
    }
}

/// Carried by a change; told once its event is durable. Dropping every copy untold (a
/// follower holds the change, or shutdown) releases the waiters with `false`.
#[derive(Clone, Debug)]
pub struct Durable(Arc<tokio::sync::watch::Sender<bool>>);

#[derive(Clone, Debug)]
pub struct DurableWait(tokio::sync::watch::Receiver<bool>);

impl Durable {
    pub fn new() -> (Durable, DurableWait) {
        let (tx, rx) = tokio::sync::watch::channel(false);
        (Durable(Arc::new(tx)), DurableWait(rx))
    }

    /// Another waiter on the same change.
    pub fn waiter(&self) -> DurableWait {
        DurableWait(self.0.subscribe())
    }

    /// The change's event is in the log.
    pub fn done(&self) {
        self.0.send_replace(true);
    }
}

impl DurableWait {
    pub async fn wait(mut self) -> bool {
        self.0.wait_for(|durable| *durable).await.is_ok()
    }
}
