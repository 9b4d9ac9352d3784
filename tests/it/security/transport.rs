//! TLS on the one port: protocol versions, ALPN, client certificates (rogue CA, expired,
//! revoked, wrong usage), hot reload of the files, and forwarded-certificate headers.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use netweave::{
    config::ClientAuth,
    security::devcerts::{Ca, Issued, Usage},
};
use rustls::{pki_types::ServerName, ClientConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::{
    idp::Idp,
    support::{client_config, Pki},
    tls,
};
use crate::harness::{TestApp, V2};

/// What a TLS client saw: the protocol, ALPN, the server's leaf, and the answer to
/// `GET /healthz` over HTTP/1.1 (`Err` when the server refused the connection).
struct Seen {
    version: rustls::ProtocolVersion,
    alpn: Option<Vec<u8>>,
    server_leaf: Vec<u8>,
    answer: Result<String, String>,
}

async fn connect(addr: SocketAddr, config: ClientConfig) -> Result<Seen, String> {
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut stream = connector
        .connect(ServerName::try_from("localhost").unwrap(), tcp)
        .await
        .map_err(|e| e.to_string())?;
    let (_, conn) = stream.get_ref();
    let version = conn.protocol_version().unwrap();
    let alpn = conn.alpn_protocol().map(<[u8]>::to_vec);
    let server_leaf = conn.peer_certificates().unwrap()[0].to_vec();
    let answer = async {
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n")
            .await
            .map_err(|e| e.to_string())?;
        let mut text = String::new();
        stream
            .read_to_string(&mut text)
            .await
            .map_err(|e| e.to_string())?;
        Ok::<_, String>(text)
    }
    .await;
    Ok(Seen {
        version,
        alpn,
        server_leaf,
        answer,
    })
}

fn healthy(seen: &Result<Seen, String>) -> bool {
    matches!(seen, Ok(Seen { answer: Ok(text), .. }) if text.starts_with("HTTP/1.1 200"))
}

async fn tls_gateway(
    pki: &Pki,
    client_auth: ClientAuth,
    tweak: impl FnOnce(&mut netweave::config::Config),
) -> TestApp {
    TestApp::start_with_client(
        |c| {
            tls(c, pki, client_auth);
            tweak(c);
        },
        super::client(pki, Some(&pki.alice), None),
    )
    .await
}

#[tokio::test]
async fn tls13_with_alpn_h2_and_http11_and_no_tls12_unless_allowed() {
    let pki = Pki::new();
    let app = tls_gateway(&pki, ClientAuth::None, |_| {}).await;
    let seen = connect(app.addr, pki.client_config(None, &[b"http/1.1"])).await;
    assert!(healthy(&seen), "HTTP/1.1 over TLS answers");
    let seen = seen.unwrap();
    assert_eq!(seen.version, rustls::ProtocolVersion::TLSv1_3);
    assert_eq!(seen.alpn.as_deref(), Some(&b"http/1.1"[..]));
    assert_eq!(seen.server_leaf, pki.server.der);
    let h2 = connect(app.addr, pki.client_config(None, &[b"h2", b"http/1.1"]))
        .await
        .unwrap();
    assert_eq!(h2.alpn.as_deref(), Some(&b"h2"[..]), "h2 is preferred");

    let tls12 = client_config(
        pki.roots(),
        None,
        &[b"http/1.1"],
        &[&rustls::version::TLS12],
    );
    assert!(
        connect(app.addr, tls12.clone()).await.is_err(),
        "TLS 1.2 is refused by default"
    );

    let lenient = tls_gateway(&pki, ClientAuth::None, |c| c.tls.allow_tls12 = true).await;
    let seen = connect(lenient.addr, tls12).await;
    assert!(healthy(&seen));
    assert_eq!(seen.unwrap().version, rustls::ProtocolVersion::TLSv1_2);

    // REST and gRPC share the TLS port: the admin-less gateway answers both.
    let pools = app.get_ok(&format!("{V2}/resourcePools")).await;
    assert_eq!(pools.as_array().unwrap().len(), 3);
    let channel =
        tonic::transport::Channel::from_shared(format!("https://localhost:{}", app.addr.port()))
            .unwrap()
            .tls_config(
                tonic::transport::ClientTlsConfig::new()
                    .ca_certificate(tonic::transport::Certificate::from_pem(pki.ca.cert_pem()))
                    .domain_name("localhost"),
            )
            .unwrap()
            .connect()
            .await
            .expect("gRPC over TLS");
    let pools =
        netweave::proto::o2ims::v1::inventory_service_client::InventoryServiceClient::new(channel)
            .list_resource_pools(netweave::proto::o2ims::v1::ListResourcePoolsRequest::default())
            .await
            .expect("ListResourcePools over TLS");
    assert_eq!(pools.into_inner().resource_pools.len(), 3);
}

#[tokio::test]
async fn required_client_certificates_refuse_rogue_expired_revoked_and_wrong_usage() {
    let pki = Pki::new();
    let revoked = pki
        .ca
        .issue(
            "carol.tenant-a.o2ims.example.com",
            &[],
            Usage::Client,
            false,
        )
        .unwrap();
    std::fs::write(pki.path("crl.pem"), pki.ca.crl(&[&revoked.der]).unwrap()).unwrap();
    let crl = pki.path("crl.pem");
    let app = tls_gateway(&pki, ClientAuth::Required, |c| c.tls.crls = vec![crl]).await;
    let with = |cert: &Issued| pki.client_config(Some(cert), &[b"http/1.1"]);
    assert!(
        healthy(&connect(app.addr, with(&pki.alice)).await),
        "a CA-issued client certificate"
    );
    assert!(healthy(&connect(app.addr, with(&pki.bob)).await));
    assert!(
        !healthy(&connect(app.addr, pki.client_config(None, &[b"http/1.1"])).await),
        "no certificate"
    );
    let rogue = Ca::new("rogue CA")
        .unwrap()
        .issue(
            "alice.tenant-a.o2ims.example.com",
            &[],
            Usage::Client,
            false,
        )
        .unwrap();
    assert!(
        !healthy(&connect(app.addr, with(&rogue)).await),
        "a rogue CA"
    );
    let expired = pki
        .ca
        .issue("old.tenant-a.o2ims.example.com", &[], Usage::Client, true)
        .unwrap();
    assert!(
        !healthy(&connect(app.addr, with(&expired)).await),
        "expired"
    );
    assert!(
        !healthy(&connect(app.addr, with(&revoked)).await),
        "revoked by the CRL"
    );
    let signing = pki
        .ca
        .issue("code.tenant-a.o2ims.example.com", &[], Usage::None, false)
        .unwrap();
    assert!(
        !healthy(&connect(app.addr, with(&signing)).await),
        "no clientAuth usage"
    );

    // Optional: no certificate passes, a bad one still does not.
    let optional = tls_gateway(&pki, ClientAuth::Optional, |_| {}).await;
    assert!(healthy(
        &connect(optional.addr, pki.client_config(None, &[b"http/1.1"])).await
    ));
    assert!(!healthy(&connect(optional.addr, with(&rogue)).await));
}

#[tokio::test]
async fn rewritten_certificate_files_take_effect_and_a_corrupt_one_keeps_the_old() {
    let pki = Pki::new();
    let app = tls_gateway(&pki, ClientAuth::None, |_| {}).await;
    let leaf = || async {
        connect(app.addr, pki.client_config(None, &[b"http/1.1"]))
            .await
            .unwrap()
            .server_leaf
    };
    assert_eq!(leaf().await, pki.server.der);
    let renewed = pki
        .ca
        .issue(
            "localhost",
            &["localhost", "127.0.0.1"],
            Usage::Server,
            false,
        )
        .unwrap();
    renewed.write(pki.dir.path(), "server").unwrap();
    let mut now = leaf().await;
    for _ in 0..100 {
        if now == renewed.der {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        now = leaf().await;
    }
    assert_eq!(
        now, renewed.der,
        "the next handshakes show the renewed certificate"
    );

    std::fs::write(
        pki.path("server.pem"),
        "-----BEGIN CERTIFICATE-----\ngarbage\n",
    )
    .unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        leaf().await,
        renewed.der,
        "a corrupt file keeps the loaded certificate"
    );
    let metrics = app.metrics().await;
    assert!(
        metrics
            .lines()
            .any(|l| l.starts_with("netweave_tls_reload_failures_total") && !l.ends_with(" 0")),
        "the failed reload is counted"
    );
    assert!(metrics.contains("netweave_tls_certificate_expiry_timestamp_seconds"));
}

#[tokio::test]
async fn forwarded_certificates_count_only_from_trusted_proxies() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    let x5t = netweave::security::peer::thumbprint(&pki.alice.der);
    let mut claims = idp.claims(&["o2ims-reader"]);
    claims["cnf"] = serde_json::json!({ "x5t#S256": x5t });
    let bound = idp.mint(&claims);
    let der = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &pki.alice.der);
    let pem = percent_encoding::utf8_percent_encode(
        &pki.alice.cert_pem,
        percent_encoding::NON_ALPHANUMERIC,
    )
    .to_string();
    let xfcc = format!("By=spiffe://gw;Hash=00;Cert=\"{pem}\";Subject=\"CN=alice\"");
    for (trusted, want) in [("10.0.0.0/8", 401), ("127.0.0.1/32", 200)] {
        // Plaintext from the proxy; the proxy is (or is not) in a trusted network.
        let app = TestApp::start_with(|c| {
            super::auth(c, &pki, &idp);
            c.tls.trusted_proxies = trusted.into();
        })
        .await;
        for (header, value) in [
            ("x-ssl-client-der", der.clone()),
            ("x-forwarded-client-cert", xfcc.clone()),
        ] {
            let status = app
                .http
                .get(app.url(&format!("{V2}/resourcePools")))
                .bearer_auth(&bound)
                .header(header, value)
                .send()
                .await
                .unwrap()
                .status();
            assert_eq!(status.as_u16(), want, "{header} from a peer in {trusted}");
        }
    }
}
