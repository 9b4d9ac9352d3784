//! The event log on NATS JetStream: one file-backed stream per prefix, bounded by count and
//! age. The JetStream sequence is the cursor; `Nats-Msg-Id` is the event id, so a publish
//! retried after a lost acknowledgement is not stored twice.
//!
//! The published state ([`super::published`]) lives in a KV bucket beside the stream. JetStream
//! cannot write both at once, so the bucket is written after the stream and records the cursor
//! it reflects; loading it replays the stream's events after that cursor, which makes it exact
//! whatever a crash interrupted.
//!
//! Fencing: the elected publisher's events go to the stream's `….leader` subject, each carrying
//! its lead's token (`Netweave-Token`) and `Nats-Expected-Last-Subject-Sequence`, the sequence
//! of the last message this publisher put there. A new leader first puts a fence marker there
//! (no event; readers skip it) under the same condition, so the deposed leader's next append
//! expects a sequence that is no longer the last and JetStream refuses it: compare and append in
//! one step, as the Redis script does.

use std::{sync::Arc, time::Duration};

use async_nats::jetstream::{
    self, kv,
    stream::{Config, DiscardPolicy, StorageType, Stream},
};
use async_trait::async_trait;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use futures::{StreamExt, TryStreamExt};

use super::{
    log::{Bounds, EventError, EventLog},
    model::{now_rfc3339, Cursor, Event},
    published::{self, Published},
};

pub struct NatsLog {
    context: jetstream::Context,
    stream: Stream,
    subject: String,
    /// Where the elected publisher appends (see the module's header).
    leader_subject: String,
    /// This process's lead on `leader_subject`: its token and the sequence it last put there.
    lead: tokio::sync::Mutex<Option<(u64, u64)>>,
    state: kv::Store,
}

/// The lead's token on each message of the leader subject.
const TOKEN: &str = "Netweave-Token";
/// Set on a fence marker (which is not an event).
const FENCE: &str = "Netweave-Fence";
const EXPECTED_LAST: &str = "Nats-Expected-Last-Subject-Sequence";

fn token_of(headers: &async_nats::HeaderMap) -> u64 {
    headers
        .get(TOKEN)
        .and_then(|v| v.as_str().parse().ok())
        .unwrap_or(0)
}

/// The KV key holding the cursor the bucket reflects.
const CURSOR_KEY: &str = "cursor";

/// KV keys allow few characters: a record's field and an instance are base64url-encoded.
fn record_key(field: &str) -> String {
    format!("o.{}", URL_SAFE_NO_PAD.encode(field))
}

fn baseline_key(instance: &str) -> String {
    format!("b.{}", URL_SAFE_NO_PAD.encode(instance))
}

fn decoded(encoded: &str) -> Result<String, EventError> {
    URL_SAFE_NO_PAD
        .decode(encoded)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(|| EventError::Corrupt(format!("published-state key '{encoded}'")))
}

fn unavailable(e: impl std::fmt::Display) -> EventError {
    EventError::Unavailable(e.to_string())
}

/// Stream names allow neither dots nor wildcards: keep letters, digits, `-` and `_`.
fn stream_name(prefix: &str) -> String {
    let clean: String = prefix
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{clean}_events")
}

impl NatsLog {
    pub async fn connect(
        url: &str,
        prefix: &str,
        max_events: u64,
        max_age: Duration,
    ) -> Result<NatsLog, EventError> {
        let client = async_nats::connect(url).await.map_err(unavailable)?;
        let context = jetstream::new(client);
        let name = stream_name(prefix);
        let subject = format!("netweave.{name}");
        let leader_subject = format!("{subject}.leader");
        let mut stream = context
            .get_or_create_stream(Config {
                name: name.clone(),
                subjects: vec![subject.clone(), leader_subject.clone()],
                max_messages: i64::try_from(max_events).unwrap_or(i64::MAX),
                max_age,
                discard: DiscardPolicy::Old,
                storage: StorageType::File,
                duplicate_window: Duration::from_secs(120),
                ..Default::default()
            })
            .await
            .map_err(unavailable)?;
        // A stream made before fencing lacks the leader subject.
        let mut config = stream.info().await.map_err(unavailable)?.config.clone();
        if !config.subjects.contains(&leader_subject) {
            config.subjects.push(leader_subject.clone());
            context.update_stream(config).await.map_err(unavailable)?;
        }
        // The bucket's stream made as `create_key_value` would, without its account query
        // (which servers before 2.10 answer in a form the client does not parse).
        let bucket = format!("{name}_published");
        context
            .get_or_create_stream(Config {
                name: format!("KV_{bucket}"),
                subjects: vec![format!("$KV.{bucket}.>")],
                max_messages_per_subject: 1,
                storage: StorageType::File,
                allow_rollup: true,
                deny_delete: true,
                allow_direct: true,
                discard: DiscardPolicy::New,
                ..Default::default()
            })
            .await
            .map_err(unavailable)?;
        let state = context.get_key_value(&bucket).await.map_err(unavailable)?;
        Ok(NatsLog {
            context,
            stream,
            subject,
            leader_subject,
            lead: tokio::sync::Mutex::new(None),
            state,
        })
    }

    /// The last message on the leader subject: (its sequence, its lead's token); (0, 0) when
    /// there is none.
    async fn last_on_leader_subject(&self) -> Result<(u64, u64), EventError> {
        match self
            .stream
            .get_last_raw_message_by_subject(&self.leader_subject)
            .await
        {
            Ok(m) => Ok((m.sequence, token_of(&m.headers))),
            Err(e) if e.kind() == jetstream::stream::LastRawMessageErrorKind::NoMessageFound => {
                Ok((0, 0))
            }
            Err(e) => Err(unavailable(e)),
        }
    }

    /// Puts a message on the leader subject if its last sequence is still `expected`: its
    /// sequence, or `None` when another message came first.
    async fn put_if_last(
        &self,
        expected: u64,
        token: u64,
        mut headers: async_nats::HeaderMap,
        body: Vec<u8>,
    ) -> Result<Option<u64>, EventError> {
        headers.insert(TOKEN, token.to_string().as_str());
        headers.insert(EXPECTED_LAST, expected.to_string().as_str());
        let ack = self
            .context
            .publish_with_headers(self.leader_subject.clone(), headers, body.into())
            .await
            .map_err(unavailable)?;
        match ack.await {
            Ok(ack) => Ok(Some(ack.sequence)),
            Err(e) if e.kind() == jetstream::context::PublishErrorKind::WrongLastSequence => {
                Ok(None)
            }
            Err(e) => Err(unavailable(e)),
        }
    }

    /// Puts a fence marker for `token` on the leader subject, unless a newer token is there.
    async fn raise(&self, token: u64) -> Result<u64, EventError> {
        loop {
            let (last, holder) = self.last_on_leader_subject().await?;
            if holder > token {
                return Err(EventError::Fenced {
                    token,
                    fence: holder,
                });
            }
            let mut headers = async_nats::HeaderMap::new();
            headers.insert(FENCE, "1");
            if let Some(seq) = self.put_if_last(last, token, headers, Vec::new()).await? {
                return Ok(seq);
            }
        }
    }

    /// Writes what `events` did to the published state, then the cursor they reach.
    async fn update_state(&self, events: &[Event]) -> Result<(), EventError> {
        for event in events {
            match published::update_of(event) {
                (field, Some(record)) => {
                    self.state
                        .put(record_key(&field), published::encode(&record).into())
                        .await
                        .map_err(unavailable)?;
                }
                (field, None) => {
                    self.state
                        .delete(record_key(&field))
                        .await
                        .map_err(unavailable)?;
                }
            }
        }
        if let Some(last) = events.last() {
            self.state
                .put(CURSOR_KEY, last.cursor.to_string().into())
                .await
                .map_err(unavailable)?;
        }
        Ok(())
    }
}

#[async_trait]
impl EventLog for NatsLog {
    fn name(&self) -> &'static str {
        "nats"
    }

    async fn append(&self, mut events: Vec<Event>) -> Result<Vec<Event>, EventError> {
        let published = now_rfc3339();
        let mut acks = Vec::with_capacity(events.len());
        // Published on one connection, so JetStream stores them in this order.
        for event in &mut events {
            event.published_at = published.clone();
            let body =
                serde_json::to_vec(event).map_err(|e| EventError::Internal(e.to_string()))?;
            let mut headers = async_nats::HeaderMap::new();
            headers.insert("Nats-Msg-Id", event.event_id.as_str());
            acks.push(
                self.context
                    .publish_with_headers(self.subject.clone(), headers, body.into())
                    .await
                    .map_err(unavailable)?,
            );
        }
        for (event, ack) in events.iter_mut().zip(acks) {
            event.cursor = ack.await.map_err(unavailable)?.sequence;
        }
        // The events are durable; a state left behind is caught up when it is loaded.
        if let Err(e) = self.update_state(&events).await {
            tracing::warn!(error = %e, "updating the published state failed; it is caught up from the stream when loaded");
        }
        Ok(events)
    }

    async fn append_fenced(
        &self,
        mut events: Vec<Event>,
        token: u64,
    ) -> Result<Vec<Event>, EventError> {
        if token == 0 {
            return self.append(events).await;
        }
        let mut lead = self.lead.lock().await;
        let mut last = match *lead {
            Some((held, seq)) if held == token => seq,
            _ => self.raise(token).await?,
        };
        *lead = Some((token, last));
        let published = now_rfc3339();
        // One at a time: each is put only if the previous one is still the last.
        for event in &mut events {
            event.published_at = published.clone();
            let body =
                serde_json::to_vec(event).map_err(|e| EventError::Internal(e.to_string()))?;
            loop {
                let mut headers = async_nats::HeaderMap::new();
                headers.insert("Nats-Msg-Id", event.event_id.as_str());
                if let Some(seq) = self.put_if_last(last, token, headers, body.clone()).await? {
                    last = seq;
                    event.cursor = seq;
                    *lead = Some((token, last));
                    break;
                }
                // Another message came: a newer lead's marker refuses this one; our own (an
                // acknowledgement lost earlier) moves the expectation on.
                let (seq, holder) = self.last_on_leader_subject().await?;
                if holder > token {
                    *lead = None;
                    return Err(EventError::Fenced {
                        token,
                        fence: holder,
                    });
                }
                last = seq;
            }
        }
        if let Err(e) = self.update_state(&events).await {
            tracing::warn!(error = %e, "updating the published state failed; it is caught up from the stream when loaded");
        }
        Ok(events)
    }

    async fn fence(&self, token: u64) -> Result<(), EventError> {
        let mut lead = self.lead.lock().await;
        let seq = self.raise(token).await?;
        *lead = Some((token, seq));
        Ok(())
    }

    async fn read(&self, after: Cursor, max: usize) -> Result<Vec<Event>, EventError> {
        let bounds = self.bounds().await?;
        let mut out = Vec::new();
        let mut seq = (after + 1).max(bounds.first);
        while seq <= bounds.last && out.len() < max {
            match self.stream.get_raw_message(seq).await {
                // A fence marker is no event.
                Ok(message) if message.headers.get(FENCE).is_some() => {}
                Ok(message) => {
                    let mut event: Event = serde_json::from_slice(&message.payload)
                        .map_err(|e| EventError::Corrupt(e.to_string()))?;
                    event.cursor = message.sequence;
                    out.push(event);
                }
                // Removed by retention between the bounds and the read.
                Err(e) if e.kind() == jetstream::stream::RawMessageErrorKind::NoMessageFound => {}
                Err(e) => return Err(unavailable(e)),
            }
            seq += 1;
        }
        Ok(out)
    }

    async fn bounds(&self) -> Result<Bounds, EventError> {
        let mut stream = self.stream.clone();
        let state = stream.info().await.map_err(unavailable)?.state.clone();
        let first = if state.messages == 0 {
            state.last_sequence + 1
        } else {
            state.first_sequence
        };
        Ok(Bounds {
            first,
            last: state.last_sequence,
        })
    }

    async fn wait(&self, after: Cursor, timeout: Duration) -> Result<(), EventError> {
        let deadline = tokio::time::Instant::now() + timeout;
        while tokio::time::Instant::now() < deadline {
            if self.bounds().await?.last > after {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        Ok(())
    }

    async fn published(&self) -> Result<Published, EventError> {
        let keys: Vec<String> = self
            .state
            .keys()
            .await
            .map_err(unavailable)?
            .try_collect()
            .await
            .map_err(unavailable)?;
        let state = &self.state;
        let values: Vec<(String, Option<bytes::Bytes>)> = futures::stream::iter(keys)
            .map(|key| async move {
                let value = state.get(key.clone()).await.map_err(unavailable)?;
                Ok::<_, EventError>((key, value))
            })
            .buffer_unordered(64)
            .try_collect()
            .await?;
        let mut out = Published::default();
        let mut cursor: Cursor = 0;
        for (key, value) in values {
            let Some(value) = value else { continue };
            if key == CURSOR_KEY {
                cursor = String::from_utf8_lossy(&value).parse().unwrap_or(0);
            } else if let Some(field) = key.strip_prefix("o.") {
                out.insert_field(&decoded(field)?, published::decode(&value)?)?;
            } else if let Some(instance) = key.strip_prefix("b.") {
                out.instances.insert(decoded(instance)?);
            }
        }
        // Catch up with what the stream holds beyond the bucket.
        loop {
            let events = self.read(cursor, 1024).await?;
            let Some(last) = events.last() else { break };
            cursor = last.cursor;
            events.iter().for_each(|e| out.apply(e));
        }
        Ok(out)
    }

    async fn record_baseline(
        &self,
        instance: &str,
        records: Arc<[(String, Vec<u8>)]>,
    ) -> Result<bool, EventError> {
        let marker = baseline_key(instance);
        if self
            .state
            .get(marker.clone())
            .await
            .map_err(unavailable)?
            .is_some()
        {
            return Ok(false);
        }
        // Records first, the marker last: a crash in between leaves no baseline, not half of one.
        for (field, record) in records.iter() {
            self.state
                .put(record_key(field), record.clone().into())
                .await
                .map_err(unavailable)?;
        }
        match self.state.create(marker, "1".into()).await {
            Ok(_) => Ok(true),
            Err(e) if e.kind() == kv::CreateErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(unavailable(e)),
        }
    }
}
