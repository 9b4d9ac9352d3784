//! The REST layer: axum routers over the same services the gRPC adapters call. Handlers
//! extract, call and render; errors become RFC 7807 ProblemDetails, or the TMF `Error` on
//! `/tmf-api`.

pub mod events;
pub mod o2ims;
pub mod openapi;
pub mod openapi_tmf;
pub mod openapi_v1;
mod ops;
pub mod problem;
pub mod query;
mod render;
mod request_metrics;
pub mod table;
pub mod tmf688;
pub mod v1;
pub mod webhooks;

use std::{
    sync::{atomic::AtomicBool, Arc},
    time::Instant,
};

use axum::{
    extract::{MatchedPath, Request},
    http::header,
    middleware::Next,
    response::{IntoResponse, Response},
    Router,
};
use bytes::Bytes;
use metrics_exporter_prometheus::PrometheusHandle;
use tracing::Instrument as _;

use crate::service::{
    EventService, HubService, InventoryService, SubscriptionService, WebhookService,
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
    pub inventory: InventoryService,
    pub subscriptions: SubscriptionService,
    pub events: EventService,
    pub webhooks: WebhookService,
    pub hubs: HubService,
    pub v1_page_size: usize,
    pub metrics: PrometheusHandle,
    /// Set once every listener is bound.
    pub listening: Arc<AtomicBool>,
    /// `/openapi.json`, rendered once.
    pub openapi: Bytes,
}

/// Every RPC-backed REST route: the O2-IMS surfaces and the event stream.
pub fn rpc_table() -> table::Table {
    tmf688::add_routes(webhooks::add_routes(events::add_routes(v1::add_routes(
        o2ims::add_routes(table::Table::default()),
    ))))
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

/// Joins the REST router and the gRPC routes on one port, behind the security gate; unknown
/// paths get a ProblemDetails 404, or UNIMPLEMENTED when the caller speaks gRPC.
pub fn with_grpc(
    rest: Router,
    grpc: Router,
    security: &crate::security::Security,
    lifecycle: &crate::config::ApiVersionsConfig,
) -> Router {
    let mut router = security.protect(grpc.merge(rest).fallback(fallback));
    // Only when a version is deprecated: the layer costs every request a little.
    let deprecations = deprecations(lifecycle);
    if !deprecations.is_empty() {
        router = router.layer(axum::middleware::from_fn_with_state(
            Arc::new(deprecations),
            deprecate,
        ));
    }
    router.layer(axum::middleware::from_fn(track))
}

/// Per deprecated version: its path prefix and the headers its responses carry.
type Deprecations = Vec<(String, Vec<(header::HeaderName, header::HeaderValue)>)>;

fn deprecations(lifecycle: &crate::config::ApiVersionsConfig) -> Deprecations {
    crate::service::inventory::VERSIONS
        .iter()
        .filter_map(|(major, _)| {
            let headers: Vec<_> = lifecycle
                .of(major)?
                .headers()
                .into_iter()
                .filter_map(|(name, value)| {
                    Some((
                        header::HeaderName::from_static(name),
                        header::HeaderValue::from_str(&value).ok()?,
                    ))
                })
                .collect();
            let prefix = format!("{}/{major}", crate::service::inventory::API_ROOT);
            (!headers.is_empty()).then_some((prefix, headers))
        })
        .collect()
}

/// Every response of a deprecated version says so, errors and refusals included.
async fn deprecate(
    axum::extract::State(deprecations): axum::extract::State<Arc<Deprecations>>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let found = deprecations.iter().find(|(prefix, _)| {
        path.strip_prefix(prefix.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    });
    let headers = found.map(|(_, h)| h.clone());
    let mut response = next.run(req).await;
    for (name, value) in headers.into_iter().flatten() {
        // `Link` may already name the next page: the deprecation link is one more.
        response.headers_mut().append(name, value);
    }
    response
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

pub fn is_grpc(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/grpc"))
}

/// Records request counts and latencies, per route template or per RPC.
pub async fn track(req: Request, next: Next) -> Response {
    if crate::telemetry::exporting() {
        let span = request_span(&req);
        return measure(req, next).instrument(span).await;
    }
    measure(req, next).await
}

/// The span of one request (REST or gRPC), continuing the caller's W3C trace.
fn request_span(req: &Request) -> tracing::Span {
    let (name, route) = if is_grpc(req) {
        (
            req.uri().path().trim_start_matches('/').to_owned(),
            req.uri().path().to_owned(),
        )
    } else {
        let route = req
            .extensions()
            .get::<MatchedPath>()
            .map_or_else(|| req.uri().path().to_owned(), |p| p.as_str().to_owned());
        (format!("{} {route}", req.method()), route)
    };
    let span = tracing::trace_span!("request", otel.name = %name, otel.kind = "server",
        http.request.method = %req.method(), http.route = %route, rpc.system = if is_grpc(req) { "grpc" } else { "" });
    crate::telemetry::continue_trace(&span, req.headers());
    span
}

async fn measure(req: Request, next: Next) -> Response {
    let start = Instant::now();
    if is_grpc(&req) {
        let uri = req.uri().clone();
        let response = next.run(req).await;
        let code = response
            .headers()
            .get("grpc-status")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("0");
        request_metrics::grpc(uri.path(), code, start.elapsed());
        return response;
    }
    let method = req.method().clone();
    let route = req.extensions().get::<MatchedPath>().cloned();
    let response = next.run(req).await;
    request_metrics::http(
        method.as_str(),
        route.as_ref().map_or("unmatched", |r| r.as_str()),
        response.status().as_u16(),
        start.elapsed(),
    );
    response
}
