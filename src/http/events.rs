//! The event stream over REST: `GET /events` (history, paged by cursor) and
//! `GET /events/stream`, a Server-Sent Events feed that resumes from `Last-Event-ID`.

use std::convert::Infallible;

use axum::{
    extract::{Query, State},
    http::{header, HeaderMap, HeaderValue, Method},
    response::{
        sse::{Event as SseEvent, KeepAlive, Sse},
        IntoResponse, Response,
    },
    routing::get,
};
use futures::Stream;
use serde::Deserialize;
use serde_json::json;
use tokio_stream::StreamExt;

use super::{
    problem::Problem,
    table::{rpc, Table},
    AppState, Scope,
};
use crate::{events::WatchItem, service::events::parse_cursor};

const SERVICE: &str = "netweave.events.v1.EventService";

pub fn add_routes(t: Table) -> Table {
    t.add(
        Method::GET,
        "/events".into(),
        rpc(SERVICE, "ListEvents"),
        get(list),
    )
    .add(
        Method::GET,
        "/events/stream".into(),
        rpc(SERVICE, "Watch"),
        get(stream),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListParams {
    after: Option<String>,
    limit: Option<usize>,
    #[serde(rename = "type")]
    pattern: Option<String>,
    filter: Option<String>,
}

async fn list(
    State(s): State<AppState>,
    scope: Scope,
    query: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, Problem> {
    let Query(q) = query.map_err(Problem::from)?;
    let after = q
        .after
        .as_deref()
        .map(parse_cursor)
        .transpose()?
        .unwrap_or(0);
    let page = s
        .events
        .list(
            after,
            q.limit,
            scope.inventory(),
            q.pattern.as_deref(),
            q.filter.as_deref(),
        )
        .await?;
    let mut response = (
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_vec(&page.events).unwrap_or_default(),
    )
        .into_response();
    if let Some(next) = page.next_after {
        let mut next_query = url::form_urlencoded::Serializer::new(String::new());
        next_query.append_pair("after", &next.to_string());
        for (k, v) in [
            ("limit", q.limit.map(|l| l.to_string())),
            ("type", q.pattern),
            ("filter", q.filter),
        ] {
            if let Some(v) = v {
                next_query.append_pair(k, &v);
            }
        }
        if let Ok(link) =
            HeaderValue::from_str(&format!("</events?{}>; rel=\"next\"", next_query.finish()))
        {
            response.headers_mut().insert(header::LINK, link);
        }
    }
    Ok(response)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StreamParams {
    after: Option<String>,
    #[serde(rename = "type")]
    pattern: Option<String>,
    filter: Option<String>,
}

async fn stream(
    State(s): State<AppState>,
    scope: Scope,
    headers: HeaderMap,
    query: Result<Query<StreamParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>, Problem> {
    let Query(q) = query.map_err(Problem::from)?;
    let last_event_id = headers.get("last-event-id").and_then(|v| v.to_str().ok());
    let resume = last_event_id
        .or(q.after.as_deref())
        .map(parse_cursor)
        .transpose()?;
    s.events.check_resume(resume).await?;
    let watch = s
        .events
        .watch(scope.inventory(), q.pattern, q.filter.as_deref(), resume)
        .await?;
    let stream = watch.map(|item| Ok(sse_event(item)));
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

fn sse_event(item: WatchItem) -> SseEvent {
    match item {
        WatchItem::Event(e) => SseEvent::default()
            .id(e.cursor.to_string())
            .event(e.event_type.clone())
            .data(serde_json::to_string(e.as_ref()).unwrap_or_default()),
        WatchItem::Heartbeat(cursor) => SseEvent::default()
            .id(cursor.to_string())
            .event("heartbeat")
            .data(json!({ "cursor": cursor }).to_string()),
        WatchItem::Lagged { resume } => SseEvent::default()
            .event("lagged")
            .data(json!({ "resumeCursor": resume, "detail": "the watcher fell behind; reconnect with Last-Event-ID" }).to_string()),
        WatchItem::Resync { requested, oldest, latest } => SseEvent::default()
            .event("resync")
            .data(json!({ "requestedCursor": requested, "oldestCursor": oldest, "latestCursor": latest }).to_string()),
        WatchItem::Failed(detail) => SseEvent::default()
            .event("error")
            .data(json!({ "detail": detail }).to_string()),
    }
}
