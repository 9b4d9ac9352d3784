//! Who is on the other end of a connection: its address and, over mTLS, its certificate,
//! computed once per connection and attached to every request. Behind a TLS-terminating proxy
//! from a trusted network, the certificate comes from the proxy's forwarded-certificate header
//! instead; from anyone else those headers are stripped.

use std::{net::SocketAddr, sync::Arc};

use axum::http::HeaderMap;
use base64::{engine::general_purpose, Engine};
use ipnet::IpNet;
use sha2::{Digest, Sha256};
use x509_parser::{extensions::GeneralName, prelude::FromDer};

/// Envoy's header (`By=…;Hash=…;Cert="<url-encoded PEM>"`).
pub const XFCC: &str = "x-forwarded-client-cert";
/// HAProxy's header (standard base64 of the DER).
pub const SSL_CLIENT_DER: &str = "x-ssl-client-der";
/// RFC 9440 headers: never trusted (the edge that would set them does not sanitise them).
const RFC9440: [&str; 2] = ["client-cert", "client-cert-chain"];

/// A verified client certificate, as authentication and the audit trail need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerCert {
    /// RFC 8705 thumbprint: base64url (no padding) of the SHA-256 of the DER.
    pub x5t_s256: String,
    /// The subject, `CN=…,O=…` (no spaces after the commas).
    pub subject: String,
    pub common_name: Option<String>,
    /// DNS names, URIs, e-mail addresses and IP addresses.
    pub sans: Vec<String>,
    /// Seconds since the epoch.
    pub not_after: i64,
}

/// The connection a request came on.
#[derive(Clone, Debug)]
pub struct ConnInfo {
    pub remote: SocketAddr,
    pub tls: bool,
    pub cert: Option<Arc<PeerCert>>,
}

impl PeerCert {
    pub fn from_der(der: &[u8]) -> Result<PeerCert, String> {
        let (_, cert) = x509_parser::certificate::X509Certificate::from_der(der)
            .map_err(|e| format!("not an X.509 certificate: {e}"))?;
        let subject = normalize_dn(&cert.subject().to_string());
        let common_name = cert
            .subject()
            .iter_common_name()
            .next()
            .and_then(|cn| cn.as_str().ok())
            .map(str::to_owned);
        let mut sans = Vec::new();
        if let Ok(Some(ext)) = cert.subject_alternative_name() {
            for name in &ext.value.general_names {
                match name {
                    GeneralName::DNSName(s) | GeneralName::URI(s) | GeneralName::RFC822Name(s) => {
                        sans.push((*s).to_owned())
                    }
                    GeneralName::IPAddress(bytes) => {
                        if let Some(ip) = ip_from_bytes(bytes) {
                            sans.push(ip.to_string());
                        }
                    }
                    _ => {}
                }
            }
        }
        Ok(PeerCert {
            x5t_s256: thumbprint(der),
            subject,
            common_name,
            sans,
            not_after: cert.validity().not_after.timestamp(),
        })
    }
}

/// base64url(SHA-256(DER)), RFC 8705 §3.1.
pub fn thumbprint(der: &[u8]) -> String {
    general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(der))
}

/// `CN=a, O=b` and `CN=a,O=b` compare equal.
pub fn normalize_dn(dn: &str) -> String {
    dn.split(',').map(str::trim).collect::<Vec<_>>().join(",")
}

fn ip_from_bytes(bytes: &[u8]) -> Option<std::net::IpAddr> {
    match bytes.len() {
        4 => Some(<[u8; 4]>::try_from(bytes).ok()?.into()),
        16 => Some(<[u8; 16]>::try_from(bytes).ok()?.into()),
        _ => None,
    }
}

/// Comma-separated CIDRs (a bare address is a /32 or /128).
pub fn parse_networks(text: &str) -> Result<Vec<IpNet>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<std::net::IpAddr>().map(IpNet::from))
                .map_err(|_| format!("'{s}' is not a network (CIDR) or an address"))
        })
        .collect()
}

/// The client certificate of the request: the connection's own, or, from a trusted proxy,
/// the forwarded one. Forwarded-certificate headers are removed either way, so nothing
/// downstream can read a spoofed one.
pub fn effective_cert(
    conn: Option<&ConnInfo>,
    headers: &mut HeaderMap,
    trusted: &[IpNet],
) -> Result<Option<Arc<PeerCert>>, String> {
    // Most requests carry none of these: one pass over the headers instead of four lookups.
    let forwarded = |n: &axum::http::HeaderName| {
        let n = n.as_str();
        RFC9440.contains(&n) || n == XFCC || n == SSL_CLIENT_DER
    };
    let (xfcc, der) = if headers.keys().any(forwarded) {
        for name in RFC9440 {
            headers.remove(name);
        }
        (headers.remove(XFCC), headers.remove(SSL_CLIENT_DER))
    } else {
        (None, None)
    };
    let own = conn.and_then(|c| c.cert.clone());
    let from_proxy = conn.is_some_and(|c| trusted.iter().any(|n| n.contains(&c.remote.ip())));
    if !from_proxy {
        if xfcc.is_some() || der.is_some() {
            tracing::debug!(
                peer = ?conn.map(|c| c.remote),
                "forwarded client certificate from an untrusted peer ignored"
            );
        }
        return Ok(own);
    }
    if let Some(value) = der {
        let text = value.to_str().map_err(|_| "x-ssl-client-der is not text")?;
        let bytes = general_purpose::STANDARD
            .decode(text.trim())
            .map_err(|_| "x-ssl-client-der is not base64")?;
        return PeerCert::from_der(&bytes).map(|c| Some(Arc::new(c)));
    }
    if let Some(value) = xfcc {
        let text = value
            .to_str()
            .map_err(|_| "x-forwarded-client-cert is not text")?;
        return xfcc_cert(text).map(|c| c.map(Arc::new));
    }
    Ok(own)
}

/// The `Cert` of the first (client-facing) element of an XFCC header.
fn xfcc_cert(header: &str) -> Result<Option<PeerCert>, String> {
    let first = header.split(',').next().unwrap_or_default();
    for pair in first.split(';') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        if !key.trim().eq_ignore_ascii_case("cert") {
            continue;
        }
        let value = value.trim().trim_matches('"');
        let pem = percent_encoding::percent_decode_str(value)
            .decode_utf8()
            .map_err(|_| "x-forwarded-client-cert Cert is not UTF-8")?;
        let der = pem_der(&pem).ok_or("x-forwarded-client-cert Cert is not a PEM certificate")?;
        return PeerCert::from_der(&der).map(Some);
    }
    Ok(None)
}

fn pem_der(pem: &str) -> Option<Vec<u8>> {
    use rustls_pki_types::{pem::PemObject, CertificateDer};
    CertificateDer::from_pem_slice(pem.as_bytes())
        .ok()
        .map(|c| c.to_vec())
}
