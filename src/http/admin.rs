//! Gateway administration over REST: `/admin/v1/tenants[/{tenantId}]`, a tenant's
//! `bindings`, and `/admin/v1/audit`. Errors are ProblemDetails.

use std::sync::Arc;

use axum::{
    extract::{rejection::QueryRejection, Path, Query, State},
    http::{header, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{delete, get, post, put},
    Extension,
};
use serde::Serialize;

use super::{
    problem::{JsonBody, Problem},
    table::{rpc, Table},
    AppState,
};
use crate::{
    security::{
        tenants::{RoleBinding, TenantSpec},
        Principal,
    },
    service::admin::AuditFilter,
};

const SERVICE: &str = "netweave.admin.v1.AdminService";
pub const TENANTS: &str = "/admin/v1/tenants";

pub fn add_routes(t: Table) -> Table {
    t.add(
        Method::GET,
        TENANTS.into(),
        rpc(SERVICE, "ListTenants"),
        get(list_tenants),
    )
    .add(
        Method::POST,
        TENANTS.into(),
        rpc(SERVICE, "CreateTenant"),
        post(create_tenant),
    )
    .add(
        Method::GET,
        format!("{TENANTS}/{{tenantId}}"),
        rpc(SERVICE, "GetTenant"),
        get(get_tenant),
    )
    .add(
        Method::PUT,
        format!("{TENANTS}/{{tenantId}}"),
        rpc(SERVICE, "UpdateTenant"),
        put(update_tenant),
    )
    .add(
        Method::DELETE,
        format!("{TENANTS}/{{tenantId}}"),
        rpc(SERVICE, "DeleteTenant"),
        delete(delete_tenant),
    )
    .add(
        Method::GET,
        format!("{TENANTS}/{{tenantId}}/bindings"),
        rpc(SERVICE, "ListBindings"),
        get(list_bindings),
    )
    .add(
        Method::POST,
        format!("{TENANTS}/{{tenantId}}/bindings"),
        rpc(SERVICE, "PutBinding"),
        post(put_binding),
    )
    .add(
        Method::DELETE,
        format!("{TENANTS}/{{tenantId}}/bindings/{{subject}}"),
        rpc(SERVICE, "DeleteBinding"),
        delete(delete_binding),
    )
    .add(
        Method::GET,
        "/admin/v1/audit".into(),
        rpc(SERVICE, "ListAuditRecords"),
        get(audit),
    )
}

type Caller = Option<Extension<Arc<Principal>>>;

fn caller(c: Caller) -> Arc<Principal> {
    c.map_or_else(|| Arc::new(Principal::anonymous()), |Extension(p)| p)
}

fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_vec(body).unwrap_or_default(),
    )
        .into_response()
}

async fn list_tenants(State(s): State<AppState>) -> Result<Response, Problem> {
    Ok(json(StatusCode::OK, &s.admin.list_tenants().await?))
}

async fn create_tenant(
    State(s): State<AppState>,
    JsonBody(spec): JsonBody<TenantSpec>,
) -> Result<Response, Problem> {
    let tenant = s.admin.create_tenant(spec).await?;
    let mut response = json(StatusCode::CREATED, &tenant);
    if let Ok(location) = format!("{TENANTS}/{}", tenant.tenant_id).parse() {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

async fn get_tenant(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    Ok(json(StatusCode::OK, &s.admin.get_tenant(&id).await?))
}

async fn update_tenant(
    State(s): State<AppState>,
    Path(id): Path<String>,
    JsonBody(spec): JsonBody<TenantSpec>,
) -> Result<Response, Problem> {
    Ok(json(
        StatusCode::OK,
        &s.admin.update_tenant(&id, spec).await?,
    ))
}

async fn delete_tenant(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    s.admin.delete_tenant(&id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn list_bindings(
    State(s): State<AppState>,
    who: Caller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let bindings = s.admin.list_bindings(&caller(who), &id).await?;
    Ok(json(StatusCode::OK, &bindings))
}

async fn put_binding(
    State(s): State<AppState>,
    who: Caller,
    Path(id): Path<String>,
    JsonBody(binding): JsonBody<RoleBinding>,
) -> Result<Response, Problem> {
    let (stored, created) = s.admin.put_binding(&caller(who), &id, binding).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(json(status, &stored))
}

async fn delete_binding(
    State(s): State<AppState>,
    who: Caller,
    Path((id, subject)): Path<(String, String)>,
) -> Result<Response, Problem> {
    s.admin.delete_binding(&caller(who), &id, &subject).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn audit(
    State(s): State<AppState>,
    query: Result<Query<AuditFilter>, QueryRejection>,
) -> Result<Response, Problem> {
    let Query(filter) = query.map_err(Problem::from)?;
    Ok(json(StatusCode::OK, &s.admin.audit(filter).await?))
}
