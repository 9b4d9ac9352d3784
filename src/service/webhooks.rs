//! The webhook dead-letter queue: list what could not be delivered, and replay it.

use crate::{
    error::{ApiError, ApiResult, ErrorCode},
    webhook::{queue::QueueError, DeadLetter, DeliveryQueueRef, DeliveryStatus},
};

#[derive(Clone)]
pub struct WebhookService {
    queue: DeliveryQueueRef,
    max_page_size: usize,
}

fn unavailable(e: QueueError) -> ApiError {
    ApiError {
        code: ErrorCode::Unavailable,
        message: "delivery queue unavailable".into(),
        source: Some(e.into()),
    }
}

impl WebhookService {
    pub fn new(queue: DeliveryQueueRef, max_page_size: usize) -> Self {
        WebhookService {
            queue,
            max_page_size,
        }
    }

    /// Dead letters with an id above `after`, oldest first.
    pub async fn dead_letters(
        &self,
        after: u64,
        limit: Option<usize>,
    ) -> ApiResult<Vec<DeadLetter>> {
        let limit = match limit {
            Some(0) => return Err(ApiError::invalid("limit must be at least 1")),
            Some(n) => n.min(self.max_page_size),
            None => 100,
        };
        self.queue
            .dead_letters(after, limit)
            .await
            .map_err(unavailable)
    }

    /// The unfinished deliveries of a subscription: pending, in flight, or failed and waiting.
    pub async fn deliveries(&self, subscription_id: &str) -> ApiResult<Vec<DeliveryStatus>> {
        crate::service::require_uuid("subscriptionId", subscription_id)?;
        self.queue
            .deliveries(subscription_id)
            .await
            .map_err(unavailable)
    }

    /// Sends a dead letter again, from its first attempt.
    pub async fn replay(&self, id: u64) -> ApiResult<()> {
        if self.queue.replay(id).await.map_err(unavailable)? {
            tracing::info!(dead_letter = id, "dead letter replayed");
            return Ok(());
        }
        Err(ApiError::not_found("dead letter", &id.to_string()))
    }
}
