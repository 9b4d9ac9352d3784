//! A local certificate authority for trying TLS and mTLS (`netweave dev-certs DIR`) and for the
//! tests: ECDSA P-256 keys, a CA, server certificates for `localhost`, client certificates.
//! Not for production: a real deployment's certificates come from its own CA (cert-manager).

use std::path::Path;

use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose, SanType,
};

/// A certificate with its key, PEM-encoded.
pub struct Issued {
    pub cert_pem: String,
    pub key_pem: String,
    pub der: Vec<u8>,
}

impl Issued {
    /// Writes `<name>.pem` and `<name>.key` into `dir`.
    pub fn write(&self, dir: &Path, name: &str) -> std::io::Result<()> {
        std::fs::write(dir.join(format!("{name}.pem")), &self.cert_pem)?;
        std::fs::write(dir.join(format!("{name}.key")), &self.key_pem)
    }
}

pub struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
    key_pem: String,
}

/// What a certificate is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    Server,
    Client,
    /// Neither EKU: refused by both ends.
    None,
}

impl Ca {
    pub fn new(name: &str) -> Result<Ca, rcgen::Error> {
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params.distinguished_name = dn(name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let key = KeyPair::generate()?;
        let key_pem = key.serialize_pem();
        Ok(Ca {
            issuer: CertifiedIssuer::self_signed(params, key)?,
            key_pem,
        })
    }

    pub fn cert_pem(&self) -> String {
        self.issuer.pem()
    }

    pub fn key_pem(&self) -> &str {
        &self.key_pem
    }

    /// A certificate for `common_name` with `sans` (DNS names, or IP addresses when they
    /// parse as one). `expired` makes one that ended in 2020.
    pub fn issue(
        &self,
        common_name: &str,
        sans: &[&str],
        usage: Usage,
        expired: bool,
    ) -> Result<Issued, rcgen::Error> {
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params.distinguished_name = dn(common_name);
        params.subject_alt_names = sans
            .iter()
            .map(|s| match s.parse::<std::net::IpAddr>() {
                Ok(ip) => Ok(SanType::IpAddress(ip)),
                Err(_) if s.contains("://") => Ok(SanType::URI((*s).try_into()?)),
                Err(_) => Ok(SanType::DnsName((*s).try_into()?)),
            })
            .collect::<Result<_, rcgen::Error>>()?;
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = match usage {
            Usage::Server => vec![ExtendedKeyUsagePurpose::ServerAuth],
            Usage::Client => vec![ExtendedKeyUsagePurpose::ClientAuth],
            Usage::None => vec![ExtendedKeyUsagePurpose::CodeSigning],
        };
        params.serial_number = Some(rcgen::SerialNumber::from(fastrand::u64(1..u64::MAX)));
        params.use_authority_key_identifier_extension = true;
        if expired {
            params.not_before = date_time_ymd(2019, 1, 1);
            params.not_after = date_time_ymd(2020, 1, 1);
        } else {
            params.not_before = date_time_ymd(2025, 1, 1);
            params.not_after = date_time_ymd(2045, 1, 1);
        }
        let key = KeyPair::generate()?;
        let cert = params.signed_by(&key, &*self.issuer)?;
        Ok(Issued {
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
            der: cert.der().to_vec(),
        })
    }

    /// A CRL revoking the certificates with `serials` (DER of the certificates).
    pub fn crl(&self, revoked: &[&[u8]]) -> Result<String, String> {
        use x509_parser::prelude::FromDer;
        let mut revoked_certs = Vec::new();
        for der in revoked {
            let (_, cert) = x509_parser::certificate::X509Certificate::from_der(der)
                .map_err(|e| e.to_string())?;
            revoked_certs.push(rcgen::RevokedCertParams {
                serial_number: rcgen::SerialNumber::from_slice(cert.raw_serial()),
                revocation_time: date_time_ymd(2025, 6, 1),
                reason_code: Some(rcgen::RevocationReason::KeyCompromise),
                invalidity_date: None,
            });
        }
        let params = rcgen::CertificateRevocationListParams {
            this_update: date_time_ymd(2025, 6, 1),
            next_update: date_time_ymd(2045, 1, 1),
            crl_number: rcgen::SerialNumber::from(1u64),
            issuing_distribution_point: None,
            revoked_certs,
            key_identifier_method: rcgen::KeyIdMethod::Sha256,
        };
        params
            .signed_by(&self.issuer)
            .and_then(|crl| crl.pem())
            .map_err(|e| e.to_string())
    }
}

fn dn(common_name: &str) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name);
    dn
}

/// `netweave dev-certs DIR`: a CA, a server certificate for localhost and a client
/// certificate `alice.tenant-a.o2ims.example.com`, written into `dir`.
pub fn write_dev_certs(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let ca = Ca::new("netweave dev CA")?;
    std::fs::write(dir.join("ca.pem"), ca.cert_pem())?;
    ca.issue(
        "localhost",
        &["localhost", "127.0.0.1", "::1"],
        Usage::Server,
        false,
    )?
    .write(dir, "server")?;
    ca.issue(
        "alice.tenant-a.o2ims.example.com",
        &["alice.tenant-a.o2ims.example.com"],
        Usage::Client,
        false,
    )?
    .write(dir, "client")?;
    write_dev_token(dir)?;
    Ok(())
}

/// The public JWK (RFC 7517) of a P-256 key, for signing ES256 tokens with `kid`.
pub fn es256_jwk(pair: &KeyPair, kid: &str) -> serde_json::Value {
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
    let raw = pair.public_key_raw();
    serde_json::json!({
        "kty": "EC", "crv": "P-256", "use": "sig", "alg": "ES256", "kid": kid,
        "x": URL_SAFE_NO_PAD.encode(&raw[1..33]), "y": URL_SAFE_NO_PAD.encode(&raw[33..65]),
    })
}

/// Audience of the development token (`--auth-audience netweave-dev`).
pub const DEV_AUDIENCE: &str = "netweave-dev";

/// Writes `jwks.json` (one ES256 key) and `token`, an `o2ims-admin` access token for that key
/// valid for 30 days: `--auth-jwks-uri file://DIR/jwks.json --auth-audience netweave-dev`.
fn write_dev_token(dir: &Path) -> anyhow::Result<()> {
    let pair = KeyPair::generate()?;
    let jwks = serde_json::json!({"keys": [es256_jwk(&pair, "netweave-dev")]});
    std::fs::write(dir.join("jwks.json"), serde_json::to_vec_pretty(&jwks)?)?;
    let now = jiff::Timestamp::now().as_second();
    let claims = serde_json::json!({
        "iss": "netweave-dev", "sub": "dev", "aud": DEV_AUDIENCE,
        "iat": now, "exp": now + 30 * 86_400, "roles": ["o2ims-admin"],
    });
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256);
    header.kid = Some("netweave-dev".into());
    header.typ = Some("JWT".into());
    let key = jsonwebtoken::EncodingKey::from_ec_pem(pair.serialize_pem().as_bytes())?;
    std::fs::write(
        dir.join("token"),
        jsonwebtoken::encode(&header, &claims, &key)?,
    )?;
    Ok(())
}
