//! Test PKI on disk, an independent TLS server for the test peers (identity provider, https
//! receivers), and rustls clients that present chosen certificates.

use std::{net::SocketAddr, path::PathBuf, sync::Arc};

use axum::{http::HeaderValue, Router};
use hyper_util::{
    rt::{TokioExecutor, TokioIo},
    server::conn::auto::Builder,
    service::TowerToHyperService,
};
use netweave::security::{
    devcerts::{Ca, Issued, Usage},
    peer::thumbprint,
};
use rustls::{
    pki_types::{pem::PemObject, CertificateDer, PrivateKeyDer},
    server::WebPkiClientVerifier,
    ClientConfig, RootCertStore, ServerConfig,
};
use tempfile::TempDir;
use tower::ServiceExt;

/// The header the test TLS server puts the client certificate's thumbprint in.
pub const PEER_X5T: &str = "x-test-peer-x5t";

/// A CA, a server certificate for localhost, client certificates, all written to a temp dir.
pub struct Pki {
    pub dir: TempDir,
    pub ca: Ca,
    pub server: Issued,
    pub alice: Issued,
    pub bob: Issued,
}

impl Pki {
    pub fn new() -> Pki {
        netweave::security::tls::install_default_provider();
        let dir = TempDir::new().unwrap();
        let ca = Ca::new("netweave test CA").unwrap();
        std::fs::write(dir.path().join("ca.pem"), ca.cert_pem()).unwrap();
        let server = ca
            .issue(
                "localhost",
                &["localhost", "127.0.0.1"],
                Usage::Server,
                false,
            )
            .unwrap();
        server.write(dir.path(), "server").unwrap();
        let alice = ca
            .issue(
                "alice.tenant-a.o2ims.example.com",
                &["spiffe://example.com/alice"],
                Usage::Client,
                false,
            )
            .unwrap();
        let bob = ca
            .issue("bob.tenant-b.o2ims.example.com", &[], Usage::Client, false)
            .unwrap();
        Pki {
            dir,
            ca,
            server,
            alice,
            bob,
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn roots(&self) -> RootCertStore {
        let mut roots = RootCertStore::empty();
        roots
            .add(CertificateDer::from_pem_slice(self.ca.cert_pem().as_bytes()).unwrap())
            .unwrap();
        roots
    }

    /// Server configuration for a test peer; `client_ca` makes client certificates required.
    pub fn server_config(&self, require_client_cert: bool) -> ServerConfig {
        let builder = ServerConfig::builder();
        let builder = if require_client_cert {
            builder.with_client_cert_verifier(
                WebPkiClientVerifier::builder(Arc::new(self.roots()))
                    .build()
                    .unwrap(),
            )
        } else {
            builder.with_no_client_auth()
        };
        let mut config = builder
            .with_single_cert(chain(&self.server), key(&self.server))
            .unwrap();
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        config
    }

    /// A rustls client trusting the test CA, presenting `cert` if given.
    pub fn client_config(&self, cert: Option<&Issued>, alpn: &[&[u8]]) -> ClientConfig {
        client_config(self.roots(), cert, alpn, rustls::DEFAULT_VERSIONS)
    }
}

pub fn chain(issued: &Issued) -> Vec<CertificateDer<'static>> {
    vec![CertificateDer::from(issued.der.clone())]
}

pub fn key(issued: &Issued) -> PrivateKeyDer<'static> {
    PrivateKeyDer::from_pem_slice(issued.key_pem.as_bytes()).unwrap()
}

pub fn client_config(
    roots: RootCertStore,
    cert: Option<&Issued>,
    alpn: &[&[u8]],
    versions: &[&'static rustls::SupportedProtocolVersion],
) -> ClientConfig {
    let builder =
        ClientConfig::builder_with_protocol_versions(versions).with_root_certificates(roots);
    let mut config = match cert {
        Some(c) => builder.with_client_auth_cert(chain(c), key(c)).unwrap(),
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    config
}

/// Serves `router` over TLS on a loopback port; each request carries the client
/// certificate's thumbprint in [`PEER_X5T`] (any such header the client sent is replaced).
pub async fn serve_tls(router: Router, config: ServerConfig) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                continue;
            };
            let (acceptor, router) = (acceptor.clone(), router.clone());
            tokio::spawn(async move {
                let Ok(stream) = acceptor.accept(tcp).await else {
                    return;
                };
                let x5t = stream
                    .get_ref()
                    .1
                    .peer_certificates()
                    .and_then(|c| c.first())
                    .map(|c| thumbprint(c));
                let service = router.map_request(move |mut req: axum::http::Request<_>| {
                    req.headers_mut().remove(PEER_X5T);
                    if let Some(x5t) = &x5t {
                        req.headers_mut()
                            .insert(PEER_X5T, HeaderValue::from_str(x5t).unwrap());
                    }
                    req
                });
                let _ = Builder::new(TokioExecutor::new())
                    .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
                    .await;
            });
        }
    });
    addr
}
