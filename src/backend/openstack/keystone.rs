//! A Keystone v3 session: one token at a time, fetched when first needed, reused until shortly
//! before its `expires_at`, fetched again once when the cloud answers 401 (a revoked token).
//! Authentication is single-flight: callers needing a token while one is being fetched wait for
//! it, so an expiry never becomes a storm of authentication calls. The token's catalog names
//! the endpoints, chosen by service type, region and interface.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use reqwest::{header::HeaderMap, Method, StatusCode};
use serde::Deserialize;
use serde_json::{json, Value};

use super::cloud::{Auth, Cloud, Domain};

/// A token is fetched again this long before Keystone says it expires (or at half its life,
/// for a short-lived one).
const RENEW_BEFORE: Duration = Duration::from_secs(120);

/// Why a call to the cloud failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum CallError {
    /// Transient: the cloud did not answer, answered 5xx, or refused a fresh token.
    #[error("{0}")]
    Unavailable(String),
    /// An answer: the cloud refused the request (4xx other than an expired token).
    #[error("{service} answered {status}: {message}")]
    Refused {
        service: &'static str,
        status: u16,
        message: String,
    },
}

impl CallError {
    pub fn status(&self) -> Option<u16> {
        match self {
            CallError::Refused { status, .. } => Some(*status),
            CallError::Unavailable(_) => None,
        }
    }
}

#[derive(Clone, Debug)]
struct Token {
    value: String,
    renew_at: Instant,
    catalog: Vec<Service>,
}

#[derive(Clone, Debug, Deserialize)]
struct Service {
    #[serde(rename = "type")]
    service_type: String,
    #[serde(default)]
    endpoints: Vec<Endpoint>,
}

#[derive(Clone, Debug, Deserialize)]
struct Endpoint {
    interface: String,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    region_id: Option<String>,
    url: String,
}

#[derive(Deserialize)]
struct TokenBody {
    token: TokenData,
}

#[derive(Deserialize)]
struct TokenData {
    expires_at: String,
    #[serde(default)]
    catalog: Vec<Service>,
}

/// A session with one cloud.
pub struct Session {
    http: reqwest::Client,
    cloud: Cloud,
    token: tokio::sync::Mutex<Option<Token>>,
}

fn body_message(body: &str) -> String {
    // Nova and Placement: {"<kind>": {"message": …}} or {"errors": [{"detail": …}]};
    // Keystone: {"error": {"message": …}}.
    let parsed: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let found = parsed
        .as_object()
        .and_then(|o| {
            o.values()
                .find_map(|v| v["message"].as_str().map(str::to_owned))
        })
        .or_else(|| parsed["errors"][0]["detail"].as_str().map(str::to_owned));
    found.unwrap_or_else(|| body.chars().take(200).collect())
}

fn domain(d: &Domain) -> Value {
    if d.id.is_empty() {
        json!({"name": d.name})
    } else {
        json!({"id": d.id})
    }
}

impl Session {
    pub fn new(cloud: Cloud, timeout: Duration) -> anyhow::Result<Arc<Session>> {
        let tls = crate::security::outbound::client_config(
            cloud.cacert.as_ref(),
            None,
            &[b"h2", b"http/1.1"],
        )
        .map_err(anyhow::Error::msg)?;
        let http = reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .build()?;
        Ok(Arc::new(Session {
            http,
            cloud,
            token: tokio::sync::Mutex::new(None),
        }))
    }

    pub fn cloud(&self) -> &Cloud {
        &self.cloud
    }

    fn auth_body(&self) -> Value {
        let identity = match &self.cloud.auth {
            Auth::Password {
                username,
                user_id,
                password,
                user_domain,
                ..
            } => {
                let user = if user_id.is_empty() {
                    json!({"name": username, "domain": domain(user_domain), "password": password})
                } else {
                    json!({"id": user_id, "password": password})
                };
                json!({"methods": ["password"], "password": {"user": user}})
            }
            Auth::ApplicationCredential {
                id,
                name,
                username,
                user_domain,
                secret,
            } => {
                let credential = if id.is_empty() {
                    json!({"name": name, "secret": secret,
                        "user": {"name": username, "domain": domain(user_domain)}})
                } else {
                    json!({"id": id, "secret": secret})
                };
                json!({"methods": ["application_credential"], "application_credential": credential})
            }
        };
        let mut auth = json!({"identity": identity});
        // An application credential carries its own scope.
        if let Auth::Password {
            project_name,
            project_id,
            project_domain,
            ..
        } = &self.cloud.auth
        {
            auth["scope"] = if project_id.is_empty() {
                json!({"project": {"name": project_name, "domain": domain(project_domain)}})
            } else {
                json!({"project": {"id": project_id}})
            };
        }
        json!({"auth": auth})
    }

    async fn authenticate(&self) -> Result<Token, CallError> {
        metrics::counter!(crate::metrics::OPENSTACK_REQUESTS, "service" => "identity").increment(1);
        let url = format!("{}/auth/tokens", self.cloud.auth_url);
        let answer = self
            .http
            .post(&url)
            .json(&self.auth_body())
            .send()
            .await
            .map_err(|e| {
                CallError::Unavailable(format!(
                    "Keystone ({url}) does not answer: {}",
                    crate::security::outbound::error_chain(&e)
                ))
            })?;
        let status = answer.status();
        let token = answer
            .headers()
            .get("x-subject-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let text = answer.text().await.unwrap_or_default();
        if status.is_server_error() {
            return Err(CallError::Unavailable(format!(
                "Keystone answered {status}: {}",
                body_message(&text)
            )));
        }
        if !status.is_success() {
            // Wrong credentials are not transient, but an operator may fix them (or Keystone
            // may come back from a bad state) without restarting netweave: keep trying.
            return Err(CallError::Unavailable(format!(
                "Keystone refused the credentials of {} ({status}): {}",
                self.cloud.origin,
                body_message(&text)
            )));
        }
        let token = token.ok_or_else(|| {
            CallError::Unavailable("Keystone's answer carries no X-Subject-Token".into())
        })?;
        let body: TokenBody = serde_json::from_str(&text).map_err(|e| {
            CallError::Unavailable(format!("Keystone's token is not understood: {e}"))
        })?;
        let expires: jiff::Timestamp = body.token.expires_at.parse().map_err(|e| {
            CallError::Unavailable(format!(
                "Keystone's expires_at '{}' is not a time: {e}",
                body.token.expires_at
            ))
        })?;
        let life = (expires.as_millisecond() - jiff::Timestamp::now().as_millisecond()).max(0);
        let life = Duration::from_millis(life as u64);
        let renew_in = if life > RENEW_BEFORE * 2 {
            life - RENEW_BEFORE
        } else {
            life / 2
        };
        tracing::debug!(expires = %body.token.expires_at, "Keystone token issued");
        Ok(Token {
            value: token,
            renew_at: Instant::now() + renew_in,
            catalog: body.token.catalog,
        })
    }

    /// The current token, fetched when there is none or it is due for renewal.
    async fn token(&self) -> Result<Token, CallError> {
        let mut held = self.token.lock().await;
        if let Some(t) = held.as_ref().filter(|t| Instant::now() < t.renew_at) {
            return Ok(t.clone());
        }
        let fresh = self.authenticate().await?;
        *held = Some(fresh.clone());
        Ok(fresh)
    }

    /// Forgets `refused` (unless another caller already replaced it).
    async fn forget(&self, refused: &str) {
        let mut held = self.token.lock().await;
        if held.as_ref().is_some_and(|t| t.value == refused) {
            *held = None;
        }
    }

    /// The endpoint of `service_type` for the cloud's region and interface.
    pub async fn endpoint(&self, service_type: &str) -> Result<String, CallError> {
        let token = self.token().await?;
        self.endpoint_in(&token, service_type)
    }

    fn endpoint_in(&self, token: &Token, service_type: &str) -> Result<String, CallError> {
        let region = &self.cloud.region;
        token
            .catalog
            .iter()
            .filter(|s| s.service_type == service_type)
            .flat_map(|s| &s.endpoints)
            .find(|e| {
                e.interface == self.cloud.interface
                    && (region.is_empty()
                        || e.region.as_deref() == Some(region)
                        || e.region_id.as_deref() == Some(region))
            })
            .map(|e| e.url.trim_end_matches('/').to_owned())
            .ok_or_else(|| {
                CallError::Unavailable(format!(
                    "the catalog has no {} endpoint of type '{service_type}'{}",
                    self.cloud.interface,
                    if region.is_empty() {
                        String::new()
                    } else {
                        format!(" in region '{region}'")
                    }
                ))
            })
    }

    /// The region the catalog's endpoint of `service_type` is in.
    pub async fn region_of(&self, service_type: &str) -> Result<String, CallError> {
        let token = self.token().await?;
        let url = self.endpoint_in(&token, service_type)?;
        Ok(token
            .catalog
            .iter()
            .flat_map(|s| &s.endpoints)
            .find(|e| e.url.trim_end_matches('/') == url)
            .and_then(|e| e.region_id.clone().or(e.region.clone()))
            .unwrap_or_default())
    }

    /// One call to `service`, its answer as JSON (see [`Session::call_text`]).
    pub async fn call(
        &self,
        service: &'static str,
        method: Method,
        path: &str,
        version: Option<&str>,
        body: Option<&Value>,
    ) -> Result<(HeaderMap, Value), CallError> {
        let (headers, text) = self.call_text(service, method, path, version, body).await?;
        if text.trim().is_empty() {
            return Ok((headers, Value::Null));
        }
        let value = serde_json::from_str(&text).map_err(|e| {
            CallError::Unavailable(format!("{service} ({path}) answered no JSON: {e}"))
        })?;
        Ok((headers, value))
    }

    /// One call to `service` (`compute`, `placement`): `path` is relative to its endpoint, or
    /// absolute. `version` is the `OpenStack-API-Version` value. A 401 gets one new token and
    /// one retry. Answers the body as it came.
    pub async fn call_text(
        &self,
        service: &'static str,
        method: Method,
        path: &str,
        version: Option<&str>,
        body: Option<&Value>,
    ) -> Result<(HeaderMap, String), CallError> {
        for attempt in 0..2 {
            let token = self.token().await?;
            let url = if path.starts_with("http://") || path.starts_with("https://") {
                path.to_owned()
            } else {
                format!("{}{path}", self.endpoint_in(&token, service)?)
            };
            let mut request = self
                .http
                .request(method.clone(), &url)
                .header("X-Auth-Token", &token.value)
                .header("Accept", "application/json");
            if let Some(v) = version {
                request = request.header("OpenStack-API-Version", v);
            }
            if let Some(b) = body {
                request = request.json(b);
            }
            metrics::counter!(crate::metrics::OPENSTACK_REQUESTS, "service" => service)
                .increment(1);
            let answer = request.send().await.map_err(|e| {
                CallError::Unavailable(format!(
                    "{service} ({url}) does not answer: {}",
                    crate::security::outbound::error_chain(&e)
                ))
            })?;
            let status = answer.status();
            let headers = answer.headers().clone();
            let text = answer.text().await.map_err(|e| {
                CallError::Unavailable(format!("{service} ({url}): reading the answer: {e}"))
            })?;
            if status == StatusCode::UNAUTHORIZED {
                self.forget(&token.value).await;
                if attempt == 0 {
                    tracing::info!(%service, "the cloud refused the token; authenticating again");
                    continue;
                }
                return Err(CallError::Unavailable(format!(
                    "{service} refuses a fresh token (401): {}",
                    body_message(&text)
                )));
            }
            if status.is_server_error() {
                return Err(CallError::Unavailable(format!(
                    "{service} ({method} {url}) answered {status}: {}",
                    body_message(&text)
                )));
            }
            if !status.is_success() {
                return Err(CallError::Refused {
                    service,
                    status: status.as_u16(),
                    message: body_message(&text),
                });
            }
            return Ok((headers, text));
        }
        unreachable!("the loop returns")
    }
}
