//! A webhook receiver on a loopback port that records every request and answers as told:
//! success, failures, `Retry-After`, a redirect, or slowly.

use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode, Uri},
    response::{IntoResponse, Response},
    Router,
};

#[derive(Clone, Debug)]
pub enum Mode {
    /// 204 to everything.
    Ok,
    /// 500 to the first `n` requests, then 204.
    FailFirst(usize),
    /// Always this status.
    Always(u16),
    /// 429 with `Retry-After: secs` to the first request, then 204.
    RetryAfter(u64),
    /// 307 to `/elsewhere`.
    Redirect,
    /// Answers 204 after sleeping.
    Slow(Duration),
}

#[derive(Clone, Debug)]
pub struct Received {
    pub method: axum::http::Method,
    /// The status the receiver answered with.
    pub status: u16,
    pub path: String,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub at: Instant,
}

impl Received {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("notification body is JSON")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

#[derive(Default)]
struct Shared {
    mode: Mutex<Option<Mode>>,
    received: Mutex<Vec<Received>>,
}

pub struct Receiver {
    pub base: String,
    shared: Arc<Shared>,
}

async fn record(
    State(shared): State<Arc<Shared>>,
    method: axum::http::Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mode = shared.mode.lock().unwrap().clone().unwrap_or(Mode::Ok);
    let index = {
        let mut received = shared.received.lock().unwrap();
        received.push(Received {
            method,
            status: 0,
            path: uri.path().to_owned(),
            headers,
            body,
            at: Instant::now(),
        });
        received.len() - 1
    };
    let response = answer(mode, index + 1).await;
    shared.received.lock().unwrap()[index].status = response.status().as_u16();
    response
}

async fn answer(mode: Mode, count: usize) -> Response {
    match mode {
        Mode::Ok => StatusCode::NO_CONTENT.into_response(),
        Mode::FailFirst(n) if count <= n => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        Mode::FailFirst(_) => StatusCode::NO_CONTENT.into_response(),
        Mode::Always(code) => StatusCode::from_u16(code).unwrap().into_response(),
        Mode::RetryAfter(secs) if count == 1 => (
            StatusCode::TOO_MANY_REQUESTS,
            [("retry-after", secs.to_string())],
        )
            .into_response(),
        Mode::RetryAfter(_) => StatusCode::NO_CONTENT.into_response(),
        Mode::Redirect => {
            (StatusCode::TEMPORARY_REDIRECT, [("location", "/elsewhere")]).into_response()
        }
        Mode::Slow(d) => {
            tokio::time::sleep(d).await;
            StatusCode::NO_CONTENT.into_response()
        }
    }
}

impl Receiver {
    pub async fn start(mode: Mode) -> Receiver {
        let (app, shared) = Self::app(mode);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { base, shared }
    }

    /// An https receiver; the client certificate's thumbprint is recorded in
    /// [`crate::security::support::PEER_X5T`].
    pub async fn start_tls(mode: Mode, config: rustls::ServerConfig) -> Receiver {
        let (app, shared) = Self::app(mode);
        let addr = crate::security::support::serve_tls(app, config).await;
        Receiver {
            base: format!("https://127.0.0.1:{}", addr.port()),
            shared,
        }
    }

    fn app(mode: Mode) -> (Router, Arc<Shared>) {
        let shared = Arc::new(Shared::default());
        *shared.mode.lock().unwrap() = Some(mode);
        let app = Router::new()
            .fallback(record)
            .with_state(Arc::clone(&shared));
        (app, shared)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.shared.mode.lock().unwrap() = Some(mode);
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    /// Waits until `n` requests arrived (at least), for up to `within`.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Received> {
        let deadline = Instant::now() + within;
        loop {
            let got = self.received();
            if got.len() >= n || Instant::now() > deadline {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
