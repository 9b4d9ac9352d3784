//! The front of every request, REST and gRPC alike, as one tower layer around each route:
//! request metrics, the request's span when traces are exported, the deprecation headers of a
//! deprecated API version, and the security gate ([`Guard`]).
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
    guard::{Admission, Guard},
    Principal,
};

/// Per deprecated version: its path prefix and the headers its responses carry.
pub type Deprecations = Vec<(String, Vec<(HeaderName, HeaderValue)>)>;

/// Builds [`Front`] around each route.
#[derive(Clone)]
pub struct FrontLayer {
    guard: Arc<Guard>,
    deprecations: Arc<Deprecations>,
}

impl FrontLayer {
    pub fn new(guard: Arc<Guard>, deprecations: Deprecations) -> FrontLayer {
        FrontLayer {
            guard,
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
            deprecations: Arc::clone(&self.deprecations),
        }
    }
}

#[derive(Clone)]
pub struct Front<S> {
    inner: S,
    guard: Arc<Guard>,
    deprecations: Arc<Deprecations>,
}

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
        let inner = match self.guard.admit(&mut req) {
            // `poll_ready` readied `self.inner` for this call.
            Admission::Pass => Either::Left(self.inner.call(req)),
            Admission::Refuse(response) => {
                Either::Right(Either::Left(futures::future::ready(Ok(response))))
            }
            Admission::Check(check) => {
                // The readied service goes with the future; a clone stays for the next call.
                let clone = self.inner.clone();
                let inner = std::mem::replace(&mut self.inner, clone);
                let checked: BoxFuture<'static, Result<Response, Infallible>> =
                    Box::pin(async move {
                        match check.run().await {
                            Ok(principal) => {
                                req.extensions_mut().insert::<Arc<Principal>>(principal);
                                inner.oneshot(req).await
                            }
                            Err(refusal) => Ok(refusal),
                        }
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
        }
    }
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
        Poll::Ready(Ok(response))
    }
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
