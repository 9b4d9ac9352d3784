//! The event log on NATS JetStream: one file-backed stream per prefix, bounded by count and
//! age. The JetStream sequence is the cursor; `Nats-Msg-Id` is the event id, so a publish
//! retried after a lost acknowledgement is not stored twice.

use std::time::Duration;

use async_nats::jetstream::{
    self,
    stream::{Config, DiscardPolicy, StorageType, Stream},
};
use async_trait::async_trait;

use super::{
    log::{Bounds, EventError, EventLog},
    model::{now_rfc3339, Cursor, Event},
};

pub struct NatsLog {
    context: jetstream::Context,
    stream: Stream,
    subject: String,
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
        let stream = context
            .get_or_create_stream(Config {
                name: name.clone(),
                subjects: vec![subject.clone()],
                max_messages: i64::try_from(max_events).unwrap_or(i64::MAX),
                max_age,
                discard: DiscardPolicy::Old,
                storage: StorageType::File,
                duplicate_window: Duration::from_secs(120),
                ..Default::default()
            })
            .await
            .map_err(unavailable)?;
        Ok(NatsLog {
            context,
            stream,
            subject,
        })
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
        Ok(events)
    }

    async fn read(&self, after: Cursor, max: usize) -> Result<Vec<Event>, EventError> {
        let bounds = self.bounds().await?;
        let mut out = Vec::new();
        let mut seq = (after + 1).max(bounds.first);
        while seq <= bounds.last && out.len() < max {
            match self.stream.get_raw_message(seq).await {
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
}
