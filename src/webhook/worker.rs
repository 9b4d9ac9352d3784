//! The webhook workers: a dispatcher turns each event into one delivery per subscription
//! that selects it ([`Selection`]); senders claim due deliveries, attempt them with bounded
//! concurrency, and settle the outcomes in batches.

use std::{
    collections::HashMap,
    sync::Arc,
    time::{Duration, Instant},
};
use tracing::Instrument as _;

use tokio::{
    sync::{mpsc, Semaphore},
    task::JoinSet,
};
use tokio_util::sync::CancellationToken;

use super::{
    queue::{DeliveryQueueRef, NewDelivery, Outcome},
    selection::Selection,
    sender::Sender,
    views::TenantViews,
};
use crate::{domain::Subscription, metrics, store::StoreRef};

/// Events dispatched per transaction.
const DISPATCH_BATCH: usize = 512;
/// How long a looked-up subscription is reused by the senders.
const SUBSCRIPTION_TTL: Duration = Duration::from_secs(1);
/// When a delivery whose subscription could not be read is due again.
const LOOKUP_RETRY: Duration = Duration::from_millis(500);

pub struct Webhooks {
    pub queue: DeliveryQueueRef,
    pub store: StoreRef,
    pub sender: Arc<Sender>,
    pub concurrency: usize,
    /// What each tenant's subscriptions may be told about (the dispatcher's alone).
    pub views: tokio::sync::Mutex<TenantViews>,
}

impl Webhooks {
    /// Starts the dispatcher and the senders; they stop on `shutdown` after finishing what is
    /// in flight.
    pub fn start(self: &Arc<Self>, shutdown: CancellationToken, tasks: &mut JoinSet<()>) {
        tasks.spawn(Arc::clone(self).dispatch_loop(shutdown.clone()));
        tasks.spawn(Arc::clone(self).delivery_loop(shutdown));
    }

    async fn dispatch_loop(self: Arc<Self>, shutdown: CancellationToken) {
        while !shutdown.is_cancelled() {
            let events = tokio::select! {
                r = self.queue.undispatched(DISPATCH_BATCH) => r,
                _ = shutdown.cancelled() => return,
            };
            let events = match events {
                Ok(e) if e.is_empty() => continue,
                Ok(e) => e,
                Err(e) => {
                    tracing::warn!(error = %e, "reading undispatched events failed");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    continue;
                }
            };
            let started = Instant::now();
            let subscriptions = match self.store.list().await {
                Ok(s) => s,
                Err(e) => {
                    tracing::warn!(error = %e, "listing subscriptions failed; dispatch retried");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    continue;
                }
            };
            let hubs = if Selection::needs_hubs(&subscriptions) {
                match self.store.list_hubs().await {
                    Ok(h) => h,
                    Err(e) => {
                        tracing::warn!(error = %e, "listing hubs failed; dispatch retried");
                        tokio::time::sleep(Duration::from_millis(200)).await;
                        continue;
                    }
                }
            } else {
                Vec::new()
            };
            let selection = Selection::new(subscriptions, &hubs);
            let mut views = self.views.lock().await;
            if let Err(e) = views.prepare(selection.tenants()).await {
                tracing::warn!(error = %e, "reading the pools in tenants' scopes failed; dispatch retried");
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
            let through = events.last().map_or(0, |e| e.cursor);
            let events: Vec<Arc<crate::events::Event>> = events.into_iter().map(Arc::new).collect();
            let mut deliveries = Vec::new();
            for event in &events {
                let seen = views.observe(event);
                // A tenant without a view is a name only (single-tenant gateway).
                for (id, tenant) in
                    selection.recipients(event, |t| seen.get(t).copied().unwrap_or(true))
                {
                    deliveries.push(NewDelivery {
                        subscription_id: id.to_owned(),
                        tenant: tenant.map(str::to_owned),
                        event: event.clone(),
                    });
                }
            }
            let span = tracing::trace_span!(
                "webhook.dispatch",
                otel.kind = "consumer",
                events = events.len(),
                deliveries = deliveries.len(),
                netweave.event_ids = tracing::field::Empty
            );
            if !span.is_disabled() {
                let ids: Vec<&str> = events.iter().map(|e| e.event_id.as_str()).collect();
                span.record("netweave.event_ids", ids.join(","));
            }
            async {
                while let Err(e) = self.queue.dispatch(through, &deliveries).await {
                    tracing::warn!(error = %e, "dispatching deliveries failed; retrying");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
            .instrument(span)
            .await;
            ::metrics::counter!(metrics::EVENTS_DISPATCHED).increment(events.len() as u64);
            ::metrics::histogram!(metrics::EVENTS_DISPATCH_DURATION)
                .record(started.elapsed().as_secs_f64());
        }
    }

    async fn delivery_loop(self: Arc<Self>, shutdown: CancellationToken) {
        let permits = Arc::new(Semaphore::new(self.concurrency.max(1)));
        let (done, mut outcomes) = mpsc::unbounded_channel();
        let queue = Arc::clone(&self.queue);
        let settler = tokio::spawn(async move {
            let mut batch = Vec::new();
            while outcomes.recv_many(&mut batch, 512).await > 0 {
                record(&batch);
                let settled = std::mem::take(&mut batch);
                while let Err(e) = queue.settle(settled.clone()).await {
                    tracing::warn!(error = %e, "settling deliveries failed; retrying");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        });
        ::metrics::gauge!(metrics::WEBHOOK_ACTIVE_WORKERS).increment(1.0);
        let mut subscriptions: HashMap<String, (Instant, Option<Subscription>)> = HashMap::new();
        let mut rng = fastrand::Rng::new();
        while !shutdown.is_cancelled() {
            let free = permits.available_permits();
            if free == 0 {
                // Every sender is busy: wait for one to finish. (Claiming nothing and waiting
                // on the queue instead returns at once while deliveries are due, and that loop
                // never yields: it starved the very tasks that would free a permit.)
                tokio::select! {
                    _ = permits.acquire() => {}
                    _ = shutdown.cancelled() => break,
                }
                continue;
            }
            let claimed = self.queue.claim(free).await;
            let claimed = match claimed {
                Ok(c) => c,
                Err(e) => {
                    tracing::warn!(error = %e, "claiming deliveries failed");
                    Vec::new()
                }
            };
            if claimed.is_empty() {
                tokio::select! {
                    _ = self.queue.wait(Duration::from_secs(1)) => {}
                    _ = shutdown.cancelled() => break,
                }
                continue;
            }
            for delivery in claimed {
                let subscription = self
                    .subscription(&mut subscriptions, &delivery.subscription_id)
                    .await;
                let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
                    break;
                };
                let (sender, done, mut rng) = (Arc::clone(&self.sender), done.clone(), rng.fork());
                let span = tracing::trace_span!("webhook.deliver", otel.kind = "producer",
                    netweave.event_id = %delivery.event.event_id, netweave.event_type = %delivery.event.event_type,
                    netweave.subscription_id = %delivery.subscription_id, netweave.notification_id = %delivery.notification_id,
                    netweave.attempt = delivery.attempts + 1);
                tokio::spawn(
                    async move {
                        let started = Instant::now();
                        let outcome = match &subscription {
                            Lookup::Found(s) => sender.attempt(&delivery, s, &mut rng).await,
                            Lookup::Gone => Outcome::Dropped,
                            Lookup::Unknown(error) => Outcome::Defer {
                                at_ms: super::queue::now_ms() + LOOKUP_RETRY.as_millis() as u64,
                                error: format!("subscription lookup failed: {error}"),
                            },
                        };
                        ::metrics::histogram!(metrics::WEBHOOK_LATENCY)
                            .record(started.elapsed().as_secs_f64());
                        let _ = done.send((delivery, outcome));
                        drop(permit);
                    }
                    .instrument(span),
                );
            }
        }
        // Finish what is in flight, settle it, then stop.
        let _ = permits.acquire_many(self.concurrency.max(1) as u32).await;
        drop(done);
        let _ = settler.await;
        ::metrics::gauge!(metrics::WEBHOOK_ACTIVE_WORKERS).decrement(1.0);
    }

    async fn subscription(
        &self,
        cache: &mut HashMap<String, (Instant, Option<Subscription>)>,
        id: &str,
    ) -> Lookup {
        if let Some((at, s)) = cache.get(id) {
            if at.elapsed() < SUBSCRIPTION_TTL {
                return Lookup::known(s.clone());
            }
        }
        match self.store.get(id).await {
            Ok(found) => {
                cache.insert(id.to_owned(), (Instant::now(), found.clone()));
                Lookup::known(found)
            }
            // A stale copy is still the subscription; without one, nothing is known: the
            // delivery waits for the store. Only the store's answer "gone" drops it.
            Err(e) => match cache.get(id) {
                Some((_, s)) => Lookup::known(s.clone()),
                None => {
                    tracing::warn!(error = %e, subscription_id = %id, "looking up a subscription failed; its delivery waits");
                    Lookup::Unknown(e.to_string())
                }
            },
        }
    }
}

/// What the worker knows of a delivery's subscription.
enum Lookup {
    Found(Subscription),
    /// The store answered that it does not exist.
    Gone,
    /// The store could not be read.
    Unknown(String),
}

impl Lookup {
    fn known(s: Option<Subscription>) -> Lookup {
        s.map_or(Lookup::Gone, Lookup::Found)
    }
}

fn record(outcomes: &[(super::queue::Delivery, Outcome)]) {
    for (delivery, outcome) in outcomes {
        let status = match outcome {
            Outcome::Delivered => "delivered",
            Outcome::Retry { .. } => "failed",
            Outcome::Dead { .. } => "dead_lettered",
            Outcome::Defer { .. } => "deferred",
            Outcome::Dropped => "dropped",
        };
        ::metrics::counter!(metrics::WEBHOOK_DELIVERIES, "subscription_id" => delivery.subscription_id.clone(), "status" => status)
            .increment(1);
        match outcome {
            Outcome::Retry { error, .. } => {
                ::metrics::counter!(metrics::WEBHOOK_RETRIES).increment(1);
                tracing::warn!(attempt = delivery.attempts + 1, subscription_id = %delivery.subscription_id, notification_id = %delivery.notification_id, %error, "webhook delivery failed; will retry");
            }
            Outcome::Dead { error } => {
                ::metrics::counter!(metrics::WEBHOOK_DLQ).increment(1);
                tracing::error!(attempts = delivery.attempts + 1, subscription_id = %delivery.subscription_id, notification_id = %delivery.notification_id, %error, "webhook delivery dead-lettered");
            }
            _ => {}
        }
    }
}
