//! The webhook dead-letter queue: list what could not be delivered, and replay it. A caller
//! confined to a tenant sees its own tenant's deliveries only: a delivery and its dead letter
//! carry their subscription's tenant, so a dead letter stays its tenant's after the
//! subscription is deleted.

use std::collections::HashMap;

use super::subscriptions::visible;
use crate::{
    error::{ApiError, ApiResult, ErrorCode},
    store::StoreRef,
    webhook::{
        queue::{Delivery, QueueError},
        DeadLetter, DeliveryQueueRef, DeliveryStatus,
    },
};

#[derive(Clone)]
pub struct WebhookService {
    queue: DeliveryQueueRef,
    /// Who owns each subscription, for callers confined to a tenant.
    subscriptions: StoreRef,
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
    pub fn new(queue: DeliveryQueueRef, subscriptions: StoreRef, max_page_size: usize) -> Self {
        WebhookService {
            queue,
            subscriptions,
            max_page_size,
        }
    }

    /// Whether the caller confined to `scope` sees deliveries of subscription `id`: its
    /// tenant's existing subscriptions only (a dead letter of a deleted subscription is the
    /// platform's to see).
    async fn owns(
        &self,
        scope: Option<&str>,
        id: &str,
        known: &mut HashMap<String, bool>,
    ) -> ApiResult<bool> {
        if scope.is_none() {
            return Ok(true);
        }
        if let Some(seen) = known.get(id) {
            return Ok(*seen);
        }
        let owner = self.subscriptions.get(id).await?;
        let mine = owner.is_some_and(|s| visible(scope, s.tenant.as_deref()));
        known.insert(id.to_owned(), mine);
        Ok(mine)
    }

    /// Whether the caller confined to `scope` sees a delivery record: by the tenant the record
    /// carries; a record written before deliveries carried their tenant asks its subscription.
    async fn sees(
        &self,
        scope: Option<&str>,
        delivery: &Delivery,
        known: &mut HashMap<String, bool>,
    ) -> ApiResult<bool> {
        match (scope, &delivery.tenant) {
            (None, _) => Ok(true),
            (Some(_), Some(tenant)) => Ok(visible(scope, Some(tenant))),
            (Some(_), None) => self.owns(scope, &delivery.subscription_id, known).await,
        }
    }

    /// Dead letters with an id above `after`, oldest first; a confined caller's only.
    pub async fn dead_letters(
        &self,
        scope: Option<&str>,
        after: u64,
        limit: Option<usize>,
    ) -> ApiResult<Vec<DeadLetter>> {
        let limit = match limit {
            Some(0) => return Err(ApiError::invalid("limit must be at least 1")),
            Some(n) => n.min(self.max_page_size),
            None => 100,
        };
        let mut known = HashMap::new();
        let mut out = Vec::new();
        let mut after = after;
        loop {
            let batch = self
                .queue
                .dead_letters(after, limit)
                .await
                .map_err(unavailable)?;
            let Some(last) = batch.last().map(|d| d.id) else {
                return Ok(out);
            };
            let full = batch.len() == limit;
            for letter in batch {
                if self.sees(scope, &letter.delivery, &mut known).await? {
                    out.push(letter);
                    if out.len() == limit {
                        return Ok(out);
                    }
                }
            }
            if !full {
                return Ok(out);
            }
            after = last;
        }
    }

    /// The unfinished deliveries of a subscription: pending, in flight, or failed and waiting;
    /// a confined caller's by the tenant each record carries (a record written before records
    /// carried it asks the subscription). None of the caller's and no subscription of its own:
    /// 404, as for an absent subscription.
    pub async fn deliveries(
        &self,
        scope: Option<&str>,
        subscription_id: &str,
    ) -> ApiResult<Vec<DeliveryStatus>> {
        crate::service::require_uuid("subscriptionId", subscription_id)?;
        let all = self
            .queue
            .deliveries(subscription_id)
            .await
            .map_err(unavailable)?;
        if scope.is_none() {
            return Ok(all);
        }
        let mut known = HashMap::new();
        let mut mine = Vec::with_capacity(all.len());
        for status in all {
            let sees = match &status.tenant {
                Some(tenant) => visible(scope, Some(tenant)),
                None => self.owns(scope, subscription_id, &mut known).await?,
            };
            if sees {
                mine.push(status);
            }
        }
        if mine.is_empty() && !self.owns(scope, subscription_id, &mut known).await? {
            return Err(ApiError::not_found("subscription", subscription_id));
        }
        Ok(mine)
    }

    /// Sends a dead letter again, from its first attempt.
    pub async fn replay(&self, scope: Option<&str>, id: u64) -> ApiResult<()> {
        if scope.is_some() {
            let letter = self
                .queue
                .dead_letters(id.saturating_sub(1), 1)
                .await
                .map_err(unavailable)?
                .into_iter()
                .find(|d| d.id == id);
            let mine = match letter {
                Some(d) => self.sees(scope, &d.delivery, &mut HashMap::new()).await?,
                None => false,
            };
            if !mine {
                return Err(ApiError::not_found("dead letter", &id.to_string()));
            }
        }
        if self.queue.replay(id).await.map_err(unavailable)? {
            tracing::info!(dead_letter = id, "dead letter replayed");
            return Ok(());
        }
        Err(ApiError::not_found("dead letter", &id.to_string()))
    }
}
