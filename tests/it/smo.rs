//! SMO registration against a loopback receiver: retried while the SMO fails, registered once
//! when it answers, with the readiness detail and the metrics saying so; not again after a
//! restart; again when the endpoint it carries changed.

use std::time::Duration;

use crate::{
    harness::TestApp,
    receiver::{Mode, Receiver},
};

async fn readyz(app: &TestApp) -> String {
    app.http
        .get(app.url("/readyz"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn until(app: &TestApp, what: &str) -> String {
    for _ in 0..200 {
        let text = readyz(app).await;
        if text.contains(what) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("/readyz never said '{what}': {}", readyz(app).await)
}

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .filter(|l| l.starts_with(name))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

#[tokio::test]
async fn the_o_cloud_registers_once_when_ready_retrying_while_the_smo_is_down() {
    let smo = Receiver::start(Mode::Always(503)).await;
    let url = smo.url("/ocloud/registration");
    let tweak = |endpoint: &'static str| {
        let url = url.clone();
        move |c: &mut netweave::config::Config| {
            c.smo.url = Some(url);
            c.smo.retry_base_ms = 10;
            c.smo.retry_max_seconds = 0.05;
            c.ocloud.global_cloud_id = "0e4f6a3c-1f2b-4c5d-8e9f-0a1b2c3d4e5f".into();
            c.ocloud.service_uri = endpoint.into();
        }
    };
    let app = TestApp::start_with(tweak("https://ims.example:8443")).await;

    let failing = until(&app, "failing after").await;
    assert!(
        failing.starts_with("ready\n"),
        "an unreachable SMO does not make the gateway unready: {failing}"
    );
    assert!(failing.contains("503"), "{failing}");
    let metrics = app.metrics().await;
    assert!(
        metric(
            &metrics,
            "netweave_smo_registration_attempts_total{result=\"failed\"}"
        ) >= 1.0,
        "{metrics}"
    );
    assert_eq!(metric(&metrics, "netweave_smo_registered"), 0.0);

    smo.set_mode(Mode::Ok);
    until(&app, "registered at").await;
    let posts = smo.received();
    let ok = posts.last().unwrap().json();
    assert_eq!(ok["globalCloudId"], "0e4f6a3c-1f2b-4c5d-8e9f-0a1b2c3d4e5f");
    assert_eq!(ok["IMS_EP"], "https://ims.example:8443");
    let cloud = app.get_ok("/o2ims-infrastructureInventory/v2").await;
    assert_eq!(ok["oCloudId"], cloud["oCloudId"]);
    assert!(posts.len() >= 2, "retried: {}", posts.len());
    assert!(posts.iter().all(|p| p.path == "/ocloud/registration"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        smo.received().len(),
        posts.len(),
        "registered once: nothing after the success"
    );
    let metrics = app.metrics().await;
    assert_eq!(metric(&metrics, "netweave_smo_registered"), 1.0);
    assert!(
        metric(
            &metrics,
            "netweave_smo_registration_attempts_total{result=\"registered\"}"
        ) >= 1.0
    );

    // A restart on the same data: the same registration is not made again.
    let data = app.stop().await;
    let before = smo.received().len();
    let app = TestApp::start_in(data, tweak("https://ims.example:8443")).await;
    until(&app, "registered at an earlier start").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(smo.received().len(), before);

    // A new endpoint: registered again, with it.
    let data = app.stop().await;
    let app = TestApp::start_in(data, tweak("https://ims-2.example:8443")).await;
    let again = smo.wait_for(before + 1, Duration::from_secs(10)).await;
    assert_eq!(
        again.last().unwrap().json()["IMS_EP"],
        "https://ims-2.example:8443"
    );
    until(&app, "registered at").await;
    app.stop().await;
}
