//! The O2ims Infrastructure Monitoring REST surface (`/o2ims-infrastructureMonitoring`, as the
//! normative O2ims_InfrastructureMonitoring 1.0.0 document defines it) and the Alertmanager
//! receiver (`/internal/v1/caas-alerts/alertmanager`, the path oran-o2ims serves). Alarms and
//! the service configuration carry an `ETag`; `If-Match` makes their writes conditional
//! (412 when stale). Alarm PATCHes are `application/merge-patch+json` (415 otherwise).

use axum::{
    extract::{FromRequest, OriginalUri, Path, Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, patch, post},
};
use serde::{de::DeserializeOwned, Serialize};

use super::{
    o2ims::{created, page, paged},
    problem::{JsonBody, Problem},
    query::Selectors,
    render,
    table::{rpc, Table},
    AppState, Scope,
};
use crate::{
    alarms::alertmanager,
    domain::Projection,
    error::ErrorCode,
    service::alarms::{
        AlarmSubscriptionInfo, ConfigurationInput, ConfigurationPatch, Modifications, API_ROOT,
    },
};

const SERVICE: &str = "netweave.monitoring.v1.AlarmService";
/// Where Alertmanager posts (its `webhook_configs` URL).
pub const ALERTMANAGER: &str = "/internal/v1/caas-alerts/alertmanager";

pub fn add_routes(t: Table) -> Table {
    let v1 = format!("{API_ROOT}/v1");
    let m = |name| rpc(SERVICE, name);
    t.add(
        Method::GET,
        format!("{API_ROOT}/api_versions"),
        m("GetAllVersions"),
        get(all_versions),
    )
    .add(
        Method::GET,
        format!("{v1}/api_versions"),
        m("GetMinorVersions"),
        get(minor_versions),
    )
    .add(
        Method::GET,
        format!("{v1}/alarms"),
        m("ListAlarms"),
        get(list_alarms),
    )
    .add(
        Method::GET,
        format!("{v1}/alarms/{{alarmEventRecordId}}"),
        m("GetAlarm"),
        get(get_alarm),
    )
    .add(
        Method::PATCH,
        format!("{v1}/alarms/{{alarmEventRecordId}}"),
        m("PatchAlarm"),
        patch(patch_alarm),
    )
    .add(
        Method::GET,
        format!("{v1}/alarmServiceConfiguration"),
        m("GetAlarmServiceConfiguration"),
        get(get_configuration),
    )
    .add(
        Method::PUT,
        format!("{v1}/alarmServiceConfiguration"),
        m("UpdateAlarmServiceConfiguration"),
        axum::routing::put(put_configuration),
    )
    .add(
        Method::PATCH,
        format!("{v1}/alarmServiceConfiguration"),
        m("PatchAlarmServiceConfiguration"),
        patch(patch_configuration),
    )
    .add(
        Method::GET,
        format!("{v1}/alarmSubscriptions"),
        m("ListAlarmSubscriptions"),
        get(list_subscriptions),
    )
    .add(
        Method::POST,
        format!("{v1}/alarmSubscriptions"),
        m("CreateAlarmSubscription"),
        post(create_subscription),
    )
    .add(
        Method::GET,
        format!("{v1}/alarmSubscriptions/{{alarmSubscriptionId}}"),
        m("GetAlarmSubscription"),
        get(get_subscription),
    )
    .add(
        Method::DELETE,
        format!("{v1}/alarmSubscriptions/{{alarmSubscriptionId}}"),
        m("DeleteAlarmSubscription"),
        axum::routing::delete(delete_subscription),
    )
    .add(
        Method::POST,
        ALERTMANAGER.into(),
        m("IngestAlertmanagerNotification"),
        post(ingest),
    )
}

type Reply = Result<Response, Problem>;

/// A JSON Merge Patch body (RFC 7396, `application/merge-patch+json`); any other media
/// type is 415.
pub struct MergePatch<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for MergePatch<T> {
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Problem> {
        let media = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase());
        if media.as_deref() != Some("application/merge-patch+json") {
            return Err(Problem::new(
                ErrorCode::UnsupportedMediaType,
                "a PATCH body is a JSON merge patch (Content-Type: application/merge-patch+json)",
            ));
        }
        JsonBody::<T>::from_request(req, state)
            .await
            .map(|JsonBody(v)| MergePatch(v))
    }
}

fn if_match(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok())
}

fn with_etag(mut response: Response, etag: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(etag) {
        response.headers_mut().insert(header::ETAG, v);
    }
    response
}

fn json<T: Serialize>(item: &T) -> Response {
    render::object(StatusCode::OK, item, &Projection::default())
}

async fn all_versions(State(s): State<AppState>) -> Response {
    json(&s.alarms.all_versions())
}

async fn minor_versions(State(s): State<AppState>) -> Response {
    json(&s.alarms.minor_versions())
}

async fn list_alarms(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    sel: Selectors,
) -> Reply {
    let params = sel.params(paged(&sel), s.v1_page_size, false);
    let listed = s.alarms.list(scope.inventory(), &params).await?;
    Ok(page(listed, &sel, &uri))
}

async fn get_alarm(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    let alarm = s.alarms.get(scope.inventory(), &id).await?;
    Ok(with_etag(json(&alarm.record), &alarm.etag()))
}

async fn patch_alarm(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    headers: HeaderMap,
    MergePatch(m): MergePatch<Modifications>,
) -> Reply {
    let (alarm, _) = s
        .alarms
        .patch(scope.inventory(), &id, &m, if_match(&headers))
        .await?;
    // The spec answers the modifications made.
    Ok(with_etag(json(&m), &alarm.etag()))
}

async fn get_configuration(State(s): State<AppState>) -> Reply {
    let c = s.alarms.configuration().await?;
    Ok(with_etag(json(&c), &c.etag()))
}

async fn put_configuration(
    State(s): State<AppState>,
    headers: HeaderMap,
    JsonBody(input): JsonBody<ConfigurationInput>,
) -> Reply {
    let c = s
        .alarms
        .put_configuration(input, if_match(&headers))
        .await?;
    Ok(with_etag(json(&c), &c.etag()))
}

async fn patch_configuration(
    State(s): State<AppState>,
    headers: HeaderMap,
    MergePatch(p): MergePatch<ConfigurationPatch>,
) -> Reply {
    let c = s.alarms.patch_configuration(p, if_match(&headers)).await?;
    Ok(with_etag(json(&c), &c.etag()))
}

/// Alertmanager retries a 5xx and gives up on a 4xx: a store outage answers 503, a payload
/// that is not Alertmanager's 400.
async fn ingest(
    State(s): State<AppState>,
    JsonBody(n): JsonBody<alertmanager::Notification>,
) -> Reply {
    let done = s.alarms.ingest(&n).await?;
    Ok(json(&serde_json::json!({
        "changed": done.changes.len(),
        "unmapped": done.unmapped,
        "malformed": done.malformed,
    }))
    .into_response())
}

async fn list_subscriptions(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    sel: Selectors,
) -> Reply {
    let params = sel.params(paged(&sel), s.v1_page_size, false);
    let listed = s.alarms.list_subscriptions(scope.get(), &params).await?;
    Ok(page(listed, &sel, &uri))
}

async fn create_subscription(
    State(s): State<AppState>,
    scope: Scope,
    JsonBody(input): JsonBody<AlarmSubscriptionInfo>,
) -> Reply {
    let made = s.alarms.create_subscription(scope.get(), input).await?;
    let location = format!(
        "{API_ROOT}/v1/alarmSubscriptions/{}",
        made.alarm_subscription_id
    );
    Ok(created(location, &made))
}

async fn get_subscription(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
) -> Reply {
    Ok(json(&s.alarms.get_subscription(scope.get(), &id).await?))
}

/// The spec answers 200 with no body.
async fn delete_subscription(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
) -> Reply {
    s.alarms.delete_subscription(scope.get(), &id).await?;
    Ok(StatusCode::OK.into_response())
}
