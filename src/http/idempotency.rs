//! Idempotent creations: the `Idempotency-Key` request header (IETF
//! draft-ietf-httpapi-idempotency-key-header) on a REST `POST`, or the `idempotency-key`
//! metadata on a gRPC `Create…` call. The first request with a key runs and its answer (status,
//! headers, body, gRPC trailers) is kept for `idempotency.ttl_seconds`; a repeat with the same
//! key and the same request gets that answer without running again, on any replica sharing the
//! store; the same key with another request is 422 (gRPC INVALID_ARGUMENT); a repeat while the
//! first still runs is 409 (gRPC ABORTED). Keys are the caller's own: two callers' equal keys
//! never meet.
//!
//! The first request runs to its end even when its client goes away (a timed-out client
//! retrying is the case this exists for), and only answers that say what happened are kept: a
//! 5xx (gRPC UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN) frees the key, so a retry runs
//! again. A request without the key runs as before; this layer then costs one header lookup.

use std::{
    convert::Infallible,
    sync::Arc,
    task::{Context, Poll},
    time::Duration,
};

use axum::{
    body::Body,
    extract::Request,
    http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
};
use base64::{engine::general_purpose::STANDARD, Engine as _};
use futures::future::{BoxFuture, Either};
use http_body_util::BodyExt as _;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tower::{Layer, Service, ServiceExt as _};

use crate::{
    error::ErrorCode,
    metrics,
    security::Principal,
    store::{idempotency::KeyRecord, IdempotencyStoreRef},
};

/// The request header (and gRPC metadata key).
pub const HEADER: &str = "idempotency-key";

/// How long a claim lasts unless its request, still running, renews it.
const HOLD: Duration = Duration::from_secs(30);

/// Longest key accepted.
const MAX_KEY: usize = 255;

/// Builds [`Idempotent`] around each route.
#[derive(Clone)]
pub struct IdempotencyLayer {
    store: IdempotencyStoreRef,
    ttl: Duration,
}

impl IdempotencyLayer {
    pub fn new(store: IdempotencyStoreRef, ttl: Duration) -> IdempotencyLayer {
        IdempotencyLayer { store, ttl }
    }
}

impl<S> Layer<S> for IdempotencyLayer {
    type Service = Idempotent<S>;

    fn layer(&self, inner: S) -> Idempotent<S> {
        Idempotent {
            inner,
            store: Arc::clone(&self.store),
            ttl: self.ttl,
        }
    }
}

#[derive(Clone)]
pub struct Idempotent<S> {
    inner: S,
    store: IdempotencyStoreRef,
    ttl: Duration,
}

/// A kept answer.
#[derive(Serialize, Deserialize)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    trailers: Vec<(String, String)>,
}

/// Whether the request is one this layer keys: a REST `POST`, or a gRPC `Create…` call.
fn keyed(req: &Request) -> bool {
    if req.method() != Method::POST || !req.headers().contains_key(HEADER) {
        return false;
    }
    if super::is_grpc(req) {
        return req
            .uri()
            .path()
            .rsplit('/')
            .next()
            .is_some_and(|m| m.starts_with("Create"));
    }
    true
}

impl<S> Service<Request> for Idempotent<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Either<S::Future, BoxFuture<'static, Result<Response, Infallible>>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        if !keyed(&req) {
            return Either::Left(self.inner.call(req));
        }
        // The clone that was polled ready runs the request; a fresh one stays for the next.
        let clone = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, clone);
        let (store, ttl) = (Arc::clone(&self.store), self.ttl);
        Either::Right(Box::pin(
            async move { Ok(run(inner, store, ttl, req).await) },
        ))
    }
}

/// The key as sent: a Structured Field string (`"…"`, as the draft defines it) or bare.
fn key_of(headers: &HeaderMap) -> Result<String, String> {
    let raw = headers
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or("Idempotency-Key must be visible ASCII")?
        .trim();
    let key = raw
        .strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .unwrap_or(raw);
    if key.is_empty() || key.len() > MAX_KEY || key.chars().any(|c| !c.is_ascii_graphic()) {
        return Err(format!(
            "Idempotency-Key must be 1 to {MAX_KEY} visible ASCII characters"
        ));
    }
    Ok(key.to_owned())
}

fn hex_sha256(parts: &[&[u8]]) -> String {
    let mut hash = Sha256::new();
    for p in parts {
        hash.update((p.len() as u64).to_be_bytes());
        hash.update(p);
    }
    hex::encode(hash.finalize())
}

async fn run<S>(inner: S, store: IdempotencyStoreRef, ttl: Duration, req: Request) -> Response
where
    S: Service<Request, Response = Response, Error = Infallible> + Send + 'static,
    S::Future: Send + 'static,
{
    let grpc = super::is_grpc(&req);
    let path = req.uri().path().to_owned();
    let key = match key_of(req.headers()) {
        Ok(k) => k,
        Err(message) => return refuse(grpc, &path, Refusal::BadKey, message),
    };
    let (parts, body) = req.into_parts();
    let body = match axum::body::to_bytes(body, super::MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return refuse(
                grpc,
                &path,
                Refusal::TooLarge,
                format!("the request body exceeds {} bytes", super::MAX_BODY),
            )
        }
    };
    // The caller's own key space: its identity and tenant, then the key.
    let caller = parts
        .extensions
        .get::<Arc<Principal>>()
        .map(|p| format!("{}\n{}", p.subject, p.tenant.as_deref().unwrap_or_default()))
        .unwrap_or_default();
    let stored_key = hex_sha256(&[caller.as_bytes(), key.as_bytes()]);
    let target = parts
        .uri
        .path_and_query()
        .map_or(path.as_str(), |pq| pq.as_str());
    let fingerprint = hex_sha256(&[parts.method.as_str().as_bytes(), target.as_bytes(), &body]);
    let claim = KeyRecord::claim(&fingerprint, &uuid::Uuid::new_v4().simple().to_string());

    let found = match store.claim(&stored_key, &claim, HOLD).await {
        Ok(found) => found,
        Err(e) => {
            tracing::warn!(error = %e, "idempotency key not claimed: store unavailable");
            return refuse(
                grpc,
                &path,
                Refusal::Unavailable,
                "the idempotency key cannot be checked now; retry".into(),
            );
        }
    };
    if let Some(record) = found {
        if record.fingerprint != fingerprint {
            ::metrics::counter!(metrics::IDEMPOTENCY, "outcome" => "mismatch").increment(1);
            return refuse(
                grpc,
                &path,
                Refusal::Mismatch,
                "this Idempotency-Key was used with another request".into(),
            );
        }
        return match record.answer.as_deref().map(replay) {
            Some(Some(response)) => {
                ::metrics::counter!(metrics::IDEMPOTENCY, "outcome" => "replayed").increment(1);
                response
            }
            Some(None) => refuse(
                grpc,
                &path,
                Refusal::Unavailable,
                "the kept answer of this Idempotency-Key is unreadable".into(),
            ),
            None => {
                ::metrics::counter!(metrics::IDEMPOTENCY, "outcome" => "in_progress").increment(1);
                refuse(
                    grpc,
                    &path,
                    Refusal::InProgress,
                    "a request with this Idempotency-Key is in progress; retry later".into(),
                )
            }
        };
    }

    // Claimed: run to the end whatever the client does, renewing the claim meanwhile.
    ::metrics::counter!(metrics::IDEMPOTENCY, "outcome" => "first").increment(1);
    let req = Request::from_parts(parts, Body::from(body));
    let task = tokio::spawn(async move {
        let renewing = {
            let (store, key, claim) = (Arc::clone(&store), stored_key.clone(), claim.clone());
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(HOLD / 3).await;
                    if let Err(e) = store.renew(&key, &claim, HOLD).await {
                        tracing::warn!(error = %e, "idempotency claim not renewed");
                    }
                }
            })
        };
        let Ok(response) = inner.oneshot(req).await;
        renewing.abort();
        keep(&store, &stored_key, &claim, response, ttl).await
    });
    match task.await {
        Ok(response) => response,
        Err(e) => {
            tracing::error!(error = %e, "a keyed request failed");
            refuse(grpc, &path, Refusal::Internal, "the request failed".into())
        }
    }
}

/// Whether an answer says what happened (kept), or that the request did not complete (not
/// kept: a retry runs again).
fn conclusive(status: StatusCode, headers: &HeaderMap, trailers: Option<&HeaderMap>) -> bool {
    if status.is_server_error() {
        return false;
    }
    let grpc_status = trailers
        .and_then(|t| t.get("grpc-status"))
        .or_else(|| headers.get("grpc-status"))
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i32>().ok());
    // UNKNOWN, DEADLINE_EXCEEDED, INTERNAL, UNAVAILABLE.
    !matches!(grpc_status, Some(2 | 4 | 13 | 14))
}

fn pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "content-length" | "date"))
        .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
        .collect()
}

/// Keeps `response` as the key's answer when conclusive (else frees the key), and returns it.
async fn keep(
    store: &IdempotencyStoreRef,
    key: &str,
    claim: &KeyRecord,
    response: Response,
    ttl: Duration,
) -> Response {
    let (parts, body) = response.into_parts();
    let collected = match body.collect().await {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %e, "a keyed response's body failed");
            let _ = store.release(key, claim).await;
            return Response::from_parts(parts, Body::empty());
        }
    };
    let trailers = collected.trailers().cloned();
    let bytes = collected.to_bytes();
    if conclusive(parts.status, &parts.headers, trailers.as_ref()) {
        let answer = Answer {
            status: parts.status.as_u16(),
            headers: pairs(&parts.headers),
            body: STANDARD.encode(&bytes),
            trailers: trailers.as_ref().map(pairs).unwrap_or_default(),
        };
        let answered = KeyRecord {
            fingerprint: claim.fingerprint.clone(),
            token: String::new(),
            answer: serde_json::to_string(&answer).ok(),
        };
        match store.answer(key, claim, &answered, ttl).await {
            Ok(true) => {}
            Ok(false) => tracing::warn!("an idempotency claim ran out before its answer"),
            Err(e) => tracing::warn!(error = %e, "an idempotent answer was not kept"),
        }
    } else if let Err(e) = store.release(key, claim).await {
        tracing::warn!(error = %e, "an idempotency claim was not freed; it runs out");
    }
    rebuild(parts.status, &parts.headers, bytes, trailers)
}

fn rebuild(
    status: StatusCode,
    headers: &HeaderMap,
    body: bytes::Bytes,
    trailers: Option<HeaderMap>,
) -> Response {
    let body = match trailers {
        None => Body::from(body),
        Some(trailers) => {
            let frames = [
                Ok::<_, Infallible>(http_body::Frame::data(body)),
                Ok(http_body::Frame::trailers(trailers)),
            ];
            Body::new(http_body_util::StreamBody::new(futures::stream::iter(
                frames,
            )))
        }
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    for (name, value) in headers {
        if name != "content-length" {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }
    response
}

fn to_map(pairs: &[(String, String)]) -> Option<HeaderMap> {
    let mut map = HeaderMap::new();
    for (n, v) in pairs {
        map.append(
            HeaderName::from_bytes(n.as_bytes()).ok()?,
            HeaderValue::from_str(v).ok()?,
        );
    }
    Some(map)
}

/// The kept answer as a response; `None` when it does not decode.
fn replay(raw: &str) -> Option<Response> {
    let answer: Answer = serde_json::from_str(raw).ok()?;
    let body = STANDARD.decode(&answer.body).ok()?;
    let trailers = if answer.trailers.is_empty() {
        None
    } else {
        Some(to_map(&answer.trailers)?)
    };
    Some(rebuild(
        StatusCode::from_u16(answer.status).ok()?,
        &to_map(&answer.headers)?,
        body.into(),
        trailers,
    ))
}

enum Refusal {
    BadKey,
    TooLarge,
    Mismatch,
    InProgress,
    Unavailable,
    Internal,
}

fn refuse(grpc: bool, path: &str, why: Refusal, message: String) -> Response {
    let (status, code, grpc_code) = match why {
        Refusal::BadKey => (
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidArgument,
            tonic::Code::InvalidArgument,
        ),
        Refusal::TooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::TooLarge,
            tonic::Code::ResourceExhausted,
        ),
        Refusal::Mismatch => (
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidArgument,
            tonic::Code::InvalidArgument,
        ),
        Refusal::InProgress => (
            StatusCode::CONFLICT,
            ErrorCode::Conflict,
            tonic::Code::Aborted,
        ),
        Refusal::Unavailable => (
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unavailable,
            tonic::Code::Unavailable,
        ),
        Refusal::Internal => (
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            tonic::Code::Internal,
        ),
    };
    if grpc {
        return tonic::Status::new(grpc_code, message)
            .into_http::<Body>()
            .into_response();
    }
    // 422 has no error code of its own: its ProblemDetails title says what it is.
    if matches!(why, Refusal::Mismatch) && !crate::render::tmf::owns(path) {
        return crate::render::problem::render(status, "Unprocessable Content", message);
    }
    crate::render::error_for(path, status, &code, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(key: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(HEADER, HeaderValue::from_str(key).unwrap());
        h
    }

    #[test]
    fn keys_are_structured_strings_or_bare_visible_ascii() {
        assert_eq!(key_of(&headers("\"8e03978e\"")).unwrap(), "8e03978e");
        assert_eq!(key_of(&headers("abc-1")).unwrap(), "abc-1");
        assert!(key_of(&headers("\"\"")).is_err());
        assert!(key_of(&headers("a b")).is_err());
        assert!(key_of(&headers(&"k".repeat(256))).is_err());
    }

    #[test]
    fn only_conclusive_answers_are_kept() {
        let none = HeaderMap::new();
        assert!(conclusive(StatusCode::CREATED, &none, None));
        assert!(conclusive(StatusCode::BAD_REQUEST, &none, None));
        assert!(!conclusive(StatusCode::SERVICE_UNAVAILABLE, &none, None));
        let mut t = HeaderMap::new();
        t.insert("grpc-status", HeaderValue::from_static("14"));
        assert!(!conclusive(StatusCode::OK, &none, Some(&t)));
        t.insert("grpc-status", HeaderValue::from_static("6"));
        assert!(conclusive(StatusCode::OK, &none, Some(&t)));
    }

    #[test]
    fn a_kept_answer_replays_as_it_was() {
        let mut h = HeaderMap::new();
        h.insert("location", HeaderValue::from_static("/x/1"));
        let answer = Answer {
            status: 201,
            headers: pairs(&h),
            body: STANDARD.encode(b"{\"id\":1}"),
            trailers: vec![],
        };
        let response = replay(&serde_json::to_string(&answer).unwrap()).unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        assert_eq!(response.headers()["location"], "/x/1");
    }
}
