//! The backend pump: turns the backend's feed into events, in order, while this replica leads.
//!
//! It keeps the backend's view (each instance's [`View`] and the changes after it) and, while
//! leading, the published state ([`super::published`]). An event goes out only where the two
//! differ, with the published state as its prior, so the stream always says what an SMO was
//! told. On start, on a new view, and on taking the lead it loads the published state from the
//! log and publishes every difference — creations and updates in dependency order, then
//! deletions in reverse — which are exactly the changes no gateway watched (made while netweave
//! was down, or while the old leader was dying). The log updates the published state with each
//! append, so a crash anywhere leaves a state that matches the stream.

use std::{
    collections::{BTreeSet, HashMap},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use tokio_util::sync::CancellationToken;

use super::{
    model::{object_ref, pool_of, Event, EventSource},
    published::{field, Key, Published, Record},
    publisher::{Publisher, BATCH},
};
use crate::{
    backend::{BackendRef, Durable, FeedItem, InventoryChange, Kind, Object, View},
    election::Leadership,
    metrics,
};

/// Whether the pump has taken in a first view (and, leading, published its differences):
/// until then `/readyz` says not ready.
#[derive(Clone, Default)]
pub struct PumpStatus(Arc<AtomicBool>);

impl PumpStatus {
    pub fn is_ready(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

/// One object of the view, with when it last changed (diffs keep the order of the changes).
struct Entry {
    kind: Kind,
    record: Record,
    seq: u64,
}

struct Pump {
    publisher: Arc<Publisher>,
    source: EventSource,
    view: HashMap<Key, Entry>,
    /// While leading: what the stream last said of each object.
    published: Option<Published>,
    /// Instances whose view arrived.
    seen: BTreeSet<String>,
    seq: u64,
    status: PumpStatus,
    shutdown: CancellationToken,
}

/// Publishes every change of `backend`, in order, until shutdown — while this replica leads.
pub fn pump_backend(
    backend: &BackendRef,
    publisher: Arc<Publisher>,
    source: EventSource,
    leadership: Arc<Leadership>,
    shutdown: CancellationToken,
) -> (tokio::task::JoinHandle<()>, PumpStatus) {
    let feed = backend.take_changes();
    let status = PumpStatus::default();
    let mut pump = Pump {
        publisher,
        source,
        view: HashMap::new(),
        published: None,
        seen: BTreeSet::new(),
        seq: 0,
        status: status.clone(),
        shutdown: shutdown.clone(),
    };
    let task = tokio::spawn(async move {
        let Some(mut feed) = feed else {
            tracing::error!(
                "the backend's change feed was already taken; its changes are not published"
            );
            return;
        };
        let mut leading = leadership.subscribe();
        if leadership.is_leader() {
            pump.lead().await;
        }
        let mut next: Option<FeedItem> = None;
        loop {
            let item = match next.take() {
                Some(item) => item,
                None => tokio::select! {
                    item = feed.recv() => match item {
                        Some(item) => item,
                        None => break,
                    },
                    Ok(()) = leading.changed() => {
                        if *leading.borrow_and_update() {
                            pump.lead().await;
                        } else {
                            pump.published = None;
                        }
                        continue;
                    }
                    _ = shutdown.cancelled() => {
                        pump.finish(&mut feed).await;
                        break;
                    }
                },
            };
            match item {
                FeedItem::View(view) => pump.take_view(view).await,
                FeedItem::Change(change) => {
                    let mut batch = vec![change];
                    while batch.len() < BATCH {
                        match feed.try_recv() {
                            Ok(FeedItem::Change(c)) => batch.push(c),
                            Ok(view) => {
                                next = Some(view);
                                break;
                            }
                            Err(_) => break,
                        }
                    }
                    ::metrics::gauge!(metrics::BACKEND_CHANGES_QUEUED).set(feed.len() as f64);
                    pump.take_changes(batch, true).await;
                }
            }
        }
    });
    (task, status)
}

fn key_of(instance: &str, kind: Kind, id: &str, state: &serde_json::Value) -> Key {
    let pool = pool_of(state);
    (instance.to_owned(), object_ref(kind, id, pool.as_deref()))
}

fn record_of(object: &Object) -> (Kind, Record) {
    let kind = object.kind();
    let record = Record {
        object_kind: kind.name().to_owned(),
        object_id: object.id().to_owned(),
        state: object.to_json(),
    };
    (kind, record)
}

impl Pump {
    fn instance<'a>(&'a self, given: &'a str) -> &'a str {
        if given.is_empty() {
            &self.source.instance_id
        } else {
            given
        }
    }

    fn event(
        &self,
        instance: &str,
        kind: Kind,
        id: &str,
        prior: Option<&Record>,
        post: Option<&Record>,
    ) -> Event {
        let source = EventSource {
            backend: self.source.backend.clone(),
            instance_id: instance.to_owned(),
        };
        Event::of(
            &source,
            kind,
            id,
            prior.map(|r| r.state.clone()),
            post.map(|r| r.state.clone()),
        )
    }

    /// Retries `attempt` with backoff until it succeeds (`Some`) or shutdown (`None`).
    async fn retrying<T, F, Fut>(&self, what: &str, attempt: F) -> Option<T>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<T, super::EventError>>,
    {
        let mut delay = Duration::from_millis(50);
        loop {
            match attempt().await {
                Ok(value) => return Some(value),
                Err(e) => {
                    tracing::error!(error = %e, "{what} failed; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = self.shutdown.cancelled() => return None,
                    }
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
            }
        }
    }

    /// Takes the lead: loads what was published and publishes every instance's differences.
    async fn lead(&mut self) {
        let started = std::time::Instant::now();
        let log = Arc::clone(self.publisher.log());
        let Some(published) = self
            .retrying("loading the published state", || log.published())
            .await
        else {
            return;
        };
        self.published = Some(published);
        for instance in self.seen.clone() {
            self.reconcile(&instance).await;
        }
        ::metrics::gauge!(metrics::VIEW_RECONCILE).set(started.elapsed().as_secs_f64());
    }

    /// A complete view of one instance: it replaces what the view held of that instance. The
    /// first view ever seen of an instance is its baseline; any later one is diffed.
    async fn take_view(&mut self, view: View) {
        let started = std::time::Instant::now();
        let instance = self.instance(&view.instance).to_owned();
        self.view.retain(|key, _| key.0 != instance);
        for object in &view.objects {
            let (kind, record) = record_of(object);
            self.seq += 1;
            let key = key_of(&instance, kind, &record.object_id, &record.state);
            self.view.insert(
                key,
                Entry {
                    kind,
                    record,
                    seq: self.seq,
                },
            );
        }
        self.seen.insert(instance.clone());
        let known = self
            .published
            .as_ref()
            .is_some_and(|p| p.instances.contains(&instance));
        if !known {
            let records: Vec<(String, Record)> = self
                .view
                .iter()
                .filter(|(key, _)| key.0 == instance)
                .map(|(key, entry)| (field(&key.0, &key.1), entry.record.clone()))
                .collect();
            let log = Arc::clone(self.publisher.log());
            let recorded = self
                .retrying("recording the baseline", || {
                    log.record_baseline(&instance, records.clone())
                })
                .await;
            match (recorded, self.published.as_mut()) {
                (Some(true), Some(published)) => {
                    tracing::info!(%instance, objects = records.len(), "first view of this backend instance recorded as its baseline");
                    published.instances.insert(instance.clone());
                    for (field, record) in records {
                        let _ = published.insert_field(&field, record);
                    }
                }
                (Some(true), None) => {
                    tracing::info!(%instance, objects = records.len(), "first view of this backend instance recorded as its baseline");
                }
                // Another replica recorded it first: lead from the state it recorded.
                (Some(false), Some(_)) => {
                    if let Some(p) = self
                        .retrying("loading the published state", || log.published())
                        .await
                    {
                        self.published = Some(p);
                    }
                }
                _ => {}
            }
        }
        if self.published.is_some() {
            self.reconcile(&instance).await;
            view.durable.iter().for_each(Durable::done);
        }
        ::metrics::gauge!(metrics::VIEW_RECONCILE).set(started.elapsed().as_secs_f64());
        self.status.0.store(true, Ordering::Release);
    }

    /// Publishes what differs between the view and the published state of `instance`.
    async fn reconcile(&mut self, instance: &str) {
        let Some(published) = self.published.as_ref() else {
            return;
        };
        let mut upserts: Vec<(&Entry, Option<&Record>)> = self
            .view
            .iter()
            .filter(|(key, _)| key.0 == instance)
            .filter_map(|(key, entry)| match published.objects.get(key) {
                Some(prior) if prior.state == entry.record.state => None,
                prior => Some((entry, prior)),
            })
            .collect();
        upserts.sort_by_key(|(entry, _)| (entry.kind.rank(), entry.seq));
        let mut deletions: Vec<(Kind, &Key, &Record)> = published
            .objects
            .iter()
            .filter(|(key, _)| key.0 == instance && !self.view.contains_key(*key))
            .map(|(key, record)| {
                let kind = record.object_kind.parse().unwrap_or(Kind::Resource);
                (kind, key, record)
            })
            .collect();
        deletions.sort_by(|a, b| b.0.rank().cmp(&a.0.rank()).then_with(|| a.1.cmp(b.1)));
        let mut events: Vec<Event> = upserts
            .into_iter()
            .map(|(entry, prior)| {
                self.event(
                    instance,
                    entry.kind,
                    &entry.record.object_id,
                    prior,
                    Some(&entry.record),
                )
            })
            .collect();
        events.extend(deletions.into_iter().map(|(kind, _, record)| {
            self.event(instance, kind, &record.object_id, Some(record), None)
        }));
        if events.is_empty() {
            return;
        }
        let count = events.len();
        tracing::info!(%instance, changes = count, "publishing the changes made while no gateway watched");
        for chunk in events.chunks(BATCH) {
            if !self.publish(chunk.to_vec(), true).await {
                return;
            }
        }
        ::metrics::counter!(metrics::DIFFERENCES_PUBLISHED).increment(count as u64);
    }

    /// Appends (retrying until shutdown when `retry`) and applies the events to the published
    /// state; whether they are in the log.
    async fn publish(&mut self, events: Vec<Event>, retry: bool) -> bool {
        let done = if retry {
            self.publisher
                .publish_retrying(events.clone(), &self.shutdown)
                .await
        } else {
            match self.publisher.publish(events.clone()).await {
                Ok(_) => true,
                Err(e) => {
                    tracing::error!(error = %e, events = events.len(), "changes made before shutdown were not published");
                    false
                }
            }
        };
        if done {
            if let Some(published) = self.published.as_mut() {
                events.iter().for_each(|e| published.apply(e));
            }
        }
        done
    }

    /// Changes after the view: applied to it and, while leading, published where the
    /// published state differs.
    async fn take_changes(&mut self, batch: Vec<InventoryChange>, retry: bool) {
        let mut events = Vec::new();
        let mut durable = Vec::new();
        let mut batch_posts: HashMap<Key, Option<Record>> = HashMap::new();
        for mut change in batch {
            durable.extend(change.durable.take());
            let instance = self.instance(&change.instance).to_owned();
            let state = change.post.as_ref().or(change.prior.as_ref());
            let Some(state) = state.map(Object::to_json) else {
                continue;
            };
            let key = key_of(&instance, change.kind, &change.id, &state);
            let post = change.post.as_ref().map(|_| Record {
                object_kind: change.kind.name().to_owned(),
                object_id: change.id.clone(),
                state,
            });
            // Within a batch, the prior of a change is the post of the one before it.
            let prior = match batch_posts.get(&key) {
                Some(post) => post.clone(),
                None => self
                    .published
                    .as_ref()
                    .and_then(|p| p.objects.get(&key))
                    .cloned(),
            };
            let differs = prior.as_ref().map(|r| &r.state) != post.as_ref().map(|r| &r.state);
            if self.published.is_some() && differs {
                let event = self.event(
                    &instance,
                    change.kind,
                    &change.id,
                    prior.as_ref(),
                    post.as_ref(),
                );
                events.push(event);
                batch_posts.insert(key.clone(), post.clone());
            }
            match post {
                Some(record) => {
                    self.seq += 1;
                    let entry = Entry {
                        kind: change.kind,
                        record,
                        seq: self.seq,
                    };
                    self.view.insert(key, entry);
                }
                None => {
                    self.view.remove(&key);
                }
            }
        }
        if self.published.is_none() {
            // A follower: the leader publishes (the tickets, dropped, say so).
            return;
        }
        if events.is_empty() || self.publish(events, retry).await {
            durable.iter().for_each(Durable::done);
        }
    }

    /// At shutdown: the changes made before it, published once if this replica leads.
    async fn finish(&mut self, feed: &mut crate::backend::ChangeReceiver) {
        let mut batch = Vec::new();
        while let Ok(item) = feed.try_recv() {
            if let FeedItem::Change(change) = item {
                batch.push(change);
            }
        }
        if !batch.is_empty() {
            self.take_changes(batch, false).await;
        }
    }
}
