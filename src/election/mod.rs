//! Leader election: when several replicas watch the same cluster, exactly one publishes the
//! backend's changes. One trait, two real implementations: a Kubernetes `Lease`
//! (coordination.k8s.io/v1, optimistic concurrency on its resourceVersion) when running in a
//! cluster, and a Redis lock (`SET NX PX`, renewed by its holder) otherwise. Every replica
//! keeps serving reads from its own cache whatever the outcome.

pub mod lease;
pub mod redis;

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use async_trait::async_trait;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::metrics;

#[async_trait]
pub trait Elector: Send + Sync + 'static {
    /// `lease` or `redis`, for logs.
    fn name(&self) -> &'static str;

    /// Takes the lead if it is free or expired, renews it if held; says whether this replica
    /// holds it now.
    async fn acquire_or_renew(&self) -> anyhow::Result<bool>;

    /// Gives the lead up (at shutdown), so that another replica takes it at once.
    async fn release(&self) -> anyhow::Result<()>;
}

/// Whether this replica leads, as the election loop last found.
pub struct Leadership {
    leading: AtomicBool,
    changes: watch::Sender<bool>,
}

impl Leadership {
    /// A replica that always leads (a single replica: no election).
    pub fn always() -> Arc<Leadership> {
        Arc::new(Leadership {
            leading: AtomicBool::new(true),
            changes: watch::channel(true).0,
        })
    }

    pub fn is_leader(&self) -> bool {
        self.leading.load(Ordering::Acquire)
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
            changes: watch::channel(false).0,
        });
        ::metrics::gauge!(metrics::LEADER).set(0.0);
        let this = Arc::clone(&leadership);
        tokio::spawn(async move {
            let period = (lease / 10).max(Duration::from_millis(100));
            let mut renewed = Instant::now();
            loop {
                match elector.acquire_or_renew().await {
                    Ok(leading) => {
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
