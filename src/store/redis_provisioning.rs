//! Provisioning requests in Redis (key layout in `keys.rs`): the JSON in one hash, the
//! revisions in another, swapped together by the alarms' compare-and-swap script.

use async_trait::async_trait;
use redis::AsyncCommands as _;

use super::{
    embedded::decode,
    provisioning::ProvisioningStore,
    redis::{map_err, RedisStore},
    StoreError,
};
use crate::provisioning::ProvisioningRequest;

#[async_trait]
impl ProvisioningStore for RedisStore {
    async fn get_request(&self, id: &str) -> Result<Option<ProvisioningRequest>, StoreError> {
        let mut conn = self.link.conn();
        let found: Option<Vec<u8>> = conn
            .hget(self.keys.provisioning_requests().0, id)
            .await
            .map_err(map_err)?;
        found.map(|j| decode(&j)).transpose()
    }

    async fn list_requests(&self) -> Result<Vec<ProvisioningRequest>, StoreError> {
        let mut conn = self.link.conn();
        let all: Vec<Vec<u8>> = conn
            .hvals(self.keys.provisioning_requests().0)
            .await
            .map_err(map_err)?;
        all.iter().map(|j| decode(j)).collect()
    }

    async fn swap_request(
        &self,
        request: &ProvisioningRequest,
        expected: u64,
    ) -> Result<bool, StoreError> {
        let body = serde_json::to_vec(request).map_err(|e| StoreError::Internal(e.to_string()))?;
        self.swap_field(
            self.keys.provisioning_requests(),
            request.id(),
            expected,
            Some((request.revision, body)),
        )
        .await
    }

    async fn remove_request(&self, id: &str, expected: u64) -> Result<bool, StoreError> {
        self.swap_field(self.keys.provisioning_requests(), id, expected, None)
            .await
    }
}
