//! The O2ims Infrastructure Provisioning REST surface (`/o2ims-infrastructureProvisioning`,
//! API 1.2.0) and the Infrastructure Artifacts surface (`/o2ims-infrastructureArtifacts`, API
//! 1.0.0), as the normative documents define them: bare-array lists with the O-RAN selectors,
//! 201 with `Location` on create, 202 with `Location` on delete.

use axum::{
    extract::{OriginalUri, Path, State},
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{delete, get, post, put},
};
use serde::Serialize;

use super::{
    o2ims::{created, page, paged},
    problem::{JsonBody, Problem},
    query::Selectors,
    render,
    table::{rpc, Table},
    AppState, Scope,
};
use crate::{
    domain::{
        api::{ARTIFACTS_ROOT, PROVISIONING_ROOT},
        Projection,
    },
    provisioning::{ProvisioningRequest, RequestData},
};

const PROVISIONING: &str = "netweave.provisioning.v1.ProvisioningService";
const ARTIFACTS: &str = "netweave.artifacts.v1.ArtifactService";

pub fn add_routes(t: Table) -> Table {
    let requests = format!("{PROVISIONING_ROOT}/v1/provisioningRequests");
    let request = format!("{requests}/{{provisioningRequestId}}");
    let templates = format!("{ARTIFACTS_ROOT}/v1/managedInfrastructureTemplates");
    let template = format!("{templates}/{{managedInfrastructureTemplateId}}");
    let p = |name| rpc(PROVISIONING, name);
    let a = |name| rpc(ARTIFACTS, name);
    t.add(
        Method::GET,
        format!("{PROVISIONING_ROOT}/api_versions"),
        p("GetAllVersions"),
        get(|State(s): State<AppState>| async move { json(&s.provisioning.provisioning_versions(false)) }),
    )
    .add(
        Method::GET,
        format!("{PROVISIONING_ROOT}/v1/api_versions"),
        p("GetMinorVersions"),
        get(|State(s): State<AppState>| async move { json(&s.provisioning.provisioning_versions(true)) }),
    )
    .add(Method::GET, requests.clone(), p("ListProvisioningRequests"), get(list_requests))
    .add(Method::POST, requests, p("CreateProvisioningRequest"), post(create_request))
    .add(Method::GET, request.clone(), p("GetProvisioningRequest"), get(get_request))
    .add(Method::PUT, request.clone(), p("UpdateProvisioningRequest"), put(update_request))
    .add(Method::DELETE, request, p("DeleteProvisioningRequest"), delete(delete_request))
    .add(
        Method::GET,
        format!("{ARTIFACTS_ROOT}/api_versions"),
        a("GetAllVersions"),
        get(|State(s): State<AppState>| async move { json(&s.provisioning.artifacts_versions(false)) }),
    )
    .add(
        Method::GET,
        format!("{ARTIFACTS_ROOT}/v1/api_versions"),
        a("GetMinorVersions"),
        get(|State(s): State<AppState>| async move { json(&s.provisioning.artifacts_versions(true)) }),
    )
    .add(Method::GET, templates, a("ListManagedInfrastructureTemplates"), get(list_templates))
    .add(Method::GET, template.clone(), a("GetManagedInfrastructureTemplate"), get(get_template))
    .add(
        Method::GET,
        format!("{template}/defaults"),
        a("GetManagedInfrastructureTemplateDefaults"),
        get(template_defaults),
    )
}

type Reply = Result<Response, Problem>;

fn json<T: Serialize>(item: &T) -> Response {
    render::object(StatusCode::OK, item, &Projection::default())
}

async fn list_templates(State(s): State<AppState>, uri: OriginalUri, sel: Selectors) -> Reply {
    let params = sel.params(paged(&sel), s.v1_page_size, false);
    Ok(page(s.provisioning.list_templates(&params)?, &sel, &uri))
}

async fn get_template(State(s): State<AppState>, Path(id): Path<String>) -> Reply {
    Ok(json(&*s.provisioning.get_template(&id)?))
}

async fn template_defaults(State(s): State<AppState>, Path(id): Path<String>) -> Reply {
    Ok(json(&s.provisioning.template_defaults(&id)?))
}

async fn list_requests(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    sel: Selectors,
) -> Reply {
    let params = sel.params(paged(&sel), s.v1_page_size, false);
    let listed = s.provisioning.list_requests(scope.get(), &params).await?;
    Ok(page(listed, &sel, &uri))
}

async fn create_request(
    State(s): State<AppState>,
    scope: Scope,
    JsonBody(data): JsonBody<RequestData>,
) -> Reply {
    let made = s
        .provisioning
        .create_request(scope.get(), scope.provisioning_quota(), data)
        .await?;
    let id = &made.provisioning_request_data.provisioning_request_id;
    Ok(created(ProvisioningRequest::object_ref(id), &made))
}

async fn get_request(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    Ok(json(&s.provisioning.get_request(scope.get(), &id).await?))
}

async fn update_request(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    JsonBody(data): JsonBody<RequestData>,
) -> Reply {
    Ok(json(
        &s.provisioning
            .replace_request(scope.get(), &id, data)
            .await?,
    ))
}

/// 202 with the request's `Location`: it is polled until 404.
async fn delete_request(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    s.provisioning.delete_request(scope.get(), &id).await?;
    let mut response = StatusCode::ACCEPTED.into_response();
    if let Ok(v) = HeaderValue::from_str(&ProvisioningRequest::object_ref(&id)) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}
