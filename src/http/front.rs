//! The front of every request, REST and gRPC alike, as one tower layer around each route:
//! request metrics, the request's span when traces are exported, the deprecation headers of a
//! deprecated API version, the security gate ([`Guard`]), and the request's audit record.
//!
//! One hand-written layer rather than `axum::middleware::from_fn` per concern: each `from_fn`
//! clones the inner service and boxes two futures per request, a measurable share of a small
//! list's cost. Here a request whose admission needs nothing asynchronous (authentication off,
//! a public route, a malformed credential refused outright) runs its route's future unboxed;
//! only verifying a credential boxes one.

use std::{
    convert::Infallible,
    future::Future,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
    time::Instant,
};

use axum::{
    extract::{MatchedPath, Request},
    http::{HeaderName, HeaderValue, Method, Uri},
    response::Response,
};
use futures::future::{BoxFuture, Either, Ready};
use tower::{Layer, Service, ServiceExt as _};

use super::{is_grpc, request_metrics};
use crate::security::{
    audit::{now_ms, rfc3339_ms, Audit, AuditRecord, Outcome},
    guard::{Admission, Guard},
    peer::ConnInfo,
    Principal,
};

/// The request id header: taken from the caller when sensible, made otherwise, and answered.
const REQUEST_ID: &str = "x-request-id";

/// Per deprecated version: its path prefix and the headers its responses carry.
pub type Deprecations = Vec<(String, Vec<(HeaderName, HeaderValue)>)>;

/// Builds [`Front`] around each route.
#[derive(Clone)]
pub struct FrontLayer {
    guard: Arc<Guard>,
    audit: Option<Audit>,
    deprecations: Arc<Deprecations>,
}

impl FrontLayer {
    pub fn new(guard: Arc<Guard>, audit: Option<Audit>, deprecations: Deprecations) -> FrontLayer {
        FrontLayer {
            guard,
            audit,
            deprecations: Arc::new(deprecations),
        }
    }
}

impl<S> Layer<S> for FrontLayer {
    type Service = Front<S>;

    fn layer(&self, inner: S) -> Front<S> {
        Front {
            inner,
            guard: Arc::clone(&self.guard),
            audit: self.audit.clone(),
            deprecations: Arc::clone(&self.deprecations),
        }
    }
}

#[derive(Clone)]
pub struct Front<S> {
    inner: S,
    guard: Arc<Guard>,
    audit: Option<Audit>,
    deprecations: Arc<Deprecations>,
}

/// Who the gate authenticated (admitted or refused), handed from the credential check to
/// the audit record.
#[derive(Clone)]
struct Admitted(Arc<Principal>);

type Inner<F> = Either<
    F,
    Either<Ready<Result<Response, Infallible>>, BoxFuture<'static, Result<Response, Infallible>>>,
>;

impl<S> Service<Request> for Front<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Measured<Inner<S::Future>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request) -> Self::Future {
        let start = Instant::now();
        let labels = Labels::of(&req);
        let span = crate::telemetry::exporting().then(|| request_span(&req));
        let deprecated = deprecated(&self.deprecations, req.uri().path());
        let mut record = self.audit.as_ref().map(|_| draft(&self.guard, &req));
        let inner = match self.guard.admit(&mut req) {
            // `poll_ready` readied `self.inner` for this call.
            Admission::Pass => {
                // Authentication off: the anonymous caller; a public route: none.
                let caller = req.extensions().get::<Arc<Principal>>();
                if let (Some(record), Some(principal)) = (record.as_mut(), caller) {
                    let thumbprint = record.certificate_thumbprint.take();
                    crate::security::audit::set_caller(record, principal, thumbprint.as_deref());
                }
                Either::Left(self.inner.call(req))
            }
            Admission::Refuse(response) => {
                Either::Right(Either::Left(futures::future::ready(Ok(response))))
            }
            Admission::Check(check) => {
                // The readied service goes with the future; a clone stays for the next call.
                let clone = self.inner.clone();
                let inner = std::mem::replace(&mut self.inner, clone);
                let audited = self.audit.is_some();
                let checked: BoxFuture<'static, Result<Response, Infallible>> =
                    Box::pin(async move {
                        let (mut response, caller) = match check.run().await {
                            Ok(principal) => {
                                let caller = Arc::clone(&principal);
                                req.extensions_mut().insert::<Arc<Principal>>(principal);
                                let Ok(response) = inner.oneshot(req).await;
                                (response, Some(caller))
                            }
                            Err(refused) => refused,
                        };
                        if let Some(scope) = caller.as_ref().and_then(|c| c.scope.as_ref()) {
                            count_for_tenant(&scope.tenant, &response);
                        }
                        if let (true, Some(caller)) = (audited, caller) {
                            response.extensions_mut().insert(Admitted(caller));
                        }
                        Ok(response)
                    });
                Either::Right(Either::Right(checked))
            }
        };
        Measured {
            inner,
            start,
            labels: Some(labels),
            span,
            deprecated: deprecated.map(|i| (Arc::clone(&self.deprecations), i)),
            audit: self.audit.clone().zip(record),
        }
    }
}

/// Requests of each tenant by result. Bounded: only callers of a tenant the registry holds
/// (and found active) have a scope.
fn count_for_tenant(tenant: &str, response: &Response) {
    let grpc = response
        .headers()
        .get("grpc-status")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    let result = Outcome::of(response.status().as_u16(), grpc).as_str();
    metrics::counter!(crate::metrics::TENANT_REQUESTS, "tenant" => tenant.to_owned(), "result" => result)
        .increment(1);
}

/// What a request's metrics are labelled with, taken before the request moves on.
enum Labels {
    Grpc(Uri),
    Http(Method, Option<MatchedPath>),
}

impl Labels {
    fn of(req: &Request) -> Labels {
        if is_grpc(req) {
            Labels::Grpc(req.uri().clone())
        } else {
            Labels::Http(
                req.method().clone(),
                req.extensions().get::<MatchedPath>().cloned(),
            )
        }
    }

    fn record(self, response: &Response, start: Instant) {
        match self {
            Labels::Grpc(uri) => {
                let code = response
                    .headers()
                    .get("grpc-status")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("0");
                request_metrics::grpc(uri.path(), code, start.elapsed());
            }
            Labels::Http(method, route) => request_metrics::http(
                method.as_str(),
                route.as_ref().map_or("unmatched", |r| r.as_str()),
                response.status().as_u16(),
                start.elapsed(),
            ),
        }
    }
}

pin_project_lite::pin_project! {
    /// The route's future, measured; deprecation headers added to its response.
    pub struct Measured<F> {
        #[pin]
        inner: F,
        start: Instant,
        labels: Option<Labels>,
        span: Option<tracing::Span>,
        deprecated: Option<(Arc<Deprecations>, usize)>,
        audit: Option<(Audit, AuditRecord)>,
    }
}

impl<F: Future<Output = Result<Response, Infallible>>> Future for Measured<F> {
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let _entered = this.span.as_ref().map(tracing::Span::enter);
        let Ok(mut response) = std::task::ready!(this.inner.poll(cx));
        if let Some(labels) = this.labels.take() {
            labels.record(&response, *this.start);
        }
        if let Some((deprecations, i)) = this.deprecated.take() {
            for (name, value) in &deprecations[i].1 {
                // `Link` may already name the next page: the deprecation link is one more.
                response.headers_mut().append(name.clone(), value.clone());
            }
        }
        if let Some((audit, record)) = this.audit.take() {
            finish(audit, record, &mut response);
        }
        Poll::Ready(Ok(response))
    }
}

/// What the audit record of `req` says before the request moves on.
fn draft(guard: &Guard, req: &Request) -> AuditRecord {
    let grpc = is_grpc(req);
    let at_ms = now_ms();
    let conn = req.extensions().get::<ConnInfo>();
    let request_id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map_or_else(crate::security::audit::request_id, str::to_owned);
    AuditRecord {
        timestamp: rfc3339_ms(at_ms),
        at_ms,
        request_id,
        tenant: None,
        subject: None,
        client_id: None,
        auth_method: None,
        certificate_thumbprint: conn
            .and_then(|c| c.cert.as_ref())
            .map(|c| c.x5t_s256.clone()),
        rpc: guard.rpc(req, grpc).map(str::to_owned),
        http_method: req.method().to_string(),
        path: req.uri().path().to_owned(),
        object_id: req
            .extensions()
            .get::<MatchedPath>()
            .and_then(|t| object_id(t.as_str(), req.uri().path())),
        result: Outcome::Success,
        status: 0,
        grpc_status: None,
        peer: conn.map(|c| c.remote.to_string()),
    }
}

/// The record completed from the response, written; the response names its request id.
fn finish(audit: Audit, mut record: AuditRecord, response: &mut Response) {
    if let Some(Admitted(principal)) = response.extensions_mut().remove::<Admitted>() {
        let thumbprint = record.certificate_thumbprint.take();
        crate::security::audit::set_caller(&mut record, &principal, thumbprint.as_deref());
    }
    record.status = response.status().as_u16();
    record.grpc_status = response
        .headers()
        .get("grpc-status")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    record.result = Outcome::of(record.status, record.grpc_status);
    if let Ok(id) = HeaderValue::from_str(&record.request_id) {
        response.headers_mut().insert(REQUEST_ID, id);
    }
    audit.record(record);
}

/// The last path parameter of route template `template` in `path`: the object addressed.
fn object_id(template: &str, path: &str) -> Option<String> {
    let (t, p): (Vec<&str>, Vec<&str>) = (template.split('/').collect(), path.split('/').collect());
    if t.len() != p.len() {
        return None;
    }
    t.iter()
        .zip(&p)
        .rfind(|(t, _)| t.starts_with('{') && !t.starts_with("{*"))
        .map(|(_, p)| (*p).to_owned())
}

/// The deprecated version `path` belongs to, if any: every response of a deprecated version
/// says so, errors and refusals included.
fn deprecated(deprecations: &Deprecations, path: &str) -> Option<usize> {
    deprecations.iter().position(|(prefix, _)| {
        path.strip_prefix(prefix.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The deprecation headers of each deprecated API version.
pub fn deprecations(lifecycle: &crate::config::ApiVersionsConfig) -> Deprecations {
    crate::service::inventory::VERSIONS
        .iter()
        .filter_map(|(major, _)| {
            let headers: Vec<_> = lifecycle
                .of(major)?
                .headers()
                .into_iter()
                .filter_map(|(name, value)| {
                    Some((
                        HeaderName::from_static(name),
                        HeaderValue::from_str(&value).ok()?,
                    ))
                })
                .collect();
            let prefix = format!("{}/{major}", crate::service::inventory::API_ROOT);
            (!headers.is_empty()).then_some((prefix, headers))
        })
        .collect()
}

/// The span of one request (REST or gRPC), continuing the caller's W3C trace.
fn request_span(req: &Request) -> tracing::Span {
    let (name, route) = if is_grpc(req) {
        (
            req.uri().path().trim_start_matches('/').to_owned(),
            req.uri().path().to_owned(),
        )
    } else {
        let route = req
            .extensions()
            .get::<MatchedPath>()
            .map_or_else(|| req.uri().path().to_owned(), |p| p.as_str().to_owned());
        (format!("{} {route}", req.method()), route)
    };
    let span = tracing::trace_span!("request", otel.name = %name, otel.kind = "server",
        http.request.method = %req.method(), http.route = %route, rpc.system = if is_grpc(req) { "grpc" } else { "" });
    crate::telemetry::continue_trace(&span, req.headers());
    span
}
