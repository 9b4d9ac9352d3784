//! Provisioning request storage, in the same stores as subscriptions (the embedded database,
//! or Redis). Every write is a compare-and-swap on the stored revision: the API's replacement
//! racing the executor's progress never loses either; the loser reads again.

use std::sync::Arc;

use async_trait::async_trait;

use super::StoreError;
use crate::provisioning::ProvisioningRequest;

#[async_trait]
pub trait ProvisioningStore: Send + Sync + 'static {
    async fn get_request(&self, id: &str) -> Result<Option<ProvisioningRequest>, StoreError>;

    /// Every request, in no particular order.
    async fn list_requests(&self) -> Result<Vec<ProvisioningRequest>, StoreError>;

    /// The requests the executor has work with ([`ProvisioningRequest::pending_work`]), kept
    /// in an index beside the requests by every swap: a pass costs what is in flight, not
    /// what is stored.
    async fn list_active_requests(&self) -> Result<Vec<ProvisioningRequest>, StoreError>;

    /// Stores `request` if the stored one's revision is still `expected` (0: none is stored);
    /// `false` (nothing written) otherwise.
    async fn swap_request(
        &self,
        request: &ProvisioningRequest,
        expected: u64,
    ) -> Result<bool, StoreError>;

    /// Removes the request `id` if its revision is still `expected`.
    async fn remove_request(&self, id: &str, expected: u64) -> Result<bool, StoreError>;
}

pub type ProvisioningStoreRef = Arc<dyn ProvisioningStore>;
