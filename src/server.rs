//! The HTTP server loop: HTTP/1.1 and HTTP/2 on one listener (hyper-util's auto builder),
//! over TLS when configured (ALPN `h2` / `http/1.1`) or in plaintext (h2c), with TCP_NODELAY,
//! bounded HTTP/2 send buffers, and graceful shutdown. Each connection's peer (address and
//! verified client certificate) is computed once and attached to every request on it.

use std::{sync::Arc, time::Duration};

use anyhow::Context;
use axum::Router;
use hyper_util::{
    rt::{TokioExecutor, TokioIo, TokioTimer},
    server::{conn::auto::Builder, graceful::GracefulShutdown},
    service::TowerToHyperService,
};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;
use tower::ServiceExt;

use crate::{
    metrics::TLS_HANDSHAKE_FAILURES,
    security::{
        peer::{ConnInfo, PeerCert},
        TlsServer,
    },
};

/// Bytes hyper may queue per HTTP/2 stream before it stops polling the response body. hyper's
/// default (400 KiB) would let every slow Watch consumer pin that much memory and hide its lag
/// from the event hub; with a small buffer the hub sees the backlog and cuts the watcher off.
pub const H2_SEND_BUFFER: usize = 64 * 1024;
/// HTTP/2 keep-alive pings detect dead peers of long-lived Watch streams.
const H2_KEEPALIVE: Duration = Duration::from_secs(30);
/// How long in-flight requests may take to finish after shutdown begins.
const DRAIN: Duration = Duration::from_secs(10);
/// How long a client has to finish the TLS handshake.
const HANDSHAKE: Duration = Duration::from_secs(10);
/// How long an HTTP/1.1 client has to send a request's headers (slowloris): then the
/// connection is closed (hyper answers 408 when nothing was read yet).
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest header block accepted: HTTP/1.1 read buffer, HTTP/2 header list.
pub const MAX_HEADERS: usize = 64 * 1024;
/// HTTP/2 streams open at once per connection (Watch streams count).
pub const MAX_STREAMS: u32 = 256;

/// Serves `router` until `shutdown`, then stops accepting and drains open connections. With
/// `tls`, every connection is a TLS one.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    tls: Option<Arc<TlsServer>>,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .max_buf_size(MAX_HEADERS);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_send_buf_size(H2_SEND_BUFFER)
        .max_concurrent_streams(MAX_STREAMS)
        .max_header_list_size(MAX_HEADERS as u32)
        .keep_alive_interval(H2_KEEPALIVE);
    let graceful = GracefulShutdown::new();
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = shutdown.cancelled() => break,
        };
        // gRPC answers in several small writes (headers, data, trailers): without TCP_NODELAY,
        // Nagle's algorithm meets the client's delayed ACK and adds ~40 ms to every call.
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(error = %e, "cannot set TCP_NODELAY");
        }
        let (router, builder, watcher) = (router.clone(), builder.clone(), graceful.watcher());
        let tls = tls.as_ref().map(|t| t.acceptor());
        tokio::spawn(async move {
            let outcome = match tls {
                None => {
                    let info = ConnInfo {
                        remote: peer,
                        tls: false,
                        cert: None,
                    };
                    let service = TowerToHyperService::new(with_peer(router, info));
                    let connection =
                        builder.serve_connection_with_upgrades(TokioIo::new(tcp), service);
                    watcher.watch(connection.into_owned()).await
                }
                Some(acceptor) => {
                    let Some(stream) = handshake(acceptor, tcp, peer).await else {
                        return;
                    };
                    let cert = stream
                        .get_ref()
                        .1
                        .peer_certificates()
                        .and_then(|chain| chain.first())
                        .and_then(|leaf| PeerCert::from_der(leaf).ok())
                        .map(Arc::new);
                    let info = ConnInfo {
                        remote: peer,
                        tls: true,
                        cert,
                    };
                    let service = TowerToHyperService::new(with_peer(router, info));
                    let connection =
                        builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
                    watcher.watch(connection.into_owned()).await
                }
            };
            if let Err(e) = outcome {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::time::timeout(DRAIN, graceful.shutdown())
        .await
        .context("connections still open after the drain period")
}

/// `router` with the connection's [`ConnInfo`] on every request.
fn with_peer(
    router: Router,
    info: ConnInfo,
) -> impl tower::Service<
    axum::http::Request<hyper::body::Incoming>,
    Response = axum::response::Response,
    Error = std::convert::Infallible,
    Future = impl Send,
> + Clone {
    router.map_request(move |mut req: axum::http::Request<hyper::body::Incoming>| {
        req.extensions_mut().insert(info.clone());
        crate::http::trim_trailing_slash(&mut req);
        req
    })
}

async fn handshake(
    acceptor: tokio_rustls::TlsAcceptor,
    tcp: TcpStream,
    peer: std::net::SocketAddr,
) -> Option<tokio_rustls::server::TlsStream<TcpStream>> {
    let failure = match tokio::time::timeout(HANDSHAKE, acceptor.accept(tcp)).await {
        Ok(Ok(stream)) => return Some(stream),
        Ok(Err(e)) => e.to_string(),
        Err(_) => "timed out".to_owned(),
    };
    // Rogue, expired or revoked client certificates, old protocol versions, port scanners.
    tracing::debug!(%peer, error = %failure, "TLS handshake failed");
    metrics::counter!(TLS_HANDSHAKE_FAILURES).increment(1);
    None
}
