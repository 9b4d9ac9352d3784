//! gRPC adapter of the subscription service.

use tonic::{Request, Response, Status};

use super::{list_params, project, scope};
use crate::{
    proto::o2ims::v1::{
        self as pb, subscription_service_server::SubscriptionService as SubscriptionRpc,
    },
    service::SubscriptionService,
};

pub struct SubscriptionGrpc(pub SubscriptionService);

type R<T> = Result<Response<T>, Status>;

#[tonic::async_trait]
impl SubscriptionRpc for SubscriptionGrpc {
    async fn create_subscription(
        &self,
        r: Request<pb::CreateSubscriptionRequest>,
    ) -> R<pb::CreateSubscriptionResponse> {
        let scope = scope(&r);
        let input = r.into_inner().subscription.unwrap_or_default();
        let created = self.0.create(scope.as_deref(), input.into()).await?;
        Ok(Response::new(pb::CreateSubscriptionResponse {
            subscription: Some((&created).into()),
        }))
    }

    async fn get_subscription(
        &self,
        r: Request<pb::GetSubscriptionRequest>,
    ) -> R<pb::GetSubscriptionResponse> {
        let scope = scope(&r);
        let found = self
            .0
            .get(scope.as_deref(), &r.into_inner().subscription_id)
            .await?;
        Ok(Response::new(pb::GetSubscriptionResponse {
            subscription: Some((&found).into()),
        }))
    }

    async fn list_subscriptions(
        &self,
        r: Request<pb::ListSubscriptionsRequest>,
    ) -> R<pb::ListSubscriptionsResponse> {
        let scope = scope(&r);
        let params = list_params(r.into_inner().options);
        let listed = self.0.list(scope.as_deref(), &params).await?;
        Ok(Response::new(pb::ListSubscriptionsResponse {
            subscriptions: listed
                .items
                .iter()
                .map(|s| project(s, &listed.projection))
                .collect(),
            next_page_token: listed.next_page_token.unwrap_or_default(),
        }))
    }

    async fn delete_subscription(
        &self,
        r: Request<pb::DeleteSubscriptionRequest>,
    ) -> R<pb::DeleteSubscriptionResponse> {
        let scope = scope(&r);
        self.0
            .delete(scope.as_deref(), &r.into_inner().subscription_id)
            .await?;
        Ok(Response::new(pb::DeleteSubscriptionResponse {}))
    }
}
