//! One error table for both transports: every [`ErrorCode`] knows its gRPC code and its HTTP
//! status, so REST and gRPC cannot drift. Client-facing messages are explicit; internal causes
//! are logged once at the edge and never sent to clients.

use axum::http::StatusCode;

use crate::{
    backend::BackendError,
    domain::{FieldsError, FilterError},
    store::StoreError,
};

/// The kinds of failure an API call can end with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// Malformed or invalid input (filter, body, identifier).
    InvalidArgument,
    /// The addressed object does not exist.
    NotFound,
    /// The object conflicts with an existing one. HTTP 400, not 409: the O-RAN conformance
    /// tests expect 400 for a second subscription with the same callback.
    AlreadyExists,
    /// The request is valid but the state forbids it (e.g. deleting a non-empty pool).
    FailedPrecondition,
    /// An administrative object whose id is taken (HTTP 409, gRPC ALREADY_EXISTS).
    Conflict,
    /// A stream position older than retention: resynchronise (list afresh, then watch).
    OutOfRange,
    /// The backend lacks the capability a write extension needs.
    Unsupported,
    /// A dependency (store, backend) is unreachable; retrying may help.
    Unavailable,
    /// No credentials, or credentials that do not verify.
    Unauthenticated,
    /// A verified caller whose roles do not allow the call.
    PermissionDenied,
    /// A request body over the limit.
    TooLarge,
    /// A conditional write whose entity tag (`If-Match`) is no longer current (HTTP 412,
    /// gRPC ABORTED: read again, then retry).
    StaleVersion,
    /// A request body in a media type the route does not take (HTTP 415).
    UnsupportedMediaType,
    /// No representation the caller accepts (HTTP 406): an `Accept` or a `Version` the route
    /// does not serve.
    Unacceptable,
    /// A tenant's quota is used up (HTTP 429, gRPC RESOURCE_EXHAUSTED).
    QuotaExceeded,
    /// A well-formed request the object's state cannot take (HTTP 422, gRPC
    /// FAILED_PRECONDITION): replacing a provisioning request being deleted.
    Unprocessable,
    /// A bug or an unexpected failure.
    Internal,
}

impl ErrorCode {
    pub fn grpc(self) -> tonic::Code {
        match self {
            ErrorCode::InvalidArgument => tonic::Code::InvalidArgument,
            ErrorCode::NotFound => tonic::Code::NotFound,
            ErrorCode::AlreadyExists | ErrorCode::Conflict => tonic::Code::AlreadyExists,
            ErrorCode::FailedPrecondition | ErrorCode::Unsupported | ErrorCode::Unprocessable => {
                tonic::Code::FailedPrecondition
            }
            ErrorCode::OutOfRange => tonic::Code::OutOfRange,
            ErrorCode::StaleVersion => tonic::Code::Aborted,
            ErrorCode::UnsupportedMediaType | ErrorCode::Unacceptable => {
                tonic::Code::InvalidArgument
            }
            ErrorCode::Unavailable => tonic::Code::Unavailable,
            ErrorCode::Unauthenticated => tonic::Code::Unauthenticated,
            ErrorCode::PermissionDenied => tonic::Code::PermissionDenied,
            ErrorCode::TooLarge | ErrorCode::QuotaExceeded => tonic::Code::ResourceExhausted,
            ErrorCode::Internal => tonic::Code::Internal,
        }
    }

    pub fn http(self) -> StatusCode {
        match self {
            ErrorCode::InvalidArgument | ErrorCode::AlreadyExists => StatusCode::BAD_REQUEST,
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::FailedPrecondition | ErrorCode::Conflict => StatusCode::CONFLICT,
            ErrorCode::Unsupported => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::OutOfRange => StatusCode::GONE,
            ErrorCode::StaleVersion => StatusCode::PRECONDITION_FAILED,
            ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::Unacceptable => StatusCode::NOT_ACCEPTABLE,
            ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorCode::PermissionDenied => StatusCode::FORBIDDEN,
            ErrorCode::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::QuotaExceeded => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A short, stable summary (the ProblemDetails `title`).
    pub fn title(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "Bad Request",
            ErrorCode::NotFound => "Not Found",
            ErrorCode::AlreadyExists => "Already Exists",
            ErrorCode::FailedPrecondition | ErrorCode::Conflict => "Conflict",
            ErrorCode::Unsupported => "Method Not Allowed",
            ErrorCode::OutOfRange => "Gone",
            ErrorCode::StaleVersion => "Precondition Failed",
            ErrorCode::UnsupportedMediaType => "Unsupported Media Type",
            ErrorCode::Unacceptable => "Not Acceptable",
            ErrorCode::Unavailable => "Service Unavailable",
            ErrorCode::Unauthenticated => "Unauthorized",
            ErrorCode::PermissionDenied => "Forbidden",
            ErrorCode::TooLarge => "Payload Too Large",
            ErrorCode::QuotaExceeded => "Too Many Requests",
            ErrorCode::Unprocessable => "Unprocessable Entity",
            ErrorCode::Internal => "Internal Server Error",
        }
    }
}

/// The error every service call returns.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    /// Safe to show to clients.
    pub message: String,
    /// The internal cause, for logs only.
    #[source]
    pub source: Option<anyhow::Error>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            source: None,
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidArgument, message)
    }

    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} '{id}' not found"))
    }

    fn internal(code: ErrorCode, message: &str, cause: impl Into<anyhow::Error>) -> Self {
        ApiError {
            code,
            message: message.to_owned(),
            source: Some(cause.into()),
        }
    }

    /// Logs the internal cause, once, where the error leaves the process.
    pub fn log(&self) {
        if let Some(source) = &self.source {
            tracing::error!(code = ?self.code, error = %format!("{source:#}"), "request failed");
        }
    }
}

impl From<FilterError> for ApiError {
    fn from(e: FilterError) -> Self {
        ApiError::invalid(e.to_string())
    }
}

impl From<FieldsError> for ApiError {
    fn from(e: FieldsError) -> Self {
        ApiError::invalid(e.to_string())
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::DuplicateCallback { .. } => {
                ApiError::new(ErrorCode::AlreadyExists, e.to_string())
            }
            StoreError::Unavailable(_) => {
                ApiError::internal(ErrorCode::Unavailable, "subscription store unavailable", e)
            }
            StoreError::Corrupt(_) | StoreError::Internal(_) => {
                ApiError::internal(ErrorCode::Internal, "subscription store failure", e)
            }
        }
    }
}

impl From<BackendError> for ApiError {
    fn from(e: BackendError) -> Self {
        match e {
            BackendError::NotFound { .. } => ApiError::new(ErrorCode::NotFound, e.to_string()),
            BackendError::Invalid(_) => ApiError::invalid(e.to_string()),
            BackendError::Conflict(_) => {
                ApiError::new(ErrorCode::FailedPrecondition, e.to_string())
            }
            BackendError::Unsupported { .. } => {
                ApiError::new(ErrorCode::Unsupported, e.to_string())
            }
            BackendError::Unavailable(_) => {
                ApiError::internal(ErrorCode::Unavailable, "inventory backend unavailable", e)
            }
        }
    }
}

impl From<ApiError> for tonic::Status {
    fn from(e: ApiError) -> Self {
        e.log();
        tonic::Status::new(e.code.grpc(), e.message)
    }
}
