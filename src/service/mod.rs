//! The behaviour of each proto service, called in-process by both the gRPC adapters and the
//! REST handlers. Transports only extract, call and render.

pub mod admin;
pub mod alarms;
pub mod dms;
pub mod events;
pub mod hubs;
pub mod inventory;
pub mod pages;
pub mod provisioning;
pub mod registration;
pub mod rendered;
pub mod streams;
pub mod subscriptions;
pub mod webhooks;

use std::sync::Arc;

use uuid::Uuid;

use crate::{
    domain::{list::token, Attributes, Fields, Filter, ListQuery, Page, Projection},
    error::{ApiError, ApiResult},
};

pub use admin::AdminService;
pub use alarms::AlarmService;
pub use events::EventService;
pub use hubs::HubService;
pub use inventory::InventoryService;
pub use subscriptions::SubscriptionService;
pub use webhooks::WebhookService;

/// The O-RAN list selectors, as either transport received them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListParams {
    pub filter: Option<String>,
    pub fields: Option<String>,
    pub exclude_fields: Option<String>,
    pub all_fields: bool,
    /// Page size; `None` lists every match.
    pub page_size: Option<usize>,
    /// Opaque marker from a previous page.
    pub page_token: Option<String>,
    /// Count every match (the v1 `X-Total-Count`).
    pub count_total: bool,
    /// INF O2's numeric page marker (`/v1` only): page `n` at the page size, from 1.
    pub page_number: Option<usize>,
}

/// Sorts after every identifier: the cursor of a page past the last.
const PAST_THE_END: &str = "\u{10FFFF}";

/// A listed page with the projection to render it with.
#[derive(Debug)]
pub struct Listed<T> {
    /// Shared: a kept page's copies (`pages.rs`) hold one array.
    pub items: Arc<[Arc<T>]>,
    pub projection: Projection,
    pub next_page_token: Option<String>,
    pub total: Option<usize>,
    /// Partial failures: the list lacks what these backends would have added.
    pub warnings: Vec<String>,
    /// The page's renderings, made once and shared by every copy of a kept page
    /// (`pages.rs`); a page built for one request starts empty.
    pub forms: Arc<PageForms>,
}

/// Serialised forms of a whole page.
#[derive(Debug, Default)]
pub struct PageForms {
    /// The REST body (a JSON array of the items, whole).
    pub json: std::sync::OnceLock<bytes::Bytes>,
}

impl ListParams {
    /// Moves `query` to INF page [`page_number`](Self::page_number): the cursor after the
    /// first n − 1 pages, found by listing them with `fetch` (keyset cursors stay exact while
    /// objects come and go; a page number is only as stable as INF's own).
    pub async fn seek<T, F, Fut>(&self, query: &mut ListQuery, fetch: F) -> ApiResult<()>
    where
        F: FnOnce(ListQuery) -> Fut,
        Fut: std::future::Future<Output = ApiResult<Page<T>>>,
    {
        let Some(n) = self.page_number.filter(|n| *n > 1) else {
            return Ok(());
        };
        let mut before = query.clone();
        before.limit = Some(query.limit.unwrap_or(usize::MAX).saturating_mul(n - 1));
        before.count_total = false;
        let skipped = fetch(before).await?;
        query.after = Some(
            skipped
                .next_after
                .unwrap_or_else(|| PAST_THE_END.to_owned()),
        );
        Ok(())
    }

    /// Parses the selectors for objects of type `T`; `max_page` caps the page size.
    pub fn query<T: Attributes + Fields>(
        &self,
        max_page: usize,
    ) -> ApiResult<(ListQuery, Projection)> {
        let filter = Filter::parse_opt(self.filter.as_deref(), T::FIELDS)?;
        let projection = self.projection::<T>()?;
        Ok((self.query_with(filter, max_page)?, projection))
    }

    /// The list query of an already parsed filter: cursor, page size (capped at `max_page`)
    /// and counting from these parameters.
    pub fn query_with(&self, filter: Filter, max_page: usize) -> ApiResult<ListQuery> {
        let after = self
            .page_token
            .as_deref()
            .filter(|t| !t.is_empty())
            .map(token::decode)
            .transpose()
            .map_err(ApiError::invalid)?;
        let limit = match self.page_size {
            Some(0) => return Err(ApiError::invalid("page size must be at least 1")),
            Some(n) => Some(n.min(max_page)),
            None => None,
        };
        Ok(ListQuery {
            filter,
            after,
            limit,
            count_total: self.count_total,
            scope: None,
        })
    }

    pub fn projection<T: Fields>(&self) -> ApiResult<Projection> {
        Ok(Projection::parse(
            self.fields.as_deref().filter(|f| !f.is_empty()),
            self.exclude_fields.as_deref().filter(|f| !f.is_empty()),
            T::FIELDS,
            T::ID_FIELD,
        )?)
    }
}

impl<T> Clone for Listed<T> {
    fn clone(&self) -> Self {
        Listed {
            items: Arc::clone(&self.items),
            projection: self.projection.clone(),
            next_page_token: self.next_page_token.clone(),
            total: self.total,
            warnings: self.warnings.clone(),
            forms: Arc::clone(&self.forms),
        }
    }
}

impl<T> Listed<T> {
    /// The same page with each item converted (another rendering of the same objects).
    pub fn map<U>(self, f: impl FnMut(&Arc<T>) -> Arc<U>) -> Listed<U> {
        Listed {
            items: self.items.iter().map(f).collect(),
            projection: Projection::default(),
            next_page_token: self.next_page_token,
            total: self.total,
            warnings: self.warnings,
            forms: Arc::default(),
        }
    }

    pub fn new(page: Page<Arc<T>>, projection: Projection) -> Listed<T> {
        Listed {
            items: page.items.into(),
            projection,
            next_page_token: page.next_after.as_deref().map(token::encode),
            total: page.total,
            warnings: page.warnings,
            forms: Arc::default(),
        }
    }
}

/// Checks that a path identifier the spec types as a UUID is one.
pub fn require_uuid(field: &str, value: &str) -> ApiResult<()> {
    Uuid::parse_str(value)
        .map(|_| ())
        .map_err(|_| ApiError::invalid(format!("{field} '{value}' is not a UUID")))
}
