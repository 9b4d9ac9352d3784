//! The identity provider's signing keys: found through OIDC discovery or a configured JWKS
//! URL, cached for `jwks_cache_seconds`, fetched again (at most every `jwks_refetch_seconds`)
//! when a token names a key the cache lacks, and kept while the provider is unreachable.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use jsonwebtoken::{jwk::Jwk, Algorithm, DecodingKey};
use serde::Deserialize;
use tokio::sync::{Mutex, RwLock};

/// Where the keys come from.
#[derive(Clone, Debug)]
pub enum KeySource {
    /// `issuer/.well-known/openid-configuration` names `jwks_uri`.
    Discovery(String),
    Uri(String),
}

struct Key {
    kid: Option<String>,
    alg: Option<Algorithm>,
    decoding: DecodingKey,
}

#[derive(Default)]
struct KeySet {
    keys: Vec<Arc<Key>>,
    fetched: Option<Instant>,
}

pub struct Jwks {
    client: reqwest::Client,
    source: KeySource,
    ttl: Duration,
    refetch: Duration,
    set: RwLock<KeySet>,
    /// One fetch at a time; holds when the last one started.
    fetching: Mutex<Option<Instant>>,
}

/// Why no key could be had.
#[derive(Debug)]
pub enum KeyError {
    /// The set was fetched and has no such key.
    Unknown(String),
    /// The provider could not be reached and nothing is cached.
    Unavailable(String),
}

impl Jwks {
    pub fn new(
        client: reqwest::Client,
        source: KeySource,
        ttl: Duration,
        refetch: Duration,
    ) -> Jwks {
        Jwks {
            client,
            source,
            ttl,
            refetch,
            set: RwLock::new(KeySet::default()),
            fetching: Mutex::new(None),
        }
    }

    /// The key that verifies a token with header `kid` and `alg`.
    pub async fn key(&self, kid: Option<&str>, alg: Algorithm) -> Result<DecodingKeyRef, KeyError> {
        {
            let set = self.set.read().await;
            if let Some(key) = find(&set, kid, alg) {
                if set.fetched.is_some_and(|t| t.elapsed() < self.ttl) {
                    return Ok(DecodingKeyRef(key));
                }
            }
        }
        // Stale, empty, or missing the key: fetch, unless a fetch started moments ago (a flood
        // of tokens with made-up kids, or an IdP that is down, must not be hammered).
        let outcome = self.fetch().await;
        let set = self.set.read().await;
        if let Some(key) = find(&set, kid, alg) {
            return Ok(DecodingKeyRef(key));
        }
        match (outcome, set.fetched) {
            (Err(e), None) => Err(KeyError::Unavailable(e)),
            _ => Err(KeyError::Unknown(match kid {
                Some(kid) => format!("the issuer has no key '{kid}' for {alg:?}"),
                None => format!("the issuer has no key for {alg:?}"),
            })),
        }
    }

    async fn fetch(&self) -> Result<(), String> {
        let mut last = self.fetching.lock().await;
        if last.is_some_and(|t| t.elapsed() < self.refetch) {
            return Err("the keys were fetched moments ago".into());
        }
        *last = Some(Instant::now());
        match self.download().await {
            Ok(keys) => {
                let mut set = self.set.write().await;
                set.keys = keys;
                set.fetched = Some(Instant::now());
                Ok(())
            }
            Err(e) => {
                tracing::warn!(error = %e, "fetching the identity provider's keys failed; keeping the cached ones");
                Err(e)
            }
        }
    }

    async fn download(&self) -> Result<Vec<Arc<Key>>, String> {
        let uri = match &self.source {
            KeySource::Uri(uri) => uri.clone(),
            KeySource::Discovery(issuer) => {
                #[derive(Deserialize)]
                struct Discovery {
                    jwks_uri: String,
                }
                let url = format!(
                    "{}/.well-known/openid-configuration",
                    issuer.trim_end_matches('/')
                );
                let doc: Discovery = self.get_json(&url).await?;
                doc.jwks_uri
            }
        };
        #[derive(Deserialize)]
        struct Set {
            keys: Vec<serde_json::Value>,
        }
        let set: Set = self.get_json(&uri).await?;
        let mut keys = Vec::new();
        for value in set.keys {
            if value.get("use").and_then(|u| u.as_str()) == Some("enc") {
                continue;
            }
            // One key of a type this build cannot use must not hide the others.
            let Ok(jwk) = serde_json::from_value::<Jwk>(value) else {
                continue;
            };
            let Ok(decoding) = DecodingKey::from_jwk(&jwk) else {
                continue;
            };
            let alg = jwk
                .common
                .key_algorithm
                .and_then(|a| format!("{a:?}").parse::<Algorithm>().ok());
            keys.push(Arc::new(Key {
                kid: jwk.common.key_id.clone(),
                alg,
                decoding,
            }));
        }
        Ok(keys)
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, String> {
        // A key set in a file (`netweave dev-certs` writes one; a mounted Secret works too).
        if let Some(path) = url.strip_prefix("file://") {
            let bytes = tokio::fs::read(path)
                .await
                .map_err(|e| format!("reading {path}: {e}"))?;
            return serde_json::from_slice(&bytes).map_err(|e| format!("{path}: {e}"));
        }
        let response = self
            .client
            .get(url)
            .send()
            .await
            .map_err(|e| format!("GET {url}: {}", super::outbound::error_chain(&e)))?;
        if !response.status().is_success() {
            return Err(format!("GET {url}: {}", response.status()));
        }
        response.json().await.map_err(|e| format!("GET {url}: {e}"))
    }
}

fn find(set: &KeySet, kid: Option<&str>, alg: Algorithm) -> Option<Arc<Key>> {
    set.keys
        .iter()
        .find(|k| {
            let kid_fits = match kid {
                Some(kid) => k.kid.as_deref() == Some(kid),
                None => true,
            };
            kid_fits && k.alg.is_none_or(|a| a == alg)
        })
        .cloned()
}

/// A cached key, shared.
pub struct DecodingKeyRef(Arc<Key>);

impl std::ops::Deref for DecodingKeyRef {
    type Target = DecodingKey;
    fn deref(&self) -> &DecodingKey {
        &self.0.decoding
    }
}
