//! O2-IMS inventory subscriptions: validation, identifier allocation and storage. The filter
//! names events NOT to report and is checked here with the same engine the lists use.

use std::{collections::BTreeMap, sync::Arc};

use url::Url;
use uuid::Uuid;

use super::{require_uuid, ListParams, Listed};
use crate::{
    domain::{list::page_of, objects::*, Filter, InfFilter},
    error::{ApiError, ApiResult, ErrorCode},
    security::tenants::{Quotas, Tenants},
    store::StoreRef,
    webhook::{sender::verify_callback, CallbackPolicy, Secret},
};

/// How new callbacks are checked: the address policy, and optionally the O-RAN verification
/// GET (answered 204) made with this client.
#[derive(Clone, Default)]
pub struct CallbackChecks {
    pub policy: Arc<CallbackPolicy>,
    pub verify_with: Option<(
        reqwest::Client,
        Option<Arc<crate::security::outbound::TokenSource>>,
    )>,
}

#[derive(Clone)]
pub struct SubscriptionService {
    store: StoreRef,
    max_page_size: usize,
    checks: CallbackChecks,
    tenants: Tenants,
}

/// Whether a caller confined to `scope` (`None`: to no tenant) sees an object of `owner`:
/// another tenant's objects answer as if they did not exist.
pub fn visible(scope: Option<&str>, owner: Option<&str>) -> bool {
    scope.is_none_or(|s| owner == Some(s))
}

/// Refuses the next object of a kind when `tenant` holds `count` of them and its quota
/// (`quota` of its [`Quotas`]) allows no more.
pub fn within_quota(
    tenants: &Tenants,
    tenant: Option<&str>,
    name: &str,
    quota: impl Fn(&Quotas) -> Option<u32>,
    count: usize,
) -> ApiResult<()> {
    let Some(id) = tenant else { return Ok(()) };
    let max = tenants.get(id).and_then(|r| quota(&r.tenant.quotas));
    check_quota(id, name, count, max)
}

/// Refuses the next object when `tenant` holds `count` and its quota `name` is `max`.
pub fn check_quota(tenant: &str, name: &str, count: usize, max: Option<u32>) -> ApiResult<()> {
    let Some(max) = max else { return Ok(()) };
    if count >= max as usize {
        metrics::counter!(crate::metrics::QUOTA_REFUSALS, "quota" => name.to_owned(), "tenant" => tenant.to_owned())
            .increment(1);
        return Err(ApiError::new(
            ErrorCode::QuotaExceeded,
            format!("tenant '{tenant}' has {count} of its {name} quota of {max}: delete one first"),
        ));
    }
    Ok(())
}

fn validate_callback(callback: &str) -> ApiResult<Url> {
    if callback.is_empty() {
        return Err(ApiError::invalid("callback is required"));
    }
    let url = Url::parse(callback).map_err(|e| {
        ApiError::invalid(format!("callback '{callback}' is not an absolute URL: {e}"))
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ApiError::invalid(format!(
            "callback '{callback}' must use http or https, not '{}'",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(ApiError::invalid(format!(
            "callback '{callback}' has no host"
        )));
    }
    Ok(url)
}

impl SubscriptionService {
    pub fn new(store: StoreRef, max_page_size: usize, checks: CallbackChecks) -> Self {
        SubscriptionService {
            store,
            max_page_size,
            checks,
            tenants: Tenants::default(),
        }
    }

    /// Checks quotas against these tenants.
    pub fn with_tenants(mut self, tenants: Tenants) -> Self {
        self.tenants = tenants;
        self
    }

    pub fn tenants(&self) -> &Tenants {
        &self.tenants
    }

    pub fn store(&self) -> &StoreRef {
        &self.store
    }

    /// Validates and stores a new subscription of the caller's tenant (`scope`); the
    /// identifier is always allocated here.
    pub async fn create(
        &self,
        scope: Option<&str>,
        input: Subscription,
    ) -> ApiResult<Subscription> {
        if scope.is_some() {
            self.within_quota(scope).await?;
        }
        let subscription = self.validated(input, true).await?;
        Ok(self.insert_checked(scope, subscription).await?.redacted())
    }

    /// Refuses one more subscription of `scope`'s tenant when its quota is reached.
    pub async fn within_quota(&self, scope: Option<&str>) -> ApiResult<()> {
        let held = self.held(scope).await?;
        within_quota(
            &self.tenants,
            scope,
            "maxSubscriptions",
            |q| q.max_subscriptions,
            held,
        )
    }

    /// Checks a callback as every subscription's is: an absolute http(s) URL to an address
    /// the callback policy allows.
    pub async fn check_callback(&self, callback: &str) -> ApiResult<()> {
        let url = validate_callback(callback)?;
        self.checks
            .policy
            .check_url(&url)
            .await
            .map_err(ApiError::invalid)
    }

    /// Stores a checked subscription for `scope`'s tenant, within its quota even when
    /// creations race; the subscription as stored.
    pub async fn insert_checked(
        &self,
        scope: Option<&str>,
        mut subscription: Subscription,
    ) -> ApiResult<Subscription> {
        subscription.tenant = scope.map(str::to_owned);
        self.store.insert(&subscription).await?;
        if let Some(tenant) = scope {
            // Creations racing here or on another replica may all have passed the check:
            // counted again, one over the quota withdraws itself (never more than the quota).
            let max = self
                .tenants
                .get(tenant)
                .and_then(|r| r.tenant.quotas.max_subscriptions);
            if let Some(max) = max {
                let held = self.held(scope).await?;
                if held > max as usize {
                    self.store.remove(&subscription.subscription_id).await?;
                    check_quota(tenant, "maxSubscriptions", held - 1, Some(max))?;
                }
            }
        }
        tracing::info!(subscription_id = %subscription.subscription_id, callback = %subscription.callback, "subscription created");
        Ok(subscription)
    }

    /// How many subscriptions (not hubs') the tenant holds.
    async fn held(&self, tenant: Option<&str>) -> ApiResult<usize> {
        Ok(self
            .store
            .list()
            .await?
            .iter()
            .filter(|s| s.hub_id.is_none() && s.tenant.as_deref() == tenant)
            .count())
    }

    /// Checks a subscription to be created (callback, its address policy and, when `verify`
    /// and configured, the O-RAN verification GET; consumer id; filter; secret) and gives it a
    /// fresh identifier. `hubId` is never taken from the input.
    pub async fn validated(&self, input: Subscription, verify: bool) -> ApiResult<Subscription> {
        self.check_callback(&input.callback).await?;
        let consumer = input.consumer_subscription_id.filter(|c| !c.is_empty());
        if let Some(c) = &consumer {
            require_uuid("consumerSubscriptionId", c)?;
        }
        let filter = input.filter.filter(|f| !f.trim().is_empty());
        if let Some(f) = &filter {
            if input.alarm {
                crate::alarms::record::excluded_change(f).ok_or_else(|| {
                    ApiError::invalid(format!(
                        "filter '{f}' is none of NEW, CHANGE, CLEAR, ACKNOWLEDGE"
                    ))
                })?;
            } else if input.inf_filter {
                InfFilter::parse(f, super::events::filter_fields())
                    .map_err(|e| ApiError::invalid(format!("filter: {e}")))?;
            } else {
                Filter::parse(f, super::events::filter_fields())?;
            }
        }
        if let (Some((client, oauth)), true) = (&self.checks.verify_with, verify) {
            verify_callback(client, oauth.as_deref(), &input.callback)
                .await
                .map_err(ApiError::invalid)?;
        }
        let webhook_secret = input.webhook_secret.filter(|s| !s.is_empty());
        if let Some(secret) = &webhook_secret {
            Secret::parse(secret).map_err(|e| ApiError::invalid(format!("webhookSecret: {e}")))?;
        }
        let inf_filter = input.inf_filter && filter.is_some();
        Ok(Subscription {
            subscription_id: Uuid::new_v4().to_string(),
            consumer_subscription_id: consumer,
            filter,
            callback: input.callback,
            webhook_secret,
            hub_id: None,
            inf_filter,
            tenant: None,
            alarm: input.alarm,
            lcm: None,
        })
    }

    pub async fn get(&self, scope: Option<&str>, id: &str) -> ApiResult<Subscription> {
        self.get_of(scope, id, false).await
    }

    /// An inventory subscription, or (`alarm`) an alarm subscription: the other kind is not
    /// found here.
    pub async fn get_of(
        &self,
        scope: Option<&str>,
        id: &str,
        alarm: bool,
    ) -> ApiResult<Subscription> {
        let (field, what) = if alarm {
            ("alarmSubscriptionId", "alarm subscription")
        } else {
            ("subscriptionId", "subscription")
        };
        require_uuid(field, id)?;
        self.store
            .get(id)
            .await?
            .filter(|s| s.alarm == alarm && s.lcm.is_none() && visible(scope, s.tenant.as_deref()))
            .map(Subscription::redacted)
            .ok_or_else(|| ApiError::not_found(what, id))
    }

    pub async fn list(
        &self,
        scope: Option<&str>,
        params: &ListParams,
    ) -> ApiResult<Listed<Subscription>> {
        self.list_of(scope, params, false).await
    }

    /// Inventory subscriptions, or (`alarm`) alarm subscriptions, shown as `T`.
    pub async fn list_of<T>(
        &self,
        scope: Option<&str>,
        params: &ListParams,
        alarm: bool,
    ) -> ApiResult<Listed<T>>
    where
        T: From<Subscription> + crate::domain::Attributes + crate::domain::Fields,
    {
        let (mut query, projection) = params.query::<T>(self.max_page_size)?;
        let all: BTreeMap<String, Arc<T>> = self
            .store
            .list()
            .await?
            .into_iter()
            .filter(|s| s.alarm == alarm && s.lcm.is_none() && visible(scope, s.tenant.as_deref()))
            .map(|s| (s.subscription_id.clone(), Arc::new(T::from(s.redacted()))))
            .collect();
        params
            .seek(&mut query, |q| {
                let page = page_of(&all, &q);
                async move { Ok(page) }
            })
            .await?;
        Ok(Listed::new(page_of(&all, &query), projection))
    }

    pub async fn delete(&self, scope: Option<&str>, id: &str) -> ApiResult<()> {
        self.delete_of(scope, id, false).await
    }

    /// Deletes an inventory subscription, or (`alarm`) an alarm subscription.
    pub async fn delete_of(&self, scope: Option<&str>, id: &str, alarm: bool) -> ApiResult<()> {
        // Its kind (and tenant) first: the other kind is not found here.
        self.get_of(scope, id, alarm).await?;
        if !self.store.remove(id).await? {
            return Err(ApiError::not_found("subscription", id));
        }
        tracing::info!(subscription_id = %id, "subscription deleted, with its hub if it had one");
        Ok(())
    }
}
