//! The VNF packages' Helm chart repositories over HTTP (`/dms/charts/{packageId}/{sha256}/`):
//! `index.yaml` and `charts/{file}`, as Helm, Flux's source-controller and Argo CD's
//! repo-server read a chart repository. The address is the capability (see
//! `service::dms::charts`), so the routes are public; a wrong digest answers 404 like a
//! missing package.

use axum::{
    extract::{Path, State},
    http::{header, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
};

use super::{
    problem::Problem,
    table::{rpc, Table},
    AppState,
};

const SERVICE: &str = "netweave.vnfpkgm.v1.VnfPackageService";
pub const ROOT: &str = "/dms/charts";

pub fn add_routes(t: Table) -> Table {
    let repo = format!("{ROOT}/{{vnfPkgId}}/{{digest}}");
    t.add(
        Method::GET,
        format!("{repo}/index.yaml"),
        rpc(SERVICE, "GetChartIndex"),
        get(index),
    )
    .add(
        Method::GET,
        format!("{repo}/charts/{{file}}"),
        rpc(SERVICE, "GetChart"),
        get(chart),
    )
}

async fn index(
    State(s): State<AppState>,
    Path((package, digest)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let text = s.charts.index(&package, &digest).await?;
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/x-yaml")],
        text,
    )
        .into_response())
}

async fn chart(
    State(s): State<AppState>,
    Path((package, digest, file)): Path<(String, String, String)>,
) -> Result<Response, Problem> {
    let bytes = s.charts.chart(&package, &digest, &file).await?;
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/gzip")],
        bytes,
    )
        .into_response())
}
