//! VNF lifecycle management over REST (ETSI GS NFV-SOL 003 v3.3.1, `/vnflcm/v2`, as Tacker's
//! v2 serves it): every route but the API versions needs the `Version` header (missing: 400;
//! not 2.0.0: 406) and every answer carries `Version: 2.0.0`; an operation is 202 with the
//! `Location` of its occurrence; lists are bare arrays with SOL013 selectors and `Link`
//! paging; errors are ProblemDetails.

use axum::{
    extract::{OriginalUri, Path, RawQuery, Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    middleware::{from_fn, Next},
    response::{IntoResponse, Response},
    routing::{delete, get, patch, post, MethodRouter},
};
use serde_json::{json, Map, Value};

use super::{
    problem::{JsonBody, Problem},
    table::{rpc, Table},
    vnfpkgm::{json_response, sol013_page},
    AppState, Scope,
};
use crate::{
    dms::lcm::{instance_path, op_path, OpOcc, Operation, VnfInstance, API_VERSION, ROOT},
    error::ErrorCode,
    service::dms::{lcm::CreateRequest, subscriptions::SubscriptionRequest},
};

const SERVICE: &str = "netweave.vnflcm.v2.VnfLcmService";

/// `VnfInstance`'s attributes, and those SOL013 leaves out by default.
pub const INSTANCE_FIELDS: &[&str] = &[
    "id",
    "vnfInstanceName",
    "vnfInstanceDescription",
    "vnfdId",
    "vnfProvider",
    "vnfProductName",
    "vnfSoftwareVersion",
    "vnfdVersion",
    "vnfConfigurableProperties",
    "vimConnectionInfo",
    "instantiationState",
    "instantiatedVnfInfo",
    "metadata",
    "extensions",
    "_links",
];
const INSTANCE_COMPLEX: &[&str] = &[
    "vnfConfigurableProperties",
    "vimConnectionInfo",
    "instantiatedVnfInfo",
    "metadata",
    "extensions",
];
/// `VnfLcmOpOcc`'s attributes, and those left out by default.
pub const OP_FIELDS: &[&str] = &[
    "id",
    "operationState",
    "stateEnteredTime",
    "startTime",
    "vnfInstanceId",
    "grantId",
    "operation",
    "isAutomaticInvocation",
    "operationParams",
    "isCancelPending",
    "cancelMode",
    "error",
    "resourceChanges",
    "changedInfo",
    "changedExtConnectivity",
    "_links",
];
/// `LccnSubscription`'s attributes (none is left out by default).
pub const SUBSCRIPTION_FIELDS: &[&str] = &["id", "filter", "callbackUri", "verbosity", "_links"];
const OP_COMPLEX: &[&str] = &[
    "operationParams",
    "error",
    "resourceChanges",
    "changedInfo",
    "changedExtConnectivity",
];

pub fn add_routes(t: Table) -> Table {
    let instances = format!("{ROOT}/vnf_instances");
    let instance = format!("{instances}/{{vnfInstanceId}}");
    let ops = format!("{ROOT}/vnf_lcm_op_occs");
    let op = format!("{ops}/{{vnfLcmOpOccId}}");
    let subscriptions = format!("{ROOT}/subscriptions");
    let subscription = format!("{subscriptions}/{{subscriptionId}}");
    let s = |name| rpc(SERVICE, name);
    let v = |m: MethodRouter<AppState>| m.layer(from_fn(version));
    t.add(
        Method::GET,
        "/vnflcm/api_versions".into(),
        s("GetAllVersions"),
        get(|| async { versions("/vnflcm") }),
    )
    .add(
        Method::GET,
        format!("{ROOT}/api_versions"),
        s("GetMinorVersions"),
        get(|| async { versions(ROOT) }),
    )
    .add(
        Method::GET,
        instances.clone(),
        s("ListVnfInstances"),
        v(get(list)),
    )
    .add(
        Method::POST,
        instances,
        s("CreateVnfInstance"),
        v(post(create)),
    )
    .add(
        Method::GET,
        instance.clone(),
        s("GetVnfInstance"),
        v(get(show)),
    )
    .add(
        Method::PATCH,
        instance.clone(),
        s("ModifyVnfInstance"),
        v(patch(modify)),
    )
    .add(
        Method::DELETE,
        instance.clone(),
        s("DeleteVnfInstance"),
        v(delete(remove)),
    )
    .add(
        Method::POST,
        format!("{instance}/instantiate"),
        s("InstantiateVnf"),
        v(operation(Operation::Instantiate)),
    )
    .add(
        Method::POST,
        format!("{instance}/scale"),
        s("ScaleVnf"),
        v(operation(Operation::Scale)),
    )
    .add(
        Method::POST,
        format!("{instance}/heal"),
        s("HealVnf"),
        v(operation(Operation::Heal)),
    )
    .add(
        Method::POST,
        format!("{instance}/terminate"),
        s("TerminateVnf"),
        v(operation(Operation::Terminate)),
    )
    .add(
        Method::POST,
        format!("{instance}/change_vnfpkg"),
        s("ChangeVnfpkg"),
        v(operation(Operation::ChangeVnfpkg)),
    )
    .add(Method::GET, ops, s("ListVnfLcmOpOccs"), v(get(list_ops)))
    .add(
        Method::GET,
        op.clone(),
        s("GetVnfLcmOpOcc"),
        v(get(show_op)),
    )
    .add(
        Method::POST,
        format!("{op}/retry"),
        s("RetryVnfLcmOpOcc"),
        v(post(retry)),
    )
    .add(
        Method::POST,
        format!("{op}/rollback"),
        s("RollbackVnfLcmOpOcc"),
        v(post(rollback)),
    )
    .add(
        Method::POST,
        format!("{op}/fail"),
        s("FailVnfLcmOpOcc"),
        v(post(fail)),
    )
    .add(
        Method::POST,
        subscriptions.clone(),
        s("CreateLccnSubscription"),
        v(post(subscribe)),
    )
    .add(
        Method::GET,
        subscriptions,
        s("ListLccnSubscriptions"),
        v(get(list_subscriptions)),
    )
    .add(
        Method::GET,
        subscription.clone(),
        s("GetLccnSubscription"),
        v(get(show_subscription)),
    )
    .add(
        Method::DELETE,
        subscription,
        s("DeleteLccnSubscription"),
        v(delete(unsubscribe)),
    )
}

/// SOL013 §4.9 as Tacker applies it: `Version` is required and must be one this API serves;
/// the answer names the version it speaks.
async fn version(req: Request, next: Next) -> Response {
    let asked = req
        .headers()
        .get("version")
        .map(|v| v.to_str().unwrap_or_default().trim().to_owned());
    let mut response = match asked.as_deref() {
        None => Problem::new(
            ErrorCode::InvalidArgument,
            format!("the Version header is required (this API serves {API_VERSION})"),
        )
        .into_response(),
        Some(v) if v != API_VERSION => Problem::new(
            ErrorCode::Unacceptable,
            format!("Version '{v}' is not served here (this API serves {API_VERSION})"),
        )
        .into_response(),
        Some(_) => next.run(req).await,
    };
    stamp(&mut response);
    response
}

fn stamp(response: &mut Response) {
    response
        .headers_mut()
        .insert("version", HeaderValue::from_static(API_VERSION));
    response
        .headers_mut()
        .insert("accept-ranges", HeaderValue::from_static("none"));
}

fn versions(prefix: &str) -> Response {
    let mut r = json_response(
        StatusCode::OK,
        &json!({"uriPrefix": prefix, "apiVersions": [{"version": API_VERSION, "isDeprecated": false}]}),
    );
    stamp(&mut r);
    r
}

type Reply = Result<Response, Problem>;

fn located(status: StatusCode, location: String, body: Option<&Value>) -> Response {
    let mut r = match body {
        Some(b) => json_response(status, b),
        None => status.into_response(),
    };
    if let Ok(v) = HeaderValue::from_str(&location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

fn accepted(op: &OpOcc) -> Response {
    located(StatusCode::ACCEPTED, op_path(&op.id), None)
}

async fn create(
    State(s): State<AppState>,
    scope: Scope,
    JsonBody(body): JsonBody<CreateRequest>,
) -> Reply {
    let made = s.lcm.create(scope.get(), body).await?;
    Ok(located(
        StatusCode::CREATED,
        instance_path(&made.id),
        Some(&made.shape()),
    ))
}

async fn list(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    RawQuery(raw): RawQuery,
) -> Reply {
    let all = s.lcm.list(scope.get()).await?;
    let items = all.iter().map(VnfInstance::shape).collect();
    sol013_page(
        items,
        &raw.unwrap_or_default(),
        &uri,
        (INSTANCE_FIELDS, INSTANCE_COMPLEX),
        s.v1_page_size,
    )
}

async fn show(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    Ok(json_response(
        StatusCode::OK,
        &s.lcm.get(scope.get(), &id).await?.shape(),
    ))
}

/// `application/merge-patch+json` (or JSON): a MODIFY_INFO occurrence, done at once.
async fn modify(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<Map<String, Value>>,
) -> Reply {
    Ok(accepted(&s.lcm.modify(scope.get(), &id, body).await?))
}

async fn remove(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    s.lcm.delete(scope.get(), &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST …/vnf_instances/{id}/<operation>`: 202 with the occurrence's `Location`.
fn operation(op: Operation) -> MethodRouter<AppState> {
    post(
        move |State(s): State<AppState>,
              scope: Scope,
              Path(id): Path<String>,
              JsonBody(body): JsonBody<Value>| async move {
            let started = s.lcm.operate(scope.get(), &id, op, body).await?;
            Ok::<_, Problem>(accepted(&started))
        },
    )
}

async fn list_ops(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    RawQuery(raw): RawQuery,
) -> Reply {
    let all = s.lcm.list_ops(scope.get()).await?;
    let items = all.iter().map(OpOcc::shape).collect();
    sol013_page(
        items,
        &raw.unwrap_or_default(),
        &uri,
        (OP_FIELDS, OP_COMPLEX),
        s.v1_page_size,
    )
}

async fn show_op(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    Ok(json_response(
        StatusCode::OK,
        &s.lcm.get_op(scope.get(), &id).await?.shape(),
    ))
}

async fn retry(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    s.lcm.retry(scope.get(), &id).await?;
    Ok(StatusCode::ACCEPTED.into_response())
}

async fn rollback(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    s.lcm.rollback(scope.get(), &id).await?;
    Ok(StatusCode::ACCEPTED.into_response())
}

async fn fail(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    let op = s.lcm.fail(scope.get(), &id).await?;
    Ok(json_response(StatusCode::OK, &op.shape()))
}

/// `LccnSubscriptionRequest`: the callback is tested (GET → 204) before anything is stored;
/// 201 with the subscription and its `Location`.
async fn subscribe(
    State(s): State<AppState>,
    scope: Scope,
    JsonBody(body): JsonBody<SubscriptionRequest>,
) -> Reply {
    let made = s.lcm_subscriptions.create(scope.get(), body).await?;
    let id = made["id"].as_str().unwrap_or_default().to_owned();
    Ok(located(
        StatusCode::CREATED,
        format!("{ROOT}/subscriptions/{id}"),
        Some(&made),
    ))
}

async fn list_subscriptions(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    RawQuery(raw): RawQuery,
) -> Reply {
    let items = s.lcm_subscriptions.list(scope.get()).await?;
    sol013_page(
        items,
        &raw.unwrap_or_default(),
        &uri,
        (SUBSCRIPTION_FIELDS, &[]),
        s.v1_page_size,
    )
}

async fn show_subscription(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
) -> Reply {
    Ok(json_response(
        StatusCode::OK,
        &s.lcm_subscriptions.get(scope.get(), &id).await?,
    ))
}

async fn unsubscribe(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    s.lcm_subscriptions.delete(scope.get(), &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
