//! Watch: the event stream followed for as long as the caller reads it.
//!
//! The cursor advances with every event and heartbeat. A cut-off (RESOURCE_EXHAUSTED) resumes
//! from the cursor in the `x-netweave-resume-cursor` trailer; a dropped connection or a
//! server that went away (UNAVAILABLE, UNKNOWN, a stream that just ends) reconnects with
//! backoff from the last cursor, so no event is lost or repeated. OUT_OF_RANGE (the cursor
//! is older than the server retains) ends the stream with [`WatchError::ResyncRequired`].

use std::{
    pin::Pin,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    task::{Context, Poll},
};

use futures::{stream, Stream};
use tonic::{Code, Status, Streaming};

use crate::{
    proto::events::v1::{watch_response::Item, Event, WatchRequest, WatchResponse},
    Client,
};

/// Trailer naming the cursor to resume from.
pub const RESUME_CURSOR: &str = "x-netweave-resume-cursor";

/// Consecutive failed reconnections after which the watch gives up with the last status.
const MAX_FAILED_RECONNECTS: u32 = 20;

/// Which events to follow.
#[derive(Clone, Debug, Default)]
pub struct WatchSelector {
    /// Glob over event types (`o2ims.Resource.*`); empty: all.
    pub type_pattern: String,
    /// O-RAN filter over the event and the changed object; empty: all.
    pub filter: String,
}

impl WatchSelector {
    pub fn types(pattern: impl Into<String>) -> WatchSelector {
        WatchSelector {
            type_pattern: pattern.into(),
            ..WatchSelector::default()
        }
    }
}

/// Why a watch ended.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The cursor is older than the server retains: list afresh, then watch from `latest`.
    #[error("resync required: cursor {requested} is no longer retained; list afresh, then watch from cursor {latest}")]
    ResyncRequired { requested: u64, latest: u64 },
    #[error(transparent)]
    Status(#[from] Status),
}

/// A followed event stream; [`Watch::cursor`] is the cursor to persist and resume from.
pub struct Watch {
    inner: Pin<Box<dyn Stream<Item = Result<Event, WatchError>> + Send>>,
    cursor: Arc<AtomicU64>,
    resumes: Arc<AtomicU64>,
}

struct State {
    client: Client,
    selector: WatchSelector,
    cursor: Arc<AtomicU64>,
    resumes: Arc<AtomicU64>,
    stream: Option<Streaming<WatchResponse>>,
    failures: u32,
    done: bool,
}

fn trailer_cursor(status: &Status) -> Option<u64> {
    status
        .metadata()
        .get(RESUME_CURSOR)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// A status after which the same watch can simply be opened again.
fn reconnectable(code: Code) -> bool {
    matches!(
        code,
        Code::Unavailable | Code::Unknown | Code::Cancelled | Code::Aborted | Code::Internal
    )
}

impl State {
    async fn open(&mut self) -> Result<Streaming<WatchResponse>, Status> {
        let request = WatchRequest {
            type_pattern: self.selector.type_pattern.clone(),
            filter: self.selector.filter.clone(),
            resume_cursor: self.cursor.load(Ordering::SeqCst),
        };
        // No deadline: a watch lasts as long as it is read.
        let response = self.client.events().watch(request).await?;
        Ok(response.into_inner())
    }

    async fn backoff(&mut self, status: Status) -> Result<(), Status> {
        self.failures += 1;
        if self.failures > MAX_FAILED_RECONNECTS {
            return Err(status);
        }
        let delay = self.client.retry.delay(self.failures - 1);
        tokio::time::sleep(delay.max(std::time::Duration::from_millis(50))).await;
        Ok(())
    }

    /// The next event, or why the watch ended.
    async fn next(&mut self) -> Option<Result<Event, WatchError>> {
        loop {
            if self.done {
                return None;
            }
            let stream = match self.stream.as_mut() {
                Some(s) => s,
                None => match self.open().await {
                    Ok(s) => self.stream.insert(s),
                    Err(status) => {
                        if let Some(end) = self.ended(status).await {
                            return Some(Err(end));
                        }
                        continue;
                    }
                },
            };
            match stream.message().await {
                Ok(Some(WatchResponse {
                    item: Some(Item::Event(event)),
                })) => {
                    self.failures = 0;
                    self.cursor.store(event.cursor, Ordering::SeqCst);
                    return Some(Ok(event));
                }
                Ok(Some(WatchResponse {
                    item: Some(Item::Heartbeat(h)),
                })) => {
                    self.failures = 0;
                    self.cursor.store(h.cursor, Ordering::SeqCst);
                }
                Ok(Some(WatchResponse { item: None })) => {}
                // The server closed the stream without a status (it is shutting down).
                Ok(None) => {
                    self.stream = None;
                    if let Err(status) = self.backoff(Status::unavailable("the stream ended")).await
                    {
                        self.done = true;
                        return Some(Err(status.into()));
                    }
                }
                Err(status) => {
                    self.stream = None;
                    if let Some(end) = self.ended(status).await {
                        return Some(Err(end));
                    }
                }
            }
        }
    }

    /// Handles a status: `None` to go on (resume or reconnect), or the error that ends it.
    async fn ended(&mut self, status: Status) -> Option<WatchError> {
        let resume = trailer_cursor(&status);
        match (status.code(), resume) {
            (Code::ResourceExhausted, Some(cursor)) => {
                self.cursor.store(cursor, Ordering::SeqCst);
                self.resumes.fetch_add(1, Ordering::SeqCst);
                None
            }
            (Code::OutOfRange, latest) => {
                self.done = true;
                Some(WatchError::ResyncRequired {
                    requested: self.cursor.load(Ordering::SeqCst),
                    latest: latest.unwrap_or_default(),
                })
            }
            (code, _) if reconnectable(code) => match self.backoff(status).await {
                Ok(()) => {
                    self.resumes.fetch_add(1, Ordering::SeqCst);
                    None
                }
                Err(status) => {
                    self.done = true;
                    Some(status.into())
                }
            },
            _ => {
                self.done = true;
                Some(status.into())
            }
        }
    }
}

impl Watch {
    pub(crate) fn start(client: Client, selector: WatchSelector, cursor: u64) -> Watch {
        let cursor = Arc::new(AtomicU64::new(cursor));
        let resumes = Arc::new(AtomicU64::new(0));
        let state = State {
            client,
            selector,
            cursor: Arc::clone(&cursor),
            resumes: Arc::clone(&resumes),
            stream: None,
            failures: 0,
            done: false,
        };
        let inner = stream::unfold(state, |mut state| async move {
            let item = state.next().await?;
            Some((item, state))
        });
        Watch {
            inner: Box::pin(inner),
            cursor,
            resumes,
        }
    }

    /// The cursor of the last event or heartbeat received: persist it, and pass it to
    /// [`Client::watch`] to go on from there.
    pub fn cursor(&self) -> u64 {
        self.cursor.load(Ordering::SeqCst)
    }

    /// How many times the watch resumed (after a cut-off or a dropped connection).
    pub fn resumes(&self) -> u64 {
        self.resumes.load(Ordering::SeqCst)
    }
}

impl Stream for Watch {
    type Item = Result<Event, WatchError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}
