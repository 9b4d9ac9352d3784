//! VNF package management over REST as Tacker serves it (`/vnfpkgm/v1/vnf_packages`): 201 +
//! `Location` on create, `PUT …/package_content` with the CSAR (`application/zip`) answered
//! 202 with no body, bare-array lists with SOL013 attribute selectors and `Link` paging by
//! `nextpage_opaque_marker`, `GET …/vnfd` as text or zip, ProblemDetails on every error.

use axum::{
    body::Bytes,
    extract::{DefaultBodyLimit, OriginalUri, Path, RawQuery, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{delete, get, patch, post, put},
};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{
    problem::{JsonBody, Problem},
    table::{rpc, Table},
    AppState, Scope,
};
use crate::{
    dms::{
        package::{Operational, VnfPackage, ROOT},
        select::Selection,
    },
    error::ErrorCode,
    service::dms::packages::{Modifications, MAX_PACKAGE_BYTES},
};

const SERVICE: &str = "netweave.vnfpkgm.v1.VnfPackageService";

/// `VnfPkgInfo`'s attributes, and those SOL013 leaves out by default.
pub const FIELDS: &[&str] = &[
    "id",
    "vnfdId",
    "vnfProvider",
    "vnfProductName",
    "vnfSoftwareVersion",
    "vnfdVersion",
    "checksum",
    "softwareImages",
    "additionalArtifacts",
    "onboardingState",
    "operationalState",
    "usageState",
    "userDefinedData",
    "_links",
];
const COMPLEX: &[&str] = &[
    "checksum",
    "softwareImages",
    "additionalArtifacts",
    "userDefinedData",
];

pub fn add_routes(t: Table) -> Table {
    let packages = format!("{ROOT}/vnf_packages");
    let package = format!("{packages}/{{vnfPkgId}}");
    let s = |name| rpc(SERVICE, name);
    t.add(
        Method::GET,
        packages.clone(),
        s("ListVnfPackages"),
        get(list),
    )
    .add(Method::POST, packages, s("CreateVnfPackage"), post(create))
    .add(Method::GET, package.clone(), s("GetVnfPackage"), get(show))
    .add(
        Method::PATCH,
        package.clone(),
        s("UpdateVnfPackage"),
        patch(update),
    )
    .add(
        Method::DELETE,
        package.clone(),
        s("DeleteVnfPackage"),
        delete(remove),
    )
    .add(
        Method::PUT,
        format!("{package}/package_content"),
        s("UploadVnfPackageContent"),
        put(upload).layer(DefaultBodyLimit::max(MAX_PACKAGE_BYTES + 1)),
    )
    .add(
        Method::GET,
        format!("{package}/package_content"),
        s("GetVnfPackageContent"),
        get(content),
    )
    .add(
        Method::GET,
        format!("{package}/vnfd"),
        s("GetVnfd"),
        get(vnfd),
    )
}

type Reply = Result<Response, Problem>;

pub(super) fn json_response(status: StatusCode, body: &Value) -> Response {
    (status, axum::Json(body)).into_response()
}

/// A page of a SOL013 list (the VNF packages', and the lifecycle's): `items` selected by the
/// query `raw`, a bare array, with `Link: <…?nextpage_opaque_marker=id>; rel="next"` when more
/// follow.
pub(super) fn sol013_page(
    items: Vec<Value>,
    raw: &str,
    uri: &OriginalUri,
    (fields, complex): (&[&str], &[&str]),
    size: usize,
) -> Reply {
    let selection = Selection::parse(raw, fields, complex, "id")?;
    let (page, next) = selection.page(items, size);
    let mut response = json_response(StatusCode::OK, &Value::Array(page));
    if let Some(marker) = next {
        let link = format!(
            "<{}?{}>; rel=\"next\"",
            uri.path(),
            selection.next_query(raw, &marker)
        );
        if let Ok(v) = HeaderValue::from_str(&link) {
            response.headers_mut().insert(header::LINK, v);
        }
    }
    Ok(response)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CreateBody {
    #[serde(default)]
    user_defined_data: Map<String, Value>,
}

async fn create(
    State(s): State<AppState>,
    scope: Scope,
    JsonBody(body): JsonBody<CreateBody>,
) -> Reply {
    let made = s
        .packages
        .create(scope.get(), body.user_defined_data)
        .await?;
    let mut response = json_response(StatusCode::CREATED, &made.info());
    if let Ok(v) = HeaderValue::from_str(&format!("{ROOT}/vnf_packages/{}", made.id)) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}

/// A page of the caller's packages, sorted by id; `Link: <…?nextpage_opaque_marker=id>;
/// rel="next"` when more follow (`all_records=yes`: every one).
async fn list(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    RawQuery(raw): RawQuery,
) -> Reply {
    let all = s.packages.list(scope.get()).await?;
    let items = all.iter().map(VnfPackage::info).collect();
    let raw = raw.unwrap_or_default();
    sol013_page(items, &raw, &uri, (FIELDS, COMPLEX), s.v1_page_size)
}

async fn show(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    let found = s.packages.get(scope.get(), &id).await?;
    Ok(json_response(StatusCode::OK, &found.info()))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PatchBody {
    operational_state: Option<String>,
    user_defined_data: Option<Map<String, Value>>,
}

async fn update(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<PatchBody>,
) -> Reply {
    let operational_state = body
        .operational_state
        .map(|t| {
            Operational::parse(&t).ok_or_else(|| {
                Problem::new(
                    ErrorCode::InvalidArgument,
                    format!("operationalState '{t}' is not ENABLED or DISABLED"),
                )
            })
        })
        .transpose()?;
    let done = s
        .packages
        .update(
            scope.get(),
            &id,
            Modifications {
                operational_state,
                user_defined_data: body.user_defined_data,
            },
        )
        .await?;
    let mut out = Map::new();
    if let Some(state) = done.operational_state {
        out.insert("operationalState".into(), json!(state.name()));
    }
    if let Some(data) = done.user_defined_data {
        out.insert("userDefinedData".into(), Value::Object(data));
    }
    Ok(json_response(StatusCode::OK, &Value::Object(out)))
}

async fn remove(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    s.packages.delete(scope.get(), &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The CSAR as the body: `application/zip` (Tacker's clients send it so); 202, no body.
async fn upload(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let media = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if !matches!(
        media.as_str(),
        "application/zip" | "application/octet-stream" | "application/x-zip-compressed"
    ) {
        return Err(Problem::new(
            ErrorCode::UnsupportedMediaType,
            format!("the package content is a CSAR: send it as application/zip, not '{media}'"),
        ));
    }
    s.packages.upload(scope.get(), &id, body.to_vec()).await?;
    Ok(StatusCode::ACCEPTED.into_response())
}

async fn content(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    let bytes = s.packages.content(scope.get(), &id).await?;
    Ok(([(header::CONTENT_TYPE, "application/zip")], bytes).into_response())
}

/// `Accept: text/plain` (the one YAML file), `application/zip`, or both.
async fn vnfd(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Reply {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/zip");
    let (mut text, mut zip) = (false, false);
    for media in accept
        .split(',')
        .map(|m| m.split(';').next().unwrap_or_default().trim())
    {
        match media {
            "text/plain" => text = true,
            "application/zip" | "*/*" | "application/*" => zip = true,
            "" => {}
            other => {
                return Err(Problem::new(
                    ErrorCode::Unacceptable,
                    format!(
                        "Accept '{other}': the VNFD is served as text/plain or application/zip"
                    ),
                ))
            }
        }
    }
    let found = s.packages.vnfd(scope.get(), &id, text, zip).await?;
    Ok(([(header::CONTENT_TYPE, found.content_type)], found.content).into_response())
}
