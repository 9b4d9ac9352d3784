//! TMF688 Event Management: hubs, each backed by an O2-IMS subscription written in the same
//! store transaction, and the event history in TMF shape. Shared by gRPC and REST.

use std::collections::HashSet;

use serde_json::Value;
use uuid::Uuid;

use super::{
    events::{log_unavailable, DEFAULT_PAGE},
    subscriptions::{check_quota, visible, within_quota},
    SubscriptionService,
};
use crate::{
    domain::Subscription,
    error::{ApiError, ApiResult},
    events::{model::now_rfc3339, EventLogRef},
    tmf::{self, EventView, Hub, TmfQuery},
};

#[derive(Clone)]
pub struct HubService {
    subscriptions: SubscriptionService,
    log: EventLogRef,
    max_page_size: usize,
}

/// A hub to register: what the client may set.
#[derive(Clone, Debug, Default)]
pub struct NewHub {
    pub callback: String,
    pub query: String,
    pub at_type: Option<String>,
    pub at_base_type: Option<String>,
    pub at_schema_location: Option<String>,
}

/// TMF630 paging: skip `offset` items, return at most `limit`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Paging {
    pub offset: usize,
    pub limit: Option<usize>,
}

/// A page of a TMF list, with the number of items in the whole list when it is known cheaply.
pub struct TmfPage<T> {
    pub items: Vec<T>,
    pub total: Option<usize>,
}

/// What reconciling hubs with their subscriptions found and did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Hubs whose subscription was missing and has been recreated.
    pub subscriptions_recreated: Vec<String>,
    /// Subscriptions of a missing hub, removed.
    pub orphans_removed: Vec<String>,
    /// Hubs that could not be repaired (their callback was taken meanwhile) and were removed.
    pub hubs_removed: Vec<String>,
}

pub fn parse_query(text: &str) -> ApiResult<TmfQuery> {
    TmfQuery::parse(text).map_err(|e| ApiError::invalid(e.to_string()))
}

impl Paging {
    fn limit(&self, max: usize) -> ApiResult<usize> {
        match self.limit {
            Some(0) => Err(ApiError::invalid("limit must be at least 1")),
            Some(n) => Ok(n.min(max)),
            None => Ok(DEFAULT_PAGE.min(max)),
        }
    }
}

impl HubService {
    pub fn new(subscriptions: SubscriptionService, log: EventLogRef, max_page_size: usize) -> Self {
        HubService {
            subscriptions,
            log,
            max_page_size,
        }
    }

    /// Registers a hub of the caller's tenant (`scope`) and the subscription that delivers
    /// for it, atomically.
    pub async fn register(&self, scope: Option<&str>, input: NewHub) -> ApiResult<Hub> {
        parse_query(&input.query)?;
        if scope.is_some() {
            let held = self
                .subscriptions
                .store()
                .list_hubs()
                .await?
                .iter()
                .filter(|h| h.tenant.as_deref() == scope)
                .count();
            let tenants = self.subscriptions.tenants();
            within_quota(tenants, scope, "maxHubs", |q| q.max_hubs, held)?;
        }
        if let Some(location) = &input.at_schema_location {
            url::Url::parse(location).map_err(|e| {
                ApiError::invalid(format!("@schemaLocation '{location}' is not a URI: {e}"))
            })?;
        }
        let after_cursor = self.log.bounds().await.map_err(log_unavailable)?.last;
        let mut subscription = self
            .subscriptions
            .validated(
                Subscription {
                    callback: input.callback.clone(),
                    ..Subscription::default()
                },
                false,
            )
            .await?;
        let hub = Hub {
            id: Uuid::new_v4().to_string(),
            callback: input.callback,
            query: input.query.trim().to_owned(),
            subscription_id: subscription.subscription_id.clone(),
            created_at: now_rfc3339(),
            after_cursor,
            at_type: input.at_type,
            at_base_type: input.at_base_type,
            at_schema_location: input.at_schema_location,
            tenant: scope.map(str::to_owned),
        };
        subscription.hub_id = Some(hub.id.clone());
        subscription.tenant = hub.tenant.clone();
        let store = self.subscriptions.store();
        store.insert_hub(&hub, &subscription).await?;
        if let Some(tenant) = scope {
            // As for subscriptions: a creation that a race took over the quota withdraws.
            let max = self
                .subscriptions
                .tenants()
                .get(tenant)
                .and_then(|r| r.tenant.quotas.max_hubs);
            if let Some(max) = max {
                let held = store
                    .list_hubs()
                    .await?
                    .iter()
                    .filter(|h| h.tenant.as_deref() == scope)
                    .count();
                if held > max as usize {
                    store.remove_hub(&hub.id).await?;
                    check_quota(tenant, "maxHubs", held - 1, Some(max))?;
                }
            }
        }
        tracing::info!(hub_id = %hub.id, subscription_id = %hub.subscription_id, callback = %hub.callback, "hub registered");
        Ok(hub)
    }

    pub async fn get(&self, scope: Option<&str>, id: &str) -> ApiResult<Hub> {
        self.subscriptions
            .store()
            .get_hub(id)
            .await?
            .filter(|h| visible(scope, h.tenant.as_deref()))
            .ok_or_else(|| ApiError::not_found("hub", id))
    }

    /// Hubs oldest first.
    pub async fn list(&self, scope: Option<&str>, paging: Paging) -> ApiResult<TmfPage<Hub>> {
        let limit = paging.limit(self.max_page_size)?;
        let mut hubs = self.subscriptions.store().list_hubs().await?;
        hubs.retain(|h| visible(scope, h.tenant.as_deref()));
        hubs.sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
        let total = hubs.len();
        let items = hubs.into_iter().skip(paging.offset).take(limit).collect();
        Ok(TmfPage {
            items,
            total: Some(total),
        })
    }

    /// Removes a hub and its subscription.
    pub async fn unregister(&self, scope: Option<&str>, id: &str) -> ApiResult<()> {
        if scope.is_some() {
            self.get(scope, id).await?;
        }
        if !self.subscriptions.store().remove_hub(id).await? {
            return Err(ApiError::not_found("hub", id));
        }
        tracing::info!(hub_id = %id, "hub unregistered with its subscription");
        Ok(())
    }

    /// Makes every hub whole: a hub whose subscription vanished gets it back (same id and
    /// callback), a hub subscription whose hub vanished is removed. Each repair is logged.
    pub async fn reconcile(&self) -> ApiResult<Repairs> {
        let store = self.subscriptions.store();
        let hubs = store.list_hubs().await?;
        let subscriptions = store.list().await?;
        let by_id: HashSet<&str> = subscriptions
            .iter()
            .map(|s| s.subscription_id.as_str())
            .collect();
        let hub_ids: HashSet<&str> = hubs.iter().map(|h| h.id.as_str()).collect();
        let mut repairs = Repairs::default();
        for hub in &hubs {
            if by_id.contains(hub.subscription_id.as_str()) {
                continue;
            }
            let subscription = Subscription {
                subscription_id: hub.subscription_id.clone(),
                callback: hub.callback.clone(),
                hub_id: Some(hub.id.clone()),
                tenant: hub.tenant.clone(),
                ..Subscription::default()
            };
            match store.insert(&subscription).await {
                Ok(()) => {
                    tracing::warn!(hub_id = %hub.id, subscription_id = %hub.subscription_id, "hub had lost its subscription; recreated");
                    repairs.subscriptions_recreated.push(hub.id.clone());
                }
                Err(crate::store::StoreError::DuplicateCallback { existing, .. }) => {
                    store.remove_hub(&hub.id).await?;
                    tracing::error!(hub_id = %hub.id, callback = %hub.callback, taken_by = %existing, "hub had lost its subscription and its callback is taken; hub removed");
                    repairs.hubs_removed.push(hub.id.clone());
                }
                Err(e) => return Err(e.into()),
            }
        }
        for subscription in &subscriptions {
            let Some(hub) = &subscription.hub_id else {
                continue;
            };
            if !hub_ids.contains(hub.as_str()) {
                store.remove(&subscription.subscription_id).await?;
                tracing::warn!(hub_id = %hub, subscription_id = %subscription.subscription_id, "subscription of a missing hub removed");
                repairs
                    .orphans_removed
                    .push(subscription.subscription_id.clone());
            }
        }
        Ok(repairs)
    }

    /// The event history as TMF events, oldest first, selected by a TMF query.
    pub async fn events(&self, query: &TmfQuery, paging: Paging) -> ApiResult<TmfPage<Value>> {
        let limit = paging.limit(self.max_page_size)?;
        let bounds = self.log.bounds().await.map_err(log_unavailable)?;
        if bounds.last == 0 || bounds.first > bounds.last {
            return Ok(TmfPage {
                items: Vec::new(),
                total: Some(0),
            });
        }
        let retained = (bounds.last - bounds.first + 1) as usize;
        let mut position = bounds.first.saturating_sub(1);
        if query.is_empty() {
            position += paging.offset as u64;
        }
        let mut skip = if query.is_empty() { 0 } else { paging.offset };
        let mut items = Vec::new();
        while items.len() < limit && position < bounds.last {
            let batch = self
                .log
                .read(position, limit.max(256))
                .await
                .map_err(log_unavailable)?;
            let Some(last) = batch.last() else { break };
            position = last.cursor;
            for event in &batch {
                if items.len() == limit {
                    break;
                }
                if !query.matches(&EventView::new(event)) {
                    continue;
                }
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                items.push(tmf::event::render(event));
            }
        }
        Ok(TmfPage {
            items,
            total: query.is_empty().then_some(retained),
        })
    }

    /// One event of the history by its TMF id (its stream position).
    pub async fn event(&self, id: &str) -> ApiResult<Value> {
        let cursor: u64 = id
            .parse()
            .ok()
            .filter(|c| *c > 0)
            .ok_or_else(|| ApiError::not_found("event", id))?;
        let found = self
            .log
            .read(cursor - 1, 1)
            .await
            .map_err(log_unavailable)?;
        found
            .into_iter()
            .find(|e| e.cursor == cursor)
            .map(|e| tmf::event::render(&e))
            .ok_or_else(|| ApiError::not_found("event", id))
    }
}
