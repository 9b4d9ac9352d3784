//! gRPC adapter of the webhook dead-letter queue.

use tonic::{Request, Response, Status};

use super::scope;

use crate::{
    proto::webhooks::v1::{self as pb, webhook_service_server::WebhookService as WebhookRpc},
    service::WebhookService,
    webhook::{DeadLetter, DeliveryState, DeliveryStatus},
};

pub struct WebhookGrpc(pub WebhookService);

impl From<&DeadLetter> for pb::DeadLetter {
    fn from(d: &DeadLetter) -> Self {
        pb::DeadLetter {
            id: d.id,
            subscription_id: d.delivery.subscription_id.clone(),
            notification_id: d.delivery.notification_id.clone(),
            event: Some(d.delivery.event.as_ref().into()),
            attempts: d.delivery.attempts,
            error: d.error.clone(),
            dead_lettered_at: d.dead_lettered_at.clone(),
            tenant: d.delivery.tenant.clone().unwrap_or_default(),
        }
    }
}

impl From<&DeliveryStatus> for pb::DeliveryStatus {
    fn from(d: &DeliveryStatus) -> Self {
        pb::DeliveryStatus {
            notification_id: d.notification_id.clone(),
            subscription_id: d.subscription_id.clone(),
            event_cursor: d.event_cursor,
            event_type: d.event_type.clone(),
            object_ref: d.object_ref.clone(),
            state: match d.state {
                DeliveryState::Pending => pb::DeliveryState::Pending,
                DeliveryState::InFlight => pb::DeliveryState::InFlight,
                DeliveryState::Failed => pb::DeliveryState::Failed,
            } as i32,
            attempts: d.attempts,
            last_error: d.last_error.clone().unwrap_or_default(),
            next_attempt_at: Some(prost_types::Timestamp {
                seconds: (d.next_attempt_ms / 1000) as i64,
                nanos: ((d.next_attempt_ms % 1000) * 1_000_000) as i32,
            }),
            tenant: d.tenant.clone().unwrap_or_default(),
        }
    }
}

#[tonic::async_trait]
impl WebhookRpc for WebhookGrpc {
    async fn list_deliveries(
        &self,
        r: Request<pb::ListDeliveriesRequest>,
    ) -> Result<Response<pb::ListDeliveriesResponse>, Status> {
        let scope = scope(&r);
        let deliveries = self
            .0
            .deliveries(scope.as_deref(), &r.into_inner().subscription_id)
            .await?;
        Ok(Response::new(pb::ListDeliveriesResponse {
            deliveries: deliveries.iter().map(Into::into).collect(),
        }))
    }

    async fn list_dead_letters(
        &self,
        r: Request<pb::ListDeadLettersRequest>,
    ) -> Result<Response<pb::ListDeadLettersResponse>, Status> {
        let scope = scope(&r);
        let r = r.into_inner();
        let limit = (r.limit > 0).then_some(r.limit as usize);
        let letters = self
            .0
            .dead_letters(scope.as_deref(), r.after, limit)
            .await?;
        Ok(Response::new(pb::ListDeadLettersResponse {
            dead_letters: letters.iter().map(Into::into).collect(),
        }))
    }

    async fn replay_dead_letter(
        &self,
        r: Request<pb::ReplayDeadLetterRequest>,
    ) -> Result<Response<pb::ReplayDeadLetterResponse>, Status> {
        let scope = scope(&r);
        self.0.replay(scope.as_deref(), r.into_inner().id).await?;
        Ok(Response::new(pb::ReplayDeadLetterResponse {}))
    }
}
