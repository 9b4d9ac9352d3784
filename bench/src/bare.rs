//! The limit the pool-list figures are measured against: a bare server on the same hyper
//! settings (HTTP/1.1 and h2c on one port, TCP_NODELAY, netweave's TLS configuration when
//! given a certificate) that answers every request with netweave's own response bytes — the
//! REST JSON body, or the gRPC response message with `grpc-status: 0` — and does nothing else:
//! no routing, selectors, backend, serialisation, authentication or tracing. It runs in its own
//! process (this binary with `--bare-responder DIR`), as netweave does.

use std::{convert::Infallible, path::Path, process::Command, sync::Arc};

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Full, StreamBody};
use hyper::{body::Frame, header, HeaderMap, Request, Response};
use hyper_util::{
    rt::{TokioExecutor, TokioIo},
    server::conn::auto::Builder,
    service::TowerToHyperService,
};

use crate::{free_addr, ready, Server};

const REST_BODY: &str = "rest.json";
const GRPC_MESSAGE: &str = "grpc.bin";
const CERT: &str = "server.pem";
const KEY: &str = "server.key";

/// Starts the bare responder answering with `rest` and `grpc` (a protobuf message), over TLS
/// with `tls` (certificate and key files).
pub async fn start(
    rest: &[u8],
    grpc: &[u8],
    tls: Option<(&Path, &Path)>,
) -> anyhow::Result<Server> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join(REST_BODY), rest)?;
    std::fs::write(dir.path().join(GRPC_MESSAGE), grpc)?;
    if let Some((cert, key)) = tls {
        std::fs::copy(cert, dir.path().join(CERT))?;
        std::fs::copy(key, dir.path().join(KEY))?;
    }
    let addr = free_addr();
    let child = Command::new(std::env::current_exe()?)
        .arg("--bare-responder")
        .arg(dir.path())
        .arg("--bare-addr")
        .arg(addr.to_string())
        .spawn()?;
    let server = Server {
        child,
        addr,
        _data: Some(dir),
    };
    if tls.is_some() {
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(addr).await.is_ok() {
                return Ok(server);
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        anyhow::bail!("the bare responder did not start");
    }
    ready(server).await
}

/// The responder's process: serves until killed.
pub async fn serve(dir: &Path, addr: std::net::SocketAddr) -> anyhow::Result<()> {
    let rest = Bytes::from(std::fs::read(dir.join(REST_BODY))?);
    let message = std::fs::read(dir.join(GRPC_MESSAGE))?;
    // The gRPC length-prefixed message: uncompressed flag, big-endian length, the bytes.
    let mut frame = vec![0u8];
    frame.extend_from_slice(&u32::try_from(message.len())?.to_be_bytes());
    frame.extend_from_slice(&message);
    let grpc = Bytes::from(frame);
    let tls = if dir.join(CERT).exists() {
        let cfg = netweave::config::TlsConfig {
            cert: Some(dir.join(CERT)),
            key: Some(dir.join(KEY)),
            ..Default::default()
        };
        let (config, _) =
            netweave::security::tls::server_config(&cfg).map_err(anyhow::Error::msg)?;
        Some(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
    } else {
        None
    };
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http2()
        .max_concurrent_streams(netweave::server::MAX_STREAMS);
    loop {
        let (tcp, _) = listener.accept().await?;
        tcp.set_nodelay(true)?;
        let (rest, grpc, builder, tls) = (rest.clone(), grpc.clone(), builder.clone(), tls.clone());
        tokio::spawn(async move {
            let service = TowerToHyperService::new(tower::service_fn(move |req| {
                respond(req, rest.clone(), grpc.clone())
            }));
            let _ = match tls {
                None => builder.serve_connection(TokioIo::new(tcp), service).await,
                Some(acceptor) => match acceptor.accept(tcp).await {
                    Ok(stream) => {
                        builder
                            .serve_connection(TokioIo::new(stream), service)
                            .await
                    }
                    Err(_) => return,
                },
            };
        });
    }
}

type Body = BoxBody<Bytes, Infallible>;

async fn respond(
    req: Request<hyper::body::Incoming>,
    rest: Bytes,
    grpc: Bytes,
) -> Result<Response<Body>, Infallible> {
    let is_grpc = req
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/grpc"));
    // Read the request as netweave does.
    let _ = req.into_body().collect().await;
    if !is_grpc {
        let mut response = Response::new(Full::new(rest).boxed());
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/json"),
        );
        return Ok(response);
    }
    let mut trailers = HeaderMap::new();
    trailers.insert("grpc-status", header::HeaderValue::from_static("0"));
    let frames = [Frame::data(grpc), Frame::trailers(trailers)].map(Ok::<_, Infallible>);
    let mut response = Response::new(StreamBody::new(futures::stream::iter(frames)).boxed());
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/grpc"),
    );
    Ok(response)
}
