//! Watch streams (gRPC `Watch`, SSE): each holds a slot of its tenant's `maxWatchStreams`
//! while it is open, as a lease in the admin store (`store/leases.rs`) so that every replica
//! on one Redis counts the same streams. The lease is renewed while the stream lives and
//! released when it ends; a replica that dies leaves leases that run out after [`LEASE`].

use std::{
    pin::Pin,
    task::{Context, Poll},
    time::Duration,
};

use futures::Stream;
use tokio::sync::mpsc;

use super::subscriptions::check_quota;
use crate::{
    error::{ApiError, ApiResult},
    events::WatchItem,
    store::AdminStoreRef,
};

/// How long a stream's slot outlives its last renewal.
pub const LEASE: Duration = Duration::from_secs(30);

/// A stream's items and the slot it holds.
pub struct Watch {
    items: mpsc::Receiver<WatchItem>,
    _slot: Option<Slot>,
}

impl Watch {
    pub fn new(items: mpsc::Receiver<WatchItem>, slot: Option<Slot>) -> Watch {
        Watch { items, _slot: slot }
    }
}

impl Stream for Watch {
    type Item = WatchItem;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<WatchItem>> {
        self.items.poll_recv(cx)
    }
}

/// One held slot; dropping it releases the slot.
pub struct Slot {
    store: AdminStoreRef,
    key: String,
    holder: String,
    renewal: tokio::task::JoinHandle<()>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.renewal.abort();
        let (store, key, holder) = (
            self.store.clone(),
            std::mem::take(&mut self.key),
            std::mem::take(&mut self.holder),
        );
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                if let Err(e) = store.drop_lease(&key, &holder).await {
                    tracing::warn!(error = %e, %key, "watch slot not released; it runs out by itself");
                }
            });
        }
    }
}

/// Takes a slot of `tenant`'s `max` streams; `None` when nothing limits it.
pub async fn take_slot(
    store: &AdminStoreRef,
    tenant: &str,
    max: Option<u32>,
) -> ApiResult<Option<Slot>> {
    let Some(limit) = max else { return Ok(None) };
    let key = format!("watch:{tenant}");
    let holder = uuid::Uuid::new_v4().to_string();
    let taken = store
        .take_lease(&key, &holder, limit, LEASE)
        .await
        .map_err(ApiError::from)?;
    if !taken {
        // The count is not known exactly (leases may be running out): report the limit.
        check_quota(tenant, "maxWatchStreams", limit as usize, Some(limit))?;
    }
    let renewal = tokio::spawn({
        let (store, key, holder) = (store.clone(), key.clone(), holder.clone());
        async move {
            loop {
                tokio::time::sleep(LEASE / 3).await;
                if let Err(e) = store.take_lease(&key, &holder, u32::MAX, LEASE).await {
                    tracing::warn!(error = %e, %key, "watch slot not renewed; retried");
                }
            }
        }
    });
    Ok(Some(Slot {
        store: store.clone(),
        key,
        holder,
        renewal,
    }))
}
