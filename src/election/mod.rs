//! Leader election: when several replicas serve the same backends, exactly one publishes their
//! changes. The lock is the deployment's, whatever the backends are ([`for_deployment`]). One
//! trait, two real implementations: a Kubernetes `Lease` (coordination.k8s.io/v1, optimistic
//! concurrency on its resourceVersion) when running in a cluster, and a Redis lock (`SET NX PX`,
//! renewed by its holder) when replicas share Redis. Every replica keeps serving reads from its
//! own view whatever the outcome. Each lead carries a fencing token that grows with every
//! take-over; the event log refuses appends with an older token than it has seen
//! ([`crate::events::EventLog::append_fenced`]), so a leader that lost the lead without noticing
//! cannot publish a change twice.

pub mod lease;
pub mod redis;

use std::{
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use anyhow::Context as _;
use async_trait::async_trait;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::{
    config::{ElectionConfig, ElectionMode},
    metrics,
};

#[async_trait]
pub trait Elector: Send + Sync + 'static {
    /// `lease` or `redis`, for logs.
    fn name(&self) -> &'static str;

    /// Takes the lead if it is free or expired, renews it if held; while this replica holds it,
    /// its fencing token: a number that grows with every take-over, which the event log
    /// compares so that a deposed leader's late append is refused.
    async fn acquire_or_renew(&self) -> anyhow::Result<Option<u64>>;

    /// Gives the lead up (at shutdown), so that another replica takes it at once.
    async fn release(&self) -> anyhow::Result<()>;
}

/// Whether this replica leads, as the election loop last found.
pub struct Leadership {
    leading: AtomicBool,
    /// The fencing token of the current lead (0: none, a replica alone).
    token: AtomicU64,
    changes: watch::Sender<bool>,
}

impl Leadership {
    /// A replica that always leads (a single replica: no election).
    pub fn always() -> Arc<Leadership> {
        Arc::new(Leadership {
            leading: AtomicBool::new(true),
            token: AtomicU64::new(0),
            changes: watch::channel(true).0,
        })
    }

    pub fn is_leader(&self) -> bool {
        self.leading.load(Ordering::Acquire)
    }

    /// The fencing token of this replica's lead (0 when no election runs: nothing to fence).
    pub fn token(&self) -> u64 {
        self.token.load(Ordering::Acquire)
    }

    /// Notified on every change of leadership.
    pub fn subscribe(&self) -> watch::Receiver<bool> {
        self.changes.subscribe()
    }

    fn set(&self, leading: bool) {
        if self.leading.swap(leading, Ordering::AcqRel) != leading {
            let _ = self.changes.send(leading);
            ::metrics::gauge!(metrics::LEADER).set(if leading { 1.0 } else { 0.0 });
        }
    }

    /// Runs the election every `lease / 10` until shutdown, then releases. A leader that
    /// cannot renew for two thirds of the lease steps down before anyone else may take over.
    pub fn run(
        elector: Arc<dyn Elector>,
        lease: Duration,
        shutdown: CancellationToken,
    ) -> Arc<Leadership> {
        let leadership = Arc::new(Leadership {
            leading: AtomicBool::new(false),
            token: AtomicU64::new(0),
            changes: watch::channel(false).0,
        });
        ::metrics::gauge!(metrics::LEADER).set(0.0);
        let this = Arc::clone(&leadership);
        tokio::spawn(async move {
            let period = (lease / 10).max(Duration::from_millis(100));
            let mut renewed = Instant::now();
            loop {
                match elector.acquire_or_renew().await {
                    Ok(token) => {
                        let leading = token.is_some();
                        if let Some(t) = token {
                            // Set before leading is: the pump reads it once it leads.
                            this.token.store(t, Ordering::Release);
                        }
                        if leading && !this.is_leader() {
                            tracing::info!(
                                elector = elector.name(),
                                "became the leader: publishing backend changes"
                            );
                        } else if !leading && this.is_leader() {
                            tracing::warn!(
                                elector = elector.name(),
                                "lost the lead: no longer publishing"
                            );
                        }
                        if leading {
                            renewed = Instant::now();
                        }
                        this.set(leading);
                    }
                    Err(e) => {
                        tracing::warn!(elector = elector.name(), error = %e, "leader election failed");
                        if this.is_leader() && renewed.elapsed() > lease * 2 / 3 {
                            tracing::warn!("lead not renewed in time: stepping down");
                            this.set(false);
                        }
                    }
                }
                tokio::select! {
                    _ = tokio::time::sleep(period) => {}
                    _ = shutdown.cancelled() => break,
                }
            }
            if this.is_leader() {
                this.set(false);
                if let Err(e) = elector.release().await {
                    tracing::warn!(error = %e, "releasing the lead failed; it expires by itself");
                }
            }
        });
        leadership
    }
}

/// Who publishes the backends' changes. Only backends whose state the replicas share (a
/// cluster, a cloud) need a leader; the lock is then the deployment's, whatever the backends
/// are: a `Lease` when running in a cluster, a Redis lock when replicas share Redis, this
/// replica alone otherwise (`election.mode` overrides, for any backend).
pub async fn for_deployment(
    e: &ElectionConfig,
    shared: bool,
    redis_url: Option<&str>,
    redis_prefix: &str,
    shutdown: &CancellationToken,
) -> anyhow::Result<Arc<Leadership>> {
    let in_cluster = std::env::var_os("KUBERNETES_SERVICE_HOST").is_some();
    let choice = match (e.mode, shared, in_cluster, redis_url) {
        (ElectionMode::Auto, false, _, _) => ElectionMode::None,
        (ElectionMode::Auto, true, true, _) => ElectionMode::Lease,
        (ElectionMode::Auto, true, false, Some(_)) => ElectionMode::Redis,
        (ElectionMode::Auto, true, false, None) => ElectionMode::None,
        (other, ..) => other,
    };
    let identity = format!(
        "{}-{}",
        std::env::var("HOSTNAME").unwrap_or_else(|_| "netweave".into()),
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let lease = Duration::from_secs(e.lease_seconds.max(1));
    let elector: Arc<dyn Elector> = match choice {
        ElectionMode::Lease => Arc::new(
            lease::KubeLease::connect(
                &e.kubeconfig,
                &e.lease_namespace,
                &e.lease_name,
                identity.clone(),
                lease,
            )
            .await
            .context("leader election by Lease")?,
        ),
        ElectionMode::Redis => {
            let url = redis_url.context("leader election by Redis lock needs --redis-url")?;
            Arc::new(
                redis::RedisLock::connect(
                    url,
                    redis_prefix,
                    &e.lease_name,
                    identity.clone(),
                    lease,
                )
                .await?,
            )
        }
        ElectionMode::None | ElectionMode::Auto => return Ok(Leadership::always()),
    };
    tracing::info!(elector = elector.name(), %identity, "leader election started");
    Ok(Leadership::run(elector, lease, shutdown.clone()))
}
