//! Wiring: build the store, backend and services from the configuration, bind listeners,
//! serve REST and gRPC until the cancellation token fires, then drain.

use std::{
    net::SocketAddr,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
};

use anyhow::Context;
use axum::{serve::ListenerExt, Router};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::{
    backend::{
        simulator::{SimSpec, Simulator},
        BackendRef,
    },
    config::{BackendKind, Config},
    grpc, http,
    service::{InventoryService, SubscriptionService},
    store::{embedded::EmbeddedStore, redis::RedisStore, StoreRef},
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
    Ok(match &config.redis_url {
        Some(url) => Arc::new(
            RedisStore::connect(url, &config.redis_prefix)
                .await
                .context("connecting to redis")?,
        ),
        None => {
            Arc::new(EmbeddedStore::open(&config.data_dir).context("opening the embedded store")?)
        }
    })
}

pub fn build_backend(config: &Config, o_cloud_id: &str) -> BackendRef {
    match config.backend {
        BackendKind::Simulator => Arc::new(Simulator::new(&SimSpec {
            seed: config.sim.seed,
            pools: config.sim.pools,
            resources: config.sim.resources,
            read_only: config.sim.read_only,
            o_cloud_id: o_cloud_id.to_owned(),
        })),
    }
}

/// Serves until `shutdown` is cancelled, then stops accepting and drains in-flight requests.
pub async fn run(
    config: Config,
    listeners: Listeners,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let cloud = config.cloud_info(listeners.main_addr());
    let store = build_store(&config).await?;
    let backend = build_backend(&config, &cloud.o_cloud_id);
    let inventory = InventoryService::new(backend, cloud, config.max_page_size);
    let subscriptions = SubscriptionService::new(store, config.max_page_size);
    let listening = Arc::new(AtomicBool::new(false));
    let state = http::AppState {
        inventory: inventory.clone(),
        subscriptions: subscriptions.clone(),
        v1_page_size: config.v1_page_size,
        metrics: crate::metrics::handle(),
        listening: Arc::clone(&listening),
        openapi: Default::default(),
    };
    let rest = http::router(state);
    let grpc = grpc::routes(inventory, subscriptions)
        .await
        .prepare()
        .into_axum_router();

    let mut servers = tokio::task::JoinSet::new();
    match listeners.grpc {
        None => {
            tracing::info!(addr = %listeners.main.local_addr()?, "serving rest and grpc");
            servers.spawn(serve(
                listeners.main,
                http::with_grpc(rest, grpc),
                shutdown.clone(),
            ));
        }
        Some(grpc_listener) => {
            tracing::info!(rest = %listeners.main.local_addr()?, grpc = %grpc_listener.local_addr()?, "serving rest and grpc on separate ports");
            servers.spawn(serve(
                listeners.main,
                http::with_grpc(rest, Router::new()),
                shutdown.clone(),
            ));
            servers.spawn(serve(
                grpc_listener,
                http::with_grpc(Router::new(), grpc),
                shutdown.clone(),
            ));
        }
    }
    listening.store(true, Ordering::Release);
    while let Some(done) = servers.join_next().await {
        done.context("server task panicked")??;
    }
    tracing::info!("stopped");
    Ok(())
}

async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    // gRPC answers in several small writes (headers, data, trailers): without TCP_NODELAY,
    // Nagle's algorithm meets the client's delayed ACK and adds ~40 ms to every call.
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(error = %e, "cannot set TCP_NODELAY");
        }
    });
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown.cancelled_owned())
        .await
        .context("serving")
}
