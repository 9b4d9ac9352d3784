//! Bearer tokens: what is refused and how it is answered (REST, TMF688, gRPC), key rotation,
//! RFC 8705 binding, client certificates as identities, and an unreachable identity provider.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use netweave::config::{CertBinding, ClientAuth};
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{
    client, gateway,
    idp::{now, Idp, SigningKey},
    support::Pki,
};
use crate::harness::V2;

const POOLS: &str = "/o2ims-infrastructureInventory/v2/resourcePools";

async fn status_of(http: &reqwest::Client, url: String) -> (StatusCode, String, Value) {
    let r = http.get(url).send().await.unwrap();
    let status = r.status();
    let challenge = r
        .headers()
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = r.json().await.unwrap_or(Value::Null);
    (status, challenge, body)
}

fn unsigned(header: Value, claims: &Value) -> String {
    let part = |v: &Value| URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap());
    format!("{}.{}.", part(&header), part(claims))
}

fn hs256_with_public_key(claims: &Value, key: &[u8]) -> String {
    let header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    jsonwebtoken::encode(
        &header,
        claims,
        &jsonwebtoken::EncodingKey::from_secret(key).unwrap(),
    )
    .unwrap()
}

#[tokio::test]
async fn bad_tokens_are_refused_with_a_clear_answer() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |_| {}).await;
    let url = app.url(POOLS);
    let as_alice = |token: Option<&str>| client(&pki, Some(&pki.alice), token);

    let good = idp.token(&["o2ims-reader"]);
    assert_eq!(
        status_of(&as_alice(Some(&good)), url.clone()).await.0,
        StatusCode::OK
    );
    let rsa = SigningKey::rs256("rsa-1").sign(&idp.claims(&["o2ims-reader"]));
    assert_eq!(
        status_of(&as_alice(Some(&rsa)), url.clone()).await.0,
        StatusCode::OK,
        "RS256"
    );

    let (status, challenge, body) = status_of(&as_alice(None), url.clone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        challenge, r#"Bearer realm="netweave""#,
        "RFC 6750: no error code without credentials"
    );
    assert_eq!(body["status"], 401, "ProblemDetails: {body}");

    let claims = idp.claims(&["o2ims-reader"]);
    let with = |f: &dyn Fn(&mut Value)| {
        let mut c = claims.clone();
        f(&mut c);
        idp.mint(&c)
    };
    let public_pem = SigningKey::es256("k").jwk.to_string();
    let refused = [
        ("wrong aud", with(&|c| c["aud"] = json!("someone-else"))),
        (
            "no aud",
            with(&|c| {
                c.as_object_mut().unwrap().remove("aud");
            }),
        ),
        (
            "wrong iss",
            with(&|c| c["iss"] = json!("https://evil.example.com")),
        ),
        ("expired", with(&|c| c["exp"] = json!(now() - 3600))),
        ("not yet valid", with(&|c| c["nbf"] = json!(now() + 3600))),
        (
            "alg none",
            unsigned(json!({"alg": "none", "typ": "JWT"}), &claims),
        ),
        (
            "HS256 with the public key",
            hs256_with_public_key(&claims, public_pem.as_bytes()),
        ),
        ("garbage", "not.a.token".to_owned()),
    ];
    for (what, token) in refused {
        let (status, challenge, body) = status_of(&as_alice(Some(&token)), url.clone()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}: {body}");
        assert!(
            challenge.contains(r#"error="invalid_token""#),
            "{what}: {challenge}"
        );
        assert_eq!(body["title"], "Unauthorized", "{what}");
    }

    // Authenticated but not allowed.
    let (status, challenge, _) = status_of(
        &as_alice(Some(&good)),
        app.url(&format!("{V2}/deploymentManagers")),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(challenge.contains(r#"error="insufficient_scope""#));

    // TMF688 routes answer with the TMF Error.
    let (status, _, body) = status_of(&as_alice(None), app.url("/tmf-api/event/v4/hub")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["status"], "401", "TMF Error: {body}");
    assert!(body["reason"].is_string() && body["code"].is_string());

    // Health and readiness stay open; metrics need a role.
    assert_eq!(
        status_of(&as_alice(None), app.url("/healthz")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        status_of(&as_alice(None), app.url("/readyz")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        status_of(&as_alice(Some(&good)), app.url("/metrics"))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let metrics = app.metrics().await;
    for kind in ["authentication", "authorization"] {
        assert!(
            metrics.contains(&format!("netweave_auth_failures_total{{type=\"{kind}\"}}")),
            "{kind} failures are counted"
        );
    }
}

#[tokio::test]
async fn an_unknown_key_is_fetched_once_and_accepted_when_published() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |_| {}).await;
    let url = app.url(POOLS);
    for _ in 0..20 {
        let token = idp.token(&["o2ims-reader"]);
        assert_eq!(
            status_of(&client(&pki, None, Some(&token)), url.clone())
                .await
                .0,
            StatusCode::OK
        );
    }
    assert_eq!(idp.jwks_hits(), 1, "the key set is cached");
    let rotated = SigningKey::es256("key-2");
    idp.sign_with(rotated.clone());
    let token = idp.token(&["o2ims-reader"]);
    assert_eq!(
        status_of(&client(&pki, None, Some(&token)), url.clone())
            .await
            .0,
        StatusCode::UNAUTHORIZED,
        "a key the issuer does not publish"
    );
    assert_eq!(idp.jwks_hits(), 2, "an unknown kid fetches the set again");
    idp.publish(&rotated);
    assert_eq!(
        status_of(&client(&pki, None, Some(&token)), url.clone())
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        status_of(&client(&pki, None, Some(&token)), url).await.0,
        StatusCode::OK
    );
    assert_eq!(idp.jwks_hits(), 3, "verified tokens are cached");
}

#[tokio::test]
async fn bound_tokens_need_the_certificate_they_were_issued_to() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    idp.add_client("smo-1", "s3cret", &["o2ims-reader"]);
    let app = gateway(&pki, &idp, ClientAuth::Optional, |_| {}).await;
    let url = app.url(POOLS);
    // The client-credentials grant over mTLS: the IdP binds the token to alice's certificate.
    let answer: Value = client(&pki, Some(&pki.alice), None)
        .post(idp.token_url())
        .basic_auth("smo-1", Some("s3cret"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = answer["access_token"].as_str().unwrap();
    let claims: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(token.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        claims["cnf"]["x5t#S256"],
        netweave::security::peer::thumbprint(&pki.alice.der)
    );
    assert_eq!(
        status_of(&client(&pki, Some(&pki.alice), Some(token)), url.clone())
            .await
            .0,
        StatusCode::OK
    );
    for (what, cert) in [
        ("bob's certificate", Some(&pki.bob)),
        ("no certificate", None),
    ] {
        let (status, challenge, _) = status_of(&client(&pki, cert, Some(token)), url.clone()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}");
        assert!(challenge.contains("invalid_token"));
    }
    let mut empty = idp.claims(&["o2ims-reader"]);
    empty["cnf"] = json!({ "x5t#S256": "" });
    let empty = idp.mint(&empty);
    assert_eq!(
        status_of(&client(&pki, Some(&pki.alice), Some(&empty)), url.clone())
            .await
            .0,
        StatusCode::UNAUTHORIZED,
        "an empty binding"
    );
    let metrics = app.metrics().await;
    assert!(
        metrics.contains("netweave_auth_failures_total{type=\"certificate_binding\"} 3"),
        "{metrics}"
    );

    // Where binding is required, an unbound token is refused.
    let strict = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        c.auth.require_bound_tokens = true
    })
    .await;
    let unbound = idp.token(&["o2ims-reader"]);
    assert_eq!(
        status_of(
            &client(&pki, Some(&pki.alice), Some(&unbound)),
            strict.url(POOLS)
        )
        .await
        .0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        status_of(
            &client(&pki, Some(&pki.alice), Some(token)),
            strict.url(POOLS)
        )
        .await
        .0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_client_certificate_alone_can_be_an_identity() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        c.auth.cert_bindings = vec![
            CertBinding {
                cn_domain: Some("o2ims.example.com".into()),
                roles: vec!["o2ims-reader".into()],
                ..Default::default()
            },
            CertBinding {
                san: Some("spiffe://example.com/ops".into()),
                roles: vec!["o2ims-admin".into()],
                ..Default::default()
            },
        ];
    })
    .await;
    let alice = client(&pki, Some(&pki.alice), None);
    assert_eq!(status_of(&alice, app.url(POOLS)).await.0, StatusCode::OK);
    assert_eq!(
        status_of(&alice, app.url(&format!("{V2}/deploymentManagers")))
            .await
            .0,
        StatusCode::FORBIDDEN,
        "a reader by the common-name rule"
    );
    let ops = pki
        .ca
        .issue(
            "ops",
            &["spiffe://example.com/ops"],
            netweave::security::devcerts::Usage::Client,
            false,
        )
        .unwrap();
    assert_eq!(
        status_of(
            &client(&pki, Some(&ops), None),
            app.url(&format!("{V2}/deploymentManagers"))
        )
        .await
        .0,
        StatusCode::OK,
        "an admin by SAN"
    );
    let stranger = pki
        .ca
        .issue(
            "stranger",
            &[],
            netweave::security::devcerts::Usage::Client,
            false,
        )
        .unwrap();
    assert_eq!(
        status_of(&client(&pki, Some(&stranger), None), app.url(POOLS))
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn grpc_answers_unauthenticated_permission_denied_and_unavailable() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |_| {}).await;
    let call = |addr: std::net::SocketAddr, token: Option<String>| {
        let pki = &pki;
        async move {
            let channel = super::matrix::grpc_channel(pki, addr).await;
            let mut client = netweave::proto::o2ims::v1::inventory_service_client::InventoryServiceClient::with_interceptor(
                channel,
                move |mut req: tonic::Request<()>| {
                    if let Some(t) = &token {
                        req.metadata_mut().insert("authorization", format!("Bearer {t}").parse().unwrap());
                    }
                    Ok(req)
                },
            );
            let pools = client
                .list_resource_pools(
                    netweave::proto::o2ims::v1::ListResourcePoolsRequest::default(),
                )
                .await
                .map(|_| ())
                .map_err(|s| s.code());
            let dms = client
                .list_deployment_managers(
                    netweave::proto::o2ims::v1::ListDeploymentManagersRequest::default(),
                )
                .await
                .map(|_| ())
                .map_err(|s| s.code());
            (pools, dms)
        }
    };
    assert_eq!(
        call(app.addr, None).await.0,
        Err(tonic::Code::Unauthenticated)
    );
    let (pools, dms) = call(app.addr, Some(idp.token(&["o2ims-reader"]))).await;
    assert_eq!(pools, Ok(()));
    assert_eq!(dms, Err(tonic::Code::PermissionDenied));

    // An issuer nobody answers for, and no cached key: 503 / UNAVAILABLE, not 401.
    let port = crate::harness::free_port();
    let down = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        c.auth.issuer = Some(format!("https://localhost:{port}"));
    })
    .await;
    assert_eq!(
        call(down.addr, Some(idp.token(&["o2ims-reader"]))).await.0,
        Err(tonic::Code::Unavailable)
    );
    let (status, _, body) = status_of(
        &client(&pki, None, Some(&idp.token(&["o2ims-reader"]))),
        down.url(POOLS),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
}
