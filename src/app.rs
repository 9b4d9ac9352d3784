//! Wiring: build the store, backend and services from the configuration, bind listeners,
//! serve REST and gRPC until the cancellation token fires, then drain.

use std::{
    net::SocketAddr,
    path::PathBuf,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use anyhow::Context;
use axum::Router;
use tokio::{net::TcpListener, task::JoinSet};
use tokio_util::sync::CancellationToken;

use crate::{
    backend::{registry, BackendRef},
    config::Config,
    election::Leadership,
    events::{
        embedded::{EmbeddedLog, Retention},
        nats::NatsLog,
        pump::pump_backend,
        redis::RedisLog,
        EventLogRef, EventSource, Hub, Publisher,
    },
    grpc, http,
    security::{
        audit::{self, Audit},
        limits::RateLimits,
        outbound::Outbound,
        tenants::{Tenancy, Tenants},
        Security,
    },
    service::{
        provisioning::ProvisioningService, registration::Registrar, subscriptions::CallbackChecks,
        AdminService, AlarmService, EventService, HubService, InventoryService,
        SubscriptionService, WebhookService,
    },
    store::{
        embedded::EmbeddedStore, redis::RedisStore, AdminStoreRef, AlarmStoreRef,
        IdempotencyStoreRef, StoreRef,
    },
    webhook::{
        self, embedded::EmbeddedQueue, redis::RedisQueue, DeliveryQueueRef, PublishedPools, Sender,
        TenantViews, Webhooks,
    },
};

/// Listeners bound before the server starts, so tests can bind port 0 and read the address.
pub struct Listeners {
    pub main: TcpListener,
    pub grpc: Option<TcpListener>,
}

impl Listeners {
    pub async fn bind(config: &Config) -> anyhow::Result<Listeners> {
        let main = TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("binding {}", config.listen))?;
        let grpc = match config.grpc_listen {
            Some(addr) => Some(
                TcpListener::bind(addr)
                    .await
                    .with_context(|| format!("binding {addr}"))?,
            ),
            None => None,
        };
        Ok(Listeners { main, grpc })
    }

    /// The listener of `netweave worker`. On its default address, taken by another worker on
    /// the same host, it takes a free port instead (logged); on an address given explicitly it
    /// stops and says so.
    pub async fn bind_worker(config: &Config) -> anyhow::Result<Listeners> {
        match TcpListener::bind(config.listen).await {
            Ok(main) => Ok(Listeners { main, grpc: None }),
            Err(e)
                if e.kind() == std::io::ErrorKind::AddrInUse
                    && config.listen == crate::config::WORKER_LISTEN =>
            {
                let main = TcpListener::bind((config.listen.ip(), 0)).await?;
                tracing::warn!(
                    taken = %config.listen,
                    addr = %main.local_addr()?,
                    "the worker's default address is taken (another worker on this host?): serving /healthz and /metrics on a free port instead; give --listen to choose"
                );
                Ok(Listeners { main, grpc: None })
            }
            Err(e) => Err(anyhow::Error::new(e).context(format!(
                "binding {} for the worker's /healthz and /metrics: give the worker its own address with --listen",
                config.listen
            ))),
        }
    }

    pub fn main_addr(&self) -> SocketAddr {
        self.main
            .local_addr()
            .expect("bound listener has an address")
    }

    pub fn grpc_addr(&self) -> SocketAddr {
        self.grpc.as_ref().map_or_else(
            || self.main_addr(),
            |l| l.local_addr().expect("bound listener has an address"),
        )
    }
}

pub async fn build_store(config: &Config) -> anyhow::Result<StoreRef> {
    Ok(build_stores(config).await?.subscriptions)
}

/// The subscription, administration, alarm, idempotency key and provisioning stores: one
/// database.
pub struct Stores {
    pub subscriptions: StoreRef,
    pub admin: AdminStoreRef,
    pub alarms: AlarmStoreRef,
    pub idempotency: IdempotencyStoreRef,
    pub provisioning: crate::store::ProvisioningStoreRef,
    pub dms: crate::store::DmsStoreRef,
}

impl Stores {
    fn of<T>(store: Arc<T>) -> Stores
    where
        T: crate::store::SubscriptionStore
            + crate::store::AdminStore
            + crate::store::AlarmStore
            + crate::store::IdempotencyStore
            + crate::store::ProvisioningStore
            + crate::store::DmsStore,
    {
        Stores {
            subscriptions: store.clone(),
            admin: store.clone(),
            alarms: store.clone(),
            idempotency: store.clone(),
            provisioning: store.clone(),
            dms: store,
        }
    }
}

pub async fn build_stores(config: &Config) -> anyhow::Result<Stores> {
    Ok(match &config.redis_url {
        Some(url) => Stores::of(Arc::new(
            RedisStore::connect(url, &config.redis_prefix)
                .await
                .context("connecting to redis")?,
        )),
        None => Stores::of(Arc::new(
            EmbeddedStore::open(&config.data_dir).context("opening the embedded store")?,
        )),
    })
}

/// The configured backend (the backend registry builds it).
pub async fn build_backend(
    config: &Config,
    o_cloud_id: &str,
    shutdown: &CancellationToken,
) -> anyhow::Result<BackendRef> {
    let context = registry::Context {
        o_cloud_id: o_cloud_id.to_owned(),
        data_dir: config.data_dir.clone(),
        routed: None,
        shutdown: shutdown.clone(),
    };
    registry::build(config, context).await
}

/// The event log: embedded in the data directory, or Redis Streams with `--redis-url`.
pub enum Log {
    Embedded(Arc<EmbeddedLog>),
    Redis(Arc<RedisLog>),
    /// NATS JetStream; webhook offsets and deliveries stay in the data directory.
    Nats(Arc<NatsLog>, PathBuf),
}

impl Log {
    pub async fn open(config: &Config) -> anyhow::Result<Log> {
        if let Some(url) = &config.nats_url {
            let max_age = Duration::from_secs(config.events.retention_seconds);
            let log = NatsLog::connect(
                url,
                &config.redis_prefix,
                config.events.retention_events,
                max_age,
            )
            .await
            .context("connecting the event log to nats")?;
            return Ok(Log::Nats(Arc::new(log), config.data_dir.clone()));
        }
        Ok(match &config.redis_url {
            Some(url) => Log::Redis(Arc::new(
                RedisLog::connect(url, &config.redis_prefix, config.events.retention_events)
                    .await
                    .context("connecting the event log to redis")?,
            )),
            None => {
                let retention = Retention {
                    max_events: config.events.retention_events,
                    max_age: Duration::from_secs(config.events.retention_seconds),
                };
                Log::Embedded(Arc::new(
                    EmbeddedLog::open(&config.data_dir, retention)
                        .context("opening the event log")?,
                ))
            }
        })
    }

    pub fn as_ref(&self) -> EventLogRef {
        match self {
            Log::Embedded(l) => l.clone(),
            Log::Redis(l) => l.clone(),
            Log::Nats(l, _) => l.clone(),
        }
    }

    /// The delivery queue beside this log.
    pub async fn queue(&self, config: &Config) -> anyhow::Result<DeliveryQueueRef> {
        Ok(match self {
            Log::Embedded(l) => Arc::new(
                EmbeddedQueue::open(l.database(), self.as_ref())
                    .context("opening the delivery queue")?,
            ),
            Log::Nats(_, data_dir) => {
                std::fs::create_dir_all(data_dir)?;
                let db = redb::Database::create(data_dir.join("deliveries.redb"))
                    .context("opening the delivery queue")?;
                Arc::new(
                    EmbeddedQueue::open(Arc::new(db), self.as_ref())
                        .context("opening the delivery queue")?,
                )
            }
            Log::Redis(l) => {
                // A claim outlives the slowest attempt, so a live sender never loses it.
                let lease = Duration::from_secs_f64(config.webhooks.timeout_seconds)
                    + Duration::from_secs(3);
                let worker = format!("{}-{}", hostname(), uuid::Uuid::new_v4().simple());
                Arc::new(
                    RedisQueue::open(Arc::clone(l), worker, lease)
                        .await
                        .context("opening the delivery queue")?,
                )
            }
        })
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map_or_else(|_| "netweave".into(), |h| h.trim().to_owned())
}

/// Age-based retention for the logs that need it trimmed from outside.
enum Trimmer {
    Embedded(Arc<EmbeddedLog>),
    Redis(Arc<RedisLog>, Duration),
}

impl Trimmer {
    async fn trim(&self) -> Result<u64, crate::events::EventError> {
        match self {
            Trimmer::Embedded(l) => l.trim_by_age().await,
            Trimmer::Redis(l, max_age) => l.trim_by_age(*max_age).await,
        }
    }
}

/// The publisher, backend pump and watch hub; their tasks end on `shutdown`.
async fn build_events(
    config: &Config,
    log: &Log,
    backend: &BackendRef,
    shutdown: &CancellationToken,
    tasks: &mut JoinSet<()>,
) -> anyhow::Result<(EventService, Arc<Leadership>, Arc<Publisher>)> {
    let events = log.as_ref();
    let (publisher, drain) = Publisher::start(
        Arc::clone(&events),
        config.events.publish_queue,
        shutdown.clone(),
    );
    // The instance is stable across restarts: its published state is found again. A lone
    // backend is named by its kind; the router names each of its backends.
    let name = backend.info().name;
    let source = EventSource {
        backend: name.clone(),
        instance_id: name,
    };
    let leadership = crate::election::for_deployment(
        &config.election,
        registry::shared(config)?,
        config.redis_url.as_deref(),
        &config.redis_prefix,
        shutdown,
    )
    .await?;
    let (pump, pump_status) = pump_backend(
        backend,
        Arc::clone(&publisher),
        source,
        Arc::clone(&leadership),
        shutdown.clone(),
    );
    let heartbeat = Duration::from_secs_f64(config.events.heartbeat_seconds);
    let (hub, tail) = Hub::start(
        Arc::clone(&events),
        config.events.watch_buffer,
        heartbeat,
        shutdown.clone(),
    )
    .await?;
    let trimmer = match log {
        Log::Embedded(l) => Some(Trimmer::Embedded(Arc::clone(l))),
        Log::Redis(l) => Some(Trimmer::Redis(
            Arc::clone(l),
            Duration::from_secs(config.events.retention_seconds),
        )),
        // JetStream applies max_age itself.
        Log::Nats(..) => None,
    };
    if let Some(trimmer) = trimmer {
        let stop = shutdown.clone();
        tasks.spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                tokio::select! {
                    _ = every.tick() => match trimmer.trim().await {
                        Ok(0) => {}
                        Ok(n) => tracing::info!(removed = n, "expired events trimmed"),
                        Err(e) => tracing::warn!(error = %e, "trimming expired events failed"),
                    },
                    _ = stop.cancelled() => return,
                }
            }
        });
    }
    for task in [drain, pump, tail] {
        tasks.spawn(async move {
            let _ = task.await;
        });
    }
    Ok((
        EventService::new(events, hub, config.max_page_size).with_pump(pump_status),
        leadership,
        publisher,
    ))
}

/// The webhooks' outbound client (TLS, mTLS, OAuth), for the gateway's own requests too.
type OutboundClient = (
    reqwest::Client,
    Option<Arc<crate::security::outbound::TokenSource>>,
);

/// The sender, and the workers unless disabled.
fn build_webhooks(
    config: &Config,
    queue: DeliveryQueueRef,
    store: &StoreRef,
    views: TenantViews,
    shutdown: &CancellationToken,
    tasks: &mut JoinSet<()>,
) -> anyhow::Result<(WebhookService, CallbackChecks, OutboundClient)> {
    let policy = Arc::new(webhook::settings::policy(&config.webhooks).map_err(anyhow::Error::msg)?);
    let secrets = webhook::settings::secrets(&config.webhooks).map_err(anyhow::Error::msg)?;
    let timeout = Duration::from_secs_f64(config.webhooks.timeout_seconds);
    let reload = Duration::from_secs_f64(config.tls.reload_seconds);
    let outbound = Outbound::for_webhooks(&config.webhooks, reload, shutdown.clone())
        .map_err(anyhow::Error::msg)?;
    let sender = Arc::new(Sender::new(
        Arc::clone(&policy),
        secrets,
        timeout,
        webhook::settings::retry(&config.webhooks),
        outbound,
    )?);
    if config.webhooks.workers {
        let workers = Arc::new(Webhooks {
            queue: Arc::clone(&queue),
            store: Arc::clone(store),
            sender: Arc::clone(&sender),
            concurrency: config.webhooks.concurrency,
            views: tokio::sync::Mutex::new(views),
        });
        workers.start(shutdown.clone(), tasks);
    }
    let outbound = (sender.client().clone(), sender.oauth());
    let checks = CallbackChecks {
        policy,
        verify_with: config.webhooks.verify_callbacks.then(|| outbound.clone()),
    };
    let service = WebhookService::new(queue, Arc::clone(store), config.max_page_size);
    Ok((service, checks, outbound))
}

/// `netweave worker`: webhook delivery workers only, sharing Redis with the gateways. Serves
/// `/healthz` and `/metrics` on `listen`.
pub async fn run_worker(
    mut config: Config,
    listeners: Listeners,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    anyhow::ensure!(
        config.redis_url.is_some(),
        "netweave worker shares the stream through Redis: give --redis-url"
    );
    // It starts no backend, but the configuration it shares with the gateways is checked alike.
    registry::check(&config)?;
    config.webhooks.workers = true;
    crate::security::tls::install_default_provider();
    let Stores {
        subscriptions: store,
        admin: admin_store,
        ..
    } = build_stores(&config).await?;
    let log = Log::open(&config).await?;
    let queue = log.queue(&config).await?;
    let mut tasks = JoinSet::new();
    // Tenants are the gateways' to manage; a worker follows them to scope deliveries.
    let tenants = Tenants::default();
    tenants
        .reload(&admin_store)
        .await
        .context("loading the tenants")?;
    tasks.spawn(tenants.clone().keep_fresh(admin_store, shutdown.clone()));
    // No backend here: a tenant's view starts from the pools the log last published.
    let views = TenantViews::new(tenants, Some(Arc::new(PublishedPools(log.as_ref()))));
    let _ = build_webhooks(&config, queue, &store, views, &shutdown, &mut tasks)?;
    let metrics = crate::metrics::handle();
    let router = Router::new()
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .route(
            "/metrics",
            axum::routing::get(move || std::future::ready(metrics.render())),
        );
    tracing::info!(addr = %listeners.main_addr(), "webhook worker running");
    crate::server::serve(listeners.main, router, None, shutdown.clone()).await?;
    shutdown.cancel();
    while tasks.join_next().await.is_some() {}
    tracing::info!("worker stopped");
    Ok(())
}

/// The templates the backends' builders can carry out, the provisioning service, and its
/// executor (running while this replica leads).
fn build_provisioning(
    config: &Config,
    backend: &crate::backend::BackendRef,
    store: crate::store::ProvisioningStoreRef,
    publisher: &Arc<crate::events::Publisher>,
    leadership: &Arc<crate::election::Leadership>,
    shutdown: &CancellationToken,
    background: &mut JoinSet<()>,
) -> anyhow::Result<ProvisioningService> {
    let builders = backend
        .provisioner()
        .map(|p| p.builders())
        .unwrap_or_default();
    let catalog = crate::provisioning::Catalog::load(
        config.provisioning.templates_dir.as_deref(),
        &builders,
    )?;
    tracing::info!(templates = catalog.all().len(), builders = ?builders, "provisioning templates loaded");
    let writer =
        crate::service::provisioning::writer::Writer::new(store, Some(Arc::clone(publisher)));
    let wake = Arc::new(tokio::sync::Notify::new());
    let executor = crate::service::provisioning::executor::Executor {
        writer: writer.clone(),
        backend: Arc::clone(backend),
        leadership: Arc::clone(leadership),
        wake: Arc::clone(&wake),
        period: Duration::from_secs_f64(config.provisioning.poll_seconds),
        timeout: Duration::from_secs(config.provisioning.timeout_seconds),
    };
    background.spawn(executor.run(shutdown.clone()));
    Ok(ProvisioningService::new(
        Arc::new(catalog),
        writer,
        Arc::clone(backend),
        wake,
        config.max_page_size,
    ))
}

/// O2-DMS: the package and lifecycle services, and the lifecycle executor (running while this
/// replica leads).
fn build_dms(
    config: &Config,
    backend: &crate::backend::BackendRef,
    store: crate::store::DmsStoreRef,
    publisher: &Arc<crate::events::Publisher>,
    leadership: &Arc<crate::election::Leadership>,
    shutdown: &CancellationToken,
    background: &mut JoinSet<()>,
) -> (
    crate::service::dms::packages::PackageService,
    crate::service::dms::lcm::LcmService,
) {
    let packages = crate::service::dms::packages::PackageService::new(Arc::clone(&store));
    let wake = Arc::new(tokio::sync::Notify::new());
    let lcm = crate::service::dms::lcm::LcmService::new(
        store,
        packages.clone(),
        Arc::clone(backend),
        Arc::clone(&wake),
    );
    let executor = crate::service::dms::executor::Executor {
        lcm: lcm.clone(),
        leadership: Arc::clone(leadership),
        wake,
        period: Duration::from_secs_f64(config.dms.poll_seconds),
        timeout: Duration::from_secs(config.dms.operation_timeout_seconds),
        charts: Default::default(),
        outbox: crate::service::dms::outbox::Outbox {
            lcm: lcm.clone(),
            publisher: Arc::clone(publisher),
        },
        last_full_flush: std::sync::Mutex::new(std::time::Instant::now()),
    };
    background.spawn(executor.run(shutdown.clone()));
    (packages, lcm)
}

/// Serves until `shutdown` is cancelled, then stops accepting and drains in-flight requests.
pub async fn run(
    config: Config,
    listeners: Listeners,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    // Installed first: values recorded before the recorder exists would be lost.
    let metrics = crate::metrics::handle();
    crate::security::tls::install_default_provider();
    let cloud = config.cloud_info(listeners.main_addr());
    let Stores {
        subscriptions: store,
        admin: admin_store,
        alarms: alarm_store,
        idempotency,
        provisioning: provisioning_store,
        dms: dms_store,
    } = build_stores(&config).await?;
    let idempotency = http::idempotency::IdempotencyLayer::new(
        idempotency,
        std::time::Duration::from_secs(config.idempotency.ttl_seconds),
    );
    let backend = build_backend(&config, &cloud.o_cloud_id, &shutdown).await?;
    let mut background = JoinSet::new();
    let log = Log::open(&config).await?;
    let queue = log.queue(&config).await?;
    let (events, leadership, publisher) =
        build_events(&config, &log, &backend, &shutdown, &mut background).await?;
    let provisioning = build_provisioning(
        &config,
        &backend,
        provisioning_store,
        &publisher,
        &leadership,
        &shutdown,
        &mut background,
    )?;
    let (packages, lcm) = build_dms(
        &config,
        &backend,
        dms_store,
        &publisher,
        &leadership,
        &shutdown,
        &mut background,
    );
    let credentials =
        crate::dms::profile::Credentials::new(&config.dms).map_err(anyhow::Error::msg)?;
    let inventory = InventoryService::new(backend, cloud, config.max_page_size)
        .with_lifecycle(config.api_versions.clone())
        .with_credentials(credentials);
    let events = events.with_tenancy(inventory.clone(), admin_store.clone());
    let tenants = Tenants::default();
    // Loaded before the dispatcher starts: with no tenant known it would scope nothing.
    let admin = AdminService::new(admin_store.clone(), tenants.clone());
    admin
        .seed(&config.tenants)
        .await
        .context("loading the tenants")?;
    let views = TenantViews::new(tenants.clone(), Some(Arc::new(inventory.clone())));
    let (webhooks, checks, outbound) =
        build_webhooks(&config, queue, &store, views, &shutdown, &mut background)?;
    let subscriptions =
        SubscriptionService::new(store, config.max_page_size, checks).with_tenants(tenants.clone());
    let hubs = HubService::new(subscriptions.clone(), log.as_ref(), config.max_page_size);
    let lcm_subscriptions = crate::service::dms::subscriptions::LcmSubscriptions::new(
        subscriptions.clone(),
        outbound.0.clone(),
        outbound.1.clone(),
    );
    let alarms = AlarmService::new(
        alarm_store,
        inventory.clone(),
        subscriptions.clone(),
        config.alarms.resource_labels.clone(),
    )
    .with_publisher(publisher);
    inventory.add_dictionaries(Arc::new(crate::service::alarms::AlertmanagerDictionary(
        alarms.store().clone(),
    )));
    background.spawn(alarms.clone().keep_published(
        Duration::from_secs(1),
        Arc::clone(&leadership),
        shutdown.clone(),
    ));
    background.spawn(alarms.clone().keep_conditions(
        Duration::from_secs_f64(config.alarms.condition_check_seconds.max(0.05)),
        Arc::clone(&leadership),
        shutdown.clone(),
    ));
    if let Some(url) = &config.alarms.alertmanager_url {
        background.spawn(alarms.clone().keep_pulling(
            outbound.0.clone(),
            url.clone(),
            config.alarms.alertmanager_receiver.clone(),
            Duration::from_secs_f64(config.alarms.alertmanager_pull_seconds.max(0.05)),
            Arc::clone(&leadership),
            shutdown.clone(),
        ));
    }
    background.spawn(alarms.clone().keep_retention(
        Duration::from_secs_f64(config.alarms.retention_sweep_seconds.max(0.05)),
        Arc::clone(&leadership),
        shutdown.clone(),
    ));
    let repairs = hubs.reconcile().await?;
    tracing::info!(?repairs, "hubs reconciled with their subscriptions");
    background.spawn(
        tenants
            .clone()
            .keep_fresh(admin_store.clone(), shutdown.clone()),
    );
    let audit = config
        .audit
        .enabled
        .unwrap_or(config.auth.enabled())
        .then(|| {
            let retention = audit::Retention {
                max_age: Duration::from_secs(config.audit.max_age_hours * 3600),
                max_records: config.audit.max_records,
            };
            Audit::start(
                admin_store.clone(),
                retention,
                shutdown.clone(),
                &mut background,
            )
        });
    let listening = Arc::new(AtomicBool::new(false));
    let registration = Registrar {
        config: config.smo.clone(),
        cloud: inventory.cloud_info().as_ref().clone(),
        client: outbound.0,
        oauth: outbound.1,
        store: admin_store.clone(),
        leadership,
        listening: Arc::clone(&listening),
    }
    .start(shutdown.clone(), &mut background);
    let state = http::Services {
        admin: admin.clone(),
        inventory: inventory.clone(),
        subscriptions: subscriptions.clone(),
        events: events.clone(),
        webhooks: webhooks.clone(),
        hubs: hubs.clone(),
        alarms: alarms.clone(),
        provisioning: provisioning.clone(),
        packages: packages.clone(),
        lcm: lcm.clone(),
        lcm_subscriptions: lcm_subscriptions.clone(),
        charts: crate::service::dms::charts::ChartRepository::new(packages.clone()),
        registration,
        v1_page_size: config.v1_page_size,
        metrics,
        listening: Arc::clone(&listening),
        openapi: Default::default(),
    };
    let security = Security::start(
        &config,
        &http::rpc_table().routes,
        Tenancy {
            tenants,
            store: admin_store.clone(),
            multi_tenant: config.auth.multi_tenant,
        },
        Arc::new(RateLimits::new(
            &config.rate_limits,
            config.redis_url.is_some().then(|| admin_store.clone()),
        )),
        audit,
        &shutdown,
    )?;
    let rest = http::router(state);
    let grpc = grpc::routes(grpc::Services {
        inventory,
        subscriptions,
        events,
        webhooks,
        hubs,
        admin,
        alarms,
        provisioning,
        packages,
        lcm,
        lcm_subscriptions,
    })
    .await
    .prepare()
    .into_axum_router();

    let mut servers = JoinSet::new();
    match listeners.grpc {
        None => {
            tracing::info!(addr = %listeners.main.local_addr()?, "serving rest and grpc");
            servers.spawn(crate::server::serve(
                listeners.main,
                http::with_grpc(rest, grpc, &security, &idempotency, &config.api_versions),
                security.tls.clone(),
                shutdown.clone(),
            ));
        }
        Some(grpc_listener) => {
            tracing::info!(rest = %listeners.main.local_addr()?, grpc = %grpc_listener.local_addr()?, "serving rest and grpc on separate ports");
            servers.spawn(crate::server::serve(
                listeners.main,
                http::with_grpc(
                    rest,
                    Router::new(),
                    &security,
                    &idempotency,
                    &config.api_versions,
                ),
                security.tls.clone(),
                shutdown.clone(),
            ));
            servers.spawn(crate::server::serve(
                grpc_listener,
                http::with_grpc(
                    Router::new(),
                    grpc,
                    &security,
                    &idempotency,
                    &config.api_versions,
                ),
                security.tls.clone(),
                shutdown.clone(),
            ));
        }
    }
    listening.store(true, Ordering::Release);
    while let Some(done) = servers.join_next().await {
        done.context("server task panicked")??;
    }
    // The servers have drained: the audit writer stores what it holds once the last of
    // its senders (here and in the routers) is gone.
    drop(security);
    shutdown.cancel();
    while background.join_next().await.is_some() {}
    tracing::info!("stopped");
    Ok(())
}
