//! VNF lifecycle subscriptions (SOL003 v3.3.1 `/vnflcm/v2/subscriptions`): stored with every
//! other subscription, so the webhook workers deliver their notifications like any other —
//! durable, retried, in order per VNF instance, dead-lettered. Creating one tests the
//! callback first, as SOL013 requires: a GET with the subscription's own authentication that
//! must answer 204, or nothing is stored. A tenant sees only its own.

use std::sync::Arc;

use serde::Deserialize;
use serde_json::Value;

use crate::{
    dms::notify::{subscription_shape, CallbackAuth, Filter},
    domain::objects::{LcmSubscription, Subscription},
    error::{ApiError, ApiResult, ErrorCode},
    security::outbound::TokenSource,
    service::{require_uuid, subscriptions::visible, SubscriptionService},
    webhook::sender::verify_lifecycle_callback,
};

/// `LccnSubscriptionRequest`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SubscriptionRequest {
    pub callback_uri: String,
    #[serde(default)]
    pub filter: Option<Value>,
    #[serde(default)]
    pub authentication: Option<Value>,
    #[serde(default)]
    pub verbosity: Option<String>,
}

#[derive(Clone)]
pub struct LcmSubscriptions {
    subscriptions: SubscriptionService,
    /// The outbound client callbacks are tested with (the webhook workers' TLS and address
    /// policy), and the server's OAuth client for subscriptions without their own.
    client: reqwest::Client,
    oauth: Option<Arc<TokenSource>>,
}

fn shape(s: &Subscription) -> Value {
    let lcm = s.lcm.as_deref().cloned().unwrap_or_default();
    subscription_shape(
        &s.subscription_id,
        &s.callback,
        lcm.filter.as_ref(),
        &lcm.verbosity,
    )
}

impl LcmSubscriptions {
    pub fn new(
        subscriptions: SubscriptionService,
        client: reqwest::Client,
        oauth: Option<Arc<TokenSource>>,
    ) -> Self {
        LcmSubscriptions {
            subscriptions,
            client,
            oauth,
        }
    }

    /// Checks the request, tests the callback, stores the subscription; its `LccnSubscription`.
    pub async fn create(&self, tenant: Option<&str>, r: SubscriptionRequest) -> ApiResult<Value> {
        if r.callback_uri.is_empty() {
            return Err(ApiError::invalid("callbackUri is required"));
        }
        if let Some(f) = &r.filter {
            Filter::parse(f).map_err(ApiError::invalid)?;
        }
        let auth = CallbackAuth::parse(r.authentication.as_ref()).map_err(ApiError::invalid)?;
        let verbosity = r.verbosity.unwrap_or_else(|| "FULL".into());
        if !matches!(verbosity.as_str(), "FULL" | "SHORT") {
            return Err(ApiError::invalid(format!(
                "verbosity '{verbosity}' is neither FULL nor SHORT"
            )));
        }
        self.subscriptions.within_quota(tenant).await?;
        self.subscriptions.check_callback(&r.callback_uri).await?;
        if let CallbackAuth::OAuth2 { token_endpoint, .. } = &auth {
            // Called by netweave like the callback: the same address policy.
            self.subscriptions
                .check_callback(token_endpoint)
                .await
                .map_err(|e| ApiError::invalid(format!("tokenEndpoint: {}", e.message)))?;
        }
        verify_lifecycle_callback(&self.client, self.oauth.as_deref(), &auth, &r.callback_uri)
            .await
            .map_err(|e| {
                ApiError::new(
                    ErrorCode::Unprocessable,
                    format!("the notification endpoint test failed: {e}"),
                )
            })?;
        let subscription = Subscription {
            subscription_id: uuid::Uuid::new_v4().to_string(),
            callback: r.callback_uri,
            lcm: Some(Box::new(LcmSubscription {
                filter: r.filter,
                verbosity,
                authentication: r.authentication,
            })),
            ..Default::default()
        };
        let stored = self
            .subscriptions
            .insert_checked(tenant, subscription)
            .await?;
        Ok(shape(&stored))
    }

    async fn all(&self, tenant: Option<&str>) -> ApiResult<Vec<Subscription>> {
        let mut all: Vec<Subscription> = self
            .subscriptions
            .store()
            .list()
            .await?
            .into_iter()
            .filter(|s| s.lcm.is_some() && visible(tenant, s.tenant.as_deref()))
            .collect();
        all.sort_by(|a, b| a.subscription_id.cmp(&b.subscription_id));
        Ok(all)
    }

    pub async fn list(&self, tenant: Option<&str>) -> ApiResult<Vec<Value>> {
        Ok(self.all(tenant).await?.iter().map(shape).collect())
    }

    async fn find(&self, tenant: Option<&str>, id: &str) -> ApiResult<Subscription> {
        let not_found = || {
            ApiError::new(
                ErrorCode::NotFound,
                format!("lifecycle subscription '{id}' does not exist"),
            )
        };
        if require_uuid("subscriptionId", id).is_err() {
            return Err(not_found());
        }
        self.subscriptions
            .store()
            .get(id)
            .await?
            .filter(|s| s.lcm.is_some() && visible(tenant, s.tenant.as_deref()))
            .ok_or_else(not_found)
    }

    pub async fn get(&self, tenant: Option<&str>, id: &str) -> ApiResult<Value> {
        Ok(shape(&self.find(tenant, id).await?))
    }

    /// Deletes the subscription: nothing more is sent to it (deliveries in flight end).
    pub async fn delete(&self, tenant: Option<&str>, id: &str) -> ApiResult<()> {
        self.find(tenant, id).await?;
        if !self.subscriptions.store().remove(id).await? {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("lifecycle subscription '{id}' does not exist"),
            ));
        }
        tracing::info!(subscription_id = %id, "lifecycle subscription deleted");
        Ok(())
    }
}
