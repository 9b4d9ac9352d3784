//! The REST layer: axum routers over the same services the gRPC adapters call. Handlers
//! extract, call and render; errors become RFC 7807 ProblemDetails, or the TMF `Error` on
//! `/tmf-api`.

pub mod admin;
pub mod charts;
pub mod events;
mod front;
pub mod idempotency;
pub mod monitoring;
pub mod o2ims;
pub mod openapi;
mod openapi_admin;
mod openapi_monitoring;
mod openapi_provisioning;
pub mod openapi_tmf;
pub mod openapi_v1;
mod openapi_vnflcm;
mod openapi_vnfpkgm;
mod ops;
pub mod problem;
pub mod provisioning;
pub mod query;
mod render;
mod request_metrics;
pub mod table;
pub mod tmf688;
pub mod v1;
pub mod vnflcm;
pub mod vnfpkgm;
pub mod webhooks;

use std::sync::{atomic::AtomicBool, Arc};

use axum::{
    extract::Request,
    response::{IntoResponse, Response},
    Router,
};
use bytes::Bytes;
use metrics_exporter_prometheus::PrometheusHandle;

use crate::service::{
    AdminService, AlarmService, EventService, HubService, InventoryService, SubscriptionService,
    WebhookService,
};

/// What every REST handler can reach. Shared: axum clones the state into every request.
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// The services and settings behind [`AppState`].
pub struct Services {
    pub admin: AdminService,
    pub inventory: InventoryService,
    pub subscriptions: SubscriptionService,
    pub events: EventService,
    pub webhooks: WebhookService,
    pub hubs: HubService,
    pub alarms: AlarmService,
    pub provisioning: crate::service::provisioning::ProvisioningService,
    pub packages: crate::service::dms::packages::PackageService,
    pub lcm: crate::service::dms::lcm::LcmService,
    pub lcm_subscriptions: crate::service::dms::subscriptions::LcmSubscriptions,
    pub charts: crate::service::dms::charts::ChartRepository,
    /// The SMO registration's state, for `/readyz`.
    pub registration: crate::service::registration::Registration,
    pub v1_page_size: usize,
    pub metrics: PrometheusHandle,
    /// Set once every listener is bound.
    pub listening: Arc<AtomicBool>,
    /// `/openapi.json`, rendered once.
    pub openapi: Bytes,
}

/// The tenant the caller is confined to (none for a cross-tenant caller, or with tenancy not
/// in use), for the handlers of tenant-owned objects.
pub struct Scope {
    tenant: Option<String>,
    inventory: Option<Arc<crate::domain::scope::InventoryScope>>,
    credentials: bool,
}

impl Scope {
    /// The caller's tenant's `maxProvisioningRequests`.
    pub fn provisioning_quota(&self) -> Option<u32> {
        self.inventory.as_ref()?.max_provisioning_requests
    }

    /// The tenant the caller is confined to.
    pub fn get(&self) -> Option<&str> {
        self.tenant.as_deref()
    }

    /// May the caller hold deployment managers' SMO access credentials.
    pub fn credentials(&self) -> bool {
        self.credentials
    }

    /// The part of the inventory the caller sees (`None`: all of it).
    pub fn inventory(&self) -> crate::service::inventory::View<'_> {
        self.inventory.as_ref()
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Scope {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let principal = parts.extensions.get::<Arc<crate::security::Principal>>();
        Ok(Scope {
            tenant: principal.and_then(|p| p.confined_to().map(str::to_owned)),
            inventory: principal.and_then(|p| p.scope.clone().filter(|_| !p.platform)),
            credentials: principal.is_some_and(|p| p.sees_credentials),
        })
    }
}

/// Every RPC-backed REST route: the O2-IMS surfaces and the event stream.
pub fn rpc_table() -> table::Table {
    let t = o2ims::add_routes(table::Table::default());
    let t = webhooks::add_routes(events::add_routes(v1::add_routes(t)));
    let t = admin::add_routes(tmf688::add_routes(t));
    let t = charts::add_routes(vnflcm::add_routes(vnfpkgm::add_routes(t)));
    provisioning::add_routes(monitoring::add_routes(t))
}

/// The served OpenAPI document, pretty-printed (`netweave openapi`, `clients/openapi.json`).
pub fn openapi_document() -> String {
    serde_json::to_string_pretty(&openapi::document(&rpc_table().routes)).unwrap_or_default()
}

/// Largest REST request body accepted (413 beyond): a subscription, hub or pool is a few KiB.
pub const MAX_BODY: usize = 1024 * 1024;

/// The REST routes (RPC-backed and operations), with ProblemDetails fallbacks.
pub fn router(mut services: Services) -> Router {
    let table = rpc_table();
    services.openapi =
        Bytes::from(serde_json::to_vec(&openapi::document(&table.routes)).unwrap_or_default());
    let state = AppState(Arc::new(services));
    table
        .router
        .merge(ops::routes())
        .method_not_allowed_fallback(problem::method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .with_state(state)
}

/// Joins the REST router and the gRPC routes on one port, behind the front layer (metrics,
/// spans, deprecation headers, the security gate) and, inside it, idempotent creations
/// (`Idempotency-Key`, [`idempotency`]); unknown paths get a ProblemDetails 404, or
/// UNIMPLEMENTED when the caller speaks gRPC.
pub fn with_grpc(
    rest: Router,
    grpc: Router,
    security: &crate::security::Security,
    idempotency: &idempotency::IdempotencyLayer,
    lifecycle: &crate::config::ApiVersionsConfig,
) -> Router {
    let front = front::FrontLayer::new(
        Arc::clone(&security.guard),
        security.audit.clone(),
        front::deprecations(lifecycle),
    );
    grpc.merge(rest)
        .fallback(fallback)
        .layer(idempotency.clone())
        .layer(front)
}

async fn fallback(req: Request) -> Response {
    if is_grpc(&req) {
        return tonic::Status::unimplemented(format!("unknown method {}", req.uri().path()))
            .into_http::<axum::body::Body>()
            .into_response();
    }
    if tmf688::owns(req.uri().path()) {
        return tmf688::render_error(
            axum::http::StatusCode::NOT_FOUND,
            &crate::error::ErrorCode::NotFound,
            format!("no resource at '{}'", req.uri().path()),
        );
    }
    problem::not_found(req.uri().clone()).await.into_response()
}

/// `/v1/resourcePools/` is `/v1/resourcePools`: INF O2's swagger documents both spellings and
/// SMOs use either. Rewritten before routing (and before authorization, which keys by route),
/// so every route of every version answers the same resource, not a redirect.
pub fn trim_trailing_slash<B>(req: &mut axum::http::Request<B>) {
    let path = req.uri().path();
    if path.len() <= 1 || !path.ends_with('/') {
        return;
    }
    let trimmed = match path.trim_end_matches('/') {
        "" => "/",
        t => t,
    };
    let rewritten = match req.uri().query() {
        Some(query) => format!("{trimmed}?{query}"),
        None => trimmed.to_owned(),
    };
    let mut parts = req.uri().clone().into_parts();
    if let Ok(pq) = rewritten.parse() {
        parts.path_and_query = Some(pq);
        if let Ok(uri) = axum::http::Uri::from_parts(parts) {
            *req.uri_mut() = uri;
        }
    }
}

pub use crate::render::is_grpc;
