//! `clients/openapi.json`, the input of the REST SDKs, is the document the gateway serves:
//! byte for byte what `netweave openapi` prints, and as JSON what `/openapi.json` answers.
//! `NW_UPDATE_GOLDEN=1 cargo test --test it golden` rewrites it after an API change.

use serde_json::Value;

use crate::harness::TestApp;

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/clients/openapi.json");

#[tokio::test]
async fn clients_openapi_is_the_served_document() {
    let printed = netweave::http::openapi_document() + "\n";
    if std::env::var_os("NW_UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &printed).unwrap();
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap_or_default();
    assert!(
        golden == printed,
        "clients/openapi.json differs from `netweave openapi`: rerun with NW_UPDATE_GOLDEN=1, \
         then ./scripts/gen-clients.sh"
    );
    let app = TestApp::start().await;
    let served: Value = app
        .http
        .get(app.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let golden: Value = serde_json::from_str(&golden).unwrap();
    assert_eq!(served, golden, "the served /openapi.json");
}
