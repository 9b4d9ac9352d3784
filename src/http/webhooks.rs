//! The webhook dead-letter queue over REST.

use axum::{
    extract::{rejection::QueryRejection, Path, Query, State},
    http::{header, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use serde::Deserialize;

use super::{
    problem::Problem,
    table::{rpc, Table},
    AppState, Scope,
};
use crate::{error::ErrorCode, service::events::parse_cursor};

const SERVICE: &str = "netweave.webhooks.v1.WebhookService";

pub fn add_routes(t: Table) -> Table {
    t.add(
        Method::GET,
        "/webhooks/deliveries".into(),
        rpc(SERVICE, "ListDeliveries"),
        get(deliveries),
    )
    .add(
        Method::GET,
        "/webhooks/deadLetters".into(),
        rpc(SERVICE, "ListDeadLetters"),
        get(list),
    )
    .add(
        Method::POST,
        "/webhooks/deadLetters/{id}/replay".into(),
        rpc(SERVICE, "ReplayDeadLetter"),
        post(replay),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListParams {
    after: Option<String>,
    limit: Option<usize>,
}

async fn list(
    State(s): State<AppState>,
    scope: Scope,
    query: Result<Query<ListParams>, QueryRejection>,
) -> Result<Response, Problem> {
    let Query(q) = query.map_err(Problem::from)?;
    let after = q
        .after
        .as_deref()
        .map(parse_cursor)
        .transpose()?
        .unwrap_or(0);
    let letters = s.webhooks.dead_letters(scope.get(), after, q.limit).await?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_vec(&letters).unwrap_or_default(),
    )
        .into_response())
}

async fn replay(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let id = id.parse::<u64>().map_err(|_| {
        Problem::new(
            ErrorCode::InvalidArgument,
            format!("dead letter id '{id}' is not a number"),
        )
    })?;
    s.webhooks.replay(scope.get(), id).await?;
    Ok(StatusCode::ACCEPTED.into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct DeliveriesParams {
    subscription_id: String,
}

async fn deliveries(
    State(s): State<AppState>,
    scope: Scope,
    query: Result<Query<DeliveriesParams>, QueryRejection>,
) -> Result<Response, Problem> {
    let Query(q) = query.map_err(Problem::from)?;
    let found = s
        .webhooks
        .deliveries(scope.get(), &q.subscription_id)
        .await?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_vec(&found).unwrap_or_default(),
    )
        .into_response())
}
