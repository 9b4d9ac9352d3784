//! RFC 7807 ProblemDetails, the error body of every O2-IMS REST response.

use axum::{
    extract::{FromRequest, Request},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, ErrorCode};

pub use crate::render::problem::{render, ProblemDetails, CONTENT_TYPE};

/// An [`ApiError`] rendered as ProblemDetails.
#[derive(Debug)]
pub struct Problem(pub ApiError);

impl From<ApiError> for Problem {
    fn from(e: ApiError) -> Self {
        Problem(e)
    }
}

impl Problem {
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Problem {
        Problem(ApiError::new(code, detail))
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        self.0.log();
        let status = self.0.code.http();
        render(status, self.0.code.title(), self.0.message)
    }
}

impl From<axum::extract::rejection::QueryRejection> for Problem {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Self {
        Problem::new(ErrorCode::InvalidArgument, rejection.body_text())
    }
}

/// A JSON object body whose rejections (bad JSON, not an object, wrong content type) are
/// ProblemDetails. Every request body of the API is an object: a JSON array would otherwise
/// fill a struct's fields by position.
pub struct JsonBody<T>(pub T);

/// `application/json`, or any `+json` media type.
fn is_json(headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
        || (essence.len() > 5
            && essence.to_ascii_lowercase().starts_with("application/")
            && essence.to_ascii_lowercase().ends_with("+json"))
}

impl<S, T> FromRequest<S> for JsonBody<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(Problem::new(
                ErrorCode::InvalidArgument,
                "the request body must be JSON (Content-Type: application/json)",
            ));
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|r| {
                if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    Problem::new(
                        ErrorCode::TooLarge,
                        format!("the request body exceeds {} bytes", crate::http::MAX_BODY),
                    )
                } else {
                    Problem::new(ErrorCode::InvalidArgument, r.body_text())
                }
            })?;
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first.is_some() && first != Some(&b'{') {
            return Err(Problem::new(
                ErrorCode::InvalidArgument,
                "invalid request body: it must be a JSON object",
            ));
        }
        match axum::Json::<T>::from_bytes(&bytes) {
            Ok(axum::Json(v)) => Ok(JsonBody(v)),
            Err(rejection) => Err(Problem::new(
                ErrorCode::InvalidArgument,
                format!("invalid request body: {}", rejection.body_text()),
            )),
        }
    }
}

/// Any path no route serves.
pub async fn not_found(uri: axum::http::Uri) -> Problem {
    Problem::new(
        ErrorCode::NotFound,
        format!("no resource at '{}'", uri.path()),
    )
}

/// A served path called with a method it does not allow.
pub async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> Response {
    if super::tmf688::owns(uri.path()) {
        return super::tmf688::render_error(
            StatusCode::METHOD_NOT_ALLOWED,
            &ErrorCode::Unsupported,
            format!("{method} is not allowed on '{}'", uri.path()),
        );
    }
    render(
        StatusCode::METHOD_NOT_ALLOWED,
        "Method Not Allowed",
        format!("{method} is not allowed on '{}'", uri.path()),
    )
}
