//! The executor: while this replica leads, it carries out every active request through the
//! builder its template names — PENDING → PROGRESSING (the generation's clock starts) → apply
//! again and again until FULFILLED, or FAILED with the backend's reason or on timeout;
//! DELETING → remove until nothing is left, then the request goes. It runs at every wake (a
//! request written here) and every `period` (requests written on other replicas, builds
//! converging). Each step is a compare-and-swap on what it read: a replacement or deletion
//! made meanwhile wins, and the step is redone on the new revision at the next pass. What it
//! builds is named from the request id (`backend::provision`), so a crash, a restart or a new
//! leader resumes where the backend stands and builds nothing twice.

use std::{sync::Arc, time::Duration};

use futures::StreamExt as _;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use super::writer::Writer;
use crate::{
    backend::{BackendError, BackendRef},
    election::Leadership,
    provisioning::{request::now_unix, Phase, ProvisioningRequest},
};

/// Requests carried out at once.
const CONCURRENCY: usize = 32;

pub struct Executor {
    pub writer: Writer,
    pub backend: BackendRef,
    pub leadership: Arc<Leadership>,
    /// Woken by every write of a request on this replica.
    pub wake: Arc<Notify>,
    pub period: Duration,
    /// A generation not fulfilled within this is FAILED.
    pub timeout: Duration,
}

impl Executor {
    pub async fn run(self, shutdown: CancellationToken) {
        loop {
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.period) => {}
                _ = shutdown.cancelled() => return,
            }
            if self.leadership.is_leader() {
                self.pass().await;
            }
        }
    }

    /// One pass over the requests with work pending.
    pub async fn pass(&self) {
        let all = match self.writer.store().list_active_requests().await {
            Ok(all) => all,
            Err(e) => {
                tracing::warn!(error = %e, "reading provisioning requests failed; retried at the next pass");
                return;
            }
        };
        futures::stream::iter(all)
            .for_each_concurrent(CONCURRENCY, |r| async move {
                let id = r.id().to_owned();
                if let Err(e) = self.step(r).await {
                    tracing::warn!(provisioning_request_id = %id, error = %e, "provisioning step failed; retried at the next pass");
                }
            })
            .await;
    }

    async fn step(&self, r: ProvisioningRequest) -> anyhow::Result<()> {
        if r.gone || !r.unpublished.is_empty() {
            self.writer.flush(&r).await?;
            return Ok(());
        }
        // A replica whose backend does not offer the request's builder leaves it to one that
        // does.
        let Some(provisioner) = self
            .backend
            .provisioner()
            .filter(|p| p.builders().contains(&r.builder))
        else {
            return Ok(());
        };
        let expected = r.revision;
        let mut next = r.clone();
        match r.phase() {
            Phase::Pending => {
                next.started = now_unix();
                next.set_phase(Phase::Progressing, "carrying out the template");
                next.record_event(Some(&r.info), false);
                if let Some(written) = self.writer.write(next, expected).await? {
                    // Carried on at once rather than at the next pass.
                    Box::pin(self.step(written)).await?;
                }
                return Ok(());
            }
            Phase::Progressing => {
                let order = r.order();
                let changed = match provisioner.apply(&order).await {
                    Ok(progress) => {
                        let mut changed = next.take_progress(&progress);
                        if next.phase() == Phase::Progressing
                            && order.elapsed > self.timeout.as_secs_f64()
                        {
                            let why = format!(
                                "not fulfilled within {} s: {}",
                                self.timeout.as_secs(),
                                progress.message
                            );
                            changed |= next.set_phase(Phase::Failed, &why);
                        }
                        changed
                    }
                    Err(BackendError::Unavailable(why)) => {
                        if order.elapsed <= self.timeout.as_secs_f64() {
                            tracing::debug!(provisioning_request_id = %r.id(), error = %why, "backend unavailable; retried at the next pass");
                            return Ok(());
                        }
                        let why = format!(
                            "not fulfilled within {} s: backend unavailable: {why}",
                            self.timeout.as_secs()
                        );
                        next.set_phase(Phase::Failed, &why)
                    }
                    // An answer ("invalid", "conflict", …): the request cannot be carried out.
                    Err(refused) => next.set_phase(Phase::Failed, &refused.to_string()),
                };
                if !changed {
                    return Ok(());
                }
                if next.phase() != Phase::Progressing {
                    tracing::info!(provisioning_request_id = %r.id(), phase = ?next.phase(), message = %next.info.status.message, "provisioning request settled");
                }
            }
            Phase::Deleting => match provisioner.remove(&r.order()).await {
                Ok(true) => {
                    next.gone = true;
                }
                Ok(false) => return Ok(()),
                Err(BackendError::Unavailable(why)) => {
                    tracing::debug!(provisioning_request_id = %r.id(), error = %why, "backend unavailable; removal retried at the next pass");
                    return Ok(());
                }
                Err(refused) => {
                    let why = format!("removing what was built failed: {refused}");
                    if !next.set_phase(Phase::Deleting, &why) {
                        return Ok(());
                    }
                }
            },
            Phase::Fulfilled | Phase::Failed => return Ok(()),
        }
        next.record_event(Some(&r.info), next.gone);
        self.writer.write(next, expected).await?;
        Ok(())
    }
}
