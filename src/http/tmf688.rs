//! TMF688 Event Management v4 over REST, at `/tmf-api/event/v4` and its alias
//! `/tmf-api/eventManagement/v4`: hubs and the event history. Every error on this surface is
//! the TMF `Error` body; lists take TMF630 `offset`, `limit` and `fields` and answer
//! `X-Total-Count` (when known) and `X-Result-Count`.

use axum::{
    extract::{rejection::JsonRejection, FromRequest, Path, RawQuery, Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{delete, get, post},
};
use serde::Deserialize;
use serde_json::Value;

use super::{
    table::{rpc, Table},
    AppState, Scope,
};
use crate::{
    error::{ApiError, ErrorCode},
    service::hubs::{parse_query, NewHub, Paging},
    tmf::{self, ALIAS_ROOT, EVENT_ROOT},
};

const HUBS: &str = "netweave.tmf688.v4.HubService";
const EVENTS: &str = "netweave.tmf688.v4.EventService";
pub use crate::render::tmf::{owns, render_error, CONTENT_TYPE};

pub fn add_routes(mut t: Table) -> Table {
    for root in [EVENT_ROOT, ALIAS_ROOT] {
        t = t
            .add(
                Method::POST,
                format!("{root}/hub"),
                rpc(HUBS, "RegisterHub"),
                post(register),
            )
            .add(
                Method::GET,
                format!("{root}/hub"),
                rpc(HUBS, "ListHubs"),
                get(list_hubs),
            )
            .add(
                Method::GET,
                format!("{root}/hub/{{id}}"),
                rpc(HUBS, "GetHub"),
                get(get_hub),
            )
            .add(
                Method::DELETE,
                format!("{root}/hub/{{id}}"),
                rpc(HUBS, "UnregisterHub"),
                delete(unregister),
            )
            .add(
                Method::GET,
                format!("{root}/event"),
                rpc(EVENTS, "ListEvents"),
                get(list_events),
            )
            .add(
                Method::GET,
                format!("{root}/event/{{id}}"),
                rpc(EVENTS, "GetEvent"),
                get(get_event),
            );
    }
    t
}

/// An [`ApiError`] rendered as the TMF `Error` body.
#[derive(Debug)]
pub struct TmfError(pub ApiError);

impl From<ApiError> for TmfError {
    fn from(e: ApiError) -> Self {
        TmfError(e)
    }
}

impl IntoResponse for TmfError {
    fn into_response(self) -> Response {
        self.0.log();
        render_error(self.0.code.http(), &self.0.code, self.0.message)
    }
}

fn invalid(message: impl Into<String>) -> TmfError {
    TmfError(ApiError::invalid(message))
}

fn json(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        serde_json::to_vec(body).unwrap_or_default(),
    )
        .into_response()
}

/// The TMF688 `Hub_Create` body; `id` and `href` are the server's and ignored if sent.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HubCreate {
    callback: String,
    #[serde(default)]
    query: Option<String>,
    #[serde(rename = "@type", default)]
    at_type: Option<String>,
    #[serde(rename = "@baseType", default)]
    at_base_type: Option<String>,
    #[serde(rename = "@schemaLocation", default)]
    at_schema_location: Option<String>,
    #[serde(default, rename = "id")]
    _id: Option<Value>,
    #[serde(default, rename = "href")]
    _href: Option<Value>,
}

/// A JSON body whose rejections are TMF `Error`s.
struct TmfJson<T>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for TmfJson<T> {
    type Rejection = TmfError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(TmfJson(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(invalid(
                "the request body must be JSON (Content-Type: application/json)",
            )),
            Err(r) if r.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(TmfError(ApiError::new(
                    ErrorCode::TooLarge,
                    format!("the request body exceeds {} bytes", super::MAX_BODY),
                )))
            }
            Err(rejection) => Err(invalid(format!(
                "invalid request body: {}",
                rejection.body_text()
            ))),
        }
    }
}

async fn register(
    State(s): State<AppState>,
    scope: Scope,
    TmfJson(body): TmfJson<HubCreate>,
) -> Result<Response, TmfError> {
    let hub = s
        .hubs
        .register(
            scope.get(),
            NewHub {
                callback: body.callback,
                query: body.query.unwrap_or_default(),
                at_type: body.at_type,
                at_base_type: body.at_base_type,
                at_schema_location: body.at_schema_location,
            },
        )
        .await?;
    let mut response = json(StatusCode::CREATED, &hub.to_json());
    if let Ok(location) = HeaderValue::from_str(&hub.href()) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

async fn get_hub(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, TmfError> {
    let params = ListQuery::parse(raw.as_deref(), false)?;
    let hub = s.hubs.get(scope.get(), &id).await?;
    Ok(json(StatusCode::OK, &params.select(hub.to_json())))
}

async fn unregister(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
) -> Result<Response, TmfError> {
    s.hubs.unregister(scope.get(), &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn list_hubs(
    State(s): State<AppState>,
    scope: Scope,
    RawQuery(raw): RawQuery,
) -> Result<Response, TmfError> {
    let params = ListQuery::parse(raw.as_deref(), false)?;
    let page = s.hubs.list(scope.get(), params.paging).await?;
    let items = page.items.iter().map(|h| params.select(h.to_json()));
    Ok(list(items.collect(), page.total))
}

async fn list_events(
    State(s): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, TmfError> {
    let params = ListQuery::parse(raw.as_deref(), true)?;
    let query = parse_query(&params.conditions.join("&"))?;
    let page = s.hubs.events(&query, params.paging).await?;
    let items = page.items.into_iter().map(|e| params.select(e));
    Ok(list(items.collect(), page.total))
}

async fn get_event(
    State(s): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, TmfError> {
    let params = ListQuery::parse(raw.as_deref(), false)?;
    let event = s.hubs.event(&id).await?;
    Ok(json(StatusCode::OK, &params.select(event)))
}

fn list(items: Vec<Value>, total: Option<usize>) -> Response {
    let count = items.len();
    let mut response = json(StatusCode::OK, &Value::Array(items));
    let headers = response.headers_mut();
    headers.insert("x-result-count", count.into());
    if let Some(total) = total {
        headers.insert("x-total-count", total.into());
    }
    response
}

/// TMF630 list parameters: `offset`, `limit`, `fields`, and — where the list takes them —
/// conditions in the hub query grammar, kept raw for its parser.
struct ListQuery {
    paging: Paging,
    fields: Option<String>,
    conditions: Vec<String>,
}

impl ListQuery {
    fn parse(raw: Option<&str>, conditions_allowed: bool) -> Result<ListQuery, TmfError> {
        let mut out = ListQuery {
            paging: Paging::default(),
            fields: None,
            conditions: Vec::new(),
        };
        let raw = raw.unwrap_or_default();
        // Empty parts are the hub query parser's to report when the list takes conditions.
        let parts = raw
            .split('&')
            .filter(|p| !(p.is_empty() && (raw.is_empty() || !conditions_allowed)));
        for part in parts {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let number = |name: &str| {
                value.parse::<usize>().map_err(|_| {
                    invalid(format!(
                        "{name} must be a non-negative integer, not '{value}'"
                    ))
                })
            };
            match key {
                "offset" => out.paging.offset = number("offset")?,
                "limit" => out.paging.limit = Some(number("limit")?),
                "fields" => {
                    let decoded = percent_encoding::percent_decode_str(value).decode_utf8_lossy();
                    out.fields = Some(decoded.into_owned());
                }
                _ if conditions_allowed => out.conditions.push(part.to_owned()),
                _ => {
                    return Err(invalid(format!(
                        "unknown query parameter '{key}'; this list takes offset, limit and fields"
                    )))
                }
            }
        }
        Ok(out)
    }

    fn select(&self, value: Value) -> Value {
        match &self.fields {
            Some(f) if !f.is_empty() => tmf::select_fields(value, f),
            _ => value,
        }
    }
}
