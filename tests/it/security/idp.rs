//! A local OAuth 2.0 / OIDC identity provider over TLS: discovery, a JWKS that tests rotate,
//! and a client-credentials token endpoint that binds tokens (RFC 8705) to the certificate the
//! client connected with. Tests also mint tokens directly with any claims.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex, OnceLock,
    },
};

use axum::{
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Form, Json, Router,
};
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

use super::support::{serve_tls, Pki, PEER_X5T};

pub const AUDIENCE: &str = "o2ims-client";

/// A signing key and its public JWK.
#[derive(Clone)]
pub struct SigningKey {
    pub kid: String,
    pub alg: Algorithm,
    pub encoding: EncodingKey,
    pub jwk: Value,
}

impl SigningKey {
    pub fn es256(kid: &str) -> SigningKey {
        let pair = rcgen::KeyPair::generate().unwrap();
        SigningKey {
            kid: kid.to_owned(),
            alg: Algorithm::ES256,
            encoding: EncodingKey::from_ec_pem(pair.serialize_pem().as_bytes()).unwrap(),
            jwk: netweave::security::devcerts::es256_jwk(&pair, kid),
        }
    }

    /// The committed RSA test key (Keycloak signs RS256 by default).
    pub fn rs256(kid: &str) -> SigningKey {
        let pem = include_bytes!("../fixtures/rsa-test-key.pem");
        let mut jwk: Value =
            serde_json::from_str(include_str!("../fixtures/rsa-test-key.jwk.json")).unwrap();
        jwk["kid"] = json!(kid);
        jwk["alg"] = json!("RS256");
        jwk["use"] = json!("sig");
        SigningKey {
            kid: kid.to_owned(),
            alg: Algorithm::RS256,
            encoding: EncodingKey::from_rsa_pem(pem).unwrap(),
            jwk,
        }
    }

    pub fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(self.alg);
        header.kid = Some(self.kid.clone());
        header.typ = Some("JWT".into());
        jsonwebtoken::encode(&header, claims, &self.encoding).unwrap()
    }
}

struct Shared {
    issuer: OnceLock<String>,
    published: Mutex<Vec<Value>>,
    signer: Mutex<SigningKey>,
    /// client id → (secret, roles).
    clients: Mutex<HashMap<String, (String, Vec<String>)>>,
    jwks_hits: AtomicUsize,
    token_hits: AtomicUsize,
}

pub struct Idp {
    pub issuer: String,
    shared: Arc<Shared>,
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

impl Idp {
    /// Serves over TLS with the PKI's server certificate; client certificates are optional
    /// (asked for, and used to bind tokens, when sent).
    pub async fn start(pki: &Pki) -> Idp {
        let key = SigningKey::es256("key-1");
        let shared = Arc::new(Shared {
            issuer: OnceLock::new(),
            published: Mutex::new(vec![key.jwk.clone(), SigningKey::rs256("rsa-1").jwk]),
            signer: Mutex::new(key),
            clients: Mutex::new(HashMap::new()),
            jwks_hits: AtomicUsize::new(0),
            token_hits: AtomicUsize::new(0),
        });
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/token", post(token))
            .with_state(Arc::clone(&shared));
        let verifier = rustls::server::WebPkiClientVerifier::builder(Arc::new(pki.roots()))
            .allow_unauthenticated()
            .build()
            .unwrap();
        let mut config = rustls::ServerConfig::builder()
            .with_client_cert_verifier(verifier)
            .with_single_cert(
                super::support::chain(&pki.server),
                super::support::key(&pki.server),
            )
            .unwrap();
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        let addr = serve_tls(router, config).await;
        let issuer = format!("https://localhost:{}", addr.port());
        shared.issuer.set(issuer.clone()).unwrap();
        Idp { issuer, shared }
    }

    pub fn jwks_uri(&self) -> String {
        format!("{}/jwks", self.issuer)
    }

    pub fn token_url(&self) -> String {
        format!("{}/token", self.issuer)
    }

    pub fn add_client(&self, id: &str, secret: &str, roles: &[&str]) {
        self.shared.clients.lock().unwrap().insert(
            id.to_owned(),
            (
                secret.to_owned(),
                roles.iter().map(|r| (*r).to_owned()).collect(),
            ),
        );
    }

    pub fn remove_client(&self, id: &str) {
        self.shared.clients.lock().unwrap().remove(id);
    }

    pub fn jwks_hits(&self) -> usize {
        self.shared.jwks_hits.load(Ordering::SeqCst)
    }

    pub fn token_hits(&self) -> usize {
        self.shared.token_hits.load(Ordering::SeqCst)
    }

    /// Publishes `key` in the JWKS.
    pub fn publish(&self, key: &SigningKey) {
        self.shared.published.lock().unwrap().push(key.jwk.clone());
    }

    /// Signs with `key` from now on (without publishing it).
    pub fn sign_with(&self, key: SigningKey) {
        *self.shared.signer.lock().unwrap() = key;
    }

    /// The claims of a valid access token with `roles`.
    pub fn claims(&self, roles: &[&str]) -> Value {
        json!({
            "iss": self.issuer, "sub": "smo-1", "aud": AUDIENCE, "client_id": "smo-1",
            "iat": now(), "exp": now() + 300, "jti": uuid::Uuid::new_v4().to_string(),
            "roles": roles,
        })
    }

    /// A token with `claims`, signed with the current key.
    pub fn mint(&self, claims: &Value) -> String {
        self.shared.signer.lock().unwrap().sign(claims)
    }

    /// A valid token with `roles`.
    pub fn token(&self, roles: &[&str]) -> String {
        self.mint(&self.claims(roles))
    }
}

type St = State<Arc<Shared>>;

fn shared(s: &St) -> Arc<Shared> {
    Arc::clone(&s.0)
}

impl Shared {
    fn issuer(&self) -> &str {
        self.issuer.get().expect("idp started")
    }
}

async fn discovery(s: St) -> Json<Value> {
    let s = shared(&s);
    Json(json!({
        "issuer": s.issuer(),
        "jwks_uri": format!("{}/jwks", s.issuer()),
        "token_endpoint": format!("{}/token", s.issuer()),
    }))
}

async fn jwks(s: St) -> Json<Value> {
    let s = shared(&s);
    s.jwks_hits.fetch_add(1, Ordering::SeqCst);
    Json(json!({ "keys": *s.published.lock().unwrap() }))
}

async fn token(s: St, headers: HeaderMap, Form(form): Form<HashMap<String, String>>) -> Response {
    let s = shared(&s);
    s.token_hits.fetch_add(1, Ordering::SeqCst);
    if form.get("grant_type").map(String::as_str) != Some("client_credentials") {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "unsupported_grant_type"})),
        )
            .into_response();
    }
    let basic = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|b| b.split_once(':').map(|(i, s)| (i.to_owned(), s.to_owned())));
    let x5t = headers.get(PEER_X5T).and_then(|v| v.to_str().ok());
    let (id, secret) = match basic {
        Some((id, secret)) => (id, Some(secret)),
        None => (form.get("client_id").cloned().unwrap_or_default(), None),
    };
    let clients = s.clients.lock().unwrap().clone();
    let Some((want, roles)) = clients.get(&id) else {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "invalid_client"})),
        )
            .into_response();
    };
    // A secret, or (RFC 8705 §2) the client certificate alone.
    let ok = match &secret {
        Some(secret) => secret == want,
        None => x5t.is_some(),
    };
    if !ok {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "invalid_client"})),
        )
            .into_response();
    }
    let mut claims = json!({
        "iss": s.issuer(), "sub": id, "aud": form.get("audience").cloned().unwrap_or_else(|| AUDIENCE.to_owned()),
        "client_id": id, "iat": now(), "exp": now() + 300, "roles": roles,
        "scope": form.get("scope").cloned().unwrap_or_default(),
    });
    if let Some(x5t) = x5t {
        claims["cnf"] = json!({ "x5t#S256": x5t });
    }
    let token = s.signer.lock().unwrap().sign(&claims);
    Json(json!({"access_token": token, "token_type": "Bearer", "expires_in": 300})).into_response()
}
