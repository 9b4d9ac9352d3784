//! https webhooks: a receiver that requires a client certificate and a bearer token from the
//! identity provider gets signed notifications (and the verification GET); a callback whose
//! certificate does not verify fails clearly instead of retrying silently.

use std::time::Duration;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use netweave::{
    config::ClientAuth,
    security::{devcerts::Usage, peer::thumbprint},
};
use serde_json::Value;

use super::{
    gateway,
    idp::Idp,
    support::{Pki, PEER_X5T},
};
use crate::{
    receiver::{Mode, Receiver},
    webhooks::{pool_lifecycle, standard_webhooks_verifies, subscribe, webhook_config},
};

fn claims(token: &str) -> Value {
    serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(token.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap()
}

#[tokio::test]
async fn an_mtls_and_oauth_receiver_gets_signed_notifications() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    idp.add_client("netweave", "n3tw3ave", &["smo-notifications"]);
    let outbound = pki
        .ca
        .issue(
            "netweave.gateway",
            &["netweave.gateway"],
            Usage::Client,
            false,
        )
        .unwrap();
    outbound.write(pki.dir.path(), "outbound").unwrap();
    let receiver = Receiver::start_tls(Mode::Ok, pki.server_config(true)).await;
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        webhook_config(c);
        c.webhooks.verify_callbacks = true;
        c.webhooks.ca_file = Some(pki.path("ca.pem"));
        c.webhooks.client_cert = Some(pki.path("outbound.pem"));
        c.webhooks.client_key = Some(pki.path("outbound.key"));
        c.webhooks.oauth.token_url = Some(idp.token_url());
        c.webhooks.oauth.client_id = "netweave".into();
        c.webhooks.oauth.client_secret = "n3tw3ave".into();
    })
    .await;
    subscribe(&app, &receiver.url("/notify"), None).await;
    pool_lifecycle(&app, "tls-pool").await;
    let got = receiver.wait_for(4, Duration::from_secs(10)).await;
    assert!(
        got.len() >= 4,
        "the verification GET and three notifications: {}",
        got.len()
    );
    let x5t = thumbprint(&outbound.der);
    for r in &got {
        assert_eq!(
            r.header(PEER_X5T),
            x5t,
            "the client certificate is presented"
        );
        let token = r
            .header("authorization")
            .strip_prefix("Bearer ")
            .expect("a bearer token");
        let c = claims(token);
        assert_eq!(c["client_id"], "netweave");
        assert_eq!(
            c["cnf"]["x5t#S256"],
            x5t.as_str(),
            "the token is bound to the client certificate"
        );
    }
    assert!(
        got[1..].iter().all(standard_webhooks_verifies),
        "notifications are signed"
    );
    assert_eq!(
        idp.token_hits(),
        1,
        "the token is cached until it nears expiry"
    );
}

#[tokio::test]
async fn a_callback_certificate_that_does_not_verify_fails_clearly() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    // The receiver's certificate comes from a CA netweave does not trust.
    let rogue = Pki::new();
    let receiver = Receiver::start_tls(Mode::Ok, rogue.server_config(false)).await;
    // So many attempts that only a permanent failure dead-letters within the wait.
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        webhook_config(c);
        c.webhooks.max_attempts = 1000;
    })
    .await;
    let sub = subscribe(&app, &receiver.url("/notify"), None).await;
    pool_lifecycle(&app, "untrusted").await;
    let mut letters = Vec::new();
    for _ in 0..100 {
        letters = app
            .get_ok("/webhooks/deadLetters")
            .await
            .as_array()
            .unwrap()
            .clone();
        if !letters.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        !letters.is_empty(),
        "dead-lettered at once, not retried silently"
    );
    let error = letters[0]["error"].as_str().unwrap_or_default().to_owned();
    assert!(
        error.contains("certificate"),
        "the reason names the certificate: {}",
        letters[0]
    );
    assert!(receiver.received().is_empty());
    assert_eq!(letters[0]["delivery"]["subscriptionId"], sub.as_str());

    // With verification on, the subscription itself is refused with the reason.
    let checking = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        webhook_config(c);
        c.webhooks.verify_callbacks = true;
    })
    .await;
    let reply = checking
        .call(
            reqwest::Method::POST,
            "/o2ims-infrastructureInventory/v2/subscriptions",
            Some(serde_json::json!({"callback": receiver.url("/notify")})),
        )
        .await;
    assert_eq!(reply.status, reqwest::StatusCode::BAD_REQUEST);
    assert!(
        reply.body["detail"]
            .as_str()
            .unwrap()
            .contains("certificate"),
        "{}",
        reply.body
    );
}

/// Faults together: the receiver fails, the token endpoint refuses netweave, and the gateway
/// restarts on its data directory meanwhile. Every notification still arrives, none is
/// dead-lettered: only a positive answer may drop one.
#[tokio::test]
async fn a_restart_while_the_receiver_fails_and_no_token_can_be_had_loses_nothing() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    idp.add_client("netweave", "n3tw3ave", &["smo-notifications"]);
    let receiver = Receiver::start_tls(Mode::Always(503), pki.server_config(false)).await;
    let config = |c: &mut netweave::config::Config| {
        super::tls(c, &pki, ClientAuth::Optional);
        super::auth(c, &pki, &idp);
        webhook_config(c);
        c.webhooks.max_attempts = 1000;
        c.webhooks.ca_file = Some(pki.path("ca.pem"));
        c.webhooks.oauth.token_url = Some(idp.token_url());
        c.webhooks.oauth.client_id = "netweave".into();
        c.webhooks.oauth.client_secret = "n3tw3ave".into();
    };
    let http = || super::client(&pki, Some(&pki.alice), Some(&idp.token(&["o2ims-admin"])));
    let app =
        crate::harness::TestApp::launch(tempfile::TempDir::new().unwrap(), config, http()).await;
    subscribe(&app, &receiver.url("/notify"), None).await;
    let pool = pool_lifecycle(&app, "faults").await;
    receiver.wait_for(3, Duration::from_secs(10)).await;
    // No token can be had any more, and the gateway restarts while the receiver still fails.
    idp.remove_client("netweave");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let data = app.stop().await;
    let app = crate::harness::TestApp::launch(data, config, http()).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    idp.add_client("netweave", "n3tw3ave", &["smo-notifications"]);
    receiver.set_mode(Mode::Ok);
    let answered_from = std::time::Instant::now();
    let mut delivered = Vec::new();
    for _ in 0..200 {
        delivered = receiver
            .received()
            .into_iter()
            .filter(|r| r.at >= answered_from && !r.body.is_empty())
            .filter(|r| r.header("authorization").starts_with("Bearer "))
            .map(|r| r.json())
            .filter(|n| n["objectRef"].as_str().is_some_and(|o| o.ends_with(&pool)))
            .collect::<Vec<Value>>();
        let mut ids: Vec<&str> = delivered
            .iter()
            .filter_map(|n| n["notificationId"].as_str())
            .collect();
        ids.sort();
        ids.dedup();
        if ids.len() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut ids: Vec<&str> = delivered
        .iter()
        .filter_map(|n| n["notificationId"].as_str())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids.len(),
        3,
        "create, update and delete of pool {pool} all arrive: {delivered:?}"
    );
    assert!(app
        .get_ok("/webhooks/deadLetters")
        .await
        .as_array()
        .unwrap()
        .is_empty());
}
