//! RFC 7807 ProblemDetails, the error body of every O2-IMS REST response.

use axum::{
    extract::{rejection::JsonRejection, FromRequest, Request},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use serde::{de::DeserializeOwned, Serialize};

use crate::error::{ApiError, ErrorCode};

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

impl From<axum::extract::rejection::QueryRejection> for Problem {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Self {
        Problem::new(ErrorCode::InvalidArgument, rejection.body_text())
    }
}

/// A JSON body whose rejections (bad JSON, wrong content type) are ProblemDetails.
pub struct JsonBody<T>(pub T);

impl<S, T> FromRequest<S> for JsonBody<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(JsonBody(v)),
            Err(rejection) => Err(match &rejection {
                JsonRejection::MissingJsonContentType(_) => Problem::new(
                    ErrorCode::InvalidArgument,
                    "the request body must be JSON (Content-Type: application/json)",
                ),
                r if r.status() == StatusCode::PAYLOAD_TOO_LARGE => Problem::new(
                    ErrorCode::TooLarge,
                    format!("the request body exceeds {} bytes", crate::http::MAX_BODY),
                ),
                r => Problem::new(
                    ErrorCode::InvalidArgument,
                    format!("invalid request body: {}", r.body_text()),
                ),
            }),
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
