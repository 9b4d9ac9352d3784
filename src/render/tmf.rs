//! The TMF `Error` body of the TMF688 API (`/tmf-api/…`).

use axum::{
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

use crate::error::ErrorCode;

/// The media type of every TMF688 v4 body, as the document declares it.
pub const CONTENT_TYPE: &str = "application/json;charset=utf-8";

/// Whether a path belongs to the TMF688 surface (its errors are TMF `Error`s).
pub fn owns(path: &str) -> bool {
    path.starts_with("/tmf-api/")
}

/// The TMF `Error`: `code` names the failure, `reason` is the HTTP reason, `message` says
/// what exactly is wrong, `status` is the HTTP status as a string.
pub fn render_error(status: StatusCode, code: &ErrorCode, message: String) -> Response {
    let body = serde_json::json!({
        "code": format!("{code:?}"),
        "reason": status.canonical_reason().unwrap_or("Error"),
        "message": message,
        "status": status.as_u16().to_string(),
        "@type": "Error",
    });
    (
        status,
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        serde_json::to_vec(&body).unwrap_or_default(),
    )
        .into_response()
}
