//! Operational endpoints: liveness, readiness, metrics, the OpenAPI document.

use std::sync::atomic::Ordering;

use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

use super::{problem, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
}

async fn readyz(State(s): State<AppState>) -> Response {
    let mut down = Vec::new();
    if !s.listening.load(Ordering::Acquire) {
        down.push("listeners not bound".to_owned());
    }
    if let Err(e) = s.subscriptions.store().health().await {
        down.push(format!("{} store: {e}", s.subscriptions.store().name()));
    }
    if let Err(e) = s.inventory.backend().health().await {
        down.push(format!(
            "backend {}: {e}",
            s.inventory.backend().info().name
        ));
    }
    if !s.events.backend_reconciled() {
        down.push(
            "backend changes not live yet: its first view is being diffed with what was last published"
                .to_owned(),
        );
    }
    let backend_detail = s
        .inventory
        .backend()
        .detail()
        .map(|d| format!("backend {}: {d}", s.inventory.backend().info().name));
    if down.is_empty() {
        let details: Vec<String> = backend_detail
            .into_iter()
            .chain(s.registration.detail())
            .collect();
        return match details.is_empty() {
            false => format!("ready\n{}\n", details.join("\n")).into_response(),
            true => "ready".into_response(),
        };
    }
    down.extend(backend_detail);
    if let Some(detail) = s.registration.detail() {
        down.push(detail);
    }
    problem::render(
        StatusCode::SERVICE_UNAVAILABLE,
        "Service Unavailable",
        down.join("; "),
    )
}

async fn metrics(State(s): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        s.metrics.render(),
    )
        .into_response()
}

async fn openapi(State(s): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        s.openapi.clone(),
    )
        .into_response()
}
