//! What each fuzz target checks, as plain functions of the input bytes: the cargo-fuzz targets
//! (`fuzz_targets/*.rs`, built with the sanitizer by `make fuzz`) call them, and the ordinary
//! test build replays every committed input of `corpus/<target>/` through the same functions
//! (`tests/it/fuzz_replay.rs`, which includes this file). A function panics when its property
//! does not hold; that is the finding.
use std::sync::{Arc, OnceLock};

use netweave::{
    app::{self, Listeners},
    backend::{simulator::SimConfig, InventoryChange, Kind, Object},
    config::Config,
    domain::{filter::filter_fields, list::token, objects::ResourcePool, Filter},
    events::{Event, EventSource},
    http::query::Selectors,
    service::events::parse_cursor,
    tmf::query::TmfQuery,
    webhook::Secret,
};

/// What a target runs on one input; a panic is a finding.
pub type Case = fn(&[u8]);

/// The targets by name (their `[[bin]]` names in `Cargo.toml`) with the function each runs.
pub const TARGETS: [(&str, Case); 7] = [
    ("oran_filter", oran_filter),
    ("list_selectors", list_selectors),
    ("tmf_query", tmf_query),
    ("page_token", page_token),
    ("event_cursor", event_cursor),
    ("webhook_secret", webhook_secret),
    ("json_bodies", json_bodies),
];

/// The longest valid UTF-8 prefix of the input: how libfuzzer-sys gives a `&str` target its
/// text, so the committed corpora mean what they meant under `fuzz_target!(|text: &str| …)`.
fn text(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).expect("a valid prefix"),
    }
}

/// The O-RAN filter grammar (`(eq,name,x);(neq,…)`): never panics; what parses evaluates.
pub fn oran_filter(data: &[u8]) {
    if let Ok(filter) = Filter::parse(text(data), filter_fields()) {
        let _ = filter.matches(pool_event());
    }
}

fn pool_event() -> &'static Event {
    static EVENT: OnceLock<Event> = OnceLock::new();
    EVENT.get_or_init(|| {
        let pool = ResourcePool {
            resource_pool_id: "7b0e4c2a-0000-4000-8000-000000000001".into(),
            name: "edge".into(),
            ..Default::default()
        };
        let change = InventoryChange {
            instance: String::new(),
            kind: Kind::ResourcePool,
            id: pool.resource_pool_id.clone(),
            prior: None,
            post: Some(Object::ResourcePool(Arc::new(pool))),
            durable: None,
        };
        let source = EventSource {
            backend: "simulator".into(),
            instance_id: "fuzz".into(),
        };
        Event::from_change(&change, &source)
    })
}

/// A list's query string (`filter`, `fields`, `exclude_fields`, `all_fields`, paging).
pub fn list_selectors(data: &[u8]) {
    let _ = Selectors::parse(text(data));
}

/// The TMF688 hub query (`eventType=…&field.op=value`): never panics.
pub fn tmf_query(data: &[u8]) {
    let _ = TmfQuery::parse(text(data));
}

/// Page markers: any text decodes or is refused, never panics; what the server issues decodes
/// to what it encoded.
pub fn page_token(data: &[u8]) {
    let text = text(data);
    let _ = token::decode(text);
    assert_eq!(token::decode(&token::encode(text)).as_deref(), Ok(text));
}

/// Event cursors as `Last-Event-ID` and `after` carry them: parse or refuse, never panic; a
/// parsed cursor prints as text that parses back to it.
pub fn event_cursor(data: &[u8]) {
    if let Ok(cursor) = parse_cursor(text(data)) {
        assert_eq!(parse_cursor(&cursor.to_string()).ok(), Some(cursor));
    }
}

/// Standard Webhooks secrets (`whsec_<base64>`): parse or refuse, never panic.
pub fn webhook_secret(data: &[u8]) {
    let _ = Secret::parse(text(data));
}

const BODY_PATHS: [&str; 3] = [
    "/o2ims-infrastructureInventory/v2/subscriptions",
    "/o2ims-infrastructureInventory/v1/subscriptions",
    "/tmf-api/event/v4/hub",
];

/// The JSON bodies of O2ims subscriptions (v1 and v2) and TMF688 hubs, through the whole
/// gateway (started once per process, embedded stores): the first byte picks the route, the
/// rest is the body; any bytes get a 2xx or a 4xx, never a 5xx, and the gateway keeps answering.
pub fn json_bodies(data: &[u8]) {
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    let g = gateway();
    let path = BODY_PATHS[usize::from(which) % BODY_PATHS.len()];
    let status = g.runtime.block_on(async {
        g.http
            .post(format!("{}{path}", g.base))
            .header("content-type", "application/json")
            .body(body.to_vec())
            .send()
            .await
            .expect("the gateway answers")
            .status()
    });
    assert!(
        !status.is_server_error(),
        "{path}: {status} for {:?}",
        String::from_utf8_lossy(body)
    );
}

struct Gateway {
    runtime: tokio::runtime::Runtime,
    base: String,
    http: reqwest::Client,
    _data: tempfile::TempDir,
}

fn gateway() -> &'static Gateway {
    static GATEWAY: OnceLock<Gateway> = OnceLock::new();
    GATEWAY.get_or_init(|| {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let data = tempfile::TempDir::new().unwrap();
        let mut config = Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            data_dir: data.path().to_path_buf(),
            ..Config::default()
        };
        config.log_level = "error".into();
        // Bodies name any callback: nothing is ever delivered from this gateway.
        config.webhooks.workers = false;
        config.edit_section(|s: &mut SimConfig| s.resources = 20);
        let base = runtime.block_on(async {
            let listeners = Listeners::bind(&config).await.unwrap();
            let base = format!("http://{}", listeners.main_addr());
            let shutdown = tokio_util::sync::CancellationToken::new();
            tokio::spawn(app::run(config, listeners, shutdown));
            base
        });
        let http = reqwest::Client::new();
        runtime.block_on(async {
            for _ in 0..200 {
                if http.get(format!("{base}/readyz")).send().await.is_ok() {
                    return;
                }
                tokio::time::sleep(std::time::Duration::from_millis(25)).await;
            }
            panic!("the gateway did not start");
        });
        Gateway {
            runtime,
            base,
            http,
            _data: data,
        }
    })
}
