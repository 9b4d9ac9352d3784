//! TLS on the one port: rustls with the ring provider, ALPN `h2` and `http/1.1`, TLS 1.3 only
//! unless 1.2 is allowed, client certificates verified against the client CA and CRLs. The
//! whole server configuration (certificate, key, client CA, CRLs) is swapped on reload, so a
//! new client CA takes effect with the new certificate.

use std::{path::PathBuf, sync::Arc, time::Duration};

use arc_swap::ArcSwap;
use rustls::{
    crypto::CryptoProvider,
    pki_types::{pem::PemObject, CertificateDer, CertificateRevocationListDer, PrivateKeyDer},
    server::WebPkiClientVerifier,
    RootCertStore, ServerConfig,
};
use tokio_util::sync::CancellationToken;

use super::peer::PeerCert;
use crate::{
    config::{ClientAuth, TlsConfig},
    metrics::TLS_CERT_EXPIRY,
};

pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Makes ring the process-wide provider, for the libraries (redis, async-nats) that build
/// their own configurations.
pub fn install_default_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

pub fn certs(path: &PathBuf) -> Result<Vec<CertificateDer<'static>>, String> {
    let certs: Vec<_> = CertificateDer::pem_file_iter(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("{}: no PEM certificate", path.display()));
    }
    Ok(certs)
}

pub fn key(path: &PathBuf) -> Result<PrivateKeyDer<'static>, String> {
    PrivateKeyDer::from_pem_file(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn roots(path: &PathBuf) -> Result<RootCertStore, String> {
    let mut roots = RootCertStore::empty();
    for cert in certs(path)? {
        roots
            .add(cert)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(roots)
}

/// The server configuration the files describe, and the leaf certificate's expiry.
pub fn server_config(cfg: &TlsConfig) -> Result<(ServerConfig, i64), String> {
    let (Some(cert_path), Some(key_path)) = (&cfg.cert, &cfg.key) else {
        return Err("tls.cert and tls.key are needed".into());
    };
    let provider = provider();
    let versions: &[&rustls::SupportedProtocolVersion] = if cfg.allow_tls12 {
        &[&rustls::version::TLS13, &rustls::version::TLS12]
    } else {
        &[&rustls::version::TLS13]
    };
    let builder = ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_protocol_versions(versions)
        .map_err(|e| e.to_string())?;
    let builder = match (cfg.client_auth, &cfg.client_ca) {
        (ClientAuth::None, _) | (_, None) => builder.with_no_client_auth(),
        (mode, Some(ca)) => {
            let mut crls = Vec::new();
            for path in &cfg.crls {
                for crl in CertificateRevocationListDer::pem_file_iter(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?
                {
                    crls.push(crl.map_err(|e| format!("{}: {e}", path.display()))?);
                }
            }
            let mut verifier =
                WebPkiClientVerifier::builder_with_provider(Arc::new(roots(ca)?), provider)
                    .with_crls(crls)
                    .only_check_end_entity_revocation()
                    .allow_unknown_revocation_status();
            if mode == ClientAuth::Optional {
                verifier = verifier.allow_unauthenticated();
            }
            builder.with_client_cert_verifier(verifier.build().map_err(|e| e.to_string())?)
        }
    };
    let chain = certs(cert_path)?;
    let expiry = PeerCert::from_der(&chain[0])
        .map_err(|e| format!("{}: {e}", cert_path.display()))?
        .not_after;
    let mut config = builder
        .with_single_cert(chain, key(key_path)?)
        .map_err(|e| format!("{}: {e}", key_path.display()))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok((config, expiry))
}

/// The live server configuration, swapped whole on reload.
pub struct TlsServer {
    current: ArcSwap<ServerConfig>,
}

impl TlsServer {
    /// Loads the files (an error here stops the start) and reloads them until `stop`.
    pub fn start(cfg: &TlsConfig, stop: CancellationToken) -> Result<Arc<TlsServer>, String> {
        let (config, expiry) = server_config(cfg)?;
        metrics::gauge!(TLS_CERT_EXPIRY).set(expiry as f64);
        let server = Arc::new(TlsServer {
            current: ArcSwap::from_pointee(config),
        });
        let files: Vec<PathBuf> = [&cfg.cert, &cfg.key, &cfg.client_ca]
            .into_iter()
            .flatten()
            .chain(&cfg.crls)
            .cloned()
            .collect();
        let (weak, cfg) = (Arc::downgrade(&server), cfg.clone());
        super::reload::watch(
            "server certificate",
            files,
            Duration::from_secs_f64(cfg.reload_seconds),
            stop,
            move || {
                let (config, expiry) = server_config(&cfg)?;
                if let Some(server) = weak.upgrade() {
                    server.current.store(Arc::new(config));
                    metrics::gauge!(TLS_CERT_EXPIRY).set(expiry as f64);
                }
                Ok(())
            },
        );
        Ok(server)
    }

    pub fn acceptor(&self) -> tokio_rustls::TlsAcceptor {
        tokio_rustls::TlsAcceptor::from(self.current.load_full())
    }
}
