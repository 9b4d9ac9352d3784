//! Writing a request with its events: the change and the events it owes go to the store in one
//! compare-and-swap, then the events to the stream. A failed append leaves them in the outbox,
//! appended by the executor's next pass: a change is never stored without its event.

use std::sync::Arc;

use crate::{
    events::{EventError, Publisher},
    store::{ProvisioningStoreRef, StoreError},
};

use crate::provisioning::ProvisioningRequest;

#[derive(Clone)]
pub struct Writer {
    store: ProvisioningStoreRef,
    publisher: Option<Arc<Publisher>>,
}

impl Writer {
    pub fn new(store: ProvisioningStoreRef, publisher: Option<Arc<Publisher>>) -> Writer {
        Writer { store, publisher }
    }

    pub fn store(&self) -> &ProvisioningStoreRef {
        &self.store
    }

    /// Stores `request` (its outbox holding the change's events) if the stored revision is
    /// still `expected`, then appends the outbox; the stored request, or `None` when another
    /// writer came first.
    pub async fn write(
        &self,
        mut request: ProvisioningRequest,
        expected: u64,
    ) -> Result<Option<ProvisioningRequest>, StoreError> {
        if self.publisher.is_none() {
            request.unpublished.clear();
        }
        request.revision = expected + 1;
        if !self.store.swap_request(&request, expected).await? {
            return Ok(None);
        }
        if !request.unpublished.is_empty() || request.gone {
            match self.flush(&request).await {
                Ok(Some(flushed)) => request = flushed,
                Ok(None) => {}
                Err(e) => {
                    tracing::warn!(provisioning_request_id = %request.id(), error = %e, "provisioning change stored; its event is appended later")
                }
            }
        }
        Ok(Some(request))
    }

    /// Appends a request's outbox to the stream, then empties it — or, for a deleted request,
    /// removes it; the request as then stored (`None` when it changed meanwhile or is gone).
    pub async fn flush(
        &self,
        request: &ProvisioningRequest,
    ) -> Result<Option<ProvisioningRequest>, FlushError> {
        if let (Some(publisher), false) = (&self.publisher, request.unpublished.is_empty()) {
            publisher.publish(request.unpublished.clone()).await?;
        }
        if request.gone {
            self.store
                .remove_request(request.id(), request.revision)
                .await?;
            return Ok(None);
        }
        let mut done = request.clone();
        done.unpublished.clear();
        done.revision += 1;
        let swapped = self.store.swap_request(&done, request.revision).await?;
        Ok(swapped.then_some(done))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FlushError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Events(#[from] EventError),
}
