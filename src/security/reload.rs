//! Reloading key material without a restart: the files are read every interval and on SIGHUP;
//! when their content changed, `apply` builds the new configuration. A file that does not
//! build (half-written, corrupt, mismatched key) keeps the previous configuration, is logged
//! and counted, and is tried again once its content changes.

use std::{path::PathBuf, time::Duration};

use sha2::{Digest, Sha256};
use tokio_util::sync::CancellationToken;

use crate::metrics::TLS_RELOAD_FAILURES;

/// The digest of the files' contents, or why one cannot be read.
pub fn digest(files: &[PathBuf]) -> Result<[u8; 32], String> {
    let mut hash = Sha256::new();
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| format!("reading {}: {e}", file.display()))?;
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    Ok(hash.finalize().into())
}

/// Watches `files` until `stop`; `apply` is called when their content changes and returns
/// whether it took the new files. `what` names the material in logs and metrics.
pub fn watch(
    what: &'static str,
    files: Vec<PathBuf>,
    every: Duration,
    stop: CancellationToken,
    apply: impl Fn() -> Result<(), String> + Send + 'static,
) {
    tokio::spawn(async move {
        let mut last = digest(&files).ok();
        let mut hangup = hangup_signal();
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = tick.tick() => {},
                _ = recv(&mut hangup) => tracing::info!(what, "SIGHUP: checking key material"),
                _ = stop.cancelled() => return,
            }
            let now = match digest(&files) {
                Ok(d) => d,
                Err(e) => {
                    if last.is_some() {
                        tracing::warn!(what, error = %e, "key material unreadable; keeping the loaded one");
                        metrics::counter!(TLS_RELOAD_FAILURES, "what" => what).increment(1);
                    }
                    last = None;
                    continue;
                }
            };
            if last == Some(now) {
                continue;
            }
            last = Some(now);
            match apply() {
                Ok(()) => tracing::info!(what, "key material reloaded"),
                Err(e) => {
                    tracing::warn!(what, error = %e, "reloading key material failed; keeping the loaded one");
                    metrics::counter!(TLS_RELOAD_FAILURES, "what" => what).increment(1);
                }
            }
        }
    });
}

#[cfg(unix)]
type Hangup = Option<tokio::signal::unix::Signal>;
#[cfg(not(unix))]
type Hangup = ();

#[cfg(unix)]
fn hangup_signal() -> Hangup {
    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok()
}
#[cfg(not(unix))]
fn hangup_signal() -> Hangup {}

#[cfg(unix)]
async fn recv(signal: &mut Hangup) {
    match signal {
        Some(s) => {
            s.recv().await;
        }
        None => std::future::pending().await,
    }
}
#[cfg(not(unix))]
async fn recv(_: &mut Hangup) {
    std::future::pending::<()>().await
}
