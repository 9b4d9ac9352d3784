//! O2ims Infrastructure Monitoring: alarms listed, read, acknowledged and cleared; the alarm
//! service configuration; and alarms raised and cleared by their sources (the Alertmanager
//! receiver). Every write is a compare-and-swap on the stored revision (`store::alarms`),
//! retried on a lost race, so an acknowledgement and a source's clear never undo each other
//! and two replicas ingesting the same alert store one alarm.

use std::{
    collections::{BTreeMap, HashMap, HashSet},
    sync::{Arc, Mutex},
};

use serde::{Deserialize, Serialize};

use super::{
    inventory::View, require_uuid, InventoryService, ListParams, Listed, SubscriptionService,
};
use crate::{
    alarms::{
        alertmanager::{self, Report, Target},
        conditions::ConditionSet,
        record::{self, now, CLEARED},
        Alarm, AlarmChange, AlarmEventRecord, AlarmServiceConfiguration,
    },
    domain::{list::page_of, objects::*},
    error::{ApiError, ApiResult, ErrorCode},
    events::Publisher,
    store::AlarmStoreRef,
};

/// The monitoring API's URL root.
pub use crate::domain::api::MONITORING_ROOT as API_ROOT;
/// The version served.
pub const VERSION: &str = "1.0.0";

/// Attempts of one write against concurrent writers before answering UNAVAILABLE.
const SWAP_ATTEMPTS: usize = 16;

/// `AlarmEventRecordModifications`: what a PATCH asks, exactly one field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Modifications {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::alarms::not_null"
    )]
    pub alarm_acknowledged: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::alarms::not_null"
    )]
    pub perceived_severity: Option<i64>,
}

/// `AlarmServiceConfigurationPatch`. A member given as `null` asks, in merge-patch terms, for
/// its removal: `Some(None)`, refused (both members are required).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfigurationPatch {
    #[serde(default, deserialize_with = "present")]
    pub retention_period: Option<Option<i64>>,
    #[serde(default, deserialize_with = "present")]
    pub extensions: Option<Option<Extensions>>,
}

/// A member that is present: `Some(None)` when it is `null`.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// An `AlarmServiceConfiguration` as a client sends it (both fields required).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfigurationInput {
    pub retention_period: i64,
    pub extensions: Extensions,
}

/// What one ingested payload did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ingested {
    /// Each alarm change, in payload order.
    pub changes: Vec<(AlarmChange, Alarm)>,
    /// Alerts whose labels name no known resource.
    pub unmapped: usize,
    /// Alerts lacking status, startsAt or fingerprint.
    pub malformed: usize,
}

/// Resources by the names an alert may give them (the node name, the host name, the id).
#[derive(Default)]
struct ResourceIndex {
    generation: Option<u64>,
    built: bool,
    by_name: HashMap<String, Target>,
}

#[derive(Clone)]
pub struct AlarmService {
    store: AlarmStoreRef,
    inventory: InventoryService,
    subscriptions: SubscriptionService,
    /// Where alarm changes go: the one event stream (webhook workers, Watch, SSE).
    publisher: Option<Arc<Publisher>>,
    /// Alert labels naming the resource, in order of preference.
    resource_labels: Arc<Vec<String>>,
    index: Arc<Mutex<ResourceIndex>>,
}

fn stale(what: &str, etag: &str) -> ApiError {
    ApiError::new(
        ErrorCode::StaleVersion,
        format!("the {what} has changed: its entity tag is {etag}; read it again"),
    )
}

/// `If-Match`: `*` or a list of entity tags, one of which must be current.
fn check_match(what: &str, if_match: Option<&str>, etag: &str) -> ApiResult<()> {
    match if_match.map(str::trim) {
        None | Some("") | Some("*") => Ok(()),
        Some(list) if list.split(',').any(|t| t.trim() == etag) => Ok(()),
        Some(_) => Err(stale(what, etag)),
    }
}

fn raced(what: &str) -> ApiError {
    ApiError::new(
        ErrorCode::Unavailable,
        format!("the {what} is changing too often to be written now; retry"),
    )
}

impl AlarmService {
    pub fn new(
        store: AlarmStoreRef,
        inventory: InventoryService,
        subscriptions: SubscriptionService,
        resource_labels: Vec<String>,
    ) -> Self {
        AlarmService {
            store,
            inventory,
            subscriptions,
            publisher: None,
            resource_labels: Arc::new(resource_labels),
            index: Arc::default(),
        }
    }

    pub fn store(&self) -> &AlarmStoreRef {
        &self.store
    }

    /// Publishing every alarm change to the event stream.
    pub fn with_publisher(mut self, publisher: Arc<Publisher>) -> Self {
        self.publisher = Some(publisher);
        self
    }

    /// Writes `alarm` (its outbox holding `change`'s event) if the stored revision is still
    /// `expected`, then appends the outbox to the stream. A failed append leaves the events
    /// in the outbox for [`AlarmService::keep_published`]: the change is stored, its
    /// notification only delayed.
    async fn write(
        &self,
        mut alarm: Alarm,
        expected: u64,
        change: Option<AlarmChange>,
    ) -> ApiResult<Option<Alarm>> {
        if let (Some(c), Some(_)) = (change, &self.publisher) {
            let global = self.inventory.cloud_info().global_cloud_id.clone();
            alarm.unpublished.push(alarm.event(c, &global));
        }
        if !self.store.swap_alarm(&alarm, expected).await? {
            return Ok(None);
        }
        if !alarm.unpublished.is_empty() {
            if let Err(e) = self.flush(&alarm).await {
                tracing::warn!(alarm_event_record_id = %alarm.id(), error = %e, "alarm change stored; its event is appended later");
            }
        }
        Ok(Some(alarm))
    }

    /// Appends an alarm's outbox to the stream, then empties it (unless the alarm changed
    /// meanwhile: its writer appends, or the next pass does).
    async fn flush(&self, alarm: &Alarm) -> ApiResult<()> {
        let Some(publisher) = &self.publisher else {
            return Ok(());
        };
        publisher
            .publish(alarm.unpublished.clone())
            .await
            .map_err(super::events::log_unavailable)?;
        let mut done = alarm.clone();
        done.unpublished.clear();
        // The same revision: the entity tag does not change for what nobody sees.
        self.store.swap_alarm(&done, alarm.revision).await?;
        Ok(())
    }

    /// Appends what outboxes hold (a change stored while the event log was down, or a crash
    /// between the two), every `period` while this replica leads; on every replica, counts
    /// the active alarms by severity (`netweave_alarms_active`).
    pub async fn keep_published(
        self,
        period: std::time::Duration,
        leadership: Arc<crate::election::Leadership>,
        shutdown: tokio_util::sync::CancellationToken,
    ) {
        let mut ticks = Ticks::new(period, leadership, shutdown);
        while let Some(leading) = ticks.next().await {
            let all = match self.store.list_alarms().await {
                Ok(all) => all,
                Err(e) => {
                    tracing::warn!(error = %e, "reading alarm outboxes failed; retried at the next pass");
                    continue;
                }
            };
            record_active(&all);
            if !leading {
                continue;
            }
            for alarm in all.iter().filter(|a| !a.unpublished.is_empty()) {
                if let Err(e) = self.flush(alarm).await {
                    tracing::warn!(alarm_event_record_id = %alarm.id(), error = %e, "appending an alarm's events failed; retried at the next pass");
                    break;
                }
            }
        }
    }

    fn versions(prefix: String) -> ApiVersions {
        ApiVersions {
            uri_prefix: prefix,
            api_versions: vec![ApiVersion {
                version: VERSION.into(),
                is_deprecated: false,
                retirement_date: None,
            }],
        }
    }

    /// Every version of the monitoring API.
    pub fn all_versions(&self) -> ApiVersions {
        Self::versions(API_ROOT.into())
    }

    /// The minor versions of its v1.
    pub fn minor_versions(&self) -> ApiVersions {
        Self::versions(format!("{API_ROOT}/v1"))
    }

    /// The pools a confined caller sees (`None`: every pool).
    async fn pools(&self, view: View<'_>) -> ApiResult<Option<HashSet<String>>> {
        match view {
            None => Ok(None),
            Some(scope) => Ok(Some(
                self.inventory
                    .pools_in_view(scope)
                    .await?
                    .into_iter()
                    .collect(),
            )),
        }
    }

    fn in_view(pools: &Option<HashSet<String>>, alarm: &Alarm) -> bool {
        pools.as_ref().is_none_or(|p| {
            alarm
                .resource_pool_id
                .as_ref()
                .is_some_and(|id| p.contains(id))
        })
    }

    pub async fn list(
        &self,
        view: View<'_>,
        params: &ListParams,
    ) -> ApiResult<Listed<AlarmEventRecord>> {
        let (query, projection) =
            params.query::<AlarmEventRecord>(self.inventory.max_page_size())?;
        let pools = self.pools(view).await?;
        let all: BTreeMap<String, Arc<AlarmEventRecord>> = self
            .store
            .list_alarms()
            .await?
            .into_iter()
            .filter(|a| Self::in_view(&pools, a))
            .map(|a| (a.record.alarm_event_record_id.clone(), Arc::new(a.record)))
            .collect();
        Ok(Listed::new(page_of(&all, &query), projection))
    }

    pub async fn get(&self, view: View<'_>, id: &str) -> ApiResult<Alarm> {
        require_uuid("alarmEventRecordId", id)?;
        let pools = self.pools(view).await?;
        self.store
            .get_alarm(id)
            .await?
            .filter(|a| Self::in_view(&pools, a))
            .ok_or_else(|| ApiError::not_found("alarm", id))
    }

    /// Acknowledges or clears an alarm; answers the modification made and the alarm after it.
    pub async fn patch(
        &self,
        view: View<'_>,
        id: &str,
        m: &Modifications,
        if_match: Option<&str>,
    ) -> ApiResult<(Alarm, AlarmChange)> {
        let clear = match (m.alarm_acknowledged, m.perceived_severity) {
            (Some(true), None) => false,
            (Some(false), None) => return Err(ApiError::invalid(
                "alarmAcknowledged can only be set to true: an acknowledgement is not withdrawn",
            )),
            (None, Some(s)) if s == i64::from(CLEARED) => true,
            (None, Some(s)) => {
                return Err(ApiError::invalid(format!(
                    "perceivedSeverity {s} cannot be set: only 5 (CLEARED) clears an alarm"
                )))
            }
            _ => {
                return Err(ApiError::invalid(
                    "give exactly one of alarmAcknowledged and perceivedSeverity",
                ))
            }
        };
        for _ in 0..SWAP_ATTEMPTS {
            let mut alarm = self.get(view, id).await?;
            check_match("alarm", if_match, &alarm.etag())?;
            let expected = alarm.revision;
            let at = now();
            let change = if clear {
                if alarm.clearing_type != ClearingType::Manual {
                    return Err(ApiError::new(
                        ErrorCode::FailedPrecondition,
                        "this alarm clears automatically (its definition's clearingType is AUTOMATIC): it cannot be cleared by hand",
                    ));
                }
                alarm.cleared(&at).ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::FailedPrecondition,
                        "the alarm is already cleared",
                    )
                })?
            } else {
                if !alarm.acknowledged(&at) {
                    return Err(ApiError::new(
                        ErrorCode::FailedPrecondition,
                        "the alarm is already acknowledged",
                    ));
                }
                AlarmChange::Acknowledge
            };
            if let Some(alarm) = self.write(alarm, expected, Some(change)).await? {
                tracing::info!(alarm_event_record_id = %id, ?change, "alarm changed by an operator");
                return Ok((alarm, change));
            }
        }
        Err(raced("alarm"))
    }

    pub async fn configuration(&self) -> ApiResult<AlarmServiceConfiguration> {
        Ok(self.store.alarm_configuration().await?.unwrap_or_default())
    }

    fn retention(days: i64) -> ApiResult<u32> {
        u32::try_from(days).ok().filter(|d| *d >= 1).ok_or_else(|| {
            ApiError::invalid(format!(
                "retentionPeriod {days} is not a whole number of days of at least 1"
            ))
        })
    }

    async fn write_configuration(
        &self,
        if_match: Option<&str>,
        change: impl Fn(&mut AlarmServiceConfiguration),
    ) -> ApiResult<AlarmServiceConfiguration> {
        for _ in 0..SWAP_ATTEMPTS {
            let mut config = self.configuration().await?;
            check_match("alarm service configuration", if_match, &config.etag())?;
            let expected = config.revision;
            change(&mut config);
            config.revision = expected + 1;
            if self
                .store
                .swap_alarm_configuration(&config, expected)
                .await?
            {
                return Ok(config);
            }
        }
        Err(raced("alarm service configuration"))
    }

    pub async fn put_configuration(
        &self,
        input: ConfigurationInput,
        if_match: Option<&str>,
    ) -> ApiResult<AlarmServiceConfiguration> {
        let days = Self::retention(input.retention_period)?;
        self.write_configuration(if_match, |c| {
            c.retention_period = days;
            c.extensions = input.extensions.clone();
        })
        .await
    }

    pub async fn patch_configuration(
        &self,
        patch: ConfigurationPatch,
        if_match: Option<&str>,
    ) -> ApiResult<AlarmServiceConfiguration> {
        let removed = |name: &str| {
            ApiError::invalid(format!(
                "{name} cannot be removed: the configuration requires it"
            ))
        };
        let days = match patch.retention_period {
            None => None,
            Some(None) => return Err(removed("retentionPeriod")),
            Some(Some(d)) => Some(Self::retention(d)?),
        };
        let extensions = match patch.extensions {
            None => None,
            Some(None) => return Err(removed("extensions")),
            Some(Some(e)) => Some(e),
        };
        self.write_configuration(if_match, |c| {
            if let Some(d) = days {
                c.retention_period = d;
            }
            if let Some(e) = &extensions {
                c.extensions = e.clone();
            }
        })
        .await
    }

    /// Removes the cleared alarms older than the configured retention (never an active one),
    /// as of `now`; how many went. No notification: a purge is not an alarm change.
    pub async fn sweep(&self, now: jiff::Timestamp) -> ApiResult<usize> {
        let days = self.configuration().await?.retention_period;
        let cutoff = now - jiff::SignedDuration::from_hours(24 * i64::from(days));
        let mut removed = 0;
        for alarm in self.store.list_alarms().await? {
            let cleared = alarm
                .record
                .alarm_cleared_time
                .as_deref()
                .and_then(|t| t.parse::<jiff::Timestamp>().ok());
            let expired = alarm.is_cleared() && cleared.is_some_and(|t| t < cutoff);
            // A lost race (the alarm changed meanwhile) leaves it for the next sweep.
            if expired && self.store.remove_alarm(alarm.id(), alarm.revision).await? {
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Sweeps every `period` while this replica leads, until `shutdown`.
    pub async fn keep_retention(
        self,
        period: std::time::Duration,
        leadership: Arc<crate::election::Leadership>,
        shutdown: tokio_util::sync::CancellationToken,
    ) {
        let mut ticks = Ticks::new(period, leadership, shutdown);
        while let Some(leading) = ticks.next().await {
            if !leading {
                continue;
            }
            match self.sweep(jiff::Timestamp::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(removed = n, "cleared alarms past their retention removed"),
                Err(e) => {
                    tracing::warn!(error = %e, "the alarm retention sweep failed; retried at the next")
                }
            }
        }
    }

    /// The resource a label value names, from an index rebuilt when the inventory changed.
    async fn resolve_all(&self, names: &[String]) -> ApiResult<HashMap<String, Target>> {
        let generation = self.inventory.backend().generation();
        let fresh = {
            let index = self.index.lock().expect("index lock");
            index.built && generation.is_some() && index.generation == generation
        };
        if !fresh {
            let mut by_name = HashMap::new();
            let all = ListParams::default();
            let pools = self
                .inventory
                .list::<ResourcePool>(None, None, &all)
                .await?;
            for pool in pools.items.iter() {
                let resources = self
                    .inventory
                    .list::<Resource>(None, Some(&pool.resource_pool_id), &all)
                    .await?;
                for r in resources.items.iter() {
                    let target = Target {
                        resource_id: r.resource_id.clone(),
                        resource_type_id: r.resource_type_id.clone(),
                        resource_pool_id: r.resource_pool_id.clone(),
                    };
                    for key in ["nodeName", "hostname"] {
                        if let Some(name) = r.extensions.get(key).and_then(|v| v.as_str()) {
                            by_name.insert(name.to_owned(), target.clone());
                        }
                    }
                    by_name.insert(r.resource_id.clone(), target);
                }
            }
            *self.index.lock().expect("index lock") = ResourceIndex {
                generation,
                built: true,
                by_name,
            };
        }
        let index = self.index.lock().expect("index lock");
        Ok(names
            .iter()
            .filter_map(|n| index.by_name.get(n).map(|t| (n.clone(), t.clone())))
            .collect())
    }

    /// Raises, re-states and clears the alarms of an Alertmanager payload. Idempotent: a
    /// payload sent again (Alertmanager retries what failed) changes nothing more.
    pub async fn ingest(&self, n: &alertmanager::Notification) -> ApiResult<Ingested> {
        n.validate()
            .map_err(|e| ApiError::invalid(format!("not an Alertmanager payload: {e}")))?;
        let names: Vec<String> = n
            .alerts
            .iter()
            .filter_map(|a| alertmanager::resource_label(a, &self.resource_labels))
            .map(str::to_owned)
            .collect();
        let targets = self.resolve_all(&names).await?;
        let mut out = Ingested::default();
        for report in alertmanager::reports(n, &self.resource_labels, |v| targets.get(v).cloned()) {
            match report {
                Report::Firing(r) => {
                    if let Some(c) = self.apply(r, false).await? {
                        out.changes.push(c);
                    }
                }
                Report::Resolved(r) => {
                    if let Some(c) = self.apply(r, true).await? {
                        out.changes.push(c);
                    }
                }
                Report::Unmapped { fingerprint, label } => {
                    tracing::warn!(%fingerprint, label = label.as_deref().unwrap_or("(none)"), "alert names no known resource; not stored");
                    out.unmapped += 1;
                }
                Report::Malformed { fingerprint } => {
                    tracing::warn!(%fingerprint, "alert lacks status, startsAt or fingerprint; not stored");
                    out.malformed += 1;
                }
            }
        }
        Ok(out)
    }

    /// One source report applied: the change it made, if any.
    async fn apply(
        &self,
        r: record::Raised,
        resolved: bool,
    ) -> ApiResult<Option<(AlarmChange, Alarm)>> {
        let id = record::stable_id(&r.source_key);
        for _ in 0..SWAP_ATTEMPTS {
            let at = now();
            let (alarm, expected, change) = match self.store.get_alarm(&id).await? {
                None => {
                    let mut a = Alarm::raised(r.clone(), &at);
                    let change = if resolved {
                        a.cleared(&at);
                        AlarmChange::Clear
                    } else {
                        AlarmChange::New
                    };
                    (a, 0, Some(change))
                }
                Some(mut a) => {
                    let expected = a.revision;
                    let change = if resolved {
                        a.cleared(&at)
                    } else {
                        a.restated(&r, &at)
                    };
                    if a.revision == expected {
                        return Ok(None);
                    }
                    (a, expected, change)
                }
            };
            if let Some(alarm) = self.write(alarm, expected, change).await? {
                return Ok(change.map(|c| (c, alarm)));
            }
        }
        Err(raced("alarm"))
    }

    /// Reconciles the stored alarms with the conditions the backends state (see
    /// [`crate::alarms::conditions`]): raises what is newly stated, changes what changed,
    /// clears the AUTOMATIC alarms of a source that it no longer states. Answers the changes.
    pub async fn reconcile(&self, sets: &[ConditionSet]) -> ApiResult<Vec<(AlarmChange, Alarm)>> {
        if sets.is_empty() {
            return Ok(Vec::new());
        }
        let stored: HashMap<String, Alarm> = self
            .store
            .list_alarms()
            .await?
            .into_iter()
            .map(|a| (a.id().to_owned(), a))
            .collect();
        let at = now();
        // Active episodes by the key they continue (`<source><what>@`).
        let ongoing: HashMap<&str, &Alarm> = stored
            .values()
            .filter(|a| !a.is_cleared())
            .filter_map(|a| Some((a.source_key.get(..=a.source_key.rfind('@')?)?, a)))
            .collect();
        let mut out = Vec::new();
        for set in sets {
            let mut stated: HashSet<String> =
                set.undecided.iter().map(|k| record::stable_id(k)).collect();
            for r in &set.active {
                let r = &continued(r, &ongoing, &at);
                let id = record::stable_id(&r.source_key);
                // What the stored copy already says needs no read and no write.
                let unchanged = stored.get(&id).is_some_and(|a| {
                    let mut probe = a.clone();
                    probe.restated(r, &at);
                    probe.revision == a.revision
                });
                stated.insert(id);
                if !unchanged {
                    out.extend(self.apply(r.clone(), false).await?);
                }
            }
            for a in stored.values() {
                let over = set.covers(&a.source_key)
                    && !a.is_cleared()
                    && a.clearing_type == ClearingType::Automatic
                    && !stated.contains(a.id())
                    && set.predates(a.record.alarm_changed_time.as_deref());
                if over {
                    out.extend(self.clear(a.id()).await?);
                }
            }
        }
        Ok(out)
    }

    /// Clears an alarm whose condition is over (nothing when it already is, or is gone).
    async fn clear(&self, id: &str) -> ApiResult<Option<(AlarmChange, Alarm)>> {
        for _ in 0..SWAP_ATTEMPTS {
            let Some(mut alarm) = self.store.get_alarm(id).await? else {
                return Ok(None);
            };
            let expected = alarm.revision;
            let Some(change) = alarm.cleared(&now()) else {
                return Ok(None);
            };
            if let Some(alarm) = self.write(alarm, expected, Some(change)).await? {
                return Ok(Some((change, alarm)));
            }
        }
        Err(raced("alarm"))
    }

    /// Reads every alert Alertmanager holds (`GET <url>/api/v2/alerts`, silenced and
    /// inhibited ones included; only those routed to `receiver`, a regular expression, when
    /// given) and reconciles the Alertmanager alarms with them: an alert whose webhook was lost
    /// is raised, an alarm whose alert has ended or gone is cleared. An alert whose resource
    /// is not known now changes nothing.
    pub async fn pull_alertmanager(
        &self,
        client: &reqwest::Client,
        url: &str,
        receiver: &str,
    ) -> ApiResult<Vec<(AlarmChange, Alarm)>> {
        let failed = |e: String| {
            ApiError::new(
                ErrorCode::Unavailable,
                format!("reading Alertmanager's alerts from {url} failed: {e}"),
            )
        };
        let mut request = client
            .get(format!("{}/api/v2/alerts", url.trim_end_matches('/')))
            .query(&[
                ("active", "true"),
                ("silenced", "true"),
                ("inhibited", "true"),
                ("unprocessed", "true"),
            ]);
        if !receiver.is_empty() {
            request = request.query(&[("receiver", receiver)]);
        }
        // Alarms the webhook changes from now on (an alert firing after Alertmanager answers)
        // are newer than the list; change times are in whole seconds, hence the margin.
        let as_of = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(2);
        let response = request.send().await.map_err(|e| failed(e.to_string()))?;
        if !response.status().is_success() {
            return Err(failed(format!("it answered {}", response.status())));
        }
        let listed: Vec<alertmanager::ListedAlert> =
            response.json().await.map_err(|e| failed(e.to_string()))?;
        let at = jiff::Timestamp::now();
        let n = alertmanager::Notification {
            status: "firing".into(),
            alerts: listed.into_iter().map(|a| a.into_alert(at)).collect(),
            ..Default::default()
        };
        let names: Vec<String> = n
            .alerts
            .iter()
            .filter_map(|a| alertmanager::resource_label(a, &self.resource_labels))
            .map(str::to_owned)
            .collect();
        let targets = self.resolve_all(&names).await?;
        let mut set = ConditionSet::now(alertmanager::SOURCE, Vec::new());
        set.as_of = Some(as_of);
        let reports = alertmanager::reports(&n, &self.resource_labels, |v| targets.get(v).cloned());
        for (alert, report) in n.alerts.iter().zip(reports) {
            match report {
                Report::Firing(r) => set.active.push(r),
                Report::Unmapped { .. } if alert.status.as_deref() == Some("firing") => {
                    set.undecided.extend(alertmanager::key(alert));
                }
                _ => {}
            }
        }
        self.reconcile(&[set]).await
    }

    /// Pulls from Alertmanager (see [`AlarmService::pull_alertmanager`]) at once and every
    /// `period` while this replica leads, until `shutdown`.
    pub async fn keep_pulling(
        self,
        client: reqwest::Client,
        url: String,
        receiver: String,
        period: std::time::Duration,
        leadership: Arc<crate::election::Leadership>,
        shutdown: tokio_util::sync::CancellationToken,
    ) {
        let mut ticks = Ticks::new(period, leadership, shutdown);
        while let Some(leading) = ticks.next().await {
            if !leading {
                continue;
            }
            match self.pull_alertmanager(&client, &url, &receiver).await {
                Ok(changes) if changes.is_empty() => {}
                Ok(changes) => tracing::info!(
                    changes = changes.len(),
                    "alarms reconciled with Alertmanager's alerts"
                ),
                Err(e) => {
                    tracing::warn!(error = %e, "pulling Alertmanager's alerts failed; retried at the next pull")
                }
            }
        }
    }

    /// Reconciles with the backends' conditions while this replica leads: every `period`
    /// when the backend changed, and in full every [`FULL_RECONCILE`] (an operator's clear, a
    /// store restored, another leader's work). A failed pass is retried at the next.
    pub async fn keep_conditions(
        self,
        period: std::time::Duration,
        leadership: Arc<crate::election::Leadership>,
        shutdown: tokio_util::sync::CancellationToken,
    ) {
        // The generation, the statement and when it was last reconciled.
        let mut last: Option<(Option<u64>, Vec<ConditionSet>, std::time::Instant)> = None;
        let mut ticks = Ticks::new(period, leadership, shutdown);
        while let Some(leading) = ticks.next().await {
            if !leading {
                last = None;
                continue;
            }
            let backend = self.inventory.backend();
            let generation = backend.generation();
            let full = last
                .as_ref()
                .is_none_or(|(_, _, at)| at.elapsed() >= FULL_RECONCILE);
            let moved =
                generation.is_none() || last.as_ref().is_none_or(|(g, _, _)| *g != generation);
            if !full && !moved {
                continue;
            }
            let sets = backend.alarm_conditions();
            if !full && last.as_ref().is_some_and(|(_, prior, _)| *prior == sets) {
                continue;
            }
            match self.reconcile(&sets).await {
                Ok(changes) => {
                    if !changes.is_empty() {
                        tracing::info!(
                            changes = changes.len(),
                            "alarms reconciled with the backend's conditions"
                        );
                    }
                    last = Some((generation, sets, std::time::Instant::now()));
                }
                Err(e) => {
                    tracing::warn!(error = %e, "reconciling alarms with the backend's conditions failed; retried at the next pass");
                    last = None;
                }
            }
        }
    }

    pub async fn create_subscription(
        &self,
        scope: Option<&str>,
        input: AlarmSubscriptionInfo,
    ) -> ApiResult<AlarmSubscriptionInfo> {
        let sub = Subscription {
            callback: input.callback,
            consumer_subscription_id: input.consumer_subscription_id,
            filter: input.filter,
            alarm: true,
            lcm: None,
            ..Default::default()
        };
        match self.subscriptions.create(scope, sub).await {
            Ok(created) => Ok(created.into()),
            // The spec lists 409 for a callback already subscribed.
            Err(e) if e.code == ErrorCode::AlreadyExists => {
                Err(ApiError::new(ErrorCode::Conflict, e.message))
            }
            Err(e) => Err(e),
        }
    }

    pub async fn get_subscription(
        &self,
        scope: Option<&str>,
        id: &str,
    ) -> ApiResult<AlarmSubscriptionInfo> {
        Ok(self.subscriptions.get_of(scope, id, true).await?.into())
    }

    pub async fn list_subscriptions(
        &self,
        scope: Option<&str>,
        params: &ListParams,
    ) -> ApiResult<Listed<AlarmSubscriptionInfo>> {
        self.subscriptions.list_of(scope, params, true).await
    }

    pub async fn delete_subscription(&self, scope: Option<&str>, id: &str) -> ApiResult<()> {
        self.subscriptions.delete_of(scope, id, true).await
    }
}

/// The definitions of the Alertmanager alarms stored, as an alarm dictionary. It holds the
/// store only: the inventory service keeps it, and the alarm service keeps the inventory's.
pub struct AlertmanagerDictionary(pub AlarmStoreRef);

#[async_trait::async_trait]
impl super::inventory::MoreDictionaries for AlertmanagerDictionary {
    async fn dictionaries(&self) -> ApiResult<Vec<AlarmDictionary>> {
        let all = self.0.list_alarms().await?;
        Ok(alertmanager::dictionary(&all).into_iter().collect())
    }
}

/// Ticks every `period` until `shutdown`, saying at each whether this replica leads.
struct Ticks {
    every: tokio::time::Interval,
    leadership: Arc<crate::election::Leadership>,
    shutdown: tokio_util::sync::CancellationToken,
}

impl Ticks {
    fn new(
        period: std::time::Duration,
        leadership: Arc<crate::election::Leadership>,
        shutdown: tokio_util::sync::CancellationToken,
    ) -> Ticks {
        let mut every = tokio::time::interval(period);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        Ticks {
            every,
            leadership,
            shutdown,
        }
    }

    /// The next tick: whether this replica leads then; `None` at shutdown.
    async fn next(&mut self) -> Option<bool> {
        tokio::select! {
            _ = self.every.tick() => Some(self.leadership.is_leader()),
            _ = self.shutdown.cancelled() => None,
        }
    }
}

/// How often the backends' conditions are reconciled in full even when nothing changed.
const FULL_RECONCILE: std::time::Duration = std::time::Duration::from_secs(60);

/// Sets `netweave_alarms_active{severity}` from every stored alarm.
fn record_active(all: &[Alarm]) {
    let mut counts = [0u32; CLEARED as usize];
    for a in all.iter().filter(|a| !a.is_cleared()) {
        if let Some(n) = counts.get_mut(usize::from(a.record.perceived_severity)) {
            *n += 1;
        }
    }
    for (severity, n) in counts.iter().enumerate() {
        ::metrics::gauge!(crate::metrics::ALARMS_ACTIVE, "severity" => record::severity_name(severity as u8))
            .set(f64::from(*n));
    }
}

/// `AlarmSubscriptionInfo`: an alarm subscription as the API shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlarmSubscriptionInfo {
    /// Allocated by netweave: ignored in a request.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alarm_subscription_id: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::alarms::not_null"
    )]
    pub consumer_subscription_id: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::alarms::not_null"
    )]
    pub filter: Option<String>,
    pub callback: String,
}

impl From<Subscription> for AlarmSubscriptionInfo {
    fn from(s: Subscription) -> Self {
        AlarmSubscriptionInfo {
            alarm_subscription_id: s.subscription_id,
            consumer_subscription_id: s.consumer_subscription_id,
            filter: s.filter,
            callback: s.callback,
        }
    }
}

impl crate::domain::Fields for AlarmSubscriptionInfo {
    const FIELDS: &'static [&'static str] = &[
        "alarmSubscriptionId",
        "consumerSubscriptionId",
        "filter",
        "callback",
    ];
    const ID_FIELD: &'static str = "alarmSubscriptionId";
}

impl crate::domain::Attributes for AlarmSubscriptionInfo {
    fn attribute(&self, name: &str) -> crate::domain::attributes::Attr<'_> {
        use crate::domain::attributes::AsAttr;
        match name {
            "alarmSubscriptionId" => self.alarm_subscription_id.as_attr(),
            "consumerSubscriptionId" => self.consumer_subscription_id.as_attr(),
            "filter" => self.filter.as_attr(),
            "callback" => self.callback.as_attr(),
            _ => crate::domain::attributes::Attr::Missing,
        }
    }
}

/// A condition whose source cannot say when it began (a key ending in `@`, see
/// [`crate::alarms::conditions::episode_key`]) continues the active alarm of the same
/// condition, whichever replica or process raised it; with none, its episode begins now. A
/// condition that ends and comes back is a new episode, a new alarm.
fn continued(r: &record::Raised, ongoing: &HashMap<&str, &Alarm>, at: &str) -> record::Raised {
    if !r.source_key.ends_with('@') {
        return r.clone();
    }
    let mut r = r.clone();
    match ongoing.get(r.source_key.as_str()) {
        Some(a) => {
            r.source_key = a.source_key.clone();
            r.raised_at = a.record.alarm_raised_time.clone();
        }
        None => {
            r.source_key.push_str(at);
            r.raised_at = at.to_owned();
        }
    }
    r
}
