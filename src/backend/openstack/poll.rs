//! Change capture without hammering the cloud. Every `openstack.poll_seconds`: aggregates,
//! hypervisors and flavors listed whole (they are small); servers with `changes-since` after
//! the first full list (deleted ones come back as `DELETED`), from Nova's own clock (its
//! `Date`, less an overlap, never ours); Placement inventories and usages re-read only for the
//! providers whose `generation` moved. A poll that fails anywhere applies nothing: the last
//! view stays, nothing is published as deleted, and the next good poll lists every server
//! again (a deletion while the cloud was unreachable may be past Nova's memory of deleted
//! servers), then publishes exactly the differences.

use std::{
    collections::HashMap,
    hash::Hasher,
    sync::{Arc, Mutex},
    time::{Duration, Instant, SystemTime},
};

use tokio_util::sync::CancellationToken;

use super::{
    api::{Api, Provider},
    keystone::CallError,
    state::{State, Update},
};
use crate::backend::{versioned::Versioned, ChangeSender};

/// `changes-since` reaches this far before the previous poll's first answer: a server changed
/// while that answer was being made is seen again (an unchanged one makes no change).
const OVERLAP: Duration = Duration::from_secs(2);
/// Every server is listed again this often, whatever `changes-since` says.
const FULL_EVERY: Duration = Duration::from_secs(3600);

/// What the poller tells the backend about the cloud.
#[derive(Debug, Default)]
pub struct Health {
    /// Since when, and why, polls fail (while they do).
    pub failing: Mutex<Option<(Instant, String)>>,
}

impl Health {
    pub fn failing(&self) -> Option<(Instant, String)> {
        self.failing
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// Where the next poll starts.
struct Cursor {
    /// Nova's time to ask `changes-since` from; `None`: list every server.
    since: Option<String>,
    /// The digest of the lists the last applied poll read.
    digest: Option<u64>,
    last_full: Instant,
}

fn since_of(date: Option<String>) -> Option<String> {
    let at: SystemTime = httpdate::parse_http_date(date.as_deref()?).ok()?;
    let at = jiff::Timestamp::try_from(at.checked_sub(OVERLAP)?).ok()?;
    Some(at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// What a poll read: nothing new, or an update to apply.
enum Read {
    /// The lists are as the last poll's, and no server changed.
    Unchanged,
    Changed(Update, u64),
}

async fn read(
    api: &Api,
    state: &Versioned<State>,
    cursor: &Cursor,
) -> Result<(Read, Option<String>), CallError> {
    let aggregates = api.aggregates().await?;
    let hypervisors = api.hypervisors().await?;
    let flavors = api.flavors().await?;
    let (servers, date) = api.servers(cursor.since.as_deref()).await?;
    let providers = api.providers().await?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for pages in [&aggregates, &hypervisors, &flavors, &providers] {
        pages.digest(&mut hasher);
    }
    let digest = hasher.finish();
    // A quiet poll reads nothing further: the lists are compared as they came.
    if servers.is_empty() && cursor.since.is_some() && cursor.digest == Some(digest) {
        return Ok((Read::Unchanged, date));
    }
    let providers: HashMap<String, u64> = providers
        .parse::<Provider>()?
        .into_iter()
        .map(|p| (p.uuid, p.generation))
        .collect();
    let known = state.read().generations();
    let moved: Vec<String> = providers
        .iter()
        .filter(|(uuid, generation)| known.get(*uuid) != Some(*generation))
        .map(|(uuid, _)| uuid.clone())
        .collect();
    let capacities = api.capacities(moved).await?;
    let update = Update {
        aggregates: aggregates.parse()?,
        hypervisors: hypervisors.parse()?,
        flavors: flavors.parse()?,
        providers,
        capacities,
        full: cursor.since.is_none(),
        servers,
    };
    Ok((Read::Changed(update, digest), date))
}

/// Polls until shutdown.
pub async fn run(
    api: Arc<Api>,
    state: Arc<Versioned<State>>,
    health: Arc<Health>,
    changes: Arc<ChangeSender>,
    every: Duration,
    shutdown: CancellationToken,
) {
    let mut cursor = Cursor {
        since: None,
        digest: None,
        last_full: Instant::now(),
    };
    loop {
        let started = Instant::now();
        if cursor.last_full.elapsed() >= FULL_EVERY {
            cursor.since = None;
        }
        let polled = tokio::select! {
            r = read(&api, &state, &cursor) => r,
            _ = shutdown.cancelled() => return,
        };
        let read_took = started.elapsed();
        let result = if polled.is_ok() { "ok" } else { "failed" };
        metrics::counter!(crate::metrics::OPENSTACK_POLLS, "result" => result).increment(1);
        match polled {
            Ok((Read::Unchanged, date)) => {
                cursor.since = since_of(date).or(cursor.since.take());
                recovered(&health);
            }
            Ok((Read::Changed(update, digest), date)) => {
                let full = update.full;
                state.update(|s| {
                    let first = !s.synced;
                    let out = s.apply(update);
                    let changed = first || !out.is_empty();
                    if first {
                        changes.stage_view(s.inventory.objects());
                    } else {
                        out.into_iter().for_each(|c| changes.stage(c));
                    }
                    ((), changed)
                });
                cursor.digest = Some(digest);
                let applied = started.elapsed();
                changes.flush().await;
                tracing::debug!(read = ?read_took, applied = ?applied, flushed = ?started.elapsed(), "openstack poll");
                if full {
                    cursor.last_full = Instant::now();
                }
                // Without Nova's Date, the next poll lists every server again.
                cursor.since = since_of(date);
                recovered(&health);
            }
            Err(e) => {
                cursor.since = None;
                cursor.digest = None;
                let mut failing = health.failing.lock().unwrap_or_else(|e| e.into_inner());
                if failing.is_none() {
                    tracing::warn!(error = %e, "the OpenStack cloud does not answer; serving the last view");
                }
                let since = failing.as_ref().map_or_else(Instant::now, |f| f.0);
                *failing = Some((since, e.to_string()));
            }
        }
        let rest = every.saturating_sub(started.elapsed());
        tokio::select! {
            _ = tokio::time::sleep(rest) => {}
            _ = shutdown.cancelled() => return,
        }
    }
}

/// Notes that the cloud answers again.
fn recovered(health: &Health) {
    let mut failing = health.failing.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((since, _)) = failing.take() {
        tracing::info!(
            after_seconds = since.elapsed().as_secs(),
            "the OpenStack cloud answers again"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_since_is_novas_date_less_the_overlap() {
        assert_eq!(
            since_of(Some("Mon, 07 Dec 2026 06:15:10 GMT".into())).as_deref(),
            Some("2026-12-07T06:15:08Z")
        );
        assert_eq!(since_of(None), None);
        assert_eq!(since_of(Some("yesterday".into())), None);
    }
}
