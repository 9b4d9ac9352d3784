//! The one outbound client configuration: https with the system roots plus a configured CA
//! bundle, an optional client certificate (reloaded like the server's), and OAuth 2.0 client
//! credentials whose token is cached until shortly before it expires.

use std::{
    path::PathBuf,
    sync::Arc,
    time::{Duration, Instant},
};

use arc_swap::ArcSwapOption;
use rustls::{
    client::ResolvesClientCert, sign::CertifiedKey, ClientConfig, RootCertStore, SignatureScheme,
};
use serde::Deserialize;
use tokio_util::sync::CancellationToken;

use super::tls::{certs, key, provider};
use crate::config::{OAuthClientConfig, WebhooksConfig};

/// A token is renewed this long before it expires.
const RENEW_BEFORE: Duration = Duration::from_secs(30);

/// System roots plus `extra` (a PEM bundle).
pub fn roots(extra: Option<&PathBuf>) -> Result<RootCertStore, String> {
    let mut roots = RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    for cert in native.certs {
        let _ = roots.add(cert);
    }
    if let Some(path) = extra {
        for cert in certs(path)? {
            roots
                .add(cert)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(roots)
}

/// The client certificate, swapped on reload.
#[derive(Debug)]
pub struct ClientCert {
    current: ArcSwapOption<CertifiedKey>,
}

impl ClientCert {
    fn load(cert: &PathBuf, key_path: &PathBuf) -> Result<CertifiedKey, String> {
        let chain = certs(cert)?;
        let key = provider()
            .key_provider
            .load_private_key(key(key_path)?)
            .map_err(|e| format!("{}: {e}", key_path.display()))?;
        let certified = CertifiedKey::new(chain, key);
        certified
            .keys_match()
            .map_err(|e| format!("{} and {}: {e}", cert.display(), key_path.display()))?;
        Ok(certified)
    }

    /// Loads the pair (an error stops the start) and reloads it every `every` until `stop`.
    pub fn start(
        cert: &PathBuf,
        key: &PathBuf,
        every: Duration,
        stop: CancellationToken,
    ) -> Result<Arc<ClientCert>, String> {
        let me = Arc::new(ClientCert {
            current: ArcSwapOption::from_pointee(Self::load(cert, key)?),
        });
        let (weak, cert, key) = (Arc::downgrade(&me), cert.clone(), key.clone());
        super::reload::watch(
            "client certificate",
            vec![cert.clone(), key.clone()],
            every,
            stop,
            move || {
                let loaded = Self::load(&cert, &key)?;
                if let Some(me) = weak.upgrade() {
                    me.current.store(Some(Arc::new(loaded)));
                }
                Ok(())
            },
        );
        Ok(me)
    }
}

impl ResolvesClientCert for ClientCert {
    fn resolve(&self, _: &[&[u8]], _: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        self.current.load_full()
    }

    fn has_certs(&self) -> bool {
        self.current.load().is_some()
    }
}

/// The rustls configuration of outbound https: `alpn` are the protocols to offer.
pub fn client_config(
    ca: Option<&PathBuf>,
    cert: Option<Arc<ClientCert>>,
    alpn: &[&[u8]],
) -> Result<ClientConfig, String> {
    let builder = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots(ca)?);
    let mut config = match cert {
        Some(cert) => builder.with_client_cert_resolver(cert),
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    Ok(config)
}

/// The error and its causes, one line: reqwest's own message hides why a TLS handshake failed.
pub fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let part = c.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        cause = c.source();
    }
    text
}

/// The rustls error behind a failed request, if TLS is why it failed.
pub fn tls_error(e: &(dyn std::error::Error + 'static)) -> Option<rustls::Error> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if let Some(t) = c.downcast_ref::<rustls::Error>() {
            return Some(t.clone());
        }
        if let Some(io) = c.downcast_ref::<std::io::Error>() {
            if let Some(t) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return Some(t.clone());
            }
        }
        cause = c.source();
    }
    None
}

/// What webhook deliveries and callback checks go out with.
pub struct Outbound {
    pub tls: ClientConfig,
    pub oauth: Option<Arc<TokenSource>>,
}

impl Outbound {
    pub fn for_webhooks(
        cfg: &WebhooksConfig,
        reload: Duration,
        stop: CancellationToken,
    ) -> Result<Outbound, String> {
        let cert = match (&cfg.client_cert, &cfg.client_key) {
            (Some(cert), Some(key)) => Some(ClientCert::start(cert, key, reload, stop)?),
            _ => None,
        };
        let tls = client_config(cfg.ca_file.as_ref(), cert, &[b"h2", b"http/1.1"])?;
        let oauth = match &cfg.oauth.token_url {
            None => None,
            Some(_) => {
                // The token endpoint is the operator's, not a subscriber's: no callback policy.
                let client = reqwest::Client::builder()
                    .use_preconfigured_tls(tls.clone())
                    .timeout(Duration::from_secs(30))
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .map_err(|e| format!("building the token client: {e}"))?;
                TokenSource::new(&cfg.oauth, client)?.map(Arc::new)
            }
        };
        Ok(Outbound { tls, oauth })
    }
}

/// OAuth 2.0 client credentials (RFC 6749 §4.4): the token, fetched when first needed and
/// again shortly before it expires or when a callback refuses it.
pub struct TokenSource {
    client: reqwest::Client,
    token_url: String,
    client_id: String,
    client_secret: String,
    scopes: String,
    audience: String,
    cached: tokio::sync::Mutex<Option<(String, Instant)>>,
}

impl TokenSource {
    pub fn new(
        cfg: &OAuthClientConfig,
        client: reqwest::Client,
    ) -> Result<Option<TokenSource>, String> {
        let Some(token_url) = &cfg.token_url else {
            return Ok(None);
        };
        let client_secret = match &cfg.client_secret_file {
            Some(path) => std::fs::read_to_string(path)
                .map_err(|e| format!("webhooks.oauth.client_secret_file {}: {e}", path.display()))?
                .trim()
                .to_owned(),
            None => cfg.client_secret.clone(),
        };
        Ok(Some(TokenSource {
            client,
            token_url: token_url.clone(),
            client_id: cfg.client_id.clone(),
            client_secret,
            scopes: cfg.scopes.clone(),
            audience: cfg.audience.clone(),
            cached: tokio::sync::Mutex::new(None),
        }))
    }

    /// Client credentials given directly (a lifecycle subscription's
    /// `paramsOauth2ClientCredentials`), authenticated with HTTP Basic at `token_url`.
    pub fn client_credentials(
        client: reqwest::Client,
        token_url: &str,
        client_id: &str,
        client_secret: &str,
    ) -> TokenSource {
        TokenSource {
            client,
            token_url: token_url.to_owned(),
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
            scopes: String::new(),
            audience: String::new(),
            cached: tokio::sync::Mutex::new(None),
        }
    }

    /// A valid access token.
    pub async fn token(&self) -> Result<String, String> {
        let mut cached = self.cached.lock().await;
        if let Some((token, until)) = cached.as_ref() {
            if Instant::now() < *until {
                return Ok(token.clone());
            }
        }
        let (token, lifetime) = self.fetch().await?;
        let until = Instant::now() + lifetime.saturating_sub(RENEW_BEFORE);
        *cached = Some((token.clone(), until));
        Ok(token)
    }

    /// Forgets `token` (a callback answered 401 with it), so the next call fetches anew.
    pub async fn refused(&self, token: &str) {
        let mut cached = self.cached.lock().await;
        if cached.as_ref().is_some_and(|(t, _)| t == token) {
            *cached = None;
        }
    }

    async fn fetch(&self) -> Result<(String, Duration), String> {
        let mut form = vec![("grant_type", "client_credentials")];
        if !self.scopes.is_empty() {
            form.push(("scope", &self.scopes));
        }
        if !self.audience.is_empty() {
            form.push(("audience", &self.audience));
        }
        let mut request = self.client.post(&self.token_url);
        if self.client_secret.is_empty() {
            // RFC 8705 §2: the client authenticates with its certificate alone.
            form.push(("client_id", &self.client_id));
        } else {
            // RFC 6749 §2.3.1: HTTP Basic, each part form-urlencoded first.
            let enc =
                |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
            request = request.basic_auth(enc(&self.client_id), Some(enc(&self.client_secret)));
        }
        let response = request
            .form(&form)
            .send()
            .await
            .map_err(|e| format!("token endpoint {}: {}", self.token_url, error_chain(&e)))?;
        let status = response.status();
        if !status.is_success() {
            let body = response.text().await.unwrap_or_default();
            return Err(format!(
                "token endpoint {} answered {status}: {}",
                self.token_url,
                body.chars().take(200).collect::<String>()
            ));
        }
        #[derive(Deserialize)]
        struct Answer {
            access_token: String,
            expires_in: Option<u64>,
        }
        let answer: Answer = response
            .json()
            .await
            .map_err(|e| format!("token endpoint {}: {e}", self.token_url))?;
        Ok((
            answer.access_token,
            Duration::from_secs(answer.expires_in.unwrap_or(300)),
        ))
    }
}
