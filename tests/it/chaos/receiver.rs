//! A webhook receiver with faults: it answers 204, or 5xx / 429 with `Retry-After`, or hangs
//! past the sender's timeout, answers slowly, or resets connections. It records what it
//! accepted (answered 2xx), which is what counts as delivered.

use std::{
    net::SocketAddr,
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
use tokio::net::{TcpListener, TcpStream};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fault {
    None,
    /// This status with `Retry-After: 1`.
    Status(u16),
    /// No answer until well past the sender's timeout.
    Hang,
    /// Connections reset as they open.
    Reset,
    /// 204 after a while.
    Slow,
}

impl Fault {
    pub fn label(self) -> String {
        match self {
            Fault::None => "ok".into(),
            Fault::Status(s) => format!("{s}"),
            Fault::Hang => "timeout".into(),
            Fault::Reset => "reset".into(),
            Fault::Slow => "slow".into(),
        }
    }
}

/// One accepted notification.
#[derive(Clone, Debug)]
pub struct Accepted {
    /// The callback path: which subscription.
    pub path: String,
    pub notification_id: String,
    pub event_type: u64,
    /// `resourcePoolId` of the post (or prior) state.
    pub pool_id: String,
    pub at: Instant,
}

#[derive(Default)]
struct Shared {
    fault: Mutex<Option<Fault>>,
    accepted: Mutex<Vec<Accepted>>,
    refused: Mutex<u64>,
}

pub struct FaultyReceiver {
    pub base: String,
    shared: Arc<Shared>,
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = shared.fault.lock().unwrap().unwrap_or(Fault::None);
    match fault {
        Fault::Status(code) => {
            *shared.refused.lock().unwrap() += 1;
            return (
                StatusCode::from_u16(code).unwrap(),
                [("retry-after", "1"), ("connection", "close")],
            )
                .into_response();
        }
        Fault::Hang => {
            *shared.refused.lock().unwrap() += 1;
            tokio::time::sleep(Duration::from_secs(4)).await;
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
        Fault::Reset => {
            *shared.refused.lock().unwrap() += 1;
            return (StatusCode::SERVICE_UNAVAILABLE, [("connection", "close")]).into_response();
        }
        Fault::Slow => tokio::time::sleep(Duration::from_millis(300)).await,
        Fault::None => {}
    }
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let state = if json["postObjectState"].is_object() {
        &json["postObjectState"]
    } else {
        &json["priorObjectState"]
    };
    shared.accepted.lock().unwrap().push(Accepted {
        path: uri.path().to_owned(),
        notification_id: headers
            .get("webhook-id")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
        event_type: json["notificationEventType"].as_u64().unwrap_or(99),
        pool_id: state["resourcePoolId"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        at: Instant::now(),
    });
    StatusCode::NO_CONTENT.into_response()
}

/// Resets connections at accept while the fault is `Reset`.
struct Resetting {
    inner: TcpListener,
    shared: Arc<Shared>,
}

impl axum::serve::Listener for Resetting {
    type Io = TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (TcpStream, SocketAddr) {
        loop {
            let Ok((stream, addr)) = self.inner.accept().await else {
                tokio::time::sleep(Duration::from_millis(5)).await;
                continue;
            };
            if *self.shared.fault.lock().unwrap() == Some(Fault::Reset) {
                *self.shared.refused.lock().unwrap() += 1;
                reset(&stream);
                drop(stream);
                continue;
            }
            return (stream, addr);
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

impl FaultyReceiver {
    pub async fn start() -> FaultyReceiver {
        let shared = Arc::new(Shared::default());
        let app = Router::new()
            .fallback(handle)
            .with_state(Arc::clone(&shared));
        let inner = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", inner.local_addr().unwrap());
        let listener = Resetting {
            inner,
            shared: Arc::clone(&shared),
        };
        tokio::spawn(async move { axum::serve(listener, app).await });
        FaultyReceiver { base, shared }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn set(&self, fault: Fault) {
        *self.shared.fault.lock().unwrap() = Some(fault);
    }

    pub fn accepted(&self) -> Vec<Accepted> {
        self.shared.accepted.lock().unwrap().clone()
    }

    pub fn refused(&self) -> u64 {
        *self.shared.refused.lock().unwrap()
    }
}

/// Zero linger: closing sends RST (zero linger never blocks, unlike the deprecation's case).
#[allow(deprecated)]
pub fn reset(stream: &TcpStream) {
    let _ = stream.set_linger(Some(Duration::ZERO));
}
