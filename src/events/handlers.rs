//! In-process handlers: library users register a handler (a trait object or a closure) for a
//! glob over event types (`o2ims.Resource.*`, `*.*.Deleted`). Handlers run on their own task
//! following the stream, never on the publisher's path; a panicking handler is isolated and
//! counted; handlers can be unregistered.

use std::{
    future::Future,
    panic::AssertUnwindSafe,
    pin::Pin,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, RwLock,
    },
    time::Instant,
};

use futures::FutureExt;
use tokio_util::sync::CancellationToken;
use wildmatch::WildMatch;

use super::{hub::WatchSpec, Event, Hub, WatchItem};
use crate::metrics;

#[async_trait::async_trait]
pub trait EventHandler: Send + Sync + 'static {
    async fn handle(&self, event: Arc<Event>);
}

type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

struct FnHandler<F>(F);

#[async_trait::async_trait]
impl<F> EventHandler for FnHandler<F>
where
    F: Fn(Arc<Event>) -> BoxFuture + Send + Sync + 'static,
{
    async fn handle(&self, event: Arc<Event>) {
        (self.0)(event).await
    }
}

/// Identifies a registration, for unregistering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HandlerId(u64);

/// One registration: its id, the event-type glob, the handler.
type Entry = (HandlerId, WildMatch, Arc<dyn EventHandler>);

#[derive(Default)]
pub struct Handlers {
    entries: RwLock<Vec<Entry>>,
    next: AtomicU64,
    panics: AtomicU64,
}

impl Handlers {
    pub fn register(&self, pattern: &str, handler: impl EventHandler) -> HandlerId {
        let id = HandlerId(self.next.fetch_add(1, Ordering::Relaxed));
        self.entries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .push((id, WildMatch::new(pattern), Arc::new(handler)));
        id
    }

    /// Registers an async closure.
    pub fn register_fn<F, Fut>(&self, pattern: &str, f: F) -> HandlerId
    where
        F: Fn(Arc<Event>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        self.register(pattern, FnHandler(move |e| Box::pin(f(e)) as BoxFuture))
    }

    pub fn unregister(&self, id: HandlerId) -> bool {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        let before = entries.len();
        entries.retain(|(i, _, _)| *i != id);
        entries.len() != before
    }

    /// Handler panics so far.
    pub fn panics(&self) -> u64 {
        self.panics.load(Ordering::Relaxed)
    }

    async fn dispatch(&self, event: Arc<Event>) {
        let matching: Vec<Arc<dyn EventHandler>> = self
            .entries
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(_, pattern, _)| pattern.matches(&event.event_type))
            .map(|(_, _, h)| Arc::clone(h))
            .collect();
        for handler in matching {
            let started = Instant::now();
            let outcome = AssertUnwindSafe(handler.handle(Arc::clone(&event)))
                .catch_unwind()
                .await;
            ::metrics::histogram!(metrics::EVENTS_HANDLE_DURATION)
                .record(started.elapsed().as_secs_f64());
            let label = if outcome.is_ok() { "ok" } else { "panicked" };
            ::metrics::counter!(metrics::EVENTS_HANDLED, "outcome" => label).increment(1);
            if outcome.is_err() {
                self.panics.fetch_add(1, Ordering::Relaxed);
                tracing::error!(event_type = %event.event_type, cursor = event.cursor, "event handler panicked");
            }
        }
    }

    /// Follows the stream from now and runs the handlers until shutdown.
    pub fn start(self: &Arc<Self>, hub: &Arc<Hub>, shutdown: CancellationToken) {
        let (handlers, hub) = (Arc::clone(self), Arc::clone(hub));
        tokio::spawn(async move {
            let mut resume = None;
            loop {
                let mut items = hub.watch(WatchSpec {
                    resume,
                    ..Default::default()
                });
                loop {
                    let item = tokio::select! {
                        i = items.recv() => i,
                        _ = shutdown.cancelled() => return,
                    };
                    match item {
                        Some(WatchItem::Event(event)) => {
                            resume = Some(event.cursor);
                            handlers.dispatch(event).await;
                        }
                        Some(WatchItem::Heartbeat(c)) => resume = Some(c),
                        Some(WatchItem::Lagged { resume: r }) => {
                            resume = Some(r);
                            break;
                        }
                        Some(WatchItem::Resync { latest, .. }) => {
                            tracing::error!(
                                latest,
                                "event handlers fell behind retention; events were skipped"
                            );
                            resume = Some(latest);
                            break;
                        }
                        Some(WatchItem::Failed(e)) => {
                            tracing::warn!(error = %e, "event handler feed failed; resuming");
                            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                            break;
                        }
                        None => return,
                    }
                }
            }
        });
    }
}
