//! One delivery attempt: POST the notification, signed, without following redirects, within
//! the timeout; classify the answer into delivered, retry (when) or dead-letter. https
//! callbacks are verified against the system roots and the configured CA; a certificate that
//! does not verify dead-letters the delivery at once with the reason (replay it once fixed)
//! rather than retrying silently. With OAuth client credentials configured, every request
//! carries a bearer token, fetched again once when the callback answers 401.

use std::{sync::Arc, time::Duration};

use reqwest::{
    header::{AUTHORIZATION, RETRY_AFTER},
    redirect, StatusCode,
};

use super::{
    notification::{self, Secret},
    policy::{CallbackPolicy, PolicyResolver},
    queue::{now_ms, Delivery, Outcome},
    retry::{retry_after, RetryPolicy},
};
use crate::{
    dms::notify::CallbackAuth,
    domain::Subscription,
    security::outbound::{error_chain, tls_error, Outbound, TokenSource},
};

pub struct Sender {
    client: reqwest::Client,
    policy: Arc<CallbackPolicy>,
    secrets: Vec<Secret>,
    retry: RetryPolicy,
    oauth: Option<Arc<TokenSource>>,
    /// Token sources of lifecycle subscriptions with their own OAuth 2.0 client credentials,
    /// by subscription id (and the credentials, so a changed one is fetched anew).
    tokens: std::sync::Mutex<std::collections::HashMap<String, Arc<TokenSource>>>,
}

/// Why an attempt failed, and the server's `Retry-After` when it gave one.
struct Failure {
    error: String,
    retry_after: Option<Duration>,
    permanent: bool,
}

impl Sender {
    pub fn new(
        policy: Arc<CallbackPolicy>,
        secrets: Vec<Secret>,
        timeout: Duration,
        retry: RetryPolicy,
        outbound: Outbound,
    ) -> anyhow::Result<Sender> {
        let client = reqwest::Client::builder()
            .use_preconfigured_tls(outbound.tls)
            .redirect(redirect::Policy::none())
            .timeout(timeout)
            .tcp_nodelay(true)
            .dns_resolver(Arc::new(PolicyResolver(Arc::clone(&policy))))
            .user_agent(concat!("netweave/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Sender {
            client,
            policy,
            secrets,
            retry,
            oauth: outbound.oauth,
            tokens: Default::default(),
        })
    }

    /// How a request to `subscription`'s callback authenticates: a lifecycle subscription's
    /// own BASIC or OAuth 2.0 credentials, else the server's OAuth client when configured.
    fn auth_of(
        &self,
        subscription: &Subscription,
    ) -> (Option<(String, String)>, Option<Arc<TokenSource>>) {
        let own = subscription
            .lcm
            .as_ref()
            .and_then(|l| CallbackAuth::parse(l.authentication.as_ref()).ok());
        match own {
            Some(CallbackAuth::Basic { user, password }) => (Some((user, password)), None),
            Some(CallbackAuth::OAuth2 {
                token_endpoint,
                client_id,
                client_password,
            }) => {
                let key = format!(
                    "{}\n{token_endpoint}\n{client_id}\n{client_password}",
                    subscription.subscription_id
                );
                let mut tokens = self.tokens.lock().expect("tokens");
                if tokens.len() > 10_000 {
                    tokens.clear();
                }
                let source = tokens.entry(key).or_insert_with(|| {
                    Arc::new(TokenSource::client_credentials(
                        self.client.clone(),
                        &token_endpoint,
                        &client_id,
                        &client_password,
                    ))
                });
                (None, Some(Arc::clone(source)))
            }
            _ => (None, self.oauth.clone()),
        }
    }

    /// The OAuth token source, when callbacks get bearer tokens.
    pub fn oauth(&self) -> Option<Arc<TokenSource>> {
        self.oauth.clone()
    }

    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// Attempts `delivery` to `subscription` and says what happens next.
    pub async fn attempt(
        &self,
        delivery: &Delivery,
        subscription: &Subscription,
        rng: &mut fastrand::Rng,
    ) -> Outcome {
        let failure = match self.post(delivery, subscription).await {
            Ok(()) => return Outcome::Delivered,
            Err(f) => f,
        };
        let attempts = delivery.attempts + 1;
        if failure.permanent || self.retry.exhausted(attempts) {
            return Outcome::Dead {
                error: failure.error,
            };
        }
        let wait = failure
            .retry_after
            .unwrap_or_else(|| self.retry.delay(attempts, rng));
        Outcome::Retry {
            at_ms: now_ms() + wait.as_millis() as u64,
            error: failure.error,
        }
    }

    async fn post(&self, delivery: &Delivery, subscription: &Subscription) -> Result<(), Failure> {
        let fail = |error: String, permanent: bool| Failure {
            error,
            retry_after: None,
            permanent,
        };
        let url = url::Url::parse(&subscription.callback)
            .map_err(|e| fail(format!("invalid callback: {e}"), true))?;
        // Literal addresses never reach the resolver: check them here.
        if let Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) = url.host() {
            let port = url.port_or_known_default().unwrap_or(80);
            self.policy
                .resolve(url.host_str().unwrap_or_default(), port)
                .await
                .map_err(|e| fail(e, true))?;
        }
        let (body, event_type) = notification::body(subscription, &delivery.event);
        let timestamp = now_ms() / 1000;
        // A subscription's own secret replaces the server's (it was validated when stored).
        let own: Vec<Secret> = subscription
            .webhook_secret
            .as_deref()
            .and_then(|s| Secret::parse(s).ok())
            .into_iter()
            .collect();
        let secrets = if own.is_empty() { &self.secrets } else { &own };
        let mut request = self.client.post(url);
        let (basic, oauth) = self.auth_of(subscription);
        if let Some((user, password)) = basic {
            request = request.basic_auth(user, Some(password));
        }
        if subscription.lcm.is_some() {
            // SOL013 §4.9: notifications name the API version they are of.
            request = request.header("version", crate::dms::lcm::API_VERSION);
        }
        for (name, value) in notification::headers(
            &delivery.notification_id,
            &subscription.subscription_id,
            &event_type,
            &body,
            timestamp,
            secrets,
        ) {
            request = request.header(name, value);
        }
        let response = send(request.body(body), oauth.as_deref())
            .await
            .map_err(|(error, permanent)| fail(error, permanent))?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        let retry_after = match status {
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(retry_after),
            _ => None,
        };
        let error = if status.is_redirection() {
            let to = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("?");
            format!("the callback answered {status} (redirect to {to}, not followed)")
        } else {
            format!("the callback answered {status}")
        };
        Err(Failure {
            error,
            retry_after,
            permanent: status == StatusCode::GONE,
        })
    }
}

/// Sends `request` with a bearer token when `oauth` is set, once more with a fresh token when
/// the callback refuses the first with 401. The error says why, and whether retrying is
/// pointless (a certificate that does not verify, no token to be had is not: the IdP may be back).
async fn send(
    request: reqwest::RequestBuilder,
    oauth: Option<&TokenSource>,
) -> Result<reqwest::Response, (String, bool)> {
    // The receiver may continue the trace (W3C `traceparent`), when traces are exported.
    let request = request.headers(crate::telemetry::trace_headers());
    let Some(oauth) = oauth else {
        return request.send().await.map_err(send_error);
    };
    let again = request.try_clone();
    let token = oauth
        .token()
        .await
        .map_err(|e| (format!("no access token for the callback: {e}"), false))?;
    let response = request
        .bearer_auth(&token)
        .send()
        .await
        .map_err(send_error)?;
    match (response.status(), again) {
        (StatusCode::UNAUTHORIZED, Some(again)) => {
            oauth.refused(&token).await;
            let token = oauth
                .token()
                .await
                .map_err(|e| (format!("no access token for the callback: {e}"), false))?;
            again
                .header(AUTHORIZATION, format!("Bearer {token}"))
                .send()
                .await
                .map_err(send_error)
        }
        _ => Ok(response),
    }
}

fn send_error(e: reqwest::Error) -> (String, bool) {
    if e.is_timeout() {
        return ("the callback did not answer in time".to_owned(), false);
    }
    let chain = error_chain(&e);
    // reqwest boxes the connector's error, so the rustls error is found by type when the
    // chain exposes it and by its message when it does not.
    let certificate = match tls_error(&e) {
        Some(tls) => matches!(
            tls,
            rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented
        ),
        None => chain.contains("invalid peer certificate"),
    };
    if certificate {
        return (format!("TLS with the callback failed: {chain}"), true);
    }
    (format!("the callback could not be reached: {chain}"), false)
}

/// POSTs `body` as JSON to `url` through the outbound client (its TLS, mTLS and OAuth), for
/// requests of the gateway's own (the SMO registration); the status, or why none came.
pub async fn post_json(
    client: &reqwest::Client,
    oauth: Option<&TokenSource>,
    url: &str,
    body: &serde_json::Value,
) -> Result<StatusCode, String> {
    send(client.post(url).json(body), oauth)
        .await
        .map(|r| r.status())
        .map_err(|(e, _)| e)
}

/// The O-RAN callback verification: a GET the consumer answers with 204, sent like the
/// deliveries (same TLS, client certificate and bearer token).
pub async fn verify_callback(
    client: &reqwest::Client,
    oauth: Option<&TokenSource>,
    callback: &str,
) -> Result<(), String> {
    verify(client.get(callback), oauth).await
}

/// The SOL013 notification endpoint test of a lifecycle subscription: a GET with the
/// subscription's own authentication (`auth`, else the server's OAuth client) and the API
/// version, answered 204.
pub async fn verify_lifecycle_callback(
    client: &reqwest::Client,
    server_oauth: Option<&TokenSource>,
    auth: &CallbackAuth,
    callback: &str,
) -> Result<(), String> {
    let request = client
        .get(callback)
        .header("version", crate::dms::lcm::API_VERSION);
    match auth {
        CallbackAuth::None => verify(request, server_oauth).await,
        CallbackAuth::Basic { user, password } => {
            verify(request.basic_auth(user, Some(password)), None).await
        }
        CallbackAuth::OAuth2 {
            token_endpoint,
            client_id,
            client_password,
        } => {
            let source = TokenSource::client_credentials(
                client.clone(),
                token_endpoint,
                client_id,
                client_password,
            );
            verify(request, Some(&source)).await
        }
    }
}

async fn verify(
    request: reqwest::RequestBuilder,
    oauth: Option<&TokenSource>,
) -> Result<(), String> {
    let response = send(request, oauth)
        .await
        .map_err(|(e, _)| format!("callback verification failed: {e}"))?;
    if response.status() == StatusCode::NO_CONTENT {
        return Ok(());
    }
    Err(format!(
        "callback verification expected 204, got {}",
        response.status()
    ))
}
