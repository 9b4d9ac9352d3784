//! How an error looks on the wire, whoever refuses the request: RFC 7807 ProblemDetails on the
//! O-RAN APIs, the TMF `Error` on `/tmf-api`, a gRPC status on gRPC. A leaf: the request layer
//! (`http/`) and the security gate (`security/`) both render through it.

pub mod problem;
pub mod tmf;

use axum::{
    extract::Request,
    http::{header, StatusCode},
    response::Response,
};

use crate::error::ErrorCode;

/// A gRPC call (its content type is `application/grpc…`).
pub fn is_grpc(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/grpc"))
}

/// A REST error body as the API that owns `path` defines it.
pub fn error_for(path: &str, status: StatusCode, code: &ErrorCode, message: String) -> Response {
    if tmf::owns(path) {
        tmf::render_error(status, code, message)
    } else {
        problem::render(status, code.title(), message)
    }
}
