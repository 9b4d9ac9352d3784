//! The HTTP server loop: HTTP/1.1 and h2c on one listener (hyper-util's auto builder), with
//! TCP_NODELAY, bounded HTTP/2 send buffers, and graceful shutdown.

use std::time::Duration;

use anyhow::Context;
use axum::Router;
use hyper_util::{
    rt::{TokioExecutor, TokioIo, TokioTimer},
    server::{conn::auto::Builder, graceful::GracefulShutdown},
    service::TowerToHyperService,
};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// Bytes hyper may queue per HTTP/2 stream before it stops polling the response body. hyper's
/// default (400 KiB) would let every slow Watch consumer pin that much memory and hide its lag
/// from the event hub; with a small buffer the hub sees the backlog and cuts the watcher off.
pub const H2_SEND_BUFFER: usize = 64 * 1024;
/// HTTP/2 keep-alive pings detect dead peers of long-lived Watch streams.
const H2_KEEPALIVE: Duration = Duration::from_secs(30);
/// How long in-flight requests may take to finish after shutdown begins.
const DRAIN: Duration = Duration::from_secs(10);

/// Serves `router` until `shutdown`, then stops accepting and drains open connections.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_send_buf_size(H2_SEND_BUFFER)
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
        let service = TowerToHyperService::new(router.clone());
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(tcp), service)
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::time::timeout(DRAIN, graceful.shutdown())
        .await
        .context("connections still open after the drain period")
}
