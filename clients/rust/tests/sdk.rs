//! The SDK against a real gateway (in process, on a free loopback port, embedded stores):
//! paging, filters, gets, subscriptions, a signed webhook verified by the SDK, Watch across a
//! cut-off and a restart, ResyncRequired, and TLS with a bearer token.

use netweave::backend::simulator::SimConfig;
use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{body::Bytes, extract::State, http::HeaderMap, routing::get, Router};
use futures::StreamExt;
use netweave::{
    app::{self, Listeners},
    config::Config,
};
use netweave_client::{
    proto::o2ims::v1::{ListOptions, ResourcePool, Subscription},
    webhooks, Client, Connect, Filter, Token, WatchError, WatchSelector,
};
use tempfile::TempDir;
use tokio_util::sync::CancellationToken;
use tonic::Code;

const SMO_ID: &str = "6f1c2a52-3b7e-4c1d-9a55-0d3c1f7e2b90";
const SECRET: &str = "whsec_c2RrLXRlc3Qtc2VjcmV0LWtleS0zMg==";
/// Every watch in this process is cut off after this many events (the server's lag path).
const CUT_EVERY: &str = "3";

struct Gateway {
    addr: SocketAddr,
    scheme: &'static str,
    shutdown: CancellationToken,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Gateway {
    async fn start(
        data: &TempDir,
        addr: Option<SocketAddr>,
        tweak: impl FnOnce(&mut Config),
    ) -> Gateway {
        std::env::set_var(netweave::failpoint::WATCH_CUT_ENV, CUT_EVERY);
        let mut config = Config {
            listen: addr.unwrap_or_else(|| "127.0.0.1:0".parse().unwrap()),
            data_dir: data.path().to_path_buf(),
            ..Config::default()
        };
        config.edit_section(|s: &mut SimConfig| s.pools = 5);
        config.edit_section(|s: &mut SimConfig| s.resources = 20);
        config.events.heartbeat_seconds = 0.2;
        config.webhooks.secret = SECRET.into();
        config.webhooks.callback_allow = "127.0.0.0/8".into();
        config.webhooks.verify_callbacks = true;
        config.webhooks.base_delay_ms = 50;
        tweak(&mut config);
        let _ = netweave::telemetry::init(config.log_format, "warn");
        let listeners = Listeners::bind(&config).await.expect("bind");
        let scheme = config.scheme();
        let addr = listeners.main_addr();
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(app::run(config, listeners, shutdown.clone()));
        Gateway {
            addr,
            scheme,
            shutdown,
            task,
        }
    }

    fn url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    async fn stop(self) {
        self.shutdown.cancel();
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("stops")
            .unwrap()
            .unwrap();
    }
}

static SITE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

async fn client(url: String) -> Client {
    for _ in 0..200 {
        if let Ok(c) = Client::connect(Connect::new(url.clone())).await {
            if c.get_cloud_info().await.is_ok() {
                learn_site(&c).await;
                return c;
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("{url} never answered");
}

/// A new pool on the simulator's first site.
async fn learn_site(c: &Client) {
    let pools = c
        .list_resource_pools(ListOptions::default())
        .all()
        .await
        .unwrap();
    let _ = SITE.set(pools[0].o_cloud_site_id.clone());
}

fn pool(name: &str) -> ResourcePool {
    ResourcePool {
        name: name.into(),
        o_cloud_site_id: SITE.get().expect("a site was learned").clone(),
        description: "made by the SDK test".into(),
        ..ResourcePool::default()
    }
}

/// A watch "from now" that has learned its cursor from a heartbeat, so nothing written from
/// here on is missed. One event first: on an empty log the heartbeats' cursor is 0.
async fn following(c: &Client, selector: WatchSelector) -> netweave_client::Watch {
    c.create_resource_pool(pool("first")).await.unwrap();
    let mut watch = c.watch(selector, 0);
    while watch.cursor() == 0 {
        let _ = tokio::time::timeout(Duration::from_millis(20), watch.next()).await;
    }
    watch
}

/// The watch's next event (within 20 s).
async fn next_event(
    watch: &mut netweave_client::Watch,
) -> netweave_client::proto::events::v1::Event {
    tokio::time::timeout(Duration::from_secs(20), watch.next())
        .await
        .expect("an event within 20 s")
        .expect("the watch goes on")
        .expect("an event")
}

#[tokio::test]
async fn lists_page_filter_and_get() {
    let data = TempDir::new().unwrap();
    let gw = Gateway::start(&data, None, |_| {}).await;
    let c = client(gw.url()).await;

    let options = ListOptions {
        page_size: 2,
        ..ListOptions::default()
    };
    let pages: Vec<_> = c
        .list_resource_pools(options.clone())
        .pages()
        .collect()
        .await;
    let pages: Vec<_> = pages.into_iter().map(Result::unwrap).collect();
    assert_eq!(
        pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(),
        [2, 2, 1]
    );
    let all = c.list_resource_pools(options).all().await.unwrap();
    assert_eq!(all.len(), 5);

    let first = &all[0];
    let filter = Filter::new()
        .eq("resourcePoolId", &first.resource_pool_id)
        .to_string();
    let only = c
        .list_resource_pools(ListOptions {
            filter,
            ..ListOptions::default()
        })
        .all()
        .await
        .unwrap();
    assert_eq!(only, vec![first.clone()]);
    assert_eq!(
        &c.get_resource_pool(&first.resource_pool_id).await.unwrap(),
        first
    );
    let missing = c
        .get_resource_pool("00000000-0000-4000-8000-000000000000")
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Code::NotFound);
    // A quoted value with a comma and a quote reaches the server's parser intact.
    let odd = c.create_resource_pool(pool("O'Brien, east")).await.unwrap();
    let filter = Filter::new().eq("name", "O'Brien, east").to_string();
    let found = c
        .list_resource_pools(ListOptions {
            filter,
            ..ListOptions::default()
        })
        .all()
        .await
        .unwrap();
    assert_eq!(found, vec![odd]);

    let resources = c
        .list_resources(
            &first.resource_pool_id,
            ListOptions {
                page_size: 3,
                ..ListOptions::default()
            },
        )
        .pages();
    let pages: Vec<_> = resources.collect().await;
    let total = pages[0].as_ref().unwrap().total_count.unwrap();
    let count: usize = pages.iter().map(|p| p.as_ref().unwrap().items.len()).sum();
    assert_eq!(count as i64, total);
    assert!(total > 3, "resources span pages: {total}");
    let one = &pages[0].as_ref().unwrap().items[0];
    assert_eq!(
        &c.get_resource(&first.resource_pool_id, &one.resource_id)
            .await
            .unwrap(),
        one
    );
    gw.stop().await;
}

/// What the receiver got: (verified notification or refusal, verification GETs seen).
#[derive(Default)]
struct Received {
    notifications: Vec<webhooks::InventoryChangeNotification>,
    tampered_refused: usize,
    verifications: usize,
}

async fn receiver() -> (String, Arc<Mutex<Received>>) {
    let received = Arc::new(Mutex::new(Received::default()));
    let app = Router::new()
        .route(
            "/notify",
            get(|State(r): State<Arc<Mutex<Received>>>| async move {
                r.lock().unwrap().verifications += 1;
                axum::http::StatusCode::from_u16(webhooks::VERIFICATION_STATUS).unwrap()
            })
            .post(|State(r): State<Arc<Mutex<Received>>>, headers: HeaderMap, body: Bytes| async move {
                let mut tampered = body.to_vec();
                tampered[1] ^= 1;
                let refused = webhooks::verify(&tampered, &headers, &[SECRET]).is_err();
                match webhooks::verify(&body, &headers, &[SECRET]) {
                    Ok(n) => {
                        let mut r = r.lock().unwrap();
                        r.notifications.push(n);
                        r.tampered_refused += usize::from(refused);
                        axum::http::StatusCode::NO_CONTENT
                    }
                    Err(_) => axum::http::StatusCode::UNAUTHORIZED,
                }
            }),
        )
        .with_state(Arc::clone(&received));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}/notify"), received)
}

#[tokio::test]
async fn subscriptions_and_a_verified_webhook() {
    let data = TempDir::new().unwrap();
    let gw = Gateway::start(&data, None, |_| {}).await;
    let c = client(gw.url()).await;
    let (callback, received) = receiver().await;

    let sub = c
        .create_subscription(Subscription {
            callback: callback.clone(),
            consumer_subscription_id: SMO_ID.into(),
            filter: Filter::new().neq("objectKind", "ResourcePool").to_string(),
            ..Subscription::default()
        })
        .await
        .unwrap();
    assert_eq!(
        received.lock().unwrap().verifications,
        1,
        "the verification GET was answered"
    );
    let listed = c
        .list_subscriptions(ListOptions::default())
        .all()
        .await
        .unwrap();
    assert_eq!(listed, vec![sub.clone()]);
    let duplicate = c
        .create_subscription(Subscription {
            callback: callback.clone(),
            ..Subscription::default()
        })
        .await
        .unwrap_err();
    assert_eq!(duplicate.code(), Code::AlreadyExists, "{duplicate:?}");
    // One idempotency key, twice: the first answer, and no second verification or creation.
    let keyed = Subscription {
        callback: format!("{callback}?keyed"),
        ..Subscription::default()
    };
    let verified = received.lock().unwrap().verifications;
    let once = c
        .create_subscription_keyed(keyed.clone(), "rust-once")
        .await
        .unwrap();
    let again = c
        .create_subscription_keyed(keyed, "rust-once")
        .await
        .unwrap();
    assert_eq!(once, again);
    assert_eq!(received.lock().unwrap().verifications, verified + 1);
    let listed = c.list_subscriptions(ListOptions::default()).all().await;
    assert_eq!(listed.unwrap().len(), 2);
    c.delete_subscription(&once.subscription_id).await.unwrap();

    let created = c.create_resource_pool(pool("notified")).await.unwrap();
    let mut waited = 0;
    while received.lock().unwrap().notifications.is_empty() && waited < 200 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        waited += 1;
    }
    {
        let r = received.lock().unwrap();
        let n = r
            .notifications
            .first()
            .expect("a notification arrived and verified");
        assert_eq!(n.notification_event_type, 0);
        assert_eq!(n.consumer_subscription_id.as_deref(), Some(SMO_ID));
        assert_eq!(
            n.post_object_state.as_ref().unwrap()["resourcePoolId"],
            created.resource_pool_id.as_str()
        );
        assert_eq!(
            r.tampered_refused,
            r.notifications.len(),
            "every tampered copy was refused"
        );
    }
    c.delete_subscription(&sub.subscription_id).await.unwrap();
    let gone = c.get_subscription(&sub.subscription_id).await.unwrap_err();
    assert_eq!(gone.code(), Code::NotFound);
    gw.stop().await;
}

#[tokio::test]
async fn watch_resumes_across_cut_offs_and_a_restart() {
    let data = TempDir::new().unwrap();
    let gw = Gateway::start(&data, None, |_| {}).await;
    let addr = gw.addr;
    let c = client(gw.url()).await;

    let mut watch = following(&c, WatchSelector::types("o2ims.ResourcePool.*")).await;
    let mut expected = Vec::new();
    for i in 0..4 {
        expected.push(
            c.create_resource_pool(pool(&format!("before-{i}")))
                .await
                .unwrap()
                .resource_pool_id,
        );
    }
    let mut seen = Vec::new();
    while seen.len() < 4 {
        let event = next_event(&mut watch).await;
        seen.push(event.object_id);
    }
    assert!(
        watch.resumes() >= 1,
        "a cut-off after {CUT_EVERY} events was resumed"
    );

    gw.stop().await;
    let gw = Gateway::start(&data, Some(addr), |_| {}).await;
    let c2 = client(gw.url()).await;
    for i in 0..4 {
        expected.push(
            c2.create_resource_pool(pool(&format!("after-{i}")))
                .await
                .unwrap()
                .resource_pool_id,
        );
    }
    while seen.len() < 8 {
        let event = next_event(&mut watch).await;
        seen.push(event.object_id);
    }
    assert_eq!(
        seen, expected,
        "no event lost or repeated across cut-offs and the restart"
    );
    let saved = watch.cursor();
    drop(watch);
    // A persisted cursor goes on exactly where the last watch stopped.
    let last = c2
        .create_resource_pool(pool("last"))
        .await
        .unwrap()
        .resource_pool_id;
    let mut again = c2.watch(WatchSelector::types("o2ims.ResourcePool.*"), saved);
    let next = next_event(&mut again).await;
    assert_eq!(next.object_id, last);
    gw.stop().await;
}

#[tokio::test]
async fn a_cursor_older_than_retention_asks_for_a_resync() {
    let data = TempDir::new().unwrap();
    let gw = Gateway::start(&data, None, |c| c.events.retention_events = 3).await;
    let c = client(gw.url()).await;
    for i in 0..8 {
        c.create_resource_pool(pool(&format!("p{i}")))
            .await
            .unwrap();
    }
    let mut watch = c.watch(WatchSelector::default(), 1);
    let end = tokio::time::timeout(Duration::from_secs(10), watch.next())
        .await
        .unwrap();
    match end {
        Some(Err(WatchError::ResyncRequired { requested, latest })) => {
            assert_eq!(requested, 1);
            assert!(latest >= 8, "latest {latest}");
        }
        other => panic!("expected ResyncRequired, got {other:?}"),
    }
    assert!(watch.next().await.is_none(), "the watch ended");
    gw.stop().await;
}

#[tokio::test]
async fn tls_with_a_bearer_token_from_a_callback() {
    let data = TempDir::new().unwrap();
    let certs = TempDir::new().unwrap();
    netweave::security::devcerts::write_dev_certs(certs.path()).unwrap();
    let dir = certs.path().to_path_buf();
    let gw = Gateway::start(&data, None, |c| {
        c.tls.cert = Some(dir.join("server.pem"));
        c.tls.key = Some(dir.join("server.key"));
        c.auth.jwks_uri = Some(format!("file://{}", dir.join("jwks.json").display()));
        c.auth.audience = Some(netweave::security::devcerts::DEV_AUDIENCE.into());
    })
    .await;
    let url = format!("https://localhost:{}", gw.addr.port());
    let ca = std::fs::read(dir.join("ca.pem")).unwrap();
    let token = std::fs::read_to_string(dir.join("token")).unwrap();

    let anonymous = Client::connect(Connect::new(url.clone()).ca_pem(ca.clone()))
        .await
        .unwrap();
    let refused = anonymous.get_cloud_info().await.unwrap_err();
    assert_eq!(refused.code(), Code::Unauthenticated);

    let reads = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = Arc::clone(&reads);
    let authed = Client::connect(Connect::new(url).ca_pem(ca).token(Token::callback(move || {
        counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        token.clone()
    })))
    .await
    .unwrap();
    learn_site(&authed).await;
    let pools = authed
        .list_resource_pools(ListOptions {
            page_size: 2,
            ..ListOptions::default()
        })
        .all()
        .await
        .unwrap();
    assert_eq!(pools.len(), 5);
    // learn_site's list (1 page) and this one (3 pages).
    assert_eq!(
        reads.load(std::sync::atomic::Ordering::SeqCst),
        4,
        "the callback is read on every call"
    );
    let mut watch = following(&authed, WatchSelector::default()).await;
    let created = authed.create_resource_pool(pool("over-tls")).await.unwrap();
    let event = loop {
        let e = next_event(&mut watch).await;
        if e.object_id == created.resource_pool_id {
            break e;
        }
    };
    assert_eq!(event.event_type, "o2ims.ResourcePool.Created");
    gw.stop().await;
}
