//! RFC 7807 ProblemDetails, the error body of every O2-IMS REST response.

use axum::{
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Serialize;

pub const CONTENT_TYPE: &str = "application/problem+json";

/// The `ProblemDetails` schema of the O2ims common API.
#[derive(Debug, Serialize)]
pub struct ProblemDetails {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: &'static str,
    pub status: u16,
    pub detail: String,
}

pub fn render(status: StatusCode, title: &'static str, detail: String) -> Response {
    let body = ProblemDetails {
        kind: "about:blank",
        title,
        status: status.as_u16(),
        detail,
    };
    (
        status,
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        serde_json::to_vec(&body).unwrap_or_default(),
    )
        .into_response()
}
