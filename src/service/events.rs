//! The event stream's service: history reads and watches, shared by gRPC and REST (SSE).

use std::sync::Arc;

use crate::{
    domain::{scope::InventoryScope, Filter},
    error::{ApiError, ApiResult},
    events::{pump::PumpStatus, Cursor, Event, EventLogRef, Hub, Selector, Visibility, WatchSpec},
    service::{
        inventory::View,
        streams::{take_slot, Watch},
        InventoryService,
    },
    store::AdminStoreRef,
};

pub use crate::domain::filter::filter_fields;

/// Events to read per history page by default.
pub const DEFAULT_PAGE: usize = 100;

#[derive(Clone)]
pub struct EventService {
    log: EventLogRef,
    hub: Arc<Hub>,
    max_page_size: usize,
    pump: Option<PumpStatus>,
    tenancy: Option<Tenancy>,
}

/// What a tenant's reads of the stream need: the inventory (the pools in view when a read
/// starts) and the store counting its watch streams.
#[derive(Clone)]
struct Tenancy {
    inventory: InventoryService,
    store: AdminStoreRef,
}

/// A page of history.
pub struct EventPage {
    pub events: Vec<Event>,
    /// The cursor to read after for the next page, when the log holds more.
    pub next_after: Option<Cursor>,
}

pub fn parse_cursor(text: &str) -> ApiResult<Cursor> {
    text.trim().parse().map_err(|_| {
        ApiError::invalid(format!(
            "cursor '{text}' is not a stream position (a non-negative integer)"
        ))
    })
}

/// The selector of a watch or a history read; a malformed filter is a bad request.
fn selector(pattern: Option<&str>, filter: Option<&str>) -> ApiResult<Selector> {
    Ok(Selector::new(
        pattern,
        Filter::parse_opt(filter, filter_fields())?,
    ))
}

impl EventService {
    pub fn new(log: EventLogRef, hub: Arc<Hub>, max_page_size: usize) -> Self {
        EventService {
            log,
            hub,
            max_page_size,
            pump: None,
            tenancy: None,
        }
    }

    /// With what tenants' reads need (without it, a tenant's read is refused).
    pub fn with_tenancy(mut self, inventory: InventoryService, store: AdminStoreRef) -> Self {
        self.tenancy = Some(Tenancy { inventory, store });
        self
    }

    fn tenancy(&self) -> ApiResult<&Tenancy> {
        self.tenancy.as_ref().ok_or_else(|| {
            ApiError::new(
                crate::error::ErrorCode::Internal,
                "tenant scopes are not wired to the event service",
            )
        })
    }

    /// A tracker of what `scope` sees, from the pools in view now.
    async fn visibility(&self, scope: &Arc<InventoryScope>) -> ApiResult<Visibility> {
        let pools = self.tenancy()?.inventory.pools_in_view(scope).await?;
        Ok(Visibility::new(Arc::clone(scope), pools))
    }

    /// Readiness follows the backend pump: not ready before its first view is in.
    pub fn with_pump(mut self, pump: PumpStatus) -> Self {
        self.pump = Some(pump);
        self
    }

    /// Whether the backend's changes are live: its first view taken in and, when this replica
    /// publishes, what changed while no gateway watched published.
    pub fn backend_reconciled(&self) -> bool {
        self.pump.as_ref().is_none_or(PumpStatus::is_ready)
    }

    pub fn log(&self) -> &EventLogRef {
        &self.log
    }

    pub fn hub(&self) -> &Arc<Hub> {
        &self.hub
    }

    /// Fails with `OutOfRange` when events after `resume` were already removed by retention.
    pub async fn check_resume(&self, resume: Option<Cursor>) -> ApiResult<()> {
        let Some(cursor) = resume else { return Ok(()) };
        let bounds = self.log.bounds().await.map_err(log_unavailable)?;
        if bounds.is_too_old(cursor) || cursor > bounds.last {
            return Err(ApiError::new(
                crate::error::ErrorCode::OutOfRange,
                format!(
                    "cursor {cursor} is outside the retained stream ({}..={}); list afresh, then watch from the latest cursor",
                    bounds.first, bounds.last
                ),
            ));
        }
        Ok(())
    }

    /// The newest cursor of the stream (where a resync watches from).
    pub async fn latest(&self) -> ApiResult<Cursor> {
        Ok(self.log.bounds().await.map_err(log_unavailable)?.last)
    }

    /// Starts a watcher of what `view` sees; `resume` of `None` (or 0 over gRPC) follows
    /// from now. A tenant's watch holds one of its `maxWatchStreams` while it lasts.
    pub async fn watch(
        &self,
        view: View<'_>,
        pattern: Option<String>,
        filter: Option<&str>,
        mut resume: Option<Cursor>,
    ) -> ApiResult<Watch> {
        let selector = selector(pattern.as_deref(), filter)?;
        let Some(scope) = view else {
            return Ok(Watch::new(
                self.hub.watch(WatchSpec {
                    selector,
                    resume,
                    visibility: None,
                }),
                None,
            ));
        };
        let tenancy = self.tenancy()?;
        let slot = take_slot(&tenancy.store, &scope.tenant, scope.max_watch_streams).await?;
        // The start is fixed before the pools in view are read: every change the read does
        // not reflect comes after it on the stream, and the tracker takes it in there.
        if resume.is_none() {
            resume = Some(self.log.bounds().await.map_err(log_unavailable)?.last);
        }
        let visibility = Some(self.visibility(scope).await?);
        let items = self.hub.watch(WatchSpec {
            selector,
            resume,
            visibility,
        });
        Ok(Watch::new(items, slot))
    }

    /// Events after `after` that match, oldest first.
    pub async fn list(
        &self,
        after: Cursor,
        limit: Option<usize>,
        view: View<'_>,
        pattern: Option<&str>,
        filter: Option<&str>,
    ) -> ApiResult<EventPage> {
        let selector = selector(pattern, filter)?;
        let mut visibility = match view {
            Some(scope) => Some(self.visibility(scope).await?),
            None => None,
        };
        let limit = match limit {
            Some(0) => return Err(ApiError::invalid("limit must be at least 1")),
            Some(n) => n.min(self.max_page_size),
            None => DEFAULT_PAGE,
        };
        let bounds = self.log.bounds().await.map_err(log_unavailable)?;
        let mut position = after;
        let mut events = Vec::new();
        while events.len() < limit {
            let batch = self
                .log
                .read(position, limit.max(256))
                .await
                .map_err(log_unavailable)?;
            if batch.is_empty() {
                break;
            }
            for event in batch {
                if events.len() == limit {
                    break;
                }
                position = event.cursor;
                let visible = visibility.as_mut().is_none_or(|v| v.observe(&event));
                if visible && selector.matches(&event) {
                    events.push(event);
                }
            }
        }
        let next_after = (position < bounds.last && events.len() == limit).then_some(position);
        Ok(EventPage { events, next_after })
    }
}

/// An event log failure as the API shows it.
pub(crate) fn log_unavailable(e: crate::events::EventError) -> ApiError {
    ApiError {
        code: crate::error::ErrorCode::Unavailable,
        message: "event log unavailable".into(),
        source: Some(e.into()),
    }
}
