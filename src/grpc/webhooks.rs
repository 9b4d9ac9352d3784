//! gRPC adapter of the webhook dead-letter queue.

use tonic::{Request, Response, Status};

use crate::{
    proto::webhooks::v1::{self as pb, webhook_service_server::WebhookService as WebhookRpc},
    service::WebhookService,
    webhook::DeadLetter,
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
        }
    }
}

#[tonic::async_trait]
impl WebhookRpc for WebhookGrpc {
    async fn list_dead_letters(
        &self,
        r: Request<pb::ListDeadLettersRequest>,
    ) -> Result<Response<pb::ListDeadLettersResponse>, Status> {
        let r = r.into_inner();
        let limit = (r.limit > 0).then_some(r.limit as usize);
        let letters = self.0.dead_letters(r.after, limit).await?;
        Ok(Response::new(pb::ListDeadLettersResponse {
            dead_letters: letters.iter().map(Into::into).collect(),
        }))
    }

    async fn replay_dead_letter(
        &self,
        r: Request<pb::ReplayDeadLetterRequest>,
    ) -> Result<Response<pb::ReplayDeadLetterResponse>, Status> {
        self.0.replay(r.into_inner().id).await?;
        Ok(Response::new(pb::ReplayDeadLetterResponse {}))
    }
}
