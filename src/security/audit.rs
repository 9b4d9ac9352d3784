//! The audit trail: one record per request, allowed or not, written as a JSON line on the
//! `audit` tracing target and kept in a bounded store (`store::AdminStore`) that
//! `GET /admin/v1/audit` reads. A record names who called what and how it ended; never a
//! token, a secret or a callback credential (the gate takes credentials off the request before
//! anything else sees it, and a record is built from the [`Principal`] and the route only).
//!
//! Records reach the store through a bounded queue and a writer that appends them in batches:
//! a request never waits for the store. A store that does not answer delays the records (they
//! wait, up to [`BACKLOG`]), and retention removes them by age and count.

use std::{
    collections::VecDeque,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::authn::{Method, Principal};
pub use crate::domain::audit::{AuditQuery, AuditRecord, Outcome};
use crate::store::{AdminStoreRef, StoreError};

/// Records queued for the writer at most; beyond, new ones are counted and dropped.
pub const QUEUE: usize = 65_536;
/// Records the writer holds while the store does not answer.
pub const BACKLOG: usize = 100_000;
const BATCH: usize = 512;
const FLUSH: Duration = Duration::from_millis(200);

/// The caller's part of a record.
pub fn set_caller(record: &mut AuditRecord, principal: &Principal, thumbprint: Option<&str>) {
    record.auth_method = Some(
        match principal.method {
            Method::Anonymous => "anonymous",
            Method::Token => "token",
            Method::Certificate => "certificate",
        }
        .to_owned(),
    );
    record.subject = Some(principal.subject.clone()).filter(|s| !s.is_empty());
    record.client_id = principal.client_id.clone();
    record.tenant = principal.tenant.clone();
    record.certificate_thumbprint = thumbprint.map(str::to_owned);
}

/// A request id unique across replicas and restarts without a system call per request: a
/// random 64-bit prefix chosen once per process, and a counter.
pub fn request_id() -> String {
    use std::sync::{
        atomic::{AtomicU64, Ordering},
        OnceLock,
    };
    static PREFIX: OnceLock<u64> = OnceLock::new();
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let prefix = PREFIX.get_or_init(|| uuid::Uuid::new_v4().as_u64_pair().0);
    format!("{prefix:016x}-{:x}", NEXT.fetch_add(1, Ordering::Relaxed))
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

pub fn rfc3339_ms(ms: i64) -> String {
    let at = UNIX_EPOCH + Duration::from_millis(ms.max(0) as u64);
    humantime::format_rfc3339_millis(at).to_string()
}

/// How long and how many records are kept.
#[derive(Clone, Copy, Debug)]
pub struct Retention {
    pub max_age: Duration,
    pub max_records: usize,
}

/// Where requests hand their records.
#[derive(Clone)]
pub struct Audit {
    tx: mpsc::Sender<AuditRecord>,
}

impl Audit {
    /// The trail, with its writer and retention running in `tasks` until `stop` (the writer
    /// stores what it holds first).
    pub fn start(
        store: AdminStoreRef,
        retention: Retention,
        stop: CancellationToken,
        tasks: &mut tokio::task::JoinSet<()>,
    ) -> Audit {
        let (tx, rx) = mpsc::channel(QUEUE);
        tasks.spawn(write(rx, store.clone(), stop.clone()));
        tasks.spawn(retain(store, retention, stop));
        Audit { tx }
    }

    pub fn record(&self, record: AuditRecord) {
        if tracing::enabled!(target: "audit", tracing::Level::INFO) {
            if let Ok(line) = serde_json::to_string(&record) {
                tracing::info!(target: "audit", "{line}");
            }
        }
        if self.tx.try_send(record).is_err() {
            metrics::counter!(crate::metrics::AUDIT_DROPPED).increment(1);
        }
    }
}

/// Appends queued records in batches until every sender is gone (the servers have drained);
/// while the store does not answer, holds them (the oldest go first past [`BACKLOG`],
/// counted) and tries again — after shutdown, a few times more.
async fn write(mut rx: mpsc::Receiver<AuditRecord>, store: AdminStoreRef, stop: CancellationToken) {
    let mut held: VecDeque<AuditRecord> = VecDeque::new();
    let mut closed = false;
    let mut backoff = Duration::from_millis(100);
    let mut failures_after_stop = 0;
    loop {
        if held.is_empty() && !closed {
            match rx.recv().await {
                Some(r) => held.push_back(r),
                None => closed = true,
            }
        }
        // A short wait gathers a batch.
        let deadline = tokio::time::Instant::now() + FLUSH;
        while !closed && held.len() < BATCH {
            match tokio::time::timeout_at(deadline, rx.recv()).await {
                Ok(Some(r)) => held.push_back(r),
                Ok(None) => closed = true,
                Err(_) => break,
            }
        }
        while held.len() > BACKLOG {
            held.pop_front();
            metrics::counter!(crate::metrics::AUDIT_DROPPED).increment(1);
        }
        if held.is_empty() {
            if closed {
                return;
            }
            continue;
        }
        let n = held.len().min(BATCH * 8);
        let batch: Vec<AuditRecord> = held.iter().take(n).cloned().collect();
        match store.append_audit(&batch).await {
            Ok(()) => {
                held.drain(..n);
                backoff = Duration::from_millis(100);
            }
            Err(e) => {
                tracing::warn!(error = %e, held = held.len(), "audit records not stored yet; retrying");
                if stop.is_cancelled() {
                    failures_after_stop += 1;
                    if failures_after_stop >= 3 {
                        tracing::error!(
                            lost = held.len(),
                            "stopping with audit records the store did not take"
                        );
                        metrics::counter!(crate::metrics::AUDIT_DROPPED)
                            .increment(held.len() as u64);
                        return;
                    }
                }
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(5));
            }
        }
    }
}

async fn retain(store: AdminStoreRef, retention: Retention, stop: CancellationToken) {
    loop {
        let cutoff = now_ms() - retention.max_age.as_millis() as i64;
        match store.trim_audit(retention.max_records, cutoff).await {
            Ok(0) => {}
            Ok(n) => tracing::debug!(removed = n, "audit records past retention removed"),
            Err(StoreError::Unavailable(e)) => {
                tracing::debug!(error = %e, "audit retention: store unavailable")
            }
            Err(e) => tracing::warn!(error = %e, "audit retention failed"),
        }
        tokio::select! {
            () = stop.cancelled() => return,
            () = tokio::time::sleep(Duration::from_secs(30)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_follow_the_status() {
        assert_eq!(Outcome::of(200, None), Outcome::Success);
        assert_eq!(Outcome::of(401, None), Outcome::Denied);
        assert_eq!(Outcome::of(403, None), Outcome::Denied);
        assert_eq!(Outcome::of(429, None), Outcome::Denied);
        assert_eq!(Outcome::of(404, None), Outcome::Error);
        assert_eq!(Outcome::of(200, Some(7)), Outcome::Denied);
        assert_eq!(Outcome::of(200, Some(5)), Outcome::Error);
        assert_eq!(Outcome::of(200, Some(0)), Outcome::Success);
    }
}
