//! The JSON bodies of O2ims subscriptions (v1 and v2) and TMF688 hubs, through the whole
//! gateway (started once, embedded stores): any bytes get a 2xx or a 4xx, never a 5xx, and the
//! gateway keeps answering.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use netweave::{
    app::{self, Listeners},
    config::Config,
};

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
        config.sim.resources = 20;
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

const PATHS: [&str; 3] = [
    "/o2ims-infrastructureInventory/v2/subscriptions",
    "/o2ims-infrastructureInventory/v1/subscriptions",
    "/tmf-api/event/v4/hub",
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    let g = gateway();
    let path = PATHS[usize::from(which) % PATHS.len()];
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
});
