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
    hash::{DefaultHasher, Hash, Hasher},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use serde_json::Value;
use tokio_util::sync::CancellationToken;

use super::{
    log::EventError,
    model::{object_ref, pool_of, Event, EventSource},
    published::{encode_object, field, Key, Published, Record},
    publisher::{Appended, Publisher, BATCH},
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

/// One object of the view (shared with the backend's cache), with when it last changed:
/// diffs keep the order of the changes.
struct Entry {
    object: Object,
    seq: u64,
}

/// A complete view or a take-over allocates the whole published state for a moment: give it
/// back (off the async workers; trimming a large heap takes milliseconds).
async fn release_free_memory() {
    let _ = tokio::task::spawn_blocking(crate::memory::release_free).await;
}

/// What the pump remembers of a published state: a digest (the full states are read from
/// the log only for a diff, so memory stays at a few dozen bytes per object).
type Digest = u64;

struct Pump {
    publisher: Arc<Publisher>,
    source: EventSource,
    view: HashMap<Key, Entry>,
    /// While leading: the digest of what the stream last said of each object.
    published: Option<HashMap<Key, Digest>>,
    /// Instances whose view arrived.
    seen: BTreeSet<String>,
    seq: u64,
    status: PumpStatus,
    shutdown: CancellationToken,
    /// The fencing token of the lead this pump publishes for (0: unfenced, a replica alone).
    token: u64,
}

/// A digest of a JSON state, independent of how its maps are ordered.
fn digest(state: &Value) -> Digest {
    fn feed(value: &Value, h: &mut DefaultHasher) {
        match value {
            Value::Null => 0u8.hash(h),
            Value::Bool(b) => (1u8, b).hash(h),
            Value::Number(n) => (2u8, n.to_string()).hash(h),
            Value::String(s) => (3u8, s).hash(h),
            Value::Array(items) => {
                (4u8, items.len()).hash(h);
                items.iter().for_each(|item| feed(item, h));
            }
            Value::Object(map) => {
                (5u8, map.len()).hash(h);
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                for key in keys {
                    key.hash(h);
                    feed(&map[key], h);
                }
            }
        }
    }
    let mut h = DefaultHasher::new();
    feed(state, &mut h);
    h.finish()
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
        token: 0,
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
            pump.lead(leadership.token()).await;
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
                            pump.lead(leadership.token()).await;
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

fn key_of(instance: &str, kind: Kind, id: &str, state: &Value) -> Key {
    let pool = pool_of(state);
    (instance.to_owned(), object_ref(kind, id, pool.as_deref()))
}

/// The key of an object of the view (a resource's path names its pool).
fn key_of_object(instance: &str, object: &Object) -> Key {
    let pool = match object {
        Object::Resource(r) => Some(r.resource_pool_id.as_str()),
        _ => None,
    };
    (
        instance.to_owned(),
        object_ref(object.kind(), object.id(), pool),
    )
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
        prior: Option<Value>,
        post: Option<Value>,
    ) -> Event {
        let source = EventSource {
            backend: self.source.backend.clone(),
            instance_id: instance.to_owned(),
        };
        Event::of(&source, kind, id, prior, post)
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

    async fn load(&self) -> Option<Published> {
        let log = Arc::clone(self.publisher.log());
        self.retrying("loading the published state", || log.published())
            .await
    }

    /// Takes the lead with fencing `token`: raises the log's fence (from then on the previous
    /// leader's appends are refused), loads what was published and publishes every instance's
    /// differences.
    async fn lead(&mut self, token: u64) {
        let started = std::time::Instant::now();
        self.token = token;
        if token > 0 && !self.raise_fence().await {
            return;
        }
        let Some(full) = self.load().await else {
            return;
        };
        // Digests of the instances with a view; the others get theirs when their view comes.
        // `published` is set while settling, so that a refused append can clear it.
        self.published = Some(HashMap::new());
        let mut digests = HashMap::new();
        for instance in self.seen.clone() {
            self.settle(&instance, &full, &mut digests).await;
        }
        if self.published.is_none() {
            return;
        }
        self.published = Some(digests);
        ::metrics::gauge!(metrics::VIEW_RECONCILE).set(started.elapsed().as_secs_f64());
        release_free_memory().await;
    }

    /// Brings `instance` in the stream to its view: records the view as its baseline when
    /// it has none, else publishes the differences from `full`. `digests` follow.
    async fn settle(
        &mut self,
        instance: &str,
        full: &Published,
        digests: &mut HashMap<Key, Digest>,
    ) {
        if !full.instances.contains(instance) {
            match self.record_baseline(instance).await {
                Some(true) => {}
                // Another replica recorded it meanwhile: diff with what it recorded.
                Some(false) => {
                    if let Some(fresh) = self.load().await {
                        return Box::pin(self.settle(instance, &fresh, digests)).await;
                    }
                    return;
                }
                None => return,
            }
            digests.retain(|key, _| key.0 != instance);
            for (key, entry) in self.view.iter().filter(|(key, _)| key.0 == instance) {
                digests.insert(key.clone(), digest(&entry.object.to_json()));
            }
            return;
        }
        let Some(view) = self.reconcile(instance, full).await else {
            return;
        };
        digests.retain(|key, _| key.0 != instance);
        digests.extend(view);
    }

    /// Records the view of `instance` as its baseline unless one is; whether this did.
    async fn record_baseline(&self, instance: &str) -> Option<bool> {
        let records: Arc<[(String, Vec<u8>)]> = self
            .view
            .iter()
            .filter(|(key, _)| key.0 == instance)
            .map(|(key, entry)| (field(&key.0, &key.1), encode_object(&entry.object)))
            .collect();
        let log = Arc::clone(self.publisher.log());
        let recorded = self
            .retrying("recording the baseline", || {
                log.record_baseline(instance, Arc::clone(&records))
            })
            .await;
        if recorded == Some(true) {
            tracing::info!(%instance, objects = records.len(), "first view of this backend instance recorded as its baseline");
        }
        recorded
    }

    /// A complete view of one instance: it replaces what the view held of that instance. The
    /// first view ever seen of an instance is its baseline; any later one is diffed.
    async fn take_view(&mut self, view: View) {
        let started = std::time::Instant::now();
        let instance = self.instance(&view.instance).to_owned();
        self.view.retain(|key, _| key.0 != instance);
        for object in view.objects {
            self.seq += 1;
            let key = key_of_object(&instance, &object);
            self.view.insert(
                key,
                Entry {
                    object,
                    seq: self.seq,
                },
            );
        }
        self.seen.insert(instance.clone());
        if let Some(mut digests) = self.published.take() {
            if let Some(full) = self.load().await {
                self.settle(&instance, &full, &mut digests).await;
            }
            self.published = Some(digests);
            view.durable.iter().for_each(Durable::done);
        } else {
            // A follower records a first baseline too: a later take-over diffs with it.
            self.record_baseline(&instance).await;
        }
        ::metrics::gauge!(metrics::VIEW_RECONCILE).set(started.elapsed().as_secs_f64());
        self.status.0.store(true, Ordering::Release);
        release_free_memory().await;
    }

    /// Publishes what differs between the view of `instance` and `full`; once all is in the
    /// log, the digests of the view (what the stream now says of the instance).
    async fn reconcile(&mut self, instance: &str, full: &Published) -> Option<Vec<(Key, Digest)>> {
        let mut upserts: Vec<(&Entry, Value, Option<&Record>)> = Vec::new();
        let mut view = Vec::new();
        for (key, entry) in self.view.iter().filter(|(key, _)| key.0 == instance) {
            let state = entry.object.to_json();
            let now = digest(&state);
            view.push((key.clone(), now));
            match full.objects.get(key) {
                Some(prior) if digest(&prior.value()) == now => {}
                prior => upserts.push((entry, state, prior)),
            }
        }
        upserts.sort_by_key(|(entry, ..)| (entry.object.kind().rank(), entry.seq));
        let mut deletions: Vec<(Kind, &Key, &Record)> = full
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
            .map(|(entry, state, prior)| {
                let object = &entry.object;
                self.event(
                    instance,
                    object.kind(),
                    object.id(),
                    prior.map(Record::value),
                    Some(state),
                )
            })
            .collect();
        events.extend(deletions.into_iter().map(|(kind, _, record)| {
            self.event(
                instance,
                kind,
                &record.object_id,
                Some(record.value()),
                None,
            )
        }));
        if events.is_empty() {
            return Some(view);
        }
        let count = events.len();
        tracing::info!(%instance, changes = count, "publishing the changes made while no gateway watched");
        for chunk in events.chunks(BATCH) {
            if !self.append(chunk.to_vec(), true).await {
                return None;
            }
        }
        ::metrics::counter!(metrics::DIFFERENCES_PUBLISHED).increment(count as u64);
        Some(view)
    }

    /// Raises the log's fence to this lead's token, retrying until shutdown; `false` when
    /// the log holds a newer token (another replica leads) or at shutdown.
    async fn raise_fence(&mut self) -> bool {
        let log = Arc::clone(self.publisher.log());
        let token = self.token;
        let mut delay = Duration::from_millis(50);
        loop {
            match log.fence(token).await {
                Ok(()) => return true,
                Err(e @ EventError::Fenced { .. }) => {
                    self.deposed(&e);
                    return false;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "raising the event log's fence failed; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = self.shutdown.cancelled() => return false,
                    }
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
            }
        }
    }

    /// A newer leader fenced this one off: stop publishing until the election says this
    /// replica leads again (the new leader publishes the differences).
    fn deposed(&mut self, e: &EventError) {
        ::metrics::counter!(metrics::EVENTS_FENCED).increment(1);
        tracing::warn!(error = %e, "another replica leads: this one's append was refused; no longer publishing");
        self.published = None;
    }

    /// Appends with this lead's fencing token, retrying until shutdown when `retry`; whether
    /// the events are in the log.
    async fn append(&mut self, events: Vec<Event>, retry: bool) -> bool {
        if retry {
            return match self
                .publisher
                .publish_fenced_retrying(events, self.token, &self.shutdown)
                .await
            {
                Appended::Yes => true,
                Appended::Stopped => false,
                Appended::Fenced(e) => {
                    self.deposed(&e);
                    false
                }
            };
        }
        let count = events.len();
        match self.publisher.publish_fenced(events, self.token).await {
            Ok(_) => true,
            Err(e @ EventError::Fenced { .. }) => {
                self.deposed(&e);
                false
            }
            Err(e) => {
                tracing::error!(error = %e, events = count, "changes made before shutdown were not published");
                false
            }
        }
    }

    /// Changes after the view: applied to it and, while leading, published where they differ
    /// from what the stream last said (the backend's prior is that state: the view and the
    /// stream agree since the last diff).
    async fn take_changes(&mut self, batch: Vec<InventoryChange>, retry: bool) {
        let mut events = Vec::new();
        let mut durable = Vec::new();
        // Within a batch, what the events so far say.
        let mut told: HashMap<Key, Option<Digest>> = HashMap::new();
        for mut change in batch {
            durable.extend(change.durable.take());
            let instance = self.instance(&change.instance).to_owned();
            let post = change.post.as_ref().map(Object::to_json);
            let prior = change.prior.as_ref().map(Object::to_json);
            let Some(state) = post.as_ref().or(prior.as_ref()) else {
                continue;
            };
            let key = key_of(&instance, change.kind, &change.id, state);
            if let Some(published) = &self.published {
                let last = match told.get(&key) {
                    Some(last) => *last,
                    None => published.get(&key).copied(),
                };
                let next = post.as_ref().map(digest);
                if next != last {
                    // Told as it exists: the prior is its last state; never told: a creation.
                    let prior = last.and(prior);
                    events.push(self.event(
                        &instance,
                        change.kind,
                        &change.id,
                        prior,
                        post.clone(),
                    ));
                    told.insert(key.clone(), next);
                }
            }
            match change.post {
                Some(object) => {
                    self.seq += 1;
                    self.view.insert(
                        key,
                        Entry {
                            object,
                            seq: self.seq,
                        },
                    );
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
        if events.is_empty() || self.append(events, retry).await {
            if let Some(published) = self.published.as_mut() {
                for (key, digest) in told {
                    match digest {
                        Some(d) => published.insert(key, d),
                        None => published.remove(&key),
                    };
                }
            }
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
